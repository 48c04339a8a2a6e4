#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test harness")]
//! Inputs the fuzzers once broke, replayed with the same checks as their fuzz targets
//! (`fuzz/fuzz_targets`). A crasher found by `scripts/fuzz` goes into `tests/fuzz-crashers/TARGET/`.

use std::path::Path;

mod support {
    pub mod invariants;
}
use support::invariants::{assert_chunking_keeps_outcomes, check_filter_input, check_kafka_input};

/// Every crasher of the `stream` target, read at every step size the target picks from (1 to 7 bytes per read).
fn check_stream(input: &[u8]) {
    let Some((&knobs, data)) = input.split_first() else { return };
    for step in 1..=7 {
        assert_chunking_keeps_outcomes(knobs, data, step);
    }
}

#[test]
fn stream_crashers_stay_fixed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-crashers/stream");
    let mut count = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        check_stream(&std::fs::read(entry.unwrap().path()).unwrap());
        count += 1;
    }
    assert!(count > 0);
}

#[test]
fn kafka_avro_crashers_stay_fixed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-crashers/kafka_avro");
    let mut count = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        check_kafka_input(&std::fs::read(entry.unwrap().path()).unwrap());
        count += 1;
    }
    assert!(count > 0);
}

/// Every crasher of the `filter_eval` target, read at every step size the target picks from (1 to 7 bytes per read).
#[test]
fn filter_eval_crashers_stay_fixed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-crashers/filter_eval");
    let mut count = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let input = std::fs::read(entry.unwrap().path()).unwrap();
        assert!(check_filter_input(&input, true), "a crasher starts with a filter spec");
        count += 1;
    }
    assert!(count > 0);
}
