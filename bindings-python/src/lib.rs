//! `yusuan._yusuan`: the native module of the Python package `yusuan` (see `python/yusuan`).
//!
//! Every function converts its arguments, calls the core, converts the result and maps the
//! error; the classes are generated (`wrap::wrapper!`). Long calls release the GIL, and every
//! call into the core runs under a panic guard (`errors::run`). Doc comments are the Python
//! docstrings (plain text with doctests, run by `tests/test_docstrings.py`), hence the `doc_*`
//! allowances.

#![allow(clippy::doc_markdown, clippy::doc_link_with_quotes)]

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

/// Parses a disclosure, a PDF or text, into a `Document` (`yusuan.read` is the same).
///
/// `source` is the text (`str`), `bytes` (a PDF's when they start with `%PDF-`, else the text's),
/// or a file: a `pathlib.Path`, or a one-line `str` naming a file. `template` (old name:
/// `layout`) forces a template instead of the one whose titles match: a built-in name
/// (`yusuan.templates()`), a template's JSON, a `dict` or a JSON file. `narrative_only=True`
/// reads only the narrative (情况说明), of any template (no tables then). Input that cannot be
/// read (empty, binary, not a disclosure, cut off inside a table, a damaged PDF) raises a
/// `yusuan.YusuanError` subclass.
///
/// Example:
///
/// >>> doc = yusuan.parse(text)
/// >>> doc.template, len(doc.tables)
/// ('national-12', 12)
/// >>> yusuan.parse(path) == doc
/// True
/// >>> [t.key for t in yusuan.parse(pdf_path).tables]
/// ['T05']
/// >>> narrative = yusuan.parse(text, narrative_only=True)
/// >>> narrative.template, len(narrative.tables)
/// ('narrative', 0)
/// >>> yusuan.parse("")
/// Traceback (most recent call last):
/// ...
/// yusuan.EmptyInputError: the input is empty
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

/// Checks a disclosure and returns its `Report`.
///
/// `source`, `narrative_only` and `template` are as in `yusuan.parse` (`source` may be a
/// `Document` too). `policy` chooses the rules and the rounding envelope; `include_passes=True`
/// keeps the passes in `findings` (`summary` counts them always). A sum that does not add up is
/// a finding, never an exception.
///
/// Example:
///
/// >>> report = yusuan.check(text)
/// >>> report.summary.error, report.has_errors
/// (0, False)
/// >>> report.to_json() == (golden_dir / "seed.json").read_text(encoding="utf-8")
/// True
/// >>> yusuan.check(text, narrative_only=True).document.template
/// 'narrative'
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

/// Checks many disclosures on every core and returns their reports in input order.
///
/// The arguments are as in `yusuan.check`; the work, reading files too, runs on `threads` threads
/// (default: one per core). The first error of an input that cannot be read (or `OSError`) is
/// raised after all are done; with `return_exceptions=True` it takes the input's place instead.
///
/// Example:
///
/// >>> reports = yusuan.check_many([text, text.encode(), ""], return_exceptions=True)
/// >>> [type(r).__name__ for r in reports]
/// ['Report', 'Report', 'EmptyInputError']
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

/// Compares two documents of one body for consecutive years and returns the `Comparison`.
///
/// `earlier` and `later` are as `yusuan.check` takes them (put in year order, with a note, when
/// swapped). Tables pair by key, lines by code (or line item, or position): every amount's
/// change, growth and share of its table's change, the lines that appear or vanish. The later
/// document's figures about the earlier year (prior-year columns, the priors "比上年增加 Δ"
/// implies) are checked against the earlier one when the two are of one body and consecutive
/// years (otherwise a note says why): a disagreement is a `PriorCheck` with outcome `"fail"`. A
/// document that cannot be read raises as in `yusuan.parse`, with a note naming the side.
///
/// Example:
///
/// >>> earlier = (compare_dir / "yantai_2024_fabricated.txt").read_bytes()
/// >>> cmp = yusuan.compare(earlier, text)
/// >>> cmp.has_mismatches, cmp.summary.prior_fail
/// (False, 0)
/// >>> cmp.table("T05").line("2080506", "total").status
/// 'appeared'
/// >>> other = yusuan.compare(earlier.replace("烟台市人民政府办公室".encode(), "烟台市财政局".encode()), text)
/// >>> [n.code for n in other.notes], other.prior_checks
/// (['different_units', 'prior_year_not_checked'], [])
#[pyfunction(name = "compare")]
#[pyo3(signature = (earlier, later, /, *, template = None, layout = None))]
fn compare_documents(
    py: Python<'_>,
    earlier: &Bound<'_, PyAny>,
    later: &Bound<'_, PyAny>,
    template: Option<&Bound<'_, PyAny>>,
    layout: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyComparison> {
    let options = options(template, layout, false, None, false)?;
    let earlier = Source::extract(earlier, "earlier", true, false)?;
    let later = Source::extract(later, "later", true, false)?;
    let side = |name: &'static str| move |f| (name, f);
    let outcome = py.detach(|| {
        let parser = options.parser();
        let both = |e: Input<'_>, l: Input<'_>| {
            let e = run(|| options.read(&parser, e)).map_err(side("earlier"))?;
            let l = run(|| options.read(&parser, l)).map_err(side("later"))?;
            run_infallible(|| yusuan::compare(&e, &l)).map_err(side(""))
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

/// Reads the claims of a disclosure's narrative (情况说明) and returns them as `Claims`.
///
/// The arguments are as in `yusuan.check`. A narrative on its own, or of a document whose
/// template is not known, needs `narrative_only=True`: otherwise it is `NotADisclosureError`.
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

/// The names of the built-in templates, for `template=...`.
///
/// Example:
///
/// >>> "national-12" in yusuan.templates()
/// True
#[pyfunction]
fn templates() -> PyResult<Vec<&'static str>> {
    Ok(run_infallible(yusuan::options::template_names)?)
}

/// The names of the built-in templates (the old name of `yusuan.templates()`).
#[pyfunction]
fn layouts() -> PyResult<Vec<&'static str>> {
    templates()
}

/// The rule catalogue, in the order rules run (what `yusuan rules` lists).
///
/// Example:
///
/// >>> rules = yusuan.rules()
/// >>> sorted({r.kind for r in rules})
/// ['conditional', 'hard', 'soft']
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
