//! Webhook helpers. Atlan: the validation request, the signing secret, and unwrapping the
//! request a Lambda function URL, API Gateway or `EventBridge` hands to a handler. `OpenMetadata`:
//! the test message and the `X-OM-Signature` HMAC of the body.

use base64::Engine as _;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;

use crate::error::Result;
use crate::model::Parsed;
use crate::parser::Parser;

/// The header Atlan sends the webhook's secret in.
pub const SIGNATURE_HEADER: &str = "x-atlan-signing-secret";

/// The header `OpenMetadata` sends the signature of a webhook body in (`RestUtil.SIGNATURE_HEADER`).
pub const OPENMETADATA_SIGNATURE_HEADER: &str = "x-om-signature";

/// The body of Atlan's validation request, as its SDKs spell it.
pub const VALIDATION_REQUEST: &str =
    r#"{"atlan-webhook": "Hello, humans of data! It worked. Excited to see what you build!"}"#;

/// Whether `body` is a webhook's test request rather than an event: Atlan's validation request
/// (a JSON object with an `atlan-webhook` member, whatever its whitespace or greeting) or the test
/// message `OpenMetadata` sends when a destination is tested (`{"message": "This is a test message
/// from OpenMetadata ..."}`, or that sentence alone from older servers), bare or in a Lambda
/// or `EventBridge` wrapper.
pub fn is_validation_request(body: &[u8]) -> bool {
    matches!(Parser::new().parse(body), Ok(Parsed::ValidationRequest(_)))
}

/// Whether the headers carry `x-atlan-signing-secret` equal to `secret`.
///
/// Header names match case-insensitively (HTTP says they are); the comparison of the value
/// takes the same time wherever it differs. A missing header or an empty secret never matches.
pub fn verify_signature<'h, I, K, V>(headers: I, secret: &str) -> bool
where
    I: IntoIterator<Item = (K, V)>,
    K: AsRef<str> + 'h,
    V: AsRef<str> + 'h,
{
    if secret.is_empty() {
        return false;
    }
    let mut matched = false;
    for (name, value) in headers {
        if name.as_ref().trim().eq_ignore_ascii_case(SIGNATURE_HEADER) {
            let equal: bool = value.as_ref().trim().as_bytes().ct_eq(secret.as_bytes()).into();
            matched |= equal;
        }
    }
    matched
}

/// HMAC-SHA256 of `body` keyed with the UTF-8 bytes of `secret`.
fn hmac_sha256(body: &[u8], secret: &str) -> Option<[u8; 32]> {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).ok()?;
    mac.update(body);
    let digest = mac.finalize().into_bytes();
    let mut out = [0u8; 32];
    for (slot, byte) in out.iter_mut().zip(digest.iter()) {
        *slot = *byte;
    }
    Some(out)
}

/// The `X-OM-Signature` value `OpenMetadata` sends with `body` when the webhook's secret key is
/// `secret`: `sha256=` and the padded standard base64 of HMAC-SHA256(secret, body)
/// (`"sha256=" + CommonUtil.calculateHMAC(secretKey, json)`). For tests and for senders.
pub fn openmetadata_signature(body: &[u8], secret: &str) -> String {
    let digest = hmac_sha256(body, secret).unwrap_or_default();
    format!("sha256={}", base64::engine::general_purpose::STANDARD.encode(digest))
}

/// Whether the headers carry an `X-OM-Signature` that signs `body` with `secret`, as
/// `OpenMetadata` signs webhook bodies (see [`openmetadata_signature`]).
///
/// `body` must be the request body exactly as received (its bytes are signed, not the JSON they
/// hold). Header names match case-insensitively; the signature is compared in constant time. A
/// missing or malformed header, or an empty secret (`OpenMetadata` does not sign without one),
/// never matches.
pub fn verify_openmetadata_signature<'h, I, K, V>(headers: I, body: &[u8], secret: &str) -> bool
where
    I: IntoIterator<Item = (K, V)>,
    K: AsRef<str> + 'h,
    V: AsRef<str> + 'h,
{
    if secret.is_empty() {
        return false;
    }
    let Some(expected) = hmac_sha256(body, secret) else { return false };
    let mut matched = false;
    for (name, value) in headers {
        if !name.as_ref().trim().eq_ignore_ascii_case(OPENMETADATA_SIGNATURE_HEADER) {
            continue;
        }
        let value = value.as_ref().trim();
        let Some(encoded) = value.get(..7).filter(|prefix| prefix.eq_ignore_ascii_case("sha256=")).and(value.get(7..))
        else {
            continue;
        };
        let engine = &base64::engine::general_purpose::STANDARD;
        let Ok(given) =
            engine.decode(encoded).or_else(|_| base64::engine::general_purpose::STANDARD_NO_PAD.decode(encoded))
        else {
            continue;
        };
        let equal: bool = given.as_slice().ct_eq(&expected).into();
        matched |= equal;
    }
    matched
}

/// The headers of a Lambda function URL / API Gateway request (`headers`, and the first value
/// of each `multiValueHeaders`), for [`verify_signature`].
pub fn lambda_headers(request: &serde_json::Value) -> Vec<(String, String)> {
    let mut headers = Vec::new();
    if let Some(map) = request.get("headers").and_then(serde_json::Value::as_object) {
        for (name, value) in map {
            if let Some(value) = value.as_str() {
                headers.push((name.clone(), value.to_owned()));
            }
        }
    }
    if let Some(map) = request.get("multiValueHeaders").and_then(serde_json::Value::as_object) {
        for (name, values) in map {
            if let Some(value) = values.as_array().and_then(|v| v.first()).and_then(serde_json::Value::as_str) {
                headers.push((name.clone(), value.to_owned()));
            }
        }
    }
    headers
}

/// Parses the event a webhook delivered, bare or wrapped by Lambda, API Gateway or `EventBridge`.
/// An `OpenMetadata` `ChangeEvent` of several changes is several events: read its body with
/// [`crate::parse_many`] (or [`Parser::events`]).
pub fn unwrap(body: &[u8]) -> Result<Parsed> {
    Parser::new().parse(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_request_is_recognised_not_an_error() {
        assert!(is_validation_request(VALIDATION_REQUEST.as_bytes()));
        assert!(is_validation_request(br#"{"atlan-webhook":"Hello"}"#));
        assert!(!is_validation_request(b"{}"));
        assert!(!is_validation_request(b"not json"));
    }

    #[test]
    fn signature_header_is_case_insensitive_and_exact() {
        let headers = [("Content-Type", "text/plain"), ("X-Atlan-Signing-Secret", "s3cret")];
        assert!(verify_signature(headers, "s3cret"));
        assert!(!verify_signature(headers, "s3cre"));
        assert!(!verify_signature(headers, "s3cret!"));
        assert!(!verify_signature([("content-type", "x")], "s3cret"));
        assert!(!verify_signature([("x-atlan-signing-secret", "")], ""));
    }

    /// The worked example of the research notes: the exact body bytes of `OpenMetadata`'s UI fixture
    /// event, signed with the secret `webhookTest` by `OpenMetadata`'s algorithm.
    const SIGNED_BODY: &str = r#"{"id":"6e56e9c8-bf9f-425b-8bcb-faa32c875bd8","eventType":"entityUpdated","entityType":"table","entityId":"23471210-cfec-49f9-ad02-898e11621121","previousVersion":0.1,"currentVersion":0.3,"userName":"admin","timestamp":1730968041783,"changeDescription":{"fieldsAdded":[{"name":"owners","newValue":"[{\"id\":\"ae458aa2-a162-48d6-977e-006d868829cf\",\"type\":\"user\",\"name\":\"aaron_johnson0\",\"fullyQualifiedName\":\"aaron_johnson0\",\"displayName\":\"Aaron Johnson\",\"deleted\":false}]"}],"fieldsUpdated":[],"fieldsDeleted":[],"previousVersion":0.2},"entity":"{\"id\":\"ec9c9ae5-ed82-4c4e-b2b1-a603940cbe0a\",\"name\":\"Glue\",\"fullyQualifiedName\":\"Glue\",\"serviceType\":\"Glue\",\"deleted\":false}"}"#;
    const SIGNATURE: &str = "sha256=shcy8ntl0eGzoKQDJETqj17LyA/tYwxzxCplS6WYBhc=";

    #[test]
    fn openmetadata_signature_matches_the_worked_example() {
        assert_eq!(SIGNED_BODY.len(), 707);
        assert_eq!(openmetadata_signature(SIGNED_BODY.as_bytes(), "webhookTest"), SIGNATURE);
        let headers = [("Content-Type", "application/json"), ("X-OM-Signature", SIGNATURE)];
        assert!(verify_openmetadata_signature(headers, SIGNED_BODY.as_bytes(), "webhookTest"));
        assert!(verify_openmetadata_signature([("x-om-signature", SIGNATURE)], SIGNED_BODY.as_bytes(), "webhookTest"));
        // Unpadded base64 says the same.
        let unpadded = SIGNATURE.trim_end_matches('=');
        assert!(verify_openmetadata_signature([("X-OM-Signature", unpadded)], SIGNED_BODY.as_bytes(), "webhookTest"));
    }

    #[test]
    fn openmetadata_signature_rejects_what_it_should() {
        let body = SIGNED_BODY.as_bytes();
        let check =
            |value: &str, secret: &str| verify_openmetadata_signature([("X-OM-Signature", value)], body, secret);
        assert!(!check(SIGNATURE, "webhookTest2"));
        assert!(!check(SIGNATURE, ""));
        // The hex digest OpenMetadata does not send, the bare base64, garbage.
        assert!(!check("sha256=b21732f27b65d1e1b3a0a4032444ea8f5ecbc80fed630c73c42a654ba5980617", "webhookTest"));
        assert!(!check("shcy8ntl0eGzoKQDJETqj17LyA/tYwxzxCplS6WYBhc=", "webhookTest"));
        assert!(!check("sha256=!!", "webhookTest"));
        assert!(!check("sha256=", "webhookTest"));
        // The same JSON re-serialized is other bytes: the raw body is what is signed.
        let spaced = SIGNED_BODY.replacen(',', ", ", 1);
        assert!(!verify_openmetadata_signature([("X-OM-Signature", SIGNATURE)], spaced.as_bytes(), "webhookTest"));
        assert!(!verify_openmetadata_signature([("X-Other", SIGNATURE)], body, "webhookTest"));
        // Atlan's header is not OpenMetadata's.
        assert!(!verify_openmetadata_signature([(SIGNATURE_HEADER, SIGNATURE)], body, "webhookTest"));
    }

    #[test]
    fn openmetadata_test_messages_are_not_events() {
        let json = br#"{"message": "This is a test message from OpenMetadata to confirm your webhook destination is configured correctly."}"#;
        assert!(is_validation_request(json));
        let text =
            b"This is a test message from OpenMetadata to confirm your webhook destination is configured correctly.";
        assert!(is_validation_request(text));
        assert!(!is_validation_request(br#"{"message": "hello"}"#));
    }

    #[test]
    fn lambda_headers_are_collected() {
        let request = serde_json::json!({"headers": {"x-atlan-signing-secret": "a"}, "multiValueHeaders": {"X-Other": ["b", "c"]}});
        let headers = lambda_headers(&request);
        assert_eq!(
            headers,
            [("x-atlan-signing-secret".to_owned(), "a".to_owned()), ("X-Other".to_owned(), "b".to_owned())]
        );
        assert!(verify_signature(headers, "a"));
    }
}
