//! Text normalisation shared by the parser, the catalog and the rules.
//!
//! Disclosures are converted from PDF or Word and carry full-width digits and brackets, spaces
//! inside words from line wrapping (`政府办公厅(室)及相关机 构事务`), and several kinds of quotes.
//! Everything that compares printed words goes through these functions.

use std::borrow::Cow;

/// Folds full-width ASCII (`１２３，（）`) to ASCII and the ideographic space to a space; also
/// maps the minus sign `−` to `-`. Borrows when nothing changes.
///
/// # Examples
///
/// ```
/// use yusuan::text::fold_width;
/// assert_eq!(fold_width("７，７１３．４７"), "7,713.47");
/// assert_eq!(fold_width("abc"), "abc");
/// ```
#[must_use]
pub fn fold_width(s: &str) -> Cow<'_, str> {
    if s.is_ascii() || !s.chars().any(needs_fold) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(fold_char).collect())
}

fn needs_fold(c: char) -> bool {
    matches!(c, '\u{FF01}'..='\u{FF5E}' | '\u{3000}' | '\u{2212}')
}

/// [`fold_width`] for one character.
#[must_use]
pub fn fold_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        '\u{2212}' => '-',
        _ => c,
    }
}

/// `str::trim`, with a fast path for the common text that neither starts nor ends with
/// whitespace, told from its first and last bytes; the rest is trimmed by the bytes too (the
/// whitespace characters recognised by their exact UTF-8 encodings, see [`space_at_start`]),
/// so no character is decoded.
#[inline]
pub(crate) fn trim(s: &str) -> &str {
    let b = s.as_bytes();
    match (b.first(), b.last()) {
        (Some(&first), Some(&last)) if !may_start_space(first) && !may_end_space(last) => s,
        (None, _) => s,
        _ => trim_bytes(s),
    }
}

/// [`trim`] without its fast path.
fn trim_bytes(s: &str) -> &str {
    let b = s.as_bytes();
    let mut start = 0;
    while let Some(n) = b.get(start..).map(space_at_start).filter(|&n| n > 0) {
        start += n;
    }
    let mut end = b.len();
    while let Some(n) = b.get(start..end).map(space_at_end).filter(|&n| n > 0) {
        end -= n;
    }
    s.get(start..end).unwrap_or("")
}

/// `str::trim_start`, with the fast path of [`trim`].
#[inline]
pub(crate) fn trim_start(s: &str) -> &str {
    match s.as_bytes().first() {
        Some(&first) if may_start_space(first) => trim_start_bytes(s),
        _ => s,
    }
}

/// [`trim_start`] without its fast path.
fn trim_start_bytes(s: &str) -> &str {
    let b = s.as_bytes();
    let mut start = 0;
    while let Some(n) = b.get(start..).map(space_at_start).filter(|&n| n > 0) {
        start += n;
    }
    s.get(start..).unwrap_or("")
}

/// Whether a character starting with this byte can be whitespace: ASCII whitespace, or the
/// lead byte of U+0085, U+00A0 (`C2`), U+1680 (`E1`), U+2000–U+205F (`E2`) or U+3000 (`E3`).
fn may_start_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ' | 0xC2 | 0xE1 | 0xE2 | 0xE3)
}

/// Whether a character ending with this byte can be whitespace: ASCII whitespace, or the last
/// byte of a non-ASCII whitespace character (U+0085 `C2 85`, U+00A0 `C2 A0`, U+1680 `E1 9A 80`,
/// U+2000–U+200A `E2 80 80`–`8A`, U+2028/U+2029/U+202F `E2 80 A8/A9/AF`, U+205F `E2 81 9F`,
/// U+3000 `E3 80 80`).
fn may_end_space(b: u8) -> bool {
    matches!(
        b,
        b'\t'..=b'\r' | b' ' | 0x80..=0x8A | 0x9F | 0xA0 | 0xA8 | 0xA9 | 0xAF
    )
}

/// Whether `s` ends with a whitespace character (`char::is_whitespace`), told from its bytes.
pub(crate) fn ends_with_space(s: &str) -> bool {
    space_at_end(s.as_bytes()) > 0
}

/// The length in bytes of the whitespace character (`char::is_whitespace`) that `b` starts
/// with, 0 when it starts with none. The 25 whitespace characters are ASCII `\t`–`\r` and the
/// space, U+0085 and U+00A0 (`C2 85`, `C2 A0`), U+1680 (`E1 9A 80`), U+2000–U+200A
/// (`E2 80 80`–`8A`), U+2028, U+2029 and U+202F (`E2 80 A8`/`A9`/`AF`), U+205F (`E2 81 9F`) and
/// U+3000 (`E3 80 80`); `b` is the tail of a `str`, so a lead byte starts a whole character.
fn space_at_start(b: &[u8]) -> usize {
    match b {
        [b'\t'..=b'\r' | b' ', ..] => 1,
        [0xC2, 0x85 | 0xA0, ..] => 2,
        [0xE1, 0x9A, 0x80, ..]
        | [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..]
        | [0xE2, 0x81, 0x9F, ..]
        | [0xE3, 0x80, 0x80, ..] => 3,
        _ => 0,
    }
}

/// [`space_at_start`] at the end of `b` (a `str`'s bytes up to a character boundary: the lead
/// byte `C2`, `E1`, `E2` or `E3` two or three bytes from the end starts the last character).
fn space_at_end(b: &[u8]) -> usize {
    match b {
        [.., b'\t'..=b'\r' | b' '] => 1,
        [.., 0xC2, 0x85 | 0xA0] => 2,
        [.., 0xE1, 0x9A, 0x80]
        | [.., 0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF]
        | [.., 0xE2, 0x81, 0x9F]
        | [.., 0xE3, 0x80, 0x80] => 3,
        _ => 0,
    }
}

/// Removes all whitespace (including the ideographic space): undoes line-wrap breaks and the
/// letter-spacing of headers such as `合 计` or `本 年 收 入 合 计`.
///
/// # Examples
///
/// ```
/// assert_eq!(yusuan::text::compact("本 年 收 入 合 计"), "本年收入合计");
/// ```
#[must_use]
pub fn compact(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_compact(&mut out, s);
    out
}

/// [`compact`], borrowing `s` when it has no whitespace.
pub(crate) fn compacted(s: &str) -> Cow<'_, str> {
    match next_space(s.as_bytes(), 0) {
        None => Cow::Borrowed(s),
        Some(_) => Cow::Owned(compact(s)),
    }
}

/// Appends `s` without its whitespace to `out`: the runs between whitespace are copied whole.
fn push_compact(out: &mut String, s: &str) {
    let b = s.as_bytes();
    let mut run = 0;
    while let Some((at, len)) = next_space(b, run) {
        out.push_str(s.get(run..at).unwrap_or(""));
        run = at + len;
    }
    out.push_str(s.get(run..).unwrap_or(""));
}

/// The first whitespace character of `b` (a `str`'s bytes) at or after `from` (a character
/// boundary): its offset and length. Told from the bytes, a character at a time.
fn next_space(b: &[u8], from: usize) -> Option<(usize, usize)> {
    let mut i = from;
    while let Some(&lead) = b.get(i) {
        if may_start_space(lead) {
            let n = b.get(i..).map_or(0, space_at_start);
            if n > 0 {
                return Some((i, n));
            }
        }
        i += usize::from(LEAD_CLASS.get(usize::from(lead)).copied().unwrap_or(1) & WIDTH);
    }
    None
}

/// The form in which names are compared: full-width folded, whitespace removed, brackets unified
/// to ASCII `()`, and quotes (`“”‘’"'「」『』`) removed.
///
/// # Examples
///
/// ```
/// use yusuan::text::normalize_name;
/// assert_eq!(
///     normalize_name("政府办公厅(室)及相关机 构事务"),
///     normalize_name("政府办公厅（室）及相关机构事务"),
/// );
/// assert_eq!(normalize_name("一般公共预算“三公”经费"), "一般公共预算三公经费");
/// ```
#[must_use]
pub fn normalize_name(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_normalized(&mut out, s);
    out
}

/// Appends [`normalize_name`] of `s` to `out`: the runs of characters it keeps (found by
/// [`first_change`], without decoding them) are copied as they are, the others mapped one by one.
fn push_normalized(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some((kept, changed)) =
        first_change(rest, true).and_then(|at| rest.split_at_checked(at))
    {
        out.push_str(kept);
        let mut chars = changed.chars();
        if let Some(c) = chars.next().and_then(normalized_char) {
            out.push(c);
        }
        rest = chars.as_str();
    }
    out.push_str(rest);
}

/// [`normalize_name`], borrowing `s` when it is already in normal form (most cells are).
///
/// # Examples
///
/// ```
/// use std::borrow::Cow;
/// assert!(matches!(yusuan::text::normalized("合计"), Cow::Borrowed("合计")));
/// assert_eq!(yusuan::text::normalized("合 计"), "合计");
/// ```
#[must_use]
pub fn normalized(s: &str) -> Cow<'_, str> {
    // (kept as it always was: a vertical tab, which `normalize_name` removes, is taken for a
    // character in normal form here; the reader uses `normal_form`)
    if first_change(s, false).is_none() {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(normalize_name(s))
    }
}

/// Exactly [`normalize_name`], borrowing `s` when it is already in normal form.
pub(crate) fn normal_form(s: &str) -> Cow<'_, str> {
    let Some((kept, rest)) = first_change(s, true).and_then(|at| s.split_at_checked(at)) else {
        return Cow::Borrowed(s);
    };
    // (the characters before the first change are copied, not scanned again)
    let mut out = String::with_capacity(s.len());
    out.push_str(kept);
    push_normalized(&mut out, rest);
    Cow::Owned(out)
}

/// The byte offset of the first character of `s` that [`normalize_name`] does not keep as it
/// is (folds, removes or replaces), `None` when it keeps every one. `vertical_tab`: whether
/// U+000B, which it removes, counts (`normalized` has always kept it).
///
/// One pass over the bytes, a character at a time, told from its lead byte without decoding
/// it: the characters changed are ASCII whitespace, `"`, `'`, `[` and `]`, and among the others
/// only characters led by `C2` (U+0085, U+00A0), `E1` (U+1680), `E2` (U+2000–U+200A, the quotes
/// U+2018/2019/201C/201D, U+2028/2029/202F, U+205F, the minus U+2212), `E3` (U+3000, the brackets
/// and quotes U+300C–U+3011, U+3014/3015 and U+301D/301E) or `EF` (the full-width forms
/// U+FF01–U+FF5E). Every other character, the CJK ideographs among them, is kept.
#[inline]
fn first_change(s: &str, vertical_tab: bool) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 0;
    // (a table tells each lead byte's width and whether its character may change: one load and
    // one test per character)
    while let Some(&lead) = b.get(i) {
        let class = LEAD_CLASS.get(usize::from(lead)).copied().unwrap_or(0);
        if class & (CHANGED | CHECK) != 0 {
            let next = b.get(i + 1..i + 3);
            let changed = class & CHANGED != 0
                || match lead {
                    0x0B => vertical_tab,
                    0xC2 => matches!(b.get(i + 1), Some(0x85 | 0xA0)),
                    0xE1 => next == Some(&[0x9A, 0x80]),
                    0xE2 => matches!(
                        next,
                        Some(
                            [
                                0x80,
                                0x80..=0x8A | 0x98 | 0x99 | 0x9C | 0x9D | 0xA8 | 0xA9 | 0xAF
                            ] | [0x81, 0x9F]
                                | [0x88, 0x92]
                        )
                    ),
                    0xE3 => matches!(
                        next,
                        Some([0x80, 0x80 | 0x8C..=0x91 | 0x94 | 0x95 | 0x9D | 0x9E])
                    ),
                    0xEF => matches!(next, Some([0xBC, 0x81..=0xBF] | [0xBD, 0x80..=0x9E])),
                    _ => false,
                };
            if changed {
                return Some(i);
            }
        }
        i += usize::from(class & WIDTH);
    }
    None
}

/// [`LEAD_CLASS`]: the width of the character a byte leads (1–4).
const WIDTH: u8 = 0b0111;
/// [`LEAD_CLASS`]: the character is always changed (ASCII whitespace but `\x0B`, `"`, `'`,
/// `[`, `]`).
const CHANGED: u8 = 0b1000;
/// [`LEAD_CLASS`]: some characters led by this byte are changed (`\x0B`, `C2`, `E1`, `E2`,
/// `E3`, `EF`): [`first_change`] looks at the following bytes.
const CHECK: u8 = 0b1_0000;

/// Per byte that starts a character: its width and whether [`normalize_name`] may change the
/// character. (Continuation bytes never start one; they get width 1.)
// (indexing in a constant: out of bounds would fail the build, not panic)
#[allow(clippy::indexing_slicing)]
static LEAD_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = match i {
            0x09 | 0x0A | 0x0C | 0x0D | 0x20 | 0x22 | 0x27 | 0x5B | 0x5D => 1 | CHANGED,
            0x0B => 1 | CHECK,
            0x00..=0xBF => 1,
            0xC2 => 2 | CHECK,
            0xC0..=0xDF => 2,
            0xE1 | 0xE2 | 0xE3 | 0xEF => 3 | CHECK,
            0xE0..=0xEF => 3,
            _ => 4,
        };
        i += 1;
    }
    t
};

/// [`normalize_name`] for one character: `None` when it is removed.
fn normalized_char(c: char) -> Option<char> {
    // (most characters are CJK ideographs: kept as they are)
    if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        return Some(c);
    }
    let c = fold_char(c);
    if c.is_whitespace() {
        return None;
    }
    match c {
        '“' | '”' | '‘' | '’' | '"' | '\'' | '「' | '」' | '『' | '』' | '〝' | '〞' => {
            None
        }
        '【' | '〔' | '[' => Some('('),
        '】' | '〕' | ']' => Some(')'),
        _ => Some(c),
    }
}

/// The characters of [`normalize_name`], without allocating.
pub fn normalized_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter_map(normalized_char)
}

/// Whether `raw` normalises to `normalized` (an already normalised string), without allocating.
///
/// # Examples
///
/// ```
/// assert!(yusuan::text::normalizes_to("合 计", "合计"));
/// ```
#[must_use]
pub fn normalizes_to(raw: &str, normalized: &str) -> bool {
    normalized_chars(raw).eq(normalized.chars())
}

/// Whether `raw` normalises to a string starting with `prefix` (already normalised), without
/// allocating.
///
/// # Examples
///
/// ```
/// assert!(yusuan::text::normalized_starts_with(" 项目 名称：", "项目名称"));
/// ```
#[must_use]
pub fn normalized_starts_with(raw: &str, prefix: &str) -> bool {
    let mut chars = normalized_chars(raw);
    prefix.chars().all(|p| chars.next() == Some(p))
}

/// Substring test for the short needles of the vocabulary; faster than `str::contains` on short
/// haystacks because it builds no searcher.
///
/// # Examples
///
/// ```
/// assert!(yusuan::text::has("财政拨款收入/小计", "小计"));
/// assert!(!yusuan::text::has("合计", "小计"));
/// ```
#[must_use]
pub fn has(haystack: &str, needle: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    let (Some(&first), Some(&last)) = (n.first(), n.last()) else {
        return true;
    };
    if n.len() > h.len() {
        return false;
    }
    if h.len() > 64 {
        // long text: the standard library's searcher pays for itself
        return haystack.contains(needle);
    }
    // (the last byte of a CJK character tells more characters apart than its lead byte: both
    // are compared before the whole window)
    h.windows(n.len())
        .any(|w| w.last() == Some(&last) && w.first() == Some(&first) && w == n)
}

/// Is `c` a Chinese numeral used in headings (一 … 十, 〇)?
#[must_use]
pub fn is_cn_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '〇' | '零'
    )
}

/// Value of a small Chinese numeral (`一` = 1 … `二十六` = 26); `None` if not one.
///
/// # Examples
///
/// ```
/// assert_eq!(yusuan::text::cn_number("十七"), Some(17));
/// assert_eq!(yusuan::text::cn_number("二十一"), Some(21));
/// assert_eq!(yusuan::text::cn_number("七"), Some(7));
/// ```
#[must_use]
pub fn cn_number(s: &str) -> Option<u32> {
    let digit = |c: char| -> Option<u32> {
        Some(match c {
            '〇' | '零' => 0,
            '一' => 1,
            '二' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    };
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [c] if *c == '十' => Some(10),
        [c] => digit(*c),
        ['十', u] => Some(10 + digit(*u)?),
        [t, '十'] => Some(digit(*t)? * 10),
        [t, '十', u] => Some(digit(*t)? * 10 + digit(*u)?),
        _ => None,
    }
}

/// Strips a leading heading or list number: `一、`, `（一）`, `(一)、`, `1.`, `1．`, `1、`, `- `,
/// `第一部分`, returning the rest (trimmed).
///
/// # Examples
///
/// ```
/// use yusuan::text::strip_numbering;
/// assert_eq!(strip_numbering("十二、政府采购预算情况表"), "政府采购预算情况表");
/// assert_eq!(strip_numbering("（一）、基本支出预算"), "基本支出预算");
/// assert_eq!(strip_numbering("4．2023年部门财政拨款收支预算总表"), "2023年部门财政拨款收支预算总表");
/// assert_eq!(strip_numbering("- 一、主要职责"), "主要职责");
/// assert_eq!(strip_numbering("收入总计"), "收入总计");
/// ```
#[must_use]
pub fn strip_numbering(s: &str) -> &str {
    let mut rest = trim(s);
    loop {
        let before = rest;
        rest = trim_start(strip_one_number(rest));
        if rest.len() == before.len() {
            return rest;
        }
    }
}

fn strip_one_number(s: &str) -> &str {
    // (one match on the first character: each kind of number starts with its own characters)
    let Some(first) = s.chars().next() else {
        return s;
    };
    let r = s.get(first.len_utf8()..).unwrap_or("");
    match first {
        '-' | '•' => s
            .strip_prefix("- ")
            .or_else(|| s.strip_prefix("• "))
            .unwrap_or(s),
        // 第一部分 / 第二章
        '第' => {
            let after = skip_cn_numerals(r);
            if after.len() < r.len() {
                for unit in ["部分", "章", "节"] {
                    if let Some(x) = after.strip_prefix(unit) {
                        return x;
                    }
                }
            }
            s
        }
        // （一） (一) （1）
        '（' | '(' => {
            let close = if first == '（' { '）' } else { ')' };
            let after = r.trim_start_matches(|c: char| is_cn_numeral(c) || c.is_ascii_digit());
            if after.len() < r.len() {
                if let Some(x) = after.strip_prefix(close) {
                    return x.trim_start_matches(['、', '.', '．']);
                }
            }
            s
        }
        // 一、 十二、
        c if is_cn_numeral(c) => skip_cn_numerals(r).strip_prefix('、').unwrap_or(s),
        // 1. 1． 1、 12.
        '0'..='9' => {
            let after = s.trim_start_matches(|c: char| c.is_ascii_digit());
            if s.len() - after.len() <= 2 {
                for sep in ['.', '．', '、'] {
                    if let Some(x) = after.strip_prefix(sep) {
                        // "1.5万元" is a number, not a list item; "4.2023年…" and "4．…" are items.
                        if sep == '.'
                            && x.starts_with(|c: char| c.is_ascii_digit())
                            && !starts_with_year(x)
                        {
                            return s;
                        }
                        return x;
                    }
                }
            }
            s
        }
        _ => s,
    }
}

/// `s` without its leading Chinese numerals ([`is_cn_numeral`]), told from their UTF-8 bytes.
fn skip_cn_numerals(s: &str) -> &str {
    let mut b = s.as_bytes();
    while let [0xE4, 0xB8, 0x80 | 0x83 | 0x89, rest @ ..]
    | [0xE4, 0xB9, 0x9D, rest @ ..]
    | [0xE4, 0xBA, 0x8C | 0x94, rest @ ..]
    | [0xE5, 0x85, 0xAB | 0xAD, rest @ ..]
    | [0xE5, 0x8D, 0x81, rest @ ..]
    | [0xE5, 0x9B, 0x9B, rest @ ..]
    | [0xE3, 0x80, 0x87, rest @ ..]
    | [0xE9, 0x9B, 0xB6, rest @ ..] = b
    {
        b = rest;
    }
    s.get(s.len() - b.len()..).unwrap_or("")
}

fn starts_with_year(s: &str) -> bool {
    s.len() >= 7
        && s.as_bytes()
            .get(..4)
            .is_some_and(|b| b.iter().all(u8::is_ascii_digit))
        && s.get(4..).is_some_and(|r| r.starts_with('年'))
}

/// Finds the first `20xx` year (2000–2099) followed by `年` in `s`.
///
/// # Examples
///
/// ```
/// assert_eq!(yusuan::text::find_year("2025年烟台市人民政府办公室 单位预算"), Some(2025));
/// assert_eq!(yusuan::text::find_year("12345热线"), None);
/// ```
#[must_use]
#[allow(clippy::many_single_char_names)]
pub fn find_year(s: &str) -> Option<u16> {
    let b = s.as_bytes();
    let mut from = 0;
    // (only a `2` can start a year: the other bytes are skipped in one scan)
    while let Some(p) = b
        .get(from..)
        .and_then(|r| r.iter().position(|&c| c == b'2'))
    {
        let i = from + p;
        from = i + 1;
        let w = b.get(i..i + 4)?;
        let preceded_by_digit = i > 0 && b.get(i - 1).is_some_and(u8::is_ascii_digit);
        if !preceded_by_digit
            && w.get(1) == Some(&b'0')
            && w.iter().all(u8::is_ascii_digit)
            && s.get(i + 4..).is_some_and(|r| r.starts_with('年'))
        {
            let y = s.get(i..i + 4)?.parse().ok()?;
            return Some(y);
        }
    }
    None
}

/// Whether a line reads as the title of a disclosure or of one of its statements: short, no
/// sentence punctuation, about a 预算 or 决算, ending in a title word (`…情况说明`, `…公开`, `…表`).
///
/// # Examples
///
/// ```
/// use yusuan::text::is_title_line;
/// assert!(is_title_line("某单位2021年度“三公”经费决算支出情况说明"));
/// assert!(!is_title_line("2021年“三公”经费决算为10万元，比上年减少2万元。"));
/// ```
#[must_use]
pub fn is_title_line(s: &str) -> bool {
    const ENDS: [&str; 7] = ["说明", "情况", "公开", "报告", "表", "目录", "汇总"];
    let t = s.trim().trim_end_matches(['：', ':']);
    t.chars().count() <= 60
        && !t.contains(['，', '。', '；', ',', ';', '？', '！'])
        && (t.contains("预算") || t.contains("决算") || t.contains("决支出"))
        && ENDS.iter().any(|e| t.ends_with(e))
}

/// Every year printed as `YYYY年` in `s`.
#[must_use]
pub(crate) fn years_in(s: &str) -> Vec<u16> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(y) = find_year(rest) {
        out.push(y);
        let Some(at) = rest.find(&format!("{y}年")) else {
            break;
        };
        rest = rest.get(at + 5..).unwrap_or("");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    // The former implementations, character by character: the fast ones must agree with them.
    fn is_normal_reference(s: &str, vertical_tab: bool) -> bool {
        let unchanged = |c: char| {
            // (most characters are CJK ideographs: kept as they are)
            if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
                return true;
            }
            if c.is_ascii() {
                let space = c.is_ascii_whitespace() || (vertical_tab && c == '\u{b}');
                return !space && c != '"' && c != '\'' && c != '[' && c != ']';
            }
            fold_char(c) == c
                && !c.is_whitespace()
                && !matches!(
                    c,
                    '“' | '”'
                        | '‘'
                        | '’'
                        | '「'
                        | '」'
                        | '『'
                        | '』'
                        | '〝'
                        | '〞'
                        | '【'
                        | '〔'
                        | '】'
                        | '〕'
                )
        };
        s.chars().all(unchanged)
    }

    fn strip_one_number_reference(s: &str) -> &str {
        // (most text starts with none of the characters a number starts with)
        if !s.chars().next().is_some_and(|c| {
            matches!(c, '-' | '•' | '第' | '（' | '(') || c.is_ascii_digit() || is_cn_numeral(c)
        }) {
            return s;
        }
        if let Some(r) = s.strip_prefix("- ").or_else(|| s.strip_prefix("• ")) {
            return r;
        }
        // 第一部分 / 第二章
        if let Some(r) = s.strip_prefix('第') {
            let n = r.chars().take_while(|c| is_cn_numeral(*c)).count();
            if n > 0 {
                let after: &str = skip_chars_reference(r, n);
                for unit in ["部分", "章", "节"] {
                    if let Some(x) = after.strip_prefix(unit) {
                        return x;
                    }
                }
            }
            return s;
        }
        // （一） (一) （1）
        for (open, close) in [('（', '）'), ('(', ')')] {
            if let Some(r) = s.strip_prefix(open) {
                let n = r
                    .chars()
                    .take_while(|c| is_cn_numeral(*c) || c.is_ascii_digit())
                    .count();
                if n > 0 {
                    if let Some(x) = skip_chars_reference(r, n).strip_prefix(close) {
                        return x.trim_start_matches(['、', '.', '．']);
                    }
                }
                return s;
            }
        }
        // 一、 十二、
        let n = s.chars().take_while(|c| is_cn_numeral(*c)).count();
        if n > 0 {
            let after = skip_chars_reference(s, n);
            if let Some(x) = after.strip_prefix('、') {
                return x;
            }
            return s;
        }
        // 1. 1． 1、 12.
        let n = s.chars().take_while(char::is_ascii_digit).count();
        if n > 0 && n <= 2 {
            let after = skip_chars_reference(s, n);
            for sep in ['.', '．', '、'] {
                if let Some(x) = after.strip_prefix(sep) {
                    // "1.5万元" is a number, not a list item; "4.2023年…" and "4．…" are items.
                    if sep == '.'
                        && x.starts_with(|c: char| c.is_ascii_digit())
                        && !starts_with_year(x)
                    {
                        return s;
                    }
                    return x;
                }
            }
        }
        s
    }
    fn skip_chars_reference(s: &str, n: usize) -> &str {
        match s.char_indices().nth(n) {
            Some((i, _)) => s.get(i..).unwrap_or(""),
            None => "",
        }
    }

    fn strip_numbering_reference(s: &str) -> &str {
        let mut rest = s.trim();
        loop {
            let before = rest;
            rest = strip_one_number_reference(rest).trim_start();
            if rest.len() == before.len() {
                return rest;
            }
        }
    }

    /// Many strings over the characters the fast paths tell apart by their bytes: every
    /// whitespace character, quotes, brackets, full-width forms, the minus, CJK ideographs and
    /// numerals, digits and separators, and neighbours of each (characters sharing a lead byte).
    fn generated_strings() -> Vec<String> {
        let mut alphabet: Vec<char> = (0..=0x10_FFFFu32)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace())
            .collect();
        alphabet.extend([
            'a',
            '0',
            '1',
            '2',
            '9',
            '.',
            ',',
            '-',
            '+',
            '"',
            '\'',
            '[',
            ']',
            '(',
            ')',
            '、',
            '．',
            '（',
            '）',
            '【',
            '】',
            '〔',
            '〕',
            '「',
            '」',
            '『',
            '』',
            '〝',
            '〞',
            '〟',
            '“',
            '”',
            '‘',
            '’',
            '•',
            '−',
            '１',
            '，',
            '～',
            '｟',
            '\u{FF00}',
            '\u{FF5F}',
            '\u{FF3F}',
            '\u{FF40}',
            '第',
            '部',
            '分',
            '章',
            '节',
            '一',
            '二',
            '十',
            '〇',
            '零',
            '合',
            '计',
            '年',
            '\u{0B}',
            '\u{7F}',
            '\u{84}',
            '\u{86}',
            '\u{9F}',
            '\u{A1}',
            '\u{167F}',
            '\u{1681}',
            '\u{200B}',
            '\u{2027}',
            '\u{202A}',
            '\u{205E}',
            '\u{2060}',
            '\u{2211}',
            '\u{3001}',
            '\u{3002}',
            '\u{300B}',
            '\u{3012}',
            '\u{3013}',
            '\u{3016}',
            '\u{301C}',
            '\u{4DFF}',
            '\u{9FFF}',
            '\u{A000}',
            '\u{E000}',
            '\u{1F600}',
            '\u{10FFFF}',
            'é',
        ]);
        // a small linear congruential generator: the same strings on every run
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut next = |n: usize| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            usize::try_from(state >> 33).unwrap_or(0) % n
        };
        let mut out: Vec<String> = alphabet.iter().map(char::to_string).collect();
        for &a in &alphabet {
            for &b in &alphabet {
                out.push([a, b].iter().collect());
            }
        }
        for _ in 0..20_000 {
            let len = next(9);
            out.push(
                (0..len)
                    .filter_map(|_| alphabet.get(next(alphabet.len())))
                    .collect(),
            );
        }
        // the pieces of list and heading numbers, up to three in a row
        let pieces = [
            "第",
            "一",
            "十二",
            "〇",
            "三九",
            "四五六七八",
            "零",
            "部分",
            "章",
            "节",
            "（",
            "）",
            "(",
            ")",
            "、",
            ".",
            "．",
            "1",
            "12",
            "123",
            "2023年",
            "- ",
            "• ",
            "-",
            " ",
            "\u{3000}",
            "x",
            "5万元",
            "“",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    out.push(format!("{a}{b}{c}"));
                }
            }
        }
        out
    }

    #[test]
    fn fast_text_helpers_agree_with_the_reference() {
        for t in generated_strings() {
            assert_eq!(
                first_change(&t, true).is_none(),
                is_normal_reference(&t, true),
                "{t:?}"
            );
            assert_eq!(
                first_change(&t, false).is_none(),
                is_normal_reference(&t, false),
                "{t:?}"
            );
            let want: String = normalized_chars(&t).collect();
            assert_eq!(normalize_name(&t), want, "{t:?}");
            assert_eq!(normal_form(&t), want, "{t:?}");
            assert_eq!(trim(&t), t.trim(), "{t:?}");
            assert_eq!(trim_start(&t), t.trim_start(), "{t:?}");
            assert_eq!(ends_with_space(&t), t.trim_end().len() < t.len(), "{t:?}");
            let want_compact: String = t.chars().filter(|c| !c.is_whitespace()).collect();
            assert_eq!(compact(&t), want_compact, "{t:?}");
            assert_eq!(compacted(&t), want_compact, "{t:?}");
            assert_eq!(strip_numbering(&t), strip_numbering_reference(&t), "{t:?}");
            for n in ["合计", "一", "a", "1.", "\u{3000}"] {
                assert_eq!(has(&t, n), t.contains(n), "{t:?} {n:?}");
            }
        }
    }

    #[test]
    fn years_are_found_as_before() {
        // the former scan, position by position
        let old = |s: &str| -> Option<u16> {
            let b = s.as_bytes();
            let mut i = 0;
            while i + 4 <= b.len() {
                let w = &b[i..i + 4];
                let preceded = i > 0 && b[i - 1].is_ascii_digit();
                if !preceded
                    && w[0] == b'2'
                    && w[1] == b'0'
                    && w.iter().all(u8::is_ascii_digit)
                    && s.get(i + 4..).is_some_and(|r| r.starts_with('年'))
                {
                    return s.get(i..i + 4)?.parse().ok();
                }
                i += 1;
            }
            None
        };
        for t in [
            "",
            "2025年",
            "12025年2024年",
            "2025",
            "x2023年度",
            "2020年2",
            "22025年",
            "2025 年",
            "20２5年",
            "预算2024年（2025年）",
            "202",
            "20255年",
            "3025年2026年",
            "2a25年2027年",
        ] {
            assert_eq!(find_year(t), old(t), "{t:?}");
        }
    }

    #[test]
    fn every_character_normalises_as_the_rule_says() {
        // the rule of `normalize_name`, character by character, without the fast paths
        let rule = |c: char| -> Option<char> {
            let c = fold_char(c);
            if c.is_whitespace() {
                return None;
            }
            match c {
                '“' | '”' | '‘' | '’' | '"' | '\'' | '「' | '」' | '『' | '』' | '〝' | '〞' => {
                    None
                }
                '【' | '〔' | '[' => Some('('),
                '】' | '〕' | ']' => Some(')'),
                _ => Some(c),
            }
        };
        for c in (0..=0x10_FFFFu32).filter_map(char::from_u32) {
            let s = c.to_string();
            let want: String = rule(c).into_iter().collect();
            assert_eq!(normalize_name(&s), want, "{c:?}");
            assert_eq!(normal_form(&s), want, "{c:?}");
            assert_eq!(
                matches!(normal_form(&s), Cow::Borrowed(_)),
                want == s,
                "{c:?}"
            );
            // (`normalized` keeps a vertical tab, as it always did)
            if c != '\u{b}' {
                assert_eq!(normalized(&s), want, "{c:?}");
            }
        }
    }

    #[test]
    fn trim_is_str_trim() {
        // every whitespace character, alone and around text, and text ending in bytes that
        // also end whitespace characters
        let spaces: Vec<char> = (0..=0x10_FFFFu32)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace())
            .collect();
        assert_eq!(spaces.len(), 25);
        let words = [
            "",
            "合计",
            "7,713.47",
            "一般公共服务支出",
            "人大事务",
            "（一）",
            "〇",
            "a",
        ];
        for sp in &spaces {
            for w in words {
                for t in [
                    format!("{sp}{w}"),
                    format!("{w}{sp}"),
                    format!("{sp}{w}{sp}"),
                    w.to_owned(),
                ] {
                    assert_eq!(trim(&t), t.trim(), "{t:?}");
                    assert_eq!(trim_start(&t), t.trim_start(), "{t:?}");
                }
            }
        }
        for c in (0..=0x10_FFFFu32).filter_map(char::from_u32) {
            let t = format!("x{c}");
            assert_eq!(trim(&t), t.trim(), "{c:?}");
            let t = format!("{c}x");
            assert_eq!(trim(&t), t.trim(), "{c:?}");
        }
    }

    #[test]
    fn cn_numerals_are_skipped_as_told_by_is_cn_numeral() {
        for t in generated_strings() {
            assert_eq!(
                skip_cn_numerals(&t),
                t.trim_start_matches(is_cn_numeral),
                "{t:?}"
            );
        }
        let all: String = ('\u{3000}'..='\u{9fff}')
            .filter(|c| is_cn_numeral(*c))
            .collect();
        assert_eq!(skip_cn_numerals(&all), "");
        assert_eq!(skip_cn_numerals(&format!("{all}x")), "x");
    }

    #[test]
    fn cn_numerals() {
        let all: String = ('\u{3000}'..='\u{9fff}')
            .filter(|c| is_cn_numeral(*c))
            .collect();
        assert_eq!(all, "〇一七三九二五八六十四零");
        assert!(!is_cn_numeral('1'));
    }

    #[test]
    fn text_without_a_number_is_kept() {
        assert_eq!(strip_numbering("- 一、职责"), "职责");
        assert_eq!(strip_numbering("人大事务"), "人大事务");
        assert_eq!(strip_numbering("• 1、x"), "x");
        assert_eq!(strip_numbering("第三章 y"), "y");
        assert_eq!(strip_numbering("  (1)、z"), "z");
    }

    #[test]
    fn numbering() {
        assert_eq!(
            strip_numbering("1. 2023年部门财务收支预算总表"),
            "2023年部门财务收支预算总表"
        );
        assert_eq!(
            strip_numbering("第二部分 2025年部门预算表"),
            "2025年部门预算表"
        );
        assert_eq!(
            strip_numbering("(二) 单位预算项目绩效目标表"),
            "单位预算项目绩效目标表"
        );
        assert_eq!(strip_numbering("1.5万元"), "1.5万元");
        assert_eq!(strip_numbering("一般公共服务"), "一般公共服务");
        assert_eq!(strip_numbering("十"), "十");
    }

    #[test]
    fn names() {
        assert_eq!(normalize_name("因公出国 (境) 经费"), "因公出国(境)经费");
        assert_eq!(
            normalize_name("因 公 出 国 （ 境 ） 费用"),
            "因公出国(境)费用"
        );
        assert_eq!(compact("合 计"), "合计");
    }

    #[test]
    fn fast_trim_is_trim() {
        for s in [
            "",
            " ",
            "a",
            " a ",
            "1.00",
            "合计",
            " 合计\u{3000}",
            "\u{3000}5\u{3000}",
            "x ",
            "\t1",
        ] {
            assert_eq!(trim(s), s.trim(), "{s:?}");
        }
    }

    #[test]
    fn years() {
        assert_eq!(find_year("截至2024年12月31日"), Some(2024));
        assert_eq!(find_year("20255年"), None);
        assert_eq!(find_year("年"), None);
    }
}
