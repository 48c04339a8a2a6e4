//! The canonical form that event ids hash: keys sorted by code point, no whitespace, every
//! value kept — `null` included — so that two events that differ anywhere get different ids.
//!
//! The one exception is a short, documented list of [`IdRule`]s: members a platform's schema
//! declares optional and that a known re-serializer spells as `null` when absent
//! (datahub-actions writes `"modifier": null`, `"parameters": null`, ...). Only those members,
//! only at their place in the event (never inside payload values such as `parameters`,
//! `mutatedDetails` or `attributes`), count as absent when they are `null`.

use sha2::{Digest, Sha256};

use super::tree::{Node, Object, Str};

/// Which members of an event may be `null` and still mean "absent" for its id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum IdRule {
    /// Every member counts as written.
    Exact,
    /// A `DataHub` Entity Change Event: its optional members [`ECE_OPTIONAL`] (and
    /// `parameters: {}`), and the optional members of its `auditStamp` [`AUDIT_STAMP_OPTIONAL`].
    DatahubEntityChange,
    /// A `DataHub` Relationship Change Event: [`RCE_OPTIONAL`] and its `auditStamp`'s.
    DatahubRelationshipChange,
}

/// Optional top-level members of an ECE (`EntityChangeEvent.pdl`: `modifier`, `parameters`;
/// datahub-actions' event class also writes `source` and `auditHeader` as `null`).
pub(crate) const ECE_OPTIONAL: &[&str] = &["auditHeader", "modifier", "parameters", "source"];
/// Optional top-level members of an RCE (`RelationshipChangeEvent.pdl`).
pub(crate) const RCE_OPTIONAL: &[&str] = &["auditHeader", "lifecycleOwner", "properties", "via"];
/// Optional members of an `AuditStamp` (`AuditStamp.pdl`).
pub(crate) const AUDIT_STAMP_OPTIONAL: &[&str] = &["impersonator", "message"];

impl IdRule {
    /// Whether the top-level member `key` with `value` counts as absent.
    fn absent_at_top(self, key: &str, value: &Node<'_>) -> bool {
        let optional = match self {
            Self::Exact => return false,
            Self::DatahubEntityChange => ECE_OPTIONAL,
            Self::DatahubRelationshipChange => RCE_OPTIONAL,
        };
        optional.contains(&key)
            && match value {
                Node::Null => true,
                // An empty parameter map says nothing more than none (`Parameters` is an open record).
                Node::Object(object) => key == "parameters" && object.is_empty(),
                _ => false,
            }
    }
}

/// Appends the canonical JSON of `node` to `out`, every member kept.
pub(crate) fn write(node: &Node<'_>, out: &mut Vec<u8>) {
    match node {
        Node::Null => out.extend_from_slice(b"null"),
        Node::Bool(true) => out.extend_from_slice(b"true"),
        Node::Bool(false) => out.extend_from_slice(b"false"),
        Node::Number(number) => write_number(number, out),
        Node::String(text) => write_parsed_string(*text, out),
        Node::Array(items) => {
            out.push(b'[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(b',');
                }
                write(item, out);
            }
            out.push(b']');
        }
        Node::Object(object) => write_object(object, |_, _| false, out),
    }
}

/// Writes an object, leaving out the members `skip` says count as absent.
fn write_object<'a>(object: &Object<'a>, skip: impl Fn(&str, &Node<'a>) -> bool, out: &mut Vec<u8>) {
    out.push(b'{');
    let mut first = true;
    for (key, value) in object.entries() {
        if skip(key, value) {
            continue;
        }
        if !first {
            out.push(b',');
        }
        first = false;
        write_parsed_string(*key, out);
        out.push(b':');
        write(value, out);
    }
    out.push(b'}');
}

/// Appends the canonical JSON of an event under `rule`.
pub(crate) fn write_event(node: &Node<'_>, rule: IdRule, out: &mut Vec<u8>) {
    let Node::Object(object) = node else { return write(node, out) };
    if rule == IdRule::Exact {
        return write(node, out);
    }
    out.push(b'{');
    let mut first = true;
    for (key, value) in object.entries() {
        if rule.absent_at_top(key, value) {
            continue;
        }
        if !first {
            out.push(b',');
        }
        first = false;
        write_parsed_string(*key, out);
        out.push(b':');
        match value {
            Node::Object(stamp) if key.as_str() == "auditStamp" => write_object(
                stamp,
                |member, member_value| member_value.is_null() && AUDIT_STAMP_OPTIONAL.contains(&member),
                out,
            ),
            _ => write(value, out),
        }
    }
    out.push(b'}');
}

/// Writes a string of the tree. One the parser could borrow had no escapes in its JSON, so it
/// needs none: only strings decoded from escapes are checked.
fn write_parsed_string(text: Str<'_>, out: &mut Vec<u8>) {
    if text.escaped() {
        write_string(&text, out);
    } else {
        out.push(b'"');
        out.extend_from_slice(text.as_bytes());
        out.push(b'"');
    }
}

/// Writes a number as `serde_json` does: integers in full, floats in their shortest round-trip form.
fn write_number(number: &serde_json::Number, out: &mut Vec<u8>) {
    if let Some(value) = number.as_u64() {
        out.extend_from_slice(itoa::Buffer::new().format(value).as_bytes());
    } else if let Some(value) = number.as_i64() {
        out.extend_from_slice(itoa::Buffer::new().format(value).as_bytes());
    } else if let Some(value) = number.as_f64() {
        out.extend_from_slice(ryu::Buffer::new().format_finite(value).as_bytes());
    }
}

/// Writes a JSON string: `"` `\` and control characters escaped, everything else verbatim.
pub(crate) fn write_string(text: &str, out: &mut Vec<u8>) {
    out.push(b'"');
    let bytes = text.as_bytes();
    if !bytes.iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\') {
        out.extend_from_slice(bytes);
        out.push(b'"');
        return;
    }
    let mut start = 0;
    for (index, &byte) in bytes.iter().enumerate() {
        let escape: &[u8] = match byte {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0c => b"\\f",
            0..=0x1f => b"",
            _ => continue,
        };
        out.extend_from_slice(bytes.get(start..index).unwrap_or_default());
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(b"\\u00");
            out.push(HEX.get(usize::from(byte >> 4)).copied().unwrap_or(b'0'));
            out.push(HEX.get(usize::from(byte & 0xf)).copied().unwrap_or(b'0'));
        } else {
            out.extend_from_slice(escape);
        }
        start = index + 1;
    }
    out.extend_from_slice(bytes.get(start..).unwrap_or_default());
    out.push(b'"');
}

/// The first 128 bits of SHA-256 over the canonical JSON of the event `node` under `rule`,
/// followed, when given, by `part` (which of several events one input yields).
pub(crate) fn digest(node: &Node<'_>, rule: IdRule, part: Option<&str>, scratch: &mut Vec<u8>) -> [u8; 16] {
    scratch.clear();
    write_event(node, rule, scratch);
    if let Some(part) = part {
        // A byte no JSON text holds, so `part` cannot be confused with the event's own text.
        scratch.push(0);
        scratch.extend_from_slice(part.as_bytes());
    }
    truncated_sha256(scratch)
}

/// [`digest`] of `node` with each of `parts`: the canonical JSON is written and hashed once, and
/// the hash state is then carried on once per part.
pub(crate) fn digest_parts(node: &Node<'_>, rule: IdRule, parts: &[String], scratch: &mut Vec<u8>) -> Vec<[u8; 16]> {
    scratch.clear();
    write_event(node, rule, scratch);
    let mut event = Sha256::new();
    event.update(scratch.as_slice());
    parts
        .iter()
        .map(|part| {
            let hash = event.clone().chain_update([0u8]).chain_update(part.as_bytes()).finalize();
            let mut id = [0u8; 16];
            for (slot, byte) in id.iter_mut().zip(hash.iter()) {
                *slot = *byte;
            }
            id
        })
        .collect()
}

/// The first 128 bits of SHA-256 over `bytes`.
pub(crate) fn truncated_sha256(bytes: &[u8]) -> [u8; 16] {
    let hash = Sha256::digest(bytes);
    let mut id = [0u8; 16];
    for (slot, byte) in id.iter_mut().zip(hash.iter()) {
        *slot = *byte;
    }
    id
}

/// The id bytes of an event's JSON text (see [`digest`]); text that does not parse (never the
/// case for an event's own `raw`) is hashed as it is, to keep this total.
pub(crate) fn digest_of_text(text: &str, rule: IdRule, part: Option<&str>) -> [u8; 16] {
    let arena = super::arena::take();
    let mut scratch = Vec::new();
    let id = match super::tree::parse(text, crate::options::Limits::MAX_DEPTH_CEILING, &arena) {
        Ok(node) => digest(&node, rule, part, &mut scratch),
        Err(_) => truncated_sha256(text.as_bytes()),
    };
    super::arena::give_back(arena);
    id
}

#[cfg(test)]
mod tests {
    use super::*;
    use bumpalo::Bump;

    fn canonical(text: &str, rule: IdRule) -> String {
        let arena = Bump::new();
        let node = crate::json::tree::parse(text, 64, &arena).unwrap();
        let mut out = Vec::new();
        write_event(&node, rule, &mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn sorts_keys_keeps_nulls_drops_whitespace() {
        assert_eq!(
            canonical(
                r#"{ "b": [1, null, {"z": null}], "a": "x\n\"y\"", "n": null, "e": {"q": null} , "f": 1.5}"#,
                IdRule::Exact
            ),
            r#"{"a":"x\n\"y\"","b":[1,null,{"z":null}],"e":{"q":null},"f":1.5,"n":null}"#
        );
    }

    #[test]
    fn escapes_control_characters() {
        assert_eq!(canonical(r#""\u0001é""#, IdRule::Exact), "\"\\u0001é\"");
    }

    #[test]
    fn only_listed_optional_members_count_as_absent() {
        let ece = r#"{"entityUrn": "u", "modifier": null, "parameters": {}, "source": null,
            "auditStamp": {"time": 1, "actor": "a", "impersonator": null, "message": null}}"#;
        assert_eq!(
            canonical(ece, IdRule::DatahubEntityChange),
            r#"{"auditStamp":{"actor":"a","time":1},"entityUrn":"u"}"#
        );
        // Inside payload values a null is a value: parameters {"a": null} is not parameters {}.
        assert_eq!(
            canonical(r#"{"parameters": {"a": null}, "version": null}"#, IdRule::DatahubEntityChange),
            r#"{"parameters":{"a":null},"version":null}"#
        );
        assert_eq!(canonical(r#"{"modifier": null}"#, IdRule::Exact), r#"{"modifier":null}"#);
        assert_eq!(
            canonical(r#"{"via": null, "modifier": null}"#, IdRule::DatahubRelationshipChange),
            r#"{"modifier":null}"#
        );
    }

    #[test]
    fn digest_ignores_key_order_and_separates_parts() {
        let mut scratch = Vec::new();
        let arena = Bump::new();
        let parse = |text| crate::json::tree::parse(text, 64, &arena).unwrap();
        let a = digest(&parse(r#"{"x": 1, "y": {"k": "v"}}"#), IdRule::Exact, None, &mut scratch);
        let b = digest(&parse(r#"{"y": {"k": "v"}, "x": 1}"#), IdRule::Exact, None, &mut scratch);
        let c = digest(&parse(r#"{"y": {"k": "v"}, "x": 1, "m": null}"#), IdRule::Exact, None, &mut scratch);
        let d = digest(&parse(r#"{"x": 1, "y": {"k": "v"}}"#), IdRule::Exact, Some("tags"), &mut scratch);
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_ne!(a, d);
        let parts = ["tags".to_owned(), "owners".to_owned()];
        let both = digest_parts(&parse(r#"{"x": 1, "y": {"k": "v"}}"#), IdRule::Exact, &parts, &mut scratch);
        assert_eq!(both.first(), Some(&d));
        assert_ne!(both.first(), both.get(1));
    }
}
