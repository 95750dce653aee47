//! The text source: a [`Grid`] from disclosure text.
//!
//! Reads the forms common tools write: table rows as tab-separated cells; pages separated by
//! form feeds.

use std::borrow::Cow;

use super::{Grid, GridCell, LineKind};

/// The grid of `text`: one line per input line, a line with a tab is a table row (its
/// tab-separated cells in columns 0, 1, …), any other line running text; a form feed starts a
/// page.
///
/// # Examples
///
/// ```
/// let grid = yusuan::source::text::grid("标题\n合计\t1.00\n\u{c}下一页\n");
/// assert_eq!(grid.lines().len(), 3);
/// assert!(grid.lines()[1].is_row());
/// assert_eq!(grid.lines()[2].page, 2);
/// ```
#[must_use]
pub fn grid(text: &str) -> Grid<'_> {
    let mut grid = Grid::with_capacity(text.len() / 40 + 1, text.len() / 8 + 1);
    let mut page = 1u32;
    let mut no = 0u32;
    let ends_with_newline = text.ends_with('\n');
    let mut raw_lines = text.split('\n').peekable();
    while let Some(raw) = raw_lines.next() {
        if raw_lines.peek().is_none() && ends_with_newline && raw.is_empty() {
            break;
        }
        no = no.saturating_add(1);
        let mut t = raw.strip_suffix('\r').unwrap_or(raw);
        while let Some(rest) = t.strip_prefix('\u{c}') {
            page = page.saturating_add(1);
            t = rest;
        }
        let line_page = page;
        if t.contains('\u{c}') {
            page = page.saturating_add(u32::try_from(t.matches('\u{c}').count()).unwrap_or(0));
        }
        if t.contains('\t') {
            let cells = t.split('\t').enumerate().map(|(i, c)| {
                GridCell::new(Cow::Borrowed(c), u16::try_from(i).unwrap_or(u16::MAX))
            });
            grid.push_line(no, line_page, LineKind::Row, cells);
        } else {
            grid.push_line(no, line_page, LineKind::Text, [GridCell::new(t, 0)]);
        }
    }
    grid
}
