//! Check every `.txt` disclosure in a folder on all cores and print one JSON report per line.
//!
//! `cargo run --release -p yusuan-examples --example batch [FOLDER]` (default: `tests/corpus`).
//! A file that cannot be read gets a JSON line with its error code instead of a report.

#![allow(clippy::print_stdout)]

use std::path::PathBuf;

use serde_json::json;
use yusuan::{Input, Options};

fn main() -> std::io::Result<()> {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "tests/corpus".to_owned());
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let texts = files
        .iter()
        .map(std::fs::read)
        .collect::<std::io::Result<Vec<Vec<u8>>>>()?;
    let inputs: Vec<Input<'_>> = texts.iter().map(|b| Input::Bytes(b)).collect();
    // every core; the reports (or the errors) in the order of the files
    let reports = yusuan::batch::check_many(&inputs, &Options::default(), yusuan::batch::threads());
    for (path, report) in files.iter().zip(reports) {
        let file = path.display().to_string();
        let line = match report {
            Ok(report) => json!({"file": file, "summary": report.summary}),
            Err(e) => json!({"file": file, "error": e.code(), "message": e.to_string()}),
        };
        println!("{line}");
    }
    Ok(())
}
