//! The byte prefilter: before parsing an NDJSON line, rule it out when it lacks a literal every
//! match must contain. A filter's required literals form clauses (a line must hold one literal
//! of every clause). Only values that appear verbatim in the raw text yield literals:
//!
//! - `kind`: the categories/operations/operation types, `OpenMetadata` event types and
//!   `FieldChange` names and lists the catalog maps to the kinds;
//! - strings compared with `eq`/`in`/lists, `prefix`, `suffix`, `contains` on `entity.*` (but
//!   `platform`, which is lowercased, and `fieldPath`; `parent` yields its parts around `@`,
//!   since Apache Atlas parents are derived as `<name>@<cluster>`), `actor`, `subjects` (each
//!   part between dots: custom-metadata `set.attribute` subjects and column FQNs are joined),
//!   `details.*` (but the Atlan display names looked up from typedefs: `details.tags.name`,
//!   `details.changes.setName|attributeName`; `fieldPath`; and the texts `OpenMetadata` events
//!   make up), `native.category|operation|operationType|type|name|eventType|relationshipType|
//!   changeType|aspectName|fields` and `raw.*`;
//! - datahub-actions string values (not event types).
//!
//! `not`, `ne`, `exists`, `glob`, `regex`, comparisons, numbers, `id`, `time`, `source`,
//! `native.evidence` and `entity.platform` yield none, so filters made only of those scan every
//! line.
//!
//! A literal must not need escaping in JSON (no `"`, `\`, `/` or control characters); non-ASCII
//! literals also match in Avro's byte-per-code-point spelling. Lines that may hide their text are
//! always parsed: those with `\u` escapes (the only escape that can spell a character a literal
//! holds), base64 Lambda bodies (`isBase64Encoded`), gzip notifications (`GZIP`), base64
//! `CloudEvents` data (`data_base64`) and parts of split notifications (`msgSplitCount` above 1,
//! whose chunks are base64 whether compressed or not), however deeply they are escaped inside
//! other JSON strings. Streams of Kafka records (the `kafka-avro` format) are never prefiltered.

use aho_corasick::Span;
use aho_corasick::packed::{Config, MatchKind, Searcher};
use memchr::memmem::Finder;
use serde_json::Value;

use super::actions::{ActionsFilter, Predicates};
use super::expr::{Expr, FieldPath, Scalar, Test};
use crate::catalog::openmetadata::DERIVED_TEXT_DETAILS;
use crate::catalog::{Catalog, Discriminators};
use crate::model::Kind;

/// Literals in conjunctive normal form: every clause needs one of its literals.
pub(crate) type Clauses = Vec<Vec<String>>;

/// Details that hold display names looked up from Atlan typedefs, not text of the raw event.
const LOOKED_UP_DETAILS: &[&[&str]] = &[&["tags", "name"], &["changes", "setName"], &["changes", "attributeName"]];

/// Fields whose string values appear verbatim in the raw event. Not so: `entity.platform`
/// (lowercased), field paths (`OpenMetadata`'s are unquoted and joined from several places),
/// `native.part`, Atlan names looked up from typedefs ([`LOOKED_UP_DETAILS`]) and the details
/// `OpenMetadata` events make up ([`DERIVED_TEXT_DETAILS`]).
fn verbatim(path: &FieldPath) -> bool {
    match path {
        FieldPath::Details(segments) if LOOKED_UP_DETAILS.iter().any(|looked_up| segments == looked_up) => false,
        FieldPath::Entity(Some(field)) => !matches!(*field, "platform" | "fieldPath"),
        // `evidence` is the parser's finding, not the wire's; `part` is made up.
        FieldPath::Native(Some(field)) => !matches!(*field, "format" | "envelope" | "evidence" | "part"),
        FieldPath::Details(segments) => {
            segments.first().is_none_or(|name| name != "fieldPath" && !DERIVED_TEXT_DETAILS.contains(&name.as_str()))
        }
        FieldPath::Actor | FieldPath::Subjects | FieldPath::Raw(_) => true,
        _ => false,
    }
}

/// Whether `text` appears unchanged wherever JSON holds it (even JSON inside a JSON string).
/// Text that reads as a number or boolean may have been turned into text by coercion, whose
/// spelling can differ from the wire's (`1.5e2` becomes `150.0`), so it is not used either.
fn usable(text: &str) -> bool {
    !text.is_empty()
        && !text.bytes().any(|b| matches!(b, b'"' | b'\\' | b'/') || b < 0x20)
        && text.parse::<f64>().is_err()
        && !matches!(text, "true" | "false" | "null")
}

/// The clause "this text appears": the text itself, and for non-ASCII text also its spelling in
/// Avro's JSON rendering of bytes (one code point per UTF-8 byte), which DataHub poll responses
/// and PlatformEvents may carry and the parser decodes.
fn appears(text: &str) -> Vec<String> {
    let mut clause = vec![text.to_owned()];
    if !text.is_ascii() {
        clause.push(text.bytes().map(char::from).collect());
    }
    clause
}

/// Clauses a string value of `path` needs.
fn string_clauses(path: &FieldPath, text: &str) -> Clauses {
    if !verbatim(path) {
        return Vec::new();
    }
    // Subjects may be joined from parts at a dot: Atlan custom metadata's `setId.attributeId`,
    // an OpenMetadata column FQN built from the entity's FQN and the column's name. Apache Atlas
    // parents are joined to their cluster (`db.table.col@cl` → `db.table@cl`). Only the parts
    // are certain to be verbatim.
    let parts: Vec<&str> = match path {
        FieldPath::Subjects => text.split('.').collect(),
        FieldPath::Entity(Some("parent")) => text.split('@').collect(),
        _ => vec![text],
    };
    parts.into_iter().filter(|part| usable(part)).map(appears).collect()
}

/// Clauses of one alternative among several: its most selective clause.
fn best(clauses: &Clauses) -> Option<&Vec<String>> {
    clauses.iter().max_by_key(|clause| clause.iter().map(String::len).min().unwrap_or(0))
}

/// The clause of "one of these alternatives": the union of one clause of each, or nothing
/// when an alternative needs nothing.
fn either(alternatives: &[Clauses]) -> Clauses {
    let mut union = Vec::new();
    for alternative in alternatives {
        let Some(clause) = best(alternative) else { return Vec::new() };
        for literal in clause {
            if !union.contains(literal) {
                union.push(literal.clone());
            }
        }
    }
    if union.is_empty() { Vec::new() } else { vec![union] }
}

/// What one catalog entry's events need on the wire: clauses (a line holds one literal of each).
fn entry_clauses(discriminators: Discriminators) -> Vec<Vec<&'static str>> {
    match discriminators {
        Discriminators::EntityChangeEvent { categories, operations, .. } => {
            vec![categories.to_vec(), operations.to_vec()]
        }
        Discriminators::RelationshipChangeEvent { operations } => vec![vec!["relationshipType"], operations.to_vec()],
        Discriminators::AtlanNotification { operation_types, .. }
        | Discriminators::AtlasNotification { operation_types, .. } => vec![operation_types.to_vec()],
        Discriminators::OpenMetadataChangeEvent { event_types, changes, fields } => {
            let fan_out = crate::catalog::openmetadata::FAN_OUT_EVENT_TYPES;
            if fields.is_empty() {
                vec![event_types.to_vec()]
            } else if event_types.is_empty() {
                // Made only by a FieldChange: its event type fans out, its name and list are there
                // (`columns.email.tags` holds `tags`).
                vec![fan_out.to_vec(), fields.to_vec(), changes.to_vec()]
            } else {
                // Made by an eventType alone or by a FieldChange: only the event type is certain.
                vec![event_types.iter().chain(fan_out).copied().collect()]
            }
        }
    }
}

/// What each kind needs on the wire, from the catalog: the clauses of its entries, united
/// position by position (an entry with fewer clauses repeats its last), so a line of any entry
/// holds a literal of every united clause.
fn kind_clauses(kinds: &[Kind]) -> Clauses {
    let catalog = Catalog::builtin();
    let mut per_entry: Vec<Vec<Vec<&str>>> = Vec::new();
    for kind in kinds {
        if *kind == Kind::Unknown {
            return Vec::new();
        }
        per_entry.extend(catalog.entries_for_kind(*kind).map(|entry| entry_clauses(entry.discriminators)));
    }
    let width = per_entry.iter().map(Vec::len).max().unwrap_or(0);
    let mut united: Clauses = vec![Vec::new(); width];
    for clauses in &per_entry {
        let Some(last) = clauses.last() else { return Vec::new() };
        for (position, clause) in united.iter_mut().enumerate() {
            for literal in clauses.get(position).unwrap_or(last) {
                if !clause.iter().any(|known| known == literal) {
                    clause.push((*literal).to_owned());
                }
            }
        }
    }
    // A clause with an empty alternative would need nothing: it rules nothing out.
    united.retain(|clause| !clause.is_empty());
    united
}

fn test_clauses(path: &FieldPath, test: &Test) -> Clauses {
    match test {
        Test::Kinds { kinds, negated: false } => kind_clauses(kinds),
        Test::AnyOf(scalars) => {
            let alternatives: Vec<Clauses> = scalars
                .iter()
                .map(|scalar| match scalar {
                    Scalar::String(text) => string_clauses(path, text),
                    _ => Vec::new(),
                })
                .collect();
            if alternatives.len() == 1 {
                alternatives.into_iter().next().unwrap_or_default()
            } else {
                either(&alternatives)
            }
        }
        Test::Prefix(text) | Test::Suffix(text) | Test::Contains(text) => {
            if matches!(path, FieldPath::Subjects) {
                // A part of a `set.attribute` subject may span the dot.
                if text.contains('.') { Vec::new() } else { string_clauses(path, text) }
            } else {
                string_clauses(path, text)
            }
        }
        _ => Vec::new(),
    }
}

/// The clauses a compiled expression needs.
pub(crate) fn expr_clauses(expr: &Expr) -> Clauses {
    match expr {
        Expr::All(parts) => parts.iter().flat_map(expr_clauses).collect(),
        Expr::Any(parts) => either(&parts.iter().map(expr_clauses).collect::<Vec<_>>()),
        Expr::Not(_) => Vec::new(),
        Expr::Field { path, tests } => tests.iter().flat_map(|test| test_clauses(path, test)).collect(),
    }
}

fn value_clauses(filter: &Value) -> Clauses {
    match filter {
        Value::String(text) if usable(text) => vec![appears(text)],
        Value::Array(items) => {
            let alternatives: Vec<Clauses> = items
                .iter()
                .map(|item| match item {
                    Value::String(text) if usable(text) => vec![appears(text)],
                    _ => Vec::new(),
                })
                .collect();
            either(&alternatives)
        }
        Value::Object(fields) => fields.values().flat_map(value_clauses).collect(),
        _ => Vec::new(),
    }
}

/// The clauses a datahub-actions filter needs.
pub(crate) fn actions_clauses(filter: &ActionsFilter) -> Clauses {
    let mut clauses = Vec::new();
    for stage in &filter.stages {
        let alternatives: Vec<Clauses> = stage
            .types
            .iter()
            .map(|(_, predicates)| match predicates {
                Predicates::All => Vec::new(),
                Predicates::AnyOf(dicts) => either(
                    &dicts.iter().map(|dict| dict.values().flat_map(value_clauses).collect()).collect::<Vec<_>>(),
                ),
            })
            .collect();
        clauses.extend(either(&alternatives));
    }
    clauses
}

/// Byte sequences that mean a line's text may be hidden from a literal search: `\u` escapes,
/// base64 bodies, gzip messages, `CloudEvents`' `data_base64`. They hold no quotes, so they are
/// found at any depth of escaping. (`\/` and the other escapes only spell characters no literal
/// holds.)
const MARKERS: &[&[u8]] = &[b"\\u", b"isBase64Encoded", b"GZIP", b"data_base64"];

/// The part of each of [`MARKERS`] that the one-pass search looks for: one rare in events.
const MARKER_RARE_PARTS: &[&[u8]] = &[b"\\u", b"4Encoded", b"GZIP", b"a_base64"];

/// The compiled prefilter.
#[derive(Debug, Clone)]
pub(crate) struct Prefilter {
    clauses: Vec<Vec<Finder<'static>>>,
    markers: Vec<Finder<'static>>,
    split: Finder<'static>,
    literals: Clauses,
    /// All anchors in one searcher, where the platform has a packed (SIMD) one.
    one_pass: Option<OnePass>,
}

/// Every anchor of a prefilter in one packed multi-pattern searcher (Teddy), so that the whole
/// text is read once rather than once per anchor. Each anchor is searched for by a part of it
/// that is rare in events: a literal by what follows its last `:` (`PII` of `urn:li:tag:PII`),
/// `isBase64Encoded` by `4Encoded`, `msgSplitCount` by `tCount`. A hit is a candidate only when
/// the line passes [`Prefilter::may_match`], which checks the whole anchors.
#[derive(Debug, Clone)]
struct OnePass {
    searcher: Searcher,
    /// Per pattern: whether it is the `msgSplitCount` anchor (a candidate only when the count is
    /// not a plain 1, which is told from the bytes around the hit).
    split: Vec<bool>,
}

/// The part of `msgSplitCount` the one-pass search looks for, and what precedes it.
const SPLIT_TAIL: &[u8] = b"tCount";
const SPLIT_HEAD: &[u8] = b"msgSpli";

impl OnePass {
    fn new(first_clause: &[String]) -> Option<Self> {
        let mut builder = Config::new().match_kind(MatchKind::LeftmostFirst).builder();
        let mut split = Vec::new();
        for literal in first_clause {
            let rare = match literal.rsplit_once(':') {
                Some((_, tail)) if tail.len() >= 2 => tail,
                _ => literal.as_str(),
            };
            builder.add(rare);
            split.push(false);
        }
        for marker in MARKER_RARE_PARTS {
            builder.add(marker);
            split.push(false);
        }
        builder.add(SPLIT_TAIL);
        split.push(true);
        Some(Self { searcher: builder.build()?, split })
    }
}

const SPLIT_COUNT: &[u8] = b"msgSplitCount";

/// Whether some `msgSplitCount` in `line` is followed (after quotes, escapes, colons and spaces)
/// by a number other than 1: a part of a split notification, whose text is base64 cut anywhere.
fn split_part(finder: &Finder<'_>, line: &[u8]) -> bool {
    finder.find_iter(line).any(|at| split_count_at(line, at))
}

/// Whether the `msgSplitCount` at `at` in `text` is followed by anything but a plain 1 (missing
/// digits, a string or anything else counts as possibly split). Looks only at the bytes after it,
/// up to the end of its line.
fn split_count_at(text: &[u8], at: usize) -> bool {
    let rest = text.get(at + SPLIT_COUNT.len()..).unwrap_or_default();
    let start = rest.iter().position(|b| !matches!(b, b'"' | b'\\' | b':' | b' ' | b'\t' | b'\r'));
    let rest = start.and_then(|start| rest.get(start..)).unwrap_or_default();
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    !(digits == 1 && rest.first() == Some(&b'1'))
}

impl Prefilter {
    pub(crate) fn new(mut literals: Clauses) -> Self {
        for clause in &mut literals {
            clause.sort();
            clause.dedup();
        }
        literals.sort();
        literals.dedup();
        // Most selective clause first: its longest-shortest literal is the likeliest to be rare.
        literals.sort_by_key(|clause| std::cmp::Reverse(clause.iter().map(String::len).min().unwrap_or(0)));
        let clauses = literals
            .iter()
            .map(|clause| clause.iter().map(|literal| Finder::new(literal.as_bytes()).into_owned()).collect())
            .collect();
        let one_pass = literals.first().and_then(|first| OnePass::new(first));
        Self {
            clauses,
            markers: MARKERS.iter().map(|marker| Finder::new(marker).into_owned()).collect(),
            split: Finder::new(SPLIT_COUNT).into_owned(),
            literals,
            one_pass,
        }
    }

    /// The required literals, most selective clause first.
    pub(crate) fn literals(&self) -> &Clauses {
        &self.literals
    }

    /// Whether nothing can be ruled out.
    pub(crate) fn is_trivial(&self) -> bool {
        self.clauses.is_empty()
    }

    /// Whether the line may hide text from a byte search.
    fn opaque(&self, line: &[u8]) -> bool {
        self.markers.iter().any(|marker| marker.find(line).is_some()) || split_part(&self.split, line)
    }

    /// Whether the line may hold a match (false only when it certainly does not).
    pub(crate) fn may_match(&self, line: &[u8]) -> bool {
        self.clauses.is_empty()
            || self.clauses.iter().all(|clause| clause.iter().any(|finder| finder.find(line).is_some()))
            || self.opaque(line)
    }

    /// A cursor that finds, front to back, the lines of an NDJSON text that may match.
    pub(crate) fn candidates(&self) -> Candidates {
        let finders = self.clauses.first().map_or(0, Vec::len) + self.markers.len() + 1;
        Candidates { hits: vec![Hit::Unknown; finders] }
    }

    /// The finders that point at candidate lines: the most selective clause's literals, the
    /// markers of hidden text, and `msgSplitCount` (last).
    fn anchors(&self) -> impl Iterator<Item = &Finder<'static>> {
        self.clauses.first().into_iter().flatten().chain(self.markers.iter()).chain(std::iter::once(&self.split))
    }
}

/// What a [`Candidates`] cursor knows of one finder's next hit, by absolute offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hit {
    Unknown,
    At(u64),
    /// No hit from where the search started up to this offset.
    NoneBefore(u64),
}

/// Finds the lines of an NDJSON text that may match, searching the whole text for the anchor
/// literals rather than line by line (so a selective filter runs at the speed of `memmem`), and
/// remembering each finder's next hit so that no byte is searched twice by the same finder.
#[derive(Debug, Clone)]
pub(crate) struct Candidates {
    hits: Vec<Hit>,
}

impl Candidates {
    /// The offset in `window` of the start of its first line that may match. `window` holds
    /// complete lines only and starts at absolute offset `at`; the windows of successive calls
    /// never move backwards.
    pub(crate) fn first(&mut self, prefilter: &Prefilter, window: &[u8], at: u64) -> Option<usize> {
        if let Some(one_pass) = &prefilter.one_pass {
            return Self::first_in_one_pass(prefilter, one_pass, window);
        }
        let mut from = 0usize;
        loop {
            let hit = self.earliest(prefilter, window, at, from)?;
            let line_start = memchr::memrchr(b'\n', window.get(..hit).unwrap_or_default()).map_or(0, |nl| nl + 1);
            let rest = window.get(line_start..).unwrap_or_default();
            let line_end = memchr::memchr(b'\n', rest).map_or(window.len(), |nl| line_start + nl);
            if prefilter.may_match(window.get(line_start..line_end).unwrap_or_default()) {
                return Some(line_start);
            }
            from = line_end + 1;
            if from >= window.len() {
                return None;
            }
        }
    }

    /// [`Candidates::first`] by the one-pass searcher. Each call searches its window from the
    /// start: the reader's next window begins after the line returned, so no byte is searched
    /// twice.
    fn first_in_one_pass(prefilter: &Prefilter, one_pass: &OnePass, window: &[u8]) -> Option<usize> {
        let mut from = 0usize;
        while from < window.len() {
            let found = one_pass.searcher.find_in(window, Span::from(from..window.len()))?;
            let hit = found.start();
            if one_pass.split.get(found.pattern().as_usize()).copied().unwrap_or(false) {
                // `tCount` stands for a candidate only as `msgSplitCount` with a count other than 1.
                let head = hit.checked_sub(SPLIT_HEAD.len());
                let marker = head.filter(|&head| window.get(head..hit) == Some(SPLIT_HEAD));
                if !marker.is_some_and(|head| split_count_at(window, head)) {
                    from = hit + 1;
                    continue;
                }
            }
            let line_start = memchr::memrchr(b'\n', window.get(..hit).unwrap_or_default()).map_or(0, |nl| nl + 1);
            let rest = window.get(line_start..).unwrap_or_default();
            let line_end = memchr::memchr(b'\n', rest).map_or(window.len(), |nl| line_start + nl);
            if prefilter.may_match(window.get(line_start..line_end).unwrap_or_default()) {
                return Some(line_start);
            }
            from = line_end + 1;
        }
        None
    }

    /// The smallest offset at or after `from` in `window` where some anchor hits.
    fn earliest(&mut self, prefilter: &Prefilter, window: &[u8], at: u64, from: usize) -> Option<usize> {
        let window_end = at + window.len() as u64;
        let from_abs = at + from as u64;
        let split_index = self.hits.len().saturating_sub(1);
        let mut best: Option<u64> = None;
        for (index, (finder, hit)) in prefilter.anchors().zip(self.hits.iter_mut()).enumerate() {
            let search_from = match *hit {
                Hit::At(position) if position >= from_abs => {
                    best = Some(best.map_or(position, |b| b.min(position)));
                    continue;
                }
                Hit::NoneBefore(end) if end >= window_end => continue,
                Hit::NoneBefore(end) => end.max(from_abs),
                Hit::At(_) | Hit::Unknown => from_abs,
            };
            let mut position = usize::try_from(search_from - at).unwrap_or(usize::MAX);
            *hit = Hit::NoneBefore(window_end);
            while let Some(found) = window.get(position..).and_then(|rest| finder.find(rest)) {
                let found = position + found;
                // `msgSplitCount` marks a candidate only when the count is not a plain 1.
                if index == split_index && !split_count_at(window, found) {
                    position = found + 1;
                    continue;
                }
                let absolute = at + found as u64;
                *hit = Hit::At(absolute);
                best = Some(best.map_or(absolute, |b| b.min(absolute)));
                break;
            }
        }
        best.and_then(|absolute| usize::try_from(absolute - at).ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lines of `text` a cursor reports, read as the stream reader does: each call's window
    /// starts after the line the previous call returned.
    fn candidate_lines(prefilter: &Prefilter, text: &[u8]) -> Vec<usize> {
        let mut candidates = prefilter.candidates();
        let mut lines = Vec::new();
        let mut offset = 0;
        while let Some(window) = text.get(offset..).filter(|window| !window.is_empty()) {
            let Some(start) = candidates.first(prefilter, window, offset as u64) else { break };
            let line_start = offset + start;
            lines.push(memchr::memchr_iter(b'\n', &text[..line_start]).count());
            offset = memchr::memchr(b'\n', &text[line_start..]).map_or(text.len(), |nl| line_start + nl + 1);
        }
        lines
    }

    #[test]
    fn both_searches_find_exactly_the_lines_that_may_match() {
        let lines = [
            r#"{"category":"TAG","operation":"ADD","modifier":"urn:li:tag:Gold"}"#,
            r#"{"category":"TAG","operation":"ADD","modifier":"urn:li:tag:PII"}"#,
            r#"{"category":"TAG","operation":"ADD","modifier":"urn:li:tag:P\u0049I"}"#,
            r#"{"body":"eyJ4Ijoi","isBase64Encoded":true}"#,
            r#"{"msgCompressionKind":"GZIP","message":"H4sI"}"#,
            r#"{"specversion":"1.0","data_base64":"eyJ4Ijoi"}"#,
            r#"{"msgSplitIdx":1,"msgSplitCount":2,"message":"{\"a"}"#,
            r#"{"msgSplitIdx":1,"msgSplitCount":1,"message":{}}"#,
            r#"{"body":"{\"msgSplitCount\": 3}"}"#,
            r#"{"resultCount":2,"modifier":"PII"}"#,
            r#"{"category":"TAG","modifier":"urn:li:tag:PII"}"#,
            "",
            r#"{"msgSplitCount":12}"#,
            r#"{"category":"TAG","operation":"ADD","modifier":"urn:li:tag:PII"}"#,
        ];
        let text = lines.join("\n");
        let clauses = vec![vec!["urn:li:tag:PII".to_owned()], vec!["TAG".to_owned()], vec!["ADD".to_owned()]];
        let prefilter = Prefilter::new(clauses);
        let expected: Vec<usize> =
            (0..lines.len()).filter(|&index| prefilter.may_match(lines[index].as_bytes())).collect();
        assert_eq!(expected, [1, 2, 3, 4, 5, 6, 8, 12, 13]);
        if prefilter.one_pass.is_some() {
            assert_eq!(candidate_lines(&prefilter, text.as_bytes()), expected, "one pass");
        }
        let mut per_anchor = prefilter.clone();
        per_anchor.one_pass = None;
        assert_eq!(candidate_lines(&per_anchor, text.as_bytes()), expected, "one search per anchor");
    }

    #[test]
    fn lines_that_hide_their_text_are_always_candidates() {
        let prefilter = Prefilter::new(vec![vec!["hive_table".to_owned()]]);
        // Parts of a split notification are base64 whether compressed or not, and numbered from 0.
        let uncompressed_part = br#"{"version":{"version":"1.0.0","versionParts":[1]},"msgId":"5e1f_0","msgCompressionKind":"NONE","msgSplitIdx":0,"msgSplitCount":3,"message":"eyJ2ZXJzaW9uIjp7"}"#;
        let gzip_part = br#"{"version":{"version":"1.0.0","versionParts":[1]},"msgId":"5e1f_1","msgCompressionKind":"GZIP","msgSplitIdx":2,"msgSplitCount":3,"message":"H4sIAAAAAAAAAK1U"}"#;
        let gzip_single = br#"{"version":{"version":"1.0.0","versionParts":[1]},"msgId":"5e1f_2","msgCompressionKind":"GZIP","msgSplitIdx":1,"msgSplitCount":1,"message":"H4sIAAAAAAAAAK1U"}"#;
        let escaped_part =
            br#"{"body":"{\"msgId\":\"5e1f_3\",\"msgSplitIdx\":0,\"msgSplitCount\": 2,\"message\":\"eyJ2\"}"}"#;
        for line in [&uncompressed_part[..], gzip_part, gzip_single, escaped_part] {
            assert!(prefilter.may_match(line), "{}", String::from_utf8_lossy(line));
        }
        let plain = br#"{"msgCompressionKind":"NONE","msgSplitIdx":1,"msgSplitCount":1,"message":{"operationType":"ENTITY_CREATE","entity":{"typeName":"kafka_topic"}}}"#;
        assert!(!prefilter.may_match(plain));
        // The whole-text search finds the split part among lines it rules out.
        let text = [&plain[..], uncompressed_part, plain].join(&b'\n');
        let mut candidates = prefilter.candidates();
        assert_eq!(candidates.first(&prefilter, &text, 0), Some(plain.len() + 1));
        let mut per_anchor = prefilter.clone();
        per_anchor.one_pass = None;
        let mut candidates = per_anchor.candidates();
        assert_eq!(candidates.first(&per_anchor, &text, 0), Some(plain.len() + 1));
    }
}
