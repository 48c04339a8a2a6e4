//! Invariants checked both by fuzz targets and by tests: the `stream` and `filter_eval` targets
//! include this file (`#[path]`), and so do the tests that replay their crashers and the property
//! tests, so a crasher is replayed with exactly the check that found it.
#![allow(dead_code, reason = "each includer uses some of the checks")]

use std::io::Read;

use metaevents::{ErrorKind, Filter, InputFormat, Limits, ParseOptions, Parsed, Parser};

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
    let parser = Parser::with_options(ParseOptions { limits, ..ParseOptions::default() }).expect("valid limits");
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
/// line is part of a split message (whose parts span lines), filtering each line alone.
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
        // Each line filtered alone, as NDJSON (read alone as a stream, a line ending in `:` would
        // start a pretty-printed document). A later line is read as it stands in the input, after
        // a line break: it is not the start of the input, so a byte order mark there is an
        // encoding error, as it is in the buffer.
        let by_line: Vec<usize> = corpus
            .split(|&b| b == b'\n')
            .enumerate()
            .filter(|&(index, line)| {
                let alone = if index == 0 { line.to_vec() } else { [&b"\n"[..], line].concat() };
                !filter.filter_ndjson_with(&parser, &alone).is_empty()
            })
            .map(|(index, _)| index)
            .collect();
        assert_eq!(fast, by_line, "filtering each line alone disagrees for {}", filter.spec());
    }
}

/// The checks of the `filter_eval` fuzz target: a filter spec (the first line of `data`, ours or
/// a datahub-actions config) over an NDJSON corpus (the rest), filtered every public way, the
/// stream reader handing out 1 to 7 bytes at a time: the step the corpus's length picks (as the
/// fuzz target runs), or `every_step`. Whether the first line was a filter spec at all (only
/// then is anything checked).
pub fn check_filter_input(data: &[u8], every_step: bool) -> bool {
    let (head, corpus) = match data.iter().position(|b| *b == b'\n') {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &[][..]),
    };
    let Ok(spec) = serde_json::from_slice::<serde_json::Value>(head) else { return false };
    let steps = if every_step { 1..=7 } else { (1 + corpus.len() % 7)..=(1 + corpus.len() % 7) };
    for filter in [Filter::new(&spec), Filter::from_datahub_actions(&spec)].into_iter().flatten() {
        for step in steps.clone() {
            assert_filter_paths_agree(&filter, corpus, step);
        }
    }
    true
}

/// Whether the stream reader reads `corpus` as one record per line (it does unless the input
/// is gzip, a JSON array, a binary Kafka record (first byte 0, Confluent's magic byte), or
/// starts like a pretty-printed document).
fn looks_like_ndjson(corpus: &[u8]) -> bool {
    let first = corpus.split(|&b| b == b'\n').find(|line| !line.trim_ascii().is_empty()).unwrap_or_default();
    let first = first.trim_ascii();
    !corpus.starts_with(b"\x1f\x8b")
        && !corpus.trim_ascii_start().starts_with(b"[")
        && !corpus.trim_ascii_start().starts_with(b"\0")
        && !matches!(first.last(), Some(b'{' | b'[' | b',' | b':'))
        && !corpus.starts_with(b"\xEF\xBB\xBF")
}

/// Ids never merge different events: read the events of `a` and `b` (an OpenMetadata
/// `ChangeEvent` makes several); two of them have equal ids exactly when their innermost
/// platform events are equal up to the documented equivalences (key order and spacing, and the
/// `null` members of `equivalent_for_ids`) and they are the same part of it (`native.part`).
/// Equal values that are spelled differently as numbers (`-0.0`, `0.0`) may still differ.
pub fn assert_ids_tell_events_apart(a: &[u8], b: &[u8]) {
    let parser = Parser::new();
    let (Ok(firsts), Ok(seconds)) = (parser.events(a), parser.events(b)) else { return };
    for first in firsts.iter().take(16) {
        for second in seconds.iter().take(16) {
            let same =
                equivalent_for_ids(first) == equivalent_for_ids(second) && first.native().part == second.native().part;
            if !same {
                assert_ne!(
                    first.id(),
                    second.id(),
                    "two different events share an id:\n{} {:?}\n{} {:?}",
                    first.raw_json(),
                    first.native().part,
                    second.raw_json(),
                    second.native().part
                );
            } else if !has_signed_zero(&first.raw()) {
                assert_eq!(first.id(), second.id(), "one event, two ids:\n{}\n{}", first.raw_json(), second.raw_json());
            }
        }
    }
}

/// The innermost event as a value with the documented equivalences applied: for a `DataHub`
/// change event (ECE / RCE) its optional top-level members and its `auditStamp`'s optional
/// members count as absent when `null` (and ECE `parameters` when `{}`); nothing else.
pub fn equivalent_for_ids(event: &metaevents::Event) -> serde_json::Value {
    let mut raw = event.raw();
    let format = event.native().format;
    let optional: &[&str] = match format {
        metaevents::NativeFormat::EntityChangeEvent => &["auditHeader", "modifier", "parameters", "source"],
        metaevents::NativeFormat::RelationshipChangeEvent => &["auditHeader", "lifecycleOwner", "properties", "via"],
        _ => return raw,
    };
    if let Some(object) = raw.as_object_mut() {
        object.retain(|key, value| {
            let empty_parameters = key == "parameters"
                && format == metaevents::NativeFormat::EntityChangeEvent
                && value.as_object().is_some_and(serde_json::Map::is_empty);
            !(optional.contains(&key.as_str()) && (value.is_null() || empty_parameters))
        });
        if let Some(stamp) = object.get_mut("auditStamp").and_then(serde_json::Value::as_object_mut) {
            stamp.retain(|key, value| !(matches!(key.as_str(), "impersonator" | "message") && value.is_null()));
        }
    }
    raw
}

fn has_signed_zero(value: &serde_json::Value) -> bool {
    match value {
        serde_json::Value::Number(number) => number.as_f64().is_some_and(|f| f == 0.0 && number.is_f64()),
        serde_json::Value::Array(items) => items.iter().any(has_signed_zero),
        serde_json::Value::Object(members) => members.values().any(has_signed_zero),
        _ => false,
    }
}

/// Changes one leaf of `value` (picked by `choice`) in one of the ways `how` picks: another
/// scalar, `null`, the member removed, a `null` member added beside it.
pub fn mutate_leaf(value: &mut serde_json::Value, choice: usize, how: u8) {
    let mut leaves = Vec::new();
    collect_paths(value, &mut Vec::new(), &mut leaves);
    if leaves.is_empty() {
        return;
    }
    let path = &leaves[choice % leaves.len()];
    let Some((last, parent_path)) = path.split_last() else { return };
    let Some(parent) = lookup(value, parent_path) else { return };
    match (parent, last) {
        (serde_json::Value::Object(members), PathStep::Key(key)) => match how % 4 {
            0 => {
                members.insert(key.clone(), serde_json::Value::Null);
            }
            1 => {
                members.remove(key);
            }
            2 => {
                members.insert(format!("{key}_extra"), serde_json::Value::Null);
            }
            _ => {
                let changed = match members.get(key) {
                    Some(serde_json::Value::String(text)) => serde_json::Value::from(format!("{text}x")),
                    Some(serde_json::Value::Number(n)) => serde_json::Value::from(n.as_f64().unwrap_or(0.0) + 1.0),
                    Some(serde_json::Value::Bool(flag)) => serde_json::Value::from(!flag),
                    _ => serde_json::Value::from("changed"),
                };
                members.insert(key.clone(), changed);
            }
        },
        (serde_json::Value::Array(items), PathStep::Index(index)) => {
            if let Some(slot) = items.get_mut(*index) {
                *slot = if slot.is_null() { serde_json::Value::from(0) } else { serde_json::Value::Null };
            }
        }
        _ => {}
    }
}

#[derive(Debug, Clone)]
enum PathStep {
    Key(String),
    Index(usize),
}

fn collect_paths(value: &serde_json::Value, at: &mut Vec<PathStep>, out: &mut Vec<Vec<PathStep>>) {
    match value {
        serde_json::Value::Object(members) => {
            for (key, member) in members {
                at.push(PathStep::Key(key.clone()));
                out.push(at.clone());
                collect_paths(member, at, out);
                at.pop();
            }
        }
        serde_json::Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                at.push(PathStep::Index(index));
                out.push(at.clone());
                collect_paths(item, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

fn lookup<'v>(value: &'v mut serde_json::Value, path: &[PathStep]) -> Option<&'v mut serde_json::Value> {
    let mut current = value;
    for step in path {
        current = match (current, step) {
            (serde_json::Value::Object(members), PathStep::Key(key)) => members.get_mut(key)?,
            (serde_json::Value::Array(items), PathStep::Index(index)) => items.get_mut(*index)?,
            _ => return None,
        };
    }
    Some(current)
}

/// A zig-zag varint, as Avro writes a `long`.
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "zig-zag encoding")]
pub fn avro_long(value: i64, out: &mut Vec<u8>) {
    let mut n = ((value << 1) ^ (value >> 63)) as u64;
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// A `PlatformEvent` Kafka record of an `entityChangeEvent` whose payload is `payload`.
#[allow(clippy::cast_possible_wrap, reason = "payloads are far below 2^63 bytes")]
pub fn kafka_record(schema_id: u32, payload: &[u8]) -> Vec<u8> {
    let mut out = vec![0];
    out.extend_from_slice(&schema_id.to_be_bytes());
    avro_long(1_718_035_200_123, &mut out);
    for part in [&b"entityChangeEvent"[..], payload, b"application/json"] {
        avro_long(part.len() as i64, &mut out);
        out.extend_from_slice(part);
    }
    out
}

/// Whether a parse outcome is no event or an event that came in a Kafka record.
fn is_kafka_event(parsed: &Parsed) -> bool {
    parsed.as_event().is_none_or(|event| event.native().envelope.contains(&InputFormat::KafkaAvro))
}

/// The checks of the `kafka_avro` fuzz target; the first byte of `data` picks what the rest is
/// (see `fuzz/fuzz_targets/kafka_avro.rs`).
pub fn check_kafka_input(data: &[u8]) {
    let [mode, rest @ ..] = data else { return };
    match mode {
        0 => {
            let record = [&[0, 0, 0, 0, 7][..], rest].concat();
            match metaevents::parse(&record) {
                Ok(parsed) => {
                    assert!(is_kafka_event(&parsed));
                    if let Some(event) = parsed.as_event() {
                        assert_eq!(event.native().schema_id, Some(7));
                    }
                }
                Err(error) => assert!(
                    matches!(
                        error.kind(),
                        ErrorKind::Decode
                            | ErrorKind::Syntax
                            | ErrorKind::InvalidField
                            | ErrorKind::Encoding
                            | ErrorKind::Empty
                            | ErrorKind::TooDeep
                            | ErrorKind::TooLarge
                            | ErrorKind::NumberOutOfRange
                            | ErrorKind::DuplicateKey
                    ),
                    "{error}"
                ),
            }
        }
        1 => {
            let wrapped = metaevents::parse(&kafka_record(42, rest));
            // A record's payload is one JSON object (one event); alone, other bytes, arrays included,
            // read as a stream, whose first error may come from an earlier element than the
            // record's (which parses the payload whole).
            let single = std::str::from_utf8(rest)
                .is_ok_and(|text| serde_json::from_str::<serde_json::Value>(text).is_ok_and(|value| value.is_object()));
            if !single {
                return;
            }
            let alone = Parser::new().with_format(InputFormat::DatahubEntityChangeEvent).parse(rest);
            match (alone, wrapped) {
                (Ok(Parsed::Event(alone)), Ok(Parsed::Event(wrapped))) => {
                    assert_eq!(alone.id(), wrapped.id());
                    assert_eq!(alone.kind(), wrapped.kind());
                    assert_eq!(alone.entity(), wrapped.entity());
                    assert_eq!(wrapped.native().schema_id, Some(42));
                }
                (Err(alone), Err(wrapped)) => assert_eq!(alone.kind(), wrapped.kind(), "{alone} / {wrapped}"),
                (alone, wrapped) => panic!("alone {alone:?}, in a record {wrapped:?}"),
            }
        }
        2 => {
            let parser = Parser::new().with_format(InputFormat::KafkaAvro);
            for record in parser.parse_many(rest).flatten() {
                assert!(is_kafka_event(&record.parsed));
            }
            let _ = parser.parse(rest);
        }
        _ => {
            use base64::Engine as _;
            let encoded = base64::engine::general_purpose::STANDARD.encode(rest);
            let cloudevent =
                format!(r#"{{"specversion":"1.0","id":"1","source":"/s","type":"t","data_base64":"{encoded}"}}"#);
            let _ = metaevents::parse(cloudevent.as_bytes());
        }
    }
}
