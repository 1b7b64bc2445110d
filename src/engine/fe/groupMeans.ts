/**
 * Subtract group means in place: v[i] -= mean of v over the rows sharing codes[i].
 * `inv` holds 1/count per level; `sums` is scratch of length levels.
 *
 * @example
 * const v = Float64Array.of(1, 3, 10);
 * subtractGroupMeans(v, Int32Array.of(0, 0, 1), Float64Array.of(0.5, 1), new Float64Array(2));
 * // v = [-1, 1, 0]
 */
export function subtractGroupMeans(v: Float64Array, codes: Int32Array, inv: Float64Array, sums: Float64Array): void {
  sums.fill(0);
  const n = v.length;
  for (let i = 0; i < n; i++) sums[codes[i]] += v[i];
  for (let g = 0; g < sums.length; g++) sums[g] *= inv[g];
  for (let i = 0; i < n; i++) v[i] -= sums[codes[i]];
}

/** 1/count for each level of a code vector. */
export function inverseCounts(codes: Int32Array, levels: number): Float64Array {
  const c = new Float64Array(levels);
  for (let i = 0; i < codes.length; i++) c[codes[i]]++;
  for (let g = 0; g < levels; g++) c[g] = c[g] > 0 ? 1 / c[g] : 0;
  return c;
}
