//! Asset lifecycle: created (lineage processes included), updated, deleted.

use serde_json::{Map, Value};

use super::entity::{reference, referenced_qualified_name};
use super::{Message, Normalized, insert_str, invalid};
use crate::error::Result;
use crate::json::Node;
use crate::model::Kind;
use crate::normalize::{coerce, push_subject};

/// `ENTITY_CREATE`: the header's status and creation stamp; a process's inputs and outputs.
pub(super) fn created(message: &Message<'_, '_>, kind: Kind, out: &mut Normalized) {
    insert_str(&mut out.details, "status", message.entity_str("status"));
    insert_str(&mut out.details, "createdBy", message.entity_str("createdBy"));
    if let Some(time) = message.entity.and_then(|e| e.get("createTime")).and_then(coerce::integer) {
        out.details.insert("createTime", Value::from(time));
    }
    if kind != Kind::LineageCreated {
        return;
    }
    for key in ["inputs", "outputs"] {
        let listed = message.entity.and_then(|e| {
            e.get("relationshipAttributes")
                .and_then(|r| r.get(key))
                .or_else(|| e.get("attributes").and_then(|a| a.get(key)))
                .and_then(Node::as_array)
        });
        if let Some(items) = listed {
            out.details.insert(key.to_owned(), Value::Array(items.iter().map(reference).collect()));
            // What the process links: its inputs, then its outputs.
            for item in items {
                push_reference(&mut out.subjects, item);
            }
        }
    }
}

/// Adds a referenced asset to `subjects`: its guid, else its qualified name.
fn push_reference(subjects: &mut Vec<String>, item: &Node<'_>) {
    if let Some(id) = item.get("guid").and_then(Node::as_str).or_else(|| referenced_qualified_name(item)) {
        push_subject(subjects, id);
    }
}

/// `ENTITY_UPDATE`: the names and new values of the changed attributes and relationships.
pub(super) fn updated(message: &Message<'_, '_>, out: &mut Normalized) -> Result<()> {
    let mutated = match message.mutated {
        None => None,
        Some(Node::Object(object)) => Some(object),
        Some(other) => {
            return Err(invalid(
                message.mutated_path(),
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
            .map(|v| v.iter().filter(|(k, _)| *k != "tenantId").map(|(k, _)| Value::String(k.to_owned())).collect())
            .unwrap_or_default();
        out.details.insert(names_key, Value::Array(names));
        match values {
            Some(values) => out.details.insert(values_key, Node::Object(*values).to_value()),
            None if required => out.details.insert(values_key, Value::Object(Map::new())),
            None => {}
        }
    }
    // Glossary terms attached to the asset (`meanings` is the whole new list).
    let meanings = mutated
        .and_then(|m| m.get("relationshipAttributes"))
        .and_then(|r| r.get("meanings"))
        .and_then(Node::as_array)
        .unwrap_or_default();
    for term in meanings {
        push_reference(&mut out.subjects, term);
    }
    let headers = message.fields.get("headers");
    insert_str(&mut out.details, "requestId", headers.and_then(|h| h.get("x-atlan-request-id")).and_then(Node::as_str));
    if let Some(via_ui) = headers.and_then(|h| h.get("x-atlan-via-ui")).and_then(coerce::boolean) {
        out.details.insert("viaUi", Value::Bool(via_ui));
    }
    Ok(())
}

/// `ENTITY_DELETE`: archived or purged.
pub(super) fn deleted(message: &Message<'_, '_>, out: &mut Normalized) {
    let handler = message.entity_str("deleteHandler");
    let status = message.entity_str("status");
    let hard = matches!(handler, Some("HARD" | "PURGE")) || status == Some("PURGED");
    out.details.insert("hard", Value::Bool(hard));
    insert_str(&mut out.details, "deleteHandler", handler);
    insert_str(&mut out.details, "status", status);
}
