//! The conversions between the core and the strings that cross the wasm boundary. Pure Rust
//! with no wasm-bindgen in sight, so the host's `cargo test` checks it.
//!
//! Everything crosses as JSON text: events as their contract JSON (`Event::write_json`, `raw`
//! included), which the JS side `JSON.parse`s into plain objects (maps as objects, `null` kept,
//! numbers as numbers); errors as a JSON object the JS wrapper turns into a `MetaeventsError`.

use metaevents::{Error, InputFormat, Limits, ParseOptions, Parsed};
use serde_json::{Value, json};

/// A failure on its way to JS: the JSON text
/// `{"kind": "invalid_field", "message": "...", "display": "line 3: $.entityUrn: ...", "line": 3,
/// "column": null, "path": "$.entityUrn"}` (`kind` is the core's
/// [`metaevents::ErrorKind::as_str`], `message` the bare message, `display` the error's
/// `Display` with its location, which becomes the JS error's `message`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure(pub String);

impl From<&Error> for Failure {
    fn from(error: &Error) -> Self {
        Failure(error_value(error).to_string())
    }
}

impl From<Error> for Failure {
    fn from(error: Error) -> Self {
        Failure::from(&error)
    }
}

/// The JSON object of an error (see [`Failure`]).
pub fn error_value(error: &Error) -> Value {
    json!({
        "kind": error.kind().as_str(),
        "message": error.message(),
        "display": error.to_string(),
        "line": error.line(),
        "column": error.column(),
        "path": error.path(),
    })
}

/// A failure of the binding's own (a bad option value), in the same shape and under the kind
/// the core uses for its own option checks (`Limits::validated`: `invalid_option`).
fn option_failure(message: &str) -> Failure {
    Failure(
        json!({"kind": "invalid_option", "message": message, "display": message, "line": null, "column": null, "path": null})
            .to_string(),
    )
}

/// The input format named `name` (`"datahub-ece"`, ...), `None` when absent.
pub fn input_format(name: Option<&str>) -> Result<Option<InputFormat>, Failure> {
    let Some(name) = name else { return Ok(None) };
    InputFormat::from_name(name).map(Some).ok_or_else(|| {
        let known: Vec<&str> = InputFormat::ALL.iter().map(|format| format.as_str()).collect();
        option_failure(&format!("unknown input format `{name}`: expected one of {}", known.join(", ")))
    })
}

/// A limit given as a JS number: a whole number from 0 up; the core checks the ranges.
pub fn limit(name: &str, value: Option<f64>, default: usize) -> Result<usize, Failure> {
    const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;
    let Some(value) = value else { return Ok(default) };
    if !(value.is_finite() && value >= 0.0 && value.fract() == 0.0 && value <= MAX_SAFE_INTEGER) {
        // Written by serde_json (ryu; NaN and infinities as null) rather than `{value}`, which
        // would link core's float formatting for this one message.
        return Err(option_failure(&format!("{name} must be a whole number from 0 up, not {}", Value::from(value))));
    }
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "checked: a whole number in 0..=2^53")]
    let whole = value as u64;
    // A limit past what this platform can address means "no limit" in practice.
    Ok(usize::try_from(whole).unwrap_or(usize::MAX))
}

/// A core parser from the options of the JS `Parser` (limits checked by the core).
pub fn parser(
    format: Option<&str>,
    max_event_bytes: Option<f64>,
    max_depth: Option<f64>,
    max_events_per_array: Option<f64>,
) -> Result<metaevents::Parser, Failure> {
    let limits = Limits {
        max_event_bytes: limit("maxEventBytes", max_event_bytes, Limits::DEFAULT_MAX_EVENT_BYTES)?,
        max_depth: limit("maxDepth", max_depth, Limits::DEFAULT_MAX_DEPTH)?,
        max_events_per_array: limit("maxEventsPerArray", max_events_per_array, Limits::DEFAULT_MAX_EVENTS_PER_ARRAY)?,
    };
    let options = ParseOptions { format: input_format(format)?, limits, ..ParseOptions::default() };
    Ok(metaevents::Parser::with_options(options)?)
}

/// What a parse hands to JS: the JSON text of its result and the core events in it, in the
/// order they appear in that JSON (validation requests and errors have none). The JS wrapper
/// keeps each core event beside its plain object, so `Filter.matches` and `validate` see the very
/// event the core produced, envelopes included.
#[derive(Debug, Default)]
pub struct Output {
    /// The JSON text.
    pub json: String,
    /// The events, in order.
    pub events: Vec<metaevents::Event>,
}

impl Output {
    fn start(open: &str) -> Self {
        Output { json: String::from(open), events: Vec::new() }
    }

    /// Appends the JSON of a parse outcome: the event's contract JSON with `raw`, or
    /// `{"kind": "webhook.validation", "source": "atlan", "message": ...}`.
    fn push_parsed(&mut self, parsed: Parsed) {
        match parsed {
            Parsed::Event(event) => {
                event.write_json(true, &mut self.json);
                self.events.push(event);
            }
            Parsed::ValidationRequest(request) => self.json.push_str(&request.to_value().to_string()),
        }
    }

    fn separate(&mut self) {
        if self.json.len() > 1 {
            self.json.push(',');
        }
    }
}

/// `parse`: the one event (or validation request) of `input`.
pub fn parse(parser: &metaevents::Parser, input: &[u8]) -> Result<Output, Failure> {
    let mut out = Output::default();
    out.push_parsed(parser.parse(input)?);
    Ok(out)
}

/// `parseMany`: a JSON array of every event of `input`; validation requests are left out, the
/// first bad record is the error.
pub fn parse_many(parser: &metaevents::Parser, input: &[u8]) -> Result<Output, Failure> {
    let mut out = Output::start("[");
    for record in parser.parse_many(input) {
        let parsed = record?.parsed;
        if matches!(parsed, Parsed::Event(_)) {
            out.separate();
            out.push_parsed(parsed);
        }
    }
    out.json.push(']');
    Ok(out)
}

/// `parseRecords`: a JSON array with every record of `input` in order, errors included:
/// `{"line": 1, "event": {...}}` (an event or a validation request) or
/// `{"line": 2, "error": {...}}`.
pub fn records(parser: &metaevents::Parser, input: &[u8]) -> Output {
    let mut out = Output::start("[");
    for record in parser.parse_many(input) {
        out.separate();
        match record {
            Ok(record) => {
                out.json.push_str("{\"line\":");
                out.json.push_str(&record.line.to_string());
                out.json.push_str(",\"event\":");
                out.push_parsed(record.parsed);
                out.json.push('}');
            }
            Err(error) => {
                out.json.push_str(&json!({"line": error.line(), "error": error_value(&error)}).to_string());
            }
        }
    }
    out.json.push(']');
    out
}

/// `validate`: the issues of an event as a JSON array.
pub fn validate(event: &metaevents::Event) -> String {
    serde_json::to_string(&metaevents::validate(event)).unwrap_or_else(|_| "[]".to_owned())
}

/// The core event for a plain event object without a kept core twin (an event loaded from
/// storage, or a copy), read back from its contract JSON by `Event::from_json`: exactly the
/// event it describes, envelopes included. (The JS wrapper answers for validation requests.)
pub fn event_from_json(event_json: &str) -> Result<metaevents::Event, Failure> {
    Ok(metaevents::Event::from_json(event_json)?)
}

/// Header pairs from the JSON array `[[name, value], ...]` the JS wrapper builds out of a
/// plain object, a `Headers` or a list of pairs. Anything else counts as no header.
pub fn header_pairs(json: &str) -> Vec<(String, String)> {
    let Ok(Value::Array(items)) = serde_json::from_str::<Value>(json) else { return Vec::new() };
    items
        .iter()
        .filter_map(|item| match item.as_array().map(Vec::as_slice) {
            Some([Value::String(name), Value::String(value)]) => Some((name.clone(), value.clone())),
            _ => None,
        })
        .collect()
}

/// `lambdaHeaders`: the header pairs of a Lambda / API Gateway request given as JSON.
pub fn lambda_headers(request_json: &str) -> String {
    let request: Value = serde_json::from_str(request_json).unwrap_or(Value::Null);
    let pairs: Vec<[String; 2]> =
        metaevents::webhook::lambda_headers(&request).into_iter().map(|(name, value)| [name, value]).collect();
    Value::from(pairs.into_iter().map(|pair| Value::from(pair.to_vec())).collect::<Vec<_>>()).to_string()
}

/// A datahub-actions config given as JSON text (the JS wrapper stringifies objects).
pub fn datahub_actions_filter(config_json: &str) -> Result<metaevents::Filter, Failure> {
    let config: Value = serde_json::from_str(config_json).map_err(|err| {
        let message = format!("the datahub-actions config is not valid JSON: {err}");
        let display = format!("filter: {message}");
        Failure(
            json!({"kind": "filter", "message": message, "display": display, "line": null, "column": null, "path": "filter"})
                .to_string(),
        )
    })?;
    Ok(metaevents::Filter::from_datahub_actions(&config)?)
}

/// Indexes as JS numbers. wasm32 addresses 4 GiB, so every index fits in 32 bits.
pub fn indexes(found: &[usize]) -> Vec<u32> {
    found.iter().filter_map(|&index| u32::try_from(index).ok()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TAG_ADDED: &str = r#"{"entityUrn":"urn:li:dataset:(urn:li:dataPlatform:snowflake,db.s.t,PROD)","entityType":"dataset","category":"TAG","operation":"ADD","modifier":"urn:li:tag:PII","auditStamp":{"time":1700000000000,"actor":"urn:li:corpuser:jdoe"},"version":0}"#;

    fn failure_json(failure: &Failure) -> Value {
        serde_json::from_str(&failure.0).unwrap()
    }

    fn json(out: &Output) -> Value {
        serde_json::from_str(&out.json).unwrap()
    }

    #[test]
    fn an_event_crosses_as_its_contract_json_with_raw() {
        let out = parse(&metaevents::Parser::new(), TAG_ADDED.as_bytes()).unwrap();
        let expected = metaevents::parse(TAG_ADDED.as_bytes()).unwrap().into_event().unwrap();
        assert_eq!(json(&out), expected.to_value(true));
        assert_eq!(json(&out)["raw"]["modifier"], "urn:li:tag:PII");
        assert_eq!(out.events, [expected]);
        let request = parse(&metaevents::Parser::new(), br#"{"atlan-webhook": "Hello"}"#).unwrap();
        assert_eq!(json(&request), json!({"kind": "webhook.validation", "source": "atlan", "message": "Hello"}));
        assert!(request.events.is_empty());
    }

    #[test]
    fn errors_carry_kind_message_line_and_path() {
        let failure = parse(&metaevents::Parser::new(), b"{\"entityType\": 1").unwrap_err();
        let error = failure_json(&failure);
        assert_eq!(error["kind"], "syntax");
        assert!(error["line"].is_u64(), "{error}");
        assert!(error["message"].as_str().is_some_and(|m| !m.is_empty()));
        for key in ["column", "path"] {
            assert!(error.get(key).is_some(), "{key} missing from {error}");
        }
    }

    #[test]
    fn many_skips_validation_requests_and_stops_at_the_first_bad_record() {
        let parser = metaevents::Parser::new();
        let input = format!("{TAG_ADDED}\n{{\"atlan-webhook\": \"Hello\"}}\n{TAG_ADDED}\n");
        let many = parse_many(&parser, input.as_bytes()).unwrap();
        assert_eq!(json(&many).as_array().map(Vec::len), Some(2));
        assert_eq!(many.events.len(), 2);
        let bad = format!("{TAG_ADDED}\nnot json\n{TAG_ADDED}\n");
        assert_eq!(failure_json(&parse_many(&parser, bad.as_bytes()).unwrap_err())["line"], 2);
        let records = records(&parser, bad.as_bytes());
        assert_eq!(records.events.len(), 2);
        let all = json(&records);
        let lines: Vec<&Value> = all.as_array().unwrap().iter().map(|r| &r["line"]).collect();
        assert_eq!(lines, [&json!(1), &json!(2), &json!(3)]);
        assert_eq!(all[1]["error"]["kind"], "syntax");
        assert_eq!(all[2]["event"]["kind"], "tag.added");
    }

    #[test]
    fn options_are_checked() {
        assert!(parser(Some("datahub-ece"), Some(1024.0), Some(8.0), Some(2.0)).is_ok());
        assert_eq!(failure_json(&parser(Some("nope"), None, None, None).unwrap_err())["kind"], "invalid_option");
        for bad in [-1.0, 1.5, f64::NAN, f64::INFINITY] {
            assert!(parser(None, Some(bad), None, None).is_err(), "{bad}");
        }
        // The core's own ranges.
        assert!(parser(None, None, Some(0.0), None).is_err());
        assert!(parser(None, None, Some(100_000.0), None).is_err());
    }

    #[test]
    fn headers_and_lambda_requests() {
        let pairs = header_pairs(r#"[["X-Atlan-Signing-Secret","s"],["bad"],[1,2]]"#);
        assert_eq!(pairs, [("X-Atlan-Signing-Secret".to_owned(), "s".to_owned())]);
        assert!(header_pairs("{}").is_empty());
        let headers = lambda_headers(r#"{"headers":{"x-atlan-signing-secret":"s"},"body":"{}"}"#);
        assert_eq!(headers, r#"[["x-atlan-signing-secret","s"]]"#);
        assert_eq!(lambda_headers("not json"), "[]");
    }

    #[test]
    fn filters_and_validation_of_events_read_back() {
        let filter = metaevents::Filter::from_json(r#"{"kind": "tag.added"}"#).unwrap();
        let parsed = metaevents::parse(TAG_ADDED.as_bytes()).unwrap().into_event().unwrap();
        let event = event_from_json(&parsed.to_json(true)).unwrap();
        assert_eq!(event, parsed);
        assert!(filter.matches(&event));
        assert_eq!(failure_json(&event_from_json(r#"{"kind": "tag.added"}"#).unwrap_err())["kind"], "syntax");
        assert_eq!(indexes(&filter.filter_ndjson(format!("{TAG_ADDED}\n\n{TAG_ADDED}").as_bytes())), [0, 2]);
        let issues: Value = serde_json::from_str(&validate(&event)).unwrap();
        assert!(issues.is_array());
        let bad = failure_json(&datahub_actions_filter("{").err().unwrap());
        assert_eq!(bad["kind"], "filter");
    }
}
