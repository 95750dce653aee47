//! Comparing two documents of one body for consecutive years.
//!
//! [`compare`] pairs the tables of the earlier and the later document by key and their lines by
//! classification code (or by line item, or by position where a table has neither), and reports
//! for each amount column the change, the growth rate (undefined on a zero base), the line's
//! contribution to the change of the table's total, and the lines that appear or vanish. It then
//! checks what the later document states about the earlier year against the earlier document:
//!
//! * table columns headed with the earlier year (`2024年预算数` in the "三公" table) against the
//!   same columns of the earlier document;
//! * narrative changes "比上年增加 Δ" (against 上年 or 上年预算): the implied prior `C − Δ`
//!   against the amount the earlier narrative states for the same subject. A change against the
//!   prior year's *actual* (执行数/决算数) cannot be checked against a budget and is reported as not
//!   checked.
//!
//! Amounts are compared in 元 whatever unit each document prints, within the rounding envelope
//! of the two printed figures (a gap inside it is a hint, as in [`mod@crate::check`]).
//!
//! ```
//! # let later_text = include_str!("../../tests/corpus/seed_2025_yantai_unit_budget.txt");
//! # let earlier_text = include_str!("../../tests/compare/yantai_2024_fabricated.txt");
//! let earlier = yusuan::parse(earlier_text)?;
//! let later = yusuan::parse(later_text)?;
//! let cmp = yusuan::compare(&earlier, &later);
//! let t05 = cmp.table("T05").expect("both documents have T05");
//! let line = t05.line("2080506", "total").expect("a line of T05");
//! assert_eq!(line.status, yusuan::compare::LineStatus::Appeared);
//! assert!(cmp.prior_checks.iter().all(|c| c.outcome != yusuan::Outcome::Fail));
//! # Ok::<(), yusuan::Error>(())
//! ```

use std::collections::BTreeMap;
use std::fmt::Write as _;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::amount::{CellValue, Unit};
use crate::check::Policy;
use crate::claims::{BaseKind, Claim, QuantityKind, Subject};
use crate::figure::{self, Judgement, Printed, Relation};
use crate::model::{Column, DocKind, Document, Row, Side, Table, TableKind};
use crate::report::{Evidence, Outcome, ReportDocument};
use crate::variance::{self, Direction};

/// The schema name of the comparison JSON.
pub const SCHEMA: &str = "yusuan.compare/1";

/// How a line fares between the two documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineStatus {
    /// Printed in both with different amounts.
    Changed,
    /// Printed in both with the same amount.
    Unchanged,
    /// Only in the later document (or blank in the earlier one).
    Appeared,
    /// Only in the earlier document (or blank in the later one).
    Vanished,
}

/// One amount of one line in both documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineChange {
    /// The line's key: its classification code, line item, `total`, or `row<N>`.
    pub row: String,
    /// The classification code, when the line has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The line's name as printed (in the later document when it has the line).
    pub name: String,
    /// The amount column (`total`, `basic`, `abroad`, …), with the side in two-sided tables
    /// (`income.amount`).
    pub column: String,
    /// The column's header words as printed.
    pub column_header: String,
    /// Changed, unchanged, appeared or vanished.
    pub status: LineStatus,
    /// The earlier amount, in the comparison unit.
    pub earlier: Option<Decimal>,
    /// The later amount, in the comparison unit.
    pub later: Option<Decimal>,
    /// `later − earlier` (a missing side counts as zero).
    pub change: Decimal,
    /// Growth in percent, rounded to 2 decimals; `None` on a zero or missing base.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub growth: Option<Decimal>,
    /// The line's share of the change of the table's total, in percent (2 decimals); `None` for
    /// the total itself or when the total did not change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contribution: Option<Decimal>,
    /// Source line in the earlier document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earlier_line: Option<u32>,
    /// Source line in the later document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub later_line: Option<u32>,
}

/// The lines of one table present in either document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableComparison {
    /// Table key (`T05`).
    pub key: crate::model::TableKey,
    /// The later document's title.
    pub title: String,
    /// The columns shown in summaries: per side the `total` (or the single `amount`) column;
    /// every column of a one-row table such as the "三公" table.
    pub main_columns: Vec<String>,
    /// Every amount of every line, in the later document's order (vanished lines last).
    pub lines: Vec<LineChange>,
}

impl TableComparison {
    /// The change of one line and column.
    #[must_use]
    pub fn line(&self, row: &str, column: &str) -> Option<&LineChange> {
        self.lines
            .iter()
            .find(|l| l.row == row && l.column == column)
    }
}

/// A figure of the later document about the earlier year, checked against the earlier document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriorCheck {
    /// What is checked (`T07 公务接待费 2024年预算数`, `narrative san_gong 比上年增加`).
    pub subject: String,
    /// `pass`, `fail` (beyond the rounding envelope), `hint` (inside it) or
    /// `insufficient_data` (nothing to compare with).
    pub outcome: Outcome,
    /// The prior figure the later document states or implies, in the comparison unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stated: Option<Decimal>,
    /// The earlier document's figure, in the comparison unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earlier: Option<Decimal>,
    /// `stated − earlier`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub difference: Option<Decimal>,
    /// Message in Chinese.
    pub message: String,
    /// Message in English.
    pub message_en: String,
    /// The printed figures in the later document.
    pub later_evidence: Vec<Evidence>,
    /// The printed figures in the earlier document.
    pub earlier_evidence: Vec<Evidence>,
}

/// Something about the pair of documents a reader must know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompareNote {
    /// Stable code: `different_units`, `years_not_consecutive`, `years_unknown`, `swapped`,
    /// `different_kinds`, `table_missing`, `prior_year_not_checked` (the documents are not of
    /// one body for consecutive years: no prior-year figure is checked).
    pub code: String,
    /// Message in Chinese.
    pub message: String,
    /// Message in English.
    pub message_en: String,
}

/// Counts over the comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CompareSummary {
    /// Lines (main column) printed in both with different amounts.
    pub changed: usize,
    /// Lines (main column) printed in both with the same amount.
    pub unchanged: usize,
    /// Lines only in the later document.
    pub appeared: usize,
    /// Lines only in the earlier document.
    pub vanished: usize,
    /// Prior-year figures that agree.
    pub prior_pass: usize,
    /// Prior-year figures that disagree beyond rounding.
    pub prior_fail: usize,
    /// Prior-year figures that differ within rounding.
    pub prior_hint: usize,
    /// Prior-year figures that could not be checked.
    pub prior_not_checked: usize,
}

/// The comparison of two documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comparison {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The earlier document.
    pub earlier: ReportDocument,
    /// The later document.
    pub later: ReportDocument,
    /// The unit amounts are given in (the later document's).
    pub unit: Unit,
    /// What a reader must know about the pair.
    pub notes: Vec<CompareNote>,
    /// Counts.
    pub summary: CompareSummary,
    /// Prior-year figures of the later document against the earlier one.
    pub prior_checks: Vec<PriorCheck>,
    /// Tables in the later document's order.
    pub tables: Vec<TableComparison>,
}

impl Comparison {
    /// The comparison of one table.
    #[must_use]
    pub fn table(&self, key: &str) -> Option<&TableComparison> {
        self.tables.iter().find(|t| t.key == key)
    }

    /// True when a prior-year figure of the later document disagrees with the earlier one.
    #[must_use]
    pub fn has_mismatches(&self) -> bool {
        self.summary.prior_fail > 0
    }

    /// The JSON form (deterministic).
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }

    /// A readable table of changes: the prior-year checks, then per table the lines whose main
    /// amount changed, appeared or vanished (all lines with `all`).
    #[must_use]
    pub fn to_text(&self, all: bool) -> String {
        render(self, all, false)
    }

    /// The same as Markdown.
    #[must_use]
    pub fn to_markdown(&self, all: bool) -> String {
        render(self, all, true)
    }
}

/// Compares `earlier` with `later` under the default [`Policy`]. When `earlier` is the later
/// year of the two, they are swapped (and a note says so).
#[must_use]
pub fn compare(earlier: &Document, later: &Document) -> Comparison {
    compare_with(earlier, later, &Policy::default())
}

/// [`compare`] judging the stated prior-year figures with the rounding envelope of `policy`
/// (its `envelope_factor`: 1 = the design's envelope, 0 = exact), as [`crate::check()`] judges
/// the figures of one document.
///
/// # Examples
///
/// ```
/// # let later_text = include_str!("../../tests/corpus/seed_2025_yantai_unit_budget.txt");
/// # let earlier_text = include_str!("../../tests/compare/yantai_2024_fabricated.txt");
/// let (earlier, later) = (yusuan::parse(earlier_text)?, yusuan::parse(later_text)?);
/// let exact = yusuan::Policy { envelope_factor: 0.into(), ..Default::default() };
/// let cmp = yusuan::compare::compare_with(&earlier, &later, &exact);
/// // no rounding allowed: a gap inside the envelope is no longer a hint
/// assert_eq!(cmp.summary.prior_hint, 0);
/// # Ok::<(), yusuan::Error>(())
/// ```
#[must_use]
pub fn compare_with(earlier: &Document, later: &Document, policy: &Policy) -> Comparison {
    let mut notes = Vec::new();
    let (earlier, later) = match (earlier.meta.year, later.meta.year) {
        (Some(a), Some(b)) if a > b => {
            notes.push(note(
                "swapped",
                format!("两份文件按年度排列：{b} 年在前，{a} 年在后"),
                format!("the documents were put in year order: {b} first, then {a}"),
            ));
            (later, earlier)
        }
        _ => (earlier, later),
    };
    pair_notes(earlier, later, &mut notes);
    let unpaired = prior_year_unpaired(earlier, later);
    let unit = later
        .meta
        .amount_unit
        .or(earlier.meta.amount_unit)
        .unwrap_or(Unit::WanYuan);
    let mut tables = Vec::new();
    for t in &later.tables {
        match earlier.table(&t.key) {
            Some(e) => tables.push(compare_table(e, t, unit)),
            None => notes.push(note(
                "table_missing",
                format!("较早的文件中没有表 {}（{}），未比较", t.key, t.title),
                format!(
                    "the earlier document has no table {} ({}); not compared",
                    t.key, t.title
                ),
            )),
        }
    }
    for t in &earlier.tables {
        if later.table(&t.key).is_none() {
            notes.push(note(
                "table_missing",
                format!("较晚的文件中没有表 {}（{}），未比较", t.key, t.title),
                format!(
                    "the later document has no table {} ({}); not compared",
                    t.key, t.title
                ),
            ));
        }
    }
    let mut prior_checks = Vec::new();
    if let Some(why) = unpaired {
        notes.push(why);
    } else {
        let prior_year = later.meta.year.map(|y| y.saturating_sub(1));
        for t in &later.tables {
            if let Some(e) = earlier.table(&t.key) {
                prior_columns(
                    e,
                    t,
                    earlier.meta.year,
                    prior_year,
                    (unit, policy),
                    &mut prior_checks,
                );
            }
        }
        narrative_priors(earlier, later, (unit, policy), &mut prior_checks);
    }
    let mut summary = CompareSummary::default();
    for t in &tables {
        for l in t
            .lines
            .iter()
            .filter(|l| t.main_columns.contains(&l.column))
        {
            match l.status {
                LineStatus::Changed => summary.changed += 1,
                LineStatus::Unchanged => summary.unchanged += 1,
                LineStatus::Appeared => summary.appeared += 1,
                LineStatus::Vanished => summary.vanished += 1,
            }
        }
    }
    for c in &prior_checks {
        match c.outcome {
            Outcome::Pass => summary.prior_pass += 1,
            Outcome::Fail => summary.prior_fail += 1,
            Outcome::Hint => summary.prior_hint += 1,
            _ => summary.prior_not_checked += 1,
        }
    }
    Comparison {
        schema: SCHEMA.to_owned(),
        earlier: ReportDocument::of(earlier),
        later: ReportDocument::of(later),
        unit,
        notes,
        summary,
        prior_checks,
        tables,
    }
}

/// Why the later document's figures about the earlier year cannot be checked against the earlier
/// document, if they cannot: only a document of the same body for the year before can say what
/// the prior year was. Bodies are told apart by their names where both documents print one (a
/// name not read is no evidence of another body); both years must be known.
fn prior_year_unpaired(earlier: &Document, later: &Document) -> Option<CompareNote> {
    let (a, b) = (&earlier.meta, &later.meta);
    let other_body = matches!((&a.unit, &b.unit), (Some(x), Some(y))
        if crate::text::normalize_name(x) != crate::text::normalize_name(y));
    let consecutive = matches!((a.year, b.year), (Some(x), Some(y)) if y == x.saturating_add(1));
    if !other_body && consecutive {
        return None;
    }
    let name = |m: &crate::model::DocumentMeta| {
        format!(
            "{} {}",
            m.unit.as_deref().unwrap_or("?"),
            m.year.map_or_else(|| "?".to_owned(), |y| y.to_string())
        )
    };
    let (x, y) = (name(a), name(b));
    let (why, why_en) = match (other_body, consecutive) {
        (true, true) => ("不是同一单位的文件", "they are not of one body"),
        (false, _) => (
            "不是相邻两个年度的文件",
            "they are not of consecutive years",
        ),
        (true, false) => (
            "不是同一单位相邻两个年度的文件",
            "they are neither of one body nor of consecutive years",
        ),
    };
    Some(note(
        "prior_year_not_checked",
        format!("上年数未核对：“{x}” 与 “{y}” {why}"),
        format!("prior-year figures not checked: `{x}` and `{y}`: {why_en}"),
    ))
}

fn note(code: &str, message: String, message_en: String) -> CompareNote {
    CompareNote {
        code: code.to_owned(),
        message,
        message_en,
    }
}

fn pair_notes(earlier: &Document, later: &Document, notes: &mut Vec<CompareNote>) {
    let (a, b) = (&earlier.meta, &later.meta);
    if let (Some(x), Some(y)) = (&a.unit, &b.unit) {
        if crate::text::normalize_name(x) != crate::text::normalize_name(y) {
            notes.push(note(
                "different_units",
                format!("两份文件的编报单位不同：“{x}” 与 “{y}”"),
                format!("the documents come from different bodies: `{x}` and `{y}`"),
            ));
        }
    }
    match (a.year, b.year) {
        (Some(x), Some(y)) if y != x.saturating_add(1) => notes.push(note(
            "years_not_consecutive",
            format!("两份文件的年度不相邻：{x} 与 {y}，上年数不予核对"),
            format!(
                "the years are not consecutive ({x} and {y}): prior-year figures are not checked"
            ),
        )),
        (Some(_), Some(_)) => {}
        _ => notes.push(note(
            "years_unknown",
            "无法确定文件年度".to_owned(),
            "the year of a document is not known".to_owned(),
        )),
    }
    if a.kind != b.kind {
        notes.push(note(
            "different_kinds",
            "一份是预算、一份是决算：口径不同".to_owned(),
            "one document is a budget and the other final accounts: the figures differ in kind"
                .to_owned(),
        ));
    }
}

/// A column's identity across documents.
fn column_id(table: &Table, col: &Column) -> String {
    let key = col.key.map_or_else(
        || crate::text::compact(&col.header),
        |k| k.as_str().to_owned(),
    );
    let mut id = String::new();
    match col.side {
        Some(Side::Income) => id.push_str("income."),
        Some(Side::Expenditure) => id.push_str("expenditure."),
        None => {}
    }
    if table.columns.iter().any(|c| c.lane != 0) {
        let _ = write!(id, "lane{}.", col.lane);
    }
    id.push_str(&key);
    id
}

/// Whether a column holds the document's own year (not a prior-year column).
fn is_current(col: &Column, year: Option<u16>) -> bool {
    match (col.year, year) {
        (Some(c), Some(y)) => c == y,
        _ => true,
    }
}

/// A row's identity across documents: side, key, and occurrence among equal keys.
fn row_ids(table: &Table) -> Vec<String> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut unkeyed = 0usize;
    table
        .rows
        .iter()
        .map(|r| {
            let mut key = r.key();
            if key.starts_with("line") && r.code.is_none() && r.item.is_none() && !r.total {
                unkeyed += 1;
                key = format!("row{unkeyed}");
            }
            let side = match r.side {
                Some(Side::Income) => "income",
                Some(Side::Expenditure) => "expenditure",
                None => "",
            };
            let base = if side.is_empty() {
                key
            } else {
                format!("{side}.{key}")
            };
            let n = seen.entry(base.clone()).or_default();
            *n += 1;
            if *n > 1 { format!("{base}#{n}") } else { base }
        })
        .collect()
}

fn row_name(row: &Row) -> String {
    let name = crate::text::compact(&row.label);
    match row.item {
        Some(item) if name.is_empty() => item.as_str().to_owned(),
        _ => name,
    }
}

/// An amount in 元 as the interval of its printed digits, with its line, or `None` for a blank
/// cell.
fn cell_yuan(table: &Table, row: &Row, col: usize, doc_unit: Unit) -> Option<(Printed, u32)> {
    let cell = row.cell_at(col)?;
    let CellValue::Amount(n) = &cell.value else {
        return None;
    };
    let unit = table.unit.unwrap_or(doc_unit);
    Some((
        Printed::of_amount(&crate::amount::Amount::new(n.value, unit))?,
        cell.line,
    ))
}

/// The row holding a table's totals (the single row of a "三公" table).
fn total_row(t: &Table) -> Option<&Row> {
    if t.kind == TableKind::SanGong {
        t.rows.first()
    } else {
        t.total_row()
    }
}

fn in_unit(yuan: Decimal, unit: Unit) -> Decimal {
    yuan.checked_div(unit.in_yuan()).unwrap_or(yuan).normalize()
}

fn round2(d: Decimal) -> Decimal {
    d.round_dp(2)
}

fn compare_table(earlier: &Table, later: &Table, unit: Unit) -> TableComparison {
    let doc_unit = later.unit.unwrap_or(unit);
    let e_ids = row_ids(earlier);
    let l_ids = row_ids(later);
    // columns of the document's own year, paired by identity
    let cols: Vec<(String, Option<usize>, Option<usize>)> = {
        let mut v: Vec<(String, Option<usize>, Option<usize>)> = Vec::new();
        for (i, c) in later.columns.iter().enumerate() {
            if c.year.is_some() && !is_current(c, max_year(later)) {
                continue;
            }
            let id = column_id(later, c);
            if v.iter().any(|(x, _, _)| *x == id) {
                continue;
            }
            v.push((id, None, Some(i)));
        }
        for (i, c) in earlier.columns.iter().enumerate() {
            if c.year.is_some() && !is_current(c, max_year(earlier)) {
                continue;
            }
            let id = column_id(earlier, c);
            match v.iter_mut().find(|(x, _, _)| *x == id) {
                Some(entry) => {
                    if entry.1.is_none() {
                        entry.1 = Some(i);
                    }
                }
                None => v.push((id, Some(i), None)),
            }
        }
        v
    };
    let main_columns: Vec<String> = if later.kind == TableKind::SanGong {
        cols.iter().map(|(id, _, _)| id.clone()).collect()
    } else {
        let mut sides: Vec<String> = Vec::new();
        for (id, _, _) in &cols {
            let side = id.split_once('.').map_or("", |(s, _)| s);
            if !side.is_empty() && !["income", "expenditure"].contains(&side) {
                continue;
            }
            let side = side.to_owned();
            if !sides.contains(&side) {
                sides.push(side);
            }
        }
        if sides.is_empty() {
            sides.push(String::new());
        }
        sides
            .iter()
            .filter_map(|side| {
                let on_side = |id: &str| side.is_empty() || id.starts_with(&format!("{side}."));
                ["total", "amount"]
                    .into_iter()
                    .find_map(|k| {
                        cols.iter().find(|(id, _, _)| {
                            on_side(id) && (id == k || id.ends_with(&format!(".{k}")))
                        })
                    })
                    .or_else(|| cols.iter().find(|(id, _, _)| on_side(id)))
                    .map(|(id, _, _)| id.clone())
            })
            .collect()
    };
    // rows: the later document's order, then rows only in the earlier one
    let mut rows: Vec<(String, Option<&Row>, Option<&Row>)> = later
        .rows
        .iter()
        .zip(&l_ids)
        .map(|(r, id)| {
            let e = e_ids
                .iter()
                .position(|x| x == id)
                .and_then(|i| earlier.rows.get(i));
            (id.clone(), e, Some(r))
        })
        .collect();
    for (r, id) in earlier.rows.iter().zip(&e_ids) {
        if !l_ids.contains(id) {
            rows.push((id.clone(), Some(r), None));
        }
    }
    // the change of the total row per column, for contributions
    let total_change = |col: &str| -> Option<Decimal> {
        let (_, ei, li) = cols.iter().find(|(id, _, _)| id == col)?;
        let e = total_row(earlier)
            .zip(*ei)
            .and_then(|(r, i)| cell_yuan(earlier, r, i, doc_unit));
        let l = total_row(later)
            .zip(*li)
            .and_then(|(r, i)| cell_yuan(later, r, i, doc_unit));
        if e.is_none() && l.is_none() {
            return None;
        }
        Some(l.map_or(Decimal::ZERO, |x| x.0.value) - e.map_or(Decimal::ZERO, |x| x.0.value))
    };
    let totals: BTreeMap<&str, Option<Decimal>> = cols
        .iter()
        .map(|(id, _, _)| (id.as_str(), total_change(id)))
        .collect();
    let san_gong_total: Option<String> = (later.kind == TableKind::SanGong)
        .then(|| {
            cols.iter()
                .find(|(id, _, _)| id.ends_with("san_gong_total"))
                .or_else(|| cols.iter().find(|(id, _, _)| id.ends_with("total")))
                .map(|(id, _, _)| id.clone())
        })
        .flatten();
    let mut lines = Vec::new();
    for (id, e_row, l_row) in rows {
        let Some(any) = l_row.or(e_row) else { continue };
        for (col_id, ei, li) in &cols {
            let e = e_row
                .zip(*ei)
                .and_then(|(r, i)| cell_yuan(earlier, r, i, doc_unit));
            let l = l_row
                .zip(*li)
                .and_then(|(r, i)| cell_yuan(later, r, i, doc_unit));
            if e.is_none() && l.is_none() {
                continue;
            }
            let ev = e.map(|x| x.0.value);
            let lv = l.map(|x| x.0.value);
            let change = lv.unwrap_or_default() - ev.unwrap_or_default();
            let status = match (ev, lv) {
                (Some(a), Some(b)) if a == b => LineStatus::Unchanged,
                (Some(_), Some(_)) => LineStatus::Changed,
                (None, _) => LineStatus::Appeared,
                (_, None) => LineStatus::Vanished,
            };
            let growth = ev
                .zip(lv)
                .and_then(|(a, b)| variance::growth_rate(a, b))
                .map(round2);
            // the share of the total's change: of the total row in the same column, or in a
            // one-row table such as "三公", of the table's total column
            let (is_total, total_col) = match &san_gong_total {
                Some(tc) => (col_id == tc, tc.as_str()),
                None => (any.total, col_id.as_str()),
            };
            let contribution = if is_total {
                None
            } else {
                totals
                    .get(total_col)
                    .copied()
                    .flatten()
                    .filter(|t| !t.is_zero())
                    .and_then(|t| (change * Decimal::ONE_HUNDRED).checked_div(t))
                    .map(round2)
            };
            lines.push(LineChange {
                row: id.clone(),
                code: any.code.as_deref().map(str::to_owned),
                name: row_name(any),
                column: col_id.clone(),
                column_header: li
                    .and_then(|i| later.columns.get(i))
                    .or_else(|| ei.and_then(|i| earlier.columns.get(i)))
                    .map(|c| c.header.clone())
                    .unwrap_or_default(),
                status,
                earlier: ev.map(|v| in_unit(v, unit)),
                later: lv.map(|v| in_unit(v, unit)),
                change: in_unit(change, unit),
                growth,
                contribution,
                earlier_line: e.map(|x| x.1),
                later_line: l.map(|x| x.1),
            });
        }
    }
    TableComparison {
        key: later.key.clone(),
        title: later.title.clone(),
        main_columns,
        lines,
    }
}

/// The latest year printed in a table's headers (the document's own year in a table with a
/// prior-year block).
fn max_year(table: &Table) -> Option<u16> {
    table.columns.iter().filter_map(|c| c.year).max()
}

fn prior_columns(
    earlier: &Table,
    later: &Table,
    earlier_year: Option<u16>,
    prior_year: Option<u16>,
    (unit, policy): (Unit, &Policy),
    out: &mut Vec<PriorCheck>,
) {
    let Some(prior_year) = prior_year else { return };
    if earlier_year.is_some_and(|y| y != prior_year) {
        return;
    }
    let e_ids = row_ids(earlier);
    let l_ids = row_ids(later);
    let doc_unit = later.unit.unwrap_or(unit);
    for (li, col) in later.columns.iter().enumerate() {
        if col.year != Some(prior_year) {
            continue;
        }
        let id = column_id(later, col);
        // the same column, for the earlier document's own year
        let ei = earlier
            .columns
            .iter()
            .position(|c| column_id(earlier, c) == id && c.year.is_none_or(|y| y == prior_year));
        for (row, rid) in later.rows.iter().zip(&l_ids) {
            let Some(l) = cell_yuan(later, row, li, doc_unit) else {
                continue;
            };
            let name = row_name(row);
            let subject = if name.is_empty() {
                format!("{} {}（{prior_year}年）", later.key, col.header)
            } else {
                format!("{} {} {}（{prior_year}年）", later.key, name, col.header)
            };
            let later_ev = vec![evidence(later, row, col, li)];
            let e_row = e_ids
                .iter()
                .position(|x| x == rid)
                .and_then(|i| earlier.rows.get(i));
            let e = e_row
                .zip(ei)
                .and_then(|(r, i)| cell_yuan(earlier, r, i, doc_unit));
            let earlier_ev = e_row
                .zip(ei)
                .and_then(|(r, i)| earlier.columns.get(i).map(|c| evidence(earlier, r, c, i)))
                .into_iter()
                .collect();
            out.push(judge(
                subject,
                Some(l.0),
                e.map(|x| x.0),
                unit,
                policy,
                later_ev,
                earlier_ev,
            ));
        }
    }
}

fn evidence(table: &Table, row: &Row, col: &Column, index: usize) -> Evidence {
    let cell = row.cell_at(index);
    Evidence {
        table: table.key.to_string(),
        row: Some(row.key()),
        column: Some(col.header.clone()),
        text: cell.map(|c| String::from(&c.text)).unwrap_or_default(),
        line: cell.map_or(row.line, |c| c.line),
        page: None,
        bbox: None,
    }
}

/// Judges a stated prior against the earlier figure ([`crate::figure::judge`] under the policy's
/// envelope factor).
fn judge(
    subject: String,
    stated: Option<Printed>,
    earlier: Option<Printed>,
    unit: Unit,
    policy: &Policy,
    later_evidence: Vec<Evidence>,
    earlier_evidence: Vec<Evidence>,
) -> PriorCheck {
    let show = |y: Decimal| in_unit(y, unit);
    let judged = stated.zip(earlier).map(|(s, e)| {
        (
            s,
            e,
            figure::judge(&[s], &[e], Relation::Eq, policy.envelope_factor),
        )
    });
    let (outcome, difference, message, message_en) = match judged {
        Some((s, e, Some(j))) => {
            let (s, e, gap) = (s.value, e.value, j.difference);
            let outcome = match j.judgement {
                Judgement::Exact => Outcome::Pass,
                Judgement::WithinRounding => Outcome::Hint,
                Judgement::Contradiction => Outcome::Fail,
            };
            let (zh, en) = match outcome {
                Outcome::Pass => (
                    format!("{subject}：上年数 {} 与上年文件一致", show(s)),
                    format!(
                        "{subject}: the prior-year figure {} equals the earlier document",
                        show(s)
                    ),
                ),
                Outcome::Hint => (
                    format!(
                        "{subject}：上年数 {} 与上年文件 {} 相差 {}{unit}，在四舍五入允差之内",
                        show(s),
                        show(e),
                        show(gap)
                    ),
                    format!(
                        "{subject}: the prior-year figure {} differs from the earlier document's {} by {} {unit}, within rounding",
                        show(s),
                        show(e),
                        show(gap)
                    ),
                ),
                _ => (
                    format!(
                        "{subject}：上年数 {} 与上年文件 {} 不符，相差 {}{unit}",
                        show(s),
                        show(e),
                        show(gap)
                    ),
                    format!(
                        "{subject}: the prior-year figure {} disagrees with the earlier document's {} by {} {unit}",
                        show(s),
                        show(e),
                        show(gap)
                    ),
                ),
            };
            (outcome, Some(show(gap)), zh, en)
        }
        Some((_, _, None)) => (
            Outcome::InsufficientData,
            None,
            format!("{subject}：金额之和超出可计算范围，无法核对"),
            format!("{subject}: the amounts are too large to compare"),
        ),
        None => match stated {
            Some(s) => (
                Outcome::InsufficientData,
                None,
                format!(
                    "{subject}：上年数 {}，上年文件中没有可对照的数",
                    show(s.value)
                ),
                format!(
                    "{subject}: prior-year figure {}, with nothing to compare it with in the earlier document",
                    show(s.value)
                ),
            ),
            None => (
                Outcome::InsufficientData,
                None,
                format!("{subject}：无法核对"),
                format!("{subject}: not checked"),
            ),
        },
    };
    PriorCheck {
        subject,
        outcome,
        stated: stated.map(|x| show(x.value)),
        earlier: earlier.map(|x| show(x.value)),
        difference,
        message,
        message_en,
        later_evidence,
        earlier_evidence,
    }
}

/// A claim's money figure in 元 as the interval of its printed digits, read like the checker
/// reads prose ([`Printed::stated_money`]).
fn claim_money(q: &crate::claims::Quantity) -> Option<Printed> {
    let QuantityKind::Money { unit } = q.kind else {
        return None;
    };
    Printed::stated_money(q.value, unit)
}

fn claim_evidence(c: &Claim, q: &crate::claims::Quantity) -> Evidence {
    Evidence {
        table: "narrative".to_owned(),
        row: Some(c.subject.key()),
        column: None,
        text: q.text.clone(),
        line: q.line,
        page: None,
        bbox: None,
    }
}

/// Claims with the subject of their parent (a part is only the same figure under the same whole).
fn flat_claims(doc: &Document) -> Vec<(Claim, Option<Subject>)> {
    fn walk(c: &Claim, parent: Option<&Subject>, out: &mut Vec<(Claim, Option<Subject>)>) {
        out.push((c.clone(), parent.cloned()));
        for p in &c.parts {
            walk(p, Some(&c.subject), out);
        }
    }
    let mut out = Vec::new();
    for c in crate::claims::extract(doc) {
        walk(&c, None, &mut out);
    }
    out
}

fn narrative_priors(
    earlier: &Document,
    later: &Document,
    (unit, policy): (Unit, &Policy),
    out: &mut Vec<PriorCheck>,
) {
    if let (Some(a), Some(b)) = (earlier.meta.year, later.meta.year) {
        if b != a.saturating_add(1) {
            return;
        }
    }
    let old = flat_claims(earlier);
    let compared_kind = earlier.meta.kind == later.meta.kind;
    for (claim, parent) in flat_claims(later) {
        let Some(change) = &claim.change else {
            continue;
        };
        if matches!(claim.subject, Subject::Functional { .. }) && change.base.is_none() {
            continue;
        }
        let Some(amount) = claim.amount.as_ref() else {
            continue;
        };
        let Some(current) = claim_money(amount) else {
            continue;
        };
        let subject = format!(
            "情况说明第{}行 {}（{}）",
            change.line,
            claim.label.trim(),
            change.word
        );
        let base = change.base.as_ref().map(|b| b.kind);
        // a change against this year's budget: nothing in the prior year's document
        if base == Some(BaseKind::Budget) {
            continue;
        }
        let mut later_ev = vec![claim_evidence(&claim, amount)];
        // the prior stated outright, or implied by the change
        let stated = if let Some(p) = claim
            .prior
            .as_ref()
            .and_then(|q| claim_money(q).map(|m| (q, m)))
        {
            later_ev.push(claim_evidence(&claim, p.0));
            Some(p.1)
        } else {
            match (
                change.direction,
                change
                    .amount
                    .as_ref()
                    .and_then(|q| claim_money(q).map(|m| (q, m))),
            ) {
                (Direction::Flat, _) => Some(current),
                (Direction::Increase | Direction::Decrease, Some((q, d))) => {
                    later_ev.push(claim_evidence(&claim, q));
                    let signed = if change.direction == Direction::Decrease {
                        -d.value
                    } else {
                        d.value
                    };
                    // P = C − Δ: the prior's interval is as wide as both printed figures
                    current
                        .value
                        .checked_sub(signed)
                        .zip(current.half_ulp.checked_add(d.half_ulp))
                        .map(|(value, half_ulp)| Printed { value, half_ulp })
                }
                _ => None,
            }
        };
        let Some(stated) = stated else { continue };
        if base == Some(BaseKind::PriorActual) || !compared_kind {
            out.push(PriorCheck {
                subject,
                outcome: Outcome::NotApplicable,
                stated: Some(in_unit(stated.value, unit)),
                earlier: None,
                difference: None,
                message: "比较基数是上年执行数（决算数），与上年预算文件不可比".to_owned(),
                message_en:
                    "the base is the prior year's actual, which a budget document does not state"
                        .to_owned(),
                later_evidence: later_ev,
                earlier_evidence: Vec::new(),
            });
            continue;
        }
        let found = old.iter().find(|(o, op)| {
            o.subject == claim.subject
                && *op == parent
                && o.budget.is_none()
                && o.amount.as_ref().is_some_and(|q| claim_money(q).is_some())
        });
        let (earlier_fig, earlier_ev) =
            match found.and_then(|(o, _)| o.amount.as_ref().map(|q| (o, q))) {
                Some((o, q)) => (claim_money(q), vec![claim_evidence(o, q)]),
                None => (None, Vec::new()),
            };
        out.push(judge(
            subject,
            Some(stated),
            earlier_fig,
            unit,
            policy,
            later_ev,
            earlier_ev,
        ));
    }
}

fn fmt_signed(d: Decimal) -> String {
    if d > Decimal::ZERO {
        format!("+{}", fmt2(d))
    } else {
        fmt2(d)
    }
}

fn fmt2(d: Decimal) -> String {
    let mut x = d.normalize();
    if x.scale() < 2 {
        x.rescale(2);
    }
    x.to_string()
}

/// Display width: CJK and full-width characters take two columns.
fn width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            if c.is_ascii() || ('\u{ff61}'..='\u{ff9f}').contains(&c) {
                1
            } else {
                2
            }
        })
        .sum()
}

fn pad(s: &str, w: usize, right: bool) -> String {
    let n = w.saturating_sub(width(s));
    if right {
        format!("{}{s}", " ".repeat(n))
    } else {
        format!("{s}{}", " ".repeat(n))
    }
}

fn title_of(d: &ReportDocument) -> String {
    format!(
        "{} {} {}",
        d.unit.as_deref().unwrap_or("(unit ?)"),
        d.year.map_or_else(|| "?".to_owned(), |y| y.to_string()),
        if d.kind == Some(DocKind::FinalAccounts) {
            "决算"
        } else {
            "预算"
        }
    )
}

fn render(cmp: &Comparison, all: bool, md: bool) -> String {
    let mut s = String::new();
    let (e, l) = (title_of(&cmp.earlier), title_of(&cmp.later));
    let ey = cmp
        .earlier
        .year
        .map_or_else(|| "earlier".to_owned(), |y| y.to_string());
    let ly = cmp
        .later
        .year
        .map_or_else(|| "later".to_owned(), |y| y.to_string());
    if md {
        let _ = writeln!(s, "# yusuan compare: {e} → {l}\n");
    } else {
        let _ = writeln!(s, "yusuan compare: {e} → {l} (单位 {})", cmp.unit);
    }
    let m = &cmp.summary;
    let _ = writeln!(
        s,
        "{}{} changed · {} unchanged · {} appeared · {} vanished; prior-year figures: {} agree · {} disagree · {} within rounding · {} not checked",
        if md { "**Summary:** " } else { "" },
        m.changed,
        m.unchanged,
        m.appeared,
        m.vanished,
        m.prior_pass,
        m.prior_fail,
        m.prior_hint,
        m.prior_not_checked
    );
    if !cmp.notes.is_empty() {
        let _ = writeln!(s, "\n{}注意 / Notes", if md { "## " } else { "" });
        if md {
            s.push('\n');
        }
        for n in &cmp.notes {
            let _ = writeln!(s, "  - [{}] {} / {}", n.code, n.message, n.message_en);
        }
    }
    let shown: Vec<&PriorCheck> = cmp
        .prior_checks
        .iter()
        .filter(|p| all || p.outcome != Outcome::Pass)
        .collect();
    if !shown.is_empty() {
        let _ = writeln!(
            s,
            "\n{}上年数核对 / Prior-year figures",
            if md { "## " } else { "" }
        );
        if md {
            s.push('\n');
        }
        for p in shown {
            let mark = match p.outcome {
                Outcome::Pass => "✔",
                Outcome::Fail => "✘",
                Outcome::Hint => "~",
                _ => "·",
            };
            let mut lines: Vec<String> = Vec::new();
            for l in p.later_evidence.iter().map(|e| e.line.to_string()).chain(
                p.earlier_evidence
                    .iter()
                    .map(|e| format!("{ey}:{}", e.line)),
            ) {
                if !lines.contains(&l) {
                    lines.push(l);
                }
            }
            let _ = writeln!(s, "  {mark} {} (line {})", p.message, lines.join(", "));
            let _ = writeln!(s, "    {}", p.message_en);
        }
    }
    for t in &cmp.tables {
        let rows: Vec<&LineChange> = t
            .lines
            .iter()
            .filter(|x| t.main_columns.contains(&x.column))
            .filter(|x| all || x.status != LineStatus::Unchanged)
            .collect();
        if rows.is_empty() {
            continue;
        }
        let _ = writeln!(s, "\n{}{} {}", if md { "## " } else { "" }, t.key, t.title);
        let header = ["", "代码/行", "名称", &ey, &ly, "增减", "增幅%", "贡献%"];
        let body: Vec<[String; 8]> = rows
            .iter()
            .map(|x| {
                [
                    match x.status {
                        LineStatus::Appeared => "+".to_owned(),
                        LineStatus::Vanished => "-".to_owned(),
                        LineStatus::Changed => "~".to_owned(),
                        LineStatus::Unchanged => " ".to_owned(),
                    },
                    x.code.clone().unwrap_or_else(|| {
                        if x.row.starts_with("row") {
                            x.column.clone()
                        } else {
                            x.row.clone()
                        }
                    }),
                    if x.name.is_empty() {
                        x.column_header.clone()
                    } else {
                        x.name.clone()
                    },
                    x.earlier.map_or_else(|| "—".to_owned(), fmt2),
                    x.later.map_or_else(|| "—".to_owned(), fmt2),
                    fmt_signed(x.change),
                    x.growth.map_or_else(|| "—".to_owned(), fmt_signed),
                    x.contribution.map_or_else(String::new, fmt2),
                ]
            })
            .collect();
        if md {
            let _ = writeln!(s, "\n| {} |", header.join(" | "));
            let _ = writeln!(s, "|{}", "---|".repeat(header.len()));
            for r in &body {
                let _ = writeln!(s, "| {} |", r.join(" | "));
            }
        } else {
            let widths: Vec<usize> = (0..header.len())
                .map(|i| {
                    body.iter()
                        .filter_map(|r| r.get(i))
                        .map(|x| width(x))
                        .chain(header.get(i).map(|h| width(h)))
                        .max()
                        .unwrap_or(0)
                        .min(40)
                })
                .collect();
            for r in std::iter::once(header.map(str::to_owned)).chain(body) {
                let cells: Vec<String> = r
                    .iter()
                    .zip(&widths)
                    .enumerate()
                    .map(|(i, (x, w))| pad(x, *w, i >= 3))
                    .collect();
                let _ = writeln!(s, "  {}", cells.join("  ").trim_end());
            }
        }
    }
    s
}
