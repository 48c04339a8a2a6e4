//! datahub-actions filters, compiled into the same engine and matched exactly as
//! datahub-actions matches them (its `match_util.py`), on the raw event:
//!
//! - a scalar matches by Python equality (`1 == 1.0 == True`, `"1" != 1`; null matches missing);
//! - a list matches a *string* value equal to one of its items (never a number, never a list);
//! - a dict matches a dict (a string holding a JSON object is decoded first) when every key of
//!   the filter matches; `{}` matches any dict but not a missing field.
//!
//! Both config forms are read: the legacy `filter: {event_type, event}` block and the
//! pipeline-level `filters: [{type: event_type, config: {filter: {TYPE: {event: [...]}}}}]`
//! list (OR across its predicates, AND within one; an empty list rejects every event).

use serde_json::{Map, Value};

use super::eval::View;
use super::expr::{child, filter_error, value_type};
use crate::error::Result;
use crate::json::{self, Node, path as json_path};
use crate::model::{Event, NativeFormat};
use crate::options::Limits;

/// Event type names datahub-actions gives the events metaevents reads.
pub(crate) const ENTITY_CHANGE_EVENT: &str = "EntityChangeEvent_v1";
pub(crate) const RELATIONSHIP_CHANGE_EVENT: &str = "RelationshipChangeEvent_v1";
pub(crate) const METADATA_CHANGE_LOG: &str = "MetadataChangeLogEvent_v1";

/// What one event type must satisfy.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Predicates {
    /// Any event of the type.
    All,
    /// At least one of these dicts matches (none at all: no event does).
    AnyOf(Vec<Map<String, Value>>),
}

/// One filter stage: event types it admits and what their events must satisfy.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Stage {
    pub types: Vec<(String, Predicates)>,
}

/// A compiled datahub-actions config: every stage must admit the event.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ActionsFilter {
    pub stages: Vec<Stage>,
}

/// The datahub-actions event type of an event, if datahub-actions would deliver it at all.
pub(crate) fn event_type(event: &Event) -> Option<&str> {
    let native = event.native();
    match native.format {
        NativeFormat::EntityChangeEvent => Some(ENTITY_CHANGE_EVENT),
        NativeFormat::RelationshipChangeEvent => Some(RELATIONSHIP_CHANGE_EVENT),
        NativeFormat::MetadataChangeLog => Some(METADATA_CHANGE_LOG),
        NativeFormat::ActionsEvent => native.event_type.as_deref(),
        NativeFormat::PlatformEvent
        | NativeFormat::AtlanNotification
        | NativeFormat::AtlasNotification
        | NativeFormat::OpenMetadataChangeEvent => None,
    }
}

fn event_type_list(value: &Value, at: &str) -> Result<Vec<String>> {
    match value {
        Value::String(name) => Ok(vec![name.clone()]),
        // An empty list admits no event type, as in datahub-actions.
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(index, item)| match item {
                Value::String(name) => Ok(name.clone()),
                other => Err(filter_error(
                    &json_path::item(at, index),
                    format!("an event type is a string, found {}", value_type(other)),
                )),
            })
            .collect(),
        other => Err(filter_error(
            at,
            format!("`event_type` takes a string or a list of strings, found {}", value_type(other)),
        )),
    }
}

fn predicate_dict(value: &Value, at: &str) -> Result<Map<String, Value>> {
    match value {
        Value::Object(map) => Ok(map.clone()),
        other => Err(filter_error(at, format!("an event predicate is a mapping, found {}", value_type(other)))),
    }
}

/// datahub-actions' config models forbid unknown keys: a typo is an error there, not a filter
/// that passes everything.
fn only_keys(map: &Map<String, Value>, allowed: &[&str], at: &str) -> Result<()> {
    match map.keys().find(|key| !allowed.contains(&key.as_str())) {
        Some(key) => {
            Err(filter_error(&child(at, key), format!("unknown key `{key}` (expected {})", allowed.join(", "))))
        }
        None => Ok(()),
    }
}

/// The legacy `filter:` block.
fn legacy(block: &Value, at: &str) -> Result<Stage> {
    let Value::Object(block) = block else {
        return Err(filter_error(
            at,
            format!("`filter` is a mapping with event_type and event, found {}", value_type(block)),
        ));
    };
    only_keys(block, &["event_type", "event"], at)?;
    let types_at = child(at, "event_type");
    let types = event_type_list(
        block.get("event_type").ok_or_else(|| filter_error(&types_at, "missing `event_type`"))?,
        &types_at,
    )?;
    let predicates = match block.get("event") {
        None | Some(Value::Null) => Predicates::All,
        Some(event) => Predicates::AnyOf(vec![predicate_dict(event, &child(at, "event"))?]),
    };
    Ok(Stage { types: types.into_iter().map(|name| (name, predicates.clone())).collect() })
}

/// One entry of the `filters:` list.
fn pipeline_filter(entry: &Value, at: &str) -> Result<Stage> {
    let Value::Object(entry) = entry else {
        return Err(filter_error(at, format!("a `filters` entry is a mapping, found {}", value_type(entry))));
    };
    only_keys(entry, &["type", "config"], at)?;
    match entry.get("type") {
        Some(Value::String(kind)) if kind == "event_type" => {}
        Some(Value::String(kind)) => {
            return Err(filter_error(
                &child(at, "type"),
                format!("unsupported filter type \"{kind}\" (supported: event_type)"),
            ));
        }
        _ => return Err(filter_error(&child(at, "type"), "missing `type: event_type`")),
    }
    let config_at = child(at, "config");
    let filter_at = child(&config_at, "filter");
    if let Some(Value::Object(config)) = entry.get("config") {
        only_keys(config, &["filter"], &config_at)?;
    }
    let Some(Value::Object(by_type)) = entry.get("config").and_then(|config| config.get("filter")) else {
        return Err(filter_error(&filter_at, "missing `config.filter`: a mapping of event type to predicates"));
    };
    let mut types = Vec::with_capacity(by_type.len());
    for (name, spec) in by_type {
        let here = child(&filter_at, name);
        let predicates = match spec {
            Value::Null => Predicates::All,
            Value::Object(spec) => {
                only_keys(spec, &["event"], &here)?;
                let event_at = child(&here, "event");
                match spec.get("event") {
                    None | Some(Value::Null) => Predicates::All,
                    Some(Value::Array(items)) => Predicates::AnyOf(
                        items
                            .iter()
                            .enumerate()
                            .map(|(index, item)| predicate_dict(item, &json_path::item(&event_at, index)))
                            .collect::<Result<_>>()?,
                    ),
                    Some(other) => {
                        return Err(filter_error(
                            &event_at,
                            format!("`event` is a list of predicate mappings, found {}", value_type(other)),
                        ));
                    }
                }
            }
            other => {
                return Err(filter_error(&here, format!("expected a mapping or null, found {}", value_type(other))));
            }
        };
        types.push((name.clone(), predicates));
    }
    Ok(Stage { types })
}

/// Compiles a datahub-actions config: a whole action config (with `filter:` and/or
/// `filters:`), a bare `filter:` block, or a bare `filters:` list.
pub(crate) fn compile(config: &Value) -> Result<ActionsFilter> {
    let mut stages = Vec::new();
    match config {
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                stages.push(pipeline_filter(item, &json_path::item("filters", index))?);
            }
        }
        Value::Object(map) if map.contains_key("event_type") => stages.push(legacy(config, "filter")?),
        Value::Object(map) => {
            match map.get("filters") {
                None | Some(Value::Null) => {}
                Some(Value::Array(items)) => {
                    for (index, item) in items.iter().enumerate() {
                        stages.push(pipeline_filter(item, &json_path::item("filters", index))?);
                    }
                }
                Some(other) => {
                    return Err(filter_error("filters", format!("`filters` is a list, found {}", value_type(other))));
                }
            }
            match map.get("filter") {
                None | Some(Value::Null) => {}
                Some(block) => stages.push(legacy(block, "filter")?),
            }
        }
        other => {
            return Err(filter_error(
                "filter",
                format!(
                    "a datahub-actions config is a mapping (with `filter` or `filters`), found {}",
                    value_type(other)
                ),
            ));
        }
    }
    Ok(ActionsFilter { stages })
}

/// A number as Python sees it: bools are 0 and 1, integers are exact.
#[derive(Debug, Clone, Copy)]
enum PyNumber {
    Int(i128),
    Float(f64),
}

impl PyNumber {
    fn of_number(number: &serde_json::Number) -> Option<Self> {
        match (number.as_i64(), number.as_u64()) {
            (Some(value), _) => Some(Self::Int(i128::from(value))),
            (None, Some(value)) => Some(Self::Int(i128::from(value))),
            (None, None) => number.as_f64().map(Self::Float),
        }
    }

    fn of_value(value: &Value) -> Option<Self> {
        match value {
            Value::Bool(flag) => Some(Self::Int(i128::from(*flag))),
            Value::Number(number) => Self::of_number(number),
            _ => None,
        }
    }

    fn of_node(node: &Node<'_>) -> Option<Self> {
        match node {
            Node::Bool(flag) => Some(Self::Int(i128::from(*flag))),
            Node::Number(number) => Self::of_number(number),
            _ => None,
        }
    }

    #[expect(clippy::cast_precision_loss, reason = "mixed int/float comparison is approximate in Python too")]
    #[expect(clippy::float_cmp, reason = "Python's == on numbers is exact")]
    fn equals(self, other: Self) -> bool {
        match (self, other) {
            (Self::Int(a), Self::Int(b)) => a == b,
            (Self::Int(a), Self::Float(b)) | (Self::Float(b), Self::Int(a)) => a as f64 == b,
            (Self::Float(a), Self::Float(b)) => a == b,
        }
    }
}

/// Python's `==` between a filter value and an event value (`None` when missing).
fn python_equals(filter: &Value, value: Option<&Node<'_>>) -> bool {
    match (filter, value) {
        (Value::Null, None | Some(Node::Null)) => true,
        (Value::Bool(_) | Value::Number(_), Some(node)) => {
            match (PyNumber::of_value(filter), PyNumber::of_node(node)) {
                (Some(a), Some(b)) => a.equals(b),
                _ => false,
            }
        }
        (Value::String(a), Some(Node::String(b))) => a.as_str() == b.as_str(),
        (Value::Array(items), Some(Node::Array(nodes))) => {
            items.len() == nodes.len()
                && items.iter().zip(nodes.iter()).all(|(item, node)| python_equals(item, Some(node)))
        }
        (Value::Object(map), Some(Node::Object(object))) => {
            map.len() == object.len()
                && map.iter().all(|(key, item)| object.get(key).is_some_and(|node| python_equals(item, Some(node))))
        }
        _ => false,
    }
}

fn matches(filter: &Value, value: Option<&Node<'_>>, max_depth: usize) -> bool {
    match filter {
        Value::Object(fields) => matches_dict(fields, value, max_depth),
        Value::Array(items) => match value {
            Some(node @ Node::String(_)) => items.iter().any(|item| python_equals(item, Some(node))),
            _ => false,
        },
        scalar => python_equals(scalar, value),
    }
}

fn matches_dict(fields: &Map<String, Value>, value: Option<&Node<'_>>, max_depth: usize) -> bool {
    match value {
        Some(Node::String(text)) => {
            let arena = bumpalo::Bump::new();
            match json::tree::parse(text, max_depth, &arena) {
                Ok(decoded @ Node::Object(_)) => matches_dict(fields, Some(&decoded), max_depth),
                _ => false,
            }
        }
        Some(Node::Object(object)) => fields.iter().all(|(key, filter)| matches(filter, object.get(key), max_depth)),
        _ => false,
    }
}

impl ActionsFilter {
    /// Whether datahub-actions, configured so, would hand `event` on. Its raw event is parsed
    /// (through `view`) only when a predicate on its fields is reached: a filter on event types
    /// alone needs only to know that the raw event is an object (as datahub-actions' events are),
    /// which the first byte of its text, already parsed once, tells.
    pub(crate) fn matches(&self, event: &Event, view: &View<'_>) -> bool {
        let Some(event_type) = event_type(event) else { return false };
        let max_depth = Limits::MAX_DEPTH_CEILING;
        self.stages.iter().all(|stage| {
            stage.types.iter().any(|(name, predicates)| {
                name == event_type
                    && match predicates {
                        Predicates::All => event.raw_json().trim_start().starts_with('{'),
                        Predicates::AnyOf(dicts) => {
                            let Some(Node::Object(body)) = view.raw() else { return false };
                            dicts.iter().any(|dict| {
                                dict.iter().all(|(key, filter)| {
                                    // datahub-actions re-serializes events; an empty `parameters` becomes null.
                                    let value = body.get(key).filter(|node| {
                                        !(key == "parameters"
                                            && matches!(node, Node::Object(object) if object.is_empty()))
                                    });
                                    matches(filter, value, max_depth)
                                })
                            })
                        }
                    }
            })
        })
    }
}
