//! Disclosure text rendered as a PDF, so that the PDF source can be tested on documents whose
//! every figure is known, without any PDF from outside the project.
//!
//! The text is read as the text source reads it ([`yusuan::source::text::grid`]); each run of
//! table rows becomes a table ruled on every row and column boundary (as the standard tables of
//! disclosures are printed), each other line a line of text; a page of the text starts a page of
//! the PDF (a page that runs over starts another, a table continuing on it). Wide tables get a
//! smaller font.
//!
//! The font is a CID font named but not embedded (`/Identity-H`, CIDs are Unicode code points,
//! widths in `/W`, a `/ToUnicode` map): what a reader needs to extract the text is all in the
//! file, and no font file is needed to write it. Content streams are stored uncompressed, or
//! deflated with [`Options::compress`].
//!
//! ```
//! let doc = yusuan_synth::generate(7);
//! let pdf = yusuan_synth::pdf::render(&doc.text);
//! assert!(pdf.starts_with(b"%PDF-1.7"));
//! ```

// Page geometry is in points, as PDF has it; no amount passes through a float here.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use yusuan::source::{Grid, LineKind};

const PAGE_W: f64 = 595.0;
const PAGE_H: f64 = 842.0;
const MARGIN: f64 = 40.0;
const TEXT_SIZE: f64 = 10.5;
const LINE_STEP: f64 = 18.0;
const TABLE_SIZE: f64 = 8.0;
const CELL_PAD: f64 = 3.0;

/// Rendering options.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    /// Deflate the content streams (`/FlateDecode`), as most producers do.
    pub compress: bool,
}

/// The PDF of disclosure text, with the default [`Options`].
#[must_use]
pub fn render(text: &str) -> Vec<u8> {
    render_with(text, Options::default())
}

/// The PDF of disclosure text.
#[must_use]
pub fn render_with(text: &str, options: Options) -> Vec<u8> {
    let grid = yusuan::source::text::grid(text);
    let mut layout = Layout::default();
    layout.run(&grid);
    layout.finish_page();
    write_pdf(&layout.pages, &layout.cids, options)
}

/// Advance of a character in thousandths of the font size.
fn advance(c: char) -> u32 {
    if u32::from(c) >= 0x2E80 || matches!(c, '“' | '”' | '‘' | '’' | '—' | '…' | '·') {
        1000
    } else {
        500
    }
}

fn width(text: &str, size: f64) -> f64 {
    f64::from(text.chars().map(advance).sum::<u32>()) * size / 1000.0
}

#[derive(Default)]
struct Layout {
    pages: Vec<String>,
    content: String,
    /// Top of the next line, from the page's top.
    y: f64,
    started: bool,
    cids: BTreeSet<u32>,
}

impl Layout {
    fn run(&mut self, grid: &Grid<'_>) {
        let lines = grid.lines();
        let mut i = 0;
        let mut page = 0;
        while let Some(line) = lines.get(i) {
            if !self.started || line.page != page {
                if self.started {
                    self.finish_page();
                }
                self.start_page();
                page = line.page;
            }
            if line.kind == LineKind::Row {
                let mut j = i;
                while lines
                    .get(j)
                    .is_some_and(|l| l.kind == LineKind::Row && l.page == page)
                {
                    j += 1;
                }
                let rows: Vec<Vec<String>> = lines
                    .get(i..j)
                    .unwrap_or(&[])
                    .iter()
                    .map(|l| grid.cells(l).iter().map(|c| c.text.to_string()).collect())
                    .collect();
                self.table(&rows);
                i = j;
            } else {
                let text = grid
                    .cells(line)
                    .first()
                    .map(|c| c.text.to_string())
                    .unwrap_or_default();
                self.text_line(&text);
                i += 1;
            }
        }
    }

    fn start_page(&mut self) {
        self.content.clear();
        self.y = MARGIN;
        self.started = true;
    }

    fn finish_page(&mut self) {
        if self.started {
            self.pages.push(std::mem::take(&mut self.content));
            self.started = false;
        }
    }

    fn ensure_room(&mut self, height: f64) {
        if self.y + height > PAGE_H - MARGIN {
            self.finish_page();
            self.start_page();
        }
    }

    /// Text at `x`, its top at `top`, in `size`.
    fn show(&mut self, text: &str, x: f64, top: f64, size: f64) {
        if text.is_empty() {
            return;
        }
        let baseline = PAGE_H - (top + size * 0.88);
        let mut hex = String::with_capacity(text.len() * 4);
        for c in text.chars() {
            let cid = if u32::from(c) > 0xFFFF {
                u32::from('?')
            } else {
                u32::from(c)
            };
            self.cids.insert(cid);
            let _ = write!(hex, "{cid:04X}");
        }
        let _ = writeln!(
            self.content,
            "BT /F1 {size:.2} Tf 1 0 0 1 {x:.2} {baseline:.2} Tm <{hex}> Tj ET"
        );
    }

    fn rule(&mut self, x0: f64, top0: f64, x1: f64, top1: f64) {
        let _ = writeln!(
            self.content,
            "{x0:.2} {:.2} m {x1:.2} {:.2} l S",
            PAGE_H - top0,
            PAGE_H - top1
        );
    }

    fn text_line(&mut self, text: &str) {
        self.ensure_room(LINE_STEP);
        let available = PAGE_W - 2.0 * MARGIN;
        let natural = width(text, TEXT_SIZE);
        let size = if natural > available {
            (TEXT_SIZE * available / natural).max(1.0)
        } else {
            TEXT_SIZE
        };
        let top = self.y;
        self.show(text, MARGIN, top, size);
        self.y += LINE_STEP;
    }

    fn table(&mut self, rows: &[Vec<String>]) {
        let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
        if columns == 0 {
            return;
        }
        let mut widths = vec![0.0_f64; columns];
        for row in rows {
            for (k, cell) in row.iter().enumerate() {
                if let Some(w) = widths.get_mut(k) {
                    *w = w.max(width(cell, TABLE_SIZE) + 2.0 * CELL_PAD);
                }
            }
        }
        for w in &mut widths {
            *w = w.max(4.0 * CELL_PAD);
        }
        let available = PAGE_W - 2.0 * MARGIN;
        let natural: f64 = widths.iter().sum();
        let scale = if natural > available {
            available / natural
        } else {
            1.0
        };
        let size = TABLE_SIZE * scale;
        for w in &mut widths {
            *w *= scale;
        }
        let row_h = (size + 2.0 * CELL_PAD).max(6.0);
        let mut xs = vec![MARGIN];
        for w in &widths {
            let last = xs.last().copied().unwrap_or(MARGIN);
            xs.push(last + w);
        }
        let right = xs.last().copied().unwrap_or(MARGIN);
        let mut start = 0;
        while start < rows.len() {
            self.ensure_room(2.0 * row_h);
            let fit = ((PAGE_H - MARGIN - self.y) / row_h).floor().max(1.0);
            // rows that fit on this page (at least one)
            let count = (rows.len() - start).min(fit_count(fit));
            let top = self.y;
            let bottom = top + row_h * count_f(count);
            for r in 0..=count {
                let y = top + row_h * count_f(r);
                self.rule(MARGIN, y, right, y);
            }
            for &x in &xs {
                self.rule(x, top, x, bottom);
            }
            for (r, row) in rows.iter().skip(start).take(count).enumerate() {
                let cell_top = top + row_h * count_f(r) + (row_h - size) / 2.0;
                for (k, cell) in row.iter().enumerate() {
                    if let Some(&x) = xs.get(k) {
                        self.show(cell, x + CELL_PAD * scale, cell_top, size);
                    }
                }
            }
            self.y = bottom + LINE_STEP / 2.0;
            start += count;
            if start < rows.len() {
                self.finish_page();
                self.start_page();
            }
        }
    }
}

/// A whole number of rows as a count (the page holds at most a few hundred).
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn fit_count(rows: f64) -> usize {
    rows.clamp(1.0, 10_000.0) as usize
}

#[allow(clippy::cast_precision_loss)]
fn count_f(n: usize) -> f64 {
    n as f64
}

fn deflate(data: &[u8]) -> Vec<u8> {
    // stored (uncompressed) deflate blocks inside a zlib wrapper: valid /FlateDecode without a
    // compressor
    let mut out = vec![0x78, 0x01];
    let mut chunks = data.chunks(65_535).peekable();
    if chunks.peek().is_none() {
        out.extend_from_slice(&[1, 0, 0, 0xff, 0xff]);
    }
    while let Some(chunk) = chunks.next() {
        let last = chunks.peek().is_none();
        out.push(u8::from(last));
        let len = u16::try_from(chunk.len()).unwrap_or(u16::MAX);
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(chunk);
    }
    let (mut a, mut b) = (1u32, 0u32);
    for &byte in data {
        a = (a + u32::from(byte)) % 65_521;
        b = (b + a) % 65_521;
    }
    out.extend_from_slice(&((b << 16) | a).to_be_bytes());
    out
}

fn write_pdf(pages: &[String], cids: &BTreeSet<u32>, options: Options) -> Vec<u8> {
    let mut objects: Vec<Vec<u8>> = Vec::new();
    // 1 catalog, 2 pages, 3 font, 4 descendant, 5 descriptor, 6 ToUnicode, then page + content
    let page_ids: Vec<usize> = (0..pages.len()).map(|i| 7 + 2 * i).collect();
    objects.push(b"<< /Type /Catalog /Pages 2 0 R >>".to_vec());
    let kids: Vec<String> = page_ids.iter().map(|id| format!("{id} 0 R")).collect();
    objects.push(
        format!(
            "<< /Type /Pages /Kids [{}] /Count {} >>",
            kids.join(" "),
            pages.len()
        )
        .into_bytes(),
    );
    objects.push(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /YusuanSynthSong /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 6 0 R >>"
            .to_vec(),
    );
    let mut w = String::new();
    for &cid in cids {
        let c = char::from_u32(cid).unwrap_or('?');
        let _ = write!(w, "{cid} [{}] ", advance(c));
    }
    objects.push(
        format!(
            "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /YusuanSynthSong /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 5 0 R /DW 1000 /W [{w}] /CIDToGIDMap /Identity >>"
        )
        .into_bytes(),
    );
    objects.push(
        b"<< /Type /FontDescriptor /FontName /YusuanSynthSong /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>"
            .to_vec(),
    );
    let mut cmap = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    let all: Vec<u32> = cids.iter().copied().collect();
    for block in all.chunks(100) {
        let _ = writeln!(cmap, "{} beginbfchar", block.len());
        for cid in block {
            let _ = writeln!(cmap, "<{cid:04X}> <{cid:04X}>");
        }
        cmap.push_str("endbfchar\n");
    }
    cmap.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    objects.push(stream(cmap.as_bytes(), false));
    for (i, content) in pages.iter().enumerate() {
        let content_id = 8 + 2 * i;
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] /Resources << /Font << /F1 3 0 R >> >> /Contents {content_id} 0 R >>"
            )
            .into_bytes(),
        );
        objects.push(stream(content.as_bytes(), options.compress));
    }
    let mut out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::with_capacity(objects.len());
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f\r\n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n\r\n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn stream(data: &[u8], compress: bool) -> Vec<u8> {
    let (data, filter) = if compress {
        (deflate(data), " /Filter /FlateDecode")
    } else {
        (data.to_vec(), "")
    };
    let mut out = format!("<< /Length {}{filter} >>\nstream\n", data.len()).into_bytes();
    out.extend_from_slice(&data);
    out.extend_from_slice(b"\nendstream");
    out
}
