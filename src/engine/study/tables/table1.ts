import { Lang, t } from "../../i18n/lang";
import { JournalTable, RowKind } from "../../tables/journalTable";
import { fixed } from "../../tables/numberFormat";
import { StudyDefinition } from "../definition";
import { designOf } from "../design/studyDesign";
import { StudyPanel } from "../panel";
import { ModelLog } from "./modelLog";

/**
 * Table 1 as the paper prints it, four columns: the dimension with its total weight in
 * parentheses (on its first row), the indicator's name (left-aligned), its unit and its entropy
 * weight in percent. The weights are those the outcome was built with (`panel.entropy`, pooled
 * over all rows); the indicators of negative direction are listed in a note.
 *
 * @example
 * table1(defaultStudy(), panel, "zh", log).body[0]
 * // ["创新资源 (25.0480%)", "教育经费支出占地方财政支出的比重", "%", "0.4917"]
 */
const H = {
  dimension: { en: "Dimension (weight)", zh: "一级指标" },
  indicator: { en: "Indicator", zh: "二级指标" },
  unit: { en: "Unit", zh: "单位" },
  weight: { en: "Weight (%)", zh: "权重/%" },
};

export function table1(def: StudyDefinition, p: StudyPanel, lang: Lang, _log: ModelLog): JournalTable {
  const e = p.entropy;
  const scope = e.scopes[0];
  return table1Table(def, lang, {
    indicator: new Map(e.indicators.map((name, j) => [name, 100 * scope.weights[j]])),
    dimension: new Map(e.dimensions.map((d, k) => [d.name, 100 * scope.dimensionWeights[k]])),
    nobs: e.nobs,
    warnings: e.warnings.map((w) => t(w, lang)),
  });
}

/** Entropy weights in percent by indicator and by dimension, the pooled sample size and the estimator's warnings. */
export interface Table1Weights {
  readonly indicator: ReadonlyMap<string, number>;
  readonly dimension: ReadonlyMap<string, number>;
  readonly nobs: number;
  readonly warnings: readonly string[];
}

/** The indicators in the order Table 1 lists them: dimension by dimension (all of them when the study has no dimensions). */
export function table1Indicators(def: StudyDefinition): StudyDefinition["indicators"] {
  if (def.dimensions.length === 0) return def.indicators;
  return def.dimensions.flatMap((dim) => def.indicators.filter((i) => i.dimension === dim.key));
}

/** Table 1 from its weights; without them (the live-formula template's frame) the weight cells are blank. */
export function table1Table(def: StudyDefinition, lang: Lang, w?: Table1Weights): JournalTable {
  const body: string[][] = [];
  const values: (number | null)[][] = [];
  const kinds: RowKind[] = [];
  const dims = def.dimensions.length > 0 ? def.dimensions : [{ key: "", label: { en: "", zh: "" } }];
  for (const dim of dims) {
    const members = def.indicators.filter((i) => def.dimensions.length === 0 || i.dimension === dim.key);
    members.forEach((ind, r) => {
      const wt = w ? w.indicator.get(ind.column)! : null;
      const dw = r === 0 && dim.key ? (w ? w.dimension.get(dim.key)! : NaN) : null;
      body.push([
        dw === null ? "" : Number.isNaN(dw) ? "" : `${t(dim.label, lang)} (${fixed(dw, 4)}%)`,
        ind.label ? t(ind.label, lang) : ind.column,
        ind.unit ? t(ind.unit, lang) : "",
        wt === null ? "" : fixed(wt, 4),
      ]);
      values.push([dw !== null && !Number.isNaN(dw) ? dw : null, null, null, wt]);
      kinds.push("coef");
    });
  }
  const negative = def.indicators.filter((i) => i.direction === "-").map((i) => (i.label ? t(i.label, lang) : i.column));
  const sep = lang === "zh" ? "、" : "; ";
  const directionNote = negative.length === 0
    ? (lang === "zh" ? "所有指标均为正向指标。" : "All indicators enter in the positive direction.")
    : (lang === "zh" ? `负向指标：${negative.join(sep)}；其余为正向指标。` : `Negative-direction indicators: ${negative.join(sep)}; the others are positive.`);
  const all = w ? (lang === "zh" ? `全部 ${w.nobs} 个` : `all ${w.nobs} `) : (lang === "zh" ? "全部" : "all ");
  const notes = [
    lang === "zh"
      ? `注：熵权法（${methodText(def, lang)}），样本为${all}城市-年份观测值的混合样本。`
      : `Note: entropy-weight method (${methodText(def, lang)}), pooled over ${all}city-year observations.`,
    directionNote,
    ...(w?.warnings ?? []),
  ];
  return {
    id: "table1",
    sheetName: t(designOf("table1").sheet, lang),
    title: t(designOf("table1").title, lang),
    header: [[H.dimension, H.indicator, H.unit, H.weight].map((h) => t(h, lang))],
    leftColumns: [0, 1],
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
