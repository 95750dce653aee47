//! The checker's messages as bilingual templates with stable ids.
//!
//! Every finding's `message` and `message_en` are rendered from one [`MessageTemplate`]: a stable
//! id (`sum.fail`, `narrative.rate.wrong`) and the text in Chinese and English, with `{name}`
//! placeholders filled per instance. The id travels in [`crate::Finding::message_id`], so a front
//! end can show its own wording (or another language) for a finding without parsing the text.
//! [`messages`] lists every template.
//!
//! # Examples
//!
//! ```
//! let all = yusuan::check::messages();
//! let fail = all.iter().find(|m| m.id == "sum.fail").unwrap();
//! assert!(fail.zh.contains("{expected}") && fail.en.contains("{expected}"));
//! ```

use std::fmt::Write as _;

use serde::Serialize;

/// A message template: a stable id and its text in Chinese and English, with `{name}`
/// placeholders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MessageTemplate {
    /// Stable id (`sum.fail`).
    pub id: &'static str,
    /// The text in Chinese.
    pub zh: &'static str,
    /// The text in English.
    pub en: &'static str,
}

/// A rendered message: its template's id and the two texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Message {
    pub(crate) id: &'static str,
    pub(crate) zh: String,
    pub(crate) en: String,
}

/// A placeholder's value: the same text in both languages, or one per language.
#[derive(Clone, Copy)]
pub(crate) enum Arg<'a> {
    Same(&'a str),
    Lang(&'a str, &'a str),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Arg<'a> {
        Arg::Same(s)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Arg<'a> {
        Arg::Same(s)
    }
}

impl<'a> From<&'a crate::model::Text> for Arg<'a> {
    fn from(s: &'a crate::model::Text) -> Arg<'a> {
        Arg::Same(s)
    }
}

impl<'a> From<&'a crate::model::TableKey> for Arg<'a> {
    fn from(key: &'a crate::model::TableKey) -> Arg<'a> {
        Arg::Same(key.as_str())
    }
}

impl<'a> From<(&'a str, &'a crate::model::TableKey)> for Arg<'a> {
    fn from((zh, key): (&'a str, &'a crate::model::TableKey)) -> Arg<'a> {
        Arg::Lang(zh, key.as_str())
    }
}

impl<'a> From<(&'a str, &'a str)> for Arg<'a> {
    fn from((zh, en): (&'a str, &'a str)) -> Arg<'a> {
        Arg::Lang(zh, en)
    }
}

impl<'a> From<&'a (String, String)> for Arg<'a> {
    fn from((zh, en): &'a (String, String)) -> Arg<'a> {
        Arg::Lang(zh, en)
    }
}

impl MessageTemplate {
    /// Renders the template with `args` (`{name}` → the value of `name`; a placeholder without
    /// an argument is left as it is, which the tests of this module rule out).
    pub(crate) fn render(&self, args: &[(&str, Arg<'_>)]) -> Message {
        Message {
            id: self.id,
            zh: fill(self.zh, args, true),
            en: fill(self.en, args, false),
        }
    }
}

fn fill(template: &str, args: &[(&str, Arg<'_>)], zh: bool) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (head, tail) = rest.split_at(open);
        out.push_str(head);
        let Some(close) = tail.find('}') else {
            out.push_str(tail);
            return out;
        };
        let name = tail.get(1..close).unwrap_or("");
        match args.iter().find(|(n, _)| *n == name) {
            Some((_, Arg::Same(v))) => out.push_str(v),
            Some((_, Arg::Lang(z, e))) => out.push_str(if zh { z } else { e }),
            None => {
                let _ = write!(out, "{{{name}}}");
            }
        }
        rest = tail.get(close + 1..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// Renders a template of this module with named arguments: `msg!(SUM_FAIL, loc = (zh, en),
/// actual = &a)`; `msg!(@expr, …)` renders a template held in a variable.
macro_rules! msg {
    (@ $t:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $t.render(&[$((stringify!($name), $crate::check::messages::Arg::from($value))),*])
    };
    ($t:ident $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::check::messages::$t.render(&[$((stringify!($name), $crate::check::messages::Arg::from($value))),*])
    };
}
pub(crate) use msg;

/// Defines templates as constants and lists them under `$list`.
macro_rules! templates {
    ($list:ident; $($(#[$doc:meta])* $name:ident = $id:literal { $zh:literal, $en:literal })*) => {
        $($(#[$doc])* pub(crate) const $name: MessageTemplate = MessageTemplate { id: $id, zh: $zh, en: $en };)*
        /// Every template of this list, in the order they are defined.
        pub(crate) const $list: &[MessageTemplate] = &[$($name),*];
    };
}

mod narrative;
mod tables;

pub(crate) use narrative::*;
pub(crate) use tables::*;

templates! {
    ENGINE;
    /// A sum or equality that holds exactly.
    SUM_PASS = "sum.pass" {
        "{loc} {actual}：{what}，相符",
        "{loc} {actual}: {what} holds"
    }
    /// A soft comparison beyond the envelope.
    SUM_SOFT = "sum.soft" {
        "{loc} {actual} 与 {expected} 不同（{what}），相差 {difference}{unit}；此为软性核对，仅作提示",
        "{loc} {actual} differs from {expected} ({what}) by {difference} {unit}; a soft check, reported as a hint only"
    }
    /// A gap inside the rounding envelope.
    SUM_ROUNDING = "sum.rounding" {
        "{loc} {actual} {relation} {expected}（{what}），相差 {difference}{unit}，在四舍五入允差 ±{envelope} 之内",
        "{loc} {actual} {relation} {expected} ({what}): difference {difference} {unit}, within the rounding envelope ±{envelope}"
    }
    /// Two figures 10,000 times apart.
    SUM_UNIT_SLIP = "sum.unit_slip" {
        "{loc} {actual} {relation} {expected}（{what}）：两者相差一万倍，疑为单位错误（元与万元混用）",
        "{loc} {actual} {relation} {expected} ({what}): they differ by a factor of 10,000, a unit error (元 taken for 万元 or the reverse)"
    }
    /// A gap beyond the rounding envelope.
    SUM_FAIL = "sum.fail" {
        "{loc} {actual} {relation} {expected}（{what}），相差 {difference}{unit}，超出四舍五入允差 ±{envelope}",
        "{loc} {actual} {relation} {expected} ({what}): difference {difference} {unit}, beyond the rounding envelope ±{envelope}"
    }
    /// A figure of a comparison that is not a readable amount.
    SUM_UNREADABLE = "sum.unreadable" {
        "无法核对（{what}）：{loc} 不是可读的金额（“{text}”）",
        "not checked ({what}): {loc} is not a readable amount (`{text}`)"
    }
    /// Sums too large for a decimal.
    SUM_OVERFLOW = "sum.overflow" {
        "无法核对：{loc} 所涉金额之和超出可计算范围",
        "not checked: the sums involving {loc} are too large to compute"
    }
    /// An instance that could not be evaluated, with the reason.
    NOT_CHECKED = "not_checked" {
        "无法核对：{why}",
        "not checked: {why}"
    }
    /// An instance whose condition does not hold, with the reason.
    NOT_APPLICABLE = "not_applicable" {
        "不适用：{why}",
        "not applicable: {why}"
    }
    /// A table the rule needs was not read because only the narrative was.
    WHY_NARRATIVE_ONLY = "why.narrative_only" {
        "只读取了情况说明，未读取表 {table}",
        "only the narrative was read (narrative-only): table {table} was not read"
    }
    /// The document's template has no such table.
    WHY_NOT_IN_TEMPLATE = "why.not_in_template" {
        "“{template}”格式没有表 {table}",
        "the `{template}` template has no table {table}"
    }
    /// A table the rule needs is missing.
    WHY_TABLE_MISSING = "why.table_missing" {
        "未找到表 {table}",
        "table {table} was not found"
    }
    /// Two figures printed exchanged in one of two places.
    CAUSE_SWAP = "cause.swap" {
        "{first} 与 {second} 两数互换：一处为 {a}、{b}，另一处为 {c}、{a}（同一对数字位置对调）",
        "{first} and {second} are swapped: {a} and {b} in one place, {c} and {a} in the other (one pair of figures exchanged)"
    }
    /// One row breaks a relation by the same amount in several columns.
    CAUSE_ROW_SAME = "cause.row_same" {
        "{loc}有 {n} 列（{columns}）不符合“{what}”，各列相差同为 {difference}{unit}：同一缺口",
        "{loc}: {n} columns ({columns}) break `{what}` by the same {difference} {unit}: one gap"
    }
    /// One row breaks a relation in several columns.
    CAUSE_ROW = "cause.row" {
        "{loc}有 {n} 列不符合“{what}”（相差 {each}，单位{unit}）：同一行的缺口",
        "{loc}: {n} columns break `{what}` ({each}, in {unit}): one row's gap"
    }
    /// One figure explains several failed checks.
    CAUSE_FIGURE = "cause.figure" {
        "{loc} {actual} 与 {n} 项核对不符；若为 {expected}，各项均在四舍五入允差内相符（相差 {difference}{unit}）",
        "{loc} {actual} breaks {n} checks; each holds, within rounding, if it were {expected} (a difference of {difference} {unit})"
    }
}

/// Every message template of the checker, with its id.
///
/// # Examples
///
/// ```
/// let ids: Vec<&str> = yusuan::check::messages().iter().map(|m| m.id).collect();
/// assert!(ids.contains(&"not_applicable"));
/// ```
#[must_use]
pub fn messages() -> &'static [MessageTemplate] {
    static ALL: std::sync::OnceLock<Vec<MessageTemplate>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| [ENGINE, TABLES, NARRATIVE].concat())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(s: &str) -> std::collections::BTreeSet<&str> {
        s.split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}').map(|(name, _)| name))
            .collect()
    }

    #[test]
    fn ids_are_unique_and_both_languages_take_the_same_placeholders() {
        let all = messages();
        let mut ids: Vec<&str> = all.iter().map(|m| m.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), all.len());
        for m in all {
            assert_eq!(placeholders(m.zh), placeholders(m.en), "{}", m.id);
        }
    }

    #[test]
    fn rendering_fills_each_language() {
        let m = msg!(NOT_APPLICABLE, why = ("无数据", "no data"));
        assert_eq!(
            (m.id, m.zh.as_str(), m.en.as_str()),
            (
                "not_applicable",
                "不适用：无数据",
                "not applicable: no data"
            )
        );
        let m = msg!(WHY_TABLE_MISSING, table = "T05");
        assert_eq!(m.en, "table T05 was not found");
        // a placeholder without its argument stays visible
        assert_eq!(
            WHY_TABLE_MISSING.render(&[]).en,
            "table {table} was not found"
        );
    }
}
