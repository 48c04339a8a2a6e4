//! The parallel reader gives exactly what the sequential reader gives. Checked by the property
//! tests (`tests/parallel.rs`) and by the `batches` fuzz target, which include this file.
#![allow(dead_code, reason = "each includer uses some of the checks")]

use metaevents::{Error, Filter, Limits, ParseOptions, Parser, Record, Workers};

use super::invariants::Trickle;

/// Small limits picked by `knobs`, so that oversized lines and every limit are hit.
pub fn parser_for(knobs: u8) -> Parser {
    let limits = Limits {
        max_event_bytes: 64 + usize::from(knobs & 0x3f) * 32,
        max_depth: 1 + usize::from(knobs >> 5),
        max_events_per_array: 1 + usize::from(knobs & 7),
    };
    Parser::with_options(ParseOptions { limits, ..ParseOptions::default() }).expect("valid limits")
}

fn same(what: &str, expected: &[Result<Record, Error>], actual: &[Result<Record, Error>]) {
    for (index, (a, b)) in expected.iter().zip(actual).enumerate() {
        assert_eq!(a, b, "{what}: item {index} differs");
    }
    assert_eq!(expected.len(), actual.len(), "{what}: {} items instead of {}", actual.len(), expected.len());
}

/// Reading `data` on `workers` in chunks of about `chunk` bytes, from memory and from a reader
/// that hands out `step` bytes at a time, with `filter`'s prefilter or without, gives the
/// records and errors (kinds, lines, paths, messages) of the sequential reader, in order.
pub fn assert_parallel_reading_keeps_outcomes(
    parser: &Parser,
    data: &[u8],
    workers: &Workers,
    chunk: usize,
    step: usize,
    filter: Option<&Filter>,
) {
    let (sequential, in_memory, streamed): (Vec<_>, Vec<_>, Vec<_>) = match filter {
        None => (
            parser.parse_many(data).collect(),
            parser.parse_many_records_parallel(data, workers).with_chunk_bytes(chunk).collect(),
            parser.read_records_parallel(Trickle::new(data, step), workers).with_chunk_bytes(chunk).collect(),
        ),
        Some(filter) => (
            parser.parse_many(data).prefiltered(filter).collect(),
            parser.parse_many_records_parallel(data, workers).prefiltered(filter).with_chunk_bytes(chunk).collect(),
            parser
                .read_records_parallel(Trickle::new(data, step), workers)
                .prefiltered(filter)
                .with_chunk_bytes(chunk)
                .collect(),
        ),
    };
    let threads = workers.threads();
    same(&format!("in memory, {threads} threads, chunks of {chunk} bytes"), &sequential, &in_memory);
    same(
        &format!("streamed {step} bytes at a time, {threads} threads, chunks of {chunk} bytes"),
        &sequential,
        &streamed,
    );
}
