/**
 * Cross-products of column vectors, the only O(N·K²) step of a regression.
 * Matrices are row-major Float64Array of size k×k.
 */

/** Rows per block in `gram`: 8 columns × 2048 doubles stay in L2 while every pair is summed. */
const GRAM_BLOCK = 2048;

/**
 * G = X'X for the columns of X. Rows are processed in blocks so that each column is read
 * from memory once (not once per pair): at a million rows and 8 columns that is 8 instead
 * of 36 passes over 8 MB arrays. Within a block each pair is a plain dot product; the
 * block partial sums are added in order (blocked summation, no less accurate).
 */
export function gram(cols: readonly Float64Array[]): Float64Array {
  const k = cols.length;
  const G = new Float64Array(k * k);
  const n = k > 0 ? cols[0].length : 0;
  for (let lo = 0; lo < n; lo += GRAM_BLOCK) {
    const hi = Math.min(n, lo + GRAM_BLOCK);
    for (let a = 0; a < k; a++) {
      const xa = cols[a];
      for (let b = a; b < k; b++) {
        const xb = cols[b];
        let s = 0;
        for (let i = lo; i < hi; i++) s += xa[i] * xb[i];
        G[a * k + b] += s;
      }
    }
  }
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) G[a * k + b] = G[b * k + a];
  return G;
}

/** X'v for the columns of X. */
export function crossVec(cols: readonly Float64Array[], v: Float64Array): Float64Array {
  const out = new Float64Array(cols.length);
  for (let a = 0; a < cols.length; a++) {
    const xa = cols[a];
    let s = 0;
    for (let i = 0; i < xa.length; i++) s += xa[i] * v[i];
    out[a] = s;
  }
  return out;
}

/** Σ v². */
export function sumSquares(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return s;
}

/** Σ (v − mean)². */
export function centeredSumSquares(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m += v[i];
  m /= v.length;
  let s = 0;
  for (let i = 0; i < v.length; i++) s += (v[i] - m) * (v[i] - m);
  return s;
}
