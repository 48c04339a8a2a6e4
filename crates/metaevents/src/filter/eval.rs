//! Evaluating a compiled expression on one event. A path resolves to the values it reaches;
//! lists (and lists inside `details`/`raw`) fan out, and a test holds when any value passes
//! (`ne` and `exists: false` hold when none does). A missing field resolves to one null.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::cmp::Ordering;

use bumpalo::Bump;
use serde_json::Value;

use super::expr::{Expr, FieldPath, Order, Scalar, Test};
use crate::json::{self, Node};
use crate::model::Event;
use crate::options::Limits;

/// A value a path reached.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Val<'a> {
    Null,
    Bool(bool),
    Number(NumberVal),
    Str(Cow<'a, str>),
    /// An object (or, where lists do not fan out, something else that is not a scalar).
    Container,
}

/// A number kept both exactly (when integral) and as a float.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct NumberVal {
    integer: Option<i64>,
    float: f64,
}

impl NumberVal {
    #[expect(clippy::cast_precision_loss, reason = "the float form is only used where precision allows")]
    fn from_i64(value: i64) -> Self {
        Self { integer: Some(value), float: value as f64 }
    }

    fn from_number(number: &serde_json::Number) -> Self {
        match number.as_i64() {
            Some(integer) => Self::from_i64(integer),
            None => Self { integer: None, float: number.as_f64().unwrap_or(f64::NAN) },
        }
    }

    fn cmp(self, other: Self) -> Option<Ordering> {
        match (self.integer, other.integer) {
            (Some(a), Some(b)) => Some(a.cmp(&b)),
            _ => self.float.partial_cmp(&other.float),
        }
    }
}

/// An event seen by a filter: its fields, and its raw event parsed (into `arena`) only if a
/// path needs it.
pub(crate) struct View<'e> {
    event: &'e Event,
    arena: &'e Bump,
    raw: OnceCell<Option<Node<'e>>>,
}

impl<'e> View<'e> {
    pub(crate) fn new(event: &'e Event, arena: &'e Bump) -> Self {
        Self { event, arena, raw: OnceCell::new() }
    }

    pub(crate) fn event(&self) -> &'e Event {
        self.event
    }

    /// The raw event as a tree (parsed on first use).
    pub(crate) fn raw(&self) -> Option<&Node<'e>> {
        self.raw
            .get_or_init(|| json::tree::parse(self.event.raw_json(), Limits::MAX_DEPTH_CEILING, self.arena).ok())
            .as_ref()
    }

    fn resolve<'v>(&'v self, path: &FieldPath, out: &mut Vec<Val<'v>>) {
        let event = self.event;
        let text = |value: Option<&'v str>| value.map_or(Val::Null, |value| Val::Str(Cow::Borrowed(value)));
        match path {
            FieldPath::Id => out.push(Val::Str(Cow::Owned(event.id().to_string()))),
            FieldPath::Source => out.push(text(Some(event.source().as_str()))),
            FieldPath::Kind => out.push(text(Some(event.kind().as_str()))),
            FieldPath::Time => out.push(event.time().map_or(Val::Null, |time| Val::Number(NumberVal::from_i64(time)))),
            FieldPath::Actor => out.push(text(event.actor())),
            FieldPath::Subjects => {
                out.extend(event.subjects().iter().map(|subject| Val::Str(Cow::Borrowed(subject.as_str()))));
            }
            FieldPath::Entity(None) | FieldPath::Native(None) => out.push(Val::Container),
            FieldPath::Entity(Some(field)) => {
                let entity = event.entity();
                out.push(match *field {
                    "id" => text(entity.id.as_deref()),
                    "type" => text(entity.entity_type.as_deref()),
                    "name" => text(entity.name.as_deref()),
                    "qualifiedName" => text(entity.qualified_name.as_deref()),
                    "platform" => text(entity.platform.as_deref()),
                    "parent" => text(entity.parent.as_deref()),
                    _ => text(entity.field_path.as_deref()),
                });
            }
            FieldPath::Native(Some(field)) => {
                let native = event.native();
                match *field {
                    "format" => out.push(text(Some(native.format.as_str()))),
                    "category" => out.push(text(native.category.as_deref())),
                    "operation" => out.push(text(native.operation.as_deref())),
                    "operationType" => out.push(text(native.operation_type.as_deref())),
                    "type" => out.push(text(native.message_type.as_deref())),
                    "evidence" => out.push(text(native.evidence.as_deref())),
                    "name" => out.push(text(native.name.as_deref())),
                    "eventType" => out.push(text(native.event_type.as_deref())),
                    "relationshipType" => out.push(text(native.relationship_type.as_deref())),
                    "changeType" => out.push(text(native.change_type.as_deref())),
                    "aspectName" => out.push(text(native.aspect_name.as_deref())),
                    "part" => out.push(text(native.part.as_deref())),
                    "fields" => match &native.fields {
                        Some(fields) => out.extend(fields.iter().map(|field| text(Some(field)))),
                        None => out.push(text(None)),
                    },
                    _ => out.extend(native.envelope.iter().map(|format| text(Some(format.as_str())))),
                }
            }
            FieldPath::Details(segments) => {
                let details = event.details();
                match segments.split_first() {
                    None => out.push(Val::Container),
                    Some((first, rest)) => {
                        if let Some(value) = details.get(first.as_str()) {
                            resolve_value(value, rest, out);
                        }
                    }
                }
            }
            FieldPath::Raw(segments) => {
                if let Some(raw) = self.raw() {
                    resolve_node(raw, segments, out);
                }
            }
        }
    }
}

fn resolve_value<'v>(value: &'v Value, segments: &[String], out: &mut Vec<Val<'v>>) {
    match (value, segments.split_first()) {
        (Value::Array(items), _) => {
            if let Some((first, rest)) = segments.split_first() {
                if let Ok(index) = first.parse::<usize>() {
                    if let Some(item) = items.get(index) {
                        resolve_value(item, rest, out);
                    }
                    return;
                }
            }
            for item in items {
                resolve_value(item, segments, out);
            }
        }
        (Value::Object(members), Some((first, rest))) => {
            if let Some(member) = members.get(first.as_str()) {
                resolve_value(member, rest, out);
            }
        }
        (_, Some(_)) => {}
        (Value::Null, None) => out.push(Val::Null),
        (Value::Bool(flag), None) => out.push(Val::Bool(*flag)),
        (Value::Number(number), None) => out.push(Val::Number(NumberVal::from_number(number))),
        (Value::String(text), None) => out.push(Val::Str(Cow::Borrowed(text))),
        (Value::Object(_), None) => out.push(Val::Container),
    }
}

fn resolve_node<'v>(node: &'v Node<'_>, segments: &[String], out: &mut Vec<Val<'v>>) {
    match (node, segments.split_first()) {
        (Node::Array(items), _) => {
            if let Some((first, rest)) = segments.split_first() {
                if let Ok(index) = first.parse::<usize>() {
                    if let Some(item) = items.get(index) {
                        resolve_node(item, rest, out);
                    }
                    return;
                }
            }
            for item in *items {
                resolve_node(item, segments, out);
            }
        }
        (Node::Object(object), Some((first, rest))) => {
            if let Some(member) = object.get(first) {
                resolve_node(member, rest, out);
            }
        }
        (_, Some(_)) => {}
        (Node::Null, None) => out.push(Val::Null),
        (Node::Bool(flag), None) => out.push(Val::Bool(*flag)),
        (Node::Number(number), None) => out.push(Val::Number(NumberVal::from_number(number))),
        (Node::String(text), None) => out.push(Val::Str(Cow::Borrowed(text.as_str()))),
        (Node::Object(_), None) => out.push(Val::Container),
    }
}

fn equals(value: &Val<'_>, scalar: &Scalar) -> bool {
    match (value, scalar) {
        (Val::Null, Scalar::Null) => true,
        (Val::Bool(a), Scalar::Bool(b)) => a == b,
        (Val::Number(a), Scalar::Number(b)) => a.cmp(NumberVal::from_number(b)) == Some(Ordering::Equal),
        (Val::Str(a), Scalar::String(b)) => a.as_ref() == b,
        _ => false,
    }
}

fn compare(value: &Val<'_>, order: Order, scalar: &Scalar) -> bool {
    let ordering = match (value, scalar) {
        (Val::Number(a), Scalar::Number(b)) => a.cmp(NumberVal::from_number(b)),
        (Val::Str(a), Scalar::String(b)) => Some(a.as_ref().cmp(b.as_str())),
        _ => None,
    };
    match (ordering, order) {
        (Some(ordering), Order::Gt) => ordering == Ordering::Greater,
        (Some(ordering), Order::Gte) => ordering != Ordering::Less,
        (Some(ordering), Order::Lt) => ordering == Ordering::Less,
        (Some(ordering), Order::Lte) => ordering != Ordering::Greater,
        (None, _) => false,
    }
}

fn text<'a>(value: &'a Val<'_>) -> Option<&'a str> {
    match value {
        Val::Str(text) => Some(text),
        _ => None,
    }
}

fn passes(test: &Test, values: &[Val<'_>], view: &View<'_>) -> bool {
    let any = |predicate: &dyn Fn(&Val<'_>) -> bool| values.iter().any(predicate);
    match test {
        Test::AnyOf(scalars) => any(&|value| scalars.iter().any(|scalar| equals(value, scalar))),
        Test::NoneOf(scalars) => !any(&|value| scalars.iter().any(|scalar| equals(value, scalar))),
        Test::Kinds { kinds, negated } => kinds.contains(&view.event().kind()) != *negated,
        Test::Prefix(prefix) => any(&|value| text(value).is_some_and(|t| t.starts_with(prefix.as_str()))),
        Test::Suffix(suffix) => any(&|value| text(value).is_some_and(|t| t.ends_with(suffix.as_str()))),
        Test::Contains(part) => any(&|value| text(value).is_some_and(|t| t.contains(part.as_str()))),
        Test::Glob(glob) => any(&|value| text(value).is_some_and(|t| glob.is_match(t))),
        Test::Regex(regex) => any(&|value| text(value).is_some_and(|t| regex.is_match(t))),
        Test::Exists(wanted) => any(&|value| !matches!(value, Val::Null)) == *wanted,
        Test::Compare(order, scalar) => any(&|value| compare(value, *order, scalar)),
    }
}

/// Whether `expr` holds for the event behind `view`.
pub(crate) fn eval(expr: &Expr, view: &View<'_>) -> bool {
    match expr {
        Expr::All(parts) => parts.iter().all(|part| eval(part, view)),
        Expr::Any(parts) => parts.iter().any(|part| eval(part, view)),
        Expr::Not(inner) => !eval(inner, view),
        Expr::Field { path, tests } => {
            let mut values = Vec::new();
            view.resolve(path, &mut values);
            if values.is_empty() {
                values.push(Val::Null);
            }
            tests.iter().all(|test| passes(test, &values, view))
        }
    }
}
