//! Atlan notification messages → the kinds of Atlan's catalog, one module per group of kinds.
//! The common fields are read in `normalize::notification`.

mod custom_metadata;
pub(crate) mod entity;
mod tags;
mod updates;

use crate::atlan_names::AtlanNames;
use crate::error::Result;
use crate::json::Node;
use crate::model::Kind;
use crate::normalize::notification::{Message, Normalized, lifecycle, relationships};

/// Fills in the entity, details and subjects of an Atlan message of `kind` (found at `path`),
/// with the display names of the tenant's hashed ids when the caller gave them.
pub(crate) fn normalize(
    message: &Message<'_, '_>,
    kind: Kind,
    path: &str,
    names: Option<&AtlanNames>,
) -> Result<Normalized> {
    let mut out = Normalized { entity: entity::asset_entity(message.entity), ..Normalized::default() };
    match kind {
        Kind::EntityCreated | Kind::LineageCreated => lifecycle::created(message, kind, &mut out),
        Kind::EntityUpdated => updates::updated(message, &mut out)?,
        Kind::EntityDeleted => lifecycle::deleted(message, &mut out),
        Kind::CustomMetadataUpdated => custom_metadata::updated(message, names, &mut out)?,
        Kind::TagAdded | Kind::TagRemoved | Kind::TagUpdated => tags::changed(message, names, &mut out)?,
        Kind::RelationshipCreated | Kind::RelationshipUpdated | Kind::RelationshipDeleted => {
            relationships::changed(
                message,
                path,
                |_, qualified_name| entity::platform(None, qualified_name),
                &mut out,
            )?;
        }
        _ => {}
    }
    Ok(out)
}

/// Who made the change: `updatedBy` of `mutatedDetails` (but custom metadata's, which holds
/// values), else of the entity, else of the relationship.
pub(crate) fn actor<'n>(message: &Message<'n, '_>, kind: Kind) -> Option<&'n str> {
    match message.mutated {
        Some(Node::Object(object)) if kind != Kind::CustomMetadataUpdated => {
            object.get("updatedBy").and_then(Node::as_str)
        }
        _ => None,
    }
    .or_else(|| message.entity_str("updatedBy"))
    .or_else(|| message.relationship.and_then(|r| r.get("updatedBy")).and_then(Node::as_str))
}
