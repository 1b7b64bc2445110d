import { industrialStructureIndex } from "../../engine/index/ris";
import { UsageError } from "../args";
import { Command } from "../command";
import { columnList, numericColumns, PER_ROW_NOTE, readDataFile, seriesSummary } from "./indexCommon";

/** `citypanel ris` — industrial-structure upgrading index Σ m·share_m. */
export const risCommand: Command = {
  name: "ris",
  summary: "industrial-structure upgrading index 1·s1 + 2·s2 + 3·s3 (in [1, 3])",
  usage: "citypanel ris FILE --shares S1,S2,S3 [--percent | --fraction] [--sheet NAME] [--json]",
  needsFile: true,
  options: {
    shares: { type: "string", help: "primary, secondary, tertiary shares, in this order" },
    percent: { type: "boolean", help: "the shares are in percent (default: detected from the row sums)" },
    fraction: { type: "boolean", help: "the shares are fractions summing to 1" },
    sheet: { type: "string", help: "worksheet of an .xlsx file (default: the first)" },
  },
  async run(args) {
    const shares = columnList(args, "shares");
    if (shares.length !== 3) throw new UsageError(`--shares needs exactly 3 columns (primary, secondary, tertiary), got ${shares.length}`, `--shares 需要恰好 3 列（第一、二、三产业），实际为 ${shares.length} 列`);
    if (args.values.percent === true && args.values.fraction === true) throw new UsageError("--percent and --fraction exclude each other", "--percent 与 --fraction 不能同时使用");
    const scale = args.values.percent === true ? "percent" : args.values.fraction === true ? "fraction" : "auto";
    const table = await readDataFile(args, shares);
    const r = industrialStructureIndex(numericColumns(table, shares), { scale });
    return {
      json: { command: "ris", ris: r.ris, nobs: r.nobs, scale: r.scale },
      text: [`Industrial-structure index 1·${shares[0]} + 2·${shares[1]} + 3·${shares[2]} (shares as ${r.scale === "percent" ? "percent" : "fractions"})`,
        seriesSummary("ris", r.ris), PER_ROW_NOTE].join("\n"),
    };
  },
};
