//! Linear work on pathological input: every case of `yusuan_synth::hostile` (a 10 MB line, a row
//! of 100k tabs, 100k tables, 100k repeated titles, …) is parsed and checked at a tenth of its
//! full size and at its full size: for the 10× input, the allocations may grow 15× at most and
//! the bytes allocated 20× (a quadratic step grows them 100×).
//!
//! Work is counted, not timed: a counting global allocator records the allocations (and
//! reallocations) and the bytes allocated during `parse` and during `check`. A quadratic step
//! that allocates shows up as a 100× growth. A quadratic step that only computes does not: for
//! those, `scripts/bench --callgrind` counts instructions on the same cases (a 10× input must
//! cost at most 15× the instructions), and the parser's loops over lines, rows, cells, headers,
//! sections and funding labels are written to visit each element a bounded number of times. The
//! allocator is global, so this file holds one test that runs the cases one after another.
//!
//! `YUSUAN_LINEAR_SCALE=K` divides the sizes by K (quicker local runs).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stderr,
    clippy::cast_precision_loss
)]

use std::alloc::System;

use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// Allocation operations and bytes allocated.
#[derive(Debug, Clone, Copy, Default)]
struct Work {
    ops: u64,
    bytes: u64,
}

impl Work {
    fn of(stats: stats_alloc::Stats) -> Work {
        Work {
            ops: (stats.allocations + stats.reallocations) as u64,
            bytes: stats.bytes_allocated as u64
                + stats.bytes_reallocated.max(0).unsigned_abs() as u64,
        }
    }
}

/// Work of parsing `input`, and of checking it when it parses (and `check` is set).
fn measure(input: &[u8], check: bool) -> (Work, Work, Result<(), &'static str>) {
    let region = Region::new(GLOBAL);
    let parsed = yusuan::parse_bytes(input);
    let parse = Work::of(region.change());
    let Ok(doc) = parsed else {
        let code = parsed.err().map_or("?", |e| e.code());
        return (parse, Work::default(), Err(code));
    };
    if !check {
        return (parse, Work::default(), Ok(()));
    }
    let region = Region::new(GLOBAL);
    let report = yusuan::check(&doc);
    let check = Work::of(region.change());
    drop(report);
    drop(doc);
    (parse, check, Ok(()))
}

fn ratio(big: u64, small: u64) -> f64 {
    big as f64 / small.max(1) as f64
}

#[test]
fn work_grows_linearly_on_pathological_input() {
    let scale: usize = std::env::var("YUSUAN_LINEAR_SCALE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1)
        .max(1);
    let mut failures = Vec::new();
    oversized_input_is_refused_before_any_work();
    eprintln!(
        "{:<20} {:>10} {:>10}  {:>6} {:>6}  {:>6} {:>6}",
        "case", "bytes", "bytes×10", "p.ops", "p.MB", "c.ops", "c.MB"
    );
    for case in yusuan_synth::hostile::CASES {
        let n = (case.full / scale).max(10);
        let small = case.build(n / 10);
        let large = case.build(n);
        let (p1, c1, r1) = measure(&small, case.check_linear);
        let (p10, c10, r10) = measure(&large, case.check_linear);
        if r1 != r10 {
            failures.push(format!("{}: {r1:?} at n/10 but {r10:?} at n", case.name));
        }
        let rows = [
            ("parse allocations", ratio(p10.ops, p1.ops)),
            ("parse bytes", ratio(p10.bytes, p1.bytes)),
            ("check allocations", ratio(c10.ops, c1.ops)),
            ("check bytes", ratio(c10.bytes, c1.bytes)),
        ];
        eprintln!(
            "{:<20} {:>10} {:>10}  {:>6.2} {:>6.2}  {:>6.2} {:>6.2}",
            case.name,
            small.len(),
            large.len(),
            rows[0].1,
            rows[1].1,
            rows[2].1,
            rows[3].1
        );
        // The input grew (a little less than) 10×: allocations may grow 15× at most, bytes 20×
        // (a `Vec` that doubles holds up to twice what it needs, so at one size its bytes can
        // be up to 2× those of the other size even when the work is exactly proportional).
        for (what, r) in rows {
            let bound = if what.ends_with("bytes") { 20.0 } else { 15.0 };
            if r > bound {
                failures.push(format!(
                    "{}: {what} grew {r:.1}× for a 10× larger input ({} → {} bytes)",
                    case.name,
                    small.len(),
                    large.len()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// One byte past the documented limit: an error naming the limit, and no work on the input.
fn oversized_input_is_refused_before_any_work() {
    let input = vec![b'a'; yusuan::MAX_INPUT_BYTES + 1];
    // (the embedded catalog and templates are built on first use)
    let _ = yusuan::parse("");
    let region = Region::new(GLOBAL);
    let err = yusuan::parse_bytes(&input).unwrap_err();
    let work = Work::of(region.change());
    assert_eq!(err.code(), "input_too_large");
    let message = err.to_string();
    assert!(
        message.contains(&yusuan::MAX_INPUT_BYTES.to_string()),
        "{message}"
    );
    // the error itself is the only allocation
    assert!(work.bytes < 1024, "{work:?}");
}

/// The checker's time on every pathological input: its quadratic work would be pure
/// computation (no allocation), which the allocation counts above cannot see. A 10× input taking
/// more than 25× the time is quadratic however noisy the machine, but timings belong to
/// benchmarks, so this diagnostic is ignored in the normal suite: run it with
/// `cargo test --release -p yusuan-synth --test linear_time -- --ignored --nocapture`.
/// (`scripts/bench --callgrind` shows the same as instruction counts.)
#[test]
#[ignore = "timing diagnostic: run in release with --ignored"]
fn check_time_grows_linearly() {
    let mut failures = Vec::new();
    for case in yusuan_synth::hostile::CASES {
        let time = |n: usize| {
            // some inputs are refused (an error is the expected outcome): nothing to check
            let doc = yusuan::parse_bytes(&case.build(n)).ok()?;
            let start = std::time::Instant::now();
            let report = yusuan::check(&doc);
            let t = start.elapsed().as_secs_f64();
            drop(report);
            Some(t)
        };
        let (Some(t1), Some(t10)) = (time(3_000), time(30_000)) else {
            continue;
        };
        let r = t10 / t1.max(1e-9);
        eprintln!(
            "{}: check took {r:.0}× as long for 10× the rows ({t1:.3} s → {t10:.3} s)",
            case.name
        );
        if r > 25.0 {
            failures.push(format!("{}: {r:.0}×", case.name));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
