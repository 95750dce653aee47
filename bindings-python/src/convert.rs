//! Conversions at the boundary: what a document and a template can be given as, the options,
//! decimals in (never from a float) and out, JSON to Python objects (decimals as
//! `decimal.Decimal`), names of core enums.

use std::borrow::Cow;
use std::path::PathBuf;

use pyo3::exceptions::{PyFileNotFoundError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyInt, PyString};
use rust_decimal::Decimal;
use serde::Serialize;
use yusuan::{Input, Options};

use crate::document::PyDocument;
use crate::errors::Failure;
use crate::report::PyPolicy;

static DECIMAL: PyOnceLock<Py<pyo3::types::PyType>> = PyOnceLock::new();
static JSON_LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// A disclosure as given to `parse`, `check`, `compare`, `claims` or `check_many`.
pub(crate) enum Source<'a> {
    /// A `str` (encoded to UTF-8 on the way in).
    Text(Cow<'a, str>),
    /// `bytes` (of a PDF or of text), read in place.
    Bytes(&'a [u8]),
    /// A file named by a path, read (without the GIL) by [`Source::with_input`].
    Path(PathBuf),
    /// A document parsed earlier.
    Document(&'a yusuan::Document),
}

impl Source<'_> {
    /// Extracts a source from `obj`: text, bytes, a `Document` where `documents` says so, or a
    /// file (read later): an `os.PathLike`, or a `str` of one line that names an existing file.
    /// A one-line `str` that looks like a path (`x.txt`, `./x`) but names no file is a
    /// `FileNotFoundError`, not a text. A narrative-only reading of a `Document` is refused.
    pub(crate) fn extract<'a>(
        obj: &'a Bound<'_, PyAny>,
        param: &str,
        documents: bool,
        narrative_only: bool,
    ) -> PyResult<Source<'a>> {
        if let Ok(s) = obj.cast::<PyString>() {
            let text = s.to_cow()?;
            if text.contains('\n') || text.len() > 4096 {
                Ok(Source::Text(text))
            } else if std::path::Path::new(text.as_ref()).is_file() {
                Ok(Source::Path(PathBuf::from(text.as_ref())))
            } else if looks_like_path(&text) {
                let why =
                    format!("No such file (`{param}` is a one-line str that looks like a path)");
                Err(PyFileNotFoundError::new_err((2, why, text.into_owned())))
            } else {
                Ok(Source::Text(text))
            }
        } else if let Ok(b) = obj.cast::<PyBytes>() {
            Ok(Source::Bytes(b.as_bytes()))
        } else if let (true, Ok(d)) = (documents, obj.cast::<PyDocument>()) {
            if narrative_only {
                return Err(PyValueError::new_err(format!(
                    "`narrative_only=True` needs text or bytes: `{param}` is a Document that was \
                     already read; pass its text, or parse it with `yusuan.parse(..., \
                     narrative_only=True)`"
                )));
            }
            Ok(Source::Document(&d.get().inner))
        } else if obj.hasattr("__fspath__")? {
            Ok(Source::Path(obj.extract()?))
        } else {
            let expected = if documents {
                "str, bytes or Document"
            } else {
                "str or bytes"
            };
            Err(PyTypeError::new_err(format!(
                "`{param}` must be {expected}, not {} (or a path: a pathlib.Path, or a str naming \
                 a file)",
                type_name(obj)
            )))
        }
    }

    /// `f` of the core's input for this source, a file's bytes read first (call it without the
    /// GIL): a file that cannot be read is [`Failure::Io`].
    pub(crate) fn with_input<T>(&self, f: impl FnOnce(Input<'_>) -> T) -> Result<T, Failure> {
        let bytes;
        Ok(f(match self {
            Source::Text(t) => Input::Text(t),
            Source::Bytes(b) => Input::Bytes(b),
            Source::Document(d) => Input::Document(d),
            Source::Path(p) => {
                bytes = std::fs::read(p).map_err(|e| Failure::Io(p.clone(), e))?;
                Input::Bytes(&bytes)
            }
        }))
    }
}

/// `pathlib.Path(path).<method>()` (`read_bytes`, `read_text`): `OSError` as `open` raises it.
fn read<'py>(path: &Bound<'py, PyAny>, method: &str) -> PyResult<Bound<'py, PyAny>> {
    let path = path
        .py()
        .import("pathlib")?
        .getattr("Path")?
        .call1((path,))?;
    path.call_method0(method)
}

/// A one-line text that is more likely a file name than a disclosure: an extension
/// (`.txt`, `.pdf`), or a start that only paths have (`/`, `./`, `../`, `~`, `C:\`).
fn looks_like_path(s: &str) -> bool {
    let s = s.trim();
    let extension = s.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty()
            && (1..=5).contains(&ext.len())
            && ext.starts_with(|c: char| c.is_ascii_alphabetic())
            && ext.chars().all(|c| c.is_ascii_alphanumeric())
    });
    let drive = s
        .as_bytes()
        .get(1..3)
        .is_some_and(|b| b == b":\\" || b == b":/");
    extension || drive || ["/", "./", "../", "~"].iter().any(|p| s.starts_with(p))
}

/// The options of a reading and a check from the keyword arguments: the template from
/// `template` (or `layout`, its old name), `narrative_only`, the policy, `include_passes`.
pub(crate) fn options(
    template: Option<&Bound<'_, PyAny>>,
    layout: Option<&Bound<'_, PyAny>>,
    narrative_only: bool,
    policy: Option<&Bound<'_, PyPolicy>>,
    include_passes: bool,
) -> PyResult<Options> {
    let (key, arg) = match (template, layout) {
        (Some(_), Some(_)) => {
            let both = "give `template` or `layout` (its old name), not both";
            return Err(PyValueError::new_err(both));
        }
        (Some(t), None) => ("template", Some(t)),
        (None, l) => ("layout", l),
    };
    let options = Options {
        template: arg.map(|a| template_arg(a, key)).transpose()?,
        narrative_only,
        include_passes,
        policy: policy.map(|p| p.get().inner.clone()).unwrap_or_default(),
    };
    options.validate(key).map_err(Failure::Core)?;
    Ok(options)
}

/// A template given as a built-in name, a template's JSON (`str`), a `dict`, or the path of a
/// JSON file (an `os.PathLike`, or a `str` naming a file).
fn template_arg(obj: &Bound<'_, PyAny>, key: &str) -> PyResult<yusuan::template::Template> {
    let json: String = if let Ok(s) = obj.cast::<PyString>() {
        let s = s.to_cow()?;
        let builtin = yusuan::template::Template::by_name(&s).is_some();
        if builtin || s.contains('\n') || !std::path::Path::new(s.as_ref()).is_file() {
            return Ok(yusuan::options::template(&s, key).map_err(Failure::Core)?);
        }
        read(obj, "read_text")?.extract()?
    } else if obj.is_instance_of::<PyDict>() {
        obj.py()
            .import("json")?
            .getattr("dumps")?
            .call1((obj,))?
            .extract()?
    } else if obj.hasattr("__fspath__")? {
        read(obj, "read_text")?.extract()?
    } else {
        return Err(PyTypeError::new_err(format!(
            "`{key}` must be a built-in template's name or a template's JSON (str), a dict or a \
             path of a JSON file, not {}",
            type_name(obj)
        )));
    };
    Ok(yusuan::template::Template::from_json(&json).map_err(Failure::Core)?)
}

/// The name of an object's type, for error messages.
pub(crate) fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map_or_else(|_| "?".to_owned(), |n| n.to_string())
}

/// `decimal.Decimal`.
fn decimal_class(py: Python<'_>) -> PyResult<&Bound<'_, pyo3::types::PyType>> {
    DECIMAL.import(py, "decimal", "Decimal")
}

/// An amount (or factor) argument: a `decimal.Decimal` or an `int`. A `float` is refused with a
/// `TypeError` naming the parameter, because it cannot hold a decimal amount exactly.
pub(crate) fn decimal_arg(obj: &Bound<'_, PyAny>, param: &str) -> PyResult<Decimal> {
    let text =
        |s: PyResult<Bound<'_, PyString>>| s.map_or_else(|_| "?".to_owned(), |s| s.to_string());
    if obj.is_instance_of::<PyFloat>() {
        return Err(PyTypeError::new_err(format!(
            "`{param}` must be a decimal.Decimal, not float: a float cannot hold a decimal amount \
             exactly; write Decimal(\"{}\") instead",
            text(obj.str())
        )));
    }
    let int = obj.is_instance_of::<PyInt>() && !obj.is_instance_of::<PyBool>();
    if !int && !obj.is_instance(decimal_class(obj.py())?)? {
        let name = type_name(obj);
        let why = format!("`{param}` must be a decimal.Decimal or an int, not {name}");
        return Err(PyTypeError::new_err(why));
    }
    obj.extract::<Decimal>().map_err(|_| {
        let why = "must be a finite decimal of at most 28 digits, got";
        PyValueError::new_err(format!("`{param}` {why} {}", text(obj.repr())))
    })
}

/// A decimal string of the core (`"577.89"`) as a `Decimal` with its printed digits, or None
/// (also for a figure the core leaves empty).
pub(crate) fn dec(s: Option<&String>) -> Option<Decimal> {
    s.and_then(|s| s.parse().ok())
}

/// Parses JSON into Python objects with every non-integer number as `decimal.Decimal`.
pub(crate) fn json_to_py<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    let loads = JSON_LOADS.get_or_try_init(py, || -> PyResult<Py<PyAny>> {
        Ok(py.import("json")?.getattr("loads")?.unbind())
    })?;
    let kwargs = PyDict::new(py);
    kwargs.set_item("parse_float", decimal_class(py)?)?;
    loads.bind(py).call((json,), Some(&kwargs))
}

/// A serialisable core value as Python data (through its JSON form).
pub(crate) fn to_py_dict<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    json_to_py(py, &to_json(value)?)
}

/// A serialisable core value as JSON (compact).
pub(crate) fn to_json<T: Serialize + ?Sized>(value: &T) -> PyResult<String> {
    serde_json::to_string(value).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// A core value as the JSON `yusuan … --format json` prints (indented, a final newline).
pub(crate) fn to_pretty_json<T: Serialize>(value: &T) -> PyResult<String> {
    let json = serde_json::to_string_pretty(value);
    json.map(|s| s + "\n")
        .map_err(|e| PyValueError::new_err(e.to_string()))
}

/// Reads a core value back from JSON (pickles, `from_json`).
pub(crate) fn from_json<T: serde::de::DeserializeOwned>(json: &str, what: &str) -> PyResult<T> {
    let value = serde_json::from_str(json);
    value.map_err(|e| PyValueError::new_err(format!("invalid {what} JSON: {e}")))
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

/// `"?"` for an unknown value in a `__repr__`.
pub(crate) fn or_unknown<T: ToString>(value: Option<T>) -> String {
    value.map_or_else(|| "?".to_owned(), |v| v.to_string())
}
