//! `CLASSIFICATION_ADD / DELETE / UPDATE`: Atlas sends the entity's classifications after the
//! change (`entity.classifications`, supertypes included; `EntityNotificationListenerV2.
//! toNotificationHeader`), never which one changed. So `details.classifications` lists them all,
//! and `subjects` are their names for an add or an update (the changed one is among them) and
//! empty for a delete (the removed one is the one no longer listed).

use serde_json::{Map, Value};

use crate::error::Result;
use crate::json::{self, Node};
use crate::model::Kind;
use crate::normalize::notification::tags::tag_object;
use crate::normalize::notification::{Message, Normalized, invalid};
use crate::normalize::push_subject;

pub(super) fn classifications(message: &Message<'_, '_>, kind: Kind, out: &mut Normalized) -> Result<()> {
    let entity_path = message.fields.child_path("entity");
    let entity = message.entity.map(|entity| entity.get("classifications").filter(|node| !node.is_null()));
    let mut listed = Vec::new();
    let mut names: Vec<String> = Vec::new();
    match entity.flatten() {
        Some(Node::Array(items)) => {
            let path = json::path::child(&entity_path, "classifications");
            for (index, tag) in items.iter().enumerate() {
                let (tag_id, object, _) = tag_object(tag, &json::path::item(&path, index), out.entity.id.as_deref())?;
                listed.push(object);
                names.push(tag_id);
            }
        }
        Some(other) => {
            return Err(invalid(
                json::path::child(&entity_path, "classifications"),
                format!("`classifications` must be a list of classifications, found {}", other.type_name()),
            ));
        }
        // Only the names (a header trimmed by its producer): each one a classification.
        None => {
            let listed_names =
                message.entity.and_then(|entity| entity.get("classificationNames")).and_then(Node::as_array);
            for name in listed_names.unwrap_or_default().iter().filter_map(Node::as_str) {
                let mut object = Map::new();
                object.insert("tagId".to_owned(), Value::String(name.to_owned()));
                listed.push(Value::Object(object));
                names.push(name.to_owned());
            }
        }
    }
    if kind != Kind::TagRemoved {
        for name in names {
            push_subject(&mut out.subjects, &name);
        }
    }
    out.details.insert("classifications", Value::Array(listed));
    Ok(())
}
