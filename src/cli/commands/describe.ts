import { NumericColumn } from "../../engine/data/columns";
import { DataTable, isTypedTable, tableNumeric } from "../../engine/data/table";
import { isNumericText } from "../../engine/data/cell";
import { isCityPanelError } from "../../engine/errors";
import { Description, describeColumn, DETAIL_PERCENTILES } from "../../engine/index/describe";
import { listOption, UsageError } from "../args";
import { Command } from "../command";
import { shown } from "../../engine/i18n/quote";
import { fmt, textTable } from "../format";
import { readDataFile } from "./indexCommon";

/**
 * Every column of the table that parses as numbers and has a value (for describe without
 * --cols). A text column is left out; a column of numbers with one beyond double precision
 * ("1e400") is an error, not silently left out.
 */
function numericColumnsOf(table: DataTable): NumericColumn[] {
  const out: NumericColumn[] = [];
  table.names.forEach((name, j) => {
    try {
      const c = tableNumeric(table, name);
      if (c.values.some((v) => v === v)) out.push(c);
    } catch (e) {
      if (!isCityPanelError(e)) throw e;
      const bad = isTypedTable(table)
        ? table.columns.get(name)?.firstText?.text
        : e.place.row === undefined ? undefined : table.columns[j][e.place.row - 2];
      if (typeof bad === "string" && isNumericText(bad)) throw e; // a number too large, not text
    }
  });
  return out;
}

/** `citypanel describe` — descriptive statistics as Stata `summarize` (docs/cli.md). */
export const describeCommand: Command = {
  name: "describe",
  summary: "descriptive statistics (N, mean, SD, min, max; --detail: percentiles, skewness, kurtosis)",
  usage: "citypanel describe FILE [--cols C1,…] [--detail] [--percentiles 1,50,99] [--sheet NAME] [--json]",
  needsFile: true,
  options: {
    cols: { type: "string", help: "columns to describe (default: every numeric column)" },
    detail: { type: "boolean", help: "add percentiles 1 5 10 25 50 75 90 95 99 (Stata _pctile), skewness, kurtosis" },
    percentiles: { type: "string", help: "percentiles to add, comma-separated (type 2, as Stata)" },
    sheet: { type: "string", help: "worksheet of an .xlsx file (default: the first)" },
  },
  async run(args) {
    const v = args.values;
    const detail = v.detail === true;
    const asked = listOption(v.percentiles).map((s) => {
      const p = Number(s);
      if (!Number.isFinite(p)) throw new UsageError(`--percentiles: "${shown(s)}" is not a number`, `--percentiles：“${shown(s)}”不是数值`);
      return p;
    });
    const percentiles = asked.length > 0 ? asked : detail ? DETAIL_PERCENTILES : [];
    const names = listOption(v.cols);
    const table = await readDataFile(args, names.length > 0 ? names : undefined);
    const cols = names.length > 0 ? names.map((n) => tableNumeric(table, n)) : numericColumnsOf(table);
    if (cols.length === 0) throw new UsageError("the file has no numeric column to describe", "文件中没有可描述的数值列");
    const ds = cols.map((c) => describeColumn(c, { percentiles, moments: detail }));
    return { json: describeJson(cols, ds), text: describeText(cols, ds) };
  },
};

function describeEntry(d: Description): Record<string, unknown> {
  const e: Record<string, unknown> = { n: d.n, mean: d.mean, sd: d.sd, min: d.min, max: d.max };
  if (d.percentiles) e.percentiles = Object.fromEntries([...d.percentiles].map(([p, q]) => [String(p), q]));
  if (d.skewness !== undefined) { e.skewness = d.skewness; e.kurtosis = d.kurtosis; }
  return e;
}

export const describeJson = (cols: readonly NumericColumn[], ds: readonly Description[]): Record<string, unknown> => ({
  command: "describe",
  columns: Object.fromEntries(cols.map((c, j) => [c.name, describeEntry(ds[j])])),
});

export function describeText(cols: readonly NumericColumn[], ds: readonly Description[]): string {
  const ps = ds[0].percentiles ? [...ds[0].percentiles.keys()] : [];
  const moments = ds[0].skewness !== undefined;
  const header = ["variable", "N", "mean", "SD", "min", "max", ...ps.map((p) => `p${p}`), ...(moments ? ["skewness", "kurtosis"] : [])];
  const rows = cols.map((c, j) => {
    const d = ds[j];
    return [c.name, String(d.n), fmt(d.mean, 4), fmt(d.sd, 4), fmt(d.min, 4), fmt(d.max, 4),
      ...ps.map((p) => fmt(d.percentiles!.get(p), 4)), ...(moments ? [fmt(d.skewness, 4), fmt(d.kurtosis, 4)] : [])];
  });
  return textTable([header, ...rows]);
}
