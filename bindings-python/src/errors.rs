//! The exception hierarchy and the one place core errors become Python exceptions.
//!
//! `YusuanError` extends `ValueError` (every core error is about input that cannot be read);
//! each core error code has a subclass. The core `Error` is `#[non_exhaustive]`, so the mapping
//! goes by [`yusuan::Error::code`]; `tests/test_errors.py` checks that every code has a class.
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

/// One subclass of `YusuanError` per error code, and the class of a code.
macro_rules! exceptions {
    ($($class:ident $code:literal $doc:literal;)*) => {
        $( create_exception!(yusuan, $class, YusuanError, concat!($doc, " (`", $code, "`).")); )*

        /// The exception class for an error code; the base class for a code not mapped yet.
        fn class_for<'py>(py: Python<'py>, code: &str) -> Bound<'py, PyType> {
            match code {
                $( $code => py.get_type::<$class>(), )*
                _ => py.get_type::<YusuanError>(),
            }
        }
    };
}

exceptions! {
    EmptyInputError "empty_input" "The input holds no text at all";
    InvalidUtf8Error "invalid_utf8" "The bytes are not UTF-8: `details[\"offset\"]` says where";
    NotTextError "not_text" "The input is binary data rather than text";
    InputTooLargeError "input_too_large" "The input is larger than the limit";
    NotADisclosureError "not_a_disclosure" "No table of any known template was found";
    TruncatedTableError "truncated_table" "The text ends inside a table (see `table`, `line`)";
    InvalidCatalogError "invalid_catalog" "A classification catalog could not be read";
    InvalidTemplateError "invalid_template"
        "A template could not be read (old name: InvalidLayoutError)";
    InvalidOptionError "invalid_option" "An option value is not one of the allowed values";
    NotAPdfError "not_a_pdf" "The bytes are not a PDF";
    PdfUnsupportedError "pdf_unsupported" "The PDF uses a feature the reader does not support";
    PdfEncryptedError "pdf_encrypted" "The PDF is encrypted";
    PdfDamagedError "pdf_damaged" "The PDF is damaged beyond repair";
    PdfNoTextError "pdf_no_text" "The PDF has no text layer (an image: OCR it first)";
    PdfTooLargeError "pdf_too_large" "The PDF has more bytes or pages than the limit";
    PdfDecompressionBombError "pdf_decompression_bomb" "A PDF stream inflates past the limit";
    InternalError "internal_error" "A bug in yusuan: please report it with the input";
}

/// The code of [`InternalError`], which has no core variant.
const INTERNAL_CODE: &str = "internal_error";

/// Adds the exception classes to the module and gives each its `code` (and `line`, `table` and
/// `details` defaults) as class attributes.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    let base = py.get_type::<YusuanError>();
    base.setattr("code", "yusuan_error")?;
    for attr in ["line", "table", "details"] {
        base.setattr(attr, py.None())?;
    }
    m.add("YusuanError", &base)?;
    for &code in yusuan::Error::all_codes().iter().chain(&[INTERNAL_CODE]) {
        let class = class_for(py, code);
        if !class.is(&base) {
            class.setattr("code", code)?; // (not mapped yet: tests/test_errors.py fails)
            m.add(class.name()?, class)?;
        }
    }
    m.add("InvalidLayoutError", py.get_type::<InvalidTemplateError>())
}

/// Why a call into the core failed: an error it returned, or a panic caught on the way out.
#[derive(Debug)]
pub(crate) enum Failure {
    /// The core's error for input it cannot read.
    Core(yusuan::Error),
    /// A panic in the core (a bug), with its message.
    Panic(String),
    /// A file that could not be read (raised as `OSError`, the subclass of its errno).
    Io(std::path::PathBuf, std::io::Error),
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
            Failure::Core(e) => {
                let details = serde_json::to_string(e).ok();
                (e.code(), e.to_string(), e.line(), e.table(), details)
            }
            Failure::Panic(msg) => {
                let message = format!("internal error in yusuan (please report it): {msg}");
                (INTERNAL_CODE, message, None, None, None)
            }
            Failure::Io(path, e) => {
                // "No such file or directory (os error 2)": the words, as `OSError` has them
                let why = e.to_string();
                let why = why.split(" (os error").next().unwrap_or(&why);
                let args = (e.raw_os_error(), why.to_owned(), path.display().to_string());
                return pyo3::exceptions::PyOSError::new_err(args);
            }
        };
        let err = PyErr::from_type(class_for(py, code), message);
        let value = err.value(py);
        let details = match details {
            Some(json) => crate::convert::json_to_py(py, &json),
            None => Ok(pyo3::types::PyDict::new(py).into_any()),
        };
        let set = value
            .setattr("code", code)
            .and_then(|()| value.setattr("line", line));
        let set = set.and_then(|()| value.setattr("table", table));
        match set.and_then(|()| value.setattr("details", details?)) {
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
        value.call_method1("add_note", (note,)).map(drop)
    } else {
        value.setattr("__notes__", vec![note])
    }
}

/// Runs a call into the core, turning a panic into [`Failure::Panic`].
pub(crate) fn run<T>(f: impl FnOnce() -> Result<T, yusuan::Error>) -> Result<T, Failure> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result.map_err(Failure::Core),
        Err(payload) => Err(Failure::Panic(match payload.downcast_ref::<&str>() {
            Some(s) => (*s).to_owned(),
            None => payload
                .downcast_ref::<String>()
                .cloned()
                .unwrap_or_else(|| "no message".to_owned()),
        })),
    }
}

/// Like [`run`] for calls that cannot fail except by panicking.
pub(crate) fn run_infallible<T>(f: impl FnOnce() -> T) -> Result<T, Failure> {
    run(|| Ok(f()))
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
