//! Exact amounts as printed: a [`rust_decimal::Decimal`] with its unit (元/万元/亿元) and the
//! number of decimals it was printed with, and the cell values of a table, where blank, zero,
//! a dash and text stay distinct.

use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::text::fold_width;

/// The currency unit a table or a sentence states its amounts in.
///
/// # Examples
///
/// ```
/// use yusuan::Unit;
/// assert_eq!(Unit::from_label("单位：万元"), Some(Unit::WanYuan));
/// assert_eq!(Unit::WanYuan.to_string(), "万元");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Unit {
    /// 元.
    #[serde(rename = "元")]
    Yuan,
    /// 万元 (10⁴ 元).
    #[serde(rename = "万元")]
    WanYuan,
    /// 亿元 (10⁸ 元).
    #[serde(rename = "亿元")]
    YiYuan,
}

impl Unit {
    /// How many 元 one of this unit is.
    #[must_use]
    pub fn in_yuan(self) -> Decimal {
        match self {
            Unit::Yuan => Decimal::ONE,
            Unit::WanYuan => Decimal::from(10_000),
            Unit::YiYuan => Decimal::from(100_000_000),
        }
    }

    /// The unit named by a label such as `单位：万元`, `单位:元` or `（万元）`: the last unit word
    /// in the text wins, so `编制单位：某某 单位：元` is 元.
    ///
    /// # Examples
    ///
    /// ```
    /// use yusuan::Unit;
    /// assert_eq!(Unit::from_label("编制部门：某某局 单位：元"), Some(Unit::Yuan));
    /// assert_eq!(Unit::from_label("单位：亿元"), Some(Unit::YiYuan));
    /// assert_eq!(Unit::from_label("合计"), None);
    /// ```
    #[must_use]
    pub fn from_label(text: &str) -> Option<Unit> {
        let pos = text.rfind('元')?;
        let before = text.get(..pos)?;
        Some(if before.ends_with('万') {
            Unit::WanYuan
        } else if before.ends_with('亿') {
            Unit::YiYuan
        } else {
            Unit::Yuan
        })
    }

    /// The unit's Chinese name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Yuan => "元",
            Unit::WanYuan => "万元",
            Unit::YiYuan => "亿元",
        }
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An amount exactly as printed: its value (whose scale is the number of printed decimals, so
/// `0.00` keeps two) and its unit.
///
/// # Examples
///
/// ```
/// use yusuan::{Amount, Unit};
/// let a = Amount::parse("7,713.47", Unit::WanYuan).unwrap();
/// assert_eq!(a.to_string(), "7713.47万元");
/// assert_eq!(a.decimals(), 2);
/// assert_eq!(a.in_unit(Unit::Yuan).unwrap().value.to_string(), "77134700.00");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Amount {
    /// The value in [`Amount::unit`], with the printed number of decimals as its scale.
    pub value: Decimal,
    /// The unit the value is in.
    pub unit: Unit,
}

impl Amount {
    /// Makes an amount.
    #[must_use]
    pub fn new(value: Decimal, unit: Unit) -> Amount {
        Amount { value, unit }
    }

    /// Parses a printed number in `unit`; `None` for anything that is not a plain number (see
    /// [`CellValue::parse`] for the full classification of a cell).
    #[must_use]
    pub fn parse(text: &str, unit: Unit) -> Option<Amount> {
        match CellValue::parse(text).0 {
            CellValue::Amount(a) => Some(Amount::new(a.value, unit)),
            _ => None,
        }
    }

    /// Number of decimals the amount was printed with.
    #[must_use]
    pub fn decimals(&self) -> u32 {
        self.value.scale()
    }

    /// Half of one unit in the last printed place (0.005 for two decimals): the largest error
    /// rounding to the printed precision can introduce, in this amount's unit.
    #[must_use]
    pub fn half_ulp(&self) -> Decimal {
        Decimal::new(5, self.decimals().saturating_add(1).min(28))
    }

    /// The same amount in another unit, exactly (no rounding); `None` on overflow, or when the
    /// result has more decimals than a `Decimal` holds (28).
    ///
    /// # Examples
    ///
    /// ```
    /// use yusuan::{Amount, Unit};
    /// let tiny = Amount::parse("0.00000000000000000000000001", Unit::Yuan).unwrap();
    /// assert_eq!(tiny.in_unit(Unit::WanYuan), None); // 1e-30 万元 cannot be held exactly
    /// ```
    #[must_use]
    pub fn in_unit(&self, unit: Unit) -> Option<Amount> {
        if unit == self.unit {
            return Some(*self);
        }
        let yuan = self.value.checked_mul(self.unit.in_yuan())?;
        let value = yuan.checked_div(unit.in_yuan())?;
        // `Decimal` division rounds past 28 decimals: refuse rather than lose the amount.
        (value.checked_mul(unit.in_yuan())? == yuan).then(|| Amount::new(value, unit))
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.value, self.unit)
    }
}

/// The largest amount a table cell may state, in 元: 10¹⁵ 元 (1,000 万亿元, some 35 times the
/// national budget). A printed number beyond it is read as [`CellValue::Unreadable`]: no
/// disclosure states such an amount, and the bound keeps every sum the checker forms over a
/// document exact and far from `Decimal`'s range.
pub(crate) const MAX_AMOUNT_YUAN: i64 = 1_000_000_000_000_000;

impl CellValue {
    /// This value, or [`CellValue::Unreadable`] when it is a number beyond
    /// [`MAX_AMOUNT_YUAN`] in `unit`.
    pub(crate) fn within_limit(self, unit: Unit) -> CellValue {
        let CellValue::Amount(n) = &self else {
            return self;
        };
        // (fast path: below 10⁷ in any unit, that is below 10¹⁵ 元 even in 亿元)
        if n.value.mantissa().unsigned_abs() < 10_000_000 {
            return self;
        }
        let limit = Decimal::from(MAX_AMOUNT_YUAN);
        let in_yuan = n.value.abs().checked_mul(unit.in_yuan());
        if in_yuan.is_some_and(|v| v <= limit) {
            self
        } else {
            CellValue::Unreadable {
                reason: format!("implausibly large amount: more than {limit} 元"),
            }
        }
    }
}

/// A printed number without a unit yet: the value and its printed decimals.
///
/// Produced by [`CellValue::parse`]; tables attach their unit to make an [`Amount`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Number {
    /// The value; its scale is the number of printed decimals.
    pub value: Decimal,
}

/// What a table cell holds. Blank, a dash, zero and text are all different things.
///
/// # Examples
///
/// ```
/// use yusuan::CellValue;
/// assert!(matches!(CellValue::parse("").0, CellValue::Blank));
/// assert!(matches!(CellValue::parse("-").0, CellValue::Dash));
/// assert!(matches!(CellValue::parse("0.00").0, CellValue::Amount(_)));
/// assert!(matches!(CellValue::parse("无").0, CellValue::Text));
/// assert!(matches!(CellValue::parse("1,2,3").0, CellValue::Unreadable { .. }));
/// // full-width digits and commas, and a note inside the cell
/// let (value, note) = CellValue::parse("７，７１３．４７（注：含结转）");
/// assert_eq!(value.number().unwrap().to_string(), "7713.47");
/// assert_eq!(note.as_deref(), Some("注：含结转"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CellValue {
    /// Nothing printed.
    Blank,
    /// A dash (`-`, `—`, `－`): printed as "none".
    Dash,
    /// A number.
    Amount(Number),
    /// Words without digits (`无`, `合计`, a name).
    Text,
    /// Something with digits that is not a well-formed number (`1,2,3`, `7.71.3`).
    Unreadable {
        /// Why it could not be read.
        reason: String,
    },
}

impl CellValue {
    /// Classifies a printed cell; also returns a note printed inside the cell (`（注：…）`).
    ///
    /// Accepts thousands separators in groups of three (`7,713.47`), none (`7713.47`), full-width
    /// digits, commas and points, a leading sign, and surrounding whitespace.
    #[must_use]
    pub fn parse(raw: &str) -> (CellValue, Option<String>) {
        if raw.is_empty() {
            return (CellValue::Blank, None);
        }
        // (the printed "none" of most tables, read as the general reading reads it)
        if raw == "-" {
            return (CellValue::Dash, None);
        }
        // (most cells are a plain figure: read it in one pass)
        if let Some(value) = plain_number(raw) {
            return (CellValue::Amount(Number { value }), None);
        }
        CellValue::parse_general(raw)
    }

    /// [`CellValue::parse`] without its fast path for plain figures.
    fn parse_general(raw: &str) -> (CellValue, Option<String>) {
        // (most other cells are ASCII: no note, no full-width forms)
        let (body, note) = if raw.is_ascii() {
            (raw, None)
        } else {
            split_note(raw)
        };
        let folded = fold_width(body);
        let t = folded.trim_matches(|c: char| c.is_whitespace());
        if t.is_empty() {
            return (CellValue::Blank, note);
        }
        if is_dash(t) {
            return (CellValue::Dash, note);
        }
        if !t.bytes().any(|b| b.is_ascii_digit()) {
            return (CellValue::Text, note);
        }
        let value = match parse_number(t) {
            Ok(v) => CellValue::Amount(Number { value: v }),
            Err(reason) => CellValue::Unreadable {
                reason: reason.to_owned(),
            },
        };
        (value, note)
    }

    /// The number, if the cell holds one.
    #[must_use]
    pub fn number(&self) -> Option<Decimal> {
        match self {
            CellValue::Amount(n) => Some(n.value),
            _ => None,
        }
    }

    /// True when nothing (or a dash) is printed: the cell states no amount.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        matches!(self, CellValue::Blank | CellValue::Dash)
    }
}

fn is_dash(t: &str) -> bool {
    t.chars()
        .all(|c| matches!(c, '-' | '—' | '–' | '―' | '－' | '─' | '/'))
}

/// Splits `"123（注：…）"` into the body and the note text (without its brackets).
fn split_note(raw: &str) -> (&str, Option<String>) {
    if !raw.contains('注') {
        return (raw, None);
    }
    for open in ["（注", "(注"] {
        if let Some(pos) = raw.find(open) {
            let body = raw.get(..pos).unwrap_or("");
            let rest = raw.get(pos + open.len() - "注".len()..).unwrap_or("");
            let note = rest.trim_end_matches([')', '）']).trim();
            return (body, Some(note.to_owned()));
        }
    }
    (raw, None)
}

/// The common cell, read in one pass over its bytes: ASCII digits, optionally grouped by commas
/// in threes, optionally followed by a point and decimals, at most 18 digits, nothing else (no
/// sign, no space). `None` for anything else, which the general reading classifies; for every
/// text it accepts it gives what [`parse_number`] gives.
fn plain_number(raw: &str) -> Option<Decimal> {
    let mut mantissa: u64 = 0;
    let mut digits = 0u32;
    // digits since the last comma (or the start) in the integer part
    let mut group = 0u32;
    let mut commas = false;
    let mut scale: Option<u32> = None;
    for &b in raw.as_bytes() {
        match b {
            b'0'..=b'9' => {
                mantissa = mantissa * 10 + u64::from(b - b'0');
                digits += 1;
                if digits > 18 {
                    return None;
                }
                match &mut scale {
                    Some(s) => *s += 1,
                    None => group += 1,
                }
            }
            b',' if scale.is_none() => {
                // the first group has one to three digits, every later one three
                if group == 0 || group > 3 || (commas && group != 3) {
                    return None;
                }
                commas = true;
                group = 0;
            }
            b'.' if scale.is_none() => {
                if group == 0 || (commas && group != 3) {
                    return None;
                }
                scale = Some(0);
            }
            _ => return None,
        }
    }
    match scale {
        // decimals after the point
        Some(s) if s > 0 => {}
        Some(_) => return None,
        None if group == 0 || (commas && group != 3) => return None,
        None => {}
    }
    // (at most 18 digits: the mantissa fits an i64 and the scale is below 28, so the plain
    // constructor makes the same decimal as the i128 one)
    let value = i64::try_from(mantissa).ok()?;
    Decimal::try_new(value, scale.unwrap_or(0)).ok()
}

/// Parses an ASCII number (after width folding) with optional sign, grouping and decimals,
/// straight into a mantissa and scale.
fn parse_number(t: &str) -> Result<Decimal, &'static str> {
    let (negative, digits) = match t.as_bytes().first() {
        Some(b'-') => (true, t.get(1..).unwrap_or("")),
        Some(b'+') => (false, t.get(1..).unwrap_or("")),
        _ => (false, t),
    };
    let digits = digits.trim_start();
    let (int_part, frac_part) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    if int_part.is_empty() {
        return Err("no digits before the decimal point");
    }
    let mut mantissa: u128 = 0;
    let mut count = 0u32;
    let mut push = |b: u8| -> Result<(), &'static str> {
        count += 1;
        if count > 28 {
            return Err("too many digits");
        }
        mantissa = mantissa * 10 + u128::from(b - b'0');
        Ok(())
    };
    if int_part.contains(',') {
        for (i, g) in int_part.split(',').enumerate() {
            let ok_len = if i == 0 {
                (1..=3).contains(&g.len())
            } else {
                g.len() == 3
            };
            if !ok_len || !g.bytes().all(|b| b.is_ascii_digit()) {
                return Err("malformed thousands grouping");
            }
            for b in g.bytes() {
                push(b)?;
            }
        }
    } else if int_part.bytes().all(|b| b.is_ascii_digit()) {
        for b in int_part.bytes() {
            push(b)?;
        }
    } else {
        return Err("not a number");
    }
    let mut scale = 0u32;
    if let Some(f) = frac_part {
        if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
            return Err("malformed decimals");
        }
        for b in f.bytes() {
            push(b)?;
            scale += 1;
        }
    }
    let signed = i128::try_from(mantissa).map_err(|_| "too many digits")?;
    let signed = if negative { -signed } else { signed };
    Decimal::try_from_i128_with_scale(signed, scale).map_err(|_| "too many digits")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn num(s: &str) -> String {
        CellValue::parse(s).0.number().unwrap().to_string()
    }

    #[test]
    fn plain_and_grouped_numbers() {
        assert_eq!(num("7,713.47"), "7713.47");
        assert_eq!(num("7713.47"), "7713.47");
        assert_eq!(num("164,978,640"), "164978640");
        assert_eq!(num("0.00"), "0.00");
        assert_eq!(num("0"), "0");
        assert_eq!(num(" 12.5 "), "12.5");
        assert_eq!(num("-2"), "-2");
        assert_eq!(num("- 57.87"), "-57.87");
        assert_eq!(num("１２３．４"), "123.4");
        assert_eq!(num("１，２３４"), "1234");
        assert_eq!(num("\u{3000}5.00\u{3000}"), "5.00");
    }

    #[test]
    fn blank_dash_text_unreadable() {
        assert_eq!(CellValue::parse("").0, CellValue::Blank);
        assert_eq!(CellValue::parse("  ").0, CellValue::Blank);
        assert_eq!(CellValue::parse("-").0, CellValue::Dash);
        assert_eq!(CellValue::parse("—").0, CellValue::Dash);
        assert_eq!(CellValue::parse("－").0, CellValue::Dash);
        assert_eq!(CellValue::parse("无").0, CellValue::Text);
        for bad in [
            "1,2,3", "7.71.3", "12a", "1,,000", ",100", "1.", ".5", "1,0000", "2O1",
        ] {
            assert!(
                matches!(CellValue::parse(bad).0, CellValue::Unreadable { .. }),
                "{bad}"
            );
        }
        assert!(matches!(
            CellValue::parse(&"9".repeat(40)).0,
            CellValue::Unreadable { .. }
        ));
    }

    #[test]
    fn notes_inside_cells() {
        let (v, note) = CellValue::parse("（注：2025年没有使用）");
        assert_eq!(v, CellValue::Blank);
        assert_eq!(note.as_deref(), Some("注：2025年没有使用"));
        let (v, note) = CellValue::parse("12.00(注:暂估)");
        assert_eq!(v.number().unwrap().to_string(), "12.00");
        assert_eq!(note.as_deref(), Some("注:暂估"));
    }

    #[test]
    fn plain_figures_read_as_the_general_reading_does() {
        // every text of up to six characters over digits, comma and point, and some longer ones
        let alphabet = ['0', '7', ',', '.'];
        let mut texts: Vec<String> = vec![
            "1,234,567.891".into(),
            "123456789012345678".into(),
            "1234567890123456789".into(),
            "999,999,999,999,999,999".into(),
            "0.000000000000000001".into(),
            "12,34".into(),
            "1234,567".into(),
            " 12".into(),
            "-".into(),
            "－".into(),
            "--".into(),
            "-12".into(),
            "+1".into(),
        ];
        for len in 1..=6u32 {
            for mut n in 0..4usize.pow(len) {
                let mut t = String::new();
                for _ in 0..len {
                    t.push(alphabet[n % 4]);
                    n /= 4;
                }
                texts.push(t);
            }
        }
        let mut fast = 0;
        for t in &texts {
            if let Some(v) = plain_number(t) {
                fast += 1;
                let (general, note) = CellValue::parse_general(t);
                assert_eq!(general, CellValue::Amount(Number { value: v }), "{t}");
                assert_eq!(v.scale(), general.number().unwrap().scale(), "{t}");
                assert!(note.is_none());
            }
            assert_eq!(CellValue::parse(t), CellValue::parse_general(t), "{t}");
        }
        assert!(fast > 100);
        assert_eq!(plain_number("1234567890123456789"), None);
        assert_eq!(plain_number("7,713.47"), Some(Decimal::new(771_347, 2)));
    }

    #[test]
    fn units() {
        let a = Amount::new(Decimal::new(77_134_700, 4), Unit::WanYuan);
        assert_eq!(
            a.in_unit(Unit::Yuan).unwrap().value,
            Decimal::from(77_134_700)
        );
        let y = Amount::new(Decimal::from(2_132_777), Unit::Yuan);
        assert_eq!(
            y.in_unit(Unit::WanYuan).unwrap().value.to_string(),
            "213.2777"
        );
        assert_eq!(a.half_ulp().to_string(), "0.00005");
        // found by fuzzing (fuzz/seeds/amount/crash_in_unit_rounds_to_zero): a conversion that
        // would need more than 28 decimals rounded to zero instead of failing
        let tiny = Amount::parse("0.00000000000000000000000001", Unit::Yuan).unwrap();
        assert_eq!(tiny.in_unit(Unit::WanYuan), None);
        assert_eq!(tiny.in_unit(Unit::Yuan), Some(tiny));
        let big = Amount::parse("9999999999999999999999999999", Unit::YiYuan).unwrap();
        assert_eq!(big.in_unit(Unit::Yuan), None);
        assert_eq!(Unit::from_label("单位:万元"), Some(Unit::WanYuan));
        assert_eq!(Unit::from_label("（元）"), Some(Unit::Yuan));
    }
}
