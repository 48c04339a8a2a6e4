//! Changes of text: `description` (of the entity or of a field), recorded as raw strings with
//! `recordChange`, and `status` / `entityStatus`, whose change to or from `Deprecated` is a
//! deprecation.

use serde_json::Value;

use super::changes::{Change, field_path, invalid};
use super::{Context, Fanned};
use crate::error::Result;
use crate::json::Node;
use crate::model::Kind;

/// The events of a change of a description. `OpenMetadata` keeps an absent description as `""`,
/// so an update from it is an addition and an update to it a removal.
pub(super) fn description<'b>(
    change: &Change<'b>,
    field: Option<&[String]>,
    context: &Context<'b>,
    out: &mut Vec<Fanned>,
) -> Result<bool> {
    let old = text(change, false, context)?.filter(|text| !text.trim().is_empty());
    let new = text(change, true, context)?.filter(|text| !text.trim().is_empty());
    let (kind, description, previous) = match (old, new) {
        (None, Some(new)) => (Kind::DocumentationAdded, new, None),
        (Some(old), None) => (Kind::DocumentationRemoved, old, None),
        (Some(old), Some(new)) if old != new => (Kind::DocumentationModified, new, Some(old)),
        // No change to speak of (both empty, or the same text).
        _ => return Ok(true),
    };
    let mut event = Fanned::of(kind, change, None);
    event.details.insert("description", Value::String(description.to_owned()));
    if let Some(previous) = previous {
        event.details.insert("previousDescription", Value::String(previous.to_owned()));
    }
    if let Some(field) = field {
        let field = field_path(field);
        event.details.insert("fieldPath", Value::String(field.clone()));
        event.field_path = Some(field);
    }
    out.push(event);
    Ok(true)
}

/// A description value: text (a number or boolean is an error, not a description).
fn text<'b>(change: &Change<'b>, new: bool, context: &Context<'b>) -> Result<Option<&'b str>> {
    match if new { change.new } else { change.old } {
        None => Ok(None),
        Some(Node::String(text)) => Ok(Some(text.as_str())),
        Some(other) => Err(invalid(
            change.value_path(context.path, new),
            format!("the value of `{}` must be text, found {}", change.name, other.type_name()),
        )),
    }
}

/// A status change to or from `Deprecated` is `deprecation.changed`; any other is left to
/// `entity.updated`.
pub(super) fn status<'b>(change: &Change<'b>, context: &Context<'b>, out: &mut Vec<Fanned>) -> bool {
    let value = |node: Option<&'b Node<'b>>| node.map(|node| context.decoded(node)).and_then(Node::as_str);
    let (old, new) = (value(change.old), value(change.new));
    let deprecated = |status: Option<&str>| status.is_some_and(|status| status.eq_ignore_ascii_case("Deprecated"));
    if !deprecated(old) && !deprecated(new) {
        return false;
    }
    let mut event = Fanned::of(Kind::DeprecationChanged, change, None);
    let status = if deprecated(new) { "DEPRECATED" } else { "ACTIVE" };
    event.details.insert("status", Value::String(status.to_owned()));
    for (key, value) in [("entityStatus", new), ("previousEntityStatus", old)] {
        if let Some(value) = value {
            event.details.insert(key, Value::String(value.to_owned()));
        }
    }
    out.push(event);
    true
}
