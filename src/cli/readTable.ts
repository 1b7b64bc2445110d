import * as fs from "fs";
import * as path from "path";
import { readColumnsFromBytesSync } from "../engine/data/bytes/readColumnsFromBytes";
import { DataTable } from "../engine/data/table";
import { ColumnRequest, ColumnUse } from "../engine/data/typedTable";
import { valueError } from "../engine/errors";
import { fileChunks } from "./fileChunks";
import { sniffFileKind } from "./fileKind";
import { progressReporter } from "./progress";
import { readParquet } from "./readParquet";
import { readXlsx } from "./readXlsx";
import { readXlsxStreaming } from "./readXlsxStream";

/**
 * Workbooks larger than this (compressed) are read streaming: exceljs's whole-workbook reader
 * needs about 40 times the file size in memory (4.7 GB and 105 s for a 116 MB, 1M-row sheet).
 */
export const XLSX_STREAM_ABOVE = 16 << 20;

export interface ReadTableOptions {
  /** Worksheet of an .xlsx file (default: the first). */
  readonly sheet?: string;
  /** The columns the command uses and how (numbers, ids, both); default: every column, both. */
  readonly columns?: readonly ColumnRequest[];
  /** `--encoding` (CSV): utf-8, utf-16le, utf-16be, gb18030; default: detect. */
  readonly encoding?: string;
  /** `--delimiter` (CSV); default: detect from the header line. */
  readonly delimiter?: string;
  /** How to read every column when `columns` is not given (default: both). */
  readonly defaultUse?: ColumnUse;
  /** Print a progress line on stderr when reading takes over a second. */
  readonly progress?: boolean;
}

/**
 * Read a data file for a command: CSV (any of the encodings and delimiters of the byte
 * reader, engine/data/bytes), .xlsx (first sheet or `sheet`) or .parquet. The kind is told by
 * the file's first bytes, not its name, so a renamed file gets a message that says what it is.
 */
export async function readTable(file: string, opts: ReadTableOptions = {}): Promise<DataTable> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw valueError(`file not found: ${file}`, `找不到文件：${file}`);
  }
  if (stat.isDirectory()) throw valueError(`${file} is a directory, not a data file`, `${file} 是文件夹，不是数据文件`);
  if (stat.size === 0 && stat.isFile()) throw valueError(`${file} is empty (0 bytes)`, `${file} 为空（0 字节）`);
  const kind = sniffFileKind(file, path.extname(file).toLowerCase());
  if (kind === "xlsx") return stat.size > XLSX_STREAM_ABOVE ? readXlsxStreaming(file, opts.sheet, opts.columns) : readXlsx(file, opts.sheet, opts.columns);
  if (kind === "parquet") return readParquet(file, opts.columns);
  const progress = opts.progress ? progressReporter(file, stat.size) : undefined;
  try {
    return readColumnsFromBytesSync(() => fileChunks(file), {
      columns: opts.columns, defaultUse: opts.defaultUse, encoding: opts.encoding, delimiter: opts.delimiter, totalBytes: stat.size,
      onProgress: progress?.update,
    });
  } finally {
    progress?.done();
  }
}

