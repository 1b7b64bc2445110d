/**
 * Helpers for the FE / FEREG proof tests (not a test suite itself):
 *
 * - `loadPanel` / `subset`: reference datasets as plain arrays, and deterministic row
 *   deletions (a seeded LCG) to build unbalanced, singleton and disconnected panels;
 * - `lsdv`: an explicit dummy-variable regression (LSDV) that shares no code with
 *   src/engine: the design matrix Z = [X, dummies of every FE level] is built densely,
 *   redundant dummies are found by a Householder QR of Z (columns in order; a column whose
 *   remaining norm is below 1e-9·‖z_j‖ is a linear combination of earlier ones) and
 *   skipped, and the regression is solved with the QR of the kept columns. The slope
 *   rows of (Z'Z)⁻¹Z' give the influence vectors h_i, from which the iid, HC0 and CR0
 *   variances follow without any within transformation.
 */
import { factorize, IdColumn, NumericColumn } from "../../../src/engine/data/columns";
import { tableIds, tableNumeric } from "../../../src/engine/data/table";
import { referenceData } from "../../support/reference";

export const CONTROLS = ["gov", "lndensity", "lnhum", "lnfin", "lntrans", "lnprotect", "lnunemploy"] as const;
export const PANEL_X = ["digit", ...CONTROLS] as const;

/** A dataset as plain arrays: numeric columns and id columns (as strings). */
export interface Panel {
  readonly n: number;
  readonly num: Readonly<Record<string, Float64Array>>;
  readonly ids: Readonly<Record<string, readonly string[]>>;
}

export function loadPanel(file: string, numeric: readonly string[], ids: readonly string[]): Panel {
  const t = referenceData(file);
  const num: Record<string, Float64Array> = {};
  for (const name of numeric) num[name] = tableNumeric(t, name).values;
  const idc: Record<string, string[]> = {};
  for (const name of ids) {
    const c = tableIds(t, name);
    idc[name] = Array.from(c.codes, (k) => c.levels[k]);
  }
  return { n: t.rows, num, ids: idc };
}

/** The rows `rows` of a panel, in that order. */
export function subset(p: Panel, rows: readonly number[]): Panel {
  const num: Record<string, Float64Array> = {};
  for (const [k, v] of Object.entries(p.num)) num[k] = Float64Array.from(rows, (r) => v[r]);
  const ids: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(p.ids)) ids[k] = rows.map((r) => v[r]);
  return { n: rows.length, num, ids };
}

/** Add an id column built from each row (e.g. agglomeration × year). */
export function withId(p: Panel, name: string, f: (i: number) => string): Panel {
  return { ...p, ids: { ...p.ids, [name]: Array.from({ length: p.n }, (_, i) => f(i)) } };
}

/** Park–Miller style LCG on [0, 1): deterministic, seedable, no dependency. */
export function lcg(seed: number): () => number {
  let s = (seed >>> 0) % 2147483647 || 1;
  return () => {
    s = (s * 48271) % 2147483647;
    return (s - 1) / 2147483646;
  };
}

/** Row indices 0..n-1 with each row deleted with probability `frac` (seeded). */
export function keepRandom(n: number, frac: number, seed: number, keepAlso: (i: number) => boolean = () => false): number[] {
  const u = lcg(seed);
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (u() >= frac || keepAlso(i)) out.push(i);
  return out;
}

/** A seeded permutation of 0..n-1 (Fisher–Yates). */
export function permutation(n: number, seed: number): number[] {
  const u = lcg(seed);
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(u() * (i + 1));
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
}

export const numCol = (p: Panel, name: string, as = name): NumericColumn => ({ name: as, values: Float64Array.from(p.num[name]) });
export const idCol = (p: Panel, name: string): IdColumn => factorize(name, p.ids[name]);

/**
 * Iterative singleton removal written from its definition: repeat { drop every row whose
 * level of some FE occurs once among the remaining rows } until nothing changes. Returns
 * the rows kept and how many were dropped in each pass (a pass = all FEs once, in order).
 */
export function iterativeSingletons(p: Panel, fe: readonly string[]): { rows: number[]; rounds: number[] } {
  let rows = Array.from({ length: p.n }, (_, i) => i);
  const rounds: number[] = [];
  for (;;) {
    let pass = 0;
    for (const f of fe) {
      const count = new Map<string, number>();
      for (const r of rows) count.set(p.ids[f][r], (count.get(p.ids[f][r]) ?? 0) + 1);
      const next = rows.filter((r) => count.get(p.ids[f][r])! > 1);
      pass += rows.length - next.length;
      rows = next;
    }
    if (pass === 0) return { rows, rounds };
    rounds.push(pass);
  }
}

/** Rows whose level of some FE occurs exactly once (one pass, fixest `fixef.rm = "singleton"`). */
export function onePassSingletons(p: Panel, fe: readonly string[]): number {
  let n = 0;
  const counts = fe.map((f) => {
    const c = new Map<string, number>();
    for (const v of p.ids[f]) c.set(v, (c.get(v) ?? 0) + 1);
    return c;
  });
  for (let i = 0; i < p.n; i++) if (fe.some((f, g) => counts[g].get(p.ids[f][i]) === 1)) n++;
  return n;
}

export interface LsdvFit {
  readonly n: number;
  readonly k: number;
  /** Rank of Z = [X, dummies]: K + the number of non-redundant dummies. */
  readonly rank: number;
  readonly beta: Float64Array;
  readonly resid: Float64Array;
  readonly rss: number;
  /** Slope block of (Z'Z)⁻¹ (k×k, row-major). */
  readonly breadSlopes: Float64Array;
  /** Influence vectors: h[i] = slope rows of (Z'Z)⁻¹ z_i (n rows of length k). */
  readonly h: Float64Array[];
}

/**
 * LSDV of y on X plus a full set of dummies for every FE (listed after X, level by level;
 * an optional intercept column first when `intercept`), dropping redundant columns.
 *
 * Numerics: one pass of Householder QR over the dense design in column order (column-major
 * Float64Array; ml-matrix's QR is ~10× slower under jest at 2,744 × 480). A column whose
 * remaining norm after the reflections of the columns kept before it is below 1e-9 of its
 * own norm is a linear combination of them: it is skipped (no reflector), so the factor of
 * the kept columns is exactly their QR. β by back-substitution plus one refinement step.
 */
export function lsdv(y: Float64Array, X: readonly Float64Array[], fe: readonly (readonly string[])[], intercept = false): LsdvFit {
  const n = y.length;
  const k = X.length;
  const cols: Float64Array[] = [...X];
  if (intercept) cols.push(new Float64Array(n).fill(1));
  for (const f of fe) {
    const levels = Array.from(new Set(f));
    const index = new Map(levels.map((l, j) => [l, j]));
    const D = levels.map(() => new Float64Array(n));
    f.forEach((l, i) => { D[index.get(l)!][i] = 1; });
    cols.push(...D);
  }
  const work = cols.map((c) => Float64Array.from(c)); // reflected in place
  const V: Float64Array[] = []; // Householder vectors (length n, zero above the pivot row)
  const keep: number[] = [];
  for (let j = 0; j < cols.length; j++) {
    const c = work[j];
    const r = V.length; // pivot row
    let full = 0;
    for (let i = 0; i < n; i++) full += cols[j][i] * cols[j][i];
    let s = 0;
    for (let i = r; i < n; i++) s += c[i] * c[i];
    if (!(Math.sqrt(s) > 1e-9 * Math.sqrt(full))) continue; // dependent on the kept columns
    const alpha = c[r] > 0 ? -Math.sqrt(s) : Math.sqrt(s);
    const v = new Float64Array(n);
    for (let i = r; i < n; i++) v[i] = c[i];
    v[r] -= alpha;
    let vv = 0;
    for (let i = r; i < n; i++) vv += v[i] * v[i];
    for (let i = r; i < n; i++) v[i] /= Math.sqrt(vv);
    V.push(v);
    keep.push(j);
    // reflect this and every later column: c ← c − 2 v (v'c)
    for (let q = j; q < cols.length; q++) reflect(v, work[q], r, n);
  }
  for (let j = 0; j < k; j++) if (keep[j] !== j) throw new Error(`lsdv: regressor ${j} is collinear`);
  const p = keep.length;
  // R (p×p upper): row m of column keep[c] after all reflections
  const R = new Float64Array(p * p);
  for (let c = 0; c < p; c++) for (let m = 0; m <= c; m++) R[m * p + c] = work[keep[c]][m];
  const solve = (rhs: Float64Array): Float64Array => {
    const t = Float64Array.from(rhs);
    for (let m = 0; m < p; m++) reflect(V[m], t, m, n);
    const b = new Float64Array(p);
    for (let m = p - 1; m >= 0; m--) {
      let s = t[m];
      for (let c = m + 1; c < p; c++) s -= R[m * p + c] * b[c];
      b[m] = s / R[m * p + m];
    }
    return b;
  };
  const residual = (b: Float64Array): Float64Array => {
    const e = Float64Array.from(y);
    for (let c = 0; c < p; c++) {
      const z = cols[keep[c]];
      const bc = b[c];
      for (let i = 0; i < n; i++) e[i] -= bc * z[i];
    }
    return e;
  };
  const b = solve(y);
  const d = solve(residual(b));
  for (let c = 0; c < p; c++) b[c] += d[c];
  const resid = residual(b);
  let rss = 0;
  for (let i = 0; i < n; i++) rss += resid[i] * resid[i];
  // (Z'Z)⁻¹ = R⁻¹R⁻ᵀ; only its first k rows are needed
  const Ri = new Float64Array(p * p);
  for (let c = 0; c < p; c++) {
    Ri[c * p + c] = 1 / R[c * p + c];
    for (let m = c - 1; m >= 0; m--) {
      let s = 0;
      for (let q = m + 1; q <= c; q++) s += R[m * p + q] * Ri[q * p + c];
      Ri[m * p + c] = -s / R[m * p + m];
    }
  }
  const As = new Float64Array(k * p); // slope rows of (Z'Z)⁻¹
  for (let a = 0; a < k; a++) {
    for (let c = 0; c < p; c++) {
      let s = 0;
      for (let m = Math.max(a, c); m < p; m++) s += Ri[a * p + m] * Ri[c * p + m];
      As[a * p + c] = s;
    }
  }
  const breadSlopes = new Float64Array(k * k);
  for (let a = 0; a < k; a++) for (let c = 0; c < k; c++) breadSlopes[a * k + c] = As[a * p + c];
  const h = Array.from({ length: n }, () => new Float64Array(k));
  for (let c = 0; c < p; c++) {
    const z = cols[keep[c]];
    for (let i = 0; i < n; i++) {
      const zi = z[i];
      if (zi === 0) continue;
      const hi = h[i];
      for (let a = 0; a < k; a++) hi[a] += As[a * p + c] * zi;
    }
  }
  return { n, k, rank: p, beta: b.slice(0, k), resid, rss, breadSlopes, h };
}

function reflect(v: Float64Array, c: Float64Array, from: number, n: number): void {
  let s = 0;
  for (let i = from; i < n; i++) s += v[i] * c[i];
  s *= 2;
  if (s === 0) return;
  for (let i = from; i < n; i++) c[i] -= s * v[i];
}

/** HC0 meat-sandwich from LSDV influence vectors: Σ h_i h_i' e_i². */
export function hc0(fit: LsdvFit): Float64Array {
  const { k, h, resid } = fit;
  const V = new Float64Array(k * k);
  for (let i = 0; i < fit.n; i++) {
    const e2 = resid[i] * resid[i];
    for (let a = 0; a < k; a++) for (let c = 0; c < k; c++) V[a * k + c] += h[i][a] * h[i][c] * e2;
  }
  return V;
}

/** CR0 sandwich: Σ_g u_g u_g', u_g = Σ_{i∈g} h_i e_i. */
export function cr0(fit: LsdvFit, cluster: readonly string[]): Float64Array {
  const { k, h, resid } = fit;
  const u = new Map<string, Float64Array>();
  for (let i = 0; i < fit.n; i++) {
    let s = u.get(cluster[i]);
    if (!s) { s = new Float64Array(k); u.set(cluster[i], s); }
    for (let a = 0; a < k; a++) s[a] += h[i][a] * resid[i];
  }
  const V = new Float64Array(k * k);
  for (const s of u.values()) for (let a = 0; a < k; a++) for (let c = 0; c < k; c++) V[a * k + c] += s[a] * s[c];
  return V;
}

export const countLevels = (v: readonly string[]): number => new Set(v).size;

/** √diag(c·V). */
export function seFrom(V: Float64Array, k: number, c: number): number[] {
  return Array.from({ length: k }, (_, j) => Math.sqrt(c * V[j * k + j]));
}
