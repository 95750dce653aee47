//! The `yusuan` command on PDFs and batches: `check` of PDF and text files and folders (exit
//! codes, pages in the text report, the closing table, `--format jsonl`), `text` and `parse` of
//! a PDF. The PDFs are made in the project (the damaged-PDF catalogue, and documents rendered by
//! `yusuan_synth::pdf`); the corpus PDFs of `../shared` are used where they are there.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn yusuan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_yusuan"))
        .args(args)
        .output()
        .expect("run yusuan")
}

fn repo(rel: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(rel)
        .display()
        .to_string()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// A fresh folder under the system's temporary folder.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("yusuan-cli-pdf-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The one-table disclosure with one cell 1.00 too large, after a cover page, rendered as a PDF.
fn pdf_with_an_error(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(repo("tests/bad_inputs/inputs/sum_off_by_one.txt")).unwrap();
    let text = format!("封面\n\u{c}{text}");
    let path = dir.join("sum_off_by_one.pdf");
    std::fs::write(&path, yusuan_synth::pdf::render(&text)).unwrap();
    path
}

#[test]
fn check_a_pdf_names_the_page_and_exits_1_on_an_error() {
    let dir = scratch("error");
    let pdf = pdf_with_an_error(&dir);
    let o = yusuan(&["check", pdf.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("[W-05-1]"), "{out}");
    assert!(out.contains("(page 2, line "), "{out}");
}

#[test]
fn evidence_lines_are_lines_of_the_text_form() {
    let dir = scratch("lines");
    let pdf = pdf_with_an_error(&dir);
    let text = stdout(&yusuan(&["text", pdf.to_str().unwrap()]));
    let o = yusuan(&["check", pdf.to_str().unwrap(), "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let lines: Vec<&str> = text.split('\n').collect();
    let mut seen = 0;
    for f in report["findings"].as_array().unwrap() {
        for e in f["evidence"].as_array().unwrap() {
            let line = usize::try_from(e["line"].as_u64().unwrap()).unwrap();
            let printed = e["text"].as_str().unwrap();
            assert!(
                lines[line - 1].contains(printed),
                "line {line} `{}` lacks `{printed}`",
                lines[line - 1]
            );
            assert_eq!(e["page"], 2);
            seen += 1;
        }
    }
    assert!(seen > 0);
}

#[test]
fn text_and_parse_read_a_pdf() {
    let valid = repo("tests/pdf_damaged/inputs/valid.pdf");
    let o = yusuan(&["text", &valid]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("一般公共预算支出情况表\n"), "{text}");
    assert!(
        text.contains("\t\t02\t一般行政管理事务\t100.00\t\t\t\t100.00\n"),
        "{text}"
    );
    let o = yusuan(&["parse", &valid, "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(doc["tables"].as_array().unwrap().len(), 1);
}

#[test]
fn an_unreadable_pdf_exits_2_with_its_code() {
    for (file, code) in [
        ("encrypted.pdf", "[pdf_encrypted]"),
        ("scanned.pdf", "[pdf_no_text]"),
        ("truncated_half.pdf", "[pdf_damaged]"),
    ] {
        let o = yusuan(&["check", &repo(&format!("tests/pdf_damaged/inputs/{file}"))]);
        assert_eq!(o.status.code(), Some(2), "{file}");
        assert!(stderr(&o).contains(code), "{file}: {}", stderr(&o));
    }
}

#[test]
fn a_folder_is_walked_and_closed_with_a_table() {
    let dir = scratch("batch");
    pdf_with_an_error(&dir);
    std::fs::copy(
        repo("tests/pdf_damaged/inputs/valid.pdf"),
        dir.join("valid.pdf"),
    )
    .unwrap();
    std::fs::copy(
        repo("tests/pdf_damaged/inputs/encrypted.pdf"),
        dir.join("zz_encrypted.pdf"),
    )
    .unwrap();
    std::fs::write(dir.join("notes.json"), "{}").unwrap();
    let seed = repo("tests/corpus/seed_2025_yantai_unit_budget.txt");

    let o = yusuan(&["check", dir.to_str().unwrap(), &seed]);
    // one input cannot be read
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(
        out.matches("\n== ").count() + usize::from(out.starts_with("== ")),
        3,
        "{out}"
    );
    let table = out
        .split("\nerrors warnings")
        .nth(1)
        .expect("closing table");
    let rows: Vec<&str> = table.lines().skip(1).collect();
    assert_eq!(rows.len(), 4, "{table}");
    assert!(rows[0].ends_with("sum_off_by_one.pdf"), "{}", rows[0]);
    // one cell 1.00 too large breaks two checks: one error about that cell
    assert!(
        rows[0].trim_start().starts_with("1 "),
        "one error: {}",
        rows[0]
    );
    assert!(rows[2].contains("unreadable: pdf_encrypted"), "{}", rows[2]);
    assert!(
        rows[3].ends_with("seed_2025_yantai_unit_budget.txt"),
        "{}",
        rows[3]
    );
    assert!(!out.contains("notes.json"));
    assert!(stderr(&o).contains("[pdf_encrypted]"));

    // one JSON report per line, in the order of the inputs; the table goes to standard error
    let o = yusuan(&["check", dir.to_str().unwrap(), &seed, "--format", "jsonl"]);
    assert_eq!(o.status.code(), Some(2));
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    assert!(
        lines[0]["file"]
            .as_str()
            .unwrap()
            .ends_with("sum_off_by_one.pdf")
    );
    assert_eq!(lines[0]["schema"], "yusuan.report/1");
    assert_eq!(lines[2]["error"]["code"], "pdf_encrypted");
    assert_eq!(lines[3]["document"]["year"], 2025);
    assert!(stderr(&o).contains("errors warnings"));

    // the JSON array of several reports is still one JSON value
    let o = yusuan(&[
        "check",
        dir.join("valid.pdf").to_str().unwrap(),
        &seed,
        "--format",
        "json",
    ]);
    let all: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(all.as_array().unwrap().len(), 2);
}

/// The corpus PDF of a 决算 gives the same findings as the check of its text, with pages.
#[test]
fn corpus_pdf_checks_like_its_text() {
    let pdfs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/pdf");
    if !pdfs.is_dir() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "../shared/corpus/pdf is missing (CI=true)"
        );
        return;
    }
    let name = "07_sh_putuo_finance_bureau_dept_final_2024";
    let pdf = pdfs.join(format!("{name}.pdf"));
    let text = pdfs.join(format!("../{name}.txt"));
    let from_pdf = yusuan(&["check", pdf.to_str().unwrap(), "--format", "json"]);
    let from_text = yusuan(&["check", text.to_str().unwrap(), "--format", "json"]);
    assert_eq!(from_pdf.status.code(), from_text.status.code());
    let key = |o: &Output| -> Vec<(String, String)> {
        let r: serde_json::Value = serde_json::from_str(&stdout(o)).unwrap();
        let mut v: Vec<(String, String)> = r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| (f["rule"].to_string(), f["outcome"].to_string()))
            .collect();
        v.sort();
        v
    };
    assert_eq!(key(&from_pdf), key(&from_text));
    let o = yusuan(&["check", pdf.to_str().unwrap()]);
    assert!(stdout(&o).contains("(page "), "{}", stdout(&o));
}
