//! The entity a `ChangeEvent` is about: its id, type and fully qualified name from the event,
//! and what only the entity itself knows (its platform), from `entity` when that is the entity.

use bumpalo::Bump;
use compact_str::CompactString;

use super::changes::split_name;
use crate::json::{self, Node};
use crate::model::Entity;

/// The entity as the event carries it in `entity`: JSON text (`pojoToMaskedJson` in
/// `ChangeEventHandler`) or, from other producers, an object. Only when it is the entity the
/// event is about (same `id`, or none): `OpenMetadata`'s own UI fixtures pair events with the
/// snapshot of another entity, and a platform read off the wrong entity would mislead.
pub(crate) fn snapshot<'b>(
    node: Option<&'b Node<'b>>,
    entity_id: &str,
    arena: &'b Bump,
    max_depth: usize,
) -> Option<&'b Node<'b>> {
    let snapshot = match node? {
        Node::String(text) => &*arena.alloc(json::tree::parse(text.as_str(), max_depth, arena).ok()?),
        object @ Node::Object(_) => object,
        _ => return None,
    };
    match snapshot.get("id") {
        Some(Node::String(id)) if id.as_str() != entity_id => None,
        _ if snapshot.as_object().is_some() => Some(snapshot),
        _ => None,
    }
}

/// The entity: `entityId`, `entityType`, `entityFullyQualifiedName` (its last part, unquoted,
/// is the name; the parts before it the parent, but the literal `model` of a dashboard data
/// model's `service.model.name`); the platform is the snapshot's `serviceType`, lowercased.
pub(crate) fn entity(entity_id: &str, entity_type: &str, fqn: Option<&str>, snapshot: Option<&Node<'_>>) -> Entity {
    let snapshot_str = |key: &str| snapshot.and_then(|s| s.get(key)).and_then(Node::as_str).filter(|s| !s.is_empty());
    let qualified_name = fqn.filter(|fqn| !fqn.is_empty()).or_else(|| snapshot_str("fullyQualifiedName"));
    let (name, parent) = match qualified_name {
        Some(fqn) => name_and_parent(fqn, entity_type),
        None => (None, None),
    };
    Entity {
        id: Some(entity_id.into()),
        entity_type: Some(entity_type.into()),
        name: name.map(CompactString::from).or_else(|| snapshot_str("name").map(CompactString::from)),
        qualified_name: qualified_name.map(CompactString::from),
        platform: snapshot_str("serviceType").map(crate::normalize::lowercase),
        parent: parent.map(CompactString::from),
        field_path: None,
    }
}

/// The last part of a fully qualified name, unquoted, and the name before it (as written).
fn name_and_parent(fqn: &str, entity_type: &str) -> (Option<String>, Option<String>) {
    let parts = split_name(fqn);
    let name = parts.last().filter(|name| !name.is_empty()).cloned();
    if parts.len() < 2 {
        return (name, None);
    }
    let kept = if entity_type == "dashboardDataModel" && parts.len() == 3 { 1 } else { parts.len() - 1 };
    // Cut the written name after its `kept`-th unquoted dot, keeping its own quoting.
    let mut dots = 0;
    let mut quoted = false;
    for (at, c) in fqn.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '.' if !quoted => {
                dots += 1;
                if dots == kept {
                    return (name, fqn.get(..at).map(str::to_owned));
                }
            }
            _ => {}
        }
    }
    (name, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_parents_follow_the_fqn() {
        let split = |fqn, ty| name_and_parent(fqn, ty);
        assert_eq!(
            split("sample_data.ecommerce_db.shopify.\"dim.shop\"", "table"),
            (Some("dim.shop".to_owned()), Some("sample_data.ecommerce_db.shopify".to_owned()))
        );
        assert_eq!(split("Glue", "databaseService"), (Some("Glue".to_owned()), None));
        assert_eq!(
            split("superset.model.orders", "dashboardDataModel"),
            (Some("orders".to_owned()), Some("superset".to_owned()))
        );
        assert_eq!(
            split("Business.\"Revenue.Net\".Gross", "glossaryTerm"),
            (Some("Gross".to_owned()), Some("Business.\"Revenue.Net\"".to_owned()))
        );
    }
}
