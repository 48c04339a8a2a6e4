"""Arrow output of metaevents: the normalized events as Arrow record batches.

- :func:`read_arrow` reads a source (bytes, a path, lines; NDJSON, gzip too) into an object that
  pyarrow, Polars and DuckDB read without copies through the Arrow PyCapsule interface::

      table = pyarrow.table(metaevents.read_arrow(Path("events.ndjson.gz")))
      frame = polars.DataFrame(metaevents.read_arrow(data))
      duckdb.sql("select kind, count(*) from reader group by all")   # reader = read_arrow(...)

- :func:`normalize_batches` is the batch function of Spark's ``mapInArrow``: record batches of raw
  payloads in, batches of normalized events out (plain strings, ``timestamp[us, UTC]``: the types
  Spark's Arrow exchange takes), of the schema :func:`spark_schema` gives as DDL::

      spark.read.text("archive/*.ndjson.gz").mapInArrow(normalize_batches, spark_schema())

``read_arrow`` needs no pyarrow; ``normalize_batches`` yields ``pyarrow.RecordBatch`` objects, so
it needs pyarrow (which Spark has).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal

from metaevents._native import ArrowReader, _ColumnNormalizer, read_arrow, spark_schema

if TYPE_CHECKING:
    from metaevents._native import Filter, Parser

__all__ = ["ArrowReader", "normalize_batches", "read_arrow", "spark_schema"]


def normalize_batches(
    batches: Iterable[Any],
    column: str = "value",
    *,
    raw: bool = True,
    filter: Filter | dict[str, Any] | str | None = None,
    parser: Parser | None = None,
    errors: Literal["skip", "raise"] = "skip",
) -> Iterator[Any]:
    """Normalizes record batches of raw payloads (any object with ``__arrow_c_array__``, as
    ``mapInArrow`` hands out ``pyarrow.RecordBatch``): each value of ``column`` (text or bytes;
    ``spark.read.text`` gives each line of NDJSON as ``value``) is one record, and the events of
    each batch come out as ``pyarrow.RecordBatch`` objects (typed ``Any`` here: pyarrow has no
    type stubs) of the schema :func:`spark_schema` describes. Webhook validation requests and
    the events ``filter`` rules out are left out.

    A bad record is skipped (``errors="skip"``) or raised as its ``MetaeventsError``
    (``errors="raise"``), its ``line`` counting the values of every batch so far from 1 (the line
    in the file, when a Spark partition is one gzipped file). Parts of split Atlan messages are
    assembled across the batches; parts missing at the end are errors like any other."""
    # Imported here, and by name: only this function needs pyarrow (Spark has it), and it has no
    # type stubs.
    pa: Any = importlib.import_module("pyarrow")
    if errors not in ("skip", "raise"):
        raise ValueError(f'errors must be "skip" or "raise", not {errors!r}')
    normalizer = _ColumnNormalizer(column, raw=raw, filter=filter, parser=parser)
    for batch in batches:
        normalized, bad = normalizer.push(batch)
        if bad and errors == "raise":
            raise bad[0]
        for out in normalized:
            yield pa.record_batch(out)
    bad = normalizer.finish()
    if bad and errors == "raise":
        raise bad[0]
