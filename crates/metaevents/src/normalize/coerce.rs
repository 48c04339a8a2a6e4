//! Coercion of parameter values to their catalog types: numbers and booleans sent as strings,
//! JSON sent inside strings, `[a, b]` lists that are not JSON.

use serde_json::{Number, Value};

use crate::catalog::ParamType;
use crate::json::{self, Node};

/// Epoch milliseconds of an RFC 3339 time (`2024-06-10T12:00:00Z`, `...+02:00`).
pub(crate) fn rfc3339_millis(text: &str) -> Option<i64> {
    text.parse::<jiff::Timestamp>().ok().map(jiff::Timestamp::as_millisecond).filter(|time| is_safe_integer(*time))
}

/// Largest integer JavaScript holds exactly: times and integers stay within it.
pub(crate) const MAX_SAFE_INTEGER: i64 = (1 << 53) - 1;

/// Whether `value` is within ±`MAX_SAFE_INTEGER` (without `abs`, which overflows on `i64::MIN`).
pub(crate) fn is_safe_integer(value: i64) -> bool {
    (-MAX_SAFE_INTEGER..=MAX_SAFE_INTEGER).contains(&value)
}

/// An integer from a JSON number or a string of digits; `None` when it is not one.
pub(crate) fn integer(node: &Node<'_>) -> Option<i64> {
    match node {
        Node::Number(number) => number_to_i64(number),
        Node::String(text) => {
            let trimmed = text.trim();
            trimmed.parse::<i64>().ok().or_else(|| trimmed.parse::<f64>().ok().and_then(float_to_i64))
        }
        _ => None,
    }
}

fn number_to_i64(number: &Number) -> Option<i64> {
    number.as_i64().or_else(|| number.as_f64().and_then(float_to_i64))
}

#[expect(clippy::cast_possible_truncation, reason = "range and integrality are checked first")]
fn float_to_i64(value: f64) -> Option<i64> {
    let limit = 9.223_372_036_854_775e18;
    (value.is_finite() && value.fract() == 0.0 && value.abs() < limit).then_some(value as i64)
}

/// A boolean from a JSON boolean or `"true"`/`"false"` (any case).
pub(crate) fn boolean(node: &Node<'_>) -> Option<bool> {
    match node {
        Node::Bool(flag) => Some(*flag),
        Node::String(text) if text.trim().eq_ignore_ascii_case("true") => Some(true),
        Node::String(text) if text.trim().eq_ignore_ascii_case("false") => Some(false),
        _ => None,
    }
}

/// Text from a string, or the text of a number or boolean.
fn text(node: &Node<'_>) -> Option<String> {
    match node {
        Node::String(text) => Some(text.to_string()),
        Node::Number(number) => Some(number.to_string()),
        Node::Bool(flag) => Some(flag.to_string()),
        _ => None,
    }
}

/// Decodes JSON held in a string; other strings and values stay as they are.
fn json_value(node: &Node<'_>, max_depth: usize) -> Value {
    if let Node::String(text) = node {
        // The producer's default for `context` and `sourceDetails`: no need to parse it.
        if text.as_str() == "{}" {
            return Value::Object(serde_json::Map::new());
        }
        let trimmed = text.trim_start();
        if trimmed.starts_with(['{', '[', '"']) || trimmed == "null" || trimmed == "true" || trimmed == "false" {
            let arena = bumpalo::Bump::new();
            if let Ok(decoded) = json::tree::parse(text, max_depth, &arena) {
                return decoded.to_value();
            }
        }
        return Value::String(text.to_string());
    }
    node.to_value()
}

fn string_list(node: &Node<'_>, max_depth: usize) -> Option<Value> {
    match node {
        Node::Array(items) => Some(Value::Array(items.iter().filter_map(text).map(Value::String).collect())),
        Node::String(raw) => {
            let arena = bumpalo::Bump::new();
            if let Ok(Node::Array(items)) = json::tree::parse(raw, max_depth, &arena) {
                return Some(Value::Array(items.iter().filter_map(text).map(Value::String).collect()));
            }
            // Java's List.toString: `[a, b]`. Commas inside an urn's parentheses are not separators.
            let trimmed = raw.trim();
            let inner = trimmed.strip_prefix('[').and_then(|rest| rest.strip_suffix(']')).unwrap_or(trimmed);
            Some(Value::Array(
                super::urn::split_outside_parentheses(inner)
                    .map(str::trim)
                    .filter(|item| !item.is_empty())
                    .map(|item| Value::String(item.to_owned()))
                    .collect(),
            ))
        }
        _ => None,
    }
}

/// `node` as a value of type `ty`; `None` when it cannot be one (reported by `validate`).
pub(crate) fn coerce(node: &Node<'_>, ty: ParamType, max_depth: usize) -> Option<Value> {
    match ty {
        ParamType::String | ParamType::Urn => text(node).map(Value::String),
        ParamType::Integer | ParamType::Timestamp => integer(node).map(Value::from),
        ParamType::Boolean => boolean(node).map(Value::Bool),
        ParamType::Json => Some(json_value(node, max_depth)),
        ParamType::UrnList | ParamType::StringList => string_list(node, max_depth),
        ParamType::Object => match json_value(node, max_depth) {
            object @ Value::Object(_) => Some(object),
            _ => None,
        },
        ParamType::ObjectList => match json_value(node, max_depth) {
            Value::Array(items) if items.iter().all(Value::is_object) => Some(Value::Array(items)),
            _ => None,
        },
    }
}

/// Whether `value` (a `details` entry) has type `ty`: what `validate` checks.
pub(crate) fn has_type(value: &Value, ty: ParamType) -> bool {
    match ty {
        ParamType::String | ParamType::Urn => value.is_string(),
        ParamType::Integer | ParamType::Timestamp => value.is_i64(),
        ParamType::Boolean => value.is_boolean(),
        ParamType::Json => true,
        ParamType::UrnList | ParamType::StringList => {
            value.as_array().is_some_and(|items| items.iter().all(Value::is_string))
        }
        ParamType::Object => value.is_object(),
        ParamType::ObjectList => value.as_array().is_some_and(|items| items.iter().all(Value::is_object)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn node(text: &str) -> Node<'_> {
        let arena: &'static bumpalo::Bump = Box::leak(Box::new(bumpalo::Bump::new()));
        let text: &'static str = Box::leak(text.to_owned().into_boxed_str());
        json::tree::parse(text, 64, arena).unwrap()
    }

    #[test]
    fn integers_from_numbers_and_strings() {
        assert_eq!(coerce(&node("1"), ParamType::Integer, 64), Some(json!(1)));
        assert_eq!(coerce(&node(r#""2""#), ParamType::Integer, 64), Some(json!(2)));
        assert_eq!(coerce(&node(r#"" 1706646452982 ""#), ParamType::Timestamp, 64), Some(json!(1_706_646_452_982_i64)));
        assert_eq!(coerce(&node("3.0"), ParamType::Integer, 64), Some(json!(3)));
        assert_eq!(coerce(&node("3.5"), ParamType::Integer, 64), None);
        assert_eq!(coerce(&node(r#""abc""#), ParamType::Integer, 64), None);
    }

    #[test]
    fn booleans_and_json_in_strings() {
        assert_eq!(coerce(&node(r#""true""#), ParamType::Boolean, 64), Some(json!(true)));
        assert_eq!(coerce(&node("false"), ParamType::Boolean, 64), Some(json!(false)));
        assert_eq!(coerce(&node(r#""{\"a\": [1]}""#), ParamType::Json, 64), Some(json!({"a": [1]})));
        assert_eq!(coerce(&node(r#""not json""#), ParamType::Json, 64), Some(json!("not json")));
        assert_eq!(coerce(&node(r#""[\"v1\", 2.5]""#), ParamType::Json, 64), Some(json!(["v1", 2.5])));
    }

    #[test]
    fn urn_lists_in_every_spelling() {
        let expected = Some(json!(["urn:li:dataset:abc", "urn:li:dataset:abc2"]));
        assert_eq!(coerce(&node(r#""[urn:li:dataset:abc, urn:li:dataset:abc2]""#), ParamType::UrnList, 64), expected);
        assert_eq!(
            coerce(&node(r#""[\"urn:li:dataset:abc\",\"urn:li:dataset:abc2\"]""#), ParamType::UrnList, 64),
            expected
        );
        assert_eq!(coerce(&node(r#"["urn:li:dataset:abc","urn:li:dataset:abc2"]"#), ParamType::UrnList, 64), expected);
        assert_eq!(
            coerce(&node(r#""urn:li:dataset:abc""#), ParamType::UrnList, 64),
            Some(json!(["urn:li:dataset:abc"]))
        );
        let java = r#""[urn:li:dataset:(urn:li:dataPlatform:snowflake,db.s.t,PROD), urn:li:dataset:(urn:li:dataPlatform:hive,a.b,DEV)]""#;
        assert_eq!(
            coerce(&node(java), ParamType::UrnList, 64),
            Some(json!([
                "urn:li:dataset:(urn:li:dataPlatform:snowflake,db.s.t,PROD)",
                "urn:li:dataset:(urn:li:dataPlatform:hive,a.b,DEV)"
            ]))
        );
    }
}
