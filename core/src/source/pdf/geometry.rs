//! What one page of a PDF shows, as plain data: its size, its characters and its ruling lines
//! and rectangles, in the coordinates of the grid's boxes (points from the page's top-left
//! corner, kept to 0.01 pt). Enough to draw the region around a finding's cells without a PDF
//! renderer (the in-browser checker draws it as SVG, the evidence's `bbox` highlighted).
//!
//! The file goes through the same checks and repair as [`grid`](super::grid) (the same
//! [`Limits`]); geometry that is not a finite number within ±10⁷ points is left out, as the
//! extraction leaves it out.

// f64: the extractor's page geometry (points); converted to Decimal hundredths once, here.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::source::BBox;

use super::extract::{bbox_of, box_ok, dec};
use super::{Limits, from_pdfplumber};

/// The geometry of one page of a PDF: see [`page_geometry`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct PageGeometry {
    /// The page, 1-based.
    pub page: u32,
    /// The number of pages of the document.
    pub pages: u32,
    /// Width of the page in points (its crop box, as the extractor sees it).
    #[serde(with = "rust_decimal::serde::float")]
    pub width: Decimal,
    /// Height of the page in points.
    #[serde(with = "rust_decimal::serde::float")]
    pub height: Decimal,
    /// Every character, in content order.
    pub chars: Vec<PageChar>,
    /// The straight lines drawn (ruling lines of tables, underlines).
    pub lines: Vec<BBox>,
    /// The rectangles drawn (cell borders drawn as boxes, shaded cells).
    pub rects: Vec<PageRect>,
}

/// One character of a page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct PageChar {
    /// The character's text (one character, or a ligature's few).
    pub text: String,
    /// Its box.
    pub bbox: BBox,
}

/// One rectangle of a page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct PageRect {
    /// Its box.
    pub bbox: BBox,
    /// Whether its outline is drawn.
    pub stroke: bool,
    /// Whether it is filled.
    pub fill: bool,
}

/// The geometry of page `page` (1-based) of a PDF, with the default [`Limits`].
///
/// A page number outside the document is `invalid_option`; a file that cannot be read fails
/// as [`grid`](super::grid) fails (`not_a_pdf`, `pdf_damaged`, `pdf_too_large`, …).
///
/// # Examples
///
/// ```
/// let bytes = include_bytes!("../../../../tests/pdf_damaged/inputs/valid.pdf");
/// let page = yusuan::source::pdf::page_geometry(bytes, 1)?;
/// assert_eq!((page.page, page.pages), (1, 1));
/// assert!(page.chars.iter().any(|c| c.text == "合"));
/// assert!(!page.lines.is_empty() || !page.rects.is_empty());
/// let err = yusuan::source::pdf::page_geometry(bytes, 2).unwrap_err();
/// assert_eq!(err.code(), "invalid_option");
/// # Ok::<(), yusuan::Error>(())
/// ```
pub fn page_geometry(bytes: &[u8], page: u32) -> Result<PageGeometry> {
    page_geometry_with(bytes, page, &Limits::default())
}

/// The geometry of page `page` (1-based) of a PDF, within `limits`.
pub fn page_geometry_with(bytes: &[u8], page: u32, limits: &Limits) -> Result<PageGeometry> {
    let opened = super::open_checked_bytes(bytes, limits)?;
    let count = opened.pdf.page_count();
    let pages = u32::try_from(count).unwrap_or(u32::MAX);
    let index = usize::try_from(page)
        .ok()
        .and_then(|p| p.checked_sub(1))
        .filter(|&i| i < count)
        .ok_or_else(|| Error::InvalidOption {
            option: "page".to_owned(),
            value: page.to_string(),
            expected: format!("a page from 1 to {pages}"),
        })?;
    let p = opened
        .pdf
        .page(index)
        .map_err(|e| from_pdfplumber(&e, Some(page)))?;
    let chars = p
        .chars()
        .iter()
        .filter(|c| box_ok(c.bbox.x0, c.bbox.top, c.bbox.x1, c.bbox.bottom))
        .map(|c| PageChar {
            text: c.text.clone(),
            bbox: bbox_of(&c.bbox),
        })
        .collect();
    let lines = p
        .lines()
        .iter()
        .filter(|l| box_ok(l.x0, l.top, l.x1, l.bottom))
        .map(|l| BBox::new(dec(l.x0), dec(l.top), dec(l.x1), dec(l.bottom)))
        .collect();
    let rects = p
        .rects()
        .iter()
        .filter(|r| box_ok(r.x0, r.top, r.x1, r.bottom))
        .map(|r| PageRect {
            bbox: BBox::new(dec(r.x0), dec(r.top), dec(r.x1), dec(r.bottom)),
            stroke: r.stroke,
            fill: r.fill,
        })
        .collect();
    Ok(PageGeometry {
        page,
        pages,
        width: dec(p.width()),
        height: dec(p.height()),
        chars,
        lines,
        rects,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const VALID: &[u8] = include_bytes!("../../../../tests/pdf_damaged/inputs/valid.pdf");

    #[test]
    fn the_cells_of_the_grid_are_on_the_page() {
        let grid = super::super::grid(VALID).unwrap();
        let page = page_geometry(VALID, 1).unwrap();
        assert!(page.width > Decimal::ZERO && page.height > Decimal::ZERO);
        let inside = |b: &BBox| {
            b.x0() >= Decimal::ZERO
                && b.top() >= Decimal::ZERO
                && b.x1() <= page.width
                && b.bottom() <= page.height
        };
        assert!(page.chars.iter().all(|c| inside(&c.bbox)));
        // every character of every cell of the grid is a character of the page whose centre is
        // in the cell (pdfplumber's rule for a cell's text)
        let mut cells = 0;
        for line in grid.lines() {
            for cell in grid.cells(line) {
                let Some(b) = cell.bbox else { continue };
                cells += 1;
                assert!(inside(&b));
                for ch in cell.text.chars() {
                    assert!(
                        page.chars.iter().any(|c| {
                            let two = Decimal::TWO;
                            let (cx, cy) = (
                                (c.bbox.x0() + c.bbox.x1()) / two,
                                (c.bbox.top() + c.bbox.bottom()) / two,
                            );
                            c.text == ch.to_string()
                                && cx >= b.x0()
                                && cx <= b.x1()
                                && cy >= b.top()
                                && cy <= b.bottom()
                        }),
                        "{ch} of {} not in its box",
                        cell.text
                    );
                }
            }
        }
        assert!(cells > 10);
        // the table is ruled: its lines (or boxes) are there
        assert!(page.lines.len() + page.rects.len() >= 4);
    }

    #[test]
    fn errors_of_the_file_and_of_the_page_number() {
        assert_eq!(page_geometry(b"hello", 1).unwrap_err().code(), "not_a_pdf");
        assert_eq!(page_geometry(b"  ", 1).unwrap_err().code(), "empty_input");
        assert_eq!(
            page_geometry(VALID, 0).unwrap_err().code(),
            "invalid_option"
        );
        let err = page_geometry(VALID, 9).unwrap_err();
        assert!(err.to_string().contains("a page from 1 to 1"), "{err}");
    }
}
