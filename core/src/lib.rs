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
//!
//! The PDF itself, with the `pdf` feature: [`read`] tells PDF from text by the bytes, and the PDF
//! source (`source::pdf`) reads every page's tables as cells with their page and box, the text
//! around them as lines, into the same [`source::Grid`] the text source makes.

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
pub mod figure;
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

/// The crate's hash maps: foldhash, seeded per process (keys come from documents, so no fixed
/// hash to aim collisions at), several times faster than the standard `SipHash` on short keys.
pub(crate) type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
/// The crate's hash sets (see [`HashMap`]).
pub(crate) type HashSet<K> = std::collections::HashSet<K, foldhash::fast::RandomState>;

pub use amount::{Amount, CellValue, Number, Unit};
pub use check::{Checker, Policy, check};
pub use compare::{Comparison, compare};
pub use error::{Error, Result};
pub use model::{
    Basis, Cell, Column, ColumnKey, DocKind, DocLevel, Document, DocumentMeta, FundLine, Funding,
    GlossaryEntry, Indicator, LineItem, LineSpan, Note, Notice, NoticeCode, Paragraph,
    PerformanceTable, Row, RowIssue, Section, SectionKind, Side, Table, TableKey, TableKind, Text,
};
pub use options::{Input, Options};
pub use read::{MAX_INPUT_BYTES, Parser, parse, parse_bytes};
pub use report::{Evidence, Finding, Outcome, Report, Severity, Summary};

/// Reads a disclosure from its bytes, whatever they are: a PDF (told by `%PDF-` at its start,
/// see [`source::detect`]; read by the PDF source, feature `pdf`) or text (read by
/// [`Parser::parse_bytes`]). The file name plays no part.
///
/// Without the `pdf` feature a PDF is refused with [`Error::PdfUnsupported`].
///
/// # Examples
///
/// ```
/// # let text = include_str!("../../tests/corpus/seed_2025_yantai_unit_budget.txt");
/// let doc = yusuan::read(text.as_bytes())?;
/// assert_eq!(doc.tables.len(), 12);
/// let err = yusuan::read(b"%PDF-1.7\n%%EOF\n").unwrap_err();
/// assert!(matches!(err.code(), "pdf_damaged" | "pdf_unsupported"));
/// # Ok::<(), yusuan::Error>(())
/// ```
pub fn read(bytes: &[u8]) -> Result<Document> {
    Parser::new().read(bytes)
}

impl Parser<'_> {
    /// Reads a disclosure from its bytes, PDF or text, as [`read`] does, with this parser's
    /// templates and catalog.
    pub fn read(&self, bytes: &[u8]) -> Result<Document> {
        match source::detect(bytes) {
            source::Format::Text => self.parse_bytes(bytes),
            #[cfg(feature = "pdf")]
            source::Format::Pdf => self.read_grid(&source::pdf::grid(bytes)?),
            #[cfg(not(feature = "pdf"))]
            source::Format::Pdf => Err(Error::PdfUnsupported),
        }
    }

    /// Reads only the narrative of a disclosure from its bytes, PDF or text (as
    /// [`Parser::parse_narrative`] reads text): for documents whose table template is not known.
    pub fn read_narrative(&self, bytes: &[u8]) -> Result<Document> {
        match source::detect(bytes) {
            source::Format::Text => self.parse_narrative_bytes(bytes),
            #[cfg(feature = "pdf")]
            source::Format::Pdf => self.read_narrative_grid(&source::pdf::grid(bytes)?),
            #[cfg(not(feature = "pdf"))]
            source::Format::Pdf => Err(Error::PdfUnsupported),
        }
    }

    /// The text form of a disclosure (what `yusuan text` prints): for a PDF the text of its grid
    /// (tables as tab-separated rows, pages separated by form feeds), whose line numbers are the
    /// line numbers of findings; for text, the text as the text source splits it.
    ///
    /// # Examples
    ///
    /// ```
    /// let t = yusuan::Parser::new().text_form("标题\r\n合计\t1.00\u{c}下页\n".as_bytes()).unwrap();
    /// assert_eq!(t, "标题\n合计\t1.00\n\u{c}下页\n");
    /// ```
    pub fn text_form(&self, bytes: &[u8]) -> Result<String> {
        match source::detect(bytes) {
            source::Format::Text => {
                let decoded = source::text::decode(bytes)?;
                Ok(source::text::grid(&decoded.text).to_text())
            }
            #[cfg(feature = "pdf")]
            source::Format::Pdf => Ok(source::pdf::grid(bytes)?.to_text()),
            #[cfg(not(feature = "pdf"))]
            source::Format::Pdf => Err(Error::PdfUnsupported),
        }
    }
}
