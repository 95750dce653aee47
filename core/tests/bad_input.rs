//! Input that cannot be read gets a stable error code; damaged cells are recorded, never a panic.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use yusuan::{CellValue, Error, RowIssue};

const SEED: &str = include_str!("../../tests/corpus/seed_2025_yantai_unit_budget.txt");

/// The seed with one source line (1-based) replaced.
fn with_line(n: usize, f: impl Fn(&str) -> String) -> String {
    SEED.split('\n')
        .enumerate()
        .map(|(i, l)| if i + 1 == n { f(l) } else { l.to_owned() })
        .collect::<Vec<_>>()
        .join("\n")
}

fn seed_lines(n: usize) -> String {
    SEED.split('\n').take(n).collect::<Vec<_>>().join("\n")
}

#[test]
fn empty_input() {
    for text in ["", "   ", "\n\n\t\n"] {
        let err = yusuan::parse(text).unwrap_err();
        assert_eq!(err.code(), "empty_input");
        assert_eq!(err.to_string(), "the input is empty");
    }
}

#[test]
fn binary_junk() {
    // deterministic pseudo-random bytes
    let mut x: u32 = 0x1234_5678;
    let bytes: Vec<u8> = (0..4096)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            (x >> 24) as u8
        })
        .collect();
    let err = yusuan::parse_bytes(&bytes).unwrap_err();
    assert_eq!(err.code(), "invalid_utf8");
    assert!(matches!(err, Error::InvalidUtf8 { offset } if offset < 4096));
    // valid UTF-8 made of control characters
    let junk: String = bytes.iter().map(|b| char::from(b & 0x1f)).collect();
    let err = yusuan::parse(&junk).unwrap_err();
    assert_eq!(err.code(), "not_text");
    assert!(err.line().is_some());
    // a NUL byte inside an otherwise good document
    let err = yusuan::parse(&with_line(200, |l| format!("{l}\u{0}"))).unwrap_err();
    assert_eq!((err.code(), err.line()), ("not_text", Some(200)));
}

#[test]
fn not_a_disclosure() {
    let err = yusuan::parse("Dear reader,\nthis is a letter.\n").unwrap_err();
    assert_eq!(err.code(), "not_a_disclosure");
    // a title without a table after it is not a table
    let err = yusuan::parse("收支总体情况表\n这是一段话。\n").unwrap_err();
    assert_eq!(err.code(), "not_a_disclosure");
}

#[test]
fn table_cut_in_the_middle() {
    // cut inside the last row of 政府采购预算表 (line 330)
    let mut text = seed_lines(329);
    text.push('\n');
    text.push_str("\t\t02\t一般行政管理事务\t2,930.84\t2,9");
    let err = yusuan::parse(&text).unwrap_err();
    assert_eq!(err.code(), "truncated_table");
    assert_eq!(err.table(), Some("T12"));
    assert_eq!(err.line(), Some(330));
    assert!(err.to_string().contains("政府采购预算表"), "{err}");
    // cut inside 一般公共预算支出情况表 (T05): in its first data row, and right after its header
    let mut text = seed_lines(190);
    text.push_str("\n\t\t\t合 计\t7,713.47\t3,134.09");
    let err = yusuan::parse(&text).unwrap_err();
    assert_eq!(
        (err.code(), err.table(), err.line()),
        ("truncated_table", Some("T05"), Some(191))
    );
    let err = yusuan::parse(&seed_lines(190)).unwrap_err();
    assert_eq!(
        (err.code(), err.table(), err.line()),
        ("truncated_table", Some("T05"), Some(190))
    );
    // cut right after a title
    let err = yusuan::parse(&seed_lines(183)).unwrap_err();
    assert_eq!(
        (err.code(), err.table(), err.line()),
        ("truncated_table", Some("T05"), Some(183))
    );
}

#[test]
fn malformed_number_is_an_unreadable_cell() {
    // T05 line 192: 201 一般公共服务支出 6,781.69 …
    let text = with_line(192, |l| l.replacen("6,781.69", "1,2,3", 1));
    let doc = yusuan::parse(&text).unwrap();
    let t05 = doc.table("T05").unwrap();
    let row = t05.row_by_code("201").unwrap();
    let cell = t05.cell(row, yusuan::ColumnKey::Total).unwrap();
    assert_eq!(cell.text, "1,2,3");
    assert_eq!(cell.line, 192);
    assert!(matches!(&cell.value, CellValue::Unreadable { reason } if reason.contains("grouping")));
}

#[test]
fn letter_o_in_a_code_is_an_unreadable_code() {
    let text = with_line(192, |l| l.replacen("201", "2O1", 1));
    let doc = yusuan::parse(&text).unwrap();
    let t05 = doc.table("T05").unwrap();
    let row = t05.rows.iter().find(|r| r.line == 192).unwrap();
    assert_eq!(row.code, None);
    assert_eq!(
        row.issues,
        [RowIssue::UnreadableCode {
            printed: "2O1||".to_owned()
        }]
    );
    assert!(
        doc.notices
            .iter()
            .any(|n| n.code == yusuan::NoticeCode::CodeIssue && n.line == 192)
    );
    // the 款 below it has no 类 to hang from and is reported too, never guessed
    let below = t05.rows.iter().find(|r| r.line == 193).unwrap();
    assert_eq!(below.code, None);
    assert!(matches!(
        below.issues.as_slice(),
        [RowIssue::UnreadableCode { .. }]
    ));
}

#[test]
fn every_truncation_point_is_ok_or_a_clean_error() {
    let boundaries: Vec<usize> = SEED
        .char_indices()
        .map(|(i, _)| i)
        .filter(|i| i % 53 == 0 || SEED.as_bytes().get(i.wrapping_sub(1)) == Some(&b'\n'))
        .collect();
    for &cut in &boundaries {
        match yusuan::parse(&SEED[..cut]) {
            Ok(_) => {}
            Err(e) => assert!(Error::all_codes().contains(&e.code()), "{e:?}"),
        }
    }
}

#[test]
fn oversized_input_is_refused() {
    let err = yusuan::Parser::new()
        .with_max_bytes(1000)
        .parse(SEED)
        .unwrap_err();
    assert_eq!(err.code(), "input_too_large");
    assert!(matches!(err, Error::InputTooLarge { limit: 1000, .. }));
}
