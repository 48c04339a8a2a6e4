"""The Arrow vectors of ``tests/vectors/arrow`` through Python and pyarrow: the schema
``read_arrow`` gives, and the small tables (batch sizes, every hand-written column of every row,
the bad records), as the Rust and JavaScript runners check them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
from conftest import VECTORS

import metaevents
from metaevents.arrow import spark_schema

ARROW = VECTORS / "arrow"


def field_json(field: pa.Field) -> dict[str, Any]:
    """A field as the vectors write it down (see crates/metaevents/src/arrow/schema.rs)."""
    out: dict[str, Any] = {"name": field.name, "nullable": field.nullable}
    data_type = field.type
    if isinstance(data_type, pa.BaseExtensionType):
        out["extension"] = data_type.extension_name
        data_type = data_type.storage_type
    elif field.metadata and b"ARROW:extension:name" in field.metadata:
        out["extension"] = field.metadata[b"ARROW:extension:name"].decode()
    if pa.types.is_string(data_type):
        out["type"] = "utf8"
    elif pa.types.is_timestamp(data_type):
        out.update(type="timestamp", unit=data_type.unit, timezone=data_type.tz)
    elif pa.types.is_dictionary(data_type):
        values = "utf8" if pa.types.is_string(data_type.value_type) else str(data_type.value_type)
        out.update(type="dictionary", indices=str(data_type.index_type), values=values)
    elif pa.types.is_struct(data_type):
        out.update(type="struct", children=[field_json(data_type.field(i)) for i in range(data_type.num_fields)])
    elif pa.types.is_list(data_type):
        out.update(type="list", children=[field_json(data_type.value_field)])
    else:
        out["type"] = str(data_type)
    return out


def cell(value: Any) -> Any:
    """A cell as the vectors write it: times in epoch milliseconds."""
    if isinstance(value, dt.datetime):
        return int(value.timestamp() * 1000)
    if isinstance(value, dict):
        return {key: cell(item) for key, item in value.items()}
    return value


def test_the_schema_is_the_one_of_the_vectors() -> None:
    expected = json.loads((ARROW / "schema.json").read_text(encoding="utf-8"))
    schema = pa.schema(metaevents.read_arrow(b""))
    assert [field_json(field) for field in schema] == expected["fields"]
    without_raw = pa.schema(metaevents.read_arrow(b"", raw=False))
    assert [field_json(field) for field in without_raw] == expected["fields"][:-1]
    assert spark_schema() == expected["sparkDdl"]


def table_vectors() -> list[Path]:
    return sorted(ARROW.glob("*.expected.json"))


@pytest.mark.parametrize("path", table_vectors(), ids=lambda path: path.name.removesuffix(".expected.json"))
@pytest.mark.parametrize("threads", [1, 2])
def test_small_tables(path: Path, threads: int) -> None:
    vector = json.loads(path.read_text(encoding="utf-8"))
    data = (ARROW / vector["input"]).read_bytes()
    options = vector["options"]
    reader = metaevents.read_arrow(
        data, batch_size=options["batchSize"], raw=options["raw"], filter=options.get("filter"), threads=threads
    )
    table = pa.table(reader)
    assert [batch.num_rows for batch in table.to_batches()] == vector["batches"]
    errors = [{"kind": error.kind, "line": error.line, "path": error.path} for error in reader.errors]
    assert errors == vector["errors"]
    assert all(isinstance(error, ValueError) for error in reader.errors)
    rows = [cell(row) for row in table.to_pylist()]
    assert len(rows) == len(vector["rows"])
    # The JSON form of the same events: each column holds the same value.
    forms = [json.loads(line) for line in _ndjson(data, options.get("filter"))]
    for index, (row, wanted, form) in enumerate(zip(rows, vector["rows"], forms, strict=True)):
        for key, value in wanted.items():
            assert row[key] == value, f"row {index}, column {key}"
        for key in ("details", "native", "raw"):
            if key in row:
                assert json.loads(row[key]) == form[key], f"row {index}, {key} as JSON"
                form[key] = row[key]
        if "raw" not in row:
            form.pop("raw")
        assert row == form, f"row {index} against the JSON form"


def _ndjson(data: bytes, spec: Any) -> list[str]:
    """The contract JSON of each event the table should hold, with raw."""
    compiled = metaevents.Filter(spec) if spec is not None else None
    out = []
    for event in metaevents.iter_lines(data.decode().splitlines()):
        if compiled is None or compiled.matches(event):
            out.append(event.to_json())
    return out
