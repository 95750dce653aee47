//! The text source: a [`Grid`] from disclosure text, in every form common tools write.
//!
//! * Encodings: UTF-8 (the default, with or without a BOM); UTF-16 with a BOM; GB18030/GBK
//!   (detected when the bytes are not UTF-8 and decode to Chinese text), with a notice.
//! * Line ends: LF, CRLF and a lone CR.
//! * Pages: a form feed anywhere starts a page: at the start of a line (as pdftotext writes
//!   it), or inside a line (as `"\f".join(pages)` over pdfplumber's page texts writes it), where
//!   it also ends the line.
//! * Tables: rows as tab-separated cells (empty cells kept); or, in text without tabs, columns
//!   aligned with spaces (as `pdftotext -layout` writes them): each block of aligned lines is cut
//!   into columns at the gutters its lines leave blank, counting East-Asian wide characters as
//!   two columns and the ideographic space as a blank of two.
//! * Trailing blanks are dropped; no-break and ideographic spaces count as blanks.
//!
//! Cells borrow from the text: reading UTF-8 allocates no string per cell.

use std::borrow::Cow;

use super::{Grid, GridCell, GridLine, LineKind, each_of_two, index};
use crate::error::{Error, Result};
use crate::model::NoticeCode;

/// Text decoded from bytes, and the encoding it was decoded from when that was not UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<'a> {
    /// The text, without a byte-order mark.
    pub text: Cow<'a, str>,
    /// `Some("GB18030")`, `Some("UTF-16LE")`, … when the input was not UTF-8.
    pub encoding: Option<&'static str>,
}

/// Decodes disclosure bytes: UTF-8 (a BOM is dropped), UTF-16 with a BOM, or GB18030/GBK when the
/// bytes are not UTF-8 but decode without error to text that is mostly Chinese. Anything else is
/// [`Error::InvalidUtf8`] naming the first offending byte.
///
/// # Examples
///
/// ```
/// use yusuan::source::text::decode;
/// // "收入预算" in GB18030
/// let gbk = [0xca, 0xd5, 0xc8, 0xeb, 0xd4, 0xa4, 0xcb, 0xe3];
/// let d = decode(&gbk).unwrap();
/// assert_eq!((d.text.as_ref(), d.encoding), ("收入预算", Some("GB18030")));
/// assert_eq!(decode("\u{feff}预算".as_bytes()).unwrap().text, "预算");
/// assert_eq!(decode(b"\xff\x00\xfe").unwrap_err().code(), "invalid_utf8");
/// ```
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>> {
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        return utf8(rest, bytes.len() - rest.len());
    }
    for (bom, enc, name) in [
        (&b"\xff\xfe"[..], encoding_rs::UTF_16LE, "UTF-16LE"),
        (&b"\xfe\xff"[..], encoding_rs::UTF_16BE, "UTF-16BE"),
    ] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            if let Some(text) = enc.decode_without_bom_handling_and_without_replacement(rest) {
                return Ok(Decoded {
                    text: Cow::Owned(text.into_owned()),
                    encoding: Some(name),
                });
            }
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: Cow::Borrowed(text),
            encoding: None,
        }),
        Err(e) => {
            // (UTF-8 cut inside its last character is UTF-8, not another encoding)
            let gb = if e.error_len().is_some() && looks_like_gb(bytes) {
                encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes)
            } else {
                None
            };
            if let Some(text) = gb {
                if mostly_chinese(&text) {
                    return Ok(Decoded {
                        text: Cow::Owned(text.into_owned()),
                        encoding: Some("GB18030"),
                    });
                }
            }
            Err(Error::InvalidUtf8 {
                offset: e.valid_up_to(),
            })
        }
    }
}

fn utf8(rest: &[u8], skipped: usize) -> Result<Decoded<'_>> {
    std::str::from_utf8(rest)
        .map(|text| Decoded {
            text: Cow::Borrowed(text),
            encoding: None,
        })
        .map_err(|e| Error::InvalidUtf8 {
            offset: e.valid_up_to() + skipped,
        })
}

/// Whether bytes that are not UTF-8 look like GB2312/GBK text: no control characters but those
/// of text, not a PDF, and nine in ten of the double-byte characters in the GB2312 region
/// (where the common characters and punctuation are; random bytes spread over all of GBK).
fn looks_like_gb(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"%PDF-") {
        return false;
    }
    let (mut pairs, mut common) = (0usize, 0usize);
    let mut i = 0usize;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            if (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f {
                return false;
            }
            i += 1;
            continue;
        }
        let next = bytes.get(i + 1).copied().unwrap_or(0);
        pairs += 1;
        if (0xA1..=0xF7).contains(&b) && (0xA1..=0xFE).contains(&next) {
            common += 1;
        }
        // a four-byte GB18030 sequence has a digit second
        i += if next.is_ascii_digit() { 4 } else { 2 };
    }
    pairs >= 4 && common * 10 >= pairs * 9
}

/// Whether decoded text reads as Chinese: at least four in five of its non-ASCII characters
/// are CJK ideographs, CJK punctuation or full-width forms (random bytes decode to rare
/// characters and symbols far more often).
fn mostly_chinese(text: &str) -> bool {
    let (mut cjk, mut other) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_ascii()) {
        if matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}' | '\u{2018}'..='\u{201D}' | '\u{2026}')
        {
            cjk += 1;
        } else {
            other += 1;
        }
    }
    cjk > 0 && cjk >= other * 4
}

/// The grid of bytes: [`decode`]d, then read like [`grid`] (the grid owns the decoded text's
/// cells when it was not UTF-8), with an `encoding_detected` notice for another encoding.
///
/// # Examples
///
/// ```
/// let grid = yusuan::source::text::grid_of_bytes(b"\xef\xbb\xbfa\r\nb\tc\r\n").unwrap();
/// assert_eq!(grid.lines().len(), 2);
/// assert!(grid.notices().is_empty());
/// ```
pub fn grid_of_bytes(bytes: &[u8]) -> Result<Grid<'_>> {
    let decoded = decode(bytes)?;
    Ok(match decoded.text {
        Cow::Borrowed(text) => grid(text),
        Cow::Owned(text) => {
            let mut g = grid(&text).into_owned();
            if let Some(enc) = decoded.encoding {
                g.push_notice(
                    NoticeCode::EncodingDetected,
                    format!("the input is not UTF-8; it was read as {enc}"),
                    0,
                );
            }
            g
        }
    })
}

impl Grid<'_> {
    /// The grid with every cell's text owned (no borrow of the input left).
    #[must_use]
    pub fn into_owned(self) -> Grid<'static> {
        Grid {
            lines: self.lines,
            cells: self
                .cells
                .into_iter()
                .map(|c| GridCell {
                    text: Cow::Owned(c.text.into_owned()),
                    column: c.column,
                    span: c.span,
                    bbox: c.bbox,
                })
                .collect(),
            notices: self.notices,
            irregular: self.irregular,
        }
    }
}

/// One physical line of the input: its number, page and text (line end and form feeds
/// removed, a leading BOM dropped).
#[derive(Debug, Clone, Copy)]
struct RawLine<'a> {
    no: u32,
    page: u32,
    text: &'a str,
    /// The line holds a tab.
    tab: bool,
}

/// Splits text into lines: LF, CRLF and CR end a line; a form feed starts a page, and ends the
/// line when it stands inside one (a line break right after it is part of the same break).
fn raw_lines(text: &str) -> Vec<RawLine<'_>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::with_capacity(text.len() / 48 + 1);
    // The common case, line by line (a line end is found by `memchr`): a line without a CR or
    // a form feed is pushed as it is; one with them goes through the byte scanner.
    let mut page = 1u32;
    let mut after_newline = true;
    let mut rest = text;
    while !rest.is_empty() {
        let (line, next) = match rest.find('\n') {
            Some(i) => (rest.get(..i).unwrap_or(""), rest.get(i + 1..)),
            None => (rest, None),
        };
        // one pass, without an early exit so that it vectorises
        let (tab, special) = line.bytes().fold((0u8, 0u8), |(t, sp), b| {
            (
                t | u8::from(b == b'\t'),
                sp | u8::from(b == b'\r') | u8::from(b == 0x0c),
            )
        });
        let (tab, special) = (tab != 0, special != 0);
        if special {
            scan(
                line,
                &mut out,
                &mut page,
                &mut after_newline,
                next.is_some(),
            );
        } else {
            let no = next_no(&out);
            out.push(RawLine {
                no,
                page,
                text: line,
                tab,
            });
            after_newline = true;
        }
        match next {
            Some(n) => rest = n,
            None => break,
        }
    }
    out
}

fn next_no(out: &[RawLine<'_>]) -> u32 {
    out.last().map_or(1, |l| l.no.saturating_add(1))
}

/// The lines of one LF-terminated piece that holds a CR or a form feed (`ended`: a LF follows
/// it).
fn scan<'a>(
    piece: &'a str,
    out: &mut Vec<RawLine<'a>>,
    page: &mut u32,
    after_newline: &mut bool,
    ended: bool,
) {
    let bytes = piece.as_bytes();
    let mut line_page = *page;
    let mut start = 0usize;
    let mut i = 0usize;
    // a LF right after a form feed that ended a line is part of the same break
    let mut swallow_lf = false;
    let push = |out: &mut Vec<RawLine<'a>>, s: usize, e: usize, p: u32| {
        let text = piece.get(s..e).unwrap_or("");
        out.push(RawLine {
            no: next_no(out),
            page: p,
            text,
            tab: text.contains('\t'),
        });
    };
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\r' => {
                push(out, start, i, line_page);
                i += 1;
                start = i;
                line_page = *page;
                *after_newline = true;
                swallow_lf = false;
            }
            0x0c => {
                *page = page.saturating_add(1);
                i += 1;
                if i - 1 > start || !*after_newline {
                    // a form feed inside a line ends it (an empty one between two feeds: an
                    // empty page)
                    push(out, start, i - 1, line_page);
                    // a CR right after is part of the same break
                    if bytes.get(i) == Some(&b'\r') {
                        i += 1;
                    } else {
                        swallow_lf = i == bytes.len();
                    }
                    *after_newline = false;
                }
                start = i;
                line_page = *page;
            }
            _ => {
                i += 1;
                swallow_lf = false;
            }
        }
    }
    // the piece's own line end (a CR just before the LF ended its last line already)
    let cr_ended = piece.ends_with('\r');
    if start < bytes.len() || (ended && !swallow_lf && !cr_ended && !bytes.is_empty()) {
        if start < bytes.len() || !cr_ended {
            push(out, start, bytes.len(), line_page);
        }
        *after_newline = true;
    } else if !ended && start < bytes.len() {
        push(out, start, bytes.len(), line_page);
    }
}

/// Blank characters of the text forms: ASCII space, the no-break spaces and the ideographic
/// space.
fn is_blank(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{3000}' | '\u{2002}'..='\u{200a}'
    )
}

fn trim_blank_end(s: &str) -> &str {
    s.trim_end_matches(is_blank)
}

/// Display width of a character: two for East-Asian wide and full-width characters (and the
/// ideographic space), one otherwise.
fn width(c: char) -> usize {
    let wide = matches!(c,
        '\u{1100}'..='\u{115F}'
        | '\u{2E80}'..='\u{303E}'
        | '\u{3041}'..='\u{33FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{A000}'..='\u{A4CF}'
        | '\u{AC00}'..='\u{D7A3}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FF60}'
        | '\u{FFE0}'..='\u{FFE6}'
        | '\u{20000}'..='\u{3FFFD}');
    if wide { 2 } else { 1 }
}

/// The grid of `text` in any of the forms the module describes.
///
/// # Examples
///
/// ```
/// use yusuan::source::text::grid;
/// // tabs, a page break inside a line, CRLF
/// let g = grid("标题\r\n合计\t1.00\u{c}下一页\r\n");
/// assert_eq!(g.lines().len(), 3);
/// assert!(g.lines()[1].is_row());
/// assert_eq!((g.lines()[2].no, g.lines()[2].page), (3, 2));
/// // columns aligned with spaces
/// let g = grid("科目名称    合计   基本支出\n合计        10.00      6.00\n人大事务    10.00      6.00\n");
/// let row = &g.lines()[1];
/// assert!(row.is_row());
/// assert_eq!(g.cells(row).iter().map(|c| (c.column, c.text.as_ref())).collect::<Vec<_>>(),
///            vec![(0, "合计"), (1, "10.00"), (2, "6.00")]);
/// ```
#[must_use]
pub fn grid(text: &str) -> Grid<'_> {
    tab_grid(text).unwrap_or_else(|| lines_grid(text))
}

/// The grid of `text` from its lines collected first (any form).
fn lines_grid(text: &str) -> Grid<'_> {
    let raw = raw_lines(text);
    let tab_rows = raw.iter().filter(|l| l.tab).count();
    let mut grid = Grid::with_capacity(raw.len(), text.len() / 8 + 1);
    if tab_rows > 0 || raw.len() < 2 {
        for l in &raw {
            push_tab_line(&mut grid, l);
        }
    } else if let Some(stop) = tab_stop(&raw).filter(|&n| n >= 4) {
        // tabs expanded to spaces throughout: a line with such a run is a row; each run of
        // rows is padded to its widest
        let wide = " ".repeat(stop);
        let mut run: Vec<(&RawLine<'_>, Vec<GridCell<'_>>)> = Vec::new();
        for l in &raw {
            if l.text.contains(wide.as_str()) {
                run.push((l, tab_stop_cells(l, stop)));
                continue;
            }
            push_rows(&mut grid, std::mem::take(&mut run));
            push_tab_line(&mut grid, l);
        }
        push_rows(&mut grid, run);
    } else {
        aligned(&mut grid, &raw);
    }
    grid
}

fn push_tab_line<'a>(grid: &mut Grid<'a>, l: &RawLine<'a>) {
    if l.tab {
        grid.push_tab_row(l.no, l.page, l.text);
    } else {
        grid.push_text_line(l.no, l.page, trim_blank_end(l.text));
    }
}

/// The grid of the common text form, read in one pass without collecting the lines first: text
/// with a tab and without a CR or a form feed (lines end at LF only, all on page 1). `None` for
/// any other text.
fn tab_grid(text: &str) -> Option<Grid<'_>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // one pass, without an early exit so that it vectorises (bit 0: a tab; bit 1: a CR or a
    // form feed)
    let seen = text.bytes().fold(0u8, |a, b| {
        a | u8::from(b == b'\t') | (u8::from(matches!(b, b'\r' | 0x0c)) << 1)
    });
    if seen != 1 {
        return None;
    }
    let mut grid = Grid::with_capacity(text.len() / 32 + 1, text.len() / 8 + 1);
    // the line being read: where its current cell starts, and the tabs it had so far (its
    // cells in the grid: the last `tabs`)
    let mut from = 0usize;
    let mut tabs = 0usize;
    // every line end and tab, in order (both ASCII: both sides of one are character boundaries)
    each_of_two(text.as_bytes(), b'\n', b'\t', |i, newline| {
        let cell = text.get(from..i).unwrap_or("");
        from = i + 1;
        if newline {
            end_tab_line(&mut grid, cell, tabs);
            tabs = 0;
        } else {
            grid.cells.push(tab_cell(cell, tabs));
            tabs += 1;
        }
    });
    if from < text.len() || tabs > 0 {
        end_tab_line(&mut grid, text.get(from..).unwrap_or(""), tabs);
    }
    Some(grid)
}

/// The cell of a row of tab-separated cells after `tabs` tabs.
fn tab_cell(text: &str, tabs: usize) -> GridCell<'_> {
    GridCell {
        text: Cow::Borrowed(text),
        column: u16::try_from(tabs).unwrap_or(u16::MAX),
        span: 1,
        bbox: None,
    }
}

/// Ends a line of [`tab_grid`] (numbered after the last one, on page 1): `last` is its text after
/// its last tab, and its `tabs` first cells are the last in the grid.
fn end_tab_line<'a>(grid: &mut Grid<'a>, last: &'a str, tabs: usize) {
    let no = index(grid.lines.len() + 1);
    if tabs == 0 {
        grid.push_text_line(no, 1, trim_blank_end(last));
    } else {
        let row = grid.cells.len() - tabs;
        grid.cells.push(tab_cell(last, tabs));
        grid.note_long_row(tabs + 1);
        grid.lines.push(GridLine {
            no,
            page: 1,
            kind: LineKind::Row,
            bbox: None,
            cells: index(row)..index(grid.cells.len()),
        });
    }
}

/// A run of non-blank text in a line: byte range and display columns (end exclusive).
#[derive(Debug, Clone, Copy)]
struct Token {
    bytes: (usize, usize),
    cols: (usize, usize),
}

/// Cuts a line at runs of two or more blank columns (a single space stays inside a token, as in
/// `第一部分 概况`); with `single`, at every blank.
fn tokens(text: &str, single: bool) -> Vec<Token> {
    let mut out = Vec::new();
    let mut col = 0usize;
    let mut cur: Option<Token> = None;
    let mut blank_run = 0usize;
    let mut blank_start: Option<(usize, usize)> = None;
    for (i, c) in text.char_indices() {
        let w = width(c);
        if is_blank(c) {
            if blank_run == 0 {
                blank_start = Some((i, col));
            }
            blank_run += w;
            if let (Some(t), true) = (cur.as_mut(), blank_run >= 2 || single) {
                if let Some((bi, bc)) = blank_start {
                    t.bytes.1 = bi;
                    t.cols.1 = bc;
                }
                out.push(*t);
                cur = None;
            }
        } else {
            match cur.as_mut() {
                Some(t) => {
                    t.bytes.1 = i + c.len_utf8();
                    t.cols.1 = col + w;
                }
                None => {
                    cur = Some(Token {
                        bytes: (i, i + c.len_utf8()),
                        cols: (col, col + w),
                    });
                }
            }
            blank_run = 0;
        }
        col += w;
    }
    if let Some(t) = cur {
        out.push(t);
    }
    out
}

/// Whether a single-token line may be a row of the block around it: short, and not a
/// sentence (notes, titles and narrative have sentence punctuation or length).
fn short_cell(text: &str) -> bool {
    let t = text.trim_matches(is_blank);
    !t.is_empty()
        && t.chars().count() <= 24
        && !t.contains(['。', '；', '：', ':', '，'])
        && !t.ends_with('表')
}

/// Space-aligned text: lines with two or more tokens form blocks (with the blank lines and the
/// few short single-token lines between them); each block is cut into columns at the gutters
/// its rows leave blank, and grows over the short single-token lines next to it that stand in
/// one of its columns (a row whose other cells are empty) or are a short word at its left edge
/// (a lone 合计). A block whose figures do not line up in its columns is read as tabs expanded
/// to spaces when its blanks say so, and as text otherwise (with a notice). Every other line is
/// running text.
fn aligned<'a>(grid: &mut Grid<'a>, raw: &[RawLine<'a>]) {
    let toks: Vec<Vec<Token>> = raw.iter().map(|l| tokens(l.text, false)).collect();
    let cores = core_blocks(raw, &toks);
    let mut next_line = 0usize;
    let mut c = 0usize;
    while let Some(&(mut start, mut end)) = cores.get(c) {
        c += 1;
        // grow the block over the single-token lines after it (judged by the columns of the
        // core it has reached); reaching the next core joins it
        let mut core_columns = columns(raw, &toks, start, end);
        loop {
            let grown = grow_down(raw, &toks, end, &core_columns);
            match cores.get(c) {
                Some(&(s2, e2))
                    if grown + 1 >= s2
                        && raw.get(s2).map(|l| l.page) == raw.get(start).map(|l| l.page) =>
                {
                    end = e2;
                    c += 1;
                    core_columns = self::columns(raw, &toks, s2, e2);
                }
                _ => {
                    end = grown;
                    break;
                }
            }
        }
        let columns = self::columns(raw, &toks, start, end);
        // short indented single-token lines right above, on the same page: rows of the block
        // whose other cells are empty when they stand in one of its columns (the top of a
        // continuation page), header rows (a header centred over several columns) up to two
        let page = raw.get(start).map_or(0, |l| l.page);
        let mut above = 0usize;
        while start > next_line {
            let Some(l) = raw.get(start - 1).filter(|l| l.page == page) else {
                break;
            };
            let Some([one]) = toks.get(start - 1).map(Vec::as_slice) else {
                break;
            };
            let in_column = columns
                .iter()
                .any(|&(s, e)| one.cols.0 >= s && one.cols.0 < e);
            // (a short word at the left edge, right above: the first header row)
            let left_header = one.cols.0 == 0 && above == 0 && l.text.chars().count() <= 16;
            if !(short_cell(l.text)
                && ((one.cols.0 > 0 && (in_column || above < 2)) || left_header))
            {
                break;
            }
            start -= 1;
            above += 1;
        }
        for l in raw.get(next_line..start).unwrap_or(&[]) {
            push_tab_line(grid, l);
        }
        push_block(grid, raw, &toks, start, end, &columns);
        next_line = end + 1;
    }
    for l in raw.get(next_line..).unwrap_or(&[]) {
        push_tab_line(grid, l);
    }
}

/// The cores of the blocks: runs of lines with two or more tokens, over blank lines and up to two
/// short single-token lines between them; a run needs two such lines (a lone line with a wide
/// blank is text).
fn core_blocks(raw: &[RawLine<'_>], toks: &[Vec<Token>]) -> Vec<(usize, usize)> {
    let multi = |i: usize| toks.get(i).is_some_and(|t| t.len() >= 2);
    let mut out = Vec::new();
    let mut i = 0usize;
    while i < raw.len() {
        if !multi(i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        let mut count = 1usize;
        let mut j = i + 1;
        let mut singles = 0usize;
        let page = raw.get(i).map_or(0, |l| l.page);
        // (a block stays on its page: a layout tool places each page on its own)
        while let Some(l) = raw.get(j).filter(|l| l.page == page) {
            if multi(j) {
                end = j;
                count += 1;
                singles = 0;
            } else if l.text.trim_matches(is_blank).is_empty() {
                // blank lines (a row of empty cells) go on
            } else if short_cell(l.text) && (singles < 2 || l.text.starts_with(is_blank)) {
                // (indented short cells: rows of the block whose other cells are empty)
                singles += 1;
            } else {
                break;
            }
            j += 1;
        }
        if count >= 2 {
            out.push((start, end));
        }
        i = end + 1;
    }
    out
}

/// The last line of a block grown over the lines after `end`: lines with two or more tokens
/// (rows the core left out), a short cell that lies in one of the block's columns (indented),
/// or a short word at its left edge (two wide characters, or four right after the line above:
/// a lone 合计), with blank lines between.
fn grow_down(
    raw: &[RawLine<'_>],
    toks: &[Vec<Token>],
    end: usize,
    columns: &[(usize, usize)],
) -> usize {
    let mut last = end;
    let mut j = end + 1;
    let page = raw.get(end).map_or(0, |l| l.page);
    while let (Some(l), Some(t)) = (raw.get(j), toks.get(j)) {
        if l.page != page {
            break;
        }
        if t.is_empty() {
            j += 1;
            continue;
        }
        let adjacent = j == last + 1;
        let ok = match t.as_slice() {
            [one] => {
                let in_column = one.cols.0 > 0
                    && columns
                        .iter()
                        .any(|&(s, e)| one.cols.0 >= s && one.cols.0 < e);
                let width = one.cols.1 - one.cols.0;
                let word = l
                    .text
                    .get(one.bytes.0..one.bytes.1)
                    .is_some_and(|w| !is_figure(w));
                let left_word = one.cols.0 == 0 && word && (width <= 4 || (width <= 8 && adjacent));
                short_cell(l.text) && (in_column || left_word)
            }
            _ => true,
        };
        if !ok {
            break;
        }
        last = j;
        j += 1;
    }
    last
}

/// Pushes the lines `start..=end` of a block: as aligned rows when its figures line up, as tabs
/// expanded to spaces when its blanks say so, as text (with a notice) otherwise.
fn push_block<'a>(
    grid: &mut Grid<'a>,
    raw: &[RawLine<'a>],
    toks: &[Vec<Token>],
    start: usize,
    end: usize,
    columns: &[(usize, usize)],
) {
    let lines = raw.get(start..=end).unwrap_or(&[]);
    let line_toks = toks.get(start..=end).unwrap_or(&[]);
    let placed: Vec<(Vec<GridCell<'a>>, bool)> = lines
        .iter()
        .zip(line_toks)
        .map(|(l, t)| place_aligned_line(l, t, columns))
        .collect();
    if is_aligned(&placed, line_toks, columns) {
        push_rows(
            grid,
            lines
                .iter()
                .zip(placed.into_iter().map(|(c, _)| c))
                .collect(),
        );
    } else if let Some(stop) = tab_stop(lines) {
        push_rows(
            grid,
            lines.iter().map(|l| (l, tab_stop_cells(l, stop))).collect(),
        );
    } else {
        for l in lines {
            push_tab_line(grid, l);
        }
        if let (Some(first), Some(last)) = (lines.first(), lines.last()) {
            grid.push_notice(
                NoticeCode::CellUnplaced,
                format!(
                    "lines {}–{} look like a table with columns of spaces, but their cells do not line up in columns; they are read as text",
                    first.no, last.no
                ),
                first.no,
            );
        }
    }
}

/// Whether a block's lines are really aligned in its columns: no figure spans two columns or
/// shares one with another token, and the figures of each column share their right edge, left
/// edge or centre (as right-, left- or centre-aligned columns do).
fn is_aligned(
    placed: &[(Vec<GridCell<'_>>, bool)],
    toks: &[Vec<Token>],
    columns: &[(usize, usize)],
) -> bool {
    if placed.iter().any(|(_, uncertain)| *uncertain) {
        return false;
    }
    let mut edges: Vec<Vec<(usize, usize)>> = vec![Vec::new(); columns.len()];
    for (line_toks, (cells, _)) in toks.iter().zip(placed) {
        for (t, c) in line_toks.iter().zip(cells) {
            if is_figure(&c.text) {
                if let Some(e) = edges.get_mut(usize::from(c.column)) {
                    e.push(t.cols);
                }
            }
        }
    }
    edges.iter().all(|e| {
        let same = |f: &dyn Fn(&(usize, usize)) -> usize, slack: usize| {
            let (lo, hi) = e
                .iter()
                .map(f)
                .fold((usize::MAX, 0), |(lo, hi), v| (lo.min(v), hi.max(v)));
            e.len() < 2 || hi - lo <= slack
        };
        same(&|t| t.1, 0) || same(&|t| t.0, 0) || same(&|t| t.0 + t.1, 2)
    })
}

/// A printed figure: digits with separators, a sign or a dash.
fn is_figure(t: &str) -> bool {
    let t = t.trim();
    !t.is_empty()
        && t.chars().any(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-' | '+' | '%' | '(' | ')'))
}

/// Tabs expanded to runs of spaces of a fixed width (`expand`, an editor's "tabs to spaces"):
/// the width, when every run of two or more blanks in the lines is a multiple of it.
fn tab_stop(lines: &[RawLine<'_>]) -> Option<usize> {
    let mut runs: Vec<usize> = Vec::new();
    for l in lines {
        let mut run = 0usize;
        for c in l.text.trim_end_matches(is_blank).chars() {
            if c == ' ' {
                run += 1;
            } else {
                if run >= 2 {
                    runs.push(run);
                }
                run = 0;
            }
        }
        if run >= 2 {
            runs.push(run);
        }
    }
    if runs.len() < 3 {
        return None;
    }
    let smallest = runs.iter().copied().min()?;
    (2..=smallest)
        .rev()
        .find(|&n| runs.iter().all(|r| r % n == 0))
        .filter(|&n| runs.iter().any(|&r| r > n) || n >= 4)
}

/// The cells of a line whose tabs were expanded to `stop` spaces: each run of k·stop spaces is
/// a tab followed by k − 1 empty cells (a trailing run too; other trailing blanks are dropped).
fn tab_stop_cells<'a>(l: &RawLine<'a>, stop: usize) -> Vec<GridCell<'a>> {
    let trimmed = l.text.trim_end_matches(is_blank);
    let trailing = l.text.len() - trimmed.len();
    let text = if trailing >= stop && trailing % stop == 0 && l.text.ends_with(' ') {
        l.text
    } else {
        trimmed
    };
    let mut cells: Vec<GridCell<'a>> = Vec::new();
    let mut column = 0usize;
    let mut cell_start = 0usize;
    let mut run_start: Option<usize> = None;
    let bytes = text.as_bytes();
    let mut i = 0usize;
    while i <= bytes.len() {
        let b = bytes.get(i).copied();
        if b == Some(b' ') {
            run_start.get_or_insert(i);
            i += 1;
            continue;
        }
        if let Some(rs) = run_start.take() {
            let run = i - rs;
            if run >= stop {
                if rs > cell_start {
                    let c = text.get(cell_start..rs).unwrap_or("");
                    cells.push(GridCell::new(c, u16::try_from(column).unwrap_or(u16::MAX)));
                }
                column += run / stop;
                cell_start = i;
            }
        }
        if b.is_none() {
            break;
        }
        i += 1;
    }
    // (a trailing run leaves an empty last cell)
    let c = text.get(cell_start..).unwrap_or("");
    if cell_start < text.len() || column > 0 {
        cells.push(GridCell::new(c, u16::try_from(column).unwrap_or(u16::MAX)));
    }
    cells
}

/// Pushes rows, each padded with an empty cell up to `width` columns (a source that drops
/// trailing empty cells would make a table's last row look cut).
fn push_rows<'a>(grid: &mut Grid<'a>, rows: Vec<(&RawLine<'a>, Vec<GridCell<'a>>)>) {
    let width = rows
        .iter()
        .filter_map(|(_, c)| c.last())
        .map(|c| usize::from(c.column) + usize::from(c.span.max(1)))
        .max()
        .unwrap_or(0);
    for (l, mut cells) in rows {
        let end = cells
            .last()
            .map_or(0, |c| usize::from(c.column) + usize::from(c.span.max(1)));
        if end < width && !cells.is_empty() {
            cells.push(GridCell::new(
                "",
                u16::try_from(width - 1).unwrap_or(u16::MAX),
            ));
        }
        grid.push_line(l.no, l.page, LineKind::Row, cells);
    }
}

/// The columns of a block, as display-column ranges: runs of columns that some token of a
/// multi-token line covers, split again where one line has two tokens in one run (a header
/// cell centred over several columns fills the gutters between them).
fn columns(
    raw: &[RawLine<'_>],
    toks: &[Vec<Token>],
    start: usize,
    end: usize,
) -> Vec<(usize, usize)> {
    let with_text: Vec<(&Vec<Token>, &str)> = toks
        .get(start..=end)
        .unwrap_or(&[])
        .iter()
        .zip(raw.get(start..=end).unwrap_or(&[]))
        .filter(|(t, _)| t.len() >= 2)
        .map(|(t, l)| (t, l.text))
        .collect();
    let rows: Vec<&Vec<Token>> = with_text.iter().map(|(t, _)| *t).collect();
    let widest = rows
        .iter()
        .flat_map(|t| t.iter().map(|k| k.cols.1))
        .max()
        .unwrap_or(0);
    let mut coverage = vec![0u32; widest + 1];
    for t in &rows {
        for k in *t {
            for c in coverage.iter_mut().take(k.cols.1).skip(k.cols.0) {
                *c += 1;
            }
        }
    }
    // runs of covered columns
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut run: Option<usize> = None;
    for (x, &c) in coverage.iter().enumerate() {
        match (run, c > 0) {
            (None, true) => run = Some(x),
            (Some(s), false) => {
                runs.push((s, x));
                run = None;
            }
            _ => {}
        }
    }
    if let Some(s) = run {
        runs.push((s, coverage.len()));
    }
    // Split a run where one line puts two tokens in it, in the least covered gutter between
    // them (a header centred over several columns covers the gutters between them). One pass
    // over the lines: every pair of neighbouring tokens of a line in one run cuts it.
    let run_of = |x: usize| -> Option<usize> {
        let i = runs.partition_point(|&(_, e)| e <= x);
        runs.get(i).filter(|&&(s, _)| s <= x).map(|_| i)
    };
    let mut cuts: Vec<(usize, usize)> = Vec::new(); // (run, x)
    for t in &rows {
        for w in t.windows(2) {
            let (Some(a), Some(b)) = (w.first(), w.get(1)) else {
                continue;
            };
            let Some(r) = run_of(a.cols.0) else { continue };
            if run_of(b.cols.0) != Some(r) || b.cols.0 <= a.cols.1 {
                continue;
            }
            if let Some(x) =
                (a.cols.1..b.cols.0).min_by_key(|&x| coverage.get(x).copied().unwrap_or(0))
            {
                cuts.push((r, x));
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(runs.len() + cuts.len());
    let mut c = 0usize;
    for (r, &(s, e)) in runs.iter().enumerate() {
        let mut from = s;
        while let Some(&(cr, x)) = cuts.get(c) {
            if cr != r {
                break;
            }
            c += 1;
            if x <= from || x >= e {
                continue;
            }
            // the gutter: the columns around x as little covered as x
            let low = coverage.get(x).copied().unwrap_or(0);
            let mut g0 = x;
            while g0 > from && coverage.get(g0 - 1).copied().unwrap_or(0) == low {
                g0 -= 1;
            }
            let mut g1 = x;
            while g1 < e && coverage.get(g1).copied().unwrap_or(0) == low {
                g1 += 1;
            }
            if g0 > from {
                out.push((from, g0));
            }
            from = g1.max(g0 + 1);
        }
        if from < e {
            out.push((from, e));
        }
    }
    join_figure_runs(&out, &with_text)
}

/// Joins a run of columns that only figures cover to the run on its left when no line has a
/// token in both: a figure right-aligned in a wide column (its header left-aligned, or a wide
/// cell above) leaves a gutter inside that one column.
fn join_figure_runs(runs: &[(usize, usize)], rows: &[(&Vec<Token>, &str)]) -> Vec<(usize, usize)> {
    let run_of = |t: &Token| -> Option<usize> {
        let i = runs.partition_point(|&(_, e)| e <= t.cols.0);
        runs.get(i)
            .filter(|&&(s, e)| s <= t.cols.0 && t.cols.1 <= e)
            .map(|_| i)
    };
    // per run: tokens in it, all figures; the highest run holding the token before one of its
    // tokens on a line (a line with tokens in both)
    let mut any = vec![false; runs.len()];
    let mut figures_only = vec![true; runs.len()];
    let mut partner: Vec<Option<usize>> = vec![None; runs.len()];
    for (toks, text) in rows {
        let mut prev: Option<usize> = None;
        for t in *toks {
            let Some(r) = run_of(t) else {
                prev = None;
                continue;
            };
            if let (Some(a), Some(f)) = (any.get_mut(r), figures_only.get_mut(r)) {
                *a = true;
                *f &= is_figure(text.get(t.bytes.0..t.bytes.1).unwrap_or(""));
            }
            if let (Some(p), Some(slot)) = (prev.filter(|&p| p < r), partner.get_mut(r)) {
                *slot = Some(slot.map_or(p, |q| q.max(p)));
            }
            prev = Some(r);
        }
    }
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(runs.len());
    // the first original run of the last column out
    let mut left_from = 0usize;
    for (r, &run) in runs.iter().enumerate() {
        let join = !out.is_empty()
            && any.get(r).copied().unwrap_or(false)
            && figures_only.get(r).copied().unwrap_or(false)
            && partner
                .get(r)
                .copied()
                .flatten()
                .is_none_or(|p| p < left_from);
        match out.last_mut() {
            Some(last) if join => last.1 = run.1,
            _ => {
                out.push(run);
                left_from = r;
            }
        }
    }
    out
}

/// The cells of one line of a space-aligned block: every token in the column(s) it overlaps
/// (a token over several columns spans them; one that overlaps none is placed by its start),
/// and whether a figure had to be joined with another token or spans columns (the block is then
/// not really aligned).
fn place_aligned_line<'a>(
    l: &RawLine<'a>,
    toks: &[Token],
    columns: &[(usize, usize)],
) -> (Vec<GridCell<'a>>, bool) {
    let mut uncertain = false;
    if toks.is_empty() {
        return (Vec::new(), false);
    }
    // (columns are sorted and apart: the first one that ends after the token's start, on)
    let overlaps = |t: &Token| -> Vec<usize> {
        let first = columns.partition_point(|&(_, e)| e <= t.cols.0);
        (first..columns.len())
            .take_while(|&i| columns.get(i).is_some_and(|&(s, _)| s < t.cols.1))
            .collect()
    };
    let mut cells: Vec<GridCell<'a>> = Vec::with_capacity(toks.len());
    let mut last_col: Option<usize> = None;
    for t in toks {
        let over = overlaps(t);
        let text = l.text.get(t.bytes.0..t.bytes.1).unwrap_or("");
        // a token over several columns may be tight cells separated by single blanks
        if over.len() > 1 {
            let subs = tokens(text, true);
            let placed: Option<Vec<(usize, &str)>> = subs
                .iter()
                .map(|s| {
                    let cols = (t.cols.0 + s.cols.0, t.cols.0 + s.cols.1);
                    let first = columns.partition_point(|&(_, e)| e <= cols.0);
                    let hit: Vec<usize> = (first..columns.len())
                        .take_while(|&i| columns.get(i).is_some_and(|&(a, _)| a < cols.1))
                        .collect();
                    match hit.as_slice() {
                        [one] => Some((*one, text.get(s.bytes.0..s.bytes.1).unwrap_or(""))),
                        _ => None,
                    }
                })
                .collect();
            if let Some(placed) = placed {
                let distinct = placed.windows(2).all(|w| match w {
                    [a, b] => a.0 < b.0,
                    _ => true,
                });
                if distinct && placed.len() > 1 {
                    for (col, s) in placed {
                        if last_col.is_some_and(|c| col <= c) {
                            continue;
                        }
                        cells.push(GridCell::new(s, u16::try_from(col).unwrap_or(u16::MAX)));
                        last_col = Some(col);
                    }
                    continue;
                }
            }
        }
        let col = over.first().copied().unwrap_or_else(|| {
            columns
                .partition_point(|&(s, _)| s <= t.cols.0)
                .saturating_sub(1)
        });
        if last_col.is_some_and(|c| col <= c) {
            // two tokens in one column: keep them together in the cell of the first
            uncertain |= is_figure(text);
            if let Some(prev) = cells.last_mut() {
                uncertain |= is_figure(&prev.text);
                let joined = format!("{} {}", prev.text, text);
                prev.text = Cow::Owned(joined);
            }
            continue;
        }
        let span = u16::try_from(over.len().max(1)).unwrap_or(1);
        uncertain |= span > 1 && is_figure(text);
        cells.push(GridCell::new(text, u16::try_from(col).unwrap_or(u16::MAX)).with_span(span));
        last_col = Some(col + usize::from(span) - 1);
    }
    (cells, uncertain)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    type Shape = Vec<(u32, u32, bool, Vec<(u16, String)>)>;

    fn shape(g: &Grid<'_>) -> Shape {
        g.lines()
            .iter()
            .map(|l| {
                (
                    l.no,
                    l.page,
                    l.is_row(),
                    g.cells(l)
                        .iter()
                        .map(|c| (c.column, c.text.to_string()))
                        .collect(),
                )
            })
            .collect()
    }

    #[test]
    fn line_ends_and_form_feeds() {
        let lf = grid("a\n\u{c}b\tc\n\nd\n");
        let crlf = grid("a\r\n\u{c}b\tc\r\n\r\nd\r\n");
        let cr = grid("a\r\u{c}b\tc\r\rd\r");
        let bare = grid("a\u{c}b\tc\n\nd\n");
        assert_eq!(shape(&lf), shape(&crlf));
        assert_eq!(shape(&lf), shape(&cr));
        assert_eq!(shape(&lf), shape(&bare));
        assert_eq!(lf.lines()[1].page, 2);
        assert_eq!(lf.lines().len(), 4);
        // a feed before a line break; two feeds in a row hold an empty page, like a feed on a
        // line of its own
        let g = grid("a\u{c}\nb\u{c}\u{c}c\n");
        assert_eq!(
            shape(&g)
                .iter()
                .map(|l| (l.1, l.3[0].1.clone()))
                .collect::<Vec<_>>(),
            vec![
                (1, "a".into()),
                (2, "b".into()),
                (3, String::new()),
                (4, "c".into())
            ]
        );
        assert_eq!(shape(&g), shape(&grid("a\n\u{c}b\n\u{c}\n\u{c}c\n")));
    }

    /// The line splitting by a plain byte scan, as specified: the fast path must agree with it.
    fn reference_lines(text: &str) -> Vec<(u32, u32, String)> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let b = text.as_bytes();
        let (mut out, mut page, mut line_page, mut start, mut i) = (Vec::new(), 1u32, 1u32, 0, 0);
        let mut after_newline = true;
        let push = |out: &mut Vec<(u32, u32, String)>, s: usize, e: usize, p: u32| {
            let no = u32::try_from(out.len() + 1).unwrap();
            out.push((no, p, text[s..e].to_owned()));
        };
        while i < b.len() {
            match b[i] {
                b'\n' | b'\r' => {
                    push(&mut out, start, i, line_page);
                    i += if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                        2
                    } else {
                        1
                    };
                    start = i;
                    line_page = page;
                    after_newline = true;
                }
                0x0c => {
                    page += 1;
                    i += 1;
                    if i - 1 > start || !after_newline {
                        push(&mut out, start, i - 1, line_page);
                        match (b.get(i), b.get(i + 1)) {
                            (Some(b'\r'), Some(b'\n')) => i += 2,
                            (Some(b'\n' | b'\r'), _) => i += 1,
                            _ => {}
                        }
                        after_newline = false;
                    }
                    start = i;
                    line_page = page;
                }
                _ => i += 1,
            }
        }
        if start < b.len() {
            push(&mut out, start, b.len(), line_page);
        }
        out
    }

    #[test]
    fn fast_line_splitting_agrees_with_the_byte_scan() {
        let alphabet = ["a", "\t", "\n", "\r", "\u{c}", "表"];
        let mut state = 7u64;
        for _ in 0..20_000 {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            let len = (state >> 59) as usize;
            let mut text = String::new();
            let mut s = state;
            for _ in 0..len {
                s = s
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                text.push_str(alphabet[(s >> 61) as usize % alphabet.len()]);
            }
            let got: Vec<(u32, u32, String)> = raw_lines(&text)
                .into_iter()
                .map(|l| (l.no, l.page, l.text.to_owned()))
                .collect();
            assert_eq!(got, reference_lines(&text), "{text:?}");
        }
    }

    #[test]
    fn the_one_pass_tab_form_agrees_with_the_lines() {
        let alphabet = [
            "a", "\t", "\n", " ", "\u{3000}", "表", "\u{feff}", "12345678",
        ];
        let mut state = 11u64;
        for _ in 0..20_000 {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            let len = (state >> 58) as usize;
            let mut text = String::new();
            let mut s = state;
            for _ in 0..len {
                s = s
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                text.push_str(alphabet[(s >> 61) as usize % alphabet.len()]);
            }
            let fast = tab_grid(&text);
            let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
            assert_eq!(fast.is_some(), body.contains('\t'), "{text:?}");
            if let Some(fast) = fast {
                assert_eq!(fast, lines_grid(&text), "{text:?}");
            }
        }
        assert!(tab_grid("a\tb\r\n").is_none());
        assert!(tab_grid("a\tb\u{c}c\n").is_none());
    }

    #[test]
    fn bom_and_trailing_blanks() {
        let g = grid("\u{feff}标题  \u{3000}\n");
        assert_eq!(g.cells(&g.lines()[0])[0].text, "标题");
    }

    #[test]
    fn encodings() {
        let text = "2024年部门预算\n收入预算1,234.56万元。\n";
        let (gb, _, _) = encoding_rs::GB18030.encode(text);
        let d = decode(&gb).unwrap();
        assert_eq!(d.text, text);
        assert_eq!(d.encoding, Some("GB18030"));
        let g = grid_of_bytes(&gb).unwrap();
        assert_eq!(g.notices()[0].code, NoticeCode::EncodingDetected);
        let mut utf16 = vec![0xff, 0xfe];
        utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&utf16).unwrap().text, text);
        // bytes that are neither
        assert_eq!(
            decode(b"ok\n\xff\xfe\xfd\xfc").unwrap_err().code(),
            "invalid_utf8"
        );
        assert_eq!(
            decode(b"\xef\xbb\xbfok\xff").unwrap_err(),
            Error::InvalidUtf8 { offset: 5 }
        );
    }

    #[test]
    fn aligned_columns_with_wide_characters_and_empty_cells() {
        let text = concat!(
            "一般公共预算支出情况表\n",
            "科目编码  科目名称          合计   基本支出  项目支出\n",
            "          合计              10.00      6.00      4.00\n",
            "201       一般公共服务支出  10.00      6.00\n",
            "20101     人大事务           4.00                4.00\n",
            "注：本表为示例。\n",
        );
        let g = grid(text);
        let s = shape(&g);
        assert!(!s[0].2, "the title is text");
        assert_eq!(
            s[1].3,
            vec![
                (0, "科目编码".into()),
                (1, "科目名称".into()),
                (2, "合计".into()),
                (3, "基本支出".into()),
                (4, "项目支出".into())
            ]
        );
        assert_eq!(
            s[3].3,
            vec![
                (0, "201".into()),
                (1, "一般公共服务支出".into()),
                (2, "10.00".into()),
                (3, "6.00".into()),
                (4, String::new())
            ]
        );
        assert_eq!(
            s[4].3,
            vec![
                (0, "20101".into()),
                (1, "人大事务".into()),
                (2, "4.00".into()),
                (4, "4.00".into())
            ]
        );
        assert!(!s[5].2, "the note is text");
    }

    #[test]
    fn a_centred_header_spans_its_columns() {
        let text = concat!(
            "                  一般公共预算支出\n",
            "科目名称      合计    基本支出  项目支出\n",
            "合计         10.00       6.00      4.00\n",
        );
        let g = grid(text);
        let s = shape(&g);
        assert_eq!(s[0].3, vec![(2, "一般公共预算支出".into())]);
        assert_eq!(g.cells(&g.lines()[0])[0].span, 2);
    }
}
