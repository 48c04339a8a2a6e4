//! `CloudEvents` 1.0, the CNCF envelope event routers speak (Knative, Azure Event Grid, AWS
//! `EventBridge` pipes, Google Eventarc): a normalized event leaves as one
//! ([`Event::to_cloudevent`]) and comes back ([`crate::parse`] of the JSON, or
//! [`crate::parse_http`] of an HTTP request in binary or structured mode).
//!
//! The structured-mode JSON (`cloudevents/spec` v1.0.2, `spec.md`, `formats/json-format.md`):
//!
//! | attribute | value |
//! |---|---|
//! | `specversion` | `"1.0"` |
//! | `id` | the event id (32 hex characters), unique per event whatever envelope it came in |
//! | `source` | a URI-reference naming the catalog: [`default_source`] (`/metaevents/datahub`), or the instance's own URI ([`CloudEventOptions::with_source`]) |
//! | `type` | `io.metaevents.` + the kind (`io.metaevents.tag.added`) |
//! | `subject` | `entity.id` (left out when the event names no entity) |
//! | `time` | `time` in RFC 3339, UTC, milliseconds (left out when the event has no time, or a year outside 0000-9999, which RFC 3339 cannot write) |
//! | `datacontenttype` | `application/json` |
//! | `catalogsource`, `entitytype`, `platform` | extension attributes for routing without knowing kinds: `source`, `entity.type`, `entity.platform` (each left out when null) |
//! | `data` | the normalized event, with `raw` unless asked otherwise |
//!
//! Unset attributes are left out rather than written as `null` (the Python SDK rejects
//! `"subject": null`); extension names are lowercase letters and at most 20 characters, as the
//! spec's naming convention asks.

use std::borrow::Cow;

use serde::Serialize;
use serde::ser::SerializeMap;

use crate::error::{Error, ErrorKind, Result};
use crate::input::cloudevents::SPEC_VERSION;
use crate::model::{Event, Source};

/// Prefix of every `type`: reverse DNS of the project, then the kind.
pub const TYPE_PREFIX: &str = "io.metaevents.";

/// Prefix of the default `source`, followed by the catalog (`/metaevents/datahub`).
pub const DEFAULT_SOURCE_PREFIX: &str = "/metaevents/";

/// The media type of a structured-mode `CloudEvent` in JSON (HTTP `Content-Type`).
pub const STRUCTURED_CONTENT_TYPE: &str = "application/cloudevents+json";

/// The `datacontenttype` of the events metaevents writes.
pub const DATA_CONTENT_TYPE: &str = "application/json";

/// The default `source` of events of a catalog: `/metaevents/datahub`, `/metaevents/atlan`,
/// `/metaevents/atlas`, `/metaevents/openmetadata`.
///
/// A relative URI-reference, as the spec allows (`/sensors/tn-1234567/alerts` is its own
/// example) and as routers' own sources do when they cannot know their deployment's address
/// (Knative's `PingSource` writes `/apis/v1/namespaces/NS/pingsources/NAME`): metaevents cannot
/// know the catalog instance's URL, and a URN would need a registered namespace. It is stable,
/// names the catalog, and shares its `/metaevents/` prefix across catalogs for prefix filters.
/// Set the instance's own URI (`https://datahub.example.com`) with
/// [`CloudEventOptions::with_source`].
pub fn default_source(source: Source) -> String {
    format!("{DEFAULT_SOURCE_PREFIX}{}", source.as_str())
}

/// How events are written as `CloudEvents`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CloudEventOptions {
    source: Option<String>,
    include_raw: bool,
}

impl Default for CloudEventOptions {
    fn default() -> Self {
        Self { source: None, include_raw: true }
    }
}

impl CloudEventOptions {
    /// The defaults: `source` per catalog ([`default_source`]), `data` with `raw`.
    pub fn new() -> Self {
        Self::default()
    }

    /// The same options with `source` for every event (the catalog instance, as
    /// `https://datahub.example.com`): it must be a URI-reference (RFC 3986).
    pub fn with_source(mut self, source: &str) -> Result<Self> {
        if !is_uri_reference(source) {
            return Err(Error::new(
                ErrorKind::InvalidOption,
                format!(
                    "the CloudEvents source {source:?} is not a URI-reference (RFC 3986): use a URI such as \
                     https://datahub.example.com or a path such as /metaevents/datahub, with spaces and other \
                     characters percent-encoded"
                ),
            )
            .with_path("source"));
        }
        self.source = Some(source.to_owned());
        Ok(self)
    }

    /// The same options, with `raw` in `data` or not. An event written without `raw` cannot be
    /// read back.
    #[must_use]
    pub fn with_raw(mut self, include_raw: bool) -> Self {
        self.include_raw = include_raw;
        self
    }

    /// The `source` set for every event, if any.
    pub fn source(&self) -> Option<&str> {
        self.source.as_deref()
    }

    /// Whether `data` holds `raw`.
    pub fn include_raw(&self) -> bool {
        self.include_raw
    }

    fn source_of(&self, event: &Event) -> Cow<'_, str> {
        match &self.source {
            Some(source) => Cow::Borrowed(source),
            None => Cow::Owned(default_source(event.source())),
        }
    }
}

/// Serializes an [`Event`] as a structured-mode `CloudEvent`. Obtained from
/// [`Event::as_cloudevent`].
#[derive(Debug, Clone, Copy)]
pub struct CloudEventJson<'a> {
    event: &'a Event,
    options: &'a CloudEventOptions,
}

impl Serialize for CloudEventJson<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let event = self.event;
        let entity = event.entity();
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("specversion", SPEC_VERSION)?;
        map.serialize_entry("id", &event.id().to_string())?;
        map.serialize_entry("source", &self.options.source_of(event))?;
        map.serialize_entry("type", &format!("{TYPE_PREFIX}{}", event.kind().as_str()))?;
        if let Some(subject) = entity.id.as_deref().filter(|id| !id.is_empty()) {
            map.serialize_entry("subject", subject)?;
        }
        if let Some(time) = event.time().and_then(rfc3339_millis) {
            map.serialize_entry("time", &time)?;
        }
        map.serialize_entry("datacontenttype", DATA_CONTENT_TYPE)?;
        map.serialize_entry("catalogsource", event.source().as_str())?;
        // Extension values are non-empty strings (an empty one would read as unset).
        for (name, value) in [("entitytype", &entity.entity_type), ("platform", &entity.platform)] {
            if let Some(value) = value.as_deref().filter(|value| !value.is_empty()) {
                map.serialize_entry(name, value)?;
            }
        }
        map.serialize_entry("data", &event.as_json(self.options.include_raw))?;
        map.end()
    }
}

impl Event {
    /// A serializable view that writes this event as a structured-mode `CloudEvent` (see the
    /// [module](crate::cloudevents) for each attribute).
    pub fn as_cloudevent<'a>(&'a self, options: &'a CloudEventOptions) -> CloudEventJson<'a> {
        CloudEventJson { event: self, options }
    }

    /// This event as a structured-mode `CloudEvent` in JSON, on one line.
    ///
    /// ```
    /// let event = metaevents::parse(br#"{"entityUrn": "urn:li:dataset:(urn:li:dataPlatform:snowflake,db.orders,PROD)",
    ///     "entityType": "dataset", "category": "TAG", "operation": "ADD", "modifier": "urn:li:tag:PII",
    ///     "auditStamp": {"time": 1718035200123, "actor": "urn:li:corpuser:jane"}, "version": 0}"#)
    ///     .unwrap().into_event().unwrap();
    /// let options = metaevents::cloudevents::CloudEventOptions::new();
    /// let cloudevent: serde_json::Value = serde_json::from_str(&event.to_cloudevent_json(&options)).unwrap();
    /// assert_eq!(cloudevent["type"], "io.metaevents.tag.added");
    /// assert_eq!(cloudevent["source"], "/metaevents/datahub");
    /// assert_eq!(cloudevent["time"], "2024-06-10T16:00:00.123Z");
    /// // And back: the same event.
    /// let again = metaevents::parse(event.to_cloudevent_json(&options).as_bytes()).unwrap().into_event().unwrap();
    /// assert_eq!(again, event);
    /// ```
    pub fn to_cloudevent_json(&self, options: &CloudEventOptions) -> String {
        // Serializing plain data into a String cannot fail.
        serde_json::to_string(&self.as_cloudevent(options)).unwrap_or_default()
    }

    /// This event as a structured-mode `CloudEvent`, as a JSON value.
    pub fn to_cloudevent(&self, options: &CloudEventOptions) -> serde_json::Value {
        serde_json::to_value(self.as_cloudevent(options)).unwrap_or(serde_json::Value::Null)
    }
}

/// Epoch milliseconds as RFC 3339 in UTC with milliseconds (`2024-06-10T16:00:00.123Z`); `None`
/// for years outside 0000-9999, which RFC 3339 cannot write.
pub fn rfc3339_millis(millis: i64) -> Option<String> {
    let seconds = millis.div_euclid(1000);
    let days = seconds.div_euclid(86_400);
    let rest = seconds.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    if !(0..=9999).contains(&year) {
        return None;
    }
    Some(format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60,
        millis.rem_euclid(1000)
    ))
}

/// Howard Hinnant's `civil_from_days`: days since 1970-01-01 to (year, month, day).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Whether `text` is a URI-reference (RFC 3986 §4.1): only the characters a URI may hold,
/// percent-escapes complete, and a colon before the first `/`, `?` or `#` only after a scheme.
fn is_uri_reference(text: &str) -> bool {
    let bytes = text.as_bytes();
    let allowed = |b: u8| b.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=%".contains(&b);
    if bytes.is_empty() || !bytes.iter().all(|&b| allowed(b)) {
        return false;
    }
    for (index, _) in text.match_indices('%') {
        let hex = bytes.get(index + 1..index + 3);
        if !hex.is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit)) {
            return false;
        }
    }
    let first_part = text.split(['/', '?', '#']).next().unwrap_or_default();
    match first_part.split_once(':') {
        None => true,
        Some((scheme, _)) => {
            scheme.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
                && scheme.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
        }
    }
}

/// How an HTTP request carries its event (HTTP protocol binding §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HttpMode {
    /// `Content-Type: application/cloudevents+json` (or `-batch`): the body is a `CloudEvent`.
    Structured,
    /// `ce-*` headers: the body is the `data`.
    Binary,
    /// No `CloudEvent`: the body is the event.
    Plain,
}

/// The mode of a request with these headers; a binary-mode `CloudEvent` of another
/// `specversion` than 1.0 is an error.
pub(crate) fn http_mode<I, K, V>(headers: I) -> Result<HttpMode>
where
    I: IntoIterator<Item = (K, V)>,
    K: AsRef<str>,
    V: AsRef<str>,
{
    let mut content_type = String::new();
    let mut spec_version: Option<String> = None;
    let mut binary = false;
    for (name, value) in headers {
        let name = name.as_ref().trim();
        let value = value.as_ref().trim();
        if name.eq_ignore_ascii_case("content-type") {
            value.clone_into(&mut content_type);
        } else if let Some(attribute) =
            name.get(..3).filter(|prefix| prefix.eq_ignore_ascii_case("ce-")).and(name.get(3..))
        {
            binary = true;
            if attribute.eq_ignore_ascii_case("specversion") {
                spec_version = Some(value.to_owned());
            }
        }
    }
    let media_type = content_type.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    if media_type.starts_with("application/cloudevents") {
        return Ok(HttpMode::Structured);
    }
    if !binary {
        return Ok(HttpMode::Plain);
    }
    match spec_version.as_deref() {
        Some(SPEC_VERSION) => Ok(HttpMode::Binary),
        Some(other) => Err(Error::new(
            ErrorKind::InvalidField,
            format!("CloudEvents specversion `{other}` is not supported: metaevents reads {SPEC_VERSION}"),
        )
        .with_path("ce-specversion")),
        None => Err(Error::new(
            ErrorKind::InvalidField,
            "a binary-mode CloudEvent (ce-* headers) needs the ce-specversion header",
        )
        .with_path("ce-specversion")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_rfc3339_within_four_digit_years() {
        assert_eq!(rfc3339_millis(0).as_deref(), Some("1970-01-01T00:00:00.000Z"));
        assert_eq!(rfc3339_millis(1_718_035_200_123).as_deref(), Some("2024-06-10T16:00:00.123Z"));
        assert_eq!(rfc3339_millis(-1).as_deref(), Some("1969-12-31T23:59:59.999Z"));
        assert_eq!(rfc3339_millis(253_402_300_799_999).as_deref(), Some("9999-12-31T23:59:59.999Z"));
        assert_eq!(rfc3339_millis(253_402_300_800_000), None);
        assert_eq!(rfc3339_millis(-62_167_219_200_000).as_deref(), Some("0000-01-01T00:00:00.000Z"));
        assert_eq!(rfc3339_millis(-62_167_219_200_001), None);
    }

    #[test]
    fn sources_must_be_uri_references() {
        for good in [
            "/metaevents/datahub",
            "https://datahub.example.com",
            "urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66",
            "datahub",
            "https://example.com/a%20b?x=1#f",
        ] {
            assert!(CloudEventOptions::new().with_source(good).is_ok(), "{good}");
        }
        for bad in ["", "a b", "https://example.com/é", "1http://x", "%zz", "50%", ":nothing"] {
            let error = CloudEventOptions::new().with_source(bad).unwrap_err();
            assert_eq!((error.kind(), error.path()), (ErrorKind::InvalidOption, Some("source")), "{bad}");
        }
    }
}
