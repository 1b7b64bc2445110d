/**
 * The command line's screenshot for the READMEs (docs/images/cli.png, cli-zh.png): the real
 * output of `citypanel study` on the sample panel (Table 3), drawn as a terminal. The add-in's
 * and the web app's README images come from taskpane-flow.browser.js and webapp.browser.js.
 */
"use strict";
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { test, ROOT, docImage } = require("./lib/harness");

const escapeHtml = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

for (const lang of ["en", "zh"]) {
  test(`README image of the command line (${lang})`, async ({ assert, openPage, log }) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "citypanel-cli-"));
    const args = ["study", "--tables", "table3", "--out", "results.xlsx", ...(lang === "zh" ? ["--lang", "zh"] : [])];
    const out = execFileSync(process.execPath, [path.join(ROOT, "bin/citypanel.js"), ...args], { cwd: dir, encoding: "utf8" });
    fs.rmSync(dir, { recursive: true, force: true });
    const shown = out.split(dir).join(lang === "zh" ? "D:\\数据" : "C:\\Users\\me\\study").replace(/\/results\.xlsx/g, "\\results.xlsx");
    assert.match(shown, lang === "zh" ? /表3/ : /Table 3/);
    const prompt = lang === "zh" ? "D:\\数据>" : "C:\\Users\\me\\study>";
    const { page } = await openPage("app.html", { waitForOffice: false, viewport: { width: 900, height: 780 } });
    await page.setContent(
      `<!doctype html><meta charset="utf-8"><body style="margin:0;background:#0c0c0c">` +
        `<pre style="margin:0;padding:14px 16px;color:#cccccc;font:13px/1.35 'DejaVu Sans Mono','Noto Sans Mono CJK SC',monospace;white-space:pre">` +
        `<span style="color:#9cdcfe">${escapeHtml(prompt)}</span> npx citypanel ${escapeHtml(args.join(" "))}\n${escapeHtml(shown.trimEnd())}</pre></body>`,
    );
    log(`docs/images/${lang === "zh" ? "cli-zh" : "cli"}.png: ${shown.split("\n").length} lines`);
    await docImage(page, lang === "zh" ? "cli-zh" : "cli");
  });
}
