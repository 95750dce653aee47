// TypeScript types of every input and output of the yusuan package, appended by wasm-bindgen to the
// generated yusuan.d.ts (see src/types.rs). Hand-written: the objects are the JSON of the Rust core
// (`yusuan parse|check|rules|catalog --format json`), so field names are snake_case as in that JSON.
// Checked by bindings-wasm/tests: `tsc --noEmit` on a usage file, and on the actual outputs of the
// golden cases assigned to these types (so a field added, removed or renamed in the core fails).

/** A decimal number as printed text ("7713.47", "-0.01"). Amounts never cross as floats. */
export type DecimalString = string;

/** The stable machine code of an error (`err.code`); the message is for people. */
export type ErrorCode =
  | "empty_input"
  | "invalid_utf8"
  | "not_text"
  | "input_too_large"
  | "not_a_disclosure"
  | "truncated_table"
  | "invalid_catalog"
  | "invalid_layout"
  | "invalid_option";

/**
 * What every function throws for input it cannot read or options it cannot accept: a real
 * `Error` (`instanceof Error`) with `name === "YusuanError"` and a stable `code`.
 */
export interface YusuanError extends Error {
  name: "YusuanError";
  code: ErrorCode;
  /** The 1-based source line, where the error points at one. */
  line?: number;
  /** The table key (`T05`), where the error points at one. */
  table?: string;
  /** The error's fields (`{code: "truncated_table", table, title, line}`, …). */
  details: { code: ErrorCode; [field: string]: unknown };
}

/** Text of a disclosure, or its bytes (UTF-8; invalid bytes give `invalid_utf8`). */
export type Input = string | Uint8Array;

/** Options of `parse`. */
export interface ParseOptions {
  /** Read with this built-in layout (`national-12`, …) instead of choosing one from the titles. */
  layout?: string;
}

/** Options of `check`: `ParseOptions` plus the policy. Omitted fields keep the core's defaults. */
export interface CheckOptions extends ParseOptions {
  /** List the instances that passed too (by default they are only counted). Default false. */
  includePasses?: boolean;
  /** Run the soft rules (their findings are hints). Default true. */
  softRules?: boolean;
  /** Rule ids not to run (`["X-12"]`). */
  skipRules?: string[];
  /** Multiplies the rounding envelope, as a decimal string ("1" = the design's envelope, "0" = exact). */
  envelopeFactor?: DecimalString;
  /** Region- or year-specific codes accepted without a catalog check (rule C-06). */
  codeWhitelist?: string[];
}

// ---- the report: yusuan.report/1 -------------------------------------------------------------

export type Outcome = "pass" | "fail" | "hint" | "not_applicable" | "insufficient_data";
export type Severity = "error" | "warning" | "info";

/** A cell or passage a finding rests on. */
export interface Evidence {
  /** Table key (`T05`), or `narrative` / `performance` for text. */
  table: string;
  /** Row key: code, line item, `total`, or label. */
  row?: string;
  /** Column name, as `columnName(column)` gives it for the table's columns. */
  column?: string;
  /** The text as printed. */
  text: string;
  /** 1-based source line. */
  line: number;
}

/** One rule instance. */
export interface Finding {
  rule: string;
  outcome: Outcome;
  severity: Severity;
  /** Message in Chinese. */
  message: string;
  /** Message in English. */
  message_en: string;
  table?: string;
  row?: string;
  column?: string;
  expected?: DecimalString;
  actual?: DecimalString;
  /** `actual − expected`. */
  difference?: DecimalString;
  /** The unit of expected, actual and difference. */
  unit?: string;
  evidence: Evidence[];
}

export interface ReportDocument {
  unit: string | null;
  year: number | null;
  kind: DocKind | null;
  level: DocLevel | null;
  layout: string;
  amount_unit: string | null;
}

export interface Coverage {
  tables_found: string[];
  tables_missing: string[];
  rule_instances: number;
}

export interface Summary {
  error: number;
  warning: number;
  hint: number;
  pass: number;
  not_applicable: number;
  insufficient_data: number;
}

/** The result of checking one document: the JSON contract `yusuan.report/1`. */
export interface Report {
  schema: "yusuan.report/1";
  document: ReportDocument;
  coverage: Coverage;
  summary: Summary;
  /** Every instance that did not pass (and the passes with `includePasses`). */
  findings: Finding[];
}

// ---- the parsed document ----------------------------------------------------------------------

export type Unit = "元" | "万元" | "亿元";
export type DocKind = "budget" | "final_accounts";
export type DocLevel = "department" | "unit";
export type TableKind = "summary" | "functional" | "economic" | "projects" | "san_gong";
export type Side = "income" | "expenditure";
export type Basis = "budget" | "actual";

/** What an amount column means, named from its header words. */
export type ColumnKey =
  | "amount" | "total" | "fiscal_grant" | "general_public" | "gov_fund" | "state_capital"
  | "special_account" | "unit_funds" | "business_income" | "operating_income" | "other_income"
  | "superior_subsidy" | "affiliated_remit" | "non_fiscal_balance" | "carry_forward"
  | "carry_over" | "basic" | "personnel" | "public" | "project" | "remit_to_superior"
  | "operating_expense" | "subsidy_to_affiliates" | "san_gong_total" | "abroad"
  | "vehicle_total" | "vehicle_purchase" | "vehicle_operation" | "reception"
  | "operating_costs" | "goods" | "works" | "services";

/** A labelled line of a summary table (T01, T04). */
export type LineItem =
  | "fiscal_grant" | "general_public" | "gov_fund" | "state_capital" | "special_account"
  | "business_income" | "operating_income" | "other_income" | "superior_subsidy"
  | "affiliated_remit" | "non_fiscal_balance" | "business_fund_makeup" | "income_subtotal"
  | "carry_forward" | "income_total" | "expenditure_subtotal" | "subsidy_to_affiliates"
  | "remit_to_superior" | "operating_expense" | "surplus_distribution" | "carry_over"
  | "expenditure_total";

export type SectionKind =
  | "part" | "duties" | "organisation" | "budget_overview" | "san_gong" | "operating_costs"
  | "procurement" | "assets" | "performance" | "projects" | "glossary" | "other";

export type FundLine =
  | "total" | "fiscal" | "other" | "annual_total" | "annual_fiscal" | "carry_forward"
  | "annual_other" | "unknown";

/** 1-based, inclusive span of source lines. */
export interface LineSpan {
  start: number;
  end: number;
}

export interface DocumentMeta {
  unit: string | null;
  year: number | null;
  kind: DocKind | null;
  level: DocLevel | null;
  amount_unit: Unit | null;
  layout: string;
  title: string | null;
}

/** One amount column of a table. */
export interface Column {
  key: ColumnKey | null;
  /** Header words from the top header row down, joined with `/`. */
  header: string;
  lane: number;
  side?: Side;
  year?: number;
  basis?: Basis;
  /** 0-based position of the column in the printed row. */
  position: number;
}

/** What a cell holds: blank, a dash, a number, text and unreadable stay distinct. */
export type CellValue =
  | { kind: "blank" }
  | { kind: "dash" }
  | { kind: "amount"; value: DecimalString }
  | { kind: "text" }
  | { kind: "unreadable"; reason: string };

/** One printed cell. */
export interface Cell {
  /** Index into `Table.columns`. */
  column: number;
  /** The cell exactly as printed. */
  text: string;
  value: CellValue;
  note?: string;
  /** 1-based source line. */
  line: number;
}

export type RowIssue =
  | { kind: "unreadable_code"; printed: string }
  | { kind: "code_from_context"; printed: string; inferred: string };

/** One logical row of a table. */
export interface Row {
  /** Full classification code (`2010302`). */
  code?: string;
  gov_code?: string;
  gov_name?: string;
  item?: LineItem;
  label: string;
  total?: boolean;
  category?: string;
  lane?: number;
  side?: Side;
  cells: Cell[];
  issues?: RowIssue[];
  line: number;
}

export interface Note {
  text: string;
  line: number;
}

/** A table of the disclosure, keyed `T01` … `T12`. */
export interface Table {
  key: string;
  kind: TableKind;
  title: string;
  unit: Unit | null;
  columns: Column[];
  rows: Row[];
  note?: Note;
  lines: LineSpan;
  continuations?: number;
  covers?: string[];
}

export interface Paragraph {
  text: string;
  lines: LineSpan;
  breaks?: number[];
}

export interface Section {
  kind: SectionKind;
  level: number;
  title: string;
  lines: LineSpan;
  paragraphs: Paragraph[];
}

export interface GlossaryEntry {
  term: string;
  definition: string;
  lines: LineSpan;
}

export interface Funding {
  line: FundLine;
  label: string;
  cell: Cell;
}

export interface Indicator {
  level1: string;
  level2: string;
  name: string;
  value: string;
  line: number;
}

/** A project's 绩效目标表. */
export interface PerformanceTable {
  project: string;
  title: string;
  department?: string;
  implementer?: string;
  unit: Unit | null;
  funding: Funding[];
  goal?: string;
  indicators: Indicator[];
  lines: LineSpan;
}

export interface Notice {
  code: string;
  message: string;
  line: number;
}

/** A parsed disclosure: what `parse` returns (the JSON of `yusuan parse --format json`). */
export interface Document {
  meta: DocumentMeta;
  tables: Table[];
  sections: Section[];
  performance: PerformanceTable[];
  glossary: GlossaryEntry[];
  notices?: Notice[];
  line_count: number;
}

// ---- rules and catalog ------------------------------------------------------------------------

export type RuleKind = "hard" | "conditional" | "soft";

/** One rule of the catalogue (`yusuan rules --format json`). */
export interface RuleInfo {
  /** Stable id (`W-02-3`). */
  id: string;
  title: string;
  title_en: string;
  kind: RuleKind;
  /** The tables it needs. */
  tables: string[];
  /** The condition of a conditional rule, in English. */
  condition?: string;
}

export type Domain = "functional" | "economic_dept" | "economic_gov" | "income";
export type Level = "class" | "section" | "item";

/** One code of the 政府收支分类科目 (`yusuan catalog CODE --format json`). */
export interface CatalogEntry {
  code: string;
  name: string;
  domain: Domain;
  level: Level;
  parent: string | null;
  edition_year: number;
  provenance: {
    basis: "V25" | "B25" | "V24" | "R" | null;
    recall: "H" | "M" | "L" | null;
    evidence: string[];
  };
  /** True when a published document backs the row. */
  verified: boolean;
}
