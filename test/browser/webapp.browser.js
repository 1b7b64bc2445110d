/**
 * The standalone web app (dist/app.html) served by `citypanel serve`, in headless chromium:
 * the sample panel is loaded through the file input, Cancel stops a run, all tables run in the
 * Web Worker with progress, "Download results.xlsx" saves a workbook whose every table cell and
 * Data cell equal those `citypanel study` writes for the same file, and no request leaves the
 * page's origin. Screenshots: test-artifacts/browser/webapp-*.png and docs/images/webapp*.png.
 */
"use strict";
const { execFileSync, spawn } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const ExcelJS = require("exceljs");
const { test, ROOT, docImage } = require("./lib/harness");

const CSV = path.join(ROOT, "assets/sample/city-panel.csv");
const BIN = path.join(ROOT, "bin/citypanel.js");

/** `citypanel serve dist --no-open` on a free port; resolves {url, stop()}. */
async function citypanelServe() {
  const child = spawn(process.execPath, [BIN, "serve", path.join(ROOT, "dist"), "--no-open", "--json"], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  for (let t = 0; !out.includes("\n"); t++) {
    if (child.exitCode !== null || t > 300) throw new Error(`citypanel serve did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const { url } = JSON.parse(out.split("\n")[0]);
  const exited = new Promise((r) => child.on("exit", r));
  return { url, stop: async () => { child.kill("SIGTERM"); await exited; } };
}

/** Every cell value of a worksheet as rows (exceljs), for comparing two workbooks. */
function sheetValues(ws) {
  const rows = [];
  const width = ws.columnCount; // a getter that walks every row: read it once
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const vals = [];
    for (let c = 1; c <= width; c++) vals.push(row.getCell(c).value ?? null);
    rows[r - 1] = vals;
  });
  return rows;
}

async function readWorkbook(file) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

async function openApp(openPage, url, locale) {
  const rec = await openPage(url, { locale, waitForOffice: false, viewport: { width: 760, height: 900 } });
  await rec.page.locator("#citypanel-title").waitFor({ timeout: 15_000 });
  return rec;
}

test("web app: file input → map → run all tables → Download results.xlsx equals `citypanel study`; nothing leaves the origin", async ({ assert, openPage, screenshot, log }) => {
  const server = await citypanelServe();
  try {
    const rec = await openApp(openPage, server.url, "en-US");
    const { page } = rec;
    const origin = new URL(server.url).origin;
    assert.equal(await page.locator("#citypanel-subtitle").textContent(), "City panel econometrics");
    assert.equal(await page.getByRole("tab", { name: "4 Output" }).isDisabled(), true);

    // 1 Data: the sample panel through the file input (read in the page, never uploaded)
    await page.getByTestId("file-input").setInputFiles(CSV);
    await page.getByTestId("sum-n").waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId("sum-n").textContent(), "2744");
    assert.equal(await page.getByTestId("sum-cities").textContent(), "196");
    assert.equal(await page.getByTestId("sum-balance").textContent(), "Balanced");
    assert.equal(await page.getByTestId("workbook-tools").count(), 0, "the Excel-only tools must not show in the web app");

    // 2 Map: auto-matched, listed
    await page.getByRole("button", { name: "Next: map columns" }).click();
    await page.getByText(/^Matched automatically by name: 11 of 11 roles$/).waitFor();
    assert.equal(await page.getByRole("button", { name: "Save mapping in workbook" }).count(), 0);
    await screenshot(page, "webapp-map-step");

    // 3 Run: Cancel first (nothing produced), then all tables with progress
    await page.getByRole("button", { name: "Next: run" }).click();
    assert.equal(await page.getByRole("checkbox", { name: "Write live CITYPANEL formulas instead of values" }).count(), 0);
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await page.getByTestId("run-progress").waitFor({ timeout: 10_000 });
    await page.getByRole("button", { name: "Cancel" }).click();
    assert.equal(await page.getByTestId("run-status").textContent(), "Cancelled. Nothing was written.");
    assert.equal(await page.getByTestId("download-results").count(), 0);
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await page.getByTestId("download-results").waitFor({ timeout: 120_000 });
    const sheets = await page.getByTestId("written-sheets").locator("li").allTextContents();
    log(`results.xlsx sheets: ${sheets.join(" | ")}`);
    log(`screenshot ${path.relative(ROOT, await screenshot(page, "webapp-output-step"))}`);

    // 4 Download
    const t0 = Date.now();
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 30_000 }), page.getByTestId("download-results").click()]);
    assert.equal(download.suggestedFilename(), "results.xlsx");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "citypanel-webapp-"));
    const got = path.join(dir, "web-results.xlsx");
    await download.saveAs(got);
    log(`downloaded in ${Date.now() - t0} ms`);

    // the command line on the same file
    const want = path.join(dir, "cli-results.xlsx");
    execFileSync(process.execPath, [BIN, "study", CSV, "--out", want], { stdio: "ignore" });
    log(`citypanel study done at ${Date.now() - t0} ms`);
    const [web, cli] = [await readWorkbook(got), await readWorkbook(want)];
    log(`both read at ${Date.now() - t0} ms`);
    assert.deepEqual(web.worksheets.map((w) => w.name), cli.worksheets.map((w) => w.name));
    assert.deepEqual(sheets, cli.worksheets.map((w) => w.name));
    // the table sheets hold the journal's formatted cells: identical. The Data sheet holds the
    // built variables at full precision: equal to 1e-12 relative (chromium's V8 and Node's may
    // round the last bit of a logarithm differently).
    let cells = 0;
    let worst = 0;
    for (const ws of cli.worksheets) {
      if (ws.name === "Provenance") continue;
      const a = sheetValues(web.getWorksheet(ws.name));
      const b = sheetValues(ws);
      if (ws.name !== "Data") assert.deepEqual(a, b, `sheet ${ws.name} differs from citypanel study's`);
      else {
        assert.equal(a.length, b.length);
        b.forEach((row, i) => row.forEach((want, j) => {
          const have = a[i][j];
          if (typeof want === "number" && typeof have === "number") {
            const rel = Math.abs(have - want) / Math.max(1, Math.abs(want));
            worst = Math.max(worst, rel);
            assert.ok(rel <= 1e-12, `Data row ${i + 1} column ${j + 1}: ${have} vs ${want}`);
          } else assert.deepEqual(have, want, `Data row ${i + 1} column ${j + 1}`);
        }));
      }
      cells += b.reduce((n, r) => n + (r ? r.length : 0), 0);
    }
    log(`Data sheet: largest relative difference ${worst.toExponential(2)}`);
    const t4 = sheetValues(web.getWorksheet("Table 4 IV 2SLS"));
    log(`${cells} cells equal to citypanel study's (Tables 1–7 and Data); a Table 4 row: ${JSON.stringify(t4.find((r) => r && String(r[2]).includes("***")))}`);
    const prov = Object.fromEntries(sheetValues(web.getWorksheet("Provenance")).map((r) => [r[0], r[1]]));
    assert.equal(prov["written by"], "CityPanel web app");
    assert.equal(prov.source, "city-panel.csv");
    fs.rmSync(dir, { recursive: true, force: true });

    // every request stayed on the page's origin (the worker and its chunk included)
    const foreign = rec.requests.filter((u) => !u.startsWith(origin + "/") && !/^(blob|data):/.test(u));
    assert.deepEqual(foreign, []);
    assert.ok(rec.requests.some((u) => u.endsWith("/study.worker.js")), "the study worker was not loaded");
    assert.ok(!rec.requests.some((u) => /office/i.test(u)), "the web app must not load office.js");
    await page.setViewportSize({ width: 760, height: 560 });
    await docImage(page, "webapp");
  } finally {
    await server.stop();
  }
}, { timeout: 240_000 });

test("web app in Chinese: an .xls refused with a Chinese message; Table 3 alone gives 表3, 数据 and 来源说明", async ({ assert, openPage, log }) => {
  const server = await citypanelServe();
  try {
    const { page } = await openApp(openPage, server.url, "zh-CN");
    assert.equal(await page.locator("#citypanel-subtitle").textContent(), "城市面板计量");
    await page.getByTestId("file-input").setInputFiles({ name: "old.xls", mimeType: "application/vnd.ms-excel", buffer: Buffer.from([1, 2, 3]) });
    await page.getByTestId("data-error").waitFor();
    assert.equal(await page.getByTestId("data-error").textContent(), "old.xls：不支持旧版 .xls 格式，请另存为 .xlsx 或 .csv");
    await page.getByTestId("file-input").setInputFiles(CSV);
    await page.getByTestId("sum-n").waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId("sum-balance").textContent(), "平衡面板");
    await page.getByRole("button", { name: "下一步：映射变量" }).click();
    await page.getByRole("button", { name: "下一步：运行" }).click();
    await page.getByRole("checkbox", { name: "全选" }).click();
    await page.getByRole("checkbox", { name: "表3 基准回归" }).check();
    await page.getByRole("button", { name: "运行", exact: true }).click();
    await page.getByTestId("download-results").waitFor({ timeout: 60_000 });
    assert.equal(await page.getByTestId("download-results").textContent(), "下载 results.xlsx");
    const sheets = await page.getByTestId("written-sheets").locator("li").allTextContents();
    assert.deepEqual(sheets, ["表3 基准回归", "来源说明", "数据"]); // Data last (it does not print)
    log(`zh sheets: ${sheets.join(" | ")}`);
    await page.setViewportSize({ width: 760, height: 520 });
    await docImage(page, "webapp-zh");
  } finally {
    await server.stop();
  }
}, { timeout: 180_000 });

/** A small panel as Chinese Excel saves "CSV": GBK bytes (城市,年份,x / 北京 / 上海). */
const GBK = { 城: "b3c7", 市: "cad0", 年: "c4ea", 份: "b7dd", 北: "b1b1", 京: "bea9", 上: "c9cf", 海: "baa3" };
const gbkBytes = (text) => [...text].flatMap((ch) => (GBK[ch] ? [...Buffer.from(GBK[ch], "hex")] : [...Buffer.from(ch, "utf8")]));

test("web app: a GBK CSV dropped on the page is read with its Chinese header", async ({ assert, openPage }) => {
  const server = await citypanelServe();
  try {
    const { page } = await openApp(openPage, server.url, "zh-CN");
    const bytes = gbkBytes("城市,年份,x\n北京,2008,1\n北京,2009,2\n上海,2008,3\n上海,2009,4\n");
    // a drop as the browser delivers it: a DataTransfer holding the file
    await page.evaluate((data) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], "面板.csv", { type: "text/csv" }));
      const zone = document.querySelector("[data-testid=file-drop]");
      zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, bytes);
    await page.getByTestId("sum-n").waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId("sum-n").textContent(), "4");
    assert.equal(await page.getByTestId("sum-cities").textContent(), "2");
    assert.equal(await page.getByTestId("sum-balance").textContent(), "平衡面板");
    assert.match(await page.getByTestId("data-summary").textContent(), /读取自 面板\.csv.*城市列城市.*年份列年份/);
  } finally {
    await server.stop();
  }
}, { timeout: 120_000 });
