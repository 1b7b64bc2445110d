/**
 * The custom functions in the built add-in (dist/), in headless chromium with the local office.js:
 * each function registered in the shared runtime (CustomFunctions._association, as Excel would
 * call it) is called with worksheet-like cell arrays — header rows, numbers, text ids, error
 * cells — and must spill the expected table. Expected values come from the reference results
 * (test/fixtures/reference, computed by fixest / R / numpy), the same numbers the jest adapter tests use.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { test, ROOT } = require("./lib/harness");
const { disableOfficeJsTelemetryFrame } = require("./lib/excelStandIn");

const REF = path.resolve(ROOT, "test/fixtures/reference");
const ref = JSON.parse(fs.readFileSync(path.join(REF, "results/panel_public.json"), "utf8"));

/** The reference panel as cell ranges: {name: [[header], [v], …]} (numbers as numbers). */
function panelRanges() {
  const lines = fs.readFileSync(path.join(REF, "data/panel_public.csv"), "utf8").trim().split(/\r?\n/);
  const names = lines[0].split(",");
  const rows = lines.slice(1).map((l) => l.split(",").map(Number));
  return (cols) => [cols, ...rows.map((r) => cols.map((c) => r[names.indexOf(c)]))];
}
const CONTROLS = ["gov", "lndensity", "lnhum", "lnfin", "lntrans", "lnprotect", "lnunemploy"];
const IND = Array.from({ length: 25 }, (_, j) => `ind${String(j + 1).padStart(2, "0")}`);
const NEG = ["ind04", "ind09", "ind15", "ind20", "ind25"];

const near = (assert, got, want, tol, what) =>
  assert.ok(typeof got === "number" && Math.abs(got - want) <= tol * Math.max(Math.abs(want), 1e-300), `${what}: got ${got}, want ${want}`);

/** Calls registered functions inside the page; returns {value} or {error: {code, message, isCfError}} per call. */
async function callAll(page, calls) {
  return page.evaluate(async (calls) => {
    const out = {};
    for (const [key, id, args] of calls) {
      const fn = window.__citypanelMappings[id];
      if (typeof fn !== "function") {
        out[key] = { missing: true };
        continue;
      }
      try {
        out[key] = { value: await fn(...args) };
      } catch (e) {
        out[key] = { error: { code: e.code, message: e.message, isCfError: e instanceof CustomFunctions.Error } };
      }
    }
    return out;
  }, calls);
}

/**
 * Opens the add-in page and waits until every function of functions.json is associated.
 * Outside Excel, office.js defines only CustomFunctions.associate; inside Excel the host's
 * custom-functions runtime adds CustomFunctions.Error and ErrorCode. Loading Microsoft's copy of
 * that runtime here re-initialises office.js (it reloads scripts and calls telemetry outside this
 * machine), so the test adds a stand-in with the runtime's shape instead: ErrorCode values as in
 * custom-functions-runtime.js ("#VALUE!", "#N/A", …) and an Error class carrying `code` and
 * `message` — the two fields the runtime reads from a thrown CustomFunctions.Error.
 */
async function openFunctions(openPage, dist) {
  const record = await openPage("taskpane.html", { locale: "en-US", initScripts: [disableOfficeJsTelemetryFrame] });
  const ids = JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8")).functions.map((f) => f.id);
  await record.page.waitForFunction(
    (want) => want.every((id) => typeof CustomFunctions._association.mappings[id] === "function"),
    ids,
    { timeout: 10_000 },
  );
  const associated = await record.page.evaluate(() => {
    window.__citypanelMappings = { ...CustomFunctions._association.mappings };
    if (typeof CustomFunctions.Error !== "function") {
      CustomFunctions.ErrorCode = {
        invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!",
        nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!",
      };
      CustomFunctions.Error = class CustomFunctionError extends Error {
        constructor(code, message) {
          super(message || "");
          this.code = code || "#VALUE!";
          this.type = "Error";
        }
      };
    }
    return Object.keys(window.__citypanelMappings).sort();
  });
  return { ...record, ids, associated };
}

function assertSpill(assert, key, s) {
  assert.ok(Array.isArray(s) && s.length >= 2 && Array.isArray(s[0]), `${key}: not a 2-D spill with a header row: ${JSON.stringify(s)?.slice(0, 200)}`);
  const w = s[0].length;
  for (const r of s) {
    assert.equal(r.length, w, `${key}: ragged spill`);
    for (const v of r) assert.ok(v !== null && v !== undefined, `${key}: null/undefined cell (shows as 0 in Excel)`);
  }
}

/** Calls, checks none failed and every spill is well formed; returns key → spill. */
const calledIds = new Set();
async function spills(assert, page, calls) {
  const res = await callAll(page, calls);
  for (const [key, id] of calls) {
    assert.ok(!res[key].missing, `${key} is not registered`);
    assert.ok(!res[key].error, `${key} failed: ${JSON.stringify(res[key].error)}`);
    if (id !== "ENGINEVERSION") assertSpill(assert, key, res[key].value);
    calledIds.add(id);
  }
  return (k) => res[k].value;
}
// office.js outside Office calls a telemetry page a few seconds after load (the harness fails any
// request leaving the machine): openFunctions switches that frame off before office.js runs.

test("FEREG and IV2SLS spill the reference panel's tables from cell arrays (computed in functions.worker.js)", async ({ assert, dist, openPage, log }) => {
  const { page, ids, associated, requests } = await openFunctions(openPage, dist);
  assert.deepEqual(associated, [...ids].sort(), "associated functions differ from functions.json");
  const r = panelRanges();
  const y = r(["inn"]);
  const x = r(["digit", ...CONTROLS]);
  const fe = r(["city", "year"]);
  const iv = [y, r(["digit"]), r(["iv1"]), r(CONTROLS), fe];
  const started = Date.now();
  const v = await spills(assert, page, [
    ["ENGINEVERSION", "ENGINEVERSION", []],
    ["FEREG", "FEREG", [y, x, fe, "robust"]],
    ["FEREG column", "FEREG", [y, x, fe, null, null, "column"]],
    ["IV2SLS", "IV2SLS", iv],
    ["IV2SLS column", "IV2SLS", [...iv, null, null, "column"]],
    ["IV2SLS first", "IV2SLS", [...iv, null, null, "first"]],
  ]);
  log(`5 regressions on 2744 rows in ${Date.now() - started} ms (incl. transfer)`);
  assert.equal(typeof v("ENGINEVERSION"), "string");

  const ols = ref.ols.twfe_inn_digit_controls;
  const fer = v("FEREG");
  assert.deepEqual(fer[0], ["variable", "coef", "se", "t", "p", "stars"]);
  for (const [j, n] of ["digit", ...CONTROLS].entries()) {
    assert.equal(fer[1 + j][0], n);
    near(assert, fer[1 + j][1], ols.coef[n], 1e-9, `FEREG coef ${n}`);
    near(assert, fer[1 + j][2], ols.se.hc1[n], 1e-8, `FEREG se ${n}`);
  }
  const ferRows = new Map(fer.map((row) => [row[0], row]));
  assert.equal(ferRows.get("N")[1], 2744);
  near(assert, ferRows.get("within R²")[1], ols.r2_within, 1e-10, "within R²");
  assert.deepEqual(v("FEREG column").slice(0, 3), [["inn"], ["1.4120***"], ["(0.0677)"]]);

  const ref1 = ref.iv.twfe_iv_iv1;
  const ivt = v("IV2SLS");
  assert.deepEqual(ivt[0].slice(0, 2), ["second stage", "inn"]);
  assert.equal(ivt[2][0], "digit");
  near(assert, ivt[2][1], ref1.coef.digit, 1e-8, "IV2SLS digit");
  const ivRows = new Map(ivt.map((row) => [row[0], row]));
  near(assert, ivRows.get("Kleibergen-Paap rk Wald F")[1], ref1.weak_identification.robust.kp_rk_wald_F, 1e-8, "KP F");
  assert.deepEqual(v("IV2SLS column").slice(-7).map((c) => c[0]), ["Yes", "Yes", "79.796", "[0.0000]", "294.563", "{16.38}", 2744]);
  assert.deepEqual(v("IV2SLS first").slice(0, 2).map((c) => c[0]), ["digit", "-0.000016***"]);
  // the regressions ran off the page's main thread: the functions worker was loaded from dist/
  assert.ok(requests.some((u) => /\/functions\.worker\.js$/.test(u)), "functions.worker.js was not loaded");
});

test("the index and data functions spill the expected tables; every registered function was called", async ({ assert, dist, openPage, log }) => {
  const { page, ids } = await openFunctions(openPage, dist);
  const r = panelRanges();
  const v = await spills(assert, page, [
    ["ENTROPYWEIGHTS", "ENTROPYWEIGHTS", [r(IND), [NEG]]],
    ["PCAINDEX", "PCAINDEX", [r(IND), [[NEG.join(",")]]]],
    ["LOCQUOT", "LOCQUOT", [r(["F"]), r(["K"]), r(["year"])]],
    ["INDSTRUCT", "INDSTRUCT", [[["s1", "s2", "s3"], [0.1, 0.4, 0.5], [0.1, 0.45, 0.45], ["", 0.5, 0.5]]]],
    ["COUPLING", "COUPLING", [[[0.4, 0.1], [0.5, 0.5]], null, "all"]],
    ["INTERACT", "INTERACT", [[["digit"], [1], [2], [3]], [["stage"], [2], [2], [5]]]],
    ["WINSOR", "WINSOR", [r(["inn"])]],
    ["DESCSTATS", "DESCSTATS", [[["inn"], [1], [""], [{ type: "Error", errorCode: "#N/A" }], ["3"]]]],
  ]);
  const ew = v("ENTROPYWEIGHTS");
  assert.deepEqual(ew[0], ["indicator", "min", "max", "entropy", "divergence", "weight"]);
  for (const row of ew.slice(1)) near(assert, row[5], ref.entropy.weights[row[0]], 1e-10, `weight ${row[0]}`);

  const pca = v("PCAINDEX");
  assert.deepEqual(pca[0], ["index"]);
  assert.equal(pca.length, 2745);
  ref.pca.composite_eig_gt_1_first5.forEach((w, i) => near(assert, pca[1 + i][0], w, 1e-8, `PCA row ${i}`));

  const lq = v("LOCQUOT");
  assert.deepEqual(lq[0], ["LQ"]);
  ref.location_quotient.first10.forEach((w, i) => near(assert, lq[1 + i][0], w, 1e-10, `LQ row ${i}`));

  assert.deepEqual(v("INDSTRUCT"), [["ris"], [2.4], [2.35], [""]]);
  const cp = v("COUPLING");
  assert.deepEqual(cp[0], ["C", "T", "D"]);
  near(assert, cp[1][0], 0.8, 1e-12, "C");
  assert.deepEqual(v("INTERACT"), [["digit×stage"], [2], [4], [15]]);
  const w = v("WINSOR");
  ref.winsor_1_99.inn.first5_w_stata.forEach((want, i) => near(assert, w[1 + i][0], want, 1e-12, `WINSOR row ${i}`));
  assert.deepEqual(v("DESCSTATS").slice(0, 2).map((row) => row.slice(0, 4)), [["variable", "N", "mean", "sd"], ["inn", 2, 2, Math.SQRT2]]);

  assert.deepEqual([...calledIds].sort(), [...ids].sort(), "the tests must call every registered function");
  log(`${calledIds.size} registered functions called`);
});

test("bad input gives CustomFunctions.Error #VALUE! / #N/A with the message", async ({ assert, dist, openPage }) => {
  const { page } = await openFunctions(openPage, dist);
  const r = panelRanges();
  const y = r(["inn"]).slice(0, 60);
  const res = await callAll(page, [
    ["two-column y", "FEREG", [r(["inn", "digit"]).slice(0, 60), r(["gov"]).slice(0, 60)]],
    ["short x", "FEREG", [y, r(["gov"]).slice(0, 59)]],
    ["text", "LOCQUOT", [[["F"], [1], ["abc"]], [["K"], [2], [3]]]],
    ["missing id", "FEREG", [y, r(["gov"]).slice(0, 60), [["city"], ...r(["city"]).slice(1, 59), [""]]]],
    ["no first stage 2", "IV2SLS", [r(["inn"]), r(["digit"]), r(["iv1"]), null, r(["city", "year"]), null, null, "first2"]],
  ]);
  const want = {
    "two-column y": ["#VALUE!", "y must be a single column, got 2 columns: put the outcome in one column"],
    "short x": ["#VALUE!", "x has 58 data rows but the first range has 59: select ranges of the same height (with or without a header row in all of them)"],
    text: ["#VALUE!", 'column "F", row 3: "abc" is not a number'],
    "missing id": ["#VALUE!", 'fe "city", row 60: the id is missing but inn has a value there: fill in the id, or clear the row\'s data to leave it out'],
    "no first stage 2": ["#N/A", "there is no first stage 2: the model has 1 endogenous regressor(s)"],
  };
  for (const [k, [code, message]] of Object.entries(want)) {
    assert.ok(res[k].error, `${k}: expected an error, got ${JSON.stringify(res[k]).slice(0, 200)}`);
    assert.equal(res[k].error.isCfError, true, `${k}: not a CustomFunctions.Error`);
    assert.equal(res[k].error.code, code, `${k}: code`);
    assert.equal(res[k].error.message, message, `${k}: message`);
  }

  // Excel in Chinese: Office.context.displayLanguage "zh-CN" → Chinese messages
  await page.evaluate(() => Object.defineProperty(Office.context, "displayLanguage", { value: "zh-CN", configurable: true }));
  const zh = await callAll(page, [["text", "LOCQUOT", [[["F"], [1], ["abc"]], [["K"], [2], [3]]]], ["table", "DESCSTATS", [[["inn"], [1], [2]]]]]);
  assert.deepEqual([zh.text.error.code, zh.text.error.message], ["#VALUE!", "列“F”第 3 行：“abc”不是数值"]);
  assert.deepEqual(zh.table.value[0].slice(0, 3), ["变量", "样本量", "均值"]);
});
