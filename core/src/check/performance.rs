//! Rules on the 绩效目标表 (X-14, X-15, P-…): each project's table matches its line in 项目支出预算情况表,
//! its funding lines add up, the cost ceiling covers the funds, and the targets are measurable and
//! point the right way.

use crate::amount::Amount;
use crate::claims::Subject;
use crate::indicator::Target;
use crate::model::{ColumnKey as K, FundLine, Indicator, PerformanceTable, TableKey};
use crate::report::{Evidence, Outcome, Severity};
use crate::template::Vocabulary;
use crate::text::{has, normalize_name};

use super::engine::{CellRef, Ctx, Emitter, Figure, Relation, Said, Val, Words};
use super::messages::msg;
use super::{RuleDef, RuleSeverity};

pub(super) fn rules() -> Vec<RuleDef> {
    vec![
        rule!(
            "X-14",
            Soft,
            ["T03"],
            "绩效目标覆盖的项目资金不超过项目支出",
            "the funds under performance targets do not exceed project expenditure",
            x_14,
        ),
        rule!(
            "X-15",
            Hard,
            ["T11"],
            "每个绩效目标表的项目名称和金额与项目支出预算情况表一致",
            "each 绩效目标表 matches its project in T11 (name and amount)",
            x_15,
        ),
        rule!(
            "P-01",
            Hard,
            [],
            "绩效目标表资金：总额 = 各项来源之和，“其中”不超过总额",
            "绩效目标表 funding: the total equals its sources, and no part exceeds it",
            p_01,
        ),
        rule!(
            "P-02",
            Conditional,
            [],
            "成本指标的上限不低于项目资金",
            "the cost ceiling is not below the project's funds",
            p_02,
        )
        .at_most(RuleSeverity::Warning),
        rule!(
            "P-03",
            Soft,
            [],
            "指标方向与含义一致（比率类不应“≤”，成本类不应“≥”）",
            "a target's direction fits its meaning (no ≤ on a rate to maximise, no ≥ on a cost)",
            p_03,
        )
        .at_most(RuleSeverity::Warning),
        rule!(
            "P-04",
            Soft,
            [],
            "指标值可衡量（非“名次”“明显提升”等）",
            "targets are measurable (not 名次, 明显提升 …)",
            p_04,
        ),
    ]
}

/// A figure of a 绩效目标表: a funding line or an indicator ceiling.
struct PerfFig<'a> {
    table: &'a PerformanceTable,
    label: String,
    amount: Amount,
    text: String,
    line: u32,
}

impl Figure for PerfFig<'_> {
    fn value(&self) -> Val {
        Val::of(&self.amount)
    }
    fn decimals(&self) -> Option<u32> {
        Some(self.amount.decimals())
    }
    fn unit(&self) -> crate::amount::Unit {
        self.amount.unit
    }
    fn evidence(&self) -> Evidence {
        Evidence {
            table: "performance".to_owned(),
            row: Some(self.table.project.clone()),
            column: Some(self.label.clone()),
            text: self.text.clone(),
            line: self.line,
            page: None,
            bbox: None,
        }
    }
    fn location(&self) -> (String, String) {
        (
            format!("绩效目标表「{}」{}", self.table.project, self.label),
            format!("绩效目标表 `{}` {}", self.table.project, self.label),
        )
    }
    fn at(&self) -> (Option<String>, Option<String>, Option<String>) {
        (
            Some("performance".to_owned()),
            Some(self.table.project.clone()),
            Some(self.label.clone()),
        )
    }
    fn text(&self) -> String {
        self.text.clone()
    }
}

fn fund(t: &PerformanceTable, line: FundLine) -> Option<PerfFig<'_>> {
    let f = t.funding.iter().find(|f| f.line == line)?;
    let value = f.cell.value.number()?;
    Some(PerfFig {
        table: t,
        label: f.label.trim().trim_end_matches([':', '：']).to_owned(),
        amount: Amount::new(value, t.unit.unwrap_or(crate::amount::Unit::Yuan)),
        text: String::from(&f.cell.text),
        line: f.cell.line,
    })
}

/// The project's funds: the total, else the year's request.
fn funds(t: &PerformanceTable) -> Option<PerfFig<'_>> {
    fund(t, FundLine::Total).or_else(|| fund(t, FundLine::AnnualTotal))
}

fn x_14(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    for claim in cx
        .claims
        .claims
        .iter()
        .filter(|c| c.subject == Subject::PerformanceProjects)
    {
        let Some(amount) = claim.amount.as_ref() else {
            continue;
        };
        // the claim is there: a table that is missing, or prints no project total, leaves it
        // unchecked, and the report says so
        let Some(t03) = cx.table(&TableKey::T03) else {
            em.missing_table(&TableKey::T03);
            continue;
        };
        let Some(project) = t03
            .total_row()
            .and_then(|r| CellRef::at(t03, r, K::Project))
        else {
            em.insufficient_why(Some("T03"), msg!(WHY_PERF_NO_PROJECT_TOTAL), Vec::new());
            continue;
        };
        let s = Said {
            q: amount,
            claim,
            what: "金额",
        };
        em.compare_figs(
            &[&s],
            &[&project],
            Relation::Le,
            &|| {
                Words::new(
                    "绩效目标覆盖的资金不超过项目支出",
                    "performance-target funds ≤ project expenditure",
                )
            },
            Severity::Info,
        );
    }
}

fn x_15(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    if cx.doc.performance.is_empty() {
        return;
    }
    let Some(t11) = cx.table(&TableKey::T11) else {
        // insufficient where the template has the table; not applicable where it has none
        em.missing_table(&TableKey::T11);
        return;
    };
    for p in &cx.doc.performance {
        let Some(row) = t11
            .rows
            .iter()
            .find(|r| !r.total && normalize_name(&r.label) == normalize_name(&p.project))
        else {
            em.push(
                Outcome::Fail,
                Severity::Warning,
                (
                    Some("performance".to_owned()),
                    Some(p.project.clone()),
                    None,
                ),
                msg!(PERF_PROJECT_NOT_IN_T11, project = &p.project),
                None,
                vec![Evidence {
                    table: "performance".to_owned(),
                    row: Some(p.project.clone()),
                    column: None,
                    text: p.project.clone(),
                    line: p.lines.start,
                    page: None,
                    bbox: None,
                }],
            );
            continue;
        };
        let (Some(f), Some(cell)) = (funds(p), CellRef::at(t11, row, K::Total)) else {
            continue;
        };
        em.compare_figs(
            &[&f],
            &[&cell],
            Relation::Eq,
            &|| {
                Words::new(
                    format!("绩效目标表“{}”的资金与项目支出预算情况表一致", p.project),
                    format!("`{}`: the 绩效目标表 funds equal T11", p.project),
                )
            },
            Severity::Error,
        );
    }
}

fn p_01(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    for p in &cx.doc.performance {
        // total = fiscal + other; annual total = annual fiscal + carry-forward + other
        for (total, parts) in [
            (FundLine::Total, vec![FundLine::Fiscal, FundLine::Other]),
            (
                FundLine::AnnualTotal,
                vec![
                    FundLine::AnnualFiscal,
                    FundLine::CarryForward,
                    FundLine::AnnualOther,
                ],
            ),
        ] {
            let Some(t) = fund(p, total) else { continue };
            let figs: Vec<PerfFig<'_>> = parts.iter().filter_map(|l| fund(p, *l)).collect();
            if figs.len() < 2 {
                continue;
            }
            let refs: Vec<&dyn Figure> = figs.iter().map(|f| f as &dyn Figure).collect();
            em.compare_figs(
                &[&t],
                &refs,
                Relation::Eq,
                &|| {
                    Words::new(
                        format!("{} = 各项资金之和", t.label),
                        format!("{} = its sources", t.label),
                    )
                },
                Severity::Error,
            );
        }
    }
}

/// An indicator under 成本指标 (its level-1 or level-2 heading has a cost word).
fn cost_indicator(level1: &str, level2: &str, vocab: &Vocabulary) -> bool {
    vocab
        .cost_headings
        .iter()
        .any(|w| level1.contains(w.as_str()) || level2.contains(w.as_str()))
}

fn p_02(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    let vocab = Vocabulary::builtin();
    for (pi, p) in cx.doc.performance.iter().enumerate() {
        let Some(f) = funds(p) else { continue };
        let mut ceilings: Vec<PerfFig<'_>> = Vec::new();
        for (ii, ind) in p.indicators.iter().enumerate() {
            if !cost_indicator(&ind.level1, &ind.level2, vocab) {
                continue;
            }
            if let Some(Target::Quantity {
                comparator: Some(c),
                value,
                unit: Some(u),
                ..
            }) = cx.target(pi, ii)
            {
                let unit = crate::amount::Unit::from_label(u).filter(|_| u.ends_with('元'));
                if let (true, Some(unit)) = (c.is_upper(), unit) {
                    ceilings.push(PerfFig {
                        table: p,
                        label: String::from(&ind.name),
                        amount: Amount::new(*value, unit),
                        text: String::from(&ind.value),
                        line: ind.line,
                    });
                }
            }
        }
        if ceilings.is_empty() {
            continue;
        }
        let refs: Vec<&dyn Figure> = ceilings.iter().map(|c| c as &dyn Figure).collect();
        // the funds do not exceed the ceilings
        em.compare_figs(
            &[&f],
            &refs,
            Relation::Le,
            &|| {
                Words::new(
                    "项目资金不超过成本指标上限",
                    "the project's funds stay within its cost ceiling",
                )
            },
            Severity::Warning,
        );
    }
}

fn p_03(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    let vocab = Vocabulary::builtin();
    for (pi, p) in cx.doc.performance.iter().enumerate() {
        for (ii, ind) in p.indicators.iter().enumerate() {
            let Some(Target::Quantity {
                comparator: Some(c),
                ..
            }) = cx.target(pi, ii)
            else {
                continue;
            };
            let c = *c;
            let name = normalize_name(&ind.name);
            let maximize = vocab.maximize_words.iter().any(|w| has(&name, w));
            let cost = cost_indicator(&ind.level1, &ind.level2, vocab);
            if !maximize && !cost {
                continue;
            }
            let (at, ev) = (|| indicator_at(p, ind), || indicator_evidence(p, ind));
            if maximize && c.is_upper() {
                em.push(
                    Outcome::Fail,
                    Severity::Warning,
                    at(),
                    msg!(
                        PERF_DIRECTION_UPPER_ON_RATE,
                        project = &p.project,
                        indicator = &ind.name,
                        value = &ind.value
                    ),
                    None,
                    ev(),
                );
            } else if cost && c.is_lower() {
                em.push(
                    Outcome::Fail,
                    Severity::Warning,
                    at(),
                    msg!(
                        PERF_DIRECTION_LOWER_ON_COST,
                        project = &p.project,
                        indicator = &ind.name,
                        value = &ind.value
                    ),
                    None,
                    ev(),
                );
            } else {
                em.pass(|| (at(), msg!(PERF_DIRECTION_OK, indicator = &ind.name), ev()));
            }
        }
    }
}

/// Where a finding on one indicator of a 绩效目标表 points: the project and the indicator.
fn indicator_at(
    p: &PerformanceTable,
    ind: &Indicator,
) -> (Option<String>, Option<String>, Option<String>) {
    (
        Some("performance".to_owned()),
        Some(p.project.clone()),
        Some(String::from(&ind.name)),
    )
}

/// The printed target value of one indicator, as evidence.
fn indicator_evidence(p: &PerformanceTable, ind: &Indicator) -> Vec<Evidence> {
    vec![Evidence {
        table: "performance".to_owned(),
        row: Some(p.project.clone()),
        column: Some(String::from(&ind.name)),
        text: String::from(&ind.value),
        line: ind.line,
        page: None,
        bbox: None,
    }]
}

fn p_04(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    let vocab = Vocabulary::builtin();
    for (pi, p) in cx.doc.performance.iter().enumerate() {
        for (ii, ind) in p.indicators.iter().enumerate() {
            let (at, ev) = (|| indicator_at(p, ind), || indicator_evidence(p, ind));
            // Deadlines and yes/no targets ("正常运转") can be verified; a comparative word without a
            // baseline ("明显提升") or a rank without a number ("名次") cannot.
            let vague = match cx.target(pi, ii) {
                Some(Target::Qualitative { text }) => {
                    vocab.vague_words.iter().any(|w| text.contains(w.as_str()))
                }
                _ => false,
            };
            if !vague {
                em.pass(|| (at(), msg!(PERF_MEASURABLE, indicator = &ind.name), ev()));
                continue;
            }
            let m = msg!(
                PERF_VAGUE,
                project = &p.project,
                indicator = &ind.name,
                value = &ind.value
            );
            em.push(Outcome::Hint, Severity::Info, at(), m, None, ev());
        }
    }
}
