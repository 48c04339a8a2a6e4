//! Reporting: what ends a command early (`Fatal`), records that are not events (`BadRecord`),
//! and the `Reporter` that prints them on stderr (clear of the progress bar) and decides the
//! exit status.

use std::fmt;
use std::io::{self, Write};
use std::process::ExitCode;

use indicatif::ProgressBar;

/// What ends a command early.
#[derive(Debug)]
pub enum Fatal {
    /// A usage error, a bad filter, an unreadable input or a failed write: exit code 2.
    Usage(String),
    /// The reader of stdout went away (`| head`): stop quietly.
    BrokenPipe,
}

impl Fatal {
    pub fn usage(message: impl Into<String>) -> Self {
        Self::Usage(message.into())
    }
}

impl fmt::Display for Fatal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Usage(message) => f.write_str(message),
            Self::BrokenPipe => f.write_str("broken pipe"),
        }
    }
}

/// A record that is not an event: where it is and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRecord {
    /// 1-based line in its source, when known.
    pub line: Option<u64>,
    /// JSON path of the fault (`$` for the whole record), when known.
    pub path: Option<String>,
    /// The error kind's stable name (`syntax`, `invalid_field`, `decode`, ...).
    pub kind: &'static str,
    /// What is wrong, in plain words.
    pub message: String,
}

impl From<&metaevents::Error> for BadRecord {
    fn from(error: &metaevents::Error) -> Self {
        Self {
            line: error.line(),
            path: error.path().map(str::to_owned),
            kind: error.kind().as_str(),
            message: error.message().to_owned(),
        }
    }
}

impl BadRecord {
    /// `SOURCE:LINE: PATH: MESSAGE` (the line or path left out when unknown).
    pub fn describe(&self, source: &str) -> String {
        let line = self.line.map(|line| format!(":{line}")).unwrap_or_default();
        let path = self.path.as_deref().map(|path| format!("{path}: ")).unwrap_or_default();
        format!("{source}{line}: {path}{}", self.message)
    }
}

/// Writes one line on stderr, ignoring failures (there is nowhere left to report them).
pub fn eprint_line(text: &str) {
    let mut stderr = io::stderr().lock();
    let _ = writeln!(stderr, "{text}");
}

/// Counts what went wrong and reports it on stderr; decides the exit code.
#[derive(Debug, Default)]
pub struct Reporter {
    bad: u64,
    progress: Option<ProgressBar>,
}

impl Reporter {
    pub fn new() -> Self {
        Self::default()
    }

    /// Shows `bar` while reading; reports are printed around it.
    pub fn set_progress(&mut self, bar: Option<ProgressBar>) {
        self.progress = bar;
    }

    /// Removes the progress bar, if any.
    pub fn finish_progress(&mut self) {
        if let Some(bar) = self.progress.take() {
            bar.finish_and_clear();
        }
    }

    /// Writes one line on stderr.
    pub fn note(&self, text: &str) {
        match &self.progress {
            Some(bar) => bar.suspend(|| eprint_line(text)),
            None => eprint_line(text),
        }
    }

    /// Reports a bad record of `source` and remembers that the run failed.
    pub fn bad_record(&mut self, source: &str, bad: &BadRecord) {
        self.bad += 1;
        self.note(&bad.describe(source));
    }

    /// Remembers that the run failed (the caller reported why).
    pub fn fail(&mut self) {
        self.bad += 1;
    }

    /// 1 when anything was bad, 0 otherwise.
    pub fn exit_code(&self) -> ExitCode {
        if self.bad > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS }
    }
}
