"""`yusuan.claims`: what the narrative (情况说明) states, as plain Python data with every stated
number a `decimal.Decimal`; the JSON is, byte for byte, what `yusuan claims --format json`
prints."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from conftest import PUTUO_PATH, SEED_PATH, require_shared, run_cli

import yusuan

QUANTITY_KINDS = {"money", "percent", "count"}


def quantities(obj: Any) -> list[dict[str, Any]]:
    """Every quantity (a dict with a `kind` of money, percent or count) anywhere in `obj`."""
    found = []
    if isinstance(obj, dict):
        if obj.get("kind") in QUANTITY_KINDS and "value" in obj and "text" in obj:
            found.append(obj)
        for value in obj.values():
            found += quantities(value)
    elif isinstance(obj, list):
        for value in obj:
            found += quantities(value)
    return found


def test_the_san_gong_claim(seed_claims: yusuan.Claims) -> None:
    c = next(c for c in seed_claims.claims if c["line"] == 354)
    assert (c["subject"], c["label"], c["section"]) == ("san_gong", "三公", "san_gong")
    assert c["amount"] == {
        "value": Decimal("226.6"),
        "kind": "money",
        "unit": "万元",
        "text": "226.6万元",
        "line": 354,
    }
    change = c["change"]
    assert (change["direction"], change["word"]) == ("increase", "增加")
    assert change["amount"]["value"] == Decimal("56") and change["amount"]["unit"] == "万元"
    assert change["percent"]["value"] == Decimal("32.83") and change["percent"]["kind"] == "percent"
    assert change["base"] == {"kind": "prior_year", "year": None, "text": "比上年"}
    assert c["reason"]["text"].startswith("实际工作需要")
    assert "226.6万元" in c["sentence"]


def test_json_is_the_cli_json(seed_claims: yusuan.Claims, seed_text: str) -> None:
    want = run_cli("claims", SEED_PATH, "--format", "json")
    assert seed_claims.to_json() == want
    assert yusuan.claims(seed_text).to_json() == want
    assert seed_claims.to_dict() == json.loads(want)
    assert seed_claims.to_text() == run_cli("claims", SEED_PATH)
    assert str(seed_claims) == seed_claims.to_text()


def test_json_of_another_layout_is_the_cli_json() -> None:
    require_shared()
    want = run_cli("claims", PUTUO_PATH, "--format", "json")
    assert yusuan.claims(PUTUO_PATH.read_bytes()).to_json() == want


def test_every_stated_number_is_a_decimal(seed_claims: yusuan.Claims) -> None:
    require_shared()
    for found in (seed_claims, yusuan.claims(PUTUO_PATH.read_bytes())):
        qs = quantities(found.claims)
        assert len(qs) > 20
        assert all(isinstance(q["value"], Decimal) for q in qs), [
            q for q in qs if not isinstance(q["value"], Decimal)
        ]
        # the JSON form keeps them as decimal strings, exactly as printed
        assert all(isinstance(q["value"], str) for q in quantities(found.to_dict()["claims"]))
        assert [str(q["value"]) for q in qs] == [
            q["value"] for q in quantities(found.to_dict()["claims"])
        ]


def test_parts_reasons_and_residue(seed_claims: yusuan.Claims) -> None:
    vehicles = next(c for c in seed_claims.claims if c["subject"] == "vehicles")
    assert vehicles["count"]["value"] == Decimal("9") and vehicles["count"]["word"] == "辆"
    parts = vehicles["parts"]
    assert parts[0]["subject"] == {"vehicle_category": {"name": "机要通信用车"}}
    assert parts[0]["count"]["value"] == Decimal("4")
    assert [p["subject"]["vehicle_category"]["name"] for p in parts if "count" not in p] == [
        "执法执勤用车"
    ]
    assert seed_claims.reasons == [
        {
            "subject": "income_expenditure_total",
            "reason": {"text": "项目预算增加导致", "line": 350},
            "section": "budget_overview",
        }
    ]
    assert seed_claims.residue == []


def test_functional_subjects_are_dicts() -> None:
    require_shared()
    found = yusuan.claims(PUTUO_PATH.read_bytes())
    item = next(c for c in found.claims if c["line"] == 73)
    assert item["subject"] == {
        "functional": {"class": "一般公共服务支出", "section": "统计信息事务", "item": "统计管理"}
    }
    assert item["prior"]["value"] == Decimal("1.48")
    assert item["change"]["amount"] is None
    assert item["change"]["base"] == {"kind": "prior_actual", "year": 2022, "text": "比2022年预算执行数"}


def test_the_data_is_a_fresh_copy(seed_claims: yusuan.Claims) -> None:
    first = seed_claims.claims
    first[0]["subject"] = "changed"
    assert seed_claims.claims[0]["subject"] == "income_total"


def test_sources(seed_claims: yusuan.Claims, seed_text: str, seed_bytes: bytes) -> None:
    assert yusuan.claims(seed_text) == seed_claims == yusuan.claims(seed_bytes)
    assert len(seed_claims) == len(seed_claims.claims) == 14
    assert repr(seed_claims) == "<Claims: 14 claims, 1 reasons, 0 residue>"


def test_narrative_only(seed_text: str, seed_bytes: bytes, seed_claims: yusuan.Claims) -> None:
    # the seed's narrative read on its own states the same
    alone = yusuan.claims(seed_bytes, narrative_only=True)
    assert [c["line"] for c in alone.claims] == [c["line"] for c in seed_claims.claims]
    assert alone == yusuan.claims(seed_text, narrative_only=True)
    assert alone == yusuan.claims(yusuan.parse(seed_text, narrative_only=True))
    # a narrative that is not a disclosure
    text = "二、“三公”经费\n“三公”经费预算共10万元，比上年增加2万元，增长25%。\n"
    with pytest.raises(yusuan.NotADisclosureError):
        yusuan.claims(text)
    c = yusuan.claims(text, narrative_only=True).claims[0]
    assert (c["subject"], c["amount"]["value"], c["change"]["percent"]["value"]) == (
        "san_gong",
        Decimal("10"),
        Decimal("25"),
    )


def test_residue_of_an_unfilled_template() -> None:
    text = "二、“三公”经费\n“三公”经费预算共10万元，比上年增加（减少）2万元。\n"
    found = yusuan.claims(text, narrative_only=True)
    assert found.residue and all(set(r) == {"text", "line"} for r in found.residue)
    assert "residue" in found.to_text()


def test_bad_input(seed_doc: yusuan.Document) -> None:
    with pytest.raises(yusuan.EmptyInputError):
        yusuan.claims("")
    with pytest.raises(yusuan.EmptyInputError):
        yusuan.claims(b"  \n", narrative_only=True)
    with pytest.raises(yusuan.InvalidUtf8Error) as info:
        yusuan.claims(b"\xe4\xb8", narrative_only=True)
    assert info.value.details == {"code": "invalid_utf8", "offset": 0}
    with pytest.raises(TypeError, match="`source` must be str, bytes or Document"):
        yusuan.claims(3.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"`narrative_only=True` needs text or bytes"):
        yusuan.claims(seed_doc, narrative_only=True)
    with pytest.raises(TypeError):
        yusuan.claims(seed_doc, True)  # type: ignore[misc]
