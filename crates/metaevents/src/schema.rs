//! The JSON Schema (draft 2020-12) of the normalized event, built from the catalog: the common
//! fields, and for every (kind, platform) the typed `details` it carries.

use serde_json::{Map, Value, json};

use crate::catalog::{Catalog, ParamType};
use crate::filter::OPERATORS;
use crate::model::{Kind, NativeFormat, Source};
use crate::normalize::notification::evidence::Evidence;
use crate::options::InputFormat;

fn param_schema(ty: ParamType) -> Value {
    match ty {
        ParamType::String | ParamType::Urn => json!({"type": "string"}),
        ParamType::Integer | ParamType::Timestamp => json!({"type": "integer"}),
        ParamType::Boolean => json!({"type": "boolean"}),
        ParamType::Json => json!({}),
        ParamType::UrnList | ParamType::StringList => json!({"type": "array", "items": {"type": "string"}}),
        ParamType::Object => json!({"type": "object"}),
        ParamType::ObjectList => json!({"type": "array", "items": {"type": "object"}}),
    }
}

fn nullable_string() -> Value {
    json!({"type": ["string", "null"]})
}

/// The schema.
pub fn event_schema() -> Value {
    let catalog = Catalog::builtin();
    let kinds: Vec<&str> = Kind::ALL.iter().map(|kind| kind.as_str()).collect();
    let sources: Vec<&str> = Source::ALL.iter().map(|source| source.as_str()).collect();
    let formats: Vec<&str> = NativeFormat::ALL.iter().map(|format| format.as_str()).collect();
    let envelopes: Vec<&str> = InputFormat::ALL.iter().map(|format| format.as_str()).collect();
    let evidence: Vec<&str> = Evidence::ALL.iter().map(|evidence| evidence.as_str()).collect();
    let platforms: Vec<&str> = Source::ALL.iter().map(|source| source.display_name()).collect();
    let mut conditions = Vec::new();
    for entry in catalog.entries() {
        let mut properties = Map::new();
        let mut required = Vec::new();
        for param in entry.params {
            let mut schema = param_schema(param.ty);
            if let Value::Object(object) = &mut schema {
                object.insert("description".to_owned(), Value::String(param.description.to_owned()));
            }
            properties.insert(param.name.to_owned(), schema);
            if param.required {
                required.push(param.name);
            }
        }
        conditions.push(json!({
            "if": {"properties": {"kind": {"const": entry.kind.as_str()}, "source": {"const": entry.source.as_str()}}},
            "then": {"properties": {"details": {"type": "object", "properties": properties, "required": required}}}
        }));
    }
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://metaevents.dev/schema/event.json",
        "title": "metaevents normalized event",
        "description": format!("One catalog change event ({}) in the normalized model of metaevents. \
            `details` holds kind-specific typed fields; keys beyond those listed may appear when a platform sends parameters the catalog does not know.", platforms.join(", ")),
        "type": "object",
        "required": ["id", "source", "kind", "time", "actor", "entity", "subjects", "details", "native"],
        "properties": {
            "id": {"type": "string", "pattern": "^[0-9a-f]{32}$", "description": "first 128 bits of SHA-256 over the canonical JSON of the innermost platform event (OpenMetadata: followed by a 0x00 byte and native.part)"},
            "source": {"enum": sources},
            "kind": {"enum": kinds},
            "time": {"type": ["integer", "null"], "description": "epoch milliseconds; null when neither the event nor its envelopes say when it happened"},
            "actor": nullable_string(),
            "entity": {
                "type": "object",
                "required": ["id", "type", "name", "qualifiedName", "platform", "parent", "fieldPath"],
                "properties": {
                    "id": {"type": ["string", "null"], "description": "null only for an unknown event naming no entity"},
                    "type": {"type": ["string", "null"], "description": "null only for an unknown event naming no entity"},
                    "name": nullable_string(),
                    "qualifiedName": nullable_string(),
                    "platform": nullable_string(),
                    "parent": nullable_string(),
                    "fieldPath": nullable_string()
                },
                "additionalProperties": false
            },
            "subjects": {"type": "array", "items": {"type": "string"}},
            "details": {"type": "object"},
            "native": {
                "type": "object",
                "required": ["format", "envelope"],
                "properties": {
                    "format": {"enum": formats},
                    "category": {"type": "string"},
                    "operation": {"type": "string"},
                    "operationType": {"type": "string"},
                    "type": {"type": "string"},
                    "evidence": {"enum": evidence, "description": "Atlan and Atlas notifications: what told the catalog that sent it, by the first rule that matched: mutatedDetails, headers, atlan-qualified-name (default/<connector>/<epoch>/...) and atlan-type-name say Atlan; service-type-name (hive_table), cluster-qualified-name (db.table@cluster), url-qualified-name (mssql://...), classification-without-mutatedDetails and envelope-without-spooled say Apache Atlas; default (nothing tells: Atlan); forced (the caller's input format)"},
                    "name": {"type": "string"},
                    "eventType": {"type": "string"},
                    "relationshipType": {"type": "string"},
                    "changeType": {"type": "string"},
                    "aspectName": {"type": "string"},
                    "fields": {"type": "array", "items": {"type": "string"}},
                    "part": {"type": "string"},
                    "envelope": {"type": "array", "items": {"enum": envelopes}, "description": "the envelopes around the event, outermost first (input format names)"},
                    "schemaId": {"type": "integer", "minimum": 0, "description": "the schema registry id of the Kafka record (kafka-avro) the event came in"}
                }
            },
            "raw": {"description": "the innermost platform event exactly as received"}
        },
        "additionalProperties": false,
        "allOf": conditions,
        "$comment": format!("filter operators: {}", OPERATORS.join(", "))
    })
}
