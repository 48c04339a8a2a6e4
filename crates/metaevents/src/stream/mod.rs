//! Streams of events: NDJSON, JSON arrays, pretty-printed documents and poll responses, read
//! incrementally with bounded memory. A bad record is reported with its line and the stream
//! goes on.

mod reader;
mod records;

pub use reader::EventReader;
pub(crate) use records::RecordProcessor;
