/**
 * Two-way clustered SEs (Cameron–Gelbach–Miller) in FEREG against a direct implementation
 * written here from docs/methods.md §2 with ml-matrix: within transformation by the balanced
 * closed form ỹ = y − ȳ_i· − ȳ_·t + ȳ (or, for unbalanced panels, the LSDV residual on the
 * dummies), B = (X̃'X̃)⁻¹, meat M1 + M2 − M12 (M12 over the intersection clusters),
 * V = (N−1)/(N−K−df_a_nonnested−nested_adj)·G/(G−1)·B·meat·B with G = min(G1, G2), and
 * negative eigenvalues of V set to zero (reghdfe_fix_psd). Tolerance 1e-9 relative.
 */
import { EigenvalueDecomposition, inverse, Matrix } from "ml-matrix";
import { factorize } from "../../../src/engine/data/columns";
import { fereg, FeregResult } from "../../../src/engine/regression/fereg";
import { expectRel, referenceResults } from "../../support/reference";
import { keepRandom, loadPanel, lsdv, Panel, PANEL_X, subset } from "../fe/fixtures";

const TOL = 1e-9;

interface Case {
  readonly label: string;
  readonly panel: Panel;
  readonly y: string;
  readonly x: readonly string[];
  readonly fe: readonly [string, string];
  readonly cluster: readonly [string, string];
  readonly balanced: boolean;
  /** df_a of the FEs not nested in either cluster variable, and nested_adj (docs/methods.md §1.3). */
  readonly dfNon: number;
  readonly adj: 0 | 1;
  /** Whether B·meat·B has a negative eigenvalue here (so the clip is exercised). */
  readonly clips: boolean;
}

const PUBLIC = loadPanel("panel_public.csv", ["inn", ...PANEL_X], ["city", "year", "agglomeration"]);
const GRUNFELD = loadPanel("grunfeld.csv", ["inv", "value", "capital"], ["firm", "year"]);
const UNBAL = subset(PUBLIC, keepRandom(PUBLIC.n, 0.15, 2024));

/** Within transformation written out: balanced closed form, else LSDV residual on the dummies. */
const memo = new WeakMap<Panel, Map<string, Float64Array>>();
function within(p: Panel, name: string, fe: readonly [string, string], balanced: boolean): Float64Array {
  let m = memo.get(p);
  if (!m) { m = new Map(); memo.set(p, m); }
  const key = `${name}|${fe.join(",")}|${balanced}`;
  let out = m.get(key);
  if (!out) { out = withinOf(p, p.num[name], fe, balanced); m.set(key, out); }
  return out;
}

function withinOf(p: Panel, v: Float64Array, fe: readonly [string, string], balanced: boolean): Float64Array {
  if (!balanced) return lsdv(v, [], [p.ids[fe[0]], p.ids[fe[1]]]).resid;
  const mean = (key: (i: number) => string) => {
    const s = new Map<string, [number, number]>();
    for (let i = 0; i < p.n; i++) { const t = s.get(key(i)) ?? [0, 0]; s.set(key(i), [t[0] + v[i], t[1] + 1]); }
    return (i: number) => { const [a, n] = s.get(key(i))!; return a / n; };
  };
  const ma = mean((i) => p.ids[fe[0]][i]);
  const mb = mean((i) => p.ids[fe[1]][i]);
  const m = mean(() => "");
  return Float64Array.from(v, (x, i) => x - ma(i) - mb(i) + m(i));
}

function meat(Xt: Matrix, e: Float64Array, groups: readonly string[]): Matrix {
  const k = Xt.columns;
  const u = new Map<string, number[]>();
  for (let i = 0; i < e.length; i++) {
    let s = u.get(groups[i]);
    if (!s) { s = new Array(k).fill(0); u.set(groups[i], s); }
    for (let a = 0; a < k; a++) s[a] += Xt.get(i, a) * e[i];
  }
  const M = Matrix.zeros(k, k);
  for (const s of u.values()) M.add(Matrix.columnVector(s).mmul(Matrix.rowVector(s)));
  return M;
}

function cgm(c: Case, clip = true): { se: number[]; clipped: boolean; minEig: number; G: number } {
  const p = c.panel;
  const N = p.n;
  const K = c.x.length;
  const Xt = new Matrix(c.x.map((n) => Array.from(within(p, n, c.fe, c.balanced)))).transpose();
  const yt = Matrix.columnVector(Array.from(within(p, c.y, c.fe, c.balanced)));
  const B = inverse(Xt.transpose().mmul(Xt));
  const b = B.mmul(Xt.transpose().mmul(yt));
  const e = Float64Array.from(yt.clone().sub(Xt.mmul(b)).getColumn(0));
  const g1 = p.ids[c.cluster[0]];
  const g2 = p.ids[c.cluster[1]];
  const g12 = g1.map((a, i) => `${a}\u0000${g2[i]}`);
  const M = meat(Xt, e, g1).add(meat(Xt, e, g2)).sub(meat(Xt, e, g12));
  const G = Math.min(new Set(g1).size, new Set(g2).size);
  const factor = ((N - 1) / (N - K - c.dfNon - c.adj)) * (G / (G - 1));
  let V = B.mmul(M).mmul(B).mul(factor);
  V = V.add(V.transpose()).mul(0.5);
  const eig = new EigenvalueDecomposition(V, { assumeSymmetric: true });
  const lambda = eig.realEigenvalues;
  const minEig = Math.min(...lambda);
  const clipped = minEig < 0;
  if (clipped && clip) {
    const Q = eig.eigenvectorMatrix;
    const L = Matrix.diag(lambda.map((l) => Math.max(l, 0)));
    V = Q.mmul(L).mmul(Q.transpose());
  }
  return { se: Array.from({ length: K }, (_, j) => Math.sqrt(V.get(j, j))), clipped, minEig, G };
}

const CASES: Case[] = [
  { label: "panel_public, city + year FE, cluster(city, year)", panel: PUBLIC, y: "inn", x: PANEL_X, fe: ["city", "year"], cluster: ["city", "year"], balanced: true, dfNon: 0, adj: 1, clips: true },
  { label: "panel_public, city + year FE, cluster(agglomeration, year)", panel: PUBLIC, y: "inn", x: PANEL_X, fe: ["city", "year"], cluster: ["agglomeration", "year"], balanced: true, dfNon: 0, adj: 1, clips: true },
  { label: "grunfeld, firm + year FE, cluster(firm, year)", panel: GRUNFELD, y: "inv", x: ["value", "capital"], fe: ["firm", "year"], cluster: ["firm", "year"], balanced: true, dfNon: 0, adj: 1, clips: false },
  { label: "panel_public with 15% of rows deleted, cluster(city, year)", panel: UNBAL, y: "inn", x: PANEL_X, fe: ["city", "year"], cluster: ["city", "year"], balanced: false, dfNon: 0, adj: 1, clips: true },
];

describe.each(CASES)("$label", (c) => {
  const expected = cgm(c);
  let r: FeregResult;
  beforeAll(() => {
    const num = (n: string) => ({ name: n, values: c.panel.num[n] });
    const id = (n: string) => factorize(n, c.panel.ids[n]);
    r = fereg({ y: num(c.y), x: c.x.map(num), fe: c.fe.map(id), cluster: c.cluster.map(id) }, { vcov: "cluster" });
  });

  test("SEs = CGM with G = min(G1, G2) and reghdfe's factor, PSD-clipped", () => {
    expect(r.terms).toEqual(c.x);
    expect(r.singletons).toBe(0);
    expect(r.nobs).toBe(c.panel.n);
    c.x.forEach((name, j) => expectRel(r.se[j], expected.se[j], TOL, `se ${name}`));
  });

  test("clusters, t df = G − 1, and whether the clip is needed", () => {
    expect(r.clusters.map((x) => x.name)).toEqual(c.cluster);
    expect(Math.min(...r.clusters.map((x) => x.count))).toBe(expected.G);
    expect(r.tDf).toBe(expected.G - 1);
    expect(expected.clipped).toBe(c.clips);
  });
});

test.each(CASES.filter((c) => c.clips).map((c) => [c.label, c] as const))("%s: the clip matters, and FEREG's V is PSD", (_, c) => {
  const clipped = cgm(c);
  const raw = cgm(c, false);
  expect(clipped.minEig).toBeLessThan(0);
  const r = fereg(
    { y: { name: c.y, values: c.panel.num[c.y] }, x: c.x.map((n) => ({ name: n, values: c.panel.num[n] })), fe: c.fe.map((n) => factorize(n, c.panel.ids[n])), cluster: c.cluster.map((n) => factorize(n, c.panel.ids[n])) },
    { vcov: "cluster" },
  );
  // without the clip some SE would differ by more than 1e-6 relative
  const maxRel = Math.max(...raw.se.map((s, j) => Math.abs(s - r.se[j]) / r.se[j]));
  expect(maxRel).toBeGreaterThan(1e-6);
  const K = c.x.length;
  const m = new Matrix(K, K);
  for (let a = 0; a < K; a++) for (let b = 0; b < K; b++) m.set(a, b, r.vcovMatrix[a * K + b]);
  const lambda = new EigenvalueDecomposition(m, { assumeSymmetric: true }).realEigenvalues;
  expect(Math.min(...lambda)).toBeGreaterThan(-1e-12 * Math.max(...lambda));
});

describe("adjusted R², adjusted within R² and RMSE under clustering: used_df_r = N − K − df_a − df_a_nested (docs/methods.md §1.4)", () => {
  const p = PUBLIC;
  const N = p.n;
  const K = PANEL_X.length;
  const run = (cluster: string[], vcov: "cluster" | "robust" = "cluster") =>
    fereg(
      { y: { name: "inn", values: p.num.inn }, x: PANEL_X.map((n) => ({ name: n, values: p.num[n] })), fe: ["city", "year"].map((n) => factorize(n, p.ids[n])), cluster: cluster.map((n) => factorize(n, p.ids[n])) },
      { vcov },
    );
  const ref = referenceResults("panel_public.json").ols.twfe_inn_digit_controls;
  const expectFit = (r: FeregResult, used: number, what: string) => {
    expectRel(r.r2Adj, 1 - r.rss / used / (r.tss / (N - 1)), 1e-12, `${what} r2_a`);
    expectRel(r.r2WithinAdj, 1 - r.rss / used / (r.tssWithin / (used + K)), 1e-12, `${what} r2_a_within`);
    expectRel(r.rmse, Math.sqrt(r.rss / used), 1e-12, `${what} rmse`);
  };

  test("unclustered and cluster(city): N − K − 209 (= the reference adj_r2)", () => {
    const robust = run([], "robust");
    const city = run(["city"]);
    expectFit(robust, N - K - 209, "robust");
    expectFit(city, N - K - 13 - 196, "cluster(city)");
    expectRel(city.r2Adj, ref.adj_r2, 1e-8, "cluster(city) r2_a vs reference");
    expectRel(city.r2WithinAdj, ref.adj_r2_within, 1e-8, "cluster(city) r2_a_within vs reference");
  });

  test("two-way cluster(city, year): both FEs nested, N − K − 0 − 210", () => {
    const r = run(["city", "year"]);
    expectFit(r, N - K - 210, "cluster(city, year)");
    expect(Math.abs(r.r2Adj - ref.adj_r2)).toBeGreaterThan(1e-9); // one df less than the rank count
    expect(r.dfResid).toBe(N - K - 209); // the residual df of iid/robust inference is unchanged
  });
});
