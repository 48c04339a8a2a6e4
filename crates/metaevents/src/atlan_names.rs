//! Atlan's hashed names: Atlan sends tags, custom-metadata sets and their attributes as hashed
//! internal names (`jUQpLPdg9hWoheH2eL9Ha2`) while users know them by the names its UI shows.
//! Given the tenant's typedefs (`GET /api/meta/types/typedefs?type=CLASSIFICATION` and
//! `?type=BUSINESS_METADATA`, whose `name` is the hashed id and `displayName` the UI name — as
//! pyatlan's tag and custom-metadata caches read them) or a plain `{id: name}` map, the normalizer
//! writes the display names beside the ids; the ids stay where they were.

use std::collections::HashMap;

use serde_json::Value;

use crate::error::{Error, ErrorKind, Result};

/// Display names of an Atlan tenant's hashed tag, custom-metadata set and attribute ids.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AtlanNames {
    tags: HashMap<String, String>,
    sets: HashMap<String, String>,
    /// Attribute names by set id, then attribute id.
    attributes: HashMap<String, HashMap<String, String>>,
    /// Names from a plain map, for any id.
    plain: HashMap<String, String>,
}

impl AtlanNames {
    /// From the JSON of Atlan's typedefs API (an object with `classificationDefs` and/or
    /// `businessMetadataDefs`), a list of such documents, or a plain `{id: name}` object.
    pub fn from_value(value: &Value) -> Result<Self> {
        let mut names = Self::default();
        match value {
            Value::Array(documents) => {
                for (index, document) in documents.iter().enumerate() {
                    names.add_typedefs(document, &format!("atlan_typedefs[{index}]"))?;
                }
            }
            Value::Object(object)
                if object.contains_key("classificationDefs") || object.contains_key("businessMetadataDefs") =>
            {
                names.add_typedefs(value, "atlan_typedefs")?;
            }
            Value::Object(object) => {
                for (id, name) in object {
                    let name = name.as_str().ok_or_else(|| {
                        invalid(format!("atlan_typedefs.{id}"), "a plain map of Atlan names maps each id to a string")
                    })?;
                    names.plain.insert(id.clone(), name.to_owned());
                }
            }
            _ => {
                return Err(invalid(
                    "atlan_typedefs".to_owned(),
                    "Atlan typedefs are the JSON of its typedefs API, a list of those, or an {id: name} object",
                ));
            }
        }
        Ok(names)
    }

    /// [`AtlanNames::from_value`] of JSON text (the body of a typedefs API response).
    pub fn from_json(text: &str) -> Result<Self> {
        let value: Value = serde_json::from_str(text)
            .map_err(|err| invalid("atlan_typedefs".to_owned(), &format!("the Atlan typedefs are not JSON: {err}")))?;
        Self::from_value(&value)
    }

    fn add_typedefs(&mut self, document: &Value, at: &str) -> Result<()> {
        let defs = |key: &str| -> Result<&[Value]> {
            match document.get(key) {
                None | Some(Value::Null) => Ok(&[]),
                Some(Value::Array(defs)) => Ok(defs),
                Some(_) => Err(invalid(format!("{at}.{key}"), "must be a list of type definitions")),
            }
        };
        for def in defs("classificationDefs")? {
            if let (Some(id), Some(name)) = (text(def, "name"), text(def, "displayName")) {
                self.tags.insert(id.to_owned(), name.to_owned());
            }
        }
        for def in defs("businessMetadataDefs")? {
            let Some(set_id) = text(def, "name") else { continue };
            if let Some(name) = text(def, "displayName") {
                self.sets.insert(set_id.to_owned(), name.to_owned());
            }
            let attributes = self.attributes.entry(set_id.to_owned()).or_default();
            for attribute in def.get("attributeDefs").and_then(Value::as_array).map_or(&[][..], Vec::as_slice) {
                if let (Some(id), Some(name)) = (text(attribute, "name"), text(attribute, "displayName")) {
                    attributes.insert(id.to_owned(), name.to_owned());
                }
            }
        }
        Ok(())
    }

    /// The display name of a tag id.
    pub fn tag(&self, id: &str) -> Option<&str> {
        self.tags.get(id).or_else(|| self.plain.get(id)).map(String::as_str)
    }

    /// The display name of a custom-metadata set id.
    pub fn custom_metadata_set(&self, id: &str) -> Option<&str> {
        self.sets.get(id).or_else(|| self.plain.get(id)).map(String::as_str)
    }

    /// The display name of an attribute of a custom-metadata set.
    pub fn custom_metadata_attribute(&self, set_id: &str, id: &str) -> Option<&str> {
        self.attributes
            .get(set_id)
            .and_then(|attributes| attributes.get(id))
            .or_else(|| self.plain.get(id))
            .map(String::as_str)
    }

    /// How many names are known.
    pub fn len(&self) -> usize {
        self.tags.len() + self.sets.len() + self.attributes.values().map(HashMap::len).sum::<usize>() + self.plain.len()
    }

    /// Whether no name is known.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn text<'v>(value: &'v Value, key: &str) -> Option<&'v str> {
    value.get(key).and_then(Value::as_str).filter(|text| !text.is_empty())
}

fn invalid(path: String, message: &str) -> Error {
    Error::new(ErrorKind::InvalidOption, message).with_path(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_typedefs_and_plain_maps() {
        let typedefs = json!({
            "classificationDefs": [{"name": "cTrLMeBjKNeRV7HzBSL11u", "displayName": "Public"}],
            "businessMetadataDefs": [{"name": "VAyiOnGbcBi9kQAvj8dkjS", "displayName": "Monte Carlo",
                "attributeDefs": [{"name": "igncTH6FJjc6qA8k0KH5cy", "displayName": "Monte Carlo Table URL"}]}],
        });
        let names = AtlanNames::from_value(&typedefs).unwrap();
        assert_eq!(names.tag("cTrLMeBjKNeRV7HzBSL11u"), Some("Public"));
        assert_eq!(names.custom_metadata_set("VAyiOnGbcBi9kQAvj8dkjS"), Some("Monte Carlo"));
        assert_eq!(
            names.custom_metadata_attribute("VAyiOnGbcBi9kQAvj8dkjS", "igncTH6FJjc6qA8k0KH5cy"),
            Some("Monte Carlo Table URL")
        );
        assert_eq!(names.tag("unknown"), None);
        let plain = AtlanNames::from_value(&json!({"jUQpLPdg9hWoheH2eL9Ha2": "PII"})).unwrap();
        assert_eq!(plain.tag("jUQpLPdg9hWoheH2eL9Ha2"), Some("PII"));
        let bad = AtlanNames::from_value(&json!({"x": 1})).unwrap_err();
        assert_eq!((bad.kind(), bad.path()), (ErrorKind::InvalidOption, Some("atlan_typedefs.x")));
        assert!(AtlanNames::from_value(&json!("x")).is_err());
    }
}
