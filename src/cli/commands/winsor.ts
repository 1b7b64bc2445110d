import { IdColumn } from "../../engine/data/columns";
import { winsorize, WinsorResult } from "../../engine/index/winsor";
import { listOption, UsageError } from "../args";
import { Command } from "../command";
import { shown } from "../../engine/i18n/quote";
import { fmt, textTable } from "../format";
import { byGroup, columnList, numericColumns, PER_ROW_NOTE, readDataFile } from "./indexCommon";

/** Parse `--cuts LO,HI` (default 1,99). */
export function parseCuts(v: string | boolean | undefined): [number, number] {
  if (v === undefined) return [1, 99];
  const parts = listOption(v);
  const nums = parts.map(Number);
  if (nums.length !== 2 || !nums.every(Number.isFinite)) throw new UsageError(`--cuts needs two numbers LO,HI (e.g. 1,99), got "${shown(v)}"`, `--cuts 需要两个数值 下限,上限（如 1,99），实际为“${shown(v)}”`);
  return [nums[0], nums[1]];
}

/** `citypanel winsor` — winsorise or trim at Stata `_pctile` cut points (docs/cli.md). */
export const winsorCommand: Command = {
  name: "winsor",
  summary: "winsorise (or trim) at Stata _pctile cut points, pooled or by group",
  usage: "citypanel winsor FILE --cols C1,… [--cuts 1,99] [--by G] [--trim] [--sheet NAME] [--json]",
  needsFile: true,
  options: {
    cols: { type: "string", help: "columns to winsorise, comma-separated" },
    cuts: { type: "string", help: "lower and upper percentiles (default 1,99; 0 / 100 = min / max)" },
    by: { type: "string", help: "cut points within each group (e.g. year)" },
    trim: { type: "boolean", help: "set values beyond the cut points to missing instead" },
    sheet: { type: "string", help: "worksheet of an .xlsx file (default: the first)" },
  },
  async run(args) {
    const cols = columnList(args, "cols");
    const cuts = parseCuts(args.values.cuts);
    const table = await readDataFile(args, cols);
    const by = byGroup(table, args);
    const trim = args.values.trim === true;
    const results = numericColumns(table, cols).map((c) => winsorize(c, { cuts, by, trim }));
    return { json: winsorJson(cols, results, cuts, trim, by), text: winsorText(cols, results, cuts, trim, by) };
  },
};

/** Pooled: a number; by group: level → number. */
const cut = (v: Float64Array, by?: IdColumn): unknown =>
  by ? Object.fromEntries(by.levels.map((l, g) => [l, v[g]])) : v[0];

export function winsorJson(cols: readonly string[], rs: readonly WinsorResult[], cuts: [number, number], trim: boolean, by?: IdColumn): Record<string, unknown> {
  return {
    command: "winsor",
    columns: Object.fromEntries(cols.map((n, j) => [n, {
      lo: cut(rs[j].lo, by),
      hi: cut(rs[j].hi, by),
      values: rs[j].values,
      n_low: rs[j].nLow,
      n_high: rs[j].nHigh,
    }])),
    cuts,
    mode: trim ? "trim" : "winsorize",
    ...(by ? { by: by.name } : {}),
  };
}

export function winsorText(cols: readonly string[], rs: readonly WinsorResult[], cuts: [number, number], trim: boolean, by?: IdColumn): string {
  const verb = trim ? "trimmed" : "clipped";
  const head = `${trim ? "Trim" : "Winsorise"} at percentiles ${cuts[0]} / ${cuts[1]} (Stata _pctile)${by ? `, by ${by.name}` : ", pooled"}`;
  if (!by) {
    const rows = [["column", "lo", "hi", `${verb} low`, `${verb} high`], ...cols.map((n, j) => [n, fmt(rs[j].lo[0]), fmt(rs[j].hi[0]), String(rs[j].nLow), String(rs[j].nHigh)])];
    return [head, textTable(rows), PER_ROW_NOTE].join("\n");
  }
  const rows = [["column", by.name, "lo", "hi"]];
  cols.forEach((n, j) => by.levels.forEach((l, g) => rows.push([g === 0 ? n : "", l, fmt(rs[j].lo[g]), fmt(rs[j].hi[g])])));
  const counts = cols.map((n, j) => `${n}: ${rs[j].nLow} low, ${rs[j].nHigh} high ${verb}`).join("; ");
  return [head, textTable(rows), counts, PER_ROW_NOTE].join("\n");
}
