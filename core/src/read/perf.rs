//! Reading 绩效目标表 (project performance-target tables).
//!
//! The tables come in several shapes: a few labelled rows (项目名称, 主管部门, 实施单位), funding
//! rows pairing a label with an amount (one or two pairs per row), a goal, then an indicator
//! header (一级指标 / 二级指标 / 三级指标 / 指标值) and indicator rows whose first two levels are
//! printed only when they change. A table continued on the next page (the title repeated, no
//! 项目名称) belongs to the previous project.

use std::borrow::Cow;

use crate::amount::{CellValue, Unit};
use crate::model::{Cell, FundLine, Funding, Indicator, LineSpan, PerformanceTable, Text};
use crate::text::{has, normalize_name, normalized_starts_with, trim};

use super::{Block, BlockKind, Ctx, Line, is_meta_line};

/// Printed positions of the indicator columns.
#[derive(Debug, Clone, Copy, Default)]
struct IndicatorCols {
    level1: Option<usize>,
    level2: Option<usize>,
    name: Option<usize>,
    value: Option<usize>,
}

#[derive(Debug, Default)]
struct State {
    cols: Option<IndicatorCols>,
    level1: Text,
    level2: Text,
    /// Column of the goal text on the next row.
    pending_goal: Option<usize>,
}

/// Builds the 绩效目标表 of all performance blocks.
pub(crate) fn build(lines: &[Line<'_>], blocks: &[Block], ctx: &Ctx<'_>) -> Vec<PerformanceTable> {
    let mut tables: Vec<PerformanceTable> = Vec::new();
    let mut state = State::default();
    // (the buffer of normalised cells is reused from row to row)
    let mut norm: Vec<Cow<'_, str>> = Vec::new();
    for block in blocks.iter().filter(|b| b.kind == BlockKind::Performance) {
        let rows = || {
            lines
                .get(block.title + 1..=block.end)
                .unwrap_or(&[])
                .iter()
                .filter(|l| l.tab && !is_meta_line(l, ctx.vocab))
        };
        let starts_project =
            rows().any(|l| l.cells().iter().any(|c| starts_with_label(c, "项目名称")));
        let start_line = lines.get(block.title).map_or(0, |l| l.no);
        let end_line = lines.get(block.end).map_or(start_line, |l| l.no);
        if starts_project || tables.is_empty() {
            tables.push(PerformanceTable {
                project: String::new(),
                title: lines
                    .get(block.title)
                    .map(|l| l.joined(""))
                    .unwrap_or_default(),
                department: None,
                implementer: None,
                unit: None,
                funding: Vec::new(),
                goal: None,
                indicators: Vec::new(),
                lines: LineSpan {
                    start: start_line,
                    end: end_line,
                },
            });
            state = State::default();
        } else if let Some(t) = tables.last_mut() {
            t.lines.end = end_line;
        }
        let Some(table) = tables.last_mut() else {
            continue;
        };
        for line in rows() {
            read_row(table, &mut state, line, ctx, &mut norm);
        }
    }
    tables
}

fn project_name(cells: &[&str]) -> Option<String> {
    labelled_value(cells, "项目名称")
}

/// [`normalized_starts_with`] for a label (normalised, not empty), telling most other cells
/// from their first character: an ideograph or a plain ASCII character is kept as it is by
/// normalisation, so the cell's normal form starts with it.
fn starts_with_label(cell: &str, label: &str) -> bool {
    if label.is_empty() {
        return true;
    }
    let Some(first) = cell.chars().next() else {
        return false;
    };
    let kept = ('\u{4E00}'..='\u{9FFF}').contains(&first)
        || (first.is_ascii_alphanumeric() || matches!(first, '(' | ')' | ':' | '.' | ','));
    if kept && !label.starts_with(first) {
        return false;
    }
    normalized_starts_with(cell, label)
}

/// The first non-empty cell after the cell that contains `label`.
fn labelled_value(cells: &[&str], label: &str) -> Option<String> {
    let pos = cells.iter().position(|c| starts_with_label(c, label))?;
    cells
        .iter()
        .skip(pos + 1)
        .map(|c| trim(c))
        .find(|c| !c.is_empty())
        .map(str::to_owned)
}

fn read_row<'a>(
    table: &mut PerformanceTable,
    state: &mut State,
    line: &Line<'a>,
    ctx: &Ctx<'_>,
    norm: &mut Vec<Cow<'a, str>>,
) {
    let cells: &[&'a str] = line.cells();
    // Once the indicator header is read, rows are indicators (or a repeated header).
    if let Some(cols) = state.cols {
        if !cells.iter().any(|c| has(c, "一级指标")) {
            read_indicator(table, state, cols, cells, line.no);
            return;
        }
    }
    if let Some(col) = state.pending_goal.take() {
        let text = cells
            .get(col)
            .map(|c| trim(c))
            .filter(|c| !c.is_empty())
            .or_else(|| cells.iter().map(|c| trim(c)).find(|c| !c.is_empty()));
        if let Some(t) = text {
            table.goal = Some(strip_tags(t));
            return;
        }
    }
    if let Some(name) = project_name(cells) {
        table.project = name;
        return;
    }
    // Labels are short: a long cell (a goal, a description) is content and is not normalised.
    norm.clear();
    norm.extend(cells.iter().map(|c| {
        if c.len() <= 96 {
            crate::text::normalized(c)
        } else {
            Cow::Borrowed("")
        }
    }));
    let norm: &[Cow<'a, str>] = norm;
    if norm.iter().any(|c| c.starts_with("主管部门")) || norm.iter().any(|c| c == "实施单位")
    {
        if let Some(d) = cells
            .iter()
            .position(|c| starts_with_label(c, "主管部门"))
            .and_then(|p| next_text(cells, p))
        {
            table.department = Some(d);
        }
        if let Some(i) = labelled_value(cells, "实施单位") {
            table.implementer = Some(i);
        }
        return;
    }
    if let Some(first) = norm.iter().position(|c| has(c, "一级指标")) {
        let find = |w: &str| norm.iter().position(|c| has(c, w));
        state.cols = Some(IndicatorCols {
            level1: Some(first),
            level2: find("二级指标"),
            name: find("三级指标"),
            value: find("指标值"),
        });
        return;
    }
    if let Some(pos) = norm
        .iter()
        .position(|c| has(c, "总体目标") || has(c, "总目标"))
    {
        let text_after = cells.iter().skip(pos + 1).map(|c| trim(c)).find(|c| {
            // (a long text is no label: normalised only when short)
            !c.is_empty()
                && (crate::text::normalized_chars(c).nth(8).is_some()
                    || !normalize_name(c).ends_with("目标"))
        });
        match text_after {
            Some(t) => table.goal = Some(strip_tags(t)),
            None => {
                // the goal is on the next row, under 年度总体目标 when there is one
                state.pending_goal = norm
                    .iter()
                    .position(|c| has(c, "年度总体目标"))
                    .or(Some(pos));
            }
        }
        return;
    }
    read_funding(table, cells, norm, line.no, ctx);
}

fn next_text(cells: &[&str], pos: usize) -> Option<String> {
    cells
        .iter()
        .skip(pos + 1)
        .map(|c| trim(c))
        .find(|c| !c.is_empty())
        .map(str::to_owned)
}

/// Removes HTML tags that some systems leave in goal texts (`<p>…</p>`); a `<` that does not
/// open a tag is kept.
fn strip_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(pos) = rest.find('<') {
        out.push_str(rest.get(..pos).unwrap_or(""));
        let after = rest.get(pos + 1..).unwrap_or("");
        let tag_len = after.find('>').filter(|&e| {
            e <= 12
                && after
                    .get(..e)
                    .is_some_and(|t| t.bytes().all(|b| b.is_ascii_alphabetic() || b == b'/'))
        });
        if let Some(e) = tag_len {
            rest = after.get(e + 1..).unwrap_or("");
        } else {
            out.push('<');
            rest = after;
        }
    }
    out.push_str(rest);
    out.trim().to_owned()
}

fn read_indicator(
    table: &mut PerformanceTable,
    state: &mut State,
    cols: IndicatorCols,
    cells: &[&str],
    line: u32,
) {
    let at = |p: Option<usize>| p.and_then(|p| cells.get(p)).map_or("", |c| trim(c));
    let l1 = at(cols.level1);
    let l2 = at(cols.level2);
    let name = at(cols.name);
    let mut value = Text::from(at(cols.value));
    if value.is_empty() {
        // some tables print the value one column off; take the last non-empty cell after the name
        let after = cols.name.map_or(0, |p| p + 1);
        if let Some(v) = cells
            .iter()
            .skip(after)
            .map(|c| trim(c))
            .rfind(|c| !c.is_empty())
        {
            value = Text::from(v);
        }
    }
    if !l1.is_empty() {
        state.level1 = Text::from(l1);
        state.level2.clear();
    }
    if !l2.is_empty() {
        state.level2 = Text::from(l2);
    }
    if name.is_empty() && value.is_empty() {
        return;
    }
    table.indicators.push(Indicator {
        level1: state.level1.clone(),
        level2: state.level2.clone(),
        name: name.into(),
        value,
        line,
    });
}

/// Funding rows: label cells each followed by an amount cell; the first cell may carry the unit
/// (`项目资金（万元）`).
fn read_funding(
    table: &mut PerformanceTable,
    cells: &[&str],
    norm: &[Cow<'_, str>],
    line: u32,
    ctx: &Ctx<'_>,
) {
    if table.unit.is_none() {
        table.unit = norm
            .iter()
            .find(|c| has(c, "资金") && has(c, "元"))
            .and_then(|c| Unit::from_label(c));
    }
    let annual_col = norm.iter().position(|c| {
        ctx.vocab
            .fund_lines
            .get(&FundLine::AnnualTotal)
            .is_some_and(|ws| ws.iter().any(|w| has(c, w)))
    });
    // For each cell, the next non-empty cell after it (one backward pass: no rescanning).
    let mut next_filled = vec![None; cells.len()];
    let mut after = None;
    for (j, slot) in next_filled.iter_mut().enumerate().rev() {
        *slot = after;
        if cells.get(j).is_some_and(|c| !trim(c).is_empty()) {
            after = Some(j);
        }
    }
    let mut i = 0;
    while i < cells.len() {
        let n = norm.get(i).map_or("", |c| c.as_ref());
        let Some(mut kind) = fund_line(n, ctx) else {
            i += 1;
            continue;
        };
        if kind == FundLine::Other && annual_col.is_some_and(|a| i > a) {
            kind = FundLine::AnnualOther;
        }
        let Some(j) = next_filled.get(i).copied().flatten() else {
            break;
        };
        let raw = cells.get(j).map_or("", |c| trim(c));
        let (value, note) = CellValue::parse(raw);
        let value = value.within_limit(table.unit.unwrap_or(Unit::Yuan));
        if matches!(
            value,
            CellValue::Amount(_) | CellValue::Unreadable { .. } | CellValue::Dash
        ) {
            table.funding.push(Funding {
                line: kind,
                label: cells.get(i).map_or("", |c| trim(c)).to_owned(),
                cell: Cell {
                    column: 0,
                    text: raw.into(),
                    value,
                    note,
                    line,
                    bbox: None,
                },
            });
            i = j + 1;
        } else {
            i += 1;
        }
    }
}

fn fund_line(label: &str, ctx: &Ctx<'_>) -> Option<FundLine> {
    const ORDER: [FundLine; 6] = [
        FundLine::AnnualTotal,
        FundLine::AnnualFiscal,
        FundLine::CarryForward,
        FundLine::Total,
        FundLine::Fiscal,
        FundLine::Other,
    ];
    if label.is_empty() {
        return None;
    }
    ORDER.into_iter().find(|kind| {
        ctx.vocab
            .fund_lines
            .get(kind)
            .is_some_and(|ws| ws.iter().any(|w| has(label, w)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_stripped() {
        assert_eq!(strip_tags("<p>目标</p>"), "目标");
        assert_eq!(strip_tags("a < b"), "a < b");
        assert_eq!(strip_tags("<p>x<br/>y</p>"), "xy");
    }
}
