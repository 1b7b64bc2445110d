import { createAbsorptionCache } from "../../src/engine/fe/absorptionCache";
import { factorize, numericColumn } from "../../src/engine/data/columns";
import { fereg } from "../../src/engine/regression/fereg";
import { fixed, inParens } from "../../src/engine/tables/numberFormat";
import { stars } from "../../src/engine/tables/stars";
import { excelErrorSpec } from "../../src/functions/excelErrors";
import { feregSpill } from "../../src/functions/adapters/fereg";
import { expectRel, referenceResults } from "../support/reference";
import { CONTROLS, edit, errorCell, panel, range } from "./sheet";

const t = panel();
const ref = referenceResults("panel_public.json").ols.twfe_inn_digit_controls;
const X = ["digit", ...CONTROLS];
const y = range(t, ["inn"]);
const x = range(t, X);
const fe = range(t, ["city", "year"]);
const city = range(t, ["city"]);

/** The error a call raises, as Excel would show it. */
function excelError(fn: () => unknown, lang: "en" | "zh" = "en") {
  try {
    fn();
  } catch (e) {
    return excelErrorSpec(e, lang);
  }
  throw new Error("expected an error");
}

/** Rows of a spilled table by their first cell. */
const byLabel = (s: unknown[][]) => new Map(s.map((r) => [r[0], r] as const));

describe("FEREG adapter on the public reference panel (cells with a header row)", () => {
  const table = feregSpill(y, x, fe, "robust", null, "table", "en");

  it("spills a rectangular table with a header row and no null cells", () => {
    expect(table[0]).toEqual(["variable", "coef", "se", "t", "p", "stars"]);
    expect(new Set(table.map((r) => r.length))).toEqual(new Set([6]));
    expect(table.flat().some((v) => v === null || v === undefined)).toBe(false);
  });

  it("coefficients and robust (HC1) SEs equal the reference (fixest) and the engine", () => {
    const rows = byLabel(table);
    const direct = fereg(
      { y: numericColumn("inn", t.columns[t.names.indexOf("inn")], 2), x: X.map((n) => numericColumn(n, t.columns[t.names.indexOf(n)], 2)), fe: ["city", "year"].map((n) => factorize(n, t.columns[t.names.indexOf(n)])) },
      { vcov: "robust" },
    );
    X.forEach((n, j) => {
      const r = rows.get(n)!;
      expectRel(r[1] as number, ref.coef[n], 1e-9, `coef ${n}`);
      expectRel(r[2] as number, ref.se.hc1[n], 1e-8, `se ${n}`);
      expect(r[1]).toBe(direct.coef[j]);
      expect(r[2]).toBe(direct.se[j]);
      expect(r[3]).toBe(direct.t[j]);
      expect(r[4]).toBe(direct.p[j]);
    });
    expect(rows.get("digit")![5]).toBe("***");
    expect(rows.get("lnfin")![5]).toBe("");
  });

  it("lists N, singletons, R², within R², adjusted R², FE levels and VCE", () => {
    const rows = byLabel(table);
    expect(rows.get("N")![1]).toBe(2744);
    expect(rows.get("singletons dropped")![1]).toBe(0);
    expect(rows.get("rows dropped (missing)")![1]).toBe(0);
    expectRel(rows.get("R²")![1] as number, ref.r2, 1e-10, "r2");
    expectRel(rows.get("within R²")![1] as number, ref.r2_within, 1e-10, "r2 within");
    expectRel(rows.get("adjusted R²")![1] as number, ref.adj_r2, 1e-10, "adj r2");
    expect(rows.get("fixed effects (levels)")![1]).toBe("city (196), year (14)");
    expect(rows.get("VCE")![1]).toBe("robust");
    expect(rows.has("clusters")).toBe(false);
  });

  it("clustered by city: SEs as reghdfe, cluster count listed; a cluster range implies vcov cluster", () => {
    const s = feregSpill(y, x, fe, null, city, "table", "en");
    const rows = byLabel(s);
    for (const n of X) expectRel(rows.get(n)![2] as number, ref.se["cluster:city"].reghdfe?.[n] ?? ref.se["cluster:city"][n], 1e-8, `cluster se ${n}`);
    expect(rows.get("VCE")![1]).toBe("cluster");
    expect(rows.get("clusters")![1]).toBe("city: 196");
  });

  it("gives the same numbers without header rows, and with numbers stored as text", () => {
    const a = feregSpill(range(t, ["inn"], { header: false }), range(t, X, { header: false }), range(t, ["city", "year"], { header: false }), "robust", null, "table", "en");
    const b = feregSpill(range(t, ["inn"], { text: true }), range(t, X, { text: true }), range(t, ["city", "year"], { text: true }), "robust", null, "table", "en");
    expect(a.slice(1, 9).map((r) => r.slice(1))).toEqual(table.slice(1, 9).map((r) => r.slice(1)));
    expect(a[1][0]).toBe("x1"); // names from the argument without a header
    expect(b).toEqual(table);
  });

  it("Chinese labels when the display language is Chinese", () => {
    const s = feregSpill(y, x, fe, "robust", null, "table", "zh");
    expect(s[0]).toEqual(["变量", "系数", "标准误", "t 值", "p 值", "显著性"]);
    expect(byLabel(s).get("样本量")![1]).toBe(2744);
    expect(byLabel(s).get("固定效应（水平数）")![1]).toBe("city (196), year (14)");
  });
});

describe("FEREG journal column (Table 3)", () => {
  const col = feregSpill(y, x, fe, "robust", null, "column", "en");
  const labels = feregSpill(y, x, fe, "robust", null, "labels", "en");

  it("coef with stars, SE in parentheses beneath, FE Yes rows, N and R²", () => {
    expect(col.length).toBe(labels.length);
    expect(labels.map((r) => r[0])).toEqual(["variable", ...X.flatMap((n) => [n, ""]), "city FE", "year FE", "N", "R²"]);
    expect(col[0]).toEqual(["inn"]);
    expect(col[1]).toEqual(["1.4120***"]);
    expect(col[2]).toEqual(["(0.0677)"]);
    expect(col.at(-4)).toEqual(["Yes"]);
    expect(col.at(-2)).toEqual([2744]);
    expect(col.at(-1)).toEqual([0.9695]);
  });

  it("rowlabels align pooled OLS and FE models on the same rows", () => {
    const rowlabels = [["variable"], ["digit"], [""], ["gov"], [""], ["_cons"], [""], ["city FE"], ["year FE"], ["N"], ["R²"], ["not a row"]];
    const ols = feregSpill(y, x, null, "robust", null, "column", "en", undefined, rowlabels);
    const twfe = feregSpill(y, x, fe, "robust", null, "column", "en", undefined, rowlabels);
    expect(ols.length).toBe(rowlabels.length);
    // _cons beside absorbed FE: reghdfe's mean-restoring constant, as results.xlsx prints it
    const direct = fereg(
      { y: numericColumn("inn", t.columns[t.names.indexOf("inn")], 2), x: X.map((n) => numericColumn(n, t.columns[t.names.indexOf(n)], 2)), fe: ["city", "year"].map((n) => factorize(n, t.columns[t.names.indexOf(n)])) },
      { vcov: "robust" },
    );
    expect(twfe.map((r) => r[0])).toEqual(["inn", "1.4120***", "(0.0677)", "1.7626***", "(0.2826)", fixed(direct.cons.b) + stars(direct.cons.p), inParens(direct.cons.se), "Yes", "Yes", 2744, 0.9695, ""]);
    expect(ols[5][0]).toMatch(/^-?\d+\.\d{4}\**$/); // _cons
    expect(ols[6][0]).toMatch(/^\(\d+\.\d{4}\)$/);
    expect([ols[7][0], ols[8][0]]).toEqual(["No", "No"]); // no FE in pooled OLS
    // Chinese labels and blank-as-0 label cells are understood too
    const zh = feregSpill(y, x, fe, "robust", null, "column", "zh", undefined, [["变量"], ["digit"], [0], ["样本量"]]);
    expect(zh).toEqual([["inn"], ["1.4120***"], ["(0.0677)"], [2744]]);
  });
});

describe("FEREG with dirty cells", () => {
  it('treats "", null, NA, "." and error objects as missing (rows dropped)', () => {
    const yy = edit(y, [1, 0, ""], [2, 0, null], [3, 0, "NA"], [4, 0, "."], [5, 0, errorCell("#N/A")], [6, 0, "#DIV/0!"]);
    const s = feregSpill(yy, x, fe, "robust", null, "table", "en");
    const rows = byLabel(s);
    expect(rows.get("rows dropped (missing)")![1]).toBe(6);
    expect(rows.get("N")![1]).toBe(2738);
  });

  it("never reads text as 0: names the column and row", () => {
    const xx = edit(x, [10, 1, "n/a?"]);
    expect(excelError(() => feregSpill(y, xx, fe, "robust", null, "table", "en"))).toEqual({
      code: "invalidValue",
      message: 'column "gov", row 11: "n/a?" is not a number',
    });
    expect(excelError(() => feregSpill(y, xx, fe, "robust", null, "table", "en"), "zh").message).toBe("列“gov”第 11 行：“n/a?”不是数值");
  });

  it("ranges of different heights", () => {
    const e = excelError(() => feregSpill(y, x.slice(0, -1), fe, "robust", null, "table", "en"));
    expect(e.code).toBe("invalidValue");
    expect(e.message).toBe("x has 2743 data rows but the first range has 2744: select ranges of the same height (with or without a header row in all of them)");
  });

  it("a y with several columns", () => {
    const e = excelError(() => feregSpill(range(t, ["inn", "digit"]), x, fe, "robust", null, "table", "en"));
    expect(e.message).toBe("y must be a single column, got 2 columns: put the outcome in one column");
    expect(excelError(() => feregSpill(range(t, ["inn", "digit"]), x, fe, null, null, null, "zh"), "zh").message).toBe("y 必须是单列，实际有 2 列：被解释变量应只占一列");
  });

  it("ids missing where data exist", () => {
    const e = excelError(() => feregSpill(y, x, edit(fe, [7, 0, ""]), "robust", null, "table", "en"));
    expect(e).toEqual({
      code: "invalidValue",
      message: 'fe "city", row 8: the id is missing but inn has a value there: fill in the id, or clear the row\'s data to leave it out',
    });
    expect(excelError(() => feregSpill(y, x, fe, "cluster", edit(city, [3, 0, null]), "table", "en")).message).toMatch(/^cluster "city", row 4: the id is missing/);
    // an id missing where the outcome is missing too is just a dropped row
    const s = feregSpill(edit(y, [7, 0, ""]), x, edit(fe, [7, 0, ""]), "robust", null, "table", "en");
    expect(byLabel(s).get("N")![1]).toBe(2743);
  });

  it("all rows dropped", () => {
    const yy = y.map((r, i) => (i === 0 ? r : ["NA"]));
    const e = excelError(() => feregSpill(yy, x, fe, "robust", null, "table", "en"));
    expect(e.code).toBe("invalidValue");
    expect(e.message).toMatch(/every row was dropped as missing/);
  });

  it("not enough observations: #VALUE! with the engine's message (Excel shows messages only for #VALUE! and #N/A)", () => {
    const few = (r: unknown[][]) => r.slice(0, 6);
    const e = excelError(() => feregSpill(few(y), few(x), null, "robust", null, "table", "en"));
    expect(e.code).toBe("invalidValue");
    expect(e.message).toMatch(/^too few observations: 5 rows for \d+ coefficients and 0 fixed-effect parameters/);
    // five rows of one city, one per year: every observation is a fixed-effect singleton
    expect(excelError(() => feregSpill(few(y), few(x), few(fe), "robust", null, "table", "en")).message).toMatch(/^every observation is a fixed-effect singleton/);
  });

  it("bad option words", () => {
    expect(excelError(() => feregSpill(y, x, fe, "hc3", null, "table", "en")).message).toBe('vcov must be "robust", "iid" or "cluster", got "hc3"');
    expect(excelError(() => feregSpill(y, x, fe, "cluster", null, "table", "en")).message).toBe('vcov "cluster" needs the cluster argument (e.g. the city column)');
    // the VCE rule every face shares (vcov/resolve.ts): a cluster range with an explicit "robust" / "iid" is #VALUE!, not a silently dropped cluster
    const both = excelError(() => feregSpill(y, x, fe, "robust", city, "table", "en"));
    expect(both.code).toBe("invalidValue");
    expect(both.message).toMatch(/^The cluster argument and vcov "robust" contradict each other/);
    expect(excelError(() => feregSpill(y, x, fe, "iid", city, "table", "zh"), "zh").message).toMatch(/^聚类变量（cluster 参数）与 vcov "iid" 相互矛盾/);
    expect(excelError(() => feregSpill(y, x, fe, null, null, "wide", "en")).message).toBe('output must be "table", "column" or "labels", got "wide"');
    expect(excelError(() => feregSpill(y, x, fe, null, null, "wide", "zh"), "zh").message).toBe('output 必须为 "table"、"column" 或 "labels"，实际为 "wide"');
  });

  it("x missing", () => {
    expect(excelError(() => feregSpill(y, null, fe, null, null, null, "en")).message).toBe("x is required: select the regressor columns");
  });
});

describe("FEREG recomputation is cheap", () => {
  it("twenty FEREG cells over one panel demean it once (memoised by content)", () => {
    const cache = createAbsorptionCache();
    const outcomes = ["inn", "inn", "gov", "lnhum"];
    const first = feregSpill(y, x, fe, "robust", null, "table", "en", cache);
    for (let k = 0; k < 19; k++) {
      // fresh arrays with the same content, as Excel passes them on every recalculation
      const s = feregSpill(range(t, [outcomes[k % 2]]), range(t, X), range(t, ["city", "year"]), "robust", null, k % 3 === 0 ? "column" : "table", "en", cache);
      if (k % 3 !== 0) expect(s).toEqual(first);
    }
    expect(cache.stats.misses).toBe(1);
    expect(cache.stats.hits).toBe(19);
    expect(cache.stats.demeanMisses).toBe(1 + X.length); // y and each regressor demeaned once
  });
});
