//! Every text form that common tools write reads to the same report as the tab-separated
//! original: the seed, the real documents of `../shared/corpus` (both extractions), and generated
//! documents, each rewritten with CRLF, CR, a BOM, bare form feeds between pages, columns
//! aligned with spaces, tabs expanded to spaces, trailing blanks and GB18030.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::print_stderr,
    clippy::many_single_char_names
)]

use std::path::{Path, PathBuf};

use yusuan_synth::forms::{Form, render};

const SEED: &str = include_str!("../../tests/corpus/seed_2025_yantai_unit_budget.txt");

/// `../shared/corpus` of the repository; `None` (skip) outside CI when it is absent.
fn shared_corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var("CI").is_err(),
        "../shared/corpus is missing: CI must have it"
    );
    eprintln!("../shared/corpus not found: its documents are skipped");
    None
}

fn documents() -> Vec<(String, String)> {
    let mut docs = vec![("seed".to_owned(), SEED.to_owned())];
    if let Some(dir) = shared_corpus() {
        for sub in ["", "pdfplumber-text"] {
            let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join(sub))
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| {
                    p.extension().is_some_and(|e| e == "txt")
                        && p.file_name()
                            .is_some_and(|n| n.to_string_lossy().starts_with('0'))
                })
                .collect();
            files.sort();
            for f in files {
                let name = format!("{sub}/{}", f.file_name().unwrap().to_string_lossy());
                docs.push((name, std::fs::read_to_string(&f).unwrap()));
            }
        }
        assert!(docs.len() >= 7, "{} documents", docs.len());
    }
    for seed in (1..=12).chain([42, 1000]) {
        docs.push((format!("synth {seed}"), yusuan_synth::generate(seed).text));
    }
    docs
}

/// The report, without the notices a form may add (an encoding detected).
fn report(bytes: &[u8]) -> Result<(serde_json::Value, Vec<String>), String> {
    let doc = yusuan::parse_bytes(bytes).map_err(|e| format!("{e} [{}]", e.code()))?;
    let mut v: serde_json::Value = serde_json::from_str(&yusuan::check(&doc).to_json()).unwrap();
    let notices = v["notices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["code"].as_str().unwrap().to_owned())
        .collect();
    v["notices"] = serde_json::Value::Null;
    Ok((v, notices))
}

#[test]
fn every_form_reads_to_the_same_report() {
    let mut failures = Vec::new();
    for (name, text) in documents() {
        let (want, want_notices) = report(text.as_bytes()).unwrap();
        for form in Form::ALL.into_iter().skip(1) {
            let bytes = render(&text, form);
            match report(&bytes) {
                Err(e) => failures.push(format!("{name} as {}: {e}", form.name())),
                Ok((got, notices)) => {
                    if got != want {
                        let diff = first_difference(&want, &got);
                        failures.push(format!("{name} as {}: {diff}", form.name()));
                    }
                    let mut extra: Vec<&String> = notices
                        .iter()
                        .filter(|n| !want_notices.contains(n))
                        .collect();
                    extra.dedup();
                    let expected: &[&str] = if form == Form::Gb18030 {
                        &["encoding_detected"]
                    } else {
                        &[]
                    };
                    if extra.iter().map(|s| s.as_str()).collect::<Vec<_>>() != expected {
                        failures.push(format!(
                            "{name} as {}: notices {extra:?}, expected {expected:?}",
                            form.name()
                        ));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Where two reports first differ, as a JSON path and both values.
fn first_difference(a: &serde_json::Value, b: &serde_json::Value) -> String {
    fn walk(a: &serde_json::Value, b: &serde_json::Value, path: &str) -> Option<String> {
        use serde_json::Value::{Array, Object};
        match (a, b) {
            (Object(x), Object(y)) => {
                for (k, v) in x {
                    let w = y.get(k).unwrap_or(&serde_json::Value::Null);
                    if let Some(d) = walk(v, w, &format!("{path}.{k}")) {
                        return Some(d);
                    }
                }
                y.keys()
                    .find(|k| !x.contains_key(*k))
                    .map(|k| format!("{path}.{k}: only in the form"))
            }
            (Array(x), Array(y)) => {
                for (i, (v, w)) in x.iter().zip(y).enumerate() {
                    if let Some(d) = walk(v, w, &format!("{path}[{i}]")) {
                        return Some(d);
                    }
                }
                (x.len() != y.len()).then(|| format!("{path}: {} vs {} items", x.len(), y.len()))
            }
            _ => (a != b).then(|| format!("{path}: {a} vs {b}")),
        }
    }
    walk(a, b, "").unwrap_or_default()
}

/// What a finding says, without where it was printed (the two extractions of one PDF lay out
/// their lines differently).
fn gist(report: &serde_json::Value) -> Vec<String> {
    // an unlabelled row is keyed by its line
    let row = |v: &serde_json::Value| {
        let r = v.as_str().unwrap_or("");
        if r.strip_prefix("line")
            .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
        {
            "line".to_owned()
        } else {
            v.to_string()
        }
    };
    let mut out: Vec<String> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let cells: Vec<String> = f["evidence"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| {
                    format!(
                        "{}/{}/{}/{}/p{}",
                        e["table"],
                        row(&e["row"]),
                        e["column"],
                        e["text"],
                        e["page"]
                    )
                })
                .collect();
            format!(
                "{} {} {} {} {} {} {} {} {} [{}]",
                f["rule"],
                f["outcome"],
                f["severity"],
                f["table"],
                row(&f["row"]),
                f["column"],
                f["expected"],
                f["actual"],
                f["difference"],
                if f["table"] == "narrative" {
                    String::new()
                } else {
                    cells.join(" ")
                }
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn both_extractions_of_a_pdf_read_to_the_same_findings() {
    let Some(dir) = shared_corpus() else { return };
    let mut failures = Vec::new();
    for name in [
        "01_sh_putuo_wanli_street_dept_budget_2023.txt",
        "04_sh_putuo_social_welfare_home_unit_budget_2024.txt",
        "07_sh_putuo_finance_bureau_dept_final_2024.txt",
    ] {
        let a = report(&std::fs::read(dir.join(name)).unwrap()).unwrap().0;
        let b = report(&std::fs::read(dir.join("pdfplumber-text").join(name)).unwrap())
            .unwrap()
            .0;
        if a["summary"] != b["summary"] {
            failures.push(format!(
                "{name}: summary {} vs {}",
                a["summary"], b["summary"]
            ));
        }
        let (ga, gb) = (gist(&a), gist(&b));
        for x in ga.iter().filter(|x| !gb.contains(x)) {
            failures.push(format!("{name}: only in the first extraction: {x}"));
        }
        for x in gb.iter().filter(|x| !ga.contains(x)) {
            failures.push(format!("{name}: only in pdfplumber-text: {x}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
