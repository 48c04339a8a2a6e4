//! Core errors → Python exceptions.
//!
//! The core says everything about an error in [`ErrorInfo`], the name of its exception class
//! included; the classes themselves live in Python (`metaevents/_errors.py`), which builds the
//! exception of that name.

use metaevents::ffi::ErrorInfo;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;

static MAKE_ERROR: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// The Python exception for a core error, built by `metaevents._errors._make`.
pub(crate) fn to_py(py: Python<'_>, error: &metaevents::Error) -> PyErr {
    let info = ErrorInfo::from(error);
    let built = MAKE_ERROR.import(py, "metaevents._errors", "_make").and_then(|make| {
        make.call1((info.class, info.kind, info.message, info.display, info.line, info.column, info.path))
    });
    match built {
        Ok(exception) => PyErr::from_value(exception),
        // The package's own module is missing (a broken install): say so, never lose the error.
        Err(err) => err,
    }
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
