//! The one error type of the crate. Every variant says what was wrong in plain words and carries
//! where: the line (and column, for JSON syntax) of the record in its input and the JSON path of
//! the offending value (`$.message.entity.guid`, `$.events[3].value.payload.value.entityUrn`).
//! Filter compile errors carry the path inside the filter instead (`filter.any[1].kind`).

use std::fmt;

/// Where an error happened. Every part is optional: a stream knows the line, a parser the path.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Location {
    /// 1-based line of the record (for JSON syntax errors: of the fault) in its input.
    pub line: Option<u64>,
    /// 1-based column of a JSON syntax error.
    pub column: Option<u64>,
    /// JSON path of the faulty value, `$` for the whole record; for filters `filter...`.
    pub path: Option<String>,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(line), Some(column)) => write!(f, "line {line}, column {column}: ")?,
            (Some(line), None) => write!(f, "line {line}: ")?,
            _ => {}
        }
        if let Some(path) = &self.path {
            write!(f, "{path}: ")?;
        }
        Ok(())
    }
}

/// What went wrong, as a stable machine-readable name shared by Rust, Python and JS
/// (`error.kind` / `err.kind`), and used by the conformance vectors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Not valid JSON (truncated, stray characters, bad escapes).
    Syntax,
    /// Not valid UTF-8, or a byte-order mark where none may be.
    Encoding,
    /// Nested deeper than `Limits::max_depth`.
    TooDeep,
    /// An event bigger than `Limits::max_event_bytes`.
    TooLarge,
    /// More events in one array than `Limits::max_events_per_array`.
    TooMany,
    /// The same key twice in one JSON object: the event is ambiguous.
    DuplicateKey,
    /// A number JSON allows but no 64-bit float or integer holds, or a time outside ±2^53 ms.
    NumberOutOfRange,
    /// Valid JSON that is not an event of any supported platform or envelope.
    Unrecognized,
    /// A recognised event with a required field missing or of the wrong type.
    InvalidField,
    /// Content that must be decoded first (base64, gzip, JSON inside a string) could not be.
    Decode,
    /// Parts of a split Atlan message are missing.
    IncompleteSplit,
    /// The input holds no event at all.
    Empty,
    /// `parse` was given several events; `parse_many` reads those.
    NotSingle,
    /// A filter (or datahub-actions config) that cannot be compiled.
    Filter,
    /// A parser option (a limit, a format name) that cannot be used.
    InvalidOption,
    /// Reading the input failed.
    Io,
}

impl ErrorKind {
    /// Every kind, in declaration order.
    pub const ALL: [ErrorKind; 16] = [
        Self::Syntax,
        Self::Encoding,
        Self::TooDeep,
        Self::TooLarge,
        Self::TooMany,
        Self::DuplicateKey,
        Self::NumberOutOfRange,
        Self::Unrecognized,
        Self::InvalidField,
        Self::Decode,
        Self::IncompleteSplit,
        Self::Empty,
        Self::NotSingle,
        Self::Filter,
        Self::InvalidOption,
        Self::Io,
    ];

    /// The stable `snake_case` name (`"invalid_field"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Syntax => "syntax",
            Self::Encoding => "encoding",
            Self::TooDeep => "too_deep",
            Self::TooLarge => "too_large",
            Self::TooMany => "too_many",
            Self::DuplicateKey => "duplicate_key",
            Self::NumberOutOfRange => "number_out_of_range",
            Self::Unrecognized => "unrecognized",
            Self::InvalidField => "invalid_field",
            Self::Decode => "decode",
            Self::IncompleteSplit => "incomplete_split",
            Self::Empty => "empty",
            Self::NotSingle => "not_single",
            Self::Filter => "filter",
            Self::InvalidOption => "invalid_option",
            Self::Io => "io",
        }
    }
}

impl ErrorKind {
    /// Looks a kind up by its name.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == name)
    }

    /// The group the kind belongs to (one exception class per group in Python and JS).
    pub fn category(self) -> ErrorCategory {
        match self {
            Self::Syntax
            | Self::Encoding
            | Self::DuplicateKey
            | Self::NumberOutOfRange
            | Self::Empty
            | Self::NotSingle
            | Self::Io => ErrorCategory::Parse,
            Self::Unrecognized | Self::InvalidField => ErrorCategory::InvalidEvent,
            Self::Decode | Self::IncompleteSplit => ErrorCategory::Decode,
            Self::TooDeep | Self::TooLarge | Self::TooMany => ErrorCategory::Limit,
            Self::Filter => ErrorCategory::Filter,
            Self::InvalidOption => ErrorCategory::Option,
        }
    }

    /// What the kind means, in a sentence.
    pub fn description(self) -> &'static str {
        match self {
            Self::Syntax => "not valid JSON (truncated, stray characters, bad escapes)",
            Self::Encoding => "not valid UTF-8, or a byte-order mark where none may be",
            Self::TooDeep => "nested deeper than the max_depth limit",
            Self::TooLarge => "an event bigger than the max_event_bytes limit",
            Self::TooMany => "more events in one array than the max_events_per_array limit",
            Self::DuplicateKey => "the same key twice in one JSON object",
            Self::NumberOutOfRange => "a number no 64-bit float or integer holds, or a time outside ±2^53 ms",
            Self::Unrecognized => "valid JSON that is not an event of any supported platform or envelope",
            Self::InvalidField => "a recognised event with a required field missing or of the wrong type",
            Self::Decode => "content to decode first (base64, gzip, Avro, JSON inside a string) that could not be",
            Self::IncompleteSplit => "parts of a split notification are missing",
            Self::Empty => "the input holds no event at all",
            Self::NotSingle => "parse was given several events (parse_many reads those)",
            Self::Filter => "a filter or datahub-actions config that cannot be compiled",
            Self::InvalidOption => "a parser option (a limit, a format name) that cannot be used",
            Self::Io => "reading the input failed",
        }
    }
}

/// The groups of error kinds. Python and JavaScript have one exception class per group, named
/// by [`ErrorCategory::class_name`] (all subclasses of `MetaeventsError`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorCategory {
    /// Not readable as JSON, no event, several where one was expected, a failed read.
    Parse,
    /// Valid JSON that is not a valid event.
    InvalidEvent,
    /// Content that had to be decoded first and could not be; incomplete split messages.
    Decode,
    /// A limit of the parser was hit.
    Limit,
    /// A filter that cannot be compiled.
    Filter,
    /// A bad option.
    Option,
}

impl ErrorCategory {
    /// Every category, in declaration order.
    pub const ALL: [ErrorCategory; 6] =
        [Self::Parse, Self::InvalidEvent, Self::Decode, Self::Limit, Self::Filter, Self::Option];

    /// The stable `snake_case` name (`"invalid_event"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Parse => "parse",
            Self::InvalidEvent => "invalid_event",
            Self::Decode => "decode",
            Self::Limit => "limit",
            Self::Filter => "filter",
            Self::Option => "option",
        }
    }

    /// The exception class of this category in Python and JavaScript.
    pub fn class_name(self) -> &'static str {
        match self {
            Self::Parse => "ParseError",
            Self::InvalidEvent => "InvalidEventError",
            Self::Decode => "DecodeError",
            Self::Limit => "LimitError",
            Self::Filter => "FilterError",
            Self::Option => "MetaeventsError",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An error with its kind, a plain-words message and its location.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{at}{message}")]
pub struct Error {
    kind: ErrorKind,
    message: String,
    at: Location,
}

impl Error {
    /// An error of `kind` with `message` and no location (for code that builds on the crate,
    /// such as bindings checking their own arguments).
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self { kind, message: message.into(), at: Location::default() }
    }

    pub(crate) fn at_path(kind: ErrorKind, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(kind, message).with_path(path)
    }

    /// The same error at the JSON path (or option name) `path`.
    #[must_use]
    pub fn with_path(mut self, path: impl Into<String>) -> Self {
        self.at.path = Some(path.into());
        self
    }

    /// Sets the record's line when none is set yet, or shifts a line relative to the record
    /// (JSON syntax errors count lines from the record's first line) to the input's numbering.
    pub(crate) fn with_record_line(mut self, record_line: u64) -> Self {
        self.at.line = Some(match self.at.line {
            Some(relative) => record_line + relative.saturating_sub(1),
            None => record_line,
        });
        self
    }

    pub(crate) fn with_line_column(mut self, line: u64, column: u64) -> Self {
        self.at.line = Some(line);
        self.at.column = Some(column);
        self
    }

    /// The same error with `note` added to its message.
    #[must_use]
    pub(crate) fn with_note(mut self, note: &str) -> Self {
        self.message.push_str(note);
        self
    }

    /// Drops the line/column (kept for errors inside a decoded string, whose positions refer to
    /// that string rather than to the input).
    pub(crate) fn without_position(mut self) -> Self {
        self.at.line = None;
        self.at.column = None;
        self
    }

    /// Prefixes the JSON path with the path of the envelope the error occurred inside.
    pub(crate) fn nested_in(mut self, outer: &str) -> Self {
        let inner = self.at.path.take().unwrap_or_else(|| "$".to_owned());
        let rest = inner.strip_prefix('$').unwrap_or(&inner);
        self.at.path = Some(format!("{outer}{rest}"));
        self
    }

    /// The kind of error.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// What was wrong, without the location.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The full location.
    pub fn location(&self) -> &Location {
        &self.at
    }

    /// 1-based line of the record in its input, when known.
    pub fn line(&self) -> Option<u64> {
        self.at.line
    }

    /// 1-based column of a JSON syntax error, when known.
    pub fn column(&self) -> Option<u64> {
        self.at.column
    }

    /// JSON path of the offending value (or filter path), when known.
    pub fn path(&self) -> Option<&str> {
        self.at.path.as_deref()
    }
}

impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Self {
        Self::new(ErrorKind::Io, format!("cannot read input: {err}"))
    }
}

/// Result with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
