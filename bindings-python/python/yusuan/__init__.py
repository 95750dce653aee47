"""yusuan (预算): read Chinese government budget disclosures and cross-check them.

Reads 部门/单位预算 and 决算公开 disclosures (text with tab-separated tables, as extracted from the
PDF) into a typed model and checks them with exact decimals: classification codes, table sums,
cross-table identities. A sum that does not add up is a *finding* in a `Report`; only input that
cannot be read raises (a subclass of `YusuanError`, itself a `ValueError`).

Example:

>>> import yusuan, pathlib
>>> report = yusuan.check(pathlib.Path(path).read_text(encoding="utf-8"))
>>> report.summary
Summary(error=0, warning=0, hint=..., passed=..., not_applicable=..., insufficient_data=...)
>>> doc = yusuan.read(path)
>>> doc.table("T05").row("2080505").cells[0].value
Decimal('223.00')

Amounts are `decimal.Decimal` in and out; pandas is optional (`Report.to_pandas()`,
`Table.to_pandas()`).
"""

from __future__ import annotations

import os

from yusuan import catalog, exceptions
from yusuan._yusuan import (
    CatalogEntry,
    Cell,
    Column,
    Coverage,
    Document,
    Evidence,
    Finding,
    Policy,
    Report,
    ReportDocument,
    Row,
    RuleInfo,
    Summary,
    Table,
    __version__,
    check,
    check_many,
    layouts,
    parse,
    rules,
)
from yusuan.exceptions import (
    EmptyInputError,
    InputTooLargeError,
    InternalError,
    InvalidCatalogError,
    InvalidLayoutError,
    InvalidOptionError,
    InvalidUtf8Error,
    NotADisclosureError,
    NotTextError,
    TruncatedTableError,
    YusuanError,
)

def read(path: str | os.PathLike[str], /, *, layout: str | None = None) -> Document:
    """Reads a disclosure file (UTF-8 text) and parses it into a `Document`.

    The bytes go to the parser as they are, so invalid UTF-8 raises `InvalidUtf8Error` with the
    byte offset. A file that cannot be opened raises `OSError` as `open` does; `layout` is as in
    `yusuan.parse`.

    Example:

    >>> yusuan.read(path).year
    2025
    """
    with open(path, "rb") as f:
        data = f.read()
    return parse(data, layout=layout)


__all__ = [
    "CatalogEntry",
    "Cell",
    "Column",
    "Coverage",
    "Document",
    "EmptyInputError",
    "Evidence",
    "Finding",
    "InputTooLargeError",
    "InternalError",
    "InvalidCatalogError",
    "InvalidLayoutError",
    "InvalidOptionError",
    "InvalidUtf8Error",
    "NotADisclosureError",
    "NotTextError",
    "Policy",
    "Report",
    "ReportDocument",
    "Row",
    "RuleInfo",
    "Summary",
    "Table",
    "TruncatedTableError",
    "YusuanError",
    "__version__",
    "catalog",
    "check",
    "check_many",
    "exceptions",
    "layouts",
    "parse",
    "read",
    "rules",
]
