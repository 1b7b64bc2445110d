import { valueError } from "../errors";
import { shown as quoted } from "../i18n/quote";
import { parseNumericCell } from "./cell";
import { factorize, IdColumn, numericColumn, NumericColumn } from "./columns";
import { TypedTable } from "./typedTable";

/**
 * A rectangular data set as read from a CSV file, a worksheet range or an xlsx sheet:
 * column names and the raw cells of each column (not yet parsed).
 */
export interface RawTable {
  readonly names: readonly string[];
  /** Column-major raw cells: `columns[j][i]` is row i of column j. */
  readonly columns: readonly (readonly unknown[])[];
  readonly rows: number;
}

/** Either raw cells (worksheet ranges, small files) or typed columns read from bytes (typedTable.ts). */
export type DataTable = RawTable | TypedTable;

export const isTypedTable = (t: DataTable): t is TypedTable => (t as TypedTable).kind === "typed";

/** Column names from a header row: trimmed, blanks named `columnJ`; a repeated name is an error. */
export function headerNames(header: readonly unknown[]): string[] {
  const names = header.map((h, j) => (h === null || h === undefined || String(h).trim() === "" ? `column${j + 1}` : String(h).trim()));
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) throw valueError(`the header names column "${quoted(n)}" twice`, `表头中列名“${quoted(n)}”重复`, { column: n });
    seen.add(n);
  }
  return names;
}

/** Build a table from a header row and data rows (row-major), as a CSV reader gives them. */
export function tableFromRows(header: readonly unknown[], rows: readonly (readonly unknown[])[]): RawTable {
  const names = headerNames(header);
  const columns = names.map((_, j) => rows.map((r) => (j < r.length ? r[j] : "")));
  return { names, columns, rows: rows.length };
}

/** The error for a column that does not exist, listing (up to 40 of) those that do. */
export function noColumnError(name: string, names: readonly string[]) {
  const list = names.slice(0, 40).map((n) => quoted(n, 30)).join(", ") + (names.length > 40 ? ", …" : "");
  return valueError(`no column named "${quoted(name)}" (columns: ${list})`, `找不到名为“${quoted(name)}”的列（现有列：${list}）`, { column: name });
}

/** Index of a named column, or an error listing what exists. */
export function columnIndex(t: DataTable, name: string): number {
  const j = t.names.indexOf(name);
  if (j < 0) throw noColumnError(name, t.names);
  return j;
}

function typedColumn(t: TypedTable, name: string) {
  columnIndex(t, name);
  const c = t.columns.get(name);
  if (!c) throw new Error(`internal: column "${name}" was not read`);
  return c;
}

/** Parse a named column as numbers; data rows are numbered from 2 (row 1 is the header). */
export function tableNumeric(t: DataTable, name: string): NumericColumn {
  if (!isTypedTable(t)) return numericColumn(name, t.columns[columnIndex(t, name)], 2);
  const c = typedColumn(t, name);
  if (c.firstText) {
    // the same error as for a cell of a worksheet range (not a number, or beyond double precision)
    parseNumericCell(c.firstText.text, name, c.firstText.row);
    throw new Error(`internal: "${c.firstText.text}" was refused by the reader but not by parseNumericCell`);
  }
  if (!c.values) throw new Error(`internal: column "${name}" was not read as numbers`);
  return { name, values: c.values, firstRow: 2 };
}

/** Factorise a named id column. */
export function tableIds(t: DataTable, name: string): IdColumn {
  if (!isTypedTable(t)) return factorize(name, t.columns[columnIndex(t, name)]);
  const c = typedColumn(t, name);
  if (!c.codes || !c.levels) throw new Error(`internal: column "${name}" was not read as ids`);
  return { name, codes: c.codes, levels: c.levels };
}

/**
 * The cells of column j as a worksheet would hold them (numbers, text, "" when missing), for
 * writing the data back (the template's Data sheet). A typed column must have been read as "both".
 */
export function tableCells(t: DataTable, j: number): ArrayLike<unknown> {
  if (!isTypedTable(t)) return t.columns[j];
  const c = typedColumn(t, t.names[j]);
  if (c.values && !c.firstText) return Array.from(c.values, (v) => (v === v ? v : ""));
  if (!c.codes || !c.levels) throw new Error(`internal: column "${t.names[j]}" was not read as text`);
  const levels = c.levels;
  return Array.from(c.codes, (k) => (k < 0 ? "" : levels[k]));
}
