#![doc = include_str!("../README.md")]

#[cfg(feature = "arrow")]
pub mod arrow;
mod atlan_names;
mod catalog;
pub mod cloudevents;
mod error;
pub mod ffi;
pub mod filter;
mod input;
mod json;
mod model;
mod normalize;
mod options;
mod parser;
mod schema;
mod stats;
mod stream;
mod validate;
pub mod webhook;

pub use atlan_names::AtlanNames;
pub use catalog::{
    Catalog, DatasetNaming, Discriminators, EntityTypes, Entry, Param, ParamOrigin, ParamType, ProcessTypes,
    dataset_naming, is_process_type, platform_namings,
};
/// The string type of [`Entity`] and [`Native`] fields: short texts (types, platforms, names,
/// discriminators) are held inline, without an allocation of their own.
pub use compact_str::CompactString;
pub use error::{Error, ErrorCategory, ErrorKind, Location, Result};
pub use filter::{Filter, FilterBuilder};
pub use model::{
    Details, Entity, Event, EventId, EventJson, Family, Kind, Native, NativeFormat, Parsed, Record, Source,
    ValidationRequest,
};
pub use options::{InputFormat, LimitOverrides, Limits, ParseOptions};
pub use parser::Parser;
pub use schema::event_schema;
pub use stats::Stats;
pub use stream::EventReader;
pub use stream::{ParallelReader, ParallelRecords, Workers};
pub use validate::{Issue, Severity, validate};

/// For the `json` fuzz target: the hand-written JSON parser against the `serde_json` reference.
#[doc(hidden)]
pub use json::compare_parsers as __compare_json_parsers;

/// Parses one event with the default [`Parser`].
pub fn parse(input: &[u8]) -> Result<Parsed> {
    Parser::new().parse(input)
}

/// Every record of `input` with the default [`Parser`].
pub fn parse_many(input: &[u8]) -> EventReader<'_> {
    Parser::new().parse_many(input)
}

/// Parses the event an HTTP request delivered (a `CloudEvent` in binary or structured mode, or
/// any event as its body) with the default [`Parser`]: see [`Parser::parse_http`].
pub fn parse_http<I, K, V>(headers: I, body: &[u8]) -> Result<Parsed>
where
    I: IntoIterator<Item = (K, V)>,
    K: AsRef<str>,
    V: AsRef<str>,
{
    Parser::new().parse_http(headers, body)
}

/// Every record read from `reader` with the default [`Parser`].
pub fn read<'r, R: std::io::Read + Send + 'r>(reader: R) -> EventReader<'r> {
    Parser::new().read(reader)
}

/// The Rust examples of the repository's other documentation pages, run as doctests (only by
/// `cargo test`: these files are not part of the published crate).
#[cfg(doctest)]
mod documentation_examples {
    #[doc = include_str!("../../../README.md")]
    struct Readme;
    #[doc = include_str!("../../../CONTRIBUTING.md")]
    struct Contributing;
    #[doc = include_str!("../../../docs/filters.md")]
    struct Filters;
    #[doc = include_str!("../../../docs/event-model.md")]
    struct EventModel;
    #[doc = include_str!("../../../docs/cli.md")]
    struct Cli;
    #[doc = include_str!("../../../docs/speed.md")]
    struct Speed;
    #[cfg(all(feature = "parquet", feature = "parallel"))]
    #[doc = include_str!("../../../docs/tables.md")]
    struct Tables;
}
