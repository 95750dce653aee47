//! The three Shanghai-template documents of `../shared/corpus` (a 部门预算, a 单位预算 of a 事业单位, a
//! 部门决算) against the hand-verified facts of `../shared/corpus/FACTS.md`: every ✘ is reported with
//! the outcome and severity the facts imply, the ✔ facts pass, and nothing else is an error.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeMap;

use yusuan::{CellValue, DocKind, DocLevel, Document, Finding, Outcome, Report, Severity};

mod shared;

/// The text of a real document of `../shared/corpus`, or return from the test (skipped).
macro_rules! doc {
    ($name:expr) => {
        match shared::corpus($name) {
            Some(text) => text,
            None => return,
        }
    };
}

fn read(text: &str) -> (Document, Report) {
    let doc = yusuan::parse(text).unwrap();
    let report = yusuan::Checker::new().include_passes(true).check(&doc);
    (doc, report)
}

/// Error findings by rule.
fn errors(r: &Report) -> BTreeMap<&str, Vec<&Finding>> {
    let mut m: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for f in r.findings.iter().filter(|f| f.is_error()) {
        m.entry(f.rule.as_str()).or_default().push(f);
    }
    m
}

fn with<'a>(r: &'a Report, rule: &str, outcome: Outcome) -> Vec<&'a Finding> {
    r.findings
        .iter()
        .filter(|f| f.rule == rule && f.outcome == outcome)
        .collect()
}

fn passes_citing(r: &Report, rule: &str, text: &str) -> usize {
    with(r, rule, Outcome::Pass)
        .iter()
        .filter(|f| {
            f.evidence
                .iter()
                .any(|e| e.text.replace(',', "").contains(text))
        })
        .count()
}

/// Every table of the template found, every amount cell read as a number or blank.
fn all_read(doc: &Document, template: &str, kind: DocKind) {
    assert_eq!(doc.meta.template, template);
    assert_eq!(doc.meta.kind, Some(kind));
    assert_eq!(
        doc.tables.len(),
        9,
        "{:?}",
        doc.tables.iter().map(|t| &t.key).collect::<Vec<_>>()
    );
    for t in &doc.tables {
        for row in &t.rows {
            for c in &row.cells {
                assert!(
                    matches!(
                        c.value,
                        CellValue::Amount(_) | CellValue::Blank | CellValue::Dash
                    ),
                    "{} line {}: {:?}",
                    t.key,
                    c.line,
                    c.value
                );
            }
        }
    }
}

#[test]
fn doc01_department_budget() {
    let (doc, r) = read(&doc!(shared::DOC01));
    all_read(&doc, "shanghai-9", DocKind::Budget);
    assert_eq!(doc.meta.level, Some(DocLevel::Department));
    assert_eq!(doc.meta.year, Some(2023));
    assert_eq!(doc.performance.len(), 5);
    // ✘ facts, and no other error
    let e = errors(&r);
    assert_eq!(
        e.keys().copied().collect::<Vec<_>>(),
        ["N-08", "P-01", "V-03", "V-05", "V-09"],
        "{e:#?}"
    );
    // 政府性基金拨款支出预算0万元，比2022年预算增加1421.25万元
    assert!(e["V-05"][0].message.contains("1421.25"));
    // +314.82% → 289.12%, +60.54% → 66.40%
    let v03: Vec<(&str, &str)> = e["V-03"]
        .iter()
        .map(|f| (f.actual.as_deref().unwrap(), f.expected.as_deref().unwrap()))
        .collect();
    assert_eq!(v03, [("314.82", "289.12"), ("60.54", "66.40")]);
    // item 16: 220.63 at the heading, 441.25 in its sentence
    assert!(e["V-09"][0].message.contains("441.25"));
    // 绩效目标表: 项目资金总额 10,903,043.00 < 当年财政拨款 11,419,043.00
    assert_eq!(e["P-01"].len(), 1);
    assert_eq!(e["P-01"][0].row.as_deref(), Some("公共服务设施运行经费"));
    // narrative 3328.13 against the tables' 3351.33
    assert!(e["N-08"][0].message.contains("3328.13"));
    assert!(e["N-08"][0].message.contains("3351.33"));
    // ~ zero-base "增加100.00%": hints
    assert_eq!(with(&r, "V-04", Outcome::Hint).len(), 2);
    assert_eq!(r.summary.warning, 0);
    // ✔ facts
    assert_eq!(with(&r, "W-01-1", Outcome::Pass).len(), 1);
    // 编制说明 16497.86万元 = T1 164,978,640元 (at the coarser precision: a pass)
    assert!(passes_citing(&r, "N-01", "16497.86") >= 1);
    assert!(with(&r, "N-01", Outcome::Hint).is_empty());
    // each of the 34 items equals its 项 row rounded to 0.01万元 (元 tables against 万元 text)
    let n04_items = with(&r, "N-04", Outcome::Pass)
        .iter()
        .filter(|f| f.evidence.iter().any(|e| e.table == "narrative"))
        .count();
    assert_eq!(n04_items, 34);
    assert!(with(&r, "N-04", Outcome::Hint).is_empty());
    // 三公 22.91 = 0 + 1.35 + 21.56; 政府采购 830.00 = 10.00 + 550.00 + 270.00
    for fact in ["22.91", "1.35", "21.56"] {
        assert!(passes_citing(&r, "N-02", fact) >= 1, "{fact}");
    }
    assert!(passes_citing(&r, "N-06", "830") >= 1);
}

#[test]
fn doc04_unit_budget_of_a_public_institution() {
    let (doc, r) = read(&doc!(shared::DOC04));
    all_read(&doc, "shanghai-9", DocKind::Budget);
    assert_eq!(doc.meta.level, Some(DocLevel::Unit));
    let e = errors(&r);
    assert_eq!(
        e.keys().copied().collect::<Vec<_>>(),
        ["C-01", "N-04"],
        "{e:#?}"
    );
    // 类 code "7" for 210 in T03 and T05
    let c01: Vec<&str> = e["C-01"]
        .iter()
        .map(|f| f.table.as_deref().unwrap())
        .collect();
    assert_eq!(c01, ["T03", "T05"]);
    assert!(e["C-01"].iter().all(|f| f.message.contains("7|11|02")));
    // item 4 says 738.66万元; T05 has 696.48万; 2080599 (7,020元) is not itemised
    assert_eq!(e["N-04"].len(), 2);
    assert!(e["N-04"].iter().any(|f| f.message.contains("738.66")));
    assert!(e["N-04"].iter().any(|f| f.message.contains("2080599")));
    assert_eq!(r.summary.warning, 0);
    // ~ the old 类 name in T01 and T04; the empty reason
    let old_names: Vec<&str> = with(&r, "C-03", Outcome::Hint)
        .iter()
        .filter(|f| f.message.contains("医疗卫生与计划生育支出"))
        .map(|f| f.table.as_deref().unwrap())
        .collect();
    assert_eq!(old_names, ["T01", "T04"]);
    assert_eq!(with(&r, "V-06", Outcome::Hint).len(), 1);
    // ✔ facts: T1 totals and row identities, narrative 1,212.12 = 950.12 + 262.00, six YoY
    // percentages, 三公 6.4, 政府采购 120.60, 绩效 262.00 ≤ 项目支出
    assert_eq!(with(&r, "W-01-1", Outcome::Pass).len(), 1);
    assert_eq!(with(&r, "W-01-7", Outcome::Pass).len(), 4);
    assert!(passes_citing(&r, "N-01", "1212.12") >= 1);
    assert_eq!(with(&r, "V-03", Outcome::Pass).len(), 6);
    assert!(passes_citing(&r, "N-02", "6.4") >= 1);
    assert!(passes_citing(&r, "N-06", "120.60") >= 1);
    assert!(passes_citing(&r, "X-14", "262.00") >= 1);
    // 302 12 is a local sub-code here (退休人员活动费), never compared with the 三公 table
    assert!(with(&r, "X-11", Outcome::Fail).is_empty());
}

#[test]
fn doc07_final_accounts() {
    let (doc, r) = read(&doc!(shared::DOC07));
    all_read(&doc, "shanghai-final-9", DocKind::FinalAccounts);
    let e = errors(&r);
    assert_eq!(
        e.keys().copied().collect::<Vec<_>>(),
        ["N-01", "N-05"],
        "{e:#?}"
    );
    // 说明四: 财政拨款收入支出总计 0.3万元 against T4 2,961.68
    assert!(e["N-01"][0].message.contains("2961.68"));
    // 说明五(二): 71.73% recomputes to 71.65%
    assert_eq!(e["N-05"][0].actual.as_deref(), Some("71.73"));
    assert_eq!(e["N-05"][0].expected.as_deref(), Some("71.65"));
    assert_eq!(r.summary.warning, 0);
    // ✘ inside the rounding envelope: hints naming both figures
    let hint = |rule: &str, actual: &str, expected: &str| {
        assert!(
            with(&r, rule, Outcome::Hint)
                .iter()
                .any(|f| f.actual.as_deref() == Some(actual)
                    && f.expected.as_deref() == Some(expected)),
            "{rule} {actual} {expected}"
        );
    };
    hint("W-02-4", "2946.25", "2946.26");
    hint("W-05-2", "2940.05", "2940.06");
    hint("W-06-3", "2082.85", "2082.86");
    hint("W-06-3", "171.07", "171.09");
    hint("N-06", "251.25", "251.26");
    // ✔ facts
    assert_eq!(with(&r, "W-01-1", Outcome::Pass).len(), 1);
    assert_eq!(with(&r, "W-04-1", Outcome::Pass).len(), 1);
    // 人员经费合计 2,152.26 = 301 + 303; 公用经费合计 184.65 = 302 + 310 (a two-lane table)
    assert!(passes_citing(&r, "W-06-4", "2152.26") >= 1);
    assert!(passes_citing(&r, "W-06-4", "184.65") >= 1);
    // 说明一 −1.87%, 说明五(一) −2.10%, 机关运行经费 +1.40%
    for fact in ["1.87%", "2.10%", "1.40%"] {
        assert_eq!(passes_citing(&r, "V-03", fact), 1, "{fact}");
    }
    // 说明二/三 shares
    for fact in ["99.79%", "0.21%", "79.49%", "20.51%"] {
        assert_eq!(passes_citing(&r, "N-05", fact), 1, "{fact}");
    }
    // 完成率 98.20%; 三公 0% of a 0.95 budget
    assert_eq!(with(&r, "V-12", Outcome::Pass).len(), 2);
    // 三公: budget 0.95 against the 预算数 column, actual 0.00 against the 决算数 column
    assert!(passes_citing(&r, "N-02", "0.95") >= 1);
    // 机关运行经费 184.65 = 公用经费合计 (a soft link)
    assert!(passes_citing(&r, "X-12", "184.65") >= 1);
    // a 决算's income and expenditure by code need not match
    assert_eq!(with(&r, "X-03", Outcome::NotApplicable).len(), 1);
}

#[test]
fn tables_outside_the_layout_are_not_applicable() {
    let (_, r) = read(&doc!(shared::DOC01));
    for key in ["T10", "T11", "T12"] {
        assert!(
            r.findings
                .iter()
                .filter(|f| f.table.as_deref() == Some(key))
                .all(|f| f.outcome == Outcome::NotApplicable)
        );
    }
    assert_eq!(r.summary.insufficient_data, 0);
    assert!(r.coverage.tables_missing.is_empty());
}

/// A figure printed in 万元 where the text means 元 (or the reverse) is a unit error.
#[test]
fn a_factor_of_ten_thousand_is_a_unit_error() {
    let seed = include_str!("../../tests/corpus/seed_2025_yantai_unit_budget.txt");
    let text = seed.replacen("收入预算7,713.47万元", "收入预算77,134,700万元", 1);
    let r = yusuan::check(&yusuan::parse(&text).unwrap());
    let e: Vec<&Finding> = r.findings.iter().filter(|f| f.is_error()).collect();
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(e[0].rule, "N-01");
    assert!(e[0].message.contains("单位错误") && e[0].message_en.contains("factor of 10,000"));
    assert_eq!(e[0].severity, Severity::Error);
}
