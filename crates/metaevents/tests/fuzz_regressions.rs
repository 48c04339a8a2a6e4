#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test harness")]
//! Inputs the fuzzers once broke, replayed with the same checks as their fuzz targets
//! (`fuzz/fuzz_targets`). A crasher found by `scripts/fuzz` goes into `tests/fuzz-crashers/TARGET/`.

use std::io::Read;
use std::path::Path;

use metaevents::{Limits, ParseOptions, Parser};

/// Hands out `step` bytes per read.
struct Trickle<'a> {
    data: &'a [u8],
    step: usize,
}

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.step.min(buf.len()).min(self.data.len());
        buf[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Ok(n)
    }
}

/// The `stream` target: how the bytes arrive never changes what they mean.
fn check_stream(input: &[u8]) {
    let Some((&knobs, data)) = input.split_first() else { return };
    let limits = Limits {
        max_event_bytes: 64 + usize::from(knobs & 0x3f) * 32,
        max_depth: 1 + usize::from(knobs >> 5),
        max_events_per_array: 1 + usize::from(knobs & 7),
    };
    let parser = Parser::with_options(ParseOptions { format: None, limits }).unwrap();
    let whole: Vec<_> = parser.parse_many(data).collect();
    for step in 1..=7 {
        let trickled: Vec<_> = parser.read(Trickle { data, step }).collect();
        assert_eq!(whole.len(), trickled.len(), "step {step}");
        for (a, b) in whole.iter().zip(&trickled) {
            match (a, b) {
                (Ok(a), Ok(b)) => assert_eq!(a, b),
                (Err(a), Err(b)) => assert_eq!((a.kind(), a.line()), (b.kind(), b.line())),
                _ => panic!("step {step} changed an outcome: {a:?} vs {b:?}"),
            }
        }
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
