//! The parsed document: `Document`, `Table`, `Column`, `Row` and `Cell`, read-only views of the
//! core model. Amounts come out as `decimal.Decimal` with the printed number of decimals.

use pyo3::exceptions::PyKeyError;
use pyo3::prelude::*;
use pyo3::types::PyTuple;
use yusuan::{CellValue, Document, Table};

use crate::convert::{from_json, name_of, to_json, to_py_dict};

/// A parsed disclosure: what the document says about itself and its tables keyed `T01` … `T12`.
///
/// Made by `yusuan.parse` or `yusuan.read`; immutable, comparable with `==`, picklable.
///
/// Example:
///
/// >>> doc = yusuan.parse(text)
/// >>> doc.unit, doc.year, doc.kind, doc.amount_unit
/// ('烟台市人民政府办公室', 2025, 'budget', '万元')
/// >>> doc.table_keys[:3]
/// ['T01', 'T02', 'T03']
#[pyclass(frozen, eq, module = "yusuan", name = "Document")]
#[derive(PartialEq)]
pub(crate) struct PyDocument {
    pub(crate) inner: Document,
}

#[pymethods]
impl PyDocument {
    /// The publishing body (部门/单位 name), or None.
    #[getter]
    fn unit(&self) -> Option<&str> {
        self.inner.meta.unit.as_deref()
    }

    /// The budget year, or None.
    #[getter]
    fn year(&self) -> Option<u16> {
        self.inner.meta.year
    }

    /// `"budget"` (预算) or `"final_accounts"` (决算), or None.
    #[getter]
    fn kind(&self) -> Option<String> {
        self.inner.meta.kind.as_ref().map(name_of)
    }

    /// `"department"` (部门) or `"unit"` (单位), or None.
    #[getter]
    fn level(&self) -> Option<String> {
        self.inner.meta.level.as_ref().map(name_of)
    }

    /// The unit most tables are in (`"万元"`), or None.
    #[getter]
    fn amount_unit(&self) -> Option<&'static str> {
        self.inner.meta.amount_unit.map(yusuan::Unit::as_str)
    }

    /// The name of the layout the document was read with (`"national-12"`).
    #[getter]
    fn layout(&self) -> &str {
        &self.inner.meta.template
    }

    /// The cover title line as printed, or None.
    #[getter]
    fn title(&self) -> Option<&str> {
        self.inner.meta.title.as_deref()
    }

    /// The number of source lines.
    #[getter]
    fn line_count(&self) -> u32 {
        self.inner.line_count
    }

    /// The keys of the tables found, in printed order.
    #[getter]
    fn table_keys(&self) -> Vec<&str> {
        self.inner.tables.iter().map(|t| t.key.as_str()).collect()
    }

    /// The tables found, in printed order.
    #[getter]
    fn tables(&self) -> Vec<PyTable> {
        self.inner
            .tables
            .iter()
            .cloned()
            .map(PyTable::from)
            .collect()
    }

    /// The table with `key` (`"T05"`); `KeyError` when the document has no such table.
    ///
    /// Example:
    ///
    /// >>> t05 = yusuan.parse(text).table("T05")
    /// >>> t05.title, t05.unit
    /// ('一般公共预算支出情况表', '万元')
    #[pyo3(signature = (key, /))]
    fn table(&self, key: &str) -> PyResult<PyTable> {
        self.inner
            .table(key)
            .cloned()
            .map(PyTable::from)
            .ok_or_else(|| {
                PyKeyError::new_err(format!(
                    "no table `{key}` in this document (tables: {})",
                    self.table_keys().join(", ")
                ))
            })
    }

    fn __contains__(&self, key: &str) -> bool {
        self.inner.table(key).is_some()
    }

    /// The typed model as JSON, exactly as `yusuan parse --format json` prints it.
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string_pretty(&self.inner)
            .map(|s| s + "\n")
            .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))
    }

    /// The typed model as a `dict` (the JSON form; amounts as decimal strings).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py_dict(py, &self.inner)
    }

    /// A document from the JSON of `to_json` (or of `yusuan parse --format json`).
    #[staticmethod]
    #[pyo3(signature = (json, /))]
    fn from_json(json: &str) -> PyResult<PyDocument> {
        Ok(PyDocument {
            inner: from_json(json, "document")?,
        })
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        crate::pickle::reduce(py, "Document", to_json(&self.inner)?)
    }

    fn __repr__(&self) -> String {
        let m = &self.inner.meta;
        format!(
            "<Document {} {} {}: {} tables, layout {}>",
            m.unit.as_deref().unwrap_or("(unit ?)"),
            m.year.map_or_else(|| "?".to_owned(), |y| y.to_string()),
            m.kind.as_ref().map_or_else(|| "?".to_owned(), name_of),
            self.inner.tables.len(),
            m.template
        )
    }
}

/// One table of a document: named amount columns and rows keyed by classification code.
///
/// Example:
///
/// >>> t05 = yusuan.parse(text).table("T05")
/// >>> t05.row("2080505").label
/// '机关事业单位基本养老保险缴费支出'
/// >>> t05.to_pandas().loc["2080505", "total"]
/// Decimal('223.00')
#[pyclass(frozen, eq, module = "yusuan", name = "Table")]
#[derive(PartialEq)]
pub(crate) struct PyTable {
    pub(crate) inner: Table,
}

impl From<Table> for PyTable {
    fn from(inner: Table) -> Self {
        PyTable { inner }
    }
}

#[pymethods]
impl PyTable {
    /// The layout's key for the table (`"T05"`).
    #[getter]
    fn key(&self) -> &str {
        &self.inner.key
    }

    /// How rows are read: `"summary"`, `"functional"`, `"economic"`, `"projects"` or `"san_gong"`.
    #[getter]
    fn kind(&self) -> String {
        name_of(&self.inner.kind)
    }

    /// The title as printed.
    #[getter]
    fn title(&self) -> &str {
        &self.inner.title
    }

    /// The unit the table states (`"万元"`), or None.
    #[getter]
    fn unit(&self) -> Option<&'static str> {
        self.inner.unit.map(yusuan::Unit::as_str)
    }

    /// The amount columns, in printed order (a cell's `column` indexes this list).
    #[getter]
    fn columns(&self) -> Vec<PyColumn> {
        self.inner
            .columns
            .iter()
            .enumerate()
            .map(|(index, c)| PyColumn {
                index,
                inner: c.clone(),
            })
            .collect()
    }

    /// The rows, in printed order.
    #[getter]
    fn rows(&self) -> Vec<PyRow> {
        self.inner.rows.iter().cloned().map(PyRow::from).collect()
    }

    /// The note printed under the table, or None.
    #[getter]
    fn note(&self) -> Option<&str> {
        self.inner.note.as_ref().map(|n| n.text.as_str())
    }

    /// The first and last source line of the table.
    #[getter]
    fn lines(&self) -> (u32, u32) {
        (self.inner.lines.start, self.inner.lines.end)
    }

    /// The first row whose key is `key`: a classification code (`"2080505"`), a summary line
    /// (`"income_total"`), `"total"` or a label. `KeyError` when there is none.
    #[pyo3(signature = (key, /))]
    fn row(&self, key: &str) -> PyResult<PyRow> {
        self.inner
            .rows
            .iter()
            .find(|r| r.key() == key)
            .cloned()
            .map(PyRow::from)
            .ok_or_else(|| {
                PyKeyError::new_err(format!("no row `{key}` in table {}", self.inner.key))
            })
    }

    fn __len__(&self) -> usize {
        self.inner.rows.len()
    }

    /// The table as a pandas DataFrame: one row per table row, indexed by the row key (the
    /// classification code where there is one), a `label` column, one column per amount column
    /// named by its key (`total`, `basic`, …), and `line`. Amounts are `decimal.Decimal` as
    /// printed; blank, dash, text and unreadable cells are None (with `text=True`, every cell
    /// is its printed text instead). `attrs` holds the table key, title and unit.
    ///
    /// Needs pandas (`pip install pandas`).
    #[pyo3(signature = (*, text = false))]
    fn to_pandas<'py>(slf: &Bound<'py, Self>, text: bool) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let kwargs = pyo3::types::PyDict::new(py);
        kwargs.set_item("text", text)?;
        py.import("yusuan._frames")?
            .getattr("table_frame")?
            .call((slf,), Some(&kwargs))
    }

    /// The table as a `dict` (the JSON form; amounts as decimal strings).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py_dict(py, &self.inner)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        crate::pickle::reduce(py, "Table", to_json(&self.inner)?)
    }

    fn __repr__(&self) -> String {
        format!(
            "<Table {} {} ({} rows, {} columns, {})>",
            self.inner.key,
            self.inner.title,
            self.inner.rows.len(),
            self.inner.columns.len(),
            self.inner.unit.map_or("unit ?", yusuan::Unit::as_str)
        )
    }
}

/// An amount column of a table, named from its header words.
#[pyclass(frozen, eq, module = "yusuan", name = "Column")]
#[derive(PartialEq)]
pub(crate) struct PyColumn {
    pub(crate) index: usize,
    pub(crate) inner: yusuan::Column,
}

#[pymethods]
impl PyColumn {
    /// The column's position in `Table.columns` (what `Cell.column` refers to).
    #[getter]
    fn index(&self) -> usize {
        self.index
    }

    /// What the column means (`"total"`, `"basic"`, `"general_public"`, …), or None when its
    /// header words are not known.
    #[getter]
    fn key(&self) -> Option<&'static str> {
        self.inner.key.map(yusuan::ColumnKey::as_str)
    }

    /// The header words from the top header row down, joined with `/`.
    #[getter]
    fn header(&self) -> &str {
        &self.inner.header
    }

    /// The lane (0 for one-lane tables; the side's lane in two-sided summary tables).
    #[getter]
    fn lane(&self) -> u8 {
        self.inner.lane
    }

    /// `"income"` or `"expenditure"` in two-sided summary tables, else None.
    #[getter]
    fn side(&self) -> Option<String> {
        self.inner.side.as_ref().map(name_of)
    }

    /// The year printed in the header, or None.
    #[getter]
    fn year(&self) -> Option<u16> {
        self.inner.year
    }

    /// `"budget"` (预算数) or `"actual"` (决算数) where the header says, else None.
    #[getter]
    fn basis(&self) -> Option<String> {
        self.inner.basis.as_ref().map(name_of)
    }

    /// The 0-based position of the column in the printed row.
    #[getter]
    fn position(&self) -> u16 {
        self.inner.position
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        crate::pickle::reduce(py, "Column", to_json(&(self.index, &self.inner))?)
    }

    fn __repr__(&self) -> String {
        format!(
            "<Column {} {} {}>",
            self.index,
            self.key().unwrap_or("?"),
            self.inner.header
        )
    }
}

/// One row of a table.
#[pyclass(frozen, eq, module = "yusuan", name = "Row")]
#[derive(PartialEq)]
pub(crate) struct PyRow {
    pub(crate) inner: yusuan::Row,
}

impl From<yusuan::Row> for PyRow {
    fn from(inner: yusuan::Row) -> Self {
        PyRow { inner }
    }
}

#[pymethods]
impl PyRow {
    /// The key reports use for the row: the code, the summary line, `"total"` or the label.
    #[getter]
    fn key(&self) -> String {
        self.inner.key()
    }

    /// The full classification code (`"2080505"`), or None.
    #[getter]
    fn code(&self) -> Option<&str> {
        self.inner.code.as_deref()
    }

    /// The 政府预算支出经济分类 code paired with a 部门 economic code, or None.
    #[getter]
    fn gov_code(&self) -> Option<&str> {
        self.inner.gov_code.as_deref()
    }

    /// The 政府经济分类 name printed beside `gov_code`, or None.
    #[getter]
    fn gov_name(&self) -> Option<&str> {
        self.inner.gov_name.as_deref()
    }

    /// The recognised line of a summary table (`"income_total"`, …), or None.
    #[getter]
    fn item(&self) -> Option<&'static str> {
        self.inner.item.map(yusuan::LineItem::as_str)
    }

    /// The printed name or label.
    #[getter]
    fn label(&self) -> &str {
        &self.inner.label
    }

    /// True for the 合计/总计 row.
    #[getter]
    fn total(&self) -> bool {
        self.inner.total
    }

    /// Further text (项目类别 of a project), or None.
    #[getter]
    fn category(&self) -> Option<&str> {
        self.inner.category.as_deref()
    }

    /// The lane of a multi-lane table (0 otherwise).
    #[getter]
    fn lane(&self) -> u8 {
        self.inner.lane
    }

    /// `"income"` or `"expenditure"` in summary tables, else None.
    #[getter]
    fn side(&self) -> Option<String> {
        self.inner.side.as_ref().map(name_of)
    }

    /// The 1-based source line.
    #[getter]
    fn line(&self) -> u32 {
        self.inner.line
    }

    /// The amount cells, each naming its column.
    #[getter]
    fn cells(&self) -> Vec<PyCell> {
        self.inner.cells.iter().cloned().map(PyCell::from).collect()
    }

    /// The row as a `dict` (the JSON form).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py_dict(py, &self.inner)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        crate::pickle::reduce(py, "Row", to_json(&self.inner)?)
    }

    fn __repr__(&self) -> String {
        format!(
            "<Row {} {} (line {}, {} cells)>",
            self.inner.key(),
            self.inner.label.trim(),
            self.inner.line,
            self.inner.cells.len()
        )
    }
}

/// One printed cell: its text exactly as printed and what it holds.
#[pyclass(frozen, eq, module = "yusuan", name = "Cell")]
#[derive(PartialEq)]
pub(crate) struct PyCell {
    pub(crate) inner: yusuan::Cell,
}

impl From<yusuan::Cell> for PyCell {
    fn from(inner: yusuan::Cell) -> Self {
        PyCell { inner }
    }
}

#[pymethods]
impl PyCell {
    /// The index of the cell's column in `Table.columns`.
    #[getter]
    fn column(&self) -> u16 {
        self.inner.column
    }

    /// The cell exactly as printed.
    #[getter]
    fn text(&self) -> &str {
        &self.inner.text
    }

    /// `"blank"`, `"dash"`, `"amount"`, `"text"` or `"unreadable"`.
    #[getter]
    fn kind(&self) -> &'static str {
        match &self.inner.value {
            CellValue::Blank => "blank",
            CellValue::Dash => "dash",
            CellValue::Amount(_) => "amount",
            CellValue::Text => "text",
            CellValue::Unreadable { .. } => "unreadable",
        }
    }

    /// The amount as `decimal.Decimal` with the printed decimals (`Decimal('223.00')`), or None
    /// for a cell that is not a number.
    #[getter]
    fn value(&self) -> Option<rust_decimal::Decimal> {
        self.inner.value.number()
    }

    /// Why an unreadable cell could not be read, else None.
    #[getter]
    fn reason(&self) -> Option<&str> {
        match &self.inner.value {
            CellValue::Unreadable { reason } => Some(reason),
            _ => None,
        }
    }

    /// A note printed inside the cell (`（注：…）`), or None.
    #[getter]
    fn note(&self) -> Option<&str> {
        self.inner.note.as_deref()
    }

    /// The 1-based source line.
    #[getter]
    fn line(&self) -> u32 {
        self.inner.line
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        crate::pickle::reduce(py, "Cell", to_json(&self.inner)?)
    }

    fn __repr__(&self) -> String {
        format!(
            "<Cell {} {:?} line {}>",
            self.kind(),
            self.inner.text,
            self.inner.line
        )
    }
}
