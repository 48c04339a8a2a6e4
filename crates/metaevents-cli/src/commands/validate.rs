//! `metaevents validate`: every event checked strictly against the catalog, with line numbers.

use metaevents::{Parsed, Severity, validate};
use serde_json::{Value, json};

use crate::input::{InputArgs, Inputs};
use crate::output::Stdout;
use crate::report::{Fatal, Reporter};

const EXAMPLES: &str = "\
Examples:
  metaevents validate events.ndjson
  metaevents validate --errors-only poll-*.json.gz
  metaevents validate --json --demo | jq -c 'select(.code == \"wrong_type\")'

Each finding is one line, FILE:LINE: SEVERITY CODE PATH: MESSAGE, where CODE is one of
unknown_kind, missing_parameter, wrong_type (errors), extra_parameter, unexpected_entity_type,
missing_actor (warnings), or for a record that is not an event at all the parse error's kind
(syntax, invalid_field, unrecognized, ...). A summary line follows. With --json each finding is
a JSON object per line ({file, line, severity, code, path, message, and id and kind of the
event}) and the last line is {\"summary\": {events, validationRequests, errors, warnings,
badRecords}}.

Exit status: 1 when there is any error or bad record, 0 when there are only warnings or none.";

/// Check every event strictly against the catalog, with line numbers.
///
/// Parsing is lenient so that nothing is lost; this is where strictness lives: kinds the
/// catalog does not know, required parameters missing, parameters of the wrong type (errors),
/// parameters and entity types the catalog does not list and events without an actor
/// (warnings). Unlike `filter`, every line is parsed, so every bad record is reported.
#[derive(Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,

    /// Write the findings as JSON, one object per line, and a summary object last.
    #[arg(long)]
    pub json: bool,

    /// Leave warnings out (they never change the exit status).
    #[arg(long)]
    pub errors_only: bool,
}

#[derive(Debug, Default)]
struct Summary {
    events: u64,
    validation_requests: u64,
    errors: u64,
    warnings: u64,
    bad_records: u64,
}

/// One finding, as it is written.
struct Finding<'a> {
    source: &'a str,
    line: Option<u64>,
    severity: &'static str,
    code: &'a str,
    path: Option<&'a str>,
    message: &'a str,
    event: Option<(String, &'static str)>,
}

impl Finding<'_> {
    fn text(&self) -> String {
        let line = self.line.map(|line| format!(":{line}")).unwrap_or_default();
        let path = self.path.map(|path| format!(" {path}")).unwrap_or_default();
        format!("{}{line}: {} {}{path}: {}", self.source, self.severity, self.code, self.message)
    }

    fn json(&self) -> Value {
        let mut value = json!({
            "file": self.source,
            "line": self.line,
            "severity": self.severity,
            "code": self.code,
            "path": self.path,
            "message": self.message,
        });
        if let (Some((id, kind)), Value::Object(map)) = (&self.event, &mut value) {
            map.insert("id".to_owned(), Value::String(id.clone()));
            map.insert("kind".to_owned(), Value::String((*kind).to_owned()));
        }
        value
    }
}

pub fn run(args: &Args, quiet: bool, out: &mut Stdout, reporter: &mut Reporter) -> Result<(), Fatal> {
    let inputs = Inputs::new(&args.input, quiet)?;
    let mut summary = Summary::default();
    let write = |out: &mut Stdout, finding: &Finding<'_>| -> Result<(), Fatal> {
        if args.json { out.line(&finding.json().to_string()) } else { out.line(&finding.text()) }
    };
    inputs.for_each(reporter, None, |reporter, source, item| match item {
        Ok(record) => {
            let Parsed::Event(event) = record.parsed else {
                summary.validation_requests += 1;
                return Ok(());
            };
            summary.events += 1;
            for issue in validate(&event) {
                let severity = match issue.severity {
                    Severity::Error => {
                        summary.errors += 1;
                        reporter.fail();
                        "error"
                    }
                    Severity::Warning => {
                        summary.warnings += 1;
                        if args.errors_only {
                            continue;
                        }
                        "warning"
                    }
                };
                let finding = Finding {
                    source,
                    line: Some(record.line),
                    severity,
                    code: issue.code,
                    path: Some(&issue.path),
                    message: &issue.message,
                    event: Some((event.id().to_hex(), event.kind().as_str())),
                };
                write(out, &finding)?;
            }
            Ok(())
        }
        Err(error) => {
            summary.bad_records += 1;
            reporter.fail();
            let finding = Finding {
                source,
                line: error.line,
                severity: "error",
                code: error.kind,
                path: error.path.as_deref(),
                message: &error.message,
                event: None,
            };
            write(out, &finding)
        }
    })?;
    if args.json {
        let value = json!({"summary": {
            "events": summary.events,
            "validationRequests": summary.validation_requests,
            "errors": summary.errors,
            "warnings": summary.warnings,
            "badRecords": summary.bad_records,
        }});
        return out.line(&value.to_string());
    }
    let plural = |count: u64, word: &str| format!("{count} {word}{}", if count == 1 { "" } else { "s" });
    out.line(&format!(
        "{} checked: {}, {}, {}{}",
        plural(summary.events, "event"),
        plural(summary.errors, "error"),
        plural(summary.warnings, "warning"),
        plural(summary.bad_records, "bad record"),
        if summary.validation_requests > 0 {
            format!(" ({} skipped)", plural(summary.validation_requests, "webhook validation request"))
        } else {
            String::new()
        }
    ))
}
