//! JS values in and out through serde-wasm-bindgen: options objects, filter specs, configs and
//! headers come in as typed serde values; specs, tables, issues and errors go out as plain JS
//! objects.

use serde::Serialize;
use serde::de::{DeserializeOwned, Visitor};
use serde_wasm_bindgen::{Deserializer, Serializer};
use wasm_bindgen::{JsCast, JsValue};

/// `value` as a plain JS value, as `JSON.parse` would give it: objects (never `Map`s), numbers
/// (never `BigInt`s), `null` for `None`. Fails only on an integer past 2^53.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    Ok(value.serialize(&Serializer::json_compatible())?)
}

/// Why a JS value could not be read: serde's message and the place in the value, if any
/// (`maxDepth`, `filters[0]`).
#[derive(Debug)]
pub(crate) struct ReadError {
    pub message: String,
    pub path: Option<String>,
}

/// Reads a JS value as `T`. An object read as a struct is read as a map, so a struct that
/// denies unknown fields sees every key (serde-wasm-bindgen reads a struct by looking up its
/// declared fields only, so a misspelled option would pass unseen).
pub(crate) fn from_js<T: DeserializeOwned>(value: JsValue) -> Result<T, ReadError> {
    serde_path_to_error::deserialize(StructAsMap(Deserializer::from(value))).map_err(|error| {
        let path = error.path().to_string();
        ReadError { message: message_of(error.into_inner()), path: (path != ".").then_some(path) }
    })
}

/// The message of a serde-wasm-bindgen error (a JS `Error`), without the `Error: ` of its
/// `Display`.
fn message_of(error: serde_wasm_bindgen::Error) -> String {
    let value = JsValue::from(error);
    match value.dyn_ref::<js_sys::Error>() {
        Some(error) => String::from(error.message()),
        None => format!("{value:?}"),
    }
}

/// serde-wasm-bindgen's deserializer, reading structs as maps (see [`from_js`]).
struct StructAsMap(Deserializer);

impl<'de> serde::Deserializer<'de> for StructAsMap {
    type Error = serde_wasm_bindgen::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.0.deserialize_any(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_map(visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option
        unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
    }
}
