//! CloudEvents: writing an event as one (`toCloudEvent`) and reading the event an HTTP request
//! delivered (`parseHttp`, binary or structured mode, or a plain body).

use metaevents::cloudevents::CloudEventOptions;
use wasm_bindgen::prelude::*;

use crate::errors::thrown;
use crate::parsed_json::{self, ParsedJson};
use crate::parser::{EventHandle, Parser};
use crate::webhook::header_pairs;

/// `Event::to_cloudevent_json` with a `source` (the catalog's default when absent) and `raw` in
/// `data` or not; a bad source is an `invalid_option` error.
fn cloudevent_json(event: &metaevents::Event, source: Option<&str>, raw: bool) -> Result<String, JsValue> {
    let mut options = CloudEventOptions::new().with_raw(raw);
    if let Some(source) = source {
        options = options.with_source(source).map_err(thrown)?;
    }
    Ok(event.to_cloudevent_json(&options))
}

#[wasm_bindgen]
impl EventHandle {
    /// `Event::to_cloudevent_json` of this event.
    #[wasm_bindgen(js_name = cloudEventJson)]
    #[expect(clippy::needless_pass_by_value, reason = "wasm-bindgen passes optional strings owned")]
    pub fn cloud_event_json(&self, source: Option<String>, raw: bool) -> Result<String, JsValue> {
        cloudevent_json(&self.event, source.as_deref(), raw)
    }
}

/// `Event::to_cloudevent_json` of an event given as its contract JSON, read back by
/// `Event::from_json`.
#[wasm_bindgen(js_name = cloudEventJson)]
#[expect(clippy::needless_pass_by_value, reason = "wasm-bindgen passes optional strings owned")]
pub fn cloud_event_json(event_json: &str, source: Option<String>, raw: bool) -> Result<String, JsValue> {
    let event = metaevents::Event::from_json(event_json).map_err(thrown)?;
    cloudevent_json(&event, source.as_deref(), raw)
}

#[wasm_bindgen]
impl Parser {
    /// `Parser::parse_http` of headers (`[[name, value], ...]`) and a text body.
    #[wasm_bindgen(js_name = parseHttpStr)]
    pub fn parse_http_str(&self, headers: JsValue, body: &str) -> Result<ParsedJson, JsValue> {
        parsed_json::parse_http(&self.inner, &header_pairs(headers), body.as_bytes()).map_err(thrown)
    }

    /// `Parser::parse_http` of headers (`[[name, value], ...]`) and a body of bytes.
    #[wasm_bindgen(js_name = parseHttpBytes)]
    pub fn parse_http_bytes(&self, headers: JsValue, body: &[u8]) -> Result<ParsedJson, JsValue> {
        parsed_json::parse_http(&self.inner, &header_pairs(headers), body).map_err(thrown)
    }
}
