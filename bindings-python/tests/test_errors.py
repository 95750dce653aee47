"""The exception hierarchy, and the bad-input cases of the core (core/tests/bad_input.rs): each
raises its own `YusuanError` subclass with `.code`, `.line` and `.table`; no panic reaches
Python (a `PanicException` is a `BaseException` that `except Exception` would miss)."""

from __future__ import annotations

import pickle
import random

import pytest

import yusuan
from yusuan import _yusuan
from yusuan.exceptions import ERRORS


def test_base_is_a_valueerror() -> None:
    assert issubclass(yusuan.YusuanError, ValueError)
    with pytest.raises(ValueError):
        yusuan.parse("")


def test_every_core_code_has_its_own_class() -> None:
    # A new core error variant must get a class here (src/errors.rs) before this passes.
    codes = _yusuan._error_codes()
    assert len(codes) == len(set(codes)) >= 9
    for code in codes:
        cls = ERRORS.get(code)
        assert cls is not None, f"core error code `{code}` has no exception class"
        assert cls is not yusuan.YusuanError and issubclass(cls, yusuan.YusuanError)
        assert cls.code == code
        assert getattr(yusuan, cls.__name__) is cls
        assert cls.__module__ == "yusuan"
    assert set(ERRORS) == {*codes, "internal_error"}
    assert len(set(ERRORS.values())) == len(ERRORS)


def test_exported_from_package_and_exceptions_module() -> None:
    for cls in ERRORS.values():
        assert cls.__name__ in yusuan.__all__
        assert cls.__name__ in yusuan.exceptions.__all__


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t\n"])
def test_empty_input(text: str) -> None:
    with pytest.raises(yusuan.EmptyInputError) as info:
        yusuan.parse(text)
    e = info.value
    assert (e.code, e.line, e.table, str(e)) == ("empty_input", None, None, "the input is empty")
    assert e.details == {"code": "empty_input"}


def junk_bytes(n: int = 4096) -> bytes:
    # the same xorshift sequence as core/tests/bad_input.rs
    x = 0x12345678
    out = bytearray()
    for _ in range(n):
        x ^= (x << 13) & 0xFFFFFFFF
        x ^= x >> 17
        x ^= (x << 5) & 0xFFFFFFFF
        out.append(x >> 24)
    return bytes(out)


def test_binary_junk() -> None:
    data = junk_bytes()
    with pytest.raises(yusuan.InvalidUtf8Error) as info:
        yusuan.parse(data)
    assert info.value.details is not None and info.value.details["offset"] < 4096
    # valid UTF-8 made of control characters
    with pytest.raises(yusuan.NotTextError) as info2:
        yusuan.parse("".join(chr(b & 0x1F) for b in data))
    assert info2.value.line is not None


def test_nul_byte_points_at_its_line(seed_lines: list[str]) -> None:
    lines = list(seed_lines)
    lines[199] += "\x00"
    with pytest.raises(yusuan.NotTextError) as info:
        yusuan.parse("\n".join(lines))
    assert (info.value.code, info.value.line) == ("not_text", 200)


@pytest.mark.parametrize(
    "text", ["Dear reader,\nthis is a letter.\n", "收支总体情况表\n这是一段话。\n"]
)
def test_not_a_disclosure(text: str) -> None:
    with pytest.raises(yusuan.NotADisclosureError) as info:
        yusuan.check(text)
    assert info.value.code == "not_a_disclosure"


def test_table_cut_in_the_middle(seed_lines: list[str]) -> None:
    text = "\n".join(seed_lines[:329]) + "\n\t\t02\t一般行政管理事务\t2,930.84\t2,9"
    with pytest.raises(yusuan.TruncatedTableError) as info:
        yusuan.parse(text)
    e = info.value
    assert (e.code, e.table, e.line) == ("truncated_table", "T12", 330)
    assert "政府采购预算表" in str(e)
    assert e.details is not None and e.details["title"] == "政府采购预算表"
    for keep, table, line in [(190, "T05", 190), (183, "T05", 183)]:
        with pytest.raises(yusuan.TruncatedTableError) as info:
            yusuan.parse("\n".join(seed_lines[:keep]))
        assert (info.value.table, info.value.line) == (table, line)


def test_every_truncation_point_is_a_report_or_a_clean_error(seed_text: str) -> None:
    cuts = [i for i in range(len(seed_text)) if i % 53 == 0 or seed_text[i - 1 : i] == "\n"]
    for cut in cuts:
        try:
            yusuan.check(seed_text[:cut])
        except yusuan.YusuanError as e:
            assert e.code in ERRORS, e


def test_damaged_input_never_escapes_as_anything_else(seed_bytes: bytes) -> None:
    rng = random.Random(20250101)
    for _ in range(200):
        data = bytearray(seed_bytes)
        for _ in range(rng.randint(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        try:
            yusuan.check(bytes(data))
        except yusuan.YusuanError:
            pass


def test_oversized_input_is_refused() -> None:
    with pytest.raises(yusuan.InputTooLargeError) as info:
        yusuan.parse(b"x" * (16 * 1024 * 1024 + 1))
    assert info.value.details is not None
    assert info.value.details["limit"] == 16 * 1024 * 1024


def test_a_panic_becomes_an_internal_error() -> None:
    # _selftest_panic panics inside the same guard every call into the core runs under.
    with pytest.raises(yusuan.InternalError) as info:
        _yusuan._selftest_panic()
    assert info.value.code == "internal_error"
    assert "selftest panic" in str(info.value)
    assert isinstance(info.value, Exception)


def test_exceptions_pickle_with_their_attributes(seed_lines: list[str]) -> None:
    with pytest.raises(yusuan.TruncatedTableError) as info:
        yusuan.parse("\n".join(seed_lines[:190]))
    again = pickle.loads(pickle.dumps(info.value))
    assert type(again) is yusuan.TruncatedTableError
    assert (again.code, again.table, again.line, again.details, str(again)) == (
        info.value.code,
        info.value.table,
        info.value.line,
        info.value.details,
        str(info.value),
    )
