/**
 * The task pane's whole flow in headless chromium, against an in-memory Excel stand-in
 * (lib/excelStandIn.js) injected before the page's scripts: the bundled sample panel is on a
 * sheet and selected → Read data (in chunks) → the mapping step (auto-mapped) → Run Tables 1–7
 * in the Web Worker → the table sheets and a Provenance sheet are written, never over an
 * existing sheet. While the study runs the page's main thread must never be blocked > 200 ms
 * (Long Tasks API). Screenshots: test-artifacts/browser/taskpane-map-step.png and
 * taskpane-table4-sheet.png (the written Table 4 sheet drawn as HTML).
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { test, ROOT, docImage } = require("./lib/harness");
const { installExcelStandIn, disableOfficeJsTelemetryFrame } = require("./lib/excelStandIn");

const CSV = path.join(ROOT, "assets/sample/city-panel.csv");
const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** The sample panel as Excel would hold it after pasting the CSV: numbers as numbers. */
function samplePanelValues() {
  const lines = fs.readFileSync(CSV, "utf8").replace(/^\uFEFF/, "").trim().split(/\r?\n/);
  return lines.map((l, i) => l.split(",").map((s) => (i > 0 && NUMERIC.test(s) ? Number(s) : s)));
}

function watchLongTasks() {
  window.__longTasks = [];
  try {
    window.__longTaskObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  } catch (e) {
    window.__longTasks = null;
  }
}

/** Opens the pane with the stand-in installed (the harness navigates first, so reload). */
async function openPane(openPage, locale, init) {
  const rec = await openPage("taskpane.html", { locale, viewport: { width: 440, height: 900 } });
  await rec.context.addInitScript(installExcelStandIn, init);
  await rec.context.addInitScript(watchLongTasks);
  await rec.context.addInitScript(disableOfficeJsTelemetryFrame);
  await rec.page.reload({ waitUntil: "load" });
  await rec.page.waitForFunction(() => typeof window.__excel === "object" && typeof Excel.run === "function");
  await rec.page.waitForFunction(() => window.__officeJsTelemetryDisabled === true, null, { timeout: 2_500 });
  await rec.page.locator("#citypanel-title").waitFor({ timeout: 15_000 });
  return rec;
}

function panelInit(extra = {}) {
  const values = samplePanelValues();
  return {
    sheets: [
      { name: "Panel", values },
      // a sheet already named like Table 3's output, with content that must survive
      { name: "Table 3 Baseline", values: [["keep me", 42]] },
    ],
    active: "Panel",
    selection: { sheet: "Panel", row: 0, col: 0, rows: values.length, cols: values[0].length },
    maxCellsPerRead: 120_000,
    ...extra,
  };
}

test("full flow on the sample panel: select → map → run Tables 1–7 → sheets written", async ({ assert, openPage, screenshot, log }) => {
  const rec = await openPane(openPage, "en-US", panelInit());
  const { page, context } = rec;

  // 1 Data
  await page.getByRole("button", { name: "Read data" }).click();
  await page.getByTestId("sum-n").waitFor({ timeout: 30_000 });
  assert.equal(await page.getByTestId("sum-n").textContent(), "2744");
  assert.equal(await page.getByTestId("sum-cities").textContent(), "196");
  assert.match(await page.getByTestId("sum-years").textContent(), /^14 \(2008–2021\)/);
  assert.equal(await page.getByTestId("sum-balance").textContent(), "Balanced");
  const reads = await page.evaluate(() => __excel.log.reads.filter((r) => r.sheet === "Panel" && r.prop === "values"));
  assert.ok(reads.length >= 2, `expected a chunked read, got ${JSON.stringify(reads)}`);
  assert.ok(reads.every((r) => r.cells <= 120_000), "a read exceeded the per-request limit");
  assert.equal(reads.reduce((s, r) => s + r.cells, 0), 2745 * 57);
  log(`data read in ${reads.length} chunks (${reads.map((r) => r.cells).join(" + ")} cells)`);
  assert.equal(await page.getByTestId("sum-missing").textContent(), "0 in 0 column(s)");
  await page.getByText("Columns (57)").click(); // the per-column table (type, missing)
  log(`screenshot ${path.relative(ROOT, await screenshot(page, "taskpane-data-step"))}`);

  // 2 Map
  await page.getByRole("button", { name: "Next: map columns" }).click();
  await page.getByRole("heading", { name: "2 Map" }).waitFor();
  assert.equal(await page.getByTestId("map-city").inputValue(), "city");
  assert.equal(await page.getByTestId("map-year").inputValue(), "year");
  assert.equal(await page.getByTestId("map-treatment").inputValue(), "digit");
  assert.equal(await page.getByText("The mapping is complete.").count(), 1);
  log(`screenshot ${path.relative(ROOT, await screenshot(page, "taskpane-map-step"))}`);
  await docImage(page, "addin");

  // 3 Run
  await page.getByRole("button", { name: "Next: run" }).click();
  const available = await page.getByTestId("run-tables").locator("input[type=checkbox]:not([disabled])").count() - 1; // minus "All tables"
  assert.ok(available >= 4, `only ${available} tables available`);
  const t0 = await page.evaluate(() => performance.now());
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await page.getByTestId("written-sheets").locator("li").nth(available).waitFor({ timeout: 90_000 });
  const t1 = await page.evaluate(() => performance.now());
  const written = await page.getByTestId("written-sheets").locator("li").allTextContents();
  log(`study ran and wrote ${written.length} sheets in ${Math.round(t1 - t0)} ms: ${written.join(" | ")}`);

  // responsiveness: no long task > 200 ms on the main thread while the study ran
  const longTasks = await page.evaluate(([a, b]) => window.__longTasks && window.__longTasks.filter((e) => e.start + e.duration >= a && e.start <= b), [t0, t1]);
  assert.ok(Array.isArray(longTasks), "the Long Tasks API is not available in this chromium");
  const worst = Math.max(0, ...longTasks.map((e) => e.duration));
  log(`long tasks during the run: ${longTasks.length}, longest ${Math.round(worst)} ms`);
  assert.ok(worst <= 200, `the main thread was blocked for ${Math.round(worst)} ms during the run`);
  // the observer does see a deliberate 300 ms block (the measurement works)
  await page.evaluate(() => { setTimeout(() => { const end = performance.now() + 300; while (performance.now() < end); }, 0); });
  await page.waitForFunction(() => window.__longTasks.some((e) => e.duration >= 250), null, { timeout: 5_000 });

  // 4 Output: every table on its own sheet, the pre-existing sheet untouched, a Provenance sheet
  const names = await page.evaluate(() => __excel.sheetNames());
  assert.ok(written.includes("Table 3 Baseline (2)"), `Table 3 should go to a suffixed sheet, got ${written}`);
  assert.ok(written.includes("Table 4 IV 2SLS"));
  assert.equal(written[written.length - 1], "Provenance");
  for (const w of written) assert.ok(names.includes(w), `${w} is not in the workbook`);
  const kept = await page.evaluate(() => __excel.dump("Table 3 Baseline").values);
  assert.deepEqual(kept, [["keep me", 42]]);

  const t4 = await page.evaluate(() => __excel.dump("Table 4 IV 2SLS"));
  assert.match(String(t4.values[0][0]), /^Table 4/);
  assert.ok(t4.merges.some((m) => m.row === 0 && m.col === 0 && m.cols > 1), "title not merged");
  assert.equal(t4.showGridlines, false);
  const header = t4.cells["2,1"];
  assert.equal(header.borders.top.weight, "Medium");
  assert.equal(header.font.bold, true);
  const ses = Object.values(t4.cells).filter((c) => typeof c.v === "string" && /^\(\d/.test(c.v));
  assert.ok(ses.length >= 4 && ses.every((c) => c.nf === "@"), "standard errors in parentheses must stay text, not become negative numbers");
  const n = Object.values(t4.cells).filter((c) => c.v === 2744);
  assert.ok(n.length >= 4 && n.every((c) => c.nf === "0"), "N should be written as a number");
  // results.xlsx's look (engine/tables/sheetStyle): Times New Roman in an English table, sizes, wrapped notes
  assert.deepEqual([...new Set(Object.values(t4.cells).filter((c) => c.v !== "").map((c) => c.font.name))], ["Times New Roman"]);
  assert.equal(t4.cells["0,0"].font.size, 12);
  assert.equal(t4.cells["4,0"].font.size, 10.5);
  const notes = Object.values(t4.cells).filter((c) => /^Note:/.test(String(c.v)));
  assert.ok(notes.length === 1 && notes[0].wrap === true && notes[0].valign === "Top" && notes[0].font.size === 9, `note cell ${JSON.stringify(notes)}`);
  log(`Table 4 page layout: ${JSON.stringify(t4.pageLayout)} (empty where the host does not report ExcelApi 1.9)`);
  const prov = await page.evaluate(() => __excel.dump("Provenance").values);
  assert.ok(prov.some((r) => r[0] === "study definition (JSON)" && String(r[1]).includes('"city":"city"')));
  const savedMapping = await page.evaluate(() => __excel.settings.get("citypanel.study"));
  assert.equal(JSON.parse(savedMapping).definition.treatment.column, "digit");

  // the rendered Table 4 sheet
  const html = await page.evaluate(() => __excel.renderHtml("Table 4 IV 2SLS"));
  const view = await context.newPage();
  await view.setViewportSize({ width: 1100, height: 600 });
  await view.setContent(`<!doctype html><meta charset="utf-8"><body style="margin:12px;background:#fff"><div style="font:12px sans-serif;color:#555;margin-bottom:6px">Sheet “Table 4 IV 2SLS” as written by the task pane (Excel stand-in)</div>${html}</body>`);
  log(`screenshot ${path.relative(ROOT, await screenshot(view, "taskpane-table4-sheet"))}`);
  log(`screenshot ${path.relative(ROOT, await screenshot(page, "taskpane-output-step"))}`);

  // no request left this machine (the harness also checks); the worker came from dist/
  assert.deepEqual(rec.external, []);
  assert.ok(rec.requests.some((u) => u.endsWith("/study.worker.js")), "the study worker was not loaded");
}, { timeout: 180_000 });

test("zh-CN: Chinese UI, Cancel writes nothing, Table 4 goes to 表4 工具变量", async ({ assert, openPage, screenshot, log }) => {
  const { page } = await openPane(openPage, "zh-CN", panelInit());
  assert.equal(await page.locator("#citypanel-title").textContent(), "CityPanel");
  assert.equal(await page.locator("#citypanel-subtitle").textContent(), "城市面板计量");
  await page.getByRole("button", { name: "读取数据" }).click();
  await page.getByTestId("sum-n").waitFor({ timeout: 30_000 });
  assert.equal(await page.getByTestId("sum-balance").textContent(), "平衡面板");
  await page.getByRole("button", { name: "下一步：映射变量" }).click();
  await page.getByText("映射完整。").waitFor();
  log(`screenshot ${path.relative(ROOT, await screenshot(page, "taskpane-map-step-zh"))}`);
  await docImage(page, "addin-zh");
  await page.getByRole("button", { name: "下一步：运行" }).click();
  const before = await page.evaluate(() => __excel.sheetNames());

  // Cancel stops the worker at once; nothing is written
  await page.getByRole("button", { name: "运行", exact: true }).click();
  await page.getByRole("button", { name: "取消" }).click();
  await page.getByTestId("run-status").waitFor();
  assert.equal(await page.getByTestId("run-status").textContent(), "已取消，未写入任何内容。");
  await page.waitForTimeout(300);
  assert.deepEqual(await page.evaluate(() => __excel.sheetNames()), before);

  // only Table 4
  const all = page.getByRole("checkbox", { name: "全选" });
  assert.equal(await all.isChecked(), true);
  await all.click(); // all off
  await page.getByRole("checkbox", { name: "表1 指标权重", checked: false }).waitFor();
  await page.getByRole("checkbox", { name: "表4 工具变量" }).check();
  await page.getByRole("checkbox", { name: "表4 工具变量", checked: true }).waitFor();
  assert.equal(await page.getByRole("checkbox", { name: "表3 基准回归" }).isChecked(), false);
  await page.getByRole("button", { name: "运行", exact: true }).click();
  await page.getByTestId("written-sheets").locator("li").nth(1).waitFor({ timeout: 60_000 });
  const written = await page.getByTestId("written-sheets").locator("li").allTextContents();
  assert.deepEqual(written, ["表4 工具变量", "来源说明"]);
  const t4 = await page.evaluate(() => __excel.dump("表4 工具变量"));
  assert.match(String(t4.values[0][0]), /^表4/);
  // SimSun (宋体) where the text has Chinese, Times New Roman for Latin text and numbers
  const fontOf = (v) => Object.values(t4.cells).find((c) => c.v === v).font.name;
  assert.deepEqual(["工具变量", "控制", "digit", 2744].map(fontOf), ["SimSun", "SimSun", "Times New Roman", "Times New Roman"]);
  log(`screenshot ${path.relative(ROOT, await screenshot(page, "taskpane-zh-output"))}`);
}, { timeout: 120_000 });

test("live CITYPANEL formulas instead of values, and Insert template wired to a new Data sheet", async ({ assert, openPage, screenshot, log }) => {
  const { page } = await openPane(openPage, "en-US", panelInit());
  await page.getByRole("button", { name: "Read data" }).click();
  await page.getByTestId("sum-n").waitFor({ timeout: 30_000 });
  await page.getByRole("button", { name: "Next: map columns" }).click();
  await page.getByRole("button", { name: "Next: run" }).click();
  await page.getByRole("checkbox", { name: "All tables" }).click();
  await page.getByRole("checkbox", { name: "Table 1 Index weights", checked: false }).waitFor();
  await page.getByRole("checkbox", { name: "Table 3 Baseline" }).check();
  await page.getByRole("checkbox", { name: "Write live CITYPANEL formulas instead of values" }).check();
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await page.getByTestId("written-sheets").locator("li").nth(4).waitFor({ timeout: 60_000 });
  const written = await page.getByTestId("written-sheets").locator("li").allTextContents();
  assert.deepEqual(written, ["Setup", "Vars", "Calc", "Table 3 Baseline (2)", "Provenance"]);
  const t3 = await page.evaluate(() => __excel.dump("Table 3 Baseline (2)"));
  const formulas = Object.values(t3.cells).filter((c) => c.f).map((c) => c.f);
  assert.ok(formulas.length >= 2 && formulas.every((f) => f.startsWith("=CITYPANEL.FEREG(")), `formulas: ${formulas}`);
  assert.ok(formulas.some((f) => f.includes("'Panel'!") || f.includes("'Vars'!")), "formulas do not refer to the data / Vars");
  assert.ok(formulas.every((f) => !f.includes("'Table 3 Baseline'!")), "a formula still refers to the un-suffixed sheet name");
  assert.deepEqual(await page.evaluate(() => __excel.dump("Table 3 Baseline").values), [["keep me", 42]]);
  log(`live Table 3: ${formulas[0].slice(0, 90)}…`);

  // the workbook tools live on the Data step (reachable before any data are read)
  await page.getByRole("tab", { name: "1 Data" }).click();
  await page.getByRole("button", { name: "Insert template" }).click();
  await page.getByText(/^Template inserted: /).waitFor({ timeout: 30_000 });
  const names = await page.evaluate(() => __excel.sheetNames());
  // a second Insert template goes to the sheets already there instead of adding "Setup (3)", "Vars (3)" …
  await page.getByRole("button", { name: "Insert template" }).click();
  await page.getByText(/^The template is already in this workbook/).waitFor({ timeout: 30_000 });
  assert.deepEqual(await page.evaluate(() => __excel.sheetNames()), names);
  assert.equal(await page.evaluate(() => __excel.activeSheet()), "Data");
  assert.ok(names.includes("Data") && names.includes("Vars (2)") && names.includes("Table 4 IV 2SLS"), names.join(" | "));
  const data = await page.evaluate(() => __excel.dump("Data"));
  assert.deepEqual(data.values[0].slice(0, 4), ["city", "year", "agglomeration", "ind01"]);
  assert.equal(data.frozenRows, 1);
  const vars2 = await page.evaluate(() => __excel.dump("Vars (2)"));
  const vf = Object.values(vars2.cells).filter((c) => c.f).map((c) => c.f);
  assert.ok(vf.some((f) => f.includes("'Data'!$A$2:$A$2745")), `Vars (2) is not wired to Data: ${vf.slice(0, 2)}`);
  const t4 = await page.evaluate(() => __excel.dump("Table 4 IV 2SLS"));
  const t4f = Object.values(t4.cells).filter((c) => c.f).map((c) => c.f);
  assert.ok(t4f.length > 0 && t4f.every((f) => f.startsWith("=CITYPANEL.IV2SLS(") && !f.includes("'Vars'!")), `Table 4 formulas: ${t4f[0]}`);
  // Repair formulas re-enters every CITYPANEL formula of the workbook (live Table 3 + the template)
  const citypanelFormulas = await page.evaluate(() => __excel.sheetNames().reduce((n, s) => n + Object.values(__excel.dump(s).cells).filter((c) => /^=CITYPANEL\./.test(c.f || "")).length, 0));
  await page.getByRole("button", { name: "Repair formulas" }).click();
  assert.equal(await page.getByTestId("repair-status").textContent(), `Re-entered ${citypanelFormulas} CITYPANEL formula(s).`);
  log(`repair: ${citypanelFormulas} CITYPANEL formulas re-entered`);
  log(`screenshot ${path.relative(ROOT, await screenshot(page, "taskpane-template-inserted"))}`);
}, { timeout: 120_000 });
