"""yusuan (预算): read Chinese government budget disclosures and cross-check them.

Reads 部门/单位预算 and 决算公开 disclosures (text with tab-separated tables, as extracted from the
PDF; a `str`, `bytes` or a path) into a typed model and checks them with exact decimals: classification codes, table sums,
cross-table identities, the narrative's claims. A sum that does not add up is a *finding* in a
`Report`; only input that cannot be read raises (a subclass of `YusuanError`, itself a
`ValueError`). `compare` sets two years of one body side by side, `claims` lists what the
narrative (情况说明) states.

Example:

>>> import yusuan, pathlib
>>> report = yusuan.check(pathlib.Path(path).read_text(encoding="utf-8"))
>>> report.summary
Summary(error=0, warning=..., hint=..., passed=..., not_applicable=..., insufficient_data=...)
>>> doc = yusuan.read(path)
>>> doc.table("T05").row("2080505").cells[0].value
Decimal('223.00')
>>> cmp = yusuan.compare(yusuan.read(compare_dir / "yantai_2024_mismatch.txt"), doc)
>>> [c.subject for c in cmp.prior_checks if c.outcome == "fail"]  # doctest: +NORMALIZE_WHITESPACE
['T07 合计（2024年）', 'T07 公务接待费（2024年）', '情况说明第354行 三公（增加）',
 '情况说明第362行 接待费（增加）']

Amounts are `decimal.Decimal` in and out; pandas is optional (`Report.to_pandas()`,
`Table.to_pandas()`, `Comparison.to_pandas()`).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from yusuan import catalog, exceptions
from yusuan._yusuan import (
    CatalogEntry,
    Cell,
    Claims,
    Column,
    CompareNote,
    CompareSummary,
    Comparison,
    Coverage,
    Document,
    Evidence,
    Finding,
    LineChange,
    Notice,
    Policy,
    PriorCheck,
    Report,
    ReportDocument,
    Row,
    RuleInfo,
    Summary,
    Table,
    TableComparison,
    __version__,
    check,
    check_many,
    claims,
    compare,
    layouts,
    parse,
    rules,
    templates,
)
from yusuan.exceptions import (
    EmptyInputError,
    InputTooLargeError,
    InternalError,
    InvalidCatalogError,
    InvalidLayoutError,
    InvalidOptionError,
    InvalidTemplateError,
    InvalidUtf8Error,
    NotADisclosureError,
    NotAPdfError,
    NotTextError,
    PdfDamagedError,
    PdfDecompressionBombError,
    PdfEncryptedError,
    PdfNoTextError,
    PdfTooLargeError,
    PdfUnsupportedError,
    TruncatedTableError,
    YusuanError,
)

if TYPE_CHECKING:
    from typing import Any


def read(
    path: str | os.PathLike[str],
    /,
    *,
    template: str | dict[str, Any] | os.PathLike[str] | None = None,
    layout: str | None = None,
    narrative_only: bool = False,
) -> Document:
    """Reads a disclosure file (UTF-8 text) and parses it into a `Document`.

    The bytes go to the parser as they are, so invalid UTF-8 raises `InvalidUtf8Error` with the
    byte offset. A file that cannot be opened raises `OSError` as `open` does; `template`
    (`layout`, its old name) and `narrative_only` are as in `yusuan.parse`, which takes a path
    too.

    Example:

    >>> yusuan.read(path).year
    2025
    """
    with open(path, "rb") as f:
        data = f.read()
    return parse(data, template=template, layout=layout, narrative_only=narrative_only)


__all__ = [
    "CatalogEntry",
    "Cell",
    "Claims",
    "Column",
    "CompareNote",
    "CompareSummary",
    "Comparison",
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
    "InvalidTemplateError",
    "InvalidUtf8Error",
    "LineChange",
    "Notice",
    "NotADisclosureError",
    "NotAPdfError",
    "NotTextError",
    "PdfDamagedError",
    "PdfDecompressionBombError",
    "PdfEncryptedError",
    "PdfNoTextError",
    "PdfTooLargeError",
    "PdfUnsupportedError",
    "Policy",
    "PriorCheck",
    "Report",
    "ReportDocument",
    "Row",
    "RuleInfo",
    "Summary",
    "Table",
    "TableComparison",
    "TruncatedTableError",
    "YusuanError",
    "__version__",
    "catalog",
    "check",
    "check_many",
    "claims",
    "compare",
    "exceptions",
    "layouts",
    "parse",
    "read",
    "rules",
    "templates",
]
