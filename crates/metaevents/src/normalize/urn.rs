//! `DataHub` urns: `urn:li:<entityType>:<key>`, where the key is an id or a parenthesized tuple
//! (`urn:li:dataset:(urn:li:dataPlatform:snowflake,db.schema.table,PROD)`).

/// What the urn itself says about its entity.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct UrnFacts {
    pub entity_type: Option<CompactString>,
    pub name: Option<CompactString>,
    pub qualified_name: Option<CompactString>,
    pub platform: Option<CompactString>,
    pub parent: Option<CompactString>,
    pub field_path: Option<CompactString>,
}

use compact_str::CompactString;

use crate::catalog::{DatasetNaming, dataset_naming};
use crate::normalize::lowercase;

const PREFIX: &str = "urn:li:";
const PLATFORM_PREFIX: &str = "urn:li:dataPlatform:";

/// Entity types whose urn key is an opaque id rather than a name.
const OPAQUE_KEYS: &[&str] = &[
    "container",
    "dataProcessInstance",
    "assertion",
    "actionRequest",
    "incident",
    "query",
    "dataHubExecutionRequest",
    "form",
    "test",
];

/// Splits `urn:li:<type>:<key>`.
pub(crate) fn split(urn: &str) -> Option<(&str, &str)> {
    let rest = urn.strip_prefix(PREFIX)?;
    let (entity_type, key) = rest.split_once(':')?;
    (!entity_type.is_empty()).then_some((entity_type, key))
}

/// Most elements a tuple key has in practice (dataset: platform, name, environment).
const MAX_TUPLE: usize = 4;

/// The parts of `text` between the commas that stand outside parentheses: `a,(b,c),d` gives
/// `a`, `(b,c)` and `d`. Urns hold commas in their tuples, so lists of urns split this way.
pub(crate) fn split_outside_parentheses(text: &str) -> impl Iterator<Item = &str> {
    let mut depth = 0usize;
    let mut start = 0;
    let mut bytes = text.bytes().enumerate();
    std::iter::from_fn(move || {
        if start > text.len() {
            return None;
        }
        for (index, byte) in bytes.by_ref() {
            match byte {
                b'(' => depth += 1,
                b')' => depth = depth.saturating_sub(1),
                b',' if depth == 0 => {
                    let part = text.get(start..index);
                    start = index + 1;
                    return part;
                }
                _ => {}
            }
        }
        let last = text.get(start..);
        start = text.len() + 1;
        last
    })
}

/// The top-level elements of a `(a,b,(c,d))` key (at most four; more make it no tuple we know);
/// `None` when the key is not a tuple.
pub(crate) fn tuple(key: &str) -> Option<([&str; MAX_TUPLE], usize)> {
    let inner = key.strip_prefix('(')?.strip_suffix(')')?;
    let mut parts = [""; MAX_TUPLE];
    let mut count = 0;
    for part in split_outside_parentheses(inner) {
        *parts.get_mut(count)? = part;
        count += 1;
    }
    Some((parts, count))
}

/// `snowflake` from `urn:li:dataPlatform:snowflake` (lowercased).
fn platform_of_urn(text: &str) -> Option<CompactString> {
    let rest = text.strip_prefix(PLATFORM_PREFIX)?;
    let end = rest.find([',', ')']).unwrap_or(rest.len());
    let name = rest.get(..end)?;
    (!name.is_empty()).then(|| lowercase(name))
}

/// A platform given either as a `urn:li:dataPlatform:x` urn or bare (`looker`).
fn platform_of_element(element: &str) -> Option<CompactString> {
    if element.starts_with(PREFIX) {
        platform_of_urn(element)
    } else {
        (!element.is_empty()).then(|| lowercase(element))
    }
}

/// The plain name of a field path: its last segment that is not a v2 `[type=...]` annotation.
pub(crate) fn field_name(field_path: &str) -> &str {
    field_path.split('.').rfind(|segment| !segment.is_empty() && !segment.starts_with('[')).unwrap_or(field_path)
}

/// Everything the urn tells about its entity.
pub(crate) fn facts(urn: &str) -> UrnFacts {
    let Some((entity_type, key)) = split(urn) else { return UrnFacts::default() };
    let mut facts = UrnFacts { entity_type: Some(entity_type.into()), ..UrnFacts::default() };
    let parts = tuple(key);
    let elements = parts.as_ref().and_then(|(parts, count)| parts.get(..*count));
    match (entity_type, elements) {
        ("dataset", Some([platform, name, ..])) => {
            facts.platform = platform_of_element(platform);
            facts.qualified_name = Some((*name).into());
            let naming = facts.platform.as_deref().map_or(DatasetNaming::Whole, dataset_naming);
            facts.name = Some(naming.name_of(name).into());
        }
        ("schemaField", Some([parent, field_path])) => {
            facts.platform = facts_platform(parent);
            facts.parent = Some((*parent).into());
            facts.field_path = Some((*field_path).into());
            facts.name = Some(field_name(field_path).into());
        }
        ("dataJob", Some([flow, job])) => {
            facts.platform = facts_platform(flow);
            facts.parent = Some((*flow).into());
            facts.name = Some((*job).into());
        }
        ("chart" | "dashboard" | "dataFlow", Some([platform, id, ..])) => {
            facts.platform = platform_of_element(platform);
            facts.name = Some((*id).into());
        }
        ("dataPlatform", None) => {
            facts.platform = Some(lowercase(key));
            facts.name = Some(key.into());
        }
        (_, Some(elements)) => {
            // mlModel, mlFeatureTable, dataPlatformInstance, ...: (platform urn, name, ...).
            if let [first, second, ..] = elements {
                if first.starts_with(PLATFORM_PREFIX) {
                    facts.platform = platform_of_urn(first);
                    facts.name = Some((*second).into());
                }
            }
            if facts.platform.is_none() {
                facts.platform = platform_of_urn_anywhere(key);
            }
        }
        (_, None) => {
            if !OPAQUE_KEYS.contains(&entity_type) && !key.is_empty() {
                facts.name = Some(key.into());
            }
        }
    }
    facts
}

fn facts_platform(urn: &str) -> Option<CompactString> {
    facts(urn).platform.or_else(|| platform_of_urn_anywhere(urn))
}

fn platform_of_urn_anywhere(text: &str) -> Option<CompactString> {
    let start = text.find(PLATFORM_PREFIX)?;
    platform_of_urn(text.get(start..)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dataset_urns() {
        let f = facts("urn:li:dataset:(urn:li:dataPlatform:Snowflake,analytics.public.orders,PROD)");
        assert_eq!(f.entity_type.as_deref(), Some("dataset"));
        assert_eq!(f.platform.as_deref(), Some("snowflake"));
        assert_eq!(f.qualified_name.as_deref(), Some("analytics.public.orders"));
        assert_eq!(f.name.as_deref(), Some("orders"));
        let f = facts("urn:li:dataset:(urn:li:dataPlatform:s3,my-bucket/raw/events.parquet,PROD)");
        assert_eq!(f.name.as_deref(), Some("events.parquet"));
        let f = facts("urn:li:dataset:(urn:li:dataPlatform:kafka,orders.v1,PROD)");
        assert_eq!(f.name.as_deref(), Some("orders.v1"));
    }

    #[test]
    fn schema_field_urns() {
        let f = facts(
            "urn:li:schemaField:(urn:li:dataset:(urn:li:dataPlatform:hive,db.t,PROD),[version=2.0].[type=struct].address.[type=string].zip)",
        );
        assert_eq!(f.parent.as_deref(), Some("urn:li:dataset:(urn:li:dataPlatform:hive,db.t,PROD)"));
        assert_eq!(f.field_path.as_deref(), Some("[version=2.0].[type=struct].address.[type=string].zip"));
        assert_eq!(f.name.as_deref(), Some("zip"));
        assert_eq!(f.platform.as_deref(), Some("hive"));
    }

    #[test]
    fn jobs_charts_and_plain_ids() {
        let f = facts("urn:li:dataJob:(urn:li:dataFlow:(airflow,daily_etl,prod),load_orders)");
        assert_eq!(f.platform.as_deref(), Some("airflow"));
        assert_eq!(f.parent.as_deref(), Some("urn:li:dataFlow:(airflow,daily_etl,prod)"));
        assert_eq!(f.name.as_deref(), Some("load_orders"));
        let f = facts("urn:li:chart:(looker,dashboard_elements.42)");
        assert_eq!((f.platform.as_deref(), f.name.as_deref()), (Some("looker"), Some("dashboard_elements.42")));
        let f = facts("urn:li:tag:PII");
        assert_eq!((f.platform, f.name.as_deref()), (None, Some("PII")));
        let f = facts("urn:li:container:8a1f");
        assert_eq!(f.name, None);
        let f = facts("urn:li:mlModel:(urn:li:dataPlatform:sagemaker,churn,PROD)");
        assert_eq!((f.platform.as_deref(), f.name.as_deref()), (Some("sagemaker"), Some("churn")));
        assert_eq!(facts("not-a-urn"), UrnFacts::default());
    }
}
