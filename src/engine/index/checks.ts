import { userRow } from "../data/columns";
import { valueError } from "../errors";
import { Bilingual } from "../i18n/lang";

/**
 * Input checks shared by the index modules (entropy, PCA, winsor, LQ, ris, coupling,
 * interactions). Each throws a bilingual CityPanelError naming the column and, where it
 * helps, the 1-based data row. NaN marks a missing value throughout.
 */

/** Something with a name and a column of numbers. */
export interface NamedValues {
  readonly name: string;
  readonly values: Float64Array;
  /** The row the user sees of `values[0]` (header = row 1); 1 when unknown. */
  readonly firstRow?: number;
}

/**
 * Every column must have the same number of rows as the first one.
 *
 * @example
 * assertEqualLengths([{ name: "a", values: new Float64Array(3) }, { name: "b", values: new Float64Array(2) }])
 * // throws: column "b" has 2 rows but column "a" has 3 …
 */
export function assertEqualLengths(cols: readonly NamedValues[]): void {
  if (cols.length === 0) return;
  const n = cols[0].values.length;
  for (const c of cols) {
    if (c.values.length !== n) {
      throw valueError(
        `column "${c.name}" has ${c.values.length} rows but column "${cols[0].name}" has ${n}: every column must have the same number of rows`,
        `列“${c.name}”有 ${c.values.length} 行，而列“${cols[0].name}”有 ${n} 行：各列行数必须相同`,
      );
    }
  }
}

/**
 * An id (group) column must have as many rows as the data.
 *
 * @example
 * assertGroupLength("year", new Int32Array(2), 3)  // throws
 */
export function assertGroupLength(name: string, codes: Int32Array, n: number): void {
  if (codes.length !== n) {
    throw valueError(
      `group column "${name}" has ${codes.length} rows but the data have ${n}`,
      `分组列“${name}”有 ${codes.length} 行，而数据有 ${n} 行`,
    );
  }
}

/**
 * Count the non-missing values of a column; throw if there are none.
 *
 * @example
 * assertSomeValues({ name: "inn", values: Float64Array.of(NaN, 2) })  // 1
 */
export function assertSomeValues(c: NamedValues): number {
  let n = 0;
  for (let i = 0; i < c.values.length; i++) if (c.values[i] === c.values[i]) n++;
  if (n === 0) {
    throw valueError(`column "${c.name}" has no non-missing values`, `列“${c.name}”没有任何非缺失值`, { column: c.name });
  }
  return n;
}

/**
 * Row mask of complete cases: 1 where every column is present (and the group code, when
 * given, is ≥ 0), else 0.
 *
 * @example
 * completeRows([Float64Array.of(1, NaN, 3), Float64Array.of(1, 2, NaN)])  // Uint8Array [1, 0, 0]
 */
export function completeRows(cols: readonly Float64Array[], groups?: Int32Array): Uint8Array {
  const n = cols.length > 0 ? cols[0].length : groups ? groups.length : 0;
  const ok = new Uint8Array(n).fill(1);
  for (const v of cols) for (let i = 0; i < n; i++) if (v[i] !== v[i]) ok[i] = 0;
  if (groups) for (let i = 0; i < n; i++) if (groups[i] < 0) ok[i] = 0;
  return ok;
}

/**
 * Values must be ≥ 0 (or > 0 with `strict`); the first offending row is named.
 *
 * @example
 * assertNonNegative({ name: "U1", values: Float64Array.of(0.2, -0.1) }, { en: "the coupling degree", zh: "耦合度" })
 * // throws: the coupling degree needs values ≥ 0, but column "U1" has -0.1 in row 2
 */
export function assertNonNegative(c: NamedValues, what: Bilingual, strict = false): void {
  const v = c.values;
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (x !== x) continue;
    if (strict ? !(x > 0) : !(x >= 0)) {
      const row = userRow(c, i);
      throw valueError(
        `${what.en} needs values ${strict ? "> 0" : "≥ 0"}, but column "${c.name}" has ${x} in row ${row}`,
        `${what.zh}要求取值${strict ? "大于 0" : "非负"}，但列“${c.name}”第 ${row} 行为 ${x}`,
        { column: c.name, row },
      );
    }
  }
}
