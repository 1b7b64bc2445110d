/**
 * Helpers for the IV2SLS property and error tests (not a test suite itself):
 *
 * - `makePanel`: a small random city × year panel with random deletions, from the DGP
 *     y  = a_i + g_t + 0.8·x1 − 0.3·x2 + 0.5·w + u
 *     x1 = d_i + h_t + π·z1 + 0.5·z2 + 0.3·w + v1,   v1 = 0.5·u + e1
 *     x2 = 0.5·d_i + 0.6·z2 − 0.4·z3 + 0.2·z1 + 0.3·u + e2
 *   with z1, z2, z3, w exogenous (standard normal, independent of u); u heteroskedastic.
 * - an independent dense reference: the within transformation by orthogonalising the
 *   explicit city and year dummies (modified Gram–Schmidt, twice), least squares by
 *   Gauss–Jordan on the normal equations, HC0 / one- and two-way CR0 Wald statistics.
 *   It shares no code with src/engine.
 */
import fc from "fast-check";
import { columnOf, factorize, IdColumn, NumericColumn } from "../../../src/engine/data/columns";

export interface PanelSpec {
  readonly cities: number;
  readonly years: number;
  readonly seed: number;
  /** Probability that a city-year row is deleted. */
  readonly pDelete: number;
  /** First-stage coefficient of z1 on x1. */
  readonly pi: number;
}

export const panelSpecArb = (cities = { min: 8, max: 30 }, years = { min: 4, max: 8 }): fc.Arbitrary<PanelSpec> =>
  fc.record({
    cities: fc.integer(cities),
    years: fc.integer(years),
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    pDelete: fc.double({ min: 0, max: 0.25, noNaN: true }),
    pi: fc.oneof(fc.double({ min: 0.4, max: 2, noNaN: true }), fc.double({ min: -2, max: -0.4, noNaN: true })),
  });

export interface Panel {
  readonly n: number;
  readonly cityIds: string[];
  readonly yearIds: number[];
  readonly city: IdColumn;
  readonly year: IdColumn;
  readonly cols: Record<"y" | "x1" | "x2" | "z1" | "z2" | "z3" | "w", Float64Array>;
}

/** mulberry32: a small seeded PRNG, so fast-check controls every draw through the seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const normal = (r: () => number) => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());

export function makePanel(spec: PanelSpec): Panel {
  const r = prng(spec.seed);
  const a = Array.from({ length: spec.cities }, () => normal(r));
  const d = Array.from({ length: spec.cities }, () => normal(r));
  const scale = Array.from({ length: spec.cities }, () => 0.5 + r());
  const g = Array.from({ length: spec.years }, () => normal(r));
  const h = Array.from({ length: spec.years }, () => normal(r));
  const cityIds: string[] = [];
  const yearIds: number[] = [];
  const out = { y: [] as number[], x1: [] as number[], x2: [] as number[], z1: [] as number[], z2: [] as number[], z3: [] as number[], w: [] as number[] };
  for (let i = 0; i < spec.cities; i++) {
    for (let t = 0; t < spec.years; t++) {
      const keep = r() >= spec.pDelete;
      const z1 = normal(r), z2 = normal(r), z3 = normal(r), w = normal(r);
      const u = scale[i] * (1 + 0.5 * Math.abs(w)) * normal(r);
      const x1 = d[i] + h[t] + spec.pi * z1 + 0.5 * z2 + 0.3 * w + 0.5 * u + normal(r);
      const x2 = 0.5 * d[i] + 0.6 * z2 - 0.4 * z3 + 0.2 * z1 + 0.3 * u + normal(r);
      const y = a[i] + g[t] + 0.8 * x1 - 0.3 * x2 + 0.5 * w + u;
      if (!keep) continue;
      cityIds.push(`c${i + 1}`);
      yearIds.push(2001 + t);
      out.y.push(y); out.x1.push(x1); out.x2.push(x2); out.z1.push(z1); out.z2.push(z2); out.z3.push(z3); out.w.push(w);
    }
  }
  return {
    n: cityIds.length,
    cityIds,
    yearIds,
    city: factorize("city", cityIds),
    year: factorize("year", yearIds),
    cols: {
      y: Float64Array.from(out.y), x1: Float64Array.from(out.x1), x2: Float64Array.from(out.x2),
      z1: Float64Array.from(out.z1), z2: Float64Array.from(out.z2), z3: Float64Array.from(out.z3), w: Float64Array.from(out.w),
    },
  };
}

/** A named numeric column of the panel (optionally renamed). */
export const col = (p: Panel, name: keyof Panel["cols"], as: string = name): NumericColumn => columnOf(as, p.cols[name]);

/** The panel with its rows in the order `perm` (perm[k] = old row of new row k). */
export function permutePanel(p: Panel, perm: readonly number[]): Panel {
  const cityIds = perm.map((i) => p.cityIds[i]);
  const yearIds = perm.map((i) => p.yearIds[i]);
  const cols = Object.fromEntries(Object.entries(p.cols).map(([k, v]) => [k, Float64Array.from(perm, (i) => v[i])])) as Panel["cols"];
  return { n: p.n, cityIds, yearIds, city: factorize("city", cityIds), year: factorize("year", yearIds), cols };
}

/** A permutation of 0..n-1 drawn from a seed (Fisher–Yates). */
export function permutation(n: number, seed: number): number[] {
  const r = prng(seed);
  const perm = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [perm[i], perm[j]] = [perm[j], perm[i]];
  }
  return perm;
}

/** |a − b| ≤ tol·max(|a|, |b|) (both infinite of one sign also pass). */
export function expectClose(actual: number, expected: number, tol: number, what: string): void {
  if (actual === expected) return;
  const rel = Math.abs(actual - expected) / Math.max(Math.abs(actual), Math.abs(expected));
  if (!(rel <= tol)) throw new Error(`${what}: got ${actual}, expected ${expected} (relative difference ${rel.toExponential(2)} > ${tol})`);
}

// ---------------------------------------------------------------- dense reference ---------

type Vec = number[];

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};

/** Orthonormal basis of the span of the city and year dummies (or of `fes` given), and its rank. */
export function dummyBasis(fes: readonly (readonly (string | number)[])[], n: number): Vec[] {
  const raw: Vec[] = [];
  for (const ids of fes) {
    for (const level of [...new Set(ids)]) raw.push(ids.map((v) => (v === level ? 1 : 0)));
  }
  const Q: Vec[] = [];
  for (const v0 of raw) {
    const v = v0.slice();
    const norm0 = Math.sqrt(dot(v, v));
    for (let pass = 0; pass < 2; pass++) for (const q of Q) { const c = dot(q, v); for (let i = 0; i < n; i++) v[i] -= c * q[i]; }
    const norm = Math.sqrt(dot(v, v));
    if (norm > 1e-9 * norm0) Q.push(v.map((x) => x / norm));
  }
  return Q;
}

/** v − Q Q'v (twice, for accuracy). */
export function residualize(v: ArrayLike<number>, Q: readonly Vec[]): Vec {
  const out = Array.from(v);
  for (let pass = 0; pass < 2; pass++) for (const q of Q) { const c = dot(q, out); for (let i = 0; i < out.length; i++) out[i] -= c * q[i]; }
  return out;
}

/** Inverse of a small square matrix by Gauss–Jordan with partial pivoting. */
export function inverse(A: readonly Vec[]): Vec[] {
  const k = A.length;
  const M = A.map((row, i) => [...row, ...Array.from({ length: k }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < k; c++) {
    let p = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    const piv = M[c][c];
    for (let j = 0; j < 2 * k; j++) M[c][j] /= piv;
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const f = M[r][c];
      if (f !== 0) for (let j = 0; j < 2 * k; j++) M[r][j] -= f * M[c][j];
    }
  }
  return M.map((row) => row.slice(k));
}

const gramOf = (X: readonly Vec[]) => X.map((a) => X.map((b) => dot(a, b)));
const mulMV = (A: readonly Vec[], v: Vec) => A.map((row) => dot(row, v));
const mulMM = (A: readonly Vec[], B: readonly Vec[]) => A.map((row) => B[0].map((_, j) => row.reduce((s, a, p) => s + a * B[p][j], 0)));

export interface DenseOls {
  readonly coef: Vec;
  readonly resid: Vec;
  readonly fitted: Vec;
  readonly bread: Vec[];
}

/** OLS of y on the columns X (already demeaned), with (X'X)⁻¹ and one refinement step. */
export function denseOls(X: readonly Vec[], y: Vec): DenseOls {
  const bread = inverse(gramOf(X));
  const coef = mulMV(bread, X.map((x) => dot(x, y)));
  let resid = y.map((v, i) => v - X.reduce((s, x, j) => s + x[i] * coef[j], 0));
  const delta = mulMV(bread, X.map((x) => dot(x, resid)));
  delta.forEach((d, j) => (coef[j] += d));
  resid = y.map((v, i) => v - X.reduce((s, x, j) => s + x[i] * coef[j], 0));
  return { coef, resid, fitted: y.map((v, i) => v - resid[i]), bread };
}

/** CR0 / HC0 meat Σ_g s_g s_g' of the scores x_i e_i (cluster = null: one row per cluster). */
export function denseMeat(X: readonly Vec[], e: Vec, cluster: readonly (string | number)[] | null): Vec[] {
  const k = X.length;
  const sums = new Map<string | number, Vec>();
  e.forEach((ei, i) => {
    const key = cluster ? cluster[i] : i;
    let s = sums.get(key);
    if (!s) { s = new Array<number>(k).fill(0); sums.set(key, s); }
    for (let j = 0; j < k; j++) s[j] += X[j][i] * ei;
  });
  const M = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const s of sums.values()) for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) M[a][b] += s[a] * s[b];
  return M;
}

/** Two-way CGM meat: M(c1) + M(c2) − M(c1 × c2). */
export function denseTwoWayMeat(X: readonly Vec[], e: Vec, c1: readonly (string | number)[], c2: readonly (string | number)[]): Vec[] {
  const M1 = denseMeat(X, e, c1), M2 = denseMeat(X, e, c2), M12 = denseMeat(X, e, c1.map((a, i) => `${a}|${c2[i]}`));
  return M1.map((row, a) => row.map((v, b) => v + M2[a][b] - M12[a][b]));
}

/** Sandwich B M B. */
export const denseSandwich = (B: readonly Vec[], M: readonly Vec[]): Vec[] => mulMM(mulMM(B, M), B);

/** Wald statistic b_S' V_SS⁻¹ b_S on the coefficient indices S. */
export function denseWald(b: Vec, V: readonly Vec[], S: readonly number[]): number {
  const Vi = inverse(S.map((a) => S.map((c) => V[a][c])));
  const bs = S.map((j) => b[j]);
  return dot(bs, mulMV(Vi, bs));
}

/** Number of distinct values. */
export const levelCount = (ids: readonly (string | number)[]): number => new Set(ids).size;

/** Dot product, exported for the tests. */
export const denseDot = dot;
