"""yusuan (预算): read Chinese government budget disclosures and cross-check them.

Reads 部门/单位预算 and 决算公开 disclosures (the PDF itself, or text with tab-separated tables as
extracted from it; a path, `bytes` or a `str`) into a typed model and checks them with exact
decimals: classification codes, table sums, cross-table identities, the narrative's claims. The
evidence of a finding in a PDF says on which page, and where on it, the cell is printed. A sum that does not add up is a *finding* in a
`Report`; only input that cannot be read raises (a subclass of `YusuanError`, itself a
`ValueError`). `compare` sets two years of one body side by side, `claims` lists what the
narrative (情况说明) states.

Example:

>>> import yusuan, pathlib
>>> report = yusuan.check(pathlib.Path(path).read_text(encoding="utf-8"))
>>> report.summary
Summary(error=0, warning=..., hint=..., passed=..., not_applicable=..., insufficient_data=...)
>>> pdf = yusuan.check(pathlib.Path(pdf_path), include_passes=True)  # a PDF: the same checks
>>> e = next(f for f in pdf.findings if f.rule == "W-05-1").evidence[0]
>>> e.text, e.line, e.bbox  # the cell, and where it is printed on its page (in points)
('300.00', 7, (Decimal('222.0'), Decimal('140.0'), Decimal('272.0'), Decimal('154.0')))
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
    source: str | bytes | os.PathLike[str],
    /,
    *,
    template: str | dict[str, Any] | os.PathLike[str] | None = None,
    layout: str | None = None,
    narrative_only: bool = False,
) -> Document:
    """Reads a disclosure, a PDF or text, into a `Document` (as `yusuan.parse` does).

    `source` is a file (a `pathlib.Path`, or a one-line `str` naming a file), its `bytes`, or
    the text. Bytes that start with `%PDF-` are read as a PDF (its tables, its text, the page of
    every cell); other bytes are text: UTF-8, UTF-16 with a BOM or GB18030 (detected, with a
    notice), anything else `InvalidUtf8Error` with the byte offset. A PDF that cannot be read
    raises the error of its trouble (`PdfEncryptedError`, `PdfNoTextError`, `PdfDamagedError`,
    …); a file that cannot be opened raises `OSError` (`FileNotFoundError`, …) naming it.
    `template` (`layout`, its old name) and `narrative_only` are as in `yusuan.parse`.

    Example:

    >>> yusuan.read(path).year
    2025
    >>> from pathlib import Path
    >>> doc = yusuan.read(Path(pdf_path))
    >>> doc.template, [t.key for t in doc.tables], doc.table("T05").rows[0].cells[0].value
    ('national-12', ['T05'], Decimal('300.00'))
    >>> yusuan.read(Path(pdf_path).read_bytes()) == yusuan.read(pdf_path) == doc
    True
    >>> yusuan.read(b"%PDF-1.7")
    Traceback (most recent call last):
    ...
    yusuan.PdfDamagedError: the PDF is damaged and could not be repaired: the file is truncated ...
    """
    return parse(source, template=template, layout=layout, narrative_only=narrative_only)


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
