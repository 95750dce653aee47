//! The narrative (情况说明) and the 绩效目标表: claims against the tables and against arithmetic,
//! on the seed and on the narrative of corpus document 01, with one-number mutants of every checked
//! claim.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::print_stderr
)]

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;
use yusuan::check::{RuleKind, rules};
use yusuan::{Finding, Outcome, Report, Severity};

const SEED: &str = include_str!("../../tests/corpus/seed_2025_yantai_unit_budget.txt");
mod shared;

fn seed_report() -> Report {
    let doc = yusuan::parse(SEED).unwrap();
    yusuan::Checker::new().include_passes(true).check(&doc)
}

/// The checked narrative of document 01 of `../shared/corpus`, or `None` (skipped) without it.
fn narrative_01(strict_zero_base: bool) -> Option<Report> {
    let text = shared::corpus(shared::DOC01)?;
    let doc = yusuan::Parser::new().parse_narrative(&text).unwrap();
    let policy = yusuan::Policy {
        strict_zero_base,
        ..yusuan::Policy::default()
    };
    Some(
        yusuan::Checker::new()
            .with_policy(policy)
            .include_passes(true)
            .check(&doc),
    )
}

fn narrative_findings<'a>(r: &'a Report, rule: &str) -> Vec<&'a Finding> {
    r.findings.iter().filter(|f| f.rule == rule).collect()
}

/// The narrative lines a finding cites.
fn narrative_lines(f: &Finding) -> BTreeSet<u32> {
    f.evidence
        .iter()
        .filter(|e| e.table == "narrative")
        .map(|e| e.line)
        .collect()
}

fn passes_citing(r: &Report, rule: &str, text: &str) -> usize {
    r.findings
        .iter()
        .filter(|f| {
            f.rule == rule
                && f.outcome == Outcome::Pass
                && f.evidence
                    .iter()
                    .any(|e| e.table == "narrative" && e.text.replace(',', "").contains(text))
        })
        .count()
}

#[test]
fn seed_narrative_facts_pass() {
    let r = seed_report();
    // FACTS ✔: none of the narrative claims may be an error
    let errors: Vec<&Finding> = r.findings.iter().filter(|f| f.is_error()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // 收入/支出 7,713.47; 基本 3,134.09 + 项目 4,579.38
    for text in ["7713.47", "3134.09", "4579.38"] {
        assert!(passes_citing(&r, "N-01", text) >= 1, "N-01 {text}");
    }
    // +101.51 = 一般公共预算 +103.51 + 其他 −2 = 基本 −57.87 + 项目 +159.38
    for text in ["103.51", "2万元", "57.87", "159.38"] {
        assert!(passes_citing(&r, "V-07", text) >= 1, "V-07 {text}");
    }
    // 三公 226.6, +56 = +32.83%; 出国 95, +55 = +137.5%; 车 21.6 持平; 接待 110, +1 = +0.92%
    for text in ["226.6", "95万元", "21.6", "110万元"] {
        assert!(passes_citing(&r, "N-02", text) >= 1, "N-02 {text}");
    }
    for text in ["32.83%", "137.5%", "0.92%"] {
        assert_eq!(passes_citing(&r, "V-03", text), 1, "V-03 {text}");
    }
    for text in ["56万元", "55万元", "1万元"] {
        assert_eq!(passes_citing(&r, "V-01", text), 1, "V-01 {text}");
    }
    assert!(passes_citing(&r, "V-02", "21.6") >= 1);
    // 机关运行经费 537 = 公用经费 537.00 (a soft link: T07 prints no 机关运行经费 column)
    assert_eq!(passes_citing(&r, "X-12", "537"), 1);
    // 政府采购 2,944.12 = 69 + 0 + 2,875.12 = T12
    assert_eq!(passes_citing(&r, "N-06", "2944.12"), 2);
    // 绩效: 4 projects, 4,579.38; the key project 3,200 = 政务热线整合经费
    assert!(passes_citing(&r, "N-08", "4个") == 1);
    assert!(passes_citing(&r, "N-08", "4579.38") == 1);
    assert!(passes_citing(&r, "N-08", "3200") == 1);
    // every 绩效目标表 matches its project in T11
    let x15: Vec<&Finding> = narrative_findings(&r, "X-15");
    assert_eq!(x15.len(), 4);
    assert!(x15.iter().all(|f| f.outcome == Outcome::Pass));
    // reasons follow each stated change
    assert!(
        narrative_findings(&r, "V-08")
            .iter()
            .all(|f| f.outcome == Outcome::Pass)
    );
}

#[test]
fn seed_known_defects_are_reported() {
    let r = seed_report();
    let warnings: Vec<&Finding> = r
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Warning)
        .collect();
    assert_eq!(warnings.len(), 3, "{warnings:#?}");
    // 国有资产: 执法执勤用车 has no count
    let n10: Vec<&&Finding> = warnings.iter().filter(|f| f.rule == "N-10").collect();
    assert_eq!(n10.len(), 1);
    assert!(n10[0].message.contains("执法执勤用车"));
    assert_eq!(narrative_lines(n10[0]), BTreeSet::from([374]));
    // the two rate indicators capped at ≤95%
    let p03: BTreeSet<&str> = warnings
        .iter()
        .filter(|f| f.rule == "P-03")
        .map(|f| f.column.as_deref().unwrap())
        .collect();
    assert_eq!(
        p03,
        BTreeSet::from(["公用经费支付准确率", "公用经费支付及时率"])
    );
    for f in warnings.iter().filter(|f| f.rule == "P-03") {
        assert!(f.message.contains("≤95%"), "{}", f.message);
    }
}

#[test]
fn san_gong_against_economic_lines_is_informational() {
    let r = seed_report();
    // 因公出国 95.00 and 公务用车运行 21.60 exceed 30212 40.00 and 30231 3.31: never an error
    let x11: Vec<&Finding> = narrative_findings(&r, "X-11");
    assert!(!x11.is_empty());
    assert!(x11.iter().all(|f| !f.is_error()), "{x11:#?}");
    assert_eq!(
        rules().iter().find(|i| i.id == "X-12").map(|i| i.kind),
        Some(RuleKind::Soft)
    );
}

#[test]
fn unmeasurable_targets_are_hints() {
    let r = seed_report();
    let p04: Vec<&Finding> = narrative_findings(&r, "P-04")
        .into_iter()
        .filter(|f| f.outcome != Outcome::Pass)
        .collect();
    assert!(!p04.is_empty());
    assert!(
        p04.iter()
            .all(|f| f.outcome == Outcome::Hint && f.severity == Severity::Info)
    );
}

#[test]
fn doc01_narrative_wrong_percentages() {
    let Some(r) = narrative_01(false) else {
        return;
    };
    let v03: Vec<&Finding> = narrative_findings(&r, "V-03")
        .into_iter()
        .filter(|f| f.is_error())
        .collect();
    let found: BTreeMap<String, String> = v03
        .iter()
        .map(|f| (f.actual.clone().unwrap(), f.expected.clone().unwrap()))
        .collect();
    assert_eq!(
        found,
        BTreeMap::from([
            ("314.82".to_owned(), "289.12".to_owned()),
            ("60.54".to_owned(), "66.40".to_owned()),
        ]),
        "{v03:#?}"
    );
    // every other stated percentage recomputes
    assert!(
        narrative_findings(&r, "V-03")
            .iter()
            .filter(|f| f.outcome == Outcome::Pass)
            .count()
            >= 25
    );
}

#[test]
fn doc01_self_contradicting_fund_sentence() {
    let Some(r) = narrative_01(false) else {
        return;
    };
    let v05: Vec<&Finding> = narrative_findings(&r, "V-05")
        .into_iter()
        .filter(|f| f.is_error())
        .collect();
    assert_eq!(v05.len(), 1, "{v05:#?}");
    assert!(v05[0].message.contains("1421.25"));
    assert_eq!(narrative_lines(v05[0]), BTreeSet::from([69]));
}

#[test]
fn doc01_item_16_states_two_amounts() {
    let Some(r) = narrative_01(false) else {
        return;
    };
    let v09: Vec<&Finding> = narrative_findings(&r, "V-09")
        .into_iter()
        .filter(|f| f.is_error())
        .collect();
    assert_eq!(v09.len(), 1, "{v09:#?}");
    assert!(v09[0].message.contains("441.25") && v09[0].message.contains("220.63"));
}

#[test]
fn doc01_zero_base_growth() {
    // RULES.md V-04: no percentage may be stated on a zero base. FACTS marks it a policy choice
    // (a hint at most); the strict policy makes it an error.
    for strict in [false, true] {
        let Some(r) = narrative_01(strict) else {
            return;
        };
        let v04: Vec<&Finding> = narrative_findings(&r, "V-04");
        assert_eq!(v04.len(), 2, "{v04:#?}");
        for f in &v04 {
            assert!(f.message.contains("100.00%"));
            if strict {
                assert!(f.is_error());
            } else {
                assert_eq!(f.outcome, Outcome::Hint);
            }
        }
        // the growth rate is never recomputed as "100%" on a zero base
        assert!(
            !r.findings
                .iter()
                .any(|f| f.rule == "V-03" && f.expected.as_deref() == Some("100.00"))
        );
    }
    let Some(lenient) = narrative_01(false) else {
        return;
    };
    let errors: Vec<&Finding> = lenient.findings.iter().filter(|f| f.is_error()).collect();
    // the wrong percentages, the 政府性基金 sentence and item 16: nothing else
    assert_eq!(errors.len(), 4, "{errors:#?}");
}

#[test]
fn narrative_alone_does_not_claim_table_checks() {
    let Some(r) = narrative_01(false) else {
        return;
    };
    assert_eq!(r.summary.warning, 0);
    assert!(
        r.findings
            .iter()
            .all(|f| f.table.as_deref() == Some("narrative")
                || f.table.as_deref() == Some("performance")
                || f.outcome == Outcome::NotApplicable
                || f.outcome == Outcome::Pass)
    );
    // the table rules are not applicable (only the narrative was read), not "not checked"
    assert_eq!(r.summary.insufficient_data, 0, "{:#?}", r.summary);
    assert!(r.summary.not_applicable > 0);
    assert!(
        r.findings
            .iter()
            .filter(|f| f.outcome == Outcome::NotApplicable
                && f.table.as_deref().is_some_and(|t| t.starts_with('T')))
            .all(|f| f.message_en.contains("only the narrative was read"))
    );
}

/// A printed number with its unit (`7,713.47万元`, `32.83%`, `4个`), not a sentence.
fn is_quantity(text: &str) -> bool {
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(text.len());
    end > 0 && ["万元", "元", "亿元", "%", "个", "辆"].contains(&&text[end..])
}

/// Replaces the number at the start of `text` (`7,713.47万元`, `32.83%`, `4个`) by itself + 1,
/// printed with the same decimals.
fn bump(text: &str) -> Option<String> {
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(text.len());
    let number: Decimal = text[..end].replace(',', "").parse().ok()?;
    let bumped = number + Decimal::ONE;
    Some(format!("{bumped}{}", &text[end..]))
}

/// Every number of a claim that a hard narrative rule checked and passed: changing it (+1 in its
/// last printed unit place) yields an error citing that narrative line.
#[test]
fn every_mutated_claim_number_is_detected() {
    let r = seed_report();
    let hard: BTreeSet<&str> = rules()
        .iter()
        .filter(|i| i.kind != RuleKind::Soft)
        .map(|i| i.id)
        .collect();
    let mut targets: BTreeSet<(u32, String)> = BTreeSet::new();
    for f in &r.findings {
        if f.outcome != Outcome::Pass || !hard.contains(f.rule.as_str()) {
            continue;
        }
        if !(f.rule.starts_with('N') || f.rule.starts_with('V') || f.rule == "X-14") {
            continue;
        }
        for e in &f.evidence {
            if e.table == "narrative" && is_quantity(&e.text) {
                targets.insert((e.line, e.text.clone()));
            }
        }
    }
    assert!(targets.len() >= 30, "{targets:#?}");
    let lines: Vec<&str> = SEED.split('\n').collect();
    let mut missed = Vec::new();
    let mut mutants = 0;
    for (line, text) in &targets {
        let original = lines[(*line - 1) as usize];
        let occurrences: Vec<usize> = original
            .match_indices(text.as_str())
            .map(|(i, _)| i)
            .collect();
        assert!(!occurrences.is_empty(), "line {line}: {text}");
        let replacement = bump(text).unwrap();
        for at in occurrences {
            // skip a match inside a longer number (`1万元` in `21万元`)
            if original[..at].ends_with(|c: char| c.is_ascii_digit() || c == '.' || c == ',') {
                continue;
            }
            mutants += 1;
            let mut changed = original.to_owned();
            changed.replace_range(at..at + text.len(), &replacement);
            let mut all: Vec<&str> = lines.clone();
            all[(*line - 1) as usize] = &changed;
            let mutant = all.join("\n");
            let report = yusuan::check(&yusuan::parse(&mutant).unwrap());
            let caught = report.findings.iter().any(|f| {
                f.is_error()
                    && f.evidence
                        .iter()
                        .any(|e| e.table == "narrative" && e.line == *line)
            });
            if !caught {
                missed.push(format!("line {line}: {text} → {replacement}"));
            }
        }
    }
    eprintln!(
        "claim mutants detected: {}/{mutants}",
        mutants - missed.len()
    );
    assert!(
        missed.is_empty(),
        "{} missed:\n{}",
        missed.len(),
        missed.join("\n")
    );
}

/// V-02 on printed figures read as intervals: a change of one unit of the last printed digit is
/// an increase (no error), 持平 for it holds only at the edge of the intervals (a hint), and a
/// decrease contradicts it (an error).
#[test]
fn direction_at_the_printed_precision() {
    let run = |word: &str| {
        let text = format!(
            "一、预算收支增减变化情况说明\n（三）增减变化情况：2025年收支预算121.46万元，2024年预算执行数为121.45万元，比上年{word}，主要原因是工作需要。\n"
        );
        let doc = yusuan::Parser::new().parse_narrative(&text).unwrap();
        let r = yusuan::Checker::new().include_passes(true).check(&doc);
        narrative_findings(&r, "V-02")
            .iter()
            .map(|f| (f.outcome, f.severity))
            .collect::<Vec<_>>()
    };
    let increase = run("增加0.01万元");
    assert!(
        increase.iter().all(|o| o.0 == Outcome::Pass),
        "{increase:?}"
    );
    let decrease = run("减少0.01万元");
    assert_eq!(decrease, vec![(Outcome::Fail, Severity::Error)]);
    let flat = run("持平");
    assert_eq!(flat, vec![(Outcome::Hint, Severity::Info)]);
}

/// A narrative figure printed with fewer decimals than the table stands for an interval: whole
/// 万元 that the table rounds to is exact, a figure the table only truncates to is a hint, and one
/// outside the interval is an error.
#[test]
fn narrative_precision_against_the_tables() {
    let line = "（一）收入预算：2025年收入预算7,713.47万元";
    assert!(SEED.contains(line));
    let outcome = |stated: &str| {
        let text = SEED.replacen(line, &format!("（一）收入预算：2025年收入预算{stated}"), 1);
        let r = yusuan::Checker::new()
            .include_passes(true)
            .check(&yusuan::parse(&text).unwrap());
        let at: Vec<(String, Outcome, Severity)> = r
            .findings
            .iter()
            .filter(|f| {
                f.evidence
                    .iter()
                    .any(|e| e.table == "narrative" && e.text == stated)
            })
            .map(|f| (f.rule.clone(), f.outcome, f.severity))
            .collect();
        eprintln!("{stated}: {at:?}");
        at
    };
    let whole = outcome("7,713万元");
    assert!(
        whole.contains(&("N-01".to_owned(), Outcome::Pass, Severity::Info)),
        "{whole:?}"
    );
    assert!(whole.iter().all(|f| f.2 != Severity::Error), "{whole:?}");
    let truncated = outcome("7,713.4万元");
    assert!(
        truncated.iter().any(|f| f.1 == Outcome::Hint),
        "{truncated:?}"
    );
    assert!(
        truncated.iter().all(|f| f.2 != Severity::Error),
        "{truncated:?}"
    );
    let wrong = outcome("7,714万元");
    assert!(wrong.iter().any(|f| f.2 == Severity::Error), "{wrong:?}");
    // rounded to one decimal: a hint (it may be 7,713.50 with the zero dropped)
    let rounded = outcome("7,713.5万元");
    assert!(rounded.iter().any(|f| f.1 == Outcome::Hint), "{rounded:?}");
    assert!(
        rounded.iter().all(|f| f.2 != Severity::Error),
        "{rounded:?}"
    );
    let wrong = outcome("7,713.6万元");
    assert!(wrong.iter().any(|f| f.2 == Severity::Error), "{wrong:?}");
}

/// A narrative that prints its amounts in whole 万元 rounds each on its own: a total that misses
/// the sum of its printed parts by less than their rounding is a hint, not an error; further off
/// it is an error. A narrative printing its amounts to the 分 gets no such allowance.
#[test]
fn coarse_narrative_figures_in_a_sum() {
    let errors = |items: &str, more: &str| {
        let text = format!(
            "二、“三公”经费支出情况\n\n2025年“三公”经费预算共171万元，其中：{items}\n\n三、机关运行经费情况\n\n{more}\n"
        );
        let doc = yusuan::Parser::new().parse_narrative(&text).unwrap();
        let r = yusuan::check(&doc);
        let n02: Vec<(Outcome, Severity)> = r
            .findings
            .iter()
            .filter(|f| f.rule == "N-02")
            .map(|f| (f.outcome, f.severity))
            .collect();
        eprintln!("{items} {more}: {n02:?}");
        r.findings
            .iter()
            .filter(|f| f.rule == "N-02" && f.is_error())
            .count()
    };
    // 40.4 + 21.4 + 109.4 = 171.2, each rounded on its own
    let rounded = "因公出国（境）费40万元，公务用车购置及运行费21万元，公务接待费109万元。";
    assert_eq!(errors(rounded, "本单位机关运行经费安排12万元。"), 0);
    let far = "因公出国（境）费40万元，公务用车购置及运行费21万元，公务接待费105万元。";
    assert!(errors(far, "本单位机关运行经费安排12万元。") > 0);
    // amounts to the 分 elsewhere: the whole figures are exact, the sum is off
    assert!(
        errors(
            rounded,
            "本单位机关运行经费安排12.34万元。\n\n四、政府采购情况\n\n2025年政府采购预算45.67万元，其中：政府采购货物预算45.67万元。"
        ) > 0
    );
}

/// A percentage finding gives its difference in percentage points (never an empty string), in
/// the JSON report too.
#[test]
fn a_wrong_rate_states_its_difference_in_points() {
    let text =
        "2025年“三公”经费预算情况说明\n2025年“三公”经费预算10万元，比上年增加2万元，增长50%。\n";
    let doc = yusuan::Parser::new().parse_narrative(text).unwrap();
    let report = yusuan::Checker::new().check(&doc);
    let f = report
        .findings
        .iter()
        .find(|f| f.rule == "V-03" && f.is_error())
        .expect("the wrong rate is an error");
    assert_eq!(f.unit.as_deref(), Some("%"));
    assert_eq!(f.expected.as_deref(), Some("25"));
    assert_eq!(f.difference.as_deref(), Some("25"));
    let json = report.to_json();
    assert!(!json.contains(r#""difference":"""#), "{json}");
}

/// The V-08 instances of a narrative read on its own: (outcome, severity, line).
fn reason_instances(text: &str) -> Vec<(Outcome, yusuan::report::Severity, u32)> {
    let doc = yusuan::Parser::new().parse_narrative(text).unwrap();
    let report = yusuan::Checker::new().include_passes(true).check(&doc);
    report
        .findings
        .iter()
        .filter(|f| f.rule == "V-08")
        .map(|f| {
            (
                f.outcome,
                f.severity,
                f.evidence.first().map_or(0, |e| e.line),
            )
        })
        .collect()
}

#[test]
fn a_headline_change_without_a_reason_is_one_hint() {
    // two comparisons of one subject in one sentence: one instance; a missing reason omits what
    // the format asks for while the figures agree: a hint, not a warning
    let text = "四、“三公”经费情况说明\n2023年“三公”经费支出12万元，较年初预算减少3万元，较上年减少1万元。\n";
    let found = reason_instances(text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, Outcome::Hint);
    assert_eq!(found[0].1, yusuan::report::Severity::Info);
}

/// The findings of one rule on a narrative read on its own: (outcome, severity).
fn rule_outcomes(text: &str, rule: &str) -> Vec<(Outcome, yusuan::report::Severity)> {
    let doc = yusuan::Parser::new().parse_narrative(text).unwrap();
    let report = yusuan::Checker::new().include_passes(true).check(&doc);
    report
        .findings
        .iter()
        .filter(|f| f.rule == rule)
        .map(|f| (f.outcome, f.severity))
        .collect()
}

/// N-12: the items' budgets, stated or implied by their change against the budget (a template's
/// `增加(减少)0万元` is no change), add up to the total budget.
#[test]
fn item_budgets_add_up_to_the_total_budget() {
    let text = |total: &str| {
        [
            "一、“三公”经费支出决算情况说明",
            &format!("2021年度“三公”经费支出预算为{total}万元，支出决算为50.00万元。"),
            "二、“三公”经费支出决算具体情况说明",
            "“三公”经费支出决算中，因公出国（境）费支出决算0万元，公务用车购置及运行费支出决算45.00万元，公务接待费支出决算5.00万元。",
            "（一）因公出国（境）费支出0万元。因公出国（境）费支出决算比预算数增加（减少）0万元。",
            "（二）公务用车购置及运行费支出45.00万元。公务用车购置及运行费支出决算数比预算数减少25.00万元。",
            "（三）公务接待费支出5.00万元。公务接待费支出决算数比预算数减少5.00万元。",
            "",
        ]
        .join("\n")
    };
    let good = rule_outcomes(&text("80.00"), "N-12");
    assert_eq!(good, vec![(Outcome::Pass, yusuan::report::Severity::Info)]);
    let bad = rule_outcomes(&text("90.00"), "N-12");
    assert_eq!(bad, vec![(Outcome::Fail, yusuan::report::Severity::Error)]);
    // an item whose budget cannot be established leaves the sum unchecked
    let unknown = text("90.00").replace("比预算数增加（减少）0万元", "未安排");
    assert!(rule_outcomes(&unknown, "N-12").is_empty());
}

/// V-14: a title printed again with another year than the document's is a warning; a title about
/// another year in other words is not compared.
#[test]
fn a_title_printed_again_with_another_year_is_a_warning() {
    let text = [
        "政府信息公开",
        "索引号",
        "某州本级2021年度“三公”经费决算支出情况说明",
        "发布时间：2022-10-14",
        "",
        "某州本级2020年度“三公”经费决算支出情况说明",
        "2021年，州本级“三公”经费支出决算为100万元，较上年减少10万元。",
        "",
    ]
    .join("\n");
    let text = text.as_str();
    let found = rule_outcomes(text, "V-14");
    assert_eq!(
        found,
        vec![(Outcome::Fail, yusuan::report::Severity::Warning)]
    );
    let doc = yusuan::Parser::new().parse_narrative(text).unwrap();
    assert_eq!(doc.meta.year, Some(2021));
    let other = text.replace(
        "某州本级2020年度“三公”经费决算支出情况说明",
        "2020年度部门整体支出绩效评价情况",
    );
    assert!(rule_outcomes(&other, "V-14").is_empty());
    let same = text.replace("某州本级2020年度", "某州本级2021年度");
    assert!(rule_outcomes(&same, "V-14").is_empty());
}

#[test]
fn reasons_are_found_where_documents_put_them() {
    let cases = [
        // after the second comparison of the sentence: it covers both
        "四、“三公”经费情况说明\n2023年“三公”经费支出12万元，较年初预算减少3万元，较上年减少1万元，主要原因是严控一般性支出。\n",
        // `X原因主要是`
        "四、“三公”经费情况说明\n2023年“三公”经费预算12万元，比上年减少1万元，下降原因主要是厉行节约。\n",
        // `主要是` opening a clause, and opening the next sentence
        "二、收支预算总体情况\n2023年收入预算200万元，比上年增加20万元，主要是一般公共预算拨款增加20万元。\n",
        "四、“三公”经费情况说明\n2023年“三公”经费支出12万元，较上年减少1万元。主要是压减公务接待。\n",
        // in the breakdown
        "四、“三公”经费情况说明\n2023年“三公”经费预算12万元，比上年减少1万元，其中：公务接待费5万元，比上年减少1万元，主要原因是厉行节约。\n",
        // in the item paragraphs that follow
        "四、“三公”经费情况说明\n2023年“三公”经费预算12万元，比上年减少1万元。具体情况如下：\n（一）公务接待费预算5万元，比上年减少1万元，下降原因主要是从严控制接待。\n",
        // a reason after a list covers the list
        "四、“三公”经费情况说明\n2023年“三公”经费支出12万元，比上年下降10%；其中公务接待费5万元，比上年下降5%。下降的主要原因都是压减开支。\n",
    ];
    for text in cases {
        let found = reason_instances(text);
        assert!(!found.is_empty(), "no V-08 instance in {text}");
        assert!(
            found.iter().all(|(o, _, _)| *o == Outcome::Pass),
            "{found:?} in {text}"
        );
    }
}

#[test]
fn items_and_purposes_are_not_reasons_or_headlines() {
    // an item under a headline needs no reason of its own: no instance
    let item = "四、“三公”经费情况说明\n（一）公务接待费预算5万元，比上年减少1万元。\n";
    assert!(
        reason_instances(item).is_empty(),
        "{:?}",
        reason_instances(item)
    );
    // `主要是用于` is a purpose, not a reason; `主要是` inside a clause is no reason either
    let purpose = "四、“三公”经费情况说明\n2023年“三公”经费预算12万元，比上年减少1万元，主要是用于公务接待。\n";
    let found = reason_instances(purpose);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, Outcome::Hint, "{found:?}");
}

/// The outcomes of `rule` on a narrative read on its own.
fn outcomes(text: &str, rule: &str) -> Vec<Outcome> {
    let doc = yusuan::Parser::new().parse_narrative(text).unwrap();
    let report = yusuan::Checker::new().include_passes(true).check(&doc);
    report
        .findings
        .iter()
        .filter(|f| f.rule == rule)
        .map(|f| f.outcome)
        .collect()
}

fn balance_outcomes(text: &str) -> Vec<Outcome> {
    outcomes(text, "N-07")
}

#[test]
fn the_two_grand_totals_stated_together_balance() {
    let head = "一、收入支出决算总体情况说明\n";
    // given respectively, with the unit once and an ASCII comma between the figures
    let wrong = format!("{head}2025年度收、支总计各是4125.49,4143.91万元。\n");
    assert_eq!(balance_outcomes(&wrong), [Outcome::Fail]);
    // the consistent rewrite: no error
    let right = format!("{head}2025年度收、支总计各是4143.91,4143.91万元。\n");
    assert_eq!(balance_outcomes(&right), [Outcome::Pass]);
    let named = format!("{head}2025年度收入总计4143.91万元，支出总计4143.91万元。\n");
    assert_eq!(balance_outcomes(&named), [Outcome::Pass]);
    // the year's income and expenditure (合计) need not balance: no instance
    let year = format!("{head}2025年度本年收入合计4125.49万元，本年支出合计4143.91万元。\n");
    assert!(balance_outcomes(&year).is_empty());
}

#[test]
fn basic_expenditure_is_personnel_plus_public() {
    let n09 = |text: &str| outcomes(text, "N-09");
    let head = "六、一般公共预算财政拨款基本支出决算情况说明\n";
    // both parts stated (the second after a paragraph break) and short of the whole: an error
    let short = format!(
        "{head}2025年基本支出911.7万元，其中：\n人员经费489.18万元。\n公用经费46.89万元。\n"
    );
    assert_eq!(n09(&short), [Outcome::Fail]);
    // the consistent rewrite
    let right = format!(
        "{head}2025年基本支出536.07万元，其中：\n人员经费489.18万元。\n公用经费46.89万元。\n"
    );
    assert_eq!(n09(&right), [Outcome::Pass]);
    // one part alone only bounds the whole
    let one = format!("{head}2025年基本支出911.7万元，其中：人员经费489.18万元。\n");
    assert_eq!(n09(&one), [Outcome::Pass]);
}

#[test]
fn one_figure_stated_twice_is_compared_only_for_one_body() {
    let v10 = |text: &str| outcomes(text, "V-10");
    let head = "二、“三公”经费决算情况说明\n";
    // the district and its 区直 departments are two bodies: nothing to compare
    let two = format!(
        "{head}全区2025年“三公”经费决算数合计为1000.86万，比上年增加10万元。\n2025年区直财政拨款资金安排“三公”经费决算数为736.40万元，比预算数减少67.62万元。\n"
    );
    assert!(v10(&two).is_empty(), "{:?}", v10(&two));
    // one body, two figures: an error (`万` standing alone for 万元)
    let one = format!(
        "{head}2025年“三公”经费决算数合计为1000.86万，比上年增加10万元。\n2025年“三公”经费决算数为736.40万元，比预算数减少67.62万元。\n"
    );
    assert_eq!(v10(&one), [Outcome::Fail]);
}

#[test]
fn a_change_stated_apart_from_its_two_figures_is_checked() {
    let v01 = |text: &str| outcomes(text, "V-01");
    let figures = "2025年“三公”经费决算支出情况说明\n2025年“三公”经费决算数合计为1000.86万元。2024年“三公”经费决算数合计为807.95万元。\n";
    let wrong = format!("{figures}2025年“三公”经费决算数相较于上年增加275.76万元。\n");
    assert_eq!(v01(&wrong), [Outcome::Fail]);
    let right = format!("{figures}2025年“三公”经费决算数相较于上年增加192.91万元。\n");
    assert_eq!(v01(&right), [Outcome::Pass]);
    // against the budget it is another comparison: nothing to check here
    let budget = format!("{figures}2025年“三公”经费决算数较年初预算数增加275.76万元。\n");
    assert!(v01(&budget).is_empty(), "{:?}", v01(&budget));
}

#[test]
fn sentences_with_numbers_and_no_claim_are_counted() {
    // line 2: read; line 3: a bare percentage with nothing to hang on; line 4: a count of
    // offices, no subject the reader knows; line 5: no number at all
    let text = "二、“三公”经费\n“三公”经费预算10万元，比上年增加2万元，增长25%，主要原因是会议增加。\n另有19.09%。\n本单位现有内设机构8个。\n公务接待主要用于业务交流。\n";
    let doc = yusuan::Parser::new().parse_narrative(text).unwrap();
    let report = yusuan::Checker::new().check(&doc);
    assert_eq!(report.coverage.numeric_sentences, 3);
    assert_eq!(report.coverage.numeric_sentences_without_claims, [3, 4]);
    let claims = yusuan::claims::extract_all(&doc);
    assert_eq!(
        claims.unread.iter().map(|u| u.line).collect::<Vec<_>>(),
        [3, 4]
    );
    assert!(
        claims
            .to_text()
            .contains("L4 no claim read: 本单位现有内设机构8个")
    );
    // the text report says so on its coverage line
    let summary = report.to_text();
    assert!(
        summary.contains("narrative sentences with numbers 3, no claim read from 2: lines 3 4"),
        "{summary}"
    );
    let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    assert_eq!(
        json["coverage"]["numeric_sentences_without_claims"],
        serde_json::json!([3, 4])
    );
}

#[test]
fn the_actual_said_to_be_below_or_above_the_budget_is_checked() {
    let v13 = |text: &str| outcomes(text, "V-13");
    let head = "二、“三公”经费支出决算情况说明\n";
    let figures = "2025年“三公”经费支出年初预算为246万元，支出决算为167.37万元";
    // below, as the figures say; the reason in the same sentence
    let below = format!("{head}{figures}，决算数小于预算数的主要原因是节约项目经费。\n");
    assert_eq!(v13(&below), [Outcome::Pass]);
    // the opposite direction: an error
    let above = format!("{head}{figures}，决算数大于预算数的主要原因是会议增加。\n");
    assert_eq!(v13(&above), [Outcome::Fail]);
    // stated in a sentence of its own, after the figures; 与预算持平 against unequal figures
    let apart = format!("{head}{figures}。决算数等于预算数。\n");
    assert_eq!(v13(&apart), [Outcome::Fail]);
    let flat = format!("{head}{figures}，与年初预算持平。\n");
    assert_eq!(v13(&flat), [Outcome::Fail]);
    // figures at the edge of what a decimal holds, of opposite signs: an outcome, no overflow
    let huge = format!(
        "{head}2025年“三公”经费支出年初预算为-79228162514264337593543950335万元，支出决算为79228162514264337593543950335万元，决算数大于预算数。\n"
    );
    let _ = v13(&huge);
    // the template's either-or (小于，或持平) is one relation: at most the budget
    let either = format!("{head}{figures}。决算数小于预算数（或与预算数持平）的主要原因是节约。\n");
    assert_eq!(v13(&either), [Outcome::Pass]);
    // the budget stated in a statement of its own, the actual in another
    let split = format!(
        "{head}2025年度“三公”经费财政拨款支出预算为44.52万元，2025年实际支出“三公”经费决算为22.62万元。本年度“三公”经费决算数未超过2025年预算数。\n"
    );
    assert_eq!(v13(&split), [Outcome::Pass]);
    // equal only inside the rounding of a figure in whole 元: a hint
    let round = format!(
        "{head}2025年“三公”经费支出年初预算为27080元，支出决算为27080.4元，决算数等于预算数。\n"
    );
    assert_eq!(v13(&round), [Outcome::Hint]);
    // no budget stated: not checked
    let lone =
        format!("{head}2025年“三公”经费支出决算为3.46万元。决算数小于预算数的主要原因是节约。\n");
    assert_eq!(v13(&lone), [Outcome::InsufficientData]);
}

#[test]
fn the_shares_of_one_base_add_up_to_at_most_one_hundred() {
    let n11 = |text: &str| outcomes(text, "N-11");
    let head = "一、支出决算情况说明\n";
    // shares of the parts without their amounts: 110 % of one base is an error
    let over = format!("{head}2025年本年支出合计100万元，其中：基本支出占70%，项目支出占40%。\n");
    assert_eq!(n11(&over), [Outcome::Fail]);
    let under = format!("{head}2025年本年支出合计100万元，其中：基本支出占60%，项目支出占30%。\n");
    assert_eq!(n11(&under), [Outcome::Pass]);
    // every part listed (1 + 1 + 1 = 3): 99.9 % is 100 % only inside the rounding, a hint
    let income = "一、收入决算情况说明\n2025年本年收入合计3万元，其中：财政拨款收入1万元，占33.3%；事业收入1万元，占33.3%；其他收入1万元，";
    assert_eq!(n11(&format!("{income}占33.3%。\n")), [Outcome::Hint]);
    assert_eq!(n11(&format!("{income}占33.4%。\n")), [Outcome::Pass]);
    // a share N-05 finds wrong is that share's finding: no second one for the sum
    let wrong = format!(
        "{head}2025年本年支出合计100万元，其中：基本支出60万元，占60%；项目支出40万元，占30%。\n"
    );
    assert!(n11(&wrong).is_empty(), "{:?}", n11(&wrong));
    assert_eq!(outcomes(&wrong, "N-05"), [Outcome::Pass, Outcome::Fail]);
    // the whole named first (…决算中，A…占x%，B…占y%)
    let named = "二、“三公”经费支出决算情况说明\n2025年“三公”经费支出决算中，公务接待费支出占60%，公务用车购置及运行费支出占50%。\n";
    assert_eq!(n11(named), [Outcome::Fail]);
}

#[test]
fn growth_on_an_implied_zero_prior_is_the_zero_base_hint() {
    let v04 = |text: &str| outcomes(text, "V-04");
    let head = "二、“三公”经费\n";
    // 0.30 increased by 0.30: the prior is 0, no growth rate is defined
    let zero = format!(
        "{head}公务接待费预算0.30万元，比上年增加0.30万元，增长100%，主要原因是接待增加。\n"
    );
    assert_eq!(v04(&zero), [Outcome::Hint]);
    assert!(outcomes(&zero, "V-03").is_empty());
    // a prior of 0.10 implied: V-03's, not V-04's
    let some = format!(
        "{head}公务接待费预算0.30万元，比上年增加0.20万元，增长200%，主要原因是接待增加。\n"
    );
    assert!(v04(&some).is_empty());
    assert_eq!(outcomes(&some, "V-03"), [Outcome::Pass]);
}

/// A “三公” table that a web page prints one cell per line (with ` |` separators, or none, a
/// header cell broken over two lines) is read as the figures it prints: the narrative is checked
/// against it, and two figures exchanged between them are one finding.
#[test]
fn a_san_gong_table_printed_one_cell_per_line_is_checked_against_the_narrative() {
    let narrative = |purchase: &str, operation: &str| {
        format!(
            "二、2022年“三公”经费预算情况说明\n2022年“三公”经费预算为79万元。其中：因公出国（境）费0万元，公务接待费4万元，公务用车购置及运行费75万元。其中：公务用车购置费{purchase}万元，公务用车运行费{operation}万元。\n"
        )
    };
    let piped = "一、2022年“三公”经费预算表\n单位:万元\n“三公”经费合计 |\n因公出国(境)费 |\n公务用车购置及运行费 |\n公务 接待费 |\n||\n小计 |\n公务用车购置费 |\n公务用车运行费 |\n|||\n79 |\n0 |\n75 |\n50 |\n25 |\n4 |\n";
    let bare = "一、2022年“三公”经费预算表\n单位:万元\n“三公”经费合计\n因公出国(境)费\n公务用车购置及运行费\n公务\n接待费\n小计\n公务用车购置费\n公务用车运行费\n79\n0\n75\n50\n25\n4\n";
    for table in [piped, bare] {
        let check = |text: &str| {
            let doc = yusuan::Parser::new().parse_narrative(text).unwrap();
            yusuan::Checker::new().include_passes(true).check(&doc)
        };
        let same = check(&format!("{table}{}", narrative("50", "25")));
        assert_eq!(same.summary.error, 0, "{:#?}", same.findings);
        // the table's figures were compared: every item of the narrative once
        let compared = same
            .findings
            .iter()
            .filter(|f| f.rule == "V-10" && f.outcome == Outcome::Pass)
            .count();
        assert_eq!(compared, 6, "{:#?}", same.findings);
        let swapped = check(&format!("{table}{}", narrative("25", "50")));
        let errors: Vec<_> = swapped.findings.iter().filter(|f| f.is_error()).collect();
        assert_eq!(errors.len(), 1, "{errors:#?}");
        assert_eq!(errors[0].related.len(), 2);
        assert!(errors[0].message.contains("互换"), "{}", errors[0].message);
        // one value missing: the cells cannot be placed, nothing is read from them
        let short = table.replace("\n4 |\n", "\n").replace("\n4\n", "\n");
        let unread = check(&format!("{short}{}", narrative("25", "50")));
        assert_eq!(unread.summary.error, 0, "{:#?}", unread.findings);
    }
}

/// A completion rate printed where the share is meant, and the reverse: one error naming the
/// mix-up (the rate is right as the other rate of the same figures).
#[test]
fn a_completion_rate_printed_as_a_share_and_the_reverse() {
    let errors = |text: &str| -> Vec<(String, String)> {
        let doc = yusuan::Parser::new().parse_narrative(text).unwrap();
        yusuan::Checker::new()
            .check(&doc)
            .findings
            .into_iter()
            .filter(yusuan::report::Finding::is_error)
            .map(|f| (f.rule, f.message))
            .collect()
    };
    // 接待费 8 of a 三公 total 40 (20%), budget 10 (80% completed)
    let head = "一、“三公”经费支出决算情况说明\n2021年度“三公”经费支出决算为40.00万元，其中：因公出国（境）费支出决算0万元，公务用车购置及运行费支出决算32.00万元，";
    let share_as_completion =
        format!("{head}公务接待费预算为10.00万元，支出决算为8.00万元，完成预算的20.00%。\n");
    let found = errors(&share_as_completion);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "V-12");
    assert!(found[0].1.contains("占比被写作了完成率"), "{}", found[0].1);
    let completion_as_share =
        format!("{head}公务接待费预算为10.00万元，支出决算为8.00万元，占80.00%。\n");
    let found = errors(&completion_as_share);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "N-05");
    assert!(found[0].1.contains("完成率被写作了占比"), "{}", found[0].1);
    // right as what it says: no error
    let right = format!(
        "{head}公务接待费预算为10.00万元，支出决算为8.00万元，完成预算的80.00%，占20.00%。\n"
    );
    assert!(errors(&right).is_empty(), "{:?}", errors(&right));
    // wrong as both: the plain error
    let wrong =
        format!("{head}公务接待费预算为10.00万元，支出决算为8.00万元，完成预算的55.00%。\n");
    let found = errors(&wrong);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(!found[0].1.contains("写作了"), "{}", found[0].1);
}

/// A 财政拨款支出主要内容 item named with a legitimate variant of the table's names (an old name
/// of the 款 the catalog records, 其它 for 其他, a bracketed part in the 款 name) is the table's
/// item: its amount is checked and it counts as itemised.
#[test]
fn itemised_functional_names_with_variants() {
    let anchor = "3. 收支预算增加的主要原因，项目预算增加导致。";
    assert!(SEED.contains(anchor));
    let items = "（四）一般公共预算财政拨款支出主要内容：\n\n\
        1. “一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）”2,202.31万元，主要用于机关运转。\n\n\
        2. “社会保障和就业支出（类）行政事业单位离退休（款）其它行政事业单位养老支出（项）”1.94万元，主要用于离退休人员。";
    let text = SEED.replacen(anchor, &format!("{anchor}\n\n{items}"), 1);
    let r = yusuan::Checker::new()
        .include_passes(true)
        .check(&yusuan::parse(&text).unwrap());
    let n04: Vec<&Finding> = narrative_findings(&r, "N-04");
    for code in ["2010301", "2080599"] {
        let about: Vec<&&Finding> = n04
            .iter()
            .filter(|f| f.evidence.iter().any(|e| e.row.as_deref() == Some(code)))
            .collect();
        assert!(
            about.iter().all(|f| f.outcome == Outcome::Pass),
            "{code}: {about:#?}"
        );
        assert!(about.len() >= 2, "{code}: {about:#?}");
    }
    assert!(
        n04.iter()
            .all(|f| !(f.severity == Severity::Warning && f.outcome == Outcome::Fail)),
        "{n04:#?}"
    );
}

/// A completion rate is judged against the budget its words name: 完成全年预算数的 against the
/// full-year (adjusted) budget, 完成年初预算的 against the original one, where both are stated.
#[test]
fn a_completion_rate_against_the_budget_it_names() {
    let v12 = |text: &str| -> Vec<Outcome> {
        let doc = yusuan::Parser::new().parse_narrative(text).unwrap();
        yusuan::Checker::new()
            .include_passes(true)
            .check(&doc)
            .findings
            .iter()
            .filter(|f| f.rule == "V-12")
            .map(|f| f.outcome)
            .collect()
    };
    let text = |rate: &str, of: &str| {
        format!(
            "四、“三公”经费支出决算情况说明\n2022年度“三公”经费年初预算为100.00万元，全年预算数为120.00万元，支出决算为96.00万元，完成{of}的{rate}%。\n"
        )
    };
    assert_eq!(v12(&text("80.00", "全年预算数")), [Outcome::Pass]);
    assert_eq!(v12(&text("96.00", "年初预算")), [Outcome::Pass]);
    assert_eq!(v12(&text("96.00", "全年预算数")), [Outcome::Fail]);
    assert_eq!(v12(&text("80.00", "年初预算")), [Outcome::Fail]);
}

/// A rate on a prior implied by the change (P = C − Δ) in a narrative of whole 万元: this year's
/// figure and the prior move together, so the rate's interval stays Δ ÷ P — a rate far outside
/// it is an error, however coarse the amounts.
#[test]
fn a_rate_on_an_implied_prior_in_whole_wan_yuan() {
    let text = "四、“三公”经费支出决算情况说明\n2020年“三公”经费支出决算41万元，其中：因公出国（境）费0万元，公务用车购置及运行费21万元，公务接待费20万元。与上年相比减少19万元，下降31.67%。\n2020年“三公”经费支出决算41万元，较年初预算数减少4万元，下降2.2%。\n";
    let doc = yusuan::Parser::new().parse_narrative(text).unwrap();
    let report = yusuan::Checker::new().include_passes(true).check(&doc);
    let v03: Vec<(Outcome, u32)> = report
        .findings
        .iter()
        .filter(|f| f.rule == "V-03")
        .map(|f| (f.outcome, f.evidence.first().map_or(0, |e| e.line)))
        .collect();
    assert!(v03.contains(&(Outcome::Fail, 3)), "{v03:?}");
    assert!(!v03.contains(&(Outcome::Fail, 2)), "{v03:?}");
}

/// A 财政拨款支出主要内容 item whose name is in no T05 row but whose amount is that of the one
/// 项 the list leaves out is that 项 misnamed: one warning naming both (not a "not found"
/// warning and a "not itemised" error).
#[test]
fn a_misnamed_item_with_the_amount_of_an_unlisted_row_is_one_finding() {
    let anchor = "3. 收支预算增加的主要原因，项目预算增加导致。";
    let items = |name: &str| {
        format!(
            "（四）一般公共预算财政拨款支出主要内容：\n\n\
             1. “一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）{name}（项）”2,202.31万元，主要用于机关运转。"
        )
    };
    let n04 = |name: &str| -> Vec<(Outcome, Severity, String)> {
        let text = SEED.replacen(anchor, &format!("{anchor}\n\n{}", items(name)), 1);
        let r = yusuan::Checker::new().check(&yusuan::parse(&text).unwrap());
        r.findings
            .iter()
            .filter(|f| f.rule == "N-04" && f.outcome == Outcome::Fail)
            .filter(|f| {
                f.evidence.iter().any(|e| {
                    e.row.as_deref() == Some("2010301") || e.line > 0 && e.table == "narrative"
                })
            })
            .map(|f| (f.outcome, f.severity, f.message.clone()))
            .collect()
    };
    let misnamed = n04("机关日常运转");
    let about: Vec<_> = misnamed
        .iter()
        .filter(|f| f.2.contains("机关日常运转") || f.2.contains("2010301"))
        .collect();
    assert_eq!(about.len(), 1, "{misnamed:#?}");
    assert_eq!(about[0].1, Severity::Warning);
    assert!(
        about[0].2.contains("名称不一致") && about[0].2.contains("2010301"),
        "{}",
        about[0].2
    );
    // the right name: no finding about it
    let named = n04("行政运行");
    assert!(
        named
            .iter()
            .all(|f| !f.2.contains("2010301") && !f.2.contains("行政运行")),
        "{named:#?}"
    );
}

/// A wrong amount breaks its sum and the share stated beside it: one finding about the amount
/// (the share holds at the value that closes the sum); a share wrong on its own stays apart.
#[test]
fn a_wrong_amount_and_the_rate_computed_from_it_are_one_finding() {
    let errors = |text: &str| {
        let doc = yusuan::Parser::new().parse_narrative(text).unwrap();
        let report = yusuan::check(&doc);
        let errors: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.severity == yusuan::report::Severity::Error)
            .cloned()
            .collect();
        assert_eq!(report.summary.error, errors.len());
        errors
    };
    let head = "一、收入支出预算总体情况\n2025年支出预算1000.00万元，其中：";
    let one = errors(&format!(
        "{head}基本支出600.00万元，占60%；项目支出500.00万元，占40%。\n"
    ));
    assert_eq!(one.len(), 1, "{one:#?}");
    let rules: Vec<&str> = one[0].related.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(rules, ["N-05", "N-09"]);
    assert_eq!(
        (one[0].actual.as_deref(), one[0].expected.as_deref()),
        (Some("500.00"), Some("400.00"))
    );
    assert!(
        one[0].message.contains("「项目支出」"),
        "{}",
        one[0].message
    );
    // 65% is wrong whatever the amounts: its own finding
    let two = errors(&format!(
        "{head}基本支出600.00万元，占65%；项目支出500.00万元，占40%。\n"
    ));
    assert_eq!(two.len(), 2, "{two:#?}");
    assert!(two.iter().any(|f| f.rule == "N-05" && f.related.is_empty()));
    // the amounts agree and only the rate is wrong: nothing to join
    let rate = errors(&format!(
        "{head}基本支出600.00万元，占60%；项目支出400.00万元，占45%。\n"
    ));
    assert_eq!(rate.len(), 1);
    assert!(rate[0].rule == "N-05" && rate[0].related.is_empty());
}

/// A narrative amount misprinted against its table breaks the table equality, the change and
/// the growth rate: one finding about that amount, listing the three.
#[test]
fn a_misprinted_amount_with_its_change_and_rate_is_one_finding() {
    let text = SEED.replace("3. 公务接待费110万元", "3. 公务接待费120万元");
    let report = yusuan::check(&yusuan::parse(&text).unwrap());
    assert_eq!(report.summary.error, 1, "{:#?}", report.findings);
    let f = report
        .findings
        .iter()
        .find(|f| f.severity == yusuan::report::Severity::Error)
        .unwrap();
    let mut rules: Vec<&str> = f.related.iter().map(|r| r.rule.as_str()).collect();
    rules.sort_unstable();
    assert_eq!(rules, ["N-02", "N-02", "V-01", "V-03"]);
    assert_eq!(f.expected.as_deref(), Some("110"));
}
