//! Output: buffered stdout that turns a closed pipe into a quiet stop, and formatting helpers
//! (tables, times).

use std::io::{self, BufWriter, StdoutLock, Write};

use comfy_table::{CellAlignment, ContentArrangement, Table};
use metaevents::Event;
use metaevents::cloudevents::CloudEventOptions;

use crate::report::Fatal;

fn write_error(err: &io::Error) -> Fatal {
    if err.kind() == io::ErrorKind::BrokenPipe {
        Fatal::BrokenPipe
    } else {
        Fatal::usage(format!("cannot write the output: {err}"))
    }
}

/// Buffered stdout.
pub struct Stdout {
    out: BufWriter<StdoutLock<'static>>,
}

impl Stdout {
    pub fn new() -> Self {
        Self { out: BufWriter::with_capacity(64 * 1024, io::stdout().lock()) }
    }

    /// Writes `text` and a newline.
    pub fn line(&mut self, text: &str) -> Result<(), Fatal> {
        self.out.write_all(text.as_bytes()).and_then(|()| self.out.write_all(b"\n")).map_err(|err| write_error(&err))
    }

    /// Writes `text` as it is.
    pub fn text(&mut self, text: &str) -> Result<(), Fatal> {
        self.out.write_all(text.as_bytes()).map_err(|err| write_error(&err))
    }

    /// Writes a JSON value, pretty-printed, and a newline.
    pub fn json_pretty(&mut self, value: &serde_json::Value) -> Result<(), Fatal> {
        serde_json::to_writer_pretty(&mut self.out, value).map_err(|err| write_error(&io::Error::from(err)))?;
        self.text("\n")
    }

    pub fn flush(&mut self) -> Result<(), Fatal> {
        self.out.flush().map_err(|err| write_error(&err))
    }
}

/// How events are written, one per line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EventFormat {
    /// The normalized event (the contract JSON).
    Json,
    /// A CloudEvents 1.0 event in structured mode whose data is the normalized event.
    Cloudevents,
}

/// The options of commands that write events.
#[derive(Debug, Clone, clap::Args)]
pub struct EventOutputArgs {
    /// Write each event as this: the normalized event, or a CloudEvents 1.0 structured-mode event
    /// around it (type io.metaevents.KIND, subject the entity id, for event routers).
    #[arg(long, value_enum, default_value = "json", value_name = "FORMAT")]
    pub output: EventFormat,

    /// The CloudEvents `source` of every event (a URI-reference naming the catalog instance,
    /// such as https://datahub.example.com) [default: /metaevents/datahub, /metaevents/atlan,
    /// /metaevents/atlas, /metaevents/openmetadata].
    #[arg(long, value_name = "URI")]
    pub cloudevents_source: Option<String>,
}

/// Writes events as the options ask.
#[derive(Debug)]
pub struct EventWriter {
    cloudevents: Option<CloudEventOptions>,
    include_raw: bool,
}

impl EventWriter {
    /// Checks the options (a bad CloudEvents source is a usage error).
    pub fn new(args: &EventOutputArgs, include_raw: bool) -> Result<Self, Fatal> {
        if args.cloudevents_source.is_some() && args.output != EventFormat::Cloudevents {
            return Err(Fatal::usage("--cloudevents-source needs --output cloudevents"));
        }
        let cloudevents = match args.output {
            EventFormat::Json => None,
            EventFormat::Cloudevents => {
                let options = CloudEventOptions::new().with_raw(include_raw);
                Some(match &args.cloudevents_source {
                    Some(source) => options.with_source(source).map_err(|err| {
                        Fatal::usage(format!("invalid value for --cloudevents-source: {}", err.message()))
                    })?,
                    None => options,
                })
            }
        };
        Ok(Self { cloudevents, include_raw })
    }

    /// Appends `event` as one line's JSON to `line`.
    pub fn write(&self, event: &Event, line: &mut String) {
        match &self.cloudevents {
            None => event.write_json(self.include_raw, line),
            Some(options) => line.push_str(&event.to_cloudevent_json(options)),
        }
    }
}

/// A table in the style every command uses, fitted to the terminal when there is one.
/// Without a terminal to measure, tables wrap at this width.
const DEFAULT_WIDTH: u16 = 120;

/// A table in the style every command uses, fitted to the terminal when there is one (and to
/// 120 columns otherwise), with `header` unless it is empty.
pub fn table<I, T>(header: I) -> Table
where
    I: IntoIterator<Item = T>,
    T: Into<comfy_table::Cell>,
{
    let mut table = Table::new();
    table.load_style(comfy_table::presets::UTF8_FULL_CONDENSED).set_content_arrangement(ContentArrangement::Dynamic);
    if table.width().is_none() {
        table.set_width(DEFAULT_WIDTH);
    }
    let header: Vec<comfy_table::Cell> = header.into_iter().map(Into::into).collect();
    if !header.is_empty() {
        table.set_header(header);
    }
    table
}

/// Right-aligns the given columns (counts).
pub fn align_right(table: &mut Table, columns: &[usize]) {
    for index in columns {
        if let Some(column) = table.column_mut(*index) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
}

/// Epoch milliseconds as ISO 8601 UTC (`2026-01-01T00:00:00.000Z`), as CloudEvents' `time` is
/// written; the number itself for years RFC 3339 cannot write.
pub fn iso_time(millis: i64) -> String {
    metaevents::cloudevents::rfc3339_millis(millis).unwrap_or_else(|| millis.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_times() {
        assert_eq!(iso_time(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(iso_time(1_767_225_600_123), "2026-01-01T00:00:00.123Z");
        assert_eq!(iso_time(951_782_400_000), "2000-02-29T00:00:00.000Z");
        assert_eq!(iso_time(-1), "1969-12-31T23:59:59.999Z");
    }
}
