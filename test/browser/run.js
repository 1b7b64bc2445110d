#!/usr/bin/env node
/**
 * Runner of the browser tests of the built add-in (not jest): runs every test/browser/*.browser.js
 * against dist/ (built by `npm run build:test`, i.e. with a local office.js) served on 127.0.0.1,
 * in Debian's headless chromium, with no network.
 *
 *   npm run test:browser                       build, then run everything
 *   node test/browser/run.js [filter ...]      run tests whose file or name contains a filter
 *
 * Ends with the line "N passed, M failed"; exits 1 when a test fails or nothing ran.
 * To add tests: drop a <topic>.browser.js beside this file (see lib/harness.js for the API).
 */
"use strict";
const fs = require("fs");
const path = require("path");
const harness = require("./lib/harness");
const { serve } = require("./lib/server");

function preflight() {
  const problems = [];
  if (!fs.existsSync(harness.CHROMIUM))
    problems.push(
      `${harness.CHROMIUM} not found. The browser tests need Debian's Chromium and a CJK font:\n` +
        "    sudo apt-get install chromium fonts-noto-cjk\n" +
        "  (or set CITYPANEL_CHROMIUM to another Chromium executable)",
    );
  const needed = ["taskpane.html", "functions.json", "office-js/office.js"];
  const missing = needed.filter((f) => !fs.existsSync(path.join(harness.DIST, f)));
  if (missing.length)
    problems.push(
      `dist/ lacks ${missing.join(", ")}. Build it with a local office.js first: npm run build:test ` +
        "(npm run test:browser does both)",
    );
  return problems;
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

async function main() {
  const filters = process.argv.slice(2);
  const problems = preflight();
  if (problems.length) {
    for (const p of problems) console.error(`test:browser: ${p}`);
    console.log("0 passed, 1 failed");
    process.exit(1);
  }

  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith(".browser.js"))
    .sort();
  for (const f of files) {
    harness.setCurrentFile(f);
    require(path.join(__dirname, f));
  }
  const tests = harness.registry.filter(
    (t) => filters.length === 0 || filters.some((q) => t.file.includes(q) || t.name.includes(q)),
  );

  const server = await serve(harness.DIST);
  console.log(`browser tests: ${tests.length} test(s) in ${files.length} file(s), dist/ on ${server.url}, ${harness.CHROMIUM}`);
  let passed = 0;
  let failed = 0;
  for (const t of tests) {
    const started = Date.now();
    const lines = [];
    const log = (...args) => lines.push(`    ${args.join(" ")}`);
    const { ctx, cleanup } = harness.makeContext({ baseUrl: server.url, log });
    let error = null;
    try {
      await withTimeout(Promise.resolve().then(() => t.fn(ctx)), t.timeout, `"${t.name}"`);
    } catch (e) {
      error = e;
    }
    const after = await cleanup(!!error);
    if (!error && after.length) error = new Error(after.join("\n    "));
    const ms = Date.now() - started;
    if (error) {
      failed++;
      console.log(`  ✗ ${t.file} › ${t.name} (${ms} ms)`);
      for (const l of lines) console.log(l);
      console.log(`    ${String(error.stack || error).split("\n").join("\n    ")}`);
    } else {
      passed++;
      console.log(`  ✓ ${t.file} › ${t.name} (${ms} ms)`);
      for (const l of lines) console.log(l);
    }
  }
  await server.close();
  if (tests.length === 0) {
    console.error(`test:browser: no tests matched${filters.length ? ` ${filters.join(" ")}` : ""}`);
    failed = Math.max(failed, 1);
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  console.log("0 passed, 1 failed");
  process.exit(1);
});
