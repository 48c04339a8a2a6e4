//! `metaevents`: normalize, filter, count and validate the change events of metadata catalogs
//! (Atlan, Apache Atlas and Microsoft Purview, DataHub) from files or stdin. Exit codes: 0 ok, 1 some records bad (each reported on
//! stderr as `FILE:LINE: PATH: MESSAGE`), 2 usage errors, bad filters and unreadable inputs.

// The doc comments of the clap types are the `--help` text, where Markdown backticks would show.
#![allow(clippy::doc_markdown)]

mod cli;
mod commands;
mod demo;
mod input;
mod output;
mod report;

use std::process::ExitCode;

use clap::Parser as _;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cli.run() {
        Ok(code) => code,
        Err(fatal) => {
            report::eprint_line(&format!("metaevents: error: {fatal}"));
            ExitCode::from(2)
        }
    }
}
