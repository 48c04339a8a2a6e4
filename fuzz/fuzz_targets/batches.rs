//! The batch builder over the parallel reader: input cut into small chunks parsed on two
//! threads, read into Arrow batches, must give the stream reader's events (as rows, in batches
//! of the asked size) and its errors, and the parallel reader its records; under small limits.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use metaevents::Workers;

// At the root, like in the tests' `support` module: the checks reach `super::invariants`.
#[path = "../../crates/metaevents/tests/support/batch_invariants.rs"]
mod batch_invariants;
#[path = "../../crates/metaevents/tests/support/invariants.rs"]
mod invariants;
#[path = "../../crates/metaevents/tests/support/parallel_invariants.rs"]
mod parallel_invariants;

static WORKERS: LazyLock<Workers> = LazyLock::new(|| Workers::new(2).expect("two threads"));

fuzz_target!(|input: &[u8]| {
    let Some((&knobs, data)) = input.split_first() else { return };
    let parser = parallel_invariants::parser_for(knobs);
    let chunk = 1 + usize::from(knobs) * 7 % 300;
    let step = 1 + usize::from(knobs % 7);
    parallel_invariants::assert_parallel_reading_keeps_outcomes(&parser, data, &WORKERS, chunk, step, None);
    batch_invariants::assert_batches_keep_outcomes(&parser, data, &WORKERS, chunk, step, 1 + usize::from(knobs % 5));
});
