//! Input handling shared by the subcommands: the input options, the parser they configure, the
//! sources (files, stdin, the demo), the progress bar, and reading every record of every source
//! (optionally skipping, unparsed, the records a filter's prefilter rules out).

use std::fs::File;
use std::io::{self, Cursor, IsTerminal as _, Read};
use std::path::PathBuf;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use metaevents::{ErrorKind, Filter, InputFormat, Parser, Record};

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

/// The parser and sources of one run.
#[derive(Debug)]
pub struct Inputs {
    parser: Parser,
    sources: Vec<InputSource>,
    quiet: bool,
}

impl Inputs {
    /// Checks the options and that every file can be opened (exit code 2 otherwise).
    pub fn new(args: &InputArgs, quiet: bool) -> Result<Self, Fatal> {
        Ok(Self { parser: parser(args)?, sources: sources(args)?, quiet })
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
        let bar = self.progress_bar();
        reporter.set_progress(bar.clone());
        let result = self.read_sources(reporter, bar.as_ref(), prefilter, &mut visit);
        reporter.finish_progress();
        result
    }

    fn read_sources<F>(
        &self,
        reporter: &mut Reporter,
        bar: Option<&ProgressBar>,
        prefilter: Option<&Filter>,
        visit: &mut F,
    ) -> Result<(), Fatal>
    where
        F: FnMut(&mut Reporter, &str, Item) -> Result<(), Fatal>,
    {
        for source in &self.sources {
            let mut reader = source.open()?;
            if let Some(bar) = bar {
                reader = Box::new(bar.wrap_read(reader));
            }
            let records = match prefilter {
                None => self.parser.read(reader),
                Some(filter) => self.parser.read_filtered(reader, filter),
            };
            for item in records {
                let item = match item {
                    Ok(record) => Ok(record),
                    Err(error) if error.kind() == ErrorKind::Io => {
                        return Err(Fatal::usage(BadRecord::from(&error).describe(&source.name)));
                    }
                    Err(error) => Err(BadRecord::from(&error)),
                };
                visit(reporter, &source.name, item)?;
            }
        }
        Ok(())
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
