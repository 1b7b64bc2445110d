import { factorize, IdColumn, numericColumn, NumericColumn } from "../engine/data/columns";
import { isErrorObject, isMissingCell, isNumericText } from "../engine/data/cell";
import { shown } from "../engine/i18n/quote";
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

/** The allowed values of a numeric option, for its check and its message. */
export interface NumberRange {
  readonly min?: number;
  readonly max?: number;
  /** The bounds exclude the value itself (e.g. > 0). */
  readonly exclusive?: boolean;
}

/**
 * An optional numeric option (WINSOR lower/upper, ENTROPYWEIGHTS shift, COUPLING weights…).
 * Omitted (no argument, an empty cell) gives `fallback`; anything else must be one finite
 * number within `range`, or it is #VALUE! naming the argument — an error value (#N/A), NaN,
 * text ("abc", "1e400" beyond double precision), TRUE/FALSE, a range of several cells — never
 * silently the default.
 *
 * @example
 * numberOption(undefined, 1, "lower")       // 1
 * numberOption([[5]], 1, "lower")            // 5
 * numberOption("1e400", 1, "lower")          // throws: lower must be a number …, got "1e400"
 */
export function numberOption(v: unknown, fallback: number, argName: string, range: NumberRange = {}): number {
  if (v === null || v === undefined || v === "") return fallback;
  if (Array.isArray(v)) {
    const cells = v.flat();
    if (cells.length === 1) return numberOption(cells[0], fallback, argName, range);
    throw optionError(argName, `one number, got a range of ${cells.length} cells`, `单个数值，实际为含 ${cells.length} 个单元格的区域`);
  }
  const x = numberCell(v);
  if (x === null) {
    const what = isErrorObject(v) ? errorName(v) : typeof v === "string" ? `"${shown(v)}"` : typeof v === "boolean" ? String(v).toUpperCase() : String(v);
    const why = isErrorObject(v) || (typeof v === "string" && isMissingCell(v) && v.trim() !== "") ? { en: "an error value", zh: "错误值" } : { en: "not a finite number", zh: "不是有限数值" };
    throw optionError(argName, `a number, got ${what} (${why.en})`, `数值，实际为 ${what}（${why.zh}）`);
  }
  const { min, max, exclusive } = range;
  const below = min !== undefined && (exclusive ? !(x > min) : !(x >= min));
  const above = max !== undefined && (exclusive ? !(x < max) : !(x <= max));
  if (below || above) {
    const lo = min === undefined ? "" : `${min} ${exclusive ? "<" : "≤"} `;
    const hi = max === undefined ? "" : ` ${exclusive ? "<" : "≤"} ${max}`;
    throw optionError(argName, `a number with ${lo}${argName}${hi}, got ${x}`, `满足 ${lo}${argName}${hi} 的数值，实际为 ${x}`);
  }
  return x;
}

/** A cell as one finite number, or null (error values, NaN, ±Infinity, non-numeric or too-large text, booleans). */
function numberCell(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" && isNumericText(v)) {
    const x = Number(v.trim());
    return Number.isFinite(x) ? x : null;
  }
  return null;
}

const errorName = (v: unknown): string => {
  const o = v as { code?: unknown; errorCode?: unknown; message?: unknown };
  return String(o.code ?? o.errorCode ?? o.message ?? "#VALUE!");
};

const optionError = (argName: string, en: string, zh: string) =>
  valueError(`${argName} must be ${en}`, `参数 ${argName} 必须为${zh}`, { argument: argName });

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
