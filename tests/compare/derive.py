#!/usr/bin/env python3
"""Derives the fabricated 2024 documents used by the compare tests from the 2025 seed.

They are NOT real documents: the seed with its years moved back one year and a few figures
changed so that the seed's statements about 2024 have something to be checked against.

    python3 tests/compare/derive.py   # rewrites the two .txt files next to this script

yantai_2024_fabricated.txt agrees with every prior-year figure the seed states:
  - "三公" table: the 2024 columns hold what the seed prints as 2024 (170.60, 40.00, 21.60, 109.00);
  - narrative: 收支预算 7,611.96 (= 7,713.47 − 101.51), 三公 170.6, 出国 40, 接待 109 (= 110 − 1),
    机关运行经费 625.1 (= 537 + 88.1);
  - T05: 2010301 行政运行 2,100.00 instead of 2,202.31; 2080506 职业年金 is absent (it appears in
    2025); an extra line 2010399 其他政府办公厅(室)及相关机构事务支出 120.00 (it vanishes in 2025).
yantai_2024_mismatch.txt is the same with 公务接待费 108.00 (table and narrative), which the seed's
2024 column (109.00) and its "比上年增加1万元" contradict.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = HERE.parent / "corpus" / "seed_2025_yantai_unit_budget.txt"


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, (old, text.count(old))
    return text.replace(old, new)


def derive(reception: str) -> str:
    t = SEED.read_text(encoding="utf-8")
    t = t.replace("2024", "2023").replace("2025", "2024")
    older = f"{170.60 - 109.00 + float(reception):.2f}"
    t = replace_once(
        t,
        "170.60\t40.00\t21.60\t\t21.60\t109.00\t226.60\t95.00\t21.60\t\t21.60\t110.00",
        f"150.00\t30.00\t21.60\t\t21.60\t98.40\t{older}\t40.00\t21.60\t\t21.60\t{reception}",
    )
    t = replace_once(t, "2024年收支预算7,713.47万元，比上年增加101.51万元", "2024年收支预算7,611.96万元，比上年增加98.20万元")
    san_gong = f"{float(older):g}"
    t = replace_once(t, "预算共226.6万元，比上年增加56万元，增长32.83%", f"预算共{san_gong}万元，比上年增加20.6万元，增长13.73%")
    t = replace_once(t, "因公出国（境）费95万元，比上年增加55万元，增长137.5%", "因公出国（境）费40万元，比上年增加10万元，增长33.33%")
    r = f"{float(reception):g}"
    t = replace_once(t, "公务接待费110万元，比上年增加1万元，增长0.92%", f"公务接待费{r}万元，比上年增加10.6万元，增长10.77%")
    t = replace_once(t, "机关运行经费安排537万元", "机关运行经费安排625.1万元")
    # T05 (一般公共预算支出情况表): one line changed, one absent, one extra
    t = replace_once(
        t,
        "\t\t01\t行政运行\t2,202.31\t2,202.31\t1,667.25\t535.06\t\n",
        "\t\t01\t行政运行\t2,100.00\t2,100.00\t1,600.00\t500.00\t\n",
    )
    t = replace_once(
        t,
        "\t\t02\t一般行政管理事务\t4,579.38\t\t\t\t4,579.38\n",
        "\t\t02\t一般行政管理事务\t4,579.38\t\t\t\t4,579.38\n\t\t99\t其他政府办公厅(室)及相关机构事务支出\t120.00\t\t\t\t120.00\n",
    )
    t = replace_once(t, "\t\t06\t机关事业单位职业年金缴费支出\t73.85\t73.85\t73.85\t\t\n", "")
    header = (
        "# FABRICATED test document: the 2025 seed moved back one year by tests/compare/derive.py"
        f" (公务接待费 {reception}); not a real publication\n"
    )
    return header + t


if __name__ == "__main__":
    (HERE / "yantai_2024_fabricated.txt").write_text(derive("109.00"), encoding="utf-8")
    (HERE / "yantai_2024_mismatch.txt").write_text(derive("108.00"), encoding="utf-8")
