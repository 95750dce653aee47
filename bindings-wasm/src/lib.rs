//! # yusuan for JavaScript
//!
//! WebAssembly bindings of the [`yusuan`] core, built into the npm package `yusuan` by
//! `bindings-wasm/build.sh` (wasm-bindgen `web` and `nodejs` targets, then `wasm-opt -Oz`).
//!
//! Documents are text or bytes; bytes are a PDF (told by `%PDF-` at their start) or text, as the
//! core's `yusuan::read` tells them apart. `checkPdf` reads a PDF only, and `pdfPage` gives what
//! one page of a PDF shows (characters, ruling lines), for drawing the region of a finding.
//!
//! Thin by design: each function converts its arguments, calls the core, and converts the result
//! to plain JS objects in the JSON shape the CLI prints (amounts as decimal strings). Errors are
//! thrown as real `Error` objects named `YusuanError` with the core's stable `code` (one mapping,
//! in `errors.rs`). Nothing here may panic: a panic would abort and leave the instance unusable.
//!
//! ```js
//! import init, { check } from "yusuan";   // the web build; in Node, no init is needed
//! await init();
//! const report = check(text, { includePasses: false });
//! for (const f of report.findings) console.log(f.rule, f.outcome, f.message_en);
//! ```

#![forbid(unsafe_code)]

mod convert;
mod errors;
mod types;

use wasm_bindgen::prelude::*;

use convert::{Input, to_js};
use yusuan::Options;

/// Runs when the module is instantiated: installs the panic hook (default feature
/// `console_error_panic_hook`) so that a panic, should one ever happen, logs its message.
#[wasm_bindgen(start)]
fn start() {
    #[cfg(feature = "console_error_panic_hook")]
    console_error_panic_hook::set_once();
}

/// Reads a disclosure into the typed model (the JSON of `yusuan parse --format json`); with
/// `narrativeOnly`, only its narrative (情况说明), whatever the template of its tables.
///
/// Throws a `YusuanError` for input that cannot be read (`empty_input`, `not_a_disclosure`,
/// `truncated_table`, …), for a template that cannot be read (`invalid_template`) and for bad
/// options (`invalid_option`).
#[wasm_bindgen(unchecked_return_type = "Document")]
pub fn parse(
    #[wasm_bindgen(unchecked_param_type = "Input")] input: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ParseOptions")] options: &JsValue,
) -> Result<JsValue, JsValue> {
    let (options, _) = convert::options(options, Options::READ, &[])?;
    to_js(&read(&options, input, "input")?)
}

/// Reads and checks a disclosure: the report (`yusuan check --format json`), with every rule
/// instance that did not pass (and the passes too with `includePasses`).
///
/// A sum that does not add up is a finding in the report, never an exception: only input that
/// cannot be read and bad options throw a `YusuanError`.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn check(
    #[wasm_bindgen(unchecked_param_type = "Input")] input: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CheckOptions")] options: &JsValue,
) -> Result<JsValue, JsValue> {
    to_js(&run_check(input, options)?)
}

/// Like `check`, but returns the report as the exact JSON text `yusuan check --format json`
/// prints (for saving or sending it on unchanged).
#[wasm_bindgen(js_name = checkJson)]
pub fn check_json(
    #[wasm_bindgen(unchecked_param_type = "Input")] input: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CheckOptions")] options: &JsValue,
) -> Result<String, JsValue> {
    Ok(run_check(input, options)?.to_json())
}

/// Reads and checks a PDF, given as its bytes: the report of `yusuan check FILE.pdf --format
/// json`, each piece of evidence with its `page` and `bbox`. Unlike `check`, bytes that are not a
/// PDF are refused (`not_a_pdf`) rather than read as text.
///
/// Throws a `YusuanError` for a file that cannot be read (`pdf_damaged`, `pdf_encrypted`,
/// `pdf_no_text`, `pdf_too_large`, `pdf_decompression_bomb`, `not_a_pdf`, `empty_input`), a PDF
/// that is not a disclosure (`not_a_disclosure`, …) and bad options (`invalid_option`).
#[wasm_bindgen(js_name = checkPdf, unchecked_return_type = "Report")]
pub fn check_pdf(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] bytes: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CheckOptions")] options: &JsValue,
) -> Result<JsValue, JsValue> {
    let (options, _) = convert::options(options, Options::CHECK, &[])?;
    let bytes = convert::bytes(bytes, "bytes")?;
    let grid = yusuan::source::pdf::grid(&bytes).map_err(|e| errors::to_js(&e))?;
    let parser = options.parser();
    let doc = if options.narrative_only {
        parser.read_narrative_grid(&grid)
    } else {
        parser.read_grid(&grid)
    }
    .map_err(|e| errors::to_js(&e))?;
    to_js(&options.checker().check(&doc))
}

/// The text form of a document (what `yusuan text FILE` prints): for a PDF, the text of its
/// extraction (tables as tab-separated rows, pages separated by form feeds), whose line numbers
/// are those of the findings; for text, the text as the reader splits it into lines.
#[wasm_bindgen(js_name = textForm)]
pub fn text_form(
    #[wasm_bindgen(unchecked_param_type = "Input")] input: &JsValue,
) -> Result<String, JsValue> {
    match Input::from_js(input, "input")? {
        // a string is text, as `check` reads it (only bytes can be a PDF)
        Input::Text(text) => Ok(yusuan::source::text::grid(&text).to_text()),
        Input::Bytes(bytes) => yusuan::Parser::new()
            .text_form(&bytes)
            .map_err(|e| errors::to_js(&e)),
    }
}

/// What page `page` (1-based) of a PDF shows: its size, its characters (text and box) and its
/// ruling lines and rectangles, in the coordinates of the evidence's `bbox` (points from the
/// page's top-left corner). Enough to draw the region around a finding's cells.
///
/// Throws a `YusuanError`: `invalid_option` for a page that is not in the document, and the
/// errors of `checkPdf` for a file that cannot be read.
#[wasm_bindgen(js_name = pdfPage, unchecked_return_type = "PdfPage")]
pub fn pdf_page(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] bytes: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] page: &JsValue,
) -> Result<JsValue, JsValue> {
    let bytes = convert::bytes(bytes, "bytes")?;
    let number = page
        .as_f64()
        .filter(|n| n.fract() == 0.0 && *n >= 1.0 && *n <= f64::from(u32::MAX))
        .ok_or_else(|| {
            errors::invalid_option("page", &convert::describe(page), "a page number from 1")
        })?;
    // checked above: a whole number within u32
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let number = number as u32;
    to_js(&yusuan::source::pdf::page_geometry(&bytes, number).map_err(|e| errors::to_js(&e))?)
}

fn run_check(input: &JsValue, options: &JsValue) -> Result<yusuan::Report, JsValue> {
    let (options, _) = convert::options(options, Options::CHECK, &[])?;
    Ok(options.checker().check(&read(&options, input, "input")?))
}

/// Compares the disclosures of one body for two consecutive years (`yusuan compare EARLIER LATER
/// --format json`): per table and line the change, growth and contribution, the lines that
/// appeared or vanished, and the later document's prior-year figures checked against the earlier
/// document. Given in the wrong order, the two are put in year order (a note says so). Documents
/// of two bodies, or of years that do not follow each other, get no prior-year check (a note
/// `prior_year_not_checked` says why).
///
/// Disagreeing figures are results (`summary.prior_fail`), never an exception: only an input that
/// cannot be read (the error's `input` says which) and bad options throw a `YusuanError`.
#[wasm_bindgen(unchecked_return_type = "Comparison")]
pub fn compare(
    #[wasm_bindgen(unchecked_param_type = "Input")] earlier: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Input")] later: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CompareOptions")] options: &JsValue,
) -> Result<JsValue, JsValue> {
    to_js(&run_compare(earlier, later, options, &[])?.0)
}

/// Like `compare`, but returns the exact JSON text `yusuan compare EARLIER LATER --format json`
/// prints.
#[wasm_bindgen(js_name = compareJson)]
pub fn compare_json(
    #[wasm_bindgen(unchecked_param_type = "Input")] earlier: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Input")] later: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CompareOptions")] options: &JsValue,
) -> Result<String, JsValue> {
    Ok(run_compare(earlier, later, options, &[])?.0.to_json())
}

/// The comparison as the readable text (or, with `format: "markdown"`, the Markdown) that
/// `yusuan compare` prints: the prior-year figures that disagree and the lines that changed
/// (with `all`, every line and figure).
#[wasm_bindgen(js_name = compareText)]
pub fn compare_text(
    #[wasm_bindgen(unchecked_param_type = "Input")] earlier: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Input")] later: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CompareTextOptions")] options: &JsValue,
) -> Result<String, JsValue> {
    let (cmp, extra) = run_compare(earlier, later, options, &["all", "format"])?;
    let all = match extra.get("all") {
        None => false,
        Some(v) => v
            .as_bool()
            .ok_or_else(|| errors::invalid_option("all", &v.to_string(), "true, false"))?,
    };
    match extra.get("format") {
        None => Ok(cmp.to_text(all)),
        Some(f) if f == "text" => Ok(cmp.to_text(all)),
        Some(f) if f == "markdown" => Ok(cmp.to_markdown(all)),
        Some(f) => Err(errors::invalid_option(
            "format",
            &f.to_string(),
            "text, markdown",
        )),
    }
}

fn run_compare(
    earlier: &JsValue,
    later: &JsValue,
    options: &JsValue,
    extra: &[&str],
) -> Result<
    (
        yusuan::Comparison,
        serde_json::Map<String, serde_json::Value>,
    ),
    JsValue,
> {
    let (options, rest) = convert::options(options, Options::COMPARE, extra)?;
    let earlier = read(&options, earlier, "earlier")?;
    let later = read(&options, later, "later")?;
    let cmp = yusuan::compare::compare_with(&earlier, &later, &options.policy);
    Ok((cmp, rest))
}

/// The claims of a disclosure's narrative (`yusuan claims FILE --format json`): per sentence the
/// subject, amount, change (Δ, %, base), share and reason, with standalone reasons and template
/// residue. With `narrativeOnly`, the input is read as narrative only (any template, or no
/// tables).
#[wasm_bindgen(unchecked_return_type = "Claims")]
pub fn claims(
    #[wasm_bindgen(unchecked_param_type = "Input")] input: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ClaimsOptions")] options: &JsValue,
) -> Result<JsValue, JsValue> {
    let (options, _) = convert::options(options, Options::READ, &[])?;
    to_js(&yusuan::claims::extract_all(&read(
        &options, input, "input",
    )?))
}

/// Reads the input called `name` as `options` say; an error about `earlier` or `later` says
/// which (`input`).
fn read(options: &Options, input: &JsValue, name: &str) -> Result<yusuan::Document, JsValue> {
    let input = Input::from_js(input, name)?;
    let doc = options.read(&options.parser(), input.core());
    let named = |e: &yusuan::Error| {
        if name == "input" {
            errors::to_js(e)
        } else {
            errors::to_js_for(e, name)
        }
    };
    doc.map(std::borrow::Cow::into_owned).map_err(|e| named(&e))
}

/// The rule catalogue, in the order rules run (`yusuan rules --format json`).
#[wasm_bindgen(unchecked_return_type = "RuleInfo[]")]
pub fn rules() -> Result<JsValue, JsValue> {
    to_js(&yusuan::check::rules())
}

/// A code of the built-in classification catalog (政府收支分类科目), or `undefined` when the
/// catalog does not have it (`yusuan catalog CODE --format json`).
#[wasm_bindgen(unchecked_return_type = "CatalogEntry | undefined")]
pub fn lookup(
    #[wasm_bindgen(unchecked_param_type = "string")] code: &JsValue,
) -> Result<JsValue, JsValue> {
    let Some(code) = code.as_string() else {
        return Err(errors::invalid_option(
            "code",
            &convert::type_name(code),
            "a string",
        ));
    };
    match yusuan::catalog::Catalog::builtin().lookup(&code) {
        Some(entry) => to_js(entry),
        None => Ok(JsValue::UNDEFINED),
    }
}

/// The name findings and their evidence give a column in `column` (`合计`, `支出金额(预算数)`):
/// with the table key and a cell's `line`, it finds the cell a piece of evidence points at.
#[wasm_bindgen(js_name = columnName)]
pub fn column_name(
    #[wasm_bindgen(unchecked_param_type = "Column")] column: &JsValue,
) -> Result<String, JsValue> {
    let column: yusuan::Column = convert::from_js(column, "column", "a Column of a parsed Table")?;
    Ok(column.name())
}

/// Every error code a `YusuanError` can carry.
#[wasm_bindgen(js_name = errorCodes, unchecked_return_type = "ErrorCode[]")]
pub fn error_codes() -> Result<JsValue, JsValue> {
    to_js(yusuan::Error::all_codes())
}

/// The version of the package (and of the core it was built from).
#[wasm_bindgen]
#[must_use]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
