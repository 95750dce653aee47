//! The `yusuan` command: outputs and exit codes.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::PathBuf;
use std::process::{Command, Output};

fn yusuan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_yusuan"))
        .args(args)
        .output()
        .expect("run yusuan")
}

fn corpus(name: &str) -> String {
    let p: PathBuf = [env!("CARGO_MANIFEST_DIR"), "..", "tests", "corpus", name]
        .iter()
        .collect();
    p.display().to_string()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn parse_embedded_sample_as_text() {
    let o = yusuan(&["parse"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with("烟台市人民政府办公室 · 2025 · 预算 · 单位"),
        "{out}"
    );
    for key in ["T01 收支总体情况表", "T12 政府采购预算表", "名词解释"] {
        assert!(out.contains(key), "missing {key}");
    }
}

#[test]
fn parse_file_as_json() {
    let o = yusuan(&[
        "parse",
        &corpus("seed_2025_yantai_unit_budget.txt"),
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["tables"].as_array().unwrap().len(), 12);
    assert_eq!(v["meta"]["year"], 2025);
    assert_eq!(v["glossary"].as_array().unwrap().len(), 17);
}

#[test]
fn unreadable_input_exits_2_with_the_error_code() {
    let dir = std::env::temp_dir().join(format!("yusuan-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let o = yusuan(&["parse", empty.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("[empty_input]"), "{}", stderr(&o));

    let binary = dir.join("junk.bin");
    std::fs::write(&binary, [0xffu8, 0xfe, 0x00, 0x41]).unwrap();
    let o = yusuan(&["parse", binary.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("[invalid_utf8]"), "{}", stderr(&o));

    let o = yusuan(&["parse", dir.join("missing.txt").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("missing.txt"));

    let o = yusuan(&["parse", "--layout", "nowhere-99"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("national-12"), "{}", stderr(&o));
}

#[test]
fn catalog_lookup() {
    let o = yusuan(&["catalog", "2010302"]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.starts_with("2010302 一般行政管理事务"), "{out}");
    assert!(
        out.contains("parent: 20103 政府办公厅（室）及相关机构事务"),
        "{out}"
    );
    assert!(out.contains("verified: yes"), "{out}");
    let o = yusuan(&["catalog", "2010101"]);
    assert!(stdout(&o).contains("verified: no"), "{}", stdout(&o));

    let o = yusuan(&["catalog", "30212", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["name"], "因公出国（境）费用");
    assert_eq!(v["verified"], true);

    let o = yusuan(&["catalog", "9999999"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not in the catalog"));
}

#[test]
fn user_catalog_replaces_the_builtin_one() {
    let dir = std::env::temp_dir().join(format!("yusuan-cat-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("functional.tsv"),
        "code\tname\tlevel\tparent\tedition_year\tsource\n201\t一般公共服务支出\t类\t\t2026\tV25;recall=H\n",
    )
    .unwrap();
    let o = yusuan(&["catalog", "201", "--catalog", dir.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("edition: 2026"));
    let o = yusuan(&["catalog", "2010302", "--catalog", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));

    std::fs::write(dir.join("functional.tsv"), "code\tname\n2x1\tbad\n").unwrap();
    let o = yusuan(&["catalog", "201", "--catalog", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("functional.tsv` at line 2"),
        "{}",
        stderr(&o)
    );
}
