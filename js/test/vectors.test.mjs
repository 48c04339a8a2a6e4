// The shared conformance vectors (tests/vectors, format in its README) through the package as a
// user imports it: every event and malformed vector must match its hand-written expectation
// (`expect`) and then give exactly the expected records (the Rust core's output), every filter
// case exactly the expected matches, every CloudEvent vector exactly its CloudEvent, read back as
// the same event.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

import {
  Filter,
  FilterError,
  InvalidEventError,
  MetaeventsError,
  Parser,
  parse,
  parseHttp,
  parseMany,
  toCloudEvent,
} from 'metaevents';

import { errorClassFor } from './helpers.mjs';

const VECTORS = fileURLToPath(new URL('../../tests/vectors/', import.meta.url));
const utf8 = new TextDecoder('utf-8', { fatal: true });

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function vectorNames(dir) {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.expected.json'))
    .map((name) => name.slice(0, -'.expected.json'.length))
    .sort();
}

function parserFor(expected) {
  const options = expected.options ?? {};
  return new Parser({
    format: options.format ?? null,
    maxEventBytes: options.maxEventBytes,
    maxDepth: options.maxDepth,
    maxEventsPerArray: options.maxEventsPerArray,
    atlanTypedefs: options.atlanTypedefs ?? null,
  });
}

/** The input bytes of a vector (its file, its `inputBase64`, or its `generate` recipe). */
function inputFor(dir, name, expected) {
  if (expected.inputBase64 !== undefined) return new Uint8Array(Buffer.from(expected.inputBase64, 'base64'));
  if (expected.generate) {
    const { prefix = '', repeat = '', times = 0, suffix = '' } = expected.generate;
    return new TextEncoder().encode(prefix + repeat.repeat(times) + suffix);
  }
  const file = readdirSync(dir).find((entry) => entry.startsWith(`${name}.input.`));
  assert.ok(file, `no input file for vector ${name}`);
  const bytes = readFileSync(join(dir, file));
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The same input as a string, when its bytes are UTF-8 (a string goes in through another path). */
function asText(bytes) {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

function errorRecord(error) {
  assert.ok(error instanceof Error, `not an Error: ${error}`);
  assert.ok(error instanceof MetaeventsError, `not a MetaeventsError: ${error}`);
  assert.ok(error instanceof errorClassFor(error.kind), `${error.kind} error is a ${error.name}`);
  return { error: { kind: error.kind, line: error.line, path: error.path, message: error.message } };
}

function run(parser, mode, input, headers) {
  if (mode === 'parse' || mode === 'http') {
    try {
      return [mode === 'parse' ? parser.parse(input) : parser.parseHttp(headers, input)];
    } catch (error) {
      return [errorRecord(error)];
    }
  }
  assert.equal(mode, 'stream', `unknown mode ${mode}`);
  return parser.parseRecords(input).map((record) => (record.error ? errorRecord(record.error) : record.event));
}

function checkRecord(actual, wanted, where) {
  if (wanted.error) {
    assert.ok(actual.error, `${where}: expected error ${JSON.stringify(wanted.error)}, got ${JSON.stringify(actual)}`);
    for (const key of ['kind', 'line', 'path']) {
      if (key in wanted.error) {
        assert.equal(actual.error[key], wanted.error[key], `${where}: error ${key} (${actual.error.message})`);
      }
    }
    if (wanted.error.messageContains !== undefined) {
      assert.ok(
        actual.error.message.includes(wanted.error.messageContains),
        `${where}: error message ${JSON.stringify(actual.error.message)} lacks ${JSON.stringify(wanted.error.messageContains)}`,
      );
    }
  } else {
    assert.ok(!actual.error, `${where}: expected an event, got error ${JSON.stringify(actual.error)}`);
    assert.deepEqual(actual, wanted, `${where}: not the expected record`);
  }
}

const ABSENT = Symbol('absent');

/** Where a record departs from its hand-written expectation: every key the expectation lists
 * must match, objects recursively; lists and scalars must be equal. One line per key. */
function departures(actual, wanted, path = '') {
  const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
  if (isObject(wanted) && isObject(actual)) {
    return Object.entries(wanted).flatMap(([key, value]) =>
      departures(key in actual ? actual[key] : ABSENT, value, path ? `${path}.${key}` : key),
    );
  }
  if (actual !== ABSENT && isDeepStrictEqual(actual, wanted)) return [];
  const got = actual === ABSENT ? '(absent)' : JSON.stringify(actual);
  return [`${path || '(record)'}: expected ${JSON.stringify(wanted)}, got ${got}`];
}

/** The vector's hand-written `expect` items (required in events/), checked before the snapshot. */
function checkExpectation(sub, expected, actual, where) {
  if (expected.expect === undefined) {
    assert.notEqual(sub, 'events', 'no hand-written expectation (`expect`)');
    return;
  }
  assert.ok(Array.isArray(expected.expect), '`expect` must be a list, one item per record');
  assert.equal(
    actual.length,
    expected.expect.length,
    `${where}: the hand-written expectation has ${expected.expect.length} items`,
  );
  const problems = expected.expect.flatMap((want, index) => {
    const got = actual[index];
    if (want.error || got.error) {
      try {
        checkRecord(got, want, `${where} record ${index}`);
        return [];
      } catch (error) {
        return [`record ${index}: hand-written expectation: ${error.message}`];
      }
    }
    return departures(got, want).map((line) => `record ${index}: hand-written expectation: ${line}`);
  });
  assert.ok(problems.length === 0, `${where}:\n  ${problems.join('\n  ')}`);
}

/** The event without what its envelopes add: `native.envelope` and `native.schemaId`. */
function withoutEnvelope(record) {
  if (!record.native) return record;
  const { envelope, schemaId, ...native } = record.native;
  return { ...record, native };
}

/** parseMany agrees with the records: the events until the first error, which it throws. */
function checkParseMany(parser, input, records, where) {
  const firstError = records.findIndex((record) => record.error);
  if (firstError === -1) {
    const events = records.filter((record) => record.kind !== 'webhook.validation');
    assert.deepEqual(parser.parseMany(input), events, `${where}: parseMany`);
  } else {
    assert.throws(
      () => parser.parseMany(input),
      (error) => {
        const wanted = records[firstError].error;
        assert.equal(error.kind, wanted.kind, `${where}: parseMany error kind`);
        assert.equal(error.line, wanted.line, `${where}: parseMany error line`);
        return true;
      },
    );
  }
}

for (const sub of ['events', 'malformed']) {
  const dir = join(VECTORS, sub);
  const names = existsSync(dir) ? vectorNames(dir) : [];
  describe(`vectors/${sub}`, () => {
    test('there are vectors', () => assert.ok(names.length > 0, `no vectors in ${dir}`));
    for (const name of names) {
      test(name, () => {
        const expected = readJson(join(dir, `${name}.expected.json`));
        const mode = expected.mode ?? 'parse';
        const parser = parserFor(expected);
        const bytes = inputFor(dir, name, expected);
        const wanted = expected.records ?? [];
        if (mode !== 'stream') assert.equal(wanted.length, 1, `${mode} mode needs exactly one record`);
        const inputs = [['bytes', bytes]];
        const text = bytes.length < 1 << 20 ? asText(bytes) : null;
        if (text !== null) inputs.push(['string', text]);
        for (const [form, input] of inputs) {
          const actual = run(parser, mode, input, expected.headers);
          checkExpectation(sub, expected, actual, form);
          assert.equal(
            actual.length,
            wanted.length,
            `${form}: expected ${wanted.length} records, got ${JSON.stringify(actual)}`,
          );
          for (const [index, record] of actual.entries()) {
            checkRecord(record, wanted[index], `${form} record ${index}`);
          }
          if (mode === 'stream') checkParseMany(parser, input, actual, form);
        }
        if (expected.sameAs) {
          const other = readJson(join(dir, `${expected.sameAs}.expected.json`)).records;
          assert.deepEqual(
            wanted.map(withoutEnvelope),
            other.map(withoutEnvelope),
            `not the same events as ${expected.sameAs}`,
          );
        }
      });
    }
  });
}

function compileCase(testCase) {
  if ('filter' in testCase) {
    // An object goes in as an object; any other JSON value (a string, null) as its JSON text,
    // since a string is read as JSON text.
    const spec = testCase.filter;
    return new Filter(spec !== null && typeof spec === 'object' && !Array.isArray(spec) ? spec : JSON.stringify(spec));
  }
  if ('datahubActions' in testCase) return Filter.fromDatahubActions(testCase.datahubActions);
  if ('datahubActionsYaml' in testCase) return Filter.fromDatahubActions(testCase.datahubActionsYaml);
  throw new Error(`case without a filter: ${JSON.stringify(testCase)}`);
}

const FILTERS = join(VECTORS, 'filters');
const groups = existsSync(FILTERS)
  ? readdirSync(FILTERS)
      .filter((name) => name.endsWith('.json'))
      .sort()
  : [];

describe('vectors/filters', () => {
  test('there are filter groups', () => assert.ok(groups.length > 0, `no filter groups in ${FILTERS}`));
  for (const file of groups) {
    const group = readJson(join(FILTERS, file));
    const corpusBytes = readFileSync(join(FILTERS, group.corpus ?? 'corpus.ndjson'));
    const corpus = new Uint8Array(corpusBytes.buffer, corpusBytes.byteOffset, corpusBytes.byteLength);
    const events = corpusBytes
      .toString('utf8')
      .split('\n')
      .map((line) => {
        // A line's events: an OpenMetadata ChangeEvent may make several; none when it is bad.
        if (line.trim() === '') return [];
        try {
          return parseMany(line);
        } catch {
          return [];
        }
      });
    describe(file, () => {
      for (const testCase of group.cases) {
        test(testCase.name, () => {
          if (testCase.error) {
            assert.throws(
              () => compileCase(testCase),
              (error) => {
                assert.ok(error instanceof FilterError || error.kind !== 'filter', `a ${error.name}`);
                checkRecord(errorRecord(error), { error: testCase.error }, 'compile');
                return true;
              },
            );
            return;
          }
          const filter = compileCase(testCase);
          const byEvent = events.flatMap((line, index) => (line.some((event) => filter.matches(event)) ? [index] : []));
          assert.deepEqual(byEvent, testCase.matches, 'matches()');
          assert.deepEqual(filter.filterNdjson(corpus), testCase.matches, 'filterNdjson(bytes)');
          assert.deepEqual(filter.filterNdjson(corpusBytes.toString('utf8')), testCase.matches, 'filterNdjson(string)');
        });
      }
    });
  }
});

// ---------------------------------------------------------------------------------------------
// cloudevents/: each event written with toCloudEvent, then read back (structured and binary mode)

const CLOUDEVENTS = join(VECTORS, 'cloudevents');
const cloudeventFiles = existsSync(CLOUDEVENTS)
  ? readdirSync(CLOUDEVENTS)
      .filter((name) => name.endsWith('.json'))
      .sort()
  : [];

describe('vectors/cloudevents', () => {
  test('there are CloudEvent vectors', () => assert.ok(cloudeventFiles.length >= 4));
  for (const file of cloudeventFiles) {
    test(file, () => {
      const vector = readJson(join(CLOUDEVENTS, file));
      const event = parse(readFileSync(join(VECTORS, vector.input)));
      const options = vector.options ?? {};
      const cloudevent = toCloudEvent(event, options);
      const problems = departures(cloudevent, vector.expect);
      assert.ok(problems.length === 0, `hand-written expectation:\n  ${problems.join('\n  ')}`);
      assert.deepEqual(cloudevent, vector.cloudevent, 'not the expected CloudEvent');
      // The same from the event as a plain object (read back by the core from its JSON).
      assert.deepEqual(toCloudEvent(JSON.parse(JSON.stringify(event)), options), cloudevent, 'from a plain object');
      const headers = Object.fromEntries(
        Object.entries(cloudevent)
          .filter(([key]) => key !== 'data' && key !== 'datacontenttype')
          .map(([key, value]) => [`ce-${key}`, value]),
      );
      headers['content-type'] = cloudevent.datacontenttype;
      const readers = {
        'structured text': () => parse(JSON.stringify(cloudevent)),
        'structured object': () => parse(cloudevent),
        'binary mode': () => parseHttp(headers, JSON.stringify(cloudevent.data)),
      };
      for (const [mode, read] of Object.entries(readers)) {
        if (options.raw ?? true) {
          assert.deepEqual(read(), event, `${mode}: not the same event`);
        } else {
          assert.throws(read, (error) => error instanceof InvalidEventError && error.path.endsWith('.raw'), mode);
        }
      }
    });
  }
});
