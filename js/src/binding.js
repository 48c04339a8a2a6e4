// The loaded WebAssembly module, shared by api.js and the entry point that loads it
// (node.js, bundler.js at import; web.js in `init()`).
export const state = { wasm: null };
