//! The exception hierarchy and the one place core errors become Python exceptions.
//!
//! `YusuanError` extends `ValueError` (every core error is about input that cannot be read), and
//! each core error code has its own subclass. The core `Error` is `#[non_exhaustive]`, so the
//! mapping goes by [`yusuan::Error::code`]; `tests/test_errors.py` checks that every code in
//! [`yusuan::Error::all_codes`] has a class of its own, so a new core variant cannot slip through
//! as the bare base class.
//!
//! A panic must never reach Python (PyO3 would raise `PanicException`, a `BaseException` that
//! `except Exception` misses): every call into the core goes through [`run`], which turns a panic
//! into `InternalError`.

use std::panic::{AssertUnwindSafe, catch_unwind};

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyType;

create_exception!(
    yusuan,
    YusuanError,
    PyValueError,
    "Base class of the errors yusuan raises for input it cannot read (a `ValueError`).\n\n\
     Attributes: `code` (the stable snake_case code of the error, also a class attribute), `line` \
     and `table` (where the error points, or None) and `details` (every field of the error)."
);
create_exception!(
    yusuan,
    EmptyInputError,
    YusuanError,
    "The input holds no text at all (code `empty_input`)."
);
create_exception!(
    yusuan,
    InvalidUtf8Error,
    YusuanError,
    "The input bytes are not valid UTF-8 (code `invalid_utf8`); `details[\"offset\"]` is the byte offset."
);
create_exception!(
    yusuan,
    NotTextError,
    YusuanError,
    "The input is binary data rather than text (code `not_text`)."
);
create_exception!(
    yusuan,
    InputTooLargeError,
    YusuanError,
    "The input is larger than the limit (code `input_too_large`)."
);
create_exception!(
    yusuan,
    NotADisclosureError,
    YusuanError,
    "No table of any known layout was found (code `not_a_disclosure`)."
);
create_exception!(
    yusuan,
    TruncatedTableError,
    YusuanError,
    "The text ends in the middle of a table (code `truncated_table`); `table` and `line` say where."
);
create_exception!(
    yusuan,
    InvalidCatalogError,
    YusuanError,
    "A classification catalog could not be read (code `invalid_catalog`)."
);
create_exception!(
    yusuan,
    InvalidLayoutError,
    YusuanError,
    "A layout definition could not be read (code `invalid_layout`)."
);
create_exception!(
    yusuan,
    InvalidOptionError,
    YusuanError,
    "An option value is not one of the allowed values (code `invalid_option`)."
);
create_exception!(
    yusuan,
    InternalError,
    YusuanError,
    "A bug in yusuan (code `internal_error`): please report it with the input that caused it."
);

/// The code of [`InternalError`], which has no core variant.
pub(crate) const INTERNAL_CODE: &str = "internal_error";

/// The exception class for a core error code; the base class for a code not mapped yet.
pub(crate) fn class_for<'py>(py: Python<'py>, code: &str) -> Bound<'py, PyType> {
    match code {
        "empty_input" => py.get_type::<EmptyInputError>(),
        "invalid_utf8" => py.get_type::<InvalidUtf8Error>(),
        "not_text" => py.get_type::<NotTextError>(),
        "input_too_large" => py.get_type::<InputTooLargeError>(),
        "not_a_disclosure" => py.get_type::<NotADisclosureError>(),
        "truncated_table" => py.get_type::<TruncatedTableError>(),
        "invalid_catalog" => py.get_type::<InvalidCatalogError>(),
        "invalid_template" => py.get_type::<InvalidLayoutError>(),
        "invalid_option" => py.get_type::<InvalidOptionError>(),
        INTERNAL_CODE => py.get_type::<InternalError>(),
        _ => py.get_type::<YusuanError>(),
    }
}

/// Adds the exception classes to the module and gives each its `code` (and `line`, `table` and
/// `details` defaults) as class attributes.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    let base = py.get_type::<YusuanError>();
    base.setattr("code", "yusuan_error")?;
    base.setattr("line", py.None())?;
    base.setattr("table", py.None())?;
    base.setattr("details", py.None())?;
    m.add("YusuanError", base)?;
    for &code in yusuan::Error::all_codes().iter().chain(&[INTERNAL_CODE]) {
        let class = class_for(py, code);
        if class.is(py.get_type::<YusuanError>()) {
            // Not mapped yet: tests/test_errors.py fails on the missing class.
            continue;
        }
        class.setattr("code", code)?;
        m.add(class.name()?, class)?;
    }
    Ok(())
}

/// Why a call into the core failed: an error it returned, or a panic caught on the way out.
#[derive(Debug)]
pub(crate) enum Failure {
    /// The core's error for input it cannot read.
    Core(yusuan::Error),
    /// A panic in the core (a bug), with its message.
    Panic(String),
}

impl From<yusuan::Error> for Failure {
    fn from(e: yusuan::Error) -> Self {
        Failure::Core(e)
    }
}

impl From<Failure> for PyErr {
    fn from(f: Failure) -> PyErr {
        Python::attach(|py| f.into_pyerr(py))
    }
}

impl Failure {
    /// The Python exception: the class of the code, the core's message, and the attributes.
    pub(crate) fn into_pyerr(self, py: Python<'_>) -> PyErr {
        let (code, message, line, table, details) = match &self {
            Failure::Core(e) => (
                e.code(),
                e.to_string(),
                e.line(),
                e.table().map(str::to_owned),
                serde_json::to_string(e).ok(),
            ),
            Failure::Panic(msg) => (
                INTERNAL_CODE,
                format!("internal error in yusuan (please report it): {msg}"),
                None,
                None,
                None,
            ),
        };
        let err = PyErr::from_type(class_for(py, code), message);
        let value = err.value(py);
        let details = match details {
            Some(json) => crate::convert::json_to_py(py, &json),
            None => Ok(pyo3::types::PyDict::new(py).into_any()),
        };
        let set = value
            .setattr("code", code)
            .and_then(|()| value.setattr("line", line))
            .and_then(|()| value.setattr("table", table))
            .and_then(|()| value.setattr("details", details?));
        match set {
            Ok(()) => err,
            Err(e) => e,
        }
    }
}

/// Adds a note to an exception (PEP 678: `add_note` on Python 3.11 and later, where tracebacks
/// print it; the `__notes__` list itself before).
pub(crate) fn add_note(py: Python<'_>, err: &PyErr, note: &str) -> PyResult<()> {
    let value = err.value(py);
    if value.hasattr("add_note")? {
        value.call_method1("add_note", (note,))?;
    } else {
        value.setattr("__notes__", vec![note])?;
    }
    Ok(())
}

/// Runs a call into the core, turning a panic into [`Failure::Panic`].
pub(crate) fn run<T>(f: impl FnOnce() -> Result<T, yusuan::Error>) -> Result<T, Failure> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result.map_err(Failure::Core),
        Err(payload) => Err(Failure::Panic(panic_message(payload.as_ref()))),
    }
}

/// Like [`run`] for calls that cannot fail except by panicking.
pub(crate) fn run_infallible<T>(f: impl FnOnce() -> T) -> Result<T, Failure> {
    run(|| Ok(f()))
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic without a message".to_owned()
    }
}

/// Checks the panic guard from Python (`tests/test_errors.py`): panics inside [`run`] and
/// returns what Python then sees. Not part of the API.
#[pyfunction]
#[allow(clippy::panic)] // the one deliberate panic, caught by the guard it tests
pub(crate) fn _selftest_panic() -> PyResult<()> {
    Ok(run_infallible(|| {
        std::panic::panic_any("selftest panic inside the guard")
    })?)
}
