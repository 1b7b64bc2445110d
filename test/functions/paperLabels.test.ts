import * as path from "path";
import { readCsv } from "../../src/cli/readCsvCells";
import { IdColumn, NumericColumn } from "../../src/engine/data/columns";
import { Lang } from "../../src/engine/i18n/lang";
import { defaultStudy } from "../../src/engine/study/defaultStudy";
import { designOf, TableId } from "../../src/engine/study/design/studyDesign";
import { runStudy } from "../../src/engine/study/runStudy";
import { sampleOf } from "../../src/engine/study/tables/estimateSpec";
import { feregSpill } from "../../src/functions/adapters/fereg";
import { iv2slsSpill } from "../../src/functions/adapters/iv2sls";

/**
 * The regression functions aligned to the paper's row labels (the first column of results.xlsx's
 * Tables 3–7, en and zh) give, row for row, the text results.xlsx prints: coefficients with
 * stars, SE beneath, 常数项, 控制变量 控制/未控制, fixed effects, 工具变量, KP statistics on one
 * line in the first-stage columns, 样本量 and R²（整体）(a number shown with 4 decimals).
 */
const csv = path.resolve(__dirname, "../../assets/sample/city-panel.csv");
const def = defaultStudy();
const data = readCsv(csv);
const studies = { en: runStudy(data, def, { lang: "en" }), zh: runStudy(data, def, { lang: "zh" }) };

/** A worksheet range as Excel passes it: a header row, then one row per observation ("" when missing). */
const cells = (cols: readonly NumericColumn[], headers = cols.map((c) => c.name)): unknown[][] =>
  [headers, ...Array.from({ length: cols[0].values.length }, (_, i) => cols.map((c) => (Number.isFinite(c.values[i]) ? c.values[i] : "")))];
const idCells = (ids: readonly IdColumn[]): unknown[][] =>
  [ids.map((c) => c.name), ...Array.from({ length: ids[0].codes.length }, (_, i) => ids.map((c) => c.levels[c.codes[i]]))];
/** A spilled cell as the sheet shows it: R² numbers with the "0.0000" format. */
const shown = (v: unknown, label: string): string => (typeof v === "number" && /R²/.test(label) ? v.toFixed(4) : String(v));

describe.each(["en", "zh"] as const)("FEREG / IV2SLS aligned to results.xlsx's row labels (%s)", (lang: Lang) => {
  const study = studies[lang];
  test.each(["table3", "table4", "table5", "table6", "table7"] as TableId[])("%s: every model column equals results.xlsx's, cell for cell", (id) => {
    const tbl = study.tables.find((t) => t.id === id)!;
    const labels = tbl.body.map((r) => [r[0]]);
    designOf(id).regression!.models(def).forEach((spec, j) => {
      const p = sampleOf(spec.sample, study.panel, [spec.outcome, ...(spec.endogenous ?? []), ...spec.regressors]);
      const v = (n: string) => p.vars.get(n)!;
      const y = cells([v(spec.outcome)]);
      // a regressor shown on another variable's row (Table 5's alternative digit) is headed by that row's name
      const x = cells(spec.regressors.map(v), spec.regressors.map((n) => spec.rowAs?.[n] ?? n));
      const fe = spec.fe ? idCells([p.city, p.year]) : null;
      const spill = spec.estimator === "fereg"
        ? feregSpill(y, x, fe, def.vcov, null, "column", lang, undefined, labels)
        : iv2slsSpill(y, cells(spec.endogenous!.map(v)), cells(spec.instruments!.map(v)), x, fe, def.vcov, null, spec.stage === "first" ? "first" : "column", lang, undefined, labels);
      expect(spill.map((r, i) => shown(r[0], tbl.body[i][0]))).toEqual(tbl.body.map((r) => r[j + 1]));
    });
  });
});

describe("the paper's label rules, exact strings", () => {
  const zh = studies.zh.tables;
  test("zh Table 3: digit, 常数项, 城市固定效应 未控制/控制 as results.xlsx prints them", () => {
    const t3 = zh.find((t) => t.id === "table3")!;
    const row = (l: string) => t3.body.find((r) => r[0] === l)!;
    expect(row("digit")).toEqual(["digit", "0.4200***", "0.7190***"]);
    expect(t3.body[t3.body.indexOf(row("digit")) + 1]).toEqual(["", "(0.0080)", "(0.0483)"]);
    expect(row("常数项")[2]).toBe("-0.1968***");
    expect(row("城市固定效应")).toEqual(["城市固定效应", "未控制", "控制"]);
  });
  test("zh Table 4: the IV_1 first stage's 工具变量 and KP rows on one line", () => {
    const t4 = zh.find((t) => t.id === "table4")!;
    const at = (l: string) => t4.body.findIndex((r) => r[0] === l);
    expect(t4.body[at("工具变量")][1]).toBe("-0.0000012***");
    expect(t4.body[at("工具变量") + 1][1]).toBe("(0.000000049)");
    expect(t4.body[at("Kleibergen-Paap rk LM")][1]).toBe("252.5141 [0.0000]");
    expect(t4.body[at("Kleibergen-Paap Wald rk F")][1]).toBe("655.8783 {16.3800}");
    expect(t4.body[at("Kleibergen-Paap Wald rk F")][2]).toBe("");
  });

  const p = studies.en.panel;
  const v = (n: string) => p.vars.get(n)!;
  const controls = ["gov", "lndensity", "lnhum", "lnfin", "lntrans", "lnprotect", "lnunemploy"];
  const iv = (output: string, labels: unknown[][]) =>
    iv2slsSpill(cells([v("inn")]), cells([v("digit")]), cells([v("iv1")]), cells(controls.map(v)), idCells([p.city, p.year]), "robust", null, output, "en", undefined, labels);

  test("KP rows: one line in a first stage, blank in a second stage, two lines when a blank label follows (either output)", () => {
    const oneLine = [["Kleibergen-Paap rk LM"], ["Kleibergen-Paap rk Wald F"]];
    expect(iv("first", oneLine)).toEqual([["252.5141 [0.0000]"], ["655.8783 {16.3800}"]]);
    expect(iv("column", oneLine)).toEqual([[""], [""]]);
    const twoLines = [["Kleibergen-Paap rk LM"], [""], ["Kleibergen-Paap rk Wald F"], [""]];
    expect(iv("column", twoLines)).toEqual([["252.514"], ["[0.0000]"], ["655.878"], ["{16.38}"]]);
    expect(iv("first", twoLines)).toEqual(iv("column", twoLines));
  });

  test("Controls: Yes when some regressor has no row; No when every regressor is named; FE rows without fe say No", () => {
    const y = cells([v("inn")]);
    const x = cells([v("digit"), v("gov")]);
    expect(feregSpill(y, x, null, "robust", null, "column", "zh", undefined, [["digit"], ["控制变量"], ["城市固定效应"], ["年份固定效应"]]).map((r) => r[0])).toEqual([expect.stringMatching(/\*/), "控制", "未控制", "未控制"]);
    expect(feregSpill(y, x, null, "robust", null, "column", "en", undefined, [["digit"], ["gov"], ["Controls"], ["year FE"]]).map((r) => r[0]).slice(2)).toEqual(["No", "No"]);
    expect(feregSpill(y, x, idCells([p.city]), "robust", null, "column", "en", undefined, [["City FE"], ["Year FE"], ["city FE"]]).map((r) => r[0])).toEqual(["Yes", "No", "Yes"]);
  });

  test("case, spaces and × : \"LN Density\" ↔ lndensity, \"digit × gov\" ↔ digit_x_gov; R² (within)", () => {
    const prod = { name: "digit_x_gov", values: v("digit").values.map((d, i) => d * v("gov").values[i]) };
    const s = feregSpill(cells([v("inn")]), cells([v("digit"), prod, v("lndensity")]), idCells([p.city, p.year]), "robust", null, "column", "en", undefined,
      [["LN Density"], [""], ["digit × gov"], [""], ["R² (within)"], ["Observations"]]).map((r) => r[0]);
    expect(s[0]).toMatch(/^-?\d+\.\d{4}\**$/);
    expect(s[1]).toMatch(/^\(\d+\.\d{4}\)$/);
    expect(s[2]).toMatch(/^-?\d+\.\d{4}\**$/);
    expect(typeof s[4]).toBe("number");
    expect(s[5]).toBe(2744);
  });
});
