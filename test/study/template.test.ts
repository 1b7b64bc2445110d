import * as fs from "fs";
import * as path from "path";
import { parse } from "csv-parse/sync";
import { readCsv } from "../../src/cli/readCsvCells";
import { defaultStudy } from "../../src/engine/study/defaultStudy";
import { runStudy } from "../../src/engine/study/runStudy";
import { formulaText } from "../../src/engine/study/template/formulas";
import { studyTemplate, TemplateSheet } from "../../src/engine/study/template/studyTemplate";
import { TemplateEvaluator } from "../support/templateEvaluator";

/**
 * The live-formula template reproduces the study: evaluating its cells as Excel would (the
 * custom functions through the add-in's own adapters) gives the numbers of runStudy's
 * Tables 1–7 on the sample panel.
 */
const csv = path.resolve(__dirname, "../../assets/sample/city-panel.csv");
const raw: string[][] = parse(fs.readFileSync(csv), { bom: true });
const header = raw[0];
const dataRows: unknown[][] = [header, ...raw.slice(1).map((r) => r.map((v) => (v === "" ? "" : Number.isFinite(Number(v)) ? Number(v) : v)))];
const def = defaultStudy();
const study = runStudy(readCsv(csv), def, { lang: "en" });
const tpl = studyTemplate(def, { sheet: "Data", names: header, rows: raw.length - 1 }, "en");
const ev = new TemplateEvaluator(tpl, { sheet: "Data", rows: dataRows }, "en");
const sheet = (key: string): TemplateSheet => tpl.sheets.find((s) => s.key === key)!;

/** Column j (1-based model index) of a regression sheet as label → text. */
function modelColumn(s: TemplateSheet, j: number): Map<string, [unknown, unknown]> {
  const labels = s.cells.filter((c) => c.col === 0 && c.row >= 3 && typeof c.value === "string" && !c.italic).sort((a, b) => a.row - b.row);
  const out = new Map<string, [unknown, unknown]>();
  for (const l of labels) if (l.value !== "") out.set(String(l.value), [ev.cell(s.name, l.row, j), ev.cell(s.name, l.row + 1, j)]);
  return out;
}
const coefText = (v: unknown) => parseFloat(String(v).replace(/[*()]/g, ""));
function expectCoef(col: Map<string, [unknown, unknown]>, term: string, b: number, se: number) {
  const [c, s] = col.get(term)!;
  expect(Math.abs(coefText(c) - b)).toBeLessThanOrEqual(Math.max(5e-5, Math.abs(b) * 5e-3));
  expect(Math.abs(coefText(s) - se)).toBeLessThanOrEqual(Math.max(5e-5, Math.abs(se) * 5e-3));
}

describe("study template", () => {
  test("sheets, and every formula renders in both forms", () => {
    expect(tpl.sheets.map((s) => s.name)).toEqual(["Setup", "Vars", "Calc", "Table 1 Index weights", "Table 2 Descriptives", "Table 3 Baseline", "Table 4 IV 2SLS", "Table 5 Robustness", "Table 6 Mechanisms", "Table 7 Heterogeneity"]);
    const t3 = sheet("table3").cells.find((c) => c.formula && c.col === 2)!;
    expect(formulaText(t3.formula!, "addin")).toBe(
      "=CITYPANEL.FEREG('Vars'!$AC$1:$AC$2745,'Vars'!$AD$1:$AK$2745,'Vars'!$A$1:$B$2745,\"robust\",,\"column\",'Table 3 Baseline'!$A$3:$A$25)",
    );
    expect(formulaText(t3.formula!, "file").startsWith("_xldudf_CITYPANEL_FEREG('Vars'!")).toBe(true);
    const zh = studyTemplate(def, { sheet: "数据", names: header, rows: raw.length - 1 }, "zh");
    expect(zh.sheets.map((s) => s.name).slice(0, 4)).toEqual(["设定", "变量", "计算", "表1 指标权重"]);
  });

  test("Vars rebuilds the study variables (inn, ln controls, iv1, cap, ris, ent, inn_infra) as the engine does", () => {
    const vars = sheet("vars");
    const colOf = (name: string) => vars.cells.find((c) => c.row === 1 && c.value === name)!.col;
    for (const name of ["inn", "lndensity", "iv1", "iv2", "cap", "ris", "ent", "inn_infra", "inn_2"]) {
      const expected = study.panel.vars.get(name)!.values;
      const c = colOf(name);
      for (const i of [0, 1, 500, 2743]) expect(ev.cell("Vars", i + 2, c)).toBeCloseTo(expected[i], 10);
    }
  });

  test("Table 1: the weights equal the study's entropy weights", () => {
    const s = sheet("table1");
    const spill = ev.spill(s.cells.find((c) => c.formula && c.col === 0)!);
    expect(spill[0]).toEqual(["indicator", "dimension", "min", "max", "entropy", "divergence", "weight"]);
    spill.slice(1).forEach((r, j) => expect(r[6]).toBeCloseTo(study.panel.entropy.scopes[0].weights[j], 12));
    const dims = ev.spill(s.cells.find((c) => c.formula && c.col === 8)!);
    expect(dims.slice(1).map((r) => r[0])).toEqual(["resources", "knowledge", "performance", "environment", "collaboration"]);
  });

  test("Table 2: the descriptive statistics equal the study's", () => {
    const spill = ev.spill(sheet("table2").cells.find((c) => c.formula)!);
    const t2 = study.tables.find((t) => t.id === "table2")!;
    expect(spill.slice(1).map((r) => r[0])).toEqual(["inn", "digit", "gov", "density", "hum", "fin", "trans", "protect", "unemploy", "cap", "ris", "ent"]);
    spill.slice(1).forEach((r, i) => [1, 2, 3, 4, 5].forEach((k) => expect(r[k]).toBeCloseTo(t2.values[i][k + 2] as number, 10)));
  });

  test("Tables 3–7: every model column matches the study's model (coefficients and SEs to the printed 4 decimals, N)", () => {
    const m = study.models;
    const check = (key: string, tableKey: string, j: number, terms: string[]) => {
      const r = m.get(key)!;
      const col = modelColumn(sheet(tableKey), j);
      for (const term of terms) expectCoef(col, term, r.coef[r.terms.indexOf(term)], r.se[r.terms.indexOf(term)]);
      expect(col.get("N")![0]).toBe(r.nobs);
    };
    const controls = ["gov", "lndensity", "lnhum", "lnfin", "lntrans", "lnprotect", "lnunemploy"];
    check("table3.pooled", "table3", 1, ["digit", ...controls, "_cons"]);
    check("table3.fe", "table3", 2, ["digit", ...controls]);
    check("table4.iv1", "table4", 2, ["digit", ...controls]);
    check("table4.iv2", "table4", 4, ["digit", ...controls]);
    const iv = m.get("table4.iv1")! as import("../../src/engine/iv/iv2sls").Iv2slsResult;
    const first = modelColumn(sheet("table4"), 1);
    const fs1 = iv.firstStages[0];
    expectCoef(first, "iv1", fs1.coef[fs1.terms.indexOf("iv1")], fs1.se[fs1.terms.indexOf("iv1")]);
    const second = modelColumn(sheet("table4"), 2);
    expect(coefText(second.get("Kleibergen-Paap rk LM")![0])).toBeCloseTo(iv.kpLM, 3);
    expect(coefText(second.get("Kleibergen-Paap rk Wald F")![0])).toBeCloseTo(iv.kpF, 3);
    expect(second.get("Kleibergen-Paap rk Wald F")![1]).toBe("{16.38}");
    ["external", "pca", "alt", "drop", "winsor"].forEach((k, j) => check(`table5.${k}`, "table5", j + 1, [k === "alt" ? "digit_alt" : "digit", ...controls]));
    ["cap", "ris", "ent"].forEach((k, j) => check(`table6.${k}`, "table6", j + 1, ["digit", ...controls]));
    ["stage", "size", "inn_infra", "structure"].forEach((k, j) => check(`table7.${k}`, "table7", j + 1, ["digit", `digit_x_${k}`, ...controls]));
  });
});

describe("study template for a leaner definition (clustered SEs, no alternative digit, no external index, no winsorising, no agglomeration)", () => {
  const lean = { ...def, vcov: "cluster" as const, cluster: "city", treatmentAlt: undefined, robustness: { dropGroupsWithAtMost: undefined }, columns: { city: "city", year: "year" } };
  const leanStudy = runStudy(readCsv(csv), lean, { lang: "zh", tables: ["table3", "table5", "table7"] });
  const leanTpl = studyTemplate(lean, { sheet: "数据", names: header, rows: raw.length - 1 }, "zh");
  const leanEv = new TemplateEvaluator(leanTpl, { sheet: "数据", rows: dataRows }, "zh");

  test("Table 5 has only the PCA column; Tables 3 and 7 match the clustered models, with Chinese labels", () => {
    const t5 = leanTpl.sheets.find((s) => s.key === "table5")!;
    expect(t5.cells.filter((c) => c.formula)).toHaveLength(1);
    for (const [key, tableKey, j] of [["table3.fe", "table3", 2], ["table5.pca", "table5", 1], ["table7.size", "table7", 2]] as const) {
      const s = leanTpl.sheets.find((x) => x.key === tableKey)!;
      const r = leanStudy.models.get(key)!;
      expect(r.vcov).toBe("cluster");
      const labels = s.cells.filter((c) => c.col === 0 && c.row >= 3 && !c.italic && c.value !== "").sort((a, b) => a.row - b.row);
      const at = (term: string) => labels.find((l) => l.value === term)!.row;
      const k = r.terms.indexOf("digit");
      expect(coefText(leanEv.cell(s.name, at("digit"), j))).toBeCloseTo(r.coef[k], 4);
      expect(coefText(leanEv.cell(s.name, at("digit") + 1, j))).toBeCloseTo(r.se[k], 4);
      expect(leanEv.cell(s.name, at("样本量"), j)).toBe(r.nobs);
    }
    expect(formulaText(leanTpl.sheets.find((s) => s.key === "table3")!.cells.find((c) => c.formula && c.col === 2)!.formula!, "addin")).toContain('"cluster",\'变量\'!$A$1:$A$2745');
  });
});
