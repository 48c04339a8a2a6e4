//! Strategies for property tests: events of both platforms in every envelope, as NDJSON lines,
//! and filters over them. Shared by `tests/properties.rs` and `tests/parallel.rs`.
#![allow(dead_code, reason = "each includer uses some of the strategies")]

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use metaevents::cloudevents::CloudEventOptions;
use proptest::prelude::*;
use serde_json::{Map, Value, json};

pub const URNS: &[&str] = &[
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
pub const TAGS: &[&str] = &["urn:li:tag:PII", "urn:li:tag:Sensitive", "urn:li:tag:gold.tier", "urn:li:tag:caf\u{e9}"];
pub const ACTORS: &[&str] = &["urn:li:corpuser:jdoe", "urn:li:corpuser:datahub", "jsmith", "service-account"];
pub const CATEGORIES: &[&str] = &[
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
pub const OPERATIONS: &[&str] = &[
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
pub const OPERATION_TYPES: &[&str] = &[
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
pub const TYPE_NAMES: &[&str] = &["Table", "Column", "Process", "ColumnProcess", "AtlasGlossaryTerm", "Connection"];
pub const TAG_IDS: &[&str] = &["jUQpLPdg9hWoheH2eL9Ha2", "aBcDeF0123456789xyzQRS", "PIIhashX"];

pub fn pick(options: &'static [&'static str]) -> impl Strategy<Value = &'static str> {
    prop::sample::select(options)
}

/// A parameter value in one of the spellings the wire uses.
pub fn param_value() -> impl Strategy<Value = Value> {
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

pub fn parameters() -> impl Strategy<Value = Value> {
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

pub fn datahub_event() -> impl Strategy<Value = Value> {
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

pub fn atlan_message() -> impl Strategy<Value = Value> {
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

/// One OpenMetadata `FieldChange` of the shapes the server writes (lists as JSON text or plain
/// JSON, descriptions as raw text, `deleted` as booleans), in the list it goes to.
pub fn field_change() -> impl Strategy<Value = (&'static str, Value)> {
    let label = |fqn: &str, source: &str, propagated: bool| json!({"tagFQN": fqn, "source": source, "labelType": if propagated { "Propagated" } else { "Manual" }, "state": "Confirmed"});
    (0usize..12, any::<bool>(), any::<bool>()).prop_map(move |(which, as_text, flag)| {
        let text = |value: Value| if as_text { Value::String(value.to_string()) } else { value };
        let tags = text(json!([label("PII.Sensitive", "Classification", flag), label("Business Glossary.Customer", "Glossary", false)]));
        let owner = json!({"id": "u1", "type": "user", "name": "jdoe", "fullyQualifiedName": "jdoe"});
        let column = |data_type: &str| json!({"name": "email", "dataType": data_type, "fullyQualifiedName": "svc.db.s.orders.email"});
        match which {
            0 => ("fieldsAdded", json!({"name": "tags", "newValue": tags})),
            1 => ("fieldsDeleted", json!({"name": "columns.email.tags", "oldValue": tags})),
            2 => ("fieldsAdded", json!({"name": "owners", "newValue": text(json!([owner]))})),
            3 => ("fieldsUpdated", json!({"name": "description", "oldValue": if flag { "" } else { "old text" }, "newValue": "new text"})),
            4 => ("fieldsUpdated", json!({"name": "entityStatus", "oldValue": "Approved", "newValue": if flag { "Deprecated" } else { "Draft" }})),
            5 => ("fieldsDeleted", json!({"name": "columns", "oldValue": text(json!([column("VARCHAR")]))})),
            6 => ("fieldsAdded", json!({"name": "columns", "newValue": text(json!([column("TEXT")]))})),
            7 => ("fieldsUpdated", json!({"name": "columns.\"dim.shop\".dataLength", "oldValue": 10, "newValue": 20})),
            8 => ("fieldsAdded", json!({"name": "followers", "newValue": [owner]})),
            9 => ("fieldsUpdated", json!({"name": "deleted", "oldValue": !flag, "newValue": flag})),
            10 => ("fieldsDeleted", json!({"name": "domains", "oldValue": text(json!([{"id": "d1", "type": "domain", "name": "Sales", "fullyQualifiedName": "Sales"}]))})),
            _ => ("fieldsUpdated", json!({"name": "testCaseResult", "newValue": {"testCaseStatus": "Failed"}})),
        }
    })
}

/// An OpenMetadata `ChangeEvent`: an event type and a few changes.
pub fn openmetadata_event() -> impl Strategy<Value = Value> {
    (
        pick(&[
            "entityUpdated",
            "entityUpdated",
            "entityCreated",
            "entitySoftDeleted",
            "entityDeleted",
            "entityRestored",
            "threadCreated",
        ]),
        prop::collection::vec(field_change(), 0..4),
        pick(ACTORS),
        0i64..2_000_000_000_000,
        any::<bool>(),
    )
        .prop_map(|(event_type, changes, actor, time, quoted)| {
            let mut description = json!({"fieldsAdded": [], "fieldsUpdated": [], "fieldsDeleted": []});
            for (list, change) in changes {
                description[list].as_array_mut().unwrap().push(change);
            }
            let fqn = if quoted { "svc.db.s.\"dim.orders\"" } else { "svc.db.s.orders" };
            json!({
                "id": format!("e-{time}"), "eventType": event_type, "entityType": "table", "entityId": "t1",
                "entityFullyQualifiedName": fqn, "userName": actor, "timestamp": time, "changeDescription": description,
                "entity": json!({"id": "t1", "fullyQualifiedName": fqn, "serviceType": "Snowflake"}).to_string(),
            })
        })
}

/// An event in one of its envelopes, as one NDJSON line.
pub fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        datahub_event().prop_map(|ece| ece.to_string()),
        datahub_event().prop_map(|ece| json!({"header": {"timestampMillis": 1}, "name": "entityChangeEvent", "payload": {"contentType": "application/json", "value": ece.to_string()}}).to_string()),
        datahub_event().prop_map(|ece| json!({"event_type": "EntityChangeEvent_v1", "event": ece, "meta": {}}).to_string()),
        atlan_message().prop_map(|message| json!({"version": {"version": "1.0.0"}, "msgCreationTime": 5, "msgCompressionKind": "NONE", "msgSplitIdx": 1, "msgSplitCount": 1, "message": message}).to_string()),
        atlan_message().prop_map(|message| message.to_string()),
        atlan_message().prop_map(|message| json!({"body": json!({"msgCreationTime": 5, "message": message}).to_string(), "headers": {}, "isBase64Encoded": false}).to_string()),
        openmetadata_event().prop_map(|event| event.to_string()),
        openmetadata_event().prop_map(|event| json!({"data": [event], "paging": {"total": 1}}).to_string()),
        openmetadata_event().prop_map(|event| json!({"body": event.to_string(), "headers": {"x-om-signature": "sha256=x"}, "isBase64Encoded": false}).to_string()),
        Just(r#"{"message": "This is a test message from OpenMetadata to confirm your webhook destination is configured correctly."}"#.to_owned()),
        datahub_event().prop_map(|ece| json!({"specversion": "1.0", "id": "x", "source": "/s", "type": "t", "data": ece}).to_string()),
        atlan_message().prop_map(|message| json!({"specversion": "1.0", "id": "x", "source": "/s", "type": "t", "data_base64": BASE64.encode(message.to_string())}).to_string()),
        datahub_event().prop_map(|ece| match metaevents::parse(ece.to_string().as_bytes()) {
            Ok(metaevents::Parsed::Event(event)) => event.to_cloudevent_json(&CloudEventOptions::new()),
            _ => ece.to_string(),
        }),
        Just(r#"{"atlan-webhook": "Hello, humans of data! It worked. Excited to see what you build!"}"#.to_owned()),
        Just(r#"{"entityUrn": "urn:li:dataset:x", "category": "TAG""#.to_owned()),
        Just("not json at all".to_owned()),
        Just(String::new()),
    ]
}

pub fn scalar() -> impl Strategy<Value = Value> {
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
            "true",
            "PII.Sensitive",
            "Business Glossary.Customer",
            "DEPRECATED",
            "TYPE_CHANGE",
            "email",
            "dim.shop",
            "entityUpdated",
            "tags",
            "svc.db.s.orders.email",
            "svc.db.s.orders.\"dim.shop\"",
        ])
        .prop_map(Value::from),
        (0i64..5).prop_map(Value::from),
        any::<bool>().prop_map(Value::from),
        Just(Value::Null),
    ]
}

pub fn path() -> impl Strategy<Value = &'static str> {
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
        "entity.fieldPath",
        "details.status",
        "details.modificationCategory",
        "details.fieldPath",
        "details.changes.name",
        "details.tags.tagFQN",
        "native.eventType",
        "native.fields",
        "native.part",
    ])
}

pub fn match_value(path: &'static str) -> BoxedStrategy<Value> {
    if path == "kind" {
        return pick(&[
            "tag.added",
            "tag.*",
            "owner.removed",
            "entity.*",
            "unknown",
            "custom_metadata.updated",
            "*",
            "term.added",
            "schema.*",
            "deprecation.changed",
            "documentation.*",
            "entity.updated",
        ])
        .prop_map(Value::from)
        .boxed();
    }
    if path == "source" {
        return pick(&["datahub", "atlan", "openmetadata"]).prop_map(Value::from).boxed();
    }
    prop_oneof![
        scalar(),
        prop::collection::vec(scalar(), 1..3).prop_map(Value::Array),
        (
            pick(&["eq", "ne", "prefix", "suffix", "contains"]),
            pick(&["urn:li:tag:", "PII", "snow", "ORDERS", "jdoe", "TAG", "PII.", "dim.", ".email", "tags"])
        )
            .prop_map(|(op, text)| json!({ op: text })),
        any::<bool>().prop_map(|flag| json!({"exists": flag})),
        (pick(&["gt", "lte"]), 0i64..5).prop_map(|(op, n)| json!({ op: n })),
        Just(json!({"glob": "urn:li:tag:*"})),
        Just(json!({"regex": "(?i)pii|sensitive"})),
    ]
    .boxed()
}

pub fn leaf() -> impl Strategy<Value = Value> {
    path().prop_flat_map(|path| match_value(path).prop_map(move |value| json!({ path: value })))
}

pub fn filter_spec() -> impl Strategy<Value = Value> {
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

pub fn actions_config() -> impl Strategy<Value = Value> {
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
