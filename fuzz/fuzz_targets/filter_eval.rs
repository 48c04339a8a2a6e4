//! Filter evaluation: for a filter (the first line) over an NDJSON corpus (the rest), the
//! prefiltered `filter_ndjson` returns exactly the lines that parsing and matching every line
//! returns.
#![no_main]

use libfuzzer_sys::fuzz_target;
use metaevents::{Filter, Parser};

fuzz_target!(|data: &[u8]| {
    let (head, corpus) = match data.iter().position(|b| *b == b'\n') {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &[][..]),
    };
    let Ok(spec) = serde_json::from_slice::<serde_json::Value>(head) else { return };
    let filters = [Filter::new(&spec), Filter::from_datahub_actions(&spec)];
    for filter in filters.into_iter().flatten() {
        let fast = filter.filter_ndjson(corpus);
        let reference = filter.filter_ndjson_exhaustive_with(&Parser::new(), corpus);
        assert_eq!(fast, reference, "prefilter changed the result of {spec}");
    }
});
