//! Arrow IPC files and streams of normalized events (the `ipc` feature). The batches of a
//! [`super::BatchReader`] share growing dictionaries: a file, which cannot replace a dictionary,
//! carries the new values as deltas (pyarrow and arrow-rs read them; Polars 2.1 does not: read
//! the file with pyarrow, or write Parquet); a stream sends each changed dictionary whole, which
//! every reader takes (pyarrow, Polars, apache-arrow in JavaScript).

use std::io::Write;

use arrow_array::RecordBatch;
use arrow_ipc::writer::{DictionaryHandling, FileWriter, IpcWriteOptions, StreamWriter};
use arrow_schema::Schema;

use super::{BatchBuilder, BatchOptions};
use crate::error::{Error, ErrorKind, Result};
use crate::model::Parsed;
use crate::parser::Parser;

/// Which IPC format to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IpcFormat {
    /// The IPC file format (`.arrow`, Feather v2): a footer lets readers seek.
    File,
    /// The IPC streaming format: batches one after another (for pipes, `tableFromIPC`).
    Stream,
}

enum Inner<W: Write> {
    File(FileWriter<W>),
    Stream(StreamWriter<W>),
}

/// Writes batches as Arrow IPC.
pub struct IpcWriter<W: Write> {
    inner: Inner<W>,
}

impl<W: Write> std::fmt::Debug for IpcWriter<W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let format = match self.inner {
            Inner::File(_) => IpcFormat::File,
            Inner::Stream(_) => IpcFormat::Stream,
        };
        f.debug_struct("IpcWriter").field("format", &format).finish_non_exhaustive()
    }
}

fn ipc_error(err: &arrow_schema::ArrowError) -> Error {
    Error::new(ErrorKind::Io, format!("cannot write the Arrow IPC output: {err}"))
}

impl<W: Write> IpcWriter<W> {
    /// Starts writing batches of `schema` to `writer` (the schema goes out at once).
    pub fn new(writer: W, schema: &Schema, format: IpcFormat) -> Result<Self> {
        let options = IpcWriteOptions::default();
        let inner = match format {
            IpcFormat::File => {
                let options = options.with_dictionary_handling(DictionaryHandling::Delta);
                Inner::File(FileWriter::try_new_with_options(writer, schema, options).map_err(|err| ipc_error(&err))?)
            }
            IpcFormat::Stream => {
                let options = options.with_dictionary_handling(DictionaryHandling::Resend);
                Inner::Stream(
                    StreamWriter::try_new_with_options(writer, schema, options).map_err(|err| ipc_error(&err))?,
                )
            }
        };
        Ok(Self { inner })
    }

    /// Writes one batch.
    pub fn write(&mut self, batch: &RecordBatch) -> Result<()> {
        match &mut self.inner {
            Inner::File(writer) => writer.write(batch),
            Inner::Stream(writer) => writer.write(batch),
        }
        .map_err(|err| ipc_error(&err))
    }

    /// Ends the output (the footer of a file, the end marker of a stream) and gives the writer back.
    pub fn finish(self) -> Result<W> {
        match self.inner {
            Inner::File(mut writer) => {
                writer.finish().map_err(|err| ipc_error(&err))?;
                writer.into_inner().map_err(|err| ipc_error(&err))
            }
            Inner::Stream(mut writer) => {
                writer.finish().map_err(|err| ipc_error(&err))?;
                writer.into_inner().map_err(|err| ipc_error(&err))
            }
        }
    }
}

/// `batches` as the bytes of an IPC stream (what `tableFromIPC` and `pyarrow.ipc.open_stream` read).
pub fn ipc_stream_bytes<'b>(schema: &Schema, batches: impl IntoIterator<Item = &'b RecordBatch>) -> Result<Vec<u8>> {
    let mut writer = IpcWriter::new(Vec::new(), schema, IpcFormat::Stream)?;
    for batch in batches {
        writer.write(batch)?;
    }
    writer.finish()
}

/// The events of `input` as the bytes of one IPC stream of batches of `options.batch_size` rows,
/// and the bad records (each as the stream reader reports it), read on the calling thread: for
/// callers that hold the whole input and want the whole table, like `toArrow` in JavaScript.
/// (Built straight from the stream reader, with no copying of batches to even them out: small
/// code for WebAssembly.)
pub fn ipc_stream_of(parser: &Parser, input: &[u8], options: &BatchOptions) -> Result<(Vec<u8>, Vec<Error>)> {
    let size = options.batch_size.unwrap_or(BatchOptions::DEFAULT_BATCH_SIZE).max(1);
    let mut builder = BatchBuilder::new(options.schema).keeping_dictionaries();
    let mut writer = IpcWriter::new(Vec::new(), &builder.schema(), IpcFormat::Stream)?;
    let mut records = parser.parse_many(input);
    if let Some(filter) = &options.filter {
        records = records.prefiltered(filter);
    }
    let mut errors = Vec::new();
    for record in records {
        match record {
            Ok(record) => {
                let Parsed::Event(event) = record.parsed else { continue };
                if options.filter.as_ref().is_none_or(|filter| filter.matches(&event)) {
                    builder.push(&event);
                }
                if builder.len() >= size {
                    writer.write(&builder.finish()?)?;
                }
            }
            Err(error) => errors.push(error),
        }
    }
    if !builder.is_empty() {
        writer.write(&builder.finish()?)?;
    }
    Ok((writer.finish()?, errors))
}
