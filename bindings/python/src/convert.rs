//! Conversions between JSON and Python objects, and nothing else.
//!
//! - JSON text → Python ([`json_to_py`]): a small decoder that keeps the key order of the text
//!   and reads numbers exactly as Python's `json` module does (integers of any size, floats
//!   correctly rounded), so `to_dict()` equals `json.loads(to_json())`.
//! - Python → JSON text ([`py_to_json`]): for inputs given as `dict`/`list`, keeping their key
//!   order, so `raw` is the event as the caller built it; filter specs and configs go the same
//!   way into a [`serde_json::Value`] ([`py_to_value`]).
//! - [`serde_json::Value`] → Python ([`value_to_py`]): for the catalog, `details` and specs.

use metaevents::{Error, ErrorKind};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::{Number, Value};

use crate::errors;

/// Deepest nesting the converters follow. Deeper values (or reference cycles) are refused
/// rather than risking the stack; the core's own limit is lower still.
const MAX_NESTING: usize = metaevents::Limits::MAX_DEPTH_CEILING + 8;

// ---------------------------------------------------------------------------------------------
// JSON text → Python
// ---------------------------------------------------------------------------------------------

/// Decodes JSON text (produced or validated by the core) into Python objects.
pub(crate) fn json_to_py<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    let mut decoder = Decoder { py, text, pos: 0 };
    decoder.skip_whitespace();
    let value = decoder.value(0)?;
    decoder.skip_whitespace();
    if decoder.pos < text.len() {
        return Err(decoder.fail("unexpected content after the JSON value"));
    }
    Ok(value)
}

struct Decoder<'py, 't> {
    py: Python<'py>,
    text: &'t str,
    pos: usize,
}

impl<'py> Decoder<'py, '_> {
    fn bytes(&self) -> &[u8] {
        self.text.as_bytes()
    }

    fn peek(&self) -> Option<u8> {
        self.bytes().get(self.pos).copied()
    }

    fn fail(&self, what: &str) -> PyErr {
        PyValueError::new_err(format!("cannot convert JSON to Python at byte {}: {what}", self.pos))
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\r' | b'\n')) {
            self.pos += 1;
        }
    }

    fn expect(&mut self, byte: u8) -> PyResult<()> {
        self.skip_whitespace();
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.fail(&format!("expected `{}`", char::from(byte))))
        }
    }

    fn literal(&mut self, word: &str) -> PyResult<()> {
        if self.text.get(self.pos..).is_some_and(|rest| rest.starts_with(word)) {
            self.pos += word.len();
            Ok(())
        } else {
            Err(self.fail("invalid literal"))
        }
    }

    fn value(&mut self, depth: usize) -> PyResult<Bound<'py, PyAny>> {
        if depth > MAX_NESTING {
            return Err(self.fail("nested too deeply"));
        }
        let py = self.py;
        match self.peek() {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => Ok(self.string()?.into_any()),
            Some(b't') => self.literal("true").map(|()| PyBool::new(py, true).to_owned().into_any()),
            Some(b'f') => self.literal("false").map(|()| PyBool::new(py, false).to_owned().into_any()),
            Some(b'n') => self.literal("null").map(|()| py.None().into_bound(py)),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(self.fail("expected a JSON value")),
        }
    }

    fn object(&mut self, depth: usize) -> PyResult<Bound<'py, PyAny>> {
        self.pos += 1;
        let dict = PyDict::new(self.py);
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(dict.into_any());
        }
        loop {
            self.skip_whitespace();
            if self.peek() != Some(b'"') {
                return Err(self.fail("expected a key"));
            }
            let key = self.string()?;
            self.expect(b':')?;
            self.skip_whitespace();
            let value = self.value(depth + 1)?;
            dict.set_item(key, value)?;
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(dict.into_any());
                }
                _ => return Err(self.fail("expected `,` or `}`")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> PyResult<Bound<'py, PyAny>> {
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(PyList::empty(self.py).into_any());
        }
        loop {
            self.skip_whitespace();
            items.push(self.value(depth + 1)?);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(PyList::new(self.py, items)?.into_any());
                }
                _ => return Err(self.fail("expected `,` or `]`")),
            }
        }
    }

    fn string(&mut self) -> PyResult<Bound<'py, PyString>> {
        let start = self.pos;
        self.pos += 1;
        let body_start = self.pos;
        let rest = self.bytes().get(body_start..).unwrap_or_default();
        let Some(stop) = memchr::memchr2(b'"', b'\\', rest) else {
            return Err(self.fail("unterminated string"));
        };
        if rest.get(stop) == Some(&b'"') {
            // No escapes: the text between the quotes is the string.
            self.pos = body_start + stop + 1;
            let body = self.text.get(body_start..body_start + stop).ok_or_else(|| self.fail("bad string"))?;
            return Ok(PyString::new(self.py, body));
        }
        let mut out = String::with_capacity(stop + 16);
        let mut pos = body_start;
        loop {
            let rest = self.bytes().get(pos..).unwrap_or_default();
            let Some(stop) = memchr::memchr2(b'"', b'\\', rest) else {
                self.pos = pos;
                return Err(self.fail("unterminated string"));
            };
            out.push_str(self.text.get(pos..pos + stop).ok_or_else(|| self.fail("bad string"))?);
            pos += stop;
            if rest.get(stop) == Some(&b'"') {
                self.pos = pos + 1;
                return Ok(PyString::new(self.py, &out));
            }
            let escape = self.bytes().get(pos + 1).copied();
            pos += 2;
            let decoded = match escape {
                Some(b'"') => '"',
                Some(b'\\') => '\\',
                Some(b'/') => '/',
                Some(b'b') => '\u{8}',
                Some(b'f') => '\u{c}',
                Some(b'n') => '\n',
                Some(b'r') => '\r',
                Some(b't') => '\t',
                Some(b'u') => {
                    let high = self.hex4(pos)?;
                    pos += 4;
                    if (0xD800..0xDC00).contains(&high)
                        && self.bytes().get(pos) == Some(&b'\\')
                        && self.bytes().get(pos + 1) == Some(&b'u')
                    {
                        let low = self.hex4(pos + 2)?;
                        if (0xDC00..0xE000).contains(&low) {
                            pos += 6;
                            let code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                            char::from_u32(code).ok_or_else(|| self.fail("bad surrogate pair"))?
                        } else {
                            return self.lone_surrogate(start);
                        }
                    } else if let Some(c) = char::from_u32(high) {
                        c
                    } else {
                        return self.lone_surrogate(start);
                    }
                }
                _ => {
                    self.pos = pos;
                    return Err(self.fail("bad escape"));
                }
            };
            out.push(decoded);
        }
    }

    fn hex4(&self, at: usize) -> PyResult<u32> {
        let digits = self.text.get(at..at + 4).ok_or_else(|| self.fail("short \\u escape"))?;
        u32::from_str_radix(digits, 16).map_err(|_| self.fail("bad \\u escape"))
    }

    /// A string holding an unpaired surrogate escape: Rust strings cannot hold one, Python's
    /// can, so Python's own decoder reads this (rare) string.
    fn lone_surrogate(&mut self, start: usize) -> PyResult<Bound<'py, PyString>> {
        static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
        let mut pos = start + 1;
        loop {
            match self.bytes().get(pos) {
                Some(b'\\') => pos += 2,
                Some(b'"') => break,
                Some(_) => pos += 1,
                None => return Err(self.fail("unterminated string")),
            }
        }
        let token = self.text.get(start..=pos).ok_or_else(|| self.fail("bad string"))?;
        self.pos = pos + 1;
        let loads = LOADS.import(self.py, "json", "loads")?;
        Ok(loads.call1((token,))?.cast_into::<PyString>()?)
    }

    fn number(&mut self) -> PyResult<Bound<'py, PyAny>> {
        let start = self.pos;
        let mut float = false;
        while let Some(byte) = self.peek() {
            match byte {
                b'0'..=b'9' | b'-' | b'+' => {}
                b'.' | b'e' | b'E' => float = true,
                _ => break,
            }
            self.pos += 1;
        }
        let token = self.text.get(start..self.pos).ok_or_else(|| self.fail("bad number"))?;
        let py = self.py;
        if float {
            let value: f64 = token.parse().map_err(|_| self.fail("bad number"))?;
            return Ok(PyFloat::new(py, value).into_any());
        }
        if let Ok(value) = token.parse::<i64>() {
            return Ok(value.into_pyobject(py)?.into_any());
        }
        if let Ok(value) = token.parse::<u64>() {
            return Ok(value.into_pyobject(py)?.into_any());
        }
        // Integers beyond 64 bits: Python's int reads any size.
        py.get_type::<PyInt>().call1((token,))
    }
}

// ---------------------------------------------------------------------------------------------
// serde_json::Value → Python
// ---------------------------------------------------------------------------------------------

/// Converts a JSON value into Python objects.
pub(crate) fn value_to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(flag) => PyBool::new(py, *flag).to_owned().into_any(),
        Value::Number(number) => number_to_py(py, number)?,
        Value::String(text) => PyString::new(py, text).into_any(),
        Value::Array(items) => {
            let items = items.iter().map(|item| value_to_py(py, item)).collect::<PyResult<Vec<_>>>()?;
            PyList::new(py, items)?.into_any()
        }
        Value::Object(map) => map_to_py(py, map.iter().map(|(key, value)| (key.as_str(), value)))?.into_any(),
    })
}

/// Converts a JSON object into a `dict`.
pub(crate) fn map_to_py<'a, 'py>(
    py: Python<'py>,
    entries: impl IntoIterator<Item = (&'a str, &'a Value)>,
) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    for (key, value) in entries {
        dict.set_item(key, value_to_py(py, value)?)?;
    }
    Ok(dict)
}

fn number_to_py<'py>(py: Python<'py>, number: &Number) -> PyResult<Bound<'py, PyAny>> {
    if let Some(value) = number.as_i64() {
        Ok(value.into_pyobject(py)?.into_any())
    } else if let Some(value) = number.as_u64() {
        Ok(value.into_pyobject(py)?.into_any())
    } else {
        Ok(PyFloat::new(py, number.as_f64().unwrap_or(f64::NAN)).into_any())
    }
}

// ---------------------------------------------------------------------------------------------
// Python → JSON text / serde_json::Value
// ---------------------------------------------------------------------------------------------

/// What a Python object is, for the JSON converters.
enum Shape<'a, 'py> {
    Null,
    Bool(bool),
    Int(&'a Bound<'py, PyAny>),
    Float(f64),
    Str(&'a Bound<'py, PyString>),
    Dict(&'a Bound<'py, PyDict>),
    List(Vec<Bound<'py, PyAny>>),
}

fn shape<'a, 'py>(obj: &'a Bound<'py, PyAny>) -> PyResult<Shape<'a, 'py>> {
    if obj.is_none() {
        Ok(Shape::Null)
    } else if let Ok(flag) = obj.cast::<PyBool>() {
        Ok(Shape::Bool(flag.is_true()))
    } else if obj.is_instance_of::<PyInt>() {
        Ok(Shape::Int(obj))
    } else if let Ok(float) = obj.cast::<PyFloat>() {
        Ok(Shape::Float(float.value()))
    } else if let Ok(text) = obj.cast::<PyString>() {
        Ok(Shape::Str(text))
    } else if let Ok(dict) = obj.cast::<PyDict>() {
        Ok(Shape::Dict(dict))
    } else if let Ok(list) = obj.cast::<PyList>() {
        Ok(Shape::List(list.iter().collect()))
    } else if let Ok(tuple) = obj.cast::<PyTuple>() {
        Ok(Shape::List(tuple.iter().collect()))
    } else {
        let type_name = obj.get_type().name()?;
        Err(PyTypeError::new_err(format!(
            "an object of type {type_name} is not JSON: use dict, list, str, int, float, bool or None"
        )))
    }
}

fn too_deep(py: Python<'_>) -> PyErr {
    let message = format!("the value is nested deeper than {MAX_NESTING} levels (or refers to itself)");
    errors::to_py(py, &Error::new(ErrorKind::TooDeep, message))
}

fn not_finite(py: Python<'_>, value: f64) -> PyErr {
    errors::to_py(py, &Error::new(ErrorKind::NumberOutOfRange, format!("{value} is not a JSON number")))
}

fn key_text<'py>(key: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyString>> {
    key.cast::<PyString>().cloned().map_err(|_| {
        let type_name = key.get_type().name().map(|name| name.to_string()).unwrap_or_default();
        PyTypeError::new_err(format!("JSON object keys must be str, not {type_name}"))
    })
}

fn int_text(obj: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(value) = obj.extract::<i64>() {
        return Ok(value.to_string());
    }
    if let Ok(value) = obj.extract::<u64>() {
        return Ok(value.to_string());
    }
    // An int of any size (or an int subclass): its decimal digits.
    let exact = obj.py().get_type::<PyInt>().call1((obj,))?;
    Ok(exact.str()?.to_cow()?.into_owned())
}

/// Writes a Python object as JSON text, keeping the key order of its dicts.
pub(crate) fn py_to_json(obj: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(1024);
    write_json(obj, &mut out, 0)?;
    Ok(out)
}

fn write_str(text: &Bound<'_, PyString>, out: &mut Vec<u8>) -> PyResult<()> {
    let utf8 = text.encode_utf8()?;
    let text = std::str::from_utf8(utf8.as_bytes()).map_err(|err| PyValueError::new_err(err.to_string()))?;
    serde_json::to_writer(&mut *out, text).map_err(|err| PyValueError::new_err(err.to_string()))
}

fn write_json(obj: &Bound<'_, PyAny>, out: &mut Vec<u8>, depth: usize) -> PyResult<()> {
    if depth > MAX_NESTING {
        return Err(too_deep(obj.py()));
    }
    match shape(obj)? {
        Shape::Null => out.extend_from_slice(b"null"),
        Shape::Bool(flag) => out.extend_from_slice(if flag { b"true" } else { b"false" }),
        Shape::Int(int) => out.extend_from_slice(int_text(int)?.as_bytes()),
        Shape::Float(value) => {
            if !value.is_finite() {
                return Err(not_finite(obj.py(), value));
            }
            serde_json::to_writer(&mut *out, &value).map_err(|err| PyValueError::new_err(err.to_string()))?;
        }
        Shape::Str(text) => write_str(text, out)?,
        Shape::Dict(dict) => {
            out.push(b'{');
            for (index, (key, value)) in dict.iter().enumerate() {
                if index > 0 {
                    out.push(b',');
                }
                write_str(&key_text(&key)?, out)?;
                out.push(b':');
                write_json(&value, out, depth + 1)?;
            }
            out.push(b'}');
        }
        Shape::List(items) => {
            out.push(b'[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(b',');
                }
                write_json(item, out, depth + 1)?;
            }
            out.push(b']');
        }
    }
    Ok(())
}

/// Converts a Python object into a JSON value, through its JSON text ([`py_to_json`]).
pub(crate) fn py_to_value(obj: &Bound<'_, PyAny>) -> PyResult<Value> {
    // Text we wrote is valid JSON: it can only be too deep for serde_json's recursion limit.
    serde_json::from_slice(&py_to_json(obj)?).map_err(|err| {
        errors::to_py(obj.py(), &Error::new(ErrorKind::TooDeep, format!("the value is nested too deeply: {err}")))
    })
}
