//! The one error type of the crate.
//!
//! `Err` is only for input that cannot be read at all: empty, binary, not a budget disclosure, cut
//! off in the middle of a table, or an unreadable catalog or template. A sum that does not add up is
//! never an error: it is a finding in a report.

use serde::Serialize;

/// Errors for input that cannot be read.
///
/// Every variant has a stable machine code ([`Error::code`]) that the Python and JavaScript
/// bindings expose as `.code`; messages are for people and may be reworded.
///
/// # Examples
///
/// ```
/// let err = yusuan::parse("").unwrap_err();
/// assert_eq!(err.code(), "empty_input");
/// assert_eq!(err.to_string(), "the input is empty");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
#[non_exhaustive]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Error {
    /// The input holds no text at all (or only whitespace).
    #[error("the input is empty")]
    EmptyInput,

    /// The input bytes are not valid UTF-8.
    #[error("the input is not valid UTF-8 at byte offset {offset}")]
    InvalidUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },

    /// The input looks like binary data rather than text.
    #[error("the input is not text: control byte `{byte:#04x}` at line {line}")]
    NotText {
        /// 1-based line of the first offending character.
        line: u32,
        /// The offending byte.
        byte: u8,
    },

    /// The input is larger than the documented maximum.
    #[error("the input is {size} bytes, more than the limit of {limit} bytes")]
    InputTooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The limit in bytes ([`crate::MAX_INPUT_BYTES`] unless configured).
        limit: usize,
    },

    /// No table of any known template was found: the text is not a budget disclosure.
    #[error("not a budget disclosure: {reason}")]
    NotADisclosure {
        /// What was looked for and not found.
        reason: String,
    },

    /// The text ends in the middle of a table.
    #[error("the input is truncated: table `{table}` ({title}) is cut off at line {line}")]
    TruncatedTable {
        /// Table key (`T05`, …).
        table: String,
        /// The table's printed title.
        title: String,
        /// 1-based line where the text stops.
        line: u32,
    },

    /// A user-supplied classification catalog could not be read.
    #[error("invalid catalog file `{file}` at line {line}: {reason}")]
    InvalidCatalog {
        /// Which catalog file (`functional.tsv`, …).
        file: String,
        /// 1-based line in that file.
        line: u32,
        /// What is wrong with the line.
        reason: String,
    },

    /// A user-supplied template definition could not be read.
    #[error("invalid template `{name}`: {reason}")]
    InvalidTemplate {
        /// The template's name, or `?` when it could not be read.
        name: String,
        /// What is wrong.
        reason: String,
    },

    /// The input was taken for a PDF but does not start with `%PDF-` (within its first 1024
    /// bytes, after an optional byte-order mark and whitespace).
    #[error("not a PDF: the input does not start with `%PDF-`")]
    NotAPdf,

    /// The input is a PDF, and this build of yusuan reads text only (the `pdf` feature is off).
    #[error(
        "the input is a PDF, and this build reads text only (enable the `pdf` feature of yusuan)"
    )]
    PdfUnsupported,

    /// The PDF is encrypted with a password that is needed to read it.
    #[error(
        "the PDF is encrypted: it needs a password to open; save an unencrypted copy and check that"
    )]
    PdfEncrypted,

    /// The PDF is damaged beyond repair: its structure could not be read, even after rebuilding
    /// its cross-reference table by scanning for objects.
    #[error("the PDF is damaged and could not be repaired: {reason}")]
    PdfDamaged {
        /// What could not be read (truncated, no pages, a page that cannot be interpreted, …).
        reason: String,
        /// 1-based page the damage was met on, where it was one page.
        #[serde(skip_serializing_if = "Option::is_none")]
        page: Option<u32>,
    },

    /// The PDF has pages but no text on any of them: it is a scan (images of pages).
    #[error("no text layer: the document is an image; OCR it first ({pages} pages, no text)")]
    PdfNoText {
        /// Number of pages.
        pages: u32,
    },

    /// The PDF is larger than a limit (size in bytes, pages, content of a page, ruling lines of
    /// a page's tables); the limits are those of [`crate::source::pdf::Limits`].
    #[error("the PDF is too large: {what} is {value}, more than the limit of {limit}")]
    PdfTooLarge {
        /// What was measured: `bytes`, `pages`, `page content bytes`, `document content bytes`,
        /// `document font bytes`, `table grid points`, `document table grid points`.
        what: String,
        /// The measured value.
        value: u64,
        /// The limit.
        limit: u64,
        /// 1-based page, where the limit is per page.
        #[serde(skip_serializing_if = "Option::is_none")]
        page: Option<u32>,
    },

    /// A compressed stream of the PDF inflates past the limit (a decompression bomb): refused
    /// before it is inflated in memory.
    #[error(
        "the PDF is refused: a compressed stream inflates to more than {limit} bytes (a decompression bomb)"
    )]
    PdfDecompressionBomb {
        /// The limit in bytes (per stream, or for all streams together).
        limit: u64,
    },

    /// An option value is not one of the allowed values.
    #[error("invalid value `{value}` for `{option}`: expected one of {expected}")]
    InvalidOption {
        /// The option's name.
        option: String,
        /// The value given.
        value: String,
        /// The allowed values, comma-separated.
        expected: String,
    },
}

impl Error {
    /// The stable machine code of this error, a `snake_case` slug.
    ///
    /// # Examples
    ///
    /// ```
    /// let err = yusuan::parse("hello\nworld\n").unwrap_err();
    /// assert_eq!(err.code(), "not_a_disclosure");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Error::EmptyInput => "empty_input",
            Error::InvalidUtf8 { .. } => "invalid_utf8",
            Error::NotText { .. } => "not_text",
            Error::InputTooLarge { .. } => "input_too_large",
            Error::NotADisclosure { .. } => "not_a_disclosure",
            Error::TruncatedTable { .. } => "truncated_table",
            Error::InvalidCatalog { .. } => "invalid_catalog",
            Error::InvalidTemplate { .. } => "invalid_template",
            Error::InvalidOption { .. } => "invalid_option",
            Error::NotAPdf => "not_a_pdf",
            Error::PdfUnsupported => "pdf_unsupported",
            Error::PdfEncrypted => "pdf_encrypted",
            Error::PdfDamaged { .. } => "pdf_damaged",
            Error::PdfNoText { .. } => "pdf_no_text",
            Error::PdfTooLarge { .. } => "pdf_too_large",
            Error::PdfDecompressionBomb { .. } => "pdf_decompression_bomb",
        }
    }

    /// The 1-based source line the error points at, where there is one.
    ///
    /// # Examples
    ///
    /// ```
    /// let err = yusuan::parse("abc\u{0}def").unwrap_err();
    /// assert_eq!(err.line(), Some(1));
    /// ```
    #[must_use]
    pub fn line(&self) -> Option<u32> {
        match self {
            Error::NotText { line, .. }
            | Error::TruncatedTable { line, .. }
            | Error::InvalidCatalog { line, .. } => Some(*line),
            _ => None,
        }
    }

    /// The 1-based page the error points at, where there is one (PDF input).
    ///
    /// # Examples
    ///
    /// ```
    /// let err = yusuan::Error::PdfDamaged { reason: "unreadable content".into(), page: Some(3) };
    /// assert_eq!(err.page(), Some(3));
    /// assert_eq!(yusuan::Error::EmptyInput.page(), None);
    /// ```
    #[must_use]
    pub fn page(&self) -> Option<u32> {
        match self {
            Error::PdfDamaged { page, .. } | Error::PdfTooLarge { page, .. } => *page,
            _ => None,
        }
    }

    /// The table key the error points at, where there is one.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(yusuan::Error::EmptyInput.table(), None);
    /// ```
    #[must_use]
    pub fn table(&self) -> Option<&str> {
        match self {
            Error::TruncatedTable { table, .. } => Some(table),
            _ => None,
        }
    }

    /// Every error code, for documentation and for the bindings' exception tables.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(yusuan::Error::all_codes().contains(&"truncated_table"));
    /// ```
    #[must_use]
    pub fn all_codes() -> &'static [&'static str] {
        &[
            "empty_input",
            "invalid_utf8",
            "not_text",
            "input_too_large",
            "not_a_disclosure",
            "truncated_table",
            "invalid_catalog",
            "invalid_template",
            "invalid_option",
            "not_a_pdf",
            "pdf_unsupported",
            "pdf_encrypted",
            "pdf_damaged",
            "pdf_no_text",
            "pdf_too_large",
            "pdf_decompression_bomb",
        ]
    }
}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
