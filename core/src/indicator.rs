//! The target values of 绩效目标表 indicators, read into comparator, number, unit and period.
//!
//! # Examples
//!
//! ```
//! use yusuan::indicator::{Comparator, Target, parse_target};
//! match parse_target("≥50次/季") {
//!     Target::Quantity { comparator, value, unit, period, .. } => {
//!         assert_eq!(comparator, Some(Comparator::AtLeast));
//!         assert_eq!(value.to_string(), "50");
//!         assert_eq!(unit.as_deref(), Some("次"));
//!         assert_eq!(period.as_deref(), Some("季"));
//!     }
//!     other => panic!("{other:?}"),
//! }
//! assert!(matches!(parse_target("明显提升"), Target::Qualitative { .. }));
//! assert!(matches!(parse_target("12月底前完成"), Target::Deadline { .. }));
//! ```

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::text::{find_year, fold_width};

/// How a target bounds its indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparator {
    /// ≥, 不低于, 不少于.
    AtLeast,
    /// >, 高于.
    Above,
    /// ≤, 不高于, 不超过.
    AtMost,
    /// <, 低于.
    Below,
    /// =.
    Equal,
}

impl Comparator {
    /// An upper bound (≤ or <).
    #[must_use]
    pub fn is_upper(self) -> bool {
        matches!(self, Comparator::AtMost | Comparator::Below)
    }

    /// A lower bound (≥ or >).
    #[must_use]
    pub fn is_lower(self) -> bool {
        matches!(self, Comparator::AtLeast | Comparator::Above)
    }
}

/// What an indicator's printed value says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Target {
    /// A number, maybe with a comparator, unit and period (`≥95%`, `≤970.00万元`, `≥16次/年`).
    Quantity {
        /// The bound, if one is printed.
        comparator: Option<Comparator>,
        /// The number.
        value: Decimal,
        /// The unit (`%`, `万元`, `次` …).
        unit: Option<String>,
        /// The period after a slash (`年`, `月`, `台/月`).
        period: Option<String>,
        /// Words printed before the number (`超时转办次数`), when any.
        prefix: Option<String>,
    },
    /// A time limit (`12月底前完成`, `2025年度内完成`).
    Deadline {
        /// Whether the limit is simply the end of the budget year (`年度内`, `12月底前`).
        year_end: bool,
    },
    /// Words without a measurable number (`明显提升`, `名次`).
    Qualitative {
        /// The words.
        text: String,
    },
}

/// Words of a deadline target; each has 前 or 内.
const DEADLINE_WORDS: [&str; 8] = [
    "前完成",
    "内完成",
    "年底前",
    "月底前",
    "底前",
    "之前完成",
    "年度内",
    "年内完成",
];

/// Comparators of a target, in the order they are tried at one place (`>=` before `>`).
const COMPARATORS: [(&str, Comparator); 14] = [
    ("≥", Comparator::AtLeast),
    (">=", Comparator::AtLeast),
    ("不低于", Comparator::AtLeast),
    ("不少于", Comparator::AtLeast),
    ("至少", Comparator::AtLeast),
    ("≤", Comparator::AtMost),
    ("<=", Comparator::AtMost),
    ("不高于", Comparator::AtMost),
    ("不超过", Comparator::AtMost),
    ("不多于", Comparator::AtMost),
    (">", Comparator::Above),
    ("<", Comparator::Below),
    ("＝", Comparator::Equal),
    ("=", Comparator::Equal),
];

/// Reads an indicator's printed target.
#[must_use]
pub fn parse_target(text: &str) -> Target {
    let folded = fold_width(text);
    let t = folded.trim();
    // every deadline word has 前 or 内: one character search before the word searches
    if t.contains(['前', '内']) && DEADLINE_WORDS.iter().any(|w| t.contains(w)) {
        let year_end = ["年度内", "年内", "12月底", "年底", "12月31日"]
            .iter()
            .any(|w| t.contains(w))
            && !t.contains("次年");
        return Target::Deadline { year_end };
    }
    // the first comparator and the number that follows it (at one place, the first in this
    // order: `>=` before `>`), found in one pass over the text
    let best: Option<(usize, usize, Comparator)> = t
        .char_indices()
        .filter(|(_, c)| matches!(c, '≥' | '>' | '不' | '至' | '≤' | '<' | '＝' | '='))
        .find_map(|(p, _)| {
            let here = t.get(p..)?;
            COMPARATORS
                .iter()
                .find(|(w, _)| here.starts_with(w))
                .map(|(w, c)| (p, w.len(), *c))
        });
    let (prefix, rest, comparator) = match best {
        Some((p, len, c)) => (
            t.get(..p).unwrap_or(""),
            t.get(p + len..).unwrap_or(""),
            Some(c),
        ),
        None => ("", t, None),
    };
    let rest = rest.trim_start();
    let num_end = rest
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.' || *c == ','))
        .map_or(rest.len(), |(i, _)| i);
    let number = rest.get(..num_end).unwrap_or("").replace(',', "");
    let Ok(value) = number.trim_end_matches('.').parse::<Decimal>() else {
        return Target::Qualitative { text: t.to_owned() };
    };
    // a number inside words without a comparator (满足…15年以上的要求) is no target
    if comparator.is_none() && (find_year(rest).is_some() || !prefix.is_empty()) {
        return Target::Qualitative { text: t.to_owned() };
    }
    let after = rest.get(num_end..).unwrap_or("").trim();
    let after = after
        .trim_start_matches(['(', '（'])
        .trim_end_matches([')', '）']);
    if comparator.is_none() && after.chars().count() > 4 {
        return Target::Qualitative { text: t.to_owned() };
    }
    let (unit, period) = match after.split_once('/') {
        Some((u, p)) => (u.trim(), Some(p.trim().to_owned())),
        None => (after, None),
    };
    let unit = unit.trim_end_matches([')', '）']).trim();
    Target::Quantity {
        comparator,
        value,
        unit: (!unit.is_empty()).then(|| unit.to_owned()),
        period: period.filter(|p| !p.is_empty()),
        prefix: (!prefix.trim().is_empty()).then(|| prefix.trim().to_owned()),
    }
}

#[cfg(test)]
#[allow(clippy::panic)]
mod tests {
    use super::*;

    fn q(t: &str) -> (Option<Comparator>, String, Option<String>, Option<String>) {
        match parse_target(t) {
            Target::Quantity {
                comparator,
                value,
                unit,
                period,
                ..
            } => (comparator, value.to_string(), unit, period),
            other => panic!("{t}: {other:?}"),
        }
    }

    #[test]
    fn quantities() {
        assert_eq!(
            q("≤970.00万元"),
            (
                Some(Comparator::AtMost),
                "970.00".into(),
                Some("万元".into()),
                None
            )
        );
        assert_eq!(
            q("≥95%"),
            (
                Some(Comparator::AtLeast),
                "95".into(),
                Some("%".into()),
                None
            )
        );
        assert_eq!(q("=19"), (Some(Comparator::Equal), "19".into(), None, None));
        assert_eq!(
            q("≥13459.00(平方米)"),
            (
                Some(Comparator::AtLeast),
                "13459.00".into(),
                Some("平方米".into()),
                None
            )
        );
        assert_eq!(
            q("≥95.00(%)"),
            (
                Some(Comparator::AtLeast),
                "95.00".into(),
                Some("%".into()),
                None
            )
        );
        assert_eq!(
            q("≤1次/台/月"),
            (
                Some(Comparator::AtMost),
                "1".into(),
                Some("次".into()),
                Some("台/月".into())
            )
        );
        assert_eq!(q("90%"), (None, "90".into(), Some("%".into()), None));
        assert_eq!(q("超时转办次数≤365次").0, Some(Comparator::AtMost));
        assert_eq!(q("连续24小时内接通的来电数量与来电总量的比率≥95%").1, "95");
        assert_eq!(q("不低于50%").0, Some(Comparator::AtLeast));
    }

    #[test]
    fn words_and_deadlines() {
        assert!(matches!(parse_target("名次"), Target::Qualitative { .. }));
        assert!(matches!(
            parse_target("转化效果明显"),
            Target::Qualitative { .. }
        ));
        assert!(matches!(
            parse_target("2025年度内完成"),
            Target::Deadline { year_end: true }
        ));
        assert!(matches!(
            parse_target("次年1月底前完成"),
            Target::Deadline { year_end: false }
        ));
        assert!(matches!(
            parse_target("满足资产使用年限15年以上的要求"),
            Target::Qualitative { .. }
        ));
    }
}
