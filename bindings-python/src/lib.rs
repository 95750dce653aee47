//! `yusuan._yusuan`: the native module of the Python package `yusuan` (see `python/yusuan`).
//! Every function converts its arguments, calls the core, converts the result and maps the error;
//! classes are generated (`wrap::wrapper!`). Long calls release the GIL; every core call runs under
//! a panic guard (`errors::run`). Doc comments are the Python docstrings (doctests run by
//! `tests/test_docstrings.py`; long ones in `doc/<Python name>.txt`), hence the `doc_*` allowances.

#![allow(
    clippy::doc_markdown,
    clippy::doc_link_with_quotes,
    clippy::doc_lazy_continuation
)]

mod claims;
mod compare;
mod convert;
mod document;
mod errors;
mod report;
mod wrap;

use std::borrow::Cow;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use yusuan::{Input, Options};

use crate::claims::{PyCatalogEntry, PyClaims, PyRuleInfo};
use crate::compare::PyComparison;
use crate::convert::{Source, options};
use crate::document::PyDocument;
use crate::errors::{run, run_infallible};
use crate::report::{PyPolicy, PyReport};
use crate::wrap::classes;

#[doc = include_str!("../doc/parse.txt")]
#[pyfunction]
#[pyo3(signature = (source, /, *, template = None, layout = None, narrative_only = false))]
fn parse(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    template: Option<&Bound<'_, PyAny>>,
    layout: Option<&Bound<'_, PyAny>>,
    narrative_only: bool,
) -> PyResult<PyDocument> {
    let options = options(template, layout, narrative_only, None, false)?;
    #[allow(clippy::redundant_closure_for_method_calls)] // `Cow::into_owned` is not general enough
    let doc = with_document(py, source, false, &options, |d| d.into_owned())?;
    Ok(PyDocument::from(doc))
}

#[doc = include_str!("../doc/check.txt")]
#[pyfunction]
#[pyo3(signature = (source, /, *, policy = None, include_passes = false, narrative_only = false,
                    template = None, layout = None))]
fn check(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyPolicy>>,
    include_passes: bool,
    narrative_only: bool,
    template: Option<&Bound<'_, PyAny>>,
    layout: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyReport> {
    let options = options(template, layout, narrative_only, policy, include_passes)?;
    let report = with_document(py, source, true, &options, |d| options.checker().check(&d))?;
    Ok(PyReport::from(report))
}

/// Reads `source` as `options` say and gives `f` the document (without the GIL, guarded).
fn with_document<T: Send>(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    documents: bool,
    options: &Options,
    f: impl FnOnce(Cow<'_, yusuan::Document>) -> T + Send,
) -> PyResult<T> {
    let source = Source::extract(source, "source", documents, options.narrative_only)?;
    let read = |input: Input<'_>| run(|| options.read(&options.parser(), input).map(f));
    Ok(py.detach(|| source.with_input(read).and_then(|r| r))?)
}

#[doc = include_str!("../doc/check_many.txt")]
#[pyfunction]
#[pyo3(signature = (sources, /, *, policy = None, include_passes = false, narrative_only = false,
                    template = None, layout = None, threads = None, return_exceptions = false))]
#[allow(clippy::too_many_arguments)] // the keyword arguments of the Python function
fn check_many(
    py: Python<'_>,
    sources: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyPolicy>>,
    include_passes: bool,
    narrative_only: bool,
    template: Option<&Bound<'_, PyAny>>,
    layout: Option<&Bound<'_, PyAny>>,
    threads: Option<usize>,
    return_exceptions: bool,
) -> PyResult<Vec<Py<PyAny>>> {
    let objects = sources.try_iter()?.collect::<PyResult<Vec<_>>>()?;
    let extract = |(i, o)| Source::extract(o, &format!("sources[{i}]"), true, narrative_only);
    let held = objects
        .iter()
        .enumerate()
        .map(extract)
        .collect::<PyResult<Vec<_>>>()?;
    if threads == Some(0) {
        return Err(PyValueError::new_err("`threads` must be at least 1"));
    }
    let threads = threads.unwrap_or_else(yusuan::batch::threads);
    let options = options(template, layout, narrative_only, policy, include_passes)?;
    let results = py.detach(|| {
        let (parser, checker) = (options.parser(), options.checker());
        yusuan::batch::map(&held, threads, |source| {
            let check =
                |input: Input<'_>| run(|| Ok(checker.check(&*options.read(&parser, input)?)));
            source.with_input(check).and_then(|r| r)
        })
    });
    let out = |result: Result<_, errors::Failure>| match result {
        Ok(inner) => Ok(Bound::new(py, PyReport { inner })?.into_any().unbind()),
        Err(failure) if return_exceptions => Ok(failure.into_pyerr(py).into_value(py).into_any()),
        Err(failure) => Err(failure.into()),
    };
    results.into_iter().map(out).collect()
}

#[doc = include_str!("../doc/compare.txt")]
#[pyfunction(name = "compare")]
#[pyo3(signature = (earlier, later, /, *, template = None, layout = None, policy = None))]
fn compare_documents(
    py: Python<'_>,
    earlier: &Bound<'_, PyAny>,
    later: &Bound<'_, PyAny>,
    template: Option<&Bound<'_, PyAny>>,
    layout: Option<&Bound<'_, PyAny>>,
    policy: Option<&Bound<'_, PyPolicy>>,
) -> PyResult<PyComparison> {
    let options = options(template, layout, false, policy, false)?;
    let earlier = Source::extract(earlier, "earlier", true, false)?;
    let later = Source::extract(later, "later", true, false)?;
    let side = |name: &'static str| move |f| (name, f);
    let outcome = py.detach(|| {
        let parser = options.parser();
        let both = |e: Input<'_>, l: Input<'_>| {
            let e = run(|| options.read(&parser, e)).map_err(side("earlier"))?;
            let l = run(|| options.read(&parser, l)).map_err(side("later"))?;
            run_infallible(|| yusuan::compare::compare_with(&e, &l, &options.policy))
                .map_err(side(""))
        };
        let read = |e: Input<'_>| later.with_input(|l| both(e, l)).map_err(side("later"))?;
        earlier.with_input(read).map_err(side("earlier"))?
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

#[doc = include_str!("../doc/claims.txt")]
#[pyfunction(name = "claims")]
#[pyo3(signature = (source, /, *, narrative_only = false, template = None, layout = None))]
fn read_claims(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    narrative_only: bool,
    template: Option<&Bound<'_, PyAny>>,
    layout: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyClaims> {
    let options = options(template, layout, narrative_only, None, false)?;
    let claims = with_document(py, source, true, &options, |d| {
        yusuan::claims::extract_all(&d)
    })?;
    Ok(PyClaims::from(claims))
}

#[doc = include_str!("../doc/templates.txt")]
#[pyfunction]
fn templates() -> PyResult<Vec<&'static str>> {
    Ok(run_infallible(yusuan::options::template_names)?)
}

/// The names of the built-in templates (the old name of `yusuan.templates()`).
#[pyfunction]
fn layouts() -> PyResult<Vec<&'static str>> {
    templates()
}

#[doc = include_str!("../doc/rules.txt")]
#[pyfunction]
fn rules() -> PyResult<Vec<PyRuleInfo>> {
    let all = run_infallible(yusuan::check::rules)?;
    Ok(all
        .into_iter()
        .map(|r| PyRuleInfo::from(claims::Rule(r)))
        .collect())
}

/// The built-in catalog's entry for a classification code, or None (`yusuan.catalog.lookup`).
#[pyfunction]
#[pyo3(signature = (code, /))]
fn catalog_lookup(code: &str) -> PyResult<Option<PyCatalogEntry>> {
    let found = run_infallible(|| {
        yusuan::catalog::Catalog::builtin()
            .lookup(code.trim())
            .cloned()
    })?;
    Ok(found.map(PyCatalogEntry::from))
}

/// The built-in catalog's entries one level below a code (`yusuan.catalog.children`).
#[pyfunction]
#[pyo3(signature = (code, /))]
fn catalog_children(code: &str) -> PyResult<Vec<PyCatalogEntry>> {
    let found = run_infallible(|| yusuan::catalog::Catalog::builtin().children(code.trim()))?;
    Ok(found
        .into_iter()
        .cloned()
        .map(PyCatalogEntry::from)
        .collect())
}

/// Every error code of the core, in the core's order (each has an exception class).
#[pyfunction]
fn _error_codes() -> Vec<&'static str> {
    yusuan::Error::all_codes().to_vec()
}

/// Rebuilds a pickled object (the other half of `__reduce__`). Not part of the API.
#[pyfunction]
fn _restore<'py>(py: Python<'py>, class_name: &str, data: &str) -> PyResult<Bound<'py, PyAny>> {
    match CLASSES.iter().find(|(name, _, _)| *name == class_name) {
        Some((_, restore, _)) => restore(py, data),
        None => Err(PyValueError::new_err(format!(
            "cannot unpickle a `{class_name}`: not a yusuan class"
        ))),
    }
}

#[doc = include_str!("../doc/_yusuan.txt")]
#[pymodule]
fn _yusuan(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(check, m)?)?;
    m.add_function(wrap_pyfunction!(check_many, m)?)?;
    m.add_function(wrap_pyfunction!(compare_documents, m)?)?;
    m.add_function(wrap_pyfunction!(read_claims, m)?)?;
    m.add_function(wrap_pyfunction!(templates, m)?)?;
    m.add_function(wrap_pyfunction!(layouts, m)?)?;
    m.add_function(wrap_pyfunction!(rules, m)?)?;
    m.add_function(wrap_pyfunction!(catalog_lookup, m)?)?;
    m.add_function(wrap_pyfunction!(catalog_children, m)?)?;
    m.add_function(wrap_pyfunction!(_error_codes, m)?)?;
    m.add_function(wrap_pyfunction!(_restore, m)?)?;
    m.add_function(wrap_pyfunction!(errors::_selftest_panic, m)?)?;
    for (_, _, add) in CLASSES {
        add(m)?;
    }
    errors::register(m)?;
    Ok(())
}

classes! {
    document: PyDocument PyTable PyColumn PyRow PyCell PyNotice;
    report: PyReport PyFinding PyEvidence PySummary PyCoverage PyReportDocument PyPolicy;
    compare: PyComparison PyCompareSummary PyCompareNote PyPriorCheck PyTableComparison
        PyLineChange;
    claims: PyClaims PyRuleInfo PyCatalogEntry;
}
