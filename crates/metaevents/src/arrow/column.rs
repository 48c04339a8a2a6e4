//! Normalizing a column of raw payloads (Spark's `value` column of `spark.read.text`, a Kafka
//! message column): each value one record, as an NDJSON line would be.

use arrow_array::cast::AsArray;
use arrow_array::{Array, RecordBatch};
use arrow_schema::DataType;

use super::batches::BatchOptions;
use super::builder::BatchBuilder;
use crate::error::{Error, ErrorKind, Result};
use crate::model::Parsed;
use crate::parser::Parser;
use crate::stream::{EventReader, Produced, Queue, RecordProcessor};

/// The events of a column of payloads, and its bad records, in input order among themselves.
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

/// Normalizes columns of payloads one after another (the batches of one Spark partition), each
/// value one record, the lines numbered on across columns; parts of split Atlan messages are
/// assembled across columns too.
#[derive(Debug)]
pub struct ColumnNormalizer {
    parser: Parser,
    options: BatchOptions,
    /// The parts of split messages seen so far.
    splits: RecordProcessor,
    /// The line of the next column's first value.
    next_line: u64,
}

impl ColumnNormalizer {
    /// A normalizer with `parser`'s options; `options.batch_size` is not used (one batch per column).
    pub fn new(parser: &Parser, options: &BatchOptions) -> Self {
        Self { parser: parser.clone(), options: options.clone(), splits: parser.record_processor(), next_line: 1 }
    }

    /// The events of the values of `column` (text or bytes, each value one record: an event, an
    /// envelope, a batch in a JSON array) as one batch, and its bad records, each with the line
    /// of its value (counting the values of every column so far, from 1).
    pub fn push(&mut self, column: &dyn Array) -> Result<NormalizedColumn> {
        let lines = lines_of(column)?;
        let records = self.parser.record_processor().deferring_splits();
        let mut reader = EventReader::chunk_of_lines(&lines, self.next_line, records, self.parser.options());
        if let Some(filter) = &self.options.filter {
            reader = reader.prefiltered(filter);
        }
        self.next_line += u64::try_from(column.len()).unwrap_or(u64::MAX);
        let mut builder = BatchBuilder::new(self.options.schema);
        let mut out = NormalizedColumn::default();
        let filter = self.options.filter.as_ref();
        let take = |produced: Produced, builder: &mut BatchBuilder, out: &mut NormalizedColumn| match produced {
            Produced::Done(Ok(record)) => {
                if let Parsed::Event(event) = record.parsed {
                    if filter.is_none_or(|filter| filter.matches(&event)) {
                        builder.push(&event);
                    }
                }
            }
            Produced::Done(Err(error)) => out.errors.push(error),
            Produced::Part(..) => {}
        };
        while let Some(produced) = reader.next_produced() {
            if let Produced::Part(part, line) = produced {
                let mut assembled = Queue::new();
                self.splits.assemble(*part, line, &mut assembled);
                for produced in assembled {
                    take(produced, &mut builder, &mut out);
                }
            } else {
                take(produced, &mut builder, &mut out);
            }
        }
        if !builder.is_empty() {
            out.batches.push(builder.finish()?);
        }
        Ok(out)
    }

    /// The errors of split messages still missing parts; the normalizer starts over.
    pub fn finish(&mut self) -> Vec<Error> {
        let mut queue = Queue::new();
        self.splits.finish(&mut queue);
        self.next_line = 1;
        queue
            .into_iter()
            .filter_map(|produced| match produced {
                Produced::Done(Err(error)) => Some(error),
                _ => None,
            })
            .collect()
    }
}

/// Normalizes each value of `column` (text or bytes: one event, an envelope, a batch of events
/// in a JSON array) on the calling thread, as one [`ColumnNormalizer`] would: the events in one
/// batch, the bad records with their value's 1-based row as their line. A part of a split Atlan
/// message whose siblings are not in the column is an `incomplete_split` error.
pub fn normalize_column(parser: &Parser, column: &dyn Array, options: &BatchOptions) -> Result<NormalizedColumn> {
    let mut normalizer = ColumnNormalizer::new(parser, options);
    let mut out = normalizer.push(column)?;
    out.errors.extend(normalizer.finish());
    Ok(out)
}
