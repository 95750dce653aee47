//! Pages into grid lines: tables as rows of cells, the text outside them as lines.
//!
//! The recipe is Python pdfplumber's `page.find_tables()` (default settings) plus the text of
//! the other characters by `extract_text_lines(y_tolerance=8)`, items sorted by their top edge;
//! the tables are the same cell for cell (see the corpus tests). Where this differs:
//! * a character belongs to the cell its centre falls in (pdfplumber's rule for cell text), and
//!   only the characters of no cell are text: the usual recipe (`not wholly within a table`)
//!   also repeats a character that straddles a table's border as a line of text, debris that
//!   breaks a table continued on the next page; no character is lost or repeated here;
//! * cell text is read for the rows only (pdfplumber-rs fills cells, rows and columns alike,
//!   each against every character of the page), and each cell is given only the characters of
//!   its row band whose centres can fall in it, in page order (the same text, faster);
//! * geometry that is not a finite number within ±10⁷ points is dropped before anything sorts
//!   by it (sorting such values can panic in the crate), and a page's tables are refused when
//!   their ruling lines would make a grid past [`Limits::max_page_grid_points`].

// f64: the extractor's page geometry (points); converted to Decimal at the grid's edge.

use std::borrow::Cow;

use pdfplumber::{
    BBox as PBox, Cell, Char, CroppedPage, Edge, Orientation, Page, PageObject, TableFinder,
    TableSettings, TextLine, WordExtractor, WordOptions,
};
use rust_decimal::Decimal;

use crate::error::{Error, Result};
use crate::source::{BBox, Grid, GridCell, LineKind};

use super::{Limits, from_pdfplumber, too_large};

/// Coordinates beyond this (points; 3.5 km) are not a page's.
const MAX_COORD: f64 = 1e7;
/// pdfplumber's vertical tolerance for lines of text outside tables in the recipe.
const TEXT_Y_TOLERANCE: f64 = 8.0;

/// The grid of every page of `pdf`.
pub(super) fn grid(pdf: &pdfplumber::Pdf, limits: &Limits) -> Result<Grid<'static>> {
    let pages = pdf.page_count();
    let mut grid = Grid::with_capacity(pages * 40, pages * 400);
    let mut budget = Budget {
        grid_points: 0,
        chars: 0,
    };
    for index in 0..pages {
        let page_no = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let items = contain(page_no, || {
            let page = pdf
                .page(index)
                .map_err(|e| from_pdfplumber(&e, Some(page_no)))?;
            page_items(&page, page_no, limits, &mut budget)
        })?;
        for item in items {
            push_item(&mut grid, page_no, item);
        }
    }
    if budget.chars == 0 {
        return Err(Error::PdfNoText {
            pages: u32::try_from(pages).unwrap_or(u32::MAX),
        });
    }
    Ok(grid)
}

struct Budget {
    grid_points: usize,
    chars: usize,
}

/// Runs one page's extraction; a panic inside the extractor (a bug of the crate on some
/// input) becomes an error for that page where panics unwind. This is the last defence: the
/// checks before it (limits, sanitised geometry) keep the known panics from being reached, and
/// where panics abort (WebAssembly) there is no other.
fn contain<T>(page_no: u32, f: impl FnOnce() -> Result<T>) -> Result<T> {
    #[cfg(panic = "unwind")]
    {
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
            Ok(r) => r,
            Err(_) => Err(super::damaged(
                "the PDF reader failed on this page (an internal error of the extractor)",
                Some(page_no),
            )),
        }
    }
    #[cfg(not(panic = "unwind"))]
    {
        let _ = page_no;
        f()
    }
}

/// What a page holds, in reading order.
enum Item {
    Text(TextLine),
    Table(Vec<Vec<Cell>>),
}

/// The page views the extraction works on: the page itself, or a copy with bad geometry
/// dropped.
trait View {
    fn chars(&self) -> &[Char];
    fn edges(&self) -> Vec<Edge>;
}

impl View for Page {
    fn chars(&self) -> &[Char] {
        Page::chars(self)
    }
    fn edges(&self) -> Vec<Edge> {
        Page::edges(self)
    }
}

impl View for CroppedPage {
    fn chars(&self) -> &[Char] {
        CroppedPage::chars(self)
    }
    fn edges(&self) -> Vec<Edge> {
        CroppedPage::edges(self)
    }
}

fn ok(v: f64) -> bool {
    v.is_finite() && v.abs() <= MAX_COORD
}

pub(super) fn box_ok(x0: f64, top: f64, x1: f64, bottom: f64) -> bool {
    ok(x0) && ok(top) && ok(x1) && ok(bottom)
}

fn object_ok(o: &PageObject<'_>) -> bool {
    match o {
        PageObject::Char(c) => box_ok(c.bbox.x0, c.bbox.top, c.bbox.x1, c.bbox.bottom),
        PageObject::Line(l) => box_ok(l.x0, l.top, l.x1, l.bottom),
        PageObject::Rect(r) => box_ok(r.x0, r.top, r.x1, r.bottom),
        PageObject::Curve(c) => {
            box_ok(c.x0, c.top, c.x1, c.bottom) && c.pts.iter().all(|&(x, y)| ok(x) && ok(y))
        }
        PageObject::Image(i) => box_ok(i.x0, i.top, i.x1, i.bottom),
    }
}

fn page_items(
    page: &Page,
    page_no: u32,
    limits: &Limits,
    budget: &mut Budget,
) -> Result<Vec<Item>> {
    let sane = page.chars().iter().all(|c| object_ok(&PageObject::Char(c)))
        && page.lines().iter().all(|l| object_ok(&PageObject::Line(l)))
        && page.rects().iter().all(|r| object_ok(&PageObject::Rect(r)))
        && page
            .curves()
            .iter()
            .all(|c| object_ok(&PageObject::Curve(c)));
    if sane {
        view_items(page, page_no, limits, budget)
    } else {
        let clean = page.filter(object_ok);
        view_items(&clean, page_no, limits, budget)
    }
}

fn view_items<V: View>(
    view: &V,
    page_no: u32,
    limits: &Limits,
    budget: &mut Budget,
) -> Result<Vec<Item>> {
    budget.chars = budget.chars.saturating_add(view.chars().len());
    let settings = TableSettings::default();
    let edges = view.edges();
    let points = grid_points(&edges, &settings);
    if points > limits.max_page_grid_points {
        return Err(too_large(
            "table grid points",
            points,
            limits.max_page_grid_points,
            Some(page_no),
        ));
    }
    budget.grid_points = budget.grid_points.saturating_add(points);
    if budget.grid_points > limits.max_grid_points {
        return Err(too_large(
            "document table grid points",
            budget.grid_points,
            limits.max_grid_points,
            Some(page_no),
        ));
    }
    let tables = if points == 0 {
        Vec::new()
    } else {
        TableFinder::new(edges, settings).find_tables()
    };
    let mut items: Vec<(f64, u8, Item)> = Vec::new();
    let chars = view.chars();
    let mut in_cell = vec![false; chars.len()];
    if !tables.is_empty() {
        let index = CharIndex::new(chars);
        for table in tables {
            let top = table.bbox.top;
            let mut rows = table.rows;
            for row in &mut rows {
                index.fill(row, &mut in_cell);
            }
            items.push((top, 1, Item::Table(rows)));
        }
    }
    // the characters of no cell, in page order, made into lines as `extract_text_lines` does
    let text_chars: Vec<Char> = chars
        .iter()
        .zip(&in_cell)
        .filter(|(_, taken)| !**taken)
        .map(|(c, _)| light(c))
        .collect();
    let words = WordExtractor::extract(
        &text_chars,
        &WordOptions {
            y_tolerance: TEXT_Y_TOLERANCE,
            ..WordOptions::default()
        },
    );
    let lines = pdfplumber::cluster_words_into_lines(&words, TEXT_Y_TOLERANCE);
    for line in lines {
        items.push((line.bbox.top, 0, Item::Text(line)));
    }
    // stable: lines keep their order, and a line before a table at the same height
    items.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    Ok(items.into_iter().map(|(_, _, item)| item).collect())
}

/// Upper bound of the grid points pdfplumber's table finder will build from `edges`: the
/// horizontal times the vertical ruling lines left after its own snapping, joining and length
/// filter (the same steps, with the same settings).
fn grid_points(edges: &[Edge], settings: &TableSettings) -> usize {
    let len = |e: &Edge| {
        let dx = e.x1 - e.x0;
        let dy = e.bottom - e.top;
        (dx * dx + dy * dy).sqrt()
    };
    let selected: Vec<Edge> = edges
        .iter()
        .filter(|e| e.orientation != Orientation::Diagonal)
        .filter(|e| len(e) >= settings.edge_min_length_prefilter)
        .cloned()
        .collect();
    if selected.is_empty() {
        return 0;
    }
    let snapped = pdfplumber::snap_edges(
        selected,
        settings.snap_x_tolerance,
        settings.snap_y_tolerance,
    );
    let joined = pdfplumber::join_edge_group(
        snapped,
        settings.join_x_tolerance,
        settings.join_y_tolerance,
    );
    let (mut h, mut v) = (0usize, 0usize);
    for e in joined.iter().filter(|e| len(e) >= settings.edge_min_length) {
        match e.orientation {
            Orientation::Horizontal => h += 1,
            Orientation::Vertical => v += 1,
            Orientation::Diagonal => {}
        }
    }
    h.saturating_mul(v)
}

/// The page's characters by the vertical position of their centres, for filling cells.
struct CharIndex<'p> {
    chars: &'p [Char],
    /// (centre y, index), sorted.
    by_y: Vec<(f64, usize)>,
}

impl<'p> CharIndex<'p> {
    fn new(chars: &'p [Char]) -> CharIndex<'p> {
        let mut by_y: Vec<(f64, usize)> = chars
            .iter()
            .enumerate()
            .map(|(i, c)| (f64::midpoint(c.bbox.top, c.bbox.bottom), i))
            .collect();
        by_y.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        CharIndex { chars, by_y }
    }

    /// Fills the text of a row's real cells as pdfplumber does (the characters whose centre is
    /// in the cell, inclusive of its edges, made into words and lines), giving each cell only
    /// the characters that can be in it, in page order.
    fn fill(&self, row: &mut [Cell], in_cell: &mut [bool]) {
        let real = |c: &Cell| c.bbox.x1 > c.bbox.x0 && c.bbox.bottom > c.bbox.top;
        let (Some(top), Some(bottom)) = (
            row.iter()
                .filter(|c| real(c))
                .map(|c| c.bbox.top)
                .reduce(f64::min),
            row.iter()
                .filter(|c| real(c))
                .map(|c| c.bbox.bottom)
                .reduce(f64::max),
        ) else {
            return;
        };
        let lo = self.by_y.partition_point(|&(y, _)| y < top);
        let hi = self.by_y.partition_point(|&(y, _)| y <= bottom);
        // the band's characters by centre x
        let mut band: Vec<(f64, f64, usize)> = self
            .by_y
            .get(lo..hi)
            .unwrap_or(&[])
            .iter()
            .filter_map(|&(y, i)| {
                let c = self.chars.get(i)?;
                Some((f64::midpoint(c.bbox.x0, c.bbox.x1), y, i))
            })
            .collect();
        band.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.2.cmp(&b.2)));
        let options = WordOptions::default();
        for cell in row.iter_mut().filter(|c| real(c)) {
            let b = cell.bbox;
            let from = band.partition_point(|&(x, _, _)| x < b.x0);
            let to = band.partition_point(|&(x, _, _)| x <= b.x1);
            let mut picked: Vec<usize> = band
                .get(from..to)
                .unwrap_or(&[])
                .iter()
                .filter(|&&(_, y, _)| y >= b.top && y <= b.bottom)
                .map(|&(_, _, i)| i)
                .collect();
            picked.sort_unstable();
            for &i in &picked {
                if let Some(taken) = in_cell.get_mut(i) {
                    *taken = true;
                }
            }
            let subset: Vec<Char> = picked
                .iter()
                .filter_map(|&i| self.chars.get(i).map(light))
                .collect();
            pdfplumber::extract_text_for_cells_with_options(
                std::slice::from_mut(cell),
                &subset,
                &options,
            );
        }
    }
}

/// Points to hundredths (coordinates are within ±10⁷ points, so hundredths fit an i64).
#[allow(clippy::cast_possible_truncation)]
/// A copy of a character with what making words and lines reads (text, geometry, size,
/// direction), without its font name, colours and tags: words copy their characters again, and
/// those strings are most of the cost of a copy. The corpus snapshot would show a difference.
fn light(c: &Char) -> Char {
    Char {
        text: c.text.clone(),
        bbox: c.bbox,
        fontname: String::new(),
        size: c.size,
        advance: c.advance,
        doctop: c.doctop,
        upright: c.upright,
        direction: c.direction,
        stroking_color: None,
        non_stroking_color: None,
        ctm: c.ctm,
        char_code: c.char_code,
        mcid: None,
        tag: None,
    }
}

/// Points to hundredths (coordinates are within ±10⁷ points, so hundredths fit an i64).
#[allow(clippy::cast_possible_truncation)] // checked: finite and below 10^15
pub(super) fn dec(v: f64) -> Decimal {
    let hundredths = (v * 100.0).round();
    if hundredths.is_finite() && hundredths.abs() < 1e15 {
        Decimal::new(hundredths as i64, 2)
    } else {
        Decimal::ZERO
    }
}

pub(super) fn bbox_of(b: &PBox) -> BBox {
    BBox::new(dec(b.x0), dec(b.top), dec(b.x1), dec(b.bottom))
}

/// A cell's text on one line: line breaks dropped, except between two Latin letters.
fn one_line(text: &str) -> Cow<'static, str> {
    if !text.contains(['\n', '\r']) {
        return Cow::Owned(text.to_owned());
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == '\n' || c == '\r' {
            let before = chars
                .get(..i)
                .and_then(|s| s.iter().rev().find(|c| !matches!(c, '\n' | '\r')));
            let after = chars
                .get(i + 1..)
                .and_then(|s| s.iter().find(|c| !matches!(c, '\n' | '\r')));
            if before.is_some_and(char::is_ascii_alphabetic)
                && after.is_some_and(char::is_ascii_alphabetic)
                && !out.ends_with(' ')
            {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn push_item(grid: &mut Grid<'static>, page: u32, item: Item) {
    let no = grid.lines().last().map_or(1, |l| l.no.saturating_add(1));
    match item {
        Item::Text(line) => {
            let cell = GridCell::new(line.text(), 0).with_bbox(bbox_of(&line.bbox));
            grid.push_line(no, page, LineKind::Text, [cell]);
        }
        Item::Table(rows) => {
            // the table's column starts, as pdfplumber lays rows out (x0 to 1/1000 point)
            let key = |v: f64| (v * 1000.0).round();
            let mut starts: Vec<f64> = rows
                .iter()
                .flatten()
                .filter(|c| c.text.is_some())
                .map(|c| key(c.bbox.x0))
                .collect();
            starts.sort_by(f64::total_cmp);
            starts.dedup();
            let mut no = no;
            for row in rows {
                let cells = row.into_iter().enumerate().map(|(col, cell)| {
                    let column = u16::try_from(col).unwrap_or(u16::MAX);
                    match cell.text {
                        Some(text) => {
                            let (x0, x1) = (key(cell.bbox.x0), key(cell.bbox.x1));
                            let span = starts.iter().filter(|&&s| s >= x0 && s < x1).count();
                            GridCell::new(one_line(&text), column)
                                .with_bbox(bbox_of(&cell.bbox))
                                .with_span(u16::try_from(span).unwrap_or(u16::MAX))
                        }
                        // covered by a merged cell
                        None => GridCell::new("", column),
                    }
                });
                grid.push_line(no, page, LineKind::Row, cells);
                no = no.saturating_add(1);
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_in_cells() {
        assert_eq!(
            one_line("机关事业单位基本养老保险缴\n费支出"),
            "机关事业单位基本养老保险缴费支出"
        );
        assert_eq!(one_line("12,345,6\n78.90"), "12,345,678.90");
        assert_eq!(one_line("Project\nName"), "Project Name");
        assert_eq!(one_line("plain"), "plain");
    }

    #[test]
    fn boxes_round_to_hundredths() {
        let b = bbox_of(&PBox::new(72.123_456, 410.5, 130.0, 422.004));
        assert_eq!(b.x0().to_string(), "72.12");
        assert_eq!(b.bottom().to_string(), "422.00");
    }
}
