//! Classification-code rules (C-…): codes well formed and in their domain, names against the
//! catalog, the same code named alike everywhere, 部门 → 政府 economic mapping.
//!
//! The catalog is not fully verified, so disagreements with it are hints, never errors; an
//! unknown code is "not checked", not "wrong".

use crate::catalog::{Domain, NameMatch};
use crate::model::{Row, RowIssue, Table, TableKind};
use crate::report::{Evidence, Outcome, Severity};
use crate::text::{normalize_name, strip_numbering};

use super::engine::{Ctx, Emitter, row_name};
use super::{RuleDef, RuleInfo, RuleKind, RuleSeverity};

pub(super) fn rules() -> Vec<RuleDef> {
    let r = |id, kind, zh, en, run: fn(&Ctx<'_>, &mut Emitter<'_>)| RuleDef {
        info: RuleInfo {
            id,
            title: zh,
            title_en: en,
            kind,
            severity: RuleKind::default_severity(kind),
            tables: &[],
            condition: None,
        },
        run,
    };
    vec![
        r(
            "C-01",
            RuleKind::Hard,
            "科目编码格式与层级：类/款/项为 3/5/7 位，下级编码以上级为前缀",
            "codes are 3/5/7 digits and a child's code extends its parent's",
            c_01,
        ),
        r(
            "C-02",
            RuleKind::Hard,
            "科目编码分域：功能分类表只用 2 字头编码，经济分类表只用 3/5 字头编码",
            "code domains are kept apart: functional tables use 2xx codes, economic tables 3xx/5xx",
            c_02,
        ),
        r(
            "C-03",
            RuleKind::Soft,
            "科目编码与名称须与政府收支分类科目一致（目录未经核实的行只作提示）",
            "code and name agree with the classification catalog (a hint at most; unknown codes are not checked)",
            c_03,
        ),
        r(
            "C-04",
            RuleKind::Soft,
            "同一科目编码在各表中名称一致",
            "the same code has the same name in every table",
            c_04,
        ),
        r(
            "C-06",
            RuleKind::Soft,
            "地区或年度临时科目（白名单）",
            "region- or year-specific codes on the whitelist",
            c_06,
        ),
        r(
            "C-07",
            RuleKind::Conditional,
            "部门经济分类与政府经济分类的对应关系符合目录",
            "each 部门 economic code maps to the 政府 economic code the catalog gives",
            c_07,
        )
        .at_most(RuleSeverity::Warning),
    ]
}

fn evidence_of(table: &Table, row: &Row) -> Evidence {
    Evidence {
        table: table.key.to_string(),
        row: Some(row.key()),
        column: None,
        text: row.label.clone(),
        line: row.line,
        page: None,
        bbox: None,
    }
}

fn coded_tables<'a>(cx: &Ctx<'a>) -> impl Iterator<Item = &'a Table> {
    cx.doc.tables.iter().filter(|t| {
        matches!(
            t.kind,
            TableKind::Functional | TableKind::Economic | TableKind::Summary
        )
    })
}

fn c_01(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    for table in coded_tables(cx) {
        let mut problems = 0;
        for row in &table.rows {
            for issue in &row.issues {
                problems += 1;
                let at = (
                    Some(table.key.to_string()),
                    Some(row.key()),
                    Some("科目编码".to_owned()),
                );
                match issue {
                    RowIssue::CodeFromContext { printed, inferred } => em.push(
                        Outcome::Fail,
                        Severity::Error,
                        at,
                        (
                            format!("{}「{}」印出的科目编码“{printed}”与层级不符：所在款为 {}，应为 {inferred}", table.title_short(), strip_numbering(&row.label), inferred.get(..5).unwrap_or(inferred)),
                            format!("{} line {}: the printed code `{printed}` does not fit its hierarchy; the rows above make it {inferred}", table.key, row.line),
                        ),
                        None,
                        vec![evidence_of(table, row)],
                    ),
                    RowIssue::CodeNormalised { printed, code } => em.push(
                        Outcome::Hint,
                        Severity::Info,
                        at,
                        (
                            format!("{}「{}」的科目编码印为“{printed}”（缺前导零），按 {code} 读取", table.title_short(), strip_numbering(&row.label)),
                            format!("{} line {}: the code is printed `{printed}` (a part without its leading zero); read as {code}", table.key, row.line),
                        ),
                        None,
                        vec![evidence_of(table, row)],
                    ),
                    RowIssue::UnreadableCode { printed } => em.push(
                        Outcome::Fail,
                        Severity::Warning,
                        at,
                        (
                            format!("{}「{}」的科目编码“{printed}”无法识别", table.title_short(), strip_numbering(&row.label)),
                            format!("{} line {}: the code `{printed}` is not a valid classification code", table.key, row.line),
                        ),
                        None,
                        vec![evidence_of(table, row)],
                    ),
                }
            }
        }
        let coded = table.rows.iter().filter(|r| r.code.is_some()).count();
        if problems == 0 && coded > 0 {
            em.push(
                Outcome::Pass,
                Severity::Info,
                (Some(table.key.to_string()), None, None),
                (
                    format!(
                        "{} 的 {coded} 个科目编码格式正确、层级连贯",
                        table.title_short()
                    ),
                    format!(
                        "{}: all {coded} codes are well formed and nested",
                        table.key
                    ),
                ),
                None,
                Vec::new(),
            );
        }
    }
}

fn c_02(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    for table in coded_tables(cx) {
        let expected: &[Domain] = match table.kind {
            TableKind::Functional | TableKind::Summary => &[Domain::Functional],
            TableKind::Economic => &[Domain::EconomicDept],
            _ => continue,
        };
        let mut wrong = 0;
        let mut checked = 0;
        for row in &table.rows {
            let pairs = [
                (row.code.as_deref(), expected),
                (row.gov_code.as_deref(), &[Domain::EconomicGov][..]),
            ];
            for (code, want) in pairs {
                let Some(code) = code else { continue };
                checked += 1;
                let domain = Domain::of_code(code);
                if domain.is_some_and(|d| want.contains(&d)) {
                    continue;
                }
                wrong += 1;
                em.push(
                    Outcome::Fail,
                    Severity::Error,
                    (
                        Some(table.key.to_string()),
                        Some(row.key()),
                        Some("科目编码".to_owned()),
                    ),
                    (
                        format!(
                            "{}「{}」的编码 {code} 不属于本表应使用的分类",
                            table.title_short(),
                            strip_numbering(&row.label)
                        ),
                        format!(
                            "{} line {}: code {code} is not of the classification this table uses",
                            table.key, row.line
                        ),
                    ),
                    None,
                    vec![evidence_of(table, row)],
                );
            }
        }
        if wrong == 0 && checked > 0 {
            em.push(
                Outcome::Pass,
                Severity::Info,
                (Some(table.key.to_string()), None, None),
                (
                    format!("{} 的编码均属本表分类", table.title_short()),
                    format!("{}: every code is of the table's classification", table.key),
                ),
                None,
                Vec::new(),
            );
        }
    }
}

fn whitelisted(cx: &Ctx<'_>, code: &str) -> bool {
    cx.policy.code_whitelist.iter().any(|c| c == code)
}

fn c_03(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    for table in coded_tables(cx) {
        for row in &table.rows {
            for (code, name) in [
                (row.code.as_deref(), Some(row.label.as_str())),
                (row.gov_code.as_deref(), row.gov_name.as_deref()),
            ] {
                let (Some(code), Some(name)) = (code, name) else {
                    continue;
                };
                if whitelisted(cx, code) {
                    continue;
                }
                let name = strip_numbering(name.trim());
                if name.is_empty() {
                    continue;
                }
                let at = (
                    Some(table.key.to_string()),
                    Some(code.to_owned()),
                    Some("科目名称".to_owned()),
                );
                let ev = vec![evidence_of(table, row)];
                match cx.catalog.name_matches(code, name) {
                    NameMatch::Exact | NameMatch::Normalized => em.pass(|| {
                        (
                            at,
                            (format!("{code} {name} 与分类目录一致"), format!("{code} `{name}` agrees with the catalog")),
                            ev,
                        )
                    }),
                    NameMatch::Alias { current, .. } => em.push(
                        Outcome::Hint,
                        Severity::Info,
                        at,
                        (
                            format!("{}：{code} 印为旧称或别称“{name}”，现行名称为“{current}”", table.title_short()),
                            format!("{}: {code} is printed with the old or variant name `{name}`; the current name is `{current}`", table.key),
                        ),
                        None,
                        ev,
                    ),
                    NameMatch::Mismatch { expected, verified } => em.push(
                        Outcome::Hint,
                        Severity::Info,
                        at,
                        (
                            format!(
                                "{}：{code} 印为“{name}”，分类目录为“{expected}”{}",
                                table.title_short(),
                                if verified { "（请人工复核：可能是地方科目或编码错误）" } else { "（该目录行未经核实，仅作提示）" }
                            ),
                            format!(
                                "{}: {code} is printed as `{name}`; the catalog has `{expected}`{}",
                                table.key,
                                if verified { " (needs review: a local sub-code or a wrong code)" } else { " (that catalog row is unverified: a hint only)" }
                            ),
                        ),
                        None,
                        ev,
                    ),
                    NameMatch::UnknownCode => em.push(
                        Outcome::InsufficientData,
                        Severity::Info,
                        at,
                        (
                            format!("无法核对：{code}“{name}”不在分类目录中"),
                            format!("not checked: {code} `{name}` is not in the catalog"),
                        ),
                        None,
                        ev,
                    ),
                }
            }
        }
    }
}

fn c_04(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    // code → every (table, row) printing it, in document order
    let mut uses: std::collections::BTreeMap<&str, Vec<(&Table, &Row)>> =
        std::collections::BTreeMap::new();
    for table in coded_tables(cx) {
        for row in &table.rows {
            if let Some(code) = row.code.as_deref() {
                if !row.label.trim().is_empty() {
                    uses.entry(code).or_default().push((table, row));
                }
            }
        }
    }
    for (code, rows) in uses {
        let mut tables: Vec<&str> = rows.iter().map(|(t, _)| t.key.as_str()).collect();
        tables.dedup();
        if tables.len() < 2 {
            continue;
        }
        let names: Vec<String> = rows
            .iter()
            .map(|(_, r)| normalize_name(strip_numbering(r.label.trim())))
            .collect();
        let first = names.first().map_or("", String::as_str);
        let differing = rows
            .iter()
            .zip(&names)
            .find(|(_, n)| n.as_str() != first)
            .map(|((t, _), _)| *t);
        let evidence =
            || -> Vec<Evidence> { rows.iter().map(|(t, r)| evidence_of(t, r)).collect() };
        match differing {
            None => em.pass(|| {
                (
                    (None, Some(code.to_owned()), None),
                    (
                        format!("{code} 在 {} 中名称一致", tables.join("、")),
                        format!("{code} is named alike in {}", tables.join(", ")),
                    ),
                    evidence(),
                )
            }),
            Some(table) => {
                let mut printed: Vec<String> = rows
                    .iter()
                    .map(|(t, r)| format!("{}“{}”", t.key, strip_numbering(r.label.trim())))
                    .collect();
                printed.dedup();
                em.push(
                    Outcome::Hint,
                    Severity::Info,
                    (Some(table.key.to_string()), Some(code.to_owned()), None),
                    (
                        format!("{code} 在各表中名称不一：{}", printed.join("，")),
                        format!(
                            "{code} is named differently across tables: {}",
                            printed.join(", ")
                        ),
                    ),
                    None,
                    evidence(),
                );
            }
        }
    }
}

fn c_06(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    for table in coded_tables(cx) {
        for row in &table.rows {
            let Some(code) = row.code.as_deref().filter(|c| whitelisted(cx, c)) else {
                continue;
            };
            em.push(
                Outcome::Hint,
                Severity::Info,
                (Some(table.key.to_string()), Some(code.to_owned()), None),
                (
                    format!("{code} 在白名单中，未按分类目录核对"),
                    format!("{code} is on the whitelist and was not checked against the catalog"),
                ),
                None,
                vec![evidence_of(table, row)],
            );
        }
    }
}

fn c_07(cx: &Ctx<'_>, em: &mut Emitter<'_>) {
    for table in cx
        .doc
        .tables
        .iter()
        .filter(|t| t.kind == TableKind::Economic)
    {
        if !table.rows.iter().any(|r| r.gov_code.is_some()) {
            continue;
        }
        for row in &table.rows {
            let (Some(dept), Some(gov)) = (row.code.as_deref(), row.gov_code.as_deref()) else {
                continue;
            };
            let at = (
                Some(table.key.to_string()),
                Some(dept.to_owned()),
                Some("政府经济分类".to_owned()),
            );
            let ev = vec![evidence_of(table, row)];
            let maps = if dept.len() == 3 {
                // a 类 maps to the classes of its 款
                cx.catalog
                    .children(dept)
                    .into_iter()
                    .flat_map(|e| cx.catalog.econ_mapping(&e.code))
                    .collect::<Vec<_>>()
            } else {
                cx.catalog.econ_mapping(dept)
            };
            if maps.is_empty() {
                em.push(
                    Outcome::InsufficientData,
                    Severity::Info,
                    at,
                    (
                        format!("无法核对：目录中没有 {dept} 的对应关系"),
                        format!("not checked: the catalog has no mapping for {dept}"),
                    ),
                    None,
                    ev,
                );
                continue;
            }
            let fits = maps.iter().any(|m| {
                if gov.len() == 3 {
                    m.gov_code.starts_with(gov)
                } else {
                    m.gov_code == gov
                }
            });
            let expected: Vec<String> = {
                let mut v: Vec<String> = maps
                    .iter()
                    .map(|m| {
                        if gov.len() == 3 {
                            m.gov_code.get(..3).unwrap_or(&m.gov_code).to_owned()
                        } else {
                            m.gov_code.clone()
                        }
                    })
                    .collect();
                v.sort();
                v.dedup();
                v
            };
            if fits {
                em.pass(|| {
                    (
                        at,
                        (
                            format!("{dept} → {gov} 符合对应关系"),
                            format!("{dept} → {gov} follows the correspondence"),
                        ),
                        ev,
                    )
                });
            } else {
                let verified = maps.iter().any(|m| m.verified);
                em.push(
                    if verified { Outcome::Fail } else { Outcome::Hint },
                    Severity::Warning,
                    at,
                    (
                        format!("{}「{}」部门经济分类 {dept} 对应为政府经济分类 {gov}，目录为 {}", table.title_short(), row_name(row), expected.join("/")),
                        format!("{}: 部门 economic {dept} is paired with 政府 economic {gov}; the catalog gives {}", table.key, expected.join("/")),
                    ),
                    None,
                    ev,
                );
            }
        }
    }
}
