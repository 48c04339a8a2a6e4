//! The entity an Atlas notification is about, from its header (`AtlasEntityHeader`): the
//! qualified name as Atlas gives it, the platform from the type name's service prefix or the
//! qualified name's URL scheme, and the parent where the qualified name says it unambiguously.

use compact_str::CompactString;

use crate::json::{Node, Object};
use crate::model::Entity;
use crate::normalize::notification::evidence::{service_type_name, url_scheme};

/// Type families whose first word is not their platform (Atlas's cloud models and Purview's
/// Azure types), longest prefix first; platform ids as `DataHub` names them.
const TYPE_PREFIX_PLATFORMS: &[(&str, &str)] = &[
    ("azure_datalake_gen2_", "adlsgen2"),
    ("azure_datalake_gen1_", "adlsgen1"),
    ("azure_cosmosdb_", "cosmosdb"),
    ("azure_blob_", "abs"),
    ("azure_sql_", "mssql"),
    ("gcp_storage_", "gcs"),
    ("adls_gen2_", "adlsgen2"),
    ("aws_s3_", "s3"),
];

/// URL schemes of qualified names (Atlas's path entities, Purview's assets) and their platform.
const SCHEME_PLATFORMS: &[(&str, &str)] = &[
    ("abfs", "adlsgen2"),
    ("abfss", "adlsgen2"),
    ("adl", "adlsgen1"),
    ("db2", "db2"),
    ("file", "file"),
    ("gs", "gcs"),
    ("hdfs", "hdfs"),
    ("mssql", "mssql"),
    ("mysql", "mysql"),
    ("o3fs", "ozone"),
    ("ofs", "ozone"),
    ("oracle", "oracle"),
    ("postgresql", "postgres"),
    ("s3", "s3"),
    ("s3a", "s3"),
    ("s3n", "s3"),
    ("teradata", "teradata"),
    ("wasb", "abs"),
    ("wasbs", "abs"),
];

/// Azure storage hosts of `https://` qualified names and their platform.
const HOST_PLATFORMS: &[(&str, &str)] =
    &[(".blob.core.windows.net", "abs"), (".dfs.core.windows.net", "adlsgen2"), (".documents.azure.com", "cosmosdb")];

/// The lowercase platform of an entity: the qualified name's URL scheme where it names one
/// (`mssql://` → `mssql`, `s3a://` → `s3`, an `https://` Azure storage host), else the type's
/// family (`azure_sql_table` → `mssql`, `aws_s3_bucket` → `s3`), else the type's first word
/// (`hive_table` → `hive`, `kafka_topic` → `kafka`); `None` for a type without a service
/// prefix (`DataSet`) and a qualified name without a known scheme.
pub(crate) fn platform(type_name: &str, qualified_name: Option<&str>) -> Option<CompactString> {
    let by_name = qualified_name.and_then(|name| {
        let scheme = url_scheme(name)?.to_ascii_lowercase();
        if let Some((_, platform)) = SCHEME_PLATFORMS.iter().find(|(known, _)| *known == scheme) {
            return Some(*platform);
        }
        let rest = name.get(scheme.len() + 3..)?;
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default().to_ascii_lowercase();
        HOST_PLATFORMS.iter().find(|(suffix, _)| host.ends_with(suffix)).map(|(_, platform)| *platform)
    });
    if let Some(platform) = by_name {
        return Some(platform.into());
    }
    if let Some((_, platform)) = TYPE_PREFIX_PLATFORMS.iter().find(|(prefix, _)| type_name.starts_with(prefix)) {
        return Some((*platform).into());
    }
    // `fs_path` is any file system's: only its scheme would say which.
    let (service, _) = type_name.split_once('_')?;
    (service_type_name(type_name) && service != "fs").then(|| service.into())
}

/// The qualified name of the entity's parent where its own says it unambiguously:
/// - a Purview column `<table>#<column>` → `<table>`;
/// - a SQL Server / Azure SQL name `mssql://server/db/schema/table` → one segment less;
/// - Atlas's hooks' `<name>@<cluster>`: `hive_column` `db.table.col@cl` → `db.table@cl`,
///   `hive_table` `db.table@cl` → `db@cl`, `hive_storagedesc` `<table>_storage` → `<table>`,
///   `hbase_column_family` `ns:table.cf@cl` → `ns:table@cl`, `hbase_table` `ns:table@cl` → `ns@cl`.
fn parent(type_name: &str, qualified_name: &str) -> Option<CompactString> {
    if type_name.ends_with("_column") {
        if let Some((table, column)) = qualified_name.rsplit_once('#') {
            if !table.is_empty() && !column.is_empty() {
                return Some(table.into());
            }
        }
    }
    if url_scheme(qualified_name).is_some_and(|scheme| scheme.eq_ignore_ascii_case("mssql")) {
        let (scheme, path) = qualified_name.split_once("://")?;
        let (up, last) = path.trim_end_matches('/').rsplit_once('/')?;
        return (!up.is_empty() && !last.is_empty()).then(|| compact_str::format_compact!("{scheme}://{up}"));
    }
    if type_name == "hive_storagedesc" {
        return qualified_name.strip_suffix("_storage").filter(|table| !table.is_empty()).map(CompactString::from);
    }
    let (name, cluster) = qualified_name.rsplit_once('@')?;
    let up = match type_name {
        "hive_column" | "hive_table" | "hbase_column_family" => name.rsplit_once('.').map(|(up, _)| up),
        "hbase_table" => name.split_once(':').map(|(namespace, _)| namespace),
        _ => None,
    }?;
    (!up.is_empty() && !cluster.is_empty()).then(|| compact_str::format_compact!("{up}@{cluster}"))
}

/// The entity of a header: guid, type, name, qualified name, platform, parent, and a column's
/// name as its field path.
pub(crate) fn header_entity(entity: Option<&Object<'_>>) -> Entity {
    let Some(entity) = entity else { return Entity::default() };
    let attributes = entity.get("attributes").and_then(Node::as_object);
    let attribute = |key: &str| attributes.and_then(|a| a.get(key)).and_then(Node::as_str).map(CompactString::from);
    let type_name = entity.get("typeName").and_then(Node::as_str).unwrap_or_default();
    let qualified_name = attribute("qualifiedName");
    let name = attribute("name");
    Entity {
        id: entity.get("guid").and_then(Node::as_str).map(CompactString::from),
        entity_type: entity.get("typeName").and_then(Node::as_str).map(CompactString::from),
        platform: platform(type_name, qualified_name.as_deref()),
        parent: qualified_name.as_deref().and_then(|qualified_name| parent(type_name, qualified_name)),
        field_path: if type_name.ends_with("_column") { name.clone() } else { None },
        name,
        qualified_name,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn platforms_follow_the_type_and_the_name() {
        let platform = |ty: &str, qn: &str| super::platform(ty, Some(qn));
        assert_eq!(platform("hive_table", "sales.orders@prod").as_deref(), Some("hive"));
        assert_eq!(platform("hdfs_path", "hdfs://nn:8020/data@prod").as_deref(), Some("hdfs"));
        assert_eq!(platform("kafka_topic", "orders@prod").as_deref(), Some("kafka"));
        assert_eq!(platform("azure_sql_table", "mssql://s.database.windows.net/db/dbo/t").as_deref(), Some("mssql"));
        assert_eq!(platform("DataSet", "mssql://s.database.windows.net/db/dbo/t").as_deref(), Some("mssql"));
        assert_eq!(platform("aws_s3_bucket", "s3a://bucket@prod").as_deref(), Some("s3"));
        assert_eq!(platform("aws_s3_v2_bucket", "bucket@prod").as_deref(), Some("s3"));
        assert_eq!(platform("azure_blob_path", "https://acct.blob.core.windows.net/c/p").as_deref(), Some("abs"));
        assert_eq!(platform("fs_path", "/tmp/x@prod"), None);
        assert_eq!(platform("DataSet", "MyDataset"), None);
    }

    #[test]
    fn parents_come_from_unambiguous_names() {
        let parent = |ty, qn| super::parent(ty, qn);
        assert_eq!(parent("hive_column", "sales.orders.id@prod").as_deref(), Some("sales.orders@prod"));
        assert_eq!(parent("hive_table", "sales.orders@prod").as_deref(), Some("sales@prod"));
        assert_eq!(parent("hive_db", "sales@prod"), None);
        assert_eq!(parent("hive_storagedesc", "sales.orders@prod_storage").as_deref(), Some("sales.orders@prod"));
        assert_eq!(parent("hbase_table", "default:orders@prod").as_deref(), Some("default@prod"));
        assert_eq!(parent("hbase_column_family", "default:orders.cf@prod").as_deref(), Some("default:orders@prod"));
        assert_eq!(parent("azure_sql_column", "mssql://s.net/db/dbo/t#id").as_deref(), Some("mssql://s.net/db/dbo/t"));
        assert_eq!(parent("azure_sql_table", "mssql://s.net/db/dbo/t").as_deref(), Some("mssql://s.net/db/dbo"));
        assert_eq!(parent("azure_sql_server", "mssql://s.net"), None);
        assert_eq!(parent("kafka_topic", "orders@prod"), None);
    }
}
