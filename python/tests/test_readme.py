"""Runs every ```python block of the root README.md, in order, in one namespace, from the
repository root (the examples read files of tests/vectors)."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

FENCE = re.compile(r"^```python\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def python_blocks() -> list[tuple[int, str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return [(text.count("\n", 0, match.start()) + 2, match.group(1)) for match in FENCE.finditer(text)]


def test_readme_has_python_examples() -> None:
    assert len(python_blocks()) >= 4


def test_readme_examples_run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("SIGNING_SECRET", raising=False)
    namespace: dict[str, object] = {"__name__": "__readme__"}
    for line, code in python_blocks():
        exec(compile(code, f"README.md:{line}", "exec"), namespace)
    out = capsys.readouterr().out
    # The examples print what they found: each one must have found something.
    assert "added to default/snowflake/" in out
    assert "tag.added" in out
    assert "{'statusCode': 200}" in out
