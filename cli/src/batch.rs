//! `yusuan check` over any number of files and folders: every core reads and checks files
//! (results printed in the order the inputs were named), a progress bar on a terminal, and a
//! closing table per file when there is more than one.

use std::fmt::Write as _;
use std::io::IsTerminal as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

use clap::ValueEnum;
use yusuan::{Checker, Parser, Report};

use crate::input::{self, Input};

/// Output formats of `yusuan check`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum CheckFormat {
    /// A readable report.
    Text,
    /// The JSON report (`yusuan.report/1`); several files: a JSON array of reports.
    Json,
    /// One JSON report per line, with the file's name in `file` (an unreadable file: a line
    /// with `file` and `error`).
    Jsonl,
    /// The report as Markdown.
    Markdown,
}

/// What became of one input.
struct Done {
    name: String,
    outcome: Result<Checked, Unreadable>,
}

struct Checked {
    /// The report as it is printed.
    rendered: String,
    errors: usize,
    warnings: usize,
    hints: usize,
    tables: usize,
    has_errors: bool,
}

struct Unreadable {
    /// `name: message [code]`.
    message: String,
    /// The stable code, when the input was read and refused (not for a missing file).
    code: Option<&'static str>,
    /// Only the message, for JSON.
    detail: String,
}

pub(crate) struct Batch<'a> {
    pub(crate) parser: &'a Parser<'a>,
    pub(crate) checker: &'a Checker<'a>,
    pub(crate) format: CheckFormat,
    /// How to read (narrative only, …): the core's options, shared with Python and JS.
    pub(crate) options: &'a yusuan::Options,
}

impl Batch<'_> {
    fn process(&self, input: &Input, many: bool) -> Done {
        let name = input.name();
        let bytes = match input.load() {
            Ok(b) => b,
            Err(message) => {
                return Done {
                    name,
                    outcome: Err(Unreadable {
                        detail: message.clone(),
                        message,
                        code: None,
                    }),
                };
            }
        };
        let outcome = match self.options.read(self.parser, yusuan::Input::Bytes(&bytes)) {
            Ok(doc) => Ok(self.render(&self.checker.check(&doc), &name, many)),
            Err(e) => Err(Unreadable {
                message: format!("{name}: {e} [{}]", e.code()),
                code: Some(e.code()),
                detail: e.to_string(),
            }),
        };
        Done { name, outcome }
    }

    fn render(&self, report: &Report, name: &str, many: bool) -> Checked {
        let rendered = match self.format {
            CheckFormat::Text if many => format!("== {name}\n{}\n", report.to_text()),
            CheckFormat::Text => report.to_text(),
            CheckFormat::Json => report.to_json(),
            CheckFormat::Jsonl => with_file(
                &serde_json::to_string(report).unwrap_or_else(|_| "{}".to_owned()),
                name,
            ),
            CheckFormat::Markdown => report.to_markdown(),
        };
        Checked {
            rendered,
            errors: report.summary.error,
            warnings: report.summary.warning,
            hints: report.summary.hint,
            tables: report.coverage.tables_found.len(),
            has_errors: report.has_errors(),
        }
    }
}

/// A compact JSON object with `"file": name` first.
fn with_file(json: &str, name: &str) -> String {
    let file = serde_json::to_string(name).unwrap_or_else(|_| "\"?\"".to_owned());
    match json.strip_prefix('{') {
        Some(rest) if rest != "}" => format!("{{\"file\":{file},{rest}\n"),
        _ => format!("{{\"file\":{file}}}\n"),
    }
}

fn jsonl_error(name: &str, u: &Unreadable) -> String {
    let error = serde_json::json!({
        "code": u.code.unwrap_or("unreadable"),
        "message": u.detail,
    });
    with_file(&serde_json::json!({ "error": error }).to_string(), name)
}

/// Checks every input and prints the reports; the exit status of `yusuan check`.
pub(crate) fn check(files: &[PathBuf], batch: &Batch<'_>) -> Result<ExitCode, String> {
    let inputs = input::expand(files);
    let many = inputs.len() > 1;
    let total = inputs.len();
    let bar = progress_bar(total);
    let out_is_table = batch.format == CheckFormat::Text;

    let mut unreadable = false;
    let mut errors = false;
    let mut rows: Vec<String> = Vec::new();
    let mut first_json = true;
    if many && batch.format == CheckFormat::Json {
        crate::write_stdout("[\n")?;
    }
    let mut emit = |done: Done| -> Result<(), String> {
        bar.inc(1);
        match &done.outcome {
            Ok(c) => {
                errors |= c.has_errors;
                let text = if many && batch.format == CheckFormat::Json {
                    let sep = if first_json { "" } else { ",\n" };
                    first_json = false;
                    format!("{sep}{}", c.rendered.trim_end())
                } else {
                    c.rendered.clone()
                };
                bar.suspend(|| crate::write_stdout(&text))?;
                rows.push(format!(
                    "{:>6} {:>8} {:>6} {:>6}  {}",
                    c.errors, c.warnings, c.hints, c.tables, done.name
                ));
            }
            Err(u) => {
                unreadable = true;
                bar.suspend(|| eprintln!("yusuan: {}", u.message));
                if batch.format == CheckFormat::Jsonl {
                    bar.suspend(|| crate::write_stdout(&jsonl_error(&done.name, u)))?;
                }
                rows.push(format!(
                    "{:>6} {:>8} {:>6} {:>6}  {} (unreadable: {})",
                    "-",
                    "-",
                    "-",
                    "-",
                    done.name,
                    u.code.unwrap_or("not found")
                ));
            }
        }
        Ok(())
    };

    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .min(total)
        .max(1);
    if threads == 1 {
        for item in inputs {
            emit(resolve(item, batch, many))?;
        }
    } else {
        let next = AtomicUsize::new(0);
        let (tx, rx) = std::sync::mpsc::channel::<(usize, Done)>();
        let inputs = &inputs;
        let next = &next;
        std::thread::scope(|scope| -> Result<(), String> {
            for _ in 0..threads {
                let tx = tx.clone();
                scope.spawn(move || {
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = inputs.get(i) else { break };
                        if tx.send((i, resolve(item.clone(), batch, many))).is_err() {
                            break;
                        }
                    }
                });
            }
            drop(tx);
            // print in the order of the inputs as results arrive
            let mut waiting = std::collections::BTreeMap::new();
            let mut want = 0usize;
            for (i, done) in rx {
                waiting.insert(i, done);
                while let Some(done) = waiting.remove(&want) {
                    emit(done)?;
                    want += 1;
                }
            }
            Ok(())
        })?;
    }
    bar.finish_and_clear();
    if many && batch.format == CheckFormat::Json {
        crate::write_stdout(if first_json { "]\n" } else { "\n]\n" })?;
    }
    if many {
        let mut table = String::new();
        let _ = writeln!(
            table,
            "\n{:>6} {:>8} {:>6} {:>6}  file",
            "errors", "warnings", "hints", "tables"
        );
        for r in &rows {
            let _ = writeln!(table, "{r}");
        }
        if out_is_table {
            crate::write_stdout(&table)?;
        } else {
            eprint!("{table}");
        }
    }
    Ok(if unreadable {
        ExitCode::from(2)
    } else if errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn resolve(item: Result<Input, String>, batch: &Batch<'_>, many: bool) -> Done {
    match item {
        Ok(input) => batch.process(&input, many),
        Err(message) => Done {
            name: message
                .split_once(": ")
                .map_or(message.as_str(), |(n, _)| n)
                .to_owned(),
            outcome: Err(Unreadable {
                detail: message.clone(),
                message,
                code: None,
            }),
        },
    }
}

/// A progress bar on standard error for a batch, when it is a terminal; hidden otherwise.
fn progress_bar(total: usize) -> indicatif::ProgressBar {
    if total < 2 || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(u64::try_from(total).unwrap_or(u64::MAX));
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{bar:40} {pos}/{len} files, {elapsed} ({eta} left)",
    ) {
        bar.set_style(style);
    }
    bar
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::with_file;

    #[test]
    fn the_file_comes_first() {
        assert_eq!(
            with_file("{\"schema\":\"yusuan.report/1\"}", "a.pdf"),
            "{\"file\":\"a.pdf\",\"schema\":\"yusuan.report/1\"}\n"
        );
        assert_eq!(with_file("{}", "a\"b"), "{\"file\":\"a\\\"b\"}\n");
    }
}
