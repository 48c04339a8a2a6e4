"""Runs every ```python block of the documentation, page by page: the blocks of one page in order,
in one namespace, from the repository root (the examples read files of tests/vectors)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT

# A block right after an `<!-- engines ... -->` or `<!-- spark-recipe ... -->` marker needs the
# engines: the engines stage runs it (python/tests_engines/test_docs.py, test_spark.py), not this one.
FENCE = re.compile(r"(<!-- (?:engines|spark-recipe)[^>]*-->\n)?^```python\n(.*?)^```$", re.MULTILINE | re.DOTALL)

# Each page with Python examples, and what its examples must print (each found something).
PAGES = {
    "README.md": ["atlan tag.added default/snowflake/"],
    "python/README.md": [
        "added to default/snowflake/",
        "removed ['urn:li:corpGroup:analytics-team'] from",
        "{'statusCode': 200}",
        "owner.added ['aaron_johnson0'] owner.added:fieldsAdded[0]",
        "PII tag added to urn:li:dataset:(urn:li:dataPlatform:snowflake,analytics.public.orders,PROD)",
        "tag.added ['kafka-avro', 'datahub-platform-event'] schema id 4",
        "io.metaevents.tag.added urn:li:dataset:",
        "invalid_field $.operation",
    ],
    "docs/filters.md": ["True", "filter.kind unknown kind"],
}
# Pages whose examples all need the engines (pyarrow, Polars, DuckDB, Spark): run by the engines
# stage (scripts/test-spark, python/tests_engines/test_docs.py), whose venv has them.
ENGINE_PAGES = {"docs/tables.md"}


def documentation_pages() -> list[Path]:
    """Every Markdown page a user reads."""
    pages = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", ROOT / "python" / "README.md", ROOT / "js" / "README.md"]
    pages += [ROOT / "crates" / "metaevents" / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    return [page for page in pages if page.exists()]


def python_blocks(page: Path) -> list[tuple[int, str]]:
    """The page's ```python blocks this stage runs (not those marked for the engines stage)."""
    text = page.read_text(encoding="utf-8")
    return [
        (text.count("\n", 0, match.start()) + 2, match.group(2)) for match in FENCE.finditer(text) if not match.group(1)
    ]


def test_every_page_with_python_examples_is_run() -> None:
    with_examples = {page.relative_to(ROOT).as_posix() for page in documentation_pages() if python_blocks(page)}
    assert with_examples == set(PAGES) | ENGINE_PAGES


@pytest.mark.parametrize("name", sorted(PAGES))
def test_examples_run(name: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("SIGNING_SECRET", raising=False)
    namespace: dict[str, object] = {"__name__": "__readme__"}
    blocks = python_blocks(ROOT / name)
    assert blocks
    for line, code in blocks:
        exec(compile(code, f"{name}:{line}", "exec"), namespace)
    out = capsys.readouterr().out
    for expected in PAGES[name]:
        assert expected in out, f"{name}: {expected!r} not printed:\n{out}"
