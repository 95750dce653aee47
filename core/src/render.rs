//! Human-readable renderings of a parsed [`Document`].

use std::fmt::Write as _;

use crate::amount::CellValue;
use crate::model::{Document, Table};

/// A plain-text overview of a parsed document: metadata, every table with its rows and amounts,
/// the 绩效目标表, sections and glossary.
///
/// # Examples
///
/// ```
/// # let text = include_str!("../../tests/corpus/seed_2025_yantai_unit_budget.txt");
/// let doc = yusuan::parse(text).unwrap();
/// let out = yusuan::render::document_text(&doc);
/// assert!(out.contains("T05 一般公共预算支出情况表"));
/// ```
#[must_use]
pub fn document_text(doc: &Document) -> String {
    let mut s = String::new();
    let m = &doc.meta;
    let _ = writeln!(
        s,
        "{} · {} · {} · {} · 单位 {} · template {}",
        m.unit.as_deref().unwrap_or("(unit name not found)"),
        m.year
            .map_or_else(|| "year ?".to_owned(), |y| y.to_string()),
        match m.kind {
            Some(crate::model::DocKind::Budget) => "预算",
            Some(crate::model::DocKind::FinalAccounts) => "决算",
            None => "kind ?",
        },
        match m.level {
            Some(crate::model::DocLevel::Department) => "部门",
            Some(crate::model::DocLevel::Unit) => "单位",
            None => "level ?",
        },
        m.amount_unit.map_or("?", crate::amount::Unit::as_str),
        m.template
    );
    let _ = writeln!(
        s,
        "{} tables, {} 绩效目标表, {} sections, {} glossary entries, {} lines\n",
        doc.tables.len(),
        doc.performance.len(),
        doc.sections.len(),
        doc.glossary.len(),
        doc.line_count
    );
    for t in &doc.tables {
        table_text(&mut s, t);
    }
    if !doc.performance.is_empty() {
        let _ = writeln!(s, "绩效目标表");
        for p in &doc.performance {
            let funds: Vec<String> = p
                .funding
                .iter()
                .map(|f| format!("{} {}", f.label, f.cell.text))
                .collect();
            let _ = writeln!(
                s,
                "  {} (lines {}–{}): {}; {} indicators",
                p.project,
                p.lines.start,
                p.lines.end,
                funds.join(", "),
                p.indicators.len()
            );
        }
        s.push('\n');
    }
    let _ = writeln!(s, "Sections");
    for sec in &doc.sections {
        let indent = "  ".repeat(usize::from(sec.level) + 1);
        let title = if sec.title.is_empty() {
            "(untitled)"
        } else {
            &sec.title
        };
        let _ = writeln!(
            s,
            "{indent}{title} [{:?}] lines {}–{}, {} paragraphs",
            sec.kind,
            sec.lines.start,
            sec.lines.end,
            sec.paragraphs.len()
        );
    }
    if !doc.glossary.is_empty() {
        let terms: Vec<&str> = doc.glossary.iter().map(|g| g.term.as_str()).collect();
        let _ = writeln!(s, "\n名词解释: {}", terms.join("、"));
    }
    if !doc.notices.is_empty() {
        let _ = writeln!(s, "\nNotices");
        for n in &doc.notices {
            let _ = writeln!(s, "  line {}: {} ({})", n.line, n.message, n.code);
        }
    }
    s
}

fn table_text(s: &mut String, t: &Table) {
    let _ = writeln!(
        s,
        "{} {} [{:?}, {}, lines {}–{}{}]",
        t.key,
        t.title,
        t.kind,
        t.unit.map_or("unit ?", crate::amount::Unit::as_str),
        t.lines.start,
        t.lines.end,
        if t.continuations > 0 {
            ", continued"
        } else {
            ""
        }
    );
    let cols: Vec<String> = t
        .columns
        .iter()
        .map(|c| {
            let mut name = c
                .key
                .map_or_else(|| format!("?{}", c.header), |k| k.label().to_owned());
            if let Some(y) = c.year {
                name = format!("{y}年{name}");
            }
            name
        })
        .collect();
    let _ = writeln!(s, "  columns: {}", cols.join(" | "));
    if let Some(n) = &t.note {
        let _ = writeln!(s, "  note (line {}): {}", n.line, n.text);
    }
    for r in &t.rows {
        let amounts: Vec<String> = r
            .cells
            .iter()
            .filter(|c| !matches!(c.value, CellValue::Blank))
            .map(|c| {
                let col = t
                    .columns
                    .get(usize::from(c.column))
                    .and_then(|col| col.key)
                    .map_or("?", |k| k.label());
                format!("{col}={}", c.text)
            })
            .collect();
        let _ = writeln!(
            s,
            "  {:>5}  {:<9} {}  {}",
            r.line,
            r.key(),
            r.label.trim(),
            amounts.join("  ")
        );
    }
    s.push('\n');
}
