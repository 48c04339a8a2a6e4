// The browser entry: `await init()`, then the same API.
import init, { Filter, initSync, type Parsed, parse } from 'metaevents/web';

await init();
await init(new URL('metaevents_wasm_bg.wasm', 'https://example.org/'));
initSync(new Uint8Array());
const parsed: Parsed = parse('{}');
const filter = new Filter({ kind: 'tag.*' });
void [parsed, filter];
