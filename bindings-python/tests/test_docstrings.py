"""Runs the examples in the docstrings (`>>>`) of every public object, its methods and
properties, and the package's modules: the documentation is executed, so it cannot drift.

Every example sees `yusuan`, `text` (the seed disclosure), `path` (its file), `golden_dir` and
`compare_dir` (tests/compare: the fabricated 2024 documents to compare the seed with) and
`pdf_path` (a one-table disclosure as a PDF, tests/pdf_damaged/inputs/valid.pdf).
"""

from __future__ import annotations

import doctest
import inspect
from types import ModuleType
from typing import Any

import pytest
from conftest import COMPARE, GOLDEN, PDF_PATH, SEED_PATH

import yusuan


def docstrings() -> list[tuple[str, str]]:
    found: dict[str, str] = {}

    def add(name: str, obj: Any) -> None:
        doc = getattr(obj, "__doc__", None)
        if isinstance(doc, str) and ">>>" in doc:
            found.setdefault(name, inspect.cleandoc(doc))

    modules: list[tuple[str, ModuleType]] = [
        ("yusuan", yusuan),
        ("yusuan.catalog", yusuan.catalog),
        ("yusuan.exceptions", yusuan.exceptions),
    ]
    for mod_name, module in modules:
        add(mod_name, module)
        for name in getattr(module, "__all__", []):
            obj = getattr(module, name)
            if isinstance(obj, ModuleType):
                continue
            add(f"{mod_name}.{name}", obj)
            if isinstance(obj, type):
                for member, value in vars(obj).items():
                    add(f"{mod_name}.{name}.{member}", value)
    return sorted(found.items())


DOCSTRINGS = docstrings()


def test_there_are_examples() -> None:
    names = {n for n, _ in DOCSTRINGS}
    assert len(DOCSTRINGS) >= 12, names
    for must in ("yusuan", "yusuan.parse", "yusuan.check", "yusuan.check_many", "yusuan.Report",
                 "yusuan.compare", "yusuan.Comparison", "yusuan.claims", "yusuan.Claims"):
        assert must in names


@pytest.mark.parametrize(("name", "doc"), DOCSTRINGS, ids=[n for n, _ in DOCSTRINGS])
def test_docstring_examples(name: str, doc: str) -> None:
    globs = {"yusuan": yusuan, "text": SEED_PATH.read_text(encoding="utf-8"),
             "path": str(SEED_PATH), "golden_dir": GOLDEN, "compare_dir": COMPARE,
             "pdf_path": str(PDF_PATH)}
    test = doctest.DocTestParser().get_doctest(doc, globs, name, None, 0)
    assert test.examples, name
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    out: list[str] = []
    result = runner.run(test, out=out.append)
    assert result.failed == 0, "".join(out)
