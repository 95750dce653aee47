//! The result of a check: `Report` with its `Summary`, `Coverage`, `ReportDocument`, `Finding`s
//! and their `Evidence`, and the `Policy` a check runs under.

use pyo3::prelude::*;
use rust_decimal::Decimal;
use yusuan::Report;
use yusuan::report::{Coverage, Evidence, Finding, ReportDocument, Summary};

use crate::convert::{dec, decimal_arg, from_json, name_of, or_unknown};
use crate::document::PyNotice;
use crate::wrap::{call_python, list, wrapper};

wrapper! {
    #[doc = include_str!("../doc/Report.txt")]
    PyReport(Report) as "Report" + to_dict {
        schema: &str = |r| &r.schema;
        document: PyReportDocument = |r| r.document.clone().into();
        coverage: PyCoverage = |r| r.coverage.clone().into();
        notices: Vec<PyNotice> = |r| list(&r.notices);
        summary: PySummary = |r| r.summary.into();
        findings: Vec<PyFinding> = |r| list(&r.findings);
        has_errors: bool = |r| r.has_errors();
        /// The `yusuan.report/1` JSON, byte for byte what `yusuan check --format json` prints.
        fn to_json() -> String = |r| r.to_json();
        /// The readable text report of `yusuan check` (also what `str(report)` gives).
        fn to_text() -> String = |r| r.to_text();
        /// The report as Markdown (`yusuan check --format markdown`).
        fn to_markdown() -> String = |r| r.to_markdown();
        fn __str__() -> String = |r| r.to_text();
        fn __repr__() -> String = |r| format!("<Report {} {}: {}>",
            r.document.unit.as_deref().unwrap_or("(unit ?)"), or_unknown(r.document.year),
            summary_repr(&r.summary));

        /// A report from `yusuan.report/1` JSON (what `to_json` or the CLI printed).
        static fn from_json(json: &str) -> PyResult<PyReport> =
            from_json::<Report>(json, "report").map(PyReport::from);

        #[doc = include_str!("../doc/Report.to_pandas.txt")]
        fn to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
            call_python(slf, "yusuan._frames", "report_frame", None)
        }

        /// The findings as an HTML table for notebooks, errors first, coloured by level.
        fn _repr_html_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
            call_python(slf, "yusuan._display", "report_html", None)
        }
    }
}

wrapper! {
    #[doc = include_str!("../doc/Finding.txt")]
    PyFinding(Finding) as "Finding" + to_dict {
        rule: &str = |f| &f.rule;
        outcome: &'static str = |f| f.outcome.as_str();
        severity: String = |f| name_of(&f.severity);
        message_id: Option<&str> = |f| Some(f.message_id.as_str()).filter(|m| !m.is_empty());
        message: &str = |f| &f.message;
        message_en: &str = |f| &f.message_en;
        table: Option<&str> = |f| f.table.as_deref();
        row: Option<&str> = |f| f.row.as_deref();
        column: Option<&str> = |f| f.column.as_deref();
        expected: Option<Decimal> = |f| dec(f.expected.as_ref());
        actual: Option<Decimal> = |f| dec(f.actual.as_ref());
        difference: Option<Decimal> = |f| dec(f.difference.as_ref());
        unit: Option<&str> = |f| f.unit.as_deref();
        evidence: Vec<PyEvidence> = |f| list(&f.evidence);
        related: Vec<PyFinding> = |f| list(&f.related);
        is_error: bool = |f| f.is_error();
        fn __repr__() -> String = |f| {
            let place = [&f.table, &f.row, &f.column].into_iter().filter_map(|x| x.as_deref());
            let place = place.collect::<Vec<_>>().join(" ");
            format!("<Finding {} {} {place}: {}>", f.rule, f.outcome.as_str(), f.message_en)
        };
    }
}

wrapper! {
    #[doc = include_str!("../doc/Evidence.txt")]
    PyEvidence(Evidence) as "Evidence" {
        table: &str = |e| &e.table;
        row: Option<&str> = |e| e.row.as_deref();
        column: Option<&str> = |e| e.column.as_deref();
        text: &str = |e| &e.text;
        line: u32 = |e| e.line;
        page: Option<u32> = |e| e.page;
        bbox: Option<(Decimal, Decimal, Decimal, Decimal)> = |e| e.bbox.map(edges);
        fn __repr__() -> String = |e| format!(
            "<Evidence {} {} {} {:?} line {}{}>",
            e.table, e.row.as_deref().unwrap_or("-"), e.column.as_deref().unwrap_or("-"), e.text,
            e.line, e.page.map(|p| format!(" page {p}")).unwrap_or_default()
        );
    }
}

wrapper! {
    #[doc = include_str!("../doc/Summary.txt")]
    PySummary(Summary) as "Summary" + to_dict {
        error: usize = |s| s.error;
        warning: usize = |s| s.warning;
        hint: usize = |s| s.hint;
        passed: usize = |s| s.pass;
        not_applicable: usize = |s| s.not_applicable;
        insufficient_data: usize = |s| s.insufficient_data;
        fn __repr__() -> String = |s| summary_repr(s);
    }
}

/// A box's edges as its JSON writes them (`130.0`, `72.1`).
fn edges(b: yusuan::source::BBox) -> (Decimal, Decimal, Decimal, Decimal) {
    let edge = |d: Decimal| {
        let mut d = d.normalize();
        d.rescale(d.scale().max(1));
        d
    };
    (edge(b.x0()), edge(b.top()), edge(b.x1()), edge(b.bottom()))
}

fn summary_repr(s: &Summary) -> String {
    format!(
        "Summary(error={}, warning={}, hint={}, passed={}, not_applicable={}, insufficient_data={})",
        s.error, s.warning, s.hint, s.pass, s.not_applicable, s.insufficient_data
    )
}

wrapper! {
    /// What a check covered: `tables_found` (in template order), `tables_missing` (required by
    /// the template, not found), `rule_instances` (evaluated), `numeric_sentences` (narrative
    /// sentences that print a number) and `numeric_sentences_without_claims` (the source lines of
    /// those from which no claim was read).
    PyCoverage(Coverage) as "Coverage" {
        tables_found: Vec<String> = |c| c.tables_found.clone();
        tables_missing: Vec<String> = |c| c.tables_missing.clone();
        rule_instances: usize = |c| c.rule_instances;
        numeric_sentences: usize = |c| c.numeric_sentences;
        numeric_sentences_without_claims: Vec<u32> = |c| c.numeric_sentences_without_claims.clone();
        fn __repr__() -> String = |c| format!(
            "Coverage(tables_found={}, tables_missing={}, rule_instances={}, numeric_sentences={}, numeric_sentences_without_claims={:?})",
            list_repr(&c.tables_found), list_repr(&c.tables_missing), c.rule_instances,
            c.numeric_sentences, c.numeric_sentences_without_claims
        );
    }
}

wrapper! {
    #[doc = include_str!("../doc/ReportDocument.txt")]
    PyReportDocument(ReportDocument) as "ReportDocument" {
        unit: Option<&str> = |d| d.unit.as_deref();
        year: Option<u16> = |d| d.year;
        kind: Option<String> = |d| d.kind.as_ref().map(name_of);
        level: Option<String> = |d| d.level.as_ref().map(name_of);
        template: &str = |d| &d.template;
        layout: &str = |d| &d.template;
        amount_unit: Option<&str> = |d| d.amount_unit.as_deref();
        fn __repr__() -> String = |d| format!(
            "<ReportDocument {} {} {} {}, template {}, {}>",
            d.unit.as_deref().unwrap_or("(unit ?)"), or_unknown(d.year),
            or_unknown(d.kind.as_ref().map(name_of)), or_unknown(d.level.as_ref().map(name_of)),
            d.template, d.amount_unit.as_deref().unwrap_or("unit ?")
        );
    }
}

wrapper! {
    #[doc = include_str!("../doc/Policy.txt")]
    PyPolicy(yusuan::Policy) as "Policy" + to_dict {
        soft_rules: bool = |p| p.soft_rules;
        skip_rules: Vec<String> = |p| p.skip_rules.clone();
        envelope_factor: Decimal = |p| p.envelope_factor;
        code_whitelist: Vec<String> = |p| p.code_whitelist.clone();
        strict_zero_base: bool = |p| p.strict_zero_base;
        fn __repr__() -> String = |p| format!(
            "Policy(soft_rules={}, skip_rules={}, envelope_factor=Decimal('{}'), \
             code_whitelist={}, strict_zero_base={})",
            py_bool(p.soft_rules), list_repr(&p.skip_rules), p.envelope_factor,
            list_repr(&p.code_whitelist), py_bool(p.strict_zero_base)
        );

        #[new]
        #[allow(clippy::needless_pass_by_value)] // PyO3 extracts the lists by value
        #[pyo3(signature = (*, soft_rules = None, skip_rules = None, envelope_factor = None,
                            code_whitelist = None, strict_zero_base = None))]
        fn new(
            soft_rules: Option<bool>,
            skip_rules: Option<Vec<String>>,
            envelope_factor: Option<&Bound<'_, PyAny>>,
            code_whitelist: Option<Vec<String>>,
            strict_zero_base: Option<bool>,
        ) -> PyResult<Self> {
            // The core reads the policy, and its defaults, from the arguments given by name.
            let factor = envelope_factor.map(|f| decimal_arg(f, "envelope_factor")).transpose()?;
            let given = serde_json::json!({
                "soft_rules": soft_rules, "skip_rules": skip_rules,
                "envelope_factor": factor.map(|d| d.to_string()),
                "code_whitelist": code_whitelist, "strict_zero_base": strict_zero_base,
            });
            let given = given.as_object().into_iter().flatten().filter(|(_, v)| !v.is_null());
            let given: serde_json::Map<_, _> = given.map(|(k, v)| (k.clone(), v.clone())).collect();
            let policy = yusuan::Options::policy(&given.into());
            Ok(PyPolicy::from(policy.map_err(crate::errors::Failure::Core)?))
        }
    }
}

fn py_bool(b: bool) -> &'static str {
    if b { "True" } else { "False" }
}

/// A list of strings as Python prints it (`['T01', 'T02']`).
fn list_repr(items: &[String]) -> String {
    let quoted: Vec<String> = items
        .iter()
        .map(|s| format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'")))
        .collect();
    format!("[{}]", quoted.join(", "))
}
