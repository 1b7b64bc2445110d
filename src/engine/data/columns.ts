import { valueError } from "../errors";
import { parseIdCell, parseNumericCell } from "./cell";

/** A numeric column: NaN marks a missing value. */
export interface NumericColumn {
  readonly name: string;
  readonly values: Float64Array;
  /** The row the user sees (worksheet / file row, header = row 1) of `values[0]`; 1 when unknown. */
  readonly firstRow?: number;
}

/**
 * The row the user sees of element i of a column: one convention for every message — the
 * worksheet or file row, header included (the first data row under a header is row 2).
 */
export const userRow = (c: { readonly firstRow?: number }, i: number): number => (c.firstRow ?? 1) + i;

/**
 * An identifier column (city, year, cluster) factorised to dense integer codes:
 * `codes[i]` is in 0..levels.length-1, or -1 when row i has no id.
 */
export interface IdColumn {
  readonly name: string;
  readonly codes: Int32Array;
  readonly levels: readonly string[];
}

/**
 * Parse raw cells into a numeric column (see `parseNumericCell` for the rules).
 * `firstRow` is the 1-based row number of the first cell, for error messages.
 *
 * @example
 * numericColumn("gov", [0.1, "", "0.3"]).values  // Float64Array [0.1, NaN, 0.3]
 */
export function numericColumn(name: string, cells: ArrayLike<unknown>, firstRow = 1): NumericColumn {
  const values = new Float64Array(cells.length);
  for (let i = 0; i < cells.length; i++) values[i] = parseNumericCell(cells[i], name, firstRow + i);
  return { name, values, firstRow };
}

/**
 * Factorise ids to dense codes in order of first appearance. Numbers and numeric text
 * that denote the same value (2008 and "2008") share a level.
 *
 * @example
 * factorize("city", ["a", "b", "a", null]).codes  // Int32Array [0, 1, 0, -1]
 */
export function factorize(name: string, cells: ArrayLike<unknown>): IdColumn {
  const codes = new Int32Array(cells.length);
  const index = new Map<string, number>();
  const levels: string[] = [];
  for (let i = 0; i < cells.length; i++) {
    const id = parseIdCell(cells[i]);
    if (id === null) { codes[i] = -1; continue; }
    let c = index.get(id);
    if (c === undefined) { c = levels.length; index.set(id, c); levels.push(id); }
    codes[i] = c;
  }
  return { name, codes, levels };
}

/** Wrap an existing Float64Array as a column. */
export const columnOf = (name: string, values: ArrayLike<number>): NumericColumn =>
  ({ name, values: values instanceof Float64Array ? values : Float64Array.from(values) });

/** Ensure every column has `n` rows; otherwise name the first one that differs. */
export function assertSameLength(n: number, cols: readonly { name: string; values?: ArrayLike<number>; codes?: ArrayLike<number> }[]): void {
  for (const c of cols) {
    const len = (c.values ?? c.codes)!.length;
    if (len !== n) {
      throw valueError(
        `column "${c.name}" has ${len} rows but the outcome has ${n}: every range must have the same number of rows`,
        `列“${c.name}”有 ${len} 行，而被解释变量有 ${n} 行：所有区域的行数必须相同`,
      );
    }
  }
}
