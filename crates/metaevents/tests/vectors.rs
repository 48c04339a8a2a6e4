#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation,
    reason = "a test harness: failing loudly is its job"
)]

//! Runs the shared conformance vectors of `tests/vectors` (see its README).
//!
//! Each record is checked first against the vector's hand-written `expect` item (the keys that
//! state intent), then against the full snapshot in `records`.
//!
//! `METAEVENTS_BLESS=1 cargo test --test vectors` rewrites the `records` of event and malformed
//! vectors from the current output (`METAEVENTS_BLESS_ONLY=name,name` limits it to those); a
//! vector whose output departs from its hand-written expectation is not rewritten but reported.
//! Every blessed file is then reviewed by hand before it is committed.

use std::fs;
use std::path::{Path, PathBuf};

use base64::Engine as _;
use metaevents::cloudevents::CloudEventOptions;
use metaevents::ffi::ParserOptions;
use metaevents::{Error, Filter, Parsed, Parser};
use serde_json::{Value, json};

fn vectors_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors")
}

fn read_json(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

/// The parser a vector's `options` describe: they are the bindings' parser options
/// (`metaevents::ffi::ParserOptions`, camelCase), so every language reads them alike.
fn parser_for(expected: &Value) -> Parser {
    let options = expected.get("options").cloned().unwrap_or_else(|| Value::Object(serde_json::Map::new()));
    let options: ParserOptions = serde_json::from_value(options).expect("vector options are parser options");
    options.parser().expect("valid vector options")
}

fn input_for(dir: &Path, name: &str, expected: &Value) -> Vec<u8> {
    if let Some(encoded) = expected.get("inputBase64").and_then(Value::as_str) {
        return base64::engine::general_purpose::STANDARD.decode(encoded).expect("inputBase64 is base64");
    }
    if let Some(generate) = expected.get("generate") {
        let get = |key: &str| generate.get(key).and_then(Value::as_str).unwrap_or_default().to_owned();
        let times = generate.get("times").and_then(Value::as_u64).unwrap_or(0) as usize;
        return format!("{}{}{}", get("prefix"), get("repeat").repeat(times), get("suffix")).into_bytes();
    }
    let prefix = format!("{name}.input.");
    let input = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .find(|path| path.file_name().unwrap().to_string_lossy().starts_with(&prefix))
        .unwrap_or_else(|| panic!("no input file for vector {name}"));
    fs::read(input).unwrap()
}

fn parsed_json(parsed: &Parsed) -> Value {
    match parsed {
        Parsed::Event(event) => event.to_value(true),
        Parsed::ValidationRequest(request) => request.to_value(),
    }
}

fn error_json(error: &Error) -> Value {
    let mut out = json!({"kind": error.kind().as_str(), "message": error.message()});
    if let Some(line) = error.line() {
        out["line"] = json!(line);
    }
    if let Some(path) = error.path() {
        out["path"] = json!(path);
    }
    json!({ "error": out })
}

fn run(parser: &Parser, mode: &str, input: &[u8], expected: &Value) -> Vec<Value> {
    let one = |result: Result<Parsed, Error>| match result {
        Ok(parsed) => parsed_json(&parsed),
        Err(error) => error_json(&error),
    };
    match mode {
        "parse" => vec![one(parser.parse(input))],
        "http" => {
            let headers: Vec<(String, String)> = expected["headers"]
                .as_object()
                .expect("http mode needs headers")
                .iter()
                .map(|(name, value)| (name.clone(), value.as_str().expect("header values are strings").to_owned()))
                .collect();
            vec![one(parser.parse_http(headers, input))]
        }
        "stream" => parser
            .parse_many(input)
            .map(|item| match item {
                Ok(record) => parsed_json(&record.parsed),
                Err(error) => error_json(&error),
            })
            .collect(),
        other => panic!("unknown mode {other}"),
    }
}

/// Compares one produced record with its expectation; the reason when they differ.
fn differs(actual: &Value, expected: &Value) -> Option<String> {
    match (actual.get("error"), expected.get("error")) {
        (Some(actual), Some(wanted)) => {
            for key in ["kind", "line", "path"] {
                if let Some(value) = wanted.get(key) {
                    if actual.get(key) != Some(value) {
                        return Some(format!(
                            "error {key}: expected {value}, got {} ({})",
                            actual.get(key).unwrap_or(&Value::Null),
                            actual.get("message").unwrap_or(&Value::Null)
                        ));
                    }
                }
            }
            let contains = wanted.get("messageContains").and_then(Value::as_str).unwrap_or_default();
            let message = actual.get("message").and_then(Value::as_str).unwrap_or_default();
            (!message.contains(contains)).then(|| format!("error message {message:?} lacks {contains:?}"))
        }
        (None, None) => (actual != expected).then(|| {
            format!(
                "expected {}\n     got {}",
                serde_json::to_string(expected).unwrap(),
                serde_json::to_string(actual).unwrap()
            )
        }),
        _ => Some(format!("expected {expected}, got {actual}")),
    }
}

/// Where a produced record departs from its hand-written expectation (an `expect` item): every
/// key the expectation lists must match, objects recursively; lists and scalars must be equal
/// (numbers by value). An `error` item is checked like an error record. One line per key.
fn expectation_departures(actual: &Value, wanted: &Value) -> Vec<String> {
    if wanted.get("error").is_some() {
        return differs(actual, wanted).into_iter().collect();
    }
    if let Some(error) = actual.get("error") {
        return vec![format!("expected an event, got error {error}")];
    }
    let mut out = Vec::new();
    departures_at("", Some(actual), wanted, &mut out);
    out
}

fn departures_at(path: &str, actual: Option<&Value>, wanted: &Value, out: &mut Vec<String>) {
    if let (Value::Object(wanted), Some(Value::Object(actual))) = (wanted, actual) {
        for (key, value) in wanted {
            let path = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
            departures_at(&path, actual.get(key), value, out);
        }
    } else if !actual.is_some_and(|actual| same_json(actual, wanted)) {
        out.push(format!(
            "{}: expected {wanted}, got {}",
            if path.is_empty() { "(record)" } else { path },
            actual.map_or_else(|| "(absent)".to_owned(), Value::to_string)
        ));
    }
}

/// JSON equality with numbers compared by value (`90.0` equals `90`), as in Python and JS.
fn same_json(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(a), Value::Number(b)) => a == b || a.as_f64() == b.as_f64(),
        (Value::Array(a), Value::Array(b)) => a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same_json(a, b)),
        (Value::Object(a), Value::Object(b)) => {
            a.len() == b.len() && a.iter().all(|(key, a)| b.get(key).is_some_and(|b| same_json(a, b)))
        }
        _ => a == b,
    }
}

/// The hand-written expectation checks of one vector (required for `events/`).
fn expectation_failures(sub: &str, name: &str, expected: &Value, actual: &[Value]) -> Vec<String> {
    let label = format!("{sub}/{name}");
    let items = match expected.get("expect") {
        None if sub == "events" => return vec![format!("{label}: no hand-written expectation (`expect`)")],
        None => return Vec::new(),
        Some(Value::Array(items)) => items,
        Some(_) => return vec![format!("{label}: `expect` must be a list, one item per record")],
    };
    if items.len() != actual.len() {
        return vec![format!(
            "{label}: the hand-written expectation has {} items, the output {} records",
            items.len(),
            actual.len()
        )];
    }
    let mut failures = Vec::new();
    for (index, (got, want)) in actual.iter().zip(items).enumerate() {
        for departure in expectation_departures(got, want) {
            failures.push(format!("{label} record {index}: hand-written expectation: {departure}"));
        }
    }
    failures
}

fn vector_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .filter_map(|entry| {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            name.strip_suffix(".expected.json").map(str::to_owned)
        })
        .collect();
    names.sort();
    names
}

/// The event without what its envelopes add: `native.envelope` and the Kafka record's
/// `native.schemaId`.
fn without_envelope(mut event: Value) -> Value {
    if let Some(native) = event.get_mut("native").and_then(Value::as_object_mut) {
        native.remove("envelope");
        native.remove("schemaId");
    }
    event
}

fn bless(path: &Path, mut expected: Value, actual: &[Value]) {
    let blessed: Vec<Value> = actual
        .iter()
        .map(|record| match record.get("error") {
            Some(error) => {
                let mut error = error.clone();
                let message = error.as_object_mut().unwrap().remove("message").unwrap_or_default();
                let words: String = message.as_str().unwrap_or_default().chars().take(40).collect();
                error["messageContains"] = json!(words);
                json!({ "error": error })
            }
            None => record.clone(),
        })
        .collect();
    expected["records"] = Value::Array(blessed);
    fs::write(path, serde_json::to_string_pretty(&expected).unwrap() + "\n").unwrap();
}

fn run_dir(sub: &str) -> usize {
    let dir = vectors_dir().join(sub);
    let only: Option<Vec<String>> =
        std::env::var("METAEVENTS_BLESS_ONLY").ok().map(|names| names.split(',').map(str::to_owned).collect());
    let blessing = std::env::var_os("METAEVENTS_BLESS").is_some() || only.is_some();
    let mut failures = Vec::new();
    let names = vector_names(&dir);
    for name in &names {
        let path = dir.join(format!("{name}.expected.json"));
        let expected = read_json(&path);
        let parser = parser_for(&expected);
        let input = input_for(&dir, name, &expected);
        let mode = expected.get("mode").and_then(Value::as_str).unwrap_or("parse").to_owned();
        let actual = run(&parser, &mode, &input, &expected);
        let departures = expectation_failures(sub, name, &expected, &actual);
        if blessing && only.as_ref().is_none_or(|names| names.contains(name)) {
            // Never bless an output that contradicts what a person wrote down as right.
            if departures.is_empty() {
                bless(&path, expected, &actual);
            } else {
                failures.extend(departures);
            }
            continue;
        }
        failures.extend(departures);
        let wanted = expected.get("records").and_then(Value::as_array).cloned().unwrap_or_default();
        if (mode == "parse" || mode == "http") && wanted.len() != 1 {
            failures.push(format!("{sub}/{name}: parse mode needs exactly one record"));
        }
        if actual.len() != wanted.len() {
            failures.push(format!("{sub}/{name}: expected {} records, got {}: {actual:?}", wanted.len(), actual.len()));
            continue;
        }
        for (index, (got, want)) in actual.iter().zip(&wanted).enumerate() {
            if let Some(reason) = differs(got, want) {
                failures.push(format!("{sub}/{name} record {index}: {reason}"));
            }
        }
        if let Some(other) = expected.get("sameAs").and_then(Value::as_str) {
            let other_expected = read_json(&dir.join(format!("{other}.expected.json")));
            let other_records = other_expected["records"].as_array().cloned().unwrap_or_default();
            let mine: Vec<Value> = wanted.iter().cloned().map(without_envelope).collect();
            let theirs: Vec<Value> = other_records.into_iter().map(without_envelope).collect();
            if mine != theirs {
                failures.push(format!("{sub}/{name}: not the same events as {other} (envelope aside)"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures in the {} vectors of {sub}:\n{}",
        failures.len(),
        names.len(),
        failures.join("\n")
    );
    names.len()
}

#[test]
fn event_vectors() {
    let count = run_dir("events");
    assert!(count >= 60, "only {count} event vectors");
}

#[test]
fn malformed_vectors() {
    let count = run_dir("malformed");
    assert!(count >= 50, "only {count} malformed vectors");
}

fn compile_case(case: &Value) -> Result<Filter, Error> {
    if let Some(spec) = case.get("filter") {
        Filter::new(spec)
    } else if let Some(config) = case.get("datahubActions") {
        Filter::from_datahub_actions(config)
    } else if let Some(yaml) = case.get("datahubActionsYaml").and_then(Value::as_str) {
        Filter::from_datahub_actions_yaml(yaml)
    } else {
        panic!("case without filter: {case}")
    }
}

#[test]
fn filter_vectors() {
    let dir = vectors_dir().join("filters");
    let mut failures = Vec::new();
    let mut cases = 0;
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    for file in files {
        let group = read_json(&file);
        let corpus_name = group["corpus"].as_str().unwrap_or("corpus.ndjson");
        let corpus = fs::read(dir.join(corpus_name)).unwrap();
        // Each line's events (an OpenMetadata ChangeEvent may make several); none when it is bad.
        let events: Vec<Vec<metaevents::Event>> =
            corpus.split(|b| *b == b'\n').map(|line| Parser::new().events(line).unwrap_or_default()).collect();
        for case in group["cases"].as_array().unwrap() {
            cases += 1;
            let name =
                format!("{}: {}", file.file_name().unwrap().to_string_lossy(), case["name"].as_str().unwrap_or("?"));
            match (compile_case(case), case.get("error")) {
                (Ok(filter), None) => {
                    let wanted: Vec<usize> =
                        case["matches"].as_array().unwrap().iter().map(|v| v.as_u64().unwrap() as usize).collect();
                    let by_event: Vec<usize> = events
                        .iter()
                        .enumerate()
                        .filter(|(_, line)| line.iter().any(|event| filter.matches(event)))
                        .map(|(index, _)| index)
                        .collect();
                    if by_event != wanted {
                        failures.push(format!("{name}: matches(): expected {wanted:?}, got {by_event:?}"));
                    }
                    let by_bytes = filter.filter_ndjson(&corpus);
                    if by_bytes != wanted {
                        failures.push(format!("{name}: filter_ndjson(): expected {wanted:?}, got {by_bytes:?}"));
                    }
                }
                (Err(error), Some(wanted)) => {
                    if let Some(reason) = differs(&error_json(&error), &json!({ "error": wanted })) {
                        failures.push(format!("{name}: {reason}"));
                    }
                }
                (Ok(_), Some(wanted)) => failures.push(format!("{name}: expected error {wanted}, compiled fine")),
                (Err(error), None) => failures.push(format!("{name}: does not compile: {error}")),
            }
        }
    }
    assert!(failures.is_empty(), "{} filter cases failed:\n{}", failures.len(), failures.join("\n"));
    assert!(cases >= 105, "only {cases} filter cases");
}

/// The `CloudEvent` a vector asks for: the event of its input written with its options.
fn cloudevent_of(case: &Value) -> (metaevents::Event, String, Value) {
    let input = fs::read(vectors_dir().join(case["input"].as_str().expect("input path"))).unwrap();
    let event = metaevents::parse(&input).expect("the input is one event").into_event().expect("an event");
    let options = &case["options"];
    let mut writer = CloudEventOptions::new();
    if let Some(source) = options.get("source").and_then(Value::as_str) {
        writer = writer.with_source(source).expect("a valid source");
    }
    if let Some(raw) = options.get("raw").and_then(Value::as_bool) {
        writer = writer.with_raw(raw);
    }
    let text = event.to_cloudevent_json(&writer);
    let value: Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(value, event.to_cloudevent(&writer), "the JSON text and the value agree");
    (event, text, value)
}

/// `tests/vectors/cloudevents`: each normalized event written as a `CloudEvent` (checked against
/// the hand-written `expect`, then the snapshot), and read back as the same event, from the
/// structured JSON and from HTTP binary mode.
#[test]
fn cloudevent_vectors() {
    let dir = vectors_dir().join("cloudevents");
    let blessing = std::env::var_os("METAEVENTS_BLESS").is_some();
    let mut failures = Vec::new();
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    for file in &files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let mut case = read_json(file);
        let (event, text, cloudevent) = cloudevent_of(&case);
        let departures = expectation_departures(&cloudevent, &case["expect"]);
        failures.extend(departures.iter().map(|departure| format!("{name}: hand-written expectation: {departure}")));
        if blessing && departures.is_empty() {
            case["cloudevent"] = cloudevent.clone();
            fs::write(file, serde_json::to_string_pretty(&case).unwrap() + "\n").unwrap();
        } else if case.get("cloudevent") != Some(&cloudevent) {
            failures.push(format!("{name}: expected {}\n     got {cloudevent}", case["cloudevent"]));
        }
        let include_raw = case["options"].get("raw").and_then(Value::as_bool).unwrap_or(true);
        let structured = metaevents::parse(text.as_bytes());
        // Binary mode: every attribute but data as a `ce-` header, data as the body.
        let mut headers = vec![("Content-Type".to_owned(), "application/json".to_owned())];
        for (key, value) in cloudevent.as_object().unwrap() {
            if !matches!(key.as_str(), "data" | "datacontenttype") {
                headers.push((format!("ce-{key}"), value.as_str().unwrap().to_owned()));
            }
        }
        let binary = metaevents::parse_http(headers, event.to_json(include_raw).as_bytes());
        for (mode, result) in [("structured", structured), ("binary", binary)] {
            match (result, include_raw) {
                (Ok(Parsed::Event(again)), true) => {
                    if again != event || again.to_json(true) != event.to_json(true) {
                        failures.push(format!("{name}: read back from {mode} mode, not the same event"));
                    }
                }
                (Err(error), false) if matches!(error.path(), Some("$.raw" | "$.data.raw")) => {}
                (other, _) => failures.push(format!("{name}: read back from {mode} mode: {other:?}")),
            }
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
    assert!(files.len() >= 4, "only {} CloudEvent vectors", files.len());
}
