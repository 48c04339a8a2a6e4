//! Atlan's notification envelope: `message` as an object, as JSON text, gzip+base64 text
//! (`msgCompressionKind: GZIP`), or one part of a split message (`msgSplitCount > 1`).

use std::io::Read;

use base64::Engine as _;
use flate2::read::GzDecoder;

use super::{Enclosure, Outcome, SplitPart, Unwrapper, parse_text};
use crate::error::{Error, ErrorKind};
use crate::json::Node;
use crate::model::{Parsed, RawRef, Step};
use crate::normalize::{self, Fields, coerce};
use crate::options::InputFormat;

/// How a message's text is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Compression {
    None,
    Gzip,
}

/// An Atlan envelope.
pub(super) fn envelope(
    node: &Node<'_>,
    raw: RawRef<'_>,
    enclosure: &Enclosure,
    unwrapper: &mut Unwrapper<'_>,
) -> Result<Option<Parsed>, Error> {
    let envelope = Fields::of(node, &enclosure.path, "an Atlan envelope")?;
    let compression = match envelope.optional_str("msgCompressionKind")? {
        None | Some("NONE") => Compression::None,
        Some("GZIP") => Compression::Gzip,
        Some(other) => {
            return Err(Error::at_path(
                ErrorKind::Decode,
                envelope.child_path("msgCompressionKind"),
                format!("unsupported msgCompressionKind `{other}` (NONE and GZIP are known)"),
            ));
        }
    };
    let count_of = |key: &str| -> Result<u64, Error> {
        match envelope.get(key) {
            None => Ok(1),
            Some(value) => coerce::integer(value).and_then(|n| u64::try_from(n).ok()).ok_or_else(|| {
                Error::at_path(
                    ErrorKind::InvalidField,
                    envelope.child_path(key),
                    format!("`{key}` must be a positive integer"),
                )
            }),
        }
    };
    let split_index = count_of("msgSplitIdx")?;
    let split_count = count_of("msgSplitCount")?;
    let facts = enclosure.facts.with_time(envelope.optional_time("msgCreationTime")?);
    let message_path = envelope.child_path("message");
    let message = envelope.get("message").ok_or_else(|| {
        Error::at_path(ErrorKind::InvalidField, message_path.clone(), "missing required field `message`")
    })?;
    let mut chain = enclosure.envelope.clone();
    chain.push(InputFormat::AtlanEnvelope);

    if split_count > 1 {
        let msg_id = envelope.required_str("msgId")?;
        let Some(chunk) = message.as_str() else {
            return Err(Error::at_path(
                ErrorKind::InvalidField,
                message_path,
                format!("`message` of a split message must be a string chunk, found {}", message.type_name()),
            ));
        };
        if split_index == 0 || split_index > split_count {
            return Err(Error::at_path(
                ErrorKind::InvalidField,
                envelope.child_path("msgSplitIdx"),
                format!("`msgSplitIdx` {split_index} is outside 1..={split_count}"),
            ));
        }
        unwrapper.out.push(Ok(Outcome::Split(SplitPart {
            msg_id: msg_id.to_owned(),
            index: split_index,
            count: split_count,
            chunk: chunk.to_owned(),
            compression,
            facts,
            envelope: chain,
            path: message_path,
        })));
        return Ok(None);
    }

    match message {
        Node::Object(_) => {
            let raw = raw.then(Step::Member("message"));
            let inner = normalize::Innermost { node: message, raw, path: &message_path, envelope: chain };
            let event = normalize::atlan::notification(inner, facts, unwrapper.normalizer)?;
            Ok(Some(Parsed::Event(event)))
        }
        Node::String(encoded) => {
            let decoded =
                decode_message(encoded, compression, &message_path, unwrapper.normalizer.limits.max_event_bytes)?;
            let child = Enclosure { path: message_path, envelope: chain, decoded: true, facts };
            parse_text(&decoded, Some(InputFormat::AtlanMessage), &child, unwrapper);
            Ok(None)
        }
        other => Err(Error::at_path(
            ErrorKind::InvalidField,
            message_path,
            format!("`message` must be an object or a string, found {}", other.type_name()),
        )),
    }
}

/// The JSON text of a message sent as a string: as is, or base64 of gzip.
pub(crate) fn decode_message(
    encoded: &str,
    compression: Compression,
    path: &str,
    max_bytes: usize,
) -> Result<String, Error> {
    match compression {
        Compression::None => Ok(encoded.to_owned()),
        Compression::Gzip => {
            let compact: String = encoded.chars().filter(|c| !c.is_ascii_whitespace()).collect();
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(compact.as_bytes())
                .or_else(|_| base64::engine::general_purpose::STANDARD_NO_PAD.decode(compact.as_bytes()))
                .or_else(|_| base64::engine::general_purpose::URL_SAFE.decode(compact.as_bytes()))
                .map_err(|err| {
                    Error::at_path(ErrorKind::Decode, path, format!("GZIP message is not valid base64: {err}"))
                })?;
            gunzip(&bytes, path, max_bytes)
        }
    }
}

/// Decompresses gzip data into UTF-8 text of at most `max_bytes`.
pub(crate) fn gunzip(bytes: &[u8], path: &str, max_bytes: usize) -> Result<String, Error> {
    let mut decoded = Vec::new();
    let limit = u64::try_from(max_bytes).unwrap_or(u64::MAX).saturating_add(1);
    GzDecoder::new(bytes).take(limit).read_to_end(&mut decoded).map_err(|err| {
        Error::at_path(ErrorKind::Decode, path, format!("GZIP message is not valid gzip data: {err}"))
    })?;
    if decoded.len() > max_bytes {
        return Err(Error::at_path(
            ErrorKind::TooLarge,
            path,
            format!("GZIP message decompresses to more than the limit of {max_bytes} bytes"),
        ));
    }
    String::from_utf8(decoded).map_err(|err| {
        Error::at_path(
            ErrorKind::Encoding,
            path,
            format!("decompressed message is not valid UTF-8 (byte {})", err.utf8_error().valid_up_to()),
        )
    })
}
