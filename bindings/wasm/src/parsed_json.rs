//! What a parse hands to JavaScript: the events as one JSON text, which the JS wrapper
//! `JSON.parse`s into plain objects, with the core events beside them. Pure Rust, no
//! wasm-bindgen in sight, so the host's `cargo test` checks it.
//!
//! Events leave as JSON text rather than as objects built by serde-wasm-bindgen because that
//! is the faster path for many events: `JSON.parse` of one text beats one boundary call per
//! value (`js/scripts/bench.mjs` measures both).
//!
//! The text holds each event's contract JSON without `raw`, and with `"id": null` when the parse
//! left the id for later: the wrapper gives every event a `raw` read from its core event on
//! first access (`EventHandle::raw_json`), and such an `id` likewise (`EventHandle::id`).
//! Writing, decoding and parsing every input a second time cost more than the normalization
//! itself; hashing every event (SHA-256 in software in WebAssembly) a quarter of a parse.

use metaevents::ffi::ErrorInfo;
use metaevents::{Error, Event, Parsed, Parser};

/// The JSON text of a parse's result and the core events in it, in the order they appear in
/// that JSON (validation requests and errors have none). The JS wrapper keeps each core event
/// beside its plain object, so `Filter.matches` and `validate` see the very event the core
/// produced, envelopes included. Each part is taken once (`parser.rs`).
#[cfg_attr(target_arch = "wasm32", wasm_bindgen::prelude::wasm_bindgen)]
#[derive(Debug, Default)]
pub struct ParsedJson {
    pub(crate) json: String,
    pub(crate) events: Vec<Event>,
}

impl ParsedJson {
    fn array() -> Self {
        ParsedJson { json: String::from("["), events: Vec::new() }
    }

    /// The JSON text.
    pub fn json(&self) -> &str {
        &self.json
    }

    /// The core events, in the order of the JSON.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// Appends the JSON of a parse outcome: the event's contract JSON without `raw`, or
    /// `{"kind": "webhook.validation", "source": "atlan", "message": ...}`.
    fn push_parsed(&mut self, parsed: Parsed) {
        match parsed {
            Parsed::Event(event) => self.push_event(event),
            Parsed::ValidationRequest(request) => self.json.push_str(&request.to_value().to_string()),
        }
    }

    fn push_event(&mut self, event: Event) {
        event.write_json_deferred(&mut self.json);
        self.events.push(event);
    }

    /// A comma before every item of the array but the first.
    fn separate(&mut self) {
        if self.json.len() > 1 {
            self.json.push(',');
        }
    }
}

/// `parse`: the one event (or validation request) of `input`.
pub fn parse(parser: &Parser, input: &[u8]) -> Result<ParsedJson, Error> {
    let mut out = ParsedJson::default();
    out.push_parsed(parser.parse(input)?);
    Ok(out)
}

/// `parseHttp`: the one event an HTTP request delivered ([`Parser::parse_http`]).
pub fn parse_http(parser: &Parser, headers: &[(String, String)], body: &[u8]) -> Result<ParsedJson, Error> {
    let mut out = ParsedJson::default();
    out.push_parsed(parser.parse_http(headers.iter().map(|(name, value)| (name, value)), body)?);
    Ok(out)
}

/// `parseMany`: a JSON array of every event of `input` ([`Parser::events`]).
pub fn parse_many(parser: &Parser, input: &[u8]) -> Result<ParsedJson, Error> {
    let mut out = ParsedJson::array();
    for event in parser.events(input)? {
        out.separate();
        out.push_event(event);
    }
    out.json.push(']');
    Ok(out)
}

/// `parseRecords`: a JSON array with every record of `input` in order, errors included:
/// `{"line": 1, "event": {...}}` (an event or a validation request) or
/// `{"line": 2, "error": {...}}` (an [`ErrorInfo`]).
pub fn parse_records(parser: &Parser, input: &[u8]) -> ParsedJson {
    let mut out = ParsedJson::array();
    for record in parser.parse_many(input) {
        out.separate();
        match record {
            Ok(record) => {
                out.json.push_str("{\"line\":");
                out.json.push_str(&record.line.to_string());
                out.json.push_str(",\"event\":");
                out.push_parsed(record.parsed);
            }
            Err(error) => {
                out.json.push_str("{\"line\":");
                out.json.push_str(&error.line().map_or_else(|| "null".to_owned(), |line| line.to_string()));
                out.json.push_str(",\"error\":");
                // Plain data: serializing it cannot fail.
                out.json.push_str(&serde_json::to_string(&ErrorInfo::from(error)).unwrap_or_default());
            }
        }
        out.json.push('}');
    }
    out.json.push(']');
    out
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::*;

    const TAG_ADDED: &str = r#"{"entityUrn":"urn:li:dataset:(urn:li:dataPlatform:snowflake,db.s.t,PROD)","entityType":"dataset","category":"TAG","operation":"ADD","modifier":"urn:li:tag:PII","auditStamp":{"time":1700000000000,"actor":"urn:li:corpuser:jdoe"},"version":0}"#;

    fn json(out: &ParsedJson) -> Value {
        serde_json::from_str(out.json()).unwrap()
    }

    #[test]
    fn an_event_crosses_as_its_contract_json_without_raw() {
        let out = parse(&Parser::new(), TAG_ADDED.as_bytes()).unwrap();
        let expected = metaevents::parse(TAG_ADDED.as_bytes()).unwrap().into_event().unwrap();
        assert_eq!(json(&out), expected.to_value(false));
        assert_eq!(json(&out).get("raw"), None);
        assert_eq!(out.events()[0].raw()["modifier"], "urn:li:tag:PII");
        assert_eq!(out.events(), [expected]);
        let request = parse(&Parser::new(), br#"{"atlan-webhook": "Hello"}"#).unwrap();
        assert_eq!(json(&request), json!({"kind": "webhook.validation", "source": "atlan", "message": "Hello"}));
        assert!(request.events().is_empty());
    }

    #[test]
    fn a_lazy_id_crosses_as_null_in_its_place_and_is_read_from_the_event() {
        let out = parse(&Parser::new().with_lazy_ids(true), TAG_ADDED.as_bytes()).unwrap();
        let expected = metaevents::parse(TAG_ADDED.as_bytes()).unwrap().into_event().unwrap();
        assert!(out.json().starts_with(r#"{"id":null,"source":"datahub""#), "{}", out.json());
        let mut written = json(&out);
        written["id"] = json!(out.events()[0].id().to_hex());
        assert_eq!(written, expected.to_value(false));
        // Once computed, the id is written.
        let mut again = String::new();
        out.events()[0].write_json_deferred(&mut again);
        assert!(again.starts_with(&format!(r#"{{"id":"{}""#, expected.id())), "{again}");
    }

    #[test]
    fn an_http_request_crosses_like_a_parse() {
        let binary = [("CE-SpecVersion".to_owned(), "1.0".to_owned()), ("ce-id".to_owned(), "1".to_owned())];
        let out = parse_http(&Parser::new(), &binary, TAG_ADDED.as_bytes()).unwrap();
        assert_eq!(json(&out)["native"]["envelope"], json!(["cloudevent"]));
        assert_eq!(out.events().len(), 1);
        let wrong = [("ce-specversion".to_owned(), "0.3".to_owned())];
        assert_eq!(
            parse_http(&Parser::new(), &wrong, TAG_ADDED.as_bytes()).unwrap_err().path(),
            Some("ce-specversion")
        );
        let plain = parse_http(&Parser::new(), &[], TAG_ADDED.as_bytes()).unwrap();
        assert_eq!(json(&plain)["native"]["envelope"], json!([]));
    }

    #[test]
    fn many_skips_validation_requests_and_stops_at_the_first_bad_record() {
        let parser = Parser::new();
        let input = format!("{TAG_ADDED}\n{{\"atlan-webhook\": \"Hello\"}}\n{TAG_ADDED}\n");
        let many = parse_many(&parser, input.as_bytes()).unwrap();
        assert_eq!(json(&many).as_array().map(Vec::len), Some(2));
        assert_eq!(many.events().len(), 2);
        assert_eq!(json(&parse_many(&parser, b"").unwrap()), json!([]));
        let bad = format!("{TAG_ADDED}\nnot json\n{TAG_ADDED}\n");
        assert_eq!(parse_many(&parser, bad.as_bytes()).unwrap_err().line(), Some(2));
    }

    #[test]
    fn records_keep_errors_in_place_with_their_class() {
        let bad = format!("{TAG_ADDED}\nnot json\n{TAG_ADDED}\n{{\"atlan-webhook\": \"Hello\"}}\n");
        let records = parse_records(&Parser::new(), bad.as_bytes());
        assert_eq!(records.events().len(), 2);
        let all = json(&records);
        let lines: Vec<&Value> = all.as_array().unwrap().iter().map(|record| &record["line"]).collect();
        assert_eq!(lines, [&json!(1), &json!(2), &json!(3), &json!(4)]);
        assert_eq!(all[1]["error"]["kind"], "syntax");
        assert_eq!(all[1]["error"]["class"], "ParseError");
        assert_eq!(all[1]["error"]["line"], 2);
        assert_eq!(all[2]["event"]["kind"], "tag.added");
        assert_eq!(all[3]["event"]["kind"], "webhook.validation");
    }
}
