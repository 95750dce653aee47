//! Message templates of the table rules (W-, X-, C-: within.rs, cross.rs, classification.rs).

use super::MessageTemplate;

templates! {
    TABLES;

    // classification.rs (C-…)

    /// C-01: a printed code that does not fit the hierarchy its rows give it (`hierarchy`: what
    /// the rows above make of it, per language).
    CODE_HIERARCHY_MISMATCH = "code.hierarchy.mismatch" {
        "{loc}印出的科目编码“{printed}”与层级不符：{hierarchy}，应为 {inferred}",
        "{loc}: the printed code `{printed}` does not fit its hierarchy; {hierarchy} {inferred}"
    }
    /// C-01: a code printed without a part's leading zero, read with it.
    CODE_LEADING_ZERO = "code.leading_zero" {
        "{loc}的科目编码印为“{printed}”（缺前导零），按 {code} 读取",
        "{loc}: the code is printed `{printed}` (a part without its leading zero); read as {code}"
    }
    /// C-01: a code that is not a classification code at all.
    CODE_UNREADABLE = "code.unreadable" {
        "{loc}的科目编码“{printed}”无法识别",
        "{loc}: the code `{printed}` is not a valid classification code"
    }
    /// C-01: every code of a table well formed and nested.
    CODE_WELL_FORMED = "code.well_formed" {
        "{table} 的 {coded} 个科目编码格式正确、层级连贯",
        "{table}: all {coded} codes are well formed and nested"
    }
    /// C-02: a code of another classification than the table's.
    CODE_DOMAIN_WRONG = "code.domain.wrong" {
        "{loc}的编码 {code} 不属于本表应使用的分类",
        "{loc}: code {code} is not of the classification this table uses"
    }
    /// C-02: every code of a table of the table's classification.
    CODE_DOMAIN_PASS = "code.domain.pass" {
        "{table} 的编码均属本表分类",
        "{table}: every code is of the table's classification"
    }
    /// C-03: a code's printed name agrees with the catalog.
    CODE_NAME_AGREES = "code.name.agrees" {
        "{code} {name} 与分类目录一致",
        "{code} `{name}` agrees with the catalog"
    }
    /// C-03: a code printed with an old or variant name.
    CODE_NAME_ALIAS = "code.name.alias" {
        "{table}：{code} 印为旧称或别称“{name}”，现行名称为“{current}”",
        "{table}: {code} is printed with the old or variant name `{name}`; the current name is `{current}`"
    }
    /// C-03: a code's printed name differs from a verified catalog row.
    CODE_NAME_MISMATCH_VERIFIED = "code.name.mismatch.verified" {
        "{table}：{code} 印为“{name}”，分类目录为“{expected}”（请人工复核：可能是地方科目或编码错误）",
        "{table}: {code} is printed as `{name}`; the catalog has `{expected}` (needs review: a local sub-code or a wrong code)"
    }
    /// C-03: a code's printed name differs from an unverified catalog row.
    CODE_NAME_MISMATCH_UNVERIFIED = "code.name.mismatch.unverified" {
        "{table}：{code} 印为“{name}”，分类目录为“{expected}”（该目录行未经核实，仅作提示）",
        "{table}: {code} is printed as `{name}`; the catalog has `{expected}` (that catalog row is unverified: a hint only)"
    }
    /// C-03: a code the catalog does not have.
    CODE_NAME_UNKNOWN = "code.name.unknown" {
        "无法核对：{code}“{name}”不在分类目录中",
        "not checked: {code} `{name}` is not in the catalog"
    }
    /// C-04: a code named alike in every table printing it.
    CODE_NAME_CONSISTENT = "code.name.consistent" {
        "{code} 在 {tables} 中名称一致",
        "{code} is named alike in {tables}"
    }
    /// C-04: a code named differently in different tables.
    CODE_NAME_INCONSISTENT = "code.name.inconsistent" {
        "{code} 在各表中名称不一：{printed}",
        "{code} is named differently across tables: {printed}"
    }
    /// C-06: a whitelisted code, not checked against the catalog.
    CODE_WHITELISTED = "code.whitelisted" {
        "{code} 在白名单中，未按分类目录核对",
        "{code} is on the whitelist and was not checked against the catalog"
    }
    /// C-07: the catalog has no 部门 → 政府 mapping for the code.
    CODE_MAPPING_NONE = "code.mapping.none" {
        "无法核对：目录中没有 {dept} 的对应关系",
        "not checked: the catalog has no mapping for {dept}"
    }
    /// C-07: a 部门 economic code paired with a 政府 code the catalog gives it.
    CODE_MAPPING_PASS = "code.mapping.pass" {
        "{dept} → {gov} 符合对应关系",
        "{dept} → {gov} follows the correspondence"
    }
    /// C-07: a 部门 economic code paired with a 政府 code the catalog does not give it.
    CODE_MAPPING_WRONG = "code.mapping.wrong" {
        "{loc}部门经济分类 {dept} 对应为政府经济分类 {gov}，目录为 {expected}",
        "{loc}: 部门 economic {dept} is paired with 政府 economic {gov}; the catalog gives {expected}"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The id prefixes of the table rules' templates.
    const PREFIXES: &[&str] = &["code."];

    #[test]
    fn the_table_rules_templates_have_their_prefixes() {
        assert!(!TABLES.is_empty());
        for m in TABLES {
            assert!(
                PREFIXES.iter().any(|p| m.id.starts_with(p)),
                "{} has none of the prefixes {PREFIXES:?}",
                m.id
            );
        }
    }
}
