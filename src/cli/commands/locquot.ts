import { tableNumeric } from "../../engine/data/table";
import { locationQuotient, LocationQuotientResult } from "../../engine/index/locquot";
import { requiredOption } from "../args";
import { Command } from "../command";
import { fmt, textTable } from "../format";
import { byGroup, PER_ROW_NOTE, readDataFile, seriesSummary } from "./indexCommon";

/** `citypanel locquot` — location quotient (docs/cli.md). */
export const locquotCommand: Command = {
  name: "locquot",
  summary: "location quotient (F_it/K_it)/(F_t/K_t), totals per group (e.g. year) or overall",
  usage: "citypanel locquot FILE --num F --den K [--by G] [--sheet NAME] [--json]",
  needsFile: true,
  options: {
    num: { type: "string", help: "numerator column F (e.g. R&D spending)" },
    den: { type: "string", help: "denominator column K (e.g. fiscal spending)" },
    by: { type: "string", help: "totals within each group (e.g. year); default: one total over all rows" },
    sheet: { type: "string", help: "worksheet of an .xlsx file (default: the first)" },
  },
  async run(args) {
    const num = requiredOption(args.values, "num");
    const den = requiredOption(args.values, "den");
    const table = await readDataFile(args, [num, den]);
    const r = locationQuotient(tableNumeric(table, num), tableNumeric(table, den), byGroup(table, args));
    return { json: locquotJson(r), text: locquotText(r, num, den) };
  },
};

export function locquotJson(r: LocationQuotientResult): Record<string, unknown> {
  const g = (x: LocationQuotientResult["groups"][number]) => ({ nobs: x.nobs, sum_num: x.sumNum, sum_den: x.sumDen, ratio: x.ratio });
  return {
    command: "locquot",
    lq: r.lq,
    nobs: r.nobs,
    groups: r.groups[0]?.level === null ? g(r.groups[0]) : Object.fromEntries(r.groups.map((x) => [x.level as string, g(x)])),
  };
}

export function locquotText(r: LocationQuotientResult, num: string, den: string): string {
  const rows = [["group", "N", `Σ ${num}`, `Σ ${den}`, "ratio"],
    ...r.groups.map((x) => [x.level ?? "all rows", String(x.nobs), fmt(x.sumNum), fmt(x.sumDen), fmt(x.ratio)])];
  return [`Location quotient (${num}/${den}) / (Σ${num}/Σ${den})`, textTable(rows), seriesSummary("LQ", r.lq), PER_ROW_NOTE].join("\n");
}
