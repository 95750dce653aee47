//! The precision suite: consistent documents printed the ways real documents legitimately print
//! them ([`yusuan_synth::Variant`]: narrative amounts rounded to whole 万元 or to one decimal, or
//! truncated; tables in 元 under a narrative in 万元; the narrative printed twice; 功能分类 items
//! itemised under old or variant names; whole percentages) check with no error. A changed table
//! cell in such a document is still an error naming it.
//!
//! The same for 决算 documents ([`yusuan_synth::generate_final`], the 9-table final-accounts
//! layout): with and without non-fiscal income and spending, balances carried in and out of each
//! fund, government funds, in the narrative variants.
//!
//! The normal run covers a fixed set of seeds. `YUSUAN_PROPTEST_CASES=N` runs N documents,
//! `YUSUAN_PROPTEST_SEED=S` starts at seed S (to reproduce a failure).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::print_stderr
)]

use rust_decimal::Decimal;
use yusuan::Outcome;
use yusuan_synth::{Options, Precision, Synthetic, Variant};

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

fn generate(seed: u64) -> (Variant, Synthetic) {
    let variant = Variant::draw(seed);
    let options = Options {
        variant,
        ..Options::default()
    };
    (variant, yusuan_synth::generate_with(seed, options))
}

#[test]
fn legitimate_variants_check_without_error() {
    let mut failures = Vec::new();
    let (mut documents, mut with_errors, mut warnings) = (0, 0, 0);
    let mut hints: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    // how many documents printed each variant
    let mut seen = [0_usize; 7];
    for seed in cases(200) {
        let (variant, doc) = generate(seed);
        documents += 1;
        for (i, on) in [
            matches!(variant.precision, Precision::Rounded(0)),
            matches!(variant.precision, Precision::Rounded(1)),
            matches!(variant.precision, Precision::Truncated(_)),
            variant.yuan_tables,
            variant.narrative_twice,
            variant.itemised.is_some(),
            variant.whole_percent,
        ]
        .into_iter()
        .enumerate()
        {
            seen[i] += usize::from(on);
        }
        let parsed = match yusuan::parse(&doc.text) {
            Ok(p) => p,
            Err(e) => {
                failures.push(format!("seed {seed} {variant:?}: parse error {e}"));
                continue;
            }
        };
        for d in doc.truth.compare(&parsed) {
            failures.push(format!("seed {seed} {variant:?}: {d}"));
        }
        let report = yusuan::check(&parsed);
        for f in report
            .findings
            .iter()
            .filter(|f| f.outcome == Outcome::Hint)
        {
            *hints.entry(f.rule.clone()).or_default() += 1;
        }
        warnings += report.summary.warning;
        if report.summary.error > 0 {
            with_errors += 1;
            for f in report.findings.iter().filter(|f| f.is_error()) {
                failures.push(format!(
                    "seed {seed} {variant:?}: {} {}",
                    f.rule, f.message_en
                ));
            }
        }
    }
    eprintln!(
        "precision suite: {documents} documents, {with_errors} with errors, {warnings} warnings, \
         {} hints {hints:?}; variants (whole 万元, one decimal, truncated, 元 tables, narrative \
         twice, itemised, whole %): {seen:?}",
        hints.values().sum::<usize>()
    );
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
    if documents >= 100 {
        assert!(seen.iter().all(|n| *n >= 10), "{seen:?}");
    }
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

/// Changes up to 8 table cells of each document of `seeds`, one at a time, by a clearly
/// significant amount; returns how many were changed and the ones no error names (table, row
/// and line of the changed cell).
fn changed_cells(
    seeds: std::ops::Range<u64>,
    generate: fn(u64) -> (Variant, Synthetic),
) -> (usize, Vec<String>) {
    let mut total = 0_usize;
    let mut missed = Vec::new();
    for seed in seeds {
        let (variant, doc) = generate(seed);
        let parsed = yusuan::parse(&doc.text).unwrap();
        let mut rng = yusuan_synth::Rng::new(seed ^ 0xC311);
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
        rng.shuffle(&mut targets);
        targets.truncate(8);
        // a clearly significant change: 1 万元 at least, whatever the unit
        let wan = if variant.yuan_tables && parsed.meta.kind != Some(yusuan::DocKind::FinalAccounts)
        {
            Decimal::from(10_000)
        } else {
            Decimal::ONE
        };
        for (table, key, line, pos, value) in targets {
            let delta = match rng.below(4) {
                0 => wan,
                1 => -wan,
                2 => Decimal::new(12_345, 2) * wan,
                _ => value * Decimal::from(9),
            };
            let changed = value + delta;
            if changed == value || changed < Decimal::ZERO {
                continue;
            }
            total += 1;
            let printed = yusuan_synth::format_amount(
                i64::try_from((changed * Decimal::ONE_HUNDRED).trunc().mantissa()).unwrap(),
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
                    "seed {seed} {variant:?}: {table} line {line} row {key}: {value} → {printed}"
                ));
            }
        }
    }
    (total, missed)
}

#[test]
fn a_changed_cell_in_a_variant_is_an_error_naming_it() {
    let (total, missed) = changed_cells(cases(40), generate);
    let caught = total - missed.len();
    eprintln!(
        "changed cells in variants detected: {caught}/{total}{}{}",
        if missed.is_empty() { "" } else { "; missed:\n" },
        missed.join("\n")
    );
    assert!(total >= 200, "{total}");
    // at least 95%
    assert!(caught * 100 >= total * 95, "{caught}/{total}");
}

/// Changes up to 4 narrative amounts of each document of `seeds` (5% of the amount, two 万元 at
/// least), one at a time; returns how many were changed and the ones no error cites.
fn changed_amounts(
    seeds: std::ops::Range<u64>,
    generate: fn(u64) -> (Variant, Synthetic),
) -> (usize, Vec<String>) {
    let mut total = 0_usize;
    let mut missed = Vec::new();
    for seed in seeds {
        let (variant, doc) = generate(seed);
        let lines: Vec<&str> = doc.text.split('\n').collect();
        let mut rng = yusuan_synth::Rng::new(seed ^ 0x4A11);
        let mut claims: Vec<&yusuan_synth::Claim> = doc
            .truth
            .claims
            .iter()
            .filter(|c| {
                c.value >= Decimal::from(10)
                    && !matches!(
                        c.kind,
                        yusuan_synth::ClaimKind::ProjectCount
                            | yusuan_synth::ClaimKind::TotalChangePercent
                            | yusuan_synth::ClaimKind::SanGongChangePercent
                            | yusuan_synth::ClaimKind::Share
                            | yusuan_synth::ClaimKind::Completion
                    )
            })
            .collect();
        rng.shuffle(&mut claims);
        claims.truncate(4);
        for claim in claims {
            let line = lines[claim.line as usize - 1];
            // the first occurrence not inside a longer number
            let Some(at) = line
                .match_indices(claim.printed.as_str())
                .map(|(i, _)| i)
                .find(|&i| {
                    !line[..i].ends_with(|c: char| c.is_ascii_digit() || c == '.' || c == ',')
                        && !line[i + claim.printed.len()..]
                            .starts_with(|c: char| c.is_ascii_digit() || c == '.')
                })
            else {
                continue;
            };
            let bump = (claim.value / Decimal::from(20))
                .max(Decimal::from(2))
                .round();
            let changed = (claim.value + bump).to_string();
            total += 1;
            let mut text_lines = lines.clone();
            let new_line = format!(
                "{}{changed}{}",
                &line[..at],
                &line[at + claim.printed.len()..]
            );
            text_lines[claim.line as usize - 1] = &new_line;
            let text = text_lines.join("\n");
            let report = yusuan::check(&yusuan::parse(&text).unwrap());
            let caught = report.findings.iter().any(|f| {
                f.is_error()
                    && f.evidence
                        .iter()
                        .any(|e| e.table == "narrative" && e.line == claim.line)
            });
            if !caught {
                missed.push(format!(
                    "seed {seed} {variant:?}: line {} {:?} {} → {changed}",
                    claim.line, claim.kind, claim.printed
                ));
            }
        }
    }
    (total, missed)
}

/// A narrative amount of a variant changed by a clearly significant amount (5% of it, two 万元 at
/// least) is an error citing its line: the allowance coarse figures get hides few real errors.
#[test]
fn a_changed_narrative_amount_in_a_variant_is_an_error() {
    let (total, missed) = changed_amounts(cases(60), generate);
    let caught = total - missed.len();
    eprintln!(
        "changed narrative amounts in variants detected: {caught}/{total}{}{}",
        if missed.is_empty() { "" } else { "; missed:\n" },
        missed.join("\n")
    );
    assert!(total >= 100, "{total}");
    // the misses are amounts no table states (the change of the total, 机关运行经费, checked only
    // through their percentage) and 政府性基金预算收入, which no rule compares with T01 (94% of
    // 1,200 mutants over 300 seeds)
    assert!(caught * 100 >= total * 90, "{caught}/{total}");
}

/// The 决算 of `seed`, printed in the variant of `seed` (its tables are in 万元 whatever the
/// variant says).
fn generate_final(seed: u64) -> (Variant, Synthetic) {
    let variant = Variant {
        yuan_tables: false,
        ..Variant::draw(seed)
    };
    (variant, yusuan_synth::generate_final(seed, variant))
}

/// The amount the truth records for a summary line of `table` (zero when blank).
fn line_amount(
    doc: &Synthetic,
    table: &str,
    item: yusuan::LineItem,
    side: yusuan::Side,
) -> Decimal {
    doc.truth
        .table(table)
        .and_then(|t| {
            t.rows
                .iter()
                .find(|r| r.key == yusuan_synth::RowKey::Item(item) && r.side == Some(side))
        })
        .and_then(|r| r.cells.first())
        .and_then(|c| c.value)
        .unwrap_or_default()
}

/// Consistent 决算 documents (with and without non-fiscal income and spending, carry-over of
/// each fund, government funds) in the narrative variants check with no error.
#[test]
fn consistent_final_accounts_check_without_error() {
    use yusuan::{LineItem, Side};
    let mut failures = Vec::new();
    let (mut documents, mut with_errors) = (0, 0);
    let mut warnings: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    let mut hints: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    // non-fiscal income; a non-fiscal carry-forward without non-fiscal income; fiscal balances;
    // government funds; whole 万元 or one decimal; narrative twice; itemised; whole percent
    let mut seen = [0_usize; 8];
    for seed in cases(120) {
        let (variant, doc) = generate_final(seed);
        documents += 1;
        let income = |i| line_amount(&doc, "T01", i, Side::Income);
        let non_fiscal_income =
            income(LineItem::BusinessIncome) + income(LineItem::OtherIncome) > Decimal::ZERO;
        let fiscal_cf = line_amount(&doc, "T04", LineItem::CarryForward, Side::Income);
        let non_fiscal_cf = income(LineItem::CarryForward) > fiscal_cf;
        for (i, on) in [
            non_fiscal_income,
            !non_fiscal_income && non_fiscal_cf,
            fiscal_cf > Decimal::ZERO,
            income(LineItem::GovFund) > Decimal::ZERO,
            !matches!(variant.precision, Precision::Exact),
            variant.narrative_twice,
            variant.itemised.is_some(),
            variant.whole_percent,
        ]
        .into_iter()
        .enumerate()
        {
            seen[i] += usize::from(on);
        }
        let parsed = yusuan::parse(&doc.text).unwrap();
        assert_eq!(parsed.meta.template, "shanghai-final-9", "seed {seed}");
        for d in doc.truth.compare(&parsed) {
            failures.push(format!("seed {seed} {variant:?}: {d}"));
        }
        let report = yusuan::check(&parsed);
        for f in &report.findings {
            match f.outcome {
                Outcome::Hint => *hints.entry(f.rule.clone()).or_default() += 1,
                Outcome::Fail if f.severity == yusuan::Severity::Warning => {
                    *warnings.entry(f.rule.clone()).or_default() += 1;
                }
                _ => {}
            }
        }
        if report.summary.error > 0 {
            with_errors += 1;
            for f in report.findings.iter().filter(|f| f.is_error()) {
                failures.push(format!(
                    "seed {seed} {variant:?}: {} {}",
                    f.rule, f.message_en
                ));
            }
        }
    }
    eprintln!(
        "final accounts: {documents} documents, {with_errors} with errors, {} warnings \
         {warnings:?}, {} hints {hints:?}; (non-fiscal income, non-fiscal carry-forward only, \
         fiscal balances, government funds, coarse narrative, narrative twice, itemised, whole \
         %): {seen:?}",
        warnings.values().sum::<usize>(),
        hints.values().sum::<usize>()
    );
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
    if documents >= 100 {
        assert!(seen.iter().all(|n| *n >= 10), "{seen:?}");
    }
}

#[test]
fn a_changed_cell_in_a_final_account_is_an_error_naming_it() {
    let (total, missed) = changed_cells(cases(50), generate_final);
    let caught = total - missed.len();
    eprintln!(
        "changed cells in final accounts detected: {caught}/{total}{}{}",
        if missed.is_empty() { "" } else { "; missed:\n" },
        missed.join("\n")
    );
    assert!(total >= 250, "{total}");
    assert!(caught * 100 >= total * 95, "{caught}/{total}");
}

/// A changed narrative amount of a 决算 is an error citing its line.
#[test]
fn a_changed_narrative_amount_in_a_final_account_is_an_error() {
    let (total, missed) = changed_amounts(cases(50), generate_final);
    let caught = total - missed.len();
    eprintln!(
        "changed narrative amounts in final accounts detected: {caught}/{total}{}{}",
        if missed.is_empty() { "" } else { "; missed:\n" },
        missed.join("\n")
    );
    assert!(total >= 100, "{total}");
    // the misses are amounts no 决算 table states (the change of the "三公" total, whose table
    // has no prior-year column; 机关运行经费, a soft link) and procurement parts within the
    // allowance of coarse figures (97.5% of 200 mutants over 50 seeds)
    assert!(caught * 100 >= total * 90, "{caught}/{total}");
}
