//! Entity lifecycle read the same way from Atlan and Atlas: created (lineage processes
//! included) and deleted.

use serde_json::Value;

use super::{Message, Normalized, insert_str, reference, referenced_qualified_name};
use crate::json::Node;
use crate::model::Kind;
use crate::normalize::{coerce, push_subject};

/// `ENTITY_CREATE`: the header's status and creation stamp (Atlan's header has one, Atlas's
/// none); a process's inputs and outputs where the header lists them.
pub(crate) fn created(message: &Message<'_, '_>, kind: Kind, out: &mut Normalized) {
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

/// Adds a referenced entity to `subjects`: its guid, else its qualified name.
pub(crate) fn push_reference(subjects: &mut Vec<String>, item: &Node<'_>) {
    if let Some(id) = item.get("guid").and_then(Node::as_str).or_else(|| referenced_qualified_name(item)) {
        push_subject(subjects, id);
    }
}

/// `ENTITY_DELETE`: archived (Atlan) or marked deleted (Atlas), or purged.
pub(crate) fn deleted(message: &Message<'_, '_>, out: &mut Normalized) {
    let handler = message.entity_str("deleteHandler");
    let status = message.entity_str("status");
    let hard = matches!(handler, Some("HARD" | "PURGE")) || status == Some("PURGED");
    out.details.insert("hard", Value::Bool(hard));
    insert_str(&mut out.details, "deleteHandler", handler);
    insert_str(&mut out.details, "status", status);
}
