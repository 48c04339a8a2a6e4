//! Parse options: the input format (auto-detected unless forced) and the limits.

use crate::error::{Error, ErrorKind, Result};

/// Bounds on what one event may cost. Hitting one is a clear error for that record only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest event (one NDJSON line, one array element, one decoded message) in bytes.
    pub max_event_bytes: usize,
    /// Deepest nesting of arrays and objects inside one event.
    pub max_depth: usize,
    /// Most events one JSON array or poll response may hold.
    pub max_events_per_array: usize,
}

impl Limits {
    /// Default largest event: 4 MiB (real Atlan events are 1-3 KB, `DataHub` ones under 1 KB).
    pub const DEFAULT_MAX_EVENT_BYTES: usize = 4 * 1024 * 1024;
    /// Default deepest nesting: 64 levels (real events nest under 10).
    pub const DEFAULT_MAX_DEPTH: usize = 64;
    /// Default most events per array: one million.
    pub const DEFAULT_MAX_EVENTS_PER_ARRAY: usize = 1_000_000;
    /// Ceiling for `max_depth`: deeper recursion could exhaust the stack of a wasm module or a
    /// Python thread, so no setting goes past it.
    pub const MAX_DEPTH_CEILING: usize = 512;

    /// Returns these limits after checking that each is usable.
    pub fn validated(self) -> Result<Self> {
        if self.max_event_bytes == 0 {
            return Err(Error::new(ErrorKind::InvalidOption, "max_event_bytes must be at least 1"));
        }
        if self.max_depth == 0 || self.max_depth > Self::MAX_DEPTH_CEILING {
            return Err(Error::new(
                ErrorKind::InvalidOption,
                format!("max_depth must be between 1 and {}", Self::MAX_DEPTH_CEILING),
            ));
        }
        if self.max_events_per_array == 0 {
            return Err(Error::new(ErrorKind::InvalidOption, "max_events_per_array must be at least 1"));
        }
        Ok(self)
    }
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_event_bytes: Self::DEFAULT_MAX_EVENT_BYTES,
            max_depth: Self::DEFAULT_MAX_DEPTH,
            max_events_per_array: Self::DEFAULT_MAX_EVENTS_PER_ARRAY,
        }
    }
}

/// The outermost shape of an input, when the caller knows it and wants no guessing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum InputFormat {
    /// A bare `DataHub` Entity Change Event.
    DatahubEntityChangeEvent,
    /// A bare `DataHub` Relationship Change Event.
    DatahubRelationshipChangeEvent,
    /// A `DataHub` `MetadataChangeLog` (kept whole as an `unknown` event).
    DatahubMetadataChangeLog,
    /// A `DataHub` `PlatformEvent` record as JSON (`{header, name, payload}`).
    DatahubPlatformEvent,
    /// A `DataHub` Events API poll response (`{offsetId, count, events}`).
    DatahubPollResponse,
    /// A datahub-actions envelope (`{event_type, event, meta}`).
    DatahubActionsEnvelope,
    /// An Atlan notification envelope (`{version, msgCompressionKind, ..., message}`).
    AtlanEnvelope,
    /// A bare Atlan notification message (`{type, operationType, eventTime, entity, ...}`).
    AtlanMessage,
    /// An AWS Lambda function URL / API Gateway request whose `body` holds the event.
    AwsLambda,
    /// An AWS `EventBridge` event whose `detail` holds the event.
    AwsEventBridge,
}

impl InputFormat {
    /// Every format, in declaration order.
    pub const ALL: [InputFormat; 10] = [
        Self::DatahubEntityChangeEvent,
        Self::DatahubRelationshipChangeEvent,
        Self::DatahubMetadataChangeLog,
        Self::DatahubPlatformEvent,
        Self::DatahubPollResponse,
        Self::DatahubActionsEnvelope,
        Self::AtlanEnvelope,
        Self::AtlanMessage,
        Self::AwsLambda,
        Self::AwsEventBridge,
    ];

    /// The stable name used in `native.envelope`, by the CLI's `--format` and by the bindings.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::DatahubEntityChangeEvent => "datahub-ece",
            Self::DatahubRelationshipChangeEvent => "datahub-rce",
            Self::DatahubMetadataChangeLog => "datahub-mcl",
            Self::DatahubPlatformEvent => "datahub-platform-event",
            Self::DatahubPollResponse => "datahub-poll-response",
            Self::DatahubActionsEnvelope => "datahub-actions-envelope",
            Self::AtlanEnvelope => "atlan-envelope",
            Self::AtlanMessage => "atlan-message",
            Self::AwsLambda => "aws-lambda",
            Self::AwsEventBridge => "aws-eventbridge",
        }
    }

    /// Looks a format up by its name.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|format| format.as_str() == name)
    }
}

/// How to parse: which format to expect (auto-detected when `None`) and the limits.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParseOptions {
    /// Forces the outermost format instead of detecting it.
    pub format: Option<InputFormat>,
    /// Bounds on size and nesting.
    pub limits: Limits,
}
