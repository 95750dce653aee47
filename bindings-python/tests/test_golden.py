"""The shared golden cases of tests/golden: the Python report must be, byte for byte, the JSON
`yusuan check --format json` prints (stored next to the cases), or the case's error must raise
as the exception class of its code. The same cases run from Rust (core/tests/golden.rs) and
JavaScript."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from conftest import GOLDEN, golden_cases, run_cli

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
    if case.get("pdf"):
        # a PDF: its bytes, its path (pathlib.Path or str) and the document read from it all give
        # the JSON the CLI prints for it, with the page and box of every cell
        assert data.startswith(b"%PDF-")
        want = (GOLDEN / case["report"]).read_text(encoding="utf-8")
        report = yusuan.check(path)
        assert report.to_json() == want
        assert run_cli("check", "--format", "json", path) == want
        assert yusuan.check(data).to_json() == want
        assert yusuan.check(str(path)).to_json() == want
        assert yusuan.check(yusuan.read(path)).to_json() == want
        assert yusuan.Report.from_json(want) == report
        evidence = [e for f in report.findings for e in f.evidence]
        assert evidence and all(isinstance(e.page, int) for e in evidence)
        # table cells have a box, as the JSON writes it: four Decimals, never floats
        boxes = [e.bbox for e in evidence if e.bbox is not None]
        assert boxes and all(len(b) == 4 and all(type(x) is Decimal for x in b) for b in boxes)
        json_boxes = [e.get("bbox") for f in report.to_dict()["findings"] for e in f["evidence"]]
        assert [e.bbox for e in evidence] == [tuple(b) if b else None for b in json_boxes]
        return
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


@pytest.mark.parametrize("as_path", [False, True], ids=["bytes", "paths"])
def test_check_many_equals_one_by_one(as_path: bool) -> None:
    # paths are read by the workers themselves (PDFs too)
    paths = [GOLDEN / c["input"] for c in CASES]
    inputs = paths if as_path else [p.read_bytes() for p in paths]
    results = yusuan.check_many(inputs, return_exceptions=True)
    assert len(results) == len(CASES)
    for case, result in zip(CASES, results):
        if "report" in case:
            assert isinstance(result, yusuan.Report), case["name"]
            assert result.to_json() == (GOLDEN / case["report"]).read_text(encoding="utf-8")
        else:
            assert isinstance(result, ERRORS[case["error"]]), case["name"]
            assert result.code == case["error"]
