//! The real documents of `../shared/corpus` (public material that stays outside the project):
//! tests read them from there. Without `../shared` they are skipped with a message; under
//! `CI=true` (where `../shared` is always present) a missing file fails the test.

#![allow(dead_code, clippy::print_stderr)]

use std::path::PathBuf;

/// `../shared/corpus` beside the repository.
pub(crate) fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus")
}

/// The text of `../shared/corpus/{name}`, or `None` (the caller returns: skipped) when it is
/// absent outside CI.
pub(crate) fn corpus(name: &str) -> Option<String> {
    let path = corpus_dir().join(name);
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) => {
            assert!(
                !std::env::var("CI").is_ok_and(|v| v == "true"),
                "{} is missing under CI=true: {e}",
                path.display()
            );
            eprintln!("skipped: {} is not there ({e})", path.display());
            None
        }
    }
}

/// The 部门预算 of a street office (Shanghai template, 2023).
pub(crate) const DOC01: &str = "01_sh_putuo_wanli_street_dept_budget_2023.txt";
/// The 单位预算 of a public institution (Shanghai template, 2024).
pub(crate) const DOC04: &str = "04_sh_putuo_social_welfare_home_unit_budget_2024.txt";
/// The 部门决算 of a finance bureau (Shanghai template, 2024).
pub(crate) const DOC07: &str = "07_sh_putuo_finance_bureau_dept_final_2024.txt";
