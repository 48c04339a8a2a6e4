//! A reader of Avro binary for one schema only: `DataHub`'s `PlatformEvent`
//! (`metadata-events/mxe-utils-avro/src/main/resources/v1/avro/com/linkedin/mxe/PlatformEvent.avsc`,
//! record `com.linkedin.pegasus2avro.mxe.PlatformEvent`):
//!
//! ```text
//! header:  record PlatformEventHeader { timestampMillis: long }
//! name:    string
//! payload: record GenericPayload { value: bytes, contentType: string }
//! ```
//!
//! No unions, defaults or optional fields, so the body is four values one after another, as the
//! Avro specification's "Binary Encoding" section lays them out: a `long` is a zig-zag varint of
//! at most ten bytes; `bytes` and `string` are a `long` length followed by that many bytes (UTF-8
//! for `string`). Records add nothing between their fields.
//!
//! Written by hand rather than with the `apache-avro` crate: four fields do not need a schema
//! parser and a generic value model (that crate would add about 90 crates, some 330 KB of wasm,
//! and Rust 1.88 as the minimum version). Every read is bounds-checked and a body must be used up
//! exactly, which, with the checks of [`PlatformEventRecord::check`], tells a record of another
//! schema (a `MetadataChangeLog` read by mistake) from a `PlatformEvent`.

use std::fmt;

/// Why a body is not a `PlatformEvent`: what was read where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AvroError {
    /// Byte offset in the Avro body where the faulty value starts.
    pub offset: usize,
    /// The field being read (`payload.contentType`).
    pub field: &'static str,
    pub problem: Problem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Problem {
    /// The body ends inside a varint.
    TruncatedVarint,
    /// A varint of more than ten bytes, or beyond 64 bits.
    VarintTooLong,
    /// A length below zero.
    NegativeLength(i64),
    /// A length past the end of the body.
    LengthPastEnd { length: i64, remaining: usize },
    /// A `string` that is not UTF-8.
    NotUtf8,
    /// Bytes left after the last field.
    TrailingBytes(usize),
    /// A value no `PlatformEvent` producer writes.
    Unexpected(String),
}

impl fmt::Display for AvroError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (offset, field) = (self.offset, self.field);
        match &self.problem {
            Problem::TruncatedVarint => write!(f, "the body ends inside the varint of `{field}` at byte {offset}"),
            Problem::VarintTooLong => write!(f, "the varint of `{field}` at byte {offset} is longer than 64 bits"),
            Problem::NegativeLength(length) => write!(f, "`{field}` at byte {offset} has a negative length ({length})"),
            Problem::LengthPastEnd { length, remaining } => write!(
                f,
                "`{field}` at byte {offset} has a length of {length} bytes, past the end of the body ({remaining} left)"
            ),
            Problem::NotUtf8 => write!(f, "`{field}` at byte {offset} is not UTF-8 text"),
            Problem::TrailingBytes(count) => {
                write!(f, "{count} bytes are left after the last field (`{field}` ends at byte {offset})")
            }
            Problem::Unexpected(what) => write!(f, "`{field}` at byte {offset} {what}"),
        }
    }
}

impl AvroError {
    fn at(offset: usize, field: &'static str, problem: Problem) -> Self {
        Self { offset, field, problem }
    }
}

/// A cursor over an Avro body.
#[derive(Debug)]
struct Reader<'b> {
    bytes: &'b [u8],
    pos: usize,
}

impl<'b> Reader<'b> {
    /// A zig-zag varint `long`.
    fn long(&mut self, field: &'static str) -> Result<i64, AvroError> {
        let start = self.pos;
        let mut value: u64 = 0;
        for index in 0..10 {
            let Some(&byte) = self.bytes.get(self.pos) else {
                return Err(AvroError::at(start, field, Problem::TruncatedVarint));
            };
            self.pos += 1;
            let bits = u64::from(byte & 0x7f);
            // The tenth byte holds the 64th bit only.
            if index == 9 && bits > 1 {
                return Err(AvroError::at(start, field, Problem::VarintTooLong));
            }
            value |= bits << (7 * index);
            if byte & 0x80 == 0 {
                let magnitude = i64::try_from(value >> 1).unwrap_or(i64::MAX);
                return Ok(if value & 1 == 0 { magnitude } else { -magnitude - 1 });
            }
        }
        Err(AvroError::at(start, field, Problem::VarintTooLong))
    }

    /// `bytes`: a length, then that many bytes.
    fn bytes(&mut self, field: &'static str) -> Result<&'b [u8], AvroError> {
        let start = self.pos;
        let length = self.long(field)?;
        let remaining = self.bytes.len() - self.pos;
        let Ok(size) = usize::try_from(length) else {
            return Err(AvroError::at(start, field, Problem::NegativeLength(length)));
        };
        let end = self.pos.checked_add(size).filter(|end| *end <= self.bytes.len());
        match end.and_then(|end| self.bytes.get(self.pos..end)) {
            Some(value) => {
                self.pos += size;
                Ok(value)
            }
            None => Err(AvroError::at(start, field, Problem::LengthPastEnd { length, remaining })),
        }
    }

    /// `string`: `bytes` that are UTF-8.
    fn string(&mut self, field: &'static str) -> Result<&'b str, AvroError> {
        let start = self.pos;
        let bytes = self.bytes(field)?;
        std::str::from_utf8(bytes).map_err(|_| AvroError::at(start, field, Problem::NotUtf8))
    }
}

/// A decoded `PlatformEvent`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PlatformEventRecord<'b> {
    pub timestamp_millis: i64,
    pub name: &'b str,
    /// The payload: the event as UTF-8 JSON when `content_type` is `application/json`.
    pub value: &'b [u8],
    pub content_type: &'b str,
}

/// The content type every `DataHub` producer writes (`GenericRecordUtils.serializePayload`) and
/// the only one its readers accept (`GenericRecordUtils.deserializePayload`).
pub(crate) const JSON_CONTENT_TYPE: &str = "application/json";

/// Decodes a `PlatformEvent` Avro body, which must be used up exactly.
pub(crate) fn platform_event(body: &[u8]) -> Result<PlatformEventRecord<'_>, AvroError> {
    let mut reader = Reader { bytes: body, pos: 0 };
    let timestamp_millis = reader.long("header.timestampMillis")?;
    let name_at = reader.pos;
    let name = reader.string("name")?;
    let value = reader.bytes("payload.value")?;
    let content_type_at = reader.pos;
    let content_type = reader.string("payload.contentType")?;
    if reader.pos < body.len() {
        return Err(AvroError::at(
            content_type_at,
            "payload.contentType",
            Problem::TrailingBytes(body.len() - reader.pos),
        ));
    }
    let record = PlatformEventRecord { timestamp_millis, name, value, content_type };
    record.check(name_at, content_type_at)?;
    Ok(record)
}

impl PlatformEventRecord<'_> {
    /// What every `DataHub` producer writes: a name that is an identifier (`entityChangeEvent`)
    /// and the JSON content type. A record of another schema that happens to decode (an MCL's
    /// entity type read as `name`) fails here.
    fn check(&self, name_at: usize, content_type_at: usize) -> Result<(), AvroError> {
        let identifier = self.name.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
            && self.name.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'));
        if !identifier {
            return Err(AvroError {
                offset: name_at,
                field: "name",
                problem: Problem::Unexpected(format!("is {:?}, not the name of a platform event", self.name)),
            });
        }
        if self.content_type != JSON_CONTENT_TYPE {
            let shown: String = self.content_type.chars().take(40).collect();
            return Err(AvroError {
                offset: content_type_at,
                field: "payload.contentType",
                problem: Problem::Unexpected(format!("is {shown:?}, where DataHub writes \"{JSON_CONTENT_TYPE}\"")),
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zigzag(value: i64, out: &mut Vec<u8>) {
        #[allow(clippy::cast_sign_loss, reason = "zig-zag encoding")]
        let mut n = ((value << 1) ^ (value >> 63)) as u64;
        loop {
            let byte = u8::try_from(n & 0x7f).unwrap();
            n >>= 7;
            if n == 0 {
                out.push(byte);
                return;
            }
            out.push(byte | 0x80);
        }
    }

    fn body(time: i64, name: &str, value: &[u8], content_type: &str) -> Vec<u8> {
        let mut out = Vec::new();
        zigzag(time, &mut out);
        for part in [name.as_bytes(), value, content_type.as_bytes()] {
            zigzag(i64::try_from(part.len()).unwrap(), &mut out);
            out.extend_from_slice(part);
        }
        out
    }

    #[test]
    fn longs_round_trip_at_the_edges() {
        for value in [0, -1, 1, 63, -64, 64, 1_718_035_200_123, i64::MAX, i64::MIN] {
            let mut bytes = Vec::new();
            zigzag(value, &mut bytes);
            assert_eq!(Reader { bytes: &bytes, pos: 0 }.long("x"), Ok(value), "{value}");
        }
        // Eleven bytes, and a tenth byte beyond the 64th bit.
        let long = [0xff; 11];
        assert_eq!(Reader { bytes: &long, pos: 0 }.long("x").unwrap_err().problem, Problem::VarintTooLong);
        let mut wide = vec![0xff; 9];
        wide.push(0x02);
        assert_eq!(Reader { bytes: &wide, pos: 0 }.long("x").unwrap_err().problem, Problem::VarintTooLong);
        assert_eq!(Reader { bytes: &[0x80], pos: 0 }.long("x").unwrap_err().problem, Problem::TruncatedVarint);
    }

    #[test]
    fn a_platform_event_decodes_exactly() {
        let bytes = body(1_718_035_200_123, "entityChangeEvent", br#"{"a":1}"#, "application/json");
        let record = platform_event(&bytes).unwrap();
        assert_eq!(record.timestamp_millis, 1_718_035_200_123);
        assert_eq!(
            (record.name, record.value, record.content_type),
            ("entityChangeEvent", &br#"{"a":1}"#[..], "application/json")
        );
    }

    #[test]
    fn malformed_bodies_say_what_and_where() {
        let good = body(5, "entityChangeEvent", b"{}", "application/json");
        let mut trailing = good.clone();
        trailing.push(0);
        assert_eq!(platform_event(&trailing).unwrap_err().problem, Problem::TrailingBytes(1));
        let truncated = good.get(..good.len() - 3).unwrap();
        assert!(matches!(platform_event(truncated).unwrap_err().problem, Problem::LengthPastEnd { length: 16, .. }));
        // A negative name length (zig-zag 0x01 = -1) right after the timestamp.
        let negative = [0x0a, 0x01];
        let error = platform_event(&negative).unwrap_err();
        assert_eq!((error.field, error.offset, error.problem), ("name", 1, Problem::NegativeLength(-1)));
        let other_type = body(5, "entityChangeEvent", b"{}", "avro/binary");
        assert_eq!(platform_event(&other_type).unwrap_err().field, "payload.contentType");
        let not_a_name = body(5, "urn:li:corpuser:x", b"{}", "application/json");
        assert_eq!(platform_event(&not_a_name).unwrap_err().field, "name");
        let not_utf8 = body(5, "entityChangeEvent", b"{}", "application/json\u{0}");
        assert!(platform_event(&not_utf8).is_err());
        // A two-byte name (length 0x04) that is not UTF-8.
        let bad_utf8 = [0x0a, 0x04, 0xff, 0xfe];
        assert_eq!(platform_event(&bad_utf8).unwrap_err().problem, Problem::NotUtf8);
    }
}
