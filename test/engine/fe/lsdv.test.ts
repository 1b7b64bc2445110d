/**
 * FEREG against an explicit dummy-variable regression (LSDV, fixtures.ts: dense design with
 * every FE level as a dummy, redundant dummies dropped by a QR of the design, solved by
 * QR; no within transformation, no code shared with src/engine), on panels cut from the
 * reference data by seeded row deletions: unbalanced, with singletons (dropped and kept),
 * a disconnected city–year graph (two blocks of cities observed in disjoint year sets, so
 * two mobility groups), and three fixed effects (alternating projections).
 *
 * Tolerance: 1e-9 relative for coefficients, SEs, RSS and R² (LSDV by Householder QR is
 * accurate to ~1e-12 here; the engine's exact two-way path to rounding, its alternating
 * projections to 1e-12 on the residual scale).
 *
 * Degrees of freedom: the small-sample factors are written here from docs/methods.md §1.3/§2
 * (reghdfe): iid RSS/(N−K−df_a), robust N/(N−K−df_a), cluster (N−1)/(N−K−df_a_nonnested −
 * nested_adj)·G/(G−1). For two FEs df_a is the exact rank of the dummies (checked against
 * the LSDV rank); for three FEs reghdfe's pairwise count can exceed it (case "agglo×year").
 */
import { fereg, FeregOptions, FeregResult } from "../../../src/engine/regression/fereg";
import { VcovType } from "../../../src/engine/vcov/types";
import { expectRel } from "../../support/reference";
import { countLevels, cr0, hc0, idCol, iterativeSingletons, keepRandom, lcg, loadPanel, lsdv, LsdvFit, numCol, Panel, PANEL_X, seFrom, subset, withId } from "./fixtures";

const TOL = 1e-9;

const PUBLIC = loadPanel("panel_public.csv", ["inn", ...PANEL_X, "dist_port"], ["city", "year", "agglomeration"]);
const GRUNFELD = loadPanel("grunfeld.csv", ["inv", "value", "capital"], ["firm", "year"]);

interface ClusterExpect {
  /** df_a of the FEs not nested in the cluster variable (reghdfe e(df_a) under clustering). */
  readonly dfNon: number;
  readonly adj: 0 | 1;
}

interface Case {
  readonly label: string;
  readonly panel: Panel;
  readonly y: string;
  readonly x: readonly string[];
  readonly fe: readonly string[];
  readonly opts?: FeregOptions;
  /** reghdfe df_a (no clustering). */
  readonly dfA: number;
  /** rank of the dummies as LSDV finds it (= dfA unless reghdfe's count is conservative). */
  readonly lsdvDf: number;
  readonly singletons: number;
  readonly clusters: Readonly<Record<string, ClusterExpect>>;
  readonly method: string;
}

function runFereg(c: Case, vcov: VcovType, cluster?: string): FeregResult {
  return fereg(
    { y: numCol(c.panel, c.y), x: c.x.map((n) => numCol(c.panel, n)), fe: c.fe.map((f) => idCol(c.panel, f)), cluster: cluster ? [idCol(c.panel, cluster)] : [] },
    { ...c.opts, vcov },
  );
}

const fits = new Map<string, { fit: LsdvFit; sample: Panel }>();
function lsdvOf(c: Case): { fit: LsdvFit; sample: Panel } {
  let r = fits.get(c.label);
  if (!r) {
    const rows = c.opts?.keepSingletons ? Array.from({ length: c.panel.n }, (_, i) => i) : iterativeSingletons(c.panel, c.fe).rows;
    const sample = subset(c.panel, rows);
    const fit = lsdv(sample.num[c.y], c.x.map((n) => sample.num[n]), c.fe.map((f) => sample.ids[f]));
    r = { fit, sample };
    fits.set(c.label, r);
  }
  return r;
}

function expectSe(r: FeregResult, se: number[], x: readonly string[], what: string): void {
  expect(r.terms).toEqual(x);
  x.forEach((name, j) => expectRel(r.se[j], se[j], TOL, `${what} ${name}`));
}

// ---- the panels ---------------------------------------------------------------------------

/** Grunfeld with ~20% of firm-years deleted. */
const grunfeldUnbalanced = subset(GRUNFELD, keepRandom(GRUNFELD.n, 0.2, 20240601));

/**
 * panel_public with ~20% of rows deleted, then cities 5, 17 and 101 cut to their first row,
 * year 2015 cut to the row of city 60 and city 60 to that row and its 2008 row: 4
 * singletons in the first pass, then city 60's 2008 row in the second.
 */
const withSingletons = (() => {
  const p = PUBLIC;
  const base = keepRandom(p.n, 0.2, 777, (i) => p.ids.city[i] === "60");
  const seenCity = new Set<string>();
  const rows = base.filter((i) => {
    const city = p.ids.city[i];
    const year = p.ids.year[i];
    if (["5", "17", "101"].includes(city)) {
      if (seenCity.has(city)) return false;
      seenCity.add(city);
      return true;
    }
    if (city === "60") return year === "2015" || year === "2008";
    return year !== "2015";
  });
  return subset(p, rows);
})();

/**
 * Disconnected: cities 1–98 observed only in 2008–2014, cities 99–196 only in 2015–2021,
 * then 10% of the remaining rows deleted: two mobility groups, df_a = C + T − 2.
 */
const disconnected = (() => {
  const p = PUBLIC;
  const inBlock = (i: number) => (Number(p.ids.city[i]) <= 98) === (Number(p.ids.year[i]) <= 2014);
  const u = lcg(4242);
  const rows: number[] = [];
  for (let i = 0; i < p.n; i++) if (u() >= 0.1 && inBlock(i)) rows.push(i);
  const r = lcg(99);
  // a cluster variable that nests no FE: 25 random groups per row
  return withId(subset(p, rows), "block", () => String(Math.floor(r() * 25)));
})();

/** Three FEs: city, year, agglomeration × year on the balanced panel. */
const aggloYear = withId(PUBLIC, "aggyear", (i) => `${PUBLIC.ids.agglomeration[i]}:${PUBLIC.ids.year[i]}`);

/** Three FEs with an exact pairwise count: city, year and a random 6-level "zone" per row, unbalanced. */
const zoned = (() => {
  const p = subset(PUBLIC, keepRandom(PUBLIC.n, 0.15, 31337));
  const u = lcg(5);
  return withId(p, "zone", () => String(1 + Math.floor(u() * 6)));
})();

// expected counts, derived from the construction (and checked against LSDV / the data below)
const wsS = iterativeSingletons(withSingletons, ["city", "year"]);
const wsSample = subset(withSingletons, wsS.rows);
const wsC = countLevels(wsSample.ids.city);
const wsT = countLevels(wsSample.ids.year);
const gC = countLevels(grunfeldUnbalanced.ids.firm);
const gT = countLevels(grunfeldUnbalanced.ids.year);
const dS = iterativeSingletons(disconnected, ["city", "year"]);
const dSample = subset(disconnected, dS.rows);
const dC = countLevels(dSample.ids.city);
const dT = countLevels(dSample.ids.year);
const zS = iterativeSingletons(zoned, ["city", "year", "zone"]);
const zSample = subset(zoned, zS.rows);
const zC = countLevels(zSample.ids.city);
const zT = countLevels(zSample.ids.year);
const zZ = countLevels(zSample.ids.zone);

const CASES: Case[] = [
  {
    label: "grunfeld, 20% of rows deleted", panel: grunfeldUnbalanced, y: "inv", x: ["value", "capital"], fe: ["firm", "year"],
    dfA: gC + gT - 1, lsdvDf: gC + gT - 1, singletons: iterativeSingletons(grunfeldUnbalanced, ["firm", "year"]).rounds.reduce((a, b) => a + b, 0),
    clusters: { firm: { dfNon: gT - 1, adj: 1 }, year: { dfNon: gC - 1, adj: 1 } }, method: "exact-two-way",
  },
  {
    label: "panel_public with singletons (dropped)", panel: withSingletons, y: "inn", x: PANEL_X, fe: ["city", "year"],
    dfA: wsC + wsT - 1, lsdvDf: wsC + wsT - 1, singletons: withSingletons.n - wsS.rows.length,
    clusters: { city: { dfNon: wsT - 1, adj: 1 }, agglomeration: { dfNon: wsT - 1, adj: 1 }, year: { dfNon: wsC - 1, adj: 1 } }, method: "exact-two-way",
  },
  {
    label: "panel_public with singletons (kept)", panel: withSingletons, y: "inn", x: PANEL_X, fe: ["city", "year"], opts: { keepSingletons: true },
    dfA: countLevels(withSingletons.ids.city) + countLevels(withSingletons.ids.year) - 1,
    lsdvDf: countLevels(withSingletons.ids.city) + countLevels(withSingletons.ids.year) - 1, singletons: 0,
    clusters: { city: { dfNon: countLevels(withSingletons.ids.year) - 1, adj: 1 } }, method: "exact-two-way",
  },
  {
    // reghdfe counts mobility groups only between FEs not nested in the cluster variable
    // (DoF.mata: nested FEs leave intercept_index before dof_update_mobility_group), so under
    // cluster(city) the year FE loses just 1 level although the graph has 2 components.
    label: "disconnected city–year graph (2 mobility groups)", panel: disconnected, y: "inn", x: PANEL_X, fe: ["city", "year"],
    dfA: dC + dT - 2, lsdvDf: dC + dT - 2, singletons: disconnected.n - dS.rows.length,
    clusters: { city: { dfNon: dT - 1, adj: 1 }, year: { dfNon: dC - 1, adj: 1 }, block: { dfNon: dC + dT - 2, adj: 0 } }, method: "exact-two-way",
  },
  {
    // reghdfe: 196 + 14 + 266 levels; year loses max(1, m(city,year)=1) = 1, agglo×year loses
    // max(1, m(city,ay)=19, m(year,ay)=14) = 19 ⇒ df_a = 456. The exact rank is 443: the 13
    // remaining year dummies lie in the span of agglo×year, which pairwise counts cannot see
    // (docs/methods.md §1.3: "conservative for ≥3").
    label: "three FEs: city, year, agglomeration×year (balanced)", panel: aggloYear, y: "inn", x: PANEL_X, fe: ["city", "year", "aggyear"],
    dfA: 456, lsdvDf: 443, singletons: 0,
    // cluster(city): city nested; year and agglo×year each lose 1, agglo×year max(1, m(year,ay)=14)
    // ⇒ 13 + 252. cluster(agglomeration): city and agglo×year both nested, year keeps 13.
    clusters: { city: { dfNon: 13 + 266 - 14, adj: 1 }, agglomeration: { dfNon: 13, adj: 1 } }, method: "alternating-projections",
  },
  {
    label: "three FEs: city, year, random zone (unbalanced)", panel: zoned, y: "inn", x: PANEL_X, fe: ["city", "year", "zone"],
    dfA: zC + zT + zZ - 2, lsdvDf: zC + zT + zZ - 2, singletons: zoned.n - zS.rows.length,
    clusters: { city: { dfNon: zT - 1 + zZ - 1, adj: 1 }, zone: { dfNon: zC - 1 + zT - 1, adj: 1 } }, method: "alternating-projections",
  },
];

test("the constructed panels have the intended structure", () => {
  expect(wsS.rounds).toEqual([4, 1]); // singletons removed over two passes
  expect(countLevels(withSingletons.ids.year)).toBe(14);
  expect(wsT).toBe(13);
  expect(new Set(dSample.ids.city.filter((c, i) => Number(c) <= 98 && Number(dSample.ids.year[i]) > 2014)).size).toBe(0);
  expect(dC).toBeGreaterThan(190);
  expect(dT).toBe(14);
});

describe.each(CASES)("FEREG = LSDV: $label", (c) => {
  test("coefficients, N, df_a, singletons, RSS, R², demeaning method; iid SEs", () => {
    const { fit, sample } = lsdvOf(c);
    const r = runFereg(c, "iid");
    const K = c.x.length;
    expect(fit.rank - K).toBe(c.lsdvDf);
    expect(r.nobs).toBe(sample.n);
    expect(r.singletons).toBe(c.singletons);
    expect(r.dfA).toBe(c.dfA);
    expect(r.dfResid).toBe(sample.n - K - c.dfA);
    expect(r.demeanMethod).toBe(c.method);
    c.x.forEach((name, j) => expectRel(r.coef[j], fit.beta[j], TOL, `coef ${name}`));
    expectRel(r.rss, fit.rss, TOL, "rss");
    const y = sample.num[c.y];
    const ybar = y.reduce((a, b) => a + b, 0) / y.length;
    const tss = y.reduce((a, b) => a + (b - ybar) ** 2, 0);
    expectRel(r.r2, 1 - fit.rss / tss, TOL, "r2");
    expectSe(r, seFrom(fit.breadSlopes, K, fit.rss / (sample.n - K - c.dfA)), c.x, "se.iid");
  });

  test("robust (HC1) SEs", () => {
    const { fit, sample } = lsdvOf(c);
    const r = runFereg(c, "robust");
    const K = c.x.length;
    expectSe(r, seFrom(hc0(fit), K, sample.n / (sample.n - K - c.dfA)), c.x, "se.hc1");
  });

  test.each(Object.keys(c.clusters))("cluster(%s) SEs with reghdfe's factor", (cl) => {
    const { fit, sample } = lsdvOf(c);
    const r = runFereg(c, "cluster", cl);
    const K = c.x.length;
    const N = sample.n;
    const G = countLevels(sample.ids[cl]);
    const { dfNon, adj } = c.clusters[cl];
    expect(r.clusters).toEqual([{ name: cl, count: G }]);
    expect(r.tDf).toBe(G - 1);
    expectSe(r, seFrom(cr0(fit, sample.ids[cl]), K, ((N - 1) / (N - K - dfNon - adj)) * (G / (G - 1))), c.x, `se.cluster:${cl}`);
  });
});

test("a regressor constant within city (dist_port) is absorbed in LSDV and FEREG alike", () => {
  const c = CASES[1];
  const r = fereg({ y: numCol(c.panel, "inn"), x: [...c.x, "dist_port"].map((n) => numCol(c.panel, n)), fe: c.fe.map((f) => idCol(c.panel, f)) }, { vcov: "iid" });
  expect(r.omitted).toEqual(["dist_port"]);
  const { fit } = lsdvOf(c);
  c.x.forEach((name, j) => expectRel(r.coef[j], fit.beta[j], TOL, `coef ${name}`));
});
