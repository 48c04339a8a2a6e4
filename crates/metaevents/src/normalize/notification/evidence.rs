//! Telling Atlan's notifications from Apache Atlas's (and Microsoft Purview's): both write the
//! same envelope and `EntityNotificationV2`, so the source is read from what only one of them
//! writes. The rules, first match wins, each named in `native.evidence`:
//!
//! | evidence | source | what |
//! |---|---|---|
//! | `mutatedDetails` | atlan | the message has `mutatedDetails`, a field only Atlan's fork (atlas-metastore) has |
//! | `headers` | atlan | the message has `headers`, likewise Atlan's |
//! | `atlan-qualified-name` | atlan | a qualified name `default/<connector>/<epoch>...`, Atlan's naming |
//! | `service-type-name` | atlas | a type name in Atlas's `<service>_<type>` form (`hive_table`, `azure_sql_table`); Atlan's are `UpperCamelCase` |
//! | `cluster-qualified-name` | atlas | a qualified name `<name>@<cluster>` (`db.table@cl`), Atlas's hooks' naming (glossary terms aside: both name those `<term>@<glossary>`) |
//! | `url-qualified-name` | atlas | a qualified name `<scheme>://...` (`mssql://`, `hdfs://`), Atlas's and Purview's naming |
//! | `classification-without-mutatedDetails` | atlas | a `CLASSIFICATION_*` message without `mutatedDetails`: Atlan's always lists the changed tags there, Atlas's never |
//! | `envelope-without-spooled` | atlas | the envelope (with `msgCreationTime`) has no `spooled`: Atlas before 2.2 (Cloudera CDP 7.1, HDP, Purview); Atlan's always has it |
//! | `atlan-type-name` | atlan | an `UpperCamelCase` type name that is none of Atlas's built-in types (`DataSet`, `Process`, ...) |
//! | `default` | atlan | nothing tells: Atlan, as before Atlas was read |
//! | `forced` | either | the caller forced the format (`atlan-notification`, `atlas-notification`, ...) |
//!
//! The entity, or for relationship notifications both ends, is looked at. `spooled` itself is no
//! evidence: Atlas (since 2.2) and Atlan both write `spooled: false`.

use super::{EnvelopeFacts, Message};
use crate::json::{Node, Object};
use crate::model::Source;

/// What told the source of a notification.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Evidence {
    MutatedDetails,
    Headers,
    AtlanQualifiedName,
    ServiceTypeName,
    ClusterQualifiedName,
    UrlQualifiedName,
    ClassificationWithoutMutatedDetails,
    EnvelopeWithoutSpooled,
    AtlanTypeName,
    Default,
    Forced,
}

impl Evidence {
    /// Every evidence, in the order the rules are tried (`forced` last).
    pub(crate) const ALL: [Evidence; 11] = [
        Self::MutatedDetails,
        Self::Headers,
        Self::AtlanQualifiedName,
        Self::ServiceTypeName,
        Self::ClusterQualifiedName,
        Self::UrlQualifiedName,
        Self::ClassificationWithoutMutatedDetails,
        Self::EnvelopeWithoutSpooled,
        Self::AtlanTypeName,
        Self::Default,
        Self::Forced,
    ];

    /// The stable name in `native.evidence`.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::MutatedDetails => "mutatedDetails",
            Self::Headers => "headers",
            Self::AtlanQualifiedName => "atlan-qualified-name",
            Self::ServiceTypeName => "service-type-name",
            Self::ClusterQualifiedName => "cluster-qualified-name",
            Self::UrlQualifiedName => "url-qualified-name",
            Self::ClassificationWithoutMutatedDetails => "classification-without-mutatedDetails",
            Self::EnvelopeWithoutSpooled => "envelope-without-spooled",
            Self::AtlanTypeName => "atlan-type-name",
            Self::Default => "default",
            Self::Forced => "forced",
        }
    }
}

/// Apache Atlas's built-in `UpperCamelCase` entity types (`addons/models/0000-Area0`), which are
/// no evidence of Atlan although Atlan has them too.
const ATLAS_BUILTIN_TYPES: &[&str] = &[
    "Referenceable",
    "Asset",
    "DataSet",
    "Infrastructure",
    "Process",
    "Path",
    "ProcessExecution",
    "AtlasServer",
    "AtlasGlossary",
    "AtlasGlossaryTerm",
    "AtlasGlossaryCategory",
];

/// The type name and qualified name of one entity the message names.
#[derive(Debug, Clone, Copy)]
struct Named<'a> {
    type_name: &'a str,
    qualified_name: &'a str,
}

impl<'a> Named<'a> {
    fn of(object: &Object<'a>) -> Self {
        let type_name = object.get("typeName").and_then(Node::as_str).unwrap_or_default();
        let qualified_name = ["attributes", "uniqueAttributes"]
            .into_iter()
            .find_map(|holder| object.get(holder).and_then(|h| h.get("qualifiedName")).and_then(Node::as_str))
            .unwrap_or_default();
        Self { type_name, qualified_name }
    }
}

/// Atlan's qualified names start `default/<connector>/<digits>` (`default/snowflake/1686232245/DB`).
fn atlan_qualified_name(name: &str) -> bool {
    let mut parts = name.split('/');
    parts.next() == Some("default")
        && parts.next().is_some_and(|connector| {
            !connector.is_empty() && connector.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'))
        })
        && parts.next().is_some_and(|epoch| !epoch.is_empty() && epoch.bytes().all(|b| b.is_ascii_digit()))
}

/// `hive_table`, `azure_sql_table`, `aws_s3_v2_bucket`: lowercase words joined by `_` (not an
/// internal `__type`).
pub(crate) fn service_type_name(type_name: &str) -> bool {
    type_name.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
        && type_name.contains('_')
        && type_name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// `db.table@cluster`: a name and a cluster around the last `@`, for a type other than a
/// glossary's (`term@glossary` in both catalogs).
fn cluster_qualified_name(named: Named<'_>) -> bool {
    !named.type_name.starts_with("AtlasGlossary")
        && named
            .qualified_name
            .rsplit_once('@')
            .is_some_and(|(name, cluster)| !name.is_empty() && !cluster.is_empty() && !cluster.contains(['/', ' ']))
}

/// `mssql://server/db/schema/table`, `hdfs://nn:8020/path`: the scheme of a URL, if the name is one.
pub(crate) fn url_scheme(qualified_name: &str) -> Option<&str> {
    let (scheme, _) = qualified_name.split_once("://")?;
    let mut bytes = scheme.bytes();
    let valid = bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'.' | b'-'));
    valid.then_some(scheme)
}

fn atlan_type_name(type_name: &str) -> bool {
    type_name.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
        && type_name.bytes().all(|b| b.is_ascii_alphanumeric())
        && !ATLAS_BUILTIN_TYPES.contains(&type_name)
}

/// The source of a message and what told it.
pub(crate) fn decide(message: &Message<'_, '_>, envelope: EnvelopeFacts) -> (Source, Evidence) {
    if message.fields.object.get("mutatedDetails").is_some() {
        return (Source::Atlan, Evidence::MutatedDetails);
    }
    if message.fields.object.get("headers").is_some() {
        return (Source::Atlan, Evidence::Headers);
    }
    let mut named: Vec<Named<'_>> = message.entity.map(Named::of).into_iter().collect();
    if let Some(relationship) = message.relationship {
        named.extend(
            ["end1", "end2"]
                .into_iter()
                .filter_map(|end| relationship.get(end).and_then(Node::as_object))
                .map(Named::of),
        );
    }
    let any = |test: &dyn Fn(Named<'_>) -> bool| named.iter().any(|named| test(*named));
    if any(&|named| atlan_qualified_name(named.qualified_name)) {
        (Source::Atlan, Evidence::AtlanQualifiedName)
    } else if any(&|named| service_type_name(named.type_name)) {
        (Source::Atlas, Evidence::ServiceTypeName)
    } else if any(&cluster_qualified_name) {
        (Source::Atlas, Evidence::ClusterQualifiedName)
    } else if any(&|named| url_scheme(named.qualified_name).is_some()) {
        (Source::Atlas, Evidence::UrlQualifiedName)
    } else if message.operation_type.starts_with("CLASSIFICATION_") {
        // `mutatedDetails` is absent (the first rule): Atlan's tag events always carry it.
        (Source::Atlas, Evidence::ClassificationWithoutMutatedDetails)
    } else if envelope.lacks_spooled {
        (Source::Atlas, Evidence::EnvelopeWithoutSpooled)
    } else if any(&|named| atlan_type_name(named.type_name)) {
        (Source::Atlan, Evidence::AtlanTypeName)
    } else {
        (Source::Atlan, Evidence::Default)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_tell_the_catalog() {
        assert!(atlan_qualified_name("default/snowflake/1686232245/ANALYTICS"));
        assert!(atlan_qualified_name("default/snowflake/1686232245"));
        assert!(!atlan_qualified_name("default/snowflake/abc"));
        assert!(!atlan_qualified_name("sales.orders@prod"));
        assert!(service_type_name("hive_table"));
        assert!(service_type_name("aws_s3_v2_bucket"));
        assert!(!service_type_name("Table"));
        assert!(!service_type_name("__AtlasAuditEntry"));
        assert!(!service_type_name("ddl"));
        let named = |type_name, qualified_name| Named { type_name, qualified_name };
        assert!(cluster_qualified_name(named("hive_table", "sales.orders@prod")));
        assert!(!cluster_qualified_name(named("AtlasGlossaryTerm", "8Wi1jGldVz1vEBXhGivg3@79FD59qksQ4G3Y6h5ZWTO")));
        assert!(!cluster_qualified_name(named("DataSet", "orders@")));
        assert_eq!(url_scheme("mssql://server.database.windows.net/db/dbo/t"), Some("mssql"));
        assert_eq!(url_scheme("default/s3/1657025257/arn:aws:s3:::bucket"), None);
        assert!(atlan_type_name("SnowflakeDynamicTable"));
        assert!(!atlan_type_name("DataSet"));
    }
}
