import { CholeskyDecomposition, Matrix } from "ml-matrix";
import { asMatrix } from "../linalg/decompositions";
import { chi2UpperP } from "../distributions/pvalues";

/**
 * Whether a correlation matrix is worth a PCA / factor analysis: the Kaiser–Meyer–Olkin
 * measure of sampling adequacy and Bartlett's test of sphericity, as `psych::KMO` and
 * `psych::cortest.bartlett` compute them. R is p×p, row-major, a correlation matrix.
 * Both need R positive definite; otherwise they are NaN (perfectly collinear indicators).
 */

export interface Kmo {
  /** Overall MSA = Σ_{i≠j} r²_ij / (Σ_{i≠j} r²_ij + Σ_{i≠j} a²_ij). */
  readonly overall: number;
  /** MSA of each variable (same sums restricted to its row). */
  readonly perVariable: Float64Array;
}

export interface Bartlett {
  /** χ² = −(n − 1 − (2p + 5)/6)·ln det R. */
  readonly chi2: number;
  /** p(p − 1)/2. */
  readonly df: number;
  readonly p: number;
}

/**
 * KMO with partial correlations a_ij = −(R⁻¹)_ij / √((R⁻¹)_ii (R⁻¹)_jj).
 *
 * @example
 * kmoMsa(Float64Array.of(1, 0.5, 0.5, 1), 2)  // { overall: 0.5, perVariable: [0.5, 0.5] }
 */
export function kmoMsa(R: Float64Array, p: number): Kmo {
  const chol = new CholeskyDecomposition(asMatrix(R, p));
  const perVariable = new Float64Array(p).fill(NaN);
  if (!chol.isPositiveDefinite()) return { overall: NaN, perVariable };
  const inv = chol.solve(Matrix.eye(p, p));
  let r2 = 0;
  let a2 = 0;
  for (let i = 0; i < p; i++) {
    let ri = 0;
    let ai = 0;
    for (let j = 0; j < p; j++) {
      if (i === j) continue;
      const r = R[i * p + j];
      const a = -inv.get(i, j) / Math.sqrt(inv.get(i, i) * inv.get(j, j));
      ri += r * r;
      ai += a * a;
    }
    perVariable[i] = ri / (ri + ai);
    r2 += ri;
    a2 += ai;
  }
  return { overall: r2 / (r2 + a2), perVariable };
}

/**
 * Bartlett's sphericity test of H0: R = I, from n observations.
 *
 * @example
 * bartlettSphericity(Float64Array.of(1, 0.5, 0.5, 1), 2, 100)
 * // { chi2: 28.049… = −(99 − 1.5)·ln 0.75, df: 1, p: 1.18e-7 }
 */
export function bartlettSphericity(R: Float64Array, p: number, n: number): Bartlett {
  const df = (p * (p - 1)) / 2;
  const chol = new CholeskyDecomposition(asMatrix(R, p));
  if (!chol.isPositiveDefinite()) return { chi2: NaN, df, p: NaN };
  const L = chol.lowerTriangularMatrix;
  let logDet = 0;
  for (let i = 0; i < p; i++) logDet += 2 * Math.log(L.get(i, i));
  const chi2 = -(n - 1 - (2 * p + 5) / 6) * logDet;
  return { chi2, df, p: chi2UpperP(chi2, df) };
}
