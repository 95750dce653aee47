//! Real table and document quirks, each on a small hand-made document: the cells read, and the
//! notice that says what the reader did.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use yusuan::{CellValue, ColumnKey, Document, NoticeCode, RowIssue};

const HEADER: &str = "科目编码\t\t\t科目名称\t合计\t基本支出\t项目支出\n类\t款\t项\t\t\t\t";

/// A one-table document (T05, 万元) with `rows` under the header, and a sentence after it.
fn one_table(rows: &str) -> String {
    format!(
        "2025年某某市档案馆单位预算\n\n一般公共预算支出情况表\n部门(单位)：某某市档案馆\n单位：万元\n{HEADER}\n{rows}\n以上为一般公共预算支出。\n"
    )
}

fn notices(doc: &Document, code: NoticeCode) -> Vec<u32> {
    doc.notices
        .iter()
        .filter(|n| n.code == code)
        .map(|n| n.line)
        .collect()
}

fn amount(doc: &Document, table: &str, code: Option<&str>, column: ColumnKey) -> Option<String> {
    let t = doc.table(table)?;
    let row = match code {
        Some(c) => t.row_by_code(c)?,
        None => t.total_row()?,
    };
    t.amount(row, column).map(|a| a.value.to_string())
}

#[test]
fn a_total_row_with_its_label_merged_across_the_code_columns() {
    let doc = yusuan::parse(&one_table(
        "合计\t10.00\t6.00\t4.00\n201\t\t\t一般公共服务支出\t10.00\t6.00\t4.00\n201\t01\t\t人大事务\t10.00\t6.00\t4.00",
    ))
    .unwrap();
    assert_eq!(
        amount(&doc, "T05", None, ColumnKey::Total).as_deref(),
        Some("10.00")
    );
    assert_eq!(
        amount(&doc, "T05", None, ColumnKey::Project).as_deref(),
        Some("4.00")
    );
    assert_eq!(notices(&doc, NoticeCode::LabelMerged), vec![8]);
    // and the total-row rule runs (it did not before: the total was read as a code)
    let report = yusuan::check(&doc);
    assert!(
        report.findings.iter().all(|f| f.rule != "W-05-2"
            || f.table.as_deref() != Some("T05")
            || f.outcome != yusuan::Outcome::InsufficientData),
        "{:#?}",
        report
            .findings
            .iter()
            .filter(|f| f.rule == "W-05-2")
            .collect::<Vec<_>>()
    );
}

#[test]
fn a_merged_total_row_too_short_to_place_is_unread() {
    // two figures for three amount columns: which one is missing cannot be known
    let doc = yusuan::parse(&one_table(
        "合计\t10.00\t6.00\n201\t\t\t一般公共服务支出\t10.00\t6.00\t4.00",
    ))
    .unwrap();
    let t = doc.table("T05").unwrap();
    let total = t.total_row().unwrap();
    assert!(
        total
            .cells
            .iter()
            .all(|c| matches!(c.value, CellValue::Unreadable { .. } | CellValue::Blank)),
        "{:?}",
        total.cells
    );
    assert_eq!(notices(&doc, NoticeCode::CellUnplaced), vec![8]);
}

#[test]
fn codes_printed_without_their_leading_zero() {
    let text = "2025年某某市档案馆单位预算\n\n一般公共预算基本支出情况表\n单位：万元\n\
        部门经济分类科目编码\t\t科目名称\t合计\t人员经费\t公用经费\n类\t款\t\t\t\t\n\
        \t\t合计\t3.00\t3.00\t\n301\t\t工资福利支出\t3.00\t3.00\t\n301\t2\t津贴补贴\t1.00\t1.00\t\n301\t07\t绩效工资\t2.00\t2.00\t\n\
        以上为基本支出。\n";
    let doc = yusuan::parse(text).unwrap();
    let t = doc.table("T06").unwrap();
    let row = t.row_by_code("30102").expect("30102 read from `301 | 2`");
    assert_eq!(
        row.issues,
        vec![RowIssue::CodeNormalised {
            printed: "301|2".to_owned(),
            code: "30102".to_owned()
        }]
    );
    assert_eq!(notices(&doc, NoticeCode::CodeNormalised), vec![9]);
    // the 类 sum holds: no error (it failed by the amount of 30102 before)
    let report = yusuan::check(&doc);
    assert_eq!(report.summary.error, 0, "{:#?}", report.findings);
    // a hint names the printed form
    assert!(report.findings.iter().any(|f| f.rule == "C-01"
        && f.outcome == yusuan::Outcome::Hint
        && f.message_en.contains("301|2")));
}

#[test]
fn a_stray_line_inside_a_table_that_goes_on_over_a_page() {
    // a page number, and the figures of the row above repeated (debris of the text layer)
    let text = one_table(
        "\t\t\t合计\t10.00\t6.00\t4.00\n201\t\t\t一般公共服务支出\t10.00\t6.00\t4.00\n201\t01\t\t人大事务\t6.00\t6.00\t\n3\n201 01 6.00 6.00\n\u{c}201\t01\t01\t行政运行\t6.00\t6.00\t\n201\t02\t\t政协事务\t4.00\t\t4.00\n201\t02\t01\t行政运行\t4.00\t\t4.00",
    );
    let doc = yusuan::parse(&text).unwrap();
    assert!(
        amount(&doc, "T05", Some("2010201"), ColumnKey::Total).is_some(),
        "the second page is read"
    );
    assert_eq!(notices(&doc, NoticeCode::StrayLine), vec![11, 12]);
    let report = yusuan::check(&doc);
    assert_eq!(report.summary.error, 0, "{:#?}", report.findings);
    // the debris is not narrative
    assert!(
        doc.sections
            .iter()
            .all(|s| s.paragraphs.iter().all(|p| !p.text.contains("201 01 6.00")))
    );
}

#[test]
fn a_header_row_repeated_on_a_continuation_page() {
    let text = one_table(&format!(
        "\t\t\t合计\t10.00\t6.00\t4.00\n201\t\t\t一般公共服务支出\t10.00\t6.00\t4.00\n\u{c}{HEADER}\n201\t01\t\t人大事务\t10.00\t6.00\t4.00"
    ));
    let doc = yusuan::parse(&text).unwrap();
    assert_eq!(doc.table("T05").unwrap().rows.len(), 3);
    // on a continuation page that is what tables do: nothing to notice
    assert!(notices(&doc, NoticeCode::RepeatedHeader).is_empty());
    // amid the rows of one page it is worth a notice
    let doc = yusuan::parse(&text.replace('\u{c}', "")).unwrap();
    assert_eq!(doc.table("T05").unwrap().rows.len(), 3);
    assert_eq!(notices(&doc, NoticeCode::RepeatedHeader), vec![10]);
}

#[test]
fn a_continuation_page_holding_only_the_total_row() {
    // the table's last page prints its 合计 alone, under the repeated title and header
    let text = format!(
        "2025年某某市档案馆单位预算\n\n一般公共预算支出情况表\n单位：万元\n{HEADER}\n201\t\t\t一般公共服务支出\t10.00\t6.00\t4.00\n201\t01\t\t人大事务\t10.00\t6.00\t4.00\n\u{c}一般公共预算支出情况表\n单位：万元\n{HEADER}\n\t\t\t合计\t10.00\t6.00\t4.00\n以上为一般公共预算支出。\n"
    );
    let doc = yusuan::parse(&text).unwrap();
    assert_eq!(doc.tables.len(), 1);
    assert_eq!(
        amount(&doc, "T05", None, ColumnKey::Total).as_deref(),
        Some("10.00")
    );
    let report = yusuan::check(&doc);
    assert_eq!(report.summary.error, 0, "{:#?}", report.findings);
    assert!(notices(&doc, NoticeCode::DuplicateTable).is_empty());
}

#[test]
fn a_narrative_section_printed_twice_is_read_once() {
    let body = "一、收入支出预算总体情况\n2025年收入预算10.00万元，比上年增加1.00万元，增长11.11%。主要原因是人员增加。\n";
    let text = format!(
        "{}{body}{body}",
        one_table(
            "\t\t\t合计\t10.00\t6.00\t4.00\n201\t\t\t一般公共服务支出\t10.00\t6.00\t4.00\n201\t01\t\t人大事务\t10.00\t6.00\t4.00"
        )
    );
    let doc = yusuan::parse(&text).unwrap();
    let claims = yusuan::claims::extract(&doc);
    let totals: Vec<_> = claims
        .iter()
        .filter(|c| c.sentence.contains("收入预算10.00万元"))
        .collect();
    assert_eq!(totals.len(), 1, "{totals:#?}");
    assert_eq!(notices(&doc, NoticeCode::DuplicateSection), vec![14]);
}

const TABLE: &str = "一般公共预算支出情况表\n单位：万元\n科目编码\t\t\t科目名称\t合计\t基本支出\t项目支出\n类\t款\t项\t\t\t\t\n\t\t\t合计\t10.00\t6.00\t4.00\n201\t\t\t一般公共服务支出\t10.00\t6.00\t4.00\n201\t01\t\t人大事务\t10.00\t6.00\t4.00\n以上为一般公共预算支出。\n";

#[test]
fn the_year_is_the_budget_year_not_a_year_in_a_note() {
    // the cover names the year last, after a note with another year in brackets
    let text = format!(
        "上海市某某区某某局\n部门预算\n（依据《某某办法》（2022年修订）编制）\n2024年度\n\n{TABLE}"
    );
    let doc = yusuan::parse(&text).unwrap();
    assert_eq!(doc.meta.year, Some(2024));
    // and a title that says 2024年度 gives it too
    let doc = yusuan::parse(&format!("上海市某某区某某局2024年度部门决算\n\n{TABLE}")).unwrap();
    assert_eq!(doc.meta.year, Some(2024));
    assert_eq!(doc.meta.kind, Some(yusuan::DocKind::FinalAccounts));
}

#[test]
fn the_body_from_its_line_or_from_a_title_cut_by_a_line_break() {
    let with_line =
        format!("上海市某某区2024年区级部门预算\n预算主管部门：上海市某某区某某局\n\n{TABLE}");
    let doc = yusuan::parse(&with_line).unwrap();
    assert_eq!(doc.meta.unit.as_deref(), Some("上海市某某区某某局"));
    assert_eq!(doc.meta.level, Some(yusuan::DocLevel::Department));
    for label in ["编制部门", "部门(单位)", "预算单位"] {
        let doc = yusuan::parse(&format!(
            "2024年单位预算\n{label}：上海市某某区某某中心\n\n{TABLE}"
        ))
        .unwrap();
        assert_eq!(
            doc.meta.unit.as_deref(),
            Some("上海市某某区某某中心"),
            "{label}"
        );
    }
    // no such line: the title, joined across its line break, before the year
    let doc = yusuan::parse(&format!("上海市某某区某某\n局2024年度部门预算\n\n{TABLE}")).unwrap();
    assert_eq!(doc.meta.unit.as_deref(), Some("上海市某某区某某局"));
    assert_eq!(doc.meta.year, Some(2024));
}

#[test]
fn a_row_printed_over_two_lines_is_one_row() {
    // the name wraps onto a line of its own, with nothing else in the row
    let doc = yusuan::parse(&one_table(
        "\t\t\t合计\t10.00\t6.00\t4.00\n201\t\t\t一般公共服务支出\t10.00\t6.00\t4.00\n201\t03\t\t政府办公厅（室）及相关\t10.00\t6.00\t4.00\n\t\t\t机构事务\t\t\t",
    ))
    .unwrap();
    let t = doc.table("T05").unwrap();
    assert_eq!(t.rows.len(), 3);
    assert_eq!(
        t.row_by_code("20103").unwrap().label,
        "政府办公厅（室）及相关机构事务"
    );
    assert_eq!(notices(&doc, NoticeCode::RowMerged), vec![11]);
}

#[test]
fn a_total_row_printed_as_text_on_a_page_of_its_own() {
    // the extractor found no table on the last page: its one row came out as a line of text
    let text = format!(
        "2025年某某市档案馆单位预算\n\n一般公共预算支出情况表\n单位：万元\n{HEADER}\n201\t\t\t一般公共服务支出\t10.00\t6.00\t4.00\n201\t01\t\t人大事务\t10.00\t6.00\t4.00\n\u{c}合计 10.00 6.00 4.00\n以上为一般公共预算支出。\n"
    );
    let doc = yusuan::parse(&text).unwrap();
    assert_eq!(
        amount(&doc, "T05", None, ColumnKey::Basic).as_deref(),
        Some("6.00")
    );
    assert_eq!(notices(&doc, NoticeCode::LabelMerged), vec![9]);
    // with a figure too few, the row is unread
    let short = text.replace("合计 10.00 6.00 4.00", "合计 10.00 6.00");
    let doc = yusuan::parse(&short).unwrap();
    let t = doc.table("T05").unwrap();
    assert!(
        t.total_row()
            .unwrap()
            .cells
            .iter()
            .all(|c| !matches!(c.value, CellValue::Amount(_)))
    );
    assert_eq!(notices(&doc, NoticeCode::CellUnplaced), vec![9]);
}
