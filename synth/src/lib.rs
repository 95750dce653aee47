//! # yusuan-synth
//!
//! Random but internally consistent budget disclosures in the 12-table text layout of the
//! reference document, for property tests, fuzzing seeds and benchmarks.
//!
//! A generated document has a random unit, year and size; classification codes and names drawn
//! from the embedded catalog ([`yusuan::catalog::Catalog::builtin`]); amounts with two decimals
//! that add up exactly in every identity the checker verifies (row = sum of its columns,
//! 类 = Σ款 = Σ项, totals, the two-sided summaries, the cross-table identities, the "三公" table,
//! economic and functional views of the same money); optionally empty fund, project and
//! procurement tables with their statements; and narrative sentences (收入/支出 totals, the
//! "三公" sentence, 机关运行经费, 政府采购) whose numbers agree with the tables. The same seed
//! gives the same document everywhere.
//!
//! ```
//! let doc = yusuan_synth::generate(42);
//! let parsed = yusuan::parse(&doc.text).unwrap();
//! assert!(doc.truth.compare(&parsed).is_empty());
//! let report = yusuan::check(&parsed);
//! assert_eq!((report.summary.error, report.summary.warning), (0, 0));
//! ```

#![forbid(unsafe_code)]

mod budget;
pub mod forms;
pub mod hostile;
pub mod pdf;
mod render;
mod rng;
mod truth;

pub use rng::Rng;
pub use truth::{
    CellTruth, Claim, ClaimKind, PerformanceTruth, RowKey, RowTruth, TableTruth, Truth,
};

/// A generated document and what it states.
#[derive(Debug, Clone)]
pub struct Synthetic {
    /// The seed it was generated from.
    pub seed: u64,
    /// The document text.
    pub text: String,
    /// Every figure it prints, for comparing with what the parser reads back.
    pub truth: Truth,
}

/// Options for [`generate_with`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Multiplies the number of projects (and so of rows, 绩效目标表 and bytes); 1 is a typical
    /// unit of 15–25 KB.
    pub scale: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { scale: 1 }
    }
}

/// Generates the document of `seed` with the default options.
#[must_use]
pub fn generate(seed: u64) -> Synthetic {
    generate_with(seed, Options::default())
}

/// Generates the document of `seed`.
#[must_use]
pub fn generate_with(seed: u64, options: Options) -> Synthetic {
    let mut rng = Rng::new(seed);
    let catalog = yusuan::catalog::Catalog::builtin();
    let budget = budget::draw(&mut rng, catalog, options.scale);
    let (text, truth) = render::render(&budget, catalog, &mut rng);
    Synthetic { seed, text, truth }
}

/// Formats hundredths as a printed amount (`771347` → `7,713.47`).
#[must_use]
pub fn format_amount(hundredths: i64, grouped: bool) -> String {
    render::money(hundredths, grouped)
}
