// Entry for bundlers (webpack, vite with wasm support): the module imports its .wasm.

import { state } from './binding.js';
import * as wasm from './wasm/metaevents_wasm.js';

state.wasm = wasm;

export * from './api.js';
