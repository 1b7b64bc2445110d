import { Bilingual, Lang, t } from "../i18n/lang";
import { controlName, EXTERNAL_OUTCOME, PCA_OUTCOME, StudyDefinition } from "./definition";

/** Titles and sheet names of Tables 1–7, in both languages (sheet names ≤ 31 characters). */
export const TABLE_NAMES: Record<string, { sheet: Bilingual; title: Bilingual }> = {
  table1: { sheet: { en: "Table 1 Index weights", zh: "表1 指标权重" }, title: { en: "Table 1  Innovation capacity indicators and entropy weights", zh: "表1  城市群内城市创新能力衡量指标及权重" } },
  table2: { sheet: { en: "Table 2 Descriptives", zh: "表2 描述性统计" }, title: { en: "Table 2  Descriptive statistics", zh: "表2  描述性统计" } },
  table3: { sheet: { en: "Table 3 Baseline", zh: "表3 基准回归" }, title: { en: "Table 3  Baseline regressions", zh: "表3  基准回归结果" } },
  table4: { sheet: { en: "Table 4 IV 2SLS", zh: "表4 工具变量" }, title: { en: "Table 4  Instrumental-variable (2SLS) estimates", zh: "表4  工具变量法（2SLS）估计结果" } },
  table5: { sheet: { en: "Table 5 Robustness", zh: "表5 稳健性检验" }, title: { en: "Table 5  Robustness checks", zh: "表5  稳健性检验" } },
  table6: { sheet: { en: "Table 6 Mechanisms", zh: "表6 机制检验" }, title: { en: "Table 6  Mechanisms", zh: "表6  机制检验结果" } },
  table7: { sheet: { en: "Table 7 Heterogeneity", zh: "表7 异质性分析" }, title: { en: "Table 7  Heterogeneity", zh: "表7  异质性分析结果" } },
};

/** Display label of a study variable (falls back to its name). */
export function variableLabel(def: StudyDefinition, name: string, lang: Lang): string {
  if (name === def.outcome.name) return t(def.outcome.label, lang);
  if (name === def.treatment.column) return t(def.treatment.label, lang);
  if (name === PCA_OUTCOME) return t({ en: "inn_2 (PCA index)", zh: "inn_2（主成分指数）" }, lang);
  if (name === EXTERNAL_OUTCOME && def.robustness.externalIndex) return t(def.robustness.externalIndex.label, lang);
  if (def.treatmentAlt && name === def.treatmentAlt.column) return t(def.treatmentAlt.label, lang);
  const c = def.controls.find((c) => controlName(c) === name);
  if (c?.label) return t(c.label, lang);
  const iv = def.instruments.find((i) => i.name === name);
  if (iv) return iv.label ? t(iv.label, lang) : iv.name;
  const m = def.moderators.find((m) => m.name === name);
  if (m?.label) return t(m.label, lang);
  return name;
}
