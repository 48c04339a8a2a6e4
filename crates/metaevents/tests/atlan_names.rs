#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing, reason = "a test harness")]
//! Atlan's hashed ids with display names from its typedefs: the names appear beside the ids,
//! filters match on them (the byte prefilter must not rule those lines out), ids stay subjects.

use metaevents::{AtlanNames, Filter, Parser};
use serde_json::json;

fn tagged(tag_id: &str) -> String {
    json!({"type": "ENTITY_NOTIFICATION_V2", "operationType": "CLASSIFICATION_ADD", "eventTime": 1,
        "entity": {"typeName": "Table", "guid": "g1", "attributes": {"qualifiedName": "default/snowflake/1/DB/S/T", "name": "T"}},
        "mutatedDetails": [{"typeName": tag_id, "entityGuid": "g1"}]})
    .to_string()
}

#[test]
fn display_names_sit_beside_ids_and_filters_match_them() {
    let names = AtlanNames::from_value(&json!({"jUQpLPdg9hWoheH2eL9Ha2": "PII"})).unwrap();
    let parser = Parser::new().with_atlan_names(names);
    let event = parser.parse(tagged("jUQpLPdg9hWoheH2eL9Ha2").as_bytes()).unwrap().into_event().unwrap();
    assert_eq!(event.subjects(), ["jUQpLPdg9hWoheH2eL9Ha2"]);
    assert_eq!(event.detail("tags").unwrap()[0]["name"], "PII");
    let unknown = parser.parse(tagged("zzzUnknownTagId").as_bytes()).unwrap().into_event().unwrap();
    assert!(unknown.detail("tags").unwrap()[0].get("name").is_none());

    let filter = Filter::new(&json!({"kind": "tag.added", "details.tags.name": "PII"})).unwrap();
    assert!(filter.matches(&event));
    assert!(!filter.matches(&unknown));
    let corpus = format!("{}\n{}\n", tagged("zzzUnknownTagId"), tagged("jUQpLPdg9hWoheH2eL9Ha2"));
    assert_eq!(filter.filter_ndjson_with(&parser, corpus.as_bytes()), [1]);
}
