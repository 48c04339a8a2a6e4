//! `BUSINESS_ATTRIBUTE_UPDATE`: custom metadata set or removed (a `null` value is a removal).

use serde_json::{Map, Value};

use crate::error::Result;
use crate::json::Node;
use crate::normalize::notification::{Message, Normalized, invalid};
use crate::normalize::push_subject;

pub(super) fn updated(message: &Message<'_, '_>, out: &mut Normalized) -> Result<()> {
    let sets = match message.mutated {
        Some(Node::Object(object)) => object,
        other => {
            return Err(invalid(
                message.mutated_path(),
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
                push_subject(&mut out.subjects, &format!("{set_id}.{attribute_id}"));
            }
        } else {
            // A whole set set or cleared at once.
            changes.push(change(set_id, Value::Null, attributes));
            push_subject(&mut out.subjects, set_id);
        }
    }
    out.details.insert("changes", Value::Array(changes));
    Ok(())
}
