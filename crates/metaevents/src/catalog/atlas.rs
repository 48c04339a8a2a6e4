//! Apache Atlas's (and Microsoft Purview's) catalog: the nine operation types of Atlas's
//! `EntityNotification.OperationType` (apache/atlas `intg/.../model/notification/
//! EntityNotification.java`), read from the `ENTITY_NOTIFICATION_V2` messages its server writes
//! (`webapp/.../notification/EntityNotificationListenerV2.java`).
//!
//! What Atlas does not send, and so has no entry: business-metadata and label changes, glossary
//! term assignments and purges (their listener methods send nothing, "notification not sent
//! out"), and Atlan's `BUSINESS_ATTRIBUTE_UPDATE`, which only Atlan's fork has. Every `details`
//! field is derived from the message; the descriptions say from where.

use super::{Discriminators, Entry, Param, ParamOrigin, ParamType, ProcessTypes};
use crate::model::{Kind, Source};

const fn derived(name: &'static str, ty: ParamType, required: bool, description: &'static str) -> Param {
    Param { name, ty, required, origin: ParamOrigin::Derived, description }
}

const STATUS: Param = derived("status", ParamType::String, false, "entity.status (ACTIVE, DELETED)");

const CREATED_PARAMS: &[Param] = &[STATUS];
const LINEAGE_PARAMS: &[Param] = &[
    STATUS,
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
const UPDATED_PARAMS: &[Param] = &[STATUS];
const DELETED_PARAMS: &[Param] = &[
    derived("hard", ParamType::Boolean, true, "true when entity.status is PURGED: purged, not only marked deleted"),
    derived("status", ParamType::String, false, "entity.status (DELETED, PURGED)"),
];
const TAG_PARAMS: &[Param] = &[derived(
    "classifications",
    ParamType::ObjectList,
    true,
    "the entity's classifications after the change, as Atlas lists them (supertypes included): one `{tagId, entityGuid, entityStatus, propagated, propagate, removePropagationsOnEntityDelete, validityPeriods, attributes, ...}` each; Atlas does not say which one changed",
)];
const RELATIONSHIP_PARAMS: &[Param] = &[
    derived("relationshipType", ParamType::String, true, "relationship.typeName"),
    derived("relationshipGuid", ParamType::String, false, "relationship.guid"),
    derived("status", ParamType::String, false, "relationship.status"),
    derived("label", ParamType::String, false, "relationship.label"),
    derived("propagateTags", ParamType::String, false, "relationship.propagateTags (NONE, ONE_TO_TWO, ...)"),
    derived("end1", ParamType::Object, true, "`{guid, typeName, qualifiedName}` of end 1 (also `entity`)"),
    derived("end2", ParamType::Object, true, "`{guid, typeName, qualifiedName}` of end 2"),
];

const fn entry(
    kind: Kind,
    operation_types: &'static [&'static str],
    process: ProcessTypes,
    params: &'static [Param],
    description: &'static str,
    notes: &'static str,
) -> Entry {
    Entry {
        source: Source::Atlas,
        kind,
        discriminators: Discriminators::AtlasNotification { operation_types, process },
        entity_types: &[],
        params,
        subjects: &[],
        // Atlas's Notifications page documents the six entity and classification operations.
        documented: !matches!(kind, Kind::RelationshipCreated | Kind::RelationshipUpdated | Kind::RelationshipDeleted),
        description,
        notes,
    }
}

const HEADER_NOTE: &str = "entity is the header Atlas builds after the change: name, description, owner, createTime and the unique or includeInNotification attributes (qualifiedName); no user, so actor is null";
const TAG_NOTE: &str = "the entity's classifications after the change, direct and propagated, each supertype as one more; Atlas does not name the classification that changed, so subjects are all of them (diff against earlier events to find the new one); one event per entity the classification reached";
const RELATIONSHIP_NOTE: &str = "off by default (atlas.notification.relationships.enabled); sent only for the relationship REST API, not for relationships set through entity attributes";

pub(super) const ENTRIES: &[Entry] = &[
    entry(
        Kind::EntityCreated,
        &["ENTITY_CREATE"],
        ProcessTypes::Except,
        CREATED_PARAMS,
        "an entity was created",
        HEADER_NOTE,
    ),
    entry(
        Kind::LineageCreated,
        &["ENTITY_CREATE"],
        ProcessTypes::Only,
        LINEAGE_PARAMS,
        "a lineage process was created",
        "the type is Process, *_process, *_column_lineage, storm_topology, spark_application, flink_application or a Falcon feed process; Atlas's models leave inputs and outputs out of the notification",
    ),
    entry(
        Kind::EntityUpdated,
        &["ENTITY_UPDATE"],
        ProcessTypes::Any,
        UPDATED_PARAMS,
        "an entity was updated (partial updates too)",
        "Atlas does not say what changed: entity is the header after the change (compare with earlier events)",
    ),
    entry(
        Kind::EntityDeleted,
        &["ENTITY_DELETE"],
        ProcessTypes::Any,
        DELETED_PARAMS,
        "an entity was deleted",
        "purges send no notification; Purview's delete has no status",
    ),
    entry(
        Kind::TagAdded,
        &["CLASSIFICATION_ADD"],
        ProcessTypes::Any,
        TAG_PARAMS,
        "a classification was added (to this entity, or propagated to it)",
        TAG_NOTE,
    ),
    entry(
        Kind::TagRemoved,
        &["CLASSIFICATION_DELETE"],
        ProcessTypes::Any,
        TAG_PARAMS,
        "a classification was removed (from this entity, or its propagation)",
        "the removed classification is absent from the list and named nowhere, so subjects are empty; details.classifications are those that remain",
    ),
    entry(
        Kind::TagUpdated,
        &["CLASSIFICATION_UPDATE"],
        ProcessTypes::Any,
        TAG_PARAMS,
        "a classification's attributes or propagation settings were changed",
        TAG_NOTE,
    ),
    entry(
        Kind::RelationshipCreated,
        &["RELATIONSHIP_CREATE"],
        ProcessTypes::Any,
        RELATIONSHIP_PARAMS,
        "a relationship was created",
        RELATIONSHIP_NOTE,
    ),
    entry(
        Kind::RelationshipUpdated,
        &["RELATIONSHIP_UPDATE"],
        ProcessTypes::Any,
        RELATIONSHIP_PARAMS,
        "a relationship was updated",
        RELATIONSHIP_NOTE,
    ),
    entry(
        Kind::RelationshipDeleted,
        &["RELATIONSHIP_DELETE"],
        ProcessTypes::Any,
        RELATIONSHIP_PARAMS,
        "a relationship was deleted",
        RELATIONSHIP_NOTE,
    ),
];
