//! The wasm-bindgen exports. Each is one core call between two conversions from `convert`.
//! Names are camel case for JS (`js_name`), snake case in Rust.

use wasm_bindgen::prelude::*;

use crate::convert::{self, Failure};

/// Throws the failure as an `Error` whose message is its JSON (see `convert::Failure`).
#[expect(clippy::needless_pass_by_value, reason = "used as `map_err(thrown)`")]
fn thrown(failure: Failure) -> JsError {
    JsError::new(&failure.0)
}

/// The result of a parse: its JSON text and the core events in it (see `convert::Output`).
/// Both are taken once; the JS wrapper frees the object right after.
#[wasm_bindgen]
#[derive(Debug)]
pub struct Output {
    inner: convert::Output,
}

#[wasm_bindgen]
impl Output {
    /// The JSON text (taken: a second call gives "").
    #[wasm_bindgen(js_name = takeJson)]
    pub fn take_json(&mut self) -> String {
        std::mem::take(&mut self.inner.json)
    }

    /// One handle per event, in the order of the JSON (taken).
    #[wasm_bindgen(js_name = takeEvents)]
    pub fn take_events(&mut self) -> Vec<EventHandle> {
        std::mem::take(&mut self.inner.events).into_iter().map(|event| EventHandle { event }).collect()
    }
}

impl From<convert::Output> for Output {
    fn from(inner: convert::Output) -> Self {
        Output { inner }
    }
}

/// A core event kept beside its plain JS object (in a `WeakMap` of the wrapper), freed when
/// that object is collected.
#[wasm_bindgen]
#[derive(Debug)]
pub struct EventHandle {
    event: metaevents::Event,
}

#[wasm_bindgen]
impl EventHandle {
    /// `validate` of this event; issues as JSON.
    pub fn validate(&self) -> String {
        convert::validate(&self.event)
    }
}

/// A core parser with its options (format and limits).
#[wasm_bindgen]
#[derive(Debug)]
pub struct Parser {
    inner: metaevents::Parser,
}

#[wasm_bindgen]
impl Parser {
    /// A parser; absent options take the core's defaults.
    #[wasm_bindgen(constructor)]
    #[expect(clippy::needless_pass_by_value, reason = "wasm-bindgen passes optional strings owned")]
    pub fn new(
        format: Option<String>,
        max_event_bytes: Option<f64>,
        max_depth: Option<f64>,
        max_events_per_array: Option<f64>,
    ) -> Result<Parser, JsError> {
        let inner =
            convert::parser(format.as_deref(), max_event_bytes, max_depth, max_events_per_array).map_err(thrown)?;
        Ok(Parser { inner })
    }

    /// The forced input format, if any.
    #[wasm_bindgen(getter)]
    pub fn format(&self) -> Option<String> {
        self.inner.options().format.map(|format| format.as_str().to_owned())
    }

    /// `Limits::max_event_bytes`.
    #[wasm_bindgen(getter, js_name = maxEventBytes)]
    #[expect(clippy::cast_precision_loss, reason = "limits are far below 2^53")]
    pub fn max_event_bytes(&self) -> f64 {
        self.inner.options().limits.max_event_bytes as f64
    }

    /// `Limits::max_depth`.
    #[wasm_bindgen(getter, js_name = maxDepth)]
    #[expect(clippy::cast_precision_loss, reason = "limits are far below 2^53")]
    pub fn max_depth(&self) -> f64 {
        self.inner.options().limits.max_depth as f64
    }

    /// `Limits::max_events_per_array`.
    #[wasm_bindgen(getter, js_name = maxEventsPerArray)]
    #[expect(clippy::cast_precision_loss, reason = "limits are far below 2^53")]
    pub fn max_events_per_array(&self) -> f64 {
        self.inner.options().limits.max_events_per_array as f64
    }

    /// `Parser::parse` of text.
    #[wasm_bindgen(js_name = parseStr)]
    pub fn parse_str(&self, input: &str) -> Result<Output, JsError> {
        convert::parse(&self.inner, input.as_bytes()).map(Output::from).map_err(thrown)
    }

    /// `Parser::parse` of bytes.
    #[wasm_bindgen(js_name = parseBytes)]
    pub fn parse_bytes(&self, input: &[u8]) -> Result<Output, JsError> {
        convert::parse(&self.inner, input).map(Output::from).map_err(thrown)
    }

    /// Every event of text, as a JSON array; the first bad record is thrown.
    #[wasm_bindgen(js_name = parseManyStr)]
    pub fn parse_many_str(&self, input: &str) -> Result<Output, JsError> {
        convert::parse_many(&self.inner, input.as_bytes()).map(Output::from).map_err(thrown)
    }

    /// Every event of bytes, as a JSON array; the first bad record is thrown.
    #[wasm_bindgen(js_name = parseManyBytes)]
    pub fn parse_many_bytes(&self, input: &[u8]) -> Result<Output, JsError> {
        convert::parse_many(&self.inner, input).map(Output::from).map_err(thrown)
    }

    /// Every record of text, errors included, as a JSON array.
    #[wasm_bindgen(js_name = recordsStr)]
    pub fn records_str(&self, input: &str) -> Output {
        convert::records(&self.inner, input.as_bytes()).into()
    }

    /// Every record of bytes, errors included, as a JSON array.
    #[wasm_bindgen(js_name = recordsBytes)]
    pub fn records_bytes(&self, input: &[u8]) -> Output {
        convert::records(&self.inner, input).into()
    }
}

/// A compiled core filter.
#[wasm_bindgen]
#[derive(Debug)]
pub struct Filter {
    inner: metaevents::Filter,
}

#[wasm_bindgen]
impl Filter {
    /// `Filter::from_json`.
    #[wasm_bindgen(constructor)]
    pub fn new(spec_json: &str) -> Result<Filter, JsError> {
        let inner = metaevents::Filter::from_json(spec_json).map_err(|err| thrown(err.into()))?;
        Ok(Filter { inner })
    }

    /// `Filter::from_datahub_actions` of a config given as JSON text.
    #[wasm_bindgen(js_name = fromDatahubActionsJson)]
    pub fn from_datahub_actions_json(config_json: &str) -> Result<Filter, JsError> {
        Ok(Filter { inner: convert::datahub_actions_filter(config_json).map_err(thrown)? })
    }

    /// `Filter::from_datahub_actions_yaml`.
    #[wasm_bindgen(js_name = fromDatahubActionsYaml)]
    pub fn from_datahub_actions_yaml(text: &str) -> Result<Filter, JsError> {
        let inner = metaevents::Filter::from_datahub_actions_yaml(text).map_err(|err| thrown(err.into()))?;
        Ok(Filter { inner })
    }

    /// The spec it was compiled from, as JSON.
    #[wasm_bindgen(js_name = specJson)]
    pub fn spec_json(&self) -> String {
        self.inner.spec().to_string()
    }

    /// `Filter::matches`.
    #[wasm_bindgen(js_name = matchesEvent)]
    pub fn matches_event(&self, event: &EventHandle) -> bool {
        self.inner.matches(&event.event)
    }

    /// `Filter::matches` on an event given as its contract JSON (see `convert::event_from_json`).
    #[wasm_bindgen(js_name = matchesJson)]
    pub fn matches_json(&self, event_json: &str) -> Result<bool, JsError> {
        Ok(self.inner.matches(&convert::event_from_json(event_json).map_err(thrown)?))
    }

    /// `Filter::filter_ndjson_with` of bytes.
    #[wasm_bindgen(js_name = filterNdjsonBytes)]
    pub fn filter_ndjson_bytes(&self, parser: &Parser, data: &[u8]) -> Vec<u32> {
        convert::indexes(&self.inner.filter_ndjson_with(&parser.inner, data))
    }

    /// `Filter::filter_ndjson_with` of text.
    #[wasm_bindgen(js_name = filterNdjsonStr)]
    pub fn filter_ndjson_str(&self, parser: &Parser, data: &str) -> Vec<u32> {
        convert::indexes(&self.inner.filter_ndjson_with(&parser.inner, data.as_bytes()))
    }
}

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

/// `webhook::verify_signature` over header pairs given as JSON `[[name, value], ...]`.
#[wasm_bindgen(js_name = verifySignature)]
pub fn verify_signature(headers_json: &str, secret: &str) -> bool {
    metaevents::webhook::verify_signature(convert::header_pairs(headers_json), secret)
}

/// `webhook::verify_openmetadata_signature` over header pairs given as JSON and the raw body.
#[wasm_bindgen(js_name = verifyOpenMetadataSignature)]
pub fn verify_openmetadata_signature(headers_json: &str, body: &[u8], secret: &str) -> bool {
    metaevents::webhook::verify_openmetadata_signature(convert::header_pairs(headers_json), body, secret)
}

/// `webhook::openmetadata_signature` of the raw body.
#[wasm_bindgen(js_name = openmetadataSignature)]
pub fn openmetadata_signature(body: &[u8], secret: &str) -> String {
    metaevents::webhook::openmetadata_signature(body, secret)
}

/// `webhook::lambda_headers` of a request given as JSON; pairs as JSON.
#[wasm_bindgen(js_name = lambdaHeaders)]
pub fn lambda_headers(request_json: &str) -> String {
    convert::lambda_headers(request_json)
}

/// `Catalog::builtin().to_value()` as JSON.
#[wasm_bindgen(js_name = catalogJson)]
pub fn catalog_json() -> String {
    metaevents::Catalog::builtin().to_value().to_string()
}

/// `event_schema()` as JSON.
#[wasm_bindgen(js_name = eventSchemaJson)]
pub fn event_schema_json() -> String {
    metaevents::event_schema().to_string()
}

/// `validate` of an event given as its contract JSON (see `convert::event_from_json`); issues
/// as JSON.
#[wasm_bindgen(js_name = validateJson)]
pub fn validate_json(event_json: &str) -> Result<String, JsError> {
    Ok(convert::validate(&convert::event_from_json(event_json).map_err(thrown)?))
}

/// The version of the crate (and of the npm package).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
