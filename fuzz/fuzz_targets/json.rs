//! The hand-written JSON parser against the `serde_json` reference on the same text: both accept
//! or both reject it, and accepted text gives identical trees (strings, escapes, every number's
//! exact value and type). Depth limits from 1 to 8 come from the first byte.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&knob, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let depth = 1 + usize::from(knob % 8);
    if let Err(disagreement) = metaevents::__compare_json_parsers(text, depth) {
        panic!("{disagreement}");
    }
    if let Err(disagreement) = metaevents::__compare_json_parsers(text, 64) {
        panic!("{disagreement}");
    }
});
