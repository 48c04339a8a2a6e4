//! JSON plumbing shared by every parser: a borrowed tree with sorted objects, the canonical form
//! hashed into event ids, a structural scanner that finds value boundaries without building
//! anything, and JSON-path rendering for error messages.

pub(crate) mod arena;
pub(crate) mod canonical;
mod parse;
pub(crate) mod path;
pub(crate) mod scan;
pub(crate) mod tree;

pub(crate) use tree::{Node, Object};

/// Parses `text` with the hand-written JSON parser and with the `serde_json` reference parser
/// (for the `json` fuzz target): `Err` says how they disagree.
#[doc(hidden)]
pub fn compare_parsers(text: &str, max_depth: usize) -> Result<(), String> {
    tree::compare_parsers(text, max_depth)
}
