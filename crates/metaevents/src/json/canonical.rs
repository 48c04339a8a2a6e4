//! The canonical form that event ids hash: keys sorted by code point, no whitespace, and members
//! whose value is `null` or an object with nothing but such members left out. Leaving those out
//! keeps an event's id when a re-serializer spells absent optionals as `null` (datahub-actions
//! writes `"modifier": null`) or an empty `parameters` as `{}`.

use sha2::{Digest, Sha256};

use super::tree::{Node, Str};

/// Appends the canonical JSON of `node` to `out`.
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
        Node::Object(object) => {
            out.push(b'{');
            let mut first = true;
            for (key, value) in object.entries() {
                if is_vacant(value) {
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
    }
}

/// `null`, or an object whose members are all vacant.
fn is_vacant(node: &Node<'_>) -> bool {
    match node {
        Node::Null => true,
        Node::Object(object) => object.iter().all(|(_, value)| is_vacant(value)),
        _ => false,
    }
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

/// The first 128 bits of SHA-256 over the canonical JSON of `node`.
pub(crate) fn digest(node: &Node<'_>, scratch: &mut Vec<u8>) -> [u8; 16] {
    scratch.clear();
    write(node, scratch);
    let hash = Sha256::digest(scratch.as_slice());
    let mut id = [0u8; 16];
    for (slot, byte) in id.iter_mut().zip(hash.iter()) {
        *slot = *byte;
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;
    use bumpalo::Bump;

    fn parse<'a>(text: &'a str, _depth: usize, arena: &'a Bump) -> Node<'a> {
        crate::json::tree::parse(text, 64, arena).unwrap()
    }

    fn canonical(text: &str) -> String {
        let arena = Bump::new();
        let node = parse(text, 64, &arena);
        let mut out = Vec::new();
        write(&node, &mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn sorts_keys_drops_vacant_members_and_whitespace() {
        assert_eq!(
            canonical(r#"{ "b": [1, null, {"z": null}], "a": "x\n\"y\"", "n": null, "e": {"q": null} , "f": 1.5}"#),
            r#"{"a":"x\n\"y\"","b":[1,null,{}],"f":1.5}"#
        );
    }

    #[test]
    fn escapes_control_characters() {
        assert_eq!(canonical(r#""\u0001é""#), "\"\\u0001é\"");
    }

    #[test]
    fn digest_ignores_key_order_and_nulls() {
        let mut scratch = Vec::new();
        let arena = Bump::new();
        let a = digest(&parse(r#"{"x": 1, "y": {"k": "v"}}"#, 64, &arena), &mut scratch);
        let b = digest(&parse(r#"{"y": {"k": "v"}, "m": null, "x": 1}"#, 64, &arena), &mut scratch);
        let c = digest(&parse(r#"{"y": {"k": "w"}, "x": 1}"#, 64, &arena), &mut scratch);
        assert_eq!(a, b);
        assert_ne!(a, c);
    }
}
