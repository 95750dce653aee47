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

    // cross.rs (X-…)

    /// A table has no total row (`table`: its name in Chinese, its key in English).
    WHY_TOTAL_ROW_MISSING = "why.total_row.missing" {
        "{table}未找到合计行",
        "{table} has no total row"
    }
    /// the fund table compared with a T04 column has no total row.
    WHY_FUND_TOTAL_ROW_MISSING = "why.total_row.missing_in_fund_table" {
        "{table} 未找到合计行",
        "{table} has no total row"
    }
    /// the total row of T05 or T06 was not found.
    WHY_TOTAL_ROW_NOT_FOUND = "why.total_row.not_found" {
        "未找到合计行",
        "a total row was not found"
    }
    /// T01 prints a 类 that T03 does not.
    WHY_T03_CLASS_MISSING = "why.code_missing.t03_class" {
        "支出总体情况表未列示 {code} 类，无法与收支总体情况表核对",
        "T03 does not print 类 {code}, which T01 does"
    }
    /// one of T02 and T03 prints a code the other does not.
    WHY_INCOME_EXPENDITURE_CODE_MISSING = "why.code_missing.income_or_expenditure" {
        "{table} 未列示科目 {code}，无法按科目核对收入与支出",
        "{table} does not print code {code}, so income and expenditure cannot be compared for it"
    }
    /// T04 prints an amount for a 类 the fund table does not print.
    WHY_FUND_CLASS_MISSING = "why.code_missing.fund_class" {
        "{table} 未列示 {code} 类",
        "{table} does not print 类 {code}"
    }
    /// a T03 line with an amount has no line in the fiscal functional tables.
    WHY_FISCAL_FUNCTIONAL_LINE_MISSING = "why.code_missing.fiscal_functional" {
        "{loc} 在财政拨款功能分类表中没有对应行",
        "{loc} has no matching line in the fiscal functional tables"
    }
    /// T06 prints an economic code with an amount that T10 does not print.
    WHY_T10_ECONOMIC_CODE_MISSING = "why.code_missing.t10_economic" {
        "基本支出预算情况表未列示经济科目 {code}",
        "T10 does not print economic code {code}"
    }
    /// in final accounts a code's income and expenditure need not be equal.
    WHY_INCOME_EXPENDITURE_FINAL_ACCOUNTS = "why.income_vs_expenditure.final_accounts" {
        "决算中各科目本年收入与本年支出不必相等（有年初、年末结转结余）",
        "in final accounts a code's income of the year need not equal its expenditure (balances carried in and out)"
    }
    /// T02 is not laid out by functional code.
    WHY_INCOME_EXPENDITURE_NOT_BY_CODE = "why.income_vs_expenditure.not_by_code" {
        "收入总体情况表未按支出功能分类列示",
        "T02 is not laid out by functional code"
    }
    /// carry-forward or carry-over printed, so income and expenditure per code may differ.
    WHY_INCOME_EXPENDITURE_CARRY = "why.income_vs_expenditure.carry" {
        "存在上年结转或结转下年，收入与支出按科目不必相等",
        "carry-forward or carry-over is printed, so income and expenditure per code need not be equal"
    }
    /// T01 prints no fiscal-grant income to compare T04's income with.
    WHY_FISCAL_INCOME_NOT_IN_T01 = "why.fiscal_income.not_in_t01" {
        "收支总体情况表未列示财政拨款收入",
        "T01 prints no fiscal-grant income"
    }
    /// T04's income of the year was not found.
    WHY_FISCAL_INCOME_NOT_FOUND = "why.fiscal_income.not_found" {
        "未找到财政拨款收入合计",
        "the fiscal income of the year was not found"
    }
    /// non-fiscal income or balances, so the T01 and T04 totals may differ.
    WHY_NON_FISCAL_TOTALS = "why.non_fiscal.totals" {
        "单位有非财政拨款收入或结转结余，收支总计与财政拨款收支总计不必相等",
        "the unit has non-fiscal income or balances, so T01 and T04 totals need not be equal"
    }
    /// non-fiscal income or balances, so not all basic expenditure is general-public funded.
    WHY_NON_FISCAL_BASIC = "why.non_fiscal.basic" {
        "单位有非财政拨款收入或结转结余，基本支出不全由一般公共预算安排",
        "the unit has non-fiscal income or balances, so not all basic expenditure is general-public funded"
    }
    /// whether the unit has non-fiscal income cannot be told.
    WHY_NON_FISCAL_UNKNOWN = "why.non_fiscal.unknown" {
        "无法判断是否有非财政拨款收入",
        "whether the unit has non-fiscal income cannot be told"
    }
    /// government funds or state capital fund basic expenditure too.
    WHY_BASIC_OTHER_FUNDS = "why.basic.other_funds" {
        "政府性基金或国有资本经营预算也安排了基本支出",
        "government funds or state capital also fund basic expenditure"
    }
    /// the 三公 table has no data row.
    WHY_SAN_GONG_NO_ROW = "why.san_gong.no_row" {
        "“三公”经费表没有数据行",
        "the 三公 table has no data row"
    }
    /// a local sub-code under a 三公 economic code's number is not the 三公 line.
    WHY_SAN_GONG_LOCAL_CODE = "why.san_gong.local_code" {
        "经济科目 {code} 印为“{printed}”，不是目录中的“{expected}”，不与“三公”经费对比",
        "economic line {code} is printed as `{printed}`, not the catalog's `{expected}`: not compared with 三公"
    }
    /// neither the 三公 table nor the narrative states the operating costs.
    WHY_OPERATING_COSTS_NOT_STATED = "why.operating_costs.not_stated" {
        "“三公”经费表和情况说明均未列示机关运行经费",
        "neither the 三公 table nor the narrative states the operating costs"
    }
    /// the T04 column of an empty fund table is empty too.
    EMPTY_TABLE_FUND_COLUMN_EMPTY = "empty_table.fund_column.empty" {
        "{loc} 为空，{table} 为空表",
        "{loc} is empty and {table} is an empty table"
    }
    /// the T04 column of an empty fund table holds an amount.
    EMPTY_TABLE_FUND_COLUMN_AMOUNT = "empty_table.fund_column.amount" {
        "{loc} 有金额，但 {table} 为空表",
        "{loc} holds an amount but {table} is empty"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The id prefixes of the table rules' templates.
    const PREFIXES: &[&str] = &["code.", "why.", "empty_table."];

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
