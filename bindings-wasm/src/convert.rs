//! Conversions at the boundary: JS values in (the input text or bytes, option objects), plain JS
//! objects out.
//!
//! Results go out through the core's own serde JSON and `JSON.parse`: the objects JS sees are then
//! exactly the JSON the CLI prints (decimals as strings, `null` where the JSON has `null`, absent
//! fields absent), and one string crosses the boundary instead of one call per field. Options come
//! in the same way, through `JSON.stringify`, and the core reads them ([`yusuan::Options`]).

use js_sys::{Array, JSON, Uint8Array};
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};

use crate::errors::{invalid_option, to_js as error};

/// Serialises `value` to a plain JS object (via JSON).
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let json = serde_json::to_string(value).map_err(|e| {
        // Unreachable for the core's types (no maps with non-string keys, no custom serialisers
        // that fail); still an `Error`, never a panic.
        JsValue::from(js_sys::Error::new(&format!(
            "cannot convert the result to JavaScript: {e}"
        )))
    })?;
    JSON::parse(&json)
}

/// Reads a plain JS object into a core type (via `JSON.stringify`); an `invalid_option` error
/// naming `what` when it does not have that shape.
pub(crate) fn from_js<T: DeserializeOwned>(
    value: &JsValue,
    what: &str,
    expected: &str,
) -> Result<T, JsValue> {
    json_of(value)
        .and_then(|v| serde_json::from_value(v).ok())
        .ok_or_else(|| invalid_option(what, &type_name(value), expected))
}

/// A JS value as JSON (`undefined` as `null`); `None` when `JSON.stringify` refuses it.
fn json_of(value: &JsValue) -> Option<serde_json::Value> {
    if value.is_undefined() {
        return Some(serde_json::Value::Null);
    }
    let text = JSON::stringify(value).ok()?.as_string()?;
    serde_json::from_str(&text).ok()
}

/// The input of every function: text, or bytes (a PDF, or text the core decodes).
pub(crate) enum Input {
    Text(String),
    Bytes(Vec<u8>),
}

impl Input {
    pub(crate) fn from_js(value: &JsValue, name: &str) -> Result<Input, JsValue> {
        if let Some(s) = value.as_string() {
            Ok(Input::Text(s))
        } else if let Some(bytes) = value.dyn_ref::<Uint8Array>() {
            Ok(Input::Bytes(bytes.to_vec()))
        } else {
            Err(invalid_option(
                name,
                &type_name(value),
                "a string, a Uint8Array",
            ))
        }
    }

    /// The core's view of the input.
    pub(crate) fn core(&self) -> yusuan::Input<'_> {
        match self {
            Input::Text(s) => yusuan::Input::Text(s),
            Input::Bytes(b) => yusuan::Input::Bytes(b),
        }
    }
}

/// The bytes of a `Uint8Array` argument called `name`; anything else is `invalid_option`.
pub(crate) fn bytes(value: &JsValue, name: &str) -> Result<Vec<u8>, JsValue> {
    value
        .dyn_ref::<Uint8Array>()
        .map(Uint8Array::to_vec)
        .ok_or_else(|| invalid_option(name, &type_name(value), "a Uint8Array"))
}

/// A value for a message: a number or string as it is, anything else by its type.
pub(crate) fn describe(value: &JsValue) -> String {
    if let Some(n) = value.as_f64() {
        n.to_string()
    } else if let Some(s) = value.as_string() {
        s
    } else {
        type_name(value)
    }
}

/// The options of a function from a plain object (or `undefined`/`null`): only the keys in
/// `allowed` (the core's names, see [`yusuan::Options::from_value`]; written in camelCase here),
/// and `extra` keys this package reads itself, returned apart. Omitted (or `undefined`) fields
/// keep the core's defaults; an unknown key or a value of the wrong type is `invalid_option`.
pub(crate) fn options(
    value: &JsValue,
    allowed: &[&str],
    extra: &[&str],
) -> Result<(yusuan::Options, serde_json::Map<String, serde_json::Value>), JsValue> {
    let json =
        json_of(value).ok_or_else(|| invalid_option("options", &type_name(value), "an object"))?;
    let mut rest = serde_json::Map::new();
    let json = match json {
        serde_json::Value::Object(mut map) => {
            for key in extra {
                if let Some(v) = map.remove(*key) {
                    rest.insert((*key).to_owned(), v);
                }
            }
            serde_json::Value::Object(map)
        }
        other => other,
    };
    let options = yusuan::Options::from_value(&json, allowed).map_err(|e| error(&e))?;
    Ok((options, rest))
}

/// What a value is, for messages: `typeof`, with arrays and `null` told apart.
pub(crate) fn type_name(v: &JsValue) -> String {
    if v.is_null() {
        "null".to_owned()
    } else if Array::is_array(v) {
        "array".to_owned()
    } else {
        v.js_typeof().as_string().unwrap_or_default()
    }
}
