//! Check every `.txt` disclosure in a folder on all cores and print one JSON report per line.
//!
//! `cargo run --release -p yusuan-examples --example batch [FOLDER]` (default: `tests/corpus`).
//! A file that cannot be read gets a JSON line with its error code instead of a report.

#![allow(clippy::print_stdout)]

use std::path::PathBuf;
use std::sync::Mutex;

use serde_json::json;

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
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let queue = Mutex::new(files.into_iter().enumerate());
    let results = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                loop {
                    let next = queue.lock().ok().and_then(|mut q| q.next());
                    let Some((i, path)) = next else { break };
                    let file = path.display().to_string();
                    let line = match std::fs::read(&path) {
                        Err(e) => json!({"file": file, "error": e.to_string()}),
                        Ok(bytes) => match yusuan::parse_bytes(&bytes) {
                            Ok(doc) => {
                                let report = yusuan::check(&doc);
                                json!({"file": file, "summary": report.summary})
                            }
                            Err(e) => {
                                json!({"file": file, "error": e.code(), "message": e.to_string()})
                            }
                        },
                    };
                    if let Ok(mut r) = results.lock() {
                        r.push((i, line));
                    }
                }
            });
        }
    });
    let mut results = results.into_inner().unwrap_or_default();
    results.sort_by_key(|(i, _)| *i);
    for (_, line) in results {
        println!("{line}");
    }
    Ok(())
}
