//! # yusuan (预算)
//!
//! Reads Chinese government budget disclosures — 部门/单位预算 and 决算公开 with their standard
//! tables, the narrative 情况说明 and the 绩效目标表 — into a typed model, with every amount an
//! exact [`rust_decimal::Decimal`] that remembers its unit and printed precision.
//!
//! ## Concepts
//!
//! * [`Document`]: what [`parse`] returns — metadata, [`Table`]s keyed `T01` … `T12` with named
//!   [`Column`]s and rows keyed by full classification code, narrative [`Section`]s, the
//!   [`PerformanceTable`]s and the glossary. Every cell keeps its source line.
//! * [`CellValue`]: blank, dash, number, text and unreadable cells stay distinct.
//! * [`catalog::Catalog`]: the 政府收支分类科目 as data, with provenance and a verified flag per
//!   row.
//! * [`template::Template`]: a region's table titles as data; the parser picks the template whose
//!   titles match.
//! * [`Error`]: only for input that cannot be read; each has a stable [`Error::code`].
//! * [`Options`] and [`Input`]: what every front end (the CLI, Python, JavaScript) asks for —
//!   a template by name or as data, the narrative only, a policy — read from a JSON object too;
//!   [`batch::check_many`] checks many documents on every core.
//!
//! ## Example
//!
//! ```
//! use yusuan::{ColumnKey, parse};
//! # let text = include_str!("../../tests/corpus/seed_2025_yantai_unit_budget.txt");
//! let doc = parse(text)?;
//! let t03 = doc.table("T03").expect("支出总体情况表");
//! let total = t03.total_row().expect("合计 row");
//! assert_eq!(t03.amount(total, ColumnKey::Project).unwrap().to_string(), "4579.38万元");
//! # Ok::<(), yusuan::Error>(())
//! ```
//!
//! ## Input
//!
//! Text as produced from the PDF or Word original: table rows tab-separated with empty cells
//! kept, other text line by line, pages separated by form feeds. Inputs above
//! [`MAX_INPUT_BYTES`] are refused.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(test, allow(clippy::indexing_slicing))]

pub mod amount;
pub mod batch;
pub mod catalog;
pub mod check;
pub mod claims;
pub mod compare;
pub mod error;
pub mod indicator;
pub mod model;
pub mod options;
mod read;
pub mod render;
pub mod report;
pub mod source;
pub mod template;
pub mod text;
pub mod variance;

pub use amount::{Amount, CellValue, Number, Unit};
pub use check::{Checker, Policy, check};
pub use compare::{Comparison, compare};
pub use error::{Error, Result};
pub use model::{
    Basis, Cell, Column, ColumnKey, DocKind, DocLevel, Document, DocumentMeta, FundLine, Funding,
    GlossaryEntry, Indicator, LineItem, LineSpan, Note, Notice, NoticeCode, Paragraph,
    PerformanceTable, Row, RowIssue, Section, SectionKind, Side, Table, TableKind,
};
pub use options::{Input, Options};
pub use read::{MAX_INPUT_BYTES, Parser, parse, parse_bytes};
pub use report::{Evidence, Finding, Outcome, Report, Severity, Summary};
