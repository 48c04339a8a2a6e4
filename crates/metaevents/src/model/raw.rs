//! The innermost platform event's exact text. An envelope's inner event is a member of the
//! record's text (Atlan's `message`, an EventBridge `detail`, ...): the event keeps the record
//! and the steps to that member, and cuts the exact text out only when it is first asked for.

use std::ops::Range;
use std::sync::{Arc, OnceLock};

use crate::json::scan;

/// One step from a JSON text to a value inside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    Member(&'static str),
    Element(usize),
}

/// Envelopes enclosure at most this deep inside one text.
const MAX_STEPS: usize = 12;

/// The steps from a text to a value inside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Steps {
    items: [Step; MAX_STEPS],
    len: usize,
    /// More steps than fit: the value is then taken to be the whole text.
    overflow: bool,
}

impl Default for Steps {
    fn default() -> Self {
        Self { items: [Step::Element(0); MAX_STEPS], len: 0, overflow: false }
    }
}

impl Steps {
    /// These steps and one more.
    pub(crate) fn then(mut self, step: Step) -> Self {
        match self.items.get_mut(self.len) {
            Some(slot) => {
                *slot = step;
                self.len += 1;
            }
            None => self.overflow = true,
        }
        self
    }

    /// The steps, or none when there were more than fit (the value is then the whole text).
    fn as_slice(&self) -> &[Step] {
        if self.overflow { &[] } else { self.items.get(..self.len).unwrap_or_default() }
    }
}

/// The range of the value that `steps` lead to in `text`.
fn resolve(steps: &[Step], text: &str) -> Range<usize> {
    let mut range = 0..text.len();
    for step in steps {
        let Some(current) = text.get(range.clone()) else { return 0..text.len() };
        let found = match step {
            Step::Member(key) => scan::member_span(current, key),
            Step::Element(index) => scan::element_spans(current).and_then(|spans| spans.get(*index).cloned()),
        };
        match found {
            Some(inner) => range = range.start + inner.start..range.start + inner.end,
            // Only on text the parser did not accept: keep what was found so far.
            None => return range,
        }
    }
    range
}

/// A value inside a text: borrowed while parsing.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RawRef<'t> {
    pub text: &'t str,
    pub steps: Steps,
}

impl<'t> RawRef<'t> {
    /// The whole of `text`.
    pub(crate) fn whole(text: &'t str) -> Self {
        Self { text, steps: Steps::default() }
    }

    /// A member or element of this value.
    pub(crate) fn then(self, step: Step) -> Self {
        Self { text: self.text, steps: self.steps.then(step) }
    }

    pub(crate) fn to_owned_text(self) -> RawText {
        let span = OnceLock::new();
        // Held by events: exactly as many steps as there are (an Atlan envelope's one step costs
        // 24 bytes, not room for twelve), and none at all without envelopes.
        let steps: Box<[Step]> = self.steps.as_slice().into();
        if steps.is_empty() {
            let _ = span.set(0..self.text.len());
        }
        RawText { text: self.text.into(), steps, span }
    }
}

/// A value inside a text, owned by an event; the events one input fans out to share the text.
#[derive(Debug, Clone)]
pub(crate) struct RawText {
    text: Arc<str>,
    steps: Box<[Step]>,
    span: OnceLock<Range<usize>>,
}

impl RawText {
    /// The value's exact text.
    pub(crate) fn get(&self) -> &str {
        let span = self.span.get_or_init(|| resolve(&self.steps, &self.text));
        self.text.get(span.clone()).unwrap_or(&self.text)
    }
}

impl PartialEq for RawText {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_resolve_to_the_exact_inner_text() {
        let text = r#"{"detail": {"v": 1, "message": {"a": [1, 2]}}, "x": [{"k": 0}, {"k": "two"}]}"#;
        let message = RawRef::whole(text).then(Step::Member("detail")).then(Step::Member("message")).to_owned_text();
        assert_eq!(message.get(), r#"{"a": [1, 2]}"#);
        let second = RawRef::whole(text).then(Step::Member("x")).then(Step::Element(1)).to_owned_text();
        assert_eq!(second.get(), r#"{"k": "two"}"#);
        assert_eq!(RawRef::whole(text).to_owned_text().get(), text);
    }
}
