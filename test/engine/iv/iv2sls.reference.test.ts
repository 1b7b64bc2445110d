/**
 * IV2SLS against test/fixtures/reference (fixest + a numpy port of Stata's ranktest / ivreg2):
 * second-stage coefficients and SEs (iid, HC1, ivreghdfe cluster), first-stage coefficients,
 * SEs and F, Anderson LM, Cragg–Donald F, Kleibergen–Paap rk LM and rk Wald F, Sargan and
 * Hansen J — one and two endogenous regressors, one and several instruments — at 1e-8.
 */
import { tableIds, tableNumeric } from "../../../src/engine/data/table";
import { iv2sls, Iv2slsResult } from "../../../src/engine/iv/iv2sls";
import { VcovType } from "../../../src/engine/vcov/types";
import { expectRel, referenceData, referenceResults } from "../../support/reference";

const TOL = 1e-8;
type Dict = Record<string, number>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Ref = any;

function run(dataFile: string, ref: Ref, vcov: VcovType, cluster?: string): Iv2slsResult {
  const t = referenceData(dataFile);
  const s = ref.spec;
  return iv2sls(
    {
      y: tableNumeric(t, s.y),
      endog: s.endog.map((n: string) => tableNumeric(t, n)),
      instruments: s.instr.map((n: string) => tableNumeric(t, n)),
      exog: s.exog.map((n: string) => tableNumeric(t, n)),
      fe: s.fe.map((n: string) => tableIds(t, n)),
      cluster: cluster ? [tableIds(t, cluster)] : [],
    },
    { vcov },
  );
}

const at = (r: { terms: readonly string[] }, v: Float64Array, name: string) => v[r.terms.indexOf(name)];

function checkSecondStage(r: Iv2slsResult, ref: Ref, se: Dict, p: Dict | undefined, what: string) {
  for (const [name, b] of Object.entries(ref.coef as Dict)) {
    expectRel(at(r, r.coef, name), b, TOL, `${what} coef ${name}`);
    expectRel(at(r, r.se, name), se[name], TOL, `${what} se ${name}`);
    if (p && p[name] !== undefined) expectRel(at(r, r.p, name), p[name], TOL, `${what} p ${name}`);
  }
}

function checkFirstStage(r: Iv2slsResult, ref: Ref, seKey: (fs: Ref) => Dict, fKey: (fs: Ref) => number, what: string) {
  for (const f of r.firstStages) {
    const fs = ref.first_stage[f.endog];
    for (const [z, b] of Object.entries(fs.coef as Dict)) {
      expectRel(at(f, f.coef, z), b, TOL, `${what} first stage ${f.endog} coef ${z}`);
      expectRel(at(f, f.se, z), seKey(fs)[z], TOL, `${what} first stage ${f.endog} se ${z}`);
    }
    expectRel(f.F, fKey(fs), TOL, `${what} first stage ${f.endog} F`);
  }
}

const MODELS: [string, string, string][] = [
  ["panel_public.csv", "panel_public.json", "twfe_iv_iv1"],
  ["panel_public.csv", "panel_public.json", "twfe_iv_iv2"],
  ["panel_public.csv", "panel_public.json", "twfe_iv_both"],
  ["panel_public.csv", "panel_public.json", "twfe_iv_2endog_digit_lnfin"],
  ["panel_public_unbalanced.csv", "panel_public_unbalanced.json", "twfe_iv_both"],
  ["panel_public_unbalanced.csv", "panel_public_unbalanced.json", "twfe_iv_2endog_digit_lnfin"],
  ["panel_public_singletons.csv", "panel_public_singletons.json", "twfe_iv_both"],
  ["panel_public_singletons.csv", "panel_public_singletons.json", "twfe_iv_2endog_digit_lnfin"],
];

describe.each(MODELS)("IV2SLS on %s (%s %s)", (dataFile, resultFile, model) => {
  const ref: Ref = referenceResults(resultFile).iv[model];
  const wi = ref.weak_identification;

  test("iid: second stage, first stage, Anderson LM, Cragg–Donald F, Sargan", () => {
    const r = run(dataFile, ref, "iid");
    expect(r.nobs).toBe(ref.N);
    expect(r.singletons).toBe(ref.sample.singletons_dropped);
    expect(r.dfA).toBe(ref.df_fe_absorbed);
    expect(r.dfResid).toBe(ref.df_resid);
    checkSecondStage(r, ref, ref.se.iid, ref.pvalue.iid, "iid");
    checkFirstStage(r, ref, (fs) => fs.se.iid, (fs) => fs.F.iid, "iid");
    expectRel(r.rss, ref.rss, TOL, "rss");
    expectRel(r.r2, ref.r2, TOL, "r2");
    expectRel(r.r2Within, ref.r2_within, TOL, "r2_within");
    expectRel(r.andersonLM, wi.iid.anderson_canon_corr_LM, TOL, "Anderson LM");
    expectRel(r.andersonLMp, wi.iid.p, 1e-7, "Anderson LM p");
    expectRel(r.cdF, wi.iid.cragg_donald_wald_F, TOL, "Cragg-Donald F");
    // under iid ivreg2 prints Anderson / Cragg–Donald in the KP fields
    expect(r.kpLM).toBe(r.andersonLM);
    expect(r.kpF).toBe(r.cdF);
    if (ref.overid.df === 0) {
      expect(r.overid.statistic).toBe(0);
      expect(r.overid.df).toBe(0);
    } else {
      expectRel(r.overid.statistic, ref.overid.iid.sargan, TOL, "Sargan");
      expectRel(r.overid.p, ref.overid.iid.p, 1e-7, "Sargan p");
    }
  });

  test("robust: HC1 SEs, first stage, KP rk LM and rk Wald F, Hansen J", () => {
    const r = run(dataFile, ref, "robust");
    checkSecondStage(r, ref, ref.se.hc1, ref.pvalue.hc1, "hc1");
    checkFirstStage(r, ref, (fs) => fs.se.hc1, (fs) => fs.F.hc1, "hc1");
    expectRel(r.kpLM, wi.robust.kp_rk_LM, TOL, "KP rk LM");
    expect(r.kpLMdf).toBe(wi.robust.kp_rk_LM_df);
    expectRel(r.kpLMp, wi.robust.kp_rk_LM_p, 1e-7, "KP rk LM p");
    expectRel(r.kpWaldChi2, wi.robust.kp_rk_wald_chi2_raw, TOL, "KP rk Wald chi2");
    expectRel(r.kpF, wi.robust.kp_rk_wald_F, TOL, "KP rk Wald F");
    expectRel(r.cdF, wi.iid.cragg_donald_wald_F, TOL, "Cragg-Donald F (robust run)");
    if (ref.overid.df > 0) {
      expectRel(r.overid.statistic, ref.overid.robust.hansen_j, TOL, "Hansen J");
      expectRel(r.overid.p, ref.overid.robust.p, 1e-7, "Hansen J p");
    }
  });

  test.each(ref.spec.cluster as string[])("cluster by %s: ivreghdfe SEs, first stage, KP statistics, Hansen J", (cl) => {
    const r = run(dataFile, ref, "cluster", cl);
    const key = `cluster:${cl}`;
    checkSecondStage(r, ref, ref.se[key].ivreghdfe, ref.pvalue[key]?.ivreghdfe, key);
    checkFirstStage(r, ref, (fs) => fs.se[key].ivreghdfe, (fs) => fs.F[key].ivreghdfe, key);
    expectRel(r.kpLM, wi[key].kp_rk_LM, TOL, "KP rk LM");
    expectRel(r.kpLMp, wi[key].kp_rk_LM_p, 1e-7, "KP rk LM p");
    expectRel(r.kpF, wi[key].kp_rk_wald_F, TOL, "KP rk Wald F");
    expect(r.sdof).toBe(wi[key].scaling.sdofminus);
    if (ref.overid.df > 0) expectRel(r.overid.statistic, ref.overid[key].hansen_j, TOL, "Hansen J");
  });
});

test("Stock–Yogo values follow the model's numbers of endogenous regressors and instruments", () => {
  const ref: Ref = referenceResults("panel_public.json").iv.twfe_iv_iv1;
  const r = run("panel_public.csv", ref, "robust");
  expect(r.stockYogo).toEqual({ size: { "10%": 16.38, "15%": 8.96, "20%": 6.66, "25%": 5.53 }, bias: {} });
  const r2 = run("panel_public.csv", referenceResults("panel_public.json").iv.twfe_iv_2endog_digit_lnfin, "robust");
  expect(r2.stockYogo.size["10%"]).toBe(13.43);
  expect(r2.stockYogo.bias).toEqual({});
});
