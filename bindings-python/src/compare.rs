//! `Comparison` with its `CompareSummary`, `CompareNote`s, `PriorCheck`s and `TableComparison`s
//! of `LineChange`s: views of [`yusuan::compare::Comparison`].

use pyo3::prelude::*;
use rust_decimal::Decimal;
use yusuan::compare::{
    CompareNote, CompareSummary, Comparison, LineChange, PriorCheck, TableComparison,
};
use yusuan::report::ReportDocument;

use crate::convert::{from_json, name_of, or_unknown};
use crate::report::{PyEvidence, PyReportDocument};
use crate::wrap::{call_python, find, list, wrapper};

wrapper! {
    #[doc = include_str!("../doc/Comparison.txt")]
    PyComparison(Comparison) as "Comparison" + to_dict {
        schema: &str = |c| &c.schema;
        earlier: PyReportDocument = |c| c.earlier.clone().into();
        later: PyReportDocument = |c| c.later.clone().into();
        unit: &'static str = |c| c.unit.as_str();
        notes: Vec<PyCompareNote> = |c| list(&c.notes);
        summary: PyCompareSummary = |c| c.summary.into();
        prior_checks: Vec<PyPriorCheck> = |c| list(&c.prior_checks);
        tables: Vec<PyTableComparison> = |c| list(&c.tables);
        has_mismatches: bool = |c| c.has_mismatches();
        /// The `yusuan.compare/1` JSON, byte for byte what `yusuan compare --format json` prints.
        fn to_json() -> String = |c| c.to_json();
        fn __str__() -> String = |c| c.to_text(false);
        fn __repr__() -> String = |c| format!(
            "<Comparison {} → {}: {}>", side(&c.earlier), side(&c.later), summary_repr(&c.summary)
        );

        /// The comparison of the table with `key` (`"T05"`); `KeyError` when it is not in both
        /// documents.
        fn table(key: &str) -> PyResult<PyTableComparison> = |c| {
            let keys = || c.tables.iter().map(|t| t.key.as_str()).collect::<Vec<_>>().join(", ");
            let missing = || format!("no table `{key}` in this comparison (tables: {})", keys());
            find(&c.tables, |t| t.key == key, missing)
        };
        #[doc = include_str!("../doc/Comparison.to_text.txt")]
        fn to_text(*, all: bool = false) -> String = |c| c.to_text(all);
        /// The same as Markdown (`yusuan compare --format markdown`).
        fn to_markdown(*, all: bool = false) -> String = |c| c.to_markdown(all);
        /// A comparison from `yusuan.compare/1` JSON (what `to_json` or the CLI printed).
        static fn from_json(json: &str) -> PyResult<PyComparison> =
            from_json::<Comparison>(json, "comparison").map(PyComparison::from);

        #[doc = include_str!("../doc/Comparison.to_pandas.txt")]
        fn to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
            call_python(slf, "yusuan._frames", "comparison_frame", None)
        }

        /// The prior-year checks and the changed lines as HTML tables for notebooks.
        fn _repr_html_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
            call_python(slf, "yusuan._display", "comparison_html", None)
        }
    }
}

fn side(d: &ReportDocument) -> String {
    format!(
        "{} {}",
        d.unit.as_deref().unwrap_or("(unit ?)"),
        or_unknown(d.year)
    )
}

wrapper! {
    /// Lines of the main columns by status, and prior-year figures by outcome.
    PyCompareSummary(CompareSummary) as "CompareSummary" + to_dict {
        changed: usize = |s| s.changed;
        unchanged: usize = |s| s.unchanged;
        appeared: usize = |s| s.appeared;
        vanished: usize = |s| s.vanished;
        prior_pass: usize = |s| s.prior_pass;
        prior_fail: usize = |s| s.prior_fail;
        prior_hint: usize = |s| s.prior_hint;
        prior_not_checked: usize = |s| s.prior_not_checked;
        fn __repr__() -> String = |s| summary_repr(s);
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

wrapper! {
    /// What a reader must know about the pair: `code` (`"different_units"`, `"swapped"`,
    /// `"prior_year_not_checked"`, …), `message` (in Chinese) and `message_en`.
    PyCompareNote(CompareNote) as "CompareNote" {
        code: &str = |n| &n.code;
        message: &str = |n| &n.message;
        message_en: &str = |n| &n.message_en;
        fn __repr__() -> String = |n| format!("<CompareNote {}: {}>", n.code, n.message_en);
    }
}

wrapper! {
    #[doc = include_str!("../doc/PriorCheck.txt")]
    PyPriorCheck(PriorCheck) as "PriorCheck" + to_dict {
        subject: &str = |p| &p.subject;
        outcome: &'static str = |p| p.outcome.as_str();
        stated: Option<Decimal> = |p| p.stated;
        earlier: Option<Decimal> = |p| p.earlier;
        difference: Option<Decimal> = |p| p.difference;
        message: &str = |p| &p.message;
        message_en: &str = |p| &p.message_en;
        later_evidence: Vec<PyEvidence> = |p| list(&p.later_evidence);
        earlier_evidence: Vec<PyEvidence> = |p| list(&p.earlier_evidence);
        fn __repr__() -> String = |p| format!(
            "<PriorCheck {} {}: {}>", p.outcome.as_str(), p.subject, p.message_en
        );
    }
}

wrapper! {
    #[doc = include_str!("../doc/TableComparison.txt")]
    PyTableComparison(TableComparison) as "TableComparison" + to_dict {
        key: &str = |t| &t.key;
        title: &str = |t| &t.title;
        main_columns: Vec<String> = |t| t.main_columns.clone();
        lines: Vec<PyLineChange> = |t| list(&t.lines);
        fn __len__() -> usize = |t| t.lines.len();
        fn __repr__() -> String = |t| format!(
            "<TableComparison {} {} ({} lines)>", t.key, t.title, t.lines.len()
        );

        /// The change of one line (`row`: a code, a line item, `"total"`) in one column
        /// (`"total"`, `"basic"`, …); `KeyError` when the table has no such line.
        fn line(row: &str, column: &str) -> PyResult<PyLineChange> = |t| {
            let missing = || format!("no line `{row}` in column `{column}` of table {}", t.key);
            find(&t.lines, |l| l.row == row && l.column == column, missing)
        };

        /// The table's line changes as a pandas DataFrame (the rows of `Comparison.to_pandas()`
        /// for this table). Needs pandas.
        fn to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
            call_python(slf, "yusuan._frames", "table_comparison_frame", None)
        }
    }
}

wrapper! {
    #[doc = include_str!("../doc/LineChange.txt")]
    PyLineChange(LineChange) as "LineChange" + to_dict {
        row: &str = |l| &l.row;
        code: Option<&str> = |l| l.code.as_deref();
        name: &str = |l| &l.name;
        column: &str = |l| &l.column;
        column_header: &str = |l| &l.column_header;
        status: String = |l| name_of(&l.status);
        earlier: Option<Decimal> = |l| l.earlier;
        later: Option<Decimal> = |l| l.later;
        change: Decimal = |l| l.change;
        growth: Option<Decimal> = |l| l.growth;
        contribution: Option<Decimal> = |l| l.contribution;
        earlier_line: Option<u32> = |l| l.earlier_line;
        later_line: Option<u32> = |l| l.later_line;
        fn __repr__() -> String = |l| {
            let amount = |d: Option<Decimal>| d.map_or_else(|| "—".to_owned(), |d| d.to_string());
            let status = name_of(&l.status);
            let (e, n) = (amount(l.earlier), amount(l.later));
            format!("<LineChange {} {} {status}: {e} → {n} ({})>", l.row, l.column, l.change)
        };
    }
}
