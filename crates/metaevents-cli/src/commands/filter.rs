//! `metaevents filter`: the events that pass every condition given, normalized or raw.

use std::path::PathBuf;

use metaevents::{Filter, Parsed};
use serde_json::{Map, Value};

use crate::input::{InputArgs, Inputs};
use crate::output::{EventFormat, EventOutputArgs, EventWriter, Stdout};
use crate::report::{Fatal, Reporter};

const EXAMPLES: &str = "\
Examples:
  metaevents filter --kind tag.added --subject urn:li:tag:PII events.ndjson
  metaevents filter --kind 'tag.*' --kind 'owner.*' --platform snowflake events.ndjson.gz
  metaevents filter --source atlan --actor jane.doe --raw webhook-log.ndjson
  metaevents filter --where '{\"any\": [{\"kind\": \"entity.deleted\"}, {\"details.hard\": true}]}' events.ndjson
  metaevents filter --where @pii-filter.json --no-raw events.ndjson
  metaevents filter --datahub-actions my-action.yml events.ndjson
  metaevents filter --demo --kind schema.field_removed
  metaevents filter --kind 'tag.*' --output cloudevents events.ndjson | curl -X POST ... (one CloudEvent per line)

The filter language: {PATH: MATCH, ...} (all must match), {\"any\": [...]}, {\"all\": [...]},
{\"not\": filter}; MATCH is a scalar (equal), a list (equal to any) or {OP: value} with OP one of
eq ne in prefix suffix contains glob regex exists gt gte lt lte; PATH is a dotted path into the
normalized event (kind, source, actor, entity.platform, subjects, details.ownerType,
raw.parameters.tagUrn, ...). `kind` also takes families (`tag.*`).

Speed: on NDJSON input, a line that lacks the literal text every match must contain is ruled
out by a byte search and never parsed, so errors on such lines are not reported (use
`metaevents validate` to check every line). Other shapes (arrays, pretty-printed documents)
are parsed whole.";

/// Write the events that pass a filter (normalized, or their original payloads).
///
/// Every condition given must hold: each --where filter, the shorthands (an option given
/// several times passes events that match any of its values) and the datahub-actions config.
/// A filter that does not compile is exit code 2 with the place of the fault.
#[derive(Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,

    /// A filter as JSON, or @FILE to read it from a file. Repeat to require several.
    #[arg(long = "where", value_name = "FILTER")]
    pub where_: Vec<String>,

    /// Events of this kind or family (`tag.added`, `owner.*`). Repeat for any of several.
    #[arg(long, value_name = "KIND")]
    pub kind: Vec<String>,

    /// Events from this catalog platform: `datahub`, `atlan` or `atlas`. Repeat for any of several.
    #[arg(long, value_name = "SOURCE")]
    pub source: Vec<String>,

    /// Events about assets of this data platform (`snowflake`, `bigquery`; `entity.platform`).
    /// Repeat for any of several.
    #[arg(long, value_name = "PLATFORM")]
    pub platform: Vec<String>,

    /// Events with this subject: a tag, term, owner, domain or field urn, an Atlan tag id, an
    /// Atlas classification name.
    /// Repeat for any of several.
    #[arg(long, value_name = "SUBJECT")]
    pub subject: Vec<String>,

    /// Events made by this actor (`urn:li:corpuser:jdoe`, an Atlan user name). Repeat for any
    /// of several.
    #[arg(long, value_name = "ACTOR")]
    pub actor: Vec<String>,

    /// A datahub-actions config (YAML or JSON) whose `filter:` block or `filters:` list the
    /// events must pass, matched exactly as datahub-actions does (Atlan and Atlas events never pass).
    #[arg(long, value_name = "CONFIG")]
    pub datahub_actions: Option<PathBuf>,

    /// Write each matching event's original platform payload (one line) instead of the
    /// normalized event.
    #[arg(long, conflicts_with = "no_raw")]
    pub raw: bool,

    /// Leave out `raw` from the normalized events written.
    #[arg(long)]
    pub no_raw: bool,

    #[command(flatten)]
    pub output: EventOutputArgs,
}

/// `{"kind": "x"}` for one value, `{"kind": ["x", "y"]}` for several.
fn shorthand(spec: &mut Map<String, Value>, path: &str, values: &[String]) {
    match values {
        [] => {}
        [one] => {
            spec.insert(path.to_owned(), Value::String(one.clone()));
        }
        many => {
            spec.insert(path.to_owned(), Value::Array(many.iter().cloned().map(Value::String).collect()));
        }
    }
}

fn bad_filter(what: &str, error: &metaevents::Error) -> Fatal {
    let at = error.path().map(|path| format!("{path}: ")).unwrap_or_default();
    Fatal::usage(format!("bad filter ({what}): {at}{}", error.message()))
}

/// Compiles every condition given; an event must pass all of them.
fn compile(args: &Args) -> Result<Vec<Filter>, Fatal> {
    let mut filters = Vec::new();
    for (index, text) in args.where_.iter().enumerate() {
        let (what, json) = match text.strip_prefix('@') {
            Some(path) => {
                let json = std::fs::read_to_string(path)
                    .map_err(|err| Fatal::usage(format!("cannot read the filter file {path}: {err}")))?;
                (format!("--where @{path}"), json)
            }
            None if args.where_.len() > 1 => (format!("--where #{}", index + 1), text.clone()),
            None => ("--where".to_owned(), text.clone()),
        };
        filters.push(Filter::from_json(&json).map_err(|err| bad_filter(&what, &err))?);
    }
    let mut spec = Map::new();
    shorthand(&mut spec, "kind", &args.kind);
    shorthand(&mut spec, "source", &args.source);
    shorthand(&mut spec, "entity.platform", &args.platform);
    shorthand(&mut spec, "subjects", &args.subject);
    shorthand(&mut spec, "actor", &args.actor);
    if !spec.is_empty() {
        let what = "--kind/--source/--platform/--subject/--actor";
        filters.push(Filter::new(&Value::Object(spec)).map_err(|err| bad_filter(what, &err))?);
    }
    if let Some(path) = &args.datahub_actions {
        let name = path.display();
        let text = std::fs::read_to_string(path)
            .map_err(|err| Fatal::usage(format!("cannot read the datahub-actions config {name}: {err}")))?;
        let what = format!("--datahub-actions {name}");
        filters.push(Filter::from_datahub_actions_yaml(&text).map_err(|err| bad_filter(&what, &err))?);
    }
    if filters.is_empty() {
        return Err(Fatal::usage(
            "filter needs a condition: --where, --kind, --source, --platform, --subject, --actor or --datahub-actions \
             (`metaevents normalize` writes every event)",
        ));
    }
    Ok(filters)
}

pub fn run(args: &Args, quiet: bool, out: &mut Stdout, reporter: &mut Reporter) -> Result<(), Fatal> {
    let filter = Filter::all_of(compile(args)?);
    let inputs = Inputs::new(&args.input, quiet)?;
    if args.raw && args.output.output != EventFormat::Json {
        return Err(Fatal::usage(
            "--raw writes the original payloads: it cannot be combined with --output cloudevents",
        ));
    }
    let writer = EventWriter::new(&args.output, !args.no_raw)?;
    let mut line = String::with_capacity(4096);
    inputs.for_each(reporter, Some(&filter), |reporter, source, item| match item {
        Ok(record) => {
            let Parsed::Event(event) = record.parsed else {
                return Ok(());
            };
            if !filter.matches(&event) {
                return Ok(());
            }
            line.clear();
            if args.raw {
                line.push_str(&event.raw_json_compact());
            } else {
                writer.write(&event, &mut line);
            }
            out.line(&line)
        }
        Err(error) => {
            reporter.bad_record(source, &error);
            Ok(())
        }
    })
}
