// The TypeScript types: generated from the catalog and current, and tight enough that a typed
// usage example passes `tsc --noEmit --strict` while its marked misuses fail.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { catalog, eventSchema, inputFormats } from 'metaevents';

import { OUTPUT, render } from '../scripts/gen-types.mjs';
import { ERROR_KINDS } from './helpers.mjs';

const JS = fileURLToPath(new URL('..', import.meta.url));

/** The first line where two texts differ, for a short failure message. */
function firstDifference(actual, expected) {
  const a = actual.split('\n');
  const b = expected.split('\n');
  const index = a.findIndex((line, i) => line !== b[i]);
  const at = index === -1 ? a.length : index;
  return `line ${at + 1}: ${JSON.stringify(a[at])} should be ${JSON.stringify(b[at])}`;
}

test('events.d.ts is what the catalog gives (else: npm run gen-types)', () => {
  const fresh = render(catalog());
  const checkedIn = readFileSync(OUTPUT, 'utf8');
  assert.ok(
    checkedIn === fresh,
    `src/events.d.ts is stale, run \`npm run gen-types\`: ${firstDifference(checkedIn, fresh)}`,
  );
  const built = readFileSync(new URL('../dist/events.d.ts', import.meta.url), 'utf8');
  assert.ok(built === fresh, `dist/events.d.ts is stale, run \`npm run build\`: ${firstDifference(built, fresh)}`);
});

/** The names of a string union `export type NAME = 'a' | 'b';` of index.d.ts. */
function unionOf(name) {
  const types = readFileSync(new URL('../src/index.d.ts', import.meta.url), 'utf8');
  const union = types.match(new RegExp(`export type ${name} =([^;]+);`))?.[1] ?? '';
  return [...union.matchAll(/'([^']+)'/g)].map((match) => match[1]);
}

test('InputFormat lists the formats of the core', () => {
  assert.deepEqual(
    unionOf('InputFormat'),
    inputFormats().map((row) => row.name),
  );
});

test('ErrorKind lists the error kinds of the core', () => {
  assert.deepEqual(
    unionOf('ErrorKind'),
    ERROR_KINDS.map((row) => row.kind),
  );
});

test('NativeFormat and Evidence list what the core writes in native', () => {
  const native = eventSchema().properties.native.properties;
  assert.deepEqual(unionOf('NativeFormat'), native.format.enum);
  assert.deepEqual(unionOf('Evidence'), native.evidence.enum);
});

test('tsc --noEmit --strict over the typed usage examples', () => {
  const tsc = fileURLToPath(new URL('../node_modules/.bin/tsc', import.meta.url));
  try {
    execFileSync(tsc, ['--noEmit', '--strict', '-p', 'test/types/tsconfig.json'], {
      cwd: JS,
      encoding: 'utf8',
      stdio: 'pipe',
    });
  } catch (error) {
    assert.fail(`tsc failed:\n${error.stdout}${error.stderr}`);
  }
});
