"""pandas DataFrames of reports and tables (`Report.to_pandas()`, `Table.to_pandas()`).

pandas is optional: it is imported when a frame is asked for, and its absence is an
`ImportError` that says how to install it. Amounts stay `decimal.Decimal` (object columns).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from yusuan._yusuan import Column, Report, Table

#: The columns of `Report.to_pandas()`, in order.
REPORT_COLUMNS = (
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
    "message",
    "message_en",
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


def report_frame(report: Report) -> Any:
    """One row per finding; see `Report.to_pandas`."""
    pd = pandas_module("Report.to_pandas()")
    records = [
        (
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
            f.message,
            f.message_en,
        )
        for f in report.findings
    ]
    frame = pd.DataFrame.from_records(records, columns=list(REPORT_COLUMNS))
    # Source lines stay integers even where a finding has no evidence.
    frame["line"] = pd.array(frame["line"].tolist(), dtype="Int64")
    frame.attrs["document"] = {
        "unit": report.document.unit,
        "year": report.document.year,
        "kind": report.document.kind,
        "level": report.document.level,
        "layout": report.document.layout,
        "amount_unit": report.document.amount_unit,
    }
    frame.attrs["summary"] = report.summary.to_dict()
    return frame


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
