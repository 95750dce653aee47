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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_not_empty_and_its_ids_are_the_narrative_and_performance_ones() {
        assert!(!NARRATIVE.is_empty());
        for m in NARRATIVE {
            assert!(
                ["narrative.", "performance.", "why."]
                    .iter()
                    .any(|p| m.id.starts_with(p)),
                "{}",
                m.id
            );
        }
    }
}
