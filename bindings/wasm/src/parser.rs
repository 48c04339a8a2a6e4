//! `Parser`: the core parser behind the JS `Parser`, built from a JS options object (the core's
//! `ffi::ParserOptions`). A parse returns a [`ParsedJson`], whose JSON text and events the JS
//! wrapper takes once, each event as an [`EventHandle`].

use metaevents::ErrorKind;
use metaevents::ffi::ParserOptions;
use wasm_bindgen::prelude::*;

use crate::errors::{thrown, unreadable};
use crate::parsed_json::{self, ParsedJson};
use crate::values;

#[wasm_bindgen]
impl ParsedJson {
    /// The JSON text (taken: a second call gives "").
    #[wasm_bindgen(js_name = takeJson)]
    pub fn take_json(&mut self) -> String {
        std::mem::take(&mut self.json)
    }

    /// One handle per event, in the order of the JSON (taken).
    #[wasm_bindgen(js_name = takeEvents)]
    pub fn take_events(&mut self) -> Vec<EventHandle> {
        std::mem::take(&mut self.events).into_iter().map(|event| EventHandle { event }).collect()
    }
}

/// A core event kept beside its plain JS object (in a `WeakMap` of the wrapper), freed when
/// that object is collected.
#[wasm_bindgen]
#[derive(Debug)]
pub struct EventHandle {
    pub(crate) event: metaevents::Event,
}

#[wasm_bindgen]
impl EventHandle {
    /// The JSON text of the event's `raw`, which the wrapper parses on first access.
    #[wasm_bindgen(js_name = rawJson)]
    pub fn raw_json(&self) -> String {
        self.event.raw_json().to_owned()
    }

    /// The event's id, which the wrapper reads on first access (computed then, when the
    /// parse left it for later).
    pub fn id(&self) -> String {
        self.event.id().to_hex()
    }
}

/// A core parser with its options (format and limits).
#[wasm_bindgen]
#[derive(Debug)]
pub struct Parser {
    pub(crate) inner: metaevents::Parser,
}

#[wasm_bindgen]
impl Parser {
    /// A parser from `{format, maxEventBytes, maxDepth, maxEventsPerArray}`; absent options
    /// take the core's defaults, an unknown or mistyped one is an `invalid_option` error.
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<Parser, JsValue> {
        let mut options: ParserOptions = values::from_js(options)
            .map_err(|error| unreadable(ErrorKind::InvalidOption, "", "Parser options", error))?;
        // The wrapper reads each event's id on first access: parses leave it for then.
        options.lazy_ids = true;
        Ok(Parser { inner: options.parser().map_err(thrown)? })
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
    pub fn parse_str(&self, input: &str) -> Result<ParsedJson, JsValue> {
        parsed_json::parse(&self.inner, input.as_bytes()).map_err(thrown)
    }

    /// `Parser::parse` of bytes.
    #[wasm_bindgen(js_name = parseBytes)]
    pub fn parse_bytes(&self, input: &[u8]) -> Result<ParsedJson, JsValue> {
        parsed_json::parse(&self.inner, input).map_err(thrown)
    }

    /// `Parser::events` of text, as a JSON array; the first bad record is thrown.
    #[wasm_bindgen(js_name = parseManyStr)]
    pub fn parse_many_str(&self, input: &str) -> Result<ParsedJson, JsValue> {
        parsed_json::parse_many(&self.inner, input.as_bytes()).map_err(thrown)
    }

    /// `Parser::events` of bytes, as a JSON array; the first bad record is thrown.
    #[wasm_bindgen(js_name = parseManyBytes)]
    pub fn parse_many_bytes(&self, input: &[u8]) -> Result<ParsedJson, JsValue> {
        parsed_json::parse_many(&self.inner, input).map_err(thrown)
    }

    /// Every record of text, errors included, as a JSON array.
    #[wasm_bindgen(js_name = recordsStr)]
    pub fn records_str(&self, input: &str) -> ParsedJson {
        parsed_json::parse_records(&self.inner, input.as_bytes())
    }

    /// Every record of bytes, errors included, as a JSON array.
    #[wasm_bindgen(js_name = recordsBytes)]
    pub fn records_bytes(&self, input: &[u8]) -> ParsedJson {
        parsed_json::parse_records(&self.inner, input)
    }
}
