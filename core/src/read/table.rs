//! Reading a located table block into a [`Table`]: header rows into named columns, lanes of
//! two-sided tables, hierarchical code columns into full codes, labelled summary rows into line
//! items, continuations stitched.

use crate::amount::{CellValue, Unit};
use crate::catalog::{Domain, Level};
use crate::model::{
    Basis, Cell, Column, ColumnKey, LineItem, LineSpan, Note, Notice, NoticeCode, Row, RowIssue,
    Side, Table, TableKey, TableKind, Text,
};
use crate::template::{ColumnSpec, Template, Vocabulary};
use std::borrow::Cow;

use crate::text::{
    compact, find_year, has, normal_form, normalize_name, normalized_chars, normalizes_to,
    strip_numbering, trim,
};

use super::{Block, BlockKind, Ctx, Line, is_meta_line, is_note_line, notice};

/// Columns read per table row: cells past this are not read (a `too_many_columns` notice says
/// so). Real tables have fewer than 30; the cap keeps the work per row bounded.
pub(crate) const MAX_COLUMNS: usize = 256;

/// Header rows read per table: rows past this before the first data row are not read (a
/// `header_rows_ignored` notice says so). Real tables have at most four.
pub(crate) const MAX_HEADER_ROWS: usize = 16;

/// Builds the tables of all table blocks, stitching a block into the previous one when it repeats
/// that table's title right after it.
pub(crate) fn build_tables(
    lines: &[Line<'_>],
    blocks: &[Block],
    template: &Template,
    ctx: &Ctx<'_>,
    notices: &mut Vec<Notice>,
) -> Vec<Table> {
    let mut groups: Vec<(usize, Vec<&Block>)> = Vec::new();
    let mut prev_end: Option<usize> = None;
    for block in blocks {
        let BlockKind::Table(spec) = block.kind else {
            prev_end = None;
            continue;
        };
        let adjacent = prev_end.is_some_and(|end| {
            lines
                .get(end + 1..block.title)
                .is_some_and(|between| between.iter().all(Line::is_blank))
        });
        match groups.last_mut() {
            Some((s, group)) if *s == spec && adjacent => group.push(block),
            _ => groups.push((spec, vec![block])),
        }
        prev_end = Some(block.end);
    }
    let mut tables = Vec::with_capacity(groups.len());
    let mut seen: crate::HashSet<&str> = crate::HashSet::default();
    for (spec_idx, group) in groups {
        let Some(spec) = template.tables.get(spec_idx) else {
            continue;
        };
        for &i in group.iter().flat_map(|b| &b.stray) {
            if let Some(l) = lines.get(i) {
                notices.push(
                    Notice::new(
                        NoticeCode::StrayLine,
                        format!(
                            "the stray line `{}` inside `{}` (debris of the text layer: a page number, or figures the row above prints) was skipped",
                            l.text.trim(),
                            spec.key
                        ),
                        l.no,
                    )
                    .in_table(spec.key.clone()),
                );
            }
        }
        if !seen.insert(spec.key.as_str()) {
            let line = group
                .first()
                .and_then(|b| lines.get(b.title))
                .map_or(0, |l| l.no);
            notice(
                notices,
                NoticeCode::DuplicateTable,
                format!(
                    "table `{}` is printed a second time; the first one is used",
                    spec.key
                ),
                line,
            );
        }
        let mut table = read_table(
            lines,
            &group,
            &spec.key,
            spec.kind,
            &spec.columns,
            ctx,
            notices,
        );
        table.covers.clone_from(&spec.covers);
        tables.push(table);
    }
    tables
}

/// What a printed column is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    CodePart(Level),
    Code,
    Label,
    Category,
    Amount,
}

#[derive(Debug, Clone)]
struct ColInfo {
    role: Role,
    /// The header words above the column, top down: a range of the table's word list (which
    /// borrows the header where nothing was stripped).
    segments: std::ops::Range<usize>,
    year: Option<u16>,
    basis: Option<Basis>,
    lane: u8,
}

/// The code columns of a code group.
#[derive(Debug, Default, Clone)]
struct CodeGroup {
    parts: Vec<(Option<Level>, usize)>,
}

#[derive(Debug, Default, Clone)]
struct Lane {
    /// Printed position of the lane's first column.
    start: usize,
    side: Option<Side>,
    primary: CodeGroup,
    secondary: CodeGroup,
    label: Option<usize>,
    label2: Option<usize>,
    category: Option<usize>,
    /// (index into `Table::columns`, printed position)
    amounts: Vec<(u16, usize)>,
}

/// The 类 and 款 of the rows above, for rows that print only their 款 or 项 (empty: none). The
/// buffers are reused from row to row.
#[derive(Debug, Default)]
struct CodeCtx {
    class: String,
    section: String,
}

impl CodeCtx {
    fn class(&self) -> Option<&str> {
        (!self.class.is_empty()).then_some(self.class.as_str())
    }

    fn section(&self) -> Option<&str> {
        (!self.section.is_empty()).then_some(self.section.as_str())
    }
}

fn read_table(
    lines: &[Line<'_>],
    group: &[&Block],
    key: &TableKey,
    kind: TableKind,
    extra_specs: &[ColumnSpec],
    ctx: &Ctx<'_>,
    notices: &mut Vec<Notice>,
) -> Table {
    let vocab = ctx.vocab;
    let first = group.first().map_or(0, |b| b.title);
    let last = group.last().map_or(first, |b| b.end);
    let title = lines.get(first).map(|l| l.joined(" ")).unwrap_or_default();
    let mut unit = None;
    let mut note: Option<Note> = None;
    // The cells of every row in one buffer: (line index, cell range, is the first row of a
    // continuation block).
    // (sized once: the block's lines and their cells)
    let block_lines = || {
        group
            .iter()
            .flat_map(|b| lines.get(b.title..=b.end).unwrap_or(&[]))
    };
    let mut cell_buf: Vec<&str> = Vec::with_capacity(
        block_lines()
            .map(|l| l.cells().len().min(MAX_COLUMNS + 1))
            .sum(),
    );
    let mut spans: Vec<(usize, std::ops::Range<usize>, bool)> =
        Vec::with_capacity(block_lines().count());
    for (bi, block) in group.iter().enumerate() {
        let mut first_row_of_block = bi > 0;
        for idx in block.title..=block.end {
            let Some(line) = lines.get(idx) else { break };
            if unit.is_none() {
                unit = line.pieces().iter().find_map(|p| unit_of_line(p));
            }
            if idx == block.title {
                continue;
            }
            if is_note_line(line, vocab) {
                if note.is_none() {
                    note = Some(Note {
                        text: line.text.trim().to_owned(),
                        line: line.no,
                    });
                }
                continue;
            }
            let text_row = if line.tab {
                None
            } else {
                text_row(line, vocab)
            };
            if (!line.tab && text_row.is_none()) || is_meta_line(line, vocab) {
                continue;
            }
            // Cells past the limit are not read (one more is kept to notice them).
            let start = cell_buf.len();
            match text_row {
                Some(words) => cell_buf.extend(words),
                None => cell_buf.extend(line.cells().iter().copied().take(MAX_COLUMNS + 1)),
            }
            spans.push((idx, start..cell_buf.len(), first_row_of_block));
            first_row_of_block = false;
        }
    }
    let rows: Vec<(usize, &[&str], bool)> = spans
        .into_iter()
        .map(|(idx, range, cont)| (idx, cell_buf.get(range).unwrap_or(&[]), cont))
        .collect();

    // Header rows: the leading rows of the first block before the first data row.
    let header_count = rows
        .iter()
        .take_while(|(_, cells, cont)| !*cont && !is_data_row(cells, vocab))
        .count();
    if header_count > MAX_HEADER_ROWS {
        let line = rows
            .get(MAX_HEADER_ROWS)
            .and_then(|(idx, _, _)| lines.get(*idx))
            .map_or(0, |l| l.no);
        notice(
            notices,
            NoticeCode::HeaderRowsIgnored,
            format!(
                "`{key}` has {header_count} rows before its first data row; only the first {MAX_HEADER_ROWS} are read as its header"
            ),
            line,
        );
    }
    // (normalised header cells borrow the printed text where it is in normal form)
    let mut header: Vec<Vec<Cow<'_, str>>> = rows
        .iter()
        .take(header_count.min(MAX_HEADER_ROWS))
        .map(|(_, cells, _)| cells.iter().map(|c| normal_form(c)).collect())
        .collect();
    // A sub-header merged into the first data row (`类 | 款 | 项 | 合计 | 2,946.25 …`).
    let merged_codes = rows
        .get(header_count)
        .map(|(_, cells, _)| {
            cells
                .iter()
                .map(|c| {
                    let n = normal_form(c);
                    if code_part_level(&n, vocab).is_some() {
                        n
                    } else {
                        Cow::Borrowed("")
                    }
                })
                .collect::<Vec<Cow<'_, str>>>()
        })
        .filter(|r| r.iter().any(|c| !c.is_empty()));
    if let Some(sub) = merged_codes {
        header.push(sub);
    }
    let data: Vec<&(usize, &[&str], bool)> = rows.iter().skip(header_count).collect();
    let widest = rows.iter().map(|(_, c, _)| c.len()).max().unwrap_or(0);
    let width = widest.min(MAX_COLUMNS);
    if widest > MAX_COLUMNS {
        let line = rows
            .iter()
            .find(|(_, c, _)| c.len() > MAX_COLUMNS)
            .and_then(|(idx, _, _)| lines.get(*idx))
            .map_or(0, |l| l.no);
        notice(
            notices,
            NoticeCode::TooManyColumns,
            format!(
                "a row of `{key}` has more than {MAX_COLUMNS} cells; cells past the {MAX_COLUMNS}th are not read"
            ),
            line,
        );
    }

    let mut words = Vec::new();
    let mut infos = compose_columns(&header, width, vocab, &mut words);
    infer_roles_from_data(&mut infos, &data);
    assign_lanes(&mut infos);
    let specs: Vec<&ColumnSpec> = extra_specs
        .iter()
        .chain(vocab.columns.get(&kind).into_iter().flatten())
        .collect();
    let (columns, lanes) = name_columns(&infos, &words, &specs, kind, vocab);

    // Rows.
    let mut out_rows: Vec<Row> = Vec::with_capacity(data.len());
    let mut code_ctx: Vec<(CodeCtx, CodeCtx)> = lanes.iter().map(|_| Default::default()).collect();
    let mut repeated = RepeatedHeader::new(&header);
    let mut realigned: Vec<&str> = Vec::new();
    // header rows printed again (first and last line of each run)
    let mut repeats: Vec<(u32, u32)> = Vec::new();
    // the page of the row before, and whether a header printed again goes on from a new page
    // or a repeated title (as every continued table prints it: no notice)
    let mut prev_page: Option<u32> = None;
    let mut continuing = false;
    for (idx, cells, cont) in data.iter().map(|r| (r.0, r.1, r.2)) {
        let Some(line) = lines.get(idx) else { continue };
        let new_page = prev_page.is_some_and(|p| p != line.page);
        prev_page = Some(line.page);
        if !is_data_row(cells, vocab) && repeated.matches(cells) {
            continuing |= cont || new_page;
            if !continuing {
                match repeats.last_mut() {
                    Some((_, end)) if *end + 1 == line.no => *end = line.no,
                    _ => repeats.push((line.no, line.no)),
                }
            }
            continue;
        }
        continuing = false;
        // A total row whose label cell is merged across the code columns (`合计 | 100 | …`,
        // fewer cells than the header): its figures stand in the last columns.
        let mut unplaced = false;
        let cells: &[&str] = match merged_label(cells, width, &lanes, vocab) {
            Merged::No => cells,
            Merged::Shift(by) => {
                realigned.clear();
                realigned.extend(cells.first().copied());
                realigned.extend(std::iter::repeat_n("", by));
                realigned.extend(cells.iter().skip(1).copied());
                notices.push(
                    Notice::new(
                        NoticeCode::LabelMerged,
                        format!(
                            "the label of this total row of `{key}` is merged across the code columns; its {} figures are read in the table's last {} columns",
                            cells.len() - 1,
                            cells.len() - 1
                        ),
                        line.no,
                    )
                    .in_table(key),
                );
                &realigned
            }
            Merged::Uncertain => {
                unplaced = true;
                notices.push(
                    Notice::new(
                        NoticeCode::CellUnplaced,
                        format!(
                            "this total row of `{key}` prints {} cells for {width} columns and its label is merged across the code columns: its figures cannot be placed in columns with certainty and are left unread",
                            cells.len()
                        ),
                        line.no,
                    )
                    .in_table(key),
                );
                cells
            }
        };
        let printed = cells.len().min(width);
        for (lane_no, lane) in lanes.iter().enumerate() {
            // A lane that starts after the row's last cell prints nothing in it.
            if lane.start >= printed {
                break;
            }
            let Some((pctx, sctx)) = code_ctx.get_mut(lane_no) else {
                continue;
            };
            if let Some(row) = read_row(
                cells,
                (line.no, line.boxes),
                lane_no,
                lane,
                kind,
                pctx,
                sctx,
                ctx,
                (key, unit),
                notices,
            ) {
                let mut row = row;
                // A name wrapped onto a line of its own (nothing else printed in the row) goes
                // on the name of the coded row right above it.
                if let Some(prev) = wrapped_name_of(&mut out_rows, &row, kind) {
                    prev.label.push_str(row.label.trim());
                    notices.push(
                        Notice::new(
                            NoticeCode::RowMerged,
                            format!(
                                "the name `{}` on a line of its own in `{key}` goes on the name of the row above (printed over two lines)",
                                row.label.trim()
                            ),
                            line.no,
                        )
                        .in_table(key),
                    );
                    continue;
                }
                if unplaced {
                    for c in &mut row.cells {
                        if !matches!(c.value, CellValue::Blank) {
                            c.value = CellValue::Unreadable {
                                reason: "the cell cannot be placed in a column with certainty"
                                    .to_owned(),
                            };
                        }
                    }
                }
                out_rows.push(row);
            }
        }
    }
    for (first, last) in repeats {
        let lines = if first == last {
            format!("line {first}")
        } else {
            format!("lines {first}–{last}")
        };
        notices.push(
            Notice::new(
                NoticeCode::RepeatedHeader,
                format!("the header of `{key}` is printed again amid its rows ({lines}); skipped"),
                first,
            )
            .in_table(key),
        );
    }
    mark_unlabelled_totals(&mut out_rows, kind);

    Table {
        key: key.clone(),
        kind,
        title,
        unit,
        columns,
        rows: out_rows,
        note,
        lines: LineSpan {
            start: lines.get(first).map_or(0, |l| l.no),
            end: lines.get(last).map_or(0, |l| l.no),
        },
        continuations: u8::try_from(group.len().saturating_sub(1)).unwrap_or(u8::MAX),
        covers: Vec::new(),
    }
}

/// The row above whose name `row` continues: `row` prints only a name (no code, no figure, not a
/// total, not a `其中` heading), in a coded table, on the line right after a coded row of the
/// same lane.
fn wrapped_name_of<'r>(rows: &'r mut [Row], row: &Row, kind: TableKind) -> Option<&'r mut Row> {
    if !matches!(kind, TableKind::Functional | TableKind::Economic) {
        return None;
    }
    let name = row.label.trim();
    let bare = row.code.is_none()
        && row.item.is_none()
        && !row.total
        && row.issues.is_empty()
        && !name.is_empty()
        && row
            .cells
            .iter()
            .all(|c| matches!(c.value, CellValue::Blank))
        && !name.starts_with("其中")
        && strip_numbering(name) == name
        && !name.bytes().any(|b| b.is_ascii_digit());
    if !bare {
        return None;
    }
    let prev = rows.last_mut()?;
    (prev.code.is_some() && prev.lane == row.lane && prev.line + 1 == row.line).then_some(prev)
}

/// A total row printed as running text (`合计 10.00 6.00 4.00`: a page holding only that row,
/// read without its grid): its words, when it is a total label followed by figures only.
pub(crate) fn text_row<'a>(line: &Line<'a>, vocab: &Vocabulary) -> Option<Vec<&'a str>> {
    let text: &'a str = line.text;
    if line.tab || text.len() > 400 {
        return None;
    }
    let mut words = text.split_whitespace();
    let first = words.next()?;
    if !vocab.total_labels.iter().any(|l| normalizes_to(first, l)) {
        return None;
    }
    let mut out = vec![first];
    for w in words {
        if !matches!(CellValue::parse(w).0, CellValue::Amount(_)) {
            return None;
        }
        out.push(w);
    }
    (out.len() >= 2).then_some(out)
}

/// How a row's label cell stands against the header.
enum Merged {
    /// In place.
    No,
    /// Merged across the code columns: the figures move right by this many columns.
    Shift(usize),
    /// Merged, but the row prints fewer cells than the columns after the label: its figures
    /// cannot be placed.
    Uncertain,
}

/// A one-lane table's total row printed with its label merged across the code columns: the
/// label first, a figure where a code or the name should stand, fewer cells than the header.
fn merged_label(cells: &[&str], width: usize, lanes: &[Lane], vocab: &Vocabulary) -> Merged {
    let [lane] = lanes else { return Merged::No };
    let Some(label) = lane.label else {
        return Merged::No;
    };
    if cells.len() >= width || label == 0 {
        return Merged::No;
    }
    let first = cells.first().map_or("", |c| trim(c));
    if !vocab.total_labels.iter().any(|l| normalizes_to(first, l)) {
        return Merged::No;
    }
    // a figure in a code or name column
    let misplaced = cells
        .iter()
        .take(label + 1)
        .skip(1)
        .any(|c| matches!(CellValue::parse(trim(c)).0, CellValue::Amount(_)));
    if !misplaced {
        return Merged::No;
    }
    let after_label = width - label - 1;
    if cells.len() - 1 == after_label {
        Merged::Shift(label)
    } else {
        Merged::Uncertain
    }
}

/// Recognises a header row printed again (on a new page): every non-empty cell is a header word,
/// and there are at least two, or the row equals a header row. The row is normalised once and
/// header words are looked up by hash, so the test is linear in the row whatever the header.
struct RepeatedHeader<'h> {
    /// The header rows, normalised, without trailing empty cells.
    rows: Vec<&'h [Cow<'h, str>]>,
    /// The header rows as given (their words are indexed on the first row that needs them:
    /// most tables print no header again).
    header: &'h [Vec<Cow<'h, str>>],
    /// Words of the header rows.
    words: Option<std::collections::HashSet<&'h str, FastHash>>,
    /// The normalised cells of the row being tested (reused from row to row; borrowing the
    /// cells already in normal form).
    scratch: Vec<Cow<'h, str>>,
}

impl<'h> RepeatedHeader<'h> {
    fn new(header: &'h [Vec<Cow<'h, str>>]) -> RepeatedHeader<'h> {
        RepeatedHeader {
            rows: header.iter().map(|h| trim_empty_tail(h)).collect(),
            header,
            words: None,
            scratch: Vec::new(),
        }
    }

    fn matches(&mut self, cells: &[&'h str]) -> bool {
        self.scratch.clear();
        self.scratch.extend(cells.iter().map(|c| normal_form(c)));
        let norm = self.scratch.as_slice();
        let trimmed = trim_empty_tail(norm);
        if self.rows.contains(&trimmed) {
            return true;
        }
        let header = self.header;
        let known = self.words.get_or_insert_with(|| {
            header
                .iter()
                .flatten()
                .map(AsRef::as_ref)
                .filter(|w: &&str| !w.is_empty())
                .collect()
        });
        let mut words = 0;
        for (raw, n) in cells.iter().zip(norm) {
            if trim(raw).is_empty() {
                continue;
            }
            if !known.contains(n.as_ref()) {
                return false;
            }
            words += 1;
        }
        words >= 2
    }
}

/// A fast, deterministic hasher (the multiply-rotate scheme of rustc's `FxHasher`) for the small
/// sets of header words; they are bounded in size, so collisions cannot make a lookup slower than
/// a scan.
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            for (w, b) in word.iter_mut().zip(chunk) {
                *w = *b;
            }
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type FastHash = std::hash::BuildHasherDefault<FxHasher>;

fn trim_empty_tail<S: AsRef<str>>(row: &[S]) -> &[S] {
    let keep = row
        .iter()
        .rposition(|c| !c.as_ref().is_empty())
        .map_or(0, |i| i + 1);
    row.get(..keep).unwrap_or(row)
}

/// The unit stated on a line (`单位：万元`, `编制部门：… 单位：元`, `（单位：万元）`).
pub(crate) fn unit_of_line(text: &str) -> Option<Unit> {
    if !has(text, "单位") {
        return None;
    }
    let n = normalize_name(text);
    let mut rest = n.as_str();
    while let Some(pos) = rest.find("单位:") {
        let after = rest.get(pos + "单位:".len()..).unwrap_or("");
        if after.starts_with("万元") {
            return Some(Unit::WanYuan);
        }
        if after.starts_with("亿元") {
            return Some(Unit::YiYuan);
        }
        if after.starts_with('元') {
            return Some(Unit::Yuan);
        }
        rest = after;
    }
    None
}

/// A data row holds an amount, starts with a classification code, or is a total row with nothing
/// but amounts after its label.
pub(crate) fn is_data_row(cells: &[&str], vocab: &Vocabulary) -> bool {
    let mut first_text: Option<&str> = None;
    let mut other_text = false;
    for c in cells {
        let t = trim(c);
        if t.is_empty() {
            continue;
        }
        // only a cell that starts like a number can be one
        let numeric_start = t.chars().next().is_some_and(|ch| {
            ch.is_ascii_digit() || matches!(ch, '-' | '+' | '０'..='９' | '－' | '−')
        });
        let value = if numeric_start {
            CellValue::parse(t).0
        } else {
            CellValue::Text
        };
        match value {
            CellValue::Amount(_) => return true,
            CellValue::Dash => {}
            _ => {
                if first_text.is_none() {
                    if normalizes_to_code(t) {
                        return true;
                    }
                    first_text = Some(t);
                } else {
                    other_text = true;
                }
            }
        }
    }
    !other_text
        && first_text.is_some_and(|t| vocab.total_labels.iter().any(|l| normalizes_to(t, l)))
}

/// Whether `t` normalises to a classification code (`Domain::of_code`), without allocating.
fn normalizes_to_code(t: &str) -> bool {
    let mut buf = [0u8; 8];
    let mut len = 0;
    for c in normalized_chars(t) {
        if !c.is_ascii_digit() || len == buf.len() {
            return false;
        }
        if let Some(slot) = buf.get_mut(len) {
            *slot = u8::try_from(c).unwrap_or(0);
        }
        len += 1;
    }
    buf.get(..len)
        .and_then(|b| std::str::from_utf8(b).ok())
        .is_some_and(|code| Domain::of_code(code).is_some())
}

fn code_part_level(n: &str, vocab: &Vocabulary) -> Option<Level> {
    let w = &vocab.code_part_words;
    if w.class.iter().any(|x| x == n) {
        Some(Level::Class)
    } else if w.section.iter().any(|x| x == n) {
        Some(Level::Section)
    } else if w.item.iter().any(|x| x == n) {
        Some(Level::Item)
    } else {
        None
    }
}

/// Composes each column's header path from the header rows: an empty cell under a spanning
/// header takes the nearest header to its left in that row.
fn compose_columns<'h>(
    header: &'h [Vec<Cow<'h, str>>],
    width: usize,
    vocab: &Vocabulary,
    words: &mut Vec<Cow<'h, str>>,
) -> Vec<ColInfo> {
    let at = |r: usize, c: usize| -> &'h str {
        header
            .get(r)
            .and_then(|row| row.get(c))
            .map_or("", AsRef::as_ref)
    };
    let mut infos = Vec::with_capacity(width);
    // The nearest non-empty header to the left, per header row (updated column by column).
    let mut left: Vec<&str> = vec![""; header.len()];
    for c in 0..width {
        let start = words.len();
        let mut year = None;
        let mut basis = None;
        // the lowest header row with a word in this column
        let deepest = (0..header.len()).rev().find(|&r| !at(r, c).is_empty());
        // A word printed in a row starts a new span there: the rows below it do not go on with
        // spans from the left (公务接待费 after 公务用车运行费 in the row under it).
        let mut started = false;
        for r in 0..header.len() {
            let mut text = at(r, c);
            if !text.is_empty() {
                started = true;
            } else if !started && deepest.is_some_and(|d| d > r) {
                text = left.get(r).copied().unwrap_or("");
            }
            if text.is_empty() {
                continue;
            }
            let (rest, y, b) = strip_qualifiers(text);
            year = year.or(y);
            basis = basis.or(b);
            if vocab.change_words.iter().any(|w| *w == *rest) {
                basis = Some(Basis::Change);
            }
            if !rest.is_empty()
                && words
                    .get(start..)
                    .and_then(<[_]>::last)
                    .is_none_or(|l| *l != rest)
            {
                words.push(rest);
            }
        }
        let mut started = false;
        for (r, slot) in left.iter_mut().enumerate() {
            let t = at(r, c);
            if !t.is_empty() {
                *slot = t;
                started = true;
            } else if started {
                *slot = "";
            }
        }
        let role = role_of(words.get(start..).unwrap_or(&[]), vocab);
        infos.push(ColInfo {
            role,
            segments: start..words.len(),
            year,
            basis,
            lane: 0,
        });
    }
    infos
}

/// Takes the year (`2024年`) and basis (`预算数`, `决算数`) out of a header word (borrowing the
/// word when it has neither).
fn strip_qualifiers(text: &str) -> (Cow<'_, str>, Option<u16>, Option<Basis>) {
    let mut s: Cow<'_, str> = Cow::Borrowed(text);
    let mut year = None;
    if let Some(y) = find_year(&s) {
        year = Some(y);
        let pat = format!("{y}年");
        let mut owned = s.replacen(&pat, "", 1);
        if owned.starts_with('度') {
            owned.drain(..'度'.len_utf8());
        }
        s = Cow::Owned(owned);
    }
    let mut basis = None;
    for (word, b) in [
        ("预算数", Basis::Budget),
        ("决算数", Basis::Actual),
        ("执行数", Basis::Actual),
    ] {
        if s.ends_with(word) {
            basis = Some(b);
            let end = s.len() - word.len();
            s = match s {
                Cow::Borrowed(t) => Cow::Borrowed(t.get(..end).unwrap_or(t)),
                Cow::Owned(mut t) => {
                    t.truncate(end);
                    Cow::Owned(t)
                }
            };
            break;
        }
    }
    (s, year, basis)
}

fn role_of(segments: &[Cow<'_, str>], vocab: &Vocabulary) -> Role {
    let Some(last) = segments.last() else {
        return Role::Amount;
    };
    if let Some(level) = code_part_level(last, vocab) {
        return Role::CodePart(level);
    }
    if vocab.code_words.iter().any(|w| has(last, w)) {
        return Role::Code;
    }
    if vocab.category_words.iter().any(|w| has(last, w)) {
        return Role::Category;
    }
    if vocab.label_words.iter().any(|w| has(last, w))
        || vocab
            .label_suffix
            .iter()
            .any(|w| last.ends_with(w.as_str()))
    {
        return Role::Label;
    }
    Role::Amount
}

/// A column with no known header whose printed cells are words is a label (or category) column.
fn infer_roles_from_data(infos: &mut [ColInfo], data: &[&(usize, &[&str], bool)]) {
    let unknown: Vec<bool> = infos
        .iter()
        .map(|i| i.role == Role::Amount && i.segments.is_empty())
        .collect();
    if !unknown.contains(&true) {
        return;
    }
    // (text, numbers) per column, counted row by row: linear in the cells printed
    let mut counts: Vec<(usize, usize)> = vec![(0, 0); infos.len()];
    for (_, cells, _) in data {
        for ((cell, count), _) in cells
            .iter()
            .zip(counts.iter_mut())
            .zip(&unknown)
            .filter(|(_, u)| **u)
        {
            match CellValue::parse(cell).0 {
                CellValue::Amount(_) => count.1 += 1,
                CellValue::Text => count.0 += 1,
                _ => {}
            }
        }
    }
    for ((info, (text, numbers)), u) in infos.iter_mut().zip(counts).zip(unknown) {
        if u && text > numbers {
            info.role = Role::Label;
        }
    }
}

/// A new lane starts at a code or label column that follows an amount column.
fn assign_lanes(infos: &mut [ColInfo]) {
    let mut lane = 0u8;
    let mut seen_amount = false;
    for info in infos.iter_mut() {
        match info.role {
            Role::Amount => seen_amount = true,
            Role::Code | Role::CodePart(_) | Role::Label if seen_amount => {
                lane = lane.saturating_add(1);
                seen_amount = false;
            }
            _ => {}
        }
        info.lane = lane;
    }
}

fn name_columns(
    infos: &[ColInfo],
    words: &[Cow<'_, str>],
    specs: &[&ColumnSpec],
    kind: TableKind,
    vocab: &Vocabulary,
) -> (Vec<Column>, Vec<Lane>) {
    let lane_count = infos
        .iter()
        .map(|i| usize::from(i.lane) + 1)
        .max()
        .unwrap_or(1);
    let mut lanes: Vec<Lane> = vec![
        Lane {
            start: usize::MAX,
            ..Lane::default()
        };
        lane_count
    ];
    let mut columns = Vec::with_capacity(infos.len());
    for (pos, info) in infos.iter().enumerate() {
        let Some(lane) = lanes.get_mut(usize::from(info.lane)) else {
            continue;
        };
        lane.start = lane.start.min(pos);
        if lane.side.is_none() && kind == TableKind::Summary {
            lane.side = side_of(words.get(info.segments.clone()).unwrap_or(&[]), vocab);
        }
        match info.role {
            Role::CodePart(level) => {
                let group = if lane.label.is_some() {
                    &mut lane.secondary
                } else {
                    &mut lane.primary
                };
                group.parts.push((Some(level), pos));
            }
            Role::Code => {
                let group = if lane.label.is_some() {
                    &mut lane.secondary
                } else {
                    &mut lane.primary
                };
                group.parts.push((None, pos));
            }
            Role::Label => {
                if lane.label.is_none() {
                    lane.label = Some(pos);
                } else if lane.label2.is_none() {
                    lane.label2 = Some(pos);
                }
            }
            Role::Category => lane.category = lane.category.or(Some(pos)),
            Role::Amount => {
                let segments = words.get(info.segments.clone()).unwrap_or(&[]);
                let key = column_key(segments, specs, kind, vocab);
                let Ok(index) = u16::try_from(columns.len()) else {
                    continue;
                };
                lane.amounts.push((index, pos));
                columns.push(Column {
                    key,
                    header: segments.join("/"),
                    lane: info.lane,
                    side: None,
                    year: info.year,
                    basis: info.basis,
                    position: u16::try_from(pos).unwrap_or(u16::MAX),
                });
            }
        }
    }
    if kind == TableKind::Summary {
        for (i, lane) in lanes.iter_mut().enumerate() {
            if lane.side.is_none() {
                lane.side = Some(if i == 0 {
                    Side::Income
                } else {
                    Side::Expenditure
                });
            }
        }
        for col in &mut columns {
            col.side = lanes.get(usize::from(col.lane)).and_then(|l| l.side);
        }
    }
    (columns, lanes)
}

fn side_of(segments: &[Cow<'_, str>], vocab: &Vocabulary) -> Option<Side> {
    let first = segments.first()?;
    if vocab.side_words.income.iter().any(|w| has(first, w)) {
        Some(Side::Income)
    } else if vocab.side_words.expenditure.iter().any(|w| has(first, w)) {
        Some(Side::Expenditure)
    } else {
        None
    }
}

/// The key of an amount column: the first matching spec; a column whose only header is its side
/// word (or nothing but `预算数`) is the side's amount.
fn column_key(
    segments: &[Cow<'_, str>],
    specs: &[&ColumnSpec],
    kind: TableKind,
    vocab: &Vocabulary,
) -> Option<ColumnKey> {
    if let Some(spec) = specs.iter().find(|s| s.matches_words(segments)) {
        return Some(spec.key);
    }
    let only_side = segments.len() <= 1
        && segments.first().is_none_or(|s| {
            vocab
                .side_words
                .income
                .iter()
                .chain(&vocab.side_words.expenditure)
                .any(|w| has(s, w))
        });
    (only_side && kind != TableKind::SanGong).then_some(ColumnKey::Amount)
}

#[allow(clippy::too_many_arguments)]
fn read_row(
    cells: &[&str],
    (line_no, boxes): (u32, &[Option<crate::source::BBox>]),
    lane_no: usize,
    lane: &Lane,
    kind: TableKind,
    pctx: &mut CodeCtx,
    sctx: &mut CodeCtx,
    ctx: &Ctx<'_>,
    (key, unit): (&str, Option<Unit>),
    notices: &mut Vec<Notice>,
) -> Option<Row> {
    let at = |pos: usize| cells.get(pos).map_or("", |c| trim(c));
    let label_text = lane.label.map_or("", at);
    // (positions are in printed order: stop at the row's last cell)
    let printed = |p: usize| p < cells.len();
    let any_amount = lane
        .amounts
        .iter()
        .take_while(|(_, p)| printed(*p))
        .any(|(_, p)| !at(*p).is_empty());
    let any_code = lane
        .primary
        .parts
        .iter()
        .take_while(|(_, p)| printed(*p))
        .any(|(_, p)| !at(*p).is_empty());
    let any_label = !label_text.is_empty();
    if !any_amount && !any_code && !any_label {
        return None;
    }
    let vocab = ctx.vocab;
    let mut row = Row {
        code: None,
        gov_code: None,
        gov_name: None,
        item: None,
        label: label_text.into(),
        total: false,
        category: lane
            .category
            .map(at)
            .filter(|c| !c.is_empty())
            .map(Text::from),
        lane: u8::try_from(lane_no).unwrap_or(u8::MAX),
        side: lane.side,
        // (a short row gets more only while the padding budget lasts)
        cells: Vec::with_capacity(lane.amounts.len().min(cells.len())),
        issues: Vec::new(),
        line: line_no,
    };
    // Codes.
    let (code, issue, word) = build_code(&lane.primary.parts, &at, pctx, vocab);
    row.code = code;
    if let Some(issue) = issue {
        let (code, msg) = match &issue {
            RowIssue::UnreadableCode { printed } => (
                NoticeCode::CodeIssue,
                format!("unreadable classification code `{printed}` in `{key}`"),
            ),
            RowIssue::CodeFromContext { printed, inferred } => (
                NoticeCode::CodeIssue,
                format!(
                    "code `{printed}` in `{key}` does not fit its hierarchy; read as `{inferred}`"
                ),
            ),
            RowIssue::CodeNormalised { printed, code } => (
                NoticeCode::CodeNormalised,
                format!(
                    "code `{printed}` in `{key}` is printed without the leading zero of a part; read as `{code}`"
                ),
            ),
        };
        notices.push(Notice::new(code, msg, line_no).in_table(key));
        row.issues.push(issue);
    }
    if row.label.is_empty() {
        if let Some(w) = word {
            row.label = w;
        }
    }
    if !lane.secondary.parts.is_empty() {
        row.gov_code = build_code(&lane.secondary.parts, &at, sctx, vocab).0;
        row.gov_name = lane
            .label2
            .map(at)
            .filter(|t| !t.is_empty())
            .map(Text::from);
    }
    // What the label says (rows with a code are keyed by it).
    // (borrowing the printed cell where the label is its text)
    let norm: std::borrow::Cow<'_, str> = if row.code.is_some() {
        std::borrow::Cow::Borrowed("")
    } else {
        let n = if row.label == label_text {
            crate::text::normalized(strip_numbering(label_text))
        } else {
            std::borrow::Cow::Owned(normalize_name(strip_numbering(&row.label)))
        };
        match n.strip_prefix("其中:") {
            Some(rest) => std::borrow::Cow::Owned(rest.to_owned()),
            None => n,
        }
    };
    if row.code.is_none() && vocab.total_labels.iter().any(|l| *l == *norm) {
        match (kind, row.side) {
            (TableKind::Summary, Some(Side::Income)) if norm == "总计" => {
                row.item = Some(crate::model::LineItem::IncomeTotal);
            }
            (TableKind::Summary, Some(Side::Expenditure)) if norm == "总计" => {
                row.item = Some(crate::model::LineItem::ExpenditureTotal);
            }
            (TableKind::Summary, _) => {}
            _ => row.total = true,
        }
    } else if kind == TableKind::Economic && row.code.is_none() && !norm.is_empty() {
        // the lane totals of a two-lane economic table (人员经费合计 | 公用经费合计)
        if let Some(item @ (LineItem::PersonnelTotal | LineItem::PublicTotal)) =
            vocab.row_item(&norm, None)
        {
            row.item = Some(item);
            row.total = true;
        }
    } else if kind == TableKind::Summary && row.code.is_none() && !norm.is_empty() {
        row.item = vocab.row_item(&norm, row.side);
        if row.item.is_none() && row.side != Some(Side::Income) {
            if let Some((entry, _)) =
                ctx.catalog
                    .find_by_name(Domain::Functional, Level::Class, &norm)
            {
                row.code = Some(Text::from(entry.code.as_str()));
            }
        }
    }
    // Cells (a column past the row's last cell is a blank cell, while the padding budget lasts).
    for &(index, pos) in &lane.amounts {
        if pos >= cells.len() && !ctx.pad(notices, key, line_no) {
            break;
        }
        let raw = at(pos);
        let (value, note) = CellValue::parse(raw);
        let value = value.within_limit(unit.unwrap_or(Unit::Yuan));
        row.cells.push(Cell {
            column: index,
            text: raw.into(),
            value,
            note,
            line: line_no,
            bbox: boxes.get(pos).copied().flatten(),
        });
    }
    Some(row)
}

/// Builds a full code from printed code parts (`201 | 03 | 01`, `| 03 |`, `| | 01`), taking the
/// omitted parents from the rows above. Returns the code, a problem with it, and a word printed
/// in a code column instead of a code (`合计`).
fn build_code<'a>(
    parts: &[(Option<Level>, usize)],
    at: &dyn Fn(usize) -> &'a str,
    cx: &mut CodeCtx,
    vocab: &Vocabulary,
) -> (Option<Text>, Option<RowIssue>, Option<Text>) {
    let mut class = "";
    let mut section = "";
    let mut item = "";
    let mut full = "";
    let mut word = None;
    for &(level, pos) in parts {
        let raw = trim(at(pos));
        if raw.is_empty() {
            continue;
        }
        if !raw.bytes().all(|b| b.is_ascii_digit()) {
            let n = normal_form(raw);
            if n.is_empty() || code_part_level(&n, vocab).is_some() {
                continue;
            }
            if word.is_none() && vocab.total_labels.iter().any(|l| *l == *n) {
                word = Some(Text::from(compact(raw)));
                continue;
            }
            // words without a digit (人员经费合计) are a label printed in the code column
            if !n.bytes().any(|b| b.is_ascii_digit()) {
                if word.is_none() {
                    word = Some(Text::from(compact(raw)));
                }
                continue;
            }
        }
        let slot = match level {
            Some(Level::Class) => &mut class,
            Some(Level::Section) => &mut section,
            Some(Level::Item) => &mut item,
            None => &mut full,
        };
        *slot = raw;
    }
    let printed = || {
        parts
            .iter()
            .map(|&(_, pos)| compact(at(pos)))
            .collect::<Vec<_>>()
            .join("|")
    };
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let unreadable = || RowIssue::UnreadableCode { printed: printed() };
    if !full.is_empty() {
        let f = compact_cow(full);
        if Domain::of_code(&f).is_some() {
            set_ctx(cx, &f);
            return (Some(Text::from(&*f)), None, word);
        }
        return (None, Some(unreadable()), word);
    }
    let (c, mut k, mut x) = (compact_cow(class), compact_cow(section), compact_cow(item));
    if c.is_empty() && k.is_empty() && x.is_empty() {
        return (None, None, word);
    }
    // A 款 or 项 printed without its leading zero (`301 | 2`): every such part has two digits.
    let mut normalised = false;
    for part in [&mut k, &mut x] {
        if digits(part, 1) {
            *part = std::borrow::Cow::Owned(format!("0{part}"));
            normalised = true;
        }
    }
    let k_ok = k.is_empty() || digits(&k, 2);
    let x_ok = x.is_empty() || digits(&x, 2);
    if !k_ok || !x_ok {
        return (None, Some(unreadable()), word);
    }
    let code = if digits(&c, 3) {
        match (k.is_empty(), x.is_empty()) {
            (true, true) => Some(Text::from(&*c)),
            (false, true) => Some(join(&[&c, &k])),
            (false, false) => Some(join(&[&c, &k, &x])),
            (true, false) => None,
        }
    } else if (digits(&c, 5) || digits(&c, 7)) && k.is_empty() && x.is_empty() {
        Some(Text::from(&*c))
    } else if c.is_empty() {
        match (k.is_empty(), x.is_empty()) {
            (false, true) => cx.class().map(|cl| join(&[cl, &k])),
            (false, false) => cx.class().map(|cl| join(&[cl, &k, &x])),
            (true, false) => cx.section().map(|s| join(&[s, &x])),
            (true, true) => None,
        }
    } else {
        // A 类 printed wrong (`7` for 210): trust the hierarchy only when the 款 continues the
        // current 款 of the rows above.
        let inferred = cx.class().and_then(|cl| {
            let sec = join(&[cl, &k]);
            (!k.is_empty() && cx.section() == Some(sec.as_str()))
                .then(|| if x.is_empty() { sec } else { join(&[&sec, &x]) })
        });
        return match inferred {
            Some(code) => {
                let issue = RowIssue::CodeFromContext {
                    printed: printed(),
                    inferred: String::from(&code),
                };
                (Some(code), Some(issue), word)
            }
            None => (None, Some(unreadable()), word),
        };
    };
    match code {
        Some(code) => {
            set_ctx(cx, &code);
            let issue = normalised.then(|| RowIssue::CodeNormalised {
                printed: printed(),
                code: String::from(&code),
            });
            (Some(code), issue, word)
        }
        None => (None, Some(unreadable()), word),
    }
}

/// The parts of a code put together (without `format!`'s machinery: this runs for every row;
/// a code is short enough to be stored inline).
fn join(parts: &[&str]) -> Text {
    let mut s = Text::new();
    for p in parts {
        s.push_str(p);
    }
    s
}

/// Whitespace removed, borrowing when there is none.
fn compact_cow(s: &str) -> std::borrow::Cow<'_, str> {
    // (a code part is digits: no whitespace, no Unicode lookup)
    if !s.bytes().all(|b| b.is_ascii_graphic()) && s.contains(char::is_whitespace) {
        std::borrow::Cow::Owned(compact(s))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

fn set_ctx(cx: &mut CodeCtx, code: &str) {
    let (class, section) = match code.len() {
        3 => (code, ""),
        5 => (code.get(..3).unwrap_or(""), code),
        7 => (code.get(..3).unwrap_or(""), code.get(..5).unwrap_or("")),
        _ => return,
    };
    cx.class.clear();
    cx.class.push_str(class);
    cx.section.clear();
    cx.section.push_str(section);
}

/// A row with no code, label or item but with amounts, first or last in its lane, is the total
/// row of a code or project table (the total of 项目支出预算情况表 is printed without a label).
fn mark_unlabelled_totals(rows: &mut [Row], kind: TableKind) {
    if matches!(kind, TableKind::Summary | TableKind::SanGong) || rows.iter().any(|r| r.total) {
        return;
    }
    let bare = |r: &Row| {
        r.code.is_none()
            && r.item.is_none()
            && r.label.trim().is_empty()
            && r.issues.is_empty()
            && r.cells
                .iter()
                .any(|c| matches!(c.value, CellValue::Amount(_)))
    };
    let n = rows.len();
    if n < 2 {
        return;
    }
    if let Some(first) = rows.first_mut() {
        if bare(first) {
            first.total = true;
            return;
        }
    }
    if let Some(last) = rows.last_mut() {
        if bare(last) {
            last.total = true;
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn code(
        parts: &[(Option<Level>, &str)],
        cx: &mut CodeCtx,
    ) -> (Option<String>, Option<RowIssue>) {
        let positions: Vec<(Option<Level>, usize)> = parts
            .iter()
            .enumerate()
            .map(|(i, (l, _))| (*l, i))
            .collect();
        let at = |i: usize| parts.get(i).map_or("", |p| p.1);
        let (c, i, _) = build_code(&positions, &at, cx, Vocabulary::builtin());
        (c.map(String::from), i)
    }

    #[test]
    fn hierarchical_codes() {
        let mut cx = CodeCtx::default();
        let c = Some(Level::Class);
        let s = Some(Level::Section);
        let i = Some(Level::Item);
        assert_eq!(
            code(&[(c, "201"), (s, ""), (i, "")], &mut cx).0.unwrap(),
            "201"
        );
        assert_eq!(
            code(&[(c, ""), (s, "03"), (i, "")], &mut cx).0.unwrap(),
            "20103"
        );
        assert_eq!(
            code(&[(c, ""), (s, ""), (i, "01")], &mut cx).0.unwrap(),
            "2010301"
        );
        assert_eq!(
            code(&[(c, "208"), (s, "05"), (i, "05")], &mut cx)
                .0
                .unwrap(),
            "2080505"
        );
        // a wrong 类 under the right 款
        assert_eq!(
            code(&[(c, "210"), (s, "11"), (i, "")], &mut cx).0.unwrap(),
            "21011"
        );
        let (got, issue) = code(&[(c, "7"), (s, "11"), (i, "02")], &mut cx);
        assert_eq!(got.unwrap(), "2101102");
        assert!(matches!(issue, Some(RowIssue::CodeFromContext { .. })));
        // letter O instead of zero
        let (got, issue) = code(&[(c, "2O1"), (s, ""), (i, "")], &mut cx);
        assert!(got.is_none());
        assert!(matches!(issue, Some(RowIssue::UnreadableCode { .. })));
        // a full code in one column
        assert_eq!(code(&[(None, "30113")], &mut cx).0.unwrap(), "30113");
    }

    #[test]
    fn units_on_lines() {
        assert_eq!(unit_of_line("单位: 万元"), Some(Unit::WanYuan));
        assert_eq!(
            unit_of_line("编制部门：某某办事处 单位：元"),
            Some(Unit::Yuan)
        );
        assert_eq!(
            unit_of_line("编制单位：某某院\t\t单位：元"),
            Some(Unit::Yuan)
        );
        assert_eq!(unit_of_line("部门(单位): 某某办公室"), None);
    }

    #[test]
    fn qualifiers() {
        let (s, y, b) = strip_qualifiers("2024年预算数");
        assert_eq!((s.as_ref(), y, b), ("", Some(2024), Some(Basis::Budget)));
        let (s, y, _) = strip_qualifiers("2023年机关运行经费预算数");
        assert_eq!((s.as_ref(), y), ("机关运行经费", Some(2023)));
        // a word with neither borrows the header
        let (s, y, b) = strip_qualifiers("项目支出");
        assert!(matches!(s, Cow::Borrowed("项目支出")) && y.is_none() && b.is_none());
        // a basis alone borrows too
        let (s, _, b) = strip_qualifiers("执行数");
        assert!(matches!(s, Cow::Borrowed("")) && b == Some(Basis::Actual));
    }
}
