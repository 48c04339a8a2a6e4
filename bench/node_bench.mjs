// The Node rows of the benchmark: the metaevents npm package (WebAssembly) against JSON.parse
// and a hand-written check, on the same bytes, interleaved, medians kept. Prints one JSON document.
//
//   node bench/node_bench.mjs --corpus-dir bench/corpus --js-dir js --reps 3 \
//        --atlan-lines 2000 --datahub-lines 10000 --mixed-lines 10000
//
// The package is imported from its built entry (js/dist/node.js, found through js/package.json);
// when it is not built, its rows are reported as not built.

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

// `--name value` pairs.
const args = Object.fromEntries(
  process.argv.slice(2).flatMap((arg, i, all) => (arg.startsWith('--') ? [[arg.slice(2), all[i + 1]]] : [])),
);
const corpusDir = args['corpus-dir'] ?? 'bench/corpus';
const jsDir = resolve(args['js-dir'] ?? 'js');
const reps = Number(args.reps ?? 3);
const limits = {
  atlan: Number(args['atlan-lines'] ?? 2000),
  datahub: Number(args['datahub-lines'] ?? 10000),
  mixed: Number(args['mixed-lines'] ?? 10000),
};
const DATAHUB_PII = args['datahub-pii'] ?? 'urn:li:tag:PII';
const ATLAN_PII = args['atlan-pii'] ?? 'wqYqv0gTdX9JPKRx631t0Z';

/** The package's Node ESM entry, from its package.json exports. */
function entryOf(dir) {
  const manifestPath = join(dir, 'package.json');
  if (!existsSync(manifestPath)) return null;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  let target = manifest.exports?.['.'] ?? manifest.exports ?? manifest.main;
  for (const condition of ['node', 'import', 'default']) {
    if (target && typeof target === 'object' && condition in target) target = target[condition];
  }
  if (target && typeof target === 'object') target = target.default;
  return typeof target === 'string' ? join(dir, target) : null;
}

let metaevents = null;
let notBuilt = null;
const entry = entryOf(jsDir);
if (entry === null || !existsSync(entry)) {
  notBuilt = `not built (${entry ?? join(jsDir, 'package.json')} missing)`;
} else {
  try {
    metaevents = await import(pathToFileURL(entry).href);
  } catch (err) {
    notBuilt = `not built (${String(err.message ?? err).slice(0, 160)})`;
  }
}

/** The first `limit` lines of a corpus file: the bytes (newline-terminated) and the lines as text. */
function corpus(name, limit) {
  const text = readFileSync(join(corpusDir, name), 'utf8');
  const lines = text
    .split('\n')
    .filter((line) => line.length > 0)
    .slice(0, limit);
  const joined = `${lines.join('\n')}\n`;
  return { lines, bytes: Buffer.from(joined, 'utf8'), text: joined };
}

/** Parses every line and drops the result, as a consumer handling one event at a time does. */
function eachLine({ lines }) {
  let count = 0;
  for (let i = 0; i < lines.length; i++) {
    JSON.parse(lines[i]);
    count++;
  }
  return count;
}

const dhSelective = (d) => d.category === 'TAG' && d.operation === 'ADD' && d.parameters?.tagUrn === DATAHUB_PII;
const dhAll = (d) => 'entityUrn' in d;
const atSelective = (d) =>
  d.message?.operationType === 'CLASSIFICATION_ADD' &&
  (d.message.mutatedDetails ?? []).some((t) => t.typeName === ATLAN_PII);
const atAll = (d) => 'message' in d;

function jsonCheck(check) {
  return ({ lines }) => {
    const out = [];
    for (let i = 0; i < lines.length; i++) if (check(JSON.parse(lines[i]))) out.push(i);
    return out;
  };
}

function needMeta(fn) {
  return metaevents === null ? null : fn;
}

const groups = [
  {
    id: 'parse-datahub',
    title: 'Node parse, DataHub Entity Change Events',
    corpus: 'datahub-ece.ndjson',
    limit: limits.datahub,
    rows: [
      {
        id: 'metaevents',
        label: 'metaevents parseMany(bytes)',
        fn: needMeta(({ bytes }) => metaevents.parseMany(bytes)),
      },
      { id: 'json_parse', label: 'JSON.parse per line', fn: eachLine, target: 0.5 },
    ],
  },
  {
    id: 'parse-atlan',
    title: 'Node parse, Atlan webhook envelopes',
    corpus: 'atlan-envelope.ndjson',
    limit: limits.atlan,
    rows: [
      {
        id: 'metaevents',
        label: 'metaevents parseMany(bytes)',
        fn: needMeta(({ bytes }) => metaevents.parseMany(bytes)),
      },
      { id: 'json_parse', label: 'JSON.parse per line', fn: eachLine, target: 0.5 },
    ],
  },
  {
    id: 'parse-mixed',
    title: 'Node parse, mixed NDJSON (both platforms, every format)',
    corpus: 'mixed.ndjson',
    limit: limits.mixed,
    rows: [
      {
        id: 'metaevents',
        label: 'metaevents parseMany(bytes)',
        fn: needMeta(({ bytes }) => metaevents.parseMany(bytes)),
      },
      { id: 'json_parse', label: 'JSON.parse per line', fn: eachLine },
    ],
  },
  {
    id: 'filter-datahub-selective',
    title: 'Node filter, DataHub ECEs, PII tag added (~1% match)',
    corpus: 'datahub-ece.ndjson',
    limit: limits.datahub,
    rows: [
      {
        id: 'metaevents',
        label: 'metaevents Filter.filterNdjson(bytes)',
        spec: { kind: 'tag.added', subjects: DATAHUB_PII },
      },
      { id: 'json_check', label: 'JSON.parse + hand-written check', fn: jsonCheck(dhSelective) },
    ],
  },
  {
    id: 'filter-datahub-all',
    title: 'Node filter, DataHub ECEs, all match',
    corpus: 'datahub-ece.ndjson',
    limit: limits.datahub,
    rows: [
      { id: 'metaevents', label: 'metaevents Filter.filterNdjson(bytes)', spec: { source: 'datahub' } },
      { id: 'json_check', label: 'JSON.parse + hand-written check', fn: jsonCheck(dhAll) },
    ],
  },
  {
    id: 'filter-atlan-selective',
    title: 'Node filter, Atlan envelopes, PII tag added (~1% match)',
    corpus: 'atlan-envelope.ndjson',
    limit: limits.atlan,
    rows: [
      {
        id: 'metaevents',
        label: 'metaevents Filter.filterNdjson(bytes)',
        spec: { kind: 'tag.added', subjects: ATLAN_PII },
      },
      { id: 'json_check', label: 'JSON.parse + hand-written check', fn: jsonCheck(atSelective) },
    ],
  },
  {
    id: 'filter-atlan-all',
    title: 'Node filter, Atlan envelopes, all match',
    corpus: 'atlan-envelope.ndjson',
    limit: limits.atlan,
    rows: [
      { id: 'metaevents', label: 'metaevents Filter.filterNdjson(bytes)', spec: { source: 'atlan' } },
      { id: 'json_check', label: 'JSON.parse + hand-written check', fn: jsonCheck(atAll) },
    ],
  },
];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const out = { versions: { node: process.version, metaevents: null }, groups: [] };
if (metaevents !== null) {
  try {
    out.versions.metaevents = typeof metaevents.version === 'function' ? metaevents.version() : 'built';
  } catch {
    out.versions.metaevents = 'built';
  }
}

for (const group of groups) {
  if (!existsSync(join(corpusDir, group.corpus))) continue;
  const input = corpus(group.corpus, group.limit);
  const result = {
    id: group.id,
    title: group.title,
    corpus: group.corpus,
    lines: input.lines.length,
    bytes: input.bytes.length,
    rows: [],
  };
  const runnable = [];
  for (const row of group.rows) {
    const entryRow = { id: row.id, label: row.label, target: row.target ?? null, times: [] };
    result.rows.push(entryRow);
    let fn = row.fn;
    if (row.spec) {
      if (metaevents === null) fn = null;
      else {
        try {
          const filter = new metaevents.Filter(row.spec);
          fn = ({ bytes }) => filter.filterNdjson(bytes);
        } catch (err) {
          entryRow.status = `failed: ${String(err.message ?? err).slice(0, 200)}`;
          continue;
        }
      }
    }
    if (fn === null || fn === undefined) {
      entryRow.status = notBuilt;
      continue;
    }
    try {
      const first = fn(input);
      entryRow.result =
        typeof first === 'number'
          ? first
          : Array.isArray(first) && (first.length === 0 || typeof first[0] === 'number')
            ? first
            : first.length;
    } catch (err) {
      entryRow.status = `failed: ${String(err.message ?? err).slice(0, 200)}`;
      continue;
    }
    entryRow.status = 'ok';
    runnable.push([entryRow, fn]);
  }
  for (let rep = 0; rep < reps; rep++) {
    const k = runnable.length ? rep % runnable.length : 0;
    for (const [entryRow, fn] of [...runnable.slice(k), ...runnable.slice(0, k)]) {
      globalThis.gc?.();
      const start = performance.now();
      fn(input);
      entryRow.times.push((performance.now() - start) / 1000);
    }
  }
  const lists = result.rows.filter((r) => Array.isArray(r.result)).map((r) => JSON.stringify(r.result));
  if (group.id.startsWith('filter')) {
    result.agree = lists.every((l) => l === lists[0]);
    result.matches = lists.length ? JSON.parse(lists[0]).length : null;
  }
  for (const row of result.rows) {
    if (row.times.length) row.median_s = median(row.times);
    if (Array.isArray(row.result)) row.result = row.result.length;
  }
  out.groups.push(result);
  process.stderr.write(`  ${group.title}: done\n`);
}

process.stdout.write(`${JSON.stringify(out)}\n`);
