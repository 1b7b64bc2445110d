/**
 * FEREG without fixed effects = pooled OLS with an intercept `_cons` (Stata `regress`),
 * against a direct ml-matrix computation: β by QR of [X, 1], (X'X)⁻¹ = R⁻¹R⁻ᵀ, iid
 * RSS/(N−K)·(X'X)⁻¹, HC1 N/(N−K)·HC0, cluster (N−1)/(N−K)·G/(G−1)·CR0 (K counts `_cons`),
 * classical F = (R²/(K−1)) / ((1−R²)/(N−K)), and r2 = r2_within. Tolerance 1e-9 relative.
 */
import { inverse, Matrix, QrDecomposition } from "ml-matrix";
import { factorize } from "../../../src/engine/data/columns";
import { fereg } from "../../../src/engine/regression/fereg";
import { VcovType } from "../../../src/engine/vcov/types";
import { expectRel } from "../../support/reference";
import { lcg, loadPanel, Panel, PANEL_X } from "../fe/fixtures";

const TOL = 1e-9;

interface Ols {
  beta: number[];
  bread: Matrix;
  X: Matrix;
  e: number[];
  rss: number;
  tss: number;
}

function ols(y: Float64Array, xs: readonly Float64Array[]): Ols {
  const n = y.length;
  const X = new Matrix([...xs.map((x) => Array.from(x)), new Array(n).fill(1)]).transpose();
  const Y = Matrix.columnVector(Array.from(y));
  const qr = new QrDecomposition(X);
  const b = qr.solve(Y);
  b.add(qr.solve(Y.clone().sub(X.mmul(b)))); // one refinement step
  const e = Y.clone().sub(X.mmul(b)).getColumn(0);
  const Ri = inverse(qr.upperTriangularMatrix);
  const bread = Ri.mmul(Ri.transpose());
  const ybar = y.reduce((a, v) => a + v, 0) / n;
  return { beta: b.getColumn(0), bread, X, e, rss: e.reduce((a, v) => a + v * v, 0), tss: y.reduce((a, v) => a + (v - ybar) ** 2, 0) };
}

function sandwichSe(o: Ols, groups: readonly string[] | null, factor: number): number[] {
  const k = o.X.columns;
  const u = new Map<string, number[]>();
  for (let i = 0; i < o.e.length; i++) {
    const g = groups ? groups[i] : String(i);
    let s = u.get(g);
    if (!s) { s = new Array(k).fill(0); u.set(g, s); }
    for (let a = 0; a < k; a++) s[a] += o.X.get(i, a) * o.e[i];
  }
  const M = Matrix.zeros(k, k);
  for (const s of u.values()) M.add(Matrix.columnVector(s).mmul(Matrix.rowVector(s)));
  const V = o.bread.mmul(M).mmul(o.bread).mul(factor);
  return Array.from({ length: k }, (_, j) => Math.sqrt(V.get(j, j)));
}

const CASES: [string, Panel, string, readonly string[], string][] = [
  ["grunfeld", loadPanel("grunfeld.csv", ["inv", "value", "capital"], ["firm", "year"]), "inv", ["value", "capital"], "firm"],
  ["panel_public", loadPanel("panel_public.csv", ["inn", ...PANEL_X], ["city", "year"]), "inn", PANEL_X, "city"],
  ["panel_public_singletons", loadPanel("panel_public_singletons.csv", ["inn", ...PANEL_X], ["city", "year"]), "inn", PANEL_X, "city"],
];

describe.each(CASES)("pooled OLS on %s", (_, p, yName, xNames, cl) => {
  const o = ols(p.num[yName], xNames.map((n) => p.num[n]));
  const N = p.n;
  const K = xNames.length + 1;
  const run = (vcov: VcovType) =>
    fereg({ y: { name: yName, values: p.num[yName] }, x: xNames.map((n) => ({ name: n, values: p.num[n] })), cluster: vcov === "cluster" ? [factorize(cl, p.ids[cl])] : [] }, { vcov });

  test("coefficients incl. _cons (last), N, df, R² = within R², F; iid SEs", () => {
    const r = run("iid");
    expect(r.terms).toEqual([...xNames, "_cons"]);
    expect(r.nobs).toBe(N);
    expect(r.singletons).toBe(0); // no FE, nothing is a singleton
    expect(r.dfA).toBe(0);
    expect(r.dfResid).toBe(N - K);
    expect(r.demeanMethod).toBe("none");
    r.terms.forEach((t, j) => expectRel(r.coef[j], o.beta[j], TOL, `coef ${t}`));
    const s2 = o.rss / (N - K);
    r.terms.forEach((t, j) => expectRel(r.se[j], Math.sqrt(s2 * o.bread.get(j, j)), TOL, `se.iid ${t}`));
    const r2 = 1 - o.rss / o.tss;
    expectRel(r.rss, o.rss, TOL, "rss");
    expectRel(r.tss, o.tss, TOL, "tss");
    expectRel(r.r2, r2, TOL, "r2");
    expect(r.r2Within).toBe(r.r2);
    expectRel(r.r2Adj, 1 - ((1 - r2) * (N - 1)) / (N - K), TOL, "r2_adj");
    expect(r.r2WithinAdj).toBeCloseTo(r.r2Adj, 14);
    expectRel(r.F, r2 / (K - 1) / ((1 - r2) / (N - K)), TOL, "F");
    expect(r.Fdf).toEqual([K - 1, N - K]);
    expectRel(r.rmse, Math.sqrt(s2), TOL, "rmse");
  });

  test("robust: HC1 = N/(N−K)·HC0", () => {
    const r = run("robust");
    const se = sandwichSe(o, null, N / (N - K));
    r.terms.forEach((t, j) => expectRel(r.se[j], se[j], TOL, `se.hc1 ${t}`));
  });

  test(`cluster(${cl}): (N−1)/(N−K)·G/(G−1)·CR0, t df G − 1`, () => {
    const r = run("cluster");
    const G = new Set(p.ids[cl]).size;
    const se = sandwichSe(o, p.ids[cl], ((N - 1) / (N - K)) * (G / (G - 1)));
    r.terms.forEach((t, j) => expectRel(r.se[j], se[j], TOL, `se.cluster ${t}`));
    expect(r.tDf).toBe(G - 1);
  });
});

test("dummies that sum to one: the last dummy is omitted, never _cons (as Stata regress and R lm)", () => {
  const p = CASES[1][1];
  const u = lcg(9);
  const d1 = Float64Array.from({ length: p.n }, () => (u() < 0.4 ? 1 : 0));
  const d2 = d1.map((v) => 1 - v);
  const r = fereg({ y: { name: "inn", values: p.num.inn }, x: [{ name: "digit", values: p.num.digit }, { name: "d1", values: d1 }, { name: "d2", values: d2 }] }, { vcov: "robust" });
  expect(r.terms).toEqual(["digit", "d1", "_cons"]);
  expect(r.omitted).toEqual(["d2"]);
  const o = ols(p.num.inn, [p.num.digit, d1]);
  r.terms.forEach((t, j) => expectRel(r.coef[j], o.beta[j], TOL, `coef ${t}`));
  const se = sandwichSe(o, null, p.n / (p.n - 3));
  r.terms.forEach((t, j) => expectRel(r.se[j], se[j], TOL, `se ${t}`));
});
