import { fUpperP, tTwoSidedP } from "../distributions/pvalues";
import { spdInverse, subMatrix } from "../linalg/matrix";

/** Standard errors, t statistics and two-sided p-values with `df` degrees of freedom. */
export function coefficientTests(beta: Float64Array, V: Float64Array, df: number): { se: Float64Array; t: Float64Array; p: Float64Array } {
  const k = beta.length;
  const se = new Float64Array(k);
  const t = new Float64Array(k);
  const p = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const v = V[j * k + j];
    se[j] = v >= 0 ? Math.sqrt(v) : NaN;
    t[j] = beta[j] / se[j];
    p[j] = tTwoSidedP(t[j], df);
  }
  return { se, t, p };
}

/**
 * Wald F test that the coefficients at `idx` are all zero: F = b'V⁻¹b / q, with p from
 * F(q, df). NaN when V is singular on them (a sandwich V has rank at most the number of
 * independent score sums, vcov/variance.ts).
 */
export function waldF(beta: Float64Array, V: Float64Array, idx: readonly number[], df: number): { F: number; p: number; df1: number; df2: number } {
  const k = beta.length;
  const q = idx.length;
  if (q === 0) return { F: NaN, p: NaN, df1: 0, df2: df };
  const Vi = spdInverse(subMatrix(V, k, idx), q);
  if (!Vi) return { F: NaN, p: NaN, df1: q, df2: df };
  let w = 0;
  for (let a = 0; a < q; a++) for (let b = 0; b < q; b++) w += beta[idx[a]] * Vi[a * q + b] * beta[idx[b]];
  const F = w / q;
  return { F, p: fUpperP(F, q, df), df1: q, df2: df };
}
