// Node entry (ESM): loads the WebAssembly module synchronously at import.
import { createRequire } from 'node:module';
import { state } from './binding.js';

state.wasm = createRequire(import.meta.url)('./wasm/metaevents_wasm_node.cjs');

export * from './api.js';
