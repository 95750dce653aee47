"""`Report.to_pandas()` and `Table.to_pandas()`: one row per finding; tables keyed by code with
`decimal.Decimal` amounts, checked against the hand-transcribed tables of tests/expected. pandas
is optional: without it everything else works and `to_pandas()` says how to install it."""

from __future__ import annotations

import re
import sys
from decimal import Decimal
from typing import Any

import pytest
from conftest import EXPECTED

import yusuan
from yusuan import _frames

pd = pytest.importorskip("pandas")


def test_report_frame(seed_report: yusuan.Report) -> None:
    df = seed_report.to_pandas()
    assert list(df.columns) == list(_frames.REPORT_COLUMNS)
    assert len(df) == len(seed_report.findings)
    f = next(f for f in seed_report.findings if f.rule == "W-01-5")
    first = df[df.rule == "W-01-5"].iloc[0]
    assert (first["level"], first["rule"], first["outcome"], first["table"], first["row"]) == (
        "hint",
        f.rule,
        f.outcome,
        f.table,
        f.row,
    )
    assert first["expected"] == f.expected and isinstance(first["expected"], Decimal)
    assert df["expected"].dtype == object
    assert str(df["line"].dtype) == "Int64"
    assert first["line"] == f.evidence[0].line
    assert df.attrs["summary"] == seed_report.summary.to_dict()
    assert df.attrs["document"]["unit"] == "烟台市人民政府办公室"
    # one row per finding, so an analyst can group and count
    counts = df.groupby("outcome").size().to_dict()
    assert counts["hint"] == seed_report.summary.hint


def test_report_frame_has_the_page_and_box_of_a_pdf() -> None:
    from conftest import PDF_PATH, SEED_PATH

    report = yusuan.check(PDF_PATH, include_passes=True)
    df = report.to_pandas()
    assert str(df["page"].dtype) == "Int64"
    firsts = [f.evidence[0] if f.evidence else None for f in _frames.by_level(report.findings)]
    assert df["bbox"].tolist() == [e.bbox if e else None for e in firsts]
    assert [None if pd.isna(x) else x for x in df["line"]] == [e.line if e else None for e in firsts]
    boxes = [b for b in df["bbox"] if b is not None]
    assert boxes and all(type(x) is Decimal for b in boxes for x in b)
    # a text has no pages: the columns are there, empty
    text = yusuan.check(SEED_PATH).to_pandas()
    assert text["page"].isna().all() and all(b is None for b in text["bbox"])


def test_report_frame_lists_errors_first_with_a_level() -> None:
    from conftest import GOLDEN

    data = (GOLDEN / "inputs" / "seed_t05_cell_plus_one.txt").read_bytes()
    report = yusuan.check(data, include_passes=True)
    df = report.to_pandas()
    levels = list(df["level"])
    assert levels == sorted(levels, key=_frames.LEVELS.index)
    assert set(levels) <= set(_frames.LEVELS)
    assert levels[0] == "error" and levels[-1] == "pass"
    s = report.summary
    for level, count in [("error", s.error), ("warning", s.warning), ("hint", s.hint),
                         ("pass", s.passed), ("not_applicable", s.not_applicable),
                         ("insufficient_data", s.insufficient_data)]:
        assert len(df[df.level == level]) == count, level
    # within a level, the order the rules ran in
    errors = [(f.rule, f.row) for f in report.findings if f.is_error]
    assert list(zip(df[df.level == "error"].rule, df[df.level == "error"].row)) == errors


def test_report_frame_with_passes_and_no_findings(seed_doc: yusuan.Document) -> None:
    full = yusuan.check(seed_doc, include_passes=True)
    assert len(full.to_pandas()) == full.coverage.rule_instances
    empty = yusuan.Report.from_json(
        re.sub(r'"findings": \[.*\]', '"findings": []', full.to_json(), flags=re.S)
    )
    df = empty.to_pandas()
    assert len(df) == 0 and list(df.columns) == list(_frames.REPORT_COLUMNS)


def test_table_frame(seed_doc: yusuan.Document) -> None:
    df = seed_doc.table("T05").to_pandas()
    assert df.index.name == "row"
    assert list(df.columns) == ["label", "total", "basic", "personnel", "public", "project", "line"]
    assert df.loc["2080505", "total"] == Decimal("223.00")
    assert str(df.loc["2080505", "total"]) == "223.00"
    assert df.loc["2080505", "public"] is None
    assert df.loc["total", "label"] == "合 计"
    assert df.attrs == {"table": "T05", "title": "一般公共预算支出情况表", "unit": "万元"}
    assert all(df[c].dtype == object for c in ["total", "basic", "personnel", "public", "project"])
    assert str(df["line"].dtype) == "int64"
    text = seed_doc.table("T05").to_pandas(text=True)
    assert text.loc["total", "total"] == "7,713.47"
    assert text.loc["2080505", "public"] == ""


def test_two_sided_table_shares_columns_across_sides(seed_doc: yusuan.Document) -> None:
    df = seed_doc.table("T01").to_pandas()
    assert list(df.columns) == ["label", "side", "amount", "line"]
    assert df.loc["income_total", "amount"] == Decimal("7713.47")
    assert df.loc["201", "side"] == "expenditure"


def test_same_column_in_two_years(seed_doc: yusuan.Document) -> None:
    df = seed_doc.table("T07").to_pandas()
    assert "reception_2024" in df.columns and "reception_2025" in df.columns
    row = df.iloc[0]
    assert (row["reception_2024"], row["reception_2025"]) == (Decimal("109.00"), Decimal("110.00"))


def test_empty_table(seed_doc: yusuan.Document) -> None:
    df = seed_doc.table("T08").to_pandas()
    assert len(df) == 0
    assert "total" in df.columns


def test_column_names_tell_duplicates_apart() -> None:
    class C:
        def __init__(self, key: str | None, lane: int, position: int, year: int | None = None,
                     basis: str | None = None, header: str = "h") -> None:
            self.key, self.lane, self.position = key, lane, position
            self.year, self.basis, self.header = year, basis, header

    cols: Any = [
        C("total", 0, 0, basis="budget"),
        C("total", 0, 1, basis="actual"),
        C("amount", 0, 2),
        C("amount", 1, 3),
        C(None, 0, 4, header="备注"),
        C("other", 0, 5),
        C("other", 0, 6),
    ]
    assert _frames.column_names(cols) == [
        "total_budget",
        "total_actual",
        "amount",
        "amount",
        "备注",
        "other_5",
        "other_6",
    ]


def expected_tables() -> dict[str, tuple[list[str], list[tuple[str, list[str]]]]]:
    """The one-lane tables of tests/expected/seed_tables.txt: column keys and (row key, cells)."""
    tables: dict[str, tuple[list[str], list[tuple[str, list[str]]]]] = {}
    key = None
    for line in (EXPECTED / "seed_tables.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            key = line[1:4]
        elif line.startswith("columns: ") and key and ":" not in line[len("columns: "):]:
            tables[key] = (line[len("columns: "):].split(), [])
        elif key in tables and " | " in line:
            row_key, _label, cells = line.split(" | ")
            tables[key][1].append((row_key, cells.split()))
    return tables


def test_tables_match_the_hand_transcribed_ones(seed_doc: yusuan.Document) -> None:
    tables = expected_tables()
    assert {"T02", "T03", "T05", "T06", "T10", "T11", "T12"} <= set(tables)
    for key, (columns, rows) in tables.items():
        df = seed_doc.table(key).to_pandas()
        assert list(df.columns)[-len(columns) - 1 : -1] == columns, key
        assert len(df) == len(rows), key
        for (row_key, cells), (index, row) in zip(rows, df.iterrows()):
            code = row_key.split()[0]  # `301 gov=501`, `project category=…`
            if code.isdigit() or code == "total":
                assert index == code, (key, row_key)
            got = ["_" if v is None else str(v) for v in row[columns]]
            assert got == cells, (key, row_key)


def test_without_pandas(monkeypatch: pytest.MonkeyPatch, seed_doc: yusuan.Document) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    report = yusuan.check(seed_doc)
    with pytest.raises(ImportError, match=r"needs pandas.*pip install pandas"):
        report.to_pandas()
    with pytest.raises(ModuleNotFoundError, match=r"Table.to_pandas\(\) needs pandas"):
        seed_doc.table("T05").to_pandas()
    # everything else works
    assert report.to_json() and report._repr_html_() and report.findings
