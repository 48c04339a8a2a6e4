//! Filters: data (a JSON object) compiled once and evaluated many times, identical in every
//! language. See the README for the language; datahub-actions configs compile to the same
//! engine. A compiled filter carries a byte prefilter that the stream readers use to rule
//! records out before parsing them (`Filter::filter_ndjson`, in `stream/`).

mod actions;
mod eval;
mod expr;
mod prefilter;

use std::sync::Arc;

use serde_json::Value;

use crate::error::{Error, ErrorKind, Result};
use crate::model::{Event, Parsed};

/// The operators of the filter language.
pub use expr::OPERATORS;
pub(crate) use prefilter::Candidates;

#[derive(Debug)]
enum Program {
    Expr(expr::Expr),
    DatahubActions(actions::ActionsFilter),
    /// Several filters (of any form) that must all pass.
    All(Vec<Filter>),
}

#[derive(Debug)]
struct Compiled {
    program: Program,
    prefilter: prefilter::Prefilter,
    spec: Value,
}

/// A compiled filter. Cheap to clone; share it freely between threads.
#[derive(Debug, Clone)]
pub struct Filter(Arc<Compiled>);

impl Filter {
    /// Compiles the JSON form of a filter (`{"kind": "tag.added", "entity.platform": "snowflake"}`).
    /// Faults are reported at their place in the filter (`filter.any[1].kind`).
    pub fn new(spec: &Value) -> Result<Filter> {
        let expr = expr::compile(spec)?;
        let prefilter = prefilter::Prefilter::new(prefilter::expr_clauses(&expr));
        Ok(Filter(Arc::new(Compiled { program: Program::Expr(expr), prefilter, spec: spec.clone() })))
    }

    /// Compiles a filter from JSON text.
    pub fn from_json(text: &str) -> Result<Filter> {
        let spec: Value = serde_json::from_str(text).map_err(|err| {
            Error::at_path(ErrorKind::Filter, "filter", format!("the filter is not valid JSON: {err}"))
        })?;
        Self::new(&spec)
    }

    /// A filter every event passes (`{}`).
    pub fn everything() -> Filter {
        Filter(Arc::new(Compiled {
            program: Program::Expr(expr::match_all()),
            prefilter: prefilter::Prefilter::new(Vec::new()),
            spec: Value::Object(serde_json::Map::new()),
        }))
    }

    /// Compiles a datahub-actions config, already decoded: a whole action config with a
    /// `filter:` block and/or a `filters:` list, or just one of them. Matches exactly as
    /// datahub-actions does, on the raw `DataHub` event; Atlan events never match.
    pub fn from_datahub_actions(config: &Value) -> Result<Filter> {
        let compiled = actions::compile(config)?;
        let prefilter = prefilter::Prefilter::new(prefilter::actions_clauses(&compiled));
        Ok(Filter(Arc::new(Compiled { program: Program::DatahubActions(compiled), prefilter, spec: config.clone() })))
    }

    /// [`Filter::from_datahub_actions`] of YAML (or JSON) text, e.g. an action's config file.
    #[cfg(feature = "yaml")]
    pub fn from_datahub_actions_yaml(text: &str) -> Result<Filter> {
        let config: Value = serde_norway::from_str(text).map_err(|err| {
            Error::at_path(ErrorKind::Filter, "filter", format!("the datahub-actions config is not valid YAML: {err}"))
        })?;
        Self::from_datahub_actions(&config)
    }

    /// A filter that passes what every one of `filters` passes (they may mix the JSON form and
    /// datahub-actions configs); its prefilter needs the literals of each.
    pub fn all_of(filters: Vec<Filter>) -> Filter {
        let literals = filters.iter().flat_map(|filter| filter.required_literals().iter().cloned()).collect();
        let spec = Value::Array(filters.iter().map(|filter| filter.spec().clone()).collect());
        Filter(Arc::new(Compiled {
            program: Program::All(filters),
            prefilter: prefilter::Prefilter::new(literals),
            spec,
        }))
    }

    /// The spec this filter was compiled from (for [`Filter::all_of`], the list of specs).
    pub fn spec(&self) -> &Value {
        &self.0.spec
    }

    /// Whether `event` passes.
    pub fn matches(&self, event: &Event) -> bool {
        let arena = bumpalo::Bump::new();
        let view = eval::View::new(event, &arena);
        match &self.0.program {
            Program::Expr(expr) => eval::eval(expr, &view),
            Program::DatahubActions(filter) => filter.matches(event, &view),
            Program::All(filters) => filters.iter().all(|filter| filter.matches(event)),
        }
    }

    /// Whether a parse outcome passes (the webhook validation request never does).
    pub fn matches_parsed(&self, parsed: &Parsed) -> bool {
        parsed.as_event().is_some_and(|event| self.matches(event))
    }

    /// The literals every matching line must contain: one of each inner list. Empty when the
    /// prefilter cannot rule anything out.
    pub fn required_literals(&self) -> &[Vec<String>] {
        self.0.prefilter.literals()
    }

    /// Whether an NDJSON line may hold a match; `false` only when it certainly does not.
    pub fn may_match_line(&self, line: &[u8]) -> bool {
        self.0.prefilter.may_match(line)
    }

    /// The byte prefilter (for the stream readers).
    pub(crate) fn prefilter(&self) -> &prefilter::Prefilter {
        &self.0.prefilter
    }
}

/// Builds filters in Rust code; the result is the same JSON form every language shares.
///
/// ```
/// use metaevents::Filter;
/// let filter = Filter::kind("tag.added").and(Filter::subject("urn:li:tag:PII")).build().unwrap();
/// assert_eq!(filter.spec(), &serde_json::json!({"all": [{"kind": "tag.added"}, {"subjects": "urn:li:tag:PII"}]}));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct FilterBuilder {
    spec: Value,
}

impl Filter {
    /// Events of a kind or family (`"tag.added"`, `"owner.*"`).
    pub fn kind(kind: &str) -> FilterBuilder {
        Self::field("kind", Value::from(kind))
    }

    /// Events from one platform (`"datahub"`, `"atlan"`).
    pub fn source(source: &str) -> FilterBuilder {
        Self::field("source", Value::from(source))
    }

    /// Events about assets of one platform (`"snowflake"`).
    pub fn platform(platform: &str) -> FilterBuilder {
        Self::field("entity.platform", Value::from(platform))
    }

    /// Events with this subject (a tag, term, owner, ... urn or Atlan id).
    pub fn subject(subject: &str) -> FilterBuilder {
        Self::field("subjects", Value::from(subject))
    }

    /// Events made by this actor.
    pub fn actor(actor: &str) -> FilterBuilder {
        Self::field("actor", Value::from(actor))
    }

    /// `{path: value}`: equality for a scalar, any-of for a list, operators for an object.
    pub fn field(path: &str, value: Value) -> FilterBuilder {
        FilterBuilder { spec: expr::single(path, value) }
    }

    /// `{path: {op: value}}`.
    pub fn op(path: &str, op: &str, value: Value) -> FilterBuilder {
        Self::field(path, expr::single(op, value))
    }
}

impl FilterBuilder {
    /// Both must hold.
    #[must_use]
    pub fn and(self, other: FilterBuilder) -> FilterBuilder {
        FilterBuilder { spec: expr::single("all", Value::Array(vec![self.spec, other.spec])) }
    }

    /// Either may hold.
    #[must_use]
    pub fn or(self, other: FilterBuilder) -> FilterBuilder {
        FilterBuilder { spec: expr::single("any", Value::Array(vec![self.spec, other.spec])) }
    }

    /// The opposite.
    #[must_use]
    pub fn negate(self) -> FilterBuilder {
        FilterBuilder { spec: expr::single("not", self.spec) }
    }

    /// The JSON form built so far.
    pub fn spec(&self) -> &Value {
        &self.spec
    }

    /// Compiles it.
    pub fn build(&self) -> Result<Filter> {
        Filter::new(&self.spec)
    }
}
