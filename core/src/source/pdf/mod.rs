//! The PDF source: a [`Grid`] from the bytes of a PDF (feature `pdf`).
//!
//! Every page is read with [pdfplumber-rs](https://crates.io/crates/pdfplumber) (pinned at
//! 0.4.1) the way Python pdfplumber 0.11.10 reads it with `page.find_tables()` and the text
//! outside the tables (on the corpus: every table and cell identical):
//!
//! * each table (ruling lines, pdfplumber's default settings) becomes [`LineKind::Row`](super::LineKind::Row) lines, one
//!   per row of its cell grid: every real cell at its column with its text, its box and the
//!   number of columns it spans; a grid position covered by a merged cell is an empty cell
//!   without a box (as pdfplumber's `extract()` gives `None` there), so every row of a table has
//!   one cell per column and the text form lines up like pdfplumber's;
//! * the characters of no cell become [`LineKind::Text`](super::LineKind::Text) lines (words grouped into lines with a
//!   vertical tolerance of 8 points), each with its box; a character belongs to the cell its
//!   centre falls in, so none is lost and none repeated (the usual Python recipe, "not wholly
//!   within a table", also repeats as text a character that straddles a table's border);
//! * tables and text lines are in reading order (top to bottom by their top edge, text first
//!   where a line and a table start at the same height), pages numbered from 1, lines numbered
//!   one after the other as [`Grid::to_text`] prints them.
//!
//! A line break inside a cell is dropped (Chinese text wraps without a space), except between
//! two Latin letters, where it is a space.
//!
//! Damaged and hostile files: the bytes are checked before the extractor sees them (size, page
//! count, every compressed stream inflated against a limit, the content a page can make the
//! extractor interpret, the ruling lines of its tables); a file whose cross-reference table is
//! broken, or that opens with no page, has its table rebuilt by scanning for objects and is
//! opened again (with the notice [`NoticeCode::PdfRepaired`]). What still cannot be read is an
//! [`Error`] with a stable code: `pdf_damaged`, `pdf_encrypted`, `pdf_no_text`,
//! `pdf_too_large`, `pdf_decompression_bomb`, `not_a_pdf`. The limits are [`Limits`].
//!
//! [`page_geometry`] gives what one page shows (its size, characters, ruling lines and
//! rectangles) as plain data, for drawing the region around a finding's cells without a PDF
//! renderer.
//!
//! # Examples
//!
//! ```no_run
//! let bytes = std::fs::read("2025年部门预算.pdf").unwrap();
//! let grid = yusuan::source::pdf::grid(&bytes)?;
//! print!("{}", grid.to_text());
//! let doc = yusuan::Parser::new().read_grid(&grid)?;
//! # Ok::<(), yusuan::Error>(())
//! ```

// Geometry comes from the extractor as f64 points; it is converted to Decimal once, rounded to
// hundredths, when a cell or line box enters the grid. No amount passes through f64.

mod extract;
mod geometry;
mod guard;
mod repair;

pub use geometry::{PageChar, PageGeometry, PageRect, page_geometry, page_geometry_with};

use crate::error::{Error, Result};
use crate::model::NoticeCode;

use super::{Grid, PDF_HEADER_WINDOW};

/// Limits on what the PDF source reads. [`Limits::default`] fits every real budget disclosure
/// with a wide margin (a disclosure is 10–500 pages, 0.1–20 MB, at most some 100 KB of content
/// and a few thousand table grid points per page); a file past one is refused with
/// [`Error::PdfTooLarge`] or [`Error::PdfDecompressionBomb`], naming the limit.
///
/// # Examples
///
/// ```
/// let mut limits = yusuan::source::pdf::Limits::default();
/// limits.max_pages = 50;
/// assert_eq!(limits.max_bytes, 128 * 1024 * 1024);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    /// Size of the file in bytes (128 MiB).
    pub max_bytes: usize,
    /// Number of pages (2,000).
    pub max_pages: usize,
    /// Bytes one compressed stream may inflate to (64 MiB; images are not inflated).
    pub max_stream_bytes: usize,
    /// Bytes all compressed streams together may inflate to (512 MiB).
    pub max_total_stream_bytes: usize,
    /// Content bytes the extractor may interpret for one page: its content streams and, for
    /// every use of a form, the form's content (4 MiB; a real page has 10–300 KB).
    pub max_page_content_bytes: usize,
    /// Content bytes the extractor may interpret for the whole document (256 MiB).
    pub max_content_bytes: usize,
    /// Grid points of one page's tables: horizontal times vertical ruling lines (6,000).
    pub max_page_grid_points: usize,
    /// Grid points of all pages together (200,000).
    pub max_grid_points: usize,
    /// Nesting depth of forms (6).
    pub max_form_depth: usize,
    /// Font data the extractor inflates for the whole document, counted again for every page
    /// and every use of a form, since it loads a page's fonts anew (1 GiB; a real disclosure
    /// needs 1–100 MB).
    pub max_font_bytes: usize,
    /// Widths a CID font's `/W` (or `/W2`) array may assign (65,536: a CID is 16-bit); the
    /// extractor expands every range `c_first c_last w` into one entry per CID, so a range like
    /// `0 -120 1000` would be four billion.
    pub max_font_widths: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_bytes: 128 * 1024 * 1024,
            max_pages: 2_000,
            max_stream_bytes: 64 * 1024 * 1024,
            max_total_stream_bytes: 512 * 1024 * 1024,
            max_page_content_bytes: 4 * 1024 * 1024,
            max_content_bytes: 256 * 1024 * 1024,
            max_page_grid_points: 6_000,
            max_grid_points: 200_000,
            max_form_depth: 6,
            max_font_bytes: 1024 * 1024 * 1024,
            max_font_widths: 65_536,
        }
    }
}

/// The grid of a PDF, with the default [`Limits`].
///
/// # Examples
///
/// ```
/// let err = yusuan::source::pdf::grid(b"not a pdf").unwrap_err();
/// assert_eq!(err.code(), "not_a_pdf");
/// let err = yusuan::source::pdf::grid(b"%PDF-1.7\n%%EOF\n").unwrap_err();
/// assert_eq!(err.code(), "pdf_damaged");
/// ```
pub fn grid(bytes: &[u8]) -> Result<Grid<'static>> {
    grid_with(bytes, &Limits::default())
}

/// The grid of a PDF, within `limits`.
pub fn grid_with(bytes: &[u8], limits: &Limits) -> Result<Grid<'static>> {
    let opened = open_checked_bytes(bytes, limits)?;
    let mut grid = extract::grid(&opened.pdf, limits)?;
    if let Some(message) = opened.repaired {
        grid.push_notice(NoticeCode::PdfRepaired, message, 0);
    }
    Ok(grid)
}

/// The first checks on any bytes given as a PDF (empty, no header, too large), then [`open`].
fn open_checked_bytes(bytes: &[u8], limits: &Limits) -> Result<Opened> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::EmptyInput);
    }
    let head = bytes.get(..PDF_HEADER_WINDOW).unwrap_or(bytes);
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(Error::NotAPdf);
    }
    if bytes.len() > limits.max_bytes {
        return Err(too_large("bytes", bytes.len(), limits.max_bytes, None));
    }
    open(bytes, limits)
}

/// A PDF ready for extraction.
struct Opened {
    pdf: pdfplumber::Pdf,
    /// Set when the cross-reference table had to be rebuilt: what was done.
    repaired: Option<String>,
}

/// Checks and opens `bytes`; on damage (an open error or no page) rebuilds the cross-reference
/// table and tries once more.
fn open(bytes: &[u8], limits: &Limits) -> Result<Opened> {
    let first = guard::check(bytes, limits).and_then(|checked| {
        if checked.pages == 0 {
            return Err(damaged("the document has no page", None));
        }
        open_checked(&checked, limits)
    });
    let first_err = match first {
        Ok(opened) => return Ok(opened),
        Err(e @ Error::PdfDamaged { .. }) => e,
        Err(e) => return Err(e),
    };
    let Some(rebuilt) = repair::rebuild_xref(bytes) else {
        return Err(explain_damage(bytes, &first_err));
    };
    if rebuilt.bytes.len() > limits.max_bytes {
        return Err(too_large(
            "bytes",
            rebuilt.bytes.len(),
            limits.max_bytes,
            None,
        ));
    }
    let checked = guard::check(&rebuilt.bytes, limits).map_err(|e| match e {
        Error::PdfDamaged { .. } => explain_damage(bytes, &e),
        e => e,
    })?;
    if checked.pages == 0 {
        return Err(explain_damage(
            bytes,
            &damaged(
                "no page could be found, even after rebuilding the cross-reference table",
                None,
            ),
        ));
    }
    let mut opened = open_checked(&checked, limits).map_err(|e| match e {
        Error::PdfDamaged { .. } => explain_damage(bytes, &e),
        e => e,
    })?;
    opened.repaired = Some(format!(
        "the PDF's cross-reference table was damaged and was rebuilt from {} objects found by scanning the file",
        rebuilt.objects
    ));
    Ok(opened)
}

fn open_checked(checked: &guard::Checked<'_>, limits: &Limits) -> Result<Opened> {
    let options = pdfplumber::ExtractOptions {
        max_recursion_depth: limits.max_form_depth,
        max_input_bytes: Some(limits.max_bytes),
        max_pages: Some(limits.max_pages),
        collect_warnings: false,
        ..pdfplumber::ExtractOptions::default()
    };
    let pdf = pdfplumber::Pdf::open_bytes(&checked.bytes, Some(options))
        .map_err(|e| from_pdfplumber(&e, None))?;
    if pdf.page_count() != checked.pages {
        return Err(damaged(
            &format!(
                "the page tree is inconsistent ({} pages found, {} opened)",
                checked.pages,
                pdf.page_count()
            ),
            None,
        ));
    }
    Ok(Opened {
        pdf,
        repaired: None,
    })
}

/// A damage error that says the file is truncated when it is (no `%%EOF` near its end).
fn explain_damage(bytes: &[u8], err: &Error) -> Error {
    let tail = bytes
        .get(bytes.len().saturating_sub(2048)..)
        .unwrap_or(bytes);
    let truncated = !tail.windows(5).any(|w| w == b"%%EOF");
    match err {
        Error::PdfDamaged { reason, page } if truncated && !reason.contains("truncated") => {
            damaged(
                &format!("the file is truncated (it does not end with %%EOF); {reason}"),
                *page,
            )
        }
        e => e.clone(),
    }
}

fn damaged(reason: &str, page: Option<u32>) -> Error {
    Error::PdfDamaged {
        reason: reason.to_owned(),
        page,
    }
}

fn too_large(what: &str, value: usize, limit: usize, page: Option<u32>) -> Error {
    Error::PdfTooLarge {
        what: what.to_owned(),
        value: u64::try_from(value).unwrap_or(u64::MAX),
        limit: u64::try_from(limit).unwrap_or(u64::MAX),
        page,
    }
}

/// The crate's error as ours; `page` is 1-based.
fn from_pdfplumber(e: &pdfplumber::PdfError, page: Option<u32>) -> Error {
    use pdfplumber::PdfErrorKind as K;
    let page = page.or_else(|| {
        e.context()
            .page_index
            .and_then(|i| u32::try_from(i.saturating_add(1)).ok())
    });
    match e.kind() {
        K::PasswordRequired | K::InvalidPassword => Error::PdfEncrypted,
        K::ResourceLimit => match e.resource_limit() {
            Some(l) => too_large(
                match l.name {
                    "max_pages" => "pages",
                    "max_input_bytes" => "bytes",
                    other => other,
                },
                l.observed,
                l.limit,
                page,
            ),
            None => damaged("a resource limit of the PDF reader was reached", page),
        },
        _ => damaged(
            &match e.context().operation {
                Some(op) => format!("the PDF reader failed to {op}"),
                None => "the PDF reader could not read it".to_owned(),
            },
            page,
        ),
    }
}
