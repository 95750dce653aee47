//! Message templates of the narrative and performance rules (N-, V-, P-: narrative.rs, performance.rs).

use super::MessageTemplate;

templates! {
    NARRATIVE;
    /// A 绩效目标表 project that has no line in 项目支出预算情况表 (T11).
    PERF_PROJECT_NOT_IN_T11 = "performance.project.not_in_t11" {
        "绩效目标表项目“{project}”在项目支出预算情况表中找不到",
        "the 绩效目标表 project `{project}` is not in T11"
    }
    /// An indicator to maximise (a rate) whose target is an upper bound.
    PERF_DIRECTION_UPPER_ON_RATE = "performance.direction.upper_on_rate" {
        "绩效目标表「{project}」指标“{indicator}”应越高越好，却设为上限“{value}”",
        "`{project}`: `{indicator}` is a rate to maximise, yet its target is an upper bound `{value}`"
    }
    /// A cost indicator whose target is a lower bound.
    PERF_DIRECTION_LOWER_ON_COST = "performance.direction.lower_on_cost" {
        "绩效目标表「{project}」成本指标“{indicator}”设为下限“{value}”",
        "`{project}`: the cost indicator `{indicator}` has a lower bound `{value}`"
    }
    /// An indicator whose target's direction fits its meaning.
    PERF_DIRECTION_OK = "performance.direction.ok" {
        "指标“{indicator}”的方向与含义一致",
        "`{indicator}` points the right way"
    }
    /// An indicator whose target can be measured.
    PERF_MEASURABLE = "performance.target.measurable" {
        "指标“{indicator}”可衡量",
        "`{indicator}` is measurable"
    }
    /// An indicator whose target is vague (a comparative word without a baseline, a rank).
    PERF_VAGUE = "performance.target.vague" {
        "绩效目标表「{project}」指标“{indicator}”的目标值“{value}”不可衡量",
        "`{project}`: the target `{value}` of `{indicator}` cannot be measured"
    }
    /// N-07 is not applicable: the summary table was read, so N-01 checks each total.
    WHY_NARR_SUMMARY_TABLE_READ = "why.narrative.summary_table_read" {
        "收支总表已读取，由 N-01 逐项核对",
        "the summary table was read: N-01 checks each total against it"
    }
    /// N-03 is not applicable: no table prints the operating costs.
    WHY_NARR_OPERATING_COSTS_NOT_PRINTED = "why.narrative.operating_costs_not_printed" {
        "表中未列示机关运行经费（与公用经费的软性对比见 X-12）",
        "no table prints the operating costs (the soft link to public expenditure is X-12)"
    }
    /// A narrative 类/款/项 item whose name is in no T05 row but whose amount is that of one 项
    /// the narrative leaves out: the same item under another name.
    NARR_ITEM_RENAMED = "narrative.item.renamed" {
        "情况说明第{line}行的科目「{label}」与一般公共预算支出情况表的 {code} {name} 金额相同（{amount}），但名称不一致",
        "narrative line {line}: the item {label} has the amount of T05 {code} {name} ({amount}) under another name"
    }
    /// A narrative 类/款/项 item that is not in T05.
    NARR_ITEM_NOT_IN_T05 = "narrative.item.not_in_t05" {
        "情况说明第{line}行的科目{label}在一般公共预算支出情况表中找不到",
        "narrative line {line}: the item {label} is not in T05"
    }
    /// A T05 项 with an amount that the narrative itemises.
    NARR_ITEM_ITEMISED = "narrative.item.itemised" {
        "{code} 在情况说明中有列示",
        "{code} is itemised in the narrative"
    }
    /// A T05 项 with an amount that the narrative leaves out.
    NARR_ITEM_NOT_ITEMISED = "narrative.item.not_itemised" {
        "一般公共预算支出情况表的 {item}（{text}）未在财政拨款支出主要内容中列示",
        "T05 {item} ({text}) is not itemised in the narrative"
    }
    /// A share printed as a completion rate, or the reverse: wrong as what the sentence calls
    /// it, right as the other rate of the same figures.
    NARR_RATE_MIXED_UP = "narrative.rate.mixed_up" {
        "{loc} {text} 作为{named}有误（应为 {should}%）：它是按 {nums} 计算的{meant} {is}%，{meant}被写作了{named}",
        "{loc} {text} is wrong as a {named} (it should be {should}%): it is the {meant} {is}% of {nums}, printed as the {named}"
    }
    /// A stated rate whose base is zero.
    NARR_RATE_ZERO_BASE = "narrative.rate.zero_base" {
        "无法核对：{loc} 的基数为 0",
        "not checked: the base of {loc} is zero"
    }
    /// A stated rate (share, growth, completion) that the figures give exactly.
    NARR_RATE_OK = "narrative.rate.ok" {
        "{loc} {text}：按 {nums} 计算为 {recomputed}%，相符",
        "{loc} {text}: recomputed from {nums} as {recomputed}%, consistent"
    }
    /// A stated rate off in its last digit (truncated rather than rounded).
    NARR_RATE_LAST_DIGIT = "narrative.rate.last_digit" {
        "{loc} {text}：按 {nums} 计算为 {recomputed}%，末位相差（可能为截位）",
        "{loc} {text}: recomputed from {nums} as {recomputed}%, off in the last digit (truncated?)"
    }
    /// A stated rate the figures contradict.
    NARR_RATE_WRONG = "narrative.rate.wrong" {
        "{loc} {text} 有误：按 {nums} 计算{rate}应为 {recomputed}%，相差 {points} 个百分点",
        "{loc} {text} is wrong: the {rate} recomputed from {nums} is {recomputed}%, {points} percentage points off"
    }
    /// N-08 is not applicable: only the narrative was read, no 绩效目标表.
    WHY_NARR_PERFORMANCE_NOT_READ = "why.narrative.performance_not_read" {
        "只读取了情况说明，未读取绩效目标表",
        "only the narrative was read (narrative-only): the 绩效目标表 was not read"
    }
    /// N-08 is not checked: the document has no readable 绩效目标表.
    WHY_NARR_NO_PERFORMANCE_TABLES = "why.narrative.no_performance_tables" {
        "文件中没有可读的绩效目标表，无法核对项目个数和金额",
        "the document has no readable 绩效目标表 to check the count and amount against"
    }
    /// The number of performance projects the narrative states equals the number of tables.
    NARR_PERFORMANCE_COUNT_OK = "narrative.performance.count.ok" {
        "绩效目标项目 {n} 个，与绩效目标表一致",
        "{n} projects, as many as the 绩效目标表"
    }
    /// The number of performance projects the narrative states differs from the tables'.
    NARR_PERFORMANCE_COUNT_WRONG = "narrative.performance.count.wrong" {
        "情况说明第{line}行称绩效目标项目 {stated} 个，绩效目标表有 {n} 个",
        "narrative line {line} states {stated} projects; there are {n} 绩效目标表"
    }
    /// X-14 is not checked: the expenditure table prints no project total.
    WHY_PERF_NO_PROJECT_TOTAL = "why.performance.no_project_total" {
        "支出总体情况表的合计行未列示项目支出",
        "the total row of T03 prints no project expenditure"
    }
    /// N-08's amount is not checked: a 绩效目标表 states no funding total.
    WHY_NARR_PERFORMANCE_NO_TOTAL = "why.narrative.performance_no_total" {
        "有绩效目标表未列示资金总额",
        "a 绩效目标表 states no funding total"
    }
    /// The performance amount the narrative states equals the tables' total.
    NARR_PERFORMANCE_AMOUNT_OK = "narrative.performance.amount.ok" {
        "绩效目标项目金额 {amount} 与绩效目标表合计一致",
        "the performance amount {amount} equals the tables' total"
    }
    /// The performance amount differs from the tables' total within rounding.
    NARR_PERFORMANCE_AMOUNT_ROUNDING = "narrative.performance.amount.rounding" {
        "情况说明第{line}行绩效目标项目金额 {amount} 与绩效目标表合计 {sum} 相差在四舍五入范围内",
        "narrative line {line}: {amount} vs the tables' total {sum}, within rounding"
    }
    /// The performance amount differs from the tables' total beyond rounding.
    NARR_PERFORMANCE_AMOUNT_WRONG = "narrative.performance.amount.wrong" {
        "情况说明第{line}行称绩效目标项目涉及资金 {amount}，绩效目标表合计为 {sum}{unit}",
        "narrative line {line} states {amount} for the performance projects; the tables add up to {sum} {unit}"
    }
    /// A vehicle category the narrative lists without a number of vehicles.
    NARR_VEHICLES_NO_COUNT = "narrative.vehicles.no_count" {
        "情况说明第{line}行“{label}”没有写明车辆数",
        "narrative line {line}: `{label}` is given no number of vehicles"
    }
    /// The vehicle categories add up to the stated total.
    NARR_VEHICLES_SUM_OK = "narrative.vehicles.sum.ok" {
        "车辆 {total} 辆 = 各类之和",
        "{total} vehicles = the categories"
    }
    /// The vehicle categories do not add up to the stated total.
    NARR_VEHICLES_SUM_WRONG = "narrative.vehicles.sum.wrong" {
        "情况说明第{line}行车辆总数 {total} 辆，各类相加为 {sum} 辆",
        "narrative line {line}: {total} vehicles in all, the categories add up to {sum}"
    }
    /// A figure of 0 said to have increased (or by an amount): the sentence contradicts itself.
    NARR_CHANGE_ZERO_INCREASE = "narrative.change.zero_increase" {
        "情况说明第{line}行自相矛盾：{subject}为 {amount}，却称“{word}”{delta}",
        "narrative line {line} contradicts itself: {subject} is {amount} yet said to `{word}` {delta}"
    }
    /// A completion rate stated against an original budget of 0.
    NARR_COMPLETION_ZERO_BUDGET = "narrative.completion.zero_budget" {
        "情况说明第{line}行：年初预算为 0，不应表述完成率“{text}”",
        "narrative line {line}: the original budget is 0, so no completion rate `{text}` is defined"
    }
    /// A stated direction (增加, 减少, 持平) that this year's and last year's figures bear out.
    NARR_DIRECTION_OK = "narrative.direction.ok" {
        "“{word}”与数值一致",
        "`{word}` agrees with the values"
    }
    /// A stated direction the figures bear out only within their rounding.
    NARR_DIRECTION_ROUNDING = "narrative.direction.rounding" {
        "情况说明第{line}行称“{word}”，本年 {now} 与上年 {before} 仅在四舍五入范围内相符",
        "narrative line {line} says `{word}`: this year {now} against last year {before} agree only within rounding"
    }
    /// A stated direction the figures contradict.
    NARR_DIRECTION_CONTRADICTED = "narrative.direction.contradicted" {
        "情况说明第{line}行称“{word}”，但本年 {now} 与上年 {before} 不符",
        "narrative line {line} says `{word}` but this year {now} against last year {before} says otherwise"
    }
    /// A growth rate stated on a prior-year value of 0.
    NARR_GROWTH_ZERO_BASE = "narrative.growth.zero_base" {
        "情况说明第{line}行：上年数为 0，增长率无定义，不应表述为“{word}{percent}”",
        "narrative line {line}: last year's value is 0, so no growth rate is defined; `{word}{percent}` should not be stated"
    }
    /// Template residue left in the narrative (XX, placeholders).
    NARR_TEMPLATE_RESIDUE = "narrative.residue.template" {
        "情况说明第{line}行有模板残留“{text}”",
        "narrative line {line}: template residue `{text}`"
    }
    /// 主要原因是 with nothing after it.
    NARR_REASON_EMPTY = "narrative.reason.empty" {
        "情况说明第{line}行“主要原因是”后没有内容",
        "narrative line {line}: nothing follows 主要原因是"
    }
    /// The change of 收入 or 支出 goes the other way from the change of 收支 as a whole.
    NARR_CHANGE_AGAINST_OVERALL = "narrative.change.against_overall" {
        "情况说明第{line}行{subject}“{word}”，与收支总体的“{overall}”方向相反",
        "narrative line {line}: {subject} `{word}` contradicts the overall `{overall}`"
    }
    /// A headline change that comes with a reason.
    NARR_REASON_GIVEN = "narrative.reason.given" {
        "增减变化有原因说明",
        "the change comes with a reason"
    }
    /// A headline change without a reason.
    NARR_REASON_MISSING = "narrative.reason.missing" {
        "情况说明第{line}行{subject}“{word}”，未说明原因",
        "narrative line {line}: {subject} `{word}` without a reason"
    }
    /// A stated relation to the budget (决算数小于预算数) whose budget or actual is not stated.
    NARR_VERSUS_BUDGET_UNSTATED = "narrative.versus_budget.unstated" {
        "无法核对：情况说明第{line}行称“{text}”，但未列明同一事项的预算数和决算数",
        "not checked: narrative line {line} says `{text}` but the budget or the actual of the same item is not stated"
    }
    /// A stated relation to the budget that the actual and the budget bear out.
    NARR_VERSUS_BUDGET_OK = "narrative.versus_budget.ok" {
        "“{text}”与决算数 {a}、预算数 {b} 一致",
        "`{text}` agrees with the actual {a} and the budget {b}"
    }
    /// A stated relation to the budget that holds only within the rounding of the figures.
    NARR_VERSUS_BUDGET_ROUNDING = "narrative.versus_budget.rounding" {
        "情况说明第{line}行称“{text}”，决算数 {a} 与预算数 {b} 仅在四舍五入范围内相符",
        "narrative line {line} says `{text}`: the actual {a} and the budget {b} agree only within rounding"
    }
    /// A stated relation to the budget that the actual and the budget contradict.
    NARR_VERSUS_BUDGET_CONTRADICTED = "narrative.versus_budget.contradicted" {
        "情况说明第{line}行称“{text}”，但决算数 {a}、预算数 {b} 与之不符",
        "narrative line {line} says `{text}` but the actual {a} against the budget {b} says otherwise"
    }
    /// The shares of the parts of one base add up to more than 100%.
    NARR_SHARES_OVER_100 = "narrative.shares.over_100" {
        "情况说明第{line}行同一基数（{base}）的各部分占比之和 {list} = {sum}% 超过 100%",
        "narrative line {line}: the shares of one base ({base}) add up to {list} = {sum}%, more than 100%"
    }
    /// The shares of some parts of one base add up to at most 100%.
    NARR_SHARES_WITHIN_100 = "narrative.shares.within_100" {
        "各部分占比之和 {sum}% 不超过 100%",
        "the shares add up to {sum}%, not more than 100%"
    }
    /// Every part listed, and their shares add up to 100%.
    NARR_SHARES_COMPLETE = "narrative.shares.complete" {
        "各部分列全，占比之和 {list} = 100%",
        "every part listed: the shares add up to {list} = 100%"
    }
    /// Every part listed, and their shares add up to 100% only within rounding.
    NARR_SHARES_COMPLETE_ROUNDING = "narrative.shares.complete_rounding" {
        "情况说明第{line}行各部分列全，占比之和 {list} = {sum}%，仅在四舍五入范围内等于 100%",
        "narrative line {line}: every part listed, the shares add up to {list} = {sum}%, 100% only within rounding"
    }
    /// Every part listed (their amounts add up to the whole), yet their shares do not add up
    /// to 100%.
    NARR_SHARES_COMPLETE_NOT_100 = "narrative.shares.complete_not_100" {
        "情况说明第{line}行各部分金额之和等于{base}，占比之和 {list} = {sum}% 却不是 100%",
        "narrative line {line}: the parts add up to the whole {base}, yet their shares add up to {list} = {sum}%, not 100%"
    }
    /// A title printed again with another year than the document's.
    NARR_TITLE_YEAR = "narrative.title.year" {
        "情况说明第{line}行标题写作{printed}，而同一标题（第{ref_line}行）与文件均为{year}年",
        "narrative line {line}: the title says {printed}, while the same title (line {ref_line}) and the document say {year}"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_not_empty_and_its_ids_are_the_narrative_and_performance_ones() {
        assert!(!NARRATIVE.is_empty());
        for m in NARRATIVE {
            assert!(
                [
                    "narrative.",
                    "performance.",
                    "why.narrative.",
                    "why.performance."
                ]
                .iter()
                .any(|p| m.id.starts_with(p)),
                "{}",
                m.id
            );
        }
    }
}
