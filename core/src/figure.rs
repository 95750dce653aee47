//! Printed figures as intervals, and the one judgement of a relation between them.
//!
//! A printed figure stands for every value its printed digits allow: `12.35` for anything in
//! `[12.345, 12.355]` ([`Printed`]). A relation between printed figures — a sum, an equality of
//! two copies, a part within its whole ([`Relation`]), a growth rate or a share
//! ([`percent_fits`], [`share_fits`]) — is judged on those intervals:
//!
//! * **exact**: the printed values themselves satisfy it;
//! * **within rounding**: only values inside the intervals satisfy it (a hint naming both
//!   figures and the interval);
//! * **contradiction**: no values inside the intervals satisfy it (an error).
//!
//! The table rules, the narrative rules and [`compare`](mod@crate::compare) all judge amounts with [`judge`]
//! (under the [`crate::Policy`]'s `envelope_factor`) and rates with [`percent_fits`] and
//! [`share_fits`]. Amounts are compared in 元: a figure printed in 万元 with two decimals stands
//! for ±50 元.
//!
//! # Examples
//!
//! ```
//! use rust_decimal::Decimal;
//! use yusuan::figure::{Judgement, Printed, Relation, judge};
//! let p = |s: &str| Printed::parse(s).unwrap();
//! // 合计 10.01 against 3.34 + 6.66 (= 10.00): inside the envelope of three two-decimal figures
//! let j = judge(&[p("10.01")], &[p("3.34"), p("6.66")], Relation::Eq, Decimal::ONE).unwrap();
//! assert_eq!(j.judgement, Judgement::WithinRounding);
//! assert_eq!(j.envelope.to_string(), "0.015");
//! // 10.05 cannot be the sum of any values 3.34 and 6.66 stand for
//! let j = judge(&[p("10.05")], &[p("3.34"), p("6.66")], Relation::Eq, Decimal::ONE).unwrap();
//! assert_eq!(j.judgement, Judgement::Contradiction);
//! ```

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use crate::amount::Unit;

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// A printed figure: its value and half a unit of its last printed digit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Printed {
    /// The value as printed.
    pub value: Decimal,
    /// Half a unit of the last printed digit (0.005 for two decimals).
    pub half_ulp: Decimal,
}

impl Printed {
    /// A figure with the rounding of its own printed decimals.
    #[must_use]
    pub fn new(value: Decimal) -> Printed {
        let scale = value.scale().saturating_add(1).min(28);
        Printed {
            value,
            half_ulp: Decimal::new(5, scale),
        }
    }

    /// A figure known exactly (no rounding).
    #[must_use]
    pub fn exact(value: Decimal) -> Printed {
        Printed {
            value,
            half_ulp: Decimal::ZERO,
        }
    }

    /// Parses a plain number (`32.83`, `-2`).
    #[must_use]
    pub fn parse(s: &str) -> Option<Printed> {
        s.trim().parse::<Decimal>().ok().map(Printed::new)
    }

    /// A number stated in prose (a percentage, a count): half a unit of its last digit; a bare
    /// `0` is exactly nothing.
    ///
    /// # Examples
    ///
    /// ```
    /// use yusuan::figure::Printed;
    /// assert_eq!(Printed::stated("0".parse().unwrap()).half_ulp.to_string(), "0");
    /// assert_eq!(Printed::stated("3.2".parse().unwrap()).half_ulp.to_string(), "0.05");
    /// ```
    #[must_use]
    pub fn stated(value: Decimal) -> Printed {
        if value.is_zero() && value.scale() == 0 {
            Printed::exact(value)
        } else {
            Printed::new(value)
        }
    }

    /// A printed amount (a table cell) in 元, with half a unit of its own last printed digit;
    /// `None` when the amount in 元 does not fit a decimal.
    ///
    /// # Examples
    ///
    /// ```
    /// use yusuan::{Amount, Unit, figure::Printed};
    /// let p = Printed::of_amount(&Amount::parse("12.3", Unit::WanYuan).unwrap()).unwrap();
    /// assert_eq!((p.value, p.half_ulp), (123_000.into(), 500.into()));
    /// ```
    #[must_use]
    pub fn of_amount(amount: &crate::amount::Amount) -> Option<Printed> {
        let f = amount.unit.in_yuan();
        Some(Printed {
            value: amount.value.checked_mul(f)?,
            half_ulp: amount.half_ulp().checked_mul(f)?,
        })
    }

    /// An amount stated in prose in `unit`, in 元. Prose drops trailing zeros (`226.6万元` for
    /// 226.60, `95万元` for 95.00), so an amount in 万元 or 亿元 is read to the cent of its unit
    /// at least, as tables print it; a bare `0` means nothing at all (exact), `0.00` may be a
    /// rounded small amount. `None` when the amount in 元 does not fit a decimal.
    ///
    /// # Examples
    ///
    /// ```
    /// use rust_decimal::Decimal;
    /// use yusuan::{Unit, figure::Printed};
    /// let p = Printed::stated_money(Decimal::new(2266, 1), Unit::WanYuan).unwrap();
    /// assert_eq!((p.value, p.half_ulp), (Decimal::from(2_266_000), Decimal::from(50)));
    /// assert_eq!(Printed::stated_money(Decimal::ZERO, Unit::WanYuan).unwrap().half_ulp, Decimal::ZERO);
    /// ```
    #[must_use]
    pub fn stated_money(value: Decimal, unit: Unit) -> Option<Printed> {
        let scale = value.scale();
        let decimals = match unit {
            Unit::WanYuan | Unit::YiYuan => scale.max(2),
            Unit::Yuan => scale,
        };
        let half = if value.is_zero() && scale == 0 {
            Decimal::ZERO
        } else {
            Decimal::new(5, decimals.saturating_add(1).min(28))
        };
        Some(Printed {
            value: value.checked_mul(unit.in_yuan())?,
            half_ulp: half.checked_mul(unit.in_yuan())?,
        })
    }

    /// The same figure with at least `half` either side (a coarse figure read as the interval of
    /// its last printed digit).
    #[must_use]
    pub fn widened(self, half: Decimal) -> Printed {
        Printed {
            value: self.value,
            half_ulp: self.half_ulp.max(half),
        }
    }

    /// The lowest value the figure stands for.
    #[must_use]
    pub fn low(self) -> Decimal {
        self.value.saturating_sub(self.half_ulp)
    }

    /// The highest value the figure stands for.
    #[must_use]
    pub fn high(self) -> Decimal {
        self.value.saturating_add(self.half_ulp)
    }
}

/// How the left side of a relation relates to the right side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// `Σ lhs = Σ rhs`.
    Eq,
    /// `Σ lhs ≤ Σ rhs` (a part within its whole).
    Le,
}

/// What the intervals of the figures say about a relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Judgement {
    /// The printed values satisfy it.
    Exact,
    /// Only values inside the intervals satisfy it (a rounding-sized gap).
    WithinRounding,
    /// No values inside the intervals satisfy it.
    Contradiction,
}

/// A judged relation with its figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Judged {
    /// Exact, within rounding, or a contradiction.
    pub judgement: Judgement,
    /// `Σ lhs` as printed.
    pub lhs: Decimal,
    /// `Σ rhs` as printed.
    pub rhs: Decimal,
    /// `Σ lhs − Σ rhs`.
    pub difference: Decimal,
    /// How far the printed values miss the relation (`|difference|` for an equality, the part
    /// of the difference above 0 for `≤`).
    pub excess: Decimal,
    /// The widest miss the intervals allow: the sum of every figure's half unit, times the
    /// envelope factor.
    pub envelope: Decimal,
}

/// Judges `Σ lhs relation Σ rhs` on the intervals of the figures, with the rounding envelope
/// multiplied by `envelope_factor` (1 = the design's envelope, 0 = exact). `None` when a sum
/// does not fit a decimal.
///
/// # Examples
///
/// ```
/// use rust_decimal::Decimal;
/// use yusuan::figure::{Judgement, Printed, Relation, judge};
/// let p = |s: &str| Printed::parse(s).unwrap();
/// let part_within = judge(&[p("5.00")], &[p("4.99")], Relation::Le, Decimal::ONE).unwrap();
/// assert_eq!(part_within.judgement, Judgement::WithinRounding);
/// let exact = judge(&[p("5.00")], &[p("4.99")], Relation::Le, Decimal::ZERO).unwrap();
/// assert_eq!(exact.judgement, Judgement::Contradiction);
/// ```
#[must_use]
pub fn judge(
    lhs: &[Printed],
    rhs: &[Printed],
    relation: Relation,
    envelope_factor: Decimal,
) -> Option<Judged> {
    judge_iter(
        lhs.iter().copied(),
        rhs.iter().copied(),
        relation,
        envelope_factor,
    )
}

/// [`judge`] over figures given one by one (the checker's comparisons, without collecting them).
pub(crate) fn judge_iter<L, R>(
    lhs: L,
    rhs: R,
    relation: Relation,
    envelope_factor: Decimal,
) -> Option<Judged>
where
    L: Iterator<Item = Printed> + Clone,
    R: Iterator<Item = Printed> + Clone,
{
    let add = |s: Decimal, f: Printed| s.checked_add(f.value);
    let (l, r) = (
        lhs.clone().try_fold(Decimal::ZERO, add)?,
        rhs.clone().try_fold(Decimal::ZERO, add)?,
    );
    let envelope = lhs
        .chain(rhs)
        .try_fold(Decimal::ZERO, |s, f| s.checked_add(f.half_ulp))?
        .checked_mul(envelope_factor)?;
    let difference = l.checked_sub(r)?;
    let excess = match relation {
        Relation::Eq => difference.abs(),
        Relation::Le => difference.max(Decimal::ZERO),
    };
    let judgement = if excess.is_zero() {
        Judgement::Exact
    } else if excess <= envelope {
        Judgement::WithinRounding
    } else {
        Judgement::Contradiction
    };
    Some(Judged {
        judgement,
        lhs: l,
        rhs: r,
        difference,
        excess,
        envelope,
    })
}

/// Whether `fine`, brought to the last printed place of `coarse` (its `quantum`: 1 万元 for a
/// whole-万元 figure, in 元) with `strategy`, is `coarse`: `12,345万元` for 123,449,876 元 (half
/// away from zero), `87.65万元` for 876,580 元 (cut toward zero).
///
/// # Examples
///
/// ```
/// use rust_decimal::{Decimal, RoundingStrategy};
/// use yusuan::figure::rounds_to;
/// let d = |s: &str| s.parse::<Decimal>().unwrap();
/// assert!(rounds_to(d("123450000"), d("123449876"), d("10000"), RoundingStrategy::MidpointAwayFromZero));
/// assert!(rounds_to(d("876500"), d("876580"), d("100"), RoundingStrategy::ToZero));
/// assert!(!rounds_to(d("876500"), d("876580"), d("100"), RoundingStrategy::MidpointAwayFromZero));
/// ```
#[must_use]
pub fn rounds_to(
    coarse: Decimal,
    fine: Decimal,
    quantum: Decimal,
    strategy: RoundingStrategy,
) -> bool {
    if quantum.is_zero() {
        return false;
    }
    fine.checked_div(quantum)
        .map(|q| q.round_dp_with_strategy(0, strategy))
        .and_then(|q| q.checked_mul(quantum))
        .is_some_and(|r| r == coarse)
}

/// The interval of true values a ratio `num / den × 100` can take given the rounding of the
/// printed figures; `None` when the denominator can be zero or negative.
fn ratio_interval(num_low: Decimal, num_high: Decimal, den: Printed) -> Option<(Decimal, Decimal)> {
    let den_low = den.low();
    if den_low <= Decimal::ZERO {
        return None;
    }
    let den_high = den.high();
    let candidates = [
        num_low.checked_mul(HUNDRED)?.checked_div(den_low)?,
        num_low.checked_mul(HUNDRED)?.checked_div(den_high)?,
        num_high.checked_mul(HUNDRED)?.checked_div(den_low)?,
        num_high.checked_mul(HUNDRED)?.checked_div(den_high)?,
    ];
    let lo = candidates.iter().copied().min()?;
    let hi = candidates.iter().copied().max()?;
    Some((lo, hi))
}

/// How a stated percentage compares with what the printed amounts allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PercentFit {
    /// The percentage recomputed from the printed values.
    pub recomputed: Option<Decimal>,
    /// The lowest true percentage the rounding allows.
    pub low: Option<Decimal>,
    /// The highest true percentage the rounding allows.
    pub high: Option<Decimal>,
    /// How far the stated value (with its own rounding) lies outside `[low, high]`; 0 inside.
    pub gap: Option<Decimal>,
    /// The stated percentage's half unit of its last digit.
    pub stated_half_ulp: Decimal,
}

impl PercentFit {
    /// The stated percentage can be the rounding of the true one.
    #[must_use]
    pub fn consistent(&self) -> bool {
        self.gap.is_some_and(|g| g.is_zero())
    }

    /// Off by no more than one unit of its last printed digit (a truncation, say).
    #[must_use]
    pub fn off_by_one_digit(&self) -> bool {
        self.gap
            .is_some_and(|g| g > Decimal::ZERO && g <= self.stated_half_ulp * Decimal::TWO)
    }

    /// The base is zero (or can be): no percentage is defined.
    #[must_use]
    pub fn undefined(&self) -> bool {
        self.low.is_none()
    }

    /// The judgement of the stated percentage: consistent → exact, off by one unit of its last
    /// digit → within rounding, further off → a contradiction; `None` when undefined.
    #[must_use]
    pub fn judgement(&self) -> Option<Judgement> {
        if self.undefined() {
            None
        } else if self.consistent() {
            Some(Judgement::Exact)
        } else if self.off_by_one_digit() {
            Some(Judgement::WithinRounding)
        } else {
            Some(Judgement::Contradiction)
        }
    }
}

fn fit(
    stated: Printed,
    interval: Option<(Decimal, Decimal)>,
    recomputed: Option<Decimal>,
) -> PercentFit {
    let gap = interval.map(|(lo, hi)| {
        if stated.high() < lo {
            lo - stated.high()
        } else if stated.low() > hi {
            stated.low() - hi
        } else {
            Decimal::ZERO
        }
    });
    PercentFit {
        recomputed,
        low: interval.map(|i| i.0),
        high: interval.map(|i| i.1),
        gap,
        stated_half_ulp: stated.half_ulp,
    }
}

/// Whether a stated growth percentage (signed: negative for a decrease) fits the printed prior
/// and current values.
///
/// # Examples
///
/// ```
/// use yusuan::figure::{Printed, percent_fits};
/// let p = |s: &str| Printed::parse(s).unwrap();
/// assert!(percent_fits(p("32.83"), p("170.6"), p("226.6")).consistent());
/// assert!(percent_fits(p("5"), p("0"), p("3")).undefined());
/// ```
#[must_use]
pub fn percent_fits(stated_signed: Printed, prior: Printed, current: Printed) -> PercentFit {
    // (C − P) / P = C / P − 1
    let interval = ratio_interval(current.low(), current.high(), prior)
        .map(|(lo, hi)| (lo - HUNDRED, hi - HUNDRED));
    fit(
        stated_signed,
        interval,
        crate::variance::growth_rate(prior.value, current.value),
    )
}

/// Whether a stated share (percent) fits the printed part and whole.
///
/// # Examples
///
/// ```
/// use yusuan::figure::{Printed, share_fits};
/// let p = |s: &str| Printed::parse(s).unwrap();
/// assert!(!share_fits(p("71.73"), p("2106.66"), p("2940.05")).consistent());
/// assert!(share_fits(p("11.11"), p("326.72"), p("2940.05")).consistent());
/// ```
#[must_use]
pub fn share_fits(stated: Printed, part: Printed, whole: Printed) -> PercentFit {
    let interval = ratio_interval(part.low(), part.high(), whole);
    fit(
        stated,
        interval,
        crate::variance::share(part.value, whole.value),
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn p(s: &str) -> Printed {
        Printed::parse(s).unwrap()
    }

    #[test]
    fn a_sum_is_exact_within_rounding_or_a_contradiction() {
        let j = |l: &str, r: &[&str]| {
            let r: Vec<Printed> = r.iter().map(|s| p(s)).collect();
            judge(&[p(l)], &r, Relation::Eq, Decimal::ONE)
                .unwrap()
                .judgement
        };
        assert_eq!(j("10.00", &["3.34", "6.66"]), Judgement::Exact);
        assert_eq!(j("10.01", &["3.34", "6.66"]), Judgement::WithinRounding);
        assert_eq!(j("10.02", &["3.34", "6.66"]), Judgement::Contradiction);
        // whole units stand for ±0.5 each
        assert_eq!(j("10", &["3", "5"]), Judgement::Contradiction);
        assert_eq!(j("10", &["3", "6"]), Judgement::WithinRounding);
        assert_eq!(j("10", &["4", "5", "2"]), Judgement::WithinRounding);
    }

    #[test]
    fn a_part_may_reach_its_whole_but_not_pass_it() {
        let j = |a: &str, b: &str| judge(&[p(a)], &[p(b)], Relation::Le, Decimal::ONE).unwrap();
        assert_eq!(j("4.00", "5.00").judgement, Judgement::Exact);
        assert_eq!(j("5.01", "5.00").judgement, Judgement::WithinRounding);
        assert_eq!(j("5.02", "5.00").judgement, Judgement::Contradiction);
        assert_eq!(j("5.02", "5.00").excess.to_string(), "0.02");
    }

    #[test]
    fn sums_that_overflow_are_not_judged() {
        let big = Printed::exact(Decimal::MAX);
        assert!(judge(&[big], &[big, big], Relation::Eq, Decimal::ONE).is_none());
    }

    #[test]
    fn a_narrative_amount_stands_for_the_cent_of_its_unit() {
        let a = Printed::stated_money(Decimal::new(95, 0), Unit::WanYuan).unwrap();
        assert_eq!(a.half_ulp, Decimal::new(50, 0));
        let y = Printed::stated_money(Decimal::new(95, 0), Unit::Yuan).unwrap();
        assert_eq!(y.half_ulp, Decimal::new(5, 1));
        assert_eq!(
            a.widened(Decimal::new(5000, 0)).half_ulp,
            Decimal::new(5000, 0)
        );
    }

    #[test]
    fn rates_judge_on_intervals() {
        assert_eq!(
            percent_fits(p("32.83"), p("170.6"), p("226.6")).judgement(),
            Some(Judgement::Exact)
        );
        // truncated 32.82 for 32.825…: one unit of the last digit off
        assert_eq!(
            percent_fits(p("32.81"), p("170.60"), p("226.60")).judgement(),
            Some(Judgement::WithinRounding)
        );
        assert_eq!(
            percent_fits(p("30.00"), p("170.60"), p("226.60")).judgement(),
            Some(Judgement::Contradiction)
        );
        assert_eq!(percent_fits(p("1"), p("0.00"), p("1.00")).judgement(), None);
    }
}
