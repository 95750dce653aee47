//! The damaged-PDF catalogue of `tests/pdf_damaged` (data for every front end; see its README):
//! every input either fails with its stable error code, or is read (repaired where it says so).
//! None may panic or hang: each case runs on a thread of its own under a generous watchdog.
//! `YUSUAN_PDF_DAMAGED_DUMP=1` prints what each input yields, for writing new cases.

#![cfg(feature = "pdf")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stderr,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::{Value, json};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/pdf_damaged")
}

fn manifest() -> Vec<Value> {
    let text = std::fs::read_to_string(dir().join("cases.json")).unwrap();
    serde_json::from_str::<Value>(&text)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

/// The bytes of a case: a file, or `generate` (`{"prefix": s, "repeat": s, "count": n}`).
fn input(case: &Value) -> Vec<u8> {
    if let Some(file) = case["input"].as_str() {
        return std::fs::read(dir().join(file)).unwrap();
    }
    let g = &case["generate"];
    let mut bytes = g["prefix"].as_str().unwrap_or("").as_bytes().to_vec();
    let unit = g["repeat"].as_str().unwrap();
    let count = usize::try_from(g["count"].as_u64().unwrap()).unwrap();
    bytes.extend_from_slice(unit.repeat(count).as_bytes());
    bytes
}

/// What an input yields through the case's entry point, as JSON: `{"error": {...}}` or
/// `{"tables": n, "notices": [...], "errors": n}`.
fn run(entry: &str, bytes: &[u8]) -> Value {
    let read = match entry {
        "pdf" => {
            yusuan::source::pdf::grid(bytes).and_then(|grid| yusuan::Parser::new().read_grid(&grid))
        }
        _ => yusuan::read(bytes),
    };
    match read {
        Err(e) => {
            let mut v = serde_json::to_value(&e).unwrap();
            v["message"] = json!(e.to_string());
            v["page"] = json!(e.page());
            json!({ "error": v })
        }
        Ok(doc) => {
            let report = yusuan::check(&doc);
            json!({
                "tables": doc.tables.len(),
                "notices": serde_json::to_value(&doc.notices).unwrap(),
                "errors": report.summary.error,
            })
        }
    }
}

fn subset(want: &Value, got: &Value) -> bool {
    match (want, got) {
        (Value::Object(w), Value::Object(g)) => w
            .iter()
            .all(|(k, v)| subset(v, g.get(k).unwrap_or(&Value::Null))),
        _ => want == got,
    }
}

fn verify(case: &Value, got: &Value) -> Vec<String> {
    let expect = &case["expect"];
    if let Some(code) = expect["error"].as_str() {
        let Some(err) = got.get("error") else {
            return vec![format!("expected error `{code}`, got {got}")];
        };
        let mut problems = Vec::new();
        if err["code"] != code {
            problems.push(format!("expected error `{code}`, got {err}"));
        }
        for (k, v) in expect.as_object().unwrap() {
            match k.as_str() {
                "error" => {}
                "message_contains" => {
                    if !err["message"]
                        .as_str()
                        .unwrap_or("")
                        .contains(v.as_str().unwrap())
                    {
                        problems.push(format!("message {} lacks {v}", err["message"]));
                    }
                }
                _ => {
                    if !subset(v, &err[k.as_str()]) {
                        problems.push(format!("{k}: expected {v}, got {}", err[k.as_str()]));
                    }
                }
            }
        }
        return problems;
    }
    if let Some(err) = got.get("error") {
        return vec![format!("expected the input to be read, got error {err}")];
    }
    let mut problems = Vec::new();
    if let Some(n) = expect["tables"].as_u64()
        && got["tables"].as_u64() != Some(n)
    {
        problems.push(format!("expected {n} tables, got {}", got["tables"]));
    }
    let notices = got["notices"].as_array().cloned().unwrap_or_default();
    for want in expect["notices"].as_array().into_iter().flatten() {
        if !notices.iter().any(|n| subset(want, n)) {
            problems.push(format!("notices: nothing matches {want} in {notices:?}"));
        }
    }
    if expect["no_notice"] == true && !notices.is_empty() {
        problems.push(format!("expected no notice, got {notices:?}"));
    }
    problems
}

#[test]
fn damaged_pdf_catalogue() {
    let cases = manifest();
    assert!(cases.len() >= 25, "{} cases", cases.len());
    let dumping = std::env::var("YUSUAN_PDF_DAMAGED_DUMP").is_ok();
    let mut failures = Vec::new();
    let mut names = std::collections::HashSet::new();
    for case in cases {
        let name = case["name"].as_str().unwrap().to_owned();
        assert!(names.insert(name.clone()), "duplicate case {name}");
        assert!(
            case["user_sees"].as_str().is_some_and(|s| !s.is_empty()),
            "{name}: says nothing about what the user sees"
        );
        let entry = case["entry"].as_str().unwrap_or("read").to_owned();
        let bytes = input(&case);
        // a watchdog, not a timing: a case that does not end within a minute hangs
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let got = std::panic::catch_unwind(|| run(&entry, &bytes));
            let _ = tx.send(got);
        });
        let got = match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(Ok(got)) => got,
            Ok(Err(_)) => {
                failures.push(format!("{name}: panicked"));
                continue;
            }
            Err(_) => {
                failures.push(format!("{name}: no result within 60 s (a hang)"));
                continue;
            }
        };
        if dumping {
            eprintln!("== {name}: {got}");
        }
        for p in verify(&case, &got) {
            failures.push(format!("{name}: {p}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every input file is used by a case, and every case's file exists.
#[test]
fn every_input_is_catalogued() {
    let used: std::collections::HashSet<String> = manifest()
        .iter()
        .filter_map(|c| c["input"].as_str().map(str::to_owned))
        .collect();
    for f in &used {
        assert!(dir().join(f).is_file(), "missing input {f}");
    }
    for entry in std::fs::read_dir(dir().join("inputs")).unwrap() {
        let name = format!("inputs/{}", entry.unwrap().file_name().to_string_lossy());
        assert!(used.contains(&name), "{name} is not used by any case");
    }
}
