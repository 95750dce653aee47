// What a first-time user of the package does: the README's examples run as written (ES module and
// CommonJS, in Node), a template passed as data, the reader's notices, and a comparison of two
// documents that are not one body's consecutive years.
//
//   node --test bindings-wasm/tests/front_door.test.mjs

import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { assertYusuanError, outDir, root, seed, yusuan } from "./support.mjs";

const mismatch = fs.readFileSync(path.join(root, "tests/compare/yantai_2024_mismatch.txt"), "utf8");
const T05_ONLY = { name: "t05-only", tables: [{ key: "T05", titles: ["一般公共预算支出情况表"], kind: "functional" }] };

/** The ```js blocks of a Markdown file's section (from its heading to the next `## `). */
function jsBlocks(file, heading) {
  const text = fs.readFileSync(path.join(root, file), "utf8");
  const start = text.indexOf(heading);
  assert.ok(start >= 0, `${file}: no section ${heading}`);
  const end = text.indexOf("\n## ", start + heading.length);
  const section = text.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
}

/** Runs `code` with Node from test-output/wasm (where `yusuan` is installed), as `file`. */
function runNode(file, code) {
  const full = path.join(outDir, file);
  const prelude = [
    `const text = ${JSON.stringify(seed)};`,
    `const text2024 = ${JSON.stringify(mismatch)};`,
    "const text2025 = text;",
  ].join("\n");
  fs.writeFileSync(full, `${prelude}\n${code}`);
  const r = spawnSync(process.execPath, [full], { cwd: outDir, encoding: "utf8" });
  assert.equal(r.status, 0, `${file} failed:\n${r.stderr}`);
  return r.stdout;
}

for (const [file, heading] of [["README.md", "## In the browser"], ["bindings-wasm/README.md", "# yusuan (WebAssembly)"]]) {
  test(`the JS examples of ${file} run in Node as written`, () => {
    const blocks = jsBlocks(file, heading);
    assert.ok(blocks.length >= 2, `${file}: an ES-module and a CommonJS example`);
    const esm = blocks.filter((b) => /^import /m.test(b));
    const cjs = blocks.filter((b) => /require\("yusuan"\)/.test(b));
    assert.ok(esm.length >= 1 && cjs.length >= 1, `${file}: ${blocks.length} blocks`);
    esm.forEach((b, i) => runNode(`readme-${path.basename(path.dirname(path.join(root, file)))}-${i}.mjs`, b));
    cjs.forEach((b, i) => runNode(`readme-${path.basename(path.dirname(path.join(root, file)))}-${i}.cjs`, b));
  });
}

test("the ES-module entry in Node: init, initSync and every function", async () => {
  const out = runNode(
    "esm-entry.mjs",
    `import init, { initSync, check, version } from "yusuan";
     import * as all from "yusuan";
     await init();
     initSync();
     const names = Object.keys(all).sort();
     console.log(JSON.stringify({ summary: check(text).summary, version: version(), names }));`,
  );
  const got = JSON.parse(out);
  assert.deepStrictEqual(got.summary, yusuan.check(seed).summary);
  assert.equal(got.version, yusuan.version());
  for (const name of Object.keys(yusuan)) assert.ok(got.names.includes(name), name);
  assert.ok(got.names.includes("default") && got.names.includes("initSync"));
});

test("a template by name, as JSON text or as an object; `layout` is its old name", () => {
  for (const template of [T05_ONLY, JSON.stringify(T05_ONLY)]) {
    const doc = yusuan.parse(seed, { template });
    assert.equal(doc.meta.template, "t05-only");
    assert.deepStrictEqual(doc.tables.map((t) => t.key), ["T05"]);
    const report = yusuan.check(seed, { template, includePasses: true });
    assert.equal(report.document.template, "t05-only");
    assert.deepStrictEqual(report.coverage.tables_found, ["T05"]);
    assert.deepStrictEqual(yusuan.parse(seed, { layout: template }), doc);
  }
  assert.deepStrictEqual(yusuan.compare(mismatch, seed, { template: T05_ONLY }).tables.map((t) => t.key), ["T05"]);
  assert.equal(yusuan.claims(seed, { template: T05_ONLY }).claims.length, yusuan.claims(seed).claims.length);
  assert.equal(yusuan.check(seed, { template: "national-12" }).document.template, "national-12");
  // A definition that cannot be read is `invalid_template`; an unknown name is `invalid_option`.
  const bad = assertYusuanError(() => yusuan.parse(seed, { template: { name: "x", tables: [] } }), "invalid_template");
  assert.match(bad.message, /no tables/);
  assertYusuanError(() => yusuan.parse(seed, { template: '{"name": 1}' }), "invalid_template");
  const unknown = assertYusuanError(() => yusuan.check(seed, { template: "atlantis" }), "invalid_option");
  assert.match(unknown.message, /`template`.*national-12/);
  assert.match(assertYusuanError(() => yusuan.check(seed, { template: 3 }), "invalid_option").message, /`template`/);
  // with the narrative only there is no template to use
  assert.match(assertYusuanError(() => yusuan.check(seed, { narrativeOnly: true, template: T05_ONLY }), "invalid_option").message, /`template`.*narrativeOnly/);
});

test("the reader's notices are in the report and the document", () => {
  assert.deepStrictEqual(yusuan.check(seed).notices, []);
  const wide = seed.replace("机关事业单位基本养老保险缴费支出\t", "机关事业单位基本养老保险缴费支出\t" + "\t".repeat(300));
  const report = yusuan.check(wide);
  assert.deepStrictEqual(report.notices.map((n) => n.code), ["too_many_columns"]);
  assert.ok(report.notices[0].line > 0 && typeof report.notices[0].message === "string");
  assert.deepStrictEqual(yusuan.parse(wide).notices, report.notices);
});

test("compare: another body's previous year gets no prior-year verdicts, with a notice", () => {
  const other = mismatch.replaceAll("烟台市人民政府办公室", "烟台市财政局");
  assert.equal(yusuan.compare(mismatch, seed).summary.prior_fail, 4);
  const cmp = yusuan.compare(other, seed);
  assert.deepStrictEqual(cmp.prior_checks, []);
  assert.deepStrictEqual(cmp.notes.map((n) => n.code), ["different_units", "prior_year_not_checked"]);
  assert.match(cmp.notes[1].message_en, /`烟台市财政局 2024` and `烟台市人民政府办公室 2025`/);
  assert.ok(cmp.summary.changed > 0);
});
