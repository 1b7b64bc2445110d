import { headerNames, RawTable } from "../engine/data/table";
import { ColumnRequest } from "../engine/data/typedTable";
import { isCityPanelError } from "../engine/errors";
import { damagedXlsxError, emptySheetError, formulasWithoutResultsError, noSheetError, noWorksheetError, readXlsx } from "./readXlsx";
import { MergedRange, watchMergedCells } from "./xlsxMergedCells";
import { isFormulaWithoutResult, xlsxCellValue } from "./xlsxRows";

interface StreamRow {
  readonly number: number;
  readonly cellCount: number;
  getCell(c: number): { value: unknown };
  eachCell(f: (cell: { value: unknown }, col: number) => void): void;
}
interface StreamSheet extends AsyncIterable<StreamRow> { readonly name: string }

/**
 * Read an .xlsx sheet as readXlsx does (the same cells, names, row count and errors), but
 * streaming: exceljs's WorkbookReader parses the sheet XML row by row and only the columns the
 * command uses are kept, so a 1,048,576-row sheet needs some hundred MB instead of several GB
 * (and a few times less time). Used by readTable for large files.
 */
export async function readXlsxStreaming(file: string, sheet?: string, columns?: readonly ColumnRequest[]): Promise<RawTable> {
  const ExcelJS = await import("exceljs");
  const seen: string[] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: "emit", sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", entries: "ignore" });
    for await (const ws of reader as unknown as AsyncIterable<StreamSheet>) {
      seen.push(ws.name);
      if (sheet !== undefined && ws.name !== sheet) {
        for await (const _ of ws) void _; // the entry must be read through before the next one
        continue;
      }
      const merged = watchMergedCells(ws);
      const table = await sheetTable(file, ws, merged, columns);
      // a column named only by the full width ("column7" of a row wider than the header): the whole-workbook reader
      return table ?? readXlsx(file, sheet, columns);
    }
  } catch (e) {
    // a refusal, or a fault of ours (not the file's): as it is
    if (isCityPanelError(e) || (e instanceof Error && e.message.startsWith("internal:"))) throw e;
    throw damagedXlsxError(file, e);
  }
  if (seen.length === 0) throw noWorksheetError(file);
  throw noSheetError(file, sheet ?? "", seen);
}

async function sheetTable(file: string, ws: StreamSheet, merged: readonly MergedRange[], columns?: readonly ColumnRequest[]): Promise<RawTable | null> {
  let header: unknown[] = [];
  let width = 0;
  let lastRow = 0; // the last row (1-based) holding a value: trailing empty rows are dropped
  let wanted: number[] | null = null;
  let cells: unknown[][] = [];
  const formulaOnly = new Set<number>();
  for await (const row of ws) {
    width = Math.max(width, row.cellCount);
    let filled = false;
    row.eachCell((cell, c) => {
      const v = cell.value;
      if (isFormulaWithoutResult(v)) formulaOnly.add(c - 1);
      if (!filled) { const x = xlsxCellValue(v); filled = x !== "" && x !== null; }
    });
    if (filled) lastRow = row.number;
    if (row.number === 1) { header = Array.from({ length: row.cellCount }, (_, j) => xlsxCellValue(row.getCell(j + 1).value)); continue; }
    if (!wanted) ({ wanted, cells } = choose(header, columns));
    const i = row.number - 2;
    for (let k = 0; k < wanted.length; k++) {
      const j = wanted[k];
      if (j < row.cellCount) cells[k][i] = xlsxCellValue(row.getCell(j + 1).value);
    }
  }
  if (lastRow === 0) throw emptySheetError(file);
  const full = Array.from({ length: width }, (_, j) => (j < header.length ? header[j] : ""));
  const names = headerNames(full);
  if (!wanted) ({ wanted, cells } = choose(full, columns));
  if (merged.length) {
    const filled = fillMerged(merged, wanted, cells, width, lastRow);
    if (filled === null) return null;
    lastRow = filled;
  }
  const picked = new Set(wanted.map((j) => names[j]));
  const needed = columns ? columns.map((c) => c.name) : names;
  if (needed.some((n) => names.includes(n) && !picked.has(n))) return null;
  const rows = Math.max(0, lastRow - 1);
  const byColumn = new Map<number, unknown[]>();
  wanted.forEach((j, k) => {
    const out = new Array<unknown>(rows);
    const got = cells[k];
    for (let i = 0; i < rows; i++) out[i] = i < got.length && got[i] !== undefined ? got[i] : "";
    byColumn.set(j, out);
  });
  for (const j of formulaOnly) if (byColumn.has(j)) throw formulasWithoutResultsError(file, names[j]);
  return { names, columns: names.map((_, j) => byColumn.get(j) ?? []), rows };
}

/**
 * Give every cell of a merged range the range's top-left value, in the kept columns, as the
 * whole-workbook reader does; returns the last row then holding a value (a merged range with a
 * value may reach below the last filled row), or null when the streaming read cannot tell what
 * the whole-workbook reader would give (a merge in the header row or wider than the sheet, or a
 * kept column whose range starts in a column not kept): the caller then reads the whole workbook.
 */
function fillMerged(merged: readonly MergedRange[], wanted: readonly number[], cells: unknown[][], width: number, lastRow: number): number | null {
  let last = lastRow;
  for (const m of merged) {
    if (m.top === 1 || m.right > width) return null;
    const k0 = wanted.indexOf(m.left - 1);
    const kept = wanted.map((j, k) => (j >= m.left - 1 && j <= m.right - 1 ? k : -1)).filter((k) => k >= 0);
    if (k0 < 0) {
      if (kept.length > 0 || m.bottom > last) return null;
      continue;
    }
    const value = cells[k0][m.top - 2] ?? "";
    const empty = value === "" || value === null;
    // an empty top-left cell empties the range (a value left in a covered cell is not shown)
    const bottom = empty ? Math.min(m.bottom, last) : m.bottom;
    for (const k of kept) for (let r = m.top; r <= bottom; r++) cells[k][r - 2] = value;
    if (!empty) last = Math.max(last, m.bottom);
  }
  return last;
}

/** The 0-based indices of the columns asked for (all when none are named), and their cell lists. */
function choose(header: readonly unknown[], columns?: readonly ColumnRequest[]): { wanted: number[]; cells: unknown[][] } {
  const names = headerNames(header);
  let wanted: number[];
  if (columns) {
    wanted = [];
    for (const c of columns) {
      const j = names.indexOf(c.name);
      // a name not in the header row may still be a "columnN" of a wider row further down:
      // decided at the end (headerNames over the full width), so only known names are picked here
      if (j >= 0 && !wanted.includes(j)) wanted.push(j);
    }
  } else wanted = names.map((_, j) => j);
  return { wanted, cells: wanted.map(() => []) };
}
