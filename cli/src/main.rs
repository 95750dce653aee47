//! `yusuan`: read and check Chinese government budget disclosures from the command line.
//!
//! Exit status: 0 when no error was found, 1 when `check` found errors, 2 when an input could not
//! be read (or the command line is wrong).

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use yusuan::catalog::{AppliesTo, Basis, Catalog, CatalogBuilder, Domain, Recall};

mod batch;
mod input;

/// The reference document embedded as the default sample: a 2025 单位预算 in the 12-table template.
const SAMPLE: &str = include_str!("../../tests/corpus/seed_2025_yantai_unit_budget.txt");
const SAMPLE_NAME: &str = "<embedded sample: seed_2025_yantai_unit_budget.txt>";

#[derive(Parser)]
#[command(
    name = "yusuan",
    version,
    about = "Read and cross-check Chinese government budget disclosures (部门/单位预算, 决算)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check disclosures: table sums, cross-table identities, codes. Exit 0: no error; 1: errors
    /// found; 2: an input could not be read.
    Check {
        /// Disclosures: PDF or text files, or folders (walked for .pdf and .txt files), `-` for
        /// standard input. Without any, the embedded sample.
        files: Vec<PathBuf>,
        /// Output format (`jsonl`: one JSON report per line, with its `file`).
        #[arg(long, value_enum, default_value_t = batch::CheckFormat::Text)]
        format: batch::CheckFormat,
        /// Also list the instances that passed.
        #[arg(long)]
        include_passes: bool,
        /// Use this template instead of choosing one from the titles found: the name of a
        /// built-in one (`national-12`, `shanghai-9`, `shanghai-final-9`) or a JSON file.
        #[arg(long, alias = "layout", value_name = "NAME|FILE")]
        template: Option<String>,
        /// Read the classification catalog from this folder of TSV files instead of the built-in one.
        #[arg(long)]
        catalog: Option<PathBuf>,
        /// Report a growth rate stated on a zero base (RULES V-04) as an error, not a hint.
        #[arg(long)]
        strict_zero_base: bool,
        /// Read only the narrative (情况说明) and check its claims against themselves, whatever
        /// the template of the tables.
        #[arg(long)]
        narrative_only: bool,
    },
    /// Compare two documents of one body for consecutive years: line changes by code and table,
    /// growth, contribution, lines that appear or vanish, and the later document's prior-year
    /// figures against the earlier one. Exit 0: prior-year figures agree; 1: some disagree; 2: an
    /// input could not be read.
    Compare {
        /// The earlier year's disclosure.
        earlier: PathBuf,
        /// The later year's disclosure.
        later: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
        /// Also list unchanged lines and prior-year figures that agree.
        #[arg(long)]
        all: bool,
    },
    /// Print the claims read from a disclosure's narrative (subject, amount, change, %, base,
    /// reason, line). Exit 2 when the input cannot be read (as for `check`).
    Claims {
        /// The disclosure as text. Without it, the embedded sample.
        file: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ParseFormat::Text)]
        format: ParseFormat,
        /// Use this template instead of choosing one from the titles found: the name of a
        /// built-in one (`national-12`, `shanghai-9`, `shanghai-final-9`) or a JSON file.
        #[arg(long, alias = "layout", value_name = "NAME|FILE")]
        template: Option<String>,
        /// Read only the narrative (情况说明), whatever the template of the tables (or a narrative
        /// with no tables at all).
        #[arg(long)]
        narrative_only: bool,
    },
    /// List the rule catalogue.
    Rules {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ParseFormat::Text)]
        format: ParseFormat,
    },
    /// Parse a disclosure and print the typed model.
    Parse {
        /// The disclosure as text (tab-separated tables). Without it, the embedded sample.
        file: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ParseFormat::Text)]
        format: ParseFormat,
        /// Use this template instead of choosing one from the titles found: the name of a
        /// built-in one (`national-12`, `shanghai-9`, `shanghai-final-9`) or a JSON file.
        #[arg(long, alias = "layout", value_name = "NAME|FILE")]
        template: Option<String>,
        /// Read the classification catalog from this folder of TSV files instead of the built-in one.
        #[arg(long)]
        catalog: Option<PathBuf>,
    },
    /// Print the text form of a disclosure: for a PDF, its tables as tab-separated rows and the
    /// text around them, pages separated by form feeds; line numbers are those of findings.
    Text {
        /// The disclosure: PDF or text, `-` for standard input.
        file: PathBuf,
    },
    /// Look up a classification code (政府收支分类科目).
    Catalog {
        /// The code: 201, 2010302, 30113, 50101, …
        code: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ParseFormat::Text)]
        format: ParseFormat,
        /// Read the catalog from this folder of TSV files instead of the built-in one.
        #[arg(long)]
        catalog: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ReportFormat {
    Text,
    Json,
    Markdown,
}

#[derive(Clone, Copy, ValueEnum)]
enum ParseFormat {
    Json,
    Text,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("yusuan: {msg}");
            ExitCode::from(2)
        }
    }
}

/// The options of a reading: the template named by `template` (see [`load_template`]) and
/// whether only the narrative is read.
fn read_options(template: Option<&str>, narrative_only: bool) -> Result<yusuan::Options, String> {
    let options = yusuan::Options {
        template: template.map(load_template).transpose()?,
        narrative_only,
        ..yusuan::Options::default()
    };
    options.validate("--template").map_err(|e| e.to_string())?;
    Ok(options)
}

/// A template named by `arg`: a built-in template's name, or a JSON file defining one.
fn load_template(arg: &str) -> Result<yusuan::template::Template, String> {
    let path = Path::new(arg);
    if yusuan::template::Template::by_name(arg).is_none() && path.is_file() {
        let json = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read template file `{arg}`: {e}"))?;
        return yusuan::template::Template::from_json(&json).map_err(|e| format!("{arg}: {e}"));
    }
    yusuan::options::template(arg, "--template").map_err(|e| format!("{e}, or a JSON file"))
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    match cli.command {
        Command::Check {
            files,
            format,
            include_passes,
            template,
            catalog,
            strict_zero_base,
            narrative_only,
        } => {
            let catalog = load_catalog(catalog.as_deref())?;
            let mut options = read_options(template.as_deref(), narrative_only)?;
            options.include_passes = include_passes;
            options.policy.strict_zero_base = strict_zero_base;
            let parser = options.parser().with_catalog(catalog);
            let checker = options.checker().with_catalog(catalog);
            batch::check(
                &files,
                &batch::Batch {
                    parser: &parser,
                    checker: &checker,
                    format,
                    options: &options,
                },
            )
        }
        Command::Compare {
            earlier,
            later,
            format,
            all,
        } => {
            let parser = yusuan::Parser::new();
            let mut docs = Vec::new();
            for path in [&earlier, &later] {
                let (name, bytes) = read_input(Some(path))?;
                docs.push(
                    parser
                        .read(&bytes)
                        .map_err(|e| format!("{name}: {e} [{}]", e.code()))?,
                );
            }
            let [a, b] = docs.as_slice() else {
                return Err("two documents are needed".to_owned());
            };
            let cmp = yusuan::compare(a, b);
            write_stdout(&match format {
                ReportFormat::Json => cmp.to_json(),
                ReportFormat::Text => cmp.to_text(all),
                ReportFormat::Markdown => cmp.to_markdown(all),
            })?;
            Ok(if cmp.has_mismatches() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Claims {
            file,
            format,
            template,
            narrative_only,
        } => {
            let (name, bytes) = read_input(file.as_deref())?;
            let options = read_options(template.as_deref(), narrative_only)?;
            let doc = options
                .read(&options.parser(), yusuan::Input::Bytes(&bytes))
                .map_err(|e| {
                    let hint = if e.code() == "not_a_disclosure" {
                        " (a narrative on its own: --narrative-only)"
                    } else {
                        ""
                    };
                    format!("{name}: {e} [{}]{hint}", e.code())
                })?;
            let claims = yusuan::claims::extract_all(&doc);
            let out = match format {
                ParseFormat::Json => {
                    serde_json::to_string_pretty(&claims).map_err(|e| e.to_string())? + "\n"
                }
                ParseFormat::Text => claims.to_text(),
            };
            write_stdout(&out)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Rules { format } => {
            let rules = yusuan::check::rules();
            let out = match format {
                ParseFormat::Json => {
                    serde_json::to_string_pretty(&rules).map_err(|e| e.to_string())? + "\n"
                }
                ParseFormat::Text => {
                    let mut s = String::new();
                    for r in rules {
                        let kind = match r.kind {
                            yusuan::check::RuleKind::Hard => "hard",
                            yusuan::check::RuleKind::Conditional => "conditional",
                            yusuan::check::RuleKind::Soft => "soft",
                        };
                        let tables = if r.tables.is_empty() {
                            "all".to_owned()
                        } else {
                            r.tables
                                .iter()
                                .map(yusuan::TableKey::as_str)
                                .collect::<Vec<_>>()
                                .join(",")
                        };
                        let severity = match r.severity {
                            yusuan::check::RuleSeverity::Error => "error",
                            yusuan::check::RuleSeverity::Warning => "warning",
                            yusuan::check::RuleSeverity::Hint => "hint",
                        };
                        let kind = format!("{kind}/{severity}");
                        let _ = writeln!(s, "{:<7} {:<20} {:<16} {}", r.id, kind, tables, r.title);
                        let _ = writeln!(s, "{:<45} {}", "", r.title_en);
                        if let Some(c) = r.condition {
                            let _ = writeln!(s, "{:<45} condition: {c}", "");
                        }
                    }
                    s
                }
            };
            write_stdout(&out)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Parse {
            file,
            format,
            template,
            catalog,
        } => {
            let catalog = load_catalog(catalog.as_deref())?;
            let (name, text) = read_input(file.as_deref())?;
            let parser = read_options(template.as_deref(), false)?
                .parser()
                .with_catalog(catalog);
            let doc = parser
                .read(&text)
                .map_err(|e| format!("{name}: {e} [{}]", e.code()))?;
            let out = match format {
                ParseFormat::Json => {
                    serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())? + "\n"
                }
                ParseFormat::Text => yusuan::render::document_text(&doc),
            };
            write_stdout(&out)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Text { file } => {
            let (name, bytes) = read_input(Some(&file))?;
            let text = yusuan::Parser::new()
                .text_form(&bytes)
                .map_err(|e| format!("{name}: {e} [{}]", e.code()))?;
            write_stdout(&text)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Catalog {
            code,
            format,
            catalog,
        } => {
            let catalog = load_catalog(catalog.as_deref())?;
            let Some(entry) = catalog.lookup(code.trim()) else {
                return Err(format!("code `{code}` is not in the catalog"));
            };
            let out = match format {
                ParseFormat::Json => {
                    serde_json::to_string_pretty(entry).map_err(|e| e.to_string())? + "\n"
                }
                ParseFormat::Text => {
                    let parent = entry.parent.as_deref().map_or_else(
                        || "(none)".to_owned(),
                        |p| match catalog.lookup(p) {
                            Some(pe) => format!("{p} {}", pe.name),
                            None => p.to_owned(),
                        },
                    );
                    let children = catalog.children(&entry.code);
                    let aliases: Vec<String> = catalog
                        .aliases(&entry.code)
                        .iter()
                        .map(|a| a.name.clone())
                        .collect();
                    let mut s = format!(
                        "{} {}\n  classification: {}\n  level: {}\n  parent: {parent}\n  children: {}\n  edition: {} (《{}年政府收支分类科目》)\n  verified: {}\n  source: {}\n  confidence: {}\n  evidence: {}\n",
                        entry.code,
                        entry.name,
                        domain_name(entry.domain),
                        entry.level,
                        children.len(),
                        entry.edition_year,
                        entry.edition_year,
                        if entry.verified {
                            "yes (seen in a published document)"
                        } else {
                            "no (compiled from earlier editions)"
                        },
                        basis_text(entry.provenance.basis),
                        recall_text(entry.provenance.recall),
                        if entry.provenance.evidence.is_empty() {
                            "none".to_owned()
                        } else {
                            entry.provenance.evidence.join(", ")
                        },
                    );
                    if !aliases.is_empty() {
                        let _ = writeln!(s, "  also printed as: {}", aliases.join("、"));
                    }
                    for m in catalog.econ_mapping(&entry.code) {
                        let _ = writeln!(
                            s,
                            "  maps to 政府经济分类 {}{} ({})",
                            m.gov_code,
                            catalog
                                .lookup(&m.gov_code)
                                .map_or_else(String::new, |g| format!(" {}", g.name)),
                            match m.applies_to {
                                AppliesTo::Organ => "机关: 行政单位 and 参公 units",
                                AppliesTo::Institution => "事业单位",
                                AppliesTo::Common => "通用: every unit",
                            }
                        );
                    }
                    s
                }
            };
            write_stdout(&out)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// What a catalog row's basis means, as a person reads it.
fn basis_text(basis: Option<Basis>) -> &'static str {
    match basis {
        Some(Basis::V25) => "code and name printed in a published 2025 document (V25)",
        Some(Basis::B25) => {
            "code and name printed in a published 2026 document and known from earlier editions (B25)"
        }
        Some(Basis::V24) => "code and name printed only in published 2024 documents (V24)",
        Some(Basis::R) => "compiled from earlier editions, not seen in a published document (R)",
        None => "not stated",
    }
}

/// What a catalog row's recall grade means.
fn recall_text(recall: Option<Recall>) -> &'static str {
    match recall {
        Some(Recall::H) => "high: stable for years",
        Some(Recall::M) => "medium: believed right, the wording or number could differ",
        Some(Recall::L) => "low: may have been renumbered, renamed or deleted",
        None => "not stated",
    }
}

fn domain_name(d: Domain) -> &'static str {
    match d {
        Domain::Functional => "支出功能分类",
        Domain::EconomicDept => "部门预算支出经济分类",
        Domain::EconomicGov => "政府预算支出经济分类",
        Domain::Income => "收入分类",
    }
}

fn read_input(file: Option<&Path>) -> Result<(String, Vec<u8>), String> {
    match file {
        None => Ok((SAMPLE_NAME.to_owned(), SAMPLE.as_bytes().to_vec())),
        Some(p) if p.as_os_str() == "-" => {
            let mut buf = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)
                .map_err(|e| format!("<stdin>: {e}"))?;
            Ok(("<stdin>".to_owned(), buf))
        }
        Some(p) => {
            let bytes = std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()))?;
            Ok((p.display().to_string(), bytes))
        }
    }
}

/// The built-in catalog, or one read from a folder of TSV files named as in `core/data/catalog`.
fn load_catalog(dir: Option<&Path>) -> Result<&'static Catalog, String> {
    let Some(dir) = dir else {
        return Ok(Catalog::builtin());
    };
    let read = |name: &str| -> Result<Option<String>, String> {
        let p = dir.join(name);
        if p.exists() {
            std::fs::read_to_string(&p)
                .map(Some)
                .map_err(|e| format!("{}: {e}", p.display()))
        } else {
            Ok(None)
        }
    };
    let mut b = CatalogBuilder::new();
    let mut any = false;
    for (domain, name) in [
        (Domain::Functional, "functional.tsv"),
        (Domain::EconomicDept, "econ_dept.tsv"),
        (Domain::EconomicGov, "econ_gov.tsv"),
        (Domain::Income, "income.tsv"),
    ] {
        if let Some(text) = read(name)? {
            b.codes(domain, &text).map_err(|e| e.to_string())?;
            any = true;
        }
    }
    if let Some(text) = read("econ_mapping.tsv")? {
        b.mapping(&text).map_err(|e| e.to_string())?;
    }
    if let Some(text) = read("aliases.tsv")? {
        b.aliases(&text).map_err(|e| e.to_string())?;
    }
    if !any {
        return Err(format!(
            "{}: no catalog file (functional.tsv, econ_dept.tsv, …) found",
            dir.display()
        ));
    }
    // The process lives as long as the command: leaking the catalog gives it the 'static lifetime
    // the built-in one has.
    Ok(Box::leak(Box::new(b.build())))
}

fn write_stdout(s: &str) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        // `yusuan parse | head` closes the pipe early: not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(e.to_string()),
    }
}
