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
  readonly nobs: number;
  readonly r2: number;
  readonly fe: readonly string[];
  readonly vcov: string;
  readonly clusters: readonly string[];
  readonly stats: Readonly<Record<string, number>>;
}

const estimates = (terms: readonly string[], b: Float64Array, se: Float64Array, p: Float64Array): Record<string, Estimate> =>
  Object.fromEntries(terms.map((t, j) => [t, { b: b[j], se: se[j], p: p[j] }]));

/** A FEREG column; R² is the overall R² (the paper's Table 3 reports 0.7053 for the FE model). */
export function columnFromFereg(r: FeregResult): ModelColumn {
  return {
    depvar: r.y,
    coef: estimates(r.terms, r.coef, r.se, r.p),
    nobs: r.nobs,
    r2: r.r2,
    fe: r.fe.map((f) => f.name),
    vcov: r.vcov,
    clusters: r.clusters.map((c) => c.name),
    stats: { r2_within: r.r2Within, r2_adj: r.r2Adj, F: r.F },
  };
}

/** The second stage of an IV model, with its identification statistics. */
export function columnFromIv(r: Iv2slsResult): ModelColumn {
  return {
    depvar: r.y,
    coef: estimates(r.terms, r.coef, r.se, r.p),
    nobs: r.nobs,
    r2: r.r2,
    fe: r.fe.map((f) => f.name),
    vcov: r.vcov,
    clusters: r.clusters.map((c) => c.name),
    stats: {
      kp_lm: r.kpLM,
      kp_lm_p: r.kpLMp,
      kp_f: r.kpF,
      cd_f: r.cdF,
      hansen_j: r.overid.statistic,
      hansen_j_p: r.overid.p,
      ...(r.stockYogo.size["10%"] !== undefined ? { sy_size_10: r.stockYogo.size["10%"] } : {}),
    },
  };
}

/** The first stage of endogenous regressor k of an IV model (outcome = that regressor). */
export function columnFromFirstStage(r: Iv2slsResult, k = 0): ModelColumn {
  const f = r.firstStages[k];
  return {
    depvar: f.endog,
    coef: estimates(f.terms, f.coef, f.se, f.p),
    nobs: r.nobs,
    r2: NaN,
    fe: r.fe.map((x) => x.name),
    vcov: r.vcov,
    clusters: r.clusters.map((c) => c.name),
    stats: { F_first: f.F, partial_r2: f.partialR2 },
  };
}
