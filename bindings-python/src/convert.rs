//! Conversions at the boundary: what a document can be given as, decimals in (never from a
//! float) and out, JSON to Python objects (decimals as `decimal.Decimal`), names of core enums.

use std::borrow::Cow;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyBytes, PyFloat, PyInt, PyString};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::document::PyDocument;

static DECIMAL: PyOnceLock<Py<pyo3::types::PyType>> = PyOnceLock::new();
static JSON_LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// A disclosure as given to `parse`, `check` or `check_many`.
pub(crate) enum Source<'a> {
    /// A `str` (encoded to UTF-8 on the way in).
    Text(Cow<'a, str>),
    /// `bytes`, read in place: invalid UTF-8 is the core's `invalid_utf8` error.
    Bytes(&'a [u8]),
    /// A document parsed earlier.
    Document(&'a yusuan::Document),
}

impl Source<'_> {
    /// Extracts a source from `obj`; `documents` says whether a parsed `Document` is accepted.
    pub(crate) fn extract<'a>(
        obj: &'a Bound<'_, PyAny>,
        param: &str,
        documents: bool,
    ) -> PyResult<Source<'a>> {
        if let Ok(s) = obj.cast::<PyString>() {
            Ok(Source::Text(s.to_cow()?))
        } else if let Ok(b) = obj.cast::<PyBytes>() {
            Ok(Source::Bytes(b.as_bytes()))
        } else if let (true, Ok(d)) = (documents, obj.cast::<PyDocument>()) {
            Ok(Source::Document(&d.get().inner))
        } else {
            let expected = if documents {
                "str, bytes or Document"
            } else {
                "str or bytes"
            };
            Err(PyTypeError::new_err(format!(
                "`{param}` must be {expected}, not {}",
                type_name(obj)
            )))
        }
    }

    /// The document: parsed with `parser`, or the one given.
    pub(crate) fn document(
        &self,
        parser: &yusuan::Parser<'_>,
    ) -> yusuan::Result<Cow<'_, yusuan::Document>> {
        match self {
            Source::Text(text) => parser.parse(text).map(Cow::Owned),
            Source::Bytes(bytes) => parser.parse_bytes(bytes).map(Cow::Owned),
            Source::Document(doc) => Ok(Cow::Borrowed(*doc)),
        }
    }

    /// The document read as `reading` says: the whole disclosure ([`Source::document`]) or only
    /// its narrative ([`yusuan::Parser::parse_narrative`]; bytes must be UTF-8, as for
    /// `parse_bytes`). A parsed `Document` is refused by [`Reading::of`] before this runs.
    pub(crate) fn read(
        &self,
        parser: &yusuan::Parser<'_>,
        reading: Reading,
    ) -> yusuan::Result<Cow<'_, yusuan::Document>> {
        match (reading, self) {
            (Reading::Whole, _) | (Reading::Narrative, Source::Document(_)) => {
                self.document(parser)
            }
            (Reading::Narrative, Source::Text(text)) => {
                parser.parse_narrative(text).map(Cow::Owned)
            }
            (Reading::Narrative, Source::Bytes(bytes)) => {
                let text = std::str::from_utf8(bytes).map_err(|e| yusuan::Error::InvalidUtf8 {
                    offset: e.valid_up_to(),
                })?;
                parser.parse_narrative(text).map(Cow::Owned)
            }
        }
    }
}

/// How a text is read: as a whole disclosure, or only its narrative (`narrative_only=True`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reading {
    /// Tables and narrative, by the layout found (or given).
    Whole,
    /// Only the narrative (情况说明), whatever the layout of the tables.
    Narrative,
}

impl Reading {
    /// The reading for the `narrative_only` keyword; a narrative-only reading of a `Document`
    /// (already read) is refused with a `ValueError` naming `param`.
    pub(crate) fn of(narrative_only: bool, source: &Source<'_>, param: &str) -> PyResult<Self> {
        if !narrative_only {
            return Ok(Reading::Whole);
        }
        if let Source::Document(_) = source {
            return Err(PyValueError::new_err(format!(
                "`narrative_only=True` needs text or bytes: `{param}` is a Document that was \
                 already read; pass its text, or parse it with `yusuan.parse(..., \
                 narrative_only=True)`"
            )));
        }
        Ok(Reading::Narrative)
    }
}

/// The name of an object's type, for error messages.
pub(crate) fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map_or_else(|_| "?".to_owned(), |n| n.to_string())
}

/// `decimal.Decimal`.
pub(crate) fn decimal_class(py: Python<'_>) -> PyResult<&Bound<'_, pyo3::types::PyType>> {
    DECIMAL.import(py, "decimal", "Decimal")
}

/// An amount (or factor) argument: a `decimal.Decimal` or an `int`. A `float` is refused with a
/// `TypeError` naming the parameter, because it cannot hold a decimal amount exactly.
pub(crate) fn decimal_arg(obj: &Bound<'_, PyAny>, param: &str) -> PyResult<Decimal> {
    let py = obj.py();
    if obj.is_instance_of::<PyFloat>() {
        return Err(PyTypeError::new_err(format!(
            "`{param}` must be a decimal.Decimal, not float: a float cannot hold a decimal amount \
             exactly; write Decimal(\"{}\") instead",
            obj.str().map_or_else(|_| "…".to_owned(), |s| s.to_string())
        )));
    }
    let exact = obj.is_instance(decimal_class(py)?)?
        || (obj.is_instance_of::<PyInt>() && !obj.is_instance_of::<PyBool>());
    if !exact {
        return Err(PyTypeError::new_err(format!(
            "`{param}` must be a decimal.Decimal or an int, not {}",
            type_name(obj)
        )));
    }
    obj.extract::<Decimal>().map_err(|_| {
        PyValueError::new_err(format!(
            "`{param}` must be a finite decimal of at most 28 digits, got {}",
            obj.repr()
                .map_or_else(|_| "?".to_owned(), |s| s.to_string())
        ))
    })
}

/// A decimal string of the core (`"577.89"`) as `decimal.Decimal`, exactly as printed.
pub(crate) fn decimal_from_str<'py>(py: Python<'py>, s: &str) -> PyResult<Bound<'py, PyAny>> {
    decimal_class(py)?.call1((s,))
}

/// Parses JSON into Python objects with every non-integer number as `decimal.Decimal`.
pub(crate) fn json_to_py<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    let loads = JSON_LOADS.get_or_try_init(py, || -> PyResult<Py<PyAny>> {
        Ok(py.import("json")?.getattr("loads")?.unbind())
    })?;
    let kwargs = pyo3::types::PyDict::new(py);
    kwargs.set_item("parse_float", decimal_class(py)?)?;
    loads.bind(py).call((json,), Some(&kwargs))
}

/// A serialisable core value as a Python `dict` (through its JSON form).
pub(crate) fn to_py_dict<'py, T: Serialize>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    json_to_py(py, &to_json(value)?)
}

/// A serialisable core value as JSON (compact).
pub(crate) fn to_json<T: Serialize>(value: &T) -> PyResult<String> {
    serde_json::to_string(value).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// Reads a core value back from JSON (pickles, `from_json`).
pub(crate) fn from_json<T: serde::de::DeserializeOwned>(json: &str, what: &str) -> PyResult<T> {
    serde_json::from_str(json)
        .map_err(|e| PyValueError::new_err(format!("invalid {what} JSON: {e}")))
}

/// The serde name of a unit-like core enum (`"budget"`, `"final_accounts"`): the same string
/// the JSON form uses.
pub(crate) fn name_of<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}
