import { numError } from "../errors";
import { inverseCounts, subtractGroupMeans } from "./groupMeans";

/**
 * Within transformation for any number of fixed effects by the method of alternating
 * projections, accelerated by conjugate gradients (reghdfe's default: symmetric Kaczmarz
 * sweep T = P1 P2 … PG … P2 P1, CG on (I − T)).
 *
 * Every vector orthogonal to all dummies is a fixed point of T, and (I − T) is symmetric
 * positive semi-definite with range = span of the dummies. So w = P_D v is the minimum-norm
 * solution of (I − T) w = (I − T) v, which CG reaches from w = 0; the demeaned vector is
 * v − w. Stops when the CG step changes w by less than `tol` relative to ‖v‖; not converging
 * within `maxIterations` is an error (#NUM!), as in reghdfe, never a silently rough result.
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
  // the symmetric sweep T = P1 … PG … P1 as a list of "subtract the group means of FE f" steps
  const steps: number[] = [];
  for (let g = 0; g < G; g++) steps.push(g);
  for (let g = G - 2; g >= 0; g--) steps.push(g);
  const S = steps.length;
  const first = steps[0];

  /**
   * out ← (I − T) x; returns x'·out. Expects sums[first] to hold the group sums of x by the
   * first FE of the sweep. Hot loop: each pass subtracts the means of one step and, in the
   * same pass, accumulates the sums the next step needs, so a sweep of 2G − 1 steps reads
   * the data 2G − 1 times (plus the pass that produced the first sums), and the last pass
   * also forms out = x − T x and the dot product (bitwise the same arithmetic as separate
   * passes: every value and sum is computed in the same order).
   */
  const applyIminusT = (x: Float64Array, out: Float64Array): number => {
    let src = x;
    for (let s = 0; s < S; s++) {
      const cf = codes[steps[s]];
      const m = sums[steps[s]];
      const iv = inv[steps[s]];
      for (let l = 0; l < m.length; l++) m[l] *= iv[l];
      if (s === S - 1) {
        let d = 0;
        for (let i = 0; i < n; i++) {
          const y = x[i] - (src[i] - m[cf[i]]);
          out[i] = y;
          d += x[i] * y;
        }
        return d;
      }
      const cn = codes[steps[s + 1]];
      const mn = sums[steps[s + 1]];
      mn.fill(0);
      for (let i = 0; i < n; i++) {
        const y = src[i] - m[cf[i]];
        out[i] = y;
        mn[cn[i]] += y;
      }
      src = out;
    }
    return 0; // not reached (S ≥ 1)
  };
  const firstSums = (x: Float64Array): void => {
    const m = sums[first];
    const c = codes[first];
    m.fill(0);
    for (let i = 0; i < n; i++) m[c[i]] += x[i];
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
      firstSums(v);
      applyIminusT(v, r);
      p.set(r);
      w.fill(0);
      let rr = dot(r, r);
      let it = 0;
      const tol2 = opts.tol * opts.tol * vNorm2;
      firstSums(p);
      let converged = !(rr > 0);
      while (!converged && it < opts.maxIterations) {
        it++;
        const pAp = applyIminusT(p, Ap); // needs sums[first] of p (computed with p)
        if (!(pAp > 0)) { converged = true; break; } // p in the null space of I − T: nothing left
        const alpha = rr / pAp;
        let step2 = 0;
        let rrNew = 0;
        for (let i = 0; i < n; i++) {
          const s = alpha * p[i];
          w[i] += s;
          step2 += s * s;
          const ri = r[i] - alpha * Ap[i];
          r[i] = ri;
          rrNew += ri * ri;
        }
        if (step2 <= tol2 || !(rrNew > 0)) { converged = true; break; }
        const beta = rrNew / rr;
        rr = rrNew;
        // p ← r + βp, with the group sums of the new p for the next sweep
        const m = sums[first];
        const c = codes[first];
        m.fill(0);
        for (let i = 0; i < n; i++) {
          const pi = r[i] + beta * p[i];
          p[i] = pi;
          m[c[i]] += pi;
        }
      }
      if (!converged) {
        throw numError(
          `the within transformation (alternating projections) did not converge in ${opts.maxIterations} iterations to tolerance ${opts.tol}: raise the iteration limit or the tolerance`,
          `组内变换（交替投影）在 ${opts.maxIterations} 次迭代内未收敛到容差 ${opts.tol}：请提高迭代上限或放宽容差`,
        );
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
