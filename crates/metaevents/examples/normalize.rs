//! Prints the normalized events of a file (any supported input, gzip too) as NDJSON; bad records
//! go to stderr as `FILE:LINE: what is wrong`.
//!
//! `cargo run --release -p metaevents --example normalize -- FILE [--raw]`

use std::io::Write as _;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: normalize FILE [--raw]");
        return ExitCode::from(2);
    };
    let include_raw = args.any(|arg| arg == "--raw");
    let file = match std::fs::File::open(&path) {
        Ok(file) => file,
        Err(err) => {
            eprintln!("{path}: {err}");
            return ExitCode::from(2);
        }
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    for record in metaevents::read(std::io::BufReader::new(file)) {
        match record {
            Ok(record) => match record.parsed {
                metaevents::Parsed::Event(event) => {
                    if writeln!(out, "{}", event.to_json(include_raw)).is_err() {
                        return ExitCode::SUCCESS;
                    }
                }
                metaevents::Parsed::ValidationRequest(_) => {
                    eprintln!("{path}:{}: webhook validation request", record.line);
                }
            },
            Err(err) => {
                failed = true;
                eprintln!("{path}:{}: {}", err.line().unwrap_or(0), err);
            }
        }
    }
    if out.flush().is_err() {
        return ExitCode::SUCCESS;
    }
    if failed { ExitCode::from(1) } else { ExitCode::SUCCESS }
}
