//! `CLASSIFICATION_ADD / DELETE / UPDATE`: the tags of `mutatedDetails`, each marked propagated
//! when it is attached to another asset than this one.

use serde_json::{Map, Value};

use super::{Message, Normalized, invalid};
use crate::atlan_names::AtlanNames;
use crate::error::Result;
use crate::json::Node;
use crate::normalize::{Fields, push_subject};

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

pub(super) fn changed(message: &Message<'_, '_>, names: Option<&AtlanNames>, out: &mut Normalized) -> Result<()> {
    let tags: Vec<&Node<'_>> = match message.mutated {
        Some(Node::Array(items)) => items.iter().collect(),
        // Older servers sent a single tag object.
        Some(single @ Node::Object(_)) => vec![single],
        other => {
            return Err(invalid(
                message.mutated_path(),
                format!(
                    "`mutatedDetails` of {} must be a list of tags, found {}",
                    message.operation_type,
                    other.map_or("nothing", Node::type_name)
                ),
            ));
        }
    };
    let mut listed = Vec::with_capacity(tags.len());
    let mut all_propagated = !tags.is_empty();
    for (index, tag) in tags.into_iter().enumerate() {
        let tag_path = format!("{}[{index}]", message.mutated_path());
        let tag_fields = Fields::of(tag, &tag_path, "a tag")?;
        let tag_id = tag_fields.required_str("typeName")?;
        let mut object = Map::new();
        object.insert("tagId".to_owned(), Value::String(tag_id.to_owned()));
        if let Some(name) = names.and_then(|names| names.tag(tag_id)) {
            object.insert("name".to_owned(), Value::String(name.to_owned()));
        }
        for key in TAG_FIELDS {
            if let Some(value) = tag_fields.get(key) {
                object.insert((*key).to_owned(), value.to_value());
            }
        }
        let propagated =
            tag_fields.lenient_str("entityGuid").is_some_and(|guid| Some(guid) != out.entity.id.as_deref());
        all_propagated &= propagated;
        object.insert("propagated".to_owned(), Value::Bool(propagated));
        listed.push(Value::Object(object));
        push_subject(&mut out.subjects, tag_id);
    }
    out.details.insert("tags", Value::Array(listed));
    out.details.insert("propagated", Value::Bool(all_propagated));
    Ok(())
}
