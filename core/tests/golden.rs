//! The shared golden cases of `tests/golden` (also run from Python and JavaScript): the JSON report
//! must equal the stored one byte for byte, or the error must carry the stated code.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stderr
)]

use std::path::{Path, PathBuf};

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/golden")
}

#[test]
fn golden_cases() {
    let dir = golden_dir();
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("cases.json")).unwrap()).unwrap();
    let cases = manifest.as_array().unwrap();
    assert!(cases.len() >= 8);
    let mut failures = Vec::new();
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let path = dir.join(case["input"].as_str().unwrap());
        // a real document of ../shared/corpus: public material that stays there
        if case["shared"] == true && !path.is_file() {
            assert!(
                std::env::var("CI").is_err(),
                "{name}: {} is missing under CI",
                path.display()
            );
            eprintln!("{name}: {} is absent; skipped", path.display());
            continue;
        }
        let input = std::fs::read(&path).unwrap();
        let result = yusuan::read(&input);
        // a PDF case, built without the `pdf` feature: the PDF is refused as such
        if case["pdf"] == true && cfg!(not(feature = "pdf")) {
            match result {
                Err(e) if e.code() == "pdf_unsupported" => {}
                other => failures.push(format!("{name}: expected pdf_unsupported, got {other:?}")),
            }
            continue;
        }
        match (case["report"].as_str(), case["error"].as_str(), result) {
            (Some(report), _, Ok(doc)) => {
                let want = std::fs::read_to_string(dir.join(report)).unwrap();
                let got = yusuan::check(&doc).to_json();
                if got != want {
                    failures.push(format!(
                        "{name}: report differs from tests/golden/{report} (run scripts/bless-golden.sh if the change is intended)"
                    ));
                }
            }
            (_, Some(code), Err(e)) if e.code() == code => {}
            (_, _, Err(e)) => failures.push(format!("{name}: unexpected error {e:?}")),
            (_, Some(code), Ok(_)) => {
                failures.push(format!("{name}: expected error `{code}`, parsed fine"));
            }
            (None, None, Ok(_)) => {
                failures.push(format!("{name}: case has neither report nor error"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
