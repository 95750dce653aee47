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
mod claims;
mod compare;
mod convert;
mod document;
mod errors;
mod pickle;
mod report;

use std::borrow::Cow;
use std::sync::atomic::{AtomicUsize, Ordering};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use yusuan::template::Template;

use crate::claims::PyClaims;
use crate::compare::PyComparison;
use crate::convert::{Reading, Source};
use crate::document::PyDocument;
use crate::errors::{Failure, run, run_infallible};
use crate::report::{PyPolicy, PyReport, checker};

/// Parses a disclosure into a `Document`.
///
/// `source` is the text (`str`) or its UTF-8 bytes (`bytes`, read in place). The layout is
/// chosen from the table titles found; `layout` forces one of `yusuan.layouts()`.
/// `narrative_only=True` reads only the narrative (情况说明), whatever the layout of the tables
/// (layout `"narrative"`, no tables): its claims can then be checked against each other
/// (`yusuan.check(..., narrative_only=True)`). Raises a `yusuan.YusuanError` subclass for input
/// that cannot be read (empty, binary, not a disclosure, cut off inside a table). Releases the
/// GIL while parsing.
///
/// Example:
///
/// >>> doc = yusuan.parse(text)
/// >>> doc.layout, len(doc.tables)
/// ('national-12', 12)
/// >>> narrative = yusuan.parse(text, narrative_only=True)
/// >>> narrative.layout, len(narrative.tables)
/// ('narrative', 0)
/// >>> yusuan.parse("")
/// Traceback (most recent call last):
/// ...
/// yusuan.EmptyInputError: the input is empty
#[pyfunction]
#[pyo3(signature = (source, /, *, layout = None, narrative_only = false))]
fn parse(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    layout: Option<&str>,
    narrative_only: bool,
) -> PyResult<PyDocument> {
    let source = Source::extract(source, "source", false)?;
    if narrative_only && layout.is_some() {
        return Err(PyValueError::new_err(
            "`layout` cannot be combined with `narrative_only=True`: a narrative-only reading \
             uses no table layout",
        ));
    }
    let parser = parser(layout)?;
    let reading = Reading::of(narrative_only, &source, "source")?;
    let inner = py.detach(|| run(|| source.read(&parser, reading).map(Cow::into_owned)))?;
    Ok(PyDocument { inner })
}

/// Checks a disclosure and returns its `Report`.
///
/// `source` is the text (`str`), its UTF-8 bytes, or a `Document` from `yusuan.parse`. `policy`
/// chooses the rules and the rounding envelope (default: `yusuan.Policy()`);
/// `include_passes=True` keeps the passing instances in `findings` (they are always counted in
/// `summary`). `narrative_only=True` reads only the narrative of a text (as
/// `yusuan.parse(..., narrative_only=True)`) and checks its claims against each other; the
/// table rules then have no tables to check. Parse errors raise as in `yusuan.parse`; a sum that
/// does not add up is a finding, never an exception. Releases the GIL while parsing and checking.
///
/// Example:
///
/// >>> report = yusuan.check(text)
/// >>> report.summary.error, report.has_errors
/// (0, False)
/// >>> report.to_json() == (golden_dir / "seed.json").read_text(encoding="utf-8")
/// True
/// >>> yusuan.check(text, narrative_only=True).document.layout
/// 'narrative'
#[pyfunction]
#[pyo3(signature = (source, /, *, policy = None, include_passes = false, narrative_only = false))]
fn check(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyPolicy>>,
    include_passes: bool,
    narrative_only: bool,
) -> PyResult<PyReport> {
    let source = Source::extract(source, "source", true)?;
    let reading = Reading::of(narrative_only, &source, "source")?;
    let checker = checker(policy, include_passes);
    let parser = yusuan::Parser::new();
    let inner = py.detach(|| run(|| Ok(checker.check(&*source.read(&parser, reading)?))))?;
    Ok(PyReport { inner })
}

/// Checks many disclosures on every core and returns their reports in input order.
///
/// `sources` is an iterable of `str`, `bytes` or `Document`; `policy`, `include_passes` and
/// `narrative_only` are as in `yusuan.check`. The work runs on `threads` threads (default: one
/// per core) without the GIL. When an input cannot be read, the first such error (in input
/// order) is raised after all inputs are done; with `return_exceptions=True` the exception takes
/// the input's place in the list instead.
///
/// Example:
///
/// >>> reports = yusuan.check_many([text, text.encode(), ""], return_exceptions=True)
/// >>> [type(r).__name__ for r in reports]
/// ['Report', 'Report', 'EmptyInputError']
#[pyfunction]
#[pyo3(signature = (sources, /, *, policy = None, include_passes = false, narrative_only = false, threads = None, return_exceptions = false))]
#[allow(clippy::too_many_arguments)] // the keyword arguments of the Python function
fn check_many(
    py: Python<'_>,
    sources: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyPolicy>>,
    include_passes: bool,
    narrative_only: bool,
    threads: Option<usize>,
    return_exceptions: bool,
) -> PyResult<Vec<Py<PyAny>>> {
    let objects = sources
        .try_iter()?
        .collect::<PyResult<Vec<Bound<'_, PyAny>>>>()?;
    let inputs = objects
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let param = format!("sources[{i}]");
            let source = Source::extract(o, &param, true)?;
            let reading = Reading::of(narrative_only, &source, &param)?;
            Ok((source, reading))
        })
        .collect::<PyResult<Vec<(Source<'_>, Reading)>>>()?;
    let threads = match threads {
        Some(0) => return Err(PyValueError::new_err("`threads` must be at least 1")),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
    };
    let checker = checker(policy, include_passes);
    let parser = yusuan::Parser::new();
    let results = py.detach(|| {
        parallel_map(&inputs, threads, |(source, reading)| {
            run(|| Ok(checker.check(&*source.read(&parser, *reading)?)))
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

/// Compares two documents of one body for consecutive years and returns the `Comparison`.
///
/// `earlier` and `later` are each the text (`str`), its UTF-8 bytes or a `Document`; given in
/// the wrong order (by their years) they are swapped, and a note says so. The comparison pairs
/// tables by key and lines by classification code (or line item, or position), gives every
/// amount's change, growth and contribution to its table's change, the lines that appear or
/// vanish, and checks the later document's figures about the earlier year (prior-year columns,
/// the prior amounts its narrative's "比上年增加 Δ" imply) against the earlier document. A
/// disagreement is a `PriorCheck` with outcome `"fail"` (`has_mismatches`), never an exception;
/// a document that cannot be read raises as in `yusuan.parse`, with a note naming the side.
/// Releases the GIL while parsing and comparing.
///
/// Example:
///
/// >>> earlier = (compare_dir / "yantai_2024_fabricated.txt").read_bytes()
/// >>> cmp = yusuan.compare(earlier, text)
/// >>> cmp.has_mismatches, cmp.summary.prior_fail
/// (False, 0)
/// >>> cmp.table("T05").line("2080506", "total").status
/// 'appeared'
#[pyfunction(name = "compare")]
#[pyo3(signature = (earlier, later, /))]
fn compare_documents(
    py: Python<'_>,
    earlier: &Bound<'_, PyAny>,
    later: &Bound<'_, PyAny>,
) -> PyResult<PyComparison> {
    let earlier = Source::extract(earlier, "earlier", true)?;
    let later = Source::extract(later, "later", true)?;
    let parser = yusuan::Parser::new();
    let outcome = py.detach(|| {
        let e = run(|| earlier.document(&parser)).map_err(|f| ("earlier", f))?;
        let l = run(|| later.document(&parser)).map_err(|f| ("later", f))?;
        run_infallible(|| yusuan::compare(&e, &l)).map_err(|f| ("", f))
    });
    match outcome {
        Ok(inner) => Ok(PyComparison { inner }),
        Err((side, failure)) => {
            let err = failure.into_pyerr(py);
            if !side.is_empty() {
                errors::add_note(py, &err, &format!("while reading `{side}`"))?;
            }
            Err(err)
        }
    }
}

/// Reads the claims of a disclosure's narrative (情况说明) and returns them as `Claims`.
///
/// `source` is the text (`str`), its UTF-8 bytes or a `Document`. `narrative_only=True` reads
/// only the narrative of a text (as `yusuan.parse(..., narrative_only=True)`), for a narrative
/// on its own or a document whose table layout is not known; otherwise a text that is not a
/// disclosure raises `NotADisclosureError` as in `yusuan.parse`. Releases the GIL.
///
/// Example:
///
/// >>> found = yusuan.claims(text)
/// >>> [c["subject"] for c in found.claims][:3]
/// ['income_total', 'expenditure_total', 'income_expenditure_total']
/// >>> narrative = "二、“三公”经费\n“三公”经费预算共10万元，比上年增加2万元，增长25%。\n"
/// >>> c = yusuan.claims(narrative, narrative_only=True).claims[0]
/// >>> c["subject"], c["amount"]["value"], c["change"]["percent"]["value"]
/// ('san_gong', Decimal('10'), Decimal('25'))
#[pyfunction(name = "claims")]
#[pyo3(signature = (source, /, *, narrative_only = false))]
fn read_claims(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    narrative_only: bool,
) -> PyResult<PyClaims> {
    let source = Source::extract(source, "source", true)?;
    let reading = Reading::of(narrative_only, &source, "source")?;
    let parser = yusuan::Parser::new();
    let inner = py.detach(|| {
        run(|| {
            Ok(yusuan::claims::extract_all(
                &*source.read(&parser, reading)?,
            ))
        })
    })?;
    Ok(PyClaims { inner })
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
    match run_infallible(|| Template::by_name(name))? {
        Some(layout) => Ok(parser.with_template(layout.clone())),
        None => Err(Failure::Core(yusuan::Error::InvalidOption {
            option: "layout".to_owned(),
            value: name.to_owned(),
            expected: layout_names().join(", "),
        })),
    }
}

fn layout_names() -> Vec<String> {
    Template::builtin().iter().map(|l| l.name.clone()).collect()
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
    m.add_function(wrap_pyfunction!(compare_documents, m)?)?;
    m.add_function(wrap_pyfunction!(read_claims, m)?)?;
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
    m.add_class::<compare::PyComparison>()?;
    m.add_class::<compare::PyCompareSummary>()?;
    m.add_class::<compare::PyCompareNote>()?;
    m.add_class::<compare::PyPriorCheck>()?;
    m.add_class::<compare::PyTableComparison>()?;
    m.add_class::<compare::PyLineChange>()?;
    m.add_class::<claims::PyClaims>()?;
    m.add_class::<catalog::PyRuleInfo>()?;
    m.add_class::<catalog::PyCatalogEntry>()?;
    errors::register(m)?;
    Ok(())
}
