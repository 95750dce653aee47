"""`yusuan.compare`: two years of one body side by side. The seed (2025) against the fabricated
2024 documents of tests/compare: one agrees with every prior-year figure the seed states, the
other disagrees on four (the "三公" table's 2024 合计 and 公务接待费, and the priors the narrative's
三公 and 接待 changes imply). The JSON is, byte for byte, what `yusuan compare --format json`
prints."""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import FABRICATED_PATH, MISMATCH_PATH, SEED_PATH, run_cli

import yusuan
from yusuan import _frames


def test_sources_may_be_text_bytes_or_documents(
    mismatch_cmp: yusuan.Comparison, seed_doc: yusuan.Document, seed_text: str
) -> None:
    earlier = MISMATCH_PATH.read_bytes()
    assert yusuan.compare(earlier, seed_text) == mismatch_cmp
    assert yusuan.compare(earlier.decode("utf-8"), SEED_PATH.read_bytes()) == mismatch_cmp
    assert yusuan.compare(yusuan.parse(earlier), seed_doc) == mismatch_cmp


@pytest.mark.parametrize("earlier", [FABRICATED_PATH, MISMATCH_PATH], ids=lambda p: p.stem)
def test_output_is_the_cli_output(earlier: Path, seed_doc: yusuan.Document) -> None:
    cmp = yusuan.compare(yusuan.read(earlier), seed_doc)
    want = run_cli("compare", earlier, SEED_PATH, "--format", "json")
    assert cmp.to_json() == want
    assert cmp.to_dict() == json.loads(want)
    assert yusuan.Comparison.from_json(want) == cmp
    for flags in ([], ["--all"]):
        every = bool(flags)
        assert cmp.to_text(all=every) == run_cli("compare", earlier, SEED_PATH, *flags)
        assert cmp.to_markdown(all=every) == run_cli(
            "compare", earlier, SEED_PATH, "--format", "markdown", *flags
        )


def test_the_four_prior_year_disagreements(mismatch_cmp: yusuan.Comparison) -> None:
    cmp = mismatch_cmp
    assert cmp.schema == "yusuan.compare/1"
    assert (cmp.earlier.year, cmp.later.year, cmp.unit) == (2024, 2025, "万元")
    assert cmp.notes == []
    assert cmp.has_mismatches
    s = cmp.summary
    assert (s.changed, s.unchanged, s.appeared, s.vanished) == (4, 124, 1, 1)
    assert (s.prior_pass, s.prior_fail, s.prior_hint, s.prior_not_checked) == (6, 4, 0, 0)
    fails = [c for c in cmp.prior_checks if c.outcome == "fail"]
    assert [(c.subject, c.stated, c.earlier, c.difference) for c in fails] == [
        ("T07 合计（2024年）", Decimal("170.6"), Decimal("169.6"), Decimal("1")),
        ("T07 公务接待费（2024年）", Decimal("109"), Decimal("108"), Decimal("1")),
        ("情况说明第354行 三公（增加）", Decimal("170.6"), Decimal("169.6"), Decimal("1")),
        ("情况说明第362行 接待费（增加）", Decimal("109"), Decimal("108"), Decimal("1")),
    ]
    for c in fails:
        assert all(isinstance(x, Decimal) for x in (c.stated, c.earlier, c.difference))
        assert c.stated is not None and c.earlier is not None
        assert c.stated - c.earlier == c.difference
        assert "disagrees" in c.message_en and "不符" in c.message
    table, narrative = fails[1], fails[3]
    assert [(e.table, e.column, e.text, e.line) for e in table.later_evidence] == [
        ("T07", "公务接待费", "109.00", 250)
    ]
    assert [(e.table, e.text, e.line) for e in table.earlier_evidence] == [("T07", "108.00", 251)]
    assert [(e.table, e.row, e.text) for e in narrative.later_evidence] == [
        ("narrative", "reception", "110万元"),
        ("narrative", "reception", "1万元"),
    ]
    assert repr(fails[0]).startswith("<PriorCheck fail T07 合计（2024年）:")


def test_the_agreeing_year_has_no_mismatch(seed_doc: yusuan.Document) -> None:
    cmp = yusuan.compare(yusuan.read(FABRICATED_PATH), seed_doc)
    assert not cmp.has_mismatches
    assert cmp.summary.prior_fail == 0 and cmp.summary.prior_pass == 10
    assert {c.outcome for c in cmp.prior_checks} == {"pass"}


def test_lines_that_appear_vanish_and_change(mismatch_cmp: yusuan.Comparison) -> None:
    t05 = mismatch_cmp.table("T05")
    assert (t05.key, t05.title, t05.main_columns) == ("T05", "一般公共预算支出情况表", ["total"])
    assert len(t05) == len(t05.lines) == 64
    appeared = t05.line("2080506", "total")
    assert (appeared.status, appeared.code, appeared.name) == (
        "appeared",
        "2080506",
        "机关事业单位职业年金缴费支出",
    )
    assert (appeared.earlier, appeared.later, appeared.change) == (None, Decimal("73.85"), Decimal("73.85"))
    assert appeared.growth is None and appeared.earlier_line is None and appeared.later_line == 200
    vanished = t05.line("2010399", "total")
    assert (vanished.status, vanished.earlier, vanished.later, vanished.change) == (
        "vanished",
        Decimal("120"),
        None,
        Decimal("-120"),
    )
    assert vanished.later_line is None and vanished.earlier_line is not None
    changed = t05.line("2010301", "total")
    assert (changed.status, changed.earlier, changed.later, changed.change, changed.growth) == (
        "changed",
        Decimal("2100"),
        Decimal("2202.31"),
        Decimal("102.31"),
        Decimal("4.87"),
    )
    assert (changed.column, changed.column_header) == ("total", "合计")
    assert (changed.earlier_line, changed.later_line) == (195, 194)
    # the core's numbers, read exactly
    for line in t05.lines:
        assert line.change == (line.later or 0) - (line.earlier or 0)
        for amount in (line.earlier, line.later, line.change, line.growth, line.contribution):
            assert amount is None or isinstance(amount, Decimal)
    assert repr(changed) == "<LineChange 2010301 total changed: 2100 → 2202.31 (102.31)>"


def test_contribution_in_the_san_gong_table(mismatch_cmp: yusuan.Comparison) -> None:
    # one row, every column a main column; a column's share of the change of the 合计
    t07 = mismatch_cmp.table("T07")
    assert "reception" in t07.main_columns
    assert t07.line("row1", "abroad").contribution == Decimal("96.49")
    assert t07.line("row1", "reception").contribution == Decimal("3.51")
    assert t07.line("row1", "san_gong_total").contribution is None


def test_missing_table_and_line_are_keyerrors(mismatch_cmp: yusuan.Comparison) -> None:
    with pytest.raises(KeyError, match="no table `T99` in this comparison"):
        mismatch_cmp.table("T99")
    with pytest.raises(KeyError, match="no line `9999999` in column `total` of table T05"):
        mismatch_cmp.table("T05").line("9999999", "total")


def test_swapped_documents_are_put_in_year_order(
    mismatch_doc: yusuan.Document, seed_doc: yusuan.Document, mismatch_cmp: yusuan.Comparison
) -> None:
    cmp = yusuan.compare(seed_doc, mismatch_doc)
    assert [n.code for n in cmp.notes] == ["swapped"]
    assert (cmp.earlier.year, cmp.later.year) == (2024, 2025)
    assert cmp.prior_checks == mismatch_cmp.prior_checks
    assert repr(cmp.notes[0]).startswith("<CompareNote swapped: ")


def test_renderings_and_repr(mismatch_cmp: yusuan.Comparison) -> None:
    text = mismatch_cmp.to_text()
    assert text.startswith("yusuan compare: 烟台市人民政府办公室 2024 预算 → 烟台市人民政府办公室 2025 预算")
    assert str(mismatch_cmp) == text
    assert len(mismatch_cmp.to_text(all=True)) > len(text)
    assert mismatch_cmp.to_markdown().startswith("# yusuan compare:")
    assert repr(mismatch_cmp) == (
        "<Comparison 烟台市人民政府办公室 2024 → 烟台市人民政府办公室 2025: CompareSummary(changed=4, "
        "unchanged=124, appeared=1, vanished=1, prior_pass=6, prior_fail=4, prior_hint=0, "
        "prior_not_checked=0)>"
    )
    assert mismatch_cmp.summary.to_dict() == json.loads(mismatch_cmp.to_json())["summary"]
    with pytest.raises(TypeError):
        mismatch_cmp.to_text(True)  # type: ignore[misc]


def test_json_round_trip(mismatch_cmp: yusuan.Comparison) -> None:
    again = yusuan.Comparison.from_json(mismatch_cmp.to_json())
    assert again == mismatch_cmp and again.to_json() == mismatch_cmp.to_json()
    with pytest.raises(ValueError, match="invalid comparison JSON"):
        yusuan.Comparison.from_json('{"schema": "yusuan.compare/1"}')


def test_item_dicts_are_their_json(mismatch_cmp: yusuan.Comparison) -> None:
    raw = json.loads(mismatch_cmp.to_json())
    assert mismatch_cmp.prior_checks[0].to_dict() == raw["prior_checks"][0]
    assert mismatch_cmp.tables[0].to_dict() == raw["tables"][0]
    assert mismatch_cmp.tables[0].lines[0].to_dict() == raw["tables"][0]["lines"][0]


@pytest.mark.parametrize("bad", [None, 7, 2.5, ["text"]])
def test_other_types_are_refused(bad: object, seed_text: str) -> None:
    with pytest.raises(TypeError, match="`earlier` must be str, bytes or Document"):
        yusuan.compare(bad, seed_text)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="`later` must be str, bytes or Document"):
        yusuan.compare(seed_text, bad)  # type: ignore[arg-type]


def test_documents_are_positional_only(seed_text: str) -> None:
    with pytest.raises(TypeError):
        yusuan.compare(earlier=seed_text, later=seed_text)  # type: ignore[call-arg]


def test_unreadable_input_raises_with_the_side_named(seed_text: str, seed_lines: list[str]) -> None:
    with pytest.raises(yusuan.EmptyInputError) as info:
        yusuan.compare("", seed_text)
    assert info.value.__notes__ == ["while reading `earlier`"]  # type: ignore[attr-defined]
    with pytest.raises(yusuan.InvalidUtf8Error) as info2:
        yusuan.compare(seed_text, b"\xff\x00\xfe")
    assert info2.value.__notes__ == ["while reading `later`"]  # type: ignore[attr-defined]
    assert info2.value.details == {"code": "invalid_utf8", "offset": 0}
    with pytest.raises(yusuan.TruncatedTableError) as info3:
        yusuan.compare("\n".join(seed_lines[:190]), seed_text)
    assert (info3.value.table, info3.value.line) == ("T05", 190)
    with pytest.raises(yusuan.NotADisclosureError):
        yusuan.compare(seed_text, "Dear reader,\nthis is a letter.\n")


def test_a_document_compared_with_itself(seed_doc: yusuan.Document) -> None:
    cmp = yusuan.compare(seed_doc, seed_doc)
    assert [n.code for n in cmp.notes] == ["years_not_consecutive", "prior_year_not_checked"]
    assert cmp.prior_checks == []
    assert cmp.summary.changed == cmp.summary.appeared == cmp.summary.vanished == 0
    assert not cmp.has_mismatches


def test_frame(mismatch_cmp: yusuan.Comparison) -> None:
    pytest.importorskip("pandas")
    df = mismatch_cmp.to_pandas()
    assert list(df.columns) == list(_frames.COMPARISON_COLUMNS)
    assert len(df) == sum(len(t.lines) for t in mismatch_cmp.tables)
    for name in ("earlier", "later", "change", "growth", "contribution"):
        assert df[name].dtype == object
    assert str(df["earlier_line"].dtype) == str(df["later_line"].dtype) == "Int64"
    row = df[(df["table"] == "T05") & (df["row"] == "2010301") & (df["column"] == "total")].iloc[0]
    assert (row["earlier"], row["later"], row["change"], row["growth"]) == (
        Decimal("2100"),
        Decimal("2202.31"),
        Decimal("102.31"),
        Decimal("4.87"),
    )
    assert isinstance(row["later"], Decimal) and bool(row["main"])
    main = df[df["main"]]
    counts = main.groupby("status").size().to_dict()
    s = mismatch_cmp.summary
    assert counts == {"changed": s.changed, "unchanged": s.unchanged, "appeared": s.appeared,
                      "vanished": s.vanished}
    t05 = df[df["table"] == "T05"]
    appeared = t05[(t05["row"] == "2080506") & (t05["column"] == "total")].iloc[0]
    assert appeared["status"] == "appeared"
    assert appeared["earlier"] is None and appeared["earlier_line"] is pd_na()
    assert df.attrs["unit"] == "万元" and df.attrs["summary"] == s.to_dict()
    assert (df.attrs["earlier"]["year"], df.attrs["later"]["year"]) == (2024, 2025)
    table = mismatch_cmp.table("T05").to_pandas()
    assert table.equals(t05.reset_index(drop=True))
    assert len(table) == 64 and set(table["table"]) == {"T05"}
    assert table.attrs == {"table": "T05", "title": "一般公共预算支出情况表"}


def pd_na() -> object:
    import pandas

    return pandas.NA


def test_frame_without_pandas(
    monkeypatch: pytest.MonkeyPatch, mismatch_cmp: yusuan.Comparison
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"Comparison.to_pandas\(\) needs pandas"):
        mismatch_cmp.to_pandas()
    with pytest.raises(ImportError, match=r"TableComparison.to_pandas\(\) needs pandas"):
        mismatch_cmp.table("T05").to_pandas()
    assert mismatch_cmp._repr_html_()


def test_html(mismatch_cmp: yusuan.Comparison) -> None:
    html = mismatch_cmp._repr_html_()
    assert html.startswith('<div class="yusuan-comparison">') and html.endswith("</div>")
    assert "烟台市人民政府办公室 2024 budget → 烟台市人民政府办公室 2025 budget" in html
    # the four disagreements, then the changed lines of the main columns
    assert html.count('class="yusuan-error"') == 4 + 1  # + the summary's badge
    for text in ("T07 公务接待费（2024年）", "2080506", "2010399", "2202.31", "+ appeared"):
        assert text in html
    data = json.loads(mismatch_cmp.to_json())
    data["prior_checks"][0]["message"] = "<script>alert('x')</script>"
    assert "<script>" not in yusuan.Comparison.from_json(json.dumps(data))._repr_html_()


def test_html_of_an_unchanged_pair(seed_doc: yusuan.Document) -> None:
    html = yusuan.compare(seed_doc, seed_doc)._repr_html_()
    assert "years_not_consecutive" in html
    assert "No changes and no prior-year disagreements to show." in html


def test_the_policy_envelope_judges_prior_year_figures(seed_doc: yusuan.Document) -> None:
    """One cent between two two-decimal figures: within rounding by default, a mismatch when the
    policy allows no rounding (the figures are judged as the checker judges them)."""
    text = FABRICATED_PATH.read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if line.startswith("150.00\t30.00"))
    earlier = text.replace(row, row.removesuffix("109.00") + "109.01")

    def reception(cmp: yusuan.Comparison) -> tuple[str, Decimal | None]:
        check = next(p for p in cmp.prior_checks if p.subject.startswith("T07 公务接待费（2024年）"))
        return check.outcome, check.difference

    assert reception(yusuan.compare(earlier, seed_doc)) == ("hint", Decimal("-0.01"))
    strict = yusuan.compare(earlier, seed_doc, policy=yusuan.Policy(envelope_factor=0))
    assert reception(strict)[0] == "fail"
    assert strict.has_mismatches
