"""The shared conformance vectors of ``tests/vectors`` through the Python API (see its README).

Events and malformed inputs: ``parse`` (bytes, str, and dict for JSON objects), ``parse_http``
(headers and body) and the streams (``iter_file`` on a path and on a file object, ``iter_lines``,
``parse_many``) must match the vector's hand-written expectation (``expect``) and then give
exactly the expected records, which are the Rust core's output. CloudEvents: each event written
with ``Event.to_cloudevent`` and read back. Filters: every case through ``Filter.matches`` and
``Filter.filter_ndjson``.
"""

from __future__ import annotations

import base64
import io
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from conftest import ERROR_CLASS_NAMES, VECTORS

import metaevents

GZIP_MAGIC = b"\x1f\x8b"
OPTION_KEYS = {"format", "maxEventBytes", "maxDepth", "maxEventsPerArray", "atlanTypedefs"}


# ------------------------------------------------------------------------------------------
# loading
# ------------------------------------------------------------------------------------------


def read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        pytest.fail(f"{path}: cannot read it as JSON: {err}")


def vector_names(sub: str) -> list[str]:
    directory = VECTORS / sub
    if not directory.is_dir():
        return []
    return sorted(path.name[: -len(".expected.json")] for path in directory.glob("*.expected.json"))


def load_vector(sub: str, name: str) -> dict[str, Any]:
    path = VECTORS / sub / f"{name}.expected.json"
    expected = read_json(path)
    problems = []
    if not isinstance(expected, dict):
        pytest.fail(f"{path}: the top level must be an object")
    mode = expected.get("mode", "parse")
    if mode not in ("parse", "stream", "http"):
        problems.append(f'mode must be "parse", "stream" or "http", not {mode!r}')
    if mode == "http" and not isinstance(expected.get("headers"), dict):
        problems.append("http mode needs `headers` (an object)")
    if not isinstance(expected.get("records"), list):
        problems.append("`records` must be a list")
    elif mode in ("parse", "http") and len(expected["records"]) != 1:
        problems.append(f"{mode} mode needs exactly one record, found {len(expected['records'])}")
    unknown = set(expected.get("options", {})) - OPTION_KEYS
    if unknown:
        problems.append(f"unknown options {sorted(unknown)}")
    if problems:
        pytest.fail(f"{path}: bad vector file: " + "; ".join(problems))
    return expected


def input_of(sub: str, name: str, expected: dict[str, Any]) -> tuple[bytes, Path | None]:
    """The input bytes, and the input file when there is one."""
    if "inputBase64" in expected:
        return base64.b64decode(expected["inputBase64"], validate=True), None
    generate = expected.get("generate")
    if generate is not None:
        text = (
            generate.get("prefix", "")
            + generate.get("repeat", "") * generate.get("times", 0)
            + generate.get("suffix", "")
        )
        return text.encode("utf-8"), None
    files = sorted((VECTORS / sub).glob(f"{name}.input.*"))
    if len(files) != 1:
        pytest.fail(f"{sub}/{name}: expected one input file {name}.input.*, found {[f.name for f in files]}")
    return files[0].read_bytes(), files[0]


def parser_for(expected: dict[str, Any]) -> metaevents.Parser:
    options = expected.get("options", {})
    return metaevents.Parser(
        format=options.get("format"),
        max_event_bytes=options.get("maxEventBytes"),
        max_depth=options.get("maxDepth"),
        max_events_per_array=options.get("maxEventsPerArray"),
        atlan_typedefs=options.get("atlanTypedefs"),
    )


# ------------------------------------------------------------------------------------------
# comparing
# ------------------------------------------------------------------------------------------


def as_record(item: object) -> dict[str, Any]:
    """The vector form of what the API produced."""
    if isinstance(item, metaevents.MetaeventsError):
        assert type(item).__name__ == ERROR_CLASS_NAMES[item.kind], f"a {item.kind} error came as {type(item).__name__}"
        error: dict[str, Any] = {"kind": item.kind, "message": item.message}
        if item.line is not None:
            error["line"] = item.line
        if item.path is not None:
            error["path"] = item.path
        return {"error": error}
    if isinstance(item, metaevents.Event):
        return item.to_dict(raw=True)
    if isinstance(item, metaevents.ValidationRequest):
        return item.to_dict()
    raise AssertionError(f"unexpected item {item!r}")


def difference(actual: dict[str, Any], wanted: dict[str, Any]) -> str | None:
    """Why a produced record differs from its expectation, or None."""
    if "error" in wanted or "error" in actual:
        if "error" not in wanted or "error" not in actual:
            return f"expected {short(wanted)}, got {short(actual)}"
        got, want = actual["error"], wanted["error"]
        for key in ("kind", "line", "path"):
            if key in want and got.get(key) != want[key]:
                return f"error {key}: expected {want[key]!r}, got {got.get(key)!r} ({got.get('message')})"
        contains = want.get("messageContains", "")
        if contains not in got.get("message", ""):
            return f"error message {got.get('message')!r} lacks {contains!r}"
        return None
    if actual != wanted:
        keys = sorted(key for key in set(actual) | set(wanted) if actual.get(key) != wanted.get(key))
        return "differs in " + ", ".join(
            f"{key}: expected {short(wanted.get(key))}, got {short(actual.get(key))}" for key in keys
        )
    return None


def short(value: object) -> str:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False)
    return text if len(text) <= 400 else text[:400] + "..."


def check(label: str, actual: list[dict[str, Any]], wanted: list[dict[str, Any]]) -> None:
    problems = []
    if len(actual) != len(wanted):
        problems.append(f"expected {len(wanted)} records, got {len(actual)}: {short(actual)}")
    for index, (got, want) in enumerate(zip(actual, wanted, strict=False)):
        reason = difference(got, want)
        if reason:
            problems.append(f"record {index}: {reason}")
    assert not problems, f"{label}:\n  " + "\n  ".join(problems)


def same(a: object, b: object) -> bool:
    """JSON equality: numbers by value, but a boolean is never a number."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[key], b[key]) for key in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=False))
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    return type(a) is type(b) and a == b


ABSENT = object()


def departures(actual: object, wanted: object, path: str = "") -> list[str]:
    """Where a record departs from its hand-written expectation: every key the expectation lists
    must match, objects recursively; lists and scalars must be equal. One line per key."""
    if isinstance(wanted, dict) and isinstance(actual, dict):
        lines = []
        for key, value in wanted.items():
            lines += departures(actual.get(key, ABSENT), value, f"{path}.{key}" if path else key)
        return lines
    if actual is not ABSENT and same(actual, wanted):
        return []
    got = "(absent)" if actual is ABSENT else short(actual)
    return [f"{path or '(record)'}: expected {short(wanted)}, got {got}"]


def check_expectation(sub: str, name: str, expected: dict[str, Any], actual: list[dict[str, Any]]) -> None:
    """The vector's hand-written `expect` items (required in events/), checked before the snapshot."""
    label = f"{sub}/{name}"
    items = expected.get("expect")
    if items is None:
        assert sub != "events", f"{label}: no hand-written expectation (`expect`)"
        return
    assert isinstance(items, list), f"{label}: `expect` must be a list, one item per record"
    assert len(items) == len(actual), (
        f"{label}: the hand-written expectation has {len(items)} items, the output {len(actual)} records"
    )
    problems = []
    for index, (got, want) in enumerate(zip(actual, items, strict=False)):
        if "error" in want or "error" in got:
            found = [reason] if (reason := difference(got, want)) else []
        else:
            found = departures(got, want)
        problems += [f"record {index}: hand-written expectation: {line}" for line in found]
    assert not problems, f"{label}:\n  " + "\n  ".join(problems)


def without_envelope(record: dict[str, Any]) -> dict[str, Any]:
    """The event without what its envelopes add: ``native.envelope`` and ``native.schemaId``."""
    record = json.loads(json.dumps(record))
    if isinstance(record.get("native"), dict):
        record["native"].pop("envelope", None)
        record["native"].pop("schemaId", None)
    return record


def parse_record(parser: metaevents.Parser, data: object) -> dict[str, Any]:
    try:
        return as_record(parser.parse(data))  # type: ignore[arg-type]
    except metaevents.MetaeventsError as err:
        return as_record(err)


def http_record(parser: metaevents.Parser, headers: object, body: object) -> dict[str, Any]:
    try:
        return as_record(parser.parse_http(headers, body))  # type: ignore[arg-type]
    except metaevents.MetaeventsError as err:
        return as_record(err)


def is_binary(data: bytes) -> bool:
    """Kafka records: no lines to hand to ``iter_lines`` (which ends each with a newline)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return data[:1] in (b"\x00", b"\xff")


def stream_records(iterator: metaevents.EventIterator[Any]) -> list[dict[str, Any]]:
    with iterator:
        return [as_record(item) for item in iterator]


# ------------------------------------------------------------------------------------------
# events/ and malformed/
# ------------------------------------------------------------------------------------------


EVENT_VECTORS = [("events", name) for name in vector_names("events")] + [
    ("malformed", name) for name in vector_names("malformed")
]


@pytest.mark.parametrize(("sub", "name"), EVENT_VECTORS, ids=[f"{sub}/{name}" for sub, name in EVENT_VECTORS])
def test_event_vector(sub: str, name: str) -> None:
    expected = load_vector(sub, name)
    wanted = expected["records"]
    parser = parser_for(expected)
    data, path = input_of(sub, name, expected)
    label = f"{sub}/{name}"

    if expected.get("mode", "parse") == "http":
        headers = expected["headers"]
        from_bytes = [http_record(parser, headers, data)]
        check_expectation(sub, name, expected, from_bytes)
        check(f"{label} parse_http(headers, bytes)", from_bytes, wanted)
        check(
            f"{label} parse_http(pairs, memoryview)",
            [http_record(parser, list(headers.items()), memoryview(data))],
            wanted,
        )
    elif expected.get("mode", "parse") == "parse":
        from_bytes = [parse_record(parser, data)]
        check_expectation(sub, name, expected, from_bytes)
        check(f"{label} parse(bytes)", from_bytes, wanted)
        check(f"{label} parse(memoryview)", [parse_record(parser, memoryview(data))], wanted)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = None
        if text is not None:
            check(f"{label} parse(str)", [parse_record(parser, text)], wanted)
        if "error" not in wanted[0] and text is not None:
            try:
                decoded = json.loads(text)
            except ValueError:
                decoded = None
            if isinstance(decoded, dict):
                # The same event handed over as a dict: the same normalized event.
                check(f"{label} parse(dict)", [parse_record(parser, decoded)], wanted)
    else:
        # Every record in order: errors and validation requests yielded in place.
        from_object = stream_records(parser.iter_file(io.BytesIO(data), errors="yield", validation_requests=True))
        check_expectation(sub, name, expected, from_object)
        check(f"{label} iter_file(file object)", from_object, wanted)
        if path is not None:
            from_path = parser.iter_file(path, errors="yield", validation_requests=True)
            check(f"{label} iter_file(path)", stream_records(from_path), wanted)
        if not data.startswith(GZIP_MAGIC) and not is_binary(data):
            from_lines = parser.iter_lines(data.splitlines(keepends=True), errors="yield", validation_requests=True)
            check(f"{label} iter_lines", stream_records(from_lines), wanted)
        errors = [record for record in wanted if "error" in record]
        if errors:
            with pytest.raises(metaevents.MetaeventsError) as raised:
                parser.parse_many(data)
            check(f"{label} parse_many (first error)", [as_record(raised.value)], errors[:1])
        else:
            events = [record for record in wanted if record.get("kind") != "webhook.validation"]
            check(f"{label} parse_many", [as_record(event) for event in parser.parse_many(data)], events)

    same_as = expected.get("sameAs")
    if same_as is not None:
        other = load_vector(sub, same_as)
        mine = [without_envelope(record) for record in wanted]
        theirs = [without_envelope(record) for record in other["records"]]
        assert mine == theirs, f"{label}: not the same events as {same_as} (envelope aside)"


# ------------------------------------------------------------------------------------------
# cloudevents/
# ------------------------------------------------------------------------------------------


CLOUDEVENT_VECTORS = sorted(path.name for path in (VECTORS / "cloudevents").glob("*.json"))


def cloudevent_of(case: dict[str, Any]) -> tuple[metaevents.Event, dict[str, Any]]:
    """The event of the vector's input and its CloudEvent, written with the vector's options."""
    event = metaevents.parse((VECTORS / case["input"]).read_bytes())
    assert isinstance(event, metaevents.Event)
    options = case.get("options", {})
    return event, event.to_cloudevent(source=options.get("source"), raw=options.get("raw", True))


@pytest.mark.parametrize("file", CLOUDEVENT_VECTORS)
def test_cloudevent_vector(file: str) -> None:
    case = read_json(VECTORS / "cloudevents" / file)
    event, cloudevent = cloudevent_of(case)
    problems = departures(cloudevent, case["expect"])
    assert not problems, f"{file}: hand-written expectation:\n  " + "\n  ".join(problems)
    assert cloudevent == case["cloudevent"], f"{file}: expected {short(case['cloudevent'])}, got {short(cloudevent)}"
    # Read back: the structured JSON (text and dict), and HTTP binary mode.
    raw = case.get("options", {}).get("raw", True)
    headers = {f"ce-{key}": value for key, value in cloudevent.items() if key not in ("data", "datacontenttype")}
    headers["Content-Type"] = cloudevent["datacontenttype"]
    readers = {
        "structured text": lambda: metaevents.parse(json.dumps(cloudevent)),
        "structured dict": lambda: metaevents.parse(cloudevent),
        "binary mode": lambda: metaevents.parse_http(headers, json.dumps(cloudevent["data"])),
    }
    for mode, read in readers.items():
        if raw:
            again = read()
            assert again == event, f"{file}: read back from {mode}, not the same event"
            assert again.to_dict() == event.to_dict(), f"{file}: read back from {mode}, not the same contract JSON"
        else:
            with pytest.raises(metaevents.InvalidEventError) as raised:
                read()
            assert raised.value.path in ("$.raw", "$.data.raw"), f"{file}: {mode}: {raised.value}"


def test_there_are_cloudevent_vectors() -> None:
    assert len(CLOUDEVENT_VECTORS) >= 4


# ------------------------------------------------------------------------------------------
# filters/
# ------------------------------------------------------------------------------------------


def filter_cases() -> list[tuple[str, int, dict[str, Any]]]:
    directory = VECTORS / "filters"
    cases = []
    for path in sorted(directory.glob("*.json")) if directory.is_dir() else []:
        group = read_json(path)
        if not isinstance(group, dict) or not isinstance(group.get("cases"), list):
            pytest.fail(f"{path}: a filter group needs a `cases` list")
        for index, case in enumerate(group["cases"]):
            cases.append((path.name, index, case))
    return cases


FILTER_CASES = filter_cases()


@cache
def corpus(name: str) -> tuple[bytes, tuple[object, ...]]:
    """The corpus bytes and each line's events (an OpenMetadata ChangeEvent may make several;
    none when the line is blank or bad)."""
    path = VECTORS / "filters" / name
    if not path.is_file():
        pytest.fail(f"filters: corpus {name} does not exist")
    data = path.read_bytes()
    events: list[object] = []
    for line in data.split(b"\n"):
        if not line.strip():
            events.append([])
            continue
        try:
            events.append(metaevents.parse_many(line))
        except metaevents.MetaeventsError:
            events.append([])
    return data, tuple(events)


def compile_case(case: dict[str, Any]) -> metaevents.Filter:
    if "filter" in case:
        spec = case["filter"]
        # A str given to Filter() is JSON text; any other JSON value goes in as JSON text too.
        return metaevents.Filter(spec if isinstance(spec, dict) else json.dumps(spec))
    if "datahubActions" in case:
        return metaevents.Filter.from_datahub_actions(case["datahubActions"])
    if "datahubActionsYaml" in case:
        return metaevents.Filter.from_datahub_actions(case["datahubActionsYaml"])
    pytest.fail(f"case {case.get('name')!r} has no filter, datahubActions or datahubActionsYaml")


@pytest.mark.parametrize(
    ("file", "index", "case"),
    FILTER_CASES,
    ids=[f"{file}: {case.get('name', index)}" for file, index, case in FILTER_CASES],
)
def test_filter_case(file: str, index: int, case: dict[str, Any]) -> None:
    group = read_json(VECTORS / "filters" / file)
    data, events = corpus(group.get("corpus", "corpus.ndjson"))
    if "error" in case:
        with pytest.raises(metaevents.MetaeventsError) as raised:
            compile_case(case)
        assert isinstance(raised.value, ValueError)
        check(f"{file}: {case.get('name')}", [as_record(raised.value)], [{"error": case["error"]}])
        return
    if "matches" not in case:
        pytest.fail(f"{file}: case {case.get('name')!r} has neither `matches` nor `error`")
    compiled = compile_case(case)
    wanted = case["matches"]
    by_event = [index for index, line in enumerate(events) if any(compiled.matches(event) for event in line)]  # type: ignore[attr-defined]
    assert by_event == wanted, f"matches(): expected {wanted}, got {by_event}"
    assert compiled.filter_ndjson(data) == wanted, "filter_ndjson() differs from matches()"
    if "filter" in case:
        # The JSON text form compiles to the same filter.
        assert metaevents.Filter(json.dumps(case["filter"])).filter_ndjson(data) == wanted


def test_vector_directories_exist() -> None:
    for sub in ("events", "malformed", "filters", "cloudevents"):
        assert (VECTORS / sub).is_dir(), f"{VECTORS / sub} is missing"


# ------------------------------------------------------------------------------------------
# generated inputs
# ------------------------------------------------------------------------------------------


def test_generated_notification_vectors_are_current() -> None:
    """The gzip and split vectors are what Atlas's producer writes (see the vectors' README)."""
    import subprocess
    import sys

    script = VECTORS / "generate_atlas_notifications.py"
    done = subprocess.run([sys.executable, "-B", str(script), "--check"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"stale generated vectors, run {script}:\n{done.stdout}{done.stderr}"
