/**
 * Exact rescaling for data of extreme magnitude (1e200 … 1e308, or 1e-200 …). Sums of squares
 * of such values overflow (or underflow) in double precision, so the statistics that form them
 * (describe's SD, PCA's z-scores, entropy's min–max range, location-quotient totals) first
 * multiply the data by a power of two. That multiplication is exact — only the exponent
 * changes — so the result equals the result on the rescaled data bit for bit, and a
 * scale-invariant statistic is unchanged. Ordinary data (|x| within 2^±400) are left alone.
 *
 * @example
 * rescaleFactor(1e300)   // 2^-997: 1e300 · 2^-997 ≈ 0.75
 * rescaleFactor(1234.5)  // 1 (no rescaling needed)
 */
const LARGE = 2 ** 400;
const SMALL = 2 ** -400;

/** Largest |x| over the non-missing values (0 when there are none). */
export function maxAbs(x: ArrayLike<number>, rows?: ArrayLike<number>): number {
  let m = 0;
  const n = rows ? rows.length : x.length;
  for (let r = 0; r < n; r++) {
    const v = Math.abs(x[rows ? rows[r] : r]);
    if (v > m) m = v;
  }
  return m;
}

/** 1 for ordinary magnitudes; else the power of two that brings `largest` into [0.5, 1). */
export function rescaleFactor(largest: number): number {
  if (!(largest > 0) || !Number.isFinite(largest) || (largest <= LARGE && largest >= SMALL)) return 1;
  // 2^-e is exact, also where it is subnormal; below 2^-1000 the data are subnormal themselves:
  // scale them up by 2^1000 (the largest factor that stays finite), not into [0.5, 1)
  const e = Math.max(-1000, Math.floor(Math.log2(largest)) + 1);
  let s = 2 ** -e;
  while (largest * s >= 1) s /= 2; // Math.log2 may round across a power of two
  while (largest * s < 0.5 && e > -1000 && s < 2 ** 1000) s *= 2;
  return s;
}

/** `x` multiplied by `s` (a power of two from rescaleFactor); the same array when s = 1. */
export const scaled = (x: Float64Array, s: number): Float64Array => (s === 1 ? x : x.map((v) => v * s));
