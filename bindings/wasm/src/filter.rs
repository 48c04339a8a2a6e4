//! `Filter`: a compiled core filter. Specs and datahub-actions configs come in as JS objects
//! (read as JSON values) or as text; the spec goes out as a plain object.

use metaevents::ErrorKind;
use serde_json::Value;
use wasm_bindgen::prelude::*;

use crate::errors::{thrown, unreadable};
use crate::parser::{EventHandle, Parser};
use crate::values;

/// A compiled core filter.
#[wasm_bindgen]
#[derive(Debug)]
pub struct Filter {
    inner: metaevents::Filter,
}

/// A filter spec or config given as a JS object, as a JSON value.
fn json_of(value: JsValue, what: &str) -> Result<Value, JsValue> {
    values::from_js(value).map_err(|error| unreadable(ErrorKind::Filter, "filter", what, error))
}

#[wasm_bindgen]
impl Filter {
    /// `Filter::new` of an object, `Filter::from_json` of text.
    #[wasm_bindgen(constructor)]
    pub fn new(spec: JsValue) -> Result<Filter, JsValue> {
        let inner = match spec.as_string() {
            Some(text) => metaevents::Filter::from_json(&text),
            None => metaevents::Filter::new(&json_of(spec, "filter")?),
        };
        Ok(Filter { inner: inner.map_err(thrown)? })
    }

    /// `Filter::from_datahub_actions` of an object, `Filter::from_datahub_actions_yaml` of
    /// text (YAML or JSON).
    #[wasm_bindgen(js_name = fromDatahubActions)]
    pub fn from_datahub_actions(config: JsValue) -> Result<Filter, JsValue> {
        let inner = match config.as_string() {
            Some(text) => metaevents::Filter::from_datahub_actions_yaml(&text),
            None => metaevents::Filter::from_datahub_actions(&json_of(config, "datahub-actions config")?),
        };
        Ok(Filter { inner: inner.map_err(thrown)? })
    }

    /// The spec it was compiled from.
    #[wasm_bindgen(getter)]
    pub fn spec(&self) -> Result<JsValue, JsValue> {
        values::to_js(self.inner.spec())
    }

    /// `Filter::matches`.
    #[wasm_bindgen(js_name = matchesEvent)]
    pub fn matches_event(&self, event: &EventHandle) -> bool {
        self.inner.matches(&event.event)
    }

    /// `Filter::matches` on an event given as its contract JSON, read back by `Event::from_json`.
    #[wasm_bindgen(js_name = matchesJson)]
    pub fn matches_json(&self, event_json: &str) -> Result<bool, JsValue> {
        Ok(self.inner.matches(&metaevents::Event::from_json(event_json).map_err(thrown)?))
    }

    /// `Filter::filter_ndjson_with` of bytes.
    #[wasm_bindgen(js_name = filterNdjsonBytes)]
    pub fn filter_ndjson_bytes(&self, parser: &Parser, data: &[u8]) -> Vec<u32> {
        indexes(&self.inner.filter_ndjson_with(&parser.inner, data))
    }

    /// `Filter::filter_ndjson_with` of text.
    #[wasm_bindgen(js_name = filterNdjsonStr)]
    pub fn filter_ndjson_str(&self, parser: &Parser, data: &str) -> Vec<u32> {
        indexes(&self.inner.filter_ndjson_with(&parser.inner, data.as_bytes()))
    }
}

/// Indexes as JS numbers. wasm32 addresses 4 GiB, so every index fits in 32 bits.
fn indexes(found: &[usize]) -> Vec<u32> {
    found.iter().filter_map(|&index| u32::try_from(index).ok()).collect()
}
