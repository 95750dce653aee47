//! A 决算 whose unit spends non-fiscal money carried forward (年初结转和结余 of non-fiscal funds)
//! without any non-fiscal income of the year: the identities that hold only when all the unit's
//! money is fiscal (收支总计 = 财政拨款收支总计, 支出决算表 = 一般公共预算 + 政府性基金 + 国有资本经营)
//! do not apply, and a narrative figure qualified as the general public budget's
//! (一般公共预算财政拨款基本支出) is compared with 一般公共预算财政拨款支出决算表, not with the
//! all-funds 支出决算表. A hand-made document, not a real one.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use yusuan::{Finding, Outcome, Report};

/// Fiscal money: 110.00 of general public grants, all spent (行政运行 80 basic + 10 project,
/// 养老保险缴费 20 basic). Non-fiscal money: 8.00 carried forward, 5.00 of it spent as basic
/// expenditure of 行政运行, 3.00 carried over. No non-fiscal income of the year.
const DOC: &str = "测试市档案馆
2024年度单位决算
第二部分 测试市档案馆2024年度单位决算表
收入支出决算总表
单位：万元
收入\t\t支出\t
项目\t决算数\t项目\t决算数
一、一般公共预算财政拨款收入\t110.00\t一、一般公共服务支出\t95.00
二、政府性基金预算财政拨款收入\t\t二、社会保障和就业支出\t20.00
三、国有资本经营预算财政拨款收入\t\t\t
四、上级补助收入\t\t\t
五、事业收入\t\t\t
六、经营收入\t\t\t
七、附属单位上缴收入\t\t\t
八、其他收入\t\t\t
本年收入合计\t110.00\t本年支出合计\t115.00
使用非财政拨款结余（含专用结余）\t\t结余分配\t
年初结转和结余\t8.00\t年末结转和结余\t3.00
总计\t118.00\t总计\t118.00

收入决算表
单位：万元
项目\t\t\t\t本年收入合计\t财政拨款收入\t上级补助收入\t事业收入\t经营收入\t附属单位上缴收入\t其他收入
支出功能分类\t\t\t科目名称\t\t\t\t\t\t\t
科目编码\t\t\t\t\t\t\t\t\t\t
类\t款\t项\t合计\t110.00\t110.00\t\t\t\t\t
201\t\t\t一般公共服务支出\t90.00\t90.00\t\t\t\t\t
201\t03\t\t政府办公厅（室）及相关机构事务\t90.00\t90.00\t\t\t\t\t
201\t03\t01\t行政运行\t90.00\t90.00\t\t\t\t\t
208\t\t\t社会保障和就业支出\t20.00\t20.00\t\t\t\t\t
208\t05\t\t行政事业单位养老支出\t20.00\t20.00\t\t\t\t\t
208\t05\t05\t机关事业单位基本养老保险缴费支出\t20.00\t20.00\t\t\t\t\t

支出决算表
单位：万元
项目\t\t\t\t本年支出合计\t基本支出\t项目支出\t上缴上级支出\t经营支出\t对附属单位补助支出
支出功能分类\t\t\t科目名称\t\t\t\t\t\t
科目编码\t\t\t\t\t\t\t\t\t
类\t款\t项\t合计\t115.00\t105.00\t10.00\t\t\t
201\t\t\t一般公共服务支出\t95.00\t85.00\t10.00\t\t\t
201\t03\t\t政府办公厅（室）及相关机构事务\t95.00\t85.00\t10.00\t\t\t
201\t03\t01\t行政运行\t95.00\t85.00\t10.00\t\t\t
208\t\t\t社会保障和就业支出\t20.00\t20.00\t\t\t\t
208\t05\t\t行政事业单位养老支出\t20.00\t20.00\t\t\t\t
208\t05\t05\t机关事业单位基本养老保险缴费支出\t20.00\t20.00\t\t\t\t

财政拨款收入支出决算总表
单位：万元
收入\t\t支出\t\t\t\t
项目\t决算数\t项目\t合计\t一般公共预算财政拨款\t政府性基金预算财政拨款\t国有资本经营预算财政拨款
一、一般公共预算财政拨款\t110.00\t一、一般公共服务支出\t90.00\t90.00\t\t
二、政府性基金预算财政拨款\t\t二、社会保障和就业支出\t20.00\t20.00\t\t
三、国有资本经营预算财政拨款\t\t\t\t\t\t
本年收入合计\t110.00\t本年支出合计\t110.00\t110.00\t\t
年初财政拨款结转和结余\t\t年末财政拨款结转和结余\t\t\t\t
一、一般公共预算财政拨款\t\t\t\t\t\t
二、政府性基金预算财政拨款\t\t\t\t\t\t
三、国有资本经营预算财政拨款\t\t\t\t\t\t
总计\t110.00\t总计\t110.00\t110.00\t\t

一般公共预算财政拨款支出决算表
单位：万元
项目\t\t\t\t合计\t基本支出\t项目支出
支出功能分类\t\t\t科目名称\t\t\t
科目编码\t\t\t\t\t\t
类\t款\t项\t合计\t110.00\t100.00\t10.00
201\t\t\t一般公共服务支出\t90.00\t80.00\t10.00
201\t03\t\t政府办公厅（室）及相关机构事务\t90.00\t80.00\t10.00
201\t03\t01\t行政运行\t90.00\t80.00\t10.00
208\t\t\t社会保障和就业支出\t20.00\t20.00\t
208\t05\t\t行政事业单位养老支出\t20.00\t20.00\t
208\t05\t05\t机关事业单位基本养老保险缴费支出\t20.00\t20.00\t

一般公共预算财政拨款基本支出决算表
单位：万元
经济分类\t\t科目名称\t决算数\t经济分类\t\t科目名称\t决算数
科目编码\t\t\t\t科目编码\t\t\t
类\t款\t\t\t类\t款\t\t
301\t\t工资福利支出\t80.00\t302\t\t商品和服务支出\t20.00
301\t01\t基本工资\t60.00\t302\t01\t办公费\t20.00
301\t08\t机关事业单位基本养老保险缴费\t20.00\t\t\t\t
人员经费合计\t\t\t80.00\t公用经费合计\t\t\t20.00

财政拨款“三公”经费支出决算表
单位：万元
财政拨款“三公”经费\t\t\t\t\t\t\t\t\t\t\t
合计\t\t因公出国（境）费\t\t公务用车购置及运行维护费\t\t\t\t\t\t公务接待费\t
\t\t\t\t小计\t\t公务用车购置费\t\t公务用车运行维护费\t\t\t
预算数\t决算数\t预算数\t决算数\t预算数\t决算数\t预算数\t决算数\t预算数\t决算数\t预算数\t决算数
1.00\t0.50\t\t\t\t\t\t\t\t\t1.00\t0.50

政府性基金预算财政拨款收入支出决算表
单位：万元
项目\t\t\t\t年初结转和结余\t本年收入\t本年支出\t\t\t年末结转和结余
支出功能分类科目编码\t\t\t科目名称\t\t\t小计\t基本支出\t项目支出\t
类\t款\t项\t\t\t\t\t\t\t
合计\t\t\t\t\t\t\t\t\t
注：测试市档案馆无政府性基金预算财政拨款收入、支出及结转和结余，故本表无数据。

国有资本经营预算财政拨款收入支出决算表
单位：万元
项目\t\t\t\t年初结转和结余\t本年收入\t本年支出\t\t\t年末结转和结余
支出功能分类科目编码\t\t\t科目名称\t\t\t小计\t基本支出\t项目支出\t
类\t款\t项\t\t\t\t\t\t\t
合计\t\t\t\t\t\t\t\t\t
注：测试市档案馆无国有资本经营预算财政拨款收入、支出及结转和结余，故本表无数据。

第三部分 测试市档案馆2024年度单位决算情况说明
三、支出决算情况说明
本年支出合计115万元，其中：基本支出105万元，占91.30%；项目支出10万元，占8.70%。
六、一般公共预算财政拨款基本支出决算情况说明
一般公共预算财政拨款基本支出100万元。其中：人员经费80万元，主要包括：基本工资、社会保障缴费；公用经费20万元，主要包括：办公费。
";

fn check(text: &str) -> Report {
    yusuan::Checker::new()
        .include_passes(true)
        .check(&yusuan::parse(text).unwrap())
}

fn errors<'a>(r: &'a Report, rule: &str) -> Vec<&'a Finding> {
    r.findings
        .iter()
        .filter(|f| f.rule == rule && f.is_error())
        .collect()
}

#[test]
fn spending_a_non_fiscal_carry_forward_is_consistent() {
    let r = check(DOC);
    let all: Vec<String> = r
        .findings
        .iter()
        .filter(|f| f.is_error())
        .map(|f| format!("{} {}", f.rule, f.message_en))
        .collect();
    assert!(all.is_empty(), "{all:#?}");
    // the all-fiscal identities do not apply, and say why
    for rule in ["X-04", "X-09"] {
        assert!(
            r.findings
                .iter()
                .any(|f| f.rule == rule && f.outcome == Outcome::NotApplicable),
            "{rule}"
        );
    }
    // T05 ≤ T03 still holds row by row (the relaxed identity is checked, not dropped)
    assert!(
        r.findings
            .iter()
            .any(|f| f.rule == "X-07" && f.outcome == Outcome::Pass)
    );
}

#[test]
fn all_fiscal_identities_still_hold_without_non_fiscal_money() {
    // the same money with the non-fiscal carry-forward removed from T01: all income is fiscal,
    // so T01 总计 must equal T04 总计, and T03 must equal T05 (its extra 5.00 is now an error)
    let text = DOC
        .replace(
            "年初结转和结余\t8.00\t年末结转和结余\t3.00",
            "年初结转和结余\t\t年末结转和结余\t",
        )
        .replace("总计\t118.00\t总计\t118.00", "总计\t110.00\t总计\t110.00")
        .replace("本年支出合计\t115.00", "本年支出合计\t110.00")
        .replace("一、一般公共服务支出\t95.00", "一、一般公共服务支出\t90.00");
    let r = check(&text);
    assert!(errors(&r, "X-04").is_empty());
    assert!(
        r.findings
            .iter()
            .any(|f| f.rule == "X-04" && f.outcome == Outcome::Pass)
    );
    // T03 行政运行 95.00 against T05 90.00: the all-fiscal equality is an error again
    assert!(!errors(&r, "X-07").is_empty());
}

#[test]
fn a_general_public_basic_figure_is_compared_with_the_general_public_table() {
    let r = check(DOC);
    assert!(errors(&r, "N-01").is_empty());
    // the T03 figure (105, all funds) stated as the general public budget's is an error
    let wrong = DOC.replace(
        "一般公共预算财政拨款基本支出100万元",
        "一般公共预算财政拨款基本支出105万元",
    );
    let r = check(&wrong);
    let e = errors(&r, "N-01");
    assert!(
        e.iter()
            .any(|f| f.expected.as_deref() == Some("100.00") || f.message_en.contains("100")),
        "{e:#?}"
    );
    // and the all-funds 基本支出 of 支出决算 stays compared with T03
    let wrong = DOC.replace("其中：基本支出105万元", "其中：基本支出100万元");
    assert!(!errors(&check(&wrong), "N-01").is_empty());
}

#[test]
fn a_fiscal_carry_forward_is_the_sum_of_its_fund_lines() {
    // 年初财政拨款结转和结余 2.00 over a 一般公共预算 line of 1.00: the total line is wrong
    let text = DOC
        .replace(
            "年初财政拨款结转和结余\t\t年末财政拨款结转和结余",
            "年初财政拨款结转和结余\t2.00\t年末财政拨款结转和结余",
        )
        .replacen(
            "一、一般公共预算财政拨款\t\t\t\t\t\t",
            "一、一般公共预算财政拨款\t1.00\t\t\t\t\t",
            1,
        );
    let r = check(&text);
    assert!(
        errors(&r, "W-04-5").iter().any(|f| f
            .evidence
            .iter()
            .any(|e| e.row.as_deref() == Some("carry_forward"))),
        "{:#?}",
        errors(&r, "W-04-5")
    );
    // split and total agreeing, the fund balanced with its carry-over: no error of this kind
    let text = DOC
        .replace(
            "年初财政拨款结转和结余\t\t年末财政拨款结转和结余\t\t\t\t",
            "年初财政拨款结转和结余\t1.00\t年末财政拨款结转和结余\t1.00\t1.00\t\t",
        )
        .replacen(
            "一、一般公共预算财政拨款\t\t\t\t\t\t",
            "一、一般公共预算财政拨款\t1.00\t\t\t\t\t",
            1,
        )
        .replace(
            "总计\t110.00\t总计\t110.00\t110.00\t\t",
            "总计\t111.00\t总计\t111.00\t111.00\t\t",
        );
    assert!(text.contains("年初财政拨款结转和结余\t1.00") && text.contains("总计\t111.00"));
    let r = check(&text);
    assert!(
        r.findings
            .iter()
            .any(|f| f.rule == "W-04-5" && f.outcome == Outcome::Pass)
    );
    let all: Vec<String> = r
        .findings
        .iter()
        .filter(|f| f.is_error())
        .map(|f| format!("{} {}", f.rule, f.message_en))
        .collect();
    assert!(all.is_empty(), "{all:#?}");
}

#[test]
fn a_superior_subsidy_above_the_income_of_the_year_is_part_of_it() {
    // 上级补助收入 5.00 printed among the income lines of a 决算 (above 本年收入合计), carried over
    let text = DOC
        .replace("四、上级补助收入\t\t\t", "四、上级补助收入\t5.00\t\t")
        .replace(
            "本年收入合计\t110.00\t本年支出合计\t115.00",
            "本年收入合计\t115.00\t本年支出合计\t115.00",
        )
        .replace("年末结转和结余\t3.00", "年末结转和结余\t8.00")
        .replace("总计\t118.00\t总计\t118.00", "总计\t123.00\t总计\t123.00")
        .replace(
            "类\t款\t项\t合计\t110.00\t110.00\t\t",
            "类\t款\t项\t合计\t115.00\t110.00\t5.00\t",
        )
        .replace(
            "201\t\t\t一般公共服务支出\t90.00\t90.00\t\t",
            "201\t\t\t一般公共服务支出\t95.00\t90.00\t5.00\t",
        )
        .replace(
            "相关机构事务\t90.00\t90.00\t\t",
            "相关机构事务\t95.00\t90.00\t5.00\t",
        )
        .replace(
            "行政运行\t90.00\t90.00\t\t",
            "行政运行\t95.00\t90.00\t5.00\t",
        );
    for printed in [
        "四、上级补助收入\t5.00",
        "类\t款\t项\t合计\t115.00\t110.00\t5.00",
        "行政运行\t95.00\t90.00\t5.00",
        "总计\t123.00",
    ] {
        assert!(text.contains(printed), "{printed}");
    }
    let r = check(&text);
    let all: Vec<String> = r
        .findings
        .iter()
        .filter(|f| f.is_error())
        .map(|f| format!("{} {}", f.rule, f.message_en))
        .collect();
    assert!(all.is_empty(), "{all:#?}");
    // T02 合计 is compared with 本年收入合计 (115.00), not with 总计 (123.00)
    assert!(r.findings.iter().any(|f| {
        f.rule == "X-01"
            && f.outcome == Outcome::Pass
            && f.evidence
                .iter()
                .any(|e| e.row.as_deref() == Some("income_subtotal"))
    }));
    // and a T02 合计 that drops the subsidy is an error naming it
    let wrong = text.replace("类\t款\t项\t合计\t115.00", "类\t款\t项\t合计\t110.00");
    let r = check(&wrong);
    assert!(r.findings.iter().any(|f| {
        f.is_error()
            && f.evidence
                .iter()
                .any(|e| e.table == "T02" && e.row.as_deref() == Some("total"))
    }));
}

#[test]
fn a_narrative_superior_subsidy_is_a_part_of_the_income() {
    let text = DOC
        .replace("四、上级补助收入\t\t\t", "四、上级补助收入\t5.00\t\t")
        .replace(
            "本年收入合计\t110.00\t本年支出合计\t115.00",
            "本年收入合计\t115.00\t本年支出合计\t115.00",
        )
        .replace("年末结转和结余\t3.00", "年末结转和结余\t8.00")
        .replace("总计\t118.00\t总计\t118.00", "总计\t123.00\t总计\t123.00")
        .replace(
            "类\t款\t项\t合计\t110.00\t110.00\t\t",
            "类\t款\t项\t合计\t115.00\t110.00\t5.00\t",
        )
        .replace(
            "201\t\t\t一般公共服务支出\t90.00\t90.00\t\t",
            "201\t\t\t一般公共服务支出\t95.00\t90.00\t5.00\t",
        )
        .replace(
            "相关机构事务\t90.00\t90.00\t\t",
            "相关机构事务\t95.00\t90.00\t5.00\t",
        )
        .replace("行政运行\t90.00\t90.00\t\t", "行政运行\t95.00\t90.00\t5.00\t")
        .replace(
            "三、支出决算情况说明",
            "二、收入决算情况说明\n本年收入合计115万元，其中：财政拨款收入110万元，占95.65%；上级补助收入5万元，占4.35%。\n三、支出决算情况说明",
        );
    let r = check(&text);
    let all: Vec<String> = r
        .findings
        .iter()
        .filter(|f| f.is_error())
        .map(|f| format!("{} {}", f.rule, f.message_en))
        .collect();
    assert!(all.is_empty(), "{all:#?}");
    // the subsidy is compared with its T01 line
    assert!(r.findings.iter().any(|f| {
        f.rule == "N-01"
            && f.outcome == Outcome::Pass
            && f.evidence
                .iter()
                .any(|e| e.row.as_deref() == Some("superior_subsidy"))
    }));
    let wrong = text.replace("上级补助收入5万元", "上级补助收入6万元");
    assert!(!errors(&check(&wrong), "N-01").is_empty());
}

#[test]
fn a_narrative_operating_expense_is_a_part_of_the_expenditure() {
    // a 事业单位's 经营收入 5.00 spent as 经营支出 under 行政运行
    let text = DOC
        .replace("六、经营收入\t\t\t", "六、经营收入\t5.00\t\t")
        .replace(
            "一、一般公共服务支出\t95.00",
            "一、一般公共服务支出\t100.00",
        )
        .replace(
            "本年收入合计\t110.00\t本年支出合计\t115.00",
            "本年收入合计\t115.00\t本年支出合计\t120.00",
        )
        .replace("总计\t118.00\t总计\t118.00", "总计\t123.00\t总计\t123.00")
        .replace(
            "类\t款\t项\t合计\t110.00\t110.00\t\t\t\t\t",
            "类\t款\t项\t合计\t115.00\t110.00\t\t\t5.00\t\t",
        )
        .replace(
            "201\t\t\t一般公共服务支出\t90.00\t90.00\t\t\t\t\t",
            "201\t\t\t一般公共服务支出\t95.00\t90.00\t\t\t5.00\t\t",
        )
        .replace(
            "相关机构事务\t90.00\t90.00\t\t\t\t\t",
            "相关机构事务\t95.00\t90.00\t\t\t5.00\t\t",
        )
        .replace(
            "行政运行\t90.00\t90.00\t\t\t\t\t",
            "行政运行\t95.00\t90.00\t\t\t5.00\t\t",
        )
        .replace(
            "类\t款\t项\t合计\t115.00\t105.00\t10.00\t\t\t",
            "类\t款\t项\t合计\t120.00\t105.00\t10.00\t\t5.00\t",
        )
        .replace(
            "201\t\t\t一般公共服务支出\t95.00\t85.00\t10.00\t\t\t",
            "201\t\t\t一般公共服务支出\t100.00\t85.00\t10.00\t\t5.00\t",
        )
        .replace(
            "相关机构事务\t95.00\t85.00\t10.00\t\t\t",
            "相关机构事务\t100.00\t85.00\t10.00\t\t5.00\t",
        )
        .replace(
            "行政运行\t95.00\t85.00\t10.00\t\t\t",
            "行政运行\t100.00\t85.00\t10.00\t\t5.00\t",
        )
        .replace(
            "本年支出合计115万元，其中：基本支出105万元，占91.30%；项目支出10万元，占8.70%。",
            "本年支出合计120万元，其中：基本支出105万元，占87.50%；项目支出10万元，占8.33%；经营支出5万元，占4.17%。",
        );
    for printed in [
        "六、经营收入\t5.00",
        "合计\t115.00\t110.00\t\t\t5.00",
        "合计\t120.00\t105.00\t10.00\t\t5.00",
        "行政运行\t100.00\t85.00\t10.00\t\t5.00",
        "经营支出5万元",
    ] {
        assert!(text.contains(printed), "{printed}");
    }
    let r = check(&text);
    let all: Vec<String> = r
        .findings
        .iter()
        .filter(|f| f.is_error())
        .map(|f| format!("{} {}", f.rule, f.message_en))
        .collect();
    assert!(all.is_empty(), "{all:#?}");
    // the operating expense is compared with T03's 经营支出
    assert!(r.findings.iter().any(|f| f.rule == "N-01"
        && f.outcome == Outcome::Pass
        && f.evidence.iter().any(
            |e| e.table == "T03" && e.column.as_deref().is_some_and(|c| c.contains("经营支出"))
        )));
    let wrong = text.replace("经营支出5万元", "经营支出7万元");
    assert!(!errors(&check(&wrong), "N-01").is_empty());
}

#[test]
fn the_units_name_names_no_subject() {
    // a unit whose name holds a subject word (服务 of 服务采购) states its procurement
    let text = DOC.replace("测试市档案馆", "测试市政务服务管理局").replace(
        "六、一般公共预算财政拨款基本支出决算情况说明",
        "十、其他重要事项的情况说明\n（二）政府采购支出情况\n测试市政务服务管理局2024年度政府采购金额（以合同签订为准）为30万元，其中：货物采购金额10万元、工程采购金额0万元、服务采购金额20万元。\n六、一般公共预算财政拨款基本支出决算情况说明",
    );
    let doc = yusuan::parse(&text).unwrap();
    assert_eq!(doc.meta.unit.as_deref(), Some("测试市政务服务管理局"));
    let claims = yusuan::claims::extract(&doc);
    let total = claims
        .iter()
        .find(|c| c.sentence.contains("政府采购金额"))
        .unwrap();
    assert_eq!(total.subject, yusuan::claims::Subject::Procurement);
    assert_eq!(total.parts.len(), 3);
    assert!(errors(&check(&text), "N-06").is_empty());
    // so a total that is not the sum of its parts is an error
    let wrong = text.replace("为30万元", "为35万元");
    assert!(!errors(&check(&wrong), "N-06").is_empty());
}
