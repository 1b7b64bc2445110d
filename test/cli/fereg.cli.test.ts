/**
 * `citypanel fereg … --json` against test/fixtures/reference/results/grunfeld.json (firm + year and
 * firm-only FE), the reghdfe cluster SEs under --cluster, pooled OLS with `_cons` against an
 * independent normal-equations computation, and bad usage (exit status 2, one line on stderr).
 * Tolerance 1e-8 relative for every number (TOL); integers and lists exactly.
 */
import * as fs from "fs";
import { expectRel, referenceResults } from "../support/reference";
import { expectUsageError, jsonOf, runCli, REFERENCE_DATA } from "./cliHarness";

const TOL = 1e-8;
const DATA = REFERENCE_DATA("grunfeld.csv");
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const g: any = referenceResults("grunfeld.json").ols;
const ref = g.twfe_inv_value_capital;
const BASE = ["fereg", DATA, "--y", "inv", "--x", "value,capital"];

type Dict = Record<string, number>;
const expectDict = (actual: Dict, expected: Dict, tol: number, what: string) => {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [k, v] of Object.entries(expected)) expectRel(actual[k], v, tol, `${what}.${k}`);
};

const CONTRACT_KEYS = [
  "command", "y", "nobs", "nobs_full", "dropped_missing", "singletons", "coef", "se", "t", "p", "omitted", "vcov", "clusters",
  "fe", "df_a", "df_resid", "r2", "r2_adj", "r2_within", "r2_within_adj", "rmse", "rss", "F", "F_p",
];

describe("citypanel fereg --json reproduces grunfeld.json", () => {
  test("the issue's done-criterion: firm + year FE, default (robust HC1) SEs", async () => {
    const j = jsonOf(await runCli([...BASE, "--fe", "firm,year", "--json"]));
    for (const k of CONTRACT_KEYS) expect(j).toHaveProperty([k]);
    expect(j.command).toBe("fereg");
    expect(j.y).toBe("inv");
    expect(j.nobs).toBe(200);
    expect(j.nobs_full).toBe(200);
    expect(j.singletons).toBe(0);
    expect(j.dropped_missing).toBe(0);
    expect(j.df_a).toBe(29);
    expect(j.df_resid).toBe(169);
    expect(j.fe).toEqual({ firm: 10, year: 20 });
    expect(j.vcov).toBe("robust");
    expect(j.clusters).toEqual({});
    expect(j.omitted).toEqual([]);
    expectDict(j.coef, ref.coef, TOL, "coef");
    expectDict(j.se, ref.se.hc1, TOL, "se");
    expectDict(j.p, ref.pvalue.hc1, TOL, "p");
    for (const k of Object.keys(ref.coef)) expectRel(j.t[k], j.coef[k] / j.se[k], 1e-12, `t.${k}`);
    expectRel(j.r2, ref.r2, TOL, "r2");
    expectRel(j.r2_adj, ref.adj_r2, TOL, "r2_adj");
    expectRel(j.r2_within, ref.r2_within, TOL, "r2_within");
    expectRel(j.r2_within_adj, ref.adj_r2_within, TOL, "r2_within_adj");
    expectRel(j.rss, ref.rss, TOL, "rss");
    expectRel(j.rmse, Math.sqrt(ref.rss / ref.df_resid), TOL, "rmse");
  });

  test("--vcov iid", async () => {
    const j = jsonOf(await runCli([...BASE, "--fe", "firm,year", "--vcov", "iid", "--json"]));
    expectDict(j.se, ref.se.iid, TOL, "se");
    expectDict(j.p, ref.pvalue.iid, TOL, "p");
  });

  test("--cluster firm gives reghdfe's cluster SEs (t df G − 1 = 9); df_a stays the FE rank", async () => {
    const j = jsonOf(await runCli([...BASE, "--fe", "firm,year", "--cluster", "firm", "--json"]));
    expect(j.vcov).toBe("cluster");
    expect(j.clusters).toEqual({ firm: 10 });
    expect(j.df_a).toBe(29);
    expect(j.t_df).toBe(ref.t_df_fixest["cluster:firm"]);
    expectDict(j.coef, ref.coef, TOL, "coef");
    expectDict(j.se, ref.se["cluster:firm"].reghdfe, TOL, "se");
    expectDict(j.p, ref.pvalue["cluster:firm"].reghdfe, TOL, "p");
  });

  test("one-way firm FE (plm within), robust", async () => {
    const r1 = g.fe1_inv_value_capital;
    const j = jsonOf(await runCli([...BASE, "--fe", "firm", "--json"]));
    expect(j.df_a).toBe(r1.df_fe_absorbed);
    expect(j.df_resid).toBe(r1.df_resid);
    expectDict(j.coef, r1.coef, TOL, "coef");
    expectDict(j.se, r1.se.hc1, TOL, "se");
  });

  test("pooled OLS (no --fe) has an intercept _cons; coefficients and HC1 SEs match normal equations", async () => {
    const j = jsonOf(await runCli([...BASE, "--json"]));
    expect(Object.keys(j.coef)).toEqual(["value", "capital", "_cons"]);
    expect(j.fe).toEqual({});
    expect(j.df_a).toBe(0);
    expect(j.df_resid).toBe(197);
    // independent: (X'X)⁻¹X'y and HC1 = N/(N − 3)·(X'X)⁻¹ Σ x x' e² (X'X)⁻¹, X = [value, capital, 1]
    const rows = fs.readFileSync(DATA, "utf8").trim().split("\n").slice(1).map((l) => l.split(",").map(Number));
    const X = rows.map((r) => [r[3], r[4], 1]);
    const y = rows.map((r) => r[2]);
    const n = X.length;
    const XtX = [0, 1, 2].map((a) => [0, 1, 2].map((b) => X.reduce((s, x) => s + x[a] * x[b], 0)));
    const B = inverse3(XtX);
    const Xty = [0, 1, 2].map((a) => X.reduce((s, x, i) => s + x[a] * y[i], 0));
    const beta = B.map((row) => row.reduce((s, v, k) => s + v * Xty[k], 0));
    const e = y.map((v, i) => v - X[i].reduce((s, x, k) => s + x * beta[k], 0));
    const M = [0, 1, 2].map((a) => [0, 1, 2].map((b) => X.reduce((s, x, i) => s + x[a] * x[b] * e[i] * e[i], 0)));
    const V = mul3(mul3(B, M), B).map((row) => row.map((v) => (v * n) / (n - 3)));
    ["value", "capital", "_cons"].forEach((name, k) => {
      expectRel(j.coef[name], beta[k], TOL, `coef.${name}`);
      expectRel(j.se[name], Math.sqrt(V[k][k]), TOL, `se.${name}`);
    });
    const ybar = y.reduce((s, v) => s + v, 0) / n;
    expectRel(j.r2, 1 - e.reduce((s, v) => s + v * v, 0) / y.reduce((s, v) => s + (v - ybar) ** 2, 0), TOL, "r2");
  });
});

describe("citypanel fereg: bad usage exits 2 with a one-line message", () => {
  test("missing --y, missing --x", async () => {
    expectUsageError(await runCli(["fereg", DATA, "--x", "value", "--json"]), "fereg", "--y is required");
    expectUsageError(await runCli(["fereg", DATA, "--y", "inv", "--json"]), "fereg", "--x needs at least one regressor");
  });

  test("an unknown column, an unknown option, a bad --vcov", async () => {
    expectUsageError(await runCli([...BASE, "--fe", "firm,industry"]), "fereg", `no column named "industry"`);
    expectUsageError(await runCli([...BASE, "--absorb", "firm"]), "fereg", "--absorb");
    expectUsageError(await runCli([...BASE, "--vcov", "hc3"]), "fereg", `--vcov must be "robust", "iid" or "cluster", got "hc3"`);
  });

  test("the VCE rule every face shares (vcov/resolve.ts): --cluster with an explicit robust / iid is refused, in both languages", async () => {
    expectUsageError(await runCli([...BASE, "--vcov", "robust", "--cluster", "firm"]), "fereg", '--cluster and --vcov "robust" contradict each other');
    process.env.CITYPANEL_LANG = "zh";
    try {
      expectUsageError(await runCli([...BASE, "--vcov", "iid", "--cluster", "firm"]), "fereg", '--cluster与 --vcov "iid" 相互矛盾');
    } finally {
      process.env.CITYPANEL_LANG = "en";
    }
    expectUsageError(await runCli([...BASE, "--vcov", "cluster"]), "fereg", '--vcov "cluster" needs --cluster');
    expect(jsonOf(await runCli([...BASE, "--cluster", "firm", "--json"])).vcov).toBe("cluster");
  });

  test("no file, two files, a missing file", async () => {
    expectUsageError(await runCli(["fereg", "--y", "inv", "--x", "value"]), "fereg", "a data FILE is required");
    expectUsageError(await runCli([...BASE, DATA]), "fereg", "expected one FILE, got 2");
    expectUsageError(await runCli(["fereg", "nope.csv", "--y", "inv", "--x", "value"]), "fereg", "file not found: nope.csv");
  });

  test("the outcome among the regressors", async () => {
    expectUsageError(await runCli(["fereg", DATA, "--y", "inv", "--x", "value,inv"]), "fereg", `"inv" is both the outcome and a regressor`);
  });
});

function inverse3(A: number[][]): number[][] {
  const [[a, b, c], [d, e, f], [g2, h, i]] = A;
  const det = a * (e * i - f * h) - b * (d * i - f * g2) + c * (d * h - e * g2);
  return [
    [(e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det],
    [(f * g2 - d * i) / det, (a * i - c * g2) / det, (c * d - a * f) / det],
    [(d * h - e * g2) / det, (b * g2 - a * h) / det, (a * e - b * d) / det],
  ];
}

function mul3(A: number[][], B: number[][]): number[][] {
  return A.map((row) => [0, 1, 2].map((j) => row.reduce((s, v, k) => s + v * B[k][j], 0)));
}
