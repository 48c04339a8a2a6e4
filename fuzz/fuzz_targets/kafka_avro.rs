//! Kafka records of `DataHub`'s `PlatformEvent_v1` topic (Avro in Confluent's wire format), read
//! by the hand-written Avro reader. The first byte picks what the rest is:
//!
//! - 0: an Avro body after a 5-byte Confluent header: never panics; an event it gives says
//!   kafka-avro and the schema id, and every error is a `decode`, `syntax`, `invalid_field`,
//!   `encoding`, `empty` or `too_large` error (what the payload's own parse can say);
//! - 1: a payload wrapped by a well-formed record: when the payload is one JSON document, the
//!   record gives what it gives alone (the same event and id, or the same kind of error);
//! - 2: a stream with the kafka-avro format (length-prefixed records or base64 lines): never
//!   panics, and every event says kafka-avro;
//! - else: a `CloudEvent` whose `data_base64` is the rest: never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../crates/metaevents/tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| invariants::check_kafka_input(data));
