//! JSON paths for error messages: `$.message.entity["odd key"].guid`, `$.events[3]`.

use std::fmt::Write as _;

/// One step of a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Segment {
    Key(String),
    Index(usize),
}

/// Appends one key step to a path string.
pub(crate) fn push_key(path: &mut String, key: &str) {
    let plain = key.bytes().next().is_some_and(|b| b.is_ascii_alphabetic() || b == b'_' || b == b'@')
        && key.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'@' | b'$'));
    if plain {
        path.push('.');
        path.push_str(key);
    } else {
        path.push('[');
        // A string always serializes; the fallback keeps the function total.
        path.push_str(&serde_json::to_string(key).unwrap_or_else(|_| format!("{key:?}")));
        path.push(']');
    }
}

/// Appends one index step to a path string.
pub(crate) fn push_index(path: &mut String, index: usize) {
    let _ = write!(path, "[{index}]");
}

/// `base` followed by one key.
pub(crate) fn child(base: &str, key: &str) -> String {
    // Room for the usual `.key` at once.
    let mut path = String::with_capacity(base.len() + key.len() + 1);
    path.push_str(base);
    push_key(&mut path, key);
    path
}

/// `base` followed by one index.
pub(crate) fn item(base: &str, index: usize) -> String {
    let mut path = String::with_capacity(base.len() + 8);
    path.push_str(base);
    push_index(&mut path, index);
    path
}

/// Renders segments (outermost first) under the root `$`.
pub(crate) fn render(segments: &[Segment]) -> String {
    let mut path = String::from("$");
    for segment in segments {
        match segment {
            Segment::Key(key) => push_key(&mut path, key),
            Segment::Index(index) => push_index(&mut path, *index),
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_keys_and_indexes() {
        let segments = [
            Segment::Key("events".into()),
            Segment::Index(3),
            Segment::Key("odd key".into()),
            Segment::Key("msgId".into()),
        ];
        assert_eq!(render(&segments), r#"$.events[3]["odd key"].msgId"#);
        assert_eq!(child("$", "x-atlan-signing-secret"), "$.x-atlan-signing-secret");
        assert_eq!(child("$", "1abc"), r#"$["1abc"]"#);
    }
}
