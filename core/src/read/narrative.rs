//! Narrative sections (headings and paragraphs) and the 名词解释.

use crate::model::{GlossaryEntry, LineSpan, Notice, NoticeCode, Paragraph, Section, SectionKind};
use crate::template::Vocabulary;
use crate::text::{is_cn_numeral, strip_numbering};

use super::{Ctx, Line};

/// How a line is numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Numbering {
    /// 第一部分
    Part,
    /// 一、
    First,
    /// （一）
    Second,
    /// 1. / 1、
    Item,
    None,
}

fn numbering(text: &str) -> Numbering {
    // (most text starts with none of `-`, `•` and the space: nothing to trim)
    let t = if text.starts_with(['-', '•', ' ']) {
        crate::text::trim_start(text.trim_start_matches(['-', '•', ' ']))
    } else {
        crate::text::trim_start(text)
    };
    let mut chars = t.chars();
    match chars.next() {
        Some('第') => {
            let r = chars.as_str();
            let after = r.trim_start_matches(is_cn_numeral);
            if after.len() < r.len() && (after.starts_with("部分") || after.starts_with('章')) {
                Numbering::Part
            } else {
                Numbering::None
            }
        }
        Some('（' | '(') => {
            let n = chars
                .clone()
                .take_while(|c| is_cn_numeral(*c) || c.is_ascii_digit())
                .count();
            if n > 0 && matches!(chars.nth(n), Some('）' | ')')) {
                Numbering::Second
            } else {
                Numbering::None
            }
        }
        Some(c) if is_cn_numeral(c) => {
            let n = chars.clone().take_while(|c| is_cn_numeral(*c)).count();
            if chars.nth(n) == Some('、') {
                Numbering::First
            } else {
                Numbering::None
            }
        }
        Some(c) if c.is_ascii_digit() => {
            // (told from the bytes when the text neither ends with whitespace nor has a
            // separator after at most two digits: then nothing is stripped)
            let b = t.as_bytes();
            let digits = b.iter().take_while(|b| b.is_ascii_digit()).count();
            let separator = digits <= 2 && matches!(b.get(digits), Some(b'.' | 0xEF | 0xE3));
            let trailing_space = crate::text::ends_with_space(t);
            if (separator || trailing_space) && strip_numbering(t).len() < t.len() {
                Numbering::Item
            } else {
                Numbering::None
            }
        }
        _ => Numbering::None,
    }
}

/// The section kind a heading names; specific kinds win over general ones ("三公"经费预算情况说明
/// is about 三公, not the budget overview).
fn section_kind(heading: &str, vocab: &Vocabulary) -> Option<SectionKind> {
    use SectionKind as K;
    const PRIORITY: [SectionKind; 11] = [
        K::SanGong,
        K::OperatingCosts,
        K::Procurement,
        K::Assets,
        K::Performance,
        K::Projects,
        K::Glossary,
        K::Duties,
        K::Organisation,
        K::BudgetOverview,
        K::Other,
    ];
    let n = crate::text::normal_form(heading);
    // The characters of the heading as bits (code point mod 64): a word whose first or last
    // character is not among them is not searched for.
    let bit = |c: char| 1u64 << (u32::from(c) % 64);
    let chars = n.chars().fold(0u64, |acc, c| acc | bit(c));
    let may_have = |w: &str| {
        w.chars().next().is_none_or(|c| chars & bit(c) != 0)
            && w.chars().next_back().is_none_or(|c| chars & bit(c) != 0)
    };
    PRIORITY.into_iter().find(|k| {
        vocab
            .sections
            .get(k)
            .is_some_and(|words| words.iter().any(|w| may_have(w) && crate::text::has(&n, w)))
    })
}

/// Whether `text` contains one of the marks of a sentence or a clause that no heading prints:
/// `。；，;,：:？！` (one pass over the bytes: the ASCII marks are their own bytes, `。` is
/// `E3 80 82`, the full-width ones are `EF BC xx`).
fn has_clause_mark(text: &str) -> bool {
    let b = text.as_bytes();
    b.iter().enumerate().any(|(i, &x)| match x {
        b';' | b',' | b':' => true,
        0xE3 => b.get(i + 1..i + 3) == Some(&[0x80, 0x82]),
        0xEF => {
            b.get(i + 1) == Some(&0xBC)
                && matches!(b.get(i + 2), Some(0x9B | 0x8C | 0x9A | 0x9F | 0x81))
        }
        _ => false,
    })
}

/// The heading level and kind of a line, if it is a heading.
fn heading(text: &str, vocab: &Vocabulary) -> Option<(u8, SectionKind)> {
    let t = crate::text::trim(text);
    // (more than 160 bytes is more than 40 characters: long prose is not counted)
    if t.is_empty() || t.len() > 160 {
        return None;
    }
    // A heading's body has no clause marks. Its number (stripped from the front) has none
    // either, and the body's trailing colons are the text's: the marks of the body are those
    // of the text without its trailing colons, and prose is told before any stripping.
    if t.chars().count() > 40 || has_clause_mark(t.trim_end_matches(['：', ':'])) {
        return None;
    }
    let stripped = strip_numbering(t);
    let body = stripped.trim_end_matches(['：', ':']);
    let num = numbering(t);
    if body.is_empty() && num == Numbering::Part {
        return Some((0, SectionKind::Part));
    }
    if body.is_empty() || has_clause_mark(body) || body.chars().count() > 32 {
        return None;
    }
    let kind = section_kind(body, vocab);
    match num {
        Numbering::Part => Some((0, kind.unwrap_or(SectionKind::Part))),
        Numbering::First => Some((1, kind.unwrap_or(SectionKind::Other))),
        Numbering::Second => Some((2, kind.unwrap_or(SectionKind::Other))),
        Numbering::Item => None,
        // An unnumbered heading must name a known section and be short.
        Numbering::None => kind.filter(|_| body.chars().count() <= 24).map(|k| (0, k)),
    }
}

struct Builder {
    sections: Vec<Section>,
    para: Option<Paragraph>,
}

impl Builder {
    fn flush(&mut self) {
        if let Some(p) = self.para.take() {
            if let Some(s) = self.sections.last_mut() {
                s.lines.end = s.lines.end.max(p.lines.end);
                s.paragraphs.push(p);
            }
        }
    }

    fn add_line(&mut self, text: &str, no: u32, new_paragraph: bool) {
        if new_paragraph {
            self.flush();
        }
        match &mut self.para {
            Some(p) => {
                p.breaks
                    .push(u32::try_from(p.text.len()).unwrap_or(u32::MAX));
                p.text.push_str(text);
                p.lines.end = no;
            }
            None => {
                self.para = Some(Paragraph {
                    text: text.to_owned(),
                    lines: LineSpan { start: no, end: no },
                    breaks: Vec::new(),
                });
            }
        }
    }
}

/// Gathers narrative lines (0-based indices, in order) into sections.
pub(crate) fn sections(
    lines: &[Line<'_>],
    narrative: &[usize],
    ctx: &Ctx<'_>,
    notices: &mut Vec<Notice>,
) -> Vec<Section> {
    let sections = build_sections(lines, narrative, ctx);
    without_repeats(sections, notices)
}

/// The sections without those printed a second time: a section with a body, under a parent of
/// the same title, with the same title and body as one before it, is read once (a notice says
/// so).
fn without_repeats(sections: Vec<Section>, notices: &mut Vec<Notice>) -> Vec<Section> {
    use crate::HashMap;
    // Per (parent, title): the sections read so far. A body is hashed only once a second
    // section under the same parent and title comes (most titles are printed once), and each
    // body at most once.
    enum Seen {
        /// One section (index into `sections`), not hashed yet.
        One(usize),
        /// The hashes of the bodies read.
        Hashed(Vec<u64>),
    }
    // (first pass: which sections repeat, with the titles borrowed; second pass: the sections
    // moved out)
    let mut repeats: Vec<usize> = Vec::new();
    {
        let mut seen: HashMap<(&str, std::borrow::Cow<'_, str>), Seen> = HashMap::default();
        // the title of the nearest section above, per level
        let mut parents: [&str; 4] = [""; 4];
        for (k, s) in sections.iter().enumerate() {
            let level = usize::from(s.level).min(3);
            let parent = parents
                .get(..level)
                .and_then(|p| p.iter().rev().find(|t| !t.is_empty()))
                .copied()
                .unwrap_or_default();
            if let Some(slot) = parents.get_mut(level) {
                *slot = s.title.as_str();
            }
            for deeper in parents.iter_mut().skip(level + 1) {
                *deeper = "";
            }
            if s.paragraphs
                .iter()
                .all(|p| crate::text::trim(&p.text).is_empty())
            {
                continue;
            }
            let key = (parent, crate::text::compacted(&s.title));
            let repeat = match seen.get_mut(&key) {
                None => {
                    seen.insert(key, Seen::One(k));
                    false
                }
                Some(entry) => {
                    if let Seen::One(first) = *entry {
                        *entry =
                            Seen::Hashed(sections.get(first).map(body_hash).into_iter().collect());
                    }
                    let h = body_hash(s);
                    match entry {
                        Seen::Hashed(hashes) if hashes.contains(&h) => true,
                        Seen::Hashed(hashes) => {
                            hashes.push(h);
                            false
                        }
                        Seen::One(_) => false,
                    }
                }
            };
            if repeat {
                repeats.push(k);
            }
        }
        if repeats.is_empty() {
            return sections;
        }
    }
    let mut out: Vec<Section> = Vec::with_capacity(sections.len() - repeats.len());
    let mut next = repeats.iter().copied().peekable();
    for (k, s) in sections.into_iter().enumerate() {
        if next.next_if_eq(&k).is_none() {
            out.push(s);
            continue;
        }
        notices.push(Notice::new(
            NoticeCode::DuplicateSection,
            format!(
                "the section `{}` (lines {}–{}) repeats one printed before it, word for word; it is read once",
                if s.title.is_empty() { "(untitled)" } else { s.title.as_str() },
                s.lines.start,
                s.lines.end
            ),
            s.lines.start,
        ));
    }
    out
}

/// A hash of a section's body, whitespace ignored (a repeat that wraps its lines elsewhere is
/// still the same text); equal bodies give equal hashes.
fn body_hash(s: &Section) -> u64 {
    // (the multiply-rotate scheme of rustc's FxHasher, over the bytes but ASCII blanks)
    let mut h = 0u64;
    for p in &s.paragraphs {
        for &b in p.text.as_bytes() {
            if !b.is_ascii_whitespace() {
                h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
            }
        }
    }
    h
}

fn build_sections(lines: &[Line<'_>], narrative: &[usize], ctx: &Ctx<'_>) -> Vec<Section> {
    let vocab = ctx.vocab;
    let mut b = Builder {
        sections: Vec::new(),
        para: None,
    };
    let mut prev: Option<usize> = None;
    // Index of the last section at each heading level (0, 1, 2): the parent of a heading is found
    // without walking back over the sections before it.
    let mut last_at_level: [Option<usize>; 3] = [None; 3];
    for &i in narrative {
        let Some(line) = lines.get(i) else { continue };
        let text = crate::text::trim(line.text);
        let gap = prev.is_some_and(|p| i != p + 1);
        prev = Some(i);
        if text.is_empty() || line.text.starts_with("# ") && b.sections.is_empty() {
            b.flush();
            continue;
        }
        if let Some((level, mut kind)) = heading(text, vocab) {
            b.flush();
            if matches!(kind, SectionKind::Other) {
                // a sub-heading of a known section is about that section: the nearest section
                // before it at a higher level
                let parent = last_at_level
                    .iter()
                    .take(usize::from(level))
                    .flatten()
                    .max()
                    .and_then(|&p| b.sections.get(p))
                    .filter(|s| !matches!(s.kind, SectionKind::Part | SectionKind::Other));
                if let Some(parent) = parent {
                    kind = parent.kind;
                }
            }
            if let Some(slot) = last_at_level.get_mut(usize::from(level)) {
                *slot = Some(b.sections.len());
            }
            b.sections.push(Section {
                kind,
                level,
                title: text.to_owned(),
                lines: LineSpan {
                    start: line.no,
                    end: line.no,
                },
                paragraphs: Vec::new(),
            });
            continue;
        }
        if b.sections.is_empty() {
            // text before the first heading: an untitled section
            last_at_level[0] = Some(0);
            b.sections.push(Section {
                kind: SectionKind::Other,
                level: 0,
                title: String::new(),
                lines: LineSpan {
                    start: line.no,
                    end: line.no,
                },
                paragraphs: Vec::new(),
            });
        }
        let numbered = numbering(text) != Numbering::None;
        b.add_line(text, line.no, gap || numbered);
    }
    b.flush();
    b.sections
}

/// The 名词解释 entries: numbered paragraphs `一、术语：定义` of the glossary sections.
pub(crate) fn glossary(sections: &[Section]) -> Vec<GlossaryEntry> {
    let mut out = Vec::new();
    for s in sections.iter().filter(|s| s.kind == SectionKind::Glossary) {
        for p in &s.paragraphs {
            if numbering(&p.text) == Numbering::None {
                continue;
            }
            let body = strip_numbering(&p.text);
            // (the first `：` or `:`: each found by the standard library's byte search, the
            // ASCII one only before the full-width one)
            let full = body.find('：');
            let Some(pos) = body
                .get(..full.unwrap_or(body.len()))
                .and_then(|b| b.find(':'))
                .or(full)
            else {
                continue;
            };
            let term = body.get(..pos).unwrap_or("").trim();
            let sep_len = body
                .get(pos..)
                .and_then(|r| r.chars().next())
                .map_or(1, char::len_utf8);
            let definition = body.get(pos + sep_len..).unwrap_or("").trim();
            if term.is_empty() || term.chars().count() > 30 || definition.is_empty() {
                continue;
            }
            out.push(GlossaryEntry {
                term: term.to_owned(),
                definition: definition.to_owned(),
                lines: p.lines,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(level: u8, title: &str, body: &str, line: u32) -> Section {
        Section {
            kind: SectionKind::Other,
            level,
            title: title.to_owned(),
            lines: LineSpan {
                start: line,
                end: line,
            },
            paragraphs: vec![Paragraph {
                text: body.to_owned(),
                lines: LineSpan {
                    start: line,
                    end: line,
                },
                breaks: Vec::new(),
            }],
        }
    }

    #[test]
    fn a_section_is_a_repeat_only_of_one_with_its_parent_title_and_body() {
        let sections = vec![
            section(0, "说明", "", 1),
            section(1, "一、收入", "收入 10 万元", 2),
            section(1, "一、收入", "收入 20 万元", 3),
            section(1, "一、收入", "收入10万元", 4),
            section(1, "一、收入", "收入 20万 元", 5),
            section(1, "一、 收入", "收入 30 万元", 6),
            section(0, "其他", "", 7),
            section(1, "一、收入", "收入 10 万元", 8),
        ];
        let mut notices = Vec::new();
        let kept: Vec<u32> = without_repeats(sections, &mut notices)
            .iter()
            .map(|s| s.lines.start)
            .collect();
        assert_eq!(kept, [1, 2, 3, 6, 7, 8]);
        let lines: Vec<u32> = notices.iter().map(|n| n.line).collect();
        assert_eq!(lines, [4, 5]);
    }

    #[test]
    fn headings() {
        let v = Vocabulary::builtin();
        assert_eq!(heading("一、主要职责", v), Some((1, SectionKind::Duties)));
        assert_eq!(heading("第四部分", v), Some((0, SectionKind::Part)));
        assert_eq!(heading("名词解释", v), Some((0, SectionKind::Glossary)));
        assert_eq!(
            heading("（一）预算绩效管理情况", v),
            Some((2, SectionKind::Performance))
        );
        assert_eq!(
            heading("一、财政拨款收入：指由市级财政拨款形成的部门收入。", v),
            None
        );
        assert_eq!(heading("1. 收入预算增加101.51万元", v), None);
        assert_eq!(heading("单位概况", v), None);
    }

    #[test]
    fn numbering_kinds() {
        assert_eq!(numbering("（一）、基本支出预算：是"), Numbering::Second);
        assert_eq!(numbering("十二、政府采购"), Numbering::First);
        assert_eq!(numbering("- 一、主要职责"), Numbering::First);
        assert_eq!(numbering("1. 协助"), Numbering::Item);
        assert_eq!(numbering("2025年"), Numbering::None);
        assert_eq!(numbering("一般"), Numbering::None);
    }
}
