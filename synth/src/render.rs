//! Prints a [`Budget`] in the 12-table text layout of the reference document (tab-separated rows,
//! titles on their own lines, `单位：万元` lines, 类/款/项 printed as `201`, `\t03\t`, `\t\t01`),
//! recording every printed figure in a [`Truth`].

// A printing style is a set of independent yes/no choices, and the narrative names its figures
// with the single letters of the sentences they fill in.
#![allow(
    clippy::struct_excessive_bools,
    clippy::many_single_char_names,
    clippy::too_many_arguments
)]

use std::fmt::Write as _;

use rust_decimal::Decimal;
use yusuan::catalog::Catalog;
use yusuan::{ColumnKey as K, DocLevel, LineItem, Side};

use crate::budget::{Budget, Cents, Fund, ItemMoney, SanGong, T01_CLASSES};
use crate::rng::Rng;
use crate::truth::{
    CellTruth, Claim, ClaimKind, PerformanceTruth, RowKey, RowTruth, TableTruth, Truth,
};
use crate::{Naming, Precision, Variant};

pub(crate) mod final_accounts;

/// Printing choices that vary between documents (all of them seen in real disclosures).
#[derive(Debug, Clone, Copy)]
struct Style {
    /// `7,713.47` rather than `7713.47` in tables.
    grouped: bool,
    /// `部门（单位）：` rather than `部门(单位): `.
    full_width_meta: bool,
    /// `合 计` rather than `合计` in total rows.
    spaced_total: bool,
    /// Print 财政拨款收支总体情况表 over two pages (title and header repeated).
    split_t04: bool,
    /// Print 一般公共预算支出情况表 over two pages.
    split_t05: bool,
    /// Break long names with a space, as PDF line wrapping does.
    wrap_names: bool,
}

/// Hundredths as a decimal.
fn dec(c: Cents) -> Decimal {
    Decimal::new(c, 2)
}

/// `1234567` → `12,345.67` (or `12345.67`).
pub(crate) fn money(c: Cents, grouped: bool) -> String {
    let neg = c < 0;
    let c = c.unsigned_abs();
    let int = (c / 100).to_string();
    let frac = c % 100;
    let int = if grouped {
        let bytes = int.as_bytes();
        let mut s = String::with_capacity(int.len() + int.len() / 3);
        for (i, b) in bytes.iter().enumerate() {
            if i > 0 && (bytes.len() - i) % 3 == 0 {
                s.push(',');
            }
            s.push(char::from(*b));
        }
        s
    } else {
        int
    };
    format!("{}{int}.{frac:02}", if neg { "-" } else { "" })
}

/// `22660` → `226.6`, `9500` → `95` (the narrative's style).
fn trimmed(c: Cents) -> String {
    dec(c).normalize().to_string()
}

/// `c / unit`, rounded half away from zero (hundredths of 元 to hundredths of 万元 with
/// `unit` = 10,000; hundredths to whole units with 100).
fn round_div(c: Cents, unit: Cents) -> Cents {
    let q = (c.abs() + unit / 2) / unit;
    if c < 0 { -q } else { q }
}

/// A table figure `c` (hundredths of 万元, or of 元 when `yuan`) as the narrative states it:
/// hundredths of 万元 at `precision`, brought there in one rounding (6,537.4997万元 rounds to
/// 6,537, not through 6,537.50 to 6,538), and the decimals it prints with (`None`: the two of
/// the tables).
fn narrate(c: Cents, yuan: bool, precision: Precision) -> (Cents, Option<u8>) {
    let per = if yuan { 10_000 } else { 1 };
    let (step, dp) = match precision {
        Precision::Exact => (1, None),
        Precision::Rounded(dp) | Precision::Truncated(dp) => {
            (if dp == 0 { 100 } else { 10 }, Some(dp.min(1)))
        }
    };
    let q = if matches!(precision, Precision::Truncated(_)) {
        c / (step * per)
    } else {
        round_div(c, step * per)
    };
    (q * step, dp)
}

/// Hundredths printed with `dp` decimals (0 or 1): `1234500` → `12,345`; the digits cut are zero.
fn fixed(c: Cents, dp: u8, grouped: bool) -> String {
    let s = money(c, grouped);
    let cut = if dp == 0 { 3 } else { 1 };
    s.get(..s.len() - cut).unwrap_or(&s).to_owned()
}

/// Swaps 其他 and 其它 (both are written in real documents).
fn other_spelling(name: &str) -> String {
    if name.contains("其他") {
        name.replace("其他", "其它")
    } else {
        name.replace("其它", "其他")
    }
}

/// Chinese numeral for list numbering (1 … 99).
fn cn(n: usize) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let tens = n / 10;
    let ones = n % 10;
    let d = |i: usize| D.get(i).copied().unwrap_or("");
    match tens {
        0 => d(ones).to_owned(),
        1 => format!("十{}", d(ones)),
        _ => format!("{}十{}", d(tens), d(ones)),
    }
}

struct Writer<'a> {
    lines: Vec<String>,
    tables: Vec<TableTruth>,
    claims: Vec<Claim>,
    style: Style,
    catalog: &'a Catalog,
    b: &'a Budget,
    variant: Variant,
}

impl Writer<'_> {
    /// Appends a line; returns its 1-based number.
    fn line(&mut self, s: impl Into<String>) -> u32 {
        self.lines.push(s.into());
        u32::try_from(self.lines.len()).unwrap_or(u32::MAX)
    }

    fn blank(&mut self) {
        self.line("");
    }

    fn para(&mut self, s: impl Into<String>) -> u32 {
        let n = self.line(s);
        self.blank();
        n
    }

    fn row(&mut self, cells: &[String]) -> u32 {
        self.line(cells.join("\t"))
    }

    fn amount(&self, c: Cents) -> String {
        if c == 0 {
            String::new()
        } else {
            money(c, self.style.grouped)
        }
    }

    fn total_word(&self) -> String {
        if self.style.spaced_total {
            "合 计".to_owned()
        } else {
            "合计".to_owned()
        }
    }

    fn name(&self, code: &str, rng: &mut Rng) -> String {
        let name = self
            .catalog
            .lookup(code)
            .map_or_else(|| code.to_owned(), |e| e.name.clone());
        let chars: Vec<char> = name.chars().collect();
        if self.style.wrap_names && chars.len() > 10 && rng.chance(30) {
            let at = 8 + rng.index(chars.len() - 9);
            let (a, b) = chars.split_at(at);
            format!(
                "{} {}",
                a.iter().collect::<String>(),
                b.iter().collect::<String>()
            )
        } else {
            name
        }
    }

    fn title(&mut self, title: &str) {
        self.para(title);
        let (org, unit) = match (self.style.full_width_meta, self.variant.yuan_tables) {
            (true, false) => ("部门（单位）：", "单位：万元"),
            (false, false) => ("部门(单位): ", "单位: 万元"),
            (true, true) => ("部门（单位）：", "单位：元"),
            (false, true) => ("部门(单位): ", "单位: 元"),
        };
        let o = format!("{org}{}", self.b.unit);
        self.para(o);
        self.para(unit);
    }

    /// Records a claim stated in the line about to be written (`line` is its number).
    fn claim(&mut self, kind: ClaimKind, line: u32, printed: &str, value: Decimal) {
        self.claims.push(Claim {
            kind,
            line,
            printed: printed.to_owned(),
            value,
        });
    }

    fn next_line(&self) -> u32 {
        u32::try_from(self.lines.len() + 1).unwrap_or(u32::MAX)
    }

    /// A table figure in hundredths of 万元 (the narrative's unit), rounded when the tables print 元.
    fn wan(&self, c: Cents) -> Cents {
        if self.variant.yuan_tables {
            round_div(c, 10_000)
        } else {
            c
        }
    }

    /// A table figure as the narrative prints it, in 万元 at the variant's precision
    /// ([`narrate`]): the text and its value. `grouped` prints `12,345.67` rather than
    /// `12345.67` (at the tables' precision, ungrouped figures drop trailing zeros: `226.6`, `95`).
    fn narrated(&self, c: Cents, grouped: bool) -> (String, Decimal) {
        let exact = self.wan(c);
        let (v, dp) = match narrate(c, self.variant.yuan_tables, self.variant.precision) {
            // a document says 0.3万元 rather than 0万元 of money it has
            (0, Some(_)) if exact != 0 => (exact, None),
            other => other,
        };
        let s = match dp {
            None if grouped => money(v, true),
            None => trimmed(v),
            Some(dp) => fixed(v, dp, grouped),
        };
        (s, dec(v))
    }
}

/// A row's leading text cells, its key, and its amounts.
type PrintedRow = (Vec<String>, RowKey, Vec<(K, Cents)>);

fn cell(column: K, value: Cents) -> CellTruth {
    CellTruth {
        column,
        year: None,
        basis: None,
        value: (value != 0).then(|| dec(value)),
    }
}

/// The code cells of a functional row: `201 | | `, ` | 03 | `, ` | | 01`.
fn code_cells(code: &str) -> [String; 3] {
    let part = |a: usize, b: usize| code.get(a..b).unwrap_or("").to_owned();
    match code.len() {
        3 => [code.to_owned(), String::new(), String::new()],
        5 => [String::new(), part(3, 5), String::new()],
        _ => [String::new(), String::new(), part(5, 7)],
    }
}

/// Prints a budget as a document; returns the text and what it states.
pub(crate) fn render(
    b: &Budget,
    catalog: &Catalog,
    rng: &mut Rng,
    variant: Variant,
) -> (String, Truth) {
    let style = Style {
        grouped: rng.chance(85),
        full_width_meta: rng.chance(50),
        spaced_total: rng.chance(50),
        split_t04: rng.chance(40),
        split_t05: rng.chance(25),
        wrap_names: rng.chance(30),
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
    cover(&mut w, level);
    w.para("第二部分");
    w.para(format!("{}年{level}预算表", b.year));
    t01(&mut w);
    t02(&mut w, rng);
    t03(&mut w, rng);
    t04(&mut w);
    t05(&mut w, rng);
    t06(&mut w, rng, "T06");
    t07(&mut w);
    fund_table(&mut w, rng, "T08");
    fund_table(&mut w, rng, "T09");
    t06(&mut w, rng, "T10");
    t11(&mut w);
    t12(&mut w, rng);
    let performance = narrative(&mut w, level, rng);
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
        performance,
        claims: w.claims,
    };
    (text, truth)
}

fn cover(w: &mut Writer<'_>, level: &str) {
    let y = w.b.year;
    w.blank();
    w.blank();
    w.para(format!("{y}年{} {level}预算", w.b.unit));
    w.para("目 录");
    w.para("第一部分 部门概况");
    w.line("- 一、主要职责");
    w.para("- 二、机构设置情况");
    w.para(format!("第二部分 {y}年部门预算表"));
    let titles = [
        "收支总体情况表",
        "收入总体情况表",
        "支出总体情况表",
        "财政拨款收支总体情况表",
        "一般公共预算支出情况表",
        "一般公共预算基本支出情况表",
        "一般公共预算“三公”经费支出情况表",
        "政府性基金预算支出情况表",
        "国有资本经营预算支出情况表",
        "基本支出预算情况表",
        "项目支出预算情况表",
        "政府采购预算情况表",
    ];
    for (i, t) in titles.iter().enumerate() {
        w.line(format!("- {}、{t}", cn(i + 1)));
    }
    w.blank();
    w.para(format!("第三部分 {y}年部门预算情况和重要事项说明"));
    w.para("第四部分 名词解释");
    w.para("第一部分");
    w.para(format!("{level}概况"));
    w.para("一、主要职责");
    w.para(format!(
        "1. 负责{}的日常工作，承办上级交办的各项事务。2. 负责本系统的政策研究和综合协调工作。",
        w.b.unit
    ));
    w.para("二、机构设置情况");
    w.para("本单位为市级二级预算单位，无下属单位。单位设立下列内设机构，分别为：综合科、财务科、业务一科、业务二科。");
}

fn t01(w: &mut Writer<'_>) {
    let b = w.b;
    w.title("收支总体情况表");
    let g = w.style.grouped;
    let total = b.total();
    let (gp, gf) = (b.gp_total(), b.gf_total());
    w.row(&["收 入".into(), String::new(), "支 出".into(), String::new()]);
    w.row(&[
        "项目".into(),
        "预算数".into(),
        "项目".into(),
        "预算数".into(),
    ]);
    let income: [(&str, Cents, LineItem); 8] = [
        ("一、财政拨款收入", gp + gf, LineItem::FiscalGrant),
        ("一般公共预算收入", gp, LineItem::GeneralPublic),
        ("政府性基金预算收入", gf, LineItem::GovFund),
        ("国有资本经营预算收入", 0, LineItem::StateCapital),
        ("二、财政专户管理资金收入", 0, LineItem::SpecialAccount),
        ("三、事业收入(不含教育收费)", 0, LineItem::BusinessIncome),
        ("四、事业单位经营收入", 0, LineItem::OperatingIncome),
        ("五、其他收入", 0, LineItem::OtherIncome),
    ];
    let functional = b.functional(None);
    let mut rows = Vec::new();
    for (i, class) in T01_CLASSES.iter().enumerate() {
        let (label, value, item) = income
            .get(i)
            .map_or(("", 0, None), |(l, v, it)| (*l, *v, Some(*it)));
        let name = w
            .catalog
            .lookup(class)
            .map_or_else(|| (*class).to_owned(), |e| e.name.clone());
        let spent = functional.get(*class).map_or(0, ItemMoney::total);
        let line = w.row(&[
            label.to_owned(),
            w.amount(value),
            format!("{}、{name}", cn(i + 1)),
            w.amount(spent),
        ]);
        if let Some(item) = item {
            rows.push(RowTruth {
                key: RowKey::Item(item),
                side: Some(Side::Income),
                cells: vec![cell(K::Amount, value)],
                line,
            });
        }
        rows.push(RowTruth {
            key: RowKey::Code((*class).to_owned()),
            side: Some(Side::Expenditure),
            cells: vec![cell(K::Amount, spent)],
            line,
        });
    }
    let t = money(total, g);
    let tail: [(&str, Cents, LineItem, &str, LineItem); 5] = [
        (
            "本年收入合计",
            total,
            LineItem::IncomeSubtotal,
            "本年支出合计",
            LineItem::ExpenditureSubtotal,
        ),
        (
            "上级补助收入",
            0,
            LineItem::SuperiorSubsidy,
            "",
            LineItem::ExpenditureSubtotal,
        ),
        (
            "附属单位上缴收入",
            0,
            LineItem::AffiliatedRemit,
            "对附属单位的补助支出",
            LineItem::SubsidyToAffiliates,
        ),
        (
            "使用非财政拨款结余",
            0,
            LineItem::NonFiscalBalance,
            "上缴上级支出",
            LineItem::RemitToSuperior,
        ),
        (
            "上年结转",
            0,
            LineItem::CarryForward,
            "结转下年",
            LineItem::CarryOver,
        ),
    ];
    for (il, iv, ii, el, ei) in tail {
        let amount = if iv == 0 { String::new() } else { t.clone() };
        let line = w.row(&[il.to_owned(), amount.clone(), el.to_owned(), amount]);
        rows.push(RowTruth {
            key: RowKey::Item(ii),
            side: Some(Side::Income),
            cells: vec![cell(K::Amount, iv)],
            line,
        });
        if !el.is_empty() {
            rows.push(RowTruth {
                key: RowKey::Item(ei),
                side: Some(Side::Expenditure),
                cells: vec![cell(K::Amount, iv)],
                line,
            });
        }
    }
    let line = w.row(&["收入总计".into(), t.clone(), "支出总计".into(), t]);
    for (item, side) in [
        (LineItem::IncomeTotal, Side::Income),
        (LineItem::ExpenditureTotal, Side::Expenditure),
    ] {
        rows.push(RowTruth {
            key: RowKey::Item(item),
            side: Some(side),
            cells: vec![cell(K::Amount, total)],
            line,
        });
    }
    w.blank();
    w.tables.push(TableTruth {
        key: "T01".into(),
        empty: false,
        rows,
    });
}

/// Rows of a functional table: for each code, the printed amounts and their truth.
fn functional_rows(
    w: &mut Writer<'_>,
    rng: &mut Rng,
    codes: &std::collections::BTreeMap<String, ItemMoney>,
    amounts: &dyn Fn(&ItemMoney) -> Vec<(K, Cents)>,
    width: usize,
    rows: &mut Vec<RowTruth>,
    mut split_at: Option<usize>,
    repeat: &dyn Fn(&mut Writer<'_>),
) {
    for (i, (code, m)) in codes.iter().enumerate() {
        if split_at == Some(i) {
            w.blank();
            repeat(w);
            split_at = None;
        }
        let [c, k, x] = code_cells(code);
        let mut cells = vec![c, k, x, w.name(code, rng)];
        let values = amounts(m);
        for (_, v) in &values {
            cells.push(w.amount(*v));
        }
        cells.resize(width, String::new());
        let line = w.row(&cells);
        rows.push(RowTruth {
            key: RowKey::Code(code.clone()),
            side: None,
            cells: values.into_iter().map(|(k, v)| cell(k, v)).collect(),
            line,
        });
    }
}

fn total_row(
    w: &mut Writer<'_>,
    lead: usize,
    values: &[(K, Cents)],
    width: usize,
    rows: &mut Vec<RowTruth>,
) {
    let mut cells: Vec<String> = vec![String::new(); lead];
    cells.push(w.total_word());
    for (_, v) in values {
        cells.push(w.amount(*v));
    }
    cells.resize(width, String::new());
    let line = w.row(&cells);
    rows.push(RowTruth {
        key: RowKey::Total,
        side: None,
        cells: values.iter().map(|(k, v)| cell(*k, *v)).collect(),
        line,
    });
}

fn t02(w: &mut Writer<'_>, rng: &mut Rng) {
    let b = w.b;
    w.title("收入总体情况表");
    let h1 = "科目编码\t\t\t科目名称\t合计\t财政拨款收入\t\t\t财政专户管理 资金收入\t事业收入 (不含教育 收费)\t事业单位经 营收入\t其他收入\t上级补助收 入\t附属单位上 缴收入\t使用非财政 拨款结余\t上年结转";
    let h2 = "类\t款\t项\t\t\t小计\t一般公共预 算收入\t政府性基金 预算收入\t\t\t\t\t\t\t\t";
    w.line(h1);
    w.line(h2);
    let mut rows = Vec::new();
    let f = |m: &ItemMoney| {
        vec![
            (K::Total, m.total()),
            (K::FiscalGrant, m.total()),
            (K::GeneralPublic, m.gp()),
            (K::GovFund, m.project_gf),
        ]
    };
    let totals = ItemMoney {
        personnel: b.personnel(),
        public: b.public(),
        project_gp: b.project_gp(),
        project_gf: b.gf_total(),
    };
    total_row(w, 3, &f(&totals), 16, &mut rows);
    functional_rows(
        w,
        rng,
        &b.functional(None),
        &f,
        16,
        &mut rows,
        None,
        &|_| {},
    );
    w.blank();
    w.tables.push(TableTruth {
        key: "T02".into(),
        empty: false,
        rows,
    });
}

fn t03(w: &mut Writer<'_>, rng: &mut Rng) {
    let b = w.b;
    w.title("支出总体情况表");
    w.line("科目编码\t\t\t科目名称\t合计\t基本支出\t项目支出\t结转下年");
    w.line("类\t款\t项\t\t\t\t\t");
    let mut rows = Vec::new();
    let f = |m: &ItemMoney| {
        vec![
            (K::Total, m.total()),
            (K::Basic, m.basic()),
            (K::Project, m.project_gp + m.project_gf),
        ]
    };
    let totals = ItemMoney {
        personnel: b.personnel(),
        public: b.public(),
        project_gp: b.project_gp(),
        project_gf: b.gf_total(),
    };
    total_row(w, 3, &f(&totals), 8, &mut rows);
    functional_rows(w, rng, &b.functional(None), &f, 8, &mut rows, None, &|_| {});
    w.blank();
    w.tables.push(TableTruth {
        key: "T03".into(),
        empty: false,
        rows,
    });
}

fn t04(w: &mut Writer<'_>) {
    let b = w.b;
    let (gp, gf) = (b.gp_total(), b.gf_total());
    let total = gp + gf;
    let header = |w: &mut Writer<'_>| {
        w.title("财政拨款收支总体情况表");
        w.line("收 入\t\t支 出\t\t\t\t");
        w.line("项目\t预算数\t项目\t预算数\t\t\t");
        w.line("\t\t\t总计\t一般公共预算\t政府性基金预算\t国有资本经营预算");
    };
    header(w);
    let functional = b.functional(None);
    let income: [(&str, Cents, LineItem); 3] = [
        ("一、一般公共预算收入", gp, LineItem::GeneralPublic),
        ("二、政府性基金预算收入", gf, LineItem::GovFund),
        ("三、国有资本经营预算收入", 0, LineItem::StateCapital),
    ];
    let mut rows = Vec::new();
    let split = w.style.split_t04;
    for (i, class) in T01_CLASSES.iter().enumerate() {
        if split && i == 17 {
            w.blank();
            header(w);
        }
        let (label, value, item) = income
            .get(i)
            .map_or(("", 0, None), |(l, v, it)| (*l, *v, Some(*it)));
        let name = w
            .catalog
            .lookup(class)
            .map_or_else(|| (*class).to_owned(), |e| e.name.clone());
        let m = functional.get(*class).copied().unwrap_or_default();
        let line = w.row(&[
            label.to_owned(),
            w.amount(value),
            format!("{}、{name}", cn(i + 1)),
            w.amount(m.total()),
            w.amount(m.gp()),
            w.amount(m.project_gf),
            String::new(),
        ]);
        if let Some(item) = item {
            rows.push(RowTruth {
                key: RowKey::Item(item),
                side: Some(Side::Income),
                cells: vec![cell(K::Amount, value)],
                line,
            });
        }
        rows.push(RowTruth {
            key: RowKey::Code((*class).to_owned()),
            side: Some(Side::Expenditure),
            cells: vec![
                cell(K::Total, m.total()),
                cell(K::GeneralPublic, m.gp()),
                cell(K::GovFund, m.project_gf),
                cell(K::StateCapital, 0),
            ],
            line,
        });
    }
    let spaced = |s: &str| -> String {
        if w.style.spaced_total {
            s.chars().map(String::from).collect::<Vec<_>>().join(" ")
        } else {
            s.to_owned()
        }
    };
    let fund_cells = |v: Cents, a: Cents, f: Cents| {
        vec![
            cell(K::Total, v),
            cell(K::GeneralPublic, a),
            cell(K::GovFund, f),
            cell(K::StateCapital, 0),
        ]
    };
    for (il, iv, ii, el, ev, ei) in [
        (
            spaced("本年收入合计"),
            total,
            LineItem::IncomeSubtotal,
            spaced("本年支出合计"),
            (total, gp, gf),
            LineItem::ExpenditureSubtotal,
        ),
        (
            "上年结转".to_owned(),
            0,
            LineItem::CarryForward,
            "结转下年".to_owned(),
            (0, 0, 0),
            LineItem::CarryOver,
        ),
        (
            spaced("收入总计"),
            total,
            LineItem::IncomeTotal,
            spaced("支出总计"),
            (total, gp, gf),
            LineItem::ExpenditureTotal,
        ),
    ] {
        let line = w.row(&[
            il,
            w.amount(iv),
            el,
            w.amount(ev.0),
            w.amount(ev.1),
            w.amount(ev.2),
            String::new(),
        ]);
        rows.push(RowTruth {
            key: RowKey::Item(ii),
            side: Some(Side::Income),
            cells: vec![cell(K::Amount, iv)],
            line,
        });
        rows.push(RowTruth {
            key: RowKey::Item(ei),
            side: Some(Side::Expenditure),
            cells: fund_cells(ev.0, ev.1, ev.2),
            line,
        });
    }
    w.blank();
    w.tables.push(TableTruth {
        key: "T04".into(),
        empty: false,
        rows,
    });
}

const T05_H1: &str = "科目编码\t\t\t科目名称\t合 计\t基本支出\t\t\t项目支出";
const T05_H2: &str = "类\t款\t项\t\t\t小 计\t人员支出\t日常公用支出\t";

fn t05(w: &mut Writer<'_>, rng: &mut Rng) {
    let b = w.b;
    let header = |w: &mut Writer<'_>| {
        w.title("一般公共预算支出情况表");
        w.line(T05_H1);
        w.line(T05_H2);
    };
    header(w);
    let mut rows = Vec::new();
    let f = |m: &ItemMoney| {
        vec![
            (K::Total, m.gp()),
            (K::Basic, m.basic()),
            (K::Personnel, m.personnel),
            (K::Public, m.public),
            (K::Project, m.project_gp),
        ]
    };
    let totals = ItemMoney {
        personnel: b.personnel(),
        public: b.public(),
        project_gp: b.project_gp(),
        project_gf: 0,
    };
    total_row(w, 3, &f(&totals), 9, &mut rows);
    let codes = b.functional(Some(Fund::GeneralPublic));
    let split = (w.style.split_t05 && codes.len() > 3).then_some(codes.len() / 2);
    functional_rows(w, rng, &codes, &f, 9, &mut rows, split, &header);
    w.blank();
    w.tables.push(TableTruth {
        key: "T05".into(),
        empty: false,
        rows,
    });
}

/// T06 (一般公共预算基本支出) or T10 (基本支出, all funds): the same economic rows.
fn t06(w: &mut Writer<'_>, rng: &mut Rng, key: &str) {
    let b = w.b;
    let econ = b.economic();
    let mut rows = Vec::new();
    let (personnel, public) = (b.personnel(), b.public());
    let basic = personnel + public;
    let is_personnel = |code: &str| code.starts_with("301") || code.starts_with("303");
    let width;
    if key == "T06" {
        w.title("一般公共预算基本支出情况表");
        w.line("科目编码\t\t部门预算支出经济分类科目名称\t科目编码\t\t政府预算支出经济分类科目名称\t基本支出预算\t\t");
        w.line("类\t款\t\t类\t款\t\t小计\t人员支出\t日常公用支出");
        width = 9;
        let values = [w.amount(basic), w.amount(personnel), w.amount(public)];
        let mut cells = vec![String::new(), String::new(), "合计".to_owned()];
        cells.extend([String::new(), String::new(), String::new()]);
        cells.extend(values);
        let line = w.row(&cells);
        rows.push(RowTruth {
            key: RowKey::Total,
            side: None,
            cells: vec![
                cell(K::Total, basic),
                cell(K::Personnel, personnel),
                cell(K::Public, public),
            ],
            line,
        });
    } else {
        w.title("基本支出预算情况表");
        w.line("科目编码\t\t部门预算支出经济分类科目\t科目编码\t\t政府预算支出经济分类科目\t合计\t财政拨款\t\t\t\t财政专户管理资金\t单位资金\t使用非财政拨款结余\t上年结转");
        w.line(
            "类\t款\t\t类\t款\t\t\t小计\t一般公共预算\t政府性基金预算\t国有资本经营预算\t\t\t\t",
        );
        width = 15;
        let mut cells = vec![String::new(), String::new(), "合计".to_owned()];
        cells.extend([String::new(), String::new(), String::new()]);
        cells.extend([w.amount(basic), w.amount(basic), w.amount(basic)]);
        cells.resize(width, String::new());
        let line = w.row(&cells);
        rows.push(RowTruth {
            key: RowKey::Total,
            side: None,
            cells: vec![
                cell(K::Total, basic),
                cell(K::FiscalGrant, basic),
                cell(K::GeneralPublic, basic),
                cell(K::GovFund, 0),
            ],
            line,
        });
    }
    for (code, cents) in &econ {
        let class = code.get(..3).unwrap_or("");
        // the 政府经济分类 pair: the 款's mapping, or for a 类 the class of its first 款's mapping
        let gov = if code.len() == 5 {
            Budget::gov_code(w.catalog, code).map(str::to_owned)
        } else {
            econ.keys()
                .find(|k| k.len() == 5 && k.starts_with(class))
                .and_then(|k| Budget::gov_code(w.catalog, k))
                .and_then(|g| g.get(..3))
                .map(str::to_owned)
        }
        .unwrap_or_default();
        let gov_name = w
            .catalog
            .lookup(&gov)
            .map_or_else(String::new, |e| e.name.clone());
        let mut cells = vec![
            class.to_owned(),
            code.get(3..).unwrap_or("").to_owned(),
            w.name(code, rng),
            gov.get(..3).unwrap_or("").to_owned(),
            gov.get(3..).unwrap_or("").to_owned(),
            gov_name,
        ];
        let truth = if key == "T06" {
            let (p, q) = if is_personnel(code) {
                (*cents, 0)
            } else {
                (0, *cents)
            };
            cells.extend([w.amount(*cents), w.amount(p), w.amount(q)]);
            vec![
                cell(K::Total, *cents),
                cell(K::Personnel, p),
                cell(K::Public, q),
            ]
        } else {
            cells.extend([w.amount(*cents), w.amount(*cents), w.amount(*cents)]);
            vec![
                cell(K::Total, *cents),
                cell(K::FiscalGrant, *cents),
                cell(K::GeneralPublic, *cents),
            ]
        };
        cells.resize(width, String::new());
        let line = w.row(&cells);
        rows.push(RowTruth {
            key: RowKey::Code(code.clone()),
            side: None,
            cells: truth,
            line,
        });
    }
    w.blank();
    w.tables.push(TableTruth {
        key: key.to_owned(),
        empty: false,
        rows,
    });
}

fn t07(w: &mut Writer<'_>) {
    let b = w.b;
    w.title("一般公共预算“三公”经费支出情况表");
    let (py, y) = (b.year - 1, b.year);
    w.line(format!("{py}年预算数\t\t\t\t\t\t{y}年预算数\t\t\t\t\t"));
    w.line("合计\t因公出国 (境) 经费\t公务用车购置及运行维护费\t\t\t公务接待费\t合计\t因公出国 (境) 经费\t公务用车购置及运行维护费\t\t\t公务接待费");
    w.line("\t\t小计\t公务用车购置 经费\t公务用车运行 维护费\t\t\t\t小计\t公务用车购置 经费\t公务用车运行 维护费\t");
    let mut cells = Vec::new();
    let mut truth = Vec::new();
    for (year, s) in [(py, b.san_gong_prior), (y, b.san_gong)] {
        for (k, v) in [
            (K::SanGongTotal, s.total()),
            (K::Abroad, s.abroad),
            (K::VehicleTotal, s.vehicles()),
            (K::VehiclePurchase, s.purchase),
            (K::VehicleOperation, s.operation),
            (K::Reception, s.reception),
        ] {
            // the 合计 and 小计 are printed even when zero
            let printed = if matches!(k, K::SanGongTotal | K::VehicleTotal) {
                money(v, w.style.grouped)
            } else {
                w.amount(v)
            };
            cells.push(printed);
            truth.push(CellTruth {
                column: k,
                year: Some(year),
                basis: None,
                value: (v != 0 || matches!(k, K::SanGongTotal | K::VehicleTotal)).then(|| dec(v)),
            });
        }
    }
    let line = w.row(&cells);
    w.blank();
    w.tables.push(TableTruth {
        key: "T07".into(),
        empty: false,
        rows: vec![RowTruth {
            key: RowKey::Only,
            side: None,
            cells: truth,
            line,
        }],
    });
}

/// T08 (政府性基金) with its rows or empty with a statement; T09 (国有资本经营) always empty.
fn fund_table(w: &mut Writer<'_>, rng: &mut Rng, key: &str) {
    let b = w.b;
    let (title, fund) = if key == "T08" {
        ("政府性基金预算支出情况表", "政府性基金预算")
    } else {
        ("国有资本经营预算支出情况表", "国有资本经营预算")
    };
    w.title(title);
    w.line(T05_H1);
    w.line(T05_H2);
    let codes = if key == "T08" {
        b.functional(Some(Fund::GovFund))
    } else {
        std::collections::BTreeMap::new()
    };
    let mut rows = Vec::new();
    if codes.is_empty() {
        w.blank();
        w.para(format!(
            "（注：{}年没有使用{fund}拨款安排的支出。）",
            b.year
        ));
    } else {
        let f = |m: &ItemMoney| {
            vec![
                (K::Total, m.project_gf),
                (K::Basic, 0),
                (K::Personnel, 0),
                (K::Public, 0),
                (K::Project, m.project_gf),
            ]
        };
        let gf = b.gf_total();
        let totals = ItemMoney {
            project_gf: gf,
            ..ItemMoney::default()
        };
        total_row(w, 3, &f(&totals), 9, &mut rows);
        functional_rows(w, rng, &codes, &f, 9, &mut rows, None, &|_| {});
        w.blank();
    }
    w.tables.push(TableTruth {
        key: key.to_owned(),
        empty: codes.is_empty(),
        rows,
    });
}

fn t11(w: &mut Writer<'_>) {
    let b = w.b;
    w.title("项目支出预算情况表");
    w.line("项目名称\t项目类别\t合计\t财政拨款\t\t\t\t财政专户管理资金\t单位资金\t使用非财政拨款结余\t上年结转");
    w.line("\t\t\t小计\t一般公共预算\t政府性基金预算\t国有资本经营预算\t\t\t\t");
    let mut rows = Vec::new();
    if b.projects.is_empty() {
        w.blank();
        w.para(format!(
            "（注：本单位{}年没有安排项目支出，故本表为空表。）",
            b.year
        ));
    } else {
        let amounts = |gp: Cents, gf: Cents| {
            vec![
                (K::Total, gp + gf),
                (K::FiscalGrant, gp + gf),
                (K::GeneralPublic, gp),
                (K::GovFund, gf),
            ]
        };
        let (gp, gf) = (b.project_gp(), b.gf_total());
        let mut lines: Vec<PrintedRow> = vec![(
            vec![String::new(), String::new()],
            RowKey::Total,
            amounts(gp, gf),
        )];
        for p in &b.projects {
            let (a, f) = match p.fund {
                Fund::GeneralPublic => (p.cents, 0),
                Fund::GovFund => (0, p.cents),
            };
            lines.push((
                vec![p.name.clone(), p.category.to_owned()],
                RowKey::Label(p.name.clone()),
                amounts(a, f),
            ));
        }
        for (mut cells, key, values) in lines {
            for (_, v) in &values {
                cells.push(w.amount(*v));
            }
            cells.resize(11, String::new());
            let line = w.row(&cells);
            rows.push(RowTruth {
                key,
                side: None,
                cells: values.into_iter().map(|(k, v)| cell(k, v)).collect(),
                line,
            });
        }
        w.blank();
    }
    w.tables.push(TableTruth {
        key: "T11".into(),
        empty: b.projects.is_empty(),
        rows,
    });
}

fn t12(w: &mut Writer<'_>, rng: &mut Rng) {
    let b = w.b;
    w.title("政府采购预算表");
    w.line("科目编码\t\t\t科目名称\t合计\t财政拨款\t\t\t财政专户管理资金\t单位资金\t使用非财政拨款结余\t上年结转");
    w.line("类\t款\t项\t\t\t小计\t一般公共预算\t政府性基金预算\t\t\t\t");
    let mut codes: std::collections::BTreeMap<String, ItemMoney> =
        std::collections::BTreeMap::new();
    for (item, c) in &b.procurement {
        for len in [3, 5, 7] {
            if let Some(p) = item.get(..len) {
                codes.entry(p.to_owned()).or_default().project_gp += c;
            }
        }
    }
    let mut rows = Vec::new();
    if codes.is_empty() {
        w.blank();
        w.para(format!(
            "（注：本单位{}年没有政府采购预算，故本表为空表。）",
            b.year
        ));
    } else {
        let f = |m: &ItemMoney| {
            vec![
                (K::Total, m.project_gp),
                (K::FiscalGrant, m.project_gp),
                (K::GeneralPublic, m.project_gp),
                (K::GovFund, 0),
            ]
        };
        let totals = ItemMoney {
            project_gp: b.procurement_total(),
            ..ItemMoney::default()
        };
        total_row(w, 3, &f(&totals), 12, &mut rows);
        functional_rows(w, rng, &codes, &f, 12, &mut rows, None, &|_| {});
        w.blank();
    }
    w.tables.push(TableTruth {
        key: "T12".into(),
        empty: codes.is_empty(),
        rows,
    });
}

/// `比上年增加10万元，增长5.26%` with its claims; `与上年持平` when unchanged.
fn change(
    w: &mut Writer<'_>,
    line: u32,
    now: Cents,
    before: Cents,
    kinds: Option<(ClaimKind, ClaimKind)>,
) -> String {
    let delta = now - before;
    if delta == 0 {
        return "与上年持平".to_owned();
    }
    let (up, grow) = if delta > 0 {
        ("增加", "增长")
    } else {
        ("减少", "下降")
    };
    let (d, dv) = w.narrated(delta.abs(), false);
    // a stated change comes with its reason (RULES V-08)
    let why = if delta > 0 {
        "，主要原因是工作任务增加"
    } else {
        "，主要原因是压减一般性支出"
    };
    if dv.is_zero() {
        // a change under the narrative's last digit (tables in 元): roughly flat when under 1%
        // of last year, else a direction without an amount
        return if delta.abs() * 100 <= before.abs() {
            "与上年基本持平".to_owned()
        } else {
            format!("比上年略有{up}{why}")
        };
    }
    if let Some((k, _)) = kinds {
        w.claim(k, line, &d, dv);
    }
    if before == 0 {
        return format!("比上年{up}{d}万元{why}");
    }
    // percent with two decimals (or none), rounded half away from zero
    let hundredths = (i128::from(delta.abs()) * 20_000 / i128::from(before) + 1) / 2;
    let whole = (i128::from(delta.abs()) * 200 / i128::from(before) + 1) / 2;
    // a change under half a percent keeps its decimals (not `增长0%`)
    let pct = if w.variant.whole_percent && whole > 0 {
        Decimal::from_i128_with_scale(whole, 0)
    } else {
        Decimal::from_i128_with_scale(hundredths, 2).normalize()
    };
    let p = pct.to_string();
    if let Some((_, kp)) = kinds {
        w.claim(kp, line, &p, pct);
    }
    format!("比上年{up}{d}万元，{grow}{p}%{why}")
}

fn stated(w: &mut Writer<'_>, kind: ClaimKind, line: u32, c: Cents, grouped: bool) -> String {
    let (s, v) = w.narrated(c, grouped);
    w.claim(kind, line, &s, v);
    s
}

fn narrative(w: &mut Writer<'_>, level: &str, rng: &mut Rng) -> Vec<PerformanceTruth> {
    let b = w.b;
    let y = b.year;
    w.para("第三部分");
    let (start, first_claim) = (w.lines.len(), w.claims.len());
    w.para(format!("{y}年{level}预算情况和重要事项说明"));
    w.para("一、预算收支增减变化情况说明");
    w.para(format!(
        "按照综合预算的原则，本{level}所有收入和支出均纳入部门预算管理。"
    ));
    let g = rng.chance(70);
    let total = b.total();
    let n = w.next_line();
    let mut s = format!(
        "（一）收入预算：{y}年收入预算{}万元，其中：一般公共预算收入{}万元",
        stated(w, ClaimKind::IncomeTotal, n, total, g),
        stated(w, ClaimKind::GeneralPublicIncome, n, b.gp_total(), g)
    );
    if b.gf_total() > 0 {
        let gf = stated(w, ClaimKind::GovFundIncome, n, b.gf_total(), g);
        let _ = write!(s, "，政府性基金预算收入{gf}万元");
    }
    s.push('。');
    w.para(s);
    let n = w.next_line();
    let s = format!(
        "（二）支出预算：{y}年支出预算{}万元，其中：基本支出{}万元，项目支出{}万元。",
        stated(w, ClaimKind::ExpenditureTotal, n, total, g),
        stated(w, ClaimKind::Basic, n, b.basic(), g),
        stated(w, ClaimKind::Project, n, b.project(), g)
    );
    w.para(s);
    let n = w.next_line();
    let (t, _) = w.narrated(total, true);
    let c = change(
        w,
        n,
        total,
        b.prior_total,
        Some((ClaimKind::TotalChange, ClaimKind::TotalChangePercent)),
    );
    w.para(format!("（三）增减变化情况：{y}年收支预算{t}万元，{c}。"));
    if let Some(naming) = w.variant.itemised {
        itemised(w, naming, rng);
    }

    w.para("二、“三公”经费支出情况");
    let (now, before): (SanGong, SanGong) = (b.san_gong, b.san_gong_prior);
    let n = w.next_line();
    let sg = stated(w, ClaimKind::SanGongTotal, n, now.total(), false);
    let c = change(
        w,
        n,
        now.total(),
        before.total(),
        Some((ClaimKind::SanGongChange, ClaimKind::SanGongChangePercent)),
    );
    w.para(format!(
        "{y}年通过一般公共预算财政拨款安排的“三公”经费预算共{sg}万元，{c}。"
    ));
    w.para("其中：");
    let n = w.next_line();
    let a = stated(w, ClaimKind::Abroad, n, now.abroad, false);
    let c = change(w, n, now.abroad, before.abroad, None);
    w.para(format!("1. 因公出国（境）费{a}万元，{c}。"));
    let n = w.next_line();
    let v = stated(w, ClaimKind::Vehicles, n, now.vehicles(), false);
    let vp = stated(w, ClaimKind::VehiclePurchase, n, now.purchase, false);
    let vo = stated(w, ClaimKind::VehicleOperation, n, now.operation, false);
    let c = change(w, n, now.vehicles(), before.vehicles(), None);
    w.para(format!(
        "2. 公务用车购置及运行费{v}万元，包括公务用车购置费{vp}万元，公务用车运行维护费{vo}万元，{c}。"
    ));
    let n = w.next_line();
    let r = stated(w, ClaimKind::Reception, n, now.reception, false);
    let c = change(w, n, now.reception, before.reception, None);
    w.para(format!("3. 公务接待费{r}万元，{c}。"));

    w.para("三、机关运行经费情况");
    let n = w.next_line();
    let op = stated(w, ClaimKind::OperatingCosts, n, b.public(), false);
    let c = change(w, n, b.public(), b.prior_operating, None);
    w.para(format!(
        "机关运行经费指为保障行政单位运行用于购买货物和服务的各项资金。{y}年本{level}机关运行经费安排{op}万元，{c}。"
    ));

    w.para("四、政府采购情况");
    let pt = b.procurement_total();
    if pt == 0 {
        w.para(format!("{y}年本{level}未安排政府采购预算。"));
    } else {
        let (gd, wk, sv) = b.procurement_split;
        let n = w.next_line();
        let s = format!(
            "{y}年政府采购预算{}万元，其中：政府采购货物预算{}万元，政府采购工程预算{}万元，政府采购服务预算{}万元。",
            stated(w, ClaimKind::Procurement, n, pt, true),
            stated(w, ClaimKind::ProcurementGoods, n, gd, false),
            stated(w, ClaimKind::ProcurementWorks, n, wk, false),
            stated(w, ClaimKind::ProcurementServices, n, sv, true)
        );
        w.para(s);
    }

    w.para("五、国有资产占有使用情况");
    w.para(format!(
        "截至{}年12月31日，本{level}共有车辆{}辆。",
        y - 1,
        rng.range(0, 12)
    ));

    w.para("六、绩效目标情况说明");
    w.para("（一）预算绩效管理情况");
    let count = b.projects.len();
    let n = w.next_line();
    w.claim(
        ClaimKind::ProjectCount,
        n,
        &count.to_string(),
        Decimal::from(count),
    );
    let (p, _) = w.narrated(b.project(), false);
    let p = if w.variant.precision == Precision::Exact {
        money(w.wan(b.project()), false)
    } else {
        p
    };
    w.para(format!(
        "{}{y}年项目支出全面实施绩效管理，涉及预算项目支出{count}个，预算资金{p}万元，其中财政拨款{p}万元。",
        b.unit
    ));
    if w.variant.narrative_twice {
        // the same text again, word for word, with the claims it states
        let copy: Vec<String> = w.lines.get(start..).unwrap_or_default().to_vec();
        let shift = u32::try_from(copy.len()).unwrap_or(0);
        let claims: Vec<Claim> = w.claims.get(first_claim..).unwrap_or_default().to_vec();
        w.lines.extend(copy);
        w.claims.extend(claims.into_iter().map(|c| Claim {
            line: c.line + shift,
            ..c
        }));
    }
    let mut performance = Vec::new();
    if count > 0 {
        w.para(format!("(二) {level}预算项目绩效目标表"));
    }
    for p in &b.projects {
        w.para("政策和项目预算绩效目标表");
        // 万元 whatever the tables' unit
        let a = money(w.wan(p.cents), false);
        let code = if p.fund == Fund::GovFund {
            "229"
        } else {
            "201"
        };
        w.line(format!("项目名称\t\t{}\t\t", p.name));
        w.line(format!(
            "主管部门及代码\t\t{code}_{}\t实施单位\t{}",
            b.unit, b.unit
        ));
        w.line(format!("项目资金 (万元)\t\t年度预算资金总额:\t{a}\t"));
        w.line(format!("\t\t其中:财政拨款\t{a}\t"));
        w.line("\t\t其他资金\t0.00\t");
        w.line(format!(
            "总体目标\t通过绩效管理，规范{}使用，提高资金使用效益。\t\t\t",
            p.name
        ));
        w.line("\t一级指标\t二级指标\t三级指标\t指标值");
        w.line(format!("绩效指标\t成本指标\t经济成本\t总成本\t≤{a}万元"));
        w.line(format!(
            "绩效指标\t产出指标\t数量指标\t完成任务数量\t≥{}个",
            rng.range(1, 40)
        ));
        w.line("绩效指标\t效益指标\t社会效益指标\t工作运行保障率\t≥90%");
        w.line("绩效指标\t满意度指标\t服务对象满意度指标\t服务对象满意度\t≥90%");
        w.blank();
        performance.push(PerformanceTruth {
            project: p.name.clone(),
            total: dec(w.wan(p.cents)),
        });
    }
    performance
}

/// The name of `code` as the narrative prints it: the tables' (catalog) name, or with
/// [`Naming::Variants`] sometimes one of the catalog's aliases (an old name, a common wording),
/// `其它` for `其他`, or ASCII brackets.
fn narrative_name(w: &Writer<'_>, code: &str, naming: Naming, rng: &mut Rng) -> String {
    let name = w
        .catalog
        .lookup(code)
        .map_or_else(|| code.to_owned(), |e| e.name.clone());
    if naming == Naming::AsTables {
        return name;
    }
    let aliases: Vec<String> = w
        .catalog
        .aliases(code)
        .into_iter()
        .filter(|a| {
            matches!(
                a.kind,
                yusuan::catalog::AliasKind::HistoricName
                    | yusuan::catalog::AliasKind::CommonVariant
            )
        })
        .map(|a| a.name.clone())
        .collect();
    if !aliases.is_empty() && rng.chance(70) {
        return rng.pick(&aliases).cloned().unwrap_or(name);
    }
    if (name.contains("其他") || name.contains("其它")) && rng.chance(60) {
        return other_spelling(&name);
    }
    if name.contains('（') && rng.chance(50) {
        return name.replace('（', "(").replace('）', ")");
    }
    name
}

/// （四）财政拨款支出主要内容: every 项 of the general public budget with its amount, as
/// `1. “X（类）Y（款）Z（项）”N万元，主要用于……`.
fn itemised(w: &mut Writer<'_>, naming: Naming, rng: &mut Rng) {
    let b = w.b;
    let codes = b.functional(Some(Fund::GeneralPublic));
    w.para("（四）一般公共预算财政拨款支出主要内容：");
    let g = rng.chance(50);
    let mut n = 0;
    for (code, m) in &codes {
        if code.len() != 7 || m.gp() == 0 {
            continue;
        }
        n += 1;
        let (class, section) = (code.get(..3).unwrap_or(""), code.get(..5).unwrap_or(""));
        let names = [
            narrative_name(w, class, naming, rng),
            narrative_name(w, section, naming, rng),
            narrative_name(w, code, naming, rng),
        ];
        let line = w.next_line();
        let amount = stated(w, ClaimKind::Item, line, m.gp(), g);
        w.para(format!(
            "{}. “{}（类）{}（款）{}（项）”{amount}万元，主要用于保障单位正常运转和完成相关工作任务。",
            n, names[0], names[1], names[2]
        ));
    }
}

fn glossary(w: &mut Writer<'_>) {
    w.para("第四部分");
    w.para("名词解释");
    w.para("一、财政拨款收入：指由市级财政拨款形成的部门收入，包括一般公共预算拨款收入、政府性基金预算拨款收入和国有资本经营预算拨款收入。");
    w.para("二、基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和日常公用支出。");
    w.para("三、项目支出：指在基本支出之外为完成特定任务和事业发展目标所发生的支出。");
    w.para(
        "四、“三公”经费：指市级部门单位安排的因公出国（境）费、公务用车购置及运行费和公务接待费。",
    );
    w.line("五、机关运行经费：指为保障行政单位运行用于购买货物和服务的各项资金。");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(money(771_347, true), "7,713.47");
        assert_eq!(money(771_347, false), "7713.47");
        assert_eq!(money(5, true), "0.05");
        assert_eq!(money(100_000_000, true), "1,000,000.00");
        assert_eq!(trimmed(22_660), "226.6");
        assert_eq!(trimmed(9_500), "95");
        assert_eq!(cn(1), "一");
        assert_eq!(cn(10), "十");
        assert_eq!(cn(17), "十七");
        assert_eq!(cn(21), "二十一");
    }

    #[test]
    fn narrative_precision() {
        // 12,344.98万元
        let c = 1_234_498;
        assert_eq!(narrate(c, false, Precision::Exact), (c, None));
        assert_eq!(
            narrate(c, false, Precision::Rounded(0)),
            (1_234_500, Some(0))
        );
        assert_eq!(
            narrate(c, false, Precision::Rounded(1)),
            (1_234_500, Some(1))
        );
        assert_eq!(
            narrate(c, false, Precision::Truncated(1)),
            (1_234_490, Some(1))
        );
        assert_eq!(
            narrate(c, false, Precision::Truncated(0)),
            (1_234_400, Some(0))
        );
        assert_eq!(fixed(1_234_500, 0, true), "12,345");
        assert_eq!(fixed(1_234_490, 1, false), "12344.9");
        // 6,537.499662万元 in hundredths of 元: one rounding, not two
        let y = 6_537_499_662;
        assert_eq!(narrate(y, true, Precision::Exact), (653_750, None));
        assert_eq!(narrate(y, true, Precision::Rounded(0)), (653_700, Some(0)));
        assert_eq!(narrate(y, true, Precision::Rounded(1)), (653_750, Some(1)));
        assert_eq!(
            narrate(y, true, Precision::Truncated(1)),
            (653_740, Some(1))
        );
        assert_eq!(round_div(-15, 10), -2);
        assert_eq!(other_spelling("其他支出"), "其它支出");
        assert_eq!(other_spelling("其它支出"), "其他支出");
    }
}
