//! 决算 (final accounts) documents in the 9-table layout of the checker's `shanghai-final-9`
//! template: the fiscal money of a [`Budget`] as this year's actual spending, plus the money a
//! 决算 adds to it — non-fiscal income (事业收入, 其他收入) and spending, the 年初/年末结转和结余
//! of every fund, the 年初预算 of each 功能分类 项 and of the "三公" items — drawn so that every
//! identity of a 决算 holds exactly:
//!
//! - per fund, income of the year + 年初结转和结余 = spending + 年末结转和结余 (financial grants
//!   by fund in 财政拨款收入支出决算总表, the non-fiscal rest in 收入支出决算总表);
//! - 收入决算表 by 功能分类 adds up to the income lines, 支出决算表 to the spending lines, and
//!   支出决算表 = 一般公共预算 + 政府性基金 + the spending of non-fiscal funds, row by row.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use rust_decimal::Decimal;
use yusuan::catalog::Catalog;
use yusuan::{Basis, ColumnKey as K, DocLevel, LineItem, Side};

use super::{Style, Writer, cell, change, cn, dec, money, narrative_name, stated};
use crate::Variant;
use crate::budget::{Budget, Cents, Fund, ItemMoney, SanGong};
use crate::rng::Rng;
use crate::truth::{CellTruth, ClaimKind, RowKey, RowTruth, TableTruth, Truth};

/// The 类 lines of a 决算's two summary tables, in printed order.
const CLASSES: [&str; 26] = [
    "201", "202", "203", "204", "205", "206", "207", "208", "210", "211", "212", "213", "214",
    "215", "216", "217", "219", "220", "221", "222", "223", "224", "229", "231", "232", "234",
];

/// A 决算's 年初 or 年末结转和结余, by fund.
#[derive(Debug, Clone, Copy, Default)]
struct Balances {
    gp: Cents,
    gf: Cents,
    non_fiscal: Cents,
}

impl Balances {
    fn fiscal(&self) -> Cents {
        self.gp + self.gf
    }
    fn total(&self) -> Cents {
        self.fiscal() + self.non_fiscal
    }
}

/// Income of the year booked under one 功能分类 项.
#[derive(Debug, Clone, Copy, Default)]
struct Income {
    gp: Cents,
    gf: Cents,
    business: Cents,
    superior: Cents,
    operating: Cents,
    other: Cents,
}

impl Income {
    fn fiscal(&self) -> Cents {
        self.gp + self.gf
    }
    fn total(&self) -> Cents {
        self.fiscal() + self.business + self.superior + self.operating + self.other
    }
    fn add(&mut self, o: &Income) {
        self.gp += o.gp;
        self.gf += o.gf;
        self.business += o.business;
        self.superior += o.superior;
        self.operating += o.operating;
        self.other += o.other;
    }
}

/// What a 决算 adds to the fiscal money of its [`Budget`].
#[derive(Debug, Clone)]
struct Accounts {
    /// 功能分类 项 → (基本支出, 项目支出, 经营支出) paid from non-fiscal funds.
    non_fiscal: BTreeMap<String, (Cents, Cents, Cents)>,
    /// 功能分类 项 → income of the year.
    income: BTreeMap<String, Income>,
    /// 功能分类 项 → government-fund (年初, 年末) balances.
    gf_balances: BTreeMap<String, (Cents, Cents)>,
    opening: Balances,
    closing: Balances,
    /// 功能分类 项 → 年初预算 of the general public budget.
    gp_budget: BTreeMap<String, Cents>,
    /// The "三公" 年初预算.
    san_gong_budget: SanGong,
    /// Last year's 收入支出总计, 财政拨款收入支出总计 and general public spending.
    prior_total: Cents,
    prior_fiscal: Cents,
    prior_gp: Cents,
}

/// A change in `-x/den ..= x/den`.
fn wobble(rng: &mut Rng, x: Cents, den: Cents) -> Cents {
    let w = x / den;
    rng.range(-w, w)
}

/// A positive amount spread over magnitudes (`lo..=hi`, small ones as likely as large).
fn some(rng: &mut Rng, lo: Cents, hi: Cents) -> Cents {
    let mut top = lo.max(1);
    for _ in 0..rng.range(0, 5) {
        top = top.saturating_mul(4).min(hi);
    }
    rng.range(lo, top)
}

fn draw(b: &Budget, rng: &mut Rng) -> Accounts {
    let codes: Vec<String> = b.items.keys().cloned().collect();
    // non-fiscal spending: some basic spending of the first item, projects of some others
    let mut non_fiscal: BTreeMap<String, (Cents, Cents, Cents)> = BTreeMap::new();
    if rng.chance(55) {
        if let Some(first) = codes.first() {
            if rng.chance(60) {
                non_fiscal.entry(first.clone()).or_default().0 += some(rng, 50, 30_000);
            }
        }
        for _ in 0..rng.range(1, 3) {
            if let Some(code) = rng.pick(&codes) {
                non_fiscal.entry(code.clone()).or_default().1 += some(rng, 50, 80_000);
            }
        }
    }
    // 经营支出 of a 事业单位, out of its 经营收入
    let operating = if rng.chance(15) {
        some(rng, 10, 30_000)
    } else {
        0
    };
    if operating > 0 {
        if let Some(code) = rng.pick(&codes) {
            non_fiscal.entry(code.clone()).or_default().2 += operating;
        }
    }
    let nf_spent: Cents = non_fiscal.values().map(|(a, p, o)| a + p + o).sum();
    // non-fiscal income: 事业收入 and 其他收入 under some of the items
    let mut income: BTreeMap<String, Income> = BTreeMap::new();
    let with_income = rng.chance(50);
    for (code, m) in &b.items {
        let gp = m.gp();
        let d = if gp > 0 && rng.chance(50) {
            wobble(rng, gp, 10)
        } else {
            0
        };
        let gf = m.project_gf;
        income.insert(
            code.clone(),
            Income {
                gp: gp + d,
                gf,
                ..Income::default()
            },
        );
    }
    if with_income {
        let pieces = rng.range(1, 3);
        for i in 0..pieces {
            let Some(code) = rng.pick(&codes) else { break };
            let amount = some(rng, 1, 60_000);
            let e = income.entry(code.clone()).or_default();
            if i == 0 && rng.chance(50) {
                e.business += amount;
            } else if rng.chance(25) {
                e.superior += amount;
            } else {
                e.other += amount;
            }
        }
    }
    for (code, (_, _, spent)) in &non_fiscal {
        if *spent > 0 {
            let e = income.entry(code.clone()).or_default();
            e.operating += spent + wobble(rng, *spent, 5);
        }
    }
    // government funds: per item, income of the year and the balances around it
    let mut gf_balances = BTreeMap::new();
    for (code, m) in &b.items {
        if m.project_gf == 0 {
            continue;
        }
        let opening = if rng.chance(50) {
            0
        } else {
            some(rng, 1, m.project_gf)
        };
        let d = rng.range(-opening.min(m.project_gf), m.project_gf / 5);
        if let Some(e) = income.get_mut(code) {
            e.gf = m.project_gf + d;
        }
        gf_balances.insert(code.clone(), (opening, opening + d));
    }
    let gp_income: Cents = income.values().map(|i| i.gp).sum();
    let d_gp = gp_income - b.gp_total();
    let opening_gp = (-d_gp).max(0)
        + if rng.chance(40) {
            0
        } else {
            some(rng, 1, 50_000)
        };
    let nf_income: Cents = income.values().map(|i| i.total() - i.fiscal()).sum();
    let opening_nf = (nf_spent - nf_income).max(0)
        + if rng.chance(50) {
            0
        } else {
            some(rng, 1, 20_000)
        };
    let opening = Balances {
        gp: opening_gp,
        gf: gf_balances.values().map(|(o, _)| o).sum(),
        non_fiscal: opening_nf,
    };
    let closing = Balances {
        gp: opening_gp + d_gp,
        gf: gf_balances.values().map(|(_, c)| c).sum(),
        non_fiscal: opening_nf + nf_income - nf_spent,
    };
    // 年初预算: each 项 near its actual spending
    let mut gp_budget = BTreeMap::new();
    for (code, m) in &b.items {
        let gp = m.gp();
        if gp > 0 {
            let budget = if rng.chance(30) {
                gp
            } else {
                (gp + rng.range(-gp / 10, gp / 5)).max(1)
            };
            gp_budget.insert(code.clone(), budget);
        }
    }
    let over = |x: Cents, rng: &mut Rng| {
        if rng.chance(30) {
            x
        } else {
            x + some(rng, 0, 2_000)
        }
    };
    let s = b.san_gong;
    let san_gong_budget = SanGong {
        abroad: over(s.abroad, rng),
        purchase: over(s.purchase, rng),
        operation: over(s.operation, rng),
        reception: over(s.reception, rng),
    };
    let total = income.values().map(Income::total).sum::<Cents>() + opening.total();
    let fiscal = income.values().map(Income::fiscal).sum::<Cents>() + opening.fiscal();
    let gp = b.gp_total();
    Accounts {
        non_fiscal,
        income,
        gf_balances,
        opening,
        closing,
        gp_budget,
        san_gong_budget,
        prior_total: (total + wobble(rng, total, 4)).max(1),
        prior_fiscal: (fiscal + wobble(rng, fiscal, 4)).max(1),
        prior_gp: (gp + wobble(rng, gp, 4)).max(1),
    }
}

/// What one functional code (类, 款 or 项) of a 决算 holds.
#[derive(Debug, Clone, Copy, Default)]
struct Code {
    fiscal: ItemMoney,
    nf_basic: Cents,
    nf_project: Cents,
    operating: Cents,
    income: Income,
    gf_opening: Cents,
    gf_closing: Cents,
}

impl Code {
    fn spent(&self) -> Cents {
        self.fiscal.total() + self.nf_basic + self.nf_project + self.operating
    }
    fn basic(&self) -> Cents {
        self.fiscal.basic() + self.nf_basic
    }
    fn project(&self) -> Cents {
        self.fiscal.project_gp + self.fiscal.project_gf + self.nf_project
    }
}

/// Every functional code with its money, 类 and 款 summed from their 项.
fn codes(b: &Budget, a: &Accounts) -> BTreeMap<String, Code> {
    let mut out: BTreeMap<String, Code> = BTreeMap::new();
    let mut all: Vec<&String> = b.items.keys().collect();
    all.extend(a.non_fiscal.keys());
    all.extend(a.income.keys());
    all.sort();
    all.dedup();
    for code in all {
        let m = b.items.get(code).copied().unwrap_or_default();
        let (nb, np, no) = a.non_fiscal.get(code).copied().unwrap_or_default();
        let inc = a.income.get(code).copied().unwrap_or_default();
        let (go, gc) = a.gf_balances.get(code).copied().unwrap_or_default();
        for len in [3, 5, 7] {
            if let Some(prefix) = code.get(..len) {
                let e = out.entry(prefix.to_owned()).or_default();
                e.fiscal.personnel += m.personnel;
                e.fiscal.public += m.public;
                e.fiscal.project_gp += m.project_gp;
                e.fiscal.project_gf += m.project_gf;
                e.nf_basic += nb;
                e.nf_project += np;
                e.operating += no;
                e.income.add(&inc);
                e.gf_opening += go;
                e.gf_closing += gc;
            }
        }
    }
    out
}

/// Prints the 决算 of `b`: the text and what it states.
pub(crate) fn render(
    b: &Budget,
    catalog: &Catalog,
    rng: &mut Rng,
    variant: Variant,
) -> (String, Truth) {
    let a = draw(b, rng);
    let style = Style {
        grouped: rng.chance(85),
        full_width_meta: rng.chance(50),
        spaced_total: rng.chance(30),
        split_t04: false,
        split_t05: false,
        wrap_names: false,
    };
    let variant = Variant {
        yuan_tables: false,
        ..variant
    };
    let mut w = Writer {
        lines: Vec::new(),
        tables: Vec::new(),
        claims: Vec::new(),
        style,
        catalog,
        b,
        variant,
    };
    let level = if b.department { "部门" } else { "单位" };
    let all = codes(b, &a);
    cover(&mut w, level);
    w.para(format!("第二部分 {}{}年度{level}决算表", b.unit, b.year));
    t01(&mut w, &a, &all);
    t02(&mut w, &all);
    t03(&mut w, &all);
    t04(&mut w, &a, &all);
    t05(&mut w, rng);
    t06(&mut w);
    t07(&mut w, &a);
    t08(&mut w, &all);
    t09(&mut w);
    narrative(&mut w, &a, &all, level, rng);
    glossary(&mut w);
    let mut text = w.lines.join("\n");
    text.push('\n');
    let truth = Truth {
        unit: b.unit.clone(),
        year: b.year,
        level: if b.department {
            DocLevel::Department
        } else {
            DocLevel::Unit
        },
        tables: w.tables,
        performance: Vec::new(),
        claims: w.claims,
    };
    (text, truth)
}

const TITLES: [&str; 9] = [
    "收入支出决算总表",
    "收入决算表",
    "支出决算表",
    "财政拨款收入支出决算总表",
    "一般公共预算财政拨款支出决算表",
    "一般公共预算财政拨款基本支出决算表",
    "财政拨款“三公”经费支出决算表",
    "政府性基金预算财政拨款收入支出决算表",
    "国有资本经营预算财政拨款收入支出决算表",
];

fn cover(w: &mut Writer<'_>, level: &str) {
    let (u, y) = (w.b.unit.clone(), w.b.year);
    w.para(u.clone());
    w.para(format!("{y}年度{level}决算"));
    w.para("目 录");
    w.para(format!("第一部分 {u}概况"));
    w.line("一、主要职能");
    w.line("二、决算单位构成");
    w.para(format!("第二部分 {u}{y}年度{level}决算表"));
    for (i, t) in TITLES.iter().enumerate() {
        w.line(format!("{}、{t}", cn(i + 1)));
    }
    w.blank();
    w.para(format!("第三部分 {u}{y}年度{level}决算情况说明"));
    w.para("第四部分 名词解释");
    w.para(format!("第一部分 {u}概况"));
    w.para("一、主要职能");
    w.para(format!(
        "{u}负责本领域的日常管理和公共服务工作，承办上级交办的其他事项。"
    ));
    w.para("二、决算单位构成");
    w.para(format!(
        "纳入{u}{y}年度{level}决算编制范围的单位为本级机关，无下属预算单位。"
    ));
}

/// A table's title and unit line (a 决算 prints no 部门（单位） line).
fn title(w: &mut Writer<'_>, title: &str) {
    w.para(title);
    let unit = if w.style.full_width_meta {
        "单位：万元"
    } else {
        "单位: 万元"
    };
    w.para(unit);
}

fn class_name(w: &Writer<'_>, code: &str) -> String {
    w.catalog
        .lookup(code)
        .map_or_else(|| code.to_owned(), |e| e.name.clone())
}

/// The 类 lines the catalog knows, with their Chinese numbering.
fn class_lines(w: &Writer<'_>) -> Vec<(String, String)> {
    CLASSES
        .iter()
        .filter(|c| w.catalog.lookup(c).is_some())
        .enumerate()
        .map(|(i, c)| {
            (
                (*c).to_owned(),
                format!("{}、{}", cn(i + 1), class_name(w, c)),
            )
        })
        .collect()
}

fn push(w: &mut Writer<'_>, key: &str, empty: bool, rows: Vec<RowTruth>) {
    w.blank();
    w.tables.push(TableTruth {
        key: key.to_owned(),
        empty,
        rows,
    });
}

fn item_row(item: LineItem, side: Side, cells: Vec<CellTruth>, line: u32) -> RowTruth {
    RowTruth {
        key: RowKey::Item(item),
        side: Some(side),
        cells,
        line,
    }
}

fn t01(w: &mut Writer<'_>, a: &Accounts, all: &BTreeMap<String, Code>) {
    title(w, TITLES[0]);
    let total: Income = a.income.values().fold(Income::default(), |mut s, i| {
        s.add(i);
        s
    });
    w.row(&["收入".into(), String::new(), "支出".into(), String::new()]);
    w.row(&[
        "项目".into(),
        "决算数".into(),
        "项目".into(),
        "决算数".into(),
    ]);
    let income: [(&str, Cents, LineItem); 8] = [
        (
            "一、一般公共预算财政拨款收入",
            total.gp,
            LineItem::GeneralPublic,
        ),
        (
            "二、政府性基金预算财政拨款收入",
            total.gf,
            LineItem::GovFund,
        ),
        (
            "三、国有资本经营预算财政拨款收入",
            0,
            LineItem::StateCapital,
        ),
        (
            "四、上级补助收入",
            total.superior,
            LineItem::SuperiorSubsidy,
        ),
        ("五、事业收入", total.business, LineItem::BusinessIncome),
        ("六、经营收入", total.operating, LineItem::OperatingIncome),
        ("七、附属单位上缴收入", 0, LineItem::AffiliatedRemit),
        ("八、其他收入", total.other, LineItem::OtherIncome),
    ];
    let mut rows = Vec::new();
    for (i, (class, label)) in class_lines(w).into_iter().enumerate() {
        let spent = all.get(&class).map_or(0, Code::spent);
        let (il, iv, ii) = income
            .get(i)
            .map_or(("", 0, None), |(l, v, it)| (*l, *v, Some(*it)));
        let line = w.row(&[il.to_owned(), w.amount(iv), label, w.amount(spent)]);
        if let Some(ii) = ii {
            rows.push(item_row(ii, Side::Income, vec![cell(K::Amount, iv)], line));
        }
        rows.push(RowTruth {
            key: RowKey::Code(class),
            side: Some(Side::Expenditure),
            cells: vec![cell(K::Amount, spent)],
            line,
        });
    }
    let spent: Cents = all
        .iter()
        .filter(|(c, _)| c.len() == 3)
        .map(|(_, m)| m.spent())
        .sum();
    let grand = total.total() + a.opening.total();
    for (il, iv, ii, el, ev, ei) in [
        (
            "本年收入合计",
            total.total(),
            LineItem::IncomeSubtotal,
            "本年支出合计",
            spent,
            LineItem::ExpenditureSubtotal,
        ),
        (
            "使用非财政拨款结余（含专用结余）",
            0,
            LineItem::NonFiscalBalance,
            "结余分配",
            0,
            LineItem::SurplusDistribution,
        ),
        (
            "年初结转和结余",
            a.opening.total(),
            LineItem::CarryForward,
            "年末结转和结余",
            a.closing.total(),
            LineItem::CarryOver,
        ),
        (
            "总计",
            grand,
            LineItem::IncomeTotal,
            "总计",
            grand,
            LineItem::ExpenditureTotal,
        ),
    ] {
        let line = w.row(&[il.into(), w.amount(iv), el.into(), w.amount(ev)]);
        rows.push(item_row(ii, Side::Income, vec![cell(K::Amount, iv)], line));
        rows.push(item_row(
            ei,
            Side::Expenditure,
            vec![cell(K::Amount, ev)],
            line,
        ));
    }
    push(w, "T01", false, rows);
}

/// The three code cells, the name and the amounts of a functional row.
fn coded(w: &mut Writer<'_>, code: &str, values: &[(K, Cents)], rows: &mut Vec<RowTruth>) {
    // a 决算 prints the 类 and 款 digits on every row: `201 | 03 | 01`, `201 | 03 |`, `201 | |`
    let digits = |a: usize, b: usize| {
        if code.len() >= b {
            code.get(a..b).unwrap_or("").to_owned()
        } else {
            String::new()
        }
    };
    let mut cells = vec![
        digits(0, 3),
        digits(3, 5),
        digits(5, 7),
        class_name(w, code),
    ];
    cells.extend(values.iter().map(|(_, v)| w.amount(*v)));
    let line = w.row(&cells);
    rows.push(RowTruth {
        key: RowKey::Code(code.to_owned()),
        side: None,
        cells: values.iter().map(|(k, v)| cell(*k, *v)).collect(),
        line,
    });
}

fn total_line(w: &mut Writer<'_>, values: &[(K, Cents)], rows: &mut Vec<RowTruth>, lead: &[&str]) {
    let mut cells: Vec<String> = lead.iter().map(|s| (*s).to_owned()).collect();
    cells.push(w.total_word());
    cells.extend(values.iter().map(|(_, v)| w.amount(*v)));
    let line = w.row(&cells);
    rows.push(RowTruth {
        key: RowKey::Total,
        side: None,
        cells: values.iter().map(|(k, v)| cell(*k, *v)).collect(),
        line,
    });
}

fn classes_sum(all: &BTreeMap<String, Code>) -> Code {
    let mut s = Code::default();
    for m in all.iter().filter(|(c, _)| c.len() == 3).map(|(_, m)| m) {
        s.fiscal.personnel += m.fiscal.personnel;
        s.fiscal.public += m.fiscal.public;
        s.fiscal.project_gp += m.fiscal.project_gp;
        s.fiscal.project_gf += m.fiscal.project_gf;
        s.nf_basic += m.nf_basic;
        s.nf_project += m.nf_project;
        s.operating += m.operating;
        s.income.add(&m.income);
        s.gf_opening += m.gf_opening;
        s.gf_closing += m.gf_closing;
    }
    s
}

fn t02(w: &mut Writer<'_>, all: &BTreeMap<String, Code>) {
    title(w, TITLES[1]);
    w.line("项目\t\t\t\t本年收入合计\t财政拨款收入\t上级补助收入\t事业收入\t经营收入\t附属单位上缴收入\t其他收入");
    w.line("支出功能分类\t\t\t科目名称\t\t\t\t\t\t\t");
    w.line("科目编码\t\t\t\t\t\t\t\t\t\t");
    let f = |i: &Income| {
        vec![
            (K::Total, i.total()),
            (K::FiscalGrant, i.fiscal()),
            (K::SuperiorSubsidy, i.superior),
            (K::BusinessIncome, i.business),
            (K::OperatingIncome, i.operating),
            (K::AffiliatedRemit, 0),
            (K::OtherIncome, i.other),
        ]
    };
    let mut rows = Vec::new();
    total_line(
        w,
        &f(&classes_sum(all).income),
        &mut rows,
        &["类", "款", "项"],
    );
    for (code, m) in all {
        if m.income.total() != 0 {
            coded(w, code, &f(&m.income), &mut rows);
        }
    }
    push(w, "T02", false, rows);
}

fn t03(w: &mut Writer<'_>, all: &BTreeMap<String, Code>) {
    title(w, TITLES[2]);
    w.line(
        "项目\t\t\t\t本年支出合计\t基本支出\t项目支出\t上缴上级支出\t经营支出\t对附属单位补助支出",
    );
    w.line("支出功能分类\t\t\t科目名称\t\t\t\t\t\t");
    w.line("科目编码\t\t\t\t\t\t\t\t\t");
    let f = |m: &Code| {
        vec![
            (K::Total, m.spent()),
            (K::Basic, m.basic()),
            (K::Project, m.project()),
            (K::RemitToSuperior, 0),
            (K::OperatingExpense, m.operating),
            (K::SubsidyToAffiliates, 0),
        ]
    };
    let mut rows = Vec::new();
    total_line(w, &f(&classes_sum(all)), &mut rows, &["类", "款", "项"]);
    for (code, m) in all {
        if m.spent() != 0 {
            coded(w, code, &f(m), &mut rows);
        }
    }
    push(w, "T03", false, rows);
}

fn t04(w: &mut Writer<'_>, a: &Accounts, all: &BTreeMap<String, Code>) {
    title(w, TITLES[3]);
    let b = w.b;
    let (gp_in, gf_in) = a
        .income
        .values()
        .fold((0, 0), |(p, f), i| (p + i.gp, f + i.gf));
    w.line("收入\t\t支出\t\t\t\t");
    w.line("项目\t决算数\t项目\t合计\t一般公共预算财政拨款\t政府性基金预算财政拨款\t国有资本经营预算财政拨款");
    let income: [(&str, Cents, LineItem); 3] = [
        ("一、一般公共预算财政拨款", gp_in, LineItem::GeneralPublic),
        ("二、政府性基金预算财政拨款", gf_in, LineItem::GovFund),
        ("三、国有资本经营预算财政拨款", 0, LineItem::StateCapital),
    ];
    let funds = |t: Cents, p: Cents, f: Cents| {
        vec![
            cell(K::Total, t),
            cell(K::GeneralPublic, p),
            cell(K::GovFund, f),
            cell(K::StateCapital, 0),
        ]
    };
    let mut rows = Vec::new();
    for (i, (class, label)) in class_lines(w).into_iter().enumerate() {
        let m = all.get(&class).map(|c| c.fiscal).unwrap_or_default();
        let (il, iv, ii) = income
            .get(i)
            .map_or(("", 0, None), |(l, v, it)| (*l, *v, Some(*it)));
        let line = w.row(&[
            il.to_owned(),
            w.amount(iv),
            label,
            w.amount(m.total()),
            w.amount(m.gp()),
            w.amount(m.project_gf),
            String::new(),
        ]);
        if let Some(ii) = ii {
            rows.push(item_row(ii, Side::Income, vec![cell(K::Amount, iv)], line));
        }
        rows.push(RowTruth {
            key: RowKey::Code(class),
            side: Some(Side::Expenditure),
            cells: funds(m.total(), m.gp(), m.project_gf),
            line,
        });
    }
    let (gp, gf) = (b.gp_total(), b.gf_total());
    let (o, c) = (a.opening, a.closing);
    let line4 = |w: &mut Writer<'_>,
                 rows: &mut Vec<RowTruth>,
                 (il, iv, ii): (&str, Cents, LineItem),
                 (el, ev, ei): (&str, (Cents, Cents), LineItem)| {
        let line = w.row(&[
            il.into(),
            w.amount(iv),
            el.into(),
            w.amount(ev.0 + ev.1),
            w.amount(ev.0),
            w.amount(ev.1),
            String::new(),
        ]);
        rows.push(item_row(ii, Side::Income, vec![cell(K::Amount, iv)], line));
        rows.push(item_row(
            ei,
            Side::Expenditure,
            funds(ev.0 + ev.1, ev.0, ev.1),
            line,
        ));
    };
    line4(
        w,
        &mut rows,
        ("本年收入合计", gp_in + gf_in, LineItem::IncomeSubtotal),
        ("本年支出合计", (gp, gf), LineItem::ExpenditureSubtotal),
    );
    line4(
        w,
        &mut rows,
        ("年初财政拨款结转和结余", o.fiscal(), LineItem::CarryForward),
        ("年末财政拨款结转和结余", (c.gp, c.gf), LineItem::CarryOver),
    );
    for (il, iv, ii) in [
        ("一、一般公共预算财政拨款", o.gp, LineItem::GeneralPublic),
        ("二、政府性基金预算财政拨款", o.gf, LineItem::GovFund),
        ("三、国有资本经营预算财政拨款", 0, LineItem::StateCapital),
    ] {
        let line = w.row(&[
            il.into(),
            w.amount(iv),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ]);
        rows.push(item_row(ii, Side::Income, vec![cell(K::Amount, iv)], line));
    }
    let grand = gp_in + gf_in + o.fiscal();
    line4(
        w,
        &mut rows,
        ("总计", grand, LineItem::IncomeTotal),
        ("总计", (gp + c.gp, gf + c.gf), LineItem::ExpenditureTotal),
    );
    push(w, "T04", false, rows);
}

fn t05(w: &mut Writer<'_>, rng: &mut Rng) {
    title(w, TITLES[4]);
    let b = w.b;
    w.line("项目\t\t\t\t合计\t基本支出\t项目支出");
    w.line("支出功能分类\t\t\t科目名称\t\t\t");
    w.line("科目编码\t\t\t\t\t\t");
    let f = |m: &ItemMoney| {
        vec![
            (K::Total, m.gp()),
            (K::Basic, m.basic()),
            (K::Project, m.project_gp),
        ]
    };
    let total = ItemMoney {
        personnel: b.personnel(),
        public: b.public(),
        project_gp: b.project_gp(),
        project_gf: 0,
    };
    let mut rows = Vec::new();
    let at_end = rng.chance(50);
    if at_end {
        w.line("类\t款\t项\t\t\t\t");
    } else {
        total_line(w, &f(&total), &mut rows, &["类", "款", "项"]);
    }
    for (code, m) in &b.functional(Some(Fund::GeneralPublic)) {
        coded(w, code, &f(m), &mut rows);
    }
    if at_end {
        total_line(w, &f(&total), &mut rows, &["", "", ""]);
    }
    push(w, "T05", false, rows);
}

/// 一般公共预算财政拨款基本支出决算表: two lanes (人员经费 301, 303 | 公用经费 302, 310), each
/// `类 | 款 | 科目名称 | 决算数`, closed by 人员经费合计 and 公用经费合计.
fn t06(w: &mut Writer<'_>) {
    title(w, TITLES[5]);
    let b = w.b;
    let econ = b.economic();
    w.line("经济分类\t\t科目名称\t决算数\t经济分类\t\t科目名称\t决算数");
    w.line("科目编码\t\t\t\t科目编码\t\t\t");
    w.line("类\t款\t\t\t类\t款\t\t");
    let lane = |personnel: bool| -> Vec<(&String, Cents)> {
        econ.iter()
            .filter(|(c, _)| (c.starts_with("301") || c.starts_with("303")) == personnel)
            .map(|(c, v)| (c, *v))
            .collect()
    };
    let (left, right) = (lane(true), lane(false));
    let mut rows = Vec::new();
    let half = |w: &Writer<'_>, entry: Option<&(&String, Cents)>| -> Vec<String> {
        match entry {
            Some((code, v)) => vec![
                code.get(..3).unwrap_or("").to_owned(),
                code.get(3..).unwrap_or("").to_owned(),
                class_name(w, code),
                w.amount(*v),
            ],
            None => vec![String::new(); 4],
        }
    };
    for i in 0..left.len().max(right.len()) {
        let (l, r) = (left.get(i), right.get(i));
        let mut cells = half(w, l);
        cells.extend(half(w, r));
        let line = w.row(&cells);
        for (code, v) in [l, r].into_iter().flatten() {
            rows.push(RowTruth {
                key: RowKey::Code((*code).clone()),
                side: None,
                cells: vec![cell(K::Amount, *v)],
                line,
            });
        }
    }
    let (p, q) = (b.personnel(), b.public());
    let line = w.row(&[
        "人员经费合计".into(),
        String::new(),
        String::new(),
        money(p, w.style.grouped),
        "公用经费合计".into(),
        String::new(),
        String::new(),
        money(q, w.style.grouped),
    ]);
    for (item, v) in [(LineItem::PersonnelTotal, p), (LineItem::PublicTotal, q)] {
        rows.push(RowTruth {
            key: RowKey::Item(item),
            side: None,
            cells: vec![cell(K::Amount, v)],
            line,
        });
    }
    push(w, "T06", false, rows);
}

fn t07(w: &mut Writer<'_>, a: &Accounts) {
    title(w, TITLES[6]);
    w.line("财政拨款“三公”经费\t\t\t\t\t\t\t\t\t\t\t");
    w.line("合计\t\t因公出国（境）费\t\t公务用车购置及运行维护费\t\t\t\t\t\t公务接待费\t");
    w.line("\t\t\t\t小计\t\t公务用车购置费\t\t公务用车运行维护费\t\t\t");
    w.line("预算数\t决算数\t预算数\t决算数\t预算数\t决算数\t预算数\t决算数\t预算数\t决算数\t预算数\t决算数");
    let (budget, actual) = (a.san_gong_budget, w.b.san_gong);
    let mut cells = Vec::new();
    let mut truth = Vec::new();
    for (k, f) in [
        (K::SanGongTotal, SanGong::total as fn(&SanGong) -> Cents),
        (K::Abroad, |s: &SanGong| s.abroad),
        (K::VehicleTotal, SanGong::vehicles),
        (K::VehiclePurchase, |s: &SanGong| s.purchase),
        (K::VehicleOperation, |s: &SanGong| s.operation),
        (K::Reception, |s: &SanGong| s.reception),
    ] {
        for (basis, s) in [(Basis::Budget, &budget), (Basis::Actual, &actual)] {
            let v = f(s);
            // the 合计 and 小计 are printed even when zero
            let always = matches!(k, K::SanGongTotal | K::VehicleTotal);
            cells.push(if always {
                money(v, w.style.grouped)
            } else {
                w.amount(v)
            });
            truth.push(CellTruth {
                column: k,
                year: None,
                basis: Some(basis),
                value: (v != 0 || always).then(|| dec(v)),
            });
        }
    }
    let line = w.row(&cells);
    push(
        w,
        "T07",
        false,
        vec![RowTruth {
            key: RowKey::Only,
            side: None,
            cells: truth,
            line,
        }],
    );
}

const FUND_H1: &str = "项目\t\t\t\t年初结转和结余\t本年收入\t本年支出\t\t\t年末结转和结余";
const FUND_H2: &str = "支出功能分类科目编码\t\t\t科目名称\t\t\t小计\t基本支出\t项目支出\t";
const FUND_H3: &str = "类\t款\t项\t\t\t\t\t\t\t";

fn t08(w: &mut Writer<'_>, all: &BTreeMap<String, Code>) {
    title(w, TITLES[7]);
    w.line(FUND_H1);
    w.line(FUND_H2);
    w.line(FUND_H3);
    let f = |m: &Code| {
        vec![
            (K::CarryForward, m.gf_opening),
            // 本年收入: a header the checker names no column for (left out of the truth below)
            (K::FiscalGrant, m.income.gf),
            (K::Total, m.fiscal.project_gf),
            (K::Basic, 0),
            (K::Project, m.fiscal.project_gf),
            (K::CarryOver, m.gf_closing),
        ]
    };
    let gf: Vec<(&String, &Code)> = all
        .iter()
        .filter(|(_, m)| m.fiscal.project_gf != 0 || m.gf_opening != 0 || m.income.gf != 0)
        .collect();
    let mut rows = Vec::new();
    if gf.is_empty() {
        w.line("合计\t\t\t\t\t\t\t\t\t");
        let s = format!(
            "注：{}无政府性基金预算财政拨款收入、支出及结转和结余，故本表无数据。",
            w.b.unit
        );
        w.para(s);
        w.tables.push(TableTruth {
            key: "T08".into(),
            empty: true,
            rows,
        });
        return;
    }
    total_line(w, &f(&classes_sum(all)), &mut rows, &["", "", ""]);
    for (code, m) in gf {
        coded(w, code, &f(m), &mut rows);
    }
    for r in &mut rows {
        r.cells.retain(|c| c.column != K::FiscalGrant);
    }
    push(w, "T08", false, rows);
}

fn t09(w: &mut Writer<'_>) {
    title(w, TITLES[8]);
    w.line(FUND_H1);
    w.line(FUND_H2);
    w.line(FUND_H3);
    w.line("合计\t\t\t\t\t\t\t\t\t");
    let s = format!(
        "注：{}无国有资本经营预算财政拨款收入、支出及结转和结余，故本表无数据。",
        w.b.unit
    );
    w.para(s);
    w.tables.push(TableTruth {
        key: "T09".into(),
        empty: true,
        rows: Vec::new(),
    });
}

/// `part` as a percentage of `whole` (two decimals, or whole percent in that variant), half up.
fn share(w: &Writer<'_>, part: Cents, whole: Cents) -> Decimal {
    if whole == 0 {
        return Decimal::ZERO;
    }
    let (p, q) = (i128::from(part), i128::from(whole));
    if w.variant.whole_percent {
        let whole_pct = (p * 200 / q + 1) / 2;
        if whole_pct > 0 {
            return Decimal::from_i128_with_scale(whole_pct, 0);
        }
    }
    Decimal::from_i128_with_scale((p * 20_000 / q + 1) / 2, 2)
}

/// `，占x%`, recorded as a claim.
fn share_text(w: &mut Writer<'_>, line: u32, part: Cents, whole: Cents) -> String {
    let p = share(w, part, whole);
    let s = p.to_string();
    w.claim(ClaimKind::Share, line, &s, p);
    format!("，占{s}%")
}

/// `年初预算为B万元，支出决算为A万元，完成年初预算的r%` and the reason for the gap.
fn against_budget(
    w: &mut Writer<'_>,
    line: u32,
    actual: Cents,
    budget: Cents,
    (kb, ka): (ClaimKind, ClaimKind),
    g: bool,
) -> String {
    let bs = stated(w, kb, line, budget, g);
    let as_ = stated(w, ka, line, actual, g);
    let mut s = format!("年初预算为{bs}万元，支出决算为{as_}万元");
    if budget > 0 {
        let r = share(w, actual, budget);
        let rs = r.to_string();
        w.claim(ClaimKind::Completion, line, &rs, r);
        let _ = write!(s, "，完成年初预算的{rs}%");
    }
    s.push_str(match actual.cmp(&budget) {
        std::cmp::Ordering::Less => "。决算数小于预算数的主要原因是：厉行节约，压减一般性支出",
        std::cmp::Ordering::Greater => "。决算数大于预算数的主要原因是：年中追加了工作任务经费",
        std::cmp::Ordering::Equal => "。决算数与预算数持平",
    });
    s
}

fn narrative(
    w: &mut Writer<'_>,
    a: &Accounts,
    all: &BTreeMap<String, Code>,
    level: &str,
    rng: &mut Rng,
) {
    let b = w.b;
    let (u, y) = (b.unit.clone(), b.year);
    let g = rng.chance(50);
    let sum = classes_sum(all);
    let income = sum.income;
    let spent = sum.spent();
    let grand = income.total() + a.opening.total();
    w.para(format!("第三部分 {u}{y}年度{level}决算情况说明"));
    let (start, first_claim) = (w.lines.len(), w.claims.len());

    w.para("一、收入支出决算总体情况说明");
    let n = w.next_line();
    let t = stated(w, ClaimKind::Total, n, grand, g);
    let c = change(w, n, grand, a.prior_total, None);
    w.para(format!(
        "{u}{y}年度收入支出总计{t}万元，与{}年度相比，收入支出总计{}。",
        y - 1,
        c.trim_start_matches("与上年").trim_start_matches("比上年")
    ));

    w.para("二、收入决算情况说明");
    let n = w.next_line();
    let total_in = income.total();
    let mut s = format!(
        "本年收入合计{}万元，其中：财政拨款收入{}万元",
        stated(w, ClaimKind::IncomeTotal, n, total_in, g),
        stated(w, ClaimKind::FiscalIncome, n, income.fiscal(), g)
    );
    s.push_str(&share_text(w, n, income.fiscal(), total_in));
    for (name, v, kind) in [
        ("上级补助收入", income.superior, ClaimKind::SuperiorSubsidy),
        ("事业收入", income.business, ClaimKind::BusinessIncome),
        ("经营收入", income.operating, ClaimKind::OperatingIncome),
        ("其他收入", income.other, ClaimKind::OtherIncome),
    ] {
        if v > 0 {
            let x = stated(w, kind, n, v, g);
            let _ = write!(s, "；{name}{x}万元");
            s.push_str(&share_text(w, n, v, total_in));
        }
    }
    s.push('。');
    w.para(s);

    w.para("三、支出决算情况说明");
    let n = w.next_line();
    let mut s = format!(
        "本年支出合计{}万元，其中：基本支出{}万元",
        stated(w, ClaimKind::ExpenditureTotal, n, spent, g),
        stated(w, ClaimKind::Basic, n, sum.basic(), g)
    );
    s.push_str(&share_text(w, n, sum.basic(), spent));
    let p = stated(w, ClaimKind::Project, n, sum.project(), g);
    let _ = write!(s, "；项目支出{p}万元");
    s.push_str(&share_text(w, n, sum.project(), spent));
    if sum.operating > 0 {
        let o = stated(w, ClaimKind::OperatingExpense, n, sum.operating, g);
        let _ = write!(s, "；经营支出{o}万元");
        s.push_str(&share_text(w, n, sum.operating, spent));
    }
    s.push('。');
    w.para(s);

    w.para("四、财政拨款收入支出决算总体情况说明");
    let fiscal = income.fiscal() + a.opening.fiscal();
    let n = w.next_line();
    let t = stated(w, ClaimKind::FiscalTotal, n, fiscal, g);
    let c = change(w, n, fiscal, a.prior_fiscal, None);
    w.para(format!(
        "{u}{y}年度财政拨款收入支出总计{t}万元，与{}年度相比，财政拨款收入支出总计{}。",
        y - 1,
        c.trim_start_matches("与上年").trim_start_matches("比上年")
    ));

    w.para("五、一般公共预算财政拨款支出决算情况说明");
    w.para("（一）一般公共预算财政拨款支出决算总体情况");
    let gp = b.gp_total();
    let n = w.next_line();
    let x = stated(w, ClaimKind::GeneralPublicExpenditure, n, gp, g);
    let sh = share(w, gp, spent);
    let shs = sh.to_string();
    w.claim(ClaimKind::Share, n, &shs, sh);
    let c = change(w, n, gp, a.prior_gp, None);
    w.para(format!(
        "一般公共预算财政拨款支出{x}万元，占本年支出合计的{shs}%。与{}年度相比，一般公共预算财政拨款支出{}。",
        y - 1,
        c.trim_start_matches("与上年")
            .trim_start_matches("比上年")
    ));
    w.para("（二）一般公共预算财政拨款支出决算结构情况");
    let n = w.next_line();
    let x = stated(w, ClaimKind::GeneralPublicExpenditure, n, gp, g);
    let mut s = format!("一般公共预算财政拨款支出{x}万元，主要用于以下方面：");
    let classes: Vec<(String, Cents)> = b
        .functional(Some(Fund::GeneralPublic))
        .iter()
        .filter(|(c, m)| c.len() == 3 && m.gp() > 0)
        .map(|(c, m)| (c.clone(), m.gp()))
        .collect();
    for (i, (code, v)) in classes.iter().enumerate() {
        let name = class_name(w, code);
        let amount = stated(w, ClaimKind::Class, n, *v, g);
        let sep = if i + 1 == classes.len() { "。" } else { "；" };
        let sh = share_text(w, n, *v, gp);
        let _ = write!(s, "{name}（类）{amount}万元{sh}{sep}");
    }
    w.para(s);
    w.para("（三）一般公共预算财政拨款支出决算具体情况");
    let budget: Cents = a.gp_budget.values().sum();
    let n = w.next_line();
    let s = against_budget(
        w,
        n,
        gp,
        budget,
        (ClaimKind::Budgeted, ClaimKind::GeneralPublicExpenditure),
        g,
    );
    w.para(format!("一般公共预算财政拨款支出{s}。"));
    if let Some(naming) = w.variant.itemised {
        w.para("其中：");
        let items: Vec<(String, Cents)> = b
            .items
            .iter()
            .filter(|(_, m)| m.gp() > 0)
            .map(|(c, m)| (c.clone(), m.gp()))
            .collect();
        for (i, (code, v)) in items.iter().enumerate() {
            let names = [
                narrative_name(w, code.get(..3).unwrap_or(""), naming, rng),
                narrative_name(w, code.get(..5).unwrap_or(""), naming, rng),
                narrative_name(w, code, naming, rng),
            ];
            let budget = a.gp_budget.get(code).copied().unwrap_or(*v);
            let n = w.next_line();
            let s = against_budget(w, n, *v, budget, (ClaimKind::Budgeted, ClaimKind::Item), g);
            w.para(format!(
                "{}、{}（类）{}（款）{}（项）。主要用于保障单位正常运转和完成相关工作任务。{s}。",
                i + 1,
                names[0],
                names[1],
                names[2]
            ));
        }
    }

    w.para("六、一般公共预算财政拨款基本支出决算情况说明");
    let n = w.next_line();
    let basic = stated(w, ClaimKind::Basic, n, b.basic(), g);
    let p = stated(w, ClaimKind::Personnel, n, b.personnel(), g);
    let q = stated(w, ClaimKind::Public, n, b.public(), g);
    w.para(format!(
        "一般公共预算财政拨款基本支出{basic}万元。其中：人员经费{p}万元，主要包括：基本工资、津贴补贴、社会保障缴费、住房公积金等；公用经费{q}万元，主要包括：办公费、差旅费、维修（护）费、办公设备购置等。"
    ));

    w.para("七、财政拨款“三公”经费支出决算情况说明");
    w.para("（一）“三公”经费财政拨款支出决算总体情况说明。");
    let (sb, sa) = (a.san_gong_budget, b.san_gong);
    let n = w.next_line();
    let mut s = format!(
        "“三公”经费财政拨款支出年初预算为{}万元，支出决算为{}万元",
        stated(w, ClaimKind::SanGongBudget, n, sb.total(), false),
        stated(w, ClaimKind::SanGongTotal, n, sa.total(), false)
    );
    let rate = |w: &mut Writer<'_>, s: &mut String, actual: Cents, budget: Cents| {
        if budget > 0 {
            let r = share(w, actual, budget);
            let rs = r.to_string();
            w.claim(ClaimKind::Completion, n, &rs, r);
            let _ = write!(s, "，完成预算的{rs}%");
        }
    };
    rate(w, &mut s, sa.total(), sb.total());
    s.push_str("。其中：");
    for (i, (name, kind, actual, budget)) in [
        ("因公出国（境）费", ClaimKind::Abroad, sa.abroad, sb.abroad),
        (
            "公务用车购置及运行维护费",
            ClaimKind::Vehicles,
            sa.vehicles(),
            sb.vehicles(),
        ),
        (
            "公务接待费",
            ClaimKind::Reception,
            sa.reception,
            sb.reception,
        ),
    ]
    .into_iter()
    .enumerate()
    {
        let x = stated(w, kind, n, actual, false);
        let _ = write!(s, "{name}支出决算为{x}万元");
        rate(w, &mut s, actual, budget);
        s.push_str(if i == 2 { "。" } else { "；" });
    }
    w.para(s);
    let n = w.next_line();
    let c = change(
        w,
        n,
        sa.total(),
        b.san_gong_prior.total(),
        Some((ClaimKind::SanGongChange, ClaimKind::SanGongChangePercent)),
    );
    w.para(format!(
        "{y}年度“三公”经费财政拨款支出决算数与{}年度相比，{}。",
        y - 1,
        c.trim_start_matches("与上年").trim_start_matches("比上年")
    ));

    w.para("八、政府性基金预算财政拨款收入支出决算情况说明");
    let gf = b.gf_total();
    if gf == 0 && income.gf == 0 && a.opening.gf == 0 {
        w.para(format!("{u}{y}年度无政府性基金预算财政拨款收入和支出。"));
    } else {
        let n = w.next_line();
        let x = stated(w, ClaimKind::GovFundExpenditure, n, gf, g);
        w.para(format!("{u}{y}年度政府性基金预算财政拨款支出{x}万元。"));
    }
    w.para("九、国有资本经营预算财政拨款收入支出决算情况说明");
    w.para(format!("{u}{y}年度无国有资本经营预算财政拨款收入和支出。"));

    w.para("十、其他重要事项的情况说明");
    w.para("（一）机关运行经费支出情况");
    let n = w.next_line();
    let op = stated(w, ClaimKind::OperatingCosts, n, b.public(), false);
    let c = change(w, n, b.public(), b.prior_operating, None);
    w.para(format!(
        "{u}{y}年度机关运行经费支出{op}万元，与{}年度相比，{}。",
        y - 1,
        c.trim_start_matches("与上年").trim_start_matches("比上年")
    ));
    w.para("（二）政府采购支出情况");
    let pt = b.procurement_total();
    if pt == 0 {
        w.para(format!("{u}{y}年度无政府采购支出。"));
    } else {
        let (gd, wk, sv) = b.procurement_split;
        let n = w.next_line();
        let s = format!(
            "{u}{y}年度政府采购金额（以合同签订为准）为{}万元，其中：货物采购金额{}万元、工程采购金额{}万元、服务采购金额{}万元。",
            stated(w, ClaimKind::Procurement, n, pt, true),
            stated(w, ClaimKind::ProcurementGoods, n, gd, false),
            stated(w, ClaimKind::ProcurementWorks, n, wk, false),
            stated(w, ClaimKind::ProcurementServices, n, sv, true)
        );
        w.para(s);
    }
    w.para("（三）国有资产占有使用情况说明");
    let cars = rng.range(0, 6);
    let (a1, a2) = (cars / 2, cars - cars / 2);
    w.para(format!(
        "截至{y}年12月31日，{u}共有车辆{cars}辆，其中：机要通信用车{a1}辆、其他用车{a2}辆。"
    ));
    if w.variant.narrative_twice {
        let copy: Vec<String> = w.lines.get(start..).unwrap_or_default().to_vec();
        let shift = u32::try_from(copy.len()).unwrap_or(0);
        let claims: Vec<_> = w.claims.get(first_claim..).unwrap_or_default().to_vec();
        w.lines.extend(copy);
        w.claims
            .extend(claims.into_iter().map(|c| crate::truth::Claim {
                line: c.line + shift,
                ..c
            }));
    }
}

fn glossary(w: &mut Writer<'_>) {
    w.para("第四部分 名词解释");
    for entry in [
        "一、财政拨款收入：指单位本年度从本级财政部门取得的财政拨款。",
        "二、事业收入：指事业单位开展专业业务活动及辅助活动所取得的收入。",
        "三、其他收入：指除上述收入以外的各项收入。",
        "四、年初结转和结余：指以前年度尚未完成、结转到本年按有关规定继续使用的资金。",
        "五、年末结转和结余：指本年度或以前年度预算安排、需延迟到以后年度按有关规定继续使用的资金。",
        "六、机关运行经费：指行政单位使用一般公共预算财政拨款安排的基本支出中的日常公用经费支出。",
    ] {
        w.para(entry);
    }
}
