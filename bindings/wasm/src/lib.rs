//! WebAssembly binding of metaevents: the wasm-bindgen exports behind the `metaevents` npm
//! package (`js/`). Thin by design: it converts inputs and outputs and nothing else; every
//! answer comes from the core crate.
//!
//! The boundary: inputs arrive as `&str` or `&[u8]` (the JS wrapper picks by type); events,
//! catalogs and issue lists leave as JSON text that the wrapper `JSON.parse`s into plain
//! objects; errors leave as a thrown `Error` whose message is the JSON object of
//! [`convert::Failure`], which the wrapper turns into a `MetaeventsError` subclass. The exports
//! are internal to the npm package; its public API is `js/src/api.js`.

pub mod convert;

#[cfg(target_arch = "wasm32")]
mod exports;
