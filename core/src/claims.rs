//! Claims of the narrative (情况说明): what a sentence says about an amount, its change, its share,
//! and why.
//!
//! Extraction is sentence by sentence. A sentence is scanned into tokens — subjects from the
//! vocabulary (收入预算, “三公”经费, 公务接待费, 政府采购, 类/款/项 items …), money amounts, percentages,
//! counts, direction words (增加/减少/持平), comparison bases (比上年/较2024年预算/与上年), breakdown
//! markers (其中/包括), share markers (占), reasons (主要原因是…) — and each number is attached to the
//! subject that precedes it **in the same sentence**. One sentence's numbers are never given to
//! another sentence's subject; the one exception is a numbered item (`1. “…（类）…（款）…（项）” 2.63万元…`)
//! whose later sentences have no subject of their own and continue the item.
//!
//! # Examples
//!
//! ```
//! # let text = include_str!("../../tests/corpus/seed_2025_yantai_unit_budget.txt");
//! use yusuan::claims::{Subject, extract};
//! let doc = yusuan::parse(text).unwrap();
//! let claims = extract(&doc);
//! let san_gong = claims.iter().find(|c| c.subject == Subject::SanGong).unwrap();
//! assert_eq!(san_gong.amount.as_ref().unwrap().value.to_string(), "226.6");
//! let change = san_gong.change.as_ref().unwrap();
//! assert_eq!(change.amount.as_ref().unwrap().value.to_string(), "56");
//! assert_eq!(change.percent.as_ref().unwrap().value.to_string(), "32.83");
//! ```

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::amount::Unit;
use crate::model::{Document, Paragraph, SectionKind};
use crate::template::Vocabulary;
use crate::text::{find_year, fold_char, normalize_name};
use crate::variance::Direction;

/// What a claim is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Subject {
    /// 收支预算 / 收入支出总计.
    IncomeExpenditureTotal,
    /// 收入预算 / 本年收入合计.
    IncomeTotal,
    /// 支出预算 / 本年支出合计.
    ExpenditureTotal,
    /// 财政拨款收入支出（总计）.
    FiscalTotal,
    /// 财政拨款收入.
    FiscalIncome,
    /// 财政拨款支出.
    FiscalExpenditure,
    /// 一般公共预算收入.
    GeneralPublicIncome,
    /// 一般公共预算（拨款）支出.
    GeneralPublicExpenditure,
    /// 政府性基金预算（拨款）收入.
    GovFundIncome,
    /// 政府性基金（预算拨款）支出.
    GovFundExpenditure,
    /// 国有资本经营预算（拨款）收入.
    StateCapitalIncome,
    /// 国有资本经营预算（拨款）支出.
    StateCapitalExpenditure,
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
    /// 经营支出 (of a 事业单位).
    OperatingExpense,
    /// 基本支出.
    Basic,
    /// 项目支出.
    Project,
    /// 人员经费.
    Personnel,
    /// 公用经费.
    Public,
    /// 工资福利支出 (部门经济分类 301), of 基本支出, 项目支出 or the whole.
    Wages,
    /// 商品和服务支出 (302).
    GoodsAndServices,
    /// 对个人和家庭的补助 (303).
    Households,
    /// 债务利息及费用支出 (307).
    DebtInterest,
    /// 资本性支出 (309, 310).
    CapitalExpenditure,
    /// 对企业补助 (311, 312).
    EnterpriseSubsidies,
    /// “三公”经费.
    SanGong,
    /// 因公出国（境）费.
    Abroad,
    /// 公务用车购置及运行费.
    Vehicle,
    /// 公务用车购置费.
    VehiclePurchase,
    /// 公务用车运行（维护）费.
    VehicleOperation,
    /// 公务接待费.
    Reception,
    /// 机关运行经费.
    OperatingCosts,
    /// 政府采购.
    Procurement,
    /// 政府采购 货物.
    ProcurementGoods,
    /// 政府采购 工程.
    ProcurementWorks,
    /// 政府采购 服务.
    ProcurementServices,
    /// 面向中小企业预留.
    ProcurementSme,
    /// 预留给小型和微型企业.
    ProcurementSmallMicro,
    /// 编报绩效目标的项目（个数、金额）.
    PerformanceProjects,
    /// 重点绩效评价的项目.
    KeyEvaluation,
    /// The 财政拨款 part of the funds of performance-managed projects.
    ProjectFiscalFunds,
    /// 车辆（总数）.
    Vehicles,
    /// 某类车辆.
    VehicleCategory {
        /// The category as printed (机要通信用车).
        name: String,
    },
    /// A 类/款/项 item of the functional classification.
    Functional {
        /// 类 name.
        class: String,
        /// 款 name.
        section: Option<String>,
        /// 项 name.
        item: Option<String>,
    },
}

impl Subject {
    fn from_key(key: &str) -> Option<Subject> {
        Some(match key {
            "income_expenditure_total" => Subject::IncomeExpenditureTotal,
            "income_total" => Subject::IncomeTotal,
            "expenditure_total" => Subject::ExpenditureTotal,
            "fiscal_total" => Subject::FiscalTotal,
            "fiscal_income" => Subject::FiscalIncome,
            "fiscal_expenditure" => Subject::FiscalExpenditure,
            "general_public_income" => Subject::GeneralPublicIncome,
            "general_public_expenditure" => Subject::GeneralPublicExpenditure,
            "gov_fund_income" => Subject::GovFundIncome,
            "gov_fund_expenditure" => Subject::GovFundExpenditure,
            "state_capital_income" => Subject::StateCapitalIncome,
            "state_capital_expenditure" => Subject::StateCapitalExpenditure,
            "business_income" => Subject::BusinessIncome,
            "operating_income" => Subject::OperatingIncome,
            "other_income" => Subject::OtherIncome,
            "superior_subsidy" => Subject::SuperiorSubsidy,
            "affiliated_remit" => Subject::AffiliatedRemit,
            "operating_expense" => Subject::OperatingExpense,
            "wages" => Subject::Wages,
            "goods_and_services" => Subject::GoodsAndServices,
            "households" => Subject::Households,
            "debt_interest" => Subject::DebtInterest,
            "capital_expenditure" => Subject::CapitalExpenditure,
            "enterprise_subsidies" => Subject::EnterpriseSubsidies,
            "basic" => Subject::Basic,
            "project" => Subject::Project,
            "personnel" => Subject::Personnel,
            "public" => Subject::Public,
            "san_gong" => Subject::SanGong,
            "abroad" => Subject::Abroad,
            "vehicle" => Subject::Vehicle,
            "vehicle_purchase" => Subject::VehiclePurchase,
            "vehicle_operation" => Subject::VehicleOperation,
            "reception" => Subject::Reception,
            "operating_costs" => Subject::OperatingCosts,
            "procurement" => Subject::Procurement,
            "procurement_goods" => Subject::ProcurementGoods,
            "procurement_works" => Subject::ProcurementWorks,
            "procurement_services" => Subject::ProcurementServices,
            "procurement_sme" => Subject::ProcurementSme,
            "procurement_small_micro" => Subject::ProcurementSmallMicro,
            "performance_projects" => Subject::PerformanceProjects,
            "key_evaluation" => Subject::KeyEvaluation,
            "project_fiscal_funds" => Subject::ProjectFiscalFunds,
            "vehicles" => Subject::Vehicles,
            _ => return None,
        })
    }

    /// A short key for reports (`san_gong`, `functional:一般公共服务支出/…`).
    #[must_use]
    pub fn key(&self) -> String {
        match self {
            Subject::VehicleCategory { name } => format!("vehicles:{name}"),
            Subject::Functional {
                class,
                section,
                item,
            } => {
                let mut s = format!("functional:{class}");
                for part in [section, item].into_iter().flatten() {
                    s.push('/');
                    s.push_str(part);
                }
                s
            }
            other => serde_json::to_value(other)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default(),
        }
    }

    /// A headline figure of the format: a total of the income or expenditure, of the fiscal
    /// grants, of a fund, the “三公” total or the 机关运行经费 — the changes a reader expects a
    /// reason for (the items under them need none).
    ///
    /// # Examples
    ///
    /// ```
    /// use yusuan::claims::Subject;
    /// assert!(Subject::SanGong.is_headline());
    /// assert!(!Subject::Reception.is_headline());
    /// ```
    #[must_use]
    pub fn is_headline(&self) -> bool {
        matches!(
            self,
            Subject::IncomeExpenditureTotal
                | Subject::IncomeTotal
                | Subject::ExpenditureTotal
                | Subject::FiscalTotal
                | Subject::FiscalIncome
                | Subject::FiscalExpenditure
                | Subject::GeneralPublicIncome
                | Subject::GeneralPublicExpenditure
                | Subject::GovFundIncome
                | Subject::GovFundExpenditure
                | Subject::StateCapitalIncome
                | Subject::StateCapitalExpenditure
                | Subject::SanGong
                | Subject::OperatingCosts
        )
    }

    /// Whether `part` is a part of this subject where the format fixes it (the “三公” items of
    /// the total, 人员经费 and 公用经费 of 基本支出, …), directly or through the subjects between.
    #[must_use]
    pub fn contains(&self, part: &Subject) -> bool {
        contains(self, part)
    }

    /// One of the “三公” subjects (the total and its items).
    fn is_san_gong(&self) -> bool {
        matches!(
            self,
            Subject::SanGong
                | Subject::Abroad
                | Subject::Vehicle
                | Subject::VehiclePurchase
                | Subject::VehicleOperation
                | Subject::Reception
        )
    }

    /// The narrative sections where the subject's phrases are read as this subject.
    fn allowed_in(&self, kind: SectionKind) -> bool {
        use SectionKind as K;
        let general = !matches!(
            kind,
            K::Glossary | K::Duties | K::Organisation | K::Projects
        );
        match self {
            Subject::Abroad
            | Subject::Vehicle
            | Subject::VehiclePurchase
            | Subject::VehicleOperation
            | Subject::Reception
            | Subject::SanGong => matches!(kind, K::SanGong),
            Subject::ProcurementGoods
            | Subject::ProcurementWorks
            | Subject::ProcurementServices
            | Subject::ProcurementSme
            | Subject::ProcurementSmallMicro
            | Subject::Procurement => matches!(kind, K::Procurement),
            Subject::PerformanceProjects | Subject::KeyEvaluation | Subject::ProjectFiscalFunds => {
                matches!(kind, K::Performance)
            }
            Subject::Vehicles | Subject::VehicleCategory { .. } => matches!(kind, K::Assets),
            Subject::OperatingCosts => general,
            _ => {
                general
                    && !matches!(
                        kind,
                        K::SanGong | K::Procurement | K::Assets | K::Performance
                    )
            }
        }
    }
}

/// What kind of quantity a number is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum QuantityKind {
    /// Money in a unit.
    Money {
        /// 元 / 万元 / 亿元.
        unit: Unit,
    },
    /// A percentage.
    Percent,
    /// A count (个, 辆 …).
    Count {
        /// The counting word.
        word: String,
    },
}

/// A number as printed in a sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quantity {
    /// The value (its scale is the printed decimals).
    pub value: Decimal,
    /// Money, percentage or count.
    #[serde(flatten)]
    pub kind: QuantityKind,
    /// The number with its unit, as printed.
    pub text: String,
    /// 1-based source line.
    pub line: u32,
}

impl Quantity {
    /// The money unit, when the quantity is money.
    #[must_use]
    pub fn unit(&self) -> Option<Unit> {
        match self.kind {
            QuantityKind::Money { unit } => Some(unit),
            _ => None,
        }
    }
}

/// What a change is measured against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BaseKind {
    /// 上年 (unspecified).
    PriorYear,
    /// 上年预算.
    PriorBudget,
    /// 上年执行数 / 决算.
    PriorActual,
    /// This year's budget, in final accounts (较年初预算数 / 比预算数 / 较调整预算).
    Budget,
}

/// The comparison base of a change (`比2022年预算执行数`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Base {
    /// Which prior figure.
    pub kind: BaseKind,
    /// The year named, if any.
    pub year: Option<u16>,
    /// As printed.
    pub text: String,
}

/// A stated change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// 增加 / 减少 / 持平 / 基本持平.
    pub direction: Direction,
    /// The direction word as printed.
    pub word: String,
    /// The amount of the change (Δ), as printed (unsigned).
    pub amount: Option<Quantity>,
    /// The percentage, as printed (unsigned).
    pub percent: Option<Quantity>,
    /// The comparison base.
    pub base: Option<Base>,
    /// 1-based source line of the direction word.
    pub line: u32,
}

/// How a final account says its actual compares with the budget (决算数小于预算数).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BudgetRelation {
    /// 大于 / 高于 / 超过 / 超出 / 多于.
    Above,
    /// 小于 / 低于 / 少于.
    Below,
    /// 等于 / 与预算数持平.
    Equal,
    /// 未超过 / 不超过 / 小于预算数（或与预算数持平）.
    AtMost,
    /// 不低于 / 大于预算数（或与预算数持平）.
    AtLeast,
}

/// A statement of how the actual compares with the budget (`决算数小于年初预算数`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetComparison {
    /// The relation stated.
    pub relation: BudgetRelation,
    /// As printed.
    pub text: String,
    /// 1-based source line.
    pub line: u32,
}

/// A stated reason (主要原因是…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reason {
    /// The reason's text (empty when the template was left unfilled).
    pub text: String,
    /// 1-based source line.
    pub line: u32,
}

/// One claim of the narrative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    /// What it is about.
    pub subject: Subject,
    /// The subject as printed.
    pub label: String,
    /// The amount stated for the subject.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Quantity>,
    /// A count stated for the subject (项目 N 个, 车辆 N 辆).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<Quantity>,
    /// The stated change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<Change>,
    /// The stated share (占 N%).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<Quantity>,
    /// The whole a share is of, when the sentence names it (占本年支出合计的 N%).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share_base: Option<Subject>,
    /// The prior value stated (上年执行数为 N).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prior: Option<Quantity>,
    /// The amount stated as this year's arrangement (N年预算安排 M).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned: Option<Quantity>,
    /// The original budget (年初预算为 N), in final accounts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<Quantity>,
    /// The adjusted (full-year) budget (全年预算数为 N, 调整预算数 N), in final accounts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adjusted_budget: Option<Quantity>,
    /// The stated completion rate (完成年初预算的 N%).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion: Option<Quantity>,
    /// The completion rate is of the adjusted budget (完成全年预算数的 N%, 完成调整预算的 N%).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub completion_adjusted: bool,
    /// How the actual is said to compare with the budget (决算数小于预算数), in final accounts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub versus_budget: Option<BudgetComparison>,
    /// The stated reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Reason>,
    /// The breakdown (其中 / 包括).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Claim>,
    /// A subject named in a breakdown whose amount is missing (执法执勤用车辆 with no count).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub missing_number: bool,
    /// The section the claim is in.
    pub section: SectionKind,
    /// The sentence, as printed.
    pub sentence: String,
    /// 1-based source line of the subject.
    pub line: u32,
}

impl Claim {
    fn new(
        subject: Subject,
        label: &str,
        section: SectionKind,
        sentence: &str,
        line: u32,
    ) -> Claim {
        Claim {
            subject,
            label: label.to_owned(),
            amount: None,
            count: None,
            change: None,
            share: None,
            share_base: None,
            prior: None,
            planned: None,
            budget: None,
            adjusted_budget: None,
            completion: None,
            completion_adjusted: false,
            versus_budget: None,
            reason: None,
            parts: Vec::new(),
            missing_number: false,
            section,
            sentence: sentence.to_owned(),
            line,
        }
    }

    /// Whether the claim states anything checkable.
    #[must_use]
    pub fn has_content(&self) -> bool {
        self.amount.is_some()
            || self.count.is_some()
            || self.change.is_some()
            || self.share.is_some()
            || self.prior.is_some()
            || self.budget.is_some()
            || self.adjusted_budget.is_some()
            || !self.parts.is_empty()
            || self.missing_number
            || self.versus_budget.is_some()
    }
}

/// A sentence that states a reason without its own figures (`收支预算增加的主要原因，…`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReasonStatement {
    /// The subject it names, if any.
    pub subject: Option<Subject>,
    /// The reason.
    pub reason: Reason,
    /// The section.
    pub section: SectionKind,
}

/// Everything the narrative states.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Claims {
    /// The claims, in document order.
    pub claims: Vec<Claim>,
    /// Reasons stated on their own.
    pub reasons: Vec<ReasonStatement>,
    /// Template residue found in the narrative (`增加（减少）`, `XX`).
    pub residue: Vec<Residue>,
    /// Sentences that print a number (an amount, a percentage, a count) from which no claim
    /// took a figure: what the reader could not place, counted in the report's coverage so that
    /// a gap is visible, not silent.
    #[serde(default)]
    pub unread: Vec<UnreadSentence>,
    /// The number of sentences that print a number, read or not.
    #[serde(default)]
    pub numeric_sentences: usize,
}

impl Claims {
    /// One line per claim (parts indented under their whole): source line, subject, amount,
    /// count, change with Δ, % and base, share, prior, reason.
    ///
    /// # Examples
    ///
    /// ```
    /// let doc = yusuan::Parser::new()
    ///     .parse_narrative("二、“三公”经费\n“三公”经费预算共10万元，比上年增加2万元，增长25%，主要原因是会议增加。\n")
    ///     .unwrap();
    /// let text = yusuan::claims::extract_all(&doc).to_text();
    /// assert!(text.contains("san_gong") && text.contains("增加 2万元 25%"), "{text}");
    /// ```
    #[must_use]
    pub fn to_text(&self) -> String {
        fn one(c: &Claim, depth: usize, out: &mut String) {
            use std::fmt::Write as _;
            let mut s = format!(
                "{:indent$}L{} {} 「{}」",
                "",
                c.line,
                c.subject.key(),
                c.label.trim(),
                indent = depth * 4
            );
            let q = |q: &Option<Quantity>| q.as_ref().map(|q| q.text.clone());
            if let Some(a) = q(&c.amount) {
                let _ = write!(s, " {a}");
            }
            if let Some(n) = q(&c.count) {
                let _ = write!(s, " {n}");
            }
            if c.missing_number {
                s.push_str(" (no number)");
            }
            if let Some(ch) = &c.change {
                let _ = write!(s, " ·");
                if let Some(b) = &ch.base {
                    let _ = write!(s, " {}", b.text);
                }
                let _ = write!(s, " {}", ch.word);
                for part in [q(&ch.amount), q(&ch.percent)].into_iter().flatten() {
                    let _ = write!(s, " {part}");
                }
            }
            for (what, v) in [
                ("占", q(&c.share)),
                ("上年", q(&c.prior)),
                ("预算安排", q(&c.planned)),
                ("年初预算", q(&c.budget)),
                ("完成", q(&c.completion)),
            ] {
                if let Some(v) = v {
                    let _ = write!(s, " · {what} {v}");
                }
            }
            if let Some(v) = &c.versus_budget {
                let _ = write!(s, " · 决算与预算 {}", v.text);
            }
            if let Some(r) = &c.reason {
                let short: String = r.text.chars().take(30).collect();
                let _ = write!(
                    s,
                    " · 原因：{}{}",
                    if short.is_empty() { "(empty)" } else { &short },
                    if r.text.chars().count() > 30 {
                        "…"
                    } else {
                        ""
                    }
                );
            }
            out.push_str(&s);
            out.push('\n');
            for p in &c.parts {
                one(p, depth + 1, out);
            }
        }
        use std::fmt::Write as _;
        let mut out = String::new();
        for c in &self.claims {
            one(c, 0, &mut out);
        }
        for r in &self.residue {
            let _ = writeln!(out, "L{} residue: {}", r.line, r.text);
        }
        for u in &self.unread {
            let short: String = u.text.chars().take(40).collect();
            let more = if u.text.chars().count() > 40 {
                "…"
            } else {
                ""
            };
            let _ = writeln!(out, "L{} no claim read: {short}{more}", u.line);
        }
        out
    }
}

/// Template text left in the narrative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Residue {
    /// What was found.
    pub text: String,
    /// 1-based source line.
    pub line: u32,
}

/// A sentence with a number from which no claim was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnreadSentence {
    /// The sentence, as printed (trimmed).
    pub text: String,
    /// 1-based source line where it starts.
    pub line: u32,
}

/// Extracts the claims of a document's narrative.
#[must_use]
pub fn extract(doc: &Document) -> Vec<Claim> {
    extract_all(doc).claims
}

/// Extracts claims, standalone reasons and template residue.
#[must_use]
pub fn extract_all(doc: &Document) -> Claims {
    static DICT: std::sync::OnceLock<Dictionary> = std::sync::OnceLock::new();
    let dict = DICT.get_or_init(|| Dictionary::new(Vocabulary::builtin()));
    let mut out = Claims::default();
    let final_accounts = doc.meta.kind == Some(crate::model::DocKind::FinalAccounts);
    let unknown_kind = doc.meta.kind.is_none();
    let tables = cell_tables(dict, doc);
    for section in &doc.sections {
        for para in &section.paragraphs {
            // a document of unknown kind: a paragraph that speaks of 决算 is about final accounts
            let final_here = final_accounts || unknown_kind && para.text.contains("决算");
            let at = Reading {
                kind: section.kind,
                final_accounts: final_here,
                year: doc.meta.year,
                unit: doc.meta.unit.as_deref().unwrap_or(""),
            };
            read_paragraph(dict, at, para, &mut out);
        }
    }
    // the tables' figures go where the tables are printed, among the statements
    for t in tables {
        let at = out.claims.partition_point(|c| c.line <= t.line);
        out.claims.insert(at, t);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// “三公” tables printed one cell per line (web pages: `“三公”经费合计 |`, `79 |`, or no separator)

/// A column of the “三公” table, from its header cell.
#[derive(Debug, Clone, PartialEq)]
enum SanGongColumn {
    Item(Subject),
    /// 小计 under 公务用车购置及运行费.
    Subtotal,
}

/// The “三公” column a header cell names (the longest phrase of a “三公” subject in it).
fn san_gong_column(dict: &Dictionary, cell: &str) -> Option<SanGongColumn> {
    let n: Vec<char> = normalize_name(cell).chars().collect();
    if n.iter().collect::<String>() == "小计" {
        return Some(SanGongColumn::Subtotal);
    }
    dict.subjects
        .iter()
        .filter(|(_, s)| s.is_san_gong())
        .find(|(p, _)| !p.is_empty() && n.windows(p.len()).any(|w| w == p.as_slice()))
        .map(|(_, s)| SanGongColumn::Item(s.clone()))
}

/// The cell a line of a flattened HTML table holds: the text without the ` |` separators.
fn cell_text(line: &str) -> &str {
    line.trim()
        .trim_matches(|c: char| c == '|' || c.is_whitespace())
}

/// The number a value cell prints (`79`, `35.7`, `1,502`), if it is one: read as a table cell.
fn cell_number(cell: &str) -> Option<Decimal> {
    match crate::amount::CellValue::parse(cell).0 {
        crate::amount::CellValue::Amount(n) => Some(n.value),
        _ => None,
    }
}

/// The “三公” tables of the narrative that a web page prints one cell per line: a header row
/// (合计, 因公出国（境）费, 公务用车购置及运行费 with 小计 / 购置费 / 运行费 under it, 公务接待费;
/// header cells broken over two lines are joined) and one row of values, in reading order. A
/// table is read only when the values are exactly one per column and a unit line (`单位：万元`)
/// precedes it; it becomes the claims a sentence stating the same figures would give, so that
/// the narrative is checked against it (V-10) and it against itself (N-02).
fn cell_tables(dict: &Dictionary, doc: &Document) -> Vec<Claim> {
    // every narrative line, in order: section headings and the lines of each paragraph
    let mut lines: Vec<(u32, &str)> = Vec::new();
    for s in &doc.sections {
        if !s.title.is_empty() {
            lines.push((s.lines.start, s.title.as_str()));
        }
        for p in &s.paragraphs {
            lines.extend(p.source_lines());
        }
    }
    let cells: Vec<(u32, &str)> = lines
        .into_iter()
        .map(|(n, l)| (n, cell_text(l)))
        .filter(|(_, c)| !c.is_empty())
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < cells.len() {
        let starts = cells.get(i).is_some_and(|(_, c)| {
            c.chars().count() <= 12
                && !c.chars().any(|ch| ch.is_ascii_digit())
                && san_gong_column(dict, c) == Some(SanGongColumn::Item(Subject::SanGong))
        });
        if !starts {
            i += 1;
            continue;
        }
        match cell_table_at(dict, &cells, i) {
            Some((claim, end)) => {
                out.push(claim);
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// The table whose header starts at `cells[start]`, and the index after it.
fn cell_table_at(dict: &Dictionary, cells: &[(u32, &str)], start: usize) -> Option<(Claim, usize)> {
    // the unit: a 单位 line just before the header
    let unit = cells
        .get(start.saturating_sub(3)..start)?
        .iter()
        .rev()
        .find(|(_, c)| c.contains("单位"))
        .and_then(|(_, c)| Unit::from_label(c))?;
    let mut header: Vec<(SanGongColumn, String)> = Vec::new();
    let mut j = start;
    while let Some(&(_, cell)) = cells.get(j) {
        if cell_number(cell).is_some() {
            break;
        }
        if cell.chars().count() > 16 {
            return None;
        }
        if let Some(col) = san_gong_column(dict, cell) {
            header.push((col, cell.to_owned()));
            j += 1;
            continue;
        }
        // a header cell broken over two lines (公务 / 接待费)
        let next = cells.get(j + 1).map(|(_, c)| *c)?;
        let joined = format!("{cell}{next}");
        let col = san_gong_column(dict, &joined)?;
        header.push((col, joined));
        j += 2;
    }
    // the top row, then the columns under 公务用车购置及运行费
    let top = header
        .iter()
        .position(|(c, _)| {
            matches!(
                c,
                SanGongColumn::Subtotal
                    | SanGongColumn::Item(Subject::VehiclePurchase | Subject::VehicleOperation)
            )
        })
        .unwrap_or(header.len());
    let (upper, lower) = header.split_at(top);
    let unique = |cols: &[(SanGongColumn, String)]| {
        cols.iter()
            .enumerate()
            .all(|(k, (c, _))| cols.iter().skip(k + 1).all(|(d, _)| d != c))
    };
    if !unique(upper) || !unique(lower) {
        return None;
    }
    let vehicle = upper
        .iter()
        .position(|(c, _)| *c == SanGongColumn::Item(Subject::Vehicle));
    let mut leaves: Vec<(Subject, &str)> = Vec::new();
    for (k, (c, text)) in upper.iter().enumerate() {
        let SanGongColumn::Item(s) = c else {
            return None;
        };
        if Some(k) == vehicle && !lower.is_empty() {
            for (lc, lt) in lower {
                match lc {
                    SanGongColumn::Subtotal => leaves.push((Subject::Vehicle, text.as_str())),
                    SanGongColumn::Item(
                        sub @ (Subject::VehiclePurchase | Subject::VehicleOperation),
                    ) => leaves.push((sub.clone(), lt.as_str())),
                    SanGongColumn::Item(_) => return None,
                }
            }
        } else {
            leaves.push((s.clone(), text.as_str()));
        }
    }
    if vehicle.is_none() && !lower.is_empty() {
        return None;
    }
    let values: Vec<(u32, &str)> = cells
        .iter()
        .skip(j)
        .take_while(|(_, c)| cell_number(c).is_some())
        .copied()
        .collect();
    if values.len() != leaves.len() || leaves.first().map(|l| &l.0) != Some(&Subject::SanGong) {
        return None;
    }
    let sentence: String = header
        .iter()
        .map(|(_, t)| t.as_str())
        .chain(values.iter().map(|(_, v)| *v))
        .collect::<Vec<_>>()
        .join(" | ");
    let claim_of = |(subject, label): &(Subject, &str), (line, text): &(u32, &str)| {
        let mut c = Claim::new(
            subject.clone(),
            label,
            SectionKind::SanGong,
            &sentence,
            *line,
        );
        c.amount = Some(Quantity {
            value: cell_number(text).unwrap_or_default(),
            kind: QuantityKind::Money { unit },
            text: format!("{text}{}", unit.as_str()),
            line: *line,
        });
        c
    };
    let mut claims: Vec<Claim> = leaves
        .iter()
        .zip(&values)
        .map(|(l, v)| claim_of(l, v))
        .collect();
    // nest as the format does: the vehicle items under the vehicle, the items under the total
    let mut total = claims.remove(0);
    let mut vehicle_claim: Option<usize> = None;
    for c in claims {
        match c.subject {
            Subject::VehiclePurchase | Subject::VehicleOperation => {
                if let Some(v) = vehicle_claim.and_then(|k| total.parts.get_mut(k)) {
                    v.parts.push(c);
                } else {
                    total.parts.push(c);
                }
            }
            Subject::Vehicle => {
                vehicle_claim = Some(total.parts.len());
                total.parts.push(c);
            }
            _ => total.parts.push(c),
        }
    }
    Some((total, j + values.len()))
}

// ---------------------------------------------------------------------------------------------
// Tokens

#[derive(Debug, Clone)]
enum Tok {
    Subject(Subject, String),
    /// A subject that names the whole of the shares after it (“三公”经费支出决算中，…占 N%).
    ShareWhole(Subject),
    Money(Quantity),
    Percent(Quantity),
    Count(Quantity),
    Direction(Direction, String),
    Base(Base),
    Breakdown,
    Share,
    Prior,
    Planned,
    BudgetMarker,
    /// 全年预算数 / 调整预算数: the next amount is the adjusted budget.
    AdjustedBudgetMarker,
    /// 完成全年预算数的 / 完成调整预算的: the next percentage is of the adjusted budget.
    CompletionAdjusted,
    ActualMarker,
    Completion,
    Reason(String),
    /// 预算资金 / 金额: the next amount belongs to the subject even in a later clause.
    AmountMarker,
    Clause,
    Item,
    /// 分别为 / 各是 / 各减少: the values that follow go to the subjects before, in order.
    Respectively,
    /// 决算数小于预算数: how the actual compares with the budget.
    VersusBudget(BudgetComparison),
}

struct Dictionary {
    /// (normalised phrase, subject), longest first.
    subjects: Vec<(Vec<char>, Subject)>,
    /// Every character a subject phrase or a marker word can start with.
    first: CharSet,
    /// Indexes into `subjects` by first character (longest first within each).
    by_first: crate::HashMap<char, Vec<usize>>,
    /// First characters of the reason markers, direction words and other markers.
    reason_first: CharSet,
    direction_first: CharSet,
    marker_first: CharSet,
}

/// A set of characters with a constant-time test: a bitmap of the Basic Multilingual Plane,
/// a sorted list for the rest.
struct CharSet {
    bmp: Box<[u64]>,
    rest: Vec<char>,
}

impl CharSet {
    fn of(chars: impl Iterator<Item = char>) -> CharSet {
        let mut set = CharSet {
            bmp: vec![0; 1024].into_boxed_slice(),
            rest: Vec::new(),
        };
        for c in chars {
            let n = c as usize;
            match set.bmp.get_mut(n / 64) {
                Some(word) => *word |= 1 << (n % 64),
                None => set.rest.push(c),
            }
        }
        set.rest.sort_unstable();
        set.rest.dedup();
        set
    }

    fn contains(&self, c: char) -> bool {
        let n = c as usize;
        match self.bmp.get(n / 64) {
            Some(word) => word & (1 << (n % 64)) != 0,
            None => self.rest.binary_search(&c).is_ok(),
        }
    }
}

fn first_chars<'w>(words: impl Iterator<Item = &'w str>) -> CharSet {
    CharSet::of(words.filter_map(|w| w.chars().next()))
}

impl Dictionary {
    fn new(vocab: &Vocabulary) -> Dictionary {
        let mut subjects: Vec<(Vec<char>, Subject)> = Vec::new();
        for (key, phrases) in &vocab.claim_subjects {
            let Some(subject) = Subject::from_key(key) else {
                continue;
            };
            for p in phrases {
                subjects.push((normalize_name(p).chars().collect(), subject.clone()));
            }
        }
        subjects.sort_by_key(|s| std::cmp::Reverse(s.0.len()));
        let words = REASON_MARKERS
            .iter()
            .chain(&DIRECTION_WORDS)
            .chain(MARKERS.iter().chain(&FINAL_MARKERS).map(|(w, _)| w));
        let first = CharSet::of(
            subjects
                .iter()
                .filter_map(|(p, _)| p.first().copied())
                .chain(words.filter_map(|w| w.chars().next()))
                .chain([
                    '比', '较', '与', '同', '占', '（', '(', '；', ';', '，', ',', '、', '用',
                    '分', '各',
                ]),
        );
        let mut by_first: crate::HashMap<char, Vec<usize>> = crate::HashMap::default();
        for (i, (p, _)) in subjects.iter().enumerate() {
            if let Some(&c) = p.first() {
                by_first.entry(c).or_default().push(i);
            }
        }
        Dictionary {
            subjects,
            first,
            by_first,
            reason_first: first_chars(REASON_MARKERS.iter().copied()),
            direction_first: first_chars(DIRECTION_WORDS.iter().copied()),
            marker_first: first_chars(MARKERS.iter().chain(&FINAL_MARKERS).map(|(w, _)| *w)),
        }
    }
}

/// Characters skipped when matching phrases: whitespace and quotes.
fn skippable(c: char) -> bool {
    c.is_whitespace() || matches!(c, '“' | '”' | '‘' | '’' | '"' | '\'' | '「' | '」')
}

/// Matches `phrase` (normalised chars) at `chars[i..]`, skipping whitespace and quotes in the
/// text; returns the index after the match.
fn match_at(chars: &[(usize, char)], i: usize, phrase: &[char]) -> Option<usize> {
    match_chars(chars, i, phrase.iter().copied())
}

fn match_chars(
    chars: &[(usize, char)],
    i: usize,
    phrase: impl Iterator<Item = char>,
) -> Option<usize> {
    let mut j = i;
    for p in phrase {
        while j > i && chars.get(j).is_some_and(|(_, c)| skippable(*c)) {
            j += 1;
        }
        let (_, c) = chars.get(j)?;
        let c = match fold_char(*c) {
            '【' | '〔' | '[' => '(',
            '】' | '〕' | ']' => ')',
            x => x,
        };
        if c != p {
            return None;
        }
        j += 1;
    }
    Some(j)
}

fn starts_with(chars: &[(usize, char)], i: usize, word: &str) -> bool {
    match_chars(chars, i, word.chars()).is_some()
}

fn slice(s: &str, chars: &[(usize, char)], from: usize, to: usize) -> String {
    let a = chars.get(from).map_or(s.len(), |c| c.0);
    let b = chars.get(to).map_or(s.len(), |c| c.0);
    s.get(a..b).unwrap_or("").to_owned()
}

static MARKERS: [(&str, Tok); 23] = [
    ("完成年初预算数的", Tok::Completion),
    ("完成全年预算数的", Tok::CompletionAdjusted),
    ("完成全年预算的", Tok::CompletionAdjusted),
    ("完成调整预算数的", Tok::CompletionAdjusted),
    ("完成调整预算的", Tok::CompletionAdjusted),
    ("完成年初预算的", Tok::Completion),
    ("完成预算数的", Tok::Completion),
    ("完成预算的", Tok::Completion),
    ("其中", Tok::Breakdown),
    ("包括", Tok::Breakdown),
    ("以下方面", Tok::Breakdown),
    ("执行数为", Tok::Prior),
    ("执行数", Tok::Prior),
    ("预算安排", Tok::Planned),
    ("年初预算为", Tok::BudgetMarker),
    ("年初预算", Tok::BudgetMarker),
    ("支出决算为", Tok::ActualMarker),
    ("决算为", Tok::ActualMarker),
    ("完成", Tok::Completion),
    ("项目预算资金", Tok::AmountMarker),
    ("预算资金", Tok::AmountMarker),
    ("预算金额", Tok::AmountMarker),
    ("资金总额", Tok::AmountMarker),
];

/// In final accounts, the words that say a figure is the budget or the actual (预算数为 832.05
/// 万元，决算支出数为 820.33 万元): read before [`MARKERS`]. In a budget the budget is the amount.
static FINAL_MARKERS: [(&str, Tok); 15] = [
    ("决算支出数为", Tok::ActualMarker),
    ("决算支出数", Tok::ActualMarker),
    ("支出决算数为", Tok::ActualMarker),
    ("决算数为", Tok::ActualMarker),
    ("支出共计", Tok::ActualMarker),
    ("实际支出", Tok::ActualMarker),
    ("年初预算数为", Tok::BudgetMarker),
    ("年初预算数", Tok::BudgetMarker),
    ("全年预算数为", Tok::AdjustedBudgetMarker),
    ("全年预算数", Tok::AdjustedBudgetMarker),
    ("调整预算数为", Tok::AdjustedBudgetMarker),
    ("调整预算数", Tok::AdjustedBudgetMarker),
    ("预算数为", Tok::BudgetMarker),
    ("预算为", Tok::BudgetMarker),
    ("预算数", Tok::BudgetMarker),
];

const DIRECTION_WORDS: [&str; 15] = [
    "基本持平",
    "大致持平",
    "持平",
    "增加",
    "增长",
    "上升",
    "提高",
    "新增",
    "增多",
    "减少",
    "下降",
    "降低",
    "压减",
    "相同",
    "不变",
];
const COUNT_WORDS: [&str; 14] = [
    "个", "辆", "家", "台", "件", "套", "项", "人", "次", "批", "场", "名", "处", "所",
];
const REASON_MARKERS: [&str; 13] = [
    "主要原因是",
    "主要原因为",
    "主要原因：",
    "主要原因:",
    "主要原因",
    "原因主要是",
    "原因主要为",
    "原因主要有",
    "原因是",
    "原因为",
    "由于",
    "因为",
    // (only where a clause starts, and not as 主要是用于: see `reason_marker`)
    "主要是",
];

/// A template's pair of opposite directions at `chars[i..]` (`增加（减少）`, `增长(下降)`): the index
/// after it, and whether the figure right after it is zero.
fn either_direction(chars: &[(usize, char)], i: usize) -> Option<(usize, bool)> {
    let word = |at: usize| {
        DIRECTION_WORDS
            .iter()
            .find(|w| starts_with(chars, at, w))
            .and_then(|w| Some((Direction::from_word(w)?, match_chars(chars, at, w.chars())?)))
    };
    let (first, j) = word(i)?;
    let j = match_chars(chars, j, std::iter::once('('))?;
    let (second, j) = word(j)?;
    let end = match_chars(chars, j, std::iter::once(')'))?;
    if first.sign() * second.sign() >= 0 {
        return None;
    }
    let digits: String = chars
        .iter()
        .skip(end)
        .skip_while(|(_, c)| c.is_whitespace())
        .map(|&(_, c)| fold_char(c))
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let zero = !digits.is_empty() && digits.chars().all(|c| c == '0' || c == '.');
    Some((end, zero))
}

/// The reason marker at `chars[i..]`: one of [`REASON_MARKERS`]; `主要是` only where a clause
/// starts (`…增加250万元，主要是…`, `。主要是…`), and not as the purpose `主要是用于`.
fn reason_marker(chars: &[(usize, char)], i: usize) -> Option<&'static str> {
    let m = REASON_MARKERS.iter().find(|m| starts_with(chars, i, m))?;
    if *m != "主要是" {
        return Some(m);
    }
    let before = chars
        .get(..i)
        .and_then(|b| b.iter().rev().map(|(_, c)| *c).find(|&c| !skippable(c)));
    let clause_start =
        before.is_none_or(|c| matches!(c, '，' | ',' | '；' | ';' | '。' | '：' | ':'));
    let purpose = starts_with(chars, i + m.chars().count(), "用于");
    (clause_start && !purpose).then_some(m)
}

/// `分别为`, `分别是`, `各是`, `各为` at `chars[i..]`, or `分别`/`各` right before a direction word or
/// `占` (`分别增长`, `各减少`, `分别占`): the length of the marker (without the direction word).
fn respectively_at(chars: &[(usize, char)], i: usize) -> Option<usize> {
    for m in ["分别为", "分别是", "各是", "各为"] {
        if starts_with(chars, i, m) {
            return Some(m.chars().count());
        }
    }
    let m = ["分别", "各"]
        .into_iter()
        .find(|m| starts_with(chars, i, m))?;
    let after = i + m.chars().count();
    let then = DIRECTION_WORDS.iter().any(|w| starts_with(chars, after, w))
        || starts_with(chars, after, "占")
        || starts_with(chars, after, "比")
        || starts_with(chars, after, "较");
    then.then(|| m.chars().count())
}

/// The two subjects a combined one stands for when the values that follow are given
/// respectively (`收支总计分别为 A、B`: income A, expenditure B).
fn pair_of(s: &Subject) -> Option<[Subject; 2]> {
    match s {
        Subject::IncomeExpenditureTotal => Some([Subject::IncomeTotal, Subject::ExpenditureTotal]),
        Subject::FiscalTotal => Some([Subject::FiscalIncome, Subject::FiscalExpenditure]),
        _ => None,
    }
}

/// Rewrites `S1、S2 分别为 A、B` (and `收、支总计各减少 A、B，各下降 p、q`) into `S1 A，S2 B`: every
/// value after the marker goes to the subject of its position among the values of its kind. A
/// combined subject (收支总计) stands for its pair. When the counts do not match, the values are
/// dropped: a figure is never given to a subject it may not belong to.
fn distribute(toks: Vec<(Tok, u32)>) -> Vec<(Tok, u32)> {
    if !toks.iter().any(|(t, _)| matches!(t, Tok::Respectively)) {
        return toks;
    }
    let mut out: Vec<(Tok, u32)> = Vec::with_capacity(toks.len());
    let mut i = 0;
    while let Some((tok, line)) = toks.get(i) {
        if !matches!(tok, Tok::Respectively) {
            out.push((tok.clone(), *line));
            i += 1;
            continue;
        }
        // the subjects: the run of subjects (and list commas) right before the marker
        let mut run_start = out.len();
        while run_start > 0
            && matches!(
                out.get(run_start - 1),
                Some((Tok::Subject(..) | Tok::Clause, _))
            )
        {
            run_start -= 1;
        }
        let mut subjects: Vec<(Subject, String, u32)> = out
            .get(run_start..)
            .unwrap_or(&[])
            .iter()
            .filter_map(|(t, l)| match t {
                Tok::Subject(s, label) => Some((s.clone(), label.clone(), *l)),
                _ => None,
            })
            .collect();
        if let [(only, label, l)] = subjects.as_slice() {
            if let Some(pair) = pair_of(only) {
                let names = ["收入", "支出"];
                subjects = pair
                    .into_iter()
                    .zip(names)
                    .map(|(s, n)| (s, format!("{label}（{n}）"), *l))
                    .collect();
            }
        }
        // the values: to the end of the list item, a reason or the next subject; a second
        // marker (`…各减少 A、B，各下降 p、q`) goes on the same subjects
        let mut end = i + 1;
        while let Some((t, _)) = toks.get(end) {
            // (a subject right after 占 is the whole of the shares, not the next subject)
            let share_whole = matches!(t, Tok::Subject(..))
                && end
                    .checked_sub(1)
                    .and_then(|k| toks.get(k))
                    .is_some_and(|(p, _)| matches!(p, Tok::Share));
            if !share_whole
                && matches!(
                    t,
                    Tok::Item | Tok::Reason(_) | Tok::Subject(..) | Tok::ShareWhole(_)
                )
            {
                break;
            }
            end += 1;
        }
        let region = toks.get(i + 1..end).unwrap_or(&[]);
        // one segment per marker (`各是 A、B，各减少 a、b`): each gives one value of a kind to
        // every subject
        let segments: Vec<&[(Tok, u32)]> = region
            .split(|(t, _)| matches!(t, Tok::Respectively))
            .collect();
        let n = subjects.len();
        let fits = |seg: &&[(Tok, u32)]| {
            let count = |f: fn(&Tok) -> bool| seg.iter().filter(|(t, _)| f(t)).count();
            let kinds = [
                count(|t| matches!(t, Tok::Money(_))),
                count(|t| matches!(t, Tok::Percent(_))),
                count(|t| matches!(t, Tok::Count(_))),
            ];
            kinds.iter().all(|&k| k == 0 || k == n) && kinds.iter().any(|&k| k > 0)
        };
        if n < 2 || !segments.iter().all(fits) {
            // not a list this can distribute: the subjects stay, their values go
            i = end;
            continue;
        }
        out.truncate(run_start);
        for (k, (subject, label, l)) in subjects.iter().enumerate() {
            if k > 0 {
                out.push((Tok::Clause, *l));
            }
            out.push((Tok::Subject(subject.clone(), label.clone()), *l));
            for seg in &segments {
                let mut seen = [0usize; 3];
                for (t, tl) in *seg {
                    let keep = match t {
                        Tok::Money(_) | Tok::Percent(_) | Tok::Count(_) => {
                            let kind = match t {
                                Tok::Money(_) => 0,
                                Tok::Percent(_) => 1,
                                _ => 2,
                            };
                            let nth = seen.get(kind).copied().unwrap_or(0);
                            if let Some(x) = seen.get_mut(kind) {
                                *x += 1;
                            }
                            nth == k
                        }
                        Tok::Clause => false,
                        _ => true,
                    };
                    if keep {
                        out.push((t.clone(), *tl));
                    }
                }
            }
        }
        i = end;
    }
    out
}

/// Tokenises one sentence; `base` is the byte offset of the sentence in the paragraph.
fn tokenize(
    dict: &Dictionary,
    (kind, unit): (SectionKind, &str),
    (final_accounts, san_gong_here): (bool, bool),
    para: &Paragraph,
    sentence: &str,
    base: usize,
) -> Vec<(Tok, u32)> {
    let chars: Vec<(usize, char)> = sentence.char_indices().collect();
    let line_at = |i: usize| para.line_of(base + chars.get(i).map_or(sentence.len(), |c| c.0));
    let mut toks: Vec<(Tok, u32)> = Vec::new();
    let functional = sentence.contains("类）") || sentence.contains("类)");
    let mut i = 0;
    while i < chars.len() {
        let Some(&(_, c)) = chars.get(i) else { break };
        let digit = c.is_ascii_digit() || matches!(c, '０'..='９');
        let fc = fold_char(c);
        // most characters start nothing: skip them before finding their line
        if !functional && !final_accounts && !digit && !dict.first.contains(fc) {
            i += 1;
            continue;
        }
        let line = line_at(i);
        // functional classification items: X（类）Y（款）Z（项）
        if let Some((subject, label, end)) = functional
            .then(|| functional_at(sentence, &chars, i))
            .flatten()
        {
            toks.push((Tok::Subject(subject, label), line));
            i = end;
            continue;
        }
        // the unit's own name names no subject (政务服务管理局 is no 服务采购)
        if let Some(end) = (unit.chars().nth(1).is_some())
            .then(|| match_chars(&chars, i, unit.chars()))
            .flatten()
        {
            i = end;
            continue;
        }
        // numbers
        if digit {
            let (tok, end) = number_at(sentence, &chars, i, line);
            if let Some(t) = tok {
                toks.push((t, line));
            }
            i = end.max(i + 1);
            continue;
        }
        // 决算数小于预算数 (final accounts)
        if let Some((v, end)) = final_accounts
            .then(|| versus_budget_at(sentence, &chars, i, line))
            .flatten()
        {
            toks.push((Tok::VersusBudget(v), line));
            i = end;
            continue;
        }
        // nothing below starts with any other character
        if !dict.first.contains(fc) {
            i += 1;
            continue;
        }
        let can = |set: &CharSet| set.contains(fc);
        // reason: to the end of its list item (`；`) or of the sentence
        if let Some(m) = can(&dict.reason_first)
            .then(|| reason_marker(&chars, i))
            .flatten()
        {
            let end = i + m.chars().count();
            let stop = (end..chars.len())
                .find(|&k| chars.get(k).is_some_and(|(_, ch)| matches!(ch, '；' | ';')))
                .unwrap_or(chars.len());
            let rest = slice(sentence, &chars, end, stop);
            let rest = rest
                .trim_start_matches([':', '：', '，', ',', ' '])
                .trim_end_matches(['。', '；', ';', '，', ','])
                .trim();
            toks.push((Tok::Reason(rest.to_owned()), line));
            i = stop;
            continue;
        }
        // comparison base
        if let Some((b, end)) = base_at(sentence, &chars, i) {
            toks.push((Tok::Base(b), line));
            i = end;
            continue;
        }
        if let Some(n) = matches!(c, '分' | '各')
            .then(|| respectively_at(&chars, i))
            .flatten()
        {
            toks.push((Tok::Respectively, line));
            i += n;
            continue;
        }
        // a template's two directions (增加(减少)0万元): a zero states no change; before any other
        // figure the direction is unknown, so nothing is read
        if let Some((end, zero)) = can(&dict.direction_first)
            .then(|| either_direction(&chars, i))
            .flatten()
        {
            if zero {
                toks.push((
                    Tok::Direction(Direction::Flat, slice(sentence, &chars, i, end)),
                    line,
                ));
            }
            i = end;
            continue;
        }
        if let Some(w) = can(&dict.direction_first)
            .then(|| DIRECTION_WORDS.iter().find(|w| starts_with(&chars, i, w)))
            .flatten()
        {
            if let Some(d) = Direction::from_word(w) {
                toks.push((Tok::Direction(d, (*w).to_owned()), line));
            }
            i += w.chars().count();
            continue;
        }
        let marker = can(&dict.marker_first)
            .then(|| {
                let finals = if final_accounts {
                    &FINAL_MARKERS[..]
                } else {
                    &[]
                };
                finals
                    .iter()
                    .chain(&MARKERS)
                    .find(|(w, _)| starts_with(&chars, i, w))
            })
            .flatten()
            .map(|(w, t)| (*w, t.clone()));
        if let Some((w, tok)) = marker {
            toks.push((tok, line));
            i += w.chars().count();
            continue;
        }
        if c == '占' {
            toks.push((Tok::Share, line));
            i += 1;
            continue;
        }
        // 车辆7辆（一般公务用车3辆，…）: a bracket after a count opens its breakdown; so does one
        // after the amount of a whole whose parts the format fixes (购置及运行维护费21万元（购置费
        // 0万元、运行维护费21万元）)
        let whole_amount = matches!(toks.last(), Some((Tok::Money(_), _)))
            && toks
                .iter()
                .rev()
                .find_map(|(t, _)| match t {
                    Tok::Subject(s, _) => Some(s),
                    _ => None,
                })
                .is_some_and(|s| {
                    matches!(
                        s,
                        Subject::SanGong | Subject::Vehicle | Subject::Basic | Subject::Procurement
                    )
                });
        if matches!(c, '（' | '(')
            && (whole_amount || matches!(toks.last(), Some((Tok::Count(_), _))))
        {
            toks.push((Tok::Breakdown, line));
            i += 1;
            continue;
        }
        if matches!(c, '；' | ';') {
            toks.push((Tok::Item, line));
            i += 1;
            continue;
        }
        if matches!(c, '，' | ',' | '、') {
            toks.push((Tok::Clause, line));
            i += 1;
            continue;
        }
        // subjects (longest match)
        let mc = match fc {
            '【' | '〔' | '[' => '(',
            '】' | '〕' | ']' => ')',
            x => x,
        };
        if let Some((phrase, subject)) = dict
            .by_first
            .get(&mc)
            .into_iter()
            .flatten()
            .filter_map(|&k| dict.subjects.get(k))
            .find(|(p, s)| {
                (s.allowed_in(kind) || san_gong_here && s.is_san_gong())
                    && match_at(&chars, i, p).is_some()
            })
        {
            let end = match_at(&chars, i, phrase).unwrap_or(i + 1);
            // "X…决算中，A…占 N%": X is the whole of the shares that follow
            let clause_end = (end..chars.len().min(end + 24)).find(|&k| {
                chars
                    .get(k)
                    .is_some_and(|(_, ch)| matches!(ch, '，' | ',' | '；' | ';' | '：' | ':'))
            });
            let whole = clause_end.is_some_and(|k| {
                let between = slice(sentence, &chars, end, k);
                between.ends_with('中') && !between.chars().any(|ch| ch.is_ascii_digit())
            });
            let tok = if whole {
                Tok::ShareWhole(subject.clone())
            } else {
                Tok::Subject(subject.clone(), slice(sentence, &chars, i, end))
            };
            toks.push((tok, line));
            i = clause_end.filter(|_| whole).unwrap_or(end);
            continue;
        }
        // a vehicle category: …用车 followed by a count or by nothing
        if kind == SectionKind::Assets && c == '用' && starts_with(&chars, i, "用车") {
            let start = (0..i)
                .rev()
                .find(|&k| {
                    chars.get(k).is_some_and(|(_, ch)| {
                        matches!(ch, '、' | '，' | '：' | ':' | '（' | '(' | '；')
                    })
                })
                .map_or(0, |k| k + 1);
            let raw = slice(sentence, &chars, start, i + 2);
            let name = raw
                .strip_prefix("其中")
                .unwrap_or(&raw)
                .trim_start_matches(['：', ':'])
                .to_owned();
            // 执法执勤用车辆: the category name runs into 辆 without a number
            toks.push((
                Tok::Subject(
                    Subject::VehicleCategory {
                        name: name.trim_end_matches('辆').to_owned(),
                    },
                    name,
                ),
                line,
            ));
            i += 2;
            continue;
        }
        i += 1;
    }
    toks
}

/// The byte index and length of the first `（类）` (or `(类)`, `（款）`, `（项）`) in `s`.
fn marker_in(s: &str, level: char) -> Option<(usize, usize)> {
    let forms: [&str; 2] = match level {
        '类' => ["（类）", "(类)"],
        '款' => ["（款）", "(款)"],
        _ => ["（项）", "(项)"],
    };
    forms
        .iter()
        .filter_map(|m| s.find(m).map(|p| (p, m.len())))
        .min()
}

/// Whether every bracket of `s` opens and closes in order (`（室）` inside a name).
fn brackets_paired(s: &str) -> bool {
    let mut depth = 0_u32;
    for c in s.chars() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => return false,
            },
            _ => {}
        }
    }
    depth == 0
}

/// `…（类）…（款）…（项）` at `i`: the subject, its label, and the index after it.
fn functional_at(s: &str, chars: &[(usize, char)], i: usize) -> Option<(Subject, String, usize)> {
    // only at a boundary: start, after a quote, a colon, a comma or a list marker
    if i > 0 {
        let prev = chars.get(i - 1)?.1;
        if !matches!(
            prev,
            '“' | '"' | '：' | ':' | '，' | ',' | '；' | '、' | ' ' | '.' | '．'
        ) {
            return None;
        }
    }
    let rest = s.get(chars.get(i)?.0..)?;
    // a 类 name is short: its marker follows within a few dozen characters
    let near = chars.get(i + 32).map_or(rest.len(), |c| {
        c.0.saturating_sub(chars.get(i).map_or(0, |x| x.0))
    });
    let class_end = marker_in(rest.get(..near).unwrap_or(rest), '类').map(|(p, l)| p + l)?;
    let class = rest.get(..class_end)?;
    let class_name = class
        .trim_end_matches(|c| c != '（' && c != '(')
        .trim_end_matches(['（', '('])
        .trim_matches(|c: char| skippable(c));
    // a 类 name is words only: no digits, punctuation or list numbers
    if class_name.is_empty()
        || class_name.chars().count() > 20
        || class_name.chars().any(|c| {
            c.is_ascii_digit()
                || c.is_ascii_punctuation()
                || skippable(c)
                || matches!(c, '。' | '，' | '；' | '：' | '．')
        })
    {
        return None;
    }
    let mut end = class_end;
    let mut names: Vec<String> = Vec::new();
    for level in ['款', '项'] {
        let after = rest.get(end..)?;
        // a name is at most 30 characters: look no further than that
        let near = after.char_indices().nth(34).map_or(after.len(), |(b, _)| b);
        let Some(m) = marker_in(after.get(..near).unwrap_or(after), level) else {
            break;
        };
        let name = after.get(..m.0)?;
        // a name may hold a bracketed part of its own (`政府办公厅（室）及相关机构事务`)
        if name.is_empty()
            || name.chars().count() > 30
            || name.contains(['。', '，', '；'])
            || !brackets_paired(name)
        {
            break;
        }
        names.push(name.trim_matches(|c: char| skippable(c)).to_owned());
        end += m.0 + m.1;
    }
    // skip a closing quote
    let mut end_byte = chars.get(i)?.0 + end;
    if let Some(q) = s
        .get(end_byte..)
        .and_then(|r| r.chars().next())
        .filter(|c| matches!(c, '”' | '"'))
    {
        end_byte += q.len_utf8();
    }
    let end_idx = chars
        .iter()
        .position(|(b, _)| *b >= end_byte)
        .unwrap_or(chars.len());
    let label = s.get(chars.get(i)?.0..end_byte)?.to_owned();
    let mut it = names.into_iter();
    Some((
        Subject::Functional {
            class: class_name.to_owned(),
            section: it.next(),
            item: it.next(),
        },
        label,
        end_idx,
    ))
}

/// A number at `i` and what follows it: money, percent, count, or nothing (a year, a date).
fn number_at(sentence: &str, chars: &[(usize, char)], i: usize, line: u32) -> (Option<Tok>, usize) {
    let mut j = i;
    let mut digits = String::new();
    // a comma groups thousands only before exactly three digits, and never after the decimal
    // point: in `4125.49,4143.91万元` it separates two figures
    let thousands = |j: usize, digits: &str| {
        !digits.contains('.')
            && (1..=3).all(|d| {
                chars
                    .get(j + d)
                    .is_some_and(|(_, n)| fold_char(*n).is_ascii_digit())
            })
            && !chars
                .get(j + 4)
                .is_some_and(|(_, n)| fold_char(*n).is_ascii_digit())
    };
    while let Some(&(_, c)) = chars.get(j) {
        let c = fold_char(c);
        if c.is_ascii_digit() || c == '.' || (c == ',' && thousands(j, &digits)) {
            if c != ',' {
                digits.push(c);
            }
            j += 1;
        } else {
            break;
        }
    }
    let digits = digits.trim_end_matches('.').to_owned();
    let num_end = j;
    // skip spaces between the number and its unit
    let mut k = j;
    while chars.get(k).is_some_and(|(_, c)| c.is_whitespace()) {
        k += 1;
    }
    let text_to = |end: usize| slice(sentence, chars, i, end);
    let Ok(value) = digits.parse::<Decimal>() else {
        return (None, num_end);
    };
    // a year or a date is no quantity
    if starts_with(chars, k, "年")
        || starts_with(chars, k, "月")
        || starts_with(chars, k, "日")
        || starts_with(chars, k, "号")
    {
        return (None, k + 1);
    }
    for (word, unit) in [
        ("万元", Unit::WanYuan),
        ("亿元", Unit::YiYuan),
        ("元", Unit::Yuan),
    ] {
        if starts_with(chars, k, word) {
            let end = k + word.chars().count();
            // 单价50万元以上 is a threshold, not an amount
            if starts_with(chars, end, "以上")
                || starts_with(chars, end, "以下")
                || starts_with(chars, end, "（含）")
            {
                return (None, end);
            }
            let q = Quantity {
                value,
                kind: QuantityKind::Money { unit },
                text: text_to(end),
                line,
            };
            return (Some(Tok::Money(q)), end);
        }
    }
    // `合计为1000.86万,`: 万 standing alone for 万元 (a clause ends right after it; 万人, 万册 …
    // are other units)
    if starts_with(chars, k, "万")
        && chars
            .get(k + 1)
            .is_none_or(|(_, c)| matches!(c, '，' | ',' | '。' | '；' | ';' | '、' | '）' | ')'))
    {
        let q = Quantity {
            value,
            kind: QuantityKind::Money {
                unit: Unit::WanYuan,
            },
            text: text_to(k + 1),
            line,
        };
        return (Some(Tok::Money(q)), k + 1);
    }
    if starts_with(chars, k, "%") || starts_with(chars, k, "％") {
        let q = Quantity {
            value,
            kind: QuantityKind::Percent,
            text: text_to(k + 1),
            line,
        };
        return (Some(Tok::Percent(q)), k + 1);
    }
    // `4125.49、4143.91万元`: a figure of a list takes the unit of the list's last figure
    if let Some(unit_tok) = list_unit(chars, k) {
        let q = |kind| Quantity {
            value,
            kind,
            text: text_to(num_end),
            line,
        };
        return match unit_tok {
            QuantityKind::Percent => (Some(Tok::Percent(q(QuantityKind::Percent))), num_end),
            kind @ QuantityKind::Money { .. } => (Some(Tok::Money(q(kind))), num_end),
            QuantityKind::Count { .. } => (None, num_end),
        };
    }
    if let Some(w) = COUNT_WORDS.iter().find(|w| starts_with(chars, k, w)) {
        let end = k + w.chars().count();
        let q = Quantity {
            value,
            kind: QuantityKind::Count {
                word: (*w).to_owned(),
            },
            text: text_to(end),
            line,
        };
        return (Some(Tok::Count(q)), end);
    }
    (None, num_end)
}

/// The unit of a list of bare figures that starts at `k` with its separator (`、4143.91万元`,
/// `,38.28%`, `和4143.91万元`): the unit of the list's last figure, when every item between is a
/// bare figure.
fn list_unit(chars: &[(usize, char)], mut k: usize) -> Option<QuantityKind> {
    let sep = |k: usize| -> Option<usize> {
        let c = chars.get(k)?.1;
        matches!(c, '、' | ',' | '，' | '和' | '及').then_some(k + 1)
    };
    for _ in 0..8 {
        k = sep(k)?;
        let start = k;
        while chars
            .get(k)
            .is_some_and(|(_, c)| fold_char(*c).is_ascii_digit() || fold_char(*c) == '.')
        {
            k += 1;
        }
        if k == start {
            return None;
        }
        for (word, unit) in [
            ("万元", Unit::WanYuan),
            ("亿元", Unit::YiYuan),
            ("元", Unit::Yuan),
        ] {
            if starts_with(chars, k, word) {
                return Some(QuantityKind::Money { unit });
            }
        }
        if starts_with(chars, k, "%") || starts_with(chars, k, "％") {
            return Some(QuantityKind::Percent);
        }
    }
    None
}

/// `决算数小于预算数`, `支出决算数大于年初预算数`, `决算数未超过2019年预算数`, `小于预算数（或与预算数持平）`
/// at `i` (the comparison word): the relation, and where it ends. The words before must name the
/// actual (决算, 支出, 执行数) and the words after the budget (预算, with 年初/全年/调整 or a year).
fn versus_budget_at(
    text: &str,
    chars: &[(usize, char)],
    i: usize,
    line: u32,
) -> Option<(BudgetComparison, usize)> {
    const WORDS: [(&str, BudgetRelation); 17] = [
        ("未超过", BudgetRelation::AtMost),
        ("没有超过", BudgetRelation::AtMost),
        ("不超过", BudgetRelation::AtMost),
        ("未超出", BudgetRelation::AtMost),
        ("未突破", BudgetRelation::AtMost),
        ("不高于", BudgetRelation::AtMost),
        ("不低于", BudgetRelation::AtLeast),
        ("大于", BudgetRelation::Above),
        ("高于", BudgetRelation::Above),
        ("超过", BudgetRelation::Above),
        ("超出", BudgetRelation::Above),
        ("多于", BudgetRelation::Above),
        ("小于", BudgetRelation::Below),
        ("低于", BudgetRelation::Below),
        ("少于", BudgetRelation::Below),
        ("等于", BudgetRelation::Equal),
        ("相等于", BudgetRelation::Equal),
    ];
    let c = chars.get(i)?.1;
    if !matches!(
        c,
        '未' | '没' | '不' | '大' | '高' | '超' | '多' | '小' | '低' | '少' | '等' | '相'
    ) {
        return None;
    }
    let &(word, mut relation) = WORDS.iter().find(|(w, _)| starts_with(chars, i, w))?;
    // the actual before the word
    let head = slice(text, chars, i.saturating_sub(5), i);
    let head = head.trim_end();
    if !["决算数", "决算", "支出数", "支出", "执行数", "决算支出"]
        .iter()
        .any(|w| head.ends_with(w))
    {
        return None;
    }
    // the budget after it: (本年|年初|全年|调整|20XX年)预算(数)
    let mut at = i + word.chars().count();
    let digits = (at..chars.len())
        .take_while(|&j| {
            chars
                .get(j)
                .is_some_and(|(_, ch)| fold_char(*ch).is_ascii_digit())
        })
        .count();
    if digits == 4 && starts_with(chars, at + 4, "年") {
        at += 5;
        if starts_with(chars, at, "度") {
            at += 1;
        }
    }
    for w in ["本年", "年初", "全年", "调整后", "调整"] {
        if starts_with(chars, at, w) {
            at += w.chars().count();
            break;
        }
    }
    if !starts_with(chars, at, "预算") {
        return None;
    }
    at += 2;
    if starts_with(chars, at, "数") {
        at += 1;
    }
    // 小于预算数（或与预算数持平）: the template's either-or is one relation
    if chars
        .get(at)
        .is_some_and(|(_, ch)| matches!(ch, '（' | '('))
    {
        if let Some(close) = (at..chars.len().min(at + 16))
            .find(|&j| chars.get(j).is_some_and(|(_, ch)| matches!(ch, '）' | ')')))
        {
            let aside = slice(text, chars, at, close);
            if aside.contains('或') && (aside.contains("持平") || aside.contains("等于")) {
                relation = match relation {
                    BudgetRelation::Below => BudgetRelation::AtMost,
                    BudgetRelation::Above => BudgetRelation::AtLeast,
                    r => r,
                };
                at = close + 1;
            }
        }
    }
    let start = i.saturating_sub(
        ["决算数", "决算", "支出数", "支出", "执行数", "决算支出"]
            .iter()
            .find(|w| head.ends_with(*w))
            .map_or(0, |w| w.chars().count()),
    );
    Some((
        BudgetComparison {
            relation,
            text: slice(text, chars, start, at),
            line,
        },
        at,
    ))
}

/// A comparison base at `i` (比上年, 较2024年预算, 与2023年度相比, 比2022年预算执行数).
fn base_at(s: &str, chars: &[(usize, char)], i: usize) -> Option<(Base, usize)> {
    let c = chars.get(i)?.1;
    if !matches!(c, '比' | '较' | '与' | '同') {
        return None;
    }
    // 经比较 / 比较: "to compare", not a comparison base
    let prev = i.checked_sub(1).and_then(|k| chars.get(k)).map(|x| x.1);
    if c == '比' && chars.get(i + 1).is_some_and(|x| x.1 == '较') || c == '较' && prev == Some('比')
    {
        return None;
    }
    let start = if c == '同' {
        if !starts_with(chars, i, "同比") {
            return None;
        }
        i + 2
    } else {
        i + 1
    };
    let opens = ["上年", "上一年", "去年", "同期", "20", "２０"];
    let budget_opens = ["年初预算", "全年预算", "调整预算", "预算数", "预算"];
    let budget = c != '同' && budget_opens.iter().any(|o| starts_with(chars, start, o));
    if c != '同' && !budget && !opens.iter().any(|o| starts_with(chars, start, o)) {
        return None;
    }
    // the year that opens the base (比2022年…) is part of it; any later digit is a figure
    let year_end = (start..chars.len().min(start + 6))
        .find(|&k| chars.get(k).is_some_and(|(_, ch)| *ch == '年'))
        .filter(|_| {
            chars
                .get(start)
                .is_some_and(|(_, ch)| fold_char(*ch).is_ascii_digit())
        })
        .map_or(start, |k| k + 1);
    // the base runs to a direction word, a comma or 相比
    let mut j = start;
    while j < chars.len() && j < start + 24 {
        // 比2022年（上一年度，下同）预算: skip the aside
        if chars.get(j).is_some_and(|(_, ch)| matches!(ch, '（' | '(')) {
            if let Some(close) = (j..chars.len().min(j + 16))
                .find(|&k| chars.get(k).is_some_and(|(_, ch)| matches!(ch, '）' | ')')))
            {
                j = close + 1;
                continue;
            }
        }
        if DIRECTION_WORDS.iter().any(|w| starts_with(chars, j, w)) {
            break;
        }
        if j >= year_end
            && chars
                .get(j)
                .is_some_and(|(_, ch)| fold_char(*ch).is_ascii_digit())
        {
            break;
        }
        if chars
            .get(j)
            .is_some_and(|(_, ch)| matches!(ch, '，' | ',' | '。' | '；'))
        {
            break;
        }
        if starts_with(chars, j, "相比") {
            j += 2;
            break;
        }
        j += 1;
    }
    let text = slice(s, chars, i, j);
    let kind = if budget {
        BaseKind::Budget
    } else if text.contains("执行") || text.contains("决算") {
        BaseKind::PriorActual
    } else if text.contains("预算") {
        BaseKind::PriorBudget
    } else {
        BaseKind::PriorYear
    };
    Some((
        Base {
            kind,
            year: find_year(&text),
            text,
        },
        j,
    ))
}

// ---------------------------------------------------------------------------------------------
// Grammar

/// Splits a paragraph into sentences (at 。！？), with their byte offsets.
fn sentences(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '。' | '！' | '？') {
            let end = i + c.len_utf8();
            if let Some(s) = text.get(start..end) {
                out.push((start, s));
            }
            start = end;
        }
    }
    if let Some(s) = text.get(start..) {
        if !s.trim().is_empty() {
            out.push((start, s));
        }
    }
    out
}

/// Where a number goes in the claim being built.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Slot {
    Amount,
    Prior,
    Planned,
    Budget,
    AdjustedBudget,
    Actual,
    Share,
    Completion,
}

/// Builds the claims of one sentence. `item` is the claim a numbered paragraph is about, which
/// later sentences without a subject continue.
#[expect(
    clippy::struct_excessive_bools,
    reason = "independent states of the sentence grammar, each read at one token"
)]
struct SentenceBuilder<'a> {
    section: SectionKind,
    sentence: &'a str,
    claims: Vec<Claim>,
    /// path (top index, then part indices) of the claim a breakdown hangs from; empty: none
    parent: Vec<usize>,
    /// path of the current claim; empty: none
    current: Vec<usize>,
    /// where a number without a marker goes in the current claim: a breakdown of a budget
    /// stated alone (预算为 20 万元，其中：…) states the parts' budgets
    default_slot: Slot,
    /// a comparison base was read and no direction word yet: the next amount is the prior
    /// (较上年1174万元减少40万元)
    base_open: bool,
    /// an amount after an inline prior with no direction word yet (较2022年决算数688.84万元
    /// 131.49万元，增长19.09%): the change's amount, once its direction comes
    pending_delta: Option<Quantity>,
    in_breakdown: bool,
    slot: Slot,
    pending_base: Option<Base>,
    /// separators seen since the current subject: an amount in a later clause is not its own
    clauses: u32,
    /// an amount marker (预算资金) allows the next amount in a later clause
    amount_marker: bool,
    /// a number was attached since the current subject
    numbers_since_subject: bool,
    /// the whole the shares of this sentence are of, when the sentence names it first
    share_whole: Option<Subject>,
    /// the claim a second comparison was split from: a 其中 after it is that claim's
    origin: Option<Vec<usize>>,
    /// where the amounts of this sentence's claims go: the prior for a sentence about the year
    /// before the document's that compares with nothing (2021年的三公经费决算数合计为807.95万…)
    sentence_slot: Slot,
}

/// The subject a subject is a kind of: a second mention of the family in the same clause only
/// qualifies the first (预留给小型和微型企业的政府采购项目预算).
fn family(s: &Subject) -> Option<Subject> {
    match s {
        Subject::ProcurementGoods
        | Subject::ProcurementWorks
        | Subject::ProcurementServices
        | Subject::ProcurementSme
        | Subject::ProcurementSmallMicro => Some(Subject::Procurement),
        Subject::Abroad
        | Subject::Vehicle
        | Subject::VehiclePurchase
        | Subject::VehicleOperation
        | Subject::Reception => Some(Subject::SanGong),
        Subject::VehicleCategory { .. } => Some(Subject::Vehicles),
        _ => None,
    }
}

/// The subject a subject is a part of, where the format fixes it: the “三公” items of the
/// total, the two vehicle items of 公务用车购置及运行费, the 政府采购 kinds of the whole, 人员经费 and
/// 公用经费 of 基本支出.
fn container(s: &Subject) -> Option<Subject> {
    match s {
        Subject::VehiclePurchase | Subject::VehicleOperation => Some(Subject::Vehicle),
        Subject::Personnel | Subject::Public => Some(Subject::Basic),
        Subject::Vehicle | Subject::Abroad | Subject::Reception => Some(Subject::SanGong),
        _ => family(s),
    }
}

/// The whole that a subject is one of the additive parts of, by the format (人员经费 and 公用经费
/// of 基本支出, the “三公” items, the vehicle items, the three 政府采购 kinds; not the 中小企业
/// reservation, which overlaps them).
fn partition_whole(s: &Subject) -> Option<Subject> {
    match s {
        Subject::ProcurementGoods | Subject::ProcurementWorks | Subject::ProcurementServices => {
            Some(Subject::Procurement)
        }
        Subject::ProcurementSme | Subject::ProcurementSmallMicro => None,
        other => container(other),
    }
}

/// Whether two different subjects are of one level of a split the format makes (基本支出 and
/// 项目支出; 人员经费 and 公用经费; the 部门经济分类 classes): one is never a part of the other.
fn peers(a: &Subject, b: &Subject) -> bool {
    use Subject as S;
    let group = |s: &Subject| match s {
        S::Basic | S::Project => Some(0),
        S::Personnel | S::Public => Some(1),
        S::Wages
        | S::GoodsAndServices
        | S::Households
        | S::DebtInterest
        | S::CapitalExpenditure
        | S::EnterpriseSubsidies => Some(2),
        _ => None,
    };
    a != b && group(a).is_some() && group(a) == group(b)
}

/// Whether `whole` contains `part`, directly or through the subjects between them.
fn contains(whole: &Subject, part: &Subject) -> bool {
    let mut at = container(part);
    while let Some(s) = at {
        if &s == whole {
            return true;
        }
        at = container(&s);
    }
    false
}

/// The claim at `path` (top index, then part indices).
fn claim_at<'c>(claims: &'c mut [Claim], path: &[usize]) -> Option<&'c mut Claim> {
    let (first, rest) = path.split_first()?;
    let mut c = claims.get_mut(*first)?;
    for &i in rest {
        c = c.parts.get_mut(i)?;
    }
    Some(c)
}

impl<'a> SentenceBuilder<'a> {
    fn new(section: SectionKind, sentence: &'a str) -> SentenceBuilder<'a> {
        SentenceBuilder {
            section,
            sentence,
            claims: Vec::new(),
            parent: Vec::new(),
            current: Vec::new(),
            default_slot: Slot::Amount,
            share_whole: None,
            origin: None,
            sentence_slot: Slot::Amount,
            base_open: false,
            pending_delta: None,
            in_breakdown: false,
            slot: Slot::Amount,
            pending_base: None,
            clauses: 0,
            amount_marker: false,
            numbers_since_subject: false,
        }
    }

    fn current_mut(&mut self) -> Option<&mut Claim> {
        claim_at(&mut self.claims, &self.current)
    }

    /// Where a part named in a breakdown goes: under the deepest claim of the open breakdown
    /// that the format says contains it (a nested 其中 closes at the next item of an outer
    /// level), else under the claim the 其中 follows.
    fn breakdown_home(&self, subject: &Subject) -> Vec<usize> {
        let mut best: Option<usize> = None;
        // the shallowest open claim that is a peer of the subject (基本支出 for 项目支出): the
        // subject is its sibling, never its part
        let mut peer: Option<usize> = None;
        let mut node: Option<&Claim> = None;
        for (depth, &i) in self.parent.iter().enumerate() {
            node = match node {
                None => self.claims.get(i),
                Some(c) => c.parts.get(i),
            };
            if node.is_some_and(|c| contains(&c.subject, subject)) {
                best = Some(depth);
            }
            if peer.is_none() && node.is_some_and(|c| peers(&c.subject, subject)) {
                peer = Some(depth);
            }
        }
        match (best, peer) {
            (Some(depth), _) => self.parent.iter().take(depth + 1).copied().collect(),
            (None, Some(depth)) => self.parent.iter().take(depth).copied().collect(),
            (None, None) => self.parent.clone(),
        }
    }

    fn start(&mut self, subject: Subject, label: &str, line: u32) {
        // a family name right after a member, in the same clause, qualifies it
        if self.clauses == 0 && !self.numbers_since_subject {
            if let Some(cur) = self.current_mut() {
                if family(&cur.subject).as_ref() == Some(&subject) {
                    return;
                }
            }
        }
        self.clauses = 0;
        self.amount_marker = false;
        self.numbers_since_subject = false;
        self.base_open = false;
        self.pending_delta = None;
        let home = if self.in_breakdown {
            self.breakdown_home(&subject)
        } else {
            Vec::new()
        };
        self.origin = None;
        // the whole named again inside its own breakdown (“三公”经费…包括…使用“三公”经费的单位)
        if claim_at(&mut self.claims, &home).is_some_and(|c| c.subject == subject) {
            self.current = home;
            return;
        }
        let claim = Claim::new(subject, label, self.section, self.sentence, line);
        if let Some(parent) = claim_at(&mut self.claims, &home) {
            // the parts of a budget stated alone are budgets
            self.default_slot = if parent.amount.is_none() && parent.budget.is_some() {
                Slot::Budget
            } else {
                self.sentence_slot
            };
            parent.parts.push(claim);
            let index = parent.parts.len() - 1;
            self.current = home;
            self.current.push(index);
            self.slot = self.default_slot;
            return;
        }
        self.claims.push(claim);
        self.current = vec![self.claims.len() - 1];
        self.parent = self.current.clone();
        self.in_breakdown = false;
        self.default_slot = self.sentence_slot;
        self.slot = self.sentence_slot;
    }

    /// A second comparison of the current claim with another base in the same sentence
    /// (比上年减少…，比2020年减少…; 较年初预算数减少…，较上年减少…): a claim of its own, with the
    /// same subject and amount and the second change.
    fn second_comparison(&mut self, change: Change) {
        let Some(cur) = self.current_mut() else {
            return;
        };
        let mut twin = Claim::new(
            cur.subject.clone(),
            &cur.label,
            cur.section,
            &cur.sentence,
            cur.line,
        );
        twin.amount.clone_from(&cur.amount);
        twin.change = Some(change);
        self.origin = Some(self.current.clone());
        self.claims.push(twin);
        self.current = vec![self.claims.len() - 1];
    }

    fn feed(&mut self, tok: Tok, line: u32) {
        match tok {
            // 占本年支出合计的 N%: the subject names the share's whole
            Tok::Subject(s, _) if self.slot == Slot::Share => {
                if let Some(c) = self.current_mut() {
                    c.share_base = Some(s);
                }
            }
            Tok::Subject(s, label) => self.start(s, &label, line),
            Tok::ShareWhole(s) => self.share_whole = Some(s),
            Tok::Breakdown => {
                if !self.current.is_empty() {
                    self.parent = self.origin.take().unwrap_or_else(|| self.current.clone());
                    self.in_breakdown = true;
                }
            }
            Tok::Base(b) => {
                self.pending_base = Some(b);
                self.base_open = true;
            }
            Tok::Direction(d, word) => {
                let base = self.pending_base.take();
                self.base_open = false;
                let delta = self.pending_delta.take();
                // "包括A x万元，B y万元，比上年增加…": a change after a list whose items state none
                // is the whole's
                if let (Some((&p, up)), true) = (self.current.split_last(), self.clauses > 0) {
                    let up = up.to_vec();
                    let whole = !up.is_empty()
                        && claim_at(&mut self.claims, &up).is_some_and(|c| {
                            p >= 1
                                && c.change.is_none()
                                && c.parts.iter().take(p).all(|x| x.change.is_none())
                                && c.parts
                                    .get(p)
                                    .is_some_and(|x| x.amount.is_some() && x.change.is_none())
                        });
                    if whole {
                        self.current = up;
                    }
                }
                // a second comparison against another base
                let second = self.current_mut().is_some_and(|c| {
                    c.change.as_ref().is_some_and(|ch| {
                        (ch.amount.is_some() || ch.percent.is_some())
                            && base.is_some()
                            && ch.base.as_ref().map(|b| (b.kind, b.year))
                                != base.as_ref().map(|b| (b.kind, b.year))
                    })
                });
                if second {
                    self.second_comparison(Change {
                        direction: d,
                        word,
                        amount: delta,
                        percent: None,
                        base,
                        line,
                    });
                    self.slot = self.default_slot;
                    return;
                }
                let Some(c) = self.current_mut() else { return };
                match &mut c.change {
                    // 增加56万元，增长32.83%: one change in two words
                    Some(ch)
                        if ch.direction == d
                            || ch.percent.is_none() && ch.direction.sign() == d.sign() => {}
                    _ => {
                        c.change = Some(Change {
                            direction: d,
                            word,
                            amount: delta,
                            percent: None,
                            base,
                            line,
                        });
                    }
                }
                self.slot = self.default_slot;
            }
            Tok::Prior => self.slot = Slot::Prior,
            Tok::Planned => self.slot = Slot::Planned,
            Tok::BudgetMarker => self.slot = Slot::Budget,
            Tok::AdjustedBudgetMarker => self.slot = Slot::AdjustedBudget,
            Tok::CompletionAdjusted => {
                self.slot = Slot::Completion;
                if let Some(c) = self.current_mut() {
                    if c.completion.is_none() {
                        c.completion_adjusted = true;
                    }
                }
            }
            Tok::ActualMarker => self.slot = Slot::Actual,
            Tok::Share => self.slot = Slot::Share,
            Tok::Completion => self.slot = Slot::Completion,
            Tok::AmountMarker => self.amount_marker = true,
            Tok::Money(q) => {
                let slot = self.slot;
                let same_clause = self.clauses == 0 || self.amount_marker;
                self.amount_marker = false;
                self.numbers_since_subject = true;
                let (base_open, default_slot) = (self.base_open, self.default_slot);
                let Some(c) = self.current_mut() else { return };
                // an amount right after the comparison base is the prior (较上年1174万元减少40
                // 万元); a second one before the direction word is the change (较2022年决算数
                // 688.84万元131.49万元，增长19.09%)
                if base_open && slot == default_slot && c.change.is_none() {
                    if c.prior.is_none() {
                        c.prior = Some(q);
                    } else {
                        self.pending_delta = Some(q);
                        self.base_open = false;
                    }
                    return;
                }
                match slot {
                    Slot::Prior if c.prior.is_none() => c.prior = Some(q),
                    Slot::Planned if c.planned.is_none() => c.planned = Some(q),
                    Slot::Budget if c.budget.is_none() => c.budget = Some(q),
                    Slot::AdjustedBudget if c.adjusted_budget.is_none() => {
                        c.adjusted_budget = Some(q);
                    }
                    Slot::Actual => c.amount = Some(q),
                    _ => {
                        if let Some(ch) = c
                            .change
                            .as_mut()
                            .filter(|ch| ch.amount.is_none() && ch.percent.is_none())
                        {
                            ch.amount = Some(q);
                        } else if c.amount.is_none() && same_clause {
                            c.amount = Some(q);
                        }
                    }
                }
                self.slot = self.default_slot;
            }
            Tok::Percent(q) => {
                self.numbers_since_subject = true;
                let slot = self.slot;
                let whole = self.share_whole.clone();
                let Some(c) = self.current_mut() else { return };
                // a later 占 N% in the list belongs to an item the reader does not know
                match slot {
                    Slot::Share if c.share.is_none() => {
                        c.share = Some(q);
                        if c.share_base.is_none() {
                            c.share_base = whole;
                        }
                    }
                    Slot::Completion if c.completion.is_none() => c.completion = Some(q),
                    Slot::Share | Slot::Completion => {}
                    _ => {
                        if let Some(ch) = c.change.as_mut().filter(|ch| ch.percent.is_none()) {
                            ch.percent = Some(q);
                        }
                    }
                }
                self.slot = self.default_slot;
            }
            Tok::Count(q) => {
                self.numbers_since_subject = true;
                if let Some(c) = self.current_mut() {
                    if c.count.is_none() {
                        c.count = Some(q);
                    }
                }
            }
            Tok::Reason(text) => {
                if let Some(c) = self.current_mut() {
                    if c.reason.is_none() {
                        c.reason = Some(Reason { text, line });
                    }
                }
            }
            // (rewritten away by `distribute`; one left over has nothing to give out)
            Tok::Respectively => {}
            Tok::VersusBudget(v) => {
                if let Some(c) = self.current_mut() {
                    if c.versus_budget.is_none() {
                        c.versus_budget = Some(v);
                    }
                }
            }
            Tok::Item => {
                // `；` closes an item of a list; a list that follows 其中 goes on
                self.slot = self.default_slot;
                self.pending_base = None;
                self.base_open = false;
                self.clauses += 1;
            }
            Tok::Clause => {
                self.base_open = false;
                self.clauses += 1;
            }
        }
    }
}

/// Where a paragraph is read: its section's kind, whether it is about final accounts, the
/// document's year and the publishing unit's name (never read as a subject).
#[derive(Clone, Copy)]
struct Reading<'a> {
    kind: SectionKind,
    final_accounts: bool,
    year: Option<u16>,
    unit: &'a str,
}

fn read_paragraph(dict: &Dictionary, kind: Reading<'_>, para: &Paragraph, out: &mut Claims) {
    let before = out.claims.len();
    read_sentences(dict, kind, para, out);
    // drop item claims that never got a figure
    let mut i = before;
    while i < out.claims.len() {
        if out
            .claims
            .get(i)
            .is_some_and(|c| !c.has_content() && c.reason.is_none())
        {
            out.claims.remove(i);
        } else {
            i += 1;
        }
    }
}

/// Reads the sentences of one paragraph; `kind` is the section's kind and whether the document
/// is a final account.
fn read_sentences(dict: &Dictionary, at: Reading<'_>, para: &Paragraph, out: &mut Claims) {
    let (kind, final_accounts) = (at.kind, at.final_accounts);
    let numbered = crate::text::strip_numbering(&para.text).len() < para.text.len();
    // the claim a numbered item paragraph is about (its first claim)
    let mut item_claim: Option<usize> = None;
    let mut last_claim: Option<usize> = None;
    // the claim whose 其中 breakdown is open: it goes on in later sentences of the paragraph that
    // name another of its parts (其中：运行费…。该项经费主要用于…。购置费…)
    let mut open_breakdown: Option<usize> = None;
    // a paragraph about “三公” in a section whose heading names nothing (a page of its own)
    let san_gong_here =
        matches!(kind, SectionKind::Other | SectionKind::Part) && para.text.contains("三公");
    let kind = if san_gong_here {
        SectionKind::SanGong
    } else {
        kind
    };
    // a breakdown the paragraph before left open (`基本支出911.7万元，其中：` / `人员经费…。` then a
    // paragraph `公用经费…`): a paragraph that opens with another direct part of it goes on with it
    let mut carried = out.claims.len().checked_sub(1).filter(|&i| {
        out.claims
            .get(i)
            .is_some_and(|c| c.section == kind && !c.parts.is_empty())
    });
    // the claims a sentence of this paragraph may give figures to: its own and the one a
    // breakdown of the paragraph before left open; a sentence with numbers that changes none of
    // their figures yielded no claim (checked when the next sentence starts, and at the end)
    let reach = out.claims.len().saturating_sub(1);
    let mut pending: Option<(UnreadSentence, usize)> = None;
    for (offset, sentence) in sentences(&para.text) {
        settle_unread(&mut pending, out, reach);
        let raw = tokenize(
            dict,
            (kind, at.unit),
            (final_accounts, san_gong_here),
            para,
            sentence,
            offset,
        );
        if raw
            .iter()
            .any(|(t, _)| matches!(t, Tok::Money(_) | Tok::Percent(_) | Tok::Count(_)))
        {
            out.numeric_sentences += 1;
            let lead = sentence.len() - sentence.trim_start().len();
            let unread = UnreadSentence {
                text: sentence.trim().to_owned(),
                line: para.line_of(offset + lead),
            };
            pending = Some((unread, figures_in(out.claims.get(reach..).unwrap_or(&[]))));
        }
        let mut toks = distribute(raw);
        collect_residue(sentence, para, offset, &mut out.residue);
        let has_subject = toks.iter().any(|(t, _)| matches!(t, Tok::Subject(..)));
        let has_numbers = toks
            .iter()
            .any(|(t, _)| matches!(t, Tok::Money(_) | Tok::Percent(_) | Tok::Count(_)));
        if !has_subject {
            // 决算数小于预算数的主要原因是…: said of the claim before
            if let Some(v) = toks.iter().find_map(|(t, _)| match t {
                Tok::VersusBudget(v) => Some(v.clone()),
                _ => None,
            }) {
                if let Some(c) = last_claim.and_then(|i| out.claims.get_mut(i)) {
                    if c.versus_budget.is_none() {
                        c.versus_budget = Some(v);
                    }
                }
            }
            let reason = toks.iter().find_map(|(t, l)| match t {
                Tok::Reason(r) => Some(Reason {
                    text: r.clone(),
                    line: *l,
                }),
                _ => None,
            });
            // a numbered item goes on in sentences without a subject of their own
            if has_numbers {
                if let Some(idx) = item_claim {
                    if let Some(claim) = out.claims.get_mut(idx) {
                        continue_item(claim, toks);
                    }
                }
                continue;
            }
            if let Some(reason) = reason {
                match last_claim.and_then(|i| out.claims.get_mut(i)) {
                    Some(c) if c.reason.is_none() => c.reason = Some(reason),
                    _ => out.reasons.push(ReasonStatement {
                        subject: None,
                        reason,
                        section: kind,
                    }),
                }
            }
            continue;
        }
        if let Some(owner_at) = carried.take() {
            let first = toks.iter().find_map(|(t, _)| match t {
                Tok::Subject(s, _) => Some(s.clone()),
                _ => None,
            });
            if let (Some(owner), Some(s)) = (out.claims.get_mut(owner_at), first) {
                let direct = partition_whole(&s).is_some_and(|w| w == owner.subject);
                if direct
                    && !owner.parts.iter().any(|p| p.subject == s)
                    && !matches!(toks.first(), Some((Tok::Breakdown, _)))
                {
                    let line = toks.first().map_or(owner.line, |t| t.1);
                    toks.insert(0, (Tok::Breakdown, line));
                    continue_item(owner, toks);
                    open_breakdown = Some(owner_at);
                    last_claim = Some(owner_at);
                    continue;
                }
            }
        }
        // a sentence naming first another part of the open breakdown continues it
        if let Some(owner) = open_breakdown.and_then(|i| out.claims.get_mut(i)) {
            let first = toks.iter().find_map(|(t, _)| match t {
                Tok::Subject(s, _) => Some(s),
                _ => None,
            });
            if first.is_some_and(|s| {
                contains(&owner.subject, s) && !owner.parts.iter().any(|p| &p.subject == s)
            }) && !matches!(toks.first(), Some((Tok::Breakdown, _)))
            {
                let line = toks.first().map_or(owner.line, |t| t.1);
                toks.insert(0, (Tok::Breakdown, line));
                continue_item(owner, toks);
                continue;
            }
        }
        // "…2336.91万元。其中：人员经费…；公用经费…": the breakdown of the sentence before
        if matches!(toks.first(), Some((Tok::Breakdown, _))) {
            let stated = |c: &Claim| c.amount.is_some() || c.budget.is_some();
            let first = toks.iter().find_map(|(t, _)| match t {
                Tok::Subject(s, _) => Some(s.clone()),
                _ => None,
            });
            if let Some(prev) = last_claim.and_then(|i| out.claims.get_mut(i)) {
                if stated(prev) && prev.parts.is_empty() {
                    continue_item(prev, toks);
                    open_breakdown = last_claim;
                    continue;
                }
                // the breakdown of the last part named (…公务用车购置及运行费75万元。其中：购置费…)
                if let Some(part) = prev.parts.last_mut().filter(|p| {
                    stated(p)
                        && p.parts.is_empty()
                        && first.as_ref().is_some_and(|s| contains(&p.subject, s))
                }) {
                    continue_item(part, toks);
                    open_breakdown = None;
                    continue;
                }
            }
        }
        let mut b = SentenceBuilder::new(kind, sentence.trim());
        // a sentence that opens with the year before the document's and compares with nothing
        // states that year's figures
        let compares = toks
            .iter()
            .any(|(t, _)| matches!(t, Tok::Base(_) | Tok::Direction(..)));
        let opening_year = find_year(sentence.trim_start().get(..12).unwrap_or(sentence));
        if !compares
            && sentence.trim_start().starts_with(['2', '２'])
            && opening_year.is_some()
            && opening_year.map(u32::from) == at.year.map(|y| u32::from(y) - 1)
        {
            b.sentence_slot = Slot::Prior;
            b.slot = Slot::Prior;
            b.default_slot = Slot::Prior;
        }
        for (t, line) in toks {
            b.feed(t, line);
        }
        for claim in b.claims {
            // the subject a numbered item's heading named, stated in full: the item is this claim
            if let Some(head) = item_claim.and_then(|i| out.claims.get_mut(i)) {
                if head.subject == claim.subject && !head.has_content() && head.reason.is_none() {
                    *head = claim;
                    last_claim = item_claim;
                    continue;
                }
            }
            // a numbered item whose first sentence only names its subject: later sentences carry
            // its figures
            if numbered && item_claim.is_none() && !claim.has_content() && claim.reason.is_none() {
                out.claims.push(claim);
                item_claim = Some(out.claims.len() - 1);
                last_claim = item_claim;
                continue;
            }
            // a sentence naming a subject only to give the reason for its change
            if !claim.has_content()
                || claim.amount.is_none()
                    && claim
                        .change
                        .as_ref()
                        .is_some_and(|c| c.amount.is_none() && c.percent.is_none())
                    && claim.reason.is_some()
            {
                if let Some(reason) = claim.reason.clone() {
                    out.reasons.push(ReasonStatement {
                        subject: Some(claim.subject.clone()),
                        reason,
                        section: kind,
                    });
                }
                if !claim.has_content()
                    || claim
                        .change
                        .as_ref()
                        .is_some_and(|c| c.amount.is_none() && c.percent.is_none())
                {
                    continue;
                }
            }
            // the same subject restated in the next sentence of a paragraph (与上年相比，…减少…)
            if let Some(prev) = last_claim.and_then(|i| out.claims.get_mut(i)) {
                // (…“三公”经费支出决算数小于年初预算数的主要原因是…)
                if prev.subject == claim.subject
                    && prev.versus_budget.is_none()
                    && claim.versus_budget.is_some()
                    && claim.amount.is_none()
                    && claim.budget.is_none()
                    && claim.change.is_none()
                    && claim.parts.is_empty()
                {
                    prev.versus_budget = claim.versus_budget;
                    if prev.reason.is_none() {
                        prev.reason = claim.reason;
                    }
                    continue;
                }
                if prev.subject == claim.subject
                    && claim.amount.is_none()
                    && prev.change.is_none()
                    && claim.change.is_some()
                {
                    prev.change = claim.change;
                    if prev.reason.is_none() {
                        prev.reason = claim.reason;
                    }
                    continue;
                }
            }
            out.claims.push(claim);
            last_claim = Some(out.claims.len() - 1);
            if numbered && item_claim.is_none() {
                item_claim = last_claim;
            }
        }
        // a breakdown opened in this sentence may go on in the next one
        carried = last_claim.filter(|&i| out.claims.get(i).is_some_and(|c| !c.parts.is_empty()));
    }
    settle_unread(&mut pending, out, reach);
}

/// Records the sentence of `pending` as unread when the claims from `reach` on hold as many
/// figures as before it was read.
fn settle_unread(pending: &mut Option<(UnreadSentence, usize)>, out: &mut Claims, reach: usize) {
    if let Some((sentence, before)) = pending.take() {
        if figures_in(out.claims.get(reach..).unwrap_or(&[])) == before {
            out.unread.push(sentence);
        }
    }
}

/// The number of figures (amounts, counts, changes, shares, priors, budgets, rates, a part
/// named without its number) in `claims`, parts included: it grows whenever a sentence gives a
/// claim anything.
fn figures_in(claims: &[Claim]) -> usize {
    claims
        .iter()
        .map(|c| {
            let change = c.change.as_ref().map_or(0, |ch| {
                1 + usize::from(ch.amount.is_some()) + usize::from(ch.percent.is_some())
            });
            usize::from(c.missing_number)
                + change
                + [
                    &c.amount,
                    &c.count,
                    &c.share,
                    &c.prior,
                    &c.planned,
                    &c.budget,
                    &c.completion,
                ]
                .iter()
                .filter(|q| q.is_some())
                .count()
                + figures_in(&c.parts)
        })
        .sum()
}

/// Adds the figures of a sentence without a subject to a numbered item's claim.
fn continue_item(claim: &mut Claim, toks: Vec<(Tok, u32)>) {
    let mut b = SentenceBuilder::new(claim.section, "");
    b.claims = vec![std::mem::replace(
        claim,
        Claim::new(claim.subject.clone(), "", claim.section, "", claim.line),
    )];
    b.parent = vec![0];
    b.current = vec![0];
    for (t, line) in toks {
        b.feed(t, line);
    }
    if let Some(c) = b.claims.into_iter().next() {
        *claim = c;
    }
}

/// Unfilled template text: `增加（减少）`, `增加持平`, `XX`.
fn collect_residue(sentence: &str, para: &Paragraph, offset: usize, out: &mut Vec<Residue>) {
    // every pattern starts with one of these
    if !sentence.contains(['增', 'X', '×', 'x', '待', '（']) {
        return;
    }
    for pat in [
        "增加（减少）",
        "增加(减少)",
        "增加（下降）",
        "增加持平",
        "增长（减少）",
        "XX",
        "××",
        "xx万元",
        "待填写",
        "（略）",
    ] {
        if let Some(pos) = sentence.find(pat) {
            out.push(Residue {
                text: pat.to_owned(),
                line: para.line_of(offset + pos),
            });
        }
    }
}

/// Claims grouped by subject key, for lookups.
#[must_use]
pub fn by_subject(claims: &[Claim]) -> BTreeMap<String, Vec<&Claim>> {
    let mut m: BTreeMap<String, Vec<&Claim>> = BTreeMap::new();
    for c in claims {
        m.entry(c.subject.key()).or_default().push(c);
    }
    m
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]
mod tests {
    use super::*;
    use crate::model::LineSpan;

    fn para(text: &str) -> Paragraph {
        Paragraph {
            text: text.to_owned(),
            lines: LineSpan { start: 1, end: 1 },
            breaks: Vec::new(),
        }
    }

    fn claims_of(kind: SectionKind, text: &str) -> Claims {
        read_as(kind, false, text)
    }

    fn final_claims_of(kind: SectionKind, text: &str) -> Claims {
        read_as(kind, true, text)
    }

    fn read_as(kind: SectionKind, final_accounts: bool, text: &str) -> Claims {
        let dict = Dictionary::new(Vocabulary::builtin());
        let mut out = Claims::default();
        let at = Reading {
            kind,
            final_accounts,
            year: Some(2025),
            unit: "",
        };
        read_paragraph(&dict, at, &para(text), &mut out);
        out
    }

    fn v(q: Option<&Quantity>) -> String {
        q.map_or_else(|| "-".to_owned(), |q| q.value.to_string())
    }

    /// A compact outline of claims: `subject amount [parts]`, one level per bracket.
    fn outline(claims: &[Claim]) -> String {
        claims
            .iter()
            .map(|c| {
                let mut s = format!("{} {}", c.subject.key(), v(c.amount.as_ref()));
                if !c.parts.is_empty() {
                    s.push_str(" [");
                    s.push_str(&outline(&c.parts));
                    s.push(']');
                }
                s
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    #[test]
    fn nested_breakdowns_close_at_an_outer_item() {
        let c = claims_of(
            SectionKind::SanGong,
            "“三公”经费预算1,938万元；其中：因公出国(境)费43万元；公务接待费393万元；公务用车购置和运行维护费1,502万元，其中：公车购置费384万元；公车运行维护费1118万元。",
        );
        assert_eq!(
            outline(&c.claims),
            "san_gong 1938 [abroad 43, reception 393, vehicle 1502 [vehicle_purchase 384, vehicle_operation 1118]]"
        );
        // a bracket after the amount of a whole opens its breakdown; the next item closes it
        let c = claims_of(
            SectionKind::SanGong,
            "“三公”经费41万元，其中：因公出国(境)费0万元，公务用车购置及运行维护费21万元(公务用车购置费0万元、公务用车运行维护费21万元)，公务接待费20万元。",
        );
        assert_eq!(
            outline(&c.claims),
            "san_gong 41 [abroad 0, vehicle 21 [vehicle_purchase 0, vehicle_operation 21], reception 20]"
        );
    }

    #[test]
    fn a_breakdown_goes_on_in_later_sentences_naming_its_parts() {
        let c = claims_of(
            SectionKind::SanGong,
            "（二）公务用车购置及运行费支出预算78.7万元，比2023年预算减少7.3万元。其中：公务用车运行费35.7万元，比2023年预算减少1.3万元；该项经费主要用于燃料费。公务用车购置费43万元，比2023年预算减少6万元。",
        );
        assert_eq!(
            outline(&c.claims),
            "vehicle 78.7 [vehicle_operation 35.7, vehicle_purchase 43]"
        );
    }

    #[test]
    fn final_accounts_keep_budget_and_actual_apart() {
        let c = final_claims_of(
            SectionKind::SanGong,
            "“三公”经费预算数为832.05万元，决算支出数为820.33万元，完成年初预算数的98.59%。",
        );
        let t = &c.claims[0];
        assert_eq!(v(t.budget.as_ref()), "832.05");
        assert_eq!(v(t.amount.as_ref()), "820.33");
        assert_eq!(v(t.completion.as_ref()), "98.59");
        // a budget stated alone: its breakdown states the parts' budgets
        let c = final_claims_of(
            SectionKind::SanGong,
            "“三公”经费预算为20万元，其中：公务接待费9万元，公务用车运行维护费11万元。",
        );
        let t = &c.claims[0];
        assert_eq!(
            (v(t.amount.as_ref()), v(t.budget.as_ref())),
            ("-".into(), "20".into())
        );
        assert!(
            t.parts
                .iter()
                .all(|p| p.amount.is_none() && p.budget.is_some())
        );
        // in a budget, the budget is the amount
        let c = claims_of(SectionKind::SanGong, "“三公”经费预算为20万元。");
        assert_eq!(v(c.claims[0].amount.as_ref()), "20");
    }

    #[test]
    fn two_comparisons_in_one_sentence_are_kept_apart() {
        let c = final_claims_of(
            SectionKind::SanGong,
            "“三公”经费支出共计9.07万元，较年初预算数减少10.93万元，下降54.65%，较上年支出数减少0.71万元，下降7.83%。",
        );
        let changes: Vec<(Option<BaseKind>, String, String)> = c
            .claims
            .iter()
            .filter_map(|x| {
                let ch = x.change.as_ref()?;
                Some((
                    ch.base.as_ref().map(|b| b.kind),
                    v(ch.amount.as_ref()),
                    v(ch.percent.as_ref()),
                ))
            })
            .collect();
        assert_eq!(
            changes,
            [
                (Some(BaseKind::Budget), "10.93".into(), "54.65".into()),
                (Some(BaseKind::PriorYear), "0.71".into(), "7.83".into())
            ]
        );
        assert!(c.claims.iter().all(|x| v(x.amount.as_ref()) == "9.07"));
    }

    #[test]
    fn an_inline_prior_and_a_change_without_its_verb() {
        let c = final_claims_of(
            SectionKind::SanGong,
            "“三公”经费决算支出数为820.33万元，较2022年决算数688.84万元131.49万元，增长19.09%。",
        );
        let t = &c.claims[0];
        assert_eq!(v(t.prior.as_ref()), "688.84");
        let ch = t.change.as_ref().unwrap();
        assert_eq!(
            (v(ch.amount.as_ref()), v(ch.percent.as_ref())),
            ("131.49".into(), "19.09".into())
        );
        let c = claims_of(
            SectionKind::SanGong,
            "公务接待费为122万元，较上年144万元减少22万元，下降15%。",
        );
        let t = &c.claims[0];
        assert_eq!(v(t.prior.as_ref()), "144");
        assert_eq!(v(t.change.as_ref().unwrap().amount.as_ref()), "22");
        // 经比较: "to compare", not a base
        let c = claims_of(
            SectionKind::SanGong,
            "经比较2020年度“三公”经费41万元，较上年减少19万元。",
        );
        assert_eq!(v(c.claims[0].amount.as_ref()), "41");
        assert_eq!(v(c.claims[0].prior.as_ref()), "-");
    }

    #[test]
    fn a_share_of_a_whole_named_first() {
        let c = final_claims_of(
            SectionKind::SanGong,
            "“三公”经费财政拨款支出决算中，因公出国(境)费支出决算0万元，占0%；公务接待费支出决算0.28万元，占0.95%。",
        );
        assert_eq!(c.claims.len(), 2);
        assert!(
            c.claims
                .iter()
                .all(|x| x.share_base == Some(Subject::SanGong))
        );
        // a later 占 N% of an item the reader does not know stays off the known one
        let c = claims_of(
            SectionKind::BudgetOverview,
            "本年支出合计4143.91万元，其中：基本支出1140.27万元，占27.52%；项目支出3003.64万元，占72.48%；上缴上级支出0万元，占0%。",
        );
        let p = &c.claims[0].parts;
        assert_eq!(v(p[1].share.as_ref()), "72.48");
    }

    #[test]
    fn a_sentence_about_the_year_before_states_priors() {
        let c = claims_of(
            SectionKind::SanGong,
            "2024年的三公经费决算数合计为807.95万元，其中：公务接待费39.43万元。",
        );
        let t = &c.claims[0];
        assert_eq!(
            (v(t.amount.as_ref()), v(t.prior.as_ref())),
            ("-".into(), "807.95".into())
        );
        assert_eq!(v(t.parts[0].prior.as_ref()), "39.43");
        // the same year with a comparison is this year's
        let c = claims_of(
            SectionKind::SanGong,
            "2024年“三公”经费3.46万元，较上年增加2.4万元。",
        );
        assert_eq!(v(c.claims[0].amount.as_ref()), "3.46");
    }

    #[test]
    fn totals_with_breakdowns() {
        let c = claims_of(
            SectionKind::BudgetOverview,
            "（二）支出预算：2025年支出预算7,713.47万元，其中：基本支出3,134.09万元，项目支出4,579.38万元。",
        );
        assert_eq!(c.claims.len(), 1);
        let total = &c.claims[0];
        assert_eq!(total.subject, Subject::ExpenditureTotal);
        assert_eq!(total.amount.as_ref().unwrap().value.to_string(), "7713.47");
        let parts: Vec<(Subject, String)> = total
            .parts
            .iter()
            .map(|p| {
                (
                    p.subject.clone(),
                    p.amount.as_ref().unwrap().value.to_string(),
                )
            })
            .collect();
        assert_eq!(
            parts,
            [
                (Subject::Basic, "3134.09".to_owned()),
                (Subject::Project, "4579.38".to_owned())
            ]
        );
    }

    #[test]
    fn change_decomposition() {
        let c = claims_of(
            SectionKind::BudgetOverview,
            "2. 支出预算增加101.51万元，其中基本支出减少57.87万元，项目支出增加159.38万元。",
        );
        let total = &c.claims[0];
        let ch = total.change.as_ref().unwrap();
        assert_eq!(
            (ch.direction, ch.amount.as_ref().unwrap().value.to_string()),
            (Direction::Increase, "101.51".to_owned())
        );
        assert_eq!(
            total.parts[0].change.as_ref().unwrap().direction,
            Direction::Decrease
        );
        assert_eq!(
            total.parts[1]
                .change
                .as_ref()
                .unwrap()
                .amount
                .as_ref()
                .unwrap()
                .value
                .to_string(),
            "159.38"
        );
    }

    #[test]
    fn functional_item_with_a_bracket_in_its_name() {
        let c = claims_of(
            SectionKind::BudgetOverview,
            "1. “一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）”45.41万元，主要用于机关运转。",
        );
        match &c.claims[0].subject {
            Subject::Functional { section, item, .. } => {
                assert_eq!(section.as_deref(), Some("政府办公厅（室）及相关机构事务"));
                assert_eq!(item.as_deref(), Some("行政运行"));
            }
            other => panic!("{other:?}"),
        }
        assert!(!brackets_paired("政府办公厅（室"));
        assert!(!brackets_paired("室）及"));
    }

    #[test]
    fn functional_item_across_sentences() {
        let c = claims_of(
            SectionKind::BudgetOverview,
            "3. “一般公共服务支出（类）群众团体事务（款）一般行政管理事务（项）”45.41万元，主要用于群众团体事务一般行政管理事务。2022年当年预算执行数为11.67万元，2023年预算安排45.41万元，比2022年预算执行数增加314.82%。主要原因是：群众团体事务一般行政管理事务经费增加。",
        );
        assert_eq!(c.claims.len(), 1, "{:#?}", c.claims);
        let item = &c.claims[0];
        match &item.subject {
            Subject::Functional {
                class,
                section,
                item,
            } => {
                assert_eq!(class, "一般公共服务支出");
                assert_eq!(section.as_deref(), Some("群众团体事务"));
                assert_eq!(item.as_deref(), Some("一般行政管理事务"));
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(item.amount.as_ref().unwrap().value.to_string(), "45.41");
        assert_eq!(item.prior.as_ref().unwrap().value.to_string(), "11.67");
        assert_eq!(item.planned.as_ref().unwrap().value.to_string(), "45.41");
        let ch = item.change.as_ref().unwrap();
        assert_eq!(ch.percent.as_ref().unwrap().value.to_string(), "314.82");
        assert_eq!(ch.base.as_ref().unwrap().kind, BaseKind::PriorActual);
        assert!(item.reason.as_ref().unwrap().text.starts_with("群众团体"));
    }

    #[test]
    fn san_gong_items_and_flat() {
        let c = claims_of(
            SectionKind::SanGong,
            "2. 公务用车购置及运行费21.6万元，包括公务用车购置费0万元，与上年基本持平；公务用车运行维护费21.6万元，与上年基本持平。",
        );
        let v = &c.claims[0];
        assert_eq!(v.subject, Subject::Vehicle);
        assert_eq!(v.parts.len(), 2);
        assert_eq!(v.parts[0].subject, Subject::VehiclePurchase);
        assert_eq!(
            v.parts[0].change.as_ref().unwrap().direction,
            Direction::RoughlyFlat
        );
        assert_eq!(v.parts[1].subject, Subject::VehicleOperation);
    }

    #[test]
    fn a_funds_income_is_its_own_subject_not_fiscal_income() {
        // the fund's name goes with the income: 政府性基金预算财政拨款收入 contains 财政拨款收入,
        // but it is one fund's share, not the fiscal income of the unit
        let c = claims_of(
            SectionKind::BudgetOverview,
            "本年收入合计4125.49万元，其中：一般公共预算财政拨款收入3859.16万元；政府性基金预算财政拨款收入12.30万元；国有资本经营预算收入0万元。",
        );
        let subjects: Vec<&Subject> = std::iter::once(&c.claims[0].subject)
            .chain(c.claims[0].parts.iter().map(|p| &p.subject))
            .chain(c.claims.iter().skip(1).map(|c| &c.subject))
            .collect();
        assert!(
            subjects.contains(&&Subject::GeneralPublicIncome),
            "{subjects:?}"
        );
        assert!(subjects.contains(&&Subject::GovFundIncome), "{subjects:?}");
        assert!(
            subjects.contains(&&Subject::StateCapitalIncome),
            "{subjects:?}"
        );
        assert!(!subjects.contains(&&Subject::FiscalIncome), "{subjects:?}");
    }

    #[test]
    fn zero_with_increase_is_kept_as_stated() {
        let c = claims_of(
            SectionKind::BudgetOverview,
            "政府性基金拨款支出预算0万元，比2022年预算增加1421.25万元；国有资本经营预算拨款支出预算0万元，比2022年预算持平。",
        );
        assert_eq!(c.claims.len(), 2);
        assert_eq!(c.claims[0].subject, Subject::GovFundExpenditure);
        assert_eq!(c.claims[0].amount.as_ref().unwrap().value.to_string(), "0");
        assert_eq!(
            c.claims[0].change.as_ref().unwrap().direction,
            Direction::Increase
        );
        assert_eq!(
            c.claims[1].change.as_ref().unwrap().direction,
            Direction::Flat
        );
    }

    #[test]
    fn vehicles_with_a_missing_count() {
        let c = claims_of(
            SectionKind::Assets,
            "截至2024年12月31日，本单位共有车辆9辆，其中机要通信用车4辆、应急保障用车3辆、执法执勤用车辆、特种专业技术用车1辆、其他按照规定配备的公务用车1辆。",
        );
        let v = &c.claims[0];
        assert_eq!(v.subject, Subject::Vehicles);
        assert_eq!(v.count.as_ref().unwrap().value.to_string(), "9");
        let counts: Vec<Option<String>> = v
            .parts
            .iter()
            .map(|p| p.count.as_ref().map(|q| q.value.to_string()))
            .collect();
        assert_eq!(
            counts,
            [
                Some("4".into()),
                Some("3".into()),
                None,
                Some("1".into()),
                Some("1".into())
            ]
        );
    }

    #[test]
    fn thresholds_and_years_are_not_amounts() {
        let c = claims_of(
            SectionKind::BudgetOverview,
            "2025年预算未安排购置单位价值100万元以上大型设备。",
        );
        assert!(c.claims.is_empty());
    }

    #[test]
    fn shares_and_completion() {
        let c = claims_of(
            SectionKind::BudgetOverview,
            "本年收入合计2946.25万元，其中：财政拨款收入2940.05万元，占99.79%；其他收入6.2万元，占0.21%；",
        );
        let t = &c.claims[0];
        assert_eq!(
            t.parts[0].share.as_ref().unwrap().value.to_string(),
            "99.79"
        );
        assert_eq!(t.parts[1].subject, Subject::OtherIncome);
        let c = claims_of(
            SectionKind::BudgetOverview,
            "一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元，完成年初预算的98.20%。",
        );
        let t = &c.claims[0];
        assert_eq!(t.budget.as_ref().unwrap().value.to_string(), "2993.92");
        assert_eq!(t.amount.as_ref().unwrap().value.to_string(), "2940.05");
        assert_eq!(t.completion.as_ref().unwrap().value.to_string(), "98.20");
    }

    #[test]
    fn a_breakdown_in_the_next_sentence_of_the_last_part_named() {
        // `其中` opening a sentence breaks down the last part of the sentence before when the
        // format says that part contains what it lists
        let c = claims_of(
            SectionKind::SanGong,
            "“三公”经费预算为79万元。其中：因公出国（境）费0万元，公务用车购置及运行费75万元。其中：公务用车购置费50万元，公务用车运行费25万元。",
        );
        let total = &c.claims[0];
        assert_eq!(total.subject, Subject::SanGong);
        let vehicle = total
            .parts
            .iter()
            .find(|p| p.subject == Subject::Vehicle)
            .unwrap();
        let subjects: Vec<&Subject> = vehicle.parts.iter().map(|p| &p.subject).collect();
        assert_eq!(
            subjects,
            [&Subject::VehiclePurchase, &Subject::VehicleOperation]
        );
        assert_eq!(c.claims.len(), 1, "{:#?}", c.claims);
    }

    #[test]
    fn economic_classes_are_subjects_on_each_side() {
        // each class its own subject, under 基本支出 and under 项目支出; 项目支出 a sibling of
        // 基本支出 (never its part)
        let c = claims_of(
            SectionKind::BudgetOverview,
            "2025年支出预算1000万元，其中：基本支出800万元，包括工资福利支出600万元、商品和服务支出150万元、对个人和家庭的补助50万元；项目支出200万元，包括商品和服务支出120万元、资本性支出80万元。",
        );
        let total = &c.claims[0];
        assert_eq!(total.subject, Subject::ExpenditureTotal);
        let sides: Vec<&Subject> = total.parts.iter().map(|p| &p.subject).collect();
        assert_eq!(sides, [&Subject::Basic, &Subject::Project]);
        let classes = |i: usize| -> Vec<(Subject, String)> {
            total.parts[i]
                .parts
                .iter()
                .map(|p| {
                    (
                        p.subject.clone(),
                        p.amount.as_ref().unwrap().value.to_string(),
                    )
                })
                .collect()
        };
        assert_eq!(
            classes(0),
            [
                (Subject::Wages, "600".to_owned()),
                (Subject::GoodsAndServices, "150".to_owned()),
                (Subject::Households, "50".to_owned())
            ]
        );
        assert_eq!(
            classes(1),
            [
                (Subject::GoodsAndServices, "120".to_owned()),
                (Subject::CapitalExpenditure, "80".to_owned())
            ]
        );
    }

    #[test]
    fn items_without_fei_amounts_in_yuan_and_numbers_cut_by_a_line() {
        // sub-items named without 费, in 元 with decimals; the second amount is cut by a line
        // break (`23,005.` / `58元`), which the paragraph joins before reading
        let c = final_claims_of(
            SectionKind::SanGong,
            "2025年“三公”经费支出决算26,085.58元，其中：公务用车购置支出0元，公务用车运行维护支出23,005.58元，公务接待费3,080元。",
        );
        let total = &c.claims[0];
        assert_eq!(total.amount.as_ref().unwrap().unit(), Some(Unit::Yuan));
        let parts: Vec<(Subject, String)> = total
            .parts
            .iter()
            .map(|p| {
                (
                    p.subject.clone(),
                    p.amount.as_ref().unwrap().value.to_string(),
                )
            })
            .collect();
        assert_eq!(
            parts,
            [
                (Subject::VehiclePurchase, "0".to_owned()),
                (Subject::VehicleOperation, "23005.58".to_owned()),
                (Subject::Reception, "3080".to_owned())
            ]
        );
        let doc = crate::Parser::new()
            .parse_narrative(
                "四、“三公”经费情况说明\n2025年“三公”经费支出决算26,085.58元，其中：公务接待费3,080元，公务用车运行维护支出23,005.\n58元。\n",
            )
            .unwrap();
        let c = extract(&doc);
        let vehicle = c[0]
            .parts
            .iter()
            .find(|p| p.subject == Subject::VehicleOperation)
            .unwrap();
        assert_eq!(
            vehicle.amount.as_ref().unwrap().value.to_string(),
            "23005.58"
        );
    }

    #[test]
    fn a_template_pair_of_directions() {
        // `增加（减少）0万元`: no change; before another figure the direction is unknown
        let c = claims_of(
            SectionKind::SanGong,
            "因公出国（境）费支出决算比预算数增加（减少）0万元，增长（下降）0%。",
        );
        let ch = c.claims[0].change.as_ref().unwrap();
        assert_eq!(ch.direction, Direction::Flat);
        assert!(ch.amount.as_ref().unwrap().value.is_zero());
        let c = claims_of(
            SectionKind::SanGong,
            "因公出国（境）费支出决算比预算数增加（减少）5万元。",
        );
        assert!(
            c.claims.iter().all(|c| c.change.is_none()),
            "{:?}",
            c.claims
        );
        assert!(!c.residue.is_empty());
    }

    #[test]
    fn residue_and_empty_reason() {
        let c = claims_of(
            SectionKind::SanGong,
            "（二）公务用车购置及运行费6.40万元，与2023年预算持平，主要原因是。",
        );
        assert_eq!(c.claims[0].reason.as_ref().unwrap().text, "");
        let c = claims_of(SectionKind::BudgetOverview, "收入预算增加（减少）XX万元。");
        assert!(!c.residue.is_empty());
    }

    #[test]
    fn values_given_respectively_go_to_their_subjects() {
        let sum = SectionKind::BudgetOverview;
        // a combined subject stands for its pair; a list comma is not a thousands separator
        let c = claims_of(sum, "2025年度收、支总计各是4125.49,4143.91万元。");
        assert_eq!(
            outline(&c.claims),
            "income_total 4125.49, expenditure_total 4143.91"
        );
        assert!(c.claims.iter().all(|c| c.label.contains("总计")));
        // two subjects, two amounts, and a unit given once for the list
        let c = claims_of(sum, "2025年收入总计和支出总计分别为100、90万元。");
        assert_eq!(outline(&c.claims), "income_total 100, expenditure_total 90");
        // changes and rates given respectively
        let c = claims_of(
            sum,
            "收、支总计各是50、40万元，各减少5、4万元，各下降9.09%、9.09%。",
        );
        let ch: Vec<String> = c
            .claims
            .iter()
            .map(|c| {
                let ch = c.change.as_ref().unwrap();
                format!("{} {}", v(ch.amount.as_ref()), v(ch.percent.as_ref()))
            })
            .collect();
        assert_eq!(ch, ["5 9.09", "4 9.09"]);
        // counts that do not match: no figure is given to a subject it may not belong to
        let c = claims_of(sum, "收入总计和支出总计分别为100万元、90万元、80万元。");
        assert!(
            c.claims.iter().all(|c| c.amount.is_none()),
            "{:?}",
            outline(&c.claims)
        );
        // a thousands separator stays one
        let c = claims_of(sum, "2025年收入预算1,234.56万元。");
        assert_eq!(outline(&c.claims), "income_total 1234.56");
        // parts of a breakdown, with their shares of a named whole
        let c = claims_of(
            sum,
            "2025年支出预算100万元，其中：基本支出和项目支出分别为80万元、20万元，分别占支出预算的80%、20%。",
        );
        assert_eq!(
            outline(&c.claims),
            "expenditure_total 100 [basic 80, project 20]"
        );
        let shares: Vec<String> = c.claims[0]
            .parts
            .iter()
            .map(|p| v(p.share.as_ref()))
            .collect();
        assert_eq!(shares, ["80", "20"]);
        // 万 standing alone for 万元 at the end of a clause; 万人 is no amount
        let c = claims_of(sum, "2025年支出预算合计为1000.86万，服务群众3万人。");
        assert_eq!(outline(&c.claims), "expenditure_total 1000.86");
        // 各项 / 各类 are not “respectively”
        let c = claims_of(sum, "2025年支出预算100万元，各项支出增加10万元。");
        assert_eq!(outline(&c.claims), "expenditure_total 100");
    }

    #[test]
    fn a_breakdown_goes_on_over_a_paragraph_break() {
        let dict = Dictionary::new(Vocabulary::builtin());
        let at = Reading {
            kind: SectionKind::BudgetOverview,
            final_accounts: false,
            year: Some(2025),
            unit: "",
        };
        let read_in = |kind: SectionKind, paras: &[&str]| {
            let mut out = Claims::default();
            for p in paras {
                read_paragraph(&dict, Reading { kind, ..at }, &para(p), &mut out);
            }
            outline(&out.claims)
        };
        let read = |paras: &[&str]| read_in(SectionKind::BudgetOverview, paras);
        // the other part of 基本支出 in a paragraph of its own
        assert_eq!(
            read(&[
                "2025年基本支出100万元，其中：人员经费60万元。",
                "公用经费40万元，主要包括办公费。"
            ]),
            "basic 100 [personnel 60, public 40]"
        );
        // and in the next sentence of the same paragraph
        assert_eq!(
            read(&["2025年基本支出100万元，其中：人员经费60万元，主要包括工资。公用经费40万元。"]),
            "basic 100 [personnel 60, public 40]"
        );
        // a subject that is no additive part of it stays a claim of its own
        assert_eq!(
            read(&[
                "2025年基本支出100万元，其中：人员经费60万元。",
                "项目支出40万元。"
            ]),
            "basic 100 [personnel 60], project 40"
        );
        // the 中小企业 reservation overlaps the procurement kinds: not one of them
        assert_eq!(
            read_in(
                SectionKind::Procurement,
                &[
                    "2025年政府采购预算30万元，其中：政府采购货物10万元、政府采购服务20万元。",
                    "面向中小企业预留政府采购项目预算金额12万元。",
                ]
            ),
            "procurement 30 [procurement_goods 10, procurement_services 20], procurement_sme 12"
        );
    }
}
