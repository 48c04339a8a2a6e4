//! Runs the `metaevents` binary: every subcommand, stdin and files, gzip, the demo, bad records
//! in the middle of a file, bad filters, a closed output pipe and the exit codes.

// clippy.toml allows these in #[test] functions; the helpers here are test code too.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::Stdio;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::{Value, json};

const EVENTS: &str = include_str!("data/events.ndjson");
const ACTION_CONFIG: &str = include_str!("data/action.yml");

fn metaevents() -> Command {
    Command::new(env!("CARGO_BIN_EXE_metaevents"))
}

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("data").join(name)
}

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

/// The events of NDJSON output.
fn lines(stdout: &[u8]) -> Vec<Value> {
    std::str::from_utf8(stdout).unwrap().lines().map(|line| serde_json::from_str(line).unwrap()).collect()
}

fn kinds(events: &[Value]) -> Vec<&str> {
    events.iter().map(|event| event["kind"].as_str().unwrap()).collect()
}

fn stdout_of(command: &mut Command) -> Vec<u8> {
    command.assert().success().get_output().stdout.clone()
}

fn stderr_text(output: &std::process::Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

const ALL_KINDS: [&str; 5] = ["tag.added", "owner.removed", "tag.added", "entity.created", "documentation.added"];

// ---------------------------------------------------------------------------------------------
// normalize

#[test]
fn normalize_a_file_writes_one_contract_event_per_line_with_raw() {
    let events = lines(&stdout_of(metaevents().arg("normalize").arg(data("events.ndjson"))));
    assert_eq!(kinds(&events), ALL_KINDS, "the webhook validation request is skipped");
    for event in &events {
        for key in ["id", "source", "kind", "time", "actor", "entity", "subjects", "details", "native", "raw"] {
            assert!(event.get(key).is_some(), "{key} missing in {event}");
        }
    }
    let first_input: Value = serde_json::from_str(EVENTS.lines().next().unwrap()).unwrap();
    assert_eq!(events[0]["raw"], first_input, "raw is the event as received");
    assert_eq!(events[0]["subjects"], json!(["urn:li:tag:PII"]));
    assert_eq!(events[2]["source"], "atlan");
}

#[test]
fn normalize_no_raw_leaves_raw_out() {
    let events = lines(&stdout_of(metaevents().args(["normalize", "--no-raw"]).arg(data("events.ndjson"))));
    assert_eq!(events.len(), 5);
    assert!(events.iter().all(|event| event.get("raw").is_none()));
}

#[test]
fn stdin_and_dash_read_the_same_as_a_file() {
    let from_file = stdout_of(metaevents().arg("normalize").arg(data("events.ndjson")));
    let from_stdin = stdout_of(metaevents().arg("normalize").write_stdin(EVENTS));
    let from_dash = stdout_of(metaevents().args(["normalize", "-"]).write_stdin(EVENTS));
    assert_eq!(from_file, from_stdin);
    assert_eq!(from_file, from_dash);
}

#[test]
fn several_files_are_read_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let second = write(&dir, "second.ndjson", EVENTS.lines().next().unwrap().as_bytes());
    let events = lines(&stdout_of(metaevents().arg("normalize").arg(data("events.ndjson")).arg(&second)));
    assert_eq!(events.len(), 6);
    assert_eq!(events[0]["id"], events[5]["id"], "the same event gets the same id");
}

#[test]
fn gzip_files_and_gzip_stdin_are_read_transparently() {
    let dir = tempfile::tempdir().unwrap();
    let gz = write(&dir, "events.ndjson.gz", &gzip(EVENTS.as_bytes()));
    let plain = stdout_of(metaevents().arg("normalize").arg(data("events.ndjson")));
    assert_eq!(stdout_of(metaevents().arg("normalize").arg(&gz)), plain);
    assert_eq!(stdout_of(metaevents().arg("normalize").write_stdin(gzip(EVENTS.as_bytes()))), plain);
    // filter reads gzip itself (it looks at lines before parsing them).
    let tags = lines(&stdout_of(metaevents().args(["filter", "--kind", "tag.added"]).arg(&gz)));
    assert_eq!(kinds(&tags), ["tag.added", "tag.added"]);
}

#[test]
fn json_arrays_poll_responses_and_single_documents_are_read() {
    let records: Vec<&str> = EVENTS.lines().collect();
    let expected = lines(&stdout_of(metaevents().args(["normalize", "--no-raw"]).arg(data("events.ndjson"))));

    let array = format!("[\n{}\n]\n", records.join(",\n"));
    let events = lines(&stdout_of(metaevents().args(["normalize", "--no-raw"]).write_stdin(array)));
    assert_eq!(kinds(&events), ALL_KINDS);

    // A DataHub Events API poll response: each value is a PlatformEvent as JSON text, whose
    // payload.value is the Entity Change Event as JSON text.
    let platform_event = |ece: &str| {
        json!({"header": {"timestampMillis": 1}, "name": "entityChangeEvent",
               "payload": {"contentType": "application/json", "value": ece}})
        .to_string()
    };
    let poll = json!({"offsetId": "a1", "count": 2, "events": [
        {"contentType": "application/json", "value": platform_event(records[0])},
        {"contentType": "application/json", "value": platform_event(records[1])},
    ]});
    let pretty = serde_json::to_string_pretty(&poll).unwrap();
    let events = lines(&stdout_of(metaevents().args(["normalize", "--no-raw"]).write_stdin(pretty)));
    assert_eq!(events.len(), 2);
    assert_eq!(events[0]["id"], expected[0]["id"], "same event through an envelope, same id");
    assert_eq!(events[1]["kind"], "owner.removed");

    let single: Value = serde_json::from_str(records[2]).unwrap();
    let events = lines(&stdout_of(
        metaevents().args(["normalize", "--no-raw"]).write_stdin(serde_json::to_string_pretty(&single).unwrap()),
    ));
    assert_eq!(events, vec![expected[2].clone()]);
}

// ---------------------------------------------------------------------------------------------
// bad records and exit codes

fn with_bad_lines() -> String {
    let records: Vec<&str> = EVENTS.lines().collect();
    format!(
        "{}\n{{\"entityUrn\": \"urn:li:dataset:x\", \"category\": \"TAG\"\n{}\n{{\"hello\": \"world\"}}\n{}\n",
        records[0], records[1], records[2]
    )
}

#[test]
fn bad_records_in_the_middle_are_reported_and_the_stream_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "mixed.ndjson", with_bad_lines().as_bytes());
    let name = path.display().to_string();
    let output = metaevents().arg("normalize").arg(&path).assert().code(1).get_output().clone();
    assert_eq!(kinds(&lines(&output.stdout)), ["tag.added", "owner.removed", "tag.added"]);
    let stderr = stderr_text(&output);
    let reports: Vec<&str> = stderr.lines().collect();
    assert_eq!(reports.len(), 2, "{stderr}");
    assert!(reports[0].starts_with(&format!("{name}:2: $: truncated JSON")), "{stderr}");
    assert!(reports[1].starts_with(&format!("{name}:4: $: not a catalog event")), "{stderr}");
}

#[test]
fn stdin_is_named_dash_in_reports() {
    let output = metaevents().arg("normalize").write_stdin(with_bad_lines()).assert().code(1).get_output().clone();
    let stderr = stderr_text(&output);
    assert!(stderr.lines().all(|line| line.starts_with("-:")), "{stderr}");
}

#[test]
fn a_field_error_names_its_path() {
    let bad = r#"{"entityUrn":"urn:li:dataset:(urn:li:dataPlatform:hive,a.b,PROD)","entityType":"dataset","category":"TAG","operation":"ADD","auditStamp":{"actor":"urn:li:corpuser:x","time":"soon"},"version":0}"#;
    let output = metaevents().arg("normalize").write_stdin(format!("{bad}\n")).assert().code(1).get_output().clone();
    assert!(stderr_text(&output).starts_with("-:1: $.auditStamp.time: "), "{}", stderr_text(&output));
}

#[test]
fn usage_errors_exit_2() {
    metaevents().assert().code(2);
    metaevents().arg("frobnicate").assert().code(2);
    metaevents()
        .args(["normalize", "--format", "xml"])
        .write_stdin(EVENTS)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("datahub-ece"));
    metaevents()
        .args(["normalize", "--max-depth", "0"])
        .write_stdin(EVENTS)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--max-depth"));
    metaevents().args(["normalize", "--max-depth", "100000"]).write_stdin(EVENTS).assert().code(2);
    metaevents().args(["normalize", "--max-event-bytes", "0"]).write_stdin(EVENTS).assert().code(2);
    metaevents().args(["normalize", "--max-events-per-array", "-1"]).write_stdin(EVENTS).assert().code(2);
    metaevents().args(["stats", "--top", "many"]).write_stdin(EVENTS).assert().code(2);
    metaevents().args(["catalog", "--format", "yaml"]).assert().code(2);
    metaevents().args(["normalize", "--demo"]).arg(data("events.ndjson")).assert().code(2);
}

#[test]
fn unreadable_files_exit_2_before_any_output() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.ndjson");
    let output =
        metaevents().arg("normalize").arg(data("events.ndjson")).arg(&missing).assert().code(2).get_output().clone();
    assert!(output.stdout.is_empty());
    assert!(stderr_text(&output).contains("missing.ndjson"), "{}", stderr_text(&output));
    metaevents().arg("stats").arg(dir.path()).assert().code(2).stderr(predicate::str::contains("directory"));
}

/// Broken gzip data is bad input (exit 1, reported where it breaks), whether the core decodes
/// it (normalize) or the CLI does, to look at lines before parsing them (filter).
#[test]
fn corrupt_gzip_is_a_bad_record() {
    let mut broken = gzip(EVENTS.as_bytes());
    broken.truncate(broken.len() / 2);
    for args in [&["normalize"][..], &["filter", "--kind", "tag.*"][..]] {
        let output = metaevents().args(args).write_stdin(broken.clone()).assert().code(1).get_output().clone();
        let stderr = stderr_text(&output);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.starts_with("-:"), "{stderr}");
        assert!(stderr.contains("$: the input is not valid gzip data: "), "{stderr}");
        assert!(!output.stdout.is_empty(), "the events before the break are written");
    }
    let stats: Value = serde_json::from_slice(
        &metaevents().args(["stats", "--json"]).write_stdin(broken).assert().code(1).get_output().stdout,
    )
    .unwrap();
    assert_eq!(stats["errors"], 1);
}

#[test]
fn options_reach_the_parser() {
    // A forced format: DataHub lines are not Atlan messages.
    let output = metaevents()
        .args(["normalize", "--format", "atlan-message"])
        .write_stdin(EVENTS.lines().next().unwrap())
        .assert()
        .code(1)
        .get_output()
        .clone();
    assert!(output.stdout.is_empty());
    // Limits: lines over 500 bytes (the Atlan envelopes) are too large.
    let output = metaevents()
        .args(["normalize", "--max-event-bytes", "500"])
        .arg(data("events.ndjson"))
        .assert()
        .code(1)
        .get_output()
        .clone();
    assert_eq!(kinds(&lines(&output.stdout)), ["tag.added", "owner.removed", "documentation.added"]);
    assert_eq!(stderr_text(&output).matches("over the limit of 500 bytes").count(), 2);
    let array = format!("[{}]", EVENTS.lines().take(3).collect::<Vec<_>>().join(","));
    metaevents().args(["normalize", "--max-events-per-array", "2"]).write_stdin(array).assert().code(1);
}

#[test]
fn a_closed_output_pipe_ends_quietly() {
    // Enough output to fill the pipe several times over.
    let dir = tempfile::tempdir().unwrap();
    let big = write(&dir, "big.ndjson", EVENTS.repeat(5000).as_bytes());
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_metaevents"))
        .arg("normalize")
        .arg(&big)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 100];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert_eq!(stderr, "");
}

#[test]
fn no_progress_bar_when_stderr_is_not_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let big = write(&dir, "big.ndjson", EVENTS.repeat(4000).as_bytes());
    assert!(std::fs::metadata(&big).unwrap().len() > 4 * 1024 * 1024);
    for quiet in [false, true] {
        let mut command = metaevents();
        command.arg("stats").arg("--json").arg(&big);
        if quiet {
            command.arg("--quiet");
        }
        command.assert().success().stderr("");
    }
}

/// With stderr on a terminal (a pseudo-terminal from util-linux `script`), big inputs get a
/// progress bar, and --quiet hides it. Skipped where `script` is missing.
#[cfg(target_os = "linux")]
#[test]
fn progress_bar_on_a_terminal_unless_quiet() {
    if std::process::Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: util-linux `script` is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let big = write(&dir, "big.ndjson", EVENTS.repeat(4000).as_bytes());
    let run = |quiet: &str| {
        let command =
            format!("{} stats --json {quiet} {} > /dev/null", env!("CARGO_BIN_EXE_metaevents"), big.display());
        let output = std::process::Command::new("script").args(["-qec", &command, "/dev/null"]).output().unwrap();
        assert!(output.status.success(), "{output:?}");
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    assert!(run("").contains("MiB"), "a progress bar with sizes");
    assert!(!run("--quiet").contains("MiB"));
}

// ---------------------------------------------------------------------------------------------
// filter

fn filtered(args: &[&str]) -> Vec<Value> {
    lines(&stdout_of(metaevents().arg("filter").args(args).arg(data("events.ndjson"))))
}

#[test]
fn filter_shorthands_combine_with_and_and_repeat_with_or() {
    assert_eq!(kinds(&filtered(&["--kind", "tag.added"])), ["tag.added", "tag.added"]);
    assert_eq!(kinds(&filtered(&["--kind", "tag.*", "--source", "atlan"])), ["tag.added"]);
    assert_eq!(
        kinds(&filtered(&["--kind", "tag.added", "--kind", "owner.*"])),
        ["tag.added", "owner.removed", "tag.added"]
    );
    assert_eq!(
        kinds(&filtered(&["--platform", "snowflake"])),
        ["tag.added", "tag.added", "entity.created", "documentation.added"]
    );
    assert_eq!(
        kinds(&filtered(&["--platform", "snowflake", "--actor", "urn:li:corpuser:alice"])),
        ["tag.added", "documentation.added"]
    );
    assert_eq!(kinds(&filtered(&["--subject", "urn:li:tag:PII"])), ["tag.added"]);
    assert_eq!(
        kinds(&filtered(&["--subject", "urn:li:tag:PII", "--subject", "jUQpLPdg9hWoheH2eL9Ha2"])),
        ["tag.added", "tag.added"]
    );
    assert!(filtered(&["--kind", "tag.removed"]).is_empty());
}

#[test]
fn filter_where_takes_json_or_a_file_and_ands_with_the_shorthands() {
    let spec = r#"{"any": [{"kind": "owner.removed"}, {"entity.type": "Column"}]}"#;
    assert_eq!(kinds(&filtered(&["--where", spec])), ["owner.removed", "entity.created"]);
    assert_eq!(kinds(&filtered(&["--where", spec, "--source", "atlan"])), ["entity.created"]);
    assert_eq!(
        kinds(&filtered(&["--where", spec, "--where", r#"{"details.ownerType": "TECHNICAL_OWNER"}"#])),
        ["owner.removed"]
    );
    let dir = tempfile::tempdir().unwrap();
    let file = write(&dir, "filter.json", spec.as_bytes());
    assert_eq!(kinds(&filtered(&["--where", &format!("@{}", file.display())])), ["owner.removed", "entity.created"]);
}

#[test]
fn filter_runs_a_datahub_actions_config() {
    let config = data("action.yml");
    let events = filtered(&["--datahub-actions", config.to_str().unwrap()]);
    assert_eq!(kinds(&events), ["tag.added"], "{ACTION_CONFIG}");
    assert_eq!(events[0]["source"], "datahub");
    // ANDed with the shorthands.
    assert!(filtered(&["--datahub-actions", config.to_str().unwrap(), "--platform", "bigquery"]).is_empty());
}

#[test]
fn filter_raw_writes_the_original_payloads() {
    let raw = filtered(&["--kind", "tag.added", "--raw"]);
    let datahub: Value = serde_json::from_str(EVENTS.lines().next().unwrap()).unwrap();
    let atlan: Value = serde_json::from_str(EVENTS.lines().nth(2).unwrap()).unwrap();
    assert_eq!(raw, vec![datahub, atlan["message"].clone()]);
    // One payload per line even when it arrived pretty-printed.
    let pretty = serde_json::to_string_pretty(&atlan).unwrap();
    let output = stdout_of(metaevents().args(["filter", "--kind", "tag.added", "--raw"]).write_stdin(pretty));
    assert_eq!(String::from_utf8(output).unwrap(), format!("{}\n", atlan["message"]));
    // --no-raw on normalized output; --raw and --no-raw together are a usage error.
    assert!(filtered(&["--kind", "tag.added", "--no-raw"]).iter().all(|event| event.get("raw").is_none()));
    metaevents().args(["filter", "--kind", "tag.added", "--raw", "--no-raw"]).write_stdin(EVENTS).assert().code(2);
}

#[test]
fn bad_filters_exit_2_with_the_compile_error() {
    let output = metaevents()
        .args(["filter", "--where", r#"{"kind": {"regexx": "x"}}"#])
        .arg(data("events.ndjson"))
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert!(output.stdout.is_empty());
    assert!(stderr_text(&output).contains("filter.kind.regexx"), "{}", stderr_text(&output));
    metaevents()
        .args(["filter", "--where", "{not json"])
        .write_stdin(EVENTS)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not valid JSON"));
    metaevents()
        .args(["filter", "--kind", "tag.add"])
        .write_stdin(EVENTS)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("filter.kind"));
    metaevents().args(["filter", "--source", "snowflake"]).write_stdin(EVENTS).assert().code(2);
    metaevents().args(["filter", "--where", "@/nonexistent/filter.json"]).write_stdin(EVENTS).assert().code(2);
    let dir = tempfile::tempdir().unwrap();
    let bad_config = write(&dir, "bad.yml", b"filter:\n  event_type: 42\n");
    metaevents()
        .arg("filter")
        .arg("--datahub-actions")
        .arg(&bad_config)
        .write_stdin(EVENTS)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("event_type"));
    let not_yaml = write(&dir, "broken.yml", b"filter: [\n");
    metaevents().arg("filter").arg("--datahub-actions").arg(&not_yaml).write_stdin(EVENTS).assert().code(2);
    metaevents()
        .arg("filter")
        .write_stdin(EVENTS)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("needs a condition"));
}

#[test]
fn filter_skips_ndjson_lines_the_prefilter_rules_out_but_keeps_line_numbers() {
    let records: Vec<&str> = EVENTS.lines().collect();
    // Line 2 is broken but cannot hold `PII`: never parsed, never reported. Line 4 is broken
    // and holds `PII`: reported with its own line number.
    let input = format!("{}\n{{broken\n{}\n{{\"urn:li:tag:PII\n{}\n", records[1], records[3], records[0]);
    let output = metaevents()
        .args(["filter", "--subject", "urn:li:tag:PII"])
        .write_stdin(input.clone())
        .assert()
        .code(1)
        .get_output()
        .clone();
    assert_eq!(kinds(&lines(&output.stdout)), ["tag.added"]);
    let stderr = stderr_text(&output);
    assert_eq!(stderr.lines().collect::<Vec<_>>().len(), 1, "{stderr}");
    assert!(stderr.starts_with("-:4: "), "{stderr}");
    // normalize (no prefilter) reports both.
    let output = metaevents().arg("normalize").write_stdin(input).assert().code(1).get_output().clone();
    assert_eq!(stderr_text(&output).lines().count(), 2);
}

/// The prefilter only skips lines that cannot match: the same events come out as when every
/// line is parsed (`not not` gives the prefilter no literal to search for).
#[test]
fn filter_prefilter_finds_what_parsing_everything_finds() {
    let cases = [
        ("subjects", "urn:li:tag:PII"),
        ("kind", "tag.added"),
        ("kind", "owner.*"),
        ("kind", "custom_metadata.updated"),
        ("kind", "relationship.created"),
        ("actor", "sofia.rossi"),
        ("entity.type", "Column"),
    ];
    for (path, value) in cases {
        let direct = json!({path: value}).to_string();
        let opaque = json!({"not": {"not": {path: value}}}).to_string();
        let fast = stdout_of(metaevents().args(["filter", "--demo", "--where", &direct]));
        let slow = stdout_of(metaevents().args(["filter", "--demo", "--where", &opaque]));
        assert!(!fast.is_empty(), "{direct} matches nothing in the demo");
        assert_eq!(fast, slow, "{direct}");
    }
}

#[test]
fn filter_help_says_what_the_prefilter_skips() {
    metaevents().args(["filter", "--help"]).assert().success().stdout(predicate::str::contains("never parsed"));
}

#[test]
fn filter_on_arrays_parses_everything() {
    let array = format!("[\n{}\n]", EVENTS.lines().collect::<Vec<_>>().join(",\n"));
    let events = lines(&stdout_of(metaevents().args(["filter", "--subject", "urn:li:tag:PII"]).write_stdin(array)));
    assert_eq!(kinds(&events), ["tag.added"]);
}

// ---------------------------------------------------------------------------------------------
// stats

#[test]
fn stats_prints_tables() {
    metaevents()
        .arg("stats")
        .arg(data("events.ndjson"))
        .assert()
        .success()
        .stdout(predicate::str::contains("webhook validation requests"))
        .stdout(predicate::str::is_match(r"│ events\s+┆\s+5 │").unwrap())
        // One column per platform the input holds events of.
        .stdout(predicate::str::is_match(r"│ kind\s+┆ datahub ┆ atlan ┆ total │").unwrap())
        .stdout(predicate::str::is_match(r"│ tag\.added\s+┆\s+1 ┆\s+1 ┆\s+2 │").unwrap())
        .stdout(predicate::str::contains("2026-01-01T00:00:00.000Z"))
        .stdout(predicate::str::contains("snowflake"))
        .stdout(predicate::str::contains("urn:li:corpuser:alice"));
}

#[test]
fn stats_json_counts_everything() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "mixed.ndjson", with_bad_lines().as_bytes());
    let output = metaevents().args(["stats", "--json", "--top", "1"]).arg(&path).assert().code(1).get_output().clone();
    let stats: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(stats["events"], 3);
    assert_eq!(stats["errors"], 2);
    assert_eq!(stats["bySource"], json!([{"name": "datahub", "count": 2}, {"name": "atlan", "count": 1}]));
    assert_eq!(stats["byPlatform"], json!([{"name": "snowflake", "count": 2}]), "cut to --top 1");
    assert_eq!(stats["distinctPlatforms"], 2);
    assert_eq!(stats["firstTime"], 1_767_225_600_000_i64);
    assert_eq!(stats["lastTime"], 1_767_232_800_000_i64);
    assert_eq!(stderr_text(&output).lines().count(), 2, "bad records are reported too");

    let stats: Value =
        serde_json::from_slice(&stdout_of(metaevents().args(["stats", "--json"]).write_stdin(EVENTS))).unwrap();
    assert_eq!(stats["validationRequests"], 1);
    assert_eq!(stats["errors"], 0);
}

#[test]
fn stats_of_nothing() {
    metaevents()
        .arg("stats")
        .write_stdin("")
        .assert()
        .success()
        .stdout(predicate::str::is_match(r"│ events\s+┆\s+0 │").unwrap());
}

// ---------------------------------------------------------------------------------------------
// catalog

#[test]
fn catalog_formats() {
    let table = String::from_utf8(stdout_of(metaevents().arg("catalog"))).unwrap();
    for needle in ["tag.added", "CLASSIFICATION_ADD", "OWNERSHIP / OWNER ADD", "unknown"] {
        assert!(table.contains(needle), "{needle} missing");
    }
    let catalog: Value =
        serde_json::from_slice(&stdout_of(metaevents().args(["catalog", "--format", "json"]))).unwrap();
    let entries = catalog["entries"].as_array().unwrap();
    assert!(entries.len() > 40);
    assert!(entries.iter().any(|entry| entry["kind"] == "lineage.created" && entry["source"] == "atlan"));
    let schema: Value =
        serde_json::from_slice(&stdout_of(metaevents().args(["catalog", "--format", "schema"]))).unwrap();
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert!(schema["properties"]["kind"].is_object());
    let markdown = String::from_utf8(stdout_of(metaevents().args(["catalog", "--format", "markdown"]))).unwrap();
    assert!(markdown.starts_with(
        "| kind | DataHub | Atlan | Apache Atlas | OpenMetadata | details |\n|---|---|---|---|---|---|\n"
    ));
    assert_eq!(markdown.lines().filter(|line| line.starts_with("| `")).count(), 37, "one row per kind");
}

/// The kinds table of docs/event-model.md is the output of `catalog --format markdown`, so the docs
/// cannot drift from the catalog.
#[test]
fn documented_kinds_table_is_generated() {
    let page = repository().join("docs").join("event-model.md");
    let text = std::fs::read_to_string(&page).unwrap();
    let start = text.find("<!-- catalog:start -->").unwrap() + "<!-- catalog:start -->".len();
    let end = text.find("<!-- catalog:end -->").unwrap();
    let section: String =
        text[start..end].lines().filter(|line| !line.starts_with("<!--")).collect::<Vec<_>>().join("\n");
    let markdown = String::from_utf8(stdout_of(metaevents().args(["catalog", "--format", "markdown"]))).unwrap();
    assert_eq!(
        section.trim(),
        markdown.trim(),
        "docs/event-model.md's kinds table is stale: put the output of `metaevents catalog --format markdown` between its catalog markers"
    );
}

// ---------------------------------------------------------------------------------------------
// the documentation's command-line examples

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("..")
}

/// The pages whose `console` blocks are run.
fn documentation_pages() -> Vec<PathBuf> {
    let root = repository();
    let mut pages = vec![root.join("README.md"), root.join("CONTRIBUTING.md")];
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root.join("docs"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    docs.sort();
    pages.extend(docs);
    pages.into_iter().filter(|page| page.exists()).collect()
}

/// Each `$ command` of the page's `console` blocks with the output printed under it.
fn console_examples(text: &str) -> Vec<(String, String)> {
    let mut examples: Vec<(String, String)> = Vec::new();
    let mut in_block = false;
    for line in text.lines() {
        if !in_block {
            in_block = line == "```console";
            continue;
        }
        if line == "```" {
            in_block = false;
        } else if let Some(command) = line.strip_prefix("$ ") {
            examples.push((command.to_owned(), String::new()));
        } else if let Some((_, output)) = examples.last_mut() {
            output.push_str(line);
            output.push('\n');
        }
    }
    examples
}

/// Every `$ metaevents ...` line of the documentation runs (with `sh`, stderr into stdout) and
/// prints what the page shows under it: all of it, or the lines above a line `…`. The examples
/// run in a directory holding the files they name.
#[test]
fn docs_console_examples_run() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir, "events.ndjson", EVENTS.as_bytes());
    write(&dir, "pii-action.yml", PII_ACTION.as_bytes());
    let tag_added = repository().join("tests/vectors/events/datahub-tag-added-dataset.input.json");
    write(&dir, "tag-added.json", &std::fs::read(tag_added).unwrap());
    let change_event = repository().join("tests/vectors/events/openmetadata-fan-out-several-changes.input.json");
    write(&dir, "change-event.json", &std::fs::read(change_event).unwrap());
    let bin = Path::new(env!("CARGO_BIN_EXE_metaevents")).parent().unwrap().to_owned();
    let path =
        std::env::join_paths(std::iter::once(bin).chain(std::env::split_paths(&std::env::var_os("PATH").unwrap())))
            .unwrap();
    let mut count = 0;
    for page in documentation_pages() {
        let text = std::fs::read_to_string(&page).unwrap();
        for (command, expected) in console_examples(&text) {
            count += 1;
            let output = std::process::Command::new("sh")
                .arg("-c")
                .arg(format!("{{ {command}\n}} 2>&1"))
                .current_dir(dir.path())
                .env("PATH", &path)
                .output()
                .unwrap();
            let actual = String::from_utf8(output.stdout).unwrap();
            let where_ = format!("{}: $ {command}", page.display());
            match expected.split_once("…\n") {
                Some((head, _)) => {
                    assert!(actual.starts_with(head), "{where_}\nprinted:\n{actual}\nexpected to start with:\n{head}");
                }
                None => assert_eq!(actual, expected, "{where_}"),
            }
        }
    }
    assert!(count >= 10, "only {count} console examples found");
}

/// The datahub-actions config that docs/cli.md shows (`cat pii-action.yml`).
const PII_ACTION: &str = "\
name: pii_tag_alerts
source:
  type: kafka
filter:
  event_type: EntityChangeEvent_v1
  event:
    category: TAG
    operation: ADD
    modifier: [urn:li:tag:PII, urn:li:tag:Sensitive]
action:
  type: slack
";

// ---------------------------------------------------------------------------------------------
// validate

#[test]
fn validate_passes_good_events() {
    metaevents()
        .arg("validate")
        .arg(data("events.ndjson"))
        .assert()
        .success()
        .stdout("5 events checked: 0 errors, 0 warnings, 0 bad records (1 webhook validation request skipped)\n");
}

fn to_validate() -> String {
    let records: Vec<&str> = EVENTS.lines().collect();
    let unknown = r#"{"entityUrn":"urn:li:dataset:(urn:li:dataPlatform:hive,a.b,PROD)","entityType":"dataset","category":"LABEL","operation":"ADD","auditStamp":{"actor":"urn:li:corpuser:x","time":1767225600000},"version":0}"#;
    let no_tag = r#"{"entityUrn":"urn:li:dataset:(urn:li:dataPlatform:hive,a.b,PROD)","entityType":"dataset","category":"TAG","operation":"ADD","parameters":{"color":"red"},"auditStamp":{"actor":"urn:li:corpuser:x","time":1767225600000},"version":0}"#;
    let no_actor = r#"{"entityUrn":"urn:li:dataset:(urn:li:dataPlatform:hive,a.b,PROD)","entityType":"dataset","category":"DOCUMENTATION","operation":"REMOVE","auditStamp":{"time":1767225600000},"version":0}"#;
    format!("{}\n{unknown}\n{no_tag}\n{{oops\n{no_actor}\n", records[0])
}

#[test]
fn validate_reports_each_issue_with_its_line_and_exits_1() {
    let output = metaevents().arg("validate").write_stdin(to_validate()).assert().code(1).get_output().clone();
    let stdout = String::from_utf8(output.stdout.clone()).unwrap();
    let report: Vec<&str> = stdout.lines().collect();
    assert!(
        report.contains(
            &"-:2: error unknown_kind kind: DataHub category LABEL with operation ADD on dataset is not in the catalog"
        ),
        "{stdout}"
    );
    assert!(
        report.iter().any(|line| line.starts_with("-:3: error missing_parameter $.parameters.tagUrn: ")),
        "{stdout}"
    );
    assert!(
        report.iter().any(|line| line.starts_with("-:3: warning extra_parameter $.parameters.color: ")),
        "{stdout}"
    );
    assert!(report.iter().any(|line| line.starts_with("-:4: error syntax $: invalid JSON")), "{stdout}");
    assert!(report.iter().any(|line| line.starts_with("-:5: warning missing_actor actor: ")), "{stdout}");
    assert_eq!(report.last().unwrap(), &"4 events checked: 2 errors, 2 warnings, 1 bad record");

    let errors_only = metaevents()
        .args(["validate", "--errors-only"])
        .write_stdin(to_validate())
        .assert()
        .code(1)
        .get_output()
        .clone();
    assert!(!String::from_utf8(errors_only.stdout).unwrap().contains("warning "));
}

#[test]
fn validate_warnings_alone_exit_0() {
    let no_actor = to_validate().lines().nth(4).unwrap().to_owned();
    metaevents()
        .arg("validate")
        .write_stdin(no_actor)
        .assert()
        .success()
        .stdout(predicate::str::contains("-:1: warning missing_actor"));
}

#[test]
fn validate_json_writes_one_finding_per_line_and_a_summary() {
    let output =
        metaevents().args(["validate", "--json"]).write_stdin(to_validate()).assert().code(1).get_output().clone();
    let findings = lines(&output.stdout);
    let summary = findings.last().unwrap();
    assert_eq!(
        summary,
        &json!({"summary": {"events": 4, "validationRequests": 0, "errors": 2, "warnings": 2, "badRecords": 1}})
    );
    let unknown = &findings[0];
    assert_eq!(unknown["file"], "-");
    assert_eq!(unknown["line"], 2);
    assert_eq!(unknown["severity"], "error");
    assert_eq!(unknown["code"], "unknown_kind");
    assert_eq!(unknown["kind"], "unknown");
    assert_eq!(unknown["id"].as_str().unwrap().len(), 32);
    assert!(findings.iter().any(|finding| finding["code"] == "syntax" && finding["line"] == 4));
}

// ---------------------------------------------------------------------------------------------
// the demo

#[test]
fn demo_stats_shows_a_table_at_once() {
    let output = metaevents().args(["stats", "--demo"]).assert().success().get_output().clone();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("┆"), "a table");
    for needle in ["from datahub", "from atlan", "tag.added", "entity.created", "platform", "actor"] {
        assert!(stdout.contains(needle), "{needle} missing:\n{stdout}");
    }
}

#[test]
fn demo_has_200_events_of_both_platforms_and_every_kind() {
    let events = lines(&stdout_of(metaevents().args(["normalize", "--demo", "--no-raw"])));
    assert!(events.len() >= 200, "{} events", events.len());
    let catalog: Value =
        serde_json::from_slice(&stdout_of(metaevents().args(["catalog", "--format", "json"]))).unwrap();
    for entry in catalog["kinds"].as_array().unwrap() {
        let kind = entry["kind"].as_str().unwrap();
        for source in entry["sources"].as_array().unwrap() {
            assert!(
                events.iter().any(|event| event["kind"] == kind && event["source"] == *source),
                "no {kind} event from {source} in the demo"
            );
        }
    }
    assert!(events.iter().any(|event| event["kind"] == "unknown"));
}

#[test]
fn every_reading_subcommand_runs_on_the_demo() {
    let tags = lines(&stdout_of(metaevents().args(["filter", "--demo", "--kind", "tag.*", "--no-raw"])));
    assert!(!tags.is_empty());
    assert!(tags.iter().all(|event| event["kind"].as_str().unwrap().starts_with("tag.")));
    let stats: Value = serde_json::from_slice(&stdout_of(metaevents().args(["stats", "--demo", "--json"]))).unwrap();
    assert_eq!(stats["errors"], 0);
    // The demo holds events the catalog does not know (kind `unknown`), which validate flags.
    metaevents().args(["validate", "--demo"]).assert().code(1).stdout(predicate::str::contains("events checked"));
    // The catalog is built in: --demo is accepted and changes nothing.
    assert_eq!(stdout_of(metaevents().args(["catalog", "--demo"])), stdout_of(metaevents().arg("catalog")));
}

#[test]
fn atlas_events_are_read_filtered_and_forced() {
    // Apache Atlas's tag events of the demo, by source, as a new user filters them.
    let tags = lines(&stdout_of(metaevents().args([
        "filter",
        "--demo",
        "--no-raw",
        "--where",
        r#"{"kind": "tag.added", "source": ["atlas"]}"#,
    ])));
    assert!(!tags.is_empty());
    assert!(tags.iter().all(|event| event["source"] == "atlas" && event["kind"] == "tag.added"), "{tags:?}");
    assert!(tags.iter().all(|event| event["native"]["format"] == "atlas-notification"));
    // A bare Purview message says nothing of its catalog: Atlan by default, Atlas when forced.
    let bare = r#"{"type":"ENTITY_NOTIFICATION_V2","entity":{"typeName":"DataSet","attributes":{"qualifiedName":"MyDataset","name":"My Dataset"},"guid":"938fa19f-c616-4e98-a3ad-0cf46250ccc6","status":"ACTIVE"},"operationType":"ENTITY_CREATE","eventTime":1627361202110}"#;
    let default = lines(&stdout_of(metaevents().args(["normalize", "--no-raw"]).write_stdin(bare)));
    assert_eq!(
        (default[0]["source"].as_str(), default[0]["native"]["evidence"].as_str()),
        (Some("atlan"), Some("default"))
    );
    let forced = lines(&stdout_of(
        metaevents().args(["normalize", "--no-raw", "--format", "atlas-notification"]).write_stdin(bare),
    ));
    assert_eq!(
        (forced[0]["source"].as_str(), forced[0]["native"]["evidence"].as_str()),
        (Some("atlas"), Some("forced"))
    );
    // A hook message is a request into Atlas: a clear error, exit 1.
    let hook = r#"{"version":{"version":"1.0.0"},"message":{"type":"ENTITY_CREATE_V2","user":"admin","entities":{"entities":[]}}}"#;
    let output = metaevents().arg("normalize").write_stdin(hook).assert().code(1).get_output().clone();
    assert!(
        stderr_text(&output).contains("an Apache Atlas hook message (ENTITY_CREATE_V2"),
        "{}",
        stderr_text(&output)
    );
}

#[test]
fn help_has_examples() {
    metaevents().arg("--help").assert().success().stdout(predicate::str::contains("metaevents stats --demo"));
    for command in ["normalize", "filter", "stats", "catalog", "validate"] {
        metaevents().args([command, "--help"]).assert().success().stdout(predicate::str::contains("Examples:"));
    }
    metaevents()
        .args(["normalize", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("datahub-poll-response"));
}

// ---------------------------------------------------------------------------------------------
// normalize --output parquet | arrow, --threads

/// A corpus with every shape of line: events of both platforms, bad lines, blank lines, a split
/// Atlan message whose parts lie far apart, repeated enough to span many chunks.
fn big_corpus() -> Vec<u8> {
    let mut text = String::new();
    for round in 0..300 {
        text.push_str(EVENTS);
        if round % 50 == 7 {
            text.push_str("{\"entityUrn\": \"urn:li:dataset:x\", \"category\": \"TAG\"\n\n");
        }
    }
    text.into_bytes()
}

/// The events `metaevents normalize` writes for `input`, as one Arrow batch.
fn expected_batch(input: &[u8], raw: bool) -> arrow_array::RecordBatch {
    let events: Vec<_> =
        metaevents::parse_many(input).flatten().filter_map(|record| record.parsed.into_event()).collect();
    metaevents::arrow::batch_of(&events, metaevents::arrow::SchemaOptions { raw, ..Default::default() }).unwrap()
}

fn concat(batches: &[arrow_array::RecordBatch]) -> arrow_array::RecordBatch {
    arrow_select::concat::concat_batches(&batches[0].schema(), batches).unwrap()
}

#[test]
fn threads_change_nothing_in_the_output_or_the_errors() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(&dir, "big.ndjson.gz", &gzip(&big_corpus()));
    let run = |threads: &str| {
        metaevents().args(["normalize", "--threads", threads]).arg(&input).assert().code(1).get_output().clone()
    };
    let one = run("1");
    for threads in ["2", "3"] {
        let many = run(threads);
        assert_eq!(one.stdout, many.stdout, "{threads} threads");
        assert_eq!(one.stderr, many.stderr, "{threads} threads: the same bad lines, at the same line numbers");
    }
    assert!(stderr_text(&one).contains("big.ndjson.gz:49: $: truncated JSON"), "{}", stderr_text(&one));
    let stats = |threads: &str| {
        metaevents()
            .args(["stats", "--json", "--threads", threads])
            .arg(&input)
            .assert()
            .code(1)
            .get_output()
            .stdout
            .clone()
    };
    assert_eq!(stats("1"), stats("2"));
}

#[test]
fn threads_must_be_a_number() {
    metaevents().args(["normalize", "--threads", "many", "--demo"]).assert().code(2);
}

#[test]
fn normalize_writes_parquet_that_reads_back_as_the_events() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = big_corpus();
    let input = write(&dir, "big.ndjson", &corpus);
    let out = dir.path().join("events.parquet");
    let assert = metaevents().args(["normalize", "--output", "parquet", "-o"]).arg(&out).arg(&input).assert().code(1);
    assert!(stderr_text(assert.get_output()).contains("big.ndjson:49: $: truncated JSON"));
    let file = std::fs::File::open(&out).unwrap();
    let builder = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file).unwrap();
    let metadata = builder.metadata().clone();
    assert!(metadata.row_groups().iter().all(|group| {
        group.columns().iter().all(|column| matches!(column.compression(), parquet::basic::Compression::ZSTD(_)))
    }));
    let batches: Vec<_> = builder.build().unwrap().map(Result::unwrap).collect();
    assert_eq!(concat(&batches), expected_batch(&corpus, true));
}

#[test]
fn normalize_writes_arrow_ipc_files_and_streams() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(&dir, "events.ndjson", EVENTS.as_bytes());
    let out = dir.path().join("events.arrow");
    metaevents().args(["normalize", "--no-raw", "--output", "arrow", "-o"]).arg(&out).arg(&input).assert().success();
    let file = arrow_ipc::reader::FileReader::try_new(std::fs::File::open(&out).unwrap(), None).unwrap();
    let batches: Vec<_> = file.map(Result::unwrap).collect();
    assert_eq!(concat(&batches), expected_batch(EVENTS.as_bytes(), false));

    // Several inputs with other entity types and platforms: one file, its dictionaries grown by deltas.
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("demo").join("corpus.ndjson");
    metaevents().args(["normalize", "--output", "arrow", "-o"]).arg(&out).arg(&input).arg(&demo).assert().success();
    let file = arrow_ipc::reader::FileReader::try_new(std::fs::File::open(&out).unwrap(), None).unwrap();
    let batches: Vec<_> = file.map(Result::unwrap).collect();
    let both = [EVENTS.as_bytes(), &std::fs::read(&demo).unwrap()].concat();
    assert_eq!(concat(&batches), expected_batch(&both, true));

    let stream = stdout_of(metaevents().args(["normalize", "--output", "arrow", "-o", "-"]).arg(&input));
    let reader = arrow_ipc::reader::StreamReader::try_new(std::io::Cursor::new(stream), None).unwrap();
    let batches: Vec<_> = reader.map(Result::unwrap).collect();
    assert_eq!(concat(&batches), expected_batch(EVENTS.as_bytes(), true));
}

#[test]
fn tables_need_an_output_file() {
    let assert = metaevents().args(["normalize", "--output", "parquet", "--demo"]).assert().code(2);
    assert!(stderr_text(assert.get_output()).contains("need -o FILE"));
}

#[test]
fn catalog_prints_the_arrow_schema() {
    let schema: Value =
        serde_json::from_slice(&stdout_of(metaevents().args(["catalog", "--format", "arrow-schema"]))).unwrap();
    let names: Vec<&str> = schema["fields"].as_array().unwrap().iter().map(|f| f["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["id", "source", "kind", "time", "actor", "entity", "subjects", "details", "native", "raw"]);
    assert!(schema["sparkDdl"].as_str().unwrap().starts_with("`id` string, `source` string"));
}

// ---------------------------------------------------------------------------------------------
// Kafka records and CloudEvents

/// A vector's input held as base64.
fn vector_bytes(sub: &str, name: &str) -> Vec<u8> {
    use base64::Engine as _;
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/vectors")
        .join(sub)
        .join(format!("{name}.expected.json"));
    let vector: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    base64::engine::general_purpose::STANDARD.decode(vector["inputBase64"].as_str().unwrap()).unwrap()
}

#[test]
fn kafka_avro_reads_length_prefixed_records_and_base64_lines() {
    let dir = tempfile::tempdir().unwrap();
    let prefixed = write(&dir, "records.bin", &vector_bytes("events", "stream-kafka-avro-length-prefixed"));
    let events = lines(&stdout_of(metaevents().args(["normalize", "--format", "kafka-avro"]).arg(&prefixed)));
    assert_eq!(kinds(&events), ["tag.added", "relationship.created", "unknown"]);
    assert_eq!(events[0]["native"]["envelope"], json!(["kafka-avro", "datahub-platform-event"]));
    assert_eq!(events[0]["native"]["schemaId"], 4);
    // From stdin, and as base64 lines.
    let stdin = std::fs::read(&prefixed).unwrap();
    let piped =
        lines(&stdout_of(metaevents().args(["normalize", "--format", "kafka-avro", "--no-raw"]).write_stdin(stdin)));
    assert_eq!(kinds(&piped), kinds(&events));
    let text = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/vectors/events/stream-kafka-avro-base64-lines.input.txt");
    let from_text = lines(&stdout_of(metaevents().args(["normalize", "--format", "kafka-avro"]).arg(&text)));
    assert_eq!(from_text, events);
    // Filters work on them (no byte prefilter on binary records).
    let tagged = lines(&stdout_of(
        metaevents().args(["filter", "--format", "kafka-avro", "--kind", "tag.added"]).arg(&prefixed),
    ));
    assert_eq!(kinds(&tagged), ["tag.added"]);
}

#[test]
fn a_file_of_records_without_the_format_says_how_to_read_it() {
    let dir = tempfile::tempdir().unwrap();
    let prefixed = write(&dir, "records.bin", &vector_bytes("events", "stream-kafka-avro-length-prefixed"));
    let output = metaevents().arg("normalize").arg(&prefixed).assert().code(1).get_output().clone();
    assert!(stderr_text(&output).contains("with the kafka-avro format"), "{}", stderr_text(&output));
}

#[test]
fn a_metadata_change_log_record_is_a_decode_error_naming_its_schema_id() {
    let dir = tempfile::tempdir().unwrap();
    let record = write(&dir, "mcl.bin", &vector_bytes("malformed", "malformed-kafka-avro-mcl-versioned"));
    let output = metaevents().arg("normalize").arg(&record).assert().code(1).get_output().clone();
    let stderr = stderr_text(&output);
    assert!(stderr.contains("schema id 2 is not a DataHub PlatformEvent"), "{stderr}");
    assert!(stderr.contains("AvroDeserializer"), "{stderr}");
}

#[test]
fn normalize_and_filter_write_cloudevents() {
    let events = lines(&stdout_of(
        metaevents()
            .args(["normalize", "--output", "cloudevents", "--cloudevents-source", "https://datahub.example.com"])
            .write_stdin(EVENTS),
    ));
    assert_eq!(events.len(), 5);
    for event in &events {
        assert_eq!(event["specversion"], "1.0");
        assert_eq!(event["type"], format!("io.metaevents.{}", event["data"]["kind"].as_str().unwrap()));
        assert_eq!(event["id"], event["data"]["id"]);
        assert_eq!(event["source"], "https://datahub.example.com");
        assert!(event["data"]["raw"].is_object());
    }
    // And back: the same events.
    let ce_text = events.iter().map(Value::to_string).collect::<Vec<_>>().join("\n");
    let back = lines(&stdout_of(metaevents().arg("normalize").write_stdin(ce_text)));
    let original = lines(&stdout_of(metaevents().arg("normalize").write_stdin(EVENTS)));
    assert_eq!(back, original);
    // Default sources per catalog; no raw on request; filter too.
    let atlan = lines(&stdout_of(
        metaevents().args(["filter", "--source", "atlan", "--output", "cloudevents", "--no-raw"]).write_stdin(EVENTS),
    ));
    assert!(!atlan.is_empty());
    assert!(atlan.iter().all(|event| event["source"] == "/metaevents/atlan" && event["data"].get("raw").is_none()));
}

#[test]
fn cloudevents_options_are_checked() {
    for args in [
        &["normalize", "--output", "cloudevents", "--cloudevents-source", "not a uri"][..],
        &["normalize", "--cloudevents-source", "/x"],
        &["filter", "--kind", "tag.added", "--raw", "--output", "cloudevents"],
    ] {
        metaevents().args(args).write_stdin(EVENTS).assert().code(2);
    }
}

#[test]
fn normalize_outputs_share_one_flag() {
    // `ndjson` names the default (`json`) too; tables take no CloudEvents source.
    let default = stdout_of(metaevents().arg("normalize").write_stdin(EVENTS));
    assert_eq!(stdout_of(metaevents().args(["normalize", "--output", "ndjson"]).write_stdin(EVENTS)), default);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("events.parquet");
    let assert = metaevents()
        .args(["normalize", "--output", "parquet", "--cloudevents-source", "/x", "-o"])
        .arg(&out)
        .write_stdin(EVENTS)
        .assert()
        .code(2);
    assert!(stderr_text(assert.get_output()).contains("--cloudevents-source needs --output cloudevents"));
    // CloudEvents lines can go to a file as well.
    let file = dir.path().join("events.ce.ndjson");
    metaevents().args(["normalize", "--output", "cloudevents", "-o"]).arg(&file).write_stdin(EVENTS).assert().success();
    let written = std::fs::read_to_string(&file).unwrap();
    assert_eq!(written.lines().count(), 5);
    assert!(written.lines().all(|line| line.starts_with('{') && line.contains("\"specversion\":\"1.0\"")));
}
