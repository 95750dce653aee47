//! The parsed document: `Document`, `Table`, `Column`, `Row`, `Cell` and `Notice`, read-only
//! views of the core model. Amounts come out as `decimal.Decimal` with the printed number of
//! decimals.

use pyo3::prelude::*;
use rust_decimal::Decimal;
use yusuan::{CellValue, Notice, Unit};

use crate::convert::{from_json, name_of, or_unknown, to_pretty_json};
use crate::wrap::{call_python, find, list, wrapper};

wrapper! {
    #[doc = include_str!("../doc/Document.txt")]
    PyDocument(yusuan::Document) as "Document" + to_dict {
        unit: Option<&str> = |d| d.meta.unit.as_deref();
        year: Option<u16> = |d| d.meta.year;
        kind: Option<String> = |d| d.meta.kind.as_ref().map(name_of);
        level: Option<String> = |d| d.meta.level.as_ref().map(name_of);
        amount_unit: Option<&str> = |d| d.meta.amount_unit.map(Unit::as_str);
        template: &str = |d| &d.meta.template;
        layout: &str = |d| &d.meta.template;
        title: Option<&str> = |d| d.meta.title.as_deref();
        line_count: u32 = |d| d.line_count;
        table_keys: Vec<&str> = |d| d.tables.iter().map(|t| t.key.as_str()).collect();
        tables: Vec<PyTable> = |d| list(&d.tables);
        notices: Vec<PyNotice> = |d| list(&d.notices);
        /// The typed model as JSON, exactly as `yusuan parse --format json` prints it.
        fn to_json() -> PyResult<String> = |d| to_pretty_json(d);
        fn __repr__() -> String = |d| format!(
            "<Document {} {} {}: {} tables, template {}>",
            d.meta.unit.as_deref().unwrap_or("(unit ?)"), or_unknown(d.meta.year),
            or_unknown(d.meta.kind.as_ref().map(name_of)), d.tables.len(), d.meta.template
        );

        #[doc = include_str!("../doc/Document.table.txt")]
        fn table(key: &str) -> PyResult<PyTable> = |d| {
            let keys = || d.tables.iter().map(|t| t.key.as_str()).collect::<Vec<_>>().join(", ");
            let missing = || format!("no table `{key}` in this document (tables: {})", keys());
            find(&d.tables, |t| t.key == key, missing)
        };

        fn __contains__(&self, key: &str) -> bool {
            self.inner.table(key).is_some()
        }

        /// A document from the JSON of `to_json` (or of `yusuan parse --format json`).
        static fn from_json(json: &str) -> PyResult<PyDocument> =
            from_json::<yusuan::Document>(json, "document").map(PyDocument::from);
    }
}

wrapper! {
    #[doc = include_str!("../doc/Table.txt")]
    PyTable(yusuan::Table) as "Table" + to_dict {
        key: &str = |t| &t.key;
        kind: String = |t| name_of(&t.kind);
        title: &str = |t| &t.title;
        unit: Option<&str> = |t| t.unit.map(Unit::as_str);
        columns: Vec<PyColumn> =
            |t| t.columns.iter().cloned().enumerate().map(PyColumn::from).collect();
        rows: Vec<PyRow> = |t| list(&t.rows);
        note: Option<&str> = |t| t.note.as_ref().map(|n| n.text.as_str());
        lines: (u32, u32) = |t| (t.lines.start, t.lines.end);
        fn __len__() -> usize = |t| t.rows.len();
        fn __repr__() -> String = |t| format!(
            "<Table {} {} ({} rows, {} columns, {})>",
            t.key, t.title, t.rows.len(), t.columns.len(), t.unit.map_or("unit ?", Unit::as_str)
        );

        /// The first row whose key is `key`: a classification code (`"2080505"`), a summary line
        /// (`"income_total"`), `"total"` or a label. `KeyError` when there is none.
        fn row(key: &str) -> PyResult<PyRow> = |t| find(&t.rows, |r| r.key() == key, || {
            format!("no row `{key}` in table {}", t.key)
        });

        #[doc = include_str!("../doc/Table.to_pandas.txt")]
        #[pyo3(signature = (*, text = false))]
        fn to_pandas<'py>(slf: &Bound<'py, Self>, text: bool) -> PyResult<Bound<'py, PyAny>> {
            let kwargs = pyo3::types::PyDict::new(slf.py());
            kwargs.set_item("text", text)?;
            call_python(slf, "yusuan._frames", "table_frame", Some(&kwargs))
        }
    }
}

wrapper! {
    #[doc = include_str!("../doc/Column.txt")]
    PyColumn((usize, yusuan::Column)) as "Column" {
        index: usize = |c| c.0;
        key: Option<&'static str> = |c| c.1.key.map(yusuan::ColumnKey::as_str);
        header: &str = |c| &c.1.header;
        lane: u8 = |c| c.1.lane;
        side: Option<String> = |c| c.1.side.as_ref().map(name_of);
        year: Option<u16> = |c| c.1.year;
        basis: Option<String> = |c| c.1.basis.as_ref().map(name_of);
        position: u16 = |c| c.1.position;
        fn __repr__() -> String = |c| format!(
            "<Column {} {} {}>", c.0, c.1.key.map_or("?", yusuan::ColumnKey::as_str), c.1.header
        );
    }
}

wrapper! {
    #[doc = include_str!("../doc/Row.txt")]
    PyRow(yusuan::Row) as "Row" + to_dict {
        key: String = |r| r.key();
        code: Option<&str> = |r| r.code.as_deref();
        gov_code: Option<&str> = |r| r.gov_code.as_deref();
        gov_name: Option<&str> = |r| r.gov_name.as_deref();
        item: Option<&'static str> = |r| r.item.map(yusuan::LineItem::as_str);
        label: &str = |r| &r.label;
        total: bool = |r| r.total;
        category: Option<&str> = |r| r.category.as_deref();
        lane: u8 = |r| r.lane;
        side: Option<String> = |r| r.side.as_ref().map(name_of);
        line: u32 = |r| r.line;
        cells: Vec<PyCell> = |r| list(&r.cells);
        fn __repr__() -> String = |r| format!(
            "<Row {} {} (line {}, {} cells)>", r.key(), r.label.trim(), r.line, r.cells.len()
        );
    }
}

wrapper! {
    #[doc = include_str!("../doc/Cell.txt")]
    PyCell(yusuan::Cell) as "Cell" {
        column: u16 = |c| c.column;
        text: &str = |c| &c.text;
        kind: &'static str = |c| cell_kind(&c.value);
        value: Option<Decimal> = |c| c.value.number();
        reason: Option<&str> = |c| match &c.value {
            CellValue::Unreadable { reason } => Some(reason.as_str()),
            _ => None,
        };
        note: Option<&str> = |c| c.note.as_deref();
        line: u32 = |c| c.line;
        fn __repr__() -> String =
            |c| format!("<Cell {} {:?} line {}>", cell_kind(&c.value), c.text, c.line);
    }
}

fn cell_kind(value: &CellValue) -> &'static str {
    match value {
        CellValue::Blank => "blank",
        CellValue::Dash => "dash",
        CellValue::Amount(_) => "amount",
        CellValue::Text => "text",
        CellValue::Unreadable { .. } => "unreadable",
    }
}

wrapper! {
    #[doc = include_str!("../doc/Notice.txt")]
    PyNotice(Notice) as "Notice" + to_dict {
        code: &'static str = |n| n.code.as_str();
        message: &str = |n| &n.message;
        line: u32 = |n| n.line;
        page: Option<u32> = |n| n.page;
        table: Option<&str> = |n| n.table.as_deref();
        fn __repr__() -> String = |n| format!("<Notice {} line {}: {}>", n.code, n.line, n.message);
    }
}
