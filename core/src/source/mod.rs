//! Sources: what turns input into a [`Grid`], the one seam between reading bytes and reading a
//! disclosure.
//!
//! A [`Grid`] is what every source produces and what [`crate::Parser::read_grid`] reads: the
//! document's lines in reading order, each on a page, each either running text (one cell) or a
//! table row (cells with their column), every cell keeping where it came from (line and page,
//! and a bounding box where the source knows one). The text source ([`text`]) makes a grid from
//! text in every form common tools write (tab-separated or space-aligned columns, form feeds,
//! CRLF, a BOM, GB18030); a PDF reader, a spreadsheet reader or a user's own extractor can make
//! one just as well, and everything after it is the same code.
//!
//! Cells borrow their text from the input where they can: a grid of UTF-8 text allocates no
//! string per cell.
//!
//! # Examples
//!
//! A grid built by hand: a title, the unit line, a header row and two rows of a table.
//!
//! ```
//! use yusuan::source::Grid;
//!
//! let mut grid = Grid::new();
//! grid.push_text(1, "一般公共预算支出情况表");
//! grid.push_text(1, "单位：万元");
//! grid.push_row(1, ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]);
//! grid.push_row(1, ["", "合计", "10.00", "6.00", "4.00"]);
//! grid.push_row(1, ["201", "一般公共服务支出", "10.00", "6.00", "4.00"]);
//! assert_eq!(grid.lines().len(), 5);
//! let row = &grid.lines()[4];
//! assert!(row.is_row());
//! assert_eq!(grid.cells(row)[1].text, "一般公共服务支出");
//! assert_eq!(grid.cells(row)[1].column, 1);
//! ```

use std::borrow::Cow;
use std::ops::Range;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::model::{Notice, NoticeCode};

#[cfg(feature = "pdf")]
pub mod pdf;
pub mod text;

/// What a byte string is, as [`detect`] tells it from the bytes (never from a file name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// A PDF file: `%PDF-` within the first 1024 bytes (PDF readers accept a short preamble
    /// before the header, such as a byte-order mark, blank lines or a mail header).
    Pdf,
    /// Anything else, read as text.
    Text,
}

/// How far into the input the `%PDF-` header may start (the limit PDF readers use).
pub const PDF_HEADER_WINDOW: usize = 1024;

/// Tells a PDF from text by its bytes: `%PDF-` within the first [`PDF_HEADER_WINDOW`] bytes
/// makes a PDF; anything else is text.
///
/// # Examples
///
/// ```
/// use yusuan::source::{Format, detect};
/// assert_eq!(detect(b"%PDF-1.7\n..."), Format::Pdf);
/// assert_eq!(detect(b"\xEF\xBB\xBF\n %PDF-1.4"), Format::Pdf);
/// assert_eq!(detect("2025年部门预算".as_bytes()), Format::Text);
/// ```
#[must_use]
pub fn detect(bytes: &[u8]) -> Format {
    let head = bytes.get(..PDF_HEADER_WINDOW).unwrap_or(bytes);
    if head.windows(5).any(|w| w == b"%PDF-") {
        Format::Pdf
    } else {
        Format::Text
    }
}

/// A rectangle on a page, in PDF points (1/72 inch) from the page's top-left corner: `x0` and
/// `x1` from the left edge, `top` and `bottom` from the top edge (the convention of pdfplumber),
/// kept to 0.01 pt. JSON writes it as `[x0, top, x1, bottom]`.
///
/// # Examples
///
/// ```
/// use rust_decimal::Decimal;
/// use yusuan::source::BBox;
/// let b = BBox::new(Decimal::new(721, 1), Decimal::new(4105, 1), Decimal::new(130, 0), Decimal::new(422, 0));
/// assert_eq!(b.x0(), Decimal::new(7210, 2));
/// assert_eq!(serde_json::to_string(&b).unwrap(), "[72.1,410.5,130.0,422.0]");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct BBox {
    // hundredths of a point: a box is 16 bytes, so a cell with room for one stays small
    x0: i32,
    top: i32,
    x1: i32,
    bottom: i32,
}

/// Hundredths of a point, rounded (saturating far off the page).
fn hundredths(v: Decimal) -> i32 {
    use rust_decimal::prelude::ToPrimitive;
    (v * Decimal::ONE_HUNDRED).round().to_i64().map_or(
        if v.is_sign_negative() {
            i32::MIN
        } else {
            i32::MAX
        },
        |h| i32::try_from(h).unwrap_or(if h < 0 { i32::MIN } else { i32::MAX }),
    )
}

impl BBox {
    /// A box from its four edges, in points (kept to 0.01 pt).
    #[must_use]
    pub fn new(x0: Decimal, top: Decimal, x1: Decimal, bottom: Decimal) -> BBox {
        BBox {
            x0: hundredths(x0),
            top: hundredths(top),
            x1: hundredths(x1),
            bottom: hundredths(bottom),
        }
    }

    /// A box from its four edges in hundredths of a point.
    #[must_use]
    pub fn from_hundredths(x0: i32, top: i32, x1: i32, bottom: i32) -> BBox {
        BBox {
            x0,
            top,
            x1,
            bottom,
        }
    }

    /// Left edge, in points.
    #[must_use]
    pub fn x0(&self) -> Decimal {
        Decimal::new(i64::from(self.x0), 2)
    }

    /// Top edge, in points.
    #[must_use]
    pub fn top(&self) -> Decimal {
        Decimal::new(i64::from(self.top), 2)
    }

    /// Right edge, in points.
    #[must_use]
    pub fn x1(&self) -> Decimal {
        Decimal::new(i64::from(self.x1), 2)
    }

    /// Bottom edge, in points.
    #[must_use]
    pub fn bottom(&self) -> Decimal {
        Decimal::new(i64::from(self.bottom), 2)
    }

    /// The four edges in hundredths of a point: `[x0, top, x1, bottom]`.
    #[must_use]
    pub fn to_hundredths(&self) -> [i32; 4] {
        [self.x0, self.top, self.x1, self.bottom]
    }

    /// The smallest box holding both.
    #[must_use]
    pub fn union(self, other: BBox) -> BBox {
        BBox {
            x0: self.x0.min(other.x0),
            top: self.top.min(other.top),
            x1: self.x1.max(other.x1),
            bottom: self.bottom.max(other.bottom),
        }
    }
}

/// Coordinates are geometry, not money: JSON writes them as plain numbers (one decimal at
/// least), through `rust_decimal`'s float serialisation.
impl Serialize for BBox {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeTuple;
        struct Num(Decimal);
        impl Serialize for Num {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                rust_decimal::serde::float::serialize(&self.0, s)
            }
        }
        let mut t = s.serialize_tuple(4)?;
        for v in [self.x0(), self.top(), self.x1(), self.bottom()] {
            t.serialize_element(&Num(v.normalize()))?;
        }
        t.end()
    }
}

impl<'de> Deserialize<'de> for BBox {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<BBox, D::Error> {
        #[derive(Deserialize)]
        struct Num(#[serde(with = "rust_decimal::serde::float")] Decimal);
        let [x0, top, x1, bottom] = <[Num; 4]>::deserialize(d)?;
        Ok(BBox::new(x0.0, top.0, x1.0, bottom.0))
    }
}

/// One cell of a [`Grid`]: its text, the column it stands in, and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridCell<'a> {
    /// The text as printed (borrowed from the input where it can be).
    pub text: Cow<'a, str>,
    /// 0-based column of the table (for running text: 0).
    pub column: u16,
    /// Columns the cell spans (1 unless the source knows it is merged across more).
    pub span: u16,
    /// Where the cell is on its page, when the source knows.
    pub bbox: Option<BBox>,
}

impl<'a> GridCell<'a> {
    /// A cell in `column`, spanning one column, without a box.
    #[must_use]
    pub fn new(text: impl Into<Cow<'a, str>>, column: u16) -> GridCell<'a> {
        GridCell {
            text: text.into(),
            column,
            span: 1,
            bbox: None,
        }
    }

    /// The cell with a box.
    #[must_use]
    pub fn with_bbox(mut self, bbox: BBox) -> GridCell<'a> {
        self.bbox = Some(bbox);
        self
    }

    /// The cell spanning `span` columns.
    #[must_use]
    pub fn with_span(mut self, span: u16) -> GridCell<'a> {
        self.span = span.max(1);
        self
    }
}

/// What a line of a [`Grid`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    /// Running text: one cell.
    Text,
    /// A table row: cells in columns.
    Row,
}

/// One line of a [`Grid`]: a line of running text or a table row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridLine {
    /// 1-based line number (of the input text; for other sources, of the grid's text form).
    pub no: u32,
    /// 1-based page number.
    pub page: u32,
    /// Text or row.
    pub kind: LineKind,
    /// The line's box on its page, when the source knows.
    pub bbox: Option<BBox>,
    cells: Range<u32>,
}

impl GridLine {
    /// True for a table row.
    #[must_use]
    pub fn is_row(&self) -> bool {
        self.kind == LineKind::Row
    }

    /// Number of cells.
    #[must_use]
    pub fn cell_count(&self) -> usize {
        (self.cells.end - self.cells.start) as usize
    }

    /// Where the line's cells are among [`Grid::all_cells`].
    pub(crate) fn cell_range(&self) -> Range<usize> {
        self.cells.start as usize..self.cells.end as usize
    }
}

/// A document as lines of cells on pages: what every source produces and the reader reads.
///
/// Lines are pushed in reading order; [`Grid::push_text`] and [`Grid::push_row`] number them one
/// after the other, [`Grid::push_line`] takes the number from the source.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Grid<'a> {
    lines: Vec<GridLine>,
    cells: Vec<GridCell<'a>>,
    notices: Vec<Notice>,
    /// Some line is not plain (see [`Grid::is_plain`]): set by the push that adds it, never
    /// cleared (lines are only added), so it follows from the lines and cells alone.
    irregular: bool,
}

// (by hand: the cached `irregular` is no part of what a grid shows)
impl std::fmt::Debug for Grid<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Grid")
            .field("lines", &self.lines)
            .field("cells", &self.cells)
            .field("notices", &self.notices)
            .finish()
    }
}

impl<'a> Grid<'a> {
    /// An empty grid.
    #[must_use]
    pub fn new() -> Grid<'a> {
        Grid::default()
    }

    /// An empty grid with room for `lines` lines and `cells` cells.
    #[must_use]
    pub fn with_capacity(lines: usize, cells: usize) -> Grid<'a> {
        Grid {
            lines: Vec::with_capacity(lines),
            cells: Vec::with_capacity(cells),
            notices: Vec::new(),
            irregular: false,
        }
    }

    /// Whether every line is plain: a row's cells in columns 0, 1, 2, … spanning one column
    /// each, running text in one cell at most, and no cell with a box (what the text source
    /// makes of tab-separated text). The reader lays out such a grid as it is.
    pub(crate) fn is_plain(&self) -> bool {
        !self.irregular
    }

    /// Marks the grid irregular when a row of more cells than a `u16` column numbers was just
    /// pushed (its columns saturate).
    pub(crate) fn note_long_row(&mut self, cells: usize) {
        self.irregular |= cells > usize::from(u16::MAX) + 1;
    }

    fn next_no(&self) -> u32 {
        self.lines.last().map_or(1, |l| l.no.saturating_add(1))
    }

    /// Adds a line of running text on `page`, numbered after the last line.
    pub fn push_text(&mut self, page: u32, text: impl Into<Cow<'a, str>>) {
        let no = self.next_no();
        self.push_line(no, page, LineKind::Text, [GridCell::new(text, 0)]);
    }

    /// Adds a table row on `page`, numbered after the last line: one cell per item, in columns
    /// 0, 1, 2, …
    pub fn push_row<I, S>(&mut self, page: u32, cells: I)
    where
        I: IntoIterator<Item = S>,
        S: Into<Cow<'a, str>>,
    {
        let no = self.next_no();
        let start = self.cells.len();
        let mut column = 0u16;
        for text in cells {
            self.cells.push(GridCell::new(text, column));
            column = column.saturating_add(1);
        }
        self.finish_line(no, page, LineKind::Row, start);
    }

    /// Adds a row of tab-separated cells (the text source's common case, without a box).
    pub(crate) fn push_tab_row(&mut self, no: u32, page: u32, text: &'a str) {
        let start = self.cells.len();
        let mut column = 0u16;
        let mut from = 0usize;
        let cells = &mut self.cells;
        each_byte(text.as_bytes(), b'\t', |i| {
            // a tab is ASCII: both sides of it are character boundaries
            cells.push(GridCell {
                text: Cow::Borrowed(text.get(from..i).unwrap_or("")),
                column,
                span: 1,
                bbox: None,
            });
            column = column.saturating_add(1);
            from = i + 1;
        });
        self.cells.push(GridCell {
            text: Cow::Borrowed(text.get(from..).unwrap_or("")),
            column,
            span: 1,
            bbox: None,
        });
        self.note_long_row(self.cells.len() - start);
        self.lines.push(GridLine {
            no,
            page: page.max(1),
            kind: LineKind::Row,
            bbox: None,
            cells: index(start)..index(self.cells.len()),
        });
    }

    /// Adds a line of running text of one cell without a box, with its number and page.
    pub(crate) fn push_text_line(&mut self, no: u32, page: u32, text: &'a str) {
        let start = self.cells.len();
        self.cells.push(GridCell {
            text: Cow::Borrowed(text),
            column: 0,
            span: 1,
            bbox: None,
        });
        self.lines.push(GridLine {
            no,
            page: page.max(1),
            kind: LineKind::Text,
            bbox: None,
            cells: index(start)..index(start + 1),
        });
    }

    /// Adds a line with its number, page, kind and cells (a row's cells in column order).
    pub fn push_line<I>(&mut self, no: u32, page: u32, kind: LineKind, cells: I)
    where
        I: IntoIterator<Item = GridCell<'a>>,
    {
        let start = self.cells.len();
        self.cells.extend(cells);
        self.finish_line(no, page, kind, start);
    }

    fn finish_line(&mut self, no: u32, page: u32, kind: LineKind, start: usize) {
        let end = self.cells.len();
        let cells = self.cells.get(start..end).unwrap_or(&[]);
        let bbox = cells.iter().filter_map(|c| c.bbox).reduce(BBox::union);
        let plain = bbox.is_none()
            && match kind {
                LineKind::Row => cells
                    .iter()
                    .enumerate()
                    .all(|(i, c)| usize::from(c.column) == i && c.span <= 1),
                LineKind::Text => cells.len() <= 1,
            };
        self.irregular |= !plain;
        self.lines.push(GridLine {
            no,
            page: page.max(1),
            kind,
            bbox,
            cells: index(start)..index(end),
        });
    }

    /// Sets the box of the last line pushed (for sources that know a line's box but not its
    /// cells').
    pub fn set_last_bbox(&mut self, bbox: BBox) {
        if let Some(l) = self.lines.last_mut() {
            l.bbox = Some(bbox);
        }
    }

    /// The lines, in reading order.
    #[must_use]
    pub fn lines(&self) -> &[GridLine] {
        &self.lines
    }

    /// The cells of `line`.
    #[must_use]
    pub fn cells(&self, line: &GridLine) -> &[GridCell<'a>] {
        self.cells
            .get(line.cells.start as usize..line.cells.end as usize)
            .unwrap_or(&[])
    }

    /// Every cell of every line, in order (each line's cells are a range of these).
    pub(crate) fn all_cells(&self) -> &[GridCell<'a>] {
        &self.cells
    }

    /// Number of pages (the page of the last line).
    #[must_use]
    pub fn page_count(&self) -> u32 {
        self.lines.iter().map(|l| l.page).max().unwrap_or(0)
    }

    /// True when the grid has no line.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// What the source noticed (an encoding detected, …); the reader carries these into the
    /// document.
    #[must_use]
    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// Records a source notice.
    pub fn push_notice(&mut self, code: NoticeCode, message: impl Into<String>, line: u32) {
        self.notices.push(Notice::new(code, message, line));
    }

    /// The grid as text in the form the text source reads back to the same grid: rows as
    /// tab-separated cells (empty cells for the columns a row skips), running text as it is,
    /// pages separated by form feeds.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut grid = yusuan::source::Grid::new();
    /// grid.push_text(1, "标题");
    /// grid.push_row(2, ["合计", "1.00"]);
    /// assert_eq!(grid.to_text(), "标题\n\u{c}合计\t1.00\n");
    /// ```
    #[must_use]
    pub fn to_text(&self) -> String {
        let mut out = String::with_capacity(self.cells.iter().map(|c| c.text.len() + 1).sum());
        let mut page = self.lines.first().map_or(1, |l| l.page);
        for line in &self.lines {
            while page < line.page {
                out.push('\u{c}');
                page += 1;
            }
            let mut column = 0u16;
            for (i, cell) in self.cells(line).iter().enumerate() {
                if line.is_row() {
                    if i > 0 {
                        out.push('\t');
                        column = column.saturating_add(1);
                    }
                    while column < cell.column {
                        out.push('\t');
                        column += 1;
                    }
                    column = column.saturating_add(cell.span.saturating_sub(1));
                } else if i > 0 {
                    out.push(' ');
                }
                // a cell's own line breaks and tabs would change the shape
                if cell.text.contains(['\n', '\r', '\t', '\u{c}']) {
                    out.extend(cell.text.chars().map(|c| match c {
                        '\n' | '\r' | '\t' | '\u{c}' => ' ',
                        c => c,
                    }));
                } else {
                    out.push_str(&cell.text);
                }
            }
            out.push('\n');
        }
        out
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;
const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;

/// The high bit of every byte of `word` that equals the byte `pattern` repeats (exactly: no
/// false hit after a true one).
#[inline]
fn hits(word: u64, pattern: u64) -> u64 {
    let x = word ^ pattern;
    !((x & LOW7).wrapping_add(LOW7) | x | LOW7)
}

/// Calls `f` with the position of every `byte` (not NUL) in `bytes`, in order (lines and cells
/// are short: no searcher to set up).
#[inline]
pub(crate) fn each_byte(bytes: &[u8], byte: u8, mut f: impl FnMut(usize)) {
    // (the second byte never matches: its hits are never asked for)
    each_of_two(bytes, byte, byte, |i, _| f(i));
}

/// Calls `f` with the position of every `a` or `b` (neither NUL) in `bytes`, in order, and
/// whether it is an `a`: sixteen bytes tested at a time (one vector compare; in narrative most
/// hold neither), the bytes of those that hold one found eight at a time.
#[inline]
pub(crate) fn each_of_two(bytes: &[u8], a: u8, b: u8, mut f: impl FnMut(usize, bool)) {
    debug_assert!(a != 0 && b != 0, "the padding of the last word would match");
    let (pa, pb) = (ONES * u64::from(a), ONES * u64::from(b));
    let chunks = bytes.chunks_exact(16);
    // the last bytes, zero after them (zero is neither byte)
    let mut last = [0u8; 16];
    last.iter_mut()
        .zip(chunks.remainder())
        .for_each(|(l, &r)| *l = r);
    let mut offset = 0usize;
    for chunk in chunks.chain(std::iter::once(&last[..])) {
        // (a fold without an early exit, so that it compiles to a vector compare)
        if chunk
            .iter()
            .fold(0u8, |any, &c| any | u8::from(c == a) | u8::from(c == b))
            != 0
        {
            for (half, word) in chunk.chunks_exact(8).enumerate() {
                let word = <[u8; 8]>::try_from(word).map_or(0, u64::from_le_bytes);
                let ha = hits(word, pa);
                let mut m = ha | hits(word, pb);
                while m != 0 {
                    let bit = m & m.wrapping_neg();
                    f(
                        offset + 8 * half + (m.trailing_zeros() / 8) as usize,
                        ha & bit != 0,
                    );
                    m ^= bit;
                }
            }
        }
        offset += 16;
    }
}

/// The position of the first `byte` in `bytes`.
#[cfg(test)]
fn find_byte(bytes: &[u8], byte: u8) -> Option<usize> {
    let mut first = None;
    each_byte(bytes, byte, |i| {
        first = first.or(Some(i));
    });
    first
}

fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_are_found_where_they_stand() {
        let texts = [
            "",
            "\t",
            "a",
            "a\tb",
            "12345678\t",
            "1234567\t8",
            "一般公共服务支出\t10.00",
            "\t\t",
            "abcdefghijklmnopq",
            "abcdefghijklmnop\t",
            "\u{89}\u{8909}x\ty",
            "\t\u{8}\t\u{8}x\n\u{b}\n\u{b}",
        ];
        let all = |t: &[u8], b: u8| {
            let mut v = Vec::new();
            each_byte(t, b, |i| v.push(i));
            v
        };
        let naive = |t: &[u8], b: u8| -> Vec<usize> {
            t.iter()
                .enumerate()
                .filter(|&(_, &c)| c == b)
                .map(|(i, _)| i)
                .collect()
        };
        for t in texts {
            for b in [b'\t', b'\n'] {
                assert_eq!(all(t.as_bytes(), b), naive(t.as_bytes(), b), "{t:?}");
            }
            assert_eq!(
                find_byte(t.as_bytes(), b'\t'),
                t.bytes().position(|b| b == b'\t'),
                "{t:?}"
            );
        }
        for n in 0..40 {
            let mut t = "x".repeat(n);
            t.push_str("\t\t");
            assert_eq!(find_byte(t.as_bytes(), b'\t'), Some(n));
            assert_eq!(all(t.as_bytes(), b'\t'), vec![n, n + 1]);
        }
        // every byte value around a tab, every length
        for b in 0..=255u8 {
            for len in 0..20 {
                let mut bytes = vec![b; len];
                bytes.push(b'\t');
                bytes.push(b);
                bytes.extend(std::iter::repeat_n(b'\t', len % 3));
                assert_eq!(all(&bytes, b'\t'), naive(&bytes, b'\t'), "{b} {len}");
                assert_eq!(all(&bytes, b'\n'), naive(&bytes, b'\n'), "{b} {len}");
            }
        }
    }
}
