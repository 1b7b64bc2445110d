import { parse } from "csv-parse/sync";
import { byteOrderMark, looksUtf8, utf16WithoutBom } from "../engine/data/bytes/encoding";
import { fileKindOfBytes } from "../engine/data/bytes/fileKind";
import { detectDelimiter, firstRecordEnd } from "../engine/data/bytes/header";
import { valueError } from "../engine/errors";
import { worksheetRows } from "../cli/xlsxRows";

/**
 * The web app's file reading, in the browser (the file never leaves it): a CSV or the first
 * sheet of an .xlsx, as rows of raw cells. The file's kind is told by its bytes and its text's
 * encoding and delimiter are found by the command line's own rules (engine/data/bytes: .xls,
 * .ods and a text file named .xlsx refused; UTF-8 with or without BOM, UTF-16 LE/BE with or
 * without BOM, else GB18030, a superset of GBK, as Chinese Excel saves CSV; `,` `;` tab `|`
 * from the header line); cells are parsed by csv-parse and the same .xlsx cell reduction, so
 * the study sees the same cells as `citypanel study`.
 */
export async function panelFileRows(name: string, bytes: Uint8Array): Promise<unknown[][]> {
  const ext = /\.[^.]+$/.exec(name.toLowerCase())?.[0] ?? "";
  if (bytes.length === 0) throw valueError(`${name} is empty`, `${name} 为空`);
  const kind = fileKindOfBytes(name, ext, bytes.subarray(0, 256));
  if (kind === "parquet") {
    throw valueError(
      `${name}: Parquet files are read by the command line (citypanel study ${name}); in the web app use .xlsx or .csv`,
      `${name}：Parquet 文件请用命令行读取（citypanel study ${name}）；网页版请使用 .xlsx 或 .csv`,
    );
  }
  const rows = kind === "xlsx" ? await xlsxRows(name, bytes) : csvRows(name, decodeText(bytes));
  if (rows.length === 0) throw valueError(`${name} is empty`, `${name} 为空`);
  return rows;
}

/**
 * A text file's characters: the encoding a byte-order mark names (the mark dropped), UTF-16
 * without a mark told by its zero bytes, UTF-8 when the bytes are valid UTF-8, else GB18030.
 *
 * @example
 * decodeText(Uint8Array.of(0xb1, 0xb1, 0xbe, 0xa9))   // "北京" (GBK)
 */
export function decodeText(bytes: Uint8Array): string {
  const bom = byteOrderMark(bytes);
  const encoding = bom?.encoding ?? utf16WithoutBom(bytes) ?? (looksUtf8(bytes) ? "utf-8" : "gb18030");
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bom ? bytes.subarray(bom.length) : bytes);
}

/**
 * The delimiter of a CSV's text, from its header line (the command line's rule). Only ASCII
 * matters to it (quotes, delimiters, line breaks), so other characters pass as one 0x80 byte.
 */
export function csvDelimiter(text: string): string {
  const sample = text.slice(0, 65536);
  const head = new Uint8Array(sample.length);
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    head[i] = c < 0x80 ? c : 0x80;
  }
  const end = firstRecordEnd(head);
  return String.fromCharCode(detectDelimiter(end < 0 ? head : head.subarray(0, end)));
}

function csvRows(name: string, text: string): string[][] {
  const delimiter = csvDelimiter(text);
  try {
    return parse(text, { bom: true, delimiter, skip_empty_lines: true, relax_column_count: false, trim: false });
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
