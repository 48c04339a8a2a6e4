//! Errors on their way to JavaScript: the core's [`ErrorInfo`] (`{kind, category, class,
//! message, display, line, column, path}`) thrown as a plain object, which `js/src/api.js`
//! turns into the `MetaeventsError` subclass named by `class`.

use metaevents::ffi::ErrorInfo;
use metaevents::{Error, ErrorKind};
use wasm_bindgen::JsValue;

use crate::values::{self, ReadError};

/// The value to throw for a core error.
pub(crate) fn thrown(error: Error) -> JsValue {
    values::to_js(&ErrorInfo::from(error)).unwrap_or_else(|failure| failure)
}

/// The value to throw for a JS value that could not be read: an error of `kind` at the place
/// serde names, under `root` (`maxDepth`; `filter.any[0]` for `root` `filter`), or saying
/// `what` was being read when there is no place.
pub(crate) fn unreadable(kind: ErrorKind, root: &str, what: &str, error: ReadError) -> JsValue {
    let path = match error.path {
        Some(path) if root.is_empty() || path.starts_with('[') => Some(format!("{root}{path}")),
        Some(path) => Some(format!("{root}.{path}")),
        None => (!root.is_empty()).then(|| root.to_owned()),
    };
    thrown(match path {
        Some(path) => Error::new(kind, error.message).with_path(path),
        None => Error::new(kind, format!("{what}: {}", error.message)),
    })
}
