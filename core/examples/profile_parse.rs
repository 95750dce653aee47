//! Parses (and with `check`, checks) the seed many times, for profilers:
//! `cargo run --release --example profile_parse -- [N] [check]`.
#![allow(missing_docs, clippy::unwrap_used, clippy::print_stdout)]
fn main() {
    let text = include_str!("../../tests/corpus/seed_2025_yantai_unit_budget.txt");
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(2000);
    let check = args.next().is_some_and(|a| a == "check");
    let start = std::time::Instant::now();
    let mut count = 0;
    for _ in 0..n {
        let doc = yusuan::parse(std::hint::black_box(text)).unwrap();
        count += if check {
            yusuan::check(&doc).findings.len()
        } else {
            doc.tables.len()
        };
    }
    let per_ns = start.elapsed().as_nanos() / n.max(1) as u128;
    println!(
        "{n} runs ({count}), {}.{:03} µs each",
        per_ns / 1000,
        per_ns % 1000
    );
}
