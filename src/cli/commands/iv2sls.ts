import { tableIds, tableNumeric } from "../../engine/data/table";
import { iv2sls, Iv2slsResult } from "../../engine/iv/iv2sls";
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
import { byTerm } from "./fereg";

/** `citypanel iv2sls` — 2SLS with absorbed fixed effects and ivreg2's diagnostics (docs/cli.md). */
export const iv2slsCommand: Command = {
  name: "iv2sls",
  summary: "two-stage least squares with absorbed fixed effects, first stage, KP rk LM / Wald F, Stock–Yogo",
  usage: "citypanel iv2sls FILE --y Y --endog E1[,E2] --iv Z1[,Z2,…] [--x X1,…] [--fe F1,F2] [--vcov robust|iid|cluster] [--cluster C1[,C2]] [--keep-singletons] [--sheet NAME] [--json]",
  needsFile: true,
  options: {
    y: { type: "string", help: "outcome column" },
    endog: { type: "string", help: "endogenous regressor(s)" },
    iv: { type: "string", help: "excluded instruments" },
    x: { type: "string", help: "included exogenous regressors (controls)" },
    fe: { type: "string", help: "fixed effects to absorb (e.g. city,year)" },
    vcov: { type: "string", help: "robust (default), iid or cluster" },
    cluster: { type: "string", help: "cluster variable(s); implies --vcov cluster" },
    "keep-singletons": { type: "boolean", help: "keep fixed-effect singletons" },
    sheet: { type: "string", help: "worksheet of an .xlsx file" },
  },
  async run(args) {
    const v = args.values;
    const yName = requiredOption(v, "y");
    const endog = listOption(v.endog);
    const ivs = listOption(v.iv);
    if (endog.length === 0) throw new UsageError("--endog needs at least one endogenous regressor", "--endog 至少需要一个内生解释变量");
    if (ivs.length === 0) throw new UsageError("--iv needs at least one excluded instrument", "--iv 至少需要一个排除性工具变量");
    const vce = resolveVcov(typeof v.vcov === "string" ? v.vcov : "", listOption(v.cluster), { names: CLI_ARGS });
    const exog = listOption(v.x);
    const feNames = listOption(v.fe);
    const table = await readData(args, args.positionals[0], columnRequests([yName, ...endog, ...ivs, ...exog], [...feNames, ...vce.clusters]));
    const fe = feNames.map((n) => tableIds(table, n));
    const warnings = fixedEffectWarnings(fe);
    const r = iv2sls(
      {
        y: tableNumeric(table, yName),
        endog: endog.map((n) => tableNumeric(table, n)),
        instruments: ivs.map((n) => tableNumeric(table, n)),
        exog: exog.map((n) => tableNumeric(table, n)),
        fe,
        cluster: vce.clusters.map((n) => tableIds(table, n)),
      },
      { vcov: vce.type, keepSingletons: v["keep-singletons"] === true },
    );
    return { json: { ...iv2slsJson(r), warnings: warnings.map((w) => w.en) }, text: iv2slsText(r, args.lang), warnings };
  },
};

export function iv2slsJson(r: Iv2slsResult): Record<string, unknown> {
  return {
    command: "iv2sls",
    y: r.y,
    nobs: r.nobs,
    singletons: r.singletons,
    dropped_missing: r.droppedMissing,
    coef: byTerm(r.terms, r.coef),
    se: byTerm(r.terms, r.se),
    t: byTerm(r.terms, r.t),
    p: byTerm(r.terms, r.p),
    omitted: r.omitted,
    omitted_instruments: r.omittedInstruments,
    endogenous: r.endogenous,
    instruments: r.instruments,
    vcov: r.vcov,
    clusters: Object.fromEntries(r.clusters.map((c) => [c.name, c.count])),
    fe: Object.fromEntries(r.fe.map((f) => [f.name, f.levels])),
    df_a: r.dfA,
    df_resid: r.dfResid,
    t_df: r.tDf,
    r2: r.r2,
    r2_within: r.r2Within,
    rss: r.rss,
    first_stage: Object.fromEntries(
      r.firstStages.map((f) => [
        f.endog,
        {
          coef: byTerm(f.terms, f.coef), se: byTerm(f.terms, f.se), t: byTerm(f.terms, f.t), p: byTerm(f.terms, f.p),
          F: f.F, F_df: f.Fdf, F_p: f.Fp, partial_r2: f.partialR2,
        },
      ]),
    ),
    kp_lm: r.kpLM,
    kp_lm_df: r.kpLMdf,
    kp_lm_p: r.kpLMp,
    kp_f: r.kpF,
    cd_f: r.cdF,
    anderson_lm: r.andersonLM,
    anderson_lm_p: r.andersonLMp,
    hansen_j: r.overid.statistic,
    hansen_j_df: r.overid.df,
    hansen_j_p: r.overid.df === 0 ? null : r.overid.p,
    overid_test: r.overid.name,
    stock_yogo: r.stockYogo,
  };
}

export function iv2slsText(r: Iv2slsResult, lang: Lang = "en"): string {
  const L = (k: keyof typeof SPILL_LABELS) => SPILL_LABELS[k][lang];
  const S = (k: keyof typeof SUMMARY_LABELS) => SUMMARY_LABELS[k][lang];
  const out: string[] = [
    `IV2SLS  ${fill(S("model"), r.y, r.terms.join(", "))}   ${labelled(L("instrumented"), r.endogenous.join(", "), lang)}   ${labelled(L("instruments"), r.instruments.join(", "), lang)}`,
    `${absorbedLine(r.fe, lang, { en: "no fixed effects (constant included)", zh: "无固定效应（含常数项）" })}   ${vceText(r, lang)}`,
    ...statLines([[[L("nobs"), String(r.nobs)], [L("singletons"), String(r.singletons)], ["df_a", String(r.dfA)], ["df_resid", String(r.dfResid)]]]),
    coefficientText(r, lang),
    ...statLines([[[L("r2"), fmt(r.r2, 4)], [L("r2Within"), fmt(r.r2Within, 4)]]]),
  ];
  for (const f of r.firstStages) {
    out.push(fill(S("firstStageOf"), f.endog));
    out.push(coefficientText(f, lang));
    out.push(...statLines([[[`F(${f.Fdf[0]}, ${f.Fdf[1]})`, fmt(f.F, 3)], [L("Fp"), fmt(f.Fp, 4)], [L("partialR2"), fmt(f.partialR2, 4)]]]));
  }
  out.push(...statLines([
    [[S("underidentification")], [L("kpLM"), fmt(r.kpLM, 3)], [fill(S("chi2p"), String(r.kpLMdf)), fmt(r.kpLMp, 4)]],
    [[S("weakIdentification")], [L("cdF"), fmt(r.cdF, 3)], [L("kpF"), fmt(r.kpF, 3)]],
  ]));
  const sy = (o: Record<string, number>) => Object.entries(o).map(([k, v]) => `${k}: ${v.toFixed(2)}`).join("  ") || (lang === "zh" ? "无表列值" : "not available");
  out.push(
    lang === "zh" ? `Stock-Yogo 最大 IV 规模临界值：${sy(r.stockYogo.size)}` : `Stock-Yogo maximal IV size: ${sy(r.stockYogo.size)}`,
    lang === "zh" ? `Stock-Yogo 最大 IV 相对偏误临界值：${sy(r.stockYogo.bias)}` : `Stock-Yogo maximal IV relative bias: ${sy(r.stockYogo.bias)}`,
  );
  const overid = r.overid.name === "sargan" ? L("sargan") : L("hansen");
  if (r.overid.df === 0) out.push(labelled(overid, S("exactlyIdentified"), lang));
  else out.push(...statLines([[[overid, fmt(r.overid.statistic, 3)], [fill(S("chi2p"), String(r.overid.df)), fmt(r.overid.p, 4)]]]));
  out.push(starsLine(lang));
  if (r.omitted.length) out.push(labelled(L("omitted"), r.omitted.join(", "), lang));
  if (r.omittedInstruments.length) out.push(labelled(S("instrumentsDropped"), r.omittedInstruments.join(", "), lang));
  return out.join("\n");
}
