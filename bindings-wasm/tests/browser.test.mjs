// End-to-end tests of the checker page (bindings-wasm/pkg-site, built by bindings-wasm/build.sh) in
// Debian's headless Chromium, driven by playwright-core (installed by scripts/setup.sh; found via
// NODE_PATH, which scripts/env.sh sets).
//
// - the page, served by `python3 -m http.server`, checks the bundled sample: summary, findings by
//   outcome and table, clicking a finding highlights its cells, hovering a cell shows its findings,
//   English UI, JSON download (equal to the CLI's), a dropped and an uploaded file, bad input shows
//   a readable error; screenshots go to test-output/wasm/;
// - a dropped PDF (../shared/corpus/pdf/07_*.pdf) is checked: the findings of check() in Node, the
//   text of its extraction shown, and a selected finding's cells drawn on the region of their page
//   as SVG (ruling lines, characters, the cells highlighted), from pdfPage, without any request;
// - a second file, the previous year's, is compared with the document checked: counts, the
//   prior-year figures that disagree, and the changed, new and vanished lines of each table, equal
//   to what compare() gives in Node; a previous-year file that cannot be read shows its error;
// - no request leaves the page's origin;
// - with a strict Content-Security-Policy sent as a header (and no 'unsafe-inline'/'unsafe-eval'),
//   nothing is blocked, and the policy does block inline script and eval;
// - timing: medians of 50 `check(seed)` calls and of 50 `compare(previous, seed)` calls in
//   Chromium (printed; a benchmark, not an assertion).
//
//   node --test bindings-wasm/tests/browser.test.mjs

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const site = path.resolve(process.env.YUSUAN_WASM_SITE || path.join(root, "bindings-wasm/pkg-site"));
const outDir = path.join(root, "test-output/wasm");
const goldenDir = path.join(root, "tests/golden");
const seedReport = fs.readFileSync(path.join(goldenDir, "seed.json"), "utf8");
const seed = JSON.parse(seedReport);
const mismatchPath = path.join(root, "tests/compare/yantai_2024_mismatch.txt");
const mismatch = fs.readFileSync(mismatchPath, "utf8");
// The real PDFs of the development corpus (../shared, never copied into the project).
const pdfDir = path.resolve(root, "../shared/corpus/pdf");
const hasShared = fs.existsSync(pdfDir);
if (!hasShared && process.env.CI) throw new Error(`${pdfDir} is missing under CI`);
// The same package's Node build: what the page's comparison must show.
const node = require(path.join(path.resolve(process.env.YUSUAN_WASM_PKG || path.join(root, "bindings-wasm/pkg")), "node/yusuan.js"));

// The policy the page declares in its <meta>, sent as a header by the second server.
const CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; " +
  "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-dev-shm-usage",
];

let python; // the `python3 -m http.server` child
let pythonUrl;
let cspServer; // node http server with CSP (and cross-origin isolation) headers
let cspUrl;
let context;
let profileDir;
const requests = []; // every request any page made: {url, status}

// ---- servers ------------------------------------------------------------------------------

function startPython() {
  return new Promise((resolve, reject) => {
    const child = spawn("python3", ["-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", site], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    const timer = setTimeout(() => reject(new Error(`http.server did not start: ${out}`)), 15000);
    const onData = (d) => {
      out += d;
      const m = /port (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: `http://127.0.0.1:${m[1]}/` });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(new Error(`http.server exited ${code}: ${out}`)));
  });
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
};

// A minimal static server that sends the strict CSP as a header, plus COOP/COEP so that the page is
// cross-origin isolated (finer performance.now() for the timing).
function startCspServer() {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, "http://x").pathname).replace(/^\/+/, "") || "index.html";
    const file = path.join(site, rel);
    if (!file.startsWith(site) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      "Content-Type": TYPES[path.extname(file)] || "application/octet-stream",
      "Content-Security-Policy": CSP,
      "Cross-Origin-Opener-Policy": "same-origin",
      "Cross-Origin-Embedder-Policy": "require-corp",
      "Cross-Origin-Resource-Policy": "same-origin",
      "X-Content-Type-Options": "nosniff",
    });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => resolve({ server, url: `http://127.0.0.1:${server.address().port}/` }));
  });
}

before(async () => {
  assert.ok(fs.existsSync(path.join(site, "index.html")), `${site} missing: run bindings-wasm/build.sh`);
  fs.mkdirSync(outDir, { recursive: true });
  ({ child: python, url: pythonUrl } = await startPython());
  ({ server: cspServer, url: cspUrl } = await startCspServer());
  profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "yusuan-chromium-"));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
    acceptDownloads: true,
    viewport: { width: 1400, height: 900 },
    locale: "zh-CN",
    timeout: 60000,
  });
  context.on("request", (r) => requests.push({ url: r.url(), status: null, request: r }));
  context.on("requestfinished", async (r) => {
    const entry = requests.find((e) => e.request === r);
    const response = await r.response().catch(() => null);
    if (entry && response) entry.status = response.status();
  });
  context.on("requestfailed", (r) => {
    const entry = requests.find((e) => e.request === r);
    if (entry) entry.status = `failed: ${r.failure()?.errorText}`;
  });
  // Record every CSP violation, from the first script on.
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
});

after(async () => {
  if (context) await context.close();
  if (python) {
    python.removeAllListeners("exit");
    python.kill();
  }
  if (cspServer) cspServer.close();
  if (profileDir) fs.rmSync(profileDir, { recursive: true, force: true });
});

// A fresh page with console errors and uncaught exceptions collected.
async function openPage(url) {
  const page = await context.newPage();
  page.problems = [];
  page.on("pageerror", (e) => page.problems.push(`pageerror: ${e}`));
  page.on("console", (m) => {
    if (m.type() === "error") page.problems.push(`console: ${m.text()}`);
  });
  await page.goto(url);
  await page.waitForSelector("#status[data-state=ready]", { timeout: 30000 });
  // The language is kept across pages (localStorage): start every test in Chinese.
  if ((await page.getAttribute("html", "lang")) !== "zh-CN") await page.click("#lang");
  return page;
}

async function checkSample(page) {
  await page.click("#sample");
  await page.waitForSelector("#results[data-state=done]");
}

function groupOf(f) {
  if (f.outcome === "fail") return f.severity === "error" ? "error" : "warning";
  return f.outcome;
}

// The groups of findings in the order the page shows them, and their English headings.
const GROUPS = ["error", "warning", "hint", "insufficient_data", "not_applicable", "pass"];
const GROUPS_EN = { error: "Errors", warning: "Warnings", hint: "Hints", insufficient_data: "Not checked", not_applicable: "Not applicable", pass: "Passed" };
// The heading findings about text rather than a table are listed under.
const TEXT_HEADINGS = { narrative: "文字说明", performance: "绩效目标表" };

// ---- the page -----------------------------------------------------------------------------

test("the page checks the sample: summary, findings by outcome and table, highlighted cells", async () => {
  const page = await openPage(pythonUrl);
  await checkSample(page);

  // Summary: the counts of the report.
  const counts = await page.$$eval("#summary-body li.count", (lis) =>
    Object.fromEntries(lis.map((li) => [li.dataset.group, Number(li.querySelector(".n").textContent)])),
  );
  assert.deepStrictEqual(counts, {
    error: seed.summary.error,
    warning: seed.summary.warning,
    hint: seed.summary.hint,
    insufficient_data: seed.summary.insufficient_data,
    not_applicable: seed.summary.not_applicable,
    pass: seed.summary.pass,
  });
  assert.match(await page.textContent("#summary-body"), /烟台市人民政府办公室/);

  // Findings: every one of the report, each under its outcome's group and its table.
  const shown = await page.$$eval("#findings-body li.finding", (lis) =>
    lis.map((li) => ({
      rule: li.dataset.rule,
      index: Number(li.dataset.index),
      group: li.closest("section.group").dataset.group,
      heading: li.closest("ul").previousElementSibling.textContent,
      cells: Number(li.dataset.cells),
    })),
  );
  assert.equal(shown.length, seed.findings.length);
  for (const s of shown) {
    const f = seed.findings[s.index];
    assert.equal(s.rule, f.rule);
    assert.equal(s.group, groupOf(f));
    if (f.table) assert.ok(s.heading.startsWith(TEXT_HEADINGS[f.table] ?? f.table), `${f.rule} under ${s.heading}`);
  }
  const groups = await page.$$eval("#findings-body section.group", (ss) => ss.map((s) => s.dataset.group));
  assert.deepStrictEqual(groups, GROUPS.filter((g) => seed.findings.some((f) => groupOf(f) === g)));
  // Every piece of evidence that names a cell of a table was found in the rendered tables.
  assert.equal(await page.getAttribute("#results", "data-unmapped"), "0");
  assert.equal(await page.$$eval("#tables-body section.table", (s) => s.length), seed.coverage.tables_found.length);

  // Clicking a finding highlights exactly its cells.
  const target = shown.find((s) => s.cells > 2);
  assert.ok(target, "a finding with several cells");
  const finding = seed.findings[target.index];
  await page.click(`#findings-body li.finding[data-index="${target.index}"]`);
  const selected = await page.$$eval("#tables-body td.selected", (tds) => tds.map((td) => ({ text: td.textContent, line: Number(td.dataset.line), column: td.dataset.column })));
  const expected = finding.evidence.filter((e) => e.column !== undefined).map((e) => ({ text: e.text, line: e.line, column: e.column }));
  const key = (c) => `${c.line}|${c.column}|${c.text}`;
  assert.deepStrictEqual(selected.map(key).sort(), [...new Set(expected.map(key))].sort());
  assert.equal(await page.getAttribute(`#findings-body li.finding[data-index="${target.index}"]`, "class"), `finding g-${groupOf(finding)} selected`);
  // The cell the finding is about (its first evidence) is scrolled into view.
  const first = expected[0];
  const inView = await page.$eval(`#tables-body td.selected[data-line="${first.line}"][data-column="${first.column}"]`, (td) => {
    const r = td.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
  assert.ok(inView, "the finding's first cell is scrolled into view");
  fs.writeFileSync(path.join(outDir, "checker-finding.png"), await page.screenshot());

  // Hovering a highlighted cell shows its findings (and marks them in the list).
  await page.hover("#tables-body td.selected");
  await page.waitForSelector("#cellinfo:not([hidden])");
  const hovered = (await page.getAttribute("#cellinfo", "data-findings")).split(" ").map(Number);
  assert.ok(hovered.includes(target.index));
  assert.ok(await page.$(`#findings-body li.finding.hover[data-index="${target.index}"]`));
  assert.match(await page.textContent("#cellinfo"), new RegExp(finding.rule));

  // A second click clears the selection.
  await page.click(`#findings-body li.finding[data-index="${target.index}"]`);
  assert.equal(await page.$$eval("#tables-body td.selected", (tds) => tds.length), 0);

  fs.writeFileSync(path.join(outDir, "checker.png"), await page.screenshot({ fullPage: true }));
  assert.deepStrictEqual(page.problems, []);
  await page.close();
});

test("the page speaks English and downloads the report the CLI prints", async () => {
  const page = await openPage(pythonUrl);
  await checkSample(page);
  await page.click("#lang");
  assert.equal(await page.textContent("#findings-h"), "Findings");
  assert.equal(await page.getAttribute("html", "lang"), "en");
  const first = seed.findings[0];
  assert.equal(await page.textContent(`#findings-body li.finding[data-index="0"] .message`), first.message_en);
  const firstGroup = GROUPS.find((g) => seed.findings.some((f) => groupOf(f) === g));
  assert.ok((await page.textContent("#findings-body section.group h3")).startsWith(GROUPS_EN[firstGroup]));

  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
  assert.equal(download.suggestedFilename(), "yusuan-report.json");
  const saved = path.join(outDir, "downloaded-report.json");
  await download.saveAs(saved);
  assert.equal(fs.readFileSync(saved, "utf8"), seedReport, "the download is byte for byte the CLI's JSON");
  fs.writeFileSync(path.join(outDir, "checker-en.png"), await page.screenshot());

  await page.click("#lang");
  assert.equal(await page.textContent("#findings-h"), "发现");
  assert.deepStrictEqual(page.problems, []);
  await page.close();
});

test("an uploaded and a dropped .txt file are checked", async () => {
  const page = await openPage(pythonUrl);
  for (const name of ["seed_t05_cell_plus_one", "seed_t07_total_off"]) {
    const want = JSON.parse(fs.readFileSync(path.join(goldenDir, `${name}.json`), "utf8"));
    const file = path.join(goldenDir, "inputs", `${name}.txt`);
    if (name === "seed_t05_cell_plus_one") {
      await page.setInputFiles("#file", file);
    } else {
      // A drop of a file on the page, as a user's drag and drop delivers it.
      const bytes = [...fs.readFileSync(file)];
      const dt = await page.evaluateHandle((b) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(b)], "dropped.txt", { type: "text/plain" }));
        return transfer;
      }, bytes);
      await page.dispatchEvent("#dropzone", "drop", { dataTransfer: dt });
    }
    await page.waitForFunction((n) => document.querySelector("#results")?.dataset.state === "done" && document.querySelector("#results").dataset.findings === String(n), want.findings.length);
    assert.equal(await page.textContent(`#summary-body li.count[data-group=error] .n`), String(want.summary.error));
    assert.ok(want.summary.error > 0);
    assert.equal(await page.$$eval("#findings-body section.group[data-group=error] li.finding", (l) => l.length), want.summary.error);
    assert.equal(await page.getAttribute("#results", "data-unmapped"), "0");
    // one cell that breaks several checks is one error, with the checks listed under it
    const related = want.findings.filter((f) => f.related).map((f) => f.related.length);
    assert.deepStrictEqual(await page.$$eval("#findings-body li.finding ul.related", (uls) => uls.map((u) => u.children.length)), related);
    if (name === "seed_t05_cell_plus_one") assert.deepStrictEqual(related, [5]);
    assert.match(await page.textContent("#source"), name === "seed_t05_cell_plus_one" ? /seed_t05_cell_plus_one\.txt/ : /dropped\.txt/);
  }
  // The error cells are highlighted as errors.
  assert.ok((await page.$$eval("#tables-body td.f-error", (tds) => tds.length)) > 0);
  fs.writeFileSync(path.join(outDir, "checker-errors.png"), await page.screenshot());
  assert.deepStrictEqual(page.problems, []);
  await page.close();
});

test("bad input shows a readable error", async () => {
  const page = await openPage(pythonUrl);
  const cases = [
    ["paste", "这是一封信，不是预算公开文件。\n此致\n敬礼\n", "not_a_disclosure", /预算/],
    ["paste", "", "empty_input", /输入为空/],
    ["paste", fs.readFileSync(path.join(goldenDir, "inputs/seed_truncated.txt"), "utf8"), "truncated_table", /截断/],
    ["file", Buffer.from([0x31, 0x32, 0xff, 0xfe, 0x0a]), "invalid_utf8", /UTF-8/],
    // the page reads PDFs: a broken one is refused as damaged, in words
    ["file", Buffer.from("%PDF-1.7\n\u0000\u0001binary"), "pdf_damaged", /PDF 文件已损坏/],
  ];
  for (const [how, content, code, explained] of cases) {
    if (how === "paste") {
      await page.fill("#text", content);
      await page.click("#run");
    } else {
      await page.setInputFiles("#file", { name: `${code}.txt`, mimeType: "text/plain", buffer: content });
    }
    await page.waitForSelector(`#error:not([hidden])[data-code=${code}]`);
    assert.ok(await page.isHidden("#results"));
    const text = await page.textContent("#error");
    assert.match(text, explained, `${code}: ${text}`);
    assert.match(text, new RegExp(code));
  }
  assert.match(await page.textContent("#error"), /无法读取/);
  fs.writeFileSync(path.join(outDir, "checker-bad-input.png"), await page.screenshot());
  // And the page recovers: the sample still checks.
  await checkSample(page);
  assert.ok(await page.isHidden("#error"));
  assert.deepStrictEqual(page.problems, []);
  await page.close();
});

test("a dropped PDF is checked, and a finding's cells are drawn on its page", { skip: !hasShared && "../shared/corpus is missing" }, async () => {
  const file = fs.readdirSync(pdfDir).find((f) => f.startsWith("07_") && f.endsWith(".pdf"));
  assert.ok(file, `${pdfDir}: no 07_*.pdf`);
  const bytes = fs.readFileSync(path.join(pdfDir, file));
  const want = node.check(new Uint8Array(bytes));
  assert.ok(want.findings.length > 0);
  const page = await openPage(pythonUrl);
  const dt = await page.evaluateHandle(
    ([b64, name]) => {
      const raw = atob(b64);
      const data = new Uint8Array(raw.length);
      for (let i = 0; i < raw.length; i++) data[i] = raw.charCodeAt(i);
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], name, { type: "application/pdf" }));
      return transfer;
    },
    [bytes.toString("base64"), file],
  );
  await page.dispatchEvent("#dropzone", "drop", { dataTransfer: dt });
  await page.waitForFunction((n) => document.querySelector("#results")?.dataset.state === "done" && document.querySelector("#results").dataset.findings === String(n), want.findings.length, { timeout: 60000 });
  assert.equal(await page.$$eval("#findings-body li.finding", (lis) => lis.length), want.findings.length);
  const rules = await page.$$eval("#findings-body li.finding", (lis) => lis.map((li) => [Number(li.dataset.index), li.dataset.rule]));
  for (const [i, rule] of rules) assert.equal(rule, want.findings[i].rule);
  assert.equal(await page.textContent("#source"), file);
  assert.equal(await page.inputValue("#text"), node.textForm(new Uint8Array(bytes)), "the text of the extraction is shown");
  assert.ok(await page.isHidden("#pdfview"), "no page drawn before a finding is selected");
  // The report downloaded is the one `yusuan check FILE.pdf --format json` prints (checkJson).
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
  assert.equal(fs.readFileSync(await download.path(), "utf8"), node.checkJson(new Uint8Array(bytes)));

  // A finding with cells on a page: its region is drawn, its cells highlighted where they are.
  const index = want.findings.findIndex((f) => f.evidence.some((e) => e.page !== undefined && e.bbox && e.column !== undefined));
  assert.ok(index >= 0, "a finding with evidence on a page");
  const finding = want.findings[index];
  await page.click(`#findings-body li.finding[data-index="${index}"]`);
  await page.waitForSelector("#pdfview[data-state=done] svg rect.hl");
  const pages = [...new Set(finding.evidence.filter((e) => e.page !== undefined && e.bbox).map((e) => e.page))].slice(0, 4);
  assert.deepStrictEqual(await page.$$eval("#pdfview svg", (ss) => ss.map((s) => Number(s.dataset.page))), pages);
  const first = pages[0];
  const boxes = [...new Set(finding.evidence.filter((e) => e.page === first && e.bbox).map((e) => e.bbox.join(",")))];
  const drawn = await page.$$eval(`#pdfview svg[data-page="${first}"] rect.hl`, (rs) => rs.map((r) => ["x", "y", "width", "height"].map((a) => Number(r.getAttribute(a)))));
  assert.deepStrictEqual(
    drawn.map(([x, y, w, hh]) => [x, y, x + w, y + hh].map((v) => v.toFixed(2)).join(",")).sort(),
    boxes.map((b) => b.split(",").map((v) => Number(v).toFixed(2)).join(",")).sort(),
  );
  // the page's geometry: ruling lines and characters, among them those of the highlighted cells
  const geometry = node.pdfPage(new Uint8Array(bytes), first);
  const counts = await page.$eval(`#pdfview svg[data-page="${first}"]`, (s) => ({
    lines: s.querySelectorAll("line.pdf-line, rect.pdf-rect").length,
    chars: [...s.querySelectorAll("text.pdf-char")].map((t) => t.textContent).join(""),
    shown: s.getBoundingClientRect().height > 50,
  }));
  assert.ok(counts.lines > 0, "ruling lines drawn");
  assert.ok(counts.shown, "the drawing is visible");
  const cell = finding.evidence.find((e) => e.page === first && e.bbox && e.column !== undefined);
  for (const ch of cell.text.replace(/\s/g, "")) assert.ok(counts.chars.includes(ch), `${ch} of ${cell.text} drawn`);
  assert.ok(geometry.chars.length >= counts.chars.length);
  await page.$eval("#pdfview", (el) => el.scrollIntoView());
  fs.writeFileSync(path.join(outDir, "checker-pdf.png"), await page.screenshot());

  // A second click clears the selection and the drawing; English captions.
  await page.click(`#findings-body li.finding[data-index="${index}"]`);
  assert.ok(await page.isHidden("#pdfview"));
  await page.click("#lang");
  await page.click(`#findings-body li.finding[data-index="${index}"]`);
  await page.waitForSelector("#pdfview[data-state=done] svg rect.hl");
  assert.match(await page.textContent("#pdfview figcaption"), new RegExp(`^page ${first} of ${geometry.pages}$`));
  await page.click("#lang");
  // Text checked afterwards has no pages to draw.
  await checkSample(page);
  assert.ok(await page.isHidden("#pdfview"));
  // A PDF chosen with the file button (the project's one-table PDF) is checked as well.
  const chosen = path.join(root, "tests/pdf_damaged/inputs/valid.pdf");
  const small = node.check(new Uint8Array(fs.readFileSync(chosen)));
  await page.setInputFiles("#file", chosen);
  await page.waitForFunction(() => document.querySelector("#source")?.textContent === "valid.pdf" && document.querySelector("#results")?.dataset.state === "done");
  assert.equal(await page.getAttribute("#results", "data-findings"), String(small.findings.length));
  assert.equal(await page.$$eval("#tables-body section.table", (t) => t.length), small.coverage.tables_found.length);
  // the drawing breaks nothing of the page's own strict CSP (its <meta>): no style attribute, no
  // inline code
  assert.deepStrictEqual(await page.evaluate(() => window.__violations), [], "the page violates its own CSP");
  assert.deepStrictEqual(page.problems, []);
  await page.close();
});

test("the page compares the document with the previous year's file", async () => {
  const page = await openPage(pythonUrl);
  assert.ok(await page.isHidden("#compare"));
  assert.ok(await page.isDisabled("#previous"), "nothing to compare with before a document is checked");
  await checkSample(page);
  await page.setInputFiles("#previous", mismatchPath);
  await page.waitForSelector("#compare[data-state=done]");
  const want = node.compare(mismatch, fs.readFileSync(path.join(site, "sample.txt"), "utf8"));
  const counts = await page.$$eval("#compare-body li.count", (lis) => Object.fromEntries(lis.map((li) => [li.dataset.count, Number(li.querySelector(".n").textContent)])));
  assert.deepStrictEqual(counts, want.summary);
  assert.equal(counts.prior_fail, 4);
  // The prior-year figures that disagree, with both documents' messages.
  const prior = await page.$$eval("#compare-body ul.prior li", (lis) => lis.map((li) => [li.dataset.outcome, li.querySelector(".message").textContent]));
  assert.deepStrictEqual(prior, want.prior_checks.filter((p) => p.outcome !== "pass").map((p) => [p.outcome, p.message]));
  // Per table, the main lines that changed, appeared or vanished, with the core's amounts.
  const rows = await page.$$eval("#compare-body section.table tr[data-row]", (trs) =>
    trs.map((tr) => [tr.closest("section").dataset.table, tr.dataset.row, tr.dataset.status, [...tr.querySelectorAll("td.amount")].map((td) => td.textContent)]),
  );
  // At least two decimals, as `yusuan compare` prints them.
  const pad = (d) => {
    if (d === null) return "—";
    const [int, frac = ""] = d.split(".");
    return `${int}.${frac.padEnd(2, "0")}`;
  };
  const expected = want.tables.flatMap((tb) =>
    tb.lines
      .filter((l) => tb.main_columns.includes(l.column) && l.status !== "unchanged")
      .map((l) => [tb.key, l.row, l.status, [pad(l.earlier), pad(l.later)]]),
  );
  assert.deepStrictEqual(rows.map(([k, r, st, a]) => [k, r, st, a.slice(0, 2)]), expected);
  assert.ok(rows.some(([k, r, st]) => k === "T05" && r === "2080506" && st === "appeared"));
  assert.ok(rows.some(([k, r, st, a]) => k === "T05" && r === "2010399" && st === "vanished" && a[2] === "-120.00"));
  await page.$eval("#compare", (el) => el.scrollIntoView());
  fs.writeFileSync(path.join(outDir, "checker-compare.png"), await page.screenshot());

  // In English; listing passes again keeps the comparison (the same document).
  await page.click("#lang");
  assert.equal(await page.textContent("#compare-h"), "Compared with the previous year");
  assert.equal(await page.textContent("#compare-body ul.prior li .message"), want.prior_checks.find((p) => p.outcome === "fail").message_en);
  await page.click("#lang");
  await page.check("#passes");
  await page.waitForSelector("#compare[data-state=done]");
  await page.uncheck("#passes");
  await page.setInputFiles("#previous", mismatchPath);
  await page.waitForSelector("#compare[data-state=done]");

  // A previous-year file that cannot be read: its error, in the comparison panel only.
  await page.setInputFiles("#previous", { name: "letter.txt", mimeType: "text/plain", buffer: Buffer.from("这是一封信，不是预算公开文件。\n") });
  await page.waitForSelector("#compare[data-state=error][data-code=not_a_disclosure]");
  assert.match(await page.textContent("#compare-body"), /上年文件无法读取/);
  assert.ok(await page.isVisible("#findings-body li.finding"), "the document's own findings stay");
  await page.click("#compare-clear");
  assert.ok(await page.isHidden("#compare"));
  assert.deepStrictEqual(page.problems, []);
  await page.close();
});

test("the page says which two documents it compares, and a new document clears the previous year's file", async () => {
  const page = await openPage(pythonUrl);
  await checkSample(page);
  await page.setInputFiles("#previous", mismatchPath);
  await page.waitForSelector("#compare[data-state=done]");
  const pair = await page.textContent("#compare-body p.pair");
  assert.match(pair, /上年文件 yantai_2024_mismatch\.txt（烟台市人民政府办公室 2024 预算）/);
  assert.match(pair, /本文件 示例：2025 年烟台市人民政府办公室单位预算（烟台市人民政府办公室 2025 预算）/);
  await page.click("#lang");
  assert.match(await page.textContent("#compare-body p.pair"), /^Comparing the previous year's yantai_2024_mismatch\.txt（/);
  await page.click("#lang");

  // The previous year's file of another body: the lines side by side, no prior-year verdict.
  const otherBody = Buffer.from(mismatch.replaceAll("烟台市人民政府办公室", "烟台市财政局"));
  await page.setInputFiles("#previous", { name: "caizhengju_2024.txt", mimeType: "text/plain", buffer: otherBody });
  await page.waitForFunction(() => document.querySelector("#compare-body p.pair")?.textContent.includes("caizhengju_2024.txt"));
  assert.match(await page.textContent("#compare-body p.pair"), /烟台市财政局 2024/);
  const counts = await page.$$eval("#compare-body li.count", (lis) => Object.fromEntries(lis.map((li) => [li.dataset.count, Number(li.querySelector(".n").textContent)])));
  assert.equal(counts.prior_fail + counts.prior_pass + counts.prior_hint + counts.prior_not_checked, 0);
  assert.match(await page.textContent("#compare-body p.not-checked[data-code=prior_year_not_checked]"), /上年数未核对/);
  assert.equal(await page.$$eval("#compare-body ul.prior li", (l) => l.length), 0);
  fs.writeFileSync(path.join(outDir, "checker-compare-other-body.png"), await page.screenshot());

  // A new document: the previous year's file (of the document before) is removed, and said so.
  await page.setInputFiles("#file", path.join(goldenDir, "inputs/seed_t07_total_off.txt"));
  await page.waitForFunction(() => document.querySelector("#source").textContent.includes("seed_t07_total_off"));
  assert.ok(await page.isHidden("#compare"));
  assert.match(await page.textContent("#cleared"), /已移除上年文件 caizhengju_2024\.txt/);
  // Pasting or loading the sample is a new document too; adding a previous file again compares.
  await page.setInputFiles("#previous", mismatchPath);
  await page.waitForSelector("#compare[data-state=done]");
  assert.ok(await page.isHidden("#cleared"));
  await checkSample(page);
  assert.ok(await page.isHidden("#compare"));
  assert.deepStrictEqual(page.problems, []);
  await page.close();
});

test("the reader's notices are shown with the summary", async () => {
  const page = await openPage(pythonUrl);
  const sample = fs.readFileSync(path.join(site, "sample.txt"), "utf8");
  const wide = sample.replace("机关事业单位基本养老保险缴费支出\t", "机关事业单位基本养老保险缴费支出\t" + "\t".repeat(300));
  await page.fill("#text", wide);
  await page.click("#run");
  await page.waitForSelector("#results[data-state=done]");
  const notices = await page.$$eval("#summary-body .notices li", (lis) => lis.map((li) => li.dataset.code));
  assert.deepStrictEqual(notices, node.check(wide).notices.map((n) => n.code));
  assert.deepStrictEqual(notices, ["too_many_columns"]);
  await checkSample(page);
  assert.equal(await page.$$eval("#summary-body .notices", (d) => d.length), 0);
  assert.deepStrictEqual(page.problems, []);
  await page.close();
});

test("opened from disk (file://), the page says it must be served, with the command", async () => {
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e}`));
  await page.goto(`file://${path.join(site, "index.html")}`);
  await page.waitForSelector("#status[data-state=file]", { timeout: 10000 });
  assert.ok(await page.isVisible("#served"));
  assert.ok(await page.isHidden("#input"));
  const text = await page.textContent("#served");
  assert.match(text, /python3 -m http\.server -d bindings-wasm\/pkg-site --bind 127\.0\.0\.1 8000/);
  assert.match(text, /must be served/);
  assert.match(await page.textContent("#status"), /must be served/);
  fs.writeFileSync(path.join(outDir, "checker-file-url.png"), await page.screenshot());
  assert.deepStrictEqual(problems, []);
  await page.close();
});

test("a strict Content-Security-Policy header: nothing blocked, and the policy is enforced", async () => {
  const page = await openPage(cspUrl);
  const header = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]').content);
  for (const word of ["'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:"]) {
    assert.ok(!header.includes(word), `the page's CSP allows ${word}`);
  }
  await checkSample(page);
  await page.click("#findings-body li.finding");
  await page.setInputFiles("#previous", mismatchPath);
  await page.waitForSelector("#compare[data-state=done]");
  await page.click("#lang");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
  assert.equal(fs.readFileSync(await download.path(), "utf8"), seedReport);
  assert.deepStrictEqual(await page.evaluate(() => window.__violations), [], "the page violates its own CSP");
  assert.deepStrictEqual(page.problems, []);

  // Control: the policy is in force. An inline script and code from a string (compiled when the
  // timer fires, in the page's own context) are refused and reported.
  const control = await page.evaluate(
    () =>
      new Promise((resolve) => {
        window.__inlineRan = false;
        window.__stringRan = false;
        const s = document.createElement("script");
        s.textContent = "window.__inlineRan = true";
        document.body.append(s);
        setTimeout("window.__stringRan = true", 0);
        setTimeout(() => resolve({ inlineRan: window.__inlineRan, stringRan: window.__stringRan, violations: window.__violations }), 300);
      }),
  );
  assert.equal(control.inlineRan, false, "an inline script ran");
  assert.equal(control.stringRan, false, "code from a string (eval) ran");
  assert.ok(control.violations.some((v) => v === "script-src-elem inline"), JSON.stringify(control.violations));
  assert.ok(control.violations.some((v) => v === "script-src eval"), JSON.stringify(control.violations));
  await page.close();
});

test("timing: median of 50 check(seed) and compare(previous, seed) calls in Chromium", async () => {
  const page = await openPage(cspUrl);
  const timing = await page.evaluate(async (previous) => {
    const m = await import("./yusuan/yusuan.js");
    await m.default();
    const text = await (await fetch("sample.txt")).text();
    // Warm-up: V8 compiles wasm with its baseline compiler first and tiers hot functions up to the
    // optimising one in the background; measure once that is done, as a page in use would see it.
    for (let i = 0; i < 40; i++) {
      m.check(text);
      m.checkJson(text);
      m.parse(text);
      m.compare(previous, text);
      m.compareJson(previous, text);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    const measure = (fn) => {
      for (let i = 0; i < 5; i++) fn();
      const times = [];
      for (let i = 0; i < 50; i++) {
        const t0 = performance.now();
        fn();
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      return { median_ms: (times[24] + times[25]) / 2, min_ms: times[0], max_ms: times[49] };
    };
    return {
      isolated: window.crossOriginIsolated,
      check: measure(() => m.check(text)),
      checkJson: measure(() => m.checkJson(text)),
      parse: measure(() => m.parse(text)),
      compare: measure(() => m.compare(previous, text)),
      compareJson: measure(() => m.compareJson(previous, text)),
    };
  }, mismatch);
  const line = (name) => `${name} ${timing[name].median_ms.toFixed(3)} ms (min ${timing[name].min_ms.toFixed(3)}, max ${timing[name].max_ms.toFixed(3)})`;
  console.log(`# chromium timing, median of 50 (cross-origin isolated: ${timing.isolated}): ${line("check")}; ${line("checkJson")}; ${line("parse")}; ${line("compare")}; ${line("compareJson")}`);
  fs.writeFileSync(path.join(outDir, "timing.json"), JSON.stringify(timing, null, 2) + "\n");
  assert.ok(timing.check.median_ms > 0);
  assert.deepStrictEqual(page.problems, []);
  await page.close();
});

// Last: covers every page opened above, on both servers.
test("no request leaves the page's own origin", () => {
  const origin = new URL(pythonUrl).origin;
  const cspOrigin = new URL(cspUrl).origin;
  assert.ok(requests.length > 0);
  const foreign = requests.filter((r) => {
    const u = new URL(r.url);
    if (u.protocol === "file:") return !u.pathname.startsWith(site); // the page opened from disk
    if (u.protocol === "blob:") return ![origin, cspOrigin].includes(new URL(u.pathname).origin);
    return ![origin, cspOrigin].includes(u.origin);
  });
  assert.deepStrictEqual(foreign.map((r) => r.url), [], "requests to other origins");
  const paths = new Set(requests.filter((r) => r.url.startsWith(origin)).map((r) => new URL(r.url).pathname));
  for (const p of ["/", "/boot.js", "/app.js", "/style.css", "/yusuan/yusuan.js", "/yusuan/yusuan_bg.wasm", "/sample.txt"]) {
    assert.ok(paths.has(p), `${p} was requested`);
  }
  // (the page opened from disk fails to load its module: that is what it then explains)
  const bad = requests.filter((r) => !r.url.startsWith("blob:") && !r.url.startsWith("file:") && r.status !== null && r.status !== 200 && r.status !== 304);
  assert.deepStrictEqual(bad.map((r) => `${r.url} ${r.status}`), [], "every request of the page succeeded");
});
