//! Year-over-year arithmetic on printed figures: change, growth rate, share, contribution of parts
//! to a total change, the prior value implied by a stated change, and whether a printed percentage
//! can be the rounding of the true one.
//!
//! Printed figures are rounded, so every check here works with intervals: a figure printed with d
//! decimals stands for any value within half a unit of its last digit ([`Printed`]). A stated
//! percentage is consistent when its own rounding interval meets the interval of percentages the
//! printed amounts allow.
//!
//! Conventions (stated once, used everywhere):
//!
//! * **Zero base**: growth on a prior value of 0 is undefined — [`growth_rate`] returns `None`,
//!   never "100%".
//! * **Direction words**: 增加/增长/上升/提高 mean the current value is larger, 减少/下降/降低 smaller,
//!   持平 equal within the rounding of the printed figures.
//! * **基本持平** ("roughly flat"): the change is at most 1% of the prior value (or within rounding
//!   when the prior value is 0). It is weaker than 持平 and never contradicts a change inside that
//!   band.
//!
//! # Examples
//!
//! ```
//! use rust_decimal::Decimal;
//! use yusuan::variance::{Printed, growth_rate, percent_fits};
//! let d = |s: &str| s.parse::<Decimal>().unwrap();
//! // 三公: 226.6 against 170.6, stated +32.83%
//! assert_eq!(growth_rate(d("170.6"), d("226.6")).unwrap().round_dp(4), d("32.8253"));
//! let fits = percent_fits(Printed::parse("32.83").unwrap(), Printed::parse("170.6").unwrap(), Printed::parse("226.6").unwrap());
//! assert!(fits.consistent());
//! // zero base: undefined
//! assert_eq!(growth_rate(d("0"), d("0.31")), None);
//! ```

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

pub use crate::figure::{PercentFit, Printed, percent_fits, share_fits};

/// The direction of a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// 增加 / 增长.
    Increase,
    /// 减少 / 下降.
    Decrease,
    /// 持平.
    Flat,
    /// 基本持平: within 1% of the prior value.
    RoughlyFlat,
}

impl Direction {
    /// The direction a word states: 增加/增长/上升/提高/新增, 减少/下降/降低/压减, 持平, 基本持平.
    ///
    /// # Examples
    ///
    /// ```
    /// use yusuan::variance::Direction;
    /// assert_eq!(Direction::from_word("基本持平"), Some(Direction::RoughlyFlat));
    /// assert_eq!(Direction::from_word("下降"), Some(Direction::Decrease));
    /// ```
    #[must_use]
    pub fn from_word(word: &str) -> Option<Direction> {
        Some(match word {
            "增加" | "增长" | "上升" | "提高" | "新增" | "增多" => Direction::Increase,
            "减少" | "下降" | "降低" | "压减" | "减" => Direction::Decrease,
            "持平" | "相同" | "一致" | "不变" => Direction::Flat,
            "基本持平" | "大致持平" => Direction::RoughlyFlat,
            _ => return None,
        })
    }

    /// The sign the direction states: +1, −1, or 0.
    #[must_use]
    pub fn sign(self) -> i8 {
        match self {
            Direction::Increase => 1,
            Direction::Decrease => -1,
            Direction::Flat | Direction::RoughlyFlat => 0,
        }
    }
}

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// `current − prior`.
#[must_use]
pub fn change(prior: Decimal, current: Decimal) -> Decimal {
    current - prior
}

/// Growth in percent, `(current − prior) / prior × 100`; `None` on a zero base (undefined) or a
/// negative base.
#[must_use]
pub fn growth_rate(prior: Decimal, current: Decimal) -> Option<Decimal> {
    if prior <= Decimal::ZERO {
        return None;
    }
    (current - prior).checked_mul(HUNDRED)?.checked_div(prior)
}

/// Share in percent, `part / whole × 100`; `None` when the whole is not positive.
///
/// # Examples
///
/// ```
/// use rust_decimal::Decimal;
/// let d = |s: &str| s.parse::<Decimal>().unwrap();
/// assert_eq!(yusuan::variance::share(d("2106.66"), d("2940.05")).unwrap().round_dp(2), d("71.65"));
/// ```
#[must_use]
pub fn share(part: Decimal, whole: Decimal) -> Option<Decimal> {
    if whole <= Decimal::ZERO {
        return None;
    }
    part.checked_mul(HUNDRED)?.checked_div(whole)
}

/// Each part's contribution to the total change, in percent of the total change; `None` for every
/// part when the total does not change.
///
/// # Examples
///
/// ```
/// use rust_decimal::Decimal;
/// let d = |s: &str| s.parse::<Decimal>().unwrap();
/// // 支出 +101.51 = 基本 −57.87 + 项目 +159.38
/// let c = yusuan::variance::contributions(&[(d("3191.96"), d("3134.09")), (d("4420.00"), d("4579.38"))]);
/// assert_eq!(c[1].unwrap().round_dp(1), d("157.0"));
/// ```
#[must_use]
pub fn contributions(parts: &[(Decimal, Decimal)]) -> Vec<Option<Decimal>> {
    let total = parts
        .iter()
        .try_fold(Decimal::ZERO, |t, (p, c)| t.checked_add(c.checked_sub(*p)?));
    parts
        .iter()
        .map(|(p, c)| {
            let total = total.filter(|t| !t.is_zero())?;
            c.checked_sub(*p)?.checked_mul(HUNDRED)?.checked_div(total)
        })
        .collect()
}

/// The prior value a stated change implies: `current − change` (with the change's sign).
#[must_use]
pub fn implied_prior(current: Decimal, signed_change: Decimal) -> Decimal {
    current - signed_change
}

/// Rounds a percentage to `decimals` places, half away from zero (as reports are written).
#[must_use]
pub fn round_percent(p: Decimal, decimals: u32) -> Decimal {
    p.round_dp_with_strategy(
        decimals,
        rust_decimal::RoundingStrategy::MidpointAwayFromZero,
    )
}

/// The direction the values show, with 持平 meaning equal within the printed rounding.
#[must_use]
pub fn direction_of(prior: Printed, current: Printed) -> Direction {
    let diff = current.value - prior.value;
    if diff.abs() <= prior.half_ulp + current.half_ulp {
        Direction::Flat
    } else if diff > Decimal::ZERO {
        Direction::Increase
    } else {
        Direction::Decrease
    }
}

/// Whether a stated direction agrees with the values (see the module docs for 基本持平).
///
/// # Examples
///
/// ```
/// use rust_decimal::Decimal;
/// use yusuan::variance::{Direction, Printed, direction_agrees};
/// let p = |s: &str| Printed::parse(s).unwrap();
/// assert!(direction_agrees(Direction::RoughlyFlat, p("100.00"), p("100.80")));
/// assert!(!direction_agrees(Direction::Flat, p("100.00"), p("100.80")));
/// assert!(!direction_agrees(Direction::Increase, p("0.00"), p("0")));
/// ```
#[must_use]
pub fn direction_agrees(stated: Direction, prior: Printed, current: Printed) -> bool {
    let actual = direction_of(prior, current);
    match stated {
        Direction::RoughlyFlat => {
            let band = prior.value.abs() / HUNDRED + prior.half_ulp + current.half_ulp;
            (current.value - prior.value).abs() <= band
        }
        s => s == actual,
    }
}

/// How a stated direction fits two printed figures read as intervals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DirectionFit {
    /// The printed values themselves show the stated direction.
    Exact,
    /// Only values inside the rounding intervals (not the printed ones) show it: a hint.
    WithinRounding,
    /// No values inside the intervals show it: a contradiction.
    Contradicted,
}

/// Judges a stated direction against two printed figures, each standing for the interval of
/// values its printed precision allows. An increase of one unit of the last digit
/// (121.45 → 121.46) is an increase, not 持平; 持平 for such a pair is satisfied only at the edge.
///
/// # Examples
///
/// ```
/// use yusuan::variance::{Direction, DirectionFit, Printed, direction_fit};
/// let p = |s: &str| Printed::parse(s).unwrap();
/// assert_eq!(direction_fit(Direction::Increase, p("121.45"), p("121.46")), DirectionFit::Exact);
/// assert_eq!(direction_fit(Direction::Flat, p("121.45"), p("121.46")), DirectionFit::WithinRounding);
/// assert_eq!(direction_fit(Direction::Decrease, p("121.45"), p("121.46")), DirectionFit::Contradicted);
/// assert_eq!(direction_fit(Direction::Increase, p("121"), p("121.0")), DirectionFit::WithinRounding);
/// ```
#[must_use]
pub fn direction_fit(stated: Direction, prior: Printed, current: Printed) -> DirectionFit {
    let diff = current.value - prior.value;
    let slack = prior.half_ulp + current.half_ulp;
    let (exact, possible) = match stated {
        Direction::Increase => (diff > Decimal::ZERO, diff + slack > Decimal::ZERO),
        Direction::Decrease => (diff < Decimal::ZERO, diff - slack < Decimal::ZERO),
        Direction::Flat => (diff.is_zero(), diff.abs() <= slack),
        Direction::RoughlyFlat => {
            let band = prior.value.abs() / HUNDRED;
            (diff.abs() <= band, diff.abs() <= band + slack)
        }
    };
    if exact {
        DirectionFit::Exact
    } else if possible {
        DirectionFit::WithinRounding
    } else {
        DirectionFit::Contradicted
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn p(s: &str) -> Printed {
        Printed::parse(s).unwrap()
    }

    #[test]
    fn growth_percentages_of_the_corpus() {
        // seed 三公 items
        assert!(percent_fits(p("137.5"), p("40"), p("95")).consistent());
        assert!(percent_fits(p("0.92"), p("109"), p("110")).consistent());
        // 01 item 3: stated 314.82, true 289.12
        let f = percent_fits(p("314.82"), p("11.67"), p("45.41"));
        assert!(!f.consistent() && !f.off_by_one_digit());
        assert_eq!(
            round_percent(f.recomputed.unwrap(), 2),
            "289.12".parse::<Decimal>().unwrap()
        );
        // 01 item 16: 220.63 vs 132.59 is +66.40%, not 60.54%
        let f = percent_fits(p("60.54"), p("132.59"), p("220.63"));
        assert!(!f.consistent());
        assert_eq!(
            round_percent(f.recomputed.unwrap(), 2),
            "66.40".parse::<Decimal>().unwrap()
        );
        // 04 items are right, decreases signed
        assert!(percent_fits(p("-1.39"), p("54.60"), p("53.84")).consistent());
        assert!(percent_fits(p("-0.47"), p("33.74"), p("33.58")).consistent());
        // 07: −1.87% of 3052.34
        assert!(percent_fits(p("-1.87"), p("3052.34"), p("2995.39")).consistent());
        // zero base
        assert!(percent_fits(p("100.00"), p("0"), p("60.13")).undefined());
    }

    #[test]
    fn directions() {
        assert!(direction_agrees(Direction::Flat, p("21.60"), p("21.6")));
        assert!(direction_agrees(
            Direction::Increase,
            p("170.60"),
            p("226.6")
        ));
        assert!(!direction_agrees(Direction::Increase, p("1421.25"), p("0")));
        assert_eq!(Direction::from_word("增长"), Some(Direction::Increase));
    }

    #[test]
    fn truncation_is_off_by_one_digit() {
        // 56 / 170.6 = 32.8253…: with exact amounts, 32.82 is a truncation
        let exact = |s: &str| Printed::exact(s.parse().unwrap());
        let f = percent_fits(p("32.82"), exact("170.6"), exact("226.6"));
        assert!(!f.consistent());
        assert!(f.off_by_one_digit());
    }
}
