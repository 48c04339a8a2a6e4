//! `Parser#toArrowBytes`: the events of an input as an Arrow IPC stream (the core's
//! `arrow::ipc_stream_of`), options read as the core's `ffi::ArrowOptions`, the bad records
//! handed back as `ffi::ErrorInfo` objects.

use metaevents::ErrorKind;
use metaevents::ffi::{ArrowOptions, ErrorInfo};
use wasm_bindgen::prelude::*;

use crate::errors::{thrown, unreadable};
use crate::parser::Parser;
use crate::values;

/// What `toArrow` gives: the IPC stream and the bad records, each taken once.
#[wasm_bindgen]
#[derive(Debug)]
pub struct ArrowOutput {
    bytes: Vec<u8>,
    errors: Vec<ErrorInfo>,
}

#[wasm_bindgen]
impl ArrowOutput {
    /// The bytes of the Arrow IPC stream (taken).
    #[wasm_bindgen(js_name = takeBytes)]
    pub fn take_bytes(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.bytes)
    }

    /// The bad records as plain `ErrorInfo` objects (taken).
    #[wasm_bindgen(js_name = takeErrors)]
    pub fn take_errors(&mut self) -> Result<JsValue, JsValue> {
        values::to_js(&std::mem::take(&mut self.errors))
    }
}

#[wasm_bindgen]
impl Parser {
    /// The events of bytes as one Arrow IPC stream, options `{raw, batchSize, filter}`.
    #[wasm_bindgen(js_name = toArrowBytes)]
    pub fn to_arrow_bytes(&self, input: &[u8], options: JsValue) -> Result<ArrowOutput, JsValue> {
        let options: ArrowOptions = values::from_js(options)
            .map_err(|error| unreadable(ErrorKind::InvalidOption, "", "toArrow options", error))?;
        let options = options.batch_options().map_err(thrown)?;
        let (bytes, errors) = metaevents::arrow::ipc_stream_of(&self.inner, input, &options).map_err(thrown)?;
        Ok(ArrowOutput { bytes, errors: errors.iter().map(ErrorInfo::from).collect() })
    }
}
