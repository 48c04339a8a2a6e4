//! Streams of events: NDJSON, JSON arrays, pretty-printed documents and poll responses, read
//! incrementally with bounded memory. A bad record is reported with its line and the stream
//! goes on.

mod parallel;
mod reader;
mod records;

pub use parallel::{ParallelReader, ParallelRecords, Workers};
pub use reader::EventReader;
pub(crate) use records::{Produced, Queue, RecordProcessor};
