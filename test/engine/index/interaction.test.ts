/** Interaction terms x·z, optionally mean-centred (docs/methods.md §7.4). */
import fc from "fast-check";
import { CityPanelError } from "../../../src/engine/errors";
import { interactionTerm } from "../../../src/engine/index/interaction";

const col = (name: string, a: ArrayLike<number>) => ({ name, values: Float64Array.from(a) });

describe("interaction", () => {
  test("worked examples", () => {
    expect(Array.from(interactionTerm(col("x", [1, 2, 3]), col("z", [2, 2, 5])).values)).toEqual([2, 4, 15]);
    const c = interactionTerm(col("x", [1, 2, 3]), col("z", [2, 2, 5]), { center: true });
    expect([c.meanX, c.meanZ]).toEqual([2, 3]);
    expect(Array.from(c.values)).toEqual([1, 0, 2]);
  });
  test("means over rows where both are present; missing stays missing", () => {
    const c = interactionTerm(col("x", [1, 2, 3, 100]), col("z", [2, 2, 5, NaN]), { center: true });
    expect(c.meanX).toBe(2);
    expect(c.nobs).toBe(3);
    expect(c.values[3]).toBeNaN();
  });
  test("centred product = x·z − x̄z − z̄x + x̄z̄", () => {
    const v = fc.double({ min: -100, max: 100, noNaN: true });
    fc.assert(fc.property(fc.array(fc.tuple(v, v), { minLength: 1, maxLength: 20 }), (pairs) => {
      const x = col("x", pairs.map((p) => p[0]));
      const z = col("z", pairs.map((p) => p[1]));
      const c = interactionTerm(x, z, { center: true });
      pairs.forEach(([a, b], i) => expect(c.values[i]).toBeCloseTo(a * b - c.meanX * b - c.meanZ * a + c.meanX * c.meanZ, 8));
    }));
  });
  test("bad input: mismatched lengths, no complete row", () => {
    expect(() => interactionTerm(col("x", [1]), col("z", [1, 2]))).toThrow(/column "z" has 2 rows but column "x" has 1/);
    try { interactionTerm(col("x", [NaN]), col("z", [1])); } catch (e) {
      expect((e as CityPanelError).messageZh).toBe("没有任何一行同时具有“x”和“z”的值");
      return;
    }
    throw new Error("no error");
  });
});
