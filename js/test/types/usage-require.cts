// CommonJS: `require("metaevents")` is typed by index.d.cts.
import metaevents = require('metaevents');

const parsed: metaevents.Parsed = metaevents.parse('{}');
const filter: metaevents.Filter = new metaevents.Filter({ kind: 'tag.*' });
void [parsed, filter];
