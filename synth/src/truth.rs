//! What a synthetic document states, for comparing with what the parser reads back.

use std::collections::HashSet;

use rust_decimal::Decimal;
use yusuan::{Basis, CellValue, ColumnKey, DocLevel, Document, LineItem, Row, Side, Table};

/// How a printed row is found again in the parsed table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowKey {
    /// By its full classification code.
    Code(String),
    /// By the line item of a summary table.
    Item(LineItem),
    /// The 合计 row.
    Total,
    /// By its printed label (projects).
    Label(String),
    /// The table's only data row (the "三公" table).
    Only,
}

/// One printed amount cell: `None` is printed blank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellTruth {
    /// The column's key.
    pub column: ColumnKey,
    /// The year in the column's header, where it prints one.
    pub year: Option<u16>,
    /// 预算数 or 决算数, where the column's header says (the "三公" table of a 决算).
    pub basis: Option<Basis>,
    /// The amount, in the table's unit.
    pub value: Option<Decimal>,
}

/// One printed row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowTruth {
    /// How to find it.
    pub key: RowKey,
    /// Its side, in two-sided tables.
    pub side: Option<Side>,
    /// Its amount cells.
    pub cells: Vec<CellTruth>,
    /// 1-based source line.
    pub line: u32,
}

/// One printed table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableTruth {
    /// `T01` … `T12`.
    pub key: String,
    /// Printed empty, with a statement.
    pub empty: bool,
    /// Its rows.
    pub rows: Vec<RowTruth>,
}

/// What a narrative number states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimKind {
    /// 收入预算 total (= T01 本年收入合计).
    IncomeTotal,
    /// 一般公共预算收入.
    GeneralPublicIncome,
    /// 政府性基金预算收入.
    GovFundIncome,
    /// 支出预算 total (= T01 本年支出合计).
    ExpenditureTotal,
    /// 基本支出.
    Basic,
    /// 项目支出.
    Project,
    /// Change of the total from last year.
    TotalChange,
    /// Percentage change of the total.
    TotalChangePercent,
    /// "三公" total.
    SanGongTotal,
    /// "三公" total's change.
    SanGongChange,
    /// "三公" total's percentage change.
    SanGongChangePercent,
    /// 因公出国（境）费.
    Abroad,
    /// 公务用车购置及运行费.
    Vehicles,
    /// 公务用车购置费.
    VehiclePurchase,
    /// 公务用车运行维护费.
    VehicleOperation,
    /// 公务接待费.
    Reception,
    /// 机关运行经费.
    OperatingCosts,
    /// 政府采购 total.
    Procurement,
    /// 政府采购 goods.
    ProcurementGoods,
    /// 政府采购 works.
    ProcurementWorks,
    /// 政府采购 services.
    ProcurementServices,
    /// Number of projects with performance targets.
    ProjectCount,
    /// A 功能分类 项 of 财政拨款支出主要内容 (= its T05 合计).
    Item,
    /// 收入支出总计 of a 决算 (= T01 总计).
    Total,
    /// 财政拨款收入支出总计 of a 决算 (= T04 总计).
    FiscalTotal,
    /// 财政拨款收入 of a 决算.
    FiscalIncome,
    /// 事业收入.
    BusinessIncome,
    /// 上级补助收入.
    SuperiorSubsidy,
    /// 经营收入.
    OperatingIncome,
    /// 经营支出.
    OperatingExpense,
    /// 其他收入.
    OtherIncome,
    /// 一般公共预算财政拨款支出 (= T05 合计).
    GeneralPublicExpenditure,
    /// 政府性基金预算财政拨款支出.
    GovFundExpenditure,
    /// A 功能分类 类 of the general public budget (= its T05 合计).
    Class,
    /// A 年初预算 figure of a 决算.
    Budgeted,
    /// The "三公" 年初预算.
    SanGongBudget,
    /// 人员经费.
    Personnel,
    /// 公用经费.
    Public,
    /// A share in percent (`占x%`).
    Share,
    /// A completion rate in percent (`完成预算的x%`).
    Completion,
}

/// A number stated in the narrative, where it is printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    /// What it states.
    pub kind: ClaimKind,
    /// 1-based source line.
    pub line: u32,
    /// The number as printed (`7,713.47`, `226.6`, `32.83`).
    pub printed: String,
    /// Its value (万元, percent or a count).
    pub value: Decimal,
}

/// The funding of one 绩效目标表.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PerformanceTruth {
    /// 项目名称.
    pub project: String,
    /// 年度预算资金总额 (万元).
    pub total: Decimal,
}

/// Everything a synthetic document states.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Truth {
    /// The publishing unit.
    pub unit: String,
    /// The budget year.
    pub year: u16,
    /// 部门 or 单位.
    pub level: DocLevel,
    /// The tables, T01 … T12.
    pub tables: Vec<TableTruth>,
    /// The 绩效目标表.
    pub performance: Vec<PerformanceTruth>,
    /// Numbers stated in the narrative.
    pub claims: Vec<Claim>,
}

/// The row `want` names: of the rows its key matches, the one on its line (a key printed twice,
/// as the fund lines of a 决算's 财政拨款收入支出决算总表 are, names each), else the first.
fn find_row<'t>(table: &'t Table, want: &RowTruth) -> Option<&'t Row> {
    if want.key == RowKey::Only {
        return table.rows.first();
    }
    let side_ok = |r: &Row| want.side.is_none() || r.side == want.side;
    let matches = |r: &&Row| {
        side_ok(r)
            && match &want.key {
                RowKey::Code(c) => r.code.as_deref() == Some(c),
                RowKey::Item(i) => r.item == Some(*i),
                RowKey::Total => r.total,
                RowKey::Label(l) => r.label.trim() == l,
                RowKey::Only => false,
            }
    };
    let mut candidates = table.rows.iter().filter(matches);
    let first = candidates.next()?;
    if first.line == want.line {
        return Some(first);
    }
    Some(candidates.find(|r| r.line == want.line).unwrap_or(first))
}

fn find_cell<'r>(table: &Table, row: &'r Row, want: &CellTruth) -> Option<&'r yusuan::Cell> {
    let idx = table.columns.iter().position(|c| {
        c.key == Some(want.column)
            && c.lane == row.lane
            && want.year.is_none_or(|y| c.year == Some(y))
            && want.basis.is_none_or(|b| c.basis == Some(b))
    })?;
    row.cell_at(idx)
}

impl Truth {
    /// Compares a parsed document with what was printed; returns every difference (empty when the
    /// document reads back exactly).
    #[must_use]
    pub fn compare(&self, doc: &Document) -> Vec<String> {
        let mut out = Vec::new();
        if doc.meta.unit.as_deref() != Some(yusuan::text::normalize_name(&self.unit).as_str()) {
            out.push(format!("unit: want {}, got {:?}", self.unit, doc.meta.unit));
        }
        if doc.meta.year != Some(self.year) {
            out.push(format!("year: want {}, got {:?}", self.year, doc.meta.year));
        }
        if doc.meta.level != Some(self.level) {
            out.push(format!(
                "level: want {:?}, got {:?}",
                self.level, doc.meta.level
            ));
        }
        for t in &self.tables {
            let Some(table) = doc.table(&t.key) else {
                out.push(format!("{}: table not found", t.key));
                continue;
            };
            if t.empty != table.is_empty_with_note() {
                out.push(format!(
                    "{}: printed empty = {}, read empty with note = {}",
                    t.key,
                    t.empty,
                    table.is_empty_with_note()
                ));
            }
            let mut matched: HashSet<*const Row> = HashSet::new();
            for want in &t.rows {
                let Some(row) = find_row(table, want) else {
                    out.push(format!(
                        "{} line {}: row {:?} not found",
                        t.key, want.line, want.key
                    ));
                    continue;
                };
                matched.insert(std::ptr::from_ref(row));
                if row.line != want.line {
                    out.push(format!(
                        "{} row {:?}: line {} read as {}",
                        t.key, want.key, want.line, row.line
                    ));
                }
                for c in &want.cells {
                    let cell = find_cell(table, row, c);
                    let ok = match (&c.value, cell.map(|x| &x.value)) {
                        (None, None | Some(CellValue::Blank | CellValue::Dash)) => true,
                        (Some(v), Some(CellValue::Amount(n))) => n.value == *v,
                        _ => false,
                    };
                    if !ok {
                        out.push(format!(
                            "{} line {} row {:?} column {:?}{}: want {:?}, got {:?}",
                            t.key,
                            want.line,
                            want.key,
                            c.column,
                            c.year.map(|y| format!(" {y}")).unwrap_or_default(),
                            c.value,
                            cell.map(|x| (&x.text, &x.value))
                        ));
                    }
                }
            }
            for row in &table.rows {
                let has_amount = row
                    .cells
                    .iter()
                    .any(|c| matches!(c.value, CellValue::Amount(_)));
                if has_amount && !matched.contains(&std::ptr::from_ref(row)) {
                    out.push(format!(
                        "{} line {}: unexpected row {}",
                        t.key,
                        row.line,
                        row.key()
                    ));
                }
            }
        }
        if doc.performance.len() != self.performance.len() {
            out.push(format!(
                "performance tables: want {}, got {}",
                self.performance.len(),
                doc.performance.len()
            ));
        }
        for (want, got) in self.performance.iter().zip(&doc.performance) {
            let total = got.funding_amount(yusuan::FundLine::Total).map(|a| a.value);
            if got.project != want.project || total != Some(want.total) {
                out.push(format!(
                    "performance: want {} {}, got {} {:?}",
                    want.project, want.total, got.project, total
                ));
            }
        }
        out
    }

    /// The printed table `key`.
    #[must_use]
    pub fn table(&self, key: &str) -> Option<&TableTruth> {
        self.tables.iter().find(|t| t.key == key)
    }
}
