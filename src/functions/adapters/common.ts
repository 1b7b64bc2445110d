import { IdColumn, NumericColumn } from "../../engine/data/columns";
import { valueError } from "../../engine/errors";
import { assertRows, blockIds, blockNumeric, CellBlock, isOmitted, readBlock } from "../cells";

/** A spilled table: text and numbers, "" for an empty cell. */
export type Spill = (string | number | boolean)[][];

/**
 * The ranges of one call. The first range decides whether ranges carry a header row; every
 * other range must follow that decision and have the same number of data rows.
 */
export interface CallRanges {
  readonly first: CellBlock;
  readonly header: boolean;
  readonly rows: number;
  /** 1-based row (within the range as selected) of the first data row. */
  readonly firstRow: number;
  block(cells: unknown, argName: string): CellBlock;
  numeric(cells: unknown, argName: string): NumericColumn[];
  ids(cells: unknown, argName: string): IdColumn[];
}

export function callRanges(cells: unknown, argName: string): CallRanges {
  const first = readBlock(cells, argName);
  const block = (c: unknown, name: string): CellBlock => {
    const b = readBlock(c, name, first.hasHeader);
    assertRows(first.rows, [{ name, rows: b.rows }]);
    return b;
  };
  return {
    first,
    header: first.hasHeader,
    rows: first.rows,
    firstRow: first.hasHeader ? 2 : 1,
    block,
    numeric: (c, name) => (isOmitted(c) ? [] : blockNumeric(block(c, name))),
    ids: (c, name) => (isOmitted(c) ? [] : blockIds(block(c, name))),
  };
}

/**
 * An id (fixed effect, cluster, group) missing in a row where the data have a value is an
 * error naming the row, not a silently dropped observation: usually a range selected one row
 * short or a typo.
 */
export function assertIdsWhereData(ids: readonly IdColumn[], argName: string, hasData: (i: number) => boolean, dataName: string, firstRow: number): void {
  for (const id of ids) {
    for (let i = 0; i < id.codes.length; i++) {
      if (id.codes[i] < 0 && hasData(i)) {
        const row = i + firstRow;
        throw valueError(
          `${argName} "${id.name}", row ${row}: the id is missing but ${dataName} has a value there: fill in the id, or clear the row's data to leave it out`,
          `${argName}“${id.name}”第 ${row} 行：标识缺失，但 ${dataName} 在该行有取值：请补全标识，或清除该行数据以排除该观测`,
        );
      }
    }
  }
}

/** True when some column has a value in row i. */
export const anyPresent = (cols: readonly { values: Float64Array }[]) => (i: number): boolean => cols.some((c) => c.values[i] === c.values[i]);

/** A number for a spill: NaN / ±Infinity become "". */
export const cell = (v: number): number | "" => (Number.isFinite(v) ? v : "");

/** Header row then one row per value of each column. */
export function columnsSpill(headers: readonly string[], cols: readonly ArrayLike<number>[]): Spill {
  const n = cols.length ? cols[0].length : 0;
  const out: Spill = [[...headers]];
  for (let i = 0; i < n; i++) out.push(cols.map((c) => cell(c[i])));
  return out;
}

/** A group level for display: numeric text (years) as a number. */
export const levelCell = (level: string | null): string | number =>
  level === null ? "" : /^[+-]?\d+(\.\d+)?$/.test(level) ? Number(level) : level;

/** All non-missing cells of an argument (a scalar, a row, a column or a block), row-major. */
export function flatCells(v: unknown): unknown[] {
  if (isOmitted(v)) return [];
  const rows = Array.isArray(v) ? v : [[v]];
  const out: unknown[] = [];
  for (const r of rows) for (const c of Array.isArray(r) ? r : [r]) out.push(c);
  return out;
}

/** An output word checked against the allowed ones. */
export function outputOption(word: string, allowed: readonly string[]): string {
  if (allowed.includes(word)) return word;
  const list = allowed.map((a) => `"${a}"`).join(", ");
  throw valueError(`output must be one of ${list}, got "${word}"`, `output 必须为 ${list} 之一，实际为 "${word}"`);
}
