//! AWS wrappers: a Lambda function URL / API Gateway request (`body`, maybe base64) and an
//! `EventBridge` event (`detail`). Both may carry an event of either platform.

use base64::Engine as _;

use super::{Enclosure, Unwrapper, member, parse_text};
use crate::error::{Error, ErrorKind};
use crate::json::Node;
use crate::model::{Parsed, RawRef};
use crate::normalize::{Fields, coerce};
use crate::options::InputFormat;

/// A Lambda function URL or API Gateway request.
pub(super) fn lambda(
    node: &Node<'_>,
    raw: RawRef<'_>,
    enclosure: &Enclosure,
    unwrapper: &mut Unwrapper<'_>,
) -> Result<Option<Parsed>, Error> {
    let request = Fields::of(node, &enclosure.path, "an AWS Lambda request")?;
    let body_path = request.child_path("body");
    let body = request
        .get("body")
        .ok_or_else(|| Error::at_path(ErrorKind::Empty, body_path.clone(), "the request has no body"))?;
    let base64 = request.get("isBase64Encoded").and_then(coerce::boolean).unwrap_or(false);
    match body {
        Node::String(encoded) if base64 => {
            let compact: String = encoded.chars().filter(|c| !c.is_ascii_whitespace()).collect();
            let bytes = base64::engine::general_purpose::STANDARD.decode(compact.as_bytes()).map_err(|err| {
                Error::at_path(ErrorKind::Decode, body_path.clone(), format!("body is not valid base64: {err}"))
            })?;
            if bytes.len() > unwrapper.normalizer.limits.max_event_bytes {
                return Err(Error::at_path(
                    ErrorKind::TooLarge,
                    body_path,
                    format!("decoded body is over the limit of {} bytes", unwrapper.normalizer.limits.max_event_bytes),
                ));
            }
            let decoded = String::from_utf8(bytes).map_err(|err| {
                Error::at_path(
                    ErrorKind::Encoding,
                    body_path.clone(),
                    format!("decoded body is not valid UTF-8 (byte {})", err.utf8_error().valid_up_to()),
                )
            })?;
            let mut envelope = enclosure.envelope.clone();
            envelope.push(InputFormat::AwsLambda);
            let child = Enclosure {
                path: body_path,
                envelope,
                decoded: true,
                facts: enclosure.facts,
                schema_id: enclosure.schema_id,
            };
            parse_text(&decoded, None, &child, unwrapper);
        }
        _ => member("body", body, raw, InputFormat::AwsLambda, None, enclosure, unwrapper)?,
    }
    Ok(None)
}

/// An `EventBridge` event.
pub(super) fn event_bridge(
    node: &Node<'_>,
    raw: RawRef<'_>,
    enclosure: &Enclosure,
    unwrapper: &mut Unwrapper<'_>,
) -> Result<Option<Parsed>, Error> {
    let event = Fields::of(node, &enclosure.path, "an EventBridge event")?;
    let detail = event.get("detail").ok_or_else(|| {
        Error::at_path(ErrorKind::InvalidField, event.child_path("detail"), "missing required field `detail`")
    })?;
    // The time EventBridge stamps on the event, for events that carry none of their own.
    let time = event.lenient_str("time").and_then(coerce::rfc3339_millis);
    let enclosure = Enclosure { facts: enclosure.facts.with_time(time), ..enclosure.clone() };
    member("detail", detail, raw, InputFormat::AwsEventBridge, None, &enclosure, unwrapper)?;
    Ok(None)
}
