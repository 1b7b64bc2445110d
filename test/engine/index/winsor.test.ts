/** Winsorising / trimming at Stata `_pctile` cut points (winsor2), docs/methods.md §6.1. */
import * as path from "path";
import fc from "fast-check";
import { readCsv } from "../../../src/cli/readCsvCells";
import { factorize } from "../../../src/engine/data/columns";
import { tableNumeric } from "../../../src/engine/data/table";
import { CityPanelError } from "../../../src/engine/errors";
import { winsorCutPoints, winsorize } from "../../../src/engine/index/winsor";
import { expectRel, REFERENCE_DIR, referenceData, referenceResults } from "../../support/reference";

const TOL = 1e-10;

interface WinsorRef {
  n: number; p1_stata: number; p99_stata: number; n_clipped_low_stata: number; n_clipped_high_stata: number;
  mean_w_stata: number; first5_w_stata: number[];
}

describe.each([["panel_public.csv", "panel_public.json"], ["grunfeld.csv", "grunfeld.json"]])("winsor 1/99 on %s", (dataFile, resultFile) => {
  const refs: Record<string, WinsorRef> = referenceResults(resultFile).winsor_1_99;
  const t = referenceData(dataFile);
  test.each(Object.keys(refs))("%s: cut points, clipped counts, mean and first values", (col) => {
    const ref = refs[col];
    const r = winsorize(tableNumeric(t, col), { cuts: [1, 99] });
    expectRel(r.lo[0], ref.p1_stata, TOL, "p1_stata");
    expectRel(r.hi[0], ref.p99_stata, TOL, "p99_stata");
    expect(r.nLow).toBe(ref.n_clipped_low_stata);
    expect(r.nHigh).toBe(ref.n_clipped_high_stata);
    expectRel(r.values.reduce((a, v) => a + v, 0) / ref.n, ref.mean_w_stata, TOL, "mean_w_stata");
    ref.first5_w_stata.forEach((v, i) => expectRel(r.values[i], v, TOL, `first5[${i}]`));
  });
});

describe("winsor values against panel_public_derived.csv", () => {
  const derived = readCsv(path.join(REFERENCE_DIR, "results", "panel_public_derived.csv"));
  const t = referenceData("panel_public.csv");
  test.each(["inn", "digit"])("%s_w1_99_stata, every row", (col) => {
    const r = winsorize(tableNumeric(t, col));
    const want = tableNumeric(derived, `${col}_w1_99_stata`).values;
    expect(r.values.length).toBe(want.length);
    for (let i = 0; i < want.length; i++) expectRel(r.values[i], want[i], TOL, `${col} row ${i + 1}`);
  });
});

describe("winsor options", () => {
  const x = { name: "x", values: Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 100) };
  test("worked example: cuts 10/90 (P integer → average of neighbours)", () => {
    expect(winsorCutPoints(x.values, [10, 90])).toEqual([1.5, 54.5]);
    expect(Array.from(winsorize(x, { cuts: [10, 90] }).values)).toEqual([1.5, 2, 3, 4, 5, 6, 7, 8, 9, 54.5]);
  });
  test("trim sets values beyond the cut points to missing, keeps values equal to them", () => {
    const r = winsorize({ name: "x", values: Float64Array.of(1, 2, 2, 3, 4, 9) }, { cuts: [20, 80], trim: true });
    // n = 6: P = 1.2 → x(2) = 2; P = 4.8 → x(5) = 4
    expect([r.lo[0], r.hi[0]]).toEqual([2, 4]);
    expect(Array.from(r.values)).toEqual([NaN, 2, 2, 3, 4, NaN]);
  });
  test("cuts 0 / 100 use the minimum and maximum; missing stays missing", () => {
    const r = winsorize({ name: "x", values: Float64Array.of(3, NaN, -1, 7) }, { cuts: [0, 100] });
    expect([r.lo[0], r.hi[0]]).toEqual([-1, 7]);
    expect(Array.from(r.values)).toEqual([3, NaN, -1, 7]);
  });
  test("by group: cut points within each group; rows without a group become missing", () => {
    const by = factorize("g", ["a", "a", "a", "b", "b", "b", null]);
    const r = winsorize({ name: "x", values: Float64Array.of(1, 2, 30, 10, 20, 300, 5) }, { cuts: [34, 66], by });
    // n = 3 per group: P = 1.02 → x(2); P = 1.98 → x(2): every value goes to the group median
    expect(Array.from(r.lo)).toEqual([2, 20]);
    expect(Array.from(r.values)).toEqual([2, 2, 2, 20, 20, 20, NaN]);
    expect(r.levels).toEqual(["a", "b"]);
  });
  test("pooled cut points by group equal the pooled ones when there is one group", () => {
    const t = referenceData("panel_public.csv");
    const inn = tableNumeric(t, "inn");
    const one = factorize("all", new Array(inn.values.length).fill("x"));
    expect(Array.from(winsorize(inn, { by: one }).values)).toEqual(Array.from(winsorize(inn).values));
  });
});

describe("winsor properties", () => {
  const data = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 200 });
  const cuts = fc.tuple(fc.integer({ min: 0, max: 49 }), fc.integer({ min: 51, max: 100 }));
  test("clipping at the same cut points again changes nothing (idempotent)", () => {
    fc.assert(fc.property(data, cuts, (a, [lo, hi]) => {
      const r = winsorize({ name: "x", values: Float64Array.from(a) }, { cuts: [lo, hi] });
      const again = r.values.map((v) => Math.min(Math.max(v, r.lo[0]), r.hi[0]));
      expect(Array.from(again)).toEqual(Array.from(r.values));
    }));
  });
  test("winsorising the winsorised data returns it unchanged when n·p/100 is not an integer", () => {
    fc.assert(fc.property(data, cuts, (a, [lo, hi]) => {
      fc.pre((a.length * lo) % 100 !== 0 && (a.length * hi) % 100 !== 0);
      const once = winsorize({ name: "x", values: Float64Array.from(a) }, { cuts: [lo, hi] });
      const twice = winsorize({ name: "x", values: once.values }, { cuts: [lo, hi] });
      expect(Array.from(twice.values)).toEqual(Array.from(once.values));
      expect(twice.nLow + twice.nHigh).toBe(0);
    }));
  });
  test("order-preserving: x_i ≤ x_k implies w_i ≤ w_k", () => {
    fc.assert(fc.property(data, cuts, fc.boolean(), (a, [lo, hi], useGroups) => {
      const by = useGroups ? factorize("g", a.map((_, i) => i % 3)) : undefined;
      const w = winsorize({ name: "x", values: Float64Array.from(a) }, { cuts: [lo, hi], by }).values;
      for (let i = 0; i < a.length; i++) for (let k = 0; k < a.length; k++) {
        if (by && by.codes[i] !== by.codes[k]) continue;
        if (a[i] <= a[k]) expect(w[i]).toBeLessThanOrEqual(w[k]);
      }
    }), { numRuns: 60 });
  });
});

describe("winsor bad input", () => {
  const x = { name: "inn", values: Float64Array.of(1, 2, 3) };
  const messages = (f: () => unknown): [string, string] => {
    try { f(); } catch (e) { return [(e as CityPanelError).message, (e as CityPanelError).messageZh]; }
    throw new Error("no error thrown");
  };
  test("lower cut not below the upper cut", () => {
    expect(messages(() => winsorize(x, { cuts: [99, 1] }))).toEqual([
      "the lower cut (99) must be below the upper cut (1)", "下侧截断百分位（99）必须小于上侧截断百分位（1）",
    ]);
  });
  test("cut outside 0–100", () => {
    expect(messages(() => winsorize(x, { cuts: [1, 101] }))[0]).toBe("percentile 101 is outside 0–100");
  });
  test("all-missing column", () => {
    expect(messages(() => winsorize({ name: "inn", values: Float64Array.of(NaN, NaN) }))).toEqual([
      'column "inn" has no non-missing values', "列“inn”没有任何非缺失值",
    ]);
  });
  test("group column of another length", () => {
    expect(messages(() => winsorize(x, { by: factorize("year", [1, 2]) }))[0]).toBe('group column "year" has 2 rows but the data have 3');
  });
});
