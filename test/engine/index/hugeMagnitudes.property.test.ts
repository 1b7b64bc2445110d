import fc from "fast-check";
import { describeColumn } from "../../../src/engine/index/describe";
import { entropyWeights } from "../../../src/engine/index/entropy";
import { locationQuotient } from "../../../src/engine/index/locquot";
import { pcaIndex } from "../../../src/engine/index/pca";
import { rescaleFactor } from "../../../src/engine/linalg/powerOfTwoScale";

/**
 * Issue 11 item 4: data of extreme magnitude (1e200 … 1e308) never give a silently wrong
 * number. Scaling a column by 1e200 (or up to near the double maximum) leaves the entropy
 * weights, the PCA eigenvalues, loadings and standardised index unchanged, and describe's
 * mean, SD, min, max and percentiles scale with it. Tolerances are relative, 1e-12: the only
 * difference is the rounding of c·x itself.
 */
const close = (a: number, b: number, tol = 1e-12) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));
const closeRel = (a: number, b: number, tol = 1e-12) => Math.abs(a - b) <= tol * Math.abs(b) || a === b;

/** A column of n values of ordinary size, not all equal. */
const columnArb = (n: number) =>
  fc.array(fc.double({ min: -1000, max: 1000, noNaN: true }), { minLength: n, maxLength: n })
    .filter((v) => Math.max(...v) - Math.min(...v) > 1e-3 * Math.max(1, ...v.map(Math.abs)));
const factorArb = fc.constantFrom(1e200, 1e250, 1e300, 1e305, -1e200, 1e-200, 1e-300);
const times = (v: readonly number[], c: number) => Float64Array.from(v, (x) => x * c);

describe("the power-of-two rescaling", () => {
  test("ordinary magnitudes are left alone; extreme ones are brought into [0.5, 1) exactly", () => {
    expect(rescaleFactor(1234.5)).toBe(1);
    expect(rescaleFactor(0)).toBe(1);
    expect(rescaleFactor(5e-324)).toBe(2 ** 1000); // subnormal data: up as far as stays finite
    for (const x of [1e200, 1e300, Number.MAX_VALUE, 1e-200, 1e-300]) {
      const s = rescaleFactor(x);
      expect(x * s).toBeGreaterThanOrEqual(0.5);
      expect(x * s).toBeLessThan(1);
      expect((x * s) / s).toBe(x); // exact
    }
  });
});

describe("describe", () => {
  test("mean, SD, min, max and percentiles scale exactly with the data", () => {
    fc.assert(fc.property(columnArb(12), factorArb, (v, c) => {
      const a = describeColumn({ name: "x", values: Float64Array.from(v) }, { percentiles: [10, 50, 90], moments: true });
      const b = describeColumn({ name: "x", values: times(v, c) }, { percentiles: [10, 50, 90], moments: true });
      expect(b.n).toBe(a.n);
      for (const k of ["mean", "sd", "min", "max"] as const) {
        const want = c > 0 || k === "mean" || k === "sd" ? a[k] * (k === "sd" ? Math.abs(c) : c) : (k === "min" ? a.max : a.min) * c;
        expect(closeRel(b[k], want, 1e-10) || close(b[k] / Math.abs(c), want / Math.abs(c), 1e-10)).toBe(true);
      }
      expect(Number.isFinite(b.sd)).toBe(true);
      expect(close(b.skewness!, Math.sign(c) * a.skewness!, 1e-9)).toBe(true);
      expect(close(b.kurtosis!, a.kurtosis!, 1e-9)).toBe(true);
    }), { numRuns: 200 });
  });
  test("values near the double maximum: a finite mean and SD, not null", () => {
    const d = describeColumn({ name: "x", values: Float64Array.of(1e308, 1.5e308, 1.7e308) });
    expect(d.mean / 1e308).toBeCloseTo(1.4, 12);
    expect(d.sd / 1e308).toBeCloseTo(Math.sqrt(((0.4 ** 2) + (0.1 ** 2) + (0.3 ** 2)) / 2), 12);
  });
});

describe("PCA", () => {
  test("eigenvalues, loadings and the standardised index do not change when one column is scaled by 1e200…", () => {
    const dense = fc.array(fc.integer({ min: -100000, max: 100000 }), { minLength: 10, maxLength: 10 }).map((v) => v.map((x) => x / 100));
    fc.assert(fc.property(dense, dense, dense, factorArb.filter((c) => c > 0), fc.nat(2), (a, b, d, c, j) => {
      const cols = [a, b, d].map((v, k) => ({ name: `c${k}`, values: Float64Array.from(v) }));
      let base;
      try { base = pcaIndex(cols); } catch { return; } // degenerate draws (e.g. singular) are not the point here
      // knife edges of any 1-ulp perturbation, not of magnitude: an eigenvalue at the Kaiser cut 1, or two equal ones
      const l = Array.from(base.eigenvalues);
      if (l.some((x) => Math.abs(x - 1) < 1e-3) || l.some((x, k) => k > 0 && l[k - 1] - x < 1e-3)) return;
      const big = cols.map((col, k) => (k === j ? { ...col, values: times(Array.from(col.values), c) } : col));
      const r = pcaIndex(big);
      base.eigenvalues.forEach((l, k) => expect(close(r.eigenvalues[k], l, 1e-9)).toBe(true));
      base.index.forEach((x, i) => expect(close(r.index[i], x, 1e-8)).toBe(true));
      expect(close(r.sd[j], base.sd[j] * c, 1e-9 * base.sd[j] * c)).toBe(true);
    }), { numRuns: 150 });
  });
  test("every column near 1e300: the same eigenvalues as on ordinary data (not [1, 1] and index 0)", () => {
    const a = [1, 2, 3, 4, 5, 6];
    const b = [2, 1, 4, 3, 6, 5];
    const small = pcaIndex([{ name: "a", values: Float64Array.from(a) }, { name: "b", values: Float64Array.from(b) }]);
    const huge = pcaIndex([{ name: "a", values: times(a, 1e300) }, { name: "b", values: times(b, 1e300) }]);
    expect(Array.from(huge.eigenvalues)).toEqual(Array.from(small.eigenvalues).map((x) => expect.closeTo(x, 12)));
    expect(small.eigenvalues[0]).toBeGreaterThan(1.5);
    Array.from(small.index).forEach((x, i) => expect(huge.index[i]).toBeCloseTo(x, 12));
  });
});

describe("entropy weights", () => {
  test("weights and index do not change when an indicator is scaled by 1e200…", () => {
    fc.assert(fc.property(columnArb(8), columnArb(8), factorArb.filter((c) => c > 0), (a, b, c) => {
      const base = entropyWeights([{ name: "a", values: Float64Array.from(a) }, { name: "b", values: Float64Array.from(b) }]);
      const r = entropyWeights([{ name: "a", values: times(a, c) }, { name: "b", values: Float64Array.from(b) }]);
      base.scopes[0].weights.forEach((w, j) => expect(close(r.scopes[0].weights[j], w, 1e-9)).toBe(true));
      base.index.forEach((x, i) => expect(close(r.index[i], x, 1e-9)).toBe(true));
    }), { numRuns: 200 });
  });
  test("an indicator spanning −1e308 … 1e308 (range beyond double precision) keeps its weight", () => {
    const a = [-1, -0.5, 0, 0.5, 1];
    const b = [1, 2, 2, 3, 9];
    const base = entropyWeights([{ name: "a", values: Float64Array.from(a) }, { name: "b", values: Float64Array.from(b) }]);
    const r = entropyWeights([{ name: "a", values: times(a, 1.7e308) }, { name: "b", values: Float64Array.from(b) }]);
    expect(r.scopes[0].weights[0]).toBeGreaterThan(0.1);
    expect(r.scopes[0].weights[0]).toBeCloseTo(base.scopes[0].weights[0], 12);
  });
});

describe("location quotient", () => {
  test("totals of 1e300-sized values do not overflow: LQ is the same as on ordinary data", () => {
    const F = [1, 3, 2, 2];
    const K = [10, 10, 10, 30];
    const r = locationQuotient({ name: "F", values: times(F, 1e300) }, { name: "K", values: times(K, 1e300) });
    [0.75, 2.25, 1.5, 0.5].forEach((x, i) => expect(r.lq[i]).toBeCloseTo(x, 12));
    expect(r.groups[0].sumNum / 1e300).toBeCloseTo(8, 12);
  });
});
