/** Coupling degree C, development T, coordination degree D (docs/methods.md §7.2). */
import fc from "fast-check";
import { CityPanelError } from "../../../src/engine/errors";
import { couplingCoordination } from "../../../src/engine/index/coupling";

const col = (name: string, a: ArrayLike<number>) => ({ name, values: Float64Array.from(a) });
const messages = (f: () => unknown): [string, string] => {
  try { f(); } catch (e) { return [(e as CityPanelError).message, (e as CityPanelError).messageZh]; }
  throw new Error("no error thrown");
};

describe("coupling coordination", () => {
  test("worked example, two systems", () => {
    const r = couplingCoordination([col("U1", [0.4, 0.5, 0, NaN]), col("U2", [0.1, 0.5, 0.3, 0.2])]);
    expect(r.C[0]).toBeCloseTo(0.8, 15);
    expect(r.T[0]).toBeCloseTo(0.25, 15);
    expect(r.D[0]).toBeCloseTo(Math.sqrt(0.2), 15);
    expect([r.C[1], r.T[1]]).toEqual([1, 0.5]);
    expect(r.C[2]).toBe(0); // one system at 0: no coupling
    expect(r.C[3]).toBeNaN();
    expect(r.nobs).toBe(3);
  });
  test("weights α, β in T", () => {
    const r = couplingCoordination([col("U1", [0.4]), col("U2", [0.1])], [0.3, 0.7]);
    expect(r.T[0]).toBeCloseTo(0.3 * 0.4 + 0.7 * 0.1, 15);
    expect(r.D[0]).toBeCloseTo(Math.sqrt(0.8 * 0.19), 15);
  });
  test("n systems: C = n·(ΠU)^{1/n} / ΣU; with n = 2 it is the two-system formula", () => {
    const u = fc.double({ min: 1e-6, max: 1, noNaN: true });
    fc.assert(fc.property(u, u, u, (a, b, c) => {
      const three = couplingCoordination([col("a", [a]), col("b", [b]), col("c", [c])]);
      expect(three.C[0]).toBeCloseTo((3 * Math.cbrt(a * b * c)) / (a + b + c), 12);
      expect(three.C[0]).toBeLessThanOrEqual(1 + 1e-12); // AM–GM
      const two = couplingCoordination([col("a", [a]), col("b", [b])]);
      expect(two.C[0]).toBeCloseTo((2 * Math.sqrt(a * b)) / (a + b), 14);
      expect(two.D[0]).toBeCloseTo(Math.sqrt(two.C[0] * (a + b) / 2), 14);
    }));
  });
});

describe("coupling bad input", () => {
  test("negative values", () => {
    expect(messages(() => couplingCoordination([col("U1", [0.2, -0.1]), col("U2", [0.1, 0.1])]))).toEqual([
      'the coupling degree needs values ≥ 0, but column "U1" has -0.1 in row 2',
      "耦合度要求取值非负，但列“U1”第 2 行为 -0.1",
    ]);
  });
  test("every system 0 in a row (0/0)", () => {
    expect(messages(() => couplingCoordination([col("U1", [0.2, 0]), col("U2", [0.1, 0])]))).toEqual([
      "row 2: every system is 0, so the coupling degree is 0/0",
      "第 2 行：各子系统取值均为 0，耦合度为 0/0，无定义",
    ]);
  });
  test("weights that do not sum to 1, or of the wrong count", () => {
    expect(messages(() => couplingCoordination([col("U1", [0.2]), col("U2", [0.1])], [0.5, 0.6]))[0]).toBe("system weights must sum to 1, they sum to 1.1");
    expect(messages(() => couplingCoordination([col("U1", [0.2]), col("U2", [0.1])], [1]))[1]).toBe("2 个子系统需要 2 个权重，实际为 1 个");
  });
  test("one system, mismatched lengths, all missing", () => {
    expect(messages(() => couplingCoordination([col("U1", [0.2])]))[0]).toBe("the coupling degree needs at least 2 systems, got 1");
    expect(messages(() => couplingCoordination([col("U1", [0.2]), col("U2", [0.1, 0.2])]))[0]).toMatch(/column "U2" has 2 rows/);
    expect(messages(() => couplingCoordination([col("U1", [NaN]), col("U2", [0.1])]))[0]).toBe('column "U1" has no non-missing values');
  });
});
