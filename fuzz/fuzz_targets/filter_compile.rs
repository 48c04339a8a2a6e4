//! Filter compilation from arbitrary JSON (and datahub-actions configs from JSON and YAML):
//! never panics; a compiled filter can be evaluated.
#![no_main]

use libfuzzer_sys::fuzz_target;
use metaevents::Filter;

const EVENT: &[u8] = br#"{"entityUrn":"urn:li:dataset:(urn:li:dataPlatform:snowflake,db.s.t,PROD)","entityType":"dataset","category":"TAG","operation":"ADD","parameters":{"tagUrn":"urn:li:tag:PII","context":"{}"},"auditStamp":{"actor":"urn:li:corpuser:jdoe","time":1}}"#;

fuzz_target!(|data: &[u8]| {
    let event = metaevents::parse(EVENT).ok();
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(spec) = serde_json::from_str::<serde_json::Value>(text) {
        for filter in [Filter::new(&spec), Filter::from_datahub_actions(&spec)].into_iter().flatten() {
            if let Some(event) = &event {
                let _ = filter.matches_parsed(event);
            }
            let _ = filter.filter_ndjson(EVENT);
        }
    }
    if let Ok(filter) = Filter::from_datahub_actions_yaml(text) {
        let _ = filter.filter_ndjson(EVENT);
    }
});
