//! One finding per cause: failed equalities that one printed figure explains are one finding.
//!
//! A wrong cell breaks every relation it takes part in: a 类 total off by 1.00 breaks 合计 =
//! 基本 + 项目, 类 = Σ 款, the table's total row and the cross-table equalities that print the same
//! class. Each such relation fails with a gap of ±1.00, and changing that one cell by the same
//! amount would make every one of them hold. Those failures are reported as **one** finding about
//! the cell ("… 6,782.69 breaks 5 checks; each holds, within rounding, if it were 6,781.69"),
//! listing every check it breaks in [`Finding::related`] and every cell they rest on in its
//! evidence. Failures no single figure explains stay separate findings.
//!
//! A gap no single figure explains may still be one: the same relation failing on one row in
//! several columns (a 款 whose 项 fall short in 合计, 基本支出 and 人员经费: a 项 row missing or
//! misprinted across the row) is one finding listing each column and its gap.
//!
//! The grouping is greedy and deterministic: the figure explaining the most failures goes first
//! (ties: the figure met first), and each failure belongs to at most one group.

use crate::HashMap;

use rust_decimal::Decimal;

use crate::amount::Unit;
use crate::figure::{Judgement, Printed, percent_fits, share_fits};
use crate::report::{Evidence, Finding, Outcome, Severity, Summary};

use super::engine::fmt_amount;
use super::messages::msg;

/// A failed equality `Σ lhs − Σ rhs = diff` of one finding, with what each figure is.
#[derive(Debug, Clone)]
pub(crate) struct Gap {
    /// Index of the finding in the emitter's list.
    pub(crate) finding: usize,
    /// Σ lhs − Σ rhs, in 元.
    pub(crate) diff: Decimal,
    /// The rounding envelope of the relation, in 元.
    pub(crate) envelope: Decimal,
    /// The relation is `Σ lhs ≤ Σ rhs` (otherwise an equality).
    pub(crate) at_most: bool,
    /// What the relation is (`款 = 下级各项之和`), in Chinese and English.
    pub(crate) what: (String, String),
    /// The figures, in the order of the finding's evidence.
    pub(crate) terms: Vec<Term>,
}

/// One figure of a [`Gap`].
#[derive(Debug, Clone)]
pub(crate) struct Term {
    /// +1 on the left side, −1 on the right.
    pub(crate) sign: i8,
    /// The printed value in 元 (0 for a blank).
    pub(crate) yuan: Decimal,
    /// The unit the figure is printed in, and its printed decimals.
    pub(crate) unit: Unit,
    pub(crate) decimals: u32,
    /// Where it is, in Chinese and English.
    pub(crate) location: (String, String),
}

/// How a stated rate relates to its two figures.
#[derive(Debug, Clone, Copy)]
pub(crate) enum RateForm {
    /// A growth rate (signed) of `[current, prior]`.
    Growth,
    /// A share (or completion rate) of `[part, whole]`.
    Share,
    /// A rate stated with its change, of `[current, change]`: the change over the prior
    /// `current ∓ change` (a magnitude; `decrease` says which way).
    DeltaShare { decrease: bool },
}

/// A stated rate and the two figures it is judged against (in 元, as the intervals the rule
/// read them as), in the order of the finding's evidence after the rate itself.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Rate {
    form: RateForm,
    stated: Printed,
    inputs: [Printed; 2],
}

impl Rate {
    pub(crate) fn new(form: RateForm, stated: Printed, inputs: [Printed; 2]) -> Rate {
        Rate {
            form,
            stated,
            inputs,
        }
    }

    /// Whether the stated rate holds (exactly or within rounding) when input `i` is `value`.
    fn holds_with(&self, i: usize, value: Decimal) -> bool {
        let mut inputs = self.inputs;
        let Some(input) = inputs.get_mut(i) else {
            return false;
        };
        input.value = value;
        let [a, b] = inputs;
        let fit = match self.form {
            RateForm::Growth => percent_fits(self.stated, b, a),
            RateForm::Share => share_fits(self.stated, a, b),
            RateForm::DeltaShare { decrease } => {
                let signed = if decrease { -b.value } else { b.value };
                let (Some(value), Some(half_ulp)) = (
                    a.value.checked_sub(signed),
                    a.half_ulp.checked_add(b.half_ulp),
                ) else {
                    return false;
                };
                share_fits(self.stated, b, Printed { value, half_ulp })
            }
        };
        matches!(
            fit.judgement(),
            Some(Judgement::Exact | Judgement::WithinRounding)
        )
    }
}

/// Failures a single figure may be the cause of, looked at per figure (more are never grouped:
/// a document with thousands of failures keeps them apart rather than costing quadratic time).
const MAX_GAPS_PER_FIGURE: usize = 64;

/// What identifies a figure across findings: its table, row, column, line and text. A number of
/// the narrative (or of a 绩效目标表) is one figure whatever part it plays in a check: its column
/// names that part (`金额`, `本年数`), so it is left out.
type Key = (String, Option<String>, Option<String>, u32, String);

fn key_of(ev: &Evidence) -> Key {
    let text_figure = matches!(ev.table.as_str(), "narrative" | "performance");
    (
        ev.table.clone(),
        ev.row.clone(),
        if text_figure { None } else { ev.column.clone() },
        ev.line,
        ev.text.clone(),
    )
}

/// A figure's part in one gap: the gap, the change of the figure that closes it (in 元), and the
/// term.
struct Part {
    gap: usize,
    delta: Decimal,
    term: usize,
    /// The figure's net coefficient in the relation (±1, or more when printed twice).
    coefficient: i32,
}

/// Merges the failures `gaps` describe into one finding per cause, adjusting `summary`.
///
/// A failed stated rate (`rates`: the finding and its relation) joins the finding of a figure it
/// rests on when the value that closes that figure's failed equalities makes the rate hold too:
/// one wrong amount in the narrative breaks its equality with the table and the growth rate or
/// share computed from it, and is one finding. A single failed equality with such a rate is a
/// group of its own.
pub(crate) fn merge(
    findings: &mut Vec<Finding>,
    gaps: &[Gap],
    rates: &[(usize, Rate)],
    summary: &mut Summary,
) {
    if gaps.is_empty() || gaps.len() + rates.len() < 2 {
        return;
    }
    // every figure's parts, in the order figures are first met
    let mut order: Vec<Key> = Vec::new();
    let mut parts: HashMap<Key, Vec<Part>> = HashMap::default();
    for (gi, gap) in gaps.iter().enumerate() {
        let Some(finding) = findings.get(gap.finding) else {
            continue;
        };
        if !(finding.outcome == Outcome::Fail && finding.severity == Severity::Error) {
            continue;
        }
        // the net coefficient of each figure in this relation (a figure printed on both sides
        // cancels out)
        let mut net: Vec<(Key, i32, usize)> = Vec::new();
        let mut at: HashMap<Key, usize> = HashMap::default();
        for (ti, (term, ev)) in gap.terms.iter().zip(&finding.evidence).enumerate() {
            let k = key_of(ev);
            if let Some(entry) = at.get(&k).and_then(|i| net.get_mut(*i)) {
                entry.1 += i32::from(term.sign);
            } else {
                at.insert(k.clone(), net.len());
                net.push((k, i32::from(term.sign), ti));
            }
        }
        for (k, coefficient, term) in net {
            if coefficient == 0 {
                continue;
            }
            let Some(delta) = gap.diff.checked_div(Decimal::from(coefficient)).map(|d| -d) else {
                continue;
            };
            let list = parts.entry(k.clone()).or_default();
            if list.is_empty() {
                order.push(k);
            }
            if list.len() < MAX_GAPS_PER_FIGURE {
                list.push(Part {
                    gap: gi,
                    delta,
                    term,
                    coefficient,
                });
            }
        }
    }
    // the figures by how many failures they could explain, most first
    let mut candidates: Vec<(usize, &Key)> = order
        .iter()
        .enumerate()
        .filter(|(_, k)| parts.get(*k).is_some_and(|p| p.len() >= 2))
        .collect();
    candidates.sort_by_key(|(i, k)| (std::cmp::Reverse(parts.get(*k).map_or(0, Vec::len)), *i));
    let mut taken = vec![false; gaps.len()];
    let mut groups: Vec<Group<'_>> = Vec::new();
    for (_, k) in candidates {
        let Some(list) = parts.get(k) else { continue };
        let free: Vec<&Part> = list
            .iter()
            .filter(|p| !taken.get(p.gap).copied().unwrap_or(true))
            .collect();
        if free.len() < 2 {
            continue;
        }
        // the change that closes the most of them, within their rounding (an equality sets it;
        // an inequality only bounds it)
        let mut best: Option<(usize, &Part)> = None;
        for p in free
            .iter()
            .filter(|p| gaps.get(p.gap).is_some_and(|g| !g.at_most))
        {
            let n = free.iter().filter(|q| agrees(gaps, p, q)).count();
            if best.is_none_or(|(bn, _)| n > bn) {
                best = Some((n, p));
            }
        }
        let Some((n, anchor)) = best else { continue };
        if n < 2 {
            continue;
        }
        let members: Vec<&Part> = free
            .iter()
            .copied()
            .filter(|q| agrees(gaps, anchor, q))
            .collect();
        for m in &members {
            if let Some(t) = taken.get_mut(m.gap) {
                *t = true;
            }
        }
        groups.push(Group {
            gap: anchor.gap,
            term: anchor.term,
            delta: anchor.delta,
            gaps: members.iter().map(|m| m.gap).collect(),
            figure: k,
            rates: Vec::new(),
        });
    }
    join_rates(findings, rates, &parts, &mut taken, &mut groups);
    let swaps = swapped_pairs(findings, gaps, &mut taken);
    let rows = same_gap_in_columns(findings, gaps, &mut taken);
    if groups.is_empty() && rows.is_empty() && swaps.is_empty() {
        return;
    }
    let mut remove = vec![false; findings.len()];
    let mut merged: Vec<(usize, Finding)> = Vec::new();
    for members in rows {
        let indices: Vec<usize> = members
            .iter()
            .filter_map(|g| gaps.get(*g))
            .map(|g| g.finding)
            .collect();
        let (Some(&first), Some(gap)) =
            (indices.first(), members.first().and_then(|g| gaps.get(*g)))
        else {
            continue;
        };
        let related: Vec<Finding> = indices
            .iter()
            .filter_map(|i| findings.get(*i).cloned())
            .collect();
        for &i in &indices {
            if let Some(r) = remove.get_mut(i) {
                *r = true;
            }
        }
        if let Some(m) = one_gap_finding(gap, related) {
            merged.push((first, m));
        }
    }
    for [a, b] in swaps {
        let (Some(ga), Some(gb)) = (gaps.get(a), gaps.get(b)) else {
            continue;
        };
        let related: Vec<Finding> = [ga.finding, gb.finding]
            .iter()
            .filter_map(|i| findings.get(*i).cloned())
            .collect();
        for i in [ga.finding, gb.finding] {
            if let Some(r) = remove.get_mut(i) {
                *r = true;
            }
        }
        if let Some(m) = swap_finding(ga, gb, related) {
            merged.push((ga.finding.min(gb.finding), m));
        }
    }
    for group in groups {
        let Group {
            gap: anchor_gap,
            term: anchor_term,
            delta,
            gaps: members,
            rates: rate_findings,
            ..
        } = group;
        let (Some(gap), Some(first)) = (
            gaps.get(anchor_gap),
            members
                .iter()
                .filter_map(|g| gaps.get(*g))
                .map(|g| g.finding)
                .chain(rate_findings.iter().copied())
                .min(),
        ) else {
            continue;
        };
        let (Some(term), Some(ev)) = (
            gap.terms.get(anchor_term),
            findings
                .get(gap.finding)
                .and_then(|f| f.evidence.get(anchor_term))
                .cloned(),
        ) else {
            continue;
        };
        let mut related: Vec<Finding> = Vec::new();
        let mut indices: Vec<usize> = members
            .iter()
            .filter_map(|g| gaps.get(*g))
            .map(|g| g.finding)
            .chain(rate_findings)
            .collect();
        indices.sort_unstable();
        indices.dedup();
        for &i in &indices {
            if let Some(f) = findings.get(i) {
                related.push(f.clone());
            }
            if let Some(r) = remove.get_mut(i) {
                *r = true;
            }
        }
        let Some(head) = findings.get(first) else {
            continue;
        };
        merged.push((first, cause_finding(head, term, &ev, delta, related)));
    }
    merged.sort_by_key(|(at, _)| *at);
    let mut out: Vec<Finding> = Vec::with_capacity(findings.len());
    let mut merged = merged.into_iter().peekable();
    for (i, f) in findings.drain(..).enumerate() {
        while let Some((_, m)) = merged.next_if(|(at, _)| *at == i) {
            summary.error = summary
                .error
                .saturating_sub(m.related.len().saturating_sub(1));
            out.push(m);
        }
        if !remove.get(i).copied().unwrap_or(false) {
            out.push(f);
        }
    }
    out.extend(merged.map(|(_, m)| m));
    *findings = out;
}

/// Failures one figure explains: the anchor's gap and term (the cause), the change of the figure
/// that closes them, the gaps, the figure, and the failed rates that hold after the change.
struct Group<'k> {
    gap: usize,
    term: usize,
    delta: Decimal,
    gaps: Vec<usize>,
    figure: &'k Key,
    rates: Vec<usize>,
}

/// Joins each failed rate to the group of a figure it rests on when the figure's corrected value
/// makes the rate hold; a figure with one failed equality and such a rate becomes a group.
fn join_rates<'k>(
    findings: &[Finding],
    rates: &[(usize, Rate)],
    parts: &'k HashMap<Key, Vec<Part>>,
    taken: &mut [bool],
    groups: &mut Vec<Group<'k>>,
) {
    for (fi, rate) in rates {
        let Some(f) = findings
            .get(*fi)
            .filter(|f| f.outcome == Outcome::Fail && f.severity == Severity::Error)
        else {
            continue;
        };
        for (j, input) in rate.inputs.iter().enumerate() {
            let Some((k, list)) = f
                .evidence
                .get(j + 1)
                .and_then(|ev| parts.get_key_value(&key_of(ev)))
            else {
                continue;
            };
            let corrected = |delta: Decimal| {
                input
                    .value
                    .checked_add(delta)
                    .is_some_and(|v| rate.holds_with(j, v))
            };
            if let Some(g) = groups.iter_mut().find(|g| g.figure == k) {
                if corrected(g.delta) {
                    g.rates.push(*fi);
                    break;
                }
                continue;
            }
            // an equality's change closes it; an inequality's is the least change that does
            let single = list
                .iter()
                .find(|p| !taken.get(p.gap).copied().unwrap_or(true) && corrected(p.delta));
            if let Some(p) = single {
                if let Some(t) = taken.get_mut(p.gap) {
                    *t = true;
                }
                groups.push(Group {
                    gap: p.gap,
                    term: p.term,
                    delta: p.delta,
                    gaps: vec![p.gap],
                    figure: k,
                    rates: vec![*fi],
                });
                break;
            }
        }
    }
}

/// The two figures of a failed equality of two figures (`x = y`): (left, right).
fn pair(gap: &Gap) -> Option<(&Term, &Term)> {
    match gap.terms.as_slice() {
        [a, b] if !gap.at_most && a.sign == 1 && b.sign == -1 => Some((a, b)),
        _ => None,
    }
}

/// Pairs of failures not yet grouped that are one swap: two equalities of the same rule, `x₁ =
/// y₁` and `x₂ = y₂`, where one place prints the other's two figures exchanged (`x₁ = y₂`, `x₂ =
/// y₁`: 购置费 50 and 运行费 25 in the table, 25 and 50 in the narrative); marks them taken.
fn swapped_pairs(findings: &[Finding], gaps: &[Gap], taken: &mut [bool]) -> Vec<[usize; 2]> {
    let error = |g: &Gap| {
        findings
            .get(g.finding)
            .filter(|f| f.outcome == Outcome::Fail && f.severity == Severity::Error)
    };
    let candidates: Vec<usize> = gaps
        .iter()
        .enumerate()
        .filter(|(i, g)| !taken.get(*i).copied().unwrap_or(true) && pair(g).is_some())
        .filter(|(_, g)| error(g).is_some())
        .map(|(i, _)| i)
        .take(MAX_GAPS_PER_FIGURE)
        .collect();
    let mut out = Vec::new();
    for (n, &a) in candidates.iter().enumerate() {
        for &b in candidates.iter().skip(n + 1) {
            if taken.get(a).copied().unwrap_or(true) || taken.get(b).copied().unwrap_or(true) {
                continue;
            }
            let (Some(ga), Some(gb)) = (gaps.get(a), gaps.get(b)) else {
                continue;
            };
            let (Some((x1, y1)), Some((x2, y2)), Some(fa), Some(fb)) =
                (pair(ga), pair(gb), error(ga), error(gb))
            else {
                continue;
            };
            let same_units = x1.unit == y2.unit && x2.unit == y1.unit;
            if fa.rule == fb.rule
                && same_units
                && x1.yuan != y1.yuan
                && x1.yuan == y2.yuan
                && x2.yuan == y1.yuan
            {
                for i in [a, b] {
                    if let Some(t) = taken.get_mut(i) {
                        *t = true;
                    }
                }
                out.push([a, b]);
            }
        }
    }
    out
}

/// The finding for a swap of two figures (`related`: the two failures).
fn swap_finding(a: &Gap, b: &Gap, related: Vec<Finding>) -> Option<Finding> {
    let head = related.first()?;
    let ((x1, y1), (x2, _)) = (pair(a)?, pair(b)?);
    let show = |t: &Term| {
        let factor = t.unit.in_yuan();
        fmt_amount(t.yuan.checked_div(factor).unwrap_or(t.yuan), t.decimals)
    };
    let unit = x1.unit;
    let (a_shown, b_shown, c_shown) = (show(x1), show(x2), show(y1));
    let m = msg!(
        CAUSE_SWAP,
        first = (x1.location.0.as_str(), x1.location.1.as_str()),
        second = (x2.location.0.as_str(), x2.location.1.as_str()),
        a = &a_shown,
        b = &b_shown,
        c = &c_shown,
    );
    let mut evidence: Vec<Evidence> = Vec::new();
    union(&mut evidence, related.iter().flat_map(|f| &f.evidence));
    Some(Finding {
        rule: head.rule.clone(),
        outcome: Outcome::Fail,
        severity: Severity::Error,
        message_id: m.id.to_owned(),
        message: m.zh,
        message_en: m.en,
        table: head.table.clone(),
        row: head.row.clone(),
        column: head.column.clone(),
        expected: Some(show(y1)),
        actual: Some(show(x1)),
        difference: head.difference.clone(),
        unit: Some(unit.as_str().to_owned()),
        evidence,
        related,
    })
}

/// Groups the failures not yet grouped that are one relation failing on one row in two or more
/// columns; marks them taken.
fn same_gap_in_columns(findings: &[Finding], gaps: &[Gap], taken: &mut [bool]) -> Vec<Vec<usize>> {
    // (rule, table, row) of a failure
    type RowKey<'f> = (&'f str, Option<&'f str>, Option<&'f str>);
    let mut by_row: HashMap<RowKey<'_>, Vec<usize>> = HashMap::default();
    let mut order: Vec<RowKey<'_>> = Vec::new();
    for (gi, gap) in gaps.iter().enumerate() {
        if taken.get(gi).copied().unwrap_or(true) || gap.at_most {
            continue;
        }
        let Some(f) = findings
            .get(gap.finding)
            .filter(|f| f.outcome == Outcome::Fail && f.severity == Severity::Error)
        else {
            continue;
        };
        let key = (f.rule.as_str(), f.table.as_deref(), f.row.as_deref());
        let list = by_row.entry(key).or_default();
        if list.is_empty() {
            order.push(key);
        }
        if list.len() < MAX_GAPS_PER_FIGURE {
            list.push(gi);
        }
    }
    let mut groups = Vec::new();
    for key in order {
        let Some(list) = by_row.get(&key) else {
            continue;
        };
        for (n, &anchor) in list.iter().enumerate() {
            if taken.get(anchor).copied().unwrap_or(true) {
                continue;
            }
            let Some(a) = gaps.get(anchor) else { continue };
            let mut columns: Vec<Option<&str>> =
                vec![findings.get(a.finding).and_then(|f| f.column.as_deref())];
            let mut members = vec![anchor];
            for &other in list.iter().skip(n + 1) {
                let Some(b) = gaps.get(other) else { continue };
                let column = findings.get(b.finding).and_then(|f| f.column.as_deref());
                if column.is_some()
                    && !taken.get(other).copied().unwrap_or(true)
                    && !columns.contains(&column)
                {
                    columns.push(column);
                    members.push(other);
                }
            }
            if members.len() >= 2 {
                for &m in &members {
                    if let Some(t) = taken.get_mut(m) {
                        *t = true;
                    }
                }
                groups.push(members);
            }
        }
    }
    groups
}

/// The finding for one gap printed in several columns of a row (`related`: one per column).
fn one_gap_finding(gap: &Gap, related: Vec<Finding>) -> Option<Finding> {
    let head = related.first()?;
    let term = gap.terms.first()?;
    // the row's place: the first cell's, without its column
    let column = head.column.as_deref().unwrap_or_default();
    let (loc_zh, loc_en) = &term.location;
    let loc_zh = loc_zh.strip_suffix(column).unwrap_or(loc_zh).trim_end();
    let loc_en = loc_en
        .strip_suffix(column)
        .and_then(|l| l.strip_suffix(" column "))
        .unwrap_or(loc_en);
    let columns: Vec<&str> = related.iter().filter_map(|f| f.column.as_deref()).collect();
    let n = related.len();
    let unit = head.unit.clone().unwrap_or_default();
    let difference = head.difference.clone().unwrap_or_default();
    let (what_zh, what_en) = &gap.what;
    // the same difference in every column (a 项 row printing one amount), or each its own
    let same = related
        .iter()
        .all(|f| f.difference == head.difference && f.unit == head.unit);
    let each = |by: &str| -> Vec<String> {
        related
            .iter()
            .map(|f| {
                format!(
                    "{}{by}{}",
                    f.column.as_deref().unwrap_or_default(),
                    f.difference.as_deref().unwrap_or_default()
                )
            })
            .collect()
    };
    let n = n.to_string();
    let loc = (loc_zh, loc_en);
    let what = (what_zh.as_str(), what_en.as_str());
    let m = if same {
        let columns = (columns.join("、"), columns.join(", "));
        msg!(
            CAUSE_ROW_SAME,
            loc = loc,
            n = &n,
            columns = &columns,
            what = what,
            difference = &difference,
            unit = &unit,
        )
    } else {
        let each = (each(" ").join("、"), each(" by ").join(", "));
        msg!(
            CAUSE_ROW,
            loc = loc,
            n = &n,
            what = what,
            each = &each,
            unit = &unit
        )
    };
    let mut evidence: Vec<Evidence> = Vec::new();
    union(&mut evidence, related.iter().flat_map(|f| &f.evidence));
    Some(Finding {
        rule: head.rule.clone(),
        outcome: Outcome::Fail,
        severity: Severity::Error,
        message_id: m.id.to_owned(),
        message: m.zh,
        message_en: m.en,
        table: head.table.clone(),
        row: head.row.clone(),
        column: None,
        expected: head.expected.clone(),
        actual: head.actual.clone(),
        difference: head.difference.clone(),
        unit: head.unit.clone(),
        evidence,
        related,
    })
}

/// Appends each piece of `from` not yet in `to` (as one figure: [`key_of`]), in order.
fn union<'e>(to: &mut Vec<Evidence>, from: impl Iterator<Item = &'e Evidence>) {
    let mut seen: crate::HashSet<Key> = to.iter().map(key_of).collect();
    for ev in from {
        if seen.insert(key_of(ev)) {
            to.push(ev.clone());
        }
    }
}

/// Whether the change equality `p` asks for also closes `q`: an equality asking for the same
/// change within the rounding of both, or an inequality that the change satisfies within its
/// rounding.
fn agrees(gaps: &[Gap], p: &Part, q: &Part) -> bool {
    let env = |g: usize| gaps.get(g).map_or(Decimal::ZERO, |g| g.envelope);
    if let Some(g) = gaps.get(q.gap).filter(|g| g.at_most) {
        // Σ lhs − Σ rhs after the change: diff + coefficient × Δ, at most the envelope
        return Decimal::from(q.coefficient)
            .checked_mul(p.delta)
            .and_then(|c| g.diff.checked_add(c))
            .is_some_and(|after| after <= g.envelope);
    }
    let tolerance = env(p.gap).saturating_add(env(q.gap));
    p.delta
        .checked_sub(q.delta)
        .is_some_and(|d| d.abs() <= tolerance)
}

/// The finding about one figure that explains the failures `related`.
fn cause_finding(
    head: &Finding,
    term: &Term,
    evidence: &Evidence,
    delta: Decimal,
    related: Vec<Finding>,
) -> Finding {
    let factor = term.unit.in_yuan();
    let show = |y: Decimal| fmt_amount(y.checked_div(factor).unwrap_or(y), term.decimals);
    let would = term.yuan.saturating_add(delta);
    let (actual, expected, difference) = (show(term.yuan), show(would), show(-delta));
    let n = related.len();
    let unit = term.unit;
    let (loc_zh, loc_en) = &term.location;
    let n = n.to_string();
    let m = msg!(
        CAUSE_FIGURE,
        loc = (loc_zh.as_str(), loc_en.as_str()),
        actual = &actual,
        n = &n,
        expected = &expected,
        difference = &difference,
        unit = unit.as_str(),
    );
    let (table, row, column) = (
        Some(evidence.table.clone()),
        evidence.row.clone(),
        evidence.column.clone(),
    );
    let mut all: Vec<Evidence> = Vec::new();
    union(
        &mut all,
        std::iter::once(evidence).chain(related.iter().flat_map(|f| &f.evidence)),
    );
    Finding {
        rule: head.rule.clone(),
        outcome: Outcome::Fail,
        severity: Severity::Error,
        message_id: m.id.to_owned(),
        message: m.zh,
        message_en: m.en,
        table,
        row,
        column,
        expected: Some(expected),
        actual: Some(actual),
        difference: Some(difference),
        unit: Some(unit.as_str().to_owned()),
        evidence: all,
        related,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn ev(table: &str, row: &str, text: &str, line: u32) -> Evidence {
        Evidence {
            table: table.to_owned(),
            row: Some(row.to_owned()),
            column: Some("合计".to_owned()),
            text: text.to_owned(),
            line,
            page: None,
            bbox: None,
        }
    }

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    /// A failed equality `cells[0] = Σ cells[1..]` (values in 万元, printed to the cent).
    fn failure(rule: &str, severity: Severity, cells: &[(&str, &str, &str, u32)]) -> Finding {
        Finding {
            rule: rule.to_owned(),
            outcome: Outcome::Fail,
            severity,
            message_id: String::new(),
            message: format!("{rule} 不符"),
            message_en: format!("{rule} fails"),
            table: Some(cells[0].0.to_owned()),
            row: Some(cells[0].1.to_owned()),
            column: Some("合计".to_owned()),
            expected: None,
            actual: None,
            difference: None,
            unit: None,
            evidence: cells.iter().map(|(t, r, v, l)| ev(t, r, v, *l)).collect(),
            related: Vec::new(),
        }
    }

    fn gap(finding: usize, cells: &[(&str, &str, &str, u32)]) -> Gap {
        let wan = Unit::WanYuan.in_yuan();
        let yuan: Vec<Decimal> = cells.iter().map(|c| d(c.2) * wan).collect();
        let rhs: Decimal = yuan.iter().skip(1).sum();
        Gap {
            finding,
            diff: yuan[0] - rhs,
            envelope: Decimal::new(5, 3) * wan * Decimal::from(cells.len()),
            at_most: false,
            what: ("款 = 下级各项之和".to_owned(), "款 = Σ 项".to_owned()),
            terms: cells
                .iter()
                .zip(&yuan)
                .enumerate()
                .map(|(i, (c, y))| Term {
                    sign: if i == 0 { 1 } else { -1 },
                    yuan: *y,
                    unit: Unit::WanYuan,
                    decimals: 2,
                    location: (format!("「{}」合计", c.1), format!("row {}", c.1)),
                })
                .collect(),
        }
    }

    /// A failure: its rule, severity and cells (table, row, value, line).
    type Case<'a> = (&'a str, Severity, &'a [(&'a str, &'a str, &'a str, u32)]);

    fn run(cases: &[Case<'_>]) -> (Vec<Finding>, Summary) {
        let mut findings: Vec<Finding> = cases.iter().map(|(r, s, c)| failure(r, *s, c)).collect();
        let gaps: Vec<Gap> = cases
            .iter()
            .enumerate()
            .map(|(i, (_, _, c))| gap(i, c))
            .collect();
        let mut summary = Summary {
            error: cases.iter().filter(|c| c.1 == Severity::Error).count(),
            ..Summary::default()
        };
        merge(&mut findings, &gaps, &[], &mut summary);
        (findings, summary)
    }

    #[test]
    fn two_figures_exchanged_are_one_finding() {
        // the table prints 购置 50 and 运行 25, the narrative 25 and 50
        let (f, s) = run(&[
            (
                "V-10",
                Severity::Error,
                &[
                    ("narrative", "purchase", "25", 29),
                    ("narrative", "purchase", "50", 22),
                ],
            ),
            (
                "V-10",
                Severity::Error,
                &[
                    ("narrative", "operation", "50", 29),
                    ("narrative", "operation", "25", 23),
                ],
            ),
        ]);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(s.error, 1);
        assert_eq!(f[0].related.len(), 2);
        assert!(f[0].message.contains("互换"), "{}", f[0].message);
        // two gaps that are not an exchange stay two findings
        let (f, _) = run(&[
            (
                "V-10",
                Severity::Error,
                &[
                    ("narrative", "purchase", "25", 29),
                    ("narrative", "purchase", "50", 22),
                ],
            ),
            (
                "V-10",
                Severity::Error,
                &[
                    ("narrative", "operation", "60", 29),
                    ("narrative", "operation", "25", 23),
                ],
            ),
        ]);
        assert_eq!(f.len(), 2);
    }

    #[test]
    fn one_cell_off_in_every_check_it_is_in_is_one_finding() {
        // 类 201 prints 101.00; its 款 add up to 100.00, and the total row (200.00) adds 201
        // and 202 (100.00) as if 201 were 100.00: one cell, 1.00 too large, breaks both.
        let (f, s) = run(&[
            (
                "W-05-2",
                Severity::Error,
                &[("T05", "201", "101.00", 10), ("T05", "20101", "100.00", 11)],
            ),
            (
                "W-05-2",
                Severity::Error,
                &[
                    ("T05", "total", "200.00", 9),
                    ("T05", "201", "101.00", 10),
                    ("T05", "202", "100.00", 20),
                ],
            ),
        ]);
        assert_eq!(f.len(), 1);
        assert_eq!(s.error, 1);
        let one = &f[0];
        assert_eq!(one.row.as_deref(), Some("201"));
        assert_eq!(
            (one.actual.as_deref(), one.expected.as_deref()),
            (Some("101.00"), Some("100.00"))
        );
        assert_eq!(one.difference.as_deref(), Some("1.00"));
        assert_eq!(one.related.len(), 2);
        assert!(one.message.contains("2 项核对不符"), "{}", one.message);
        // the cause first, then every other figure the checks rest on, once
        let rows: Vec<&str> = one
            .evidence
            .iter()
            .filter_map(|e| e.row.as_deref())
            .collect();
        assert_eq!(rows, ["201", "20101", "total", "202"]);
    }

    #[test]
    fn changes_that_disagree_are_not_one_cause() {
        // 201 is in both failures, but one asks it to be 1.00 smaller and the other 5.00 larger
        let (f, s) = run(&[
            (
                "W-05-2",
                Severity::Error,
                &[("T05", "201", "101.00", 10), ("T05", "20101", "100.00", 11)],
            ),
            (
                "W-05-2",
                Severity::Error,
                &[
                    ("T05", "total", "206.00", 9),
                    ("T05", "201", "101.00", 10),
                    ("T05", "202", "100.00", 20),
                ],
            ),
        ]);
        assert_eq!(f.len(), 2);
        assert_eq!(s.error, 2);
        assert!(f.iter().all(|f| f.related.is_empty()));
    }

    #[test]
    fn failures_without_a_shared_figure_stay_apart() {
        let (f, _) = run(&[
            (
                "W-05-1",
                Severity::Error,
                &[("T05", "201", "101.00", 10), ("T05", "20101", "100.00", 11)],
            ),
            (
                "W-07-1",
                Severity::Error,
                &[("T07", "total", "5.00", 30), ("T07", "abroad", "4.00", 30)],
            ),
        ]);
        assert_eq!(f.len(), 2);
        assert!(f.iter().all(|f| f.related.is_empty()));
    }

    #[test]
    fn a_number_of_the_narrative_is_one_figure_whatever_part_it_plays() {
        let mut said = failure(
            "N-02",
            Severity::Error,
            &[
                ("narrative", "san_gong", "226.9万元", 354),
                ("T07", "total", "226.60", 250),
            ],
        );
        let mut change = failure(
            "V-01",
            Severity::Error,
            &[
                ("narrative", "san_gong", "226.9万元", 354),
                ("T07", "prior", "170.60", 250),
                ("narrative", "san_gong", "56万元", 354),
            ],
        );
        said.evidence[0].column = Some("金额".to_owned());
        change.evidence[0].column = Some("本年数".to_owned());
        change.evidence[2].column = Some("增减额".to_owned());
        let gaps = [
            gap(
                0,
                &[
                    ("narrative", "san_gong", "226.90", 354),
                    ("T07", "total", "226.60", 250),
                ],
            ),
            gap(
                1,
                &[
                    ("narrative", "san_gong", "226.90", 354),
                    ("T07", "prior", "170.60", 250),
                    ("narrative", "san_gong", "56.00", 354),
                ],
            ),
        ];
        let mut findings = vec![said, change];
        let mut summary = Summary {
            error: 2,
            ..Summary::default()
        };
        merge(&mut findings, &gaps, &[], &mut summary);
        assert_eq!(summary.error, 1);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].expected.as_deref(), Some("226.60"));
        assert_eq!(findings[0].related.len(), 2);
    }

    #[test]
    fn the_same_gap_in_several_columns_of_a_row_is_one_finding() {
        // 款 20805 is 73.84 above its 项 in two columns: a 项 row missing across the row
        let mut a = failure(
            "W-05-2",
            Severity::Error,
            &[
                ("T05", "20805", "577.88", 197),
                ("T05", "2080501", "504.04", 198),
            ],
        );
        let mut b = failure(
            "W-05-2",
            Severity::Error,
            &[
                ("T05", "20805", "575.94", 197),
                ("T05", "2080501", "502.10", 198),
            ],
        );
        // a third column of the same row with another gap is the same row's gap too
        let mut c = failure(
            "W-05-2",
            Severity::Error,
            &[
                ("T05", "20805", "9.00", 197),
                ("T05", "2080501", "1.00", 198),
            ],
        );
        for (f, col) in [(&mut a, "合计"), (&mut b, "人员经费"), (&mut c, "公用经费")] {
            f.column = Some(col.to_owned());
            for e in &mut f.evidence {
                e.column = Some(col.to_owned());
            }
            f.difference = Some("73.84".to_owned());
            f.unit = Some("万元".to_owned());
        }
        c.difference = Some("8.00".to_owned());
        let gaps = [
            gap(
                0,
                &[
                    ("T05", "20805", "577.88", 197),
                    ("T05", "2080501", "504.04", 198),
                ],
            ),
            gap(
                1,
                &[
                    ("T05", "20805", "575.94", 197),
                    ("T05", "2080501", "502.10", 198),
                ],
            ),
            gap(
                2,
                &[
                    ("T05", "20805", "9.00", 197),
                    ("T05", "2080501", "1.00", 198),
                ],
            ),
        ];
        let mut findings = vec![a, b, c];
        let mut summary = Summary {
            error: 3,
            ..Summary::default()
        };
        merge(&mut findings, &gaps, &[], &mut summary);
        assert_eq!(summary.error, 1);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].related.len(), 3);
        assert_eq!(findings[0].column, None);
        assert!(
            findings[0].message.contains("有 3 列不符合"),
            "{}",
            findings[0].message
        );
        // with one gap in every column, it says so
        let mut two = findings[0].related[..2].to_vec();
        let mut summary = Summary {
            error: 2,
            ..Summary::default()
        };
        merge(&mut two, &gaps[..2], &[], &mut summary);
        assert_eq!(two.len(), 1);
        let findings = two;
        assert!(
            findings[0].message.contains("有 2 列（合计、人员经费）"),
            "{}",
            findings[0].message
        );
        assert!(
            findings[0].message.contains("相差同为 73.84万元"),
            "{}",
            findings[0].message
        );
    }

    #[test]
    fn only_errors_are_merged() {
        let (f, s) = run(&[
            (
                "W-05-2",
                Severity::Error,
                &[("T05", "201", "101.00", 10), ("T05", "20101", "100.00", 11)],
            ),
            (
                "X-12",
                Severity::Warning,
                &[("T05", "201", "101.00", 10), ("T01", "201", "100.00", 40)],
            ),
        ]);
        assert_eq!(f.len(), 2);
        assert_eq!(s.error, 1);
    }

    #[test]
    fn the_figure_explaining_most_goes_first_and_each_failure_counts_once() {
        // 201 explains three failures; 20101 shares one of them and explains only two
        let (f, s) = run(&[
            (
                "W-05-2",
                Severity::Error,
                &[("T05", "201", "101.00", 10), ("T05", "20101", "100.00", 11)],
            ),
            (
                "W-05-2",
                Severity::Error,
                &[
                    ("T05", "total", "200.00", 9),
                    ("T05", "201", "101.00", 10),
                    ("T05", "202", "100.00", 20),
                ],
            ),
            (
                "X-05",
                Severity::Error,
                &[("T01", "201", "100.00", 40), ("T05", "201", "101.00", 10)],
            ),
            (
                "W-05-1",
                Severity::Error,
                &[
                    ("T05", "20101", "100.00", 11),
                    ("T05", "2010101", "99.00", 12),
                ],
            ),
        ]);
        assert_eq!(s.error, 2);
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].row.as_deref(), Some("201"));
        assert_eq!(f[0].related.len(), 3);
        assert_eq!(f[1].rule, "W-05-1");
        assert!(f[1].related.is_empty());
    }
}
