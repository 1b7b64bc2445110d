import { EigenvalueDecomposition, Matrix, SingularValueDecomposition } from "ml-matrix";
import {
  asMatrix, completeBasis, crossMatrix, inverseMatrix, inverseSpdMatrix, inverseUpper, isIndefinite, kronecker, symInvSqrt, symSqrt, upperCholesky, vecColumn,
} from "../linalg/decompositions";
import { chi2UpperP } from "../distributions/pvalues";
import { vcovMeat } from "../vcov/meat";
import { ClusterVars, VcovType } from "../vcov/types";

/**
 * Identification tests of the first stage, as ivreg2 computes them by calling ranktest on
 * the FE-demeaned data with the included exogenous regressors partialled out, without
 * small-sample factors (docs/methods.md §3.3; Kleibergen & Paap 2006):
 *
 * - canonical correlations ρ of Ỹ (endogenous) and Z̃ (excluded instruments): the singular
 *   values of Θ = F Π̂ G⁻¹, F'F = Z̃'Z̃/N, G'G = Ỹ'Ỹ/N, Π̂ = (Z̃'Z̃)⁻¹Z̃'Ỹ;
 * - iid: Anderson LM = N·ρ²_min, Cragg–Donald χ² form ρ²_min/(1 − ρ²_min) (computed from the
 *   first-stage fitted values and residuals, so it is never negative and +∞ for a perfect fit);
 * - otherwise the Kleibergen–Paap rk statistic for H0: rank = K1 − 1, in an LM
 *   version (moment "errors" Ỹ) and a Wald version (errors Ỹ − Z̃Π̂).
 *
 * Ỹ and Z̃ must already be FE-demeaned and have the exogenous regressors partialled out.
 */
export interface RankTestInput {
  readonly Y: readonly Float64Array[];
  readonly Z: readonly Float64Array[];
  readonly vcov: VcovType;
  readonly clusters: ClusterVars;
}

export interface RankTestResult {
  /** Canonical correlations, descending. */
  readonly canonicalCorrelations: readonly number[];
  readonly andersonLM: number;
  /** ρ²_min/(1 − ρ²_min); ivreg2 scales it to the Cragg–Donald F. */
  readonly craggDonald: number;
  /** Kleibergen–Paap rk LM (equals Anderson LM under iid). */
  readonly kpLM: number;
  /** Kleibergen–Paap rk Wald χ², unscaled (under iid: N·craggDonald). */
  readonly kpWaldChi2: number;
  /** Degrees of freedom L1 − K1 + 1. */
  readonly df: number;
  readonly kpLMp: number;
  readonly andersonLMp: number;
}

/** Ŝ = (1/N)·meat of the moment functions h_i = v_i ⊗ z_i under the VCE (vcov/meat.ts, no small-sample factor). */
function momentCovariance(V: readonly Float64Array[], Z: readonly Float64Array[], vcov: VcovType, clusters: ClusterVars): Matrix {
  const n = Z[0].length;
  const H: Float64Array[] = [];
  for (const v of V) {
    for (const z of Z) {
      const h = new Float64Array(n);
      for (let i = 0; i < n; i++) h[i] = v[i] * z[i];
      H.push(h);
    }
  }
  const m = H.length;
  const S = vcovMeat(vcov, H, new Float64Array(n).fill(1), clusters)!;
  return asMatrix(S, m).div(n);
}

/**
 * @example
 * // one endogenous regressor, HC0 meat: kpWaldChi2 equals the HC0 Wald statistic of the
 * // excluded instruments in the first stage.
 * rankTest({ Y: [digit], Z: [iv1, iv2], vcov, clusters }).kpWaldChi2
 */
export function rankTest(input: RankTestInput): RankTestResult {
  const { Y, Z, vcov } = input;
  const N = Z[0].length;
  const K1 = Y.length, L1 = Z.length;
  const ZZ = crossMatrix(Z, Z);
  const ZY = crossMatrix(Z, Y);
  const YY = crossMatrix(Y, Y);
  const ZZinv = inverseSpdMatrix(ZZ);
  const Pi = ZZinv.mmul(ZY); // L1 × K1
  const F = upperCholesky(ZZ.clone().div(N));
  const G = upperCholesky(YY.clone().div(N));
  const Ginv = inverseUpper(G);
  const Theta = F.mmul(Pi).mmul(Ginv);
  const svd = new SingularValueDecomposition(Theta, { computeLeftSingularVectors: true, computeRightSingularVectors: true, autoTranspose: false });
  // singular values of Θ are cosines: clamp the rounding above 1 (an endogenous regressor that is itself an instrument)
  const rho = [...svd.diagonal].map((r) => Math.min(r, 1)).sort((a, b) => b - a);
  const df = L1 - K1 + 1;
  // first-stage fitted values Z̃Π̂ and residuals v̂ = Ỹ − Z̃Π̂ (the moment "errors" of the Wald version)
  const fitted = Y.map((_, k) => {
    const f = new Float64Array(N);
    for (let l = 0; l < L1; l++) {
      const p = Pi.get(l, k);
      const z = Z[l];
      for (let i = 0; i < N; i++) f[i] += p * z[i];
    }
    return f;
  });
  const waldErrors = Y.map((y, k) => {
    const e = Float64Array.from(y);
    const f = fitted[k];
    for (let i = 0; i < N; i++) e[i] -= f[i];
    return e;
  });
  const craggDonald = craggDonaldStatistic(YY, fitted, waldErrors);
  // ρ²_min = CD/(1 + CD): equal to the smallest squared singular value of Θ, without the cancellation in 1 − ρ²
  const rhoMin2 = craggDonald === Infinity ? 1 : craggDonald / (1 + craggDonald);
  const andersonLM = N * rhoMin2;
  if (vcov === "iid") {
    return {
      canonicalCorrelations: rho, andersonLM, craggDonald, kpLM: andersonLM, kpWaldChi2: N * craggDonald, df,
      kpLMp: chi2UpperP(andersonLM, df), andersonLMp: chi2UpperP(andersonLM, df),
    };
  }
  // full-rank test at q = K1 − 1
  const q = K1 - 1;
  const U = completeBasis(svd.leftSingularVectors);
  const Vr = svd.rightSingularVectors;
  const Ucols = U.subMatrix(0, L1 - 1, q, L1 - 1); // [U12; U22]
  const U22 = U.subMatrix(q, L1 - 1, q, L1 - 1);
  const A = Ucols.mmul(inverseMatrix(U22)).mmul(symSqrt(U22.mmul(U22.transpose())));
  const Vcols = Vr.subMatrix(0, K1 - 1, q, K1 - 1); // [V12; V22]
  const V22 = Vr.subMatrix(q, K1 - 1, q, K1 - 1);
  const B = symSqrt(V22.mmul(V22.transpose())).mmul(inverseMatrix(V22.transpose())).mmul(Vcols.transpose());
  const kron = kronecker(B, A.transpose()); // ((K1−q)(L1−q)) × (K1·L1)
  const lambda = kron.mmul(vecColumn(Theta));
  const T = kronecker(Ginv.transpose(), inverseUpper(F).transpose()); // G⁻ᵀ ⊗ F⁻ᵀ
  const statistic = (errors: readonly Float64Array[]): number => {
    const S = momentCovariance(errors, Z, vcov, input.clusters);
    const VarN = T.mmul(S).mmul(T.transpose());
    const Omega = kron.mmul(VarN).mmul(kron.transpose());
    // a two-way (CGM) S can be indefinite; the quadratic form is then no test statistic (ivreg2 would
    // print a negative or meaningless number): report it as undefined
    if (isIndefinite(Omega)) return NaN;
    const Oi = inverseSpdMatrix(Omega);
    return N * lambda.transpose().mmul(Oi).mmul(lambda).get(0, 0);
  };
  const kpLM = statistic(Y);
  // a perfect first stage (v̂ = 0 exactly) identifies the model exactly: the Wald statistic is infinite
  const kpWaldChi2 = craggDonald === Infinity ? Infinity : statistic(waldErrors);
  return {
    canonicalCorrelations: rho, andersonLM, craggDonald, kpLM, kpWaldChi2, df,
    kpLMp: chi2UpperP(kpLM, df), andersonLMp: chi2UpperP(andersonLM, df),
  };
}

/**
 * Cragg–Donald χ²/N form: the smallest generalized eigenvalue of Ỹ'P_Z Ỹ relative to Ỹ'M_Z Ỹ,
 * i.e. min ρ²/(1 − ρ²), computed from the first-stage fitted values and residuals themselves so
 * that it stays positive (and becomes +∞) as the first stage approaches a perfect fit. The
 * eigenvectors come from T^{-1/2}(V'V)T^{-1/2} (T = Ỹ'Ỹ), which shares them with
 * T^{-1/2}(Ỹ'P_Z Ỹ)T^{-1/2}; both quadratic forms are then evaluated as sums of squares.
 */
function craggDonaldStatistic(YY: Matrix, fitted: readonly Float64Array[], resid: readonly Float64Array[]): number {
  const K = fitted.length;
  const n = fitted[0].length;
  const Tm12 = symInvSqrt(YY);
  const E = crossMatrix(resid, resid);
  const eig = new EigenvalueDecomposition(Tm12.mmul(E).mmul(Tm12), { assumeSymmetric: true });
  const W = Tm12.mmul(eig.eigenvectorMatrix); // columns w_k
  let cd = Infinity;
  for (let k = 0; k < K; k++) {
    let e = 0, h = 0;
    for (let i = 0; i < n; i++) {
      let ve = 0, vh = 0;
      for (let j = 0; j < K; j++) {
        const w = W.get(j, k);
        ve += w * resid[j][i];
        vh += w * fitted[j][i];
      }
      e += ve * ve;
      h += vh * vh;
    }
    cd = Math.min(cd, h / e); // e = 0: that direction is fitted perfectly (+∞)
  }
  return cd;
}
