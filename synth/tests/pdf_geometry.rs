//! `yusuan::source::pdf::page_geometry` on generated documents rendered as PDF: every page has the
//! size it was rendered at, every table cell of the grid lies on its page with its characters
//! (their centres inside the cell's box, as pdfplumber assigns them), and the tables' ruling lines
//! are there.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use rust_decimal::Decimal;
use yusuan::source::pdf::{grid, page_geometry};
use yusuan_synth::pdf::{Options, render_with};

fn check_seed(seed: u64, compress: bool) {
    let doc = yusuan_synth::generate(seed);
    let pdf = render_with(&doc.text, Options { compress });
    let grid = grid(&pdf).unwrap();
    let pages = grid.lines().iter().map(|l| l.page).max().unwrap();
    let mut cells = 0;
    for no in 1..=pages {
        let page = page_geometry(&pdf, no).unwrap();
        assert_eq!((page.page, page.pages), (no, pages));
        // the renderer's A4 page, in points
        assert_eq!(page.width, Decimal::new(595, 0));
        assert_eq!(page.height, Decimal::new(842, 0));
        let two = Decimal::TWO;
        for line in grid.lines().iter().filter(|l| l.page == no && l.is_row()) {
            for cell in grid.cells(line) {
                let Some(b) = cell.bbox else { continue };
                cells += 1;
                let text: String = page
                    .chars
                    .iter()
                    .filter(|c| {
                        let cx = (c.bbox.x0() + c.bbox.x1()) / two;
                        let cy = (c.bbox.top() + c.bbox.bottom()) / two;
                        cx >= b.x0() && cx <= b.x1() && cy >= b.top() && cy <= b.bottom()
                    })
                    .map(|c| c.text.as_str())
                    .collect();
                let strip = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
                assert_eq!(
                    strip(&text),
                    strip(&cell.text),
                    "seed {seed} page {no} {b:?}"
                );
            }
        }
        if grid.lines().iter().any(|l| l.page == no && l.is_row()) {
            assert!(
                page.lines.len() + page.rects.len() >= 4,
                "seed {seed} page {no}: no ruling"
            );
        }
    }
    assert!(cells > 50, "seed {seed}: {cells} cells");
}

#[test]
fn the_cells_of_generated_pdfs_are_on_their_pages() {
    for seed in 0..4 {
        check_seed(seed, seed % 2 == 1);
    }
}
