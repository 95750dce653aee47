"""How a `Report` shows in a notebook (`Report._repr_html_`): the summary, then the findings
as a table with one colour per outcome. Self-contained HTML (inline styles), every text escaped.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from yusuan._yusuan import Finding, Report

#: At most this many findings are shown; the rest are counted (`to_pandas()` has them all).
MAX_ROWS = 500

#: (label, text colour, background) per outcome; failures by severity.
STYLES = {
    "error": ("error", "#b71c1c", "#ffebee"),
    "warning": ("warning", "#e65100", "#fff3e0"),
    "hint": ("hint", "#0d47a1", "#e3f2fd"),
    "insufficient_data": ("not checked", "#4a148c", "#f3e5f5"),
    "not_applicable": ("n/a", "#424242", "#f5f5f5"),
    "pass": ("pass", "#1b5e20", "#e8f5e9"),
}


def style_key(finding: Finding) -> str:
    """The key of `STYLES` for a finding: its severity for failures, else its outcome."""
    return finding.severity if finding.outcome == "fail" else finding.outcome


def _badge(key: str) -> str:
    label, color, background = STYLES.get(key, (key, "#000", "#fff"))
    return (
        f'<span class="yusuan-{escape(key)}" style="color:{color};background:{background};'
        f'padding:1px 6px;border-radius:3px;font-weight:600;white-space:nowrap">'
        f"{escape(label)}</span>"
    )


def _cell(value: object) -> str:
    return "" if value is None else escape(str(value))


def report_html(report: Report) -> str:
    """The report as an HTML fragment for Jupyter."""
    d = report.document
    s = report.summary
    counts = [
        ("error", s.error),
        ("warning", s.warning),
        ("hint", s.hint),
        ("pass", s.passed),
        ("not_applicable", s.not_applicable),
        ("insufficient_data", s.insufficient_data),
    ]
    title = " ".join(
        x for x in (d.unit, str(d.year) if d.year else None, d.kind, d.layout) if x
    )
    parts = [
        '<div class="yusuan-report">',
        f"<p><strong>yusuan report</strong>: {escape(title)}"
        f" ({report.coverage.rule_instances} rule instances, "
        f"{len(report.coverage.tables_found)} tables)<br>",
        " · ".join(f"{_badge(key)} {n}" for key, n in counts),
        "</p>",
    ]
    findings = report.findings
    if findings:
        parts.append(
            '<table class="yusuan-findings"><thead><tr>'
            + "".join(
                f"<th>{h}</th>"
                for h in (
                    "outcome",
                    "rule",
                    "table",
                    "row",
                    "column",
                    "expected",
                    "actual",
                    "difference",
                    "unit",
                    "line",
                    "message",
                )
            )
            + "</tr></thead><tbody>"
        )
        for f in findings[:MAX_ROWS]:
            key = style_key(f)
            _, _, background = STYLES.get(key, ("", "", "#fff"))
            lines = ", ".join(dict.fromkeys(str(e.line) for e in f.evidence))
            parts.append(
                f'<tr style="background:{background}">'
                f"<td>{_badge(key)}</td>"
                f"<td><code>{escape(f.rule)}</code></td>"
                f"<td>{_cell(f.table)}</td><td>{_cell(f.row)}</td><td>{_cell(f.column)}</td>"
                f'<td style="text-align:right">{_cell(f.expected)}</td>'
                f'<td style="text-align:right">{_cell(f.actual)}</td>'
                f'<td style="text-align:right">{_cell(f.difference)}</td>'
                f"<td>{_cell(f.unit)}</td><td>{escape(lines)}</td>"
                f'<td style="text-align:left">{escape(f.message)}<br>'
                f'<span style="color:#616161">{escape(f.message_en)}</span></td>'
                "</tr>"
            )
        parts.append("</tbody></table>")
        if len(findings) > MAX_ROWS:
            parts.append(
                f"<p>… and {len(findings) - MAX_ROWS} more findings (see to_pandas()).</p>"
            )
    else:
        parts.append("<p>No findings to show (passes are counted above).</p>")
    parts.append("</div>")
    return "".join(parts)
