//! Kafka records of `DataHub`'s `PlatformEvent_v1` topic, as a plain consumer receives them.
//!
//! `DataHub` produces with Confluent's `KafkaAvroSerializer`
//! (`metadata-service/configuration/src/main/resources/application.yaml`,
//! `kafka.serde.event.value.serializer`), whose wire format is byte `0x00`, the writer schema's
//! registry id as 4 bytes big-endian, then the Avro binary body. The body of a `PlatformEvent` is
//! decoded without a registry ([`super::avro`]); its payload, the change event as JSON text, then
//! goes the way of a `PlatformEvent` read as JSON. Records of other schemas (the
//! `MetadataChangeLog` topics, whose schemas change between `DataHub` versions) are a clear
//! `decode` error that names the schema id and says what to do instead.

use base64::Engine as _;

use super::avro::{self, AvroError};
use super::{Enclosure, Unwrapper, parse_text};
use crate::error::{Error, ErrorKind};
use crate::json::path;
use crate::options::InputFormat;

/// The first byte of Confluent's wire format.
pub(crate) const MAGIC: u8 = 0;
/// The magic byte and the 4-byte schema id.
const HEADER_LEN: usize = 5;

const WHAT_TO_DO: &str = "metaevents reads PlatformEvent_v1 records without a schema registry; records of other \
     topics (MetadataChangeLog_Versioned_v1, MetadataChangeLog_Timeseries_v1), whose schemas change between DataHub \
     versions, must be decoded with the registry first (confluent-kafka's AvroDeserializer, \
     @kafkajs/confluent-schema-registry) and passed to parse as the decoded dict or JSON";

/// Whether `bytes` may be a Kafka record in Confluent's wire format: JSON text never starts with
/// byte 0.
pub(crate) fn is_record(bytes: &[u8]) -> bool {
    bytes.first() == Some(&MAGIC)
}

/// The error for a JSON document forced to be read as a Kafka record.
pub(crate) fn not_binary(at: &str) -> Error {
    Error::at_path(
        ErrorKind::Decode,
        at,
        "a Kafka record is binary (byte 0x00, a 4-byte schema id, the Avro body), found a JSON document: \
         parse it without the kafka-avro format",
    )
}

/// The schema id and Avro body of a record in Confluent's wire format.
pub(crate) fn split_header(bytes: &[u8]) -> Result<(u32, &[u8]), Error> {
    let (Some(&magic), Some(id), Some(body)) = (bytes.first(), bytes.get(1..HEADER_LEN), bytes.get(HEADER_LEN..))
    else {
        return Err(Error::at_path(
            ErrorKind::Decode,
            "$",
            format!(
                "a Kafka record in Confluent's wire format starts with 5 bytes (0x00 and a 4-byte schema id); this one has {}",
                bytes.len()
            ),
        ));
    };
    if magic != MAGIC {
        let hint = match magic {
            b'{' | b'[' => ": this is JSON text, parse it without the kafka-avro format",
            // `GlueSchemaRegistryKafkaSerializer` (DataHub's SCHEMA_REGISTRY_TYPE=AWS_GLUE) writes version byte 3.
            3 => ": 0x03 starts the AWS Glue Schema Registry's format, which metaevents does not read",
            _ => "",
        };
        return Err(Error::at_path(
            ErrorKind::Decode,
            "$",
            format!("not Confluent's wire format: the first byte is {magic:#04x}, where 0x00 is expected{hint}"),
        ));
    }
    let id = u32::from_be_bytes([
        id.first().copied().unwrap_or_default(),
        id.get(1).copied().unwrap_or_default(),
        id.get(2).copied().unwrap_or_default(),
        id.get(3).copied().unwrap_or_default(),
    ]);
    Ok((id, body))
}

/// Whether a record given with the kafka-avro format is text (base64) rather than binary.
pub(crate) fn is_text(bytes: &[u8]) -> bool {
    bytes.iter().all(|b| b.is_ascii_graphic() || b.is_ascii_whitespace())
}

/// Decodes one base64 line of a Kafka record (standard or URL-safe alphabet, padded or not).
pub(crate) fn decode_base64(text: &[u8]) -> Result<Vec<u8>, Error> {
    let compact: Vec<u8> = text.iter().copied().filter(|b| !b.is_ascii_whitespace()).collect();
    let engines = [
        base64::engine::general_purpose::STANDARD,
        base64::engine::general_purpose::STANDARD_NO_PAD,
        base64::engine::general_purpose::URL_SAFE,
        base64::engine::general_purpose::URL_SAFE_NO_PAD,
    ];
    let mut first_error = None;
    for engine in engines {
        match engine.decode(&compact) {
            Ok(bytes) => return Ok(bytes),
            Err(err) => {
                first_error.get_or_insert(err);
            }
        }
    }
    let reason = first_error.map(|err| err.to_string()).unwrap_or_default();
    Err(Error::at_path(
        ErrorKind::Decode,
        "$",
        format!("with the kafka-avro format, a text record must be one Kafka record in base64: {reason}"),
    ))
}

/// One Kafka record in Confluent's wire format (`bytes`), found at `enclosure`.
pub(crate) fn record(bytes: &[u8], enclosure: &Enclosure, unwrapper: &mut Unwrapper<'_>) {
    match platform_event_json(bytes, &enclosure.path) {
        Ok((schema_id, text)) => {
            let mut envelope = enclosure.envelope.clone();
            envelope.push(InputFormat::KafkaAvro);
            let child = Enclosure {
                path: enclosure.path.clone(),
                envelope,
                decoded: true,
                facts: enclosure.facts,
                schema_id: Some(schema_id),
            };
            parse_text(&text, Some(InputFormat::DatahubPlatformEvent), &child, unwrapper);
        }
        Err(error) => unwrapper.out.push(Err(error)),
    }
}

/// The record's schema id and its `PlatformEvent` as JSON text, as `DataHub`'s Events API and
/// datahub-actions write it (`payload.value` the change event as a JSON string).
fn platform_event_json(bytes: &[u8], at: &str) -> Result<(u32, String), Error> {
    let (schema_id, body) = split_header(bytes).map_err(|error| error.nested_in(at))?;
    let field_path = |field: &str| field.split('.').fold(at.to_owned(), |outer, key| path::child(&outer, key));
    let not_a_platform_event = |error: &AvroError| {
        Error::at_path(
            ErrorKind::Decode,
            field_path(error.field),
            format!(
                "the Kafka record with schema id {schema_id} is not a DataHub PlatformEvent: in its Avro body, {error}. \
                 {WHAT_TO_DO}"
            ),
        )
    };
    let record = avro::platform_event(body).map_err(|error| not_a_platform_event(&error))?;
    let value = std::str::from_utf8(record.value).map_err(|err| {
        Error::at_path(
            ErrorKind::Decode,
            field_path("payload.value"),
            format!(
                "the payload of the PlatformEvent with schema id {schema_id} is not UTF-8 JSON text (byte {})",
                err.valid_up_to()
            ),
        )
    })?;
    let json = serde_json::json!({
        "header": {"timestampMillis": record.timestamp_millis},
        "name": record.name,
        "payload": {"value": value, "contentType": record.content_type},
    });
    Ok((schema_id, json.to_string()))
}
