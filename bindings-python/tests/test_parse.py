"""`yusuan.parse` and `yusuan.read`: what a document can be given as, the layout option, errors
for the wrong argument types."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import PUTUO_PATH, corpus_paths, require_shared

import yusuan


def test_str_and_bytes_give_the_same_document(seed_text: str, seed_bytes: bytes) -> None:
    assert yusuan.parse(seed_text) == yusuan.parse(seed_bytes)


def test_read_takes_str_and_pathlike(seed_path: Path, seed_doc: yusuan.Document) -> None:
    assert yusuan.read(seed_path) == seed_doc
    assert yusuan.read(str(seed_path)) == seed_doc


def test_read_missing_file_is_an_oserror(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        yusuan.read(tmp_path / "missing.txt")


def test_read_passes_bytes_as_they_are(tmp_path: Path, seed_bytes: bytes) -> None:
    bad = tmp_path / "latin1.txt"
    at = seed_bytes.index(b"\n", 100)
    bad.write_bytes(seed_bytes[:at] + b"\xff" + seed_bytes[at:])
    with pytest.raises(yusuan.InvalidUtf8Error) as info:
        yusuan.read(bad)
    assert info.value.details == {"code": "invalid_utf8", "offset": at}


def test_layout_option(seed_text: str) -> None:
    assert "national-12" in yusuan.layouts()
    assert yusuan.parse(seed_text, layout="national-12").layout == "national-12"
    with pytest.raises(yusuan.InvalidOptionError) as info:
        yusuan.parse(seed_text, layout="atlantis-3")
    err = info.value
    assert err.code == "invalid_option"
    assert "`atlantis-3`" in str(err) and "national-12" in str(err)
    assert err.details is not None and err.details["option"] == "layout"


@pytest.mark.parametrize("bad", [None, 3, 1.5, ["text"], bytearray(b"x")])
def test_parse_rejects_other_types(bad: object) -> None:
    with pytest.raises(TypeError, match="`source` must be str or bytes"):
        yusuan.parse(bad)  # type: ignore[arg-type]


def test_parse_does_not_take_a_document(seed_doc: yusuan.Document) -> None:
    with pytest.raises(TypeError, match="not Document"):
        yusuan.parse(seed_doc)  # type: ignore[arg-type]


def test_lone_surrogates_are_a_unicode_error() -> None:
    with pytest.raises(UnicodeEncodeError):
        yusuan.parse("收支总体情况表\ud800")


def test_document_metadata(seed_doc: yusuan.Document) -> None:
    assert seed_doc.unit == "烟台市人民政府办公室"
    assert seed_doc.year == 2025
    assert seed_doc.kind == "budget"
    assert seed_doc.level == "unit"
    assert seed_doc.amount_unit == "万元"
    assert seed_doc.layout == "national-12"
    assert seed_doc.title is not None and "单位预算" in seed_doc.title
    assert seed_doc.line_count > 300
    assert seed_doc.table_keys == [f"T{i:02}" for i in range(1, 13)]
    assert [t.key for t in seed_doc.tables] == seed_doc.table_keys
    assert "T05" in seed_doc and "T99" not in seed_doc
    assert repr(seed_doc).startswith("<Document 烟台市人民政府办公室 2025 budget: 12 tables")


def test_missing_table_is_a_keyerror(seed_doc: yusuan.Document) -> None:
    with pytest.raises(KeyError, match="no table `T99`"):
        seed_doc.table("T99")


def test_document_json_round_trip(seed_doc: yusuan.Document) -> None:
    text = seed_doc.to_json()
    assert text.endswith("}\n")
    assert yusuan.Document.from_json(text) == seed_doc
    assert json.loads(text) == json.loads(json.dumps(seed_doc.to_dict()))
    with pytest.raises(ValueError, match="invalid document JSON"):
        yusuan.Document.from_json("{}")


def test_every_corpus_document_is_a_report_or_a_clean_error() -> None:
    paths = sorted(corpus_paths())
    results = yusuan.check_many([p.read_bytes() for p in paths], return_exceptions=True)
    assert len(results) == len(paths) >= 2
    assert all(isinstance(r, (yusuan.Report, yusuan.YusuanError)) for r in results)


def test_narrative_only(seed_text: str, seed_bytes: bytes, seed_path: Path) -> None:
    require_shared()
    doc = yusuan.parse(seed_text, narrative_only=True)
    assert (doc.layout, doc.tables, doc.year) == ("narrative", [], 2025)
    assert yusuan.parse(seed_bytes, narrative_only=True) == doc
    assert yusuan.read(seed_path, narrative_only=True) == doc
    assert doc.to_dict()["meta"]["template"] == "narrative"
    # any layout: the Shanghai document's narrative reads the same way
    assert yusuan.parse(PUTUO_PATH.read_bytes(), narrative_only=True).layout == "narrative"


def test_narrative_only_bytes_must_be_utf8(tmp_path: Path, seed_bytes: bytes) -> None:
    at = seed_bytes.index(b"\n", 100)
    bad = seed_bytes[:at] + b"\xff" + seed_bytes[at:]
    for data in (bad, bad[: at + 1]):
        with pytest.raises(yusuan.InvalidUtf8Error) as info:
            yusuan.parse(data, narrative_only=True)
        assert info.value.code == "invalid_utf8"
        assert info.value.details == {"code": "invalid_utf8", "offset": at}
    path = tmp_path / "bad.txt"
    path.write_bytes(bad)
    with pytest.raises(yusuan.InvalidUtf8Error):
        yusuan.read(path, narrative_only=True)


def test_narrative_only_errors() -> None:
    with pytest.raises(yusuan.EmptyInputError):
        yusuan.parse("", narrative_only=True)
    with pytest.raises(yusuan.NotTextError):
        yusuan.parse("abc\x00def", narrative_only=True)
    with pytest.raises(yusuan.InputTooLargeError):
        yusuan.parse(b"x" * (16 * 1024 * 1024 + 1), narrative_only=True)
    for key in ("layout", "template"):
        with pytest.raises(yusuan.InvalidOptionError, match=f"for `{key}`.*narrative-only reading"):
            yusuan.parse("text", **{key: "national-12"}, narrative_only=True)  # type: ignore[arg-type]
