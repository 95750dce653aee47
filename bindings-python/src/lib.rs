//! `yusuan._yusuan`: the native module of the Python package `yusuan` (see `python/yusuan`).
//!
//! Every function here converts its arguments, calls the core, converts the result and maps the
//! error; nothing is computed here. Long calls release the GIL (`Python::detach`), and every call
//! into the core runs under a panic guard (`errors::run`).
//!
//! The doc comments of `#[pyfunction]`s, `#[pyclass]`es and their methods are the Python
//! docstrings: plain text with doctest examples (`>>>`, run by `tests/test_docstrings.py`), not
//! rustdoc Markdown, hence the two `doc_*` allowances.

#![allow(clippy::doc_markdown, clippy::doc_link_with_quotes)]

mod catalog;
mod convert;
mod document;
mod errors;
mod pickle;
mod report;

use std::borrow::Cow;
use std::sync::atomic::{AtomicUsize, Ordering};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use yusuan::layout::Layout;

use crate::convert::Source;
use crate::document::PyDocument;
use crate::errors::{Failure, run, run_infallible};
use crate::report::{PyPolicy, PyReport, checker};

/// Parses a disclosure into a `Document`.
///
/// `source` is the text (`str`) or its UTF-8 bytes (`bytes`, read in place). The layout is
/// chosen from the table titles found; `layout` forces one of `yusuan.layouts()`. Raises a
/// `yusuan.YusuanError` subclass for input that cannot be read (empty, binary, not a disclosure,
/// cut off inside a table). Releases the GIL while parsing.
///
/// Example:
///
/// >>> doc = yusuan.parse(text)
/// >>> doc.layout, len(doc.tables)
/// ('national-12', 12)
/// >>> yusuan.parse("")
/// Traceback (most recent call last):
/// ...
/// yusuan.EmptyInputError: the input is empty
#[pyfunction]
#[pyo3(signature = (source, /, *, layout = None))]
fn parse(py: Python<'_>, source: &Bound<'_, PyAny>, layout: Option<&str>) -> PyResult<PyDocument> {
    let source = Source::extract(source, "source", false)?;
    let parser = parser(layout)?;
    let inner = py.detach(|| run(|| source.document(&parser).map(Cow::into_owned)))?;
    Ok(PyDocument { inner })
}

/// Checks a disclosure and returns its `Report`.
///
/// `source` is the text (`str`), its UTF-8 bytes, or a `Document` from `yusuan.parse`. `policy`
/// chooses the rules and the rounding envelope (default: `yusuan.Policy()`);
/// `include_passes=True` keeps the passing instances in `findings` (they are always counted in
/// `summary`). Parse errors raise as in `yusuan.parse`; a sum that does not add up is a finding,
/// never an exception. Releases the GIL while parsing and checking.
///
/// Example:
///
/// >>> report = yusuan.check(text)
/// >>> report.summary.error, report.has_errors
/// (0, False)
/// >>> report.to_json() == (golden_dir / "seed.json").read_text(encoding="utf-8")
/// True
#[pyfunction]
#[pyo3(signature = (source, /, *, policy = None, include_passes = false))]
fn check(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyPolicy>>,
    include_passes: bool,
) -> PyResult<PyReport> {
    let source = Source::extract(source, "source", true)?;
    let checker = checker(policy, include_passes);
    let parser = yusuan::Parser::new();
    let inner = py.detach(|| run(|| Ok(checker.check(&*source.document(&parser)?))))?;
    Ok(PyReport { inner })
}

/// Checks many disclosures on every core and returns their reports in input order.
///
/// `sources` is an iterable of `str`, `bytes` or `Document`. The work runs on `threads` threads
/// (default: one per core) without the GIL. When an input cannot be read, the first such error
/// (in input order) is raised after all inputs are done; with `return_exceptions=True` the
/// exception takes the input's place in the list instead.
///
/// Example:
///
/// >>> reports = yusuan.check_many([text, text.encode(), ""], return_exceptions=True)
/// >>> [type(r).__name__ for r in reports]
/// ['Report', 'Report', 'EmptyInputError']
#[pyfunction]
#[pyo3(signature = (sources, /, *, policy = None, include_passes = false, threads = None, return_exceptions = false))]
fn check_many(
    py: Python<'_>,
    sources: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyPolicy>>,
    include_passes: bool,
    threads: Option<usize>,
    return_exceptions: bool,
) -> PyResult<Vec<Py<PyAny>>> {
    let objects = sources
        .try_iter()?
        .collect::<PyResult<Vec<Bound<'_, PyAny>>>>()?;
    let inputs = objects
        .iter()
        .enumerate()
        .map(|(i, o)| Source::extract(o, &format!("sources[{i}]"), true))
        .collect::<PyResult<Vec<Source<'_>>>>()?;
    let threads = match threads {
        Some(0) => return Err(PyValueError::new_err("`threads` must be at least 1")),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
    };
    let checker = checker(policy, include_passes);
    let parser = yusuan::Parser::new();
    let results = py.detach(|| {
        parallel_map(&inputs, threads, |source| {
            run(|| Ok(checker.check(&*source.document(&parser)?)))
        })
    });
    let mut out = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(inner) => out.push(Bound::new(py, PyReport { inner })?.into_any().unbind()),
            Err(failure) if return_exceptions => {
                out.push(failure.into_pyerr(py).into_value(py).into_any());
            }
            Err(failure) => return Err(failure.into()),
        }
    }
    Ok(out)
}

/// Runs `f` over `items` on up to `threads` threads (the calling one included), keeping the
/// order. A thread that cannot be started leaves its share to the others.
fn parallel_map<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    f: impl Fn(&T) -> Result<R, Failure> + Sync,
) -> Vec<Result<R, Failure>> {
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else { break };
            done.push((i, f(item)));
        }
        done
    };
    let mut slots: Vec<Option<Result<R, Failure>>> = items.iter().map(|_| None).collect();
    std::thread::scope(|s| {
        let helpers: Vec<_> = (1..threads.min(items.len()))
            .filter_map(|_| std::thread::Builder::new().spawn_scoped(s, work).ok())
            .collect();
        let mut done = work();
        for helper in helpers {
            // A worker cannot panic (every item runs under the guard); if one did, its items
            // stay empty and are reported below.
            done.extend(helper.join().unwrap_or_default());
        }
        for (i, result) in done {
            if let Some(slot) = slots.get_mut(i) {
                *slot = Some(result);
            }
        }
    });
    slots
        .into_iter()
        .map(|slot| {
            slot.unwrap_or_else(|| Err(Failure::Panic("a worker thread stopped".to_owned())))
        })
        .collect()
}

/// The parser for `layout` (a built-in layout's name), or the automatic choice.
fn parser(layout: Option<&str>) -> Result<yusuan::Parser<'static>, Failure> {
    let parser = yusuan::Parser::new();
    let Some(name) = layout else {
        return Ok(parser);
    };
    match run_infallible(|| Layout::by_name(name))? {
        Some(layout) => Ok(parser.with_layout(layout.clone())),
        None => Err(Failure::Core(yusuan::Error::InvalidOption {
            option: "layout".to_owned(),
            value: name.to_owned(),
            expected: layout_names().join(", "),
        })),
    }
}

fn layout_names() -> Vec<String> {
    Layout::builtin().iter().map(|l| l.name.clone()).collect()
}

/// The names of the built-in layouts, for `parse(..., layout=...)`.
///
/// Example:
///
/// >>> "national-12" in yusuan.layouts()
/// True
#[pyfunction]
fn layouts() -> PyResult<Vec<String>> {
    Ok(run_infallible(layout_names)?)
}

/// The rule catalogue, in the order rules run (what `yusuan rules` lists).
///
/// Example:
///
/// >>> rules = yusuan.rules()
/// >>> sorted({r.kind for r in rules})
/// ['conditional', 'hard', 'soft']
#[pyfunction]
fn rules() -> PyResult<Vec<catalog::PyRuleInfo>> {
    Ok(run_infallible(catalog::all_rules)?)
}

/// The built-in catalog's entry for a classification code, or None (`yusuan.catalog.lookup`).
#[pyfunction]
#[pyo3(signature = (code, /))]
fn catalog_lookup(code: &str) -> PyResult<Option<catalog::PyCatalogEntry>> {
    Ok(run_infallible(|| catalog::lookup(code))?)
}

/// The built-in catalog's entries one level below a code (`yusuan.catalog.children`).
#[pyfunction]
#[pyo3(signature = (code, /))]
fn catalog_children(code: &str) -> PyResult<Vec<catalog::PyCatalogEntry>> {
    Ok(run_infallible(|| catalog::children(code))?)
}

/// Every error code of the core, in the core's order (each has an exception class).
#[pyfunction]
fn _error_codes() -> Vec<&'static str> {
    yusuan::Error::all_codes().to_vec()
}

/// Reads Chinese government budget disclosures (部门/单位预算, 决算) into a typed model and
/// cross-checks them with exact decimals. The native half of the package `yusuan`; import
/// `yusuan` instead.
#[pymodule]
fn _yusuan(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(check, m)?)?;
    m.add_function(wrap_pyfunction!(check_many, m)?)?;
    m.add_function(wrap_pyfunction!(layouts, m)?)?;
    m.add_function(wrap_pyfunction!(rules, m)?)?;
    m.add_function(wrap_pyfunction!(catalog_lookup, m)?)?;
    m.add_function(wrap_pyfunction!(catalog_children, m)?)?;
    m.add_function(wrap_pyfunction!(_error_codes, m)?)?;
    m.add_function(wrap_pyfunction!(pickle::_restore, m)?)?;
    m.add_function(wrap_pyfunction!(errors::_selftest_panic, m)?)?;
    m.add_class::<document::PyDocument>()?;
    m.add_class::<document::PyTable>()?;
    m.add_class::<document::PyColumn>()?;
    m.add_class::<document::PyRow>()?;
    m.add_class::<document::PyCell>()?;
    m.add_class::<report::PyReport>()?;
    m.add_class::<report::PyFinding>()?;
    m.add_class::<report::PyEvidence>()?;
    m.add_class::<report::PySummary>()?;
    m.add_class::<report::PyCoverage>()?;
    m.add_class::<report::PyReportDocument>()?;
    m.add_class::<report::PyPolicy>()?;
    m.add_class::<catalog::PyRuleInfo>()?;
    m.add_class::<catalog::PyCatalogEntry>()?;
    errors::register(m)?;
    Ok(())
}
