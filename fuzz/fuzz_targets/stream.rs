//! The stream reader over a reader that hands out a few bytes at a time, with small limits:
//! exercises refills, record boundaries, skipping of oversized records and every limit.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../crates/metaevents/tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|input: &[u8]| {
    let Some((&knobs, data)) = input.split_first() else { return };
    invariants::assert_chunking_keeps_outcomes(knobs, data, 1 + usize::from(knobs % 7));
});
