import { clusterVcov } from "../vcov/clusterVcov";
import { ClusterVars, VcovType } from "../vcov/types";
import { coefficientTests } from "./inference";

/**
 * The constant reghdfe reports beside absorbed fixed effects: the mean-restoring intercept
 * _cons = ȳ − x̄'b over the estimation sample (as if the means of y and X were added back to
 * the demeaned data and a column of ones included: xtreg, fe and areg report the same).
 * Its variance comes from its influence on each observation, ψᵢ = zᵢ·eᵢ with
 * zᵢ = 1/N − x̄'(X̃'X̃)⁻¹x̃ᵢ, under the model's VCE and small-sample factor:
 * iid s²·Σzᵢ², robust f·Σzᵢ²eᵢ², cluster f·Σ_g(Σ_{i∈g} zᵢeᵢ)² — the entries the augmented
 * regression gives for the intercept, so the slopes' standard errors are untouched.
 *
 * @example
 * const c = meanRestoringConstant({ y, x: [digit, gov], beta, bread, cols: [digitTilde, govTilde], resid, variance })
 * c.b   // 0.1605 in the paper's Table 3 column (2)
 */
export interface ConstantEstimate {
  readonly b: number;
  readonly se: number;
  readonly t: number;
  readonly p: number;
}

/** How the model turns a one-column influence weight z into a variance (its VCE and factor). */
export interface ConstantVce {
  readonly vcov: VcovType;
  /** iid: s² = RSS / residual df. */
  readonly s2: number;
  /** robust / cluster small-sample factor. */
  readonly factor: number;
  readonly clusters: ClusterVars;
  readonly fixPsd: boolean;
  /** Degrees of freedom of the t test. */
  readonly tDf: number;
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
  let v: number;
  if (vce.vcov === "iid") { let s = 0; for (let i = 0; i < N; i++) s += z[i] * z[i]; v = vce.s2 * s; }
  else if (vce.vcov === "robust") { let s = 0; for (let i = 0; i < N; i++) { const w = z[i] * resid[i]; s += w * w; } v = vce.factor * s; }
  else v = clusterVcov(Float64Array.of(1), [z], resid, vce.clusters, vce.factor, vce.fixPsd)[0];
  const tests = coefficientTests(Float64Array.of(b), Float64Array.of(v), vce.tDf);
  return { b, se: tests.se[0], t: tests.t[0], p: tests.p[0] };
}
