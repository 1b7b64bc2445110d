/**
 * `citypanel iv2sls … --json` against test/fixtures/reference/results/panel_public.json, model
 * twfe_iv_both (inn on digit instrumented by iv1, iv2; seven controls; city + year FE), for every
 * key of the contract in docs/cli.md, mapped as test/fixtures/reference/README.md says
 * ("How the citypanel JSON maps"). Tolerance 1e-8 relative for every number (TOL); integers
 * and lists exactly. Bad usage: exit status 2 and a one-line message on stderr.
 */
import { expectRel, referenceResults } from "../support/reference";
import { expectUsageError, jsonOf, runCli, REFERENCE_DATA } from "./cliHarness";

const TOL = 1e-8;
const DATA = REFERENCE_DATA("panel_public.csv");
const CONTROLS = "gov,lndensity,lnhum,lnfin,lntrans,lnprotect,lnunemploy";
const BASE = ["iv2sls", DATA, "--y", "inn", "--endog", "digit", "--iv", "iv1,iv2", "--x", CONTROLS, "--fe", "city,year"];
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const ref: any = referenceResults("panel_public.json").iv.twfe_iv_both;
const wi = ref.weak_identification;
const N = ref.N; // 2744
const L = ref.spec.instr.length + ref.spec.exog.length; // ivreg2's iv1_ct = 9

/** Keys the contract (cli.md) promises for iv2sls. */
const CONTRACT_KEYS = [
  "command", "y", "nobs", "singletons", "dropped_missing", "coef", "se", "t", "p", "omitted", "vcov", "clusters", "fe",
  "df_a", "df_resid", "r2", "r2_within", "rss", "first_stage", "kp_lm", "kp_lm_df", "kp_lm_p", "kp_f", "cd_f",
  "anderson_lm", "anderson_lm_p", "hansen_j", "hansen_j_df", "hansen_j_p", "stock_yogo",
];

type Dict = Record<string, number>;
const expectDict = (actual: Dict, expected: Dict, tol: number, what: string) => {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [k, v] of Object.entries(expected)) expectRel(actual[k], v, tol, `${what}.${k}`);
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function expectCommon(j: any) {
  for (const k of CONTRACT_KEYS) expect(j).toHaveProperty([k]);
  expect(j.command).toBe("iv2sls");
  expect(j.y).toBe("inn");
  expect(j.nobs).toBe(N);
  expect(j.singletons).toBe(ref.sample.singletons_dropped);
  expect(j.dropped_missing).toBe(ref.sample.dropped_missing);
  expect(j.omitted).toEqual([]);
  expect(j.fe).toEqual(ref.fe_levels);
  expect(j.df_a).toBe(ref.df_fe_absorbed);
  expect(j.df_resid).toBe(ref.df_resid);
  expectDict(j.coef, ref.coef, TOL, "coef");
  for (const k of Object.keys(ref.coef)) expectRel(j.t[k], j.coef[k] / j.se[k], 1e-12, `t.${k} = coef/se`);
  expectRel(j.r2, ref.r2, TOL, "r2");
  expectRel(j.r2_within, ref.r2_within, TOL, "r2_within");
  expectRel(j.rss, ref.rss, TOL, "rss");
  expectRel(j.anderson_lm, wi.iid.anderson_canon_corr_LM, TOL, "anderson_lm");
  expectRel(j.anderson_lm_p, wi.iid.p, TOL, "anderson_lm_p");
  expect(Object.keys(j.first_stage)).toEqual(["digit"]);
  expectDict(pick(j.first_stage.digit.coef, ["iv1", "iv2"]), ref.first_stage.digit.coef, TOL, "first_stage.digit.coef");
  expect(j.kp_lm_df).toBe(wi.robust.kp_rk_LM_df); // L1 − K1 + 1 = 2
  expect(j.hansen_j_df).toBe(ref.overid.df); // 1
  // Stock–Yogo (2005) maximal IV size for K1 = 1, L1 = 2 (docs/methods.md §3.5); relative bias needs L1 ≥ 3
  expect(j.stock_yogo).toEqual({ size: { "10%": 19.93, "15%": 11.59, "20%": 8.75, "25%": 7.25 }, bias: {} });
}

const pick = (d: Dict, keys: string[]): Dict => Object.fromEntries(keys.map((k) => [k, d[k]]));

describe("citypanel iv2sls --json reproduces panel_public.json twfe_iv_both", () => {
  test("--cluster city: ivreghdfe SEs, first stage F(2, 195), KP rk LM / Wald F, Hansen J, CD F with sdofminus", async () => {
    const j = jsonOf(await runCli([...BASE, "--cluster", "city", "--json"]));
    expectCommon(j);
    const key = "cluster:city";
    expect(j.vcov).toBe("cluster");
    expect(j.clusters).toEqual({ city: 196 });
    expectDict(j.se, ref.se[key].ivreghdfe, TOL, "se");
    expectDict(j.p, ref.pvalue[key].ivreghdfe, TOL, "p");
    const fs = j.first_stage.digit;
    expectRel(fs.F, ref.first_stage.digit.F[key].ivreghdfe, TOL, "first_stage.digit.F");
    expect(fs.F_df).toEqual([2, 195]);
    expectDict(pick(fs.se, ["iv1", "iv2"]), ref.first_stage.digit.se[key].ivreghdfe, TOL, "first_stage.digit.se");
    expectRel(j.kp_lm, wi[key].kp_rk_LM, TOL, "kp_lm");
    expectRel(j.kp_lm_p, wi[key].kp_rk_LM_p, TOL, "kp_lm_p");
    expectRel(j.kp_f, wi[key].kp_rk_wald_F, TOL, "kp_f");
    // cd_f under --cluster: ivreg2 scales the CD χ² with the cluster run's sdofminus (13), not df_a (209)
    const sdof = wi[key].scaling.sdofminus;
    expectRel(j.cd_f, ((wi.iid.cragg_donald_wald_chi2 / N) * (N - L - sdof)) / 2, TOL, "cd_f (cluster run, sdofminus)");
    expectRel(j.hansen_j, ref.overid[key].hansen_j, TOL, "hansen_j");
    expectRel(j.hansen_j_p, ref.overid[key].p, TOL, "hansen_j_p");
  });

  test("--vcov robust: HC1 SEs, first stage F(2, 2526), KP robust, Cragg–Donald F, Hansen J", async () => {
    const j = jsonOf(await runCli([...BASE, "--vcov", "robust", "--json"]));
    expectCommon(j);
    expect(j.vcov).toBe("robust");
    expect(j.clusters).toEqual({});
    expectDict(j.se, ref.se.hc1, TOL, "se");
    expectDict(j.p, ref.pvalue.hc1, TOL, "p");
    const fs = j.first_stage.digit;
    expectRel(fs.F, ref.first_stage.digit.F.hc1, TOL, "first_stage.digit.F");
    expect(fs.F_df).toEqual([2, ref.first_stage.digit.df_resid]);
    expectDict(pick(fs.se, ["iv1", "iv2"]), ref.first_stage.digit.se.hc1, TOL, "first_stage.digit.se");
    expectRel(j.kp_lm, wi.robust.kp_rk_LM, TOL, "kp_lm");
    expectRel(j.kp_lm_p, wi.robust.kp_rk_LM_p, TOL, "kp_lm_p");
    expectRel(j.kp_f, wi.robust.kp_rk_wald_F, TOL, "kp_f");
    expectRel(j.cd_f, wi.iid.cragg_donald_wald_F, TOL, "cd_f");
    expectRel(j.hansen_j, ref.overid.robust.hansen_j, TOL, "hansen_j");
    expectRel(j.hansen_j_p, ref.overid.robust.p, TOL, "hansen_j_p");
  });

  test("--vcov iid: the KP fields are Anderson LM and Cragg–Donald F; Sargan", async () => {
    const j = jsonOf(await runCli([...BASE, "--vcov", "iid", "--json"]));
    expectCommon(j);
    expectDict(j.se, ref.se.iid, TOL, "se");
    expectRel(j.first_stage.digit.F, ref.first_stage.digit.F.iid, TOL, "first_stage.digit.F");
    expect(j.kp_lm).toBe(j.anderson_lm);
    expect(j.kp_f).toBe(j.cd_f);
    expectRel(j.cd_f, wi.iid.cragg_donald_wald_F, TOL, "cd_f");
    expectRel(j.hansen_j, ref.overid.iid.sargan, TOL, "hansen_j (Sargan)");
    expectRel(j.hansen_j_p, ref.overid.iid.p, TOL, "hansen_j_p");
  });

  test("exactly identified (iv1 only): hansen_j 0, df 0, p null; one-instrument Stock–Yogo", async () => {
    const j = jsonOf(await runCli(["iv2sls", DATA, "--y", "inn", "--endog", "digit", "--iv", "iv1", "--x", CONTROLS, "--fe", "city,year", "--cluster", "city", "--json"]));
    const r1 = referenceResults("panel_public.json").iv.twfe_iv_iv1;
    expectDict(j.coef, r1.coef, TOL, "coef");
    expectRel(j.kp_f, r1.weak_identification["cluster:city"].kp_rk_wald_F, TOL, "kp_f");
    expect(j.hansen_j).toBe(0);
    expect(j.hansen_j_df).toBe(0);
    expect(j.hansen_j_p).toBeNull();
    expect(j.stock_yogo).toEqual({ size: { "10%": 16.38, "15%": 8.96, "20%": 6.66, "25%": 5.53 }, bias: {} });
  });
});

describe("citypanel iv2sls: bad usage exits 2 with a one-line message", () => {
  test("missing --iv", async () => {
    expectUsageError(await runCli(BASE.filter((a, i) => a !== "--iv" && BASE[i - 1] !== "--iv")), "iv2sls", "--iv");
  });

  test("an unknown column", async () => {
    expectUsageError(await runCli([...BASE.slice(0, 6), "--iv", "iv9", "--json"]), "iv2sls", `no column named "iv9"`);
    expectUsageError(await runCli([...BASE, "--cluster", "province"]), "iv2sls", `no column named "province"`);
  });

  test("an under-identified model: two endogenous regressors, one instrument", async () => {
    const run = await runCli(["iv2sls", DATA, "--y", "inn", "--endog", "digit,lnfin", "--iv", "iv1", "--x", "gov", "--fe", "city,year", "--json"]);
    expectUsageError(run, "iv2sls", "order condition");
  });

  test("an under-identified model: the only instrument is absorbed by the city FE (time-invariant dist_port)", async () => {
    const run = await runCli(["iv2sls", DATA, "--y", "inn", "--endog", "digit", "--iv", "dist_port", "--x", CONTROLS, "--fe", "city,year", "--json"]);
    expectUsageError(run, "iv2sls", "under-identified");
    expect(run.stderr).toContain(`"dist_port" is absorbed by the fixed effects`);
  });

  test("an unknown option, a bad --vcov, no file, a missing file", async () => {
    expectUsageError(await runCli([...BASE, "--instruments", "iv1"]), "iv2sls", "--instruments");
    expectUsageError(await runCli([...BASE, "--vcov", "hac"]), "iv2sls", `--vcov must be "robust", "iid" or "cluster", got "hac"`);
    // the VCE rule every face shares (vcov/resolve.ts)
    expectUsageError(await runCli([...BASE, "--vcov", "robust", "--cluster", "city"]), "iv2sls", '--cluster and --vcov "robust" contradict each other');
    expectUsageError(await runCli(BASE.filter((a) => a !== DATA)), "iv2sls", "a data FILE is required");
    expectUsageError(await runCli([...BASE.slice(0, 1), "no_such_file.csv", ...BASE.slice(2)]), "iv2sls", "file not found: no_such_file.csv");
  });
});
