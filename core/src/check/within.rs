//! Rules within one table (W-…): rows equal the sum of their columns, 类 = Σ款 = Σ项, the total
//! row equals the sum of its classes, the summary tables balance, the "三公" table closes, empty
//! tables carry their statement.

use crate::model::{ColumnKey as K, LineItem, Row, Side, Table, TableKey, TableKind};
use crate::report::{Evidence, Outcome, Severity};
use crate::template::Vocabulary;
use crate::text::has;

use super::engine::{CellRef, Ctx, Emitter, Relation, Val, Words};
use super::messages::msg;
use super::{RuleDef, RuleSeverity};

pub(super) fn rules() -> Vec<RuleDef> {
    vec![
        rule!(
            "W-01-1",
            Hard,
            ["T01"],
            "收支总体情况表：收入总计 = 支出总计",
            "T01: total income equals total expenditure",
            |cx, em| balance(cx, em, &TableKey::T01)
        ),
        rule!(
            "W-01-2",
            Hard,
            ["T01"],
            "收支总体情况表：本年收入合计 = 各收入来源之和",
            "T01: income of the year equals the sum of its sources",
            |cx, em| income_subtotal(cx, em, &TableKey::T01)
        ),
        rule!(
            "W-01-3",
            Hard,
            ["T01"],
            "收支总体情况表：财政拨款收入 = 一般公共预算 + 政府性基金 + 国有资本经营",
            "T01: fiscal grant income equals its three funds",
            w_01_3
        ),
        rule!(
            "W-01-4",
            Hard,
            ["T01"],
            "收支总体情况表：收入总计 = 本年收入合计 + 上年结转等",
            "T01: total income equals income of the year plus carry-forward and the other lines below it",
            |cx, em| income_total(cx, em, &TableKey::T01)
        ),
        rule!(
            "W-01-5",
            Hard,
            ["T01"],
            "收支总体情况表：本年支出合计 = 各类支出之和",
            "T01: expenditure of the year equals the sum of its 类 rows",
            |cx, em| expenditure_subtotal(cx, em, &TableKey::T01)
        ),
        rule!(
            "W-01-6",
            Hard,
            ["T01"],
            "收支总体情况表：支出总计 = 本年支出合计 + 结转下年等",
            "T01: total expenditure equals expenditure of the year plus carry-over and the other lines below it",
            |cx, em| expenditure_total(cx, em, &TableKey::T01)
        ),
        rule!(
            "W-01-7",
            Hard,
            ["T01"],
            "收支总体情况表：各支出行 合计 = 基本支出 + 项目支出，基本支出 = 人员经费 + 公用经费",
            "T01: each expenditure row's total equals basic plus project expenditure (where printed)",
            |cx, em| row_identities(cx, em, &[TableKey::T01], &[Identity::Uses, Identity::BasicSplit])
        ),
        rule!(
            "W-02-1",
            Hard,
            ["T02"],
            "收入总体情况表：各行 合计 = 各资金来源之和",
            "T02: each row's total equals the sum of its source columns",
            |cx, em| row_identities(cx, em, &[TableKey::T02], &[Identity::Sources])
        ),
        rule!(
            "W-02-2",
            Hard,
            ["T02"],
            "收入总体情况表：各行 财政拨款 = 一般公共预算 + 政府性基金 + 国有资本经营",
            "T02: each row's fiscal grant equals its fund columns",
            |cx, em| row_identities(cx, em, &[TableKey::T02], &[Identity::FiscalSplit])
        ),
        rule!(
            "W-02-3",
            Hard,
            ["T02"],
            "收入总体情况表：类 = Σ款，款 = Σ项",
            "T02: each 类 equals the sum of its 款, each 款 the sum of its 项",
            |cx, em| hierarchy(cx, em, &[TableKey::T02])
        ),
        rule!(
            "W-02-4",
            Hard,
            ["T02"],
            "收入总体情况表：合计行 = 各类之和",
            "T02: the total row equals the sum of the 类 rows",
            |cx, em| total_row(cx, em, &[TableKey::T02])
        ),
        rule!(
            "W-03-1",
            Hard,
            ["T03"],
            "支出总体情况表：各行 合计 = 基本支出 + 项目支出（+ 上缴上级、经营、对附属单位补助）",
            "T03: each row's total equals basic plus project expenditure (plus the other uses printed)",
            |cx, em| row_identities(cx, em, &[TableKey::T03], &[Identity::Uses, Identity::BasicSplit])
        ),
        rule!(
            "W-03-2",
            Hard,
            ["T03"],
            "支出总体情况表：类 = Σ款 = Σ项，合计行 = 各类之和",
            "T03: hierarchy sums and the total row",
            |cx, em| {
                hierarchy(cx, em, &[TableKey::T03]);
                total_row(cx, em, &[TableKey::T03]);
            }
        ),
        rule!(
            "W-04-1",
            Hard,
            ["T04"],
            "财政拨款收支总体情况表：收入总计 = 支出总计",
            "T04: total income equals total expenditure",
            |cx, em| balance(cx, em, &TableKey::T04)
        ),
        rule!(
            "W-04-2",
            Hard,
            ["T04"],
            "财政拨款收支总体情况表：本年收入 = 各项财政拨款收入之和",
            "T04: income of the year equals the sum of the fund income lines",
            |cx, em| income_subtotal(cx, em, &TableKey::T04)
        ),
        rule!(
            "W-04-3",
            Hard,
            ["T04"],
            "财政拨款收支总体情况表：各支出行 合计 = 一般公共预算 + 政府性基金 + 国有资本经营",
            "T04: each expenditure row's total equals its fund columns",
            |cx, em| row_identities(cx, em, &[TableKey::T04], &[Identity::FiscalSplit])
        ),
        rule!(
            "W-04-4",
            Hard,
            ["T04"],
            "财政拨款收支总体情况表：各支出列 本年支出合计 = 各类之和",
            "T04: each expenditure column's total equals the sum of its 类 rows",
            |cx, em| expenditure_subtotal(cx, em, &TableKey::T04)
        ),
        rule!(
            "W-04-5",
            Hard,
            ["T04"],
            "财政拨款收支总体情况表：各资金的收入（含上年结转）= 支出（含结转下年）",
            "T04: for each fund, income (with carry-forward) equals expenditure (with carry-over); a carry-forward split by fund equals its fund lines",
            w_04_5
        ),
        rule!(
            "W-05-1",
            Hard,
            ["T05", "T08", "T09"],
            "功能分类表：各行 合计 = 基本支出 + 项目支出，基本支出 = 人员经费 + 公用经费",
            "functional tables: each row's total equals basic plus project, basic equals personnel plus public",
            |cx, em| row_identities(
                cx,
                em,
                &[TableKey::T05, TableKey::T08, TableKey::T09],
                &[Identity::Uses, Identity::BasicSplit]
            )
        ),
        rule!(
            "W-05-2",
            Hard,
            ["T05", "T08", "T09"],
            "功能分类表：类 = Σ款 = Σ项，合计行 = 各类之和",
            "functional tables: hierarchy sums and the total row",
            |cx, em| {
                hierarchy(cx, em, &[TableKey::T05, TableKey::T08, TableKey::T09]);
                total_row(cx, em, &[TableKey::T05, TableKey::T08, TableKey::T09]);
            }
        ),
        rule!(
            "W-06-1",
            Hard,
            ["T06"],
            "一般公共预算基本支出情况表：合计 = 人员经费 + 公用经费",
            "T06: the total equals personnel plus public expenditure",
            |cx, em| personnel_public(cx, em, true)
        ),
        rule!(
            "W-06-2",
            Hard,
            ["T06"],
            "一般公共预算基本支出情况表：各行 合计 = 人员经费 + 公用经费",
            "T06: each row's total equals personnel plus public expenditure",
            |cx, em| personnel_public(cx, em, false)
        ),
        rule!(
            "W-06-3",
            Hard,
            ["T06"],
            "一般公共预算基本支出情况表：类 = Σ款",
            "T06: each economic 类 equals the sum of its 款",
            |cx, em| hierarchy(cx, em, &[TableKey::T06])
        ),
        rule!(
            "W-06-4",
            Hard,
            ["T06"],
            "一般公共预算基本支出情况表：人员经费 = Σ人员类（301、303），公用经费 = Σ公用类（302、310…）",
            "T06: personnel = the personnel classes (301, 303), public = the public classes (302, 310, …)",
            w_06_4
        ),
        rule!(
            "W-07-1",
            Hard,
            ["T07"],
            "“三公”经费表：合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费",
            "T07: the 三公 total equals travel abroad plus vehicles plus reception",
            |cx, em| san_gong(cx, em, SanGongCheck::Total)
        ),
        rule!(
            "W-07-2",
            Hard,
            ["T07"],
            "“三公”经费表：公务用车购置及运行费 = 购置费 + 运行费",
            "T07: vehicle purchase and operation equals purchase plus operation",
            |cx, em| san_gong(cx, em, SanGongCheck::Vehicle)
        ),
        rule!(
            "W-07-3",
            Hard,
            ["T07"],
            "“三公”经费表：合计为 0 时各项均为 0",
            "T07: when the total is zero every item is zero",
            |cx, em| san_gong(cx, em, SanGongCheck::Zero)
        ),
        rule!(
            "W-07-5",
            Conditional,
            ["T07"],
            "“三公”经费表：增减 = 本年 − 上年",
            "T07: the change equals this year minus last year",
            w_07_5,
            "the table prints change columns (增减变化, 比上年增减) beside this year's and last year's"
        ),
        rule!(
            "W-08-1",
            Hard,
            ["T08", "T09"],
            "政府性基金/国有资本经营预算支出表：无数据时须公开空表并说明",
            "T08/T09: a table without data is published empty with a statement",
            w_08_1
        )
        .at_most(RuleSeverity::Warning),
        rule!(
            "W-08-3",
            Hard,
            ["T07", "T11", "T12"],
            "“三公”经费、项目支出、政府采购表：无数据时须说明（表下或情况说明，“…为0”亦可）",
            "T07/T11/T12: a table without data comes with a statement (under it, or in the narrative: “… is 0” counts)",
            w_08_3
        )
        .at_most(RuleSeverity::Warning),
        rule!(
            "W-08-2",
            Hard,
            ["T08", "T09"],
            "空表说明须与本表资金一致；有数据的表（任何表）不得注明“空表”",
            "T08/T09: the empty-table statement names this table's fund; a table with data (any table) carries no such statement",
            w_08_2
        ),
        rule!(
            "W-10-1",
            Hard,
            ["T10"],
            "基本支出预算情况表：各行 合计 = 各资金来源之和，财政拨款 = 各项资金之和",
            "T10: each row's total equals its source columns, fiscal grant equals its funds",
            |cx, em| row_identities(
                cx,
                em,
                &[TableKey::T10],
                &[
                    Identity::Sources,
                    Identity::FiscalSplit,
                    Identity::PersonnelPublic
                ]
            )
        ),
        rule!(
            "W-10-2",
            Hard,
            ["T10"],
            "基本支出预算情况表：类 = Σ款，合计行 = 各类之和",
            "T10: hierarchy sums and the total row",
            |cx, em| {
                hierarchy(cx, em, &[TableKey::T10]);
                total_row(cx, em, &[TableKey::T10]);
            }
        ),
        rule!(
            "W-11-1",
            Hard,
            ["T11"],
            "项目支出预算情况表：合计行 = 各项目之和",
            "T11: the total row equals the sum of the projects",
            w_11_1
        ),
        rule!(
            "W-11-2",
            Hard,
            ["T11"],
            "项目支出预算情况表：各项目 合计 = 各资金来源之和",
            "T11: each project's total equals its source columns",
            |cx, em| row_identities(
                cx,
                em,
                &[TableKey::T11],
                &[Identity::Sources, Identity::FiscalSplit]
            )
        ),
        rule!(
            "W-12-1",
            Hard,
            ["T12"],
            "政府采购预算表：采购总额 = 货物 + 工程 + 服务",
            "T12: the procurement total equals goods plus works plus services",
            w_12_1
        ),
        rule!(
            "W-12-3",
            Hard,
            ["T12"],
            "政府采购预算表：合计行 = 各行之和，各行 合计 = 各资金来源之和",
            "T12: the total row equals its rows; each row's total equals its source columns",
            |cx, em| {
                row_identities(
                    cx,
                    em,
                    &[TableKey::T12],
                    &[Identity::Sources, Identity::FiscalSplit],
                );
                hierarchy(cx, em, &[TableKey::T12]);
                total_row(cx, em, &[TableKey::T12]);
            }
        ),
    ]
}

/// The kinds of "row = sum of its columns" identity.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Identity {
    /// 合计 = Σ 资金来源.
    Sources,
    /// 财政拨款 (or the fiscal 合计) = 一般公共预算 + 政府性基金 + 国有资本经营.
    FiscalSplit,
    /// 合计 = 基本支出 + 项目支出 (+ other uses).
    Uses,
    /// 基本支出 = 人员经费 + 公用经费.
    BasicSplit,
    /// 合计 = 人员经费 + 公用经费 (economic tables without 基本/项目 columns).
    PersonnelPublic,
}

const FUNDS: [K; 3] = [K::GeneralPublic, K::GovFund, K::StateCapital];
const OTHER_SOURCES: [K; 9] = [
    K::SpecialAccount,
    K::UnitFunds,
    K::BusinessIncome,
    K::OperatingIncome,
    K::OtherIncome,
    K::SuperiorSubsidy,
    K::AffiliatedRemit,
    K::NonFiscalBalance,
    K::CarryForward,
];
const OTHER_USES: [K; 3] = [
    K::RemitToSuperior,
    K::OperatingExpense,
    K::SubsidyToAffiliates,
];

fn has_col(table: &Table, lane: u8, key: K) -> bool {
    table.column_in_lane(key, lane).is_some()
}

/// The sides of an identity for one row, or `None` when the row's lane lacks the columns.
fn identity_terms(table: &Table, lane: u8, id: Identity) -> Option<(K, Vec<K>)> {
    let present = |keys: &[K]| -> Vec<K> {
        keys.iter()
            .copied()
            .filter(|k| has_col(table, lane, *k))
            .collect()
    };
    let (lhs, parts) = match id {
        Identity::Sources => {
            let mut parts = if has_col(table, lane, K::FiscalGrant) {
                vec![K::FiscalGrant]
            } else {
                present(&FUNDS)
            };
            parts.extend(present(&OTHER_SOURCES));
            (K::Total, parts)
        }
        Identity::FiscalSplit => {
            let funds = present(&FUNDS);
            if has_col(table, lane, K::FiscalGrant) {
                (K::FiscalGrant, funds)
            } else if !OTHER_SOURCES.iter().any(|k| has_col(table, lane, *k)) && funds.len() >= 2 {
                // a fiscal-only table (T04): its 合计 is the fiscal total
                (K::Total, funds)
            } else {
                return None;
            }
        }
        Identity::Uses => {
            if !has_col(table, lane, K::Project) {
                return None;
            }
            let mut parts = if has_col(table, lane, K::Basic) {
                vec![K::Basic]
            } else {
                present(&[K::Personnel, K::Public])
            };
            parts.push(K::Project);
            parts.extend(present(&OTHER_USES));
            (K::Total, parts)
        }
        Identity::BasicSplit => (K::Basic, present(&[K::Personnel, K::Public])),
        Identity::PersonnelPublic => {
            if has_col(table, lane, K::Basic) || has_col(table, lane, K::Project) {
                return None;
            }
            (K::Total, present(&[K::Personnel, K::Public]))
        }
    };
    (has_col(table, lane, lhs) && !parts.is_empty()).then_some((lhs, parts))
}

fn words(lhs: K, parts: &[K]) -> Words {
    let zh: Vec<&str> = parts.iter().map(|k| k.label()).collect();
    let en: Vec<&str> = parts.iter().map(|k| k.as_str()).collect();
    Words::new(
        format!("{} = {}", lhs.label(), zh.join(" + ")),
        format!("{} = {}", lhs.as_str(), en.join(" + ")),
    )
}

/// "Row = sum of its columns" for every row of the tables.
pub(super) fn row_identities(
    cx: &Ctx<'_>,
    em: &mut Emitter<'_>,
    tables: &[TableKey],
    ids: &[Identity],
) {
    for key in tables {
        let Some(table) = cx.table(key) else {
            em.missing_table(key);
            continue;
        };
        for row in &table.rows {
            for &id in ids {
                let Some((lhs, parts)) = identity_terms(table, row.lane, id) else {
                    continue;
                };
                let Some(l) = CellRef::at(table, row, lhs) else {
                    continue;
                };
                let r: Vec<CellRef<'_>> = parts
                    .iter()
                    .filter_map(|k| CellRef::at(table, row, *k))
                    .collect();
                if id == Identity::Uses {
                    // 结转下年 printed beside the uses: whether 合计 includes it depends on the template.
                    if let Some(c) = CellRef::at(table, row, K::CarryOver) {
                        if !c.value().is_zero_or_blank() {
                            let (z, e) = l.location();
                            em.insufficient_why(
                                Some(&table.key),
                                msg!(WHY_USES_CARRY_OVER, loc = (z.as_str(), e.as_str())),
                                vec![l.evidence(), c.evidence()],
                            );
                            continue;
                        }
                    }
                }
                em.compare(
                    &[l],
                    &r,
                    Relation::Eq,
                    &|| words(lhs, &parts),
                    Severity::Error,
                );
            }
        }
    }
}

/// A table per language: its short title, or its key.
fn table_name(table: &Table) -> (String, String) {
    (table.title_short(), table.key.to_string())
}

fn is_coded(row: &Row) -> bool {
    row.code.is_some()
}

/// 类 = Σ款 and 款 = Σ项 in every amount column.
pub(super) fn hierarchy(cx: &Ctx<'_>, em: &mut Emitter<'_>, tables: &[TableKey]) {
    for key in tables {
        let Some(table) = cx.table(key) else {
            em.missing_table(key);
            continue;
        };
        if table.kind == TableKind::Summary {
            continue;
        }
        let built;
        let ix = if let Some(ix) = cx.index_of(table) {
            ix
        } else {
            built = super::engine::CodeIndex::of(table);
            &built
        };
        // a code printed twice is checked once (the repeat is a classification finding)
        let mut seen: crate::HashSet<(u8, &str)> = crate::HashSet::default();
        for parent in table.rows.iter().filter(|r| is_coded(r)) {
            let Some(code) = parent.code.as_deref() else {
                continue;
            };
            if !seen.insert((parent.lane, code)) {
                continue;
            }
            let child_len = code.len() + 2;
            let children: &[&Row] = ix
                .children
                .get(&(parent.lane, code))
                .map_or(&[], Vec::as_slice);
            if children.is_empty() {
                let printed_at_level = ix.has_length(child_len);
                if printed_at_level && parent.cells.iter().any(|c| c.value.number().is_some()) {
                    let (lvl, lvl_en) = if child_len == 5 {
                        ("款", "款 (section)")
                    } else {
                        ("项", "项 (item)")
                    };
                    let loc = (
                        format!(
                            "{}「{}」",
                            table.title_short(),
                            super::engine::row_name(parent)
                        ),
                        format!("{} row {code}", table.key),
                    );
                    em.insufficient_why(
                        Some(&table.key),
                        msg!(WHY_HIERARCHY_NO_CHILDREN, loc = &loc, level = (lvl, lvl_en)),
                        vec![Evidence {
                            table: table.key.to_string(),
                            row: Some(code.to_owned()),
                            column: None,
                            text: String::from(&parent.label),
                            line: parent.line,
                            page: None,
                            bbox: None,
                        }],
                    );
                }
                continue;
            }
            let level = if code.len() == 3 {
                ("类", "类")
            } else {
                ("款", "款")
            };
            let what = Words::new(
                format!(
                    "{} = 下级各{}之和",
                    level.0,
                    if code.len() == 3 { "款" } else { "项" }
                ),
                format!(
                    "{} {code} = sum of its {}",
                    level.1,
                    if code.len() == 3 { "款" } else { "项" }
                ),
            );
            for (col_idx, col) in table.columns.iter().enumerate() {
                if col.lane != parent.lane || parent.cell_at(col_idx).is_none() {
                    continue;
                }
                let lhs = CellRef {
                    table,
                    row: parent,
                    col: col_idx,
                };
                let rhs: Vec<CellRef<'_>> = children
                    .iter()
                    .filter(|c| c.cell_at(col_idx).is_some())
                    .map(|c| CellRef {
                        table,
                        row: c,
                        col: col_idx,
                    })
                    .collect();
                em.compare(&[lhs], &rhs, Relation::Eq, &what, Severity::Error);
            }
        }
    }
}

/// The total row equals the sum of the top-level code rows, column by column.
pub(super) fn total_row(cx: &Ctx<'_>, em: &mut Emitter<'_>, tables: &[TableKey]) {
    for key in tables {
        let Some(table) = cx.table(key) else {
            em.missing_table(key);
            continue;
        };
        let built;
        let ix = if let Some(ix) = cx.index_of(table) {
            ix
        } else {
            built = super::engine::CodeIndex::of(table);
            &built
        };
        for total in table.rows.iter().filter(|r| r.total) {
            let top: Vec<&Row> = table
                .rows
                .iter()
                .filter(|r| {
                    r.lane == total.lane
                        && r.code
                            .as_deref()
                            .is_some_and(|code| !ix.has_ancestor(Some(total.lane), code))
                })
                .collect();
            let strays: Vec<&Row> = table
                .rows
                .iter()
                .filter(|r| {
                    r.lane == total.lane
                        && !r.total
                        && r.code.is_none()
                        && r.cells.iter().any(|c| c.value.number().is_some())
                })
                .collect();
            if top.is_empty() {
                continue;
            }
            if let Some(gaps) = missing_from_covered(cx, table, &top) {
                let listed = (
                    gaps.iter()
                        .map(|(t, r)| {
                            format!("{}（{t} 第{}行）", super::engine::row_name(r), r.line)
                        })
                        .collect::<Vec<_>>()
                        .join("、"),
                    gaps.iter()
                        .map(|(t, r)| format!("{} ({t} line {})", r.key(), r.line))
                        .collect::<Vec<_>>()
                        .join(", "),
                );
                em.insufficient_why(
                    Some(&table.key),
                    msg!(
                        WHY_TOTAL_ROW_CLASS_MISSING,
                        table = &table_name(table),
                        gaps = &listed
                    ),
                    gaps.iter()
                        .map(|(t, r)| Evidence {
                            table: (*t).to_owned(),
                            row: Some(r.key()),
                            column: None,
                            text: String::from(&r.label),
                            line: r.line,
                            page: None,
                            bbox: None,
                        })
                        .collect(),
                );
                continue;
            }
            if !strays.is_empty() {
                em.insufficient_why(
                    Some(&table.key),
                    msg!(WHY_TOTAL_ROW_UNCODED_ROWS, table = &table_name(table)),
                    strays
                        .iter()
                        .map(|r| Evidence {
                            table: table.key.to_string(),
                            row: Some(r.key()),
                            column: None,
                            text: String::from(&r.label),
                            line: r.line,
                            page: None,
                            bbox: None,
                        })
                        .collect(),
                );
                continue;
            }
            let what = Words::new("合计行 = 各类之和", "total row = sum of the 类 rows");
            for (col_idx, col) in table.columns.iter().enumerate() {
                if col.lane != total.lane || total.cell_at(col_idx).is_none() {
                    continue;
                }
                let lhs = CellRef {
                    table,
                    row: total,
                    col: col_idx,
                };
                let rhs: Vec<CellRef<'_>> = top
                    .iter()
                    .filter(|r| r.cell_at(col_idx).is_some())
                    .map(|r| CellRef {
                        table,
                        row: r,
                        col: col_idx,
                    })
                    .collect();
                em.compare(&[lhs], &rhs, Relation::Eq, &what, Severity::Error);
            }
        }
    }
}

/// Top-level rows with an amount that a table of narrower scope (one this table covers) prints
/// and this table does not: this table's row list is incomplete.
fn missing_from_covered<'a>(
    cx: &Ctx<'a>,
    table: &Table,
    top: &[&Row],
) -> Option<Vec<(&'a str, &'a Row)>> {
    let mut gaps = Vec::new();
    let top_codes: crate::HashSet<&str> = top.iter().filter_map(|t| t.code.as_deref()).collect();
    for key in &table.covers {
        let Some(narrow) = cx.table(key) else {
            continue;
        };
        let built;
        let ix = if let Some(ix) = cx.index_of(narrow) {
            ix
        } else {
            built = super::engine::CodeIndex::of(narrow);
            &built
        };
        for r in &narrow.rows {
            let Some(code) = r.code.as_deref() else {
                continue;
            };
            let is_top = !ix.has_ancestor(None, code);
            let printed = r
                .cells
                .iter()
                .any(|c| c.value.number().is_some_and(|v| !v.is_zero()));
            if is_top && printed && !top_codes.contains(code) {
                gaps.push((narrow.key.as_str(), r));
            }
        }
    }
    (!gaps.is_empty()).then_some(gaps)
}

// ---------------------------------------------------------------------------------------------
// Summary tables (T01, T04)

/// The amount column of a summary row: the side's single amount, or its 合计.
fn main_col(table: &Table, row: &Row) -> Option<usize> {
    table
        .column_in_lane(K::Amount, row.lane)
        .or_else(|| table.column_in_lane(K::Total, row.lane))
}

fn main_cell<'a>(table: &'a Table, row: &'a Row) -> Option<CellRef<'a>> {
    let col = main_col(table, row)?;
    row.cell_at(col)?;
    Some(CellRef { table, row, col })
}

fn is_fund_item(i: LineItem) -> bool {
    matches!(
        i,
        LineItem::GeneralPublic | LineItem::GovFund | LineItem::StateCapital
    )
}

/// The lines of one side of a summary table, split at its subtotal.
struct SideLines<'a> {
    /// Recognised lines before the subtotal that are not breakdowns of another line.
    sources: Vec<&'a Row>,
    /// Breakdown lines (the funds of 财政拨款收入).
    breakdown: Vec<&'a Row>,
    /// The subtotal (本年收入合计 / 本年支出合计).
    subtotal: Option<&'a Row>,
    /// Lines between the subtotal and the total, other than fund breakdowns.
    additions: Vec<&'a Row>,
    /// The total (收入总计 / 支出总计).
    total: Option<&'a Row>,
    /// Rows with an amount that could not be recognised.
    unknown: Vec<&'a Row>,
    /// 类 rows (expenditure side).
    classes: Vec<&'a Row>,
}

fn side_lines(table: &Table, side: Side) -> SideLines<'_> {
    let (sub_item, total_item) = match side {
        Side::Income => (LineItem::IncomeSubtotal, LineItem::IncomeTotal),
        Side::Expenditure => (LineItem::ExpenditureSubtotal, LineItem::ExpenditureTotal),
    };
    let rows: Vec<&Row> = table.rows.iter().filter(|r| r.side == Some(side)).collect();
    let has_fiscal_line = rows.iter().any(|r| r.item == Some(LineItem::FiscalGrant));
    let mut out = SideLines {
        sources: Vec::new(),
        breakdown: Vec::new(),
        subtotal: None,
        additions: Vec::new(),
        total: None,
        unknown: Vec::new(),
        classes: Vec::new(),
    };
    let mut after_subtotal = false;
    for r in rows {
        match r.item {
            Some(i) if i == sub_item => {
                out.subtotal = Some(r);
                after_subtotal = true;
            }
            Some(i) if i == total_item => out.total = Some(r),
            Some(i) if after_subtotal => {
                if !is_fund_item(i) {
                    out.additions.push(r);
                }
            }
            Some(i) if has_fiscal_line && is_fund_item(i) => out.breakdown.push(r),
            Some(_) => out.sources.push(r),
            None if r.code.is_some() => out.classes.push(r),
            None => {
                if r.cells
                    .iter()
                    .any(|c| c.value.number().is_some_and(|v| !v.is_zero()))
                {
                    out.unknown.push(r);
                }
            }
        }
    }
    out
}

fn unknown_rows(em: &mut Emitter<'_>, table: &Table, rows: &[&Row]) -> bool {
    if rows.is_empty() {
        return false;
    }
    em.insufficient_why(
        Some(&table.key),
        msg!(WHY_LINES_UNRECOGNISED, table = &table_name(table)),
        rows.iter()
            .map(|r| Evidence {
                table: table.key.to_string(),
                row: Some(r.key()),
                column: None,
                text: String::from(&r.label),
                line: r.line,
                page: None,
                bbox: None,
            })
            .collect(),
    );
    true
}

fn balance(cx: &Ctx<'_>, em: &mut Emitter<'_>, key: &TableKey) {
    let Some(table) = cx.table(key) else {
        em.missing_table(key);
        return;
    };
    let inc = side_lines(table, Side::Income);
    let exp = side_lines(table, Side::Expenditure);
    match (
        inc.total.and_then(|r| main_cell(table, r)),
        exp.total.and_then(|r| main_cell(table, r)),
    ) {
        (Some(i), Some(e)) => {
            em.compare(
                &[i],
                &[e],
                Relation::Eq,
                &Words::new("收入总计 = 支出总计", "total income = total expenditure"),
                Severity::Error,
            );
        }
        _ => em.insufficient_why(Some(key), msg!(WHY_LINES_TOTALS_NOT_FOUND), Vec::new()),
    }
}

fn income_subtotal(cx: &Ctx<'_>, em: &mut Emitter<'_>, key: &TableKey) {
    let Some(table) = cx.table(key) else {
        em.missing_table(key);
        return;
    };
    let inc = side_lines(table, Side::Income);
    if unknown_rows(em, table, &inc.unknown) {
        return;
    }
    // Without a subtotal line, the total is the sum of the sources when nothing is added below.
    let lhs_row = match (inc.subtotal, inc.total) {
        (Some(s), _) => s,
        (None, Some(t)) if inc.additions.is_empty() => t,
        _ => {
            em.insufficient_why(
                Some(key),
                msg!(WHY_LINES_INCOME_SUBTOTAL_NOT_FOUND),
                Vec::new(),
            );
            return;
        }
    };
    let Some(lhs) = main_cell(table, lhs_row) else {
        return;
    };
    let rhs: Vec<CellRef<'_>> = inc
        .sources
        .iter()
        .filter_map(|r| main_cell(table, r))
        .collect();
    if rhs.is_empty() {
        em.insufficient_why(
            Some(key),
            msg!(WHY_LINES_INCOME_SOURCES_NOT_FOUND),
            vec![lhs.evidence()],
        );
        return;
    }
    em.compare(
        &[lhs],
        &rhs,
        Relation::Eq,
        &Words::new(
            "本年收入合计 = 各收入来源之和",
            "income of the year = sum of the sources",
        ),
        Severity::Error,
    );
}

fn w_01_3(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    let Some(table) = cx.table(&TableKey::T01) else {
        em.missing_table(&TableKey::T01);
        return;
    };
    let inc = side_lines(table, Side::Income);
    let Some(fiscal) = inc
        .sources
        .iter()
        .find(|r| r.item == Some(LineItem::FiscalGrant))
    else {
        em.not_applicable_why(Some("T01"), msg!(WHY_LINES_NO_FISCAL_GRANT), Vec::new());
        return;
    };
    if inc.breakdown.is_empty() {
        em.not_applicable_why(
            Some("T01"),
            msg!(WHY_LINES_FISCAL_GRANT_NOT_SPLIT),
            Vec::new(),
        );
        return;
    }
    let Some(lhs) = main_cell(table, fiscal) else {
        return;
    };
    let rhs: Vec<CellRef<'_>> = inc
        .breakdown
        .iter()
        .filter_map(|r| main_cell(table, r))
        .collect();
    em.compare(
        &[lhs],
        &rhs,
        Relation::Eq,
        &Words::new(
            "财政拨款收入 = 一般公共预算 + 政府性基金 + 国有资本经营",
            "fiscal grant = general public + government funds + state capital",
        ),
        Severity::Error,
    );
}

fn income_total(cx: &Ctx<'_>, em: &mut Emitter<'_>, key: &TableKey) {
    let Some(table) = cx.table(key) else {
        em.missing_table(key);
        return;
    };
    let inc = side_lines(table, Side::Income);
    let (Some(sub), Some(total)) = (inc.subtotal, inc.total) else {
        em.not_applicable_why(
            Some(key),
            msg!(WHY_LINES_INCOME_TOTAL_NOT_SPLIT),
            Vec::new(),
        );
        return;
    };
    let (Some(lhs), Some(s)) = (main_cell(table, total), main_cell(table, sub)) else {
        return;
    };
    let mut rhs = vec![s];
    rhs.extend(inc.additions.iter().filter_map(|r| main_cell(table, r)));
    em.compare(
        &[lhs],
        &rhs,
        Relation::Eq,
        &Words::new(
            "收入总计 = 本年收入合计 + 其后各行",
            "total income = income of the year + the lines below it",
        ),
        Severity::Error,
    );
}

fn expenditure_subtotal(cx: &Ctx<'_>, em: &mut Emitter<'_>, key: &TableKey) {
    let Some(table) = cx.table(key) else {
        em.missing_table(key);
        return;
    };
    let exp = side_lines(table, Side::Expenditure);
    if unknown_rows(em, table, &exp.unknown) {
        return;
    }
    let lhs_row = match (exp.subtotal, exp.total) {
        (Some(s), _) => s,
        (None, Some(t)) if exp.additions.is_empty() => t,
        _ => {
            em.insufficient_why(
                Some(key),
                msg!(WHY_LINES_EXPENDITURE_SUBTOTAL_NOT_FOUND),
                Vec::new(),
            );
            return;
        }
    };
    if exp.classes.is_empty() {
        em.insufficient_why(
            Some(key),
            msg!(WHY_LINES_EXPENDITURE_CLASSES_NOT_FOUND),
            Vec::new(),
        );
        return;
    }
    for (col_idx, col) in table.columns.iter().enumerate() {
        if col.lane != lhs_row.lane || lhs_row.cell_at(col_idx).is_none() {
            continue;
        }
        let lhs = CellRef {
            table,
            row: lhs_row,
            col: col_idx,
        };
        let rhs: Vec<CellRef<'_>> = exp
            .classes
            .iter()
            .filter(|r| r.cell_at(col_idx).is_some())
            .map(|r| CellRef {
                table,
                row: r,
                col: col_idx,
            })
            .collect();
        em.compare(
            &[lhs],
            &rhs,
            Relation::Eq,
            &Words::new(
                "本年支出合计 = 各类支出之和",
                "expenditure of the year = sum of the 类 lines",
            ),
            Severity::Error,
        );
    }
}

fn expenditure_total(cx: &Ctx<'_>, em: &mut Emitter<'_>, key: &TableKey) {
    let Some(table) = cx.table(key) else {
        em.missing_table(key);
        return;
    };
    let exp = side_lines(table, Side::Expenditure);
    let (Some(sub), Some(total)) = (exp.subtotal, exp.total) else {
        em.not_applicable_why(
            Some(key),
            msg!(WHY_LINES_EXPENDITURE_TOTAL_NOT_SPLIT),
            Vec::new(),
        );
        return;
    };
    for (col_idx, col) in table.columns.iter().enumerate() {
        if col.lane != total.lane
            || total.cell_at(col_idx).is_none()
            || sub.cell_at(col_idx).is_none()
        {
            continue;
        }
        let lhs = CellRef {
            table,
            row: total,
            col: col_idx,
        };
        let mut rhs = vec![CellRef {
            table,
            row: sub,
            col: col_idx,
        }];
        rhs.extend(
            exp.additions
                .iter()
                .filter(|r| r.cell_at(col_idx).is_some())
                .map(|r| CellRef {
                    table,
                    row: r,
                    col: col_idx,
                }),
        );
        em.compare(
            &[lhs],
            &rhs,
            Relation::Eq,
            &Words::new(
                "支出总计 = 本年支出合计 + 其后各行",
                "total expenditure = expenditure of the year + the lines below it",
            ),
            Severity::Error,
        );
    }
}

fn w_04_5(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    let Some(table) = cx.table(&TableKey::T04) else {
        em.missing_table(&TableKey::T04);
        return;
    };
    let inc = side_lines(table, Side::Income);
    let exp = side_lines(table, Side::Expenditure);
    let Some(sub) = exp.subtotal.or(exp.total) else {
        em.insufficient_why(
            Some("T04"),
            msg!(WHY_LINES_EXPENDITURE_SUBTOTAL_NOT_FOUND),
            Vec::new(),
        );
        return;
    };
    let carry_over = exp
        .additions
        .iter()
        .find(|r| r.item == Some(LineItem::CarryOver))
        .copied();
    // Carry-forward split by fund: the fund lines printed below the carry-forward line.
    let carry_forward = inc
        .additions
        .iter()
        .find(|r| r.item == Some(LineItem::CarryForward))
        .copied();
    let fund_rows_after_cf: Vec<&Row> = match carry_forward {
        Some(cf) => table
            .rows
            .iter()
            .filter(|r| {
                r.side == Some(Side::Income) && r.line > cf.line && r.item.is_some_and(is_fund_item)
            })
            .collect(),
        None => Vec::new(),
    };
    // the carry-forward split by fund is the sum of its fund lines (年初财政拨款结转和结余 of a
    // 决算 = 一般公共预算 + 政府性基金 + 国有资本经营 below it)
    if let Some(cf) = carry_forward.and_then(|r| main_cell(table, r)) {
        let parts: Vec<CellRef<'_>> = fund_rows_after_cf
            .iter()
            .filter_map(|r| main_cell(table, r))
            .collect();
        if !parts.is_empty() {
            em.compare(
                &[cf],
                &parts,
                Relation::Eq,
                &Words::new(
                    "上年结转 = 其下各资金结转之和",
                    "carry-forward = the sum of its fund lines",
                ),
                Severity::Error,
            );
        }
    }
    for (item, key) in [
        (LineItem::GeneralPublic, K::GeneralPublic),
        (LineItem::GovFund, K::GovFund),
        (LineItem::StateCapital, K::StateCapital),
    ] {
        let income_row = inc
            .sources
            .iter()
            .chain(&inc.breakdown)
            .find(|r| r.item == Some(item));
        let Some(income) = income_row.and_then(|r| main_cell(table, r)) else {
            continue;
        };
        let Some(spent) = CellRef::at(table, sub, key) else {
            continue;
        };
        let mut lhs = vec![income];
        if let Some(cf) = carry_forward.and_then(|r| main_cell(table, r)) {
            if let Some(split) = fund_rows_after_cf.iter().find(|r| r.item == Some(item)) {
                if let Some(c) = main_cell(table, split) {
                    lhs.push(c);
                }
            } else if !cf.value().is_zero_or_blank() {
                em.insufficient_why(
                    Some("T04"),
                    msg!(WHY_BALANCE_CARRY_FORWARD_NOT_SPLIT),
                    vec![cf.evidence()],
                );
                return;
            }
        }
        let mut rhs = vec![spent];
        if let Some(co) = carry_over.and_then(|r| CellRef::at(table, r, key)) {
            rhs.push(co);
        }
        em.compare(
            &lhs,
            &rhs,
            Relation::Eq,
            &Words::new(
                format!("{}：收入（含上年结转）= 支出（含结转下年）", key.label()),
                format!(
                    "{}: income (with carry-forward) = expenditure (with carry-over)",
                    key.as_str()
                ),
            ),
            Severity::Error,
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Economic tables

fn personnel_public(cx: &Ctx<'_>, em: &mut Emitter<'_>, total_row_only: bool) {
    let Some(table) = cx.table(&TableKey::T06) else {
        em.missing_table(&TableKey::T06);
        return;
    };
    for row in table.rows.iter().filter(|r| r.total == total_row_only) {
        let Some((lhs, parts)) = identity_terms(table, row.lane, Identity::PersonnelPublic) else {
            continue;
        };
        let Some(l) = CellRef::at(table, row, lhs) else {
            continue;
        };
        let r: Vec<CellRef<'_>> = parts
            .iter()
            .filter_map(|k| CellRef::at(table, row, *k))
            .collect();
        em.compare(
            &[l],
            &r,
            Relation::Eq,
            &|| words(lhs, &parts),
            Severity::Error,
        );
    }
}

fn w_06_4(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    let Some(table) = cx.table(&TableKey::T06) else {
        em.missing_table(&TableKey::T06);
        return;
    };
    // the sums: total row = Σ classes in the 人员 and 公用 columns
    total_row(cx, em, &[TableKey::T06]);
    // the placement: a personnel class has no 公用 amount, a public class no 人员 amount
    let vocab = Vocabulary::builtin();
    for row in &table.rows {
        let Some(code) = row.code.as_deref().filter(|c| c.len() == 3) else {
            continue;
        };
        let (wrong, right) = if vocab.personnel_classes.iter().any(|c| c == code) {
            (K::Public, K::Personnel)
        } else if vocab.public_classes.iter().any(|c| c == code) {
            (K::Personnel, K::Public)
        } else {
            continue;
        };
        let Some(w) = CellRef::at(table, row, wrong) else {
            continue;
        };
        let (z, e) = w.location();
        let evidence = vec![w.evidence()];
        match w.value() {
            Val::Unreadable => em.insufficient_why(
                Some("T06"),
                msg!(WHY_UNREADABLE_AMOUNT, loc = (z.as_str(), e.as_str())),
                evidence,
            ),
            v if v.is_zero_or_blank() => em.push(
                Outcome::Pass,
                Severity::Info,
                (
                    Some("T06".to_owned()),
                    Some(code.to_owned()),
                    Some(w.column_name()),
                ),
                msg!(
                    ECONOMIC_PLACEMENT_PASS,
                    code = code,
                    right = (right.label(), right.as_str()),
                ),
                None,
                evidence,
            ),
            _ => em.push(
                Outcome::Fail,
                Severity::Error,
                (
                    Some("T06".to_owned()),
                    Some(code.to_owned()),
                    Some(w.column_name()),
                ),
                msg!(
                    ECONOMIC_PLACEMENT_WRONG,
                    loc = (z.as_str(), e.as_str()),
                    code = code,
                    right = (right.label(), right.as_str()),
                    wrong = (wrong.label(), wrong.as_str()),
                ),
                None,
                evidence,
            ),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// "三公" table

#[derive(Clone, Copy, PartialEq, Eq)]
enum SanGongCheck {
    Total,
    Vehicle,
    Zero,
}

fn san_gong(cx: &Ctx<'_>, em: &mut Emitter<'_>, check: SanGongCheck) {
    let Some(table) = cx.table(&TableKey::T07) else {
        em.missing_table(&TableKey::T07);
        return;
    };
    // column groups: one per (year, basis)
    let mut groups: Vec<(Option<u16>, Option<crate::model::Basis>)> = Vec::new();
    for c in &table.columns {
        let g = (c.year, c.basis);
        if !groups.contains(&g) {
            groups.push(g);
        }
    }
    for row in &table.rows {
        for g in &groups {
            let col = |k: K| {
                table
                    .columns
                    .iter()
                    .position(|c| c.key == Some(k) && (c.year, c.basis) == *g)
                    .filter(|&i| row.cell_at(i).is_some())
                    .map(|i| CellRef { table, row, col: i })
            };
            match check {
                SanGongCheck::Total => {
                    let Some(total) = col(K::SanGongTotal) else {
                        continue;
                    };
                    let mut parts: Vec<CellRef<'_>> = Vec::new();
                    parts.extend(col(K::Abroad));
                    if let Some(v) = col(K::VehicleTotal) {
                        parts.push(v);
                    } else {
                        parts.extend(col(K::VehiclePurchase));
                        parts.extend(col(K::VehicleOperation));
                    }
                    parts.extend(col(K::Reception));
                    if parts.is_empty() {
                        continue;
                    }
                    em.compare(
                        &[total],
                        &parts,
                        Relation::Eq,
                        &Words::new(
                            "“三公”经费合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费",
                            "三公 total = abroad + vehicles + reception",
                        ),
                        Severity::Error,
                    );
                }
                SanGongCheck::Vehicle => {
                    let Some(v) = col(K::VehicleTotal) else {
                        continue;
                    };
                    let parts: Vec<CellRef<'_>> = col(K::VehiclePurchase)
                        .into_iter()
                        .chain(col(K::VehicleOperation))
                        .collect();
                    if parts.is_empty() {
                        continue;
                    }
                    em.compare(
                        &[v],
                        &parts,
                        Relation::Eq,
                        &Words::new(
                            "公务用车购置及运行费 = 购置费 + 运行费",
                            "vehicles = purchase + operation",
                        ),
                        Severity::Error,
                    );
                }
                SanGongCheck::Zero => {
                    let Some(total) = col(K::SanGongTotal) else {
                        continue;
                    };
                    if !matches!(total.value(), Val::Num(p) if p.value.is_zero()) {
                        continue;
                    }
                    let items: Vec<CellRef<'_>> = [
                        K::Abroad,
                        K::VehicleTotal,
                        K::VehiclePurchase,
                        K::VehicleOperation,
                        K::Reception,
                    ]
                    .iter()
                    .filter_map(|k| col(*k))
                    .collect();
                    let nonzero: Vec<&CellRef<'_>> = items
                        .iter()
                        .filter(|c| !c.value().is_zero_or_blank())
                        .collect();
                    let (z, e) = total.location();
                    let mut evidence = vec![total.evidence()];
                    evidence.extend(items.iter().map(CellRef::evidence));
                    if nonzero.is_empty() {
                        em.push(
                            Outcome::Pass,
                            Severity::Info,
                            (
                                Some("T07".into()),
                                Some(row.key()),
                                Some(total.column_name()),
                            ),
                            msg!(SAN_GONG_ZERO_PASS, loc = (z.as_str(), e.as_str())),
                            None,
                            evidence,
                        );
                    } else {
                        em.push(
                            Outcome::Fail,
                            Severity::Error,
                            (
                                Some("T07".into()),
                                Some(row.key()),
                                Some(total.column_name()),
                            ),
                            msg!(SAN_GONG_ZERO_FAIL, loc = (z.as_str(), e.as_str())),
                            None,
                            evidence,
                        );
                    }
                }
            }
        }
    }
}

fn w_07_5(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    use crate::model::Basis;
    let Some(table) = cx.table(&TableKey::T07) else {
        em.missing_table(&TableKey::T07);
        return;
    };
    let changes: Vec<(usize, K)> = table
        .columns
        .iter()
        .enumerate()
        .filter(|(_, c)| c.basis == Some(Basis::Change))
        .filter_map(|(i, c)| c.key.map(|k| (i, k)))
        .collect();
    if changes.is_empty() {
        em.not_applicable_why(
            Some("T07"),
            msg!(WHY_SAN_GONG_NO_CHANGE_COLUMNS),
            Vec::new(),
        );
        return;
    }
    // this year's and last year's column of an item: by the years printed, or (one year
    // printed) the other amount column of the item
    let year = cx
        .doc
        .meta
        .year
        .or_else(|| table.columns.iter().filter_map(|c| c.year).max());
    let of = |k: K, want: Option<u16>| {
        table.columns.iter().position(|c| {
            c.key == Some(k) && c.basis != Some(Basis::Change) && c.year.is_some() && c.year == want
        })
    };
    let mut compared = false;
    for (change, k) in changes {
        let (Some(now), Some(before)) = (of(k, year), of(k, year.and_then(|y| y.checked_sub(1))))
        else {
            continue;
        };
        for row in &table.rows {
            let cell = |col: usize| row.cell_at(col).map(|_| CellRef { table, row, col });
            let (Some(c), Some(n), Some(b)) = (cell(change), cell(now), cell(before)) else {
                continue;
            };
            compared = true;
            em.compare(
                &[n],
                &[b, c],
                Relation::Eq,
                &|| {
                    Words::new(
                        format!("本年数 = 上年数 + 增减（{}）", k.label()),
                        format!("this year = last year + change ({})", k.label()),
                    )
                },
                Severity::Error,
            );
        }
    }
    if !compared {
        em.insufficient_why(
            Some("T07"),
            msg!(WHY_SAN_GONG_CHANGE_COLUMNS_UNMATCHED),
            Vec::new(),
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Empty fund tables

fn fund_of(key: &TableKey) -> Option<K> {
    match key {
        TableKey::T08 => Some(K::GovFund),
        TableKey::T09 => Some(K::StateCapital),
        _ => None,
    }
}

/// Whether a clause of `text` (split at `，。；`) names what `word` names and says it is none:
/// it has none (无, 没有, 未安排, 空表), or the word's own amount is zero (`…预算拨款支出为0万元`,
/// `…经费预算为零`; not a part's zero, as in `政府采购工程预算0万元`).
fn states_none(text: &str, word: &str) -> bool {
    const BETWEEN: [&str; 14] = [
        "预算", "支出", "拨款", "财政", "经费", "总额", "金额", "安排", "资金", "的", "为", "共",
        "合计", "数",
    ];
    text.split(['，', '。', '；', ',', ';', '\n'])
        .map(crate::text::normalize_name)
        .filter(|n| has(n, word))
        .any(|n| {
            if has(&n, "无") || has(&n, "没有") || has(&n, "空表") || has(&n, "未安排") {
                return true;
            }
            n.match_indices(word).any(|(at, w)| {
                let mut rest = n.get(at + w.len()..).unwrap_or("");
                while let Some(r) = BETWEEN.iter().find_map(|b| rest.strip_prefix(b)) {
                    rest = r;
                }
                let zero = rest
                    .strip_prefix('0')
                    .or_else(|| rest.strip_prefix('零'))
                    .filter(|r| !r.starts_with(|c: char| c.is_ascii_digit() || c == '.'));
                zero.is_some()
            })
        })
}

/// The narrative paragraph that explains an empty table `key`: it names what the table is about
/// and says there is none (or 0).
fn empty_explained<'d>(cx: &Ctx<'d>, key: &str) -> Option<&'d crate::model::Paragraph> {
    let vocab = Vocabulary::builtin();
    let words = vocab.empty_table_subjects.get(key)?;
    cx.doc
        .sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .find(|p| words.iter().any(|w| states_none(&p.text, w)))
}

/// W-08-1 and W-08-3: an empty table is explained under it (a note) or in the narrative (a
/// sentence naming what it is about and saying there is none or 0); left unexplained it is a
/// warning: the format asks for the statement, no figure is contradicted. Where the template
/// has a fund table that was not found (`report_missing`), that is a warning too.
fn empty_tables(cx: &Ctx<'_>, em: &mut Emitter<'_>, keys: &[TableKey], report_missing: bool) {
    for key in keys {
        let Some(table) = cx.table(key) else {
            if !report_missing || cx.doc.tables.is_empty() || em.not_in_template(key) {
                // a narrative on its own, or a template without the table: no statement is due
                em.missing_table(key);
                continue;
            }
            em.push(
                Outcome::Fail,
                Severity::Warning,
                (Some(key.to_string()), None, None),
                msg!(EMPTY_TABLE_MISSING, table = key),
                None,
                Vec::new(),
            );
            continue;
        };
        if !table.is_empty() {
            em.not_applicable_why(
                Some(key),
                msg!(WHY_EMPTY_TABLE_HAS_DATA, table = &table_name(table)),
                Vec::new(),
            );
            continue;
        }
        if let Some(note) = &table.note {
            em.push(
                Outcome::Pass,
                Severity::Info,
                (Some(key.to_string()), None, None),
                msg!(
                    EMPTY_TABLE_NOTED,
                    table = &table_name(table),
                    note = &note.text,
                ),
                None,
                vec![note_evidence(key, note)],
            );
            continue;
        }
        match empty_explained(cx, key) {
            Some(p) => em.push(
                Outcome::Pass,
                Severity::Info,
                (Some(key.to_string()), None, None),
                msg!(EMPTY_TABLE_EXPLAINED, table = &table_name(table)),
                None,
                vec![Evidence {
                    table: "narrative".to_owned(),
                    row: None,
                    column: None,
                    text: p.text.clone(),
                    line: p.lines.start,
                    page: None,
                    bbox: None,
                }],
            ),
            // the format's requirement left out while no figure is contradicted: a warning
            None => em.push(
                Outcome::Fail,
                Severity::Warning,
                (Some(key.to_string()), None, None),
                msg!(EMPTY_TABLE_UNEXPLAINED, table = &table_name(table)),
                None,
                vec![Evidence {
                    table: key.to_string(),
                    row: None,
                    column: None,
                    text: table.title.clone(),
                    line: table.lines.start,
                    page: None,
                    bbox: None,
                }],
            ),
        }
    }
}

fn w_08_1(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    empty_tables(cx, em, &[TableKey::T08, TableKey::T09], true);
}

fn w_08_3(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    empty_tables(
        cx,
        em,
        &[TableKey::T07, TableKey::T11, TableKey::T12],
        false,
    );
}

/// The evidence of a table's note.
fn note_evidence(key: &str, note: &crate::model::Note) -> Evidence {
    Evidence {
        table: key.to_string(),
        row: None,
        column: None,
        text: note.text.clone(),
        line: note.line,
        page: None,
        bbox: None,
    }
}

/// True when some cell of `table` prints an amount other than zero.
fn prints_nonzero(table: &Table) -> bool {
    table
        .rows
        .iter()
        .flat_map(|r| &r.cells)
        .any(|c| matches!(&c.value, crate::amount::CellValue::Amount(n) if !n.value.is_zero()))
}

/// Every other table whose note calls it an empty table (`本表为空表`) while it prints amounts
/// other than zero: the statement contradicts the figures.
fn empty_note_on_data(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    for table in cx
        .doc
        .tables
        .iter()
        .filter(|t| !matches!(t.key.as_str(), "T08" | "T09"))
    {
        let Some(note) = &table.note else { continue };
        if !has(&crate::text::normalize_name(&note.text), "空表") {
            continue;
        }
        let key = table.key.as_str();
        let evidence = vec![note_evidence(key, note)];
        let data = prints_nonzero(table);
        em.verdict(
            !data,
            (Some(key.to_string()), None, None),
            evidence,
            || msg!(EMPTY_TABLE_NOTE_CONSISTENT, table = &table_name(table)),
            || {
                (
                    Severity::Error,
                    msg!(EMPTY_TABLE_NOTE_CONTRADICTED, table = &table_name(table)),
                    None,
                )
            },
        );
    }
}

fn w_08_2(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    empty_note_on_data(cx, em);
    let vocab = Vocabulary::builtin();
    for key in &[TableKey::T08, TableKey::T09] {
        let Some(table) = cx.table(key) else {
            em.missing_table(key);
            continue;
        };
        let Some(note) = &table.note else {
            em.not_applicable_why(
                Some(key.as_str()),
                msg!(WHY_EMPTY_TABLE_NO_NOTE),
                Vec::new(),
            );
            continue;
        };
        let n = crate::text::normalize_name(&note.text);
        let evidence = vec![note_evidence(key, note)];
        let says_empty = vocab.empty_table_words.iter().any(|w| has(&n, w));
        if !table.is_empty() {
            // zeros printed in an "empty" table are not data against the statement
            if says_empty && prints_nonzero(table) {
                em.push(
                    Outcome::Fail,
                    Severity::Error,
                    (Some(key.to_string()), None, None),
                    msg!(EMPTY_TABLE_NOTE_CONTRADICTED, table = &table_name(table)),
                    None,
                    evidence,
                );
            } else {
                em.push(
                    Outcome::Pass,
                    Severity::Info,
                    (Some(key.to_string()), None, None),
                    msg!(EMPTY_TABLE_NOTE_FITS_DATA),
                    None,
                    evidence,
                );
            }
            continue;
        }
        let own = fund_of(key)
            .and_then(|k| vocab.fund_words.get(&k))
            .cloned()
            .unwrap_or_default();
        let foreign: Vec<String> = vocab
            .fund_words
            .iter()
            .filter(|(k, _)| Some(**k) != fund_of(key))
            .flat_map(|(_, w)| w.clone())
            .collect();
        let names_own = own.iter().any(|w| has(&n, w));
        let names_foreign = foreign.iter().any(|w| has(&n, w));
        if names_foreign && !names_own {
            // a statement that names the wrong fund while the figures agree: a warning
            em.push(
                Outcome::Fail,
                Severity::Warning,
                (Some(key.to_string()), None, None),
                msg!(EMPTY_TABLE_NOTE_OTHER_FUND, table = &table_name(table)),
                None,
                evidence,
            );
        } else {
            em.push(
                Outcome::Pass,
                Severity::Info,
                (Some(key.to_string()), None, None),
                msg!(EMPTY_TABLE_NOTE_OWN_FUND, table = &table_name(table)),
                None,
                evidence,
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Projects and procurement

fn w_11_1(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    let Some(table) = cx.table(&TableKey::T11) else {
        em.missing_table(&TableKey::T11);
        return;
    };
    let Some(total) = table.total_row() else {
        em.insufficient_why(
            Some("T11"),
            msg!(WHY_TOTAL_ROW_PROJECTS_NOT_FOUND),
            Vec::new(),
        );
        return;
    };
    let projects: Vec<&Row> = table
        .rows
        .iter()
        .filter(|r| !r.total && r.lane == total.lane)
        .collect();
    for (col_idx, col) in table.columns.iter().enumerate() {
        if col.lane != total.lane || total.cell_at(col_idx).is_none() {
            continue;
        }
        let lhs = CellRef {
            table,
            row: total,
            col: col_idx,
        };
        let rhs: Vec<CellRef<'_>> = projects
            .iter()
            .filter(|r| r.cell_at(col_idx).is_some())
            .map(|r| CellRef {
                table,
                row: r,
                col: col_idx,
            })
            .collect();
        em.compare(
            &[lhs],
            &rhs,
            Relation::Eq,
            &Words::new("项目合计 = 各项目之和", "total = sum of the projects"),
            Severity::Error,
        );
    }
}

fn w_12_1(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    let Some(table) = cx.table(&TableKey::T12) else {
        em.missing_table(&TableKey::T12);
        return;
    };
    let split: Vec<K> = [K::Goods, K::Works, K::Services]
        .into_iter()
        .filter(|k| table.column_index(*k).is_some())
        .collect();
    if split.is_empty() {
        em.not_applicable_why(Some("T12"), msg!(WHY_PROCUREMENT_NOT_SPLIT), Vec::new());
        return;
    }
    for row in &table.rows {
        let Some(l) = CellRef::at(table, row, K::Total) else {
            continue;
        };
        let r: Vec<CellRef<'_>> = split
            .iter()
            .filter_map(|k| CellRef::at(table, row, *k))
            .collect();
        em.compare(
            &[l],
            &r,
            Relation::Eq,
            &words(K::Total, &split),
            Severity::Error,
        );
    }
}
