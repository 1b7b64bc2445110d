import { inverseCounts } from "./groupMeans";

/**
 * Exact two-way within transformation by partialling out (Frisch–Waugh–Lovell), for two
 * fixed effects A (any number of levels) and B (few levels, e.g. years):
 *
 *   ṽ = M_A v − M_A D_B γ,   γ solves  (D_B' M_A D_B) γ = D_B' M_A v.
 *
 * The nB × nB matrix C = D_B' M_A D_B = diag(n_b) − Σ_a n_a· n_a·' / n_a comes from the
 * A×B cross-tabulation, so one variable costs O(N + cells of the cross-tab) and the result
 * is the exact projection for balanced and unbalanced panels alike — the limit that
 * reghdfe's and fixest's iterations converge to. C is singular (its null space holds one
 * vector per connected component); a pivoted Cholesky drops the redundant directions, and
 * its rank gives the exact number of absorbed B parameters.
 */
export interface ExactTwoWay {
  readonly rankB: number;
  demean(v: Float64Array): void;
}

export function exactTwoWay(a: Int32Array, na: number, b: Int32Array, nb: number): ExactTwoWay {
  const n = a.length;
  const invA = inverseCounts(a, na);
  // cross-tab n_ab in CSR by a
  const ptr = new Int32Array(na + 1);
  const stamp = new Int32Array(nb).fill(-1);
  const order = rowsByLevel(a, na);
  // first pass: count distinct b per a
  for (let g = 0; g < na; g++) {
    let deg = 0;
    for (let k = order.start[g]; k < order.start[g + 1]; k++) {
      const bb = b[order.rows[k]];
      if (stamp[bb] !== g) { stamp[bb] = g; deg++; }
    }
    ptr[g + 1] = ptr[g] + deg;
  }
  const bIdx = new Int32Array(ptr[na]);
  const nab = new Float64Array(ptr[na]);
  const slot = new Int32Array(nb);
  stamp.fill(-1);
  for (let g = 0; g < na; g++) {
    let next = ptr[g];
    for (let k = order.start[g]; k < order.start[g + 1]; k++) {
      const bb = b[order.rows[k]];
      if (stamp[bb] !== g) { stamp[bb] = g; slot[bb] = next; bIdx[next] = bb; nab[next] = 0; next++; }
      nab[slot[bb]] += 1;
    }
  }
  // C = diag(n_b) − Σ_a n_a n_a' / n_a; each unordered pair of cells of a level once (S holds
  // the sums at (b_p, b_q) for p ≤ q, folded into the symmetric C afterwards)
  const S = new Float64Array(nb * nb);
  for (let g = 0; g < na; g++) {
    const w = invA[g];
    const lo = ptr[g];
    const hi = ptr[g + 1];
    for (let p = lo; p < hi; p++) {
      const bp = bIdx[p] * nb;
      const x = nab[p] * w;
      for (let q = p; q < hi; q++) S[bp + bIdx[q]] += x * nab[q];
    }
  }
  const C = new Float64Array(nb * nb);
  const countB = new Float64Array(nb);
  for (let i = 0; i < n; i++) countB[b[i]] += 1;
  for (let i = 0; i < nb; i++) {
    C[i * nb + i] = countB[i] - S[i * nb + i];
    for (let j = i + 1; j < nb; j++) {
      const off = S[i * nb + j] + S[j * nb + i];
      C[i * nb + j] = -off;
      C[j * nb + i] = -off;
    }
  }
  const chol = pivotedCholesky(C, nb);
  const sumsA = new Float64Array(na);
  const rhs = new Float64Array(nb);
  const gamma = new Float64Array(nb);
  const sA = new Float64Array(na);
  return {
    rankB: chol.rank,
    demean(v: Float64Array): void {
      // v ← M_A v (group means of A subtracted) and rhs = D_B' M_A v, in one pass after the sums
      sumsA.fill(0);
      for (let i = 0; i < n; i++) sumsA[a[i]] += v[i];
      for (let g = 0; g < na; g++) sumsA[g] *= invA[g];
      rhs.fill(0);
      for (let i = 0; i < n; i++) {
        const x = v[i] - sumsA[a[i]];
        v[i] = x;
        rhs[b[i]] += x;
      }
      chol.solve(rhs, gamma);
      sA.fill(0);
      for (let g = 0; g < na; g++) {
        let s = 0;
        for (let p = ptr[g]; p < ptr[g + 1]; p++) s += nab[p] * gamma[bIdx[p]];
        sA[g] = s * invA[g];
      }
      for (let i = 0; i < n; i++) v[i] -= gamma[b[i]] - sA[a[i]]; // − M_A D_B γ
    },
  };
}

/** Rows grouped by level (a counting sort): rows[start[g] .. start[g+1]) have level g. */
function rowsByLevel(codes: Int32Array, levels: number): { rows: Int32Array; start: Int32Array } {
  const start = new Int32Array(levels + 1);
  for (let i = 0; i < codes.length; i++) start[codes[i] + 1]++;
  for (let g = 0; g < levels; g++) start[g + 1] += start[g];
  const fill = start.slice(0, levels);
  const rows = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) rows[fill[codes[i]]++] = i;
  return { rows, start };
}

/**
 * Cholesky factorisation of a symmetric positive semi-definite matrix with diagonal
 * pivoting; pivots below 1e-9 × the largest diagonal are treated as zero and their
 * coordinates set to 0 in solutions (any solution gives the same projection).
 */
function pivotedCholesky(A: Float64Array, m: number): { rank: number; solve(rhs: Float64Array, out: Float64Array): void } {
  const L = Float64Array.from(A);
  const perm = new Int32Array(m);
  for (let i = 0; i < m; i++) perm[i] = i;
  let maxDiag = 0;
  for (let i = 0; i < m; i++) maxDiag = Math.max(maxDiag, A[i * m + i]);
  const tol = 1e-9 * maxDiag;
  let rank = 0;
  for (let k = 0; k < m; k++) {
    // choose the largest remaining diagonal
    let best = k;
    for (let i = k + 1; i < m; i++) if (L[i * m + i] > L[best * m + best]) best = i;
    if (L[best * m + best] <= tol) break;
    if (best !== k) swapSym(L, m, k, best, perm);
    const d = Math.sqrt(L[k * m + k]);
    L[k * m + k] = d;
    for (let i = k + 1; i < m; i++) L[i * m + k] /= d;
    for (let j = k + 1; j < m; j++) L[k * m + j] = L[j * m + k]; // keep the working block symmetric
    for (let i = k + 1; i < m; i++) {
      const lik = L[i * m + k];
      if (lik === 0) continue;
      for (let j = k + 1; j < m; j++) L[i * m + j] -= lik * L[j * m + k];
    }
    rank++;
  }
  const y = new Float64Array(m);
  return {
    rank,
    solve(rhs: Float64Array, out: Float64Array): void {
      for (let k = 0; k < rank; k++) {
        let s = rhs[perm[k]];
        for (let j = 0; j < k; j++) s -= L[k * m + j] * y[j];
        y[k] = s / L[k * m + k];
      }
      for (let k = rank - 1; k >= 0; k--) {
        let s = y[k];
        for (let j = k + 1; j < rank; j++) s -= L[j * m + k] * y[j];
        y[k] = s / L[k * m + k];
      }
      out.fill(0);
      for (let k = 0; k < rank; k++) out[perm[k]] = y[k];
    },
  };
}

/** Swap rows and columns k and p: factored rows of L and the (fully stored) trailing block. */
function swapSym(L: Float64Array, m: number, k: number, p: number, perm: Int32Array): void {
  for (let j = 0; j < m; j++) {
    const t = L[k * m + j]; L[k * m + j] = L[p * m + j]; L[p * m + j] = t;
  }
  for (let i = 0; i < m; i++) {
    const t = L[i * m + k]; L[i * m + k] = L[i * m + p]; L[i * m + p] = t;
  }
  const t = perm[k]; perm[k] = perm[p]; perm[p] = t;
}
