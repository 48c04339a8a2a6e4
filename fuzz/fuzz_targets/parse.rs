//! Parse + normalize arbitrary bytes: never panics, and every event it gives holds the
//! invariants of the contract (its raw re-parses to an event of the same id and kind — one of
//! several for an OpenMetadata ChangeEvent; its JSON is valid).
#![no_main]

use libfuzzer_sys::fuzz_target;
use metaevents::Parsed;

fn check(parsed: &Parsed) {
    let Parsed::Event(event) = parsed else { return };
    let json = event.to_json(true);
    let value: serde_json::Value = serde_json::from_str(&json).expect("event JSON is valid");
    assert_eq!(value["id"].as_str().map(str::len), Some(32));
    assert!(event.time().abs() <= (1 << 53) - 1, "time beyond 2^53");
    // The innermost event alone normalizes to the same event (envelopes aside).
    if event.native().envelope.is_empty() {
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

fuzz_target!(|data: &[u8]| {
    if let Ok(parsed) = metaevents::parse(data) {
        check(&parsed);
    }
    for record in metaevents::parse_many(data).flatten() {
        check(&record.parsed);
    }
});
