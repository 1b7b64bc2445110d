import { AbsorbedFe } from "../vcov/smallSample";
import { ClusterVars, VcovSpec } from "../vcov/types";
import { influenceVariance } from "../vcov/variance";
import { coefficientTests } from "./inference";

/**
 * The constant reghdfe reports beside absorbed fixed effects: the mean-restoring intercept
 * _cons = ȳ − x̄'b over the estimation sample (as if the means of y and X were added back to
 * the demeaned data and a column of ones included: xtreg, fe and areg report the same).
 * Its variance comes from its influence on each observation, ψᵢ = zᵢ·eᵢ with
 * zᵢ = 1/N − x̄'(X̃'X̃)⁻¹x̃ᵢ, under the model's VCE and small-sample factor
 * (vcov/variance.ts `influenceVariance`) — the entry the augmented regression gives for the
 * intercept, so the slopes' standard errors are untouched.
 *
 * @example
 * const c = meanRestoringConstant({ y, x: [digit, gov], beta, bread, cols: [digitTilde, govTilde], resid, vce: { spec, fe, clusters } })
 * c.b   // 0.1605 in the paper's Table 3 column (2)
 */
export interface ConstantEstimate {
  readonly b: number;
  readonly se: number;
  readonly t: number;
  readonly p: number;
}

/** The model's variance estimator, absorbed fixed effects and clusters (as passed to vcov/variance.ts). */
export interface ConstantVce {
  readonly spec: VcovSpec;
  readonly fe: AbsorbedFe;
  readonly clusters: ClusterVars;
}

export function meanRestoringConstant(args: {
  /** Outcome and kept regressors on the estimation sample, before demeaning. */
  y: Float64Array; x: readonly Float64Array[];
  beta: Float64Array; bread: Float64Array;
  /** The (demeaned / projected) design columns the bread was built from, and the residuals. */
  cols: readonly Float64Array[]; resid: Float64Array;
  vce: ConstantVce;
}): ConstantEstimate {
  const { y, x, beta, bread, cols, resid, vce } = args;
  const N = y.length;
  const K = x.length;
  const mean = (v: Float64Array) => { let s = 0; for (let i = 0; i < N; i++) s += v[i]; return s / N; };
  const xBar = x.map(mean);
  let b = mean(y);
  for (let k = 0; k < K; k++) b -= xBar[k] * beta[k];
  // g = (X̃'X̃)⁻¹ x̄, then zᵢ = 1/N − g'x̃ᵢ
  const g = new Float64Array(K);
  for (let a = 0; a < K; a++) for (let c = 0; c < K; c++) g[a] += bread[a * K + c] * xBar[c];
  const z = new Float64Array(N).fill(1 / N);
  for (let k = 0; k < K; k++) { const col = cols[k]; const gk = g[k]; for (let i = 0; i < N; i++) z[i] -= gk * col[i]; }
  const { v, tDf } = influenceVariance({ z, K, resid, clusters: vce.clusters, fe: vce.fe }, vce.spec);
  const tests = coefficientTests(Float64Array.of(b), Float64Array.of(v), tDf);
  return { b, se: tests.se[0], t: tests.t[0], p: tests.p[0] };
}
