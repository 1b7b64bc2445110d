import { createAbsorptionCache } from "../../src/engine/fe/absorptionCache";
import { factorize, numericColumn } from "../../src/engine/data/columns";
import { iv2sls } from "../../src/engine/iv/iv2sls";
import { iv2slsSpill } from "../../src/functions/adapters/iv2sls";
import { excelErrorSpec } from "../../src/functions/excelErrors";
import { expectRel, referenceResults } from "../support/reference";
import { CONTROLS, edit, errorCell, panel, range } from "./sheet";

const t = panel();
const ref = referenceResults("panel_public.json").iv;
const y = range(t, ["inn"]);
const digit = range(t, ["digit"]);
const ex = range(t, CONTROLS);
const fe = range(t, ["city", "year"]);
const city = range(t, ["city"]);
const col = (n: string) => t.columns[t.names.indexOf(n)];

function excelError(fn: () => unknown, lang: "en" | "zh" = "en") {
  try {
    fn();
  } catch (e) {
    return excelErrorSpec(e, lang);
  }
  throw new Error("expected an error");
}
/** Rows by their first cell; the first occurrence wins (second stage before first stages). */
const byLabel = (s: unknown[][]) => {
  const m = new Map<unknown, unknown[]>();
  for (const r of s) if (!m.has(r[0])) m.set(r[0], r);
  return m;
};

describe("IV2SLS adapter on the public reference panel", () => {
  const table = iv2slsSpill(y, digit, range(t, ["iv1"]), ex, fe, "robust", null, "table", "en");
  const r1 = ref.twfe_iv_iv1;

  it("second stage, first stage and weak-identification statistics equal the reference (ivreghdfe) and the engine", () => {
    expect(table[0]).toEqual(["second stage", "inn", "", "", "", ""]);
    expect(table[1]).toEqual(["variable", "coef", "se", "t", "p", "stars"]);
    const rows = byLabel(table);
    for (const n of ["digit", ...CONTROLS]) {
      expectRel(rows.get(n)![1] as number, r1.coef[n], 1e-8, `coef ${n}`); // first occurrence = second stage
      expectRel(rows.get(n)![2] as number, r1.se.hc1[n], 1e-7, `se ${n}`);
    }
    expectRel(rows.get("iv1")![1] as number, r1.first_stage.digit.coef.iv1, 1e-8, "first stage iv1");
    expectRel(rows.get("F of excluded instruments")![1] as number, r1.first_stage.digit.F.hc1, 1e-8, "first-stage F");
    expect(rows.get("F of excluded instruments")![2]).toBe("F(1, 2527)");
    const wi = r1.weak_identification;
    expectRel(rows.get("Kleibergen-Paap rk LM")![1] as number, wi.robust.kp_rk_LM, 1e-8, "KP LM");
    expectRel(rows.get("Kleibergen-Paap rk LM")![4] as number, wi.robust.kp_rk_LM_p, 1e-6, "KP LM p");
    expectRel(rows.get("Kleibergen-Paap rk Wald F")![1] as number, wi.robust.kp_rk_wald_F, 1e-8, "KP F");
    expectRel(rows.get("Cragg-Donald Wald F")![1] as number, wi.iid.cragg_donald_wald_F, 1e-8, "CD F");
    expect(rows.get("Stock-Yogo 10% maximal IV size")![1]).toBe(16.38);
    // zh: 16.38 is the size critical value (docs/methods.md §3.5), not a bias one
    const zh = byLabel(iv2slsSpill(y, digit, range(t, ["iv1"]), ex, fe, "robust", null, "table", "zh"));
    expect(zh.get("Stock-Yogo 10% 最大 IV 规模临界值")![1]).toBe(16.38);
    expect(rows.get("Hansen J statistic")![1]).toBe("0 (exactly identified)");
    expect(rows.get("N")![1]).toBe(2744);
    expect(rows.get("fixed effects (levels)")![1]).toBe("city (196), year (14)");

    const direct = iv2sls(
      {
        y: numericColumn("inn", col("inn"), 2), endog: [numericColumn("digit", col("digit"), 2)], instruments: [numericColumn("iv1", col("iv1"), 2)],
        exog: CONTROLS.map((n) => numericColumn(n, col(n), 2)), fe: ["city", "year"].map((n) => factorize(n, col(n))),
      },
      { vcov: "robust" },
    );
    direct.terms.forEach((n, j) => expect(table[2 + j].slice(0, 5)).toEqual([n, direct.coef[j], direct.se[j], direct.t[j], direct.p[j]]));
    expect(new Set(table.map((r) => r.length))).toEqual(new Set([6]));
    expect(table.flat().some((v) => v === null || v === undefined)).toBe(false);
  });

  it("two instruments clustered by city: Hansen J as ivreghdfe", () => {
    const s = iv2slsSpill(y, digit, range(t, ["iv1", "iv2"]), ex, fe, null, city, "table", "en");
    const rows = byLabel(s);
    const rb = ref.twfe_iv_both;
    expectRel(rows.get("Hansen J statistic")![1] as number, rb.overid["cluster:city"].hansen_j, 1e-7, "Hansen J");
    expect(rows.get("Hansen J statistic")![2]).toBe("χ²(1)");
    expectRel(rows.get("Hansen J statistic")![4] as number, rb.overid["cluster:city"].p, 1e-6, "Hansen J p");
    expectRel(rows.get("Kleibergen-Paap rk Wald F")![1] as number, rb.weak_identification["cluster:city"].kp_rk_wald_F, 1e-7, "KP F");
    expect(rows.get("clusters")![1]).toBe("city: 196");
    // iid: Sargan
    const iid = byLabel(iv2slsSpill(y, digit, range(t, ["iv1", "iv2"]), ex, fe, "iid", null, "table", "en"));
    expectRel(iid.get("Sargan statistic")![1] as number, rb.overid.iid.sargan, 1e-7, "Sargan");
  });

  it("two endogenous regressors: one first-stage block each; first2 column", () => {
    const m = ref.twfe_iv_2endog_digit_lnfin;
    const exog = range(t, CONTROLS.filter((c) => c !== "lnfin"));
    const s = iv2slsSpill(y, range(t, ["digit", "lnfin"]), range(t, ["iv1", "iv2", "iv3"]), exog, fe, "robust", null, "table", "en");
    expect(s.filter((r) => r[0] === "first stage").map((r) => r[1])).toEqual(["digit", "lnfin"]);
    expectRel(byLabel(s).get("digit")![1] as number, m.coef.digit, 1e-8, "digit");
    const f2 = iv2slsSpill(y, range(t, ["digit", "lnfin"]), range(t, ["iv1", "iv2", "iv3"]), exog, fe, "robust", null, "first2", "en");
    expect(f2[0]).toEqual(["lnfin"]);
    const e = excelError(() => iv2slsSpill(y, range(t, ["digit", "lnfin"]), range(t, ["iv1", "iv2", "iv3"]), exog, fe, "robust", null, "first3", "en"));
    expect(e).toEqual({ code: "notAvailable", message: "there is no first stage 3: the model has 2 endogenous regressor(s)" });
  });
});

describe("IV2SLS journal columns (Table 4)", () => {
  const args = (z: string, output: string, rowlabels?: unknown) => iv2slsSpill(y, digit, range(t, [z]), ex, fe, "robust", null, output, "en", undefined, rowlabels);

  it("second-stage column: coef/SE, FE, KP LM [p], KP F {Stock-Yogo 10%}, N", () => {
    const labels = args("iv1", "labels").map((r) => r[0]);
    const c = args("iv1", "column").map((r) => r[0]);
    expect(labels).toEqual(["variable", ...["digit", ...CONTROLS].flatMap((n) => [n, ""]), "city FE", "year FE", "Kleibergen-Paap rk LM", "", "Kleibergen-Paap rk Wald F", "", "N"]);
    expect(c.slice(0, 3)).toEqual(["inn", "0.3405**", "(0.1672)"]);
    expect(c.slice(-7)).toEqual(["Yes", "Yes", "79.796", "[0.0000]", "294.563", "{16.38}", 2744]);
  });

  it("first-stage column and its labels", () => {
    const labels = args("iv2", "firstlabels").map((r) => r[0]);
    const c = args("iv2", "first").map((r) => r[0]);
    expect(labels[0]).toBe("variable");
    expect(labels[1]).toBe("iv2");
    expect(labels.slice(-2)).toEqual(["F of excluded instruments", "N"]);
    expect(c[0]).toBe("digit");
    expect(c[1]).toMatch(/^0\.\d{4}\*{0,3}$/);
    expect(c.length).toBe(labels.length);
  });

  it("rowlabels put IV_1 and IV_2 first stages on the same rows", () => {
    const rl = [["variable"], ["iv1"], [""], ["iv2"], [""], ["city FE"], ["F of excluded instruments"], ["N"]];
    const a = args("iv1", "first", rl).map((r) => r[0]);
    const b = args("iv2", "first", rl).map((r) => r[0]);
    expect(a[0]).toBe("digit");
    expect(a[1]).toBe("-0.000016***"); // never scientific notation
    expect([a[3], a[4], b[1], b[2]]).toEqual(["", "", "", ""]);
    expect(b[3]).toMatch(/\*\*\*$/);
    expect([a[5], a[7], b[7]]).toEqual(["Yes", 2744, 2744]);
  });
});

describe("IV2SLS with dirty cells", () => {
  it("missing cells drop rows; error objects too", () => {
    const s = iv2slsSpill(edit(y, [1, 0, errorCell()], [2, 0, null]), edit(digit, [3, 0, ""]), range(t, ["iv1"]), ex, fe, "robust", null, "table", "en");
    expect(byLabel(s).get("N")![1]).toBe(2741);
  });

  it("messages for shapes, text and missing arguments (English and Chinese)", () => {
    expect(excelError(() => iv2slsSpill(y, digit, range(t, ["iv1"]).slice(1), ex, fe, null, null, null, "en")).message).toBe(
      "instruments has 2744 data rows but the first range has 2744: select ranges of the same height (with or without a header row in all of them)".replace("has 2744 data rows", "has 2743 data rows"),
    );
    expect(excelError(() => iv2slsSpill(y, null, range(t, ["iv1"]), ex, fe, null, null, null, "en")).message).toBe("endog is required: select the endogenous regressor column");
    // the VCE rule every face shares (vcov/resolve.ts)
    expect(excelError(() => iv2slsSpill(y, digit, range(t, ["iv1"]), ex, fe, "robust", city, null, "en")).message).toMatch(/^The cluster argument and vcov "robust" contradict each other/);
    expect(excelError(() => iv2slsSpill(y, digit, null, ex, fe, null, null, null, "zh"), "zh").message).toBe("instruments 为必填项：请选择排除性工具变量所在列（例如 iv1）");
    expect(excelError(() => iv2slsSpill(y, edit(digit, [5, 0, "abc"]), range(t, ["iv1"]), ex, fe, null, null, null, "en")).message).toBe('column "digit", row 6: "abc" is not a number');
    expect(excelError(() => iv2slsSpill(y, digit, range(t, ["iv1"]), ex, edit(fe, [9, 1, ""]), null, null, null, "en")).message).toMatch(/^fe "year", row 10: the id is missing/);
    expect(excelError(() => iv2slsSpill(y, digit, range(t, ["iv1"]), ex, fe, null, null, "second", "en")).message).toMatch(/^output must be "table", "column", "labels", "first" or "firstlabels"/);
  });
});

describe("IV2SLS shares the absorption cache", () => {
  it("IV_1, IV_2 and both over one panel absorb it once", () => {
    const cache = createAbsorptionCache();
    for (const z of [["iv1"], ["iv2"], ["iv1", "iv2"], ["iv1"]]) iv2slsSpill(y, digit, range(t, z), ex, fe, "robust", null, "column", "en", cache);
    expect(cache.stats.misses).toBe(1);
    expect(cache.stats.hits).toBe(3);
  });
});
