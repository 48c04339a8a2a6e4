#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test harness")]
//! Reading on every core gives exactly what the sequential reader gives: the same records,
//! errors and line numbers, in the same order, whatever the chunk size, the thread count, the
//! way the bytes arrive and the prefilter; split messages whose parts sit in different chunks
//! are assembled as they are sequentially.

use std::io::Write as _;

use base64::Engine as _;
use metaevents::{Filter, Parser, Workers};
use proptest::prelude::*;
use serde_json::{Value, json};

mod support {
    pub mod generators;
    pub mod invariants;
    pub mod parallel_invariants;
}
use support::generators::{atlan_message, filter_spec, line};
use support::parallel_invariants::{assert_parallel_reading_keeps_outcomes, parser_for};

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

/// The envelopes of one Atlan message split into `parts` parts (the message compressed or
/// not), as NDJSON lines in part order.
fn split_lines(message: &Value, parts: usize, compressed: bool, msg_id: &str) -> Vec<String> {
    let text = message.to_string();
    let (kind, payload) = if compressed {
        ("GZIP", base64::engine::general_purpose::STANDARD.encode(gzip(text.as_bytes())))
    } else {
        ("NONE", text)
    };
    let size = payload.len().div_ceil(parts).max(1);
    let chunks: Vec<String> =
        payload.as_bytes().chunks(size).map(|chunk| String::from_utf8(chunk.to_vec()).unwrap()).collect();
    let count = chunks.len();
    chunks
        .iter()
        .enumerate()
        .map(|(index, chunk)| {
            json!({"version": {"version": "1.0.0"}, "msgCompressionKind": kind, "msgSplitIdx": index + 1,
                   "msgSplitCount": count, "msgCreationTime": 7, "msgId": msg_id, "message": chunk})
            .to_string()
        })
        .collect()
}

/// An input: lines of every envelope, the parts of split messages scattered among them (some
/// out of order, some missing), blank and whitespace lines, CRLF endings, now and then invalid
/// UTF-8, a byte-order mark at the start, or the whole input gzipped.
fn corpus() -> impl Strategy<Value = Vec<u8>> {
    (
        prop::collection::vec(line(), 0..30),
        prop::collection::vec((atlan_message(), 2usize..5, any::<bool>(), any::<bool>(), any::<bool>()), 0..3),
        prop::collection::vec(any::<prop::sample::Index>(), 12),
        0u8..8,
        any::<bool>(),
    )
        .prop_map(|(mut lines, splits, places, oddity, crlf)| {
            let mut place = places.into_iter().cycle();
            for (number, (message, parts, compressed, reversed, drop_one)) in splits.into_iter().enumerate() {
                let mut parts = split_lines(&message, parts, compressed, &format!("msg-{number}"));
                if reversed {
                    parts.reverse();
                }
                if drop_one && parts.len() > 2 {
                    parts.remove(1);
                }
                for part in parts {
                    let at = place.next().unwrap().index(lines.len() + 1);
                    lines.insert(at, part);
                }
            }
            if oddity == 1 {
                let at = place.next().unwrap().index(lines.len() + 1);
                lines.insert(at, "   \t ".to_owned());
            }
            let mut text = lines.join(if crlf { "\r\n" } else { "\n" }).into_bytes();
            match oddity {
                2 => text.splice(0..0, b"\xEF\xBB\xBF".iter().copied()).for_each(drop),
                3 => text.extend_from_slice(b"\n{\"bad\": \"\xff\xfe\"}\n"),
                4 => text = gzip(&text),
                5 => text.extend_from_slice(b"\n\n"),
                6 => text.extend_from_slice(b"\n\xEF\xBB\xBF{}\n{\"x\":"),
                _ => {}
            }
            text
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn parallel_reading_equals_sequential(
        data in corpus(), knobs in any::<u8>(), chunk in 1usize..400, step in 1usize..64, threads in 1usize..4,
    ) {
        let workers = Workers::new(threads).unwrap();
        let parser = if knobs & 1 == 0 { Parser::new() } else { parser_for(knobs) };
        assert_parallel_reading_keeps_outcomes(&parser, &data, &workers, chunk, step, None);
    }

    #[test]
    fn prefiltered_parallel_reading_equals_sequential(
        data in corpus(), spec in filter_spec(), chunk in 1usize..400, step in 1usize..64,
    ) {
        let workers = Workers::new(2).unwrap();
        // Some generated filters do not compile (a time compared with text): nothing to read then.
        let Ok(filter) = Filter::new(&spec) else { return Ok(()) };
        assert_parallel_reading_keeps_outcomes(&Parser::new(), &data, &workers, chunk, step, Some(&filter));
    }
}

#[test]
fn chunks_of_the_vectors_read_like_the_whole() {
    // Every stream vector (arrays, documents, poll responses and gzip included) in small chunks.
    let workers = Workers::new(3).unwrap();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors");
    let mut seen = 0;
    for sub in ["events", "malformed"] {
        for entry in std::fs::read_dir(dir.join(sub)).unwrap() {
            let path = entry.unwrap().path();
            if !path.file_name().unwrap().to_string_lossy().contains(".input.") {
                continue;
            }
            let data = std::fs::read(&path).unwrap();
            for chunk in [1, 7, 100, 4096] {
                assert_parallel_reading_keeps_outcomes(&Parser::new(), &data, &workers, chunk, 5, None);
            }
            seen += 1;
        }
    }
    assert!(seen > 100, "only {seen} vectors");
}

#[test]
fn workers_count_threads() {
    assert_eq!(Workers::new(1).unwrap().threads(), 1);
    assert_eq!(Workers::new(3).unwrap().threads(), 3);
    assert_eq!(Workers::new(0).unwrap().threads(), Workers::cores());
}
