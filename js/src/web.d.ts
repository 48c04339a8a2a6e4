export * from './index.js';

/** What `init` accepts: a URL of the .wasm, a Response (or its promise), bytes, or a compiled module. */
export type InitSource = string | URL | Request | Response | Promise<Response> | BufferSource | WebAssembly.Module;

/**
 * Loads the WebAssembly module (by default the `.wasm` beside this file). Call it once, and
 * await it, before any other function; calling it again does nothing.
 */
export default function init(source?: InitSource): Promise<void>;

/** Loads the WebAssembly module synchronously from bytes or a compiled module. */
export function initSync(source: BufferSource | WebAssembly.Module): void;
