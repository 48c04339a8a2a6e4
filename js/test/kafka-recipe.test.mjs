// The Kafka consumer recipe of js/README.md (kafkajs), run on records written the way DataHub's
// producer writes them: the Kafka vectors hold records written by fastavro from DataHub's
// PlatformEvent schema (python/tests/test_kafka_recipe.py checks that they are those bytes).
// There is no broker here: the recipe's `handle` is the part under test, imported from the
// README's own code.

import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const JS = fileURLToPath(new URL('..', import.meta.url));
const ROOT = join(JS, '..');
const VECTORS = join(ROOT, 'tests', 'vectors');
// Inside js/ so that `import 'metaevents'` resolves to this package (self-reference).
const FILE = join(JS, 'dist', 'readme', 'kafka-recipe.mjs');

function vector(sub, name) {
  return JSON.parse(readFileSync(join(VECTORS, sub, `${name}.expected.json`), 'utf8'));
}

/** A message as kafkajs' eachMessage hands it over: value a Buffer (or null), with key and headers. */
function message(value) {
  return { key: null, value, headers: {}, offset: '0', timestamp: '1718035200123' };
}

let handle;
const warnings = [];
const printed = [];
const original = { warn: console.warn, log: console.log };

before(async () => {
  const readme = readFileSync(join(JS, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((match) => match[1]);
  const recipe = blocks.filter((code) => code.includes('export function handle('));
  assert.equal(recipe.length, 1, 'js/README.md must have one Kafka recipe');
  mkdirSync(join(JS, 'dist', 'readme'), { recursive: true });
  writeFileSync(FILE, recipe[0]);
  delete process.env.KAFKA_BROKERS;
  console.warn = (...args) => warnings.push(args.join(' '));
  console.log = (...args) => printed.push(args.join(' '));
  // The recipe reads its sample record from the repository root, as the README examples run.
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    ({ handle } = await import(pathToFileURL(FILE).href));
  } finally {
    process.chdir(cwd);
  }
});

after(() => {
  console.warn = original.warn;
  console.log = original.log;
  rmSync(FILE, { force: true });
});

const KAFKA_VECTORS = [
  'kafka-avro-tag-added',
  'kafka-avro-relationship-added',
  'kafka-avro-notification-request',
  'kafka-avro-non-ascii-utf8',
  'kafka-avro-latin1-lookalike-kept',
  'kafka-avro-schema-id-4-bytes',
];

for (const name of KAFKA_VECTORS) {
  test(`the handler gives the event of ${name}`, () => {
    const { inputBase64, records } = vector('events', name);
    const buffer = Buffer.from(inputBase64, 'base64');
    for (const value of [buffer, new Uint8Array(buffer)]) {
      const event = handle(message(value));
      assert.deepEqual(event, records[0]);
      assert.deepEqual(event.native.envelope, ['kafka-avro', 'datahub-platform-event']);
    }
  });
}

test('the handler acts on what it filters', () => {
  printed.length = 0;
  handle(message(Buffer.from(vector('events', 'kafka-avro-tag-added').inputBase64, 'base64')));
  handle(message(Buffer.from(vector('events', 'kafka-avro-relationship-added').inputBase64, 'base64')));
  assert.equal(printed.filter((line) => line.startsWith('PII tag added to')).length, 1);
});

test('the handler skips tombstones and records of other schemas', () => {
  assert.equal(handle(message(null)), null);
  // A real MetadataChangeLog record (schema id 2), as a consumer of the wrong topic gets it.
  const mcl = Buffer.from(vector('malformed', 'malformed-kafka-avro-mcl-versioned').inputBase64, 'base64');
  warnings.length = 0;
  assert.equal(handle(message(mcl)), null);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /schema id 2 is not a DataHub PlatformEvent/);
});

test('a bad record is skipped and said, not thrown', () => {
  const notJson = Buffer.from(vector('malformed', 'malformed-kafka-avro-payload-not-json').inputBase64, 'base64');
  warnings.length = 0;
  assert.equal(handle(message(notJson)), null);
  assert.match(warnings[0], /payload\.value/);
});
