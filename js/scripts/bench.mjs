// A quick throughput check of the built package in Node (the benchmark suite in bench/ does
// the real comparison): NDJSON of DataHub and of Atlan events, made by repeating the event
// vectors, parsed by metaevents and by JSON.parse line by line.
//
//   npm run build && node scripts/bench.mjs [megabytes per corpus, default 8]

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { Filter, parse, parseMany } from '../dist/node.js';

const EVENTS = fileURLToPath(new URL('../../tests/vectors/events/', import.meta.url));
const TARGET = Number(process.argv[2] ?? 8) * 1024 * 1024;

function corpus(prefix) {
  const lines = readdirSync(EVENTS)
    .filter((file) => file.startsWith(prefix) && file.endsWith('.input.json'))
    .sort()
    .map((file) => JSON.stringify(JSON.parse(readFileSync(join(EVENTS, file), 'utf8'))))
    .filter((line) => {
      try {
        return parse(line).kind !== undefined;
      } catch {
        return false;
      }
    });
  const out = [];
  let size = 0;
  while (size < TARGET) {
    for (const line of lines) {
      out.push(line);
      size += line.length + 1;
    }
  }
  return { text: `${out.join('\n')}\n`, count: out.length, distinct: lines.length };
}

function best(run, rounds = 3) {
  let fastest = Infinity;
  let result;
  for (let round = 0; round < rounds; round += 1) {
    const start = process.hrtime.bigint();
    result = run();
    fastest = Math.min(fastest, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return { seconds: fastest, result };
}

const rows = [];
for (const [name, prefix] of [
  ['DataHub', 'datahub-'],
  ['Atlan', 'atlan-'],
]) {
  const { text, count, distinct } = corpus(prefix);
  const bytes = Buffer.from(text);
  const megabytes = bytes.length / 1024 / 1024;
  const lines = text.split('\n').filter(Boolean);
  const base = best(() => lines.map((line) => JSON.parse(line)).length);
  const cases = {
    'JSON.parse per line': base,
    'parseMany(string)': best(() => parseMany(text).length),
    'parseMany(bytes)': best(() => parseMany(bytes).length),
    'parse(line) per line': best(() => lines.map((line) => parse(line)).length),
    'filterNdjson(bytes), selective': best(() => new Filter({ kind: 'owner.removed' }).filterNdjson(bytes).length),
    'filterNdjson(bytes), every event': best(() => new Filter({ time: { gte: 0 } }).filterNdjson(bytes).length),
  };
  for (const [what, { seconds, result }] of Object.entries(cases)) {
    rows.push({
      corpus: `${name} (${count} events, ${distinct} distinct, ${megabytes.toFixed(1)} MB)`,
      what,
      'MB/s': (megabytes / seconds).toFixed(1),
      'events/s': Math.round(count / seconds).toLocaleString('en'),
      'x JSON.parse time': (seconds / base.seconds).toFixed(2),
      result,
    });
  }
}
console.table(rows);
