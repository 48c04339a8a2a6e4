// Entry for bundlers (webpack, vite with wasm support): the module imports its .wasm.
import * as wasm from './wasm/metaevents_wasm.js';
import { state } from './binding.js';

state.wasm = wasm;

export * from './api.js';
