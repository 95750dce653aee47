//! The result of a check: `Report` with its `Summary`, `Coverage`, `ReportDocument`, `Finding`s
//! and their `Evidence`, and the `Policy` a check runs under.

use pyo3::prelude::*;
use pyo3::types::PyTuple;
use yusuan::Report;
use yusuan::report::{Coverage, Evidence, Finding, ReportDocument, Summary};

use crate::convert::{decimal_arg, decimal_from_str, from_json, name_of, to_json, to_py_dict};

/// The result of checking one document: every rule instance that did not pass (and the passes
/// too with `include_passes=True`), counts by outcome, and what was checked.
///
/// `to_json()` is the `yusuan.report/1` contract, byte for byte what `yusuan check --format json`
/// prints; `to_pandas()` gives one row per finding; in a notebook the report shows as a table.
///
/// Example:
///
/// >>> report = yusuan.check(text)
/// >>> report.summary
/// Summary(error=0, warning=..., hint=..., passed=..., not_applicable=..., insufficient_data=...)
/// >>> report.has_errors
/// False
/// >>> f = next(f for f in report.findings if f.rule == "W-01-5")
/// >>> f.rule, f.outcome, f.table, f.row, f.expected, f.actual, f.difference
/// ('W-01-5', 'hint', 'T01', 'expenditure_subtotal', Decimal('7713.46'), Decimal('7713.47'), Decimal('0.01'))
#[pyclass(frozen, eq, module = "yusuan", name = "Report")]
#[derive(PartialEq)]
pub(crate) struct PyReport {
    pub(crate) inner: Report,
}

#[pymethods]
impl PyReport {
    /// The JSON schema name, `"yusuan.report/1"`.
    #[getter]
    fn schema(&self) -> &str {
        &self.inner.schema
    }

    /// The document checked.
    #[getter]
    fn document(&self) -> PyReportDocument {
        PyReportDocument {
            inner: self.inner.document.clone(),
        }
    }

    /// What was checked: tables found and missing, rule instances evaluated.
    #[getter]
    fn coverage(&self) -> PyCoverage {
        PyCoverage {
            inner: self.inner.coverage.clone(),
        }
    }

    /// Counts of rule instances by outcome.
    #[getter]
    fn summary(&self) -> PySummary {
        PySummary {
            inner: self.inner.summary,
        }
    }

    /// The findings, in the order the rules ran.
    #[getter]
    fn findings(&self) -> Vec<PyFinding> {
        self.inner
            .findings
            .iter()
            .cloned()
            .map(PyFinding::from)
            .collect()
    }

    /// True when any finding is an error (`yusuan check` then exits with status 1).
    #[getter]
    fn has_errors(&self) -> bool {
        self.inner.has_errors()
    }

    /// The `yusuan.report/1` JSON, byte for byte what `yusuan check --format json` prints.
    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// The report as a `dict` (the JSON form; amounts as decimal strings).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py_dict(py, &self.inner)
    }

    /// The readable text report of `yusuan check` (also what `str(report)` gives).
    fn to_text(&self) -> String {
        self.inner.to_text()
    }

    /// The report as Markdown (`yusuan check --format markdown`).
    fn to_markdown(&self) -> String {
        self.inner.to_markdown()
    }

    /// A report from `yusuan.report/1` JSON (what `to_json` or the CLI printed).
    #[staticmethod]
    #[pyo3(signature = (json, /))]
    fn from_json(json: &str) -> PyResult<PyReport> {
        Ok(PyReport {
            inner: from_json(json, "report")?,
        })
    }

    /// The findings as a pandas DataFrame, one row per finding: `rule`, `outcome`, `severity`,
    /// `table`, `row`, `column`, `expected`, `actual`, `difference` (`decimal.Decimal`), `unit`,
    /// `line` (of the first evidence), `message` and `message_en`. `attrs` holds the document
    /// and the summary.
    ///
    /// Needs pandas (`pip install pandas`).
    fn to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("yusuan._frames")?
            .getattr("report_frame")?
            .call1((slf,))
    }

    /// The findings as an HTML table for notebooks, coloured by outcome.
    fn _repr_html_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("yusuan._display")?
            .getattr("report_html")?
            .call1((slf,))
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        crate::pickle::reduce(py, "Report", to_json(&self.inner)?)
    }

    fn __str__(&self) -> String {
        self.inner.to_text()
    }

    fn __repr__(&self) -> String {
        let d = &self.inner.document;
        format!(
            "<Report {} {}: {}>",
            d.unit.as_deref().unwrap_or("(unit ?)"),
            d.year.map_or_else(|| "?".to_owned(), |y| y.to_string()),
            summary_repr(&self.inner.summary)
        )
    }
}

/// One rule instance: its outcome, the figures compared and the cells they were read from.
#[pyclass(frozen, eq, module = "yusuan", name = "Finding")]
#[derive(PartialEq)]
pub(crate) struct PyFinding {
    pub(crate) inner: Finding,
}

impl From<Finding> for PyFinding {
    fn from(inner: Finding) -> Self {
        PyFinding { inner }
    }
}

#[pymethods]
impl PyFinding {
    /// The rule id (see `yusuan.rules()`).
    #[getter]
    fn rule(&self) -> &str {
        &self.inner.rule
    }

    /// `"pass"`, `"fail"`, `"hint"`, `"not_applicable"` or `"insufficient_data"`.
    #[getter]
    fn outcome(&self) -> &'static str {
        self.inner.outcome.as_str()
    }

    /// `"error"` or `"warning"` for failures, `"info"` otherwise.
    #[getter]
    fn severity(&self) -> String {
        name_of(&self.inner.severity)
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

    /// The table the instance is about (`"T05"`), or None.
    #[getter]
    fn table(&self) -> Option<&str> {
        self.inner.table.as_deref()
    }

    /// The row the instance is about (a code, a summary line, `"total"` or a label), or None.
    #[getter]
    fn row(&self) -> Option<&str> {
        self.inner.row.as_deref()
    }

    /// The column the instance is about, or None.
    #[getter]
    fn column(&self) -> Option<&str> {
        self.inner.column.as_deref()
    }

    /// The value the rule expects, as `decimal.Decimal` in `unit`, or None.
    #[getter]
    fn expected<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        decimal_opt(py, self.inner.expected.as_deref())
    }

    /// The value printed, as `decimal.Decimal` in `unit`, or None.
    #[getter]
    fn actual<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        decimal_opt(py, self.inner.actual.as_deref())
    }

    /// `actual - expected` as the core computed it, as `decimal.Decimal`, or None.
    #[getter]
    fn difference<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        decimal_opt(py, self.inner.difference.as_deref())
    }

    /// The unit of `expected`, `actual` and `difference` (`"万元"`), or None.
    #[getter]
    fn unit(&self) -> Option<&str> {
        self.inner.unit.as_deref()
    }

    /// The cells and passages the finding rests on.
    #[getter]
    fn evidence(&self) -> Vec<PyEvidence> {
        self.inner
            .evidence
            .iter()
            .cloned()
            .map(|inner| PyEvidence { inner })
            .collect()
    }

    /// True for a failure with severity error.
    #[getter]
    fn is_error(&self) -> bool {
        self.inner.is_error()
    }

    /// The finding as a `dict` (its JSON form).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py_dict(py, &self.inner)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        crate::pickle::reduce(py, "Finding", to_json(&self.inner)?)
    }

    fn __repr__(&self) -> String {
        let f = &self.inner;
        let place: Vec<&str> = [&f.table, &f.row, &f.column]
            .into_iter()
            .filter_map(|x| x.as_deref())
            .collect();
        format!(
            "<Finding {} {} {}: {}>",
            f.rule,
            f.outcome.as_str(),
            place.join(" "),
            f.message_en
        )
    }
}

/// A finding's figure as `decimal.Decimal`, or None. The core leaves a figure it does not
/// compute as an empty string (the `difference` of a recomputed percentage, V-03): that is None
/// too, not an `InvalidOperation` from `Decimal("")`.
fn decimal_opt<'py>(py: Python<'py>, s: Option<&str>) -> PyResult<Option<Bound<'py, PyAny>>> {
    s.filter(|s| !s.is_empty())
        .map(|s| decimal_from_str(py, s))
        .transpose()
}

/// A cell or passage a finding rests on.
#[pyclass(frozen, eq, module = "yusuan", name = "Evidence")]
#[derive(PartialEq)]
pub(crate) struct PyEvidence {
    pub(crate) inner: Evidence,
}

#[pymethods]
impl PyEvidence {
    /// The table key (`"T05"`), or `"narrative"`/`"performance"` for text.
    #[getter]
    fn table(&self) -> &str {
        &self.inner.table
    }

    /// The row key, or None.
    #[getter]
    fn row(&self) -> Option<&str> {
        self.inner.row.as_deref()
    }

    /// The column name, or None.
    #[getter]
    fn column(&self) -> Option<&str> {
        self.inner.column.as_deref()
    }

    /// The text as printed.
    #[getter]
    fn text(&self) -> &str {
        &self.inner.text
    }

    /// The 1-based source line.
    #[getter]
    fn line(&self) -> u32 {
        self.inner.line
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        crate::pickle::reduce(py, "Evidence", to_json(&self.inner)?)
    }

    fn __repr__(&self) -> String {
        let e = &self.inner;
        format!(
            "<Evidence {} {} {} {:?} line {}>",
            e.table,
            e.row.as_deref().unwrap_or("-"),
            e.column.as_deref().unwrap_or("-"),
            e.text,
            e.line
        )
    }
}

/// Counts of rule instances by outcome; failures are split into errors and warnings.
///
/// The JSON key `pass` is the attribute `passed` (`pass` is a Python keyword); `to_dict()` uses
/// the JSON keys.
#[pyclass(frozen, eq, module = "yusuan", name = "Summary")]
#[derive(PartialEq)]
pub(crate) struct PySummary {
    pub(crate) inner: Summary,
}

#[pymethods]
impl PySummary {
    /// Failures with severity error.
    #[getter]
    fn error(&self) -> usize {
        self.inner.error
    }

    /// Failures with severity warning.
    #[getter]
    fn warning(&self) -> usize {
        self.inner.warning
    }

    /// Hints: gaps inside the rounding envelope, soft rules' observations.
    #[getter]
    fn hint(&self) -> usize {
        self.inner.hint
    }

    /// Passes (`pass` in the JSON).
    #[getter]
    fn passed(&self) -> usize {
        self.inner.pass
    }

    /// Instances whose condition does not hold for this document.
    #[getter]
    fn not_applicable(&self) -> usize {
        self.inner.not_applicable
    }

    /// Instances that could not be checked.
    #[getter]
    fn insufficient_data(&self) -> usize {
        self.inner.insufficient_data
    }

    /// The counts as a `dict` with the JSON keys (`"error"`, …, `"pass"`, …).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py_dict(py, &self.inner)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        crate::pickle::reduce(py, "Summary", to_json(&self.inner)?)
    }

    fn __repr__(&self) -> String {
        summary_repr(&self.inner)
    }
}

fn summary_repr(s: &Summary) -> String {
    format!(
        "Summary(error={}, warning={}, hint={}, passed={}, not_applicable={}, insufficient_data={})",
        s.error, s.warning, s.hint, s.pass, s.not_applicable, s.insufficient_data
    )
}

/// What a check covered.
#[pyclass(frozen, eq, module = "yusuan", name = "Coverage")]
#[derive(PartialEq)]
pub(crate) struct PyCoverage {
    pub(crate) inner: Coverage,
}

#[pymethods]
impl PyCoverage {
    /// The tables found, in layout order.
    #[getter]
    fn tables_found(&self) -> Vec<String> {
        self.inner.tables_found.clone()
    }

    /// The tables the layout requires that were not found.
    #[getter]
    fn tables_missing(&self) -> Vec<String> {
        self.inner.tables_missing.clone()
    }

    /// The number of rule instances evaluated.
    #[getter]
    fn rule_instances(&self) -> usize {
        self.inner.rule_instances
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        crate::pickle::reduce(py, "Coverage", to_json(&self.inner)?)
    }

    fn __repr__(&self) -> String {
        format!(
            "Coverage(tables_found={}, tables_missing={}, rule_instances={})",
            list_repr(&self.inner.tables_found),
            list_repr(&self.inner.tables_missing),
            self.inner.rule_instances
        )
    }
}

/// The document a report is about.
#[pyclass(frozen, eq, module = "yusuan", name = "ReportDocument")]
#[derive(PartialEq)]
pub(crate) struct PyReportDocument {
    pub(crate) inner: ReportDocument,
}

#[pymethods]
impl PyReportDocument {
    /// The publishing body, or None.
    #[getter]
    fn unit(&self) -> Option<&str> {
        self.inner.unit.as_deref()
    }

    /// The budget year, or None.
    #[getter]
    fn year(&self) -> Option<u16> {
        self.inner.year
    }

    /// `"budget"` or `"final_accounts"`, or None.
    #[getter]
    fn kind(&self) -> Option<String> {
        self.inner.kind.as_ref().map(name_of)
    }

    /// `"department"` or `"unit"`, or None.
    #[getter]
    fn level(&self) -> Option<String> {
        self.inner.level.as_ref().map(name_of)
    }

    /// The layout the document was read with.
    #[getter]
    fn layout(&self) -> &str {
        &self.inner.template
    }

    /// The unit most tables are in, or None.
    #[getter]
    fn amount_unit(&self) -> Option<&str> {
        self.inner.amount_unit.as_deref()
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        crate::pickle::reduce(py, "ReportDocument", to_json(&self.inner)?)
    }

    fn __repr__(&self) -> String {
        let d = &self.inner;
        format!(
            "<ReportDocument {} {} {} {}, layout {}, {}>",
            d.unit.as_deref().unwrap_or("(unit ?)"),
            d.year.map_or_else(|| "?".to_owned(), |y| y.to_string()),
            self.kind().unwrap_or_else(|| "?".to_owned()),
            self.level().unwrap_or_else(|| "?".to_owned()),
            d.template,
            d.amount_unit.as_deref().unwrap_or("unit ?"),
        )
    }
}

/// Which rules run and how tolerant they are. Every argument defaults to the core's default.
///
/// - `soft_rules`: run the soft rules (their findings are hints).
/// - `skip_rules`: rule ids not to run.
/// - `envelope_factor`: multiplies the rounding envelope (1 = the design's envelope, 0 = exact);
///   a `decimal.Decimal` or an int, never a float.
/// - `code_whitelist`: region- or year-specific codes accepted without a catalog check.
/// - `strict_zero_base`: a growth rate stated on a zero base (rule V-04) is an error rather
///   than a hint.
///
/// Example:
///
/// >>> from decimal import Decimal
/// >>> yusuan.check(text).summary.error
/// 0
/// >>> exact = yusuan.Policy(envelope_factor=Decimal("0"), skip_rules=["X-12"])
/// >>> yusuan.check(text, policy=exact).summary.error > 0  # 0.01 rounding gaps are errors now
/// True
#[pyclass(frozen, eq, module = "yusuan", name = "Policy")]
#[derive(PartialEq)]
pub(crate) struct PyPolicy {
    pub(crate) inner: yusuan::Policy,
}

#[pymethods]
impl PyPolicy {
    #[new]
    #[pyo3(signature = (*, soft_rules = None, skip_rules = None, envelope_factor = None, code_whitelist = None, strict_zero_base = None))]
    fn new(
        soft_rules: Option<bool>,
        skip_rules: Option<Vec<String>>,
        envelope_factor: Option<&Bound<'_, PyAny>>,
        code_whitelist: Option<Vec<String>>,
        strict_zero_base: Option<bool>,
    ) -> PyResult<Self> {
        let default = yusuan::Policy::default();
        Ok(PyPolicy {
            inner: yusuan::Policy {
                soft_rules: soft_rules.unwrap_or(default.soft_rules),
                skip_rules: skip_rules.unwrap_or(default.skip_rules),
                envelope_factor: match envelope_factor {
                    Some(f) => decimal_arg(f, "envelope_factor")?,
                    None => default.envelope_factor,
                },
                code_whitelist: code_whitelist.unwrap_or(default.code_whitelist),
                strict_zero_base: strict_zero_base.unwrap_or(default.strict_zero_base),
            },
        })
    }

    /// Whether the soft rules run.
    #[getter]
    fn soft_rules(&self) -> bool {
        self.inner.soft_rules
    }

    /// Rule ids not to run.
    #[getter]
    fn skip_rules(&self) -> Vec<String> {
        self.inner.skip_rules.clone()
    }

    /// The factor on the rounding envelope, as `decimal.Decimal`.
    #[getter]
    fn envelope_factor(&self) -> rust_decimal::Decimal {
        self.inner.envelope_factor
    }

    /// Codes accepted without a catalog check.
    #[getter]
    fn code_whitelist(&self) -> Vec<String> {
        self.inner.code_whitelist.clone()
    }

    /// Whether a growth rate stated on a zero base (V-04) is an error rather than a hint.
    #[getter]
    fn strict_zero_base(&self) -> bool {
        self.inner.strict_zero_base
    }

    /// The policy as a `dict` (its JSON form).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py_dict(py, &self.inner)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        crate::pickle::reduce(py, "Policy", to_json(&self.inner)?)
    }

    fn __repr__(&self) -> String {
        let p = &self.inner;
        let py_bool = |b: bool| if b { "True" } else { "False" };
        format!(
            "Policy(soft_rules={}, skip_rules={}, envelope_factor=Decimal('{}'), code_whitelist={}, \
             strict_zero_base={})",
            py_bool(p.soft_rules),
            list_repr(&p.skip_rules),
            p.envelope_factor,
            list_repr(&p.code_whitelist),
            py_bool(p.strict_zero_base)
        )
    }
}

/// The checker for a policy and `include_passes`.
pub(crate) fn checker(
    policy: Option<&Bound<'_, PyPolicy>>,
    include_passes: bool,
) -> yusuan::Checker<'static> {
    let checker = yusuan::Checker::new().include_passes(include_passes);
    match policy {
        Some(p) => checker.with_policy(p.get().inner.clone()),
        None => checker,
    }
}

/// A list of strings as Python prints it (`['T01', 'T02']`).
fn list_repr(items: &[String]) -> String {
    let quoted: Vec<String> = items
        .iter()
        .map(|s| format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'")))
        .collect();
    format!("[{}]", quoted.join(", "))
}
