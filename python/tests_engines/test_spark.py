"""The Spark recipe of docs/tables.md, run for real: PySpark in local mode with two cores' worth
of partitions, bound to the loopback interface, over a directory of gzipped NDJSON of all
four sources; the normalized events land in Parquet and their counts per kind and per source
must equal what ``metaevents stats --json`` counts on the same files."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from conftest import ROOT, stats_by_kind, stats_by_kind_and_source
from pyspark.sql import SparkSession


def recipe() -> str:
    """The code block after the spark-recipe marker of docs/tables.md."""
    text = (ROOT / "docs" / "tables.md").read_text(encoding="utf-8")
    found = re.search(r"<!-- spark-recipe[^>]*-->\n```python\n(.*?)```", text, re.S)
    assert found, "docs/tables.md lost its Spark recipe"
    return found.group(1)


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    session = (
        SparkSession.builder.master("local[2]")
        .appName("metaevents-test")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    try:
        yield session
    finally:
        session.stop()


def test_the_documented_spark_recipe_counts_what_the_cli_counts(
    spark: SparkSession, corpus_dir: Path, corpus_files: list[Path], tmp_path: Path
) -> None:
    output = tmp_path / "lake"
    code = recipe().replace('"archive/*.ndjson.gz"', repr(str(corpus_dir / "*.ndjson.gz")))
    code = code.replace('"lake/catalog_events"', repr(str(output)))
    scope: dict[str, object] = {}
    exec(compile(code, "docs/tables.md (spark recipe)", "exec"), scope)
    events = scope["events"]
    assert events.rdd.getNumPartitions() >= 2, "every core gets a share"  # type: ignore[attr-defined]

    written = spark.read.parquet(str(output))
    counts = {row["kind"]: row["count"] for row in written.groupBy("kind").count().collect()}
    assert counts == stats_by_kind(corpus_files)
    by_source = {(row.kind, row.source): row["count"] for row in written.groupBy("kind", "source").count().collect()}
    assert by_source == stats_by_kind_and_source(corpus_files)
    assert {source for _, source in by_source} == {"datahub", "atlan", "atlas", "openmetadata"}
    # The same rows from pyarrow, with the types of the Spark dialect.
    table = pq.read_table(output)
    assert table.num_rows == sum(counts.values())
    assert str(table.schema.field("time").type).startswith("timestamp[")
    assert set(table.column_names) == {
        "id", "source", "kind", "time", "actor", "entity", "subjects", "details", "native", "raw",
    }  # fmt: skip


def test_bad_records_can_fail_the_task(spark: SparkSession, corpus_dir: Path) -> None:
    from metaevents.arrow import normalize_batches, spark_schema

    def strict(batches):  # type: ignore[no-untyped-def]
        return normalize_batches(batches, errors="raise")

    lines = spark.read.text(str(corpus_dir / "demo.ndjson.gz"))
    with pytest.raises(Exception, match="truncated JSON"):
        lines.mapInArrow(strict, spark_schema()).count()
