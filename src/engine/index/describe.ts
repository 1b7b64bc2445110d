import { maxAbs, rescaleFactor, scaled } from "../linalg/powerOfTwoScale";
import { assertSomeValues, NamedValues } from "./checks";
import { percentileOfSorted, sortedPresent } from "./percentile";

/**
 * Descriptive statistics as Stata's `summarize` reports them (docs/methods.md §6.3): N
 * (non-missing), mean, SD with n − 1, min, max; with `detail`-style options also type-2
 * percentiles, skewness m₃/m₂^{3/2} and kurtosis m₄/m₂² (not excess), m_r = (1/n)Σ(x − x̄)^r.
 * Values of extreme magnitude (1e200 …) are described on exactly rescaled data
 * (linalg/powerOfTwoScale), so sums of squares never overflow.
 */
export interface Description {
  readonly n: number;
  readonly mean: number;
  /** Sample SD (n − 1); NaN when n = 1. */
  readonly sd: number;
  readonly min: number;
  readonly max: number;
  /** Present when `moments` was asked for. */
  readonly skewness?: number;
  readonly kurtosis?: number;
  /** Present when percentiles were asked for: percent → value. */
  readonly percentiles?: ReadonlyMap<number, number>;
}

export interface DescribeOptions {
  /** Percents (0–100) to report, computed as Stata `_pctile` (type 2). */
  readonly percentiles?: readonly number[];
  /** Also report skewness and kurtosis. */
  readonly moments?: boolean;
}

/** Stata `summarize, detail` percentiles. */
export const DETAIL_PERCENTILES: readonly number[] = [1, 5, 10, 25, 50, 75, 90, 95, 99];

/**
 * Describe one column (missing values ignored). An all-missing column is an error.
 *
 * @example
 * describeColumn({ name: "x", values: Float64Array.of(1, 2, 3, 4, NaN) })
 * // { n: 4, mean: 2.5, sd: 1.2909944487358056, min: 1, max: 4 }
 * describeColumn({ name: "x", values: Float64Array.of(1, 2, 3, 4) }, { percentiles: [50], moments: true })
 * // … percentiles: Map { 50 → 2.5 }, skewness: 0, kurtosis: 1.64
 */
export function describeColumn(col: NamedValues, opts: DescribeOptions = {}): Description {
  const s = rescaleFactor(maxAbs(col.values.filter((v) => v === v)));
  if (s !== 1) {
    // extreme magnitudes: describe the exactly rescaled data, then scale the location and spread back
    const r = describeColumn({ ...col, values: scaled(col.values, s) }, opts);
    const back = (v: number) => v / s;
    return {
      ...r, mean: back(r.mean), sd: back(r.sd), min: back(r.min), max: back(r.max),
      ...(r.percentiles ? { percentiles: new Map([...r.percentiles].map(([p, v]) => [p, back(v)])) } : {}),
    };
  }
  const n = assertSomeValues(col);
  const x = col.values;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v !== v) continue;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean0 = sum / n;
  // Second pass: corrected two-pass algorithm (the residual sum fixes the mean's rounding).
  let s1 = 0;
  for (let i = 0; i < x.length; i++) if (x[i] === x[i]) s1 += x[i] - mean0;
  const mean = mean0 + s1 / n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v !== v) continue;
    const d = v - mean;
    const d2 = d * d;
    m2 += d2;
    if (opts.moments) { m3 += d2 * d; m4 += d2 * d2; }
  }
  const sd = n > 1 ? Math.sqrt(m2 / (n - 1)) : NaN;
  const out: { -readonly [K in keyof Description]: Description[K] } = { n, mean, sd, min, max };
  if (opts.moments) {
    const c2 = m2 / n;
    out.skewness = c2 > 0 ? m3 / n / Math.pow(c2, 1.5) : NaN;
    out.kurtosis = c2 > 0 ? m4 / n / (c2 * c2) : NaN;
  }
  if (opts.percentiles && opts.percentiles.length > 0) {
    const sorted = sortedPresent(x);
    out.percentiles = new Map(opts.percentiles.map((p) => [p, percentileOfSorted(sorted, p)]));
  }
  return out;
}
