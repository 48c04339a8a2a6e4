// Generated from the core catalog by scripts/gen-types.mjs: do not edit.
// `npm run build && npm run gen-types` rewrites it; test/types.test.mjs checks it is current.

/** The platform an event came from. */
export type Source = "datahub" | "atlan" | "atlas" | "openmetadata";

/** Every normalized kind. */
export type EventKind =
  | "entity.created"
  | "entity.updated"
  | "entity.deleted"
  | "entity.restored"
  | "lineage.created"
  | "tag.added"
  | "tag.removed"
  | "tag.updated"
  | "term.added"
  | "term.removed"
  | "domain.added"
  | "domain.removed"
  | "owner.added"
  | "owner.removed"
  | "documentation.added"
  | "documentation.modified"
  | "documentation.removed"
  | "deprecation.changed"
  | "schema.field_added"
  | "schema.field_removed"
  | "schema.field_modified"
  | "custom_metadata.updated"
  | "business_attribute.added"
  | "business_attribute.removed"
  | "structured_property.added"
  | "structured_property.removed"
  | "structured_property.modified"
  | "assertion.run_completed"
  | "process.run_started"
  | "process.run_completed"
  | "proposal.created"
  | "proposal.status_changed"
  | "incident.status_changed"
  | "relationship.created"
  | "relationship.updated"
  | "relationship.deleted"
  | "unknown";

/** Every kind family (the part of a kind before the dot). */
export type EventFamily =
  | "entity"
  | "lineage"
  | "tag"
  | "term"
  | "domain"
  | "owner"
  | "documentation"
  | "deprecation"
  | "schema"
  | "custom_metadata"
  | "business_attribute"
  | "structured_property"
  | "assertion"
  | "process"
  | "proposal"
  | "incident"
  | "relationship"
  | "unknown";

/** `details` of `entity.created` (DataHub, Atlan, Apache Atlas and OpenMetadata): an entity was created; an asset was created. */
export interface EntityCreatedDetails {
  /**
   * entity.status (ACTIVE)
   * Only on Atlan and Apache Atlas events.
   */
  status?: string;
  /**
   * entity.createdBy
   * Only on Atlan events.
   */
  createdBy?: string;
  /**
   * entity.createTime
   * Only on Atlan events.
   */
  createTime?: number;
  /** Parameters the catalog does not list, as the platform sent them. */
  [extra: string]: unknown;
}

/** `details` of `entity.updated` (Atlan, Apache Atlas and OpenMetadata): an asset was updated; an entity was updated (partial updates too); an entity changed in ways no other kind describes. */
export interface EntityUpdatedDetails {
  /**
   * names of mutatedDetails.attributes (but tenantId, which every update repeats)
   * Only on Atlan events.
   */
  changedAttributes?: string[];
  /**
   * names of mutatedDetails.relationshipAttributes
   * Only on Atlan events.
   */
  changedRelationships?: string[];
  /**
   * mutatedDetails.attributes: the changed attributes' new values
   * Only on Atlan events.
   */
  attributes?: Record<string, unknown>;
  /**
   * mutatedDetails.relationshipAttributes
   * Only on Atlan events.
   */
  relationshipAttributes?: Record<string, unknown>;
  /**
   * headers x-atlan-request-id
   * Only on Atlan events.
   */
  requestId?: string;
  /**
   * headers x-atlan-via-ui
   * Only on Atlan events.
   */
  viaUi?: boolean;
  /**
   * entity.status (ACTIVE, DELETED)
   * Only on Apache Atlas events.
   */
  status?: string;
  /**
   * one `{list, name, oldValue, newValue}` per FieldChange no other kind took (`list`: fieldsAdded, fieldsUpdated or fieldsDeleted; values that are JSON text decoded)
   * Only on OpenMetadata events.
   */
  changes?: Record<string, unknown>[];
  /**
   * the names of those FieldChanges
   * Only on OpenMetadata events.
   */
  changedFields?: string[];
  /** Parameters the catalog does not list, as the platform sent them. */
  [extra: string]: unknown;
}

/** `details` of `entity.deleted` (DataHub, Atlan, Apache Atlas and OpenMetadata): an entity was soft- or hard-deleted; an asset was archived or purged; an entity was deleted. */
export interface EntityDeletedDetails {
  /** true for HARD_DELETE, false for SOFT_DELETE */
  hard: boolean;
  /**
   * entity.deleteHandler: DEFAULT, SOFT, HARD or PURGE
   * Only on Atlan events.
   */
  deleteHandler?: string;
  /**
   * entity.status (DELETED, PURGED)
   * Only on Atlan and Apache Atlas events.
   */
  status?: string;
  /**
   * the delete cascaded to the entity's children, which get no events of their own (2.x)
   * Only on OpenMetadata events.
   */
  recursive?: boolean;
  /** Parameters the catalog does not list, as the platform sent them. */
  [extra: string]: unknown;
}

/** `details` of `entity.restored` (DataHub and OpenMetadata): a soft-deleted entity was restored. */
export interface EntityRestoredDetails {
  /** Parameters the catalog does not list, as the platform sent them. */
  [extra: string]: unknown;
}

/** `details` of `lineage.created` (Atlan and Apache Atlas): a lineage process was created. */
export interface LineageCreatedDetails {
  /** entity.status (ACTIVE) */
  status?: string;
  /**
   * entity.createdBy
   * Only on Atlan events.
   */
  createdBy?: string;
  /**
   * entity.createTime
   * Only on Atlan events.
   */
  createTime?: number;
  /** process inputs `{guid, typeName, qualifiedName}`, when the event lists them */
  inputs?: Record<string, unknown>[];
  /** process outputs `{guid, typeName, qualifiedName}`, when the event lists them */
  outputs?: Record<string, unknown>[];
  /** Parameters the catalog does not list, as the platform sent them. */
  [extra: string]: unknown;
}

/** `details` of `tag.added` (DataHub, Atlan, Apache Atlas and OpenMetadata): a tag was added; tags were added; a classification was added (to this entity, or propagated to it). */
export interface TagAddedDetails {
  /**
   * the tag
   * Only on DataHub events.
   */
  tagUrn?: string;
  /**
   * path of the schema field, on field-level events
   * Only on DataHub and OpenMetadata events.
   */
  fieldPath?: string;
  /**
   * the dataset that holds the schema field, on field-level events
   * Only on DataHub events.
   */
  parentUrn?: string;
  /**
   * change context (JSON text decoded), `{}` by default
   * Only on DataHub events.
   */
  context?: unknown;
  /**
   * where the change came from (JSON text decoded)
   * Only on DataHub events.
   */
  sourceDetails?: unknown;
  /**
   * one `{tagId, name, entityGuid, entityStatus, propagated, propagate, removePropagationsOnEntityDelete, restrictPropagationThroughLineage, restrictPropagationThroughHierarchy, ...}` per tag of mutatedDetails; tagId is Atlan's hashed tag id, name its display name when the parser was given Atlan's typedefs
   * Only on Atlan and OpenMetadata events.
   */
  tags?: Record<string, unknown>[];
  /**
   * every tag in this event reached this asset by propagation (each tag's entityGuid is another asset's; details.tags[].propagated says it per tag)
   * Only on Atlan and OpenMetadata events.
   */
  propagated?: boolean;
  /**
   * the entity's classifications after the change, as Atlas lists them (supertypes included): one `{tagId, entityGuid, entityStatus, propagated, propagate, removePropagationsOnEntityDelete, validityPeriods, attributes, ...}` each; Atlas does not say which one changed
   * Only on Apache Atlas events.
   */
  classifications?: Record<string, unknown>[];
  /** Parameters the catalog does not list, as the platform sent them. */
  [extra: string]: unknown;
}

/** `details` of `tag.removed` (DataHub, Atlan, Apache Atlas and OpenMetadata): a tag was removed; tags were removed; a classification was removed (from this entity, or its propagation). */
export interface TagRemovedDetails {
  /**
   * the tag
   * Only on DataHub events.
   */
  tagUrn?: string;
  /**
   * path of the schema field, on field-level events
   * Only on DataHub and OpenMetadata events.
   */
  fieldPath?: string;
  /**
   * the dataset that holds the schema field, on field-level events
   * Only on DataHub events.
   */
  parentUrn?: string;
  /**
   * change context (JSON text decoded), `{}` by default
   * Only on DataHub events.
   */
  context?: unknown;
  /**
   * where the change came from (JSON text decoded)
   * Only on DataHub events.
   */
  sourceDetails?: unknown;
  /**
   * one `{tagId, name, entityGuid, entityStatus, propagated, propagate, removePropagationsOnEntityDelete, restrictPropagationThroughLineage, restrictPropagationThroughHierarchy, ...}` per tag of mutatedDetails; tagId is Atlan's hashed tag id, name its display name when the parser was given Atlan's typedefs
   * Only on Atlan and OpenMetadata events.
   */
  tags?: Record<string, unknown>[];
  /**
   * every tag in this event reached this asset by propagation (each tag's entityGuid is another asset's; details.tags[].propagated says it per tag)
   * Only on Atlan and OpenMetadata events.
   */
  propagated?: boolean;
  /**
   * the entity's classifications after the change, as Atlas lists them (supertypes included): one `{tagId, entityGuid, entityStatus, propagated, propagate, removePropagationsOnEntityDelete, validityPeriods, attributes, ...}` each; Atlas does not say which one changed
   * Only on Apache Atlas events.
   */
  classifications?: Record<string, unknown>[];
  /** Parameters the catalog does not list, as the platform sent them. */
  [extra: string]: unknown;
}

/** `details` of `tag.updated` (Atlan and Apache Atlas): tags were changed (attachments, propagation settings); a classification's attributes or propagation settings were changed. */
export interface TagUpdatedDetails {
  /**
   * one `{tagId, name, entityGuid, entityStatus, propagated, propagate, removePropagationsOnEntityDelete, restrictPropagationThroughLineage, restrictPropagationThroughHierarchy, ...}` per tag of mutatedDetails; tagId is Atlan's hashed tag id, name its display name when the parser was given Atlan's typedefs
   * Only on Atlan events.
   */
  tags?: Record<string, unknown>[];
  /**
   * every tag in this event reached this asset by propagation (each tag's entityGuid is another asset's; details.tags[].propagated says it per tag)
   * Only on Atlan events.
   */
  propagated?: boolean;
  /**
   * the entity's classifications after the change, as Atlas lists them (supertypes included): one `{tagId, entityGuid, entityStatus, propagated, propagate, removePropagationsOnEntityDelete, validityPeriods, attributes, ...}` each; Atlas does not say which one changed
   * Only on Apache Atlas events.
   */
  classifications?: Record<string, unknown>[];
  /** Parameters the catalog does not list, as the platform sent them. */
  [extra: string]: unknown;
}

/** `details` of `term.added` (DataHub and OpenMetadata): a glossary term was added; glossary terms were added. */
export interface TermAddedDetails {
  /**
   * the glossary term
   * Only on DataHub events.
   */
  termUrn?: string;
  /** path of the schema field, on field-level events */
  fieldPath?: string;
  /**
   * the dataset that holds the schema field, on field-level events
   * Only on DataHub events.
   */
  parentUrn?: string;
  /**
   * change context (JSON text decoded), `{}` by default
   * Only on DataHub events.
   */
  context?: unknown;
  /**
   * where the change came from (JSON text decoded)
   * Only on DataHub events.
   */
  sourceDetails?: unknown;
  /**
   * the glossary terms, as TagLabels with source Glossary `{tagFQN, source, labelType, state, ...}` (JSON text decoded, repeats dropped)
   * Only on OpenMetadata events.
   */
  terms?: Record<string, unknown>[];
  /** Parameters the catalog does not list, as the platform sent them. */
  [extra: string]: unknown;
}

/** `details` of `term.removed` (DataHub and OpenMetadata): a glossary term was removed; glossary terms were removed. */
export interface TermRemovedDetails {
  /**
   * the glossary term
   * Only on DataHub events.
   */
  termUrn?: string;
  /** path of the schema field, on field-level events */
  fieldPath?: string;
  /**
   * the dataset that holds the schema field, on field-level events
   * Only on DataHub events.
   */
  parentUrn?: string;
  /**
   * change context (JSON text decoded), `{}` by default
   * Only on DataHub events.
   */
  context?: unknown;
  /**
   * where the change came from (JSON text decoded)
   * Only on DataHub events.
   */
  sourceDetails?: unknown;
  /**
   * the glossary terms, as TagLabels with source Glossary `{tagFQN, source, labelType, state, ...}` (JSON text decoded, repeats dropped)
   * Only on OpenMetadata events.
   */
  terms?: Record<string, unknown>[];
  /** Parameters the catalog does not list, as the platform sent them. */
  [extra: string]: unknown;
}

/** `details` of `domain.added` (DataHub and OpenMetadata): the entity was put in a domain; domains were added. */
export interface DomainAddedDetails {
  /**
   * the domain
   * Only on DataHub events.
   */
  domainUrn?: string;
  /**
   * change context (JSON text decoded), `{}` by default
   * Only on DataHub events.
   */
  context?: unknown;
  /**
   * where the change came from (JSON text decoded)
   * Only on DataHub events.
   */
  sourceDetails?: unknown;
  /**
   * the domains, as EntityReferences `{id, type, name, fullyQualifiedName, ...}`
   * Only on OpenMetadata events.
   */
  domains?: Record<string, unknown>[];
  /** Parameters the catalog does not list, as the platform sent them. */
  [extra: string]: unknown;
}

/** `details` of `domain.removed` (DataHub and OpenMetadata): the entity was taken out of a domain; domains were removed. */
export interface DomainRemovedDetails {
  /**
   * the domain
   * Only on DataHub events.
   */
  domainUrn?: string;
  /**
   * change context (JSON text decoded), `{}` by default
   * Only on DataHub events.
   */
  context?: unknown;
  /**
   * where the change came from (JSON text decoded)
   * Only on DataHub events.
   */
  sourceDetails?: unknown;
  /**
   * the domains, as EntityReferences `{id, type, name, fullyQualifiedName, ...}`
   * Only on OpenMetadata events.
   */
  domains?: Record<string, unknown>[];
  /** Parameters the catalog does not list, as the platform sent them. */
  [extra: string]: unknown;
}

/** `details` of `owner.added` (DataHub and OpenMetadata): an owner was added; owners were added. */
export interface OwnerAddedDetails {
  /**
   * the owner (corpuser or corpGroup urn)
   * Only on DataHub events.
   */
  ownerUrn?: string;
  /**
   * TECHNICAL_OWNER, BUSINESS_OWNER, DATA_STEWARD, NONE, CUSTOM, ...
   * Only on DataHub events.
   */
  ownerType?: string;
  /**
   * custom ownership type urn
   * Only on DataHub events.
   */
  ownerTypeUrn?: string;
  /**
   * change context (JSON text decoded), `{}` by default
   * Only on DataHub events.
   */
  context?: unknown;
  /**
   * where the change came from (JSON text decoded)
   * Only on DataHub events.
   */
  sourceDetails?: unknown;
  /**
   * the owners, as EntityReferences `{id, type, name, fullyQualifiedName, ...}` (a user or a team)
   * Only on OpenMetadata events.
   */
  owners?: Record<string, unknown>[];
  /** Parameters the catalog does not list, as the platform sent them. */
  [extra: string]: unknown;
}

/** `details` of `owner.removed` (DataHub and OpenMetadata): an owner was removed; owners were removed. */
export interface OwnerRemovedDetails {
  /**
   * the owner (corpuser or corpGroup urn)
   * Only on DataHub events.
   */
  ownerUrn?: string;
  /**
   * TECHNICAL_OWNER, BUSINESS_OWNER, DATA_STEWARD, NONE, CUSTOM, ...
   * Only on DataHub events.
   */
  ownerType?: string;
  /**
   * custom ownership type urn
   * Only on DataHub events.
   */
  ownerTypeUrn?: string;
  /**
   * change context (JSON text decoded), `{}` by default
   * Only on DataHub events.
   */
  context?: unknown;
  /**
   * where the change came from (JSON text decoded)
   * Only on DataHub events.
   */
  sourceDetails?: unknown;
  /**
   * the owners, as EntityReferences `{id, type, name, fullyQualifiedName, ...}` (a user or a team)
   * Only on OpenMetadata events.
   */
  owners?: Record<string, unknown>[];
  /** Parameters the catalog does not list, as the platform sent them. */
  [extra: string]: unknown;
}

/** `details` of `documentation.added` (DataHub and OpenMetadata): a description was added; a description was set. */
export interface DocumentationAddedDetails {
  /** the description added, changed to or removed */
  description?: string;
  /**
   * the documentation text (documentation aspect)
   * Only on DataHub events.
   */
  documentation?: string;
  /** path of the schema field, on field-level events */
  fieldPath?: string;
  /**
   * the dataset that holds the schema field, on field-level events
   * Only on DataHub events.
   */
  parentUrn?: string;
  /**
   * change context (JSON text decoded), `{}` by default
   * Only on DataHub events.
   */
  context?: unknown;
  /**
   * the description before a modification
   * Only on OpenMetadata events.
   */
  previousDescription?: string;
  /** Parameters the catalog does not list, as the platform sent them. */
  [extra: string]: unknown;
}

/** `details` of `documentation.modified` (DataHub and OpenMetadata): a description was changed. */
export interface DocumentationModifiedDetails {
  /** the description added, changed to or removed */
  description?: string;
  /**
   * the documentation text (documentation aspect)
   * Only on DataHub events.
   */
  documentation?: string;
  /** path of the schema field, on field-level events */
  fieldPath?: string;
  /**
   * the dataset that holds the schema field, on field-level events
   * Only on DataHub events.
   */
  parentUrn?: string;
  /**
   * change context (JSON text decoded), `{}` by default
   * Only on DataHub events.
   */
  context?: unknown;
  /**
   * the description before a modification
   * Only on OpenMetadata events.
   */
  previousDescription?: string;
  /** Parameters the catalog does not list, as the platform sent them. */
  [extra: string]: unknown;
}

/** `details` of `documentation.removed` (DataHub and OpenMetadata): a description was removed; a description was cleared. */
export interface DocumentationRemovedDetails {
  /** the description added, changed to or removed */
  description?: string;
  /**
   * the documentation text (documentation aspect)
   * Only on DataHub events.
   */
  documentation?: string;
  /** path of the schema field, on field-level events */
  fieldPath?: string;
  /**
   * the dataset that holds the schema field, on field-level events
   * Only on DataHub events.
   */
  parentUrn?: string;
  /**
   * change context (JSON text decoded), `{}` by default
   * Only on DataHub events.
   */
  context?: unknown;
  /**
   * the description before a modification
   * Only on OpenMetadata events.
   */
  previousDescription?: string;
  /** Parameters the catalog does not list, as the platform sent them. */
  [extra: string]: unknown;
}

/** `details` of `deprecation.changed` (DataHub and OpenMetadata): the deprecation status changed; an entity was deprecated or un-deprecated. */
export interface DeprecationChangedDetails {
  /** DEPRECATED or ACTIVE */
  status: string;
  /**
   * decommission time (sent as a string of digits)
   * Only on DataHub events.
   */
  timestamp?: number;
  /**
   * deprecation note
   * Only on DataHub events.
   */
  note?: string;
  /**
   * the new status as OpenMetadata spells it (Deprecated, Approved, ...)
   * Only on OpenMetadata events.
   */
  entityStatus?: string;
  /**
   * the status before
   * Only on OpenMetadata events.
   */
  previousEntityStatus?: string;
  /** Parameters the catalog does not list, as the platform sent them. */
  [extra: string]: unknown;
}

/** `details` of `schema.field_added` (DataHub and OpenMetadata): a field was added to a dataset's schema; a column was added. */
export interface SchemaFieldAddedDetails {
  /**
   * the schema field urn
   * Only on DataHub events.
   */
  fieldUrn?: string;
  /** the field path */
  fieldPath: string;
  /**
   * whether the field is nullable (documented as always present)
   * Only on DataHub events.
   */
  nullable?: boolean;
  /** RENAME, TYPE_CHANGE or OTHER */
  modificationCategory?: string;
  /**
   * the Column `{name, dataType, dataLength, ...}` added, removed, or as it is now
   * Only on OpenMetadata events.
   */
  column?: Record<string, unknown>;
  /**
   * the Column before a modification (a type change is a remove and an add of it)
   * Only on OpenMetadata events.
   */
  previousColumn?: Record<string, unknown>;
  /**
   * the column property a `columns.<path>.<property>` change names: dataLength, precision, scale, constraint, displayName
   * Only on OpenMetadata events.
   */
  changedProperty?: string;
  /**
   * that property before
   * Only on OpenMetadata events.
   */
  previousValue?: unknown;
  /**
   * that property now
   * Only on OpenMetadata events.
   */
  value?: unknown;
  /** Parameters the catalog does not list, as the platform sent them. */
  [extra: string]: unknown;
}

/** `details` of `schema.field_removed` (DataHub and OpenMetadata): a field was removed from a dataset's schema; a column was removed. */
export interface SchemaFieldRemovedDetails {
  /**
   * the schema field urn
   * Only on DataHub events.
   */
  fieldUrn?: string;
  /** the field path */
  fieldPath: string;
  /**
   * whether the field is nullable (documented as always present)
   * Only on DataHub events.
   */
  nullable?: boolean;
  /** RENAME, TYPE_CHANGE or OTHER */
  modificationCategory?: string;
  /**
   * the Column `{name, dataType, dataLength, ...}` added, removed, or as it is now
   * Only on OpenMetadata events.
   */
  column?: Record<string, unknown>;
  /**
   * the Column before a modification (a type change is a remove and an add of it)
   * Only on OpenMetadata events.
   */
  previousColumn?: Record<string, unknown>;
  /**
   * the column property a `columns.<path>.<property>` change names: dataLength, precision, scale, constraint, displayName
   * Only on OpenMetadata events.
   */
  changedProperty?: string;
  /**
   * that property before
   * Only on OpenMetadata events.
   */
  previousValue?: unknown;
  /**
   * that property now
   * Only on OpenMetadata events.
   */
  value?: unknown;
  /** Parameters the catalog does not list, as the platform sent them. */
  [extra: string]: unknown;
}

/** `details` of `schema.field_modified` (DataHub and OpenMetadata): a field of a dataset's schema changed (rename, type, primary key); a column's type or properties changed. */
export interface SchemaFieldModifiedDetails {
  /**
   * the schema field urn
   * Only on DataHub events.
   */
  fieldUrn?: string;
  /** the field path */
  fieldPath: string;
  /**
   * whether the field is nullable (documented as always present)
   * Only on DataHub events.
   */
  nullable?: boolean;
  /** RENAME, TYPE_CHANGE or OTHER */
  modificationCategory?: string;
  /**
   * the Column `{name, dataType, dataLength, ...}` added, removed, or as it is now
   * Only on OpenMetadata events.
   */
  column?: Record<string, unknown>;
  /**
   * the Column before a modification (a type change is a remove and an add of it)
   * Only on OpenMetadata events.
   */
  previousColumn?: Record<string, unknown>;
  /**
   * the column property a `columns.<path>.<property>` change names: dataLength, precision, scale, constraint, displayName
   * Only on OpenMetadata events.
   */
  changedProperty?: string;
  /**
   * that property before
   * Only on OpenMetadata events.
   */
  previousValue?: unknown;
  /**
   * that property now
   * Only on OpenMetadata events.
   */
  value?: unknown;
  /** Parameters the catalog does not list, as the platform sent them. */
  [extra: string]: unknown;
}

/** `details` of `custom_metadata.updated` (Atlan): custom metadata was set or removed. */
export interface CustomMetadataUpdatedDetails {
  /** one `{setId, setName, attributeId, attributeName, value, removed}` per attribute of mutatedDetails; a null value means removed; the names only when the parser was given Atlan's typedefs */
  changes: Record<string, unknown>[];
  /** Parameters the catalog does not list, as the platform sent them. */
  [extra: string]: unknown;
}

/** `details` of `business_attribute.added` (DataHub): a business attribute was attached. */
export interface BusinessAttributeAddedDetails {
  /** the business attribute */
  businessAttributeUrn: string;
  /** the dataset of the schema field */
  parentUrn?: string;
  /** the dataset of the schema field */
  datasetUrn?: string;
  /** Parameters the catalog does not list, as the platform sent them. */
  [extra: string]: unknown;
}

/** `details` of `business_attribute.removed` (DataHub): a business attribute was detached. */
export interface BusinessAttributeRemovedDetails {
  /** the business attribute */
  businessAttributeUrn: string;
  /** the dataset of the schema field */
  parentUrn?: string;
  /** the dataset of the schema field */
  datasetUrn?: string;
  /** Parameters the catalog does not list, as the platform sent them. */
  [extra: string]: unknown;
}

/** `details` of `structured_property.added` (DataHub): a structured property was set. */
export interface StructuredPropertyAddedDetails {
  /** the structured property */
  propertyUrn: string;
  /** the values (JSON array text decoded) */
  propertyValues?: unknown;
  /** where the change came from (JSON text decoded) */
  sourceDetails?: unknown;
  /** Parameters the catalog does not list, as the platform sent them. */
  [extra: string]: unknown;
}

/** `details` of `structured_property.removed` (DataHub): a structured property was removed. */
export interface StructuredPropertyRemovedDetails {
  /** the structured property */
  propertyUrn: string;
  /** the values (JSON array text decoded) */
  propertyValues?: unknown;
  /** where the change came from (JSON text decoded) */
  sourceDetails?: unknown;
  /** Parameters the catalog does not list, as the platform sent them. */
  [extra: string]: unknown;
}

/** `details` of `structured_property.modified` (DataHub): a structured property's values changed. */
export interface StructuredPropertyModifiedDetails {
  /** the structured property */
  propertyUrn: string;
  /** the values (JSON array text decoded) */
  propertyValues?: unknown;
  /** where the change came from (JSON text decoded) */
  sourceDetails?: unknown;
  /** Parameters the catalog does not list, as the platform sent them. */
  [extra: string]: unknown;
}

/** `details` of `assertion.run_completed` (DataHub): an assertion run completed. */
export interface AssertionRunCompletedDetails {
  /** run status (the producer sends COMPLETE; docs say SUCCESS/FAILURE) */
  runResult: string;
  /** native id of the run */
  runId: string;
  /** the entity the assertion checks */
  asserteeUrn: string;
  /** INIT, SUCCESS, FAILURE or ERROR */
  assertionResult?: string;
  /** Parameters the catalog does not list, as the platform sent them. */
  [extra: string]: unknown;
}

/** `details` of `process.run_started` (DataHub): a data process instance run started. */
export interface ProcessRunStartedDetails {
  /** attempt number (a number on the wire, a string in the docs) */
  attempt?: number;
  /** the data flow of the run */
  dataFlowUrn?: string;
  /** the data job of the run */
  dataJobUrn?: string;
  /** the parent process instance */
  parentInstanceUrn?: string;
  /** Parameters the catalog does not list, as the platform sent them. */
  [extra: string]: unknown;
}

/** `details` of `process.run_completed` (DataHub): a data process instance run completed. */
export interface ProcessRunCompletedDetails {
  /** SUCCESS, FAILURE, SKIPPED or UP_FOR_RETRY */
  runResult: string;
  /** attempt number (a number on the wire, a string in the docs) */
  attempt?: number;
  /** the data flow of the run */
  dataFlowUrn?: string;
  /** the data job of the run */
  dataJobUrn?: string;
  /** the parent process instance */
  parentInstanceUrn?: string;
  /** Parameters the catalog does not list, as the platform sent them. */
  [extra: string]: unknown;
}

/** `details` of `proposal.created` (DataHub): a proposal (action request) was created. */
export interface ProposalCreatedDetails {
  /** TAG_ASSOCIATION, TERM_ASSOCIATION, CREATE_GLOSSARY_TERM, UPDATE_DESCRIPTION, WORKFLOW_FORM_REQUEST, ... */
  actionRequestType: string;
  /** type of the entity the proposal applies to */
  resourceType?: string;
  /** the entity the proposal applies to */
  resourceUrn?: string;
  /** sub-resource type, e.g. schemaField */
  subResourceType?: string;
  /** sub-resource id */
  subResource?: string;
  /** proposed tag */
  tagUrn?: string;
  /** proposed glossary term */
  termUrn?: string;
  /** proposed glossary term (newer events) */
  glossaryTermUrn?: string;
  /** name of the glossary node or term to create */
  glossaryEntityName?: string;
  /** parent glossary node */
  parentNodeUrn?: string;
  /** proposed description */
  description?: string;
  /** proposed domains (JSON text decoded) */
  domains?: unknown;
  /** proposed owners (JSON text decoded) */
  owners?: unknown;
  /** proposed structured properties (JSON text decoded) */
  structuredProperties?: unknown;
  /** workflow requester */
  actorUrn?: string;
  /** workflow */
  workflowUrn?: string;
  /** workflow id */
  workflowId?: string;
  /** expiry, epoch milliseconds */
  expiresAtMs?: number;
  /** workflow form fields (JSON text decoded) */
  fields?: unknown;
  /** workflow step */
  stepId?: string;
  /** type of the workflow's entity */
  entityType?: string;
  /** the workflow's entity */
  entityUrn?: string;
  /** name of the workflow's entity */
  entityName?: string;
  /** qualified name of the workflow's entity */
  qualifiedName?: string;
  /** platform of the workflow's entity */
  entityPlatformName?: string;
  /** Parameters the catalog does not list, as the platform sent them. */
  [extra: string]: unknown;
}

/** `details` of `proposal.status_changed` (DataHub): a proposal changed status (or a workflow step completed). */
export interface ProposalStatusChangedDetails {
  /** PENDING or COMPLETED (documented as always present) */
  actionRequestStatus?: string;
  /** ACCEPTED or REJECTED, once completed */
  actionRequestResult?: string;
  /** type of the proposal */
  actionRequestType?: string;
  /** the entity the proposal applies to */
  resourceUrn?: string;
  /** workflow step */
  stepId?: string;
  /** result of a completed workflow step */
  stepResult?: string;
  /** result of a completed workflow */
  result?: string;
  /** workflow */
  workflowUrn?: string;
  /** workflow id */
  workflowId?: string;
  /** who acted */
  actorUrn?: string;
  /** workflow form fields (JSON text decoded) */
  fields?: unknown;
  /** Parameters the catalog does not list, as the platform sent them. */
  [extra: string]: unknown;
}

/** `details` of `incident.status_changed` (DataHub): an incident was raised or resolved. */
export interface IncidentStatusChangedDetails {
  /** the entities the incident is raised on (`[a, b]` text decoded) */
  entities: string[];
  /** ACTIVE or RESOLVED (the operation) */
  status: string;
  /** Parameters the catalog does not list, as the platform sent them. */
  [extra: string]: unknown;
}

/** `details` of `relationship.created` (DataHub, Atlan and Apache Atlas): a graph edge was added; a relationship was created. */
export interface RelationshipCreatedDetails {
  /** edge type, e.g. DownstreamOf, Contains, OwnedBy */
  relationshipType: string;
  /**
   * source end of the edge (also `entity.id`)
   * Only on DataHub events.
   */
  sourceUrn?: string;
  /**
   * destination end of the edge
   * Only on DataHub events.
   */
  destinationUrn?: string;
  /**
   * owner of the edge's lifecycle
   * Only on DataHub events.
   */
  lifecycleOwner?: string;
  /**
   * intermediate urn of the edge
   * Only on DataHub events.
   */
  via?: string;
  /**
   * edge properties (string map)
   * Only on DataHub events.
   */
  properties?: Record<string, unknown>;
  /**
   * relationship.guid
   * Only on Atlan and Apache Atlas events.
   */
  relationshipGuid?: string;
  /**
   * relationship.status
   * Only on Atlan and Apache Atlas events.
   */
  status?: string;
  /**
   * relationship.label
   * Only on Atlan and Apache Atlas events.
   */
  label?: string;
  /**
   * relationship.propagateTags (NONE, ONE_TO_TWO, ...)
   * Only on Atlan and Apache Atlas events.
   */
  propagateTags?: string;
  /**
   * `{guid, typeName, qualifiedName}` of end 1 (also `entity`)
   * Only on Atlan and Apache Atlas events.
   */
  end1?: Record<string, unknown>;
  /**
   * `{guid, typeName, qualifiedName}` of end 2
   * Only on Atlan and Apache Atlas events.
   */
  end2?: Record<string, unknown>;
  /** Parameters the catalog does not list, as the platform sent them. */
  [extra: string]: unknown;
}

/** `details` of `relationship.updated` (DataHub, Atlan and Apache Atlas): a graph edge was restated; a relationship was updated. */
export interface RelationshipUpdatedDetails {
  /** edge type, e.g. DownstreamOf, Contains, OwnedBy */
  relationshipType: string;
  /**
   * source end of the edge (also `entity.id`)
   * Only on DataHub events.
   */
  sourceUrn?: string;
  /**
   * destination end of the edge
   * Only on DataHub events.
   */
  destinationUrn?: string;
  /**
   * owner of the edge's lifecycle
   * Only on DataHub events.
   */
  lifecycleOwner?: string;
  /**
   * intermediate urn of the edge
   * Only on DataHub events.
   */
  via?: string;
  /**
   * edge properties (string map)
   * Only on DataHub events.
   */
  properties?: Record<string, unknown>;
  /**
   * relationship.guid
   * Only on Atlan and Apache Atlas events.
   */
  relationshipGuid?: string;
  /**
   * relationship.status
   * Only on Atlan and Apache Atlas events.
   */
  status?: string;
  /**
   * relationship.label
   * Only on Atlan and Apache Atlas events.
   */
  label?: string;
  /**
   * relationship.propagateTags (NONE, ONE_TO_TWO, ...)
   * Only on Atlan and Apache Atlas events.
   */
  propagateTags?: string;
  /**
   * `{guid, typeName, qualifiedName}` of end 1 (also `entity`)
   * Only on Atlan and Apache Atlas events.
   */
  end1?: Record<string, unknown>;
  /**
   * `{guid, typeName, qualifiedName}` of end 2
   * Only on Atlan and Apache Atlas events.
   */
  end2?: Record<string, unknown>;
  /** Parameters the catalog does not list, as the platform sent them. */
  [extra: string]: unknown;
}

/** `details` of `relationship.deleted` (DataHub, Atlan and Apache Atlas): a graph edge was removed; a relationship was deleted. */
export interface RelationshipDeletedDetails {
  /** edge type, e.g. DownstreamOf, Contains, OwnedBy */
  relationshipType: string;
  /**
   * source end of the edge (also `entity.id`)
   * Only on DataHub events.
   */
  sourceUrn?: string;
  /**
   * destination end of the edge
   * Only on DataHub events.
   */
  destinationUrn?: string;
  /**
   * owner of the edge's lifecycle
   * Only on DataHub events.
   */
  lifecycleOwner?: string;
  /**
   * intermediate urn of the edge
   * Only on DataHub events.
   */
  via?: string;
  /**
   * edge properties (string map)
   * Only on DataHub events.
   */
  properties?: Record<string, unknown>;
  /**
   * relationship.guid
   * Only on Atlan and Apache Atlas events.
   */
  relationshipGuid?: string;
  /**
   * relationship.status
   * Only on Atlan and Apache Atlas events.
   */
  status?: string;
  /**
   * relationship.label
   * Only on Atlan and Apache Atlas events.
   */
  label?: string;
  /**
   * relationship.propagateTags (NONE, ONE_TO_TWO, ...)
   * Only on Atlan and Apache Atlas events.
   */
  propagateTags?: string;
  /**
   * `{guid, typeName, qualifiedName}` of end 1 (also `entity`)
   * Only on Atlan and Apache Atlas events.
   */
  end1?: Record<string, unknown>;
  /**
   * `{guid, typeName, qualifiedName}` of end 2
   * Only on Atlan and Apache Atlas events.
   */
  end2?: Record<string, unknown>;
  /** Parameters the catalog does not list, as the platform sent them. */
  [extra: string]: unknown;
}

/** `details` of `unknown`: whatever the platform event carried, as the catalog does not know it. */
export interface UnknownDetails {
  /** Parameters the catalog does not list, as the platform sent them. */
  [extra: string]: unknown;
}

/** The `details` type of each kind. */
export interface EventDetailsByKind {
  "entity.created": EntityCreatedDetails;
  "entity.updated": EntityUpdatedDetails;
  "entity.deleted": EntityDeletedDetails;
  "entity.restored": EntityRestoredDetails;
  "lineage.created": LineageCreatedDetails;
  "tag.added": TagAddedDetails;
  "tag.removed": TagRemovedDetails;
  "tag.updated": TagUpdatedDetails;
  "term.added": TermAddedDetails;
  "term.removed": TermRemovedDetails;
  "domain.added": DomainAddedDetails;
  "domain.removed": DomainRemovedDetails;
  "owner.added": OwnerAddedDetails;
  "owner.removed": OwnerRemovedDetails;
  "documentation.added": DocumentationAddedDetails;
  "documentation.modified": DocumentationModifiedDetails;
  "documentation.removed": DocumentationRemovedDetails;
  "deprecation.changed": DeprecationChangedDetails;
  "schema.field_added": SchemaFieldAddedDetails;
  "schema.field_removed": SchemaFieldRemovedDetails;
  "schema.field_modified": SchemaFieldModifiedDetails;
  "custom_metadata.updated": CustomMetadataUpdatedDetails;
  "business_attribute.added": BusinessAttributeAddedDetails;
  "business_attribute.removed": BusinessAttributeRemovedDetails;
  "structured_property.added": StructuredPropertyAddedDetails;
  "structured_property.removed": StructuredPropertyRemovedDetails;
  "structured_property.modified": StructuredPropertyModifiedDetails;
  "assertion.run_completed": AssertionRunCompletedDetails;
  "process.run_started": ProcessRunStartedDetails;
  "process.run_completed": ProcessRunCompletedDetails;
  "proposal.created": ProposalCreatedDetails;
  "proposal.status_changed": ProposalStatusChangedDetails;
  "incident.status_changed": IncidentStatusChangedDetails;
  "relationship.created": RelationshipCreatedDetails;
  "relationship.updated": RelationshipUpdatedDetails;
  "relationship.deleted": RelationshipDeletedDetails;
  "unknown": UnknownDetails;
}

/** The platforms that emit each kind. */
export interface EventSourcesByKind {
  "entity.created": "datahub" | "atlan" | "atlas" | "openmetadata";
  "entity.updated": "atlan" | "atlas" | "openmetadata";
  "entity.deleted": "datahub" | "atlan" | "atlas" | "openmetadata";
  "entity.restored": "datahub" | "openmetadata";
  "lineage.created": "atlan" | "atlas";
  "tag.added": "datahub" | "atlan" | "atlas" | "openmetadata";
  "tag.removed": "datahub" | "atlan" | "atlas" | "openmetadata";
  "tag.updated": "atlan" | "atlas";
  "term.added": "datahub" | "openmetadata";
  "term.removed": "datahub" | "openmetadata";
  "domain.added": "datahub" | "openmetadata";
  "domain.removed": "datahub" | "openmetadata";
  "owner.added": "datahub" | "openmetadata";
  "owner.removed": "datahub" | "openmetadata";
  "documentation.added": "datahub" | "openmetadata";
  "documentation.modified": "datahub" | "openmetadata";
  "documentation.removed": "datahub" | "openmetadata";
  "deprecation.changed": "datahub" | "openmetadata";
  "schema.field_added": "datahub" | "openmetadata";
  "schema.field_removed": "datahub" | "openmetadata";
  "schema.field_modified": "datahub" | "openmetadata";
  "custom_metadata.updated": "atlan";
  "business_attribute.added": "datahub";
  "business_attribute.removed": "datahub";
  "structured_property.added": "datahub";
  "structured_property.removed": "datahub";
  "structured_property.modified": "datahub";
  "assertion.run_completed": "datahub";
  "process.run_started": "datahub";
  "process.run_completed": "datahub";
  "proposal.created": "datahub";
  "proposal.status_changed": "datahub";
  "incident.status_changed": "datahub";
  "relationship.created": "datahub" | "atlan" | "atlas";
  "relationship.updated": "datahub" | "atlan" | "atlas";
  "relationship.deleted": "datahub" | "atlan" | "atlas";
  "unknown": "datahub" | "atlan" | "atlas" | "openmetadata";
}
