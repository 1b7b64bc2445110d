import { valueError } from "../errors";
import { IdColumn, NumericColumn } from "./columns";

/**
 * Listwise deletion: a row enters the estimation sample only if every numeric variable and
 * every id the model uses is present. Returns a 0/1 mask and how many rows were dropped.
 *
 * @example
 * completeRows([{name:"y", values: Float64Array.of(1, NaN, 3)}], []).dropped  // 1
 */
export function completeRows(numeric: readonly NumericColumn[], ids: readonly IdColumn[]): { mask: Uint8Array; dropped: number } {
  const n = numeric.length > 0 ? numeric[0].values.length : ids.length > 0 ? ids[0].codes.length : 0;
  const mask = new Uint8Array(n).fill(1);
  for (const c of numeric) {
    const v = c.values;
    for (let i = 0; i < n; i++) if (v[i] !== v[i]) mask[i] = 0;
  }
  for (const c of ids) {
    const v = c.codes;
    for (let i = 0; i < n; i++) if (v[i] < 0) mask[i] = 0;
  }
  let kept = 0;
  for (let i = 0; i < n; i++) kept += mask[i];
  return { mask, dropped: n - kept };
}

/** Indices of the rows where mask is 1. */
export function maskToRows(mask: Uint8Array): Int32Array {
  let k = 0;
  for (let i = 0; i < mask.length; i++) k += mask[i];
  const rows = new Int32Array(k);
  k = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i]) rows[k++] = i;
  return rows;
}

/** Values of `v` at `rows`, as a new array. */
export function takeRows(v: Float64Array, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = v[rows[k]];
  return out;
}

/**
 * Codes of an id column restricted to `rows`, renumbered densely 0..levels-1 (so a level that
 * no longer occurs in the sample does not count).
 */
export function compactCodes(codes: Int32Array, rows: Int32Array): { codes: Int32Array; levels: number } {
  const map = new Int32Array(maxCode(codes) + 1).fill(-1);
  const out = new Int32Array(rows.length);
  let next = 0;
  for (let k = 0; k < rows.length; k++) {
    const c = codes[rows[k]];
    let m = map[c];
    if (m < 0) { m = next++; map[c] = m; }
    out[k] = m;
  }
  return { codes: out, levels: next };
}

function maxCode(codes: Int32Array): number {
  let m = -1;
  for (let i = 0; i < codes.length; i++) if (codes[i] > m) m = codes[i];
  return m;
}

/** Throw when the model has no complete row at all, naming the variables involved. */
export function assertSomeRows(kept: number, names: readonly string[]): void {
  if (kept === 0) {
    throw valueError(
      `no row has all of ${names.join(", ")} present: every row was dropped as missing`,
      `没有任何一行同时具备 ${names.join("、")} 的取值：所有行均因缺失被删除`,
    );
  }
}
