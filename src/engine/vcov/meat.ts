import { ClusterVars, VcovType } from "./types";

/**
 * The "meat" of sandwich variance estimators, from scores s_i = x_i·e_i (x the demeaned
 * regressors — or, for IV, the projected regressors X̂, the instruments in the Hansen J, the
 * moment functions of the rank test — and e the residuals). No small-sample factor here:
 * see smallSample.ts.
 */

/**
 * The meat of a VCE: HC0 (Σ s s') under "robust", the one- or two-way cluster sum (CR0)
 * under "cluster"; null under "iid", which has no sandwich.
 */
export function vcovMeat(type: VcovType, cols: readonly Float64Array[], e: Float64Array, clusters: ClusterVars): Float64Array | null {
  if (type === "iid") return null;
  if (type === "robust") return heteroskedasticMeat(cols, e);
  const { codes, counts } = clusters;
  return codes.length === 1 ? clusterMeat(cols, e, codes[0], counts[0]) : twoWayClusterMeat(cols, e, codes[0], counts[0], codes[1], counts[1]);
}

/** HC0 meat: Σ_i x_i x_i' e_i². */
export function heteroskedasticMeat(cols: readonly Float64Array[], e: Float64Array): Float64Array {
  const k = cols.length;
  const M = new Float64Array(k * k);
  const n = e.length;
  const e2 = new Float64Array(n);
  for (let i = 0; i < n; i++) e2[i] = e[i] * e[i];
  for (let a = 0; a < k; a++) {
    const xa = cols[a];
    for (let b = a; b < k; b++) {
      const xb = cols[b];
      let s = 0;
      for (let i = 0; i < n; i++) s += xa[i] * xb[i] * e2[i];
      M[a * k + b] = s;
      M[b * k + a] = s;
    }
  }
  return M;
}

/** CR0 meat for one cluster variable: Σ_g u_g u_g', u_g = Σ_{i∈g} x_i e_i. */
export function clusterMeat(cols: readonly Float64Array[], e: Float64Array, cluster: Int32Array, G: number): Float64Array {
  const k = cols.length;
  const U = new Float64Array(G * k);
  const n = e.length;
  // one pass over the rows (each row's cluster slot is touched once, for all k columns)
  for (let i = 0; i < n; i++) {
    const ei = e[i];
    if (ei === 0) continue;
    const off = cluster[i] * k;
    for (let a = 0; a < k; a++) U[off + a] += cols[a][i] * ei;
  }
  const M = new Float64Array(k * k);
  for (let g = 0; g < G; g++) {
    const off = g * k;
    for (let a = 0; a < k; a++) {
      const ua = U[off + a];
      if (ua === 0) continue;
      for (let b = a; b < k; b++) M[a * k + b] += ua * U[off + b];
    }
  }
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) M[a * k + b] = M[b * k + a];
  return M;
}

/**
 * Cluster codes of the intersection of two cluster variables (e.g. city × year), dense.
 */
export function intersectClusters(c1: Int32Array, c2: Int32Array, G2: number): { codes: Int32Array; G: number } {
  const map = new Map<number, number>();
  const codes = new Int32Array(c1.length);
  for (let i = 0; i < c1.length; i++) {
    const key = c1[i] * G2 + c2[i];
    let c = map.get(key);
    if (c === undefined) { c = map.size; map.set(key, c); }
    codes[i] = c;
  }
  return { codes, G: map.size };
}

/**
 * Two-way (Cameron–Gelbach–Miller) CR0 meat: M1 + M2 − M12, M12 from the intersection.
 */
export function twoWayClusterMeat(cols: readonly Float64Array[], e: Float64Array, c1: Int32Array, G1: number, c2: Int32Array, G2: number): Float64Array {
  const M1 = clusterMeat(cols, e, c1, G1);
  const M2 = clusterMeat(cols, e, c2, G2);
  const inter = intersectClusters(c1, c2, G2);
  const M12 = clusterMeat(cols, e, inter.codes, inter.G);
  for (let i = 0; i < M1.length; i++) M1[i] += M2[i] - M12[i];
  return M1;
}
