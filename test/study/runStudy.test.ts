import * as path from "path";
import { readCsv } from "../../src/cli/readCsvCells";
import { columnOf, NumericColumn } from "../../src/engine/data/columns";
import { RawTable, tableIds, tableNumeric } from "../../src/engine/data/table";
import { CityPanelError } from "../../src/engine/errors";
import { describeColumn } from "../../src/engine/index/describe";
import { entropyWeights } from "../../src/engine/index/entropy";
import { locationQuotient } from "../../src/engine/index/locquot";
import { pcaIndex } from "../../src/engine/index/pca";
import { industrialStructureIndex } from "../../src/engine/index/ris";
import { winsorize } from "../../src/engine/index/winsor";
import { iv2sls, Iv2slsResult } from "../../src/engine/iv/iv2sls";
import { fereg, FeregResult } from "../../src/engine/regression/fereg";
import { defaultStudy } from "../../src/engine/study/defaultStudy";
import { StudyDefinition } from "../../src/engine/study/definition";
import { runStudy, StudyCancelled, StudyResult } from "../../src/engine/study/runStudy";
import { JournalTable } from "../../src/engine/tables/journalTable";

/**
 * The whole study on the bundled sample panel: every number in every table equals a direct
 * engine call on variables built here from the raw columns (not through the study's own
 * panel builder), and mapping errors stop the study with a message naming the column.
 */
const table = readCsv(path.resolve(__dirname, "../../assets/sample/city-panel.csv"));
const def = defaultStudy();
const result = runStudy(table, def, { lang: "en" });
const byId = (r: StudyResult, id: string): JournalTable => r.tables.find((t) => t.id === id)!;

// ── the study's variables, built directly ─────────────────────────────────────
const num = (n: string) => tableNumeric(table, n).values;
const col = (name: string, v: Float64Array): NumericColumn => columnOf(name, v);
const city = tableIds(table, "city");
const year = tableIds(table, "year");
const agg = tableIds(table, "agglomeration");
const indNames = Array.from({ length: 25 }, (_, j) => `ind${String(j + 1).padStart(2, "0")}`);
const ent = entropyWeights(indNames.map((n) => col(n, num(n))), { method: "shift", shift: 0.0001 });
const inn = col("inn", ent.index);
const digit = col("digit", num("digit"));
const controls = [col("gov", num("gov")), ...["density", "hum", "fin", "trans", "protect", "unemploy"].map((c) => col(`ln${c}`, num(c).map(Math.log)))];
const trend = num("year").map((y) => y - 2007);
const fe = [city, year];
const feOf = (y: NumericColumn, x: NumericColumn[], withFe = true) => fereg({ y, x, fe: withFe ? fe : [] }, { vcov: "robust" });

/** Every non-null number of a table column must be one of the model's numbers (to 1e-12), and every coefficient shown must be there. */
function expectColumnFrom(tbl: JournalTable, j: number, expected: number[]): void {
  const got = tbl.values.map((r) => r[j + 1]).filter((v): v is number => v !== null);
  expect(got.length).toBeGreaterThan(0);
  for (const v of got) {
    const hit = expected.some((e) => Math.abs(v - e) <= 1e-12 * Math.max(1, Math.abs(e)));
    if (!hit) throw new Error(`${tbl.id} column ${j + 1}: ${v} is not a number of the direct engine call`);
  }
}
const numbersOf = (r: FeregResult | Iv2slsResult): number[] => [...r.coef, ...r.se, r.cons.b, r.cons.se, r.nobs, r.r2];
const coefOf = (r: FeregResult | Iv2slsResult, term: string) => r.coef[r.terms.indexOf(term)];

describe("runStudy on the sample panel", () => {
  test("writes Tables 1–7 in order with bilingual sheet names", () => {
    expect(result.tables.map((t) => t.id)).toEqual(["table1", "table2", "table3", "table4", "table5", "table6", "table7"]);
    const zh = runStudy(table, def, { lang: "zh", tables: ["table3", "table4"] });
    expect(zh.tables.map((t) => t.sheetName)).toEqual(["表3 基准回归", "表4 工具变量"]);
    expect(zh.tables[0].header[0][0]).toBe("变量");
    expect(zh.tables[0].body.map((r) => r[0])).toEqual(expect.arrayContaining(["常数项", "城市固定效应", "年份固定效应", "样本量", "R²（整体）"]));
    expect(zh.tables[0].body.find((r) => r[0] === "城市固定效应")!.slice(1)).toEqual(["未控制", "控制"]);
    expect(zh.tables[0].notes[0]).toBe("注：*、**、*** 分别表示在 10%、5%、1% 的水平上显著；括号内为稳健标准误。");
    expect(zh.tables[1].notes.join("")).toContain("最大 IV 规模");
    expect(zh.tables[1].notes.join("")).not.toContain("偏误");
    for (const t of result.tables) {
      expect(t.sheetName.length).toBeLessThanOrEqual(31);
      for (const r of [...t.header, ...t.body]) expect(r.length).toBe(t.header[0].length);
      expect(t.values.length).toBe(t.body.length);
    }
  });

  test("Table 1: entropy weights (%) and dimension totals equal entropyWeights on the 25 indicators", () => {
    const t1 = byId(result, "table1");
    const w = t1.values.slice(0, 25).map((r) => r[3]);
    w.forEach((v, j) => expect(v).toBeCloseTo(100 * ent.scopes[0].weights[j], 12));
    const dimTotals = t1.values.map((r) => r[0]).filter((v) => v !== null) as number[];
    expect(dimTotals).toHaveLength(5);
    dimTotals.forEach((v, k) => {
      const sum = ent.scopes[0].weights.slice(5 * k, 5 * k + 5).reduce((a, b) => a + b, 0);
      expect(v).toBeCloseTo(100 * sum, 12);
    });
    // the paper's four columns: dimension (weight), indicator, unit, weight %
    expect(t1.header[0]).toEqual(["Dimension (weight)", "Indicator", "Unit", "Weight (%)"]);
    expect(t1.body[0][0]).toMatch(/^Innovation resources \(\d+\.\d{4}%\)$/);
    expect(t1.body[0].slice(1, 3)).toEqual(["Education spending / local fiscal spending", "%"]);
  });

  test("Table 2: N, mean, SD, min, max equal describeColumn of each variable", () => {
    const t2 = byId(result, "table2");
    const cap = locationQuotient(col("rd", num("rd_spend")), col("fs", num("fiscal_spend")), year).lq;
    const ris = industrialStructureIndex(["share1", "share2", "share3"].map((c) => col(c, num(c)))).ris;
    const pop = num("population");
    const entr = num("new_firms").map((v, i) => (100 * v) / pop[i]);
    const vars = [ent.index, num("digit"), ...["gov", "density", "hum", "fin", "trans", "protect", "unemploy"].map(num), cap, ris, entr];
    expect(t2.body.map((r) => r[2])).toEqual(["inn", "digit", "gov", "density", "hum", "fin", "trans", "protect", "unemploy", "cap", "ris", "ent"]);
    expect(t2.body.map((r) => r[0]).filter((x) => x)).toEqual(["Dependent variable", "Explanatory variable", "Control variables", "Mechanism variables"]);
    vars.forEach((v, i) => {
      const d = describeColumn(col("v", v));
      const row = t2.values[i];
      expect(row[3]).toBe(d.n);
      [d.mean, d.sd, d.min, d.max].forEach((e, k) => expect(row[k + 4]).toBeCloseTo(e, 12));
    });
  });

  test("Table 3: pooled OLS and two-way FE equal fereg", () => {
    const t3 = byId(result, "table3");
    const pooled = feOf(inn, [digit, ...controls], false);
    const twoWay = feOf(inn, [digit, ...controls]);
    expectColumnFrom(t3, 0, numbersOf(pooled));
    expectColumnFrom(t3, 1, numbersOf(twoWay));
    expect(t3.values[0][2]).toBeCloseTo(coefOf(twoWay, "digit"), 12);
    expect(result.models.get("table3.fe")!.coef).toEqual(twoWay.coef);
  });

  test("Table 4: first and second stages and KP statistics equal iv2sls with each instrument", () => {
    const t4 = byId(result, "table4");
    [["dist_port", "iv1"], ["phones1984", "iv2"]].forEach(([base, name], k) => {
      const z = col(name, num(base).map((v, i) => v * trend[i]));
      const r = iv2sls({ y: inn, endog: [digit], instruments: [z], exog: controls, fe }, { vcov: "robust" });
      const fs = r.firstStages[0];
      expectColumnFrom(t4, 2 * k, [...fs.coef, ...fs.se, fs.cons!.b, fs.cons!.se, fs.r2, r.nobs, r.kpLM, r.kpF]);
      expectColumnFrom(t4, 2 * k + 1, numbersOf(r));
      const kpRow = t4.body.findIndex((row) => row[0] === "Kleibergen-Paap rk Wald F");
      expect(t4.values[kpRow][2 * k + 1]).toBeCloseTo(r.kpF, 10);
      expect(t4.body[kpRow][2 * k + 1]).toBe(`${r.kpF.toFixed(4)} {16.3800}`);
      const lmRow = t4.body.findIndex((row) => row[0] === "Kleibergen-Paap rk LM");
      expect(t4.body[lmRow][2 * k + 1]).toBe(`${r.kpLM.toFixed(4)} [${r.kpLMp.toFixed(4)}]`); // journals print [0.0000], not an exponent
    });
  });

  test("Table 5: each robustness column equals its direct regression", () => {
    const t5 = byId(result, "table5");
    const keepSizes = new Map<number, Set<number>>();
    agg.codes.forEach((g, i) => { if (!keepSizes.has(g)) keepSizes.set(g, new Set()); keepSizes.get(g)!.add(city.codes[i]); });
    const rows = Array.from(agg.codes, (g, i) => (keepSizes.get(g)!.size > 3 ? i : -1)).filter((i) => i >= 0);
    const sub = (c: NumericColumn) => col(c.name, Float64Array.from(rows, (i) => c.values[i]));
    const subId = (c: typeof city) => ({ ...c, codes: Int32Array.from(rows, (i) => c.codes[i]) });
    const w = (c: NumericColumn) => col(c.name, winsorize(c, { cuts: [1, 99] }).values);
    const models = [
      feOf(col("inn_1", num("inn_ext")), [digit, ...controls]),
      feOf(col("inn_2", pcaIndex(indNames.map((n) => col(n, num(n)))).index), [digit, ...controls]),
      feOf(inn, [col("digit_alt", num("digit_alt")), ...controls]),
      fereg({ y: sub(inn), x: [sub(digit), ...controls.map(sub)], fe: [subId(city), subId(year)] }, { vcov: "robust" }),
      feOf(w(inn), [w(digit), ...controls.map(w)]),
    ];
    expect(rows.length).toBe(2618);
    models.forEach((m, j) => expectColumnFrom(t5, j, numbersOf(m)));
    const nRow = t5.body.findIndex((r) => r[0] === "N");
    expect(t5.values[nRow].slice(1)).toEqual([2744, 2744, 2744, 2618, 2744]);
  });

  test("Table 6: cap, ris and ent on digit equal fereg", () => {
    const t6 = byId(result, "table6");
    const cap = col("cap", locationQuotient(col("rd", num("rd_spend")), col("fs", num("fiscal_spend")), year).lq);
    const ris = col("ris", industrialStructureIndex(["share1", "share2", "share3"].map((c) => col(c, num(c)))).ris);
    const pop = num("population");
    const entr = col("ent", num("new_firms").map((v, i) => (100 * v) / pop[i]));
    [cap, ris, entr].forEach((y, j) => expectColumnFrom(t6, j, numbersOf(feOf(y, [digit, ...controls]))));
  });

  test("Table 7: digit × moderator one at a time equals fereg", () => {
    const t7 = byId(result, "table7");
    // stage and structure are constant within a city: no main-effect row, a note instead; size and inn_infra vary
    // as the paper: the interactions are shown, the moderators' main effects are not (a note says where they are)
    expect(t7.body.map((r) => r[0])).not.toContain("size");
    expect(t7.body.map((r) => r[0])).not.toContain("stage");
    expect(t7.header[0].slice(1)).toEqual(["Development stage", "Agglomeration size", "Innovation infrastructure", "Spatial structure"]);
    expect(t7.notes).toContain("The regressions also include the main effects of size, inn_infra (not reported).");
    expect(t7.notes).toContain("The main effects of stage, structure do not vary within a city and are absorbed by the city fixed effect, so they are not reported.");
    const infra = pcaIndex(["infra_edu", "infra_hightech", "infra_transport", "infra_it", "infra_finance"].map((c) => col(c, num(c)))).index;
    const mods: [string, Float64Array][] = [["stage", num("stage")], ["size", num("size")], ["inn_infra", infra], ["structure", num("structure")]];
    mods.forEach(([name, m], j) => {
      const inter = col(`digit_x_${name}`, digit.values.map((v, i) => v * m[i]));
      const r = feOf(inn, [digit, inter, col(name, m), ...controls]);
      expectColumnFrom(t7, j, numbersOf(r));
      expect(coefOf(r, `digit_x_${name}`)).toBe(coefOf(result.models.get(`table7.${name}`)!, `digit_x_${name}`));
    });
  });

  test("provenance records the version, the data and the definition; progress and cancel work", () => {
    const labels = result.provenance.map((p) => p.label.en);
    expect(labels).toEqual(expect.arrayContaining(["CityPanel version", "rows in the data", "study definition (JSON)"]));
    expect(result.provenance.find((p) => p.label.en === "rows in the data")!.value).toBe("2744");
    const seen: string[] = [];
    runStudy(table, def, { lang: "en", tables: ["table2", "table6"], onProgress: (id, i, n) => seen.push(`${id} ${i}/${n}`) });
    expect(seen).toEqual(["table2 1/2", "table6 2/2"]);
    let calls = 0;
    expect(() => runStudy(table, def, { lang: "en", shouldCancel: () => ++calls > 2 })).toThrow(StudyCancelled);
    const synthetic = runStudy(table, def, { lang: "zh", tables: ["table3"], synthetic: true });
    expect(synthetic.tables[0].notes.at(-1)).toContain("模拟样本面板");
  });
});

describe("mapping errors stop the study before any table, naming the column", () => {
  const expectError = (t: RawTable, d: StudyDefinition, en: RegExp, zh: RegExp) => {
    let err: unknown;
    const progress = jest.fn();
    try { runStudy(t, d, { lang: "en", onProgress: progress }); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(CityPanelError);
    expect((err as CityPanelError).message).toMatch(en);
    expect((err as CityPanelError).messageZh).toMatch(zh);
    expect(progress).not.toHaveBeenCalled();
  };
  const without = (name: string): RawTable => {
    const j = table.names.indexOf(name);
    return { ...table, names: table.names.filter((_, k) => k !== j), columns: table.columns.filter((_, k) => k !== j) };
  };
  const replaced = (name: string, value: unknown): RawTable => {
    const j = table.names.indexOf(name);
    return { ...table, columns: table.columns.map((c, k) => (k === j ? Array.from(c as ArrayLike<unknown>, () => value) : c)) } as RawTable;
  };

  test("a missing column", () => {
    expectError(without("fiscal_spend"), def, /no column "fiscal_spend" \(mapped as cap denominator\)/, /fiscal_spend/);
  });
  test("an indicator with no direction", () => {
    const d = { ...def, indicators: def.indicators.map((i, j) => (j === 3 ? { ...i, direction: "" as "+" } : i)) };
    expectError(table, d, /indicator "ind04" has no direction/, /ind04/);
  });
  test("a constant moderator", () => {
    expectError(replaced("size", 1), def, /moderator "size" is constant/, /调节变量“size”为常数/);
  });
  test("a control that cannot be logged", () => {
    expectError(replaced("hum", -1), def, /hum/, /hum/);
  });
});
