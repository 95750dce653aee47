//! Checking a [`Document`]: the rule catalogue and the engine that runs it.
//!
//! Every rule is a small unit with a stable id (the reference labels of the project's
//! `domain/RULES.md`: W-… within a table, X-… across tables, C-… classification codes), titles in
//! Chinese and English, a kind, and the tables it needs. The engine runs every rule and records one
//! outcome per instance: pass, fail (error or warning), hint, not applicable, insufficient data.
//! A rule that cannot be evaluated never yields pass.
//!
//! Amounts are compared exactly, in 元, under the rounding envelope: a total compared with the
//! sum of n printed figures may differ by half a unit of the last printed place of each figure
//! ((n+1) × 0.5 × 10⁻ᵈ for n addends at d decimals) before it is an error; 0 is a pass and a gap
//! inside the envelope is a hint naming both figures.
//!
//! # Examples
//!
//! ```
//! # let text = include_str!("../../../tests/corpus/seed_2025_yantai_unit_budget.txt");
//! let doc = yusuan::parse(text).unwrap();
//! let report = yusuan::check(&doc);
//! assert_eq!(report.summary.error, 0);
//! assert!(report.summary.hint > 0); // 0.01 rounding gaps
//! ```

/// A rule of the catalogue: id, kind, the tables it needs (standard keys, checked when the crate
/// compiles: `["T05"]` becomes `&[TableKey::T05]`), Chinese and English titles, the function that
/// runs it and, for a conditional rule, its condition. The one registration form of every rule
/// module; defined before them so that each can use it.
macro_rules! rule {
    ($id:literal, $kind:ident, [$($t:literal),*], $zh:literal, $en:literal, $run:expr $(,)?) => {
        $crate::check::RuleDef {
            info: $crate::check::RuleInfo { id: $id, title: $zh, title_en: $en, kind: $crate::check::RuleKind::$kind, severity: $crate::check::RuleKind::$kind.default_severity(), tables: const { &[$($crate::model::TableKey::known($t)),*] }, condition: None },
            run: $run,
        }
    };
    ($id:literal, $kind:ident, [$($t:literal),*], $zh:literal, $en:literal, $run:expr, $cond:literal $(,)?) => {
        $crate::check::RuleDef {
            info: $crate::check::RuleInfo { id: $id, title: $zh, title_en: $en, kind: $crate::check::RuleKind::$kind, severity: $crate::check::RuleKind::$kind.default_severity(), tables: const { &[$($crate::model::TableKey::known($t)),*] }, condition: Some($cond) },
            run: $run,
        }
    };
}

mod cause;
mod classification;
mod cross;
mod engine;
pub mod messages;
mod narrative;
mod performance;
mod within;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::catalog::Catalog;
use crate::model::Document;
use crate::report::{Coverage, Report};
use crate::template::Template;

pub use messages::{MessageTemplate, messages};

use engine::{Ctx, Emitter};

/// How firmly a rule holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    /// An identity of the format: a failure is an error.
    Hard,
    /// Holds only under a stated condition; not applicable otherwise.
    Conditional,
    /// An expectation, not an identity (or a matter of style): reported as a hint (a warning
    /// where its registration says so), and not run when [`Policy::soft_rules`] is off.
    Soft,
}

impl RuleKind {
    /// The most severe finding a rule of this kind reports unless its registration says
    /// otherwise ([`RuleInfo::severity`]): an error for hard and conditional rules, a hint for
    /// soft ones.
    ///
    /// # Examples
    ///
    /// ```
    /// use yusuan::check::{RuleKind, RuleSeverity};
    /// assert_eq!(RuleKind::Soft.default_severity(), RuleSeverity::Hint);
    /// ```
    #[must_use]
    pub const fn default_severity(self) -> RuleSeverity {
        match self {
            RuleKind::Hard | RuleKind::Conditional => RuleSeverity::Error,
            RuleKind::Soft => RuleSeverity::Hint,
        }
    }
}

/// The most severe finding a rule may report; the engine caps every instance of the rule there
/// (a failure of a warning-level rule is at most a warning, of a hint-level rule a hint).
///
/// The policy of the catalogue: **error** — two printed figures, or a statement and the figures,
/// contradict each other beyond their precision; **warning** — a statement names the wrong thing
/// or omits what the format requires while the numbers agree; **hint** — rounding-sized gaps,
/// truncation, policy matters (a zero base), style (template wording, a missing reason).
///
/// # Examples
///
/// ```
/// use yusuan::check::{RuleSeverity, rules};
/// let of = |id: &str| rules().into_iter().find(|r| r.id == id).unwrap().severity;
/// assert_eq!(of("W-01-1"), RuleSeverity::Error); // an identity of the tables
/// assert_eq!(of("V-14"), RuleSeverity::Warning); // a title naming another year
/// assert_eq!(of("V-08"), RuleSeverity::Hint); // a change without its reason
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleSeverity {
    /// Hints only.
    Hint,
    /// Warnings at most.
    Warning,
    /// Errors.
    Error,
}

/// What a rule is.
#[derive(Debug, Clone, Serialize)]
pub struct RuleInfo {
    /// Stable id (`W-02-3`).
    pub id: &'static str,
    /// Title in Chinese.
    pub title: &'static str,
    /// Title in English.
    pub title_en: &'static str,
    /// Hard, conditional or soft.
    pub kind: RuleKind,
    /// The most severe finding it reports (by default that of its kind).
    pub severity: RuleSeverity,
    /// The tables it needs (`T02`, …).
    pub tables: &'static [crate::model::TableKey],
    /// The condition of a conditional rule, in English.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition: Option<&'static str>,
}

pub(crate) struct RuleDef {
    pub info: RuleInfo,
    pub run: fn(&Ctx<'_>, &mut Emitter<'_>),
}

impl RuleDef {
    /// The rule reports at most `severity` (instead of its kind's default).
    pub(crate) fn at_most(mut self, severity: RuleSeverity) -> RuleDef {
        self.info.severity = severity;
        self
    }
}

/// Which rules run and how tolerant they are.
///
/// # Examples
///
/// ```
/// let policy = yusuan::check::Policy { soft_rules: false, ..Default::default() };
/// # let text = include_str!("../../../tests/corpus/seed_2025_yantai_unit_budget.txt");
/// let report = yusuan::check::Checker::new().with_policy(policy).check(&yusuan::parse(text).unwrap());
/// assert!(report.findings.iter().all(|f| f.rule != "X-12"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Policy {
    /// Run the soft rules (their findings are hints).
    pub soft_rules: bool,
    /// Rule ids not to run.
    pub skip_rules: Vec<String>,
    /// Multiplies the rounding envelope (1 = the envelope of the design; 0 = exact).
    pub envelope_factor: Decimal,
    /// Region- or year-specific codes accepted without a catalog check (C-06).
    pub code_whitelist: Vec<String>,
    /// A growth rate stated on a zero base (V-04) is an error rather than a hint.
    pub strict_zero_base: bool,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            soft_rules: true,
            skip_rules: Vec::new(),
            envelope_factor: Decimal::ONE,
            code_whitelist: Vec::new(),
            strict_zero_base: false,
        }
    }
}

/// Runs the rule catalogue with a catalog and a policy.
#[derive(Debug, Clone)]
pub struct Checker<'c> {
    catalog: &'c Catalog,
    policy: Policy,
    include_passes: bool,
}

impl Default for Checker<'static> {
    fn default() -> Self {
        Checker::new()
    }
}

impl Checker<'static> {
    /// The built-in catalog and the default policy.
    #[must_use]
    pub fn new() -> Checker<'static> {
        Checker {
            catalog: Catalog::builtin(),
            policy: Policy::default(),
            include_passes: false,
        }
    }
}

impl Checker<'_> {
    /// Uses another catalog.
    #[must_use]
    pub fn with_catalog(self, catalog: &Catalog) -> Checker<'_> {
        Checker {
            catalog,
            policy: self.policy,
            include_passes: self.include_passes,
        }
    }

    /// Keeps the instances that passed in [`Report::findings`] (by default they are only
    /// counted in the summary).
    #[must_use]
    pub fn include_passes(mut self, yes: bool) -> Self {
        self.include_passes = yes;
        self
    }

    /// Uses another policy.
    #[must_use]
    pub fn with_policy(mut self, policy: Policy) -> Self {
        self.policy = policy;
        self
    }

    /// Checks a document.
    #[must_use]
    pub fn check(&self, doc: &Document) -> Report {
        let cx = Ctx::new(doc, self.catalog, &self.policy);
        let mut em = Emitter::new(
            &self.policy,
            self.include_passes,
            (&doc.meta.template, &doc.meta.template_tables),
        );
        em.coarse_narrative = cx.coarse_narrative;
        for rule in catalogue() {
            if self.policy.skip_rules.iter().any(|r| r == rule.info.id) {
                continue;
            }
            if rule.info.kind == RuleKind::Soft && !self.policy.soft_rules {
                continue;
            }
            em.rule(rule.info.id, rule.info.severity);
            (rule.run)(&cx, &mut em);
        }
        let s = em.summary;
        let coverage = Coverage {
            rule_instances: s.error
                + s.warning
                + s.hint
                + s.pass
                + s.not_applicable
                + s.insufficient_data,
            ..coverage(doc, &cx.claims)
        };
        cause::merge(&mut em.findings, &em.gaps, &em.rates, &mut em.summary);
        Report::new(doc, coverage, em.summary, em.findings)
    }
}

/// Checks a document with the built-in catalog and the default policy.
#[must_use]
pub fn check(doc: &Document) -> Report {
    Checker::new().check(doc)
}

/// The rule catalogue, in the order rules run.
///
/// # Examples
///
/// ```
/// let rules = yusuan::check::rules();
/// assert!(rules.iter().any(|r| r.id == "W-02-3"));
/// ```
#[must_use]
pub fn rules() -> Vec<&'static RuleInfo> {
    catalogue().iter().map(|r| &r.info).collect()
}

fn catalogue() -> &'static [RuleDef] {
    static ALL: std::sync::OnceLock<Vec<RuleDef>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| {
        let mut v = Vec::new();
        v.extend(within::rules());
        v.extend(cross::rules());
        v.extend(classification::rules());
        v.extend(narrative::rules());
        v.extend(performance::rules());
        v
    })
}

fn coverage(doc: &Document, claims: &crate::claims::Claims) -> Coverage {
    let found: Vec<String> = doc.tables.iter().map(|t| t.key.to_string()).collect();
    let missing = Template::builtin()
        .iter()
        .find(|l| l.name == doc.meta.template)
        .map(|l| {
            l.tables
                .iter()
                .filter(|t| t.required && !found.iter().any(|k| t.key == *k))
                .map(|t| t.key.to_string())
                .collect()
        })
        .unwrap_or_default();
    Coverage {
        tables_found: found,
        tables_missing: missing,
        rule_instances: 0,
        numeric_sentences: claims.numeric_sentences,
        numeric_sentences_without_claims: claims.unread.iter().map(|u| u.line).collect(),
    }
}
