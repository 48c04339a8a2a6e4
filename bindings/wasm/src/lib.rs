//! WebAssembly binding of metaevents: the wasm-bindgen exports behind the `metaevents` npm
//! package (`js/`). Thin by design: it converts inputs and outputs and nothing else; every
//! answer comes from the core crate, most through `metaevents::ffi`.
//!
//! The boundary:
//! - inputs: text as `&str`, bytes as `&[u8]` (the JS wrapper picks by type); options objects,
//!   filter specs, configs and headers as JS values read by serde-wasm-bindgen (`values.rs`);
//! - events: one JSON text per call with the core events beside it (`parsed_json.rs`), which
//!   the wrapper `JSON.parse`s: the fastest path for many events;
//! - everything else (filter specs, catalog, issues, tables) as plain JS objects written by
//!   serde-wasm-bindgen (`values.rs`);
//! - errors: thrown as the plain object of the core's `ffi::ErrorInfo` (`errors.rs`), which
//!   the wrapper turns into the `MetaeventsError` subclass named by its `class`.
//!
//! The exports are internal to the npm package; its public API is `js/src/api.js`. Where each
//! export lives: `parser.rs` (`Parser`, parse results, event handles), `filter.rs`,
//! `webhook.rs`, `validate.rs`, `cloudevents.rs` (writing CloudEvents, reading HTTP requests),
//! `catalog.rs` (catalog, schema, the tables of error kinds and input formats, the version).

pub mod parsed_json;

#[cfg(target_arch = "wasm32")]
mod catalog;
#[cfg(target_arch = "wasm32")]
mod cloudevents;
#[cfg(target_arch = "wasm32")]
mod errors;
#[cfg(target_arch = "wasm32")]
mod filter;
#[cfg(target_arch = "wasm32")]
mod parser;
#[cfg(target_arch = "wasm32")]
mod validate;
#[cfg(target_arch = "wasm32")]
mod values;
#[cfg(target_arch = "wasm32")]
mod webhook;
