//! The webhook helpers of the core (Atlan's, OpenMetadata's), with JS arguments.

use serde_json::Value;
use wasm_bindgen::prelude::*;

use crate::values;

/// `webhook::is_validation_request` of text.
#[wasm_bindgen(js_name = isValidationRequestStr)]
pub fn is_validation_request_str(body: &str) -> bool {
    metaevents::webhook::is_validation_request(body.as_bytes())
}

/// `webhook::is_validation_request` of bytes.
#[wasm_bindgen(js_name = isValidationRequestBytes)]
pub fn is_validation_request_bytes(body: &[u8]) -> bool {
    metaevents::webhook::is_validation_request(body)
}

/// Headers given as `[[name, value], ...]` (the JS wrapper makes the pairs out of a plain
/// object, a `Headers` or a `Map`). A pair that is not two strings counts as no header.
pub(crate) fn header_pairs(headers: JsValue) -> Vec<(String, String)> {
    let headers: Value = values::from_js(headers).unwrap_or(Value::Null);
    let pairs = headers.as_array().into_iter().flatten().filter_map(|pair| match pair.as_array().map(Vec::as_slice) {
        Some([Value::String(name), Value::String(value)]) => Some((name.clone(), value.clone())),
        _ => None,
    });
    pairs.collect()
}

/// `webhook::verify_signature` over `[[name, value], ...]`.
#[wasm_bindgen(js_name = verifySignature)]
pub fn verify_signature(headers: JsValue, secret: &str) -> bool {
    metaevents::webhook::verify_signature(header_pairs(headers), secret)
}

/// `webhook::verify_openmetadata_signature` over `[[name, value], ...]` and the raw body.
#[wasm_bindgen(js_name = verifyOpenMetadataSignature)]
pub fn verify_openmetadata_signature(headers: JsValue, body: &[u8], secret: &str) -> bool {
    metaevents::webhook::verify_openmetadata_signature(header_pairs(headers), body, secret)
}

/// `webhook::openmetadata_signature` of the raw body.
#[wasm_bindgen(js_name = openmetadataSignature)]
pub fn openmetadata_signature(body: &[u8], secret: &str) -> String {
    metaevents::webhook::openmetadata_signature(body, secret)
}

/// `webhook::lambda_headers` of a request given as an object or as JSON text: `[[name, value], ...]`.
/// Anything else has no header.
#[wasm_bindgen(js_name = lambdaHeaders)]
pub fn lambda_headers(request: JsValue) -> Result<JsValue, JsValue> {
    let request: Value = match request.as_string() {
        Some(text) => serde_json::from_str(&text).unwrap_or(Value::Null),
        None => values::from_js(request).unwrap_or(Value::Null),
    };
    values::to_js(&metaevents::webhook::lambda_headers(&request))
}
