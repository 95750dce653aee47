//! Benchmarks of the PDF source on the public PDFs of `../shared/corpus/pdf` (01: 35 pages,
//! 04: 16 pages, 07: 25 pages): the extraction alone (bytes to grid) and the whole way from the
//! PDF's bytes to the report (extract, read, check). Skipped, with a message, when
//! `../shared/corpus/pdf` is absent. `scripts/bench` prints the medians next to Python
//! pdfplumber's extraction of the same files.
//!
//! `cargo bench -p yusuan --features pdf --bench pdf`

#![allow(missing_docs, clippy::unwrap_used, clippy::print_stderr)]

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};

const DOCS: [(&str, &str); 3] = [
    ("01", "01_sh_putuo_wanli_street_dept_budget_2023"),
    ("04", "04_sh_putuo_social_welfare_home_unit_budget_2024"),
    ("07", "07_sh_putuo_finance_bureau_dept_final_2024"),
];

fn pdf(c: &mut Criterion) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/pdf");
    if !dir.is_dir() {
        eprintln!("pdf bench skipped: {} is not there", dir.display());
        return;
    }
    let checker = yusuan::Checker::new();
    let mut g = c.benchmark_group("pdf");
    g.sample_size(20);
    for (key, name) in DOCS {
        let bytes = std::fs::read(dir.join(format!("{name}.pdf"))).unwrap();
        // warm the embedded catalog and templates, as a long-running process has them
        let _ = checker.check(&yusuan::read(&bytes).unwrap());
        g.bench_function(format!("{key}_extract"), |b| {
            b.iter(|| yusuan::source::pdf::grid(black_box(&bytes)).unwrap());
        });
        g.bench_function(format!("{key}_report"), |b| {
            b.iter(|| checker.check(&yusuan::read(black_box(&bytes)).unwrap()));
        });
    }
    g.finish();
}

criterion_group!(benches, pdf);
criterion_main!(benches);
