//! Parses the seed many times: `cargo run --release --example profile_parse [N]`, for profilers.
#![allow(missing_docs, clippy::unwrap_used, clippy::print_stdout)]
fn main() {
    let text = include_str!("../../tests/corpus/seed_2025_yantai_unit_budget.txt");
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(2000);
    let start = std::time::Instant::now();
    let mut tables = 0;
    for _ in 0..n {
        tables += yusuan::parse(std::hint::black_box(text))
            .unwrap()
            .tables
            .len();
    }
    let per_ns = start.elapsed().as_nanos() / n.max(1) as u128;
    println!(
        "{n} parses, {tables} tables, {}.{:03} µs per parse",
        per_ns / 1000,
        per_ns % 1000
    );
}
