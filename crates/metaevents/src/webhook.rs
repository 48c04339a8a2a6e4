//! Atlan webhook helpers: the validation request, the signing secret, and unwrapping the
//! request a Lambda function URL, API Gateway or `EventBridge` hands to a handler.

use subtle::ConstantTimeEq;

use crate::error::Result;
use crate::model::Parsed;
use crate::parser::Parser;

/// The header Atlan sends the webhook's secret in.
pub const SIGNATURE_HEADER: &str = "x-atlan-signing-secret";

/// The body of Atlan's validation request, as its SDKs spell it.
pub const VALIDATION_REQUEST: &str =
    r#"{"atlan-webhook": "Hello, humans of data! It worked. Excited to see what you build!"}"#;

/// Whether `body` is Atlan's webhook validation request: a JSON object with an
/// `atlan-webhook` member (whatever its whitespace or greeting), bare or in a Lambda or
/// `EventBridge` wrapper.
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
