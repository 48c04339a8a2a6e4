// The API around the vectors: value shapes, inputs, errors, the Parser, filters, webhooks,
// catalog and validation.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';

import {
  catalog,
  DecodeError,
  errorKinds,
  eventSchema,
  Filter,
  FilterError,
  InvalidEventError,
  inputFormats,
  isValidationRequest,
  LimitError,
  lambdaHeaders,
  MetaeventsError,
  openmetadataSignature,
  ParseError,
  Parser,
  parse,
  parseMany,
  parseRecords,
  unwrap,
  validate,
  verifyOpenMetadataSignature,
  verifySignature,
  version,
} from 'metaevents';

import { ERROR_KINDS, errorClassFor } from './helpers.mjs';

const TAG_ADDED = {
  entityUrn: 'urn:li:dataset:(urn:li:dataPlatform:snowflake,analytics.public.customers,PROD)',
  entityType: 'dataset',
  category: 'TAG',
  operation: 'ADD',
  modifier: 'urn:li:tag:PII',
  parameters: { tagUrn: 'urn:li:tag:PII', context: '{"source":"classifier"}' },
  auditStamp: { time: 1767600000000, actor: 'urn:li:corpuser:jdoe' },
  version: 0,
};
const TAG_ADDED_TEXT = JSON.stringify(TAG_ADDED);

const ATLAN_ENVELOPE = {
  version: { version: '1.0.0', versionParts: [1] },
  msgCompressionKind: 'NONE',
  msgSplitIdx: 1,
  msgSplitCount: 1,
  msgCreationTime: 1718035200608,
  message: {
    type: 'ENTITY_NOTIFICATION_V2',
    entity: {
      typeName: 'Table',
      attributes: { qualifiedName: 'default/snowflake/1686232245/ANALYTICS/PUBLIC/ORDERS', name: 'ORDERS' },
      guid: '9065bba5-22b8-4331-bff8-1bdf017c5cfb',
      status: 'ACTIVE',
      updatedBy: 'priya.sharma',
    },
    operationType: 'CLASSIFICATION_ADD',
    eventTime: 1718035200417,
    mutatedDetails: [
      { typeName: 'jUQpLPdg9hWoheH2eL9Ha2', entityGuid: '9065bba5-22b8-4331-bff8-1bdf017c5cfb', propagate: true },
    ],
  },
};
const SECRET = '7c3f1a9e-webhook-secret';
const VALIDATION_BODY = '{"atlan-webhook": "Hello, humans of data! It worked. Excited to see what you build!"}';

function lambdaRequest(body, headers = { 'x-atlan-signing-secret': SECRET }) {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: '/',
    headers: { 'content-type': 'text/plain; charset=utf-8', ...headers },
    requestContext: { http: { method: 'POST', path: '/' }, timeEpoch: 1718035201544 },
    body,
    isBase64Encoded: false,
  };
}

/** Every value in `value` is JSON data: plain objects, arrays, strings, finite numbers, booleans, null. */
function assertPlainJson(value, where = '$') {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    assert.ok(Number.isFinite(value), `${where} is not finite`);
    return;
  }
  assert.equal(typeof value, 'object', `${where} is a ${typeof value}`);
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) assertPlainJson(item, `${where}[${index}]`);
    return;
  }
  assert.equal(Object.getPrototypeOf(value), Object.prototype, `${where} is not a plain object`);
  for (const [key, item] of Object.entries(value)) assertPlainJson(item, `${where}.${key}`);
}

describe('events are plain objects in the contract shape', () => {
  test('a DataHub event', () => {
    const event = parse(TAG_ADDED_TEXT);
    assertPlainJson(event);
    assert.equal(event.kind, 'tag.added');
    assert.equal(event.source, 'datahub');
    assert.equal(typeof event.time, 'number');
    assert.match(event.id, /^[0-9a-f]{32}$/);
    assert.equal(event.entity.fieldPath, null);
    assert.deepEqual(event.subjects, ['urn:li:tag:PII']);
    assert.deepEqual(event.details.context, { source: 'classifier' });
    assert.deepEqual(event.native, { format: 'entity-change-event', category: 'TAG', operation: 'ADD', envelope: [] });
    assert.deepEqual(event.raw, TAG_ADDED);
    assert.deepEqual(Object.keys(event), [
      'id',
      'source',
      'kind',
      'time',
      'actor',
      'entity',
      'subjects',
      'details',
      'native',
      'raw',
    ]);
  });

  test('an Atlan event through a Lambda request', () => {
    const event = parse(lambdaRequest(JSON.stringify(ATLAN_ENVELOPE)));
    assertPlainJson(event);
    assert.equal(event.kind, 'tag.added');
    assert.equal(event.source, 'atlan');
    assert.deepEqual(event.native.envelope, ['aws-lambda', 'atlan-envelope']);
    assert.deepEqual(event.raw, ATLAN_ENVELOPE.message);
    assert.equal(event.actor, 'priya.sharma');
  });

  test('raw is read on first access and then behaves as a plain property', () => {
    const [first, second, third, fourth] = parseMany(`${TAG_ADDED_TEXT}\n`.repeat(4));
    const descriptor = Object.getOwnPropertyDescriptor(first, 'raw');
    assert.equal(descriptor.enumerable, true);
    assert.equal(first.raw, first.raw, 'the same object on every access');
    assert.deepEqual(Object.getOwnPropertyDescriptor(first, 'raw'), {
      value: TAG_ADDED,
      writable: true,
      enumerable: true,
      configurable: true,
    });
    // Copies and serializations see it without touching it first.
    assert.deepEqual(JSON.parse(JSON.stringify(second)).raw, TAG_ADDED);
    assert.deepEqual(structuredClone(third).raw, TAG_ADDED);
    assert.deepEqual({ ...third }, { ...first });
    second.raw = { replaced: true };
    assert.deepEqual(second.raw, { replaced: true });
    delete first.raw;
    assert.equal('raw' in first, false);
    Object.freeze(fourth);
    assert.deepEqual(fourth.raw, TAG_ADDED);
    assert.equal(fourth.raw, fourth.raw);
  });

  test('id is computed on first access, in its place, then behaves as a plain property', () => {
    const [first, second, third, fourth] = parseMany(`${TAG_ADDED_TEXT}\n`.repeat(4));
    const expected = parse(TAG_ADDED_TEXT).id;
    assert.equal(typeof Object.getOwnPropertyDescriptor(first, 'id').get, 'function', 'not computed yet');
    assert.equal(Object.keys(first)[0], 'id');
    assert.equal(first.id, expected);
    assert.deepEqual(Object.getOwnPropertyDescriptor(first, 'id'), {
      value: expected,
      writable: true,
      enumerable: true,
      configurable: true,
    });
    // Serializations and copies see it first, as in the contract JSON, without touching it first.
    const text = JSON.stringify(second);
    assert.ok(text.startsWith(`{"id":"${expected}","source":"datahub"`), text);
    assert.equal(structuredClone(third).id, expected);
    assert.deepEqual(Object.keys({ ...third }), Object.keys(first));
    second.id = 'mine';
    assert.equal(second.id, 'mine');
    Object.freeze(fourth);
    assert.equal(fourth.id, expected);
    assert.equal(fourth.id, fourth.id);
  });

  test('the same event through any envelope has the same id', () => {
    const bare = parse(ATLAN_ENVELOPE.message);
    const wrapped = parse(lambdaRequest(JSON.stringify(ATLAN_ENVELOPE)));
    assert.equal(bare.id, wrapped.id);
  });
});

describe('inputs', () => {
  test('string, bytes, Buffer, ArrayBuffer, typed array views and objects give the same event', () => {
    const expected = parse(TAG_ADDED_TEXT);
    const bytes = new TextEncoder().encode(TAG_ADDED_TEXT);
    const padded = new Uint8Array(bytes.length + 4);
    padded.set(bytes, 2);
    for (const input of [
      bytes,
      Buffer.from(TAG_ADDED_TEXT),
      bytes.buffer,
      new DataView(padded.buffer, 2, bytes.length),
      padded.subarray(2, 2 + bytes.length),
      TAG_ADDED,
    ]) {
      assert.deepEqual(parse(input), expected, `input ${input.constructor.name}`);
    }
  });

  test('gzip bytes', async () => {
    const { gzipSync } = await import('node:zlib');
    const events = parseMany(gzipSync(`${TAG_ADDED_TEXT}\n${TAG_ADDED_TEXT}\n`));
    assert.equal(events.length, 2);
  });

  test('anything else is a TypeError', () => {
    for (const input of [42, undefined, null, true, Symbol('x')]) {
      assert.throws(() => parse(input), TypeError);
    }
  });
});

describe('errors', () => {
  test('are Error subclasses with kind, line, column and path', () => {
    const error = captured(() => parse('{"entityUrn": '));
    assert.ok(error instanceof ParseError);
    assert.ok(error instanceof MetaeventsError);
    assert.ok(error instanceof Error);
    assert.equal(error.name, 'ParseError');
    assert.equal(error.kind, 'syntax');
    assert.equal(error.line, 1);
    assert.equal(typeof error.column, 'number');
    assert.equal(typeof error.message, 'string');
    assert.match(error.message, /^line 1, column \d+: /);
    assert.ok(error.stack.includes('ParseError'));
  });

  test('an invalid event says which field', () => {
    const error = captured(() => parse({ ...TAG_ADDED, entityUrn: 42 }));
    assert.ok(error instanceof InvalidEventError);
    assert.equal(error.kind, 'invalid_field');
    assert.equal(error.path, '$.entityUrn');
    assert.ok(error.message.includes('entityUrn'));
  });

  test('every kind of the core table comes as the class the table names', () => {
    assert.deepEqual(errorKinds(), ERROR_KINDS);
    for (const { kind } of ERROR_KINDS) {
      const type = errorClassFor(kind);
      assert.ok(type === MetaeventsError || Object.getPrototypeOf(type) === MetaeventsError, kind);
    }
    const formats = inputFormats();
    assert.ok(formats.length > 5 && formats.every((row) => typeof row.name === 'string' && row.description.length > 0));
    assert.ok(formats.some((row) => row.name === 'datahub-ece'));
  });

  test('kinds come as their group', () => {
    assert.ok(captured(() => parse('{"a": 1}')) instanceof InvalidEventError); // unrecognized
    assert.ok(captured(() => parse('')) instanceof ParseError); // empty
    assert.ok(captured(() => parse(`${TAG_ADDED_TEXT}\n${TAG_ADDED_TEXT}`)) instanceof ParseError); // not_single
    assert.ok(captured(() => parse('{"a": 1, "a": 2}')) instanceof ParseError); // duplicate_key
    const gzip = { ...ATLAN_ENVELOPE, msgCompressionKind: 'GZIP', message: 'not base64 gzip!' };
    assert.ok(captured(() => parse(gzip)) instanceof DecodeError);
    assert.ok(captured(() => new Parser({ maxDepth: 1 }).parse(TAG_ADDED_TEXT)) instanceof LimitError);
    assert.ok(captured(() => new Filter({ kind: { regexx: 'x' } })) instanceof FilterError);
    for (const [kind, run] of [
      ['unrecognized', () => parse('{"a": 1}')],
      ['too_deep', () => new Parser({ maxDepth: 1 }).parse(TAG_ADDED_TEXT)],
      ['filter', () => new Filter({ kind: { regexx: 'x' } })],
      ['invalid_option', () => new Parser({ format: 'nope' })],
    ]) {
      const error = captured(run);
      assert.equal(error.kind, kind);
      assert.equal(error.constructor, errorClassFor(kind), kind);
    }
  });

  test('parseMany throws the first bad record with its line', () => {
    const error = captured(() => parseMany(`${TAG_ADDED_TEXT}\n{"entityUrn": 1}\n${TAG_ADDED_TEXT}\nnope\n`));
    assert.ok(error instanceof MetaeventsError);
    assert.equal(error.line, 2);
  });

  test('parseRecords keeps going and gives every record', () => {
    const records = parseRecords(`${TAG_ADDED_TEXT}\nnope\n${VALIDATION_BODY}\n${TAG_ADDED_TEXT}\n`);
    assert.deepEqual(
      records.map((record) => [record.line, record.error ? record.error.kind : record.event.kind]),
      [
        [1, 'tag.added'],
        [2, 'syntax'],
        [3, 'webhook.validation'],
        [4, 'tag.added'],
      ],
    );
    assert.ok(records[1].error instanceof ParseError);
    assert.equal(records[1].error.line, 2);
  });
});

function captured(run) {
  try {
    run();
  } catch (error) {
    return error;
  }
  assert.fail('did not throw');
}

describe('Parser', () => {
  test('defaults are the core limits', () => {
    const parser = new Parser();
    assert.deepEqual(parser.options, {
      format: null,
      maxEventBytes: 4 * 1024 * 1024,
      maxDepth: 64,
      maxEventsPerArray: 1_000_000,
      atlanTypedefs: null,
    });
  });

  test('options can be given and set', () => {
    const parser = new Parser({ maxEventBytes: 100 });
    assert.equal(parser.maxEventBytes, 100);
    assert.equal(captured(() => parser.parse(TAG_ADDED_TEXT)).kind, 'too_large');
    parser.maxEventBytes = 10_000;
    assert.equal(parser.parse(TAG_ADDED_TEXT).kind, 'tag.added');
    parser.maxEventsPerArray = 1;
    assert.equal(captured(() => parser.parseMany(`[${TAG_ADDED_TEXT}, ${TAG_ADDED_TEXT}]`)).kind, 'too_many');
    parser.maxDepth = 1;
    assert.equal(captured(() => parser.parse(TAG_ADDED_TEXT)).kind, 'too_deep');
    parser.format = 'atlan-envelope';
    assert.equal(parser.format, 'atlan-envelope');
    assert.ok(captured(() => parser.parse(TAG_ADDED_TEXT)) instanceof MetaeventsError);
    assert.deepEqual(parser.options, {
      format: 'atlan-envelope',
      maxEventBytes: 10_000,
      maxDepth: 1,
      maxEventsPerArray: 1,
      atlanTypedefs: null,
    });
    parser.format = null;
    parser.maxDepth = 64;
    assert.equal(parser.parse(TAG_ADDED_TEXT).kind, 'tag.added');
  });

  test('a forced format', () => {
    assert.equal(new Parser({ format: 'datahub-ece' }).parse(TAG_ADDED_TEXT).kind, 'tag.added');
  });

  test('bad options are rejected and leave the parser as it was', () => {
    const unknown = captured(() => new Parser({ format: 'nope' }));
    assert.ok(unknown instanceof MetaeventsError);
    assert.ok(unknown.message.includes('datahub-ece'), unknown.message);
    const bad = [
      { maxDepth: 0 },
      { maxDepth: 100_000 },
      { maxEventBytes: -1 },
      { maxEventBytes: 1.5 },
      { maxEventBytes: Number.NaN },
    ];
    bad.push({ maxDepth: '8' }, { format: 7 }, { maxDepht: 8 });
    for (const options of bad) {
      const error = captured(() => new Parser(options));
      assert.ok(error instanceof MetaeventsError, JSON.stringify(options));
      assert.equal(error.constructor, MetaeventsError, JSON.stringify(options));
      assert.equal(error.kind, 'invalid_option', JSON.stringify(options));
    }
    const typo = captured(() => new Parser({ maxDepht: 8 }));
    assert.match(typo.message, /unknown field `maxDepht`, expected one of .*`maxDepth`/);
    const mistyped = captured(() => new Parser({ maxEventBytes: '8' }));
    assert.equal(mistyped.path, 'maxEventBytes');
    assert.match(mistyped.message, /^maxEventBytes: invalid type: string "8"/);
    for (const options of [null, 'x']) {
      assert.throws(() => new Parser(options), TypeError);
    }
    // Absent and undefined options take the defaults.
    assert.deepEqual(new Parser({ format: undefined, maxDepth: undefined }).options, new Parser().options);
    const parser = new Parser({ maxDepth: 8 });
    assert.throws(() => {
      parser.maxDepth = 0;
    }, MetaeventsError);
    assert.equal(parser.maxDepth, 8);
  });
});

describe('Filter', () => {
  const events = parseMany(
    [
      TAG_ADDED_TEXT,
      JSON.stringify({ ...TAG_ADDED, operation: 'REMOVE' }),
      JSON.stringify(lambdaRequest(JSON.stringify(ATLAN_ENVELOPE))),
    ].join('\n'),
  );

  test('compiles an object or its JSON text, and keeps its spec', () => {
    const filter = new Filter({ kind: 'tag.added', 'entity.platform': 'snowflake' });
    assert.deepEqual(filter.spec, { kind: 'tag.added', 'entity.platform': 'snowflake' });
    assert.deepEqual(JSON.parse(JSON.stringify(filter)), filter.spec);
    assert.deepEqual(new Filter('{"kind": "tag.*"}').spec, { kind: 'tag.*' });
    assert.deepEqual(
      events.map((event) => filter.matches(event)),
      [true, false, true],
    );
  });

  test('sees envelopes and raw', () => {
    const lambda = new Filter({ 'native.envelope': 'aws-lambda' });
    assert.deepEqual(
      events.map((event) => lambda.matches(event)),
      [false, false, true],
    );
    const raw = new Filter({ 'raw.parameters.tagUrn': 'urn:li:tag:PII' });
    assert.deepEqual(
      events.map((event) => raw.matches(event)),
      [true, true, false],
    );
  });

  test('an event object from elsewhere (stored, copied) is matched exactly as it reads', () => {
    const copies = JSON.parse(JSON.stringify(events));
    for (const spec of [
      { kind: 'tag.added', source: 'atlan' },
      { 'native.envelope': 'aws-lambda' },
      { 'raw.operation': 'REMOVE' },
    ]) {
      const filter = new Filter(spec);
      assert.deepEqual(
        copies.map((copy) => filter.matches(copy)),
        events.map((event) => filter.matches(event)),
        JSON.stringify(spec),
      );
    }
    const edited = { ...copies[0], kind: 'tag.removed' };
    assert.equal(new Filter({ kind: 'tag.removed' }).matches(edited), true);
    assert.ok(captured(() => new Filter({}).matches({ kind: 'tag.added' })) instanceof MetaeventsError);
    assert.throws(() => new Filter({}).matches(42), TypeError);
  });

  test('a validation request never matches', () => {
    assert.equal(new Filter({}).matches(parse(VALIDATION_BODY)), false);
    assert.equal(new Filter({}).matches({ kind: 'webhook.validation', source: 'atlan', message: 'hi' }), false);
  });

  test('a bad filter says where', () => {
    const error = captured(() => new Filter({ any: [{ kind: 'tag.added' }, { kind: { regexx: 'x' } }] }));
    assert.ok(error instanceof FilterError);
    assert.equal(error.kind, 'filter');
    assert.equal(error.path, 'filter.any[1].kind.regexx');
    assert.ok(captured(() => new Filter('{not json')) instanceof FilterError);
    assert.throws(() => new Filter(42), TypeError);
    const unreadable = captured(() => new Filter({ any: [{ kind: Symbol('x') }] }));
    assert.ok(unreadable instanceof FilterError);
    assert.equal(unreadable.path, 'filter.any[0].kind');
  });

  test('a spec crosses as JSON: objects and Maps in, a plain object out', () => {
    const spec = {
      kind: ['tag.added', 'tag.removed'],
      'entity.platform': { in: ['snowflake'] },
      source: 'datahub',
      time: { gte: 0 },
    };
    const filter = new Filter(spec);
    assertPlainJson(filter.spec);
    assert.deepEqual(filter.spec, spec);
    assert.deepEqual(new Filter(new Map([['kind', 'tag.added']])).spec, { kind: 'tag.added' });
    assert.deepEqual(
      events.map((event) => filter.matches(event)),
      [true, true, false],
    );
  });

  test('datahub-actions configs, as objects and as YAML', () => {
    const config = { filter: { event_type: 'EntityChangeEvent_v1', event: { category: 'TAG', operation: 'ADD' } } };
    const fromObject = Filter.fromDatahubActions(config);
    const fromYaml = Filter.fromDatahubActions(
      'name: pii\nfilter:\n  event_type: EntityChangeEvent_v1\n  event:\n    category: TAG\n    operation: ADD\n',
    );
    for (const filter of [fromObject, fromYaml]) {
      assert.ok(filter instanceof Filter);
      assert.deepEqual(
        events.map((event) => filter.matches(event)),
        [true, false, false],
      );
    }
    assert.ok(captured(() => Filter.fromDatahubActions('filter: [unclosed')) instanceof FilterError);
  });

  test('filterNdjson gives line indexes as numbers', () => {
    const ndjson = `${TAG_ADDED_TEXT}\n\n${JSON.stringify({ ...TAG_ADDED, operation: 'REMOVE' })}\nnope\n${TAG_ADDED_TEXT}\n`;
    const filter = new Filter({ kind: 'tag.added' });
    const found = filter.filterNdjson(ndjson);
    assert.ok(Array.isArray(found));
    assert.deepEqual(found, [0, 4]);
    assert.deepEqual(filter.filterNdjson(new TextEncoder().encode(ndjson)), [0, 4]);
    assert.deepEqual(filter.filterNdjson(ndjson, new Parser({ maxEventBytes: 100 })), []);
    assert.throws(() => filter.filterNdjson(ndjson, {}), TypeError);
  });
});

describe('webhooks', () => {
  test('the validation request is recognised, bare or wrapped, never an error', () => {
    for (const body of [
      VALIDATION_BODY,
      new TextEncoder().encode(VALIDATION_BODY),
      JSON.parse(VALIDATION_BODY),
      lambdaRequest(VALIDATION_BODY),
    ]) {
      assert.equal(isValidationRequest(body), true);
    }
    assert.equal(isValidationRequest(TAG_ADDED_TEXT), false);
    assert.equal(isValidationRequest('not json'), false);
    assert.deepEqual(unwrap(lambdaRequest(VALIDATION_BODY)), {
      kind: 'webhook.validation',
      source: 'atlan',
      message: 'Hello, humans of data! It worked. Excited to see what you build!',
    });
  });

  test('a Lambda-wrapped signed request: verify, then unwrap', () => {
    const request = lambdaRequest(JSON.stringify(ATLAN_ENVELOPE), { 'X-Atlan-Signing-Secret': SECRET });
    const headers = lambdaHeaders(request);
    assert.ok(headers.some(([name, value]) => name === 'X-Atlan-Signing-Secret' && value === SECRET));
    assert.equal(verifySignature(headers, SECRET), true);
    assert.equal(verifySignature(lambdaHeaders(JSON.stringify(request)), SECRET), true);
    const event = unwrap(JSON.stringify(request));
    assert.equal(event.kind, 'tag.added');
    assert.deepEqual(event.native.envelope, ['aws-lambda', 'atlan-envelope']);
  });

  test('a wrong, empty or missing secret does not verify', () => {
    const headers = { 'x-atlan-signing-secret': SECRET };
    assert.equal(verifySignature(headers, 'wrong'), false);
    assert.equal(verifySignature(headers, `${SECRET}x`), false);
    assert.equal(verifySignature(headers, ''), false);
    assert.equal(verifySignature({ 'content-type': 'text/plain' }, SECRET), false);
    assert.equal(verifySignature({}, SECRET), false);
    assert.equal(verifySignature(null, SECRET), false);
    assert.throws(() => verifySignature(headers, undefined), TypeError);
  });

  test('headers as Node, fetch and pairs give them, names in any case', () => {
    assert.equal(verifySignature({ 'X-ATLAN-SIGNING-SECRET': SECRET, host: 'x' }, SECRET), true);
    assert.equal(verifySignature({ 'x-atlan-signing-secret': [SECRET] }, SECRET), true);
    assert.equal(verifySignature(new Headers({ 'X-Atlan-Signing-Secret': SECRET }), SECRET), true);
    assert.equal(verifySignature(new Map([['x-atlan-signing-secret', SECRET]]), SECRET), true);
    assert.equal(
      verifySignature(
        [
          ['content-type', 'a'],
          ['X-Atlan-Signing-Secret', SECRET],
        ],
        SECRET,
      ),
      true,
    );
    assert.equal(verifySignature([['X-Atlan-Signing-Secret', 'other']], SECRET), false);
  });
});

describe('OpenMetadata webhooks', () => {
  // The exact body of OpenMetadata's UI fixture event and its X-OM-Signature for the secret
  // `webhookTest` (base64 HMAC-SHA256, OpenMetadata's CommonUtil.calculateHMAC).
  const vector = (name) => readFileSync(new URL(`../../tests/vectors/events/${name}.input.json`, import.meta.url));
  const body = vector('openmetadata-signed-body-compact');
  const signature = 'sha256=shcy8ntl0eGzoKQDJETqj17LyA/tYwxzxCplS6WYBhc=';
  const testMessage = {
    message: 'This is a test message from OpenMetadata to confirm your webhook destination is configured correctly.',
  };

  test('X-OM-Signature verifies the raw body, as text or bytes, headers in any form', () => {
    assert.equal(openmetadataSignature(body, 'webhookTest'), signature);
    assert.equal(openmetadataSignature(body.toString('utf8'), 'webhookTest'), signature);
    for (const headers of [
      { 'X-OM-Signature': signature },
      { 'x-om-signature': [signature] },
      new Headers({ 'X-OM-Signature': signature }),
      [['x-om-signature', signature]],
    ]) {
      assert.equal(verifyOpenMetadataSignature(headers, body, 'webhookTest'), true);
      assert.equal(verifyOpenMetadataSignature(headers, body.toString('utf8'), 'webhookTest'), true);
    }
  });

  test('a wrong secret, other bytes or another header do not verify', () => {
    const headers = { 'X-OM-Signature': signature };
    assert.equal(verifyOpenMetadataSignature(headers, body, 'webhookTest2'), false);
    assert.equal(verifyOpenMetadataSignature(headers, body, ''), false);
    assert.equal(verifyOpenMetadataSignature(headers, `${body.toString('utf8')} `, 'webhookTest'), false);
    assert.equal(verifyOpenMetadataSignature({ 'x-atlan-signing-secret': signature }, body, 'webhookTest'), false);
    assert.equal(verifyOpenMetadataSignature(null, body, 'webhookTest'), false);
    // The bytes are signed: a decoded object cannot be checked.
    assert.throws(() => verifyOpenMetadataSignature(headers, JSON.parse(body), 'webhookTest'), TypeError);
    assert.throws(() => verifyOpenMetadataSignature(headers, body, undefined), TypeError);
  });

  test('the test message is recognised, never an error', () => {
    for (const input of [testMessage, JSON.stringify(testMessage), testMessage.message]) {
      assert.equal(isValidationRequest(input), true);
      assert.deepEqual(parse(input), {
        kind: 'webhook.validation',
        source: 'openmetadata',
        message: testMessage.message,
      });
    }
  });

  test('a ChangeEvent of several changes is several events: parseMany', () => {
    const changeEvent = vector('openmetadata-fan-out-several-changes');
    assert.throws(
      () => parse(changeEvent),
      (error) => error.kind === 'not_single',
    );
    const events = parseMany(changeEvent);
    assert.deepEqual(
      events.map((event) => event.kind),
      ['tag.added', 'term.added', 'owner.added', 'documentation.modified', 'entity.updated'],
    );
    assert.equal(new Set(events.map((event) => event.id)).size, events.length);
    assert.deepEqual(events[0].native.fields, ['tags']);
    assert.equal(events[0].native.part, 'tag.added:fieldsAdded[0]');
    assert.ok(events.every((event) => event.source === 'openmetadata'));
  });
});

describe('catalog, schema, validation', () => {
  test('catalog() is the core catalog, fresh each call', () => {
    const first = catalog();
    assertPlainJson(first);
    assert.ok(first.entries.length > 30);
    assert.ok(first.kinds.some((kind) => kind.kind === 'tag.added' && kind.family === 'tag'));
    first.entries.length = 0;
    assert.ok(catalog().entries.length > 30);
  });

  test('eventSchema() is a JSON Schema', () => {
    const schema = eventSchema();
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.ok(schema.properties.kind.enum.includes('tag.added'));
  });

  test('validate() lists issues, for parsed events and copies alike', () => {
    const event = parse(TAG_ADDED_TEXT);
    const issues = validate(event);
    assert.ok(Array.isArray(issues));
    assert.deepEqual(validate(JSON.parse(JSON.stringify(event))), issues);
    const odd = parse({ ...TAG_ADDED, parameters: { tagUrn: 'urn:li:tag:PII', surprise: 1 } });
    assert.ok(validate(odd).some((issue) => issue.code === 'extra_parameter' && issue.severity === 'warning'));
    assert.deepEqual(validate(parse(VALIDATION_BODY)), []);
  });

  test('version() is the package version', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    assert.equal(version(), manifest.version);
  });
});
