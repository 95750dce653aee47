//! Conversions at the boundary: JS values in (the input text or bytes, option objects), plain JS
//! objects out.
//!
//! Results go out through the core's own serde JSON and `JSON.parse`: the objects JS sees are then
//! exactly the JSON the CLI prints (decimals as strings, `null` where the JSON has `null`, absent
//! fields absent), and one string crosses the boundary instead of one call per field.

use std::str::FromStr;

use js_sys::{Array, JSON, Object, Uint8Array};
use rust_decimal::Decimal;
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};

use crate::errors::invalid_option;

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
    JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .and_then(|s| serde_json::from_str(&s).ok())
        .ok_or_else(|| invalid_option(what, &type_name(value), expected))
}

/// The input of `parse` and `check`: text, or bytes that the core decodes as UTF-8.
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

    pub(crate) fn parse(&self, parser: &yusuan::Parser<'_>) -> yusuan::Result<yusuan::Document> {
        match self {
            Input::Text(s) => parser.parse(s),
            Input::Bytes(b) => parser.parse_bytes(b),
        }
    }
}

/// Options of `parse` and `check`, read from a plain object. Omitted (or `undefined`) fields keep
/// the core's defaults; an unknown field or a value of the wrong type is an `invalid_option`
/// error, so that a misspelt option does not silently do nothing.
#[derive(Default)]
pub(crate) struct Options {
    pub(crate) layout: Option<String>,
    pub(crate) include_passes: Option<bool>,
    pub(crate) soft_rules: Option<bool>,
    pub(crate) skip_rules: Option<Vec<String>>,
    pub(crate) envelope_factor: Option<Decimal>,
    pub(crate) code_whitelist: Option<Vec<String>>,
}

/// The option names each function accepts.
pub(crate) const PARSE_OPTIONS: &[&str] = &["layout"];
pub(crate) const CHECK_OPTIONS: &[&str] = &[
    "layout",
    "includePasses",
    "softRules",
    "skipRules",
    "envelopeFactor",
    "codeWhitelist",
];

impl Options {
    pub(crate) fn from_js(value: &JsValue, allowed: &[&str]) -> Result<Options, JsValue> {
        let mut options = Options::default();
        if value.is_undefined() || value.is_null() {
            return Ok(options);
        }
        if !value.is_object() || Array::is_array(value) {
            return Err(invalid_option("options", &type_name(value), "an object"));
        }
        let object: &Object = value.unchecked_ref();
        for entry in Object::entries(object).iter() {
            let pair: Array = entry.unchecked_into();
            let key = pair.get(0).as_string().unwrap_or_default();
            let v = pair.get(1);
            if !allowed.contains(&key.as_str()) {
                return Err(invalid_option("options", &key, &allowed.join(", ")));
            }
            if v.is_undefined() {
                continue;
            }
            match key.as_str() {
                "layout" => options.layout = Some(string(&key, &v)?),
                "includePasses" => options.include_passes = Some(boolean(&key, &v)?),
                "softRules" => options.soft_rules = Some(boolean(&key, &v)?),
                "skipRules" => options.skip_rules = Some(strings(&key, &v)?),
                "codeWhitelist" => options.code_whitelist = Some(strings(&key, &v)?),
                "envelopeFactor" => {
                    let s = string(&key, &v)?;
                    let d = Decimal::from_str(s.trim())
                        .map_err(|_| invalid_option(&key, &s, "a decimal string such as \"1\""))?;
                    options.envelope_factor = Some(d);
                }
                _ => return Err(invalid_option("options", &key, &allowed.join(", "))),
            }
        }
        Ok(options)
    }

    /// The parser these options ask for.
    pub(crate) fn parser(&self) -> Result<yusuan::Parser<'static>, JsValue> {
        let parser = yusuan::Parser::new();
        let Some(name) = &self.layout else {
            return Ok(parser);
        };
        let layout = yusuan::layout::Layout::by_name(name).ok_or_else(|| {
            let names: Vec<&str> = yusuan::layout::Layout::builtin()
                .iter()
                .map(|l| l.name.as_str())
                .collect();
            invalid_option("layout", name, &names.join(", "))
        })?;
        Ok(parser.with_layout(layout.clone()))
    }

    /// The checker these options ask for: the core's defaults for every field not given.
    pub(crate) fn checker(&self) -> yusuan::Checker<'static> {
        let mut policy = yusuan::Policy::default();
        if let Some(v) = self.soft_rules {
            policy.soft_rules = v;
        }
        if let Some(v) = &self.skip_rules {
            policy.skip_rules.clone_from(v);
        }
        if let Some(v) = self.envelope_factor {
            policy.envelope_factor = v;
        }
        if let Some(v) = &self.code_whitelist {
            policy.code_whitelist.clone_from(v);
        }
        let checker = yusuan::Checker::new().with_policy(policy);
        match self.include_passes {
            Some(v) => checker.include_passes(v),
            None => checker,
        }
    }
}

fn string(key: &str, v: &JsValue) -> Result<String, JsValue> {
    v.as_string()
        .ok_or_else(|| invalid_option(key, &type_name(v), "a string"))
}

fn boolean(key: &str, v: &JsValue) -> Result<bool, JsValue> {
    v.as_bool()
        .ok_or_else(|| invalid_option(key, &type_name(v), "true, false"))
}

fn strings(key: &str, v: &JsValue) -> Result<Vec<String>, JsValue> {
    if !Array::is_array(v) {
        return Err(invalid_option(key, &type_name(v), "an array of strings"));
    }
    let array: &Array = v.unchecked_ref();
    array
        .iter()
        .map(|item| {
            item.as_string()
                .ok_or_else(|| invalid_option(key, &type_name(&item), "an array of strings"))
        })
        .collect()
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
