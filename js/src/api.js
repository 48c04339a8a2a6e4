// metaevents for JavaScript: the public API over the WebAssembly build of the Rust core.
//
// Thin by design. Every answer comes from the core; this file only converts:
// - inputs to parse: a string goes in as text, a Uint8Array (or ArrayBuffer, or any typed
//   array) as bytes, a plain object as its JSON.stringify; options, filter specs, configs and
//   headers go in as they are (the core reads them with serde-wasm-bindgen);
// - events: the core writes them as their contract JSON (all but raw) and this file
//   JSON.parses it (the fastest way across for many events), so events are plain objects: maps
//   as objects, null for absent, numbers (no BigInt), exactly the JSON the CLI and the Rust and
//   Python APIs give, with `raw` parsed from the core event on first access (see `adopt`);
//   everything else arrives as plain objects already;
// - errors: the core throws the plain object of its error info {kind, category, class, message,
//   display, line, column, path}; it leaves as the MetaeventsError subclass named by `class`.
//
// Filter.matches and validate need the core's own event. Each event this package returns keeps
// a handle to it in a WeakMap (freed with the object), so they see the very event the core
// produced. A plain object from elsewhere (an event loaded from storage, a copy) is read back
// from its JSON by the core (Event::from_json): exactly the event it describes.

import { state } from './binding.js';

const VALIDATION_KIND = 'webhook.validation';
const INTERNAL = Symbol('metaevents.internal');

function core() {
  if (state.wasm === null) {
    throw new Error(
      'metaevents: the WebAssembly module is not loaded: call `await init()` (from "metaevents/web") first',
    );
  }
  return state.wasm;
}

// ---------------------------------------------------------------------------------------------
// Errors

/**
 * An error of the core: `kind` is its stable name (`"invalid_field"`), `line` the 1-based line
 * of the record in its input, `column` the column of a JSON syntax error, `path` the JSON path
 * of the faulty value (`$.entityUrn`) or, for filters, the place in the filter
 * (`filter.any[1].kind`). Each is `null` when unknown.
 */
export class MetaeventsError extends Error {
  constructor(message, { kind = 'unknown', line = null, column = null, path = null, cause } = {}) {
    super(message, cause === undefined ? undefined : { cause });
    this.kind = kind;
    this.line = line;
    this.column = column;
    this.path = path;
  }
}

/** Not an event at all: JSON syntax, encoding, duplicate keys, numbers out of range, no or several events, I/O. */
export class ParseError extends MetaeventsError {}
/** JSON that is not a known event, or a known event with a required field missing or wrong. */
export class InvalidEventError extends MetaeventsError {}
/** Content to decode first (base64, gzip, JSON in a string) that could not be, or an incomplete split message. */
export class DecodeError extends MetaeventsError {}
/** An event past a limit of the parser: too deep, too large, too many in one array. */
export class LimitError extends MetaeventsError {}
/** A filter (or datahub-actions config) that does not compile. */
export class FilterError extends MetaeventsError {}

for (const type of [MetaeventsError, ParseError, InvalidEventError, DecodeError, LimitError, FilterError]) {
  // Survives minifiers that rename classes.
  Object.defineProperty(type.prototype, 'name', { value: type.name, writable: true, configurable: true });
}

/** The classes by name: the core says which one each of its errors is (`info.class`). */
const CLASSES = { MetaeventsError, ParseError, InvalidEventError, DecodeError, LimitError, FilterError };

function toError(info) {
  const type = CLASSES[info.class] ?? MetaeventsError;
  return new type(info.display, info);
}

/** The error to throw for what a wasm call threw: a MetaeventsError for the core's errors. */
function converted(error) {
  const ours =
    error !== null && typeof error === 'object' && !(error instanceof Error) && typeof error.class === 'string';
  return ours ? toError(error) : error;
}

function call(run) {
  try {
    return run();
  } catch (error) {
    const thrown = converted(error);
    // The stack starts where the package was called, not in the conversion.
    if (thrown !== error && typeof Error.captureStackTrace === 'function') Error.captureStackTrace(thrown, call);
    throw thrown;
  }
}

// ---------------------------------------------------------------------------------------------
// Inputs and outputs

function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? `a ${value.constructor?.name ?? 'object'}` : `a ${typeof value}`;
}

/** Calls `text` with a string or `bytes` with a Uint8Array, whichever the input is. */
function dispatch(input, what, text, bytes) {
  if (typeof input === 'string') return text(input);
  if (input instanceof Uint8Array) return bytes(input);
  if (input instanceof ArrayBuffer) return bytes(new Uint8Array(input));
  if (ArrayBuffer.isView(input)) return bytes(new Uint8Array(input.buffer, input.byteOffset, input.byteLength));
  if (typeof input === 'object' && input !== null) return text(JSON.stringify(input));
  throw new TypeError(`${what}: expected a string, a Uint8Array or a plain object, not ${describe(input)}`);
}

/** The core event behind each plain event object this package returned. */
const handles = new WeakMap();

function take(output) {
  try {
    return [output.takeJson(), output.takeEvents()];
  } finally {
    output.free();
  }
}

// `raw` is the whole input again: writing it into the JSON, decoding and parsing it took most of
// a parse's time. The core leaves it out and each event gets `raw` as an own enumerable
// accessor, last like in the contract JSON, that parses the core event's raw text on first
// access and then becomes a plain data property. The id likewise: hashing every event (SHA-256,
// in software in WebAssembly) took a quarter of a parse, so the core writes `"id": null` in its
// place until it is asked for, and the accessor takes that place. JSON.stringify, spreads,
// structuredClone and deepEqual read both like any other property, in the contract's order.

const DATA = { value: undefined, writable: true, enumerable: true, configurable: true };

/** Makes `name` of `event` a plain data property holding `value`. */
function settle(event, name, value) {
  DATA.value = value;
  Object.defineProperty(event, name, DATA);
  DATA.value = undefined;
}

/** An accessor that reads `name` from the event's core event (`read(handle)`) on first access. */
function lazyProperty(name, read) {
  // The value of a frozen or sealed event, whose accessor cannot become a data property.
  const frozen = new WeakMap();
  return {
    get() {
      if (frozen.has(this)) return frozen.get(this);
      const handle = handles.get(this);
      const value = handle === undefined ? null : read(handle);
      if (Object.isExtensible(this) || Object.getOwnPropertyDescriptor(this, name)?.configurable) {
        settle(this, name, value);
      } else {
        frozen.set(this, value);
      }
      return value;
    },
    set(value) {
      settle(this, name, value);
    },
    enumerable: true,
    configurable: true,
  };
}

const LAZY_RAW = lazyProperty('raw', (handle) => JSON.parse(handle.rawJson()));
const LAZY_ID = lazyProperty('id', (handle) => handle.id());

/** Keeps `handle` beside `event` and gives it its lazy `raw` (and `id`, when left for later). */
function adopt(event, handle) {
  handles.set(event, handle);
  if (event.id === null) Object.defineProperty(event, 'id', LAZY_ID);
  Object.defineProperty(event, 'raw', LAZY_RAW);
}

function adoptOne(output) {
  const [json, events] = take(output);
  const value = JSON.parse(json);
  if (events.length > 0) adopt(value, events[0]);
  return value;
}

function adoptMany(output) {
  const [json, events] = take(output);
  const list = JSON.parse(json);
  for (let index = 0; index < list.length; index += 1) adopt(list[index], events[index]);
  return list;
}

function adoptRecords(output) {
  const [json, events] = take(output);
  const list = JSON.parse(json);
  let next = 0;
  for (const record of list) {
    if (record.error !== undefined) {
      record.error = toError(record.error);
    } else if (record.event.kind !== VALIDATION_KIND) {
      adopt(record.event, events[next]);
      next += 1;
    }
  }
  return list;
}

/** The contract JSON of an event object, for objects without a handle. */
function eventText(event, what) {
  if (event === null || typeof event !== 'object' || Array.isArray(event)) {
    throw new TypeError(`${what}: expected an event object, not ${describe(event)}`);
  }
  return JSON.stringify(event);
}

/** `value`, when it is an object or text (JSON, or YAML where the core reads it). */
/**
 * Checks that a spec or config is an object (or a Map) or its JSON text. Objects cross as they
 * are (serde-wasm-bindgen): `undefined` counts as `null`, as in the core's JSON; a value JSON
 * cannot hold (a Symbol, a function) is an error at its path.
 */
function objectOrText(value, what) {
  if (typeof value !== 'string' && (value === null || typeof value !== 'object')) {
    throw new TypeError(`${what}: expected an object or its JSON text, not ${describe(value)}`);
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// Parsing

const cores = new WeakMap();

/** The core parser of an options object (which the core checks). */
function coreParser(options) {
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`Parser: expected an options object, not ${describe(options)}`);
  }
  return call(() => new (core().Parser)(options));
}

/**
 * Reads events with fixed options: a forced input format (detected when null), the limits
 * `maxEventBytes`, `maxDepth`, `maxEventsPerArray` (the core's defaults when not given), and
 * `atlanTypedefs` (Atlan's typedefs JSON, or an `{id: name}` object, naming its hashed ids). Each
 * limit and the format can be read and set.
 */
export class Parser {
  #atlanTypedefs = null;

  constructor(options = {}) {
    const typedefs = options?.atlanTypedefs;
    const given =
      typedefs === undefined || typedefs === null
        ? options
        : { ...options, atlanTypedefs: objectOrText(typedefs, 'Parser: atlanTypedefs') };
    cores.set(this, coreParser(given));
    this.#atlanTypedefs = given?.atlanTypedefs ?? null;
  }

  /** The options in use, defaults filled in. */
  get options() {
    const parser = cores.get(this);
    return {
      format: parser.format ?? null,
      maxEventBytes: parser.maxEventBytes,
      maxDepth: parser.maxDepth,
      maxEventsPerArray: parser.maxEventsPerArray,
      atlanTypedefs: this.#atlanTypedefs,
    };
  }

  #set(change) {
    const next = coreParser({ ...this.options, ...change });
    cores.get(this).free();
    cores.set(this, next);
  }

  get format() {
    return cores.get(this).format ?? null;
  }

  set format(value) {
    this.#set({ format: value });
  }

  get maxEventBytes() {
    return cores.get(this).maxEventBytes;
  }

  set maxEventBytes(value) {
    this.#set({ maxEventBytes: value });
  }

  get maxDepth() {
    return cores.get(this).maxDepth;
  }

  set maxDepth(value) {
    this.#set({ maxDepth: value });
  }

  get maxEventsPerArray() {
    return cores.get(this).maxEventsPerArray;
  }

  set maxEventsPerArray(value) {
    this.#set({ maxEventsPerArray: value });
  }

  /** The one event (or Atlan validation request) of `input`. */
  parse(input) {
    const parser = cores.get(this);
    return adoptOne(
      dispatch(
        input,
        'parse',
        (text) => call(() => parser.parseStr(text)),
        (bytes) => call(() => parser.parseBytes(bytes)),
      ),
    );
  }

  /** Every event of `input`; validation requests are skipped, the first bad record throws. */
  parseMany(input) {
    const parser = cores.get(this);
    return adoptMany(
      dispatch(
        input,
        'parseMany',
        (text) => call(() => parser.parseManyStr(text)),
        (bytes) => call(() => parser.parseManyBytes(bytes)),
      ),
    );
  }

  /**
   * The events of `input` (NDJSON, JSON arrays, poll responses; gzip too) as the bytes of an
   * Arrow IPC stream, which `tableFromIPC` of `apache-arrow` reads: one column per key of the
   * event (`metaevents catalog --format arrow-schema`), in batches of `batchSize` rows. Options:
   * `raw` (default `true`: the `raw` column), `batchSize` (default 65536), `filter` (a `Filter`
   * or a filter spec: only the events that pass), `onError` (called with the `MetaeventsError`
   * of each bad record; without it, bad records are skipped: they never stop the table). The
   * core checks `raw`, `batchSize` and `filter` (an unknown or mistyped key is an
   * `invalid_option` error naming it).
   */
  toArrow(input, options = {}) {
    if (options === null || typeof options !== 'object') {
      throw new TypeError(`toArrow: expected an options object, not ${describe(options)}`);
    }
    const { onError, parser: _parser, filter, ...rest } = options;
    if (onError != null && typeof onError !== 'function') {
      throw new TypeError(`toArrow: onError must be a function, not ${describe(onError)}`);
    }
    const arrowOptions = { ...rest };
    if (filter instanceof Filter) arrowOptions.filter = filter.spec;
    else if (filter != null) arrowOptions.filter = objectOrText(filter, 'toArrow');
    const parser = cores.get(this);
    const bytes = dispatch(
      input,
      'toArrow',
      (text) => new TextEncoder().encode(text),
      (data) => data,
    );
    const output = call(() => parser.toArrowBytes(bytes, arrowOptions));
    try {
      const stream = output.takeBytes();
      const failures = output.takeErrors();
      if (onError != null) for (const failure of failures) onError(toError(failure));
      return stream;
    } finally {
      output.free();
    }
  }

  /**
   * The one event an HTTP request delivered, from its headers (a plain object, a fetch
   * `Headers`, a `Map` or `[name, value]` pairs) and body: a CloudEvent in binary mode (`ce-*`
   * headers, the body its data) or structured mode (`Content-Type: application/cloudevents+json`),
   * or any event as the body.
   */
  parseHttp(headers, body) {
    const parser = cores.get(this);
    const pairs = headerPairs(headers, 'parseHttp');
    return adoptOne(
      dispatch(
        body,
        'parseHttp',
        (text) => call(() => parser.parseHttpStr(pairs, text)),
        (bytes) => call(() => parser.parseHttpBytes(pairs, bytes)),
      ),
    );
  }

  /** Every record of `input` in order, bad ones included: `{line, event}` or `{line, error}`. */
  parseRecords(input) {
    const parser = cores.get(this);
    return adoptRecords(
      dispatch(
        input,
        'parseRecords',
        (text) => parser.recordsStr(text),
        (bytes) => parser.recordsBytes(bytes),
      ),
    );
  }
}

let defaultParser = null;

function theDefaultParser() {
  defaultParser ??= new Parser();
  return defaultParser;
}

/** The one event (or Atlan validation request) of `input`, with the default parser. */
export function parse(input) {
  return theDefaultParser().parse(input);
}

/** Every event of `input` with the default parser; validation requests skipped. */
export function parseMany(input) {
  return theDefaultParser().parseMany(input);
}

/** The one event an HTTP request delivered (a CloudEvent in binary or structured mode, or any event as the body), with the default parser. */
export function parseHttp(headers, body) {
  return theDefaultParser().parseHttp(headers, body);
}

/** Every record of `input` with the default parser, errors included. */
export function parseRecords(input) {
  return theDefaultParser().parseRecords(input);
}

/** The events of `input` as an Arrow IPC stream (see `Parser.toArrow`); `options.parser` sets the format and limits. */
export function toArrow(input, options = {}) {
  const parser = options?.parser ?? theDefaultParser();
  if (!(parser instanceof Parser)) throw new TypeError(`toArrow: parser must be a Parser, not ${describe(parser)}`);
  return parser.toArrow(input, options);
}

// ---------------------------------------------------------------------------------------------
// Filters

/**
 * A compiled filter: `new Filter({kind: "tag.added", "entity.platform": "snowflake"})` (an
 * object or its JSON text), or `Filter.fromDatahubActions(config)`.
 */
export class Filter {
  #core;

  constructor(spec, internal) {
    if (internal === INTERNAL) {
      this.#core = spec;
      return;
    }
    const data = objectOrText(spec, 'Filter');
    this.#core = call(() => new (core().Filter)(data));
  }

  /**
   * A datahub-actions config (a whole action config, its `filter:` block or its `filters:`
   * list): an object, or its YAML (or JSON) text. Matches exactly as datahub-actions does.
   */
  static fromDatahubActions(config) {
    const data = objectOrText(config, 'Filter.fromDatahubActions');
    return new Filter(
      call(() => core().Filter.fromDatahubActions(data)),
      INTERNAL,
    );
  }

  /** The spec it was compiled from. */
  get spec() {
    return this.#core.spec;
  }

  toJSON() {
    return this.spec;
  }

  /** Whether `event` (one this package returned, or any event object in the contract JSON shape, `raw` included) passes. */
  matches(event) {
    const handle = handles.get(event);
    if (handle !== undefined) return this.#core.matchesEvent(handle);
    if (event !== null && typeof event === 'object' && event.kind === VALIDATION_KIND) return false;
    const text = eventText(event, 'Filter.matches');
    return call(() => this.#core.matchesJson(text));
  }

  /**
   * The 0-based indexes of the NDJSON lines of `data` whose event passes, parsing only the
   * lines that hold the filter's required literals. A `parser` sets the format and limits.
   */
  filterNdjson(data, parser = theDefaultParser()) {
    const parserCore = cores.get(parser);
    if (parserCore === undefined) throw new TypeError(`filterNdjson: expected a Parser, not ${describe(parser)}`);
    const found = dispatch(
      data,
      'filterNdjson',
      (text) => this.#core.filterNdjsonStr(parserCore, text),
      (bytes) => this.#core.filterNdjsonBytes(parserCore, bytes),
    );
    return Array.from(found);
  }
}

// ---------------------------------------------------------------------------------------------
// Webhooks

/**
 * Whether `body` is a webhook's test request: Atlan's validation request or OpenMetadata's test
 * message (bare or in a Lambda/EventBridge wrapper).
 */
export function isValidationRequest(body) {
  const wasm = core();
  return dispatch(
    body,
    'isValidationRequest',
    (text) => wasm.isValidationRequestStr(text),
    (bytes) => wasm.isValidationRequestBytes(bytes),
  );
}

function headerPairs(headers, what) {
  if (headers === null || headers === undefined) return [];
  if (Array.isArray(headers)) return headers;
  if (typeof headers.entries === 'function') return Array.from(headers.entries());
  if (typeof headers !== 'object') {
    throw new TypeError(`${what}: expected headers (an object, a Headers or pairs), not ${describe(headers)}`);
  }
  const pairs = [];
  for (const [name, value] of Object.entries(headers)) {
    if (Array.isArray(value)) {
      for (const item of value) pairs.push([name, String(item)]);
    } else if (value !== null && value !== undefined) {
      pairs.push([name, String(value)]);
    }
  }
  return pairs;
}

/**
 * Whether `headers` (a plain object as Node gives them, a fetch `Headers`, a `Map` or
 * `[name, value]` pairs) carry `x-atlan-signing-secret` equal to `secret`. Names match
 * case-insensitively; the values are compared in constant time.
 */
export function verifySignature(headers, secret) {
  if (typeof secret !== 'string')
    throw new TypeError(`verifySignature: secret must be a string, not ${describe(secret)}`);
  return core().verifySignature(headerPairs(headers, 'verifySignature'), secret);
}

/** The raw bytes of a request body: text (its UTF-8) or bytes. The bytes are signed, not the JSON they hold. */
function bodyBytes(body, what) {
  if (typeof body === 'string') return new TextEncoder().encode(body);
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  throw new TypeError(`${what}: body must be the request body as a string or bytes, not ${describe(body)}`);
}

/**
 * Whether `headers` carry an `X-OM-Signature` that signs `body` (the raw request body, a string or
 * bytes) with `secret`, as OpenMetadata signs webhooks: `sha256=` and base64 of HMAC-SHA256. Names
 * match case-insensitively; the signature is compared in constant time.
 */
export function verifyOpenMetadataSignature(headers, body, secret) {
  if (typeof secret !== 'string')
    throw new TypeError(`verifyOpenMetadataSignature: secret must be a string, not ${describe(secret)}`);
  const pairs = headerPairs(headers, 'verifyOpenMetadataSignature');
  return core().verifyOpenMetadataSignature(pairs, bodyBytes(body, 'verifyOpenMetadataSignature'), secret);
}

/** The `X-OM-Signature` value OpenMetadata sends with `body` for the webhook secret `secret`. */
export function openmetadataSignature(body, secret) {
  if (typeof secret !== 'string')
    throw new TypeError(`openmetadataSignature: secret must be a string, not ${describe(secret)}`);
  return core().openmetadataSignature(bodyBytes(body, 'openmetadataSignature'), secret);
}

/** The `[name, value]` headers of an AWS Lambda function URL / API Gateway request. */
export function lambdaHeaders(request) {
  return core().lambdaHeaders(objectOrText(request, 'lambdaHeaders'));
}

/**
 * The event a webhook delivered, bare or wrapped by Lambda, API Gateway or EventBridge (= `parse`).
 * An OpenMetadata ChangeEvent of several changes is several events: read it with `parseMany`.
 */
export function unwrap(body) {
  return parse(body);
}

// ---------------------------------------------------------------------------------------------
// CloudEvents

/**
 * `event` as a CloudEvents 1.0 structured-mode object: `specversion` "1.0", `id` the event id,
 * `source` (the catalog, `/metaevents/datahub`, `/metaevents/atlan`, `/metaevents/atlas` or
 * `/metaevents/openmetadata`, unless `options.source` names the instance, e.g.
 * `https://datahub.example.com`), `type` `io.metaevents.<kind>`, `subject` the entity id, `time` (RFC 3339), `datacontenttype`, the
 * extensions `catalogsource`, `entitytype`, `platform`, and `data` the event (with `raw` unless
 * `options.raw` is false).
 * `JSON.stringify` it for an `application/cloudevents+json` body; `parse` reads it back.
 */
export function toCloudEvent(event, options = {}) {
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`toCloudEvent: expected an options object, not ${describe(options)}`);
  }
  const { source = null, raw = true } = options;
  if (source !== null && typeof source !== 'string') {
    throw new TypeError(`toCloudEvent: source must be a URI-reference string, not ${describe(source)}`);
  }
  if (typeof raw !== 'boolean') throw new TypeError(`toCloudEvent: raw must be a boolean, not ${describe(raw)}`);
  const handle = handles.get(event);
  const json =
    handle !== undefined
      ? call(() => handle.cloudEventJson(source ?? undefined, raw))
      : call(() => core().cloudEventJson(eventText(event, 'toCloudEvent'), source ?? undefined, raw));
  return JSON.parse(json);
}

// ---------------------------------------------------------------------------------------------
// Catalog, schema, validation

/** The catalog: `{sources, entries, kinds}`, every known event of every platform with its typed parameters. */
export function catalog() {
  return core().catalog();
}

/** The JSON Schema (draft 2020-12) of the normalized event. */
export function eventSchema() {
  return core().eventSchema();
}

/** Every error kind of the core: `[{kind, category, class, description}]`, `class` naming the error class thrown for it. */
export function errorKinds() {
  return core().errorKinds();
}

/** Every input format a `Parser` can be forced to: `[{name, description}]`. */
export function inputFormats() {
  return core().inputFormats();
}

/** Everything wrong with `event` by the catalog's rules, errors first: `[{severity, code, path, message}]`. */
export function validate(event) {
  const handle = handles.get(event);
  if (handle !== undefined) return handle.validate();
  if (event !== null && typeof event === 'object' && event.kind === VALIDATION_KIND) return [];
  const text = eventText(event, 'validate');
  return call(() => core().validateJson(text));
}

/** The version of the core (and of this package). */
export function version() {
  return core().version();
}
