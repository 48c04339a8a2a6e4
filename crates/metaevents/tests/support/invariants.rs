//! Invariants checked both by fuzz targets and by tests: the `stream` and `filter_eval` targets
//! include this file (`#[path]`), and so do the tests that replay their crashers and the property
//! tests, so a crasher is replayed with exactly the check that found it.
#![allow(dead_code, reason = "each includer uses some of the checks")]

use std::io::Read;

use metaevents::{Filter, Limits, ParseOptions, Parser};

/// Hands out `step` bytes per read.
pub struct Trickle<'a> {
    data: &'a [u8],
    step: usize,
}

impl<'a> Trickle<'a> {
    pub fn new(data: &'a [u8], step: usize) -> Self {
        Self { data, step: step.max(1) }
    }
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

/// Every public way to filter NDJSON gives the same lines: `filter_ndjson` (prefiltered, on the
/// whole buffer), the same without the prefilter, the CLI's path (the stream reader with the
/// prefilter over a reader that hands out `step` bytes at a time, then `matches`), and, when no
/// line is part of a split message (whose parts span lines), reading each line alone and matching.
pub fn assert_filter_paths_agree(filter: &Filter, corpus: &[u8], step: usize) {
    let parser = Parser::new();
    let fast = filter.filter_ndjson(corpus);
    let exhaustive = filter.filter_ndjson_exhaustive_with(&parser, corpus);
    assert_eq!(fast, exhaustive, "prefilter changed the result of {}", filter.spec());
    if looks_like_ndjson(corpus) {
        let mut streamed: Vec<usize> = Vec::new();
        for record in parser.read_filtered(Trickle::new(corpus, step), filter).flatten() {
            let index = usize::try_from(record.line - 1).unwrap();
            if streamed.last() != Some(&index) && filter.matches_parsed(&record.parsed) {
                streamed.push(index);
            }
        }
        assert_eq!(fast, streamed, "the stream reader (step {step}) disagrees for {}", filter.spec());
    }
    if !corpus.windows(13).any(|w| w == b"msgSplitCount") && !corpus.starts_with(b"\x1f\x8b") {
        // A line may hold a batch (a JSON array): it matches when one of its events does.
        let by_line: Vec<usize> = corpus
            .split(|&b| b == b'\n')
            .enumerate()
            .filter(|(_, line)| parser.parse_many(line).flatten().any(|record| filter.matches_parsed(&record.parsed)))
            .map(|(index, _)| index)
            .collect();
        assert_eq!(fast, by_line, "line-by-line parse-then-match disagrees for {}", filter.spec());
    }
}

/// Whether the stream reader reads `corpus` as one record per line (it does unless the input
/// is gzip, a JSON array, or starts like a pretty-printed document).
fn looks_like_ndjson(corpus: &[u8]) -> bool {
    let first = corpus.split(|&b| b == b'\n').find(|line| !line.trim_ascii().is_empty()).unwrap_or_default();
    let first = first.trim_ascii();
    !corpus.starts_with(b"\x1f\x8b")
        && !corpus.trim_ascii_start().starts_with(b"[")
        && !matches!(first.last(), Some(b'{' | b'[' | b',' | b':'))
        && !corpus.starts_with(b"\xEF\xBB\xBF")
}
