#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing, reason = "a test harness")]
//! The core's modules form layers with no cycles (ARCHITECTURE.md draws them).

mod support {
    pub mod module_graph;
}
use support::module_graph::{assert_acyclic, module_graph};

#[test]
fn core_modules_have_no_cycles() {
    let graph = module_graph(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    assert!(graph.contains_key("normalize") && graph.contains_key("filter"), "{graph:?}");
    assert_acyclic(&graph);
}
