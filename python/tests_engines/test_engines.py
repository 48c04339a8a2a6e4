"""metaevents' Arrow output where the users with the most events work: pyarrow, Polars and DuckDB
read ``read_arrow`` through the Arrow PyCapsule interface, and read back the Parquet and Arrow
files of ``metaevents normalize``; every path gives the events of ``metaevents normalize``."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path
from typing import Any

import duckdb
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import cli, ndjson_events, stats_by_kind

import metaevents


def as_json_form(row: dict[str, Any]) -> dict[str, Any]:
    """A row of the table as the contract JSON: times in epoch ms, the JSON columns parsed."""
    out = dict(row)
    if isinstance(out["time"], dt.datetime):
        out["time"] = int(out["time"].timestamp() * 1000)
    for key in ("details", "native", "raw"):
        if isinstance(out.get(key), str):
            out[key] = json.loads(out[key])
    return out


def test_pyarrow_reads_the_events_of_every_shape_of_source(corpus_files: list[Path], corpus_bytes: bytes) -> None:
    expected = stats_by_kind(corpus_files)
    by_kind = lambda table: dict(Counter(table.column("kind").to_pylist()))  # noqa: E731
    from_bytes = metaevents.read_arrow(corpus_bytes)
    table = pa.table(from_bytes)
    assert by_kind(table) == expected
    assert len(from_bytes.errors) == len(corpus_files), "one bad line per file"
    assert {error.kind for error in from_bytes.errors} == {"syntax"}
    for path in corpus_files[:2]:  # a gzipped file, by path and by name
        assert pa.table(metaevents.read_arrow(path)) == pa.table(metaevents.read_arrow(str(path)))
    lines = corpus_bytes.decode().splitlines()
    assert pa.table(metaevents.read_arrow(iter(lines), threads=2)).equals(table)
    assert pa.table(metaevents.read_arrow(corpus_bytes, threads=1)).equals(table)


def test_threads_change_nothing(corpus_bytes: bytes) -> None:
    one = metaevents.read_arrow(corpus_bytes, threads=1, batch_size=1000)
    two = metaevents.read_arrow(corpus_bytes, threads=2, batch_size=1000)
    table_one, table_two = pa.table(one), pa.table(two)
    assert table_one.equals(table_two)
    assert [batch.num_rows for batch in table_two.to_batches()][:-1] == [1000] * (table_two.num_rows // 1000)
    assert [(e.kind, e.line) for e in one.errors] == [(e.kind, e.line) for e in two.errors]


def test_the_rows_are_the_json_form(corpus_files: list[Path], corpus_bytes: bytes) -> None:
    rows = [as_json_form(row) for row in pa.table(metaevents.read_arrow(corpus_bytes)).to_pylist()]
    assert rows == ndjson_events(corpus_files)


def test_polars_reads_it_without_pyarrow_in_between(corpus_files: list[Path], corpus_bytes: bytes) -> None:
    frame = pl.DataFrame(metaevents.read_arrow(corpus_bytes, raw=False))
    counts = dict(frame.group_by("kind").len().iter_rows())
    assert counts == stats_by_kind(corpus_files)
    assert frame.schema["time"] == pl.Datetime("ms", "UTC")
    owners = frame.filter(pl.col("kind") == "owner.added").select(pl.col("entity").struct.field("platform"))
    assert owners.height > 0


def test_duckdb_queries_it(corpus_files: list[Path], corpus_bytes: bytes) -> None:
    events = metaevents.read_arrow(corpus_bytes)
    counts = dict(duckdb.sql("select kind::varchar, count(*) from events group by all").fetchall())
    assert counts == stats_by_kind(corpus_files)
    # The JSON columns are DuckDB's JSON type: "who removed a PII tag".
    removed = duckdb.sql(
        "select actor, subjects from events where kind = 'tag.removed' and details->>'tagUrn' is not null limit 3"
    ).fetchall()
    assert removed
    assert all(isinstance(subjects, list) for _, subjects in removed)
    assert len(events.errors) == len(corpus_files)


def test_read_arrow_is_filtered_and_can_leave_raw_out(corpus_bytes: bytes) -> None:
    table = pa.table(metaevents.read_arrow(corpus_bytes, filter={"kind": "tag.*"}, raw=False))
    assert set(table.column("kind").to_pylist()) <= {"tag.added", "tag.removed", "tag.updated"}
    assert "raw" not in table.column_names
    compiled = metaevents.Filter({"kind": "tag.*"})
    events = metaevents.iter_lines(corpus_bytes.splitlines())
    assert table.num_rows == sum(1 for event in events if compiled.matches(event))


@pytest.mark.parametrize("threads", ["1", "2"])
def test_the_cli_writes_parquet_duckdb_and_pyarrow_read_as_the_events(
    corpus_files: list[Path], tmp_path: Path, threads: str
) -> None:
    out = tmp_path / "events.parquet"
    done = cli("normalize", "--output", "parquet", "--threads", threads, "-o", out, *corpus_files)
    assert done.returncode == 1
    assert done.stderr.decode().count("truncated JSON") == len(corpus_files)
    expected = ndjson_events(corpus_files)
    from_pyarrow = [as_json_form(row) for row in pq.read_table(out).to_pylist()]
    assert from_pyarrow == expected
    columns = ", ".join(["id", "source::varchar", "kind::varchar", "time", "actor", "entity", "subjects"])
    from_duckdb = duckdb.sql(f"select {columns}, details, native, raw from '{out}'").fetchall()
    assert len(from_duckdb) == len(expected)
    for (id_, source, kind, time, actor, entity, subjects, details, native, raw), event in zip(
        from_duckdb, expected, strict=True
    ):
        assert (id_, source, kind, actor, entity, subjects) == (
            event["id"],
            event["source"],
            event["kind"],
            event["actor"],
            event["entity"],
            event["subjects"],
        )
        assert (time is None and event["time"] is None) or int(time.timestamp() * 1000) == event["time"]
        assert (json.loads(details), json.loads(native), json.loads(raw)) == (
            event["details"],
            event["native"],
            event["raw"],
        )
    assert pl.read_parquet(out).height == len(expected)


def test_the_cli_writes_arrow_files_and_streams(corpus_files: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "events.arrow"
    cli("normalize", "--output", "arrow", "--no-raw", "-o", out, *corpus_files)
    table = pa.ipc.open_file(out).read_all()
    stream = cli("normalize", "--output", "arrow", "--no-raw", "-o", "-", *corpus_files).stdout
    # The same rows (the file's dictionaries grow by deltas, the stream resends them).
    assert pa.ipc.open_stream(stream).read_all().to_pylist() == table.to_pylist()
    assert pl.read_ipc_stream(stream).height == table.num_rows
    assert dict(Counter(table.column("kind").to_pylist())) == stats_by_kind(corpus_files)
