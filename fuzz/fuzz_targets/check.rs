//! Parse, check and render arbitrary bytes: no panic, every instance counted once, every piece of
//! evidence pointing inside the document.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = yusuan::parse_bytes(data) else {
        return;
    };
    let report = yusuan::check(&doc);
    let s = &report.summary;
    let counted = s.error + s.warning + s.hint + s.pass + s.not_applicable + s.insufficient_data;
    // a finding for one cause stands for the failed instances it lists (`related`)
    let merged: usize = report
        .findings
        .iter()
        .map(|f| f.related.len().saturating_sub(1))
        .sum();
    assert_eq!(counted + merged, report.coverage.rule_instances);
    // passes are only counted; every other instance is a finding
    assert_eq!(report.findings.len() + s.pass, counted);
    for f in report.findings.iter().filter(|f| !f.related.is_empty()) {
        assert!(f.related.len() >= 2 && f.is_error(), "{}: {} related", f.rule, f.related.len());
        assert!(f.related.iter().all(|r| r.is_error() && r.related.is_empty()));
    }
    for f in &report.findings {
        for e in &f.evidence {
            assert!(
                e.line <= doc.line_count,
                "{} evidence line {}",
                f.rule,
                e.line
            );
        }
    }
    let json = report.to_json();
    let back: yusuan::Report = serde_json::from_str(&json).unwrap();
    assert_eq!(back, report);
    let _ = report.to_text();
    let _ = report.to_markdown();
});
