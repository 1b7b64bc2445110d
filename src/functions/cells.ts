import { factorize, IdColumn, numericColumn, NumericColumn } from "../engine/data/columns";
import { isMissingCell, parseNumericCell } from "../engine/data/cell";
import { valueError } from "../engine/errors";

/**
 * Worksheet ranges as custom functions receive them (`any[][]`, row-major) turned into
 * engine columns. A first row of text above data is a header and gives the names; otherwise
 * columns are named after the argument ("x1", "x2" …). Blank cells ("" or null), NA, "." and
 * Excel errors are missing values; text that is not a number is an error naming the cell.
 *
 * Some Excel builds pass blank cells inside a matrix argument as 0 (documented in the
 * function help and the README): CityPanel cannot tell those from real zeros, so mark
 * missing data with #N/A or NA.
 */
export interface CellBlock {
  readonly names: string[];
  /** Column-major raw cells without the header. */
  readonly columns: unknown[][];
  readonly rows: number;
  readonly hasHeader: boolean;
}

const isText = (v: unknown): boolean => typeof v === "string" && v.trim() !== "" && !isMissingCell(v) && !isNumericText(v);
const isNumericText = (v: string): boolean => /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v.trim());

/**
 * Split a range into header and data. The first row is a header when every non-blank cell
 * in it is text and the range has more than one row — or when `header` says so: id ranges
 * (city names are text all the way down) follow the outcome range's decision.
 *
 * @example
 * readBlock([["gov", "digit"], [0.1, 2], [0.2, 3]], "x").names  // ["gov", "digit"]
 * readBlock([[0.1, 2], [0.2, 3]], "x").names                    // ["x1", "x2"]
 */
export function readBlock(cells: unknown, argName: string, header?: boolean): CellBlock {
  const grid = asGrid(cells, argName);
  const width = grid[0].length;
  const first = grid[0];
  const hasHeader = header ?? (grid.length > 1 && first.some(isText) && first.every((v) => isText(v) || v === "" || v === null));
  const data = hasHeader ? grid.slice(1) : grid;
  const names = first.map((v, j) =>
    hasHeader && isText(v) ? String(v).trim() : width === 1 ? argName : `${argName}${j + 1}`,
  );
  const columns = names.map((_, j) => data.map((r) => r[j]));
  return { names, columns, rows: data.length, hasHeader };
}

/** Numeric columns of a block; error messages count rows as the user sees them in the range. */
export function blockNumeric(b: CellBlock): NumericColumn[] {
  return b.names.map((name, j) => numericColumn(name, b.columns[j], b.hasHeader ? 2 : 1));
}

/** Id columns of a block (text or numbers). */
export function blockIds(b: CellBlock): IdColumn[] {
  return b.names.map((name, j) => factorize(name, b.columns[j]));
}

/** A single numeric column argument (y, numerator …). */
export function singleNumeric(cells: unknown, argName: string): NumericColumn {
  const b = readBlock(cells, argName);
  if (b.names.length !== 1) {
    throw valueError(`${argName} must be a single column, got ${b.names.length} columns`, `${argName} 必须是单列区域，实际有 ${b.names.length} 列`);
  }
  return blockNumeric(b)[0];
}

/** An optional argument Excel passed as null / undefined / an empty cell. */
export const isOmitted = (v: unknown): boolean =>
  v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && v[0].length === 1 && (v[0][0] === "" || v[0][0] === null));

/** An optional text option ("robust", "column" …), lower-cased. */
export function textOption(v: unknown, fallback: string): string {
  if (isOmitted(v)) return fallback;
  const s = Array.isArray(v) ? v[0]?.[0] : v;
  return String(s).trim().toLowerCase();
}

/** An optional numeric option. */
export function numberOption(v: unknown, fallback: number, argName: string): number {
  if (isOmitted(v)) return fallback;
  const s = Array.isArray(v) ? v[0]?.[0] : v;
  const x = parseNumericCell(s, argName, 1);
  if (!Number.isFinite(x)) return fallback;
  return x;
}

/** Every range argument must have the same number of data rows as the outcome. */
export function assertRows(n: number, parts: readonly { name: string; rows: number }[]): void {
  for (const p of parts) {
    if (p.rows !== n) {
      throw valueError(
        `${p.name} has ${p.rows} data rows but the first range has ${n}: select ranges of the same height (with or without a header row in all of them)`,
        `${p.name} 有 ${p.rows} 行数据，而第一个区域有 ${n} 行：请选择行数相同的区域（要么都含表头，要么都不含）`,
      );
    }
  }
}

function asGrid(cells: unknown, argName: string): unknown[][] {
  if (!Array.isArray(cells) || cells.length === 0 || !Array.isArray(cells[0]) || cells[0].length === 0) {
    if (cells !== null && cells !== undefined && !Array.isArray(cells)) return [[cells]];
    throw valueError(`${argName} is empty: select a range`, `${argName} 为空：请选择一个区域`);
  }
  const width = (cells[0] as unknown[]).length;
  for (const r of cells as unknown[][]) {
    if (!Array.isArray(r) || r.length !== width) throw valueError(`${argName} is not a rectangular range`, `${argName} 不是矩形区域`);
  }
  return cells as unknown[][];
}

/** A spilled table must be rectangular and use "" (not null, which shows as 0) for blanks. */
export function rectangular(rows: (string | number | boolean | null | undefined)[][]): (string | number | boolean)[][] {
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => Array.from({ length: width }, (_, j) => {
    const v = r[j];
    if (v === null || v === undefined) return "";
    if (typeof v === "number" && !Number.isFinite(v)) return "";
    return v;
  }));
}
