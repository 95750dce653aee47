//! The comparison of two years of one body: `Comparison` with its `CompareSummary`,
//! `CompareNote`s, `PriorCheck`s and `TableComparison`s of `LineChange`s. Read-only views of
//! [`yusuan::compare::Comparison`]; amounts come out as `decimal.Decimal`.

use pyo3::exceptions::PyKeyError;
use pyo3::prelude::*;
use pyo3::types::PyTuple;
use rust_decimal::Decimal;
use yusuan::compare::{
    CompareNote, CompareSummary, Comparison, LineChange, PriorCheck, TableComparison,
};

use crate::convert::{from_json, name_of, to_json, to_py_dict};
use crate::report::{PyEvidence, PyReportDocument};

/// The comparison of two documents of one body for consecutive years: every amount of every
/// line in both (change, growth, contribution to the table's change, lines that appear or
/// vanish), and the later document's figures about the earlier year checked against the
/// earlier document.
///
/// Made by `yusuan.compare(earlier, later)`. `to_json()` is the `yusuan.compare/1` JSON, byte
/// for byte what `yusuan compare --format json` prints; `to_pandas()` gives one row per line
/// change; in a notebook the comparison shows as tables. Amounts are in `unit` (the later
/// document's), as `decimal.Decimal`.
///
/// Example:
///
/// >>> earlier = yusuan.read(compare_dir / "yantai_2024_mismatch.txt")
/// >>> cmp = yusuan.compare(earlier, text)
/// >>> cmp.earlier.year, cmp.later.year, cmp.unit
/// (2024, 2025, '万元')
/// >>> cmp.summary
/// CompareSummary(changed=4, unchanged=124, appeared=1, vanished=1, prior_pass=6, prior_fail=4, prior_hint=0, prior_not_checked=0)
/// >>> cmp.has_mismatches
/// True
/// >>> line = cmp.table("T05").line("2010301", "total")
/// >>> line.status, line.earlier, line.later, line.change, line.growth
/// ('changed', Decimal('2100'), Decimal('2202.31'), Decimal('102.31'), Decimal('4.87'))
#[pyclass(frozen, eq, module = "yusuan", name = "Comparison")]
#[derive(PartialEq)]
pub(crate) struct PyComparison {
    pub(crate) inner: Comparison,
}

#[pymethods]
impl PyComparison {
    /// The JSON schema name, `"yusuan.compare/1"`.
    #[getter]
    fn schema(&self) -> &str {
        &self.inner.schema
    }

    /// The earlier document (the earlier year: the two are put in year order).
    #[getter]
    fn earlier(&self) -> PyReportDocument {
        PyReportDocument {
            inner: self.inner.earlier.clone(),
        }
    }

    /// The later document.
    #[getter]
    fn later(&self) -> PyReportDocument {
        PyReportDocument {
            inner: self.inner.later.clone(),
        }
    }

    /// The unit every amount of the comparison is in (the later document's, `"万元"`).
    #[getter]
    fn unit(&self) -> &'static str {
        self.inner.unit.as_str()
    }

    /// What a reader must know about the pair (different bodies, years not consecutive, swapped,
    /// a table missing on one side, …).
    #[getter]
    fn notes(&self) -> Vec<PyCompareNote> {
        self.inner
            .notes
            .iter()
            .cloned()
            .map(|inner| PyCompareNote { inner })
            .collect()
    }

    /// Counts of lines by status (main columns) and of prior-year figures by outcome.
    #[getter]
    fn summary(&self) -> PyCompareSummary {
        PyCompareSummary {
            inner: self.inner.summary,
        }
    }

    /// The later document's figures about the earlier year, checked against the earlier one.
    #[getter]
    fn prior_checks(&self) -> Vec<PyPriorCheck> {
        self.inner
            .prior_checks
            .iter()
            .cloned()
            .map(|inner| PyPriorCheck { inner })
            .collect()
    }

    /// The tables found in both documents, in the later document's order.
    #[getter]
    fn tables(&self) -> Vec<PyTableComparison> {
        self.inner
            .tables
            .iter()
            .cloned()
            .map(|inner| PyTableComparison { inner })
            .collect()
    }

    /// True when a prior-year figure of the later document disagrees with the earlier one
    /// (`yusuan compare` then exits with status 1).
    #[getter]
    fn has_mismatches(&self) -> bool {
        self.inner.has_mismatches()
    }

    /// The comparison of the table with `key` (`"T05"`); `KeyError` when it is not in both
    /// documents.
    #[pyo3(signature = (key, /))]
    fn table(&self, key: &str) -> PyResult<PyTableComparison> {
        self.inner
            .table(key)
            .cloned()
            .map(|inner| PyTableComparison { inner })
            .ok_or_else(|| {
                let keys: Vec<&str> = self.inner.tables.iter().map(|t| t.key.as_str()).collect();
                PyKeyError::new_err(format!(
                    "no table `{key}` in this comparison (tables: {})",
                    keys.join(", ")
                ))
            })
    }

    /// The `yusuan.compare/1` JSON, byte for byte what `yusuan compare --format json` prints.
    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// The comparison as a `dict` (the JSON form; amounts as decimal strings).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py_dict(py, &self.inner)
    }

    /// The readable text of `yusuan compare` (also what `str(comparison)` gives): the prior-year
    /// figures that do not agree, then per table the lines whose main amount changed, appeared
    /// or vanished; with `all=True` every prior-year figure and every line.
    #[pyo3(signature = (*, all = false))]
    fn to_text(&self, all: bool) -> String {
        self.inner.to_text(all)
    }

    /// The same as Markdown (`yusuan compare --format markdown`).
    #[pyo3(signature = (*, all = false))]
    fn to_markdown(&self, all: bool) -> String {
        self.inner.to_markdown(all)
    }

    /// A comparison from `yusuan.compare/1` JSON (what `to_json` or the CLI printed).
    #[staticmethod]
    #[pyo3(signature = (json, /))]
    fn from_json(json: &str) -> PyResult<PyComparison> {
        Ok(PyComparison {
            inner: from_json(json, "comparison")?,
        })
    }

    /// The line changes as a pandas DataFrame, one row per line and amount column of every
    /// table: `table`, `row`, `code`, `name`, `column`, `column_header`, `main` (a column of
    /// the table's summary), `status`, `earlier`, `later`, `change`, `growth`, `contribution`
    /// (`decimal.Decimal`, None where undefined), `earlier_line` and `later_line`. `attrs`
    /// holds both documents, the unit and the summary.
    ///
    /// Needs pandas (`pip install pandas`).
    fn to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("yusuan._frames")?
            .getattr("comparison_frame")?
            .call1((slf,))
    }

    /// The prior-year checks and the changed lines as HTML tables for notebooks.
    fn _repr_html_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("yusuan._display")?
            .getattr("comparison_html")?
            .call1((slf,))
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        crate::pickle::reduce(py, "Comparison", to_json(&self.inner)?)
    }

    fn __str__(&self) -> String {
        self.inner.to_text(false)
    }

    fn __repr__(&self) -> String {
        let side = |d: &yusuan::report::ReportDocument| {
            format!(
                "{} {}",
                d.unit.as_deref().unwrap_or("(unit ?)"),
                d.year.map_or_else(|| "?".to_owned(), |y| y.to_string())
            )
        };
        format!(
            "<Comparison {} → {}: {}>",
            side(&self.inner.earlier),
            side(&self.inner.later),
            summary_repr(&self.inner.summary)
        )
    }
}

/// Counts over a comparison: lines (in the tables' main columns) by status, prior-year figures
/// by outcome.
#[pyclass(frozen, eq, module = "yusuan", name = "CompareSummary")]
#[derive(PartialEq)]
pub(crate) struct PyCompareSummary {
    pub(crate) inner: CompareSummary,
}

#[pymethods]
impl PyCompareSummary {
    /// Lines printed in both with different amounts.
    #[getter]
    fn changed(&self) -> usize {
        self.inner.changed
    }

    /// Lines printed in both with the same amount.
    #[getter]
    fn unchanged(&self) -> usize {
        self.inner.unchanged
    }

    /// Lines only in the later document.
    #[getter]
    fn appeared(&self) -> usize {
        self.inner.appeared
    }

    /// Lines only in the earlier document.
    #[getter]
    fn vanished(&self) -> usize {
        self.inner.vanished
    }

    /// Prior-year figures that agree.
    #[getter]
    fn prior_pass(&self) -> usize {
        self.inner.prior_pass
    }

    /// Prior-year figures that disagree beyond rounding.
    #[getter]
    fn prior_fail(&self) -> usize {
        self.inner.prior_fail
    }

    /// Prior-year figures that differ within rounding.
    #[getter]
    fn prior_hint(&self) -> usize {
        self.inner.prior_hint
    }

    /// Prior-year figures that could not be checked.
    #[getter]
    fn prior_not_checked(&self) -> usize {
        self.inner.prior_not_checked
    }

    /// The counts as a `dict` (the JSON keys).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py_dict(py, &self.inner)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        crate::pickle::reduce(py, "CompareSummary", to_json(&self.inner)?)
    }

    fn __repr__(&self) -> String {
        summary_repr(&self.inner)
    }
}

fn summary_repr(s: &CompareSummary) -> String {
    format!(
        "CompareSummary(changed={}, unchanged={}, appeared={}, vanished={}, prior_pass={}, \
         prior_fail={}, prior_hint={}, prior_not_checked={})",
        s.changed,
        s.unchanged,
        s.appeared,
        s.vanished,
        s.prior_pass,
        s.prior_fail,
        s.prior_hint,
        s.prior_not_checked
    )
}

/// Something about the pair of documents a reader must know.
#[pyclass(frozen, eq, module = "yusuan", name = "CompareNote")]
#[derive(PartialEq)]
pub(crate) struct PyCompareNote {
    pub(crate) inner: CompareNote,
}

#[pymethods]
impl PyCompareNote {
    /// The stable code: `"different_units"`, `"years_not_consecutive"`, `"years_unknown"`,
    /// `"swapped"`, `"different_kinds"` or `"table_missing"`.
    #[getter]
    fn code(&self) -> &str {
        &self.inner.code
    }

    /// The message in Chinese.
    #[getter]
    fn message(&self) -> &str {
        &self.inner.message
    }

    /// The message in English.
    #[getter]
    fn message_en(&self) -> &str {
        &self.inner.message_en
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        crate::pickle::reduce(py, "CompareNote", to_json(&self.inner)?)
    }

    fn __repr__(&self) -> String {
        format!(
            "<CompareNote {}: {}>",
            self.inner.code, self.inner.message_en
        )
    }
}

/// A figure of the later document about the earlier year (a prior-year column of a table, or
/// the prior amount a narrative change implies), checked against the earlier document.
#[pyclass(frozen, eq, module = "yusuan", name = "PriorCheck")]
#[derive(PartialEq)]
pub(crate) struct PyPriorCheck {
    pub(crate) inner: PriorCheck,
}

#[pymethods]
impl PyPriorCheck {
    /// What is checked (`"T07 公务接待费（2024年）"`, `"情况说明第362行 接待费（增加）"`).
    #[getter]
    fn subject(&self) -> &str {
        &self.inner.subject
    }

    /// `"pass"`, `"fail"` (beyond the rounding envelope), `"hint"` (inside it) or
    /// `"insufficient_data"` (nothing to compare with).
    #[getter]
    fn outcome(&self) -> &'static str {
        self.inner.outcome.as_str()
    }

    /// The prior figure the later document states or implies, or None.
    #[getter]
    fn stated(&self) -> Option<Decimal> {
        self.inner.stated
    }

    /// The earlier document's figure, or None.
    #[getter]
    fn earlier(&self) -> Option<Decimal> {
        self.inner.earlier
    }

    /// `stated - earlier` as the core computed it, or None.
    #[getter]
    fn difference(&self) -> Option<Decimal> {
        self.inner.difference
    }

    /// The message in Chinese.
    #[getter]
    fn message(&self) -> &str {
        &self.inner.message
    }

    /// The message in English.
    #[getter]
    fn message_en(&self) -> &str {
        &self.inner.message_en
    }

    /// The printed figures in the later document.
    #[getter]
    fn later_evidence(&self) -> Vec<PyEvidence> {
        evidence(&self.inner.later_evidence)
    }

    /// The printed figures in the earlier document.
    #[getter]
    fn earlier_evidence(&self) -> Vec<PyEvidence> {
        evidence(&self.inner.earlier_evidence)
    }

    /// The check as a `dict` (its JSON form; amounts as decimal strings).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py_dict(py, &self.inner)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        crate::pickle::reduce(py, "PriorCheck", to_json(&self.inner)?)
    }

    fn __repr__(&self) -> String {
        format!(
            "<PriorCheck {} {}: {}>",
            self.inner.outcome.as_str(),
            self.inner.subject,
            self.inner.message_en
        )
    }
}

fn evidence(items: &[yusuan::Evidence]) -> Vec<PyEvidence> {
    items
        .iter()
        .cloned()
        .map(|inner| PyEvidence { inner })
        .collect()
}

/// The lines of one table in both documents.
///
/// Example:
///
/// >>> cmp = yusuan.compare(yusuan.read(compare_dir / "yantai_2024_mismatch.txt"), text)
/// >>> t05 = cmp.table("T05")
/// >>> t05.key, t05.main_columns
/// ('T05', ['total'])
/// >>> [(l.row, l.status) for l in t05.lines if l.column == "total" and l.status != "unchanged"]
/// [('2010301', 'changed'), ('2080506', 'appeared'), ('2010399', 'vanished')]
#[pyclass(frozen, eq, module = "yusuan", name = "TableComparison")]
#[derive(PartialEq)]
pub(crate) struct PyTableComparison {
    pub(crate) inner: TableComparison,
}

#[pymethods]
impl PyTableComparison {
    /// The table key (`"T05"`).
    #[getter]
    fn key(&self) -> &str {
        &self.inner.key
    }

    /// The later document's title.
    #[getter]
    fn title(&self) -> &str {
        &self.inner.title
    }

    /// The columns summaries count: per side the `total` (or single `amount`) column; every
    /// column of a one-row table such as the "三公" table.
    #[getter]
    fn main_columns(&self) -> Vec<String> {
        self.inner.main_columns.clone()
    }

    /// Every amount of every line, in the later document's order (vanished lines last).
    #[getter]
    fn lines(&self) -> Vec<PyLineChange> {
        self.inner
            .lines
            .iter()
            .cloned()
            .map(|inner| PyLineChange { inner })
            .collect()
    }

    /// The change of one line (`row`: a code, a line item, `"total"`) in one column (`"total"`,
    /// `"basic"`, …); `KeyError` when the table has no such line.
    #[pyo3(signature = (row, column, /))]
    fn line(&self, row: &str, column: &str) -> PyResult<PyLineChange> {
        self.inner
            .line(row, column)
            .cloned()
            .map(|inner| PyLineChange { inner })
            .ok_or_else(|| {
                PyKeyError::new_err(format!(
                    "no line `{row}` in column `{column}` of table {}",
                    self.inner.key
                ))
            })
    }

    fn __len__(&self) -> usize {
        self.inner.lines.len()
    }

    /// The table's line changes as a pandas DataFrame (the rows of `Comparison.to_pandas()`
    /// for this table). Needs pandas.
    fn to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("yusuan._frames")?
            .getattr("table_comparison_frame")?
            .call1((slf,))
    }

    /// The table's comparison as a `dict` (its JSON form; amounts as decimal strings).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py_dict(py, &self.inner)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        crate::pickle::reduce(py, "TableComparison", to_json(&self.inner)?)
    }

    fn __repr__(&self) -> String {
        format!(
            "<TableComparison {} {} ({} lines)>",
            self.inner.key,
            self.inner.title,
            self.inner.lines.len()
        )
    }
}

/// One amount of one line in both documents.
#[pyclass(frozen, eq, module = "yusuan", name = "LineChange")]
#[derive(PartialEq)]
pub(crate) struct PyLineChange {
    pub(crate) inner: LineChange,
}

#[pymethods]
impl PyLineChange {
    /// The line's key: its classification code, line item, `"total"`, or `"row<N>"`.
    #[getter]
    fn row(&self) -> &str {
        &self.inner.row
    }

    /// The classification code, or None.
    #[getter]
    fn code(&self) -> Option<&str> {
        self.inner.code.as_deref()
    }

    /// The line's name as printed (in the later document when it has the line).
    #[getter]
    fn name(&self) -> &str {
        &self.inner.name
    }

    /// The amount column (`"total"`, `"basic"`, `"abroad"`, …; `"income.amount"` style in
    /// two-sided tables).
    #[getter]
    fn column(&self) -> &str {
        &self.inner.column
    }

    /// The column's header words as printed.
    #[getter]
    fn column_header(&self) -> &str {
        &self.inner.column_header
    }

    /// `"changed"`, `"unchanged"`, `"appeared"` or `"vanished"`.
    #[getter]
    fn status(&self) -> String {
        name_of(&self.inner.status)
    }

    /// The earlier amount, or None (not printed there, or blank).
    #[getter]
    fn earlier(&self) -> Option<Decimal> {
        self.inner.earlier
    }

    /// The later amount, or None.
    #[getter]
    fn later(&self) -> Option<Decimal> {
        self.inner.later
    }

    /// `later - earlier` (a missing side counts as zero).
    #[getter]
    fn change(&self) -> Decimal {
        self.inner.change
    }

    /// Growth in percent (2 decimals), or None on a zero or missing base.
    #[getter]
    fn growth(&self) -> Option<Decimal> {
        self.inner.growth
    }

    /// The line's share of the change of the table's total in percent (2 decimals), or None
    /// for the total itself or when the total did not change.
    #[getter]
    fn contribution(&self) -> Option<Decimal> {
        self.inner.contribution
    }

    /// The source line in the earlier document, or None.
    #[getter]
    fn earlier_line(&self) -> Option<u32> {
        self.inner.earlier_line
    }

    /// The source line in the later document, or None.
    #[getter]
    fn later_line(&self) -> Option<u32> {
        self.inner.later_line
    }

    /// The line change as a `dict` (its JSON form; amounts as decimal strings).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py_dict(py, &self.inner)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        crate::pickle::reduce(py, "LineChange", to_json(&self.inner)?)
    }

    fn __repr__(&self) -> String {
        let l = &self.inner;
        let amount = |d: Option<Decimal>| d.map_or_else(|| "—".to_owned(), |d| d.to_string());
        format!(
            "<LineChange {} {} {}: {} → {} ({})>",
            l.row,
            l.column,
            name_of(&l.status),
            amount(l.earlier),
            amount(l.later),
            l.change
        )
    }
}
