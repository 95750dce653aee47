"""Every result object pickles (multiprocessing, Dask and Spark workers) and compares equal
after the round trip."""

from __future__ import annotations

import copy
import json
import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import pytest
from conftest import MISMATCH_PATH

import yusuan


def every_kind_of_object(
    doc: yusuan.Document, report: yusuan.Report, earlier: yusuan.Document
) -> list[Any]:
    t05 = doc.table("T05")
    finding = report.findings[0]
    data = json.loads(doc.to_json())
    data["notices"] = [{"code": "duplicate_section", "message": "read once", "line": 3, "page": 1}]
    noticed = yusuan.Document.from_json(json.dumps(data))
    cmp = yusuan.compare(doc, earlier)  # in the wrong order: a note says so
    mismatch = next(c for c in cmp.prior_checks if c.outcome == "fail")
    return [
        doc,
        t05,
        t05.columns[0],
        t05.row("2080505"),
        t05.row("2080505").cells[0],
        report,
        finding,
        finding.evidence[0],
        report.summary,
        report.coverage,
        report.document,
        yusuan.Policy(skip_rules=["X-12"], code_whitelist=["2019999"], strict_zero_base=True),
        yusuan.rules()[0],
        yusuan.catalog.lookup("2080505"),
        cmp,
        cmp.summary,
        cmp.notes[0],
        mismatch,
        cmp.table("T05"),
        cmp.table("T05").line("2080506", "total"),
        yusuan.claims(doc),
        noticed.notices[0],
    ]


def test_every_class_is_covered(
    seed_doc: yusuan.Document, seed_report: yusuan.Report, mismatch_doc: yusuan.Document
) -> None:
    classes = {type(o) for o in every_kind_of_object(seed_doc, seed_report, mismatch_doc)}
    public = {
        getattr(yusuan, name)
        for name in yusuan.__all__
        if isinstance(getattr(yusuan, name), type)
        and not issubclass(getattr(yusuan, name), BaseException)
    }
    assert classes == public


@pytest.mark.parametrize("protocol", range(2, pickle.HIGHEST_PROTOCOL + 1))
def test_round_trip(
    protocol: int,
    seed_doc: yusuan.Document,
    seed_report: yusuan.Report,
    mismatch_doc: yusuan.Document,
) -> None:
    for obj in every_kind_of_object(seed_doc, seed_report, mismatch_doc):
        again = pickle.loads(pickle.dumps(obj, protocol=protocol))
        assert type(again) is type(obj)
        assert again == obj, type(obj).__name__
        assert repr(again) == repr(obj)


def test_copy(seed_report: yusuan.Report) -> None:
    assert copy.deepcopy(seed_report) == seed_report
    assert copy.copy(seed_report.summary) == seed_report.summary


def test_unknown_pickle_data_is_refused() -> None:
    from yusuan import _yusuan

    with pytest.raises(ValueError, match="not a yusuan class"):
        _yusuan._restore("Builtins", "{}")
    with pytest.raises(ValueError, match="no rule `Z-99`"):
        _yusuan._restore("RuleInfo", '"Z-99"')


def test_reports_come_back_from_worker_processes(
    seed_bytes: bytes, mismatch_cmp: yusuan.Comparison
) -> None:
    want = yusuan.check(seed_bytes)
    earlier = MISMATCH_PATH.read_bytes()
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
        reports = list(pool.map(yusuan.check, [seed_bytes] * 4))
        docs = list(pool.map(yusuan.parse, [seed_bytes] * 2))
        comparisons = list(pool.map(yusuan.compare, [earlier] * 2, [seed_bytes] * 2))
        claims = list(pool.map(yusuan.claims, [seed_bytes]))
    assert reports == [want] * 4
    assert docs == [yusuan.parse(seed_bytes)] * 2
    assert comparisons == [mismatch_cmp] * 2
    assert claims == [yusuan.claims(seed_bytes)]
