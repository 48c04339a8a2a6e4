//! Reading `changeDescription`: its `FieldChange`s, what their names point at, and their values,
//! which the server writes as JSON text or as plain JSON depending on the field
//! (`EntityRepository.EntityUpdater.recordChange` / `recordListChange`).

use bumpalo::Bump;

use super::super::Fields;
use crate::error::{Error, ErrorKind, Result};
use crate::json::{self, Node, path};

/// The `changeDescription` lists, in the order they are read.
pub(crate) const LISTS: [Op; 3] = [Op::Added, Op::Updated, Op::Deleted];

/// Which list a `FieldChange` is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    Added,
    Updated,
    Deleted,
}

impl Op {
    /// The list's name: `fieldsAdded`, `fieldsUpdated`, `fieldsDeleted`.
    pub(crate) fn list(self) -> &'static str {
        match self {
            Op::Added => "fieldsAdded",
            Op::Updated => "fieldsUpdated",
            Op::Deleted => "fieldsDeleted",
        }
    }
}

/// One `FieldChange` `{name, oldValue, newValue}`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Change<'b> {
    pub op: Op,
    pub index: usize,
    pub name: &'b str,
    /// `oldValue`, when present and not null.
    pub old: Option<&'b Node<'b>>,
    /// `newValue`, when present and not null.
    pub new: Option<&'b Node<'b>>,
}

impl Change<'_> {
    /// `fieldsAdded[0]`: where the change is in `changeDescription`.
    pub(crate) fn locator(&self) -> String {
        format!("{}[{}]", self.op.list(), self.index)
    }

    /// The JSON path of the change in the event at `base`.
    pub(crate) fn path(&self, base: &str) -> String {
        path::item(&path::child(&path::child(base, "changeDescription"), self.op.list()), self.index)
    }

    /// The JSON path of its `oldValue` or `newValue`.
    pub(crate) fn value_path(&self, base: &str, new: bool) -> String {
        path::child(&self.path(base), if new { "newValue" } else { "oldValue" })
    }
}

/// Every `FieldChange` of the event's `changeDescription` (none when it has none), in list order.
pub(crate) fn read<'b>(event: &Fields<'b, 'b>) -> Result<Vec<Change<'b>>> {
    let Some(description) = event.optional_object("changeDescription")? else { return Ok(Vec::new()) };
    let description_path = event.child_path("changeDescription");
    let mut changes = Vec::new();
    for op in LISTS {
        let list_path = path::child(&description_path, op.list());
        let items = match description.get(op.list()) {
            None | Some(Node::Null) => continue,
            Some(Node::Array(items)) => *items,
            Some(other) => {
                return Err(invalid(list_path, format!("`{}` must be a list, found {}", op.list(), other.type_name())));
            }
        };
        for (index, item) in items.iter().enumerate() {
            let item_path = path::item(&list_path, index);
            let Some(object) = item.as_object() else {
                return Err(invalid(item_path, format!("a FieldChange must be an object, found {}", item.type_name())));
            };
            let name = match object.get("name") {
                Some(Node::String(name)) => name.as_str(),
                Some(other) => {
                    return Err(invalid(
                        path::child(&item_path, "name"),
                        format!("`name` must be a string, found {}", other.type_name()),
                    ));
                }
                None => {
                    return Err(invalid(
                        path::child(&item_path, "name"),
                        "missing required field `name` (a string)".to_owned(),
                    ));
                }
            };
            let value = |key: &str| object.get(key).filter(|node| !node.is_null());
            changes.push(Change { op, index, name, old: value("oldValue"), new: value("newValue") });
        }
    }
    Ok(changes)
}

pub(crate) fn invalid(path: String, message: String) -> Error {
    Error::at_path(ErrorKind::InvalidField, path, message)
}

/// A value as the server meant it: JSON text (a list, an object, a quoted string) decoded,
/// anything else as it is. Text that only looks like JSON stays text.
pub(crate) fn decoded<'b>(node: &'b Node<'b>, arena: &'b Bump, max_depth: usize) -> &'b Node<'b> {
    if let Node::String(text) = node {
        if text.trim_start().starts_with(['[', '{', '"']) {
            if let Ok(value) = json::tree::parse(text.as_str(), max_depth, arena) {
                return arena.alloc(value);
            }
        }
    }
    node
}

/// Root names of the fields of an entity that carry their own tags and descriptions: a table's
/// `columns`, a topic's or API endpoint's `schemaFields`, a search index's `fields`.
const FIELD_ROOTS: &[&str] = &["columns", "schemaFields", "fields"];
/// Containers those roots may sit in (`messageSchema.schemaFields`, `dataModel.columns`).
const FIELD_CONTAINERS: &[&str] = &["messageSchema", "dataModel", "requestSchema", "responseSchema"];
/// Column properties recorded one by one (`EntityUtil.getColumnField`), all schema changes.
pub(crate) const COLUMN_PROPERTIES: &[&str] = &["displayName", "constraint", "dataLength", "precision", "scale"];

/// What a `FieldChange` name points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Target {
    /// `tags`, or a field's (`columns.<path>.tags`): tags and glossary terms.
    Tags { field_path: Option<Vec<String>> },
    /// `description`, or a field's.
    Description { field_path: Option<Vec<String>> },
    /// `owners` (`owner` before 1.5).
    Owners,
    /// `domains` (`domain` on older servers).
    Domains,
    /// `deleted`: soft delete and restore.
    Deleted,
    /// `status` (glossary terms) or `entityStatus`.
    Status,
    /// `columns` (`parent` empty) or the children of a nested column (`columns.<parent>`).
    Columns { parent: Vec<String> },
    /// `columns.<path>.<property>`.
    ColumnProperty { path: Vec<String>, property: String },
    /// Anything else.
    Other,
}

impl Target {
    pub(crate) fn of(name: &str) -> Self {
        let parts = split_name(name);
        match parts.as_slice() {
            [] => Target::Other,
            [single] => match single.as_str() {
                "tags" => Target::Tags { field_path: None },
                "description" => Target::Description { field_path: None },
                "owners" | "owner" => Target::Owners,
                "domains" | "domain" => Target::Domains,
                "deleted" => Target::Deleted,
                "status" | "entityStatus" => Target::Status,
                "columns" => Target::Columns { parent: Vec::new() },
                _ => Target::Other,
            },
            _ => field_target(&parts),
        }
    }
}

/// A name of a field's change: `<root>.<path>.<leaf>`, or `columns.<parent>` for the children of
/// a nested column.
fn field_target(parts: &[String]) -> Target {
    let is = |part: Option<&String>, names: &[&str]| part.is_some_and(|part| names.contains(&part.as_str()));
    let root_len = if is(parts.first(), FIELD_CONTAINERS) && is(parts.get(1), FIELD_ROOTS) {
        2
    } else if is(parts.first(), FIELD_ROOTS) {
        1
    } else {
        return Target::Other;
    };
    let columns = parts.get(root_len - 1).is_some_and(|root| root == "columns");
    let rest = parts.get(root_len..).unwrap_or_default();
    let Some((leaf, path)) = rest.split_last() else { return Target::Other };
    if !path.is_empty() {
        match leaf.as_str() {
            "tags" => return Target::Tags { field_path: Some(path.to_vec()) },
            "description" => return Target::Description { field_path: Some(path.to_vec()) },
            property if columns && COLUMN_PROPERTIES.contains(&property) => {
                return Target::ColumnProperty { path: path.to_vec(), property: property.to_owned() };
            }
            _ => {}
        }
    }
    if columns { Target::Columns { parent: rest.to_vec() } } else { Target::Other }
}

/// Splits a `FieldChange` name at its dots, as `FullyQualifiedName.split` does: a part in double
/// quotes may hold dots (`columns."dim.shop".displayName`); the quotes are dropped. Names built
/// with `EntityUtil.getFieldName` do not quote, so a column `a.b` may also come as `a`, `b`.
pub(crate) fn split_name(name: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in name.chars() {
        match c {
            '"' => quoted = !quoted,
            '.' if !quoted => parts.push(std::mem::take(&mut current)),
            _ => current.push(c),
        }
    }
    parts.push(current);
    parts
}

/// A field path as `fieldPath` shows it: the name parts joined by dots, unquoted.
pub(crate) fn field_path(parts: &[String]) -> String {
    parts.join(".")
}

/// A field's fully qualified name from the entity's: each part quoted when it holds a dot, as
/// `FullyQualifiedName.build` writes it.
pub(crate) fn field_fqn(entity_fqn: Option<&str>, parts: &[String]) -> String {
    let mut fqn = entity_fqn.map(str::to_owned).unwrap_or_default();
    for part in parts {
        if !fqn.is_empty() {
            fqn.push('.');
        }
        if part.contains('.') {
            fqn.push('"');
            fqn.push_str(part);
            fqn.push('"');
        } else {
            fqn.push_str(part);
        }
    }
    fqn
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(items: &[&str]) -> Vec<String> {
        items.iter().map(|item| (*item).to_owned()).collect()
    }

    #[test]
    fn names_point_at_their_targets() {
        assert_eq!(Target::of("tags"), Target::Tags { field_path: None });
        assert_eq!(Target::of("columns.email.tags"), Target::Tags { field_path: Some(parts(&["email"])) });
        assert_eq!(
            Target::of("columns.\"dim.shop\".displayName"),
            Target::ColumnProperty { path: parts(&["dim.shop"]), property: "displayName".to_owned() }
        );
        assert_eq!(Target::of("columns.a.b.description"), Target::Description { field_path: Some(parts(&["a", "b"])) });
        assert_eq!(Target::of("messageSchema.schemaFields.id.tags"), Target::Tags { field_path: Some(parts(&["id"])) });
        assert_eq!(Target::of("columns"), Target::Columns { parent: Vec::new() });
        assert_eq!(Target::of("columns.address"), Target::Columns { parent: parts(&["address"]) });
        // A column named `tags` whose children changed.
        assert_eq!(Target::of("columns.tags"), Target::Columns { parent: parts(&["tags"]) });
        assert_eq!(Target::of("extension.description"), Target::Other);
        assert_eq!(Target::of("schemaFields.id"), Target::Other);
        assert_eq!(Target::of("owner"), Target::Owners);
        assert_eq!(Target::of("followers"), Target::Other);
    }

    #[test]
    fn field_names_round_trip_to_fqns() {
        assert_eq!(field_fqn(Some("svc.db.s.t"), &parts(&["dim.shop", "id"])), "svc.db.s.t.\"dim.shop\".id");
        assert_eq!(field_path(&parts(&["dim.shop", "id"])), "dim.shop.id");
        assert_eq!(field_fqn(None, &parts(&["email"])), "email");
    }
}
