import { couplingCoordination } from "../../engine/index/coupling";
import { listOption, UsageError } from "../args";
import { Command } from "../command";
import { shown } from "../../engine/i18n/quote";
import { columnList, numericColumns, PER_ROW_NOTE, readDataFile, seriesSummary } from "./indexCommon";

/** `citypanel coupling` — coupling degree C, development T and coordination degree D. */
export const couplingCommand: Command = {
  name: "coupling",
  summary: "coupling degree C, comprehensive index T and coupling-coordination degree D of 2+ systems",
  usage: "citypanel coupling FILE --cols U1,U2[,…] [--weights a,b[,…]] [--sheet NAME] [--json]",
  needsFile: true,
  options: {
    cols: { type: "string", help: "system indices U1, U2, … (values ≥ 0, usually in [0, 1])" },
    weights: { type: "string", help: "weights of the systems in T, summing to 1 (default: equal)" },
    sheet: { type: "string", help: "worksheet of an .xlsx file (default: the first)" },
  },
  async run(args) {
    const cols = columnList(args, "cols", 2);
    const wRaw = listOption(args.values.weights);
    const weights = wRaw.length > 0 ? wRaw.map((s) => {
      const w = Number(s);
      if (!Number.isFinite(w)) throw new UsageError(`--weights: "${shown(s)}" is not a number`, `--weights：“${shown(s)}”不是数值`);
      return w;
    }) : undefined;
    const table = await readDataFile(args, cols);
    const r = couplingCoordination(numericColumns(table, cols), weights);
    return {
      json: { command: "coupling", C: r.C, T: r.T, D: r.D, nobs: r.nobs, weights: r.weights },
      text: [
        `Coupling coordination of ${cols.join(", ")}   weights ${Array.from(r.weights).join(", ")}`,
        seriesSummary("C", r.C), seriesSummary("T", r.T), seriesSummary("D", r.D), PER_ROW_NOTE,
      ].join("\n"),
    };
  },
};
