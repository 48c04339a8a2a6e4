#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "a test harness: failing loudly is its job")]

//! `tests/vectors/error-kinds.json` is the core's table of error kinds
//! ([`metaevents::ffi::error_kinds`]: each kind with its category and exception class), written
//! out for the Python and JavaScript tests, which check their exceptions against it. This test
//! fails when the file drifts from the core; `METAEVENTS_BLESS=1 cargo test -p metaevents --test
//! error_kinds` writes it again.

use std::path::Path;

use metaevents::ffi::{ErrorKindInfo, error_kinds};
use serde_json::Value;

const REGENERATE: &str = "METAEVENTS_BLESS=1 cargo test -p metaevents --test error_kinds";

/// The file's content (a struct, so the keys keep this order in the file).
#[derive(serde::Serialize)]
struct Table {
    description: String,
    kinds: Vec<ErrorKindInfo>,
}

fn table() -> Table {
    Table {
        description: format!(
            "Every error kind of the core with its category and the exception class Python and \
             JavaScript raise for it, from metaevents::ffi::error_kinds(). Generated: {REGENERATE}"
        ),
        kinds: error_kinds(),
    }
}

#[test]
fn the_error_kinds_file_is_the_core_table() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors/error-kinds.json");
    let wanted = table();
    if std::env::var_os("METAEVENTS_BLESS").is_some() {
        std::fs::write(&path, serde_json::to_string_pretty(&wanted).unwrap() + "\n").unwrap();
        return;
    }
    let wanted = serde_json::to_value(wanted).unwrap();
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|err| panic!("{}: {err}; write it with `{REGENERATE}`", path.display()));
    let found: Value = serde_json::from_str(&text).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
    assert!(
        found == wanted,
        "{} differs from metaevents::ffi::error_kinds(): write it again with `{REGENERATE}`",
        path.display()
    );
}
