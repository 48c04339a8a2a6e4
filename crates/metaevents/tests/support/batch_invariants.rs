//! The batch reader gives the rows of the stream reader's events and its errors: checked by the
//! property tests (`tests/arrow.rs`) and the `batches` fuzz target, which include this file.
#![allow(dead_code, reason = "each includer uses some of the checks")]

use arrow_array::RecordBatch;
use metaevents::arrow::{BatchOptions, SchemaOptions, batch_of, schema};
use metaevents::{Parser, Workers};

use super::invariants::Trickle;

/// Reading `data` into batches of `batch_size` rows on `workers`, in chunks of about `chunk`
/// bytes, from memory and from a reader handing out `step` bytes at a time, gives: every bad
/// record the stream reader reports, in order; batches of exactly `batch_size` rows but the
/// last; and, all batches together, the one batch of the stream reader's events.
pub fn assert_batches_keep_outcomes(
    parser: &Parser,
    data: &[u8],
    workers: &Workers,
    chunk: usize,
    step: usize,
    batch_size: usize,
) {
    let mut events = Vec::new();
    let mut errors = Vec::new();
    for record in parser.parse_many(data) {
        match record {
            Ok(record) => events.extend(record.parsed.into_event()),
            Err(error) => errors.push(error),
        }
    }
    let options = BatchOptions { batch_size: Some(batch_size), ..BatchOptions::default() };
    let expected = batch_of(&events, SchemaOptions::default()).expect("a batch of the events");
    let readers = [
        ("in memory", parser.parse_batches(data, &options, workers).with_chunk_bytes(chunk)),
        ("streamed", parser.read_batches(Trickle::new(data, step), &options, workers).with_chunk_bytes(chunk)),
    ];
    for (how, reader) in readers {
        let what = format!("{how}, {} threads, chunks of {chunk} bytes, batches of {batch_size}", workers.threads());
        let mut batches: Vec<RecordBatch> = Vec::new();
        let mut bad = Vec::new();
        for item in reader {
            match item {
                Ok(batch) => batches.push(batch),
                Err(error) => bad.push(error),
            }
        }
        assert_eq!(bad, errors, "{what}: errors");
        let sizes: Vec<usize> = batches.iter().map(RecordBatch::num_rows).collect();
        if let Some((last, full)) = sizes.split_last() {
            assert!(
                full.iter().all(|&rows| rows == batch_size) && *last <= batch_size && *last > 0,
                "{what}: {sizes:?}"
            );
        }
        let all = arrow_select::concat::concat_batches(&schema(SchemaOptions::default()), &batches).expect("concat");
        assert_eq!(all, expected, "{what}: rows");
    }
}
