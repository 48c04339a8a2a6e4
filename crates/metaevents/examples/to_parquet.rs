//! Writes the normalized events of a file (any supported input, gzip too) as a Parquet file
//! (zstd, the Arrow schema of `metaevents::arrow::schema`); bad records go to stderr as
//! `FILE:LINE: what is wrong` and never stop the file.
//!
//! `cargo run --release -p metaevents --features parquet --example to_parquet -- IN OUT.parquet`
//!
//! Events go through a [`BatchBuilder`] one at a time, so a program can choose, enrich or count
//! them on the way. To convert whole files on every core, `Parser::read_batches` (feature
//! `parallel`) gives the batches directly, as `metaevents normalize --output parquet` does.
//! `cargo test` runs this program on the command line's demo corpus (see `tests` below).

use std::io::{Read, Write};
use std::process::ExitCode;

use metaevents::arrow::{BatchBuilder, ParquetOptions, ParquetWriter, SchemaOptions};
use metaevents::{Parsed, Workers};

/// Rows per Arrow batch handed to the Parquet writer (it gathers them into row groups).
const BATCH_ROWS: usize = 8192;

/// What one conversion did.
#[derive(Debug, Default)]
struct Converted {
    /// Events written (rows of the file).
    events: usize,
    /// The bad records, each with its line, in input order.
    bad: Vec<metaevents::Error>,
}

/// Normalizes every record of `input` into a Parquet file on `output`; gives `output` back.
fn to_parquet<R: Read + Send, W: Write + Send>(input: R, output: W) -> metaevents::Result<(W, Converted)> {
    let options = SchemaOptions::default(); // with the `raw` column
    let mut builder = BatchBuilder::new(options);
    let mut writer = ParquetWriter::new(output, builder.schema(), ParquetOptions::default(), &Workers::single())?;
    let mut converted = Converted::default();
    for record in metaevents::read(input) {
        match record {
            Ok(record) => {
                // A webhook validation request is not an event.
                if let Parsed::Event(event) = record.parsed {
                    builder.push(&event);
                    converted.events += 1;
                }
            }
            Err(bad) => converted.bad.push(bad),
        }
        if builder.len() >= BATCH_ROWS {
            writer.write(&builder.finish()?)?;
        }
    }
    if !builder.is_empty() {
        writer.write(&builder.finish()?)?;
    }
    Ok((writer.finish()?, converted))
}

/// The program: `IN` to `OUT`; exit code 1 when some records were bad, 2 when it could not run.
fn run(input_path: &str, output_path: &str) -> ExitCode {
    let input = match std::fs::File::open(input_path) {
        Ok(input) => input,
        Err(err) => {
            eprintln!("{input_path}: {err}");
            return ExitCode::from(2);
        }
    };
    let output = match std::fs::File::create(output_path) {
        Ok(output) => output,
        Err(err) => {
            eprintln!("{output_path}: {err}");
            return ExitCode::from(2);
        }
    };
    let output = std::io::BufWriter::new(output);
    match to_parquet(std::io::BufReader::new(input), output) {
        Ok((mut output, converted)) => {
            if let Err(err) = output.flush() {
                eprintln!("{output_path}: {err}");
                return ExitCode::from(2);
            }
            for bad in &converted.bad {
                eprintln!("{input_path}:{}: {bad}", bad.line().unwrap_or(0));
            }
            eprintln!("{output_path}: {} events, {} bad records", converted.events, converted.bad.len());
            if converted.bad.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) }
        }
        Err(err) => {
            eprintln!("{output_path}: {err}");
            ExitCode::from(2)
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        eprintln!("usage: to_parquet IN OUT.parquet");
        return ExitCode::from(2);
    };
    run(input, output)
}

/// Run by `cargo test` (`test = true` in Cargo.toml): the program on the demo corpus of the
/// command line, its file read back with the `parquet` crate's own reader.
#[cfg(test)]
mod tests {
    use std::process::ExitCode;

    use arrow_array::cast::AsArray;
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    use super::*;

    const DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../metaevents-cli/demo/corpus.ndjson");

    #[test]
    fn the_demo_corpus_becomes_a_parquet_file_of_its_events() {
        let out = std::env::temp_dir().join(format!("metaevents-to-parquet-{}.parquet", std::process::id()));
        assert_eq!(run(DEMO, out.to_str().unwrap()), ExitCode::SUCCESS);
        let file = std::fs::File::open(&out).unwrap();
        let reader = ParquetRecordBatchReaderBuilder::try_new(file).unwrap().build().unwrap();
        let mut ids = Vec::new();
        for batch in reader {
            let batch = batch.unwrap();
            assert_eq!(batch.schema().fields().len(), 10, "every column, raw included");
            ids.extend(batch.column_by_name("id").unwrap().as_string::<i32>().iter().map(|id| id.unwrap().to_owned()));
        }
        std::fs::remove_file(&out).unwrap();

        // The same events, in the same order, as the core's reader gives them.
        let expected: Vec<String> = metaevents::read(std::fs::File::open(DEMO).unwrap())
            .filter_map(|record| match record.ok()?.parsed {
                Parsed::Event(event) => Some(event.id().to_string()),
                Parsed::ValidationRequest(_) => None,
            })
            .collect();
        assert!(expected.len() > 300, "the demo corpus has events of every platform");
        assert_eq!(ids, expected);
    }

    #[test]
    fn bad_records_are_reported_with_their_lines_and_do_not_stop_the_file() {
        let input = b"{\"entityUrn\": \"urn:li:dataset:x\", \"category\": \"TAG\"\n".repeat(2);
        let (bytes, converted) = to_parquet(&input[..], Vec::new()).unwrap();
        assert_eq!(converted.events, 0);
        assert_eq!(converted.bad.iter().map(metaevents::Error::line).collect::<Vec<_>>(), [Some(1), Some(2)]);
        assert!(bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"), "an empty file is still Parquet");
    }

    #[test]
    fn a_missing_input_is_exit_code_2() {
        let out = std::env::temp_dir().join(format!("metaevents-to-parquet-missing-{}.parquet", std::process::id()));
        assert_eq!(run("/nonexistent/events.ndjson", out.to_str().unwrap()), ExitCode::from(2));
        assert!(!out.exists(), "no output file without an input");
    }
}
