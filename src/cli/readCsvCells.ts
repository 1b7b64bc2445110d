import * as fs from "fs";
import { parse } from "csv-parse/sync";
import { RawTable, tableFromRows } from "../engine/data/table";
import { valueError } from "../engine/errors";

/**
 * A CSV file (UTF-8, comma-separated) as raw cells with csv-parse: the reader CityPanel used
 * before the byte reader, kept for scripts and tests that want worksheet-like cells
 * (`table.columns[j][i]`) and as the reference the byte reader's tests compare against.
 * Commands read files with readTable.
 */
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
