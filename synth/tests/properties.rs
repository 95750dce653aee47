//! Property tests over generated documents: every document parses back to the numbers it
//! prints and checks with no error and no warning; a document with one cell changed yields an
//! error naming that cell.
//!
//! The normal run covers a fixed set of seeds. `YUSUAN_PROPTEST_CASES=N` runs N documents (the
//! slower mode), `YUSUAN_PROPTEST_SEED=S` starts at seed S (to reproduce a failure).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::print_stderr
)]

use yusuan::Outcome;

fn cases(default: u64) -> std::ops::Range<u64> {
    let n = std::env::var("YUSUAN_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    let start = std::env::var("YUSUAN_PROPTEST_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    start..start + n
}

#[test]
fn generated_documents_parse_back_and_check_clean() {
    let mut failures = Vec::new();
    for seed in cases(60) {
        let doc = yusuan_synth::generate(seed);
        let parsed = match yusuan::parse(&doc.text) {
            Ok(p) => p,
            Err(e) => {
                failures.push(format!("seed {seed}: parse error {e}"));
                continue;
            }
        };
        for d in doc.truth.compare(&parsed) {
            failures.push(format!("seed {seed}: {d}"));
        }
        let report = yusuan::check(&parsed);
        for f in report
            .findings
            .iter()
            .filter(|f| f.outcome == Outcome::Fail || f.outcome == Outcome::Hint)
        {
            failures.push(format!(
                "seed {seed}: {} {:?} {:?} {}",
                f.rule, f.outcome, f.severity, f.message_en
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The text with the cell at `pos` of 1-based line `line` replaced.
fn with_cell(text: &str, line: u32, pos: usize, new: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for (i, l) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if i + 1 == line as usize {
            let mut cells: Vec<&str> = l.split('\t').collect();
            cells[pos] = new;
            out.push_str(&cells.join("\t"));
        } else {
            out.push_str(l);
        }
    }
    out
}

#[test]
fn one_changed_cell_is_an_error_naming_it() {
    let slow = std::env::var("YUSUAN_PROPTEST_CASES").is_ok();
    let mut total = 0;
    let mut missed = Vec::new();
    for seed in cases(16) {
        let doc = yusuan_synth::generate(seed);
        let parsed = yusuan::parse(&doc.text).unwrap();
        let mut rng = yusuan_synth::Rng::new(seed);
        let mut targets = Vec::new();
        for table in &parsed.tables {
            for row in &table.rows {
                for cell in &row.cells {
                    if let Some(v) = cell.value.number() {
                        let pos = usize::from(table.columns[usize::from(cell.column)].position);
                        targets.push((table.key.clone(), row.key(), cell.line, pos, v));
                    }
                }
            }
        }
        // every cell in the slow mode, a sample otherwise
        if !slow {
            rng.shuffle(&mut targets);
            targets.truncate(24);
        }
        for (table, key, line, pos, value) in targets {
            let delta = match rng.below(4) {
                0 => rust_decimal::Decimal::ONE,
                1 => -rust_decimal::Decimal::ONE,
                2 => rust_decimal::Decimal::new(12_345, 2),
                _ => value * rust_decimal::Decimal::from(9),
            };
            let changed = value + delta;
            if changed == value {
                continue;
            }
            total += 1;
            let printed = yusuan_synth::format_amount(
                i64::try_from(
                    (changed * rust_decimal::Decimal::ONE_HUNDRED)
                        .trunc()
                        .mantissa(),
                )
                .unwrap(),
                rng.chance(50),
            );
            let text = with_cell(&doc.text, line, pos, &printed);
            let report = yusuan::check(&yusuan::parse(&text).unwrap());
            let caught = report.findings.iter().any(|f| {
                f.is_error()
                    && f.evidence.iter().any(|e| {
                        e.table == table && e.row.as_deref() == Some(key.as_str()) && e.line == line
                    })
            });
            if !caught {
                missed.push(format!(
                    "seed {seed}: {table} line {line} row {key}: {value} → {printed}"
                ));
            }
        }
    }
    eprintln!("changed cells detected: {}/{total}", total - missed.len());
    assert!(total > 100, "{total}");
    assert!(
        missed.is_empty(),
        "{} of {total} missed:\n{}",
        missed.len(),
        missed.join("\n")
    );
}
