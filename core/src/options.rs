//! What every front end does between its arguments and the core: the [`Options`] of a reading
//! and a check, the [`Input`] they are applied to, and a template given by name or as data.
//!
//! The command-line tool, the Python package and the WebAssembly package all read and check a
//! document the same way: a template chosen from the titles (or given), the whole disclosure or
//! only its narrative (情况说明), a [`Policy`], passes kept or not. [`Options`] holds those
//! choices; the front ends fill it from their own arguments (the WebAssembly package from a JS
//! object, through [`Options::from_value`]) and call [`Options::read`] and [`Options::check`].
//!
//! ```
//! use yusuan::options::{Input, Options};
//! # let text = include_str!("../../tests/corpus/seed_2025_yantai_unit_budget.txt");
//! let options = Options::from_json(
//!     r#"{"template": "national-12", "includePasses": true, "softRules": false}"#,
//!     Options::CHECK,
//! )?;
//! let report = options.check(Input::Text(text))?;
//! assert_eq!(report.document.template, "national-12");
//! assert!(report.summary.pass > 0 && report.findings.len() > report.summary.pass);
//! # Ok::<(), yusuan::Error>(())
//! ```

use std::borrow::Cow;

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer};
use serde_json::Value;

use crate::check::{Checker, Policy};
use crate::error::{Error, Result};
use crate::model::Document;
use crate::read::Parser;
use crate::report::Report;
use crate::template::Template;

/// A document as a front end is given it.
#[derive(Debug, Clone, Copy)]
pub enum Input<'a> {
    /// Text.
    Text(&'a str),
    /// Bytes, read as [`Parser::parse_bytes`] reads them (invalid UTF-8 is `invalid_utf8`).
    Bytes(&'a [u8]),
    /// A document read earlier (checked as it is; it cannot be read again).
    Document(&'a Document),
}

/// How to read and check a document.
///
/// Every field defaults to what [`crate::parse`] and [`crate::check()`] do. Read from a JSON
/// object ([`Options::from_json`], [`Options::from_value`], or serde), the keys are those of the
/// fields in camel case (`narrativeOnly`) or snake case (`narrative_only`); `template` (also
/// `layout`, its old name) is a built-in template's name, the JSON text of a template, or a
/// template object; the policy's fields (`softRules`, `skipRules`, `envelopeFactor` as a decimal
/// string or an integer, `codeWhitelist`, `strictZeroBase`) sit beside the others.
///
/// # Examples
///
/// ```
/// use yusuan::options::{Input, Options};
/// let options = Options { narrative_only: true, ..Options::default() };
/// let doc = options.read(&options.parser(), Input::Text("二、“三公”经费\n“三公”经费预算共10万元。\n"))?;
/// assert_eq!(doc.meta.template, "narrative");
/// # Ok::<(), yusuan::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Read with this template instead of choosing one from the titles found.
    pub template: Option<Template>,
    /// Read only the narrative (情况说明), whatever the template of the tables (no template then).
    pub narrative_only: bool,
    /// Keep the passing rule instances in the report's findings.
    pub include_passes: bool,
    /// Which rules run and how tolerant they are.
    pub policy: Policy,
}

impl Options {
    /// The keys that choose how a document is read (`parse`, `claims`).
    pub const READ: &'static [&'static str] = &["template", "layout", "narrative_only"];
    /// The keys of a check: those of [`Options::READ`], `include_passes` and the policy's.
    pub const CHECK: &'static [&'static str] = &[
        "template",
        "layout",
        "narrative_only",
        "include_passes",
        "soft_rules",
        "skip_rules",
        "envelope_factor",
        "code_whitelist",
        "strict_zero_base",
    ];
    /// The keys of a comparison: both documents are read with `template`, and stated prior-year
    /// figures are judged under `envelope_factor` ([`crate::compare::compare_with`]).
    pub const COMPARE: &'static [&'static str] = &["template", "layout", "envelope_factor"];
    /// The keys of a [`Policy`].
    pub const POLICY: &'static [&'static str] = &[
        "soft_rules",
        "skip_rules",
        "envelope_factor",
        "code_whitelist",
        "strict_zero_base",
    ];

    /// Options from the JSON text of an object (or `null`), with only the keys in `allowed`.
    pub fn from_json(json: &str, allowed: &[&str]) -> Result<Options> {
        let value: Value = serde_json::from_str(json).map_err(|e| Error::InvalidOption {
            option: "options".to_owned(),
            value: e.to_string(),
            expected: "a JSON object".to_owned(),
        })?;
        Options::from_value(&value, allowed)
    }

    /// Options from a JSON object (or `null`, the defaults), with only the keys in `allowed`
    /// (snake-case names; each may be written in camel case). A key not allowed, a value of the
    /// wrong type, or a template with `narrative_only`, is an `invalid_option` error naming the
    /// key as written; a template definition that cannot be read is `invalid_template`.
    ///
    /// # Examples
    ///
    /// ```
    /// use yusuan::options::Options;
    /// let value = serde_json::json!({"includepasses": true});
    /// let err = Options::from_value(&value, Options::CHECK).unwrap_err();
    /// assert_eq!(err.code(), "invalid_option");
    /// assert!(err.to_string().contains("`includepasses`"));
    /// ```
    pub fn from_value(value: &Value, allowed: &[&str]) -> Result<Options> {
        let mut options = Options::default();
        let map = match value {
            Value::Null => return Ok(options),
            Value::Object(map) => map,
            other => return Err(invalid("options", other, "an object")),
        };
        let mut template_key = "template";
        for (key, v) in map {
            let name = snake_case(key);
            let Some(&known) = allowed.iter().find(|a| **a == name) else {
                let names: Vec<String> = allowed.iter().map(|a| camel_case(a)).collect();
                return Err(Error::InvalidOption {
                    option: "options".to_owned(),
                    value: key.clone(),
                    expected: names.join(", "),
                });
            };
            if known == "template" || known == "layout" {
                template_key = known;
            }
            options.set(known, key, v)?;
        }
        options.validate(template_key)?;
        Ok(options)
    }

    /// Sets the option `name` (snake case) from a JSON value; `key` is how the user wrote it.
    fn set(&mut self, name: &str, key: &str, v: &Value) -> Result<()> {
        let p = &mut self.policy;
        match name {
            "template" | "layout" => self.template = Some(template_value(v, key)?),
            "narrative_only" => self.narrative_only = boolean(v, key)?,
            "include_passes" => self.include_passes = boolean(v, key)?,
            "soft_rules" => p.soft_rules = boolean(v, key)?,
            "strict_zero_base" => p.strict_zero_base = boolean(v, key)?,
            "skip_rules" => p.skip_rules = strings(v, key)?,
            "code_whitelist" => p.code_whitelist = strings(v, key)?,
            "envelope_factor" => p.envelope_factor = decimal(v, key)?,
            _ => {
                return Err(invalid(
                    "options",
                    &Value::String(key.to_owned()),
                    "a known option",
                ));
            }
        }
        Ok(())
    }

    /// A policy from a JSON object of [`Options::POLICY`] keys (the defaults for those left out).
    ///
    /// # Examples
    ///
    /// ```
    /// let policy = yusuan::options::Options::policy(&serde_json::json!({"strict_zero_base": true}))?;
    /// assert!(policy.strict_zero_base && policy.soft_rules);
    /// # Ok::<(), yusuan::Error>(())
    /// ```
    pub fn policy(value: &Value) -> Result<Policy> {
        Options::from_value(value, Options::POLICY).map(|o| o.policy)
    }

    /// Checks that the options go together: a template with `narrative_only` would do nothing
    /// (the narrative is read whatever the template). `template_option` names the template's
    /// option in the error (`template`, `layout`, `--template`).
    pub fn validate(&self, template_option: &str) -> Result<()> {
        match (&self.template, self.narrative_only) {
            (Some(t), true) => Err(Error::InvalidOption {
                option: template_option.to_owned(),
                value: t.name.clone(),
                expected: "no value together with a narrative-only reading (`narrative_only`, \
                           `narrativeOnly`, `--narrative-only`), which reads the narrative of any \
                           template"
                    .to_owned(),
            }),
            _ => Ok(()),
        }
    }

    /// The parser these options read with.
    #[must_use]
    pub fn parser(&self) -> Parser<'static> {
        match &self.template {
            Some(t) => Parser::new().with_template(t.clone()),
            None => Parser::new(),
        }
    }

    /// The checker these options check with.
    #[must_use]
    pub fn checker(&self) -> Checker<'static> {
        Checker::new()
            .with_policy(self.policy.clone())
            .include_passes(self.include_passes)
    }

    /// Reads `input` with `parser` (from [`Options::parser`], made once for many inputs): the
    /// whole disclosure, or only its narrative. A [`Input::Document`] is returned as it is; with
    /// `narrative_only` it is an `invalid_option` error (it was read already).
    pub fn read<'a>(&self, parser: &Parser<'_>, input: Input<'a>) -> Result<Cow<'a, Document>> {
        match (input, self.narrative_only) {
            (Input::Document(doc), false) => Ok(Cow::Borrowed(doc)),
            (Input::Document(_), true) => Err(Error::InvalidOption {
                option: "narrative_only".to_owned(),
                value: "a document read earlier".to_owned(),
                expected: "text or bytes (a parsed document cannot be read again)".to_owned(),
            }),
            (Input::Text(text), false) => parser.parse(text).map(Cow::Owned),
            (Input::Bytes(bytes), false) => parser.read(bytes).map(Cow::Owned),
            (Input::Text(text), true) => parser.parse_narrative(text).map(Cow::Owned),
            (Input::Bytes(bytes), true) => parser.read_narrative(bytes).map(Cow::Owned),
        }
    }

    /// Reads and checks `input`.
    ///
    /// # Examples
    ///
    /// ```
    /// use yusuan::options::{Input, Options};
    /// let err = Options::default().check(Input::Bytes(b"")).unwrap_err();
    /// assert_eq!(err.code(), "empty_input");
    /// ```
    pub fn check(&self, input: Input<'_>) -> Result<Report> {
        let doc = self.read(&self.parser(), input)?;
        Ok(self.checker().check(&doc))
    }
}

impl<'de> Deserialize<'de> for Options {
    /// Reads the options of a check ([`Options::CHECK`]) from any serde format.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        Options::from_value(&value, Options::CHECK).map_err(serde::de::Error::custom)
    }
}

/// A template given as a built-in template's name or as the JSON text of a definition (`{…}`);
/// `option` names the argument in the error. An unknown name is `invalid_option` (listing the
/// built-in names); a definition that cannot be read is `invalid_template`.
///
/// # Examples
///
/// ```
/// use yusuan::options::template;
/// assert_eq!(template("shanghai-9", "template")?.name, "shanghai-9");
/// let mine = template(r#"{"name": "mine", "tables": [{"key": "T05", "titles": ["一般公共预算支出情况表"], "kind": "functional"}]}"#, "template")?;
/// assert_eq!(mine.tables.len(), 1);
/// assert_eq!(template("atlantis", "layout").unwrap_err().code(), "invalid_option");
/// assert_eq!(template("{\"name\": 1}", "template").unwrap_err().code(), "invalid_template");
/// # Ok::<(), yusuan::Error>(())
/// ```
pub fn template(spec: &str, option: &str) -> Result<Template> {
    if let Some(t) = Template::by_name(spec.trim()) {
        return Ok(t.clone());
    }
    if spec.trim_start().starts_with('{') {
        return Template::from_json(spec);
    }
    Err(Error::InvalidOption {
        option: option.to_owned(),
        value: spec.to_owned(),
        expected: format!("{} or a template's JSON", template_names().join(", ")),
    })
}

/// The names of the built-in templates.
///
/// # Examples
///
/// ```
/// assert!(yusuan::options::template_names().contains(&"national-12"));
/// ```
#[must_use]
pub fn template_names() -> Vec<&'static str> {
    Template::builtin()
        .iter()
        .map(|t| t.name.as_str())
        .collect()
}

fn template_value(v: &Value, key: &str) -> Result<Template> {
    match v {
        Value::String(s) => template(s, key),
        Value::Object(_) => Template::from_json(&v.to_string()),
        other => Err(invalid(
            key,
            other,
            "a template's name, its JSON or a template object",
        )),
    }
}

fn invalid(key: &str, v: &Value, expected: &str) -> Error {
    let mut value = v.to_string();
    if value.chars().count() > 60 {
        value = value.chars().take(57).collect::<String>() + "…";
    }
    Error::InvalidOption {
        option: key.to_owned(),
        value,
        expected: expected.to_owned(),
    }
}

fn boolean(v: &Value, key: &str) -> Result<bool> {
    v.as_bool().ok_or_else(|| invalid(key, v, "true, false"))
}

fn strings(v: &Value, key: &str) -> Result<Vec<String>> {
    let items = v
        .as_array()
        .ok_or_else(|| invalid(key, v, "an array of strings"))?;
    items
        .iter()
        .map(|s| {
            s.as_str()
                .map(str::to_owned)
                .ok_or_else(|| invalid(key, v, "an array of strings"))
        })
        .collect()
}

/// A decimal from a decimal string or an integer; never from a float, which cannot hold a
/// decimal exactly.
fn decimal(v: &Value, key: &str) -> Result<Decimal> {
    let expected = "a decimal string such as \"1\" (or an integer)";
    match v {
        Value::String(s) => s
            .trim()
            .parse::<Decimal>()
            .map_err(|_| invalid(key, v, expected)),
        Value::Number(n) => n
            .as_i64()
            .map(Decimal::from)
            .ok_or_else(|| invalid(key, v, expected)),
        other => Err(invalid(key, other, expected)),
    }
}

/// `narrativeOnly` → `narrative_only` (snake-case names stay as they are).
fn snake_case(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 4);
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// `narrative_only` → `narrativeOnly`.
fn camel_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::json;

    const SEED: &str = include_str!("../../tests/corpus/seed_2025_yantai_unit_budget.txt");

    fn err(v: &Value, allowed: &[&str]) -> Error {
        match Options::from_value(v, allowed) {
            Err(e) => e,
            Ok(o) => unreachable!("{o:?}"),
        }
    }

    #[test]
    fn keys_in_either_case_and_the_defaults() {
        let o = Options::from_value(
            &json!({"narrativeOnly": true, "include_passes": true, "skipRules": ["W-01-5"],
                    "envelopeFactor": "0.5", "code_whitelist": ["2299999"], "softRules": false,
                    "strictZeroBase": true}),
            Options::CHECK,
        )
        .unwrap();
        assert!(o.narrative_only && o.include_passes && o.policy.strict_zero_base);
        assert!(!o.policy.soft_rules);
        assert_eq!(o.policy.skip_rules, ["W-01-5"]);
        assert_eq!(o.policy.code_whitelist, ["2299999"]);
        assert_eq!(o.policy.envelope_factor.to_string(), "0.5");
        assert_eq!(
            Options::from_value(&json!({}), Options::CHECK).unwrap(),
            Options::default()
        );
        assert_eq!(
            Options::from_value(&Value::Null, Options::READ).unwrap(),
            Options::default()
        );
        assert_eq!(
            Options::policy(&json!({"envelope_factor": 2}))
                .unwrap()
                .envelope_factor,
            Decimal::TWO
        );
        let via_serde: Options = serde_json::from_str(r#"{"layout": "shanghai-9"}"#).unwrap();
        assert_eq!(
            via_serde.template.map(|t| t.name),
            Some("shanghai-9".to_owned())
        );
    }

    #[test]
    fn bad_options_name_the_key_as_written() {
        for (v, allowed, key) in [
            (
                json!({"includepasses": true}),
                Options::CHECK,
                "`includepasses`",
            ),
            (
                json!({"includePasses": true}),
                Options::READ,
                "`includePasses`",
            ),
            (
                json!({"includePasses": "yes"}),
                Options::CHECK,
                "`includePasses`",
            ),
            (
                json!({"skipRules": "W-01-5"}),
                Options::CHECK,
                "`skipRules`",
            ),
            (json!({"skipRules": [1]}), Options::CHECK, "`skipRules`"),
            (
                json!({"envelopeFactor": 0.5}),
                Options::CHECK,
                "`envelopeFactor`",
            ),
            (
                json!({"envelopeFactor": "half"}),
                Options::CHECK,
                "`envelopeFactor`",
            ),
            (
                json!({"envelopeFactor": null}),
                Options::CHECK,
                "`envelopeFactor`",
            ),
            (json!({"layout": "nowhere"}), Options::READ, "`layout`"),
            (json!({"template": 3}), Options::READ, "`template`"),
            (json!("includePasses"), Options::CHECK, "`options`"),
            (json!([true]), Options::CHECK, "`options`"),
        ] {
            let e = err(&v, allowed);
            assert_eq!(e.code(), "invalid_option", "{v}");
            assert!(e.to_string().contains(key), "{v}: {e}");
        }
        let unknown = err(&json!({"layout": "nowhere"}), Options::READ).to_string();
        assert!(unknown.contains("national-12"), "{unknown}");
        let listed = err(&json!({"x": 1}), Options::READ).to_string();
        assert!(listed.contains("narrativeOnly"), "{listed}");
    }

    #[test]
    fn a_template_as_name_json_or_object() {
        let def = json!({"name": "t05-only", "tables": [
            {"key": "T05", "titles": ["一般公共预算支出情况表"], "kind": "functional"}]});
        for v in [
            json!({"template": def}),
            json!({"template": def.to_string()}),
        ] {
            let o = Options::from_value(&v, Options::READ).unwrap();
            let doc = o.read(&o.parser(), Input::Text(SEED)).unwrap();
            assert_eq!(doc.meta.template, "t05-only");
            assert_eq!(
                doc.tables
                    .iter()
                    .map(|t| t.key.as_str())
                    .collect::<Vec<_>>(),
                ["T05"]
            );
        }
        let bad = err(
            &json!({"template": {"name": "x", "tables": []}}),
            Options::READ,
        );
        assert_eq!(bad.code(), "invalid_template");
    }

    #[test]
    fn a_template_with_a_narrative_only_reading_is_refused() {
        let e = err(
            &json!({"narrativeOnly": true, "layout": "national-12"}),
            Options::READ,
        );
        assert_eq!(e.code(), "invalid_option");
        assert!(e.to_string().contains("`layout`") && e.to_string().contains("narrativeOnly"));
        assert!(
            Options::from_value(
                &json!({"narrativeOnly": false, "layout": "national-12"}),
                Options::READ
            )
            .is_ok()
        );
    }

    #[test]
    fn inputs_read_alike() {
        let o = Options::default();
        let p = o.parser();
        let text = o.read(&p, Input::Text(SEED)).unwrap().into_owned();
        assert_eq!(*o.read(&p, Input::Bytes(SEED.as_bytes())).unwrap(), text);
        assert!(matches!(
            o.read(&p, Input::Document(&text)).unwrap(),
            Cow::Borrowed(_)
        ));
        let n = Options {
            narrative_only: true,
            ..Options::default()
        };
        let narrative = n.read(&p, Input::Text(SEED)).unwrap();
        assert_eq!(narrative.meta.template, "narrative");
        assert_eq!(
            n.read(&p, Input::Bytes(SEED.as_bytes())).unwrap(),
            narrative
        );
        assert_eq!(
            n.read(&p, Input::Bytes(b"\xe4\xb8\xad\xff")).unwrap_err(),
            Error::InvalidUtf8 { offset: 3 }
        );
        assert_eq!(
            n.read(&p, Input::Document(&text)).unwrap_err().code(),
            "invalid_option"
        );
        assert_eq!(o.check(Input::Text(SEED)).unwrap(), crate::check(&text));
    }
}
