//! The API the Python and JavaScript bindings are built on, so that each binding only converts
//! types (as `cedar_policy::ffi` keeps `cedar-wasm` a few lines a function): parser options as
//! one serde value, errors in one serializable shape with their exception class, and the tables
//! of error kinds and input formats that both languages export.

use serde::{Deserialize, Serialize};

use std::sync::Arc;

use crate::atlan_names::AtlanNames;
use crate::error::{Error, ErrorCategory, ErrorKind, Result};
use crate::options::{InputFormat, LimitOverrides, Limits, ParseOptions};
use crate::parser::Parser;

/// A parser's options as a binding receives them: `{"format": "atlan-envelope", "maxDepth": 8}`
/// from JavaScript (camelCase), keyword arguments from Python.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ParserOptions {
    /// An input format name ([`InputFormat::as_str`]) to force instead of detecting.
    pub format: Option<String>,
    /// [`Limits::max_event_bytes`].
    pub max_event_bytes: Option<u64>,
    /// [`Limits::max_depth`].
    pub max_depth: Option<u64>,
    /// [`Limits::max_events_per_array`].
    pub max_events_per_array: Option<u64>,
    /// Compute ids on first use rather than while parsing ([`Parser::with_lazy_ids`]).
    #[serde(default)]
    pub lazy_ids: bool,
    /// Atlan typedefs (or an `{id: name}` map) naming the tenant's hashed ids ([`AtlanNames`]).
    pub atlan_typedefs: Option<serde_json::Value>,
}

impl ParserOptions {
    /// The parser these options describe. A bad value is an [`ErrorKind::InvalidOption`] error
    /// whose path names the option in `snake_case` (`max_depth`, `format`).
    pub fn parser(&self) -> Result<Parser> {
        let format = self.format.as_deref().map(str::parse::<InputFormat>).transpose()?;
        let limits = Limits::with_overrides(LimitOverrides {
            max_event_bytes: self.max_event_bytes,
            max_depth: self.max_depth,
            max_events_per_array: self.max_events_per_array,
        })?;
        let atlan_names = self.atlan_typedefs.as_ref().map(AtlanNames::from_value).transpose()?.map(Arc::new);
        Ok(Parser::with_options(ParseOptions { format, limits, atlan_names })?.with_lazy_ids(self.lazy_ids))
    }
}

/// An error as it crosses into Python or JavaScript.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorInfo {
    /// [`ErrorKind::as_str`] (`"invalid_field"`).
    pub kind: &'static str,
    /// [`ErrorCategory::as_str`] (`"invalid_event"`).
    pub category: &'static str,
    /// The exception class to raise ([`ErrorCategory::class_name`]).
    pub class: &'static str,
    /// What was wrong, without the location.
    pub message: String,
    /// The whole message with its location (`line 3: $.entityUrn: ...`).
    pub display: String,
    /// 1-based line, when known.
    pub line: Option<u64>,
    /// 1-based column, when known.
    pub column: Option<u64>,
    /// JSON path (or filter path, or option name), when known.
    pub path: Option<String>,
}

impl From<&Error> for ErrorInfo {
    fn from(error: &Error) -> Self {
        let category = error.kind().category();
        Self {
            kind: error.kind().as_str(),
            category: category.as_str(),
            class: category.class_name(),
            message: error.message().to_owned(),
            display: error.to_string(),
            line: error.line(),
            column: error.column(),
            path: error.path().map(str::to_owned),
        }
    }
}

impl From<Error> for ErrorInfo {
    fn from(error: Error) -> Self {
        Self::from(&error)
    }
}

/// One row of [`error_kinds`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorKindInfo {
    /// The kind's name.
    pub kind: &'static str,
    /// Its category's name.
    pub category: &'static str,
    /// The exception class.
    pub class: &'static str,
    /// What it means.
    pub description: &'static str,
}

/// Every error kind with its category and exception class: the one table Python, JavaScript and
/// `tests/vectors/error-kinds.json` are built from.
pub fn error_kinds() -> Vec<ErrorKindInfo> {
    ErrorKind::ALL
        .into_iter()
        .map(|kind| ErrorKindInfo {
            kind: kind.as_str(),
            category: kind.category().as_str(),
            class: kind.category().class_name(),
            description: kind.description(),
        })
        .collect()
}

/// The exception classes, base class (`MetaeventsError`) first.
pub fn error_classes() -> Vec<&'static str> {
    let mut classes = vec![ErrorCategory::Option.class_name()];
    for category in ErrorCategory::ALL {
        if !classes.contains(&category.class_name()) {
            classes.push(category.class_name());
        }
    }
    classes
}

/// One row of [`input_formats`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InputFormatInfo {
    /// The name a caller forces it by.
    pub name: &'static str,
    /// What it is.
    pub description: &'static str,
}

/// Every input format a caller can force.
pub fn input_formats() -> Vec<InputFormatInfo> {
    InputFormat::ALL
        .into_iter()
        .map(|format| InputFormatInfo { name: format.as_str(), description: format.description() })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_build_parsers_and_name_the_bad_option() {
        let options: ParserOptions = serde_json::from_str(r#"{"format": "atlan-envelope", "maxDepth": 8}"#).unwrap();
        let parser = options.parser().unwrap();
        assert_eq!(parser.options().format, Some(InputFormat::AtlanEnvelope));
        assert_eq!(parser.options().limits.max_depth, 8);
        let bad = ParserOptions { max_depth: Some(0), ..ParserOptions::default() }.parser().unwrap_err();
        assert_eq!((bad.kind(), bad.path()), (ErrorKind::InvalidOption, Some("max_depth")));
        let bad = ParserOptions { format: Some("atlas".into()), ..ParserOptions::default() }.parser().unwrap_err();
        assert_eq!(bad.path(), Some("format"));
        assert!(bad.message().contains("datahub-ece"), "{}", bad.message());
        assert!(serde_json::from_str::<ParserOptions>(r#"{"maxDepht": 3}"#).is_err());
    }

    #[test]
    fn every_kind_has_a_class_and_the_base_class_comes_first() {
        let kinds = error_kinds();
        assert_eq!(kinds.len(), ErrorKind::ALL.len());
        assert!(kinds.iter().all(|row| error_classes().contains(&row.class)));
        assert_eq!(error_classes().first(), Some(&"MetaeventsError"));
        let info = ErrorInfo::from(Error::new(ErrorKind::TooDeep, "deep").with_path("$.a"));
        assert_eq!((info.class, info.category, info.display.as_str()), ("LimitError", "limit", "$.a: deep"));
    }
}
