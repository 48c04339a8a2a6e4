//! `Parser`, the module-level `parse`/`parse_many`/`iter_file`/`iter_lines`, and the stream
//! iterator with the `Read` adapter that feeds Python lines to the core's reader.

use std::fs::File;
use std::io::{self, Read};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use metaevents::ffi::ParserOptions;
use metaevents::{EventReader, InputFormat, Parsed, Parser};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyIterator, PyList, PyMemoryView, PyString, PyTuple, PyType};

use crate::convert::py_to_json;
use crate::errors::{self, IntoPyResult};
use crate::event::{event_to_py, parsed_to_py};

/// Inputs at least this big are parsed with the GIL released.
const DETACH_BYTES: usize = 16 * 1024;

/// The bytes of an input given as `str`, `bytes`, `bytearray`, `memoryview` or JSON-like
/// Python data (`dict`, `list`), which is written as JSON text in its own key order.
pub(crate) enum Data<'py> {
    Borrowed(Bound<'py, PyBytes>),
    Owned(Vec<u8>),
}

impl Data<'_> {
    pub(crate) fn as_slice(&self) -> &[u8] {
        match self {
            Data::Borrowed(bytes) => bytes.as_bytes(),
            Data::Owned(bytes) => bytes,
        }
    }
}

pub(crate) fn input_data<'py>(data: &Bound<'py, PyAny>) -> PyResult<Data<'py>> {
    if let Ok(bytes) = data.cast::<PyBytes>() {
        Ok(Data::Borrowed(bytes.clone()))
    } else if let Ok(text) = data.cast::<PyString>() {
        Ok(Data::Borrowed(text.encode_utf8()?))
    } else if let Ok(array) = data.cast::<PyByteArray>() {
        Ok(Data::Owned(array.to_vec()))
    } else if data.is_instance_of::<PyMemoryView>() {
        Ok(Data::Borrowed(data.py().get_type::<PyBytes>().call1((data,))?.cast_into::<PyBytes>()?))
    } else if data.is_instance_of::<PyDict>() || data.is_instance_of::<PyList>() || data.is_instance_of::<PyTuple>() {
        Ok(Data::Owned(py_to_json(data)?))
    } else {
        let type_name = data.get_type().name()?;
        Err(PyTypeError::new_err(format!("expected str, bytes or a dict (decoded JSON), not {type_name}")))
    }
}

pub(crate) fn parse_with<'py>(
    py: Python<'py>,
    parser: &Parser,
    data: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let data = input_data(data)?;
    let bytes = data.as_slice();
    let parsed = if bytes.len() >= DETACH_BYTES { py.detach(|| parser.parse(bytes)) } else { parser.parse(bytes) };
    parsed_to_py(py, parsed.or_raise(py)?)
}

pub(crate) fn parse_http_with<'py>(
    py: Python<'py>,
    parser: &Parser,
    headers: &Bound<'py, PyAny>,
    body: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let headers = crate::webhook::header_pairs(headers)?;
    let data = input_data(body)?;
    parsed_to_py(py, parser.parse_http(headers, data.as_slice()).or_raise(py)?)
}

pub(crate) fn parse_many_with<'py>(
    py: Python<'py>,
    parser: &Parser,
    data: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyList>> {
    let data = input_data(data)?;
    let bytes = data.as_slice();
    let events = if bytes.len() >= DETACH_BYTES { py.detach(|| parser.events(bytes)) } else { parser.events(bytes) };
    let events = events.or_raise(py)?;
    let objects = events.into_iter().map(|event| event_to_py(py, event)).collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, objects)
}

/// What a stream does with a bad record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ErrorMode {
    /// Append its exception to `.errors` and go on.
    Collect,
    /// Raise its exception (also kept in `.errors`); iterating again goes on after it.
    Raise,
    /// Yield its exception in place (also kept in `.errors`).
    Yield,
}

/// How a stream reports: the error mode and whether validation requests are yielded.
#[derive(Debug, Clone, Copy)]
pub(crate) struct StreamOptions {
    errors: ErrorMode,
    validation_requests: bool,
}

impl StreamOptions {
    pub(crate) fn new(errors: &str, validation_requests: bool) -> PyResult<Self> {
        let errors = match errors {
            "collect" => ErrorMode::Collect,
            "raise" => ErrorMode::Raise,
            "yield" => ErrorMode::Yield,
            other => {
                return Err(pyo3::exceptions::PyValueError::new_err(format!(
                    "errors must be \"collect\", \"raise\" or \"yield\", not {other:?}"
                )));
            }
        };
        Ok(Self { errors, validation_requests })
    }
}

/// A file path (`str`, `os.PathLike`) or a file object.
pub(crate) fn iter_file_with(
    py: Python<'_>,
    parser: &Parser,
    source: &Bound<'_, PyAny>,
    options: StreamOptions,
) -> PyResult<PyEventIterator> {
    if source.is_instance_of::<PyString>() || source.hasattr("__fspath__")? {
        let path: PathBuf = source.extract()?;
        let file = File::open(path)?;
        return Ok(PyEventIterator::new(py, parser.read(file), Arc::default(), options));
    }
    if !source.hasattr("read")? {
        let type_name = source.get_type().name()?;
        return Err(PyTypeError::new_err(format!("iter_file() needs a path or a file object, not {type_name}")));
    }
    let failure = Arc::default();
    let method = if source.hasattr("read1")? { "read1" } else { "read" };
    let reader = FileSource {
        file: source.clone().unbind(),
        method,
        pending: Vec::new(),
        pos: 0,
        failure: Arc::clone(&failure),
    };
    Ok(PyEventIterator::new(py, parser.read(reader), failure, options))
}

pub(crate) fn iter_lines_with(
    py: Python<'_>,
    parser: &Parser,
    lines: &Bound<'_, PyAny>,
    options: StreamOptions,
) -> PyResult<PyEventIterator> {
    if lines.is_instance_of::<PyString>() || lines.is_instance_of::<PyBytes>() || lines.is_instance_of::<PyByteArray>()
    {
        return Err(PyTypeError::new_err(
            "iter_lines() needs an iterable of lines, not one text: use parse_many(text) or iter_file(io.StringIO(text))",
        ));
    }
    let failure = Arc::default();
    let source =
        LineSource { lines: lines.try_iter()?.unbind(), buffer: Vec::new(), pos: 0, failure: Arc::clone(&failure) };
    Ok(PyEventIterator::new(py, parser.read(source), failure, options))
}

/// Atlan typedefs as given: decoded JSON (a dict or list) or its text (`str`, `bytes`).
fn typedefs_value(value: &Bound<'_, PyAny>) -> PyResult<serde_json::Value> {
    let text = if value.is_instance_of::<PyString>() || value.is_instance_of::<PyBytes>() {
        input_data(value)?.as_slice().to_vec()
    } else {
        crate::convert::py_to_json(value)?
    };
    serde_json::from_slice(&text).map_err(|err| {
        errors::to_py(
            value.py(),
            &metaevents::Error::new(metaevents::ErrorKind::InvalidOption, format!("atlan_typedefs is not JSON: {err}"))
                .with_path("atlan_typedefs"),
        )
    })
}

/// Reads with a fixed input format and limits. Create one and reuse it.
#[pyclass(frozen, module = "metaevents", name = "Parser")]
#[derive(Debug)]
pub struct PyParser {
    pub(crate) parser: Parser,
}

#[pymethods]
impl PyParser {
    #[new]
    #[pyo3(signature = (format = None, max_event_bytes = None, max_depth = None, max_events_per_array = None, atlan_typedefs = None))]
    fn new(
        py: Python<'_>,
        format: Option<&str>,
        max_event_bytes: Option<i64>,
        max_depth: Option<i64>,
        max_events_per_array: Option<i64>,
        atlan_typedefs: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        // A negative limit counts as 0, which the core refuses with a clear message.
        let whole = |value: i64| u64::try_from(value).unwrap_or(0);
        let options = ParserOptions {
            format: format.map(str::to_owned),
            max_event_bytes: max_event_bytes.map(whole),
            max_depth: max_depth.map(whole),
            max_events_per_array: max_events_per_array.map(whole),
            // Python hands attributes out on demand: the id too, computed when first read.
            lazy_ids: true,
            atlan_typedefs: atlan_typedefs.map(typedefs_value).transpose()?,
        };
        Ok(Self { parser: options.parser().or_raise(py)? })
    }

    /// The forced input format, or `None` when it is detected.
    #[getter]
    fn format(&self) -> Option<&'static str> {
        self.parser.options().format.map(InputFormat::as_str)
    }

    /// Largest event in bytes.
    #[getter]
    fn max_event_bytes(&self) -> usize {
        self.parser.options().limits.max_event_bytes
    }

    /// Deepest nesting inside one event.
    #[getter]
    fn max_depth(&self) -> usize {
        self.parser.options().limits.max_depth
    }

    /// Most events in one JSON array or poll response.
    #[getter]
    fn max_events_per_array(&self) -> usize {
        self.parser.options().limits.max_events_per_array
    }

    /// Parses one event (or the Atlan validation request).
    fn parse<'py>(&self, py: Python<'py>, data: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        parse_with(py, &self.parser, data)
    }

    /// Every event of NDJSON, a JSON array or poll responses; raises on the first bad record.
    fn parse_many<'py>(&self, py: Python<'py>, data: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
        parse_many_with(py, &self.parser, data)
    }

    /// The one event an HTTP request delivered (`Parser::parse_http`): a CloudEvent in binary
    /// or structured mode, or any event as the body.
    fn parse_http<'py>(
        &self,
        py: Python<'py>,
        headers: &Bound<'py, PyAny>,
        body: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        parse_http_with(py, &self.parser, headers, body)
    }

    /// Streams the events of a file (a path or a file object; gzip too).
    #[pyo3(signature = (source, *, errors = "collect", validation_requests = false))]
    fn iter_file(
        &self,
        py: Python<'_>,
        source: &Bound<'_, PyAny>,
        errors: &str,
        validation_requests: bool,
    ) -> PyResult<PyEventIterator> {
        iter_file_with(py, &self.parser, source, StreamOptions::new(errors, validation_requests)?)
    }

    /// Streams the events of an iterable of lines (`str` or `bytes`).
    #[pyo3(signature = (lines, *, errors = "collect", validation_requests = false))]
    fn iter_lines(
        &self,
        py: Python<'_>,
        lines: &Bound<'_, PyAny>,
        errors: &str,
        validation_requests: bool,
    ) -> PyResult<PyEventIterator> {
        iter_lines_with(py, &self.parser, lines, StreamOptions::new(errors, validation_requests)?)
    }

    fn __eq__(&self, other: &Bound<'_, PyParser>) -> bool {
        self.parser == other.get().parser
    }

    /// Pickles as its options.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyType>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let options = slf.get().parser.options();
        let args = (
            options.format.map(InputFormat::as_str),
            options.limits.max_event_bytes,
            options.limits.max_depth,
            options.limits.max_events_per_array,
        );
        Ok((slf.get_type(), args.into_pyobject(py)?))
    }

    fn __hash__(&self) -> u64 {
        let limits = self.parser.options().limits;
        (limits.max_event_bytes as u64)
            ^ ((limits.max_depth as u64) << 48)
            ^ ((limits.max_events_per_array as u64) << 24)
    }

    fn __repr__(&self) -> String {
        let options = self.parser.options();
        let format = options.format.map_or_else(|| "None".to_owned(), |format| format!("'{}'", format.as_str()));
        format!(
            "Parser(format={format}, max_event_bytes={}, max_depth={}, max_events_per_array={})",
            options.limits.max_event_bytes, options.limits.max_depth, options.limits.max_events_per_array
        )
    }
}

/// Feeds the items of a Python iterable of lines to the core's reader, one line per read, so a
/// live source (a generator, a socket) yields each event as soon as its line arrives. A line
/// without a trailing newline gets one. A failure of the iterable is kept and re-raised.
struct LineSource {
    lines: Py<PyIterator>,
    buffer: Vec<u8>,
    pos: usize,
    failure: Arc<Mutex<Option<PyErr>>>,
}

impl LineSource {
    fn next_line(&mut self, py: Python<'_>) -> PyResult<bool> {
        let mut lines = self.lines.bind(py).clone();
        let Some(item) = lines.next() else { return Ok(false) };
        let item = item?;
        if let Ok(bytes) = item.cast::<PyBytes>() {
            self.buffer.extend_from_slice(bytes.as_bytes());
        } else if let Ok(text) = item.cast::<PyString>() {
            self.buffer.extend_from_slice(text.encode_utf8()?.as_bytes());
        } else if let Ok(array) = item.cast::<PyByteArray>() {
            self.buffer.extend_from_slice(&array.to_vec());
        } else {
            let type_name = item.get_type().name()?;
            return Err(PyTypeError::new_err(format!("iter_lines() needs lines of str or bytes, got {type_name}")));
        }
        if self.buffer.last() != Some(&b'\n') {
            self.buffer.push(b'\n');
        }
        Ok(true)
    }
}

impl Read for LineSource {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if self.pos >= self.buffer.len() {
            self.buffer.clear();
            self.pos = 0;
            match Python::attach(|py| self.next_line(py)) {
                Ok(true) => {}
                Ok(false) => return Ok(0),
                Err(err) => {
                    if let Ok(mut slot) = self.failure.lock() {
                        *slot = Some(err);
                    }
                    return Err(io::Error::other("the iterable of lines raised an exception"));
                }
            }
        }
        let available = self.buffer.get(self.pos..).unwrap_or_default();
        let count = available.len().min(out.len());
        if let (Some(target), Some(source)) = (out.get_mut(..count), available.get(..count)) {
            target.copy_from_slice(source);
        }
        self.pos += count;
        Ok(count)
    }
}

/// Reads a Python file object (binary or text) for the core's reader: `read1` when it has
/// one, so a live stream yields each event as soon as it arrives. A failure is kept and re-raised.
struct FileSource {
    file: Py<PyAny>,
    method: &'static str,
    pending: Vec<u8>,
    pos: usize,
    failure: Arc<Mutex<Option<PyErr>>>,
}

impl FileSource {
    fn fill(&mut self, py: Python<'_>, size: usize) -> PyResult<()> {
        let chunk = self.file.bind(py).call_method1(self.method, (size,))?;
        if let Ok(bytes) = chunk.cast::<PyBytes>() {
            self.pending.extend_from_slice(bytes.as_bytes());
        } else if let Ok(text) = chunk.cast::<PyString>() {
            self.pending.extend_from_slice(text.encode_utf8()?.as_bytes());
        } else if let Ok(array) = chunk.cast::<PyByteArray>() {
            self.pending.extend_from_slice(&array.to_vec());
        } else if !chunk.is_none() {
            let type_name = chunk.get_type().name()?;
            return Err(PyTypeError::new_err(format!(
                "the file's {}() returned {type_name}, not bytes or str",
                self.method
            )));
        }
        Ok(())
    }
}

impl Read for FileSource {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if self.pos >= self.pending.len() {
            self.pending.clear();
            self.pos = 0;
            if let Err(err) = Python::attach(|py| self.fill(py, out.len().max(1))) {
                if let Ok(mut slot) = self.failure.lock() {
                    *slot = Some(err);
                }
                return Err(io::Error::other("reading the file object raised an exception"));
            }
        }
        let available = self.pending.get(self.pos..).unwrap_or_default();
        let count = available.len().min(out.len());
        if let (Some(target), Some(source)) = (out.get_mut(..count), available.get(..count)) {
            target.copy_from_slice(source);
        }
        self.pos += count;
        Ok(count)
    }
}

/// Iterates the events of a stream. A bad record does not stop it: its exception is appended
/// to `.errors`, and raised (`errors="raise"`) or yielded in place (`errors="yield"`) when
/// asked. Validation requests are skipped unless `validation_requests=True`.
#[pyclass(module = "metaevents", name = "EventIterator")]
#[derive(Debug)]
pub struct PyEventIterator {
    // A Mutex makes the iterator shareable as Python requires; `&mut self` methods reach the
    // reader without locking.
    reader: Mutex<Option<EventReader<'static>>>,
    failure: Arc<Mutex<Option<PyErr>>>,
    errors: Py<PyList>,
    options: StreamOptions,
}

impl PyEventIterator {
    fn new(
        py: Python<'_>,
        reader: EventReader<'static>,
        failure: Arc<Mutex<Option<PyErr>>>,
        options: StreamOptions,
    ) -> Self {
        Self { reader: Mutex::new(Some(reader)), failure, errors: PyList::empty(py).unbind(), options }
    }

    /// The reader, unless the iterator is closed or exhausted.
    fn reader(&mut self) -> Option<&mut EventReader<'static>> {
        self.reader.get_mut().ok().and_then(Option::as_mut)
    }

    fn stop(&mut self) {
        if let Ok(slot) = self.reader.get_mut() {
            *slot = None;
        }
    }
}

#[pymethods]
impl PyEventIterator {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    /// `EventIterator[Event]` in annotations evaluated at run time.
    #[classmethod]
    fn __class_getitem__<'py>(cls: &Bound<'py, PyType>, item: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        static GENERIC_ALIAS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
        GENERIC_ALIAS.import(cls.py(), "types", "GenericAlias")?.call1((cls, item))
    }

    fn __next__<'py>(&mut self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        loop {
            let Some(reader) = self.reader() else { return Ok(None) };
            match reader.next() {
                None => {
                    self.stop();
                    return Ok(None);
                }
                Some(Ok(record)) => match record.parsed {
                    Parsed::Event(event) => return event_to_py(py, event).map(Some),
                    parsed @ Parsed::ValidationRequest(_) if self.options.validation_requests => {
                        return parsed_to_py(py, parsed).map(Some);
                    }
                    Parsed::ValidationRequest(_) => {}
                },
                Some(Err(error)) => {
                    if let Some(failure) = self.failure.lock().ok().and_then(|mut slot| slot.take()) {
                        self.stop();
                        return Err(failure);
                    }
                    let exception = errors::to_py(py, &error);
                    let value = exception.value(py).clone().into_any();
                    self.errors.bind(py).append(&value)?;
                    match self.options.errors {
                        ErrorMode::Collect => {}
                        ErrorMode::Raise => return Err(exception),
                        ErrorMode::Yield => return Ok(Some(value)),
                    }
                }
            }
        }
    }

    /// The exceptions of the bad records met so far, in order (always the same list).
    #[getter]
    fn errors(&self, py: Python<'_>) -> Py<PyList> {
        self.errors.clone_ref(py)
    }

    /// The line the reader has reached (`None` once closed or exhausted).
    #[getter]
    fn line(&self) -> Option<u64> {
        self.reader.lock().ok().and_then(|slot| slot.as_ref().map(EventReader::line))
    }

    /// Stops reading and closes the file.
    fn close(&mut self) {
        self.stop();
    }

    fn __enter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    #[pyo3(signature = (*_args))]
    fn __exit__(&mut self, _args: &Bound<'_, PyTuple>) -> bool {
        self.stop();
        false
    }
}
