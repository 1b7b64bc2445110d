/** PCA composite index (docs/methods.md §5) against panel_public.json / panel_public_derived.csv. */
import * as path from "path";
import fc from "fast-check";
import { readCsv } from "../../../src/cli/readCsvCells";
import { tableNumeric } from "../../../src/engine/data/table";
import { CityPanelError } from "../../../src/engine/errors";
import { bartlettSphericity, kmoMsa } from "../../../src/engine/index/factorability";
import { orientBySum, pcaIndex } from "../../../src/engine/index/pca";
import { expectRel, REFERENCE_DIR, referenceData, referenceResults } from "../../support/reference";

const TOL = 1e-10;
const col = (name: string, a: ArrayLike<number>) => ({ name, values: Float64Array.from(a) });
const messages = (f: () => unknown): [string, string] => {
  try { f(); } catch (e) { return [(e as CityPanelError).message, (e as CityPanelError).messageZh]; }
  throw new Error("no error thrown");
};

describe("PCA index on panel_public (25 indicators, 5 negative)", () => {
  const all = referenceResults("panel_public.json");
  const ref = all.pca;
  const names: string[] = all.entropy.indicators;
  const t = referenceData("panel_public.csv");
  const derived = readCsv(path.join(REFERENCE_DIR, "results", "panel_public_derived.csv"));
  const r = pcaIndex(names.map((n) => tableNumeric(t, n)), { negative: all.entropy.negative });
  const p = names.length;

  test("eigenvalues (descending) and explained ratios", () => {
    expect(r.nobs).toBe(2744);
    ref.eigenvalues.forEach((l: number, k: number) => expectRel(r.eigenvalues[k], l, TOL, `λ${k + 1}`));
    ref.explained_ratio.forEach((e: number, k: number) => expectRel(r.explained[k], e, TOL, `explained ${k + 1}`));
    expect(r.cumulative[p - 1]).toBeCloseTo(1, 14);
  });
  test("components retained (eigenvalue > 1)", () => {
    expect(r.retained).toBe(ref.n_components_eig_gt_1);
    expect(Array.from(r.componentWeights)).toEqual([1]);
  });
  test("first-component loadings with the sign rule", () => {
    names.forEach((n, j) => expectRel(r.vectors[j], ref.loadings_pc1[n], TOL, `loading ${n}`));
    for (let k = 0; k < p; k++) {
      const v = r.vectors.subarray(k * p, (k + 1) * p);
      expect(v.reduce((a, x) => a + x, 0)).toBeGreaterThan(0);
      expect(v.reduce((a, x) => a + x * x, 0)).toBeCloseTo(1, 13);
    }
  });
  test("composite and pc1 per row = derived pca_composite_eig_gt_1 / pca_pc1_score; pc1/√λ1 = pca_pc1_std", () => {
    const comp = tableNumeric(derived, "pca_composite_eig_gt_1").values;
    const pc1 = tableNumeric(derived, "pca_pc1_score").values;
    const std = tableNumeric(derived, "pca_pc1_std").values;
    const s1 = Math.sqrt(r.eigenvalues[0]);
    for (let i = 0; i < comp.length; i++) {
      expectRel(r.index[i], comp[i], TOL, `composite row ${i + 1}`);
      expectRel(r.pc1[i], pc1[i], TOL, `pc1 row ${i + 1}`);
      expectRel(r.pc1[i] / s1, std[i], TOL, `pc1_std row ${i + 1}`);
    }
    ref.pc1_score_first5.forEach((v: number, i: number) => expectRel(r.pc1[i], v, TOL, `first5[${i}]`));
  });
  test("KMO and Bartlett's sphericity test", () => {
    expectRel(r.kmo, ref.kmo, TOL, "kmo");
    expectRel(r.bartlett.chi2, ref.bartlett_chi2, TOL, "bartlett chi2");
    expect(r.bartlett.df).toBe(ref.bartlett_df);
    expect(r.bartlett.p).toBe(0);
    expect(r.msa.every((m) => m > 0 && m < 1)).toBe(true);
  });
});

describe("PCA details", () => {
  test("two indicators: eigenvalues 1 ± ρ, equal loadings", () => {
    const r = pcaIndex([col("a", [1, 2, 3, 4]), col("b", [2, 4, 5, 9])]);
    const rho = r.correlation[1];
    expect(r.eigenvalues[0]).toBeCloseTo(1 + rho, 14);
    expect(r.eigenvalues[1]).toBeCloseTo(1 - rho, 14);
    expect(r.vectors[0]).toBeCloseTo(Math.SQRT1_2, 14);
    expect(r.vectors[1]).toBeCloseTo(Math.SQRT1_2, 14);
    expect(r.retained).toBe(1);
  });
  test("Kaiser: several components weighted by λ_k / Σ retained λ", () => {
    // two independent blocks of two correlated indicators → two eigenvalues > 1
    const a = [1, 2, 3, 4, 5, 6, 7, 8];
    const b = [1.1, 2.3, 2.9, 4.2, 4.8, 6.1, 7.2, 7.9];
    const c = [5, 3, 8, 1, 7, 2, 6, 4];
    const d = [5.2, 2.7, 8.1, 1.3, 6.8, 2.2, 6.1, 3.7];
    const r = pcaIndex([col("a", a), col("b", b), col("c", c), col("d", d)]);
    expect(r.retained).toBe(2);
    const w = r.componentWeights;
    expect(w[0]).toBeCloseTo(r.eigenvalues[0] / (r.eigenvalues[0] + r.eigenvalues[1]), 15);
    const first = pcaIndex([col("a", a), col("b", b), col("c", c), col("d", d)], { components: "first" });
    expect(first.retained).toBe(1);
    expect(Array.from(first.index)).toEqual(Array.from(first.pc1));
    // composite = w1·F1 + w2·F2 with F2 rebuilt from z-scores
    const z = [a, b, c, d].map((x, j) => x.map((v) => (v - r.mean[j]) / r.sd[j]));
    const F2 = a.map((_, i) => z.reduce((s, zj, j) => s + r.vectors[4 + j] * zj[i], 0));
    a.forEach((_, i) => expect(r.index[i]).toBeCloseTo(w[0] * r.pc1[i] + w[1] * F2[i], 12));
  });
  test("negative indicators multiplied by −1: same result as negating the data", () => {
    const a = [1, 2, 3, 4, 5];
    const b = [5, 3, 4, 1, 0.5];
    const r1 = pcaIndex([col("a", a), col("b", b)], { negative: ["b"] });
    const r2 = pcaIndex([col("a", a), col("b", b.map((x) => -x))]);
    expect(Array.from(r1.pc1)).toEqual(Array.from(r2.pc1));
  });
  test("rows with a missing indicator get NaN scores", () => {
    const r = pcaIndex([col("a", [1, 2, NaN, 4, 5]), col("b", [2, 1, 3, 5, 4])]);
    expect(r.nobs).toBe(4);
    expect(r.index[2]).toBeNaN();
    expect(r.pc1[2]).toBeNaN();
  });
  test("sign rule: each eigenvector sums to > 0; a zero sum falls back to the largest entry", () => {
    expect(Array.from(orientBySum(Float64Array.of(-0.6, -0.8)))).toEqual([0.6, 0.8]);
    expect(Array.from(orientBySum(Float64Array.of(-Math.SQRT1_2, Math.SQRT1_2)))).toEqual([Math.SQRT1_2, -Math.SQRT1_2]);
    fc.assert(fc.property(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 2, maxLength: 8 }), (a) => {
      const v = orientBySum(Float64Array.from(a));
      const s = v.reduce((x, y) => x + y, 0);
      if (Math.abs(s) > 1e-12) expect(s).toBeGreaterThan(0);
    }));
  });
  test("KMO and Bartlett worked example (r = 0.5, n = 100)", () => {
    const R = Float64Array.of(1, 0.5, 0.5, 1);
    expect(kmoMsa(R, 2).overall).toBeCloseTo(0.5, 15);
    const b = bartlettSphericity(R, 2, 100);
    expect(b.chi2).toBeCloseTo(-(99 - 9 / 6) * Math.log(0.75), 12);
    expect(b.df).toBe(1);
  });
  test("perfectly collinear indicators: KMO and Bartlett are NaN with a warning", () => {
    const r = pcaIndex([col("a", [1, 2, 3, 4]), col("b", [2, 4, 6, 8]), col("c", [1, 3, 2, 5])]);
    expect(r.kmo).toBeNaN();
    expect(r.bartlett.chi2).toBeNaN();
    expect(r.warnings[0].zh).toBe("相关系数矩阵奇异（指标完全共线）：KMO 与 Bartlett 球形检验无定义");
  });
});

describe("PCA bad input", () => {
  test("a constant indicator", () => {
    expect(messages(() => pcaIndex([col("a", [1, 2, 3]), col("b", [4, 4, 4])]))).toEqual([
      'indicator "b" is constant over the rows used: its z-score is undefined; leave it out of the PCA',
      "指标“b”在所用观测中为常数，无法标准化；请将其从主成分分析中去掉",
    ]);
  });
  test("one indicator only", () => {
    expect(messages(() => pcaIndex([col("a", [1, 2, 3])]))[0]).toBe("a PCA index needs at least two indicator columns");
  });
  test("too few complete rows", () => {
    expect(messages(() => pcaIndex([col("a", [1, 2, NaN]), col("b", [1, 3, 2])]))).toEqual([
      "a PCA index needs at least 3 rows with every indicator present, but there are 2",
      "主成分综合指数至少需要 3 个全部指标非缺失的观测，但只有 2 个",
    ]);
  });
  test("mismatched lengths and all-missing columns", () => {
    expect(messages(() => pcaIndex([col("a", [1, 2, 3]), col("b", [1, 2])]))[0]).toMatch(/column "b" has 2 rows but column "a" has 3/);
    expect(messages(() => pcaIndex([col("a", [1, 2, 3]), col("b", [NaN, NaN, NaN])]))[0]).toBe('column "b" has no non-missing values');
  });
  test("an unknown negative indicator", () => {
    expect(messages(() => pcaIndex([col("a", [1, 2, 3]), col("b", [1, 3, 2])], { negative: ["x"] }))[1]).toBe("负向指标“x”不在指标列中");
  });
});
