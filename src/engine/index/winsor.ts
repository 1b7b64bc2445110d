import { IdColumn } from "../data/columns";
import { valueError } from "../errors";
import { assertGroupLength, assertSomeValues, NamedValues } from "./checks";
import { assertPercent, percentileOfSorted, sortedPresent } from "./percentile";

/**
 * Winsorising and trimming at Stata `_pctile` cut points, as `winsor2` does
 * (docs/methods.md §6.1): cut points over the non-missing values, pooled or within each group;
 * winsorise x_w = min(max(x, lo), hi); trim sets values below lo or above hi to missing
 * (values equal to a cut point are kept). Cuts 0 and 100 are the minimum and maximum.
 * Missing stays missing.
 */
export interface WinsorOptions {
  /** Lower and upper percent, default [1, 99]. */
  readonly cuts?: readonly [number, number];
  /** Cut points within each group (e.g. year) instead of pooled. Rows with no group id become missing. */
  readonly by?: IdColumn;
  /** Trim (set to missing) instead of winsorising. */
  readonly trim?: boolean;
}

export interface WinsorResult {
  readonly values: Float64Array;
  /** Pooled: one cut point each. By group: one per group level (NaN for a level with no values). */
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  /** Number of values below lo / above hi that were clipped (or trimmed). */
  readonly nLow: number;
  readonly nHigh: number;
  /** Group level names when `by` was given. */
  readonly levels?: readonly string[];
}

/** Check a pair of cuts: 0 ≤ lo < hi ≤ 100. */
export function assertCuts(cuts: readonly [number, number]): void {
  const [lo, hi] = cuts;
  assertPercent(lo);
  assertPercent(hi);
  if (!(lo < hi)) {
    throw valueError(
      `the lower cut (${lo}) must be below the upper cut (${hi})`,
      `下侧截断百分位（${lo}）必须小于上侧截断百分位（${hi}）`,
    );
  }
}

/**
 * Pooled cut points of one column (type-2 percentiles).
 *
 * @example
 * winsorCutPoints(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 100), [10, 90])  // [1.5, 54.5]
 */
export function winsorCutPoints(x: Float64Array, cuts: readonly [number, number] = [1, 99]): [number, number] {
  assertCuts(cuts);
  const sorted = sortedPresent(x);
  return [percentileOfSorted(sorted, cuts[0]), percentileOfSorted(sorted, cuts[1])];
}

/**
 * Winsorise (or trim) one column at type-2 cut points, pooled or by group.
 *
 * @example
 * winsorize({ name: "x", values: Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 100) }, { cuts: [10, 90] }).values
 * // [1.5, 2, 3, 4, 5, 6, 7, 8, 9, 54.5]
 * winsorize({ name: "x", values: Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 100) }, { cuts: [10, 90], trim: true }).values
 * // [NaN, 2, 3, 4, 5, 6, 7, 8, 9, NaN]
 */
export function winsorize(col: NamedValues, opts: WinsorOptions = {}): WinsorResult {
  const cuts = opts.cuts ?? [1, 99];
  assertCuts(cuts);
  assertSomeValues(col);
  const x = col.values;
  const n = x.length;
  const G = opts.by ? opts.by.levels.length : 1;
  let groupOf: (i: number) => number = () => 0;
  if (opts.by) {
    assertGroupLength(opts.by.name, opts.by.codes, n);
    const codes = opts.by.codes;
    groupOf = (i) => codes[i];
  }
  const lo = new Float64Array(G).fill(NaN);
  const hi = new Float64Array(G).fill(NaN);
  if (!opts.by) {
    [lo[0], hi[0]] = winsorCutPoints(x, cuts);
  } else {
    // Gather each group's values once (counting sort by code), then sort within groups.
    const count = new Int32Array(G + 1);
    for (let i = 0; i < n; i++) { const g = groupOf(i); if (g >= 0 && x[i] === x[i]) count[g + 1]++; }
    for (let g = 0; g < G; g++) count[g + 1] += count[g];
    const pos = count.slice(0, G);
    const buf = new Float64Array(count[G]);
    for (let i = 0; i < n; i++) { const g = groupOf(i); if (g >= 0 && x[i] === x[i]) buf[pos[g]++] = x[i]; }
    for (let g = 0; g < G; g++) {
      if (count[g + 1] === count[g]) continue;
      const sorted = buf.subarray(count[g], count[g + 1]).sort();
      lo[g] = percentileOfSorted(sorted, cuts[0]);
      hi[g] = percentileOfSorted(sorted, cuts[1]);
    }
  }
  const values = new Float64Array(n);
  let nLow = 0;
  let nHigh = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    const g = groupOf(i);
    if (v !== v || g < 0) { values[i] = NaN; continue; }
    if (v < lo[g]) { nLow++; values[i] = opts.trim ? NaN : lo[g]; }
    else if (v > hi[g]) { nHigh++; values[i] = opts.trim ? NaN : hi[g]; }
    else values[i] = v;
  }
  return { values, lo, hi, nLow, nHigh, levels: opts.by?.levels };
}
