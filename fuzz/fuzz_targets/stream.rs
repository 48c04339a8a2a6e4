//! The stream reader over a reader that hands out a few bytes at a time, with small limits:
//! exercises refills, record boundaries, skipping of oversized records and every limit.
#![no_main]

use std::io::Read;

use libfuzzer_sys::fuzz_target;
use metaevents::{Limits, ParseOptions, Parser};

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

fuzz_target!(|input: &[u8]| {
    let Some((&knobs, data)) = input.split_first() else { return };
    let limits = Limits {
        max_event_bytes: 64 + usize::from(knobs & 0x3f) * 32,
        max_depth: 1 + usize::from(knobs >> 5),
        max_events_per_array: 1 + usize::from(knobs & 7),
    };
    let parser = Parser::with_options(ParseOptions { format: None, limits }).expect("valid limits");
    let whole: Vec<_> = parser.parse_many(data).collect();
    let trickled: Vec<_> = parser.read(Trickle { data, step: 1 + usize::from(knobs % 7) }).collect();
    // How the bytes arrive never changes what they mean.
    assert_eq!(whole.len(), trickled.len());
    for (a, b) in whole.iter().zip(&trickled) {
        match (a, b) {
            (Ok(a), Ok(b)) => assert_eq!(a, b),
            (Err(a), Err(b)) => assert_eq!((a.kind(), a.line()), (b.kind(), b.line())),
            _ => panic!("chunking changed an outcome: {a:?} vs {b:?}"),
        }
    }
});
