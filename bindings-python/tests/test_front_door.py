"""What a first-time user does: a path where the text goes, a template given as data, the notices
the reader leaves, the old names (`layout`, `InvalidLayoutError`) still working."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import COMPARE, MISMATCH_PATH, SEED_PATH

import yusuan

T05_ONLY = {
    "name": "t05-only",
    "tables": [{"key": "T05", "titles": ["一般公共预算支出情况表"], "kind": "functional"}],
}


def test_a_path_is_read_as_the_file(seed_text: str, tmp_path: Path) -> None:
    want = yusuan.check(seed_text)
    assert yusuan.check(SEED_PATH) == want
    assert yusuan.check(str(SEED_PATH)) == want
    assert yusuan.parse(SEED_PATH) == yusuan.parse(seed_text) == yusuan.read(SEED_PATH)
    assert yusuan.claims(str(SEED_PATH)) == yusuan.claims(seed_text)
    assert yusuan.check_many([SEED_PATH, str(SEED_PATH), seed_text]) == [want] * 3
    cmp = yusuan.compare(MISMATCH_PATH, str(SEED_PATH))
    assert cmp == yusuan.compare(MISMATCH_PATH.read_text(encoding="utf-8"), seed_text)
    # a relative path, from the folder it is relative to
    rel = tmp_path / "doc.txt"
    rel.write_bytes(SEED_PATH.read_bytes())
    import os

    cwd = os.getcwd()
    try:
        os.chdir(tmp_path)
        assert yusuan.check("doc.txt") == want
    finally:
        os.chdir(cwd)


@pytest.mark.parametrize("path", ["path.txt", "./reports/2025.txt", "/no/such/file.pdf", "C:\\x.txt"])
def test_a_missing_path_says_it_looks_like_a_path(path: str) -> None:
    with pytest.raises(FileNotFoundError, match="looks like a path") as info:
        yusuan.check(path)
    assert info.value.filename == path
    with pytest.raises(FileNotFoundError):
        yusuan.parse(Path(path))


def test_one_line_text_is_still_text() -> None:
    narrative = "“三公”经费预算共10万元，比上年增加2万元，增长25%。"
    assert yusuan.claims("二、“三公”经费\n" + narrative, narrative_only=True).claims
    with pytest.raises(yusuan.NotADisclosureError):
        yusuan.check("Dear reader, this is a letter.")
    with pytest.raises(yusuan.EmptyInputError):
        yusuan.check("")


def test_a_template_by_name_json_dict_or_file(seed_text: str, tmp_path: Path) -> None:
    assert yusuan.parse(seed_text, template="national-12").template == "national-12"
    file = tmp_path / "t05.json"
    file.write_text(json.dumps(T05_ONLY, ensure_ascii=False), encoding="utf-8")
    for template in (T05_ONLY, json.dumps(T05_ONLY), file, str(file)):
        doc = yusuan.parse(seed_text, template=template)  # type: ignore[arg-type]
        assert (doc.template, doc.table_keys) == ("t05-only", ["T05"])
        report = yusuan.check(seed_text, template=template)  # type: ignore[arg-type]
        assert report.document.template == "t05-only"
        assert report.coverage.tables_found == ["T05"]
    assert yusuan.claims(seed_text, template=T05_ONLY) == yusuan.claims(seed_text)
    cmp = yusuan.compare(MISMATCH_PATH, seed_text, template=T05_ONLY)
    assert [t.key for t in cmp.tables] == ["T05"]
    assert yusuan.check_many([seed_text], template=T05_ONLY)[0].document.template == "t05-only"


def test_a_bad_template(seed_text: str) -> None:
    with pytest.raises(yusuan.InvalidTemplateError) as info:
        yusuan.parse(seed_text, template={"name": "x", "tables": []})
    assert info.value.code == "invalid_template" and "no tables" in str(info.value)
    with pytest.raises(yusuan.InvalidLayoutError):  # the old name catches it too
        yusuan.parse(seed_text, template='{"name": 1}')
    with pytest.raises(yusuan.InvalidOptionError) as unknown:
        yusuan.parse(seed_text, template="atlantis-3")
    assert unknown.value.details is not None and unknown.value.details["option"] == "template"
    assert "national-12" in str(unknown.value)
    with pytest.raises(ValueError, match="not both"):
        yusuan.parse(seed_text, template="national-12", layout="national-12")
    with pytest.raises(TypeError, match="`template` must be"):
        yusuan.parse(seed_text, template=12)  # type: ignore[arg-type]


def test_layout_is_the_old_name_of_template(seed_doc: yusuan.Document, seed_text: str) -> None:
    assert seed_doc.layout == seed_doc.template == "national-12"
    report = yusuan.check(seed_doc)
    assert report.document.layout == report.document.template == "national-12"
    assert yusuan.parse(seed_text, layout="shanghai-9" if False else "national-12") == seed_doc


def test_notices_reach_python(seed_text: str) -> None:
    assert yusuan.parse(seed_text).notices == [] and yusuan.check(seed_text).notices == []
    wide = seed_text.replace(
        "机关事业单位基本养老保险缴费支出\t", "机关事业单位基本养老保险缴费支出\t" + "\t" * 300, 1
    )
    doc = yusuan.parse(wide)
    report = yusuan.check(doc)
    assert [n.code for n in doc.notices] == [n.code for n in report.notices] == ["too_many_columns"]
    notice = report.notices[0]
    assert notice.line > 0 and notice.page is None and "256" in notice.message
    assert notice.to_dict() == json.loads(report.to_json())["notices"][0]
    assert repr(notice).startswith("<Notice too_many_columns line ")
    pd = pytest.importorskip("pandas")
    assert isinstance(report.to_pandas(), pd.DataFrame)
    assert report.to_pandas().attrs["notices"][0]["code"] == "too_many_columns"


def test_compare_of_two_bodies_checks_no_prior_year(seed_text: str) -> None:
    other = (COMPARE / "yantai_2024_mismatch.txt").read_text(encoding="utf-8")
    cmp = yusuan.compare(other.replace("烟台市人民政府办公室", "烟台市财政局"), seed_text)
    assert not cmp.has_mismatches and cmp.prior_checks == []
    note = next(n for n in cmp.notes if n.code == "prior_year_not_checked")
    assert "烟台市财政局 2024" in note.message_en and "烟台市人民政府办公室 2025" in note.message_en
    assert "prior_year_not_checked" in cmp._repr_html_()
