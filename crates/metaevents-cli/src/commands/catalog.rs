//! `metaevents catalog`: the catalog of known events as a table, JSON, Markdown (the docs'
//! table) or the JSON Schema of the normalized event. All come from `Catalog::builtin()`.

use std::fmt::Write as _;

use metaevents::{Catalog, Discriminators, EntityTypes, Entry, Kind, Param, ProcessTypes, Source, event_schema};

use crate::output::{Stdout, table};
use crate::report::Fatal;

const EXAMPLES: &str = "\
Examples:
  metaevents catalog
  metaevents catalog --format json | jq '.entries[] | select(.kind == \"tag.added\")'
  metaevents catalog --format schema > event.schema.json
  metaevents catalog --format markdown
  metaevents catalog --format arrow-schema";

/// How to show the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One row per (kind, platform): what identifies it on the wire and its details.
    Table,
    /// Every entry with its discriminators, entity types and typed parameters:
    /// `{"entries": [...], "kinds": [...]}`.
    Json,
    /// The JSON Schema (draft 2020-12) of the normalized event.
    Schema,
    /// A Markdown table, kind | one column per platform | details (the kinds table of
    /// docs/event-model.md).
    Markdown,
    /// The Arrow schema of `normalize --output parquet|arrow` as JSON (`{"fields": [...]}`,
    /// with `raw` last), and the Spark DDL (`sparkDdl`) of the Spark dialect.
    ArrowSchema,
}

/// Show the catalog of known events: a table, JSON, Markdown, the JSON Schema or the Arrow schema.
///
/// The catalog maps every known (platform, discriminators) to a normalized kind, with the
/// entity types it applies to and the typed parameters that become `details`. Events it does not
/// know are kind `unknown`, never an error.
#[derive(Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// What to write.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,

    /// Accepted like on every other subcommand; the catalog is built in, so it changes nothing.
    #[arg(long, hide = true)]
    pub demo: bool,
}

pub fn run(args: &Args, out: &mut Stdout) -> Result<(), Fatal> {
    let catalog = Catalog::builtin();
    match args.format {
        Format::Json => out.json_pretty(&catalog.to_value()),
        Format::Schema => out.json_pretty(&event_schema()),
        Format::Markdown => out.text(&markdown(&catalog)),
        Format::Table => out.text(&format!("{}\n", terminal_table(&catalog))),
        Format::ArrowSchema => out.json_pretty(&arrow_schema()),
    }
}

/// The Arrow schema as JSON, and the Spark DDL.
fn arrow_schema() -> serde_json::Value {
    use metaevents::arrow::{Dialect, SchemaOptions, schema, schema_json, spark_ddl};
    let mut value = schema_json(&schema(SchemaOptions::default()));
    let spark = spark_ddl(&schema(SchemaOptions { raw: true, dialect: Dialect::Spark }));
    if let Some(object) = value.as_object_mut() {
        object.insert("sparkDdl".to_owned(), serde_json::Value::String(spark));
    }
    value
}

fn join(items: &[&str], code: bool) -> String {
    let items: Vec<String> =
        items.iter().map(|item| if code { format!("`{item}`") } else { (*item).to_owned() }).collect();
    items.join(" / ")
}

/// What identifies an entry's events on the wire (`TAG ADD`, `ENTITY_CREATE (process types)`).
fn wire(entry: &Entry, code: bool) -> String {
    let quote = |text: &str| {
        if code { format!("`{text}`") } else { text.to_owned() }
    };
    let mut text = match entry.discriminators {
        Discriminators::EntityChangeEvent { categories, operations, entity_types } => {
            let mut text = format!("{} {}", join(categories, code), join(operations, code));
            match entity_types {
                EntityTypes::Any => {}
                EntityTypes::Only(types) => _ = write!(text, " on {}", join(types, code)),
                EntityTypes::Except(types) => _ = write!(text, " (not on {})", join(types, code)),
            }
            text
        }
        Discriminators::RelationshipChangeEvent { operations } => {
            format!("Relationship Change Event {}", join(operations, code))
        }
        Discriminators::AtlanNotification { operation_types, process } => {
            let mut text = join(operation_types, code);
            match process {
                ProcessTypes::Any => {}
                ProcessTypes::Only => {
                    _ = write!(text, " of a process type ({}, {}, …)", quote("Process"), quote("*Process"));
                }
                ProcessTypes::Except => text.push_str(" (not a process type)"),
            }
            text
        }
        Discriminators::AtlasNotification { operation_types, process } => {
            let mut text = join(operation_types, code);
            match process {
                ProcessTypes::Any => {}
                ProcessTypes::Only => {
                    _ = write!(
                        text,
                        " of a process type ({}, {}, {}, …)",
                        quote("Process"),
                        quote("*_process"),
                        quote("*_column_lineage")
                    );
                }
                ProcessTypes::Except => text.push_str(" (not a process type)"),
            }
            text
        }
        Discriminators::OpenMetadataChangeEvent { event_types, changes, fields } => {
            let mut alternatives = Vec::new();
            if !event_types.is_empty() {
                alternatives.push(join(event_types, code));
            }
            if !fields.is_empty() {
                alternatives.push(format!("{} in {}", join(fields, code), join(changes, code)));
            }
            alternatives.join("; ")
        }
    };
    if !entry.documented {
        text.push_str(" †");
    }
    text
}

fn param_text(param: &Param, code: bool) -> String {
    let optional = if param.required { "" } else { "?" };
    if code {
        format!("`{}`{optional}: {}", param.name, param.ty.as_str())
    } else {
        format!("{}{optional}: {}", param.name, param.ty.as_str())
    }
}

fn terminal_table(catalog: &Catalog) -> comfy_table::Table {
    let mut rows = table(["kind", "platform", "on the wire", "details (? = optional)"]);
    for entry in catalog.entries() {
        let params: Vec<String> = entry.params.iter().map(|param| param_text(param, false)).collect();
        rows.add_row(vec![
            entry.kind.as_str().to_owned(),
            entry.source.as_str().to_owned(),
            wire(entry, false),
            params.join(", "),
        ]);
    }
    rows.add_row(vec![
        Kind::Unknown.as_str().to_owned(),
        "every one".to_owned(),
        "anything else (kept whole in `native` and `raw`)".to_owned(),
        String::new(),
    ]);
    rows
}

/// The Markdown table: one row per kind, in catalog order, one column per platform.
pub fn markdown(catalog: &Catalog) -> String {
    let names: Vec<&str> = Source::ALL.iter().map(|source| source.display_name()).collect();
    let mut text = format!("| kind | {} | details |\n|---|{}---|\n", names.join(" | "), "---|".repeat(names.len()));
    for kind in Kind::ALL {
        let column = |source: Source| -> String {
            if *kind == Kind::Unknown {
                return "anything else".to_owned();
            }
            let cells: Vec<String> = catalog
                .entries_for_kind(*kind)
                .filter(|entry| entry.source == source)
                .map(|entry| wire(entry, true))
                .collect();
            if cells.is_empty() { "—".to_owned() } else { cells.join("; ") }
        };
        let columns: Vec<String> = Source::ALL.iter().map(|source| column(*source)).collect();
        let params: Vec<String> = catalog.params_for_kind(*kind).iter().map(|param| param_text(param, true)).collect();
        _ = writeln!(text, "| `{}` | {} | {} |", kind.as_str(), columns.join(" | "), params.join(", "));
    }
    text.push_str(
        "\n`details` fields marked `?` are optional. † seen in the platform's code, not in its docs. \
         `metaevents catalog --format json` has every entity type, parameter description and note; \
         `--format schema` the JSON Schema of the normalized event.\n",
    );
    text
}
