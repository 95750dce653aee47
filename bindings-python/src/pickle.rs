//! Pickling, for `multiprocessing`, Dask and Spark workers: every result object reduces to
//! `_restore(class name, its JSON)`, and the JSON is the core's serde form, so nothing is lost
//! (amounts are decimal strings).

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyTuple;

use crate::catalog::{PyCatalogEntry, PyRuleInfo};
use crate::claims::PyClaims;
use crate::compare::{
    PyCompareNote, PyCompareSummary, PyComparison, PyLineChange, PyPriorCheck, PyTableComparison,
};
use crate::convert::from_json;
use crate::document::{PyCell, PyColumn, PyDocument, PyRow, PyTable};
use crate::report::{
    PyCoverage, PyEvidence, PyFinding, PyPolicy, PyReport, PyReportDocument, PySummary,
};

/// `(yusuan._yusuan._restore, (class_name, data))`, the value of `__reduce__`.
pub(crate) fn reduce<'py>(
    py: Python<'py>,
    class_name: &str,
    data: String,
) -> PyResult<Bound<'py, PyTuple>> {
    let restore = py.import("yusuan._yusuan")?.getattr("_restore")?;
    let args = (class_name, data).into_pyobject(py)?;
    PyTuple::new(py, [restore, args.into_any()])
}

/// Rebuilds a pickled object (the other half of `__reduce__`). Not part of the API.
#[pyfunction]
pub(crate) fn _restore<'py>(
    py: Python<'py>,
    class_name: &str,
    data: &str,
) -> PyResult<Bound<'py, PyAny>> {
    Ok(match class_name {
        "Document" => Bound::new(
            py,
            PyDocument {
                inner: from_json(data, class_name)?,
            },
        )?
        .into_any(),
        "Table" => Bound::new(
            py,
            PyTable {
                inner: from_json(data, class_name)?,
            },
        )?
        .into_any(),
        "Column" => {
            let (index, inner) = from_json(data, class_name)?;
            Bound::new(py, PyColumn { index, inner })?.into_any()
        }
        "Row" => Bound::new(
            py,
            PyRow {
                inner: from_json(data, class_name)?,
            },
        )?
        .into_any(),
        "Cell" => Bound::new(
            py,
            PyCell {
                inner: from_json(data, class_name)?,
            },
        )?
        .into_any(),
        "Report" => Bound::new(
            py,
            PyReport {
                inner: from_json(data, class_name)?,
            },
        )?
        .into_any(),
        "Finding" => Bound::new(
            py,
            PyFinding {
                inner: from_json(data, class_name)?,
            },
        )?
        .into_any(),
        "Evidence" => Bound::new(
            py,
            PyEvidence {
                inner: from_json(data, class_name)?,
            },
        )?
        .into_any(),
        "Summary" => Bound::new(
            py,
            PySummary {
                inner: from_json(data, class_name)?,
            },
        )?
        .into_any(),
        "Coverage" => Bound::new(
            py,
            PyCoverage {
                inner: from_json(data, class_name)?,
            },
        )?
        .into_any(),
        "ReportDocument" => Bound::new(
            py,
            PyReportDocument {
                inner: from_json(data, class_name)?,
            },
        )?
        .into_any(),
        "Policy" => Bound::new(
            py,
            PyPolicy {
                inner: from_json(data, class_name)?,
            },
        )?
        .into_any(),
        "Comparison" => Bound::new(
            py,
            PyComparison {
                inner: from_json(data, class_name)?,
            },
        )?
        .into_any(),
        "CompareSummary" => Bound::new(
            py,
            PyCompareSummary {
                inner: from_json(data, class_name)?,
            },
        )?
        .into_any(),
        "CompareNote" => Bound::new(
            py,
            PyCompareNote {
                inner: from_json(data, class_name)?,
            },
        )?
        .into_any(),
        "PriorCheck" => Bound::new(
            py,
            PyPriorCheck {
                inner: from_json(data, class_name)?,
            },
        )?
        .into_any(),
        "TableComparison" => Bound::new(
            py,
            PyTableComparison {
                inner: from_json(data, class_name)?,
            },
        )?
        .into_any(),
        "LineChange" => Bound::new(
            py,
            PyLineChange {
                inner: from_json(data, class_name)?,
            },
        )?
        .into_any(),
        "Claims" => Bound::new(
            py,
            PyClaims {
                inner: from_json(data, class_name)?,
            },
        )?
        .into_any(),
        "CatalogEntry" => Bound::new(
            py,
            PyCatalogEntry {
                inner: from_json(data, class_name)?,
            },
        )?
        .into_any(),
        "RuleInfo" => {
            let inner = yusuan::check::rules()
                .into_iter()
                .find(|r| r.id == data)
                .ok_or_else(|| {
                    PyValueError::new_err(format!("no rule `{data}` in this version"))
                })?;
            Bound::new(py, PyRuleInfo { inner })?.into_any()
        }
        other => {
            return Err(PyValueError::new_err(format!(
                "cannot unpickle a `{other}`: not a yusuan class"
            )));
        }
    })
}
