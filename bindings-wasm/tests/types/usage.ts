// Type-checked (never run) by `tsc --noEmit -p bindings-wasm/tests/types`: every function of the
// package with its inputs and outputs, for the web build (ES module with init) and the Node build.
// Lines marked @ts-expect-error must be rejected by the types; if one is accepted, tsc fails.

import init, {
  check,
  checkJson,
  columnName,
  errorCodes,
  initSync,
  lookup,
  parse,
  rules,
  version,
  type CatalogEntry,
  type Cell,
  type CheckOptions,
  type Document,
  type ErrorCode,
  type Evidence,
  type Finding,
  type Outcome,
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

  // errors: a real Error with a code
  try {
    parse("");
  } catch (e) {
    if (e instanceof Error && e.name === "YusuanError") {
      const err = e as YusuanError;
      const code: ErrorCode = err.code;
      const where: number | undefined = err.line;
      const table: string | undefined = err.table;
      const detail: unknown = err.details["title"];
      void [code, where, table, detail, err.details.code];
    }
  }
  const codes: ErrorCode[] = errorCodes();

  // rules, lookup, version
  const all: RuleInfo[] = rules();
  const kind: "hard" | "conditional" | "soft" = all[0]!.kind;
  const entry: CatalogEntry | undefined = lookup("2080505");
  const parent: string | null | undefined = entry?.parent;
  const v: string = version();
  void [counts, schema, json, codes, kind, parent, v];

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
  void [doc, same, entry, json, r, node.version(), node.errorCodes()];
}
