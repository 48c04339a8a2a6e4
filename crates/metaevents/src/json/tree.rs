//! A JSON tree in a bump arena. Strings without escapes borrow from the input; objects keep
//! their members sorted by key, which gives fast lookups, duplicate-key detection and the
//! canonical key order of event ids from one sort. The whole tree lives in the arena of the
//! record being parsed and is freed at once when the record is done.
//!
//! Trees are built by the hand-written parser of [`super::parse`]. The `serde_json`-based parser
//! here is the reference it is tested against, and what reports faults: when the fast parser
//! gives up, this one runs and says what is wrong, where.

use std::cell::RefCell;
use std::fmt;
use std::ops::Deref;

use bumpalo::Bump;
use bumpalo::collections::Vec as ArenaVec;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::Number;

use super::path::{self, Segment};
use crate::error::{Error, ErrorKind};

/// A string of the tree: borrowed from the input when its JSON had no escapes, else decoded
/// into the arena (`escaped`), which tells the canonical writer whether it may need escaping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Str<'a> {
    text: &'a str,
    escaped: bool,
}

impl<'a> Str<'a> {
    /// A string whose JSON had no escapes, borrowed from it.
    pub(super) fn borrowed(text: &'a str) -> Self {
        Self { text, escaped: false }
    }

    /// A string decoded from JSON with escapes.
    pub(super) fn decoded(text: &'a str) -> Self {
        Self { text, escaped: true }
    }

    pub(crate) fn as_str(self) -> &'a str {
        self.text
    }

    pub(crate) fn escaped(self) -> bool {
        self.escaped
    }
}

impl PartialEq<str> for Str<'_> {
    fn eq(&self, other: &str) -> bool {
        self.text == other
    }
}

impl fmt::Display for Str<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text)
    }
}

impl Deref for Str<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        self.text
    }
}

/// A parsed JSON value. Holds only references and plain numbers: the arena never runs drops.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node<'a> {
    Null,
    Bool(bool),
    Number(Number),
    String(Str<'a>),
    Array(&'a [Node<'a>]),
    Object(Object<'a>),
}

/// A JSON object whose members are sorted by key and unique.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct Object<'a> {
    entries: &'a [(Str<'a>, Node<'a>)],
}

/// Key order: by bytes (= by code point), deciding on the first byte inline since keys mostly
/// differ there, which saves a `memcmp` call per comparison.
fn key_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    match (a.as_bytes().first(), b.as_bytes().first()) {
        (Some(x), Some(y)) if x != y => x.cmp(y),
        _ => a.cmp(b),
    }
}

impl<'a> Object<'a> {
    /// An object of these members, which are sorted by key and unique.
    pub(super) fn from_sorted(entries: &'a [(Str<'a>, Node<'a>)]) -> Self {
        Self { entries }
    }

    pub(crate) fn get(&self, key: &str) -> Option<&'a Node<'a>> {
        // Most objects of events are small: comparing lengths first beats a binary search there.
        if self.entries.len() <= 12 {
            return self.entries.iter().find(|(k, _)| k.len() == key.len() && k.text == key).map(|(_, value)| value);
        }
        let index = self.entries.binary_search_by(|(k, _)| key_cmp(k, key)).ok()?;
        self.entries.get(index).map(|(_, value)| value)
    }

    /// Members in key order.
    pub(crate) fn iter(&self) -> impl ExactSizeIterator<Item = (&'a str, &'a Node<'a>)> {
        self.entries.iter().map(|(key, value)| (key.text, value))
    }

    /// Members in key order, with keys as parsed.
    pub(crate) fn entries(&self) -> &'a [(Str<'a>, Node<'a>)] {
        self.entries
    }

    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl<'a> Node<'a> {
    pub(crate) fn as_str(&self) -> Option<&'a str> {
        match self {
            Node::String(text) => Some(text.as_str()),
            _ => None,
        }
    }

    pub(crate) fn as_object(&self) -> Option<&Object<'a>> {
        match self {
            Node::Object(object) => Some(object),
            _ => None,
        }
    }

    pub(crate) fn as_array(&self) -> Option<&'a [Node<'a>]> {
        match self {
            Node::Array(items) => Some(items),
            _ => None,
        }
    }

    pub(crate) fn is_null(&self) -> bool {
        matches!(self, Node::Null)
    }

    /// Member of an object; `None` for other values.
    pub(crate) fn get(&self, key: &str) -> Option<&'a Node<'a>> {
        match self {
            Node::Object(object) => object.get(key),
            _ => None,
        }
    }

    /// "a string", "an object", ... for messages.
    pub(crate) fn type_name(&self) -> &'static str {
        match self {
            Node::Null => "null",
            Node::Bool(_) => "a boolean",
            Node::Number(_) => "a number",
            Node::String(_) => "a string",
            Node::Array(_) => "an array",
            Node::Object(_) => "an object",
        }
    }

    /// Converts to an owned `serde_json::Value` (object keys come out sorted).
    pub(crate) fn to_value(&self) -> serde_json::Value {
        use serde_json::Value;
        match self {
            Node::Null => Value::Null,
            Node::Bool(flag) => Value::Bool(*flag),
            Node::Number(number) => Value::Number(number.clone()),
            Node::String(text) => Value::String(text.to_string()),
            Node::Array(items) => Value::Array(items.iter().map(Node::to_value).collect()),
            Node::Object(object) => {
                Value::Object(object.iter().map(|(key, value)| (key.to_owned(), value.to_value())).collect())
            }
        }
    }
}

/// What the visitor found that `serde_json` cannot express, stashed while the error unwinds.
#[derive(Debug)]
enum Special {
    TooDeep(usize),
    DuplicateKey(String),
}

struct Context<'a> {
    max_depth: usize,
    arena: &'a Bump,
    special: RefCell<Option<Special>>,
    // Filled innermost-first while an error unwinds, so the success path never builds paths.
    error_path: RefCell<Vec<Segment>>,
}

struct NodeSeed<'c, 'a> {
    normalizer: &'c Context<'a>,
    depth: usize,
}

impl<'de: 'a, 'a> DeserializeSeed<'de> for NodeSeed<'_, 'a> {
    type Value = Node<'a>;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'a> NodeSeed<'_, 'a> {
    fn decoded(&self, text: &str) -> Node<'a> {
        Node::String(Str { text: self.normalizer.arena.alloc_str(text), escaped: true })
    }

    fn enter<E: de::Error>(&self) -> Result<usize, E> {
        let depth = self.depth + 1;
        if depth > self.normalizer.max_depth {
            *self.normalizer.special.borrow_mut() = Some(Special::TooDeep(self.normalizer.max_depth));
            return Err(E::custom("too deep"));
        }
        Ok(depth)
    }
}

impl<'de: 'a, 'a> Visitor<'de> for NodeSeed<'_, 'a> {
    type Value = Node<'a>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Node::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Node::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Node::Number(v.into()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Number::from_f64(v).map(Node::Number).ok_or_else(|| E::custom("number out of range"))
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Node::String(Str { text: v, escaped: false }))
    }

    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(self.decoded(v))
    }

    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(self.decoded(&v))
    }

    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Node::Null)
    }

    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(Node::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let depth = self.enter::<A::Error>()?;
        let mut items = ArenaVec::new_in(self.normalizer.arena);
        loop {
            match seq.next_element_seed(NodeSeed { normalizer: self.normalizer, depth }) {
                Ok(Some(item)) => items.push(item),
                Ok(None) => break,
                Err(err) => {
                    self.normalizer.error_path.borrow_mut().push(Segment::Index(items.len()));
                    return Err(err);
                }
            }
        }
        Ok(Node::Array(items.into_bump_slice()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let depth = self.enter::<A::Error>()?;
        let mut entries = ArenaVec::with_capacity_in(8, self.normalizer.arena);
        while let Some(key) = map.next_key_seed(KeySeed { arena: self.normalizer.arena })? {
            match map.next_value_seed(NodeSeed { normalizer: self.normalizer, depth }) {
                Ok(value) => entries.push((key, value)),
                Err(err) => {
                    self.normalizer.error_path.borrow_mut().push(Segment::Key(key.text.to_owned()));
                    return Err(err);
                }
            }
        }
        entries.sort_unstable_by(|a: &(Str<'a>, Node<'a>), b: &(Str<'a>, Node<'a>)| key_cmp(&a.0, &b.0));
        if let Some(pair) = entries.windows(2).find(|pair| matches!(pair, [a, b] if a.0.text == b.0.text)) {
            let key = pair.first().map(|(key, _)| key.text.to_owned()).unwrap_or_default();
            self.normalizer.error_path.borrow_mut().push(Segment::Key(key.clone()));
            *self.normalizer.special.borrow_mut() = Some(Special::DuplicateKey(key));
            return Err(de::Error::custom("duplicate key"));
        }
        Ok(Node::Object(Object { entries: entries.into_bump_slice() }))
    }
}

struct KeySeed<'a> {
    arena: &'a Bump,
}

impl<'de: 'a, 'a> DeserializeSeed<'de> for KeySeed<'a> {
    type Value = Str<'a>;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de: 'a, 'a> Visitor<'de> for KeySeed<'a> {
    type Value = Str<'a>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object key")
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Str { text: v, escaped: false })
    }

    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Str { text: self.arena.alloc_str(v), escaped: true })
    }

    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Str { text: self.arena.alloc_str(&v), escaped: true })
    }
}

/// Parses one complete JSON document (surrounding whitespace allowed, nothing else) into
/// `arena`.
///
/// Errors carry the line and column inside `text` and the JSON path of the fault.
pub(crate) fn parse<'a>(text: &'a str, max_depth: usize, arena: &'a Bump) -> Result<Node<'a>, Error> {
    match super::parse::parse(text, max_depth, arena) {
        Some(node) => Ok(node),
        None => parse_with_serde(text, max_depth, arena),
    }
}

/// [`parse`] by `serde_json`: the reference, and the parser that describes faults.
pub(crate) fn parse_with_serde<'a>(text: &'a str, max_depth: usize, arena: &'a Bump) -> Result<Node<'a>, Error> {
    let normalizer = Context { max_depth, arena, special: RefCell::new(None), error_path: RefCell::new(Vec::new()) };
    let mut deserializer = serde_json::Deserializer::from_str(text);
    deserializer.disable_recursion_limit();
    let result = NodeSeed { normalizer: &normalizer, depth: 0 }
        .deserialize(&mut deserializer)
        .and_then(|node| deserializer.end().map(|()| node));
    result.map_err(|err| convert_error(&err, &normalizer, text))
}

/// Byte offset of a 1-based line and column.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        memchr::memchr_iter(b'\n', text.as_bytes()).nth(line - 2).map_or(text.len(), |newline| newline + 1)
    };
    (line_start + column.saturating_sub(1)).min(text.len())
}

/// 1-based line and column of a byte offset.
fn position_of(text: &str, offset: usize) -> (u64, u64) {
    let before = text.as_bytes().get(..offset).unwrap_or_default();
    let line = memchr::memchr_iter(b'\n', before).count() + 1;
    let column = offset - memchr::memrchr(b'\n', before).map_or(0, |newline| newline + 1) + 1;
    (line as u64, column as u64)
}

/// Where the first array or object deeper than `limit` opens.
fn too_deep_at(text: &str, limit: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut pos = 0;
    while let Some(&byte) = bytes.get(pos) {
        match byte {
            b'"' => {
                pos = super::scan::string_end(bytes, pos)?;
                continue;
            }
            b'{' | b'[' => {
                depth += 1;
                if depth > limit {
                    return Some(pos);
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
        pos += 1;
    }
    None
}

/// Where the repeated `key` stands: its last occurrence as a key before `end`.
fn duplicate_at(text: &str, key: &str, end: usize) -> Option<usize> {
    let quoted = serde_json::to_string(key).ok()?;
    let before = text.get(..end)?;
    let mut search_end = before.len();
    while let Some(found) = before.get(..search_end)?.rfind(&quoted) {
        let after = before.get(found + quoted.len()..)?.trim_start();
        if after.starts_with(':') {
            return Some(found);
        }
        search_end = found;
    }
    None
}

fn convert_error(err: &serde_json::Error, normalizer: &Context<'_>, text: &str) -> Error {
    let mut segments = normalizer.error_path.take();
    segments.reverse();
    let json_path = path::render(&segments);
    let reported = (err.line() > 0).then(|| offset_of(text, err.line(), err.column()));
    let (kind, message, at) = match normalizer.special.take() {
        Some(Special::TooDeep(limit)) => (
            ErrorKind::TooDeep,
            format!("nested deeper than the limit of {limit} levels"),
            too_deep_at(text, limit).or(reported),
        ),
        Some(Special::DuplicateKey(key)) => {
            let at = reported.and_then(|end| duplicate_at(text, &key, end)).or(reported);
            (
                ErrorKind::DuplicateKey,
                format!("duplicate key `{key}`: the same key twice in one object makes the event ambiguous"),
                at,
            )
        }
        None => {
            let (kind, message) = describe_serde_error(err);
            (kind, message, reported)
        }
    };
    let error = Error::at_path(kind, json_path, message);
    match at {
        Some(offset) => {
            let (line, column) = position_of(text, offset);
            error.with_line_column(line, column)
        }
        None => error,
    }
}

fn describe_serde_error(err: &serde_json::Error) -> (ErrorKind, String) {
    let full = err.to_string();
    // serde_json appends " at line L column C"; the location is reported separately.
    let message = match full.rfind(" at line ") {
        Some(cut) => full.get(..cut).unwrap_or(&full).to_owned(),
        None => full,
    };
    if message.contains("number out of range") {
        return (ErrorKind::NumberOutOfRange, "number out of range for a 64-bit float".to_owned());
    }
    if err.is_eof() {
        return (ErrorKind::Syntax, format!("truncated JSON ({message})"));
    }
    // serde_json's words for a bad token, in plain ones.
    let plain = match message.as_str() {
        "expected ident" => "not JSON: an unquoted word where a value should be (strings need double quotes)",
        "expected value" => "not JSON: expected a value (object, array, string, number, true, false or null)",
        "key must be a string" => "invalid JSON: object keys must be double-quoted strings",
        "trailing characters" => "invalid JSON: more text after the end of the JSON value",
        "trailing comma" => "invalid JSON: a comma before a closing bracket",
        "invalid number" => "invalid JSON: a malformed number",
        "expected `:`" => "invalid JSON: expected `:` after an object key",
        _ => "",
    };
    if !plain.is_empty() {
        return (ErrorKind::Syntax, plain.to_owned());
    }
    (ErrorKind::Syntax, format!("invalid JSON: {message}"))
}

/// Parses `text` with the hand-written parser and with the `serde_json` reference: `Err` says
/// how they disagree (one accepts what the other rejects, or their trees differ: every string,
/// its escaped flag and every number's exact value and type count).
pub(crate) fn compare_parsers(text: &str, max_depth: usize) -> Result<(), String> {
    let arena = Bump::new();
    let fast = super::parse::parse(text, max_depth, &arena);
    let reference = parse_with_serde(text, max_depth, &arena);
    match (fast, reference) {
        (None, Err(_)) => Ok(()),
        (Some(fast), Ok(reference)) if same_tree(&fast, &reference) => Ok(()),
        (Some(fast), Ok(reference)) => Err(format!("trees differ on {text:?}:\n{fast:?}\n{reference:?}")),
        (Some(fast), Err(err)) => Err(format!("fast parser accepts {text:?} as {fast:?}; serde_json: {err}")),
        (None, Ok(reference)) => Err(format!("fast parser rejects {text:?}; serde_json gives {reference:?}")),
    }
}

/// Equality that tells `0.0` from `-0.0` and integers from floats.
fn same_tree(a: &Node<'_>, b: &Node<'_>) -> bool {
    match (a, b) {
        (Node::Number(a), Node::Number(b)) => {
            a.is_u64() == b.is_u64()
                && a.is_i64() == b.is_i64()
                && a.as_u64() == b.as_u64()
                && a.as_i64() == b.as_i64()
                && a.as_f64().map(f64::to_bits) == b.as_f64().map(f64::to_bits)
        }
        (Node::Array(a), Node::Array(b)) => a.len() == b.len() && a.iter().zip(b.iter()).all(|(a, b)| same_tree(a, b)),
        (Node::Object(a), Node::Object(b)) => {
            a.len() == b.len()
                && a.entries().iter().zip(b.entries()).all(|((ka, va), (kb, vb))| ka == kb && same_tree(va, vb))
        }
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str, max_depth: usize) -> Result<Node<'static>, Error> {
        let arena: &'static Bump = Box::leak(Box::new(Bump::new()));
        let text: &'static str = Box::leak(text.to_owned().into_boxed_str());
        super::parse(text, max_depth, arena)
    }

    #[test]
    fn objects_are_sorted_and_looked_up() {
        let node = parse(r#"{"b": 1, "a": {"z": [1, "x"], "y": null}, "c": "s\"q"}"#, 64).unwrap();
        let object = node.as_object().unwrap();
        let keys: Vec<&str> = object.iter().map(|(k, _)| k).collect();
        assert_eq!(keys, ["a", "b", "c"]);
        assert_eq!(node.get("c").and_then(Node::as_str), Some("s\"q"));
        assert!(node.get("a").unwrap().get("y").unwrap().is_null());
        assert!(node.get("missing").is_none());
    }

    #[test]
    fn strings_without_escapes_borrow() {
        let text = r#"{"k": "plain"}"#;
        let node = parse(text, 64).unwrap();
        assert!(matches!(node.get("k"), Some(Node::String(text)) if !text.escaped()));
    }

    #[test]
    fn duplicate_keys_are_rejected_with_their_path() {
        let err = parse(r#"{"a": {"x": 1, "x": 2}}"#, 64).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::DuplicateKey);
        assert_eq!(err.path(), Some("$.a.x"));
    }

    #[test]
    fn duplicate_and_depth_errors_point_at_their_line() {
        let text = "{\n \"a\": 1,\n \"b\": {\"a\": 2},\n \"a\": 3\n}";
        let err = parse(text, 64).unwrap_err();
        assert_eq!((err.kind(), err.line(), err.column()), (ErrorKind::DuplicateKey, Some(4), Some(2)));
        let text = "{\"a\":\n  {\"b\":\n    [1,\n     2]}}";
        let err = parse(text, 2).unwrap_err();
        assert_eq!((err.kind(), err.line(), err.column()), (ErrorKind::TooDeep, Some(3), Some(5)));
    }

    #[test]
    fn depth_limit_is_enforced() {
        let deep = "[".repeat(10) + &"]".repeat(10);
        assert!(parse(&deep, 10).is_ok());
        let err = parse(&deep, 9).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::TooDeep);
        assert_eq!(err.path(), Some("$[0][0][0][0][0][0][0][0][0]"));
    }

    #[test]
    fn syntax_errors_have_line_column_and_path() {
        let err = parse("{\"a\": [1,\n 2, }", 64).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Syntax);
        assert_eq!(err.line(), Some(2));
        assert_eq!(err.path(), Some("$.a[2]"));
        let err = parse(r#"{"a": 1e999}"#, 64).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NumberOutOfRange);
        let err = parse(r#"{"a": 1} x"#, 64).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Syntax);
    }
}
