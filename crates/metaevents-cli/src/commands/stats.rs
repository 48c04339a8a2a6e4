//! `metaevents stats`: counts by source, kind, platform and actor, the time range and the bad
//! records, as tables for people or JSON for machines.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use metaevents::{Parsed, Source, Stats};

use crate::input::{InputArgs, Inputs};
use crate::output::{Stdout, align_right, iso_time, table};
use crate::report::{Fatal, Reporter};

const EXAMPLES: &str = "\
Examples:
  metaevents stats --demo
  metaevents stats --top 25 events-2026-*.ndjson.gz
  metaevents stats --json events.ndjson | jq .byKind

--json writes {events, errors, validationRequests, firstTime, lastTime, bySource, byKind,
byPlatform, byActor, distinctPlatforms, distinctActors}; the tallies are lists of {name, count},
largest first, byPlatform and byActor cut to the --top largest.";

/// Count events by source, kind, platform and actor, with the time range and bad records.
#[derive(Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,

    /// How many platforms and actors to list, the most frequent first.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub top: usize,

    /// Write the counts as JSON instead of tables.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &Args, quiet: bool, out: &mut Stdout, reporter: &mut Reporter) -> Result<(), Fatal> {
    let inputs = Inputs::new(&args.input, quiet)?;
    let mut stats = Stats::default();
    // (kind, source) → events, for the table's per-platform columns.
    let mut by_kind_source: BTreeMap<(&'static str, Source), u64> = BTreeMap::new();
    inputs.for_each(reporter, None, |reporter, source, item| {
        match item {
            Ok(record) => match record.parsed {
                Parsed::Event(event) => {
                    stats.add(&event);
                    *by_kind_source.entry((event.kind().as_str(), event.source())).or_default() += 1;
                }
                Parsed::ValidationRequest(_) => stats.validation_requests += 1,
            },
            Err(error) => {
                stats.errors += 1;
                reporter.bad_record(source, &error);
            }
        }
        Ok(())
    })?;
    if args.json {
        return out.json_pretty(&stats.to_value(args.top));
    }
    out.text(&render(&stats, &by_kind_source, args.top))
}

fn share(count: u64, total: u64) -> String {
    if total == 0 {
        return String::new();
    }
    #[expect(clippy::cast_precision_loss, reason = "a percentage for display")]
    let percent = count as f64 * 100.0 / total as f64;
    format!("{percent:.1}%")
}

/// The tables, one after another.
fn render(stats: &Stats, by_kind_source: &BTreeMap<(&'static str, Source), u64>, top: usize) -> String {
    let mut text = String::new();

    // The platforms the input holds events of (all of them for an empty input).
    let sources: Vec<Source> = Source::ALL
        .into_iter()
        .filter(|source| stats.events == 0 || stats.by_source.contains_key(source.as_str()))
        .collect();
    let mut summary = table(Vec::<String>::new());
    summary.add_row(vec!["events".to_owned(), stats.events.to_string()]);
    for source in &sources {
        let count = stats.by_source.get(source.as_str()).copied().unwrap_or(0);
        summary.add_row(vec![format!("  from {source}"), count.to_string()]);
    }
    summary.add_row(vec!["bad records".to_owned(), stats.errors.to_string()]);
    summary.add_row(vec!["webhook validation requests".to_owned(), stats.validation_requests.to_string()]);
    summary.add_row(vec!["distinct platforms".to_owned(), stats.by_platform.len().to_string()]);
    summary.add_row(vec!["distinct actors".to_owned(), stats.by_actor.len().to_string()]);
    if let (Some(first), Some(last)) = (stats.first_time, stats.last_time) {
        summary.add_row(vec!["first event".to_owned(), iso_time(first)]);
        summary.add_row(vec!["last event".to_owned(), iso_time(last)]);
    }
    align_right(&mut summary, &[1]);
    text.push_str(&summary.to_string());
    text.push('\n');

    if stats.events == 0 {
        return text;
    }

    let mut header = vec!["kind".to_owned()];
    header.extend(sources.iter().map(|source| source.as_str().to_owned()));
    header.push("total".to_owned());
    let mut kinds = table(header);
    for (kind, total) in Stats::top(&stats.by_kind, usize::MAX) {
        let mut row = vec![kind.to_owned()];
        for source in &sources {
            let count = by_kind_source.get(&(kind, *source)).copied().unwrap_or(0);
            row.push(if count == 0 { "·".to_owned() } else { count.to_string() });
        }
        row.push(total.to_string());
        kinds.add_row(row);
    }
    align_right(&mut kinds, &(1..=sources.len() + 1).collect::<Vec<_>>());
    text.push('\n');
    text.push_str(&kinds.to_string());
    text.push('\n');

    for (title, tally) in [("platform", &stats.by_platform), ("actor", &stats.by_actor)] {
        let mut ranked = table([title, "events", "share"]);
        for (name, count) in Stats::top(tally, top) {
            ranked.add_row(vec![name.to_owned(), count.to_string(), share(count, stats.events)]);
        }
        align_right(&mut ranked, &[1, 2]);
        text.push('\n');
        text.push_str(&ranked.to_string());
        text.push('\n');
        if tally.len() > top {
            _ = writeln!(text, "(the {top} most frequent of {} {title}s; --top N lists more)", tally.len());
        }
    }
    text
}
