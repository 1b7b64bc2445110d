import { valueError } from "../errors";
import { shown as quoted } from "../i18n/quote";
import { factorize, IdColumn, numericColumn, NumericColumn } from "./columns";

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

/** Build a table from a header row and data rows (row-major), as a CSV reader gives them. */
export function tableFromRows(header: readonly unknown[], rows: readonly (readonly unknown[])[]): RawTable {
  const names = header.map((h, j) => (h === null || h === undefined || String(h).trim() === "" ? `column${j + 1}` : String(h).trim()));
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) throw valueError(`the header names column "${quoted(n)}" twice`, `表头中列名“${quoted(n)}”重复`, { column: n });
    seen.add(n);
  }
  const columns = names.map((_, j) => rows.map((r) => (j < r.length ? r[j] : "")));
  return { names, columns, rows: rows.length };
}

/** Index of a named column, or an error listing what exists. */
export function columnIndex(t: RawTable, name: string): number {
  const j = t.names.indexOf(name);
  if (j < 0) {
    const list = t.names.slice(0, 40).map((n) => quoted(n, 30)).join(", ") + (t.names.length > 40 ? ", …" : "");
    throw valueError(`no column named "${quoted(name)}" (columns: ${list})`, `找不到名为“${quoted(name)}”的列（现有列：${list}）`, { column: name });
  }
  return j;
}

/** Parse a named column as numbers; data rows are numbered from 2 (row 1 is the header). */
export const tableNumeric = (t: RawTable, name: string): NumericColumn => numericColumn(name, t.columns[columnIndex(t, name)], 2);

/** Factorise a named id column. */
export const tableIds = (t: RawTable, name: string): IdColumn => factorize(name, t.columns[columnIndex(t, name)]);
