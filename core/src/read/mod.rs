//! Reading disclosure text into a [`Document`].
//!
//! The text layout is the one PDF and Word conversions produce: table rows as tab-separated cells
//! (empty cells kept), everything else line by line, pages separated by form feeds. The parser
//! makes one pass to split lines, finds the table of contents, locates tables and 绩效目标表 by
//! their titles (a template's aliases), reads each table's header rows into named columns, and
//! gathers the remaining lines into narrative sections.
//!
//! Nothing here depends on one document: titles, header words, row labels and section names come
//! from the [`Template`] and the [`Vocabulary`].
//!
//! Hostile input: every step visits each line, row and cell a bounded number of times (header
//! lookups go through hash sets, parents through a per-level index, rescans through precomputed
//! "next" positions), nothing recurses on what the input nests, and the work per row is capped:
//! at most [`table::MAX_COLUMNS`] cells per row and [`table::MAX_HEADER_ROWS`] header rows per
//! table, and a per-document budget of blank cells padded onto short rows. Each cap that bites
//! leaves a notice in the document.

mod lines;
mod narrative;
mod perf;
mod table;

use crate::amount::Unit;
use crate::catalog::Catalog;
use crate::error::{Error, Result};
use crate::model::{DocKind, DocLevel, Document, DocumentMeta, Notice, NoticeCode};
use crate::source::Grid;
use crate::template::{TableSpec, Template, Vocabulary};
use crate::text::{compact, find_year, has, normalize_name};

pub(crate) use lines::Line;

/// The largest input [`parse`] accepts, in bytes (16 MiB): about 500 times the size of a typical
/// disclosure. Larger input is refused with [`Error::InputTooLarge`] so that a browser tab or a
/// notebook is not brought down by a runaway file.
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// Parses disclosure text with the built-in templates (chosen automatically) and catalog.
///
/// # Examples
///
/// ```
/// # let text = include_str!("../../../tests/corpus/seed_2025_yantai_unit_budget.txt");
/// let doc = yusuan::parse(text).unwrap();
/// assert_eq!(doc.meta.year, Some(2025));
/// assert_eq!(doc.tables.len(), 12);
/// assert_eq!(doc.glossary.len(), 17);
/// ```
pub fn parse(text: &str) -> Result<Document> {
    Parser::new().parse(text)
}

/// Parses disclosure bytes: UTF-8 (with or without a BOM), UTF-16 with a BOM, or GB18030/GBK
/// (detected, with an `encoding_detected` notice); other bytes are an error naming the byte
/// offset.
///
/// # Examples
///
/// ```
/// let err = yusuan::parse_bytes(b"\xff\x00\xfe").unwrap_err();
/// assert_eq!(err.code(), "invalid_utf8");
/// ```
pub fn parse_bytes(bytes: &[u8]) -> Result<Document> {
    Parser::new().parse_bytes(bytes)
}

/// A configured parser: which templates to consider, which catalog to key rows with, the size
/// limit.
///
/// # Examples
///
/// ```
/// use yusuan::{Parser, template::Template};
/// # let text = include_str!("../../../tests/corpus/seed_2025_yantai_unit_budget.txt");
/// let parser = Parser::new().with_template(Template::by_name("national-12").unwrap().clone());
/// assert_eq!(parser.parse(text).unwrap().meta.template, "national-12");
/// ```
#[derive(Debug, Clone)]
pub struct Parser<'c> {
    /// The built-in templates are borrowed, not copied for every parse.
    templates: std::borrow::Cow<'static, [Template]>,
    catalog: &'c Catalog,
    max_bytes: usize,
}

impl Default for Parser<'static> {
    fn default() -> Self {
        Parser::new()
    }
}

impl Parser<'static> {
    /// A parser with the built-in templates and catalog.
    #[must_use]
    pub fn new() -> Parser<'static> {
        Parser {
            templates: std::borrow::Cow::Borrowed(Template::builtin()),
            catalog: Catalog::builtin(),
            max_bytes: MAX_INPUT_BYTES,
        }
    }
}

impl Parser<'_> {
    /// Uses only `template` (no automatic choice).
    #[must_use]
    pub fn with_template(mut self, template: Template) -> Self {
        self.templates = std::borrow::Cow::Owned(vec![template]);
        self
    }

    /// Adds a template to those considered.
    #[must_use]
    pub fn add_template(mut self, template: Template) -> Self {
        self.templates.to_mut().push(template);
        self
    }

    /// Uses `catalog` to key rows printed by name only.
    #[must_use]
    pub fn with_catalog(self, catalog: &Catalog) -> Parser<'_> {
        Parser {
            templates: self.templates,
            catalog,
            max_bytes: self.max_bytes,
        }
    }

    /// Sets the size limit in bytes.
    #[must_use]
    pub fn with_max_bytes(mut self, max_bytes: usize) -> Self {
        self.max_bytes = max_bytes;
        self
    }

    /// Parses disclosure bytes: UTF-8 (with or without a BOM), UTF-16 with a BOM, or
    /// GB18030/GBK (detected, with an `encoding_detected` notice); anything else is
    /// [`Error::InvalidUtf8`] naming the byte offset.
    pub fn parse_bytes(&self, bytes: &[u8]) -> Result<Document> {
        self.check_size(bytes.len())?;
        let decoded = crate::source::text::decode(bytes)?;
        let mut doc = self.parse(&decoded.text)?;
        if let Some(enc) = decoded.encoding {
            doc.notices.insert(0, encoding_notice(enc));
        }
        Ok(doc)
    }

    fn check_size(&self, size: usize) -> Result<()> {
        if size > self.max_bytes {
            return Err(Error::InputTooLarge {
                size,
                limit: self.max_bytes,
            });
        }
        Ok(())
    }

    /// The checks every reading of text starts with: size, emptiness, binary data.
    fn check_text_input(&self, text: &str) -> Result<()> {
        self.check_size(text.len())?;
        if text.trim().is_empty() {
            return Err(Error::EmptyInput);
        }
        lines::check_text(text)
    }

    /// The grid's lines as the reader sees them, with their meta and note lines marked.
    fn read_lines<'g>(
        grid: &'g Grid<'_>,
        dense: &'g lines::Dense<'g>,
    ) -> (Vec<Line<'g>>, &'static Vocabulary) {
        let mut lines = lines::lines(grid, dense);
        let vocab = Vocabulary::builtin();
        for line in &mut lines {
            line.meta = meta_line(line, vocab);
            line.note = note_line(line, vocab);
        }
        (lines, vocab)
    }

    /// Reads a [`Grid`] made by any source (the text source, a PDF reader, a spreadsheet, a
    /// user's own extractor) into a [`Document`]: the same reading as [`Parser::parse`] gives
    /// for text.
    ///
    /// # Examples
    ///
    /// A small document built by hand: one table and a sentence of narrative.
    ///
    /// ```
    /// use yusuan::source::Grid;
    /// use yusuan::{ColumnKey, Parser};
    ///
    /// let mut grid = Grid::new();
    /// grid.push_text(1, "一般公共预算支出情况表");
    /// grid.push_text(1, "单位：万元");
    /// grid.push_row(1, ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]);
    /// grid.push_row(1, ["", "合计", "10.00", "6.00", "4.00"]);
    /// grid.push_row(1, ["201", "一般公共服务支出", "10.00", "6.00", "4.00"]);
    /// grid.push_row(1, ["20101", "人大事务", "10.00", "6.00", "4.00"]);
    /// grid.push_text(2, "一、关于一般公共预算支出情况说明");
    /// grid.push_text(2, "一般公共预算支出10.00万元。");
    /// let doc = Parser::new().read_grid(&grid)?;
    /// let t05 = doc.table("T05").expect("一般公共预算支出情况表");
    /// let row = t05.row_by_code("20101").expect("20101");
    /// assert_eq!(t05.amount(row, ColumnKey::Basic).unwrap().to_string(), "6.00万元");
    /// assert_eq!(doc.page_of(row.line), 1);
    /// # Ok::<(), yusuan::Error>(())
    /// ```
    pub fn read_grid(&self, grid: &Grid<'_>) -> Result<Document> {
        let bytes: usize = grid.all_cells().iter().map(|c| c.text.len()).sum();
        self.check_size(bytes)?;
        let dense = lines::dense(grid);
        let (lines, vocab) = Self::read_lines(grid, &dense);
        if lines.iter().all(blank) {
            return Err(Error::EmptyInput);
        }
        let ctx = Ctx {
            vocab,
            catalog: self.catalog,
            pad_budget: std::cell::Cell::new(PAD_ALLOWANCE + bytes / PAD_BYTES_PER_CELL + 1),
        };
        let toc = find_toc(&lines);
        let template = self.choose_template(&lines, toc.end)?;
        let blocks = locate(&lines, toc.end, template, &ctx);
        if !blocks.iter().any(|b| matches!(b.kind, BlockKind::Table(_))) {
            return Err(Error::NotADisclosure {
                reason: format!(
                    "no table title of the `{}` template was found followed by a table",
                    template.name
                ),
            });
        }
        check_truncation(&lines, &blocks, template, &ctx)?;

        let mut doc = Document {
            line_count: lines.last().map_or(0, |l| l.no),
            ..Document::default()
        };
        let mut notices: Vec<Notice> = grid.notices().to_vec();
        doc.tables = table::build_tables(&lines, &blocks, template, &ctx, &mut notices);
        doc.performance = perf::build(&lines, &blocks, &ctx);
        let narrative_lines = narrative_lines(&lines, toc, &blocks);
        doc.sections = narrative::sections(&lines, &narrative_lines, &ctx, &mut notices);
        doc.glossary = narrative::glossary(&doc.sections);
        doc.meta = meta(&lines, toc, &blocks, template, &doc, &ctx);
        doc.page_starts = page_starts(&lines);
        doc.line_boxes = grid
            .lines()
            .iter()
            .filter(|l| !l.is_row())
            .filter_map(|l| l.bbox.map(|b| (l.no, b)))
            .collect();
        for n in &mut notices {
            if n.page.is_none() && n.line > 0 && !doc.page_starts.is_empty() {
                n.page = Some(doc.page_of(n.line));
            }
        }
        doc.notices = notices;
        Ok(doc)
    }

    /// Parses disclosure text (in any of the forms of [`crate::source::text`]).
    pub fn parse(&self, text: &str) -> Result<Document> {
        self.check_text_input(text)?;
        self.read_grid(&crate::source::text::grid(text))
    }

    /// The template whose titles match most table titles; with one template configured, that one.
    fn choose_template(&self, lines: &[Line<'_>], from: usize) -> Result<&Template> {
        let mut best: Option<(usize, &Template)> = None;
        for template in self.templates.iter() {
            let hits = lines
                .iter()
                .skip(from)
                .filter(|l| {
                    l.title_key
                        .as_deref()
                        .is_some_and(|t| template.table_for_title(t).is_some())
                })
                .count();
            if best.is_none_or(|(n, _)| hits > n) {
                best = Some((hits, template));
            }
        }
        best.map(|(_, l)| l).ok_or_else(|| Error::InvalidTemplate {
            name: "?".to_owned(),
            reason: "no template is configured".to_owned(),
        })
    }
}

/// What the parser's steps share.
pub(crate) struct Ctx<'a> {
    pub vocab: &'a Vocabulary,
    pub catalog: &'a Catalog,
    /// Blank cells still to be made for columns past a row's last printed cell.
    pad_budget: std::cell::Cell<usize>,
}

/// Blank cells made for columns past a row's last printed cell, per document: a fixed
/// allowance plus one per [`PAD_BYTES_PER_CELL`] bytes of input. Real disclosures use a few
/// hundred; the budget keeps a short row under a very wide header from multiplying memory.
const PAD_ALLOWANCE: usize = 1 << 16;
const PAD_BYTES_PER_CELL: usize = 8;

impl Ctx<'_> {
    /// Takes one blank cell from the padding budget; false (with a notice, once) when it is
    /// spent.
    pub(crate) fn pad(&self, notices: &mut Vec<Notice>, table: &str, line: u32) -> bool {
        match self.pad_budget.get() {
            0 => false,
            1 => {
                self.pad_budget.set(0);
                notice(
                    notices,
                    NoticeCode::PaddingLimit,
                    format!(
                        "from this row of `{table}` on, rows shorter than their header are not padded with blank cells (limit reached)"
                    ),
                    line,
                );
                false
            }
            n => {
                self.pad_budget.set(n - 1);
                true
            }
        }
    }
}

/// Lines of the table of contents (0-based, end exclusive) and where the document body starts.
#[derive(Debug, Clone, Copy, Default)]
struct Toc {
    start: usize,
    end: usize,
}

/// Finds the table of contents: from a `目录` line, the run of short entry lines, up to the first
/// line that repeats an entry (the body's first heading) or reads as prose.
fn find_toc(lines: &[Line<'_>]) -> Toc {
    let is_toc = |t: &str| t.chars().filter(|c| !c.is_whitespace()).eq("目录".chars());
    let Some(start) = lines
        .iter()
        .take(200)
        .position(|l| !l.tab && is_toc(l.text))
    else {
        return Toc::default();
    };
    // (entries in normal form, borrowed when they are already in it; one hash per entry)
    let mut entries: crate::HashSet<std::borrow::Cow<'_, str>> = crate::HashSet::default();
    let mut end = start + 1;
    while let Some(l) = lines.get(end) {
        if blank(l) {
            end += 1;
            continue;
        }
        let t = crate::text::trim(l.text);
        let prose = l.tab || t.contains('。') || t.chars().count() > 60;
        if prose {
            break;
        }
        let key = crate::text::normal_form(crate::text::strip_numbering(t));
        if !entries.insert(key) {
            break;
        }
        end += 1;
    }
    Toc { start, end }
}

/// [`Line::is_blank`], told from the start of each piece only (a text is blank when nothing is
/// left after its leading whitespace), which is cheaper than trimming both ends.
fn blank(line: &Line<'_>) -> bool {
    line.pieces()
        .iter()
        .all(|c| crate::text::trim_start(c).is_empty())
}

/// A located block of lines: a table or a 绩效目标表, from its title to its last line.
#[derive(Debug, Clone)]
pub(crate) struct Block {
    pub kind: BlockKind,
    /// 0-based index of the title line.
    pub title: usize,
    /// 0-based index of the last line (inclusive).
    pub end: usize,
    /// Stray lines inside the block (debris of the PDF text layer), skipped.
    pub stray: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BlockKind {
    /// A table: index into the template's tables.
    Table(usize),
    /// A 绩效目标表.
    Performance,
}

fn block_kind(line: &Line<'_>, template: &Template, ctx: &Ctx<'_>) -> Option<BlockKind> {
    let key = line.title_key.as_deref()?;
    if let Some(i) = template
        .tables
        .iter()
        .position(|t| t.titles.iter().any(|a| *a == key))
    {
        return Some(BlockKind::Table(i));
    }
    if ctx.vocab.performance_titles.iter().any(|t| *t == key) {
        return Some(BlockKind::Performance);
    }
    None
}

/// True for lines that belong to a table block without being rows: the publishing body, the unit,
/// a printed year.
pub(crate) fn is_meta_line(line: &Line<'_>, _vocab: &Vocabulary) -> bool {
    line.meta
}

fn meta_line(line: &Line<'_>, vocab: &Vocabulary) -> bool {
    // Cheap test first: a meta line's first printed character starts one of the prefixes.
    // (the first character of a trimmed piece is that of the piece trimmed at its start only)
    let first = line
        .pieces()
        .iter()
        .find_map(|c| crate::text::trim_start(c).chars().next())
        .map(crate::text::fold_char);
    if !first.is_some_and(|c| vocab.meta_first_chars.contains(&c)) {
        return false;
    }
    if line.tab {
        let mut any = false;
        for cell in line.cells() {
            let c = crate::text::trim(cell);
            if c.is_empty() {
                continue;
            }
            if !is_meta_text(c, vocab) {
                return false;
            }
            any = true;
        }
        return any;
    }
    is_meta_text(crate::text::trim(line.text), vocab)
}

fn is_meta_text(text: &str, vocab: &Vocabulary) -> bool {
    if text.len() > 240 {
        return false;
    }
    // (a prefix can only match when it starts with the text's first character; the bracketed
    // year starts with `(`: a text starting with neither is no meta text, told before any
    // search)
    let first = crate::text::normalized_chars(text).next();
    let any_empty = vocab
        .org_prefixes
        .iter()
        .chain(&vocab.unit_prefixes)
        .any(String::is_empty);
    if !any_empty
        && first != Some('(')
        && !vocab
            .org_prefixes
            .iter()
            .chain(&vocab.unit_prefixes)
            .any(|p| p.chars().next() == first)
    {
        return false;
    }
    // A meta line is short; every org and unit prefix names 单位 or 部门; a printed year is in
    // brackets.
    if !(has(text, "单位") || has(text, "部门") || text.contains(['(', '（'])) {
        return false;
    }
    let prefixed = |p: &String| (p.is_empty() || p.chars().next() == first) && labelled_by(text, p);
    if vocab.org_prefixes.iter().any(prefixed) || vocab.unit_prefixes.iter().any(prefixed) {
        return true;
    }
    // （2023年度） printed under a title
    if first != Some('(') {
        return false;
    }
    // (the year in brackets is at most 8 characters: a longer text is not normalised)
    if crate::text::normalized_chars(text).nth(10).is_some() {
        return false;
    }
    let n = normalize_name(text);
    if let Some(inner) = n.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        return find_year(inner).is_some() && inner.chars().count() <= 8;
    }
    false
}

/// Whether `text`, normalised, starts with the label `prefix` (normalised) followed by a colon
/// (or `prefix` ends with one): `部门(单位)：…`, `单位:万元`. Does not allocate.
fn labelled_by(text: &str, prefix: &str) -> bool {
    let mut chars = crate::text::normalized_chars(text);
    if !prefix.chars().all(|p| chars.next() == Some(p)) {
        return false;
    }
    prefix.ends_with(':') || chars.next() == Some(':')
}

/// A table note (`注：…`, `（注：…）`).
pub(crate) fn is_note_line(line: &Line<'_>, _vocab: &Vocabulary) -> bool {
    line.note
}

fn note_line(line: &Line<'_>, vocab: &Vocabulary) -> bool {
    if line.tab {
        return false;
    }
    // a note starts with 注/说明/备注, possibly after a bracket: look at the first few characters
    let t = crate::text::trim_start(line.text);
    // (注 and 说 are 3-byte characters: a text of fewer bytes has neither)
    if t.len() < 3 || !t.chars().take(4).any(|c| c == '注' || c == '说') {
        return false;
    }
    let head = t
        .char_indices()
        .nth(4)
        .and_then(|(end, _)| t.get(..end))
        .unwrap_or(t);
    vocab
        .note_prefixes
        .iter()
        .any(|p| crate::text::normalized_starts_with(head, p))
}

/// Locates every table and 绩效目标表 block after the table of contents.
fn locate(lines: &[Line<'_>], from: usize, template: &Template, ctx: &Ctx<'_>) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut i = from;
    while i < lines.len() {
        let Some(line) = lines.get(i) else { break };
        if let Some(kind) = block_kind(line, template, ctx) {
            if has_table_after(lines, i, template, ctx) {
                let (end, stray) = block_end(lines, i, template, ctx);
                blocks.push(Block {
                    kind,
                    title: i,
                    end,
                    stray,
                });
                i = end + 1;
                continue;
            }
        }
        i += 1;
    }
    blocks
}

/// A title only starts a block when table rows follow it (after blank and meta lines).
fn has_table_after(lines: &[Line<'_>], title: usize, template: &Template, ctx: &Ctx<'_>) -> bool {
    for line in lines.iter().skip(title + 1).take(12) {
        if blank(line) || is_meta_line(line, ctx.vocab) {
            continue;
        }
        return line.tab && block_kind(line, template, ctx).is_none();
    }
    false
}

/// The last line of the block whose title is at `title`, and the stray lines inside it: rows,
/// meta lines, notes and blank lines continue it; a stray line continues it too (debris of the
/// text layer: a line repeating the figures of the row above, or a lone page number), and is
/// part of it when it follows the block's last row; prose or another title ends it.
fn block_end(
    lines: &[Line<'_>],
    title: usize,
    template: &Template,
    ctx: &Ctx<'_>,
) -> (usize, Vec<usize>) {
    let mut last = title;
    let mut stray = Vec::new();
    let mut last_row: Option<&Line<'_>> = None;
    for (j, line) in lines.iter().enumerate().skip(title + 1) {
        if blank(line) {
            continue;
        }
        if block_kind(line, template, ctx).is_some() {
            break;
        }
        if line.tab || is_meta_line(line, ctx.vocab) || is_note_line(line, ctx.vocab) {
            last = j;
            if line.tab {
                last_row = Some(line);
            }
            continue;
        }
        if last_row.is_some_and(|row| is_debris(line, row)) {
            stray.push(j);
            last = j;
            continue;
        }
        // a total row printed as text (a page holding only that row, read without its grid)
        if last_row.is_some() && table::text_row(line, ctx.vocab).is_some() {
            last = j;
            continue;
        }
        break;
    }
    (last, stray)
}

/// Debris of a PDF's text layer inside a table: a line of figures and codes only, each of which
/// the row above prints (the row's cells that fell outside the table's detected box), or a lone
/// number of at most three digits (a page number).
fn is_debris(line: &Line<'_>, row: &Line<'_>) -> bool {
    let t = crate::text::trim(line.text);
    if t.is_empty() || t.len() > 400 {
        return false;
    }
    let figure = |w: &str| {
        w.bytes().any(|b| b.is_ascii_digit())
            && w.bytes()
                .all(|b| b.is_ascii_digit() || matches!(b, b',' | b'.' | b'-' | b'%'))
    };
    let mut words = t.split_whitespace();
    let first = words.next().unwrap_or("");
    if words.next().is_none() && first.len() <= 3 && first.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    t.split_whitespace()
        .all(|w| figure(w) && row.cells().iter().any(|c| crate::text::trim(c) == w))
}

/// The lines that belong to the narrative: everything after the table of contents that no block
/// covers.
fn narrative_lines(lines: &[Line<'_>], toc: Toc, blocks: &[Block]) -> Vec<usize> {
    let body_start = if toc.end > 0 { toc.end } else { 0 };
    let mut out = Vec::with_capacity(lines.len());
    let mut b = blocks.iter().peekable();
    let mut i = body_start;
    while i < lines.len() {
        if let Some(block) = b.peek() {
            if i >= block.title {
                i = block.end + 1;
                b.next();
                continue;
            }
        }
        out.push(i);
        i += 1;
    }
    out
}

/// Refuses text that stops in the middle of its last table.
fn check_truncation(
    lines: &[Line<'_>],
    blocks: &[Block],
    template: &Template,
    ctx: &Ctx<'_>,
) -> Result<()> {
    // The text ends with a table title: the table itself is missing.
    if let Some(line) = lines.iter().rev().find(|l| !blank(l)) {
        if let Some(BlockKind::Table(i)) = block_kind(line, template, ctx) {
            if blocks
                .last()
                .is_none_or(|b| b.title < line_index(lines, line.no))
            {
                return Err(Error::TruncatedTable {
                    table: template
                        .tables
                        .get(i)
                        .map_or_else(|| "?".to_owned(), |t| t.key.to_string()),
                    title: line.joined(""),
                    line: line.no,
                });
            }
        }
    }
    let Some(last) = blocks.last() else {
        return Ok(());
    };
    let rest_empty = lines.iter().skip(last.end + 1).all(blank);
    if !rest_empty {
        return Ok(());
    }
    let (key, spec_title) = match last.kind {
        BlockKind::Table(i) => template.tables.get(i).map_or(("?", ""), |t: &TableSpec| {
            (t.key.as_str(), t.titles.first().map_or("", String::as_str))
        }),
        BlockKind::Performance => ("performance", "绩效目标表"),
    };
    let title = lines
        .get(last.title)
        .map_or_else(|| spec_title.to_owned(), |l| l.joined(""));
    let rows: Vec<&Line<'_>> = lines
        .get(last.title + 1..=last.end)
        .unwrap_or(&[])
        .iter()
        .filter(|l| l.tab && !is_meta_line(l, ctx.vocab))
        .collect();
    let has_note = lines
        .get(last.title + 1..=last.end)
        .unwrap_or(&[])
        .iter()
        .any(|l| is_note_line(l, ctx.vocab));
    let width = |l: &Line<'_>| l.cells().len();
    let cut_line = lines.get(last.end).map_or(0, |l| l.no);
    let has_data = rows
        .iter()
        .any(|l| table::is_data_row(l.cells(), ctx.vocab));
    let widest = rows.iter().map(|l| width(l)).max().unwrap_or(0);
    let truncated = match rows.last() {
        None => !has_note,
        Some(final_row) => (!has_data && !has_note) || width(final_row) < widest,
    };
    if truncated {
        return Err(Error::TruncatedTable {
            table: key.to_owned(),
            title,
            line: cut_line,
        });
    }
    Ok(())
}

fn line_index(lines: &[Line<'_>], no: u32) -> usize {
    lines.iter().position(|l| l.no == no).unwrap_or(0)
}

/// Budget or final accounts, for a narrative on its own: from the first title-like line (short,
/// not a sentence) that names 决算 or 预算; 决算 wins on one line (决算 against the budget).
fn narrative_kind(lines: &[Line<'_>]) -> Option<DocKind> {
    lines
        .iter()
        .filter(|l| !l.tab && !l.text.trim_start().starts_with("# "))
        .take(20)
        .map(|l| l.text.trim())
        .filter(|t| t.chars().count() <= 40 && !t.contains(['。', '，', ',']))
        .find_map(|t| {
            if t.contains("决算") {
                Some(DocKind::FinalAccounts)
            } else if t.contains("预算") {
                Some(DocKind::Budget)
            } else {
                None
            }
        })
}

/// Document metadata from the cover, the org lines of the tables and the tables' units.
fn meta(
    lines: &[Line<'_>],
    toc: Toc,
    blocks: &[Block],
    template: &Template,
    doc: &Document,
    ctx: &Ctx<'_>,
) -> DocumentMeta {
    // The cover: the lines before the table of contents, or the first few lines.
    let cover_end = if toc.end > 0 {
        toc.start
    } else {
        blocks.first().map_or(lines.len(), |b| b.title).min(12)
    };
    let cover: Vec<&str> = lines
        .iter()
        .take(cover_end)
        .filter(|l| !l.tab)
        .map(|l| l.text.trim())
        .filter(|t| !t.is_empty() && !t.starts_with("# "))
        .take(6)
        .collect();
    let cover_text = cover.concat();
    let year = cover_year(&cover)
        .or_else(|| title_year(lines, blocks))
        .or_else(|| find_year(&without_notes(&cover_text)));
    let kind = if cover_text.contains("决算") {
        Some(DocKind::FinalAccounts)
    } else if cover_text.contains("预算") {
        Some(DocKind::Budget)
    } else {
        template.kind
    };
    let compact_cover = compact(&cover_text);
    let level = if ["单位预算", "单位决算", "预算单位"]
        .iter()
        .any(|w| compact_cover.contains(w))
    {
        Some(DocLevel::Unit)
    } else if ["部门预算", "部门决算", "预算主管部门"]
        .iter()
        .any(|w| compact_cover.contains(w))
    {
        Some(DocLevel::Department)
    } else {
        None
    };
    let unit = org_name(lines, ctx.vocab)
        .or_else(|| body_before_year(&cover_text))
        .or_else(|| {
            cover
                .iter()
                .find(|t| find_year(t).is_none() && !t.contains("预算") && !t.contains("决算"))
                .map(|t| (*t).to_owned())
        });
    // The unit most tables are stated in.
    let mut counts: Vec<(Unit, usize)> = Vec::new();
    for t in &doc.tables {
        if let Some(u) = t.unit {
            match counts.iter_mut().find(|(x, _)| *x == u) {
                Some((_, n)) => *n += 1,
                None => counts.push((u, 1)),
            }
        }
    }
    let amount_unit = counts.iter().max_by_key(|(_, n)| *n).map(|(u, _)| *u);
    DocumentMeta {
        unit,
        year,
        kind,
        level,
        amount_unit,
        template: template.name.clone(),
        template_tables: template.tables.iter().map(|t| t.key.clone()).collect(),
        title: cover.first().map(|t| (*t).to_owned()),
    }
}

/// Text without its bracketed notes (`（2022年修订）`, `（依据《…》编制）`) and book titles
/// (`《…》`): the years they name are not the budget year.
fn without_notes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '（' | '《' | '〔' | '[' | '【' => depth += 1,
            ')' | '）' | '》' | '〕' | ']' | '】' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The budget year of the cover: a year followed by 年度 or by 年 and the document's kind
/// (`2024年度`, `2024年部门预算`), outside bracketed notes; else a cover line that is only a
/// year (`2024`).
fn cover_year(cover: &[&str]) -> Option<u16> {
    let text = without_notes(&cover.concat());
    let compact = compact(&text);
    let mut first = None;
    let mut rest = compact.as_str();
    while let Some(y) = find_year(rest) {
        let pat = format!("{y}年");
        let Some(pos) = rest.find(&pat) else { break };
        let after = rest.get(pos + pat.len()..).unwrap_or("");
        let strong = after.starts_with('度')
            || ["部门", "单位", "区级", "市级", "县级", "预算", "决算"]
                .iter()
                .any(|w| after.starts_with(w));
        if strong {
            return Some(y);
        }
        first = first.or(Some(y));
        rest = after;
    }
    cover
        .iter()
        .find_map(|t| {
            let c = crate::text::compact(t);
            (c.len() == 4 && c.starts_with("20") && c.bytes().all(|b| b.is_ascii_digit()))
                .then(|| c.parse().ok())
                .flatten()
        })
        .or(first)
}

/// The year most table titles print (`2024年部门收入预算总表`).
fn title_year(lines: &[Line<'_>], blocks: &[Block]) -> Option<u16> {
    let mut counts: Vec<(u16, usize)> = Vec::new();
    for b in blocks {
        let Some(y) = lines.get(b.title).and_then(|l| find_year(&l.joined(""))) else {
            continue;
        };
        match counts.iter_mut().find(|(x, _)| *x == y) {
            Some((_, n)) => *n += 1,
            None => counts.push((y, 1)),
        }
    }
    counts.into_iter().max_by_key(|&(_, n)| n).map(|(y, _)| y)
}

/// The publishing body named by the cover title before its year (`上海市某某局2024年度部门预算`,
/// the title joined across its line breaks).
fn body_before_year(cover_text: &str) -> Option<String> {
    let text = compact(&without_notes(cover_text));
    let y = find_year(&text)?;
    let pos = text.find(&format!("{y}年"))?;
    let body = text.get(..pos)?.trim();
    // a body names itself with more than a place: at least four characters, not a kind word
    (body.chars().count() >= 4 && !body.contains("预算") && !body.contains("决算"))
        .then(|| body.to_owned())
}

/// The publishing body named on an org line (`部门(单位)：…`, `编制部门：… 单位：元`).
fn org_name(lines: &[Line<'_>], vocab: &Vocabulary) -> Option<String> {
    // (a labelled cell's first character, normalised, is the first of a prefix: told before
    // the line is searched)
    let may_be_labelled = |cell: &&str| {
        let first = crate::text::normalized_chars(cell).next();
        vocab
            .org_prefixes
            .iter()
            .any(|p| p.chars().next().is_none_or(|c| Some(c) == first))
    };
    for line in lines {
        if !line.pieces().iter().any(may_be_labelled) {
            continue;
        }
        if !line
            .pieces()
            .iter()
            .any(|t| has(t, "单位") || has(t, "部门"))
        {
            continue;
        }
        for cell in line.pieces() {
            // (normalise only a cell that starts with a label)
            if !vocab.org_prefixes.iter().any(|p| labelled_by(cell, p)) {
                continue;
            }
            let n = normalize_name(cell);
            for p in &vocab.org_prefixes {
                let Some(rest) = n.strip_prefix(p.as_str()) else {
                    continue;
                };
                let Some(name) = rest.strip_prefix(':') else {
                    continue;
                };
                // drop a trailing `单位:元` printed on the same line
                let name = vocab
                    .unit_prefixes
                    .iter()
                    .filter_map(|u| name.find(u.as_str()))
                    .min()
                    .and_then(|pos| name.get(..pos))
                    .unwrap_or(name);
                if !name.is_empty() {
                    return Some(name.to_owned());
                }
            }
        }
    }
    None
}

/// The notice that the input was decoded from `encoding`.
fn encoding_notice(encoding: &str) -> Notice {
    Notice::new(
        NoticeCode::EncodingDetected,
        format!("the input is not UTF-8; it was read as {encoding}"),
        0,
    )
}

/// The first line of every page after the first.
fn page_starts(lines: &[Line<'_>]) -> Vec<u32> {
    let mut out = Vec::new();
    let mut page = lines.first().map_or(1, |l| l.page);
    for l in lines {
        if l.page != page {
            page = l.page;
            out.push(l.no);
        }
    }
    out
}

/// Records a parser notice.
pub(crate) fn notice(notices: &mut Vec<Notice>, code: NoticeCode, message: String, line: u32) {
    notices.push(Notice::new(code, message, line));
}

impl Parser<'_> {
    /// Reads only the narrative of a text (every line that is not a table row becomes part of
    /// a section), for documents whose table template is not known: their claims can still be
    /// checked against each other.
    ///
    /// # Examples
    ///
    /// ```
    /// let doc = yusuan::Parser::new().parse_narrative("二、“三公”经费\n“三公”经费预算共10万元，比上年增加2万元，增长25%。\n").unwrap();
    /// assert_eq!(doc.sections.len(), 1);
    /// assert!(doc.tables.is_empty());
    /// ```
    pub fn parse_narrative(&self, text: &str) -> Result<Document> {
        self.check_text_input(text)?;
        self.read_narrative_grid(&crate::source::text::grid(text))
    }

    /// [`Parser::parse_narrative`] for bytes, decoded as [`Parser::parse_bytes`] decodes them.
    pub fn parse_narrative_bytes(&self, bytes: &[u8]) -> Result<Document> {
        self.check_size(bytes.len())?;
        let decoded = crate::source::text::decode(bytes)?;
        let mut doc = self.parse_narrative(&decoded.text)?;
        if let Some(enc) = decoded.encoding {
            doc.notices.insert(0, encoding_notice(enc));
        }
        Ok(doc)
    }

    /// [`Parser::parse_narrative`] for a [`Grid`] of any source.
    pub fn read_narrative_grid(&self, grid: &Grid<'_>) -> Result<Document> {
        let dense = lines::dense(grid);
        let (lines, vocab) = Self::read_lines(grid, &dense);
        if lines.iter().all(blank) {
            return Err(Error::EmptyInput);
        }
        let ctx = Ctx {
            vocab,
            catalog: self.catalog,
            pad_budget: std::cell::Cell::new(0),
        };
        let toc = find_toc(&lines);
        let prose: Vec<usize> = narrative_lines(&lines, toc, &[])
            .into_iter()
            .filter(|&i| lines.get(i).is_some_and(|l| !l.tab))
            .collect();
        let mut notices = grid.notices().to_vec();
        let sections = narrative::sections(&lines, &prose, &ctx, &mut notices);
        let mut doc = Document {
            line_count: lines.last().map_or(0, |l| l.no),
            sections,
            notices,
            ..Document::default()
        };
        doc.glossary = narrative::glossary(&doc.sections);
        // the year of the first title line (a web page may print a header block before it),
        // else the first year near the top
        doc.meta.year = lines
            .iter()
            .take(80)
            .filter(|l| !l.tab && crate::text::is_title_line(l.text))
            .find_map(|l| find_year(l.text))
            .or_else(|| lines.iter().take(12).find_map(|l| find_year(l.text)));
        doc.meta.kind = narrative_kind(&lines);
        crate::model::DocumentMeta::NARRATIVE_ONLY.clone_into(&mut doc.meta.template);
        doc.page_starts = page_starts(&lines);
        Ok(doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_in_brackets_is_a_meta_line_and_a_sentence_in_brackets_is_not() {
        let v = Vocabulary::builtin();
        assert!(is_meta_text("（2023年度）", v));
        assert!(is_meta_text("( 2025年 )", v));
        assert!(!is_meta_text("（2023年度部门预算公开说明）", v));
        assert!(!is_meta_text("（一）2023年度单位收支总体情况", v));
        assert!(is_meta_text("单位：万元", v));
        assert!(is_meta_text("编制单位：某某局", v));
        assert!(!is_meta_text("合计", v));
    }
}
