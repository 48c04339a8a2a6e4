//! [`Details`]: the kind-specific typed fields of an event. A small sorted list rather than a
//! map: events carry a handful of details, and most names are the catalog's own static strings.

use std::borrow::Cow;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use serde_json::{Map, Value};

/// The typed fields of an event by name, in name order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Details {
    entries: Vec<(Cow<'static, str>, Value)>,
}

impl Details {
    /// A field by name.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.position(name).ok().and_then(|index| self.entries.get(index)).map(|(_, value)| value)
    }

    /// Whether a field is present.
    pub fn contains_key(&self, name: &str) -> bool {
        self.position(name).is_ok()
    }

    /// The fields in name order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, &Value)> {
        self.entries.iter().map(|(name, value)| (name.as_ref(), value))
    }

    /// How many fields.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The fields as a JSON object.
    pub fn to_map(&self) -> Map<String, Value> {
        self.iter().map(|(name, value)| (name.to_owned(), value.clone())).collect()
    }

    fn position(&self, name: &str) -> Result<usize, usize> {
        self.entries.binary_search_by(|(known, _)| known.as_ref().cmp(name))
    }

    /// Sets a field (replacing one of the same name).
    pub(crate) fn insert(&mut self, name: impl Into<Cow<'static, str>>, value: Value) {
        let name = name.into();
        match self.position(&name) {
            Ok(index) => {
                if let Some(slot) = self.entries.get_mut(index) {
                    slot.1 = value;
                }
            }
            Err(index) => self.entries.insert(index, (name, value)),
        }
    }

    /// Gives back spare capacity: events are held long after they are built.
    pub(crate) fn shrink(&mut self) {
        self.entries.shrink_to_fit();
    }
}

impl From<Map<String, Value>> for Details {
    fn from(map: Map<String, Value>) -> Self {
        let mut details = Details::default();
        for (name, value) in map {
            details.insert(name, value);
        }
        details
    }
}

impl Serialize for Details {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.entries.len()))?;
        for (name, value) in &self.entries {
            map.serialize_entry(name.as_ref(), value)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keeps_names_sorted_and_unique() {
        let mut details = Details::default();
        details.insert("tagUrn", json!("urn:li:tag:PII"));
        details.insert(String::from("context"), json!({}));
        details.insert("tagUrn", json!("urn:li:tag:Gold"));
        assert_eq!(details.len(), 2);
        assert_eq!(details.get("tagUrn"), Some(&json!("urn:li:tag:Gold")));
        assert_eq!(serde_json::to_string(&details).unwrap(), r#"{"context":{},"tagUrn":"urn:li:tag:Gold"}"#);
    }
}
