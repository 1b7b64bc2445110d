import { EigenvalueDecomposition } from "ml-matrix";
import { asMatrix } from "../linalg/decompositions";

/**
 * Make a symmetric matrix positive semi-definite by setting negative eigenvalues to zero
 * (Cameron–Gelbach–Miller's fix for two-way cluster variances, as reghdfe's
 * `reghdfe_fix_psd`). Returns the input unchanged when it is already PSD.
 */
export function clipToPsd(V: Float64Array, k: number): { V: Float64Array; clipped: boolean } {
  const eig = new EigenvalueDecomposition(asMatrix(V, k), { assumeSymmetric: true });
  const lambda = eig.realEigenvalues;
  if (lambda.every((l) => l >= 0)) return { V, clipped: false };
  const Q = eig.eigenvectorMatrix;
  const out = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) if (lambda[p] > 0) s += Q.get(i, p) * lambda[p] * Q.get(j, p);
      out[i * k + j] = s;
    }
  }
  return { V: out, clipped: true };
}
