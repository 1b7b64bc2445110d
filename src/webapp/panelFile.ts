import { parse } from "csv-parse/sync";
import { valueError } from "../engine/errors";
import { worksheetRows } from "../cli/xlsxRows";

/**
 * The web app's file reading, in the browser (the file never leaves it): a CSV in UTF-8 (with
 * or without BOM) or GBK / GB18030, or the first sheet of an .xlsx, as rows of raw cells —
 * parsed as `citypanel` parses them (csv-parse with the same options; the same .xlsx cell
 * reduction), so the study sees the same cells.
 */
export async function panelFileRows(name: string, bytes: Uint8Array): Promise<unknown[][]> {
  const ext = /\.[^.]+$/.exec(name.toLowerCase())?.[0] ?? "";
  if (ext === ".xls") throw valueError(`${name}: the old .xls format is not supported; save it as .xlsx or .csv`, `${name}：不支持旧版 .xls 格式，请另存为 .xlsx 或 .csv`);
  const rows = ext === ".xlsx" ? await xlsxRows(name, bytes) : csvRows(name, decodeText(bytes));
  if (rows.length === 0) throw valueError(`${name} is empty`, `${name} 为空`);
  return rows;
}

/** UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), else GB18030 (a superset of GBK), as Chinese Excel saves CSV. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

function csvRows(name: string, text: string): string[][] {
  try {
    return parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false, trim: false });
  } catch (e) {
    const msg = (e as Error).message;
    throw valueError(`${name}: not a valid CSV file (${msg})`, `${name}：不是有效的 CSV 文件（${msg}）`);
  }
}

async function xlsxRows(name: string, bytes: Uint8Array): Promise<unknown[][]> {
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (e) {
    const msg = (e as Error).message;
    throw valueError(`${name}: not a readable .xlsx file (${msg})`, `${name}：无法读取的 .xlsx 文件（${msg}）`);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw valueError(`${name} has no worksheet`, `${name} 中没有工作表`);
  return worksheetRows(ws);
}
