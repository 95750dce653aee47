//! The parsed document: `Document`, `Table`, `Column`, `Row`, `Cell` and `Notice`, read-only
//! views of the core model. Amounts come out as `decimal.Decimal` with the printed number of
//! decimals.

use pyo3::prelude::*;
use rust_decimal::Decimal;
use yusuan::{CellValue, Notice, Unit};

use crate::convert::{from_json, name_of, or_unknown, to_pretty_json};
use crate::wrap::{call_python, find, list, wrapper};

wrapper! {
    /// A parsed disclosure: what the document says about itself and its tables keyed `T01` … `T12`.
    ///
    /// Made by `yusuan.parse` or `yusuan.read`; immutable, comparable with `==`, picklable.
    /// `unit` (the publishing body), `year`, `kind` (`"budget"` 预算 or `"final_accounts"` 决算),
    /// `level` (`"department"` 部门 or `"unit"` 单位), `amount_unit` (`"万元"`) and `title` (the
    /// cover title as printed) are None where the document does not say; `template` is the name
    /// of the template it was read with (`layout` is its old name); `line_count`, `table_keys`
    /// and `tables` in printed order; `notices`: what the reader noticed (see `Notice`).
    ///
    /// Example:
    ///
    /// >>> doc = yusuan.parse(text)
    /// >>> doc.unit, doc.year, doc.kind, doc.amount_unit, doc.template
    /// ('烟台市人民政府办公室', 2025, 'budget', '万元', 'national-12')
    /// >>> doc.table_keys[:3]
    /// ['T01', 'T02', 'T03']
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

        /// The table with `key` (`"T05"`); `KeyError` when the document has no such table.
        ///
        /// Example:
        ///
        /// >>> t05 = yusuan.parse(text).table("T05")
        /// >>> t05.title, t05.unit
        /// ('一般公共预算支出情况表', '万元')
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
    /// One table of a document: named amount columns and rows keyed by classification code.
    ///
    /// `key` (the template's key, `"T05"`), `kind` (how rows are read: `"summary"`,
    /// `"functional"`, `"economic"`, `"projects"` or `"san_gong"`), `title` as printed, `unit`
    /// (`"万元"`, or None), `columns` (the amount columns in printed order: a cell's `column`
    /// indexes them), `rows` in printed order, `note` (printed under the table, or None) and
    /// `lines` (its first and last source line).
    ///
    /// Example:
    ///
    /// >>> t05 = yusuan.parse(text).table("T05")
    /// >>> t05.row("2080505").label
    /// '机关事业单位基本养老保险缴费支出'
    /// >>> t05.to_pandas().loc["2080505", "total"]
    /// Decimal('223.00')
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

        /// The table as a pandas DataFrame: one row per table row, indexed by the row key (the
        /// classification code where there is one), a `label` column, one column per amount column
        /// named by its key (`total`, `basic`, …), and `line`. Amounts are `decimal.Decimal` as
        /// printed; blank, dash, text and unreadable cells are None (with `text=True`, every cell
        /// is its printed text instead). `attrs` holds the table key, title and unit.
        ///
        /// Needs pandas (`pip install pandas`).
        #[pyo3(signature = (*, text = false))]
        fn to_pandas<'py>(slf: &Bound<'py, Self>, text: bool) -> PyResult<Bound<'py, PyAny>> {
            let kwargs = pyo3::types::PyDict::new(slf.py());
            kwargs.set_item("text", text)?;
            call_python(slf, "yusuan._frames", "table_frame", Some(&kwargs))
        }
    }
}

wrapper! {
    /// An amount column of a table, named from its header words.
    ///
    /// `index` (its position in `Table.columns`, what `Cell.column` refers to), `key` (what it
    /// means: `"total"`, `"basic"`, `"general_public"`, …, or None when its header words are not
    /// known), `header` (the header words from the top row down, joined with `/`), `lane` (0, or
    /// the side's lane in two-sided summary tables), `side` (`"income"`, `"expenditure"` or
    /// None), `year` (printed in the header, or None), `basis` (`"budget"` 预算数, `"actual"` 决算数
    /// or None) and `position` (0-based, in the printed row).
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
    /// One row of a table.
    ///
    /// `key` (what reports call it: the code, the summary line, `"total"` or the label), `code`
    /// (the full classification code, `"2080505"`), `gov_code` and `gov_name` (the 政府预算支出
    /// 经济分类 beside a 部门 economic code), `item` (the recognised line of a summary table,
    /// `"income_total"`), `category` (项目类别 of a project) — each None where there is none —,
    /// `label` as printed, `total` (the 合计/总计 row), `lane` (of a multi-lane table, else 0),
    /// `side` (`"income"` or `"expenditure"` in summary tables), `line` (1-based) and `cells`.
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
    /// One printed cell: its text exactly as printed and what it holds.
    ///
    /// `column` (the index of its column in `Table.columns`), `text` as printed, `kind`
    /// (`"blank"`, `"dash"`, `"amount"`, `"text"` or `"unreadable"`), `value` (the amount as
    /// `decimal.Decimal` with the printed decimals, `Decimal('223.00')`, or None), `reason` (why
    /// an unreadable cell could not be read), `note` (printed inside the cell, `（注：…）`) and
    /// `line` (1-based).
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
    /// Something the reader noticed and did about the input: an encoding detected, a section
    /// printed twice and read once, a code normalised, a row merged. Not a finding: what the
    /// document says is checked as it was read.
    ///
    /// `code` (stable, snake_case: `"duplicate_section"`, `"code_normalised"`, …), `message` (in
    /// English), `line` (1-based; 0 for the whole input), `page` and `table` (or None).
    ///
    /// Example:
    ///
    /// >>> wide = text.replace("机关事业单位基本养老保险缴费支出\t", "机关事业单位基本养老保险缴费支出\t" + "\t" * 300, 1)
    /// >>> notice = yusuan.parse(wide).notices[0]
    /// >>> notice.code, notice.line > 0
    /// ('too_many_columns', True)
    PyNotice(Notice) as "Notice" + to_dict {
        code: &'static str = |n| n.code.as_str();
        message: &str = |n| &n.message;
        line: u32 = |n| n.line;
        page: Option<u32> = |n| n.page;
        table: Option<&str> = |n| n.table.as_deref();
        fn __repr__() -> String = |n| format!("<Notice {} line {}: {}>", n.code, n.line, n.message);
    }
}
