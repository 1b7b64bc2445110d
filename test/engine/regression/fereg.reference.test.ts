/**
 * FEREG against test/fixtures/reference: coefficients, iid / HC1 / cluster (reghdfe) SEs, their
 * p-values, N, singletons, df_a, df_resid and the R² family, at 1e-8 relative (the
 * references agree among fixest, plm, lm with dummies and numpy to ~1e-10).
 */
import { tableIds, tableNumeric } from "../../../src/engine/data/table";
import { fereg, FeregResult } from "../../../src/engine/regression/fereg";
import { VcovType } from "../../../src/engine/vcov/types";
import { expectRel, referenceData, referenceResults } from "../../support/reference";

const TOL = 1e-8;

interface OlsRef {
  spec: { y: string; x: string[]; fe: string[]; cluster: string[] };
  N: number; K: number; df_fe_absorbed: number; df_resid: number;
  coef: Record<string, number>;
  se: Record<string, Record<string, number> | Record<string, Record<string, number>>>;
  pvalue: Record<string, Record<string, number> | Record<string, Record<string, number>>>;
  r2: number; adj_r2: number; r2_within: number; adj_r2_within: number; rss: number;
  sample: { dropped_missing: number; singletons_dropped: number; singleton_rounds: number[] };
  fe_levels: Record<string, number>;
}

function run(dataFile: string, ref: OlsRef, vcov: VcovType, cluster?: string): FeregResult {
  const t = referenceData(dataFile);
  return fereg(
    {
      y: tableNumeric(t, ref.spec.y),
      x: ref.spec.x.map((n) => tableNumeric(t, n)),
      fe: ref.spec.fe.map((n) => tableIds(t, n)),
      cluster: cluster ? [tableIds(t, cluster)] : [],
    },
    { vcov },
  );
}

const get = (r: FeregResult, v: Float64Array, name: string) => v[r.terms.indexOf(name)];

const CASES: [string, string, string][] = [
  ["grunfeld.csv", "grunfeld.json", "twfe_inv_value_capital"],
  ["grunfeld.csv", "grunfeld.json", "twfe_inv_capital"],
  ["grunfeld.csv", "grunfeld.json", "fe1_inv_value_capital"],
  ["panel_public.csv", "panel_public.json", "twfe_inn_digit_controls"],
  ["panel_public_unbalanced.csv", "panel_public_unbalanced.json", "twfe_inn_digit_controls"],
  ["panel_public_singletons.csv", "panel_public_singletons.json", "twfe_inn_digit_controls"],
];

describe.each(CASES)("FEREG on %s (%s %s)", (dataFile, resultFile, model) => {
  const ref: OlsRef = referenceResults(resultFile).ols[model];

  test("iid: coefficients, SEs, p-values, sample and fit statistics", () => {
    const r = run(dataFile, ref, "iid");
    expect(r.nobs).toBe(ref.N);
    expect(r.terms).toEqual(ref.spec.x);
    expect(r.dfA).toBe(ref.df_fe_absorbed);
    expect(r.dfResid).toBe(ref.df_resid);
    expect(r.droppedMissing).toBe(ref.sample.dropped_missing);
    expect(r.singletons).toBe(ref.sample.singletons_dropped);
    expect(r.singletonRounds).toEqual(ref.sample.singleton_rounds);
    expect(Object.fromEntries(r.fe.map((f) => [f.name, f.levels]))).toEqual(ref.fe_levels);
    for (const x of ref.spec.x) {
      expectRel(get(r, r.coef, x), ref.coef[x], TOL, `coef ${x}`);
      expectRel(get(r, r.se, x), (ref.se.iid as Record<string, number>)[x], TOL, `se.iid ${x}`);
      expectRel(get(r, r.p, x), (ref.pvalue.iid as Record<string, number>)[x], TOL, `p.iid ${x}`);
    }
    expectRel(r.rss, ref.rss, TOL, "rss");
    expectRel(r.r2, ref.r2, TOL, "r2");
    expectRel(r.r2Adj, ref.adj_r2, TOL, "r2_adj");
    expectRel(r.r2Within, ref.r2_within, TOL, "r2_within");
    expectRel(r.r2WithinAdj, ref.adj_r2_within, TOL, "r2_within_adj");
  });

  test("robust (HC1) SEs and p-values", () => {
    const r = run(dataFile, ref, "robust");
    for (const x of ref.spec.x) {
      expectRel(get(r, r.se, x), (ref.se.hc1 as Record<string, number>)[x], TOL, `se.hc1 ${x}`);
      expectRel(get(r, r.p, x), (ref.pvalue.hc1 as Record<string, number>)[x], TOL, `p.hc1 ${x}`);
    }
  });

  test.each(ref.spec.cluster)("cluster by %s: reghdfe SEs and p-values with t(G−1)", (cl) => {
    const r = run(dataFile, ref, "cluster", cl);
    const se = (ref.se[`cluster:${cl}`] as Record<string, Record<string, number>>).reghdfe;
    const p = (ref.pvalue[`cluster:${cl}`] as Record<string, Record<string, number>>).reghdfe;
    for (const x of ref.spec.x) {
      expectRel(get(r, r.se, x), se[x], TOL, `se.cluster:${cl} ${x}`);
      if (p) expectRel(get(r, r.p, x), p[x], TOL, `p.cluster:${cl} ${x}`);
    }
    expect(r.dfA).toBe(ref.df_fe_absorbed); // df_a reported whatever the VCE
    expect(r.tDf).toBe(r.clusters[0].count - 1);
  });
});

test("published: Grunfeld capital, firm + year FE, cluster(firm) = 0.06328129 (fixest vignette)", () => {
  const t = referenceData("grunfeld.csv");
  const r = fereg({ y: tableNumeric(t, "inv"), x: [tableNumeric(t, "capital")], fe: [tableIds(t, "firm"), tableIds(t, "year")], cluster: [tableIds(t, "firm")] });
  expect(r.se[0].toFixed(8)).toBe("0.06328129");
});

test("published: Grunfeld one-way within (plm): value 0.110124 (0.011857), capital 0.310065 (0.017355)", () => {
  const t = referenceData("grunfeld.csv");
  const r = fereg({ y: tableNumeric(t, "inv"), x: [tableNumeric(t, "value"), tableNumeric(t, "capital")], fe: [tableIds(t, "firm")] }, { vcov: "iid" });
  expect(r.coef[0].toFixed(6)).toBe("0.110124");
  expect(r.se[0].toFixed(6)).toBe("0.011857");
  expect(r.coef[1].toFixed(6)).toBe("0.310065");
  expect(r.se[1].toFixed(6)).toBe("0.017355");
});
