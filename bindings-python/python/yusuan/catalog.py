"""The 政府收支分类科目: the classification of government revenue and expenditure codes.

The built-in catalog (functional 类/款/项, the 部门 and 政府 economic classifications and the
revenue codes), with a verified flag and provenance per row.

Example:

>>> entry = yusuan.catalog.lookup("2080505")
>>> entry.code, entry.domain, entry.verified
('2080505', 'functional', True)
>>> [e.code for e in yusuan.catalog.children("20805")][:3]
['2080501', '2080502', '2080503']
"""

from __future__ import annotations

from yusuan._yusuan import CatalogEntry, catalog_children, catalog_lookup


def lookup(code: str, /) -> CatalogEntry | None:
    """The entry for a classification code (`"201"`, `"2010302"`, `"30113"`), or None."""
    return catalog_lookup(code)


def children(code: str, /) -> list[CatalogEntry]:
    """The entries one level below a code (the 款 of a 类, the 项 of a 款)."""
    return catalog_children(code)


__all__ = ["CatalogEntry", "children", "lookup"]
