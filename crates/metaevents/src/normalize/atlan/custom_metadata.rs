//! `BUSINESS_ATTRIBUTE_UPDATE`: custom metadata set or removed (a `null` value is a removal).

use serde_json::{Map, Value};

use crate::atlan_names::AtlanNames;
use crate::error::Result;
use crate::json::Node;
use crate::normalize::notification::{Message, Normalized, invalid};
use crate::normalize::push_subject;

pub(super) fn updated(message: &Message<'_, '_>, names: Option<&AtlanNames>, out: &mut Normalized) -> Result<()> {
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
    let change = |set_id: &str, attribute_id: Option<&str>, value: &Node<'_>| {
        let mut change = Map::new();
        change.insert("setId".to_owned(), Value::String(set_id.to_owned()));
        if let Some(name) = names.and_then(|names| names.custom_metadata_set(set_id)) {
            change.insert("setName".to_owned(), Value::String(name.to_owned()));
        }
        change.insert("attributeId".to_owned(), attribute_id.map_or(Value::Null, |id| Value::String(id.to_owned())));
        let attribute_name =
            attribute_id.and_then(|id| names.and_then(|names| names.custom_metadata_attribute(set_id, id)));
        if let Some(name) = attribute_name {
            change.insert("attributeName".to_owned(), Value::String(name.to_owned()));
        }
        change.insert("value".to_owned(), value.to_value());
        change.insert("removed".to_owned(), Value::Bool(value.is_null()));
        Value::Object(change)
    };
    let mut changes = Vec::new();
    for (set_id, attributes) in sets.iter() {
        if let Node::Object(attributes) = attributes {
            for (attribute_id, value) in attributes.iter() {
                changes.push(change(set_id, Some(attribute_id), value));
                push_subject(&mut out.subjects, &format!("{set_id}.{attribute_id}"));
            }
        } else {
            // A whole set set or cleared at once.
            changes.push(change(set_id, None, attributes));
            push_subject(&mut out.subjects, set_id);
        }
    }
    out.details.insert("changes", Value::Array(changes));
    Ok(())
}
