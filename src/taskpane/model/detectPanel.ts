import { isMissingCell, parseIdCell } from "../../engine/data/cell";
import { RawTable } from "../../engine/data/table";
import { matchRole } from "./synonyms";

/**
 * What the Data step knows about a block of cells before anything runs: where the header
 * is, which columns are the city and year ids, which are numeric, and the panel's shape
 * (N, cities, years, balance, missing cells per column). Pure: the cells come from the
 * Excel module (or a test) as a row-major 2-D array.
 */
export interface SheetBlock {
  /** Row-major values as Range.values gives them ("" for empty cells). */
  readonly values: readonly (readonly unknown[])[];
  /** Where the block sits: sheet name and 0-based row/column of its top-left cell. */
  readonly sheet: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  /** Human description of the source, e.g. "Sheet1!A1:BH2745" or "table Panel". */
  readonly source: string;
}

export interface ColumnSummary {
  readonly name: string;
  /** Every non-missing cell is a number (or numeric text). */
  readonly numeric: boolean;
  readonly missing: number;
  /** First cell that is neither missing nor a number (for messages naming the cell). */
  readonly firstText?: { readonly address: string; readonly value: string };
  readonly textCells: number;
}

export interface PanelSummary {
  readonly rows: number;
  readonly columns: readonly ColumnSummary[];
  readonly city?: string;
  readonly year?: string;
  readonly cities: number;
  readonly years: number;
  readonly yearMin?: number;
  readonly yearMax?: number;
  /** Every city observed in every year exactly once. */
  readonly balanced: boolean;
  /** (city, year) pairs seen more than once. */
  readonly duplicates: number;
}

export interface DetectedPanel {
  readonly table: RawTable;
  /** 0-based row of the header inside the block. */
  readonly headerRow: number;
  readonly summary: PanelSummary;
  readonly block: Omit<SheetBlock, "values">;
  /** For each table column, its 0-based column inside the block (empty columns are dropped). */
  readonly columnsInBlock: readonly number[];
}

const NUMERIC_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const isNumberCell = (v: unknown): boolean =>
  (typeof v === "number" && Number.isFinite(v)) || (typeof v === "string" && NUMERIC_TEXT.test(v.trim()));
const isLabelCell = (v: unknown): boolean => typeof v === "string" && v.trim() !== "" && !isMissingCell(v) && !NUMERIC_TEXT.test(v.trim());

/** A1-style column letters of a 0-based column index. */
export function columnLetters(j: number): string {
  let s = "";
  for (let k = j + 1; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** The sheet address of a cell of the block (0-based row and column inside the block). */
export const cellAddress = (b: Omit<SheetBlock, "values">, row: number, col: number): string =>
  `${columnLetters(b.columnIndex + col)}${b.rowIndex + row + 1}`;

/**
 * The header row: the first of the top 20 rows in which most filled cells are labels (text
 * that is not a number) and that has at least two labels, followed by a row with a number.
 */
export function detectHeaderRow(values: readonly (readonly unknown[])[]): number {
  const limit = Math.min(values.length - 1, 20);
  for (let r = 0; r < limit; r++) {
    const row = values[r];
    const filled = row.filter((v) => !isMissingCell(v));
    const labels = row.filter(isLabelCell).length;
    if (labels >= 2 && labels >= 0.6 * filled.length && values[r + 1].some(isNumberCell)) return r;
  }
  return 0;
}

/** Turn a block of cells into a table plus a summary. Throws nothing: problems show in the summary. */
export function detectPanel(block: SheetBlock): DetectedPanel {
  const { values } = block;
  const headerRow = values.length > 1 ? detectHeaderRow(values) : 0;
  const header = values[headerRow] ?? [];
  // drop trailing empty rows and columns with neither a header nor data
  let last = values.length - 1;
  while (last > headerRow && values[last].every(isMissingCell)) last--;
  const dataRows = values.slice(headerRow + 1, last + 1);
  const keep: number[] = [];
  for (let j = 0; j < header.length; j++) {
    if (!isMissingCell(header[j]) || dataRows.some((r) => !isMissingCell(r[j]))) keep.push(j);
  }
  const used = new Set<string>();
  const names = keep.map((j) => {
    const h = header[j];
    let name = h === null || h === undefined || String(h).trim() === "" ? columnLetters(block.columnIndex + j) : String(h).trim();
    for (let k = 2; used.has(name); k++) name = `${String(h).trim()}_${k}`;
    used.add(name);
    return name;
  });
  const columns = keep.map((j) => dataRows.map((r) => (j < r.length ? r[j] : "")));
  const table: RawTable = { names, columns, rows: dataRows.length };
  const where = { sheet: block.sheet, rowIndex: block.rowIndex, columnIndex: block.columnIndex, source: block.source };

  const colSummaries: ColumnSummary[] = columns.map((cells, k) => {
    let missing = 0;
    let textCells = 0;
    let firstText: ColumnSummary["firstText"];
    for (let i = 0; i < cells.length; i++) {
      const v = cells[i];
      if (isMissingCell(v)) missing++;
      else if (!isNumberCell(v)) {
        textCells++;
        if (!firstText) firstText = { address: cellAddress(where, headerRow + 1 + i, keep[k]), value: String(v) };
      }
    }
    return { name: names[k], numeric: textCells === 0 && missing < cells.length, missing, textCells, firstText };
  });

  const city = guessIdColumn(table, colSummaries, "city");
  const year = guessIdColumn(table, colSummaries, "year");
  return { table, headerRow, summary: summarise(table, colSummaries, city, year), block: where, columnsInBlock: keep };
}

function guessIdColumn(t: RawTable, cols: readonly ColumnSummary[], role: "city" | "year"): string | undefined {
  const byName = t.names.find((n) => matchRole(n) === role);
  if (byName) return byName;
  if (role === "year") {
    return t.names.find((n, j) => {
      const c = t.columns[j];
      if (!cols[j].numeric || c.length === 0) return false;
      const nums = c.filter((v) => !isMissingCell(v)).map(Number);
      const distinct = new Set(nums).size;
      return nums.every((x) => Number.isInteger(x) && x >= 1900 && x <= 2100) && distinct <= 200 && distinct < c.length;
    });
  }
  return t.names.find((_, j) => !cols[j].numeric && cols[j].textCells > 0 && new Set(t.columns[j]).size > 1);
}

/** N, cities, years, balance and duplicates of a panel given its id columns. */
export function summarise(t: RawTable, columns: readonly ColumnSummary[], city?: string, year?: string): PanelSummary {
  const base = { rows: t.rows, columns, city, year };
  if (!city || !year) return { ...base, cities: 0, years: 0, balanced: false, duplicates: 0 };
  const cc = t.columns[t.names.indexOf(city)];
  const yc = t.columns[t.names.indexOf(year)];
  const cities = new Set<string>();
  const years = new Set<string>();
  const pairs = new Set<string>();
  let duplicates = 0;
  let missingIds = 0;
  for (let i = 0; i < t.rows; i++) {
    const c = parseIdCell(cc[i]);
    const y = parseIdCell(yc[i]);
    if (c === null || y === null) { missingIds++; continue; }
    cities.add(c);
    years.add(y);
    const key = `${c}\u0000${y}`;
    if (pairs.has(key)) duplicates++;
    else pairs.add(key);
  }
  const ys = [...years].map(Number).filter(Number.isFinite);
  return {
    ...base,
    cities: cities.size,
    years: years.size,
    yearMin: ys.length ? Math.min(...ys) : undefined,
    yearMax: ys.length ? Math.max(...ys) : undefined,
    balanced: missingIds === 0 && duplicates === 0 && pairs.size === cities.size * years.size,
    duplicates,
  };
}
