//! Arrow for Python: `read_arrow` returns an `ArrowReader`, which implements the Arrow
//! PyCapsule interface (`__arrow_c_stream__`, `__arrow_c_schema__`) so that pyarrow, Polars and
//! DuckDB read its batches without copies and without pyarrow being needed here; and the batch
//! normalizer behind `metaevents.arrow.normalize_batches` (Spark's `mapInArrow`). The core does
//! the work (`metaevents::arrow`); this side converts sources, options and errors.

use std::collections::HashMap;
use std::fs::File;
use std::io::{Cursor, Read};
use std::path::PathBuf;
use std::sync::{Arc, LazyLock, Mutex};

use arrow_array::{ArrayRef, RecordBatch, RecordBatchReader, StructArray};
use arrow_schema::{ArrowError, Field, SchemaRef};
use metaevents::arrow::{BatchOptions, BatchReader, ColumnNormalizer, Dialect, SchemaOptions, schema, spark_ddl};
use metaevents::ffi::ArrowOptions;
use metaevents::{ErrorKind, Filter, Parser, Workers};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use pyo3::types::{PyBytes, PyCapsule, PyList, PyString};
use pyo3_arrow::PyRecordBatch;
use pyo3_arrow::ffi::{ArrayIterator, to_schema_pycapsule, to_stream_pycapsule};

use crate::errors::{self, IntoPyResult};
use crate::filter::PyFilter;
use crate::parser::{LineSource, PyParser};

/// One pool per thread count, for the life of the process: readers come and go (one per Spark
/// partition, say); their threads need not.
static POOLS: LazyLock<Mutex<HashMap<usize, Workers>>> = LazyLock::new(Mutex::default);

fn workers(py: Python<'_>, threads: Option<usize>) -> PyResult<Workers> {
    let threads = match threads {
        None | Some(0) => Workers::cores(),
        Some(threads) => threads,
    };
    let mut pools = POOLS.lock().map_err(|_| PyValueError::new_err("the thread pools are unusable"))?;
    if let Some(workers) = pools.get(&threads) {
        return Ok(workers.clone());
    }
    let workers = Workers::new(threads).or_raise(py)?;
    pools.insert(threads, workers.clone());
    Ok(workers)
}

fn filter_of(filter: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Filter>> {
    let Some(filter) = filter.filter(|filter| !filter.is_none()) else { return Ok(None) };
    if let Ok(compiled) = filter.cast::<PyFilter>() {
        return Ok(Some(compiled.get().filter().clone()));
    }
    // A filter spec (dict or JSON text): compiled as Filter(spec) would.
    Ok(Some(PyFilter::compile(filter)?.filter().clone()))
}

/// Bytes held by Python, shared by the streams read from them.
#[derive(Clone)]
struct Shared(Arc<PyBackedBytes>);

impl AsRef<[u8]> for Shared {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

/// What `read_arrow` reads.
enum Source {
    /// Bytes in memory (bytes, bytearray, memoryview, or the UTF-8 of a str).
    Bytes(Shared),
    /// A file, read (and gunzipped) on the fly.
    Path(PathBuf),
    /// An iterable of lines, read once.
    Lines(Mutex<Option<Py<PyAny>>>),
}

/// The events of `source` as Arrow record batches, read each time a consumer asks for the
/// stream (`pyarrow.table(reader)`, `polars.DataFrame(reader)`, DuckDB's `FROM reader`). Bad
/// records never stop the batches: their exceptions are in `errors` once the stream is read.
#[pyclass(module = "metaevents", name = "ArrowReader", frozen)]
pub struct PyArrowReader {
    source: Source,
    parser: Parser,
    options: BatchOptions,
    workers: Workers,
    errors: Arc<Mutex<Vec<metaevents::Error>>>,
    failure: Arc<Mutex<Option<PyErr>>>,
}

/// A bad record met while the stream is read: kept for `errors`.
struct Collecting {
    batches: BatchReader<'static>,
    errors: Arc<Mutex<Vec<metaevents::Error>>>,
    failure: Arc<Mutex<Option<PyErr>>>,
}

impl Iterator for Collecting {
    type Item = Result<RecordBatch, ArrowError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            match self.batches.next()? {
                Ok(batch) => return Some(Ok(batch)),
                Err(error) if error.kind() == ErrorKind::Io => {
                    let failure = self.failure.lock().ok().and_then(|mut slot| slot.take());
                    let message = match failure {
                        Some(failure) => Python::attach(|_| failure.to_string()),
                        None => error.to_string(),
                    };
                    return Some(Err(ArrowError::IoError(message.clone(), std::io::Error::other(message))));
                }
                Err(error) => {
                    if let Ok(mut errors) = self.errors.lock() {
                        errors.push(error);
                    }
                }
            }
        }
    }
}

impl RecordBatchReader for Collecting {
    fn schema(&self) -> SchemaRef {
        self.batches.schema()
    }
}

impl std::fmt::Debug for PyArrowReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ArrowReader").field("options", &self.options).finish_non_exhaustive()
    }
}

impl PyArrowReader {
    fn reader(&self, py: Python<'_>) -> PyResult<Box<dyn Read + Send>> {
        Ok(match &self.source {
            Source::Bytes(bytes) => Box::new(Cursor::new(bytes.clone())),
            Source::Path(path) => Box::new(File::open(path)?),
            Source::Lines(lines) => {
                let taken = lines.lock().ok().and_then(|mut slot| slot.take());
                let Some(lines) = taken else {
                    return Err(PyValueError::new_err(
                        "the lines were read already: an iterable can be read once (pass bytes or a path to read again)",
                    ));
                };
                Box::new(LineSource::new(lines.bind(py), Arc::clone(&self.failure))?)
            }
        })
    }

    fn schema(&self) -> SchemaRef {
        schema(self.options.schema)
    }
}

#[pymethods]
impl PyArrowReader {
    /// The Arrow C schema of the batches (the Arrow PyCapsule interface).
    fn __arrow_c_schema__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyCapsule>> {
        Ok(to_schema_pycapsule(py, self.schema().as_ref())?)
    }

    /// A new Arrow C stream over the source (the Arrow PyCapsule interface): each call reads it
    /// again (an iterable of lines only once), and `errors` starts over.
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyCapsule>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let reader = self.reader(py)?;
        if let Ok(mut errors) = self.errors.lock() {
            errors.clear();
        }
        let schema = self.schema();
        let collecting = Collecting {
            batches: self.parser.read_batches(reader, &self.options, &self.workers),
            errors: Arc::clone(&self.errors),
            failure: Arc::clone(&self.failure),
        };
        let arrays = collecting.map(|batch| batch.map(|batch| Arc::new(StructArray::from(batch)) as ArrayRef));
        let field = Field::new_struct("", schema.fields().clone(), false).with_metadata(schema.metadata().clone());
        Ok(to_stream_pycapsule(py, Box::new(ArrayIterator::new(arrays, field.into())), requested_schema)?)
    }

    /// The exceptions of the bad records of the last stream read, in input order (each a
    /// `MetaeventsError` with `kind`, `line` and `path`, as the stream readers report them).
    #[getter]
    fn errors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let errors = self.errors.lock().map(|errors| errors.clone()).unwrap_or_default();
        PyList::new(py, errors.iter().map(|error| errors::to_py(py, error).into_value(py)))
    }

    /// Rows per batch (the last may have fewer).
    #[getter]
    fn batch_size(&self) -> Option<usize> {
        self.options.batch_size
    }

    /// Whether the `raw` column is there.
    #[getter]
    fn raw(&self) -> bool {
        self.options.schema.raw
    }

    /// Threads that parse.
    #[getter]
    fn threads(&self) -> usize {
        self.workers.threads()
    }

    fn __repr__(&self) -> String {
        let source = match &self.source {
            Source::Bytes(bytes) => format!("{} bytes", bytes.as_ref().len()),
            Source::Path(path) => format!("{:?}", path.display().to_string()),
            Source::Lines(_) => "lines".to_owned(),
        };
        format!(
            "ArrowReader({source}, batch_size={}, raw={}, threads={})",
            self.options.batch_size.unwrap_or(0),
            if self.options.schema.raw { "True" } else { "False" },
            self.workers.threads()
        )
    }
}

/// Whether a str holds events rather than naming a file: JSON events start with `{` or `[`.
fn is_json_text(text: &str) -> bool {
    matches!(text.trim_start().as_bytes().first(), Some(b'{' | b'['))
}

fn source_of(source: &Bound<'_, PyAny>) -> PyResult<Source> {
    if let Ok(text) = source.cast::<PyString>() {
        let text = text.to_cow()?;
        return Ok(if is_json_text(&text) || text.trim().is_empty() {
            Source::Bytes(Shared(Arc::new(PyBytes::new(source.py(), text.as_bytes()).extract()?)))
        } else {
            Source::Path(PathBuf::from(text.as_ref()))
        });
    }
    if source.hasattr("__fspath__")? {
        return Ok(Source::Path(source.extract()?));
    }
    if let Ok(bytes) = source.extract::<PyBackedBytes>() {
        return Ok(Source::Bytes(Shared(Arc::new(bytes))));
    }
    if source.is_instance_of::<pyo3::types::PyMemoryView>() {
        let bytes = source.py().get_type::<PyBytes>().call1((source,))?;
        return Ok(Source::Bytes(Shared(Arc::new(bytes.extract()?))));
    }
    if source.try_iter().is_ok() {
        return Ok(Source::Lines(Mutex::new(Some(source.clone().unbind()))));
    }
    let type_name = source.get_type().name()?;
    Err(PyTypeError::new_err(format!(
        "read_arrow() needs bytes, a str, a path or an iterable of lines, not {type_name}"
    )))
}

/// The events of `source` (bytes, a str of JSON text, a path or a str naming a file, or an
/// iterable of lines; NDJSON, JSON arrays, poll responses, gzip too) as Arrow batches.
#[pyfunction]
#[pyo3(signature = (source, *, batch_size = 65_536, raw = true, filter = None, threads = None, parser = None))]
pub(crate) fn read_arrow(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    batch_size: i64,
    raw: bool,
    filter: Option<&Bound<'_, PyAny>>,
    threads: Option<i64>,
    parser: Option<&Bound<'_, PyParser>>,
) -> PyResult<PyArrowReader> {
    // The core checks the options (`ffi::ArrowOptions`, as `toArrow` in JavaScript); a compiled
    // `Filter` is taken as it is.
    let invalid = |message: &str, path: &str| {
        errors::to_py(py, &metaevents::Error::new(ErrorKind::InvalidOption, message).with_path(path))
    };
    let batch_size = u64::try_from(batch_size).map_err(|_| invalid("batch_size must be at least 1", "batch_size"))?;
    let mut options = ArrowOptions { raw: Some(raw), batch_size: Some(batch_size), filter: None }
        .batch_options()
        .map_err(|error| errors::to_py(py, &error))?;
    options.filter = filter_of(filter)?;
    let threads = match threads {
        None => None,
        Some(threads) => {
            Some(usize::try_from(threads).map_err(|_| invalid("threads must be 0 (one per core) or more", "threads"))?)
        }
    };
    Ok(PyArrowReader {
        source: source_of(source)?,
        parser: parser.map_or_else(Parser::new, |parser| parser.get().parser.clone()),
        options,
        workers: workers(py, threads)?,
        errors: Arc::default(),
        failure: Arc::default(),
    })
}

/// Normalizes the payloads of one column of record batches, one batch after another (the
/// batches of a Spark partition): each value one record, lines numbered on across batches, split
/// Atlan messages assembled across batches. Batches come out in the Spark dialect.
#[pyclass(module = "metaevents", name = "_ColumnNormalizer", frozen)]
pub(crate) struct PyColumnNormalizer {
    inner: Mutex<ColumnNormalizer>,
    column: String,
}

impl std::fmt::Debug for PyColumnNormalizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ColumnNormalizer").field("column", &self.column).finish_non_exhaustive()
    }
}

fn exceptions<'py>(py: Python<'py>, errors: &[metaevents::Error]) -> PyResult<Bound<'py, PyList>> {
    PyList::new(py, errors.iter().map(|error| errors::to_py(py, error).into_value(py)))
}

#[pymethods]
impl PyColumnNormalizer {
    #[new]
    #[pyo3(signature = (column, *, raw = true, filter = None, parser = None))]
    fn new(
        column: String,
        raw: bool,
        filter: Option<&Bound<'_, PyAny>>,
        parser: Option<&Bound<'_, PyParser>>,
    ) -> PyResult<Self> {
        let options = BatchOptions {
            schema: SchemaOptions { raw, dialect: Dialect::Spark },
            batch_size: None,
            filter: filter_of(filter)?,
        };
        let parser = parser.map_or_else(Parser::new, |parser| parser.get().parser.clone());
        Ok(Self { inner: Mutex::new(ColumnNormalizer::new(&parser, &options)), column })
    }

    /// The events of the batch's payload column as batches, and the exceptions of its bad records.
    fn push<'py>(&self, py: Python<'py>, batch: PyRecordBatch) -> PyResult<(Vec<PyRecordBatch>, Bound<'py, PyList>)> {
        let batch = batch.into_inner();
        let Some(values) = batch.column_by_name(&self.column).cloned() else {
            let names: Vec<String> = batch.schema().fields().iter().map(|field| field.name().clone()).collect();
            let message = format!("no column `{}` in the batch (it has {})", self.column, names.join(", "));
            return Err(errors::to_py(
                py,
                &metaevents::Error::new(ErrorKind::InvalidOption, message).with_path("column"),
            ));
        };
        let normalized = py
            .detach(|| match self.inner.lock() {
                Ok(mut normalizer) => normalizer.push(values.as_ref()),
                Err(_) => Err(metaevents::Error::new(ErrorKind::Io, "the normalizer failed earlier")),
            })
            .or_raise(py)?;
        Ok((normalized.batches.into_iter().map(PyRecordBatch::new).collect(), exceptions(py, &normalized.errors)?))
    }

    /// The exceptions of split messages still missing parts.
    fn finish<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let errors = self.inner.lock().map(|mut normalizer| normalizer.finish()).unwrap_or_default();
        exceptions(py, &errors)
    }
}

/// The Spark SQL DDL of what `normalize_batches` yields, for `mapInArrow(fn, schema)`.
#[pyfunction]
#[pyo3(signature = (*, raw = true))]
pub(crate) fn spark_schema(raw: bool) -> String {
    spark_ddl(&schema(SchemaOptions { raw, dialect: Dialect::Spark }))
}
