//! One module per subcommand; `run` dispatches and turns the outcome into the exit code.

pub mod catalog;
pub mod filter;
pub mod normalize;
pub mod stats;
pub mod validate;

use std::process::ExitCode;

use crate::cli::{Cli, Command};
use crate::output::{Fatal, Output, Reporter};

/// Runs the command. `Ok` carries exit code 0 or 1 (some records bad); `Err` means exit code 2.
/// A closed stdout ends the run quietly with the code earned so far.
pub fn run(cli: Cli) -> Result<ExitCode, Fatal> {
    let mut out = Output::new();
    let mut reporter = Reporter::new();
    let result = match cli.command {
        Command::Normalize(args) => normalize::run(&args, cli.quiet, &mut out, &mut reporter),
        Command::Filter(args) => filter::run(&args, cli.quiet, &mut out, &mut reporter),
        Command::Stats(args) => stats::run(&args, cli.quiet, &mut out, &mut reporter),
        Command::Catalog(args) => catalog::run(&args, &mut out),
        Command::Validate(args) => validate::run(&args, cli.quiet, &mut out, &mut reporter),
    }
    .and_then(|()| out.flush());
    match result {
        Ok(()) | Err(Fatal::BrokenPipe) => Ok(reporter.exit_code()),
        Err(fatal) => Err(fatal),
    }
}
