import { RawTable, tableFromRows } from "../engine/data/table";
import { ColumnRequest } from "../engine/data/typedTable";
import { isCityPanelError, valueError } from "../engine/errors";
import { worksheetRows } from "./xlsxRows";

/**
 * Read an .xlsx sheet (the first, or `sheet`) into a RawTable with exceljs. Cells stay raw;
 * the engine decides what is missing. A damaged archive is an error that says so; formula
 * cells saved without their results (files written by scripts, never opened in Excel) in a
 * column the command uses are an error, not silently missing values.
 */
export async function readXlsx(file: string, sheet?: string, columns?: readonly ColumnRequest[]): Promise<RawTable> {
  const ExcelJS = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    if (isCityPanelError(e)) throw e;
    throw damagedXlsxError(file, e);
  }
  if (wb.worksheets.length === 0) throw noWorksheetError(file);
  const ws = sheet ? wb.getWorksheet(sheet) : wb.worksheets[0];
  if (!ws) throw noSheetError(file, sheet ?? "", wb.worksheets.map((w) => w.name));
  const formulaOnly = new Set<number>();
  const dense = worksheetRows(ws, formulaOnly);
  if (dense.length === 0) throw emptySheetError(file);
  const table = tableFromRows(dense[0], dense.slice(1));
  const used = columns ? new Set(columns.map((c) => c.name)) : undefined;
  for (const j of formulaOnly) {
    const name = table.names[j];
    if (used && !used.has(name)) continue;
    throw formulasWithoutResultsError(file, name);
  }
  return table;
}

export const damagedXlsxError = (file: string, e: unknown) =>
  valueError(
    `${file}: the .xlsx file is damaged or incomplete and cannot be opened (${cut((e as Error)?.message ?? String(e))}); save it again from Excel`,
    `${file}：.xlsx 文件已损坏或不完整，无法打开（${cut((e as Error)?.message ?? String(e))}）；请在 Excel 中重新保存`,
  );

export const noWorksheetError = (file: string) =>
  valueError(`${file}: the workbook has no worksheet (is it really an .xlsx file?)`, `${file}：工作簿中没有工作表（确认是 .xlsx 文件吗？）`);

export const noSheetError = (file: string, sheet: string, sheets: readonly string[]) =>
  valueError(`${file}: no sheet named "${sheet}" (sheets: ${sheets.join(", ")})`, `${file}：没有名为“${sheet}”的工作表（现有：${sheets.join(", ")}）`);

export const emptySheetError = (file: string) => valueError(`${file}: the sheet is empty`, `${file}：工作表为空`);

export const formulasWithoutResultsError = (file: string, name: string) =>
  valueError(
    `${file}: cells of column "${name}" are formulas without saved results; open and save the file in Excel first`,
    `${file}：列“${name}”的单元格是没有保存计算结果的公式；请先在 Excel 中打开并保存该文件`,
  );

const cut = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s).replace(/\s+/g, " ");
