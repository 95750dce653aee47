//! The bad-input catalogue of `tests/bad_inputs` (also run from Python and JavaScript): every
//! malformed input either fails with the stated error code and message, or reads with the stated
//! problems recorded (notices, unreadable cells, row issues, findings). None may panic.
//!
//! The expectations are matched against the JSON of the error, the parsed model and the report,
//! the same JSON every front end sees (see `tests/bad_inputs/README.md`).
//! `YUSUAN_BAD_INPUTS_DUMP=1` prints what each input yields, for writing new cases.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stderr,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/bad_inputs")
}

/// The input bytes of a case: a file, or a `generate` recipe (`{"repeat": s, "count": n}`).
fn input(case: &Value) -> Vec<u8> {
    if let Some(file) = case["input"].as_str() {
        return std::fs::read(dir().join(file)).unwrap();
    }
    let g = &case["generate"];
    let unit = g["repeat"].as_str().unwrap();
    let count = usize::try_from(g["count"].as_u64().unwrap()).unwrap();
    unit.repeat(count).into_bytes()
}

/// Whether `want` (an object of expected keys) matches `got`: every key of `want` equals the
/// key of `got`, recursively for objects.
fn subset(want: &Value, got: &Value) -> bool {
    match (want, got) {
        (Value::Object(w), Value::Object(g)) => w
            .iter()
            .all(|(k, v)| subset(v, g.get(k).unwrap_or(&Value::Null))),
        _ => want == got,
    }
}

/// What an input yields, as the front ends see it.
struct Outcome {
    error: Option<Value>,
    document: Value,
    report: Value,
}

fn run(bytes: &[u8]) -> Outcome {
    match yusuan::parse_bytes(bytes) {
        Err(e) => {
            let mut v = serde_json::to_value(&e).unwrap();
            v["message"] = json!(e.to_string());
            v["line"] = json!(e.line());
            v["table"] = json!(e.table());
            Outcome {
                error: Some(v),
                document: Value::Null,
                report: Value::Null,
            }
        }
        Ok(doc) => {
            let report: Value = serde_json::from_str(&yusuan::check(&doc).to_json()).unwrap();
            Outcome {
                error: None,
                document: serde_json::to_value(&doc).unwrap(),
                report,
            }
        }
    }
}

/// Every cell of the model, flattened: `{table, line, kind, text}`.
fn cells(doc: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    for t in doc["tables"].as_array().into_iter().flatten() {
        for r in t["rows"].as_array().into_iter().flatten() {
            for c in r["cells"].as_array().into_iter().flatten() {
                out.push(json!({
                    "table": t["key"], "line": c["line"], "kind": c["value"]["kind"],
                    "text": c["text"],
                }));
            }
        }
    }
    out
}

/// Every row issue of the model, flattened: `{table, line, issue}`.
fn row_issues(doc: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    for t in doc["tables"].as_array().into_iter().flatten() {
        for r in t["rows"].as_array().into_iter().flatten() {
            for i in r["issues"].as_array().into_iter().flatten() {
                out.push(json!({"table": t["key"], "line": r["line"], "issue": i["kind"]}));
            }
        }
    }
    out
}

fn fails(report: &Value) -> Vec<&Value> {
    report["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["outcome"] == "fail")
        .collect()
}

/// Checks one case; returns what does not match.
fn verify(case: &Value, got: &Outcome) -> Vec<String> {
    let expect = &case["expect"];
    let mut problems = Vec::new();
    if let Some(code) = expect["error"].as_str() {
        let Some(err) = &got.error else {
            return vec![format!("expected error `{code}`, but the input was read")];
        };
        let want: serde_json::Map<String, Value> = expect
            .as_object()
            .unwrap()
            .iter()
            .filter(|(k, _)| k.as_str() != "error" && k.as_str() != "message_contains")
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        if err["code"] != code || !subset(&Value::Object(want), err) {
            problems.push(format!("expected error {expect}, got {err}"));
        }
        if let Some(text) = expect["message_contains"].as_str() {
            if !err["message"].as_str().unwrap_or("").contains(text) {
                problems.push(format!("message `{}` lacks `{text}`", err["message"]));
            }
        }
        return problems;
    }
    if let Some(err) = &got.error {
        return vec![format!("expected the input to be read, got error {err}")];
    }
    let lists: [(&str, Vec<Value>); 4] = [
        (
            "notices",
            got.document["notices"]
                .as_array()
                .cloned()
                .unwrap_or_default(),
        ),
        ("cells", cells(&got.document)),
        ("rows", row_issues(&got.document)),
        // the checks a finding for one cause stands for are reported instances too
        (
            "findings",
            got.report["findings"]
                .as_array()
                .into_iter()
                .flatten()
                .flat_map(|f| {
                    std::iter::once(f.clone())
                        .chain(f["related"].as_array().into_iter().flatten().cloned())
                })
                .collect(),
        ),
    ];
    for (key, actual) in &lists {
        for want in expect[*key].as_array().into_iter().flatten() {
            if !actual.iter().any(|a| subset(want, a)) {
                problems.push(format!("{key}: nothing matches {want}"));
            }
        }
    }
    if let Some(doc) = expect.get("document") {
        if !subset(doc, &got.document) {
            problems.push(format!("document does not match {doc}"));
        }
    }
    if expect["clean"] == true {
        // no notice, no unreadable cell, no row issue, no error (warnings about the tables a
        // one-table excerpt lacks are allowed)
        let notices = &lists[0].1;
        let unreadable: Vec<&Value> = lists[1]
            .1
            .iter()
            .filter(|c| c["kind"] == "unreadable")
            .collect();
        let issues = &lists[2].1;
        let errors: Vec<&Value> = fails(&got.report)
            .into_iter()
            .filter(|f| f["severity"] == "error")
            .collect();
        if !notices.is_empty() || !unreadable.is_empty() || !issues.is_empty() || !errors.is_empty()
        {
            problems.push(format!(
                "expected a clean read: notices {notices:?}, unreadable cells {unreadable:?}, row issues {issues:?}, errors {errors:?}"
            ));
        }
    }
    problems
}

fn dump(name: &str, got: &Outcome) {
    eprintln!("== {name}");
    if let Some(e) = &got.error {
        eprintln!("   error {e}");
        return;
    }
    eprintln!("   meta {}", got.document["meta"]);
    for n in got.document["notices"].as_array().into_iter().flatten() {
        eprintln!("   notice {n}");
    }
    for c in cells(&got.document) {
        if c["kind"] == "unreadable" || c["kind"] == "text" {
            eprintln!("   cell {c}");
        }
    }
    for r in row_issues(&got.document) {
        eprintln!("   row {r}");
    }
    for f in fails(&got.report) {
        eprintln!(
            "   finding {} {} {} {} {}: {}",
            f["rule"], f["severity"], f["table"], f["row"], f["column"], f["message_en"]
        );
    }
    eprintln!("   summary {}", got.report["summary"]);
}

#[test]
fn bad_input_catalogue() {
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(dir().join("cases.json")).unwrap()).unwrap();
    let cases = manifest.as_array().unwrap();
    assert!(cases.len() >= 40, "{} cases", cases.len());
    let dumping = std::env::var("YUSUAN_BAD_INPUTS_DUMP").is_ok();
    let mut failures = Vec::new();
    let mut names = std::collections::HashSet::new();
    for case in cases {
        let name = case["name"].as_str().unwrap();
        assert!(names.insert(name), "duplicate case {name}");
        assert!(
            case["user_sees"].as_str().is_some_and(|s| !s.is_empty()),
            "{name}: says nothing about what the user sees"
        );
        let got = run(&input(case));
        if dumping {
            dump(name, &got);
        }
        for p in verify(case, &got) {
            failures.push(format!("{name}: {p}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every input file is used by a case (and every case's file exists).
#[test]
fn every_input_is_catalogued() {
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(dir().join("cases.json")).unwrap()).unwrap();
    let used: std::collections::HashSet<String> = manifest
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["input"].as_str())
        .map(str::to_owned)
        .collect();
    for entry in std::fs::read_dir(dir().join("inputs")).unwrap() {
        let name = format!("inputs/{}", entry.unwrap().file_name().to_string_lossy());
        assert!(used.contains(&name), "{name} is in no case");
    }
    for u in &used {
        assert!(dir().join(u).exists(), "{u} is missing");
    }
}

/// What the entry point that tells PDF from text (`yusuan::read`) gives for the cases that say
/// (`with_pdf`, and `without_pdf` for a build without the PDF reader): the error of the case.
#[test]
fn the_pdf_expectations_of_the_bytes_entry_point() {
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(dir().join("cases.json")).unwrap()).unwrap();
    let key = if cfg!(feature = "pdf") {
        "with_pdf"
    } else {
        "without_pdf"
    };
    let mut seen = 0;
    for case in manifest.as_array().unwrap() {
        let Some(want) = case.get(key) else { continue };
        seen += 1;
        let name = case["name"].as_str().unwrap();
        let err = yusuan::read(&input(case)).expect_err(name);
        assert_eq!(Some(err.code()), want["error"].as_str(), "{name}: {err}");
        let part = want["message_contains"].as_str().unwrap_or("");
        assert!(err.to_string().contains(part), "{name}: {err} lacks {part}");
    }
    assert!(seen > 0, "no case says what `{key}` sees");
}
