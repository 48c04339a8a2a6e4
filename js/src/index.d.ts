// Types of the metaevents package. The per-kind part (kinds, families, `details` of each kind)
// is generated from the core catalog into events.d.ts.

import type { EventDetailsByKind, EventFamily, EventKind, EventSourcesByKind, Source } from './events.js';

export type * from './events.js';

/** The outermost shape of an input, to force instead of detecting it (`Parser({format})`), and the names in `native.envelope`. */
export type InputFormat =
  | 'datahub-ece'
  | 'datahub-rce'
  | 'datahub-mcl'
  | 'datahub-platform-event'
  | 'datahub-poll-response'
  | 'datahub-actions-envelope'
  | 'atlan-envelope'
  | 'atlan-message'
  | 'atlan-notification'
  | 'atlas-envelope'
  | 'atlas-notification'
  | 'aws-lambda'
  | 'aws-eventbridge'
  | 'openmetadata-change-event'
  | 'openmetadata-event-list'
  | 'kafka-avro'
  | 'cloudevent';

/** The shape of the innermost platform event (`native.format`). */
export type NativeFormat =
  | 'entity-change-event'
  | 'relationship-change-event'
  | 'metadata-change-log'
  | 'platform-event'
  | 'actions-event'
  | 'atlan-notification'
  | 'atlas-notification'
  | 'openmetadata-change-event';

/** What told an Atlan notification from an Apache Atlas one (`native.evidence`). */
export type Evidence =
  | 'mutatedDetails'
  | 'headers'
  | 'atlan-qualified-name'
  | 'service-type-name'
  | 'cluster-qualified-name'
  | 'url-qualified-name'
  | 'classification-without-mutatedDetails'
  | 'envelope-without-spooled'
  | 'atlan-type-name'
  | 'default'
  | 'forced';

/** The asset (or relationship end) an event is about. */
export interface Entity {
  /** DataHub `entityUrn`; Atlan and Atlas `entity.guid`; `null` only for an unknown event naming no entity. */
  id: string | null;
  /** Native type: DataHub `entityType` (`dataset`), Atlan and Atlas `typeName` (`Table`, `hive_table`); `null` only for an unknown event naming no entity. */
  type: string | null;
  /** Atlan `attributes.name`; DataHub: the name part of the urn where it has one. */
  name: string | null;
  /** Atlan `attributes.qualifiedName`; DataHub dataset: the urn's dataset name. */
  qualifiedName: string | null;
  /** Lowercase platform (`snowflake`). */
  platform: string | null;
  /** A schema field's dataset urn, a data job's flow urn, Atlan's parent qualified name, Atlas's where its qualified name says it. */
  parent: string | null;
  /** Field path of field-level events. */
  fieldPath: string | null;
}

/** The original discriminators of an event and the envelopes it arrived in. */
export interface Native {
  format: NativeFormat;
  /** DataHub ECE `category`, exactly as sent. */
  category?: string;
  /** DataHub ECE / RCE `operation`. */
  operation?: string;
  /** Atlan and Atlas `message.operationType`. */
  operationType?: string;
  /** Atlan and Atlas `message.type`. */
  type?: string;
  /** Atlan and Atlas notifications: what told the two apart. */
  evidence?: Evidence;
  /** DataHub `PlatformEvent.name` for payloads of unknown shape. */
  name?: string;
  /** datahub-actions `event_type` for event types other than the change events; OpenMetadata `eventType`. */
  eventType?: string;
  /** DataHub Relationship Change Event `relationshipType` (`DownstreamOf`, `OwnedBy`, ...). */
  relationshipType?: string;
  /** DataHub MetadataChangeLog `changeType` (`UPSERT`, `DELETE`, ...). */
  changeType?: string;
  /** DataHub MetadataChangeLog `aspectName` (`globalTags`, ...). */
  aspectName?: string;
  /** OpenMetadata: the names of the `FieldChange`s the event was made from (`columns.email.tags`). */
  fields?: string[];
  /** OpenMetadata: which part of its `ChangeEvent` the event is (`tag.added:fieldsAdded[0]`), hashed into its id. */
  part?: string;
  /** The envelopes around the event, outermost first (empty for a bare event). */
  envelope: InputFormat[];
  /** The schema registry id of the Kafka record the event came in (`kafka-avro`). */
  schemaId?: number;
}

/** One normalized event of kind `K`: the contract JSON of the core. */
export interface EventOf<K extends EventKind> {
  /** Deterministic id: 32 lowercase hex characters (the same event through any envelope, the same id). */
  id: string;
  source: EventSourcesByKind[K];
  kind: K;
  /** Epoch milliseconds. */
  time: number | null;
  /** Who made the change: DataHub `auditStamp.actor`, Atlan `updatedBy`. */
  actor: string | null;
  entity: Entity;
  /** What was added, removed or changed (tag, term, owner, domain, field urns; Atlan tag ids; Atlas classification names). */
  subjects: string[];
  /** Kind-specific typed fields. */
  details: EventDetailsByKind[K];
  native: Native;
  /** The innermost platform event exactly as received. */
  raw: Record<string, unknown>;
}

/** A normalized event: a union discriminated by `kind` (narrow on it to type `details`). */
export type Event = { [K in EventKind]: EventOf<K> }[EventKind];

/** A webhook's test request (Atlan's validation request, OpenMetadata's test message): recognised as such, never an error. */
export interface ValidationRequest {
  kind: 'webhook.validation';
  source: 'atlan' | 'openmetadata';
  /** Its text: Atlan's `atlan-webhook` member, OpenMetadata's `message` (or whole body). */
  message: string;
}

/** What one input record turned out to be. */
export type Parsed = Event | ValidationRequest;

/** An input: JSON text, its bytes (gzip too), or an already decoded JSON value. */
export type Input = string | Uint8Array | ArrayBuffer | ArrayBufferView | object;

/** One record of `parseRecords`: what it parsed to, or why it did not, with its 1-based line. */
export type ParseRecord =
  | { line: number; event: Parsed; error?: undefined }
  | { line: number | null; error: MetaeventsError; event?: undefined };

/** The stable names of the core's errors. */
export type ErrorKind =
  | 'syntax'
  | 'encoding'
  | 'too_deep'
  | 'too_large'
  | 'too_many'
  | 'duplicate_key'
  | 'number_out_of_range'
  | 'unrecognized'
  | 'invalid_field'
  | 'decode'
  | 'incomplete_split'
  | 'empty'
  | 'not_single'
  | 'filter'
  | 'invalid_option'
  | 'io';

/** An error of the core, with where it happened. */
export class MetaeventsError extends Error {
  constructor(
    message: string,
    details?: { kind?: ErrorKind; line?: number | null; column?: number | null; path?: string | null; cause?: unknown },
  );
  /** The stable name of what went wrong. */
  kind: ErrorKind;
  /** 1-based line of the record in its input, when known. */
  line: number | null;
  /** 1-based column of a JSON syntax error, when known. */
  column: number | null;
  /** JSON path of the faulty value (`$.entityUrn`), or the place in a filter (`filter.any[1].kind`). */
  path: string | null;
}
/** Not an event at all: `syntax`, `encoding`, `duplicate_key`, `number_out_of_range`, `empty`, `not_single`, `io`. */
export class ParseError extends MetaeventsError {}
/** Not a known event, or one with a required field missing or wrong: `unrecognized`, `invalid_field`. */
export class InvalidEventError extends MetaeventsError {}
/** Content that could not be decoded: `decode`, `incomplete_split`. */
export class DecodeError extends MetaeventsError {}
/** Past a limit of the parser: `too_deep`, `too_large`, `too_many`. */
export class LimitError extends MetaeventsError {}
/** A filter that does not compile: `filter`. */
export class FilterError extends MetaeventsError {}

/** Options of a `Parser`; absent ones take the core's defaults. */
export interface ParserOptions {
  /** Force the outermost format instead of detecting it. */
  format?: InputFormat | null;
  /** Largest event in bytes (default 4 MiB). */
  maxEventBytes?: number;
  /** Deepest nesting inside one event (default 64, at most 512). */
  maxDepth?: number;
  /** Most events in one JSON array or poll response (default 1,000,000). */
  maxEventsPerArray?: number;
  /**
   * Atlan's typedefs (the JSON of `GET /api/meta/types/typedefs?type=CLASSIFICATION` and/or
   * `BUSINESS_METADATA`, a list of both, or an `{id: name}` object; or its JSON text): display
   * names are written beside Atlan's hashed tag and custom-metadata ids.
   */
  atlanTypedefs?: object | string | null;
}

/** Reads events with fixed options. */
export class Parser {
  constructor(options?: ParserOptions);
  /** The options in use, defaults filled in. */
  readonly options: Required<ParserOptions>;
  format: InputFormat | null;
  maxEventBytes: number;
  maxDepth: number;
  maxEventsPerArray: number;
  /** The one event (or validation request) of `input`. */
  parse(input: Input): Parsed;
  /** Every event of `input`; validation requests are skipped, the first bad record throws. */
  parseMany(input: Input): Event[];
  /** Every record of `input` in order, bad ones included. */
  parseRecords(input: Input): ParseRecord[];
  /** The events of `input` as the bytes of an Arrow IPC stream (`tableFromIPC` of `apache-arrow` reads it). */
  toArrow(input: Input, options?: ArrowOptions): Uint8Array;
  /** The one event an HTTP request delivered: a CloudEvent in binary or structured mode, or any event as the body. */
  parseHttp(headers: HeadersInput | null | undefined, body: Input): Parsed;
}

/** Options of `toArrow`. */
export interface ArrowOptions {
  /** Whether the `raw` column is there (default `true`). */
  raw?: boolean | null;
  /** Rows per batch (default 65536; the last batch may have fewer). */
  batchSize?: number | null;
  /** Only the events that pass this filter (a `Filter` or a spec). */
  filter?: Filter | FilterSpec | string | null;
  /** Called with the error of each bad record; without it, bad records are skipped. */
  onError?: ((error: MetaeventsError) => void) | null;
  /** The parser (format and limits) of the module-level `toArrow`; the default one otherwise. */
  parser?: Parser;
}

/** The one event (or Atlan validation request) of `input`, with the default parser. */
export function parse(input: Input): Parsed;
/** Every event of `input` with the default parser; validation requests are skipped, the first bad record throws. */
export function parseMany(input: Input): Event[];
/** Every record of `input` with the default parser, bad ones included. */
export function parseRecords(input: Input): ParseRecord[];
/**
 * The events of `input` (NDJSON, JSON arrays, poll responses; gzip too) as the bytes of an Arrow
 * IPC stream, which `tableFromIPC` of `apache-arrow` reads: one column per key of the event.
 */
export function toArrow(input: Input, options?: ArrowOptions): Uint8Array;
/**
 * The one event an HTTP request delivered, with the default parser: a CloudEvent in binary mode
 * (`ce-*` headers, the body its data) or structured mode (`Content-Type:
 * application/cloudevents+json`), or any event as the body.
 */
export function parseHttp(headers: HeadersInput | null | undefined, body: Input): Parsed;

/** Options of `toCloudEvent`. */
export interface CloudEventOptions {
  /** The `source` of every event, a URI-reference naming the catalog instance (`https://datahub.example.com`); default `/metaevents/datahub`, `/metaevents/atlan`, `/metaevents/atlas` or `/metaevents/openmetadata`. */
  source?: string | null;
  /** Whether `data` holds `raw` (default true; without it the event cannot be read back). */
  raw?: boolean;
}

/** A CloudEvents 1.0 event in structured mode, as `toCloudEvent` writes it. */
export interface CloudEvent<E extends Event = Event> {
  specversion: '1.0';
  /** The event id. */
  id: string;
  /** A URI-reference naming the catalog. */
  source: string;
  /** `io.metaevents.` + the kind. */
  type: `io.metaevents.${E['kind']}`;
  /** `entity.id`, absent when the event names no entity. */
  subject?: string;
  /** The event time, RFC 3339 in UTC; absent when the event has none. */
  time?: string;
  datacontenttype: 'application/json';
  /** Extension: the catalog (`datahub`, `atlan`). */
  catalogsource: Source;
  /** Extension: `entity.type`, absent when null. */
  entitytype?: string;
  /** Extension: `entity.platform`, absent when null. */
  platform?: string;
  /** The normalized event. */
  data: E;
}

/** `event` as a CloudEvents 1.0 structured-mode object (`JSON.stringify` it for an `application/cloudevents+json` body). */
export function toCloudEvent<E extends Event>(event: E, options?: CloudEventOptions): CloudEvent<E>;

/** A filter: `{PATH: MATCH, ...}`, `{any: [...]}`, `{all: [...]}`, `{not: ...}` (see the README). */
export type FilterSpec = { [path: string]: unknown };

/** A compiled filter. */
export class Filter {
  /** Compiles a filter (an object or its JSON text); a bad one throws a `FilterError` with the path of the fault. */
  constructor(spec: FilterSpec | string);
  /** Compiles a datahub-actions config (an object, or its YAML or JSON text). */
  static fromDatahubActions(config: object | string): Filter;
  /** The spec it was compiled from. */
  readonly spec: unknown;
  toJSON(): unknown;
  /** Whether `event` passes (a validation request never does). */
  matches(event: Parsed): boolean;
  /** The 0-based indexes of the NDJSON lines of `data` whose event passes. */
  filterNdjson(data: string | Uint8Array | ArrayBuffer | ArrayBufferView, parser?: Parser): number[];
}

/** Whether `body` is a webhook's test request (Atlan's validation request, OpenMetadata's test message). */
export function isValidationRequest(body: Input): boolean;

/** Request headers as Node, fetch or a list of pairs give them. */
export type HeadersInput =
  | Record<string, string | string[] | undefined>
  | Iterable<readonly [string, string]>
  | { entries(): Iterable<readonly [string, string]> };

/** Whether the headers carry `x-atlan-signing-secret` equal to `secret` (names case-insensitive, constant-time compare). */
export function verifySignature(headers: HeadersInput | null | undefined, secret: string): boolean;
/**
 * Whether the headers carry an `X-OM-Signature` that signs `body` (the raw request body) with
 * `secret`, as OpenMetadata signs webhooks (names case-insensitive, constant-time compare).
 */
export function verifyOpenMetadataSignature(
  headers: HeadersInput | null | undefined,
  body: string | Uint8Array | ArrayBuffer | ArrayBufferView,
  secret: string,
): boolean;
/** The `X-OM-Signature` value OpenMetadata sends with `body` for the webhook secret `secret`. */
export function openmetadataSignature(
  body: string | Uint8Array | ArrayBuffer | ArrayBufferView,
  secret: string,
): string;
/** The `[name, value]` headers of an AWS Lambda function URL / API Gateway request (object or JSON text). */
export function lambdaHeaders(request: object | string): [string, string][];
/** The event a webhook delivered, bare or wrapped by Lambda, API Gateway or EventBridge. */
export function unwrap(body: Input): Parsed;

/** A typed parameter of the catalog. */
export interface CatalogParam {
  name: string;
  type:
    | 'string'
    | 'urn'
    | 'integer'
    | 'boolean'
    | 'timestamp'
    | 'json'
    | 'urn_list'
    | 'string_list'
    | 'object'
    | 'object_list';
  required: boolean;
  origin: 'parameter' | 'field' | 'derived';
  description: string;
}

/** One catalog entry: a (platform, discriminators) → kind. */
export interface CatalogEntry {
  source: Source;
  kind: EventKind;
  discriminators: Record<string, unknown> & {
    format:
      | 'entity_change_event'
      | 'relationship_change_event'
      | 'atlan_notification'
      | 'atlas_notification'
      | 'openmetadata_change_event';
  };
  entityTypes: string[];
  params: CatalogParam[];
  subjects: string[];
  documented: boolean;
  description: string;
  notes: string;
}

/** The catalog of known events. */
export interface Catalog {
  entries: CatalogEntry[];
  /** Every platform. */
  sources: Source[];
  /** Each kind with its family, its parameters over every platform, and the platforms that emit it. */
  kinds: { kind: EventKind; family: EventFamily; params: CatalogParam[]; sources: Source[] }[];
}

/** The catalog built into this version. */
export function catalog(): Catalog;

/** One row of `errorKinds()`. */
export interface ErrorKindInfo {
  /** The stable name (`error.kind`). */
  kind: ErrorKind;
  /** Its group: `parse`, `invalid_event`, `decode`, `limit`, `filter`, `option`. */
  category: string;
  /** The name of the error class thrown for it. */
  class: 'MetaeventsError' | 'ParseError' | 'InvalidEventError' | 'DecodeError' | 'LimitError' | 'FilterError';
  /** What it means. */
  description: string;
}

/** Every error kind of the core, with the error class thrown for it. */
export function errorKinds(): ErrorKindInfo[];

/** One row of `inputFormats()`. */
export interface InputFormatInfo {
  /** The name to force it by (`Parser({format})`). */
  name: InputFormat;
  /** What it is. */
  description: string;
}

/** Every input format a `Parser` can be forced to. */
export function inputFormats(): InputFormatInfo[];
/** The JSON Schema (draft 2020-12) of the normalized event. */
export function eventSchema(): Record<string, unknown>;

/** One finding of `validate`. */
export interface Issue {
  severity: 'error' | 'warning';
  /** `unknown_kind`, `missing_parameter`, `wrong_type`, `extra_parameter`, `unexpected_entity_type`, `missing_actor`. */
  code: string;
  /** JSON path in the raw event (`$.parameters.attempt`) or in the normalized one (`details.tags`). */
  path: string;
  message: string;
}

/** Everything wrong with `event` by the catalog's rules, errors first. */
export function validate(event: Parsed): Issue[];

/** The version of the core (and of this package). */
export function version(): string;
