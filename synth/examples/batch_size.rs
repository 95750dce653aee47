//! Prints the total size in bytes of the benchmark batch (generated documents 1 ..= N, N from
//! `YUSUAN_BENCH_DOCS`, default 64), for `scripts/bench`'s throughput figures.

#![allow(clippy::print_stdout)]

fn main() {
    let docs: u64 = std::env::var("YUSUAN_BENCH_DOCS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64);
    let bytes: usize = (1..=docs)
        .map(|s| yusuan_synth::generate(s).text.len())
        .sum();
    println!("{bytes}");
}
