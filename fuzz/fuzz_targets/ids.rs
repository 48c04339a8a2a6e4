//! Ids never merge different events: an input event and a copy with one leaf changed (picked by
//! the first bytes) get different ids, unless the change is a documented equivalence.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../crates/metaevents/tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let [choice, how, rest @ ..] = data else { return };
    let Ok(mut value) = serde_json::from_slice::<serde_json::Value>(rest) else { return };
    invariants::mutate_leaf(&mut value, usize::from(*choice), *how);
    invariants::assert_ids_tell_events_apart(rest, value.to_string().as_bytes());
});
