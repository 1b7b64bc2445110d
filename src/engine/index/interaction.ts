import { valueError } from "../errors";
import { assertEqualLengths, NamedValues } from "./checks";

/**
 * Interaction term x·z (docs/methods.md §7.4), optionally mean-centred first: (x − x̄)(z − z̄)
 * with x̄, z̄ the pooled means over the rows where both are present. Rows with either
 * value missing get NaN. Compute interactions before any within transformation.
 */
export interface InteractionResult {
  readonly values: Float64Array;
  /** Means subtracted (0 when not centred). */
  readonly meanX: number;
  readonly meanZ: number;
  readonly nobs: number;
}

/**
 * x·z or (x − x̄)(z − z̄).
 *
 * @example
 * const c = (a: number[]) => ({ name: "c", values: Float64Array.from(a) });
 * interactionTerm(c([1, 2, 3]), c([2, 2, 5])).values                    // [2, 4, 15]
 * interactionTerm(c([1, 2, 3]), c([2, 2, 5]), { center: true }).values  // [1, 0, 2] (means 2 and 3)
 */
export function interactionTerm(x: NamedValues, z: NamedValues, opts: { readonly center?: boolean } = {}): InteractionResult {
  assertEqualLengths([x, z]);
  const a = x.values;
  const b = z.values;
  const n = a.length;
  let sx = 0;
  let sz = 0;
  let nobs = 0;
  for (let i = 0; i < n; i++) {
    if (a[i] !== a[i] || b[i] !== b[i]) continue;
    sx += a[i];
    sz += b[i];
    nobs++;
  }
  if (nobs === 0) {
    throw valueError(`no row has both "${x.name}" and "${z.name}" present`, `没有任何一行同时具有“${x.name}”和“${z.name}”的值`);
  }
  const meanX = opts.center ? sx / nobs : 0;
  const meanZ = opts.center ? sz / nobs : 0;
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = (a[i] - meanX) * (b[i] - meanZ) + 0; // + 0: no −0
  return { values, meanX, meanZ, nobs };
}
