//! The normalized [`Event`] and what a parse can produce.

use std::fmt;
use std::sync::{Arc, OnceLock};

use compact_str::CompactString;

use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Serialize, Serializer};
use serde_json::{Map, Value};

use super::details::Details;
use super::kind::{Kind, Source};
use super::raw::RawText;
use crate::json::canonical::{self, IdRule};
use crate::json::scan;
use crate::options::InputFormat;

/// A deterministic event id: the first 128 bits of SHA-256 over the canonical JSON of the
/// innermost platform event. Shown as 32 lowercase hex characters.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EventId(pub(crate) [u8; 16]);

impl EventId {
    /// The 16 bytes.
    pub fn as_bytes(&self) -> &[u8; 16] {
        &self.0
    }

    /// The 32-character lowercase hex form.
    pub fn to_hex(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for EventId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // One write of a stack buffer: `{:02x}` per byte was 5% of a parse in WebAssembly.
        fn digit(nibble: u8) -> u8 {
            if nibble < 10 { b'0' + nibble } else { b'a' + nibble - 10 }
        }
        let mut hex = [0u8; 32];
        for (pair, byte) in hex.chunks_exact_mut(2).zip(self.0) {
            if let [high, low] = pair {
                *high = digit(byte >> 4);
                *low = digit(byte & 0x0f);
            }
        }
        f.write_str(std::str::from_utf8(&hex).map_err(|_| fmt::Error)?)
    }
}

impl fmt::Debug for EventId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "EventId({self})")
    }
}

/// The asset (or relationship end) an event is about.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Entity {
    /// `DataHub` `entityUrn`; Atlan `entity.guid`. `None` only for an unknown event that names
    /// no entity.
    pub id: Option<CompactString>,
    /// Native type: `DataHub` `entityType` (`dataset`), Atlan `typeName` (`Table`). `None` only
    /// for an unknown event that names no entity.
    #[serde(rename = "type")]
    pub entity_type: Option<CompactString>,
    /// Atlan `attributes.name`; `DataHub`: the name part of the urn where it has one.
    pub name: Option<CompactString>,
    /// Atlan `attributes.qualifiedName`; `DataHub` dataset: the urn's dataset name.
    pub qualified_name: Option<CompactString>,
    /// Lowercase platform (`snowflake`).
    pub platform: Option<CompactString>,
    /// Parent: a schema field's dataset urn, a data job's flow urn, Atlan's parent qualified name.
    pub parent: Option<CompactString>,
    /// Field path of field-level events.
    pub field_path: Option<CompactString>,
}

/// The shape of the innermost platform event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NativeFormat {
    /// `DataHub` Entity Change Event.
    EntityChangeEvent,
    /// `DataHub` Relationship Change Event.
    RelationshipChangeEvent,
    /// `DataHub` `MetadataChangeLog` (from a poll of an MCL topic or a datahub-actions envelope).
    MetadataChangeLog,
    /// `DataHub` `PlatformEvent` whose payload is neither of the above.
    PlatformEvent,
    /// datahub-actions event of a type other than the change events (`MetadataChangeLogEvent_v1`).
    ActionsEvent,
    /// Atlan notification message.
    AtlanNotification,
    /// Apache Atlas (or Microsoft Purview) entity notification message (`EntityNotificationV2`).
    AtlasNotification,
    /// `OpenMetadata` `ChangeEvent` (one of the events it fans out to).
    OpenMetadataChangeEvent,
}

impl NativeFormat {
    /// Every format, in declaration order.
    pub const ALL: [NativeFormat; 8] = [
        Self::EntityChangeEvent,
        Self::RelationshipChangeEvent,
        Self::MetadataChangeLog,
        Self::PlatformEvent,
        Self::ActionsEvent,
        Self::AtlanNotification,
        Self::AtlasNotification,
        Self::OpenMetadataChangeEvent,
    ];

    /// The name used in `native.format`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::EntityChangeEvent => "entity-change-event",
            Self::RelationshipChangeEvent => "relationship-change-event",
            Self::MetadataChangeLog => "metadata-change-log",
            Self::PlatformEvent => "platform-event",
            Self::ActionsEvent => "actions-event",
            Self::AtlanNotification => "atlan-notification",
            Self::AtlasNotification => "atlas-notification",
            Self::OpenMetadataChangeEvent => "openmetadata-change-event",
        }
    }

    /// Looks a format up by its `native.format` name.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|format| format.as_str() == name)
    }

    /// Which `null` members count as absent in the id of an event of this format.
    pub(crate) fn id_rule(self) -> IdRule {
        match self {
            Self::EntityChangeEvent => IdRule::DatahubEntityChange,
            Self::RelationshipChangeEvent => IdRule::DatahubRelationshipChange,
            Self::MetadataChangeLog
            | Self::PlatformEvent
            | Self::ActionsEvent
            | Self::AtlanNotification
            | Self::AtlasNotification
            | Self::OpenMetadataChangeEvent => IdRule::Exact,
        }
    }
}

/// The original discriminators of an event, and the envelopes it arrived in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Native {
    /// The innermost event's shape.
    pub format: NativeFormat,
    /// `DataHub` ECE `category`, exactly as sent (`OWNER` and `OWNERSHIP` both kept).
    pub category: Option<CompactString>,
    /// `DataHub` ECE / RCE `operation`.
    pub operation: Option<CompactString>,
    /// Atlan and Atlas `message.operationType`.
    pub operation_type: Option<CompactString>,
    /// Atlan and Atlas `message.type` (`ENTITY_NOTIFICATION_V2`).
    pub message_type: Option<CompactString>,
    /// Atlan and Atlas notifications: what told the catalog that sent it (`mutatedDetails`,
    /// `cluster-qualified-name`, ..., `default`, `forced`); see the event-model docs.
    pub evidence: Option<CompactString>,
    /// `DataHub` `PlatformEvent.name` for payloads of unknown shape.
    pub name: Option<CompactString>,
    /// datahub-actions `event_type` for event types other than the change events; `OpenMetadata`
    /// `eventType` (`entityUpdated`).
    pub event_type: Option<CompactString>,
    /// `DataHub` Relationship Change Event `relationshipType` (`DownstreamOf`, `OwnedBy`, ...).
    pub relationship_type: Option<CompactString>,
    /// `DataHub` `MetadataChangeLog` `changeType` (`UPSERT`, `DELETE`, ...).
    pub change_type: Option<CompactString>,
    /// `DataHub` `MetadataChangeLog` `aspectName` (`globalTags`, ...).
    pub aspect_name: Option<CompactString>,
    /// `OpenMetadata`: the names of the `FieldChange`s the event was made from
    /// (`columns.email.tags`); `None` for an event made from the `eventType` alone.
    pub fields: Option<Vec<String>>,
    /// `OpenMetadata`: which part of its `ChangeEvent` the event is (`tag.added:fieldsAdded[0]`),
    /// hashed into its id; see the crate docs for the form.
    pub part: Option<String>,
    /// The envelopes around the event, outermost first (empty for a bare event).
    pub envelope: Vec<InputFormat>,
    /// The schema registry id of the Kafka record the event came in (`kafka-avro`): the 4-byte
    /// id of Confluent's wire format.
    pub schema_id: Option<u32>,
}

impl Native {
    pub(crate) fn new(format: NativeFormat) -> Self {
        Self {
            format,
            category: None,
            operation: None,
            operation_type: None,
            message_type: None,
            evidence: None,
            name: None,
            event_type: None,
            relationship_type: None,
            change_type: None,
            aspect_name: None,
            fields: None,
            part: None,
            envelope: Vec::new(),
            schema_id: None,
        }
    }
}

impl Serialize for Native {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("format", self.format.as_str())?;
        let optional = [
            ("category", &self.category),
            ("operation", &self.operation),
            ("operationType", &self.operation_type),
            ("type", &self.message_type),
            ("evidence", &self.evidence),
            ("name", &self.name),
            ("eventType", &self.event_type),
            ("relationshipType", &self.relationship_type),
            ("changeType", &self.change_type),
            ("aspectName", &self.aspect_name),
        ];
        for (key, value) in optional {
            if let Some(value) = value {
                map.serialize_entry(key, value)?;
            }
        }
        if let Some(fields) = &self.fields {
            map.serialize_entry("fields", fields)?;
        }
        if let Some(part) = &self.part {
            map.serialize_entry("part", part)?;
        }
        let envelope: Vec<&str> = self.envelope.iter().map(|format| format.as_str()).collect();
        map.serialize_entry("envelope", &envelope)?;
        if let Some(schema_id) = self.schema_id {
            map.serialize_entry("schemaId", &schema_id)?;
        }
        map.end()
    }
}

#[derive(Debug)]
struct EventData {
    id: OnceLock<EventId>,
    source: Source,
    kind: Kind,
    time: Option<i64>,
    actor: Option<CompactString>,
    entity: Entity,
    subjects: Vec<String>,
    details: Details,
    native: Native,
    raw: RawText,
}

/// One normalized catalog event. Cheap to clone (shared), immutable.
#[derive(Debug, Clone)]
pub struct Event(Arc<EventData>);

/// Two events are equal when they are the same event as the contract defines it: the same id
/// (the same platform event, up to key order, whitespace and the documented `null`
/// equivalences) and the same normalized fields, envelopes included. How `raw` is spelled does
/// not count. Python's `==` is this one.
impl PartialEq for Event {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (&*self.0, &*other.0);
        Arc::ptr_eq(&self.0, &other.0)
            || (self.id() == other.id()
                && a.source == b.source
                && a.kind == b.kind
                && a.time == b.time
                && a.actor == b.actor
                && a.entity == b.entity
                && a.subjects == b.subjects
                && a.details == b.details
                && a.native == b.native)
    }
}

/// Everything a normalizer fills in to make an [`Event`].
#[derive(Debug)]
pub(crate) struct EventBuilder {
    pub id: OnceLock<EventId>,
    pub source: Source,
    pub kind: Kind,
    pub time: Option<i64>,
    pub actor: Option<CompactString>,
    pub entity: Entity,
    pub subjects: Vec<String>,
    pub details: Details,
    pub native: Native,
    pub raw: RawText,
}

impl EventBuilder {
    pub(crate) fn build(mut self) -> Event {
        self.details.shrink();
        self.subjects.shrink_to_fit();
        Event(Arc::new(EventData {
            id: self.id,
            source: self.source,
            kind: self.kind,
            time: self.time,
            actor: self.actor,
            entity: self.entity,
            subjects: self.subjects,
            details: self.details,
            native: self.native,
            raw: self.raw,
        }))
    }
}

impl Event {
    /// The deterministic id (same event through any envelope, same id).
    pub fn id(&self) -> EventId {
        *self.0.id.get_or_init(|| self.id_from_raw())
    }

    /// The id its `raw` (and, for one of the events an `OpenMetadata` `ChangeEvent` fans out to,
    /// its `native.part`) gives: what [`Event::id`] is for every event a parser made; an event
    /// read with [`Event::from_json`] carries the id it was written with.
    pub(crate) fn id_from_raw(&self) -> EventId {
        let part = self.0.native.part.as_deref();
        EventId(canonical::digest_of_text(self.raw_json(), self.0.native.format.id_rule(), part))
    }

    /// The platform.
    pub fn source(&self) -> Source {
        self.0.source
    }

    /// The normalized kind.
    pub fn kind(&self) -> Kind {
        self.0.kind
    }

    /// Epoch milliseconds: `DataHub` `auditStamp.time`, Atlan `eventTime` (else `msgCreationTime`),
    /// else the time of the envelope it came in; `None` when nothing says when it happened.
    pub fn time(&self) -> Option<i64> {
        self.0.time
    }

    /// Who made the change: `DataHub` `auditStamp.actor`, Atlan `updatedBy`.
    pub fn actor(&self) -> Option<&str> {
        self.0.actor.as_deref()
    }

    /// The asset the event is about.
    pub fn entity(&self) -> &Entity {
        &self.0.entity
    }

    /// What was added, removed or changed (tag, term, owner, domain, field urns; Atlan tag ids;
    /// custom-metadata `set.attribute` ids), without repeats: in the event's order, except Atlan
    /// custom-metadata ids, which come sorted.
    pub fn subjects(&self) -> &[String] {
        &self.0.subjects
    }

    /// Kind-specific typed fields, keyed by their catalog names.
    pub fn details(&self) -> &Details {
        &self.0.details
    }

    /// One detail by name.
    pub fn detail(&self, name: &str) -> Option<&Value> {
        self.0.details.get(name)
    }

    /// One string detail by name.
    pub fn detail_str(&self, name: &str) -> Option<&str> {
        self.detail(name).and_then(Value::as_str)
    }

    /// The original discriminators and envelopes.
    pub fn native(&self) -> &Native {
        &self.0.native
    }

    /// The innermost platform event, exactly as received (as JSON text).
    pub fn raw_json(&self) -> &str {
        self.0.raw.get()
    }

    /// The innermost platform event on one line: its text as received without the whitespace
    /// between tokens (key order, numbers and escapes untouched).
    pub fn raw_json_compact(&self) -> String {
        let raw = self.raw_json();
        let mut compact = String::with_capacity(raw.len());
        scan::minify_into(raw, &mut compact);
        compact
    }

    /// The innermost platform event as a JSON value.
    pub fn raw(&self) -> Value {
        // The text was parsed once already, so this cannot fail; Null keeps the function total.
        serde_json::from_str(self.raw_json()).unwrap_or(Value::Null)
    }

    /// The contract JSON of this event (`raw` included when asked), on one line.
    pub fn to_json(&self, include_raw: bool) -> String {
        let mut out = String::with_capacity(256 + if include_raw { self.raw_json().len() } else { 0 });
        self.write_json(include_raw, &mut out);
        out
    }

    /// Appends the contract JSON of this event to `out`.
    pub fn write_json(&self, include_raw: bool, out: &mut String) {
        Self::write_view(EventJson { event: self, include_raw, defer_id: false }, out);
    }

    /// Appends the contract JSON of this event without `raw`, and with `"id": null` while the
    /// id is not computed yet (a parser with lazy ids): what a binding hands over when it fills
    /// `id` and `raw` in on first access ([`Event::id`], [`Event::raw_json`]). An event's id is
    /// never `null` otherwise.
    pub fn write_json_deferred(&self, out: &mut String) {
        Self::write_view(EventJson { event: self, include_raw: false, defer_id: true }, out);
    }

    fn write_view(view: EventJson<'_>, out: &mut String) {
        // Serializing plain data into a String cannot fail.
        if let Ok(text) = serde_json::to_string(&view) {
            out.push_str(&text);
        }
    }

    /// The contract JSON of this event as a value.
    pub fn to_value(&self, include_raw: bool) -> Value {
        serde_json::to_value(EventJson { event: self, include_raw, defer_id: false }).unwrap_or(Value::Null)
    }

    /// A serializable view that writes the contract JSON, with or without `raw`.
    pub fn as_json(&self, include_raw: bool) -> EventJson<'_> {
        EventJson { event: self, include_raw, defer_id: false }
    }
}

/// The contract JSON of an event, as read back by [`Event::from_json`].
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Wire<'a> {
    id: String,
    source: String,
    kind: String,
    time: Option<i64>,
    actor: Option<CompactString>,
    entity: Entity,
    subjects: Vec<String>,
    details: Map<String, Value>,
    native: WireNative,
    #[serde(borrow)]
    raw: &'a serde_json::value::RawValue,
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct WireNative {
    format: String,
    category: Option<CompactString>,
    operation: Option<CompactString>,
    operation_type: Option<CompactString>,
    #[serde(rename = "type")]
    message_type: Option<CompactString>,
    evidence: Option<CompactString>,
    name: Option<CompactString>,
    event_type: Option<CompactString>,
    relationship_type: Option<CompactString>,
    change_type: Option<CompactString>,
    aspect_name: Option<CompactString>,
    fields: Option<Vec<String>>,
    part: Option<String>,
    envelope: Vec<String>,
    schema_id: Option<u32>,
}

/// Times stay within JavaScript's safe integers (±2^53), as the normalizers keep them.
const MAX_SAFE_INTEGER: i64 = (1 << 53) - 1;

fn parse_id(hex: &str) -> Option<EventId> {
    if hex.len() != 32 || !hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
        return None;
    }
    let mut id = [0u8; 16];
    for (slot, pair) in id.iter_mut().zip(hex.as_bytes().chunks(2)) {
        *slot = u8::from_str_radix(std::str::from_utf8(pair).ok()?, 16).ok()?;
    }
    Some(EventId(id))
}

impl Event {
    /// Reads an event back from its contract JSON with `raw` (what [`Event::to_json`]`(true)`
    /// writes), for caches, queues and other processes: nothing is normalized again, so the
    /// event comes back exactly as it was, envelopes included.
    pub fn from_json(text: &str) -> crate::Result<Event> {
        use crate::error::{Error, ErrorKind};
        let wire: Wire<'_> = serde_json::from_str(text).map_err(|err| {
            Error::new(ErrorKind::Syntax, format!("not the JSON of a normalized event: {err}")).with_path("$")
        })?;
        let invalid = |path: &str, message: String| Error::at_path(ErrorKind::InvalidField, path, message);
        let id = parse_id(&wire.id)
            .ok_or_else(|| invalid("$.id", format!("`{}` is not 32 lowercase hex characters", wire.id)))?;
        let source = Source::from_name(&wire.source)
            .ok_or_else(|| invalid("$.source", format!("unknown source `{}`", wire.source)))?;
        let kind =
            Kind::from_name(&wire.kind).ok_or_else(|| invalid("$.kind", format!("unknown kind `{}`", wire.kind)))?;
        if let Some(time) = wire.time.filter(|time| !(-MAX_SAFE_INTEGER..=MAX_SAFE_INTEGER).contains(time)) {
            return Err(invalid("$.time", format!("{time} is outside the range of epoch milliseconds (±2^53)")));
        }
        let format = NativeFormat::from_name(&wire.native.format)
            .ok_or_else(|| invalid("$.native.format", format!("unknown format `{}`", wire.native.format)))?;
        let envelope = wire
            .native
            .envelope
            .iter()
            .map(|name| {
                InputFormat::from_name(name)
                    .ok_or_else(|| invalid("$.native.envelope", format!("unknown envelope `{name}`")))
            })
            .collect::<crate::Result<Vec<_>>>()?;
        let native = Native {
            format,
            category: wire.native.category,
            operation: wire.native.operation,
            operation_type: wire.native.operation_type,
            message_type: wire.native.message_type,
            evidence: wire.native.evidence,
            name: wire.native.name,
            event_type: wire.native.event_type,
            relationship_type: wire.native.relationship_type,
            change_type: wire.native.change_type,
            aspect_name: wire.native.aspect_name,
            fields: wire.native.fields,
            part: wire.native.part,
            envelope,
            schema_id: wire.native.schema_id,
        };
        let raw = super::RawRef::whole(wire.raw.get()).to_owned_text();
        Ok(EventBuilder {
            id: OnceLock::from(id),
            source,
            kind,
            time: wire.time,
            actor: wire.actor,
            entity: wire.entity,
            subjects: wire.subjects,
            details: Details::from(wire.details),
            native,
            raw,
        }
        .build())
    }
}

/// Serializes an [`Event`] as the contract JSON. Obtained from [`Event::as_json`].
#[derive(Debug, Clone, Copy)]
pub struct EventJson<'a> {
    event: &'a Event,
    include_raw: bool,
    /// Write `null` for an id not computed yet ([`Event::write_json_deferred`]).
    defer_id: bool,
}

impl Serialize for EventJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let inner = &self.event.0;
        let mut out = serializer.serialize_struct("Event", if self.include_raw { 11 } else { 10 })?;
        match self.event.0.id.get() {
            None if self.defer_id => out.serialize_field("id", &None::<&str>)?,
            _ => out.serialize_field("id", &self.event.id().to_string())?,
        }
        out.serialize_field("source", inner.source.as_str())?;
        out.serialize_field("kind", inner.kind.as_str())?;
        out.serialize_field("time", &inner.time)?;
        out.serialize_field("actor", &inner.actor)?;
        out.serialize_field("entity", &inner.entity)?;
        out.serialize_field("subjects", &inner.subjects)?;
        out.serialize_field("details", &inner.details)?;
        out.serialize_field("native", &inner.native)?;
        if self.include_raw {
            let raw = serde_json::value::RawValue::from_string(self.event.raw_json_compact())
                .map_err(serde::ser::Error::custom)?;
            out.serialize_field("raw", &raw)?;
        }
        out.end()
    }
}

impl Serialize for Event {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.as_json(true).serialize(serializer)
    }
}

/// A webhook's test request, recognised as such, never an error: Atlan's validation request, or
/// the test message `OpenMetadata` sends when a webhook destination is tested.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationRequest {
    /// The platform that sent it.
    pub source: Source,
    /// Its text: Atlan's `atlan-webhook` member, `OpenMetadata`'s `message` (or whole body).
    pub message: String,
}

impl ValidationRequest {
    /// `{"kind": "webhook.validation", "source": "atlan", "message": ...}`.
    pub fn to_value(&self) -> Value {
        serde_json::json!({"kind": "webhook.validation", "source": self.source.as_str(), "message": self.message})
    }
}

/// What one input record turned out to be.
#[derive(Debug, Clone, PartialEq)]
pub enum Parsed {
    /// A catalog event.
    Event(Event),
    /// A webhook's test request (Atlan's validation request, `OpenMetadata`'s test message).
    ValidationRequest(ValidationRequest),
}

impl Parsed {
    /// The event, if this is one.
    pub fn into_event(self) -> Option<Event> {
        match self {
            Parsed::Event(event) => Some(event),
            Parsed::ValidationRequest(_) => None,
        }
    }

    /// The event, if this is one.
    pub fn as_event(&self) -> Option<&Event> {
        match self {
            Parsed::Event(event) => Some(event),
            Parsed::ValidationRequest(_) => None,
        }
    }
}

/// One record of a stream: what it parsed to and the line it started on.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// 1-based line where the record starts in its input.
    pub line: u64,
    /// What it was.
    pub parsed: Parsed,
}
