//! Comparing two documents: the seed (2025) against fabricated 2024 documents derived from it by
//! `tests/compare/derive.py`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use rust_decimal::Decimal;
use yusuan::Outcome;
use yusuan::compare::{Comparison, LineStatus};

const SEED: &str = include_str!("../../tests/corpus/seed_2025_yantai_unit_budget.txt");
const EARLIER: &str = include_str!("../../tests/compare/yantai_2024_fabricated.txt");
const MISMATCH: &str = include_str!("../../tests/compare/yantai_2024_mismatch.txt");

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn cmp(earlier: &str) -> Comparison {
    yusuan::compare(
        &yusuan::parse(earlier).unwrap(),
        &yusuan::parse(SEED).unwrap(),
    )
}

#[test]
fn lines_that_change_appear_and_vanish() {
    let c = cmp(EARLIER);
    assert!(c.notes.is_empty(), "{:#?}", c.notes);
    let t05 = c.table("T05").unwrap();
    let changed = t05.line("2010301", "total").unwrap();
    assert_eq!(changed.status, LineStatus::Changed);
    assert_eq!(
        (changed.earlier, changed.later),
        (Some(d("2100")), Some(d("2202.31")))
    );
    assert_eq!(changed.change, d("102.31"));
    assert_eq!(changed.growth, Some(d("4.87")));
    let appeared = t05.line("2080506", "total").unwrap();
    assert_eq!(appeared.status, LineStatus::Appeared);
    assert_eq!(appeared.earlier, None);
    assert_eq!(appeared.growth, None);
    assert_eq!(appeared.name, "机关事业单位职业年金缴费支出");
    let vanished = t05.line("2010399", "total").unwrap();
    assert_eq!(vanished.status, LineStatus::Vanished);
    assert_eq!(vanished.change, d("-120"));
    assert_eq!(vanished.later_line, None);
    assert!(vanished.earlier_line.is_some());
    // every other T05 line is unchanged
    let main: Vec<_> = t05.lines.iter().filter(|l| l.column == "total").collect();
    assert_eq!(
        main.iter()
            .filter(|l| l.status == LineStatus::Unchanged)
            .count(),
        main.len() - 3
    );
    assert_eq!((c.summary.appeared, c.summary.vanished), (1, 1));
}

#[test]
fn growth_and_contribution_in_the_san_gong_table() {
    let c = cmp(EARLIER);
    let t07 = c.table("T07").unwrap();
    let total = t07.line("row1", "san_gong_total").unwrap();
    assert_eq!(
        (total.earlier, total.later, total.change),
        (Some(d("170.6")), Some(d("226.6")), d("56"))
    );
    assert_eq!(total.growth, Some(d("32.83")));
    assert_eq!(total.contribution, None);
    let abroad = t07.line("row1", "abroad").unwrap();
    assert_eq!(abroad.growth, Some(d("137.5")));
    // +55 of +56
    assert_eq!(abroad.contribution, Some(d("98.21")));
    let reception = t07.line("row1", "reception").unwrap();
    assert_eq!(reception.contribution, Some(d("1.79")));
    let car = t07.line("row1", "vehicle_total").unwrap();
    assert_eq!(car.status, LineStatus::Unchanged);
    assert_eq!(car.growth, Some(d("0")));
}

#[test]
fn prior_year_figures_agree_with_the_earlier_document() {
    let c = cmp(EARLIER);
    assert!(!c.has_mismatches());
    assert_eq!(c.summary.prior_fail, 0);
    // the T07 2024 columns and the narrative's implied priors
    let subjects: Vec<&str> = c.prior_checks.iter().map(|p| p.subject.as_str()).collect();
    assert!(
        c.prior_checks.iter().all(|p| p.outcome == Outcome::Pass),
        "{:#?}",
        c.prior_checks
    );
    assert!(
        subjects
            .iter()
            .any(|s| s.starts_with("T07 公务接待费（2024年）")),
        "{subjects:#?}"
    );
    // 7,713.47 − 101.51; 226.6 − 56; 110 − 1; 537 + 88.1
    for prior in ["7611.96", "170.6", "109", "625.1"] {
        assert!(
            c.prior_checks
                .iter()
                .any(|p| p.later_evidence[0].table == "narrative" && p.stated == Some(d(prior))),
            "{prior}"
        );
    }
}

#[test]
fn a_prior_year_mismatch_names_both_documents() {
    let c = cmp(MISMATCH);
    assert!(c.has_mismatches());
    let fails: Vec<_> = c
        .prior_checks
        .iter()
        .filter(|p| p.outcome == Outcome::Fail)
        .collect();
    assert_eq!(fails.len(), 4, "{fails:#?}");
    let t07 = fails
        .iter()
        .find(|p| p.subject.starts_with("T07 公务接待费"))
        .unwrap();
    assert_eq!(
        (t07.stated, t07.earlier, t07.difference),
        (Some(d("109")), Some(d("108")), Some(d("1")))
    );
    assert_eq!(t07.later_evidence[0].line, 250);
    assert_eq!(t07.earlier_evidence[0].text, "108.00");
    let narrative = fails
        .iter()
        .find(|p| p.later_evidence[0].table == "narrative" && p.stated == Some(d("109")))
        .unwrap();
    assert_eq!(narrative.later_evidence[0].line, 362);
    assert!(narrative.message.contains("108"));
}

#[test]
fn json_and_text() {
    let c = cmp(MISMATCH);
    let json = c.to_json();
    assert_eq!(json, cmp(MISMATCH).to_json());
    let back: Comparison = serde_json::from_str(&json).unwrap();
    assert_eq!(back, c);
    let text = c.to_text(false);
    assert!(text.contains("4 disagree"), "{text}");
    assert!(
        !text.contains("✔"),
        "agreeing figures are listed only with `all`"
    );
    assert!(c.to_text(true).contains("✔"));
}

#[test]
fn different_bodies_and_years_are_noted() {
    let other = SEED.replace("烟台市人民政府办公室", "烟台市财政局");
    let c = yusuan::compare(
        &yusuan::parse(&other).unwrap(),
        &yusuan::parse(SEED).unwrap(),
    );
    let codes: Vec<&str> = c.notes.iter().map(|n| n.code.as_str()).collect();
    assert!(codes.contains(&"different_units"), "{codes:?}");
    assert!(codes.contains(&"years_not_consecutive"), "{codes:?}");
    // no prior-year check across non-consecutive years
    assert!(c.prior_checks.is_empty());
}

#[test]
fn another_body_of_the_year_before_gets_no_prior_year_verdicts() {
    // The mismatch document as printed by another body: its four disagreements would mean
    // nothing, so none is checked; the lines are still set side by side.
    assert_eq!(cmp(MISMATCH).summary.prior_fail, 4);
    let c = cmp(&MISMATCH.replace("烟台市人民政府办公室", "烟台市财政局"));
    assert!(c.prior_checks.is_empty(), "{:#?}", c.prior_checks);
    let s = c.summary;
    assert_eq!(
        (
            s.prior_pass,
            s.prior_fail,
            s.prior_hint,
            s.prior_not_checked
        ),
        (0, 0, 0, 0)
    );
    assert!(!c.has_mismatches());
    assert!(s.changed > 0);
    let codes: Vec<&str> = c.notes.iter().map(|n| n.code.as_str()).collect();
    assert_eq!(codes, ["different_units", "prior_year_not_checked"]);
    let note = &c.notes[1];
    assert!(
        note.message_en
            .contains("`烟台市财政局 2024` and `烟台市人民政府办公室 2025`"),
        "{}",
        note.message_en
    );
    assert!(
        note.message.contains("不是同一单位的文件"),
        "{}",
        note.message
    );
    let text = c.to_text(false);
    assert!(
        text.contains("[prior_year_not_checked]") && !text.contains("上年数核对 / Prior-year"),
        "{text}"
    );
}

#[test]
fn one_body_two_years_apart_and_unknown_years_get_no_prior_year_verdicts() {
    let later = yusuan::parse(SEED).unwrap();
    let mut earlier = yusuan::parse(MISMATCH).unwrap();
    earlier.meta.year = Some(2023);
    let c = yusuan::compare(&earlier, &later);
    assert!(c.prior_checks.is_empty());
    let note = c
        .notes
        .iter()
        .find(|n| n.code == "prior_year_not_checked")
        .unwrap();
    assert!(
        note.message_en
            .ends_with("they are not of consecutive years"),
        "{}",
        note.message_en
    );
    earlier.meta.year = None;
    let c = yusuan::compare(&earlier, &later);
    assert!(c.prior_checks.is_empty());
    assert!(c.notes.iter().any(|n| n.code == "prior_year_not_checked"));
    // a body name the reader did not find is no evidence of another body
    earlier.meta.year = Some(2024);
    earlier.meta.unit = None;
    assert_eq!(yusuan::compare(&earlier, &later).summary.prior_fail, 4);
}

/// The prior-year checks judge with the figure module under the policy's envelope: a gap of one
/// cent between two two-decimal figures is within rounding (a hint) by default, an error when
/// the policy allows no rounding, and the same figures as the checker's sums would judge.
#[test]
fn prior_year_checks_follow_the_policy_envelope() {
    let lines: Vec<&str> = EARLIER.lines().collect();
    let row = lines
        .iter()
        .position(|l| l.starts_with("150.00\t30.00") && l.ends_with("\t109.00"))
        .unwrap();
    let earlier: String = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if i == row {
                format!("{}109.01\n", l.strip_suffix("109.00").unwrap())
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    let (e, l) = (
        yusuan::parse(&earlier).unwrap(),
        yusuan::parse(SEED).unwrap(),
    );
    let reception = |c: &Comparison| {
        c.prior_checks
            .iter()
            .find(|p| p.subject.starts_with("T07 公务接待费（2024年）"))
            .map(|p| (p.outcome, p.difference))
            .unwrap()
    };
    assert_eq!(
        reception(&yusuan::compare(&e, &l)),
        (Outcome::Hint, Some(d("-0.01")))
    );
    let exact = yusuan::Policy {
        envelope_factor: Decimal::ZERO,
        ..yusuan::Policy::default()
    };
    let strict = yusuan::compare::compare_with(&e, &l, &exact);
    assert_eq!(reception(&strict).0, Outcome::Fail);
    assert!(strict.has_mismatches());
    // the same two figures as the checker's figure judgement sees them
    let p = |s: &str| yusuan::figure::Printed::parse(s).unwrap();
    let j = yusuan::figure::judge(
        &[p("109.00")],
        &[p("109.01")],
        yusuan::figure::Relation::Eq,
        Decimal::ONE,
    )
    .unwrap();
    assert_eq!(j.judgement, yusuan::figure::Judgement::WithinRounding);
}
