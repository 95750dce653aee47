//! A province's template is data: a template defined here, in the test, reads a document whose table
//! titles and one column header no built-in template knows, and the rules run on it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use yusuan::template::Template;
use yusuan::{ColumnKey, Outcome, Parser};

mod shared;

/// Two tables under titles of our own; the 合计 column is headed 本级安排.
const LAYOUT: &str = r#"{
  "name": "demo-2",
  "description": "a two-table template made up for this test",
  "kind": "budget",
  "tables": [
    {"key": "T03", "kind": "functional", "required": true, "titles": ["部门支出明细表"],
     "columns": [{"key": "total", "last": ["本级安排"]}], "covers": ["T05"]},
    {"key": "T05", "kind": "functional", "required": true, "titles": ["公共预算支出明细表"],
     "columns": [{"key": "total", "last": ["本级安排"]}]}
  ]
}"#;

const DOC: &str = "\
某省示范厅2026年部门预算

一、部门支出明细表
单位：万元
科目编码\t\t\t科目名称\t本级安排\t基本支出\t项目支出
类\t款\t项\t\t\t\t
\t\t\t合计\t30.00\t20.00\t10.00
201\t\t\t一般公共服务支出\t30.00\t20.00\t10.00
\t03\t\t政府办公厅(室)及相关机构事务\t30.00\t20.00\t10.00
\t\t01\t行政运行\t20.00\t20.00\t
\t\t02\t一般行政管理事务\t10.00\t\t10.00

二、公共预算支出明细表
单位：万元
科目编码\t\t\t科目名称\t本级安排\t基本支出\t项目支出
类\t款\t项\t\t\t\t
\t\t\t合计\t30.00\t20.00\t10.00
201\t\t\t一般公共服务支出\t30.00\t20.00\t10.00
\t03\t\t政府办公厅(室)及相关机构事务\t30.00\t20.00\t10.00
\t\t01\t行政运行\t20.00\t20.00\t
\t\t02\t一般行政管理事务\t10.00\t\t10.00
";

fn parser() -> Parser<'static> {
    Parser::new().with_template(Template::from_json(LAYOUT).unwrap())
}

#[test]
fn a_layout_defined_as_data_reads_and_checks_a_document() {
    let doc = parser().parse(DOC).unwrap();
    assert_eq!(doc.meta.template, "demo-2");
    assert_eq!(doc.meta.template_tables, ["T03", "T05"]);
    assert_eq!(doc.tables.len(), 2);
    let t05 = doc.table("T05").unwrap();
    // the template's own header word names the total column
    assert_eq!(t05.columns[0].key, Some(ColumnKey::Total));
    let total = t05.total_row().unwrap();
    assert_eq!(
        t05.amount(total, ColumnKey::Total).unwrap().to_string(),
        "30.00万元"
    );
    assert_eq!(t05.row_by_code("2010301").unwrap().label, "行政运行");

    let report = yusuan::Checker::new().include_passes(true).check(&doc);
    assert_eq!(
        report.summary.error,
        0,
        "{:#?}",
        report.issues().collect::<Vec<_>>()
    );
    // hierarchy and total rows pass in both tables
    for rule in ["W-03-2", "W-05-2"] {
        assert!(
            report
                .findings
                .iter()
                .any(|f| f.rule == rule && f.outcome == Outcome::Pass),
            "{rule}"
        );
    }
    // tables the template does not have: not applicable, never "not checked"
    assert!(
        report
            .findings
            .iter()
            .filter(|f| f.table.as_deref() == Some("T11"))
            .all(|f| f.outcome == Outcome::NotApplicable)
    );

    // one cell changed: the finding names it
    let changed = DOC.replacen(
        "\t\t01\t行政运行\t20.00\t20.00\t\n",
        "\t\t01\t行政运行\t21.00\t20.00\t\n",
        2,
    );
    let report = yusuan::check(&parser().parse(&changed).unwrap());
    assert!(report.findings.iter().any(|f| {
        f.is_error()
            && f.evidence
                .iter()
                .any(|e| e.row.as_deref() == Some("2010301") && e.text == "21.00")
    }));
}

#[test]
fn layouts_are_chosen_from_the_titles_found() {
    let text = |name: &str| {
        if name.starts_with("seed_") {
            return Some(
                std::fs::read_to_string(format!(
                    "{}/../tests/corpus/{name}",
                    env!("CARGO_MANIFEST_DIR")
                ))
                .unwrap(),
            );
        }
        shared::corpus(name)
    };
    if text(shared::DOC01).is_none() {
        return; // skipped without ../shared
    }
    let chosen = |name: &str| yusuan::parse(&text(name).unwrap()).unwrap().meta.template;
    assert_eq!(chosen("seed_2025_yantai_unit_budget.txt"), "national-12");
    assert_eq!(
        chosen("01_sh_putuo_wanli_street_dept_budget_2023.txt"),
        "shanghai-9"
    );
    assert_eq!(
        chosen("07_sh_putuo_finance_bureau_dept_final_2024.txt"),
        "shanghai-final-9"
    );
    // overridable: the seed read with a template that has none of its titles
    let err = Parser::new()
        .with_template(Template::by_name("shanghai-9").unwrap().clone())
        .parse(&text("seed_2025_yantai_unit_budget.txt").unwrap())
        .unwrap_err();
    assert_eq!(err.code(), "not_a_disclosure");
}
