//! The Arrow schema of the normalized event, in its two dialects, and how it is written down:
//! as JSON (the conformance vectors, `metaevents catalog --format arrow-schema`) and as a
//! Spark DDL string.

use std::sync::Arc;

use arrow_schema::extension::Json;
use arrow_schema::{DataType, Field, Fields, Schema, SchemaRef, TimeUnit};
use serde_json::{Map, Value, json};

/// The column types of a schema.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Dialect {
    /// `source`, `kind`, `entity.type` and `entity.platform` dictionary-encoded (`int32` keys),
    /// `time` as `timestamp[ms, UTC]`: for pyarrow, Polars, `DuckDB`, Parquet and Arrow IPC.
    #[default]
    Standard,
    /// What Spark's Arrow exchange takes (`mapInArrow`): plain strings instead of dictionaries,
    /// `time` as `timestamp[us, UTC]` (Spark's `TIMESTAMP`).
    Spark,
}

/// Which columns and types a schema has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SchemaOptions {
    /// Whether the `raw` column (the innermost platform event as received) is there.
    pub raw: bool,
    /// The column types.
    pub dialect: Dialect,
}

impl Default for SchemaOptions {
    fn default() -> Self {
        Self { raw: true, dialect: Dialect::Standard }
    }
}

/// The columns of the normalized event, in order (`raw` last).
pub const COLUMNS: [&str; 10] =
    ["id", "source", "kind", "time", "actor", "entity", "subjects", "details", "native", "raw"];

/// The members of the `entity` struct, in order.
pub const ENTITY_FIELDS: [&str; 7] = ["id", "type", "name", "qualifiedName", "platform", "parent", "fieldPath"];

/// A text column whose values are JSON documents: Arrow's canonical `arrow.json` extension.
fn json_text(name: &str) -> Field {
    let mut field = Field::new(name, DataType::Utf8, false);
    // Setting the extension cannot fail on a UTF-8 column; without it the column is still text.
    let _ = field.try_with_extension_type(Json::default());
    field
}

/// A dictionary-encoded text column (plain text in the Spark dialect).
fn categorical(name: &str, nullable: bool, dialect: Dialect) -> Field {
    match dialect {
        Dialect::Standard => Field::new_dictionary(name, DataType::Int32, DataType::Utf8, nullable),
        Dialect::Spark => Field::new(name, DataType::Utf8, nullable),
    }
}

/// The `entity` struct's fields.
pub(crate) fn entity_fields(dialect: Dialect) -> Fields {
    Fields::from(vec![
        Field::new("id", DataType::Utf8, true),
        categorical("type", true, dialect),
        Field::new("name", DataType::Utf8, true),
        Field::new("qualifiedName", DataType::Utf8, true),
        categorical("platform", true, dialect),
        Field::new("parent", DataType::Utf8, true),
        Field::new("fieldPath", DataType::Utf8, true),
    ])
}

/// The `subjects` list's item field.
pub(crate) fn subject_field() -> Arc<Field> {
    Arc::new(Field::new("item", DataType::Utf8, false))
}

/// The `time` column's type.
pub(crate) fn time_type(dialect: Dialect) -> DataType {
    let unit = match dialect {
        Dialect::Standard => TimeUnit::Millisecond,
        Dialect::Spark => TimeUnit::Microsecond,
    };
    DataType::Timestamp(unit, Some("UTC".into()))
}

/// The Arrow schema of the normalized event: one column per top-level key of the contract
/// JSON, `entity` a struct of its seven members, `subjects` a list of strings, and `details`,
/// `native` and `raw` JSON text (`arrow.json`). `raw` only when `options.raw`.
pub fn schema(options: SchemaOptions) -> SchemaRef {
    let dialect = options.dialect;
    let mut fields = vec![
        Field::new("id", DataType::Utf8, false),
        categorical("source", false, dialect),
        categorical("kind", false, dialect),
        Field::new("time", time_type(dialect), true),
        Field::new("actor", DataType::Utf8, true),
        Field::new("entity", DataType::Struct(entity_fields(dialect)), false),
        Field::new("subjects", DataType::List(subject_field()), false),
        json_text("details"),
        json_text("native"),
    ];
    if options.raw {
        fields.push(json_text("raw"));
    }
    Arc::new(Schema::new(fields))
}

/// A field as the conformance vectors write it down (language-neutral, checked by the Rust,
/// Python and JavaScript runners against what their Arrow library reads):
/// `{"name", "type", "nullable"}` plus `unit`/`timezone` (timestamps), `indices`/`values`
/// (dictionaries), `extension` (extension types), `children` (structs and lists).
pub fn field_json(field: &Field) -> Value {
    let mut out = Map::new();
    out.insert("name".to_owned(), json!(field.name()));
    out.insert("nullable".to_owned(), json!(field.is_nullable()));
    let ty = match field.data_type() {
        DataType::Utf8 => "utf8".to_owned(),
        DataType::LargeUtf8 => "large_utf8".to_owned(),
        DataType::Int32 => "int32".to_owned(),
        DataType::Int64 => "int64".to_owned(),
        DataType::Timestamp(unit, timezone) => {
            let unit = match unit {
                TimeUnit::Second => "s",
                TimeUnit::Millisecond => "ms",
                TimeUnit::Microsecond => "us",
                TimeUnit::Nanosecond => "ns",
            };
            out.insert("unit".to_owned(), json!(unit));
            out.insert("timezone".to_owned(), json!(timezone.as_deref()));
            "timestamp".to_owned()
        }
        DataType::Dictionary(keys, values) => {
            out.insert("indices".to_owned(), json!(keys.to_string().to_lowercase()));
            let values = if **values == DataType::Utf8 { "utf8".to_owned() } else { values.to_string() };
            out.insert("values".to_owned(), json!(values));
            "dictionary".to_owned()
        }
        DataType::Struct(fields) => {
            out.insert("children".to_owned(), fields.iter().map(|child| field_json(child)).collect());
            "struct".to_owned()
        }
        DataType::List(item) => {
            out.insert("children".to_owned(), json!([field_json(item)]));
            "list".to_owned()
        }
        other => other.to_string(),
    };
    out.insert("type".to_owned(), json!(ty));
    if let Some(extension) = field.extension_type_name() {
        out.insert("extension".to_owned(), json!(extension));
    }
    Value::Object(out)
}

/// A schema as the conformance vectors write it down: `{"fields": [...]}` (see [`field_json`]).
pub fn schema_json(schema: &Schema) -> Value {
    json!({"fields": schema.fields().iter().map(|field| field_json(field)).collect::<Vec<_>>()})
}

fn spark_type(data_type: &DataType) -> String {
    match data_type {
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Dictionary(..) => "string".to_owned(),
        DataType::Int64 => "bigint".to_owned(),
        DataType::Int32 => "int".to_owned(),
        DataType::Timestamp(..) => "timestamp".to_owned(),
        DataType::Struct(fields) => {
            let members: Vec<String> =
                fields.iter().map(|field| format!("`{}`: {}", field.name(), spark_type(field.data_type()))).collect();
            format!("struct<{}>", members.join(", "))
        }
        DataType::List(item) => format!("array<{}>", spark_type(item.data_type())),
        other => other.to_string(),
    }
}

/// The Spark SQL DDL of the schema (`id string, source string, ..., entity struct<...>`), for
/// `mapInArrow(fn, ddl)`: column names back-quoted, `time` a `timestamp`.
pub fn spark_ddl(schema: &Schema) -> String {
    let columns: Vec<String> =
        schema.fields().iter().map(|field| format!("`{}` {}", field.name(), spark_type(field.data_type()))).collect();
    columns.join(", ")
}
