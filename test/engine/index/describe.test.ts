/** Descriptive statistics (Stata `summarize`) against the reference `describe` of every numeric column. */
import { tableNumeric } from "../../../src/engine/data/table";
import { describeColumn, DETAIL_PERCENTILES } from "../../../src/engine/index/describe";
import { expectRel, referenceData, referenceResults } from "../../support/reference";

const TOL = 1e-10;

describe.each([["panel_public.csv", "panel_public.json"], ["grunfeld.csv", "grunfeld.json"]])("describe %s", (dataFile, resultFile) => {
  const ref: Record<string, { n: number; mean: number; sd: number; min: number; max: number }> = referenceResults(resultFile).describe;
  const t = referenceData(dataFile);
  test.each(Object.keys(ref))("%s: n, mean, sd (n−1), min, max", (col) => {
    const d = describeColumn(tableNumeric(t, col));
    const r = ref[col];
    expect(d.n).toBe(r.n);
    expectRel(d.mean, r.mean, TOL, `${col}.mean`);
    expectRel(d.sd, r.sd, TOL, `${col}.sd`);
    expect(d.min).toBe(r.min);
    expect(d.max).toBe(r.max);
  });
  test("every numeric column of the file has a reference entry", () => {
    expect(Object.keys(ref).sort()).toEqual([...t.names].sort());
  });
});

describe("describe details", () => {
  const x = { name: "x", values: Float64Array.of(1, 2, 3, 4, NaN) };
  test("worked example", () => {
    const d = describeColumn(x, { percentiles: [50], moments: true });
    expect(d.n).toBe(4);
    expect(d.mean).toBe(2.5);
    expect(d.sd).toBeCloseTo(Math.sqrt(5 / 3), 15);
    expect(d.percentiles!.get(50)).toBe(2.5);
    expect(d.skewness).toBe(0);
    expect(d.kurtosis).toBeCloseTo(1.64, 14);
  });
  test("skewness m3/m2^1.5 and kurtosis m4/m2² (not excess)", () => {
    const v = Float64Array.of(1, 1, 2, 5, 11);
    const d = describeColumn({ name: "v", values: v }, { moments: true, percentiles: DETAIL_PERCENTILES });
    const m = 4;
    const dev = Array.from(v, (a) => a - m);
    const mr = (r: number) => dev.reduce((s, e) => s + e ** r, 0) / 5;
    expect(d.skewness).toBeCloseTo(mr(3) / mr(2) ** 1.5, 14);
    expect(d.kurtosis).toBeCloseTo(mr(4) / mr(2) ** 2, 14);
    expect(d.percentiles!.get(50)).toBe(2);
    expect(d.percentiles!.get(99)).toBe(11);
  });
  test("one value: SD is missing, not 0", () => {
    expect(describeColumn({ name: "x", values: Float64Array.of(NaN, 3) }).sd).toBeNaN();
  });
  test("an all-missing column is an error naming it", () => {
    expect(() => describeColumn({ name: "gov", values: Float64Array.of(NaN, NaN) })).toThrow('column "gov" has no non-missing values');
  });
});
