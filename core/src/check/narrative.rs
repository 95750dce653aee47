//! Rules on the narrative (N-…, V-…): every amount, change and percentage the 情况说明 states must
//! agree with the tables and with arithmetic.
//!
//! Claims come from [`crate::claims`]. A claim's prior value is the one the sentence states
//! (上年执行数为 …), or the prior-year column of a table (the 三公 table prints both years). Growth
//! percentages are checked with [`crate::variance::percent_fits`]: a stated percentage is wrong when
//! it lies outside what the rounding of the printed figures allows; one digit off is a hint.

use rust_decimal::Decimal;

use crate::claims::{BaseKind, BudgetRelation, Change, Claim, Quantity, QuantityKind, Subject};
use crate::figure::{Judgement, Printed, percent_fits, share_fits};
use crate::model::{Basis, ColumnKey as K, LineItem, Row, Table, TableKey};
use crate::report::{Evidence, Outcome, Severity};
use crate::text::normalize_name;
use crate::variance::{Direction, DirectionFit, direction_fit};

use super::cause::{Rate, RateForm};
use super::engine::{CellRef, Ctx, Emitter, Figure, Relation, Said, Val, Words};
use super::messages::{Message, msg};
use super::{RuleDef, RuleSeverity};

pub(super) fn rules() -> Vec<RuleDef> {
    vec![
        rule!(
            "N-01",
            Hard,
            ["T01", "T03", "T04", "T06"],
            "情况说明中的收支总额、财政拨款、基本/项目支出与表一致",
            "totals stated in the narrative equal the tables",
            n_01,
        ),
        rule!(
            "N-02",
            Hard,
            ["T07"],
            "情况说明中的“三公”经费（合计及各项）与“三公”经费表一致，且自身合计相符",
            "三公 figures stated in the narrative equal T07 and add up",
            n_02,
        ),
        rule!(
            "N-03",
            Hard,
            ["T06", "T07"],
            "情况说明中的机关运行经费与表一致（与公用经费对比仅作提示）",
            "operating costs stated in the narrative equal the table (against public expenditure: a hint)",
            n_03,
        ),
        rule!(
            "N-04",
            Hard,
            ["T05"],
            "财政拨款支出主要内容：各类/款/项金额与一般公共预算支出情况表一致，且无遗漏",
            "each 类/款/项 item of the narrative equals T05, and none is left out",
            n_04,
        ),
        rule!(
            "N-05",
            Hard,
            [],
            "情况说明中的占比按金额重新计算",
            "stated shares are recomputed from the amounts",
            n_05,
        ),
        rule!(
            "N-06",
            Hard,
            ["T12"],
            "政府采购：总额 = 货物 + 工程 + 服务，中小企业预留不超过总额，与表一致",
            "procurement: total = goods + works + services, the SME share within it, equal to the table",
            n_06,
        ),
        rule!(
            "N-07",
            Hard,
            [],
            "情况说明中同句所述收入总计与支出总计相等（无收支总表时）",
            "the 收入总计 and 支出总计 stated in one sentence are equal (without the summary table)",
            n_07,
        ),
        rule!(
            "N-08",
            Hard,
            [],
            "绩效目标：项目个数和金额与绩效目标表一致",
            "performance targets: the number of projects and the amount agree with the 绩效目标表",
            n_08,
        ),
        rule!(
            "N-09",
            Hard,
            [],
            "“其中”分项之和不超过总额",
            "the parts listed after 其中 do not exceed their total",
            n_09,
        ),
        rule!(
            "N-10",
            Hard,
            [],
            "车辆：各类车辆数之和等于总数，且每类都有数量",
            "vehicles: the categories add up to the total and each has a number",
            n_10,
        ),
        rule!(
            "N-11",
            Hard,
            [],
            "同一基数的各部分占比之和不超过100%（各部分列全时等于100%）",
            "the shares of the parts of one base add up to at most 100% (to 100% where every part is listed)",
            n_11,
        ),
        rule!(
            "N-12",
            Hard,
            [],
            "决算：各分项预算数（所述或由“比预算数增减”推出）之和等于总预算数",
            "final accounts: the budgets of the parts (stated, or implied by a change against the budget) add up to the whole's budget",
            n_12,
        ),
        rule!(
            "V-01",
            Hard,
            [],
            "增减额 = 本年数 − 上年数",
            "the stated change equals this year minus last year",
            v_01,
        ),
        rule!(
            "V-02",
            Hard,
            [],
            "增减方向与数值一致（增加/减少/持平）",
            "the direction word agrees with the values",
            v_02,
        ),
        rule!(
            "V-03",
            Hard,
            [],
            "增长率 = 增减额 ÷ 上年数",
            "the stated growth rate equals the change over last year's value",
            v_03,
        ),
        rule!(
            "V-04",
            Hard,
            [],
            "上年数为 0 时不应表述增长率",
            "no growth rate on a zero base",
            v_04,
        ),
        rule!(
            "V-05",
            Hard,
            [],
            "本年数为 0 却表述为“增加”",
            "a zero amount stated as an increase",
            v_05,
        ),
        rule!(
            "V-06",
            Soft,
            [],
            "模板残留：“增加（减少）”、“XX”、空的“主要原因是”",
            "template residue: 增加（减少）, XX, an empty reason",
            v_06,
        ),
        rule!(
            "V-07",
            Hard,
            [],
            "增减变化的分解：总变化 = 各部分变化之和，收入与支出的变化一致",
            "change decompositions add up, and income and expenditure changes agree",
            v_07,
        ),
        rule!(
            "V-08",
            Conditional,
            [],
            "有增减变化时须说明原因",
            "a change needs a stated reason",
            v_08,
        )
        .at_most(RuleSeverity::Hint),
        rule!(
            "V-09",
            Hard,
            [],
            "同一项目开头金额与“预算安排”金额一致",
            "an item's amount equals its stated arrangement",
            v_09,
        ),
        rule!(
            "V-10",
            Hard,
            [],
            "同一指标多处表述的金额一致",
            "the same figure stated twice agrees",
            v_10,
        ),
        rule!(
            "V-13",
            Hard,
            [],
            "决算数与预算数的比较表述（大于/小于/等于/持平/未超过）与两数一致",
            "the stated comparison of the actual with the budget (above, below, equal, flat, not above) agrees with the two figures",
            v_13,
        ),
        rule!(
            "V-14",
            Hard,
            [],
            "同一标题重复出现时所写年度与文件年度一致",
            "a title printed again names the document's year",
            v_14,
        )
        .at_most(RuleSeverity::Warning),
        rule!(
            "V-12",
            Hard,
            [],
            "完成率 = 决算数 ÷ 年初预算数（年初预算为 0 时无完成率）",
            "a completion rate equals the actual over the original budget (none on a zero budget)",
            v_12,
        ),
    ]
}

// ---------------------------------------------------------------------------------------------
// Helpers

/// Every claim with its parts, depth first, with its parent.
fn walk<'c>(cx: &'c Ctx<'_>) -> Vec<(&'c Claim, Option<&'c Claim>)> {
    // every claim with its parent, parts of parts included (a nested 其中)
    fn visit<'c>(
        c: &'c Claim,
        parent: Option<&'c Claim>,
        out: &mut Vec<(&'c Claim, Option<&'c Claim>)>,
    ) {
        out.push((c, parent));
        for p in &c.parts {
            visit(p, Some(c), out);
        }
    }
    let mut out = Vec::new();
    for c in &cx.claims.claims {
        visit(c, None, &mut out);
    }
    out
}

/// Claims stating both an amount of money and a change, with the two.
fn money_changes<'c>(cx: &'c Ctx<'_>) -> Vec<(&'c Claim, &'c Change, &'c Quantity)> {
    walk(cx)
        .into_iter()
        .filter_map(|(claim, _)| {
            let change = claim.change.as_ref()?;
            let amount = claim.amount.as_ref().filter(|q| is_money(q))?;
            Some((claim, change, amount))
        })
        .collect()
}

fn said<'a>(claim: &'a Claim, q: &'a crate::claims::Quantity, what: &'static str) -> Said<'a> {
    Said { q, claim, what }
}

fn is_money(q: &crate::claims::Quantity) -> bool {
    matches!(q.kind, QuantityKind::Money { .. })
}

/// The amount cell of a summary-table line.
fn line_cell(table: &Table, item: LineItem) -> Option<CellRef<'_>> {
    let row = table.row_by_item(item)?;
    let col = table
        .column_in_lane(K::Amount, row.lane)
        .or_else(|| table.column_in_lane(K::Total, row.lane))?;
    row.cell_at(col)?;
    Some(CellRef { table, row, col })
}

fn total_cell(table: &Table, key: K) -> Option<CellRef<'_>> {
    let row = table.total_row()?;
    CellRef::at(table, row, key).or_else(|| lane_total(table, key))
}

/// In a two-lane economic table, the 人员经费合计 or 公用经费合计 row's amount.
fn lane_total(table: &Table, key: K) -> Option<CellRef<'_>> {
    let item = match key {
        K::Personnel => LineItem::PersonnelTotal,
        K::Public => LineItem::PublicTotal,
        _ => return None,
    };
    let row = table.rows.iter().find(|r| r.item == Some(item))?;
    CellRef::at(table, row, K::Amount).or_else(|| CellRef::at(table, row, K::Total))
}

fn t04_expenditure(table: &Table, key: K) -> Option<CellRef<'_>> {
    let row = table
        .row_by_item(LineItem::ExpenditureSubtotal)
        .or_else(|| table.row_by_item(LineItem::ExpenditureTotal))?;
    CellRef::at(table, row, key)
}

/// Whether the sentence qualifies the claim's subject as the general public budget's
/// (`一般公共预算财政拨款基本支出`, `一般公共预算项目支出`): the words just before its label.
fn general_public_qualified(claim: &Claim) -> bool {
    let Some(at) = claim.sentence.find(claim.label.as_str()) else {
        return false;
    };
    let before = claim.sentence.get(..at).unwrap_or("").trim_end();
    ["一般公共预算财政拨款", "一般公共预算拨款", "一般公共预算"]
        .iter()
        .any(|q| before.ends_with(q))
}

/// The table figure a claim's subject names, with the rule that compares them.
fn table_figure<'a>(cx: &Ctx<'a>, claim: &Claim) -> Option<CellRef<'a>> {
    let t = |k: &TableKey| cx.table(k);
    let total_word = claim.label.contains("总计");
    match &claim.subject {
        Subject::IncomeTotal => {
            let t01 = t(&TableKey::T01)?;
            if total_word {
                line_cell(t01, LineItem::IncomeTotal)
            } else {
                line_cell(t01, LineItem::IncomeSubtotal)
                    .or_else(|| line_cell(t01, LineItem::IncomeTotal))
            }
        }
        Subject::ExpenditureTotal => {
            let t01 = t(&TableKey::T01)?;
            if total_word {
                line_cell(t01, LineItem::ExpenditureTotal)
            } else {
                line_cell(t01, LineItem::ExpenditureSubtotal)
                    .or_else(|| line_cell(t01, LineItem::ExpenditureTotal))
            }
        }
        Subject::IncomeExpenditureTotal => line_cell(t(&TableKey::T01)?, LineItem::IncomeTotal),
        Subject::FiscalTotal => line_cell(t(&TableKey::T04)?, LineItem::IncomeTotal),
        Subject::FiscalIncome => t(&TableKey::T01)
            .and_then(|t01| line_cell(t01, LineItem::FiscalGrant))
            .or_else(|| t(&TableKey::T04).and_then(|t04| line_cell(t04, LineItem::IncomeSubtotal))),
        Subject::FiscalExpenditure => t04_expenditure(t(&TableKey::T04)?, K::Total),
        Subject::GeneralPublicIncome => t(&TableKey::T01)
            .and_then(|t01| line_cell(t01, LineItem::GeneralPublic))
            .or_else(|| t(&TableKey::T04).and_then(|t04| line_cell(t04, LineItem::GeneralPublic))),
        Subject::GovFundIncome => t(&TableKey::T01)
            .and_then(|t01| line_cell(t01, LineItem::GovFund))
            .or_else(|| t(&TableKey::T04).and_then(|t04| line_cell(t04, LineItem::GovFund))),
        Subject::StateCapitalIncome => t(&TableKey::T01)
            .and_then(|t01| line_cell(t01, LineItem::StateCapital))
            .or_else(|| t(&TableKey::T04).and_then(|t04| line_cell(t04, LineItem::StateCapital))),
        Subject::GeneralPublicExpenditure => t(&TableKey::T04)
            .and_then(|t04| t04_expenditure(t04, K::GeneralPublic))
            .or_else(|| t(&TableKey::T05).and_then(|t05| total_cell(t05, K::Total))),
        Subject::GovFundExpenditure => t04_expenditure(t(&TableKey::T04)?, K::GovFund),
        Subject::StateCapitalExpenditure => t04_expenditure(t(&TableKey::T04)?, K::StateCapital),
        Subject::BusinessIncome => line_cell(t(&TableKey::T01)?, LineItem::BusinessIncome),
        Subject::OperatingIncome => line_cell(t(&TableKey::T01)?, LineItem::OperatingIncome),
        Subject::OtherIncome => line_cell(t(&TableKey::T01)?, LineItem::OtherIncome),
        Subject::SuperiorSubsidy => line_cell(t(&TableKey::T01)?, LineItem::SuperiorSubsidy),
        Subject::AffiliatedRemit => line_cell(t(&TableKey::T01)?, LineItem::AffiliatedRemit),
        Subject::OperatingExpense => t(&TableKey::T03)
            .and_then(|t03| total_cell(t03, K::OperatingExpense))
            .or_else(|| {
                t(&TableKey::T01).and_then(|t01| line_cell(t01, LineItem::OperatingExpense))
            }),
        // 一般公共预算财政拨款基本支出 is T05's (the general public budget's), not T03's (all funds)
        Subject::Basic | Subject::Project if general_public_qualified(claim) => {
            let key = if claim.subject == Subject::Basic {
                K::Basic
            } else {
                K::Project
            };
            total_cell(t(&TableKey::T05)?, key)
        }
        Subject::Basic => total_cell(t(&TableKey::T03)?, K::Basic),
        Subject::Project => total_cell(t(&TableKey::T03)?, K::Project),
        Subject::Personnel => total_cell(t(&TableKey::T06)?, K::Personnel),
        Subject::Public => total_cell(t(&TableKey::T06)?, K::Public),
        _ => None,
    }
}

/// The tables [`table_figure`] looks in for a subject, the first the one it prefers.
fn figure_tables(s: &Subject) -> &'static [TableKey] {
    match s {
        Subject::IncomeTotal
        | Subject::ExpenditureTotal
        | Subject::IncomeExpenditureTotal
        | Subject::BusinessIncome
        | Subject::OperatingIncome
        | Subject::OtherIncome => &[TableKey::T01],
        Subject::FiscalTotal
        | Subject::FiscalExpenditure
        | Subject::GovFundExpenditure
        | Subject::StateCapitalExpenditure => &[TableKey::T04],
        Subject::FiscalIncome
        | Subject::GeneralPublicIncome
        | Subject::GovFundIncome
        | Subject::StateCapitalIncome => &[TableKey::T01, TableKey::T04],
        Subject::GeneralPublicExpenditure => &[TableKey::T04, TableKey::T05],
        Subject::Basic | Subject::Project => &[TableKey::T03],
        Subject::Personnel | Subject::Public => &[TableKey::T06],
        _ => &[],
    }
}

/// The 三公 column a subject names.
fn san_gong_key(s: &Subject) -> Option<K> {
    Some(match s {
        Subject::SanGong => K::SanGongTotal,
        Subject::Abroad => K::Abroad,
        Subject::Vehicle => K::VehicleTotal,
        Subject::VehiclePurchase => K::VehiclePurchase,
        Subject::VehicleOperation => K::VehicleOperation,
        Subject::Reception => K::Reception,
        _ => return None,
    })
}

/// The 三公 table cell for `key` of `year` (the document's year when `None`), budget figures.
fn san_gong_cell<'a>(cx: &Ctx<'a>, key: K, year: Option<u16>, basis: Basis) -> Option<CellRef<'a>> {
    let t07 = cx.table(&TableKey::T07)?;
    let row = t07.rows.first()?;
    let doc_year = cx.doc.meta.year;
    let want = year.or(doc_year);
    let cols: Vec<usize> = t07
        .columns
        .iter()
        .enumerate()
        .filter(|(_, c)| c.key == Some(key) && c.basis.is_none_or(|b| b == basis))
        .map(|(i, _)| i)
        .collect();
    let col = cols
        .iter()
        .copied()
        .find(|&i| t07.columns.get(i).and_then(|c| c.year) == want)
        .or_else(|| {
            // a table without years prints only the current year
            (year.is_none() && cols.len() == 1)
                .then(|| cols.first().copied())
                .flatten()
        })?;
    row.cell_at(col)?;
    Some(CellRef {
        table: t07,
        row,
        col,
    })
}

/// A claim's prior value: stated in the text, or the prior-year column of the 三公 table.
enum Prior<'a> {
    Stated(Said<'a>),
    Table(CellRef<'a>),
}

impl Prior<'_> {
    fn fig(&self) -> &dyn Figure {
        match self {
            Prior::Stated(s) => s,
            Prior::Table(c) => c,
        }
    }
}

fn prior_of<'c>(cx: &'c Ctx<'_>, claim: &'c Claim) -> Option<Prior<'c>> {
    if let Some(p) = claim.prior.as_ref().filter(|q| is_money(q)) {
        return Some(Prior::Stated(said(claim, p, "上年数")));
    }
    // a change against this year's budget is not measured from the prior year's column
    if claim
        .change
        .as_ref()
        .and_then(|c| c.base.as_ref())
        .is_some_and(|b| matches!(b.kind, BaseKind::Budget))
    {
        return None;
    }
    let key = san_gong_key(&claim.subject)?;
    let year = cx.doc.meta.year?.checked_sub(1)?;
    san_gong_cell(cx, key, Some(year), Basis::Budget).map(Prior::Table)
}

/// A figure with the interval of its printed digits; in a narrative that rounds its amounts
/// ([`Ctx::coarse_narrative`]) an amount in whole 万元 (or to one decimal) may be off by a whole
/// unit of its last digit, rounded or cut.
fn printed(cx: &Ctx<'_>, f: &dyn Figure) -> Option<Printed> {
    let coarse = f
        .coarse_half()
        .filter(|_| cx.coarse_narrative)
        .and_then(|h| h.checked_add(h));
    match f.value() {
        Val::Num(p) => Some(coarse.map_or(p, |c| p.widened(c))),
        Val::Blank => Some(Printed::exact(Decimal::ZERO)),
        Val::Unreadable => None,
    }
}

fn signed(direction: Direction, v: Decimal) -> Decimal {
    if direction == Direction::Decrease {
        -v
    } else {
        v
    }
}

fn push(
    em: &mut Emitter<'_>,
    outcome: Outcome,
    severity: Severity,
    at: &dyn Figure,
    message: Message,
    evidence: Vec<Evidence>,
) {
    em.push(outcome, severity, at.at(), message, None, evidence);
}

fn words(zh: impl Into<String>, en: impl Into<String>) -> Words {
    Words::new(zh.into(), en.into())
}

// ---------------------------------------------------------------------------------------------
// N rules

fn n_01(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    let mut missing: Vec<&TableKey> = Vec::new();
    for (claim, _) in walk(cx) {
        let Some(amount) = claim.amount.as_ref().filter(|q| is_money(q)) else {
            continue;
        };
        if san_gong_key(&claim.subject).is_some()
            || matches!(claim.subject, Subject::Functional { .. })
        {
            continue;
        }
        let Some(cell) = table_figure(cx, claim) else {
            // a figure none of whose tables was read is not checked: say so, once per table
            let keys = figure_tables(&claim.subject);
            if let Some(key) = keys
                .first()
                .filter(|_| keys.iter().all(|k| cx.table(k).is_none()))
            {
                if !missing.contains(&key) {
                    missing.push(key);
                    em.missing_table(key);
                }
            }
            continue;
        };
        let s = said(claim, amount, "金额");
        em.compare_figs(
            &[&s],
            &[&cell],
            Relation::Eq,
            &|| {
                words(
                    format!(
                        "情况说明所述{}与{}一致",
                        claim.label.trim(),
                        cell.table.title_short()
                    ),
                    format!(
                        "the narrative's {} equals {}",
                        claim.subject.key(),
                        cell.table.key
                    ),
                )
            },
            Severity::Error,
        );
    }
}

/// N-07: the two 总计 lines of the 收支总表 balance, so a sentence that states 收入总计 and 支出总计
/// (`收、支总计各是 A、B`, `收入总计A万元，支出总计B万元`) states one figure twice. With the summary
/// table at hand N-01 checks each against it, which names the wrong one: then this does not
/// apply.
fn n_07(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    let grand = |c: &Claim| c.label.contains("总计") && c.budget.is_none();
    let claims = &cx.claims.claims;
    for (i, income) in claims.iter().enumerate() {
        if income.subject != Subject::IncomeTotal || !grand(income) {
            continue;
        }
        let Some(a) = income.amount.as_ref().filter(|q| is_money(q)) else {
            continue;
        };
        let Some((expenditure, b)) = claims.iter().skip(i + 1).find_map(|c| {
            let same = c.line == income.line && c.sentence == income.sentence;
            let b = c.amount.as_ref().filter(|q| is_money(q))?;
            (same && c.subject == Subject::ExpenditureTotal && grand(c)).then_some((c, b))
        }) else {
            continue;
        };
        if cx.table(&TableKey::T01).is_some() {
            em.not_applicable_why(
                Some("narrative"),
                msg!(WHY_NARR_SUMMARY_TABLE_READ),
                vec![said(income, a, "金额").evidence()],
            );
            continue;
        }
        let (ea, eb) = (said(income, a, "金额"), said(expenditure, b, "金额"));
        em.compare_figs(
            &[&ea],
            &[&eb],
            Relation::Eq,
            &|| {
                words(
                    "收入总计 = 支出总计（收支总表两端总计相等）",
                    "收入总计 = 支出总计 (the two totals of the summary table balance)",
                )
            },
            Severity::Error,
        );
    }
}

fn n_02(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    let san_gong: Vec<&Claim> = walk(cx)
        .into_iter()
        .map(|(c, _)| c)
        .filter(|c| san_gong_key(&c.subject).is_some())
        .collect();
    if san_gong.is_empty() {
        return;
    }
    if cx.table(&TableKey::T07).is_none() {
        em.missing_table(&TableKey::T07);
    }
    for claim in &san_gong {
        let (Some(key), Some(amount)) = (
            san_gong_key(&claim.subject),
            claim.amount.as_ref().filter(|q| is_money(q)),
        ) else {
            continue;
        };
        // in final accounts the original budget stated beside the actual (预算为 0.95，决算为 0.00)
        if let (Basis::Actual, Some(budget)) = (
            cx.current_basis(),
            claim.budget.as_ref().filter(|q| is_money(q)),
        ) {
            if let Some(cell) = san_gong_cell(cx, key, None, Basis::Budget) {
                let b = said(claim, budget, "预算数");
                em.compare_figs(
                    &[&b],
                    &[&cell],
                    Relation::Eq,
                    &|| {
                        words(
                            format!("情况说明所述{}预算数与“三公”经费表一致", key.label()),
                            format!("the narrative's {} budget equals T07", key.as_str()),
                        )
                    },
                    Severity::Error,
                );
            }
        }
        let Some(cell) = san_gong_cell(cx, key, None, cx.current_basis()) else {
            continue;
        };
        let s = said(claim, amount, "金额");
        em.compare_figs(
            &[&s],
            &[&cell],
            Relation::Eq,
            &|| {
                words(
                    format!("情况说明所述{}与“三公”经费表一致", key.label()),
                    format!("the narrative's {} equals T07", key.as_str()),
                )
            },
            Severity::Error,
        );
    }
    // the narrative's own closures: total = items, vehicles = purchase + operation
    let find = |s: Subject| {
        san_gong
            .iter()
            .find(|c| c.subject == s && c.amount.is_some())
            .copied()
    };
    if let Some(total) = find(Subject::SanGong) {
        let items: Vec<&Claim> = [Subject::Abroad, Subject::Vehicle, Subject::Reception]
            .into_iter()
            .filter_map(find)
            .collect();
        if items.len() == 3 {
            if let Some(ta) = total.amount.as_ref() {
                let t = said(total, ta, "金额");
                let parts: Vec<Said<'_>> = items
                    .iter()
                    .filter_map(|c| c.amount.as_ref().map(|q| said(c, q, "金额")))
                    .collect();
                let parts: Vec<&dyn Figure> = parts.iter().map(|p| p as &dyn Figure).collect();
                em.compare_figs(
                    &[&t],
                    &parts,
                    Relation::Eq,
                    &|| {
                        words(
                            "情况说明：“三公”经费合计 = 各项之和",
                            "narrative: 三公 total = its items",
                        )
                    },
                    Severity::Error,
                );
            }
        }
    }
    for v in san_gong.iter().filter(|c| c.subject == Subject::Vehicle) {
        let Some(va) = v.amount.as_ref() else {
            continue;
        };
        let parts: Vec<Said<'_>> = v
            .parts
            .iter()
            .filter(|p| {
                matches!(
                    p.subject,
                    Subject::VehiclePurchase | Subject::VehicleOperation
                )
            })
            .filter_map(|p| p.amount.as_ref().map(|q| said(p, q, "金额")))
            .collect();
        if parts.len() == 2 {
            let t = said(v, va, "金额");
            let parts: Vec<&dyn Figure> = parts.iter().map(|p| p as &dyn Figure).collect();
            em.compare_figs(
                &[&t],
                &parts,
                Relation::Eq,
                &|| {
                    words(
                        "情况说明：公务用车购置及运行费 = 购置费 + 运行费",
                        "narrative: vehicles = purchase + operation",
                    )
                },
                Severity::Error,
            );
        }
    }
}

fn n_03(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    for (claim, _) in walk(cx) {
        if claim.subject != Subject::OperatingCosts {
            continue;
        }
        let Some(amount) = claim.amount.as_ref().filter(|q| is_money(q)) else {
            continue;
        };
        let s = said(claim, amount, "金额");
        if let Some(cell) = san_gong_cell(cx, K::OperatingCosts, None, cx.current_basis()) {
            em.compare_figs(
                &[&s],
                &[&cell],
                Relation::Eq,
                &|| {
                    words(
                        "情况说明所述机关运行经费与表一致",
                        "the narrative's operating costs equal the table",
                    )
                },
                Severity::Error,
            );
        } else {
            em.not_applicable_why(
                Some("narrative"),
                msg!(WHY_NARR_OPERATING_COSTS_NOT_PRINTED),
                vec![s.evidence()],
            );
        }
    }
}

/// X-12 without a 机关运行经费 column in T07: the narrative's figure against T06 公用经费, a soft
/// comparison (definitions differ by region). Returns whether a narrative figure was found.
pub(super) fn operating_costs_vs_public(cx: &Ctx<'_>, em: &mut Emitter<'_>) -> bool {
    let Some(public) = cx
        .table(&TableKey::T06)
        .and_then(|t| total_cell(t, K::Public))
    else {
        return false;
    };
    let mut found = false;
    for (claim, _) in walk(cx) {
        if claim.subject != Subject::OperatingCosts {
            continue;
        }
        let Some(amount) = claim.amount.as_ref().filter(|q| is_money(q)) else {
            continue;
        };
        found = true;
        let s = said(claim, amount, "金额");
        em.compare_figs(&[&s], &[&public], Relation::Eq, &|| words("机关运行经费 ≈ 一般公共预算基本支出公用经费（口径因地而异，仅作提示）", "operating costs ≈ public expenditure of T06 (definitions differ by region: a hint only)"), Severity::Info);
    }
    found
}

/// The T05 row of a functional item named by the narrative (类 by catalog code, 款 and 项 by
/// name under it).
/// Whether the narrative's name `n` (normalised) names the table row `r`: its label, the
/// label with 其它 for 其他 (both spellings are printed), or one of the catalog's aliases of its
/// code (an old name of a renamed 款).
fn same_name(cx: &Ctx<'_>, r: &Row, n: &str) -> bool {
    let label = normalize_name(&r.label);
    label == n
        || other_folded(&label) == other_folded(n)
        || r.code.as_deref().is_some_and(|code| {
            matches!(
                cx.catalog.name_matches(code, n),
                crate::catalog::NameMatch::Alias { .. }
            )
        })
}

/// `其它` written as `其他`.
fn other_folded(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains("其它") {
        std::borrow::Cow::Owned(s.replace("其它", "其他"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

fn functional_row<'a>(
    cx: &Ctx<'a>,
    t05: &'a Table,
    class: &str,
    section: Option<&str>,
    item: Option<&str>,
) -> Option<&'a Row> {
    let class_code = cx
        .catalog
        .find_by_name(
            crate::catalog::Domain::Functional,
            crate::catalog::Level::Class,
            class,
        )
        .map(|(e, _)| e.code.clone())
        .or_else(|| {
            t05.rows
                .iter()
                .find(|r| {
                    r.code.as_deref().is_some_and(|c| c.len() == 3)
                        && same_name(cx, r, &normalize_name(class))
                })
                .and_then(|r| r.code.as_deref().map(str::to_owned))
        })?;
    let child = |parent: &str, name: &str, len: usize| -> Option<&'a Row> {
        let n = normalize_name(name);
        t05.rows.iter().find(|r| {
            r.code
                .as_deref()
                .is_some_and(|c| c.len() == len && c.starts_with(parent))
                && same_name(cx, r, &n)
        })
    };
    match (section, item) {
        (None, _) => cx.row(t05, &class_code),
        (Some(s), None) => child(&class_code, s, 5),
        (Some(s), Some(i)) => {
            let sec = child(&class_code, s, 5)?;
            child(sec.code.as_deref()?, i, 7)
        }
    }
}

fn n_04(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    let items: Vec<&Claim> = cx
        .claims
        .claims
        .iter()
        .filter(|c| matches!(&c.subject, Subject::Functional { item: Some(_), .. }))
        .collect();
    if items.is_empty() {
        return;
    }
    let Some(t05) = cx.table(&TableKey::T05) else {
        em.missing_table(&TableKey::T05);
        return;
    };
    let mut matched: Vec<&str> = Vec::new();
    let mut unnamed: Vec<&Claim> = Vec::new();
    for claim in &items {
        let Subject::Functional {
            class,
            section,
            item,
        } = &claim.subject
        else {
            continue;
        };
        let Some(row) = functional_row(cx, t05, class, section.as_deref(), item.as_deref()) else {
            unnamed.push(claim);
            continue;
        };
        if let Some(code) = row.code.as_deref() {
            matched.push(code);
        }
        let Some(amount) = claim.amount.as_ref().filter(|q| is_money(q)) else {
            continue;
        };
        let Some(cell) = CellRef::at(t05, row, K::Total) else {
            continue;
        };
        let s = said(claim, amount, "金额");
        em.compare_figs(
            &[&s],
            &[&cell],
            Relation::Eq,
            &|| {
                words(
                    format!(
                        "{} 的金额与一般公共预算支出情况表一致",
                        row.code.as_deref().unwrap_or("")
                    ),
                    format!("item {} equals T05", row.code.as_deref().unwrap_or("")),
                )
            },
            Severity::Error,
        );
    }
    // an item whose name is in no row but whose amount is the one of exactly one 项 the
    // narrative leaves out is that 项 under another name: one finding, "the name differs"
    let unmentioned: Vec<&Row> = t05
        .rows
        .iter()
        .filter(|r| {
            r.code
                .as_deref()
                .is_some_and(|c| c.len() == 7 && !matched.contains(&c))
        })
        .collect();
    for claim in unnamed {
        let same_amount: Vec<&Row> = claim
            .amount
            .as_ref()
            .filter(|q| is_money(q))
            .map(|q| {
                let s = said(claim, q, "金额");
                unmentioned
                    .iter()
                    .copied()
                    .filter(|r| !r.code.as_deref().is_some_and(|c| matched.contains(&c)))
                    .filter(|r| {
                        CellRef::at(t05, r, K::Total).is_some_and(|cell| {
                            !cell.value().is_zero_or_blank()
                                && matches!(
                                    (printed(cx, &s), printed(cx, &cell)),
                                    (Some(a), Some(b)) if (a.value - b.value).abs() <= a.half_ulp + b.half_ulp
                                )
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        let mut evidence = vec![Evidence {
            table: "narrative".to_owned(),
            row: Some(claim.subject.key()),
            column: None,
            text: claim.label.clone(),
            line: claim.line,
            page: None,
            bbox: None,
        }];
        let (line, label) = (claim.line.to_string(), claim.label.trim());
        let message = if let ([row], Some(code)) = (
            same_amount.as_slice(),
            same_amount.first().and_then(|r| r.code.as_deref()),
        ) {
            let cell = CellRef::at(t05, row, K::Total);
            evidence.extend(cell.as_ref().map(Figure::evidence));
            let name = crate::text::strip_numbering(row.label.trim());
            let amount = cell.as_ref().map(Figure::text).unwrap_or_default();
            matched.push(code);
            msg!(
                NARR_ITEM_RENAMED,
                line = &line,
                label = label,
                code = code,
                name = name,
                amount = &amount
            )
        } else {
            msg!(NARR_ITEM_NOT_IN_T05, line = &line, label = label)
        };
        em.push(
            Outcome::Fail,
            Severity::Warning,
            (
                Some("narrative".to_owned()),
                Some(claim.subject.key()),
                None,
            ),
            message,
            None,
            evidence,
        );
    }
    // every T05 项 with an amount is itemised
    for row in t05
        .rows
        .iter()
        .filter(|r| r.code.as_deref().is_some_and(|c| c.len() == 7))
    {
        let Some(code) = row.code.as_deref() else {
            continue;
        };
        let Some(cell) = CellRef::at(t05, row, K::Total) else {
            continue;
        };
        if cell.value().is_zero_or_blank() {
            continue;
        }
        let itemised = matched.contains(&code);
        let column = (!itemised).then(|| "合计".to_owned());
        em.verdict(
            itemised,
            (Some("T05".to_owned()), Some(code.to_owned()), column),
            vec![cell.evidence()],
            || msg!(NARR_ITEM_ITEMISED, code = code),
            || {
                let named = format!("{code} {}", crate::text::strip_numbering(row.label.trim()));
                let m = msg!(
                    NARR_ITEM_NOT_ITEMISED,
                    item = (named.as_str(), code),
                    text = &cell.text()
                );
                (Severity::Error, m, None)
            },
        );
    }
}

/// The whole a share is of: the named base, else the claim's parent.
fn share_whole<'c>(
    cx: &'c Ctx<'_>,
    claim: &'c Claim,
    parent: Option<&'c Claim>,
) -> Option<Box<dyn Figure + 'c>> {
    if let Some(base) = &claim.share_base {
        if let Some(c) = walk(cx)
            .into_iter()
            .map(|(c, _)| c)
            .find(|c| &c.subject == base && c.amount.is_some())
        {
            let q = c.amount.as_ref()?;
            return Some(Box::new(said(c, q, "金额")));
        }
        let probe = Claim {
            subject: base.clone(),
            ..claim.clone()
        };
        return table_figure(cx, &probe).map(|c| Box::new(c) as Box<dyn Figure>);
    }
    let p = parent?;
    let q = p.amount.as_ref().filter(|q| is_money(q))?;
    Some(Box::new(said(p, q, "金额")))
}

fn n_05(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    for (claim, parent) in walk(cx) {
        let (Some(share), Some(amount)) = (
            claim.share.as_ref(),
            claim.amount.as_ref().filter(|q| is_money(q)),
        ) else {
            continue;
        };
        let Some(whole) = share_whole(cx, claim, parent) else {
            continue;
        };
        let part = said(claim, amount, "金额");
        let (Some(pp), Some(wp)) = (printed(cx, &part), printed(cx, whole.as_ref())) else {
            continue;
        };
        let fit = share_fits(Printed::new(share.value), pp, wp);
        let stated = said(claim, share, "占比");
        // a completion rate printed as a share: the figure is the actual over the budget
        let budget = claim
            .budget
            .as_ref()
            .filter(|q| is_money(q))
            .map(|q| said(claim, q, "预算数"));
        if let Some(b) = budget.as_ref() {
            if let Some(pb) = printed(cx, b).filter(|pb| !pb.value.is_zero()) {
                let other = share_fits(Printed::new(share.value), pp, pb);
                if mistaken(
                    em,
                    &stated,
                    &fit,
                    &other,
                    &[&part, b],
                    Mistake::CompletionAsShare,
                ) {
                    continue;
                }
            }
        }
        let rate = Rate::new(RateForm::Share, Printed::new(share.value), [pp, wp]);
        percent_outcome(
            em,
            &stated,
            &fit,
            (&[&part, whole.as_ref()], rate),
            "占比",
            "share",
        );
    }
}

/// Which rate was printed for which.
#[derive(Clone, Copy)]
enum Mistake {
    /// A completion rate (actual ÷ budget) printed where the share is meant.
    CompletionAsShare,
    /// A share (part ÷ whole) printed where the completion rate is meant.
    ShareAsCompletion,
}

/// A rate wrong as what the sentence calls it but right as the other rate of the same figures (a
/// share printed as a completion rate, or the reverse): one error that names the mix-up. Returns
/// whether it was one.
fn mistaken(
    em: &mut Emitter<'_>,
    stated: &Said<'_>,
    fit: &crate::variance::PercentFit,
    other: &crate::variance::PercentFit,
    other_from: &[&dyn Figure],
    mistake: Mistake,
) -> bool {
    if fit.consistent() || fit.off_by_one_digit() || !other.consistent() {
        return false;
    }
    let (named, meant) = match mistake {
        Mistake::CompletionAsShare => (("占比", "share"), ("完成率", "completion rate")),
        Mistake::ShareAsCompletion => (("完成率", "completion rate"), ("占比", "share")),
    };
    let loc = stated.location();
    let round = |r: Option<Decimal>| {
        r.map(|r| crate::variance::round_percent(r, stated.q.value.scale()).to_string())
            .unwrap_or_default()
    };
    let (should, is) = (round(fit.recomputed), round(other.recomputed));
    let difference = fit
        .recomputed
        .map(|r| {
            (stated.q.value - crate::variance::round_percent(r, stated.q.value.scale())).to_string()
        })
        .unwrap_or_default();
    let nums = other_from
        .iter()
        .map(|f| f.text())
        .collect::<Vec<_>>()
        .join("、");
    let mut evidence = vec![stated.evidence()];
    evidence.extend(other_from.iter().map(|f| f.evidence()));
    let text = &stated.q.text;
    em.push(
        Outcome::Fail,
        Severity::Error,
        stated.at(),
        msg!(
            NARR_RATE_MIXED_UP,
            loc = &loc,
            text = text,
            named = named,
            meant = meant,
            should = &should,
            nums = &nums,
            is = &is
        ),
        Some((
            should,
            stated.q.value.to_string(),
            difference,
            "%".to_owned(),
        )),
        evidence,
    );
    true
}

/// Records a percentage check.
/// Records a stated rate judged against the figures `from` (and, when it fails, the rate
/// relation itself, so that a failure one wrong figure explains joins that figure's finding).
fn percent_outcome(
    em: &mut Emitter<'_>,
    stated: &Said<'_>,
    fit: &crate::variance::PercentFit,
    (from, rate): (&[&dyn Figure], Rate),
    zh: &str,
    en: &str,
) {
    let mut evidence = vec![stated.evidence()];
    evidence.extend(from.iter().map(|f| f.evidence()));
    let recomputed = fit
        .recomputed
        .map(|r| crate::variance::round_percent(r, stated.q.value.scale()).to_string());
    let loc = stated.location();
    let nums = from.iter().map(|f| f.text()).collect::<Vec<_>>().join("、");
    if fit.undefined() {
        em.push(
            Outcome::InsufficientData,
            Severity::Info,
            stated.at(),
            msg!(NARR_RATE_ZERO_BASE, loc = &loc),
            None,
            evidence,
        );
        return;
    }
    // the difference in percentage points, between magnitudes where the direction word carries
    // the sign (下降 7.83% against a recomputed −7.26%)
    let difference = fit.recomputed.map_or_else(String::new, |r| {
        let r = crate::variance::round_percent(r, stated.q.value.scale());
        let r = if r.is_sign_negative() && !stated.q.value.is_sign_negative() {
            -r
        } else {
            r
        };
        (stated.q.value - r).to_string()
    });
    let points = difference.clone();
    let numbers = recomputed
        .clone()
        .map(|r| (r, stated.q.value.to_string(), difference, "%".to_owned()));
    let recomputed = recomputed.unwrap_or_default();
    let judgement = fit.judgement();
    let text = &stated.q.text;
    let (outcome, message) = if judgement == Some(Judgement::Exact) {
        (
            Outcome::Pass,
            msg!(
                NARR_RATE_OK,
                loc = &loc,
                text = text,
                nums = &nums,
                recomputed = &recomputed
            ),
        )
    } else if judgement == Some(Judgement::WithinRounding) {
        (
            Outcome::Hint,
            msg!(
                NARR_RATE_LAST_DIGIT,
                loc = &loc,
                text = text,
                nums = &nums,
                recomputed = &recomputed
            ),
        )
    } else {
        (
            Outcome::Fail,
            msg!(
                NARR_RATE_WRONG,
                loc = &loc,
                text = text,
                rate = (zh, en),
                nums = &nums,
                recomputed = &recomputed,
                points = &points
            ),
        )
    };
    em.push(
        outcome,
        Severity::Error,
        stated.at(),
        message,
        numbers,
        evidence,
    );
    if outcome == Outcome::Fail {
        em.rate_failed(rate);
    }
}

fn n_06(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    let claims: Vec<&Claim> = walk(cx).into_iter().map(|(c, _)| c).collect();
    for total in claims.iter().filter(|c| c.subject == Subject::Procurement) {
        let Some(ta) = total.amount.as_ref().filter(|q| is_money(q)) else {
            continue;
        };
        let t = said(total, ta, "金额");
        let split: Vec<Said<'_>> = total
            .parts
            .iter()
            .filter(|p| {
                matches!(
                    p.subject,
                    Subject::ProcurementGoods
                        | Subject::ProcurementWorks
                        | Subject::ProcurementServices
                )
            })
            .filter_map(|p| {
                p.amount
                    .as_ref()
                    .filter(|q| is_money(q))
                    .map(|q| said(p, q, "金额"))
            })
            .collect();
        if split.len() == 3 {
            let parts: Vec<&dyn Figure> = split.iter().map(|p| p as &dyn Figure).collect();
            em.compare_figs(
                &[&t],
                &parts,
                Relation::Eq,
                &|| {
                    words(
                        "政府采购总额 = 货物 + 工程 + 服务",
                        "procurement total = goods + works + services",
                    )
                },
                Severity::Error,
            );
        }
        if let Some(cell) = cx
            .table(&TableKey::T12)
            .and_then(|t12| total_cell(t12, K::Total))
        {
            em.compare_figs(
                &[&t],
                &[&cell],
                Relation::Eq,
                &|| {
                    words(
                        "情况说明所述政府采购总额与政府采购预算表一致",
                        "the narrative's procurement total equals T12",
                    )
                },
                Severity::Error,
            );
        } else if cx.table(&TableKey::T12).is_none() {
            // the stated total is not compared: insufficient where the template has T12
            em.missing_table(&TableKey::T12);
        }
        for sme in claims
            .iter()
            .filter(|c| c.subject == Subject::ProcurementSme && c.section == total.section)
        {
            let Some(sa) = sme.amount.as_ref().filter(|q| is_money(q)) else {
                continue;
            };
            let s = said(sme, sa, "金额");
            em.compare_figs(
                &[&s],
                &[&t],
                Relation::Le,
                &|| {
                    words(
                        "面向中小企业预留金额不超过政府采购总额",
                        "the SME reservation does not exceed the procurement total",
                    )
                },
                Severity::Error,
            );
            for small in sme.parts.iter().chain(claims.iter().copied().filter(|c| {
                c.subject == Subject::ProcurementSmallMicro
                    && c.section == sme.section
                    && c.line == sme.line
            })) {
                if small.subject != Subject::ProcurementSmallMicro {
                    continue;
                }
                let Some(qa) = small.amount.as_ref().filter(|q| is_money(q)) else {
                    continue;
                };
                let q = said(small, qa, "金额");
                em.compare_figs(
                    &[&q],
                    &[&s],
                    Relation::Le,
                    &|| {
                        words(
                            "预留小微企业金额不超过中小企业预留金额",
                            "the small and micro reservation does not exceed the SME reservation",
                        )
                    },
                    Severity::Error,
                );
            }
        }
    }
}

fn n_08(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    let perf = &cx.doc.performance;
    for claim in cx
        .claims
        .claims
        .iter()
        .filter(|c| c.subject == Subject::PerformanceProjects)
    {
        if perf.is_empty() {
            let evidence = vec![Evidence {
                table: "narrative".to_owned(),
                row: Some(claim.subject.key()),
                column: None,
                text: claim.sentence.clone(),
                line: claim.line,
                page: None,
                bbox: None,
            }];
            if cx.doc.meta.is_narrative_only() {
                em.not_applicable_why(
                    Some("performance"),
                    msg!(WHY_NARR_PERFORMANCE_NOT_READ),
                    evidence,
                );
            } else {
                em.insufficient_why(
                    Some("performance"),
                    msg!(WHY_NARR_NO_PERFORMANCE_TABLES),
                    evidence,
                );
            }
            continue;
        }
        if let Some(count) = claim.count.as_ref() {
            let n = Decimal::from(perf.len());
            let ev = vec![said(claim, count, "个数").evidence()];
            let at = (
                Some("narrative".to_owned()),
                Some(claim.subject.key()),
                Some("个数".to_owned()),
            );
            em.verdict(
                count.value == n,
                at,
                ev,
                || msg!(NARR_PERFORMANCE_COUNT_OK, n = &n.to_string()),
                || {
                    (
                        Severity::Error,
                        msg!(
                            NARR_PERFORMANCE_COUNT_WRONG,
                            line = &count.line.to_string(),
                            stated = &count.value.to_string(),
                            n = &n.to_string()
                        ),
                        Some((
                            n.to_string(),
                            count.value.to_string(),
                            (count.value - n).to_string(),
                            "个".to_owned(),
                        )),
                    )
                },
            );
        }
        let Some(amount) = claim.amount.as_ref().filter(|q| is_money(q)) else {
            continue;
        };
        // the sum of the tables' totals, each in its own unit
        let mut sum = Decimal::ZERO;
        let mut half = Decimal::ZERO;
        let mut evidence = Vec::new();
        let mut complete = true;
        for p in perf {
            let line = p
                .funding_amount(crate::model::FundLine::Total)
                .or_else(|| p.funding_amount(crate::model::FundLine::AnnualTotal));
            match line {
                Some(a) => {
                    let (Some(s2), Some(h2)) = (
                        a.value
                            .checked_mul(a.unit.in_yuan())
                            .and_then(|v| sum.checked_add(v)),
                        a.half_ulp()
                            .checked_mul(a.unit.in_yuan())
                            .and_then(|v| half.checked_add(v)),
                    ) else {
                        complete = false;
                        continue;
                    };
                    sum = s2;
                    half = h2;
                    evidence.push(Evidence {
                        table: "performance".to_owned(),
                        row: Some(p.project.clone()),
                        column: Some("项目资金".to_owned()),
                        text: a.value.to_string(),
                        line: p.lines.start,
                        page: None,
                        bbox: None,
                    });
                }
                None => complete = false,
            }
        }
        let s = said(claim, amount, "金额");
        if !complete {
            em.insufficient_why(
                Some("performance"),
                msg!(WHY_NARR_PERFORMANCE_NO_TOTAL),
                vec![s.evidence()],
            );
            continue;
        }
        let Some(sp) = printed(cx, &s) else { continue };
        let gap = (sp.value - sum).abs();
        let env = sp.half_ulp + half;
        let mut ev = vec![s.evidence()];
        ev.extend(evidence);
        let unit = s.unit();
        let show =
            |y: Decimal| crate::check::engine::fmt_amount(y / unit.in_yuan(), amount.value.scale());
        let nums = Some((
            show(sum),
            show(sp.value),
            show(sp.value - sum),
            unit.as_str().to_owned(),
        ));
        let at = s.at();
        if gap.is_zero() {
            em.pass(|| {
                (
                    at,
                    msg!(NARR_PERFORMANCE_AMOUNT_OK, amount = &amount.text),
                    ev,
                )
            });
        } else if gap <= env {
            let m = msg!(
                NARR_PERFORMANCE_AMOUNT_ROUNDING,
                line = &amount.line.to_string(),
                amount = &amount.text,
                sum = &show(sum)
            );
            em.push(Outcome::Hint, Severity::Info, at, m, nums, ev);
        } else {
            let m = msg!(
                NARR_PERFORMANCE_AMOUNT_WRONG,
                line = &amount.line.to_string(),
                amount = &amount.text,
                sum = &show(sum),
                unit = &unit.to_string()
            );
            em.push(Outcome::Fail, Severity::Error, at, m, nums, ev);
        }
    }
    // the project singled out for a key evaluation is the one the tables name
    for claim in cx
        .claims
        .claims
        .iter()
        .filter(|c| c.subject == Subject::KeyEvaluation)
    {
        let Some(amount) = claim.amount.as_ref().filter(|q| is_money(q)) else {
            continue;
        };
        let Some(name) = claim
            .sentence
            .split_once('对')
            .and_then(|(_, r)| r.split_once('等'))
            .map(|(n, _)| n.trim())
        else {
            continue;
        };
        let Some(t11) = cx.table(&TableKey::T11) else {
            continue;
        };
        let Some(row) = t11
            .rows
            .iter()
            .find(|r| normalize_name(&r.label) == normalize_name(name))
        else {
            continue;
        };
        let Some(cell) = CellRef::at(t11, row, K::Total) else {
            continue;
        };
        let s = said(claim, amount, "金额");
        em.compare_figs(
            &[&s],
            &[&cell],
            Relation::Eq,
            &|| {
                words(
                    format!("重点评价项目“{name}”的金额与项目支出预算情况表一致"),
                    format!("the key-evaluation project `{name}` equals T11"),
                )
            },
            Severity::Error,
        );
    }
}

/// Parts that complete their parent (a 其中 list may leave parts out: only an excess is an error).
fn n_09(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    for (claim, _) in walk(cx) {
        let Some(ta) = claim.amount.as_ref().filter(|q| is_money(q)) else {
            continue;
        };
        if matches!(
            claim.subject,
            Subject::Procurement | Subject::Vehicle | Subject::Vehicles
        ) {
            continue; // checked as complete splits by N-06 and N-02
        }
        let parts: Vec<Said<'_>> = claim
            .parts
            .iter()
            .filter(|p| p.share.is_none() || p.amount.is_some())
            .filter_map(|p| {
                p.amount
                    .as_ref()
                    .filter(|q| is_money(q) && q.unit() == ta.unit())
                    .map(|q| said(p, q, "金额"))
            })
            .collect();
        if parts.is_empty() {
            continue;
        }
        let t = said(claim, ta, "金额");
        let refs: Vec<&dyn Figure> = parts.iter().map(|p| p as &dyn Figure).collect();
        // 基本支出 is 人员经费 + 公用经费 by the format: with both stated, the split is complete
        let subjects: Vec<&Subject> = claim.parts.iter().map(|p| &p.subject).collect();
        let complete = claim.subject == Subject::Basic
            && parts.len() == 2
            && subjects.len() == 2
            && subjects.contains(&&Subject::Personnel)
            && subjects.contains(&&Subject::Public);
        if complete {
            em.compare_figs(
                &[&t],
                &refs,
                Relation::Eq,
                &|| {
                    words(
                        format!("{} = 人员经费 + 公用经费", claim.label.trim()),
                        "基本支出 = 人员经费 + 公用经费 (the format's split of basic expenditure)",
                    )
                },
                Severity::Error,
            );
            continue;
        }
        em.compare_figs(
            &refs,
            &[&t],
            Relation::Le,
            &|| {
                words(
                    format!("“其中”各项之和不超过{}", claim.label.trim()),
                    format!("the parts of {} do not exceed it", claim.subject.key()),
                )
            },
            Severity::Error,
        );
    }
}

fn n_10(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    for claim in cx
        .claims
        .claims
        .iter()
        .filter(|c| c.subject == Subject::Vehicles)
    {
        let Some(total) = claim
            .count
            .as_ref()
            .filter(|q| matches!(&q.kind, QuantityKind::Count { word } if word == "辆"))
        else {
            continue;
        };
        let cats: Vec<&Claim> = claim
            .parts
            .iter()
            .filter(|p| matches!(p.subject, Subject::VehicleCategory { .. }))
            .collect();
        if cats.is_empty() {
            continue;
        }
        let missing: Vec<&Claim> = cats.iter().copied().filter(|c| c.count.is_none()).collect();
        for m in &missing {
            em.push(
                Outcome::Fail,
                Severity::Warning,
                (
                    Some("narrative".to_owned()),
                    Some(m.subject.key()),
                    Some("数量".to_owned()),
                ),
                msg!(
                    NARR_VEHICLES_NO_COUNT,
                    line = &m.line.to_string(),
                    label = m.label.trim()
                ),
                None,
                vec![Evidence {
                    table: "narrative".to_owned(),
                    row: Some(m.subject.key()),
                    column: None,
                    text: m.label.clone(),
                    line: m.line,
                    page: None,
                    bbox: None,
                }],
            );
        }
        let Some(sum) = cats
            .iter()
            .filter_map(|c| c.count.as_ref().map(|q| q.value))
            .try_fold(Decimal::ZERO, Decimal::checked_add)
        else {
            continue;
        };
        let mut evidence = vec![said(claim, total, "总数").evidence()];
        evidence.extend(
            cats.iter()
                .filter_map(|c| c.count.as_ref().map(|q| said(c, q, "数量").evidence())),
        );
        let at = (
            Some("narrative".to_owned()),
            Some(claim.subject.key()),
            Some("数量".to_owned()),
        );
        em.verdict(
            sum == total.value,
            at,
            evidence,
            || msg!(NARR_VEHICLES_SUM_OK, total = &total.value.to_string()),
            || {
                (
                    Severity::Error,
                    msg!(
                        NARR_VEHICLES_SUM_WRONG,
                        line = &total.line.to_string(),
                        total = &total.value.to_string(),
                        sum = &sum.to_string()
                    ),
                    Some((
                        sum.to_string(),
                        total.value.to_string(),
                        (total.value - sum).to_string(),
                        "辆".to_owned(),
                    )),
                )
            },
        );
    }
}

// ---------------------------------------------------------------------------------------------
// V rules

fn v_01(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    for (claim, change, amount) in money_changes(cx) {
        let Some(delta) = change.amount.as_ref().filter(|q| is_money(q)) else {
            continue;
        };
        let Some(prior) = prior_of(cx, claim) else {
            continue;
        };
        let c = said(claim, amount, "本年数");
        let d = said(claim, delta, "增减额");
        let what = || {
            words(
                format!("增减额 = 本年数 − 上年数（{}）", change.word),
                format!("change = this year − last year ({})", change.word),
            )
        };
        match change.direction {
            Direction::Decrease => em.compare_figs(
                &[&c, &d],
                &[prior.fig()],
                Relation::Eq,
                &what,
                Severity::Error,
            ),
            _ => em.compare_figs(
                &[&c],
                &[prior.fig(), &d],
                Relation::Eq,
                &what,
                Severity::Error,
            ),
        };
    }
    for (claim, delta, now, before) in detached_changes(cx) {
        let Some(change) = claim.change.as_ref() else {
            continue;
        };
        let d = said(claim, delta, "增减额");
        let what = || {
            words(
                format!(
                    "增减额 = 本年数 − 上年数（{}，本年数与上年数见前文）",
                    change.word
                ),
                format!(
                    "change = this year − last year ({}; both figures stated earlier)",
                    change.word
                ),
            )
        };
        if change.direction == Direction::Decrease {
            em.compare_figs(
                &[&now, &d],
                &[&before],
                Relation::Eq,
                &what,
                Severity::Error,
            );
        } else {
            em.compare_figs(
                &[&now],
                &[&before, &d],
                Relation::Eq,
                &what,
                Severity::Error,
            );
        }
    }
}

/// A change stated on its own (`2022年“三公”经费决算数相较于上年增加275.76万元`) against the two
/// figures the section states apart: this year's amount and the prior year's, each the only one
/// of its subject and body there.
fn detached_changes<'c>(cx: &'c Ctx<'_>) -> Vec<(&'c Claim, &'c Quantity, Said<'c>, Said<'c>)> {
    let claims = &cx.claims.claims;
    let mut out = Vec::new();
    for claim in claims {
        let Some(change) = claim.change.as_ref() else {
            continue;
        };
        let Some(delta) = change.amount.as_ref().filter(|q| is_money(q)) else {
            continue;
        };
        let prior_base = change
            .base
            .as_ref()
            .is_none_or(|b| !matches!(b.kind, BaseKind::Budget));
        if claim.amount.is_some() || claim.budget.is_some() || !prior_base {
            continue;
        }
        let peers = claims.iter().filter(|c| {
            c.subject == claim.subject
                && c.section == claim.section
                && c.budget.is_none()
                && scope_of(c) == scope_of(claim)
        });
        let nows: Vec<(&Claim, &Quantity)> = peers
            .clone()
            .filter(|c| c.prior.is_none())
            .filter_map(|c| c.amount.as_ref().filter(|q| is_money(q)).map(|q| (c, q)))
            .collect();
        let befores: Vec<(&Claim, &Quantity)> = peers
            .filter(|c| c.amount.is_none())
            .filter_map(|c| c.prior.as_ref().filter(|q| is_money(q)).map(|q| (c, q)))
            .collect();
        // (the prior stated with the change itself, or apart)
        let own = claim.prior.as_ref().filter(|q| is_money(q));
        let before = match (own, befores.as_slice()) {
            (Some(q), _) => Some(said(claim, q, "上年数")),
            (None, [(b, bq)]) => Some(said(b, bq, "上年数")),
            _ => None,
        };
        if let ([(n, nq)], Some(before)) = (nows.as_slice(), before) {
            out.push((claim, delta, said(n, nq, "本年数"), before));
        }
    }
    out
}

fn v_02(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    for (claim, change, amount) in money_changes(cx) {
        let Some(prior) = prior_of(cx, claim) else {
            continue;
        };
        let c = said(claim, amount, "本年数");
        let (Some(pc), Some(pp)) = (printed(cx, &c), printed(cx, prior.fig())) else {
            continue;
        };
        let evidence = vec![c.evidence(), prior.fig().evidence()];
        let at = c.at();
        let (line, word, now, before) = (
            change.line.to_string(),
            &change.word,
            &amount.text,
            prior.fig().text(),
        );
        match direction_fit(change.direction, pp, pc) {
            DirectionFit::Exact => em.pass(|| (at, msg!(NARR_DIRECTION_OK, word = word), evidence)),
            DirectionFit::WithinRounding => em.push(
                Outcome::Hint,
                Severity::Info,
                at,
                msg!(
                    NARR_DIRECTION_ROUNDING,
                    line = &line,
                    word = word,
                    now = now,
                    before = &before
                ),
                None,
                evidence,
            ),
            DirectionFit::Contradicted => em.push(
                Outcome::Fail,
                Severity::Error,
                at,
                msg!(
                    NARR_DIRECTION_CONTRADICTED,
                    line = &line,
                    word = word,
                    now = now,
                    before = &before
                ),
                None,
                evidence,
            ),
        }
    }
}

fn v_03(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    for (claim, _) in walk(cx) {
        let Some(change) = claim.change.as_ref() else {
            continue;
        };
        let Some(percent) = change.percent.as_ref() else {
            continue;
        };
        if matches!(change.direction, Direction::Flat | Direction::RoughlyFlat) {
            continue;
        }
        let stated = said(claim, percent, "增减率");
        let stated_signed = Printed::new(signed(change.direction, percent.value));
        let amount = claim.amount.as_ref().filter(|q| is_money(q));
        let prior = prior_of(cx, claim);
        match (amount, prior) {
            (Some(a), Some(p)) => {
                let c = said(claim, a, "本年数");
                let (Some(pc), Some(pp)) = (printed(cx, &c), printed(cx, p.fig())) else {
                    continue;
                };
                if pp.value.is_zero() {
                    continue; // V-04
                }
                let fit = percent_fits(stated_signed, pp, pc);
                let rate = Rate::new(RateForm::Growth, stated_signed, [pc, pp]);
                let from: [&dyn Figure; 2] = [&c, p.fig()];
                percent_outcome(em, &stated, &fit, (&from, rate), "增减率", "growth rate");
            }
            (Some(a), None) => {
                // the prior implied by a stated change: P = C − Δ
                let Some(delta) = change.amount.as_ref().filter(|q| is_money(q)) else {
                    continue;
                };
                let c = said(claim, a, "本年数");
                let d = said(claim, delta, "增减额");
                let (Some(pc), Some(pd)) = (printed(cx, &c), printed(cx, &d)) else {
                    continue;
                };
                let prior = Printed {
                    value: pc.value - signed(change.direction, pd.value),
                    half_ulp: pc.half_ulp + pd.half_ulp,
                };
                if prior.value <= Decimal::ZERO {
                    continue;
                }
                // the rate is Δ ÷ P: this year's figure and the prior move together (P = C − Δ), so
                // the magnitude is judged as a share of Δ in P, not as (C − P) ÷ P with the two
                // rounded apart (which would widen a coarse narrative's interval past any rate)
                let magnitude = Printed::new(percent.value.abs());
                let fit = share_fits(magnitude, pd, prior);
                let form = RateForm::DeltaShare {
                    decrease: change.direction == Direction::Decrease,
                };
                let rate = Rate::new(form, magnitude, [pc, pd]);
                percent_outcome(
                    em,
                    &stated,
                    &fit,
                    (&[&c, &d], rate),
                    "增减率",
                    "growth rate",
                );
            }
            _ => {}
        }
    }
}

fn v_04(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    for (claim, _) in walk(cx) {
        let Some(change) = claim.change.as_ref() else {
            continue;
        };
        let Some(percent) = change.percent.as_ref() else {
            continue;
        };
        let s = said(claim, percent, "增减率");
        let evidence = match prior_of(cx, claim) {
            Some(prior) if prior.fig().value().is_zero_or_blank() => {
                vec![s.evidence(), prior.fig().evidence()]
            }
            Some(_) => continue,
            // no prior stated: an increase equal to this year's figure implies a prior of 0
            None => {
                let (Some(a), Some(d)) = (
                    claim.amount.as_ref().filter(|q| is_money(q)),
                    change.amount.as_ref().filter(|q| is_money(q)),
                ) else {
                    continue;
                };
                let (c, dd) = (said(claim, a, "本年数"), said(claim, d, "增减额"));
                let same = matches!(
                    (printed(cx, &c), printed(cx, &dd)),
                    (Some(pc), Some(pd)) if pc.value == pd.value && !pc.value.is_zero()
                );
                if change.direction != Direction::Increase || !same {
                    continue;
                }
                vec![s.evidence(), c.evidence(), dd.evidence()]
            }
        };
        let (outcome, severity) = if cx.policy.strict_zero_base {
            (Outcome::Fail, Severity::Error)
        } else {
            (Outcome::Hint, Severity::Info)
        };
        em.push(
            outcome,
            severity,
            s.at(),
            msg!(
                NARR_GROWTH_ZERO_BASE,
                line = &percent.line.to_string(),
                word = &change.word,
                percent = &percent.text
            ),
            None,
            evidence,
        );
    }
}

fn v_05(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    for (claim, change, amount) in money_changes(cx) {
        if change.direction != Direction::Increase || !amount.value.is_zero() {
            continue;
        }
        let s = said(claim, amount, "本年数");
        let mut evidence = vec![s.evidence()];
        if let Some(d) = change.amount.as_ref() {
            evidence.push(said(claim, d, "增减额").evidence());
        }
        push(
            em,
            Outcome::Fail,
            Severity::Error,
            &s,
            msg!(
                NARR_CHANGE_ZERO_INCREASE,
                line = &amount.line.to_string(),
                subject = (claim.label.trim(), claim.subject.key().as_str()),
                amount = &amount.text,
                word = &change.word,
                delta = change.amount.as_ref().map_or("", |d| d.text.as_str())
            ),
            evidence,
        );
    }
}

fn v_06(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    // template residue is style (DESIGN: a hint), whatever figure it sits next to
    for r in &cx.claims.residue {
        em.push(
            Outcome::Hint,
            Severity::Info,
            (Some("narrative".to_owned()), None, None),
            msg!(
                NARR_TEMPLATE_RESIDUE,
                line = &r.line.to_string(),
                text = &r.text
            ),
            None,
            vec![Evidence {
                table: "narrative".to_owned(),
                row: None,
                column: None,
                text: r.text.clone(),
                line: r.line,
                page: None,
                bbox: None,
            }],
        );
    }
    let reasons = walk(cx)
        .into_iter()
        .filter_map(|(c, _)| c.reason.as_ref().map(|r| (Some(c), r)))
        .chain(cx.claims.reasons.iter().map(|s| (None, &s.reason)));
    for (claim, reason) in reasons {
        if !reason.text.trim().is_empty() {
            continue;
        }
        em.push(
            Outcome::Hint,
            Severity::Info,
            (
                Some("narrative".to_owned()),
                claim.map(|c| c.subject.key()),
                None,
            ),
            msg!(NARR_REASON_EMPTY, line = &reason.line.to_string()),
            None,
            vec![Evidence {
                table: "narrative".to_owned(),
                row: claim.map(|c| c.subject.key()),
                column: None,
                text: claim.map_or_else(String::new, |c| c.sentence.clone()),
                line: reason.line,
                page: None,
                bbox: None,
            }],
        );
    }
}

fn v_07(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    // a change and the changes of its parts
    for (claim, _) in walk(cx) {
        let Some(change) = claim.change.as_ref() else {
            continue;
        };
        let Some(delta) = change.amount.as_ref().filter(|q| is_money(q)) else {
            continue;
        };
        // a part that states its amount but not its change (因公出国（境）费支出0万元): its prior,
        // and so the sum of the parts' changes, is unknown
        if claim
            .parts
            .iter()
            .any(|p| p.change.is_none() && p.amount.is_some())
        {
            continue;
        }
        let parts: Vec<(&Claim, &crate::claims::Change)> = claim
            .parts
            .iter()
            .filter_map(|p| p.change.as_ref().map(|c| (p, c)))
            .collect();
        // the parts' changes against the same base as the whole's (上年 with 上年, 预算数 with 预算数)
        let base_of = |c: &crate::claims::Change| c.base.as_ref().map(|b| b.kind);
        if parts.is_empty()
            || parts
                .iter()
                .any(|(_, c)| c.amount.is_none() && !matches!(c.direction, Direction::Flat))
            || parts.iter().any(|(_, c)| base_of(c) != base_of(change))
        {
            continue;
        }
        let total = said(claim, delta, "增减额");
        let mut lhs: Vec<Said<'_>> = Vec::new();
        let mut rhs: Vec<Said<'_>> = Vec::new();
        let parent_up = change.direction != Direction::Decrease;
        for (p, c) in &parts {
            let Some(q) = c.amount.as_ref() else { continue };
            let up = c.direction != Direction::Decrease;
            // Δparent = Σ ± Δpart, arranged so that every figure is added
            if up == parent_up {
                rhs.push(said(p, q, "增减额"));
            } else {
                lhs.push(said(p, q, "增减额"));
            }
        }
        let mut l: Vec<&dyn Figure> = vec![&total];
        l.extend(lhs.iter().map(|s| s as &dyn Figure));
        let r: Vec<&dyn Figure> = rhs.iter().map(|s| s as &dyn Figure).collect();
        em.compare_figs(
            &l,
            &r,
            Relation::Eq,
            &|| {
                words(
                    format!("{}的增减额 = 其中各部分增减额之和", claim.label.trim()),
                    format!(
                        "the change of {} = the changes of its parts",
                        claim.subject.key()
                    ),
                )
            },
            Severity::Error,
        );
    }
    // the change of 收支 is the change of 收入 and of 支出
    let change_of = |s: Subject| {
        cx.claims
            .claims
            .iter()
            .find(|c| c.subject == s && c.change.as_ref().is_some_and(|ch| ch.amount.is_some()))
    };
    if let Some(both) = change_of(Subject::IncomeExpenditureTotal) {
        for s in [Subject::IncomeTotal, Subject::ExpenditureTotal] {
            let Some(part) = change_of(s) else { continue };
            let (Some(a), Some(b)) = (both.change.as_ref(), part.change.as_ref()) else {
                continue;
            };
            let (Some(qa), Some(qb)) = (a.amount.as_ref(), b.amount.as_ref()) else {
                continue;
            };
            if a.direction != b.direction {
                let evidence = vec![
                    said(both, qa, "增减额").evidence(),
                    said(part, qb, "增减额").evidence(),
                ];
                em.push(
                    Outcome::Fail,
                    Severity::Error,
                    said(part, qb, "增减额").at(),
                    msg!(
                        NARR_CHANGE_AGAINST_OVERALL,
                        line = &b.line.to_string(),
                        subject = (part.label.trim(), part.subject.key().as_str()),
                        word = &b.word,
                        overall = &a.word
                    ),
                    None,
                    evidence,
                );
                continue;
            }
            let x = said(both, qa, "增减额");
            let y = said(part, qb, "增减额");
            em.compare_figs(
                &[&y],
                &[&x],
                Relation::Eq,
                &|| {
                    words(
                        format!("{}的增减额 = 收支总体的增减额", part.label.trim()),
                        format!("the change of {} = the overall change", part.subject.key()),
                    )
                },
                Severity::Error,
            );
        }
    }
}

/// A stated reason with text in it (an empty one is template residue: V-06's).
fn has_reason(c: &Claim) -> bool {
    c.reason.as_ref().is_some_and(|r| !r.text.trim().is_empty())
}

/// The claim or one of its parts (at any depth) states a reason.
fn reason_within(c: &Claim) -> bool {
    has_reason(c) || c.parts.iter().any(reason_within)
}

/// Whether the change of the headline claim `claims[i]` is explained: a reason in its sentence
/// (one given after a list covers the list), in its breakdown (其中 …), in a later statement of
/// the same section about it or a part of it (the item paragraphs that follow `具体情况如下`), in a
/// reason stated on its own in the section, or in an identical earlier statement.
fn explained(cx: &Ctx<'_>, i: usize) -> bool {
    let claims = &cx.claims.claims;
    let Some(claim) = claims.get(i) else {
        return false;
    };
    let same_sentence = |c: &Claim| c.line == claim.line && c.sentence == claim.sentence;
    let about = |c: &Claim| c.subject == claim.subject || claim.subject.contains(&c.subject);
    let same_change = |c: &Claim| {
        c.subject == claim.subject
            && c.change
                .as_ref()
                .map(|ch| (ch.direction, ch.amount.as_ref().map(|q| q.value)))
                == claim
                    .change
                    .as_ref()
                    .map(|ch| (ch.direction, ch.amount.as_ref().map(|q| q.value)))
    };
    claims
        .iter()
        .filter(|c| same_sentence(c))
        .any(reason_within)
        || claims
            .iter()
            .skip(i + 1)
            .take_while(|c| c.section == claim.section)
            .any(|c| about(c) && reason_within(c))
        || claims
            .iter()
            .take(i)
            .any(|c| same_change(c) && reason_within(c))
        || cx
            .claims
            .reasons
            .iter()
            .any(|r| r.section == claim.section && !r.reason.text.trim().is_empty())
}

/// V-08: a stated increase or decrease of a headline figure comes with a reason. Items under a
/// headline need none; the statements of one sentence about one subject (a change against the
/// budget and against the prior year) are one instance.
fn v_08(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    let claims = &cx.claims.claims;
    for (i, claim) in claims.iter().enumerate() {
        let Some(change) = claim.change.as_ref() else {
            continue;
        };
        if matches!(change.direction, Direction::Flat | Direction::RoughlyFlat)
            || !claim.subject.is_headline()
        {
            continue;
        }
        // one instance per subject and sentence: the first changing statement of it
        let earlier_twin = claims.iter().take(i).any(|c| {
            c.subject == claim.subject
                && c.line == claim.line
                && c.sentence == claim.sentence
                && c.change.as_ref().is_some_and(|ch| {
                    !matches!(ch.direction, Direction::Flat | Direction::RoughlyFlat)
                })
        });
        if earlier_twin {
            continue;
        }
        let evidence = vec![Evidence {
            table: "narrative".to_owned(),
            row: Some(claim.subject.key()),
            column: None,
            text: claim.sentence.clone(),
            line: change.line,
            page: None,
            bbox: None,
        }];
        let at = (
            Some("narrative".to_owned()),
            Some(claim.subject.key()),
            None,
        );
        if explained(cx, i) {
            em.pass(|| (at, msg!(NARR_REASON_GIVEN), evidence));
        } else if claim.reason.is_some() {
            // an empty reason is V-06's
        } else {
            // a missing reason omits what the format asks for, while every figure may agree: a
            // hint, never on a par with a contradiction
            em.push(
                Outcome::Hint,
                Severity::Info,
                at,
                msg!(
                    NARR_REASON_MISSING,
                    line = &change.line.to_string(),
                    subject = (claim.label.trim(), claim.subject.key().as_str()),
                    word = &change.word
                ),
                None,
                evidence,
            );
        }
    }
}

fn v_09(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    for claim in &cx.claims.claims {
        let (Some(amount), Some(planned)) = (
            claim.amount.as_ref().filter(|q| is_money(q)),
            claim.planned.as_ref().filter(|q| is_money(q)),
        ) else {
            continue;
        };
        let a = said(claim, amount, "金额");
        let p = said(claim, planned, "预算安排");
        em.compare_figs(
            &[&p],
            &[&a],
            Relation::Eq,
            &|| {
                words(
                    "同一项目“预算安排”的金额 = 开头所述金额",
                    "the item's stated arrangement = its amount",
                )
            },
            Severity::Error,
        );
    }
}

/// Words that narrow the body a figure is about (`区直`部门 of a district, `本级` without the
/// subordinate units, `全县` …), as a sentence prints them before its subject.
const SCOPE_WORDS: [&str; 16] = [
    "区直", "县直", "市直", "州直", "省直", "本级", "全区", "全县", "全市", "全州", "全省", "各乡",
    "乡镇", "街道", "汇总", "所属",
];

/// The scope words a claim's sentence prints before its subject.
fn scope_of(c: &Claim) -> Vec<&'static str> {
    let head = c
        .sentence
        .find(c.label.trim())
        .and_then(|at| c.sentence.get(..at))
        .unwrap_or("");
    SCOPE_WORDS
        .iter()
        .copied()
        .filter(|w| head.contains(w))
        .collect()
}

fn v_10(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    // a part is the same figure only under the same kind of whole (其中财政拨款 of two totals differ)
    let all: Vec<(&Claim, Option<&Subject>)> = walk(cx)
        .into_iter()
        .filter(|(c, _)| c.amount.as_ref().is_some_and(is_money))
        .map(|(c, p)| (c, p.map(|p| &p.subject)))
        .collect();
    let mut seen: Vec<(&Subject, Option<&Subject>)> = Vec::new();
    for (i, (a, pa)) in all.iter().enumerate() {
        if seen.contains(&(&a.subject, *pa)) {
            continue;
        }
        let same: Vec<&Claim> = all
            .iter()
            .skip(i + 1)
            .filter(|(b, pb)| {
                b.subject == a.subject
                    && pb == pa
                    && b.budget.is_none() == a.budget.is_none()
                    // 区直 736.40 and the district's 1000.86 are figures of two bodies
                    && scope_of(b) == scope_of(a)
            })
            .map(|(b, _)| *b)
            .collect();
        if same.is_empty() {
            continue;
        }
        seen.push((&a.subject, *pa));
        let Some(qa) = a.amount.as_ref() else {
            continue;
        };
        let first = said(a, qa, "金额");
        for b in same {
            let Some(qb) = b.amount.as_ref() else {
                continue;
            };
            let other = said(b, qb, "金额");
            em.compare_figs(
                &[&other],
                &[&first],
                Relation::Eq,
                &|| {
                    words(
                        format!("{}多处表述一致", a.label.trim()),
                        format!("{} is stated alike everywhere", a.subject.key()),
                    )
                },
                Severity::Error,
            );
        }
    }
}

fn v_12(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    for (claim, parent) in walk(cx) {
        // the denominator the words name: the adjusted (全年) budget for 完成全年预算数的, the
        // original one otherwise; the one budget stated when only one is
        let (first, other) = if claim.completion_adjusted {
            (&claim.adjusted_budget, &claim.budget)
        } else {
            (&claim.budget, &claim.adjusted_budget)
        };
        let budget = first.as_ref().or(other.as_ref());
        let (Some(completion), Some(budget), Some(amount)) = (
            claim.completion.as_ref(),
            budget.filter(|q| is_money(q)),
            claim.amount.as_ref().filter(|q| is_money(q)),
        ) else {
            continue;
        };
        let stated = said(claim, completion, "完成率");
        let b = said(claim, budget, "年初预算");
        let a = said(claim, amount, "决算数");
        if budget.value.is_zero() {
            push(
                em,
                Outcome::Fail,
                Severity::Error,
                &stated,
                msg!(
                    NARR_COMPLETION_ZERO_BUDGET,
                    line = &completion.line.to_string(),
                    text = &completion.text
                ),
                vec![stated.evidence(), b.evidence()],
            );
            continue;
        }
        let (Some(pa), Some(pb)) = (printed(cx, &a), printed(cx, &b)) else {
            continue;
        };
        let fit = share_fits(Printed::new(completion.value), pa, pb);
        // a share printed as the completion rate: the figure is the part over its whole
        if let Some(whole) = share_whole(cx, claim, parent) {
            if let Some(pw) = printed(cx, whole.as_ref()).filter(|pw| !pw.value.is_zero()) {
                let other = share_fits(Printed::new(completion.value), pa, pw);
                let from: [&dyn Figure; 2] = [&a, whole.as_ref()];
                if mistaken(em, &stated, &fit, &other, &from, Mistake::ShareAsCompletion) {
                    continue;
                }
            }
        }
        let rate = Rate::new(RateForm::Share, Printed::new(completion.value), [pa, pb]);
        percent_outcome(
            em,
            &stated,
            &fit,
            (&[&a, &b], rate),
            "完成率",
            "completion rate",
        );
    }
}

/// The relation a claim states of its actual to its budget, with the words: `决算数小于预算数`,
/// or a change against the budget (`与年初预算持平`, `比预算数减少…` with the budget stated).
fn stated_versus_budget(claim: &Claim) -> Option<(BudgetRelation, String, u32)> {
    if let Some(v) = &claim.versus_budget {
        return Some((v.relation, v.text.clone(), v.line));
    }
    let change = claim.change.as_ref()?;
    if !change
        .base
        .as_ref()
        .is_some_and(|b| matches!(b.kind, BaseKind::Budget))
    {
        return None;
    }
    // a change by an amount against a budget not stated says nothing the amount does not
    if change.amount.is_some() && claim.budget.is_none() {
        return None;
    }
    let relation = match change.direction {
        Direction::Increase => BudgetRelation::Above,
        Direction::Decrease => BudgetRelation::Below,
        Direction::Flat => BudgetRelation::Equal,
        Direction::RoughlyFlat => return None,
    };
    let base = change.base.as_ref().map_or("", |b| b.text.as_str());
    Some((relation, format!("{base}{}", change.word), change.line))
}

/// V-13: in final accounts, `决算数小于（大于、等于）预算数`, `未超过预算数`, `与预算持平` against the
/// actual and the budget of the same subject: stated in the claim, else by the one other
/// statement of the subject's budget in the section (`预算为44.52万元，…决算为22.62万元`), else
/// printed in the 三公 table. A relation no values inside the printed figures satisfy is an
/// error; one that holds only inside their rounding a hint; one of the two figures missing is not
/// checked.
fn v_13(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    let claims = &cx.claims.claims;
    for (claim, _) in walk(cx) {
        let Some((relation, text, line)) = stated_versus_budget(claim) else {
            continue;
        };
        let peers = || {
            claims.iter().filter(|c| {
                c.subject == claim.subject
                    && c.section == claim.section
                    && scope_of(c) == scope_of(claim)
                    && !std::ptr::eq(*c, claim)
            })
        };
        let stated_budget = claim
            .budget
            .as_ref()
            .filter(|q| is_money(q))
            .map(|q| said(claim, q, "预算数"))
            .or_else(|| {
                let with: Vec<(&Claim, &Quantity)> = peers()
                    .filter_map(|c| c.budget.as_ref().filter(|q| is_money(q)).map(|q| (c, q)))
                    .collect();
                match with.as_slice() {
                    [(c, q)] => Some(said(c, q, "预算数")),
                    _ => None,
                }
            });
        let stated_actual = claim
            .amount
            .as_ref()
            .filter(|q| is_money(q))
            .map(|q| said(claim, q, "决算数"));
        let key = san_gong_key(&claim.subject);
        let table = |basis: Basis| key.and_then(|k| san_gong_cell(cx, k, None, basis));
        let budget: Option<Box<dyn Figure + '_>> = match stated_budget {
            Some(b) => Some(Box::new(b)),
            None => table(Basis::Budget).map(|c| Box::new(c) as Box<dyn Figure>),
        };
        let actual: Option<Box<dyn Figure + '_>> = match stated_actual {
            Some(a) => Some(Box::new(a)),
            None => table(Basis::Actual).map(|c| Box::new(c) as Box<dyn Figure>),
        };
        let statement = Evidence {
            table: "narrative".to_owned(),
            row: Some(claim.subject.key()),
            column: None,
            text: text.clone(),
            line,
            page: None,
            bbox: None,
        };
        let at = (
            Some("narrative".to_owned()),
            Some(claim.subject.key()),
            None,
        );
        let (Some(budget), Some(actual)) = (budget, actual) else {
            em.push(
                Outcome::InsufficientData,
                Severity::Info,
                at,
                msg!(
                    NARR_VERSUS_BUDGET_UNSTATED,
                    line = &line.to_string(),
                    text = &text
                ),
                None,
                vec![statement],
            );
            continue;
        };
        let (Some(pb), Some(pa)) = (printed(cx, budget.as_ref()), printed(cx, actual.as_ref()))
        else {
            continue;
        };
        // saturating: figures read from any text must not overflow (a saturated sum still
        // orders correctly against zero)
        let diff = pa.value.saturating_sub(pb.value);
        let slack = pa.half_ulp.saturating_add(pb.half_ulp);
        let zero = Decimal::ZERO;
        let (exact, possible) = match relation {
            BudgetRelation::Above => (diff > zero, diff.saturating_add(slack) > zero),
            BudgetRelation::Below => (diff < zero, diff.saturating_sub(slack) < zero),
            BudgetRelation::Equal => (diff.is_zero(), diff.abs() <= slack),
            BudgetRelation::AtMost => (diff <= zero, diff.saturating_sub(slack) <= zero),
            BudgetRelation::AtLeast => (diff >= zero, diff.saturating_add(slack) >= zero),
        };
        let (a, b) = (actual.text(), budget.text());
        let evidence = vec![statement, actual.evidence(), budget.evidence()];
        if exact {
            em.pass(|| {
                (
                    at,
                    msg!(NARR_VERSUS_BUDGET_OK, text = &text, a = &a, b = &b),
                    evidence,
                )
            });
        } else if possible {
            em.push(
                Outcome::Hint,
                Severity::Info,
                at,
                msg!(
                    NARR_VERSUS_BUDGET_ROUNDING,
                    line = &line.to_string(),
                    text = &text,
                    a = &a,
                    b = &b
                ),
                None,
                evidence,
            );
        } else {
            em.push(
                Outcome::Fail,
                Severity::Error,
                at,
                msg!(
                    NARR_VERSUS_BUDGET_CONTRADICTED,
                    line = &line.to_string(),
                    text = &text,
                    a = &a,
                    b = &b
                ),
                None,
                evidence,
            );
        }
    }
}

/// The interval a printed percentage stands for (a bare `0%` is exactly nothing).
fn percent_interval(q: &Quantity) -> (Decimal, Decimal) {
    let p = Printed::stated(q.value);
    (p.low(), p.high())
}

/// The groups of shares of one base: the parts of a claim whose shares are of it (`…收入合计
/// 4125.49万元，其中：A…占93.54%，B…占6.46%`), and the claims of one sentence whose shares name the
/// same whole (`“三公”经费支出决算中，A…占x%，B…占y%`). Each group with its whole, when its figure
/// is stated or printed.
type ShareGroup<'c> = (Vec<&'c Claim>, Option<Box<dyn Figure + 'c>>);

fn share_groups<'c>(cx: &'c Ctx<'_>) -> Vec<ShareGroup<'c>> {
    let mut out: Vec<ShareGroup<'c>> = Vec::new();
    for (claim, _) in walk(cx) {
        let Some(q) = claim.amount.as_ref().filter(|q| is_money(q)) else {
            continue;
        };
        let parts: Vec<&Claim> = claim
            .parts
            .iter()
            .filter(|p| p.share.is_some() && p.share_base.is_none())
            .collect();
        if parts.len() >= 2 {
            out.push((parts, Some(Box::new(said(claim, q, "金额")))));
        }
    }
    let tops = &cx.claims.claims;
    let mut used = vec![false; tops.len()];
    for (i, first) in tops.iter().enumerate() {
        if used.get(i).copied().unwrap_or(true) || first.share.is_none() {
            continue;
        }
        let Some(base) = first.share_base.as_ref() else {
            continue;
        };
        let mut group = vec![first];
        for (j, c) in tops.iter().enumerate().skip(i + 1) {
            if c.share.is_some()
                && c.share_base.as_ref() == Some(base)
                && c.line == first.line
                && c.sentence == first.sentence
            {
                group.push(c);
                if let Some(u) = used.get_mut(j) {
                    *u = true;
                }
            }
        }
        if group.len() < 2 {
            continue;
        }
        out.push((group, share_whole(cx, first, None)));
    }
    out
}

/// N-11: the shares of the parts of one base add up to at most 100 %; where the parts' amounts
/// add up to the base (every part listed), to 100 %. Each share stands for the interval of its
/// printed decimals: the sum fails only when no values inside them reach the bound.
fn n_11(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    let hundred = Decimal::ONE_HUNDRED;
    for (parts, whole) in share_groups(cx) {
        let shares: Vec<&Quantity> = parts.iter().filter_map(|p| p.share.as_ref()).collect();
        let (mut low, mut high, mut sum) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
        for q in &shares {
            let (l, h) = percent_interval(q);
            low = low.saturating_add(l);
            high = high.saturating_add(h);
            sum = sum.saturating_add(q.value);
        }
        // every part listed: their amounts add up to the whole inside the rounding
        let amounts: Vec<Said<'_>> = parts
            .iter()
            .filter_map(|p| {
                p.amount
                    .as_ref()
                    .filter(|q| is_money(q))
                    .map(|q| said(p, q, "金额"))
            })
            .collect();
        let whole_fig = whole.as_deref();
        let complete = amounts.len() == parts.len()
            && whole_fig.and_then(|w| printed(cx, w)).is_some_and(|w| {
                let (mut v, mut half) = (Decimal::ZERO, w.half_ulp);
                for a in &amounts {
                    if let Some(pa) = printed(cx, a) {
                        v += pa.value;
                        half += pa.half_ulp;
                    } else {
                        return false;
                    }
                }
                (v - w.value).abs() <= half
            });
        // a share N-05 finds wrong (or truncated) is that share's finding, not the sum's
        let off = whole_fig.and_then(|w| printed(cx, w)).is_some_and(|pw| {
            parts.iter().any(|p| {
                let (Some(q), Some(a)) =
                    (p.share.as_ref(), p.amount.as_ref().filter(|q| is_money(q)))
                else {
                    return false;
                };
                printed(cx, &said(p, a, "金额"))
                    .is_some_and(|pa| !share_fits(Printed::new(q.value), pa, pw).consistent())
            })
        });
        if off {
            continue;
        }
        let Some(first) = parts.first() else { continue };
        let Some(fq) = first.share.as_ref() else {
            continue;
        };
        let at = said(first, fq, "占比").at();
        let mut evidence: Vec<Evidence> = parts
            .iter()
            .filter_map(|p| p.share.as_ref().map(|q| said(p, q, "占比").evidence()))
            .collect();
        if let Some(w) = whole_fig {
            evidence.push(w.evidence());
        }
        let list = shares
            .iter()
            .map(|q| q.text.clone())
            .collect::<Vec<_>>()
            .join(" + ");
        let line = fq.line.to_string();
        let sum_text = sum.to_string();
        let numbers = Some((
            "100".to_owned(),
            sum.to_string(),
            (sum - hundred).to_string(),
            "%".to_owned(),
        ));
        let base = whole_fig.map_or_else(
            || {
                first
                    .share_base
                    .as_ref()
                    .map_or_else(String::new, Subject::key)
            },
            Figure::text,
        );
        if low > hundred {
            em.push(
                Outcome::Fail,
                Severity::Error,
                at,
                msg!(
                    NARR_SHARES_OVER_100,
                    line = &line,
                    base = &base,
                    list = &list,
                    sum = &sum_text
                ),
                numbers,
                evidence,
            );
        } else if !complete {
            em.pass(|| (at, msg!(NARR_SHARES_WITHIN_100, sum = &sum_text), evidence));
        } else if sum == hundred {
            em.pass(|| (at, msg!(NARR_SHARES_COMPLETE, list = &list), evidence));
        } else if low <= hundred && hundred <= high {
            em.push(
                Outcome::Hint,
                Severity::Info,
                at,
                msg!(
                    NARR_SHARES_COMPLETE_ROUNDING,
                    line = &line,
                    list = &list,
                    sum = &sum_text
                ),
                numbers,
                evidence,
            );
        } else {
            em.push(
                Outcome::Fail,
                Severity::Error,
                at,
                msg!(
                    NARR_SHARES_COMPLETE_NOT_100,
                    line = &line,
                    base = &base,
                    list = &list,
                    sum = &sum_text
                ),
                numbers,
                evidence,
            );
        }
    }
}

/// The parts a whole is split into by the format, all of them (the “三公” items, the vehicle
/// items, 人员经费 and 公用经费 of 基本支出).
fn partition(whole: &Subject) -> Option<&'static [Subject]> {
    const SAN_GONG: [Subject; 3] = [Subject::Abroad, Subject::Vehicle, Subject::Reception];
    const VEHICLE: [Subject; 2] = [Subject::VehiclePurchase, Subject::VehicleOperation];
    const BASIC: [Subject; 2] = [Subject::Personnel, Subject::Public];
    match whole {
        Subject::SanGong => Some(&SAN_GONG),
        Subject::Vehicle => Some(&VEHICLE),
        Subject::Basic => Some(&BASIC),
        _ => None,
    }
}

/// The one value that every claim in `claims` states for a quantity (`None` when none states
/// it or two state different values): a subject's actual or budget, read once per section.
fn one_value<'c>(
    claims: &[&'c Claim],
    get: impl Fn(&'c Claim) -> Option<&'c Quantity>,
) -> Option<(&'c Claim, &'c Quantity)> {
    let mut found: Option<(&Claim, &Quantity)> = None;
    for &c in claims {
        let Some(q) = get(c).filter(|q| is_money(q)) else {
            continue;
        };
        match found {
            Some((_, f)) if f.value != q.value || f.unit() != q.unit() => return None,
            Some(_) => {}
            None => found = Some((c, q)),
        }
    }
    found
}

/// A part's budget as figures: its stated budget, or its actual and its change against the
/// budget (budget = actual − Δ; an increase's Δ goes to the other side of the equation).
enum PartBudget<'c> {
    Stated(Said<'c>),
    Implied {
        actual: Said<'c>,
        delta: Option<(Said<'c>, Direction)>,
    },
}

/// N-12: in final accounts, the budgets of every part of a whole that the format splits fully
/// (the three “三公” items, …) add up to the whole's budget. A part's budget is stated
/// (`预算为…`) or implied by its actual and its change against the budget (`比预算数减少17.54万
/// 元`, `增加(减少)0万元`); the parts' actuals must add up to the whole's actual within rounding, so
/// that both are of one scope. A part whose budget cannot be established leaves the sum
/// unchecked.
fn n_12(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    let all = walk(cx);
    let against_budget = |c: &Claim| {
        c.change.as_ref().is_some_and(|ch| {
            ch.base
                .as_ref()
                .is_some_and(|b| matches!(b.kind, BaseKind::Budget))
        })
    };
    for (i, (whole, _)) in all.iter().enumerate() {
        let (Some(parts), Some(wb), Some(wa)) = (
            partition(&whole.subject),
            whole.budget.as_ref().filter(|q| is_money(q)),
            whole.amount.as_ref().filter(|q| is_money(q)),
        ) else {
            continue;
        };
        // the statements that follow in the same kind of section
        let scope: Vec<&Claim> = all
            .iter()
            .skip(i + 1)
            .map(|(c, _)| *c)
            .take_while(|c| c.section == whole.section && c.subject != whole.subject)
            .collect();
        let mut budgets: Vec<PartBudget<'_>> = Vec::new();
        for part in parts {
            let of: Vec<&Claim> = scope
                .iter()
                .copied()
                .filter(|c| &c.subject == part)
                .collect();
            if let Some((c, q)) = one_value(&of, |c| c.budget.as_ref()) {
                budgets.push(PartBudget::Stated(said(c, q, "预算数")));
                continue;
            }
            let Some((ac, aq)) = one_value(&of, |c| c.amount.as_ref()) else {
                break;
            };
            let changes: Vec<&Claim> = of.iter().copied().filter(|c| against_budget(c)).collect();
            let [c] = changes.as_slice() else { break };
            let Some(ch) = c.change.as_ref() else { break };
            let delta = match (ch.direction, ch.amount.as_ref().filter(|q| is_money(q))) {
                (Direction::Flat, None) => None,
                (Direction::RoughlyFlat, _) | (_, None) => break,
                (d, Some(q)) => Some((said(c, q, "比预算增减额"), d)),
            };
            budgets.push(PartBudget::Implied {
                actual: said(ac, aq, "决算数"),
                delta,
            });
        }
        if budgets.len() != parts.len() {
            continue;
        }
        // the parts' actuals are the whole's, within rounding: one scope
        let actuals: Vec<&Said<'_>> = budgets
            .iter()
            .filter_map(|b| match b {
                PartBudget::Implied { actual, .. } => Some(actual),
                PartBudget::Stated(_) => None,
            })
            .collect();
        if actuals.len() == parts.len() {
            let w = said(whole, wa, "决算数");
            let (Some(pw), Some(sum)) = (
                printed(cx, &w),
                actuals
                    .iter()
                    .try_fold(Printed::exact(Decimal::ZERO), |acc, a| {
                        printed(cx, *a).map(|p| Printed {
                            value: acc.value + p.value,
                            half_ulp: acc.half_ulp + p.half_ulp,
                        })
                    }),
            ) else {
                continue;
            };
            if (sum.value - pw.value).abs() > sum.half_ulp + pw.half_ulp {
                continue; // another scope, or N-02's gap
            }
        }
        let w = said(whole, wb, "预算数");
        let mut lhs: Vec<&dyn Figure> = vec![&w];
        let mut rhs: Vec<&dyn Figure> = Vec::new();
        for b in &budgets {
            match b {
                PartBudget::Stated(s) => rhs.push(s),
                PartBudget::Implied { actual, delta } => {
                    rhs.push(actual);
                    match delta {
                        Some((d, Direction::Increase)) => lhs.push(d),
                        Some((d, _)) => rhs.push(d),
                        None => {}
                    }
                }
            }
        }
        let label = whole.label.trim();
        em.compare_figs(
            &lhs,
            &rhs,
            Relation::Eq,
            &|| {
                words(
                    format!("{label}预算数 = 各项预算数之和（各项预算数 = 决算数 − 比预算增减额）"),
                    format!(
                        "the budget of {} = the sum of its parts' budgets (a part's budget = its actual − its change against the budget)",
                        whole.subject.key()
                    ),
                )
            },
            Severity::Error,
        );
    }
}

/// The lines of the narrative that read as titles ([`crate::text::is_title_line`]): section
/// headings and the lines of paragraphs, with their line numbers.
fn title_lines(doc: &crate::model::Document) -> Vec<(u32, &str)> {
    let mut out = Vec::new();
    for s in &doc.sections {
        if crate::text::is_title_line(&s.title) {
            out.push((s.lines.start, s.title.as_str()));
        }
        for p in &s.paragraphs {
            out.extend(
                p.source_lines()
                    .filter(|(_, l)| crate::text::is_title_line(l))
                    .map(|(n, l)| (n, l.trim())),
            );
        }
    }
    out
}

/// The length of the longest common subsequence of two short texts, by characters.
fn common_chars(a: &[char], b: &[char]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for &x in a {
        let mut diag = 0;
        for (j, &y) in b.iter().enumerate() {
            let up = row.get(j + 1).copied().unwrap_or(0);
            let left = row.get(j).copied().unwrap_or(0);
            let v = if x == y { diag + 1 } else { up.max(left) };
            diag = up;
            if let Some(slot) = row.get_mut(j + 1) {
                *slot = v;
            }
        }
    }
    row.last().copied().unwrap_or(0)
}

/// V-14: a title printed again (the page title and the heading of the statement, a cover and an
/// inner title) with another year than the document's: the same words, the year changed (`…2021年
/// 度“三公”经费决算支出情况说明` then `…2020年度“三公”经费决支出情况说明` over a 2021 body). Titles
/// about other years with other words (a prior year's review) are not compared. A warning: the
/// statement names the wrong year, no figure is contradicted.
fn v_14(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    let Some(year) = cx.doc.meta.year else {
        return;
    };
    let titles = title_lines(cx.doc);
    let without_years = |t: &str| -> Vec<char> {
        let mut s = t.to_owned();
        for y in crate::text::years_in(t) {
            s = s.replace(&format!("{y}年"), "年");
        }
        normalize_name(&s).chars().collect()
    };
    let references: Vec<(u32, &str, Vec<char>)> = titles
        .iter()
        .filter(|(_, t)| crate::text::years_in(t).contains(&year))
        .map(|&(l, t)| (l, t, without_years(t)))
        .collect();
    for &(line, title) in &titles {
        let years = crate::text::years_in(title);
        if years.is_empty() || years.contains(&year) {
            continue;
        }
        let words = without_years(title);
        let same = references.iter().find(|(_, _, r)| {
            let longer = r.len().max(words.len());
            longer >= 8 && common_chars(r, &words) * 10 >= longer * 9
        });
        let Some((ref_line, ref_title, _)) = same else {
            continue;
        };
        let printed: Vec<String> = years.iter().map(|y| format!("{y}年")).collect();
        let printed = printed.join("、");
        let evidence = |l: u32, t: &str| Evidence {
            table: "narrative".to_owned(),
            row: None,
            column: None,
            text: t.to_owned(),
            line: l,
            page: None,
            bbox: None,
        };
        em.push(
            Outcome::Fail,
            Severity::Warning,
            (Some("narrative".to_owned()), None, None),
            msg!(
                NARR_TITLE_YEAR,
                line = &line.to_string(),
                printed = &printed,
                ref_line = &ref_line.to_string(),
                year = &year.to_string()
            ),
            None,
            vec![evidence(line, title), evidence(*ref_line, ref_title)],
        );
    }
}
