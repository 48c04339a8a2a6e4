//! Inputs: recognising each record's format and unwrapping envelopes (`PlatformEvent`, poll
//! responses, datahub-actions, Atlan's envelope with gzip and split messages, AWS Lambda and
//! `EventBridge`) down to the platform event, which `normalize` turns into an [`Event`].

mod atlan;
mod aws;
mod datahub;
pub(crate) mod detect;
pub(crate) mod split;

use std::borrow::Cow;

use crate::error::{Error, ErrorKind};
use crate::json::{self, path, Node};
use crate::model::{Parsed, ValidationRequest};
use crate::normalize::atlan::EnvelopeFacts;
use crate::normalize::{self, Cx, Inner};
use crate::options::InputFormat;
use detect::Detected;
pub(crate) use split::{SplitAssembler, SplitPart};

/// Envelopes may nest (an `EventBridge` event around a Lambda request around an Atlan envelope),
/// but not without end.
const MAX_ENVELOPE_DEPTH: usize = 8;

/// The exact text of a value inside `text` (found by scanning), or — should the scanner miss,
/// which only happens on text it did not come from — the value re-serialized.
pub(crate) fn text_of<'t>(text: &'t str, span: Option<std::ops::Range<usize>>, node: &Node<'_>) -> Cow<'t, str> {
    match span.and_then(|span| text.get(span)) {
        Some(raw) => Cow::Borrowed(raw),
        None => Cow::Owned(node.to_value().to_string()),
    }
}

/// What one document yielded.
#[derive(Debug)]
pub(crate) enum Outcome {
    Parsed(Parsed),
    /// One part of a split Atlan message, to be reassembled with its siblings.
    Split(SplitPart),
}

pub(crate) type Sink = Vec<Result<Outcome, Error>>;

/// Where a document sits: its JSON path in the record, the envelopes around it, and whether its
/// text was decoded from a string (so JSON line/column positions inside it mean nothing outside).
#[derive(Debug, Clone, Default)]
pub(crate) struct Nest {
    pub path: String,
    pub envelope: Vec<InputFormat>,
    pub decoded: bool,
    pub facts: EnvelopeFacts,
}

impl Nest {
    pub(crate) fn top() -> Self {
        Self { path: "$".to_owned(), ..Self::default() }
    }

    /// The nest of a member of this document, inside envelope `format`.
    fn member(&self, key: &str, format: InputFormat) -> Self {
        let mut envelope = self.envelope.clone();
        envelope.push(format);
        Self { path: path::child(&self.path, key), envelope, decoded: self.decoded, facts: self.facts }
    }

    /// The nest of text decoded from a string at `path`.
    fn decoded_at(&self, path: String, format: InputFormat) -> Self {
        let mut envelope = self.envelope.clone();
        envelope.push(format);
        Self { path, envelope, decoded: true, facts: self.facts }
    }

    /// Makes an error found in this document's text point at the right place.
    fn locate(&self, error: Error) -> Error {
        let error = if self.decoded { error.without_position() } else { error };
        if self.path == "$" { error } else { error.nested_in(&self.path) }
    }

    fn inner<'n, 'a>(&'n self, node: &'n Node<'a>, raw: &'n str) -> Inner<'n, 'a> {
        Inner { node, raw, path: &self.path, envelope: self.envelope.clone() }
    }
}

/// Parses `text` (one record, or text decoded from an envelope) and everything inside it.
pub(crate) fn parse_text(text: &str, forced: Option<InputFormat>, nest: &Nest, cx: &mut Cx, out: &mut Sink) {
    if text.trim().is_empty() {
        out.push(Err(nest.locate(Error::at_path(ErrorKind::Empty, "$", "no event: the text is empty"))));
        return;
    }
    match json::tree::parse(text, cx.limits.max_depth) {
        Ok(node) => dispatch(&node, text, forced, nest, cx, out),
        Err(error) => out.push(Err(nest.locate(error))),
    }
}

/// Handles an already parsed document whose exact text is `text`.
fn dispatch(node: &Node<'_>, text: &str, forced: Option<InputFormat>, nest: &Nest, cx: &mut Cx, out: &mut Sink) {
    if nest.envelope.len() > MAX_ENVELOPE_DEPTH {
        out.push(Err(Error::at_path(
            ErrorKind::TooDeep,
            nest.path.clone(),
            format!("more than {MAX_ENVELOPE_DEPTH} envelopes inside each other"),
        )));
        return;
    }
    if let Node::Array(items) = node {
        // A batch of events in one record: each element is a record of its own.
        let spans = json::scan::element_spans(text).unwrap_or_default();
        for (index, item) in items.iter().enumerate() {
            if index == cx.limits.max_events_per_array {
                out.push(Err(Error::at_path(
                    ErrorKind::TooMany,
                    nest.path.clone(),
                    format!("{} events in one JSON array, over the limit of {}", items.len(), cx.limits.max_events_per_array),
                )));
                return;
            }
            let raw = text_of(text, spans.get(index).cloned(), item);
            let child = Nest { path: path::item(&nest.path, index), ..nest.clone() };
            dispatch(item, &raw, forced, &child, cx, out);
        }
        return;
    }
    let detected = match forced {
        Some(format) => Some(Detected::Format(format)),
        None => detect::detect(node),
    };
    let result = match detected {
        Some(Detected::Validation(message)) => {
            Ok(Some(Parsed::ValidationRequest(ValidationRequest { message: message.to_owned() })))
        }
        Some(Detected::Format(format)) => handle(format, node, text, nest, cx, out),
        None => Err(Error::at_path(
            ErrorKind::Unrecognized,
            nest.path.clone(),
            format!(
                "not a catalog event: expected a DataHub change event (entityUrn, category, operation), PlatformEvent, \
                 poll response or datahub-actions envelope, an Atlan notification (message.operationType), \
                 an AWS Lambda request (body) or an EventBridge event (detail); found {}",
                detect::describe_keys(node)
            ),
        )),
    };
    match result {
        Ok(Some(parsed)) => out.push(Ok(Outcome::Parsed(parsed))),
        Ok(None) => {}
        Err(error) => out.push(Err(error)),
    }
}

/// Handles one format; events of envelopes are pushed to `out` by the envelope handlers, which
/// return `None`.
fn handle(
    format: InputFormat,
    node: &Node<'_>,
    text: &str,
    nest: &Nest,
    cx: &mut Cx,
    out: &mut Sink,
) -> Result<Option<Parsed>, Error> {
    let event = match format {
        InputFormat::DatahubEntityChangeEvent => normalize::datahub::entity_change_event(nest.inner(node, text), cx)?,
        InputFormat::DatahubRelationshipChangeEvent => {
            normalize::datahub::relationship_change_event(nest.inner(node, text), cx)?
        }
        InputFormat::DatahubMetadataChangeLog => normalize::datahub::unknown(
            nest.inner(node, text),
            crate::model::NativeFormat::MetadataChangeLog,
            None,
            None,
            cx,
        ),
        InputFormat::AtlanMessage => normalize::atlan::notification(nest.inner(node, text), nest.facts, cx)?,
        InputFormat::DatahubPlatformEvent => return datahub::platform_event(node, text, nest, cx, out),
        InputFormat::DatahubPollResponse => return datahub::poll_response(node, nest, cx, out),
        InputFormat::DatahubActionsEnvelope => return datahub::actions_envelope(node, text, nest, cx, out),
        InputFormat::AtlanEnvelope => return atlan::envelope(node, text, nest, cx, out),
        InputFormat::AwsLambda => return aws::lambda(node, text, nest, cx, out),
        InputFormat::AwsEventBridge => return aws::event_bridge(node, text, nest, cx, out),
    };
    Ok(Some(Parsed::Event(event)))
}

#[expect(clippy::too_many_arguments, reason = "the member, its envelope and the parse context")]
/// Dispatches a member of `text` that is a JSON object (its exact text found by scanning) or a
/// string holding JSON text.
fn member(
    key: &str,
    value: &Node<'_>,
    text: &str,
    format: InputFormat,
    forced: Option<InputFormat>,
    nest: &Nest,
    cx: &mut Cx,
    out: &mut Sink,
) -> Result<(), Error> {
    match value {
        Node::String(inner) => {
            let child = nest.decoded_at(path::child(&nest.path, key), format);
            parse_text(inner, forced, &child, cx, out);
            Ok(())
        }
        Node::Object(_) => {
            let child = nest.member(key, format);
            let raw = text_of(text, json::scan::member_span(text, key), value);
            dispatch(value, &raw, forced, &child, cx, out);
            Ok(())
        }
        other => Err(Error::at_path(
            ErrorKind::InvalidField,
            path::child(&nest.path, key),
            format!("`{key}` must be an object or a string holding JSON, found {}", other.type_name()),
        )),
    }
}
