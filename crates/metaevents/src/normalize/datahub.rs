//! `DataHub` Entity Change Events, Relationship Change Events, and `DataHub` payloads of unknown
//! shape (other `PlatformEvent` names, `MetadataChangeLogs`) → [`Event`].

use compact_str::CompactString;
use serde_json::Value;

use super::{EnvelopeFacts, Fields, Innermost, Normalizer, coerce, push_subject, urn};
use crate::catalog::{ParamOrigin, ParamType};
use crate::error::Result;
use crate::json::Node;
use crate::model::{Details, Entity, Event, EventBuilder, Kind, Native, NativeFormat, Source};

/// Parameters that name the container of an entity whose urn does not, by entity type, most
/// specific first (`DataHub`'s change-event generators; `parentUrn` for the rest).
const PARENT_PARAMETERS: &[(&str, &[&str])] = &[
    // AssertionRunEventChangeEventGenerator: the asserted dataset.
    ("assertion", &["asserteeUrn"]),
    // DataProcessInstanceRunEventChangeEventGenerator: one of them, from the run's parentTemplate.
    ("dataProcessInstance", &["dataJobUrn", "dataFlowUrn"]),
    // Proposals name their asset as resourceUrn; workflow form requests as entityUrn.
    ("actionRequest", &["resourceUrn", "entityUrn"]),
];

/// Entity fields from an urn, with the event's own hints as fallbacks: a container named by a
/// parameter, and the platform of that container when the urn names none.
fn entity_from_urn(entity_urn: &str, entity_type: Option<&str>, parameters: Option<&Fields<'_, '_>>) -> Entity {
    let facts = urn::facts(entity_urn);
    let param =
        |key: &str| parameters.and_then(|p| p.lenient_str(key)).filter(|v| !v.is_empty()).map(CompactString::from);
    let entity_type = entity_type.map(CompactString::from).or(facts.entity_type);
    let parent_keys = PARENT_PARAMETERS
        .iter()
        .find(|(ty, _)| Some(*ty) == entity_type.as_deref())
        .map_or(&["parentUrn"][..], |(_, keys)| *keys);
    let parent = facts.parent.or_else(|| parent_keys.iter().find_map(|key| param(key)));
    let platform = facts.platform.or_else(|| parent.as_deref().and_then(|parent| urn::facts(parent).platform));
    Entity {
        id: Some(entity_urn.into()),
        entity_type,
        name: facts.name,
        qualified_name: facts.qualified_name,
        platform,
        parent,
        field_path: facts.field_path.or_else(|| param("fieldPath")),
    }
}

/// When and by whom, from an `auditStamp` that real senders may leave out (DataHub's own
/// EventBridge sample has none; its schema calls it required): its time, else the envelope's,
/// else unknown.
fn audit(event: &Fields<'_, '_>, path: &str, envelope: EnvelopeFacts) -> Result<(Option<i64>, Option<CompactString>)> {
    let Some(stamp) = event.optional_object("auditStamp")? else { return Ok((envelope.time, None)) };
    let stamp = Fields::nested(stamp, path, "auditStamp");
    let time = stamp.optional_time("time")?.or(envelope.time);
    Ok((time, stamp.optional_str("actor")?.map(CompactString::from)))
}

/// An Entity Change Event.
pub(crate) fn entity_change_event(
    inner: Innermost<'_, '_>,
    envelope: EnvelopeFacts,
    normalizer: &mut Normalizer,
) -> Result<Event> {
    let ece = Fields::of(inner.node, inner.path, "an Entity Change Event")?;
    let entity_urn = ece.required_str("entityUrn")?;
    let category = ece.required_str("category")?;
    let operation = ece.required_str("operation")?;
    let entity_type = ece.optional_str("entityType")?;
    let (time, actor) = audit(&ece, inner.path, envelope)?;
    let modifier = ece.optional_str("modifier")?;
    let parameters = ece.optional_object("parameters")?.map(|object| Fields::nested(object, inner.path, "parameters"));

    let entity = entity_from_urn(entity_urn, entity_type, parameters.as_ref());
    let entry = normalizer.catalog.datahub_entity_change(
        category,
        operation,
        entity.entity_type.as_deref().unwrap_or_default(),
    );
    let max_depth = normalizer.limits.max_depth;

    let mut details = Details::default();
    let mut subjects = Vec::new();
    match entry {
        Some(entry) => {
            for param in entry.params.iter().filter(|param| param.origin == ParamOrigin::Parameter) {
                let value = parameters.as_ref().and_then(|p| p.get(param.name));
                if let Some(coerced) = value.and_then(|node| coerce::coerce(node, param.ty, max_depth)) {
                    details.insert(param.name, coerced);
                }
            }
            // Parameters the catalog does not (yet) know pass through unchanged.
            if let Some(parameters) = &parameters {
                for (key, value) in parameters.object.iter() {
                    if entry.param(key).is_none() && !value.is_null() {
                        details.insert(key.to_owned(), value.to_value());
                    }
                }
            }
            match entry.kind {
                Kind::EntityDeleted => {
                    details.insert("hard", Value::Bool(operation == "HARD_DELETE"));
                }
                Kind::IncidentStatusChanged => {
                    details.insert("status", Value::String(operation.to_owned()));
                }
                _ => {}
            }
            for name in entry.subjects {
                match details.get(name) {
                    Some(Value::String(value)) => push_subject(&mut subjects, value),
                    // Lists of urns, or (proposed owners) of objects naming one.
                    Some(Value::Array(values)) => {
                        for value in values {
                            let urn = value.as_str().or_else(|| {
                                ["owner", "ownerUrn", "urn"]
                                    .iter()
                                    .find_map(|key| value.get(*key).and_then(Value::as_str))
                            });
                            if let Some(urn) = urn {
                                push_subject(&mut subjects, urn);
                            }
                        }
                    }
                    _ => {}
                }
            }
            if subjects.is_empty() && !entry.subjects.is_empty() {
                if let Some(modifier) = modifier {
                    push_subject(&mut subjects, modifier);
                    // The subject's parameter is missing (STRUCTURED_PROPERTY REMOVE sends none
                    // for all but the last property): `modifier` names it, so filters on it match.
                    if let Some(first) = entry.subjects.first() {
                        if !details.contains_key(first) {
                            details.insert(*first, Value::String(modifier.to_owned()));
                        }
                    }
                }
            }
        }
        None => {
            if let Some(parameters) = &parameters {
                for (key, value) in parameters.object.iter() {
                    if !value.is_null() {
                        details.insert(key.to_owned(), value.to_value());
                    }
                }
            }
        }
    }

    let mut native = Native::new(NativeFormat::EntityChangeEvent);
    native.category = Some(category.into());
    native.operation = Some(operation.into());
    native.envelope = inner.envelope;
    native.schema_id = inner.schema_id;
    Ok(EventBuilder {
        id: normalizer.event_id(inner.node, NativeFormat::EntityChangeEvent, None),
        source: Source::Datahub,
        kind: entry.map_or(Kind::Unknown, |entry| entry.kind),
        time,
        actor,
        entity,
        subjects,
        details,
        native,
        raw: inner.raw.to_owned_text(),
    }
    .build())
}

/// A Relationship Change Event.
pub(crate) fn relationship_change_event(
    inner: Innermost<'_, '_>,
    envelope: EnvelopeFacts,
    normalizer: &mut Normalizer,
) -> Result<Event> {
    let rce = Fields::of(inner.node, inner.path, "a Relationship Change Event")?;
    let source_urn = rce.required_str("sourceUrn")?;
    let destination_urn = rce.required_str("destinationUrn")?;
    let relationship_type = rce.required_str("relationshipType")?;
    let operation = rce.required_str("operation")?;
    let (time, actor) = audit(&rce, inner.path, envelope)?;
    let entry = normalizer.catalog.datahub_relationship_change(operation);

    let mut details = Details::default();
    details.insert("relationshipType", Value::String(relationship_type.to_owned()));
    details.insert("sourceUrn", Value::String(source_urn.to_owned()));
    details.insert("destinationUrn", Value::String(destination_urn.to_owned()));
    for (key, ty) in
        [("lifecycleOwner", ParamType::String), ("via", ParamType::String), ("properties", ParamType::Object)]
    {
        if let Some(value) = rce.get(key).and_then(|node| coerce::coerce(node, ty, normalizer.limits.max_depth)) {
            details.insert(key.to_owned(), value);
        }
    }
    let mut subjects = Vec::new();
    push_subject(&mut subjects, destination_urn);

    let mut native = Native::new(NativeFormat::RelationshipChangeEvent);
    native.operation = Some(operation.into());
    native.relationship_type = Some(relationship_type.into());
    native.envelope = inner.envelope;
    native.schema_id = inner.schema_id;
    Ok(EventBuilder {
        id: normalizer.event_id(inner.node, NativeFormat::RelationshipChangeEvent, None),
        source: Source::Datahub,
        kind: entry.map_or(Kind::Unknown, |entry| entry.kind),
        time,
        actor,
        entity: entity_from_urn(source_urn, None, None),
        subjects,
        details,
        native,
        raw: inner.raw.to_owned_text(),
    }
    .build())
}

/// A string, or an Avro-JSON union wrapper around one (`{"string": "urn:li:..."}`).
fn avro_str<'n>(node: Option<&'n Node<'_>>) -> Option<&'n str> {
    match node? {
        Node::String(text) => Some(text),
        Node::Object(object) if object.len() == 1 => object.get("string").and_then(Node::as_str),
        _ => None,
    }
}

/// A `DataHub` payload this version does not model (another `PlatformEvent` name, a
/// `MetadataChangeLog`, another datahub-actions event type): kept whole as an `unknown` event.
pub(crate) fn unknown(
    inner: Innermost<'_, '_>,
    format: NativeFormat,
    name: Option<&str>,
    envelope: EnvelopeFacts,
    normalizer: &mut Normalizer,
) -> Event {
    let node = inner.node;
    let entity_urn = avro_str(node.get("entityUrn")).filter(|urn| !urn.is_empty());
    let entity_type = avro_str(node.get("entityType"));
    let audit = node.get("auditStamp").or_else(|| node.get("created"));
    let time = audit
        .and_then(|stamp| stamp.get("time"))
        .and_then(coerce::integer)
        .filter(|time| coerce::is_safe_integer(*time))
        .or(envelope.time);
    let actor = avro_str(audit.and_then(|stamp| stamp.get("actor")));
    let mut native = Native::new(format);
    match format {
        NativeFormat::ActionsEvent => native.event_type = name.map(CompactString::from),
        _ => native.name = name.map(CompactString::from),
    }
    if format == NativeFormat::MetadataChangeLog {
        native.change_type = avro_str(node.get("changeType")).map(CompactString::from);
        native.aspect_name = avro_str(node.get("aspectName")).map(CompactString::from);
    }
    native.envelope = inner.envelope;
    native.schema_id = inner.schema_id;
    EventBuilder {
        id: normalizer.event_id(node, format, None),
        source: Source::Datahub,
        kind: Kind::Unknown,
        time,
        actor: actor.map(CompactString::from),
        entity: match entity_urn {
            Some(entity_urn) => entity_from_urn(entity_urn, entity_type, None),
            None => Entity { entity_type: entity_type.map(CompactString::from), ..Entity::default() },
        },
        subjects: Vec::new(),
        details: Details::default(),
        native,
        raw: inner.raw.to_owned_text(),
    }
    .build()
}
