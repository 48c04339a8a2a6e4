//! `CloudEvents` 1.0 as an envelope (`cloudevents/spec` v1.0.2, `spec.md` and
//! `formats/json-format.md`): a structured-mode event is a JSON object with `specversion`, whose
//! `data` (a JSON value, JSON text in a string, or `data_base64`) holds the event. The data is
//! either a normalized event (what [`crate::Event::to_cloudevent`] writes), which comes back as
//! that event, id and envelopes included, or any platform event or envelope metaevents reads,
//! Kafka records in `data_base64` too. HTTP binary mode is read by [`crate::Parser::parse_http`].

use base64::Engine as _;

use super::{Enclosure, Unwrapper, kafka, member, parse_text};
use crate::error::{Error, ErrorKind};
use crate::json::{Node, path};
use crate::model::{Event, Parsed, RawRef};
use crate::normalize::Fields;
use crate::options::InputFormat;

/// The only `specversion` there is so far.
pub(crate) const SPEC_VERSION: &str = "1.0";

/// A structured-mode `CloudEvent`.
pub(super) fn structured(
    node: &Node<'_>,
    raw: RawRef<'_>,
    enclosure: &Enclosure,
    unwrapper: &mut Unwrapper<'_>,
) -> Result<Option<Parsed>, Error> {
    let event = Fields::of(node, &enclosure.path, "a CloudEvent")?;
    let version = event.required_str("specversion")?;
    if version != SPEC_VERSION {
        return Err(Error::at_path(
            ErrorKind::InvalidField,
            event.child_path("specversion"),
            format!("CloudEvents specversion `{version}` is not supported: metaevents reads {SPEC_VERSION}"),
        ));
    }
    // `null` means unset (json-format §2.2); `"data": null` carries no event either.
    match (event.get("data"), event.get("data_base64")) {
        (Some(_), Some(_)) => Err(Error::at_path(
            ErrorKind::InvalidField,
            event.child_path("data_base64"),
            "a CloudEvent has `data` or `data_base64`, never both",
        )),
        (None, None) => Err(Error::at_path(
            ErrorKind::Empty,
            event.child_path("data"),
            "the CloudEvent has no data, so no event: expected `data` (an event, or JSON text) or `data_base64`",
        )),
        (Some(data), None) => {
            member("data", data, raw, InputFormat::CloudEvent, None, enclosure, unwrapper)?;
            Ok(None)
        }
        (None, Some(encoded)) => {
            let data_path = event.child_path("data_base64");
            let Some(encoded) = encoded.as_str() else {
                return Err(Error::at_path(
                    ErrorKind::InvalidField,
                    data_path,
                    format!("`data_base64` must be a base64 string, found {}", encoded.type_name()),
                ));
            };
            let bytes = base64::engine::general_purpose::STANDARD.decode(encoded.trim()).map_err(|err| {
                Error::at_path(
                    ErrorKind::Decode,
                    data_path.clone(),
                    format!("`data_base64` is not valid base64: {err}"),
                )
            })?;
            let limit = unwrapper.normalizer.limits.max_event_bytes;
            if bytes.len() > limit {
                return Err(Error::at_path(
                    ErrorKind::TooLarge,
                    data_path,
                    format!("decoded `data_base64` is over the limit of {limit} bytes"),
                ));
            }
            let child = enclosure.decoded_at(data_path.clone(), InputFormat::CloudEvent);
            if kafka::is_record(&bytes) {
                kafka::record(&bytes, &child, unwrapper);
                return Ok(None);
            }
            let text = String::from_utf8(bytes).map_err(|err| {
                Error::at_path(
                    ErrorKind::Encoding,
                    data_path,
                    format!(
                        "decoded `data_base64` is neither a Kafka record nor UTF-8 text (byte {})",
                        err.utf8_error().valid_up_to()
                    ),
                )
            })?;
            parse_text(&text, None, &child, unwrapper);
            Ok(None)
        }
    }
}

/// Whether a document is the contract JSON of a normalized event (the `data` of a `CloudEvent`
/// metaevents wrote): no platform event has `kind` and a `native` object with a `format`.
pub(super) fn is_normalized_event(node: &Node<'_>) -> bool {
    let Some(object) = node.as_object() else { return false };
    object.get("kind").is_some_and(|kind| kind.as_str().is_some())
        && object.get("native").and_then(|native| native.get("format")).is_some_and(|format| format.as_str().is_some())
}

/// A normalized event, read back as it was written ([`Event::from_json`]): its id must be the one
/// its `raw` gives, so an event that was changed on the way is an error, not a forged id.
pub(super) fn normalized_event(node: &Node<'_>, raw: RawRef<'_>, enclosure: &Enclosure) -> Result<Parsed, Error> {
    if node.get("raw").is_none_or(Node::is_null) {
        return Err(Error::at_path(
            ErrorKind::InvalidField,
            path::child(&enclosure.path, "raw"),
            "the normalized event has no `raw`, so it cannot be read back: write it with raw (to_cloudevent does unless \
             told otherwise)",
        ));
    }
    let text = raw.to_owned_text();
    let event = Event::from_json(text.get()).map_err(|error| enclosure.locate(error))?;
    if event.id_from_raw() != event.id() {
        return Err(Error::at_path(
            ErrorKind::InvalidField,
            path::child(&enclosure.path, "id"),
            format!(
                "the normalized event's id {} is not the id of its raw event ({}): the event was changed after \
                 metaevents wrote it",
                event.id(),
                event.id_from_raw()
            ),
        ));
    }
    Ok(Parsed::Event(event))
}
