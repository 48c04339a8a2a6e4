//! The hand-written JSON parser that builds the arena tree of every record.
//!
//! It accepts exactly what the `serde_json`-based reference parser in [`super::tree`] accepts
//! (RFC 8259, no duplicate keys, nesting within the depth limit) and builds the same tree; on
//! anything else it gives up, and the reference parser then reports the fault with its line,
//! column and JSON path. Faults are rare, so their cost does not matter; the tree of a good
//! record is built in one pass (one call deeper per level of nesting, which the depth limit
//! bounds), with no allocation outside the arena. Numbers other than plain non-negative integers are read
//! by `serde_json` itself, so every value is the one it gives. The property test below, the unit
//! tests and the `json` fuzz target compare the two parsers on the same inputs.

use bumpalo::Bump;
use bumpalo::collections::Vec as ArenaVec;
use serde_json::Number;

use super::tree::{Node, Object, Str};

/// Parses one complete JSON document (surrounding whitespace allowed) into `arena`; `None` when
/// the text is not one the reference parser accepts, or nests deeper than `max_depth`.
pub(crate) fn parse<'a>(text: &'a str, max_depth: usize, arena: &'a Bump) -> Option<Node<'a>> {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        max_depth,
        arena,
        elements: ArenaVec::with_capacity_in(32, arena),
        members: ArenaVec::with_capacity_in(64, arena),
        order: ArenaVec::new_in(arena),
    };
    parser.token()?;
    let node = parser.value(0)?;
    // Nothing but whitespace may follow.
    match parser.token() {
        None => Some(node),
        Some(_) => None,
    }
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    max_depth: usize,
    arena: &'a Bump,
    /// Elements of the arrays being read, innermost last.
    elements: ArenaVec<'a, Node<'a>>,
    /// Members of the objects being read, innermost last.
    members: ArenaVec<'a, (Str<'a>, Node<'a>)>,
    /// The order of an object's members being sorted: see [`Parser::sorted_object`].
    order: ArenaVec<'a, u128>,
}

const ONES: u64 = u64::MAX / 255;
const HIGHS: u64 = ONES * 0x80;

/// The bytes of `word` (little-endian) that are `"`, `\` or a control character, as their high
/// bits. Only the lowest marked byte is certain (a borrow may mark bytes above it). The high bit
/// of `word ^ c` is that of `word` for these ASCII `c`, so one `!word` serves all three tests.
fn specials(word: u64) -> u64 {
    let quote = word ^ (ONES * u64::from(b'"'));
    let backslash = word ^ (ONES * u64::from(b'\\'));
    (quote.wrapping_sub(ONES) | backslash.wrapping_sub(ONES) | word.wrapping_sub(ONES * 0x20)) & !word & HIGHS
}

/// Index of the first `"`, `\` or control character at or after `pos`, or the length.
#[expect(clippy::inline_always, reason = "in the loop over members, with its constants kept in registers")]
#[inline(always)]
fn special_at(bytes: &[u8], mut pos: usize) -> usize {
    while let Some(chunk) = bytes.get(pos..pos + 8) {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        let found = specials(word);
        if found != 0 {
            return pos + (found.trailing_zeros() / 8) as usize;
        }
        pos += 8;
    }
    while let Some(&byte) = bytes.get(pos) {
        if byte == b'"' || byte == b'\\' || byte < 0x20 {
            return pos;
        }
        pos += 1;
    }
    pos
}

/// The first eight bytes of `key`, zero-padded, as a big-endian integer: their order is the
/// byte order of keys wherever two prefixes differ.
fn key_prefix(key: &str) -> u64 {
    let bytes = key.as_bytes();
    match bytes.first_chunk::<8>() {
        Some(first) => u64::from_be_bytes(*first),
        None => {
            bytes.iter().zip((0..8).rev()).fold(0, |prefix, (&byte, place)| prefix | u64::from(byte) << (8 * place))
        }
    }
}

/// The index of a member in an integer of [`Parser::sorted_object`].
fn member_index(packed: u128) -> usize {
    usize::try_from(packed & u128::from(u64::MAX)).unwrap_or(usize::MAX)
}

fn hex_value(digits: &[u8]) -> Option<u32> {
    let mut value = 0;
    for &digit in digits {
        let nibble = match digit {
            b'0'..=b'9' => digit - b'0',
            b'a'..=b'f' => digit - b'a' + 10,
            b'A'..=b'F' => digit - b'A' + 10,
            _ => return None,
        };
        value = value << 4 | u32::from(nibble);
    }
    Some(value)
}

impl<'a> Parser<'a> {
    /// The byte at the next token, after whitespace (not consumed).
    #[inline]
    fn token(&mut self) -> Option<u8> {
        let byte = *self.bytes.get(self.pos)?;
        // Records are mostly minified: one comparison tells most tokens from whitespace.
        if byte > b' ' {
            return Some(byte);
        }
        self.skip_whitespace()
    }

    #[cold]
    fn skip_whitespace(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
        self.bytes.get(self.pos).copied()
    }

    /// The value at the current token, inside `depth` containers.
    fn value(&mut self, depth: usize) -> Option<Node<'a>> {
        Some(match *self.bytes.get(self.pos)? {
            b'"' => Node::String(self.string()?),
            b'{' => Node::Object(self.object(depth + 1)?),
            b'[' => Node::Array(self.array(depth + 1)?),
            b't' => self.literal(b"true", Node::Bool(true))?,
            b'f' => self.literal(b"false", Node::Bool(false))?,
            b'n' => self.literal(b"null", Node::Null)?,
            b'-' | b'0'..=b'9' => Node::Number(self.number()?),
            _ => return None,
        })
    }

    /// The array at the current `[`, the `depth`-th container.
    fn array(&mut self, depth: usize) -> Option<&'a [Node<'a>]> {
        if depth > self.max_depth {
            return None;
        }
        self.pos += 1;
        if self.token()? == b']' {
            self.pos += 1;
            return Some(&[]);
        }
        let start = self.elements.len();
        loop {
            let value = match self.bytes.get(self.pos) {
                Some(b'"') => Node::String(self.string()?),
                _ => self.value(depth)?,
            };
            self.elements.push(value);
            match self.token()? {
                b',' => {
                    self.pos += 1;
                    self.token()?;
                }
                b']' => break,
                _ => return None,
            }
        }
        self.pos += 1;
        if start > self.elements.len() {
            return None;
        }
        Some(self.elements.split_off(start).into_bump_slice())
    }

    /// The object at the current `{`, the `depth`-th container.
    fn object(&mut self, depth: usize) -> Option<Object<'a>> {
        if depth > self.max_depth {
            return None;
        }
        self.pos += 1;
        if self.token()? == b'}' {
            self.pos += 1;
            return Some(Object::default());
        }
        let start = self.members.len();
        loop {
            if self.token()? != b'"' {
                return None;
            }
            let key = self.string()?;
            if self.token()? != b':' {
                return None;
            }
            self.pos += 1;
            // Strings, the commonest values, are read here rather than through a call.
            let value = match self.token()? {
                b'"' => Node::String(self.string()?),
                _ => self.value(depth)?,
            };
            self.members.push((key, value));
            match self.token()? {
                b',' => self.pos += 1,
                b'}' => break,
                _ => return None,
            }
        }
        self.pos += 1;
        self.sorted_object(start)
    }

    /// The members from `start` on as an object: sorted by key, which must be unique.
    ///
    /// Each key stands for an integer that holds its first eight bytes (big-endian, zero-padded)
    /// above its index: the integers' order is the keys' wherever those bytes differ, comparing
    /// them is cheap, and they are a third of the size of members. Keys that share their first
    /// eight bytes end up next to each other and are put in order by their whole text.
    fn sorted_object(&mut self, start: usize) -> Option<Object<'a>> {
        let Self { members, order, arena, .. } = self;
        order.clear();
        let mut in_order = true;
        let mut previous = None;
        for ((key, _), index) in members.get(start..)?.iter().zip(0u64..) {
            let prefix = key_prefix(key);
            in_order &= previous.is_none_or(|previous| previous < prefix);
            previous = Some(prefix);
            order.push(u128::from(prefix) << 64 | u128::from(index));
        }
        // Objects already in key order (small ones often are) need no sort.
        if in_order {
            return Some(Object::from_sorted(members.split_off(start).into_bump_slice()));
        }
        order.sort_unstable();
        let unsorted = members.get_mut(start..)?;
        if order.windows(2).any(|pair| matches!(pair, [a, b] if a >> 64 == b >> 64)) {
            let key = |packed: u128| unsorted.get(member_index(packed)).map_or("", |(key, _)| key.as_str());
            let mut run_start = 0;
            while run_start < order.len() {
                let prefix = order.get(run_start).map_or(0, |packed| packed >> 64);
                let run_len = order.get(run_start..)?.iter().take_while(|packed| *packed >> 64 == prefix).count();
                if run_len > 1 {
                    let run = order.get_mut(run_start..run_start + run_len)?;
                    run.sort_unstable_by(|a, b| key(*a).cmp(key(*b)));
                    if run.windows(2).any(|pair| matches!(pair, [a, b] if key(*a) == key(*b))) {
                        return None;
                    }
                }
                run_start += run_len;
            }
        }
        // Move the members out in key order (every index is in range; the fallback keeps this total).
        let entries = arena.alloc_slice_fill_with(order.len(), |at| {
            order
                .get(at)
                .and_then(|packed| unsorted.get_mut(member_index(*packed)))
                .map_or((Str::borrowed(""), Node::Null), |member| {
                    std::mem::replace(member, (Str::borrowed(""), Node::Null))
                })
        });
        members.truncate(start);
        Some(Object::from_sorted(entries))
    }

    fn literal(&mut self, word: &[u8], node: Node<'a>) -> Option<Node<'a>> {
        if self.bytes.get(self.pos..self.pos + word.len()) == Some(word) {
            self.pos += word.len();
            Some(node)
        } else {
            None
        }
    }

    /// The string starting at the current `"`.
    #[expect(clippy::inline_always, reason = "in the loop over members, with its constants kept in registers")]
    #[inline(always)]
    fn string(&mut self) -> Option<Str<'a>> {
        let start = self.pos + 1;
        let end = special_at(self.bytes, start);
        if self.bytes.get(end) == Some(&b'"') {
            self.pos = end + 1;
            return self.text.get(start..end).map(Str::borrowed);
        }
        self.escaped_string(start, end)
    }

    /// The rest of a string that holds escapes, decoded into the arena; `at` is its first `\`
    /// (anything else there is a fault). Its end is found first, so that the decoded text (never
    /// longer than the escaped one) is written straight into an arena string of that size.
    #[inline(never)]
    fn escaped_string(&mut self, start: usize, at: usize) -> Option<Str<'a>> {
        let bytes = self.bytes;
        let mut end = at;
        loop {
            match bytes.get(end) {
                Some(b'\\') => end = special_at(bytes, end + 2),
                Some(b'"') => break,
                _ => return None,
            }
        }
        let mut decoded = bumpalo::collections::String::with_capacity_in(end - start, self.arena);
        decoded.push_str(self.text.get(start..at)?);
        let mut at = at;
        while at < end {
            // `at` is a `\`.
            let escape = *bytes.get(at + 1)?;
            at += 2;
            match escape {
                b'"' => decoded.push('"'),
                b'\\' => decoded.push('\\'),
                b'/' => decoded.push('/'),
                b'b' => decoded.push('\u{8}'),
                b'f' => decoded.push('\u{c}'),
                b'n' => decoded.push('\n'),
                b'r' => decoded.push('\r'),
                b't' => decoded.push('\t'),
                b'u' => {
                    let unit = hex_value(bytes.get(at..at + 4)?)?;
                    at += 4;
                    let code = match unit {
                        0xD800..=0xDBFF => {
                            // A leading surrogate must be followed by an escaped trailing one.
                            if bytes.get(at..at + 2) != Some(b"\\u") {
                                return None;
                            }
                            let low = hex_value(bytes.get(at + 2..at + 6)?)?;
                            if !(0xDC00..=0xDFFF).contains(&low) {
                                return None;
                            }
                            at += 6;
                            0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                        }
                        0xDC00..=0xDFFF => return None,
                        _ => unit,
                    };
                    decoded.push(char::from_u32(code)?);
                }
                _ => return None,
            }
            let next = memchr::memchr(b'\\', bytes.get(at..end)?).map_or(end, |offset| at + offset);
            decoded.push_str(self.text.get(at..next)?);
            at = next;
        }
        self.pos = end + 1;
        Some(Str::decoded(decoded.into_bump_str()))
    }

    /// The number at the current position. Non-negative integers of up to 19 digits (which
    /// always fit in a u64) are read here; the rest by `serde_json`, for its exact values and
    /// range errors.
    fn number(&mut self) -> Option<Number> {
        let bytes = self.bytes;
        let start = self.pos;
        let mut pos = start;
        let mut value = 0u64;
        match bytes.get(pos) {
            Some(b'0') => pos += 1,
            Some(b'1'..=b'9') => {
                while let Some(&byte) = bytes.get(pos) {
                    let digit = byte.wrapping_sub(b'0');
                    if digit > 9 {
                        break;
                    }
                    value = value.wrapping_mul(10).wrapping_add(u64::from(digit));
                    pos += 1;
                }
            }
            _ => return self.other_number(),
        }
        if pos - start > 19 || matches!(bytes.get(pos), Some(b'.' | b'e' | b'E')) {
            return self.other_number();
        }
        self.pos = pos;
        Some(Number::from(value))
    }

    /// A number with a sign, a fraction, an exponent or many digits, read by `serde_json` once
    /// its extent is known.
    #[cold]
    fn other_number(&mut self) -> Option<Number> {
        let bytes = self.bytes;
        let start = self.pos;
        let mut pos = start;
        if bytes.get(pos) == Some(&b'-') {
            pos += 1;
        }
        match bytes.get(pos) {
            Some(b'0') => pos += 1,
            Some(b'1'..=b'9') => {
                while let Some(b'0'..=b'9') = bytes.get(pos) {
                    pos += 1;
                }
            }
            _ => return None,
        }
        if bytes.get(pos) == Some(&b'.') {
            pos += 1;
            if !matches!(bytes.get(pos), Some(b'0'..=b'9')) {
                return None;
            }
            while let Some(b'0'..=b'9') = bytes.get(pos) {
                pos += 1;
            }
        }
        if let Some(b'e' | b'E') = bytes.get(pos) {
            pos += 1;
            if let Some(b'+' | b'-') = bytes.get(pos) {
                pos += 1;
            }
            if !matches!(bytes.get(pos), Some(b'0'..=b'9')) {
                return None;
            }
            while let Some(b'0'..=b'9') = bytes.get(pos) {
                pos += 1;
            }
        }
        self.pos = pos;
        self.text.get(start..pos)?.parse::<Number>().ok()
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    /// Both parsers on `text`: they must agree on acceptance and build identical trees.
    fn agree(text: &str, max_depth: usize) {
        if let Err(disagreement) = super::super::tree::compare_parsers(text, max_depth) {
            panic!("{disagreement}");
        }
    }

    #[test]
    fn agrees_on_hand_picked_documents() {
        let documents = [
            "{}",
            "[]",
            " { } ",
            "[1, 2.5, -3, -0, 0, 1e3, 1E-3, 2.5e+2, 18446744073709551615, 18446744073709551616, 123456789012345678901234567890]",
            "[-9223372036854775808, -9223372036854775809, 1e308, 1e-400, 0.1, 1.17549435e-38]",
            r#"{"b": 1, "a": {"z": [1, "x"], "y": null}, "c": "s\"q"}"#,
            r#"{"k": "\u00e9\ud83d\ude00\n\t\\\/\b\f\r", "\u006b2": "\u0000"}"#,
            r#""just a string""#,
            "true",
            " null ",
            "12",
            "\n[\r\n\t1 ,\n2 ]\n",
            r#"{"a":{"b":{"c":[[[]]]}}}"#,
            // Faults, each one the reference parser rejects.
            "",
            "   ",
            "{",
            "[1,]",
            "{\"a\":1,}",
            "{\"a\" 1}",
            "{a: 1}",
            "[01]",
            "[1.]",
            "[.5]",
            "[-]",
            "[1e]",
            "[1e+]",
            "[+1]",
            "[1 2]",
            "[\"a\" \"b\"]",
            "tru",
            "nul",
            "[true false]",
            "{\"a\": 1, \"a\": 2}",
            "{\"a\": 1, \"\\u0061\": 2}",
            "[1e999]",
            "[-1e999]",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"\\ud800\\u0041\"",
            "\"\\ud800x\"",
            "\"\\x\"",
            "\"\\u12g4\"",
            "\"tab\there\"",
            "\"unterminated",
            "\"a\\",
            "[1] [2]",
            "{} x",
            "[[[[]]]]",
            "\u{feff}{}",
        ];
        for text in documents {
            for depth in [1, 2, 3, 64] {
                agree(text, depth);
            }
        }
    }

    /// JSON-ish text: fragments of JSON glued together, so that most inputs are almost valid.
    fn jsonish() -> impl Strategy<Value = String> {
        let fragment = prop_oneof![
            Just("{".to_owned()),
            Just("}".to_owned()),
            Just("[".to_owned()),
            Just("]".to_owned()),
            Just(",".to_owned()),
            Just(":".to_owned()),
            Just(" ".to_owned()),
            Just("\n".to_owned()),
            Just("\"k\"".to_owned()),
            Just("\"a\":".to_owned()),
            Just("\"b\":".to_owned()),
            Just("null".to_owned()),
            Just("true".to_owned()),
            Just("-".to_owned()),
            Just("\\".to_owned()),
            Just("\"\\u00e9\\ud83d\\ude00\"".to_owned()),
            "[0-9eE+.-]{1,6}",
            "\"[a-z\\\\\"/é\u{1}]{0,6}\"",
            "\\\\u[0-9a-fA-FdD]{4}",
        ];
        prop::collection::vec(fragment, 0..24).prop_map(|parts| parts.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn agrees_on_json_like_text(text in jsonish(), depth in 1usize..5) {
            agree(&text, depth);
        }

        #[test]
        fn agrees_on_values_serde_json_writes(value in arbitrary_value(), pretty: bool) {
            let text = if pretty { serde_json::to_string_pretty(&value) } else { serde_json::to_string(&value) };
            agree(&text.unwrap(), 64);
        }
    }

    fn arbitrary_value() -> impl Strategy<Value = serde_json::Value> {
        use serde_json::Value;
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<u64>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
            ".{0,12}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 64, 8, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
                prop::collection::btree_map("[a-zA-Z\"\\\\é]{0,6}", inner, 0..8)
                    .prop_map(|map| Value::Object(map.into_iter().collect())),
            ]
        })
    }
}
