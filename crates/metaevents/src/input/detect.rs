//! Recognising what a JSON object is, from the keys only that shape has.

use crate::json::Node;
use crate::options::InputFormat;

/// What a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Detected<'n> {
    /// The Atlan webhook validation request, with its text.
    Validation(&'n str),
    /// An event or an envelope of this format.
    Format(InputFormat),
}

const ATLAN_ENVELOPE_KEYS: &[&str] =
    &["msgCreationTime", "msgCompressionKind", "msgSplitIdx", "msgSplitCount", "msgId", "msgSourceIP", "spooled", "version"];
const LAMBDA_KEYS: &[&str] = &["headers", "requestContext", "isBase64Encoded", "routeKey", "httpMethod", "rawPath"];

/// Detects the format of `node`; `None` when it is no supported shape.
pub(crate) fn detect<'n>(node: &'n Node<'_>) -> Option<Detected<'n>> {
    let object = node.as_object()?;
    let has = |key: &str| object.contains_key(key);
    if let Some(text) = object.get("atlan-webhook").and_then(Node::as_str) {
        return Some(Detected::Validation(text));
    }
    let format = if has("events") && (has("offsetId") || has("count")) {
        InputFormat::DatahubPollResponse
    } else if has("event_type") && has("event") {
        InputFormat::DatahubActionsEnvelope
    } else if has("name") && has("payload") {
        InputFormat::DatahubPlatformEvent
    } else if has("message")
        && (ATLAN_ENVELOPE_KEYS.iter().any(|key| has(key))
            || object.get("message").is_some_and(|message| message.get("operationType").is_some()))
    {
        InputFormat::AtlanEnvelope
    } else if has("operationType") {
        InputFormat::AtlanMessage
    } else if has("sourceUrn") && has("relationshipType") {
        InputFormat::DatahubRelationshipChangeEvent
    } else if has("entityUrn") && (has("category") || has("operation")) {
        InputFormat::DatahubEntityChangeEvent
    } else if has("changeType") && (has("aspectName") || has("entityType")) {
        InputFormat::DatahubMetadataChangeLog
    } else if has("body") && LAMBDA_KEYS.iter().any(|key| has(key)) {
        InputFormat::AwsLambda
    } else if has("detail") && (has("detail-type") || object.len() == 1) {
        InputFormat::AwsEventBridge
    } else {
        return None;
    };
    Some(Detected::Format(format))
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
