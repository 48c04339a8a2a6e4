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
    /// Default deepest nesting: 64 levels (real events enclosure under 10).
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

/// Limits to change from their defaults, as the bindings and the CLI receive them. Each given
/// value is checked; the error of a bad one has the limit's name (`max_depth`) as its path, so
/// a binding can name the option in its own spelling.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LimitOverrides {
    /// [`Limits::max_event_bytes`].
    pub max_event_bytes: Option<u64>,
    /// [`Limits::max_depth`].
    pub max_depth: Option<u64>,
    /// [`Limits::max_events_per_array`].
    pub max_events_per_array: Option<u64>,
}

impl Limits {
    /// The default limits with `overrides` applied, each checked (in declaration order).
    pub fn with_overrides(overrides: LimitOverrides) -> Result<Self> {
        // A limit past what this platform can address means "no limit" in practice.
        let size = |value: u64| usize::try_from(value).unwrap_or(usize::MAX);
        let mut limits = Self::default();
        let check = |limits: Limits, name: &str| limits.validated().map_err(|error| error.with_path(name));
        if let Some(value) = overrides.max_event_bytes {
            limits.max_event_bytes = size(value);
            limits = check(limits, "max_event_bytes")?;
        }
        if let Some(value) = overrides.max_depth {
            limits.max_depth = size(value);
            limits = check(limits, "max_depth")?;
        }
        if let Some(value) = overrides.max_events_per_array {
            limits.max_events_per_array = size(value);
            limits = check(limits, "max_events_per_array")?;
        }
        Ok(limits)
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
    /// The notification envelope Atlan and Apache Atlas share (`{version, msgCompressionKind, ...,
    /// message}`), holding an Atlan notification. Forced, it reads the record as Atlan's.
    AtlanEnvelope,
    /// A bare Atlan notification message (`{type, operationType, eventTime, entity, ...}`).
    AtlanMessage,
    /// An Atlan notification, in its envelope or bare, without telling Atlan from Apache Atlas by
    /// evidence (a format to force; never in `native.envelope`).
    AtlanNotification,
    /// The notification envelope (as [`InputFormat::AtlanEnvelope`]) holding an Apache Atlas or
    /// Microsoft Purview notification. Forced, it reads the record as Atlas's.
    AtlasEnvelope,
    /// An Apache Atlas or Microsoft Purview entity notification, in its envelope or bare, without
    /// telling Atlan from Apache Atlas by evidence (a format to force; never in `native.envelope`).
    AtlasNotification,
    /// An AWS Lambda function URL / API Gateway request whose `body` holds the event.
    AwsLambda,
    /// An AWS `EventBridge` event whose `detail` holds the event.
    AwsEventBridge,
    /// An `OpenMetadata` `ChangeEvent` (`{eventType, entityType, entityId, changeDescription, ...}`).
    OpenMetadataChangeEvent,
    /// `OpenMetadata`'s list of `ChangeEvent`s (`{data: [...], paging}`), as servers before 1.3 posted.
    OpenMetadataEventList,
    /// A Kafka record of `DataHub`'s `PlatformEvent_v1` topic: Avro binary in Confluent's wire
    /// format (byte 0, a 4-byte schema id, the Avro body). Forced on a stream, it reads
    /// length-prefixed records or base64 lines (see [`crate::EventReader`]).
    KafkaAvro,
    /// A `CloudEvents` 1.0 event in structured mode (JSON), whose `data` is a normalized event or
    /// any platform event.
    CloudEvent,
}

impl InputFormat {
    /// Every format, in declaration order.
    pub const ALL: [InputFormat; 17] = [
        Self::DatahubEntityChangeEvent,
        Self::DatahubRelationshipChangeEvent,
        Self::DatahubMetadataChangeLog,
        Self::DatahubPlatformEvent,
        Self::DatahubPollResponse,
        Self::DatahubActionsEnvelope,
        Self::AtlanEnvelope,
        Self::AtlanMessage,
        Self::AtlanNotification,
        Self::AtlasEnvelope,
        Self::AtlasNotification,
        Self::AwsLambda,
        Self::AwsEventBridge,
        Self::OpenMetadataChangeEvent,
        Self::OpenMetadataEventList,
        Self::KafkaAvro,
        Self::CloudEvent,
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
            Self::AtlanNotification => "atlan-notification",
            Self::AtlasEnvelope => "atlas-envelope",
            Self::AtlasNotification => "atlas-notification",
            Self::AwsLambda => "aws-lambda",
            Self::AwsEventBridge => "aws-eventbridge",
            Self::OpenMetadataChangeEvent => "openmetadata-change-event",
            Self::OpenMetadataEventList => "openmetadata-event-list",
            Self::KafkaAvro => "kafka-avro",
            Self::CloudEvent => "cloudevent",
        }
    }

    /// Looks a format up by its name.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|format| format.as_str() == name)
    }

    /// What the format is, in a few words.
    pub fn description(self) -> &'static str {
        match self {
            Self::DatahubEntityChangeEvent => "a bare DataHub Entity Change Event",
            Self::DatahubRelationshipChangeEvent => "a bare DataHub Relationship Change Event",
            Self::DatahubMetadataChangeLog => "a DataHub MetadataChangeLog (kept whole as an unknown event)",
            Self::DatahubPlatformEvent => "a DataHub PlatformEvent record as JSON ({header, name, payload})",
            Self::DatahubPollResponse => "a DataHub Events API poll response ({offsetId, count, events})",
            Self::DatahubActionsEnvelope => "a datahub-actions envelope ({event_type, event, meta})",
            Self::AtlanEnvelope => "an Atlan notification envelope ({version, msgCompressionKind, ..., message})",
            Self::AtlanMessage => "a bare Atlan notification message ({type, operationType, eventTime, entity, ...})",
            Self::AtlanNotification => "an Atlan notification, in its envelope or bare (the source is not guessed)",
            Self::AtlasEnvelope => {
                "an Apache Atlas / Microsoft Purview notification envelope ({version, msgCompressionKind, ..., message})"
            }
            Self::AtlasNotification => {
                "an Apache Atlas / Microsoft Purview entity notification, in its envelope or bare (the source is not guessed)"
            }
            Self::AwsLambda => "an AWS Lambda function URL / API Gateway request whose body holds the event",
            Self::AwsEventBridge => "an AWS EventBridge event whose detail holds the event",
            Self::OpenMetadataChangeEvent => {
                "an OpenMetadata ChangeEvent ({eventType, entityType, entityId, changeDescription, ...})"
            }
            Self::OpenMetadataEventList => "an OpenMetadata list of ChangeEvents ({data: [...], paging})",
            Self::KafkaAvro => {
                "a DataHub PlatformEvent Kafka record: Avro in Confluent's wire format (0x00, schema id, body); \
                 a stream of them is length-prefixed records or base64 lines"
            }
            Self::CloudEvent => "a CloudEvents 1.0 event in structured mode whose data is an event",
        }
    }
}

impl std::str::FromStr for InputFormat {
    type Err = Error;

    /// A format by its name; the error lists the names.
    fn from_str(name: &str) -> Result<Self> {
        Self::from_name(name).ok_or_else(|| {
            let known: Vec<&str> = Self::ALL.iter().map(|format| format.as_str()).collect();
            Error::new(
                ErrorKind::InvalidOption,
                format!("unknown input format `{name}`: expected one of {}", known.join(", ")),
            )
            .with_path("format")
        })
    }
}

/// How to parse: which format to expect (auto-detected when `None`), the limits, and the
/// display names of an Atlan tenant's hashed ids.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParseOptions {
    /// Forces the outermost format instead of detecting it.
    pub format: Option<InputFormat>,
    /// Bounds on size and nesting.
    pub limits: Limits,
    /// Names written beside Atlan's hashed tag and custom-metadata ids.
    pub atlan_names: Option<std::sync::Arc<crate::atlan_names::AtlanNames>>,
}
