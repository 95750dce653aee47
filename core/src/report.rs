//! The result of checking a document: every rule instance with its outcome, evidence and
//! messages in Chinese and English; the JSON contract `yusuan.report/1`; text and Markdown
//! renderings.

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::model::{DocKind, DocLevel, Document};

/// The JSON schema name of a [`Report`].
pub const SCHEMA: &str = "yusuan.report/1";

/// How a rule instance ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The figures agree exactly (or the inequality holds).
    Pass,
    /// They disagree beyond the rounding envelope, or a statement is contradicted.
    Fail,
    /// A gap inside the rounding envelope, or a soft rule's observation.
    Hint,
    /// The rule's condition does not hold for this document.
    NotApplicable,
    /// The figures could not be read or compared: nothing was checked.
    InsufficientData,
}

impl Outcome {
    /// The `snake_case` name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Pass => "pass",
            Outcome::Fail => "fail",
            Outcome::Hint => "hint",
            Outcome::NotApplicable => "not_applicable",
            Outcome::InsufficientData => "insufficient_data",
        }
    }
}

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// A definite inconsistency.
    Error,
    /// Probably wrong; needs a person to look.
    Warning,
    /// Information (hints, passes, not checked).
    Info,
}

/// A cell or passage a finding rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// Table key (`T05`), or `narrative`/`performance` for text.
    pub table: String,
    /// Row key: code, line item, `total`, or label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<String>,
    /// Column name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// The text as printed.
    pub text: String,
    /// 1-based source line.
    pub line: u32,
    /// 1-based page, where the input has pages (PDF, or text with form feeds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Where the cell is on its page, for sources that know (PDF).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bbox: Option<crate::source::BBox>,
}

/// One rule instance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// Rule id (see [`crate::check::rules`]).
    pub rule: String,
    /// How the instance ended.
    pub outcome: Outcome,
    /// Error or warning for failures; info otherwise.
    pub severity: Severity,
    /// The id of the message's template (`sum.fail`; [`crate::check::messages()`] lists them).
    /// Every finding the checker reports has one; it is empty only in a report written by hand.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub message_id: String,
    /// Message in Chinese.
    pub message: String,
    /// Message in English.
    pub message_en: String,
    /// The table the instance is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<String>,
    /// The row the instance is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<String>,
    /// The column the instance is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// The value the rule expects (decimal string, in `unit`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    /// The value printed (decimal string, in `unit`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<String>,
    /// `actual − expected`; for a percentage (`unit` `%`) in percentage points, between
    /// magnitudes where a direction word carries the sign (下降 7.83% against −7.26%: 0.57).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub difference: Option<String>,
    /// The unit of `expected`, `actual` and `difference`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// What the finding rests on.
    pub evidence: Vec<Evidence>,
    /// The failed checks this finding stands for, when one printed figure explains them all (a
    /// cell off by the same amount in every equality it takes part in): the finding is about
    /// that figure, and each check it breaks is listed here as its own instance. Empty otherwise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Finding>,
}

impl Finding {
    /// True for a failure with severity error.
    #[must_use]
    pub fn is_error(&self) -> bool {
        self.outcome == Outcome::Fail && self.severity == Severity::Error
    }
}

/// Gives every piece of evidence its page (where the document has pages) and, for cells read
/// from a source that knows positions, its box: found by table, line and column name.
fn locate(findings: &mut [Finding], doc: &Document) {
    let paged = !doc.page_starts.is_empty();
    let lined = !doc.line_boxes.is_empty();
    for ev in findings.iter_mut().flat_map(|f| f.evidence.iter_mut()) {
        if paged && ev.page.is_none() && ev.line > 0 {
            ev.page = Some(doc.page_of(ev.line));
        }
        let table = doc.tables.iter().find(|t| t.key == ev.table);
        if ev.bbox.is_none() {
            if let (Some(t), Some(col)) = (table, &ev.column) {
                ev.bbox = cell_box(t, ev.line, col);
            }
        }
        // a statement of the narrative: the box of its line
        if lined && ev.bbox.is_none() && table.is_none() {
            let i = doc.line_boxes.partition_point(|&(no, _)| no < ev.line);
            ev.bbox = doc
                .line_boxes
                .get(i)
                .filter(|&&(no, _)| no == ev.line)
                .map(|&(_, b)| b);
        }
    }
}

/// The box of the cell of `table` on source line `line` in the column named `column`, for
/// sources that know positions: looked up among the rows of that line only (rows are in
/// printed order), so a report on a text document does not walk its cells.
fn cell_box(table: &crate::model::Table, line: u32, column: &str) -> Option<crate::source::BBox> {
    let start = table.rows.partition_point(|r| r.line < line);
    table
        .rows
        .get(start..)?
        .iter()
        .take_while(|r| r.line == line)
        .flat_map(|r| &r.cells)
        .filter(|c| c.line == line)
        .find(|c| {
            c.bbox.is_some()
                && table
                    .columns
                    .get(usize::from(c.column))
                    .is_some_and(|col| col.name() == column)
        })
        .and_then(|c| c.bbox)
}

/// The document a report is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportDocument {
    /// The publishing body.
    pub unit: Option<String>,
    /// The budget year.
    pub year: Option<u16>,
    /// `budget` or `final_accounts`.
    pub kind: Option<DocKind>,
    /// `department` or `unit`.
    pub level: Option<DocLevel>,
    /// The template it was read with.
    #[serde(alias = "layout")]
    pub template: String,
    /// The unit most tables are in.
    pub amount_unit: Option<String>,
}

impl ReportDocument {
    /// What a report says about `doc`.
    #[must_use]
    pub fn of(doc: &Document) -> ReportDocument {
        ReportDocument {
            unit: doc.meta.unit.clone(),
            year: doc.meta.year,
            kind: doc.meta.kind,
            level: doc.meta.level,
            template: doc.meta.template.clone(),
            amount_unit: doc.meta.amount_unit.map(|u| u.as_str().to_owned()),
        }
    }
}

/// What was checked.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Coverage {
    /// Tables found, in template order.
    pub tables_found: Vec<String>,
    /// Tables the template requires that were not found.
    pub tables_missing: Vec<String>,
    /// Number of rule instances evaluated: the summary's counts plus, for each finding that
    /// stands for several failed checks, the checks beyond the first.
    pub rule_instances: usize,
    /// Number of narrative sentences that print a number (an amount, a percentage, a count).
    #[serde(default)]
    pub numeric_sentences: usize,
    /// The source lines of the narrative sentences that print a number from which the claim
    /// reader took no figure: the part of the narrative no rule could check.
    #[serde(default)]
    pub numeric_sentences_without_claims: Vec<u32>,
}

/// The coverage line's note on narrative sentences with numbers that yielded no claim
/// (`; narrative sentences with numbers 12, no claim read from 2: lines 14 20`).
fn unread_sentences(c: &Coverage) -> String {
    if c.numeric_sentences == 0 {
        return String::new();
    }
    let lines: Vec<String> = c
        .numeric_sentences_without_claims
        .iter()
        .map(u32::to_string)
        .collect();
    let mut s = format!(
        "; narrative sentences with numbers {}, no claim read from {}",
        c.numeric_sentences,
        lines.len()
    );
    if !lines.is_empty() {
        s.push_str(": lines ");
        s.push_str(&lines.iter().take(20).cloned().collect::<Vec<_>>().join(" "));
        if lines.len() > 20 {
            s.push_str(" …");
        }
    }
    s
}

/// Counts of instances by outcome (failures split into errors and warnings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Summary {
    /// Failures with severity error, one per cause: a finding standing for several failed
    /// checks ([`Finding::related`]) counts once (the checks still count in
    /// [`Coverage::rule_instances`]).
    pub error: usize,
    /// Failures with severity warning.
    pub warning: usize,
    /// Hints.
    pub hint: usize,
    /// Passes.
    pub pass: usize,
    /// Not applicable.
    pub not_applicable: usize,
    /// Insufficient data.
    pub insufficient_data: usize,
}

impl Summary {
    pub(crate) fn add(&mut self, outcome: Outcome, severity: Severity) {
        match (outcome, severity) {
            (Outcome::Fail, Severity::Error) => self.error += 1,
            (Outcome::Fail, _) => self.warning += 1,
            (Outcome::Hint, _) => self.hint += 1,
            (Outcome::Pass, _) => self.pass += 1,
            (Outcome::NotApplicable, _) => self.not_applicable += 1,
            (Outcome::InsufficientData, _) => self.insufficient_data += 1,
        }
    }
}

/// The result of checking one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The document checked.
    pub document: ReportDocument,
    /// What was checked.
    pub coverage: Coverage,
    /// What the sources and the reader noticed (an encoding detected, a duplicate section
    /// ignored, a code normalised, a row merged).
    #[serde(default)]
    pub notices: Vec<crate::model::Notice>,
    /// Counts by outcome.
    pub summary: Summary,
    /// The instances: every one that did not pass, and the passes too when the checker was
    /// asked to keep them ([`crate::Checker::include_passes`]).
    pub findings: Vec<Finding>,
}

impl Report {
    /// A report of `findings`; `coverage.rule_instances` counts every instance evaluated
    /// (failures merged into one finding per cause count one each).
    pub(crate) fn new(
        doc: &Document,
        coverage: Coverage,
        summary: Summary,
        findings: Vec<Finding>,
    ) -> Report {
        let mut findings = findings;
        locate(&mut findings, doc);
        Report {
            schema: SCHEMA.to_owned(),
            document: ReportDocument::of(doc),
            coverage,
            notices: doc.notices.clone(),
            summary,
            findings,
        }
    }

    /// True when any finding is an error.
    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.summary.error > 0
    }

    /// The findings that are not passes.
    pub fn issues(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.outcome != Outcome::Pass)
    }

    /// The JSON contract: deterministic (the same document gives byte-identical output).
    ///
    /// # Examples
    ///
    /// ```
    /// # let text = include_str!("../../tests/corpus/seed_2025_yantai_unit_budget.txt");
    /// let report = yusuan::check(&yusuan::parse(text).unwrap());
    /// let json = report.to_json();
    /// assert!(json.starts_with("{\n  \"schema\": \"yusuan.report/1\""));
    /// ```
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }

    /// A readable text report grouped by outcome and table.
    #[must_use]
    pub fn to_text(&self) -> String {
        render(self, Style::Text)
    }

    /// The report as Markdown.
    #[must_use]
    pub fn to_markdown(&self) -> String {
        render(self, Style::Markdown)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    Text,
    Markdown,
}

const GROUPS: [(Outcome, Option<Severity>, &str, &str); 6] = [
    (Outcome::Fail, Some(Severity::Error), "错误", "Errors"),
    (Outcome::Fail, Some(Severity::Warning), "警告", "Warnings"),
    (Outcome::Hint, None, "提示", "Hints"),
    (
        Outcome::InsufficientData,
        None,
        "无法核对",
        "Not checked (insufficient data)",
    ),
    (Outcome::NotApplicable, None, "不适用", "Not applicable"),
    (Outcome::Pass, None, "通过", "Passed"),
];

/// Where the evidence is: ` (line 12, 14)`, or with pages ` (page 3, line 120, 121; page 4,
/// line 130)`; empty without evidence.
fn evidence_places(evidence: &[Evidence]) -> String {
    let mut places: Vec<(Option<u32>, Vec<u32>)> = Vec::new();
    for e in evidence {
        match places.iter_mut().find(|(p, _)| *p == e.page) {
            Some((_, lines)) if lines.contains(&e.line) => {}
            Some((_, lines)) => lines.push(e.line),
            None => places.push((e.page, vec![e.line])),
        }
    }
    if places.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = places
        .iter()
        .map(|(page, lines)| {
            let lines: Vec<String> = lines.iter().map(u32::to_string).collect();
            match page {
                Some(p) => format!("page {p}, line {}", lines.join(", ")),
                None => format!("line {}", lines.join(", ")),
            }
        })
        .collect();
    format!(" ({})", parts.join("; "))
}

/// One line of the text report: the rules (with how many instances of each) that say what one
/// finding says, where it says it.
type ReportLine<'a> = (Vec<(&'a str, usize)>, &'a Finding, String);

/// `W-01-1, W-12-3 ×3`: rules with how many instances of each.
fn rule_list(rules: &[(&str, usize)]) -> String {
    let rules: Vec<String> = rules
        .iter()
        .map(|(r, n)| {
            if *n > 1 {
                format!("{r} ×{n}")
            } else {
                (*r).to_owned()
            }
        })
        .collect();
    rules.join(", ")
}

fn render(report: &Report, style: Style) -> String {
    let mut s = String::new();
    let d = &report.document;
    let md = style == Style::Markdown;
    let title = format!(
        "{} {} {}",
        d.unit.as_deref().unwrap_or("(unit ?)"),
        d.year.map_or_else(|| "?".to_owned(), |y| y.to_string()),
        match d.kind {
            Some(DocKind::FinalAccounts) => "决算",
            _ => "预算",
        }
    );
    if md {
        let _ = writeln!(s, "# yusuan report: {title}\n");
    } else {
        let _ = writeln!(s, "yusuan report: {title}");
    }
    let m = &report.summary;
    let _ = writeln!(
        s,
        "{}{} errors · {} warnings · {} hints · {} passed · {} not applicable · {} not checked ({} rule instances; template {}, tables found {}{}{})",
        if md { "**Summary:** " } else { "" },
        m.error,
        m.warning,
        m.hint,
        m.pass,
        m.not_applicable,
        m.insufficient_data,
        report.coverage.rule_instances,
        d.template,
        report.coverage.tables_found.len(),
        if report.coverage.tables_missing.is_empty() {
            String::new()
        } else {
            format!(", missing {}", report.coverage.tables_missing.join(" "))
        },
        unread_sentences(&report.coverage)
    );
    if !report.notices.is_empty() {
        let head = format!("注意 / Notices ({})", report.notices.len());
        let _ = writeln!(
            s,
            "\n{}{head}{}",
            if md { "## " } else { "" },
            if md { "\n" } else { "" }
        );
        for n in &report.notices {
            let mut place = format!("line {}", n.line);
            if let Some(page) = n.page {
                let _ = write!(place, ", page {page}");
            }
            if let Some(table) = &n.table {
                let _ = write!(place, ", {table}");
            }
            let _ = writeln!(s, "  - [{}] {} ({place})", n.code, n.message);
        }
    }
    for (outcome, severity, zh, en) in GROUPS {
        let group: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|f| f.outcome == outcome && severity.is_none_or(|sev| f.severity == sev))
            .collect();
        if group.is_empty() {
            continue;
        }
        if md {
            let _ = writeln!(s, "\n## {zh} / {en} ({})\n", group.len());
        } else {
            let _ = writeln!(s, "\n{zh} / {en} ({})", group.len());
        }
        let mut tables: Vec<&str> = Vec::new();
        for f in &group {
            let t = f.table.as_deref().unwrap_or("—");
            if !tables.contains(&t) {
                tables.push(t);
            }
        }
        for t in tables {
            if md {
                let _ = writeln!(s, "### {t}\n");
            } else {
                let _ = writeln!(s, "  {t}");
            }
            // instances that say the same thing in the same place are one line, naming every
            // rule (`W-01-1, W-12-3 ×3`): one cause, one line
            let mut lines_of: Vec<ReportLine<'_>> = Vec::new();
            for f in group
                .iter()
                .filter(|f| f.table.as_deref().unwrap_or("—") == t)
            {
                let places = evidence_places(&f.evidence);
                let same = |(_, g, p): &&mut ReportLine<'_>| {
                    g.message == f.message && g.message_en == f.message_en && *p == places
                };
                match lines_of.iter_mut().find(|l| same(l)) {
                    Some((rules, _, _)) => match rules.iter_mut().find(|(r, _)| *r == f.rule) {
                        Some((_, n)) => *n += 1,
                        None => rules.push((&f.rule, 1)),
                    },
                    None if !f.related.is_empty() => {
                        // a finding for one cause names the rules of the checks it stands for
                        let mut rules: Vec<(&str, usize)> = Vec::new();
                        for r in &f.related {
                            match rules.iter_mut().find(|(id, _)| *id == r.rule) {
                                Some((_, n)) => *n += 1,
                                None => rules.push((&r.rule, 1)),
                            }
                        }
                        lines_of.push((rules, f, places));
                    }
                    None => lines_of.push((vec![(&f.rule, 1)], f, places)),
                }
            }
            for (rules, f, places) in lines_of {
                let rules = rule_list(&rules);
                if md {
                    let _ = writeln!(s, "- `{rules}` {}{places}  \n  {}", f.message, f.message_en);
                } else {
                    let _ = writeln!(s, "    [{rules}] {}{places}", f.message);
                    let _ = writeln!(
                        s,
                        "    {:w$} {}",
                        "",
                        f.message_en,
                        w = rules.chars().count() + 2
                    );
                }
                // the checks one cause breaks, each under it
                for r in &f.related {
                    let places = evidence_places(&r.evidence);
                    if md {
                        let _ = writeln!(
                            s,
                            "  - `{}` {}{places}  \n    {}",
                            r.rule, r.message, r.message_en
                        );
                    } else {
                        let _ = writeln!(s, "        ↳ [{}] {}{places}", r.rule, r.message);
                    }
                }
            }
            if md {
                s.push('\n');
            }
        }
    }
    s
}
