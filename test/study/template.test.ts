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
/** The row label of a term in the paper's words. */
const labelOf = (term: string): string => (term === "_cons" ? "Constant" : term.startsWith("ln") ? `ln ${term.slice(2)}` : term.replace(/_x_/, " × "));

/** Column j (1-based model index) of a regression sheet as label → text. */
function modelColumn(s: TemplateSheet, j: number): Map<string, [unknown, unknown]> {
  const b0 = s.journal!.header.length + 3;
  const labels = s.cells.filter((c) => c.col === 0 && c.row >= b0 && c.row < b0 + s.journal!.body.length && typeof c.value === "string").sort((a, b) => a.row - b.row);
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
      "=CITYPANEL.FEREG('Vars'!$AC$1:$AC$2745,'Vars'!$AD$1:$AK$2745,'Vars'!$A$1:$B$2745,\"robust\",,\"column\",'Table 3 Baseline'!$A$4:$A$25)",
    );
    expect(formulaText(t3.formula!, "file").startsWith("_xldudf_CITYPANEL_FEREG('Vars'!")).toBe(true);
    const t1 = sheet("table1").cells.filter((c) => c.formula).map((c) => formulaText(c.formula!, "addin"));
    expect(t1).toEqual(expect.arrayContaining([
      "=CITYPANEL.ENTROPYWEIGHTS('Vars'!$D$1:$AB$2745,'Setup'!$B$3:$Z$3,,\"percent\",0.0001,'Setup'!$B$2:$Z$2)",
      "='Setup'!$B$4&\"\"", "='Setup'!$B$5&\"\"",
      "='Setup'!$B$6&\" (\"&TEXT(SUM('Table 1 Index weights'!$D$4:$D$8),\"0.0000\")&\"%)\"",
    ]));
    expect(formulaText(sheet("table2").cells.find((c) => c.formula)!.formula!, "addin")).toMatch(/^=CITYPANEL\.DESCSTATS\('Vars'!\$[A-Z]+\$1:\$[A-Z]+\$2745,"values"\)$/);
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

  test("Table 1: the weights in percent equal the study's entropy weights (to 1e-12)", () => {
    const s = sheet("table1");
    const w = ev.spill(s.cells.find((c) => c.formula && c.formula.kind === "call")!);
    expect(w.map((r) => r[0] as number)).toHaveLength(25);
    w.forEach((r, j) => expect(r[0]).toBeCloseTo(100 * study.panel.entropy.scopes[0].weights[j], 12));
  });

  test("Tables 3–7: every model column matches the study's model (coefficients and SEs to the printed 4 decimals, N)", () => {
    const m = study.models;
    const check = (key: string, tableKey: string, j: number, terms: string[]) => {
      const r = m.get(key)!;
      const col = modelColumn(sheet(tableKey), j);
      for (const term of terms) expectCoef(col, labelOf(term), r.coef[r.terms.indexOf(term)], r.se[r.terms.indexOf(term)]);
      expect(col.get("N")![0]).toBe(r.nobs);
    };
    const controls = ["gov", "lndensity", "lnhum", "lnfin", "lntrans", "lnprotect", "lnunemploy"];
    check("table3.pooled", "table3", 1, ["digit", ...controls, "_cons"]);
    check("table3.fe", "table3", 2, ["digit", ...controls]);
    check("table4.iv1", "table4", 2, ["digit"]);
    check("table4.iv2", "table4", 4, ["digit"]);
    const iv = m.get("table4.iv1")! as import("../../src/engine/iv/iv2sls").Iv2slsResult;
    const fs1 = iv.firstStages[0];
    expectCoef(modelColumn(sheet("table4"), 1), "Instrument", fs1.coef[fs1.terms.indexOf("iv1")], fs1.se[fs1.terms.indexOf("iv1")]);
    ["external", "pca", "drop", "winsor"].forEach((k) => check(`table5.${k}`, "table5", ["external", "pca", "alt", "drop", "winsor"].indexOf(k) + 1, ["digit"]));
    const alt = m.get("table5.alt")!;
    expectCoef(modelColumn(sheet("table5"), 3), "digit", alt.coef[alt.terms.indexOf("digit_alt")], alt.se[alt.terms.indexOf("digit_alt")]);
    ["cap", "ris", "ent"].forEach((k, j) => check(`table6.${k}`, "table6", j + 1, ["digit"]));
    ["stage", "size", "inn_infra", "structure"].forEach((k, j) => check(`table7.${k}`, "table7", j + 1, ["digit", `digit_x_${k}`]));
  });
});

/** A spilled value as the sheet shows it under its number format. */
const shown = (v: unknown, numFmt: string | undefined): string =>
  typeof v === "number" ? (numFmt === "0.0000" ? v.toFixed(4) : numFmt === "0" ? v.toFixed(0) : String(v)) : String(v ?? "");

describe.each(["en", "zh"] as const)("the template evaluated shows results.xlsx's table text, cell for cell (%s)", (lang) => {
  const res = runStudy(readCsv(csv), def, { lang });
  const t = studyTemplate(def, { sheet: "Data", names: header, rows: raw.length - 1 }, lang, res.tables);
  const e = new TemplateEvaluator(t, { sheet: "Data", rows: dataRows }, lang);
  test.each(["table1", "table2", "table3", "table4", "table5", "table6", "table7"])("%s", (id) => {
    const s = t.sheets.find((x) => x.key === id)!;
    const tbl = res.tables.find((x) => x.id === id)!;
    const b0 = tbl.header.length + 3;
    const filled = s.cells.filter((c) => c.numFmt !== undefined);
    expect(filled.length).toBeGreaterThan(tbl.body.length);
    for (const c of filled) expect([c.row, c.col, shown(e.cell(s.name, c.row, c.col), c.numFmt)]).toEqual([c.row, c.col, tbl.body[c.row - b0][c.col]]);
    // the labels and header as results.xlsx prints them, the values only through formulas
    for (const c of s.cells.filter((x) => x.value !== undefined && x.row >= b0 && x.row < b0 + tbl.body.length)) expect(c.value).toBe(tbl.body[c.row - b0][c.col]);
  });
  if (lang === "zh") {
    test("zh exact strings: Table 3 digit, 常数项, 城市固定效应; Table 4 工具变量 and KP in the IV_1 first stage", () => {
      const at = (id: string, label: string, col: number, below = 0) => {
        const s = t.sheets.find((x) => x.key === id)!;
        const row = s.cells.find((c) => c.col === 0 && c.value === label)!.row + below;
        return shown(e.cell(s.name, row, col), s.cells.find((c) => c.row === row && c.col === col)?.numFmt);
      };
      expect([at("table3", "digit", 1), at("table3", "digit", 1, 1), at("table3", "常数项", 2)]).toEqual(["0.4200***", "(0.0080)", "-0.1968***"]);
      expect([at("table3", "城市固定效应", 1), at("table3", "城市固定效应", 2)]).toEqual(["未控制", "控制"]);
      expect([at("table4", "工具变量", 1), at("table4", "工具变量", 1, 1)]).toEqual(["-0.0000012***", "(0.000000049)"]);
      expect([at("table4", "Kleibergen-Paap rk LM", 1), at("table4", "Kleibergen-Paap Wald rk F", 1), at("table4", "Kleibergen-Paap Wald rk F", 2)]).toEqual(["252.5141 [0.0000]", "655.8783 {16.3800}", ""]);
    });
  }
});

describe("Table 7's moderator note in a template", () => {
  const notesOf = (tp: ReturnType<typeof studyTemplate>) => tp.sheets.find((x) => x.key === "table7")!.journal!.notes;
  test.each([
    ["en", "The regressions also include the main effects of stage, size, inn_infra, structure (not reported); a main effect that does not vary within a city is absorbed by the city fixed effect."],
    ["zh", "回归同时控制了 stage、size、inn_infra、structure 的主效应（未报告）；不随时间变化的主效应被城市固定效应吸收。"],
  ] as const)("without data (Insert template) it states the rule (%s)", (lang, note) => {
    const blank = studyTemplate(def, { sheet: "Data", names: header, rows: 100 }, lang);
    expect(notesOf(blank)).toContain(note);
  });
  test("with the study's tables it names the absorbed moderators, as results.xlsx does", () => {
    const withStudy = studyTemplate(def, { sheet: "Data", names: header, rows: raw.length - 1 }, "en", study.tables);
    expect(notesOf(withStudy).slice(0, -1)).toEqual(study.tables.find((x) => x.id === "table7")!.notes);
    expect(notesOf(withStudy)).toContain("The main effects of stage, structure do not vary within a city and are absorbed by the city fixed effect, so they are not reported.");
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
