//! Columns: `columns` holds the Columns added or removed (`ColumnEntityUpdater.updateColumns`
//! records them with `recordListChange` and `columnMatch`: the same name ignoring case, the same
//! `dataType` and `arrayDataType`), `columns.<parent>` the children of a nested column. A type
//! change is therefore a removal and an addition of one name, paired here into
//! `schema.field_modified`. `columns.<path>.<property>` changes one property of a column.

use std::collections::{HashMap, VecDeque};

use serde_json::Value;

use super::changes::{Change, Op, field_fqn, field_path, invalid};
use super::{Context, Fanned};
use crate::error::Result;
use crate::json::Node;
use crate::model::Kind;

/// Column properties that are part of its type.
const TYPE_PROPERTIES: &[&str] = &["dataType", "arrayDataType", "dataLength", "precision", "scale"];

/// One Column of a change's value.
#[derive(Debug)]
struct Item<'b> {
    /// `fieldsAdded[0].newValue[1]`.
    locator: String,
    /// The `FieldChange`'s name.
    field: &'b str,
    /// The nested column it is a child of (empty at the top).
    parent: Vec<String>,
    name: &'b str,
    column: &'b Node<'b>,
}

impl Item<'_> {
    fn path(&self) -> Vec<String> {
        let mut path = self.parent.clone();
        path.push(self.name.to_owned());
        path
    }
}

/// The columns a `ChangeEvent`'s changes add and remove, paired when all are read.
#[derive(Debug, Default)]
pub(super) struct Columns<'b> {
    added: Vec<Item<'b>>,
    removed: Vec<Item<'b>>,
}

impl<'b> Columns<'b> {
    /// Reads a change of `columns` (`parent` empty) or of a nested column's children; the latter
    /// only when its values are lists of columns (else it is some other change).
    pub(super) fn add(&mut self, change: &Change<'b>, parent: &[String], context: &Context<'b>) -> Result<bool> {
        let sides: &[bool] = match change.op {
            Op::Added => &[true],
            Op::Deleted => &[false],
            Op::Updated => &[false, true],
        };
        let mut read = Vec::with_capacity(sides.len());
        for &new in sides {
            match columns(change, new, context) {
                Some(columns) => read.push((new, columns)),
                None if parent.is_empty() => {
                    return Err(invalid(
                        change.value_path(context.path, new),
                        "the value of `columns` must be a list of columns ({name, dataType, ...})".to_owned(),
                    ));
                }
                None => return Ok(false),
            }
        }
        for (new, columns) in read {
            let side = if new { "newValue" } else { "oldValue" };
            for (index, (name, column)) in columns.into_iter().enumerate() {
                let item = Item {
                    locator: format!("{}.{side}[{index}]", change.locator()),
                    field: change.name,
                    parent: parent.to_vec(),
                    name,
                    column,
                };
                if new { self.added.push(item) } else { self.removed.push(item) }
            }
        }
        Ok(true)
    }

    /// The events: a removal and an addition of the same name under the same parent are one
    /// modification (none when the column is unchanged), the rest additions and removals.
    pub(super) fn finish(self, context: &Context<'_>, out: &mut Vec<Fanned>) {
        // The removed columns by (parent, name ignoring case), each name's in list order.
        let mut by_name: HashMap<(Vec<String>, String), VecDeque<usize>> = HashMap::new();
        for (index, old) in self.removed.iter().enumerate() {
            by_name.entry((old.parent.clone(), old.name.to_ascii_lowercase())).or_default().push_back(index);
        }
        let mut removed: Vec<Option<Item<'_>>> = self.removed.into_iter().map(Some).collect();
        for item in self.added {
            let partner = by_name
                .get_mut(&(item.parent.clone(), item.name.to_ascii_lowercase()))
                .and_then(VecDeque::pop_front)
                .and_then(|index| removed.get_mut(index))
                .and_then(Option::take);
            match partner {
                Some(old) if old.column.to_value() == item.column.to_value() => {}
                Some(old) => out.push(modified(&old, &item, context)),
                None => out.push(event(Kind::SchemaFieldAdded, &item, context)),
            }
        }
        for old in removed.into_iter().flatten() {
            out.push(event(Kind::SchemaFieldRemoved, &old, context));
        }
    }
}

/// The columns of a change's new (or old) value, as `(name, column)`: a list of Columns as JSON
/// text or JSON, or one Column; `None` when it is not that.
fn columns<'b>(change: &Change<'b>, new: bool, context: &Context<'b>) -> Option<Vec<(&'b str, &'b Node<'b>)>> {
    let items = context.list_items(change, new).ok()?;
    items.iter().map(|column| column.get("name").and_then(Node::as_str).map(|name| (name, column))).collect()
}

fn event(kind: Kind, item: &Item<'_>, context: &Context<'_>) -> Fanned {
    let path = item.path();
    let mut event = Fanned {
        kind,
        locators: vec![item.locator.clone()],
        fields: vec![item.field.to_owned()],
        field_path: Some(field_path(&path)),
        subjects: vec![subject(item.column, &path, context)],
        details: crate::model::Details::default(),
    };
    event.details.insert("fieldPath", Value::String(field_path(&path)));
    event.details.insert("column", item.column.to_value());
    event
}

/// A column removed and added again: its type (or another matched property) changed.
fn modified(old: &Item<'_>, new: &Item<'_>, context: &Context<'_>) -> Fanned {
    let mut event = event(Kind::SchemaFieldModified, new, context);
    event.locators.insert(0, old.locator.clone());
    event.fields.insert(0, old.field.to_owned());
    event.details.insert("previousColumn", old.column.to_value());
    let type_changed = TYPE_PROPERTIES.iter().any(|key| old.column.get(key) != new.column.get(key));
    let category = if type_changed { "TYPE_CHANGE" } else { "OTHER" };
    event.details.insert("modificationCategory", Value::String(category.to_owned()));
    event
}

/// A column's FQN: its own `fullyQualifiedName`, else built from the entity's.
fn subject(column: &Node<'_>, path: &[String], context: &Context<'_>) -> String {
    match column.get("fullyQualifiedName").and_then(Node::as_str).filter(|fqn| !fqn.is_empty()) {
        Some(fqn) => fqn.to_owned(),
        None => field_fqn(context.entity_fqn, path),
    }
}

/// `columns.<path>.<property>` changed: one property of one column.
pub(super) fn property(
    change: &Change<'_>,
    path: &[String],
    property: &str,
    context: &Context<'_>,
    out: &mut Vec<Fanned>,
) {
    let mut event = Fanned::of(Kind::SchemaFieldModified, change, None);
    let field = field_path(path);
    event.subjects.push(field_fqn(context.entity_fqn, path));
    event.details.insert("fieldPath", Value::String(field.clone()));
    event.details.insert("changedProperty", Value::String(property.to_owned()));
    for (key, value) in [("previousValue", change.old), ("value", change.new)] {
        if let Some(value) = value {
            event.details.insert(key, context.decoded(value).to_value());
        }
    }
    let category = if TYPE_PROPERTIES.contains(&property) { "TYPE_CHANGE" } else { "OTHER" };
    event.details.insert("modificationCategory", Value::String(category.to_owned()));
    event.field_path = Some(field);
    out.push(event);
}
