//! The one mapping from the core's [`yusuan::Error`] to a JavaScript `Error`.
//!
//! Every function of the package throws a real `Error` (so `instanceof Error`, a stack trace and
//! `console.error` all work) with `name = "YusuanError"`, the core's stable `code`, `line` and
//! `table` when the error points at them, `page` (1-based) when a PDF error points at a page, `input` (`"earlier"` or `"later"`) when `compare` could
//! not read one of its two inputs, and `details`: the error's fields as an object.

use js_sys::{Error as JsError, Reflect};
use wasm_bindgen::JsValue;

/// The `name` of every error the package throws.
pub(crate) const ERROR_NAME: &str = "YusuanError";

/// Converts a core error into the `Error` object JS sees.
pub(crate) fn to_js(err: &yusuan::Error) -> JsValue {
    let js = JsError::new(&err.to_string());
    js.set_name(ERROR_NAME);
    set(&js, "code", &JsValue::from_str(err.code()));
    if let Some(line) = err.line() {
        set(&js, "line", &JsValue::from(line));
    }
    if let Some(table) = err.table() {
        set(&js, "table", &JsValue::from_str(table));
    }
    if let Some(page) = err.page() {
        set(&js, "page", &JsValue::from(page));
    }
    // The core serialises an error as its fields tagged with `code`; fall back to the code alone.
    let details = crate::convert::to_js(err)
        .ok()
        .filter(JsValue::is_object)
        .unwrap_or_else(|| {
            let obj = js_sys::Object::new();
            set(&obj, "code", &JsValue::from_str(err.code()));
            obj.into()
        });
    set(&js, "details", &details);
    js.into()
}

/// Converts a core error about one of two inputs (`compare`): the `Error` of [`to_js`] with
/// `input` set to `"earlier"` or `"later"`.
pub(crate) fn to_js_for(err: &yusuan::Error, input: &str) -> JsValue {
    let js = to_js(err);
    set(&js, "input", &JsValue::from_str(input));
    js
}

/// `target[key] = value`. Defining a property on a fresh `Error` or plain object cannot fail, and
/// if it somehow did, the error would still be thrown without that property: nothing to report.
fn set(target: &JsValue, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

/// An option that is not one of the allowed values (`invalid_option`).
pub(crate) fn invalid_option(option: &str, value: &str, expected: &str) -> JsValue {
    to_js(&yusuan::Error::InvalidOption {
        option: option.to_owned(),
        value: value.to_owned(),
        expected: expected.to_owned(),
    })
}
