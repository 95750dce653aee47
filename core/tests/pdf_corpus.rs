//! The PDF source on the three public PDFs of `../shared/corpus/pdf` (01, 04, 07), read from
//! there (never copied into the project; under `CI=true` their absence fails, elsewhere the
//! tests say so and pass):
//! * the extraction equals Python pdfplumber 0.11.10's (`../shared/corpus/pdfplumber-text`,
//!   made with `page.find_tables()` and the text outside the tables): every page, line and cell;
//! * every table is found, and the findings (rule, outcome, cells) equal those of the text of
//!   the same extraction;
//! * a cell-level snapshot (`tests/pdf/corpus_snapshot.tsv`: per page the number of lines, rows
//!   and cells and a hash of every cell's text and box) so an upgrade of the extractor cannot
//!   change a cell unnoticed. `YUSUAN_BLESS=1` rewrites it: review the diff.

#![cfg(feature = "pdf")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::print_stderr
)]

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::PathBuf;

use yusuan::source::Grid;

const DOCS: [&str; 3] = [
    "01_sh_putuo_wanli_street_dept_budget_2023",
    "04_sh_putuo_social_welfare_home_unit_budget_2024",
    "07_sh_putuo_finance_bureau_dept_final_2024",
];

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `../shared/corpus`, or `None` (skip) when it is absent; under `CI=true` absence fails.
fn shared_corpus() -> Option<PathBuf> {
    let dir = repo().join("../shared/corpus");
    if dir.join("pdf").is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "../shared/corpus/pdf is missing (CI=true): the PDF corpus tests cannot run"
    );
    eprintln!("skipped: ../shared/corpus/pdf is not there");
    None
}

fn pdf_bytes(corpus: &std::path::Path, name: &str) -> Vec<u8> {
    std::fs::read(corpus.join("pdf").join(format!("{name}.pdf"))).unwrap()
}

/// The pdfplumber-text form, without its `# ` header lines.
fn plumber_text(corpus: &std::path::Path, name: &str) -> String {
    let text = std::fs::read_to_string(corpus.join("pdfplumber-text").join(format!("{name}.txt")))
        .unwrap();
    let mut rest = text.as_str();
    while rest.starts_with("# ") {
        rest = rest.split_once('\n').map_or("", |(_, r)| r);
    }
    rest.strip_suffix('\n').unwrap_or(rest).to_owned()
}

/// A line of the grid as pdfplumber-text writes it: cells joined by tabs.
fn line_text(grid: &Grid<'_>, i: usize) -> String {
    let line = &grid.lines()[i];
    let cells: Vec<&str> = grid.cells(line).iter().map(|c| c.text.as_ref()).collect();
    cells.join("\t")
}

/// The grid's pages as lists of lines (page `n` at index `n - 1`).
fn pages(grid: &Grid<'_>, count: usize) -> Vec<Vec<String>> {
    let mut pages = vec![Vec::new(); count.max(grid.page_count() as usize)];
    for (i, line) in grid.lines().iter().enumerate() {
        pages[line.page as usize - 1].push(line_text(grid, i));
    }
    pages
}

/// The extraction against Python pdfplumber's: every table row the same, cell for cell, in the
/// same place; every text line the same, in order, except the reference's lines that repeat
/// characters of table cells (the recipe keeps a character that straddles a table's border as
/// text too; the PDF source gives each character to its cell or to the text, never both).
#[test]
fn extraction_equals_python_pdfplumber() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let mut summary = String::new();
    for name in DOCS {
        let grid = yusuan::source::pdf::grid(&pdf_bytes(&corpus, name)).unwrap();
        let expected: Vec<Vec<String>> = plumber_text(&corpus, name)
            .split('\u{c}')
            .map(|p| {
                if p.is_empty() {
                    Vec::new()
                } else {
                    p.split('\n').map(str::to_owned).collect()
                }
            })
            .collect();
        let got = pages(&grid, expected.len());
        assert_eq!(got.len(), expected.len(), "{name}: pages");
        let (mut rows, mut cells, mut lines, mut repeated) = (0, 0, 0, Vec::new());
        for (p, (want, have)) in expected.iter().zip(&got).enumerate() {
            let cell_text: String = have
                .iter()
                .filter(|l| l.contains('\t'))
                .flat_map(|l| l.split('\t'))
                .collect();
            let mut h = have.iter().peekable();
            for w in want {
                if h.peek().is_some_and(|x| *x == w) {
                    h.next();
                    if w.contains('\t') {
                        rows += 1;
                        cells += w.split('\t').count();
                    } else {
                        lines += 1;
                    }
                    continue;
                }
                // only a text line made of table characters may be missing
                assert!(
                    !w.contains('\t')
                        && w.chars()
                            .filter(|c| !c.is_whitespace())
                            .all(|c| cell_text.contains(c)),
                    "{name} page {}: {w:?} is not in the extraction (next: {:?})",
                    p + 1,
                    h.peek()
                );
                repeated.push(format!("p{} {w:?}", p + 1));
            }
            assert!(h.next().is_none(), "{name} page {}: extra lines", p + 1);
        }
        let _ = writeln!(
            summary,
            "{name}: {} pages; {rows} table rows and {cells} cells identical; {lines} text lines identical; {} reference lines repeating table characters left out: {}",
            expected.len(),
            repeated.len(),
            repeated.join(", ")
        );
    }
    eprintln!("{summary}");
}

/// FNV-1a, 64 bits: a stable hash for the snapshot.
fn fnv(hash: &mut u64, bytes: &[u8]) {
    for &b in bytes {
        *hash ^= u64::from(b);
        *hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
}

/// Per page: lines, table rows, cells, and a hash of every line's kind and every cell's column,
/// span, text and box.
fn snapshot(name: &str, grid: &Grid<'_>) -> String {
    let mut out = String::new();
    for page in 1..=grid.page_count() {
        let (mut lines, mut rows, mut cells) = (0, 0, 0);
        let mut hash = 0xcbf2_9ce4_8422_2325_u64;
        for line in grid.lines().iter().filter(|l| l.page == page) {
            lines += 1;
            rows += usize::from(line.is_row());
            fnv(&mut hash, if line.is_row() { b"R" } else { b"T" });
            for cell in grid.cells(line) {
                cells += 1;
                let b = cell
                    .bbox
                    .map(|b| format!("{} {} {} {}", b.x0(), b.top(), b.x1(), b.bottom()))
                    .unwrap_or_default();
                fnv(
                    &mut hash,
                    format!("{}|{}|{}|{b}\n", cell.column, cell.span, cell.text).as_bytes(),
                );
            }
        }
        let _ = writeln!(out, "{name}\t{page}\t{lines}\t{rows}\t{cells}\t{hash:016x}");
    }
    out
}

#[test]
fn cells_match_the_committed_snapshot() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let path = repo().join("tests/pdf/corpus_snapshot.tsv");
    let mut got = String::from(
        "# PDF source snapshot of ../shared/corpus/pdf: document, page, lines, table rows, cells, FNV-1a hash of every cell (column, span, text, box)\n",
    );
    for name in DOCS {
        let grid = yusuan::source::pdf::grid(&pdf_bytes(&corpus, name)).unwrap();
        got.push_str(&snapshot(name, &grid));
    }
    if std::env::var("YUSUAN_BLESS").is_ok() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).expect("tests/pdf/corpus_snapshot.tsv");
    let changed: Vec<String> = want
        .lines()
        .zip(got.lines())
        .filter(|(w, g)| w != g)
        .map(|(w, g)| format!("  was {w}\n  now {g}"))
        .collect();
    assert!(
        changed.is_empty() && want.lines().count() == got.lines().count(),
        "the extracted cells changed (an extractor upgrade?); compare with ../shared/corpus/pdfplumber-text and bless with YUSUAN_BLESS=1:\n{}",
        changed.join("\n")
    );
}

/// The tables the reader finds in a document.
fn tables(doc: &yusuan::Document) -> BTreeSet<String> {
    doc.tables.iter().map(|t| t.key.to_string()).collect()
}

/// A row key that is a line number (rows without a code or label) depends on the line layout.
fn row_key(row: Option<&String>) -> String {
    match row {
        Some(r)
            if r.strip_prefix("line")
                .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit())) =>
        {
            "line#".to_owned()
        }
        Some(r) => r.clone(),
        None => "-".to_owned(),
    }
}

/// (rule, outcome, cells) of every finding.
fn findings(report: &yusuan::Report) -> Vec<String> {
    let mut v: Vec<String> = report
        .findings
        .iter()
        .map(|f| {
            let cells: Vec<String> = f
                .evidence
                .iter()
                .map(|e| {
                    format!(
                        "{}/{}/{:?}={}",
                        e.table,
                        row_key(e.row.as_ref()),
                        e.column,
                        e.text
                    )
                })
                .collect();
            format!("{} {:?} [{}]", f.rule, f.outcome, cells.join(", "))
        })
        .collect();
    v.sort();
    v
}

#[test]
fn every_table_is_found() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    for name in DOCS {
        let doc = yusuan::read(&pdf_bytes(&corpus, name)).unwrap();
        let original = std::fs::read_to_string(corpus.join(format!("{name}.txt"))).unwrap();
        let want = tables(&yusuan::parse(&original).unwrap());
        assert_eq!(want.len(), 9, "{name}: the text of the earlier extraction");
        assert_eq!(tables(&doc), want, "{name}");
    }
}

#[test]
fn findings_equal_those_of_the_text_of_the_same_extraction() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let checker = yusuan::Checker::new();
    for name in DOCS {
        let from_pdf = checker.check(&yusuan::read(&pdf_bytes(&corpus, name)).unwrap());
        let text = plumber_text(&corpus, name);
        let from_text = checker.check(&yusuan::parse(&text).unwrap());
        assert_eq!(findings(&from_pdf), findings(&from_text), "{name}");
        assert!(!from_pdf.coverage.tables_found.is_empty(), "{name}");
    }
}

/// The earlier extraction (`../shared/corpus/0X.txt`) has the same cells in another line
/// layout: the same findings, cell for cell.
#[test]
fn findings_equal_those_of_the_earlier_extraction() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let checker = yusuan::Checker::new();
    for name in DOCS {
        let from_pdf = checker.check(&yusuan::read(&pdf_bytes(&corpus, name)).unwrap());
        let original = std::fs::read_to_string(corpus.join(format!("{name}.txt"))).unwrap();
        let from_text = checker.check(&yusuan::parse(&original).unwrap());
        assert_eq!(findings(&from_pdf), findings(&from_text), "{name}");
    }
}

#[test]
fn evidence_from_a_pdf_names_pages() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let name = DOCS[2];
    let doc = yusuan::read(&pdf_bytes(&corpus, name)).unwrap();
    let report = yusuan::Checker::new().check(&doc);
    let with_page = report
        .findings
        .iter()
        .flat_map(|f| &f.evidence)
        .filter(|e| e.page.is_some())
        .count();
    assert!(with_page > 0, "{name}: no evidence names a page");
}

/// The corpus is far from every limit: it reads with limits five times lower than the defaults.
#[test]
fn the_corpus_is_far_from_the_limits() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let d = yusuan::source::pdf::Limits::default();
    let mut tight = d;
    tight.max_page_content_bytes = d.max_page_content_bytes / 5;
    tight.max_content_bytes = d.max_content_bytes / 5;
    tight.max_page_grid_points = d.max_page_grid_points / 5;
    tight.max_grid_points = d.max_grid_points / 5;
    tight.max_stream_bytes = d.max_stream_bytes / 5;
    tight.max_total_stream_bytes = d.max_total_stream_bytes / 5;
    tight.max_bytes = d.max_bytes / 5;
    tight.max_font_bytes = d.max_font_bytes / 5;
    for name in DOCS {
        yusuan::source::pdf::grid_with(&pdf_bytes(&corpus, name), &tight)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}
