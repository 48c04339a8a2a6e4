//! Inputs: recognising each record's format and unwrapping envelopes (`PlatformEvent`, poll
//! responses, datahub-actions, Atlan's envelope with gzip and split messages, AWS Lambda and
//! `EventBridge`) down to the platform event, which `normalize` turns into an [`Event`].

mod atlan;
mod aws;
mod datahub;
pub(crate) mod detect;
pub(crate) mod split;

use bumpalo::Bump;

use crate::error::{Error, ErrorKind};
use crate::json::{self, Node, path};
use crate::model::{Parsed, RawRef, Step, ValidationRequest};
use crate::normalize::atlan::EnvelopeFacts;
use crate::normalize::{self, Cx, Inner};
use crate::options::InputFormat;
use detect::Detected;
pub(crate) use split::{SplitAssembler, SplitPart};

/// Envelopes may nest (an `EventBridge` event around a Lambda request around an Atlan envelope),
/// but not without end.
const MAX_ENVELOPE_DEPTH: usize = 8;

/// What one document yielded.
#[derive(Debug)]
pub(crate) enum Outcome {
    Parsed(Parsed),
    /// One part of a split Atlan message, to be reassembled with its siblings.
    Split(SplitPart),
}

pub(crate) type Sink = Vec<Result<Outcome, Error>>;

/// What every document handler works with: the normalizer's state, the arena holding the
/// record's trees, and where the outcomes go.
#[derive(Debug)]
pub(crate) struct Walk<'w> {
    pub cx: &'w mut Cx,
    pub arena: &'w Bump,
    pub out: &'w mut Sink,
}

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

    fn inner<'n, 'a>(&'n self, node: &'n Node<'a>, raw: RawRef<'n>) -> Inner<'n, 'a> {
        Inner { node, raw, path: &self.path, envelope: self.envelope.clone() }
    }
}

/// Parses `text` (one record, or text decoded from an envelope) and everything inside it.
pub(crate) fn parse_text(text: &str, forced: Option<InputFormat>, nest: &Nest, walk: &mut Walk<'_>) {
    if text.trim().is_empty() {
        walk.out.push(Err(nest.locate(Error::at_path(ErrorKind::Empty, "$", "no event: the text is empty"))));
        return;
    }
    match json::tree::parse(text, walk.cx.limits.max_depth, walk.arena) {
        Ok(node) => dispatch(&node, RawRef::whole(text), forced, nest, walk),
        Err(error) => walk.out.push(Err(nest.locate(error))),
    }
}

/// Handles an already parsed document, found in its record at `raw`.
fn dispatch(node: &Node<'_>, raw: RawRef<'_>, forced: Option<InputFormat>, nest: &Nest, walk: &mut Walk<'_>) {
    if nest.envelope.len() > MAX_ENVELOPE_DEPTH {
        walk.out.push(Err(Error::at_path(
            ErrorKind::TooDeep,
            nest.path.clone(),
            format!("more than {MAX_ENVELOPE_DEPTH} envelopes inside each other"),
        )));
        return;
    }
    if let Node::Array(items) = node {
        // A batch of events in one record: each element is a record of its own.
        for (index, item) in items.iter().enumerate() {
            if index == walk.cx.limits.max_events_per_array {
                walk.out.push(Err(Error::at_path(
                    ErrorKind::TooMany,
                    nest.path.clone(),
                    format!(
                        "{} events in one JSON array, over the limit of {}",
                        items.len(),
                        walk.cx.limits.max_events_per_array
                    ),
                )));
                return;
            }
            let child = Nest { path: path::item(&nest.path, index), ..nest.clone() };
            dispatch(item, raw.then(Step::Element(index)), forced, &child, walk);
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
        Some(Detected::Format(format)) => handle(format, node, raw, nest, walk),
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
        Ok(Some(parsed)) => walk.out.push(Ok(Outcome::Parsed(parsed))),
        Ok(None) => {}
        Err(error) => walk.out.push(Err(error)),
    }
}

/// Handles one format; events of envelopes are pushed to `out` by the envelope handlers, which
/// return `None`.
fn handle(
    format: InputFormat,
    node: &Node<'_>,
    raw: RawRef<'_>,
    nest: &Nest,
    walk: &mut Walk<'_>,
) -> Result<Option<Parsed>, Error> {
    let event = match format {
        InputFormat::DatahubEntityChangeEvent => {
            normalize::datahub::entity_change_event(nest.inner(node, raw), walk.cx)?
        }
        InputFormat::DatahubRelationshipChangeEvent => {
            normalize::datahub::relationship_change_event(nest.inner(node, raw), walk.cx)?
        }
        InputFormat::DatahubMetadataChangeLog => normalize::datahub::unknown(
            nest.inner(node, raw),
            crate::model::NativeFormat::MetadataChangeLog,
            None,
            None,
            walk.cx,
        ),
        InputFormat::AtlanMessage => normalize::atlan::notification(nest.inner(node, raw), nest.facts, walk.cx)?,
        InputFormat::DatahubPlatformEvent => return datahub::platform_event(node, raw, nest, walk),
        InputFormat::DatahubPollResponse => return datahub::poll_response(node, nest, walk),
        InputFormat::DatahubActionsEnvelope => return datahub::actions_envelope(node, raw, nest, walk),
        InputFormat::AtlanEnvelope => return atlan::envelope(node, raw, nest, walk),
        InputFormat::AwsLambda => return aws::lambda(node, raw, nest, walk),
        InputFormat::AwsEventBridge => return aws::event_bridge(node, raw, nest, walk),
    };
    Ok(Some(Parsed::Event(event)))
}

/// Dispatches a member `key` (at `raw.key`) that is a JSON object or a string holding JSON text.
fn member(
    key: &'static str,
    value: &Node<'_>,
    raw: RawRef<'_>,
    format: InputFormat,
    forced: Option<InputFormat>,
    nest: &Nest,
    walk: &mut Walk<'_>,
) -> Result<(), Error> {
    match value {
        Node::String(inner) => {
            let child = nest.decoded_at(path::child(&nest.path, key), format);
            parse_text(inner, forced, &child, walk);
            Ok(())
        }
        Node::Object(_) => {
            let child = nest.member(key, format);
            dispatch(value, raw.then(Step::Member(key)), forced, &child, walk);
            Ok(())
        }
        other => Err(Error::at_path(
            ErrorKind::InvalidField,
            path::child(&nest.path, key),
            format!("`{key}` must be an object or a string holding JSON, found {}", other.type_name()),
        )),
    }
}
