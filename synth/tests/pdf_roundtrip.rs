//! Generated documents rendered as PDF read back to the generating document: the PDF source on
//! PDFs made in the project (no file from outside needed), every figure compared with the truth
//! of the generator and every table cell with the text it was rendered from.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use yusuan::source::Grid;
use yusuan_synth::pdf::{Options, render_with};

/// The rows of a grid, as lists of cell texts without trailing empty cells.
fn rows(grid: &Grid<'_>) -> Vec<Vec<String>> {
    grid.lines()
        .iter()
        .filter(|l| l.is_row())
        .map(|l| {
            let mut cells: Vec<String> = grid.cells(l).iter().map(|c| c.text.to_string()).collect();
            while cells.last().is_some_and(String::is_empty) {
                cells.pop();
            }
            cells
        })
        .collect()
}

/// The truth's differences but line numbers: a PDF has no blank lines, so its lines are
/// numbered differently (consistently: the lines of its own text form).
fn figures(truth: &yusuan_synth::Truth, doc: &yusuan::Document) -> Vec<String> {
    let mut diffs = truth.compare(doc);
    diffs.retain(|d| !d.contains(" read as "));
    diffs
}

fn round_trip(seed: u64, compress: bool) {
    let doc = yusuan_synth::generate(seed);
    let pdf = render_with(&doc.text, Options { compress });
    let grid = yusuan::source::pdf::grid(&pdf).unwrap_or_else(|e| panic!("seed {seed}: {e}"));
    // every table cell where the text had it
    let want = rows(&yusuan::source::text::grid(&doc.text));
    assert_eq!(rows(&grid), want, "seed {seed}: table cells");
    // and the document reads back to its truth, without an error
    let parsed = yusuan::Parser::new().read_grid(&grid).unwrap();
    let diffs = figures(&doc.truth, &parsed);
    assert!(diffs.is_empty(), "seed {seed}: {diffs:#?}");
    let report = yusuan::check(&parsed);
    assert_eq!(report.summary.error, 0, "seed {seed}: {}", report.to_text());
    // cells carry their page and box
    let cell = grid
        .lines()
        .iter()
        .filter(|l| l.is_row())
        .flat_map(|l| grid.cells(l))
        .find(|c| !c.text.is_empty())
        .unwrap();
    assert!(cell.bbox.is_some());
}

#[test]
fn generated_documents_read_back_from_pdf() {
    for seed in 1..=6 {
        round_trip(seed, seed % 2 == 0);
    }
}

#[test]
fn yusuan_read_takes_the_pdf_bytes() {
    let doc = yusuan_synth::generate(11);
    let pdf = yusuan_synth::pdf::render(&doc.text);
    let from_pdf = yusuan::read(&pdf).unwrap();
    let from_text = yusuan::read(doc.text.as_bytes()).unwrap();
    assert_eq!(from_pdf.tables.len(), from_text.tables.len());
    assert!(figures(&doc.truth, &from_pdf).is_empty());
}

/// Cells read from a PDF keep their page and box, and so does the evidence of findings.
#[test]
fn cells_and_evidence_carry_page_and_box() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/bad_inputs/inputs/sum_off_by_one.txt"
    ))
    .unwrap();
    let pdf = yusuan_synth::pdf::render(&format!("封面\n\u{c}{text}"));
    let doc = yusuan::read(&pdf).unwrap();
    let t05 = doc.table("T05").unwrap();
    let amounts: Vec<_> = t05
        .rows
        .iter()
        .flat_map(|r| &r.cells)
        .filter(|c| matches!(c.value, yusuan::CellValue::Amount(_)))
        .collect();
    assert!(!amounts.is_empty());
    assert!(amounts.iter().all(|c| c.bbox.is_some()));
    let report = yusuan::check(&doc);
    let evidence: Vec<_> = report.findings.iter().flat_map(|f| &f.evidence).collect();
    assert!(!evidence.is_empty());
    for e in evidence {
        assert_eq!(e.page, Some(2), "{e:?}");
        assert!(e.bbox.is_some(), "{e:?}");
    }
}
