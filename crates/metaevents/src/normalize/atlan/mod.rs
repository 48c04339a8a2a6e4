//! Atlan notification messages (`message` of the webhook envelope) → [`Event`]. The common
//! fields are read here; each group of kinds fills in its details in its own module.

mod assets;
mod custom_metadata;
pub(crate) mod entity;
mod relationships;
mod tags;

use serde_json::Value;

use super::{EnvelopeFacts, Fields, Innermost, Normalizer};
use crate::error::{Error, ErrorKind, Result};
use crate::json::{Node, Object};
use crate::model::{Details, Entity, Event, EventBuilder, Kind, Native, NativeFormat, Source};

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
    /// A string member of the asset header.
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

/// A notification message.
pub(crate) fn notification(
    inner: Innermost<'_, '_>,
    envelope: EnvelopeFacts,
    normalizer: &mut Normalizer,
) -> Result<Event> {
    let fields = Fields::of(inner.node, inner.path, "an Atlan notification message")?;
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
    let type_name = message.entity_str("typeName").unwrap_or_default();
    let entry = normalizer.catalog.atlan(operation_type, type_name);
    let kind = entry.map_or(Kind::Unknown, |entry| entry.kind);
    if entry.is_some() && !operation_type.starts_with("RELATIONSHIP_") {
        let header = message.entity.ok_or_else(|| missing_object(&fields, "entity"))?;
        let header = Fields::nested(header, inner.path, "entity");
        header.required_str("guid")?;
        header.required_str("typeName")?;
        header.optional_object("attributes")?;
    }

    let mut out = Normalized { entity: entity::asset_entity(message.entity), ..Normalized::default() };
    match kind {
        Kind::EntityCreated | Kind::LineageCreated => assets::created(&message, kind, &mut out),
        Kind::EntityUpdated => assets::updated(&message, &mut out)?,
        Kind::EntityDeleted => assets::deleted(&message, &mut out),
        Kind::CustomMetadataUpdated => custom_metadata::updated(&message, normalizer.atlan_names.as_deref(), &mut out)?,
        Kind::TagAdded | Kind::TagRemoved | Kind::TagUpdated => {
            tags::changed(&message, normalizer.atlan_names.as_deref(), &mut out)?;
        }
        Kind::RelationshipCreated | Kind::RelationshipUpdated | Kind::RelationshipDeleted => {
            relationships::changed(&message, inner.path, &mut out)?;
        }
        _ => {}
    }

    let actor = match message.mutated {
        Some(Node::Object(object)) if kind != Kind::CustomMetadataUpdated => {
            object.get("updatedBy").and_then(Node::as_str)
        }
        _ => None,
    }
    .or_else(|| message.entity_str("updatedBy"))
    .or_else(|| message.relationship.and_then(|r| r.get("updatedBy")).and_then(Node::as_str));

    let mut native = Native::new(NativeFormat::AtlanNotification);
    native.operation_type = Some(operation_type.to_owned());
    native.message_type = message_type.map(str::to_owned);
    native.envelope = inner.envelope;
    Ok(EventBuilder {
        id: normalizer.event_id(inner.node, NativeFormat::AtlanNotification, None),
        source: Source::Atlan,
        kind,
        time: Some(time),
        actor: actor.map(str::to_owned),
        entity: out.entity,
        subjects: out.subjects,
        details: out.details,
        native,
        raw: inner.raw.to_owned_text(),
    }
    .build())
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
