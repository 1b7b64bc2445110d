/**
 * Smoke test of the built task pane page in headless chromium with the local office.js: the page
 * loads, Office.onReady resolves, the title renders in the browser's language, and every custom
 * function of functions.json is associated in this (shared) runtime and can be called.
 */
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { test, ROOT } = require("./lib/harness");
const { disableOfficeJsTelemetryFrame } = require("./lib/excelStandIn");

const VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version;

test("taskpane.html renders the title and registers every custom function", async ({ assert, dist, openPage, screenshot, log }) => {
  const { page, officeInfo, requests } = await openPage("taskpane.html", { locale: "en-US", initScripts: [disableOfficeJsTelemetryFrame] });
  assert.ok(officeInfo, "Office.onReady did not resolve");
  const title = page.locator("#citypanel-title");
  await title.waitFor({ timeout: 10_000 });
  assert.equal(await title.textContent(), "CityPanel");

  const ids = JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8")).functions.map((f) => f.id);
  await page.waitForFunction(
    (want) => want.every((id) => typeof CustomFunctions._association.mappings[id] === "function"),
    ids,
    { timeout: 10_000 },
  );
  const registered = await page.evaluate(() => Object.keys(CustomFunctions._association.mappings).sort());
  assert.deepEqual(registered, [...ids].sort(), "associated functions differ from functions.json");

  const version = await page.evaluate(async () => await CustomFunctions._association.mappings.ENGINEVERSION());
  assert.equal(version, VERSION);

  assert.ok(requests.some((u) => u.endsWith("/office-js/office.js")), "office.js was not loaded from dist/");
  log(`screenshot ${path.relative(ROOT, await screenshot(page, "taskpane-en"))}`);
});

test("one product name in both languages: CityPanel with the zh subtitle when the display language is zh-CN", async ({ assert, openPage, screenshot, log }) => {
  const { page } = await openPage("taskpane.html", { locale: "zh-CN", initScripts: [disableOfficeJsTelemetryFrame] });
  const title = page.locator("#citypanel-title");
  await title.waitFor({ timeout: 10_000 });
  assert.equal(await title.textContent(), "CityPanel");
  assert.equal(await page.locator("#citypanel-subtitle").textContent(), "城市面板计量");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "zh-CN");
  // without a CJK font chromium draws boxes; the screenshot is only useful with one installed
  const fonts = spawnSync("fc-list", [":lang=zh", "family"], { encoding: "utf8" });
  assert.ok(!fonts.error && fonts.stdout.trim() !== "", "no Chinese font installed: apt-get install fonts-noto-cjk");
  log(`screenshot ${path.relative(ROOT, await screenshot(page, "taskpane-zh-CN"))}`);
});
