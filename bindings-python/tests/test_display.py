"""`Report._repr_html_`: how a report shows in a notebook: a summary line and a findings table
coloured by outcome, with every text escaped."""

from __future__ import annotations

import json

import yusuan
from yusuan import _display, _frames


def test_summary_and_findings(seed_report: yusuan.Report) -> None:
    html = seed_report._repr_html_()
    assert html.startswith('<div class="yusuan-report">') and html.endswith("</div>")
    assert "烟台市人民政府办公室 2025 budget national-12" in html
    assert html.count("<tr ") == len(seed_report.findings)
    assert "W-01-5" in html and "7713.46" in html
    assert 'class="yusuan-hint"' in html and _display.STYLES["hint"][1] in html


def test_every_outcome_has_a_colour(seed_doc: yusuan.Document) -> None:
    report = yusuan.check(seed_doc, include_passes=True)
    report_keys = {_frames.level(f) for f in report.findings}
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


def test_errors_come_first_then_warnings_and_hints(seed_doc: yusuan.Document) -> None:
    from conftest import GOLDEN

    report = yusuan.check((GOLDEN / "inputs" / "seed_t05_cell_plus_one.txt").read_bytes())
    html = report._repr_html_()
    assert "<th>level</th>" in html
    rows = html.split("<tbody>")[1].split("<tr ")[1:]
    order = [next(k for k in _frames.LEVELS if f'class="yusuan-{k}"' in row) for row in rows]
    assert order == sorted(order, key=_frames.LEVELS.index)
    assert order[0] == "error" and "warning" in order and "hint" in order


def test_notices_are_shown(seed_text: str) -> None:
    wide = seed_text.replace(
        "机关事业单位基本养老保险缴费支出\t", "机关事业单位基本养老保险缴费支出\t" + "\t" * 300, 1
    )
    report = yusuan.check(wide)
    html = report._repr_html_()
    assert report.notices and "Notices" in html
    assert f"<code>{report.notices[0].code}</code>" in html
    assert "Notices" not in yusuan.check(seed_text)._repr_html_()


def test_the_page_of_a_pdf_is_shown() -> None:
    from conftest import SHARED_CORPUS, require_shared

    require_shared()
    report = yusuan.check(SHARED_CORPUS / "pdf" / "07_sh_putuo_finance_bureau_dept_final_2024.pdf")
    f = _frames.by_level(report.findings)[0]
    pages = sorted({e.page for e in f.evidence if e.page})
    assert f.is_error and pages
    html = report._repr_html_()
    row = html.split("<tbody>")[1].split("<tr ")[1]
    assert all(f"page {p}, line " in row for p in pages), row
    # a text has no pages: the lines alone
    assert "page " not in yusuan.check(_text())._repr_html_().split("<tbody>")[1]


def _text() -> str:
    from conftest import SEED_PATH

    return SEED_PATH.read_text(encoding="utf-8")
