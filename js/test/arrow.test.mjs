// toArrow: the Arrow vectors of tests/vectors/arrow (the schema, the small tables) read back with
// apache-arrow's tableFromIPC, as the Rust and Python runners check them; and its options.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { DataType, tableFromIPC } from 'apache-arrow';
import { Filter, MetaeventsError, ParseError, Parser, parseRecords, toArrow } from 'metaevents';

const ARROW = fileURLToPath(new URL('../../tests/vectors/arrow/', import.meta.url));
const UNITS = ['s', 'ms', 'us', 'ns'];

/** A field as the vectors write it down (see crates/metaevents/src/arrow/schema.rs). */
function fieldJson(field) {
  const out = { name: field.name, nullable: field.nullable };
  const type = field.type;
  const extension = field.metadata.get('ARROW:extension:name');
  if (extension !== undefined) out.extension = extension;
  if (DataType.isUtf8(type)) out.type = 'utf8';
  else if (DataType.isTimestamp(type))
    Object.assign(out, { type: 'timestamp', unit: UNITS[type.unit], timezone: type.timezone });
  else if (DataType.isDictionary(type)) {
    Object.assign(out, {
      type: 'dictionary',
      indices: `${type.indices.isSigned ? 'int' : 'uint'}${type.indices.bitWidth}`,
      values: DataType.isUtf8(type.dictionary) ? 'utf8' : String(type.dictionary),
    });
  } else if (DataType.isStruct(type)) Object.assign(out, { type: 'struct', children: type.children.map(fieldJson) });
  else if (DataType.isList(type)) Object.assign(out, { type: 'list', children: type.children.map(fieldJson) });
  else out.type = String(type);
  return out;
}

/** A cell as the vectors write it: plain values (struct rows as objects, lists as arrays). */
function cell(value) {
  if (value === null || typeof value !== 'object') return typeof value === 'bigint' ? Number(value) : value;
  const json = value.toJSON();
  if (Array.isArray(json)) return json.map(cell);
  return Object.fromEntries(Object.entries(json).map(([key, item]) => [key, cell(item)]));
}

function rows(table) {
  return table.toArray().map((row) => {
    const out = {};
    for (const field of table.schema.fields) {
      const value = row[field.name];
      out[field.name] = DataType.isTimestamp(field.type) && value !== null ? Number(value) : cell(value);
    }
    return out;
  });
}

test('the schema is the one of the vectors', () => {
  const expected = JSON.parse(readFileSync(join(ARROW, 'schema.json'), 'utf8'));
  assert.deepEqual(tableFromIPC(toArrow('')).schema.fields.map(fieldJson), expected.fields);
  assert.deepEqual(
    tableFromIPC(toArrow('', { raw: false })).schema.fields.map(fieldJson),
    expected.fields.slice(0, -1),
  );
});

for (const file of readdirSync(ARROW)
  .filter((name) => name.endsWith('.expected.json'))
  .sort()) {
  test(`small table ${file}`, () => {
    const vector = JSON.parse(readFileSync(join(ARROW, file), 'utf8'));
    const input = readFileSync(join(ARROW, vector.input));
    const errors = [];
    const { raw, batchSize, filter } = vector.options;
    const bytes = toArrow(input, { raw, batchSize, filter, onError: (error) => errors.push(error) });
    assert.ok(bytes instanceof Uint8Array);
    const table = tableFromIPC(bytes);
    assert.deepEqual(
      table.batches.map((batch) => batch.numRows),
      vector.batches,
    );
    assert.deepEqual(
      errors.map(({ kind, line, path }) => ({ kind, line, path })),
      vector.errors,
    );
    assert.ok(errors.every((error) => error instanceof MetaeventsError && error instanceof Error));
    const got = rows(table);
    assert.equal(got.length, vector.rows.length);
    // The JSON form of the same events: each column holds the same value.
    const compiled = filter ? new Filter(filter) : null;
    const forms = parseRecords(input)
      .filter((record) => record.event && record.event.kind !== 'webhook.validation')
      .map((record) => record.event)
      .filter((event) => compiled === null || compiled.matches(event));
    vector.rows.forEach((wanted, index) => {
      for (const [key, value] of Object.entries(wanted))
        assert.deepEqual(got[index][key], value, `row ${index}, ${key}`);
      const form = { ...forms[index] };
      for (const key of ['details', 'native', 'raw']) {
        if (key in got[index]) {
          assert.deepEqual(JSON.parse(got[index][key]), form[key], `row ${index}, ${key} as JSON`);
          form[key] = got[index][key];
        } else delete form[key];
      }
      assert.deepEqual(got[index], form, `row ${index} against the JSON form`);
    });
  });
}

test('toArrow takes a parser, filters, and checks its options', () => {
  const input = readFileSync(join(ARROW, 'small-table.input.ndjson'));
  const tags = tableFromIPC(toArrow(input, { filter: new Filter({ kind: 'tag.*' }) }));
  assert.equal(tags.numRows, 2);
  const tiny = new Parser({ maxEventBytes: 100 });
  const errors = [];
  assert.equal(tableFromIPC(tiny.toArrow(input, { onError: (error) => errors.push(error.kind) })).numRows, 0);
  assert.ok(errors.includes('too_large'));
  assert.equal(tableFromIPC(toArrow(input.toString('utf8'))).numRows, 4, 'text too');
  assert.throws(() => toArrow(input, { batchSize: 0 }), MetaeventsError);
  assert.throws(
    () => toArrow(input, { raw: 'yes' }),
    (error) => error.kind === 'invalid_option' && error.path === 'raw',
  );
  assert.throws(
    () => toArrow(input, { batchSize: 0 }),
    (error) => error.kind === 'invalid_option' && error.path === 'batch_size',
  );
  assert.throws(
    () => toArrow(input, { batchsize: 10 }),
    (error) => error.kind === 'invalid_option',
  );
  assert.throws(() => toArrow(input, { onError: 'log' }), TypeError);
  assert.throws(
    () => toArrow(input, { filter: { kind: { regexx: 'x' } } }),
    (error) => error.kind === 'filter',
  );
  assert.ok(ParseError.prototype instanceof MetaeventsError);
});
