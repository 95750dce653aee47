//! The same document in the text forms common tools write: what the reader must read to the
//! same result as the tab-separated original.
//!
//! ```
//! use yusuan_synth::forms::{Form, render};
//! let text = "标题\n合计\t1.00\n\u{c}下一页\n";
//! assert_eq!(render(text, Form::Crlf), "标题\r\n合计\t1.00\r\n\u{c}下一页\r\n".as_bytes());
//! assert_eq!(render(text, Form::BareFormFeeds), "标题\n合计\t1.00\u{c}下一页\n".as_bytes());
//! ```

/// A text form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Form {
    /// The text as it is (tab-separated cells, LF, a form feed at the start of a page's first
    /// line).
    Original,
    /// CR LF line ends (Windows).
    Crlf,
    /// A lone CR ends each line (classic Mac OS).
    Cr,
    /// A UTF-8 byte-order mark before the text.
    Bom,
    /// Pages joined by a bare form feed, without a line end before it (`"\f".join(pages)`).
    BareFormFeeds,
    /// Table rows as columns aligned with spaces (`pdftotext -layout`): every run of table rows
    /// on one page padded to its columns' widths (East-Asian wide characters count two),
    /// figures right-aligned, text left-aligned, two spaces between columns, no trailing
    /// blanks.
    SpaceAligned,
    /// As [`Form::SpaceAligned`], every cell left-aligned (figures too), three spaces between
    /// columns.
    SpaceAlignedLeft,
    /// Tabs expanded to runs of four spaces (an editor's "tabs to spaces").
    ExpandedTabs,
    /// Trailing blanks (spaces, a no-break space, an ideographic space) after every line.
    TrailingBlanks,
    /// Encoded as GB18030.
    Gb18030,
}

impl Form {
    /// Every form, the original first.
    pub const ALL: [Form; 10] = [
        Form::Original,
        Form::Crlf,
        Form::Cr,
        Form::Bom,
        Form::BareFormFeeds,
        Form::SpaceAligned,
        Form::SpaceAlignedLeft,
        Form::ExpandedTabs,
        Form::TrailingBlanks,
        Form::Gb18030,
    ];

    /// A short name.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Form::Original => "original",
            Form::Crlf => "crlf",
            Form::Cr => "cr",
            Form::Bom => "bom",
            Form::BareFormFeeds => "bare_form_feeds",
            Form::SpaceAligned => "space_aligned",
            Form::SpaceAlignedLeft => "space_aligned_left",
            Form::ExpandedTabs => "expanded_tabs",
            Form::TrailingBlanks => "trailing_blanks",
            Form::Gb18030 => "gb18030",
        }
    }
}

/// `text` (tab-separated, LF) rewritten in `form`.
#[must_use]
pub fn render(text: &str, form: Form) -> Vec<u8> {
    match form {
        Form::Original => text.as_bytes().to_vec(),
        Form::Crlf => text.replace('\n', "\r\n").into_bytes(),
        Form::Cr => text.replace('\n', "\r").into_bytes(),
        Form::Bom => {
            let mut out = b"\xef\xbb\xbf".to_vec();
            out.extend_from_slice(text.as_bytes());
            out
        }
        Form::BareFormFeeds => text.replace("\n\u{c}", "\u{c}").into_bytes(),
        Form::SpaceAligned => space_aligned(text, true, 2).into_bytes(),
        Form::SpaceAlignedLeft => space_aligned(text, false, 3).into_bytes(),
        Form::ExpandedTabs => text.replace('\t', "    ").into_bytes(),
        Form::TrailingBlanks => {
            let blanks = ["  ", "\u{a0}", "\u{3000}", " "];
            let mut out = String::with_capacity(text.len() * 2);
            for (i, line) in text.split_inclusive('\n').enumerate() {
                let (body, end) = line.strip_suffix('\n').map_or((line, ""), |b| (b, "\n"));
                out.push_str(body);
                // a row keeps its cells: its blanks go inside its last cell, not after a tab
                let blank = blanks.get(i % blanks.len()).copied().unwrap_or(" ");
                let blank = if body.contains('\t') { "  " } else { blank };
                if !body.trim().is_empty() {
                    out.push_str(blank);
                }
                out.push_str(end);
            }
            out.into_bytes()
        }
        Form::Gb18030 => {
            let (bytes, _, _) = encoding_rs::GB18030.encode(text);
            bytes.into_owned()
        }
    }
}

/// Display width: two for East-Asian wide and full-width characters.
fn width(s: &str) -> usize {
    s.chars()
        .map(|c| {
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
                | '\u{FFE0}'..='\u{FFE6}');
            if wide { 2 } else { 1 }
        })
        .sum()
}

fn is_figure(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-' | '%'))
}

/// Every run of tab-separated lines as columns aligned with spaces.
fn space_aligned(text: &str, figures_right: bool, gap: usize) -> String {
    // a page break inside a line first becomes a line end before it (the same lines)
    let mut normal = String::with_capacity(text.len() + 64);
    let mut prev = '\n';
    for c in text.chars() {
        if c == '\u{c}' && prev != '\n' {
            normal.push('\n');
        }
        normal.push(c);
        prev = c;
    }
    let lines: Vec<&str> = normal.split('\n').collect();
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut i = 0usize;
    while i < lines.len() {
        let is_row = |l: &str| l.contains('\t');
        if !lines.get(i).is_some_and(|l| is_row(l)) {
            out.push(lines.get(i).map_or(String::new(), |l| (*l).to_owned()));
            i += 1;
            continue;
        }
        // a run of rows on one page (a layout tool places each page on its own)
        let start = i;
        i += 1;
        while lines
            .get(i)
            .is_some_and(|l| is_row(l) && !l.starts_with('\u{c}'))
        {
            i += 1;
        }
        let run: Vec<(String, Vec<&str>)> = lines
            .get(start..i)
            .unwrap_or(&[])
            .iter()
            .map(|l| {
                // a form feed before the row stays before it
                let feeds: String = l.chars().take_while(|&c| c == '\u{c}').collect();
                let body = l.get(feeds.len()..).unwrap_or("");
                (feeds, body.split('\t').map(str::trim).collect())
            })
            .collect();
        let columns = run.iter().map(|(_, c)| c.len()).max().unwrap_or(0);
        let widths: Vec<usize> = (0..columns)
            .map(|c| {
                run.iter()
                    .filter_map(|(_, cells)| cells.get(c))
                    .map(|s| width(s))
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        for (feeds, cells) in &run {
            let mut line = feeds.clone();
            for (c, w) in widths.iter().enumerate() {
                let cell = cells.get(c).copied().unwrap_or("");
                let pad = w.saturating_sub(width(cell));
                if c > 0 {
                    line.extend(std::iter::repeat_n(' ', gap));
                }
                if figures_right && is_figure(cell) {
                    line.extend(std::iter::repeat_n(' ', pad));
                    line.push_str(cell);
                } else {
                    line.push_str(cell);
                    line.extend(std::iter::repeat_n(' ', pad));
                }
            }
            out.push(line.trim_end_matches(' ').to_owned());
        }
    }
    out.join("\n")
}
