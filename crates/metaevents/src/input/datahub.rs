//! `DataHub` envelopes: `PlatformEvent` records, Events API poll responses, datahub-actions envelopes.

use std::borrow::Cow;

use super::{Enclosure, Unwrapper, member, parse_text};
use crate::error::{Error, ErrorKind};
use crate::json::{self, Node, path};
use crate::model::{NativeFormat, Parsed, RawRef, Step};
use crate::normalize::{self, Fields};
use crate::options::InputFormat;

const ENTITY_CHANGE_EVENT: &str = "entityChangeEvent";
const RELATIONSHIP_CHANGE_EVENT: &str = "relationshipChangeEvent";

/// Undoes Avro's JSON rendering of `bytes`, one code point per byte (U+0000..U+00FF): text
/// whose characters all fit in a byte and that contains non-ASCII ones is mapped back to bytes,
/// and kept that way when the bytes are valid UTF-8. Text of genuine Latin-1 characters is not
/// valid UTF-8 once mapped, so it stays as it is.
pub(crate) fn undo_avro_bytes(text: &str) -> Cow<'_, str> {
    if text.is_ascii() || text.chars().any(|c| u32::from(c) > 0xff) {
        return Cow::Borrowed(text);
    }
    let bytes: Vec<u8> = text.chars().map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?')).collect();
    match String::from_utf8(bytes) {
        Ok(decoded) => Cow::Owned(decoded),
        Err(_) => Cow::Borrowed(text),
    }
}

/// The text of a `PlatformEvent` payload: as decoded from Avro binary, or with Avro's JSON
/// rendering of bytes undone.
fn payload_text(text: &str, from_binary: bool) -> Cow<'_, str> {
    if from_binary { Cow::Borrowed(text) } else { undo_avro_bytes(text) }
}

/// A `PlatformEvent`: `payload.value` holds the ECE/RCE as JSON text.
pub(super) fn platform_event(
    node: &Node<'_>,
    raw: RawRef<'_>,
    enclosure: &Enclosure,
    unwrapper: &mut Unwrapper<'_>,
) -> Result<Option<Parsed>, Error> {
    let record = Fields::of(node, &enclosure.path, "a PlatformEvent")?;
    let name = record.required_str("name")?;
    let payload_path = record.child_path("payload");
    let payload = Fields::nested(record.required_object("payload")?, &enclosure.path, "payload");
    let header_time =
        record.get("header").and_then(|header| header.get("timestampMillis")).and_then(normalize::coerce::integer);
    let value_path = payload.child_path("value");
    let value = payload.get("value").ok_or_else(|| {
        Error::at_path(
            ErrorKind::InvalidField,
            value_path.clone(),
            "missing required field `value` (the event as JSON text)",
        )
    })?;
    // Avro's JSON rendering of `bytes` needs undoing; a record decoded from Avro binary
    // (`kafka-avro`) holds the payload's own UTF-8 text.
    let from_binary = enclosure.envelope.last() == Some(&InputFormat::KafkaAvro);
    let forced = match name {
        ENTITY_CHANGE_EVENT => Some(InputFormat::DatahubEntityChangeEvent),
        RELATIONSHIP_CHANGE_EVENT => Some(InputFormat::DatahubRelationshipChangeEvent),
        _ => None,
    };
    if let Some(forced) = forced {
        match value {
            Node::String(inner) => {
                let inner = payload_text(inner, from_binary);
                let mut child = enclosure.decoded_at(value_path, InputFormat::DatahubPlatformEvent);
                child.facts = child.facts.with_time(header_time);
                parse_text(&inner, Some(forced), &child, unwrapper);
            }
            Node::Object(_) => {
                let child = Enclosure {
                    path: payload_path.clone(),
                    facts: enclosure.facts.with_time(header_time),
                    ..enclosure.clone()
                };
                let payload = raw.then(Step::Member("payload"));
                member("value", value, payload, InputFormat::DatahubPlatformEvent, Some(forced), &child, unwrapper)?;
            }
            other => {
                return Err(Error::at_path(
                    ErrorKind::InvalidField,
                    value_path,
                    format!("`value` must be the event as JSON text, found {}", other.type_name()),
                ));
            }
        }
        return Ok(None);
    }
    // A PlatformEvent this version does not model: keep its payload when it is JSON, else all.
    let mut envelope = enclosure.envelope.clone();
    let decoded = value.as_str().map(|text| payload_text(text, from_binary));
    let inner_tree = decoded
        .as_deref()
        .and_then(|inner| json::tree::parse(inner, unwrapper.normalizer.limits.max_depth, unwrapper.arena).ok());
    let (inner_node, raw): (&Node<'_>, RawRef<'_>) = match (&inner_tree, decoded.as_deref()) {
        (Some(inner_node), Some(inner_text)) => {
            envelope.push(InputFormat::DatahubPlatformEvent);
            (inner_node, RawRef::whole(inner_text))
        }
        _ => (node, raw),
    };
    let inner =
        normalize::Innermost { node: inner_node, raw, path: &enclosure.path, envelope, schema_id: enclosure.schema_id };
    let facts = enclosure.facts.with_time(header_time);
    let event =
        normalize::datahub::unknown(inner, NativeFormat::PlatformEvent, Some(name), facts, unwrapper.normalizer);
    Ok(Some(Parsed::Event(event)))
}

/// An Events API poll response: each `events[i].value` is a `PlatformEvent` (or MCL) as JSON text.
pub(super) fn poll_response(
    node: &Node<'_>,
    enclosure: &Enclosure,
    unwrapper: &mut Unwrapper<'_>,
) -> Result<Option<Parsed>, Error> {
    let response = Fields::of(node, &enclosure.path, "a poll response")?;
    let events_path = response.child_path("events");
    let events = match response.get("events") {
        Some(Node::Array(events)) => events,
        Some(other) => {
            return Err(Error::at_path(
                ErrorKind::InvalidField,
                events_path,
                format!("`events` must be an array, found {}", other.type_name()),
            ));
        }
        None => return Ok(None),
    };
    let limit = unwrapper.normalizer.limits.max_events_per_array;
    for (index, item) in events.iter().enumerate() {
        if index == limit {
            // As in a JSON array stream: the events up to the limit, then the error.
            return Err(Error::at_path(
                ErrorKind::TooMany,
                events_path,
                format!("{} events in one poll response, over the limit of {limit}", events.len()),
            ));
        }
        let item_path = path::item(&events_path, index);
        let value_path = path::child(&item_path, "value");
        match item.get("value") {
            Some(Node::String(value)) => {
                let child = enclosure.decoded_at(value_path, InputFormat::DatahubPollResponse);
                parse_text(value, None, &child, unwrapper);
            }
            Some(other) => unwrapper.out.push(Err(Error::at_path(
                ErrorKind::InvalidField,
                value_path,
                format!("`value` must be the event as JSON text, found {}", other.type_name()),
            ))),
            None => unwrapper.out.push(Err(Error::at_path(
                ErrorKind::InvalidField,
                value_path,
                "missing required field `value` (the event as JSON text)",
            ))),
        }
    }
    Ok(None)
}

/// A datahub-actions envelope `{event_type, event, meta}`.
pub(super) fn actions_envelope(
    node: &Node<'_>,
    raw: RawRef<'_>,
    enclosure: &Enclosure,
    unwrapper: &mut Unwrapper<'_>,
) -> Result<Option<Parsed>, Error> {
    let envelope = Fields::of(node, &enclosure.path, "a datahub-actions envelope")?;
    let event_type = envelope.required_str("event_type")?;
    let event = envelope.get("event").ok_or_else(|| {
        Error::at_path(
            ErrorKind::InvalidField,
            envelope.child_path("event"),
            "missing required field `event` (an object)",
        )
    })?;
    let forced = match event_type {
        "EntityChangeEvent_v1" => InputFormat::DatahubEntityChangeEvent,
        "RelationshipChangeEvent_v1" => InputFormat::DatahubRelationshipChangeEvent,
        "MetadataChangeLogEvent_v1" => InputFormat::DatahubMetadataChangeLog,
        other => {
            // An event type this version does not model: kept whole as `unknown`.
            let (inner_node, raw) = match event {
                Node::Object(_) => (event, raw.then(Step::Member("event"))),
                _ => (node, raw),
            };
            let mut chain = enclosure.envelope.clone();
            if !std::ptr::eq(inner_node, node) {
                chain.push(InputFormat::DatahubActionsEnvelope);
            }
            let inner = normalize::Innermost {
                node: inner_node,
                raw,
                path: &enclosure.path,
                envelope: chain,
                schema_id: enclosure.schema_id,
            };
            let event = normalize::datahub::unknown(
                inner,
                NativeFormat::ActionsEvent,
                Some(other),
                enclosure.facts,
                unwrapper.normalizer,
            );
            return Ok(Some(Parsed::Event(event)));
        }
    };
    member("event", event, raw, InputFormat::DatahubActionsEnvelope, Some(forced), enclosure, unwrapper)?;
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn avro_byte_strings_are_decoded_once() {
        // "café" as UTF-8 bytes rendered one code point per byte.
        assert_eq!(undo_avro_bytes("caf\u{c3}\u{a9}"), "café");
        assert_eq!(undo_avro_bytes("plain"), "plain");
        // A lone Latin-1 character is not valid UTF-8 once mapped back: kept.
        assert_eq!(undo_avro_bytes("caf\u{e9}"), "caf\u{e9}");
        // Characters beyond U+00FF mean the text was never byte-rendered.
        assert_eq!(undo_avro_bytes("caf\u{c3}\u{a9} \u{263a}"), "caf\u{c3}\u{a9} \u{263a}");
    }
}
