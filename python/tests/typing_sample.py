"""Type-checked by tests/test_typing.py with ``mypy --strict`` (not collected by pytest): the stubs
must type the documented uses precisely."""

from __future__ import annotations

from typing import Any, Literal

from typing_extensions import assert_type

import metaevents
from metaevents import Entity, Event, MetaeventsError, TagAdded, ValidationRequest


def handle(body: bytes | str | dict[str, Any]) -> str:
    parsed = metaevents.parse(body)
    assert_type(parsed, "Event | ValidationRequest")
    match parsed:
        case ValidationRequest(message):
            assert_type(message, str)
            return "validation"
        case TagAdded(tag_urn, entity=Entity(platform="snowflake")):
            assert_type(tag_urn, "str | None")
            assert_type(parsed.kind, Literal["tag.added"])
            return tag_urn or ""
        case metaevents.ProcessRunCompleted(attempt=attempt) if attempt is not None:
            assert_type(attempt, int)
            return str(attempt + 1)
        case metaevents.OwnerEvent():
            return parsed.entity.id or ""
        case Event(kind, entity, subjects):
            assert_type(kind, str)
            assert_type(entity, Entity)
            assert_type(subjects, "list[str]")
            return kind
    return ""


def stream() -> None:
    events = metaevents.iter_file("events.ndjson")
    for event in events:
        assert_type(event, Event)
    for error in events.errors:
        assert_type(error, MetaeventsError)
        assert_type(error.line, "int | None")
    for item in metaevents.iter_lines(["{}"], errors="yield", validation_requests=True):
        assert_type(item, "Event | ValidationRequest | MetaeventsError")
    parser = metaevents.Parser(format="datahub-ece", max_event_bytes=1024)
    assert_type(parser.parse_many(b"[]"), "list[Event]")
    with open("x", "rb") as source:
        for raised in parser.iter_file(source, errors="raise"):
            assert_type(raised, Event)


def filters(event: Event) -> list[int]:
    compiled = metaevents.Filter({"kind": "tag.*"})
    legacy = metaevents.Filter.from_datahub_actions("filter:\n  event_type: EntityChangeEvent_v1\n")
    assert compiled.matches(event) or legacy.matches(event)
    return compiled.filter_ndjson(b"")


def webhooks(request: dict[str, Any]) -> bool:
    return metaevents.verify_signature(
        metaevents.lambda_headers(request), "secret"
    ) and metaevents.is_validation_request(request)


def tables() -> dict[str, str]:
    formats = [row["name"] for row in metaevents.input_formats()]
    assert_type(formats, "list[str]")
    return {row["kind"]: row["class"] for row in metaevents.error_kinds()}
