import { crossVec, gram } from "./crossprod";
import { matVec, spdInverse } from "./matrix";
import { residuals } from "./residuals";

/**
 * Projection on the span of a fixed set of columns Z (full column rank): the inverse
 * Gram matrix is computed once and reused for every vector projected.
 *
 * @example
 * const P = projector([z1, z2]);
 * const { coef, fitted, resid } = P.regress(x);
 */
export interface Projector {
  readonly cols: readonly Float64Array[];
  /** (Z'Z)⁻¹ */
  readonly ZtZinv: Float64Array;
  regress(v: Float64Array): { coef: Float64Array; fitted: Float64Array; resid: Float64Array };
}

export function projector(cols: readonly Float64Array[]): Projector {
  const k = cols.length;
  const ZtZinv = k === 0 ? new Float64Array(0) : spdInverse(gram(cols), k);
  if (!ZtZinv) throw new Error("projector: columns are not of full rank");
  return {
    cols,
    ZtZinv,
    regress(v) {
      const coef = matVec(ZtZinv, crossVec(cols, v), k, k);
      // one refinement step for badly scaled columns
      const r0 = residuals(cols, v, coef);
      const d = matVec(ZtZinv, crossVec(cols, r0), k, k);
      for (let j = 0; j < k; j++) coef[j] += d[j];
      const resid = residuals(cols, v, coef);
      const fitted = new Float64Array(v.length);
      for (let i = 0; i < v.length; i++) fitted[i] = v[i] - resid[i];
      return { coef, fitted, resid };
    },
  };
}
