import { naError, valueError } from "../../engine/errors";
import { AbsorptionCache } from "../../engine/fe/absorptionCache";
import { Lang } from "../../engine/i18n/lang";
import { iv2sls, Iv2slsResult } from "../../engine/iv/iv2sls";
import { fixed, inParens } from "../../engine/tables/numberFormat";
import { stars } from "../../engine/tables/stars";
import { isOmitted, rectangular, textOption } from "../cells";
import { label } from "../labels";
import { alignColumn, ColumnFacts, kpFLines, kpLmLines } from "./align";
import { columnFromFirstStage, columnFromIv } from "../../engine/tables/modelColumn";
import { assertIdsWhereData, Spill } from "./common";
import { regressionCells, vcovArgument } from "./regressionCells";

/**
 * =CITYPANEL.IV2SLS(y, endog, instruments, [exog], [fe], [vcov], [cluster], [output]).
 * `output`: "table" (default) — second stage, the first stage of each endogenous regressor
 * (instrument coefficients, F and partial R²), KP rk LM with p, KP rk Wald F, Cragg–Donald F,
 * Stock–Yogo critical values and Hansen J / Sargan; "column" — a Table-4 journal column of the
 * second stage (coefficients with stars, SE, KP LM [p], KP F {Stock–Yogo 10 %}, N);
 * "first" — the same for the first stage; "labels" / "firstlabels" — their row labels.
 * `rowlabels` aligns a column to given labels, the paper's included (工具变量 / Instrument,
 * 常数项, 控制变量, fixed effects, KP rk LM "x [p]" and Wald F "x {SY}" on one line in a
 * first-stage column; see align.ts).
 */
export function iv2slsSpill(y: unknown, endog: unknown, instruments: unknown, exog: unknown, fe: unknown, vcov: unknown, cluster: unknown, output: unknown, lang: Lang, cache?: AbsorptionCache, rowlabels?: unknown): Spill {
  const cells = regressionCells(y);
  const en = cells.numeric(endog, "endog");
  const z = cells.numeric(instruments, "instruments");
  if (en.length === 0) throw valueError("endog is required: select the endogenous regressor column", "endog 为必填项：请选择内生解释变量所在列");
  if (z.length === 0) throw valueError("instruments is required: select the excluded instrument column(s), e.g. iv1", "instruments 为必填项：请选择排除性工具变量所在列（例如 iv1）");
  const ex = cells.numeric(exog, "exog");
  const fes = cells.ids(fe, "fe");
  const clusters = cells.ids(cluster, "cluster");
  const firstRow = cells.header ? 2 : 1;
  const yHas = (i: number) => cells.y.values[i] === cells.y.values[i];
  assertIdsWhereData(fes, "fe", yHas, cells.y.name, firstRow);
  assertIdsWhereData(clusters, "cluster", yHas, cells.y.name, firstRow);
  const out = textOption(output, "table");
  const m = /^(table|column|labels|first|firstlabels)(\d*)$/.exec(out);
  if (!m || (m[2] !== "" && !m[1].startsWith("first"))) {
    throw valueError(`output must be "table", "column", "labels", "first" or "firstlabels" (or "first2" …), got "${out}"`, `output 必须为 "table"、"column"、"labels"、"first" 或 "firstlabels"（或 "first2" 等），实际为 "${out}"`);
  }
  const vce = vcovArgument(vcov, clusters);
  const r = iv2sls({ y: cells.y, endog: en, instruments: z, exog: ex, fe: fes, cluster: vce.clusters }, { vcov: vce.type, cache });
  const column = (pairs: [string, string | number][], facts: () => ColumnFacts): Spill =>
    isOmitted(rowlabels) ? pairs.map(([, v]) => [v]) : alignColumn(pairs, rowlabels, facts());
  switch (m[1]) {
    case "table": return ivTable(r, lang);
    case "column": return column(ivColumn(r, lang), () => ({ model: columnFromIv(r) }));
    case "labels": return ivColumn(r, lang).map(([l]) => [l]);
    default: {
      const k = m[2] === "" ? 1 : Number(m[2]);
      if (!(k >= 1 && k <= r.firstStages.length)) {
        throw naError(
          `there is no first stage ${k}: the model has ${r.firstStages.length} endogenous regressor(s)`,
          `不存在第 ${k} 个第一阶段：模型只有 ${r.firstStages.length} 个内生解释变量`,
          { argument: "output" },
        );
      }
      const pairs = firstColumn(r, lang, k - 1);
      return m[1] === "first" ? column(pairs, () => ({ model: columnFromFirstStage(r, k - 1), instruments: r.instruments })) : pairs.map(([l]) => [l]);
    }
  }
}

export function ivTable(r: Iv2slsResult, lang: Lang): Spill {
  const head = [label("variable", lang), label("coef", lang), label("se", lang), label("t", lang), label("p", lang), label("stars", lang)];
  const rows: (string | number)[][] = [[label("secondStage", lang), r.y], head];
  r.terms.forEach((term, j) => rows.push([term, r.coef[j], r.se[j], r.t[j], r.p[j], stars(r.p[j])]));
  rows.push([label("nobs", lang), r.nobs], [label("r2", lang), r.r2], [label("r2Within", lang), r.r2Within]);
  for (const f of r.firstStages) {
    rows.push([""], [label("firstStage", lang), f.endog], head);
    f.terms.forEach((term, j) => rows.push([term, f.coef[j], f.se[j], f.t[j], f.p[j], stars(f.p[j])]));
    rows.push([label("firstF", lang), f.F, `F(${f.Fdf[0]}, ${f.Fdf[1]})`, "", f.Fp], [label("partialR2", lang), f.partialR2]);
  }
  rows.push([""]);
  rows.push([label("kpLM", lang), r.kpLM, `χ²(${r.kpLMdf})`, "", r.kpLMp]);
  rows.push([label("kpF", lang), r.kpF]);
  rows.push([label("cdF", lang), r.cdF]);
  rows.push([label("anderson", lang), r.andersonLM, `χ²(${r.kpLMdf})`, "", r.andersonLMp]);
  for (const [k, v] of Object.entries(r.stockYogo.size)) rows.push([label("sySize", lang, k), v]);
  for (const [k, v] of Object.entries(r.stockYogo.bias)) rows.push([label("syBias", lang, k), v]);
  const J = label(r.overid.name === "sargan" ? "sargan" : "hansen", lang);
  if (r.overid.df === 0) rows.push([J, label("exactly", lang)]);
  else rows.push([J, r.overid.statistic, `χ²(${r.overid.df})`, "", r.overid.p]);
  rows.push([label("fe", lang), r.fe.length ? r.fe.map((f) => `${f.name} (${f.levels})`).join(", ") : label("none", lang)]);
  rows.push([label("vce", lang), r.vcov]);
  if (r.clusters.length) rows.push([label("clusters", lang), r.clusters.map((c) => `${c.name}: ${c.count}`).join(", ")]);
  if (r.omitted.length) rows.push([label("omitted", lang), r.omitted.join(", ")]);
  if (r.omittedInstruments.length) rows.push([label("omitted", lang) + " (IV)", r.omittedInstruments.join(", ")]);
  return rectangular(rows);
}

/** Second stage as a Table-4 column: coefficients with stars and SEs, KP LM [p], KP F {SY 10%}, N. */
export function ivColumn(r: Iv2slsResult, lang: Lang): [string, string | number][] {
  const rows: [string, string | number][] = [[label("variable", lang), r.y]];
  r.terms.forEach((term, j) => {
    rows.push([term, fixed(r.coef[j]) + stars(r.p[j])]);
    rows.push(["", inParens(r.se[j])]);
  });
  for (const f of r.fe) rows.push([`${f.name} FE`, label("yes", lang)]);
  // p-values print as the paper does ([0.0000]), never in exponent form
  const stats = columnFromIv(r).stats;
  const [lm, lmP] = kpLmLines(stats);
  const [f, sy] = kpFLines(stats);
  rows.push([label("kpLM", lang), lm], ["", lmP]);
  rows.push([label("kpF", lang), f], ["", sy]);
  rows.push([label("nobs", lang), r.nobs]);
  return rows;
}

/** First stage of the k-th (0-based) endogenous regressor as a journal column. */
export function firstColumn(r: Iv2slsResult, lang: Lang, k = 0): [string, string | number][] {
  const f = r.firstStages[k];
  const rows: [string, string | number][] = [[label("variable", lang), f.endog]];
  f.terms.forEach((term, j) => {
    rows.push([term, fixed(f.coef[j]) + stars(f.p[j])]);
    rows.push(["", inParens(f.se[j])]);
  });
  for (const x of r.fe) rows.push([`${x.name} FE`, label("yes", lang)]);
  rows.push([label("firstF", lang), fixed(f.F, 3)]);
  rows.push([label("nobs", lang), r.nobs]);
  return rows;
}
