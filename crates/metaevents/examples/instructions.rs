//! The workload `scripts/callgrind` counts instructions of: one pass of the core over an NDJSON
//! file, inside `measured` (callgrind collects only there, so start-up and reading the file do
//! not count).
//!
//! `cargo run --release -p metaevents --example instructions -- FILE [MODE]`
//!
//! Modes: `parse_many` (the default: `Parser::parse_many`, each record dropped as it comes),
//! `filter_all` (`filter_ndjson` with `{"source": ...}`, every line matching),
//! `filter_selective` (`filter_ndjson` with the benchmark's PII tag filter, ~1% matching).

use std::hint::black_box;
use std::process::ExitCode;

use metaevents::{Filter, Parser};
use serde_json::json;

/// The PII tags of the generated corpora (`bench/gen_corpus.py`).
const ATLAN_PII_TAG: &str = "wqYqv0gTdX9JPKRx631t0Z";
const DATAHUB_PII_TAG: &str = "urn:li:tag:PII";

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

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: instructions FILE [parse_many|filter_all|filter_selective]");
        return ExitCode::from(2);
    };
    let mode = args.next().unwrap_or_else(|| "parse_many".to_owned());
    let data = match std::fs::read(&path) {
        Ok(data) => data,
        Err(err) => {
            eprintln!("{path}: {err}");
            return ExitCode::from(2);
        }
    };
    let lines = data.split(|&b| b == b'\n').filter(|line| !line.trim_ascii().is_empty()).count();
    // Which platform the corpus is from, by its first line.
    let atlan = data.split(|&b| b == b'\n').next().is_some_and(|first| first.windows(9).any(|w| w == b"\"message\""));
    let (source, tag) = if atlan { ("atlan", ATLAN_PII_TAG) } else { ("datahub", DATAHUB_PII_TAG) };
    match mode.as_str() {
        "parse_many" => {
            let (events, errors) = measured_parse_many(&Parser::new(), &data);
            println!("mode=parse_many lines={lines} events={events} errors={errors} bytes={}", data.len());
        }
        "filter_all" | "filter_selective" => {
            let spec = if mode == "filter_all" {
                json!({"source": source})
            } else {
                json!({"kind": "tag.added", "subjects": tag})
            };
            let Ok(filter) = Filter::new(&spec) else {
                eprintln!("the filter does not compile");
                return ExitCode::from(2);
            };
            let matched = measured_filter(&filter, &data);
            println!("mode={mode} lines={lines} events={matched} errors=0 bytes={}", data.len());
        }
        other => {
            eprintln!("unknown mode {other}");
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}
