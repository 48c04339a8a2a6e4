//! The asset an Atlan notification is about: its header's fields, and references to other assets.

use serde_json::{Map, Value};

use crate::json::{Node, Object};
use crate::model::Entity;

/// Attributes that name an asset's parent, most specific first.
pub(crate) const PARENT_ATTRIBUTES: &[&str] = &[
    "parentQualifiedName",
    "tableQualifiedName",
    "viewQualifiedName",
    "materialisedViewQualifiedName",
    "schemaQualifiedName",
    "databaseQualifiedName",
    "connectionQualifiedName",
];

/// Platform from `connectorName`, else the second segment of `default/<connector>/...`.
pub(crate) fn platform(attributes: Option<&Object<'_>>, qualified_name: Option<&str>) -> Option<String> {
    if let Some(connector) = attributes.and_then(|a| a.get("connectorName")).and_then(Node::as_str) {
        if !connector.is_empty() {
            return Some(connector.to_ascii_lowercase());
        }
    }
    let mut segments = qualified_name?.split('/');
    match (segments.next(), segments.next()) {
        (Some("default"), Some(connector)) if !connector.is_empty() => Some(connector.to_ascii_lowercase()),
        _ => None,
    }
}

pub(crate) fn asset_entity(entity: Option<&Object<'_>>) -> Entity {
    let Some(entity) = entity else { return Entity::default() };
    let attributes = entity.get("attributes").and_then(Node::as_object);
    let attribute = |key: &str| attributes.and_then(|a| a.get(key)).and_then(Node::as_str).map(str::to_owned);
    let type_name = entity.get("typeName").and_then(Node::as_str).unwrap_or_default();
    let qualified_name = attribute("qualifiedName");
    let name = attribute("name");
    Entity {
        id: entity.get("guid").and_then(Node::as_str).unwrap_or_default().to_owned(),
        entity_type: type_name.to_owned(),
        platform: platform(attributes, qualified_name.as_deref()),
        parent: PARENT_ATTRIBUTES.iter().find_map(|key| attribute(key)),
        field_path: if type_name == "Column" { name.clone() } else { None },
        name,
        qualified_name,
    }
}

/// `{guid, typeName, qualifiedName}` of a relationship end or a lineage input/output.
pub(crate) fn reference(node: &Node<'_>) -> Value {
    let mut out = Map::new();
    for key in ["guid", "typeName"] {
        if let Some(value) = node.get(key).and_then(Node::as_str) {
            out.insert(key.to_owned(), Value::String(value.to_owned()));
        }
    }
    let qualified_name = node
        .get("uniqueAttributes")
        .and_then(|u| u.get("qualifiedName"))
        .or_else(|| node.get("attributes").and_then(|a| a.get("qualifiedName")))
        .and_then(Node::as_str);
    if let Some(qualified_name) = qualified_name {
        out.insert("qualifiedName".to_owned(), Value::String(qualified_name.to_owned()));
    }
    Value::Object(out)
}
