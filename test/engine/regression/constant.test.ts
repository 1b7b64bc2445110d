import { columnOf } from "../../../src/engine/data/columns";
import { tableIds, tableNumeric } from "../../../src/engine/data/table";
import { iv2sls } from "../../../src/engine/iv/iv2sls";
import { fereg } from "../../../src/engine/regression/fereg";
import { VcovType } from "../../../src/engine/vcov/types";
import { referenceData } from "../../support/reference";

/**
 * The constant beside absorbed fixed effects is reghdfe's mean-restoring intercept: it equals
 * the intercept of the pooled OLS of (ỹ + ȳ) on (x̃ + x̄), computed here directly with the firm
 * means of the Grunfeld panel; its standard error is that regression's, rescaled from the
 * pooled residual df N − K − 1 to the absorbed one N − K − df_a (iid and robust); the slopes'
 * estimates are untouched.
 */
const g = referenceData("grunfeld.csv");
const inv = tableNumeric(g, "inv");
const value = tableNumeric(g, "value");
const capital = tableNumeric(g, "capital");
const firm = tableIds(g, "firm");

/** x − (mean of x within its firm) + (overall mean of x). */
function meanRestored(x: Float64Array): Float64Array {
  const sum = new Map<number, number>();
  const cnt = new Map<number, number>();
  let total = 0;
  x.forEach((v, i) => { const f = firm.codes[i]; sum.set(f, (sum.get(f) ?? 0) + v); cnt.set(f, (cnt.get(f) ?? 0) + 1); total += v; });
  return x.map((v, i) => v - sum.get(firm.codes[i])! / cnt.get(firm.codes[i])! + total / x.length);
}

describe("mean-restoring constant with absorbed fixed effects", () => {
  test.each(["iid", "robust"] as VcovType[])("%s: equals the intercept of the mean-restored pooled regression", (vcov) => {
    const r = fereg({ y: inv, x: [value, capital], fe: [firm] }, { vcov });
    const direct = fereg({ y: columnOf("inv", meanRestored(inv.values)), x: [columnOf("value", meanRestored(value.values)), columnOf("capital", meanRestored(capital.values))] }, { vcov });
    const c = direct.terms.indexOf("_cons");
    expect(r.cons.b).toBeCloseTo(direct.coef[c], 9);
    const N = r.nobs, K = 2;
    const rescale = Math.sqrt((N - K - 1) / (N - K - r.dfA));
    expect(r.cons.se).toBeCloseTo(direct.se[c] * rescale, 9);
    expect(r.coef[0]).toBeCloseTo(direct.coef[0], 9);
    // ȳ − x̄'b by hand
    const mean = (v: Float64Array) => v.reduce((a, b) => a + b, 0) / v.length;
    expect(r.cons.b).toBeCloseTo(mean(inv.values) - mean(value.values) * r.coef[0] - mean(capital.values) * r.coef[1], 10);
  });

  test("pooled OLS: the constant is _cons", () => {
    const r = fereg({ y: inv, x: [value, capital] }, { vcov: "robust" });
    expect(r.cons.b).toBe(r.coef[r.terms.indexOf("_cons")]);
    expect(r.cons.se).toBe(r.se[r.terms.indexOf("_cons")]);
  });

  test("cluster: the constant's SE is the mean-restored pooled regression's, rescaled by the slopes' own ratio", () => {
    // same residuals and the same influence weights for every coefficient, so only the
    // small-sample factor differs between the absorbed model and the pooled one
    const r = fereg({ y: inv, x: [value, capital], fe: [firm], cluster: [firm] }, { vcov: "cluster" });
    const direct = fereg({ y: columnOf("inv", meanRestored(inv.values)), x: [columnOf("value", meanRestored(value.values)), columnOf("capital", meanRestored(capital.values))], cluster: [firm] }, { vcov: "cluster" });
    const c = direct.terms.indexOf("_cons");
    const ratio = r.se[0] / direct.se[0];
    expect(r.se[1] / direct.se[1]).toBeCloseTo(ratio, 12);
    expect(r.cons.b).toBeCloseTo(direct.coef[c], 9);
    expect(r.cons.se / direct.se[c]).toBeCloseTo(ratio, 10);
  });

  test("IV2SLS and its first stage restore the means too", () => {
    const year = tableIds(g, "year");
    const iv = iv2sls({ y: inv, endog: [value], instruments: [capital], fe: [firm, year] }, { vcov: "robust" });
    const mean = (v: Float64Array) => v.reduce((a, b) => a + b, 0) / v.length;
    expect(iv.cons.b).toBeCloseTo(mean(inv.values) - mean(value.values) * iv.coef[0], 10);
    const fs = iv.firstStages[0];
    expect(fs.cons!.b).toBeCloseTo(mean(value.values) - mean(capital.values) * fs.coef[0], 10);
    expect(fs.r2).toBeGreaterThan(fs.r2Within);
  });
});
