#!/usr/bin/env python3
"""Writes tests/bad_inputs/inputs/ from the recipes below (the committed files are its output).

Each input is a small disclosure (MINI, one table) or the reference document, damaged in one way.
Run it after changing a recipe, then review the diff and cases.json:

    python3 tests/bad_inputs/make_inputs.py
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "inputs")
SEED = open(os.path.join(HERE, "..", "corpus", "seed_2025_yantai_unit_budget.txt"), encoding="utf-8").read()

T = "\t"
HEADER1 = T.join(["科目编码", "", "", "科目名称", "合 计", "基本支出", "", "", "项目支出"])
HEADER2 = T.join(["类", "款", "项", "", "", "小 计", "人员支出", "日常公用支出", ""])
ROWS = [
    ["", "", "", "合 计", "300.00", "200.00", "150.00", "50.00", "100.00"],
    ["201", "", "", "一般公共服务支出", "300.00", "200.00", "150.00", "50.00", "100.00"],
    ["", "26", "", "档案事务", "300.00", "200.00", "150.00", "50.00", "100.00"],
    ["", "", "01", "行政运行", "200.00", "200.00", "150.00", "50.00", ""],
    ["", "", "02", "一般行政管理事务", "100.00", "", "", "", "100.00"],
]


def mini(rows=None, unit="单位: 万元", title="一般公共预算支出情况表", before="", after="以上为本单位一般公共预算支出。\n",
         header=(HEADER1, HEADER2)):
    """The one-table disclosure every recipe starts from (lines: 1 cover, 3 title, 7 unit,
    9-10 header, 11 total, 12 类 201, 13 款 20126, 14 项 01, 15 项 02)."""
    rows = ROWS if rows is None else rows
    body = "\n".join(T.join(r) for r in rows)
    head = "\n".join(header)
    return (f"2025年某某市档案馆 单位预算\n\n{before}{title}\n\n部门(单位): 某某市档案馆\n\n{unit}\n\n"
            f"{head}\n{body}\n\n{after}")


def with_cell(row, col, text):
    rows = [list(r) for r in ROWS]
    rows[row][col] = text
    return mini(rows)


def seed_lines(n):
    return "\n".join(SEED.split("\n")[:n])


U = lambda s: s.encode("utf-8")

INPUTS = {
    # --- not text, not UTF-8, not a disclosure ---------------------------------------------
    "empty.txt": b"",
    "whitespace_only.txt": b"  \n\t\n\r\n   \n",
    "utf16le_bom.txt": b"\xff\xfe" + mini().encode("utf-16-le"),
    "utf16be_no_bom.txt": mini().encode("utf-16-be"),
    "gbk_encoded.txt": mini().encode("gbk"),
    "latin1_byte.txt": U(mini()[:40]) + b"\xe9" + U(mini()[40:]),
    "cut_inside_character.txt": U(mini()) + "表".encode("utf-8")[:2],
    "overlong_utf8.txt": U(mini()[:20]) + b"\xc0\xaf" + U(mini()[20:]),
    "utf8_surrogate.txt": U(mini()[:20]) + b"\xed\xa0\x80" + U(mini()[20:]),
    "nul_byte.txt": U(mini()).replace("行政运行".encode(), "行政\x00运行".encode(), 1),
    "pdf_file.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    "zip_file.txt": b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00word/document.xml\x00\x00\x00",
    "control_characters.txt": U("".join(chr(c) for c in range(1, 32) if c not in (9, 10, 12, 13)) * 20),
    "plain_letter.txt": U("Dear reader,\nthis is a letter, not a budget.\n"),
    "html_page.txt": U("<html><head><title>收支总体情况表</title></head>\n<body><p>见附件。</p></body></html>\n"),
    "title_without_table.txt": U("2025年某某单位预算\n\n收支总体情况表\n\n这是一段话。\n"),
    "contents_only.txt": U("目 录\n\n- 一、收支总体情况表\n- 二、收入总体情况表\n- 三、支出总体情况表\n"),
    "commas_for_tabs.txt": U(mini().replace("\t", ",")),
    "spaces_for_tabs.txt": U(mini().replace("\t", "    ")),
    "mojibake.txt": U(mini().encode("utf-8").decode("latin-1")),
    # --- cut off ---------------------------------------------------------------------------
    "cut_after_title.txt": U("2025年某某市档案馆 单位预算\n\n一般公共预算支出情况表\n"),
    "cut_after_header.txt": U(mini().split("\n\t\t\t合 计")[0] + "\n"),
    "cut_inside_row.txt": U(mini().split("\n\t\t02\t")[0] + "\n\t\t02\t一般行政管理事务\t10"),
    "seed_cut_inside_last_table.txt": U(seed_lines(329) + "\n\t\t02\t一般行政管理事务\t2,930.84\t2,9"),
    # --- damaged cells and codes (read, recorded, checked) --------------------------------------
    "number_bad_grouping.txt": U(with_cell(3, 4, "2,00.00")),
    "number_two_points.txt": U(with_cell(3, 4, "200.0.0")),
    "number_with_unit_word.txt": U(with_cell(3, 4, "200.00元")),
    "number_in_parentheses.txt": U(with_cell(3, 4, "(200.00)")),
    "number_too_long.txt": U(with_cell(3, 4, "9" * 40)),
    "number_implausibly_large.txt": U(with_cell(3, 4, "9" * 20 + ".00")),
    "number_html_tag.txt": U(with_cell(3, 4, "<td>200.00</td>")),
    "code_letter_o.txt": U(with_cell(1, 0, "2O1")),
    "code_wrong_class.txt": U(mini([r if i != 4 else ["7", "26", "02"] + r[3:] for i, r in enumerate(ROWS)])),
    "code_too_long.txt": U(with_cell(2, 1, "2601")),
    "sum_off_by_one.txt": U(with_cell(3, 6, "151.00")),
    "rounding_gap.txt": U(with_cell(0, 4, "300.01")),
    # --- accepted variants (read like the clean input) -----------------------------------------
    "fullwidth_digits.txt": U(with_cell(3, 4, "２００．００")),
    "note_in_cell.txt": U(with_cell(4, 4, "100.00（注：含结转）")),
    "dash_cells.txt": U(mini([r if i != 4 else r[:5] + ["—", "—", "—", "100.00"] for i, r in enumerate(ROWS)])),
    "crlf_line_endings.txt": U(mini().replace("\n", "\r\n")),
    "utf8_bom.txt": b"\xef\xbb\xbf" + U(mini()),
    "form_feeds.txt": U(mini().replace("\n\n一般公共预算支出情况表", "\n\f一般公共预算支出情况表")),
    "trailing_cells_dropped.txt": U(mini([r if i != 3 else r[:8] for i, r in enumerate(ROWS)])),
    # --- structure --------------------------------------------------------------------------
    "duplicate_table.txt": U(mini() + "\n" + mini().split("\n", 2)[2]),
    "too_many_columns.txt": U(mini([r if i != 4 else r + ["1.00"] * 300 for i, r in enumerate(ROWS)])),
    "many_header_rows.txt": U(mini(header=(HEADER1,) + tuple(T.join(["说明", "文字"]) for _ in range(20)) + (HEADER2,))),
    "no_unit_line.txt": U(mini(unit="")),
    "no_year.txt": U(mini().replace("2025年", "")),
    "empty_fund_table_without_note.txt": U(mini() + "\n政府性基金预算支出情况表\n\n单位: 万元\n\n" + HEADER1 + "\n" + HEADER2 + "\n\n五、其他情况\n"),
}


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, data in INPUTS.items():
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(data)
    print(f"wrote {len(INPUTS)} inputs to {OUT}")


if __name__ == "__main__":
    main()
