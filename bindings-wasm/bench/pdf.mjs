// PDF bytes -> report in WebAssembly in headless Chromium, against native, for the corpus PDFs 07
// and 01 (../shared/corpus/pdf; never copied into the project): medians of N runs.
//
//   wasm      check(bytes) and checkJson(bytes) of the web build in bindings-wasm/pkg-site (run
//             bindings-wasm/build.sh first), in Chromium (playwright-core, /usr/bin/chromium), the
//             page cross-origin isolated for a fine performance.now(); after a warm-up, so that V8
//             has tiered the hot functions up to its optimising compiler;
//   native    the criterion medians of `cargo bench -p yusuan --features pdf --bench pdf`
//             (pdf/NN_report: read + check, no JSON) when target/criterion has them, and the median
//             of N runs of `yusuan check --format json FILE` (YUSUAN_CLI; the whole process, so an
//             upper bound of the native time);
//   size      the .wasm of the package, raw and gzip -9.
//
//   . scripts/env.sh && YUSUAN_CLI=target/release/yusuan node bindings-wasm/bench/pdf.mjs [N]
//
// The design's target is wasm within 3x native. Wall times on a shared 2-core machine vary by
// 10-30 %.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const site = path.join(root, "bindings-wasm/pkg-site");
const pdfDir = path.resolve(root, "../shared/corpus/pdf");
const runs = Number(process.argv[2] || process.env.YUSUAN_BENCH_RUNS || 20);
const target = process.env.CARGO_TARGET_DIR || path.join(root, "target");
const cli = process.env.YUSUAN_CLI;
const DOCS = ["07", "01"];

if (!fs.existsSync(path.join(site, "yusuan/yusuan_bg.wasm"))) throw new Error(`${site}: run bindings-wasm/build.sh first`);
if (!fs.existsSync(pdfDir)) {
  console.log(`pdf bench skipped: ${pdfDir} is not there`);
  process.exit(0);
}
const files = Object.fromEntries(DOCS.map((k) => [k, fs.readdirSync(pdfDir).find((f) => f.startsWith(`${k}_`) && f.endsWith(".pdf"))]));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// ---- wasm in Chromium ------------------------------------------------------------------------

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".pdf": "application/pdf" };
const server = http.createServer((req, res) => {
  const rel = decodeURIComponent(new URL(req.url, "http://x").pathname);
  const file = rel.startsWith("/corpus/") ? path.join(pdfDir, path.basename(rel)) : path.join(site, rel === "/" ? "blank.html" : rel);
  const body = rel === "/" ? Buffer.from("<!doctype html><title>bench</title>") : fs.existsSync(file) ? fs.readFileSync(file) : null;
  if (!body) return res.writeHead(404).end();
  res.writeHead(200, {
    "Content-Type": rel === "/" ? "text/html" : TYPES[path.extname(file)] || "application/octet-stream",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Embedder-Policy": "require-corp",
  });
  res.end(body);
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${server.address().port}/`;
const profile = fs.mkdtempSync(path.join(os.tmpdir(), "yusuan-bench-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
});
let wasm;
try {
  const page = await context.newPage();
  await page.goto(url);
  wasm = await page.evaluate(
    async ({ files, runs }) => {
      const m = await import("./yusuan/yusuan.js");
      await m.default();
      const out = { isolated: window.crossOriginIsolated };
      for (const [key, name] of Object.entries(files)) {
        const bytes = new Uint8Array(await (await fetch(`corpus/${name}`)).arrayBuffer());
        for (let i = 0; i < 8; i++) {
          m.check(bytes);
          m.checkJson(bytes);
        }
        await new Promise((resolve) => setTimeout(resolve, 300));
        const time = (fn) => {
          const ts = [];
          for (let i = 0; i < runs; i++) {
            const t0 = performance.now();
            fn();
            ts.push(performance.now() - t0);
          }
          return ts;
        };
        out[key] = { check: time(() => m.check(bytes)), checkJson: time(() => m.checkJson(bytes)) };
      }
      return out;
    },
    { files, runs },
  );
} finally {
  await context.close();
  server.close();
  fs.rmSync(profile, { recursive: true, force: true });
}

// ---- native ----------------------------------------------------------------------------------

function criterion(key) {
  const f = path.join(target, "criterion/pdf", `${key}_report`, "new/estimates.json");
  if (!fs.existsSync(f)) return null;
  return JSON.parse(fs.readFileSync(f, "utf8")).median.point_estimate / 1e6;
}

function cliMedian(file) {
  if (!cli) return null;
  const ts = [];
  for (let i = 0; i < runs + 2; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cli, ["check", "--format", "json", file], { maxBuffer: 64 << 20 });
    const t = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0 && r.status !== 1) throw new Error(`${cli} check ${file}: exit ${r.status}: ${r.stderr}`);
    if (i >= 2) ts.push(t);
  }
  return median(ts);
}

// ---- report ----------------------------------------------------------------------------------

const load = fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
console.log(`machine: ${os.cpus()[0]?.model ?? "?"}, ${os.cpus().length} cores; load average ${load}; ${runs} runs; cross-origin isolated: ${wasm.isolated}`);
const f2 = (v) => (v === null ? "—" : v.toFixed(1));
console.log("doc  wasm check  wasm checkJson  native (criterion)  native (CLI process)  wasm/native");
const result = { runs, docs: {} };
for (const key of DOCS) {
  const w = median(wasm[key].check);
  const wj = median(wasm[key].checkJson);
  const nc = criterion(key);
  const np = cliMedian(path.join(pdfDir, files[key]));
  const base = nc ?? np;
  const ratio = base ? `${(w / base).toFixed(2)}x (${nc !== null ? "criterion" : "CLI"})` : "—";
  console.log(`${key}   ${f2(w).padStart(7)} ms  ${f2(wj).padStart(10)} ms  ${f2(nc).padStart(14)} ms  ${f2(np).padStart(16)} ms  ${ratio}`);
  result.docs[key] = { file: files[key], wasm_check_ms: w, wasm_check_json_ms: wj, native_criterion_ms: nc, native_cli_ms: np };
}
const bin = fs.readFileSync(path.join(site, "yusuan/yusuan_bg.wasm"));
const gz = zlib.gzipSync(bin, { level: 9 }).length;
console.log(`wasm size: ${bin.length} B (after wasm-opt), ${gz} B deflated (node zlib, level 9; build.sh prints gzip -9)`);
result.wasm_bytes = bin.length;
result.wasm_gzip_bytes = gz;
const outDir = path.join(root, "test-output/wasm");
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, "pdf-timing.json"), JSON.stringify(result, null, 2) + "\n");
