"""``read_arrow`` and ``metaevents.arrow`` without pyarrow: the Arrow PyCapsule interface needs
no Arrow library in the package (the engine tests, ``scripts/test-spark``, read the batches with
pyarrow, Polars, DuckDB and Spark)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import VECTORS

import metaevents
from metaevents.arrow import spark_schema

SMALL = VECTORS / "arrow" / "small-table.input.ndjson"


def test_the_capsules_need_no_arrow_library() -> None:
    # In a fresh interpreter: nothing metaevents does here imports pyarrow (or anything Arrow).
    code = (
        "import sys, metaevents, metaevents.arrow\n"
        f"reader = metaevents.read_arrow({str(SMALL)!r})\n"
        "schema, stream = reader.__arrow_c_schema__(), reader.__arrow_c_stream__()\n"
        "assert type(schema).__name__ == type(stream).__name__ == 'PyCapsule'\n"
        "assert not [name for name in sys.modules if 'arrow' in name and not name.startswith('metaevents')]\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_sources_and_options() -> None:
    data = SMALL.read_bytes()
    assert repr(metaevents.read_arrow(data, batch_size=3, threads=1)) == (
        f"ArrowReader({len(data)} bytes, batch_size=3, raw=True, threads=1)"
    )
    reader = metaevents.read_arrow(SMALL, raw=False)
    assert (reader.raw, reader.batch_size, reader.errors) == (False, 65536, [])
    assert "ArrowReader(" in repr(metaevents.read_arrow(str(SMALL)))
    assert repr(metaevents.read_arrow(data.decode())).startswith("ArrowReader(")
    lines = metaevents.read_arrow(iter(data.decode().splitlines()))
    lines.__arrow_c_stream__()
    with pytest.raises(ValueError, match="read once"):
        lines.__arrow_c_stream__()


def test_bad_options_are_errors_of_the_package() -> None:
    with pytest.raises(metaevents.MetaeventsError, match="batch_size") as bad:
        metaevents.read_arrow(b"", batch_size=0)
    assert bad.value.kind == "invalid_option"
    with pytest.raises(ValueError, match="threads"):
        metaevents.read_arrow(b"", threads=-1)
    with pytest.raises(metaevents.FilterError):
        metaevents.read_arrow(b"", filter={"kind": {"regexx": "x"}})
    with pytest.raises(TypeError, match="iterable of lines"):
        metaevents.read_arrow(42)  # type: ignore[arg-type]


def test_a_missing_file_is_an_os_error_when_read() -> None:
    reader = metaevents.read_arrow(Path("no/such/file.ndjson"))
    with pytest.raises(FileNotFoundError, match="No such file"):
        reader.__arrow_c_stream__()


def test_the_spark_schema_is_ddl() -> None:
    assert spark_schema().startswith("`id` string, `source` string, `kind` string, `time` timestamp")
    assert "`raw`" not in spark_schema(raw=False)
