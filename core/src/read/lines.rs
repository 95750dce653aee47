//! Lines and pages of the input text.

use crate::error::{Error, Result};

/// One source line.
#[derive(Debug, Clone)]
pub(crate) struct Line<'a> {
    /// 1-based line number, as an editor counts them.
    pub no: u32,
    /// 1-based page number (pages are separated by form feeds).
    #[allow(dead_code)]
    pub page: u32,
    /// The text without form feeds and carriage returns.
    pub text: &'a str,
    /// Whether the line holds a tab: a table row.
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
    /// The tab-separated cells of the line.
    pub(crate) fn cells(&self) -> Vec<&'a str> {
        tab_cells(self.text).collect()
    }
}

/// The tab-separated cells of `text` (as `str::split('\t')`, faster on the short cells of
/// tables: a byte scan instead of a `memchr` call per cell).
pub(crate) fn tab_cells(text: &str) -> TabCells<'_> {
    TabCells { rest: Some(text) }
}

/// Iterator of [`tab_cells`].
pub(crate) struct TabCells<'a> {
    rest: Option<&'a str>,
}

impl<'a> Iterator for TabCells<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = self.rest?;
        // a tab is ASCII: both sides of it are character boundaries
        if let Some(i) = rest.bytes().position(|b| b == b'\t') {
            self.rest = rest.get(i + 1..);
            rest.get(..i)
        } else {
            self.rest = None;
            Some(rest)
        }
    }
}

/// Splits text into lines, taking form feeds as page breaks. Leading `# ` provenance lines (as in
/// the corpus files) are kept as lines: they match nothing and keep line numbers true.
pub(crate) fn split(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::with_capacity(text.len() / 40 + 1);
    let mut page = 1u32;
    for (i, raw) in text.split('\n').enumerate() {
        let mut t = raw.strip_suffix('\r').unwrap_or(raw);
        while let Some(rest) = t.strip_prefix('\u{c}') {
            page = page.saturating_add(1);
            t = rest;
        }
        // One pass for tabs and form feeds, without an early exit so that it vectorises.
        let (tab, feed) = t.bytes().fold((0u8, 0u8), |(tab, feed), b| {
            (tab | u8::from(b == b'\t'), feed | u8::from(b == 0x0c))
        });
        let (tab, feed) = (tab != 0, feed != 0);
        // A form feed inside or at the end of a line also starts a page; keep the text around it.
        if feed {
            page = page.saturating_add(u32::try_from(t.matches('\u{c}').count()).unwrap_or(0));
        }
        out.push(Line {
            no: u32::try_from(i + 1).unwrap_or(u32::MAX),
            page,
            text: t,
            tab,
            title_key: title_candidate(t, tab),
            meta: false,
            note: false,
        });
    }
    // A final newline does not start a line.
    if out.last().is_some_and(|l| l.text.is_empty()) && text.ends_with('\n') {
        out.pop();
    }
    out
}

/// The title a line would be, normalised for matching; `None` for lines that cannot be titles:
/// every table title ends in `表` (trailing empty cells aside), and a title fills a line (or a row's only cell) of at most 150
/// bytes.
fn title_candidate(text: &str, tab: bool) -> Option<String> {
    if text.len() > 600 || !text.trim_end().ends_with('表') {
        return None;
    }
    let text = if tab {
        let mut cells = tab_cells(text).map(str::trim).filter(|c| !c.is_empty());
        let first = cells.next()?;
        if cells.next().is_some() {
            return None;
        }
        first
    } else {
        text.trim()
    };
    if text.is_empty() || text.len() > 150 {
        return None;
    }
    Some(crate::template::title_key(text))
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

    #[test]
    fn pages_and_numbers() {
        let lines = split("a\n\u{c}b\tc\r\n\nd\n");
        assert_eq!(lines.len(), 4);
        assert_eq!(lines[1].text, "b\tc");
        assert_eq!(lines[1].page, 2);
        assert!(lines[1].tab);
        assert_eq!(lines[3].no, 4);
    }

    #[test]
    fn tab_cells_split_like_str_split() {
        for text in [
            "",
            "a",
            "\t",
            "a\t",
            "\ta",
            "a\t\tb",
            "合计\t7,713.47\t\t",
            "\t\t\t",
        ] {
            let want: Vec<&str> = text.split('\t').collect();
            assert_eq!(tab_cells(text).collect::<Vec<_>>(), want, "{text:?}");
        }
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
