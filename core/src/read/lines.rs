//! The reader's view of a [`Grid`]: one [`Line`] per grid line, a row's cells laid out densely
//! by column (a merged cell at its first column, the columns it spans empty), every cell's box
//! beside it.

use crate::error::{Error, Result};
use crate::source::{BBox, Grid};

/// One line of the document as the reader sees it.
#[derive(Debug, Clone)]
pub(crate) struct Line<'a> {
    /// 1-based line number (of the source text; for other sources, of the grid's text form).
    pub no: u32,
    /// 1-based page number.
    pub page: u32,
    /// Running text: the line's text. A row: empty (its text is in `cells`).
    pub text: &'a str,
    /// A row's cells, one per column (`""` for a column it does not print); empty for text.
    pub cells: &'a [&'a str],
    /// The boxes of `cells`, when the source gave any (otherwise empty).
    pub boxes: &'a [Option<BBox>],
    /// Whether the line is a table row.
    pub tab: bool,
    /// The line normalised for title matching, for lines that could be a title (short, ending
    /// in `表`).
    pub title_key: Option<String>,
    /// A line naming the publishing body, the unit or the year of a table (set by the parser).
    pub meta: bool,
    /// A table note (`注：…`) (set by the parser).
    pub note: bool,
}

impl<'a> Line<'a> {
    /// The row's cells (empty for running text).
    pub(crate) fn cells(&self) -> &'a [&'a str] {
        self.cells
    }

    /// The printed pieces of the line: a row's cells, or the text of running text.
    pub(crate) fn pieces(&self) -> &[&'a str] {
        if self.tab {
            self.cells
        } else {
            std::slice::from_ref(&self.text)
        }
    }

    /// Nothing printed: blank text, or a row of empty cells.
    pub(crate) fn is_blank(&self) -> bool {
        if self.tab {
            self.cells.iter().all(|c| crate::text::trim(c).is_empty())
        } else {
            crate::text::trim(self.text).is_empty()
        }
    }

    /// The line's printed pieces joined with `sep`, trimmed (a title printed as a table row).
    pub(crate) fn joined(&self, sep: &str) -> String {
        if !self.tab {
            return crate::text::trim(self.text).to_owned();
        }
        let parts: Vec<&str> = self
            .cells
            .iter()
            .map(|c| crate::text::trim(c))
            .filter(|c| !c.is_empty())
            .collect();
        parts.join(sep)
    }
}

/// The dense cells of every row of a grid, the joined text of running-text lines printed as
/// several cells, and the boxes: built once, then borrowed by the [`Line`]s.
pub(crate) struct Dense<'a> {
    cells: Vec<&'a str>,
    boxes: Vec<Option<BBox>>,
    /// Per grid line: the range of its cells in `cells` (a row), or the joined text (running
    /// text of several cells).
    spans: Vec<(u32, u32)>,
    joined: Vec<(usize, String)>,
    /// The grid is plain ([`Grid::is_plain`]): `cells` holds the text of every cell of the grid,
    /// a line's where the grid has them (no `spans`, nothing joined).
    plain: bool,
}

/// Lays out the cells of every row of `grid` by column.
pub(crate) fn dense<'a>(grid: &'a Grid<'_>) -> Dense<'a> {
    if grid.is_plain() {
        // every row laid out as it is (one cell per column, in order, none merged, no boxes):
        // the cells of the grid as they are, running text's too
        return Dense {
            cells: grid.all_cells().iter().map(|c| c.text.as_ref()).collect(),
            boxes: Vec::new(),
            spans: Vec::new(),
            joined: Vec::new(),
            plain: true,
        };
    }
    let total: usize = grid.all_cells().len();
    let any_box = grid.all_cells().iter().any(|c| c.bbox.is_some());
    let mut out = Dense {
        cells: Vec::with_capacity(total + total / 4),
        boxes: Vec::new(),
        spans: Vec::with_capacity(grid.lines().len()),
        joined: Vec::new(),
        plain: false,
    };
    for (i, line) in grid.lines().iter().enumerate() {
        let cells = grid.cells(line);
        let start = out.cells.len();
        if line.is_row()
            && !any_box
            && cells
                .iter()
                .enumerate()
                .all(|(i, c)| usize::from(c.column) == i && c.span <= 1)
        {
            // the common row (every row of the text source): one cell per column, in order,
            // none merged, no boxes; laid out as it is
            out.cells.extend(cells.iter().map(|c| c.text.as_ref()));
        } else if line.is_row() {
            // a dense row: columns in order (a source may skip empty ones)
            let mut next = 0usize;
            for c in cells {
                let col = usize::from(c.column);
                if col < next {
                    // a position a merged cell covers, given as an empty cell: already laid out
                    if c.text.is_empty() {
                        continue;
                    }
                    // out of order or overlapping: keep the cell after the last one
                    out.cells.push(c.text.as_ref());
                    if any_box {
                        out.boxes.push(c.bbox);
                    }
                    next += 1;
                    continue;
                }
                // (a wildly large column index is capped by the reader's column limit)
                let pad = (col - next).min(super::table::MAX_COLUMNS + 1);
                out.cells.extend(std::iter::repeat_n("", pad));
                if any_box {
                    out.boxes.extend(std::iter::repeat_n(None, pad));
                }
                out.cells.push(c.text.as_ref());
                if any_box {
                    out.boxes.push(c.bbox);
                }
                let span = usize::from(c.span.max(1)) - 1;
                let span = span.min(super::table::MAX_COLUMNS + 1);
                out.cells.extend(std::iter::repeat_n("", span));
                if any_box {
                    out.boxes.extend(std::iter::repeat_n(None, span));
                }
                next = col + 1 + span;
            }
        } else if cells.len() > 1 {
            let text: Vec<&str> = cells.iter().map(|c| c.text.as_ref()).collect();
            out.joined.push((i, text.join(" ")));
        }
        out.spans.push((index(start), index(out.cells.len())));
    }
    out
}

fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// The reader's lines of `grid`, borrowing the dense cells.
pub(crate) fn lines<'a>(grid: &'a Grid<'_>, dense: &'a Dense<'a>) -> Vec<Line<'a>> {
    let mut joined = dense.joined.iter().peekable();
    let mut out = Vec::with_capacity(grid.lines().len());
    for (i, gl) in grid.lines().iter().enumerate() {
        let (s, e) = if dense.plain {
            let r = gl.cell_range();
            (r.start, r.end)
        } else {
            dense
                .spans
                .get(i)
                .map_or((0, 0), |&(s, e)| (s as usize, e as usize))
        };
        let tab = gl.is_row();
        let cells = if tab {
            dense.cells.get(s..e).unwrap_or(&[])
        } else {
            &[]
        };
        let boxes = if tab {
            dense.boxes.get(s..e).unwrap_or(&[])
        } else {
            &[]
        };
        let text: &str = if tab {
            ""
        } else if joined.peek().is_some_and(|(j, _)| *j == i) {
            joined.next().map_or("", |(_, t)| t.as_str())
        } else {
            grid.cells(gl).first().map_or("", |c| c.text.as_ref())
        };
        out.push(Line {
            no: gl.no,
            page: gl.page,
            text,
            cells,
            boxes,
            tab,
            title_key: title_candidate(text, cells, tab),
            meta: false,
            note: false,
        });
    }
    out
}

/// The title a line would be, normalised for matching; `None` for lines that cannot be titles:
/// every table title ends in `表` (trailing empty cells aside), and a title fills a line (or a
/// row's only cell) of at most 150 bytes.
fn title_candidate(text: &str, cells: &[&str], tab: bool) -> Option<String> {
    let text = if tab {
        // (most rows print two cells that start with a character that is not a blank: no
        // trimming needed to tell)
        if cells.iter().filter(|c| surely_printed(c)).nth(1).is_some() {
            return None;
        }
        let mut printed = cells
            .iter()
            .map(|c| crate::text::trim(c))
            .filter(|c| !c.is_empty());
        let first = printed.next()?;
        if printed.next().is_some() {
            return None;
        }
        first
    } else {
        crate::text::trim(text)
    };
    if text.is_empty() || text.len() > 150 || !text.ends_with('表') {
        return None;
    }
    Some(crate::template::title_key(text))
}

/// Whether `cell` prints something however it is trimmed: it starts with an ASCII graphic
/// character or a character in U+4000–U+FFFF (none of them whitespace).
fn surely_printed(cell: &str) -> bool {
    cell.as_bytes()
        .first()
        .is_some_and(|&b| matches!(b, 0x21..=0x7e | 0xe4..=0xef))
}

/// Refuses binary data: a NUL byte, or more control characters than text of this kind has.
pub(crate) fn check_text(text: &str) -> Result<()> {
    let bad = |b: u8| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f;
    // One branch-free pass (vectorised) for the common case of clean text.
    if !text.bytes().fold(false, |acc, b| acc | bad(b)) {
        return Ok(());
    }
    let mut first: Option<(usize, u8)> = None;
    let mut count = 0usize;
    for (i, b) in text.bytes().enumerate() {
        if bad(b) {
            count += 1;
            if first.is_none() {
                first = Some((i, b));
            }
            if b == 0 {
                first = Some((i, b));
                count = usize::MAX;
                break;
            }
        }
    }
    let limit = (text.len() / 1000).max(8);
    match first {
        Some((offset, byte)) if count > limit => {
            let line = text
                .as_bytes()
                .get(..offset)
                .map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count());
            Err(Error::NotText {
                line: u32::try_from(line + 1).unwrap_or(u32::MAX),
                byte,
            })
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::source::{GridCell, LineKind};

    #[test]
    fn pages_and_numbers() {
        let grid = crate::source::text::grid("a\n\u{c}b\tc\r\n\nd\n");
        let d = dense(&grid);
        let lines = lines(&grid, &d);
        assert_eq!(lines.len(), 4);
        assert_eq!(lines[1].cells(), ["b", "c"]);
        assert_eq!(lines[1].page, 2);
        assert!(lines[1].tab);
        assert_eq!(lines[3].no, 4);
    }

    fn lines_of<'a>(grid: &'a Grid<'_>, d: &'a Dense<'a>) -> Vec<&'a str> {
        lines(grid, d)[0].cells().to_vec()
    }

    #[test]
    fn rows_are_dense_by_column() {
        let mut grid = Grid::new();
        grid.push_line(
            1,
            1,
            LineKind::Row,
            [
                GridCell::new("合计", 0).with_span(3),
                GridCell::new("1.00", 4),
            ],
        );
        let d = dense(&grid);
        let lines = lines(&grid, &d);
        assert_eq!(lines[0].cells(), ["合计", "", "", "", "1.00"]);
        // a source that also gives the positions a merged cell covers, as empty cells
        let mut grid = Grid::new();
        grid.push_line(
            1,
            1,
            LineKind::Row,
            [
                GridCell::new("合计", 0).with_span(3),
                GridCell::new("", 1),
                GridCell::new("", 2),
                GridCell::new("1.00", 3),
            ],
        );
        let d = dense(&grid);
        assert_eq!(lines_of(&grid, &d), ["合计", "", "", "1.00"]);
    }

    #[test]
    fn no_blank_is_surely_printed() {
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            if c.is_whitespace() {
                assert!(!surely_printed(&c.to_string()), "{c:?}");
            }
        }
        assert!(surely_printed("表"));
        assert!(!surely_printed(""));
    }

    #[test]
    fn binary_is_refused() {
        assert!(check_text("ok\ttext\n").is_ok());
        let err = check_text("line\nzero\u{0}byte").unwrap_err();
        assert_eq!(err.line(), Some(2));
        let junk: String = (0u8..32)
            .map(|b| char::from(b | 1))
            .cycle()
            .take(200)
            .collect();
        assert_eq!(check_text(&junk).unwrap_err().code(), "not_text");
    }
}
