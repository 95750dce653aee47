// The in-browser checker: parse and check a disclosure with the yusuan WebAssembly package, show
// the summary, the findings grouped by outcome and table, and the parsed tables with the cells of
// each finding highlighted; for a PDF, the region of the page around a selected finding's cells,
// drawn as SVG from the characters and ruling lines the package extracts (no PDF renderer);
// optionally compare it with the previous year's disclosure (changed, new and vanished lines, and
// the prior-year figures it states checked against that document).
// Everything runs here; the only requests are for this page's own files.
//
// No framework, no build step, no eval, no inline script or style (the page's CSP forbids them):
// DOM nodes are built with createElement and text is set with textContent.

import init, * as yusuan from "./yusuan/yusuan.js";

// ---- UI text --------------------------------------------------------------------------------

const TEXT = {
  zh: {
    title: "预算公开核对",
    tagline: "在浏览器中核对部门/单位预算公开文件：表内求和、表间勾稽、科目编码。文件不会离开本机。",
    loading: "正在加载…",
    ready: "就绪",
    loadFailed: "无法加载核对程序",
    inputHeading: "文件",
    placeholder: "把 PDF 或 .txt 文件拖到这里，或粘贴从 PDF 导出的文本（表格以制表符分隔）",
    run: "核对",
    sample: "载入示例",
    open: "打开文件…",
    includePasses: "同时列出通过项",
    previous: "与上年比较…",
    download: "下载 JSON 报告",
    summaryHeading: "概况",
    findingsHeading: "发现",
    findingsHint: "点击一条发现，在表中标出它涉及的单元格；鼠标停在单元格上，显示与它相关的发现。",
    tablesHeading: "表格",
    pdfHeading: "PDF 原页面",
    pdfHint: "所选发现涉及的单元格在 PDF 页面上的位置（由提取的文字和表格线绘制）。",
    pdfPage: (n, of) => `第 ${n} 页（共 ${of} 页）`,
    pdfNone: "这条发现没有指向 PDF 页面上单元格的证据。",
    pdfFailed: "无法绘制该页：",
    footer: "yusuan：以精确小数核对政府预算公开文件。本页离线运行，不发送任何数据。",
    pasted: "粘贴的文本",
    sampleName: "示例：2025 年烟台市人民政府办公室单位预算",
    unit: "单位",
    year: "年度",
    kind: "类型",
    layout: "版式",
    amountUnit: "金额单位",
    budget: "预算",
    final_accounts: "决算",
    department: "部门",
    unitLevel: "单位",
    tablesFound: "找到的表",
    tablesMissing: "缺少的表",
    ruleInstances: "核对项",
    none: "无",
    noFindings: "没有需要说明的发现：所有核对项均通过。",
    groups: {
      error: "错误",
      warning: "警告",
      hint: "提示",
      insufficient_data: "无法核对",
      not_applicable: "不适用",
      pass: "通过",
    },
    expected: "应为",
    actual: "实际",
    difference: "相差",
    line: (n) => `第 ${n} 行`,
    lines: "行",
    otherTable: "其他",
    narrative: "文字说明",
    performance: "绩效目标表",
    lane: (n) => `第 ${n + 1} 栏`,
    income: "收入",
    expenditure: "支出",
    code: "编码",
    label: "名称",
    cellFindings: (n) => `该单元格涉及 ${n} 条发现`,
    errorTitle: "无法读取该文件",
    errorCode: "错误代码",
    compareHeading: "与上年比较",
    compareClear: "移除比较",
    compareError: "无法比较：上年文件无法读取",
    compareCounts: {
      changed: "变动",
      unchanged: "未变",
      appeared: "新增",
      vanished: "消失",
      prior_fail: "上年数不符",
      prior_hint: "四舍五入差异",
      prior_pass: "上年数一致",
      prior_not_checked: "未核对",
    },
    compareUnit: (u) => `金额单位：${u}`,
    comparing: (a, b) => `比较：上年文件 ${a} 与本文件 ${b}`,
    priorHeading: "本文件所列上年数与上年文件核对",
    priorAllAgree: (n) => `本文件所列的 ${n} 个上年数均与上年文件一致。`,
    previousCleared: (name) => `已移除上年文件 ${name}：新打开的文件请重新选择上年文件。`,
    noticesHeading: "读取时的说明",
    noChanges: "各表主要金额均无变动。",
    changeColumns: ["", "代码/行", "名称", "增减", "增幅%", "贡献%"],
    status: { changed: "变动", appeared: "新增", vanished: "消失", unchanged: "未变" },
    errors: {
      empty_input: "输入为空。",
      invalid_utf8: "文件不是 UTF-8 编码的文本。",
      not_text: "文件不是文本（含有控制字符），可能是 PDF 或 Word 原件：请先导出为文本。",
      pdf_unsupported: "这是 PDF 文件：这个版本只读文本，请先导出文本（yusuan text 文件.pdf）。",
      not_a_pdf: "文件不是 PDF。",
      pdf_encrypted: "PDF 文件已加密：需要密码才能打开，请先导出未加密的副本。",
      pdf_damaged: "PDF 文件已损坏，无法修复：请重新下载原件。",
      pdf_no_text: "PDF 没有文字层（是扫描的图像）：请先进行文字识别（OCR）。",
      pdf_too_large: "PDF 文件超出了可读取的限度。",
      pdf_decompression_bomb: "PDF 中的压缩数据解压后过大，已拒绝读取。",
      input_too_large: "文件过大。",
      not_a_disclosure: "没有找到任何预算公开表格：这似乎不是预算或决算公开文件。",
      truncated_table: "文本在表格中途截断：文件可能不完整。",
      invalid_catalog: "分类目录无法读取。",
      invalid_template: "版式定义无法读取。",
      invalid_option: "选项无效。",
    },
  },
  en: {
    title: "Budget disclosure checker",
    tagline: "Check a department or unit budget disclosure in your browser: table sums, cross-table identities, classification codes. The file never leaves this computer.",
    loading: "Loading…",
    ready: "Ready",
    loadFailed: "The checker could not be loaded",
    inputHeading: "Document",
    placeholder: "Drop a PDF or a .txt file here, or paste the text exported from the PDF (tables tab-separated)",
    run: "Check",
    sample: "Load the sample",
    open: "Open a file…",
    includePasses: "List passed checks too",
    previous: "Compare with the previous year…",
    download: "Download the JSON report",
    summaryHeading: "Summary",
    findingsHeading: "Findings",
    findingsHint: "Click a finding to highlight its cells in the tables; hover a cell to see its findings.",
    tablesHeading: "Tables",
    pdfHeading: "On the PDF page",
    pdfHint: "Where the selected finding's cells are on the PDF page (drawn from the extracted text and ruling lines).",
    pdfPage: (n, of) => `page ${n} of ${of}`,
    pdfNone: "This finding has no evidence on a cell of a PDF page.",
    pdfFailed: "The page cannot be drawn: ",
    footer: "yusuan: checks government budget disclosures with exact decimals. This page works offline and sends nothing.",
    pasted: "pasted text",
    sampleName: "Sample: 2025 unit budget of the Yantai municipal government office",
    unit: "Unit",
    year: "Year",
    kind: "Kind",
    layout: "Layout",
    amountUnit: "Amounts in",
    budget: "budget",
    final_accounts: "final accounts",
    department: "department",
    unitLevel: "unit",
    tablesFound: "Tables found",
    tablesMissing: "Tables missing",
    ruleInstances: "Checks",
    none: "none",
    noFindings: "Nothing to report: every check passed.",
    groups: {
      error: "Errors",
      warning: "Warnings",
      hint: "Hints",
      insufficient_data: "Not checked (insufficient data)",
      not_applicable: "Not applicable",
      pass: "Passed",
    },
    expected: "expected",
    actual: "printed",
    difference: "difference",
    line: (n) => `line ${n}`,
    lines: "lines",
    otherTable: "Other",
    narrative: "Narrative",
    performance: "Performance targets",
    lane: (n) => `lane ${n + 1}`,
    income: "Income",
    expenditure: "Expenditure",
    code: "Code",
    label: "Name",
    cellFindings: (n) => `${n} finding${n === 1 ? "" : "s"} on this cell`,
    errorTitle: "This file cannot be read",
    errorCode: "error code",
    compareHeading: "Compared with the previous year",
    compareClear: "Remove the comparison",
    compareError: "No comparison: the previous year's file cannot be read",
    compareCounts: {
      changed: "changed",
      unchanged: "unchanged",
      appeared: "new",
      vanished: "vanished",
      prior_fail: "prior-year figures that disagree",
      prior_hint: "within rounding",
      prior_pass: "prior-year figures that agree",
      prior_not_checked: "not checked",
    },
    compareUnit: (u) => `Amounts in ${u}`,
    comparing: (a, b) => `Comparing the previous year's ${a} with this document, ${b}`,
    priorHeading: "Prior-year figures of this document against the previous year's",
    priorAllAgree: (n) => `All ${n} prior-year figures this document states agree with the previous year's document.`,
    previousCleared: (name) => `The previous year's file ${name} was removed: choose the previous year's file for the new document again.`,
    noticesHeading: "Notes on reading",
    noChanges: "No main amount of any table changed.",
    changeColumns: ["", "Code/line", "Name", "Change", "Growth %", "Share of change %"],
    status: { changed: "changed", appeared: "new", vanished: "vanished", unchanged: "unchanged" },
    errors: {
      empty_input: "The input is empty.",
      invalid_utf8: "The file is not UTF-8 text.",
      not_text: "The file is not text (it holds control characters); it may be the PDF or Word original: export it as text first.",
      pdf_unsupported: "This is a PDF: this build reads text only; export its text first (yusuan text file.pdf).",
      not_a_pdf: "The file is not a PDF.",
      pdf_encrypted: "The PDF is encrypted: it needs a password; export an unencrypted copy first.",
      pdf_damaged: "The PDF is damaged and could not be repaired: download the original again.",
      pdf_no_text: "The PDF has no text layer (it is a scanned image): run OCR on it first.",
      pdf_too_large: "The PDF is past a limit of what can be read.",
      pdf_decompression_bomb: "Compressed data in the PDF inflates to too much: it was refused.",
      input_too_large: "The file is too large.",
      not_a_disclosure: "No table of a budget disclosure was found: this does not look like a budget or final-accounts disclosure.",
      truncated_table: "The text ends in the middle of a table: the file may be incomplete.",
      invalid_catalog: "The classification catalog cannot be read.",
      invalid_template: "The layout definition cannot be read.",
      invalid_option: "An option is not valid.",
    },
  },
};

// The order groups are shown in; each finding falls in exactly one.
const GROUPS = ["error", "warning", "hint", "insufficient_data", "not_applicable", "pass"];

function groupOf(f) {
  if (f.outcome === "fail") return f.severity === "error" ? "error" : "warning";
  return f.outcome;
}

// ---- state ----------------------------------------------------------------------------------

const state = {
  lang: initialLanguage(),
  input: null, // string or Uint8Array: what was checked
  pdf: null, // the bytes of the PDF checked, if it is one (for drawing its pages)
  pdfPages: new Map(), // page number → pdfPage(pdf, n), drawn once
  sourceName: "",
  doc: null,
  report: null,
  error: null,
  selected: -1, // index of the selected finding
  cellsByKey: new Map(), // "T05|123|合计" → [td]
  findingCells: [], // finding index → [td]
  findingItems: [], // finding index → li
  unmapped: 0, // evidence with a column that matched no cell
  sourceKind: "", // "sample", "pasted" or "file": how the source is named in either language
  previous: null, // {bytes, name}: the previous year's file to compare with, if any
  cleared: null, // the name of the previous year's file removed when a new document was opened
  comparison: null, // compare(previous, input)
  compareError: null,
};

const $ = (id) => document.getElementById(id);

function t(key) {
  return TEXT[state.lang][key];
}

function initialLanguage() {
  const saved = safeStorage("get");
  if (saved === "zh" || saved === "en") return saved;
  return (navigator.language || "zh").toLowerCase().startsWith("zh") ? "zh" : "en";
}

// localStorage may be unavailable (file://, privacy settings): the language is then not kept.
function safeStorage(op, value) {
  try {
    if (op === "get") return window.localStorage.getItem("yusuan.lang");
    window.localStorage.setItem("yusuan.lang", value);
  } catch {
    return null;
  }
  return null;
}

// Builds an element: h("td", {class: "x", dataset: {key: "k"}}, "text", child, …).
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") el.className = v;
    else if (k === "dataset") Object.assign(el.dataset, v);
    else if (k === "text") el.textContent = v;
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

// ---- running the checker --------------------------------------------------------------------

// Checks `input`. A new document (pasted, opened, dropped, the sample) ends the comparison with
// the previous year's file of the document before: that file belongs to another document.
function run(input, sourceName, newDocument = true) {
  state.cleared = null;
  if (newDocument && state.previous) {
    state.cleared = state.previous.name;
    state.previous = null;
  }
  if (input !== state.input) {
    state.pdf = input instanceof Uint8Array && isPdf(input) ? input : null;
    state.pdfPages = new Map();
  }
  state.input = input;
  state.sourceName = sourceName;
  state.selected = -1;
  try {
    const options = { includePasses: $("passes").checked };
    state.doc = yusuan.parse(input);
    state.report = yusuan.check(input, options);
    state.error = null;
  } catch (e) {
    state.doc = null;
    state.report = null;
    state.error = e;
  }
  runCompare();
  render();
}

// Compares the previous year's file with the document checked (when both are there).
function runCompare() {
  state.comparison = null;
  state.compareError = null;
  if (!state.previous || !state.report) return;
  try {
    state.comparison = yusuan.compare(state.previous.bytes, state.input);
  } catch (e) {
    state.compareError = e;
  }
}

function render() {
  applyLanguage();
  $("download").disabled = !state.report;
  $("previous").disabled = !state.report;
  $("source").textContent = state.sourceName;
  const cleared = $("cleared");
  cleared.hidden = !state.cleared;
  cleared.textContent = state.cleared ? t("previousCleared")(state.cleared) : "";
  const errorBox = $("error");
  const results = $("results");
  hideCellInfo();
  if (state.error) {
    renderError(errorBox, state.error);
    errorBox.hidden = false;
    results.hidden = true;
    results.dataset.state = "error";
    return;
  }
  errorBox.hidden = true;
  errorBox.replaceChildren();
  if (!state.report) {
    results.hidden = true;
    results.dataset.state = "empty";
    return;
  }
  renderSummary();
  renderCompare();
  renderTables(); // before the findings: they link to the cells
  renderFindings();
  renderPdfView();
  results.hidden = false;
  results.dataset.unmapped = String(state.unmapped);
  results.dataset.findings = String(state.report.findings.length);
  results.dataset.state = "done";
  if (state.selected >= 0) select(state.selected, false);
}

function renderError(box, e) {
  const code = e && e.name === "YusuanError" ? e.code : undefined;
  const explained = code && t("errors")[code];
  box.replaceChildren(
    h("h2", { text: t("errorTitle") }),
    explained ? h("p", { class: "explained", text: explained }) : null,
    h("p", { class: "message" }, h("code", { text: e && e.message ? e.message : String(e) })),
    code
      ? h(
          "p",
          { class: "meta" },
          `${t("errorCode")}: `,
          h("code", { class: "code", text: code }),
          e.line ? ` · ${t("line")(e.line)}` : "",
          e.table ? ` · ${e.table}` : "",
        )
      : null,
  );
  box.dataset.code = code || "";
}

// ---- summary --------------------------------------------------------------------------------

function renderSummary() {
  const r = state.report;
  const d = r.document;
  const level = d.level === "unit" ? t("unitLevel") : d.level ? t(d.level) : "—";
  const facts = [
    [t("unit"), d.unit || "—"],
    [t("year"), d.year ?? "—"],
    [t("kind"), `${d.kind ? t(d.kind) : "—"} · ${level}`],
    [t("layout"), d.template],
    [t("amountUnit"), d.amount_unit || "—"],
  ];
  const counts = h(
    "ul",
    { class: "counts" },
    GROUPS.map((g) =>
      h(
        "li",
        { class: `count g-${g}`, dataset: { group: g } },
        h("span", { class: "n", text: r.summary[g] }),
        h("span", { class: "what", text: t("groups")[g] }),
      ),
    ),
  );
  const dl = h(
    "dl",
    { class: "facts" },
    facts.map(([k, v]) => [h("dt", { text: k }), h("dd", { text: v })]),
    h("dt", { text: t("tablesFound") }),
    h("dd", { text: r.coverage.tables_found.join(" ") || t("none") }),
    h("dt", { text: t("tablesMissing") }),
    h("dd", { text: r.coverage.tables_missing.join(" ") || t("none") }),
    h("dt", { text: t("ruleInstances") }),
    h("dd", { text: r.coverage.rule_instances }),
  );
  const notices = r.notices.length
    ? h(
        "div",
        { class: "notices" },
        h("h3", { text: t("noticesHeading") }),
        h("ul", {}, r.notices.map((n) => h("li", { dataset: { code: n.code } }, h("code", { text: n.code }), ` ${t("line")(n.line)}${n.table ? ` · ${n.table}` : ""}: ${n.message}`))),
      )
    : null;
  $("summary-body").replaceChildren(counts, dl, ...(notices ? [notices] : []));
}

// ---- comparison with the previous year -------------------------------------------------------

// A decimal string with at least two decimals, as `yusuan compare` prints it (no rounding: the
// digits are the core's exact ones).
function amount(d, signed) {
  if (d === null || d === undefined) return "—";
  const [int, frac = ""] = d.split(".");
  const s = `${int}.${frac.padEnd(2, "0")}`;
  return signed && !s.startsWith("-") && /[1-9]/.test(s) ? `+${s}` : s;
}

function renderCompare() {
  const panel = $("compare");
  const body = $("compare-body");
  if (!state.previous) {
    panel.hidden = true;
    panel.dataset.state = "empty";
    body.replaceChildren();
    return;
  }
  panel.hidden = false;
  if (state.compareError) {
    const box = h("div", { class: "error" });
    renderError(box, state.compareError);
    box.querySelector("h2").replaceWith(h("h3", { text: t("compareError") }));
    body.replaceChildren(h("p", { class: "source", text: state.previous.name }), box);
    panel.dataset.state = "error";
    panel.dataset.code = state.compareError.code || "";
    return;
  }
  const c = state.comparison;
  const en = state.lang === "en";
  const counts = (keys, classes) =>
    h(
      "ul",
      { class: "counts" },
      keys.map((k) =>
        h(
          "li",
          { class: `count ${classes[k] || "g-neutral"}`, dataset: { count: k } },
          h("span", { class: "n", text: c.summary[k] }),
          h("span", { class: "what", text: t("compareCounts")[k] }),
        ),
      ),
    );
  // Which two documents: the files' names and what each says it is (the core puts the two in year
  // order, so the previous year's file may be the later one: a note says so).
  const swapped = c.notes.some((n) => n.code === "swapped");
  const describe = (name, d) => `${name}（${[d.unit, d.year, d.kind ? t(d.kind) : null].filter((x) => x !== null && x !== undefined).join(" ")}）`;
  const previousDoc = swapped ? c.later : c.earlier;
  const thisDoc = swapped ? c.earlier : c.later;
  const notChecked = c.notes.find((n) => n.code === "prior_year_not_checked");
  const parts = [
    h("p", { class: "pair", text: t("comparing")(describe(state.previous.name, previousDoc), describe(state.sourceName, thisDoc)) }),
    h("p", { class: "source", text: `${c.earlier.year ?? "?"} → ${c.later.year ?? "?"} · ${t("compareUnit")(c.unit)}` }),
    counts(["prior_fail", "prior_hint", "prior_pass", "prior_not_checked"], {
      prior_fail: "g-error",
      prior_hint: "g-hint",
      prior_pass: "g-pass",
      prior_not_checked: "g-insufficient_data",
    }),
    counts(["changed", "appeared", "vanished", "unchanged"], {}),
  ];
  const notes = c.notes.filter((n) => n !== notChecked);
  if (notes.length) {
    parts.push(h("ul", { class: "notes" }, notes.map((n) => h("li", { dataset: { code: n.code }, text: en ? n.message_en : n.message }))));
  }
  const open = c.prior_checks.filter((p) => p.outcome !== "pass");
  parts.push(h("h3", { text: t("priorHeading") }));
  if (notChecked) {
    parts.push(h("p", { class: "not-checked", dataset: { code: notChecked.code }, text: en ? notChecked.message_en : notChecked.message }));
  } else if (open.length === 0) {
    parts.push(h("p", { class: "empty", text: t("priorAllAgree")(c.summary.prior_pass) }));
  } else {
    const group = (o) => (o === "fail" ? "error" : o === "hint" ? "hint" : "insufficient_data");
    parts.push(
      h(
        "ul",
        { class: "finding-list prior" },
        open.map((p) => {
          const lines = [...new Set(p.later_evidence.map((e) => e.line))];
          const earlierLines = [...new Set(p.earlier_evidence.map((e) => e.line))];
          const where = [
            lines.length ? `${c.later.year ?? ""} ${lines.map((n) => t("line")(n)).join(", ")}` : "",
            earlierLines.length ? `${c.earlier.year ?? ""} ${earlierLines.map((n) => t("line")(n)).join(", ")}` : "",
          ].filter(Boolean);
          return h(
            "li",
            { class: `finding g-${group(p.outcome)}`, dataset: { outcome: p.outcome } },
            h("div", { class: "head" }, h("span", { class: "message", text: en ? p.message_en : p.message })),
            where.length ? h("div", { class: "where", text: where.join(" · ") }) : null,
          );
        }),
      ),
    );
  }
  let shown = 0;
  for (const table of c.tables) {
    const lines = table.lines.filter((l) => table.main_columns.includes(l.column) && l.status !== "unchanged");
    if (lines.length === 0) continue;
    shown += 1;
    const [blank, code, name, change, growth, share] = t("changeColumns");
    const head = h(
      "tr",
      {},
      [blank, code, name, String(c.earlier.year ?? ""), String(c.later.year ?? ""), change, growth, share].map((x) => h("th", { text: x })),
    );
    const rows = lines.map((l) =>
      h(
        "tr",
        { class: `s-${l.status}`, dataset: { row: l.row, column: l.column, status: l.status } },
        h("td", { class: "mark", title: t("status")[l.status], text: { changed: "~", appeared: "+", vanished: "−" }[l.status] || "" }),
        h("td", { class: "code", text: l.code || (l.row.startsWith("row") ? l.column : l.row) }),
        h("td", { class: "label", text: l.name || l.column_header }),
        h("td", { class: "amount", text: amount(l.earlier) }),
        h("td", { class: "amount", text: amount(l.later) }),
        h("td", { class: "amount", text: amount(l.change, true) }),
        h("td", { class: "amount", text: amount(l.growth, true) }),
        h("td", { class: "amount", text: l.contribution === undefined ? "" : amount(l.contribution) }),
      ),
    );
    parts.push(
      h(
        "section",
        { class: "table", dataset: { table: table.key } },
        h("h3", {}, h("span", { class: "key", text: table.key }), ` ${table.title}`),
        h("div", { class: "scroll" }, h("table", {}, h("thead", {}, head), h("tbody", {}, rows))),
      ),
    );
  }
  if (shown === 0) parts.push(h("p", { class: "empty", text: t("noChanges") }));
  body.replaceChildren(...parts);
  panel.dataset.state = "done";
  delete panel.dataset.code;
}

async function readPrevious(file) {
  state.cleared = null;
  reading("compare");
  state.previous = { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name };
  runCompare();
  render();
}

function clearCompare() {
  state.previous = null;
  runCompare();
  render();
}

// ---- tables ---------------------------------------------------------------------------------

function cellKey(table, line, column) {
  return `${table}|${line}|${column ?? ""}`;
}

function renderTables() {
  state.cellsByKey = new Map();
  const body = $("tables-body");
  body.replaceChildren();
  for (const table of state.doc.tables) {
    const names = table.columns.map((c) => yusuan.columnName(c));
    const lanes = [...new Set(table.columns.map((c) => c.lane))].sort((a, b) => a - b);
    const section = h(
      "section",
      { class: "table", id: `table-${table.key}`, dataset: { table: table.key } },
      h(
        "h3",
        {},
        h("span", { class: "key", text: table.key }),
        ` ${table.title}`,
        table.unit ? h("span", { class: "unit", text: ` (${table.unit})` }) : null,
        h("span", { class: "lines", text: ` ${t("lines")} ${table.lines.start}–${table.lines.end}` }),
      ),
    );
    for (const lane of lanes.length ? lanes : [0]) {
      const cols = table.columns
        .map((c, i) => ({ c, i }))
        .filter(({ c }) => c.lane === lane)
        .sort((a, b) => a.c.position - b.c.position);
      const rows = table.rows.filter((r) => (r.lane || 0) === lane);
      const head = h(
        "tr",
        {},
        h("th", { class: "num", text: "#" }),
        h("th", { text: t("code") }),
        h("th", { text: t("label") }),
        cols.map(({ c, i }) => h("th", { title: names[i], text: c.header || names[i] })),
      );
      const trs = rows.map((row) => {
        const label = h("td", { class: "label", text: row.label });
        const code = h("td", { class: "code", text: row.code || "" });
        for (const td of [code, label]) {
          register(cellKey(table.key, row.line, null), td, row);
        }
        const byColumn = new Map(row.cells.map((cell) => [cell.column, cell]));
        const tds = cols.map(({ i }) => {
          const cell = byColumn.get(i);
          if (!cell) return h("td", { class: "amount absent" });
          const td = h("td", {
            class: `amount v-${cell.value.kind}`,
            dataset: { line: cell.line, column: names[i] },
            text: cell.text,
          });
          register(cellKey(table.key, cell.line, names[i]), td, row);
          return td;
        });
        return h(
          "tr",
          { class: row.total ? "total" : undefined, dataset: { line: row.line } },
          h("td", { class: "num", text: row.line }),
          code,
          label,
          tds,
        );
      });
      section.append(
        h(
          "div",
          { class: "scroll" },
          h(
            "table",
            {},
            lanes.length > 1 ? h("caption", { text: cols[0]?.c.side ? t(cols[0].c.side) : t("lane")(lane) }) : null,
            h("thead", {}, head),
            h("tbody", {}, trs),
          ),
        ),
      );
    }
    if (table.note) section.append(h("p", { class: "note", text: table.note.text }));
    body.append(section);
  }
}

function register(key, td, row) {
  td.yusuanRow = row;
  const list = state.cellsByKey.get(key);
  if (list) list.push(td);
  else state.cellsByKey.set(key, [td]);
}

// The cells a piece of evidence points at: table + line + column name for a cell; for evidence
// about a whole row (no column), the row's code and label cells.
function cellsOf(ev) {
  const found = state.cellsByKey.get(cellKey(ev.table, ev.line, ev.column)) || [];
  if (ev.column !== undefined || found.length <= 2) return found;
  // Two rows on one line (two-sided tables): keep the row the evidence names.
  return found.filter((td) => {
    const r = td.yusuanRow;
    return r.code === ev.row || r.item === ev.row || (r.total && ev.row === "total");
  });
}

// ---- findings -------------------------------------------------------------------------------

function renderFindings() {
  const r = state.report;
  const body = $("findings-body");
  state.findingCells = [];
  state.findingItems = [];
  state.unmapped = 0;
  for (const td of document.querySelectorAll("#tables-body td[data-findings]")) {
    delete td.dataset.findings;
  }
  const titles = new Map(state.doc.tables.map((tb) => [tb.key, tb.title]));
  const cellFindings = new Map(); // td → [finding index]
  r.findings.forEach((f, i) => {
    const cells = [];
    for (const ev of f.evidence) {
      const tds = cellsOf(ev);
      if (tds.length === 0 && ev.column !== undefined && titles.has(ev.table)) state.unmapped += 1;
      for (const td of tds) {
        if (!cells.includes(td)) cells.push(td);
      }
    }
    state.findingCells[i] = cells;
    for (const td of cells) {
      const list = cellFindings.get(td);
      if (list) list.push(i);
      else cellFindings.set(td, [i]);
    }
  });
  // Mark each cell with its findings, coloured by the most serious one.
  for (const [td, list] of cellFindings) {
    td.dataset.findings = list.join(" ");
    const worst = GROUPS.find((g) => list.some((i) => groupOf(r.findings[i]) === g));
    td.classList.remove(...GROUPS.map((g) => `f-${g}`));
    td.classList.add("flagged", `f-${worst}`);
  }

  if (r.findings.length === 0) {
    body.replaceChildren(h("p", { class: "empty", text: t("noFindings") }));
    return;
  }
  const groups = [];
  for (const g of GROUPS) {
    const idx = r.findings.map((f, i) => i).filter((i) => groupOf(r.findings[i]) === g);
    if (idx.length === 0) continue;
    const byTable = new Map();
    for (const i of idx) {
      const key = r.findings[i].table || "";
      if (!byTable.has(key)) byTable.set(key, []);
      byTable.get(key).push(i);
    }
    const section = h(
      "section",
      { class: `group g-${g}`, dataset: { group: g } },
      h("h3", {}, t("groups")[g], h("span", { class: "badge", text: idx.length })),
    );
    for (const [table, list] of byTable) {
      section.append(
        h("h4", { text: tableHeading(table, titles) }),
        h("ul", { class: "finding-list" }, list.map((i) => findingItem(r.findings[i], i))),
      );
    }
    groups.push(section);
  }
  body.replaceChildren(...groups);
}

function tableHeading(key, titles) {
  if (!key) return t("otherTable");
  if (key === "narrative") return t("narrative");
  if (key === "performance") return t("performance");
  return titles.has(key) ? `${key} ${titles.get(key)}` : key;
}

function findingItem(f, i) {
  const en = state.lang === "en";
  const numbers = [];
  if (f.expected !== undefined) numbers.push(`${t("expected")} ${f.expected}`);
  if (f.actual !== undefined) numbers.push(`${t("actual")} ${f.actual}`);
  if (f.difference !== undefined) numbers.push(`${t("difference")} ${f.difference}`);
  const unit = f.unit ? ` ${f.unit}` : "";
  const lines = [...new Set(f.evidence.map((e) => e.line))];
  // Evidence outside the tables (narrative, performance targets): quote it.
  const quotes = f.evidence
    .filter((e) => !state.cellsByKey.has(cellKey(e.table, e.line, e.column)) && e.text)
    .slice(0, 3)
    .map((e) => h("blockquote", { text: `${t("line")(e.line)}: ${e.text}` }));
  const li = h(
    "li",
    {
      class: `finding g-${groupOf(f)}`,
      tabindex: 0,
      role: "button",
      dataset: { index: i, rule: f.rule, cells: state.findingCells[i].length },
    },
    h("div", { class: "head" }, h("code", { class: "rule", text: f.rule }), h("span", { class: "message", text: en ? f.message_en : f.message })),
    numbers.length ? h("div", { class: "numbers", text: numbers.join(" · ") + unit }) : null,
    lines.length
      ? h("div", { class: "where", text: lines.slice(0, 8).map((n) => t("line")(n)).join(", ") + (lines.length > 8 ? " …" : "") })
      : null,
    quotes,
    // One figure that explains several failed checks: the checks, each on its own line.
    f.related && f.related.length
      ? h(
          "ul",
          { class: "related" },
          f.related.map((r) => h("li", {}, h("code", { class: "rule", text: r.rule }), h("span", { class: "message", text: en ? r.message_en : r.message }))),
        )
      : null,
  );
  li.addEventListener("click", () => select(i, true));
  li.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" || ev.key === " ") {
      ev.preventDefault();
      select(i, true);
    }
  });
  state.findingItems[i] = li;
  return li;
}

function select(i, scroll) {
  for (const td of document.querySelectorAll("#tables-body td.selected")) td.classList.remove("selected");
  for (const li of document.querySelectorAll("#findings-body li.selected")) li.classList.remove("selected");
  if (state.selected === i && scroll) {
    state.selected = -1; // a second click clears the selection
    renderPdfView();
    return;
  }
  state.selected = i;
  renderPdfView();
  const cells = state.findingCells[i] || [];
  for (const td of cells) td.classList.add("selected");
  const li = state.findingItems[i];
  if (li) li.classList.add("selected");
  if (scroll && cells.length) cells[0].scrollIntoView({ block: "center", inline: "nearest" });
}

// ---- the PDF page around a finding ------------------------------------------------------------

const SVG = "http://www.w3.org/2000/svg";
// Points of page shown around the finding's cells.
const PDF_MARGIN = 36;

function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== undefined && v !== null) el.setAttribute(k, String(v));
  }
  for (const c of children) el.append(c);
  return el;
}

// The region of each page the selected finding's evidence is on, drawn from pdfPage: the ruling
// lines and rectangles, the characters, and the evidence's cells highlighted. Hidden when the
// document is not a PDF or nothing is selected.
function renderPdfView() {
  const panel = $("pdfview");
  const body = $("pdfview-body");
  const f = state.report && state.selected >= 0 ? state.report.findings[state.selected] : null;
  if (!state.pdf || !f) {
    panel.hidden = true;
    panel.dataset.state = "empty";
    body.replaceChildren();
    return;
  }
  panel.hidden = false;
  const byPage = new Map(); // page → [evidence with a box], in the order of the evidence
  for (const e of f.evidence) {
    if (e.page === undefined || !e.bbox) continue;
    if (!byPage.has(e.page)) byPage.set(e.page, []);
    byPage.get(e.page).push(e);
  }
  if (byPage.size === 0) {
    body.replaceChildren(h("p", { class: "empty", text: t("pdfNone") }));
    panel.dataset.state = "none";
    return;
  }
  const figures = [];
  for (const [n, evidence] of [...byPage].slice(0, 4)) {
    let page = state.pdfPages.get(n);
    if (!page) {
      try {
        page = yusuan.pdfPage(state.pdf, n);
      } catch (e) {
        figures.push(h("p", { class: "error", text: `${t("pdfFailed")}${e && e.message ? e.message : String(e)}` }));
        continue;
      }
      state.pdfPages.set(n, page);
    }
    figures.push(pageFigure(page, evidence, groupOf(f)));
  }
  body.replaceChildren(...figures);
  panel.dataset.state = "done";
}

function pageFigure(page, evidence, group) {
  let [x0, top, x1, bottom] = evidence[0].bbox;
  for (const e of evidence) {
    x0 = Math.min(x0, e.bbox[0]);
    top = Math.min(top, e.bbox[1]);
    x1 = Math.max(x1, e.bbox[2]);
    bottom = Math.max(bottom, e.bbox[3]);
  }
  x0 = Math.max(0, x0 - PDF_MARGIN);
  top = Math.max(0, top - PDF_MARGIN);
  x1 = Math.min(page.width, x1 + PDF_MARGIN);
  bottom = Math.min(page.height, bottom + PDF_MARGIN);
  const meets = (b) => b[2] >= x0 && b[0] <= x1 && b[3] >= top && b[1] <= bottom;
  const drawing = svg("svg", {
    viewBox: `${x0} ${top} ${x1 - x0} ${bottom - top}`,
    role: "img",
    "aria-label": t("pdfPage")(page.page, page.pages),
    "data-page": page.page,
    preserveAspectRatio: "xMidYMin meet",
  });
  drawing.append(svg("rect", { class: "paper", x: x0, y: top, width: x1 - x0, height: bottom - top }));
  for (const r of page.rects) {
    if (!meets(r.bbox)) continue;
    const cls = ["pdf-rect", r.fill ? "filled" : "", r.stroke ? "stroked" : ""].filter(Boolean).join(" ");
    drawing.append(svg("rect", { class: cls, x: r.bbox[0], y: r.bbox[1], width: r.bbox[2] - r.bbox[0], height: r.bbox[3] - r.bbox[1] }));
  }
  // the evidence's cells, under the text so that it stays readable
  const seen = new Set();
  for (const e of evidence) {
    const key = e.bbox.join(",");
    if (seen.has(key)) continue;
    seen.add(key);
    drawing.append(
      svg(
        "rect",
        { class: `hl g-${group}`, x: e.bbox[0], y: e.bbox[1], width: e.bbox[2] - e.bbox[0], height: e.bbox[3] - e.bbox[1], "data-line": e.line, "data-column": e.column },
        svg("title", {}, document.createTextNode(`${e.table} ${e.column ?? e.row ?? ""} · ${t("line")(e.line)}: ${e.text}`)),
      ),
    );
  }
  for (const l of page.lines) {
    if (!meets(l)) continue;
    drawing.append(svg("line", { class: "pdf-line", x1: l[0], y1: l[1], x2: l[2], y2: l[3] }));
  }
  for (const c of page.chars) {
    if (!meets(c.bbox) || c.text.trim() === "") continue;
    const size = Math.max(1, c.bbox[3] - c.bbox[1]);
    // the baseline a little above the box's bottom (the descent of a CJK font)
    drawing.append(svg("text", { class: "pdf-char", x: c.bbox[0], y: c.bbox[3] - size * 0.12, "font-size": size.toFixed(2) }, document.createTextNode(c.text)));
  }
  return h("figure", { dataset: { page: page.page } }, h("figcaption", { text: t("pdfPage")(page.page, page.pages) }), drawing);
}

// ---- hovering a cell: its findings ----------------------------------------------------------

function showCellInfo(td) {
  const list = (td.dataset.findings || "").split(" ").filter(Boolean).map(Number);
  for (const li of document.querySelectorAll("#findings-body li.hover")) li.classList.remove("hover");
  if (list.length === 0) return hideCellInfo();
  const r = state.report;
  const en = state.lang === "en";
  for (const i of list) state.findingItems[i]?.classList.add("hover");
  const box = $("cellinfo");
  box.replaceChildren(
    h("p", { class: "what", text: `${td.closest("section.table")?.dataset.table ?? ""} · ${td.dataset.column ?? ""} · ${t("line")(td.dataset.line ?? td.yusuanRow?.line)} — ${t("cellFindings")(list.length)}` }),
    h(
      "ul",
      {},
      list.map((i) =>
        h("li", { class: `g-${groupOf(r.findings[i])}` }, h("code", { text: r.findings[i].rule }), " ", en ? r.findings[i].message_en : r.findings[i].message),
      ),
    ),
  );
  box.dataset.findings = list.join(" ");
  box.hidden = false;
}

function hideCellInfo() {
  const box = $("cellinfo");
  box.hidden = true;
  delete box.dataset.findings;
  for (const li of document.querySelectorAll("#findings-body li.hover")) li.classList.remove("hover");
}

// ---- language -------------------------------------------------------------------------------

function applyLanguage() {
  document.documentElement.lang = state.lang === "zh" ? "zh-CN" : "en";
  document.title = state.lang === "zh" ? "预算核对 · yusuan" : "Budget checker · yusuan";
  for (const el of document.querySelectorAll("[data-i18n]")) {
    const value = t(el.dataset.i18n);
    if (typeof value === "string") el.textContent = value;
  }
  for (const el of document.querySelectorAll("[data-i18n-placeholder]")) {
    el.placeholder = t(el.dataset.i18nPlaceholder);
  }
  const status = $("status");
  status.textContent = t(status.dataset.state === "ready" ? "ready" : status.dataset.state === "failed" ? "loadFailed" : "loading");
  const lang = $("lang");
  lang.textContent = state.lang === "zh" ? "English" : "中文";
  lang.lang = state.lang === "zh" ? "en" : "zh-CN";
  if (state.input !== null && state.sourceName) {
    state.sourceName = state.sourceKind === "sample" ? t("sampleName") : state.sourceKind === "pasted" ? t("pasted") : state.sourceName;
    $("source").textContent = state.sourceName;
  }
}

// ---- input: paste, file, drop, sample ---------------------------------------------------------

// Marks a panel as waiting for its input (a file being read, the sample being fetched), so that
// neither a reader nor a test takes the previous result, still on screen, for the new one.
function reading(id) {
  $(id).dataset.state = "reading";
}

async function readFile(file) {
  reading("results");
  const bytes = new Uint8Array(await file.arrayBuffer());
  // Show the text (of a PDF, the text of its extraction, whose line numbers the findings give);
  // check the bytes, so that the core reports invalid UTF-8, binary input or a damaged PDF.
  let shown = "";
  if (isPdf(bytes)) {
    try {
      shown = yusuan.textForm(bytes);
    } catch {
      shown = ""; // the check below reports why it cannot be read
    }
  } else {
    shown = new TextDecoder("utf-8").decode(bytes);
  }
  $("text").value = shown;
  state.sourceKind = "file";
  run(bytes, file.name);
}

// A PDF by its bytes, as the core tells it: `%PDF-` within the first 1024 bytes.
function isPdf(bytes) {
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 5 <= head.length; i++) {
    if (head[i] === 0x25 && head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) return true;
  }
  return false;
}

async function loadSample() {
  reading("results");
  const response = await fetch("sample.txt");
  if (!response.ok) throw new Error(`sample.txt: HTTP ${response.status}`);
  const text = await response.text();
  $("text").value = text;
  state.sourceKind = "sample";
  run(text, t("sampleName"));
}

function downloadReport() {
  if (state.input === null) return;
  // The exact JSON `yusuan check --format json` prints.
  const json = yusuan.checkJson(state.input, { includePasses: $("passes").checked });
  const url = URL.createObjectURL(new Blob([json], { type: "application/json" }));
  const a = h("a", { href: url, download: "yusuan-report.json" });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function wire() {
  $("run").addEventListener("click", () => {
    state.sourceKind = "pasted";
    run($("text").value, t("pasted"));
  });
  $("sample").addEventListener("click", () => loadSample().catch(showFailure));
  $("file").addEventListener("change", (ev) => {
    const file = ev.target.files && ev.target.files[0];
    if (file) readFile(file).catch(showFailure);
    ev.target.value = "";
  });
  $("previous").addEventListener("change", (ev) => {
    const file = ev.target.files && ev.target.files[0];
    if (file) readPrevious(file).catch(showFailure);
    ev.target.value = "";
  });
  $("compare-clear").addEventListener("click", clearCompare);
  $("passes").addEventListener("change", () => {
    if (state.input !== null) run(state.input, state.sourceName, false);
  });
  $("download").addEventListener("click", () => {
    try {
      downloadReport();
    } catch (e) {
      showFailure(e);
    }
  });
  $("lang").addEventListener("click", () => {
    state.lang = state.lang === "zh" ? "en" : "zh";
    safeStorage("set", state.lang);
    if (state.report || state.error) render();
    else applyLanguage();
  });
  const zone = document.body;
  zone.addEventListener("dragover", (ev) => {
    ev.preventDefault();
    $("dropzone").classList.add("over");
  });
  zone.addEventListener("dragleave", () => $("dropzone").classList.remove("over"));
  zone.addEventListener("drop", (ev) => {
    ev.preventDefault();
    $("dropzone").classList.remove("over");
    const file = ev.dataTransfer && ev.dataTransfer.files[0];
    if (file) readFile(file).catch(showFailure);
  });
  const tables = $("tables-body");
  tables.addEventListener("mouseover", (ev) => {
    const td = ev.target.closest("td");
    if (td && td.dataset.findings) showCellInfo(td);
    else hideCellInfo();
  });
  tables.addEventListener("mouseleave", hideCellInfo);
  tables.addEventListener("click", (ev) => {
    // Clicking a flagged cell selects its first finding and brings it into view.
    const td = ev.target.closest("td[data-findings]");
    if (!td) return;
    const first = Number(td.dataset.findings.split(" ")[0]);
    select(first, false);
    state.findingItems[first]?.scrollIntoView({ block: "nearest" });
  });
}

function showFailure(e) {
  state.error = e;
  state.report = null;
  render();
}

async function main() {
  applyLanguage();
  wire();
  try {
    await init();
  } catch (e) {
    $("status").dataset.state = "failed";
    applyLanguage();
    showFailure(e);
    return;
  }
  $("version").textContent = `v${yusuan.version()}`;
  for (const id of ["run", "sample", "download"]) $(id).disabled = id === "download";
  $("status").dataset.state = "ready";
  applyLanguage();
}

main();
