//! What the core knows, as plain objects: the catalog, the JSON Schema of the normalized event,
//! the tables of error kinds and input formats (`metaevents::ffi`), and the version.

use wasm_bindgen::prelude::*;

use crate::values;

/// `Catalog::builtin().to_value()`.
#[wasm_bindgen]
pub fn catalog() -> Result<JsValue, JsValue> {
    values::to_js(&metaevents::Catalog::builtin().to_value())
}

/// `event_schema()`.
#[wasm_bindgen(js_name = eventSchema)]
pub fn event_schema() -> Result<JsValue, JsValue> {
    values::to_js(&metaevents::event_schema())
}

/// `ffi::error_kinds()`: `[{kind, category, class, description}]`.
#[wasm_bindgen(js_name = errorKinds)]
pub fn error_kinds() -> Result<JsValue, JsValue> {
    values::to_js(&metaevents::ffi::error_kinds())
}

/// `ffi::input_formats()`: `[{name, description}]`.
#[wasm_bindgen(js_name = inputFormats)]
pub fn input_formats() -> Result<JsValue, JsValue> {
    values::to_js(&metaevents::ffi::input_formats())
}

/// The version of the crate (and of the npm package).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
