"""`Table`, `Column`, `Row` and `Cell`: the typed model, amounts as printed (`decimal.Decimal`
with the printed decimals), blank, dash, text and unreadable cells kept apart."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import GOLDEN

import yusuan


def test_table_attributes(seed_doc: yusuan.Document) -> None:
    t05 = seed_doc.table("T05")
    assert t05.key == "T05"
    assert t05.kind == "functional"
    assert t05.title == "一般公共预算支出情况表"
    assert t05.unit == "万元"
    assert len(t05) == len(t05.rows) == 18
    assert [c.key for c in t05.columns] == ["total", "basic", "personnel", "public", "project"]
    assert [c.index for c in t05.columns] == list(range(5))
    first, last = t05.lines
    assert first < last
    assert t05.note is None
    assert repr(t05) == "<Table T05 一般公共预算支出情况表 (18 rows, 5 columns, 万元)>"


def test_rows_are_keyed_by_code(seed_doc: yusuan.Document) -> None:
    t05 = seed_doc.table("T05")
    row = t05.row("2080505")
    assert row.code == row.key == "2080505"
    assert row.label == "机关事业单位基本养老保险缴费支出"
    assert row.line == 199
    assert not row.total
    assert t05.row("total").total
    with pytest.raises(KeyError, match="no row `9999999` in table T05"):
        t05.row("9999999")


def test_cells_keep_what_was_printed(seed_doc: yusuan.Document) -> None:
    t05 = seed_doc.table("T05")
    cells = t05.row("2080505").cells
    total = cells[0]
    assert (total.column, total.text, total.kind, total.line) == (0, "223.00", "amount", 199)
    assert isinstance(total.value, Decimal)
    assert total.value == Decimal("223.00") and str(total.value) == "223.00"
    blank = cells[3]
    assert (blank.kind, blank.text, blank.value) == ("blank", "", None)
    # thousands separators are read, the printed decimals kept
    assert t05.row("total").cells[0].text == "7,713.47"
    assert str(t05.row("total").cells[0].value) == "7713.47"


def test_unreadable_cell_has_a_reason() -> None:
    doc = yusuan.read(GOLDEN / "inputs" / "seed_unreadable_number.txt")
    cells = [c for t in doc.tables for r in t.rows for c in r.cells if c.kind == "unreadable"]
    assert [c.text for c in cells] == ["1,2,3"]
    assert cells[0].value is None
    assert cells[0].reason is not None and "grouping" in cells[0].reason


def test_summary_tables_have_sides(seed_doc: yusuan.Document) -> None:
    t01 = seed_doc.table("T01")
    assert t01.kind == "summary"
    assert [(c.key, c.side, c.lane) for c in t01.columns] == [
        ("amount", "income", 0),
        ("amount", "expenditure", 1),
    ]
    row = t01.row("income_total")
    assert (row.item, row.side, row.lane) == ("income_total", "income", 0)
    assert t01.row("201").side == "expenditure"


def test_san_gong_columns_carry_year_and_basis(seed_doc: yusuan.Document) -> None:
    columns = seed_doc.table("T07").columns
    assert [c.year for c in columns] == [2024] * 6 + [2025] * 6
    assert {c.basis for c in columns} == {"budget"}
    assert [c.position for c in columns] == list(range(12))


def test_empty_table_keeps_its_note(seed_doc: yusuan.Document) -> None:
    t08 = seed_doc.table("T08")
    assert len(t08) == 0
    assert t08.note is not None and "没有使用政府性基金预算拨款" in t08.note


def test_projects_have_categories(seed_doc: yusuan.Document) -> None:
    t11 = seed_doc.table("T11")
    assert t11.kind == "projects"
    assert {r.category for r in t11.rows if not r.total} == {"其他运转类", "特定目标类"}


def test_economic_rows_pair_government_codes(seed_doc: yusuan.Document) -> None:
    rows = seed_doc.table("T06").rows
    paired = [r for r in rows if r.gov_code is not None]
    assert paired, "T06 pairs 部门 and 政府 economic codes"
    assert all(r.gov_name for r in paired)


def test_to_dict_is_the_json_form(seed_doc: yusuan.Document) -> None:
    t05 = seed_doc.table("T05")
    d = t05.to_dict()
    assert d["key"] == "T05" and d["unit"] == "万元"
    row = t05.row("2080505").to_dict()
    assert row["cells"][0] == {
        "column": 0,
        "text": "223.00",
        "value": {"kind": "amount", "value": "223.00"},
        "line": 199,
    }


def test_objects_are_immutable(seed_doc: yusuan.Document) -> None:
    t05 = seed_doc.table("T05")
    with pytest.raises(AttributeError):
        t05.key = "T06"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        seed_doc.year = 2024  # type: ignore[misc]


def test_equality(seed_doc: yusuan.Document) -> None:
    assert seed_doc.table("T05") == seed_doc.table("T05")
    assert seed_doc.table("T05") != seed_doc.table("T06")
    assert seed_doc.table("T05").rows[0] != "a row"
