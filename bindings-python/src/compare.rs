//! The comparison of two years of one body: `Comparison` with its `CompareSummary`,
//! `CompareNote`s, `PriorCheck`s and `TableComparison`s of `LineChange`s. Read-only views of
//! [`yusuan::compare::Comparison`]; amounts come out as `decimal.Decimal`.

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
    /// The comparison of two documents of one body for consecutive years: every amount of every
    /// line in both (change, growth, contribution to the table's change, lines that appear or
    /// vanish), and the later document's figures about the earlier year checked against the
    /// earlier document. Documents of two bodies, or of years that do not follow each other, are
    /// set side by side line by line only: a note (`"prior_year_not_checked"`) says why.
    ///
    /// Made by `yusuan.compare(earlier, later)`: `schema` (`"yusuan.compare/1"`), `earlier` and
    /// `later` (the documents, in year order), `unit` (of every amount: the later document's),
    /// `notes` (what a reader must know about the pair), `summary`, `prior_checks`, `tables` (in
    /// both documents, in the later one's order) and `has_mismatches` (a prior-year figure
    /// disagrees: `yusuan compare` then exits with status 1). `to_json()` is byte for byte what
    /// `yusuan compare --format json` prints; `to_pandas()` gives one row per line change; in a
    /// notebook the comparison shows as tables. Amounts are `decimal.Decimal`.
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
        #[pyo3(signature = (key, /))]
        fn table(&self, key: &str) -> PyResult<PyTableComparison> {
            find(&self.inner.tables, |t| t.key == key, || {
                let keys: Vec<&str> = self.inner.tables.iter().map(|t| t.key.as_str()).collect();
                format!("no table `{key}` in this comparison (tables: {})", keys.join(", "))
            })
        }

        /// The readable text of `yusuan compare` (also what `str(comparison)` gives): the
        /// prior-year figures that do not agree, then per table the lines whose main amount
        /// changed, appeared or vanished; with `all=True` every prior-year figure and every line.
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
            from_json::<Comparison>(json, "comparison").map(PyComparison::from)
        }

        /// The line changes as a pandas DataFrame, one row per line and amount column of every
        /// table: `table`, `row`, `code`, `name`, `column`, `column_header`, `main` (a column of
        /// the table's summary), `status`, `earlier`, `later`, `change`, `growth`, `contribution`
        /// (`decimal.Decimal`, None where undefined), `earlier_line` and `later_line`. `attrs`
        /// holds both documents, the unit and the summary.
        ///
        /// Needs pandas (`pip install pandas`).
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
    /// Counts over a comparison: lines in the tables' main columns by status (`changed`,
    /// `unchanged`, `appeared` only in the later document, `vanished` only in the earlier one)
    /// and prior-year figures by outcome (`prior_pass`, `prior_fail` beyond rounding,
    /// `prior_hint` within rounding, `prior_not_checked`).
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
    /// Something about the pair of documents a reader must know: `code` (stable:
    /// `"different_units"`, `"years_not_consecutive"`, `"years_unknown"`, `"swapped"`,
    /// `"different_kinds"`, `"table_missing"` or `"prior_year_not_checked"`), `message` (in
    /// Chinese) and `message_en`.
    PyCompareNote(CompareNote) as "CompareNote" {
        code: &str = |n| &n.code;
        message: &str = |n| &n.message;
        message_en: &str = |n| &n.message_en;
        fn __repr__() -> String = |n| format!("<CompareNote {}: {}>", n.code, n.message_en);
    }
}

wrapper! {
    /// A figure of the later document about the earlier year (a prior-year column of a table, or
    /// the prior amount a narrative change implies), checked against the earlier document.
    ///
    /// `subject` (`"T07 公务接待费（2024年）"`, `"情况说明第362行 接待费（增加）"`), `outcome`
    /// (`"pass"`, `"fail"` beyond the rounding envelope, `"hint"` inside it, or
    /// `"insufficient_data"`), `stated` (the prior figure the later document states or implies),
    /// `earlier` (the earlier document's), `difference` (`stated - earlier`) — each None where
    /// there is none —, `message` (in Chinese), `message_en`, and the printed figures in each
    /// document: `later_evidence` and `earlier_evidence`.
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
    /// The lines of one table in both documents: `key` (`"T05"`), `title` (the later document's),
    /// `main_columns` (what summaries count: per side the `total` or single `amount` column;
    /// every column of a one-row table such as the "三公" table) and `lines` (every amount of
    /// every line, in the later document's order, vanished lines last).
    ///
    /// Example:
    ///
    /// >>> cmp = yusuan.compare(yusuan.read(compare_dir / "yantai_2024_mismatch.txt"), text)
    /// >>> t05 = cmp.table("T05")
    /// >>> t05.key, t05.main_columns
    /// ('T05', ['total'])
    /// >>> [(l.row, l.status) for l in t05.lines if l.column == "total" and l.status != "unchanged"]
    /// [('2010301', 'changed'), ('2080506', 'appeared'), ('2010399', 'vanished')]
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
        #[pyo3(signature = (row, column, /))]
        fn line(&self, row: &str, column: &str) -> PyResult<PyLineChange> {
            find(&self.inner.lines, |l| l.row == row && l.column == column, || {
                format!("no line `{row}` in column `{column}` of table {}", self.inner.key)
            })
        }

        /// The table's line changes as a pandas DataFrame (the rows of `Comparison.to_pandas()`
        /// for this table). Needs pandas.
        fn to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
            call_python(slf, "yusuan._frames", "table_comparison_frame", None)
        }
    }
}

wrapper! {
    /// One amount of one line in both documents.
    ///
    /// `row` (its classification code, line item, `"total"` or `"row<N>"`), `code` (or None),
    /// `name` (as printed, in the later document when it has the line), `column` (`"total"`,
    /// `"basic"`, `"abroad"`, …; `"income.amount"` in two-sided tables), `column_header` (as
    /// printed), `status` (`"changed"`, `"unchanged"`, `"appeared"` or `"vanished"`), `earlier`
    /// and `later` (None where not printed, or blank), `change` (`later - earlier`, a missing
    /// side as zero), `growth` (percent, 2 decimals; None on a zero or missing base),
    /// `contribution` (the line's share of the change of the table's total, in percent; None for
    /// the total itself or when the total did not change), `earlier_line` and `later_line`.
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
