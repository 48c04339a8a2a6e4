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

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal

from metaevents._native import ArrowReader, _normalize_batch, read_arrow, spark_schema

if TYPE_CHECKING:
    import pyarrow

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
) -> Iterator[pyarrow.RecordBatch]:
    """Normalizes record batches of raw payloads: each value of ``column`` (text or bytes, as
    ``spark.read.text`` gives a line of NDJSON in ``value``) is one record, and the events of a
    batch come out as record batches of the schema :func:`spark_schema` describes. Webhook
    validation requests and events ``filter`` rules out are left out. A bad record is skipped
    (``errors="skip"``) or raised as its ``MetaeventsError``, the ``line`` being the value's
    1-based row in its batch (``errors="raise"``). Parts of split Atlan messages are assembled
    when they are in the same batch."""
    import pyarrow as pa

    if errors not in ("skip", "raise"):
        raise ValueError(f'errors must be "skip" or "raise", not {errors!r}')
    for batch in batches:
        normalized, bad = _normalize_batch(batch, column, raw=raw, filter=filter, parser=parser)
        if bad and errors == "raise":
            raise bad[0]
        for out in normalized:
            yield pa.record_batch(out)
