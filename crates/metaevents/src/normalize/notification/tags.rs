//! One tag (classification) object of a notification, as both catalogs write it
//! (`AtlasClassification`: `typeName`, `entityGuid`, `entityStatus`, `propagate`, ...).

use serde_json::{Map, Value};

use crate::error::Result;
use crate::json::Node;
use crate::normalize::Fields;

/// Tag object fields copied into `details` as they are.
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
    // Microsoft Purview's.
    "lastModifiedTS",
];

/// A tag read from `tag` (at `path`) on the entity `entity_id`: its type name (the tag id), its
/// `{tagId, ..., propagated}` object, and whether it reached the entity by propagation (its
/// `entityGuid` is another entity's).
pub(crate) fn tag_object(tag: &Node<'_>, path: &str, entity_id: Option<&str>) -> Result<(String, Value, bool)> {
    let fields = Fields::of(tag, path, "a tag")?;
    let tag_id = fields.required_str("typeName")?.to_owned();
    let mut object = Map::new();
    object.insert("tagId".to_owned(), Value::String(tag_id.clone()));
    for key in TAG_FIELDS {
        if let Some(value) = fields.get(key) {
            object.insert((*key).to_owned(), value.to_value());
        }
    }
    let propagated = fields.lenient_str("entityGuid").is_some_and(|guid| Some(guid) != entity_id);
    object.insert("propagated".to_owned(), Value::Bool(propagated));
    Ok((tag_id, Value::Object(object), propagated))
}
