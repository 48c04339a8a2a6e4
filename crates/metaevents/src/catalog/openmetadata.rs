//! `OpenMetadata`'s catalog: what one `ChangeEvent` fans out to. An `eventType` alone makes an
//! event (`entityCreated`, `entityDeleted`, ...); in the events that carry changes
//! (`entityUpdated`, ...) every `FieldChange` of `changeDescription` the catalog recognises makes
//! one, and the rest make one `entity.updated`. How the server fills `FieldChange`s:
//! `EntityRepository.EntityUpdater` (`recordChange`, `recordListChange`, `updateColumns`) in
//! `openmetadata-service`. Every `details` field is derived; the descriptions say from where.

use super::{Discriminators, Entry, Param, ParamOrigin, ParamType};
use crate::model::{Kind, Source};

/// The `eventType`s whose `changeDescription` fans out into events. `entityFieldsChanged` is the
/// change type of sub-resource calls (followers, votes); treated like `entityUpdated`.
pub(crate) const FAN_OUT_EVENT_TYPES: &[&str] =
    &["entityUpdated", "entityFieldsChanged", "entitySoftDeleted", "entityRestored"];

const UPDATED: &[&str] = &["fieldsUpdated"];
/// `details` whose text `OpenMetadata` events make up rather than copy from the wire, so a byte
/// search for it would miss: `status` (DEPRECATED/ACTIVE), `modificationCategory`.
pub(crate) const DERIVED_TEXT_DETAILS: &[&str] = &["status", "modificationCategory"];

const ADDED_OR_UPDATED: &[&str] = &["fieldsAdded", "fieldsUpdated"];
const DELETED_OR_UPDATED: &[&str] = &["fieldsDeleted", "fieldsUpdated"];
const ALL_LISTS: &[&str] = &["fieldsAdded", "fieldsUpdated", "fieldsDeleted"];

const fn derived(name: &'static str, ty: ParamType, required: bool, description: &'static str) -> Param {
    Param { name, ty, required, origin: ParamOrigin::Derived, description }
}

const FIELD_PATH: Param = derived(
    "fieldPath",
    ParamType::String,
    false,
    "the column (or schema field) of a field-level change, its name path unquoted and dot-joined (`columns.<path>.tags` → `<path>`)",
);
const TAG_PARAMS: &[Param] = &[
    derived(
        "tags",
        ParamType::ObjectList,
        true,
        "the classification tags, as OpenMetadata's TagLabels `{tagFQN, source, labelType, state, ...}` (JSON text decoded, repeats dropped)",
    ),
    FIELD_PATH,
    derived("propagated", ParamType::Boolean, true, "every tag's labelType is Propagated"),
];
const TERM_PARAMS: &[Param] = &[
    derived(
        "terms",
        ParamType::ObjectList,
        true,
        "the glossary terms, as TagLabels with source Glossary `{tagFQN, source, labelType, state, ...}` (JSON text decoded, repeats dropped)",
    ),
    FIELD_PATH,
];
const OWNER_PARAMS: &[Param] = &[derived(
    "owners",
    ParamType::ObjectList,
    true,
    "the owners, as EntityReferences `{id, type, name, fullyQualifiedName, ...}` (a user or a team)",
)];
const DOMAIN_PARAMS: &[Param] = &[derived(
    "domains",
    ParamType::ObjectList,
    true,
    "the domains, as EntityReferences `{id, type, name, fullyQualifiedName, ...}`",
)];
const DOCUMENTATION_PARAMS: &[Param] = &[
    derived("description", ParamType::String, false, "the description set (added, modified) or cleared (removed)"),
    derived("previousDescription", ParamType::String, false, "the description before a modification"),
    FIELD_PATH,
];
const DEPRECATION_PARAMS: &[Param] = &[
    derived("status", ParamType::String, true, "DEPRECATED when the new status is Deprecated, else ACTIVE"),
    derived(
        "entityStatus",
        ParamType::String,
        false,
        "the new status as OpenMetadata spells it (Deprecated, Approved, ...)",
    ),
    derived("previousEntityStatus", ParamType::String, false, "the status before"),
];
const SCHEMA_PARAMS: &[Param] = &[
    derived(
        "fieldPath",
        ParamType::String,
        true,
        "the column's name path, unquoted and dot-joined (`parent.child` when nested)",
    ),
    derived(
        "column",
        ParamType::Object,
        false,
        "the Column `{name, dataType, dataLength, ...}` added, removed, or as it is now",
    ),
    derived(
        "previousColumn",
        ParamType::Object,
        false,
        "the Column before a modification (a type change is a remove and an add of it)",
    ),
    derived(
        "changedProperty",
        ParamType::String,
        false,
        "the column property a `columns.<path>.<property>` change names: dataLength, precision, scale, constraint, displayName",
    ),
    derived("previousValue", ParamType::Json, false, "that property before"),
    derived("value", ParamType::Json, false, "that property now"),
    derived(
        "modificationCategory",
        ParamType::String,
        false,
        "TYPE_CHANGE when dataType, arrayDataType, dataLength, precision or scale changed, else OTHER",
    ),
];
const DELETED_PARAMS: &[Param] = &[
    derived(
        "hard",
        ParamType::Boolean,
        true,
        "true for entityDeleted (a hard delete); false for entitySoftDeleted, or `deleted` set by an update",
    ),
    derived(
        "recursive",
        ParamType::Boolean,
        false,
        "the delete cascaded to the entity's children, which get no events of their own (2.x)",
    ),
];
const UPDATED_PARAMS: &[Param] = &[
    derived(
        "changes",
        ParamType::ObjectList,
        true,
        "one `{list, name, oldValue, newValue}` per FieldChange no other kind took (`list`: fieldsAdded, fieldsUpdated or fieldsDeleted; values that are JSON text decoded)",
    ),
    derived("changedFields", ParamType::StringList, true, "the names of those FieldChanges"),
];

#[expect(clippy::too_many_arguments, reason = "one row of the catalog table, one argument per column")]
const fn entry(
    kind: Kind,
    event_types: &'static [&'static str],
    changes: &'static [&'static str],
    fields: &'static [&'static str],
    params: &'static [Param],
    documented: bool,
    description: &'static str,
    notes: &'static str,
) -> Entry {
    Entry {
        source: Source::OpenMetadata,
        kind,
        discriminators: Discriminators::OpenMetadataChangeEvent { event_types, changes, fields },
        entity_types: &[],
        params,
        subjects: &[],
        documented,
        description,
        notes,
    }
}

const TAGS: &[&str] = &["tags"];
const TAG_NOTE: &str = "`tags` or `columns.<path>.tags` (also `schemaFields.`, `fields.`): TagLabels of source Classification (Tier tags too); subjects are the tagFQNs; a PUT merges tags, so only a PATCH removes one";
const TERM_NOTE: &str =
    "glossary terms are TagLabels of source Glossary in the same `tags` FieldChanges; subjects are the term FQNs";
const OWNER_NOTE: &str = "`owners` (a JSON list of EntityReferences); servers before 1.5 sent `owner` (one EntityReference), whose update is a removal and an addition; subjects are the owners' fullyQualifiedName";
const DOMAIN_NOTE: &str = "`domains` (a JSON list); older servers sent `domain` (one EntityReference), whose update is a removal and an addition";
const DOCUMENTATION_NOTE: &str = "`description` or `columns.<path>.description` (raw text); an update from an empty description is an addition, to an empty one a removal";
const SCHEMA_NOTE: &str = "`columns` (and `columns.<parent>` for nested columns) hold JSON lists of the Columns added or removed; a type change is a removal and an addition of one name, paired into schema.field_modified; `columns.<path>.<property>` changes one property; subjects are the column FQNs";

pub(super) const ENTRIES: &[Entry] = &[
    entry(
        Kind::EntityCreated,
        &["entityCreated"],
        &[],
        &[],
        &[],
        true,
        "an entity was created",
        "no changeDescription; `entity` holds the new entity (as JSON text)",
    ),
    entry(
        Kind::EntityUpdated,
        FAN_OUT_EVENT_TYPES,
        ALL_LISTS,
        &[],
        UPDATED_PARAMS,
        true,
        "an entity changed in ways no other kind describes",
        "one per ChangeEvent, carrying every FieldChange left (followers, votes, displayName, extension, testCaseResult, ...); also the event of an entityUpdated without changes",
    ),
    entry(
        Kind::EntityDeleted,
        &["entitySoftDeleted", "entityDeleted"],
        UPDATED,
        &["deleted"],
        DELETED_PARAMS,
        true,
        "an entity was deleted",
        "details.hard tells them apart; entityDeleted carries the entity's last, stale changeDescription, which is ignored; deleting a service or database deletes its children without events of their own",
    ),
    entry(
        Kind::EntityRestored,
        &["entityRestored"],
        UPDATED,
        &["deleted"],
        &[],
        true,
        "a soft-deleted entity was restored",
        "also a PUT onto a soft-deleted entity: an entityUpdated with `deleted` true → false",
    ),
    entry(Kind::TagAdded, &[], ADDED_OR_UPDATED, TAGS, TAG_PARAMS, true, "tags were added", TAG_NOTE),
    entry(Kind::TagRemoved, &[], DELETED_OR_UPDATED, TAGS, TAG_PARAMS, true, "tags were removed", TAG_NOTE),
    entry(Kind::TermAdded, &[], ADDED_OR_UPDATED, TAGS, TERM_PARAMS, true, "glossary terms were added", TERM_NOTE),
    entry(
        Kind::TermRemoved,
        &[],
        DELETED_OR_UPDATED,
        TAGS,
        TERM_PARAMS,
        true,
        "glossary terms were removed",
        TERM_NOTE,
    ),
    entry(
        Kind::DomainAdded,
        &[],
        ADDED_OR_UPDATED,
        &["domains", "domain"],
        DOMAIN_PARAMS,
        true,
        "domains were added",
        DOMAIN_NOTE,
    ),
    entry(
        Kind::DomainRemoved,
        &[],
        DELETED_OR_UPDATED,
        &["domains", "domain"],
        DOMAIN_PARAMS,
        true,
        "domains were removed",
        DOMAIN_NOTE,
    ),
    entry(
        Kind::OwnerAdded,
        &[],
        ADDED_OR_UPDATED,
        &["owners", "owner"],
        OWNER_PARAMS,
        true,
        "owners were added",
        OWNER_NOTE,
    ),
    entry(
        Kind::OwnerRemoved,
        &[],
        DELETED_OR_UPDATED,
        &["owners", "owner"],
        OWNER_PARAMS,
        true,
        "owners were removed",
        OWNER_NOTE,
    ),
    entry(
        Kind::DocumentationAdded,
        &[],
        ADDED_OR_UPDATED,
        &["description"],
        DOCUMENTATION_PARAMS,
        true,
        "a description was set",
        DOCUMENTATION_NOTE,
    ),
    entry(
        Kind::DocumentationModified,
        &[],
        UPDATED,
        &["description"],
        DOCUMENTATION_PARAMS,
        true,
        "a description was changed",
        DOCUMENTATION_NOTE,
    ),
    entry(
        Kind::DocumentationRemoved,
        &[],
        DELETED_OR_UPDATED,
        &["description"],
        DOCUMENTATION_PARAMS,
        true,
        "a description was cleared",
        DOCUMENTATION_NOTE,
    ),
    entry(
        Kind::DeprecationChanged,
        &[],
        ADDED_OR_UPDATED,
        &["entityStatus", "status"],
        DEPRECATION_PARAMS,
        false,
        "an entity was deprecated or un-deprecated",
        "a change of `status` (glossary terms) or `entityStatus` (2.x assets) to or from Deprecated; other status changes are entity.updated",
    ),
    entry(
        Kind::SchemaFieldAdded,
        &[],
        ADDED_OR_UPDATED,
        &["columns"],
        SCHEMA_PARAMS,
        true,
        "a column was added",
        SCHEMA_NOTE,
    ),
    entry(
        Kind::SchemaFieldRemoved,
        &[],
        DELETED_OR_UPDATED,
        &["columns"],
        SCHEMA_PARAMS,
        true,
        "a column was removed",
        SCHEMA_NOTE,
    ),
    entry(
        Kind::SchemaFieldModified,
        &[],
        ALL_LISTS,
        &["columns"],
        SCHEMA_PARAMS,
        true,
        "a column's type or properties changed",
        SCHEMA_NOTE,
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_entry_per_kind() {
        for (index, entry) in ENTRIES.iter().enumerate() {
            assert!(ENTRIES.iter().skip(index + 1).all(|other| other.kind != entry.kind), "{} twice", entry.kind);
        }
    }
}
