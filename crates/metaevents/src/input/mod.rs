//! Inputs: recognising each record's format and unwrapping envelopes (`PlatformEvent`, poll
//! responses, datahub-actions, the notification envelope of Apache Atlas and Atlan with gzip
//! and split messages, `OpenMetadata`'s event lists, AWS Lambda and `EventBridge`, Kafka records
//! in Avro, `CloudEvents`) down to the platform event, which `normalize` turns into events.

mod avro;
mod aws;
pub(crate) mod cloudevents;
mod datahub;
pub(crate) mod detect;
pub(crate) mod kafka;
pub(crate) mod notification;
mod openmetadata;
pub(crate) mod split;

use bumpalo::Bump;

use crate::error::{Error, ErrorKind};
use crate::json::{self, Node, path};
use crate::model::{Parsed, RawRef, Source, Step, ValidationRequest};
use crate::normalize::EnvelopeFacts;
use crate::normalize::{self, Innermost, Normalizer};
use crate::options::InputFormat;
use detect::Detected;
pub(crate) use split::{SplitAssembler, SplitPart};

/// Envelopes may enclose each other (an `EventBridge` event around a Lambda request around an Atlan
/// envelope), but not without end.
const MAX_ENVELOPE_DEPTH: usize = 8;

/// What one document yielded.
#[derive(Debug)]
pub(crate) enum Outcome {
    Parsed(Parsed),
    /// One part of a split notification, to be reassembled with its siblings.
    Split(SplitPart),
}

pub(crate) type Sink = Vec<Result<Outcome, Error>>;

/// What every document handler works with: the normalizer's state, the arena holding the
/// record's trees, and where the outcomes go.
#[derive(Debug)]
pub(crate) struct Unwrapper<'w> {
    pub normalizer: &'w mut Normalizer,
    pub arena: &'w Bump,
    pub out: &'w mut Sink,
}

/// Where a document sits: its JSON path in the record, the envelopes around it, and whether its
/// text was decoded from a string (so JSON line/column positions inside it mean nothing outside).
#[derive(Debug, Clone, Default)]
pub(crate) struct Enclosure {
    pub path: String,
    pub envelope: Vec<InputFormat>,
    pub decoded: bool,
    pub facts: EnvelopeFacts,
    /// The schema registry id of the Kafka record the document came in.
    pub schema_id: Option<u32>,
}

impl Enclosure {
    pub(crate) fn top() -> Self {
        Self { path: "$".to_owned(), ..Self::default() }
    }

    /// The enclosure of a member of this document, inside envelope `format`.
    fn member(&self, key: &str, format: InputFormat) -> Self {
        let mut envelope = self.envelope.clone();
        envelope.push(format);
        Self {
            path: path::child(&self.path, key),
            envelope,
            decoded: self.decoded,
            facts: self.facts,
            schema_id: self.schema_id,
        }
    }

    /// The enclosure of text decoded from a string at `path`.
    fn decoded_at(&self, path: String, format: InputFormat) -> Self {
        let mut envelope = self.envelope.clone();
        envelope.push(format);
        Self { path, envelope, decoded: true, facts: self.facts, schema_id: self.schema_id }
    }

    /// Makes an error found in this document's text point at the right place.
    fn locate(&self, error: Error) -> Error {
        let error = if self.decoded { error.without_position() } else { error };
        if self.path == "$" { error } else { error.nested_in(&self.path) }
    }

    fn inner<'n, 'a>(&'n self, node: &'n Node<'a>, raw: RawRef<'n>) -> Innermost<'n, 'a> {
        Innermost { node, raw, path: &self.path, envelope: self.envelope.clone(), schema_id: self.schema_id }
    }
}

/// Parses `text` (one record, or text decoded from an envelope) and everything inside it.
pub(crate) fn parse_text(
    text: &str,
    forced: Option<InputFormat>,
    enclosure: &Enclosure,
    unwrapper: &mut Unwrapper<'_>,
) {
    if text.trim().is_empty() {
        unwrapper.out.push(Err(enclosure.locate(Error::at_path(ErrorKind::Empty, "$", "no event: the text is empty"))));
        return;
    }
    match json::tree::parse(text, unwrapper.normalizer.limits.max_depth, unwrapper.arena) {
        Ok(node) => dispatch(&node, RawRef::whole(text), forced, enclosure, unwrapper),
        Err(error) => match detect::openmetadata_plain_test_message(text).filter(|_| forced.is_none()) {
            Some(message) => unwrapper.out.push(Ok(Outcome::Parsed(Parsed::ValidationRequest(ValidationRequest {
                source: Source::OpenMetadata,
                message: message.to_owned(),
            })))),
            None => unwrapper.out.push(Err(enclosure.locate(error))),
        },
    }
}

/// Handles an already parsed document, found in its record at `raw`.
fn dispatch(
    node: &Node<'_>,
    raw: RawRef<'_>,
    forced: Option<InputFormat>,
    enclosure: &Enclosure,
    unwrapper: &mut Unwrapper<'_>,
) {
    if enclosure.envelope.len() > MAX_ENVELOPE_DEPTH {
        unwrapper.out.push(Err(Error::at_path(
            ErrorKind::TooDeep,
            enclosure.path.clone(),
            format!("more than {MAX_ENVELOPE_DEPTH} envelopes inside each other"),
        )));
        return;
    }
    if let Node::Array(items) = node {
        // A batch of events in one record: each element is a record of its own.
        for (index, item) in items.iter().enumerate() {
            if index == unwrapper.normalizer.limits.max_events_per_array {
                unwrapper.out.push(Err(Error::at_path(
                    ErrorKind::TooMany,
                    enclosure.path.clone(),
                    format!(
                        "{} events in one JSON array, over the limit of {}",
                        items.len(),
                        unwrapper.normalizer.limits.max_events_per_array
                    ),
                )));
                return;
            }
            let child = Enclosure { path: path::item(&enclosure.path, index), ..enclosure.clone() };
            dispatch(item, raw.then(Step::Element(index)), forced, &child, unwrapper);
        }
        return;
    }
    if enclosure.envelope.last() == Some(&InputFormat::CloudEvent) && cloudevents::is_normalized_event(node) {
        // The data of a CloudEvent metaevents wrote: the event comes back as it was.
        let outcome = cloudevents::normalized_event(node, raw, enclosure).map(Outcome::Parsed);
        unwrapper.out.push(outcome);
        return;
    }
    let detected = match forced {
        Some(format) => Some(Detected::Format(format)),
        None => detect::detect(node),
    };
    let result = match detected {
        Some(Detected::Validation(source, message)) => {
            Ok(Some(Parsed::ValidationRequest(ValidationRequest { source, message: message.to_owned() })))
        }
        Some(Detected::Format(format)) => match forced.and_then(forced_source) {
            // The caller says whose notification it is: no evidence is weighed.
            Some(source) => {
                let mut enclosure = enclosure.clone();
                enclosure.facts.forced_source = Some(source);
                handle(format, node, raw, &enclosure, unwrapper)
            }
            None => handle(format, node, raw, enclosure, unwrapper),
        },
        None => Err(normalize::notification::hook_message(node, &enclosure.path).unwrap_or_else(|| {
            Error::at_path(
                ErrorKind::Unrecognized,
                enclosure.path.clone(),
                format!(
                    "not a catalog event: expected a DataHub change event (entityUrn, category, operation), PlatformEvent, \
                     poll response or datahub-actions envelope, an Atlan or Apache Atlas notification \
                     (message.operationType), an OpenMetadata ChangeEvent (eventType, entityType, entityId), an AWS \
                     Lambda request (body), an EventBridge event (detail) or a CloudEvent (specversion); found {}",
                    detect::describe_keys(node)
                ),
            )
        })),
    };
    match result {
        Ok(Some(parsed)) => unwrapper.out.push(Ok(Outcome::Parsed(parsed))),
        Ok(None) => {}
        Err(error) => unwrapper.out.push(Err(error)),
    }
}

/// Handles one format; events of envelopes are pushed to `out` by the envelope handlers, which
/// return `None`.
fn handle(
    format: InputFormat,
    node: &Node<'_>,
    raw: RawRef<'_>,
    enclosure: &Enclosure,
    unwrapper: &mut Unwrapper<'_>,
) -> Result<Option<Parsed>, Error> {
    let event = match format {
        InputFormat::DatahubEntityChangeEvent => {
            normalize::datahub::entity_change_event(enclosure.inner(node, raw), enclosure.facts, unwrapper.normalizer)?
        }
        InputFormat::DatahubRelationshipChangeEvent => normalize::datahub::relationship_change_event(
            enclosure.inner(node, raw),
            enclosure.facts,
            unwrapper.normalizer,
        )?,
        InputFormat::DatahubMetadataChangeLog => normalize::datahub::unknown(
            enclosure.inner(node, raw),
            crate::model::NativeFormat::MetadataChangeLog,
            None,
            enclosure.facts,
            unwrapper.normalizer,
        ),
        InputFormat::AtlanNotification | InputFormat::AtlasNotification if notification::is_envelope(node) => {
            return notification::envelope(node, raw, enclosure, unwrapper);
        }
        InputFormat::AtlanMessage | InputFormat::AtlanNotification | InputFormat::AtlasNotification => {
            normalize::notification::notification(enclosure.inner(node, raw), enclosure.facts, unwrapper.normalizer)?
        }
        InputFormat::DatahubPlatformEvent => return datahub::platform_event(node, raw, enclosure, unwrapper),
        InputFormat::DatahubPollResponse => return datahub::poll_response(node, enclosure, unwrapper),
        InputFormat::DatahubActionsEnvelope => return datahub::actions_envelope(node, raw, enclosure, unwrapper),
        InputFormat::AtlanEnvelope | InputFormat::AtlasEnvelope => {
            return notification::envelope(node, raw, enclosure, unwrapper);
        }
        InputFormat::AwsLambda => return aws::lambda(node, raw, enclosure, unwrapper),
        InputFormat::AwsEventBridge => return aws::event_bridge(node, raw, enclosure, unwrapper),
        InputFormat::OpenMetadataChangeEvent => return openmetadata::change_event(node, raw, enclosure, unwrapper),
        InputFormat::OpenMetadataEventList => return openmetadata::event_list(node, raw, enclosure, unwrapper),
        InputFormat::CloudEvent => return cloudevents::structured(node, raw, enclosure, unwrapper),
        InputFormat::KafkaAvro => return Err(kafka::not_binary(&enclosure.path)),
    };
    Ok(Some(Parsed::Event(event)))
}

/// The source a forced format names: the notification formats say Atlan or Atlas.
fn forced_source(format: InputFormat) -> Option<Source> {
    match format {
        InputFormat::AtlanEnvelope | InputFormat::AtlanMessage | InputFormat::AtlanNotification => Some(Source::Atlan),
        InputFormat::AtlasEnvelope | InputFormat::AtlasNotification => Some(Source::Atlas),
        _ => None,
    }
}

/// Dispatches a member `key` (at `raw.key`) that is a JSON object or a string holding JSON text.
fn member(
    key: &'static str,
    value: &Node<'_>,
    raw: RawRef<'_>,
    format: InputFormat,
    forced: Option<InputFormat>,
    enclosure: &Enclosure,
    unwrapper: &mut Unwrapper<'_>,
) -> Result<(), Error> {
    match value {
        Node::String(inner) => {
            let child = enclosure.decoded_at(path::child(&enclosure.path, key), format);
            parse_text(inner, forced, &child, unwrapper);
            Ok(())
        }
        Node::Object(_) => {
            let child = enclosure.member(key, format);
            dispatch(value, raw.then(Step::Member(key)), forced, &child, unwrapper);
            Ok(())
        }
        other => Err(Error::at_path(
            ErrorKind::InvalidField,
            path::child(&enclosure.path, key),
            format!("`{key}` must be an object or a string holding JSON, found {}", other.type_name()),
        )),
    }
}
