//! `metaevents normalize`: every event as one contract JSON object per line, or as a table
//! (Parquet, Arrow IPC) with one column per top-level key.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal as _, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use metaevents::arrow::{BatchOptions, IpcFormat, IpcWriter, ParquetOptions, ParquetWriter, SchemaOptions, schema};
use metaevents::{Parsed, Record};

use crate::input::{InputArgs, Inputs};
use crate::output::{EventFormat, EventOutputArgs, EventWriter, Stdout};
use crate::report::{Fatal, Reporter};

const EXAMPLES: &str = "\
Examples:
  metaevents normalize events.ndjson > normalized.ndjson
  metaevents normalize --no-raw poll-response.json.gz
  metaevents normalize --output parquet -o events.parquet archive/*.ndjson.gz
  metaevents normalize --output arrow -o - events.ndjson.gz | python3 -c 'import pyarrow as pa, sys; print(pa.ipc.open_stream(sys.stdin.buffer).read_all())'
  curl -s \"$GMS/openapi/v1/events/poll?topic=PlatformEvent_v1\" -H \"Authorization: Bearer $TOKEN\" \\
    | metaevents normalize
  metaevents normalize --demo | head -n 3
  metaevents normalize --output cloudevents --cloudevents-source https://datahub.example.com events.ndjson
  kcat -b BROKER -C -t PlatformEvent_v1 -e -f '%R%s' | metaevents normalize --format kafka-avro

Webhook validation requests are not events: they are skipped (stats counts them).

Kafka records of DataHub's PlatformEvent_v1 topic (Avro in Confluent's wire format) are read with
--format kafka-avro from length-prefixed records (a 4-byte big-endian length before each record,
as kcat's -f '%R%s' writes) or from one base64 record per line.";

/// What `normalize` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Output {
    /// One contract JSON object per line (NDJSON).
    #[value(alias = "ndjson")]
    Json,
    /// One CloudEvents 1.0 structured-mode event per line around the normalized event (type
    /// io.metaevents.KIND, subject the entity id, for event routers).
    Cloudevents,
    /// A Parquet file (zstd), one column per top-level key; needs -o.
    Parquet,
    /// An Arrow IPC file; with `-o -`, an Arrow IPC stream on stdout.
    Arrow,
}

/// Write every event as one normalized JSON object per line (NDJSON), or as a Parquet or Arrow table.
///
/// Each line is the contract JSON of one event: id, source, kind, time, actor, entity, subjects,
/// details, native and, unless --no-raw, raw (the innermost platform event exactly as received,
/// so nothing is lost). Parquet and Arrow have one column per key (`metaevents catalog --format
/// arrow-schema` shows them). Records that are not events are reported on stderr as
/// FILE:LINE: PATH: MESSAGE and the stream goes on; the exit code is then 1.
#[derive(Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,

    /// Leave out `raw` (the original platform event) from each line or row.
    #[arg(long)]
    pub no_raw: bool,

    /// What to write.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = Output::Json)]
    pub output: Output,

    /// The CloudEvents `source` of every event with --output cloudevents (a URI-reference naming
    /// the catalog instance, such as https://datahub.example.com) [default: /metaevents/datahub,
    /// /metaevents/atlan, /metaevents/atlas].
    #[arg(long, value_name = "URI")]
    pub cloudevents_source: Option<String>,

    /// Write to FILE instead of stdout (`-` is stdout). Parquet and Arrow need it.
    #[arg(short = 'o', long = "out", value_name = "FILE")]
    pub out: Option<PathBuf>,
}

pub fn run(args: &Args, quiet: bool, out: &mut Stdout, reporter: &mut Reporter) -> Result<(), Fatal> {
    let to_stdout = args.out.as_deref().is_none_or(|path| path == Path::new("-"));
    let target = args.out.as_deref().filter(|_| !to_stdout);
    if matches!(args.output, Output::Parquet | Output::Arrow) {
        if args.cloudevents_source.is_some() {
            return Err(Fatal::usage("--cloudevents-source needs --output cloudevents"));
        }
        if args.out.is_none() {
            return Err(Fatal::usage("--output parquet and --output arrow need -o FILE (or -o - for stdout)"));
        }
        if to_stdout && io::stdout().is_terminal() {
            return Err(Fatal::usage("refusing to write a binary table to a terminal: use -o FILE or a pipe"));
        }
    }
    let inputs = Inputs::new(&args.input, quiet)?;
    let include_raw = !args.no_raw;
    let lines = match args.output {
        Output::Json => Some(EventFormat::Json),
        Output::Cloudevents => Some(EventFormat::Cloudevents),
        Output::Parquet | Output::Arrow => None,
    };
    let Some(lines) = lines else { return table(&inputs, args.output, include_raw, target, reporter) };
    let writer = EventWriter::new(
        &EventOutputArgs { output: lines, cloudevents_source: args.cloudevents_source.clone() },
        include_raw,
    )?;
    match target {
        None => ndjson(&inputs, &writer, reporter, |text| out.text(text)),
        Some(path) => {
            let mut file = BufWriter::with_capacity(1 << 20, create(path)?);
            ndjson(&inputs, &writer, reporter, |text| {
                file.write_all(text.as_bytes()).map_err(|err| written(path, &err))
            })?;
            file.flush().map_err(|err| written(path, &err))
        }
    }
}

fn create(path: &Path) -> Result<File, Fatal> {
    File::create(path).map_err(|err| Fatal::usage(format!("cannot create {}: {err}", path.display())))
}

fn written(path: &Path, err: &io::Error) -> Fatal {
    Fatal::usage(format!("cannot write {}: {err}", path.display()))
}

/// One line per event, formatted on the worker threads, written in input order.
fn ndjson(
    inputs: &Inputs,
    writer: &EventWriter,
    reporter: &mut Reporter,
    mut write: impl FnMut(&str) -> Result<(), Fatal>,
) -> Result<(), Fatal> {
    let format = |records: Vec<Record>| {
        let mut text = String::with_capacity(records.len() * 1024);
        for record in records {
            if let Parsed::Event(event) = record.parsed {
                writer.write(&event, &mut text);
                text.push('\n');
            }
        }
        text
    };
    inputs.for_each_run(reporter, None, format, |reporter, source, item| match item {
        Ok(text) => write(&text),
        Err(error) => {
            reporter.bad_record(source, &error);
            Ok(())
        }
    })
}

/// Remembers that a write failed because the reader of a pipe went away, which the writers
/// below report only as a failed write.
struct PipeWatch<W> {
    inner: W,
    closed: Arc<AtomicBool>,
}

impl<W: Write> Write for PipeWatch<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf).inspect_err(|err| self.note(err))
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush().inspect_err(|err| self.note(err))
    }
}

impl<W> PipeWatch<W> {
    fn note(&self, err: &io::Error) {
        if err.kind() == io::ErrorKind::BrokenPipe {
            self.closed.store(true, Ordering::Relaxed);
        }
    }
}

/// A Parquet file or an Arrow IPC file or stream, built on the worker threads.
fn table(
    inputs: &Inputs,
    format: Output,
    include_raw: bool,
    path: Option<&Path>,
    reporter: &mut Reporter,
) -> Result<(), Fatal> {
    let closed = Arc::new(AtomicBool::new(false));
    let name = path.map_or_else(|| "stdout".to_owned(), |path| path.display().to_string());
    let sink: Box<dyn Write + Send> = match path {
        Some(path) => Box::new(create(path)?),
        None => Box::new(io::stdout()),
    };
    let sink = BufWriter::with_capacity(1 << 20, PipeWatch { inner: sink, closed: Arc::clone(&closed) });
    let failed = |error: &metaevents::Error| {
        if closed.load(Ordering::Relaxed) {
            Fatal::BrokenPipe
        } else {
            Fatal::usage(format!("{name}: {}", error.message()))
        }
    };
    let options = SchemaOptions { raw: include_raw, ..SchemaOptions::default() };
    let batches = BatchOptions { schema: options, batch_size: None, filter: None };
    let mut visit = |write: &mut dyn FnMut(&metaevents::arrow::RecordBatch) -> Result<(), metaevents::Error>| {
        inputs.for_each_batch(reporter, &batches, |reporter, source, item| match item {
            Ok(batch) => write(&batch).map_err(|error| failed(&error)),
            Err(error) => {
                reporter.bad_record(source, &error);
                Ok(())
            }
        })
    };
    let mut sink = match format {
        Output::Parquet => {
            let mut writer = ParquetWriter::new(sink, schema(options), ParquetOptions::default(), inputs.workers())
                .map_err(|error| failed(&error))?;
            visit(&mut |batch| writer.write(batch))?;
            writer.finish().map_err(|error| failed(&error))?
        }
        Output::Arrow | Output::Json | Output::Cloudevents => {
            let ipc = if path.is_some() { IpcFormat::File } else { IpcFormat::Stream };
            let mut writer = IpcWriter::new(sink, &schema(options), ipc).map_err(|error| failed(&error))?;
            visit(&mut |batch| writer.write(batch))?;
            writer.finish().map_err(|error| failed(&error))?
        }
    };
    sink.flush().map_err(|err| {
        if closed.load(Ordering::Relaxed) {
            Fatal::BrokenPipe
        } else {
            Fatal::usage(format!("cannot write {name}: {err}"))
        }
    })
}
