"""The examples of docs/tables.md and the engine examples of README.md (the blocks after an
`<!-- engines ... -->` marker), run as written from the repository root, in order, in one
namespace per page (the Spark recipe is run by test_spark.py, on a corpus of its own)."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

FENCE = re.compile(r"(<!-- (engines|spark-recipe)[^>]*-->\n)?^```python\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def blocks(page: str, marker: str | None) -> list[tuple[int, str]]:
    """(line, code) of the page's ```python blocks after `marker` (None: after no marker)."""
    text = (ROOT / page).read_text(encoding="utf-8")
    return [
        (text.count("\n", 0, match.start()) + 2, match.group(3))
        for match in FENCE.finditer(text)
        if match.group(2) == marker
    ]


def run_blocks(page: str, marker: str | None) -> None:
    namespace: dict[str, object] = {"__name__": "__docs__"}
    for line, code in blocks(page, marker):
        exec(compile(code, f"{page}:{line}", "exec"), namespace)


def test_the_examples_of_the_tables_page_run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    assert len(blocks("docs/tables.md", None)) == 3
    assert not blocks("docs/tables.md", "engines"), "every example of the page is run below"
    run_blocks("docs/tables.md", None)
    out = capsys.readouterr().out
    for expected in ["raw.staging.snap_vendors", "removals", "timestamp[ms, tz=UTC] []", "bigquery"]:
        assert expected in out, f"{expected!r} not printed:\n{out}"


def test_the_engine_examples_of_the_readme_run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    assert len(blocks("README.md", "engines")) == 3, "pyarrow, Polars, DuckDB"
    run_blocks("README.md", "engines")
    out = capsys.readouterr().out
    # pyarrow: every event of the demo corpus; Polars: every source; DuckDB: the tag kinds.
    expected_parts = ["events; dictionary<values=string, indices=int32", "openmetadata", "atlas", "tag.removed"]
    for expected in expected_parts:
        assert expected in out, f"{expected!r} not printed:\n{out}"


def test_the_readme_shows_the_spark_recipe_of_the_tables_page() -> None:
    """test_spark.py runs the recipe of docs/tables.md; the README's copy must be the same code."""
    (readme,) = blocks("README.md", "spark-recipe")
    (tables,) = blocks("docs/tables.md", "spark-recipe")
    assert readme[1] == tables[1]
