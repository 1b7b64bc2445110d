/**
 * Small dense matrices (k×k, row-major Float64Array) for the K-dimensional steps of a
 * regression: products, quadratic forms and the symmetric inverse.
 */

/** C = A·B for A (m×p) and B (p×q). */
export function matMul(A: Float64Array, B: Float64Array, m: number, p: number, q: number): Float64Array {
  const C = new Float64Array(m * q);
  for (let i = 0; i < m; i++) {
    for (let k = 0; k < p; k++) {
      const a = A[i * p + k];
      if (a === 0) continue;
      for (let j = 0; j < q; j++) C[i * q + j] += a * B[k * q + j];
    }
  }
  return C;
}

/** B·M·B for symmetric B and M (k×k): the sandwich. */
export function sandwich(B: Float64Array, M: Float64Array, k: number): Float64Array {
  return symmetrize(matMul(matMul(B, M, k, k, k), B, k, k, k), k);
}

/** (A + A')/2, removing rounding asymmetry. */
export function symmetrize(A: Float64Array, k: number): Float64Array {
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const s = 0.5 * (A[i * k + j] + A[j * k + i]);
      A[i * k + j] = s;
      A[j * k + i] = s;
    }
  }
  return A;
}

/** A·x. */
export function matVec(A: Float64Array, x: Float64Array, m: number, n: number): Float64Array {
  const y = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += A[i * n + j] * x[j];
    y[i] = s;
  }
  return y;
}

/** Multiply every entry by c, in place. */
export function scaleInPlace(A: Float64Array, c: number): Float64Array {
  for (let i = 0; i < A.length; i++) A[i] *= c;
  return A;
}

/** The sub-matrix of A (k×k) on the given row/column indices. */
export function subMatrix(A: Float64Array, k: number, idx: readonly number[]): Float64Array {
  const m = idx.length;
  const S = new Float64Array(m * m);
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) S[i * m + j] = A[idx[i] * k + idx[j]];
  return S;
}

/**
 * Inverse of a symmetric positive-definite matrix by Cholesky, with the columns first
 * scaled to unit diagonal so badly scaled regressors (values near 2e4 next to shares near
 * 0.01) lose no precision. Returns null when the matrix is not positive definite.
 */
export function spdInverse(A: Float64Array, k: number): Float64Array | null {
  const s = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const d = A[i * k + i];
    if (!(d > 0)) return null;
    s[i] = 1 / Math.sqrt(d);
  }
  const L = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j <= i; j++) L[i * k + j] = A[i * k + j] * s[i] * s[j];
  for (let j = 0; j < k; j++) {
    let d = L[j * k + j];
    for (let p = 0; p < j; p++) d -= L[j * k + p] * L[j * k + p];
    if (!(d > 0)) return null;
    d = Math.sqrt(d);
    L[j * k + j] = d;
    for (let i = j + 1; i < k; i++) {
      let v = L[i * k + j];
      for (let p = 0; p < j; p++) v -= L[i * k + p] * L[j * k + p];
      L[i * k + j] = v / d;
    }
  }
  // inverse of L (lower), then (L⁻¹)'L⁻¹
  const Li = new Float64Array(k * k);
  for (let j = 0; j < k; j++) {
    Li[j * k + j] = 1 / L[j * k + j];
    for (let i = j + 1; i < k; i++) {
      let v = 0;
      for (let p = j; p < i; p++) v -= L[i * k + p] * Li[p * k + j];
      Li[i * k + j] = v / L[i * k + i];
    }
  }
  const inv = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let v = 0;
      for (let p = i; p < k; p++) v += Li[p * k + i] * Li[p * k + j];
      const x = v * s[i] * s[j];
      inv[i * k + j] = x;
      inv[j * k + i] = x;
    }
  }
  return inv;
}
