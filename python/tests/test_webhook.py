"""The webhook helpers against the Atlan formats: the validation request, a Lambda-wrapped
signed request, a wrong secret."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from conftest import DATA, VECTORS

import metaevents

SECRET = "test-secret-123"
VALIDATION = '{"atlan-webhook": "Hello, humans of data! It worked. Excited to see what you build!"}'


def lambda_event(name: str) -> dict[str, Any]:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def test_validation_request_in_every_form() -> None:
    wrapped = lambda_event("lambda_validation.json")
    for body in (
        VALIDATION,
        VALIDATION.encode(),
        json.loads(VALIDATION),
        wrapped,
        json.dumps(wrapped),
        '{"atlan-webhook":"Hi"}',
    ):
        assert metaevents.is_validation_request(body)
        request = metaevents.parse(body)
        assert isinstance(request, metaevents.ValidationRequest)
        assert metaevents.unwrap(body) == request
    request = metaevents.parse(VALIDATION)
    assert isinstance(request, metaevents.ValidationRequest)
    assert (request.kind, request.source) == ("webhook.validation", "atlan")
    assert request.message.startswith("Hello, humans of data!")
    assert request.to_dict() == {"kind": "webhook.validation", "source": "atlan", "message": request.message}
    assert json.loads(request.to_json()) == request.to_dict()
    assert "Hello" in repr(request)
    match request:
        case metaevents.ValidationRequest(message):
            assert message == request.message


def test_not_a_validation_request(datahub_text: str) -> None:
    for body in (datahub_text, "{}", "not json", b"", {"atlan-webhook-x": 1}):
        assert not metaevents.is_validation_request(body)


def test_lambda_signed_request() -> None:
    event = lambda_event("lambda_signed.json")
    headers = metaevents.lambda_headers(event)
    assert ("X-Atlan-Signing-Secret", SECRET) in headers
    assert metaevents.verify_signature(headers, SECRET)
    assert metaevents.verify_signature(event["headers"], SECRET)
    assert not metaevents.is_validation_request(event)
    change = metaevents.unwrap(event)
    assert isinstance(change, metaevents.TagAdded)
    assert change.source == "atlan"
    assert change.native["envelope"][0] == "aws-lambda"
    assert change.entity.platform == "snowflake"
    # The same notification posted directly gives the same event, envelope aside.
    direct = metaevents.parse(event["body"])
    assert direct.id == change.id
    assert direct.to_dict()["subjects"] == change.to_dict()["subjects"]


def test_lambda_base64_body() -> None:
    event = lambda_event("lambda_signed.json")
    plain = metaevents.unwrap(event)
    event["body"] = base64.b64encode(event["body"].encode()).decode()
    event["isBase64Encoded"] = True
    encoded = metaevents.unwrap(event)
    assert isinstance(plain, metaevents.Event)
    assert isinstance(encoded, metaevents.Event)
    assert encoded.id == plain.id
    assert encoded.raw == plain.raw


def test_wrong_or_missing_secret() -> None:
    headers = lambda_event("lambda_signed.json")["headers"]
    assert not metaevents.verify_signature(headers, "test-secret-12")
    assert not metaevents.verify_signature(headers, "test-secret-1234")
    assert not metaevents.verify_signature(headers, "TEST-SECRET-123")
    assert not metaevents.verify_signature(headers, "")
    assert not metaevents.verify_signature(lambda_event("lambda_validation.json")["headers"], SECRET)
    assert not metaevents.verify_signature({}, SECRET)


@pytest.mark.parametrize(
    "headers",
    [
        {"x-atlan-signing-secret": SECRET},
        {"X-ATLAN-SIGNING-SECRET": SECRET},
        [("Content-Type", "text/plain"), ("x-atlan-signing-secret", SECRET)],
        [(b"x-atlan-signing-secret", SECRET.encode())],  # ASGI scope headers
        {b"x-atlan-signing-secret": SECRET.encode()},
    ],
)
def test_header_forms(headers: Any) -> None:
    assert metaevents.verify_signature(headers, SECRET)


def test_bad_header_arguments() -> None:
    with pytest.raises(TypeError):
        metaevents.verify_signature([("x-atlan-signing-secret",)], SECRET)
    with pytest.raises(TypeError):
        metaevents.verify_signature({"x-atlan-signing-secret": 5}, SECRET)
    with pytest.raises(TypeError):
        metaevents.verify_signature(42, SECRET)


def test_lambda_headers_from_text_and_multi_value() -> None:
    event = {"headers": {"a": "1"}, "multiValueHeaders": {"X-Atlan-Signing-Secret": [SECRET, "other"]}}
    assert metaevents.lambda_headers(json.dumps(event)) == [("a", "1"), ("X-Atlan-Signing-Secret", SECRET)]
    assert metaevents.verify_signature(metaevents.lambda_headers(event), SECRET)
    assert metaevents.lambda_headers({}) == []


def test_eventbridge_detail(atlan_text: str) -> None:
    event = {
        "version": "0",
        "id": "1",
        "detail-type": "atlan",
        "source": "custom.atlan",
        "detail": json.loads(atlan_text),
    }
    change = metaevents.unwrap(event)
    assert isinstance(change, metaevents.TagAdded)
    assert change.id == metaevents.parse(atlan_text).id


def test_a_handler_end_to_end() -> None:
    def handler(event: dict[str, Any]) -> dict[str, Any]:
        if metaevents.is_validation_request(event):
            return {"statusCode": 200}
        if not metaevents.verify_signature(metaevents.lambda_headers(event), SECRET):
            return {"statusCode": 401}
        change = metaevents.unwrap(event)
        return {"statusCode": 200, "body": change.kind}

    assert handler(lambda_event("lambda_validation.json")) == {"statusCode": 200}
    assert handler(lambda_event("lambda_signed.json")) == {"statusCode": 200, "body": "tag.added"}
    forged = lambda_event("lambda_signed.json")
    forged["headers"]["X-Atlan-Signing-Secret"] = "guess"
    assert handler(forged) == {"statusCode": 401}


# OpenMetadata ---------------------------------------------------------------------------------

#: The exact body of OpenMetadata's UI fixture event and its X-OM-Signature for the secret
#: ``webhookTest`` (base64 HMAC-SHA256, OpenMetadata's CommonUtil.calculateHMAC).
OM_BODY = (VECTORS / "events" / "openmetadata-signed-body-compact.input.json").read_bytes()
OM_SIGNATURE = "sha256=shcy8ntl0eGzoKQDJETqj17LyA/tYwxzxCplS6WYBhc="
OM_TEST_MESSAGE = json.dumps(
    {"message": "This is a test message from OpenMetadata to confirm your webhook destination is configured correctly."}
)


def test_openmetadata_signature_worked_example() -> None:
    assert metaevents.openmetadata_signature(OM_BODY, "webhookTest") == OM_SIGNATURE
    for body in (OM_BODY, OM_BODY.decode(), bytearray(OM_BODY), memoryview(OM_BODY)):
        for headers in (
            {"X-OM-Signature": OM_SIGNATURE},
            {"x-om-signature": OM_SIGNATURE},
            [("Content-Type", "application/json"), ("X-OM-Signature", OM_SIGNATURE)],
            [(b"x-om-signature", OM_SIGNATURE.encode())],
        ):
            assert metaevents.verify_openmetadata_signature(headers, body, "webhookTest")


def test_openmetadata_signature_refusals() -> None:
    headers = {"X-OM-Signature": OM_SIGNATURE}
    assert not metaevents.verify_openmetadata_signature(headers, OM_BODY, "webhookTest2")
    assert not metaevents.verify_openmetadata_signature(headers, OM_BODY, "")
    assert not metaevents.verify_openmetadata_signature(headers, OM_BODY + b" ", "webhookTest")
    assert not metaevents.verify_openmetadata_signature({}, OM_BODY, "webhookTest")
    # Atlan's header is not OpenMetadata's, nor the hex digest OpenMetadata does not send.
    assert not metaevents.verify_openmetadata_signature(
        {"x-atlan-signing-secret": OM_SIGNATURE}, OM_BODY, "webhookTest"
    )
    hex_digest = "sha256=b21732f27b65d1e1b3a0a4032444ea8f5ecbc80fed630c73c42a654ba5980617"
    assert not metaevents.verify_openmetadata_signature({"X-OM-Signature": hex_digest}, OM_BODY, "webhookTest")
    # The bytes are signed: a decoded dict cannot be checked.
    with pytest.raises(TypeError, match="bytes or str"):
        metaevents.verify_openmetadata_signature(headers, json.loads(OM_BODY), "webhookTest")


def test_openmetadata_test_message_is_not_an_event() -> None:
    for body in (
        OM_TEST_MESSAGE,
        OM_TEST_MESSAGE.encode(),
        json.loads(OM_TEST_MESSAGE),
        json.loads(OM_TEST_MESSAGE)["message"],
    ):
        assert metaevents.is_validation_request(body)
        request = metaevents.parse(body)
        assert isinstance(request, metaevents.ValidationRequest)
        assert (request.kind, request.source) == ("webhook.validation", "openmetadata")
        assert request.to_dict()["source"] == "openmetadata"
    assert not metaevents.is_validation_request('{"message": "hello"}')


def test_openmetadata_handler_reads_every_change() -> None:
    body = (VECTORS / "events" / "openmetadata-fan-out-several-changes.input.json").read_bytes()
    with pytest.raises(metaevents.ParseError, match="OpenMetadata ChangeEvent changes several things"):
        metaevents.parse(body)
    events = metaevents.parse_many(body)
    assert [event.kind for event in events] == [
        "tag.added",
        "term.added",
        "owner.added",
        "documentation.modified",
        "entity.updated",
    ]
    assert len({event.id for event in events}) == len(events)
    assert all(event.source == "openmetadata" and event.raw == events[0].raw for event in events)
    assert isinstance(events[0], metaevents.TagAdded)
    assert events[0].native["part"] == "tag.added:fieldsAdded[0]"
