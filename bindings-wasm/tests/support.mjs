// Shared by the Node test files: the built package loaded by name, the CLI for parity checks, and
// the assertion that a call throws a YusuanError with a given code.
//
//   YUSUAN_WASM_PKG   the package folder (default bindings-wasm/pkg)
//   YUSUAN_CLI        the `yusuan` binary; parity checks against it run only when it is set

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, "../..");
export const pkgDir = path.resolve(process.env.YUSUAN_WASM_PKG || path.join(root, "bindings-wasm/pkg"));
export const outDir = path.join(root, "test-output/wasm");
export const goldenDir = path.join(root, "tests/golden");
export const corpusDir = path.join(root, "tests/corpus");
// The real documents of the development corpus: public material kept in ../shared, never copied
// into the project. Absent (a clone on its own): their tests are left out, but not under CI.
export const sharedCorpusDir = path.resolve(root, "../shared/corpus");
export const hasShared = fs.existsSync(sharedCorpusDir);
if (!hasShared && process.env.CI) throw new Error(`${sharedCorpusDir} is missing under CI`);
export const cli = process.env.YUSUAN_CLI ? path.resolve(process.env.YUSUAN_CLI) : null;

// Install the package folder as node_modules/yusuan of the test output, and load it by name: this
// goes through package.json's "exports" (the "node" condition), as a user's require would. The
// link is replaced atomically (rename), so test files running in parallel do not trip on it.
const modules = path.join(outDir, "node_modules");
const link = path.join(modules, "yusuan");
fs.mkdirSync(modules, { recursive: true });
let linked = null;
try {
  linked = fs.readlinkSync(link);
} catch {
  // absent, or not a link
}
if (linked !== pkgDir) {
  if (linked === null) fs.rmSync(link, { recursive: true, force: true });
  const tmp = `${link}.${process.pid}`;
  fs.rmSync(tmp, { force: true });
  fs.symlinkSync(pkgDir, tmp, "dir");
  fs.renameSync(tmp, link);
}
const require = createRequire(path.join(outDir, "index.js"));
export const yusuan = require("yusuan");

export const seedPath = path.join(corpusDir, "seed_2025_yantai_unit_budget.txt");
export const seed = fs.readFileSync(seedPath, "utf8");

/** The seed and the real documents of ../shared/corpus (when present), as [file name, path]. */
export function corpus() {
  const shared = hasShared
    ? fs
        .readdirSync(sharedCorpusDir)
        .filter((f) => f.startsWith("0") && f.endsWith(".txt"))
        .sort()
        .map((f) => [f, path.join(sharedCorpusDir, f)])
    : [];
  return [...shared, ["seed_2025_yantai_unit_budget.txt", seedPath]];
}

/** The golden cases of tests/golden; those with an input in ../shared only when it is there. */
export function goldenCases() {
  const cases = JSON.parse(fs.readFileSync(path.join(goldenDir, "cases.json"), "utf8"));
  return cases.filter((c) => hasShared || !c.shared);
}

// The CLI's stdout. `check` and `compare` exit 1 when they found errors or disagreements, which
// is still a result.
export function runCli(...args) {
  const r = spawnSync(cli, args, { encoding: "utf8", maxBuffer: 64 << 20 });
  const ok = r.status === 0 || (["check", "compare"].includes(args[0]) && r.status === 1);
  assert.ok(ok, `${cli} ${args.join(" ")}: exit ${r.status}: ${r.stderr}`);
  return r.stdout;
}

export function assertYusuanError(fn, code) {
  let thrown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  assert.ok(thrown !== undefined, `expected a YusuanError with code ${code}, nothing was thrown`);
  assert.ok(thrown instanceof Error, `thrown value is not an Error: ${String(thrown)}`);
  assert.equal(thrown.name, "YusuanError");
  assert.equal(thrown.code, code, `code of: ${thrown.message}`);
  assert.equal(typeof thrown.message, "string");
  assert.ok(thrown.message.length > 0);
  assert.equal(typeof thrown.stack, "string");
  assert.equal(thrown.details.code, code);
  return thrown;
}

// A deterministic generator (xorshift32) for the damaged-input tests.
export function random(seedValue) {
  let state = seedValue;
  return (n) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % n;
  };
}
