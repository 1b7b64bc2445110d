import betainc from "@stdlib/math-base-special-betainc";
import gammainc from "@stdlib/math-base-special-gammainc";

/**
 * Tail probabilities for test statistics, computed from the regularised incomplete beta
 * and gamma functions of stdlib (ports of Boost's implementations), so that tiny p-values
 * keep their relative precision instead of being 1 − cdf.
 */

/**
 * Two-sided p-value of a t statistic with `df` degrees of freedom:
 * P(|T| > |t|) = I_{df/(df+t²)}(df/2, 1/2).
 *
 * @example
 * tTwoSidedP(2.0, 30)  // 0.05462...
 */
export function tTwoSidedP(t: number, df: number): number {
  if (!Number.isFinite(t) || !(df > 0)) return NaN;
  if (t === 0) return 1;
  return betainc(df / (df + t * t), df / 2, 0.5);
}

/**
 * Upper tail of the F(d1, d2) distribution: P(F > f) = I_{d2/(d2+d1·f)}(d2/2, d1/2).
 *
 * @example
 * fUpperP(3.0, 2, 100)  // 0.05430...
 */
export function fUpperP(f: number, d1: number, d2: number): number {
  if (!Number.isFinite(f) || !(d1 > 0) || !(d2 > 0)) return NaN;
  if (f <= 0) return 1;
  return betainc(d2 / (d2 + d1 * f), d2 / 2, d1 / 2);
}

/**
 * Upper tail of the χ²(df) distribution: P(X > x) = Q(df/2, x/2).
 *
 * @example
 * chi2UpperP(3.841458820694124, 1)  // 0.05
 */
export function chi2UpperP(x: number, df: number): number {
  if (!Number.isFinite(x) || !(df > 0)) return NaN;
  if (x <= 0) return 1;
  return gammainc(x / 2, df / 2, true, true);
}
