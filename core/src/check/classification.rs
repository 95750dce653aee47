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
use super::messages::msg;
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
        text: String::from(&row.label),
        line: row.line,
        page: None,
        bbox: None,
    }
}

/// Where a row is, per language: the table's short title and the row's name, or the table's
/// key and the row's line.
fn row_loc(table: &Table, row: &Row) -> (String, String) {
    (
        format!("{}「{}」", table.title_short(), strip_numbering(&row.label)),
        format!("{} line {}", table.key, row.line),
    )
}

/// A table per language: its short title, or its key.
fn table_name(table: &Table) -> (String, String) {
    (table.title_short(), table.key.to_string())
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
                        msg!(
                            CODE_HIERARCHY_MISMATCH,
                            loc = &row_loc(table, row),
                            printed = printed,
                            hierarchy = &(
                                format!("所在款为 {}", inferred.get(..5).unwrap_or(inferred)),
                                "the rows above make it".to_owned(),
                            ),
                            inferred = inferred,
                        ),
                        None,
                        vec![evidence_of(table, row)],
                    ),
                    RowIssue::CodeNormalised { printed, code } => em.push(
                        Outcome::Hint,
                        Severity::Info,
                        at,
                        msg!(
                            CODE_LEADING_ZERO,
                            loc = &row_loc(table, row),
                            printed = printed,
                            code = code,
                        ),
                        None,
                        vec![evidence_of(table, row)],
                    ),
                    RowIssue::UnreadableCode { printed } => em.push(
                        Outcome::Fail,
                        Severity::Warning,
                        at,
                        msg!(
                            CODE_UNREADABLE,
                            loc = &row_loc(table, row),
                            printed = printed
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
                msg!(
                    CODE_WELL_FORMED,
                    table = &table_name(table),
                    coded = &coded.to_string()
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
                    msg!(CODE_DOMAIN_WRONG, loc = &row_loc(table, row), code = code),
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
                msg!(CODE_DOMAIN_PASS, table = &table_name(table)),
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
                // (location and evidence are built only for an instance that is recorded: most
                // names agree, and passes are only counted)
                let at = || {
                    (
                        Some(table.key.to_string()),
                        Some(code.to_owned()),
                        Some("科目名称".to_owned()),
                    )
                };
                let ev = || vec![evidence_of(table, row)];
                match cx.catalog.name_matches(code, name) {
                    NameMatch::Exact | NameMatch::Normalized => {
                        em.pass(|| (at(), msg!(CODE_NAME_AGREES, code = code, name = name), ev()));
                    }
                    NameMatch::Alias { current, .. } => em.push(
                        Outcome::Hint,
                        Severity::Info,
                        at(),
                        msg!(
                            CODE_NAME_ALIAS,
                            table = &table_name(table),
                            code = code,
                            name = name,
                            current = &current,
                        ),
                        None,
                        ev(),
                    ),
                    NameMatch::Mismatch { expected, verified } => em.push(
                        Outcome::Hint,
                        Severity::Info,
                        at(),
                        msg!(
                            @if verified {
                                super::messages::CODE_NAME_MISMATCH_VERIFIED
                            } else {
                                super::messages::CODE_NAME_MISMATCH_UNVERIFIED
                            },
                            table = &table_name(table),
                            code = code,
                            name = name,
                            expected = &expected,
                        ),
                        None,
                        ev(),
                    ),
                    NameMatch::UnknownCode => em.push(
                        Outcome::InsufficientData,
                        Severity::Info,
                        at(),
                        msg!(CODE_NAME_UNKNOWN, code = code, name = name),
                        None,
                        ev(),
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
                    msg!(
                        CODE_NAME_CONSISTENT,
                        code = code,
                        tables = &(tables.join("、"), tables.join(", ")),
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
                    msg!(
                        CODE_NAME_INCONSISTENT,
                        code = code,
                        printed = &(printed.join("，"), printed.join(", ")),
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
                msg!(CODE_WHITELISTED, code = code),
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
                    msg!(CODE_MAPPING_NONE, dept = dept),
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
                em.pass(|| (at, msg!(CODE_MAPPING_PASS, dept = dept, gov = gov), ev));
            } else {
                let verified = maps.iter().any(|m| m.verified);
                em.push(
                    if verified {
                        Outcome::Fail
                    } else {
                        Outcome::Hint
                    },
                    Severity::Warning,
                    at,
                    msg!(
                        CODE_MAPPING_WRONG,
                        loc = &(
                            format!("{}「{}」", table.title_short(), row_name(row)),
                            table.key.to_string()
                        ),
                        dept = dept,
                        gov = gov,
                        expected = &expected.join("/"),
                    ),
                    None,
                    ev,
                );
            }
        }
    }
}
