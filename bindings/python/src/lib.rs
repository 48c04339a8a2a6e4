//! `metaevents._native`: the Python binding of the metaevents core. It converts types and
//! errors and nothing else; the public package `metaevents` re-exports it with typed stubs.
//!
//! Every class is frozen (immutable) except the stream iterator, which is `unsendable`; nothing
//! else holds state, so the module needs no GIL of its own (pyo3's default, `gil_used = false`).
//! The abi3 wheel only loads on GIL builds of `CPython` anyway.

mod arrow;
mod convert;
mod errors;
mod event;
mod filter;
mod parser;
mod webhook;

use std::sync::LazyLock;

use metaevents::{Catalog, InputFormat, Kind, Parser, ffi};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple, PyType};

use crate::convert::value_to_py;
use crate::event::PyEvent;
use crate::parser::{PyEventIterator, StreamOptions};

/// The parser of the module-level functions: every format detected, default limits, ids
/// computed when first read (as `Parser()` does: Python hands attributes out on demand).
static DEFAULT_PARSER: LazyLock<Parser> = LazyLock::new(|| Parser::new().with_lazy_ids(true));

/// Parses one event (or the Atlan validation request) from `str`, `bytes` or a `dict`.
#[pyfunction]
fn parse<'py>(py: Python<'py>, data: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    parser::parse_with(py, &DEFAULT_PARSER, data)
}

/// The one event an HTTP request delivered, from its headers (a mapping or pairs) and body: a
/// CloudEvent in binary mode (`ce-*` headers) or structured mode, or any event as the body.
#[pyfunction]
fn parse_http<'py>(
    py: Python<'py>,
    headers: &Bound<'py, PyAny>,
    body: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    parser::parse_http_with(py, &DEFAULT_PARSER, headers, body)
}

/// Every event of NDJSON, a JSON array or poll responses; raises on the first bad record.
#[pyfunction]
fn parse_many<'py>(py: Python<'py>, data: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    parser::parse_many_with(py, &DEFAULT_PARSER, data)
}

/// Streams the events of a file, a path or a file object (NDJSON, JSON array, poll
/// responses; gzip too).
#[pyfunction]
#[pyo3(signature = (source, *, errors = "collect", validation_requests = false))]
fn iter_file(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    errors: &str,
    validation_requests: bool,
) -> PyResult<PyEventIterator> {
    parser::iter_file_with(py, &DEFAULT_PARSER, source, StreamOptions::new(errors, validation_requests)?)
}

/// Streams the events of an iterable of lines (`str` or `bytes`).
#[pyfunction]
#[pyo3(signature = (lines, *, errors = "collect", validation_requests = false))]
fn iter_lines(
    py: Python<'_>,
    lines: &Bound<'_, PyAny>,
    errors: &str,
    validation_requests: bool,
) -> PyResult<PyEventIterator> {
    parser::iter_lines_with(py, &DEFAULT_PARSER, lines, StreamOptions::new(errors, validation_requests)?)
}

/// The catalog: every known event, its discriminators and typed parameters.
#[pyfunction]
fn catalog(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    value_to_py(py, &Catalog::builtin().to_value())
}

/// The JSON Schema (draft 2020-12) of the normalized event.
#[pyfunction]
fn event_schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    value_to_py(py, &metaevents::event_schema())
}

/// Strict checks of an event against the catalog: a list of `{severity, code, path, message}`.
#[pyfunction]
fn validate<'py>(py: Python<'py>, event: &Bound<'py, PyEvent>) -> PyResult<Bound<'py, PyAny>> {
    let issues = metaevents::validate(&event.get().event);
    value_to_py(py, &serde_json::to_value(issues).unwrap_or_default())
}

/// Every error kind: `{kind, category, class, description}`, `class` naming the exception.
#[pyfunction]
fn error_kinds(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    value_to_py(py, &serde_json::to_value(ffi::error_kinds()).unwrap_or_default())
}

/// Every input format a `Parser` can be forced to: `{name, description}`.
#[pyfunction]
fn input_formats(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    value_to_py(py, &serde_json::to_value(ffi::input_formats()).unwrap_or_default())
}

/// A kind, its class and its parameters.
type KindClass<'py> = (&'static str, Bound<'py, PyType>, Bound<'py, PyTuple>);

/// `(kind, class, ((param, type, description), ...))` for every kind: what the package needs to
/// give each class its typed attributes.
#[pyfunction]
fn _kind_classes(py: Python<'_>) -> PyResult<Vec<KindClass<'_>>> {
    let catalog = Catalog::builtin();
    event::kind_classes(py)
        .into_iter()
        .map(|(name, class)| {
            let params: Vec<(&str, &str, &str)> = Kind::from_name(name)
                .map(|kind| catalog.params_for_kind(kind))
                .unwrap_or_default()
                .into_iter()
                .map(|param| (param.name, param.ty.as_str(), param.description))
                .collect();
            Ok((name, class, PyTuple::new(py, params)?))
        })
        .collect()
}

/// Reads an event back from its contract JSON (`Event.to_json()`): how events unpickle.
#[pyfunction]
fn _event_from_json<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    let event = metaevents::Event::from_json(json).map_err(|error| errors::to_py(py, &error))?;
    event::event_to_py(py, event)
}

#[pymodule]
fn _native(module: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = module.py();
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    module.add("KINDS", PyTuple::new(py, Kind::ALL.iter().map(|kind| kind.as_str()))?)?;
    module.add("INPUT_FORMATS", PyTuple::new(py, InputFormat::ALL.iter().map(|format| format.as_str()))?)?;
    event::add_classes(module)?;
    module.add_class::<event::PyEntity>()?;
    module.add_class::<event::PyValidationRequest>()?;
    module.add_class::<parser::PyParser>()?;
    module.add_class::<PyEventIterator>()?;
    module.add_class::<filter::PyFilter>()?;
    module.add_class::<arrow::PyArrowReader>()?;
    module.add_function(wrap_pyfunction!(arrow::read_arrow, module)?)?;
    module.add_class::<arrow::PyColumnNormalizer>()?;
    module.add_function(wrap_pyfunction!(arrow::spark_schema, module)?)?;
    module.add_function(wrap_pyfunction!(parse, module)?)?;
    module.add_function(wrap_pyfunction!(parse_many, module)?)?;
    module.add_function(wrap_pyfunction!(parse_http, module)?)?;
    module.add_function(wrap_pyfunction!(iter_file, module)?)?;
    module.add_function(wrap_pyfunction!(iter_lines, module)?)?;
    module.add_function(wrap_pyfunction!(catalog, module)?)?;
    module.add_function(wrap_pyfunction!(event_schema, module)?)?;
    module.add_function(wrap_pyfunction!(validate, module)?)?;
    module.add_function(wrap_pyfunction!(error_kinds, module)?)?;
    module.add_function(wrap_pyfunction!(input_formats, module)?)?;
    module.add_function(wrap_pyfunction!(_kind_classes, module)?)?;
    module.add_function(wrap_pyfunction!(_event_from_json, module)?)?;
    module.add_function(wrap_pyfunction!(webhook::is_validation_request, module)?)?;
    module.add_function(wrap_pyfunction!(webhook::verify_signature, module)?)?;
    module.add_function(wrap_pyfunction!(webhook::verify_openmetadata_signature, module)?)?;
    module.add_function(wrap_pyfunction!(webhook::openmetadata_signature, module)?)?;
    module.add_function(wrap_pyfunction!(webhook::lambda_headers, module)?)?;
    module.add_function(wrap_pyfunction!(webhook::unwrap, module)?)?;
    Ok(())
}
