//! How each data platform names its datasets, which decides `entity.name` of a `DataHub`
//! dataset: the last component of a hierarchical name (`db.schema.table` → `table`,
//! `bucket/a/b.parquet` → `b.parquet`), the whole name where the name is not a path (a Kafka
//! topic `orders.v1` is named `orders.v1`).
//!
//! From DataHub's platform definitions (`bootstrap_mcps/data-platforms.yaml`,
//! `datasetNameDelimiter`: `/` for file systems, `.` for the rest), except the message buses,
//! whose `.` is part of a topic's name rather than a separator; platforms not listed keep their
//! whole name, since their naming is not known.

use serde::Serialize;

/// How a platform's dataset names split into components.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DatasetNaming {
    /// `db.schema.table`: the name is the part after the last `.`.
    Dotted,
    /// `bucket/dir/file`: the name is the last non-empty part between `/`.
    Path,
    /// Not hierarchical: the name is the whole dataset name.
    Whole,
}

impl DatasetNaming {
    /// The `entity.name` of a dataset named `name` on a platform with this naming.
    pub fn name_of(self, name: &str) -> &str {
        match self {
            Self::Dotted => name.rsplit_once('.').map_or(name, |(_, last)| last),
            Self::Path => {
                let trimmed = name.trim_end_matches('/');
                trimmed.rsplit_once('/').map_or(trimmed, |(_, last)| last)
            }
            Self::Whole => name,
        }
    }
}

/// Platforms whose dataset names are paths.
const PATH_PLATFORMS: &[&str] = &["adlsgen1", "adlsgen2", "dagster", "excel", "file", "gcs", "hdfs", "s3"];

/// Message buses: a topic or stream name is one name, dots and all.
const WHOLE_NAME_PLATFORMS: &[&str] = &[
    "eventhubs",
    "kafka",
    "kafka-connect",
    "kinesis",
    "kinesis-firehose",
    "pubsub",
    "pulsar",
    "rabbitmq",
    "redpanda",
    "sns",
    "sqs",
];

/// Platforms DataHub defines with `.` as the separator of dataset names (lowercased ids).
const DOTTED_PLATFORMS: &[&str] = &[
    "abinitio",
    "aerospike",
    "airbyte",
    "airflow",
    "ambry",
    "athena",
    "azure-data-factory",
    "bigid",
    "bigquery",
    "bigtable",
    "cassandra",
    "clickhouse",
    "cloudsql",
    "cockroachdb",
    "controlm",
    "couchbase",
    "csv",
    "cube",
    "databricks",
    "datahub",
    "dataplex",
    "dataproc-metastore",
    "db2",
    "dbt",
    "delta-lake",
    "dlt",
    "documentdb",
    "doris",
    "dremio",
    "druid",
    "dynamodb",
    "elasticsearch",
    "external",
    "fabric",
    "fabric-data-factory",
    "fabric-onelake",
    "feast",
    "fivetran",
    "flink",
    "github",
    "glue",
    "google_sheets",
    "grafana",
    "great-expectations",
    "hana",
    "hex",
    "hive",
    "hudi",
    "iceberg",
    "informatica",
    "kusto",
    "logical",
    "looker",
    "mariadb",
    "matillion",
    "metabase",
    "microsoft-teams",
    "microstrategy",
    "mlflow",
    "mode",
    "mongodb",
    "mssql",
    "mysql",
    "neo4j",
    "nifi",
    "notion",
    "odcs",
    "omni",
    "openapi",
    "oracle",
    "pinot",
    "postgres",
    "powerbi",
    "prefect",
    "preset",
    "presto",
    "presto-on-hive",
    "qlik-sense",
    "redash",
    "redshift",
    "sac",
    "sagemaker",
    "salesforce",
    "sigma",
    "slack",
    "snaplogic",
    "snowflake",
    "snowplow",
    "spanner",
    "spark",
    "streamlit",
    "superset",
    "tableau",
    "teradata",
    "thoughtspot",
    "tidb",
    "timescaledb",
    "trino",
    "unknown",
    "vertexai",
    "vertica",
    "voldemort",
];

/// The naming of `platform` (a lowercase platform id).
pub fn dataset_naming(platform: &str) -> DatasetNaming {
    if PATH_PLATFORMS.contains(&platform) {
        DatasetNaming::Path
    } else if WHOLE_NAME_PLATFORMS.contains(&platform) {
        DatasetNaming::Whole
    } else if DOTTED_PLATFORMS.contains(&platform) {
        DatasetNaming::Dotted
    } else {
        DatasetNaming::Whole
    }
}

/// Every listed platform with its naming, for the docs and `metaevents catalog`.
pub fn platform_namings() -> Vec<(&'static str, DatasetNaming)> {
    let mut all: Vec<(&'static str, DatasetNaming)> = PATH_PLATFORMS
        .iter()
        .map(|p| (*p, DatasetNaming::Path))
        .chain(WHOLE_NAME_PLATFORMS.iter().map(|p| (*p, DatasetNaming::Whole)))
        .chain(DOTTED_PLATFORMS.iter().map(|p| (*p, DatasetNaming::Dotted)))
        .collect();
    all.sort_unstable_by_key(|(platform, _)| *platform);
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_platform() {
        let name = |platform: &str, dataset: &'static str| dataset_naming(platform).name_of(dataset);
        assert_eq!(name("snowflake", "analytics.public.orders"), "orders");
        assert_eq!(name("s3", "my-bucket/raw/events.parquet"), "events.parquet");
        assert_eq!(name("hdfs", "/data/raw/"), "raw");
        assert_eq!(name("kafka", "orders.v1"), "orders.v1");
        assert_eq!(name("somethingnew", "a.b.c"), "a.b.c");
        let all = platform_namings();
        assert!(all.windows(2).all(|pair| pair[0].0 < pair[1].0), "a platform is listed twice or unsorted");
    }
}
