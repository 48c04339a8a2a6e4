//! The asset an Atlan notification is about: its header's fields, and references to other assets.

use compact_str::CompactString;

use crate::json::{Node, Object};
use crate::model::Entity;
use crate::normalize::lowercase;
use crate::normalize::notification::referenced_qualified_name;

/// Attributes that name an asset's parent in the SQL-like hierarchies, most specific first
/// (a nested column's parent column, a column's table or view, a table's schema, ...).
pub(crate) const PARENT_ATTRIBUTES: &[&str] = &[
    "parentQualifiedName",
    "parentColumnQualifiedName",
    "tableQualifiedName",
    "viewQualifiedName",
    "materialisedViewQualifiedName",
    "schemaQualifiedName",
    "databaseQualifiedName",
    "connectionQualifiedName",
];

/// Types whose parent attribute is another one (pyatlan's asset models), most specific first.
const TYPE_PARENT_ATTRIBUTES: &[(&str, &[&str])] = &[
    ("ADLSContainer", &["adlsAccountQualifiedName"]),
    ("ADLSObject", &["adlsContainerQualifiedName"]),
    ("APIPath", &["apiSpecQualifiedName"]),
    ("AirflowTask", &["airflowDagQualifiedName"]),
    ("DbtModelColumn", &["dbtModelQualifiedName"]),
    ("GCSObject", &["gcsBucketQualifiedName"]),
    ("KafkaField", &["kafkaTopicQualifiedName"]),
    ("KafkaTopic", &["kafkaTopicClusterQualifiedName", "connectionQualifiedName"]),
    ("LookerField", &["lookerViewQualifiedName", "lookerExploreQualifiedName"]),
    ("MetabaseDashboard", &["metabaseCollectionQualifiedName"]),
    ("MetabaseQuestion", &["metabaseCollectionQualifiedName"]),
    ("PowerBIColumn", &["powerBITableQualifiedName"]),
    ("PowerBIDashboard", &["workspaceQualifiedName"]),
    ("PowerBIDataflow", &["workspaceQualifiedName"]),
    ("PowerBIDataset", &["workspaceQualifiedName"]),
    ("PowerBIMeasure", &["powerBITableQualifiedName"]),
    ("PowerBIPage", &["reportQualifiedName"]),
    ("PowerBIReport", &["workspaceQualifiedName"]),
    ("PowerBITable", &["datasetQualifiedName"]),
    ("PowerBITile", &["dashboardQualifiedName"]),
    ("S3Object", &["s3ParentPrefixQualifiedName", "s3BucketQualifiedName"]),
    ("S3Prefix", &["s3ParentPrefixQualifiedName", "s3BucketQualifiedName"]),
    ("SalesforceDashboard", &["organizationQualifiedName"]),
    ("SalesforceField", &["objectQualifiedName"]),
    ("SalesforceObject", &["organizationQualifiedName"]),
    ("SalesforceReport", &["organizationQualifiedName"]),
    ("TableauCalculatedField", &["datasourceQualifiedName"]),
    ("TableauDashboard", &["workbookQualifiedName"]),
    ("TableauDatasource", &["workbookQualifiedName", "projectQualifiedName"]),
    ("TableauDatasourceField", &["datasourceQualifiedName"]),
    ("TableauFlow", &["projectQualifiedName"]),
    ("TableauMetric", &["projectQualifiedName"]),
    ("TableauProject", &["siteQualifiedName"]),
    ("TableauWorkbook", &["projectQualifiedName"]),
    ("TableauWorksheet", &["workbookQualifiedName"]),
];

/// Relationships that anchor an asset in its parent: a glossary term's or category's glossary,
/// a column process's process, a Tableau project's parent project.
const PARENT_RELATIONSHIPS: &[(&str, &str)] = &[
    ("AtlasGlossaryCategory", "anchor"),
    ("AtlasGlossaryTerm", "anchor"),
    ("ColumnProcess", "process"),
    ("TableauProject", "parentProject"),
];

/// The qualified name of the asset's parent, where the header says it: the relationship that
/// anchors the asset, else its type's parent attribute, else the SQL hierarchy's; a glossary term
/// or category without its anchor is in the glossary its `<id>@<glossary>` qualified name names.
fn parent(entity: &Object<'_>, attributes: Option<&Object<'_>>, type_name: &str) -> Option<CompactString> {
    let attribute = |key: &str| attributes.and_then(|a| a.get(key)).and_then(Node::as_str).filter(|s| !s.is_empty());
    if let Some((_, relationship)) = PARENT_RELATIONSHIPS.iter().find(|(ty, _)| *ty == type_name) {
        let anchored = [entity.get("relationshipAttributes").and_then(Node::as_object), attributes]
            .into_iter()
            .flatten()
            .filter_map(|holder| holder.get(relationship))
            .find_map(|end| referenced_qualified_name(end));
        if let Some(qualified_name) = anchored {
            return Some(qualified_name.into());
        }
    }
    let by_type = TYPE_PARENT_ATTRIBUTES.iter().find(|(ty, _)| *ty == type_name).map(|(_, attrs)| *attrs);
    if let Some(found) = by_type.unwrap_or(PARENT_ATTRIBUTES).iter().find_map(|key| attribute(key)) {
        return Some(found.into());
    }
    if type_name.starts_with("AtlasGlossary") && type_name != "AtlasGlossary" {
        return attribute("qualifiedName")
            .and_then(|qualified_name| qualified_name.rsplit_once('@'))
            .map(|(_, glossary)| glossary)
            .filter(|glossary| !glossary.is_empty())
            .map(CompactString::from);
    }
    None
}

/// Platform from `connectorName`, else the second segment of `default/<connector>/...`.
pub(crate) fn platform(attributes: Option<&Object<'_>>, qualified_name: Option<&str>) -> Option<CompactString> {
    if let Some(connector) = attributes.and_then(|a| a.get("connectorName")).and_then(Node::as_str) {
        if !connector.is_empty() {
            return Some(lowercase(connector));
        }
    }
    let mut segments = qualified_name?.split('/');
    match (segments.next(), segments.next()) {
        (Some("default"), Some(connector)) if !connector.is_empty() => Some(lowercase(connector)),
        _ => None,
    }
}

pub(crate) fn asset_entity(entity: Option<&Object<'_>>) -> Entity {
    let Some(entity) = entity else { return Entity::default() };
    let attributes = entity.get("attributes").and_then(Node::as_object);
    let attribute = |key: &str| attributes.and_then(|a| a.get(key)).and_then(Node::as_str).map(CompactString::from);
    let type_name = entity.get("typeName").and_then(Node::as_str).unwrap_or_default();
    let qualified_name = attribute("qualifiedName");
    let name = attribute("name");
    Entity {
        id: entity.get("guid").and_then(Node::as_str).map(CompactString::from),
        entity_type: entity.get("typeName").and_then(Node::as_str).map(CompactString::from),
        platform: platform(attributes, qualified_name.as_deref()),
        parent: parent(entity, attributes, type_name),
        field_path: if type_name == "Column" { name.clone() } else { None },
        name,
        qualified_name,
    }
}
