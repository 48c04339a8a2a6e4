"""Writes DataHub PlatformEvent Kafka records the way DataHub's producer does (Avro binary in
Confluent's wire format: byte 0, the 4-byte big-endian schema id, the Avro body), with fastavro,
for the kafka-avro vectors of tests/vectors (which hold them as base64).

    python python/tools/make_kafka_records.py NAME PAYLOAD_FILE [--schema-id 4] [--time MS]

prints the base64 of one record whose payload is PAYLOAD_FILE's bytes (the change event as
JSON). `--name` sets the PlatformEvent name (entityChangeEvent). Needs `pip install fastavro`.

The schema is DataHub's PlatformEvent.avsc (metadata-events/mxe-utils-avro/src/main/resources/
v1/avro/com/linkedin/mxe/PlatformEvent.avsc, Apache-2.0) without its docs; 4 is the schema id
DataHub's internal registry gives PlatformEvent (SchemaIdOrdinal.PLATFORM_EVENT).
"""

from __future__ import annotations

import argparse
import base64
import io
import json
import struct
import sys

import fastavro

PLATFORM_EVENT = {
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


def kafka_record(
    payload: bytes,
    *,
    name: str = "entityChangeEvent",
    time: int,
    schema_id: int = 4,
    content_type: str = "application/json",
) -> bytes:
    """One record as KafkaAvroSerializer writes it."""
    body = io.BytesIO()
    record = {
        "header": {"timestampMillis": time},
        "name": name,
        "payload": {"value": payload, "contentType": content_type},
    }
    fastavro.schemaless_writer(body, fastavro.parse_schema(PLATFORM_EVENT), record)
    return b"\x00" + struct.pack(">I", schema_id) + body.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("payload", help="file with the payload (the change event as JSON)")
    parser.add_argument("--name", default="entityChangeEvent")
    parser.add_argument("--schema-id", type=int, default=4)
    parser.add_argument("--time", type=int, help="header.timestampMillis (default: the payload's auditStamp.time)")
    args = parser.parse_args()
    with open(args.payload, "rb") as file:
        payload = file.read()
    time = args.time
    if time is None:
        time = json.loads(payload).get("auditStamp", {}).get("time", 0)
    record = kafka_record(payload, name=args.name, time=time, schema_id=args.schema_id)
    sys.stdout.write(base64.b64encode(record).decode() + "\n")


if __name__ == "__main__":
    main()
