//! `owners` and `domains` (`owner` and `domain` on older servers): the `EntityReferences` added or
//! removed. Lists are recorded with `recordListChange`, so a replaced owner is one removal and one
//! addition; the older single references with `recordChange`, so their update holds both.

use serde_json::Value;

use super::changes::{Change, Op, invalid};
use super::{Context, Fanned, distinct, distinct_texts, minus};
use crate::error::Result;
use crate::json::{Node, path};
use crate::model::Kind;

/// A field of references and its kinds.
#[derive(Debug, Clone, Copy)]
pub(super) struct Group {
    /// The `details` key.
    key: &'static str,
    added: Kind,
    removed: Kind,
}

pub(super) const OWNERS: Group = Group { key: "owners", added: Kind::OwnerAdded, removed: Kind::OwnerRemoved };
pub(super) const DOMAINS: Group = Group { key: "domains", added: Kind::DomainAdded, removed: Kind::DomainRemoved };

/// An `EntityReference` `{id, type, name, fullyQualifiedName, ...}`.
#[derive(Debug, Clone, Copy)]
struct Reference<'b> {
    node: &'b Node<'b>,
}

impl<'b> Reference<'b> {
    fn text(self, key: &str) -> Option<&'b str> {
        self.node.get(key).and_then(Node::as_str).filter(|text| !text.is_empty())
    }

    /// What names it in `subjects`: its fully qualified name, else its name, else its id.
    fn subject(self) -> Option<&'b str> {
        self.text("fullyQualifiedName").or_else(|| self.text("name")).or_else(|| self.text("id"))
    }

    /// Which reference it is (`EntityUtil.entityReferenceMatch`: the same id and type), by
    /// its name when it has no id.
    fn key(self) -> (Option<&'b str>, Option<&'b str>) {
        match self.text("id") {
            Some(id) => (Some(id), self.text("type")),
            None => (None, self.subject()),
        }
    }
}

/// The events of a change of owners or domains.
pub(super) fn changed<'b>(
    change: &Change<'b>,
    group: Group,
    context: &Context<'b>,
    out: &mut Vec<Fanned>,
) -> Result<bool> {
    let (added, removed) = match change.op {
        Op::Added => (references(change, true, context)?, Vec::new()),
        Op::Deleted => (Vec::new(), references(change, false, context)?),
        Op::Updated => {
            let (old, new) = (references(change, false, context)?, references(change, true, context)?);
            (minus(&new, &old, |r| r.key()), minus(&old, &new, |r| r.key()))
        }
    };
    // Removals first: a replaced single owner reads as "A removed, B added".
    for (references, kind) in [(removed, group.removed), (added, group.added)] {
        if references.is_empty() {
            continue;
        }
        let mut event = Fanned::of(kind, change, None);
        event.subjects = distinct_texts(references.iter().filter_map(|r| r.subject()));
        event.details.insert(group.key, Value::Array(references.iter().map(|r| r.node.to_value()).collect()));
        out.push(event);
    }
    Ok(true)
}

/// The references of a change's new (or old) value: a list as JSON text or JSON, or one
/// reference; repeats dropped.
fn references<'b>(change: &Change<'b>, new: bool, context: &Context<'b>) -> Result<Vec<Reference<'b>>> {
    let value_path = || change.value_path(context.path, new);
    let items = match context.list_items(change, new) {
        Ok(items) => items,
        Err(other) => {
            return Err(invalid(
                value_path(),
                format!(
                    "the value of `{}` must be a list of entity references, found {}",
                    change.name,
                    other.type_name()
                ),
            ));
        }
    };
    let mut references: Vec<Reference<'b>> = Vec::with_capacity(items.len());
    for (index, node) in items.iter().enumerate() {
        if node.as_object().is_none() {
            return Err(invalid(
                path::item(&value_path(), index),
                format!("an entity reference must be an object, found {}", node.type_name()),
            ));
        }
        references.push(Reference { node });
    }
    Ok(distinct(references, |r| r.key()))
}
