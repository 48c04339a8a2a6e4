//! The message of the notification envelope Apache Atlas writes and Atlan inherited
//! (`EntityNotificationV2`: `type`, `operationType`, `eventTime`, `entity` or `relationship`, and
//! Atlan's `mutatedDetails` and `headers`) → [`Event`]. The common fields are read here;
//! [`evidence`] tells which catalog sent it; `normalize::atlan` and `normalize::atlas` fill in
//! each platform's kinds, sharing the modules below where the logic is the same.

pub(crate) mod evidence;
pub(crate) mod lifecycle;
pub(crate) mod relationships;
pub(crate) mod tags;

use compact_str::CompactString;
use serde_json::{Map, Value};

use super::{EnvelopeFacts, Fields, Innermost, Normalizer, atlan, atlas};
use crate::error::{Error, ErrorKind, Result};
use crate::json::{Node, Object};
use crate::model::{Details, Entity, Event, EventBuilder, Kind, Native, NativeFormat, Source};
use crate::options::InputFormat;
use evidence::Evidence;

/// The parts of a notification message every kind group reads.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Message<'n, 'a> {
    pub fields: Fields<'n, 'a>,
    pub operation_type: &'n str,
    pub entity: Option<&'n Object<'a>>,
    pub relationship: Option<&'n Object<'a>>,
    pub mutated: Option<&'n Node<'a>>,
}

impl<'n> Message<'n, '_> {
    /// A string member of the entity header.
    pub(crate) fn entity_str(&self, key: &str) -> Option<&'n str> {
        self.entity.and_then(|e| e.get(key)).and_then(Node::as_str)
    }

    pub(crate) fn mutated_path(&self) -> String {
        self.fields.child_path("mutatedDetails")
    }
}

/// What a kind group fills in.
#[derive(Debug, Default)]
pub(crate) struct Normalized {
    pub entity: Entity,
    pub details: Details,
    pub subjects: Vec<String>,
}

/// Atlas's `HookNotificationType`s (apache/atlas `intg/.../notification/HookNotification.java`):
/// messages on `ATLAS_HOOK` that ask Atlas to change its metadata, in the same envelope.
const HOOK_TYPES: &[&str] = &[
    "TYPE_CREATE",
    "TYPE_UPDATE",
    "ENTITY_CREATE",
    "ENTITY_PARTIAL_UPDATE",
    "ENTITY_FULL_UPDATE",
    "ENTITY_DELETE",
    "ENTITY_CREATE_V2",
    "ENTITY_PARTIAL_UPDATE_V2",
    "ENTITY_FULL_UPDATE_V2",
    "ENTITY_DELETE_V2",
    "IMPORT_TYPES_DEF",
    "IMPORT_ENTITY",
];

/// The clear error for an Atlas hook message (`{type: ENTITY_CREATE_V2, user, ...}`, no
/// `operationType`) at `path`, or `None` when `node` is not one.
pub(crate) fn hook_message(node: &Node<'_>, path: &str) -> Option<Error> {
    let object = node.as_object()?;
    if object.get("operationType").is_some() {
        return None;
    }
    let hook_type = object.get("type").and_then(Node::as_str).filter(|ty| HOOK_TYPES.contains(ty))?;
    Some(Error::at_path(
        ErrorKind::Unrecognized,
        crate::json::path::child(path, "type"),
        format!(
            "an Apache Atlas hook message ({hook_type}, topic ATLAS_HOOK): a request asking Atlas to change its \
             metadata, not a notification of a change; Atlas notifies the changes it makes on the ATLAS_ENTITIES topic"
        ),
    ))
}

/// A notification message.
pub(crate) fn notification(
    inner: Innermost<'_, '_>,
    envelope: EnvelopeFacts,
    normalizer: &mut Normalizer,
) -> Result<Event> {
    if let Some(error) = hook_message(inner.node, inner.path) {
        return Err(error);
    }
    let fields = Fields::of(inner.node, inner.path, "a notification message")?;
    let operation_type = fields.required_str("operationType")?;
    let message_type = fields.optional_str("type")?;
    let time = match fields.optional_time("eventTime")? {
        Some(time) => time,
        None => envelope.time.ok_or_else(|| {
            invalid(
                fields.child_path("eventTime"),
                "missing required field `eventTime` (and the envelope has no `msgCreationTime`)".to_owned(),
            )
        })?,
    };
    let message = Message {
        fields,
        operation_type,
        entity: fields.optional_object("entity")?,
        relationship: fields.optional_object("relationship")?,
        mutated: fields.get("mutatedDetails"),
    };
    let (source, evidence) = match envelope.forced_source {
        Some(source) => (source, Evidence::Forced),
        None => evidence::decide(&message, envelope),
    };
    let type_name = message.entity_str("typeName").unwrap_or_default();
    // The older message format (`atlas.notification.entity.version=v1`) has other fields
    // (`entity.id`, `values`, `traits`): kept whole as `unknown`.
    let entry = if message_type == Some("ENTITY_NOTIFICATION_V1") {
        None
    } else {
        normalizer.catalog.notification(source, operation_type, type_name)
    };
    let kind = entry.map_or(Kind::Unknown, |entry| entry.kind);
    if entry.is_some() && !operation_type.starts_with("RELATIONSHIP_") {
        let header = message.entity.ok_or_else(|| missing_object(&fields, "entity"))?;
        let header = Fields::nested(header, inner.path, "entity");
        header.required_str("guid")?;
        header.required_str("typeName")?;
        header.optional_object("attributes")?;
    }

    let (out, actor) = if source == Source::Atlas {
        (atlas::normalize(&message, kind, inner.path)?, None)
    } else {
        let names = normalizer.atlan_names.as_deref();
        (atlan::normalize(&message, kind, inner.path, names)?, atlan::actor(&message, kind))
    };

    let format =
        if source == Source::Atlas { NativeFormat::AtlasNotification } else { NativeFormat::AtlanNotification };
    let mut native = Native::new(format);
    native.operation_type = Some(operation_type.into());
    native.message_type = message_type.map(CompactString::from);
    native.evidence = Some(evidence.as_str().into());
    native.envelope = inner.envelope;
    native.schema_id = inner.schema_id;
    // The envelope is read before the message says whose it is: name it after the source.
    if source == Source::Atlas {
        if let Some(last @ InputFormat::AtlanEnvelope) = native.envelope.last_mut() {
            *last = InputFormat::AtlasEnvelope;
        }
    }
    Ok(EventBuilder {
        id: normalizer.event_id(inner.node, format, None),
        source,
        kind,
        time: Some(time),
        actor: actor.map(CompactString::from),
        entity: out.entity,
        subjects: out.subjects,
        details: out.details,
        native,
        raw: inner.raw.to_owned_text(),
    }
    .build())
}

/// The qualified name of a referenced entity (`{guid, typeName, uniqueAttributes: {qualifiedName}}`).
pub(crate) fn referenced_qualified_name<'a>(end: &Node<'a>) -> Option<&'a str> {
    end.get("uniqueAttributes")
        .and_then(|u| u.get("qualifiedName"))
        .or_else(|| end.get("attributes").and_then(|a| a.get("qualifiedName")))
        .and_then(Node::as_str)
}

/// `{guid, typeName, qualifiedName}` of a relationship end or a lineage input/output.
pub(crate) fn reference(node: &Node<'_>) -> Value {
    let mut out = Map::new();
    for key in ["guid", "typeName"] {
        if let Some(value) = node.get(key).and_then(Node::as_str) {
            out.insert(key.to_owned(), Value::String(value.to_owned()));
        }
    }
    if let Some(qualified_name) = referenced_qualified_name(node) {
        out.insert("qualifiedName".to_owned(), Value::String(qualified_name.to_owned()));
    }
    Value::Object(out)
}

pub(crate) fn insert_str(details: &mut Details, key: &'static str, value: Option<&str>) {
    if let Some(value) = value {
        details.insert(key, Value::String(value.to_owned()));
    }
}

pub(crate) fn invalid(path: String, message: String) -> Error {
    Error::at_path(ErrorKind::InvalidField, path, message)
}

pub(crate) fn missing_object(fields: &Fields<'_, '_>, key: &str) -> Error {
    invalid(fields.child_path(key), format!("missing required field `{key}` (an object)"))
}
