//! Templates as data.
//!
//! A [`Template`] says which table titles a region's disclosures print and which table key (T01 …)
//! each maps to, with the table's kind. The words of the format that every template shares (column
//! header words, row labels of the summary tables, section names, 绩效目标表 titles) live in one
//! [`Vocabulary`]. Both are JSON files embedded from `core/data/templates`; users can define their own
//! template from JSON or in code, and adding a province needs data, not parsing code.
//!
//! # Examples
//!
//! ```
//! use yusuan::template::Template;
//! let template = Template::from_json(r#"{
//!   "name": "tiny",
//!   "tables": [{"key": "T05", "kind": "functional", "titles": ["一般公共预算支出表"]}]
//! }"#).unwrap();
//! assert_eq!(template.tables[0].key, "T05");
//! ```

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::{ColumnKey, DocKind, FundLine, LineItem, SectionKind, TableKind};
use crate::text::{has, normalize_name};

/// How to read one table of a template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableSpec {
    /// The key the table is known by (`T01` … `T12`, or a template's own).
    pub key: crate::model::TableKey,
    /// How its rows are read.
    pub kind: TableKind,
    /// Printed titles (without year, numbering, `部门`/`单位` prefixes or quotes).
    pub titles: Vec<String>,
    /// Whether a document of this template must contain the table.
    #[serde(default)]
    pub required: bool,
    /// Column specs tried before the vocabulary's specs for the table's kind.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<ColumnSpec>,
    /// Tables of narrower scope whose rows this table must also hold (T10 covers T06).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub covers: Vec<crate::model::TableKey>,
}

/// Names a column from its header words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnSpec {
    /// The column key given when the spec matches.
    pub key: ColumnKey,
    /// Words of which one must occur in the most specific header of the column.
    pub last: Vec<String>,
    /// Words of which one must occur in a header above it (when not empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parent: Vec<String>,
    /// Words that must not occur in any header of the column.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not: Vec<String>,
}

impl ColumnSpec {
    /// Whether the spec matches the header segments of a column (most specific last).
    #[must_use]
    pub fn matches(&self, segments: &[String]) -> bool {
        self.matches_words(segments)
    }

    /// [`ColumnSpec::matches`] over any kind of text (borrowed header words).
    pub(crate) fn matches_words<S: AsRef<str>>(&self, segments: &[S]) -> bool {
        let Some((last, above)) = segments.split_last() else {
            return false;
        };
        let last = last.as_ref();
        self.last.iter().any(|w| has(last, w))
            && (self.parent.is_empty()
                || above
                    .iter()
                    .any(|s| self.parent.iter().any(|w| has(s.as_ref(), w))))
            && !segments
                .iter()
                .any(|s| self.not.iter().any(|w| has(s.as_ref(), w)))
    }

    fn normalize(&mut self) {
        for w in self
            .last
            .iter_mut()
            .chain(&mut self.parent)
            .chain(&mut self.not)
        {
            *w = normalize_name(w);
        }
    }
}

/// A region's template: its tables and their titles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Template {
    /// Short name (`national-12`).
    pub name: String,
    /// What the template is.
    #[serde(default)]
    pub description: String,

    /// The kind of document the template is for, when it is specific to one.
    #[serde(default)]
    pub kind: Option<DocKind>,
    /// The tables.
    pub tables: Vec<TableSpec>,
}

impl Template {
    /// Reads a template from JSON and normalises its words.
    pub fn from_json(json: &str) -> Result<Template> {
        let mut template: Template =
            serde_json::from_str(json).map_err(|e| Error::InvalidTemplate {
                name: "?".to_owned(),
                reason: e.to_string(),
            })?;
        template.normalize()?;
        Ok(template)
    }

    fn normalize(&mut self) -> Result<()> {
        if self.tables.is_empty() {
            return Err(Error::InvalidTemplate {
                name: self.name.clone(),
                reason: "the template has no tables".to_owned(),
            });
        }
        for t in &mut self.tables {
            if t.titles.is_empty() {
                return Err(Error::InvalidTemplate {
                    name: self.name.clone(),
                    reason: format!("table `{}` has no title", t.key),
                });
            }
            // the same normalisation as the printed titles (numbering, year, 部门/单位 prefixes)
            for title in &mut t.titles {
                *title = title_key(title);
            }
            t.titles.dedup();
            for c in &mut t.columns {
                c.normalize();
            }
        }
        Ok(())
    }

    /// The built-in templates.
    #[must_use]
    pub fn builtin() -> &'static [Template] {
        static LAYOUTS: OnceLock<Vec<Template>> = OnceLock::new();
        LAYOUTS.get_or_init(|| {
            BUILTIN_LAYOUTS
                .iter()
                .filter_map(|json| Template::from_json(json).ok())
                .collect()
        })
    }

    /// The built-in template called `name`.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(yusuan::template::Template::by_name("national-12").is_some());
    /// ```
    #[must_use]
    pub fn by_name(name: &str) -> Option<&'static Template> {
        Template::builtin().iter().find(|l| l.name == name)
    }

    /// The spec for a normalised title (see [`title_key`]).
    #[must_use]
    pub fn table_for_title(&self, normalized_title: &str) -> Option<&TableSpec> {
        self.tables
            .iter()
            .find(|t| t.titles.iter().any(|a| a == normalized_title))
    }
}

const BUILTIN_LAYOUTS: &[&str] = &[
    include_str!("../data/templates/national-12.json"),
    include_str!("../data/templates/shanghai-9.json"),
    include_str!("../data/templates/shanghai-final-9.json"),
];

/// The words every template shares.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vocabulary {
    /// Column specs per table kind, tried in order.
    pub columns: BTreeMap<TableKind, Vec<ColumnSpec>>,
    /// Words of the first header row that name the side of a two-sided table.
    pub side_words: SideWords,
    /// Header words of split code columns.
    pub code_part_words: CodePartWords,
    /// Header words of a whole-code column.
    pub code_words: Vec<String>,
    /// Header words (a whole header cell) of the columns that print a change against the prior
    /// year (`增减变化`, `比上年增减`): their columns have the basis [`crate::Basis::Change`].
    #[serde(default)]
    pub change_words: Vec<String>,
    /// Words whose presence in a header makes a name/label column (`名称`).
    pub label_words: Vec<String>,
    /// Header endings that make a name/label column (`项目`, `…经济分类科目`).
    pub label_suffix: Vec<String>,
    /// Header words of text category columns (项目类别).
    pub category_words: Vec<String>,
    /// Labels of total rows.
    pub total_labels: Vec<String>,
    /// Labels of the recognised lines of summary tables.
    pub row_items: BTreeMap<LineItem, Vec<String>>,
    /// Prefixes of lines naming the publishing body.
    pub org_prefixes: Vec<String>,
    /// Prefixes of lines stating the unit.
    pub unit_prefixes: Vec<String>,
    /// Prefixes of table notes.
    pub note_prefixes: Vec<String>,
    /// Words in section headings, per section kind.
    pub sections: BTreeMap<SectionKind, Vec<String>>,
    /// Titles of 绩效目标表.
    pub performance_titles: Vec<String>,
    /// Labels of the funding lines of 绩效目标表 (tried in this order of kinds).
    pub fund_lines: BTreeMap<FundLine, Vec<String>>,
    /// 部门经济分类 classes whose amounts are 人员经费.
    pub personnel_classes: Vec<String>,
    /// 部门经济分类 classes whose amounts are 公用经费.
    pub public_classes: Vec<String>,
    /// 部门经济分类 lines contained in a "三公" item (X-11).
    pub san_gong_econ: BTreeMap<ColumnKey, Vec<String>>,
    /// 部门经济分类 款 and the 功能分类 项 that carry the same money (30108 ↔ 2080505).
    pub econ_functional: BTreeMap<String, Vec<String>>,
    /// Words naming each fund (政府性基金, 国有资本经营), keyed by the fund's column.
    pub fund_words: BTreeMap<ColumnKey, Vec<String>>,
    /// Words of an empty-table statement (本表为空表, 没有使用…).
    pub empty_table_words: Vec<String>,
    /// Words naming what a table that may be published empty is about, by table key (T07: 三公,
    /// T12: 政府采购): a narrative sentence naming it and saying it is none or 0 explains the
    /// empty table.
    #[serde(default)]
    pub empty_table_subjects: BTreeMap<String, Vec<String>>,
    /// Phrases naming the subjects of narrative claims (收入预算, “三公”经费, 政府采购 …).
    pub claim_subjects: BTreeMap<String, Vec<String>>,
    /// Words of indicator names whose value is to be maximised (准确率, 满意度 …).
    pub maximize_words: Vec<String>,
    /// Words of the level-1/level-2 headings under which indicators are costs (成本指标).
    pub cost_headings: Vec<String>,
    /// Words of targets that are not measurable (名次, 明显提升 …).
    pub vague_words: Vec<String>,
    /// First characters of the org and unit prefixes, and `(`: a cheap test for meta lines.
    #[serde(skip)]
    pub meta_first_chars: Vec<char>,
}

/// Side words of two-sided tables.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SideWords {
    /// 收入.
    pub income: Vec<String>,
    /// 支出.
    pub expenditure: Vec<String>,
}

/// Header words of split code columns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodePartWords {
    /// 类.
    pub class: Vec<String>,
    /// 款.
    pub section: Vec<String>,
    /// 项.
    pub item: Vec<String>,
}

impl Vocabulary {
    /// The built-in vocabulary.
    ///
    /// # Examples
    ///
    /// ```
    /// let v = yusuan::template::Vocabulary::builtin();
    /// assert!(v.total_labels.iter().any(|l| l == "合计"));
    /// ```
    #[must_use]
    pub fn builtin() -> &'static Vocabulary {
        static VOCAB: OnceLock<Vocabulary> = OnceLock::new();
        VOCAB.get_or_init(|| {
            Vocabulary::from_json(include_str!("../data/templates/vocabulary.json"))
                .unwrap_or_else(|_| Vocabulary::empty())
        })
    }

    /// Reads a vocabulary from JSON and normalises its words.
    pub fn from_json(json: &str) -> Result<Vocabulary> {
        let mut v: Vocabulary = serde_json::from_str(json).map_err(|e| Error::InvalidTemplate {
            name: "vocabulary".to_owned(),
            reason: e.to_string(),
        })?;
        v.normalize();
        Ok(v)
    }

    fn empty() -> Vocabulary {
        Vocabulary {
            columns: BTreeMap::new(),
            side_words: SideWords {
                income: Vec::new(),
                expenditure: Vec::new(),
            },
            code_part_words: CodePartWords {
                class: Vec::new(),
                section: Vec::new(),
                item: Vec::new(),
            },
            code_words: Vec::new(),
            change_words: Vec::new(),
            label_words: Vec::new(),
            label_suffix: Vec::new(),
            category_words: Vec::new(),
            total_labels: Vec::new(),
            row_items: BTreeMap::new(),
            org_prefixes: Vec::new(),
            unit_prefixes: Vec::new(),
            note_prefixes: Vec::new(),
            sections: BTreeMap::new(),
            performance_titles: Vec::new(),
            fund_lines: BTreeMap::new(),
            personnel_classes: Vec::new(),
            public_classes: Vec::new(),
            san_gong_econ: BTreeMap::new(),
            econ_functional: BTreeMap::new(),
            fund_words: BTreeMap::new(),
            empty_table_words: Vec::new(),
            empty_table_subjects: BTreeMap::new(),
            claim_subjects: BTreeMap::new(),
            maximize_words: Vec::new(),
            cost_headings: Vec::new(),
            vague_words: Vec::new(),
            meta_first_chars: Vec::new(),
        }
    }

    fn normalize(&mut self) {
        let norm = |v: &mut Vec<String>| {
            for w in v.iter_mut() {
                *w = normalize_name(w);
            }
        };
        for specs in self.columns.values_mut() {
            for s in specs {
                s.normalize();
            }
        }
        norm(&mut self.side_words.income);
        norm(&mut self.side_words.expenditure);
        norm(&mut self.code_part_words.class);
        norm(&mut self.code_part_words.section);
        norm(&mut self.code_part_words.item);
        norm(&mut self.code_words);
        norm(&mut self.change_words);
        norm(&mut self.label_words);
        norm(&mut self.label_suffix);
        norm(&mut self.category_words);
        norm(&mut self.total_labels);
        for v in self.row_items.values_mut() {
            norm(v);
        }
        norm(&mut self.org_prefixes);
        norm(&mut self.unit_prefixes);
        norm(&mut self.note_prefixes);
        for v in self.sections.values_mut() {
            norm(v);
        }
        norm(&mut self.performance_titles);
        for v in self.fund_lines.values_mut() {
            norm(v);
        }
        for v in self.fund_words.values_mut() {
            norm(v);
        }
        norm(&mut self.empty_table_words);
        for v in self.empty_table_subjects.values_mut() {
            norm(v);
        }
        let mut firsts: Vec<char> = self
            .org_prefixes
            .iter()
            .chain(&self.unit_prefixes)
            .filter_map(|p| p.chars().next())
            .collect();
        firsts.push('(');
        firsts.sort_unstable();
        firsts.dedup();
        self.meta_first_chars = firsts;
    }

    /// The line item a normalised summary-table label names (restricted to `side` when given).
    #[must_use]
    pub fn row_item(&self, label: &str, side: Option<crate::model::Side>) -> Option<LineItem> {
        // The built-in vocabulary never changes (it is only lent out shared): its labels are
        // looked up in an index built once. Any other vocabulary is scanned.
        if std::ptr::eq(self, Vocabulary::builtin()) {
            return builtin_row_items()
                .get(label)?
                .iter()
                .copied()
                .find(|item| side.is_none_or(|s| item.side() == s));
        }
        self.row_item_scan(label, side)
    }

    /// [`Vocabulary::row_item`] by a scan over the labels.
    fn row_item_scan(&self, label: &str, side: Option<crate::model::Side>) -> Option<LineItem> {
        self.row_items
            .iter()
            .filter(|(item, _)| side.is_none_or(|s| item.side() == s))
            .find(|(_, labels)| labels.iter().any(|l| l == label))
            .map(|(item, _)| *item)
    }
}

/// The line items of the built-in vocabulary by label, each label's items in the order of
/// [`Vocabulary::row_items`] (the order in which [`Vocabulary::row_item`] tries them).
fn builtin_row_items() -> &'static crate::HashMap<&'static str, Vec<LineItem>> {
    static INDEX: OnceLock<crate::HashMap<&'static str, Vec<LineItem>>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: crate::HashMap<&'static str, Vec<LineItem>> = crate::HashMap::default();
        for (item, labels) in &Vocabulary::builtin().row_items {
            for label in labels {
                let items = index.entry(label.as_str()).or_default();
                if !items.contains(item) {
                    items.push(*item);
                }
            }
        }
        index
    })
}

/// Normalises a printed line for title matching: numbering, a leading year (`2023年`, `2024年度`),
/// and leading `部门`/`单位`/`预算单位` words are removed, then names are normalised.
///
/// # Examples
///
/// ```
/// use yusuan::template::title_key;
/// assert_eq!(title_key("4．2023年部门财政拨款收支预算总表"), "财政拨款收支预算总表");
/// assert_eq!(title_key("一般公共预算“三公”经费支出情况表"), "一般公共预算三公经费支出情况表");
/// assert_eq!(title_key("2024年预算单位收入预算总表"), "收入预算总表");
/// ```
#[must_use]
pub fn title_key(line: &str) -> String {
    let n = crate::text::normal_form(crate::text::strip_numbering(line));
    let start = n.len() - title_body(&n).len();
    match n {
        // (a title normalised into a new string loses its prefix in place: no second copy)
        std::borrow::Cow::Owned(mut s) => {
            s.replace_range(..start, "");
            s
        }
        std::borrow::Cow::Borrowed(s) => s.get(start..).unwrap_or("").to_owned(),
    }
}

/// A normalised title without its leading years and `部门`/`单位` words.
fn title_body(mut s: &str) -> &str {
    loop {
        let before = s.len();
        s = strip_year_prefix(s);
        for prefix in ["预算单位", "预算部门", "区级部门", "部门", "单位", "本级"]
        {
            s = s.strip_prefix(prefix).unwrap_or(s);
        }
        if s.len() == before {
            return s;
        }
    }
}

/// `2023年…` / `2024年度…` without the year.
fn strip_year_prefix(s: &str) -> &str {
    let b = s.as_bytes();
    if b.len() >= 7 && b.get(..4).is_some_and(|d| d.iter().all(u8::is_ascii_digit)) {
        if let Some(rest) = s.get(4..) {
            if let Some(r) = rest
                .strip_prefix("年度")
                .or_else(|| rest.strip_prefix('年'))
            {
                return r;
            }
        }
    }
    s
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn builtin_data_loads() {
        assert!(!Template::builtin().is_empty());
        let v = Vocabulary::builtin();
        assert!(!v.columns.is_empty());
        assert_eq!(
            v.row_item("本年收入合计", None),
            Some(LineItem::IncomeSubtotal)
        );
        assert_eq!(
            v.row_item("事业收入(不含教育收费)", None),
            Some(LineItem::BusinessIncome)
        );
    }

    #[test]
    fn row_items_are_looked_up_as_scanned() {
        let v = Vocabulary::builtin();
        let mut labels: Vec<&str> = v.row_items.values().flatten().map(String::as_str).collect();
        labels.extend(["", "合计", "本年收入", "收入总计 ", "其他"]);
        for label in labels {
            for side in [
                None,
                Some(crate::model::Side::Income),
                Some(crate::model::Side::Expenditure),
            ] {
                assert_eq!(
                    v.row_item(label, side),
                    v.row_item_scan(label, side),
                    "{label} {side:?}"
                );
                // (a copy of the vocabulary is scanned)
                assert_eq!(
                    v.clone().row_item(label, side),
                    v.row_item_scan(label, side)
                );
            }
        }
    }

    #[test]
    fn bad_layouts_are_errors() {
        assert_eq!(
            Template::from_json("{").unwrap_err().code(),
            "invalid_template"
        );
        assert_eq!(
            Template::from_json(r#"{"name":"x","tables":[]}"#)
                .unwrap_err()
                .code(),
            "invalid_template"
        );
        let err = Template::from_json(
            r#"{"name":"x","tables":[{"key":"T1","kind":"bogus","titles":["a"]}]}"#,
        )
        .unwrap_err();
        assert!(err.to_string().contains("bogus"), "{err}");
    }

    #[test]
    fn column_spec_matching() {
        let spec = ColumnSpec {
            key: ColumnKey::FiscalGrant,
            last: vec!["小计".into()],
            parent: vec!["财政拨款".into()],
            not: vec![],
        };
        assert!(spec.matches(&["财政拨款收入".into(), "小计".into()]));
        assert!(!spec.matches(&["基本支出".into(), "小计".into()]));
        assert!(!spec.matches(&[]));
    }
}
