import { crossVec, gram } from "../linalg/crossprod";
import { matVec, spdInverse, subMatrix } from "../linalg/matrix";
import { residuals } from "../linalg/residuals";

/**
 * Least squares on (already demeaned) columns with collinearity detection.
 *
 * A column is dropped — never a crash, never a garbage coefficient — when
 * - `absorbedBy` is given and its sum of squares after demeaning is below 1e-9 of its
 *   centred sum of squares before (it is constant within the fixed effects), or
 * - it is (numerically) a linear combination of the columns kept before it: the squared
 *   residual of its regression on them, relative to its own sum of squares, is below 1e-9.
 * Earlier columns win, as in Stata.
 */
export interface LeastSquaresFit {
  /** Indices (into the input columns) of the columns kept, in order. */
  readonly keep: readonly number[];
  /** Indices dropped as collinear, and why. */
  readonly omitted: readonly { index: number; reason: "collinear" | "absorbed" }[];
  readonly beta: Float64Array;
  /** (X'X)⁻¹ over the kept columns (the "bread" of every sandwich). */
  readonly bread: Float64Array;
  readonly resid: Float64Array;
  readonly rss: number;
}

export const COLLINEARITY_TOL = 1e-9;

export function leastSquares(cols: readonly Float64Array[], y: Float64Array, absorbedBy?: readonly number[]): LeastSquaresFit {
  const K = cols.length;
  const G = gram(cols);
  const { keep, omitted } = independentColumns(G, K, absorbedBy);
  const k = keep.length;
  const Gk = subMatrix(G, K, keep);
  const bread = spdInverse(Gk, k) ?? new Float64Array(k * k).fill(NaN);
  const kept = keep.map((j) => cols[j]);
  const n = y.length;
  const beta = matVec(bread, crossVec(kept, y), k, k);
  const resid = residuals(kept, y, beta);
  // one step of iterative refinement: β += (X'X)⁻¹ X'e
  const delta = matVec(bread, crossVec(kept, resid), k, k);
  for (let j = 0; j < k; j++) beta[j] += delta[j];
  const e = residuals(kept, y, beta);
  let rss = 0;
  for (let i = 0; i < n; i++) rss += e[i] * e[i];
  return { keep, omitted, beta, bread, resid: e, rss };
}

/**
 * Which columns of a Gram matrix G (K×K) are linearly independent, in order (earlier columns
 * win), by a sequential Cholesky on the unit-diagonal scaling of G; see leastSquares.
 */
export function independentColumns(G: Float64Array, K: number, absorbedBy?: readonly number[]): { keep: number[]; omitted: { index: number; reason: "collinear" | "absorbed" }[] } {
  const omitted: { index: number; reason: "collinear" | "absorbed" }[] = [];
  const keep: number[] = [];
  const L: number[][] = [];
  for (let j = 0; j < K; j++) {
    const gjj = G[j * K + j];
    if (absorbedBy && !(gjj > COLLINEARITY_TOL * absorbedBy[j])) { omitted.push({ index: j, reason: "absorbed" }); continue; }
    if (!(gjj > 0)) { omitted.push({ index: j, reason: "collinear" }); continue; }
    const row: number[] = [];
    let d = 1;
    for (let p = 0; p < keep.length; p++) {
      const q = keep[p];
      let v = G[j * K + q] / Math.sqrt(gjj * G[q * K + q]);
      for (let r = 0; r < p; r++) v -= row[r] * L[p][r];
      v /= L[p][p];
      row.push(v);
      d -= v * v;
    }
    if (d < COLLINEARITY_TOL) { omitted.push({ index: j, reason: "collinear" }); continue; }
    row.push(Math.sqrt(d));
    L.push(row);
    keep.push(j);
  }
  return { keep, omitted };
}
