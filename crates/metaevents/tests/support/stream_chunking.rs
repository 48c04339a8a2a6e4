//! The `stream` fuzz target's check, shared with the test that replays its crashers
//! (`fuzz/fuzz_targets/stream.rs` includes this file), so a crasher is replayed with exactly the check that found it.

use std::io::Read;

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

/// How the bytes arrive never changes what they mean: `data` parsed whole and read `step` bytes at a time give the
/// same outcomes, under small limits picked by `knobs` so every limit and the skipping of oversized records is hit.
pub fn assert_chunking_keeps_outcomes(knobs: u8, data: &[u8], step: usize) {
    let limits = Limits {
        max_event_bytes: 64 + usize::from(knobs & 0x3f) * 32,
        max_depth: 1 + usize::from(knobs >> 5),
        max_events_per_array: 1 + usize::from(knobs & 7),
    };
    let parser = Parser::with_options(ParseOptions { format: None, limits }).expect("valid limits");
    let whole: Vec<_> = parser.parse_many(data).collect();
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
