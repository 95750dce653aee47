"""The shared golden cases of tests/golden: the Python report must be, byte for byte, the JSON
`yusuan check --format json` prints (stored next to the cases), or the case's error must raise
as the exception class of its code. The same cases run from Rust (core/tests/golden.rs) and
JavaScript."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import GOLDEN, golden_cases

import yusuan
from yusuan.exceptions import ERRORS

CASES = golden_cases()


def test_manifest_is_complete() -> None:
    assert len(CASES) >= 8
    assert all(("report" in c) != ("error" in c) for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_golden_case(case: dict[str, Any]) -> None:
    path = GOLDEN / case["input"]
    data = path.read_bytes()
    if "report" in case:
        want = (GOLDEN / case["report"]).read_text(encoding="utf-8")
        # bytes, str, a file and a parsed document all give the CLI's JSON
        assert yusuan.check(data).to_json() == want
        assert yusuan.check(data.decode("utf-8")).to_json() == want
        assert yusuan.check(yusuan.read(path)).to_json() == want
        # and the JSON reads back into an equal report
        report = yusuan.check(data)
        assert yusuan.Report.from_json(want) == report
        assert report.summary.error == sum(f.is_error for f in report.findings)
    else:
        code = case["error"]
        with pytest.raises(ERRORS[code]) as info:
            yusuan.check(data)
        assert info.value.code == code
        with pytest.raises(ERRORS[code]):
            yusuan.read(path)


def test_check_many_equals_one_by_one() -> None:
    inputs = [(GOLDEN / c["input"]).read_bytes() for c in CASES]
    results = yusuan.check_many(inputs, return_exceptions=True)
    assert len(results) == len(CASES)
    for case, result in zip(CASES, results):
        if "report" in case:
            assert isinstance(result, yusuan.Report), case["name"]
            assert result.to_json() == (GOLDEN / case["report"]).read_text(encoding="utf-8")
        else:
            assert isinstance(result, ERRORS[case["error"]]), case["name"]
            assert result.code == case["error"]
