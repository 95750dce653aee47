//! Rules across tables (X-…): the same money printed in two tables agrees, parts stay within
//! their wholes, and conditional identities hold when their condition does.

use crate::model::{ColumnKey as K, LineItem, Row, Side, Table, TableKey};
use crate::report::Severity;
use crate::template::Vocabulary;

use super::RuleDef;
use super::engine::{CellRef, Ctx, Emitter, Relation, Val, Words};
use super::messages::msg;

pub(super) fn rules() -> Vec<RuleDef> {
    vec![
        rule!(
            "X-01",
            Hard,
            ["T01", "T02"],
            "收入总体情况表合计 = 收支总体情况表本年收入（分来源）",
            "T02 totals equal the T01 income lines, source by source",
            x_01
        ),
        rule!(
            "X-02",
            Hard,
            ["T01", "T03"],
            "支出总体情况表合计 = 收支总体情况表本年支出（分类）",
            "T03 totals equal the T01 expenditure lines, 类 by 类",
            x_02
        ),
        rule!(
            "X-03",
            Conditional,
            ["T02", "T03"],
            "按功能科目：收入总体情况表合计 = 支出总体情况表合计",
            "per functional code: T02 total equals T03 total",
            x_03,
            "a budget (not final accounts) whose T02 is laid out by functional code, with no carry-forward or carry-over printed"
        ),
        rule!(
            "X-04",
            Hard,
            ["T01", "T04"],
            "财政拨款收支总体情况表收入 = 收支总体情况表财政拨款收入",
            "T04 income equals the T01 fiscal-grant lines (and T01 totals equal T04 totals when there is no non-fiscal income)",
            x_04
        ),
        rule!(
            "X-05",
            Hard,
            ["T04", "T05"],
            "财政拨款收支总体情况表一般公共预算支出 = 一般公共预算支出情况表（合计及分类）",
            "the T04 general-public column equals T05, in total and per 类",
            x_05
        ),
        rule!(
            "X-06",
            Hard,
            ["T04", "T08", "T09"],
            "财政拨款收支总体情况表政府性基金/国有资本经营支出 = 对应功能分类表",
            "the T04 fund columns equal T08 and T09",
            x_06
        ),
        rule!(
            "X-07",
            Conditional,
            ["T03", "T05", "T08", "T09"],
            "按功能科目：一般公共预算 + 政府性基金 + 国有资本经营 ≤ 支出总体情况表（无非财政拨款收入时相等）",
            "per functional code: T05 + T08 + T09 ≤ T03 (equal when all income is fiscal)",
            x_07,
            "equality only when the unit has no non-fiscal income or balances carried forward"
        ),
        rule!(
            "X-08",
            Hard,
            ["T05", "T06"],
            "一般公共预算支出情况表基本支出 = 一般公共预算基本支出情况表合计（含人员、公用）",
            "T05 basic expenditure equals T06 (total, personnel, public)",
            x_08
        ),
        rule!(
            "X-09",
            Conditional,
            ["T03", "T06"],
            "支出总体情况表基本支出 = 一般公共预算基本支出情况表合计",
            "T03 basic expenditure equals T06 when all basic expenditure is general-public funded",
            x_09,
            "all basic expenditure is funded from the general public budget"
        ),
        rule!(
            "X-10",
            Hard,
            ["T03", "T06", "T10"],
            "基本支出预算情况表合计 = 支出总体情况表基本支出；各经济科目 一般公共预算 ≤ 全部资金",
            "T10 equals T03 basic expenditure; each T06 economic line ≤ its T10 line",
            x_10
        ),
        rule!(
            "X-11",
            Hard,
            ["T06", "T07"],
            "经济分类科目 ≤ “三公”经费对应项目（不要求相等）",
            "economic lines ≤ the matching 三公 items (never equality)",
            x_11
        ),
        rule!(
            "X-12",
            Soft,
            ["T06", "T07"],
            "公用经费 ≈ 机关运行经费",
            "public expenditure ≈ operating costs of the organs",
            x_12
        ),
        rule!(
            "X-13",
            Hard,
            ["T03", "T05", "T11"],
            "项目支出预算情况表合计 = 支出总体情况表项目支出；一般公共预算列 = 一般公共预算支出情况表项目支出",
            "T11 equals T03 project expenditure; its general-public column equals T05 project expenditure",
            x_13
        ),
        rule!(
            "X-16",
            Conditional,
            ["T03", "T12"],
            "政府采购预算总额 ≤ 支出总额",
            "the procurement total does not exceed total expenditure",
            x_16,
            "procurement is funded from the expenditure of the year"
        ),
        rule!(
            "X-17",
            Soft,
            ["T05", "T06"],
            "经济分类与功能分类的对应：30108 ↔ 2080505、30110 ↔ 2101101 等",
            "economic lines and their functional counterparts (30108 ↔ 2080505, 30110 ↔ 2101101, …)",
            x_17
        ),
    ]
}

/// The amount cell of a summary-table line.
fn line_cell(table: &Table, item: LineItem) -> Option<CellRef<'_>> {
    let row = table.row_by_item(item)?;
    main_cell(table, row)
}

fn main_cell<'a>(table: &'a Table, row: &'a Row) -> Option<CellRef<'a>> {
    let col = table
        .column_in_lane(K::Amount, row.lane)
        .or_else(|| table.column_in_lane(K::Total, row.lane))?;
    row.cell_at(col)?;
    Some(CellRef { table, row, col })
}

fn need<'a, const N: usize>(
    cx: &Ctx<'a>,
    em: &mut Emitter<'_>,
    keys: &[TableKey; N],
) -> Option<[&'a Table; N]> {
    let mut out = Vec::with_capacity(N);
    for k in keys {
        match cx.table(k) {
            Some(t) => out.push(t),
            None => em.missing_table(k),
        }
    }
    out.try_into().ok()
}

/// Whether the unit has money other than fiscal grants, from T01 (or T02): non-fiscal income of
/// the year, or (T01 against T04) non-fiscal balances carried forward. `None` when unknown.
pub(super) fn non_fiscal_income<'a>(cx: &Ctx<'a>) -> Option<(bool, Vec<CellRef<'a>>)> {
    const ITEMS: [LineItem; 7] = [
        LineItem::SpecialAccount,
        LineItem::BusinessIncome,
        LineItem::OperatingIncome,
        LineItem::OtherIncome,
        LineItem::SuperiorSubsidy,
        LineItem::AffiliatedRemit,
        LineItem::NonFiscalBalance,
    ];
    const COLS: [K; 8] = [
        K::SpecialAccount,
        K::UnitFunds,
        K::BusinessIncome,
        K::OperatingIncome,
        K::OtherIncome,
        K::SuperiorSubsidy,
        K::AffiliatedRemit,
        K::NonFiscalBalance,
    ];
    if let Some(t01) = cx.table(&TableKey::T01) {
        let cells: Vec<CellRef<'a>> = ITEMS.iter().filter_map(|i| line_cell(t01, *i)).collect();
        if !cells.is_empty() {
            if cells.iter().any(|c| matches!(c.value(), Val::Unreadable)) {
                return None;
            }
            let nonzero: Vec<CellRef<'a>> = cells
                .into_iter()
                .filter(|c| !c.value().is_zero_or_blank())
                .collect();
            if nonzero.is_empty() {
                if let Some(balances) = non_fiscal_carry_forward(cx, t01) {
                    return Some((true, balances));
                }
            }
            return Some((!nonzero.is_empty(), nonzero));
        }
    }
    let t02 = cx.table(&TableKey::T02)?;
    let total = t02.total_row()?;
    let cells: Vec<CellRef<'a>> = COLS
        .iter()
        .filter_map(|k| CellRef::at(t02, total, *k))
        .collect();
    let nonzero: Vec<CellRef<'a>> = cells
        .into_iter()
        .filter(|c| !c.value().is_zero_or_blank())
        .collect();
    Some((!nonzero.is_empty(), nonzero))
}

/// The carry-forward cells of T01 and T04 when T01's (all funds) exceeds T04's (fiscal grants
/// only): balances of non-fiscal money carried in, which the unit may spend in the year without
/// any non-fiscal income of the year (a 决算's 年初结转和结余 of 事业收入 or 其他收入).
fn non_fiscal_carry_forward<'a>(cx: &Ctx<'a>, t01: &'a Table) -> Option<Vec<CellRef<'a>>> {
    let all = line_cell(t01, LineItem::CarryForward)?;
    let fiscal = cx
        .table(&TableKey::T04)
        .and_then(|t04| line_cell(t04, LineItem::CarryForward));
    let fiscal_yuan = match fiscal.as_ref().map(CellRef::value) {
        Some(Val::Num(p)) => p.value,
        Some(Val::Blank) => rust_decimal::Decimal::ZERO,
        // no fiscal carry-forward printed, or unreadable: nothing to tell the funds apart with
        _ => return None,
    };
    match all.value() {
        Val::Num(p) if p.value > fiscal_yuan => {
            Some([Some(all), fiscal].into_iter().flatten().collect())
        }
        _ => None,
    }
}

fn eq(em: &mut Emitter<'_>, a: CellRef<'_>, b: CellRef<'_>, zh: &str, en: &str) {
    em.compare(
        &[a],
        &[b],
        Relation::Eq,
        &|| Words::new(zh.to_owned(), en.to_owned()),
        Severity::Error,
    );
}

fn x_01(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    let Some([t01, t02]) = need(cx, em, &[TableKey::T01, TableKey::T02]) else {
        return;
    };
    let Some(total) = t02.total_row() else {
        em.insufficient_why(
            Some("T02"),
            msg!(WHY_TOTAL_ROW_MISSING, table = ("收入总体情况表", "T02")),
            Vec::new(),
        );
        return;
    };
    // T02's 合计 covers every source column it prints; T01 prints some of them (上年结转 …) below
    // its income of the year, so the comparison is with 收入总计 when those columns hold amounts.
    // Where T01 prints the line above its 本年收入合计 (上级补助收入 and 附属单位上缴收入 of a 决算
    // are income of the year), the column is part of the income of the year.
    let subtotal_line = t01.row_by_item(LineItem::IncomeSubtotal).map(|r| r.line);
    let below_subtotal = |item: LineItem| match (t01.row_by_item(item), subtotal_line) {
        (Some(r), Some(sub)) => r.line > sub,
        _ => true,
    };
    let beyond = [
        (K::SuperiorSubsidy, LineItem::SuperiorSubsidy),
        (K::AffiliatedRemit, LineItem::AffiliatedRemit),
        (K::NonFiscalBalance, LineItem::NonFiscalBalance),
        (K::CarryForward, LineItem::CarryForward),
    ]
    .iter()
    .filter(|(_, item)| below_subtotal(*item))
    .filter_map(|(k, _)| CellRef::at(t02, total, *k))
    .any(|c| !c.value().is_zero_or_blank());
    let target = if beyond {
        LineItem::IncomeTotal
    } else {
        LineItem::IncomeSubtotal
    };
    if let (Some(a), Some(b)) = (
        CellRef::at(t02, total, K::Total),
        line_cell(t01, target).or_else(|| line_cell(t01, LineItem::IncomeTotal)),
    ) {
        eq(
            em,
            a,
            b,
            "收入总体情况表合计 = 收支总体情况表本年收入合计",
            "T02 total = T01 income of the year",
        );
    }
    for (col, item) in [
        (K::FiscalGrant, LineItem::FiscalGrant),
        (K::GeneralPublic, LineItem::GeneralPublic),
        (K::GovFund, LineItem::GovFund),
        (K::StateCapital, LineItem::StateCapital),
        (K::SpecialAccount, LineItem::SpecialAccount),
        (K::BusinessIncome, LineItem::BusinessIncome),
        (K::OperatingIncome, LineItem::OperatingIncome),
        (K::OtherIncome, LineItem::OtherIncome),
        (K::SuperiorSubsidy, LineItem::SuperiorSubsidy),
        (K::AffiliatedRemit, LineItem::AffiliatedRemit),
        (K::NonFiscalBalance, LineItem::NonFiscalBalance),
        (K::CarryForward, LineItem::CarryForward),
    ] {
        if let (Some(a), Some(b)) = (CellRef::at(t02, total, col), line_cell(t01, item)) {
            eq(
                em,
                a,
                b,
                &format!(
                    "收入总体情况表{}合计 = 收支总体情况表{}",
                    col.label(),
                    col.label()
                ),
                &format!("T02 {} total = T01 {}", col.as_str(), item.as_str()),
            );
        }
    }
}

/// The 类 rows of the expenditure side of a summary table.
fn summary_classes(table: &Table) -> Vec<&Row> {
    table
        .rows
        .iter()
        .filter(|r| {
            r.side == Some(Side::Expenditure) && r.code.as_deref().is_some_and(|c| c.len() == 3)
        })
        .collect()
}

fn x_02(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    let Some([t01, t03]) = need(cx, em, &[TableKey::T01, TableKey::T03]) else {
        return;
    };
    if let (Some(total), Some(b)) = (
        t03.total_row(),
        line_cell(t01, LineItem::ExpenditureSubtotal)
            .or_else(|| line_cell(t01, LineItem::ExpenditureTotal)),
    ) {
        if let Some(a) = CellRef::at(t03, total, K::Total) {
            eq(
                em,
                a,
                b,
                "支出总体情况表合计 = 收支总体情况表本年支出合计",
                "T03 total = T01 expenditure of the year",
            );
        }
    }
    for row in summary_classes(t01) {
        let Some(code) = row.code.as_deref() else {
            continue;
        };
        let Some(b) = main_cell(t01, row) else {
            continue;
        };
        match cx
            .row(t03, code)
            .and_then(|r| CellRef::at(t03, r, K::Total))
        {
            Some(a) => eq(
                em,
                a,
                b,
                "支出总体情况表该类合计 = 收支总体情况表该类支出",
                "T03 类 total = T01 类 line",
            ),
            None if !b.value().is_zero_or_blank() => em.insufficient_why(
                Some("T03"),
                msg!(WHY_T03_CLASS_MISSING, code = code),
                vec![b.evidence()],
            ),
            None => {}
        }
    }
}

fn x_03(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    let Some([t02, t03]) = need(cx, em, &[TableKey::T02, TableKey::T03]) else {
        return;
    };
    let coded = |t: &Table| {
        t.rows
            .iter()
            .any(|r| r.code.as_deref().is_some_and(|c| c.starts_with('2')))
    };
    if cx.doc.meta.kind == Some(crate::model::DocKind::FinalAccounts) {
        em.not_applicable_why(
            Some("T02"),
            msg!(WHY_INCOME_EXPENDITURE_FINAL_ACCOUNTS),
            Vec::new(),
        );
        return;
    }
    if !coded(t02) {
        em.not_applicable_why(
            Some("T02"),
            msg!(WHY_INCOME_EXPENDITURE_NOT_BY_CODE),
            Vec::new(),
        );
        return;
    }
    let carry: Vec<CellRef<'_>> = t02
        .total_row()
        .into_iter()
        .filter_map(|r| CellRef::at(t02, r, K::CarryForward))
        .chain(
            t03.total_row()
                .into_iter()
                .filter_map(|r| CellRef::at(t03, r, K::CarryOver)),
        )
        .filter(|c| !c.value().is_zero_or_blank())
        .collect();
    if !carry.is_empty() {
        em.not_applicable_why(
            Some("T02"),
            msg!(WHY_INCOME_EXPENDITURE_CARRY),
            carry.iter().map(CellRef::evidence).collect(),
        );
        return;
    }
    let mut codes: Vec<&str> = Vec::new();
    for r in t02.rows.iter().chain(&t03.rows) {
        if let Some(c) = r.code.as_deref().filter(|c| c.starts_with('2')) {
            if !codes.contains(&c) {
                codes.push(c);
            }
        }
    }
    for code in codes {
        let a = cx
            .row(t02, code)
            .and_then(|r| CellRef::at(t02, r, K::Total));
        let b = cx
            .row(t03, code)
            .and_then(|r| CellRef::at(t03, r, K::Total));
        match (a, b) {
            (Some(a), Some(b)) => eq(
                em,
                a,
                b,
                "该科目收入合计 = 支出合计",
                "income total = expenditure total for the code",
            ),
            (Some(x), None) | (None, Some(x)) => {
                if x.value().is_zero_or_blank() {
                    continue;
                }
                let other = if x.table.key == "T02" { "T03" } else { "T02" };
                em.insufficient_why(
                    Some(other),
                    msg!(
                        WHY_INCOME_EXPENDITURE_CODE_MISSING,
                        table = other,
                        code = code
                    ),
                    vec![x.evidence()],
                );
            }
            (None, None) => {}
        }
    }
}

fn x_04(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    let Some([t01, t04]) = need(cx, em, &[TableKey::T01, TableKey::T04]) else {
        return;
    };
    // T04 income of the year = T01 fiscal-grant income
    let fiscal = line_cell(t01, LineItem::FiscalGrant);
    let t04_income = line_cell(t04, LineItem::IncomeSubtotal).or_else(|| {
        // no subtotal: the total, when nothing is carried forward
        let cf = line_cell(t04, LineItem::CarryForward);
        if cf.is_none_or(|c| c.value().is_zero_or_blank()) {
            line_cell(t04, LineItem::IncomeTotal)
        } else {
            None
        }
    });
    match (t04_income, fiscal) {
        (Some(a), Some(b)) => eq(
            em,
            a,
            b,
            "财政拨款收支总体情况表本年收入 = 收支总体情况表财政拨款收入",
            "T04 income of the year = T01 fiscal-grant income",
        ),
        (Some(a), None) => {
            // T01 without a 财政拨款收入 line: compare with the sum of its fund lines
            let funds: Vec<CellRef<'_>> = [
                LineItem::GeneralPublic,
                LineItem::GovFund,
                LineItem::StateCapital,
            ]
            .iter()
            .filter_map(|i| line_cell(t01, *i))
            .collect();
            if funds.is_empty() {
                em.insufficient_why(
                    Some("T01"),
                    msg!(WHY_FISCAL_INCOME_NOT_IN_T01),
                    vec![a.evidence()],
                );
            } else {
                em.compare(
                    &[a],
                    &funds,
                    Relation::Eq,
                    &Words::new(
                        "财政拨款收支总体情况表本年收入 = 收支总体情况表各项财政拨款收入",
                        "T04 income = the T01 fund lines",
                    ),
                    Severity::Error,
                );
            }
        }
        _ => em.insufficient_why(Some("T04"), msg!(WHY_FISCAL_INCOME_NOT_FOUND), Vec::new()),
    }
    for item in [
        LineItem::GeneralPublic,
        LineItem::GovFund,
        LineItem::StateCapital,
    ] {
        // the first line of the item on each side (a fund line below 上年结转 is its breakdown)
        if let (Some(a), Some(b)) = (line_cell(t04, item), line_cell(t01, item)) {
            eq(
                em,
                a,
                b,
                &format!(
                    "{}收入：财政拨款收支总体情况表 = 收支总体情况表",
                    item_label(item)
                ),
                &format!("{} income: T04 = T01", item.as_str()),
            );
        }
    }
    // totals are equal only for a unit without non-fiscal income
    match non_fiscal_income(cx) {
        Some((false, _)) => {
            for (i, zh) in [
                (LineItem::IncomeTotal, "收入总计"),
                (LineItem::ExpenditureTotal, "支出总计"),
            ] {
                if let (Some(a), Some(b)) = (line_cell(t01, i), line_cell(t04, i)) {
                    eq(
                        em,
                        a,
                        b,
                        &format!(
                            "收支总体情况表{zh} = 财政拨款收支总体情况表{zh}（无非财政拨款收入）"
                        ),
                        &format!(
                            "T01 {} = T04 {} (no non-fiscal income)",
                            i.as_str(),
                            i.as_str()
                        ),
                    );
                }
            }
        }
        Some((true, cells)) => em.not_applicable_why(
            Some("T01"),
            msg!(WHY_NON_FISCAL_TOTALS),
            cells.iter().map(CellRef::evidence).collect(),
        ),
        None => em.insufficient_why(Some("T01"), msg!(WHY_NON_FISCAL_UNKNOWN), Vec::new()),
    }
}

fn item_label(i: LineItem) -> &'static str {
    match i {
        LineItem::GeneralPublic => "一般公共预算",
        LineItem::GovFund => "政府性基金预算",
        LineItem::StateCapital => "国有资本经营预算",
        _ => "",
    }
}

/// The expenditure subtotal row of a summary table (or its total when it has no subtotal).
fn expenditure_sum_row(table: &Table) -> Option<&Row> {
    table
        .row_by_item(LineItem::ExpenditureSubtotal)
        .or_else(|| table.row_by_item(LineItem::ExpenditureTotal))
}

fn fund_column_vs_table(cx: &Ctx<'_>, em: &mut Emitter<'_>, t04: &Table, fund: K, key: &TableKey) {
    let Some(other) = cx.table(key) else {
        em.missing_table(key);
        return;
    };
    let Some(sum_row) = expenditure_sum_row(t04) else {
        return;
    };
    let Some(a) = CellRef::at(t04, sum_row, fund) else {
        return;
    };
    let name = other.title_short();
    match other
        .total_row()
        .and_then(|r| CellRef::at(other, r, K::Total))
    {
        Some(b) => eq(
            em,
            a,
            b,
            &format!("财政拨款收支总体情况表{}支出 = {name}合计", fund.label()),
            &format!("T04 {} = {key} total", fund.as_str()),
        ),
        None if other.is_empty() => {
            // an empty fund table: the T04 column must be zero
            let (z, e) = a.location();
            let empty = a.value().is_zero_or_blank();
            em.verdict(
                empty,
                (
                    Some("T04".into()),
                    Some(sum_row.key()),
                    Some(a.column_name()),
                ),
                vec![a.evidence()],
                || {
                    msg!(
                        EMPTY_TABLE_FUND_COLUMN_EMPTY,
                        loc = (z.as_str(), e.as_str()),
                        table = (name.as_str(), key),
                    )
                },
                || {
                    (
                        Severity::Error,
                        msg!(
                            EMPTY_TABLE_FUND_COLUMN_AMOUNT,
                            loc = (z.as_str(), e.as_str()),
                            table = (name.as_str(), key),
                        ),
                        None,
                    )
                },
            );
        }
        None => em.insufficient_why(
            Some(key),
            msg!(WHY_FUND_TOTAL_ROW_MISSING, table = (name.as_str(), key)),
            vec![a.evidence()],
        ),
    }
    // per 类
    for row in summary_classes(t04) {
        let Some(code) = row.code.as_deref() else {
            continue;
        };
        let Some(a) = CellRef::at(t04, row, fund) else {
            continue;
        };
        match cx
            .row(other, code)
            .and_then(|r| CellRef::at(other, r, K::Total))
        {
            Some(b) => eq(
                em,
                a,
                b,
                &format!("该类{}支出 = {name}该类合计", fund.label()),
                &format!("T04 {} per 类 = {key} 类 total", fund.as_str()),
            ),
            None if !a.value().is_zero_or_blank() => em.insufficient_why(
                Some(key),
                msg!(
                    WHY_FUND_CLASS_MISSING,
                    table = (name.as_str(), key),
                    code = code
                ),
                vec![a.evidence()],
            ),
            None => {}
        }
    }
}

fn x_05(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    let Some([t04]) = need(cx, em, &[TableKey::T04]) else {
        return;
    };
    fund_column_vs_table(cx, em, t04, K::GeneralPublic, &TableKey::T05);
}

fn x_06(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    let Some([t04]) = need(cx, em, &[TableKey::T04]) else {
        return;
    };
    fund_column_vs_table(cx, em, t04, K::GovFund, &TableKey::T08);
    fund_column_vs_table(cx, em, t04, K::StateCapital, &TableKey::T09);
}

fn x_07(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    let Some([t03, t05]) = need(cx, em, &[TableKey::T03, TableKey::T05]) else {
        return;
    };
    let fund_tables: Vec<&Table> = [
        Some(t05),
        cx.table(&TableKey::T08),
        cx.table(&TableKey::T09),
    ]
    .into_iter()
    .flatten()
    .collect();
    let relation = match non_fiscal_income(cx) {
        Some((false, _)) => Relation::Eq,
        Some((true, _)) => Relation::Le,
        None => {
            em.insufficient_why(Some("T03"), msg!(WHY_NON_FISCAL_UNKNOWN), Vec::new());
            return;
        }
    };
    let (zh, en) = match relation {
        Relation::Eq => (
            "一般公共预算 + 政府性基金 + 国有资本经营 = 支出总体情况表（全部收入均为财政拨款）",
            "T05 + T08 + T09 = T03 (all income is fiscal)",
        ),
        Relation::Le => (
            "一般公共预算 + 政府性基金 + 国有资本经营 ≤ 支出总体情况表",
            "T05 + T08 + T09 ≤ T03",
        ),
    };
    let words = Words::new(zh, en);
    for row in t03.rows.iter().filter(|r| r.code.is_some() || r.total) {
        for key in [K::Total, K::Basic, K::Project] {
            let Some(whole) = CellRef::at(t03, row, key) else {
                continue;
            };
            let parts: Vec<CellRef<'_>> = fund_tables
                .iter()
                .filter_map(|t| {
                    let r = if row.total {
                        t.total_row()
                    } else {
                        cx.row(t, row.code.as_deref()?)
                    };
                    CellRef::at(t, r?, key)
                })
                .collect();
            if parts.is_empty() {
                if relation == Relation::Eq && !whole.value().is_zero_or_blank() {
                    let (z, e) = whole.location();
                    em.insufficient_why(
                        Some("T05"),
                        msg!(
                            WHY_FISCAL_FUNCTIONAL_LINE_MISSING,
                            loc = (z.as_str(), e.as_str())
                        ),
                        vec![whole.evidence()],
                    );
                }
                continue;
            }
            em.compare(&parts, &[whole], relation, &words, Severity::Error);
        }
    }
}

fn x_08(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    let Some([t05, t06]) = need(cx, em, &[TableKey::T05, TableKey::T06]) else {
        return;
    };
    // a two-lane economic table: 人员经费合计 | 公用经费合计 instead of one 合计 row
    let lane_total = |item: crate::model::LineItem| {
        t06.rows
            .iter()
            .find(|r| r.item == Some(item))
            .and_then(|r| CellRef::at(t06, r, K::Amount).or_else(|| CellRef::at(t06, r, K::Total)))
    };
    if let (Some(p6), Some(q6), Some(r5)) = (
        lane_total(crate::model::LineItem::PersonnelTotal),
        lane_total(crate::model::LineItem::PublicTotal),
        t05.total_row(),
    ) {
        if let Some(a) = CellRef::at(t05, r5, K::Basic) {
            em.compare(
                &[a],
                &[p6, q6],
                Relation::Eq,
                &|| {
                    Words::new(
                        "一般公共预算支出情况表基本支出 = 基本支出经济分类表人员经费合计 + 公用经费合计",
                        "T05 basic = T06 personnel total + public total",
                    )
                },
                Severity::Error,
            );
        }
        for (k5, c6) in [(K::Personnel, p6), (K::Public, q6)] {
            if let Some(a) = CellRef::at(t05, r5, k5) {
                eq(
                    em,
                    a,
                    c6,
                    &format!(
                        "一般公共预算支出情况表{} = 基本支出经济分类表该项合计",
                        k5.label()
                    ),
                    &format!("T05 {} = its lane total in T06", k5.as_str()),
                );
            }
        }
        return;
    }
    let (Some(r5), Some(r6)) = (t05.total_row(), t06.total_row()) else {
        em.insufficient_why(Some("T06"), msg!(WHY_TOTAL_ROW_NOT_FOUND), Vec::new());
        return;
    };
    for (k5, k6) in [
        (K::Basic, K::Total),
        (K::Personnel, K::Personnel),
        (K::Public, K::Public),
    ] {
        if let (Some(a), Some(b)) = (CellRef::at(t05, r5, k5), CellRef::at(t06, r6, k6)) {
            eq(
                em,
                a,
                b,
                &format!(
                    "一般公共预算支出情况表{} = 一般公共预算基本支出情况表{}",
                    k5.label(),
                    k6.label()
                ),
                &format!("T05 {} = T06 {}", k5.as_str(), k6.as_str()),
            );
        }
    }
}

fn x_09(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    let Some([t03, t06]) = need(cx, em, &[TableKey::T03, TableKey::T06]) else {
        return;
    };
    let fund_basic: Vec<CellRef<'_>> = [TableKey::T08, TableKey::T09]
        .iter()
        .filter_map(|k| cx.table(k))
        .filter_map(|t| t.total_row().and_then(|r| CellRef::at(t, r, K::Basic)))
        .filter(|c| !c.value().is_zero_or_blank())
        .collect();
    match non_fiscal_income(cx) {
        Some((false, _)) if fund_basic.is_empty() => {}
        Some((true, cells)) => {
            em.not_applicable_why(
                Some("T03"),
                msg!(WHY_NON_FISCAL_BASIC),
                cells.iter().map(CellRef::evidence).collect(),
            );
            return;
        }
        Some((false, _)) => {
            em.not_applicable_why(
                Some("T03"),
                msg!(WHY_BASIC_OTHER_FUNDS),
                fund_basic.iter().map(CellRef::evidence).collect(),
            );
            return;
        }
        None => {
            em.insufficient_why(Some("T03"), msg!(WHY_NON_FISCAL_UNKNOWN), Vec::new());
            return;
        }
    }
    if let (Some(a), Some(b)) = (
        t03.total_row().and_then(|r| CellRef::at(t03, r, K::Basic)),
        t06.total_row().and_then(|r| CellRef::at(t06, r, K::Total)),
    ) {
        eq(
            em,
            a,
            b,
            "支出总体情况表基本支出 = 一般公共预算基本支出情况表合计",
            "T03 basic = T06 total",
        );
    }
}

fn x_10(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    let Some([t03, t06, t10]) = need(cx, em, &[TableKey::T03, TableKey::T06, TableKey::T10]) else {
        return;
    };
    if let (Some(a), Some(b)) = (
        t10.total_row().and_then(|r| CellRef::at(t10, r, K::Total)),
        t03.total_row().and_then(|r| CellRef::at(t03, r, K::Basic)),
    ) {
        eq(
            em,
            a,
            b,
            "基本支出预算情况表合计 = 支出总体情况表基本支出",
            "T10 total = T03 basic",
        );
    }
    let words = Words::new(
        "一般公共预算基本支出 ≤ 全部资金基本支出（按经济科目）",
        "T06 line ≤ T10 line (per economic code)",
    );
    for row in t06.rows.iter().filter(|r| r.code.is_some()) {
        let Some(code) = row.code.as_deref() else {
            continue;
        };
        let Some(part) = CellRef::at(t06, row, K::Total) else {
            continue;
        };
        match cx
            .row(t10, code)
            .and_then(|r| CellRef::at(t10, r, K::Total))
        {
            Some(whole) => {
                em.compare(&[part], &[whole], Relation::Le, &words, Severity::Error);
            }
            None if !part.value().is_zero_or_blank() => em.insufficient_why(
                Some("T10"),
                msg!(WHY_T10_ECONOMIC_CODE_MISSING, code = code),
                vec![part.evidence()],
            ),
            None => {}
        }
    }
}

/// The current-year columns of the 三公 table (the document's year, or the only year).
fn san_gong_current(cx: &Ctx<'_>, t07: &Table, key: K) -> Option<usize> {
    let year = cx.doc.meta.year;
    let candidates: Vec<usize> = t07
        .columns
        .iter()
        .enumerate()
        .filter(|(_, c)| c.key == Some(key) && c.basis.is_none_or(|b| b == cx.current_basis()))
        .map(|(i, _)| i)
        .collect();
    candidates
        .iter()
        .copied()
        .find(|&i| {
            t07.columns
                .get(i)
                .and_then(|c| c.year)
                .is_some_and(|y| Some(y) == year)
        })
        .or_else(|| {
            (candidates.len() == 1)
                .then(|| candidates.first().copied())
                .flatten()
                .filter(|&i| {
                    t07.columns
                        .get(i)
                        .is_some_and(|c| c.year.is_none() || c.year == year)
                })
        })
}

fn x_11(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    let Some([t06, t07]) = need(cx, em, &[TableKey::T06, TableKey::T07]) else {
        return;
    };
    let Some(row07) = t07.rows.first() else {
        em.insufficient_why(Some("T07"), msg!(WHY_SAN_GONG_NO_ROW), Vec::new());
        return;
    };
    let vocab = Vocabulary::builtin();
    for (item, codes) in &vocab.san_gong_econ {
        let Some(col) = san_gong_current(cx, t07, *item) else {
            continue;
        };
        if row07.cell_at(col).is_none() {
            continue;
        }
        let whole = CellRef {
            table: t07,
            row: row07,
            col,
        };
        for code in codes {
            let Some(row06) = cx.row(t06, code) else {
                continue;
            };
            // a local sub-code under the same number (302 12 机关事业单位退休人员活动费) is not the
            // 三公 line
            if let crate::catalog::NameMatch::Mismatch { expected, .. } =
                cx.catalog.name_matches(code, &row06.label)
            {
                em.not_applicable_why(
                    Some("T06"),
                    msg!(
                        WHY_SAN_GONG_LOCAL_CODE,
                        code = code,
                        printed = row06.label.trim(),
                        expected = &expected,
                    ),
                    Vec::new(),
                );
                continue;
            }
            let Some(part) =
                CellRef::at(t06, row06, K::Total).or_else(|| CellRef::at(t06, row06, K::Amount))
            else {
                continue;
            };
            em.compare(
                &[part],
                &[whole],
                Relation::Le,
                &Words::new(
                    format!("经济科目 {code} ≤ “三公”经费{}（“三公”含项目支出，不要求相等）", item.label()),
                    format!("economic line {code} ≤ 三公 {} (三公 also covers project expenditure; equality is not required)", item.as_str()),
                ),
                Severity::Error,
            );
        }
    }
}

fn x_12(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    let Some([t06, t07]) = need(cx, em, &[TableKey::T06, TableKey::T07]) else {
        return;
    };
    let Some(col) = san_gong_current(cx, t07, K::OperatingCosts) else {
        if super::narrative::operating_costs_vs_public(cx, em) {
            return;
        }
        em.not_applicable_why(
            Some("T07"),
            msg!(WHY_OPERATING_COSTS_NOT_STATED),
            Vec::new(),
        );
        return;
    };
    let (Some(row07), Some(total06)) = (t07.rows.first(), t06.total_row()) else {
        return;
    };
    let (Some(public), true) = (
        CellRef::at(t06, total06, K::Public),
        row07.cell_at(col).is_some(),
    ) else {
        return;
    };
    let op = CellRef {
        table: t07,
        row: row07,
        col,
    };
    em.compare(
        &[op],
        &[public],
        Relation::Eq,
        &Words::new("机关运行经费 ≈ 一般公共预算基本支出公用经费（口径因地而异，仅作提示）", "operating costs ≈ public expenditure of T06 (definitions differ by region: a hint only)"),
        Severity::Info,
    );
}

fn x_13(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    let Some([t03, t11]) = need(cx, em, &[TableKey::T03, TableKey::T11]) else {
        return;
    };
    let Some(total11) = t11.total_row() else {
        em.insufficient_why(
            Some("T11"),
            msg!(WHY_TOTAL_ROW_MISSING, table = ("项目支出预算情况表", "T11")),
            Vec::new(),
        );
        return;
    };
    if let (Some(a), Some(b)) = (
        CellRef::at(t11, total11, K::Total),
        t03.total_row()
            .and_then(|r| CellRef::at(t03, r, K::Project)),
    ) {
        eq(
            em,
            a,
            b,
            "项目支出预算情况表合计 = 支出总体情况表项目支出",
            "T11 total = T03 project",
        );
    }
    if let (Some(a), Some(t05)) = (
        CellRef::at(t11, total11, K::GeneralPublic),
        cx.table(&TableKey::T05),
    ) {
        if let Some(b) = t05
            .total_row()
            .and_then(|r| CellRef::at(t05, r, K::Project))
        {
            eq(
                em,
                a,
                b,
                "项目支出预算情况表一般公共预算 = 一般公共预算支出情况表项目支出",
                "T11 general public = T05 project",
            );
        }
    }
}

fn x_16(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    let Some([t03, t12]) = need(cx, em, &[TableKey::T03, TableKey::T12]) else {
        return;
    };
    let Some(p) = t12.total_row().and_then(|r| CellRef::at(t12, r, K::Total)) else {
        em.insufficient_why(
            Some("T12"),
            msg!(WHY_TOTAL_ROW_MISSING, table = ("政府采购预算表", "T12")),
            Vec::new(),
        );
        return;
    };
    if let Some(w) = t03.total_row().and_then(|r| CellRef::at(t03, r, K::Total)) {
        em.compare(
            &[p],
            &[w],
            Relation::Le,
            &Words::new(
                "政府采购预算总额 ≤ 支出总额",
                "procurement total ≤ total expenditure",
            ),
            Severity::Error,
        );
    }
}

fn x_17(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    let Some([t05, t06]) = need(cx, em, &[TableKey::T05, TableKey::T06]) else {
        return;
    };
    let vocab = Vocabulary::builtin();
    for (econ, functional) in &vocab.econ_functional {
        let Some(e) = cx
            .row(t06, econ)
            .and_then(|r| CellRef::at(t06, r, K::Total))
        else {
            continue;
        };
        let f: Vec<CellRef<'_>> = functional
            .iter()
            .filter_map(|c| cx.row(t05, c))
            .filter_map(|r| CellRef::at(t05, r, K::Basic).or_else(|| CellRef::at(t05, r, K::Total)))
            .collect();
        if f.is_empty() {
            continue;
        }
        em.compare(
            &[e],
            &f,
            Relation::Eq,
            &Words::new(
                format!(
                    "经济科目 {econ} ≈ 功能科目 {}（软性核对）",
                    functional.join("、")
                ),
                format!(
                    "economic {econ} ≈ functional {} (soft)",
                    functional.join(", ")
                ),
            ),
            Severity::Info,
        );
    }
}
