//! `yusuan::read` tells PDF from text by the bytes, never by a name; without the `pdf` feature a
//! PDF is refused with a stable code.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use yusuan::source::{Format, detect};

const SEED: &str = include_str!("../../tests/corpus/seed_2025_yantai_unit_budget.txt");

#[test]
fn the_bytes_tell_pdf_from_text() {
    assert_eq!(detect(b"%PDF-1.7\n"), Format::Pdf);
    assert_eq!(detect(b"\xEF\xBB\xBF\r\n  %PDF-1.4\n"), Format::Pdf);
    assert_eq!(
        detect(b"Content-Type: application/pdf\r\n\r\n%PDF-1.5"),
        Format::Pdf
    );
    let late = [b" ".repeat(1020), b"%PDF-1.7".to_vec()].concat();
    assert_eq!(detect(&late), Format::Text, "past the first 1024 bytes");
    assert_eq!(detect(SEED.as_bytes()), Format::Text);
    assert_eq!(detect(b""), Format::Text);
}

#[test]
fn text_reads_as_parse_bytes_does() {
    let a = yusuan::read(SEED.as_bytes()).unwrap();
    let b = yusuan::parse_bytes(SEED.as_bytes()).unwrap();
    assert_eq!(
        serde_json::to_string(&a).unwrap(),
        serde_json::to_string(&b).unwrap()
    );
    assert_eq!(
        yusuan::read(b"\xff\xfe").unwrap_err().code(),
        yusuan::parse_bytes(b"\xff\xfe").unwrap_err().code()
    );
}

#[cfg(not(feature = "pdf"))]
#[test]
fn without_the_pdf_feature_a_pdf_is_refused() {
    let err = yusuan::read(b"%PDF-1.7\n%%EOF\n").unwrap_err();
    assert_eq!(err.code(), "pdf_unsupported");
    assert!(err.to_string().contains("`pdf` feature"), "{err}");
}

#[cfg(feature = "pdf")]
#[test]
fn with_the_pdf_feature_a_pdf_is_read() {
    let pdf = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/pdf_damaged/inputs/valid.pdf"
    ))
    .unwrap();
    let doc = yusuan::read(&pdf).unwrap();
    assert_eq!(doc.tables.len(), 1);
    // the same bytes given as text would not be UTF-8
    assert!(yusuan::parse_bytes(&pdf).is_err());
}
