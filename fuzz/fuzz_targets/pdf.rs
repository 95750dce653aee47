//! The PDF source on arbitrary bytes: no panic (the fuzz build aborts on a panic, as WebAssembly
//! does, so a panic inside the extractor counts too), no hang (libFuzzer's timeout), memory
//! bounded (its RSS limit); a grid whose lines are numbered one after the other on pages in order,
//! whose rows have their cells in column order; and the reading and checking of that grid never
//! panics either.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // smaller limits than the defaults keep every input fast; the checks are the same code
    let mut limits = yusuan::source::pdf::Limits::default();
    limits.max_bytes = 1 << 20;
    limits.max_pages = 64;
    limits.max_stream_bytes = 8 << 20;
    limits.max_total_stream_bytes = 32 << 20;
    limits.max_page_content_bytes = 1 << 20;
    limits.max_content_bytes = 8 << 20;
    let Ok(grid) = yusuan::source::pdf::grid_with(data, &limits) else {
        return;
    };
    let mut no = 0;
    let mut page = 1;
    for line in grid.lines() {
        assert_eq!(line.no, no + 1, "lines are numbered one after the other");
        no = line.no;
        assert!(line.page >= page, "pages in order");
        page = line.page;
        let cells = grid.cells(line);
        if line.is_row() {
            for (i, c) in cells.iter().enumerate() {
                assert_eq!(usize::from(c.column), i, "a row has one cell per column");
            }
        } else {
            assert_eq!(cells.len(), 1);
        }
        for c in cells {
            if let Some(b) = c.bbox {
                assert!(b.x0() <= b.x1() && b.top() <= b.bottom(), "{b:?}");
            }
        }
    }
    assert_eq!(grid.to_text().lines().count(), grid.lines().len());
    if let Ok(doc) = yusuan::Parser::new().read_grid(&grid) {
        let report = yusuan::check(&doc);
        serde_json::to_string(&report).unwrap();
    }
});
