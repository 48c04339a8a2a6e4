//! The filter language, compiled from JSON:
//!
//! ```text
//! filter := { PATH: MATCH, ... }  |  {"any": [filter, ...]}  |  {"all": [filter, ...]}  |  {"not": filter}
//! MATCH  := scalar  |  [scalar, ...]  |  {OP: value, ...}
//! OP     := eq ne in prefix suffix contains glob regex exists gt gte lt lte
//! ```
//! Every fault is reported at its place in the filter (`filter.any[1].kind.regexx`).

use globset::{GlobBuilder, GlobMatcher};
use regex::Regex;
use serde_json::{Map, Value};

use crate::error::{Error, ErrorKind, Result};
use crate::json::path as json_path;
use crate::model::{Family, Kind, Source};

/// The operators, in the order the docs list them.
/// Operator names, in the order the docs list them.
pub const OPERATORS: &[&str] =
    &["eq", "ne", "in", "prefix", "suffix", "contains", "glob", "regex", "exists", "gt", "gte", "lt", "lte"];

/// Fields of `entity` a path may name.
pub(crate) const ENTITY_FIELDS: &[&str] = &["id", "type", "name", "qualifiedName", "platform", "parent", "fieldPath"];
/// Fields of `native` a path may name.
pub(crate) const NATIVE_FIELDS: &[&str] = &[
    "format",
    "category",
    "operation",
    "operationType",
    "type",
    "evidence",
    "name",
    "eventType",
    "relationshipType",
    "changeType",
    "aspectName",
    "fields",
    "part",
    "envelope",
];

/// Where a path points in the normalized event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum FieldPath {
    Id,
    Source,
    Kind,
    Time,
    Actor,
    /// `entity.<field>`; `None` for `entity` itself.
    Entity(Option<&'static str>),
    Subjects,
    /// `details.<segments>`.
    Details(Vec<String>),
    /// `native.<field>`; `None` for `native` itself.
    Native(Option<&'static str>),
    /// `raw.<segments>`.
    Raw(Vec<String>),
}

/// The first segments of paths.
const ROOTS: &[&str] = &["id", "source", "kind", "time", "actor", "entity", "subjects", "details", "native", "raw"];

/// The candidate nearest to `name` when it is near enough to be a likely typo.
pub(crate) fn nearest<'c>(name: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    candidates
        .into_iter()
        .map(|candidate| (strsim::normalized_damerau_levenshtein(name, candidate), candidate))
        .filter(|(similarity, _)| *similarity >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

impl FieldPath {
    fn parse(path: &str, at: &str) -> Result<Self> {
        let (root, rest) = match path.split_once('.') {
            Some((root, rest)) => (root, Some(rest)),
            None => (path, None),
        };
        let segments = |rest: Option<&str>| -> Result<Vec<String>> {
            let Some(rest) = rest else { return Ok(Vec::new()) };
            if rest.split('.').any(str::is_empty) {
                return Err(filter_error(at, format!("path `{path}` has an empty segment")));
            }
            Ok(rest.split('.').map(str::to_owned).collect())
        };
        let named = |fields: &'static [&'static str], rest: Option<&str>| -> Result<Option<&'static str>> {
            match rest {
                None => Ok(None),
                Some(field) => fields.iter().copied().find(|known| *known == field).map(Some).ok_or_else(|| {
                    let hint = match nearest(field, fields.iter().copied()) {
                        Some(near) => format!("did you mean `{root}.{near}`?"),
                        None => format!("`{root}` has {}", fields.join(", ")),
                    };
                    filter_error(at, format!("unknown field `{root}.{field}`: {hint}"))
                }),
            }
        };
        let leaf = |field: FieldPath| -> Result<Self> {
            match rest {
                None => Ok(field),
                Some(_) => Err(filter_error(at, format!("`{root}` has no fields (in path `{path}`)"))),
            }
        };
        match root {
            "id" => leaf(Self::Id),
            "source" => leaf(Self::Source),
            "kind" => leaf(Self::Kind),
            "time" => leaf(Self::Time),
            "actor" => leaf(Self::Actor),
            "subjects" => leaf(Self::Subjects),
            "entity" => Ok(Self::Entity(named(ENTITY_FIELDS, rest)?)),
            "native" => Ok(Self::Native(named(NATIVE_FIELDS, rest)?)),
            "details" => Ok(Self::Details(segments(rest)?)),
            "raw" => Ok(Self::Raw(segments(rest)?)),
            _ => Err(filter_error(
                at,
                match nearest(root, ROOTS.iter().copied()) {
                    Some(near) => format!("unknown path `{path}`: did you mean `{near}`?"),
                    None => format!("unknown path `{path}`: paths start with {}", ROOTS.join(", ")),
                },
            )),
        }
    }
}

/// A JSON scalar a value is compared with.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Scalar {
    Null,
    Bool(bool),
    Number(serde_json::Number),
    String(String),
}

impl Scalar {
    fn from_value(value: &Value, at: &str) -> Result<Self> {
        match value {
            Value::Null => Ok(Self::Null),
            Value::Bool(flag) => Ok(Self::Bool(*flag)),
            Value::Number(number) => Ok(Self::Number(number.clone())),
            Value::String(text) => Ok(Self::String(text.clone())),
            Value::Array(_) | Value::Object(_) => Err(filter_error(
                at,
                format!("expected a string, number, boolean or null, found {}", value_type(value)),
            )),
        }
    }
}

/// How an ordering operator compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Order {
    Gt,
    Gte,
    Lt,
    Lte,
}

/// One test on the values a path resolves to.
#[derive(Debug, Clone)]
pub(crate) enum Test {
    /// Some value equals one of these.
    AnyOf(Vec<Scalar>),
    /// No value equals any of these.
    NoneOf(Vec<Scalar>),
    /// The event's kind is (or, negated, is not) one of these.
    Kinds {
        kinds: Vec<Kind>,
        negated: bool,
    },
    Prefix(String),
    Suffix(String),
    Contains(String),
    Glob(Box<GlobMatcher>),
    Regex(Box<Regex>),
    /// Some value is present and not null (or, false, none is).
    Exists(bool),
    Compare(Order, Scalar),
}

/// A compiled filter expression.
#[derive(Debug, Clone)]
pub(crate) enum Expr {
    All(Vec<Expr>),
    Any(Vec<Expr>),
    Not(Box<Expr>),
    Field { path: FieldPath, tests: Vec<Test> },
}

/// A filter path one key deeper: `filter.any[1].entity.platform` (keys are written plainly, dotted
/// paths included, unless they hold spaces, quotes or brackets).
pub(crate) fn child(at: &str, key: &str) -> String {
    let plain = !key.is_empty() && !key.chars().any(|c| c.is_whitespace() || matches!(c, '"' | '[' | ']' | '\\'));
    if plain { format!("{at}.{key}") } else { json_path::child(at, key) }
}

pub(crate) fn filter_error(at: &str, message: impl Into<String>) -> Error {
    Error::at_path(ErrorKind::Filter, at, message)
}

pub(crate) fn value_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Compiles the JSON form of a filter.
pub(crate) fn compile(spec: &Value) -> Result<Expr> {
    compile_filter(spec, "filter")
}

fn compile_filter(spec: &Value, at: &str) -> Result<Expr> {
    let Value::Object(members) = spec else {
        return Err(filter_error(at, format!("a filter is a JSON object, found {}", value_type(spec))));
    };
    let mut parts = Vec::with_capacity(members.len());
    for (key, value) in members {
        let here = child(at, key);
        let part = match key.as_str() {
            "any" | "all" => {
                let Value::Array(items) = value else {
                    return Err(filter_error(
                        &here,
                        format!("`{key}` takes a list of filters, found {}", value_type(value)),
                    ));
                };
                if items.is_empty() {
                    return Err(filter_error(&here, format!("`{key}` needs at least one filter")));
                }
                let compiled = items
                    .iter()
                    .enumerate()
                    .map(|(index, item)| compile_filter(item, &json_path::item(&here, index)))
                    .collect::<Result<Vec<_>>>()?;
                if key == "any" { Expr::Any(compiled) } else { Expr::All(compiled) }
            }
            "not" => Expr::Not(Box::new(compile_filter(value, &here)?)),
            path => {
                let field = FieldPath::parse(path, &here)?;
                let tests = compile_match(&field, value, &here)?;
                Expr::Field { path: field, tests }
            }
        };
        parts.push(part);
    }
    Ok(match parts.len() {
        1 => parts.pop().unwrap_or(Expr::All(Vec::new())),
        _ => Expr::All(parts),
    })
}

fn compile_match(field: &FieldPath, value: &Value, at: &str) -> Result<Vec<Test>> {
    match value {
        Value::Array(items) => Ok(vec![equality(field, items, true, false, at)?]),
        Value::Object(ops) => {
            if ops.is_empty() {
                return Err(filter_error(at, format!("no operator (use one of {})", OPERATORS.join(", "))));
            }
            ops.iter().map(|(op, argument)| compile_op(field, op, argument, &child(at, op))).collect()
        }
        scalar => Ok(vec![equality(field, std::slice::from_ref(scalar), false, false, at)?]),
    }
}

/// Rejects a value the field can never hold, so that a typo cannot compile into a filter that
/// silently matches nothing.
fn check_value(field: &FieldPath, scalar: &Scalar, at: &str) -> Result<()> {
    match (field, scalar) {
        (FieldPath::Source, Scalar::String(name)) if Source::from_name(name).is_some() => Ok(()),
        (FieldPath::Source, other) => {
            let names: Vec<&str> = Source::ALL.iter().map(|source| source.as_str()).collect();
            let hint = match other {
                Scalar::String(name) => nearest(name, names.iter().copied()),
                _ => None,
            };
            Err(filter_error(
                at,
                match hint {
                    Some(near) => format!("unknown source {}: did you mean \"{near}\"?", show(other)),
                    None => format!("unknown source {}: sources are {}", show(other), names.join(", ")),
                },
            ))
        }
        (FieldPath::Time, Scalar::Number(_)) => Ok(()),
        (FieldPath::Time, other) => Err(filter_error(
            at,
            format!("`time` is epoch milliseconds: compare it with a number, not {}", show(other)),
        )),
        (FieldPath::Id, Scalar::String(id))
            if id.len() == 32 && id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) =>
        {
            Ok(())
        }
        (FieldPath::Id, other) => {
            Err(filter_error(at, format!("an event id is 32 lowercase hex characters, not {}", show(other))))
        }
        (FieldPath::Entity(Some("platform")), Scalar::String(name)) if name.chars().any(char::is_uppercase) => {
            Err(filter_error(at, format!("platforms are lowercase in events: use \"{}\"", name.to_lowercase())))
        }
        _ => Ok(()),
    }
}

fn show(scalar: &Scalar) -> String {
    match scalar {
        Scalar::Null => "null".to_owned(),
        Scalar::Bool(flag) => flag.to_string(),
        Scalar::Number(number) => number.to_string(),
        Scalar::String(text) => format!("\"{text}\""),
    }
}

/// `eq`/`in`/list (any of) and `ne` (none of); on `kind`, families (`tag.*`) are allowed and
/// every name is checked against the catalog. `listed`: the values came as a list, so faults
/// are located by index.
fn equality(field: &FieldPath, items: &[Value], listed: bool, negated: bool, at: &str) -> Result<Test> {
    if items.is_empty() {
        return Err(filter_error(at, "an empty list matches nothing"));
    }
    let here = |index: usize| if listed { json_path::item(at, index) } else { at.to_owned() };
    let scalars = items
        .iter()
        .enumerate()
        .map(|(index, item)| Scalar::from_value(item, &here(index)))
        .collect::<Result<Vec<_>>>()?;
    if let FieldPath::Kind = field {
        let mut kinds = Vec::new();
        for (index, scalar) in scalars.iter().enumerate() {
            kinds.extend(kinds_named(scalar, &here(index))?);
        }
        return Ok(Test::Kinds { kinds, negated });
    }
    for (index, scalar) in scalars.iter().enumerate() {
        check_value(field, scalar, &here(index))?;
    }
    Ok(if negated { Test::NoneOf(scalars) } else { Test::AnyOf(scalars) })
}

/// The kinds a name stands for: one kind, a family (`tag.*`), or every kind (`*`).
fn kinds_named(scalar: &Scalar, at: &str) -> Result<Vec<Kind>> {
    let Scalar::String(name) = scalar else {
        return Err(filter_error(at, format!("a kind is a string, found {scalar:?}")));
    };
    if name == "*" {
        return Ok(Kind::ALL.to_vec());
    }
    if let Some(kind) = Kind::from_name(name) {
        return Ok(vec![kind]);
    }
    if let Some(family) = name.strip_suffix(".*").and_then(Family::from_name) {
        return Ok(family.kinds().collect());
    }
    let families: Vec<String> = Family::all().iter().map(|family| format!("{family}.*")).collect();
    let names = Kind::ALL.iter().map(|kind| kind.as_str()).chain(families.iter().map(String::as_str));
    Err(filter_error(
        at,
        match nearest(name, names) {
            Some(near) => format!("unknown kind \"{name}\": did you mean \"{near}\"?"),
            None => format!(
                "unknown kind \"{name}\": a kind is family.action (families: {}; `metaevents catalog` lists every kind)",
                families.join(", ")
            ),
        },
    ))
}

fn string_argument<'v>(op: &str, argument: &'v Value, at: &str) -> Result<&'v str> {
    match argument {
        Value::String(text) if !text.is_empty() => Ok(text),
        Value::String(_) => Err(filter_error(at, format!("`{op}` needs a non-empty string"))),
        other => Err(filter_error(at, format!("`{op}` takes a string, found {}", value_type(other)))),
    }
}

fn compile_op(field: &FieldPath, op: &str, argument: &Value, at: &str) -> Result<Test> {
    match op {
        "eq" => equality(field, std::slice::from_ref(argument), false, false, at),
        "ne" => equality(field, std::slice::from_ref(argument), false, true, at),
        "in" => match argument {
            Value::Array(items) => equality(field, items, true, false, at),
            other => Err(filter_error(at, format!("`in` takes a list, found {}", value_type(other)))),
        },
        "prefix" => Ok(Test::Prefix(string_argument(op, argument, at)?.to_owned())),
        "suffix" => Ok(Test::Suffix(string_argument(op, argument, at)?.to_owned())),
        "contains" => Ok(Test::Contains(string_argument(op, argument, at)?.to_owned())),
        "glob" => {
            let pattern = string_argument(op, argument, at)?;
            let glob = GlobBuilder::new(pattern)
                .literal_separator(false)
                .backslash_escape(true)
                .build()
                .map_err(|err| filter_error(at, format!("invalid glob \"{pattern}\": {}", err.kind())))?;
            Ok(Test::Glob(Box::new(glob.compile_matcher())))
        }
        "regex" => {
            let pattern = string_argument(op, argument, at)?;
            let regex = regex::RegexBuilder::new(pattern).size_limit(1 << 20).build().map_err(|err| {
                filter_error(at, format!("invalid regex \"{pattern}\": {}", first_line(&err.to_string())))
            })?;
            Ok(Test::Regex(Box::new(regex)))
        }
        "exists" => match argument {
            Value::Bool(flag) => Ok(Test::Exists(*flag)),
            other => Err(filter_error(at, format!("`exists` takes true or false, found {}", value_type(other)))),
        },
        "gt" | "gte" | "lt" | "lte" => {
            let order = match op {
                "gt" => Order::Gt,
                "gte" => Order::Gte,
                "lt" => Order::Lt,
                _ => Order::Lte,
            };
            match argument {
                Value::String(_) if matches!(field, FieldPath::Time) => Err(filter_error(
                    at,
                    format!("`time` is epoch milliseconds: compare it with a number, not {argument}"),
                )),
                Value::Number(_) | Value::String(_) => Ok(Test::Compare(order, Scalar::from_value(argument, at)?)),
                other => {
                    Err(filter_error(at, format!("`{op}` takes a number or a string, found {}", value_type(other))))
                }
            }
        }
        unknown => Err(filter_error(
            at,
            match nearest(unknown, OPERATORS.iter().copied()) {
                Some(near) => format!("unknown operator \"{unknown}\": did you mean \"{near}\"?"),
                None => format!("unknown operator \"{unknown}\" (operators: {})", OPERATORS.join(", ")),
            },
        )),
    }
}

fn first_line(text: &str) -> &str {
    text.lines().rfind(|line| !line.trim().is_empty()).unwrap_or(text).trim()
}

/// A filter that matches every event: `{}`.
pub(crate) fn match_all() -> Expr {
    Expr::All(Vec::new())
}

/// Builds the JSON object `{key: value}`.
pub(crate) fn single(key: &str, value: Value) -> Value {
    let mut object = Map::new();
    object.insert(key.to_owned(), value);
    Value::Object(object)
}
