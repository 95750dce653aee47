"""`yusuan.check`: sources, policy, passes. A sum that does not add up is a finding, never an
exception."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import GOLDEN, PUTUO_PATH, require_shared, run_cli

import yusuan


def test_text_bytes_and_document_agree(
    seed_text: str, seed_bytes: bytes, seed_doc: yusuan.Document
) -> None:
    report = yusuan.check(seed_doc)
    assert yusuan.check(seed_text) == report
    assert yusuan.check(seed_bytes) == report


def test_seed_has_no_errors(seed_report: yusuan.Report) -> None:
    s = seed_report.summary
    assert s.error == 0 and s.hint > 0
    # the warnings are about the narrative and the performance targets, not the tables: a
    # vehicle category with no number (N-10) and two rates to maximise capped at ≤95% (P-03)
    warnings = [(f.rule, f.table) for f in seed_report.findings if f.outcome == "fail"]
    assert sorted(warnings) == [("N-10", "narrative"), ("P-03", "performance"), ("P-03", "performance")]
    assert s.warning == len(warnings)
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
    assert p.strict_zero_base is False
    assert p.to_dict() == {
        "soft_rules": True,
        "skip_rules": [],
        "envelope_factor": "1",
        "code_whitelist": [],
        "strict_zero_base": False,
    }
    assert repr(p) == (
        "Policy(soft_rules=True, skip_rules=[], envelope_factor=Decimal('1'), code_whitelist=[], "
        "strict_zero_base=False)"
    )


def test_policy_fields_round_trip() -> None:
    p = yusuan.Policy(
        soft_rules=False,
        skip_rules=["X-12"],
        envelope_factor=Decimal("0.5"),
        code_whitelist=["2019999"],
        strict_zero_base=True,
    )
    assert (p.soft_rules, p.skip_rules, p.envelope_factor, p.code_whitelist, p.strict_zero_base) == (
        False,
        ["X-12"],
        Decimal("0.5"),
        ["2019999"],
        True,
    )
    assert p.to_dict()["strict_zero_base"] is True
    assert repr(p).endswith("code_whitelist=['2019999'], strict_zero_base=True)")
    assert p == yusuan.Policy(
        soft_rules=False,
        skip_rules=["X-12"],
        envelope_factor=Decimal("0.5"),
        code_whitelist=["2019999"],
        strict_zero_base=True,
    )
    assert p != yusuan.Policy(
        soft_rules=False,
        skip_rules=["X-12"],
        envelope_factor=Decimal("0.5"),
        code_whitelist=["2019999"],
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


def narrative_findings(report: yusuan.Report, rule: str) -> list[yusuan.Finding]:
    return [f for f in report.findings if f.rule == rule and f.outcome in ("fail", "hint")]


def test_narrative_only_checks_the_claims_against_themselves() -> None:
    require_shared()
    data = PUTUO_PATH.read_bytes()
    report = yusuan.check(data, narrative_only=True)
    assert report.document.layout == "narrative"
    assert report.coverage.tables_found == []
    v03 = narrative_findings(report, "V-03")
    assert [(f.outcome, f.severity, f.actual, f.expected, f.unit) for f in v03] == [
        ("fail", "error", Decimal("314.82"), Decimal("289.12"), "%"),
        ("fail", "error", Decimal("60.54"), Decimal("66.40"), "%"),
    ]
    # a recomputed percentage's difference is in percentage points
    assert [f.difference for f in v03] == [Decimal("25.70"), Decimal("-5.86")]
    assert [e.line for e in v03[0].evidence] == [78, 77, 78]
    v04 = narrative_findings(report, "V-04")
    assert [(f.outcome, f.severity, f.evidence[0].line) for f in v04] == [
        ("hint", "info", 76),
        ("hint", "info", 114),
    ]
    assert all("100.00%" in f.message for f in v04)
    # str, bytes and check_many agree
    assert yusuan.check(data.decode("utf-8"), narrative_only=True) == report
    assert yusuan.check_many([data], narrative_only=True) == [report]
    assert yusuan.check(yusuan.parse(data, narrative_only=True)) == report
    # and the whole document is read differently
    assert yusuan.check(data).document.layout == "shanghai-9"


def test_strict_zero_base_makes_v04_an_error() -> None:
    require_shared()
    data = PUTUO_PATH.read_bytes()
    base = yusuan.check(data, narrative_only=True)
    strict = yusuan.check(
        data, narrative_only=True, policy=yusuan.Policy(strict_zero_base=True)
    )
    v04 = narrative_findings(strict, "V-04")
    assert [(f.outcome, f.severity, f.is_error) for f in v04] == [("fail", "error", True)] * 2
    assert strict.summary.error == base.summary.error + 2
    assert strict.summary.hint == base.summary.hint - 2


@pytest.mark.parametrize("strict", [False, True])
def test_narrative_only_report_is_the_cli_report(strict: bool) -> None:
    require_shared()
    flags = ["--strict-zero-base"] if strict else []
    want = run_cli("check", "--narrative-only", "--format", "json", *flags, PUTUO_PATH)
    policy = yusuan.Policy(strict_zero_base=strict)
    assert yusuan.check(PUTUO_PATH.read_bytes(), narrative_only=True, policy=policy).to_json() == want


def test_narrative_only_needs_text(seed_doc: yusuan.Document) -> None:
    with pytest.raises(ValueError, match=r"`narrative_only=True` needs text or bytes: `source`"):
        yusuan.check(seed_doc, narrative_only=True)
    with pytest.raises(ValueError, match=r"`sources\[1\]` is a Document"):
        yusuan.check_many(["x", seed_doc], narrative_only=True)
    with pytest.raises(yusuan.InvalidUtf8Error) as info:
        yusuan.check(b"\xe4\xb8\xad\xff", narrative_only=True)
    assert info.value.details == {"code": "invalid_utf8", "offset": 3}
    with pytest.raises(yusuan.EmptyInputError):
        yusuan.check(" \n", narrative_only=True)
