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
//! A [`Variant`] prints the same consistent figures the other ways real documents print them
//! (narrative amounts in whole 万元 or to one decimal, rounded or cut; tables in 元; the narrative
//! twice; 功能分类 items itemised under old or variant names; whole percentages): the precision
//! suite (`tests/precision.rs`) checks that none of them is an error.
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
    /// Ways of printing the same consistent figures that real documents use.
    pub variant: Variant,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            scale: 1,
            variant: Variant::default(),
        }
    }
}

/// How the narrative prints an amount that the tables print to the 分.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Precision {
    /// As the tables (two decimals of 万元, trailing zeros dropped where the style does).
    #[default]
    Exact,
    /// Rounded half up to this many decimals of 万元 (0 or 1): `12,344.98` → `12,345`.
    Rounded(u8),
    /// Cut to this many decimals of 万元 (0 or 1): `12,344.98` → `12,344.9`.
    Truncated(u8),
}

/// How the narrative names the 功能分类 items it itemises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Naming {
    /// The tables' names.
    AsTables,
    /// Names a document may legitimately use instead: the catalog's aliases (old names of a
    /// renamed code), `其它` for `其他`, half-width brackets.
    Variants,
}

/// Ways a real document may print the same consistent figures: all of them must check with no
/// error. The default prints none of them (the document of [`generate`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Variant {
    /// The precision of the narrative's amounts.
    pub precision: Precision,
    /// Tables in 元 (`单位：元`, figures with 元 and 分), the narrative in 万元 (rounded to the
    /// 分 of 万元, then to `precision`).
    pub yuan_tables: bool,
    /// The narrative (预算情况说明, up to the 绩效目标表) printed twice, word for word.
    pub narrative_twice: bool,
    /// Itemise the general public budget's 项 in a 财政拨款支出主要内容 list, with these names.
    pub itemised: Option<Naming>,
    /// Percentages in the narrative rounded to whole percent (`增长5%` for 5.26%).
    pub whole_percent: bool,
}

impl Variant {
    /// The variant of `seed` for a precision suite: each choice drawn independently (about one
    /// document in five is printed as the default).
    #[must_use]
    pub fn draw(seed: u64) -> Variant {
        let mut rng = Rng::new(seed ^ 0x7A8E_11A5);
        let precision = match rng.below(6) {
            0 | 1 => Precision::Exact,
            2 => Precision::Rounded(0),
            3 => Precision::Rounded(1),
            4 => Precision::Truncated(1),
            _ => Precision::Truncated(0),
        };
        Variant {
            precision,
            yuan_tables: rng.chance(35),
            narrative_twice: rng.chance(30),
            itemised: match rng.below(3) {
                0 => None,
                1 => Some(Naming::AsTables),
                _ => Some(Naming::Variants),
            },
            whole_percent: rng.chance(35),
        }
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
    let mut budget = budget::draw(&mut rng, catalog, options.scale);
    let variant = options.variant;
    if variant.yuan_tables {
        // a stream of its own: the default document's draws stay as they are
        budget = budget.in_yuan(&mut Rng::new(seed ^ 0x0059_5541_4E00));
    }
    let (text, truth) = render::render(&budget, catalog, &mut rng, variant);
    Synthetic { seed, text, truth }
}

/// Generates the 决算 (final accounts) of `seed`: a consistent document in the 9-table layout of
/// the `shanghai-final-9` template (收入支出决算总表 … 国有资本经营预算财政拨款收入支出决算表, in
/// 万元), with or without non-fiscal income (事业收入, 其他收入) and spending, 年初/年末结转和结余
/// of each fund, 年初预算 against 决算数 and a narrative (情况说明) whose figures agree with the
/// tables. `variant` prints it as [`Variant`] says, except that the tables are always in 万元
/// (`yuan_tables` is ignored) and `itemised` lists each 项's 年初预算 and 决算数.
///
/// ```
/// let doc = yusuan_synth::generate_final(7, yusuan_synth::Variant::default());
/// let parsed = yusuan::parse(&doc.text).unwrap();
/// assert_eq!(parsed.meta.kind, Some(yusuan::DocKind::FinalAccounts));
/// assert!(doc.truth.compare(&parsed).is_empty());
/// assert_eq!(yusuan::check(&parsed).summary.error, 0);
/// ```
#[must_use]
pub fn generate_final(seed: u64, variant: Variant) -> Synthetic {
    let mut rng = Rng::new(seed);
    let catalog = yusuan::catalog::Catalog::builtin();
    let budget = budget::draw(&mut rng, catalog, 1);
    let (text, truth) = render::final_accounts::render(&budget, catalog, &mut rng, variant);
    Synthetic { seed, text, truth }
}

/// Formats hundredths as a printed amount (`771347` → `7,713.47`).
#[must_use]
pub fn format_amount(hundredths: i64, grouped: bool) -> String {
    render::money(hundredths, grouped)
}
