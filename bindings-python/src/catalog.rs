//! The rule catalogue (`RuleInfo`) and the classification catalog (`CatalogEntry`).

use pyo3::prelude::*;
use pyo3::types::PyTuple;
use yusuan::catalog::{Catalog, CatalogEntry};
use yusuan::check::RuleInfo;

use crate::convert::{name_of, to_json, to_py_dict};

/// A rule of the catalogue: its stable id, titles, kind and the tables it needs.
///
/// Example:
///
/// >>> rule = next(r for r in yusuan.rules() if r.id == "W-02-3")
/// >>> rule.kind, rule.tables
/// ('hard', ['T02'])
#[pyclass(frozen, eq, module = "yusuan", name = "RuleInfo")]
pub(crate) struct PyRuleInfo {
    pub(crate) inner: &'static RuleInfo,
}

impl PartialEq for PyRuleInfo {
    fn eq(&self, other: &Self) -> bool {
        self.inner.id == other.inner.id
    }
}

#[pymethods]
impl PyRuleInfo {
    /// The stable id (`"W-02-3"`): W within a table, X across tables, C classification codes.
    #[getter]
    fn id(&self) -> &'static str {
        self.inner.id
    }

    /// The title in Chinese.
    #[getter]
    fn title(&self) -> &'static str {
        self.inner.title
    }

    /// The title in English.
    #[getter]
    fn title_en(&self) -> &'static str {
        self.inner.title_en
    }

    /// `"hard"` (an identity), `"conditional"` or `"soft"` (findings are hints).
    #[getter]
    fn kind(&self) -> String {
        name_of(&self.inner.kind)
    }

    /// The tables the rule needs (empty: all).
    #[getter]
    fn tables(&self) -> Vec<&'static str> {
        self.inner.tables.to_vec()
    }

    /// The condition of a conditional rule, in English, or None.
    #[getter]
    fn condition(&self) -> Option<&'static str> {
        self.inner.condition
    }

    /// The rule as a `dict` (what `yusuan rules --format json` prints for it).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py_dict(py, self.inner)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        crate::pickle::reduce(py, "RuleInfo", self.inner.id.to_owned())
    }

    fn __repr__(&self) -> String {
        format!(
            "<RuleInfo {} {}: {}>",
            self.inner.id,
            name_of(&self.inner.kind),
            self.inner.title_en
        )
    }
}

/// The rule catalogue, in the order rules run.
pub(crate) fn all_rules() -> Vec<PyRuleInfo> {
    yusuan::check::rules()
        .into_iter()
        .map(|inner| PyRuleInfo { inner })
        .collect()
}

/// A code of the 政府收支分类科目 (the classification of government revenue and expenditure).
///
/// Example:
///
/// >>> entry = yusuan.catalog.lookup("2080505")
/// >>> entry.name, entry.level, entry.parent
/// ('机关事业单位基本养老保险缴费支出', 'item', '20805')
#[pyclass(frozen, eq, module = "yusuan", name = "CatalogEntry")]
#[derive(PartialEq)]
pub(crate) struct PyCatalogEntry {
    pub(crate) inner: CatalogEntry,
}

#[pymethods]
impl PyCatalogEntry {
    /// The full code (`"2080505"`).
    #[getter]
    fn code(&self) -> &str {
        &self.inner.code
    }

    /// The official name.
    #[getter]
    fn name(&self) -> &str {
        &self.inner.name
    }

    /// `"functional"`, `"economic_dept"`, `"economic_gov"` or `"income"`.
    #[getter]
    fn domain(&self) -> String {
        name_of(&self.inner.domain)
    }

    /// `"class"` (类, 3 digits), `"section"` (款, 5) or `"item"` (项, 7).
    #[getter]
    fn level(&self) -> String {
        name_of(&self.inner.level)
    }

    /// The parent code, or None for a 类.
    #[getter]
    fn parent(&self) -> Option<&str> {
        self.inner.parent.as_deref()
    }

    /// The edition year of the row.
    #[getter]
    fn edition_year(&self) -> u16 {
        self.inner.edition_year
    }

    /// True when a published document backs the row.
    #[getter]
    fn verified(&self) -> bool {
        self.inner.verified
    }

    /// The row's provenance as a `dict` (`basis`, `recall`, `evidence`).
    #[getter]
    fn provenance<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py_dict(py, &self.inner.provenance)
    }

    /// The entry as a `dict` (what `yusuan catalog CODE --format json` prints).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py_dict(py, &self.inner)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        crate::pickle::reduce(py, "CatalogEntry", to_json(&self.inner)?)
    }

    fn __repr__(&self) -> String {
        format!(
            "<CatalogEntry {} {} ({}, {})>",
            self.inner.code,
            self.inner.name,
            name_of(&self.inner.domain),
            name_of(&self.inner.level)
        )
    }
}

/// The built-in catalog's entry for `code`, or None.
pub(crate) fn lookup(code: &str) -> Option<PyCatalogEntry> {
    Catalog::builtin()
        .lookup(code.trim())
        .cloned()
        .map(|inner| PyCatalogEntry { inner })
}

/// The built-in catalog's entries one level below `code`.
pub(crate) fn children(code: &str) -> Vec<PyCatalogEntry> {
    Catalog::builtin()
        .children(code.trim())
        .into_iter()
        .cloned()
        .map(|inner| PyCatalogEntry { inner })
        .collect()
}
