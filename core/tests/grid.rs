//! The `Grid` seam: a grid built by hand (as a PDF, spreadsheet or HTML reader would) reads like
//! the same text, and the cells' pages and boxes reach the model and the evidence of findings.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use rust_decimal::Decimal;
use yusuan::source::{BBox, Grid, GridCell, LineKind};

fn bx(x0: i32, top: i32) -> BBox {
    BBox::from_hundredths(x0 * 100, top * 100, (x0 + 40) * 100, (top + 10) * 100)
}

/// A one-table document, the 合计 row 0.50 off its 类 row, on page 2; every cell with a box.
fn grid() -> Grid<'static> {
    let mut g = Grid::new();
    let mut no = 0u32;
    let mut line =
        |g: &mut Grid<'static>, page: u32, kind: LineKind, cells: &[&'static str], top: i32| {
            no += 1;
            let cells: Vec<GridCell<'static>> = cells
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    let col = u16::try_from(i).unwrap();
                    GridCell::new(*t, col).with_bbox(bx(i32::from(col) * 50, top))
                })
                .collect();
            g.push_line(no, page, kind, cells);
        };
    line(
        &mut g,
        1,
        LineKind::Text,
        &["2025年某某市档案馆单位预算"],
        10,
    );
    line(&mut g, 2, LineKind::Text, &["一般公共预算支出情况表"], 10);
    line(&mut g, 2, LineKind::Text, &["单位：万元"], 20);
    line(
        &mut g,
        2,
        LineKind::Row,
        &[
            "科目编码",
            "",
            "",
            "科目名称",
            "合计",
            "基本支出",
            "项目支出",
        ],
        30,
    );
    line(
        &mut g,
        2,
        LineKind::Row,
        &["类", "款", "项", "", "", "", ""],
        40,
    );
    line(
        &mut g,
        2,
        LineKind::Row,
        &["", "", "", "合计", "10.50", "6.50", "4.00"],
        50,
    );
    line(
        &mut g,
        2,
        LineKind::Row,
        &["201", "", "", "一般公共服务支出", "10.00", "6.00", "4.00"],
        60,
    );
    line(
        &mut g,
        2,
        LineKind::Row,
        &["201", "01", "", "人大事务", "10.00", "6.00", "4.00"],
        70,
    );
    line(&mut g, 3, LineKind::Text, &["一、一般公共预算支出情况"], 10);
    line(
        &mut g,
        3,
        LineKind::Text,
        &["一般公共预算支出10.00万元。"],
        20,
    );
    g
}

#[test]
fn a_grid_reads_like_its_text() {
    let g = grid();
    let from_grid = yusuan::Parser::new().read_grid(&g).unwrap();
    let from_text = yusuan::parse(&g.to_text()).unwrap();
    // the same tables, rows and figures (the grid adds boxes)
    let strip = |d: &yusuan::Document| {
        let mut d = d.clone();
        d.line_boxes.clear();
        for t in &mut d.tables {
            for r in &mut t.rows {
                for c in &mut r.cells {
                    c.bbox = None;
                }
            }
        }
        d
    };
    assert_eq!(strip(&from_grid), strip(&from_text));
    assert_eq!(from_grid.page_starts, vec![2, 9]);
}

#[test]
fn boxes_and_pages_reach_the_evidence() {
    let doc = yusuan::Parser::new().read_grid(&grid()).unwrap();
    let t05 = doc.table("T05").unwrap();
    let total = t05.total_row().unwrap();
    let cell = &total.cells[0];
    assert_eq!(cell.bbox, Some(bx(200, 50)));
    let report = yusuan::check(&doc);
    let finding = report
        .findings
        .iter()
        .find(|f| f.is_error() && f.table.as_deref() == Some("T05"))
        .expect("the 合计 row is 0.50 off");
    let ev = finding
        .evidence
        .iter()
        .find(|e| e.line == 6)
        .expect("evidence on the 合计 row");
    assert_eq!(ev.page, Some(2));
    assert_eq!(ev.bbox.map(|b| b.x0()), Some(Decimal::from(200)));
    // in JSON, as the design's report shows it
    let json = serde_json::to_value(ev).unwrap();
    assert_eq!(json["bbox"], serde_json::json!([200.0, 50.0, 240.0, 60.0]));
    // a statement of the narrative points at its line's box
    assert_eq!(
        doc.line_boxes
            .iter()
            .find(|(no, _)| *no == 10)
            .map(|(_, b)| b.top()),
        Some(Decimal::from(20))
    );
}
