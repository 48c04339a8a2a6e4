"""The Kafka consumer recipe of python/README.md, run on records written the way DataHub's producer
writes them: Avro from a PlatformEvent schema (written here, as DataHub's PlatformEvent.avsc
declares it) by fastavro, in Confluent's wire format. There is no broker here: the recipe's
`handle` is the part under test, and its consumer loop runs against a stand-in for
confluent-kafka's `Consumer` with the same calls."""

from __future__ import annotations

import base64
import io
import json
import logging
import re
import struct
import sys
import types
from collections.abc import Callable
from typing import Any, ClassVar

import fastavro
import pytest
from conftest import ROOT, VECTORS

import metaevents

#: com.linkedin.pegasus2avro.mxe.PlatformEvent (DataHub's metadata-events/mxe-utils-avro
#: .../PlatformEvent.avsc): no unions, no defaults.
PLATFORM_EVENT = fastavro.parse_schema(
    {
        "type": "record",
        "name": "PlatformEvent",
        "namespace": "com.linkedin.pegasus2avro.mxe",
        "fields": [
            {
                "name": "header",
                "type": {
                    "type": "record",
                    "name": "PlatformEventHeader",
                    "fields": [{"name": "timestampMillis", "type": "long"}],
                },
            },
            {"name": "name", "type": "string"},
            {
                "name": "payload",
                "type": {
                    "type": "record",
                    "name": "GenericPayload",
                    "fields": [{"name": "value", "type": "bytes"}, {"name": "contentType", "type": "string"}],
                },
            },
        ],
    }
)


def kafka_record(payload: bytes, *, name: str = "entityChangeEvent", time: int, schema_id: int = 4) -> bytes:
    """A record as Confluent's KafkaAvroSerializer writes it: 0x00, the schema id, the Avro body."""
    body = io.BytesIO()
    record = {
        "header": {"timestampMillis": time},
        "name": name,
        "payload": {"value": payload, "contentType": "application/json"},
    }
    fastavro.schemaless_writer(body, PLATFORM_EVENT, record)
    return b"\x00" + struct.pack(">I", schema_id) + body.getvalue()


def compact(path: str) -> bytes:
    return json.dumps(json.loads((VECTORS / path).read_text(encoding="utf-8")), separators=(",", ":")).encode()


def vector(name: str, sub: str = "events") -> dict[str, Any]:
    return json.loads((VECTORS / sub / f"{name}.expected.json").read_text(encoding="utf-8"))


def recipe_code() -> str:
    """The ```python block of python/README.md that defines the recipe's `handle`."""
    text = (ROOT / "python" / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```python\n(.*?)^```$", text, re.MULTILINE | re.DOTALL)
    found = [block for block in blocks if "def handle(" in block]
    assert len(found) == 1, "python/README.md must have one Kafka recipe"
    return found[0]


def run_recipe(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("KAFKA_BROKERS", raising=False)
    namespace: dict[str, Any] = {"__name__": "__recipe__"}
    exec(compile(recipe_code(), "python/README.md (Kafka recipe)", "exec"), namespace)
    return namespace


@pytest.fixture
def handle(monkeypatch: pytest.MonkeyPatch) -> Callable[[Any], metaevents.Event | None]:
    return run_recipe(monkeypatch)["handle"]


def test_fastavro_writes_the_bytes_of_the_vectors() -> None:
    # The JS recipe test runs on the vectors' bytes: they are these records.
    assert kafka_record(compact("events/datahub-tag-added-dataset.input.json"), time=1718035200123) == (
        base64.b64decode(vector("kafka-avro-tag-added")["inputBase64"])
    )
    rce = kafka_record(
        compact("events/datahub-relationship-added.input.json"), name="relationshipChangeEvent", time=1774012800123
    )
    assert rce == base64.b64decode(vector("kafka-avro-relationship-added")["inputBase64"])


@pytest.mark.parametrize("schema_id", [4, 100234])
@pytest.mark.parametrize(
    ("payload", "name"),
    [
        ("events/datahub-tag-added-dataset.input.json", "entityChangeEvent"),
        ("events/datahub-owner-added-dataset-legacy-category.input.json", "entityChangeEvent"),
        ("events/datahub-schema-field-added-nullable-bool.input.json", "entityChangeEvent"),
        ("events/datahub-relationship-added.input.json", "relationshipChangeEvent"),
    ],
)
def test_the_handler_gives_the_event_of_each_record(
    handle: Callable[[Any], metaevents.Event | None], payload: str, name: str, schema_id: int
) -> None:
    bare = metaevents.parse((VECTORS / payload).read_bytes())
    for value in (
        kafka_record(compact(payload), name=name, time=1718035200123, schema_id=schema_id),
        memoryview(kafka_record(compact(payload), name=name, time=1, schema_id=schema_id)),
    ):
        event = handle(value)
        assert isinstance(event, type(bare))
        assert event.id == bare.id
        assert event.kind == bare.kind
        assert event.entity == bare.entity
        assert event.subjects == bare.subjects
        assert event.native["envelope"] == ["kafka-avro", "datahub-platform-event"]
        assert event.native["schemaId"] == schema_id


def test_the_handler_acts_on_what_it_filters(
    handle: Callable[[Any], metaevents.Event | None], capsys: pytest.CaptureFixture[str]
) -> None:
    handle(kafka_record(compact("events/datahub-tag-added-dataset.input.json"), time=1))
    handle(kafka_record(compact("events/datahub-owner-added-dataset-legacy-category.input.json"), time=1))
    out = capsys.readouterr().out
    assert out.count("PII tag added to") == 1


def test_the_handler_skips_tombstones_and_other_schemas(
    handle: Callable[[Any], metaevents.Event | None], caplog: pytest.LogCaptureFixture
) -> None:
    assert handle(None) is None
    # A real MetadataChangeLog record (schema id 2), as a consumer of the wrong topic gets it.
    mcl = base64.b64decode(vector("malformed-kafka-avro-mcl-versioned", "malformed")["inputBase64"])
    with caplog.at_level(logging.WARNING, logger="catalog-events"):
        assert handle(mcl) is None
    assert "schema id 2 is not a DataHub PlatformEvent" in caplog.text
    assert "AvroDeserializer" in caplog.text
    # A PlatformEvent whose payload is not JSON: skipped and said, the consumer goes on.
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="catalog-events"):
        assert handle(kafka_record(b"entityUrn=urn:li:dataset:x", time=1)) is None
    assert "$.payload.value" in caplog.text


class StandInConsumer:
    """confluent_kafka.Consumer as the recipe calls it: subscribe, poll, close."""

    instances: ClassVar[list[StandInConsumer]] = []

    def __init__(self, config: dict[str, str]) -> None:
        self.config = config
        self.topics: list[str] = []
        self.closed = False
        self.messages = [
            Message(kafka_record(compact("events/datahub-tag-added-dataset.input.json"), time=1)),
            None,  # poll timed out
            Message(None, error="_PARTITION_EOF"),
            Message(None),  # a tombstone
        ]
        StandInConsumer.instances.append(self)

    def subscribe(self, topics: list[str]) -> None:
        self.topics = topics

    def poll(self, timeout: float) -> Message | None:
        assert timeout > 0
        if not self.messages:
            raise KeyboardInterrupt  # how a consumer is stopped
        return self.messages.pop(0)

    def close(self) -> None:
        self.closed = True


class Message:
    def __init__(self, value: bytes | None, error: str | None = None) -> None:
        self._value = value
        self._error = error

    def value(self) -> bytes | None:
        return self._value

    def error(self) -> str | None:
        return self._error


def test_the_consumer_loop_hands_each_record_to_the_handler(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "confluent_kafka", types.SimpleNamespace(Consumer=StandInConsumer))
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("KAFKA_BROKERS", "localhost:9092")
    namespace: dict[str, Any] = {"__name__": "__recipe__"}
    with pytest.raises(KeyboardInterrupt):
        exec(compile(recipe_code(), "python/README.md (Kafka recipe)", "exec"), namespace)
    consumer = StandInConsumer.instances[-1]
    assert consumer.topics == ["PlatformEvent_v1"]
    assert consumer.config["bootstrap.servers"] == "localhost:9092"
    assert consumer.closed
    assert capsys.readouterr().out.count("PII tag added to") == 1
