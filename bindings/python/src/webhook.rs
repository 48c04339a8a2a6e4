//! The webhook helpers of the core (Atlan's, OpenMetadata's), with Python arguments.

use metaevents::webhook;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyMemoryView, PyString};

use crate::convert::py_to_value;
use crate::errors::IntoPyResult;
use crate::event::parsed_to_py;
use crate::parser::input_data;

/// Whether `body` is a webhook's test request: Atlan's validation request or OpenMetadata's test
/// message (bare or in a Lambda/EventBridge wrapper).
#[pyfunction]
pub(crate) fn is_validation_request(body: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(webhook::is_validation_request(input_data(body)?.as_slice()))
}

fn header_text(value: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(text) = value.cast::<PyString>() {
        Ok(text.to_cow()?.into_owned())
    } else if let Ok(bytes) = value.cast::<PyBytes>() {
        Ok(String::from_utf8_lossy(bytes.as_bytes()).into_owned())
    } else {
        let type_name = value.get_type().name()?;
        Err(PyTypeError::new_err(format!("header names and values must be str or bytes, not {type_name}")))
    }
}

/// Request headers given as a mapping or (name, value) pairs, of `str` or `bytes`.
pub(crate) fn header_pairs(headers: &Bound<'_, PyAny>) -> PyResult<Vec<(String, String)>> {
    let pairs = if headers.hasattr("items")? { headers.call_method0("items")? } else { headers.clone() };
    let mut collected = Vec::new();
    for pair in pairs.try_iter()? {
        let pair = pair?;
        let (name, value): (Bound<'_, PyAny>, Bound<'_, PyAny>) = pair
            .extract()
            .map_err(|_| PyTypeError::new_err("headers must be a mapping or an iterable of (name, value) pairs"))?;
        collected.push((header_text(&name)?, header_text(&value)?));
    }
    Ok(collected)
}

/// Whether the headers carry `x-atlan-signing-secret` equal to `secret` (names compared
/// case-insensitively, the value in constant time). `headers` is a mapping or (name, value) pairs.
#[pyfunction]
pub(crate) fn verify_signature(headers: &Bound<'_, PyAny>, secret: &str) -> PyResult<bool> {
    Ok(webhook::verify_signature(header_pairs(headers)?, secret))
}

/// The raw bytes of a request body: bytes-like, or text (its UTF-8). A decoded dict is refused:
/// the signature is of the bytes as sent, which a dict no longer has.
fn body_bytes(body: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    if let Ok(bytes) = body.cast::<PyBytes>() {
        Ok(bytes.as_bytes().to_vec())
    } else if let Ok(text) = body.cast::<PyString>() {
        Ok(text.to_cow()?.as_bytes().to_vec())
    } else if let Ok(array) = body.cast::<PyByteArray>() {
        Ok(array.to_vec())
    } else if body.is_instance_of::<PyMemoryView>() {
        Ok(body.py().get_type::<PyBytes>().call1((body,))?.cast_into::<PyBytes>()?.as_bytes().to_vec())
    } else {
        let type_name = body.get_type().name()?;
        Err(PyTypeError::new_err(format!(
            "body must be the request body as bytes or str (the bytes are signed, not the JSON they hold), not {type_name}"
        )))
    }
}

/// Whether the headers carry an `X-OM-Signature` that signs `body` (the raw request body) with
/// `secret`, as OpenMetadata signs webhooks: `sha256=` and base64 of HMAC-SHA256 (names compared
/// case-insensitively, the signature in constant time).
#[pyfunction]
pub(crate) fn verify_openmetadata_signature(
    headers: &Bound<'_, PyAny>,
    body: &Bound<'_, PyAny>,
    secret: &str,
) -> PyResult<bool> {
    Ok(webhook::verify_openmetadata_signature(header_pairs(headers)?, &body_bytes(body)?, secret))
}

/// The `X-OM-Signature` value OpenMetadata sends with `body` for the webhook secret `secret`.
#[pyfunction]
pub(crate) fn openmetadata_signature(body: &Bound<'_, PyAny>, secret: &str) -> PyResult<String> {
    Ok(webhook::openmetadata_signature(&body_bytes(body)?, secret))
}

/// The headers of a Lambda function URL / API Gateway event, as (name, value) pairs.
#[pyfunction]
pub(crate) fn lambda_headers(event: &Bound<'_, PyAny>) -> PyResult<Vec<(String, String)>> {
    let value = if let Ok(text) = event.cast::<PyString>() {
        serde_json::from_str(&text.to_cow()?)
            .map_err(|err| PyTypeError::new_err(format!("not a JSON object: {err}")))?
    } else {
        py_to_value(event)?
    };
    Ok(webhook::lambda_headers(&value))
}

/// The event a webhook delivered (bare, or the Lambda / API Gateway / `EventBridge` event around
/// it), or the `ValidationRequest`.
#[pyfunction]
pub(crate) fn unwrap<'py>(py: Python<'py>, body: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let data = input_data(body)?;
    parsed_to_py(py, webhook::unwrap(data.as_slice()).or_raise(py)?)
}
