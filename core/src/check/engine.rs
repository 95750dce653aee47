//! What every rule uses: cell references, values in a common unit, the rounding envelope, and
//! the emitter that turns a comparison into a [`Finding`] with evidence and messages.

use crate::{HashMap, HashSet};
use std::borrow::Cow;

use rust_decimal::Decimal;

use crate::amount::{CellValue, Unit};
use crate::catalog::Catalog;
use crate::figure::{Judgement, Printed};
use crate::model::{Cell, ColumnKey, Document, Row, Table, TableKey};
use crate::report::{Evidence, Finding, Outcome, Severity, Summary};

use super::Policy;
use super::messages::{self, Message, msg};

/// What rules see.
pub(crate) struct Ctx<'a> {
    pub(crate) doc: &'a Document,
    pub(crate) catalog: &'a Catalog,
    pub(crate) policy: &'a Policy,
    /// What the narrative states.
    pub(crate) claims: crate::claims::Claims,
    /// The coded rows of each table, indexed once (rules look rows up by code in loops).
    pub(crate) index: HashMap<&'a str, CodeIndex<'a>>,
    /// Every 绩效目标表 indicator's target, read once.
    pub(crate) targets: Vec<Vec<crate::indicator::Target>>,
    /// The narrative prints its amounts in whole 万元 or to one decimal ([`coarse_narrative`]).
    pub(crate) coarse_narrative: bool,
}

/// Whether a narrative prints its amounts coarsely (in whole 万元 or 亿元, or to one decimal):
/// at least four amounts of one unit or more, three in four of them with fewer than two
/// decimals (amounts under one unit are printed with decimals in any style: `0.53万元`). Prose
/// drops trailing zeros (`95万元` for 95.00), so one such figure says nothing; a narrative
/// printing nearly all of them so says it rounds (a two-decimal amount ends in `0` one time in
/// ten), and its figures then stand for the interval of their printed digits.
pub(crate) fn coarse_narrative(claims: &crate::claims::Claims) -> bool {
    fn visit(c: &crate::claims::Claim, out: &mut (usize, usize)) {
        let change = c.change.as_ref().and_then(|ch| ch.amount.as_ref());
        for q in [
            c.amount.as_ref(),
            change,
            c.prior.as_ref(),
            c.planned.as_ref(),
        ]
        .into_iter()
        .flatten()
        {
            if matches!(q.unit(), Some(Unit::WanYuan | Unit::YiYuan))
                && q.value.abs() >= Decimal::ONE
            {
                out.0 += 1;
                out.1 += usize::from(q.value.scale() < 2);
            }
        }
        for p in &c.parts {
            visit(p, out);
        }
    }
    let mut counts = (0, 0);
    for c in &claims.claims {
        visit(c, &mut counts);
    }
    let (all, coarse) = counts;
    all >= 4 && coarse * 4 >= all * 3
}

/// The coded rows of one table.
#[derive(Default)]
pub(crate) struct CodeIndex<'a> {
    /// The first row printing each code.
    pub(crate) first: HashMap<&'a str, &'a Row>,
    /// Every (lane, code) printed.
    pub(crate) lane_codes: HashSet<(u8, &'a str)>,
    /// Rows by (lane, parent code), for rows whose code is the parent's plus two digits.
    pub(crate) children: HashMap<(u8, &'a str), Vec<&'a Row>>,
    /// The code lengths printed (bit `n`: a code of `n` digits; longer ones are not codes).
    pub(crate) lengths: u64,
}

impl<'a> CodeIndex<'a> {
    /// Whether some code of the table has `len` digits.
    pub(crate) fn has_length(&self, len: usize) -> bool {
        u32::try_from(len)
            .ok()
            .and_then(|n| 1u64.checked_shl(n))
            .is_some_and(|bit| self.lengths & bit != 0)
    }

    pub(crate) fn of(table: &'a Table) -> CodeIndex<'a> {
        let mut ix = CodeIndex::default();
        for row in &table.rows {
            let Some(code) = row.code.as_deref() else {
                continue;
            };
            ix.first.entry(code).or_insert(row);
            ix.lane_codes.insert((row.lane, code));
            if let Some(bit) = u32::try_from(code.len())
                .ok()
                .and_then(|n| 1u64.checked_shl(n))
            {
                ix.lengths |= bit;
            }
            if code.len() > 2 {
                if let Some(parent) = code.get(..code.len() - 2) {
                    ix.children.entry((row.lane, parent)).or_default().push(row);
                }
            }
        }
        ix
    }

    /// Whether a proper prefix of `code` is printed in `lane` (the row is not top-level).
    pub(crate) fn has_ancestor(&self, lane: Option<u8>, code: &str) -> bool {
        // (only the lengths some code of the table has can be an ancestor's)
        (1..code.len()).filter(|&l| self.has_length(l)).any(|l| {
            code.get(..l).is_some_and(|p| match lane {
                Some(lane) => self.lane_codes.contains(&(lane, p)),
                None => self.first.contains_key(p),
            })
        })
    }
}

impl<'a> Ctx<'a> {
    pub(crate) fn new(doc: &'a Document, catalog: &'a Catalog, policy: &'a Policy) -> Ctx<'a> {
        let mut index = HashMap::default();
        for t in &doc.tables {
            index
                .entry(t.key.as_str())
                .or_insert_with(|| CodeIndex::of(t));
        }
        let claims = crate::claims::extract_all(doc);
        Ctx {
            doc,
            catalog,
            policy,
            coarse_narrative: coarse_narrative(&claims),
            claims,
            index,
            targets: doc
                .performance
                .iter()
                .map(|p| {
                    p.indicators
                        .iter()
                        .map(|i| crate::indicator::parse_target(&i.value))
                        .collect()
                })
                .collect(),
        }
    }

    /// The target of indicator `indicator` of 绩效目标表 `table`.
    pub(crate) fn target(
        &self,
        table: usize,
        indicator: usize,
    ) -> Option<&crate::indicator::Target> {
        self.targets.get(table)?.get(indicator)
    }

    /// The first row of `table` printing `code` (as [`Table::row_by_code`], in constant time).
    pub(crate) fn row(&self, table: &'a Table, code: &str) -> Option<&'a Row> {
        match self.index.get(table.key.as_str()) {
            Some(ix)
                if self
                    .doc
                    .table(&table.key)
                    .is_some_and(|t| std::ptr::eq(t, table)) =>
            {
                ix.first.get(code).copied()
            }
            _ => table.row_by_code(code),
        }
    }

    /// The index of `table`, when it is the document's table of that key.
    pub(crate) fn index_of(&self, table: &'a Table) -> Option<&CodeIndex<'a>> {
        self.index.get(table.key.as_str()).filter(|_| {
            self.doc
                .table(&table.key)
                .is_some_and(|t| std::ptr::eq(t, table))
        })
    }

    /// The basis of the document's own figures: 决算数 in final accounts, 预算数 otherwise.
    pub(crate) fn current_basis(&self) -> crate::model::Basis {
        if self.doc.meta.kind == Some(crate::model::DocKind::FinalAccounts) {
            crate::model::Basis::Actual
        } else {
            crate::model::Basis::Budget
        }
    }

    pub(crate) fn table(&self, key: &TableKey) -> Option<&'a Table> {
        self.doc.tables.iter().find(|t| t.key == *key)
    }
}

/// A printed cell: table, row and column index.
#[derive(Clone, Copy)]
pub(crate) struct CellRef<'a> {
    pub(crate) table: &'a Table,
    pub(crate) row: &'a Row,
    pub(crate) col: usize,
}

impl<'a> CellRef<'a> {
    /// The cell of `row` in the column with `key` in the row's lane.
    pub(crate) fn at(table: &'a Table, row: &'a Row, key: ColumnKey) -> Option<CellRef<'a>> {
        let col = table.column_in_lane(key, row.lane)?;
        row.cell_at(col)?;
        Some(CellRef { table, row, col })
    }

    pub(crate) fn cell(&self) -> Option<&'a Cell> {
        self.row.cell_at(self.col)
    }

    fn unit(&self) -> Unit {
        self.table.unit.unwrap_or(Unit::Yuan)
    }

    /// The value in 元 and its half-unit of printed precision in 元.
    pub(crate) fn value(&self) -> Val {
        match self.cell().map(|c| &c.value) {
            Some(CellValue::Amount(n)) => {
                Val::of(&crate::amount::Amount::new(n.value, self.unit()))
            }
            Some(CellValue::Blank | CellValue::Dash) => Val::Blank,
            Some(_) | None => Val::Unreadable,
        }
    }

    /// Printed decimals of the cell (for formatting), when it holds a number.
    fn decimals(&self) -> Option<u32> {
        self.cell()
            .and_then(|c| c.value.number())
            .map(|v| v.scale())
    }

    /// The column's name for messages and evidence (`合计`, `2025年公务接待费`).
    pub(crate) fn column_name(&self) -> String {
        column_name(self.table, self.col)
    }

    /// The row's name for messages: `「label」(code)`.
    pub(crate) fn row_name(&self) -> String {
        row_name(self.row)
    }

    pub(crate) fn evidence(&self) -> Evidence {
        Evidence {
            table: self.table.key.to_string(),
            row: Some(self.row.key()),
            column: Some(self.column_name()),
            text: self
                .cell()
                .map(|c| String::from(&c.text))
                .unwrap_or_default(),
            line: self.cell().map_or(self.row.line, |c| c.line),
            page: None,
            bbox: self.cell().and_then(|c| c.bbox),
        }
    }

    /// `T05 「合计」 合计` style location.
    pub(crate) fn location(&self) -> (String, String) {
        let row = self.row_name();
        let zh = if row.is_empty() {
            format!("{} {}", self.table.title_short(), self.column_name())
        } else {
            format!(
                "{}「{row}」{}",
                self.table.title_short(),
                self.column_name()
            )
        };
        let en = format!(
            "{} row {} column {}",
            self.table.key,
            self.row.key(),
            self.column_name()
        );
        (zh, en)
    }
}

pub(crate) fn column_name(table: &Table, col: usize) -> String {
    table
        .columns
        .get(col)
        .map_or_else(|| "?".to_owned(), crate::model::Column::name)
}

pub(crate) fn row_name(row: &Row) -> String {
    let label = row.label.trim();
    match (&row.code, label.is_empty()) {
        (Some(code), false) => format!("{code} {}", crate::text::strip_numbering(label)),
        (Some(code), true) => String::from(code),
        (None, false) => crate::text::strip_numbering(label).to_owned(),
        (None, true) if row.total => "合计".to_owned(),
        (None, true) => String::new(),
    }
}

impl Table {
    /// The title without year and numbering, for messages.
    pub(crate) fn title_short(&self) -> String {
        let t = self.title.trim();
        t.to_owned()
    }
}

/// A printed figure a comparison can use: a table cell or a number of the narrative.
pub(crate) trait Figure {
    /// The value in 元 (money) or as printed (percent, count), with half its last printed unit.
    fn value(&self) -> Val;
    /// Printed decimals.
    fn decimals(&self) -> Option<u32>;
    /// The unit figures are shown in.
    fn unit(&self) -> Unit;
    /// What the finding rests on.
    fn evidence(&self) -> Evidence;
    /// Where it is, in Chinese and English.
    fn location(&self) -> (String, String);
    /// table, row and column of a finding about it.
    fn at(&self) -> (Option<String>, Option<String>, Option<String>);
    /// As printed.
    fn text(&self) -> String;
    /// Half a unit of the last printed digit, in 元, of an amount the narrative prints with
    /// fewer than two decimals of 万元 or 亿元 (`None` for table cells and other figures).
    fn coarse_half(&self) -> Option<Decimal> {
        None
    }
}

impl Figure for CellRef<'_> {
    fn value(&self) -> Val {
        CellRef::value(self)
    }
    fn decimals(&self) -> Option<u32> {
        CellRef::decimals(self)
    }
    fn unit(&self) -> Unit {
        self.table.unit.unwrap_or(Unit::Yuan)
    }
    fn evidence(&self) -> Evidence {
        CellRef::evidence(self)
    }
    fn location(&self) -> (String, String) {
        CellRef::location(self)
    }
    fn at(&self) -> (Option<String>, Option<String>, Option<String>) {
        (
            Some(self.table.key.to_string()),
            Some(self.row.key()),
            Some(self.column_name()),
        )
    }
    fn text(&self) -> String {
        self.cell()
            .map(|c| String::from(&c.text))
            .unwrap_or_default()
    }
}

/// A number stated in the narrative, as a figure.
#[derive(Clone, Copy)]
pub(crate) struct Said<'a> {
    pub(crate) q: &'a crate::claims::Quantity,
    pub(crate) claim: &'a crate::claims::Claim,
    /// What the number is of the claim (`金额`, `增减额`, `上年数` …).
    pub(crate) what: &'static str,
}

impl Figure for Said<'_> {
    fn value(&self) -> Val {
        // an amount in prose, read to the cent of its unit ([`Printed::stated_money`]); a
        // percentage or a count as printed
        match self.q.unit() {
            Some(unit) => {
                Printed::stated_money(self.q.value, unit).map_or(Val::Unreadable, Val::Num)
            }
            None => Val::Num(Printed::stated(self.q.value)),
        }
    }
    fn decimals(&self) -> Option<u32> {
        Some(self.q.value.scale())
    }
    fn unit(&self) -> Unit {
        self.q.unit().unwrap_or(Unit::Yuan)
    }
    fn evidence(&self) -> Evidence {
        Evidence {
            table: "narrative".to_owned(),
            row: Some(self.claim.subject.key()),
            column: Some(self.what.to_owned()),
            text: self.q.text.clone(),
            line: self.q.line,
            page: None,
            bbox: None,
        }
    }
    fn location(&self) -> (String, String) {
        (
            format!(
                "情况说明第{}行「{}」{}",
                self.q.line,
                self.claim.label.trim(),
                self.what
            ),
            format!(
                "narrative line {} ({}) {}",
                self.q.line,
                self.claim.subject.key(),
                self.what
            ),
        )
    }
    fn at(&self) -> (Option<String>, Option<String>, Option<String>) {
        (
            Some("narrative".to_owned()),
            Some(self.claim.subject.key()),
            Some(self.what.to_owned()),
        )
    }
    fn text(&self) -> String {
        self.q.text.clone()
    }
    fn coarse_half(&self) -> Option<Decimal> {
        let scale = self.q.value.scale();
        match self.q.unit() {
            Some(u @ (Unit::WanYuan | Unit::YiYuan)) if scale < 2 && !self.q.value.is_zero() => {
                Decimal::new(5, scale + 1).checked_mul(u.in_yuan())
            }
            _ => None,
        }
    }
}

/// A cell's value for arithmetic.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Val {
    /// A number in 元 (money; a percentage or count as printed), as the interval of its printed
    /// precision.
    Num(Printed),
    /// Nothing printed (counts as zero).
    Blank,
    /// Text or an unreadable number.
    Unreadable,
}

impl Val {
    /// A printed amount in 元 (unreadable when it does not fit a decimal in 元).
    pub(crate) fn of(amount: &crate::amount::Amount) -> Val {
        Printed::of_amount(amount).map_or(Val::Unreadable, Val::Num)
    }

    pub(crate) fn yuan_or_zero(self) -> Option<Decimal> {
        match self {
            Val::Num(p) => Some(p.value),
            Val::Blank => Some(Decimal::ZERO),
            Val::Unreadable => None,
        }
    }

    pub(crate) fn is_zero_or_blank(self) -> bool {
        match self {
            Val::Num(p) => p.value.is_zero(),
            Val::Blank => true,
            Val::Unreadable => false,
        }
    }
}

pub(crate) use crate::figure::Relation;

/// The words of an identity for messages: `合计 = 基本支出 + 项目支出`.
pub(crate) struct Words {
    pub(crate) zh: Cow<'static, str>,
    pub(crate) en: Cow<'static, str>,
}

impl Words {
    pub(crate) fn new(zh: impl Into<Cow<'static, str>>, en: impl Into<Cow<'static, str>>) -> Words {
        Words {
            zh: zh.into(),
            en: en.into(),
        }
    }
}

/// Something that can say what a comparison is about; built only when a message is needed.
pub(crate) trait Describe {
    fn words(&self) -> Words;
}

impl Describe for Words {
    fn words(&self) -> Words {
        Words {
            zh: self.zh.clone(),
            en: self.en.clone(),
        }
    }
}

impl<F: Fn() -> Words> Describe for F {
    fn words(&self) -> Words {
        self()
    }
}

/// Formats an amount with at least `dp` decimals.
pub(crate) fn fmt_amount(d: Decimal, dp: u32) -> String {
    let mut x = d.normalize();
    if x.scale() < dp {
        x.rescale(dp);
    }
    x.to_string()
}

/// The two figures of a one-against-one relation, in 元.
fn one_to_one(vals: &[Val], lhs: usize) -> Option<(Printed, Printed)> {
    match (vals.get(..lhs)?, vals.get(lhs..)?) {
        ([Val::Num(a)], [Val::Num(b)]) => Some((*a, *b)),
        _ => None,
    }
}

/// One figure against another that is 10,000 times it (元 printed as 万元 or the reverse), within
/// the rounding of both.
fn unit_slip(vals: &[Val], lhs: usize) -> bool {
    let Some((a, b)) = one_to_one(vals, lhs) else {
        return false;
    };
    let wan = Decimal::from(10_000);
    // the same digits under the other unit: equal within the rounding of the printed figures,
    // not within 10,000 times it
    let near = |big: Printed, small: Printed| {
        !small.value.is_zero()
            && small.value.checked_mul(wan).is_some_and(|s| {
                big.value
                    .checked_sub(s)
                    .zip(big.half_ulp.checked_add(small.half_ulp))
                    .is_some_and(|(d, e)| d.abs() <= e)
            })
    };
    near(a, b) || near(b, a)
}

/// One figure against one printed more coarsely (`16497.86万元` against `164,978,640元`): equal
/// when the finer one, rounded to the coarser one's last place, is the coarser one.
fn rounds_to(vals: &[Val], lhs: usize, relation: Relation) -> bool {
    let Some((a, b)) = one_to_one(vals, lhs) else {
        return false;
    };
    if a.half_ulp == b.half_ulp || relation != Relation::Eq {
        return false;
    }
    let (coarse, fine) = if a.half_ulp > b.half_ulp {
        (a, b)
    } else {
        (b, a)
    };
    coarse
        .half_ulp
        .checked_add(coarse.half_ulp)
        .is_some_and(|quantum| {
            crate::figure::rounds_to(
                coarse.value,
                fine.value,
                quantum,
                rust_decimal::RoundingStrategy::MidpointAwayFromZero,
            )
        })
}

/// The coarse and the fine figure of a one-to-one equality, when one of them prints fewer
/// decimals of 万元 or 亿元 than the other: (coarse value in yuan, its unit, its decimals, fine
/// value in yuan).
fn coarse_fine(
    lhs: &[&dyn Figure],
    rhs: &[&dyn Figure],
    relation: Relation,
    vals: &[Val],
) -> Option<(Decimal, Decimal, u32, Decimal)> {
    if relation != Relation::Eq || lhs.len() != 1 || rhs.len() != 1 {
        return None;
    }
    let (Some(a), Some(b)) = (lhs.first(), rhs.first()) else {
        return None;
    };
    let (Some(Val::Num(Printed { value: ya, .. })), Some(Val::Num(Printed { value: yb, .. }))) =
        (vals.first(), vals.get(1))
    else {
        return None;
    };
    let coarse_of = |f: &&dyn Figure| {
        matches!(f.unit(), Unit::WanYuan | Unit::YiYuan)
            .then(|| f.decimals())
            .flatten()
    };
    let (ca, cb) = (coarse_of(a), coarse_of(b));
    let da = a.decimals().unwrap_or(0);
    let db = b.decimals().unwrap_or(0);
    match (ca, cb) {
        (Some(d), _) if !ya.is_zero() && (cb.is_none() || d < db) => {
            Some((*ya, a.unit().in_yuan(), d, *yb))
        }
        (_, Some(d)) if !yb.is_zero() && (ca.is_none() || d < da) => {
            Some((*yb, b.unit().in_yuan(), d, *ya))
        }
        _ => None,
    }
}

/// A narrative figure printed to `dp` decimals (whole 万元: 0; one decimal: 1) of a finer table
/// figure that rounds to it ("12,345万元" for a total of 123,449,876 元; "7,713.5万元" for
/// 7,713.47): at 0 decimals the equality holds, at 1 it is a hint (a one-decimal figure may also
/// be a two-decimal one with its trailing zero dropped).
fn rounds_at(
    lhs: &[&dyn Figure],
    rhs: &[&dyn Figure],
    relation: Relation,
    vals: &[Val],
    dp: u32,
) -> bool {
    coarse_is(
        lhs,
        rhs,
        relation,
        vals,
        rust_decimal::RoundingStrategy::MidpointAwayFromZero,
    ) == Some(dp)
}

/// The decimals of the coarser figure of a one-to-one equality when the finer one, brought to
/// them with `strategy`, equals it; `None` otherwise.
fn coarse_is(
    lhs: &[&dyn Figure],
    rhs: &[&dyn Figure],
    relation: Relation,
    vals: &[Val],
    strategy: rust_decimal::RoundingStrategy,
) -> Option<u32> {
    let (coarse, unit, dp, fine) = coarse_fine(lhs, rhs, relation, vals)?;
    let quantum = Decimal::new(1, dp.min(28)).checked_mul(unit)?;
    crate::figure::rounds_to(coarse, fine, quantum, strategy).then_some(dp)
}

/// How much wider than the envelope the intervals of figures printed to fewer than two decimals
/// of 万元 (or 亿元) are: whole units are rounded ("7,713万元", ±0.5 万元), one decimal may be
/// truncated ("7,713.4万元", up to 0.1 万元 more), so an inequality satisfied only inside those
/// intervals is a hint, not an error.
fn coarse_slack(all: &[&dyn Figure]) -> Decimal {
    all.iter()
        .filter(|f| matches!(f.unit(), Unit::WanYuan | Unit::YiYuan))
        .filter_map(|f| {
            let d = f.decimals().filter(|d| *d < 2)?;
            match f.value() {
                // whole units are rounded (±0.5); one decimal may be a truncation (+0.1)
                Val::Num(p) if !p.value.is_zero() => f.unit().in_yuan().checked_mul(if d == 0 {
                    Decimal::new(5, 1)
                } else {
                    Decimal::new(1, 1)
                }),
                _ => None,
            }
        })
        .fold(Decimal::ZERO, Decimal::saturating_add)
}

/// How much further than the rounding envelope a sum or difference of figures some of which are
/// printed to fewer than two decimals of 万元 (or 亿元) may be off when they were cut rather than
/// rounded: each may be a whole unit of its last digit off, not half of one (`三公 51万元 = 29 +
/// 11 + 10` of 29.6, 11.6 and 10.4).
fn coarse_sum_slack(all: &[&dyn Figure]) -> Decimal {
    all.iter()
        .filter_map(|f| f.coarse_half())
        .fold(Decimal::ZERO, Decimal::saturating_add)
}

/// The equality holds only if the coarse figure was truncated rather than rounded (876,580 元
/// stated as 87.65万元): a hint, not an error.
fn truncates_to(
    lhs: &[&dyn Figure],
    rhs: &[&dyn Figure],
    relation: Relation,
    vals: &[Val],
) -> bool {
    coarse_is(
        lhs,
        rhs,
        relation,
        vals,
        rust_decimal::RoundingStrategy::ToZero,
    )
    .is_some()
}

/// Collects the instances of one check run.
pub(crate) struct Emitter<'p> {
    pub(crate) findings: Vec<Finding>,
    pub(crate) policy: &'p Policy,
    /// Counts of every instance, kept or not.
    pub(crate) summary: Summary,
    /// Keep pass instances as findings (otherwise they are only counted).
    keep_passes: bool,
    rule: &'static str,
    /// The most severe finding the current rule reports.
    cap: super::RuleSeverity,
    /// The document's template and the table keys it defines (empty: unknown, as for a narrative
    /// read on its own).
    template: (&'p str, &'p [crate::model::TableKey]),
    /// The failed equalities among the findings, for merging those one figure explains.
    pub(crate) gaps: Vec<super::cause::Gap>,
    /// The failed stated rates among the findings (finding index, the rate relation), for
    /// joining those a wrong figure explains to that figure's finding.
    pub(crate) rates: Vec<(usize, super::cause::Rate)>,
    /// The tables each rule has reported missing (one instance per rule and table).
    missing: Vec<(&'static str, TableKey)>,
    /// The narrative rounds its amounts ([`Ctx::coarse_narrative`]): a narrative amount with
    /// fewer than two decimals stands for the interval of its printed digits.
    pub(crate) coarse_narrative: bool,
}

/// What a failed instance reports: its severity, its messages (Chinese, English) and, for a
/// numeric comparison, the expected, actual and difference figures with their unit.
pub(crate) type Failure<M = Message> = (Severity, M, Option<(String, String, String, String)>);

impl<'p> Emitter<'p> {
    pub(crate) fn new(
        policy: &'p Policy,
        keep_passes: bool,
        template: (&'p str, &'p [crate::model::TableKey]),
    ) -> Emitter<'p> {
        Emitter {
            findings: Vec::new(),
            policy,
            summary: Summary::default(),
            keep_passes,
            rule: "",
            cap: super::RuleSeverity::Error,
            template,
            gaps: Vec::new(),
            rates: Vec::new(),
            missing: Vec::new(),
            coarse_narrative: false,
        }
    }

    /// Whether the document's template has no table `key` at all (as opposed to a table missing
    /// from the document).
    pub(crate) fn not_in_template(&self, key: &TableKey) -> bool {
        !self.template.1.is_empty() && !self.template.1.iter().any(|k| k == key)
    }

    /// Records a pass built by `build` (location, messages, evidence) when passes are kept, and
    /// only counts it otherwise.
    pub(crate) fn pass<M: Into<Message>>(
        &mut self,
        build: impl FnOnce() -> (
            (Option<String>, Option<String>, Option<String>),
            M,
            Vec<Evidence>,
        ),
    ) {
        if self.count_only_pass(Outcome::Pass) {
            return;
        }
        let (at, msg, evidence) = build();
        self.push(Outcome::Pass, Severity::Info, at, msg, None, evidence);
    }

    /// The common two-way ending of a rule instance: a pass (messages from `pass`) when `ok`,
    /// otherwise the failure `fail` builds (severity, messages, expected/actual/difference/unit).
    pub(crate) fn verdict<P: Into<Message>, F: Into<Message>>(
        &mut self,
        ok: bool,
        at: (Option<String>, Option<String>, Option<String>),
        evidence: Vec<Evidence>,
        pass: impl FnOnce() -> P,
        fail: impl FnOnce() -> Failure<F>,
    ) {
        if ok {
            self.pass(|| (at, pass(), evidence));
        } else {
            let (severity, message, numbers) = fail();
            self.push(Outcome::Fail, severity, at, message, numbers, evidence);
        }
    }

    /// Counts a pass without recording it; true when it was only counted.
    fn count_only_pass(&mut self, outcome: Outcome) -> bool {
        if outcome == Outcome::Pass && !self.keep_passes {
            self.summary.pass += 1;
            return true;
        }
        false
    }

    /// Notes that the finding just recorded is a failed stated rate.
    pub(crate) fn rate_failed(&mut self, rate: super::cause::Rate) {
        if let Some(last) = self.findings.len().checked_sub(1) {
            self.rates.push((last, rate));
        }
    }

    /// Sets the rule the following instances belong to, and the most severe finding it reports.
    pub(crate) fn rule(&mut self, id: &'static str, cap: super::RuleSeverity) {
        self.rule = id;
        self.cap = cap;
    }

    /// Records an instance.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn push(
        &mut self,
        outcome: Outcome,
        severity: Severity,
        at: (Option<String>, Option<String>, Option<String>),
        message: impl Into<Message>,
        numbers: Option<(String, String, String, String)>,
        evidence: Vec<Evidence>,
    ) {
        if self.count_only_pass(outcome) {
            return;
        }
        let message: Message = message.into();
        // the rule's severity caps its failures: a warning-level rule fails with a warning at
        // most, a hint-level rule only hints
        let (outcome, severity) = match (outcome, self.cap) {
            (Outcome::Fail, super::RuleSeverity::Hint) => (Outcome::Hint, Severity::Info),
            (Outcome::Fail, super::RuleSeverity::Warning) if severity == Severity::Error => {
                (Outcome::Fail, Severity::Warning)
            }
            (Outcome::Fail, _) => (outcome, severity),
            _ => (outcome, Severity::Info),
        };
        let (expected, actual, difference, unit) = match numbers {
            Some((e, a, d, u)) => (Some(e), Some(a), Some(d), Some(u)),
            None => (None, None, None, None),
        };
        self.summary.add(outcome, severity);
        self.findings.push(Finding {
            rule: self.rule.to_owned(),
            outcome,
            severity,
            message_id: message.id.to_owned(),
            message: message.zh,
            message_en: message.en,
            table: at.0,
            row: at.1,
            column: at.2,
            expected,
            actual,
            difference,
            unit,
            evidence,
            related: Vec::new(),
        });
    }

    /// An instance that could not be evaluated, with the reason (a rendered template).
    pub(crate) fn insufficient_why(
        &mut self,
        table: Option<&str>,
        why: Message,
        evidence: Vec<Evidence>,
    ) {
        self.unchecked(Outcome::InsufficientData, table, why, evidence);
    }

    /// An instance not checked (`outcome`: not applicable or insufficient data) for the reason
    /// `why`: the message of that outcome around the reason, with the reason's id.
    fn unchecked(
        &mut self,
        outcome: Outcome,
        table: Option<&str>,
        why: Message,
        evidence: Vec<Evidence>,
    ) {
        let Message { id, zh, en } = why;
        let why = (zh.as_str(), en.as_str());
        let m = if outcome == Outcome::NotApplicable {
            msg!(NOT_APPLICABLE, why = why)
        } else {
            msg!(NOT_CHECKED, why = why)
        };
        self.push(
            outcome,
            Severity::Info,
            (table.map(str::to_owned), None, None),
            Message { id, ..m },
            None,
            evidence,
        );
    }

    /// An instance whose condition does not hold, with the reason (a rendered template).
    pub(crate) fn not_applicable_why(
        &mut self,
        table: Option<&str>,
        why: Message,
        evidence: Vec<Evidence>,
    ) {
        self.unchecked(Outcome::NotApplicable, table, why, evidence);
    }

    /// A comparison whose sums do not fit a decimal.
    fn overflowed(&mut self, head: &dyn Figure) -> Outcome {
        let loc = head.location();
        self.push(
            Outcome::InsufficientData,
            Severity::Info,
            head.at(),
            msg!(SUM_OVERFLOW, loc = &loc),
            None,
            vec![head.evidence()],
        );
        Outcome::InsufficientData
    }

    /// A missing table makes the rule's instances insufficient (not applicable when the
    /// template has no such table, or when only the narrative was read).
    pub(crate) fn missing_table(&mut self, key: &TableKey) {
        // one instance per rule and table: a rule that needs the table for several checks
        // (one per column, per sub-table) is one cause
        if self
            .missing
            .iter()
            .any(|(r, k)| *r == self.rule && k == key)
        {
            return;
        }
        self.missing.push((self.rule, key.to_owned()));
        if self.template.0 == crate::model::DocumentMeta::NARRATIVE_ONLY {
            self.not_applicable_why(Some(key), msg!(WHY_NARRATIVE_ONLY, table = key), Vec::new());
            return;
        }
        if self.not_in_template(key) {
            let name = self.template.0;
            let why = msg!(WHY_NOT_IN_TEMPLATE, table = key, template = name);
            self.not_applicable_why(Some(key), why, Vec::new());
            return;
        }
        self.insufficient_why(Some(key), msg!(WHY_TABLE_MISSING, table = key), Vec::new());
    }

    /// Compares the sum of `lhs` (usually one printed total) with the sum of `rhs` (or checks
    /// `Σ lhs ≤ Σ rhs`) under the rounding envelope, and records the instance at the first `lhs`
    /// cell. Nothing is recorded when every figure is blank. Returns the outcome when an instance
    /// was recorded.
    pub(crate) fn compare(
        &mut self,
        lhs: &[CellRef<'_>],
        rhs: &[CellRef<'_>],
        relation: Relation,
        what: &dyn Describe,
        severity: Severity,
    ) -> Option<Outcome> {
        let all: Vec<&dyn Figure> = lhs.iter().chain(rhs).map(|c| c as &dyn Figure).collect();
        self.judge_figs(&all, lhs.len(), relation, what, severity)
    }

    /// [`Emitter::compare`] for any figures (table cells and numbers of the narrative).
    pub(crate) fn compare_figs(
        &mut self,
        lhs: &[&dyn Figure],
        rhs: &[&dyn Figure],
        relation: Relation,
        what: &dyn Describe,
        severity: Severity,
    ) -> Option<Outcome> {
        let all: Vec<&dyn Figure> = lhs.iter().chain(rhs).copied().collect();
        self.judge_figs(&all, lhs.len(), relation, what, severity)
    }

    /// [`Emitter::compare_figs`] of `all`, whose first `n` figures are the left side.
    fn judge_figs(
        &mut self,
        all: &[&dyn Figure],
        n: usize,
        relation: Relation,
        what: &dyn Describe,
        severity: Severity,
    ) -> Option<Outcome> {
        let (lhs, rhs) = all.split_at(n.min(all.len()));
        let head = *lhs.first()?;
        let coarse = self.coarse_narrative;
        // a coarse narrative amount stands for the interval of its last printed digit
        let vals: Vec<Val> = all
            .iter()
            .map(|f| match (f.value(), f.coarse_half().filter(|_| coarse)) {
                (Val::Num(p), Some(h)) => Val::Num(p.widened(h)),
                (v, _) => v,
            })
            .collect();
        let unreadable = all
            .iter()
            .zip(&vals)
            .find(|(_, v)| matches!(v, Val::Unreadable))
            .map(|(c, _)| *c);
        if unreadable.is_none() && vals.iter().all(|v| matches!(v, Val::Blank)) {
            return None;
        }
        // one judgement on the intervals (a blank counts as an exact zero); checked arithmetic:
        // a document built by hand (or read from JSON) may hold amounts whose sums overflow,
        // and those comparisons are not checked instead of panicking
        let printed = |v: &Val| match v {
            Val::Num(p) => *p,
            _ => Printed::exact(Decimal::ZERO),
        };
        let Some(judged) = crate::figure::judge_iter(
            vals.iter().take(lhs.len()).map(printed),
            vals.iter().skip(lhs.len()).map(printed),
            relation,
            self.policy.envelope_factor,
        ) else {
            return Some(self.overflowed(head));
        };
        let crate::figure::Judged {
            lhs: lhs_yuan,
            rhs: sum,
            difference: diff,
            excess,
            envelope,
            ..
        } = judged;
        // `Severity::Info` marks a soft comparison: beyond the envelope it is a hint, never a
        // fail. Beyond the envelope, a coarse figure that is the rounding or the truncation of a
        // finer one, or a sum of coarse figures each cut rather than rounded, is a hint too.
        let outcome = if unreadable.is_some() {
            Outcome::InsufficientData
        } else if judged.judgement == Judgement::Exact
            || rounds_to(&vals, lhs.len(), relation)
            || rounds_at(lhs, rhs, relation, &vals, 0)
        {
            Outcome::Pass
        } else if judged.judgement == Judgement::WithinRounding
            || severity == Severity::Info
            || truncates_to(lhs, rhs, relation, &vals)
            || rounds_at(lhs, rhs, relation, &vals, 1)
            || (relation == Relation::Le && excess < coarse_slack(all))
            || (relation == Relation::Eq
                && coarse
                && all.len() > 2
                && excess < envelope.saturating_add(coarse_sum_slack(all)))
        {
            Outcome::Hint
        } else {
            Outcome::Fail
        };
        if self.count_only_pass(outcome) {
            return Some(outcome);
        }
        let what = what.words();
        let evidence: Vec<Evidence> = all.iter().map(|f| f.evidence()).collect();
        let (loc_zh, loc_en) = head.location();
        let at = head.at();
        if let Some(bad) = unreadable {
            let text = bad.text();
            let loc = bad.location();
            let what = (what.zh.as_ref(), what.en.as_ref());
            self.push(
                Outcome::InsufficientData,
                Severity::Info,
                at,
                msg!(SUM_UNREADABLE, what = what, loc = &loc, text = &text),
                None,
                evidence,
            );
            return Some(Outcome::InsufficientData);
        }
        // Numbers in the first figure's unit, at the finest printed precision.
        let unit = head.unit();
        let factor = unit.in_yuan();
        let dp = all.iter().filter_map(|f| f.decimals()).max().unwrap_or(0);
        let show = |y: Decimal| fmt_amount(y.checked_div(factor).unwrap_or(y), dp);
        let (actual, expected, difference, env) =
            (show(lhs_yuan), show(sum), show(diff), show(envelope));
        let relation_words = match relation {
            Relation::Eq => ("应等于", "should equal"),
            Relation::Le => ("不应超过", "should not exceed"),
        };
        let template = match outcome {
            Outcome::Pass => &messages::SUM_PASS,
            Outcome::Hint if excess > envelope => &messages::SUM_SOFT,
            Outcome::Hint => &messages::SUM_ROUNDING,
            Outcome::Fail if relation == Relation::Eq && unit_slip(&vals, lhs.len()) => {
                &messages::SUM_UNIT_SLIP
            }
            _ => &messages::SUM_FAIL,
        };
        let loc = (loc_zh.as_str(), loc_en.as_str());
        let message = msg!(
            @template,
            loc = loc,
            actual = &actual,
            expected = &expected,
            difference = &difference,
            envelope = &env,
            unit = unit.as_str(),
            relation = relation_words,
            what = (what.zh.as_ref(), what.en.as_ref()),
        );
        if outcome == Outcome::Fail && severity == Severity::Error {
            self.gaps.push(super::cause::Gap {
                finding: self.findings.len(),
                diff,
                envelope,
                at_most: relation == Relation::Le,
                what: (what.zh.to_string(), what.en.to_string()),
                terms: all
                    .iter()
                    .zip(&vals)
                    .enumerate()
                    .map(|(i, (f, v))| super::cause::Term {
                        sign: if i < lhs.len() { 1 } else { -1 },
                        yuan: v.yuan_or_zero().unwrap_or_default(),
                        unit: f.unit(),
                        decimals: f.decimals().unwrap_or(0),
                        location: f.location(),
                    })
                    .collect(),
            });
        }
        self.push(
            outcome,
            severity,
            at,
            message,
            Some((expected, actual, difference, unit.as_str().to_owned())),
            evidence,
        );
        Some(outcome)
    }
}

#[cfg(test)]
mod tests {
    use super::super::RuleSeverity;
    use super::*;

    fn fail(em: &mut Emitter<'_>, rule: &'static str, cap: RuleSeverity, severity: Severity) {
        em.rule(rule, cap);
        em.push(
            Outcome::Fail,
            severity,
            (None, None, None),
            msg!(NOT_CHECKED, why = ("不符", "fails")),
            None,
            Vec::new(),
        );
    }

    #[test]
    fn a_rule_severity_caps_its_failures() {
        let policy = Policy::default();
        let mut em = Emitter::new(&policy, false, ("", &[]));
        fail(&mut em, "E", RuleSeverity::Error, Severity::Error);
        fail(&mut em, "W", RuleSeverity::Warning, Severity::Error);
        fail(&mut em, "w", RuleSeverity::Warning, Severity::Warning);
        fail(&mut em, "H", RuleSeverity::Hint, Severity::Error);
        let got: Vec<(&str, Outcome, Severity)> = em
            .findings
            .iter()
            .map(|f| (f.rule.as_str(), f.outcome, f.severity))
            .collect();
        assert_eq!(
            got,
            [
                ("E", Outcome::Fail, Severity::Error),
                ("W", Outcome::Fail, Severity::Warning),
                ("w", Outcome::Fail, Severity::Warning),
                ("H", Outcome::Hint, Severity::Info),
            ]
        );
        assert_eq!(
            (em.summary.error, em.summary.warning, em.summary.hint),
            (1, 2, 1)
        );
    }
}
