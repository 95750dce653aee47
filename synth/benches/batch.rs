//! Batch benchmarks over generated documents: parse, check, and both, on one core and on every
//! core (one thread per core, documents split between them).
//!
//! `cargo bench -p yusuan-synth --bench batch` (or `scripts/bench` for a summary table). The
//! throughput criterion prints is in bytes; `scripts/bench` adds documents per second.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// Number of documents in the batch (`YUSUAN_BENCH_DOCS` overrides).
fn batch_size() -> u64 {
    std::env::var("YUSUAN_BENCH_DOCS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64)
}

fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
}

/// Runs `f` over the documents on `n` threads.
fn on_threads<T: Sync>(items: &[T], n: usize, f: impl Fn(&T) + Sync) {
    if n <= 1 {
        items.iter().for_each(&f);
        return;
    }
    let chunk = items.len().div_ceil(n).max(1);
    std::thread::scope(|s| {
        for part in items.chunks(chunk) {
            let f = &f;
            s.spawn(move || part.iter().for_each(f));
        }
    });
}

fn batch(c: &mut Criterion) {
    let texts: Vec<String> = (1..=batch_size())
        .map(|s| yusuan_synth::generate(s).text)
        .collect();
    let bytes: u64 = texts.iter().map(|t| t.len() as u64).sum();
    let docs: Vec<yusuan::Document> = texts.iter().map(|t| yusuan::parse(t).unwrap()).collect();
    // Build the embedded catalog, templates and rule catalogue once, as a long-running process does.
    if let Some(d) = docs.first() {
        let _ = yusuan::check(d);
    }
    let mut g = c.benchmark_group("batch");
    g.throughput(Throughput::Bytes(bytes));
    g.sample_size(20);
    for (label, n) in [("1core", 1), ("all_cores", threads())] {
        g.bench_function(format!("parse/{label}"), |b| {
            b.iter(|| {
                on_threads(&texts, n, |t| {
                    black_box(yusuan::parse(black_box(t)).unwrap());
                });
            });
        });
        g.bench_function(format!("check/{label}"), |b| {
            b.iter(|| on_threads(&docs, n, |d| drop(black_box(yusuan::check(black_box(d))))));
        });
        g.bench_function(format!("parse_check/{label}"), |b| {
            b.iter(|| {
                on_threads(&texts, n, |t| {
                    black_box(yusuan::check(&yusuan::parse(black_box(t)).unwrap()));
                });
            });
        });
    }
    g.finish();
}

criterion_group!(benches, batch);
criterion_main!(benches);
