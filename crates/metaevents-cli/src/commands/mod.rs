//! One module per subcommand (`Cli::run` in `cli.rs` dispatches to them).

pub mod catalog;
pub mod filter;
pub mod normalize;
pub mod stats;
pub mod validate;
