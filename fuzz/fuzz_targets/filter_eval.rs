//! Filter evaluation: for a filter (the first line) over an NDJSON corpus (the rest), every public
//! way to filter NDJSON returns the same lines (see `assert_filter_paths_agree`).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../crates/metaevents/tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    invariants::check_filter_input(data, false);
});
