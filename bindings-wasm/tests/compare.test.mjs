// compare, compareJson and compareText in Node against the built package: the two fixtures of
// tests/compare against the seed, compared with what the CLI prints for the same pair
// (`yusuan compare A B --format json|text|markdown [--all]`), byte for byte.
//
//   node --test bindings-wasm/tests/compare.test.mjs
//   YUSUAN_CLI=target/release/yusuan node --test ...   (adds the parity checks with the CLI)

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";

import { assertYusuanError, cli, corpus, random, root, runCli, seed, seedPath, yusuan } from "./support.mjs";

const fixture = (name) => path.join(root, "tests/compare", `${name}.txt`);
const fabricatedPath = fixture("yantai_2024_fabricated");
const mismatchPath = fixture("yantai_2024_mismatch");
const fabricated = fs.readFileSync(fabricatedPath, "utf8");
const mismatch = fs.readFileSync(mismatchPath, "utf8");
const bytes = (s) => new Uint8Array(Buffer.from(s, "utf8"));

const t05line = (cmp, code) => cmp.tables.find((t) => t.key === "T05").lines.find((l) => l.row === code && l.column === "total");

test("compare: the fabricated 2024 document agrees with every prior-year figure of the seed", () => {
  const cmp = yusuan.compare(fabricated, seed);
  assert.equal(cmp.schema, "yusuan.compare/1");
  assert.equal(cmp.earlier.year, 2024);
  assert.equal(cmp.later.year, 2025);
  assert.equal(cmp.unit, "万元");
  assert.deepStrictEqual(cmp.notes, []);
  assert.equal(cmp.summary.prior_fail, 0);
  assert.ok(cmp.summary.prior_pass > 0);
  assert.ok(cmp.prior_checks.every((c) => c.outcome !== "fail"));
  const appeared = t05line(cmp, "2080506");
  assert.equal(appeared.status, "appeared");
  assert.equal(appeared.earlier, null);
  assert.equal(appeared.later, "73.85");
  assert.equal(appeared.change, "73.85");
  assert.equal(appeared.growth, undefined, "no growth rate on a zero base");
  assert.equal(t05line(cmp, "2010399").status, "vanished");
});

test("compare: the mismatch pair has 4 prior-year disagreements; 2080506 appears and 2010399 vanishes in T05", () => {
  const cmp = yusuan.compare(mismatch, seed);
  assert.equal(cmp.summary.prior_fail, 4);
  const failed = cmp.prior_checks.filter((c) => c.outcome === "fail");
  assert.equal(failed.length, 4);
  for (const c of failed) {
    // Amounts are decimal strings, and stated − earlier = difference.
    for (const v of [c.stated, c.earlier, c.difference]) assert.equal(typeof v, "string");
    assert.equal(c.difference, "1");
    assert.ok(c.later_evidence.length > 0 && c.earlier_evidence.length > 0);
    assert.ok(c.message.includes("不符") && c.message_en.includes("disagrees"));
  }
  assert.deepStrictEqual(
    failed.map((c) => [c.stated, c.earlier]),
    [["170.6", "169.6"], ["109", "108"], ["170.6", "169.6"], ["109", "108"]],
  );
  const appeared = t05line(cmp, "2080506");
  const vanished = t05line(cmp, "2010399");
  assert.equal(appeared.status, "appeared");
  assert.equal(vanished.status, "vanished");
  // Amounts of a comparison are exact decimals in its unit, not the printed text (`120.00`).
  assert.equal(vanished.earlier, "120");
  assert.equal(vanished.later, null);
  assert.equal(vanished.change, "-120");
  assert.equal(typeof vanished.earlier_line, "number");
  assert.equal(vanished.later_line, undefined);
  const t05 = cmp.tables.find((t) => t.key === "T05");
  assert.deepStrictEqual(
    t05.lines.filter((l) => t05.main_columns.includes(l.column) && l.status !== "unchanged").map((l) => [l.row, l.status]),
    [["2010301", "changed"], ["2080506", "appeared"], ["2010399", "vanished"]],
  );
  // The summary counts the main columns of every table.
  assert.deepStrictEqual(
    [cmp.summary.changed, cmp.summary.appeared, cmp.summary.vanished],
    [4, 1, 1],
  );
});

test("compare: text or bytes, either order (a note says the pair was put in year order)", () => {
  const cmp = yusuan.compare(mismatch, seed);
  assert.deepStrictEqual(yusuan.compare(bytes(mismatch), bytes(seed)), cmp);
  assert.deepStrictEqual(yusuan.compare(mismatch, bytes(seed), {}), cmp);
  const swapped = yusuan.compare(seed, mismatch);
  assert.deepStrictEqual(swapped.notes.map((n) => n.code), ["swapped"]);
  assert.deepStrictEqual({ ...swapped, notes: [] }, cmp);
  assert.deepStrictEqual(yusuan.compare(mismatch, seed, { layout: "national-12" }), cmp);
});

test("compare: documents of different bodies, kinds and layouts give notes, not errors", () => {
  for (const [f, file] of corpus().filter(([f]) => f.startsWith("0"))) {
    const cmp = yusuan.compare(fs.readFileSync(file), bytes(seed));
    const codes = cmp.notes.map((n) => n.code);
    assert.ok(codes.includes("different_units"), `${f}: ${codes}`);
    for (const n of cmp.notes) assert.ok(n.message.length > 0 && n.message_en.length > 0);
    if (cli) assert.equal(yusuan.compareJson(fs.readFileSync(file, "utf8"), seed), runCli("compare", file, seedPath, "--format", "json"), f);
  }
});

test("compareJson is byte for byte what `yusuan compare A B --format json` prints", { skip: !cli && "YUSUAN_CLI not set" }, () => {
  for (const [a, b] of [
    [fabricatedPath, seedPath],
    [mismatchPath, seedPath],
    [seedPath, mismatchPath],
    [seedPath, seedPath],
  ]) {
    const want = runCli("compare", a, b, "--format", "json");
    const [ta, tb] = [a, b].map((p) => fs.readFileSync(p, "utf8"));
    assert.equal(yusuan.compareJson(ta, tb), want, `${a} ${b}`);
    assert.equal(yusuan.compareJson(bytes(ta), bytes(tb)), want);
    assert.deepStrictEqual(yusuan.compare(ta, tb), JSON.parse(want));
  }
});

test("compareText: the CLI's text and Markdown, with and without `all`", { skip: !cli && "YUSUAN_CLI not set" }, () => {
  for (const [a, b] of [
    [fabricatedPath, seedPath],
    [mismatchPath, seedPath],
  ]) {
    const [ta, tb] = [a, b].map((p) => fs.readFileSync(p, "utf8"));
    assert.equal(yusuan.compareText(ta, tb), runCli("compare", a, b));
    assert.equal(yusuan.compareText(ta, tb, { format: "text", all: false }), runCli("compare", a, b));
    assert.equal(yusuan.compareText(ta, tb, { all: true }), runCli("compare", a, b, "--all"));
    assert.equal(yusuan.compareText(ta, tb, { format: "markdown" }), runCli("compare", a, b, "--format", "markdown"));
    assert.equal(yusuan.compareText(ta, tb, { format: "markdown", all: true }), runCli("compare", a, b, "--format", "markdown", "--all"));
  }
});

test("compareText: the mismatches and the changed lines, readable", () => {
  const text = yusuan.compareText(mismatch, seed);
  assert.match(text, /4 disagree/);
  assert.match(text, /\+\s+2080506/);
  assert.match(text, /-\s+2010399/);
  assert.match(yusuan.compareText(mismatch, seed, { format: "markdown" }), /^# yusuan compare/);
});

test("compare: an input that cannot be read throws YusuanError, saying which", () => {
  const e1 = assertYusuanError(() => yusuan.compare("", seed), "empty_input");
  assert.equal(e1.input, "earlier");
  const e2 = assertYusuanError(() => yusuan.compareJson(seed, new Uint8Array([0x41, 0xff])), "invalid_utf8");
  assert.equal(e2.input, "later");
  const e3 = assertYusuanError(() => yusuan.compareText(seed, "这不是预算文件。\n"), "not_a_disclosure");
  assert.equal(e3.input, "later");
  // Errors of one input elsewhere carry no `input`.
  assert.equal(assertYusuanError(() => yusuan.check(""), "empty_input").input, undefined);
});

test("compare: bad arguments throw YusuanError invalid_option, naming the argument", () => {
  const bad = [
    [() => yusuan.compare(42, seed), /`earlier`/],
    [() => yusuan.compare(seed), /`later`/],
    [() => yusuan.compare(seed, { text: seed }), /`later`/],
    [() => yusuan.compare(mismatch, seed, { all: true }), /`all`/],
    [() => yusuan.compare(mismatch, seed, { narrativeOnly: true }), /`narrativeOnly`/],
    [() => yusuan.compare(mismatch, seed, { layout: "nowhere" }), /`layout`.*national-12/],
    [() => yusuan.compare(mismatch, seed, "all"), /`options`/],
    [() => yusuan.compareJson(mismatch, seed, { format: "json" }), /`format`/],
    [() => yusuan.compareText(mismatch, seed, { format: "html" }), /`format`.*text, markdown/],
    [() => yusuan.compareText(mismatch, seed, { all: "yes" }), /`all`/],
    [() => yusuan.compareText(mismatch, seed, { includePasses: true }), /`includePasses`/],
  ];
  for (const [fn, message] of bad) {
    const e = assertYusuanError(fn, "invalid_option");
    assert.match(e.message, message);
  }
});

// A panic would abort the instance: damaged documents must compare (or throw a YusuanError) and
// the instance must keep working.
test("compare: damaged documents give a comparison or a YusuanError, never a crash", () => {
  const rand = random(0x1badb002);
  const outcomes = { comparison: 0, error: 0 };
  const lines = mismatch.split("\n");
  for (let i = 0; i < 120; i++) {
    let earlier;
    if (i % 3 === 0) {
      const l = lines.slice();
      for (let k = 0; k < 1 + rand(30); k++) {
        const at = rand(l.length);
        if (rand(2)) l.splice(at, 1);
        else l.splice(at, 0, l[rand(l.length)]);
      }
      earlier = l.join("\n");
    } else if (i % 3 === 1) {
      const chars = [...mismatch];
      for (let k = 0; k < 1 + rand(40); k++) chars[rand(chars.length)] = ["0", "9", ".", "-", "\t", " ", "万", "年", "增加", "%"][rand(10)];
      earlier = chars.join("");
    } else {
      earlier = mismatch.slice(0, rand(mismatch.length));
    }
    try {
      const cmp = i % 2 ? yusuan.compare(earlier, seed) : yusuan.compare(seed, earlier);
      assert.equal(cmp.schema, "yusuan.compare/1");
      outcomes.comparison += 1;
    } catch (e) {
      assert.ok(e instanceof Error && e.name === "YusuanError", `case ${i}: ${e}`);
      assert.ok(yusuan.errorCodes().includes(e.code), `case ${i}: code ${e.code}`);
      outcomes.error += 1;
    }
  }
  assert.ok(outcomes.comparison > 0, JSON.stringify(outcomes));
  assert.equal(yusuan.compare(mismatch, seed).summary.prior_fail, 4);
});

test("compare: the envelopeFactor option judges the prior-year figures as the checker does", () => {
  const row = fabricated.split("\n").find((l) => l.startsWith("150.00\t30.00"));
  const earlier = fabricated.replace(row, row.replace(/109\.00$/, "109.01"));
  const reception = (cmp) => cmp.prior_checks.find((c) => c.subject.startsWith("T07 公务接待费（2024年）"));
  const loose = reception(yusuan.compare(earlier, seed));
  assert.equal(loose.outcome, "hint");
  assert.equal(loose.difference, "-0.01");
  assert.equal(reception(yusuan.compare(earlier, seed, { envelopeFactor: "0" })).outcome, "fail");
  assertYusuanError(() => yusuan.compare(earlier, seed, { strictZeroBase: true }), "invalid_option");
});
