//! Throughput of the core on realistic corpora (`bench/gen_corpus.py`): parse + normalize per
//! input format, and `Filter::filter_ndjson` with a selective (~1%) and an all-match filter.
//!
//! ```sh
//! cargo bench -p metaevents --bench throughput                 # corpora from bench/corpus/
//! cargo bench -p metaevents --bench throughput -- --measurement-time 2 parse/
//! ```
//!
//! The corpora are read from `$METAEVENTS_BENCH_CORPUS` (default `bench/corpus/` at the
//! workspace root); a missing one is generated there with `python3 bench/gen_corpus.py`.
//! `scripts/bench` generates them first, with the sizes it reports, and reads criterion's
//! estimates back from `target/criterion/`.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use metaevents::{Filter, Parser};
use serde_json::json;

/// The PII tag's hashed id in the generated Atlan events (`gen_corpus.ATLAN_PII_TAG`).
const ATLAN_PII_TAG: &str = "wqYqv0gTdX9JPKRx631t0Z";
const DATAHUB_PII_TAG: &str = "urn:li:tag:PII";

/// Each corpus file and the generator arguments that make it when it is missing.
const CORPORA: &[(&str, &[&str])] = &[
    ("datahub-ece.ndjson", &["--platform", "datahub", "--format", "ece", "--count", "20000"]),
    ("datahub-platform-event.ndjson", &["--platform", "datahub", "--format", "platform-event", "--count", "20000"]),
    ("atlan-envelope.ndjson", &["--platform", "atlan", "--format", "envelope", "--documented-only", "--count", "5000"]),
    ("mixed.ndjson", &["--platform", "mixed", "--count", "20000"]),
];

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn corpus_dir() -> PathBuf {
    std::env::var_os("METAEVENTS_BENCH_CORPUS").map_or_else(|| workspace_root().join("bench/corpus"), PathBuf::from)
}

/// The bytes of corpus `name`, generated first when missing.
fn corpus(name: &str) -> Option<Vec<u8>> {
    let path = corpus_dir().join(name);
    if !path.exists() {
        let args = CORPORA.iter().find(|(file, _)| *file == name).map(|(_, args)| *args)?;
        eprintln!("generating {}", path.display());
        let _ = std::fs::create_dir_all(corpus_dir());
        let status = Command::new("python3")
            .arg(workspace_root().join("bench/gen_corpus.py"))
            .args(args)
            .arg("--out")
            .arg(&path)
            .status();
        if !matches!(status, Ok(status) if status.success()) {
            eprintln!("could not generate {} (is python3 on PATH?)", path.display());
            return None;
        }
    }
    match std::fs::read(&path) {
        Ok(data) => Some(data),
        Err(err) => {
            eprintln!("{}: {err}", path.display());
            None
        }
    }
}

fn lines(data: &[u8]) -> Vec<&[u8]> {
    data.split(|&b| b == b'\n').filter(|line| !line.is_empty()).collect()
}

fn parse(c: &mut Criterion) {
    let parser = Parser::new();
    let mut group = c.benchmark_group("parse");
    // Each iteration reads a whole corpus (tens of milliseconds): the same count per sample.
    group.sampling_mode(SamplingMode::Flat);
    for (name, label) in [
        ("datahub-ece.ndjson", "datahub-ece"),
        ("datahub-platform-event.ndjson", "datahub-platform-event"),
        ("atlan-envelope.ndjson", "atlan-envelope"),
        ("mixed.ndjson", "mixed"),
    ] {
        let Some(data) = corpus(name) else { continue };
        let lines = lines(&data);
        let events = parser.parse_many(&data).flatten().count();
        eprintln!("{label}: {} lines, {events} events, {} bytes", lines.len(), data.len());
        group.throughput(Throughput::Bytes(data.len() as u64));
        // One call of `parse` per line: what a webhook handler or a Kafka consumer does.
        if label != "mixed" {
            group.bench_function(format!("{label}/parse-per-line"), |b| {
                b.iter(|| {
                    for line in &lines {
                        let _ = black_box(parser.parse(black_box(line)));
                    }
                });
            });
        }
        // The whole NDJSON through the stream reader.
        group.bench_function(format!("{label}/parse_many"), |b| {
            b.iter(|| {
                for record in parser.parse_many(black_box(&data)) {
                    let _ = black_box(record);
                }
            });
        });
    }
    group.finish();
}

fn filter(c: &mut Criterion) {
    let mut group = c.benchmark_group("filter_ndjson");
    group.sampling_mode(SamplingMode::Flat);
    let cases = [
        (
            "datahub-ece.ndjson",
            "datahub",
            json!({"kind": "tag.added", "subjects": DATAHUB_PII_TAG}),
            json!({"source": "datahub"}),
        ),
        (
            "atlan-envelope.ndjson",
            "atlan",
            json!({"kind": "tag.added", "subjects": ATLAN_PII_TAG}),
            json!({"source": "atlan"}),
        ),
    ];
    for (name, label, selective, all) in cases {
        let Some(data) = corpus(name) else { continue };
        let total = lines(&data).len();
        group.throughput(Throughput::Bytes(data.len() as u64));
        let mut filters = vec![("selective", selective), ("all-match", all)];
        if label == "datahub" {
            // The same selection written as a datahub-actions filter block.
            filters.push((
                "actions-selective",
                json!({"filter": {"event_type": "EntityChangeEvent_v1", "event": {"category": "TAG", "operation": "ADD", "modifier": DATAHUB_PII_TAG}}}),
            ));
        }
        for (case, spec) in filters {
            let compiled =
                if case.starts_with("actions") { Filter::from_datahub_actions(&spec) } else { Filter::new(&spec) };
            let filter = match compiled {
                Ok(filter) => filter,
                Err(err) => {
                    eprintln!("{label}/{case}: the filter does not compile: {err}");
                    continue;
                }
            };
            let matched = filter.filter_ndjson(&data).len();
            #[allow(clippy::cast_precision_loss)]
            let share = 100.0 * matched as f64 / total.max(1) as f64;
            eprintln!(
                "{label}/{case}: {matched} of {total} lines match ({share:.2}%), literals {:?}",
                filter.required_literals()
            );
            group.bench_function(format!("{label}/{case}"), |b| {
                b.iter(|| black_box(filter.filter_ndjson(black_box(&data))));
            });
        }
    }
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args()
}

criterion_group! {
    name = benches;
    config = config();
    targets = parse, filter
}
criterion_main!(benches);
