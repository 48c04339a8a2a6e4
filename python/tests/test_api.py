"""parse / parse_many / iter_file / iter_lines, the Parser, errors, catalog and validate."""

from __future__ import annotations

import gzip
import io
import json
import pickle
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import ERROR_CLASS_NAMES, ERROR_KINDS, VECTORS

import metaevents
from metaevents import (
    DecodeError,
    FilterError,
    InvalidEventError,
    LimitError,
    MetaeventsError,
    ParseError,
)

VALIDATION = '{"atlan-webhook": "Hello, humans of data! It worked. Excited to see what you build!"}'


# ---------------------------------------------------------------------------------------------
# parse
# ---------------------------------------------------------------------------------------------


def test_parse_accepts_every_input_form(datahub_text: str) -> None:
    expected = metaevents.parse(datahub_text)
    forms: list[Any] = [
        datahub_text.encode(),
        bytearray(datahub_text.encode()),
        memoryview(datahub_text.encode()),
        json.loads(datahub_text),
        "\n  " + datahub_text + "\n",
    ]
    for form in forms:
        event = metaevents.parse(form)
        assert event == expected, type(form)
        assert event.to_dict() == expected.to_dict()


def test_parse_dict_keeps_key_order_and_values(atlan_text: str) -> None:
    decoded = json.loads(atlan_text)
    event = metaevents.parse(decoded)
    assert isinstance(event, metaevents.Event)
    assert event.raw == decoded["message"]
    assert list(event.raw) == list(decoded["message"])
    assert event.raw["entity"]["attributes"]["popularityScore"] == 1.17549435e-38
    assert event == metaevents.parse(atlan_text)


def test_parse_rejects_what_is_not_json() -> None:
    with pytest.raises(TypeError, match="expected str, bytes or a dict"):
        metaevents.parse(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not JSON"):
        metaevents.parse({"entityUrn": {1, 2}})
    with pytest.raises(TypeError, match="keys must be str"):
        metaevents.parse({1: "x"})  # type: ignore[dict-item]
    with pytest.raises(ParseError) as raised:
        metaevents.parse({"x": float("nan")})
    assert raised.value.kind == "number_out_of_range"
    cycle: dict[str, Any] = {}
    cycle["self"] = cycle
    with pytest.raises(LimitError) as too_deep:
        metaevents.parse(cycle)
    assert too_deep.value.kind == "too_deep"


def test_parse_errors_carry_kind_line_path() -> None:
    with pytest.raises(InvalidEventError) as raised:
        metaevents.parse('{"entityUrn": "urn:li:dataset:x", "category": "TAG"}')
    error = raised.value
    assert isinstance(error, MetaeventsError)
    assert isinstance(error, ValueError)
    assert error.kind in ("unrecognized", "invalid_field")
    assert error.line == 1
    assert error.path is not None
    assert str(error).startswith("line 1: ")
    assert error.message in str(error)
    with pytest.raises(ParseError) as syntax:
        metaevents.parse('{"entityUrn": \n  "x",, }')
    assert syntax.value.kind == "syntax"
    assert syntax.value.line == 2
    assert syntax.value.column is not None
    with pytest.raises(ParseError) as empty:
        metaevents.parse("   ")
    assert empty.value.kind == "empty"


def test_parse_several_events_is_an_error(datahub_text: str) -> None:
    with pytest.raises(ParseError) as raised:
        metaevents.parse(datahub_text + "\n" + datahub_text)
    assert raised.value.kind == "not_single"


def test_parse_large_input_releases_nothing_but_works(datahub_text: str) -> None:
    decoded = json.loads(datahub_text)
    decoded["parameters"]["context"] = json.dumps({"note": "x" * 100_000})
    event = metaevents.parse(json.dumps(decoded))
    assert isinstance(event, metaevents.TagAdded)
    assert event.context == {"note": "x" * 100_000}


def test_parse_from_threads(datahub_text: str, atlan_text: str) -> None:
    expected = [metaevents.parse(datahub_text), metaevents.parse(atlan_text)]
    results: list[bool] = []

    def work() -> None:
        results.append(
            all(
                metaevents.parse(text) == want
                for _ in range(200)
                for text, want in zip((datahub_text, atlan_text), expected, strict=True)
            )
        )

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [True] * 4


# ---------------------------------------------------------------------------------------------
# parse_many
# ---------------------------------------------------------------------------------------------


def test_parse_many_shapes(datahub_text: str, atlan_text: str) -> None:
    one, two = metaevents.parse(datahub_text), metaevents.parse(atlan_text)
    ndjson = f"{datahub_text}\n{VALIDATION}\n\n{atlan_text}\n"
    assert metaevents.parse_many(ndjson) == [one, two]
    assert metaevents.parse_many(ndjson.encode()) == [one, two]
    assert metaevents.parse_many(f"[{datahub_text}, {atlan_text}]") == [one, two]
    assert metaevents.parse_many([json.loads(datahub_text), json.loads(atlan_text)]) == [one, two]
    assert metaevents.parse_many(gzip.compress(ndjson.encode())) == [one, two]
    assert metaevents.parse_many("") == []


def test_parse_many_poll_response(datahub_text: str) -> None:
    platform_event = {
        "header": {"timestampMillis": 1},
        "name": "entityChangeEvent",
        "payload": {"value": datahub_text, "contentType": "application/json"},
    }
    poll = {
        "offsetId": "abc",
        "count": 2,
        "events": [{"contentType": "application/json", "value": json.dumps(platform_event)}] * 2,
    }
    events = metaevents.parse_many(poll)
    assert len(events) == 2
    assert events[0] == events[1]
    assert events[0].id == metaevents.parse(datahub_text).id


def test_parse_many_raises_on_the_first_bad_record(datahub_text: str) -> None:
    with pytest.raises(ParseError) as raised:
        metaevents.parse_many(f"{datahub_text}\n{{oops\n{datahub_text}\n[]\n")
    assert raised.value.line == 2
    assert raised.value.kind == "syntax"


# ---------------------------------------------------------------------------------------------
# streams
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def mixed_lines(datahub_text: str, atlan_text: str) -> list[str]:
    return [datahub_text, "{not json", VALIDATION, atlan_text, '{"entityUrn": 1}', datahub_text]


def test_iter_lines_collects_errors_and_goes_on(mixed_lines: list[str]) -> None:
    events = metaevents.iter_lines(mixed_lines)
    kinds = [event.kind for event in events]
    assert kinds == ["tag.added", "tag.added", "tag.added"]
    assert [(error.kind, error.line) for error in events.errors] == [("syntax", 2), ("unrecognized", 5)]
    assert all(isinstance(error, MetaeventsError) for error in events.errors)
    assert events.line is None  # exhausted


def test_iter_lines_error_modes(mixed_lines: list[str]) -> None:
    items = list(metaevents.iter_lines(mixed_lines, errors="yield", validation_requests=True))
    assert [type(item).__name__ for item in items] == [
        "TagAdded",
        "ParseError",
        "ValidationRequest",
        "TagAdded",
        "InvalidEventError",
        "TagAdded",
    ]
    stream = metaevents.iter_lines(mixed_lines, errors="raise")
    assert next(stream).kind == "tag.added"
    with pytest.raises(ParseError):
        next(stream)
    assert next(stream).kind == "tag.added"  # goes on after the raised error
    with pytest.raises(InvalidEventError):
        next(stream)
    assert [event.kind for event in stream] == ["tag.added"]
    assert len(stream.errors) == 2
    with pytest.raises(ValueError, match="errors must be"):
        metaevents.iter_lines(mixed_lines, errors="ignore")  # type: ignore[call-overload]


def test_iter_lines_inputs(datahub_text: str) -> None:
    lines = (line for line in [datahub_text.encode() + b"\r\n", bytearray(datahub_text.encode()), datahub_text + "\n"])
    assert len(list(metaevents.iter_lines(lines))) == 3
    with io.StringIO(datahub_text + "\n" + datahub_text + "\n") as text_file:
        assert len(list(metaevents.iter_lines(text_file))) == 2


def test_iter_lines_refuses_one_text(datahub_text: str) -> None:
    for text in (datahub_text, datahub_text.encode(), bytearray(b"{}")):
        with pytest.raises(TypeError, match="an iterable of lines"):
            metaevents.iter_lines(text)  # type: ignore[call-overload]


def test_event_iterator_is_generic_at_run_time() -> None:
    alias = metaevents.EventIterator[metaevents.Event]
    assert alias.__origin__ is metaevents.EventIterator
    assert alias.__args__ == (metaevents.Event,)


def test_iter_lines_reraises_the_iterables_exception(datahub_text: str) -> None:
    def broken() -> Iterator[str]:
        yield datahub_text
        raise KeyError("source went away")

    stream = metaevents.iter_lines(broken())
    assert next(stream).kind == "tag.added"
    with pytest.raises(KeyError, match="source went away"):
        next(stream)
    assert list(stream) == []
    with pytest.raises(TypeError, match="lines of str or bytes"):
        list(metaevents.iter_lines([datahub_text, 5]))  # type: ignore[list-item]


def test_iter_lines_is_lazy(datahub_text: str) -> None:
    pulled: list[int] = []

    def source() -> Iterator[str]:
        for index in range(3):
            pulled.append(index)
            yield datahub_text

    stream = metaevents.iter_lines(source())
    next(stream)
    assert pulled == [0]  # each event comes as soon as its line is read


def test_iter_file_paths_and_gzip(tmp_path: Path, mixed_lines: list[str]) -> None:
    text = "\n".join(mixed_lines) + "\n"
    plain = tmp_path / "events.ndjson"
    plain.write_text(text, encoding="utf-8")
    packed = tmp_path / "events.ndjson.gz"
    packed.write_bytes(gzip.compress(text.encode()))
    for source in (plain, str(plain), packed):
        with metaevents.iter_file(source) as events:
            assert len(list(events)) == 3
            assert [error.line for error in events.errors] == [2, 5]
    with pytest.raises(FileNotFoundError):
        metaevents.iter_file(tmp_path / "missing.ndjson")
    with pytest.raises(TypeError, match="a path or a file object"):
        metaevents.iter_file(42)  # type: ignore[call-overload]


def test_iter_file_file_objects(tmp_path: Path, mixed_lines: list[str]) -> None:
    text = "\n".join(mixed_lines)
    assert len(list(metaevents.iter_file(io.BytesIO(text.encode())))) == 3
    assert len(list(metaevents.iter_file(io.StringIO(text)))) == 3
    assert len(list(metaevents.iter_file(io.BytesIO(gzip.compress(text.encode()))))) == 3
    path = tmp_path / "e.ndjson"
    path.write_text(text, encoding="utf-8")
    with open(path, "rb") as handle:
        assert len(list(metaevents.iter_file(handle))) == 3
        assert not handle.closed  # the caller's file stays open
    with open(path, encoding="utf-8") as handle:
        assert len(list(metaevents.iter_file(handle))) == 3


def test_iter_file_close(tmp_path: Path, datahub_text: str) -> None:
    path = tmp_path / "e.ndjson"
    path.write_text((datahub_text + "\n") * 5, encoding="utf-8")
    stream = metaevents.iter_file(path)
    assert next(stream).kind == "tag.added"
    assert stream.line is not None
    stream.close()
    assert list(stream) == []


def test_iter_file_json_array(tmp_path: Path, datahub_text: str) -> None:
    path = tmp_path / "e.json"
    path.write_text(json.dumps([json.loads(datahub_text)] * 3, indent=2), encoding="utf-8")
    assert len(list(metaevents.iter_file(path))) == 3


# ---------------------------------------------------------------------------------------------
# Parser
# ---------------------------------------------------------------------------------------------


def test_parser_options(datahub_text: str) -> None:
    parser = metaevents.Parser()
    assert (parser.format, parser.max_event_bytes, parser.max_depth, parser.max_events_per_array) == (
        None,
        4 * 1024 * 1024,
        64,
        1_000_000,
    )
    strict = metaevents.Parser(format="datahub-ece", max_event_bytes=1000, max_depth=8, max_events_per_array=2)
    assert (strict.format, strict.max_event_bytes, strict.max_depth, strict.max_events_per_array) == (
        "datahub-ece",
        1000,
        8,
        2,
    )
    assert strict == metaevents.Parser(format="datahub-ece", max_event_bytes=1000, max_depth=8, max_events_per_array=2)
    assert hash(strict) == hash(
        metaevents.Parser(format="datahub-ece", max_event_bytes=1000, max_depth=8, max_events_per_array=2)
    )
    assert repr(strict) == "Parser(format='datahub-ece', max_event_bytes=1000, max_depth=8, max_events_per_array=2)"
    assert strict.parse(datahub_text) == metaevents.parse(datahub_text)
    with pytest.raises(MetaeventsError):
        strict.parse(VALIDATION)
    assert set(metaevents.INPUT_FORMATS) >= {"datahub-ece", "atlan-envelope", "aws-lambda"}


def test_parser_pickles() -> None:
    parser = metaevents.Parser(format="atlan-envelope", max_depth=9)
    assert pickle.loads(pickle.dumps(parser)) == parser
    assert pickle.loads(pickle.dumps(metaevents.Parser())) == metaevents.Parser()


@pytest.mark.parametrize(
    "options",
    [
        {"max_depth": 0},
        {"max_depth": 100_000},
        {"max_event_bytes": 0},
        {"max_event_bytes": -5},
        {"max_events_per_array": 0},
        {"format": "yaml"},
    ],
)
def test_parser_rejects_bad_options(options: dict[str, Any]) -> None:
    with pytest.raises(MetaeventsError) as raised:
        metaevents.Parser(**options)
    assert isinstance(raised.value, ValueError)
    assert raised.value.kind == "invalid_option"


def test_parser_limits(datahub_text: str) -> None:
    with pytest.raises(LimitError) as too_large:
        metaevents.Parser(max_event_bytes=100).parse(datahub_text)
    assert too_large.value.kind == "too_large"
    with pytest.raises(LimitError) as too_deep:
        metaevents.Parser(max_depth=1).parse(datahub_text)
    assert too_deep.value.kind == "too_deep"
    with pytest.raises(LimitError) as too_many:
        metaevents.Parser(max_events_per_array=1).parse_many(f"[{datahub_text},{datahub_text}]")
    assert too_many.value.kind == "too_many"
    stream = metaevents.Parser(max_event_bytes=100).iter_lines([datahub_text, "{}"])
    assert list(stream) == []
    assert [error.kind for error in stream.errors] == ["too_large", "unrecognized"]


# ---------------------------------------------------------------------------------------------
# exceptions
# ---------------------------------------------------------------------------------------------


def test_error_tables_are_the_core_tables() -> None:
    assert metaevents.error_kinds() == ERROR_KINDS
    assert {kind: cls.__name__ for kind, cls in metaevents.ERROR_CLASSES.items()} == ERROR_CLASS_NAMES
    for cls in metaevents.ERROR_CLASSES.values():
        assert issubclass(cls, MetaeventsError)
        assert issubclass(cls, ValueError)
        assert getattr(metaevents, cls.__name__) is cls
        assert cls.__module__ == "metaevents"
        # Built by hand, an exception takes the first kind of its class.
        assert ERROR_CLASS_NAMES[cls("message").kind] == cls.__name__
    grouped = {DecodeError, FilterError, InvalidEventError, LimitError, ParseError, MetaeventsError}
    assert grouped == set(metaevents.ERROR_CLASSES.values())
    formats = metaevents.input_formats()
    assert [row["name"] for row in formats] == list(metaevents.INPUT_FORMATS)
    assert all(row["description"] for row in formats)


def test_errors_come_as_the_class_the_core_names() -> None:
    raised: dict[str, BaseException] = {}
    cases: dict[str, Any] = {
        "syntax": lambda: metaevents.parse("{"),
        "unrecognized": lambda: metaevents.parse("{}"),
        "too_deep": lambda: metaevents.Parser(max_depth=1).parse('{"a": {"b": 1}}'),
        "filter": lambda: metaevents.Filter({"kind": {"regexx": "x"}}),
        "invalid_option": lambda: metaevents.Parser(format="yaml"),
    }
    for kind, run in cases.items():
        with pytest.raises(MetaeventsError) as error:
            run()
        raised[kind] = error.value
    for kind, error in raised.items():
        assert (error.kind, type(error).__name__) == (kind, ERROR_CLASS_NAMES[kind])


def test_errors_pickle_and_construct() -> None:
    with pytest.raises(ParseError) as raised:
        metaevents.parse('{"a": 1,}')
    error = raised.value
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is ParseError
    assert (str(copy), copy.kind, copy.line, copy.column, copy.path, copy.message) == (
        str(error), error.kind, error.line, error.column, error.path, error.message,
    )  # fmt: skip
    own = FilterError("bad", path="filter.kind")
    assert (own.kind, own.path, str(own)) == ("filter", "filter.kind", "bad")
    assert MetaeventsError("x", kind="io").kind == "io"


def test_duplicate_keys_are_errors() -> None:
    with pytest.raises(ParseError) as raised:
        metaevents.parse('{"entityUrn": "a", "entityUrn": "b"}')
    assert raised.value.kind == "duplicate_key"


# ---------------------------------------------------------------------------------------------
# catalog, schema, validate
# ---------------------------------------------------------------------------------------------


def test_catalog_and_schema() -> None:
    catalog = metaevents.catalog()
    assert {"entries", "kinds"} <= set(catalog)
    assert [entry["kind"] for entry in catalog["kinds"]] == list(metaevents.KINDS)
    schema = metaevents.event_schema()
    assert schema["properties"]["kind"]["enum"] == list(metaevents.KINDS)


def test_validate(datahub_text: str) -> None:
    assert metaevents.validate(metaevents.parse(datahub_text)) == []  # type: ignore[arg-type]
    decoded = json.loads(datahub_text)
    del decoded["parameters"]
    del decoded["modifier"]  # the tag urn would be read from it
    issues = metaevents.validate(metaevents.parse(decoded))  # type: ignore[arg-type]
    assert issues
    assert {"severity", "code", "path", "message"} <= set(issues[0])
    with pytest.raises(TypeError):
        metaevents.validate("not an event")  # type: ignore[arg-type]


def test_events_pickle_exactly_with_their_envelopes() -> None:
    body = (VECTORS / "events" / "atlan-classification-add-column.input.json").read_text()
    lambda_request = json.dumps({"body": body, "headers": {}, "isBase64Encoded": False})
    event = metaevents.parse(lambda_request)
    assert isinstance(event, metaevents.Event)
    copy = pickle.loads(pickle.dumps(event))
    assert type(copy) is type(event)
    assert copy == event
    assert copy.to_json() == event.to_json()
    assert copy.native["envelope"] == ["aws-lambda", "atlan-envelope"]


def test_equality_is_the_cores(datahub_text: str) -> None:
    """Equal when the core says so: the same id and normalized fields, however `raw` is spelled
    (key order, whitespace); equal events hash alike."""
    decoded = json.loads(datahub_text)
    reordered = json.dumps(dict(reversed(list(decoded.items()))), indent=2)
    event, same = metaevents.parse(datahub_text), metaevents.parse(reordered)
    assert isinstance(event, metaevents.Event)
    assert isinstance(same, metaevents.Event)
    assert event.raw_json != same.raw_json
    assert event == same
    assert hash(event) == hash(same)
    other = metaevents.parse({**decoded, "operation": "REMOVE"})
    assert event != other
    assert {event, same, other} == {event, other}


def test_streams_can_be_consumed_on_another_thread() -> None:
    lines = (VECTORS / "filters" / "corpus.ndjson").read_text().splitlines()
    stream = metaevents.iter_lines(lines)
    seen: list[str] = []
    worker = threading.Thread(target=lambda: seen.extend(event.kind for event in stream))
    worker.start()
    worker.join()
    assert len(seen) > 30
