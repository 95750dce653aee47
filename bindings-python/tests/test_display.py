"""`Report._repr_html_`: how a report shows in a notebook: a summary line and a findings table
coloured by outcome, with every text escaped."""

from __future__ import annotations

import json

import yusuan
from yusuan import _display


def test_summary_and_findings(seed_report: yusuan.Report) -> None:
    html = seed_report._repr_html_()
    assert html.startswith('<div class="yusuan-report">') and html.endswith("</div>")
    assert "烟台市人民政府办公室 2025 budget national-12" in html
    assert html.count("<tr ") == len(seed_report.findings)
    assert "W-01-5" in html and "7713.46" in html
    assert 'class="yusuan-hint"' in html and _display.STYLES["hint"][1] in html


def test_every_outcome_has_a_colour(seed_doc: yusuan.Document) -> None:
    report = yusuan.check(seed_doc, include_passes=True)
    report_keys = {_display.style_key(f) for f in report.findings}
    assert report_keys <= set(_display.STYLES)
    html = report._repr_html_()
    for key in report_keys:
        assert f'class="yusuan-{key}"' in html


def test_errors_are_red() -> None:
    from conftest import GOLDEN

    report = yusuan.check((GOLDEN / "inputs" / "seed_t05_cell_plus_one.txt").read_bytes())
    html = report._repr_html_()
    assert 'class="yusuan-error"' in html and _display.STYLES["error"][1] in html


def test_text_is_escaped(seed_report: yusuan.Report) -> None:
    data = json.loads(seed_report.to_json())
    data["findings"][0]["message"] = "<script>alert('x')</script> & co"
    html = yusuan.Report.from_json(json.dumps(data))._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; co" in html


def test_long_reports_are_cut(seed_doc: yusuan.Document) -> None:
    report = yusuan.check(seed_doc, include_passes=True)
    assert len(report.findings) > _display.MAX_ROWS
    html = report._repr_html_()
    assert html.count("<tr ") == _display.MAX_ROWS
    assert f"and {len(report.findings) - _display.MAX_ROWS} more findings" in html


def test_no_findings(seed_report: yusuan.Report) -> None:
    data = json.loads(seed_report.to_json())
    data["findings"] = []
    html = yusuan.Report.from_json(json.dumps(data))._repr_html_()
    assert "No findings to show" in html
