//! Core errors → Python exceptions.
//!
//! The exception classes live in Python (`metaevents/_errors.py`), with the one table that maps
//! an error kind to its class; this side only hands over the kind, the message and the location.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;

static MAKE_ERROR: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// Builds the exception for `kind` through `metaevents._errors._make`.
fn make(
    py: Python<'_>,
    kind: &str,
    message: &str,
    located: &str,
    line: Option<u64>,
    column: Option<u64>,
    path: Option<&str>,
) -> PyErr {
    let built = MAKE_ERROR
        .import(py, "metaevents._errors", "_make")
        .and_then(|make| make.call1((kind, message, located, line, column, path)));
    match built {
        Ok(exception) => PyErr::from_value(exception),
        // The package's own module is missing (a broken install): say so, never lose the error.
        Err(err) => err,
    }
}

/// The Python exception for a core error.
pub(crate) fn to_py(py: Python<'_>, error: &metaevents::Error) -> PyErr {
    make(py, error.kind().as_str(), error.message(), &error.to_string(), error.line(), error.column(), error.path())
}

/// An exception raised by the binding itself (a value that cannot cross the boundary), with
/// one of the core's error kinds.
pub(crate) fn binding_error(py: Python<'_>, kind: &str, message: &str) -> PyErr {
    make(py, kind, message, message, None, None, None)
}

/// Converts core results.
pub(crate) trait IntoPyResult<T> {
    fn or_raise(self, py: Python<'_>) -> PyResult<T>;
}

impl<T> IntoPyResult<T> for Result<T, metaevents::Error> {
    fn or_raise(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|error| to_py(py, &error))
    }
}
