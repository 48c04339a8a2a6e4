// CloudEvents conformance, judged by the official JavaScript SDK (npm `cloudevents` 10): every
// event of the conformance vectors is written with toCloudEvent; the SDK must accept it in strict
// mode (its JSON Schema: source a URI-reference, time a date-time, extension names and values),
// find the attributes metaevents wrote, and what the SDK writes back (HTTP structured and binary
// mode) must read back into the same event. The SDK fills in a missing id, specversion or time
// when it reads, so required attributes are checked on the JSON itself first.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { CloudEvent, HTTP } from 'cloudevents';
import { InvalidEventError, Parser, parseHttp, toCloudEvent } from 'metaevents';

const VECTORS = fileURLToPath(new URL('../../tests/vectors/', import.meta.url));
const EVENTS = join(VECTORS, 'events');
/** Lowercase letters and digits, at most 20 (the spec's naming convention; no SDK checks the length). */
const ATTRIBUTE_NAME = /^[a-z][a-z0-9]{0,19}$/;
const KNOWN = new Set([
  'specversion',
  'id',
  'source',
  'type',
  'subject',
  'time',
  'datacontenttype',
  'data',
  'catalogsource',
  'entitytype',
  'platform',
]);

/** The first event of every events/ vector, read from its input as the vector says. */
function vectorEvents() {
  const found = [];
  for (const file of readdirSync(EVENTS)
    .filter((name) => name.endsWith('.expected.json'))
    .sort()) {
    const name = file.slice(0, -'.expected.json'.length);
    const vector = JSON.parse(readFileSync(join(EVENTS, file), 'utf8'));
    const input =
      vector.inputBase64 !== undefined
        ? Buffer.from(vector.inputBase64, 'base64')
        : readFileSync(
            join(
              EVENTS,
              readdirSync(EVENTS).find((entry) => entry.startsWith(`${name}.input.`)),
            ),
          );
    const options = vector.options ?? {};
    const parser = new Parser({ format: options.format ?? null, maxEventBytes: options.maxEventBytes });
    const mode = vector.mode ?? 'parse';
    let parsed;
    if (mode === 'http') parsed = [parser.parseHttp(vector.headers, input)];
    else if (mode === 'stream') parsed = parser.parseRecords(input).flatMap(({ event }) => (event ? [event] : []));
    else parsed = [parser.parse(input)];
    const event = parsed.find((item) => item.kind !== 'webhook.validation');
    if (event !== undefined) found.push([name, event]);
  }
  return found;
}

const events = vectorEvents();
const OPTIONS = {
  default: {},
  'instance source': { source: 'https://datahub.example.com' },
  'urn source, no raw': { source: 'urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66', raw: false },
};

/** What a JSON round trip gives (the SDK parses bodies with JSON.parse). */
function viaJson(value) {
  return JSON.parse(JSON.stringify(value));
}

test('every events vector has an event', () => assert.ok(events.length >= 100));

for (const [label, options] of Object.entries(OPTIONS)) {
  describe(`the SDK reads what toCloudEvent writes (${label})`, () => {
    for (const [name, event] of events) {
      test(name, () => {
        const cloudevent = toCloudEvent(event, options);
        const raw = options.raw ?? true;

        // The JSON itself: required attributes present (the SDK would fill them in), nothing null.
        for (const key of ['specversion', 'id', 'source', 'type']) assert.ok(key in cloudevent, `missing ${key}`);
        assert.equal(cloudevent.specversion, '1.0');
        assert.equal(cloudevent.id, event.id);
        assert.equal(cloudevent.source, options.source ?? `/metaevents/${event.source}`);
        for (const [key, value] of Object.entries(cloudevent)) {
          assert.ok(KNOWN.has(key), `unexpected attribute ${key}`);
          assert.notEqual(value, null, `${key} is null`);
          if (key !== 'data') assert.match(key, ATTRIBUTE_NAME);
        }

        // Strict construction: the SDK's schema (URI-reference source, date-time time) and names.
        const built = new CloudEvent({ ...cloudevent }, true);
        assert.equal(built.validate(), true);

        // Structured mode in: HTTP.toEvent, then strict validation.
        const body = JSON.stringify(cloudevent);
        const read = HTTP.toEvent({ headers: { 'content-type': 'application/cloudevents+json' }, body });
        assert.equal(read.validate(), true);
        assert.equal(read.id, event.id);
        assert.equal(read.source, cloudevent.source);
        assert.equal(read.type, `io.metaevents.${event.kind}`);
        assert.equal(read.subject, event.entity.id ?? undefined);
        assert.equal(read.datacontenttype, 'application/json');
        if (event.time === null) {
          assert.ok(!('time' in cloudevent));
        } else {
          assert.equal(new Date(read.time).getTime(), event.time);
        }
        assert.equal(read.catalogsource, event.source);
        assert.equal(read.entitytype, event.entity.type ?? undefined);
        assert.equal(read.platform, event.entity.platform ?? undefined);
        const data = raw ? event : (({ raw: _, ...rest }) => rest)(event);
        assert.deepEqual(read.data, viaJson(data));

        // What the SDK writes, structured or binary, reads back into the same event.
        for (const [mode, message] of [
          ['HTTP structured', HTTP.structured(read)],
          ['HTTP binary', HTTP.binary(read)],
        ]) {
          if (raw) {
            const again = parseHttp(message.headers, message.body);
            assert.equal(again.id, event.id, `${mode}: not the same id`);
            assert.deepEqual(again, viaJson(event), `${mode}: not the same event`);
          } else {
            assert.throws(() => parseHttp(message.headers, message.body), InvalidEventError, mode);
          }
        }
      });
    }
  });
}

test('a CloudEvent the SDK builds around a platform event is read as that event', () => {
  const ece = JSON.parse(readFileSync(join(EVENTS, 'datahub-tag-added-dataset.input.json'), 'utf8'));
  const cloudevent = new CloudEvent({ source: 'https://datahub.example.com', type: 'com.example.change', data: ece });
  for (const message of [HTTP.structured(cloudevent), HTTP.binary(cloudevent)]) {
    const event = parseHttp(message.headers, message.body);
    assert.equal(event.kind, 'tag.added');
    assert.deepEqual(event.native.envelope, ['cloudevent']);
  }
});

test('a bad source is refused with the option named', () => {
  const event = new Parser().parse(readFileSync(join(EVENTS, 'datahub-tag-added-dataset.input.json')));
  assert.throws(
    () => toCloudEvent(event, { source: 'not a uri' }),
    (error) => error.kind === 'invalid_option' && error.path === 'source',
  );
  assert.throws(() => toCloudEvent(event, { raw: 'no' }), TypeError);
});
