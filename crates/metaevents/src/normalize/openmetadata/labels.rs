//! `tags` and `columns.<path>.tags`: the `TagLabels` added or removed. Glossary terms are `TagLabels`
//! of source `Glossary` in the same changes (`EntityRepository.EntityUpdater.updateTags` records
//! both under `tags`), so one change may make tag and term events. A `PUT` merges tags, so only a
//! `PATCH` removes one; lists may repeat a label (`OpenMetadata` issue #23840).

use serde_json::Value;

use super::changes::{Change, Op, field_path, invalid};
use super::{Context, Fanned, distinct, distinct_texts, minus};
use crate::error::Result;
use crate::json::{Node, path};
use crate::model::Kind;

/// One `TagLabel` `{tagFQN, source, labelType, state, ...}`.
#[derive(Debug, Clone, Copy)]
struct Label<'b> {
    fqn: &'b str,
    source: Option<&'b str>,
    node: &'b Node<'b>,
}

impl<'b> Label<'b> {
    /// Which label it is (`EntityUtil.tagLabelMatch`: the same tagFQN and source).
    fn key(&self) -> (&'b str, Option<&'b str>) {
        (self.fqn, self.source)
    }

    fn is_term(&self) -> bool {
        self.source.is_some_and(|source| source.eq_ignore_ascii_case("Glossary"))
    }
}

/// The events of a change of tags on the entity (`field` `None`) or on one of its fields.
pub(super) fn changed<'b>(
    change: &Change<'b>,
    field: Option<&[String]>,
    context: &Context<'b>,
    out: &mut Vec<Fanned>,
) -> Result<bool> {
    let (added, removed) = match change.op {
        Op::Added => (labels(change, true, context)?, Vec::new()),
        Op::Deleted => (Vec::new(), labels(change, false, context)?),
        Op::Updated => {
            let (old, new) = (labels(change, false, context)?, labels(change, true, context)?);
            (minus(&new, &old, Label::key), minus(&old, &new, Label::key))
        }
    };
    for (labels, tag_kind, term_kind) in
        [(added, Kind::TagAdded, Kind::TermAdded), (removed, Kind::TagRemoved, Kind::TermRemoved)]
    {
        let (terms, tags): (Vec<Label<'_>>, Vec<Label<'_>>) = labels.into_iter().partition(Label::is_term);
        if !tags.is_empty() {
            let propagated =
                tags.iter().all(|label| label.node.get("labelType").and_then(Node::as_str) == Some("Propagated"));
            let mut event = event(tag_kind, "tags", &tags, change, field);
            event.details.insert("propagated", Value::Bool(propagated));
            out.push(event);
        }
        if !terms.is_empty() {
            out.push(event(term_kind, "terms", &terms, change, field));
        }
    }
    Ok(true)
}

fn event(kind: Kind, key: &'static str, labels: &[Label<'_>], change: &Change<'_>, field: Option<&[String]>) -> Fanned {
    let mut event = Fanned::of(kind, change, None);
    event.subjects = distinct_texts(labels.iter().map(|label| label.fqn));
    event.details.insert(key, Value::Array(labels.iter().map(|label| label.node.to_value()).collect()));
    if let Some(field) = field {
        let field = field_path(field);
        event.details.insert("fieldPath", Value::String(field.clone()));
        event.field_path = Some(field);
    }
    event
}

/// The labels of a change's new (or old) value: a list of `TagLabels` as JSON text or JSON, or
/// one `TagLabel`; repeats dropped.
fn labels<'b>(change: &Change<'b>, new: bool, context: &Context<'b>) -> Result<Vec<Label<'b>>> {
    let value_path = || change.value_path(context.path, new);
    let items = match context.list_items(change, new) {
        Ok(items) => items,
        Err(other) => {
            return Err(invalid(
                value_path(),
                format!("the value of `{}` must be a list of tag labels, found {}", change.name, other.type_name()),
            ));
        }
    };
    let mut labels: Vec<Label<'b>> = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let fqn = match item.get("tagFQN") {
            Some(Node::String(fqn)) => fqn.as_str(),
            _ if item.as_object().is_none() => {
                return Err(invalid(
                    path::item(&value_path(), index),
                    format!("a tag label must be an object, found {}", item.type_name()),
                ));
            }
            _ => {
                return Err(invalid(
                    path::child(&path::item(&value_path(), index), "tagFQN"),
                    "a tag label needs `tagFQN` (a string)".to_owned(),
                ));
            }
        };
        labels.push(Label { fqn, source: item.get("source").and_then(Node::as_str), node: item });
    }
    Ok(distinct(labels, Label::key))
}
