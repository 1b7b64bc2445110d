/** Stata `_pctile` (Hyndman–Fan type 2) percentiles, docs/methods.md §6.2. */
import fc from "fast-check";
import { percentileOfSorted, percentilesType2, percentileType2, sortedPresent } from "../../../src/engine/index/percentile";
import { CityPanelError } from "../../../src/engine/errors";

/** Type 2 written directly from the definition with rational arithmetic on P = n·p/100. */
function type2Reference(sorted: number[], pNum: number, pDen: number): number {
  const n = sorted.length;
  const top = n * pNum;
  const bottom = 100 * pDen;
  const j = Math.floor(top / bottom);
  const at = (k: number) => sorted[Math.min(Math.max(k, 1), n) - 1];
  return top % bottom === 0 ? (at(j) + at(j + 1)) / 2 : at(j + 1);
}

describe("percentileType2", () => {
  test("worked examples of docs/methods.md §6.2", () => {
    const x = Float64Array.from({ length: 2744 }, (_, i) => i + 1); // x_(k) = k
    expect(percentileType2(x, 1)).toBe(28); // P = 27.44 → x_(28)
    expect(percentileType2(x, 99)).toBe(2717); // P = 2716.56 → x_(2717)
    expect(percentileType2(x, 25)).toBe(686.5); // P = 686 integer → (x_(686) + x_(687))/2
    expect(percentileType2(x, 50)).toBe(1372.5);
  });

  test("integer P detected exactly where n·p/100 in floating point is not an integer", () => {
    // 0.07 * 100 / 100 style traps: n = 300, p = 7 → P = 21 exactly; p = 2.5, n = 40 → P = 1 exactly
    const x = Float64Array.from({ length: 300 }, (_, i) => i + 1);
    expect(percentileType2(x, 7)).toBe(21.5);
    const y = Float64Array.from({ length: 40 }, (_, i) => i + 1);
    expect(percentileType2(y, 2.5)).toBe(1.5);
    expect(percentileType2(y, 0.1)).toBe(1);
  });

  test("0 and 100 are the minimum and maximum; missing values are ignored", () => {
    const x = Float64Array.of(5, NaN, -2, 9, 3);
    expect(percentileType2(x, 0)).toBe(-2);
    expect(percentileType2(x, 100)).toBe(9);
    expect(Array.from(percentilesType2(Float64Array.of(1, 2, 3, 4), [25, 50, 75]))).toEqual([1.5, 2.5, 3.5]);
    expect(percentileType2(Float64Array.of(NaN), 50)).toBeNaN();
  });

  test("agrees with the definition for random data and integer percents", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 300 }), fc.integer({ min: 0, max: 100 }), (a, p) => {
        const sorted = sortedPresent(Float64Array.from(a));
        expect(percentileOfSorted(sorted, p)).toBe(type2Reference(Array.from(sorted), p, 1));
      }),
    );
  });

  test("a percent outside 0–100 is an error in both languages", () => {
    expect(() => percentileType2(Float64Array.of(1, 2), 101)).toThrow("percentile 101 is outside 0–100");
    try { percentileType2(Float64Array.of(1, 2), -1); } catch (e) {
      expect((e as CityPanelError).messageZh).toBe("百分位数 -1 不在 0–100 之间");
    }
  });
});
