"""The damaged-PDF catalogue of tests/pdf_damaged (also run from Rust, core/tests/pdf_damaged.rs):
every damaged or unusual PDF, given to `yusuan.read` as bytes, either raises the exception class
of its stable code with the stated message and fields, or is read (repaired where it says so).
Nothing else may escape, and no case may hang (a watchdog thread: the GIL is released while the
core reads).

The manifest's format is described in tests/pdf_damaged/README.md.
"""

from __future__ import annotations

import json
import threading
from typing import Any

import pytest
from conftest import PDF_DAMAGED

import yusuan
from yusuan.exceptions import ERRORS

CASES: list[dict[str, Any]] = json.loads(
    (PDF_DAMAGED / "cases.json").read_text(encoding="utf-8")
)
#: A case that does not end within this many seconds hangs (a watchdog, not a timing).
WATCHDOG = 60.0


def input_bytes(case: dict[str, Any]) -> bytes:
    """A case's bytes: its file, or `generate` (`prefix`, then `repeat` `count` times)."""
    if "input" in case:
        return (PDF_DAMAGED / case["input"]).read_bytes()
    g = case["generate"]
    return (g.get("prefix", "") + g["repeat"] * g["count"]).encode("utf-8")


def is_pdf(data: bytes) -> bool:
    """As the core tells a PDF from text: `%PDF-` within the first 1,024 bytes."""
    return b"%PDF-" in data[:1024]


def read(data: bytes) -> yusuan.Document | yusuan.YusuanError:
    """`yusuan.read(data)` on a thread of its own: the document, or the error it raised."""
    out: list[yusuan.Document | BaseException] = []

    def work() -> None:
        try:
            out.append(yusuan.read(data))
        except BaseException as e:  # what escapes is what the test looks at
            out.append(e)

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    worker.join(WATCHDOG)
    assert out, f"no result within {WATCHDOG:.0f} s (a hang)"
    (got,) = out
    if isinstance(got, (yusuan.Document, yusuan.YusuanError)):
        return got
    raise AssertionError(f"neither a document nor a YusuanError: {got!r}") from got


def subset(want: Any, got: Any) -> bool:
    """Every key of `want` is in `got` with an equal value (recursively for dicts)."""
    if isinstance(want, dict) and isinstance(got, dict):
        return all(subset(v, got.get(k)) for k, v in want.items())
    return bool(want == got)


def test_catalogue() -> None:
    assert len(CASES) >= 25, len(CASES)
    names = [c["name"] for c in CASES]
    assert len(set(names)) == len(names)
    assert all(c.get("user_sees") and "expect" in c for c in CASES)
    assert any(c["expect"].get("error") for c in CASES) and any("tables" in c["expect"] for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_damaged_pdf(case: dict[str, Any]) -> None:
    data = input_bytes(case)
    if case.get("entry") == "pdf" and not is_pdf(data):
        # Python has no entry that takes any bytes for a PDF: read() takes these for text. The
        # catalogue must say what read() makes of the same input, and that is what it must make.
        twin = next(
            (c for c in CASES
             if c.get("input") == case.get("input") and c.get("entry", "read") == "read"),
            None,
        )
        assert twin is not None, f"no `read` case with the input of {case['name']}"
        case = twin
    # (a case with `entry: pdf` whose bytes start with %PDF- goes to the PDF source through read)
    expect = case["expect"]
    got = read(data)
    if "error" in expect:
        code = expect["error"]
        assert isinstance(got, yusuan.YusuanError), f"expected error {code}, read {got!r}"
        assert type(got) is ERRORS[code] and got.code == code, repr(got)
        details = got.details or {}
        for key, value in expect.items():
            if key == "message_contains":
                assert value in str(got), (value, str(got))
            elif key != "error":
                assert subset(value, details.get(key)), (key, value, details)
        return
    assert isinstance(got, yusuan.Document), f"expected the input to be read, got {got!r}"
    if "tables" in expect:
        assert len(got.tables) == expect["tables"]
    notices = [n.to_dict() for n in got.notices]
    for want in expect.get("notices", []):
        assert any(subset(want, n) for n in notices), f"nothing matches {want} in {notices}"
    if expect.get("no_notice"):
        assert not notices, notices
    # what was read is checked too (a report, never an exception)
    assert yusuan.check(got).schema == "yusuan.report/1"


def test_read_takes_a_path_of_a_pdf_too() -> None:
    # the same damaged files through a path (read by the core's worker, without the GIL)
    for name in ("shifted_xref", "encrypted"):
        case = next(c for c in CASES if c["name"] == name)
        path = PDF_DAMAGED / case["input"]
        by_bytes = read(path.read_bytes())
        if isinstance(by_bytes, yusuan.Document):
            assert yusuan.read(path) == by_bytes
        else:
            with pytest.raises(type(by_bytes)):
                yusuan.read(str(path))
