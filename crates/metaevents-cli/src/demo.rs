//! The built-in demo corpus: `demo/corpus.ndjson` (events of every platform, every kind),
//! gzip-compressed by `build.rs` and embedded here. Readers decode it like any `.gz` input.

/// The compressed corpus.
pub const CORPUS_GZ: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.ndjson.gz"));

/// The name bad records of the demo are reported under.
pub const NAME: &str = "demo";
