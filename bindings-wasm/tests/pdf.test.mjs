// PDF in, findings with page and position out, in Node (the package is built with the core's `pdf`
// feature):
//
// - the PDFs of ../shared/corpus/pdf: `check(bytes)` and `checkPdf(bytes)` give the report the CLI
//   prints for the file (`yusuan check FILE.pdf --format json`, byte for byte through `checkJson`),
//   `textForm` the text `yusuan text FILE.pdf` prints, and the findings (rule, outcome, table, row,
//   column, line, page) are those of the text of the same extraction; every piece of evidence of a
//   table cell has a page and a box, and `pdfPage` of that page has characters inside the box;
// - `pdfPage` and `checkPdf` on bad arguments;
// - the damaged-PDF catalogue of tests/pdf_damaged (also run from Rust, core/tests/pdf_damaged.rs):
//   every case through `check(bytes)` (`entry: read`) or `checkPdf` (`entry: pdf`), each in a worker
//   thread under a watchdog (a hang, a trap or any other error than the case's fails it).
//
//   YUSUAN_CLI=target/release/yusuan node --test bindings-wasm/tests/pdf.test.mjs

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";

import { assertYusuanError, cli, hasShared, pkgDir, root, runCli, seed, sharedCorpusDir, yusuan } from "./support.mjs";

const pdfDir = path.join(sharedCorpusDir, "pdf");
const pdfs = hasShared
  ? fs
      .readdirSync(pdfDir)
      .filter((f) => f.endsWith(".pdf"))
      .sort()
  : [];
if (hasShared) assert.ok(pdfs.some((f) => f.startsWith("07_")), `${pdfDir}: no 07_*.pdf`);
else console.log(`# ${sharedCorpusDir} is missing: the corpus PDFs are left out`);
// Without the CLI the report is still compared with the text check of the same extraction; the
// byte-for-byte comparison with the CLI needs it (scripts/test-wasm.sh always sets YUSUAN_CLI).
if (!cli && process.env.CI) throw new Error("YUSUAN_CLI is not set under CI");

const valid = new Uint8Array(fs.readFileSync(path.join(root, "tests/pdf_damaged/inputs/valid.pdf")));

/** What a finding says, where: the fields a PDF and the text of its extraction must agree on. */
function where(report) {
  return report.findings.map((f) => ({
    rule: f.rule,
    outcome: f.outcome,
    table: f.table ?? null,
    row: f.row ?? null,
    column: f.column ?? null,
    evidence: f.evidence.map((e) => [e.table, e.row ?? null, e.column ?? null, e.line, e.page ?? null, e.text]),
  }));
}

for (const name of pdfs) {
  test(`${name}: the report of the CLI, with pages and boxes, and the findings of the text of its extraction`, () => {
    const file = path.join(pdfDir, name);
    const bytes = new Uint8Array(fs.readFileSync(file));
    const report = yusuan.check(bytes, { includePasses: true });
    assert.deepStrictEqual(yusuan.checkPdf(bytes, { includePasses: true }), report);
    assert.ok(report.coverage.tables_found.length >= 5, `${report.coverage.tables_found.length} tables`);
    const text = yusuan.textForm(bytes);
    if (cli) {
      assert.equal(yusuan.checkJson(bytes), runCli("check", "--format", "json", file), "check --format json");
      assert.equal(text, runCli("text", file), "yusuan text");
    }
    // The same findings as for the text of the same extraction: the same rules, outcomes, places
    // (line numbers of the text form, pages from its form feeds) and printed text.
    const fromText = yusuan.check(text, { includePasses: true });
    assert.deepStrictEqual(where(report), where(fromText));
    assert.deepStrictEqual(report.summary, fromText.summary);
    assert.ok(report.findings.length > 0);

    // Evidence of a table cell has its page and its box; the box holds characters of that page.
    const cells = report.findings.flatMap((f) => f.evidence).filter((e) => e.column !== undefined && /^T\d+/.test(e.table));
    assert.ok(cells.length > 0, "evidence of table cells");
    for (const e of cells) {
      assert.ok(Number.isInteger(e.page) && e.page >= 1, JSON.stringify(e));
      assert.equal(e.bbox.length, 4, JSON.stringify(e));
    }
    const pages = new Map();
    for (const e of cells.filter((c) => /\d/.test(c.text)).slice(0, 40)) {
      if (!pages.has(e.page)) pages.set(e.page, yusuan.pdfPage(bytes, e.page));
      const page = pages.get(e.page);
      assert.equal(page.page, e.page);
      const [x0, top, x1, bottom] = e.bbox;
      assert.ok(x0 >= 0 && x1 <= page.width && top >= 0 && bottom <= page.height, `${JSON.stringify(e.bbox)} on ${page.width}×${page.height}`);
      const inside = page.chars
        .filter((c) => {
          const cx = (c.bbox[0] + c.bbox[2]) / 2;
          const cy = (c.bbox[1] + c.bbox[3]) / 2;
          return cx >= x0 && cx <= x1 && cy >= top && cy <= bottom;
        })
        .map((c) => c.text)
        .join("");
      // the cell's text is its characters (a line break inside the cell dropped)
      assert.equal(inside.replace(/\s/g, ""), e.text.replace(/\s/g, ""), `page ${e.page} ${JSON.stringify(e.bbox)}`);
      assert.ok(page.lines.length + page.rects.length > 0, "the table's ruling lines");
    }
  });
}

test("checkPdf reads a PDF only; pdfPage gives a page's geometry and refuses a page not in the file", () => {
  const report = yusuan.checkPdf(valid);
  assert.deepStrictEqual(report, yusuan.check(valid));
  assert.deepStrictEqual(yusuan.checkPdf(valid, { narrativeOnly: true }), yusuan.check(valid, { narrativeOnly: true }));
  // text is not a PDF for checkPdf (check reads it as text)
  assertYusuanError(() => yusuan.checkPdf(new TextEncoder().encode(seed)), "not_a_pdf");
  assertYusuanError(() => yusuan.checkPdf(new Uint8Array()), "empty_input");
  assertYusuanError(() => yusuan.checkPdf(seed), "invalid_option");
  assertYusuanError(() => yusuan.checkPdf(valid, { includepasses: true }), "invalid_option");

  const page = yusuan.pdfPage(valid, 1);
  assert.equal(page.page, 1);
  assert.equal(page.pages, 1);
  assert.ok(page.width > 0 && page.height > 0);
  assert.ok(page.chars.length > 10);
  for (const c of page.chars) assert.ok(typeof c.text === "string" && c.bbox.length === 4);
  assert.ok(page.lines.length + page.rects.length >= 4);
  const err = assertYusuanError(() => yusuan.pdfPage(valid, 2), "invalid_option");
  assert.match(err.message, /from 1 to 1/);
  for (const bad of [0, -1, 1.5, "1", null, undefined, Number.NaN]) {
    assertYusuanError(() => yusuan.pdfPage(valid, bad), "invalid_option");
  }
  assertYusuanError(() => yusuan.pdfPage("%PDF-1.7", 1), "invalid_option");
  assertYusuanError(() => yusuan.pdfPage(new TextEncoder().encode(seed), 1), "not_a_pdf");

  // textForm of text is the text as the reader splits it
  assert.equal(yusuan.textForm("标题\r\n合计\t1.00\n"), "标题\n合计\t1.00\n");
  // a string is text, even when it mentions %PDF- (only bytes can be a PDF)
  assert.equal(yusuan.textForm("%PDF-1.7 是文件头\n"), "%PDF-1.7 是文件头\n");
  assertYusuanError(() => yusuan.textForm(new TextEncoder().encode("%PDF-1.7 是文件头\n")), "pdf_damaged");
});

// ---- the damaged-PDF catalogue ------------------------------------------------------------

const damagedDir = path.join(root, "tests/pdf_damaged");
const cases = JSON.parse(fs.readFileSync(path.join(damagedDir, "cases.json"), "utf8"));
const nodeBuild = path.join(pkgDir, "node/yusuan.js");
const WATCHDOG_MS = 60_000;

// Runs in a worker of its own: the case's bytes through its entry point, the outcome as plain data.
const WORKER = `
const { workerData, parentPort } = require("node:worker_threads");
const fs = require("node:fs");
const yusuan = require(workerData.pkg);
const c = workerData.case;
let bytes;
if (c.input) {
  bytes = new Uint8Array(fs.readFileSync(require("node:path").join(workerData.dir, c.input)));
} else {
  const g = c.generate;
  const prefix = Buffer.from(g.prefix || "", "utf8");
  const unit = Buffer.from(g.repeat, "utf8");
  bytes = new Uint8Array(prefix.length + unit.length * g.count);
  bytes.set(prefix, 0);
  for (let i = 0; i < g.count; i++) bytes.set(unit, prefix.length + i * unit.length);
}
try {
  if (c.entry === "pdf") {
    const report = yusuan.checkPdf(bytes);
    parentPort.postMessage({ tables: report.coverage.tables_found.length, notices: report.notices, errors: report.summary.error });
  } else {
    const doc = yusuan.parse(bytes);
    const report = yusuan.check(bytes);
    parentPort.postMessage({ tables: doc.tables.length, notices: doc.notices ?? [], errors: report.summary.error });
  }
} catch (e) {
  parentPort.postMessage({ thrown: { name: e && e.name, code: e && e.code, message: String(e && e.message), details: e && e.details, page: e && e.page, isError: e instanceof Error } });
}
`;

function runCase(c) {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { pkg: nodeBuild, dir: damagedDir, case: c } });
    let done = false;
    const finish = (outcome) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      worker.terminate();
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ hang: true }), WATCHDOG_MS);
    worker.on("message", finish);
    worker.on("error", (e) => finish({ crashed: String(e && e.stack ? e.stack : e) }));
    worker.on("exit", (code) => finish({ crashed: `the worker exited (${code}) without a result` }));
  });
}

function subset(want, got) {
  if (want !== null && typeof want === "object" && !Array.isArray(want)) {
    return got !== null && typeof got === "object" && Object.entries(want).every(([k, v]) => subset(v, got[k]));
  }
  return JSON.stringify(want) === JSON.stringify(got);
}

test("the damaged-PDF catalogue has at least 25 cases, each saying what the user sees", () => {
  assert.ok(cases.length >= 25, `${cases.length} cases`);
  assert.equal(new Set(cases.map((c) => c.name)).size, cases.length, "duplicate names");
  for (const c of cases) assert.ok(c.user_sees && c.expect && (c.input || c.generate), c.name);
  assert.ok(cases.some((c) => c.generate), "the generated input past the size limit");
  assert.ok(cases.some((c) => c.entry === "pdf"), "a case through checkPdf");
});

for (const c of cases) {
  test(`damaged PDF ${c.name} (${c.entry === "pdf" ? "checkPdf" : "check"}): ${c.user_sees}`, { timeout: WATCHDOG_MS + 30_000 }, async () => {
    const got = await runCase(c);
    assert.ok(!got.hang, `no result within ${WATCHDOG_MS / 1000} s (a hang)`);
    assert.ok(!got.crashed, got.crashed);
    const expect = c.expect;
    if (expect.error) {
      assert.ok(got.thrown, `expected error ${expect.error}, got ${JSON.stringify(got)}`);
      const e = got.thrown;
      // a YusuanError, never a trap (a panic would be a RuntimeError "unreachable")
      assert.ok(e.isError, JSON.stringify(e));
      assert.equal(e.name, "YusuanError", e.message);
      assert.equal(e.code, expect.error, e.message);
      assert.equal(e.details.code, expect.error);
      const fields = { ...e.details, page: e.page ?? null };
      for (const [key, value] of Object.entries(expect)) {
        if (key === "error") continue;
        if (key === "message_contains") assert.ok(e.message.includes(value), `message ${JSON.stringify(e.message)} lacks ${JSON.stringify(value)}`);
        else assert.ok(subset(value, fields[key]), `${key}: expected ${JSON.stringify(value)}, got ${JSON.stringify(fields[key])}`);
      }
      return;
    }
    assert.ok(!got.thrown, `expected the input to be read, got ${JSON.stringify(got.thrown)}`);
    if (expect.tables !== undefined) assert.equal(got.tables, expect.tables);
    for (const want of expect.notices ?? []) {
      assert.ok(got.notices.some((n) => subset(want, n)), `notices: nothing matches ${JSON.stringify(want)} in ${JSON.stringify(got.notices)}`);
    }
    if (expect.no_notice) assert.deepStrictEqual(got.notices, []);
  });
}
