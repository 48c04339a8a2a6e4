//! Filter evaluation: for a filter (the first line) over an NDJSON corpus (the rest), every public
//! way to filter NDJSON returns the same lines (see `assert_filter_paths_agree`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use metaevents::Filter;

#[path = "../../crates/metaevents/tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let (head, corpus) = match data.iter().position(|b| *b == b'\n') {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &[][..]),
    };
    let Ok(spec) = serde_json::from_slice::<serde_json::Value>(head) else { return };
    let filters = [Filter::new(&spec), Filter::from_datahub_actions(&spec)];
    for filter in filters.into_iter().flatten() {
        invariants::assert_filter_paths_agree(&filter, corpus, 1 + corpus.len() % 7);
    }
});
