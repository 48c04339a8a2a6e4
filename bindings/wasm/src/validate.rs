//! `validate`: the strict checks of an event against the catalog, issues as plain objects.

use wasm_bindgen::prelude::*;

use crate::errors::thrown;
use crate::parser::EventHandle;
use crate::values;

#[wasm_bindgen]
impl EventHandle {
    /// `validate` of this event.
    pub fn validate(&self) -> Result<JsValue, JsValue> {
        values::to_js(&metaevents::validate(&self.event))
    }
}

/// `validate` of an event given as its contract JSON, read back by `Event::from_json`.
#[wasm_bindgen(js_name = validateJson)]
pub fn validate_json(event_json: &str) -> Result<JsValue, JsValue> {
    let event = metaevents::Event::from_json(event_json).map_err(thrown)?;
    values::to_js(&metaevents::validate(&event))
}
