"""The examples of docs/tables.md, run as written from the repository root, in order, in one
namespace (the Spark recipe is run by test_spark.py, on a corpus of its own)."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

FENCE = re.compile(r"(<!-- spark-recipe[^>]*-->\n)?^```python\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def test_the_examples_of_the_tables_page_run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    page = ROOT / "docs" / "tables.md"
    text = page.read_text(encoding="utf-8")
    namespace: dict[str, object] = {"__name__": "__docs__"}
    blocks = [
        (text.count("\n", 0, match.start()) + 2, match.group(2)) for match in FENCE.finditer(text) if not match.group(1)
    ]
    assert len(blocks) == 3
    for line, code in blocks:
        exec(compile(code, f"docs/tables.md:{line}", "exec"), namespace)
    out = capsys.readouterr().out
    for expected in ["raw.staging.snap_vendors", "removals", "timestamp[ms, tz=UTC] []", "bigquery"]:
        assert expected in out, f"{expected!r} not printed:\n{out}"
