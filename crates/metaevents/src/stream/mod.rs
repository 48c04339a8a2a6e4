//! Streams of events: NDJSON, JSON arrays, pretty-printed documents and poll responses, read
//! incrementally with bounded memory. A bad record is reported with its line and the stream
//! goes on.

mod parallel;
mod reader;
mod records;

pub use parallel::{ParallelReader, ParallelRecords, Workers};
pub use reader::EventReader;
pub(crate) use records::{Produced, RecordProcessor};
// Assembling split messages across the rows of an Arrow column (`arrow::column`).
#[cfg(feature = "arrow")]
pub(crate) use records::Queue;
