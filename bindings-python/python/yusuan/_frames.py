"""pandas DataFrames of reports, tables and comparisons (`Report.to_pandas()`,
`Table.to_pandas()`, `Comparison.to_pandas()`, `TableComparison.to_pandas()`).

pandas is optional: it is imported when a frame is asked for, and its absence is an
`ImportError` that says how to install it. Amounts stay `decimal.Decimal` (object columns).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from yusuan._yusuan import (
        Column,
        Comparison,
        Finding,
        Report,
        ReportDocument,
        Table,
        TableComparison,
    )

#: The levels of findings, in the order `Report.to_pandas()` and the notebook HTML list them:
#: a failure's severity (error, warning), then the other outcomes.
LEVELS = ("error", "warning", "hint", "insufficient_data", "not_applicable", "pass")

#: The columns of `Report.to_pandas()`, in order.
REPORT_COLUMNS = (
    "level",
    "rule",
    "outcome",
    "severity",
    "table",
    "row",
    "column",
    "expected",
    "actual",
    "difference",
    "unit",
    "line",
    "page",
    "bbox",
    "message",
    "message_en",
)

#: The columns of `Comparison.to_pandas()` and `TableComparison.to_pandas()`, in order.
COMPARISON_COLUMNS = (
    "table",
    "row",
    "code",
    "name",
    "column",
    "column_header",
    "main",
    "status",
    "earlier",
    "later",
    "change",
    "growth",
    "contribution",
    "earlier_line",
    "later_line",
)


def pandas_module(what: str) -> Any:
    """Imports pandas, or raises an `ImportError` that says how to install it."""
    try:
        import pandas
    except ImportError as e:
        raise ModuleNotFoundError(
            f"{what} needs pandas, which is not installed: "
            "pip install pandas (or pip install 'yusuan[pandas]')",
            name="pandas",
        ) from e
    return pandas


def level(finding: Finding) -> str:
    """A finding's level: its severity for a failure (`error`, `warning`), else its outcome."""
    if finding.outcome == "fail":
        return "error" if finding.severity == "error" else "warning"
    return finding.outcome


def by_level(findings: list[Finding]) -> list[Finding]:
    """The findings errors first, then warnings, hints, … (`LEVELS`), in rule order within each."""
    rank = {name: i for i, name in enumerate(LEVELS)}
    return sorted(findings, key=lambda f: rank.get(level(f), len(LEVELS)))


def report_frame(report: Report) -> Any:
    """One row per finding, errors first; see `Report.to_pandas`."""
    pd = pandas_module("Report.to_pandas()")
    records = [
        (
            level(f),
            f.rule,
            f.outcome,
            f.severity,
            f.table,
            f.row,
            f.column,
            f.expected,
            f.actual,
            f.difference,
            f.unit,
            f.evidence[0].line if f.evidence else None,
            f.evidence[0].page if f.evidence else None,
            f.evidence[0].bbox if f.evidence else None,
            f.message,
            f.message_en,
        )
        for f in by_level(report.findings)
    ]
    frame = pd.DataFrame.from_records(records, columns=list(REPORT_COLUMNS))
    # Source lines and pages stay integers even where a finding has none; a bbox is a tuple of
    # four Decimals, or None (not NaN).
    for name in ("line", "page"):
        frame[name] = pd.array(frame[name].tolist(), dtype="Int64")
    at = REPORT_COLUMNS.index("bbox")
    frame["bbox"] = pd.Series([r[at] for r in records], index=frame.index, dtype=object)
    frame.attrs["document"] = _document_attrs(report.document)
    frame.attrs["summary"] = report.summary.to_dict()
    frame.attrs["notices"] = [n.to_dict() for n in report.notices]
    return frame


def _document_attrs(d: ReportDocument) -> dict[str, Any]:
    """What a frame's `attrs` say about a document."""
    return {
        "unit": d.unit,
        "year": d.year,
        "kind": d.kind,
        "level": d.level,
        "template": d.template,
        "layout": d.template,
        "amount_unit": d.amount_unit,
    }


def column_names(columns: list[Column]) -> list[str]:
    """A name per column: its key (`total`, `basic`, …; the header words when the key is unknown).

    Columns of different lanes share a name (a two-sided summary table puts each row in one
    lane). Within a lane, columns with the same key are told apart by year (`reception_2025`),
    then by basis (`total_budget`), then by position.
    """
    base = [c.key or c.header for c in columns]
    names = []
    for c, b in zip(columns, base):
        same = [d for d, e in zip(columns, base) if e == b and d.lane == c.lane]
        name = b
        if len(same) > 1:
            if len({d.year for d in same}) > 1 and c.year is not None:
                name += f"_{c.year}"
            if len({d.basis for d in same}) > 1 and c.basis is not None:
                name += f"_{c.basis}"
        names.append(name)
    # Still ambiguous within a lane: the printed position decides.
    ambiguous = [
        any(names[j] == names[i] and d.lane == c.lane for j, d in enumerate(columns) if j != i)
        for i, c in enumerate(columns)
    ]
    return [f"{n}_{c.position}" if a else n for n, c, a in zip(names, columns, ambiguous)]


def table_frame(table: Table, *, text: bool = False) -> Any:
    """One row per table row, indexed by the row key; see `Table.to_pandas`."""
    pd = pandas_module("Table.to_pandas()")
    names = column_names(table.columns)
    amount_columns = list(dict.fromkeys(names))
    rows = table.rows
    optional = [
        name
        for name in ("side", "gov_code", "gov_name", "category")
        if any(getattr(r, name) is not None for r in rows)
    ]
    data: dict[str, list[Any]] = {
        name: [] for name in ["label", *optional, *amount_columns, "line"]
    }
    for r in rows:
        data["label"].append(r.label)
        for name in optional:
            data[name].append(getattr(r, name))
        values: dict[str, Any] = dict.fromkeys(amount_columns)
        for cell in r.cells:
            values[names[cell.column]] = cell.text if text else cell.value
        for name in amount_columns:
            data[name].append(values[name])
        data["line"].append(r.line)
    index = pd.Index([r.key for r in rows], name="row", dtype=object)
    dtypes: dict[str, Any] = {name: object for name in amount_columns}
    dtypes["line"] = "int64"
    frame = pd.DataFrame(
        {
            # Amount columns hold Decimal and None as they are (object dtype): no float, ever.
            name: pd.Series(values, index=index, dtype=dtypes.get(name))
            for name, values in data.items()
        },
        index=index,
    )
    frame.attrs.update(table=table.key, title=table.title, unit=table.unit)
    return frame


def _line_changes(pd: Any, tables: list[TableComparison]) -> Any:
    records = [
        (
            t.key,
            line.row,
            line.code,
            line.name,
            line.column,
            line.column_header,
            line.column in main,
            line.status,
            line.earlier,
            line.later,
            line.change,
            line.growth,
            line.contribution,
            line.earlier_line,
            line.later_line,
        )
        for t in tables
        for main in [set(t.main_columns)]
        for line in t.lines
    ]
    frame = pd.DataFrame.from_records(records, columns=list(COMPARISON_COLUMNS))
    # Amounts stay Decimal and None (object dtype), source lines integers with missing values.
    for name in ("earlier", "later", "change", "growth", "contribution"):
        frame[name] = pd.Series(frame[name].tolist(), index=frame.index, dtype=object)
    for name in ("earlier_line", "later_line"):
        frame[name] = pd.array(frame[name].tolist(), dtype="Int64")
    frame["main"] = frame["main"].astype(bool)
    return frame


def comparison_frame(comparison: Comparison) -> Any:
    """One row per line and amount column of every table; see `Comparison.to_pandas`."""
    pd = pandas_module("Comparison.to_pandas()")
    frame = _line_changes(pd, comparison.tables)
    frame.attrs["earlier"] = _document_attrs(comparison.earlier)
    frame.attrs["later"] = _document_attrs(comparison.later)
    frame.attrs["unit"] = comparison.unit
    frame.attrs["summary"] = comparison.summary.to_dict()
    return frame


def table_comparison_frame(table: TableComparison) -> Any:
    """The rows of `comparison_frame` for one table; see `TableComparison.to_pandas`."""
    pd = pandas_module("TableComparison.to_pandas()")
    frame = _line_changes(pd, [table])
    frame.attrs.update(table=table.key, title=table.title)
    return frame
