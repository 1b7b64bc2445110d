import { IdColumn, NumericColumn } from "../../engine/data/columns";
import { DataTable, tableIds, tableNumeric } from "../../engine/data/table";
import { Bilingual } from "../../engine/i18n/lang";
import { describeColumn } from "../../engine/index/describe";
import { listOption, ParsedArgs, UsageError } from "../args";
import { fmt } from "../format";
import { columnRequests, readData } from "../readerOptions";

/**
 * Helpers shared by the index commands (entropy, pca, winsor, locquot, describe, ris,
 * coupling): reading the file and columns, the `--by` group, and short text summaries.
 */

/**
 * Read the data FILE (first positional), honouring `--sheet` and the reader options: the
 * numeric columns `numbers` and the `--by` group; without `numbers`, every column as numbers.
 */
export function readDataFile(args: ParsedArgs, numbers?: readonly string[]): Promise<DataTable> {
  const by = typeof args.values.by === "string" && args.values.by.trim() !== "" ? [args.values.by.trim()] : [];
  return numbers ? readData(args, args.positionals[0], columnRequests(numbers, by)) : readData(args, args.positionals[0], undefined, "number");
}

/** A required comma-separated list of column names (`--cols`), at least `min` long. */
export function columnList(args: ParsedArgs, option: string, min = 1): string[] {
  const names = listOption(args.values[option]);
  if (names.length < min) {
    throw new UsageError(`--${option} needs at least ${min === 1 ? "one column" : `${min} columns`}`, `--${option} 至少需要 ${min} 列`);
  }
  return names;
}

/** Parse the named numeric columns. */
export const numericColumns = (table: DataTable, names: readonly string[]): NumericColumn[] => names.map((n) => tableNumeric(table, n));

/** The `--by` group column, if given. */
export function byGroup(table: DataTable, args: ParsedArgs): IdColumn | undefined {
  const by = args.values.by;
  if (by === undefined) return undefined;
  if (typeof by !== "string" || by.trim() === "") throw new UsageError("--by needs a column name", "--by 需要一个列名");
  return tableIds(table, by.trim());
}

/** Name → value object. */
export const keyed = <T>(names: readonly string[], values: ArrayLike<T>): Record<string, T> =>
  Object.fromEntries(names.map((n, j) => [n, values[j]]));

/** Warnings as text lines ("warning: …"), English. */
export const warningLines = (warnings: readonly Bilingual[]): string[] => warnings.map((w) => `warning: ${w.en}`);

/** One line summarising a per-row result: N, mean, SD, min, max. */
export function seriesSummary(label: string, values: Float64Array): string {
  const present = values.some((v) => v === v);
  if (!present) return `${label}: no values`;
  const d = describeColumn({ name: label, values });
  return `${label}: N = ${d.n}   mean = ${fmt(d.mean)}   sd = ${fmt(d.sd)}   min = ${fmt(d.min)}   max = ${fmt(d.max)}`;
}

/** Footer for commands whose result is a column. */
export const PER_ROW_NOTE = "per-row values: use --json (input row order, null where not computed)";
