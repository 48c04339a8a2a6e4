// Browser entry (`metaevents/web`): an ES module with its .wasm beside it. Call `await init()`
// once before anything else; in Node or a worker, `initSync(bytes)` loads it from bytes.

import { state } from './binding.js';
import * as wasm from './wasm/metaevents_wasm_web.js';
import load, { initSync as loadSync } from './wasm/metaevents_wasm_web.js';

/**
 * Loads the WebAssembly module: from beside this file by default, or from `source` (a URL, a
 * Response or its promise, bytes, or a WebAssembly.Module). Calling it again does nothing.
 */
export default async function init(source) {
  if (state.wasm === null) {
    await load(source === undefined ? undefined : { module_or_path: source });
    state.wasm = wasm;
  }
}

/** Loads the WebAssembly module from bytes or a WebAssembly.Module, synchronously. */
export function initSync(source) {
  if (state.wasm === null) {
    loadSync({ module: source });
    state.wasm = wasm;
  }
}

export * from './api.js';
