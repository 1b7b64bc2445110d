/**
 * Cross-products of column vectors, the only O(N·K²) step of a regression.
 * Matrices are row-major Float64Array of size k×k.
 */

/** G = X'X for the columns of X. */
export function gram(cols: readonly Float64Array[]): Float64Array {
  const k = cols.length;
  const G = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    const xa = cols[a];
    for (let b = a; b < k; b++) {
      const xb = cols[b];
      let s = 0;
      for (let i = 0; i < xa.length; i++) s += xa[i] * xb[i];
      G[a * k + b] = s;
      G[b * k + a] = s;
    }
  }
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
