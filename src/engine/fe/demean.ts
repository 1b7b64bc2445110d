import { alternatingProjections } from "./alternatingProjections";
import { exactTwoWay } from "./exactTwoWay";
import { inverseCounts, subtractGroupMeans } from "./groupMeans";

/**
 * The within transformation ("demeaning") for the fixed effects of a model:
 * ṽ = v − P_D v, P_D the projection on all FE dummies. Picks the method:
 * - no FE: nothing to do (the caller adds an intercept);
 * - one FE: subtract group means (exact, one pass);
 * - two FEs, the smaller with at most `exactLevels` levels: exact partialling-out;
 * - otherwise: alternating projections with CG acceleration to `tol` (default 1e-12).
 *
 * Codes must be dense (0..levels-1) over the estimation sample.
 *
 * @example
 * const d = createDemeaner([cityCodes, yearCodes], [196, 14]);
 * const ytilde = d.demean(y);  // a new array; y is untouched
 */
export type DemeanMethod = "none" | "one-way" | "exact-two-way" | "alternating-projections";

export interface Demeaner {
  readonly method: DemeanMethod;
  readonly n: number;
  /** A demeaned copy of v. */
  demean(v: Float64Array): Float64Array;
  /** Largest number of CG iterations used so far (alternating projections only). */
  readonly maxIterationsUsed: () => number;
}

export interface DemeanOptions {
  readonly tol?: number;
  readonly maxIterations?: number;
  /** Largest level count of the smaller FE for the exact two-way method (default 500). */
  readonly exactLevels?: number;
  /** Force a method (tests and benchmarks). */
  readonly method?: DemeanMethod;
}

export function createDemeaner(codes: readonly Int32Array[], levels: readonly number[], n: number, opts: DemeanOptions = {}): Demeaner {
  const exactLevels = opts.exactLevels ?? 500;
  const G = codes.length;
  let method: DemeanMethod =
    G === 0 ? "none" : G === 1 ? "one-way" : G === 2 && Math.min(levels[0], levels[1]) <= exactLevels ? "exact-two-way" : "alternating-projections";
  if (opts.method && G >= 2) method = opts.method;
  let maxIt = 0;
  const copy = (v: Float64Array) => v.slice(); // memcpy (Float64Array.from goes through the iterator protocol)
  switch (method) {
    case "none":
      return { method, n, demean: copy, maxIterationsUsed: () => 0 };
    case "one-way": {
      const inv = inverseCounts(codes[0], levels[0]);
      const sums = new Float64Array(levels[0]);
      return {
        method, n, maxIterationsUsed: () => 0,
        demean(v) { const out = copy(v); subtractGroupMeans(out, codes[0], inv, sums); return out; },
      };
    }
    case "exact-two-way": {
      const [a, b] = levels[0] >= levels[1] ? [0, 1] : [1, 0];
      const ex = exactTwoWay(codes[a], levels[a], codes[b], levels[b]);
      return { method, n, maxIterationsUsed: () => 0, demean(v) { const out = copy(v); ex.demean(out); return out; } };
    }
    default: {
      const map = alternatingProjections(codes, levels, { tol: opts.tol ?? 1e-12, maxIterations: opts.maxIterations ?? 16000 });
      return {
        method, n, maxIterationsUsed: () => maxIt,
        demean(v) { const out = copy(v); maxIt = Math.max(maxIt, map.demean(out)); return out; },
      };
    }
  }
}
