#!/usr/bin/env python3
"""Writes the inputs of the compressed and split notification vectors by following Apache
Atlas's producer step by step, so that they are what Atlas (and Atlan, which kept its code)
really sends.

The producer is `AbstractNotification.createNotificationMessages` (apache/atlas
`notification/src/main/java/org/apache/atlas/notification/AbstractNotification.java`, commit
bcfe1a25a5c187cfa4bebb2693faabb51fd260e0), with the helpers of `AtlasNotificationBaseMessage`
and the JSON of `AtlasNotificationStringMessage`:

1. the envelope (`AtlasNotificationMessage`: version, msg*, spooled, message) as compact JSON;
2. sent as it is when 4 bytes per UTF-16 character, or else its UTF-8 bytes, fit in
   `atlas.notification.message.max.length.bytes` - 512;
3. else (compression enabled, the default) the UTF-8 bytes are gzipped with
   `java.util.zip.GZIPOutputStream`'s defaults and base64-encoded by commons-codec's
   `Base64.encodeBase64` (standard alphabet, `=` padding, no line breaks); if that text fits,
   it is sent as the `message` of one `AtlasNotificationStringMessage` with
   `msgCompressionKind: GZIP` and a `msgId`;
4. else the base64 text (of the gzip, or with compression disabled of the plain bytes) is cut
   into chunks of the maximum length, each sent as a string message with `msgSplitIdx` 0 ..
   count-1 and `msgSplitCount`.

Each vector sets a small maximum length so that it stays small. `msgId` is the producer's
`<uuid>_<counter>` with a fixed UUID per vector, so that the output is the same on every run.
The messages come from the plain vectors of `events/` (the same event, so the same id) or are
given below. Standard library only.

    python3 tests/vectors/generate_atlas_notifications.py          # rewrite the inputs
    python3 tests/vectors/generate_atlas_notifications.py --check  # exit 1 if one is stale
"""

from __future__ import annotations

import base64
import json
import struct
import sys
import uuid
import zlib
from pathlib import Path
from typing import Any

VECTORS = Path(__file__).resolve().parent

# AbstractNotification.MAX_BYTES_PER_CHAR and the 512 bytes AtlasNotificationBaseMessage keeps
# "for envelop" (MESSAGE_MAX_LENGTH_BYTES = max.length.bytes - 512).
MAX_BYTES_PER_CHAR = 4
ENVELOPE_RESERVE = 512
VERSION = {"version": "1.0.0", "versionParts": [1]}  # MessageVersion.CURRENT_VERSION as Jackson writes it


def to_json(value: Any) -> str:
    """`AtlasType.toV1Json`: Jackson's compact JSON, non-ASCII text as it is."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def java_length(text: str) -> int:
    """`String.length()`: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def gzip_compress(data: bytes) -> bytes:
    """`AtlasNotificationBaseMessage.gzipCompress`: a `GZIPOutputStream` with its defaults, the
    10-byte header without mtime or name (OS byte 0, as the JDK 8 and 11 Atlas builds on write
    it), raw deflate at the default level (6), CRC-32 and length."""
    deflater = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS, 8, zlib.Z_DEFAULT_STRATEGY)
    body = deflater.compress(data) + deflater.flush()
    return (
        bytes([0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0])
        + body
        + struct.pack("<II", zlib.crc32(data), len(data) & 0xFFFFFFFF)
    )


def encode_base64(data: bytes) -> str:
    """commons-codec `Base64.encodeBase64`: standard alphabet, padded, no line breaks."""
    return base64.b64encode(data).decode("ascii")


def string_message(message: str, msg_id: str, kind: str, index: int = 1, count: int = 1) -> dict[str, Any]:
    """`AtlasNotificationStringMessage` as Jackson writes it: base fields in declaration order
    (`source` is null there, so left out), then `message`; an unsplit one keeps the default
    index and count of 1."""
    return {
        "version": VERSION,
        "msgId": msg_id,
        "msgCompressionKind": kind,
        "msgSplitIdx": index,
        "msgSplitCount": count,
        "message": message,
    }


def create_notification_messages(
    envelope: dict[str, Any], max_length_bytes: int, compression: bool, msg_id: str
) -> list[str]:
    """`AbstractNotification.createNotificationMessages` for one envelope: the Kafka record
    values it sends, in order."""
    max_length = max_length_bytes - ENVELOPE_RESERVE
    msg_json = to_json(envelope)
    if java_length(msg_json) * MAX_BYTES_PER_CHAR <= max_length:
        return [msg_json]
    msg_bytes = msg_json.encode("utf-8")
    if len(msg_bytes) <= max_length:
        return [msg_json]
    if compression:
        kind = "GZIP"
        encoded = encode_base64(gzip_compress(msg_bytes))
        if len(encoded) <= max_length:
            return [to_json(string_message(encoded, msg_id, kind))]
    else:
        kind = "NONE"
        encoded = encode_base64(msg_bytes)
    count = -(-len(encoded) // max_length)
    return [
        to_json(string_message(encoded[i * max_length : (i + 1) * max_length], msg_id, kind, i, count))
        for i in range(count)
    ]


def msg_id(vector: str) -> str:
    """`AbstractNotification.getNextMessageId`: `<random uuid>_<counter>`, the UUID fixed per vector."""
    return f"{uuid.uuid5(uuid.NAMESPACE_URL, 'metaevents/tests/vectors/' + vector)}_0"


def envelope_of(vector: str) -> dict[str, Any]:
    """The envelope of a plain vector of `events/` (key order kept)."""
    return json.loads((VECTORS / "events" / f"{vector}.input.json").read_text(encoding="utf-8"))


def atlan_envelope(created: int, message: dict[str, Any]) -> dict[str, Any]:
    """An envelope as Atlan's server writes it (`source` `{}`, `spooled`)."""
    return {
        "source": {},
        "version": VERSION,
        "msgCompressionKind": "NONE",
        "msgSplitIdx": 1,
        "msgSplitCount": 1,
        "msgSourceIP": "10.121.193.228",
        "msgCreatedBy": "",
        "msgCreationTime": created,
        "spooled": False,
        "message": message,
    }


# The two messages of stream-atlan-split-mixed-compression: a tag removed from a column, and a
# table updated (its certificate deprecated), as Atlan writes them.
COLUMN_TAG_REMOVED = atlan_envelope(
    1718100000150,
    json.loads(
        '{"type":"ENTITY_NOTIFICATION_V2","entity":{"typeName":"Column","attributes":{"qualifiedName":"default/snowflake/1686232245/ANALYTICS/PUBLIC/ORDERS/CUSTOMER_EMAIL","name":"CUSTOMER_EMAIL","connectorName":"snowflake","connectionQualifiedName":"default/snowflake/1686232245","databaseName":"ANALYTICS","databaseQualifiedName":"default/snowflake/1686232245/ANALYTICS","schemaName":"PUBLIC","schemaQualifiedName":"default/snowflake/1686232245/ANALYTICS/PUBLIC","tableName":"ORDERS","tableQualifiedName":"default/snowflake/1686232245/ANALYTICS/PUBLIC/ORDERS","dataType":"VARCHAR","order":4,"isNullable":true,"popularityScore":1.17549435e-38,"ownerUsers":[],"ownerGroups":[]},"guid":"9065bba5-22b8-4331-bff8-1bdf017c5cfb","status":"ACTIVE","displayText":"CUSTOMER_EMAIL","updatedBy":"marco.rossi","updateTime":1718100000000},"operationType":"CLASSIFICATION_DELETE","eventTime":1718100000000,"mutatedDetails":[{"typeName":"kR7sWq2vXn9bLm4pTz1cYd","entityGuid":"9065bba5-22b8-4331-bff8-1bdf017c5cfb","entityStatus":"ACTIVE","propagate":true,"removePropagationsOnEntityDelete":true,"restrictPropagationThroughLineage":false,"restrictPropagationThroughHierarchy":true}]}'
    ),
)
TABLE_DEPRECATED = atlan_envelope(
    1718100001200,
    json.loads(
        '{"type":"ENTITY_NOTIFICATION_V2","entity":{"typeName":"Table","attributes":{"qualifiedName":"default/snowflake/1686232245/ANALYTICS/PUBLIC/ORDERS","name":"ORDERS","connectorName":"snowflake","connectionQualifiedName":"default/snowflake/1686232245","databaseName":"ANALYTICS","databaseQualifiedName":"default/snowflake/1686232245/ANALYTICS","schemaName":"PUBLIC","schemaQualifiedName":"default/snowflake/1686232245/ANALYTICS/PUBLIC","columnCount":12,"rowCount":1843211,"sizeBytes":96731136,"popularityScore":1.17549435e-38,"certificateStatus":"VERIFIED","ownerUsers":["priya.sharma"],"ownerGroups":["data-platform"]},"guid":"c2f8a9d1-4b6e-4f3a-9e2d-7a1b5c8d0e3f","status":"ACTIVE","displayText":"ORDERS","isIncomplete":false,"createdBy":"crawler-snowflake","updatedBy":"marco.rossi","createTime":1686232400123,"updateTime":1718100001000},"operationType":"ENTITY_UPDATE","eventTime":1718100001000,"mutatedDetails":{"typeName":"Table","attributes":{"certificateStatus":"DEPRECATED","certificateStatusMessage":"Use FCT_ORDERS instead"},"guid":"c2f8a9d1-4b6e-4f3a-9e2d-7a1b5c8d0e3f","updatedBy":"marco.rossi","updateTime":1718100001000}}'  # noqa: E501 (a real record, whole)
    ),
)

# Plain lines the streams interleave with the notifications.
DATAHUB_TAG_REMOVED = '{"entityType":"dataset","entityUrn":"urn:li:dataset:(urn:li:dataPlatform:snowflake,analytics.public.orders,PROD)","category":"TAG","operation":"REMOVE","modifier":"urn:li:tag:PII","parameters":{"tagUrn":"urn:li:tag:PII","context":"{}","sourceDetails":"{}"},"auditStamp":{"time":1718100000500,"actor":"urn:li:corpuser:jane.doe@acme.com"},"version":0}'  # noqa: E501 (a real record, whole)
DATAHUB_TAG_ADDED = '{"entityType":"dataset","entityUrn":"urn:li:dataset:(urn:li:dataPlatform:snowflake,analytics.public.orders,PROD)","category":"TAG","operation":"ADD","modifier":"urn:li:tag:PII","parameters":{"tagUrn":"urn:li:tag:PII","context":"{}","sourceDetails":"{}"},"auditStamp":{"time":1718035200123,"actor":"urn:li:corpuser:jane.doe@acme.com"},"version":0}'  # noqa: E501 (a real record, whole)
DATAHUB_LINEAGE_ADDED = '{"sourceUrn":"urn:li:dataset:(urn:li:dataPlatform:dbt,analytics.marts.fct_orders,PROD)","destinationUrn":"urn:li:dataset:(urn:li:dataPlatform:dbt,analytics.staging.stg_orders,PROD)","operation":"ADD","relationshipType":"DownstreamOf","lifecycleOwner":"dataset","properties":{"aspectName":"upstreamLineage","createdActor":"urn:li:corpuser:datahub"},"auditStamp":{"time":1774012800123,"actor":"urn:li:corpuser:datahub"}}'  # noqa: E501 (a real record, whole)


def produce(vector: str, envelope: dict[str, Any], max_length_bytes: int, compression: bool = True) -> list[str]:
    return create_notification_messages(envelope, max_length_bytes, compression, msg_id(vector))


def expect_shape(vector: str, records: list[str], count: int, kind: str) -> list[str]:
    """Checks that the producer did what the vector is meant to show."""
    parsed = [json.loads(record) for record in records]
    if len(parsed) != count or any(part.get("msgCompressionKind") != kind for part in parsed):
        shapes = [
            (part.get("msgCompressionKind"), part.get("msgSplitIdx"), part.get("msgSplitCount")) for part in parsed
        ]
        raise SystemExit(f"{vector}: expected {count} {kind} record(s), the producer wrote {shapes}")
    return records


def edited(record: str, **changes: Any) -> str:
    """A record with some fields changed (or removed, for `None`), key order kept."""
    value = json.loads(record)
    for key, new in changes.items():
        if new is None:
            value.pop(key, None)
        else:
            value[key] = new
    return to_json(value)


def vectors() -> dict[str, list[str]]:
    """Every generated input: path under tests/vectors → its lines."""
    out: dict[str, list[str]] = {}
    column_tag_added = envelope_of("atlan-classification-add-column")

    # Part A: Atlan's notifications as Atlas's producer compresses and splits them.
    name = "envelope-atlan-gzip"
    out[f"events/{name}.input.json"] = expect_shape(name, produce(name, column_tag_added, 1712), 1, "GZIP")
    name = "envelope-atlan-split-gzip"
    out[f"events/{name}.input.ndjson"] = expect_shape(name, produce(name, column_tag_added, 1012), 2, "GZIP")
    name = "envelope-atlan-split-out-of-order"
    parts = expect_shape(name, produce(name, column_tag_added, 912), 3, "GZIP")
    out[f"events/{name}.input.ndjson"] = [parts[1], parts[2], parts[0]]
    name = "envelope-atlan-split-uncompressed"
    out[f"events/{name}.input.ndjson"] = expect_shape(
        name, produce(name, column_tag_added, 1512, compression=False), 3, "NONE"
    )
    # What Atlas's consumer also reads but its producer never writes: the joined parts decode to
    # an envelope that says GZIP itself (here: a compressed message, split without compression).
    name = "envelope-atlan-split-double-gzip"
    compressed = json.loads(expect_shape(name, produce(name, column_tag_added, 1712), 1, "GZIP")[0])
    out[f"events/{name}.input.ndjson"] = expect_shape(
        name, produce(name, compressed, 1112, compression=False), 3, "NONE"
    )

    name = "stream-atlan-split-mixed-compression"
    removed = expect_shape(name, produce(name + "/column", COLUMN_TAG_REMOVED, 1112), 2, "GZIP")
    deprecated = expect_shape(name, produce(name + "/table", TABLE_DEPRECATED, 1212, compression=False), 3, "NONE")
    out[f"events/{name}.input.ndjson"] = [
        deprecated[2],
        removed[1],
        DATAHUB_TAG_REMOVED,
        deprecated[0],
        removed[0],
        deprecated[1],
    ]

    # Part B: Apache Atlas's own notifications, through the same producer.
    hive_column_tagged = envelope_of("atlas-classification-add-hive-column")
    name = "envelope-atlas-gzip"
    out[f"events/{name}.input.json"] = expect_shape(name, produce(name, hive_column_tagged, 1312), 1, "GZIP")
    name = "envelope-atlas-split-gzip"
    parts = expect_shape(name, produce(name, hive_column_tagged, 912), 2, "GZIP")
    out[f"events/{name}.input.ndjson"] = [parts[1], parts[0]]
    name = "envelope-atlas-split-uncompressed"
    out[f"events/{name}.input.ndjson"] = expect_shape(
        name, produce(name, hive_column_tagged, 1012, compression=False), 3, "NONE"
    )

    # Malformed split messages.
    name = "malformed-split-part-missing"
    parts = expect_shape(name, produce(name, column_tag_added, 1512, compression=False), 3, "NONE")
    out[f"malformed/{name}.input.ndjson"] = [
        DATAHUB_TAG_ADDED,
        parts[0],
        to_json(column_tag_added),
        parts[2],
        DATAHUB_LINEAGE_ADDED,
    ]
    name = "malformed-split-part-zero-missing"
    parts = expect_shape(name, produce(name, column_tag_added, 912), 3, "GZIP")
    out[f"malformed/{name}.input.ndjson"] = [parts[1], parts[2]]
    name = "malformed-split-count-mismatch"
    parts = expect_shape(name, produce(name, column_tag_added, 1512, compression=False), 3, "NONE")
    out[f"malformed/{name}.input.ndjson"] = [parts[0], edited(parts[1], msgSplitCount=4)]
    name = "malformed-split-idx-out-of-range"
    parts = expect_shape(name, produce(name, column_tag_added, 1512, compression=False), 3, "NONE")
    out[f"malformed/{name}.input.json"] = [edited(parts[2], msgSplitIdx=3)]
    name = "malformed-split-idx-negative"
    parts = expect_shape(name, produce(name, column_tag_added, 1512, compression=False), 3, "NONE")
    out[f"malformed/{name}.input.json"] = [edited(parts[0], msgSplitIdx=-1)]
    # A part of a split message is only ever the outermost text: one inside a GZIP message is refused.
    name = "malformed-split-part-inside-gzip"
    part = json.loads(
        expect_shape(name, produce(name + "/part", column_tag_added, 1512, compression=False), 3, "NONE")[0]
    )
    out[f"malformed/{name}.input.json"] = expect_shape(name, produce(name, part, 1562), 1, "GZIP")
    name = "malformed-split-msgid-missing"
    parts = expect_shape(name, produce(name, column_tag_added, 1512, compression=False), 3, "NONE")
    out[f"malformed/{name}.input.json"] = [edited(parts[0], msgId=None)]
    return out


def main() -> int:
    check = "--check" in sys.argv[1:]
    stale = []
    for relative, lines in vectors().items():
        path = VECTORS / relative
        text = "".join(line + "\n" for line in lines)
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(relative)
        if not check:
            path.write_text(text, encoding="utf-8")
    for relative in stale:
        print(f"{'stale' if check else 'wrote'} {relative}")
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
