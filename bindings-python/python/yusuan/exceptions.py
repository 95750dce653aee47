"""The exceptions yusuan raises for input it cannot read.

`YusuanError` is the base class (a `ValueError`, so `except ValueError` catches it too); each
error code of the core has a subclass of its own. Every exception carries `code` (the stable
snake_case code, also a class attribute), `line` and `table` (where the error points, or None)
and `details` (every field of the error as a dict). `InvalidLayoutError` is the old name of
`InvalidTemplateError`.

Example:

>>> try:
...     yusuan.parse("Dear reader,\\nthis is a letter.\\n")
... except yusuan.YusuanError as e:
...     print(type(e).__name__, e.code)
NotADisclosureError not_a_disclosure
"""

from __future__ import annotations

from yusuan._yusuan import (
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

#: The exception class of every error code.
ERRORS: dict[str, type[YusuanError]] = {
    cls.code: cls
    for cls in (
        EmptyInputError,
        InvalidUtf8Error,
        NotTextError,
        InputTooLargeError,
        NotADisclosureError,
        TruncatedTableError,
        InvalidCatalogError,
        InvalidTemplateError,
        InvalidOptionError,
        NotAPdfError,
        PdfUnsupportedError,
        PdfEncryptedError,
        PdfDamagedError,
        PdfNoTextError,
        PdfTooLargeError,
        PdfDecompressionBombError,
        InternalError,
    )
}

__all__ = [
    "ERRORS",
    "EmptyInputError",
    "InputTooLargeError",
    "InternalError",
    "InvalidCatalogError",
    "InvalidLayoutError",
    "InvalidOptionError",
    "InvalidTemplateError",
    "InvalidUtf8Error",
    "NotADisclosureError",
    "NotAPdfError",
    "NotTextError",
    "PdfDamagedError",
    "PdfDecompressionBombError",
    "PdfEncryptedError",
    "PdfNoTextError",
    "PdfTooLargeError",
    "PdfUnsupportedError",
    "TruncatedTableError",
    "YusuanError",
]
