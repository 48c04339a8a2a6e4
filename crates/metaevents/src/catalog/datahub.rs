//! `DataHub`'s catalog: what its docs list (Entity Events API, datahub-actions docs) and what its
//! producer (`PlatformEventGeneratorHook` and the change-event generators) really emits.

use super::{Discriminators, EntityTypes, Entry, Param, ParamOrigin, ParamType};
use crate::model::{Kind, Source};

const fn param(name: &'static str, ty: ParamType, required: bool, description: &'static str) -> Param {
    Param { name, ty, required, origin: ParamOrigin::Parameter, description }
}

const fn field(name: &'static str, ty: ParamType, required: bool, description: &'static str) -> Param {
    Param { name, ty, required, origin: ParamOrigin::Field, description }
}

const fn derived(name: &'static str, ty: ParamType, description: &'static str) -> Param {
    Param { name, ty, required: true, origin: ParamOrigin::Derived, description }
}

const CONTEXT: Param = param("context", ParamType::Json, false, "change context (JSON text decoded), `{}` by default");
const SOURCE_DETAILS: Param =
    param("sourceDetails", ParamType::Json, false, "where the change came from (JSON text decoded)");
const FIELD_PATH: Param =
    param("fieldPath", ParamType::String, false, "path of the schema field, on field-level events");
const PARENT_URN: Param =
    param("parentUrn", ParamType::Urn, false, "the dataset that holds the schema field, on field-level events");

const TAGGABLE: &[&str] = &["dataset", "dashboard", "chart", "dataJob", "container", "dataFlow", "schemaField"];
const OWNABLE: &[&str] =
    &["dataset", "dashboard", "chart", "dataJob", "dataFlow", "container", "glossaryTerm", "domain", "tag"];
const DOCUMENTABLE: &[&str] = &[
    "dataset",
    "dashboard",
    "chart",
    "dataJob",
    "dataFlow",
    "container",
    "glossaryTerm",
    "domain",
    "tag",
    "schemaField",
    "businessAttribute",
];
const LIFECYCLE_TYPES: &[&str] = &[
    "dataset",
    "dashboard",
    "chart",
    "dataJob",
    "dataFlow",
    "glossaryTerm",
    "domain",
    "tag",
    "container",
    "businessAttribute",
];
const ACTION_REQUEST: &[&str] = &["actionRequest"];

const TAG_PARAMS: &[Param] =
    &[param("tagUrn", ParamType::Urn, true, "the tag"), FIELD_PATH, PARENT_URN, CONTEXT, SOURCE_DETAILS];
const TERM_PARAMS: &[Param] =
    &[param("termUrn", ParamType::Urn, true, "the glossary term"), FIELD_PATH, PARENT_URN, CONTEXT, SOURCE_DETAILS];
const DOMAIN_PARAMS: &[Param] = &[param("domainUrn", ParamType::Urn, true, "the domain"), CONTEXT, SOURCE_DETAILS];
const OWNER_PARAMS: &[Param] = &[
    param("ownerUrn", ParamType::Urn, true, "the owner (corpuser or corpGroup urn)"),
    param("ownerType", ParamType::String, true, "TECHNICAL_OWNER, BUSINESS_OWNER, DATA_STEWARD, NONE, CUSTOM, ..."),
    param("ownerTypeUrn", ParamType::Urn, false, "custom ownership type urn"),
    CONTEXT,
    SOURCE_DETAILS,
];
const DOCUMENTATION_PARAMS: &[Param] = &[
    param("description", ParamType::String, false, "the description added, changed to or removed"),
    param("documentation", ParamType::String, false, "the documentation text (documentation aspect)"),
    FIELD_PATH,
    PARENT_URN,
    CONTEXT,
];
const DEPRECATION_PARAMS: &[Param] = &[
    param("status", ParamType::String, true, "DEPRECATED or ACTIVE"),
    param("timestamp", ParamType::Timestamp, false, "decommission time (sent as a string of digits)"),
    param("note", ParamType::String, false, "deprecation note"),
];
const SCHEMA_PARAMS: &[Param] = &[
    param("fieldUrn", ParamType::Urn, true, "the schema field urn"),
    param("fieldPath", ParamType::String, true, "the field path"),
    param("nullable", ParamType::Boolean, false, "whether the field is nullable (documented as always present)"),
    param("modificationCategory", ParamType::String, false, "RENAME, TYPE_CHANGE or OTHER"),
];
const DELETE_PARAMS: &[Param] = &[derived("hard", ParamType::Boolean, "true for HARD_DELETE, false for SOFT_DELETE")];
const ASSERTION_PARAMS: &[Param] = &[
    param("runResult", ParamType::String, true, "run status (the producer sends COMPLETE; docs say SUCCESS/FAILURE)"),
    param("runId", ParamType::String, true, "native id of the run"),
    param("asserteeUrn", ParamType::Urn, true, "the entity the assertion checks"),
    param("assertionResult", ParamType::String, false, "INIT, SUCCESS, FAILURE or ERROR"),
];
const PROCESS_STARTED_PARAMS: &[Param] = &[
    param("attempt", ParamType::Integer, false, "attempt number (a number on the wire, a string in the docs)"),
    param("dataFlowUrn", ParamType::Urn, false, "the data flow of the run"),
    param("dataJobUrn", ParamType::Urn, false, "the data job of the run"),
    param("parentInstanceUrn", ParamType::Urn, false, "the parent process instance"),
];
const PROCESS_COMPLETED_PARAMS: &[Param] = &[
    param("runResult", ParamType::String, true, "SUCCESS, FAILURE, SKIPPED or UP_FOR_RETRY"),
    param("attempt", ParamType::Integer, false, "attempt number (a number on the wire, a string in the docs)"),
    param("dataFlowUrn", ParamType::Urn, false, "the data flow of the run"),
    param("dataJobUrn", ParamType::Urn, false, "the data job of the run"),
    param("parentInstanceUrn", ParamType::Urn, false, "the parent process instance"),
];
const BUSINESS_ATTRIBUTE_PARAMS: &[Param] = &[
    param("businessAttributeUrn", ParamType::Urn, true, "the business attribute"),
    param("parentUrn", ParamType::Urn, false, "the dataset of the schema field"),
    param("datasetUrn", ParamType::Urn, false, "the dataset of the schema field"),
];
const STRUCTURED_PROPERTY_PARAMS: &[Param] = &[
    param("propertyUrn", ParamType::Urn, true, "the structured property"),
    param("propertyValues", ParamType::Json, false, "the values (JSON array text decoded)"),
    SOURCE_DETAILS,
];
const PROPOSAL_CREATED_PARAMS: &[Param] = &[
    param(
        "actionRequestType",
        ParamType::String,
        true,
        "TAG_ASSOCIATION, TERM_ASSOCIATION, CREATE_GLOSSARY_TERM, UPDATE_DESCRIPTION, WORKFLOW_FORM_REQUEST, ...",
    ),
    param("resourceType", ParamType::String, false, "type of the entity the proposal applies to"),
    param("resourceUrn", ParamType::Urn, false, "the entity the proposal applies to"),
    param("subResourceType", ParamType::String, false, "sub-resource type, e.g. schemaField"),
    param("subResource", ParamType::String, false, "sub-resource id"),
    param("tagUrn", ParamType::Urn, false, "proposed tag"),
    param("termUrn", ParamType::Urn, false, "proposed glossary term"),
    param("glossaryTermUrn", ParamType::Urn, false, "proposed glossary term (newer events)"),
    param("glossaryEntityName", ParamType::String, false, "name of the glossary node or term to create"),
    param("parentNodeUrn", ParamType::Urn, false, "parent glossary node"),
    param("description", ParamType::String, false, "proposed description"),
    param("domains", ParamType::Json, false, "proposed domains (JSON text decoded)"),
    param("owners", ParamType::Json, false, "proposed owners (JSON text decoded)"),
    param("structuredProperties", ParamType::Json, false, "proposed structured properties (JSON text decoded)"),
    param("actorUrn", ParamType::Urn, false, "workflow requester"),
    param("workflowUrn", ParamType::Urn, false, "workflow"),
    param("workflowId", ParamType::String, false, "workflow id"),
    param("expiresAtMs", ParamType::Timestamp, false, "expiry, epoch milliseconds"),
    param("fields", ParamType::Json, false, "workflow form fields (JSON text decoded)"),
    param("stepId", ParamType::String, false, "workflow step"),
    param("entityType", ParamType::String, false, "type of the workflow's entity"),
    param("entityUrn", ParamType::Urn, false, "the workflow's entity"),
    param("entityName", ParamType::String, false, "name of the workflow's entity"),
    param("qualifiedName", ParamType::String, false, "qualified name of the workflow's entity"),
    param("entityPlatformName", ParamType::String, false, "platform of the workflow's entity"),
];
const PROPOSAL_STATUS_PARAMS: &[Param] = &[
    param("actionRequestStatus", ParamType::String, false, "PENDING or COMPLETED (documented as always present)"),
    param("actionRequestResult", ParamType::String, false, "ACCEPTED or REJECTED, once completed"),
    param("actionRequestType", ParamType::String, false, "type of the proposal"),
    param("resourceUrn", ParamType::Urn, false, "the entity the proposal applies to"),
    param("stepId", ParamType::String, false, "workflow step"),
    param("stepResult", ParamType::String, false, "result of a completed workflow step"),
    param("result", ParamType::String, false, "result of a completed workflow"),
    param("workflowUrn", ParamType::Urn, false, "workflow"),
    param("workflowId", ParamType::String, false, "workflow id"),
    param("actorUrn", ParamType::Urn, false, "who acted"),
    param("fields", ParamType::Json, false, "workflow form fields (JSON text decoded)"),
];
const INCIDENT_PARAMS: &[Param] = &[
    param("entities", ParamType::UrnList, true, "the entities the incident is raised on (`[a, b]` text decoded)"),
    derived("status", ParamType::String, "ACTIVE or RESOLVED (the operation)"),
];
const RELATIONSHIP_PARAMS: &[Param] = &[
    field("relationshipType", ParamType::String, true, "edge type, e.g. DownstreamOf, Contains, OwnedBy"),
    field("sourceUrn", ParamType::Urn, true, "source end of the edge (also `entity.id`)"),
    field("destinationUrn", ParamType::Urn, true, "destination end of the edge"),
    field("lifecycleOwner", ParamType::String, false, "owner of the edge's lifecycle"),
    field("via", ParamType::String, false, "intermediate urn of the edge"),
    field("properties", ParamType::Object, false, "edge properties (string map)"),
];

#[expect(clippy::too_many_arguments, reason = "one row of the catalog table, one argument per column")]
const fn ece(
    kind: Kind,
    categories: &'static [&'static str],
    operations: &'static [&'static str],
    entity_types: EntityTypes,
    types: &'static [&'static str],
    params: &'static [Param],
    subjects: &'static [&'static str],
    documented: bool,
    description: &'static str,
    notes: &'static str,
) -> Entry {
    Entry {
        source: Source::Datahub,
        kind,
        discriminators: Discriminators::EntityChangeEvent { categories, operations, entity_types },
        entity_types: types,
        params,
        subjects,
        documented,
        description,
        notes,
    }
}

const fn rce(kind: Kind, operation: &'static [&'static str], description: &'static str) -> Entry {
    Entry {
        source: Source::Datahub,
        kind,
        discriminators: Discriminators::RelationshipChangeEvent { operations: operation },
        entity_types: &[],
        params: RELATIONSHIP_PARAMS,
        subjects: &["destinationUrn"],
        documented: false,
        description,
        notes: "RelationshipChangeEvent (PlatformEvent `relationshipChangeEvent`, actions `RelationshipChangeEvent_v1`), emitted since 2026-03",
    }
}

const OWNER_NOTE: &str = "category OWNER was renamed OWNERSHIP on the wire in 2026-04 (PR #16929); both map to owner.*";
const ANY: EntityTypes = EntityTypes::Any;

pub(super) const ENTRIES: &[Entry] = &[
    ece(
        Kind::TagAdded,
        &["TAG"],
        &["ADD"],
        ANY,
        TAGGABLE,
        TAG_PARAMS,
        &["tagUrn"],
        true,
        "a tag was added",
        "modifier is the tag urn",
    ),
    ece(
        Kind::TagRemoved,
        &["TAG"],
        &["REMOVE"],
        ANY,
        TAGGABLE,
        TAG_PARAMS,
        &["tagUrn"],
        true,
        "a tag was removed",
        "modifier is the tag urn",
    ),
    ece(
        Kind::TermAdded,
        &["GLOSSARY_TERM"],
        &["ADD"],
        ANY,
        TAGGABLE,
        TERM_PARAMS,
        &["termUrn"],
        true,
        "a glossary term was added",
        "modifier is the term urn",
    ),
    ece(
        Kind::TermRemoved,
        &["GLOSSARY_TERM"],
        &["REMOVE"],
        ANY,
        TAGGABLE,
        TERM_PARAMS,
        &["termUrn"],
        true,
        "a glossary term was removed",
        "modifier is the term urn",
    ),
    ece(
        Kind::DomainAdded,
        &["DOMAIN"],
        &["ADD"],
        ANY,
        &["dataset", "dashboard", "chart", "dataJob", "container", "dataFlow"],
        DOMAIN_PARAMS,
        &["domainUrn"],
        true,
        "the entity was put in a domain",
        "a domain change is REMOVE old + ADD new",
    ),
    ece(
        Kind::DomainRemoved,
        &["DOMAIN"],
        &["REMOVE"],
        ANY,
        &["dataset", "dashboard", "chart", "dataJob", "container", "dataFlow"],
        DOMAIN_PARAMS,
        &["domainUrn"],
        true,
        "the entity was taken out of a domain",
        "a domain change is REMOVE old + ADD new",
    ),
    ece(
        Kind::OwnerAdded,
        &["OWNERSHIP", "OWNER"],
        &["ADD"],
        ANY,
        OWNABLE,
        OWNER_PARAMS,
        &["ownerUrn"],
        true,
        "an owner was added",
        OWNER_NOTE,
    ),
    ece(
        Kind::OwnerRemoved,
        &["OWNERSHIP", "OWNER"],
        &["REMOVE"],
        ANY,
        OWNABLE,
        OWNER_PARAMS,
        &["ownerUrn"],
        true,
        "an owner was removed",
        OWNER_NOTE,
    ),
    ece(
        Kind::DocumentationAdded,
        &["DOCUMENTATION"],
        &["ADD"],
        ANY,
        DOCUMENTABLE,
        DOCUMENTATION_PARAMS,
        &[],
        true,
        "a description was added",
        "documentation-aspect events (2026-04) carry `documentation` instead of `description`",
    ),
    ece(
        Kind::DocumentationModified,
        &["DOCUMENTATION"],
        &["MODIFY"],
        ANY,
        DOCUMENTABLE,
        DOCUMENTATION_PARAMS,
        &[],
        false,
        "a description was changed",
        "emitted by the producer, not in the docs' catalog",
    ),
    ece(
        Kind::DocumentationRemoved,
        &["DOCUMENTATION"],
        &["REMOVE"],
        ANY,
        DOCUMENTABLE,
        DOCUMENTATION_PARAMS,
        &[],
        true,
        "a description was removed",
        "",
    ),
    ece(
        Kind::DeprecationChanged,
        &["DEPRECATION"],
        &["MODIFY"],
        ANY,
        &["dataset", "dashboard", "chart", "dataJob", "dataFlow", "container"],
        DEPRECATION_PARAMS,
        &[],
        true,
        "the deprecation status changed",
        "`timestamp` is sent as a string of digits",
    ),
    ece(
        Kind::SchemaFieldAdded,
        &["TECHNICAL_SCHEMA"],
        &["ADD"],
        ANY,
        &["dataset"],
        SCHEMA_PARAMS,
        &["fieldUrn"],
        true,
        "a field was added to a dataset's schema",
        "modifier is the field urn",
    ),
    ece(
        Kind::SchemaFieldRemoved,
        &["TECHNICAL_SCHEMA"],
        &["REMOVE"],
        ANY,
        &["dataset"],
        SCHEMA_PARAMS,
        &["fieldUrn"],
        true,
        "a field was removed from a dataset's schema",
        "modifier is the field urn",
    ),
    ece(
        Kind::SchemaFieldModified,
        &["TECHNICAL_SCHEMA"],
        &["MODIFY"],
        ANY,
        &["dataset"],
        SCHEMA_PARAMS,
        &["fieldUrn"],
        false,
        "a field of a dataset's schema changed (rename, type, primary key)",
        "emitted by the producer, not in the docs' catalog",
    ),
    ece(
        Kind::ProposalCreated,
        &["LIFECYCLE"],
        &["CREATE", "CREATED"],
        EntityTypes::Only(ACTION_REQUEST),
        ACTION_REQUEST,
        PROPOSAL_CREATED_PARAMS,
        &["tagUrn", "termUrn", "glossaryTermUrn", "domains", "owners"],
        true,
        "a proposal (action request) was created",
        "DataHub Cloud; the docs say CREATED, the actions docs and workflows CREATE",
    ),
    ece(
        Kind::ProposalStatusChanged,
        &["LIFECYCLE"],
        &["PENDING", "MODIFY", "COMPLETED"],
        EntityTypes::Only(ACTION_REQUEST),
        ACTION_REQUEST,
        PROPOSAL_STATUS_PARAMS,
        &[],
        true,
        "a proposal changed status (or a workflow step completed)",
        "DataHub Cloud",
    ),
    ece(
        Kind::EntityCreated,
        &["LIFECYCLE"],
        &["CREATE"],
        EntityTypes::Except(ACTION_REQUEST),
        LIFECYCLE_TYPES,
        &[],
        &[],
        true,
        "an entity was created",
        "",
    ),
    ece(
        Kind::EntityDeleted,
        &["LIFECYCLE"],
        &["SOFT_DELETE", "HARD_DELETE"],
        EntityTypes::Except(ACTION_REQUEST),
        LIFECYCLE_TYPES,
        DELETE_PARAMS,
        &[],
        true,
        "an entity was soft- or hard-deleted",
        "details.hard tells them apart",
    ),
    ece(
        Kind::EntityRestored,
        &["LIFECYCLE"],
        &["REINSTATE"],
        EntityTypes::Except(ACTION_REQUEST),
        LIFECYCLE_TYPES,
        &[],
        &[],
        false,
        "a soft-deleted entity was restored",
        "emitted by the producer, not in the docs",
    ),
    ece(
        Kind::AssertionRunCompleted,
        &["RUN"],
        &["COMPLETED"],
        EntityTypes::Only(&["assertion"]),
        &["assertion"],
        ASSERTION_PARAMS,
        &[],
        true,
        "an assertion run completed",
        "runResult is COMPLETE on the wire; the outcome is assertionResult",
    ),
    ece(
        Kind::ProcessRunStarted,
        &["RUN"],
        &["STARTED"],
        EntityTypes::Only(&["dataProcessInstance"]),
        &["dataProcessInstance"],
        PROCESS_STARTED_PARAMS,
        &[],
        true,
        "a data process instance run started",
        "attempt is a number on the wire, a string in the docs",
    ),
    ece(
        Kind::ProcessRunCompleted,
        &["RUN"],
        &["COMPLETED"],
        EntityTypes::Only(&["dataProcessInstance"]),
        &["dataProcessInstance"],
        PROCESS_COMPLETED_PARAMS,
        &[],
        true,
        "a data process instance run completed",
        "attempt is a number on the wire, a string in the docs",
    ),
    ece(
        Kind::BusinessAttributeAdded,
        &["BUSINESS_ATTRIBUTE"],
        &["ADD"],
        ANY,
        &["schemaField"],
        BUSINESS_ATTRIBUTE_PARAMS,
        &["businessAttributeUrn"],
        false,
        "a business attribute was attached",
        "emitted by the producer, not in the docs",
    ),
    ece(
        Kind::BusinessAttributeRemoved,
        &["BUSINESS_ATTRIBUTE"],
        &["REMOVE"],
        ANY,
        &["schemaField"],
        BUSINESS_ATTRIBUTE_PARAMS,
        &["businessAttributeUrn"],
        false,
        "a business attribute was detached",
        "emitted by the producer, not in the docs",
    ),
    ece(
        Kind::StructuredPropertyAdded,
        &["STRUCTURED_PROPERTY"],
        &["ADD"],
        ANY,
        &[],
        STRUCTURED_PROPERTY_PARAMS,
        &["propertyUrn"],
        true,
        "a structured property was set",
        "propertyValues is JSON text",
    ),
    ece(
        Kind::StructuredPropertyRemoved,
        &["STRUCTURED_PROPERTY"],
        &["REMOVE"],
        ANY,
        &[],
        STRUCTURED_PROPERTY_PARAMS,
        &["propertyUrn"],
        true,
        "a structured property was removed",
        "one producer path sends no parameters",
    ),
    ece(
        Kind::StructuredPropertyModified,
        &["STRUCTURED_PROPERTY"],
        &["MODIFY"],
        ANY,
        &[],
        STRUCTURED_PROPERTY_PARAMS,
        &["propertyUrn"],
        true,
        "a structured property's values changed",
        "propertyValues is JSON text",
    ),
    ece(
        Kind::IncidentStatusChanged,
        &["INCIDENT"],
        &["ACTIVE", "RESOLVED"],
        ANY,
        &["incident"],
        INCIDENT_PARAMS,
        &[],
        true,
        "an incident was raised or resolved",
        "DataHub Cloud; `entities` is `[a, b]` text, not JSON",
    ),
    rce(Kind::RelationshipCreated, &["ADD"], "a graph edge was added"),
    rce(Kind::RelationshipUpdated, &["RESTATE"], "a graph edge was restated"),
    rce(Kind::RelationshipDeleted, &["REMOVE"], "a graph edge was removed"),
];
