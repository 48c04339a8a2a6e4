//! `metaevents normalize`: every event as one contract JSON object per line.

use metaevents::Parsed;

use crate::input::{InputArgs, Inputs};
use crate::output::{EventOutputArgs, EventWriter, Stdout};
use crate::report::{Fatal, Reporter};

const EXAMPLES: &str = "\
Examples:
  metaevents normalize events.ndjson > normalized.ndjson
  metaevents normalize --no-raw poll-response.json.gz
  curl -s \"$GMS/openapi/v1/events/poll?topic=PlatformEvent_v1\" -H \"Authorization: Bearer $TOKEN\" \\
    | metaevents normalize
  metaevents normalize --demo | head -n 3
  metaevents normalize --output cloudevents --cloudevents-source https://datahub.example.com events.ndjson
  kcat -b BROKER -C -t PlatformEvent_v1 -e -f '%R%s' | metaevents normalize --format kafka-avro

Webhook validation requests are not events: they are skipped (stats counts them).

Kafka records of DataHub's PlatformEvent_v1 topic (Avro in Confluent's wire format) are read with
--format kafka-avro from length-prefixed records (a 4-byte big-endian length before each record,
as kcat's -f '%R%s' writes) or from one base64 record per line.";

/// Write every event as one normalized JSON object per line (NDJSON).
///
/// Each line is the contract JSON of one event: id, source, kind, time, actor, entity, subjects,
/// details, native and, unless --no-raw, raw (the innermost platform event exactly as received,
/// so nothing is lost). Records that are not events are reported on stderr as
/// FILE:LINE: PATH: MESSAGE and the stream goes on; the exit code is then 1.
#[derive(Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,

    /// Leave out `raw` (the original platform event) from each line.
    #[arg(long)]
    pub no_raw: bool,

    #[command(flatten)]
    pub output: EventOutputArgs,
}

pub fn run(args: &Args, quiet: bool, out: &mut Stdout, reporter: &mut Reporter) -> Result<(), Fatal> {
    let inputs = Inputs::new(&args.input, quiet)?;
    let writer = EventWriter::new(&args.output, !args.no_raw)?;
    let mut line = String::with_capacity(4096);
    inputs.for_each(reporter, None, |reporter, source, item| match item {
        Ok(record) => match record.parsed {
            Parsed::Event(event) => {
                line.clear();
                writer.write(&event, &mut line);
                out.line(&line)
            }
            Parsed::ValidationRequest(_) => Ok(()),
        },
        Err(error) => {
            reporter.bad_record(source, &error);
            Ok(())
        }
    })
}
