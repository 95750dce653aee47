//! Every rule of the catalogue on its own small hand-made cases (issue 12, item 5).
//!
//! The cases live in `core/tests/rules/*.txt`, one file per family. A case is a header and a
//! short input written by hand (only the tables the rule needs, or a narrative snippet; never a
//! whole document of the corpus):
//!
//! ```text
//! === W-01-1 fail: the totals differ            <- rule id, then a name
//! expect: error=1 at=T01:total                  <- the outcomes of that rule only
//! options: narrative                            <- optional
//! ---
//! 收支总体情况表
//! 单位：万元
//! …
//! ```
//!
//! Only the rule under test runs (every other id is in [`yusuan::Policy::skip_rules`]).
//! `expect:` lists the counts of the report's summary: `pass`, `error`, `warning`, `hint`,
//! `na` (not applicable), `insufficient`; a count not listed must be 0, `pass=+` means at least
//! one. `at=TABLE[:ROW[:COLUMN]]` or `at=line:N` (N counted from the first line after `---`)
//! names a place that some finding other than a pass (or one of its related checks) must name;
//! several `at=` may be given. `options:` takes `narrative` (read only the narrative),
//! `strict_zero_base`, `no_soft` (soft rules off), `whitelist=CODE`, `envelope=FACTOR`.
//!
//! `RULES_SHOW=1 cargo test -p yusuan --test rules` prints what every case yields;
//! `RULES_CASE=text` runs only the cases whose header contains `text`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::print_stderr
)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use rust_decimal::Decimal;
use yusuan::check::{RuleKind, RuleSeverity, rules};
use yusuan::{Finding, Outcome, Report, Severity};

/// One hand-made case.
struct Case {
    file: String,
    /// 1-based line of the `===` header in its file.
    line: usize,
    rule: String,
    name: String,
    expect: BTreeMap<String, Count>,
    at: Vec<String>,
    options: Vec<String>,
    body: String,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Count {
    Exactly(usize),
    AtLeastOne,
}

const OUTCOMES: [&str; 6] = ["pass", "error", "warning", "hint", "na", "insufficient"];

fn cases() -> Vec<Case> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rules");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        out.extend(parse_file(&file, &text));
    }
    out
}

fn parse_file(file: &str, text: &str) -> Vec<Case> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(head) = lines[i].strip_prefix("=== ") else {
            i += 1;
            continue;
        };
        let start = i + 1;
        let (rule, name) = head.split_once(' ').unwrap_or((head, ""));
        let mut case = Case {
            file: file.to_owned(),
            line: start,
            rule: rule.to_owned(),
            name: name.trim().to_owned(),
            expect: BTreeMap::new(),
            at: Vec::new(),
            options: Vec::new(),
            body: String::new(),
        };
        i += 1;
        while i < lines.len() && lines[i] != "---" {
            let l = lines[i];
            if let Some(e) = l.strip_prefix("expect:") {
                for w in e.split_whitespace() {
                    let (key, value) = w
                        .split_once('=')
                        .unwrap_or_else(|| panic!("{file}:{}: `{w}` is not key=value", i + 1));
                    if key == "at" {
                        case.at.push(value.to_owned());
                        continue;
                    }
                    assert!(
                        OUTCOMES.contains(&key),
                        "{file}:{}: unknown outcome `{key}`",
                        i + 1
                    );
                    let count = if value == "+" {
                        Count::AtLeastOne
                    } else {
                        Count::Exactly(value.parse().unwrap())
                    };
                    case.expect.insert(key.to_owned(), count);
                }
            } else if let Some(o) = l.strip_prefix("options:") {
                case.options.extend(o.split_whitespace().map(str::to_owned));
            } else if !l.trim().is_empty() && !l.starts_with('#') {
                panic!("{file}:{}: unexpected header line `{l}`", i + 1);
            }
            i += 1;
        }
        assert!(i < lines.len(), "{file}:{start}: no `---` line");
        i += 1;
        let mut body = Vec::new();
        while i < lines.len() && !lines[i].starts_with("=== ") {
            body.push(lines[i]);
            i += 1;
        }
        while body.last().is_some_and(|l| l.trim().is_empty()) {
            body.pop();
        }
        case.body = body.join("\n") + "\n";
        out.push(case);
    }
    out
}

fn run(case: &Case) -> Report {
    let mut policy = yusuan::Policy {
        skip_rules: rules()
            .iter()
            .filter(|r| r.id != case.rule)
            .map(|r| r.id.to_owned())
            .collect(),
        ..yusuan::Policy::default()
    };
    let mut narrative = false;
    for o in &case.options {
        match o.split_once('=') {
            None if o == "narrative" => narrative = true,
            None if o == "strict_zero_base" => policy.strict_zero_base = true,
            None if o == "no_soft" => policy.soft_rules = false,
            Some(("whitelist", code)) => policy.code_whitelist.push(code.to_owned()),
            Some(("envelope", f)) => policy.envelope_factor = f.parse::<Decimal>().unwrap(),
            _ => panic!("{}:{}: unknown option `{o}`", case.file, case.line),
        }
    }
    let doc = if narrative {
        yusuan::Parser::new().parse_narrative(&case.body)
    } else {
        yusuan::parse(&case.body)
    }
    .unwrap_or_else(|e| panic!("{}:{}: not read: {e}", case.file, case.line));
    yusuan::Checker::new()
        .with_policy(policy)
        .include_passes(true)
        .check(&doc)
}

fn counts(r: &Report) -> BTreeMap<&'static str, usize> {
    let s = &r.summary;
    BTreeMap::from([
        ("pass", s.pass),
        ("error", s.error),
        ("warning", s.warning),
        ("hint", s.hint),
        ("na", s.not_applicable),
        ("insufficient", s.insufficient_data),
    ])
}

fn names(f: &Finding, place: &str) -> bool {
    if let Some(n) = place.strip_prefix("line:") {
        let n: u32 = n.parse().unwrap();
        return f.evidence.iter().any(|e| e.line == n);
    }
    let mut parts = place.split(':');
    let table = parts.next();
    let row = parts.next();
    let column = parts.next();
    table.is_none_or(|t| f.table.as_deref() == Some(t))
        && row.is_none_or(|r| f.row.as_deref() == Some(r))
        && column.is_none_or(|c| f.column.as_deref() == Some(c))
}

fn show(f: &Finding) -> String {
    let sev = match (f.outcome, f.severity) {
        (Outcome::Fail, Severity::Error) => "error",
        (Outcome::Fail, _) => "warning",
        (o, _) => o.as_str(),
    };
    let lines: BTreeSet<u32> = f.evidence.iter().map(|e| e.line).collect();
    format!(
        "{sev} at {}:{}:{} lines {lines:?}: {}",
        f.table.as_deref().unwrap_or("-"),
        f.row.as_deref().unwrap_or("-"),
        f.column.as_deref().unwrap_or("-"),
        f.message_en
    )
}

/// What is wrong with the case's outcome, if anything.
fn verdict(case: &Case, r: &Report) -> Option<String> {
    let got = counts(r);
    let mut wrong = Vec::new();
    for k in OUTCOMES {
        let n = got[k];
        let ok = match case.expect.get(k).copied().unwrap_or(Count::Exactly(0)) {
            Count::Exactly(e) => n == e,
            Count::AtLeastOne => n > 0,
        };
        if !ok {
            wrong.push(format!("{k}={n}"));
        }
    }
    let flat: Vec<&Finding> = r
        .findings
        .iter()
        .flat_map(|f| std::iter::once(f).chain(&f.related))
        .filter(|f| f.outcome != Outcome::Pass)
        .collect();
    for place in &case.at {
        if !flat.iter().any(|f| names(f, place)) {
            wrong.push(format!("nothing at {place}"));
        }
    }
    if wrong.is_empty() {
        return None;
    }
    let findings: Vec<String> = r
        .findings
        .iter()
        .map(|f| format!("    {}", show(f)))
        .collect();
    Some(format!(
        "{}:{}: {} {}: got {}\n{}",
        case.file,
        case.line,
        case.rule,
        case.name,
        wrong.join(" "),
        findings.join("\n")
    ))
}

#[test]
fn every_case_yields_its_outcomes() {
    let filter = std::env::var("RULES_CASE").ok();
    let showing = std::env::var_os("RULES_SHOW").is_some();
    let known: BTreeSet<&str> = rules().iter().map(|r| r.id).collect();
    let mut failures = Vec::new();
    let mut ran = 0;
    for case in cases() {
        assert!(
            known.contains(case.rule.as_str()),
            "{}:{}: no rule {}",
            case.file,
            case.line,
            case.rule
        );
        if filter
            .as_ref()
            .is_some_and(|f| !format!("{} {}", case.rule, case.name).contains(f.as_str()))
        {
            continue;
        }
        ran += 1;
        let r = run(&case);
        if showing {
            let got: Vec<String> = counts(&r)
                .iter()
                .filter(|(_, n)| **n > 0)
                .map(|(k, n)| format!("{k}={n}"))
                .collect();
            eprintln!(
                "{}:{} {} {}: {}",
                case.file,
                case.line,
                case.rule,
                case.name,
                got.join(" ")
            );
            for f in &r.findings {
                eprintln!("    {}", show(f));
            }
        }
        if let Some(v) = verdict(&case, &r) {
            failures.push(v);
        }
    }
    assert!(ran > 0, "no case ran");
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Outcomes a rule cannot produce, with the reason: the meta-test does not ask for a case.
/// (rule, outcome, why). Review this list when a rule changes: an entry that a rule can now
/// produce should become a case.
const EXEMPT: &[(&str, &str, &str)] = &[
    // checks that are no sum: nothing lies inside a rounding envelope
    (
        "W-07-3",
        "hint",
        "a zero total against nonzero items is yes or no",
    ),
    (
        "W-08-1",
        "hint",
        "a statement of an empty table is there or not",
    ),
    ("W-08-2", "hint", "a statement names its fund or not"),
    (
        "W-08-3",
        "hint",
        "a statement of an empty table is there or not",
    ),
    (
        "W-08-1",
        "insufficient",
        "a fund table missing from a document with tables is itself the warning; a narrative read alone is not applicable",
    ),
    // conditional rules whose condition chooses the relation or is not read from any cell
    (
        "X-07",
        "na",
        "the condition (all income fiscal) chooses = or ≤; the rule always applies",
    ),
    (
        "X-16",
        "na",
        "the condition (procurement funded from the year's expenditure) is not read from the tables",
    ),
    (
        "C-07",
        "na",
        "an economic table without 政府 codes records no instance",
    ),
    (
        "P-02",
        "na",
        "a 绩效目标表 without a cost ceiling in 元 records no instance",
    ),
    (
        "V-08",
        "na",
        "a flat statement or an item under a headline records no instance",
    ),
    // rules that report only what is wrong (no instance when all is well) or only hints
    ("V-04", "pass", "a rate on a non-zero base is V-03's"),
    (
        "V-05",
        "pass",
        "only a zero amount said to increase is an instance",
    ),
    (
        "V-14",
        "pass",
        "only a title printed with another year is an instance",
    ),
    // a missing table that leaves the narrative's figure unchecked without an instance
    (
        "N-03",
        "insufficient",
        "operating costs without a table that prints them are not applicable (not every template prints them)",
    ),
];

/// What the cases of a rule must show: a pass (but for a soft rule); a failure at the rule's
/// severity — a fail for a rule that reports errors or warnings, a hint for a hint-level rule;
/// not applicable for a conditional rule; a hint inside the rounding envelope for the numeric
/// identities of the tables (W-, X-); insufficient data when one of the tables it names is
/// missing.
fn required(
    id: &str,
    kind: RuleKind,
    severity: RuleSeverity,
    tables: &[yusuan::TableKey],
) -> Vec<&'static str> {
    let mut need = Vec::new();
    if kind != RuleKind::Soft {
        need.push("pass");
    }
    need.push(if severity == RuleSeverity::Hint {
        "hint"
    } else {
        "fail"
    });
    if kind == RuleKind::Conditional {
        need.push("na");
    }
    let identity = id.starts_with("W-") || id.starts_with("X-");
    if kind != RuleKind::Soft && severity != RuleSeverity::Hint && identity {
        need.push("hint");
    }
    if tables.iter().any(|t| t.starts_with('T')) {
        need.push("insufficient");
    }
    need
}

#[test]
fn every_rule_has_its_cases() {
    let all = cases();
    let mut missing = Vec::new();
    for rule in rules() {
        let shown: BTreeSet<&str> = all
            .iter()
            .filter(|c| c.rule == rule.id)
            .flat_map(|c| {
                c.expect
                    .iter()
                    .filter(|(_, n)| **n != Count::Exactly(0))
                    .map(|(k, _)| match k.as_str() {
                        "error" | "warning" => "fail",
                        "pass" => "pass",
                        "hint" => "hint",
                        "na" => "na",
                        _ => "insufficient",
                    })
            })
            .collect();
        for need in required(rule.id, rule.kind, rule.severity, rule.tables) {
            let exempt = EXEMPT.iter().any(|(r, o, _)| *r == rule.id && *o == need);
            if !shown.contains(need) && !exempt {
                missing.push(format!("{} {need}", rule.id));
            }
            if shown.contains(need) && exempt {
                missing.push(format!(
                    "{} {need}: has a case, drop its exemption",
                    rule.id
                ));
            }
        }
    }
    for (r, o, _) in EXEMPT {
        let rule = rules().into_iter().find(|x| x.id == *r);
        let Some(rule) = rule else {
            panic!("exemption for an unknown rule {r} {o}");
        };
        if !required(rule.id, rule.kind, rule.severity, rule.tables).contains(o) {
            missing.push(format!(
                "{r} {o}: not required of the rule, drop its exemption"
            ));
        }
    }
    assert!(
        missing.is_empty(),
        "{} outcome(s) without a case:\n{}",
        missing.len(),
        missing.join("\n")
    );
}
