//! Benchmarks: parsing the reference document (32 KB).

#![allow(missing_docs, clippy::unwrap_used)]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const SEED: &str = include_str!("../../tests/corpus/seed_2025_yantai_unit_budget.txt");

fn parse_seed(c: &mut Criterion) {
    // Build the embedded catalog and layouts once, as every long-running process does.
    yusuan::parse(SEED).unwrap();
    let mut g = c.benchmark_group("parse");
    g.throughput(Throughput::Bytes(SEED.len() as u64));
    g.bench_function("seed", |b| {
        b.iter(|| yusuan::parse(black_box(SEED)).unwrap())
    });
    g.finish();
}

criterion_group!(benches, parse_seed);
criterion_main!(benches);
