//! `ENTITY_UPDATE`: what Atlan's `mutatedDetails` says changed.

use serde_json::{Map, Value};

use crate::error::Result;
use crate::json::Node;
use crate::normalize::coerce;
use crate::normalize::notification::lifecycle::push_reference;
use crate::normalize::notification::{Message, Normalized, insert_str, invalid};

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
