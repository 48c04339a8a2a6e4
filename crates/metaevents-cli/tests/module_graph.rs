#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing, reason = "a test harness")]
//! The CLI's modules have no cycles.

#[path = "../../metaevents/tests/support/module_graph.rs"]
mod module_graph;

#[test]
fn cli_modules_have_no_cycles() {
    let graph = module_graph::module_graph(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    assert!(graph.contains_key("input") && graph.contains_key("report"), "{graph:?}");
    module_graph::assert_acyclic(&graph);
}
