//! Placeholder until the wasm binding lands.
