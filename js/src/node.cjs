// Node entry (CommonJS): loads the WebAssembly module synchronously at require.
'use strict';

const { state } = require('./binding.cjs');

state.wasm = require('./wasm/metaevents_wasm_node.cjs');

module.exports = require('./api.cjs');
