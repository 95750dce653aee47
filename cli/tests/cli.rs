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

/// A real document of `../shared/corpus` (public material kept there), or `None` (skipped)
/// when it is absent outside CI.
fn shared(name: &str) -> Option<String> {
    let p: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "..",
        "..",
        "shared",
        "corpus",
        name,
    ]
    .iter()
    .collect();
    if p.is_file() {
        return Some(p.display().to_string());
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "{} is missing under CI=true",
        p.display()
    );
    None
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
    std::fs::write(&binary, [0xffu8, 0x00, 0xfe, 0x41]).unwrap();
    let o = yusuan(&["parse", binary.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("[invalid_utf8]"), "{}", stderr(&o));

    let o = yusuan(&["parse", dir.join("missing.txt").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("missing.txt"));

    let o = yusuan(&["parse", "--template", "nowhere-99"]);
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

fn compare_fixture(name: &str) -> String {
    let p: PathBuf = [env!("CARGO_MANIFEST_DIR"), "..", "tests", "compare", name]
        .iter()
        .collect();
    p.display().to_string()
}

#[test]
fn check_embedded_sample() {
    let o = yusuan(&["check"]);
    // the seed has warnings (a missing 车辆 count, two "≤95%" rates) but no error
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with("yusuan report: 烟台市人民政府办公室 2025 预算\n0 errors · 3 warnings"),
        "{out}"
    );
}

#[test]
fn strict_zero_base_turns_the_hint_into_an_error() {
    let Some(doc) = shared("01_sh_putuo_wanli_street_dept_budget_2023.txt") else {
        return;
    };
    let lenient = yusuan(&["check", &doc, "--narrative-only", "--format", "json"]);
    let strict = yusuan(&[
        "check",
        &doc,
        "--narrative-only",
        "--format",
        "json",
        "--strict-zero-base",
    ]);
    // the wrong percentages, the 政府性基金 sentence and item 16 are errors either way
    assert_eq!(lenient.status.code(), Some(1));
    let count = |o: &Output, outcome: &str| {
        let v: serde_json::Value = serde_json::from_str(&stdout(o)).unwrap();
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == "V-04" && f["outcome"] == outcome)
            .count()
    };
    assert_eq!(count(&lenient, "hint"), 2);
    assert_eq!(count(&strict, "fail"), 2);
}

#[test]
fn claims_of_the_sample() {
    let o = yusuan(&["claims"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("L354 san_gong 「三公」 226.6万元 · 比上年 增加 56万元 32.83%"),
        "{out}"
    );
    let o = yusuan(&["claims", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(v["claims"].as_array().unwrap().len() > 10);
}

#[test]
fn compare_prints_a_table_of_changes() {
    let o = yusuan(&[
        "compare",
        &compare_fixture("yantai_2024_fabricated.txt"),
        &corpus("seed_2025_yantai_unit_budget.txt"),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with(
            "yusuan compare: 烟台市人民政府办公室 2024 预算 → 烟台市人民政府办公室 2025 预算"
        ),
        "{out}"
    );
    assert!(out.contains("1 appeared · 1 vanished"), "{out}");
    assert!(out.contains("0 disagree"), "{out}");
    // an appeared and a vanished line, with their amounts
    assert!(
        out.lines()
            .any(|l| l.contains("+  2080506") && l.contains("73.85")),
        "{out}"
    );
    assert!(
        out.lines()
            .any(|l| l.contains("-  2010399") && l.contains("120.00")),
        "{out}"
    );
    // the years given in either order
    let swapped = yusuan(&[
        "compare",
        &corpus("seed_2025_yantai_unit_budget.txt"),
        &compare_fixture("yantai_2024_fabricated.txt"),
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&swapped)).unwrap();
    assert_eq!(v["schema"], "yusuan.compare/1");
    assert_eq!(v["earlier"]["year"], 2024);
    assert_eq!(v["notes"][0]["code"], "swapped");
}

#[test]
fn compare_exits_1_on_a_prior_year_mismatch() {
    let o = yusuan(&[
        "compare",
        &compare_fixture("yantai_2024_mismatch.txt"),
        &corpus("seed_2025_yantai_unit_budget.txt"),
        "--format",
        "markdown",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("# yusuan compare"), "{out}");
    assert!(
        out.contains("✘ T07 公务接待费（2024年）：上年数 109 与上年文件 108 不符"),
        "{out}"
    );
    let bad = yusuan(&[
        "compare",
        &compare_fixture("missing.txt"),
        &corpus("seed_2025_yantai_unit_budget.txt"),
    ]);
    assert_eq!(bad.status.code(), Some(2));
}

/// A file in a fresh temporary folder of this test process.
fn temp_file(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("yusuan-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

#[test]
fn claims_of_a_file_that_is_not_a_disclosure_fail_like_check() {
    let letter = temp_file("letter.txt", "Dear reader,\nthis is a letter.\n");
    for args in [vec!["claims", &letter], vec!["check", &letter]] {
        let o = yusuan(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stdout(&o).is_empty());
        assert!(
            stderr(&o).contains("not a budget disclosure")
                && stderr(&o).contains("[not_a_disclosure]"),
            "{}",
            stderr(&o)
        );
    }
    assert!(stderr(&yusuan(&["claims", &letter])).contains("--narrative-only"));
    // a narrative on its own is read when asked for
    let narrative = temp_file(
        "san_gong.txt",
        "二、“三公”经费\n“三公”经费预算共10万元，比上年增加2万元，增长25%，主要原因是会议增加。\n",
    );
    let o = yusuan(&["claims", &narrative, "--narrative-only", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["claims"][0]["subject"], "san_gong");
    assert_eq!(yusuan(&["claims", &narrative]).status.code(), Some(2));
    // a template would do nothing with --narrative-only: refused
    let o = yusuan(&[
        "claims",
        &narrative,
        "--narrative-only",
        "--template",
        "national-12",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("`--template`"), "{}", stderr(&o));
}

#[test]
fn catalog_prints_the_edition_and_the_source_as_a_person_reads_them() {
    let out = stdout(&yusuan(&["catalog", "30113"]));
    assert!(!out.contains("Some(") && !out.contains("None"), "{out}");
    assert!(
        out.contains("edition: 2025 (《2025年政府收支分类科目》)"),
        "{out}"
    );
    assert!(
        out.contains("source: code and name printed in a published 2025 document (V25)"),
        "{out}"
    );
    assert!(out.contains("confidence: high: stable for years"), "{out}");
    assert!(
        out.contains("maps to 政府经济分类 50501 工资福利支出 (事业单位)"),
        "{out}"
    );
    let unverified = stdout(&yusuan(&["catalog", "2010101"]));
    assert!(
        unverified.contains("not seen in a published document (R)"),
        "{unverified}"
    );
}

#[test]
fn compare_of_another_body_exits_0_with_a_notice_and_no_prior_year_verdicts() {
    let mismatch = std::fs::read_to_string(compare_fixture("yantai_2024_mismatch.txt")).unwrap();
    let other = temp_file(
        "other_body_2024.txt",
        &mismatch.replace("烟台市人民政府办公室", "烟台市财政局"),
    );
    let seed = corpus("seed_2025_yantai_unit_budget.txt");
    let same_body = yusuan(&[
        "compare",
        &compare_fixture("yantai_2024_mismatch.txt"),
        &seed,
    ]);
    assert_eq!(same_body.status.code(), Some(1));
    let o = yusuan(&["compare", &other, &seed]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains(
            "prior-year figures: 0 agree · 0 disagree · 0 within rounding · 0 not checked"
        ),
        "{out}"
    );
    assert!(
        out.contains("[prior_year_not_checked]")
            && out.contains("`烟台市财政局 2024` and `烟台市人民政府办公室 2025`"),
        "{out}"
    );
    assert!(!out.contains("上年数核对 / Prior-year figures"), "{out}");
}

#[test]
fn check_text_report_shows_the_notices() {
    let seed = std::fs::read_to_string(corpus("seed_2025_yantai_unit_budget.txt")).unwrap();
    // a row with 300 more cells than its header: the cells past the limit are not read
    let wide: Vec<String> = seed
        .split('\n')
        .map(|l| {
            if l.contains("机关事业单位基本养老保险缴费支出") && l.contains('\t') {
                format!("{l}{}", "\t".repeat(300))
            } else {
                l.to_owned()
            }
        })
        .collect();
    let file = temp_file("wide.txt", &wide.join("\n"));
    let out = stdout(&yusuan(&["check", &file]));
    let notices = out
        .split("注意 / Notices (")
        .nth(1)
        .unwrap_or_else(|| panic!("{out}"));
    assert!(
        notices
            .lines()
            .nth(1)
            .unwrap()
            .contains("[too_many_columns]"),
        "{out}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&yusuan(&["check", &file, "--format", "json"]))).unwrap();
    assert_eq!(json["notices"][0]["code"], "too_many_columns");
    assert!(!stdout(&yusuan(&["check"])).contains("Notices"));
}

#[test]
fn check_of_many_files_keeps_their_order_and_exits_2_for_an_unreadable_one() {
    let seed = corpus("seed_2025_yantai_unit_budget.txt");
    let empty = temp_file("empty.txt", "");
    let o = yusuan(&["check", &seed, &empty, &seed, "--format", "json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("empty.txt: the input is empty [empty_input]"),
        "{}",
        stderr(&o)
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2);
    let text = stdout(&yusuan(&["check", &seed, &seed]));
    assert_eq!(text.matches(&format!("== {seed}\n")).count(), 2, "{text}");
}
