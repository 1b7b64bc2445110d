import * as fs from "fs";
import { valueError } from "../engine/errors";

export type FileKind = "csv" | "xlsx" | "parquet";

/**
 * What a data file is, from its first bytes (a zip holding a workbook, an OLE2 compound file,
 * Parquet's `PAR1`, else text), checked against its extension. Files CityPanel cannot read
 * (.xls, .ods, a text file named .xlsx) are errors that say what to do.
 */
export function sniffFileKind(file: string, ext: string): FileKind {
  const head = Buffer.alloc(256);
  const fd = fs.openSync(file, "r");
  let n: number;
  try { n = fs.readSync(fd, head, 0, head.length, 0); } finally { fs.closeSync(fd); }
  const b = head.subarray(0, n);
  const zip = n >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5) && (b[3] === 4 || b[3] === 6);
  const ole2 = n >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
  const parquet = n >= 4 && b.toString("latin1", 0, 4) === "PAR1";
  if (zip && b.toString("latin1").includes("opendocument") || (!zip && ext === ".ods")) throw odsError(file);
  if (zip) return "xlsx";
  if (ole2) {
    throw valueError(
      `${file}: an old .xls workbook (or a password-protected file) is not supported; save it as .xlsx or .csv`,
      `${file}：不支持旧版 .xls 工作簿（或受密码保护的文件），请另存为 .xlsx 或 .csv`,
    );
  }
  if (parquet) return "parquet";
  if (ext === ".xlsx" || ext === ".xlsm") {
    throw valueError(
      `${file} is not an .xlsx workbook (its content is ${n > 0 && isText(b) ? "text, perhaps a CSV: rename it .csv" : "not a zip archive"}); save it from Excel as .xlsx or .csv`,
      `${file} 不是 .xlsx 工作簿（其内容${n > 0 && isText(b) ? "是文本，可能是 CSV：请改名为 .csv" : "不是 zip 压缩包"}）；请在 Excel 中另存为 .xlsx 或 .csv`,
    );
  }
  if (ext === ".xls") {
    throw valueError(`${file}: the old .xls format is not supported; save it as .xlsx or .csv`, `${file}：不支持旧版 .xls 格式，请另存为 .xlsx 或 .csv`);
  }
  if (ext === ".parquet") throw valueError(`${file} is not a Parquet file (it does not start with PAR1)`, `${file} 不是 Parquet 文件（开头不是 PAR1）`);
  return "csv";
}

const odsError = (file: string) =>
  valueError(`${file}: .ods is not supported; save as .xlsx or .csv`, `${file}：不支持 .ods 格式，请另存为 .xlsx 或 .csv`);

/** No NUL and few control bytes: text in some encoding. */
function isText(b: Uint8Array): boolean {
  let bad = 0;
  for (const c of b) if (c < 9 || (c > 13 && c < 32)) bad++;
  return bad <= b.length / 50;
}
