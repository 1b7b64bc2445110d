/** Location quotient (docs/methods.md §7.1) against panel_public_derived.csv lq_F_K (totals by year). */
import * as path from "path";
import fc from "fast-check";
import { readCsv } from "../../../src/cli/readCsvCells";
import { factorize } from "../../../src/engine/data/columns";
import { tableIds, tableNumeric } from "../../../src/engine/data/table";
import { CityPanelError } from "../../../src/engine/errors";
import { locationQuotient } from "../../../src/engine/index/locquot";
import { expectRel, REFERENCE_DIR, referenceData, referenceResults } from "../../support/reference";

const TOL = 1e-10;
const col = (name: string, a: ArrayLike<number>) => ({ name, values: Float64Array.from(a) });
const messages = (f: () => unknown): [string, string] => {
  try { f(); } catch (e) { return [(e as CityPanelError).message, (e as CityPanelError).messageZh]; }
  throw new Error("no error thrown");
};

describe("location quotient on panel_public, totals by year", () => {
  const t = referenceData("panel_public.csv");
  const ref = referenceResults("panel_public.json").location_quotient;
  const r = locationQuotient(tableNumeric(t, "F"), tableNumeric(t, "K"), tableIds(t, "year"));
  test("every row = derived lq_F_K", () => {
    const derived = readCsv(path.join(REFERENCE_DIR, "results", "panel_public_derived.csv"));
    const want = tableNumeric(derived, "lq_F_K").values;
    for (let i = 0; i < want.length; i++) expectRel(r.lq[i], want[i], TOL, `row ${i + 1}`);
    ref.first10.forEach((v: number, i: number) => expectRel(r.lq[i], v, TOL, `first10[${i}]`));
    expectRel(r.lq.reduce((a, v) => a + v, 0) / r.lq.length, ref.mean, TOL, "mean");
  });
  test("yearly totals and ratios", () => {
    expect(r.nobs).toBe(2744);
    for (const g of r.groups) {
      const y = ref.by_year[g.level as string];
      expectRel(g.sumNum, y.sumF, TOL, `${g.level} ΣF`);
      expectRel(g.sumDen, y.sumK, TOL, `${g.level} ΣK`);
      expectRel(g.ratio, y.ratio, TOL, `${g.level} ratio`);
      expect(g.nobs).toBe(196);
    }
  });
});

describe("location quotient details", () => {
  test("worked examples: one total, by group", () => {
    const F = col("F", [1, 3, 2, 2]);
    const K = col("K", [10, 10, 10, 30]);
    expect(Array.from(locationQuotient(F, K).lq)).toEqual([0.75, 2.25, 1.5, 0.5]);
    const byYear = locationQuotient(F, K, factorize("year", [2008, 2008, 2009, 2009])).lq;
    [0.5, 1.5, 2, 2 / 3].forEach((v, i) => expect(byYear[i]).toBeCloseTo(v, 15));
  });
  test("totals use only rows with both values present", () => {
    const r = locationQuotient(col("F", [1, 3, NaN, 2]), col("K", [10, 10, 10, NaN]));
    expect(r.nobs).toBe(2);
    expect(r.groups[0].sumDen).toBe(20);
    expect(Array.from(r.lq)).toEqual([0.5, 1.5, NaN, NaN]);
  });
  test("a city whose ratio equals its group's ratio has LQ 1", () => {
    const pos = fc.double({ min: 0.01, max: 1e4, noNaN: true });
    fc.assert(fc.property(fc.array(fc.tuple(pos, pos), { minLength: 1, maxLength: 30 }), pos, (others, kNew) => {
      const sf = others.reduce((a, [f]) => a + f, 0);
      const sk = others.reduce((a, [, k]) => a + k, 0);
      const F = [...others.map(([f]) => f), (kNew * sf) / sk];
      const K = [...others.map(([, k]) => k), kNew];
      const r = locationQuotient(col("F", F), col("K", K));
      expect(Math.abs(r.lq[F.length - 1] - 1)).toBeLessThan(1e-12);
    }));
  });
  test("Σ_i K_it·LQ_it / K_t = 1 in every group (the LQ averages to 1 with K weights)", () => {
    const t = referenceData("panel_public.csv");
    const K = tableNumeric(t, "K").values;
    const year = tableIds(t, "year");
    const r = locationQuotient(tableNumeric(t, "F"), tableNumeric(t, "K"), year);
    r.groups.forEach((g, gi) => {
      let s = 0;
      for (let i = 0; i < K.length; i++) if (year.codes[i] === gi) s += K[i] * r.lq[i];
      expect(s / g.sumDen).toBeCloseTo(1, 12);
    });
  });
});

describe("location quotient bad input", () => {
  test("a zero denominator", () => {
    expect(messages(() => locationQuotient(col("F", [1, 2]), col("K", [3, 0])))).toEqual([
      'the location quotient needs values > 0, but column "K" has 0 in row 2',
      "区位熵要求取值大于 0，但列“K”第 2 行为 0",
    ]);
  });
  test("a negative numerator", () => {
    expect(messages(() => locationQuotient(col("F", [1, -2]), col("K", [3, 1])))[0]).toBe('the location quotient needs values ≥ 0, but column "F" has -2 in row 2');
  });
  test("a group whose numerator total is 0", () => {
    expect(messages(() => locationQuotient(col("F", [1, 2, 0, 0]), col("K", [3, 1, 2, 2]), factorize("year", [1, 1, 2, 2])))).toEqual([
      'the total of "F" is 0 in group year = 2: the location quotient divides by it and is undefined',
      "“F”的合计为 0（分组 year = 2）：区位熵的分母为 0，无定义",
    ]);
  });
  test("mismatched lengths, all-missing, no complete row", () => {
    expect(messages(() => locationQuotient(col("F", [1, 2]), col("K", [1])))[0]).toMatch(/column "K" has 1 rows but column "F" has 2/);
    expect(messages(() => locationQuotient(col("F", [NaN]), col("K", [1])))[0]).toBe('column "F" has no non-missing values');
    expect(messages(() => locationQuotient(col("F", [1, NaN]), col("K", [NaN, 1])))[1]).toBe("没有任何一行同时具有“F”和“K”的值，无法计算区位熵");
  });
});
