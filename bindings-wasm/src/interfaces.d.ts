// TypeScript types of every input and output of the yusuan package, appended by wasm-bindgen to the
// generated yusuan.d.ts (see src/types.rs). Hand-written: the objects are the JSON of the Rust core
// (`yusuan parse|check|compare|claims|rules|catalog --format json`), so field names are snake_case
// as in that JSON.
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
  | "invalid_template"
  | "invalid_option"
  | "not_a_pdf"
  | "pdf_unsupported"
  | "pdf_encrypted"
  | "pdf_damaged"
  | "pdf_no_text"
  | "pdf_too_large"
  | "pdf_decompression_bomb";

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
  /** The 1-based page of a PDF, where the error points at one (`pdf_damaged`, `pdf_too_large`). */
  page?: number;
  /** Which input `compare` (and `compareJson`, `compareText`) could not read. */
  input?: "earlier" | "later";
  /** The error's fields (`{code: "truncated_table", table, title, line}`, …). */
  details: { code: ErrorCode; [field: string]: unknown };
}

/**
 * Text of a disclosure, or its bytes: a PDF (told by `%PDF-` near its start) or text (UTF-8,
 * GB18030 or UTF-16 with a BOM; bytes that are none of these give `invalid_utf8`).
 */
export type Input = string | Uint8Array;

/** What one page of a PDF shows (`pdfPage`), in points from the page's top-left corner. */
export interface PdfPage {
  /** The page, 1-based. */
  page: number;
  /** The number of pages of the document. */
  pages: number;
  width: number;
  height: number;
  /** Every character, in content order. */
  chars: PdfChar[];
  /** The straight lines drawn (ruling lines of tables): each `[x0, top, x1, bottom]`. */
  lines: [number, number, number, number][];
  /** The rectangles drawn (boxed or shaded cells). */
  rects: PdfRect[];
}

/** A character of a PDF page. */
export interface PdfChar {
  text: string;
  bbox: [number, number, number, number];
}

/** A rectangle of a PDF page: outlined (`stroke`), filled (`fill`), or both. */
export interface PdfRect {
  bbox: [number, number, number, number];
  stroke: boolean;
  fill: boolean;
}

/**
 * A template: a region's table set as data (the JSON of `core/data/templates/*.json`). Titles
 * are compared as the core normalises printed titles (without year, numbering, 部门/单位 prefix).
 */
export interface Template {
  /** Short name (`national-12`); what `meta.template` and `document.template` then say. */
  name: string;
  description?: string;
  /** The kind of document the template is for, when it is specific to one. */
  kind?: DocKind | null;
  tables: TableSpec[];
}

/** How to read one table of a template. */
export interface TableSpec {
  /** The key the table is known by (`T01` … `T12`, or the template's own). */
  key: string;
  kind: TableKind;
  /** Printed titles (at least one). */
  titles: string[];
  /** Whether a document of this template must contain the table. Default false. */
  required?: boolean;
  /** Column specs tried before the built-in ones for the table's kind. */
  columns?: { key: ColumnKey; last: string[]; parent?: string[]; not?: string[] }[];
  /** Tables of narrower scope whose rows this table must also hold. */
  covers?: string[];
}

/** Options of `parse` (and of `claims`). */
export interface ParseOptions {
  /**
   * Read with this template instead of the one whose titles match: a built-in one's name
   * (`national-12`, `shanghai-9`, `shanghai-final-9`), a template's JSON text, or a `Template`
   * object. A template that cannot be read throws `invalid_template`; an unknown name
   * `invalid_option`.
   */
  template?: string | Template;
  /** @deprecated The old name of `template` (same meaning). */
  layout?: string | Template;
  /**
   * Read only the narrative (情况说明), whatever the template of the tables (or with no tables at
   * all): the document has no tables and `meta.template` is `"narrative"`. Not with `template`.
   * Default false.
   */
  narrativeOnly?: boolean;
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
  /** Report a growth rate stated on a zero base (rule V-04) as an error, not a hint. Default false. */
  strictZeroBase?: boolean;
}

/** Options of `compare` and `compareJson` (both documents are read with them). */
export interface CompareOptions {
  /** Read both with this template (as in `ParseOptions`) instead of choosing one from the titles. */
  template?: string | Template;
  /** @deprecated The old name of `template`. */
  layout?: string | Template;
  /** Multiplies the rounding envelope of the prior-year checks ("1" = the design's envelope, "0" = exact). */
  envelopeFactor?: DecimalString;
}

/** Options of `compareText`. */
export interface CompareTextOptions extends CompareOptions {
  /** List unchanged lines and prior-year figures that agree too. Default false. */
  all?: boolean;
  /** Plain text (as `yusuan compare` prints it) or Markdown. Default "text". */
  format?: "text" | "markdown";
}

/** Options of `claims`: those of `parse`. */
export type ClaimsOptions = ParseOptions;

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
  /** 1-based page, where the input has pages (PDF, or text with form feeds). */
  page?: number;
  /** Where the cell is on its page, for sources that know (PDF): `[x0, top, x1, bottom]`. */
  bbox?: [number, number, number, number];
}

/** One rule instance. */
export interface Finding {
  rule: string;
  outcome: Outcome;
  severity: Severity;
  /** The id of the message's template (`messages()` of the core lists them), when it has one. */
  message_id?: string;
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
  /**
   * The failed checks this finding stands for, when one printed figure explains them all (a cell
   * off by the same amount in every equality it takes part in); absent otherwise.
   */
  related?: Finding[];
}

export interface ReportDocument {
  unit: string | null;
  year: number | null;
  kind: DocKind | null;
  level: DocLevel | null;
  template: string;
  amount_unit: string | null;
}

export interface Coverage {
  tables_found: string[];
  tables_missing: string[];
  rule_instances: number;
  /** Narrative sentences that print an amount, a percentage or a count. */
  numeric_sentences: number;
  /** Source lines of those sentences from which no claim was read (one entry per sentence). */
  numeric_sentences_without_claims: number[];
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
  /** What the reader noticed while reading the document (also in `Document.notices`). */
  notices: Notice[];
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
export type Basis = "budget" | "actual" | "change";

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
  | "expenditure_total" | "personnel_total" | "public_total";

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
  template: string;
  /** The table keys the template defines (`T01` …); absent when reading only the narrative. */
  template_tables?: string[];
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

/** The stable code of a notice. */
export type NoticeCode =
  | "encoding_detected"
  | "pdf_repaired"
  | "duplicate_table"
  | "duplicate_section"
  | "header_rows_ignored"
  | "too_many_columns"
  | "padding_limit"
  | "code_issue"
  | "code_normalised"
  | "row_merged"
  | "label_merged"
  | "repeated_header"
  | "stray_line"
  | "cell_unplaced"
  | "unknown_column";

/**
 * Something the reader noticed and did about the input (an encoding detected, a section printed
 * twice and read once, a code normalised, a row merged). Not a finding.
 */
export interface Notice {
  code: NoticeCode;
  /** What was noticed, in English. */
  message: string;
  /** 1-based source line (0 when it concerns the whole input). */
  line: number;
  /** 1-based page, where the input has pages. */
  page?: number;
  /** The table it concerns. */
  table?: string;
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
  /** The first source line of every page after the first (where the input has pages). */
  page_starts?: number[];
}

// ---- rules and catalog ------------------------------------------------------------------------

export type RuleKind = "hard" | "conditional" | "soft";
/** The most severe finding a rule reports (the engine caps its instances there). */
export type RuleSeverity = "error" | "warning" | "hint";

/** One rule of the catalogue (`yusuan rules --format json`). */
export interface RuleInfo {
  /** Stable id (`W-02-3`). */
  id: string;
  title: string;
  title_en: string;
  kind: RuleKind;
  /** Errors, warnings at most, or hints only (by default that of its kind). */
  severity: RuleSeverity;
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

// ---- comparing two years: yusuan.compare/1 -----------------------------------------------------

export type LineStatus = "changed" | "unchanged" | "appeared" | "vanished";

/** One amount of one line in both documents. */
export interface LineChange {
  /** The line's key: its classification code, line item, `total`, or `row<N>`. */
  row: string;
  code?: string;
  /** The line's name as printed (in the later document when it has the line). */
  name: string;
  /** The amount column (`total`, `basic`, `abroad`, …), with the side in two-sided tables (`income.amount`). */
  column: string;
  /** The column's header words as printed. */
  column_header: string;
  status: LineStatus;
  /** The earlier amount in the comparison's `unit`; `null` where the line is absent or blank. */
  earlier: DecimalString | null;
  later: DecimalString | null;
  /** `later − earlier` (a missing side counts as zero). */
  change: DecimalString;
  /** Growth in percent (2 decimals); absent on a zero or missing base. */
  growth?: DecimalString;
  /** The line's share of the change of the table's total, in percent; absent for the total itself. */
  contribution?: DecimalString;
  /** Source line in the earlier document. */
  earlier_line?: number;
  /** Source line in the later document. */
  later_line?: number;
}

/** The lines of one table present in either document. */
export interface TableComparison {
  key: string;
  /** The later document's title. */
  title: string;
  /** The columns shown in summaries (per side the `total`, or every column of a one-row table). */
  main_columns: string[];
  /** Every amount of every line, in the later document's order (vanished lines last). */
  lines: LineChange[];
}

/** A figure of the later document about the earlier year, checked against the earlier document. */
export interface PriorCheck {
  /** What is checked (`T07 公务接待费（2024年）`, `情况说明第354行 三公（增加）`). */
  subject: string;
  /** `fail` beyond the rounding envelope, `hint` inside it; `insufficient_data` or `not_applicable` when not checked. */
  outcome: Outcome;
  /** The prior figure the later document states or implies. */
  stated?: DecimalString;
  /** The earlier document's figure. */
  earlier?: DecimalString;
  /** `stated − earlier`. */
  difference?: DecimalString;
  message: string;
  message_en: string;
  later_evidence: Evidence[];
  earlier_evidence: Evidence[];
}

/** Something about the pair a reader must know. */
export interface CompareNote {
  code:
    | "different_units"
    | "years_not_consecutive"
    | "years_unknown"
    | "swapped"
    | "different_kinds"
    | "table_missing"
    /** Not of one body for consecutive years: no prior-year figure is checked. */
    | "prior_year_not_checked";
  message: string;
  message_en: string;
}

export interface CompareSummary {
  /** Lines (main column) printed in both with different amounts. */
  changed: number;
  unchanged: number;
  /** Lines only in the later document. */
  appeared: number;
  /** Lines only in the earlier document. */
  vanished: number;
  /** Prior-year figures that agree, disagree beyond rounding, differ within it, or were not checked. */
  prior_pass: number;
  prior_fail: number;
  prior_hint: number;
  prior_not_checked: number;
}

/** The comparison of two documents (`yusuan compare A B --format json`). */
export interface Comparison {
  schema: "yusuan.compare/1";
  earlier: ReportDocument;
  later: ReportDocument;
  /** The unit every amount of the comparison is in (the later document's). */
  unit: Unit;
  notes: CompareNote[];
  summary: CompareSummary;
  /** Prior-year figures of the later document against the earlier one. */
  prior_checks: PriorCheck[];
  /** Tables in the later document's order. */
  tables: TableComparison[];
}

// ---- narrative claims (yusuan claims --format json) -------------------------------------------

/** What a claim is about: a fixed subject, a category of vehicles, or a 类/款/项 item. */
export type Subject =
  | "income_expenditure_total" | "income_total" | "expenditure_total" | "fiscal_total"
  | "fiscal_income" | "fiscal_expenditure" | "general_public_income"
  | "general_public_expenditure" | "gov_fund_income" | "gov_fund_expenditure"
  | "state_capital_income" | "state_capital_expenditure"
  | "business_income" | "operating_income" | "other_income" | "superior_subsidy"
  | "affiliated_remit" | "operating_expense" | "wages" | "goods_and_services"
  | "households" | "debt_interest" | "capital_expenditure" | "enterprise_subsidies"
  | "basic" | "project"
  | "personnel" | "public" | "san_gong" | "abroad" | "vehicle" | "vehicle_purchase"
  | "vehicle_operation" | "reception" | "operating_costs" | "procurement"
  | "procurement_goods" | "procurement_works" | "procurement_services" | "procurement_sme"
  | "procurement_small_micro" | "performance_projects" | "key_evaluation"
  | "project_fiscal_funds" | "vehicles"
  | { vehicle_category: { name: string } }
  | { functional: { class: string; section: string | null; item: string | null } };

/** A number as printed in a sentence: money (with its unit), a percentage, or a count. */
export type Quantity = {
  /** The value; its decimals are the printed ones. */
  value: DecimalString;
  /** The number with its unit, as printed (`7,713.47万元`). */
  text: string;
  /** 1-based source line. */
  line: number;
} & ({ kind: "money"; unit: Unit } | { kind: "percent" } | { kind: "count"; word: string });

export type Direction = "increase" | "decrease" | "flat" | "roughly_flat";

/** What a change is measured against (`比上年`, `较2024年预算`). */
export interface Base {
  kind: "prior_year" | "prior_budget" | "prior_actual";
  year: number | null;
  text: string;
}

/** A stated change: direction, Δ and % as printed (unsigned). */
export interface Change {
  direction: Direction;
  word: string;
  amount: Quantity | null;
  percent: Quantity | null;
  base: Base | null;
  line: number;
}

export interface Reason {
  /** Empty when the template was left unfilled. */
  text: string;
  line: number;
}

/** One claim of the narrative. */
export interface Claim {
  subject: Subject;
  /** The subject as printed. */
  label: string;
  amount?: Quantity;
  /** A count (项目 N 个, 车辆 N 辆). */
  count?: Quantity;
  change?: Change;
  /** The stated share (占 N%). */
  share?: Quantity;
  /** The whole a share is of, when named. */
  share_base?: Subject;
  /** The prior value stated (上年执行数为 N). */
  prior?: Quantity;
  /** This year's arrangement (N年预算安排 M). */
  planned?: Quantity;
  /** The original budget (年初预算为 N), in final accounts. */
  budget?: Quantity;
  /** The adjusted (full-year) budget (全年预算数, 调整预算数), in final accounts. */
  adjusted_budget?: Quantity;
  /** The completion rate (完成年初预算的 N%). */
  completion?: Quantity;
  /** The completion rate is of the adjusted (全年/调整) budget. */
  completion_adjusted?: boolean;
  /** How the actual is said to compare with the budget (决算数小于预算数), in final accounts. */
  versus_budget?: {
    relation: "above" | "below" | "equal" | "at_most" | "at_least";
    text: string;
    line: number;
  };
  reason?: Reason;
  /** The breakdown (其中 / 包括). */
  parts?: Claim[];
  /** A subject named in a breakdown without its number. */
  missing_number?: true;
  section: SectionKind;
  /** The sentence, as printed. */
  sentence: string;
  line: number;
}

/** A sentence that states a reason without its own figures. */
export interface ReasonStatement {
  subject: Subject | null;
  reason: Reason;
  section: SectionKind;
}

/** Everything the narrative states (`claims`). */
export interface Claims {
  claims: Claim[];
  reasons: ReasonStatement[];
  /** Template text left in the narrative (`增加（减少）`, `XX`). */
  residue: { text: string; line: number }[];
  /** Sentences that print a number from which no claim was read. */
  unread: { text: string; line: number }[];
  /** The number of sentences that print a number (an amount, a percentage, a count). */
  numeric_sentences: number;
}
