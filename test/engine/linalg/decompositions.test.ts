/** Small-matrix helpers of the rank test (src/engine/linalg/decompositions.ts): exact small cases and identities. */
import fc from "fast-check";
import { Matrix } from "ml-matrix";
import {
  asMatrix, completeBasis, crossMatrix, inverseMatrix, inverseSpdMatrix, inverseUpper, isIndefinite, kronecker, rowMajor, symInvSqrt, symSqrt, upperCholesky, vecColumn,
} from "../../../src/engine/linalg/decompositions";

const close = (A: Matrix, B: Matrix, tol = 1e-12) => {
  expect([A.rows, A.columns]).toEqual([B.rows, B.columns]);
  A.to1DArray().forEach((a, i) => expect(Math.abs(a - B.to1DArray()[i])).toBeLessThanOrEqual(tol * (1 + Math.abs(a))));
};

test("worked examples", () => {
  expect(crossMatrix([Float64Array.of(1, 2)], [Float64Array.of(3, 4), Float64Array.of(0, 1)]).to2DArray()).toEqual([[11, 2]]);
  expect(upperCholesky(new Matrix([[4, 2], [2, 5]])).to2DArray()).toEqual([[2, 1], [0, 2]]);
  expect(inverseUpper(new Matrix([[2, 1], [0, 4]])).to2DArray()).toEqual([[0.5, -0.125], [0, 0.25]]);
  expect(vecColumn(new Matrix([[1, 2], [3, 4]])).to1DArray()).toEqual([1, 3, 2, 4]);
  expect(kronecker(new Matrix([[1, 2]]), new Matrix([[1], [10]])).to2DArray()).toEqual([[1, 2], [10, 20]]);
  expect(rowMajor(asMatrix(Float64Array.of(1, 2, 3, 4, 5, 6), 2, 3))).toEqual(Float64Array.of(1, 2, 3, 4, 5, 6));
  close(symSqrt(new Matrix([[4, 0], [0, 9]])), new Matrix([[2, 0], [0, 3]]));
  close(symInvSqrt(new Matrix([[4, 0], [0, 9]])), new Matrix([[0.5, 0], [0, 1 / 3]]));
  expect(isIndefinite(new Matrix([[1, 2], [2, 1]]))).toBe(true);
  expect(isIndefinite(new Matrix([[2, 1], [1, 2]]))).toBe(false);
  close(inverseMatrix(new Matrix([[0, 1], [1, 0]])), new Matrix([[0, 1], [1, 0]]));
});

const spd = fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 9, maxLength: 9 }).map((a) => {
  const X = new Matrix([a.slice(0, 3), a.slice(3, 6), a.slice(6, 9)]);
  return X.transpose().mmul(X).add(Matrix.eye(3, 3)); // X'X + I: symmetric positive definite
});

test("properties: R'R = A, A·A⁻¹ = I, (√A)² = A, vec(AXB) = (B' ⊗ A) vec X, a completed basis is orthogonal", () => {
  fc.assert(fc.property(spd, (A) => {
    const R = upperCholesky(A);
    close(R.transpose().mmul(R), A, 1e-10);
    close(R.mmul(inverseUpper(R)), Matrix.eye(3, 3), 1e-10);
    close(A.mmul(inverseSpdMatrix(A)), Matrix.eye(3, 3), 1e-9);
    const S = symSqrt(A);
    close(S.mmul(S), A, 1e-9);
    close(symInvSqrt(A).mmul(S), Matrix.eye(3, 3), 1e-9);
    const X = new Matrix([[1, 2], [3, 4], [5, 6]]);
    const B = new Matrix([[1, -1, 0], [2, 0, 1]]);
    close(vecColumn(A.mmul(X).mmul(B)), kronecker(B.transpose(), A).mmul(vecColumn(X)), 1e-10);
    const u = A.getColumnVector(0);
    const U = completeBasis(u.div(u.norm()));
    close(U.transpose().mmul(U), Matrix.eye(3, 3), 1e-10);
  }));
});
