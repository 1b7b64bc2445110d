import { valueError } from "../errors";

/**
 * Percentiles as Stata's `_pctile`, `pctile` and `summarize, detail` compute them: the
 * "averaged inverted CDF" (Hyndman–Fan type 2; R `quantile(type = 2)`, numpy
 * `method = "averaged_inverted_cdf"`). docs/methods.md §6.2: for sorted x₍₁₎…x₍ₙ₎ and percent
 * p, P = n·p/100, j = ⌊P⌋; the percentile is x₍ⱼ₊₁₎ when P is not an integer, else
 * (x₍ⱼ₎ + x₍ⱼ₊₁₎)/2. p = 0 gives the minimum and p = 100 the maximum.
 *
 * Whether P is an integer is decided in integer arithmetic (n·p mod 100 for integer p,
 * n·p·10^d mod 100·10^d for p with d decimals), so that e.g. n = 2744, p = 25 is not
 * misclassified by a rounding error in n·p/100.
 */

/**
 * The non-missing values of `x`, sorted ascending (NaN = missing is dropped).
 *
 * @example
 * sortedPresent(Float64Array.of(3, NaN, 1, 2))  // Float64Array [1, 2, 3]
 */
export function sortedPresent(x: ArrayLike<number>): Float64Array {
  let n = 0;
  for (let i = 0; i < x.length; i++) if (x[i] === x[i]) n++;
  const out = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < x.length; i++) if (x[i] === x[i]) out[k++] = x[i];
  return out.sort();
}

/**
 * Write p (percent) as an integer over a power of ten: 2.5 → [25, 10]. Used for the exact
 * integer test; p with more than 9 decimals is rounded to 9.
 */
function percentAsFraction(p: number): [number, number] {
  let scale = 1;
  for (let d = 0; d <= 9; d++, scale *= 10) {
    const m = Math.round(p * scale);
    if (Math.abs(p * scale - m) <= 1e-9 * Math.max(1, Math.abs(p * scale))) return [m, scale];
  }
  return [Math.round(p * 1e9), 1e9];
}

/** Reject a percent outside [0, 100] (or not a number). */
export function assertPercent(p: number): void {
  if (!(p >= 0 && p <= 100)) {
    throw valueError(`percentile ${p} is outside 0–100`, `百分位数 ${p} 不在 0–100 之间`);
  }
}

/**
 * Type-2 percentile of already sorted, non-missing values.
 *
 * @example
 * // n = 4, p = 50: P = 2 is an integer → (x₍₂₎ + x₍₃₎)/2
 * percentileOfSorted(Float64Array.of(1, 2, 3, 4), 50)  // 2.5
 * // n = 4, p = 10: P = 0.4 → x₍₁₎
 * percentileOfSorted(Float64Array.of(1, 2, 3, 4), 10)  // 1
 */
export function percentileOfSorted(sorted: Float64Array, p: number): number {
  assertPercent(p);
  const n = sorted.length;
  if (n === 0) return NaN;
  const [num, den] = percentAsFraction(p);
  // P = n·num / (100·den); j = ⌊P⌋, integer iff remainder is 0. n·num stays below 2^53
  // for any realistic n (n < 9e6 with 9 decimals of p).
  const top = n * num;
  const bottom = 100 * den;
  const rem = top % bottom;
  const j = (top - rem) / bottom; // exact integer division
  const at = (k: number) => sorted[Math.min(Math.max(k, 1), n) - 1]; // 1-based, clamped
  return rem === 0 ? (at(j) + at(j + 1)) / 2 : at(j + 1);
}

/**
 * Type-2 (Stata `_pctile`) percentile of a column; missing values are ignored. NaN when
 * every value is missing.
 *
 * @example
 * percentileType2(Float64Array.of(5, 1, NaN, 3, 2, 4), 1)   // 1   (P = 0.05 → x₍₁₎)
 * percentileType2(Float64Array.of(5, 1, NaN, 3, 2, 4), 99)  // 5   (P = 4.95 → x₍₅₎)
 */
export function percentileType2(x: ArrayLike<number>, p: number): number {
  return percentileOfSorted(sortedPresent(x), p);
}

/**
 * Several type-2 percentiles at once (one sort).
 *
 * @example
 * percentilesType2(Float64Array.of(1, 2, 3, 4), [25, 50, 75])  // [1.5, 2.5, 3.5]
 */
export function percentilesType2(x: ArrayLike<number>, ps: readonly number[]): Float64Array {
  const sorted = sortedPresent(x);
  return Float64Array.from(ps, (p) => percentileOfSorted(sorted, p));
}
