//! Pathological inputs that grow with a size parameter: a very long line, a row of many tabs,
//! many tables, deeply repeated titles, … Each is a generated document with one part blown up,
//! so that the parser runs every step on it. The linear-time tests grow each input 10× and bound
//! the growth of the work; the fuzz targets take them as seeds.

use std::fmt::Write as _;

use crate::generate;

/// One family of pathological inputs.
#[derive(Debug, Clone, Copy)]
pub struct Hostile {
    /// Short name (`long_line`).
    pub name: &'static str,
    /// What grows.
    pub about: &'static str,
    /// The size parameter of the "large" variant in the issue's terms (a 10 MB line, 100k tabs,
    /// 100k tables); the tests use this and a tenth of it.
    pub full: usize,
    /// False where the checker would do quadratic work on this input (its parsing is linear):
    /// the linear-time test then bounds the parse only. Every case is linear today (the checker
    /// indexes rows by code once per table).
    pub check_linear: bool,
    build: fn(&str, usize) -> Vec<u8>,
}

impl Hostile {
    /// The input of size `n`.
    #[must_use]
    pub fn build(&self, n: usize) -> Vec<u8> {
        (self.build)(&base(), n)
    }
}

/// The document every case starts from.
fn base() -> String {
    generate(7).text
}

/// The base with `insert` placed after the first line equal to `after` (or appended).
fn insert_after(base: &str, after: &str, insert: &str) -> Vec<u8> {
    let mut out = String::with_capacity(base.len() + insert.len() + 1);
    let mut done = false;
    for line in base.split_inclusive('\n') {
        out.push_str(line);
        if !done && line.trim_end_matches('\n') == after {
            out.push_str(insert);
            if !insert.ends_with('\n') {
                out.push('\n');
            }
            done = true;
        }
    }
    if !done {
        out.push_str(insert);
    }
    out.into_bytes()
}

fn append(base: &str, tail: &str) -> Vec<u8> {
    let mut out = String::with_capacity(base.len() + tail.len());
    out.push_str(base);
    out.push_str(tail);
    out.into_bytes()
}

/// The second header row of 一般公共预算支出情况表 in generated documents.
const T05_HEADER: &str = "类\t款\t项\t\t\t小 计\t人员支出\t日常公用支出\t";
/// A heading of the generated narrative.
const NARRATIVE: &str = "五、国有资产占有使用情况";

fn repeat(unit: &str, n: usize) -> String {
    unit.repeat(n)
}

/// Every case, in a stable order.
pub const CASES: &[Hostile] = &[
    Hostile {
        name: "long_line",
        about: "one narrative line of n characters (3n bytes)",
        full: 3_400_000,
        check_linear: true,
        build: |b, n| insert_after(b, NARRATIVE, &repeat("长", n)),
    },
    Hostile {
        name: "long_cell",
        about: "a table row whose name cell has n characters",
        full: 3_000_000,
        check_linear: true,
        build: |b, n| {
            insert_after(
                b,
                T05_HEADER,
                &format!("\t\t01\t{}\t1.00\t1.00\t1.00\t\t", repeat("名", n)),
            )
        },
    },
    Hostile {
        name: "many_tabs",
        about: "a table row of n tabs",
        full: 100_000,
        check_linear: true,
        build: |b, n| insert_after(b, T05_HEADER, &format!("1.00{}", repeat("\t", n))),
    },
    Hostile {
        name: "tab_line",
        about: "a line of n tabs and nothing else in the narrative",
        full: 1_000_000,
        check_linear: true,
        build: |b, n| insert_after(b, NARRATIVE, &repeat("\t", n)),
    },
    Hostile {
        name: "many_tables",
        about: "n more tables, each a title, a row and a sentence",
        full: 100_000,
        check_linear: true,
        build: |b, n| {
            append(
                b,
                &repeat("一般公共预算支出情况表\n\t合计\t1.00\n说明。\n", n),
            )
        },
    },
    Hostile {
        name: "continued_pages",
        about: "one table continued over n pages (its title repeated, blank lines between)",
        full: 100_000,
        check_linear: true,
        build: |b, n| {
            append(
                b,
                &format!(
                    "说明。\n{}说明。\n",
                    repeat(
                        "政府采购预算表\n\n\t\t01\t行政运行\t1.00\t1.00\t1.00\n\n",
                        n
                    )
                ),
            )
        },
    },
    Hostile {
        name: "repeated_titles",
        about: "n copies of a table title in a row, then its table",
        full: 100_000,
        check_linear: true,
        build: |b, n| {
            append(
                b,
                &format!(
                    "{}\t合计\t1.00\n说明。\n",
                    repeat("一般公共预算支出情况表\n", n)
                ),
            )
        },
    },
    Hostile {
        name: "many_rows",
        about: "n rows in one table",
        full: 200_000,
        check_linear: true,
        build: |b, n| {
            insert_after(
                b,
                T05_HEADER,
                &repeat("\t\t01\t行政运行\t1.00\t1.00\t1.00\t\t\n", n),
            )
        },
    },
    Hostile {
        name: "repeated_codes",
        about: "n rows printing the same 类 code",
        full: 100_000,
        check_linear: true,
        build: |b, n| {
            insert_after(
                b,
                T05_HEADER,
                &repeat("201\t\t\t一般公共服务支出\t1.00\t1.00\t1.00\t\t\n", n),
            )
        },
    },
    Hostile {
        name: "wide_header",
        about: "a 300-column header over n one-cell rows",
        full: 1_000_000,
        check_linear: true,
        build: |b, n| {
            let header = format!("名称{}", repeat("\t金额", 299));
            append(
                b,
                &format!(
                    "项目支出预算情况表\n{header}\n{}说明。\n",
                    repeat("1\t\n", n)
                ),
            )
        },
    },
    Hostile {
        name: "many_lanes",
        about: "a header of 128 name/amount pairs over n rows",
        full: 10_000,
        check_linear: true,
        build: |b, n| {
            let header = repeat("名称\t金额\t", 128);
            let row = repeat("甲\t1.00\t", 128);
            append(
                b,
                &format!(
                    "收支总体情况表\n{header}\n{}说明。\n",
                    repeat(&format!("{row}\n"), n)
                ),
            )
        },
    },
    Hostile {
        name: "many_header_rows",
        about: "n rows of words before a table's first data row",
        full: 300_000,
        check_linear: true,
        build: |b, n| {
            append(
                b,
                &format!(
                    "项目支出预算情况表\n{}\t\t1.00\n说明。\n",
                    repeat("项目名称\t项目类别\t合计\n", n)
                ),
            )
        },
    },
    Hostile {
        name: "repeated_header",
        about: "a table whose header is printed again n times between its rows",
        full: 100_000,
        check_linear: true,
        build: |b, n| {
            insert_after(
                b,
                T05_HEADER,
                &repeat(
                    &format!("{T05_HEADER}\n\t\t01\t行政运行\t1.00\t1.00\t1.00\t\t\n"),
                    n,
                ),
            )
        },
    },
    Hostile {
        name: "many_headings",
        about: "n numbered sub-headings in the narrative",
        full: 300_000,
        check_linear: true,
        build: |b, n| insert_after(b, NARRATIVE, &repeat("（一）情况\n", n)),
    },
    Hostile {
        name: "long_contents",
        about: "a table of contents of n distinct entries",
        full: 300_000,
        check_linear: true,
        build: |b, n| {
            let mut toc = String::from("目 录\n");
            for i in 0..n {
                let _ = writeln!(toc, "第{i}项");
            }
            let mut out = toc;
            out.push_str(b);
            out.into_bytes()
        },
    },
    Hostile {
        name: "funding_labels",
        about: "a 绩效目标表 row of n funding labels and no amount",
        full: 300_000,
        check_linear: true,
        build: |b, n| {
            append(
                b,
                &format!(
                    "政策和项目预算绩效目标表\n项目名称\t甲\n{}甲\n说明。\n",
                    repeat("其他资金\t", n)
                ),
            )
        },
    },
    Hostile {
        name: "numbering",
        about: "a narrative line of n list numbers (一、一、…)",
        full: 1_000_000,
        check_linear: true,
        build: |b, n| insert_after(b, NARRATIVE, &repeat("一、", n)),
    },
    Hostile {
        name: "notes_and_units",
        about: "n note and unit lines inside a table",
        full: 300_000,
        check_linear: true,
        build: |b, n| insert_after(b, T05_HEADER, &repeat("注：见说明\n单位：万元\n", n)),
    },
    Hostile {
        name: "form_feeds",
        about: "n page breaks",
        full: 1_000_000,
        check_linear: true,
        build: |b, n| insert_after(b, NARRATIVE, &repeat("\u{c}\n", n)),
    },
    Hostile {
        name: "digits",
        about: "a cell of n digits",
        full: 3_000_000,
        check_linear: true,
        build: |b, n| {
            insert_after(
                b,
                T05_HEADER,
                &format!("\t\t01\t行政运行\t{}\t1.00\t1.00\t\t", repeat("9", n)),
            )
        },
    },
    Hostile {
        name: "aligned_rows",
        about: "the document with its tables as columns of spaces, one table of n rows",
        full: 100_000,
        check_linear: true,
        build: |b, n| {
            let text = String::from_utf8(insert_after(
                b,
                T05_HEADER,
                &repeat("\t\t01\t行政运行\t1.00\t1.00\t1.00\t\t\n", n),
            ))
            .unwrap_or_default();
            crate::forms::render(&text, crate::forms::Form::SpaceAligned)
        },
    },
    Hostile {
        name: "aligned_wide",
        about: "text without tabs holding a block of columns of spaces n columns wide",
        full: 300_000,
        check_linear: true,
        build: |b, n| {
            let row = repeat("甲  1.00  ", n);
            let text = format!(
                "{}\n{row}\n{row}\n{}\n",
                b.replace('\t', "  "),
                repeat("乙  ", n)
            );
            text.into_bytes()
        },
    },
    Hostile {
        name: "aligned_blocks",
        about: "text without tabs holding n blocks of two aligned lines, a word between them",
        full: 100_000,
        check_linear: true,
        build: |b, n| {
            let text = format!(
                "{}\n{}",
                b.replace('\t', "  "),
                repeat("名称  金额\n甲    1.00\n合计\n", n)
            );
            text.into_bytes()
        },
    },
    Hostile {
        name: "expanded_tabs",
        about: "the document with its tabs as four spaces, one table of n rows",
        full: 100_000,
        check_linear: true,
        build: |b, n| {
            let text = String::from_utf8(insert_after(
                b,
                T05_HEADER,
                &repeat("\t\t01\t行政运行\t1.00\t1.00\t1.00\t\t\n", n),
            ))
            .unwrap_or_default();
            crate::forms::render(&text, crate::forms::Form::ExpandedTabs)
        },
    },
    Hostile {
        name: "bare_form_feeds",
        about: "n page breaks inside lines, CR line ends",
        full: 1_000_000,
        check_linear: true,
        build: |b, n| {
            let text = String::from_utf8(insert_after(b, NARRATIVE, &repeat("字\u{c}", n)))
                .unwrap_or_default();
            text.replace('\n', "\r").into_bytes()
        },
    },
    Hostile {
        name: "invalid_utf8_at_end",
        about: "n bytes of text, then a byte that is not UTF-8",
        full: 3_000_000,
        check_linear: true,
        build: |b, n| {
            let mut out = append(b, &repeat("字", n));
            out.push(0xFF);
            out
        },
    },
];
