// A typed usage example: `tsc --noEmit --strict` over it must pass (test/types.test.mjs).
// Lines marked @ts-expect-error must fail to type-check, so the types are shown to be tight.

import {
  type CloudEvent,
  catalog,
  type ErrorKind,
  type Event,
  type EventKind,
  type EventOf,
  errorKinds,
  Filter,
  FilterError,
  type InputFormat,
  type Issue,
  inputFormats,
  isValidationRequest,
  lambdaHeaders,
  MetaeventsError,
  type Parsed,
  ParseError,
  Parser,
  parse,
  parseHttp,
  parseMany,
  parseRecords,
  type TagAddedDetails,
  toCloudEvent,
  unwrap,
  validate,
  verifySignature,
} from 'metaevents';

declare const body: string;
declare const bytes: Uint8Array;

// parse gives an event or the validation request; narrow on kind.
const parsed: Parsed = parse(body);
if (parsed.kind === 'webhook.validation') {
  const message: string = parsed.message;
  // @ts-expect-error a validation request has no details
  parsed.details;
  void message;
} else {
  const event: Event = parsed;
  const time: number | null = event.time;
  const actor: string | null = event.actor;
  const platform: string | null = event.entity.platform;
  const subjects: string[] = event.subjects;
  const envelope: InputFormat[] = event.native.envelope;
  void [time, actor, platform, subjects, envelope];
  // @ts-expect-error time is a number
  event.time.toUpperCase();
}

// A discriminated union: narrowing on kind types details.
function describe(event: Event): string {
  switch (event.kind) {
    case 'tag.added': {
      const details: TagAddedDetails = event.details;
      // DataHub sends tagUrn, Atlan tags: each optional across both platforms.
      const tag: string | undefined = details.tagUrn;
      const tags: Record<string, unknown>[] | undefined = details.tags;
      return `tag ${tag ?? tags?.length ?? '?'} on ${event.entity.id}`;
    }
    case 'owner.added': {
      // DataHub sends ownerUrn and ownerType, OpenMetadata owners: each optional across the platforms.
      const owner: string | undefined = event.details.ownerUrn;
      const ownerType: string | undefined = event.details.ownerType;
      const owners: Record<string, unknown>[] | undefined = event.details.owners;
      const source: 'datahub' | 'openmetadata' = event.source;
      // @ts-expect-error owner.added does not come from Atlan
      const atlan: 'atlan' = event.source;
      void atlan;
      return `${owner ?? owners?.length ?? '?'} (${ownerType ?? source})`;
    }
    case 'entity.deleted': {
      const hard: boolean = event.details.hard;
      return hard ? 'purged' : 'archived';
    }
    case 'incident.status_changed': {
      const entities: string[] = event.details.entities;
      return entities.join(', ');
    }
    case 'process.run_completed': {
      const attempt: number | undefined = event.details.attempt;
      return `attempt ${attempt ?? 0}`;
    }
    case 'unknown':
      return `unknown ${event.native.format}: ${JSON.stringify(event.raw)}`;
    default:
      return event.kind;
  }
}

const kind: EventKind = 'schema.field_added';
// @ts-expect-error not a kind
const typo: EventKind = 'tag.addded';
void [kind, typo];

const tagEvent: EventOf<'tag.removed'> | undefined = undefined;
void tagEvent;

// Streams and options.
const events: Event[] = parseMany(bytes).filter((event) => event.kind.startsWith('tag.'));
for (const record of parseRecords(body)) {
  if (record.error) {
    const line: number | null = record.error.line;
    void line;
  } else {
    void describe;
    const what: Parsed = record.event;
    void what;
  }
}
const parser = new Parser({ format: 'datahub-ece', maxEventBytes: 1 << 20 });
parser.maxDepth = 32;
const format: InputFormat | null = parser.format;
// @ts-expect-error not a format
new Parser({ format: 'datahub' });
void format;

// Filters.
const filter = new Filter({ kind: 'tag.added', 'entity.platform': 'snowflake' });
const legacy = Filter.fromDatahubActions('filter:\n  event_type: EntityChangeEvent_v1\n');
const matching: Event[] = events.filter((event) => filter.matches(event) || legacy.matches(event));
const lines: number[] = filter.filterNdjson(bytes, parser);
void [matching, lines];

// Errors.
try {
  parse(body);
} catch (error) {
  if (error instanceof ParseError || error instanceof FilterError) {
    const where: string = `${error.kind} at line ${error.line ?? '?'} ${error.path ?? ''}`;
    void where;
  } else if (error instanceof MetaeventsError) {
    const asError: Error = error;
    void asError;
  }
}

// Webhooks.
declare const lambdaEvent: { headers: Record<string, string>; body: string };
if (verifySignature(lambdaHeaders(lambdaEvent), 's3cret') && !isValidationRequest(lambdaEvent)) {
  const delivered: Parsed = unwrap(lambdaEvent);
  void delivered;
}
declare const nodeHeaders: Record<string, string | string[] | undefined>;
verifySignature(nodeHeaders, 's3cret');
verifySignature(new Headers(), 's3cret');
verifySignature([['x-atlan-signing-secret', 's3cret']], 's3cret');

// Catalog and validation.
const kinds: EventKind[] = catalog().kinds.map((info) => info.kind);
const issues: Issue[] = events.flatMap((event) => validate(event));
void [kinds, issues];

// The tables of error kinds and input formats.
const classByKind = new Map<ErrorKind, string>(errorKinds().map((row) => [row.kind, row.class]));
const formats: InputFormat[] = inputFormats().map((row) => row.name);
void [classByKind, formats];

// Kafka records and CloudEvents.
const fromKafka: Parsed = new Parser({ format: 'kafka-avro' }).parse(bytes);
const schemaId: number | undefined = fromKafka.kind === 'webhook.validation' ? undefined : fromKafka.native.schemaId;
declare const tagAdded: EventOf<'tag.added'>;
const cloudevent: CloudEvent<EventOf<'tag.added'>> = toCloudEvent(tagAdded, { source: 'https://datahub.example.com' });
const ceType: 'io.metaevents.tag.added' = cloudevent.type;
const tagUrn: string | undefined = cloudevent.data.details.tagUrn;
// @ts-expect-error raw is a boolean
toCloudEvent(tagAdded, { raw: 'no' });
const received: Parsed = parseHttp(nodeHeaders, JSON.stringify(cloudevent.data));
const receivedToo: Parsed = new Parser().parseHttp(new Headers(), bytes);
void [schemaId, ceType, tagUrn, received, receivedToo];
