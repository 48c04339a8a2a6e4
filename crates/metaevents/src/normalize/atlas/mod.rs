//! Apache Atlas and Microsoft Purview notification messages → the kinds of Atlas's catalog. The
//! common fields are read in `normalize::notification`; what Atlas writes like Atlan (created,
//! deleted, relationships) is read by the shared modules there.

pub(crate) mod entity;
mod tags;

use crate::error::Result;
use crate::model::Kind;
use crate::normalize::notification::{Message, Normalized, insert_str, lifecycle, relationships};

/// Fills in the entity, details and subjects of an Atlas message of `kind` (found at `path`).
/// Atlas's messages name no user, so there is no actor.
pub(crate) fn normalize(message: &Message<'_, '_>, kind: Kind, path: &str) -> Result<Normalized> {
    let mut out = Normalized { entity: entity::header_entity(message.entity), ..Normalized::default() };
    match kind {
        Kind::EntityCreated | Kind::LineageCreated => lifecycle::created(message, kind, &mut out),
        // The header is the entity after the change; nothing says what changed.
        Kind::EntityUpdated => insert_str(&mut out.details, "status", message.entity_str("status")),
        Kind::EntityDeleted => lifecycle::deleted(message, &mut out),
        Kind::TagAdded | Kind::TagRemoved | Kind::TagUpdated => tags::classifications(message, kind, &mut out)?,
        Kind::RelationshipCreated | Kind::RelationshipUpdated | Kind::RelationshipDeleted => {
            relationships::changed(message, path, entity::platform, &mut out)?;
        }
        _ => {}
    }
    Ok(out)
}
