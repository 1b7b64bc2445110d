/**
 * Singleton removal (src/engine/fe/singletons.ts and its use in FEREG): iterative, as
 * reghdfe; the reference singleton panel loses 12 observations in rounds [11, 1] (a single
 * pass, fixest's `fixef.rm = "singleton"`, would remove 11), N = 2056; `keepSingletons`
 * keeps them with unchanged coefficients and residual df. Counts are exact; SE ratios
 * 1e-9 relative.
 */
import { factorize } from "../../../src/engine/data/columns";
import { tableIds, tableNumeric } from "../../../src/engine/data/table";
import { isCityPanelError } from "../../../src/engine/errors";
import { dropSingletons } from "../../../src/engine/fe/singletons";
import { fereg } from "../../../src/engine/regression/fereg";
import { VcovType } from "../../../src/engine/vcov/types";
import { expectRel, referenceData, referenceResults } from "../../support/reference";
import { iterativeSingletons, loadPanel, numCol, idCol, onePassSingletons, PANEL_X, permutation, subset } from "./fixtures";

const FILE = "panel_public_singletons.csv";
const P = loadPanel(FILE, ["inn", ...PANEL_X], ["city", "year"]);
const REF = referenceResults("panel_public_singletons.json").ols.twfe_inn_digit_controls;

const codes = (p: typeof P) => ["city", "year"].map((f) => factorize(f, p.ids[f]));

describe("the reference singleton panel", () => {
  test("dropSingletons: 12 singletons in rounds [11, 1]; the rows are those of the definition", () => {
    const c = codes(P);
    const s = dropSingletons(c.map((x) => x.codes), c.map((x) => x.levels.length));
    expect(s.dropped).toBe(12);
    expect(s.rounds).toEqual([11, 1]);
    expect(s.rounds).toEqual(REF.sample.singleton_rounds);
    expect(onePassSingletons(P, ["city", "year"])).toBe(11); // fixest's one pass
    expect(REF.sample.singletons_one_pass_fixest).toBe(11);
    const mine = iterativeSingletons(P, ["city", "year"]);
    expect(mine.rounds).toEqual([11, 1]);
    const kept = Array.from(s.keep.keys()).filter((i) => s.keep[i] === 1);
    expect(kept).toEqual(mine.rows);
    const droppedCities = new Set(Array.from(s.keep.keys()).filter((i) => !s.keep[i]).map((i) => P.ids.city[i]));
    expect([...droppedCities].sort((a, b) => Number(a) - Number(b))).toEqual(["20", "43", "78", "85", "86", "111", "142", "170", "180", "187", "193"]);
    expect(kept.some((i) => P.ids.year[i] === "2018")).toBe(false);
  });

  test("FEREG: N 2056, 12 singletons, rounds [11, 1], 185 cities × 13 years, df_a 197", () => {
    const r = fereg({ y: numCol(P, "inn"), x: PANEL_X.map((n) => numCol(P, n)), fe: [idCol(P, "city"), idCol(P, "year")] });
    expect(r.nobs).toBe(2056);
    expect(r.nobsFull).toBe(2068);
    expect(r.singletons).toBe(12);
    expect(r.singletonRounds).toEqual([11, 1]);
    expect(r.fe).toEqual([{ name: "city", levels: 185 }, { name: "year", levels: 13 }]);
    expect(r.dfA).toBe(197);
    expect(r.rows.length).toBe(2056);
    expect(Array.from(r.rows)).toEqual(iterativeSingletons(P, ["city", "year"]).rows);
  });

  test("the rounds and the kept rows do not depend on the row order", () => {
    for (const seed of [11, 12, 13, 14]) {
      const perm = permutation(P.n, seed);
      const q = subset(P, perm);
      const c = codes(q);
      const s = dropSingletons(c.map((x) => x.codes), c.map((x) => x.levels.length));
      expect(s.rounds).toEqual([11, 1]);
      const keptOrig = perm.filter((_, k) => s.keep[k] === 1).sort((a, b) => a - b);
      expect(keptOrig).toEqual(iterativeSingletons(P, ["city", "year"]).rows);
    }
  });

  describe("keepSingletons", () => {
    const t = referenceData(FILE);
    const run = (vcov: VcovType, keepSingletons: boolean, cluster?: string) =>
      fereg(
        { y: tableNumeric(t, "inn"), x: PANEL_X.map((n) => tableNumeric(t, n)), fe: [tableIds(t, "city"), tableIds(t, "year")], cluster: cluster ? [tableIds(t, cluster)] : [] },
        { vcov, keepSingletons },
      );

    test("N 2068, no singletons, 196 × 14 levels, df_a 209; same coefficients and residual df (each singleton brings its own dummy)", () => {
      const k = run("iid", true);
      const d = run("iid", false);
      expect(k.nobs).toBe(2068);
      expect(k.singletons).toBe(0);
      expect(k.singletonRounds).toEqual([]);
      expect(k.fe).toEqual([{ name: "city", levels: 196 }, { name: "year", levels: 14 }]);
      expect(k.dfA).toBe(209);
      expect(k.dfResid).toBe(d.dfResid);
      PANEL_X.forEach((x, j) => {
        expectRel(k.coef[j], d.coef[j], 1e-9, `coef ${x}`);
        expectRel(k.coef[j], REF.coef[x], 1e-8, `coef ${x} vs reference`);
        expectRel(k.se[j], d.se[j], 1e-9, `iid se ${x}`); // same RSS, same df
      });
    });

    test("robust and cluster SEs change only through N and G (singleton residuals are 0)", () => {
      const hk = run("robust", true);
      const hd = run("robust", false);
      const ck = run("cluster", true, "city");
      const cd = run("cluster", false, "city");
      expect(ck.clusters[0].count).toBe(196);
      expect(cd.clusters[0].count).toBe(185);
      const robustRatio = Math.sqrt(2068 / 2056);
      const clusterRatio = Math.sqrt(((2067 / (2068 - 8 - 13 - 1)) * (196 / 195)) / ((2055 / (2056 - 8 - 12 - 1)) * (185 / 184)));
      PANEL_X.forEach((x, j) => {
        expectRel(hk.se[j], hd.se[j] * robustRatio, 1e-9, `robust ${x}`);
        expectRel(ck.se[j], cd.se[j] * clusterRatio, 1e-9, `cluster ${x}`);
      });
      expect(Math.abs(robustRatio - 1)).toBeGreaterThan(1e-3);
    });
  });
});

describe("dropSingletons on small cases", () => {
  test("a cascade over two passes empties the sample; FEREG says so with a CityPanelError", () => {
    // rows (a,b): (A,X) (A,Y) (B,Y) (B,Z) (C,Z) (C,W): pass 1 drops X and W rows (FE b),
    // pass 2 drops A and C rows (FE a), then the Y and Z rows (FE b, now single).
    const a = factorize("a", ["A", "A", "B", "B", "C", "C"]);
    const b = factorize("b", ["X", "Y", "Y", "Z", "Z", "W"]);
    const s = dropSingletons([a.codes, b.codes], [a.levels.length, b.levels.length]);
    expect(s.rounds).toEqual([2, 4]);
    expect(Array.from(s.keep)).toEqual([0, 0, 0, 0, 0, 0]);
    let err: unknown;
    try {
      fereg({ y: { name: "y", values: Float64Array.of(1, 2, 4, 3, 5, 7) }, x: [{ name: "x", values: Float64Array.of(2, 1, 3, 5, 4, 6) }], fe: [a, b] });
    } catch (e) { err = e; }
    expect(isCityPanelError(err)).toBe(true);
    expect((err as Error).message).toMatch(/every observation is a fixed-effect singleton/);
  });

  test("no singletons: nothing dropped, no rounds", () => {
    const a = factorize("a", ["A", "A", "B", "B"]);
    const b = factorize("b", ["X", "Y", "X", "Y"]);
    const s = dropSingletons([a.codes, b.codes], [2, 2]);
    expect(s).toEqual({ keep: Uint8Array.of(1, 1, 1, 1), rounds: [], dropped: 0 });
  });

  test("one FE: a level with a single row goes, in one pass", () => {
    const a = factorize("a", ["A", "B", "A", "C", "C"]);
    const s = dropSingletons([a.codes], [3]);
    expect(Array.from(s.keep)).toEqual([1, 0, 1, 1, 1]);
    expect(s.rounds).toEqual([1]);
  });
});
