//! The government revenue and expenditure classification (政府收支分类科目) as data.
//!
//! The built-in catalog embeds the 2025 compilation shipped in `core/data/catalog` (functional
//! 类/款/项, 部门 and 政府 economic classes, their mapping, and aliases), with the provenance and a
//! verified flag for every row. **Not every row is verified**: rows compiled from earlier editions
//! without a published 2025 document behind them are marked unverified, and the rules never turn
//! a disagreement with an unverified row into an error. Users can load their own TSV files in the
//! same format with [`CatalogBuilder`].
//!
//! # Examples
//!
//! ```
//! use yusuan::catalog::{Catalog, NameMatch};
//! let catalog = Catalog::builtin();
//! let entry = catalog.lookup("2010302").unwrap();
//! assert_eq!(entry.name, "一般行政管理事务");
//! assert_eq!(entry.parent.as_deref(), Some("20103"));
//! // line-wrap breaks and half-width brackets are normalised away
//! assert!(catalog.name_matches("20103", "政府办公厅(室)及相关机 构事务").is_match());
//! // an old name is recognised as an alias and reported as one
//! match catalog.name_matches("210", "医疗卫生与计划生育支出") {
//!     NameMatch::Alias { current, .. } => assert_eq!(current, "卫生健康支出"),
//!     other => panic!("{other:?}"),
//! }
//! ```

use crate::HashMap;
use std::fmt;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::text::normalize_name;

/// Which classification a code belongs to (C-02: code domains are kept apart).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Domain {
    /// 支出功能分类: 2xx, 3/5/7 digits.
    Functional,
    /// 部门预算支出经济分类: 3xx, 3/5 digits.
    EconomicDept,
    /// 政府预算支出经济分类: 5xx, 3/5 digits.
    EconomicGov,
    /// 收入分类: 1xx.
    Income,
}

impl Domain {
    /// The domain a code's shape says it belongs to; `None` for anything that is not a code.
    ///
    /// # Examples
    ///
    /// ```
    /// use yusuan::catalog::Domain;
    /// assert_eq!(Domain::of_code("2080505"), Some(Domain::Functional));
    /// assert_eq!(Domain::of_code("30113"), Some(Domain::EconomicDept));
    /// assert_eq!(Domain::of_code("50103"), Some(Domain::EconomicGov));
    /// assert_eq!(Domain::of_code("2O1"), None);
    /// ```
    #[must_use]
    pub fn of_code(code: &str) -> Option<Domain> {
        if !code.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let len = code.len();
        match code.as_bytes().first()? {
            b'2' if matches!(len, 3 | 5 | 7) => Some(Domain::Functional),
            b'3' if matches!(len, 3 | 5) => Some(Domain::EconomicDept),
            b'5' if matches!(len, 3 | 5) => Some(Domain::EconomicGov),
            b'1' if matches!(len, 3 | 5 | 7) => Some(Domain::Income),
            _ => None,
        }
    }

    fn file_name(self) -> &'static str {
        match self {
            Domain::Functional => "functional.tsv",
            Domain::EconomicDept => "econ_dept.tsv",
            Domain::EconomicGov => "econ_gov.tsv",
            Domain::Income => "income.tsv",
        }
    }
}

/// The level of a code in its hierarchy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// 类 (3 digits).
    Class,
    /// 款 (5 digits).
    Section,
    /// 项 (7 digits).
    Item,
}

impl Level {
    /// The level a code's length implies.
    ///
    /// # Examples
    ///
    /// ```
    /// use yusuan::catalog::Level;
    /// assert_eq!(Level::of_code("20103"), Some(Level::Section));
    /// ```
    #[must_use]
    pub fn of_code(code: &str) -> Option<Level> {
        match code.len() {
            3 => Some(Level::Class),
            5 => Some(Level::Section),
            7 => Some(Level::Item),
            _ => None,
        }
    }

    /// The Chinese name: 类, 款 or 项.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Class => "类",
            Level::Section => "款",
            Level::Item => "项",
        }
    }

    fn from_cn(s: &str) -> Option<Level> {
        match s {
            "类" => Some(Level::Class),
            "款" => Some(Level::Section),
            "项" => Some(Level::Item),
            _ => None,
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a catalog row's presence rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Basis {
    /// Code and name appear in a 2025 published document.
    V25,
    /// Appear in a 2026 document and were known from earlier editions.
    B25,
    /// Seen only in 2024 documents.
    V24,
    /// Compiled from knowledge of earlier editions: **unverified**.
    R,
}

/// Confidence independent of evidence (`recall=` in the source column).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Recall {
    /// Stable for years.
    H,
    /// Believed right; wording or number could differ.
    M,
    /// Uncertain.
    L,
}

/// Where a catalog row comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    /// The basis, when the row states one.
    pub basis: Option<Basis>,
    /// The recall grade, when stated.
    pub recall: Option<Recall>,
    /// Evidence tags (`SEED2025`, `GBC2024`, …).
    pub evidence: Vec<String>,
}

impl Provenance {
    fn parse(s: &str) -> Provenance {
        let mut p = Provenance {
            basis: None,
            recall: None,
            evidence: Vec::new(),
        };
        for part in s.split(';').map(str::trim) {
            match part {
                "V25" => p.basis = Some(Basis::V25),
                "B25" => p.basis = Some(Basis::B25),
                "V24" => p.basis = Some(Basis::V24),
                "R" => p.basis = Some(Basis::R),
                _ => {
                    if let Some(r) = part.strip_prefix("recall=") {
                        p.recall = match r {
                            "H" => Some(Recall::H),
                            "M" => Some(Recall::M),
                            "L" => Some(Recall::L),
                            _ => None,
                        };
                    } else if let Some(ev) = part.strip_prefix("ev=") {
                        p.evidence.extend(
                            ev.split(',')
                                .map(|e| e.trim().to_owned())
                                .filter(|e| !e.is_empty()),
                        );
                    }
                }
            }
        }
        p
    }

    /// True when a published document backs the row (basis V25, B25 or V24, or evidence tags
    /// for a row without a basis).
    #[must_use]
    pub fn verified(&self) -> bool {
        match self.basis {
            Some(Basis::V25 | Basis::B25 | Basis::V24) => true,
            Some(Basis::R) => false,
            None => !self.evidence.is_empty(),
        }
    }
}

/// One code of the classification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogEntry {
    /// The full code (`2010302`).
    pub code: String,
    /// The official name (full-width brackets as in the catalog).
    pub name: String,
    /// Which classification.
    pub domain: Domain,
    /// 类/款/项.
    pub level: Level,
    /// The parent code (none for a 类).
    pub parent: Option<String>,
    /// Edition year of the row.
    pub edition_year: u16,
    /// Where the row comes from.
    pub provenance: Provenance,
    /// True when a published document backs the row.
    pub verified: bool,
}

/// Why an alias exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AliasKind {
    /// A name the code had in an earlier edition.
    HistoricName,
    /// A wording commonly used in tables.
    CommonVariant,
    /// A wording seen only in unofficial material.
    UnofficialVariant,
    /// Anything else the file states.
    Other,
}

/// Another name still seen in disclosures for a code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alias {
    /// The code the alias names.
    pub code: String,
    /// The alias.
    pub name: String,
    /// Which classification.
    pub domain: Domain,
    /// Why it exists.
    pub kind: AliasKind,
    /// The catalog's note.
    pub note: String,
}

/// Which units a 部门 → 政府 economic mapping row applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AppliesTo {
    /// 机关 (行政单位 and 参公 units): 501–504.
    Organ,
    /// 事业单位: 505/506.
    Institution,
    /// 通用: both.
    Common,
}

/// One row of the 部门经济分类 → 政府经济分类 correspondence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EconMapping {
    /// 部门预算支出经济分类 款.
    pub dept_code: String,
    /// 政府预算支出经济分类 款.
    pub gov_code: String,
    /// Which units it applies to.
    pub applies_to: AppliesTo,
    /// Where the row comes from.
    pub provenance: Provenance,
    /// True when documentary evidence backs the row.
    pub verified: bool,
}

/// How a printed name compares with the catalog's name for a code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "match", rename_all = "snake_case")]
pub enum NameMatch {
    /// Identical to the catalog name.
    Exact,
    /// Identical after normalising brackets, quotes, whitespace and line-wrap breaks.
    Normalized,
    /// A known alias (an old or variant name) of the code.
    Alias {
        /// The current official name.
        current: String,
        /// Why the alias exists.
        kind: AliasKind,
    },
    /// Different from the catalog name.
    Mismatch {
        /// The catalog's name.
        expected: String,
        /// Whether the catalog row is verified (if not, a mismatch is a hint at most).
        verified: bool,
    },
    /// The code is not in the catalog: nothing was checked.
    UnknownCode,
}

impl NameMatch {
    /// True for [`NameMatch::Exact`] and [`NameMatch::Normalized`].
    #[must_use]
    pub fn is_match(&self) -> bool {
        matches!(self, NameMatch::Exact | NameMatch::Normalized)
    }
}

/// The classification catalog.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    entries: Vec<CatalogEntry>,
    by_code: HashMap<String, usize>,
    children: HashMap<String, Vec<usize>>,
    /// Entries by normalised name (of every domain: a lookup filters by domain).
    by_name: HashMap<String, Vec<usize>>,
    aliases: Vec<Alias>,
    aliases_by_code: HashMap<String, Vec<usize>>,
    /// Aliases by normalised name (of every domain).
    aliases_by_name: HashMap<String, Vec<usize>>,
    mappings: Vec<EconMapping>,
    mappings_by_dept: HashMap<String, Vec<usize>>,
    edition: u16,
}

static BUILTIN: OnceLock<Catalog> = OnceLock::new();

const BUILTIN_FILES: [(Domain, &str); 4] = [
    (
        Domain::Functional,
        include_str!("../data/catalog/functional.tsv"),
    ),
    (
        Domain::EconomicDept,
        include_str!("../data/catalog/econ_dept.tsv"),
    ),
    (
        Domain::EconomicGov,
        include_str!("../data/catalog/econ_gov.tsv"),
    ),
    (Domain::Income, include_str!("../data/catalog/income.tsv")),
];
const BUILTIN_MAPPING: &str = include_str!("../data/catalog/econ_mapping.tsv");
const BUILTIN_ALIASES: &str = include_str!("../data/catalog/aliases.tsv");

impl Catalog {
    /// The embedded 2025 catalog (built on first use, then shared).
    #[must_use]
    pub fn builtin() -> &'static Catalog {
        BUILTIN.get_or_init(|| {
            let mut b = CatalogBuilder::new();
            let mut ok = true;
            for (domain, text) in BUILTIN_FILES {
                ok &= b.codes(domain, text).is_ok();
            }
            ok &= b.mapping(BUILTIN_MAPPING).is_ok();
            ok &= b.aliases(BUILTIN_ALIASES).is_ok();
            // The embedded files are tested; a failure here would be a build defect, and an
            // empty catalog only makes every code "unknown" (insufficient data), never wrong.
            debug_assert!(ok, "embedded catalog failed to load");
            b.build()
        })
    }

    /// The catalog's edition year (the latest edition year of its rows).
    #[must_use]
    pub fn edition(&self) -> u16 {
        self.edition
    }

    /// Number of codes.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the catalog holds no code.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry for a full code; the domain follows from the code's shape.
    #[must_use]
    pub fn lookup(&self, code: &str) -> Option<&CatalogEntry> {
        self.by_code.get(code).and_then(|&i| self.entries.get(i))
    }

    /// The parent entry of a code.
    #[must_use]
    pub fn parent(&self, code: &str) -> Option<&CatalogEntry> {
        self.lookup(code)?
            .parent
            .as_deref()
            .and_then(|p| self.lookup(p))
    }

    /// The children of a code, in catalog order.
    ///
    /// # Examples
    ///
    /// ```
    /// let c = yusuan::catalog::Catalog::builtin();
    /// assert!(c.children("221").iter().any(|e| e.code == "22102"));
    /// ```
    #[must_use]
    pub fn children(&self, code: &str) -> Vec<&CatalogEntry> {
        self.children
            .get(code)
            .map(|v| v.iter().filter_map(|&i| self.entries.get(i)).collect())
            .unwrap_or_default()
    }

    /// Every entry, in load order.
    pub fn entries(&self) -> impl Iterator<Item = &CatalogEntry> {
        self.entries.iter()
    }

    /// The aliases recorded for a code.
    #[must_use]
    pub fn aliases(&self, code: &str) -> Vec<&Alias> {
        self.aliases_by_code
            .get(code)
            .map(|v| v.iter().filter_map(|&i| self.aliases.get(i)).collect())
            .unwrap_or_default()
    }

    /// The 政府经济分类 codes a 部门经济分类 款 maps to (one per unit type where they differ).
    ///
    /// # Examples
    ///
    /// ```
    /// let c = yusuan::catalog::Catalog::builtin();
    /// assert!(c.econ_mapping("30113").iter().any(|m| m.gov_code == "50103"));
    /// ```
    #[must_use]
    pub fn econ_mapping(&self, dept_code: &str) -> Vec<&EconMapping> {
        self.mappings_by_dept
            .get(dept_code)
            .map(|v| v.iter().filter_map(|&i| self.mappings.get(i)).collect())
            .unwrap_or_default()
    }

    /// Compares a printed name with the catalog's name for `code`.
    #[must_use]
    pub fn name_matches(&self, code: &str, printed: &str) -> NameMatch {
        let Some(entry) = self.lookup(code) else {
            return NameMatch::UnknownCode;
        };
        if entry.name == printed {
            return NameMatch::Exact;
        }
        let norm = normalize_name(printed);
        if normalize_name(&entry.name) == norm {
            return NameMatch::Normalized;
        }
        for alias in self.aliases(code) {
            if normalize_name(&alias.name) == norm {
                return NameMatch::Alias {
                    current: entry.name.clone(),
                    kind: alias.kind,
                };
            }
        }
        NameMatch::Mismatch {
            expected: entry.name.clone(),
            verified: entry.verified,
        }
    }

    /// Entries of `domain` at `level` whose name (or an alias) equals `printed` after
    /// normalisation: used to key summary-table rows printed by name only (`七、社会保障和就业支出`).
    /// The flag says whether the name matched through an alias.
    ///
    /// # Examples
    ///
    /// ```
    /// use yusuan::catalog::{Catalog, Domain, Level};
    /// let c = Catalog::builtin();
    /// let (e, via_alias) = c.find_by_name(Domain::Functional, Level::Class, "医疗卫生与计划生育支出").unwrap();
    /// assert_eq!((e.code.as_str(), via_alias), ("210", true));
    /// ```
    #[must_use]
    pub fn find_by_name(
        &self,
        domain: Domain,
        level: Level,
        printed: &str,
    ) -> Option<(&CatalogEntry, bool)> {
        let norm = crate::text::normal_form(printed);
        let key: &str = &norm;
        if let Some(hit) = self
            .by_name
            .get(key)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.entries.get(i))
            .find(|e| e.domain == domain && e.level == level)
        {
            return Some((hit, false));
        }
        self.aliases_by_name
            .get(key)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.aliases.get(i))
            .filter(|a| a.domain == domain)
            .filter_map(|a| self.lookup(&a.code))
            .find(|e| e.level == level)
            .map(|e| (e, true))
    }
}

/// Builds a [`Catalog`] from TSV texts in the format of `core/data/catalog` (one header row;
/// tab-separated; see that folder's README).
///
/// # Examples
///
/// ```
/// use yusuan::catalog::{CatalogBuilder, Domain};
/// let mut b = CatalogBuilder::new();
/// b.codes(Domain::Functional, "code\tname\tlevel\tparent\tedition_year\tsource\n\
///     201\t一般公共服务支出\t类\t\t2026\tV25;recall=H\n").unwrap();
/// let catalog = b.build();
/// assert_eq!(catalog.lookup("201").unwrap().edition_year, 2026);
/// assert!(b.codes(Domain::Functional, "code\tname\n2x1\tbad\n").is_err());
/// ```
#[derive(Debug, Default)]
pub struct CatalogBuilder {
    catalog: Catalog,
}

impl CatalogBuilder {
    /// An empty builder.
    #[must_use]
    pub fn new() -> CatalogBuilder {
        CatalogBuilder::default()
    }

    /// Adds the codes of one domain (`code, name, level, parent, edition_year, source`).
    pub fn codes(&mut self, domain: Domain, tsv: &str) -> Result<&mut Self> {
        let file = domain.file_name();
        for (line_no, fields) in tsv_rows(tsv) {
            let bad = |reason: &str| Error::InvalidCatalog {
                file: file.to_owned(),
                line: line_no,
                reason: reason.to_owned(),
            };
            let code = field(&fields, 0);
            let name = field(&fields, 1);
            if Domain::of_code(code) != Some(domain) {
                return Err(bad(&format!(
                    "`{code}` is not a code of this classification"
                )));
            }
            if name.is_empty() {
                return Err(bad("the name is empty"));
            }
            let level = match field(&fields, 2) {
                "" => Level::of_code(code),
                l => Level::from_cn(l),
            }
            .ok_or_else(|| bad("the level is not 类, 款 or 项"))?;
            if Level::of_code(code) != Some(level) {
                return Err(bad(&format!(
                    "the level {level} does not fit the code `{code}`"
                )));
            }
            let parent = match field(&fields, 3) {
                "" if level == Level::Class => None,
                "" => code.get(..code.len() - 2).map(str::to_owned),
                p if code.starts_with(p) && p.len() + 2 == code.len() => Some(p.to_owned()),
                p => return Err(bad(&format!("parent `{p}` is not the prefix of `{code}`"))),
            };
            let edition_year = match field(&fields, 4) {
                "" => 0,
                y => y
                    .parse()
                    .map_err(|_| bad(&format!("edition year `{y}` is not a year")))?,
            };
            let provenance = Provenance::parse(field(&fields, 5));
            let verified = provenance.verified();
            self.push(CatalogEntry {
                code: code.to_owned(),
                name: name.to_owned(),
                domain,
                level,
                parent,
                edition_year,
                provenance,
                verified,
            });
        }
        Ok(self)
    }

    /// Adds 部门 → 政府 economic mapping rows (`dept_code, gov_code, source, applies_to, …`).
    pub fn mapping(&mut self, tsv: &str) -> Result<&mut Self> {
        for (line_no, fields) in tsv_rows(tsv) {
            let bad = |reason: String| Error::InvalidCatalog {
                file: "econ_mapping.tsv".to_owned(),
                line: line_no,
                reason,
            };
            let dept = field(&fields, 0);
            let gov = field(&fields, 1);
            if Domain::of_code(dept) != Some(Domain::EconomicDept) {
                return Err(bad(format!("`{dept}` is not a 部门经济分类 code")));
            }
            if Domain::of_code(gov) != Some(Domain::EconomicGov) {
                return Err(bad(format!("`{gov}` is not a 政府经济分类 code")));
            }
            let applies_to = match field(&fields, 3) {
                "机关" => AppliesTo::Organ,
                "事业单位" => AppliesTo::Institution,
                "通用" | "" => AppliesTo::Common,
                other => return Err(bad(format!("unknown applies_to `{other}`"))),
            };
            let provenance = Provenance::parse(field(&fields, 2));
            let verified = provenance.evidence.iter().any(|e| !e.is_empty());
            let idx = self.catalog.mappings.len();
            self.catalog
                .mappings_by_dept
                .entry(dept.to_owned())
                .or_default()
                .push(idx);
            self.catalog.mappings.push(EconMapping {
                dept_code: dept.to_owned(),
                gov_code: gov.to_owned(),
                applies_to,
                provenance,
                verified,
            });
        }
        Ok(self)
    }

    /// Adds aliases (`code, alias_name, table, kind, note, source`).
    pub fn aliases(&mut self, tsv: &str) -> Result<&mut Self> {
        for (line_no, fields) in tsv_rows(tsv) {
            let code = field(&fields, 0);
            let Some(domain) = Domain::of_code(code) else {
                return Err(Error::InvalidCatalog {
                    file: "aliases.tsv".to_owned(),
                    line: line_no,
                    reason: format!("`{code}` is not a code"),
                });
            };
            let name = field(&fields, 1);
            let kind = match field(&fields, 3) {
                "historic_name" => AliasKind::HistoricName,
                "common_variant" => AliasKind::CommonVariant,
                "unofficial_variant" => AliasKind::UnofficialVariant,
                _ => AliasKind::Other,
            };
            let idx = self.catalog.aliases.len();
            let c = &mut self.catalog;
            c.aliases_by_code
                .entry(code.to_owned())
                .or_default()
                .push(idx);
            c.aliases_by_name
                .entry(normalize_name(name))
                .or_default()
                .push(idx);
            c.aliases.push(Alias {
                code: code.to_owned(),
                name: name.to_owned(),
                domain,
                kind,
                note: field(&fields, 4).to_owned(),
            });
        }
        Ok(self)
    }

    fn push(&mut self, entry: CatalogEntry) {
        let c = &mut self.catalog;
        let idx = c.entries.len();
        c.edition = c.edition.max(entry.edition_year);
        if let Some(p) = &entry.parent {
            c.children.entry(p.clone()).or_default().push(idx);
        }
        c.by_name
            .entry(normalize_name(&entry.name))
            .or_default()
            .push(idx);
        // A later file replaces an earlier row for the same code.
        c.by_code.insert(entry.code.clone(), idx);
        c.entries.push(entry);
    }

    /// The finished catalog.
    #[must_use]
    pub fn build(&mut self) -> Catalog {
        std::mem::take(&mut self.catalog)
    }
}

fn field<'a>(fields: &[&'a str], i: usize) -> &'a str {
    fields.get(i).copied().unwrap_or("").trim()
}

/// Data rows of a TSV text with their 1-based line numbers; skips the header and blank lines.
fn tsv_rows(tsv: &str) -> impl Iterator<Item = (u32, Vec<&str>)> {
    tsv.lines()
        .enumerate()
        .skip(1)
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            (
                u32::try_from(i + 1).unwrap_or(u32::MAX),
                l.split('\t').collect(),
            )
        })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_found_in_its_own_domain() {
        let mut b = CatalogBuilder::new();
        b.codes(
            Domain::Functional,
            "code\tname\tlevel\tparent\tedition_year\tsource\n201\t其他 支出\t类\t\t2026\tx\n",
        )
        .unwrap();
        b.codes(
            Domain::EconomicDept,
            "code\tname\tlevel\tparent\tedition_year\tsource\n399\t其他支出\t类\t\t2026\tx\n",
        )
        .unwrap();
        b.aliases(
            "code\talias_name\ttable\tkind\tnote\tsource\n399\t别的支出\t\tcommon_variant\t\tx\n",
        )
        .unwrap();
        let c = b.build();
        let code = |d, name| {
            c.find_by_name(d, Level::Class, name)
                .map(|(e, alias)| (e.code.as_str(), alias))
        };
        assert_eq!(code(Domain::Functional, "其他支出"), Some(("201", false)));
        assert_eq!(
            code(Domain::EconomicDept, "其他 支出"),
            Some(("399", false))
        );
        assert_eq!(code(Domain::EconomicDept, "别的支出"), Some(("399", true)));
        assert_eq!(code(Domain::Functional, "别的支出"), None);
        assert_eq!(code(Domain::Income, "其他支出"), None);
    }

    #[test]
    fn builtin_loads_every_file() {
        let c = Catalog::builtin();
        assert_eq!(
            c.entries()
                .filter(|e| e.domain == Domain::Functional)
                .count(),
            1624
        );
        assert_eq!(
            c.entries()
                .filter(|e| e.domain == Domain::EconomicDept)
                .count(),
            110
        );
        assert_eq!(
            c.entries()
                .filter(|e| e.domain == Domain::EconomicGov)
                .count(),
            80
        );
        assert_eq!(
            c.entries().filter(|e| e.domain == Domain::Income).count(),
            48
        );
        assert_eq!(c.mappings.len(), 167);
        assert_eq!(c.aliases.len(), 16);
        assert_eq!(c.edition(), 2025);
        // every parent exists
        for e in c.entries() {
            if let Some(p) = &e.parent {
                assert!(c.lookup(p).is_some(), "{} has missing parent {p}", e.code);
            }
        }
    }

    #[test]
    fn verified_flags() {
        let c = Catalog::builtin();
        assert!(c.lookup("30101").unwrap().verified);
        assert!(!c.lookup("2010101").unwrap().verified);
        assert_eq!(
            c.lookup("30101").unwrap().provenance.basis,
            Some(Basis::V25)
        );
    }

    #[test]
    fn name_matching() {
        let c = Catalog::builtin();
        assert_eq!(c.name_matches("201", "一般公共服务支出"), NameMatch::Exact);
        assert_eq!(
            c.name_matches("30212", "因公出国(境)费用"),
            NameMatch::Normalized
        );
        assert!(matches!(
            c.name_matches("30212", "因公出国（境）费"),
            NameMatch::Alias {
                kind: AliasKind::CommonVariant,
                ..
            }
        ));
        assert!(matches!(
            c.name_matches("201", "外交支出"),
            NameMatch::Mismatch { verified: true, .. }
        ));
        assert_eq!(c.name_matches("2999999", "x"), NameMatch::UnknownCode);
    }

    #[test]
    fn bad_tsv_is_an_error_with_line() {
        let mut b = CatalogBuilder::new();
        let err = b
            .codes(
                Domain::Functional,
                "h\n201\tx\t类\t\t2025\tR\n20101\ty\t项\t201\t2025\tR\n",
            )
            .unwrap_err();
        assert_eq!(err.code(), "invalid_catalog");
        assert_eq!(err.line(), Some(3));
        let err = b.mapping("h\n30101\t40101\tR\t机关\n").unwrap_err();
        assert_eq!(err.line(), Some(2));
    }
}
