/** Entropy weights (docs/methods.md §4) against panel_public.json / panel_public_derived.csv, properties, bad input. */
import * as path from "path";
import fc from "fast-check";
import { readCsv } from "../../../src/cli/readCsvCells";
import { factorize } from "../../../src/engine/data/columns";
import { tableIds, tableNumeric } from "../../../src/engine/data/table";
import { CityPanelError } from "../../../src/engine/errors";
import { entropyWeights, normalizedEntropy } from "../../../src/engine/index/entropy";
import { expectRel, REFERENCE_DIR, referenceData, referenceResults } from "../../support/reference";

const TOL = 1e-10;

interface EntropyRef {
  indicators: string[]; negative: string[]; n_rows: number; k: number; shift: number;
  weights: Record<string, number>; entropy: Record<string, number>; min: Record<string, number>; max: Record<string, number>;
  index_shifted_first5: number[]; index_unshifted_first5: number[]; index_shifted_mean: number;
}

const messages = (f: () => unknown): [string, string] => {
  try { f(); } catch (e) { return [(e as CityPanelError).message, (e as CityPanelError).messageZh]; }
  throw new Error("no error thrown");
};
const col = (name: string, a: ArrayLike<number>) => ({ name, values: Float64Array.from(a) });

describe("entropy weights on panel_public (pooled, δ = 0.0001)", () => {
  const ref: EntropyRef = referenceResults("panel_public.json").entropy;
  const t = referenceData("panel_public.csv");
  const derived = readCsv(path.join(REFERENCE_DIR, "results", "panel_public_derived.csv"));
  const cols = ref.indicators.map((n) => tableNumeric(t, n));
  const r = entropyWeights(cols, { negative: ref.negative, shift: ref.shift });
  const s = r.scopes[0];

  test("nobs, k, min, max", () => {
    expect(r.nobs).toBe(ref.n_rows);
    expect(r.scopes.length).toBe(1);
    expectRel(s.k, ref.k, TOL, "k");
    ref.indicators.forEach((n, j) => {
      expect(s.min[j]).toBe(ref.min[n]);
      expect(s.max[j]).toBe(ref.max[n]);
    });
  });
  test("weights and entropies of all 25 indicators at 1e-10", () => {
    ref.indicators.forEach((n, j) => {
      expectRel(s.weights[j], ref.weights[n], TOL, `weight ${n}`);
      expectRel(s.entropy[j], ref.entropy[n], TOL, `entropy ${n}`);
      expectRel(s.divergence[j], 1 - ref.entropy[n], 1e-9, `divergence ${n}`);
    });
    expect(r.constant).toEqual([]);
    expect(r.warnings).toEqual([]);
  });
  test("index per row = derived entropy_index_unshifted", () => {
    const want = tableNumeric(derived, "entropy_index_unshifted").values;
    for (let i = 0; i < want.length; i++) expectRel(r.index[i], want[i], TOL, `row ${i + 1}`);
    ref.index_unshifted_first5.forEach((v, i) => expectRel(r.index[i], v, TOL, `first5[${i}]`));
  });
  test("index from the shifted values = derived entropy_index_shifted", () => {
    const sh = entropyWeights(cols, { negative: ref.negative, indexOnTransformed: true });
    const want = tableNumeric(derived, "entropy_index_shifted").values;
    for (let i = 0; i < want.length; i++) expectRel(sh.index[i], want[i], TOL, `row ${i + 1}`);
    expectRel(sh.index.reduce((a, v) => a + v, 0) / sh.index.length, ref.index_shifted_mean, TOL, "mean");
  });
  test("dimensions: each dimension's weight is the sum of its indicators' weights", () => {
    const names = ref.indicators;
    const dims = [0, 1, 2, 3, 4].map((k) => ({ name: `D${k + 1}`, indicators: names.slice(5 * k, 5 * k + 5) }));
    const d = entropyWeights(cols, { negative: ref.negative, dimensions: dims }).scopes[0];
    dims.forEach((dim, k) => {
      const want = dim.indicators.reduce((a, n) => a + ref.weights[n], 0);
      expectRel(d.dimensionWeights[k], want, TOL, dim.name);
    });
    expect(d.dimensionWeights.reduce((a, w) => a + w, 0)).toBeCloseTo(1, 14);
  });
  test("by year: each year's weights equal a pooled run on that year's rows", () => {
    const year = tableIds(t, "year");
    const byYear = entropyWeights(cols, { negative: ref.negative, by: year });
    expect(byYear.scopes.map((x) => x.level)).toEqual(year.levels);
    expect(byYear.nobs).toBe(2744);
    const g = 3;
    const rows = Array.from(year.codes.keys()).filter((i) => year.codes[i] === g);
    const sub = entropyWeights(cols.map((c) => col(c.name, rows.map((i) => c.values[i]))), { negative: ref.negative });
    expect(byYear.scopes[g].nobs).toBe(196);
    expectRel(byYear.scopes[g].k, 1 / Math.log(196), 1e-15, "k");
    sub.scopes[0].weights.forEach((w, j) => expect(byYear.scopes[g].weights[j]).toBe(w));
    rows.forEach((i, r) => expect(byYear.index[i]).toBe(sub.index[r]));
  });
});

describe("entropy methods and edge cases", () => {
  test("worked example (0·ln0 = 0)", () => {
    const r = entropyWeights([col("a", [1, 2, 3, 4]), col("b", [1, 1, 1, 8])], { method: "none" });
    // a: x′ = 0, 1/3, 2/3, 1 → p = 0, 1/6, 1/3, 1/2; b: x′ = 0, 0, 0, 1 → e = 0
    const ea = -(1 / 6 * Math.log(1 / 6) + 1 / 3 * Math.log(1 / 3) + 1 / 2 * Math.log(1 / 2)) / Math.log(4);
    expect(r.scopes[0].entropy[0]).toBeCloseTo(ea, 15);
    expect(r.scopes[0].entropy[1]).toBe(0);
    const wa = (1 - ea) / (1 - ea + 1);
    expect(r.scopes[0].weights[0]).toBeCloseTo(wa, 15);
    expect(r.index[0]).toBe(0);
    expect(r.index[1]).toBeCloseTo(wa / 3, 15);
    expect(r.index[2]).toBeCloseTo((2 * wa) / 3, 15);
    expect(r.index[3]).toBeCloseTo(1, 15);
  });
  test("compress maps x′ into [ε, 1 − ε]", () => {
    const a = col("a", [1, 2, 3, 4]);
    const r = entropyWeights([a, col("b", [2, 1, 1, 8])], { method: "compress", epsilon: 0.002 });
    const xt = Float64Array.from([0, 1 / 3, 2 / 3, 1], (v) => 0.996 * v + 0.002);
    expect(r.scopes[0].entropy[0]).toBeCloseTo(normalizedEntropy(xt), 15);
    expect(r.parameter).toBe(0.002);
  });
  test("a constant indicator gets weight 0, is listed and warned about, never NaN", () => {
    const r = entropyWeights([col("a", [1, 2, 3, 4]), col("c", [5, 5, 5, 5]), col("b", [1, 1, 2, 8])]);
    expect(r.scopes[0].weights[1]).toBe(0);
    expect(r.scopes[0].entropy[1]).toBe(1);
    expect(r.constant).toEqual(["c"]);
    expect(r.warnings).toEqual([{ en: 'indicator "c" is constant: its weight is 0', zh: "指标“c”为常数：其权重为 0" }]);
    expect(r.index.every((v) => Number.isFinite(v))).toBe(true);
    expect(r.scopes[0].weights[0] + r.scopes[0].weights[2]).toBeCloseTo(1, 15);
  });
  test("listwise deletion: rows with a missing indicator get NaN and are not counted", () => {
    const r = entropyWeights([col("a", [1, NaN, 3, 4, 2]), col("b", [1, 1, NaN, 8, 3])]);
    expect(r.nobs).toBe(3);
    expect(Number.isNaN(r.index[1]) && Number.isNaN(r.index[2])).toBe(true);
    const full = entropyWeights([col("a", [1, 4, 2]), col("b", [1, 8, 3])]);
    expect(Array.from(r.scopes[0].weights)).toEqual(Array.from(full.scopes[0].weights));
    expect([r.index[0], r.index[3], r.index[4]]).toEqual(Array.from(full.index));
  });
  test("negative raw values are fine (min–max first)", () => {
    const r = entropyWeights([col("a", [-3, -1, 0, 2]), col("b", [1, 2, 2, 9])]);
    expect(r.scopes[0].weights.every((w) => w > 0)).toBe(true);
  });
});

describe("entropy properties", () => {
  const indicator = fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 6, maxLength: 6 });
  const table = fc.array(indicator, { minLength: 2, maxLength: 5 });
  const nonConstant = (t: number[][]) => t.every((c) => Math.max(...c) - Math.min(...c) > 1e-6 * Math.max(1, ...c.map(Math.abs)));
  const method = fc.constantFrom("shift" as const, "compress" as const, "none" as const);

  test("weights are ≥ 0 and sum to 1", () => {
    fc.assert(fc.property(table, method, (t, m) => {
      fc.pre(t.some((c) => Math.max(...c) > Math.min(...c)));
      const w = entropyWeights(t.map((c, j) => col(`x${j}`, c)), { method: m }).scopes[0].weights;
      w.forEach((x) => expect(x).toBeGreaterThanOrEqual(0));
      expect(Math.abs(w.reduce((a, x) => a + x, 0) - 1)).toBeLessThan(1e-12);
    }));
  });
  test("scaling an indicator by a positive constant leaves every weight unchanged", () => {
    fc.assert(fc.property(table, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), method, (t, c, m) => {
      fc.pre(nonConstant(t));
      const base = entropyWeights(t.map((v, j) => col(`x${j}`, v)), { method: m }).scopes[0].weights;
      const scaled = entropyWeights(t.map((v, j) => col(`x${j}`, j === 0 ? v.map((x) => c * x) : v)), { method: m }).scopes[0].weights;
      base.forEach((w, j) => expect(Math.abs(scaled[j] - w)).toBeLessThan(1e-9));
    }));
  });
  test("negating an indicator and flipping its direction leaves every weight and the index unchanged", () => {
    fc.assert(fc.property(table, method, (t, m) => {
      fc.pre(nonConstant(t));
      const base = entropyWeights(t.map((v, j) => col(`x${j}`, v)), { method: m });
      const flipped = entropyWeights(t.map((v, j) => col(`x${j}`, j === 0 ? v.map((x) => -x) : v)), { method: m, negative: ["x0"] });
      base.scopes[0].weights.forEach((w, j) => expect(Math.abs(flipped.scopes[0].weights[j] - w)).toBeLessThan(1e-12));
      base.index.forEach((v, i) => expect(Math.abs(flipped.index[i] - v)).toBeLessThan(1e-12));
    }));
  });
});

describe("entropy bad input", () => {
  const a = col("a", [1, 2, 3]);
  const b = col("b", [3, 1, 2]);
  test("mismatched lengths", () => {
    expect(messages(() => entropyWeights([a, col("b", [1, 2])]))).toEqual([
      'column "b" has 2 rows but column "a" has 3: every column must have the same number of rows',
      "列“b”有 2 行，而列“a”有 3 行：各列行数必须相同",
    ]);
  });
  test("an all-missing indicator", () => {
    expect(messages(() => entropyWeights([a, col("b", [NaN, NaN, NaN])]))[0]).toBe('column "b" has no non-missing values');
  });
  test("no complete row", () => {
    expect(messages(() => entropyWeights([col("a", [1, NaN]), col("b", [NaN, 2])]))).toEqual([
      "no row has every indicator present: the entropy weights cannot be computed",
      "没有任何一行的全部指标都非缺失，无法计算熵权",
    ]);
  });
  test("a group with one row", () => {
    expect(messages(() => entropyWeights([a, b], { by: factorize("year", [2008, 2008, 2009]) }))).toEqual([
      "the entropy weights need at least 2 complete rows in group year = 2009, but there is only 1 (k = 1/ln n is undefined)",
      "熵权法至少需要 2 个完整观测（分组 year = 2009），但只有 1 个（k = 1/ln n 无定义）",
    ]);
  });
  test("every indicator constant", () => {
    expect(messages(() => entropyWeights([col("a", [1, 1, 1]), col("b", [2, 2, 2])]))).toEqual([
      "every indicator is constant: the entropy weights are undefined", "所有指标均为常数：熵权无定义",
    ]);
  });
  test("a negative-direction name that is not an indicator", () => {
    expect(messages(() => entropyWeights([a, b], { negative: ["c"] }))).toEqual([
      'negative-direction indicator "c" is not among the indicator columns', "负向指标“c”不在指标列中",
    ]);
  });
  test("dimensions naming unknown or doubly assigned indicators", () => {
    expect(messages(() => entropyWeights([a, b], { dimensions: [{ name: "R", indicators: ["a", "z"] }] }))[0])
      .toBe('dimension "R" names "z", which is not among the indicator columns');
    expect(messages(() => entropyWeights([a, b], { dimensions: [{ name: "R", indicators: ["a"] }, { name: "S", indicators: ["a", "b"] }] }))[1])
      .toBe("指标“a”同时属于两个维度（“R”和“S”）");
  });
  test("a negative shift and an ε out of range", () => {
    expect(messages(() => entropyWeights([a, b], { shift: -1 }))[0]).toBe("the shift δ must be a number ≥ 0, got -1");
    expect(messages(() => entropyWeights([a, b], { method: "compress", epsilon: 0.5 }))[0]).toBe("ε for compression must be in [0, 0.5), got 0.5");
  });
  test("a duplicated indicator", () => {
    expect(messages(() => entropyWeights([a, a]))[0]).toBe('indicator "a" is listed twice');
  });
});
