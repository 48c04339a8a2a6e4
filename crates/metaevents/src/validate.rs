//! Strict checks of a normalized event against the catalog: unknown kinds, missing required
//! parameters, parameters of the wrong type, and softer warnings (parameters or entity types the
//! catalog does not list). Parsing is lenient so nothing is lost; this is where strictness lives.

use serde::Serialize;

use crate::catalog::{Catalog, Entry, ParamOrigin};
use crate::json::{self, Node};
use crate::model::{Event, Kind, NativeFormat};
use crate::normalize::coerce;
use crate::options::Limits;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The event breaks the catalog's contract.
    Error,
    /// Worth knowing, not wrong.
    Warning,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Issue {
    /// Error or warning.
    pub severity: Severity,
    /// A stable name: `unknown_kind`, `missing_parameter`, `wrong_type`, `extra_parameter`,
    /// `unexpected_entity_type`, `missing_actor` (not for platforms whose events never name one),
    /// `missing_time`, `missing_field`.
    pub code: &'static str,
    /// JSON path in the raw event (`$.parameters.attempt`) or in the normalized one (`details.tags`).
    pub path: String,
    /// What is wrong, in plain words.
    pub message: String,
}

impl Issue {
    fn error(code: &'static str, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self { severity: Severity::Error, code, path: path.into(), message: message.into() }
    }

    fn warning(code: &'static str, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self { severity: Severity::Warning, code, path: path.into(), message: message.into() }
    }
}

impl Catalog {
    /// The catalog entry an event was classified by, if any.
    pub fn entry_of(&self, event: &Event) -> Option<&'static Entry> {
        let native = event.native();
        match native.format {
            NativeFormat::EntityChangeEvent => self.datahub_entity_change(
                native.category.as_deref().unwrap_or_default(),
                native.operation.as_deref().unwrap_or_default(),
                event.entity().entity_type.as_deref().unwrap_or_default(),
            ),
            NativeFormat::RelationshipChangeEvent => {
                self.datahub_relationship_change(native.operation.as_deref().unwrap_or_default())
            }
            NativeFormat::AtlanNotification | NativeFormat::AtlasNotification => {
                let type_name = if event.kind().family().as_str() == "relationship" {
                    ""
                } else {
                    event.entity().entity_type.as_deref().unwrap_or_default()
                };
                self.notification(event.source(), native.operation_type.as_deref().unwrap_or_default(), type_name)
            }
            NativeFormat::OpenMetadataChangeEvent => self.openmetadata(event.kind()),
            NativeFormat::MetadataChangeLog | NativeFormat::PlatformEvent | NativeFormat::ActionsEvent => None,
        }
    }
}

fn describe(node: &Node<'_>) -> String {
    match node {
        Node::String(text) => format!("\"{text}\""),
        other => other.type_name().to_owned(),
    }
}

/// Why an event has no catalog entry, in plain words.
fn not_in_catalog(event: &Event) -> String {
    let native = event.native();
    match native.format {
        NativeFormat::EntityChangeEvent => format!(
            "DataHub category {} with operation {} on {} is not in the catalog",
            native.category.as_deref().unwrap_or("?"),
            native.operation.as_deref().unwrap_or("?"),
            event.entity().entity_type.as_deref().unwrap_or("no entity")
        ),
        NativeFormat::RelationshipChangeEvent => {
            format!("relationship operation {} is not in the catalog", native.operation.as_deref().unwrap_or("?"))
        }
        NativeFormat::AtlanNotification | NativeFormat::AtlasNotification => format!(
            "{} operationType {}{} is not in the catalog",
            event.source().display_name(),
            native.operation_type.as_deref().unwrap_or("?"),
            match native.message_type.as_deref() {
                Some(v1 @ "ENTITY_NOTIFICATION_V1") => format!(" of an {v1} message"),
                _ => String::new(),
            }
        ),
        NativeFormat::OpenMetadataChangeEvent => {
            format!("OpenMetadata eventType {} is not in the catalog", native.event_type.as_deref().unwrap_or("?"))
        }
        NativeFormat::MetadataChangeLog => "a MetadataChangeLog is not a change event of the catalog".to_owned(),
        NativeFormat::PlatformEvent => {
            format!("PlatformEvent `{}` is not in the catalog", native.name.as_deref().unwrap_or("?"))
        }
        NativeFormat::ActionsEvent => {
            format!(
                "datahub-actions event type `{}` is not in the catalog",
                native.event_type.as_deref().unwrap_or("?")
            )
        }
    }
}

/// Everything wrong with `event` by the catalog's rules, errors first.
pub fn validate(event: &Event) -> Vec<Issue> {
    let catalog = Catalog::builtin();
    let mut issues = Vec::new();
    let Some(entry) = catalog.entry_of(event).filter(|_| event.kind() != Kind::Unknown) else {
        let what = not_in_catalog(event);
        issues.push(Issue::error("unknown_kind", "kind", what));
        return issues;
    };

    let arena = bumpalo::Bump::new();
    let raw = json::tree::parse(event.raw_json(), Limits::MAX_DEPTH_CEILING, &arena).ok();
    let parameters = raw.as_ref().and_then(|raw| raw.get("parameters")).and_then(Node::as_object);
    check_params(entry, event.details(), raw.as_ref(), parameters, &mut issues);
    if let Some(parameters) = parameters {
        for (name, _) in parameters.iter() {
            if entry.param(name).is_none() {
                issues.push(Issue::warning(
                    "extra_parameter",
                    format!("$.parameters.{name}"),
                    format!("parameter `{name}` is not in the catalog for {}", entry.kind),
                ));
            }
        }
    }
    let entity_type = event.entity().entity_type.as_deref().unwrap_or_default();
    if !entry.entity_types.is_empty() && !entry.entity_types.contains(&entity_type) {
        issues.push(Issue::warning(
            "unexpected_entity_type",
            "entity.type",
            format!("{} events are documented for {}, not {entity_type}", entry.kind, entry.entity_types.join(", ")),
        ));
    }
    if event.actor().is_none() && event.source().names_actor() {
        issues.push(Issue::warning("missing_actor", "actor", "the event does not say who made the change"));
    }
    missing_fields(event, raw.as_ref(), &mut issues);
    issues.sort_by_key(|issue| issue.severity);
    issues
}

/// Each catalog parameter: present with its type, or reported.
fn check_params(
    entry: &Entry,
    details: &crate::model::Details,
    raw: Option<&Node<'_>>,
    parameters: Option<&crate::json::Object<'_>>,
    issues: &mut Vec<Issue>,
) {
    for param in entry.params {
        let wire = match param.origin {
            ParamOrigin::Parameter => parameters.and_then(|p| p.get(param.name)).filter(|node| !node.is_null()),
            ParamOrigin::Field => raw.and_then(|raw| raw.get(param.name)).filter(|node| !node.is_null()),
            ParamOrigin::Derived => None,
        };
        let where_ = match param.origin {
            ParamOrigin::Parameter => format!("$.parameters.{}", param.name),
            ParamOrigin::Field => format!("$.{}", param.name),
            ParamOrigin::Derived => format!("details.{}", param.name),
        };
        match details.get(param.name) {
            // Normalization took it from `modifier`: usable, but not what the schema asks for.
            Some(_) if param.required && param.origin == ParamOrigin::Parameter && wire.is_none() => {
                issues.push(Issue::warning(
                    "missing_parameter",
                    where_,
                    format!("required parameter `{}` is missing (taken from `modifier`)", param.name),
                ));
            }
            Some(value) if !coerce::has_type(value, param.ty) => issues.push(Issue::error(
                "wrong_type",
                where_,
                format!("parameter `{}` should be {}", param.name, param.ty.as_str()),
            )),
            Some(_) => {}
            None => match wire {
                Some(node) => issues.push(Issue::error(
                    "wrong_type",
                    where_,
                    format!(
                        "parameter `{}` is {}, not a value of type {}",
                        param.name,
                        describe(node),
                        param.ty.as_str()
                    ),
                )),
                None if param.required => issues.push(Issue::error(
                    "missing_parameter",
                    where_,
                    format!("missing required parameter `{}` ({})", param.name, param.ty.as_str()),
                )),
                None => {}
            },
        }
    }
}

/// Warnings for what the event does not say: when it happened, and the fields DataHub's schema
/// requires that real senders leave out (its own EventBridge sample has neither): parsed
/// without them, reported here.
fn missing_fields(event: &Event, raw: Option<&Node<'_>>, issues: &mut Vec<Issue>) {
    if event.time().is_none() {
        issues.push(Issue::warning("missing_time", "time", "neither the event nor its envelopes say when it happened"));
    }
    let native = event.native();
    let required: &[&str] = match native.format {
        NativeFormat::EntityChangeEvent => &["auditStamp", "version"],
        NativeFormat::RelationshipChangeEvent => &["auditStamp"],
        _ => &[],
    };
    for field in required {
        if raw.and_then(|raw| raw.get(field)).is_none_or(Node::is_null) {
            issues.push(Issue::warning(
                "missing_field",
                format!("$.{field}"),
                format!("`{field}` is required by DataHub's schema but missing"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lenient_fields_are_warnings() {
        let ece = br#"{"entityUrn": "urn:li:dataset:abc", "entityType": "dataset", "category": "TAG",
            "operation": "ADD", "parameters": {"tagUrn": "urn:li:tag:pii"}}"#;
        let event = crate::parse(ece).unwrap().into_event().unwrap();
        let issues = validate(&event);
        assert!(issues.iter().all(|issue| issue.severity == Severity::Warning), "{issues:?}");
        let codes: Vec<(&str, &str)> = issues.iter().map(|issue| (issue.code, issue.path.as_str())).collect();
        for expected in [("missing_time", "time"), ("missing_field", "$.auditStamp"), ("missing_field", "$.version")] {
            assert!(codes.contains(&expected), "{codes:?}");
        }
    }
}
