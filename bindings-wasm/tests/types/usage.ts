// Type-checked (never run) by `tsc --noEmit -p bindings-wasm/tests/types`: every function of the
// package with its inputs and outputs, for the web build (ES module with init) and the Node build.
// Lines marked @ts-expect-error must be rejected by the types; if one is accepted, tsc fails.

import init, {
  check,
  checkJson,
  checkPdf,
  claims,
  columnName,
  compare,
  compareJson,
  compareText,
  errorCodes,
  initSync,
  lookup,
  parse,
  pdfPage,
  rules,
  textForm,
  version,
  type CatalogEntry,
  type Cell,
  type CheckOptions,
  type Claim,
  type Claims,
  type Comparison,
  type CompareTextOptions,
  type LineChange,
  type PriorCheck,
  type Quantity,
  type Subject,
  type Document,
  type ErrorCode,
  type Evidence,
  type Finding,
  type Outcome,
  type PdfPage,
  type Report,
  type RuleInfo,
  type Table,
  type YusuanError,
} from "yusuan";
import * as node from "yusuan/node";

export async function web(text: string, bytes: Uint8Array, wasm: BufferSource): Promise<void> {
  await init();
  await init({ module_or_path: new URL("yusuan_bg.wasm", "https://example.invalid/") });
  initSync({ module: wasm });

  // parse: string or bytes, optional layout
  const doc: Document = parse(text);
  parse(bytes, { layout: "national-12" });
  const t05: Table | undefined = doc.tables.find((t) => t.key === "T05");
  const unit: "元" | "万元" | "亿元" | null = doc.meta.amount_unit;
  for (const row of t05?.rows ?? []) {
    const code: string | undefined = row.code;
    for (const cell of row.cells) {
      const c: Cell = cell;
      const name: string = columnName(t05!.columns[c.column]!);
      if (c.value.kind === "amount") {
        const value: string = c.value.value; // decimals are strings
        void value;
      } else if (c.value.kind === "unreadable") {
        const why: string = c.value.reason;
        void why;
      }
      void name;
    }
    void code;
  }
  void unit;

  // check: the report, with options
  const options: CheckOptions = {
    includePasses: true,
    softRules: false,
    skipRules: ["X-12"],
    envelopeFactor: "1",
    codeWhitelist: ["2089999"],
    layout: "national-12",
    strictZeroBase: true,
  };
  const report: Report = check(text, options);
  check(bytes);
  const counts: number = report.summary.error + report.summary.hint + report.coverage.rule_instances;
  const schema: "yusuan.report/1" = report.schema;
  for (const f of report.findings) {
    const finding: Finding = f;
    const outcome: Outcome = finding.outcome;
    const expected: string | undefined = finding.expected;
    const difference: string | undefined = finding.difference;
    const evidence: Evidence[] = finding.evidence;
    const line: number = evidence[0]!.line;
    void [outcome, expected, difference, line, finding.message_en];
  }
  const json: string = checkJson(text, { includePasses: false });
  const narrative: Report = check(bytes, { narrativeOnly: true, strictZeroBase: true });
  const narrativeDoc: Document = parse(text, { narrativeOnly: true });
  const layoutTables: string[] | undefined = narrativeDoc.meta.template_tables;
  void [narrative, checkJson(text, { narrativeOnly: true }), layoutTables];

  // a PDF: checkPdf (a PDF only) and the geometry of a page of it
  const pdfReport: Report = checkPdf(bytes, { includePasses: true, narrativeOnly: false });
  const at = pdfReport.findings[0]?.evidence[0];
  if (at?.page !== undefined && at.bbox !== undefined) {
    const page: PdfPage = pdfPage(bytes, at.page);
    const [x0, top, x1, bottom]: number[] = at.bbox;
    const inside = page.chars.filter((c) => c.bbox[0] >= x0! && c.bbox[2] <= x1! && c.bbox[1] >= top! && c.bbox[3] <= bottom!);
    const ruled: number = page.lines.length + page.rects.filter((r) => r.stroke || r.fill).length;
    void [page.width / page.height, page.pages, inside.map((c) => c.text).join(""), ruled];
  }
  const extracted: string = textForm(bytes) + textForm(text);

  // compare: two years of one body
  const cmp: Comparison = compare(bytes, text, { layout: "national-12" });
  const mismatches: boolean = cmp.summary.prior_fail > 0;
  for (const p of cmp.prior_checks) {
    const prior: PriorCheck = p;
    const stated: string | undefined = prior.stated;
    const where: number | undefined = prior.later_evidence[0]?.line;
    void [stated, where, prior.outcome === "fail"];
  }
  for (const t of cmp.tables) {
    for (const l of t.lines) {
      const line: LineChange = l;
      const earlier: string | null = line.earlier;
      const growth: string | undefined = line.growth;
      const appeared: boolean = line.status === "appeared";
      void [earlier, growth, appeared, t.main_columns.includes(line.column)];
    }
  }
  const cmpUnit: "元" | "万元" | "亿元" = cmp.unit;
  const cmpJson: string = compareJson(text, text);
  const textOptions: CompareTextOptions = { all: true, format: "markdown" };
  const cmpText: string = compareText(text, bytes, textOptions) + compareText(text, text);
  void [mismatches, cmpUnit, cmpJson, cmpText, cmp.notes[0]?.code === "swapped"];

  // claims of the narrative
  const stated: Claims = claims(text, { narrativeOnly: true });
  for (const c of stated.claims) {
    const claim: Claim = c;
    const subject: Subject = claim.subject;
    const key: string = typeof subject === "string" ? subject : "functional" in subject ? subject.functional.class : subject.vehicle_category.name;
    const amount: Quantity | undefined = claim.amount;
    if (amount?.kind === "money") {
      const unit: "元" | "万元" | "亿元" = amount.unit;
      const value: string = amount.value;
      void [unit, value];
    }
    const percent: string | undefined = claim.change?.percent?.value;
    const parts: Claim[] = claim.parts ?? [];
    void [key, percent, parts, claim.change?.direction === "roughly_flat", claim.reason?.text];
  }
  void [stated.reasons[0]?.subject, stated.residue[0]?.line];

  // errors: a real Error with a code
  try {
    parse("");
  } catch (e) {
    if (e instanceof Error && e.name === "YusuanError") {
      const err = e as YusuanError;
      const code: ErrorCode = err.code;
      const where: number | undefined = err.line;
      const table: string | undefined = err.table;
      const input: "earlier" | "later" | undefined = err.input;
      const page: number | undefined = err.page;
      const detail: unknown = err.details["title"];
      void [code, where, table, input, page, detail, err.details.code];
    }
  }
  const codes: ErrorCode[] = errorCodes();

  // rules, lookup, version
  const all: RuleInfo[] = rules();
  const kind: "hard" | "conditional" | "soft" = all[0]!.kind;
  const severity: "error" | "warning" | "hint" = all[0]!.severity;
  const entry: CatalogEntry | undefined = lookup("2080505");
  const parent: string | null | undefined = entry?.parent;
  const v: string = version();
  void [counts, schema, json, codes, kind, severity, parent, v, extracted];

  // ---- misuse the types must reject ----
  // @ts-expect-error the input is text or bytes
  parse(42);
  // @ts-expect-error a misspelt option
  check(text, { includepasses: true });
  // @ts-expect-error the envelope factor is a decimal string, never a float
  check(text, { envelopeFactor: 0.5 });
  // @ts-expect-error skipRules is a list
  check(text, { skipRules: "X-12" });
  // @ts-expect-error amounts are strings
  const asNumber: number | undefined = report.findings[0]!.actual;
  // @ts-expect-error not an outcome
  const bad: Outcome = "failed";
  // @ts-expect-error lookup takes a code string
  lookup(2080505);
  // @ts-expect-error narrativeOnly is a boolean
  check(text, { narrativeOnly: "yes" });
  // @ts-expect-error compare takes two inputs
  compare(text);
  // @ts-expect-error compare has no text options
  compare(text, text, { all: true });
  // @ts-expect-error the formats are text and markdown
  compareText(text, text, { format: "html" });
  // @ts-expect-error claims take no policy
  claims(text, { strictZeroBase: true });
  // @ts-expect-error comparison amounts are strings
  const changeAsNumber: number = cmp.tables[0]!.lines[0]!.change;
  // @ts-expect-error a claim's subject is not any string
  const subjectBad: Subject = "salaries";
  void [changeAsNumber, subjectBad];
  // @ts-expect-error checkPdf takes the bytes of a PDF, not text
  checkPdf(text);
  // @ts-expect-error pdfPage takes a page number
  pdfPage(bytes, "1");
  // @ts-expect-error the Node build has no init
  node.default();
  void [asNumber, bad];
}

export function nodeBuild(text: string): void {
  // The Node build: the same functions and types, loaded synchronously.
  const report: node.Report = node.check(text, { includePasses: true });
  const doc: node.Document = node.parse(text);
  const same: Report = report;
  const entry: node.CatalogEntry | undefined = node.lookup("201");
  const json: string = node.checkJson(text);
  const r: node.RuleInfo[] = node.rules();
  const cmp: node.Comparison = node.compare(text, text);
  const cl: node.Claims = node.claims(text);
  const cmpJson: string = node.compareJson(text, text) + node.compareText(text, text, { all: true });
  void [doc, same, entry, json, r, cmp, cl, cmpJson, node.version(), node.errorCodes()];
}
