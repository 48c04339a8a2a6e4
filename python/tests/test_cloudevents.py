"""CloudEvents conformance, judged by the official Python SDK (PyPI ``cloudevents`` 2.x): every
event of the conformance vectors is written with ``Event.to_cloudevent``; the SDK must read each
one (its strict v2 core and its v1 compatibility layer), find the attributes metaevents wrote,
and what the SDK writes back (structured JSON, HTTP structured and binary mode) must read back
into the same event. The SDK fills in a missing ``id``, ``specversion`` or ``time`` when it reads,
so required attributes are checked on the JSON itself first."""

from __future__ import annotations

import base64
import io
import json
import re
from datetime import datetime, timezone
from typing import Any

import cloudevents.v1.http as sdk_v1
import pytest
from cloudevents.core.bindings import http as sdk_http
from cloudevents.core.formats.json import JSONFormat
from cloudevents.core.v1.event import CloudEvent
from conftest import VECTORS

import metaevents

#: Lowercase letters and digits, at most 20 (the spec's naming convention; no SDK checks the length).
ATTRIBUTE_NAME = re.compile(r"^[a-z][a-z0-9]{0,19}$")
CORE = {"specversion", "id", "source", "type", "subject", "time", "datacontenttype", "data"}
EXTENSIONS = {"catalogsource", "entitytype", "platform"}


def vector_events() -> list[tuple[str, metaevents.Event]]:
    """The first event of every events/ vector, read from its input as the vector says."""
    found = []
    for path in sorted((VECTORS / "events").glob("*.expected.json")):
        name = path.name[: -len(".expected.json")]
        vector = json.loads(path.read_text(encoding="utf-8"))
        if "inputBase64" in vector:
            data = base64.b64decode(vector["inputBase64"])
        else:
            data = next((VECTORS / "events").glob(f"{name}.input.*")).read_bytes()
        options = vector.get("options", {})
        parser = metaevents.Parser(format=options.get("format"), max_event_bytes=options.get("maxEventBytes"))
        mode = vector.get("mode", "parse")
        if mode == "http":
            parsed = [parser.parse_http(vector["headers"], data)]
        elif mode == "stream":
            parsed = list(parser.iter_file(io.BytesIO(data), validation_requests=True))
        else:
            parsed = [parser.parse(data)]
        event = next((item for item in parsed if isinstance(item, metaevents.Event)), None)
        if event is not None:
            found.append((name, event))
    return found


EVENTS = vector_events()
OPTIONS = [
    {},
    {"source": "https://datahub.example.com"},
    {"source": "urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66", "raw": False},
]


def test_every_events_vector_has_an_event() -> None:
    assert len(EVENTS) >= 100


@pytest.mark.parametrize("options", OPTIONS, ids=["default", "instance-source", "urn-source-no-raw"])
@pytest.mark.parametrize(("name", "event"), EVENTS, ids=[name for name, _ in EVENTS])
def test_the_sdk_reads_what_we_write(name: str, event: metaevents.Event, options: dict[str, Any]) -> None:
    cloudevent = event.to_cloudevent(**options)
    text = json.dumps(cloudevent).encode()

    # The JSON itself: required attributes present (the SDK would fill them in), nothing null.
    assert {"specversion", "id", "source", "type"} <= cloudevent.keys()
    assert cloudevent["specversion"] == "1.0"
    assert cloudevent["id"] == event.id
    assert None not in cloudevent.values()
    assert set(cloudevent) <= CORE | EXTENSIONS
    assert all(ATTRIBUTE_NAME.match(key) for key in cloudevent if key != "data")
    assert cloudevent["source"] == options.get("source", f"/metaevents/{event.source}")

    # The strict v2 core: it parses, and every attribute is what we wrote.
    read = JSONFormat().read(None, text)
    assert read.get_specversion() == "1.0"
    assert read.get_id() == event.id
    assert read.get_source() == cloudevent["source"]
    assert read.get_type() == f"io.metaevents.{event.kind}"
    assert read.get_subject() == event.entity.id
    assert read.get_datacontenttype() == "application/json"
    if event.time is not None:
        assert read.get_time() == datetime.fromtimestamp(event.time / 1000, tz=timezone.utc)
        assert "time" in cloudevent
    else:
        assert "time" not in cloudevent
    assert read.get_extension("catalogsource") == event.source
    assert read.get_extension("entitytype") == event.entity.type
    assert read.get_extension("platform") == event.entity.platform
    assert read.get_data() == event.to_dict(raw=options.get("raw", True))

    # The v1 compatibility layer reads the same attributes.
    legacy = sdk_v1.from_json(text)
    for key in ("id", "source", "type", "subject", "catalogsource", "entitytype", "platform"):
        assert legacy.get(key) == cloudevent.get(key), key

    # What the SDK writes, structured or binary, reads back into the same event (with raw).
    written = {
        "structured JSON": ({"content-type": "application/cloudevents+json"}, JSONFormat().write(read)),
        "HTTP structured": astuple(sdk_http.to_structured_event(read)),
        "HTTP binary": astuple(sdk_http.to_binary_event(read)),
    }
    for mode, (headers, body) in written.items():
        if options.get("raw", True):
            again = metaevents.parse_http(headers, body)
            assert again == event, f"{mode}: not the same event"
            assert again.to_dict() == event.to_dict(), f"{mode}: not the same contract JSON"
        else:
            with pytest.raises(metaevents.InvalidEventError, match="write it with raw"):
                metaevents.parse_http(headers, body)


def astuple(message: sdk_http.HTTPMessage) -> tuple[dict[str, str], bytes]:
    return dict(message.headers), message.body


def test_a_cloudevent_the_sdk_builds_around_a_platform_event() -> None:
    """Another producer's CloudEvent whose data is the catalog's own event: read as that event,
    in every mode the SDK writes."""
    ece = json.loads((VECTORS / "events" / "datahub-tag-added-dataset.input.json").read_text())
    bare = metaevents.parse(ece)
    event = CloudEvent(
        {
            "id": "evt-1",
            "source": "https://datahub.example.com",
            "type": "com.example.change",
            "time": datetime.now(timezone.utc),
        },
        ece,
    )
    for message in (sdk_http.to_structured_event(event), sdk_http.to_binary_event(event)):
        got = metaevents.parse_http(message.headers, message.body)
        assert got.id == bare.id
        assert got.kind == "tag.added"
        assert got.native["envelope"] == ["cloudevent"]


def test_a_bad_source_is_refused() -> None:
    event = metaevents.parse((VECTORS / "events" / "datahub-tag-added-dataset.input.json").read_bytes())
    with pytest.raises(metaevents.MetaeventsError) as raised:
        event.to_cloudevent(source="not a uri")
    assert raised.value.kind == "invalid_option"
    assert raised.value.path == "source"
    assert isinstance(raised.value, ValueError)
