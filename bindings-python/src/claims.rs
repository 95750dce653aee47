//! What the narrative (情况说明) states: `Claims`, a read-only view of
//! [`yusuan::claims::Claims`].
//!
//! The claims themselves come out as plain Python data, the serde JSON form as `dict`s and
//! `list`s, with every number a claim states (`"value"` of an amount, count, share, percentage …)
//! as `decimal.Decimal`. A class per claim part would add a dozen classes to the stub for what
//! is a tree of optional fields; the JSON form is already the documented contract of
//! `yusuan claims --format json`.

use pyo3::prelude::*;
use pyo3::types::PyTuple;
use yusuan::claims::{Change, Claim, Claims, Quantity};

use crate::convert::{json_to_py, to_json, to_py_dict};

/// What a disclosure's narrative (情况说明) states: one claim per subject a sentence gives
/// figures for (amount, count, change with its base, share, prior, reason, the breakdown into
/// parts), the reasons stated on their own, and template text left in (`增加（减少）`, `XX`).
///
/// Made by `yusuan.claims(source)`. `claims`, `reasons` and `residue` are lists of `dict`s in
/// the JSON form of `yusuan claims --format json`, except that every stated number (the
/// `"value"` of a quantity) is a `decimal.Decimal`; `to_dict()` and `to_json()` are the JSON
/// form itself (numbers as decimal strings). A claim's `"subject"` is a key (`"san_gong"`) or,
/// for a classification item, a `dict` (`{"functional": {"class": …, "section": …, "item": …}}`).
///
/// Example:
///
/// >>> found = yusuan.claims(text)
/// >>> len(found.claims), len(found.reasons), found.residue
/// (14, 1, [])
/// >>> c = next(c for c in found.claims if c["line"] == 354)
/// >>> c["subject"], c["amount"]["value"], c["amount"]["unit"]
/// ('san_gong', Decimal('226.6'), '万元')
/// >>> c["change"]["direction"], c["change"]["amount"]["value"], c["change"]["percent"]["value"]
/// ('increase', Decimal('56'), Decimal('32.83'))
/// >>> print(found.to_text().splitlines()[0])
/// L340 income_total 「收入预算」 7,713.47万元
#[pyclass(frozen, eq, module = "yusuan", name = "Claims")]
#[derive(PartialEq)]
pub(crate) struct PyClaims {
    pub(crate) inner: Claims,
}

#[pymethods]
impl PyClaims {
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

    /// One line per claim (parts indented under their whole): source line, subject, amount,
    /// count, change with its base, share, prior, reason; what `yusuan claims` prints.
    fn to_text(&self) -> String {
        self.inner.to_text()
    }

    /// The claims as JSON, byte for byte what `yusuan claims --format json` prints.
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string_pretty(&self.inner)
            .map(|s| s + "\n")
            .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))
    }

    /// The claims as a `dict` (the JSON form; numbers as decimal strings).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py_dict(py, &self.inner)
    }

    /// The number of claims (parts not counted).
    fn __len__(&self) -> usize {
        self.inner.claims.len()
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        crate::pickle::reduce(py, "Claims", to_json(&self.inner)?)
    }

    fn __str__(&self) -> String {
        self.inner.to_text()
    }

    fn __repr__(&self) -> String {
        format!(
            "<Claims: {} claims, {} reasons, {} residue>",
            self.inner.claims.len(),
            self.inner.reasons.len(),
            self.inner.residue.len()
        )
    }
}

/// Puts the exact `Decimal` of every quantity of `claim` into its JSON form `obj` (where the
/// value is a decimal string). The patterns list every field, so a field added to the core's
/// `Claim` or `Change` does not compile until it is decided here whether it holds a number.
fn claim_decimals(obj: &Bound<'_, PyAny>, claim: &Claim) -> PyResult<()> {
    let Claim {
        subject: _,
        label: _,
        amount,
        count,
        change,
        share,
        share_base: _,
        prior,
        planned,
        budget,
        completion,
        reason: _,
        parts,
        missing_number: _,
        section: _,
        sentence: _,
        line: _,
    } = claim;
    for (key, q) in [
        ("amount", amount),
        ("count", count),
        ("share", share),
        ("prior", prior),
        ("planned", planned),
        ("budget", budget),
        ("completion", completion),
    ] {
        quantity_decimal(obj, key, q.as_ref())?;
    }
    if let Some(Change {
        direction: _,
        word: _,
        amount,
        percent,
        base: _,
        line: _,
    }) = change
    {
        let change = obj.get_item("change")?;
        quantity_decimal(&change, "amount", amount.as_ref())?;
        quantity_decimal(&change, "percent", percent.as_ref())?;
    }
    if !parts.is_empty() {
        let list = obj.get_item("parts")?;
        for (i, part) in parts.iter().enumerate() {
            claim_decimals(&list.get_item(i)?, part)?;
        }
    }
    Ok(())
}

fn quantity_decimal(obj: &Bound<'_, PyAny>, key: &str, q: Option<&Quantity>) -> PyResult<()> {
    match q {
        Some(q) => obj.get_item(key)?.set_item("value", q.value),
        None => Ok(()),
    }
}
