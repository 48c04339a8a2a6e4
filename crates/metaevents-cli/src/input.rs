//! Input handling shared by the subcommands: the input options, the parser and threads they
//! configure, the sources (files, stdin, the demo), the progress bar, and reading every record
//! of every source on every core, in input order (optionally skipping, unparsed, the records a
//! filter's prefilter rules out), or its events as Arrow batches.

use std::fs::File;
use std::io::{self, Cursor, IsTerminal as _, Read};
use std::path::PathBuf;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use metaevents::arrow::{BatchOptions, BatchReader, RecordBatch, SharedDictionaries};
use metaevents::{Error, ErrorKind, Filter, InputFormat, Parser, Record, Workers};

use crate::demo;
use crate::report::{BadRecord, Fatal, Reporter};

/// Inputs at least this big (in bytes, all files together) get a progress bar.
const PROGRESS_MIN_BYTES: u64 = 4 * 1024 * 1024;

/// The input options every reading subcommand takes.
#[derive(Debug, Clone, clap::Args)]
pub struct InputArgs {
    /// Files to read (NDJSON, a JSON array, poll responses, CloudEvents or single JSON events;
    /// `.gz` or not; with --format kafka-avro, Kafka records). None, or `-`, reads stdin.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Read the built-in demo corpus (events of every platform and kind) instead of files.
    #[arg(long, conflicts_with = "files")]
    pub demo: bool,

    /// Read every record as this shape instead of detecting it. `kafka-avro` reads DataHub
    /// PlatformEvent_v1 Kafka records: length-prefixed (4-byte big-endian length before each,
    /// kcat -f '%R%s') or one base64 record per line.
    #[arg(long, value_name = "NAME", value_parser = format_names())]
    pub format: Option<String>,

    /// Largest event (one line, one array element, one decoded message) in bytes [default: 4194304].
    #[arg(long, value_name = "BYTES")]
    pub max_event_bytes: Option<u64>,

    /// Deepest nesting of arrays and objects inside one event, 1 to 512 [default: 64].
    #[arg(long, value_name = "LEVELS")]
    pub max_depth: Option<u64>,

    /// Most events one JSON array or poll response may hold [default: 1000000].
    #[arg(long, value_name = "COUNT")]
    pub max_events_per_array: Option<u64>,

    /// Atlan's typedefs (the JSON of GET /api/meta/types/typedefs?type=CLASSIFICATION and/or
    /// type=BUSINESS_METADATA, a list of both, or an {"id": "name"} map): the display names of
    /// hashed tag and custom-metadata ids are written beside them, and filters can use them.
    #[arg(long, value_name = "FILE")]
    pub atlan_typedefs: Option<PathBuf>,

    /// Threads that parse: NDJSON (gzip too) is cut into chunks parsed on every thread, and the
    /// output keeps the input's order and line numbers [default: one per core].
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

fn format_names() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(InputFormat::ALL.map(InputFormat::as_str))
}

/// What a command is handed for each record: the record, or what is wrong with it.
pub type Item = Result<Record, BadRecord>;

/// Where records come from.
#[derive(Debug, Clone)]
enum InputKind {
    Stdin,
    File(PathBuf),
    Demo,
}

#[derive(Debug, Clone)]
struct InputSource {
    /// How bad records name it: the path, `-` for stdin, `demo`.
    name: String,
    origin: InputKind,
    /// Size in bytes when known (files).
    size: Option<u64>,
}

impl InputSource {
    fn open(&self) -> Result<Box<dyn Read + Send>, Fatal> {
        match &self.origin {
            InputKind::Stdin => Ok(Box::new(io::stdin())),
            InputKind::Demo => Ok(Box::new(Cursor::new(demo::CORPUS_GZ))),
            InputKind::File(path) => match File::open(path) {
                Ok(file) => Ok(Box::new(file)),
                Err(err) => Err(Fatal::usage(format!("cannot open {}: {err}", self.name))),
            },
        }
    }
}

/// The parser, threads and sources of one run.
#[derive(Debug)]
pub struct Inputs {
    parser: Parser,
    workers: Workers,
    sources: Vec<InputSource>,
    quiet: bool,
}

impl Inputs {
    /// Checks the options and that every file can be opened (exit code 2 otherwise).
    pub fn new(args: &InputArgs, quiet: bool) -> Result<Self, Fatal> {
        let workers = Workers::new(args.threads.unwrap_or(0))
            .map_err(|err| Fatal::usage(format!("invalid value for --threads: {}", err.message())))?;
        Ok(Self { parser: parser(args)?, workers, sources: sources(args)?, quiet })
    }

    /// The threads the run works on.
    pub fn workers(&self) -> &Workers {
        &self.workers
    }

    fn progress_bar(&self) -> Option<ProgressBar> {
        let total: u64 = self.sources.iter().filter_map(|source| source.size).sum();
        if self.quiet || total < PROGRESS_MIN_BYTES || !io::stderr().is_terminal() {
            return None;
        }
        let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] [{wide_bar}] {bytes}/{total_bytes} ({bytes_per_sec}, {eta} left)",
        ) {
            bar.set_style(style.progress_chars("=> "));
        }
        Some(bar)
    }

    /// Calls `visit` with every record (or bad record) of every source, in order, with the
    /// source's name. With `prefilter`, the records its byte prefilter rules out are skipped
    /// unparsed (see `metaevents::Parser::read_filtered`). Failing to read a source ends the run
    /// (exit code 2).
    pub fn for_each<F>(&self, reporter: &mut Reporter, prefilter: Option<&Filter>, mut visit: F) -> Result<(), Fatal>
    where
        F: FnMut(&mut Reporter, &str, Item) -> Result<(), Fatal>,
    {
        let identity = |records: Vec<Record>| records;
        self.for_each_run(reporter, prefilter, identity, |reporter, source, run| match run {
            Ok(records) => records.into_iter().try_for_each(|record| visit(reporter, source, Ok(record))),
            Err(bad) => visit(reporter, source, Err(bad)),
        })
    }

    /// Like [`Inputs::for_each`], with each run of consecutive records first turned into `T` by
    /// `map` on the worker threads (formatting output there, say).
    pub fn for_each_run<T, M, F>(
        &self,
        reporter: &mut Reporter,
        prefilter: Option<&Filter>,
        map: M,
        mut visit: F,
    ) -> Result<(), Fatal>
    where
        T: Send,
        M: Fn(Vec<Record>) -> T + Sync,
        F: FnMut(&mut Reporter, &str, Result<T, BadRecord>) -> Result<(), Fatal>,
    {
        let bar = self.progress_bar();
        reporter.set_progress(bar.clone());
        for source in &self.sources {
            let reader = Self::open(source, bar.as_ref())?;
            let mut runs = self.parser.read_parallel(reader, &self.workers, &map);
            if let Some(filter) = prefilter {
                runs = runs.prefiltered(filter);
            }
            for item in runs {
                visit(reporter, &source.name, bad_record(item, &source.name)?)?;
            }
        }
        Ok(())
    }

    /// Calls `visit` with the events of every source as Arrow batches, and with every bad
    /// record, in order.
    pub fn for_each_batch<F>(&self, reporter: &mut Reporter, options: &BatchOptions, mut visit: F) -> Result<(), Fatal>
    where
        F: FnMut(&mut Reporter, &str, Result<RecordBatch, BadRecord>) -> Result<(), Fatal>,
    {
        let bar = self.progress_bar();
        reporter.set_progress(bar.clone());
        // One set of dictionaries for every source: an IPC file cannot replace one.
        let mut dictionaries = SharedDictionaries::default();
        for source in &self.sources {
            let reader = Self::open(source, bar.as_ref())?;
            let mut batches: BatchReader<'_> =
                self.parser.read_batches(reader, options, &self.workers).with_dictionaries(dictionaries);
            for item in batches.by_ref() {
                visit(reporter, &source.name, bad_record(item, &source.name)?)?;
            }
            dictionaries = batches.into_dictionaries();
        }
        Ok(())
    }

    fn open(source: &InputSource, bar: Option<&ProgressBar>) -> Result<Box<dyn Read + Send>, Fatal> {
        let mut reader = source.open()?;
        if let Some(bar) = bar {
            reader = Box::new(bar.wrap_read(reader));
        }
        Ok(reader)
    }
}

/// A bad record as the commands see it; failing to read the source ends the run.
fn bad_record<T>(item: Result<T, Error>, source: &str) -> Result<Result<T, BadRecord>, Fatal> {
    match item {
        Ok(value) => Ok(Ok(value)),
        Err(error) if error.kind() == ErrorKind::Io => Err(Fatal::usage(BadRecord::from(&error).describe(source))),
        Err(error) => Ok(Err(BadRecord::from(&error))),
    }
}

fn parser(args: &InputArgs) -> Result<Parser, Fatal> {
    let options = metaevents::ffi::ParserOptions {
        format: args.format.clone(),
        max_event_bytes: args.max_event_bytes,
        max_depth: args.max_depth,
        max_events_per_array: args.max_events_per_array,
        lazy_ids: false,
        atlan_typedefs: match &args.atlan_typedefs {
            None => None,
            Some(path) => Some(read_json(path)?),
        },
    };
    options.parser().map_err(|err| match err.path() {
        // The core names the limit at fault; say it as the option the user typed.
        Some(name) => Fatal::usage(format!("invalid value for --{}: {}", name.replace('_', "-"), err.message())),
        None => Fatal::usage(err.message().to_owned()),
    })
}

fn read_json(path: &std::path::Path) -> Result<serde_json::Value, Fatal> {
    let name = path.display();
    let text = std::fs::read_to_string(path).map_err(|err| Fatal::usage(format!("cannot read {name}: {err}")))?;
    serde_json::from_str(&text).map_err(|err| Fatal::usage(format!("{name} is not JSON: {err}")))
}

fn sources(args: &InputArgs) -> Result<Vec<InputSource>, Fatal> {
    if args.demo {
        return Ok(vec![InputSource { name: demo::NAME.to_owned(), origin: InputKind::Demo, size: None }]);
    }
    if args.files.is_empty() {
        return Ok(vec![InputSource { name: "-".to_owned(), origin: InputKind::Stdin, size: None }]);
    }
    let mut sources = Vec::with_capacity(args.files.len());
    for path in &args.files {
        let name = path.display().to_string();
        if name == "-" {
            sources.push(InputSource { name, origin: InputKind::Stdin, size: None });
            continue;
        }
        let metadata = std::fs::metadata(path).map_err(|err| Fatal::usage(format!("cannot open {name}: {err}")))?;
        if metadata.is_dir() {
            return Err(Fatal::usage(format!("cannot read {name}: it is a directory")));
        }
        File::open(path).map_err(|err| Fatal::usage(format!("cannot open {name}: {err}")))?;
        sources.push(InputSource { name, origin: InputKind::File(path.clone()), size: Some(metadata.len()) });
    }
    Ok(sources)
}
