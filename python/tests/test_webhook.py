"""The webhook helpers against the Atlan formats: the validation request, a Lambda-wrapped
signed request, a wrong secret."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from conftest import DATA

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
