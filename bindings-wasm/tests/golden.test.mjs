// The shared golden cases (tests/golden) and the rest of the API, run in Node against the built
// package (bindings-wasm/pkg, loaded through its package.json as `require("yusuan")`).
//
// Every report must equal the stored one, which is what `yusuan check --format json` prints: as
// objects (check) deeply, and as text (checkJson) byte for byte. Every error case must throw a
// YusuanError with the stated code. With YUSUAN_CLI set (scripts/test-wasm.sh sets it), parse,
// rules, lookup and check are also compared with the CLI run on the same input.
//
//   node --test bindings-wasm/tests/golden.test.mjs
//   YUSUAN_WASM_PKG=path/to/pkg YUSUAN_CLI=target/release/yusuan node --test ...

import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import {
  assertYusuanError,
  cli,
  corpus,
  goldenCases,
  goldenDir,
  outDir,
  pkgDir,
  random,
  root,
  runCli,
  seed,
  seedPath,
  yusuan,
} from "./support.mjs";

const cases = goldenCases();
// Whether the package reads PDFs (built with the core's `pdf` feature: it then has `checkPdf`).
// Without it, a PDF case must be refused as such (`pdf_unsupported`), never skipped.
const hasPdf = typeof yusuan.checkPdf === "function";

test("the golden manifest has cases of both kinds", () => {
  assert.ok(cases.length >= 8, `${cases.length} cases`);
  assert.ok(cases.some((c) => c.report) && cases.some((c) => c.error));
});

for (const c of cases) {
  const input = fs.readFileSync(path.join(goldenDir, c.input));
  if (c.pdf && !hasPdf) {
    test(`golden ${c.name}: a PDF, refused as pdf_unsupported (the package has no pdf feature)`, () => {
      assertYusuanError(() => yusuan.check(new Uint8Array(input)), "pdf_unsupported");
      assertYusuanError(() => yusuan.checkJson(new Uint8Array(input)), "pdf_unsupported");
      assertYusuanError(() => yusuan.parse(new Uint8Array(input)), "pdf_unsupported");
    });
  } else if (c.pdf) {
    test(`golden ${c.name}: the PDF's report equals tests/golden/${c.report}`, () => {
      const want = fs.readFileSync(path.join(goldenDir, c.report), "utf8");
      assert.deepStrictEqual(yusuan.check(new Uint8Array(input)), JSON.parse(want));
      assert.equal(yusuan.checkJson(new Uint8Array(input)), want);
      if (cli) {
        const got = runCli("check", "--format", "json", path.join(goldenDir, c.input));
        assert.equal(got, want, "the CLI itself no longer prints the stored report");
      }
    });
  } else if (c.report) {
    test(`golden ${c.name}: report equals tests/golden/${c.report}`, () => {
      const want = fs.readFileSync(path.join(goldenDir, c.report), "utf8");
      const text = input.toString("utf8");
      // Objects, from text and from bytes.
      assert.deepStrictEqual(yusuan.check(text), JSON.parse(want));
      assert.deepStrictEqual(yusuan.check(new Uint8Array(input)), JSON.parse(want));
      // The exact JSON text.
      assert.equal(yusuan.checkJson(text), want);
      assert.equal(yusuan.checkJson(new Uint8Array(input)), want);
      if (cli) {
        const got = runCli("check", "--format", "json", path.join(goldenDir, c.input));
        assert.equal(got, want, "the CLI itself no longer prints the stored report");
      }
    });
  } else {
    test(`golden ${c.name}: throws YusuanError ${c.error}`, () => {
      const text = input.toString("utf8");
      assertYusuanError(() => yusuan.check(text), c.error);
      assertYusuanError(() => yusuan.check(new Uint8Array(input)), c.error);
      assertYusuanError(() => yusuan.checkJson(text), c.error);
      assertYusuanError(() => yusuan.parse(text), c.error);
    });
  }
}

test("includePasses lists the passes; the summary is unchanged", () => {
  const plain = yusuan.check(seed);
  const all = yusuan.check(seed, { includePasses: true });
  assert.deepStrictEqual(all.summary, plain.summary);
  assert.equal(all.findings.filter((f) => f.outcome === "pass").length, plain.summary.pass);
  assert.equal(all.findings.length, plain.findings.length + plain.summary.pass);
  if (cli) {
    assert.equal(yusuan.checkJson(seed, { includePasses: true }), runCli("check", "--format", "json", "--include-passes", seedPath));
  }
});

test("policy options reach the core", () => {
  const noSoft = yusuan.check(seed, { softRules: false });
  const rules = yusuan.rules();
  const soft = new Set(rules.filter((r) => r.kind === "soft").map((r) => r.id));
  assert.ok(soft.size > 0);
  assert.ok(noSoft.findings.every((f) => !soft.has(f.rule)));
  const skipped = yusuan.check(seed, { skipRules: ["W-01-5"] });
  assert.ok(yusuan.check(seed).findings.some((f) => f.rule === "W-01-5"));
  assert.ok(skipped.findings.every((f) => f.rule !== "W-01-5"));
  // envelope 0: every rounding gap becomes a failure
  const exact = yusuan.check(seed, { envelopeFactor: "0" });
  assert.equal(exact.summary.hint < yusuan.check(seed).summary.hint, true);
  assert.ok(exact.summary.error > 0);
  // undefined fields are ignored; the defaults are the core's
  assert.deepStrictEqual(yusuan.check(seed, { includePasses: undefined, layout: undefined }), yusuan.check(seed));
  assert.deepStrictEqual(yusuan.check(seed, {}), yusuan.check(seed));
  assert.deepStrictEqual(yusuan.check(seed, null), yusuan.check(seed));
  assert.deepStrictEqual(yusuan.check(seed, { layout: "national-12" }), yusuan.check(seed));
});

test("bad arguments throw YusuanError invalid_option, naming the option", () => {
  const bad = [
    [() => yusuan.check(seed, { includepasses: true }), /`includepasses`/],
    [() => yusuan.check(seed, { includePasses: "yes" }), /`includePasses`/],
    [() => yusuan.check(seed, { skipRules: "W-01-5" }), /`skipRules`/],
    [() => yusuan.check(seed, { skipRules: [1] }), /`skipRules`/],
    [() => yusuan.check(seed, { envelopeFactor: 0.5 }), /`envelopeFactor`/],
    [() => yusuan.check(seed, { envelopeFactor: "half" }), /`envelopeFactor`/],
    [() => yusuan.check(seed, { layout: "nowhere" }), /`layout`.*national-12/],
    [() => yusuan.check(seed, "includePasses"), /`options`/],
    [() => yusuan.check(seed, [true]), /`options`/],
    [() => yusuan.parse(seed, { includePasses: true }), /`includePasses`/],
    [() => yusuan.check(42), /`input`/],
    [() => yusuan.check(), /`input`/],
    [() => yusuan.parse({ text: seed }), /`input`/],
    [() => yusuan.lookup(2080505), /`code`/],
    [() => yusuan.columnName({ header: 1 }), /`column`/],
  ];
  for (const [fn, message] of bad) {
    const e = assertYusuanError(fn, "invalid_option");
    assert.match(e.message, message);
  }
});

test("errors carry line, table and details", () => {
  const truncated = cases.find((c) => c.error === "truncated_table");
  const text = fs.readFileSync(path.join(goldenDir, truncated.input), "utf8");
  const e = assertYusuanError(() => yusuan.parse(text), "truncated_table");
  assert.match(e.table, /^T\d\d$/);
  assert.equal(typeof e.line, "number");
  assert.equal(e.details.table, e.table);
  assert.equal(e.details.line, e.line);
  assert.equal(typeof e.details.title, "string");
  const binary = assertYusuanError(() => yusuan.parse("abc\u0000def"), "not_text");
  assert.equal(binary.line, 1);
  assertYusuanError(() => yusuan.parse(new Uint8Array([0x41, 0xff, 0xfe])), "invalid_utf8");
  assertYusuanError(() => yusuan.parse(""), "empty_input");
  // Nothing was left broken: the instance still works after every error.
  assert.equal(yusuan.check(seed).schema, "yusuan.report/1");
});

// A panic would abort the instance (WebAssembly.RuntimeError: unreachable) and leave it unusable:
// damaged input must give a report or a YusuanError, and the instance must keep working.
test("damaged input: a report or a YusuanError, never a crash", () => {
  const rand = random(0x2545f491);
  const bytes = Buffer.from(seed, "utf8");
  const lines = seed.split("\n");
  const outcomes = { report: 0, error: 0 };
  for (let i = 0; i < 300; i++) {
    let input;
    switch (i % 5) {
      case 0: { // flip some bytes (may break UTF-8)
        const b = Uint8Array.from(bytes);
        for (let k = 0; k < 1 + rand(20); k++) b[rand(b.length)] = rand(256);
        input = b;
        break;
      }
      case 1: // cut anywhere (may cut a character in two)
        input = bytes.subarray(0, rand(bytes.length));
        break;
      case 2: { // drop or duplicate lines
        const l = lines.slice();
        for (let k = 0; k < 1 + rand(30); k++) {
          const at = rand(l.length);
          if (rand(2)) l.splice(at, 1);
          else l.splice(at, 0, l[rand(l.length)]);
        }
        input = l.join("\n");
        break;
      }
      case 3: { // change digits, tabs and signs inside the tables
        const chars = [...seed];
        for (let k = 0; k < 1 + rand(40); k++) {
          const at = rand(chars.length);
          chars[at] = ["0", "9", ".", ",", "-", "\t", " ", "（", "万", "\u0000"][rand(10)];
        }
        input = chars.join("");
        break;
      }
      default: // a window of the text
        input = seed.slice(rand(seed.length), seed.length - rand(seed.length / 2));
    }
    try {
      const report = yusuan.check(input, { includePasses: i % 2 === 0 });
      assert.equal(report.schema, "yusuan.report/1");
      outcomes.report += 1;
    } catch (e) {
      assert.ok(e instanceof Error && e.name === "YusuanError", `case ${i}: ${e}`);
      assert.ok(yusuan.errorCodes().includes(e.code), `case ${i}: code ${e.code}`);
      outcomes.error += 1;
    }
  }
  assert.ok(outcomes.report > 0 && outcomes.error > 0, JSON.stringify(outcomes));
  assert.deepStrictEqual(yusuan.check(seed), JSON.parse(fs.readFileSync(path.join(goldenDir, "seed.json"), "utf8")));
});

test("errorCodes() lists every code; version() is the package's", () => {
  const codes = yusuan.errorCodes();
  for (const c of ["empty_input", "invalid_utf8", "not_text", "input_too_large", "not_a_disclosure", "truncated_table", "invalid_option"]) {
    assert.ok(codes.includes(c), c);
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8"));
  assert.equal(yusuan.version(), pkg.version);
});

test("parse returns the typed model; amounts are strings", () => {
  const doc = yusuan.parse(seed);
  const t05 = doc.tables.find((t) => t.key === "T05");
  const row = t05.rows.find((r) => r.code === "2080505");
  const total = t05.columns.findIndex((c) => c.key === "total");
  const cell = row.cells.find((c) => c.column === total);
  assert.deepStrictEqual(cell.value, { kind: "amount", value: "223.00" });
  assert.equal(yusuan.columnName(t05.columns[total]), "合计");
  if (cli) assert.deepStrictEqual(doc, JSON.parse(runCli("parse", "--format", "json", seedPath)));
});

// A two-lane table (人员经费 | 公用经费 side by side) prints two cells of the same column name on
// one line; the evidence's row (code, line item or "total") tells them apart, as on the page.
const rowKey = (r) => r.code ?? r.item ?? (r.total ? "total" : null);

test("every evidence cell of every golden report is found by table, line, columnName and row", () => {
  for (const c of cases.filter((c) => c.report && !c.pdf)) {
    const text = fs.readFileSync(path.join(goldenDir, c.input), "utf8");
    const doc = yusuan.parse(text);
    const cells = new Map();
    for (const t of doc.tables) {
      const names = t.columns.map((col) => yusuan.columnName(col));
      for (const r of t.rows) {
        for (const cell of r.cells) {
          const key = `${t.key}|${cell.line}|${names[cell.column]}|${rowKey(r)}`;
          cells.set(key, (cells.get(key) || 0) + 1);
          assert.equal(cells.get(key), 1, `${c.name}: two cells share ${key}`);
        }
      }
    }
    const report = yusuan.check(text, { includePasses: true });
    for (const f of report.findings) {
      for (const ev of f.evidence) {
        if (ev.column === undefined || !doc.tables.some((t) => t.key === ev.table)) continue;
        const byRow = cells.has(`${ev.table}|${ev.line}|${ev.column}|${ev.row}`);
        const byLine = [...cells.keys()].some((k) => k.startsWith(`${ev.table}|${ev.line}|${ev.column}|`));
        assert.ok(byRow || (byLine && !/^\d+$|^total$/.test(ev.row ?? "")), `${c.name}: ${f.rule} evidence ${JSON.stringify(ev)} matches no cell`);
      }
    }
  }
});

test("rules() and lookup() equal the CLI's JSON", () => {
  const rules = yusuan.rules();
  assert.ok(rules.length > 10);
  assert.ok(rules.some((r) => r.id === "W-02-3"));
  const entry = yusuan.lookup("2080505");
  assert.equal(entry.name, "机关事业单位基本养老保险缴费支出");
  assert.equal(entry.parent, "20805");
  assert.equal(yusuan.lookup("999999"), undefined);
  assert.equal(yusuan.lookup(""), undefined);
  if (cli) {
    assert.deepStrictEqual(rules, JSON.parse(runCli("rules", "--format", "json")));
    for (const code of ["201", "2080505", "30101", "50101"]) {
      assert.deepStrictEqual(yusuan.lookup(code), JSON.parse(runCli("catalog", code, "--format", "json")), code);
    }
  }
});

test("the package holds the web and the Node build", () => {
  for (const f of ["web/yusuan.js", "web/yusuan.d.ts", "web/yusuan_bg.wasm", "node/yusuan.js", "node/yusuan.d.ts", "README.md"]) {
    assert.ok(fs.existsSync(path.join(pkgDir, f)), f);
  }
  assert.ok(fs.readFileSync(path.join(pkgDir, "web/yusuan.d.ts"), "utf8").includes("export interface Report"));
});

// The outputs, assigned to the declared types in a TypeScript file and checked by tsc: a field the
// core adds, drops or renames, or a value of another type, fails here (object literals get excess
// property checks). This is what keeps the hand-written interfaces honest.
test("actual outputs conform to the TypeScript types (tsc --noEmit)", () => {
  const lines = [
    "// Generated by bindings-wasm/tests/golden.test.mjs: real outputs assigned to the package's types.",
    `import type { Document, Report, RuleInfo, CatalogEntry, ErrorCode, Comparison, Claims } from ${JSON.stringify(path.join(pkgDir, "node/yusuan"))};`,
  ];
  const put = (name, type, value) => lines.push(`export const ${name}: ${type} = ${JSON.stringify(value, null, 1)};`);
  for (const c of cases.filter((c) => c.report && !c.pdf)) {
    const text = fs.readFileSync(path.join(goldenDir, c.input), "utf8");
    put(`report_${c.name}`, "Report", yusuan.check(text, { includePasses: true }));
    put(`doc_${c.name}`, "Document", yusuan.parse(text));
  }
  // Every document of the corpus (the 12-table seed, the Shanghai budget and final-accounts
  // layouts): whole and narrative only, its report both ways, and its claims.
  const docs = corpus();
  assert.ok(docs.length >= 4, `${docs.length} corpus documents`);
  for (const [f, file] of docs) {
    const text = fs.readFileSync(file, "utf8");
    const id = f.replace(/\W/g, "_");
    put(`corpus_doc_${id}`, "Document", yusuan.parse(text));
    put(`corpus_report_${id}`, "Report", yusuan.check(text, { includePasses: true }));
    put(`corpus_narrative_${id}`, "Document", yusuan.parse(text, { narrativeOnly: true }));
    put(`corpus_narrative_report_${id}`, "Report", yusuan.check(text, { includePasses: true, narrativeOnly: true }));
    put(`corpus_claims_${id}`, "Claims", yusuan.claims(text));
  }
  // Comparisons: the two fixtures against the seed, swapped, and pairs that make every kind of note.
  const fixtures = ["yantai_2024_fabricated", "yantai_2024_mismatch"].map((n) => fs.readFileSync(path.join(root, `tests/compare/${n}.txt`), "utf8"));
  put("compare_fabricated", "Comparison", yusuan.compare(fixtures[0], seed));
  put("compare_mismatch", "Comparison", yusuan.compare(fixtures[1], seed));
  put("compare_swapped", "Comparison", yusuan.compare(seed, fixtures[1]));
  for (const [f, file] of docs.filter(([f]) => f.startsWith("0"))) {
    put(`compare_seed_${f.replace(/\W/g, "_")}`, "Comparison", yusuan.compare(fs.readFileSync(file, "utf8"), seed));
  }
  put("rules", "RuleInfo[]", yusuan.rules());
  for (const code of ["201", "2080505", "30101", "50101", "20101"]) {
    const entry = yusuan.lookup(code);
    if (entry) put(`entry_${code}`, "CatalogEntry", entry);
  }
  put("codes", "ErrorCode[]", yusuan.errorCodes());
  const file = path.join(outDir, "outputs.ts");
  fs.writeFileSync(file, lines.join("\n") + "\n");
  const tsc = spawnSync(
    "tsc",
    ["--noEmit", "--strict", "--target", "es2022", "--module", "esnext", "--moduleResolution", "bundler", "--types", "", file],
    { encoding: "utf8" },
  );
  assert.equal(tsc.error, undefined, `cannot run tsc: ${tsc.error}`);
  assert.equal(tsc.status, 0, `tsc found outputs that do not match the types:\n${tsc.stdout}${tsc.stderr}`);
});
