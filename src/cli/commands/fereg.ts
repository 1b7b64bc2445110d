import { tableIds, tableNumeric } from "../../engine/data/table";
import { fereg, FeregResult } from "../../engine/regression/fereg";
import { CLI_ARGS, resolveVcov } from "../../engine/vcov/resolve";
import { listOption, requiredOption, UsageError } from "../args";
import { Command } from "../command";
import { Lang } from "../../engine/i18n/lang";
import { absorbedLine, fixedEffectWarnings } from "./fixedEffects";
import { coefficientText, starsLine } from "../coefficientText";
import { fmt } from "../format";
import { labelled, vceText } from "../modelSummary";
import { statLines } from "../statLines";
import { SPILL_LABELS } from "../../engine/i18n/spillLabels";
import { SUMMARY_LABELS } from "../../engine/i18n/summaryLabels";
import { fill } from "../../engine/i18n/tableLabels";
import { columnRequests, readData } from "../readerOptions";
import { stageTimer } from "../stageTimer";

/** `citypanel fereg` — regression with absorbed fixed effects (docs/cli.md). */
export const feregCommand: Command = {
  name: "fereg",
  summary: "regression with absorbed fixed effects (reghdfe conventions)",
  usage: "citypanel fereg FILE --y Y --x X1,X2,… [--fe F1,F2,…] [--vcov robust|iid|cluster] [--cluster C1[,C2]] [--keep-singletons] [--sheet NAME] [--json]",
  needsFile: true,
  options: {
    y: { type: "string", help: "outcome column" },
    x: { type: "string", help: "regressor columns, comma-separated" },
    fe: { type: "string", help: "fixed effects to absorb (e.g. city,year); none = pooled OLS with _cons" },
    vcov: { type: "string", help: "robust (default), iid or cluster" },
    cluster: { type: "string", help: "cluster variable(s), one or two; implies --vcov cluster" },
    "keep-singletons": { type: "boolean", help: "keep fixed-effect singletons (default: drop iteratively, as reghdfe)" },
    sheet: { type: "string", help: "worksheet of an .xlsx file (default: the first)" },
  },
  async run(args) {
    const v = args.values;
    const yName = requiredOption(v, "y");
    const xNames = listOption(v.x);
    if (xNames.length === 0) throw new UsageError("--x needs at least one regressor", "--x 至少需要一个解释变量");
    const vce = resolveVcov(typeof v.vcov === "string" ? v.vcov : "", listOption(v.cluster), { names: CLI_ARGS });
    const feNames = listOption(v.fe);
    const clock = stageTimer();
    const table = await readData(args, args.positionals[0], columnRequests([yName, ...xNames], [...feNames, ...vce.clusters]));
    clock.mark("read");
    const fe = feNames.map((n) => tableIds(table, n));
    const warnings = fixedEffectWarnings(fe);
    const input = {
      y: tableNumeric(table, yName),
      x: xNames.map((n) => tableNumeric(table, n)),
      fe,
      cluster: vce.clusters.map((n) => tableIds(table, n)),
    };
    clock.mark("build columns");
    const result = fereg(input, { vcov: vce.type, keepSingletons: v["keep-singletons"] === true, onStage: clock.mark });
    clock.mark("fit statistics");
    clock.report();
    return { json: { ...feregJson(result), warnings: warnings.map((w) => w.en) }, text: feregText(result, args.lang), warnings };
  },
};

/** Name → value object over the estimated terms. */
export const byTerm = (terms: readonly string[], v: Float64Array): Record<string, number> =>
  Object.fromEntries(terms.map((t, j) => [t, v[j]]));

export function feregJson(r: FeregResult): Record<string, unknown> {
  return {
    command: "fereg",
    y: r.y,
    nobs: r.nobs,
    nobs_full: r.nobsFull,
    dropped_missing: r.droppedMissing,
    singletons: r.singletons,
    coef: byTerm(r.terms, r.coef),
    se: byTerm(r.terms, r.se),
    t: byTerm(r.terms, r.t),
    p: byTerm(r.terms, r.p),
    omitted: r.omitted,
    vcov: r.vcov,
    clusters: Object.fromEntries(r.clusters.map((c) => [c.name, c.count])),
    fe: Object.fromEntries(r.fe.map((f) => [f.name, f.levels])),
    df_a: r.dfA,
    df_resid: r.dfResid,
    t_df: r.tDf,
    r2: r.r2,
    r2_adj: r.r2Adj,
    r2_within: r.r2Within,
    r2_within_adj: r.r2WithinAdj,
    rmse: r.rmse,
    rss: r.rss,
    F: r.F,
    F_df: r.Fdf,
    F_p: r.Fp,
    singleton_rounds: r.singletonRounds,
  };
}

export function feregText(r: FeregResult, lang: Lang = "en"): string {
  const L = (k: keyof typeof SPILL_LABELS) => SPILL_LABELS[k][lang];
  const out = [
    `FEREG  ${fill(SUMMARY_LABELS.model[lang], r.y, r.terms.filter((t) => t !== "_cons").join(", "))}`,
    `${absorbedLine(r.fe, lang, { en: "no fixed effects (pooled OLS)", zh: "无固定效应（混合 OLS）" })}   ${vceText(r, lang)}`,
    ...statLines([[[L("nobs"), String(r.nobs)], [L("droppedMissing"), String(r.droppedMissing)], [L("singletons"), String(r.singletons)], ["df_a", String(r.dfA)], ["df_resid", String(r.dfResid)]]]),
    coefficientText(r, lang),
    starsLine(lang),
    ...statLines([
      [[L("r2"), fmt(r.r2, 4)], [L("r2Adj"), fmt(r.r2Adj, 4)], [L("r2Within"), fmt(r.r2Within, 4)], [L("rmse"), fmt(r.rmse, 4)]],
      [[`F(${r.Fdf[0]}, ${r.Fdf[1]})`, fmt(r.F, 3)], [L("Fp"), fmt(r.Fp, 4)]],
    ]),
  ];
  if (r.omitted.length) out.push(labelled(L("omitted"), r.omitted.join(", "), lang));
  return out.join("\n");
}
