//! JSON plumbing shared by every parser: a borrowed tree with sorted objects, the canonical form
//! hashed into event ids, a structural scanner that finds value boundaries without building
//! anything, and JSON-path rendering for error messages.

pub(crate) mod canonical;
pub(crate) mod path;
pub(crate) mod scan;
pub(crate) mod tree;

pub(crate) use tree::{Node, Object};
