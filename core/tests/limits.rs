//! The documented limits: the input size, columns and header rows per table, blank-cell padding,
//! the largest amount a cell may state; and hostile shapes that would overflow a stack or an
//! amount if the parser let them.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use yusuan::{CellValue, Error, Outcome};

const SEED: &str = include_str!("../../tests/corpus/seed_2025_yantai_unit_budget.txt");

fn one_table(unit: &str, rows: &str) -> String {
    format!(
        "2025年某某市档案馆 单位预算\n\n一般公共预算支出情况表\n\n{unit}\n\n\
         科目编码\t\t\t科目名称\t合 计\t基本支出\t\t\t项目支出\n\
         类\t款\t项\t\t\t小 计\t人员支出\t日常公用支出\t\n{rows}\n以上为一般公共预算支出。\n"
    )
}

#[test]
fn input_size_limit_is_exact() {
    let at_limit = "a".repeat(yusuan::MAX_INPUT_BYTES);
    // at the limit: read (and refused for what it is, not for its size)
    assert_eq!(
        yusuan::parse(&at_limit).unwrap_err().code(),
        "not_a_disclosure"
    );
    let over = format!("{at_limit}a");
    for err in [
        yusuan::parse(&over).unwrap_err(),
        yusuan::parse_bytes(over.as_bytes()).unwrap_err(),
    ] {
        assert_eq!(
            err,
            Error::InputTooLarge {
                size: yusuan::MAX_INPUT_BYTES + 1,
                limit: yusuan::MAX_INPUT_BYTES
            }
        );
        assert_eq!(
            err.to_string(),
            "the input is 16777217 bytes, more than the limit of 16777216 bytes"
        );
    }
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    for offset in [0, 1, 100, SEED.len() / 2] {
        let mut bytes = SEED.as_bytes().to_vec();
        // a continuation byte where a character must start (at a character boundary)
        let at = (offset..bytes.len())
            .find(|&i| SEED.is_char_boundary(i))
            .unwrap();
        bytes[at] = 0x80;
        let err = yusuan::parse_bytes(&bytes).unwrap_err();
        assert_eq!(err, Error::InvalidUtf8 { offset: at }, "{offset}");
        assert!(err.to_string().ends_with(&format!("byte offset {at}")));
    }
}

#[test]
fn amounts_beyond_the_limit_are_unreadable_and_sums_never_overflow() {
    // 10 000 rows at the largest readable amount of a 亿元 table (10⁷ 亿元 = 10¹⁵ 元): every sum
    // the checker forms stays far inside `Decimal`
    let big = "10,000,000.00";
    let mut rows = format!(
        "\t\t\t合 计\t{big}\t{big}\t{big}\t\t\n201\t\t\t一般公共服务支出\t{big}\t{big}\t{big}\t\t\n\
         \t03\t\t政府办公厅（室）及相关机构事务\t{big}\t{big}\t{big}\t\t\n"
    );
    let item = format!("\t\t01\t行政运行\t{big}\t{big}\t{big}\t\t\n");
    rows.push_str(&item.repeat(10_000));
    let doc = yusuan::parse(&one_table("单位：亿元", &rows)).unwrap();
    let report = yusuan::check(&doc);
    let sums: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.rule == "W-05-2" && f.row.as_deref() == Some("20103"))
        .collect();
    // 10 000 × 10 000 000.00 = 100 000 000 000.00, exactly
    assert!(
        sums.iter()
            .any(|f| f.is_error() && f.expected.as_deref() == Some("100000000000.00")),
        "{sums:#?}"
    );
    // one more: unreadable, in a 亿元 table but not in a 元 table
    let over = "10,000,000.01";
    let row = format!("201\t\t\t一般公共服务支出\t{over}\t\t\t\t");
    for (unit, unreadable) in [("单位：亿元", true), ("单位：元", false)] {
        let doc = yusuan::parse(&one_table(unit, &row)).unwrap();
        let cell = &doc.tables[0].rows[0].cells[0];
        assert_eq!(
            matches!(&cell.value, CellValue::Unreadable { reason } if reason.contains("implausibly large")),
            unreadable,
            "{unit}: {cell:?}"
        );
    }
}

#[test]
fn column_header_and_padding_limits_are_noticed() {
    // a row of 300 cells: the cells past the 256th are not read
    let wide = format!("201\t\t\t一般公共服务支出{}", "\t1.00".repeat(296));
    let doc = yusuan::parse(&one_table("单位：万元", &wide)).unwrap();
    assert!(
        doc.notices
            .iter()
            .any(|n| n.code.as_str() == "too_many_columns")
    );
    assert!(doc.tables[0].columns.len() <= 256);
    // 20 rows of words before the first data row: 16 are read as the header
    let mut rows = "说明\t文字\n".repeat(20);
    rows.push_str("201\t\t\t一般公共服务支出\t1.00\t1.00\t1.00\t\t");
    let doc = yusuan::parse(&one_table("单位：万元", &rows)).unwrap();
    assert!(
        doc.notices
            .iter()
            .any(|n| n.code.as_str() == "header_rows_ignored")
    );
    // short rows under a 200-column header: padded with blank cells until the budget is spent
    let header = format!("名称{}", "\t金额".repeat(199));
    let body = "1\t\n".repeat(2_000);
    let text = format!("2025年某单位预算\n\n项目支出预算情况表\n{header}\n{body}说明。\n");
    let doc = yusuan::parse(&text).unwrap();
    assert!(
        doc.notices
            .iter()
            .any(|n| n.code.as_str() == "padding_limit")
    );
    let cells: usize = doc.tables[0].rows.iter().map(|r| r.cells.len()).sum();
    assert!(cells < 2_000 * 199, "{cells}");
}

#[test]
fn nesting_depth_is_not_recursion_depth() {
    // deeply nested brackets and numbering in titles, headings, cells and notes: nothing in the
    // parser recurses on what the input nests
    let deep = format!("{}一{}", "（".repeat(200_000), "）".repeat(200_000));
    let numbering = "一、".repeat(200_000);
    let text = SEED.replacen("第一部分", &format!("{deep}\n{numbering}\n第一部分"), 1);
    let doc = yusuan::parse(&text).unwrap();
    assert_eq!(doc.tables.len(), 12);
    let report = yusuan::check(&doc);
    assert_eq!(report.summary.error, 0);
    let cell = format!("201\t\t\t{deep}\t{deep}\t1.00\t1.00\t\t");
    let doc = yusuan::parse(&one_table("单位：万元", &cell)).unwrap();
    let _ = yusuan::check(&doc);
}

#[test]
fn generated_hostile_inputs_read_or_fail_cleanly() {
    // every pathological shape at a small size: a clean result, never a panic
    let notes = ["注：见说明\n".repeat(1_000), "\u{c}".repeat(1_000)];
    for extra in notes {
        let text = format!("{SEED}{extra}");
        match yusuan::parse(&text) {
            Ok(doc) => {
                let r = yusuan::check(&doc);
                assert!(r.findings.iter().all(|f| f.outcome != Outcome::Pass));
            }
            Err(e) => assert!(Error::all_codes().contains(&e.code())),
        }
    }
}
