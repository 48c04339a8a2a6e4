#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation,
    clippy::cast_possible_wrap,
    clippy::cast_sign_loss,
    reason = "a test harness"
)]
//! Property tests: normalizing never panics, ids are stable, `raw` round-trips, and the
//! prefiltered `filter_ndjson` returns exactly what parsing and matching every line returns.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use metaevents::cloudevents::CloudEventOptions;
use metaevents::{Filter, Parsed, Parser};
use proptest::prelude::*;
use serde_json::{Map, Value, json};

const URNS: &[&str] = &[
    "urn:li:dataset:(urn:li:dataPlatform:snowflake,analytics.public.orders,PROD)",
    "urn:li:dataset:(urn:li:dataPlatform:bigquery,proj.sales.customers,PROD)",
    "urn:li:schemaField:(urn:li:dataset:(urn:li:dataPlatform:hive,db.t,PROD),address.zip)",
    "urn:li:dashboard:(looker,dashboards.42)",
    "urn:li:dataJob:(urn:li:dataFlow:(airflow,daily_etl,prod),load_orders)",
    "urn:li:assertion:a1b2",
    "urn:li:dataProcessInstance:p9",
    "urn:li:actionRequest:r1",
    "urn:li:incident:i1",
];
const TAGS: &[&str] = &["urn:li:tag:PII", "urn:li:tag:Sensitive", "urn:li:tag:gold.tier", "urn:li:tag:caf\u{e9}"];
const ACTORS: &[&str] = &["urn:li:corpuser:jdoe", "urn:li:corpuser:datahub", "jsmith", "service-account"];
const CATEGORIES: &[&str] = &[
    "TAG",
    "GLOSSARY_TERM",
    "DOMAIN",
    "OWNER",
    "OWNERSHIP",
    "DOCUMENTATION",
    "DEPRECATION",
    "TECHNICAL_SCHEMA",
    "LIFECYCLE",
    "RUN",
    "BUSINESS_ATTRIBUTE",
    "STRUCTURED_PROPERTY",
    "INCIDENT",
    "APPLICATION",
];
const OPERATIONS: &[&str] = &[
    "ADD",
    "REMOVE",
    "MODIFY",
    "CREATE",
    "CREATED",
    "SOFT_DELETE",
    "HARD_DELETE",
    "REINSTATE",
    "STARTED",
    "COMPLETED",
    "PENDING",
    "ACTIVE",
    "RESOLVED",
    "EXPLODE",
];
const OPERATION_TYPES: &[&str] = &[
    "ENTITY_CREATE",
    "ENTITY_UPDATE",
    "ENTITY_DELETE",
    "BUSINESS_ATTRIBUTE_UPDATE",
    "CLASSIFICATION_ADD",
    "CLASSIFICATION_DELETE",
    "CLASSIFICATION_UPDATE",
    "RELATIONSHIP_CREATE",
    "RELATIONSHIP_DELETE",
    "ENTITY_PURGE",
];
const TYPE_NAMES: &[&str] = &["Table", "Column", "Process", "ColumnProcess", "AtlasGlossaryTerm", "Connection"];
const TAG_IDS: &[&str] = &["jUQpLPdg9hWoheH2eL9Ha2", "aBcDeF0123456789xyzQRS", "PIIhashX"];

fn pick(options: &'static [&'static str]) -> impl Strategy<Value = &'static str> {
    prop::sample::select(options)
}

/// A parameter value in one of the spellings the wire uses.
fn param_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        pick(TAGS).prop_map(Value::from),
        pick(URNS).prop_map(Value::from),
        (0i64..5).prop_map(Value::from),
        (0i64..5).prop_map(|n| Value::from(n.to_string())),
        any::<bool>().prop_map(Value::from),
        Just(Value::from("{}")),
        Just(Value::from("[\"v1\", 2.5]")),
        Just(Value::from("[urn:li:dataset:a, urn:li:dataset:b]")),
        Just(Value::Null),
        Just(json!({"nested": [1, "x"]})),
    ]
}

fn parameters() -> impl Strategy<Value = Value> {
    let names = prop::sample::select(
        &[
            "tagUrn",
            "termUrn",
            "ownerUrn",
            "ownerType",
            "domainUrn",
            "fieldPath",
            "fieldUrn",
            "nullable",
            "attempt",
            "runResult",
            "entities",
            "context",
            "propertyUrn",
            "propertyValues",
            "description",
            "actionRequestType",
            "extra",
        ][..],
    );
    prop::collection::btree_map(names, param_value(), 0..6)
        .prop_map(|map| Value::Object(map.into_iter().map(|(k, v)| (k.to_owned(), v)).collect::<Map<String, Value>>()))
}

fn datahub_event() -> impl Strategy<Value = Value> {
    (
        pick(URNS),
        pick(CATEGORIES),
        pick(OPERATIONS),
        proptest::option::of(pick(TAGS)),
        parameters(),
        pick(ACTORS),
        0i64..2_000_000_000_000,
        any::<bool>(),
    )
        .prop_map(|(urn, category, operation, modifier, parameters, actor, time, with_version)| {
            let entity_type = urn.split(':').nth(2).unwrap_or("dataset");
            let mut event = json!({
                "entityUrn": urn, "entityType": entity_type, "category": category, "operation": operation,
                "parameters": parameters, "auditStamp": {"actor": actor, "time": time},
            });
            if let Some(modifier) = modifier {
                event["modifier"] = json!(modifier);
            }
            if with_version {
                event["version"] = json!(0);
            }
            event
        })
}

fn atlan_message() -> impl Strategy<Value = Value> {
    (pick(OPERATION_TYPES), pick(TYPE_NAMES), prop::collection::vec(pick(TAG_IDS), 0..3), pick(ACTORS), 0i64..2_000_000_000_000, any::<bool>())
        .prop_map(|(operation_type, type_name, tags, actor, time, propagated)| {
            let guid = format!("guid-{}", time % 97);
            let mutated = match operation_type {
                "ENTITY_UPDATE" => json!({"typeName": type_name, "attributes": {"userDescription": "new text", "certificateStatus": "VERIFIED"}, "updatedBy": actor}),
                "BUSINESS_ATTRIBUTE_UPDATE" => json!({"UuPz0CjWHFuuKTCiTRwapk": {"jpf1oz5ux6MjmaOGPn9jMD": if propagated { Value::Null } else { json!("gold") }}}),
                op if op.starts_with("CLASSIFICATION") => Value::Array(
                    tags.iter()
                        .map(|tag| json!({"typeName": tag, "entityGuid": if propagated { "other-guid" } else { guid.as_str() }, "entityStatus": "ACTIVE", "propagate": true}))
                        .collect(),
                ),
                _ => Value::Null,
            };
            let mut message = json!({
                "type": "ENTITY_NOTIFICATION_V2",
                "operationType": operation_type,
                "eventTime": time,
                "entity": {
                    "typeName": type_name, "guid": guid, "updatedBy": actor,
                    "attributes": {"name": "ORDERS", "qualifiedName": "default/snowflake/1686232245/DB/SCHEMA/ORDERS", "connectorName": "snowflake"},
                    "deleteHandler": if propagated { "HARD" } else { "DEFAULT" },
                },
            });
            if operation_type.starts_with("RELATIONSHIP") {
                message["relationship"] = json!({"typeName": "AtlasGlossarySemanticAssignment", "guid": "rel-1", "end1": {"guid": guid, "typeName": type_name}, "end2": {"guid": "term-1", "typeName": "AtlasGlossaryTerm"}});
            }
            if !mutated.is_null() {
                message["mutatedDetails"] = mutated;
            }
            message
        })
}

/// An event in one of its envelopes, as one NDJSON line.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        datahub_event().prop_map(|ece| ece.to_string()),
        datahub_event().prop_map(|ece| json!({"header": {"timestampMillis": 1}, "name": "entityChangeEvent", "payload": {"contentType": "application/json", "value": ece.to_string()}}).to_string()),
        datahub_event().prop_map(|ece| json!({"event_type": "EntityChangeEvent_v1", "event": ece, "meta": {}}).to_string()),
        atlan_message().prop_map(|message| json!({"version": {"version": "1.0.0"}, "msgCreationTime": 5, "msgCompressionKind": "NONE", "msgSplitIdx": 1, "msgSplitCount": 1, "message": message}).to_string()),
        atlan_message().prop_map(|message| message.to_string()),
        atlan_message().prop_map(|message| json!({"body": json!({"msgCreationTime": 5, "message": message}).to_string(), "headers": {}, "isBase64Encoded": false}).to_string()),
        datahub_event().prop_map(|ece| json!({"specversion": "1.0", "id": "x", "source": "/s", "type": "t", "data": ece}).to_string()),
        atlan_message().prop_map(|message| json!({"specversion": "1.0", "id": "x", "source": "/s", "type": "t", "data_base64": BASE64.encode(message.to_string())}).to_string()),
        datahub_event().prop_map(|ece| match metaevents::parse(ece.to_string().as_bytes()) {
            Ok(Parsed::Event(event)) => event.to_cloudevent_json(&CloudEventOptions::new()),
            _ => ece.to_string(),
        }),
        Just(r#"{"atlan-webhook": "Hello, humans of data! It worked. Excited to see what you build!"}"#.to_owned()),
        Just(r#"{"entityUrn": "urn:li:dataset:x", "category": "TAG""#.to_owned()),
        Just("not json at all".to_owned()),
        Just(String::new()),
    ]
}

/// A zig-zag varint, as Avro writes a `long`.
fn avro_long(value: i64, out: &mut Vec<u8>) {
    let mut n = ((value << 1) ^ (value >> 63)) as u64;
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// A `PlatformEvent` Kafka record (Confluent's wire format around the Avro body).
fn kafka_record(schema_id: u32, time: i64, name: &str, value: &[u8], content_type: &str) -> Vec<u8> {
    let mut out = vec![0];
    out.extend_from_slice(&schema_id.to_be_bytes());
    avro_long(time, &mut out);
    for part in [name.as_bytes(), value, content_type.as_bytes()] {
        avro_long(part.len() as i64, &mut out);
        out.extend_from_slice(part);
    }
    out
}

fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        pick(TAGS).prop_map(Value::from),
        pick(URNS).prop_map(Value::from),
        pick(ACTORS).prop_map(Value::from),
        pick(TAG_IDS).prop_map(Value::from),
        pick(&[
            "snowflake",
            "ORDERS",
            "dataset",
            "Table",
            "TAG",
            "ADD",
            "BUSINESS_OWNER",
            "UuPz0CjWHFuuKTCiTRwapk.jpf1oz5ux6MjmaOGPn9jMD",
            "1",
            "true"
        ])
        .prop_map(Value::from),
        (0i64..5).prop_map(Value::from),
        any::<bool>().prop_map(Value::from),
        Just(Value::Null),
    ]
}

fn path() -> impl Strategy<Value = &'static str> {
    pick(&[
        "kind",
        "source",
        "actor",
        "subjects",
        "entity.id",
        "entity.type",
        "entity.name",
        "entity.platform",
        "entity.qualifiedName",
        "details.tagUrn",
        "details.ownerType",
        "details.attempt",
        "details.tags.tagId",
        "details.changes.setId",
        "native.category",
        "native.operation",
        "native.operationType",
        "native.envelope",
        "raw.parameters.tagUrn",
        "raw.entity.attributes.name",
        "raw.modifier",
        "time",
    ])
}

fn match_value(path: &'static str) -> BoxedStrategy<Value> {
    if path == "kind" {
        return pick(&["tag.added", "tag.*", "owner.removed", "entity.*", "unknown", "custom_metadata.updated", "*"])
            .prop_map(Value::from)
            .boxed();
    }
    if path == "source" {
        return pick(&["datahub", "atlan"]).prop_map(Value::from).boxed();
    }
    prop_oneof![
        scalar(),
        prop::collection::vec(scalar(), 1..3).prop_map(Value::Array),
        (
            pick(&["eq", "ne", "prefix", "suffix", "contains"]),
            pick(&["urn:li:tag:", "PII", "snow", "ORDERS", "jdoe", "TAG"])
        )
            .prop_map(|(op, text)| json!({ op: text })),
        any::<bool>().prop_map(|flag| json!({"exists": flag})),
        (pick(&["gt", "lte"]), 0i64..5).prop_map(|(op, n)| json!({ op: n })),
        Just(json!({"glob": "urn:li:tag:*"})),
        Just(json!({"regex": "(?i)pii|sensitive"})),
    ]
    .boxed()
}

fn leaf() -> impl Strategy<Value = Value> {
    path().prop_flat_map(|path| match_value(path).prop_map(move |value| json!({ path: value })))
}

fn filter_spec() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(3, 12, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 1..3).prop_map(|items| json!({"any": items})),
            prop::collection::vec(inner.clone(), 1..3).prop_map(|items| json!({"all": items})),
            inner.clone().prop_map(|item| json!({"not": item})),
            (inner.clone(), inner).prop_map(|(a, b)| {
                let mut merged = a.as_object().cloned().unwrap_or_default();
                merged.extend(b.as_object().cloned().unwrap_or_default());
                Value::Object(merged)
            }),
        ]
    })
}

fn actions_config() -> impl Strategy<Value = Value> {
    let predicate = prop::collection::btree_map(
        pick(&["category", "operation", "modifier", "entityType", "parameters"]),
        prop_oneof![
            scalar(),
            prop::collection::vec(scalar(), 1..3).prop_map(Value::Array),
            Just(json!({})),
            Just(json!({"tagUrn": "urn:li:tag:PII"})),
            Just(json!({"context": {}})),
        ],
        0..3,
    )
    .prop_map(|map| Value::Object(map.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()))
    .boxed();
    prop_oneof![
        predicate.clone().prop_map(|event| json!({"filter": {"event_type": "EntityChangeEvent_v1", "event": event}})),
        prop::collection::vec(predicate, 0..3).prop_map(|preds| json!({"filters": [{"type": "event_type", "config": {"filter": {"EntityChangeEvent_v1": {"event": preds}}}}]})),
    ]
}

fn parse_then_match(filter: &Filter, corpus: &str) -> Vec<usize> {
    // The reference: every line parsed in order (split messages keep their state), then matched.
    filter.filter_ndjson_exhaustive_with(&Parser::new(), corpus.as_bytes())
}

mod support {
    pub mod invariants;
}
use support::invariants::{assert_filter_paths_agree, assert_ids_tell_events_apart, mutate_leaf};

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn parsing_arbitrary_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = metaevents::parse(&bytes);
        let _ = metaevents::parse_many(&bytes).count();
    }

    #[test]
    fn parsing_mutated_events_never_panics(line in line(), cut in 0usize..400, byte in any::<u8>()) {
        let mut bytes = line.into_bytes();
        if !bytes.is_empty() {
            let at = cut % bytes.len();
            bytes[at] = byte;
        }
        let _ = metaevents::parse(&bytes);
        let truncated = &bytes[..cut.min(bytes.len())];
        let _ = metaevents::parse_many(truncated).count();
    }

    #[test]
    fn ids_are_stable_and_raw_round_trips(event in datahub_event(), spaced in any::<bool>()) {
        let compact = event.to_string();
        let pretty = if spaced { serde_json::to_string_pretty(&event).unwrap() } else { compact.clone() };
        let Ok(Parsed::Event(first)) = metaevents::parse(compact.as_bytes()) else { return Ok(()) };
        let Ok(Parsed::Event(second)) = metaevents::parse(pretty.as_bytes()) else { panic!("pretty form failed") };
        prop_assert_eq!(first.id(), second.id());
        prop_assert_eq!(first.raw(), event.clone());
        prop_assert_eq!(second.raw(), event.clone());
        // Null-valued optionals (as datahub-actions writes them) and other envelopes keep the id.
        let mut with_nulls = event.clone();
        if with_nulls.get("modifier").is_none() { with_nulls["modifier"] = Value::Null; }
        with_nulls["auditStamp"]["impersonator"] = Value::Null;
        let wrapped = [
            json!({"event_type": "EntityChangeEvent_v1", "event": with_nulls, "meta": {"kafka": {"offset": 3}}}).to_string(),
            json!({"name": "entityChangeEvent", "header": {"timestampMillis": 1}, "payload": {"value": compact, "contentType": "application/json"}}).to_string(),
            json!({"offsetId": "x", "count": 1, "events": [{"contentType": "application/json", "value": json!({"name": "entityChangeEvent", "payload": {"value": compact}}).to_string()}]}).to_string(),
            json!({"version": "0", "detail-type": "x", "source": "datahub", "detail": event}).to_string(),
        ];
        for text in wrapped {
            let Ok(Parsed::Event(other)) = metaevents::parse(text.as_bytes()) else { panic!("envelope failed: {text}") };
            prop_assert_eq!(other.id(), first.id());
            let mut a = first.to_value(false);
            let mut b = other.to_value(false);
            a["native"]["envelope"] = Value::Null;
            b["native"]["envelope"] = Value::Null;
            prop_assert_eq!(a, b);
        }
    }

    #[test]
    fn kafka_records_are_their_platform_event(event in datahub_event(), schema_id in any::<u32>(), time in any::<i64>()) {
        let ece = event.to_string();
        let record = kafka_record(schema_id, time, "entityChangeEvent", ece.as_bytes(), "application/json");
        let bare = metaevents::parse(ece.as_bytes());
        let kafka = metaevents::parse(&record);
        match (bare, kafka) {
            (Ok(Parsed::Event(bare)), Ok(Parsed::Event(kafka))) => {
                prop_assert_eq!(bare.id(), kafka.id());
                prop_assert_eq!(kafka.native().schema_id, Some(schema_id));
                let names: Vec<&str> = kafka.native().envelope.iter().map(|format| format.as_str()).collect();
                prop_assert_eq!(names, ["kafka-avro", "datahub-platform-event"]);
                let mut a = bare.to_value(true);
                let mut b = kafka.to_value(true);
                for value in [&mut a, &mut b] {
                    value["native"].as_object_mut().unwrap().retain(|key, _| key != "envelope" && key != "schemaId");
                }
                prop_assert_eq!(a, b);
            }
            (Err(bare), Err(kafka)) => prop_assert_eq!(bare.kind(), kafka.kind()),
            (bare, kafka) => panic!("bare {bare:?} but kafka {kafka:?}"),
        }
        // The same record in a length-prefixed stream and as base64 text.
        let mut framed = (record.len() as i32).to_be_bytes().to_vec();
        framed.extend_from_slice(&record);
        let kafka_format = Parser::new().with_format(metaevents::InputFormat::KafkaAvro);
        let streamed: Vec<_> = kafka_format.parse_many(&framed).collect();
        prop_assert_eq!(streamed.len(), 1);
        let text = BASE64.encode(&record);
        prop_assert_eq!(streamed[0].as_ref().ok().map(|r| r.parsed.clone()), kafka_format.parse(text.as_bytes()).ok());
    }

    #[test]
    fn kafka_bodies_never_panic(body in prop::collection::vec(any::<u8>(), 0..256), framed in any::<bool>()) {
        let mut record = vec![0, 0, 0, 0, 4];
        record.extend_from_slice(&body);
        let _ = metaevents::parse(&record);
        let kafka_format = Parser::new().with_format(metaevents::InputFormat::KafkaAvro);
        let input = if framed { [&[0, 0, 0, body.len() as u8][..], &record].concat() } else { body.clone() };
        let _ = kafka_format.parse_many(&input).count();
        let _ = kafka_format.parse(&body);
    }

    #[test]
    fn ids_tell_apart_events_that_differ_in_any_leaf(line in line(), choice in any::<usize>(), how in any::<u8>()) {
        // One leaf changed anywhere (null <-> absent inside payloads included): a different id,
        // unless the change is one of the documented equivalences.
        let Ok(mut value) = serde_json::from_str::<Value>(&line) else { return Ok(()) };
        mutate_leaf(&mut value, choice, how);
        assert_ids_tell_events_apart(line.as_bytes(), value.to_string().as_bytes());
    }

    #[test]
    fn events_read_back_from_their_json(line in line()) {
        for record in metaevents::parse_many(line.as_bytes()).flatten() {
            if let Parsed::Event(event) = record.parsed {
                let json = event.to_json(true);
                let back = metaevents::Event::from_json(&json).unwrap();
                prop_assert_eq!(&back, &event);
                prop_assert_eq!(back.to_json(true), json);
            }
        }
    }

    #[test]
    fn atlan_raw_round_trips(message in atlan_message()) {
        let envelope = json!({"msgCreationTime": 5, "msgSplitCount": 1, "message": message}).to_string();
        if let Ok(Parsed::Event(event)) = metaevents::parse(envelope.as_bytes()) {
            prop_assert_eq!(event.raw(), message.clone());
            let Ok(Parsed::Event(bare)) = metaevents::parse(message.to_string().as_bytes()) else { panic!("bare message failed") };
            prop_assert_eq!(bare.id(), event.id());
        }
    }

    #[test]
    fn prefiltered_scan_equals_parse_then_match(lines in prop::collection::vec(line(), 0..40), spec in filter_spec()) {
        let corpus = lines.join("\n");
        let Ok(filter) = Filter::new(&spec) else { return Ok(()) };
        assert_filter_paths_agree(&filter, corpus.as_bytes(), 1 + lines.len() % 7);
    }

    #[test]
    fn prefiltered_actions_scan_equals_parse_then_match(lines in prop::collection::vec(line(), 0..40), config in actions_config()) {
        let corpus = lines.join("\n");
        let filter = Filter::from_datahub_actions(&config).unwrap();
        assert_filter_paths_agree(&filter, corpus.as_bytes(), 1 + lines.len() % 7);
    }
}

#[test]
fn readers_events_and_filters_cross_threads() {
    fn send_and_sync<T: Send + Sync>() {}
    fn send<T: Send>() {}
    send_and_sync::<metaevents::Event>();
    send_and_sync::<Filter>();
    send_and_sync::<Parser>();
    send::<metaevents::EventReader<'static>>();
}

#[test]
fn from_json_rejects_what_is_not_an_event() {
    for bad in [r#"{"id": "x"}"#, "not json", r#"{"id":"00","source":"datahub"}"#] {
        assert!(metaevents::Event::from_json(bad).is_err(), "{bad}");
    }
}

#[test]
fn reference_scan_is_line_by_line_parse_then_match() {
    // The reference above must itself agree with parsing each line alone (no split messages here).
    let corpus = [
        json!({"entityUrn": URNS[0], "entityType": "dataset", "category": "TAG", "operation": "ADD", "parameters": {"tagUrn": "urn:li:tag:PII"}, "auditStamp": {"actor": "a", "time": 1}}).to_string(),
        "garbage".to_owned(),
        json!({"entityUrn": URNS[1], "entityType": "dataset", "category": "TAG", "operation": "REMOVE", "parameters": {"tagUrn": "urn:li:tag:PII"}, "auditStamp": {"actor": "a", "time": 1}}).to_string(),
    ]
    .join("\n");
    let filter = Filter::new(&json!({"kind": "tag.*", "subjects": "urn:li:tag:PII"})).unwrap();
    let by_line: Vec<usize> = corpus
        .lines()
        .enumerate()
        .filter(|(_, line)| metaevents::parse(line.as_bytes()).is_ok_and(|parsed| filter.matches_parsed(&parsed)))
        .map(|(index, _)| index)
        .collect();
    assert_eq!(by_line, [0, 2]);
    assert_eq!(parse_then_match(&filter, &corpus), by_line);
    assert_eq!(filter.filter_ndjson(corpus.as_bytes()), by_line);
}
