"""How a `Report` and a `Comparison` show in a notebook (`_repr_html_`): the summary, then the
findings (or the prior-year checks and the changed lines) as tables with one colour per outcome
or status. Self-contained HTML (inline styles), every text escaped.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from yusuan._frames import by_level, level

if TYPE_CHECKING:
    from yusuan._yusuan import Comparison, Evidence, Report, ReportDocument

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

#: (label, text colour, background) per line status of a comparison.
LINE_STYLES = {
    "changed": ("~ changed", "#0d47a1", "#e3f2fd"),
    "appeared": ("+ appeared", "#1b5e20", "#e8f5e9"),
    "vanished": ("- vanished", "#b71c1c", "#ffebee"),
    "unchanged": ("= unchanged", "#424242", "#f5f5f5"),
}


def _badge(key: str, styles: dict[str, tuple[str, str, str]] = STYLES) -> str:
    label, color, background = styles.get(key, (key, "#000", "#fff"))
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
        x for x in (d.unit, str(d.year) if d.year else None, d.kind, d.template) if x
    )
    parts = [
        '<div class="yusuan-report">',
        f"<p><strong>yusuan report</strong>: {escape(title)}"
        f" ({report.coverage.rule_instances} rule instances, "
        f"{len(report.coverage.tables_found)} tables)<br>",
        " · ".join(f"{_badge(key)} {n}" for key, n in counts),
        "</p>",
    ]
    if report.notices:
        parts.append("<p><strong>注意 / Notices</strong></p><ul>")
        for n in report.notices:
            where = ", ".join(
                x
                for x in (f"line {n.line}", f"page {n.page}" if n.page else "", n.table or "")
                if x
            )
            parts.append(
                f"<li><code>{escape(n.code)}</code> {escape(n.message)} ({escape(where)})</li>"
            )
        parts.append("</ul>")
    findings = by_level(report.findings)
    if findings:
        parts.append(
            '<table class="yusuan-findings"><thead><tr>'
            + "".join(
                f"<th>{h}</th>"
                for h in (
                    "level",
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
            key = level(f)
            _, _, background = STYLES.get(key, ("", "", "#fff"))
            lines = _where(f.evidence)
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


def _where(evidence: list[Evidence]) -> str:
    """The lines of a finding's evidence, by page where the input has pages (a PDF), as the
    text report says it: `page 8, line 123, 124; page 9, line 139`, or `123, 124`."""
    pages: dict[int | None, list[str]] = {}
    for e in evidence:
        lines = pages.setdefault(e.page, [])
        if str(e.line) not in lines:
            lines.append(str(e.line))
    return "; ".join(
        f"page {page}, line {', '.join(lines)}" if page else ", ".join(lines)
        for page, lines in pages.items()
    )


def _table(headers: tuple[str, ...], rows: list[str]) -> str:
    head = "".join(f"<th>{h}</th>" for h in headers)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _number(value: object) -> str:
    return f'<td style="text-align:right">{_cell(value)}</td>'


def comparison_html(comparison: Comparison) -> str:
    """The comparison as an HTML fragment for Jupyter: the summary, the notes, the prior-year
    checks that do not pass, then per table the lines whose main amount changed, appeared or
    vanished (as `to_text()` lists them; `to_pandas()` has every line)."""

    def title(d: ReportDocument) -> str:
        return " ".join(str(x) for x in (d.unit, d.year, d.kind) if x is not None)

    m = comparison.summary
    lines = [
        ("changed", m.changed),
        ("appeared", m.appeared),
        ("vanished", m.vanished),
        ("unchanged", m.unchanged),
    ]
    priors = [
        ("error", "disagree", m.prior_fail),
        ("hint", "within rounding", m.prior_hint),
        ("pass", "agree", m.prior_pass),
        ("insufficient_data", "not checked", m.prior_not_checked),
    ]
    parts = [
        '<div class="yusuan-comparison">',
        f"<p><strong>yusuan compare</strong>: {escape(title(comparison.earlier))} → "
        f"{escape(title(comparison.later))} (amounts in {escape(comparison.unit)})<br>",
        "lines: " + " · ".join(f"{_badge(k, LINE_STYLES)} {n}" for k, n in lines) + "<br>",
        "prior-year figures: "
        + " · ".join(f"{_badge(k)} {escape(label)} {n}" for k, label, n in priors),
        "</p>",
    ]
    if comparison.notes:
        parts.append("<ul>")
        for note in comparison.notes:
            parts.append(
                f"<li><code>{escape(note.code)}</code> {escape(note.message)}<br>"
                f'<span style="color:#616161">{escape(note.message_en)}</span></li>'
            )
        parts.append("</ul>")
    checks = [c for c in comparison.prior_checks if c.outcome != "pass"]
    if checks:
        rows = []
        for c in checks[:MAX_ROWS]:
            key = "error" if c.outcome == "fail" else c.outcome
            _, _, background = STYLES.get(key, ("", "", "#fff"))
            where = ", ".join(
                dict.fromkeys(
                    [f"{e.line}" for e in c.later_evidence]
                    + [f"earlier {e.line}" for e in c.earlier_evidence]
                )
            )
            rows.append(
                f'<tr style="background:{background}"><td>{_badge(key)}</td>'
                f"<td>{escape(c.subject)}</td>"
                f"{_number(c.stated)}{_number(c.earlier)}{_number(c.difference)}"
                f"<td>{escape(where)}</td>"
                f'<td style="text-align:left">{escape(c.message)}<br>'
                f'<span style="color:#616161">{escape(c.message_en)}</span></td></tr>'
            )
        parts.append("<p><strong>上年数核对 / Prior-year figures</strong></p>")
        parts.append(
            _table(
                ("outcome", "subject", "stated", "earlier", "difference", "line", "message"),
                rows,
            )
        )
    shown = 0
    for t in comparison.tables:
        main = set(t.main_columns)
        changed = [
            line for line in t.lines if line.column in main and line.status != "unchanged"
        ]
        if not changed or shown >= MAX_ROWS:
            continue
        rows = []
        for line in changed[: MAX_ROWS - shown]:
            _, _, background = LINE_STYLES.get(line.status, ("", "", "#fff"))
            rows.append(
                f'<tr style="background:{background}">'
                f"<td>{_badge(line.status, LINE_STYLES)}</td>"
                f"<td><code>{escape(line.row)}</code></td><td>{escape(line.name)}</td>"
                f"<td>{escape(line.column_header)}</td>"
                f"{_number(line.earlier)}{_number(line.later)}{_number(line.change)}"
                f"{_number(line.growth)}{_number(line.contribution)}</tr>"
            )
        shown += len(rows)
        parts.append(f"<p><strong>{escape(t.key)} {escape(t.title)}</strong></p>")
        parts.append(
            _table(
                ("status", "row", "name", "column", "earlier", "later", "change",
                 "growth %", "contribution %"),
                rows,
            )
        )
    total = sum(
        1
        for t in comparison.tables
        for line in t.lines
        if line.column in t.main_columns and line.status != "unchanged"
    )
    if total > shown:
        parts.append(f"<p>… and {total - shown} more changed lines (see to_pandas()).</p>")
    if not checks and not total:
        parts.append("<p>No changes and no prior-year disagreements to show.</p>")
    parts.append("</div>")
    return "".join(parts)
