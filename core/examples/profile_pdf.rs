//! Reads a PDF `n` times (for profilers: `perf record`, `valgrind --tool=callgrind`).
//!
//! `cargo run --release -p yusuan --features pdf --example profile_pdf -- FILE.pdf [n] [report]`

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    missing_docs
)]

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("a PDF file");
    let n: usize = args.next().map_or(1, |s| s.parse().unwrap());
    let report = args.next().is_some();
    let bytes = std::fs::read(path).unwrap();
    let checker = yusuan::Checker::new();
    let mut lines = 0;
    for _ in 0..n {
        if report {
            lines += checker.check(&yusuan::read(&bytes).unwrap()).findings.len();
        } else {
            lines += yusuan::source::pdf::grid(&bytes).unwrap().lines().len();
        }
    }
    println!("{lines}");
}
