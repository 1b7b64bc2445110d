/**
 * Reading the panel through Office.js: the selection, a named range or an Excel table, in
 * chunks (Excel on the web limits a request to 5 MB and every platform a read to 5 million
 * cells).
 */
import { valueError } from "../../engine/errors";
import { DataSource } from "../model/dataSource";
import { columnLetters, SheetBlock } from "../model/detectPanel";

/** Cells per read request: well under the 5 MB payload limit of Excel on the web. */
export const DEFAULT_MAX_CELLS_PER_READ = 100_000;
/** Excel's hard limit of cells in one read, on every platform. */
export const EXCEL_MAX_CELLS_PER_READ = 5_000_000;

export interface ReadOptions {
  readonly maxCellsPerRead?: number;
  readonly onProgress?: (rowsRead: number, rows: number) => void;
}

/** Named ranges and Excel tables of the workbook, for the source picker. */
export async function listSources(): Promise<{ names: string[]; tables: string[] }> {
  return Excel.run(async (context) => {
    const names = context.workbook.names;
    const tables = context.workbook.tables;
    names.load("items/name,items/type");
    tables.load("items/name");
    await context.sync();
    return {
      names: names.items.filter((n) => String(n.type) === "Range").map((n) => n.name),
      tables: tables.items.map((t) => t.name),
    };
  });
}

/** Read the selection, a named range or an Excel table (with its header row). */
export async function readSource(source: Exclude<DataSource, { kind: "file" }>, opts: ReadOptions = {}): Promise<SheetBlock> {
  return Excel.run(async (context) => {
    let range: Excel.Range;
    let label: string;
    if (source.kind === "selection") {
      range = context.workbook.getSelectedRange();
      label = "";
    } else if (source.kind === "name") {
      const item = context.workbook.names.getItemOrNullObject(source.name);
      await context.sync();
      if (item.isNullObject) throw valueError(`The workbook has no range named "${source.name}".`, `工作簿中没有名为“${source.name}”的区域。`);
      range = item.getRange();
      label = source.name;
    } else {
      const item = context.workbook.tables.getItemOrNullObject(source.name);
      await context.sync();
      if (item.isNullObject) throw valueError(`The workbook has no table named "${source.name}".`, `工作簿中没有名为“${source.name}”的表格。`);
      range = item.getRange();
      label = source.name;
    }
    range.load("address,rowIndex,columnIndex,rowCount,columnCount");
    range.worksheet.load("name");
    const used = range.worksheet.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    await context.sync();
    let { rowIndex, columnIndex, rowCount, columnCount } = range;
    if (source.kind === "selection") {
      if (used.isNullObject) throw valueError("The sheet is empty: select your panel (with its header row) first.", "工作表为空：请先选中面板数据（含表头行）。");
      if (rowCount * columnCount === 1) {
        // one cell selected: take the sheet's used range
        ({ rowIndex, columnIndex, rowCount, columnCount } = used);
      } else {
        // whole columns or rows selected: clip to the used range
        const rowEnd = Math.min(rowIndex + rowCount, used.rowIndex + used.rowCount);
        const colEnd = Math.min(columnIndex + columnCount, used.columnIndex + used.columnCount);
        rowIndex = Math.max(rowIndex, used.rowIndex);
        columnIndex = Math.max(columnIndex, used.columnIndex);
        rowCount = Math.max(1, rowEnd - rowIndex);
        columnCount = Math.max(1, colEnd - columnIndex);
      }
    }
    const sheet = range.worksheet;
    const values = await readChunked(context, sheet, rowIndex, columnIndex, rowCount, columnCount, opts);
    const address = `${sheet.name}!${columnLetters(columnIndex)}${rowIndex + 1}:${columnLetters(columnIndex + columnCount - 1)}${rowIndex + rowCount}`;
    return { values, sheet: sheet.name, rowIndex, columnIndex, source: label ? `${label} (${address})` : address };
  });
}

/**
 * Read a block row-chunk by row-chunk, one sync per chunk, each chunk at most
 * `maxCellsPerRead` cells (a row is never split).
 */
export async function readChunked(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  rowIndex: number,
  columnIndex: number,
  rowCount: number,
  columnCount: number,
  opts: ReadOptions & { property?: "values" | "formulas" } = {},
): Promise<unknown[][]> {
  const prop = opts.property ?? "values";
  const budget = Math.min(opts.maxCellsPerRead ?? DEFAULT_MAX_CELLS_PER_READ, EXCEL_MAX_CELLS_PER_READ);
  const rowsPerChunk = Math.max(1, Math.floor(budget / Math.max(1, columnCount)));
  const out: unknown[][] = [];
  for (let r = 0; r < rowCount; r += rowsPerChunk) {
    const n = Math.min(rowsPerChunk, rowCount - r);
    const chunk = sheet.getRangeByIndexes(rowIndex + r, columnIndex, n, columnCount);
    chunk.load(prop);
    await context.sync();
    for (const row of chunk[prop]) out.push(row);
    opts.onProgress?.(r + n, rowCount);
  }
  return out;
}
