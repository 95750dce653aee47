"""`yusuan.catalog` (the classification codes) and `yusuan.rules()` (the rule catalogue)."""

from __future__ import annotations

import json

import pytest
from conftest import GOLDEN

import yusuan


def test_lookup() -> None:
    entry = yusuan.catalog.lookup("2080505")
    assert entry is not None
    assert (entry.code, entry.name, entry.domain, entry.level, entry.parent) == (
        "2080505",
        "机关事业单位基本养老保险缴费支出",
        "functional",
        "item",
        "20805",
    )
    assert entry.verified is True
    assert isinstance(entry.edition_year, int)
    assert set(entry.provenance) == {"basis", "recall", "evidence"}
    assert entry.to_dict()["code"] == "2080505"
    assert yusuan.catalog.lookup(" 2080505 ") == entry
    assert repr(entry) == "<CatalogEntry 2080505 机关事业单位基本养老保险缴费支出 (functional, item)>"


@pytest.mark.parametrize("code", ["", "2O1", "9999999", "abc"])
def test_unknown_codes_are_none(code: str) -> None:
    assert yusuan.catalog.lookup(code) is None


def test_levels_and_domains() -> None:
    assert [yusuan.catalog.lookup(c).level for c in ("201", "20103", "2010302")] == [  # type: ignore[union-attr]
        "class",
        "section",
        "item",
    ]
    econ = yusuan.catalog.lookup("30113")
    assert econ is not None and econ.domain == "economic_dept"


def test_children() -> None:
    kids = yusuan.catalog.children("20805")
    assert kids and all(k.parent == "20805" and k.level == "item" for k in kids)
    assert "2080505" in [k.code for k in kids]
    assert yusuan.catalog.children("2080505") == []


def test_rules() -> None:
    rules = yusuan.rules()
    ids = [r.id for r in rules]
    assert len(ids) == len(set(ids)) > 20
    assert {r.kind for r in rules} == {"hard", "conditional", "soft"}
    assert {r.severity for r in rules} == {"error", "warning", "hint"}
    assert all(r.severity == "hint" for r in rules if r.kind == "soft" and r.id != "P-03")
    rule = next(r for r in rules if r.id == "W-02-3")
    assert rule.title and rule.title_en and rule.tables == ["T02"]
    conditional = [r for r in rules if r.kind == "conditional"]
    assert conditional and any(r.condition for r in conditional)
    d = rule.to_dict()
    assert d["id"] == "W-02-3" and d["kind"] == "hard" and d["severity"] == "error"
    assert repr(rule).startswith("<RuleInfo W-02-3 hard: ")


def test_every_rule_in_the_golden_reports_is_listed() -> None:
    ids = {r.id for r in yusuan.rules()}
    for path in GOLDEN.glob("seed*.json"):
        for f in json.loads(path.read_text(encoding="utf-8"))["findings"]:
            assert f["rule"] in ids, (path.name, f["rule"])
