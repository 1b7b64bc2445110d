/**
 * The browser-test harness: a registry of tests and the context each test gets.
 *
 * A test file (test/browser/<topic>.browser.js) registers tests:
 *
 *   const { test } = require("./lib/harness");
 *   test("taskpane renders", async ({ openPage, assert, screenshot }) => {
 *     const { page } = await openPage("taskpane.html");
 *     ...
 *   });
 *
 * Context given to each test:
 *   assert          node:assert/strict
 *   dist            absolute path of the built add-in (dist/)
 *   baseUrl         http://127.0.0.1:<port>/ serving dist/
 *   openPage(path, {locale, viewport, waitForOffice, initScripts})
 *                   launches a fresh headless chromium profile (Debian's /usr/bin/chromium), opens
 *                   baseUrl + path and resolves {page, context, requests, consoleMessages, pageErrors}.
 *                   With waitForOffice (default true) it also waits for Office.onReady; initScripts
 *                   (functions) run in every page before its own scripts.
 *   screenshot(page, name)   saves test-artifacts/browser/<name>.png and returns its path
 *   log(...)        prints an indented line under the test's name
 *
 * Checked after every test, whatever the test does: no request left 127.0.0.1/localhost (external
 * requests are also aborted), and no uncaught error in any page (opt out per page with
 * openPage(path, {allowPageErrors: true})).
 */
"use strict";
const assert = require("node:assert/strict");
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.resolve(__dirname, "../../..");
const DIST = path.join(ROOT, "dist");
const ARTIFACTS = path.join(ROOT, "test-artifacts", "browser");
const DOC_IMAGES = path.join(ROOT, "docs", "images");
const CHROMIUM = process.env.CITYPANEL_CHROMIUM || "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);
const LOCAL_SCHEMES = new Set(["data:", "blob:", "about:"]);

const registry = [];
let currentFile = "";

/** Registers a test. `options.timeout` in ms (default 60 s). */
function test(name, fn, options = {}) {
  registry.push({ file: currentFile, name, fn, timeout: options.timeout ?? 60_000 });
}

function setCurrentFile(file) {
  currentFile = file;
}

/** True when a request URL stays on this machine. */
function isLocal(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (LOCAL_SCHEMES.has(u.protocol)) return true;
  return (u.protocol === "http:" || u.protocol === "https:") && LOCAL_HOSTS.has(u.hostname);
}

/** Builds the per-test context; `cleanup()` closes browsers and runs the after-test checks. */
function makeContext({ baseUrl, log }) {
  const opened = [];
  const ctx = {
    assert,
    dist: DIST,
    baseUrl,
    log,
    async openPage(pathname, options = {}) {
      const { chromium } = require("playwright-core");
      const profile = fs.mkdtempSync(path.join(os.tmpdir(), "citypanel-chromium-"));
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_ARGS,
        locale: options.locale ?? "en-US",
        viewport: options.viewport ?? { width: 420, height: 640 },
      });
      const record = {
        page: null,
        context,
        profile,
        requests: [],
        external: [],
        consoleMessages: [],
        pageErrors: [],
        allowPageErrors: !!options.allowPageErrors,
      };
      opened.push(record);
      context.on("request", (req) => {
        record.requests.push(req.url());
        if (!isLocal(req.url())) record.external.push(req.url());
      });
      for (const script of options.initScripts ?? []) await context.addInitScript(script);
      await context.route("**/*", (route) => (isLocal(route.request().url()) ? route.continue() : route.abort("blockedbyclient")));
      const page = context.pages()[0] ?? (await context.newPage());
      record.page = page;
      page.on("console", (m) => record.consoleMessages.push(`[${m.type()}] ${m.text()}`));
      page.on("pageerror", (e) => record.pageErrors.push(e.stack || String(e)));
      await page.goto(new URL(pathname, baseUrl).href, { waitUntil: "load" });
      if (options.waitForOffice ?? true) {
        await page.waitForFunction(() => typeof Office !== "undefined" && typeof Office.onReady === "function", null, {
          timeout: 15_000,
        });
        record.officeInfo = await page.evaluate(() => Office.onReady().then((info) => ({ ...info })));
      }
      return record;
    },
    async screenshot(page, name) {
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      const file = path.join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
  };
  async function cleanup(failed) {
    const problems = [];
    for (const r of opened) {
      if (r.external.length) problems.push(`requests left this machine:\n      ${[...new Set(r.external)].join("\n      ")}`);
      if (r.pageErrors.length && !r.allowPageErrors) problems.push(`uncaught errors in the page:\n      ${r.pageErrors.join("\n      ")}`);
      if ((failed || problems.length) && r.consoleMessages.length)
        log(`console of ${r.page ? r.page.url() : "page"}:\n      ${r.consoleMessages.join("\n      ")}`);
      await r.context.close().catch(() => {});
      fs.rmSync(r.profile, { recursive: true, force: true });
    }
    return problems;
  }
  return { ctx, cleanup };
}

/**
 * A README screenshot: the visible part of the page (not the full page, to keep the file small),
 * written to docs/images/<name>.png — the images the READMEs show, regenerated by every run — and
 * to test-artifacts/browser/doc-<name>.png.
 */
async function docImage(page, name) {
  fs.mkdirSync(DOC_IMAGES, { recursive: true });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const png = await page.screenshot({ fullPage: false, animations: "disabled", caret: "hide" });
  fs.writeFileSync(path.join(DOC_IMAGES, `${name}.png`), png);
  fs.writeFileSync(path.join(ARTIFACTS, `doc-${name}.png`), png);
  return path.join(DOC_IMAGES, `${name}.png`);
}

module.exports = {
  test,
  docImage,
  registry,
  setCurrentFile,
  makeContext,
  isLocal,
  ROOT,
  DIST,
  ARTIFACTS,
  CHROMIUM,
};
