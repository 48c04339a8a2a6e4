//! The command line: global options and the subcommands (each defined in `commands/`).

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::commands::{catalog, filter, normalize, stats, validate};
use crate::output::Stdout;
use crate::report::{Fatal, Reporter};

const EXAMPLES: &str = "\
Examples:
  metaevents stats --demo                              counts of the built-in demo corpus
  metaevents normalize events.ndjson > normalized.ndjson
  metaevents filter --kind 'tag.*' --platform snowflake events.ndjson.gz
  metaevents filter --where '{\"subjects\": {\"contains\": \"PII\"}}' events.ndjson
  metaevents filter --datahub-actions action.yml events.ndjson
  curl -s \"$GMS/openapi/v1/events/poll?topic=PlatformEvent_v1\" -H \"Authorization: Bearer $TOKEN\" \\
    | metaevents normalize --no-raw
  metaevents validate --demo
  metaevents catalog --format schema > event.schema.json

Exit status: 0 when every record was read, 1 when some were bad (each reported on stderr as
FILE:LINE: PATH: MESSAGE; the stream goes on), 2 for usage errors, bad filters and unreadable
files. A closed output pipe (`| head`) ends the program quietly.";

/// Normalize, filter, count and validate the change events of metadata catalogs (Atlan, Apache
/// Atlas and Microsoft Purview, DataHub).
///
/// Reads files or stdin in every shape the events arrive in (NDJSON, JSON arrays, DataHub poll
/// responses, PlatformEvents, datahub-actions envelopes, Atlan webhooks, Atlas notifications from
/// Kafka or Event Hubs with their gzip and split messages, AWS Lambda and EventBridge wrappers,
/// CloudEvents; gzip-compressed too; DataHub's Kafka records with --format kafka-avro) and turns
/// each into one normalized event.
#[derive(Debug, Parser)]
#[command(name = "metaevents", version, after_help = EXAMPLES, propagate_version = true)]
pub struct Cli {
    /// No progress bar on stderr (it only shows for inputs over a few MB when stderr is a
    /// terminal).
    #[arg(long, short, global = true)]
    pub quiet: bool,

    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write every event as one normalized JSON object per line (NDJSON).
    Normalize(normalize::Args),
    /// Write the events that pass a filter (normalized, or their original payloads).
    Filter(filter::Args),
    /// Count events by source, kind, platform and actor, with the time range and bad records.
    Stats(stats::Args),
    /// Show the catalog of known events: a table, JSON, Markdown or the JSON Schema.
    Catalog(catalog::Args),
    /// Check every event strictly against the catalog, with line numbers.
    Validate(validate::Args),
}

impl Cli {
    /// Runs the command. `Ok` carries exit code 0 or 1 (some records bad); `Err` means exit code 2.
    /// A closed stdout ends the run quietly with the code earned so far.
    pub fn run(self) -> Result<ExitCode, Fatal> {
        let cli = self;
        let mut out = Stdout::new();
        let mut reporter = Reporter::new();
        let result = match cli.command {
            Command::Normalize(args) => normalize::run(&args, cli.quiet, &mut out, &mut reporter),
            Command::Filter(args) => filter::run(&args, cli.quiet, &mut out, &mut reporter),
            Command::Stats(args) => stats::run(&args, cli.quiet, &mut out, &mut reporter),
            Command::Catalog(args) => catalog::run(&args, &mut out),
            Command::Validate(args) => validate::run(&args, cli.quiet, &mut out, &mut reporter),
        }
        .and_then(|()| out.flush());
        match result {
            Ok(()) | Err(Fatal::BrokenPipe) => Ok(reporter.exit_code()),
            Err(fatal) => Err(fatal),
        }
    }
}
