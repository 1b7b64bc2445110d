import { Iv2slsResult } from "../iv/iv2sls";
import { FeregResult } from "../regression/fereg";

/**
 * One column of a regression table, whatever model produced it: coefficients with SE and
 * p-value by variable name, N, R², absorbed fixed effects, and extra statistics by key
 * (e.g. "kp_lm", "kp_lm_p", "kp_f", "sy_size_10").
 */
export interface Estimate {
  readonly b: number;
  readonly se: number;
  readonly p: number;
}

export interface ModelColumn {
  readonly depvar: string;
  readonly coef: Readonly<Record<string, Estimate>>;
  /** The constant (pooled `_cons`, or the mean-restoring constant beside absorbed fixed effects). */
  readonly cons?: Estimate;
  /** Which stage of a 2SLS model the column shows. */
  readonly stage?: "first" | "second";
  readonly nobs: number;
  /** Overall R² and within R². */
  readonly r2: number;
  readonly r2Within: number;
  readonly fe: readonly string[];
  readonly vcov: string;
  readonly clusters: readonly string[];
  readonly stats: Readonly<Record<string, number>>;
}

const estimates = (terms: readonly string[], b: Float64Array, se: Float64Array, p: Float64Array): Record<string, Estimate> =>
  Object.fromEntries(terms.map((t, j) => [t, { b: b[j], se: se[j], p: p[j] }]));

/** A FEREG column; `r2` is the overall R² (the paper's Table 3 reports 0.7053 for the FE model), `r2Within` the within R². */
export function columnFromFereg(r: FeregResult): ModelColumn {
  const coef = estimates(r.terms, r.coef, r.se, r.p);
  delete coef._cons;
  return {
    depvar: r.y,
    coef,
    cons: r.cons,
    nobs: r.nobs,
    r2: r.r2,
    r2Within: r.fe.length > 0 ? r.r2Within : NaN,
    fe: r.fe.map((f) => f.name),
    vcov: r.vcov,
    clusters: r.clusters.map((c) => c.name),
    stats: { r2_within: r.r2Within, r2_adj: r.r2Adj, F: r.F },
  };
}

/** The second stage of an IV model, with its identification statistics. */
export function columnFromIv(r: Iv2slsResult): ModelColumn {
  const coef = estimates(r.terms, r.coef, r.se, r.p);
  delete coef._cons;
  return {
    depvar: r.y,
    coef,
    cons: r.cons,
    stage: "second",
    nobs: r.nobs,
    r2: r.r2,
    r2Within: r.fe.length > 0 ? r.r2Within : NaN,
    fe: r.fe.map((f) => f.name),
    vcov: r.vcov,
    clusters: r.clusters.map((c) => c.name),
    stats: ivStats(r),
  };
}

/** The identification statistics of an IV model by key. */
function ivStats(r: Iv2slsResult): Record<string, number> {
  return {
    kp_lm: r.kpLM,
    kp_lm_p: r.kpLMp,
    kp_f: r.kpF,
    cd_f: r.cdF,
    hansen_j: r.overid.statistic,
    hansen_j_p: r.overid.p,
    ...(r.stockYogo.size["10%"] !== undefined ? { sy_size_10: r.stockYogo.size["10%"] } : {}),
  };
}

/** The first stage of endogenous regressor k of an IV model (outcome = that regressor), with the model's identification statistics. */
export function columnFromFirstStage(r: Iv2slsResult, k = 0): ModelColumn {
  const f = r.firstStages[k];
  const coef = estimates(f.terms, f.coef, f.se, f.p);
  const c = coef._cons;
  delete coef._cons;
  return {
    depvar: f.endog,
    coef,
    cons: f.cons ?? c,
    stage: "first",
    nobs: r.nobs,
    r2: f.r2,
    r2Within: f.r2Within,
    fe: r.fe.map((x) => x.name),
    vcov: r.vcov,
    clusters: r.clusters.map((c) => c.name),
    stats: { F_first: f.F, partial_r2: f.partialR2, ...ivStats(r) },
  };
}
