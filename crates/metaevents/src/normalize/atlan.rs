//! Atlan notification messages (`message` of the webhook envelope) → [`Event`].

use serde_json::{Map, Value};

use super::{Fields, Innermost, Normalizer, coerce, push_subject};
use crate::error::{Error, ErrorKind, Result};
use crate::json::{Node, Object};
use crate::model::{Details, Entity, Event, EventBuilder, Kind, Native, NativeFormat, Source};

/// Attributes that name an asset's parent, most specific first.
const PARENT_ATTRIBUTES: &[&str] = &[
    "parentQualifiedName",
    "tableQualifiedName",
    "viewQualifiedName",
    "materialisedViewQualifiedName",
    "schemaQualifiedName",
    "databaseQualifiedName",
    "connectionQualifiedName",
];

/// Tag object fields copied into `details.tags[]` as they are.
const TAG_FIELDS: &[&str] = &[
    "entityGuid",
    "entityStatus",
    "propagate",
    "removePropagationsOnEntityDelete",
    "restrictPropagationThroughLineage",
    "restrictPropagationThroughHierarchy",
    "attributes",
    "validityPeriods",
    "displayName",
];

/// What the envelope around the message knows.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct EnvelopeFacts {
    /// `msgCreationTime`: the time when the message carries no `eventTime`.
    pub msg_creation_time: Option<i64>,
}

/// Platform from `connectorName`, else the second segment of `default/<connector>/...`.
fn platform(attributes: Option<&Object<'_>>, qualified_name: Option<&str>) -> Option<String> {
    if let Some(connector) = attributes.and_then(|a| a.get("connectorName")).and_then(Node::as_str) {
        if !connector.is_empty() {
            return Some(connector.to_ascii_lowercase());
        }
    }
    let mut segments = qualified_name?.split('/');
    match (segments.next(), segments.next()) {
        (Some("default"), Some(connector)) if !connector.is_empty() => Some(connector.to_ascii_lowercase()),
        _ => None,
    }
}

fn asset_entity(entity: Option<&Object<'_>>) -> Entity {
    let Some(entity) = entity else { return Entity::default() };
    let attributes = entity.get("attributes").and_then(Node::as_object);
    let attribute = |key: &str| attributes.and_then(|a| a.get(key)).and_then(Node::as_str).map(str::to_owned);
    let type_name = entity.get("typeName").and_then(Node::as_str).unwrap_or_default();
    let qualified_name = attribute("qualifiedName");
    let name = attribute("name");
    Entity {
        id: entity.get("guid").and_then(Node::as_str).unwrap_or_default().to_owned(),
        entity_type: type_name.to_owned(),
        platform: platform(attributes, qualified_name.as_deref()),
        parent: PARENT_ATTRIBUTES.iter().find_map(|key| attribute(key)),
        field_path: if type_name == "Column" { name.clone() } else { None },
        name,
        qualified_name,
    }
}

/// `{guid, typeName, qualifiedName}` of a relationship end or a lineage input/output.
fn reference(node: &Node<'_>) -> Value {
    let mut out = Map::new();
    for key in ["guid", "typeName"] {
        if let Some(value) = node.get(key).and_then(Node::as_str) {
            out.insert(key.to_owned(), Value::String(value.to_owned()));
        }
    }
    let qualified_name = node
        .get("uniqueAttributes")
        .and_then(|u| u.get("qualifiedName"))
        .or_else(|| node.get("attributes").and_then(|a| a.get("qualifiedName")))
        .and_then(Node::as_str);
    if let Some(qualified_name) = qualified_name {
        out.insert("qualifiedName".to_owned(), Value::String(qualified_name.to_owned()));
    }
    Value::Object(out)
}

fn insert_str(details: &mut Details, key: &'static str, value: Option<&str>) {
    if let Some(value) = value {
        details.insert(key, Value::String(value.to_owned()));
    }
}

fn invalid(path: String, message: String) -> Error {
    Error::at_path(ErrorKind::InvalidField, path, message)
}

/// A notification message.
pub(crate) fn notification(
    inner: Innermost<'_, '_>,
    envelope: EnvelopeFacts,
    normalizer: &mut Normalizer,
) -> Result<Event> {
    let message = Fields::of(inner.node, inner.path, "an Atlan notification message")?;
    let operation_type = message.required_str("operationType")?;
    let message_type = message.optional_str("type")?;
    let time = match message.optional_time("eventTime")? {
        Some(time) => time,
        None => envelope.msg_creation_time.ok_or_else(|| {
            invalid(
                message.child_path("eventTime"),
                "missing required field `eventTime` (and the envelope has no `msgCreationTime`)".to_owned(),
            )
        })?,
    };
    let is_relationship = operation_type.starts_with("RELATIONSHIP_");
    let entity_node = message.optional_object("entity")?;
    let relationship_node = message.optional_object("relationship")?;
    let type_name = entity_node.and_then(|e| e.get("typeName")).and_then(Node::as_str).unwrap_or_default();
    let entry = normalizer.catalog.atlan(operation_type, type_name);
    let kind = entry.map_or(Kind::Unknown, |entry| entry.kind);

    let mut entity = asset_entity(entity_node);
    if entry.is_some() && !is_relationship {
        let fields =
            Fields::nested(entity_node.ok_or_else(|| message_missing(&message, "entity"))?, inner.path, "entity");
        fields.required_str("guid")?;
        fields.required_str("typeName")?;
        fields.optional_object("attributes")?;
    }

    let mutated = message.get("mutatedDetails");
    let mutated_path = || message.child_path("mutatedDetails");
    let mut details = Details::default();
    let mut subjects = Vec::new();
    let entity_str = |key: &str| entity_node.and_then(|e| e.get(key)).and_then(Node::as_str);
    match kind {
        Kind::EntityCreated | Kind::LineageCreated => {
            insert_str(&mut details, "status", entity_str("status"));
            insert_str(&mut details, "createdBy", entity_str("createdBy"));
            if let Some(time) = entity_node.and_then(|e| e.get("createTime")).and_then(coerce::integer) {
                details.insert("createTime", Value::from(time));
            }
            if kind == Kind::LineageCreated {
                for key in ["inputs", "outputs"] {
                    let listed = entity_node.and_then(|e| {
                        e.get("relationshipAttributes")
                            .and_then(|r| r.get(key))
                            .or_else(|| e.get("attributes").and_then(|a| a.get(key)))
                            .and_then(Node::as_array)
                    });
                    if let Some(items) = listed {
                        details.insert(key.to_owned(), Value::Array(items.iter().map(reference).collect()));
                    }
                }
            }
        }
        Kind::EntityUpdated => {
            let mutated = match mutated {
                None => None,
                Some(Node::Object(object)) => Some(object),
                Some(other) => {
                    return Err(invalid(
                        mutated_path(),
                        format!("`mutatedDetails` of ENTITY_UPDATE must be an object, found {}", other.type_name()),
                    ));
                }
            };
            for (names_key, values_key, required) in
                [("changedAttributes", "attributes", true), ("changedRelationships", "relationshipAttributes", false)]
            {
                let values = mutated.and_then(|m| m.get(values_key)).and_then(Node::as_object);
                // Atlan repeats `tenantId` in every update; it is kept in `attributes` but changes nothing.
                let names = values
                    .map(|v| {
                        v.iter().filter(|(k, _)| *k != "tenantId").map(|(k, _)| Value::String(k.to_owned())).collect()
                    })
                    .unwrap_or_default();
                details.insert(names_key, Value::Array(names));
                match values {
                    Some(values) => {
                        details.insert(values_key, Node::Object(*values).to_value());
                    }
                    None if required => {
                        details.insert(values_key, Value::Object(Map::new()));
                    }
                    None => {}
                }
            }
            let headers = message.get("headers");
            insert_str(
                &mut details,
                "requestId",
                headers.and_then(|h| h.get("x-atlan-request-id")).and_then(Node::as_str),
            );
            if let Some(via_ui) = headers.and_then(|h| h.get("x-atlan-via-ui")).and_then(coerce::boolean) {
                details.insert("viaUi", Value::Bool(via_ui));
            }
        }
        Kind::EntityDeleted => {
            let handler = entity_str("deleteHandler");
            let status = entity_str("status");
            let hard = matches!(handler, Some("HARD" | "PURGE")) || status == Some("PURGED");
            details.insert("hard", Value::Bool(hard));
            insert_str(&mut details, "deleteHandler", handler);
            insert_str(&mut details, "status", status);
        }
        Kind::CustomMetadataUpdated => {
            let sets = match mutated {
                Some(Node::Object(object)) => object,
                other => {
                    return Err(invalid(
                        mutated_path(),
                        format!(
                            "`mutatedDetails` of BUSINESS_ATTRIBUTE_UPDATE must be an object of custom-metadata sets, found {}",
                            other.map_or("nothing", Node::type_name)
                        ),
                    ));
                }
            };
            let change = |set_id: &str, attribute_id: Value, value: &Node<'_>| {
                let mut change = Map::new();
                change.insert("setId".to_owned(), Value::String(set_id.to_owned()));
                change.insert("attributeId".to_owned(), attribute_id);
                change.insert("value".to_owned(), value.to_value());
                change.insert("removed".to_owned(), Value::Bool(value.is_null()));
                Value::Object(change)
            };
            let mut changes = Vec::new();
            for (set_id, attributes) in sets.iter() {
                if let Node::Object(attributes) = attributes {
                    for (attribute_id, value) in attributes.iter() {
                        changes.push(change(set_id, Value::String(attribute_id.to_owned()), value));
                        push_subject(&mut subjects, &format!("{set_id}.{attribute_id}"));
                    }
                } else {
                    // A whole set set or cleared at once.
                    changes.push(change(set_id, Value::Null, attributes));
                    push_subject(&mut subjects, set_id);
                }
            }
            details.insert("changes", Value::Array(changes));
        }
        Kind::TagAdded | Kind::TagRemoved | Kind::TagUpdated => {
            let tags: Vec<&Node<'_>> = match mutated {
                Some(Node::Array(items)) => items.iter().collect(),
                // Older servers sent a single tag object.
                Some(single @ Node::Object(_)) => vec![single],
                other => {
                    return Err(invalid(
                        mutated_path(),
                        format!(
                            "`mutatedDetails` of {operation_type} must be a list of tags, found {}",
                            other.map_or("nothing", Node::type_name)
                        ),
                    ));
                }
            };
            let mut out = Vec::with_capacity(tags.len());
            let mut all_propagated = !tags.is_empty();
            for (index, tag) in tags.into_iter().enumerate() {
                let tag_path = format!("{}[{index}]", mutated_path());
                let tag_fields = Fields::of(tag, &tag_path, "a tag")?;
                let tag_id = tag_fields.required_str("typeName")?;
                let mut object = Map::new();
                object.insert("tagId".to_owned(), Value::String(tag_id.to_owned()));
                for key in TAG_FIELDS {
                    if let Some(value) = tag_fields.get(key) {
                        object.insert((*key).to_owned(), value.to_value());
                    }
                }
                let propagated = tag_fields.lenient_str("entityGuid").is_some_and(|guid| guid != entity.id);
                all_propagated &= propagated;
                object.insert("propagated".to_owned(), Value::Bool(propagated));
                out.push(Value::Object(object));
                push_subject(&mut subjects, tag_id);
            }
            details.insert("tags", Value::Array(out));
            details.insert("propagated", Value::Bool(all_propagated));
        }
        Kind::RelationshipCreated | Kind::RelationshipUpdated | Kind::RelationshipDeleted => {
            let relationship = Fields::nested(
                relationship_node.ok_or_else(|| message_missing(&message, "relationship"))?,
                inner.path,
                "relationship",
            );
            let relationship_type = relationship.required_str("typeName")?;
            let (end1_path, end2_path) = (relationship.child_path("end1"), relationship.child_path("end2"));
            let end1 = Fields::of(
                relationship.get("end1").ok_or_else(|| message_missing(&relationship, "end1"))?,
                &end1_path,
                "`end1`",
            )?;
            let end2 = Fields::of(
                relationship.get("end2").ok_or_else(|| message_missing(&relationship, "end2"))?,
                &end2_path,
                "`end2`",
            )?;
            details.insert("relationshipType", Value::String(relationship_type.to_owned()));
            insert_str(&mut details, "relationshipGuid", relationship.lenient_str("guid"));
            insert_str(&mut details, "status", relationship.lenient_str("status"));
            insert_str(&mut details, "label", relationship.lenient_str("label"));
            insert_str(&mut details, "propagateTags", relationship.lenient_str("propagateTags"));
            let end1_node = Node::Object(*end1.object);
            let end2_node = Node::Object(*end2.object);
            details.insert("end1", reference(&end1_node));
            details.insert("end2", reference(&end2_node));
            let qualified_name = end1
                .get("uniqueAttributes")
                .and_then(|u| u.get("qualifiedName"))
                .and_then(Node::as_str)
                .map(str::to_owned);
            entity = Entity {
                id: end1.lenient_str("guid").unwrap_or_default().to_owned(),
                entity_type: end1.lenient_str("typeName").unwrap_or_default().to_owned(),
                platform: platform(None, qualified_name.as_deref()),
                qualified_name,
                ..Entity::default()
            };
            if let Some(guid) = end2.lenient_str("guid") {
                push_subject(&mut subjects, guid);
            }
        }
        _ => {}
    }

    let actor = match mutated {
        Some(Node::Object(object)) if kind != Kind::CustomMetadataUpdated => {
            object.get("updatedBy").and_then(Node::as_str)
        }
        _ => None,
    }
    .or_else(|| entity_str("updatedBy"))
    .or_else(|| relationship_node.and_then(|r| r.get("updatedBy")).and_then(Node::as_str));

    let mut native = Native::new(NativeFormat::AtlanNotification);
    native.operation_type = Some(operation_type.to_owned());
    native.message_type = message_type.map(str::to_owned);
    native.envelope = inner.envelope;
    Ok(EventBuilder {
        id: normalizer.event_id(inner.node, NativeFormat::AtlanNotification, None),
        source: Source::Atlan,
        kind,
        time,
        actor: actor.map(str::to_owned),
        entity,
        subjects,
        details,
        native,
        raw: inner.raw.to_owned_text(),
    }
    .build())
}

fn message_missing(fields: &Fields<'_, '_>, key: &str) -> Error {
    invalid(fields.child_path(key), format!("missing required field `{key}` (an object)"))
}
