#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "a test harness")]
//! The Arrow output: the schema and the small tables of `tests/vectors/arrow` (the Python and
//! JavaScript runners read the same files), and the batch reader against the stream reader.

use std::path::{Path, PathBuf};

use arrow_array::cast::AsArray;
use arrow_array::types::{Int32Type, TimestampMillisecondType};
use arrow_array::{Array, RecordBatch};
use arrow_schema::DataType;
use metaevents::arrow::{BatchOptions, Dialect, SchemaOptions, schema, schema_json, spark_ddl};
use metaevents::{Filter, Parser, Workers};
use proptest::prelude::*;
use serde_json::{Value, json};

mod support {
    pub mod batch_invariants;
    pub mod generators;
    pub mod invariants;
    pub mod parallel_invariants;
}
use support::batch_invariants::assert_batches_keep_outcomes;
use support::generators::line;
use support::parallel_invariants::parser_for;

fn vectors() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors/arrow")
}

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// One cell as the vectors write it: text, numbers (times in epoch ms), lists, objects, null.
fn cell(array: &dyn Array, row: usize) -> Value {
    if array.is_null(row) {
        return Value::Null;
    }
    match array.data_type() {
        DataType::Utf8 => json!(array.as_string::<i32>().value(row)),
        DataType::Dictionary(..) => {
            let dictionary = array.as_dictionary::<Int32Type>();
            let key = usize::try_from(dictionary.keys().value(row)).unwrap();
            cell(dictionary.values().as_ref(), key)
        }
        DataType::Timestamp(..) => json!(array.as_primitive::<TimestampMillisecondType>().value(row)),
        DataType::Struct(fields) => {
            let columns = array.as_struct();
            Value::Object(
                fields
                    .iter()
                    .zip(columns.columns())
                    .map(|(field, column)| (field.name().clone(), cell(column.as_ref(), row)))
                    .collect(),
            )
        }
        DataType::List(_) => {
            let items = array.as_list::<i32>().value(row);
            Value::Array((0..items.len()).map(|index| cell(items.as_ref(), index)).collect())
        }
        other => panic!("no cell for {other}"),
    }
}

fn rows(batches: &[RecordBatch]) -> Vec<Value> {
    let mut out = Vec::new();
    for batch in batches {
        for row in 0..batch.num_rows() {
            out.push(Value::Object(
                batch
                    .schema()
                    .fields()
                    .iter()
                    .zip(batch.columns())
                    .map(|(field, column)| (field.name().clone(), cell(column.as_ref(), row)))
                    .collect(),
            ));
        }
    }
    out
}

fn options_of(vector: &Value) -> BatchOptions {
    let options = &vector["options"];
    BatchOptions {
        schema: SchemaOptions { raw: options["raw"].as_bool().unwrap_or(true), dialect: Dialect::Standard },
        batch_size: options["batchSize"].as_u64().map(|size| usize::try_from(size).unwrap()),
        filter: options.get("filter").map(|spec| Filter::new(spec).unwrap()),
    }
}

#[test]
fn schema_is_the_one_in_the_vectors() {
    let expected = read_json(&vectors().join("schema.json"));
    let actual = schema_json(&schema(SchemaOptions::default()));
    assert_eq!(actual["fields"], expected["fields"]);
    let without_raw = schema_json(&schema(SchemaOptions { raw: false, ..SchemaOptions::default() }));
    let mut fields = expected["fields"].as_array().unwrap().clone();
    assert_eq!(fields.pop().unwrap()["name"], "raw");
    assert_eq!(without_raw["fields"], Value::Array(fields));
    let spark = spark_ddl(&schema(SchemaOptions { raw: true, dialect: Dialect::Spark }));
    assert_eq!(spark, expected["sparkDdl"].as_str().unwrap());
}

#[test]
fn small_tables() {
    let mut seen = 0;
    for entry in std::fs::read_dir(vectors()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with(".expected.json") {
            continue;
        }
        seen += 1;
        let vector = read_json(&path);
        let input = std::fs::read(vectors().join(vector["input"].as_str().unwrap())).unwrap();
        let options = options_of(&vector);
        for threads in [1, 2] {
            let workers = Workers::new(threads).unwrap();
            for chunk in [7, 1 << 20] {
                let (mut batches, mut errors) = (Vec::new(), Vec::new());
                for item in Parser::new().parse_batches(&input, &options, &workers).with_chunk_bytes(chunk) {
                    match item {
                        Ok(batch) => batches.push(batch),
                        Err(error) => errors
                            .push(json!({"kind": error.kind().as_str(), "line": error.line(), "path": error.path()})),
                    }
                }
                let what = format!("{name}, {threads} threads, chunks of {chunk} bytes");
                let sizes: Vec<usize> = batches.iter().map(RecordBatch::num_rows).collect();
                assert_eq!(json!(sizes), vector["batches"], "{what}: batch sizes");
                assert_eq!(json!(errors), vector["errors"], "{what}: errors");
                for batch in &batches {
                    assert_eq!(batch.schema(), schema(options.schema), "{what}: schema");
                }
                let rows = rows(&batches);
                let expected = vector["rows"].as_array().unwrap();
                assert_eq!(rows.len(), expected.len(), "{what}: rows");
                // The JSON form of the same events: every column but the JSON texts is the same value.
                let events: Vec<_> = Parser::new()
                    .parse_many(&input)
                    .flatten()
                    .filter_map(|record| record.parsed.into_event())
                    .filter(|event| options.filter.as_ref().is_none_or(|filter| filter.matches(event)))
                    .collect();
                for (index, ((row, wanted), event)) in rows.iter().zip(expected).zip(&events).enumerate() {
                    for (key, value) in wanted.as_object().unwrap() {
                        assert_eq!(&row[key], value, "{what}: row {index}, column {key}");
                    }
                    let mut json = event.to_value(options.schema.raw);
                    for key in ["details", "native", "raw"] {
                        if let Some(text) = row.get(key) {
                            let parsed: Value = serde_json::from_str(text.as_str().unwrap()).unwrap();
                            assert_eq!(parsed, json[key], "{what}: row {index}, {key} as JSON");
                            json[key] = text.clone();
                        }
                    }
                    assert_eq!(row, &json, "{what}: row {index} against the JSON form");
                }
            }
        }
    }
    assert!(seen >= 2);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn batches_hold_the_stream_readers_events_and_errors(
        lines in prop::collection::vec(line(), 0..40), knobs in any::<u8>(), chunk in 1usize..600,
        step in 1usize..64, threads in 1usize..4, batch_size in 1usize..12,
    ) {
        let data = lines.join("\n").into_bytes();
        let workers = Workers::new(threads).unwrap();
        let parser = if knobs & 1 == 0 { Parser::new() } else { parser_for(knobs) };
        assert_batches_keep_outcomes(&parser, &data, &workers, chunk, step, batch_size);
    }
}

#[test]
fn a_column_of_payloads_is_one_record_per_value() {
    use arrow_array::{BinaryArray, StringArray};
    use metaevents::arrow::normalize_column;
    let input = std::fs::read_to_string(vectors().join("small-table.input.ndjson")).unwrap();
    let lines: Vec<&str> = input.lines().collect();
    // A pretty-printed value (line breaks inside) is one record; a null value is none.
    let pretty = serde_json::to_string_pretty(&serde_json::from_str::<Value>(lines[0]).unwrap()).unwrap();
    let mut values: Vec<Option<&str>> = lines.iter().map(|line| Some(*line)).collect();
    values.insert(1, None);
    values.push(Some(&pretty));
    let options =
        BatchOptions { schema: SchemaOptions { raw: true, dialect: Dialect::Spark }, batch_size: None, filter: None };
    let text = normalize_column(&Parser::new(), &StringArray::from(values.clone()), &options).unwrap();
    let rows: usize = text.batches.iter().map(RecordBatch::num_rows).sum();
    assert_eq!(rows, 5, "four events and the pretty one");
    let errors: Vec<_> = text.errors.iter().map(|error| (error.kind().as_str(), error.line())).collect();
    assert_eq!(errors, [("syntax", Some(5))], "the line is the value's row");
    assert_eq!(text.batches[0].schema(), schema(options.schema));
    let bytes: Vec<Option<&[u8]>> = values.iter().map(|value| value.map(str::as_bytes)).collect();
    let binary = normalize_column(&Parser::new(), &BinaryArray::from(bytes), &options).unwrap();
    assert_eq!(binary.batches, text.batches);
    let wrong = normalize_column(&Parser::new(), &arrow_array::Int32Array::from(vec![1]), &options).unwrap_err();
    assert_eq!(wrong.kind(), metaevents::ErrorKind::InvalidOption);
}

#[test]
fn split_messages_are_assembled_across_columns() {
    use arrow_array::StringArray;
    use metaevents::arrow::ColumnNormalizer;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors/events");
    let input = std::fs::read_to_string(dir.join("envelope-atlan-split-out-of-order.input.ndjson")).unwrap();
    let parts: Vec<&str> = input.lines().collect();
    assert_eq!(parts.len(), 3);
    let options = BatchOptions { batch_size: None, ..BatchOptions::default() };
    let mut normalizer = ColumnNormalizer::new(&Parser::new(), &options);
    let first = normalizer.push(&StringArray::from(vec![parts[0], "{oops"])).unwrap();
    assert!(first.batches.is_empty());
    assert_eq!(first.errors[0].line(), Some(2));
    let second = normalizer.push(&StringArray::from(vec![parts[1], parts[2]])).unwrap();
    assert_eq!(second.batches.iter().map(RecordBatch::num_rows).sum::<usize>(), 1, "assembled from both columns");
    assert!(second.errors.is_empty() && normalizer.finish().is_empty());
    // Alone, a column holding one part leaves the message incomplete.
    let alone = metaevents::arrow::normalize_column(&Parser::new(), &StringArray::from(vec![parts[0]]), &options);
    let errors = alone.unwrap().errors;
    assert_eq!(errors.iter().map(|error| error.kind().as_str()).collect::<Vec<_>>(), ["incomplete_split"]);
}

#[cfg(feature = "ipc")]
#[test]
fn one_ipc_stream_of_an_input_in_batches_of_a_size() {
    use metaevents::arrow::{batch_of, ipc_stream_of};
    let input = std::fs::read(vectors().join("small-table.input.ndjson")).unwrap();
    let demo =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("../metaevents-cli/demo/corpus.ndjson")).unwrap();
    let both = [input.as_slice(), &demo].concat();
    let options = BatchOptions { batch_size: Some(7), ..BatchOptions::default() };
    let (bytes, errors) = ipc_stream_of(&Parser::new(), &both, &options).unwrap();
    assert_eq!(
        errors.iter().map(|error| (error.kind().as_str(), error.line())).collect::<Vec<_>>(),
        [("syntax", Some(4))]
    );
    let reader = arrow_ipc::reader::StreamReader::try_new(std::io::Cursor::new(bytes), None).unwrap();
    let batches: Vec<RecordBatch> = reader.map(Result::unwrap).collect();
    assert!(batches[..batches.len() - 1].iter().all(|batch| batch.num_rows() == 7));
    let events: Vec<_> =
        Parser::new().parse_many(&both).flatten().filter_map(|record| record.parsed.into_event()).collect();
    let all = arrow_select::concat::concat_batches(&batches[0].schema(), &batches).unwrap();
    assert_eq!(all, batch_of(&events, SchemaOptions::default()).unwrap());
}
