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

    // within.rs (W-…)

    /// W-…: carry-over printed beside the uses, so whether the total includes it is unknown.
    WHY_USES_CARRY_OVER = "why.uses.carry_over" {
        "{loc}：该行“结转下年”列有金额，无法确定合计是否包含",
        "{loc}: the carry-over column holds an amount; whether the total includes it depends on the template"
    }
    /// A coded row with amounts whose lower level (`level`) the table does not print.
    WHY_HIERARCHY_NO_CHILDREN = "why.hierarchy.no_children" {
        "{loc}在本表中没有列出下级{level}，层级合计无法核对",
        "{loc} has no {level} rows in this table, so its hierarchy cannot be checked"
    }
    /// A table leaves out 类 that a table of narrower scope lists, so its total row is not checked.
    WHY_TOTAL_ROW_CLASS_MISSING = "why.total_row.class_missing" {
        "{table} 未列示 {gaps}，而范围更小的表列有该类，合计行无法核对",
        "{table} does not list {gaps}, which a table of narrower scope lists, so its total row cannot be checked"
    }
    /// Rows with amounts but no readable code, so the total row is not checked.
    WHY_TOTAL_ROW_UNCODED_ROWS = "why.total_row.uncoded_rows" {
        "{table} 有未能识别科目编码的行，合计行无法核对",
        "{table} has rows without a readable code, so the total row cannot be checked"
    }
    /// W-11-1: the total row of the projects table was not found.
    WHY_TOTAL_ROW_PROJECTS_NOT_FOUND = "why.total_row.projects_not_found" {
        "未找到项目合计行",
        "the total row of the projects was not found"
    }
    /// A summary table has lines that were not recognised.
    WHY_LINES_UNRECOGNISED = "why.lines.unrecognised" {
        "{table} 有未能识别的收支项目行，无法核对",
        "{table} has lines that were not recognised, so the sum cannot be checked"
    }
    /// The total income or total expenditure line was not found.
    WHY_LINES_TOTALS_NOT_FOUND = "why.lines.totals_not_found" {
        "未找到收入总计或支出总计行",
        "the total income or total expenditure line was not found"
    }
    /// The income-of-the-year line was not found.
    WHY_LINES_INCOME_SUBTOTAL_NOT_FOUND = "why.lines.income_subtotal_not_found" {
        "未找到本年收入合计行",
        "the income-of-the-year line was not found"
    }
    /// No income source lines were found.
    WHY_LINES_INCOME_SOURCES_NOT_FOUND = "why.lines.income_sources_not_found" {
        "未找到收入来源行",
        "no income source lines were found"
    }
    /// W-01-3: the table prints no fiscal-grant income line.
    WHY_LINES_NO_FISCAL_GRANT = "why.lines.no_fiscal_grant" {
        "未列示财政拨款收入行",
        "the table prints no fiscal-grant income line"
    }
    /// W-01-3: fiscal-grant income is not broken down by fund.
    WHY_LINES_FISCAL_GRANT_NOT_SPLIT = "why.lines.fiscal_grant_not_split" {
        "财政拨款收入未按资金分列",
        "fiscal-grant income is not broken down by fund"
    }
    /// The table does not print both the income of the year and the total income.
    WHY_LINES_INCOME_TOTAL_NOT_SPLIT = "why.lines.income_total_not_split" {
        "表中未分列本年收入合计与收入总计",
        "the table does not print both the income of the year and the total income"
    }
    /// The expenditure-of-the-year line was not found.
    WHY_LINES_EXPENDITURE_SUBTOTAL_NOT_FOUND = "why.lines.expenditure_subtotal_not_found" {
        "未找到本年支出合计行",
        "the expenditure-of-the-year line was not found"
    }
    /// No expenditure lines by functional 类 were found.
    WHY_LINES_EXPENDITURE_CLASSES_NOT_FOUND = "why.lines.expenditure_classes_not_found" {
        "未找到按功能分类列示的支出行",
        "no expenditure 类 lines were found"
    }
    /// The table does not print both the expenditure of the year and the total expenditure.
    WHY_LINES_EXPENDITURE_TOTAL_NOT_SPLIT = "why.lines.expenditure_total_not_split" {
        "表中未分列本年支出合计与支出总计",
        "the table does not print both the expenditure of the year and the total expenditure"
    }
    /// W-04-5: carry-forward not split by fund, so the funds are not balanced one by one.
    WHY_BALANCE_CARRY_FORWARD_NOT_SPLIT = "why.balance.carry_forward_not_split" {
        "上年结转未按资金分列，无法分资金核对",
        "carry-forward is not split by fund, so the funds cannot be balanced one by one"
    }
    /// A cell to check is not a readable amount.
    WHY_UNREADABLE_AMOUNT = "why.unreadable_amount" {
        "{loc} 不是可读的金额",
        "{loc} is not a readable amount"
    }
    /// W-06-4: a personnel (public) class prints nothing in the other column.
    ECONOMIC_PLACEMENT_PASS = "economic.placement.pass" {
        "{code} 类的金额全部列在{right}",
        "class {code} is all {right}"
    }
    /// W-06-4: a personnel (public) class prints an amount in the other column.
    ECONOMIC_PLACEMENT_WRONG = "economic.placement.wrong" {
        "{loc} 有金额：{code} 类属于{right}，不应列入{wrong}",
        "{loc} holds an amount: class {code} is {right} expenditure, not {wrong}"
    }
    /// A zero 三公 total whose items are all zero.
    SAN_GONG_ZERO_PASS = "san_gong.zero.pass" {
        "{loc} 为 0，各项均为 0",
        "{loc} is zero and so is every item"
    }
    /// A zero 三公 total with an item that is not zero.
    SAN_GONG_ZERO_FAIL = "san_gong.zero.fail" {
        "{loc} 为 0，但有分项不为 0",
        "{loc} is zero but an item is not"
    }
    /// W-07-5: the 三公 table prints no change columns.
    WHY_SAN_GONG_NO_CHANGE_COLUMNS = "why.san_gong.no_change_columns" {
        "本表未列示增减变化栏（上下年对比见情况说明的核对）",
        "the table prints no change columns (year-over-year claims are checked against the narrative)"
    }
    /// W-07-5: the change columns have no columns of this year and last year beside them.
    WHY_SAN_GONG_CHANGE_COLUMNS_UNMATCHED = "why.san_gong.change_columns_unmatched" {
        "增减变化栏找不到对应的本年和上年栏",
        "the change columns have no column of this year and of last year to compare with"
    }
    /// W-08-1: a fund table of the template is missing; an empty one is still to be published.
    EMPTY_TABLE_MISSING = "empty_table.missing" {
        "未找到表 {table}：无数据的表也应公开空表并说明",
        "table {table} was not found: a table without data is still to be published empty, with a statement"
    }
    /// W-08-1, W-08-3: the table holds data, so no empty-table statement is due.
    WHY_EMPTY_TABLE_HAS_DATA = "why.empty_table.has_data" {
        "{table} 有数据",
        "{table} holds data"
    }
    /// An empty table with a note under it saying so.
    EMPTY_TABLE_NOTED = "empty_table.noted" {
        "{table} 为空表，并注明：{note}",
        "{table} is empty and says so: {note}"
    }
    /// An empty table the narrative explains.
    EMPTY_TABLE_EXPLAINED = "empty_table.explained" {
        "{table} 为空表，情况说明中有说明",
        "{table} is empty; the narrative explains why"
    }
    /// An empty table explained neither under it nor in the narrative.
    EMPTY_TABLE_UNEXPLAINED = "empty_table.unexplained" {
        "{table} 为空表，但表下和情况说明中均无说明",
        "{table} is empty but neither the table nor the narrative says why"
    }
    /// A table noted as empty that prints no amount other than zero.
    EMPTY_TABLE_NOTE_CONSISTENT = "empty_table.note.consistent" {
        "{table} 注明为空表，表中也无非零金额",
        "{table} says it is empty and prints no amount other than zero"
    }
    /// A table noted as empty that prints amounts.
    EMPTY_TABLE_NOTE_CONTRADICTED = "empty_table.note.contradicted" {
        "{table} 有数据，但表下注明为空表",
        "{table} holds data but its note says it is empty"
    }
    /// W-08-2: the fund table carries no statement under it.
    WHY_EMPTY_TABLE_NO_NOTE = "why.empty_table.no_note" {
        "表下无说明",
        "the table carries no statement"
    }
    /// W-08-2: a fund table with data whose note does not contradict it.
    EMPTY_TABLE_NOTE_FITS_DATA = "empty_table.note.fits_data" {
        "表下说明与表中数据不矛盾",
        "the note does not contradict the data"
    }
    /// W-08-2: an empty fund table's statement names another fund (template residue).
    EMPTY_TABLE_NOTE_OTHER_FUND = "empty_table.note.other_fund" {
        "{table} 的空表说明写的是另一类资金（模板残留）",
        "the empty-table statement of {table} names another fund (template residue)"
    }
    /// W-08-2: an empty fund table's statement names its own fund.
    EMPTY_TABLE_NOTE_OWN_FUND = "empty_table.note.own_fund" {
        "{table} 的空表说明与本表资金一致",
        "the statement of {table} fits its fund"
    }
    /// W-12-1: the procurement table is not split into goods, works and services.
    WHY_PROCUREMENT_NOT_SPLIT = "why.procurement.not_split" {
        "表中未按货物、工程、服务分列（分类金额以情况说明核对）",
        "the table is not split into goods, works and services (the split is checked against the narrative)"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The id prefixes of the table rules' templates.
    const PREFIXES: &[&str] = &["code.", "why.", "empty_table.", "economic.", "san_gong."];

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
