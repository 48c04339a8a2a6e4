//! Normalizers: one platform event (already unwrapped from its envelopes) → one [`Event`]
//! (an `OpenMetadata` `ChangeEvent`: one per change).

pub(crate) mod atlan;
pub(crate) mod atlas;
pub(crate) mod coerce;
pub(crate) mod datahub;
pub(crate) mod notification;
pub(crate) mod openmetadata;
pub(crate) mod urn;

use crate::catalog::Catalog;
use crate::error::{Error, ErrorKind, Result};
use crate::json::{self, Node, Object};
use crate::model::{EventId, NativeFormat, RawRef};
use crate::options::{InputFormat, Limits};

/// `text` in ASCII lowercase (platform names), kept inline when short.
pub(crate) fn lowercase(text: &str) -> compact_str::CompactString {
    let mut lower = compact_str::CompactString::new(text);
    lower.make_ascii_lowercase();
    lower
}

/// Per-parser state shared by every normalization: read-only settings and a scratch buffer.
#[derive(Debug)]
pub(crate) struct Normalizer {
    pub limits: Limits,
    pub catalog: Catalog,
    /// Whether ids are computed while the tree is at hand (else on first use, from `raw`).
    pub eager_ids: bool,
    /// Display names of an Atlan tenant's hashed ids, when the caller gave them.
    pub atlan_names: Option<std::sync::Arc<crate::atlan_names::AtlanNames>>,
    scratch: Vec<u8>,
}

impl Normalizer {
    pub(crate) fn new(limits: Limits) -> Self {
        Self { limits, catalog: Catalog::builtin(), eager_ids: true, atlan_names: None, scratch: Vec::new() }
    }

    pub(crate) fn with_atlan_names(mut self, names: Option<std::sync::Arc<crate::atlan_names::AtlanNames>>) -> Self {
        self.atlan_names = names;
        self
    }

    /// The id of an innermost platform event of `format`, now or (when ids are lazy) on first
    /// use. `part` tells apart the events one input yields: those ids are always computed now,
    /// since `raw` alone cannot give them back.
    pub(crate) fn event_id(&mut self, node: &Node<'_>, format: NativeFormat, part: Option<&str>) -> LazyId {
        let id = std::sync::OnceLock::new();
        if self.eager_ids || part.is_some() {
            let _ = id.set(EventId(json::canonical::digest(node, format.id_rule(), part, &mut self.scratch)));
        }
        id
    }
}

impl Normalizer {
    /// The ids of the events one innermost platform event of `format` yields, one per part,
    /// all computed now (`raw` alone cannot give them back).
    pub(crate) fn event_ids(&mut self, node: &Node<'_>, format: NativeFormat, parts: &[String]) -> Vec<LazyId> {
        json::canonical::digest_parts(node, format.id_rule(), parts, &mut self.scratch)
            .into_iter()
            .map(|id| std::sync::OnceLock::from(EventId(id)))
            .collect()
    }
}

/// What the envelopes around an event know of it: the time the nearest one gives (the
/// notification envelope's `msgCreationTime`, a `PlatformEvent`'s `header.timestampMillis`, an
/// `EventBridge` event's `time`), for events that do not say when they happened; and, for
/// notifications, what tells Atlan's from Apache Atlas's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct EnvelopeFacts {
    /// Epoch milliseconds.
    pub time: Option<i64>,
    /// The notification envelope holding the message is a full `AtlasNotificationMessage` (it
    /// has `msgCreationTime`) without `spooled`, which Atlas writes since 2.2 and Atlan always.
    pub lacks_spooled: bool,
    /// The source the caller forced (`atlan-notification`, `atlas-envelope`, ...), if any.
    pub forced_source: Option<crate::model::Source>,
}

impl EnvelopeFacts {
    /// These facts, with the time of a nearer envelope when it gives one.
    pub(crate) fn with_time(self, time: Option<i64>) -> Self {
        Self { time: time.or(self.time), ..self }
    }
}

/// An event id, computed now or later.
pub(crate) type LazyId = std::sync::OnceLock<EventId>;

/// The innermost platform event: its tree, its exact text, where it sits, how it was wrapped.
#[derive(Debug)]
pub(crate) struct Innermost<'n, 'a> {
    pub node: &'n Node<'a>,
    pub raw: RawRef<'n>,
    pub path: &'n str,
    pub envelope: Vec<InputFormat>,
    /// The schema registry id of the Kafka record it came in.
    pub schema_id: Option<u32>,
}

/// Typed, located access to the members of one JSON object. Its JSON path is `prefix`, or
/// `prefix.sub` for an object one level into a record; it is only written out when an error
/// needs it, which keeps string building off the path of well-formed events.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields<'n, 'a> {
    pub object: &'n Object<'a>,
    prefix: &'n str,
    sub: &'static str,
}

impl<'n, 'a> Fields<'n, 'a> {
    pub(crate) fn of(node: &'n Node<'a>, path: &'n str, what: &str) -> Result<Self> {
        match node.as_object() {
            Some(object) => Ok(Self { object, prefix: path, sub: "" }),
            None => Err(Error::at_path(
                ErrorKind::InvalidField,
                path,
                format!("{what} must be a JSON object, found {}", node.type_name()),
            )),
        }
    }

    /// The object at member `sub` of the object at `prefix`.
    pub(crate) fn nested(object: &'n Object<'a>, prefix: &'n str, sub: &'static str) -> Self {
        Self { object, prefix, sub }
    }

    /// This object's JSON path.
    pub(crate) fn path(&self) -> String {
        if self.sub.is_empty() { self.prefix.to_owned() } else { json::path::child(self.prefix, self.sub) }
    }

    pub(crate) fn child_path(&self, key: &str) -> String {
        json::path::child(&self.path(), key)
    }

    /// A member that is present and not null.
    pub(crate) fn get(&self, key: &str) -> Option<&'n Node<'a>> {
        self.object.get(key).filter(|node| !node.is_null())
    }

    fn missing(&self, key: &str, expected: &str) -> Error {
        Error::at_path(
            ErrorKind::InvalidField,
            self.child_path(key),
            format!("missing required field `{key}` ({expected})"),
        )
    }

    fn wrong_type(&self, key: &str, expected: &str, found: &Node<'_>) -> Error {
        Error::at_path(
            ErrorKind::InvalidField,
            self.child_path(key),
            format!("`{key}` must be {expected}, found {}", found.type_name()),
        )
    }

    pub(crate) fn required_str(&self, key: &str) -> Result<&'n str> {
        match self.get(key) {
            None => Err(self.missing(key, "a string")),
            Some(Node::String(text)) => Ok(text),
            Some(other) => Err(self.wrong_type(key, "a string", other)),
        }
    }

    pub(crate) fn optional_str(&self, key: &str) -> Result<Option<&'n str>> {
        match self.get(key) {
            None => Ok(None),
            Some(Node::String(text)) => Ok(Some(text)),
            Some(other) => Err(self.wrong_type(key, "a string", other)),
        }
    }

    /// A string member, ignoring values of other types (for best-effort fields).
    pub(crate) fn lenient_str(&self, key: &str) -> Option<&'n str> {
        self.get(key).and_then(Node::as_str)
    }

    pub(crate) fn required_object(&self, key: &str) -> Result<&'n Object<'a>> {
        match self.get(key) {
            None => Err(self.missing(key, "an object")),
            Some(Node::Object(object)) => Ok(object),
            Some(other) => Err(self.wrong_type(key, "an object", other)),
        }
    }

    pub(crate) fn optional_object(&self, key: &str) -> Result<Option<&'n Object<'a>>> {
        match self.get(key) {
            None => Ok(None),
            Some(Node::Object(object)) => Ok(Some(object)),
            Some(other) => Err(self.wrong_type(key, "an object", other)),
        }
    }

    /// Epoch milliseconds from a number or a string of digits, within ±2^53.
    pub(crate) fn optional_time(&self, key: &str) -> Result<Option<i64>> {
        let Some(node) = self.get(key) else { return Ok(None) };
        match coerce::integer(node) {
            Some(time) if coerce::is_safe_integer(time) => Ok(Some(time)),
            Some(_) => Err(Error::at_path(
                ErrorKind::NumberOutOfRange,
                self.child_path(key),
                format!("`{key}` is outside the range of epoch milliseconds (±2^53)"),
            )),
            None if matches!(node, Node::Number(_)) => Err(Error::at_path(
                ErrorKind::NumberOutOfRange,
                self.child_path(key),
                format!("`{key}` must be whole epoch milliseconds within ±2^53"),
            )),
            None => Err(self.wrong_type(key, "epoch milliseconds (an integer)", node)),
        }
    }
}

/// Adds `value` to `subjects` unless it is empty or already there.
pub(crate) fn push_subject(subjects: &mut Vec<String>, value: &str) {
    if !value.is_empty() && !subjects.iter().any(|known| known == value) {
        subjects.push(value.to_owned());
    }
}
