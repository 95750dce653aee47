//! What the narrative (情况说明) states, `Claims`, and the catalogues: the rules (`RuleInfo`)
//! and the classification codes (`CatalogEntry`).
//!
//! The claims come out as plain Python data, the serde JSON form as `dict`s and `list`s, with
//! every number a claim states (`"value"` of an amount, count, share, percentage …) as
//! `decimal.Decimal`. A class per claim part would add a dozen classes to the stub for what is a
//! tree of optional fields; the JSON form is already the documented contract of
//! `yusuan claims --format json`.

use pyo3::prelude::*;
use yusuan::catalog::CatalogEntry;
use yusuan::check::RuleInfo;
use yusuan::claims::{Change, Claim, Claims, Quantity};

use crate::convert::{json_to_py, name_of, to_json, to_pretty_json, to_py_dict};
use crate::wrap::wrapper;

wrapper! {
    #[doc = include_str!("../doc/Claims.txt")]
    PyClaims(Claims) as "Claims" + to_dict {
        /// One line per claim (parts indented under their whole): source line, subject, amount,
        /// count, change with its base, share, prior, reason; what `yusuan claims` prints.
        fn to_text() -> String = |c| c.to_text();
        /// The claims as JSON, byte for byte what `yusuan claims --format json` prints.
        fn to_json() -> PyResult<String> = |c| to_pretty_json(c);
        /// The number of claims (parts not counted).
        fn __len__() -> usize = |c| c.claims.len();
        fn __str__() -> String = |c| c.to_text();
        fn __repr__() -> String = |c| format!(
            "<Claims: {} claims, {} reasons, {} residue>",
            c.claims.len(), c.reasons.len(), c.residue.len()
        );

        /// The claims in document order, each a `dict` (its breakdown under `"parts"`), with every
        /// stated number as `decimal.Decimal`.
        #[getter]
        fn claims<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            let list = json_to_py(py, &to_json(&self.inner.claims)?)?;
            for (i, claim) in self.inner.claims.iter().enumerate() {
                claim_decimals(&list.get_item(i)?, claim)?;
            }
            Ok(list)
        }

        /// The reasons stated without figures of their own (`收支预算增加的主要原因，…`), each a
        /// `dict` with `"subject"` (or None), `"reason"` (`"text"`, `"line"`) and `"section"`.
        #[getter]
        fn reasons<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            to_py_dict(py, &self.inner.reasons)
        }

        /// Template text left in the narrative, each a `dict` with `"text"` and `"line"`.
        #[getter]
        fn residue<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            to_py_dict(py, &self.inner.residue)
        }
    }
}

/// Puts the exact `Decimal` of every quantity of `claim` into its JSON form `obj`. The patterns
/// list every field: a field added to `Claim` or `Change` must be decided here (a number or not).
#[rustfmt::skip] // the fields of each struct in a few lines
fn claim_decimals(obj: &Bound<'_, PyAny>, claim: &Claim) -> PyResult<()> {
    let Claim {
        amount, count, change, share, prior, planned, budget, adjusted_budget, completion, parts,
        subject: _, label: _, share_base: _, versus_budget: _, reason: _, missing_number: _,
        section: _, sentence: _, line: _, completion_adjusted: _, } = claim;
    let set = |obj: &Bound<'_, PyAny>, key: &str, q: &Option<Quantity>| match q {
        Some(q) => obj.get_item(key)?.set_item("value", q.value),
        None => Ok(()),
    };
    for (key, q) in [("amount", amount), ("count", count), ("share", share), ("prior", prior),
                     ("planned", planned), ("budget", budget), ("adjusted_budget", adjusted_budget),
                     ("completion", completion)] {
        set(obj, key, q)?;
    }
    if let Some(Change { direction: _, word: _, amount, percent, base: _, line: _ }) = change {
        let change = obj.get_item("change")?;
        set(&change, "amount", amount)?;
        set(&change, "percent", percent)?;
    }
    for (i, part) in parts.iter().enumerate() {
        claim_decimals(&obj.get_item("parts")?.get_item(i)?, part)?;
    }
    Ok(())
}

/// A rule of the catalogue, which pickles as its id.
#[derive(Clone, Copy)]
pub(crate) struct Rule(pub(crate) &'static RuleInfo);

impl PartialEq for Rule {
    fn eq(&self, other: &Self) -> bool {
        self.0.id == other.0.id
    }
}

impl serde::Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0.id)
    }
}

impl<'de> serde::Deserialize<'de> for Rule {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let id = String::deserialize(d)?;
        let rule = yusuan::check::rules().into_iter().find(|r| r.id == id);
        rule.map(Rule)
            .ok_or_else(|| serde::de::Error::custom(format!("no rule `{id}` in this version")))
    }
}

wrapper! {
    #[doc = include_str!("../doc/RuleInfo.txt")]
    PyRuleInfo(Rule) as "RuleInfo" {
        id: &'static str = |r| r.0.id;
        title: &'static str = |r| r.0.title;
        title_en: &'static str = |r| r.0.title_en;
        kind: String = |r| name_of(&r.0.kind);
        severity: String = |r| name_of(&r.0.severity);
        tables: Vec<&'static str> = |r| r.0.tables.iter().map(yusuan::TableKey::as_str).collect();
        condition: Option<&'static str> = |r| r.0.condition;
        fn __repr__() -> String =
            |r| format!("<RuleInfo {} {}: {}>", r.0.id, name_of(&r.0.kind), r.0.title_en);

        /// The rule as a `dict` (what `yusuan rules --format json` prints for it).
        fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            to_py_dict(py, self.inner.0)
        }
    }
}

wrapper! {
    #[doc = include_str!("../doc/CatalogEntry.txt")]
    PyCatalogEntry(CatalogEntry) as "CatalogEntry" + to_dict {
        code: &str = |e| &e.code;
        name: &str = |e| &e.name;
        domain: String = |e| name_of(&e.domain);
        level: String = |e| name_of(&e.level);
        parent: Option<&str> = |e| e.parent.as_deref();
        edition_year: u16 = |e| e.edition_year;
        verified: bool = |e| e.verified;
        fn __repr__() -> String = |e| format!(
            "<CatalogEntry {} {} ({}, {})>", e.code, e.name, name_of(&e.domain), name_of(&e.level)
        );

        /// The row's provenance as a `dict` (`basis`, `recall`, `evidence`).
        #[getter]
        fn provenance<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            to_py_dict(py, &self.inner.provenance)
        }
    }
}
