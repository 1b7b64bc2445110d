import { EigenvalueDecomposition, inverse as mlInverse, Matrix } from "ml-matrix";
import { spdInverse } from "./matrix";

/**
 * Matrix algebra that needs a decomposition (Cholesky, eigen, SVD), on small dense matrices.
 *
 * The engine has one representation per role: data are columns (`Float64Array` per
 * variable); the K×K steps of a regression that run in hot loops (./matrix.ts: products,
 * sandwiches, the SPD inverse) use row-major `Float64Array`; decompositions use ml-matrix's
 * `Matrix`, whose eigen and singular value decompositions CityPanel does not re-implement.
 * `asMatrix` / `rowMajor` are the one crossing between the last two; `crossMatrix` turns
 * columns into a `Matrix` of cross-products.
 */

/** A row-major k×c Float64Array as a Matrix. */
export function asMatrix(A: Float64Array, rows: number, cols: number = rows): Matrix {
  const M = new Matrix(rows, cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) M.set(i, j, A[i * cols + j]);
  return M;
}

/** A Matrix as a row-major Float64Array. */
export const rowMajor = (M: Matrix): Float64Array => Float64Array.from(M.to1DArray());

/**
 * A'B for the columns of A and B (each a Float64Array of the same length).
 *
 * @example
 * crossMatrix([Float64Array.of(1, 2)], [Float64Array.of(3, 4)]).get(0, 0)  // 11
 */
export function crossMatrix(A: readonly Float64Array[], B: readonly Float64Array[]): Matrix {
  const M = new Matrix(A.length, B.length);
  for (let a = 0; a < A.length; a++) {
    for (let b = 0; b < B.length; b++) {
      let s = 0;
      const x = A[a], y = B[b];
      for (let i = 0; i < x.length; i++) s += x[i] * y[i];
      M.set(a, b, s);
    }
  }
  return M;
}

/**
 * Upper-triangular R with R'R = A (A symmetric positive definite).
 *
 * @example
 * upperCholesky(new Matrix([[4, 2], [2, 5]])).to2DArray()  // [[2, 1], [0, 2]]
 */
export function upperCholesky(A: Matrix): Matrix {
  const k = A.rows;
  const R = new Matrix(k, k);
  for (let j = 0; j < k; j++) {
    let d = A.get(j, j);
    for (let p = 0; p < j; p++) d -= R.get(p, j) ** 2;
    const r = Math.sqrt(d);
    R.set(j, j, r);
    for (let i = j + 1; i < k; i++) {
      let v = A.get(j, i);
      for (let p = 0; p < j; p++) v -= R.get(p, j) * R.get(p, i);
      R.set(j, i, v / r);
    }
  }
  return R;
}

/** Inverse of an upper-triangular matrix by back substitution. */
export function inverseUpper(R: Matrix): Matrix {
  const k = R.rows;
  const X = new Matrix(k, k);
  for (let j = 0; j < k; j++) {
    X.set(j, j, 1 / R.get(j, j));
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let p = i + 1; p <= j; p++) s += R.get(i, p) * X.get(p, j);
      X.set(i, j, -s / R.get(i, i));
    }
  }
  return X;
}

/** Symmetric square root of a symmetric PSD matrix (negative rounding clipped to 0). */
export function symSqrt(A: Matrix): Matrix {
  const e = new EigenvalueDecomposition(A, { assumeSymmetric: true });
  const Q = e.eigenvectorMatrix;
  const d = e.realEigenvalues.map((l) => Math.sqrt(Math.max(l, 0)));
  return Q.mmul(Matrix.diag(d)).mmul(Q.transpose());
}

/** Inverse symmetric square root of a symmetric positive-definite matrix. */
export function symInvSqrt(A: Matrix): Matrix {
  const e = new EigenvalueDecomposition(A, { assumeSymmetric: true });
  const Q = e.eigenvectorMatrix;
  const d = e.realEigenvalues.map((l) => 1 / Math.sqrt(l));
  return Q.mmul(Matrix.diag(d)).mmul(Q.transpose());
}

/** A symmetric matrix with an eigenvalue below −1e-12 of its largest absolute eigenvalue. */
export function isIndefinite(A: Matrix): boolean {
  const ev = new EigenvalueDecomposition(A, { assumeSymmetric: true }).realEigenvalues;
  const scale = Math.max(...ev.map(Math.abs));
  return ev.some((l) => l < -1e-12 * scale);
}

/**
 * Complete the orthonormal columns of U (m×r) to an m×m orthogonal matrix (Gram–Schmidt,
 * twice, over the unit vectors).
 */
export function completeBasis(U: Matrix): Matrix {
  const m = U.rows;
  const cols: number[][] = [];
  for (let j = 0; j < U.columns; j++) cols.push(U.getColumn(j));
  for (let e = 0; e < m && cols.length < m; e++) {
    let v = new Array<number>(m).fill(0);
    v[e] = 1;
    for (let pass = 0; pass < 2; pass++) {
      for (const c of cols) {
        let d = 0;
        for (let i = 0; i < m; i++) d += c[i] * v[i];
        v = v.map((x, i) => x - d * c[i]);
      }
    }
    const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
    if (norm > 1e-8) cols.push(v.map((x) => x / norm));
  }
  const out = new Matrix(m, m);
  cols.forEach((c, j) => c.forEach((x, i) => out.set(i, j, x)));
  return out;
}

/**
 * vec(M): the columns stacked into one column.
 *
 * @example
 * vecColumn(new Matrix([[1, 2], [3, 4]])).to1DArray()  // [1, 3, 2, 4]
 */
export function vecColumn(M: Matrix): Matrix {
  const v = new Matrix(M.rows * M.columns, 1);
  for (let j = 0; j < M.columns; j++) for (let i = 0; i < M.rows; i++) v.set(j * M.rows + i, 0, M.get(i, j));
  return v;
}

/**
 * The Kronecker product A ⊗ B.
 *
 * @example
 * kronecker(new Matrix([[1, 2]]), new Matrix([[1], [10]])).to2DArray()  // [[1, 2], [10, 20]]
 */
export function kronecker(A: Matrix, B: Matrix): Matrix {
  const K = new Matrix(A.rows * B.rows, A.columns * B.columns);
  for (let i = 0; i < A.rows; i++) for (let j = 0; j < A.columns; j++) {
    const a = A.get(i, j);
    for (let p = 0; p < B.rows; p++) for (let r = 0; r < B.columns; r++) K.set(i * B.rows + p, j * B.columns + r, a * B.get(p, r));
  }
  return K;
}

/** Inverse of a symmetric positive-definite matrix (./matrix.ts's Cholesky; LU if that fails). */
export function inverseSpdMatrix(M: Matrix): Matrix {
  const inv = spdInverse(rowMajor(M), M.rows);
  return inv ? asMatrix(inv, M.rows) : mlInverse(M, true);
}

/** Inverse of a general square matrix (LU). */
export const inverseMatrix = (M: Matrix): Matrix => mlInverse(M);
