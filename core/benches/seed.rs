//! Benchmarks on the reference document (32 KB, 12 tables): parse, check, and both.
//!
//! `cargo bench -p yusuan --bench seed`

#![allow(missing_docs, clippy::unwrap_used)]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const SEED: &str = include_str!("../../tests/corpus/seed_2025_yantai_unit_budget.txt");

fn seed(c: &mut Criterion) {
    // Build the embedded catalog, templates and rule catalogue once, as a long-running process does.
    let doc = yusuan::parse(SEED).unwrap();
    let _ = yusuan::check(&doc);
    let mut g = c.benchmark_group("seed");
    g.throughput(Throughput::Bytes(SEED.len() as u64));
    g.bench_function("parse", |b| {
        b.iter(|| yusuan::parse(black_box(SEED)).unwrap());
    });
    g.bench_function("check", |b| b.iter(|| yusuan::check(black_box(&doc))));
    g.bench_function("parse_check", |b| {
        b.iter(|| yusuan::check(&yusuan::parse(black_box(SEED)).unwrap()));
    });
    g.finish();
}

criterion_group!(benches, seed);
criterion_main!(benches);
