import { Lang, t } from "../../i18n/lang";
import { JournalTable, RowKind } from "../../tables/journalTable";
import { fixed } from "../../tables/numberFormat";
import { StudyDefinition } from "../definition";
import { designOf } from "../design/studyDesign";
import { StudyPanel } from "../panel";
import { ModelLog } from "./modelLog";

/**
 * Table 1: the index's indicators by dimension with their entropy weights in percent, each
 * dimension's total on its first row (as the paper prints it), the direction of each
 * indicator, and a total row (100). The weights are those the outcome was built with
 * (`panel.entropy`, pooled over all rows).
 *
 * @example
 * table1(defaultStudy(), panel, "en", log).header[0]
 * // ["Dimension", "Dimension weight (%)", "Indicator", "Variable", "Direction", "Weight (%)"]
 */
const H = {
  dimension: { en: "Dimension", zh: "一级指标" },
  dimWeight: { en: "Dimension weight (%)", zh: "一级指标权重（%）" },
  indicator: { en: "Indicator", zh: "二级指标" },
  variable: { en: "Variable", zh: "变量" },
  direction: { en: "Direction", zh: "方向" },
  weight: { en: "Weight (%)", zh: "权重（%）" },
  positive: { en: "+", zh: "正向" },
  negative: { en: "−", zh: "负向" },
  total: { en: "Total", zh: "合计" },
};

export function table1(def: StudyDefinition, p: StudyPanel, lang: Lang, _log: ModelLog): JournalTable {
  const e = p.entropy;
  const scope = e.scopes[0];
  const weightOf = new Map(e.indicators.map((name, j) => [name, 100 * scope.weights[j]]));
  const dimWeightOf = new Map(e.dimensions.map((d, k) => [d.name, 100 * scope.dimensionWeights[k]]));
  const body: string[][] = [];
  const values: (number | null)[][] = [];
  const kinds: RowKind[] = [];
  const dims = def.dimensions.length > 0 ? def.dimensions : [{ key: "", label: { en: "", zh: "" } }];
  for (const dim of dims) {
    const members = def.indicators.filter((i) => def.dimensions.length === 0 || i.dimension === dim.key);
    members.forEach((ind, r) => {
      const w = weightOf.get(ind.column)!;
      const dw = r === 0 && dim.key ? dimWeightOf.get(dim.key)! : null;
      body.push([
        r === 0 ? t(dim.label, lang) : "",
        dw === null ? "" : fixed(dw, 4),
        ind.label ? t(ind.label, lang) : ind.column,
        ind.column,
        t(ind.direction === "-" ? H.negative : H.positive, lang),
        fixed(w, 4),
      ]);
      values.push([null, dw, null, null, null, w]);
      kinds.push("coef");
    });
  }
  const total = 100 * scope.weights.reduce((s, w) => s + w, 0);
  body.push([t(H.total, lang), "", "", "", "", fixed(total, 4)]);
  values.push([null, null, null, null, null, total]);
  kinds.push("stat");
  const notes = [
    lang === "zh"
      ? `注：熵权法（${methodText(def, lang)}），样本为全部 ${e.nobs} 个城市-年份观测值的混合样本。`
      : `Note: entropy-weight method (${methodText(def, lang)}), pooled over all ${e.nobs} city-year observations.`,
    ...e.warnings.map((w) => t(w, lang)),
  ];
  return {
    id: "table1",
    sheetName: t(designOf("table1").sheet, lang),
    title: t(designOf("table1").title, lang),
    header: [[H.dimension, H.dimWeight, H.indicator, H.variable, H.direction, H.weight].map((h) => t(h, lang))],
    body,
    bodyKinds: kinds,
    values,
    notes,
  };
}

function methodText(def: StudyDefinition, lang: Lang): string {
  const m = def.entropy.method;
  if (m === "shift") return lang === "zh" ? `标准化后平移 ${def.entropy.shift}` : `min–max normalised, shifted by ${def.entropy.shift}`;
  if (m === "compress") return lang === "zh" ? "标准化后压缩" : "min–max normalised, compressed";
  return lang === "zh" ? "标准化，0·ln0 = 0" : "min–max normalised, 0·ln0 = 0";
}
