//! Recognising what a JSON object is, from the keys only that shape has.

use crate::json::Node;
use crate::model::Source;
use crate::options::InputFormat;

/// What a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Detected<'n> {
    /// A webhook's test request (Atlan's validation request, `OpenMetadata`'s test message), with
    /// its text.
    Validation(Source, &'n str),
    /// An event or an envelope of this format.
    Format(InputFormat),
}

/// The keys that tell formats apart, as bits, collected in one pass over an object's keys.
mod key {
    pub const EVENTS: u32 = 1;
    pub const OFFSET_ID: u32 = 1 << 1;
    pub const COUNT: u32 = 1 << 2;
    pub const EVENT_TYPE: u32 = 1 << 3;
    pub const EVENT: u32 = 1 << 4;
    pub const NAME: u32 = 1 << 5;
    pub const PAYLOAD: u32 = 1 << 6;
    pub const MESSAGE: u32 = 1 << 7;
    pub const ATLAN_ENVELOPE: u32 = 1 << 8;
    pub const OPERATION_TYPE: u32 = 1 << 9;
    pub const SOURCE_URN: u32 = 1 << 10;
    pub const RELATIONSHIP_TYPE: u32 = 1 << 11;
    pub const ENTITY_URN: u32 = 1 << 12;
    pub const CATEGORY: u32 = 1 << 13;
    pub const OPERATION: u32 = 1 << 14;
    pub const CHANGE_TYPE: u32 = 1 << 15;
    pub const ASPECT_NAME: u32 = 1 << 16;
    pub const ENTITY_TYPE: u32 = 1 << 17;
    pub const BODY: u32 = 1 << 18;
    pub const LAMBDA: u32 = 1 << 19;
    pub const DETAIL: u32 = 1 << 20;
    pub const DETAIL_TYPE: u32 = 1 << 21;
    pub const SPEC_VERSION: u32 = 1 << 22;
    pub const OM_EVENT_TYPE: u32 = 1 << 23;
    pub const OM_ENTITY: u32 = 1 << 24;
    pub const DATA: u32 = 1 << 25;
    pub const PAGING: u32 = 1 << 26;
}

fn key_bit(name: &str) -> u32 {
    match name {
        "events" => key::EVENTS,
        "offsetId" => key::OFFSET_ID,
        "count" => key::COUNT,
        "event_type" => key::EVENT_TYPE,
        "event" => key::EVENT,
        "name" => key::NAME,
        "payload" => key::PAYLOAD,
        "message" => key::MESSAGE,
        "msgCreationTime" | "msgCompressionKind" | "msgSplitIdx" | "msgSplitCount" | "msgId" | "msgSourceIP"
        | "spooled" | "version" => key::ATLAN_ENVELOPE,
        "operationType" => key::OPERATION_TYPE,
        "sourceUrn" => key::SOURCE_URN,
        "relationshipType" => key::RELATIONSHIP_TYPE,
        "entityUrn" => key::ENTITY_URN,
        "category" => key::CATEGORY,
        "operation" => key::OPERATION,
        "changeType" => key::CHANGE_TYPE,
        "aspectName" => key::ASPECT_NAME,
        "entityType" => key::ENTITY_TYPE,
        "body" => key::BODY,
        "headers" | "requestContext" | "isBase64Encoded" | "routeKey" | "httpMethod" | "rawPath" => key::LAMBDA,
        "detail" => key::DETAIL,
        "detail-type" => key::DETAIL_TYPE,
        "specversion" => key::SPEC_VERSION,
        "eventType" => key::OM_EVENT_TYPE,
        "entityId" | "entityFullyQualifiedName" | "changeDescription" => key::OM_ENTITY,
        "data" => key::DATA,
        "paging" => key::PAGING,
        _ => 0,
    }
}

/// Detects the format of `node`; `None` when it is no supported shape.
pub(crate) fn detect<'n>(node: &'n Node<'_>) -> Option<Detected<'n>> {
    let object = node.as_object()?;
    if let Some(text) = object.get("atlan-webhook").and_then(Node::as_str) {
        return Some(Detected::Validation(Source::Atlan, text));
    }
    if let Some(text) = openmetadata_test_message(node) {
        return Some(Detected::Validation(Source::OpenMetadata, text));
    }
    let keys = object.iter().fold(0, |bits, (name, _)| bits | key_bit(name));
    let all = |wanted: u32| keys & wanted == wanted;
    let any = |wanted: u32| keys & wanted != 0;
    // `specversion` is the one attribute every CloudEvent has and no catalog event does.
    let format = if all(key::SPEC_VERSION) {
        InputFormat::CloudEvent
    } else if all(key::EVENTS) && any(key::OFFSET_ID | key::COUNT) {
        InputFormat::DatahubPollResponse
    } else if all(key::EVENT_TYPE | key::EVENT) {
        InputFormat::DatahubActionsEnvelope
    } else if all(key::NAME | key::PAYLOAD) {
        InputFormat::DatahubPlatformEvent
    } else if all(key::MESSAGE)
        && (any(key::ATLAN_ENVELOPE)
            || object.get("message").is_some_and(|message| message.get("operationType").is_some()))
    {
        InputFormat::AtlanEnvelope
    } else if all(key::OPERATION_TYPE) {
        InputFormat::AtlanMessage
    } else if all(key::SOURCE_URN | key::RELATIONSHIP_TYPE) {
        InputFormat::DatahubRelationshipChangeEvent
    } else if all(key::ENTITY_URN) && any(key::CATEGORY | key::OPERATION) {
        InputFormat::DatahubEntityChangeEvent
    } else if all(key::CHANGE_TYPE) && any(key::ASPECT_NAME | key::ENTITY_TYPE) {
        InputFormat::DatahubMetadataChangeLog
    } else if all(key::OM_EVENT_TYPE | key::ENTITY_TYPE) && any(key::OM_ENTITY) {
        InputFormat::OpenMetadataChangeEvent
    } else if all(key::DATA) && is_change_event_list(object.get("data"), any(key::PAGING)) {
        InputFormat::OpenMetadataEventList
    } else if all(key::BODY) && any(key::LAMBDA) {
        InputFormat::AwsLambda
    } else if all(key::DETAIL) && (all(key::DETAIL_TYPE) || object.len() == 1) {
        InputFormat::AwsEventBridge
    } else {
        return None;
    };
    Some(Detected::Format(format))
}

/// The test message `OpenMetadata` posts when a webhook destination is tested:
/// `{"message": "This is a test message from OpenMetadata to confirm ..."}` (`GenericPublisher`'s
/// `TEST_MESSAGE_JSON`), an object with that one member.
fn openmetadata_test_message<'n>(node: &'n Node<'_>) -> Option<&'n str> {
    let object = node.as_object()?;
    let text = object.get("message").and_then(Node::as_str)?;
    (object.len() == 1 && text.contains("OpenMetadata")).then_some(text)
}

/// The older servers' test message, sent as bare text rather than JSON (`GenericPublisher`
/// posted the sentence itself as the body): recognised when a record is not JSON.
pub(crate) fn openmetadata_plain_test_message(text: &str) -> Option<&str> {
    let text = text.trim();
    text.starts_with("This is a test message from OpenMetadata").then_some(text)
}

/// Whether `data` is `OpenMetadata`'s list of `ChangeEvent`s: an array, with `paging` beside it
/// (the `ResultList` the servers before 1.3 posted) or whose first item has an `eventType`.
fn is_change_event_list(data: Option<&Node<'_>>, paging: bool) -> bool {
    match data {
        Some(Node::Array(items)) => paging || items.first().is_some_and(|item| item.get("eventType").is_some()),
        _ => false,
    }
}

/// Names the keys of an unrecognised object, for the error message.
pub(crate) fn describe_keys(node: &Node<'_>) -> String {
    match node.as_object() {
        Some(object) if object.is_empty() => "an empty object".to_owned(),
        Some(object) => {
            let mut keys: Vec<&str> = object.iter().map(|(key, _)| key).take(8).collect();
            if object.len() > keys.len() {
                keys.push("...");
            }
            format!("an object with keys {}", keys.join(", "))
        }
        None => node.type_name().to_owned(),
    }
}
