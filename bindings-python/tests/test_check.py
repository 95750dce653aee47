"""`yusuan.check`: sources, policy, passes. A sum that does not add up is a finding, never an
exception."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import GOLDEN

import yusuan


def test_text_bytes_and_document_agree(
    seed_text: str, seed_bytes: bytes, seed_doc: yusuan.Document
) -> None:
    report = yusuan.check(seed_doc)
    assert yusuan.check(seed_text) == report
    assert yusuan.check(seed_bytes) == report


def test_seed_has_rounding_hints_only(seed_report: yusuan.Report) -> None:
    s = seed_report.summary
    assert (s.error, s.warning) == (0, 0)
    assert s.hint > 0
    assert not seed_report.has_errors
    assert all(f.outcome != "pass" for f in seed_report.findings)
    assert seed_report.coverage.rule_instances == (
        s.error + s.warning + s.hint + s.passed + s.not_applicable + s.insufficient_data
    )


def test_include_passes(seed_doc: yusuan.Document, seed_report: yusuan.Report) -> None:
    full = yusuan.check(seed_doc, include_passes=True)
    assert full.summary == seed_report.summary
    passes = [f for f in full.findings if f.outcome == "pass"]
    assert len(passes) == full.summary.passed
    assert len(full.findings) == full.coverage.rule_instances


def test_a_changed_cell_is_an_error_finding() -> None:
    report = yusuan.check((GOLDEN / "inputs" / "seed_t05_cell_plus_one.txt").read_bytes())
    assert report.has_errors
    errors = [f for f in report.findings if f.is_error]
    assert errors and all(f.severity == "error" and f.outcome == "fail" for f in errors)
    t05 = [f for f in errors if f.table == "T05" and f.row == "201"]
    assert t05, [repr(f) for f in errors]
    f = t05[0]
    assert f.expected is not None and f.actual is not None and f.difference is not None
    # the core's difference, read exactly
    assert f.actual - f.expected == f.difference
    assert f.difference == Decimal("1.00")


def test_policy_defaults_are_the_core_defaults() -> None:
    p = yusuan.Policy()
    assert p.soft_rules is True
    assert p.skip_rules == [] and p.code_whitelist == []
    assert p.envelope_factor == Decimal(1) and isinstance(p.envelope_factor, Decimal)
    assert p.to_dict() == {
        "soft_rules": True,
        "skip_rules": [],
        "envelope_factor": "1",
        "code_whitelist": [],
    }
    assert repr(p) == (
        "Policy(soft_rules=True, skip_rules=[], envelope_factor=Decimal('1'), code_whitelist=[])"
    )


def test_policy_changes_the_outcome(seed_doc: yusuan.Document) -> None:
    base = yusuan.check(seed_doc)
    exact = yusuan.check(seed_doc, policy=yusuan.Policy(envelope_factor=Decimal("0")))
    # with no rounding envelope the 0.01 gaps are errors
    assert exact.summary.error > 0 and exact.summary.hint < base.summary.hint
    no_soft = yusuan.check(seed_doc, policy=yusuan.Policy(soft_rules=False))
    soft_ids = {r.id for r in yusuan.rules() if r.kind == "soft"}
    assert not {f.rule for f in no_soft.findings} & soft_ids
    skipped = yusuan.check(seed_doc, policy=yusuan.Policy(skip_rules=["W-01-5"]))
    assert "W-01-5" in {f.rule for f in base.findings}
    assert "W-01-5" not in {f.rule for f in skipped.findings}


def test_policy_must_be_a_policy(seed_doc: yusuan.Document) -> None:
    with pytest.raises(TypeError):
        yusuan.check(seed_doc, policy={"soft_rules": False})  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [None, 7, 2.5, object()])
def test_check_rejects_other_types(bad: object) -> None:
    with pytest.raises(TypeError, match="`source` must be str, bytes or Document"):
        yusuan.check(bad)  # type: ignore[arg-type]


def test_options_are_keyword_only(seed_doc: yusuan.Document) -> None:
    with pytest.raises(TypeError):
        yusuan.check(seed_doc, None)  # type: ignore[misc]
    with pytest.raises(TypeError):
        yusuan.check(source=seed_doc)  # type: ignore[call-arg]
