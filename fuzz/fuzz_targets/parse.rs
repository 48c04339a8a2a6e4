//! Parse + normalize arbitrary bytes: never panics, and every event it gives holds the
//! invariants of the contract (its raw re-parses to an event of the same id and kind — one of
//! several for an OpenMetadata ChangeEvent; its JSON is valid).
#![no_main]

use libfuzzer_sys::fuzz_target;
use metaevents::Parsed;

fn check(parsed: &Parsed, cloudevent: bool) {
    let Parsed::Event(event) = parsed else { return };
    let json = event.to_json(true);
    let value: serde_json::Value = serde_json::from_str(&json).expect("event JSON is valid");
    assert_eq!(value["id"].as_str().map(str::len), Some(32));
    assert!(event.time().is_none_or(|time| time.abs() <= (1 << 53) - 1), "time beyond 2^53");
    // The innermost event alone normalizes to the same event (envelopes aside): one of its events
    // for an OpenMetadata ChangeEvent, which fans out. An event read back from a CloudEvent's data
    // (a normalized event, which keeps its envelope list) has its id checked against raw; its
    // other fields are taken as written.
    if event.native().envelope.is_empty() && !cloudevent {
        if let Ok(again) = metaevents::Parser::new().events(event.raw_json().as_bytes()) {
            if !again.is_empty() {
                assert!(
                    again.iter().any(|again| again.id() == event.id() && again.kind() == event.kind()),
                    "no event of its raw has its id and kind: {}",
                    event.raw_json()
                );
            }
        }
    }
    let _ = metaevents::validate(event);
}

/// Whether `data` may hold a `CloudEvent`, in plain sight or hidden (escapes, base64, gzip).
fn may_hold_cloudevent(data: &[u8]) -> bool {
    let has = |needle: &[u8]| data.windows(needle.len()).any(|window| window == needle);
    data.starts_with(b"\x1f\x8b") || [&b"specversion"[..], b"\\u", b"isBase64Encoded"].into_iter().any(has)
}

fuzz_target!(|data: &[u8]| {
    // The hand-written JSON parser and the serde_json reference agree on every text.
    if let Ok(text) = std::str::from_utf8(data) {
        if let Err(disagreement) = metaevents::__compare_json_parsers(text, 64) {
            panic!("{disagreement}");
        }
    }
    let cloudevent = may_hold_cloudevent(data);
    if let Ok(parsed) = metaevents::parse(data) {
        check(&parsed, cloudevent);
    }
    for record in metaevents::parse_many(data).flatten() {
        check(&record.parsed, cloudevent);
    }
});
