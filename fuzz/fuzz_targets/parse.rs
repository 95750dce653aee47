//! The parser on arbitrary bytes: no panic, no hang (libFuzzer's timeout), and a model whose line
//! references stay inside the document.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = yusuan::parse_bytes(data) else {
        return;
    };
    let lines = doc.line_count;
    for t in &doc.tables {
        assert!(
            t.lines.start <= t.lines.end && t.lines.end <= lines,
            "{}",
            t.key
        );
        for r in &t.rows {
            assert!(
                r.line >= t.lines.start && r.line <= t.lines.end,
                "{} row line {}",
                t.key,
                r.line
            );
            for c in &r.cells {
                assert!(usize::from(c.column) < t.columns.len());
                assert_eq!(c.line, r.line);
            }
        }
    }
    for s in &doc.sections {
        assert!(s.lines.start <= s.lines.end && s.lines.end <= lines);
    }
    for n in &doc.notices {
        assert!(n.line <= lines, "{n:?}");
    }
    // the model serialises (the CLI, Python and JS all go through JSON)
    serde_json::to_string(&doc).unwrap();
});
