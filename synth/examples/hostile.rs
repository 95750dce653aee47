//! Parses (and checks) one pathological input, for measuring work outside the test harness:
//! `cargo run --release -p yusuan-synth --example hostile -- <case> <n> [parse]`; under
//! `valgrind --tool=callgrind` it gives instruction counts to compare between sizes.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(name), Some(n)) = (args.next(), args.next().and_then(|n| n.parse().ok())) else {
        eprintln!("usage: hostile <case> <n>; cases:");
        for c in yusuan_synth::hostile::CASES {
            eprintln!("  {:<20} {} (full size {})", c.name, c.about, c.full);
        }
        return ExitCode::from(2);
    };
    let Some(case) = yusuan_synth::hostile::CASES.iter().find(|c| c.name == name) else {
        eprintln!("unknown case `{name}`");
        return ExitCode::from(2);
    };
    let input = case.build(n);
    let parse_only = args.next().is_some_and(|a| a == "parse");
    match yusuan::parse_bytes(&input) {
        Ok(doc) if parse_only => {
            println!(
                "{name} n={n}: {} bytes, {} tables",
                input.len(),
                doc.tables.len()
            );
        }
        Ok(doc) => {
            let report = yusuan::check(&doc);
            println!(
                "{name} n={n}: {} bytes, {} tables, {} findings",
                input.len(),
                doc.tables.len(),
                report.findings.len()
            );
        }
        Err(e) => println!("{name} n={n}: {} bytes, error {}", input.len(), e.code()),
    }
    ExitCode::SUCCESS
}
