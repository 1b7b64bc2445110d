import { AbsorptionCache } from "../../engine/fe/absorptionCache";
import { Lang } from "../../engine/i18n/lang";
import { fereg, FeregResult } from "../../engine/regression/fereg";
import { stars } from "../../engine/tables/stars";
import { fixed, inParens } from "../../engine/tables/numberFormat";
import { isOmitted, rectangular, textOption } from "../cells";
import { label } from "../labels";
import { regressionCells, vcovArgument } from "./regressionCells";
import { valueError } from "../../engine/errors";
import { alignColumn } from "./align";
import { columnFromFereg } from "../../engine/tables/modelColumn";
import { assertIdsWhereData, Spill } from "./common";

export type { Spill } from "./common";

/**
 * =CITYPANEL.FEREG(y, x, [fe], [vcov], [cluster], [output], [rowlabels]) as a pure function of the cells.
 * `output`: "table" (default) — a coefficient table (variable, coef, se, t, p, stars) then
 * N, singletons, R², within R², adjusted R², F, fixed effects, VCE and clusters;
 * "column" — a journal column (coefficient with stars, SE in parentheses beneath, FE and
 * N / R² rows) to place models side by side; "labels" — the row labels of "column".
 * `rowlabels` (column output only) aligns the column to given labels, the paper's included
 * (常数项 / Constant, 控制变量 / Controls, 城市固定效应 / City FE, 样本量, R²（整体）…; see align.ts).
 */
export function feregSpill(y: unknown, x: unknown, fe: unknown, vcov: unknown, cluster: unknown, output: unknown, lang: Lang, cache?: AbsorptionCache, rowlabels?: unknown): Spill {
  const cells = regressionCells(y);
  const xs = cells.numeric(x, "x");
  if (xs.length === 0) throw valueError("x is required: select the regressor columns", "x 为必填项：请选择解释变量所在列");
  const fes = cells.ids(fe, "fe");
  const clusters = cells.ids(cluster, "cluster");
  const firstRow = cells.header ? 2 : 1;
  const yHas = (i: number) => cells.y.values[i] === cells.y.values[i];
  assertIdsWhereData(fes, "fe", yHas, cells.y.name, firstRow);
  assertIdsWhereData(clusters, "cluster", yHas, cells.y.name, firstRow);
  const out = textOption(output, "table");
  if (!["table", "column", "labels"].includes(out)) {
    throw valueError(`output must be "table", "column" or "labels", got "${out}"`, `output 必须为 "table"、"column" 或 "labels"，实际为 "${out}"`);
  }
  const vce = vcovArgument(vcov, clusters);
  const r = fereg({ y: cells.y, x: xs, fe: fes, cluster: vce.clusters }, { vcov: vce.type, cache });
  if (out === "table") return feregTable(r, lang);
  if (out === "column") return isOmitted(rowlabels) ? feregColumn(r, lang).map(([, v]) => [v]) : alignColumn(feregColumn(r, lang), rowlabels, { model: columnFromFereg(r) });
  if (out === "labels") return feregColumn(r, lang).map(([l]) => [l]);
  throw valueError(`output must be "table", "column" or "labels", got "${out}"`, `output 必须为 "table"、"column" 或 "labels"，实际为 "${out}"`);
}

export function feregTable(r: FeregResult, lang: Lang): Spill {
  const rows: (string | number)[][] = [[label("variable", lang), label("coef", lang), label("se", lang), label("t", lang), label("p", lang), label("stars", lang)]];
  r.terms.forEach((term, j) => rows.push([term, r.coef[j], r.se[j], r.t[j], r.p[j], stars(r.p[j])]));
  rows.push([""]);
  rows.push([label("nobs", lang), r.nobs]);
  rows.push([label("droppedMissing", lang), r.droppedMissing]);
  rows.push([label("singletons", lang), r.singletons]);
  rows.push([label("r2", lang), r.r2]);
  rows.push([label("r2Within", lang), r.r2Within]);
  rows.push([label("r2Adj", lang), r.r2Adj]);
  rows.push([label("F", lang), r.F]);
  rows.push([label("Fp", lang), r.Fp]);
  rows.push([label("fe", lang), r.fe.length ? r.fe.map((f) => `${f.name} (${f.levels})`).join(", ") : label("none", lang)]);
  rows.push([label("vce", lang), r.vcov]);
  if (r.clusters.length) rows.push([label("clusters", lang), r.clusters.map((c) => `${c.name}: ${c.count}`).join(", ")]);
  if (r.omitted.length) rows.push([label("omitted", lang), r.omitted.join(", ")]);
  return rectangular(rows);
}

/** [label, value] pairs of a journal column; coefficient rows are numbers formatted as text with stars. */
export function feregColumn(r: FeregResult, lang: Lang): [string, string | number][] {
  const rows: [string, string | number][] = [[label("variable", lang), r.y]];
  r.terms.forEach((term, j) => {
    rows.push([term, fixed(r.coef[j]) + stars(r.p[j])]);
    rows.push(["", inParens(r.se[j])]);
  });
  for (const f of r.fe) rows.push([`${f.name} FE`, label("yes", lang)]);
  rows.push([label("nobs", lang), r.nobs]);
  rows.push([label("r2", lang), Number(fixed(r.r2))]);
  return rows;
}
