// The narrative (情况说明) in Node against the built package: `claims`, the `narrativeOnly` option of
// parse/check/checkJson, and `strictZeroBase`, compared with the CLI (`yusuan claims FILE --format
// json`, `yusuan check --narrative-only [--strict-zero-base] --format json`).
//
//   node --test bindings-wasm/tests/narrative.test.mjs
//   YUSUAN_CLI=target/release/yusuan node --test ...   (adds the parity checks with the CLI)

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";

import { assertYusuanError, cli, corpus, goldenCases, goldenDir, outDir, runCli, seed, yusuan } from "./support.mjs";

// (a real document of ../shared/corpus: the tests that need it are skipped without it)
const wanliPath = corpus().find(([f]) => f.startsWith("01_sh_putuo_wanli"))?.[1];
const wanli = wanliPath ? fs.readFileSync(wanliPath, "utf8") : null;
const noShared = !wanli && "../shared/corpus is absent";
// A narrative on its own, with no table: what `parse_narrative` is for.
const SAN_GONG = "二、“三公”经费\n“三公”经费预算共10万元，比上年增加2万元，增长25%，主要原因是会议增加。\n";

const byRule = (report, rule) => report.findings.filter((f) => f.rule === rule);

test("claims: the seed's narrative, amounts as strings", () => {
  const c = yusuan.claims(seed);
  assert.deepStrictEqual(Object.keys(c), ["claims", "reasons", "residue", "unread", "numeric_sentences"]);
  const sanGong = c.claims.find((x) => x.subject === "san_gong");
  assert.equal(sanGong.amount.value, "226.6");
  assert.equal(sanGong.amount.kind, "money");
  assert.equal(sanGong.amount.unit, "万元");
  assert.equal(sanGong.change.direction, "increase");
  assert.equal(sanGong.change.amount.value, "56");
  assert.equal(sanGong.change.percent.value, "32.83");
  assert.equal(sanGong.change.percent.kind, "percent");
  const income = c.claims.find((x) => x.subject === "income_total" && x.amount);
  assert.deepStrictEqual(income.parts.map((p) => [p.subject, p.amount.value]), [["general_public_income", "7713.47"]]);
  assert.deepStrictEqual(yusuan.claims(new Uint8Array(Buffer.from(seed))), c);
});

test("claims equal `yusuan claims FILE --format json` for every corpus and golden document", { skip: !cli && "YUSUAN_CLI not set" }, () => {
  const cases = goldenCases();
  const files = [...corpus().map(([, p]) => p), ...cases.filter((c) => c.report && !c.pdf).map((c) => path.join(goldenDir, c.input))];
  for (const file of files) {
    const want = JSON.parse(runCli("claims", file, "--format", "json"));
    assert.deepStrictEqual(yusuan.claims(fs.readFileSync(file, "utf8")), want, file);
  }
  // A narrative with no table: the CLI reads it with --narrative-only, as narrativeOnly does.
  const file = path.join(outDir, "narrative-only.txt");
  fs.writeFileSync(file, SAN_GONG);
  assert.deepStrictEqual(yusuan.claims(SAN_GONG, { narrativeOnly: true }), JSON.parse(runCli("claims", file, "--narrative-only", "--format", "json")));
});

test("claims with narrativeOnly read a narrative with no table; without it, that is not a disclosure", () => {
  const c = yusuan.claims(SAN_GONG, { narrativeOnly: true });
  assert.equal(c.claims.length, 1);
  const [claim] = c.claims;
  assert.equal(claim.subject, "san_gong");
  assert.equal(claim.amount.value, "10");
  assert.deepStrictEqual([claim.change.amount.value, claim.change.percent.value, claim.change.base.kind], ["2", "25", "prior_year"]);
  assert.equal(claim.reason.text.includes("会议增加"), true);
  assertYusuanError(() => yusuan.claims(SAN_GONG), "not_a_disclosure");
  assertYusuanError(() => yusuan.claims(new Uint8Array([0xe4, 0xb8]), { narrativeOnly: true }), "invalid_utf8");
});

test("parse with narrativeOnly: sections only, layout `narrative`, for any layout", () => {
  for (const [f, file] of corpus()) {
    const doc = yusuan.parse(fs.readFileSync(file, "utf8"), { narrativeOnly: true });
    assert.equal(doc.meta.template, "narrative", f);
    assert.deepStrictEqual(doc.tables, [], f);
    assert.equal(doc.meta.template_tables, undefined, f);
    assert.ok(doc.sections.length > 0, f);
    // The whole document names the tables of its layout.
    const whole = yusuan.parse(fs.readFileSync(file));
    assert.ok(whole.meta.template_tables.length >= 9, `${f}: ${whole.meta.template_tables}`);
  }
  const doc = yusuan.parse(new Uint8Array(Buffer.from(SAN_GONG)), { narrativeOnly: true });
  assert.equal(doc.sections.length, 1);
});

test("check with narrativeOnly on the Wanli street budget: V-03 errors and V-04 hints", { skip: noShared }, () => {
  const report = yusuan.check(wanli, { narrativeOnly: true });
  assert.equal(report.document.template, "narrative");
  assert.deepStrictEqual(report.coverage.tables_found, []);
  const v03 = byRule(report, "V-03");
  assert.deepStrictEqual(
    v03.map((f) => [f.outcome, f.severity, f.actual, f.expected, f.unit]),
    [
      ["fail", "error", "314.82", "289.12", "%"],
      ["fail", "error", "60.54", "66.40", "%"],
    ],
  );
  assert.match(v03[0].message, /314\.82%.*289\.12%/);
  assert.match(v03[1].message_en, /60\.54%.*66\.40%/);
  const v04 = byRule(report, "V-04");
  assert.deepStrictEqual(v04.map((f) => [f.outcome, f.severity, f.evidence[0].line]), [["hint", "info", 76], ["hint", "info", 114]]);
  // Bytes give the same report.
  assert.deepStrictEqual(yusuan.check(new Uint8Array(Buffer.from(wanli)), { narrativeOnly: true }), report);
});

test("strictZeroBase turns the two V-04 hints into errors", { skip: noShared }, () => {
  const plain = yusuan.check(wanli, { narrativeOnly: true });
  const strict = yusuan.check(wanli, { narrativeOnly: true, strictZeroBase: true });
  const v04 = byRule(strict, "V-04");
  assert.deepStrictEqual(v04.map((f) => [f.outcome, f.severity, f.evidence[0].line]), [["fail", "error", 76], ["fail", "error", 114]]);
  assert.equal(strict.summary.error, plain.summary.error + 2);
  assert.equal(strict.summary.hint, plain.summary.hint - 2);
  assert.deepStrictEqual(yusuan.check(wanli, { narrativeOnly: true, strictZeroBase: false }), plain);
  // On the whole document too (the option is the policy's, not the narrative reader's).
  const whole = yusuan.check(wanli, { strictZeroBase: true });
  assert.ok(byRule(whole, "V-04").every((f) => f.outcome === "fail"));
});

test("checkJson with narrativeOnly and strictZeroBase is what the CLI prints", { skip: !cli && "YUSUAN_CLI not set" }, () => {
  for (const [f, file] of corpus()) {
    const text = fs.readFileSync(file, "utf8");
    assert.equal(yusuan.checkJson(text, { narrativeOnly: true }), runCli("check", "--format", "json", "--narrative-only", file), f);
    assert.equal(
      yusuan.checkJson(new Uint8Array(Buffer.from(text)), { narrativeOnly: true, strictZeroBase: true }),
      runCli("check", "--format", "json", "--narrative-only", "--strict-zero-base", file),
      f,
    );
    assert.equal(yusuan.checkJson(text, { strictZeroBase: true }), runCli("check", "--format", "json", "--strict-zero-base", file), f);
  }
});

test("narrativeOnly keeps the input errors: invalid_utf8, empty_input, not_text", () => {
  for (const fn of [yusuan.parse, yusuan.check, yusuan.checkJson, yusuan.claims]) {
    assertYusuanError(() => fn(new Uint8Array([0x41, 0xff, 0xfe]), { narrativeOnly: true }), "invalid_utf8");
    assertYusuanError(() => fn(" \n", { narrativeOnly: true }), "empty_input");
    assertYusuanError(() => fn("abc\u0000def", { narrativeOnly: true }), "not_text");
  }
});

test("bad narrative options throw YusuanError invalid_option, naming the option", () => {
  const bad = [
    [() => yusuan.parse(seed, { narrativeOnly: "yes" }), /`narrativeOnly`/],
    [() => yusuan.check(seed, { narrativeOnly: 1 }), /`narrativeOnly`/],
    [() => yusuan.check(seed, { strictZeroBase: "true" }), /`strictZeroBase`/],
    [() => yusuan.checkJson(seed, { strictzerobase: true }), /`strictzerobase`/],
    [() => yusuan.parse(seed, { strictZeroBase: true }), /`strictZeroBase`/],
    [() => yusuan.check(seed, { narrativeOnly: true, layout: "national-12" }), /`layout`.*narrativeOnly/],
    [() => yusuan.claims(seed, { includePasses: true }), /`includePasses`/],
    [() => yusuan.claims(seed, { layout: "nowhere" }), /`layout`/],
    [() => yusuan.claims(42), /`input`/],
    [() => yusuan.claims(seed, "narrativeOnly"), /`options`/],
  ];
  for (const [fn, message] of bad) {
    const e = assertYusuanError(fn, "invalid_option");
    assert.match(e.message, message);
  }
  // A layout alone, and narrativeOnly: false with a layout, are fine.
  assert.equal(yusuan.claims(seed, { layout: "national-12" }).claims.length, yusuan.claims(seed).claims.length);
  assert.equal(yusuan.check(seed, { narrativeOnly: false, layout: "national-12" }).document.template, "national-12");
});
