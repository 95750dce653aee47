//! The stages import one way only (../shared/DESIGN.md, "Data flow"): `source/` knows nothing
//! of the reader, and `read/` nothing of the checks, the report or a binding.

#![allow(clippy::unwrap_used, clippy::panic)]

use std::path::{Path, PathBuf};

fn sources(dir: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(dir);
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    assert!(!out.is_empty(), "no sources under {dir}");
    out
}

/// The lines of `dir`'s sources (outside comments) that name one of `forbidden`.
fn offending(dir: &str, forbidden: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for file in sources(dir) {
        let text = std::fs::read_to_string(&file).unwrap();
        for (i, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for f in forbidden {
                if code.contains(f) {
                    out.push(format!("{}:{}: {}", file.display(), i + 1, line.trim()));
                }
            }
        }
    }
    out
}

#[test]
fn the_source_stage_knows_nothing_of_the_reader() {
    let bad = offending(
        "source",
        &[
            "crate::read",
            "super::super::read",
            "crate::check",
            "crate::report",
            "crate::claims",
        ],
    );
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn the_reader_knows_nothing_of_checks_reports_or_bindings() {
    let bad = offending(
        "read",
        &[
            "crate::check",
            "crate::report",
            "crate::claims",
            "crate::compare",
            "crate::render",
            "pyo3",
            "wasm_bindgen",
        ],
    );
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
