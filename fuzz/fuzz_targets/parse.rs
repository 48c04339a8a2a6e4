//! Parse + normalize arbitrary bytes: never panics, and every event it gives holds the
//! invariants of the contract (its raw re-parses to the same id and kind; its JSON is valid).
#![no_main]

use libfuzzer_sys::fuzz_target;
use metaevents::Parsed;

fn check(parsed: &Parsed) {
    let Parsed::Event(event) = parsed else { return };
    let json = event.to_json(true);
    let value: serde_json::Value = serde_json::from_str(&json).expect("event JSON is valid");
    assert_eq!(value["id"].as_str().map(str::len), Some(32));
    assert!(event.time().is_none_or(|time| time.abs() < (1 << 53)), "time beyond 2^53");
    // The innermost event alone normalizes to the same event (envelopes aside).
    if event.native().envelope.is_empty() {
        if let Ok(Parsed::Event(again)) = metaevents::parse(event.raw_json().as_bytes()) {
            assert_eq!(again.id(), event.id());
            assert_eq!(again.kind(), event.kind());
        }
    }
    let _ = metaevents::validate(event);
}

fuzz_target!(|data: &[u8]| {
    // The hand-written JSON parser and the serde_json reference agree on every text.
    if let Ok(text) = std::str::from_utf8(data) {
        if let Err(disagreement) = metaevents::__compare_json_parsers(text, 64) {
            panic!("{disagreement}");
        }
    }
    if let Ok(parsed) = metaevents::parse(data) {
        check(&parsed);
    }
    for record in metaevents::parse_many(data).flatten() {
        check(&record.parsed);
    }
});
