//! Parse and check one disclosure, print what failed and a cell of a table.
//!
//! `cargo run -p yusuan-examples --example check_file [FILE]` (default: the reference document).

#![allow(clippy::print_stdout)]

use yusuan::{ColumnKey, Outcome};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "tests/corpus/seed_2025_yantai_unit_budget.txt".to_owned());
    let text = std::fs::read_to_string(&path)?;
    let doc = yusuan::parse(&text)?;

    // The typed model: rows keyed by classification code, columns by meaning.
    if let Some(t05) = doc.table("T05") {
        if let Some(row) = t05.row_by_code("2010301") {
            let basic = t05.amount(row, ColumnKey::Basic);
            println!("T05 2010301 行政运行, 基本支出: {basic:?}");
        }
    }

    let report = yusuan::check(&doc);
    let s = &report.summary;
    println!(
        "{path}: {} errors, {} warnings, {} hints, {} passed, {} not checked",
        s.error, s.warning, s.hint, s.pass, s.insufficient_data
    );
    for f in report
        .findings
        .iter()
        .filter(|f| f.outcome == Outcome::Fail)
    {
        println!("  [{}] {}", f.rule, f.message_en);
    }
    Ok(())
}
