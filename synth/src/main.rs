//! `yusuan-synth`: writes generated documents, for fuzzing seeds and benchmarks.
//!
//! ```text
//! yusuan-synth [--count N] [--seed S] [--scale K] [--hostile DIVISOR] [--out DIR]
//! ```
//!
//! Writes `synth_<seed>.txt` files (seeds S, S+1, …) into DIR (default: the current directory)
//! and prints their paths. With `--hostile D`, also writes each pathological input of
//! `yusuan_synth::hostile` at 1/D of its full size (`hostile_<name>.txt`).

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut count = 10u64;
    let mut seed = 1u64;
    let mut scale = 1usize;
    let mut out = PathBuf::from(".");
    let mut hostile: Option<usize> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next();
        let parsed = match (arg.as_str(), value.as_deref()) {
            ("--count", Some(v)) => v.parse().map(|v| count = v).is_ok(),
            ("--seed", Some(v)) => v.parse().map(|v| seed = v).is_ok(),
            ("--scale", Some(v)) => v.parse().map(|v| scale = v).is_ok(),
            ("--hostile", Some(v)) => v.parse().map(|v| hostile = Some(v)).is_ok(),
            ("--out", Some(v)) => {
                out = PathBuf::from(v);
                true
            }
            _ => false,
        };
        if !parsed {
            eprintln!(
                "usage: yusuan-synth [--count N] [--seed S] [--scale K] [--hostile D] [--out DIR]"
            );
            return ExitCode::from(2);
        }
    }
    if let Err(e) = std::fs::create_dir_all(&out) {
        eprintln!("yusuan-synth: cannot create {}: {e}", out.display());
        return ExitCode::from(2);
    }
    for s in seed..seed.saturating_add(count) {
        let doc = yusuan_synth::generate_with(
            s,
            yusuan_synth::Options {
                scale,
                ..yusuan_synth::Options::default()
            },
        );
        let path = out.join(format!("synth_{s}.txt"));
        if let Err(e) = std::fs::write(&path, doc.text) {
            eprintln!("yusuan-synth: cannot write {}: {e}", path.display());
            return ExitCode::from(2);
        }
        println!("{}", path.display());
    }
    for case in yusuan_synth::hostile::CASES
        .iter()
        .filter(|_| hostile.is_some())
    {
        let n = (case.full / hostile.unwrap_or(1).max(1)).max(1);
        let path = out.join(format!("hostile_{}.txt", case.name));
        if let Err(e) = std::fs::write(&path, case.build(n)) {
            eprintln!("yusuan-synth: cannot write {}: {e}", path.display());
            return ExitCode::from(2);
        }
        println!("{}", path.display());
    }
    ExitCode::SUCCESS
}
