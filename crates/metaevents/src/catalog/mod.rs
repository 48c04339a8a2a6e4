//! The catalog: every known (platform, discriminators) → kind, with entity types and typed
//! parameters, as data in one place. The normalizers, `validate`, the JSON Schema, the CLI's
//! `catalog` command, the README table and the Python/TypeScript types all come from it.

mod atlan;
mod atlas;
mod datahub;
pub(crate) mod openmetadata;
mod platforms;

pub use platforms::{DatasetNaming, dataset_naming, platform_namings};

use serde::Serialize;

use crate::model::{Kind, Source};

/// The type of a parameter (a field of `details`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ParamType {
    /// Text.
    String,
    /// A `DataHub` urn (text).
    Urn,
    /// A whole number; numeric strings are coerced.
    Integer,
    /// `true`/`false`; the strings `"true"`/`"false"` are coerced.
    Boolean,
    /// Epoch milliseconds; numeric strings are coerced.
    Timestamp,
    /// Any JSON; a string holding JSON is decoded, other strings are kept as they are.
    Json,
    /// A list of urns; `"[a, b]"` (not JSON) and JSON arrays are both accepted.
    UrnList,
    /// A list of strings.
    StringList,
    /// A JSON object.
    Object,
    /// A list of JSON objects.
    ObjectList,
}

impl ParamType {
    /// The `snake_case` name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::String => "string",
            Self::Urn => "urn",
            Self::Integer => "integer",
            Self::Boolean => "boolean",
            Self::Timestamp => "timestamp",
            Self::Json => "json",
            Self::UrnList => "urn_list",
            Self::StringList => "string_list",
            Self::Object => "object",
            Self::ObjectList => "object_list",
        }
    }
}

/// Where a parameter's value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ParamOrigin {
    /// `DataHub` ECE `parameters.<name>`.
    Parameter,
    /// A top-level field of the platform event (`DataHub` RCE).
    Field,
    /// Computed by the normalizer from the event (its description says how).
    Derived,
}

/// One typed field of `details`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Param {
    /// Name in `details` (camelCase, as the platform spells it).
    pub name: &'static str,
    /// Value type after coercion.
    #[serde(rename = "type")]
    pub ty: ParamType,
    /// Always present on a well-formed event of this kind.
    pub required: bool,
    /// Where the value comes from.
    pub origin: ParamOrigin,
    /// What it means.
    pub description: &'static str,
}

/// Which entity types an entry applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "match", content = "types", rename_all = "snake_case")]
pub enum EntityTypes {
    /// Any entity type.
    Any,
    /// Only these.
    Only(&'static [&'static str]),
    /// All but these.
    Except(&'static [&'static str]),
}

impl EntityTypes {
    /// Whether `entity_type` qualifies.
    pub fn admits(self, entity_type: &str) -> bool {
        match self {
            Self::Any => true,
            Self::Only(types) => types.contains(&entity_type),
            Self::Except(types) => !types.contains(&entity_type),
        }
    }
}

/// Which asset types an Atlan or Atlas entry applies to: lineage processes or the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProcessTypes {
    /// Any `typeName`.
    Any,
    /// Only process types (Atlan: [`is_process_type`]; Atlas: [`is_atlas_process_type`]).
    Only,
    /// Everything but process types.
    Except,
}

impl ProcessTypes {
    fn admits(self, is_process: bool) -> bool {
        match self {
            Self::Any => true,
            Self::Only => is_process,
            Self::Except => !is_process,
        }
    }
}

/// What identifies an entry's events on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "format", rename_all = "snake_case")]
pub enum Discriminators {
    /// `DataHub` Entity Change Event: `category` and `operation` (any of each), entity type.
    EntityChangeEvent {
        /// Accepted `category` values.
        categories: &'static [&'static str],
        /// Accepted `operation` values.
        operations: &'static [&'static str],
        /// Entity types the entry is limited to.
        entity_types: EntityTypes,
    },
    /// `DataHub` Relationship Change Event: `operation`.
    RelationshipChangeEvent {
        /// Accepted `operation` values.
        operations: &'static [&'static str],
    },
    /// Atlan notification: `operationType` (and whether the asset is a process).
    AtlanNotification {
        /// Accepted `operationType` values.
        operation_types: &'static [&'static str],
        /// Process asset types.
        process: ProcessTypes,
    },
    /// `OpenMetadata` `ChangeEvent`: made by an `eventType` alone, or by a `FieldChange` of
    /// `changeDescription` in the event types that fan out (`entityUpdated`, ...).
    #[serde(rename = "openmetadata_change_event")]
    OpenMetadataChangeEvent {
        /// `eventType` values that make an event of this kind by themselves.
        event_types: &'static [&'static str],
        /// The `changeDescription` lists (`fieldsAdded`, `fieldsUpdated`, `fieldsDeleted`) its
        /// `FieldChange`s are in.
        changes: &'static [&'static str],
        /// The `FieldChange` names (or their last part: `columns.email.tags` is `tags`); empty
        /// when no one field makes the kind.
        fields: &'static [&'static str],
    },
    /// Apache Atlas / Microsoft Purview entity notification: `operationType` (and whether the
    /// entity is a process).
    AtlasNotification {
        /// Accepted `operationType` values.
        operation_types: &'static [&'static str],
        /// Process entity types.
        process: ProcessTypes,
    },
}

/// One catalog entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    /// The platform.
    #[serde(serialize_with = "serialize_source")]
    pub source: Source,
    /// The normalized kind.
    #[serde(serialize_with = "serialize_kind")]
    pub kind: Kind,
    /// What identifies its events.
    pub discriminators: Discriminators,
    /// Entity types the platform documents or emits for it.
    pub entity_types: &'static [&'static str],
    /// Typed fields of `details`.
    pub params: &'static [Param],
    /// Parameters whose values become `subjects`, in order.
    pub subjects: &'static [&'static str],
    /// Whether the platform documents it (false: seen only in its code).
    pub documented: bool,
    /// What the event means.
    pub description: &'static str,
    /// Traps and history worth knowing.
    pub notes: &'static str,
}

#[expect(clippy::trivially_copy_pass_by_ref, reason = "serde's serialize_with passes a reference")]
fn serialize_source<S: serde::Serializer>(source: &Source, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(source.as_str())
}

#[expect(clippy::trivially_copy_pass_by_ref, reason = "serde's serialize_with passes a reference")]
fn serialize_kind<S: serde::Serializer>(kind: &Kind, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(kind.as_str())
}

impl Entry {
    /// A parameter by name.
    pub fn param(&self, name: &str) -> Option<&'static Param> {
        self.params.iter().find(|param| param.name == name)
    }
}

/// The catalog of known events. Immutable; [`Catalog::builtin`] is the one the crate uses.
#[derive(Debug, Clone, Copy)]
pub struct Catalog {
    entries: &'static [Entry],
}

static BUILTIN_ENTRIES: &[&[Entry]] = &[datahub::ENTRIES, atlan::ENTRIES, atlas::ENTRIES, openmetadata::ENTRIES];

/// Atlan asset types whose creation is lineage: `Process`, `ColumnProcess`, and any `*Process`.
pub fn is_process_type(type_name: &str) -> bool {
    type_name.ends_with("Process")
}

/// Apache Atlas entity types whose creation is lineage: `Process` and the `Process` subtypes of
/// Atlas's models (`addons/models`): every `*_process` and `*_column_lineage` (`hive_process`,
/// `spark_column_lineage`, ...) and the few named otherwise (`storm_topology`,
/// `spark_application`, `flink_application`, Falcon's feed processes). A type of another name
/// that subtypes `Process` (a custom one) cannot be told from the notification, which names no
/// supertypes.
pub fn is_atlas_process_type(type_name: &str) -> bool {
    type_name == "Process"
        || type_name.ends_with("_process")
        || type_name.ends_with("_column_lineage")
        || matches!(
            type_name,
            "storm_topology"
                | "spark_application"
                | "flink_application"
                | "falcon_feed_replication"
                | "falcon_feed_creation"
        )
}

impl Catalog {
    /// The catalog built into this version of the crate.
    pub fn builtin() -> Catalog {
        static ALL: std::sync::OnceLock<Vec<Entry>> = std::sync::OnceLock::new();
        let entries = ALL.get_or_init(|| BUILTIN_ENTRIES.iter().flat_map(|part| part.iter().copied()).collect());
        Catalog { entries }
    }

    /// Every entry, `DataHub` first, in matching order.
    pub fn entries(&self) -> &'static [Entry] {
        self.entries
    }

    /// The entry for a `DataHub` Entity Change Event, if any.
    pub fn datahub_entity_change(&self, category: &str, operation: &str, entity_type: &str) -> Option<&'static Entry> {
        self.entries.iter().find(|entry| match entry.discriminators {
            Discriminators::EntityChangeEvent { categories, operations, entity_types } => {
                categories.contains(&category) && operations.contains(&operation) && entity_types.admits(entity_type)
            }
            _ => false,
        })
    }

    /// The entry for a `DataHub` Relationship Change Event, if any.
    pub fn datahub_relationship_change(&self, operation: &str) -> Option<&'static Entry> {
        self.entries.iter().find(|entry| match entry.discriminators {
            Discriminators::RelationshipChangeEvent { operations } => operations.contains(&operation),
            _ => false,
        })
    }

    /// The entry for an Atlan notification, if any.
    pub fn atlan(&self, operation_type: &str, type_name: &str) -> Option<&'static Entry> {
        self.entries.iter().find(|entry| match entry.discriminators {
            Discriminators::AtlanNotification { operation_types, process } => {
                operation_types.contains(&operation_type) && process.admits(is_process_type(type_name))
            }
            _ => false,
        })
    }

    /// The entry for an Apache Atlas / Microsoft Purview notification, if any.
    pub fn atlas(&self, operation_type: &str, type_name: &str) -> Option<&'static Entry> {
        self.entries.iter().find(|entry| match entry.discriminators {
            Discriminators::AtlasNotification { operation_types, process } => {
                operation_types.contains(&operation_type) && process.admits(is_atlas_process_type(type_name))
            }
            _ => false,
        })
    }

    /// The entry for a notification of `source` (Atlan or Atlas), if any.
    pub fn notification(&self, source: Source, operation_type: &str, type_name: &str) -> Option<&'static Entry> {
        match source {
            Source::Atlas => self.atlas(operation_type, type_name),
            _ => self.atlan(operation_type, type_name),
        }
    }

    /// The entry of an `OpenMetadata` event of `kind` (there is one per kind), if any.
    pub fn openmetadata(&self, kind: Kind) -> Option<&'static Entry> {
        self.entries.iter().find(|entry| {
            entry.kind == kind && matches!(entry.discriminators, Discriminators::OpenMetadataChangeEvent { .. })
        })
    }

    /// The entries of one kind (every platform).
    pub fn entries_for_kind(&self, kind: Kind) -> impl Iterator<Item = &'static Entry> {
        self.entries.iter().filter(move |entry| entry.kind == kind)
    }

    /// The catalog as JSON: `{"sources": [...], "entries": [...], "kinds": [{kind, family,
    /// params, sources}], "platforms": [...]}`, where a kind's params are the union over every
    /// platform (what typed classes expose) and `sources` lists every platform, emitting or not.
    pub fn to_value(&self) -> serde_json::Value {
        let kinds: Vec<serde_json::Value> = Kind::ALL
            .iter()
            .map(|kind| {
                serde_json::json!({
                    "kind": kind.as_str(),
                    "family": kind.family().as_str(),
                    "params": self.params_for_kind(*kind),
                    "sources": Source::ALL.iter().filter(|source| self.entries_for_kind(*kind).any(|e| e.source == **source)).map(|s| s.as_str()).collect::<Vec<_>>(),
                })
            })
            .collect();
        let platforms: Vec<serde_json::Value> = platform_namings()
            .into_iter()
            .map(|(platform, naming)| serde_json::json!({"platform": platform, "datasetNaming": naming}))
            .collect();
        let sources: Vec<&str> = Source::ALL.iter().map(|source| source.as_str()).collect();
        serde_json::json!({"sources": sources, "entries": self.entries, "kinds": kinds, "platforms": platforms})
    }

    /// The union of the parameters of one kind over every platform (what typed classes expose):
    /// the first definition of each name wins, required only when every entry of the kind
    /// requires it (a parameter one platform lacks is optional).
    pub fn params_for_kind(&self, kind: Kind) -> Vec<Param> {
        let entries: Vec<&Entry> = self.entries_for_kind(kind).collect();
        let mut params: Vec<Param> = Vec::new();
        for entry in &entries {
            for param in entry.params {
                if !params.iter().any(|known| known.name == param.name) {
                    let required = entries.iter().all(|entry| entry.param(param.name).is_some_and(|p| p.required));
                    params.push(Param { required, ..*param });
                }
            }
        }
        params
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_but_unknown_has_an_entry() {
        let catalog = Catalog::builtin();
        for kind in Kind::ALL {
            let count = catalog.entries_for_kind(*kind).count();
            if *kind == Kind::Unknown {
                assert_eq!(count, 0);
            } else {
                assert!(count > 0, "{kind} has no catalog entry");
            }
        }
    }

    #[test]
    fn subjects_and_param_names_are_consistent() {
        for entry in Catalog::builtin().entries() {
            for subject in entry.subjects {
                assert!(entry.param(subject).is_some(), "{}: subject {subject} is not a param", entry.kind);
            }
            for (index, param) in entry.params.iter().enumerate() {
                assert!(
                    entry.params.iter().skip(index + 1).all(|other| other.name != param.name),
                    "{}: {} twice",
                    entry.kind,
                    param.name
                );
            }
        }
    }

    #[test]
    fn lookups_follow_the_wire() {
        let catalog = Catalog::builtin();
        let owner = |category| catalog.datahub_entity_change(category, "ADD", "dataset").map(|e| e.kind);
        assert_eq!(owner("OWNER"), Some(Kind::OwnerAdded));
        assert_eq!(owner("OWNERSHIP"), Some(Kind::OwnerAdded));
        let lifecycle = |op, ty| catalog.datahub_entity_change("LIFECYCLE", op, ty).map(|e| e.kind);
        assert_eq!(lifecycle("CREATE", "dataset"), Some(Kind::EntityCreated));
        assert_eq!(lifecycle("CREATE", "actionRequest"), Some(Kind::ProposalCreated));
        assert_eq!(lifecycle("MODIFY", "dataset"), None);
        let run = |ty| catalog.datahub_entity_change("RUN", "COMPLETED", ty).map(|e| e.kind);
        assert_eq!(run("assertion"), Some(Kind::AssertionRunCompleted));
        assert_eq!(run("dataProcessInstance"), Some(Kind::ProcessRunCompleted));
        assert_eq!(run("dataset"), None);
        assert_eq!(catalog.atlan("ENTITY_CREATE", "ColumnProcess").map(|e| e.kind), Some(Kind::LineageCreated));
        assert_eq!(catalog.atlan("ENTITY_CREATE", "Table").map(|e| e.kind), Some(Kind::EntityCreated));
        assert_eq!(catalog.atlan("ENTITY_PURGE", "Table"), None);
        let atlas = |op, ty| catalog.atlas(op, ty).map(|e| (e.source, e.kind));
        assert_eq!(atlas("ENTITY_CREATE", "hive_process"), Some((Source::Atlas, Kind::LineageCreated)));
        assert_eq!(atlas("ENTITY_CREATE", "hive_process_execution"), Some((Source::Atlas, Kind::EntityCreated)));
        assert_eq!(atlas("ENTITY_CREATE", "Process"), Some((Source::Atlas, Kind::LineageCreated)));
        assert_eq!(atlas("CLASSIFICATION_DELETE", "hive_table"), Some((Source::Atlas, Kind::TagRemoved)));
        assert_eq!(atlas("BUSINESS_ATTRIBUTE_UPDATE", "hive_table"), None);
        assert_eq!(catalog.datahub_relationship_change("RESTATE").map(|e| e.kind), Some(Kind::RelationshipUpdated));
    }
}
