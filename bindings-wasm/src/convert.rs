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

    /// Reads the input with `parser`: the whole disclosure, or only its narrative (情况说明). Bytes
    /// read as a narrative are decoded as the core decodes them for `parse_bytes`, so invalid
    /// UTF-8 is `invalid_utf8` either way.
    pub(crate) fn parse(
        &self,
        parser: &yusuan::Parser<'_>,
        narrative_only: bool,
    ) -> yusuan::Result<yusuan::Document> {
        match (self, narrative_only) {
            (Input::Text(s), false) => parser.parse(s),
            (Input::Bytes(b), false) => parser.parse_bytes(b),
            (Input::Text(s), true) => parser.parse_narrative(s),
            (Input::Bytes(b), true) => std::str::from_utf8(b)
                .map_err(|e| yusuan::Error::InvalidUtf8 {
                    offset: e.valid_up_to(),
                })
                .and_then(|s| parser.parse_narrative(s)),
        }
    }
}

/// Options of every function that reads a document, read from a plain object. Omitted (or
/// `undefined`) fields keep the core's defaults; an unknown field or a value of the wrong type is
/// an `invalid_option` error, so that a misspelt option does not silently do nothing.
#[derive(Default)]
pub(crate) struct Options {
    layout: Option<&'static yusuan::template::Template>,
    narrative_only: bool,
    include_passes: Option<bool>,
    soft_rules: Option<bool>,
    skip_rules: Option<Vec<String>>,
    envelope_factor: Option<Decimal>,
    code_whitelist: Option<Vec<String>>,
    strict_zero_base: Option<bool>,
    /// `compareText`: every line and prior-year figure, not only the changes and disagreements.
    pub(crate) all: bool,
    /// `compareText`: Markdown rather than plain text.
    pub(crate) markdown: bool,
}

/// The option names each function accepts.
pub(crate) const PARSE_OPTIONS: &[&str] = &["layout", "narrativeOnly"];
pub(crate) const CHECK_OPTIONS: &[&str] = &[
    "layout",
    "narrativeOnly",
    "includePasses",
    "softRules",
    "skipRules",
    "envelopeFactor",
    "codeWhitelist",
    "strictZeroBase",
];
pub(crate) const COMPARE_OPTIONS: &[&str] = &["layout"];
pub(crate) const COMPARE_TEXT_OPTIONS: &[&str] = &["layout", "all", "format"];
pub(crate) const CLAIMS_OPTIONS: &[&str] = &["layout", "narrativeOnly"];

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
                "layout" => options.layout = Some(layout(&string(&key, &v)?)?),
                "narrativeOnly" => options.narrative_only = boolean(&key, &v)?,
                "includePasses" => options.include_passes = Some(boolean(&key, &v)?),
                "softRules" => options.soft_rules = Some(boolean(&key, &v)?),
                "skipRules" => options.skip_rules = Some(strings(&key, &v)?),
                "codeWhitelist" => options.code_whitelist = Some(strings(&key, &v)?),
                "strictZeroBase" => options.strict_zero_base = Some(boolean(&key, &v)?),
                "envelopeFactor" => {
                    let s = string(&key, &v)?;
                    let d = Decimal::from_str(s.trim())
                        .map_err(|_| invalid_option(&key, &s, "a decimal string such as \"1\""))?;
                    options.envelope_factor = Some(d);
                }
                "all" => options.all = boolean(&key, &v)?,
                "format" => {
                    options.markdown = match string(&key, &v)?.as_str() {
                        "text" => false,
                        "markdown" => true,
                        other => return Err(invalid_option(&key, other, "text, markdown")),
                    }
                }
                _ => return Err(invalid_option("options", &key, &allowed.join(", "))),
            }
        }
        // The narrative is read whatever the layout: a layout given with it would do nothing.
        if let (true, Some(layout)) = (options.narrative_only, options.layout) {
            return Err(invalid_option(
                "layout",
                &layout.name,
                "undefined (`narrativeOnly` reads the narrative of any layout)",
            ));
        }
        Ok(options)
    }

    /// Reads `input` as these options ask: with the layout given (or the one whose titles match),
    /// or only its narrative.
    pub(crate) fn read(&self, input: &Input) -> yusuan::Result<yusuan::Document> {
        let parser = yusuan::Parser::new();
        match self.layout {
            Some(layout) => input.parse(&parser.with_template(layout.clone()), self.narrative_only),
            None => input.parse(&parser, self.narrative_only),
        }
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
        if let Some(v) = self.strict_zero_base {
            policy.strict_zero_base = v;
        }
        let checker = yusuan::Checker::new().with_policy(policy);
        match self.include_passes {
            Some(v) => checker.include_passes(v),
            None => checker,
        }
    }
}

/// A built-in layout by name; `invalid_option` listing the names otherwise.
fn layout(name: &str) -> Result<&'static yusuan::template::Template, JsValue> {
    yusuan::template::Template::by_name(name).ok_or_else(|| {
        let names: Vec<&str> = yusuan::template::Template::builtin()
            .iter()
            .map(|l| l.name.as_str())
            .collect();
        invalid_option("layout", name, &names.join(", "))
    })
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
