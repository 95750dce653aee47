// The bad-input catalogue of tests/bad_inputs (also run from Rust, core/tests/bad_input_catalogue.rs,
// and Python, bindings-python/tests/test_bad_inputs.py), against the built package: every
// malformed input either throws a YusuanError with the stated code, message and fields, or reads
// with the stated problems recorded (notices, unreadable cells, row issues, findings). Nothing else
// may escape, least of all a wasm trap ("unreachable").
//
//   node --test bindings-wasm/tests/bad_inputs.test.mjs

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";

import { assertYusuanError, root, yusuan } from "./support.mjs";

const dir = path.join(root, "tests/bad_inputs");
const cases = JSON.parse(fs.readFileSync(path.join(dir, "cases.json"), "utf8"));

function inputBytes(c) {
  if (c.input) return new Uint8Array(fs.readFileSync(path.join(dir, c.input)));
  const g = c.generate;
  return new TextEncoder().encode(g.repeat.repeat(g.count));
}

/** Every key of `want` is in `got` with an equal value (recursively for objects). */
function subset(want, got) {
  if (want !== null && typeof want === "object" && !Array.isArray(want)) {
    return got !== null && typeof got === "object" && Object.entries(want).every(([k, v]) => subset(v, got[k]));
  }
  return JSON.stringify(want) === JSON.stringify(got);
}

test("the catalogue has at least 40 cases, each saying what the user should see", () => {
  assert.ok(cases.length >= 40, `${cases.length} cases`);
  for (const c of cases) assert.ok(c.expect && c.user_sees, c.name);
});

for (const c of cases) {
  test(`bad input ${c.name}: ${c.user_sees}`, () => {
    // this package is built with the core's `pdf` feature: its bytes entry points tell PDF from
    // text, so where a case says what such a front end sees (its bytes read by the PDF reader),
    // that is what it must see
    const expect = c.with_pdf ?? c.expect;
    const data = inputBytes(c);
    if (expect.error) {
      const err = assertYusuanError(() => yusuan.parse(data), expect.error);
      // check() reads the input the same way and fails the same way.
      assertYusuanError(() => yusuan.check(data), expect.error);
      const fields = { ...err.details, line: err.line ?? null, table: err.table ?? null };
      for (const [key, value] of Object.entries(expect)) {
        if (key === "error" || key === "message_contains") continue;
        assert.deepEqual(fields[key], value, `${key} of ${JSON.stringify(fields)}`);
      }
      assert.ok(err.message.includes(expect.message_contains ?? ""), err.message);
      return;
    }
    const doc = yusuan.parse(data);
    const report = yusuan.check(data, { includePasses: true });
    const cells = doc.tables.flatMap((t) =>
      t.rows.flatMap((r) => r.cells.map((cell) => ({ table: t.key, line: cell.line, kind: cell.value.kind, text: cell.text }))),
    );
    const rows = doc.tables.flatMap((t) =>
      t.rows.flatMap((r) => (r.issues ?? []).map((i) => ({ table: t.key, line: r.line, issue: i.kind }))),
    );
    const lists = { notices: doc.notices ?? [], cells, rows, findings: report.findings.flatMap((f) => [f, ...(f.related ?? [])]) };
    for (const [key, actual] of Object.entries(lists)) {
      for (const want of expect[key] ?? []) {
        assert.ok(actual.some((a) => subset(want, a)), `${key}: nothing matches ${JSON.stringify(want)}`);
      }
    }
    if (expect.document) assert.ok(subset(expect.document, doc), `document: ${JSON.stringify(expect.document)}`);
    if (expect.clean) {
      assert.deepEqual(lists.notices, []);
      assert.deepEqual(cells.filter((cell) => cell.kind === "unreadable"), []);
      assert.deepEqual(rows, []);
      assert.deepEqual(report.findings.filter((f) => f.outcome === "fail" && f.severity === "error"), []);
    }
  });
}
