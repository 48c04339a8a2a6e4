//! Normalizing a column of raw payloads (Spark's `value` column of `spark.read.text`, a Kafka
//! message column): each value one record, as an NDJSON line would be.

use arrow_array::cast::AsArray;
use arrow_array::{Array, RecordBatch};
use arrow_schema::DataType;

use super::batches::{BatchOptions, BatchReader};
use crate::error::{Error, ErrorKind, Result};
use crate::parser::Parser;
use crate::stream::Workers;

/// The events of a column of payloads, and its bad records.
#[derive(Debug, Default)]
pub struct NormalizedColumn {
    /// The events as batches (in the schema of the options).
    pub batches: Vec<RecordBatch>,
    /// The bad records, each with the 1-based row of its value as its line.
    pub errors: Vec<Error>,
}

/// Appends `value` as one line: JSON allows line breaks only as whitespace between tokens, so
/// they become spaces and the value stays one record (and one line, for the numbering).
fn push_line(buffer: &mut Vec<u8>, value: &[u8]) {
    let start = buffer.len();
    buffer.extend_from_slice(value);
    if memchr::memchr2(b'\n', b'\r', value).is_some() {
        for byte in buffer.get_mut(start..).unwrap_or_default() {
            if matches!(*byte, b'\n' | b'\r') {
                *byte = b' ';
            }
        }
    }
    buffer.push(b'\n');
}

/// The values of a text or binary column as NDJSON lines (a null value is a blank line).
fn lines_of(column: &dyn Array) -> Result<Vec<u8>> {
    let mut buffer = Vec::with_capacity(column.to_data().get_slice_memory_size().unwrap_or(0) + column.len());
    macro_rules! each {
        ($values:expr) => {
            for value in $values.iter() {
                push_line(&mut buffer, value.map(AsRef::<[u8]>::as_ref).unwrap_or_default());
            }
        };
    }
    match column.data_type() {
        DataType::Utf8 => each!(column.as_string::<i32>()),
        DataType::LargeUtf8 => each!(column.as_string::<i64>()),
        DataType::Utf8View => each!(column.as_string_view()),
        DataType::Binary => each!(column.as_binary::<i32>()),
        DataType::LargeBinary => each!(column.as_binary::<i64>()),
        DataType::BinaryView => each!(column.as_binary_view()),
        other => {
            return Err(Error::new(
                ErrorKind::InvalidOption,
                format!("the column of payloads must hold text or bytes, not {other}"),
            )
            .with_path("column"));
        }
    }
    Ok(buffer)
}

/// Normalizes each value of `column` (text or bytes: one event, an envelope, a batch of events
/// in a JSON array) on the calling thread. Parts of split Atlan messages are assembled when they
/// are in the same column; a part whose siblings are elsewhere is an `incomplete_split` error.
pub fn normalize_column(parser: &Parser, column: &dyn Array, options: &BatchOptions) -> Result<NormalizedColumn> {
    let lines = lines_of(column)?;
    let mut out = NormalizedColumn::default();
    let reader = BatchReader::new(|build| parser.lines_parallel(&lines, &Workers::single(), build), options);
    for item in reader {
        match item {
            Ok(batch) => out.batches.push(batch),
            Err(error) => out.errors.push(error),
        }
    }
    Ok(out)
}
