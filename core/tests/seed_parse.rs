//! The seed document parsed against a hand-reviewed transcription of its tables
//! (`tests/expected/seed_tables.txt`), plus its 绩效目标表, glossary and codes.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use yusuan::catalog::{Catalog, NameMatch};
use yusuan::{CellValue, Document, FundLine, Row, Table, TableKind};

const SEED: &str = include_str!("../../tests/corpus/seed_2025_yantai_unit_budget.txt");
const EXPECTED: &str = include_str!("../../tests/expected/seed_tables.txt");

fn seed() -> Document {
    yusuan::parse(SEED).expect("the seed parses")
}

struct ExpectedTable {
    key: String,
    columns: Vec<String>,
    empty_note_line: Option<u32>,
    rows: Vec<(String, String, Vec<String>)>,
    lines: (u32, u32),
}

fn expected_tables() -> Vec<ExpectedTable> {
    let mut out: Vec<ExpectedTable> = Vec::new();
    for line in EXPECTED.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if let Some(rest) = line.strip_prefix('[') {
            let key = rest[..3].to_owned();
            let lines = rest
                .split_whitespace()
                .find_map(|w| w.strip_prefix("lines="))
                .map(|r| {
                    let (a, b) = r.split_once('-').unwrap();
                    (a.parse().unwrap(), b.parse().unwrap())
                })
                .unwrap();
            let empty_note_line = rest
                .split_whitespace()
                .find_map(|w| w.strip_prefix("note="))
                .map(|n| n.trim_end_matches(':').parse().unwrap());
            out.push(ExpectedTable {
                key,
                columns: Vec::new(),
                empty_note_line,
                rows: Vec::new(),
                lines,
            });
            continue;
        }
        let table = out.last_mut().unwrap();
        if let Some(cols) = line.strip_prefix("columns") {
            table.columns = cols
                .trim_start_matches(':')
                .split_whitespace()
                .filter(|w| !w.ends_with(':') && *w != "|" && *w != "income:")
                .map(str::to_owned)
                .collect();
            continue;
        }
        let parts: Vec<&str> = line.split(" | ").collect();
        let values = parts.get(2).map_or(Vec::new(), |v| {
            v.split_whitespace().map(str::to_owned).collect()
        });
        table
            .rows
            .push((parts[0].to_owned(), parts[1].trim().to_owned(), values));
    }
    out
}

/// The key the transcription uses for a parsed row.
fn row_key(table: &Table, row: &Row) -> String {
    let base = match (&row.code, row.item, row.total) {
        (Some(c), _, _) => String::from(c),
        (None, Some(i), _) => i.as_str().to_owned(),
        (None, None, true) => "total".to_owned(),
        _ if table.kind == TableKind::Projects => "project".to_owned(),
        _ => "-".to_owned(),
    };
    match (table.kind, row.side) {
        (TableKind::Summary, Some(side)) => {
            let s = match side {
                yusuan::Side::Income => "income",
                yusuan::Side::Expenditure => "expenditure",
            };
            format!("{s}:{base}")
        }
        (TableKind::Economic, _) => {
            format!("{base} gov={}", row.gov_code.as_deref().unwrap_or("-"))
        }
        (TableKind::Projects, _) => {
            format!("{base} category={}", row.category.as_deref().unwrap_or("-"))
        }
        _ => base,
    }
}

fn printed(table: &Table, row: &Row, col: usize) -> String {
    match row.cell_at(col).map(|c| &c.value) {
        Some(CellValue::Amount(n)) => n.value.to_string(),
        Some(CellValue::Blank) | None => "_".to_owned(),
        Some(other) => panic!("{}: unexpected cell {other:?}", table.key),
    }
}

#[test]
fn every_table_row_and_amount_matches_the_document() {
    let doc = seed();
    let expected = expected_tables();
    assert_eq!(expected.len(), 12);
    let keys: Vec<&str> = doc.tables.iter().map(|t| t.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "T01", "T02", "T03", "T04", "T05", "T06", "T07", "T08", "T09", "T10", "T11", "T12"
        ]
    );
    for exp in &expected {
        let table = doc.table(&exp.key).unwrap();
        assert_eq!(table.unit, Some(yusuan::Unit::WanYuan), "{}", exp.key);
        assert_eq!(
            (table.lines.start, table.lines.end),
            exp.lines,
            "{}",
            exp.key
        );
        // columns, in order (summary tables: income lane then expenditure lane)
        let cols: Vec<String> = table
            .columns
            .iter()
            .map(|c| {
                let k = c.key.map_or("?", |k| k.as_str());
                match c.year {
                    Some(y) => format!("{y}:{k}"),
                    None => k.to_owned(),
                }
            })
            .collect();
        let exp_cols: Vec<String> = exp
            .columns
            .iter()
            .filter(|c| *c != "expenditure:")
            .cloned()
            .collect();
        assert_eq!(cols, exp_cols, "columns of {}", exp.key);
        if let Some(note) = exp.empty_note_line {
            assert!(
                table.is_empty_with_note(),
                "{} is empty with a note",
                exp.key
            );
            assert_eq!(table.note.as_ref().unwrap().line, note);
            assert!(table.rows.is_empty());
            continue;
        }
        assert_eq!(table.rows.len(), exp.rows.len(), "row count of {}", exp.key);
        for (row, (key, label, values)) in table.rows.iter().zip(&exp.rows) {
            assert_eq!(&row_key(table, row), key, "{} line {}", exp.key, row.line);
            assert_eq!(row.label.trim(), label, "{} line {}", exp.key, row.line);
            // the cells of the row's lane, in column order
            let lane_cols: Vec<usize> = table
                .columns
                .iter()
                .enumerate()
                .filter(|(_, c)| c.lane == row.lane)
                .map(|(i, _)| i)
                .collect();
            let got: Vec<String> = lane_cols.iter().map(|&i| printed(table, row, i)).collect();
            assert_eq!(&got, values, "{} line {} ({label})", exp.key, row.line);
            for cell in &row.cells {
                assert_eq!(cell.line, row.line);
            }
        }
    }
}

#[test]
fn metadata() {
    let doc = seed();
    let m = &doc.meta;
    assert_eq!(m.unit.as_deref(), Some("烟台市人民政府办公室"));
    assert_eq!(m.year, Some(2025));
    assert_eq!(m.kind, Some(yusuan::DocKind::Budget));
    assert_eq!(m.level, Some(yusuan::DocLevel::Unit));
    assert_eq!(m.amount_unit, Some(yusuan::Unit::WanYuan));
    assert_eq!(m.template, "national-12");
    assert_eq!(doc.line_count, 556);
    // (T04 goes on under its title and header printed again: nothing to notice)
    assert!(doc.notices.is_empty(), "{:?}", doc.notices);
}

#[test]
fn performance_tables() {
    let doc = seed();
    let perf = &doc.performance;
    let projects: Vec<(&str, usize)> = perf
        .iter()
        .map(|p| (p.project.as_str(), p.indicators.len()))
        .collect();
    // indicator rows counted in the document: 13+26+5, 7, 6, 16+8
    assert_eq!(
        projects,
        [
            ("办公室政务运行保障经费", 44),
            ("优化营商环境工作经费", 7),
            ("实施公车统管费用", 6),
            ("政务热线整合经费", 24)
        ]
    );
    let amounts: Vec<String> = perf
        .iter()
        .map(|p| p.funding_amount(FundLine::Total).unwrap().to_string())
        .collect();
    assert_eq!(
        amounts,
        ["970.00万元", "310.00万元", "99.38万元", "3200.00万元"]
    );
    for p in perf {
        assert_eq!(
            p.funding_amount(FundLine::Fiscal),
            p.funding_amount(FundLine::Total)
        );
        assert_eq!(
            p.funding_amount(FundLine::Other).unwrap().value.to_string(),
            "0.00"
        );
        assert_eq!(p.department.as_deref(), Some("201_烟台市人民政府办公室"));
        assert_eq!(p.implementer.as_deref(), Some("烟台市人民政府办公室"));
        assert!(
            p.goal.as_deref().is_some_and(|g| !g.contains('<')),
            "{:?}",
            p.goal
        );
        // first indicator is the cost ceiling
        let first = &p.indicators[0];
        assert_eq!(
            (first.level1.as_str(), first.level2.as_str()),
            ("成本指标", "经济成本")
        );
    }
    // levels carried down from the row above, across a continuation page
    let carried = perf[0].indicators.iter().find(|i| i.line == 416).unwrap();
    assert_eq!(
        (
            carried.level1.as_str(),
            carried.level2.as_str(),
            carried.name.as_str(),
            carried.value.as_str()
        ),
        (
            "产出指标",
            "质量指标",
            "政府工作报告各单位征求意见通过率",
            "≥92%"
        )
    );
    let rate = perf[2]
        .indicators
        .iter()
        .find(|i| i.name == "公用经费支付准确率")
        .unwrap();
    assert_eq!((rate.value.as_str(), rate.line), ("≤95%", 478));
}

#[test]
fn glossary_has_seventeen_entries() {
    let doc = seed();
    assert_eq!(doc.glossary.len(), 17);
    assert_eq!(doc.glossary[0].term, "财政拨款收入");
    assert!(
        doc.glossary[0]
            .definition
            .starts_with("指由市级财政拨款形成的部门收入")
    );
    assert_eq!(doc.glossary[16].term, "机关运行经费");
    assert_eq!(doc.glossary[16].lines.start, 556);
}

#[test]
fn narrative_sections() {
    use yusuan::SectionKind as K;
    let doc = seed();
    let kinds: Vec<(K, &str)> = doc
        .sections
        .iter()
        .filter(|s| s.level == 1)
        .map(|s| (s.kind, s.title.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            (K::Duties, "一、主要职责"),
            (K::Organisation, "二、机构设置情况"),
            (K::BudgetOverview, "一、预算收支增减变化情况说明"),
            (K::SanGong, "二、“三公”经费支出情况"),
            (K::OperatingCosts, "三、机关运行经费情况"),
            (K::Procurement, "四、政府采购情况"),
            (K::Assets, "五、国有资产占有使用情况"),
            (K::Performance, "六、绩效目标情况说明"),
        ]
    );
    let overview = doc.sections_of(K::BudgetOverview).next().unwrap();
    assert_eq!((overview.lines.start, overview.lines.end), (336, 350));
    assert_eq!(overview.paragraphs.len(), 7);
    assert_eq!(overview.paragraphs[1].lines.start, 340);
    assert!(
        overview.paragraphs[1]
            .text
            .starts_with("（一）收入预算：2025年收入预算7,713.47万元")
    );
    let assets = doc.sections_of(K::Assets).next().unwrap();
    assert!(assets.text().contains("共有车辆9辆"));
}

#[test]
fn every_code_printed_in_the_seed_resolves_with_a_matching_name() {
    let doc = seed();
    let catalog = Catalog::builtin();
    let mut checked = 0;
    for table in &doc.tables {
        for row in &table.rows {
            let pairs = [
                (row.code.as_deref(), Some(row.label.as_str())),
                (row.gov_code.as_deref(), row.gov_name.as_deref()),
            ];
            for (code, name) in pairs {
                let (Some(code), Some(name)) = (code, name) else {
                    continue;
                };
                let name = yusuan::text::strip_numbering(name);
                let m = catalog.name_matches(code, name);
                assert!(
                    m.is_match() || matches!(m, NameMatch::Alias { .. }),
                    "{} line {}: `{code}` `{name}`: {m:?}",
                    table.key,
                    row.line
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 150, "{checked}");
}

#[test]
fn json_round_trip() {
    let doc = seed();
    let json = serde_json::to_string(&doc).unwrap();
    let back: Document = serde_json::from_str(&json).unwrap();
    assert_eq!(doc, back);
}
