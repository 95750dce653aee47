//! # yusuan for JavaScript
//!
//! WebAssembly bindings of the [`yusuan`] core, built into the npm package `yusuan` by
//! `bindings-wasm/build.sh` (wasm-bindgen `web` and `nodejs` targets, then `wasm-opt -Oz`).
//!
//! Thin by design: each function converts its arguments, calls the core, and converts the result
//! to plain JS objects in the JSON shape the CLI prints (amounts as decimal strings). Errors are
//! thrown as real `Error` objects named `YusuanError` with the core's stable `code` (one mapping,
//! in `errors.rs`). Nothing here may panic: a panic would abort and leave the instance unusable.
//!
//! ```js
//! import init, { check } from "yusuan";
//! await init();
//! const report = check(text, { includePasses: false });
//! for (const f of report.findings) console.log(f.rule, f.outcome, f.message_en);
//! ```

#![forbid(unsafe_code)]

mod convert;
mod errors;
mod types;

use wasm_bindgen::prelude::*;

use convert::{
    CHECK_OPTIONS, CLAIMS_OPTIONS, COMPARE_OPTIONS, COMPARE_TEXT_OPTIONS, Input, Options,
    PARSE_OPTIONS, to_js,
};

/// Runs when the module is instantiated: installs the panic hook (default feature
/// `console_error_panic_hook`) so that a panic, should one ever happen, logs its message.
#[wasm_bindgen(start)]
fn start() {
    #[cfg(feature = "console_error_panic_hook")]
    console_error_panic_hook::set_once();
}

/// Reads a disclosure into the typed model (the JSON of `yusuan parse --format json`); with
/// `narrativeOnly`, only its narrative (情况说明), whatever the layout of its tables.
///
/// Throws a `YusuanError` for input that cannot be read (`empty_input`, `not_a_disclosure`,
/// `truncated_table`, …) and for bad options (`invalid_option`).
#[wasm_bindgen(unchecked_return_type = "Document")]
pub fn parse(
    #[wasm_bindgen(unchecked_param_type = "Input")] input: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ParseOptions")] options: &JsValue,
) -> Result<JsValue, JsValue> {
    to_js(&read_document(input, options, PARSE_OPTIONS)?.0)
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

fn run_check(input: &JsValue, options: &JsValue) -> Result<yusuan::Report, JsValue> {
    let (doc, options) = read_document(input, options, CHECK_OPTIONS)?;
    Ok(options.checker().check(&doc))
}

/// Compares the disclosures of one body for two consecutive years (`yusuan compare EARLIER LATER
/// --format json`): per table and line the change, growth and contribution, the lines that
/// appeared or vanished, and the later document's prior-year figures checked against the earlier
/// document. Given in the wrong order, the two are put in year order (a note says so).
///
/// Disagreeing figures are results (`summary.prior_fail`), never an exception: only an input that
/// cannot be read (the error's `input` says which) and bad options throw a `YusuanError`.
#[wasm_bindgen(unchecked_return_type = "Comparison")]
pub fn compare(
    #[wasm_bindgen(unchecked_param_type = "Input")] earlier: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Input")] later: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CompareOptions")] options: &JsValue,
) -> Result<JsValue, JsValue> {
    to_js(&run_compare(earlier, later, options, COMPARE_OPTIONS)?.0)
}

/// Like `compare`, but returns the exact JSON text `yusuan compare EARLIER LATER --format json`
/// prints.
#[wasm_bindgen(js_name = compareJson)]
pub fn compare_json(
    #[wasm_bindgen(unchecked_param_type = "Input")] earlier: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Input")] later: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CompareOptions")] options: &JsValue,
) -> Result<String, JsValue> {
    Ok(run_compare(earlier, later, options, COMPARE_OPTIONS)?
        .0
        .to_json())
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
    let (cmp, options) = run_compare(earlier, later, options, COMPARE_TEXT_OPTIONS)?;
    Ok(if options.markdown {
        cmp.to_markdown(options.all)
    } else {
        cmp.to_text(options.all)
    })
}

fn run_compare(
    earlier: &JsValue,
    later: &JsValue,
    options: &JsValue,
    allowed: &[&str],
) -> Result<(yusuan::Comparison, Options), JsValue> {
    let options = Options::from_js(options, allowed)?;
    let earlier = Input::from_js(earlier, "earlier")?;
    let later = Input::from_js(later, "later")?;
    let earlier = options
        .read(&earlier)
        .map_err(|e| errors::to_js_for(&e, "earlier"))?;
    let later = options
        .read(&later)
        .map_err(|e| errors::to_js_for(&e, "later"))?;
    Ok((yusuan::compare(&earlier, &later), options))
}

/// The claims of a disclosure's narrative (`yusuan claims FILE --format json`): per sentence the
/// subject, amount, change (Δ, %, base), share and reason, with standalone reasons and template
/// residue. With `narrativeOnly`, the input is read as narrative only (any layout, or no tables).
#[wasm_bindgen(unchecked_return_type = "Claims")]
pub fn claims(
    #[wasm_bindgen(unchecked_param_type = "Input")] input: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ClaimsOptions")] options: &JsValue,
) -> Result<JsValue, JsValue> {
    to_js(&yusuan::claims::extract_all(
        &read_document(input, options, CLAIMS_OPTIONS)?.0,
    ))
}

/// Reads the options (those in `allowed`), then the input with them.
fn read_document(
    input: &JsValue,
    options: &JsValue,
    allowed: &[&str],
) -> Result<(yusuan::Document, Options), JsValue> {
    let options = Options::from_js(options, allowed)?;
    let input = Input::from_js(input, "input")?;
    let doc = options.read(&input).map_err(|e| errors::to_js(&e))?;
    Ok((doc, options))
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
