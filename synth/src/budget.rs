//! The money of a synthetic unit: every figure the tables and the narrative print, drawn at
//! random and then derived so that every identity the checker verifies holds exactly.
//!
//! Amounts are integer hundredths of 万元 (`i64`), summed exactly; nothing is rounded.

use std::collections::BTreeMap;

use yusuan::catalog::{Catalog, CatalogEntry, Level};

use crate::rng::Rng;

/// Hundredths of 万元.
pub(crate) type Cents = i64;

/// The 类 the 收支总体情况表 lists, in printed order (the 21 lines of the national template).
pub(crate) const T01_CLASSES: [&str; 21] = [
    "201", "202", "204", "205", "206", "207", "208", "210", "211", "212", "213", "214", "215",
    "216", "217", "220", "221", "222", "223", "224", "229",
];

/// 部门经济分类 款 and the 功能分类 项 that carry the same money (the checker's X-17 pairs).
const LINKED: [(&str, &str); 5] = [
    ("30108", "2080505"),
    ("30109", "2080506"),
    ("30110", "2101101"),
    ("30111", "2101103"),
    ("30113", "2210201"),
];

/// 对个人和家庭的补助 (303) goes to 行政单位离退休.
const RETIREMENT_ITEM: &str = "2080501";

/// Economic 款 a unit may print, by class; the linked 款 above are drawn separately.
const ECON_POOL: [(&str, &[&str]); 4] = [
    (
        "301",
        &["30101", "30102", "30103", "30107", "30112", "30199"],
    ),
    (
        "302",
        &[
            "30201", "30202", "30205", "30206", "30207", "30211", "30212", "30213", "30215",
            "30216", "30217", "30228", "30229", "30231", "30239", "30299",
        ],
    ),
    ("303", &["30301", "30302", "30305", "30399"]),
    ("310", &["31002", "31003", "31007", "31013"]),
];

/// Items that government-fund projects use (政府性基金 expenditure codes).
const GOV_FUND_ITEMS: [&str; 3] = ["2296002", "2120801", "2120899"];

const CITIES: [&str; 12] = [
    "烟台市",
    "青岛市",
    "济南市",
    "潍坊市",
    "威海市",
    "临沂市",
    "淄博市",
    "泰安市",
    "日照市",
    "德州市",
    "聊城市",
    "滨州市",
];
const BODIES: [&str; 14] = [
    "人民政府办公室",
    "财政局",
    "统计局",
    "档案馆",
    "机关事务服务中心",
    "审计局",
    "司法局",
    "民政局",
    "商务局",
    "大数据局",
    "地方金融监督管理局",
    "政务服务管理局",
    "信访局",
    "退役军人事务局",
];
const TOPICS: [&str; 16] = [
    "政务运行保障",
    "优化营商环境",
    "公车统管",
    "政务热线整合",
    "信息化建设",
    "档案数字化",
    "统计调查",
    "法律顾问",
    "安全生产检查",
    "应急值守",
    "机关党建",
    "课题研究",
    "宣传培训",
    "办公设备更新",
    "数据共享平台运维",
    "督查考核",
];

/// Which fund pays for a project.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fund {
    GeneralPublic,
    GovFund,
}

/// One project of the 项目支出预算情况表.
#[derive(Debug, Clone)]
pub(crate) struct Project {
    pub(crate) name: String,
    pub(crate) category: &'static str,
    pub(crate) cents: Cents,
    pub(crate) fund: Fund,
    /// The 功能分类 项 it is booked under.
    pub(crate) item: String,
}

/// What one 功能分类 项 holds.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct ItemMoney {
    pub(crate) personnel: Cents,
    pub(crate) public: Cents,
    /// 项目支出 from the general public budget.
    pub(crate) project_gp: Cents,
    /// 项目支出 from government funds.
    pub(crate) project_gf: Cents,
}

impl ItemMoney {
    pub(crate) fn basic(&self) -> Cents {
        self.personnel + self.public
    }
    pub(crate) fn gp(&self) -> Cents {
        self.basic() + self.project_gp
    }
    pub(crate) fn total(&self) -> Cents {
        self.gp() + self.project_gf
    }
    fn add(&mut self, o: &ItemMoney) {
        self.personnel += o.personnel;
        self.public += o.public;
        self.project_gp += o.project_gp;
        self.project_gf += o.project_gf;
    }
}

/// The "三公" figures of one year.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct SanGong {
    pub(crate) abroad: Cents,
    pub(crate) purchase: Cents,
    pub(crate) operation: Cents,
    pub(crate) reception: Cents,
}

impl SanGong {
    pub(crate) fn vehicles(&self) -> Cents {
        self.purchase + self.operation
    }
    pub(crate) fn total(&self) -> Cents {
        self.abroad + self.vehicles() + self.reception
    }
}

/// Everything the document states.
#[derive(Debug, Clone)]
pub(crate) struct Budget {
    pub(crate) year: u16,
    pub(crate) unit: String,
    pub(crate) department: bool,
    /// 部门经济分类 款 → amount (all basic, general public).
    pub(crate) econ: BTreeMap<String, Cents>,
    /// 部门经济分类 款 → the 功能分类 项 that carries it, and whether as 人员支出.
    pub(crate) econ_items: BTreeMap<String, (String, bool)>,
    /// 功能分类 项 → money.
    pub(crate) items: BTreeMap<String, ItemMoney>,
    pub(crate) projects: Vec<Project>,
    pub(crate) san_gong_prior: SanGong,
    pub(crate) san_gong: SanGong,
    /// 功能分类 项 → 政府采购 (general public).
    pub(crate) procurement: BTreeMap<String, Cents>,
    /// 货物, 工程, 服务 (adds up to the procurement total).
    pub(crate) procurement_split: (Cents, Cents, Cents),
    /// Last year's total, for the year-over-year sentence.
    pub(crate) prior_total: Cents,
    /// Last year's 机关运行经费.
    pub(crate) prior_operating: Cents,
}

/// A magnitude-spread amount in `lo..=hi` (log-uniform-ish: small amounts are as likely as large).
fn amount(rng: &mut Rng, lo: Cents, hi: Cents) -> Cents {
    let mut top = lo.max(1);
    let ceiling = hi.max(top);
    let steps = rng.range(0, 6);
    for _ in 0..steps {
        top = top.saturating_mul(4).min(ceiling);
    }
    rng.range(lo, top)
}

fn mapped_gov<'c>(catalog: &'c Catalog, dept: &str) -> Option<&'c str> {
    catalog
        .econ_mapping(dept)
        .into_iter()
        .find(|m| {
            matches!(
                m.applies_to,
                yusuan::catalog::AppliesTo::Organ | yusuan::catalog::AppliesTo::Common
            )
        })
        .map(|m| m.gov_code.as_str())
        .filter(|g| catalog.lookup(g).is_some())
}

/// A 款 that can be the unit's home: it has 行政运行 (01) and 一般行政管理事务 (02).
fn home_sections(catalog: &Catalog) -> Vec<&CatalogEntry> {
    catalog
        .entries()
        .filter(|e| e.level == Level::Section && e.code.starts_with('2'))
        .filter(|e| T01_CLASSES.iter().any(|c| e.code.starts_with(c)))
        .filter(|e| {
            let kids = catalog.children(&e.code);
            let named = |suffix: &str, name: &str| {
                kids.iter()
                    .any(|k| k.code.ends_with(suffix) && k.name == name)
            };
            named("01", "行政运行") && named("02", "一般行政管理事务")
        })
        .collect()
}

/// Items a general-public project may be booked under.
fn project_items(catalog: &Catalog) -> Vec<&CatalogEntry> {
    catalog
        .entries()
        .filter(|e| e.level == Level::Item && e.code.starts_with('2'))
        .filter(|e| T01_CLASSES.iter().any(|c| e.code.starts_with(c)))
        .filter(|e| {
            !LINKED.iter().any(|(_, f)| *f == e.code)
                && e.code != RETIREMENT_ITEM
                && !GOV_FUND_ITEMS.contains(&e.code.as_str())
        })
        .collect()
}

/// Draws a budget. `scale` multiplies the number of projects (1 = a typical unit).
pub(crate) fn draw(rng: &mut Rng, catalog: &Catalog, scale: usize) -> Budget {
    let year = u16::try_from(rng.range(2021, 2026)).unwrap_or(2025);
    let unit = format!(
        "{}{}",
        rng.pick(&CITIES).copied().unwrap_or("烟台市"),
        rng.pick(&BODIES).copied().unwrap_or("财政局")
    );
    let department = rng.chance(25);

    // Basic expenditure by economic 款.
    let mut econ: BTreeMap<String, Cents> = BTreeMap::new();
    for (class, pool) in ECON_POOL {
        let wanted = match class {
            "301" => 1 + rng.index(pool.len()),
            "302" => 2 + rng.index(pool.len() - 1),
            _ if rng.chance(60) => 1 + rng.index(pool.len()),
            _ => 0,
        };
        let mut codes: Vec<&str> = pool.to_vec();
        rng.shuffle(&mut codes);
        for code in codes.into_iter().take(wanted) {
            if catalog.lookup(code).is_none() || mapped_gov(catalog, code).is_none() {
                continue;
            }
            let (lo, hi) = if class == "301" {
                (500, 150_000)
            } else {
                (10, 40_000)
            };
            econ.insert(code.to_owned(), amount(rng, lo, hi));
        }
    }
    for (code, _) in LINKED {
        if rng.chance(80) && mapped_gov(catalog, code).is_some() {
            econ.insert(code.to_owned(), amount(rng, 100, 60_000));
        }
    }

    // Basic expenditure by functional 项: linked 款 to their items, 303 to retirement, the rest
    // to the home 款's 行政运行.
    let homes = home_sections(catalog);
    let home = rng
        .pick(&homes)
        .map_or_else(|| "20103".to_owned(), |e| e.code.clone());
    let admin_item = format!("{home}01");
    let general_item = format!("{home}02");
    let mut items: BTreeMap<String, ItemMoney> = BTreeMap::new();
    let mut econ_items = BTreeMap::new();
    for (code, cents) in &econ {
        let linked = LINKED.iter().find(|(e, _)| e == code).map(|(_, f)| *f);
        let (item, personnel) = match (linked, code.get(..3)) {
            (Some(f), _) => (f.to_owned(), true),
            (None, Some("303")) => (RETIREMENT_ITEM.to_owned(), true),
            (None, Some("301")) => (admin_item.clone(), true),
            _ => (admin_item.clone(), false),
        };
        econ_items.insert(code.clone(), (item.clone(), personnel));
        let m = items.entry(item).or_default();
        if personnel {
            m.personnel += cents;
        } else {
            m.public += cents;
        }
    }

    // Projects.
    let mut projects = Vec::new();
    let count = if rng.chance(8) {
        0
    } else {
        (1 + rng.index(6)).saturating_mul(scale.max(1))
    };
    let others = project_items(catalog);
    let mut topics: Vec<&str> = TOPICS.to_vec();
    rng.shuffle(&mut topics);
    for i in 0..count {
        let topic = topics.get(i % topics.len()).copied().unwrap_or("专项");
        let round = i / topics.len();
        let suffix = if rng.chance(50) {
            "工作经费"
        } else {
            "专项经费"
        };
        let name = if round == 0 {
            format!("{topic}{suffix}")
        } else {
            format!("{topic}{suffix}（{}）", round + 1)
        };
        let cents = amount(rng, 1_000, 400_000);
        let (fund, item) = if i > 0 && rng.chance(12) {
            let f = rng.pick(&GOV_FUND_ITEMS).copied().unwrap_or("2296002");
            (Fund::GovFund, f.to_owned())
        } else if i == 0 || rng.chance(50) || others.is_empty() {
            (Fund::GeneralPublic, general_item.clone())
        } else {
            let e = rng
                .pick(&others)
                .map_or(general_item.as_str(), |e| e.code.as_str());
            (Fund::GeneralPublic, e.to_owned())
        };
        if fund == Fund::GovFund && catalog.lookup(&item).is_none() {
            continue;
        }
        let m = items.entry(item.clone()).or_default();
        match fund {
            Fund::GeneralPublic => m.project_gp += cents,
            Fund::GovFund => m.project_gf += cents,
        }
        projects.push(Project {
            name,
            category: if rng.chance(70) {
                "其他运转类"
            } else {
                "特定目标类"
            },
            cents,
            fund,
            item,
        });
    }

    // "三公": each item covers its economic line (X-11: the line is a part of the item).
    let line = |code: &str| econ.get(code).copied().unwrap_or(0);
    let cover = |base: Cents, rng: &mut Rng| -> Cents {
        if base == 0 && rng.chance(40) {
            0
        } else {
            base + amount(rng, 0, 3_000)
        }
    };
    let san_gong = SanGong {
        abroad: cover(line("30212"), rng),
        purchase: if line("31013") > 0 || rng.chance(20) {
            cover(line("31013"), rng)
        } else {
            0
        },
        operation: cover(line("30231"), rng),
        reception: cover(line("30217"), rng),
    };
    let vary = |x: Cents, rng: &mut Rng| -> Cents {
        match rng.below(4) {
            0 => x,
            1 => 0,
            _ => (x + rng.range(-x / 2, x / 2 + 500)).max(0),
        }
    };
    let san_gong_prior = SanGong {
        abroad: vary(san_gong.abroad, rng),
        purchase: vary(san_gong.purchase, rng),
        operation: vary(san_gong.operation, rng),
        reception: vary(san_gong.reception, rng),
    };

    // 政府采购: part of some general-public items.
    let mut procurement = BTreeMap::new();
    if !rng.chance(10) {
        for (code, m) in &items {
            if m.gp() > 0 && (m.project_gp > 0 || rng.chance(30)) {
                let p = rng.range(0, m.gp());
                if p > 0 {
                    procurement.insert(code.clone(), p);
                }
            }
        }
    }
    let proc_total: Cents = procurement.values().sum();
    let split = rng.split(proc_total, 3, 0);
    let procurement_split = (
        split.first().copied().unwrap_or(0),
        split.get(1).copied().unwrap_or(0),
        split.get(2).copied().unwrap_or(0),
    );

    let total: Cents = items.values().map(ItemMoney::total).sum();
    let prior_total = (total + rng.range(-total / 3, total / 3)).max(1);
    let public: Cents = items.values().map(|m| m.public).sum();
    let prior_operating = (public + rng.range(-public / 4, public / 4)).max(0);
    Budget {
        year,
        unit,
        department,
        econ,
        econ_items,
        items,
        projects,
        san_gong_prior,
        san_gong,
        procurement,
        procurement_split,
        prior_total,
        prior_operating,
    }
}

/// `c` × 10,000 plus up to 9,999 more (a figure in hundredths of 元 that is `c` hundredths of
/// 万元 and some 元 more); zero stays zero.
fn finer(c: Cents, rng: &mut Rng) -> Cents {
    if c == 0 {
        0
    } else {
        c.saturating_mul(10_000).saturating_add(rng.range(0, 9_999))
    }
}

impl Budget {
    /// The same budget in hundredths of 元: every figure × 10,000 plus a random number of 元 and
    /// 分 (under one 万元) in the figures drawn freely, the derived ones (items, totals, the
    /// "三公" items covering their economic lines, procurement within its items) derived again, so
    /// that every identity still holds exactly.
    pub(crate) fn in_yuan(&self, rng: &mut Rng) -> Budget {
        let mut b = self.clone();
        for m in b.items.values_mut() {
            *m = ItemMoney::default();
        }
        for (code, c) in &mut b.econ {
            let old = *c;
            *c = finer(old, rng);
            if let Some((item, personnel)) = self.econ_items.get(code) {
                let m = b.items.entry(item.clone()).or_default();
                if *personnel {
                    m.personnel += *c;
                } else {
                    m.public += *c;
                }
            }
        }
        for p in &mut b.projects {
            p.cents = finer(p.cents, rng);
            let m = b.items.entry(p.item.clone()).or_default();
            match p.fund {
                Fund::GeneralPublic => m.project_gp += p.cents,
                Fund::GovFund => m.project_gf += p.cents,
            }
        }
        // a "三公" item keeps covering its economic line: the line's extra 元 and some more
        let line = |code: &str| {
            (
                self.econ.get(code).copied().unwrap_or(0),
                b.econ.get(code).copied().unwrap_or(0),
            )
        };
        let cover = |x: Cents, (old, new): (Cents, Cents), rng: &mut Rng| -> Cents {
            if x == 0 {
                0
            } else {
                x * 10_000 + (new - old * 10_000) + rng.range(0, 9_999)
            }
        };
        b.san_gong = SanGong {
            abroad: cover(self.san_gong.abroad, line("30212"), rng),
            purchase: cover(self.san_gong.purchase, line("31013"), rng),
            operation: cover(self.san_gong.operation, line("30231"), rng),
            reception: cover(self.san_gong.reception, line("30217"), rng),
        };
        let prior = self.san_gong_prior;
        b.san_gong_prior = SanGong {
            abroad: finer(prior.abroad, rng),
            purchase: finer(prior.purchase, rng),
            operation: finer(prior.operation, rng),
            reception: finer(prior.reception, rng),
        };
        for (code, p) in &mut b.procurement {
            let most = b.items.get(code).map_or(0, ItemMoney::gp);
            *p = finer(*p, rng).min(most);
        }
        // the split keeps its parts (× 10,000); the procurement items' extra 元 go to one part
        let (goods, works, services) = self.procurement_split;
        let (mut goods, mut works, mut services) =
            (goods * 10_000, works * 10_000, services * 10_000);
        let rest = b.procurement_total() - (goods + works + services);
        if services > 0 || (goods == 0 && works == 0) {
            services += rest;
        } else if goods > 0 {
            goods += rest;
        } else {
            works += rest;
        }
        b.procurement_split = (goods, works, services);
        b.prior_total = finer(self.prior_total, rng);
        b.prior_operating = finer(self.prior_operating, rng);
        b
    }

    /// Money of every functional code (类, 款 and 项) of the general public budget.
    pub(crate) fn functional(&self, fund: Option<Fund>) -> BTreeMap<String, ItemMoney> {
        let mut out: BTreeMap<String, ItemMoney> = BTreeMap::new();
        for (code, m) in &self.items {
            let m = match fund {
                None => *m,
                Some(Fund::GeneralPublic) => ItemMoney {
                    project_gf: 0,
                    ..*m
                },
                Some(Fund::GovFund) => ItemMoney {
                    project_gf: m.project_gf,
                    ..ItemMoney::default()
                },
            };
            if m.total() == 0 {
                continue;
            }
            for len in [3, 5, 7] {
                if let Some(prefix) = code.get(..len) {
                    out.entry(prefix.to_owned()).or_default().add(&m);
                }
            }
        }
        out
    }

    /// Amount of every economic code (类 and 款).
    pub(crate) fn economic(&self) -> BTreeMap<String, Cents> {
        let mut out: BTreeMap<String, Cents> = BTreeMap::new();
        for (code, c) in &self.econ {
            for len in [3, 5] {
                if let Some(prefix) = code.get(..len) {
                    *out.entry(prefix.to_owned()).or_default() += c;
                }
            }
        }
        out
    }

    pub(crate) fn total(&self) -> Cents {
        self.items.values().map(ItemMoney::total).sum()
    }
    pub(crate) fn gp_total(&self) -> Cents {
        self.items.values().map(ItemMoney::gp).sum()
    }
    pub(crate) fn gf_total(&self) -> Cents {
        self.items.values().map(|m| m.project_gf).sum()
    }
    pub(crate) fn basic(&self) -> Cents {
        self.items.values().map(ItemMoney::basic).sum()
    }
    pub(crate) fn personnel(&self) -> Cents {
        self.items.values().map(|m| m.personnel).sum()
    }
    pub(crate) fn public(&self) -> Cents {
        self.items.values().map(|m| m.public).sum()
    }
    pub(crate) fn project_gp(&self) -> Cents {
        self.items.values().map(|m| m.project_gp).sum()
    }
    pub(crate) fn project(&self) -> Cents {
        self.items
            .values()
            .map(|m| m.project_gp + m.project_gf)
            .sum()
    }
    pub(crate) fn procurement_total(&self) -> Cents {
        self.procurement.values().sum()
    }

    /// The 政府经济分类 code a 部门经济分类 款 is paired with.
    pub(crate) fn gov_code<'c>(catalog: &'c Catalog, dept: &str) -> Option<&'c str> {
        mapped_gov(catalog, dept)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_yuan_keeps_every_identity() {
        let catalog = Catalog::builtin();
        for seed in 0..40 {
            let mut rng = Rng::new(seed);
            let b = draw(&mut rng, catalog, 1);
            let y = b.in_yuan(&mut Rng::new(seed + 1));
            // the items carry the economic lines and the projects, 元 and 分 included
            let econ: Cents = y.econ.values().sum();
            let projects: Cents = y.projects.iter().map(|p| p.cents).sum();
            assert_eq!(y.basic(), econ, "seed {seed}");
            assert_eq!(y.project(), projects, "seed {seed}");
            assert_eq!(y.total(), econ + projects, "seed {seed}");
            // each figure is its 万元 figure × 10,000 and under one 万元 more
            assert!(y.total() >= b.total() * 10_000, "seed {seed}");
            assert!(y.total() < (b.total() + 1) * 10_000 * 100, "seed {seed}");
            let line = |code: &str| y.econ.get(code).copied().unwrap_or(0);
            assert!(y.san_gong.abroad >= line("30212"), "seed {seed}");
            assert!(y.san_gong.reception >= line("30217"), "seed {seed}");
            assert!(y.san_gong.operation >= line("30231"), "seed {seed}");
            for (code, p) in &y.procurement {
                let most = y.items.get(code).map_or(0, ItemMoney::gp);
                assert!(*p <= most, "seed {seed} {code}");
            }
            let (goods, works, services) = y.procurement_split;
            assert_eq!(
                goods + works + services,
                y.procurement_total(),
                "seed {seed}"
            );
            assert!(goods >= 0 && works >= 0 && services >= 0, "seed {seed}");
        }
    }
}
