//! `CLASSIFICATION_ADD / DELETE / UPDATE`: the tags of `mutatedDetails`, each marked propagated
//! when it is attached to another asset than this one.

use serde_json::Value;

use crate::atlan_names::AtlanNames;
use crate::error::Result;
use crate::json::Node;
use crate::normalize::notification::tags::tag_object;
use crate::normalize::notification::{Message, Normalized, invalid};
use crate::normalize::push_subject;

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
        let (tag_id, mut object, propagated) = tag_object(tag, &tag_path, out.entity.id.as_deref())?;
        if let (Some(name), Value::Object(object)) = (names.and_then(|names| names.tag(&tag_id)), &mut object) {
            object.insert("name".to_owned(), Value::String(name.to_owned()));
        }
        all_propagated &= propagated;
        listed.push(object);
        push_subject(&mut out.subjects, &tag_id);
    }
    out.details.insert("tags", Value::Array(listed));
    out.details.insert("propagated", Value::Bool(all_propagated));
    Ok(())
}
