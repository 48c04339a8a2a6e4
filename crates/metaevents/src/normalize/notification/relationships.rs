//! `RELATIONSHIP_CREATE / UPDATE / DELETE`, read the same way from Atlan and Atlas: the
//! relationship header (`AtlasRelationshipHeader`); end 1 is the entity, end 2 the subject.

use compact_str::CompactString;
use serde_json::Value;

use super::{Message, Normalized, insert_str, invalid, missing_object, reference};
use crate::error::Result;
use crate::json::{Node, Object};
use crate::model::Entity;
use crate::normalize::{Fields, push_subject};

/// The platform of an entity from its type name and qualified name, as each catalog names it.
pub(crate) type PlatformOf = fn(&str, Option<&str>) -> Option<CompactString>;

pub(crate) fn changed(message: &Message<'_, '_>, path: &str, platform: PlatformOf, out: &mut Normalized) -> Result<()> {
    let relationship = message.relationship.ok_or_else(|| missing_object(&message.fields, "relationship"))?;
    let relationship = Fields::nested(relationship, path, "relationship");
    let relationship_type = relationship.required_str("typeName")?;
    let end = |key: &str| -> Result<&Object<'_>> {
        let node = relationship.get(key).ok_or_else(|| missing_object(&relationship, key))?;
        node.as_object().ok_or_else(|| {
            invalid(relationship.child_path(key), format!("`{key}` must be a JSON object, found {}", node.type_name()))
        })
    };
    let (end1, end2) = (end("end1")?, end("end2")?);
    let details = &mut out.details;
    details.insert("relationshipType", Value::String(relationship_type.to_owned()));
    insert_str(details, "relationshipGuid", relationship.lenient_str("guid"));
    insert_str(details, "status", relationship.lenient_str("status"));
    insert_str(details, "label", relationship.lenient_str("label"));
    insert_str(details, "propagateTags", relationship.lenient_str("propagateTags"));
    details.insert("end1", reference(&Node::Object(*end1)));
    details.insert("end2", reference(&Node::Object(*end2)));
    let qualified_name = end1
        .get("uniqueAttributes")
        .and_then(|u| u.get("qualifiedName"))
        .and_then(Node::as_str)
        .map(CompactString::from);
    let entity_type = end_str(end1, "typeName");
    out.entity = Entity {
        id: end_str(end1, "guid").map(CompactString::from),
        entity_type: entity_type.map(CompactString::from),
        platform: platform(entity_type.unwrap_or_default(), qualified_name.as_deref()),
        qualified_name,
        ..Entity::default()
    };
    if let Some(guid) = end_str(end2, "guid") {
        push_subject(&mut out.subjects, guid);
    }
    Ok(())
}

fn end_str<'a>(end: &Object<'a>, key: &str) -> Option<&'a str> {
    end.get(key).and_then(Node::as_str)
}
