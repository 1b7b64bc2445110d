import * as fs from "fs";
import * as path from "path";
import { parse } from "csv-parse/sync";
import { valueError } from "../engine/errors";
import { RawTable, tableFromRows } from "../engine/data/table";
import { worksheetRows } from "./xlsxRows";

/**
 * Read a CSV (UTF-8, optional BOM, header row, comma-separated) or an .xlsx file (first
 * sheet, or `sheet`) into a RawTable. Cells stay raw; the engine decides what is missing.
 */
export async function readTable(file: string, sheet?: string): Promise<RawTable> {
  if (!fs.existsSync(file)) throw valueError(`file not found: ${file}`, `找不到文件：${file}`);
  const ext = path.extname(file).toLowerCase();
  if (ext === ".xlsx") return readXlsx(file, sheet);
  if (ext === ".xls") throw valueError(`${file}: the old .xls format is not supported; save it as .xlsx or .csv`, `${file}：不支持旧版 .xls 格式，请另存为 .xlsx 或 .csv`);
  return readCsv(file);
}

export function readCsv(file: string): RawTable {
  const text = fs.readFileSync(file, "utf8");
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false, trim: false });
  } catch (e) {
    const msg = (e as Error).message;
    throw valueError(`${file}: not a valid CSV file (${msg})`, `${file}：不是有效的 CSV 文件（${msg}）`);
  }
  if (records.length === 0) throw valueError(`${file} is empty`, `${file} 为空`);
  return tableFromRows(records[0], records.slice(1));
}

async function readXlsx(file: string, sheet?: string): Promise<RawTable> {
  const ExcelJS = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = sheet ? wb.getWorksheet(sheet) : wb.worksheets[0];
  if (!ws) {
    const names = wb.worksheets.map((w) => w.name).join(", ");
    throw valueError(`${file}: no sheet named "${sheet}" (sheets: ${names})`, `${file}：没有名为“${sheet}”的工作表（现有：${names}）`);
  }
  const dense = worksheetRows(ws);
  if (dense.length === 0) throw valueError(`${file}: the sheet is empty`, `${file}：工作表为空`);
  return tableFromRows(dense[0], dense.slice(1));
}
