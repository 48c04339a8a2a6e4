//! Parquet files of normalized events (the `parquet` feature): zstd, the Arrow schema kept in
//! the file (so pyarrow reads the dictionaries and `arrow.json` columns back as such; `details`,
//! `native` and `raw` carry Parquet's JSON logical type), and row groups encoded on every
//! thread of the [`Workers`] while the input is still being parsed, then written in order.

use std::collections::BTreeMap;
use std::io::Write;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use arrow_array::RecordBatch;
use arrow_schema::SchemaRef;
use parquet::arrow::ArrowWriter;
use parquet::arrow::arrow_writer::{ArrowColumnChunk, ArrowRowGroupWriterFactory, compute_leaves};
use parquet::basic::{Compression, ZstdLevel};
use parquet::errors::ParquetError;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;

use crate::error::{Error, ErrorKind, Result};
use crate::stream::Workers;

/// How the Parquet file is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParquetOptions {
    /// Most rows per row group.
    pub row_group_rows: usize,
    /// Most bytes of Arrow data per row group (before encoding): bounds memory with big events.
    pub row_group_bytes: usize,
    /// zstd level (1-22).
    pub zstd_level: i32,
}

impl Default for ParquetOptions {
    fn default() -> Self {
        Self { row_group_rows: 122_880, row_group_bytes: 24 << 20, zstd_level: 3 }
    }
}

fn parquet_error(err: &ParquetError) -> Error {
    Error::new(ErrorKind::Io, format!("cannot write the Parquet file: {err}"))
}

/// An encoded row group, or why it could not be encoded.
type Encoded = (usize, std::result::Result<Vec<ArrowColumnChunk>, ParquetError>);

/// Writes batches of any size as a Parquet file, encoding row groups on [`Workers`].
pub struct ParquetWriter<W: Write + Send> {
    file: SerializedFileWriter<W>,
    factory: Arc<ArrowRowGroupWriterFactory>,
    schema: SchemaRef,
    options: ParquetOptions,
    workers: Workers,
    pending: Vec<RecordBatch>,
    pending_rows: usize,
    pending_bytes: usize,
    /// Row groups handed to the workers, and the next one to write.
    launched: usize,
    written: usize,
    encoded: BTreeMap<usize, std::result::Result<Vec<ArrowColumnChunk>, ParquetError>>,
    sender: Sender<Encoded>,
    receiver: Receiver<Encoded>,
}

impl<W: Write + Send> std::fmt::Debug for ParquetWriter<W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ParquetWriter")
            .field("options", &self.options)
            .field("written", &self.written)
            .finish_non_exhaustive()
    }
}

impl<W: Write + Send> ParquetWriter<W> {
    /// Starts a Parquet file of batches of `schema` on `writer`.
    pub fn new(writer: W, schema: SchemaRef, options: ParquetOptions, workers: &Workers) -> Result<Self> {
        let level = ZstdLevel::try_new(options.zstd_level).map_err(|err| {
            Error::new(ErrorKind::InvalidOption, format!("invalid zstd level: {err}")).with_path("zstd_level")
        })?;
        let properties = WriterProperties::builder()
            .set_compression(Compression::ZSTD(level))
            .set_created_by(format!("metaevents {}", env!("CARGO_PKG_VERSION")))
            .build();
        let arrow_writer =
            ArrowWriter::try_new(writer, Arc::clone(&schema), Some(properties)).map_err(|err| parquet_error(&err))?;
        let (file, factory) = arrow_writer.into_serialized_writer().map_err(|err| parquet_error(&err))?;
        let (sender, receiver) = channel();
        Ok(Self {
            file,
            factory: Arc::new(factory),
            schema,
            options,
            workers: workers.clone(),
            pending: Vec::new(),
            pending_rows: 0,
            pending_bytes: 0,
            launched: 0,
            written: 0,
            encoded: BTreeMap::new(),
            sender,
            receiver,
        })
    }

    /// Adds a batch; full row groups are encoded on the workers.
    pub fn write(&mut self, batch: &RecordBatch) -> Result<()> {
        if batch.num_rows() == 0 {
            return Ok(());
        }
        self.pending_rows += batch.num_rows();
        self.pending_bytes += batch.get_array_memory_size();
        self.pending.push(batch.clone());
        if self.pending_rows >= self.options.row_group_rows || self.pending_bytes >= self.options.row_group_bytes {
            self.launch();
        }
        // Keep at most one row group per thread in flight: memory stays bounded.
        self.write_encoded(self.workers.threads())
    }

    /// Hands the pending rows to a worker as one row group.
    fn launch(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let batches = std::mem::take(&mut self.pending);
        self.pending_rows = 0;
        self.pending_bytes = 0;
        let (index, factory, schema, sender) =
            (self.launched, Arc::clone(&self.factory), Arc::clone(&self.schema), self.sender.clone());
        self.launched += 1;
        self.workers.spawn(move || {
            let _ = sender.send((index, encode(&factory, &schema, index, &batches)));
        });
    }

    /// Writes the row groups encoded so far, in order, waiting until at most `in_flight` are
    /// still being encoded.
    fn write_encoded(&mut self, in_flight: usize) -> Result<()> {
        loop {
            while let Ok((index, chunks)) = self.receiver.try_recv() {
                self.encoded.insert(index, chunks);
            }
            while let Some(chunks) = self.encoded.remove(&self.written) {
                let chunks = chunks.map_err(|err| parquet_error(&err))?;
                let mut row_group = self.file.next_row_group().map_err(|err| parquet_error(&err))?;
                for chunk in chunks {
                    chunk.append_to_row_group(&mut row_group).map_err(|err| parquet_error(&err))?;
                }
                row_group.close().map_err(|err| parquet_error(&err))?;
                self.written += 1;
            }
            if self.launched - self.written <= in_flight {
                return Ok(());
            }
            match self.receiver.recv() {
                Ok((index, chunks)) => {
                    self.encoded.insert(index, chunks);
                }
                Err(_) => {
                    return Err(Error::new(ErrorKind::Io, "cannot write the Parquet file: an encoding thread stopped"));
                }
            }
        }
    }

    /// Encodes what is left, writes the footer and gives the writer back.
    pub fn finish(mut self) -> Result<W> {
        self.launch();
        self.write_encoded(0)?;
        // Writes the footer.
        self.file.into_inner().map_err(|err| parquet_error(&err))
    }
}

/// Encodes `batches` as the row group `index`.
fn encode(
    factory: &ArrowRowGroupWriterFactory,
    schema: &SchemaRef,
    index: usize,
    batches: &[RecordBatch],
) -> std::result::Result<Vec<ArrowColumnChunk>, ParquetError> {
    let mut writers = factory.create_column_writers(index)?;
    for batch in batches {
        let mut leaves = writers.iter_mut();
        for (field, column) in schema.fields().iter().zip(batch.columns()) {
            for leaf in compute_leaves(field, column)? {
                let Some(writer) = leaves.next() else {
                    return Err(ParquetError::General("more leaf columns than writers".to_owned()));
                };
                writer.write(&leaf)?;
            }
        }
    }
    writers.into_iter().map(parquet::arrow::arrow_writer::ArrowColumnWriter::close).collect()
}
