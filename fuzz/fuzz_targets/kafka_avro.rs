//! Kafka records of `DataHub`'s `PlatformEvent_v1` topic (Avro in Confluent's wire format), read
//! by the hand-written Avro reader. The first byte picks what the rest is:
//!
//! - 0: an Avro body after a 5-byte Confluent header: never panics; an event it gives says
//!   kafka-avro and the schema id, and every error is a `decode`, `syntax`, `invalid_field`,
//!   `encoding`, `empty` or `too_large` error (what the payload's own parse can say);
//! - 1: a payload wrapped by a well-formed record: the record gives exactly what the payload
//!   gives alone (same event and id, or the same kind of error);
//! - 2: a stream with the kafka-avro format (length-prefixed records or base64 lines): never
//!   panics, and every event says kafka-avro;
//! - else: a `CloudEvent` whose `data_base64` is the rest: never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use metaevents::{ErrorKind, InputFormat, Parsed, Parser};

fn avro_long(value: i64, out: &mut Vec<u8>) {
    let mut n = ((value << 1) ^ (value >> 63)) as u64;
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn record(schema_id: u32, payload: &[u8]) -> Vec<u8> {
    let mut out = vec![0];
    out.extend_from_slice(&schema_id.to_be_bytes());
    avro_long(1_718_035_200_123, &mut out);
    for part in [&b"entityChangeEvent"[..], payload, b"application/json"] {
        avro_long(part.len() as i64, &mut out);
        out.extend_from_slice(part);
    }
    out
}

fn is_kafka(parsed: &Parsed) -> bool {
    parsed.as_event().is_none_or(|event| event.native().envelope.contains(&InputFormat::KafkaAvro))
}

fuzz_target!(|data: &[u8]| {
    let [mode, rest @ ..] = data else { return };
    match mode {
        0 => {
            let record = [&[0, 0, 0, 0, 7][..], rest].concat();
            match metaevents::parse(&record) {
                Ok(parsed) => {
                    assert!(is_kafka(&parsed));
                    if let Some(event) = parsed.as_event() {
                        assert_eq!(event.native().schema_id, Some(7));
                    }
                }
                Err(error) => assert!(
                    matches!(
                        error.kind(),
                        ErrorKind::Decode
                            | ErrorKind::Syntax
                            | ErrorKind::InvalidField
                            | ErrorKind::Encoding
                            | ErrorKind::Empty
                            | ErrorKind::TooDeep
                            | ErrorKind::TooLarge
                            | ErrorKind::NumberOutOfRange
                            | ErrorKind::DuplicateKey
                    ),
                    "{error}"
                ),
            }
        }
        1 => {
            let alone = Parser::new().with_format(InputFormat::DatahubEntityChangeEvent).parse(rest);
            let wrapped = metaevents::parse(&record(42, rest));
            match (alone, wrapped) {
                (Ok(Parsed::Event(alone)), Ok(Parsed::Event(wrapped))) => {
                    assert_eq!(alone.id(), wrapped.id());
                    assert_eq!(alone.kind(), wrapped.kind());
                    assert_eq!(alone.entity(), wrapped.entity());
                    assert_eq!(wrapped.native().schema_id, Some(42));
                }
                // A payload that is not UTF-8 is a decode error of the record, an encoding error alone.
                (Err(alone), Err(wrapped)) => assert!(
                    alone.kind() == wrapped.kind()
                        || (alone.kind() == ErrorKind::Encoding && wrapped.kind() == ErrorKind::Decode),
                    "{alone} / {wrapped}"
                ),
                (alone, wrapped) => {
                    // The record's payload is parsed as one document; alone, text may be a stream.
                    let single = std::str::from_utf8(rest).is_ok_and(|text| serde_json::from_str::<serde_json::Value>(text).is_ok());
                    assert!(!single, "alone {alone:?}, in a record {wrapped:?}");
                }
            }
        }
        2 => {
            let parser = Parser::new().with_format(InputFormat::KafkaAvro);
            for record in parser.parse_many(rest).flatten() {
                assert!(is_kafka(&record.parsed));
            }
            let _ = parser.parse(rest);
        }
        _ => {
            use base64::Engine as _;
            let encoded = base64::engine::general_purpose::STANDARD.encode(rest);
            let cloudevent = format!(r#"{{"specversion":"1.0","id":"1","source":"/s","type":"t","data_base64":"{encoded}"}}"#);
            let _ = metaevents::parse(cloudevent.as_bytes());
        }
    }
});
