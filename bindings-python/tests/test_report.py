"""`Report`, `Finding`, `Evidence`, `Summary`, `Coverage`, `ReportDocument`: attributes, the JSON
contract and the text renderings."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

import yusuan


def test_report_attributes(seed_report: yusuan.Report) -> None:
    r = seed_report
    assert r.schema == "yusuan.report/1"
    d = r.document
    assert (d.unit, d.year, d.kind, d.level, d.layout, d.amount_unit) == (
        "烟台市人民政府办公室",
        2025,
        "budget",
        "unit",
        "national-12",
        "万元",
    )
    assert r.coverage.tables_found == [f"T{i:02}" for i in range(1, 13)]
    assert r.coverage.tables_missing == []
    assert repr(r).startswith("<Report 烟台市人民政府办公室 2025: Summary(error=0")


def test_summary(seed_report: yusuan.Report) -> None:
    s = seed_report.summary
    want = json.loads(seed_report.to_json())["summary"]
    assert s.to_dict() == want
    assert (s.error, s.warning, s.hint, s.passed, s.not_applicable, s.insufficient_data) == (
        want["error"],
        want["warning"],
        want["hint"],
        want["pass"],
        want["not_applicable"],
        want["insufficient_data"],
    )
    assert repr(s).startswith("Summary(error=0, warning=3, hint=")
    assert str(s) == repr(s)


def test_finding_attributes(seed_report: yusuan.Report) -> None:
    f = seed_report.findings[0]
    raw = json.loads(seed_report.to_json())["findings"][0]
    assert f.rule == raw["rule"] and f.outcome == raw["outcome"] and f.severity == raw["severity"]
    assert f.message == raw["message"] and f.message_en == raw["message_en"]
    assert (f.table, f.row, f.column, f.unit) == (raw["table"], raw["row"], raw["column"], raw["unit"])
    for name in ("expected", "actual", "difference"):
        value = getattr(f, name)
        assert isinstance(value, Decimal) and str(value) == raw[name]
    assert not f.is_error
    assert f.to_dict() == raw
    ev = f.evidence[0]
    assert (ev.table, ev.row, ev.column, ev.text, ev.line) == tuple(
        raw["evidence"][0][k] for k in ("table", "row", "column", "text", "line")
    )
    assert repr(f).startswith("<Finding W-01-5 hint T01 expenditure_subtotal")
    assert repr(ev).startswith("<Evidence T01 expenditure_subtotal")


def test_evidence_page_and_box(seed_report: yusuan.Report) -> None:
    # a text has no pages: None
    ev = seed_report.findings[0].evidence[0]
    assert ev.page is None and ev.bbox is None
    # a PDF: the page (where it has more than one) and the box of every cell, as the JSON says
    from conftest import SHARED_CORPUS, require_shared

    require_shared()
    report = yusuan.check(SHARED_CORPUS / "pdf" / "07_sh_putuo_finance_bureau_dept_final_2024.pdf")
    raw = json.loads(report.to_json(), parse_float=Decimal)["findings"]
    for f, r in zip(report.findings, raw):
        for e, want in zip(f.evidence, r["evidence"], strict=True):
            assert e.page == want["page"] and isinstance(e.page, int)
            assert e.bbox == (tuple(want["bbox"]) if "bbox" in want else None)
            # the same digits as the JSON (130.0, 72.1), Decimals, never floats
            assert [str(x) for x in e.bbox or ()] == [str(x) for x in want.get("bbox", [])]
    ev = next(e for f in report.findings for e in f.evidence if e.bbox)
    assert all(type(x) is Decimal for x in ev.bbox or ())
    assert repr(ev).endswith(f"line {ev.line} page {ev.page}>")
    assert yusuan.Report.from_json(report.to_json()) == report


def test_findings_without_figures_have_none(seed_report: yusuan.Report) -> None:
    nodata = [f for f in seed_report.findings if f.outcome == "insufficient_data"]
    assert nodata
    assert any(f.expected is None and f.difference is None for f in nodata)


def test_renderings(seed_report: yusuan.Report) -> None:
    text = seed_report.to_text()
    assert text.startswith("yusuan report: 烟台市人民政府办公室 2025 预算")
    assert str(seed_report) == text
    assert seed_report.to_markdown().startswith("# yusuan report:")
    assert seed_report.to_dict() == json.loads(seed_report.to_json())


def test_json_round_trip(seed_report: yusuan.Report) -> None:
    again = yusuan.Report.from_json(seed_report.to_json())
    assert again == seed_report
    assert again.to_json() == seed_report.to_json()
    with pytest.raises(ValueError, match="invalid report JSON"):
        yusuan.Report.from_json('{"schema": "yusuan.report/1"}')


def test_a_recomputed_percentage_states_its_difference_in_points() -> None:
    # The difference of a recomputed percentage (V-03) is in percentage points, never "".
    from conftest import GOLDEN

    report = yusuan.check((GOLDEN / "inputs" / "seed_narrative_percent_off.txt").read_bytes())
    v03 = next(f for f in report.findings if f.rule == "V-03" and f.is_error)
    assert (v03.expected, v03.actual, v03.difference, v03.unit) == (
        Decimal("32.83"),
        Decimal("33.83"),
        Decimal("1.00"),
        "%",
    )
    assert v03.to_dict()["difference"] == "1.00"
    assert "33.83" in report._repr_html_()
