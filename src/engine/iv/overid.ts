import { chi2UpperP } from "../distributions/pvalues";
import { crossVec, sumSquares } from "../linalg/crossprod";
import { matVec, spdInverse } from "../linalg/matrix";
import { residuals } from "../linalg/residuals";
import { vcovMeat } from "../vcov/meat";
import { ClusterVars, VcovType } from "../vcov/types";
import { Projector } from "../linalg/project";

/**
 * Over-identification test as ivreg2 reports it (docs/methods.md §3.4), on FE-demeaned data
 * with all instruments Z (excluded + included exogenous):
 * - iid: Sargan = N·û'P_Z û / û'û, û the 2SLS residuals;
 * - otherwise Hansen J from two-step efficient GMM: Ŝ = the VCE's meat of the 2SLS residuals
 *   over N (vcov/meat.ts, no small-sample factor), β̃ = (X'ZŜ⁻¹Z'X)⁻¹X'ZŜ⁻¹Z'y,
 *   J = N·ḡ'Ŝ⁻¹ḡ with ḡ = Z'(y − Xβ̃)/N.
 * χ²(L1 − K1); exactly identified models give J = 0 with df 0 and p undefined.
 */
export interface OveridResult {
  readonly statistic: number;
  readonly df: number;
  readonly p: number;
  readonly name: "sargan" | "hansen_j";
}

export function overidTest(args: {
  y: Float64Array; X: readonly Float64Array[]; Z: Projector; resid2sls: Float64Array; df: number;
  vcov: VcovType; clusters: ClusterVars;
}): OveridResult {
  const { y, X, Z, resid2sls: u, df, vcov, clusters } = args;
  const name = vcov === "iid" ? "sargan" : "hansen_j";
  if (df === 0) return { statistic: 0, df: 0, p: NaN, name };
  const N = y.length;
  const meat = vcovMeat(vcov, Z.cols, u, clusters);
  if (!meat) {
    const fitted = Z.regress(u).fitted;
    const s = (N * sumSquares(fitted)) / sumSquares(u);
    return { statistic: s, df, p: chi2UpperP(s, df), name };
  }
  const L = Z.cols.length;
  const K = X.length;
  const Sinv = spdInverse(meat.map((v) => v / N), L);
  if (!Sinv) return { statistic: NaN, df, p: NaN, name };
  // W = Ŝ⁻¹; β̃ = (X'Z W Z'X)⁻¹ X'Z W Z'y
  const ZX = X.map((x) => crossVec(Z.cols, x)); // K vectors of length L (columns of Z'X)
  const Zy = crossVec(Z.cols, y);
  const WZX = ZX.map((c) => matVec(Sinv, c, L, L));
  const A = new Float64Array(K * K);
  const b = new Float64Array(K);
  for (let a = 0; a < K; a++) {
    for (let c = 0; c < K; c++) { let s = 0; for (let l = 0; l < L; l++) s += ZX[a][l] * WZX[c][l]; A[a * K + c] = s; }
    let s = 0;
    for (let l = 0; l < L; l++) s += WZX[a][l] * Zy[l];
    b[a] = s;
  }
  const Ai = spdInverse(A, K);
  if (!Ai) return { statistic: NaN, df, p: NaN, name };
  const beta = matVec(Ai, b, K, K);
  const e = residuals(X, y, beta);
  const g = crossVec(Z.cols, e).map((v) => v / N);
  const Wg = matVec(Sinv, g, L, L);
  let J = 0;
  for (let l = 0; l < L; l++) J += g[l] * Wg[l];
  J *= N;
  return { statistic: J, df, p: chi2UpperP(J, df), name };
}
