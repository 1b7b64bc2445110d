import { DataTable } from "../engine/data/table";
import { ColumnRequest, ColumnUse } from "../engine/data/typedTable";
import { OptionSpec, ParsedArgs } from "./args";
import { readTable } from "./readTable";

/** Options of every command that reads a data file (merged into each command's options by main). */
export const READER_OPTIONS: Record<string, OptionSpec> = {
  encoding: { type: "string", help: "CSV text encoding: utf-8, utf-16le, utf-16be, gb18030/gbk (default: detect)" },
  delimiter: { type: "string", help: "CSV field separator: , ; | or tab (default: detect from the header line)" },
  progress: { type: "boolean", help: "show the reading progress on stderr even with --json" },
};

/** The same, in Chinese (`--help --lang zh`). */
export const READER_HELP_ZH: Record<string, string> = {
  encoding: "CSV 文本编码：utf-8、utf-16le、utf-16be、gb18030/gbk（默认自动识别）",
  delimiter: "CSV 字段分隔符：, ; | 或 tab（默认按表头行识别）",
  progress: "即使使用 --json 也在 stderr 显示读取进度",
};

/** Requests for the columns a command uses: numbers, ids, or both when a name is in both lists. */
export function columnRequests(numbers: readonly string[], ids: readonly string[] = []): ColumnRequest[] {
  const use = new Map<string, ColumnUse>();
  for (const n of numbers) use.set(n, "number");
  for (const n of ids) use.set(n, use.get(n) === "number" ? "both" : "id");
  return [...use].map(([name, u]) => ({ name, use: u }));
}

const str = (v: string | boolean | undefined) => (typeof v === "string" ? v : undefined);

/**
 * Read `file` for a command with the reader options given on the command line: only
 * `columns` when given (else every column, as `defaultUse`); a progress line on stderr for
 * long reads when stderr is a terminal, silent with --json unless --progress.
 */
export function readData(args: ParsedArgs, file: string, columns?: readonly ColumnRequest[], defaultUse?: ColumnUse): Promise<DataTable> {
  const v = args.values;
  return readTable(file, {
    sheet: str(v.sheet),
    columns,
    defaultUse,
    encoding: str(v.encoding),
    delimiter: str(v.delimiter),
    progress: v.progress === true || (v.json !== true && process.stderr.isTTY === true),
  });
}
