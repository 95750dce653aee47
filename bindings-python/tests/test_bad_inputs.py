"""The bad-input catalogue of tests/bad_inputs (also run from Rust, core/tests/bad_input_catalogue.rs,
and JavaScript): every malformed input either raises the exception class of the stated error code,
with the stated message and fields, or reads with the stated problems recorded (notices,
unreadable cells, row issues, findings). Nothing else may escape, least of all a panic.

The manifest's format is described in tests/bad_inputs/README.md; this file skips when the
checkout has no catalogue.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import ROOT

import yusuan
from yusuan.exceptions import ERRORS

DIR = ROOT / "tests" / "bad_inputs"
CASES: list[dict[str, Any]] = (
    json.loads((DIR / "cases.json").read_text(encoding="utf-8"))
    if (DIR / "cases.json").is_file()
    else []
)


def input_bytes(case: dict[str, Any]) -> bytes:
    if "input" in case:
        return (DIR / case["input"]).read_bytes()
    g = case["generate"]
    return (g["repeat"] * g["count"]).encode("utf-8")


def subset(want: Any, got: Any) -> bool:
    """Every key of `want` is in `got` with an equal value (recursively for dicts)."""
    if isinstance(want, dict) and isinstance(got, dict):
        return all(subset(v, got.get(k)) for k, v in want.items())
    return bool(want == got)


def test_catalogue_present() -> None:
    if not CASES:
        pytest.skip("no tests/bad_inputs/cases.json in this checkout")
    assert all("expect" in c for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_bad_input(case: dict[str, Any]) -> None:
    # this package is built with the core's `pdf` feature: where a case says what a bytes entry
    # that reads PDFs sees (bytes that start with %PDF- read as a PDF), that is what it must see
    expect = case.get("with_pdf", case["expect"])
    data = input_bytes(case)
    if "error" in expect:
        code = expect["error"]
        with pytest.raises(yusuan.YusuanError) as info:
            yusuan.parse(data)
        err = info.value
        assert type(err) is ERRORS[code] and err.code == code, repr(err)
        fields = {**(err.details or {}), "line": err.line, "table": err.table}
        for key, value in expect.items():
            if key not in ("error", "message_contains"):
                assert fields.get(key) == value, (key, fields)
        assert expect.get("message_contains", "") in str(err)
        return

    doc = yusuan.parse(data)
    report = yusuan.check(doc)
    model = doc.to_dict()
    cells = [
        {"table": t.key, "line": c.line, "kind": c.kind, "text": c.text}
        for t in doc.tables
        for r in t.rows
        for c in r.cells
    ]
    issues = [
        {"table": t.key, "line": r.line, "issue": i["kind"]}
        for t in doc.tables
        for r in t.rows
        for i in r.to_dict().get("issues", [])
    ]
    # the checks a finding for one cause stands for are reported instances too
    findings = [g for f in report.to_dict()["findings"] for g in [f, *f.get("related", [])]]
    lists = {"notices": model.get("notices", []), "cells": cells, "rows": issues,
             "findings": findings}
    for key, actual in lists.items():
        for want in expect.get(key, []):
            assert any(subset(want, a) for a in actual), f"{key}: nothing matches {want}"
    if "document" in expect:
        assert subset(expect["document"], model)
    if expect.get("clean"):
        assert not lists["notices"]
        assert not [c for c in cells if c["kind"] == "unreadable"]
        assert not issues
        assert not [f for f in report.findings if f.is_error]
