//! `Filter`: the core's compiled filter behind a frozen class.

use metaevents::Filter;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::convert::{py_to_value, value_to_py};
use crate::errors::IntoPyResult;
use crate::event::{PyEvent, PyValidationRequest};
use crate::parser::{PyParser, input_data};

/// A compiled filter: its JSON form (a dict, or JSON text), compiled once, evaluated many times.
#[pyclass(frozen, module = "metaevents", name = "Filter")]
#[derive(Debug)]
pub struct PyFilter {
    filter: Filter,
}

impl PyFilter {
    /// The compiled filter.
    pub(crate) fn filter(&self) -> &Filter {
        &self.filter
    }

    /// Compiles a filter spec (a dict, or JSON text) as `Filter(spec)` does.
    pub(crate) fn compile(spec: &Bound<'_, PyAny>) -> PyResult<Self> {
        Self::new(spec.py(), spec)
    }
}

#[pymethods]
impl PyFilter {
    #[new]
    fn new(py: Python<'_>, spec: &Bound<'_, PyAny>) -> PyResult<Self> {
        let filter = match spec.cast::<PyString>() {
            Ok(text) => Filter::from_json(&text.to_cow()?),
            Err(_) => Filter::new(&py_to_value(spec)?),
        };
        Ok(Self { filter: filter.or_raise(py)? })
    }

    /// Compiles a datahub-actions config (its `filter:` block and/or `filters:` list, or a
    /// whole action config): a dict, or YAML text. Matches exactly as datahub-actions does.
    #[staticmethod]
    fn from_datahub_actions(py: Python<'_>, config: &Bound<'_, PyAny>) -> PyResult<Self> {
        let filter = match config.cast::<PyString>() {
            Ok(text) => Filter::from_datahub_actions_yaml(&text.to_cow()?),
            Err(_) => Filter::from_datahub_actions(&py_to_value(config)?),
        };
        Ok(Self { filter: filter.or_raise(py)? })
    }

    /// The spec this filter was compiled from.
    #[getter]
    fn spec<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        value_to_py(py, self.filter.spec())
    }

    /// Whether `event` passes (a validation request never does).
    fn matches(&self, event: &Bound<'_, PyAny>) -> PyResult<bool> {
        if let Ok(event) = event.cast::<PyEvent>() {
            Ok(self.filter.matches(&event.get().event))
        } else if event.is_instance_of::<PyValidationRequest>() {
            Ok(false)
        } else {
            let type_name = event.get_type().name()?;
            Err(PyTypeError::new_err(format!("Filter.matches() needs an Event, not {type_name}")))
        }
    }

    /// The 0-based indexes of the NDJSON lines of `data` holding a matching event. Lines that
    /// cannot hold a match are ruled out by a byte search before any parsing.
    #[pyo3(signature = (data, parser = None))]
    fn filter_ndjson(
        &self,
        py: Python<'_>,
        data: &Bound<'_, PyAny>,
        parser: Option<PyRef<'_, PyParser>>,
    ) -> PyResult<Vec<usize>> {
        let data = input_data(data)?;
        let bytes = data.as_slice();
        let filter = &self.filter;
        Ok(match parser {
            Some(parser) => {
                let parser = &parser.parser;
                py.detach(|| filter.filter_ndjson_with(parser, bytes))
            }
            None => py.detach(|| filter.filter_ndjson(bytes)),
        })
    }

    fn __repr__(&self) -> String {
        format!("Filter({})", self.filter.spec())
    }
}
