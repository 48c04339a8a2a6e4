//! A structural scanner: finds where JSON values end without building or fully validating them.
//! Used to cut records out of streams and to keep the exact text of an envelope's inner event.
//! Everything it returns is parsed (and so validated) afterwards.

use std::ops::Range;

use memchr::memchr2;

/// Index after the closing quote of the string starting at `start` (which must be `"`).
pub(crate) fn string_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut pos = start + 1;
    loop {
        let found = pos + memchr2(b'"', b'\\', bytes.get(pos..)?)?;
        if bytes.get(found) == Some(&b'\\') {
            pos = found + 2;
        } else {
            return Some(found + 1);
        }
    }
}

pub(crate) fn skip_ws(bytes: &[u8], mut pos: usize) -> usize {
    while matches!(bytes.get(pos), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        pos += 1;
    }
    pos
}

/// Outcome of looking for the end of a value in a buffer that may not hold all of it yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ValueEnd {
    /// The value ends just before this index.
    At(usize),
    /// The buffer ends inside the value.
    Incomplete,
}

/// Finds the end of the value starting at `start` (at a non-whitespace byte).
///
/// A scalar at the very end of the buffer counts as incomplete, since more digits may follow.
pub(crate) fn value_end(bytes: &[u8], start: usize) -> ValueEnd {
    match bytes.get(start) {
        None => ValueEnd::Incomplete,
        Some(b'"') => string_end(bytes, start).map_or(ValueEnd::Incomplete, ValueEnd::At),
        Some(b'{' | b'[') => container_end(bytes, start),
        Some(_) => {
            let rest = bytes.get(start..).unwrap_or_default();
            match rest.iter().position(|b| matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')) {
                Some(offset) => ValueEnd::At(start + offset.max(1)),
                None => ValueEnd::Incomplete,
            }
        }
    }
}

fn container_end(bytes: &[u8], start: usize) -> ValueEnd {
    let mut depth = 0usize;
    let mut pos = start;
    while let Some(&byte) = bytes.get(pos) {
        match byte {
            b'"' => match string_end(bytes, pos) {
                Some(end) => {
                    pos = end;
                    continue;
                }
                None => return ValueEnd::Incomplete,
            },
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return ValueEnd::At(pos + 1);
                }
            }
            _ => {}
        }
        pos += 1;
    }
    ValueEnd::Incomplete
}

/// The span of the value of top-level member `key` in the object `text` (already validated).
pub(crate) fn member_span(text: &str, key: &str) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let mut pos = skip_ws(bytes, 0);
    if bytes.get(pos) != Some(&b'{') {
        return None;
    }
    pos += 1;
    loop {
        pos = skip_ws(bytes, pos);
        if bytes.get(pos) != Some(&b'"') {
            return None;
        }
        let key_end = string_end(bytes, pos)?;
        let raw_key = text.get(pos + 1..key_end - 1)?;
        let matches = if raw_key.contains('\\') {
            serde_json::from_str::<String>(text.get(pos..key_end)?).is_ok_and(|k| k == key)
        } else {
            raw_key == key
        };
        pos = skip_ws(bytes, key_end);
        if bytes.get(pos) != Some(&b':') {
            return None;
        }
        let value_start = skip_ws(bytes, pos + 1);
        let ValueEnd::At(value_stop) = value_end(bytes, value_start) else { return None };
        if matches {
            return Some(value_start..value_stop);
        }
        pos = skip_ws(bytes, value_stop);
        match bytes.get(pos) {
            Some(b',') => pos += 1,
            _ => return None,
        }
    }
}

/// The spans of the elements of the array `text` (already validated).
pub(crate) fn element_spans(text: &str) -> Option<Vec<Range<usize>>> {
    let bytes = text.as_bytes();
    let mut pos = skip_ws(bytes, 0);
    if bytes.get(pos) != Some(&b'[') {
        return None;
    }
    pos = skip_ws(bytes, pos + 1);
    let mut spans = Vec::new();
    if bytes.get(pos) == Some(&b']') {
        return Some(spans);
    }
    loop {
        let ValueEnd::At(end) = value_end(bytes, pos) else { return None };
        spans.push(pos..end);
        pos = skip_ws(bytes, end);
        match bytes.get(pos) {
            Some(b',') => pos = skip_ws(bytes, pos + 1),
            Some(b']') => return Some(spans),
            _ => return None,
        }
    }
}

/// Appends `text` (valid JSON) to `out` without insignificant whitespace, otherwise verbatim.
pub(crate) fn minify_into(text: &str, out: &mut String) {
    let bytes = text.as_bytes();
    let mut pos = 0;
    let mut run_start = 0;
    while let Some(&byte) = bytes.get(pos) {
        match byte {
            b'"' => pos = string_end(bytes, pos).unwrap_or(bytes.len()),
            b' ' | b'\t' | b'\n' | b'\r' => {
                out.push_str(text.get(run_start..pos).unwrap_or_default());
                pos = skip_ws(bytes, pos);
                run_start = pos;
            }
            _ => pos += 1,
        }
    }
    out.push_str(text.get(run_start..).unwrap_or_default());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_value_ends() {
        let text = br#"{"a": "x\"}", "b": [1, {"c": "]"}]} tail"#;
        assert_eq!(value_end(text, 0), ValueEnd::At(35));
        assert_eq!(value_end(b"123", 0), ValueEnd::Incomplete);
        assert_eq!(value_end(b"123,", 0), ValueEnd::At(3));
        assert_eq!(value_end(br#"{"a": "#, 0), ValueEnd::Incomplete);
    }

    #[test]
    fn finds_member_spans() {
        let text = r#" { "version": {"v": 1}, "mes\u0073age" : {"type": "X"} , "z": 2 }"#;
        let span = member_span(text, "message").unwrap();
        assert_eq!(&text[span], r#"{"type": "X"}"#);
        assert_eq!(member_span(text, "absent"), None);
        let span = member_span(text, "z").unwrap();
        assert_eq!(&text[span], "2");
    }

    #[test]
    fn finds_element_spans() {
        let text = r#" [ {"a": [1, 2]}, "x" , 3 ] "#;
        let spans: Vec<&str> = element_spans(text).unwrap().into_iter().map(|span| &text[span]).collect();
        assert_eq!(spans, [r#"{"a": [1, 2]}"#, r#""x""#, "3"]);
        assert_eq!(element_spans("[]"), Some(Vec::new()));
    }

    #[test]
    fn minifies_outside_strings_only() {
        let mut out = String::new();
        minify_into("{ \"a b\" : [ 1 ,\n 2 ], \"c\":\"x y\\\" z\" }", &mut out);
        assert_eq!(out, r#"{"a b":[1,2],"c":"x y\" z"}"#);
    }
}
