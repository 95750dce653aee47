//! The typed model of a disclosure: metadata, tables with named columns and rows keyed by
//! classification code, narrative sections, 绩效目标表 and 名词解释. Every cell and every section
//! keeps its 1-based source line so that findings can point at it.
//!
//! The model round-trips through serde (JSON), so a parsed document can be stored and reloaded.

use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::amount::{Amount, CellValue, Unit};

mod text;
pub use text::Text;

/// 预算 or 决算.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    /// 预算: a budget.
    Budget,
    /// 决算: final accounts.
    FinalAccounts,
}

/// 部门 (a department with its subordinate units) or 单位 (one unit).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocLevel {
    /// 部门.
    Department,
    /// 单位.
    Unit,
}

/// The key a table is known by: one of the twelve tables of the standard formats (`T01` …
/// `T12`, see [`crate::template`]), or a key that a template of its own defines.
///
/// It prints, serializes and compares as its text, so `table.key == "T05"` and
/// `doc.table(&TableKey::T05)` both work, and a report shows `"T05"`.
///
/// # Examples
///
/// ```
/// use yusuan::TableKey;
/// assert_eq!(TableKey::from("T05"), TableKey::T05);
/// assert_eq!(TableKey::T05.as_str(), "T05");
/// assert!(TableKey::T05 == "T05");
/// let own = TableKey::from("附表1");
/// assert!(!own.is_standard());
/// assert_eq!(own.to_string(), "附表1");
/// assert_eq!(serde_json::to_string(&TableKey::T12).unwrap(), r#""T12""#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TableKey {
    /// 收支总表: income and expenditure overall.
    T01,
    /// 收入总表: income overall.
    T02,
    /// 支出总表: expenditure overall.
    T03,
    /// 财政拨款收支总表: fiscal grants, income and expenditure.
    T04,
    /// 一般公共预算支出表: general public budget expenditure, by function.
    T05,
    /// 一般公共预算基本支出表: its basic expenditure, by economic class.
    T06,
    /// 一般公共预算“三公”经费支出表 (with 机关运行经费 in some templates).
    T07,
    /// 政府性基金预算支出表: government fund budget expenditure.
    T08,
    /// 国有资本经营预算支出表: state capital operation budget expenditure.
    T09,
    /// 基本支出预算表: basic expenditure (national 12-table template).
    T10,
    /// 项目支出预算表: project expenditure (national 12-table template).
    T11,
    /// 政府采购预算表: government procurement (national 12-table template).
    T12,
    /// A key a template of its own defines.
    Other(Box<str>),
}

impl TableKey {
    /// The twelve standard keys, in order.
    pub const STANDARD: [TableKey; 12] = [
        TableKey::T01,
        TableKey::T02,
        TableKey::T03,
        TableKey::T04,
        TableKey::T05,
        TableKey::T06,
        TableKey::T07,
        TableKey::T08,
        TableKey::T09,
        TableKey::T10,
        TableKey::T11,
        TableKey::T12,
    ];

    /// The key as text (`"T05"`).
    #[must_use]
    pub fn as_str(&self) -> &str {
        match self {
            TableKey::T01 => "T01",
            TableKey::T02 => "T02",
            TableKey::T03 => "T03",
            TableKey::T04 => "T04",
            TableKey::T05 => "T05",
            TableKey::T06 => "T06",
            TableKey::T07 => "T07",
            TableKey::T08 => "T08",
            TableKey::T09 => "T09",
            TableKey::T10 => "T10",
            TableKey::T11 => "T11",
            TableKey::T12 => "T12",
            TableKey::Other(key) => key,
        }
    }

    /// Whether it is one of the twelve standard keys.
    #[must_use]
    pub fn is_standard(&self) -> bool {
        !matches!(self, TableKey::Other(_))
    }

    /// The standard key spelled `text`, for the rule catalogue's constants: a key that is not
    /// standard fails to compile there (`const { … }`).
    pub(crate) const fn known(text: &str) -> TableKey {
        match text.as_bytes() {
            b"T01" => TableKey::T01,
            b"T02" => TableKey::T02,
            b"T03" => TableKey::T03,
            b"T04" => TableKey::T04,
            b"T05" => TableKey::T05,
            b"T06" => TableKey::T06,
            b"T07" => TableKey::T07,
            b"T08" => TableKey::T08,
            b"T09" => TableKey::T09,
            b"T10" => TableKey::T10,
            b"T11" => TableKey::T11,
            b"T12" => TableKey::T12,
            #[allow(clippy::panic)]
            _ => panic!("not a standard table key"),
        }
    }

    /// The standard key spelled `text`, if it is one.
    #[must_use]
    pub fn standard(text: &str) -> Option<TableKey> {
        TableKey::STANDARD.into_iter().find(|k| k.as_str() == text)
    }
}

impl From<&str> for TableKey {
    fn from(text: &str) -> TableKey {
        TableKey::standard(text).unwrap_or_else(|| TableKey::Other(text.into()))
    }
}

impl From<String> for TableKey {
    fn from(text: String) -> TableKey {
        TableKey::standard(&text).unwrap_or_else(|| TableKey::Other(text.into_boxed_str()))
    }
}

impl From<&TableKey> for TableKey {
    fn from(key: &TableKey) -> TableKey {
        key.clone()
    }
}

impl From<TableKey> for String {
    fn from(key: TableKey) -> String {
        key.as_str().to_owned()
    }
}

impl From<&TableKey> for String {
    fn from(key: &TableKey) -> String {
        key.as_str().to_owned()
    }
}

impl std::str::FromStr for TableKey {
    type Err = std::convert::Infallible;
    fn from_str(text: &str) -> Result<TableKey, Self::Err> {
        Ok(TableKey::from(text))
    }
}

impl std::ops::Deref for TableKey {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for TableKey {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Display for TableKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<str> for TableKey {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for TableKey {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for TableKey {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<TableKey> for str {
    fn eq(&self, other: &TableKey) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<TableKey> for String {
    fn eq(&self, other: &TableKey) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<TableKey> for &str {
    fn eq(&self, other: &TableKey) -> bool {
        *self == other.as_str()
    }
}

impl Serialize for TableKey {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for TableKey {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<TableKey, D::Error> {
        Ok(TableKey::from(String::deserialize(deserializer)?))
    }
}

/// What the document says about itself.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DocumentMeta {
    /// The publishing body (部门/单位 name).
    pub unit: Option<String>,
    /// The budget year.
    pub year: Option<u16>,
    /// 预算 or 决算.
    pub kind: Option<DocKind>,
    /// 部门 or 单位.
    pub level: Option<DocLevel>,
    /// The unit most tables are in.
    pub amount_unit: Option<Unit>,
    /// Name of the template the document was read with.
    #[serde(alias = "layout")]
    pub template: String,
    /// The table keys that template defines (`T01` …); rules about other tables do not apply.
    #[serde(
        default,
        alias = "layout_tables",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub template_tables: Vec<TableKey>,
    /// The cover title line, as printed.
    pub title: Option<String>,
}

impl DocumentMeta {
    /// The template name of a document read for its narrative only (`narrative_only`): no
    /// table was read, by choice.
    pub const NARRATIVE_ONLY: &'static str = "narrative";

    /// True when only the narrative was read (so rules about tables do not apply).
    ///
    /// # Examples
    ///
    /// ```
    /// let text = "二、“三公”经费\n“三公”经费预算共10万元。\n";
    /// let doc = yusuan::Parser::new().parse_narrative(text).unwrap();
    /// assert!(doc.meta.is_narrative_only());
    /// # let seed = include_str!("../../tests/corpus/seed_2025_yantai_unit_budget.txt");
    /// assert!(!yusuan::parse(seed).unwrap().meta.is_narrative_only());
    /// ```
    #[must_use]
    pub fn is_narrative_only(&self) -> bool {
        self.template == Self::NARRATIVE_ONLY
    }
}

/// A 1-based, inclusive span of source lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct LineSpan {
    /// First line.
    pub start: u32,
    /// Last line.
    pub end: u32,
}

/// The kind of a table, which decides how its rows are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TableKind {
    /// Two-sided 收/支 summary (T01, T04): labelled rows on an income and an expenditure side.
    Summary,
    /// Rows keyed by 支出功能分类 code (类/款/项).
    Functional,
    /// Rows keyed by 经济分类 code (类/款), optionally with the 政府经济分类 pair.
    Economic,
    /// One row per project (T11).
    Projects,
    /// The "三公" table: one row, meaning in the columns.
    SanGong,
}

/// The side of a two-sided summary table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// 收入.
    Income,
    /// 支出.
    Expenditure,
}

/// Budget or actual, for columns of 决算 tables that print both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// 预算数.
    Budget,
    /// 决算数 / 执行数.
    Actual,
    /// The change against the prior year (`增减变化`, `比上年增减`).
    Change,
}

/// What an amount column means, named from its header words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ColumnKey {
    /// The single amount column of a side (预算数, 决算数, 金额).
    Amount,
    /// 合计 / 总计 / 小计 of the whole row.
    Total,
    /// 财政拨款 (小计).
    FiscalGrant,
    /// 一般公共预算.
    GeneralPublic,
    /// 政府性基金预算.
    GovFund,
    /// 国有资本经营预算.
    StateCapital,
    /// 财政专户管理资金.
    SpecialAccount,
    /// 单位资金.
    UnitFunds,
    /// 事业收入.
    BusinessIncome,
    /// 事业单位经营收入 / 经营收入.
    OperatingIncome,
    /// 其他收入.
    OtherIncome,
    /// 上级补助收入.
    SuperiorSubsidy,
    /// 附属单位上缴收入.
    AffiliatedRemit,
    /// 使用非财政拨款结余.
    NonFiscalBalance,
    /// 上年结转 / 年初结转和结余.
    CarryForward,
    /// 结转下年 / 年末结转和结余.
    CarryOver,
    /// 基本支出 (小计).
    Basic,
    /// 人员经费 / 人员支出.
    Personnel,
    /// 公用经费 / 日常公用支出.
    Public,
    /// 项目支出.
    Project,
    /// 上缴上级支出.
    RemitToSuperior,
    /// 事业单位经营支出 / 经营支出.
    OperatingExpense,
    /// 对附属单位补助支出.
    SubsidyToAffiliates,
    /// "三公"经费合计.
    SanGongTotal,
    /// 因公出国（境）费.
    Abroad,
    /// 公务用车购置及运行费 (小计).
    VehicleTotal,
    /// 公务用车购置费.
    VehiclePurchase,
    /// 公务用车运行（维护）费.
    VehicleOperation,
    /// 公务接待费.
    Reception,
    /// 机关运行经费.
    OperatingCosts,
    /// 政府采购 货物.
    Goods,
    /// 政府采购 工程.
    Works,
    /// 政府采购 服务.
    Services,
}

impl ColumnKey {
    /// The `snake_case` name used in JSON and reports.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            ColumnKey::Amount => "amount",
            ColumnKey::Total => "total",
            ColumnKey::FiscalGrant => "fiscal_grant",
            ColumnKey::GeneralPublic => "general_public",
            ColumnKey::GovFund => "gov_fund",
            ColumnKey::StateCapital => "state_capital",
            ColumnKey::SpecialAccount => "special_account",
            ColumnKey::UnitFunds => "unit_funds",
            ColumnKey::BusinessIncome => "business_income",
            ColumnKey::OperatingIncome => "operating_income",
            ColumnKey::OtherIncome => "other_income",
            ColumnKey::SuperiorSubsidy => "superior_subsidy",
            ColumnKey::AffiliatedRemit => "affiliated_remit",
            ColumnKey::NonFiscalBalance => "non_fiscal_balance",
            ColumnKey::CarryForward => "carry_forward",
            ColumnKey::CarryOver => "carry_over",
            ColumnKey::Basic => "basic",
            ColumnKey::Personnel => "personnel",
            ColumnKey::Public => "public",
            ColumnKey::Project => "project",
            ColumnKey::RemitToSuperior => "remit_to_superior",
            ColumnKey::OperatingExpense => "operating_expense",
            ColumnKey::SubsidyToAffiliates => "subsidy_to_affiliates",
            ColumnKey::SanGongTotal => "san_gong_total",
            ColumnKey::Abroad => "abroad",
            ColumnKey::VehicleTotal => "vehicle_total",
            ColumnKey::VehiclePurchase => "vehicle_purchase",
            ColumnKey::VehicleOperation => "vehicle_operation",
            ColumnKey::Reception => "reception",
            ColumnKey::OperatingCosts => "operating_costs",
            ColumnKey::Goods => "goods",
            ColumnKey::Works => "works",
            ColumnKey::Services => "services",
        }
    }

    /// The Chinese column name used in messages.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            ColumnKey::Amount => "金额",
            ColumnKey::Total => "合计",
            ColumnKey::FiscalGrant => "财政拨款",
            ColumnKey::GeneralPublic => "一般公共预算",
            ColumnKey::GovFund => "政府性基金预算",
            ColumnKey::StateCapital => "国有资本经营预算",
            ColumnKey::SpecialAccount => "财政专户管理资金",
            ColumnKey::UnitFunds => "单位资金",
            ColumnKey::BusinessIncome => "事业收入",
            ColumnKey::OperatingIncome => "事业单位经营收入",
            ColumnKey::OtherIncome => "其他收入",
            ColumnKey::SuperiorSubsidy => "上级补助收入",
            ColumnKey::AffiliatedRemit => "附属单位上缴收入",
            ColumnKey::NonFiscalBalance => "使用非财政拨款结余",
            ColumnKey::CarryForward => "上年结转",
            ColumnKey::CarryOver => "结转下年",
            ColumnKey::Basic => "基本支出",
            ColumnKey::Personnel => "人员经费",
            ColumnKey::Public => "公用经费",
            ColumnKey::Project => "项目支出",
            ColumnKey::RemitToSuperior => "上缴上级支出",
            ColumnKey::OperatingExpense => "事业单位经营支出",
            ColumnKey::SubsidyToAffiliates => "对附属单位补助支出",
            ColumnKey::SanGongTotal => "“三公”经费合计",
            ColumnKey::Abroad => "因公出国（境）费",
            ColumnKey::VehicleTotal => "公务用车购置及运行费",
            ColumnKey::VehiclePurchase => "公务用车购置费",
            ColumnKey::VehicleOperation => "公务用车运行费",
            ColumnKey::Reception => "公务接待费",
            ColumnKey::OperatingCosts => "机关运行经费",
            ColumnKey::Goods => "货物",
            ColumnKey::Works => "工程",
            ColumnKey::Services => "服务",
        }
    }
}

impl fmt::Display for ColumnKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A labelled line of a summary table (T01, T04), recognised from its printed label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum LineItem {
    /// 一、财政拨款收入.
    FiscalGrant,
    /// 一般公共预算（拨款）收入.
    GeneralPublic,
    /// 政府性基金预算（拨款）收入.
    GovFund,
    /// 国有资本经营预算（拨款）收入.
    StateCapital,
    /// 财政专户管理资金收入.
    SpecialAccount,
    /// 事业收入.
    BusinessIncome,
    /// 事业单位经营收入.
    OperatingIncome,
    /// 其他收入.
    OtherIncome,
    /// 上级补助收入.
    SuperiorSubsidy,
    /// 附属单位上缴收入.
    AffiliatedRemit,
    /// 使用非财政拨款结余.
    NonFiscalBalance,
    /// 用事业基金弥补收支差额.
    BusinessFundMakeup,
    /// 本年收入合计.
    IncomeSubtotal,
    /// 上年结转 / 年初结转和结余.
    CarryForward,
    /// 收入总计.
    IncomeTotal,
    /// 本年支出合计.
    ExpenditureSubtotal,
    /// 对附属单位的补助支出.
    SubsidyToAffiliates,
    /// 上缴上级支出.
    RemitToSuperior,
    /// 事业单位经营支出.
    OperatingExpense,
    /// 结余分配.
    SurplusDistribution,
    /// 结转下年 / 年末结转和结余.
    CarryOver,
    /// 支出总计.
    ExpenditureTotal,
    /// 人员经费合计: the total of the personnel lane of a two-lane economic table.
    PersonnelTotal,
    /// 公用经费合计: the total of the public-expenditure lane of a two-lane economic table.
    PublicTotal,
}

impl LineItem {
    /// The `snake_case` name used in JSON and reports.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            LineItem::FiscalGrant => "fiscal_grant",
            LineItem::GeneralPublic => "general_public",
            LineItem::GovFund => "gov_fund",
            LineItem::StateCapital => "state_capital",
            LineItem::SpecialAccount => "special_account",
            LineItem::BusinessIncome => "business_income",
            LineItem::OperatingIncome => "operating_income",
            LineItem::OtherIncome => "other_income",
            LineItem::SuperiorSubsidy => "superior_subsidy",
            LineItem::AffiliatedRemit => "affiliated_remit",
            LineItem::NonFiscalBalance => "non_fiscal_balance",
            LineItem::BusinessFundMakeup => "business_fund_makeup",
            LineItem::IncomeSubtotal => "income_subtotal",
            LineItem::CarryForward => "carry_forward",
            LineItem::IncomeTotal => "income_total",
            LineItem::ExpenditureSubtotal => "expenditure_subtotal",
            LineItem::SubsidyToAffiliates => "subsidy_to_affiliates",
            LineItem::RemitToSuperior => "remit_to_superior",
            LineItem::OperatingExpense => "operating_expense",
            LineItem::SurplusDistribution => "surplus_distribution",
            LineItem::CarryOver => "carry_over",
            LineItem::ExpenditureTotal => "expenditure_total",
            LineItem::PersonnelTotal => "personnel_total",
            LineItem::PublicTotal => "public_total",
        }
    }

    /// The side of the table the item belongs to.
    #[must_use]
    pub fn side(self) -> Side {
        match self {
            LineItem::ExpenditureSubtotal
            | LineItem::SubsidyToAffiliates
            | LineItem::RemitToSuperior
            | LineItem::OperatingExpense
            | LineItem::SurplusDistribution
            | LineItem::CarryOver
            | LineItem::ExpenditureTotal
            | LineItem::PersonnelTotal
            | LineItem::PublicTotal => Side::Expenditure,
            _ => Side::Income,
        }
    }
}

impl fmt::Display for LineItem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One amount column of a table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    /// What the column means; `None` when its header words are not known.
    pub key: Option<ColumnKey>,
    /// The header words from the top header row down, joined with `/`, whitespace removed.
    pub header: String,
    /// The lane (0 for one-lane tables; for two-sided tables the side's lane).
    pub lane: u8,
    /// The side, in two-sided summary tables.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side: Option<Side>,
    /// The year printed in the header (`2024年预算数`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    /// 预算数 or 决算数, where the header says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<Basis>,
    /// 0-based position of the column in the printed row.
    pub position: u16,
}

impl Column {
    /// The column's name as findings and their evidence print it in `column` (`合计`,
    /// `支出金额(预算数)`, `2025年公务接待费`): the key's Chinese label (the header words when the
    /// key is unknown), with side, year and basis where the column has them. Together with the
    /// table key and the cell's line it locates the cell a piece of evidence points at.
    ///
    /// # Examples
    ///
    /// ```
    /// # let text = include_str!("../../tests/corpus/seed_2025_yantai_unit_budget.txt");
    /// let doc = yusuan::parse(text).unwrap();
    /// let t05 = doc.table("T05").unwrap();
    /// assert_eq!(t05.columns[0].name(), "合计");
    /// ```
    #[must_use]
    pub fn name(&self) -> String {
        let name = match (self.key, self.side) {
            (Some(ColumnKey::Amount), Some(Side::Income)) => "收入金额".to_owned(),
            (Some(ColumnKey::Amount), Some(Side::Expenditure)) => "支出金额".to_owned(),
            (Some(key), _) => key.label().to_owned(),
            (None, _) => self.header.clone(),
        };
        let mut name = match self.year {
            Some(y) => format!("{y}年{name}"),
            None => name,
        };
        match self.basis {
            Some(Basis::Budget) => name.push_str("(预算数)"),
            Some(Basis::Actual) => name.push_str("(决算数)"),
            Some(Basis::Change) => name.push_str("(增减)"),
            None => {}
        }
        name
    }
}

/// One printed cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cell {
    /// Index into [`Table::columns`].
    pub column: u16,
    /// The cell exactly as printed.
    pub text: Text,
    /// What the printed text is.
    pub value: CellValue,
    /// A note printed inside the cell (`（注：…）`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// 1-based source line.
    pub line: u32,
    /// Where the cell is on its page, for sources that know (PDF).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bbox: Option<crate::source::BBox>,
}

/// A problem with a row's key (its code or label) noticed while reading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RowIssue {
    /// A code part is not digits of the right length (`2O1`, `7`).
    UnreadableCode {
        /// The code parts as printed, joined with `|`.
        printed: String,
    },
    /// A code part disagrees with the hierarchy around it; the full code was taken from the
    /// rows above (`7 | 11 | 02` under 类 210).
    CodeFromContext {
        /// The code parts as printed.
        printed: String,
        /// The code the hierarchy implies.
        inferred: String,
    },
    /// A part printed without its leading zero (`301 | 2`); read as the full code (`30102`).
    CodeNormalised {
        /// The code parts as printed, joined with `|`.
        printed: String,
        /// The full code read.
        code: String,
    },
}

/// One logical row of a table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    /// The full classification code (`2010302`, `30101`) where the row has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<Text>,
    /// The 政府预算支出经济分类 code paired with a 部门 economic code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gov_code: Option<Text>,
    /// The 政府经济分类 name printed beside `gov_code`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gov_name: Option<Text>,
    /// The recognised line of a summary table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<LineItem>,
    /// The printed name or label (科目名称, 项目, project name), whitespace as printed.
    pub label: Text,
    /// True for the 合计/总计 row of the table (or of its side).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub total: bool,
    /// Further text columns (项目类别 for projects).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<Text>,
    /// Lane of a multi-lane table.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub lane: u8,
    /// The side, in summary tables.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side: Option<Side>,
    /// The amount cells, each naming its column.
    pub cells: Vec<Cell>,
    /// Problems with the row's code.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub issues: Vec<RowIssue>,
    /// 1-based source line.
    pub line: u32,
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_zero(v: &u8) -> bool {
    *v == 0
}

impl Row {
    /// The key a report uses for this row: the code, the line item, `total`, the label, or
    /// `line<N>` for an unlabelled row.
    #[must_use]
    pub fn key(&self) -> String {
        if let Some(c) = &self.code {
            String::from(c)
        } else if let Some(i) = self.item {
            i.as_str().to_owned()
        } else if self.total {
            "total".to_owned()
        } else if self.label.trim().is_empty() {
            format!("line{}", self.line)
        } else {
            crate::text::compact(&self.label)
        }
    }

    /// The cell in column `index` of the table.
    #[must_use]
    pub fn cell_at(&self, index: usize) -> Option<&Cell> {
        // (a row read from a table holds its lane's cells in column order, one per column: the
        // cell is usually where its column says, found without walking the others)
        let first = usize::from(self.cells.first()?.column);
        if let Some(c) = index.checked_sub(first).and_then(|k| self.cells.get(k)) {
            if usize::from(c.column) == index {
                return Some(c);
            }
        }
        self.cells.iter().find(|c| usize::from(c.column) == index)
    }
}

/// A note printed with a table (`注：本单位无政府性基金预算…，故本表为空表。`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// The note's text.
    pub text: String,
    /// 1-based source line.
    pub line: u32,
}

/// A table of the disclosure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    /// The template's key for the table (`T01` … `T12`).
    pub key: TableKey,
    /// How rows are read.
    pub kind: TableKind,
    /// The title as printed (first occurrence).
    pub title: String,
    /// The unit stated for the table.
    pub unit: Option<Unit>,
    /// The amount columns.
    pub columns: Vec<Column>,
    /// The rows, in printed order (continuations stitched in).
    pub rows: Vec<Row>,
    /// A note printed under the table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Note>,
    /// Lines of the table, title to last row.
    pub lines: LineSpan,
    /// How many times the table was continued under a repeated title or header.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub continuations: u8,
    /// Tables of narrower scope whose rows this table holds too (from the template).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub covers: Vec<TableKey>,
}

impl Table {
    /// Index of the first column with `key` (in any lane).
    #[must_use]
    pub fn column_index(&self, key: ColumnKey) -> Option<usize> {
        self.columns.iter().position(|c| c.key == Some(key))
    }

    /// Index of the column with `key` in `lane`.
    #[must_use]
    pub fn column_in_lane(&self, key: ColumnKey, lane: u8) -> Option<usize> {
        self.columns
            .iter()
            .position(|c| c.key == Some(key) && c.lane == lane)
    }

    /// The cell of `row` in the column with `key` (in the row's lane).
    #[must_use]
    pub fn cell<'a>(&self, row: &'a Row, key: ColumnKey) -> Option<&'a Cell> {
        let idx = self.column_in_lane(key, row.lane)?;
        row.cell_at(idx)
    }

    /// The amount of `row` in the column with `key`, in the table's unit.
    #[must_use]
    pub fn amount(&self, row: &Row, key: ColumnKey) -> Option<Amount> {
        let value = self.cell(row, key)?.value.number()?;
        Some(Amount::new(value, self.unit.unwrap_or(Unit::Yuan)))
    }

    /// The value of `row` in the column with `key`; blank and dash cells count as zero, other
    /// cells (text, unreadable, absent) give `None`.
    #[must_use]
    pub fn value_or_zero(&self, row: &Row, key: ColumnKey) -> Option<Decimal> {
        let cell = self.cell(row, key)?;
        match &cell.value {
            CellValue::Amount(n) => Some(n.value),
            CellValue::Blank | CellValue::Dash => Some(Decimal::ZERO),
            _ => None,
        }
    }

    /// The first row with this full code.
    #[must_use]
    pub fn row_by_code(&self, code: &str) -> Option<&Row> {
        self.rows.iter().find(|r| r.code.as_deref() == Some(code))
    }

    /// The first row recognised as `item`.
    #[must_use]
    pub fn row_by_item(&self, item: LineItem) -> Option<&Row> {
        self.rows.iter().find(|r| r.item == Some(item))
    }

    /// The 合计 row (of lane 0 for multi-lane tables).
    #[must_use]
    pub fn total_row(&self) -> Option<&Row> {
        self.rows.iter().find(|r| r.total)
    }

    /// True when no row of the table prints an amount.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        !self
            .rows
            .iter()
            .flat_map(|r| &r.cells)
            .any(|c| matches!(c.value, CellValue::Amount(_)))
    }

    /// True for an empty table printed with its explanatory note.
    #[must_use]
    pub fn is_empty_with_note(&self) -> bool {
        self.is_empty() && self.note.is_some()
    }
}

/// The kind of a narrative section, recognised from its heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SectionKind {
    /// A 第X部分 heading.
    Part,
    /// 主要职责 / 主要职能.
    Duties,
    /// 机构设置.
    Organisation,
    /// 预算（收支）编制说明, 收支预算增减变化.
    BudgetOverview,
    /// "三公"经费.
    SanGong,
    /// 机关运行经费.
    OperatingCosts,
    /// 政府采购.
    Procurement,
    /// 国有资产.
    Assets,
    /// 绩效目标.
    Performance,
    /// 项目经费情况说明.
    Projects,
    /// 名词解释.
    Glossary,
    /// Any other section.
    Other,
}

/// A run of narrative text (one paragraph or list item; wrapped lines joined).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// The text; lines of a wrapped paragraph are joined without a separator.
    pub text: String,
    /// Lines the paragraph spans.
    pub lines: LineSpan,
    /// Byte offsets in `text` where each source line after the first begins.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub breaks: Vec<u32>,
}

impl Paragraph {
    /// The source lines the paragraph joins, with their line numbers.
    ///
    /// # Examples
    ///
    /// ```
    /// use yusuan::model::{LineSpan, Paragraph};
    /// let p = Paragraph { text: "收入预算12.5万元".into(), lines: LineSpan { start: 7, end: 8 }, breaks: vec![12] };
    /// let lines: Vec<(u32, &str)> = p.source_lines().collect();
    /// assert_eq!(lines, [(7, "收入预算"), (8, "12.5万元")]);
    /// ```
    pub fn source_lines(&self) -> impl Iterator<Item = (u32, &str)> + '_ {
        let ends = self
            .breaks
            .iter()
            .map(|&b| usize::try_from(b).unwrap_or(usize::MAX))
            .chain(std::iter::once(self.text.len()));
        let mut from = 0usize;
        ends.filter_map(move |end| {
            let start = from;
            from = end;
            self.text.get(start..end).map(|l| (self.line_of(start), l))
        })
    }

    /// The source line of byte offset `offset` of [`Paragraph::text`].
    #[must_use]
    pub fn line_of(&self, offset: usize) -> u32 {
        // `breaks` ascend: a binary search keeps long paragraphs linear to read
        let n = self
            .breaks
            .partition_point(|&b| usize::try_from(b).unwrap_or(usize::MAX) <= offset);
        self.lines.start + u32::try_from(n).unwrap_or(0)
    }
}

/// A narrative section: a heading and the paragraphs under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// What the section is about.
    pub kind: SectionKind,
    /// Heading level: 0 for 第X部分, 1 for 一、, 2 for （一）.
    pub level: u8,
    /// The heading as printed.
    pub title: String,
    /// Lines from the heading to the last line of the body.
    pub lines: LineSpan,
    /// The body.
    pub paragraphs: Vec<Paragraph>,
}

impl Section {
    /// The body as one string, paragraphs separated by newlines.
    #[must_use]
    pub fn text(&self) -> String {
        let mut s = String::new();
        for (i, p) in self.paragraphs.iter().enumerate() {
            if i > 0 {
                s.push('\n');
            }
            s.push_str(&p.text);
        }
        s
    }
}

/// A 名词解释 entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GlossaryEntry {
    /// The term.
    pub term: String,
    /// Its definition.
    pub definition: String,
    /// Source lines.
    pub lines: LineSpan,
}

/// Which figure a funding line of a 绩效目标表 states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FundLine {
    /// 年度预算资金总额 / 项目资金总额.
    Total,
    /// 其中：财政拨款 / 财政资金.
    Fiscal,
    /// 其他资金.
    Other,
    /// 年度资金申请总额.
    AnnualTotal,
    /// 其中：当年财政拨款.
    AnnualFiscal,
    /// 上年结转资金.
    CarryForward,
    /// 其他资金 of the annual side (年度资金申请 … 其他资金).
    AnnualOther,
    /// Another labelled amount.
    Unknown,
}

/// A labelled amount of a 绩效目标表.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Funding {
    /// Which figure.
    pub line: FundLine,
    /// The label as printed.
    pub label: String,
    /// The printed cell (column index is 0).
    pub cell: Cell,
}

/// One indicator row of a 绩效目标表.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Indicator {
    /// 一级指标 (产出指标, 效益指标, …), carried down from the row above when blank.
    pub level1: Text,
    /// 二级指标 (数量指标, 成本指标, …), carried down when blank.
    pub level2: Text,
    /// 三级指标: the indicator's name.
    pub name: Text,
    /// The printed target value (`≥90%`, `≤970.00万元`, `12月底前完成`).
    pub value: Text,
    /// 1-based source line.
    pub line: u32,
}

/// A project's 绩效目标表 (performance-target table).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PerformanceTable {
    /// 项目名称.
    pub project: String,
    /// The title the table was printed under.
    pub title: String,
    /// 主管部门 (as printed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// 实施单位.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub implementer: Option<String>,
    /// The unit of the funding amounts (from `项目资金（万元）`).
    pub unit: Option<Unit>,
    /// Funding lines.
    pub funding: Vec<Funding>,
    /// 总体目标 / 年度总体目标.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<String>,
    /// Indicator rows.
    pub indicators: Vec<Indicator>,
    /// Lines of the table (with its continuations).
    pub lines: LineSpan,
}

impl PerformanceTable {
    /// The amount of a funding line.
    #[must_use]
    pub fn funding_amount(&self, line: FundLine) -> Option<Amount> {
        let f = self.funding.iter().find(|f| f.line == line)?;
        Some(Amount::new(
            f.cell.value.number()?,
            self.unit.unwrap_or(Unit::Yuan),
        ))
    }
}

/// What a notice is about: a stable code for each kind of observation the sources and the
/// reader make.
///
/// # Examples
///
/// ```
/// use yusuan::NoticeCode;
/// assert_eq!(NoticeCode::DuplicateSection.as_str(), "duplicate_section");
/// assert_eq!(serde_json::to_string(&NoticeCode::EncodingDetected).unwrap(), "\"encoding_detected\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NoticeCode {
    /// The input was not UTF-8; it was decoded from the encoding named (GB18030, …).
    EncodingDetected,
    /// A PDF's cross-reference table was damaged and rebuilt by scanning its objects.
    PdfRepaired,
    /// A table was printed a second time; the first is used.
    DuplicateTable,
    /// A narrative section was printed a second time; it is read once.
    DuplicateSection,
    /// Rows past the header limit before a table's first data row were not read as header.
    HeaderRowsIgnored,
    /// Cells past the column limit were not read.
    TooManyColumns,
    /// Short rows were no longer padded with blank cells (the per-document budget is spent).
    PaddingLimit,
    /// A classification code could not be read, or was taken from the hierarchy around it.
    CodeIssue,
    /// A classification code printed in another form (without leading zeros, with spaces) was
    /// read as the full code.
    CodeNormalised,
    /// A row printed over two lines (a continuation page, a cut line) was merged into one.
    RowMerged,
    /// A label cell merged across the code columns was read as the row's label.
    LabelMerged,
    /// A header row printed again (on a continuation page) was skipped.
    RepeatedHeader,
    /// A short stray line inside a table (debris of the PDF text layer) was skipped.
    StrayLine,
    /// A cell could not be placed in a column with certainty; it is left unread.
    CellUnplaced,
    /// A table's column could not be named from its header words.
    UnknownColumn,
}

impl NoticeCode {
    /// The `snake_case` code.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            NoticeCode::EncodingDetected => "encoding_detected",
            NoticeCode::PdfRepaired => "pdf_repaired",
            NoticeCode::DuplicateTable => "duplicate_table",
            NoticeCode::DuplicateSection => "duplicate_section",
            NoticeCode::HeaderRowsIgnored => "header_rows_ignored",
            NoticeCode::TooManyColumns => "too_many_columns",
            NoticeCode::PaddingLimit => "padding_limit",
            NoticeCode::CodeIssue => "code_issue",
            NoticeCode::CodeNormalised => "code_normalised",
            NoticeCode::RowMerged => "row_merged",
            NoticeCode::LabelMerged => "label_merged",
            NoticeCode::RepeatedHeader => "repeated_header",
            NoticeCode::StrayLine => "stray_line",
            NoticeCode::CellUnplaced => "cell_unplaced",
            NoticeCode::UnknownColumn => "unknown_column",
        }
    }

    /// Every code, in declaration order.
    #[must_use]
    pub fn all() -> &'static [NoticeCode] {
        &[
            NoticeCode::EncodingDetected,
            NoticeCode::PdfRepaired,
            NoticeCode::DuplicateTable,
            NoticeCode::DuplicateSection,
            NoticeCode::HeaderRowsIgnored,
            NoticeCode::TooManyColumns,
            NoticeCode::PaddingLimit,
            NoticeCode::CodeIssue,
            NoticeCode::CodeNormalised,
            NoticeCode::RowMerged,
            NoticeCode::LabelMerged,
            NoticeCode::RepeatedHeader,
            NoticeCode::StrayLine,
            NoticeCode::CellUnplaced,
            NoticeCode::UnknownColumn,
        ]
    }
}

impl fmt::Display for NoticeCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Something a source or the reader noticed that is not an error: an encoding detected, a
/// duplicate section ignored, a code normalised, a row merged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    /// What kind of observation it is.
    pub code: NoticeCode,
    /// What was noticed, in English.
    pub message: String,
    /// 1-based source line (0 when it concerns the whole input).
    pub line: u32,
    /// 1-based page, where the input has pages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// The table it concerns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<String>,
}

impl Notice {
    /// A notice at `line`.
    #[must_use]
    pub fn new(code: NoticeCode, message: impl Into<String>, line: u32) -> Notice {
        Notice {
            code,
            message: message.into(),
            line,
            page: None,
            table: None,
        }
    }

    /// The notice about `table`.
    #[must_use]
    pub fn in_table(mut self, table: impl Into<String>) -> Notice {
        self.table = Some(table.into());
        self
    }
}

/// A parsed disclosure.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Document {
    /// What the document says about itself.
    pub meta: DocumentMeta,
    /// Tables in printed order.
    pub tables: Vec<Table>,
    /// Narrative sections in printed order.
    pub sections: Vec<Section>,
    /// 绩效目标表, one per project.
    pub performance: Vec<PerformanceTable>,
    /// 名词解释.
    pub glossary: Vec<GlossaryEntry>,
    /// What the parser noticed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notices: Vec<Notice>,
    /// Number of source lines.
    pub line_count: u32,
    /// The first line of every page after the first (empty for input without pages).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub page_starts: Vec<u32>,
    /// The box of each line of running text, for sources that know it (PDF), in line order:
    /// evidence about a sentence points at its line's box.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub line_boxes: Vec<(u32, crate::source::BBox)>,
}

impl Document {
    /// The 1-based page of a source line (1 for input without pages).
    ///
    /// # Examples
    ///
    /// ```
    /// let mut doc = yusuan::Document::default();
    /// doc.page_starts = vec![2];
    /// assert_eq!((doc.page_of(1), doc.page_of(2), doc.page_of(9)), (1, 2, 2));
    /// ```
    #[must_use]
    pub fn page_of(&self, line: u32) -> u32 {
        let before = self.page_starts.partition_point(|&start| start <= line);
        u32::try_from(before + 1).unwrap_or(u32::MAX)
    }

    /// The table with `key` (`"T05"`).
    ///
    /// # Examples
    ///
    /// ```
    /// # let text = include_str!("../../tests/corpus/seed_2025_yantai_unit_budget.txt");
    /// let doc = yusuan::parse(text).unwrap();
    /// let t05 = doc.table("T05").unwrap();
    /// let row = t05.row_by_code("2080505").unwrap();
    /// assert_eq!(t05.amount(row, yusuan::ColumnKey::Total).unwrap().to_string(), "223.00万元");
    /// ```
    #[must_use]
    pub fn table(&self, key: &str) -> Option<&Table> {
        self.tables.iter().find(|t| t.key == key)
    }

    /// Sections of `kind`.
    pub fn sections_of(&self, kind: SectionKind) -> impl Iterator<Item = &Section> {
        self.sections.iter().filter(move |s| s.kind == kind)
    }
}
