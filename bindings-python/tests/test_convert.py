"""Amounts are `decimal.Decimal` in and out: a float where an amount is expected is a
`TypeError` naming the parameter; no float comes out anywhere."""

from __future__ import annotations

from decimal import Decimal

import pytest

import yusuan


@pytest.mark.parametrize("value", [0.5, 1.0, float("nan")])
def test_float_is_refused_naming_the_parameter(value: float) -> None:
    with pytest.raises(TypeError, match="`envelope_factor` must be a decimal.Decimal, not float"):
        yusuan.Policy(envelope_factor=value)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["0.5", True, b"1", [1]])
def test_other_types_are_refused(value: object) -> None:
    with pytest.raises(TypeError, match="`envelope_factor` must be a decimal.Decimal or an int"):
        yusuan.Policy(envelope_factor=value)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("Infinity"), Decimal("1e40")])
def test_decimals_the_core_cannot_hold(value: Decimal) -> None:
    with pytest.raises(ValueError, match="`envelope_factor` must be a finite decimal"):
        yusuan.Policy(envelope_factor=value)


@pytest.mark.parametrize(
    ("value", "want"),
    [(Decimal("0.5"), "0.5"), (Decimal("1.50"), "1.50"), (2, "2"), (0, "0"), (Decimal("-0"), "0")],
)
def test_decimal_and_int_are_exact(value: Decimal | int, want: str) -> None:
    got = yusuan.Policy(envelope_factor=value).envelope_factor
    assert isinstance(got, Decimal)
    assert got == Decimal(want)


def test_no_float_comes_out(seed_doc: yusuan.Document, seed_report: yusuan.Report) -> None:
    values = [c.value for t in seed_doc.tables for r in t.rows for c in r.cells]
    assert values and all(v is None or isinstance(v, Decimal) for v in values)
    for f in seed_report.findings:
        for v in (f.expected, f.actual, f.difference):
            assert v is None or isinstance(v, Decimal)
    # dicts: amounts stay decimal strings
    assert seed_doc.table("T05").to_dict()["rows"][0]["cells"][0]["value"]["value"] == "7713.47"


def test_printed_decimals_are_kept(seed_doc: yusuan.Document) -> None:
    cell = seed_doc.table("T05").row("2101101").cells[0]
    assert cell.text == "101.74" and cell.value is not None
    assert cell.value.as_tuple().exponent == -2
