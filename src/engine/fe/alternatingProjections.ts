import { inverseCounts, subtractGroupMeans } from "./groupMeans";

/**
 * Within transformation for any number of fixed effects by the method of alternating
 * projections, accelerated by conjugate gradients (reghdfe's default: symmetric Kaczmarz
 * sweep T = P1 P2 … PG … P2 P1, CG on (I − T)).
 *
 * Every vector orthogonal to all dummies is a fixed point of T, and (I − T) is symmetric
 * positive semi-definite with range = span of the dummies. So w = P_D v is the minimum-norm
 * solution of (I − T) w = (I − T) v, which CG reaches from w = 0; the demeaned vector is
 * v − w. Stops when the CG step changes w by less than `tol` relative to ‖v‖.
 */
export interface MapOptions {
  readonly tol: number;
  readonly maxIterations: number;
}

export interface MapDemeaner {
  /** Demean in place; returns the number of CG iterations used. */
  demean(v: Float64Array): number;
}

export function alternatingProjections(codes: readonly Int32Array[], levels: readonly number[], opts: MapOptions): MapDemeaner {
  const n = codes[0].length;
  const inv = codes.map((c, g) => inverseCounts(c, levels[g]));
  const sums = levels.map((l) => new Float64Array(l));
  const G = codes.length;
  /** out ← (I − T) x, with T the symmetric sweep. */
  const applyIminusT = (x: Float64Array, out: Float64Array): void => {
    out.set(x);
    // T x = P1 … PG … P1 x where P_g x = x − group means by g; applying "subtract means"
    // in sequence computes the projections onto the complements, i.e. T.
    for (let g = 0; g < G; g++) subtractGroupMeans(out, codes[g], inv[g], sums[g]);
    for (let g = G - 2; g >= 0; g--) subtractGroupMeans(out, codes[g], inv[g], sums[g]);
    for (let i = 0; i < n; i++) out[i] = x[i] - out[i];
  };
  const r = new Float64Array(n);
  const p = new Float64Array(n);
  const Ap = new Float64Array(n);
  const w = new Float64Array(n);
  return {
    demean(v: Float64Array): number {
      let vNorm2 = 0;
      for (let i = 0; i < n; i++) vNorm2 += v[i] * v[i];
      if (vNorm2 === 0) return 0;
      // w0 = 0, r0 = b = (I − T) v
      applyIminusT(v, r);
      p.set(r);
      w.fill(0);
      let rr = dot(r, r);
      let it = 0;
      const tol2 = opts.tol * opts.tol * vNorm2;
      while (it < opts.maxIterations && rr > 0) {
        it++;
        applyIminusT(p, Ap);
        const pAp = dot(p, Ap);
        if (!(pAp > 0)) break;
        const alpha = rr / pAp;
        let step2 = 0;
        for (let i = 0; i < n; i++) {
          const s = alpha * p[i];
          w[i] += s;
          step2 += s * s;
          r[i] -= alpha * Ap[i];
        }
        const rrNew = dot(r, r);
        if (step2 <= tol2) break;
        const beta = rrNew / rr;
        rr = rrNew;
        for (let i = 0; i < n; i++) p[i] = r[i] + beta * p[i];
      }
      for (let i = 0; i < n; i++) v[i] -= w[i];
      // polish: one more exact sweep pass removes the remaining component along each FE
      for (let g = 0; g < G; g++) subtractGroupMeans(v, codes[g], inv[g], sums[g]);
      return it;
    },
  };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
