//! Atlan's catalog: the six documented operation types and the four more its server
//! (atlas-metastore `EntityNotification`) can send. Every `details` field is derived from the
//! notification message; the descriptions say from where.

use super::{Discriminators, Entry, Param, ParamOrigin, ParamType, ProcessTypes};
use crate::model::{Kind, Source};

const fn derived(name: &'static str, ty: ParamType, required: bool, description: &'static str) -> Param {
    Param { name, ty, required, origin: ParamOrigin::Derived, description }
}

const CREATED_PARAMS: &[Param] = &[
    derived("status", ParamType::String, false, "entity.status (ACTIVE)"),
    derived("createdBy", ParamType::String, false, "entity.createdBy"),
    derived("createTime", ParamType::Timestamp, false, "entity.createTime"),
];
const LINEAGE_PARAMS: &[Param] = &[
    derived("status", ParamType::String, false, "entity.status (ACTIVE)"),
    derived("createdBy", ParamType::String, false, "entity.createdBy"),
    derived("createTime", ParamType::Timestamp, false, "entity.createTime"),
    derived(
        "inputs",
        ParamType::ObjectList,
        false,
        "process inputs `{guid, typeName, qualifiedName}`, when the event lists them",
    ),
    derived(
        "outputs",
        ParamType::ObjectList,
        false,
        "process outputs `{guid, typeName, qualifiedName}`, when the event lists them",
    ),
];
const UPDATED_PARAMS: &[Param] = &[
    derived(
        "changedAttributes",
        ParamType::StringList,
        true,
        "names of mutatedDetails.attributes (but tenantId, which every update repeats)",
    ),
    derived("changedRelationships", ParamType::StringList, true, "names of mutatedDetails.relationshipAttributes"),
    derived("attributes", ParamType::Object, true, "mutatedDetails.attributes: the changed attributes' new values"),
    derived("relationshipAttributes", ParamType::Object, false, "mutatedDetails.relationshipAttributes"),
    derived("requestId", ParamType::String, false, "headers x-atlan-request-id"),
    derived("viaUi", ParamType::Boolean, false, "headers x-atlan-via-ui"),
];
const DELETED_PARAMS: &[Param] = &[
    derived(
        "hard",
        ParamType::Boolean,
        true,
        "true when deleteHandler is HARD or PURGE (or status PURGED): purged, not archived",
    ),
    derived("deleteHandler", ParamType::String, false, "entity.deleteHandler: DEFAULT, SOFT, HARD or PURGE"),
    derived("status", ParamType::String, false, "entity.status (DELETED, PURGED)"),
];
const CUSTOM_METADATA_PARAMS: &[Param] = &[derived(
    "changes",
    ParamType::ObjectList,
    true,
    "one `{setId, setName, attributeId, attributeName, value, removed}` per attribute of mutatedDetails; a null value means removed; the names only when the parser was given Atlan's typedefs",
)];
const TAG_PARAMS: &[Param] = &[
    derived(
        "tags",
        ParamType::ObjectList,
        true,
        "one `{tagId, name, entityGuid, entityStatus, propagated, propagate, removePropagationsOnEntityDelete, restrictPropagationThroughLineage, restrictPropagationThroughHierarchy, ...}` per tag of mutatedDetails; tagId is Atlan's hashed tag id, name its display name when the parser was given Atlan's typedefs",
    ),
    derived(
        "propagated",
        ParamType::Boolean,
        true,
        "every tag in this event reached this asset by propagation (each tag's entityGuid is another asset's; details.tags[].propagated says it per tag)",
    ),
];
const RELATIONSHIP_PARAMS: &[Param] = &[
    derived("relationshipType", ParamType::String, true, "relationship.typeName"),
    derived("relationshipGuid", ParamType::String, false, "relationship.guid"),
    derived("status", ParamType::String, false, "relationship.status"),
    derived("label", ParamType::String, false, "relationship.label"),
    derived("propagateTags", ParamType::String, false, "relationship.propagateTags (NONE, ONE_TO_TWO, ...)"),
    derived("end1", ParamType::Object, true, "`{guid, typeName, qualifiedName}` of end 1 (also `entity`)"),
    derived("end2", ParamType::Object, true, "`{guid, typeName, qualifiedName}` of end 2"),
];

#[expect(clippy::too_many_arguments, reason = "one row of the catalog table, one argument per column")]
const fn entry(
    kind: Kind,
    operation_types: &'static [&'static str],
    process: ProcessTypes,
    params: &'static [Param],
    subjects: &'static [&'static str],
    documented: bool,
    description: &'static str,
    notes: &'static str,
) -> Entry {
    Entry {
        source: Source::Atlan,
        kind,
        discriminators: Discriminators::AtlanNotification { operation_types, process },
        entity_types: &[],
        params,
        subjects,
        documented,
        description,
        notes,
    }
}

const TAG_NOTE: &str = "one event per asset, also for each asset the tag propagates to (asynchronously)";
const UNDOCUMENTED: &str = "in the server's enum, not in the docs nor the webhook UI";

pub(super) const ENTRIES: &[Entry] = &[
    entry(
        Kind::EntityCreated,
        &["ENTITY_CREATE"],
        ProcessTypes::Except,
        CREATED_PARAMS,
        &[],
        true,
        "an asset was created",
        "a crawl emits one per asset",
    ),
    entry(
        Kind::LineageCreated,
        &["ENTITY_CREATE"],
        ProcessTypes::Only,
        LINEAGE_PARAMS,
        &[],
        true,
        "a lineage process was created",
        "the asset's typeName is Process, ColumnProcess or another *Process",
    ),
    entry(
        Kind::EntityUpdated,
        &["ENTITY_UPDATE"],
        ProcessTypes::Any,
        UPDATED_PARAMS,
        &[],
        true,
        "an asset was updated",
        "related assets get their own ENTITY_UPDATE; `entity.status` may be missing",
    ),
    entry(
        Kind::EntityDeleted,
        &["ENTITY_DELETE"],
        ProcessTypes::Any,
        DELETED_PARAMS,
        &[],
        true,
        "an asset was archived or purged",
        "details.hard tells them apart",
    ),
    entry(
        Kind::CustomMetadataUpdated,
        &["BUSINESS_ATTRIBUTE_UPDATE"],
        ProcessTypes::Any,
        CUSTOM_METADATA_PARAMS,
        &[],
        true,
        "custom metadata was set or removed",
        "set and attribute ids are hashed; subjects are `setId.attributeId`",
    ),
    entry(
        Kind::TagAdded,
        &["CLASSIFICATION_ADD"],
        ProcessTypes::Any,
        TAG_PARAMS,
        &[],
        true,
        "tags were added",
        TAG_NOTE,
    ),
    entry(
        Kind::TagRemoved,
        &["CLASSIFICATION_DELETE"],
        ProcessTypes::Any,
        TAG_PARAMS,
        &[],
        true,
        "tags were removed",
        TAG_NOTE,
    ),
    entry(
        Kind::TagUpdated,
        &["CLASSIFICATION_UPDATE"],
        ProcessTypes::Any,
        TAG_PARAMS,
        &[],
        false,
        "tags were changed (attachments, propagation settings)",
        UNDOCUMENTED,
    ),
    entry(
        Kind::RelationshipCreated,
        &["RELATIONSHIP_CREATE"],
        ProcessTypes::Any,
        RELATIONSHIP_PARAMS,
        &[],
        false,
        "a relationship was created",
        UNDOCUMENTED,
    ),
    entry(
        Kind::RelationshipUpdated,
        &["RELATIONSHIP_UPDATE"],
        ProcessTypes::Any,
        RELATIONSHIP_PARAMS,
        &[],
        false,
        "a relationship was updated",
        UNDOCUMENTED,
    ),
    entry(
        Kind::RelationshipDeleted,
        &["RELATIONSHIP_DELETE"],
        ProcessTypes::Any,
        RELATIONSHIP_PARAMS,
        &[],
        false,
        "a relationship was deleted",
        UNDOCUMENTED,
    ),
];
