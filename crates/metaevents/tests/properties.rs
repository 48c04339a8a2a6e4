#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation,
    clippy::cast_possible_wrap,
    clippy::cast_sign_loss,
    reason = "a test harness"
)]
//! Property tests: normalizing never panics, ids are stable, `raw` round-trips, and the
//! prefiltered `filter_ndjson` returns exactly what parsing and matching every line returns.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use metaevents::{Filter, Parsed, Parser};
use proptest::prelude::*;
use serde_json::{Value, json};

/// A zig-zag varint, as Avro writes a `long`.
fn avro_long(value: i64, out: &mut Vec<u8>) {
    let mut n = ((value << 1) ^ (value >> 63)) as u64;
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// A `PlatformEvent` Kafka record (Confluent's wire format around the Avro body).
fn kafka_record(schema_id: u32, time: i64, name: &str, value: &[u8], content_type: &str) -> Vec<u8> {
    let mut out = vec![0];
    out.extend_from_slice(&schema_id.to_be_bytes());
    avro_long(time, &mut out);
    for part in [name.as_bytes(), value, content_type.as_bytes()] {
        avro_long(part.len() as i64, &mut out);
        out.extend_from_slice(part);
    }
    out
}

fn parse_then_match(filter: &Filter, corpus: &str) -> Vec<usize> {
    // The reference: every line parsed in order (split messages keep their state), then matched.
    filter.filter_ndjson_exhaustive_with(&Parser::new(), corpus.as_bytes())
}

mod support {
    pub mod generators;
    pub mod invariants;
}
use support::generators::*;
use support::invariants::{assert_filter_paths_agree, assert_ids_tell_events_apart, mutate_leaf};

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn parsing_arbitrary_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = metaevents::parse(&bytes);
        let _ = metaevents::parse_many(&bytes).count();
    }

    #[test]
    fn parsing_mutated_events_never_panics(line in line(), cut in 0usize..400, byte in any::<u8>()) {
        let mut bytes = line.into_bytes();
        if !bytes.is_empty() {
            let at = cut % bytes.len();
            bytes[at] = byte;
        }
        let _ = metaevents::parse(&bytes);
        let truncated = &bytes[..cut.min(bytes.len())];
        let _ = metaevents::parse_many(truncated).count();
    }

    #[test]
    fn ids_are_stable_and_raw_round_trips(event in datahub_event(), spaced in any::<bool>()) {
        let compact = event.to_string();
        let pretty = if spaced { serde_json::to_string_pretty(&event).unwrap() } else { compact.clone() };
        let Ok(Parsed::Event(first)) = metaevents::parse(compact.as_bytes()) else { return Ok(()) };
        let Ok(Parsed::Event(second)) = metaevents::parse(pretty.as_bytes()) else { panic!("pretty form failed") };
        prop_assert_eq!(first.id(), second.id());
        prop_assert_eq!(first.raw(), event.clone());
        prop_assert_eq!(second.raw(), event.clone());
        // Null-valued optionals (as datahub-actions writes them) and other envelopes keep the id.
        let mut with_nulls = event.clone();
        if with_nulls.get("modifier").is_none() { with_nulls["modifier"] = Value::Null; }
        with_nulls["auditStamp"]["impersonator"] = Value::Null;
        let wrapped = [
            json!({"event_type": "EntityChangeEvent_v1", "event": with_nulls, "meta": {"kafka": {"offset": 3}}}).to_string(),
            json!({"name": "entityChangeEvent", "header": {"timestampMillis": 1}, "payload": {"value": compact, "contentType": "application/json"}}).to_string(),
            json!({"offsetId": "x", "count": 1, "events": [{"contentType": "application/json", "value": json!({"name": "entityChangeEvent", "payload": {"value": compact}}).to_string()}]}).to_string(),
            json!({"version": "0", "detail-type": "x", "source": "datahub", "detail": event}).to_string(),
        ];
        for text in wrapped {
            let Ok(Parsed::Event(other)) = metaevents::parse(text.as_bytes()) else { panic!("envelope failed: {text}") };
            prop_assert_eq!(other.id(), first.id());
            let mut a = first.to_value(false);
            let mut b = other.to_value(false);
            a["native"]["envelope"] = Value::Null;
            b["native"]["envelope"] = Value::Null;
            prop_assert_eq!(a, b);
        }
    }

    #[test]
    fn kafka_records_are_their_platform_event(event in datahub_event(), schema_id in any::<u32>(), time in any::<i64>()) {
        let ece = event.to_string();
        let record = kafka_record(schema_id, time, "entityChangeEvent", ece.as_bytes(), "application/json");
        let bare = metaevents::parse(ece.as_bytes());
        let kafka = metaevents::parse(&record);
        match (bare, kafka) {
            (Ok(Parsed::Event(bare)), Ok(Parsed::Event(kafka))) => {
                prop_assert_eq!(bare.id(), kafka.id());
                prop_assert_eq!(kafka.native().schema_id, Some(schema_id));
                let names: Vec<&str> = kafka.native().envelope.iter().map(|format| format.as_str()).collect();
                prop_assert_eq!(names, ["kafka-avro", "datahub-platform-event"]);
                let mut a = bare.to_value(true);
                let mut b = kafka.to_value(true);
                for value in [&mut a, &mut b] {
                    value["native"].as_object_mut().unwrap().retain(|key, _| key != "envelope" && key != "schemaId");
                }
                prop_assert_eq!(a, b);
            }
            (Err(bare), Err(kafka)) => prop_assert_eq!(bare.kind(), kafka.kind()),
            (bare, kafka) => panic!("bare {bare:?} but kafka {kafka:?}"),
        }
        // The same record in a length-prefixed stream and as base64 text.
        let mut framed = (record.len() as i32).to_be_bytes().to_vec();
        framed.extend_from_slice(&record);
        let kafka_format = Parser::new().with_format(metaevents::InputFormat::KafkaAvro);
        let streamed: Vec<_> = kafka_format.parse_many(&framed).collect();
        prop_assert_eq!(streamed.len(), 1);
        let text = BASE64.encode(&record);
        prop_assert_eq!(streamed[0].as_ref().ok().map(|r| r.parsed.clone()), kafka_format.parse(text.as_bytes()).ok());
    }

    #[test]
    fn kafka_bodies_never_panic(body in prop::collection::vec(any::<u8>(), 0..256), framed in any::<bool>()) {
        let mut record = vec![0, 0, 0, 0, 4];
        record.extend_from_slice(&body);
        let _ = metaevents::parse(&record);
        let kafka_format = Parser::new().with_format(metaevents::InputFormat::KafkaAvro);
        let input = if framed { [&[0, 0, 0, body.len() as u8][..], &record].concat() } else { body.clone() };
        let _ = kafka_format.parse_many(&input).count();
        let _ = kafka_format.parse(&body);
    }

    #[test]
    fn ids_tell_apart_events_that_differ_in_any_leaf(line in line(), choice in any::<usize>(), how in any::<u8>()) {
        // One leaf changed anywhere (null <-> absent inside payloads included): a different id,
        // unless the change is one of the documented equivalences.
        let Ok(mut value) = serde_json::from_str::<Value>(&line) else { return Ok(()) };
        mutate_leaf(&mut value, choice, how);
        assert_ids_tell_events_apart(line.as_bytes(), value.to_string().as_bytes());
    }

    #[test]
    fn events_read_back_from_their_json(line in line()) {
        for record in metaevents::parse_many(line.as_bytes()).flatten() {
            if let Parsed::Event(event) = record.parsed {
                let json = event.to_json(true);
                let back = metaevents::Event::from_json(&json).unwrap();
                prop_assert_eq!(&back, &event);
                prop_assert_eq!(back.to_json(true), json);
            }
        }
    }

    #[test]
    fn atlan_raw_round_trips(message in atlan_message()) {
        let envelope = json!({"msgCreationTime": 5, "msgSplitCount": 1, "message": message}).to_string();
        if let Ok(Parsed::Event(event)) = metaevents::parse(envelope.as_bytes()) {
            prop_assert_eq!(event.raw(), message.clone());
            let Ok(Parsed::Event(bare)) = metaevents::parse(message.to_string().as_bytes()) else { panic!("bare message failed") };
            prop_assert_eq!(bare.id(), event.id());
        }
    }

    #[test]
    fn prefiltered_scan_equals_parse_then_match(lines in prop::collection::vec(line(), 0..40), spec in filter_spec()) {
        let corpus = lines.join("\n");
        let Ok(filter) = Filter::new(&spec) else { return Ok(()) };
        assert_filter_paths_agree(&filter, corpus.as_bytes(), 1 + lines.len() % 7);
    }

    #[test]
    fn prefiltered_actions_scan_equals_parse_then_match(lines in prop::collection::vec(line(), 0..40), config in actions_config()) {
        let corpus = lines.join("\n");
        let filter = Filter::from_datahub_actions(&config).unwrap();
        assert_filter_paths_agree(&filter, corpus.as_bytes(), 1 + lines.len() % 7);
    }
}

#[test]
fn readers_events_and_filters_cross_threads() {
    fn send_and_sync<T: Send + Sync>() {}
    fn send<T: Send>() {}
    send_and_sync::<metaevents::Event>();
    send_and_sync::<Filter>();
    send_and_sync::<Parser>();
    send::<metaevents::EventReader<'static>>();
}

#[test]
fn from_json_rejects_what_is_not_an_event() {
    for bad in [r#"{"id": "x"}"#, "not json", r#"{"id":"00","source":"datahub"}"#] {
        assert!(metaevents::Event::from_json(bad).is_err(), "{bad}");
    }
}

#[test]
fn reference_scan_is_line_by_line_parse_then_match() {
    // The reference above must itself agree with parsing each line alone (no split messages here).
    let corpus = [
        json!({"entityUrn": URNS[0], "entityType": "dataset", "category": "TAG", "operation": "ADD", "parameters": {"tagUrn": "urn:li:tag:PII"}, "auditStamp": {"actor": "a", "time": 1}}).to_string(),
        "garbage".to_owned(),
        json!({"entityUrn": URNS[1], "entityType": "dataset", "category": "TAG", "operation": "REMOVE", "parameters": {"tagUrn": "urn:li:tag:PII"}, "auditStamp": {"actor": "a", "time": 1}}).to_string(),
    ]
    .join("\n");
    let filter = Filter::new(&json!({"kind": "tag.*", "subjects": "urn:li:tag:PII"})).unwrap();
    let by_line: Vec<usize> = corpus
        .lines()
        .enumerate()
        .filter(|(_, line)| metaevents::parse(line.as_bytes()).is_ok_and(|parsed| filter.matches_parsed(&parsed)))
        .map(|(index, _)| index)
        .collect();
    assert_eq!(by_line, [0, 2]);
    assert_eq!(parse_then_match(&filter, &corpus), by_line);
    assert_eq!(filter.filter_ndjson(corpus.as_bytes()), by_line);
}
