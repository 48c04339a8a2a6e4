"""The Python rows of the benchmark: metaevents against pyatlan, pyatlan_v9, datahub-actions,
orjson and json, on the same lines, in the same process, interleaved; and Arrow tables from
metaevents.read_arrow against pyarrow, DuckDB and Polars reading the same NDJSON.

Run by `scripts/bench` inside the bench venv (pinned to one core; the Arrow rows with two
threads are not pinned); prints one JSON document.

    python bench/py_bench.py speed --corpus-dir bench/corpus --reps 3 --atlan-lines 2000 --datahub-lines 10000
    python bench/py_bench.py arrow --threads 1 --datahub bench/corpus/datahub-ece.ndjson:10000 \
        --atlan bench/corpus/atlan-arrow.ndjson:5000 --reps 3
    python bench/py_bench.py memory --impl metaevents --corpus bench/corpus/atlan-envelope.ndjson --lines 10000
    python bench/py_bench.py import --module metaevents --reps 5

Every row is a function over the same list of NDJSON lines (bytes, as read from a file or a
socket). Repetitions are interleaved (A B C, B C A, ...) and the median is kept, so machine
noise hits every row alike. Rows whose package is missing are reported as not built.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import statistics
import subprocess
import sys
import time
from typing import Any, Callable

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen_corpus  # noqa: E402  (constants: the PII tags)

DATAHUB_SELECTIVE = {"kind": "tag.added", "subjects": gen_corpus.DATAHUB_PII_TAG}
ATLAN_SELECTIVE = {"kind": "tag.added", "subjects": gen_corpus.ATLAN_PII_TAG}
ACTIONS_SELECTIVE = {
    "event_type": "EntityChangeEvent_v1",
    "event": {"category": "TAG", "operation": "ADD", "modifier": gen_corpus.DATAHUB_PII_TAG},
}
ACTIONS_ALL = {"event_type": "EntityChangeEvent_v1"}
# The shortest timed sample: faster rows repeat their call within one sample (see `measure`).
MIN_SAMPLE_S = 0.02


def versions() -> dict[str, str]:
    from importlib import metadata

    out = {"python": sys.version.split()[0]}
    for dist in (
        "metaevents",
        "pyatlan",
        "acryl-datahub-actions",
        "acryl-datahub",
        "orjson",
        "pydantic",
        "msgspec",
        "pyarrow",
        "polars",
        "duckdb",
    ):
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            out[dist] = "not installed"
    return out


# --------------------------------------------------------------------------------------------
# Rows. Each maker returns a callable over (lines, data) or raises ImportError (not built).
# --------------------------------------------------------------------------------------------


def each(parse: Callable[[bytes], Any]) -> Callable:
    """Parses every line and drops the result at once, as a consumer handling one event at a
    time does. (Holding them all would charge the rows that make many Python objects for the
    cyclic garbage collector's passes over everything held, more the bigger the corpus; what
    holding costs is measured by the memory rows.)"""

    def run(lines, data):
        count = 0
        for line in lines:
            parse(line)
            count += 1
        return count

    return run


def metaevents_parse() -> Callable:
    import metaevents

    return each(metaevents.parse)


def metaevents_parse_many() -> Callable:
    import metaevents

    return lambda lines, data: metaevents.parse_many(data)


def pyatlan_event() -> Callable:
    # Exactly what pyatlan's Lambda handler (pyatlan/events/atlan_lambda_handler.py) does per event.
    from pyatlan.model.events import AtlanEvent

    loads = json.loads
    return each(lambda line: AtlanEvent(**loads(line)))


def pyatlan_v9_event() -> Callable:
    from pyatlan_v9.model.events import AtlanEvent

    loads = json.loads
    return each(lambda line: AtlanEvent.from_dict(loads(line)))


def datahub_actions_ece() -> Callable:
    from datahub_actions.event.event_registry import EntityChangeEvent

    return each(EntityChangeEvent.from_json)


def orjson_loads() -> Callable:
    import orjson

    return each(orjson.loads)


def json_loads() -> Callable:
    return each(json.loads)


def on_events(convert: Callable[[Any], Any], module: str | None = None) -> Callable[[], Callable]:
    """A row over the events of the corpus, parsed once beforehand (untimed): `convert` of each."""

    def make() -> Callable:
        import metaevents

        if module is not None:
            __import__(module)
        parsed: dict[int, tuple[bytes, list]] = {}

        def run(lines, data):
            cached = parsed.get(id(data))
            if cached is None or cached[0] is not data:
                cached = parsed[id(data)] = (data, metaevents.parse_many(data))
            for event in cached[1]:
                convert(event)
            return len(cached[1])

        return run

    return make


def to_dict(event: Any) -> Any:
    return event.to_dict()


def json_loads_to_json(event: Any) -> Any:
    return json.loads(event.to_json())


def orjson_loads_to_json(event: Any) -> Any:
    import orjson

    return orjson.loads(event.to_json())


def metaevents_filter(spec: dict) -> Callable[[], Callable]:
    def make() -> Callable:
        import metaevents

        compiled = metaevents.Filter(spec)
        return lambda lines, data: list(compiled.filter_ndjson(data))

    return make


def metaevents_actions_filter(config: dict) -> Callable[[], Callable]:
    def make() -> Callable:
        import metaevents

        compiled = metaevents.Filter.from_datahub_actions(config)
        return lambda lines, data: list(compiled.filter_ndjson(data))

    return make


def datahub_actions_filter(config: dict) -> Callable[[], Callable]:
    """What a datahub-actions pipeline does per event: the typed event from JSON (as its Kafka
    source does with a PlatformEvent's payload), the envelope, then FilterTransformer."""

    def make() -> Callable:
        from datahub_actions.event.event_envelope import EventEnvelope
        from datahub_actions.event.event_registry import EntityChangeEvent
        from datahub_actions.plugin.transform.filter.filter_transformer import (
            FilterTransformer,
            FilterTransformerConfig,
        )

        transformer = FilterTransformer(FilterTransformerConfig.model_validate(config))
        from_json = EntityChangeEvent.from_json

        def run(lines, data):
            out = []
            for index, line in enumerate(lines):
                envelope = EventEnvelope("EntityChangeEvent_v1", from_json(line), {})
                if transformer.transform(envelope) is not None:
                    out.append(index)
            return out

        return run

    return make


def orjson_check(check: Callable[[dict], bool], needle: bytes | None = None) -> Callable[[], Callable]:
    def make() -> Callable:
        import orjson

        loads = orjson.loads
        if needle is None:
            return lambda lines, data: [i for i, line in enumerate(lines) if check(loads(line))]
        return lambda lines, data: [i for i, line in enumerate(lines) if needle in line and check(loads(line))]

    return make


def dh_selective(d: dict) -> bool:
    return (
        d.get("category") == "TAG"
        and d.get("operation") == "ADD"
        and (d.get("parameters") or {}).get("tagUrn") == gen_corpus.DATAHUB_PII_TAG
    )


def dh_all(d: dict) -> bool:
    return "entityUrn" in d


def at_selective(d: dict) -> bool:
    m = d.get("message") or {}
    return m.get("operationType") == "CLASSIFICATION_ADD" and any(
        t.get("typeName") == gen_corpus.ATLAN_PII_TAG for t in (m.get("mutatedDetails") or [])
    )


def at_all(d: dict) -> bool:
    return "message" in d


# Groups: (id, title, corpus, [(row id, label, maker, target ratio or None, info?)])
def groups() -> list[tuple[str, str, str, list]]:
    dh_pii = gen_corpus.DATAHUB_PII_TAG.encode()
    at_pii = gen_corpus.ATLAN_PII_TAG.encode()
    return [
        (
            "parse-atlan",
            "Python parse, Atlan webhook envelopes",
            "atlan-envelope.ndjson",
            [
                ("metaevents", "metaevents.parse(line)", metaevents_parse, None, False),
                ("pyatlan", "pyatlan: AtlanEvent(**json.loads(line))", pyatlan_event, 20.0, False),
                ("pyatlan_v9", "pyatlan_v9: AtlanEvent.from_dict(json.loads(line))", pyatlan_v9_event, 2.0, False),
                ("orjson", "orjson.loads(line)", orjson_loads, 1.0, False),
                ("json", "json.loads(line)", json_loads, None, True),
                ("metaevents_many", "metaevents.parse_many(data)", metaevents_parse_many, None, True),
            ],
        ),
        (
            "parse-datahub",
            "Python parse, DataHub Entity Change Events",
            "datahub-ece.ndjson",
            [
                ("metaevents", "metaevents.parse(line)", metaevents_parse, None, False),
                (
                    "datahub_actions",
                    "datahub-actions: EntityChangeEvent.from_json(line)",
                    datahub_actions_ece,
                    5.0,
                    False,
                ),
                ("orjson", "orjson.loads(line)", orjson_loads, 1.0, False),
                ("json", "json.loads(line)", json_loads, None, True),
                ("metaevents_many", "metaevents.parse_many(data)", metaevents_parse_many, None, True),
            ],
        ),
        (
            "to-dict-atlan",
            "Python Event.to_dict(), Atlan webhook envelopes (events parsed beforehand)",
            "atlan-envelope.ndjson",
            [
                ("metaevents", "event.to_dict()", on_events(to_dict), None, False),
                ("json_loads", "json.loads(event.to_json())", on_events(json_loads_to_json), None, True),
                (
                    "orjson_loads",
                    "orjson.loads(event.to_json())",
                    on_events(orjson_loads_to_json, "orjson"),
                    None,
                    True,
                ),
            ],
        ),
        (
            "to-dict-datahub",
            "Python Event.to_dict(), DataHub Entity Change Events (events parsed beforehand)",
            "datahub-ece.ndjson",
            [
                ("metaevents", "event.to_dict()", on_events(to_dict), None, False),
                ("json_loads", "json.loads(event.to_json())", on_events(json_loads_to_json), None, True),
                (
                    "orjson_loads",
                    "orjson.loads(event.to_json())",
                    on_events(orjson_loads_to_json, "orjson"),
                    None,
                    True,
                ),
            ],
        ),
        (
            "filter-datahub-selective",
            "Python filter, DataHub ECEs, PII tag added (~1% match)",
            "datahub-ece.ndjson",
            [
                (
                    "metaevents",
                    f"metaevents Filter({json.dumps(DATAHUB_SELECTIVE)}).filter_ndjson(data)",
                    metaevents_filter(DATAHUB_SELECTIVE),
                    None,
                    False,
                ),
                ("orjson_check", "orjson.loads + hand-written dict check", orjson_check(dh_selective), 20.0, False),
                (
                    "metaevents_actions",
                    "metaevents Filter.from_datahub_actions(same config).filter_ndjson(data)",
                    metaevents_actions_filter(ACTIONS_SELECTIVE),
                    None,
                    True,
                ),
                (
                    "datahub_actions",
                    "datahub-actions: from_json + FilterTransformer(category/operation/modifier)",
                    datahub_actions_filter(ACTIONS_SELECTIVE),
                    None,
                    True,
                ),
                (
                    "orjson_needle",
                    "`b'urn:li:tag:PII' in line` + orjson.loads + dict check",
                    orjson_check(dh_selective, dh_pii),
                    None,
                    True,
                ),
            ],
        ),
        (
            "filter-datahub-all",
            "Python filter, DataHub ECEs, all match",
            "datahub-ece.ndjson",
            [
                (
                    "metaevents",
                    'metaevents Filter({"source": "datahub"}).filter_ndjson(data)',
                    metaevents_filter({"source": "datahub"}),
                    None,
                    False,
                ),
                ("orjson_check", "orjson.loads + hand-written dict check", orjson_check(dh_all), 1.5, False),
                (
                    "metaevents_actions",
                    'metaevents Filter.from_datahub_actions({"event_type": "EntityChangeEvent_v1"})',
                    metaevents_actions_filter(ACTIONS_ALL),
                    None,
                    True,
                ),
                (
                    "datahub_actions",
                    "datahub-actions: from_json + FilterTransformer(event_type)",
                    datahub_actions_filter(ACTIONS_ALL),
                    None,
                    True,
                ),
            ],
        ),
        (
            "filter-atlan-selective",
            "Python filter, Atlan envelopes, PII tag added (~1% match)",
            "atlan-envelope.ndjson",
            [
                (
                    "metaevents",
                    'metaevents Filter({"kind": "tag.added", "subjects": PII}).filter_ndjson(data)',
                    metaevents_filter(ATLAN_SELECTIVE),
                    None,
                    False,
                ),
                ("orjson_check", "orjson.loads + hand-written dict check", orjson_check(at_selective), 20.0, False),
                (
                    "orjson_needle",
                    "`PII id in line` + orjson.loads + dict check",
                    orjson_check(at_selective, at_pii),
                    None,
                    True,
                ),
            ],
        ),
        (
            "filter-atlan-all",
            "Python filter, Atlan envelopes, all match",
            "atlan-envelope.ndjson",
            [
                (
                    "metaevents",
                    'metaevents Filter({"source": "atlan"}).filter_ndjson(data)',
                    metaevents_filter({"source": "atlan"}),
                    None,
                    False,
                ),
                ("orjson_check", "orjson.loads + hand-written dict check", orjson_check(at_all), 1.5, False),
            ],
        ),
    ]


# --------------------------------------------------------------------------------------------
# Arrow tables (issue 11): NDJSON in memory -> an Arrow table (or a Polars frame), per engine.
# Each maker takes the thread count every engine is given; the process is pinned to one core
# when it is 1. Every row's result is its row count.
# --------------------------------------------------------------------------------------------


def arrow_metaevents(threads: int) -> Callable[[], Callable]:
    def make() -> Callable:
        import pyarrow

        import metaevents

        return lambda lines, data: pyarrow.table(metaevents.read_arrow(data, threads=threads)).num_rows

    return make


def arrow_pyarrow_json(threads: int) -> Callable[[], Callable]:
    """pyarrow's C++ NDJSON reader: parses and infers a schema, normalizes nothing."""

    def make() -> Callable:
        import pyarrow
        import pyarrow.json

        pyarrow.set_cpu_count(threads)
        options = pyarrow.json.ReadOptions(use_threads=threads > 1)
        return lambda lines, data: pyarrow.json.read_json(pyarrow.BufferReader(data), read_options=options).num_rows

    return make


def arrow_duckdb(threads: int, scratch_dir: str) -> Callable[[], Callable]:
    """duckdb.read_json over a file holding the same bytes (its Python API reads a path; a file
    object would need fsspec), written once before the first run: the page cache serves it."""

    def make() -> Callable:
        import atexit
        import tempfile

        import duckdb

        con = duckdb.connect(config={"threads": threads})
        files: dict[int, tuple[bytes, str]] = {}

        def run(lines, data):
            cached = files.get(id(data))
            if cached is None or cached[0] is not data:
                fd, path = tempfile.mkstemp(prefix=".arrow-duckdb-", suffix=".ndjson", dir=scratch_dir)
                with os.fdopen(fd, "wb") as f:
                    f.write(data)
                atexit.register(os.unlink, path)
                cached = files[id(data)] = (data, path)
            return con.read_json(cached[1], format="newline_delimited").to_arrow_table().num_rows

        return run

    return make


def arrow_polars_ndjson() -> Callable:
    import io

    import polars

    return lambda lines, data: polars.read_ndjson(io.BytesIO(data)).height


def arrow_orjson_polars() -> Callable:
    import orjson
    import polars

    loads = orjson.loads
    return lambda lines, data: polars.DataFrame([loads(line) for line in lines]).height


def arrow_groups(threads: int, corpora: list[tuple[str, str, str]], scratch_dir: str) -> list:
    """One group per corpus (key, title, path). With one thread the single-threaded targets;
    with more, the like-for-like multi-threaded comparison (pyarrow, DuckDB, Polars)."""
    out = []
    for key, what, path in corpora:
        if threads == 1:
            title = f"Python Arrow table, {what} — every engine on 1 thread, pinned to one core"
            rows = [
                (
                    "metaevents",
                    "pyarrow.table(metaevents.read_arrow(data, threads=1))",
                    arrow_metaevents(1),
                    None,
                    False,
                ),
                (
                    "pyarrow_json",
                    "pyarrow.json.read_json(data), use_threads=False (parses only)",
                    arrow_pyarrow_json(1),
                    1.0,
                    False,
                ),
                (
                    "duckdb",
                    "duckdb.read_json(file).to_arrow_table(), threads=1",
                    arrow_duckdb(1, scratch_dir),
                    None,
                    False,
                ),
                ("polars_ndjson", "polars.read_ndjson(data), POLARS_MAX_THREADS=1", arrow_polars_ndjson, None, False),
                (
                    "orjson_polars",
                    "polars.DataFrame([orjson.loads(l) for l in lines])",
                    arrow_orjson_polars,
                    5.0,
                    False,
                ),
                ("orjson", "orjson.loads(line) per line (dicts dropped)", orjson_loads, 1.0, False),
            ]
        else:
            title = f"Python Arrow table, {what} — every engine on {threads} threads, not pinned ({threads} cores)"
            rows = [
                (
                    "metaevents",
                    f"pyarrow.table(metaevents.read_arrow(data, threads={threads}))",
                    arrow_metaevents(threads),
                    None,
                    False,
                ),
                (
                    "pyarrow_json",
                    f"pyarrow.json.read_json(data), use_threads=True, set_cpu_count({threads}) (parses only)",
                    arrow_pyarrow_json(threads),
                    1.0,
                    False,
                ),
                (
                    "duckdb",
                    f"duckdb.read_json(file).to_arrow_table(), threads={threads}",
                    arrow_duckdb(threads, scratch_dir),
                    None,
                    False,
                ),
                (
                    "polars_ndjson",
                    f"polars.read_ndjson(data), POLARS_MAX_THREADS={threads}",
                    arrow_polars_ndjson,
                    None,
                    False,
                ),
            ]
        out.append((f"arrow-{key}-t{threads}", title, path, rows))
    return out


def read_lines(path: str, limit: int) -> list[bytes]:
    with open(path, "rb") as f:
        lines = [line.rstrip(b"\n") for line in f]
    return [line for line in lines if line][:limit]


def summarize(result: Any) -> Any:
    """What to compare between rows: a filter's match list, or a parse's event count."""
    if isinstance(result, int) or (isinstance(result, list) and (not result or isinstance(result[0], int))):
        return result
    try:
        return len(result)
    except TypeError:
        return None


def run_speed(args: argparse.Namespace) -> dict:
    chosen = []
    for group_id, title, corpus, rows in groups():
        if args.only and not any(group_id.startswith(o) for o in args.only):
            continue
        limit = args.atlan_lines if corpus.startswith("atlan") else args.datahub_lines
        chosen.append((group_id, title, os.path.join(args.corpus_dir, corpus), limit, rows))
    return measure(chosen, args.reps)


def run_arrow(args: argparse.Namespace) -> dict:
    # Polars sizes its thread pool once, when it is first imported.
    os.environ["POLARS_MAX_THREADS"] = str(args.threads)
    corpora = []
    for key, what, spec in (("datahub", "DataHub ECEs", args.datahub), ("atlan", "Atlan envelopes", args.atlan)):
        if spec:
            path, _, limit = spec.rpartition(":")
            corpora.append((key, what, path, int(limit)))
    chosen = []
    for (group_id, title, path, rows), (_, _, _, limit) in zip(
        arrow_groups(args.threads, [(k, w, p) for k, w, p, _ in corpora], args.scratch_dir), corpora
    ):
        chosen.append((group_id, title, path, limit, rows))
    out = measure(chosen, args.reps)
    out["threads"] = args.threads
    return out


def measure(chosen: list, reps: int) -> dict:
    """Runs the rows of each group on the same lines, repetitions interleaved; medians."""
    out: dict[str, Any] = {"versions": versions(), "groups": []}
    for group_id, title, path, limit, rows in chosen:
        corpus = os.path.basename(path)
        lines = read_lines(path, limit)
        data = b"\n".join(lines) + b"\n"
        group: dict[str, Any] = {
            "id": group_id,
            "title": title,
            "corpus": corpus,
            "lines": len(lines),
            "bytes": len(data),
            "rows": [],
        }
        runnable = []
        for row_id, label, maker, target, info in rows:
            row = {"id": row_id, "label": label, "target": target, "info": info, "times": []}
            group["rows"].append(row)
            try:
                fn = maker()
            except ImportError as err:
                row["status"] = f"not built ({err.name or err})"
                continue
            except Exception as err:  # a binding still being written: report, go on
                row["status"] = f"failed: {type(err).__name__}: {err}"[:300]
                continue
            try:  # one untimed run: warms caches, checks the row works, sizes its samples
                start = time.perf_counter()
                row["result"] = summarize(fn(lines, data))
                warm = time.perf_counter() - start
            except Exception as err:
                row["status"] = f"failed: {type(err).__name__}: {err}"[:300]
                continue
            row["status"] = "ok"
            # A sample of a sub-millisecond row (a selective filter) repeats the call until it
            # lasts about MIN_SAMPLE_S, as timeit's autorange does: one call alone is mostly
            # the timer, the gc.collect before it and the first touches of its output.
            row["calls_per_sample"] = max(1, math.ceil(MIN_SAMPLE_S / max(warm, 1e-6)))
            runnable.append((row, fn))
        for rep in range(reps):
            order = runnable[rep % len(runnable) :] + runnable[: rep % len(runnable)] if runnable else []
            for row, fn in order:
                calls = row["calls_per_sample"]
                gc.collect()
                start = time.perf_counter()
                for _ in range(calls):
                    result = fn(lines, data)
                row["times"].append((time.perf_counter() - start) / calls)
                del result
        for row in group["rows"]:
            if row["times"]:
                row["median_s"] = statistics.median(row["times"])
        # Do the rows agree? (match lists of filters; event counts of parses)
        results = {row["id"]: row.get("result") for row in group["rows"] if row.get("status") == "ok"}
        if group_id.startswith("filter"):
            lists = {k: v for k, v in results.items() if isinstance(v, list)}
            first = next(iter(lists.values()), None)
            group["matches"] = len(first) if first is not None else None
            group["agree"] = all(v == first for v in lists.values())
            if not group["agree"]:
                group["disagreement"] = {k: len(v) for k, v in lists.items()}
        for row in group["rows"]:
            if isinstance(row.get("result"), list):
                row["result"] = len(row["result"])
        out["groups"].append(group)
        print(f"  {title}: done", file=sys.stderr)
    return out


# --------------------------------------------------------------------------------------------
# Memory: bytes held per parsed event (a fresh process per row)
# --------------------------------------------------------------------------------------------


def held(make_one: Callable[[], Callable[[bytes], Any]]) -> Callable[[], Callable]:
    def make() -> Callable:
        parse = make_one()
        return lambda lines, data: [parse(line) for line in lines]

    return make


def _metaevents_one():
    import metaevents

    return metaevents.parse


def _pyatlan_one():
    from pyatlan.model.events import AtlanEvent

    return lambda line: AtlanEvent(**json.loads(line))


def _pyatlan_v9_one():
    from pyatlan_v9.model.events import AtlanEvent

    return lambda line: AtlanEvent.from_dict(json.loads(line))


def _datahub_actions_one():
    from datahub_actions.event.event_registry import EntityChangeEvent

    return EntityChangeEvent.from_json


def _orjson_one():
    import orjson

    return orjson.loads


MEMORY_ROWS = {
    "metaevents": held(_metaevents_one),
    "pyatlan": held(_pyatlan_one),
    "pyatlan_v9": held(_pyatlan_v9_one),
    "datahub_actions": held(_datahub_actions_one),
    "orjson": held(_orjson_one),
}


def rss() -> tuple[int, int]:
    """Current and peak resident set size, bytes."""
    values = {}
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(("VmRSS:", "VmHWM:")):
                key, value = line.split(":", 1)
                values[key] = int(value.split()[0]) * 1024
    return values["VmRSS"], values["VmHWM"]


def run_memory(args: argparse.Namespace) -> dict:
    try:
        fn = MEMORY_ROWS[args.impl]()
    except ImportError as err:
        return {"status": f"not built ({err.name or err})"}
    lines = read_lines(args.corpus, args.lines)
    input_bytes = sum(len(line) for line in lines)
    fn(lines[:50], b"")  # imports done, caches warm
    gc.collect()
    before, _ = rss()
    held = fn(lines, b"")
    gc.collect()
    after, peak = rss()
    assert len(held) == len(lines)
    return {
        "status": "ok",
        "events": len(lines),
        "input_bytes": input_bytes,
        "held_bytes": after - before,
        "peak_rss": peak,
        "bytes_per_event": (after - before) / len(lines),
        "input_per_event": input_bytes / len(lines),
    }


def run_import(args: argparse.Namespace) -> dict:
    code = f"import time; t = time.perf_counter(); import {args.module}; print(time.perf_counter() - t)"
    # Not the very first import after installing: the speed rows have already imported every
    # module once in this venv, so the .pyc files exist, as they do on any deployed machine.
    times = []
    for _ in range(args.reps):
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        if proc.returncode != 0:
            last = (proc.stderr.strip().splitlines() or ["?"])[-1]
            return {"status": f"not built ({last[:120]})"}
        times.append(float(proc.stdout.strip()))
    return {"status": "ok", "times": times, "median_s": statistics.median(times)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    speed = sub.add_parser("speed")
    speed.add_argument("--corpus-dir", required=True)
    speed.add_argument("--reps", type=int, default=3)
    speed.add_argument("--atlan-lines", type=int, default=2000)
    speed.add_argument("--datahub-lines", type=int, default=10000)
    speed.add_argument("--only", nargs="*", help="group id prefixes")
    memory = sub.add_parser("memory")
    memory.add_argument("--impl", choices=sorted(MEMORY_ROWS), required=True)
    memory.add_argument("--corpus", required=True)
    memory.add_argument("--lines", type=int, default=10000)
    arrow = sub.add_parser("arrow")
    arrow.add_argument("--threads", type=int, default=1, help="for every engine")
    arrow.add_argument("--datahub", help="PATH:LINES of DataHub ECEs")
    arrow.add_argument("--atlan", help="PATH:LINES of Atlan envelopes")
    arrow.add_argument("--reps", type=int, default=3)
    arrow.add_argument("--scratch-dir", default=HERE, help="where DuckDB's copy of the lines is written")
    imp = sub.add_parser("import")
    imp.add_argument("--module", required=True)
    imp.add_argument("--reps", type=int, default=5)
    args = parser.parse_args()
    result = {"speed": run_speed, "arrow": run_arrow, "memory": run_memory, "import": run_import}[args.mode](args)
    json.dump(result, sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
