//! The notification envelope Apache Atlas writes and Atlan inherited (`AtlasNotificationMessage`:
//! `version`, `msgCompressionKind`, `msgSplitIdx`, `msgSplitCount`, `msgCreationTime`, ...,
//! `message`), read as Atlas's own consumer reads what its producer writes (apache/atlas
//! `notification/.../AtlasNotificationMessageDeserializer.deserialize` and
//! `AbstractNotification.createNotificationMessages`):
//!
//! - `message` an object: the notification message;
//! - `msgCompressionKind: GZIP` and `message` a string: base64 of the gzipped UTF-8 JSON of the
//!   *whole* envelope, read again as an envelope (a bare message is accepted too);
//! - `msgSplitCount` above 1: one part of a split message, `msgSplitIdx` 0 .. count-1 (see
//!   `split`); the parts' chunks joined in index order are base64 (of gzip when GZIP) of the
//!   envelope, which may say GZIP once more and is then decoded again;
//! - `msgCompressionKind: NONE` and `message` a string: the message as JSON text (Atlas never
//!   writes it; read for hand-made events).
//!
//! Where Atlas's consumer only logs and drops, this reader reports an error with its path: a
//! split part without `msgId` or with an index outside 0 .. count-1, a version newer than the
//! 1.0.0 Atlas reads (Atlas refuses those too), undecodable base64 or gzip.

use std::io::Read;

use base64::Engine as _;
use flate2::read::GzDecoder;

use super::detect::{self, Detected};
use super::{Enclosure, Outcome, SplitPart, Unwrapper};
use crate::error::{Error, ErrorKind};
use crate::json::{self, Node};
use crate::model::{Parsed, RawRef, Step};
use crate::normalize::notification::{hook_message, notification};
use crate::normalize::{EnvelopeFacts, Fields, Innermost, coerce};
use crate::options::InputFormat;

/// How a message's text is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Compression {
    None,
    Gzip,
}

/// At most this many decodings of one notification: the joined text of a split message, then
/// the GZIP envelope it may hold. Atlas's consumer decodes no more.
const MAX_DECODINGS: u8 = 2;

/// The envelope version Atlas's consumer reads (`AbstractNotification.CURRENT_MESSAGE_VERSION`,
/// 1.0.0), as `MessageVersion` compares versions: its parts without trailing zeros.
const READABLE_VERSION: &[u64] = &[1];

/// A notification envelope found at `enclosure`.
pub(super) fn envelope(
    node: &Node<'_>,
    raw: RawRef<'_>,
    enclosure: &Enclosure,
    unwrapper: &mut Unwrapper<'_>,
) -> Result<Option<Parsed>, Error> {
    read(node, raw, enclosure, unwrapper, 0)
}

/// Whether `node` has the shape of a notification envelope.
pub(super) fn is_envelope(node: &Node<'_>) -> bool {
    detect::detect(node) == Some(Detected::Format(InputFormat::AtlanEnvelope))
}

/// Reads an envelope at `outer` (its path; the envelopes around it), after `decodings`
/// decodings of its text.
fn read(
    node: &Node<'_>,
    raw: RawRef<'_>,
    outer: &Enclosure,
    unwrapper: &mut Unwrapper<'_>,
    decodings: u8,
) -> Result<Option<Parsed>, Error> {
    let envelope = Fields::of(node, &outer.path, "a notification envelope")?;
    // A hook message says so first, whatever else its envelope holds (Atlas's own test
    // messages carry placeholders such as `"msgCreationTime": "--ts--"`).
    if let Some(hook) =
        envelope.get("message").and_then(|message| hook_message(message, &envelope.child_path("message")))
    {
        return Err(hook);
    }
    check_version(&envelope)?;
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
    let split_count = match envelope.get("msgSplitCount") {
        None => 1,
        Some(value) => coerce::integer(value).filter(|count| *count >= 0).ok_or_else(|| {
            Error::at_path(
                ErrorKind::InvalidField,
                envelope.child_path("msgSplitCount"),
                "`msgSplitCount` must be a positive integer",
            )
        })?,
    };
    let facts = EnvelopeFacts {
        lacks_spooled: envelope.get("msgCreationTime").is_some() && envelope.object.get("spooled").is_none(),
        ..outer.facts.with_time(envelope.optional_time("msgCreationTime")?)
    };
    let message_path = envelope.child_path("message");
    let message = envelope.get("message").ok_or_else(|| {
        Error::at_path(ErrorKind::InvalidField, message_path.clone(), "missing required field `message`")
    })?;
    // Where the message is: its envelopes are those around this one (added when it is read).
    let at = Enclosure {
        path: message_path.clone(),
        envelope: outer.envelope.clone(),
        decoded: outer.decoded,
        facts,
        schema_id: outer.schema_id,
    };

    if split_count > 1 {
        return split_part(&envelope, message, split_count, compression, at, decodings, unwrapper).map(|()| None);
    }
    match message {
        Node::Object(_) => {
            let mut chain = outer.envelope.clone();
            chain.push(InputFormat::AtlanEnvelope);
            let inner = Innermost {
                node: message,
                raw: raw.then(Step::Member("message")),
                path: &message_path,
                envelope: chain,
                schema_id: outer.schema_id,
            };
            Ok(Some(Parsed::Event(notification(inner, facts, unwrapper.normalizer)?)))
        }
        Node::String(text) => {
            if decodings >= MAX_DECODINGS {
                return Err(Error::at_path(
                    ErrorKind::Decode,
                    message_path,
                    format!("a message encoded inside a message decoded {MAX_DECODINGS} times already"),
                ));
            }
            let decoded_at = Enclosure { decoded: true, ..at };
            match compression {
                Compression::Gzip => {
                    let decoded =
                        decode(text, Compression::Gzip, &message_path, unwrapper.normalizer.limits.max_event_bytes)?;
                    decoded_text(&decoded, &decoded_at, unwrapper, decodings + 1);
                }
                Compression::None => decoded_text(text, &decoded_at, unwrapper, decodings + 1),
            }
            Ok(None)
        }
        other => Err(Error::at_path(
            ErrorKind::InvalidField,
            message_path,
            format!("`message` must be an object or a string, found {}", other.type_name()),
        )),
    }
}

/// One part of a split message, handed to the stream's reassembly.
fn split_part(
    envelope: &Fields<'_, '_>,
    message: &Node<'_>,
    count: i64,
    compression: Compression,
    at: Enclosure,
    decodings: u8,
    unwrapper: &mut Unwrapper<'_>,
) -> Result<(), Error> {
    if decodings > 0 {
        return Err(Error::at_path(
            ErrorKind::InvalidField,
            envelope.child_path("msgSplitCount"),
            "a part of a split message inside a decoded message (Atlas splits only the text it sends)",
        ));
    }
    let msg_id = envelope.required_str("msgId")?;
    if msg_id.is_empty() {
        return Err(Error::at_path(
            ErrorKind::InvalidField,
            envelope.child_path("msgId"),
            "a part of a split message needs a non-empty `msgId` to be joined with the others",
        ));
    }
    let index_path = envelope.child_path("msgSplitIdx");
    // Atlas's default index is 1 (`AtlasNotificationBaseMessage.msgSplitIdx`).
    let index = match envelope.get("msgSplitIdx") {
        None => Some(1),
        Some(value) => coerce::integer(value),
    }
    .ok_or_else(|| Error::at_path(ErrorKind::InvalidField, index_path.clone(), "`msgSplitIdx` must be an integer"))?;
    let (Ok(index), Ok(count)) = (u64::try_from(index), u64::try_from(count)) else {
        return Err(Error::at_path(
            ErrorKind::InvalidField,
            index_path,
            format!("`msgSplitIdx` {index} is negative: parts are numbered 0 to {}", count - 1),
        ));
    };
    if index >= count {
        return Err(Error::at_path(
            ErrorKind::InvalidField,
            index_path,
            format!(
                "`msgSplitIdx` {index} is not below `msgSplitCount` {count}: parts are numbered 0 to {}",
                count - 1
            ),
        ));
    }
    let Some(chunk) = message.as_str() else {
        return Err(Error::at_path(
            ErrorKind::InvalidField,
            at.path,
            format!("`message` of a split message must be a string chunk, found {}", message.type_name()),
        ));
    };
    unwrapper.out.push(Ok(Outcome::Split(SplitPart {
        msg_id: msg_id.to_owned(),
        index,
        count,
        chunk: chunk.to_owned(),
        compression,
        at,
    })));
    Ok(())
}

/// Text decoded from a `message` (gunzipped, joined from split parts, or JSON text), found at
/// `at`: Atlas's producer always encodes a whole envelope, read again as one; a bare message is
/// read too.
pub(crate) fn decoded_text(text: &str, at: &Enclosure, unwrapper: &mut Unwrapper<'_>, decodings: u8) {
    if text.trim().is_empty() {
        let error = Error::at_path(ErrorKind::Empty, "$", "no event: the decoded message is empty");
        unwrapper.out.push(Err(at.locate(error)));
        return;
    }
    let node = match json::tree::parse(text, unwrapper.normalizer.limits.max_depth, unwrapper.arena) {
        Ok(node) => node,
        Err(error) => {
            unwrapper.out.push(Err(at.locate(error)));
            return;
        }
    };
    let result = if is_envelope(&node) {
        read(&node, RawRef::whole(text), at, unwrapper, decodings)
    } else {
        let mut chain = at.envelope.clone();
        chain.push(InputFormat::AtlanEnvelope);
        let inner = Innermost {
            node: &node,
            raw: RawRef::whole(text),
            path: &at.path,
            envelope: chain,
            schema_id: at.schema_id,
        };
        notification(inner, at.facts, unwrapper.normalizer).map(|event| Some(Parsed::Event(event)))
    };
    match result {
        Ok(Some(parsed)) => unwrapper.out.push(Ok(Outcome::Parsed(parsed))),
        Ok(None) => {}
        Err(error) => unwrapper.out.push(Err(error)),
    }
}

/// Refuses a version newer than the one Atlas reads, as Atlas's consumer does
/// (`checkVersion`: `IncompatibleVersionException`); older ones are read. `version` is
/// `{"version": "1.0.0", "versionParts": [1]}` (or, as Jackson also reads it, `"1.0.0"`).
fn check_version(envelope: &Fields<'_, '_>) -> Result<(), Error> {
    let (text, path) = match envelope.get("version") {
        None => return Ok(()),
        Some(Node::String(text)) => (*text, envelope.child_path("version")),
        Some(Node::Object(object)) => match object.get("version").filter(|node| !node.is_null()) {
            None => return Ok(()),
            Some(Node::String(text)) => (*text, json::path::child(&envelope.child_path("version"), "version")),
            Some(other) => {
                return Err(Error::at_path(
                    ErrorKind::InvalidField,
                    json::path::child(&envelope.child_path("version"), "version"),
                    format!("`version.version` must be a string such as \"1.0.0\", found {}", other.type_name()),
                ));
            }
        },
        Some(other) => {
            return Err(Error::at_path(
                ErrorKind::InvalidField,
                envelope.child_path("version"),
                format!("`version` must be an object such as {{\"version\": \"1.0.0\"}}, found {}", other.type_name()),
            ));
        }
    };
    let parts: Option<Vec<u64>> = text.split('.').map(|part| part.parse::<u64>().ok()).collect();
    let Some(mut parts) = parts else {
        return Err(Error::at_path(
            ErrorKind::InvalidField,
            path,
            format!("version `{text}` is not a version number (numbers joined by dots, such as 1.0.0)"),
        ));
    };
    while parts.last() == Some(&0) {
        parts.pop();
    }
    if parts.as_slice() > READABLE_VERSION {
        return Err(Error::at_path(
            ErrorKind::InvalidField,
            path,
            format!(
                "notification version {text} is newer than 1.0.0, the version Apache Atlas's consumer reads \
                 (it refuses newer ones as incompatible)"
            ),
        ));
    }
    Ok(())
}

/// Decodes the text of a message sent as a string: base64 (whitespace, missing padding and the
/// URL-safe alphabet tolerated, as commons-codec's decoder does), then gunzipped when GZIP, into
/// UTF-8 text of at most `max_bytes`.
pub(crate) fn decode(encoded: &str, compression: Compression, path: &str, max_bytes: usize) -> Result<String, Error> {
    let compact: String = encoded.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(compact.as_bytes())
        .or_else(|_| base64::engine::general_purpose::STANDARD_NO_PAD.decode(compact.as_bytes()))
        .or_else(|_| base64::engine::general_purpose::URL_SAFE.decode(compact.as_bytes()))
        .or_else(|_| base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(compact.as_bytes()))
        .map_err(|err| {
            let what = if compression == Compression::Gzip { "GZIP message" } else { "joined split message" };
            Error::at_path(ErrorKind::Decode, path, format!("{what} is not valid base64: {err}"))
        })?;
    match compression {
        Compression::Gzip => gunzip(&bytes, path, max_bytes),
        Compression::None => {
            if bytes.len() > max_bytes {
                return Err(Error::at_path(
                    ErrorKind::TooLarge,
                    path,
                    format!("decoded message is over the limit of {max_bytes} bytes"),
                ));
            }
            String::from_utf8(bytes).map_err(|err| {
                Error::at_path(
                    ErrorKind::Encoding,
                    path,
                    format!("decoded message is not valid UTF-8 (byte {})", err.utf8_error().valid_up_to()),
                )
            })
        }
    }
}

/// Decompresses gzip data into UTF-8 text of at most `max_bytes`.
fn gunzip(bytes: &[u8], path: &str, max_bytes: usize) -> Result<String, Error> {
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
