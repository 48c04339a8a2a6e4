//! The workload `scripts/callgrind` counts instructions of: one pass of the core over an NDJSON
//! file, inside `measured` (callgrind collects only there, so start-up and reading the file do
//! not count).
//!
//! `cargo run --release -p metaevents --example instructions -- FILE [MODE] [--time SECONDS]`
//!
//! With `--time`, runs the same pass again and again for about that long and prints the median
//! time of one pass (for `scripts/callgrind --time`, which compares two builds this way).
//!
//! Modes: `parse_many` (the default: `Parser::parse_many`, each record dropped as it comes),
//! `parse_many_lazy` (the same with ids left for first use, as the Python and JavaScript
//! bindings parse),
//! `filter_all` (`filter_ndjson` with `{"source": ...}`, every line matching),
//! `filter_selective` (`filter_ndjson` with the benchmark's PII tag filter, ~1% matching),
//! `filter_actions` (`filter_ndjson` with the datahub-actions filter `event_type:
//! EntityChangeEvent_v1`, every DataHub change event matching), and
//! `hold` (no instructions: the resident memory that holding every event of the file adds, per
//! event, as `held_bytes_per_event`; Linux only).

use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use metaevents::{Filter, Parser};
use serde_json::json;

/// The PII tags of the generated corpora (`bench/gen_corpus.py`).
const ATLAN_PII_TAG: &str = "wqYqv0gTdX9JPKRx631t0Z";
const DATAHUB_PII_TAG: &str = "urn:li:tag:PII";
const ATLAS_PII_CLASSIFICATION: &str = "PII";

/// Parses every record of `data`; returns how many events and errors it gave.
#[inline(never)]
fn measured_parse_many(parser: &Parser, data: &[u8]) -> (usize, usize) {
    let (mut events, mut errors) = (0, 0);
    for record in parser.parse_many(black_box(data)) {
        match record {
            Ok(record) => {
                events += usize::from(record.parsed.as_event().is_some());
                drop(black_box(record));
            }
            Err(_) => errors += 1,
        }
    }
    (events, errors)
}

/// `filter_ndjson` over `data`; returns how many lines matched.
#[inline(never)]
fn measured_filter(filter: &Filter, data: &[u8]) -> usize {
    black_box(filter.filter_ndjson(black_box(data))).len()
}

/// The median time of one call of `pass`, run for about `budget` (at least five times).
fn median_time(budget: Duration, mut pass: impl FnMut()) -> Duration {
    pass();
    let started = Instant::now();
    let mut times = Vec::new();
    while times.len() < 5 || started.elapsed() < budget {
        let start = Instant::now();
        pass();
        times.push(start.elapsed());
    }
    times.sort();
    times.get(times.len() / 2).copied().unwrap_or_default()
}

/// Resident memory of this process in bytes (Linux: `/proc/self/statm`), if known.
fn resident_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let budget = args
        .iter()
        .position(|arg| arg == "--time")
        .and_then(|at| args.get(at + 1))
        .and_then(|seconds| seconds.parse::<f64>().ok())
        .map(Duration::from_secs_f64);
    let mut positional = args.iter().take_while(|arg| *arg != "--time");
    let Some(path) = positional.next() else {
        eprintln!(
            "usage: instructions FILE [parse_many|parse_many_lazy|filter_all|filter_selective|filter_actions|hold] \
             [--time SECONDS]"
        );
        return ExitCode::from(2);
    };
    let mode = positional.next().cloned().unwrap_or_else(|| "parse_many".to_owned());
    let data = match std::fs::read(path) {
        Ok(data) => data,
        Err(err) => {
            eprintln!("{path}: {err}");
            return ExitCode::from(2);
        }
    };
    let lines = data.split(|&b| b == b'\n').filter(|line| !line.trim_ascii().is_empty()).count();
    // Which platform the corpus is from: the source of its first line's event.
    let first = data.split(|&b| b == b'\n').next().unwrap_or_default();
    let source = match metaevents::parse(first) {
        Ok(metaevents::Parsed::Event(event)) => event.source().as_str(),
        _ => "datahub",
    };
    let tag = match source {
        "atlan" => ATLAN_PII_TAG,
        "atlas" => ATLAS_PII_CLASSIFICATION,
        _ => DATAHUB_PII_TAG,
    };
    let timing = |pass: &mut dyn FnMut()| {
        if let Some(budget) = budget {
            println!("seconds_per_pass={:.9}", median_time(budget, pass).as_secs_f64());
        }
    };
    match mode.as_str() {
        "parse_many" | "parse_many_lazy" => {
            let parser = Parser::new().with_lazy_ids(mode == "parse_many_lazy");
            let (events, errors) = measured_parse_many(&parser, &data);
            println!("mode={mode} lines={lines} events={events} errors={errors} bytes={}", data.len());
            timing(&mut || {
                measured_parse_many(&parser, &data);
            });
        }
        "filter_all" | "filter_selective" | "filter_actions" => {
            let compiled = match mode.as_str() {
                "filter_all" => Filter::new(&json!({"source": source})),
                "filter_selective" => Filter::new(&json!({"kind": "tag.added", "subjects": tag})),
                _ => Filter::from_datahub_actions(&json!({"event_type": "EntityChangeEvent_v1"})),
            };
            let Ok(filter) = compiled else {
                eprintln!("the filter does not compile");
                return ExitCode::from(2);
            };
            let matched = measured_filter(&filter, &data);
            println!("mode={mode} lines={lines} events={matched} errors=0 bytes={}", data.len());
            timing(&mut || {
                measured_filter(&filter, &data);
            });
        }
        "hold" => {
            let before = resident_bytes();
            let held: Vec<_> = Parser::new().parse_many(&data).flatten().collect();
            let after = resident_bytes();
            let events = held.len();
            println!("mode=hold lines={lines} events={events} errors=0 bytes={}", data.len());
            if let (Some(before), Some(after)) = (before, after) {
                println!("held_bytes_per_event={}", after.saturating_sub(before) / events.max(1) as u64);
            }
            drop(black_box(held));
        }
        other => {
            eprintln!("unknown mode {other}");
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}
