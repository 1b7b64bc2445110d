/** Industrial-structure index ris = Σ m·s_m (docs/methods.md §7.3). */
import fc from "fast-check";
import { tableNumeric } from "../../../src/engine/data/table";
import { CityPanelError } from "../../../src/engine/errors";
import { industrialStructureIndex } from "../../../src/engine/index/ris";
import { referenceData } from "../../support/reference";

const col = (name: string, a: ArrayLike<number>) => ({ name, values: Float64Array.from(a) });
const messages = (f: () => unknown): [string, string] => {
  try { f(); } catch (e) { return [(e as CityPanelError).message, (e as CityPanelError).messageZh]; }
  throw new Error("no error thrown");
};

describe("ris", () => {
  test("worked example, fractions and percent", () => {
    const r = industrialStructureIndex([col("s1", [0.1, 0.05]), col("s2", [0.4, 0.45]), col("s3", [0.5, 0.5])]);
    expect(r.scale).toBe("fraction");
    expect(r.ris[0]).toBeCloseTo(2.4, 15);
    expect(r.ris[1]).toBeCloseTo(2.45, 15);
    const p = industrialStructureIndex([col("s1", [10, 5]), col("s2", [40, 45]), col("s3", [50, 50])]);
    expect(p.scale).toBe("percent");
    expect(Array.from(p.ris)).toEqual(Array.from(r.ris));
  });
  test("panel_public shares: equals s1 + 2·s2 + 3·s3 and lies in [1, 3]", () => {
    const t = referenceData("panel_public.csv");
    const s = ["share1", "share2", "share3"].map((n) => tableNumeric(t, n));
    const r = industrialStructureIndex(s);
    expect(r.nobs).toBe(2744);
    const raw = industrialStructureIndex(s, { rescale: false });
    for (let i = 0; i < r.ris.length; i++) {
      const direct = s[0].values[i] + 2 * s[1].values[i] + 3 * s[2].values[i];
      expect(Math.abs(raw.ris[i] - direct)).toBeLessThan(1e-15);
      expect(Math.abs(r.ris[i] - direct)).toBeLessThan(1e-12);
      expect(r.ris[i]).toBeGreaterThanOrEqual(1);
      expect(r.ris[i]).toBeLessThanOrEqual(3);
    }
  });
  test("ris ∈ [1, 3] for any shares summing to 1 (also after rounding to 4 dp), in either scale", () => {
    const share = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(fc.property(share, share, share, fc.boolean(), (a, b, c, percent) => {
      const s = a + b + c;
      fc.pre(s > 1e-6);
      const f = [a / s, b / s, c / s].map((x) => Math.round(x * 1e4) / 1e4);
      const k = percent ? 100 : 1;
      const r = industrialStructureIndex(f.map((x, m) => col(`s${m + 1}`, [k * x])), { scale: percent ? "percent" : "fraction" });
      expect(r.ris[0]).toBeGreaterThanOrEqual(1);
      expect(r.ris[0]).toBeLessThanOrEqual(3);
    }));
  });
  test("missing shares give a missing ris", () => {
    const r = industrialStructureIndex([col("s1", [0.2, NaN]), col("s2", [0.3, 0.5]), col("s3", [0.5, 0.5])]);
    expect(r.ris[1]).toBeNaN();
    expect(r.nobs).toBe(1);
  });
});

describe("ris bad input", () => {
  test("shares that do not sum to 1 name the row", () => {
    expect(messages(() => industrialStructureIndex([col("s1", [0.2, 0.3]), col("s2", [0.3, 0.3]), col("s3", [0.5, 0.5])]))).toEqual([
      'row 2: the shares "s1", "s2", "s3" sum to 1.1, not 1 (if they are percents, set the scale to percent: --percent in the command line, "percent" in INDSTRUCT)',
      "第 2 行：产业占比“s1”“s2”“s3”之和为 1.1，而不是 1（若为百分数，请将单位设为百分数：命令行用 --percent，INDSTRUCT 用 \"percent\"）",
    ]);
  });
  test("declared percent that are fractions", () => {
    expect(messages(() => industrialStructureIndex([col("s1", [0.2]), col("s2", [0.3]), col("s3", [0.5])], { scale: "percent" }))[0])
      .toBe('row 1: the shares "s1", "s2", "s3" sum to 1, not 100 (percent)');
  });
  test("a negative share", () => {
    expect(messages(() => industrialStructureIndex([col("s1", [-0.1]), col("s2", [0.6]), col("s3", [0.5])]))).toEqual([
      'the industrial-structure index needs values ≥ 0, but column "s1" has -0.1 in row 1',
      "产业结构高级化指数要求取值非负，但列“s1”第 1 行为 -0.1",
    ]);
  });
  test("not three columns", () => {
    expect(messages(() => industrialStructureIndex([col("s1", [0.5]), col("s2", [0.5])]))[0])
      .toBe("the industrial-structure index needs exactly 3 share columns (primary, secondary, tertiary), got 2");
  });
  test("mismatched lengths and all-missing shares", () => {
    expect(messages(() => industrialStructureIndex([col("s1", [0.5]), col("s2", [0.5, 0.2]), col("s3", [0])]))[0]).toMatch(/column "s2" has 2 rows/);
    expect(messages(() => industrialStructureIndex([col("s1", [NaN]), col("s2", [0.5]), col("s3", [0.5])]))[0]).toBe('column "s1" has no non-missing values');
  });
});
