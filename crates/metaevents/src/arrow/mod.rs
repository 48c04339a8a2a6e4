//! Columnar output (the `arrow` feature): the Arrow schema of the normalized event, a
//! [`BatchBuilder`] of events, and [`BatchReader`]s that read a stream (NDJSON, gzip too) into
//! batches on every core. With `ipc`, Arrow IPC files and streams; with `parquet`, Parquet files.
//!
//! The schema has one column per top-level key of the contract JSON: `id`; `source` and `kind`
//! dictionary-encoded; `time` as `timestamp[ms, UTC]`; `actor`; `entity` a struct of its seven
//! members (`type` and `platform` dictionary-encoded); `subjects` a list of strings; `details`,
//! `native` and `raw` JSON text marked with Arrow's canonical `arrow.json` extension type; `raw`
//! optional. [`Dialect::Spark`] gives the types Spark's Arrow exchange takes.
//!
//! ```
//! use metaevents::arrow::BatchOptions;
//! use metaevents::{Parser, Workers};
//! let ndjson = std::fs::read("../../tests/vectors/arrow/small-table.input.ndjson").unwrap();
//! let mut rows = 0;
//! for item in Parser::new().parse_batches(&ndjson, &BatchOptions::default(), &Workers::single()) {
//!     match item {
//!         Ok(batch) => rows += batch.num_rows(),
//!         Err(bad) => eprintln!("line {:?}: {bad}", bad.line()),
//!     }
//! }
//! assert!(rows > 0);
//! ```

mod batches;
mod builder;
mod column;
#[cfg(feature = "ipc")]
mod ipc;
#[cfg(feature = "parquet")]
mod parquet;
mod schema;

use std::io::Read;

/// The Arrow types of the API, so that callers need not match arrow-rs versions by hand.
pub use arrow_array::RecordBatch;
pub use arrow_schema::{Schema, SchemaRef};

pub use batches::{BatchOptions, BatchReader, SharedDictionaries};
pub use builder::{BatchBuilder, batch_of};
pub use column::{ColumnNormalizer, NormalizedColumn, normalize_column};
#[cfg(feature = "ipc")]
pub use ipc::{IpcFormat, IpcWriter, ipc_stream_bytes, ipc_stream_of};
#[cfg(feature = "parquet")]
pub use parquet::{ParquetOptions, ParquetWriter};
pub use schema::{COLUMNS, Dialect, ENTITY_FIELDS, SchemaOptions, field_json, schema, schema_json, spark_ddl};

use crate::parser::Parser;
use crate::stream::Workers;

/// Reading into Arrow batches.
impl Parser {
    /// The events of `reader` (NDJSON, JSON arrays, documents; gzip too) as Arrow batches, built
    /// on `workers`, with the stream's bad records in their place (see [`BatchReader`]).
    pub fn read_batches<'r, R: Read + Send + 'r>(
        &self,
        reader: R,
        options: &BatchOptions,
        workers: &Workers,
    ) -> BatchReader<'r> {
        BatchReader::new(|build| self.read_parallel(reader, workers, build), options)
    }

    /// [`Parser::read_batches`] of input in memory, read in place.
    pub fn parse_batches<'a>(&self, input: &'a [u8], options: &BatchOptions, workers: &Workers) -> BatchReader<'a> {
        BatchReader::new(|build| self.parse_many_parallel(input, workers, build), options)
    }
}
