import { Bilingual, Lang, t } from "../engine/i18n/lang";

/** Row and column labels of the tables the custom functions spill, in both languages. */
const L = {
  variable: { en: "variable", zh: "变量" },
  coef: { en: "coef", zh: "系数" },
  se: { en: "se", zh: "标准误" },
  t: { en: "t", zh: "t 值" },
  p: { en: "p", zh: "p 值" },
  stars: { en: "stars", zh: "显著性" },
  nobs: { en: "N", zh: "样本量" },
  singletons: { en: "singletons dropped", zh: "剔除的单例观测" },
  droppedMissing: { en: "rows dropped (missing)", zh: "因缺失剔除的行" },
  r2: { en: "R²", zh: "R²" },
  r2Within: { en: "within R²", zh: "组内 R²" },
  r2Adj: { en: "adjusted R²", zh: "调整 R²" },
  rmse: { en: "RMSE", zh: "均方根误差" },
  F: { en: "F", zh: "F 统计量" },
  Fp: { en: "Prob > F", zh: "F 检验 p 值" },
  fe: { en: "fixed effects (levels)", zh: "固定效应（水平数）" },
  none: { en: "none (pooled OLS)", zh: "无（混合 OLS）" },
  vce: { en: "VCE", zh: "标准误类型" },
  clusters: { en: "clusters", zh: "聚类数" },
  omitted: { en: "omitted (collinear)", zh: "因共线被剔除" },
  firstStage: { en: "first stage", zh: "第一阶段" },
  secondStage: { en: "second stage", zh: "第二阶段" },
  partialR2: { en: "partial R² of excluded instruments", zh: "排除性工具变量的偏 R²" },
  firstF: { en: "F of excluded instruments", zh: "排除性工具变量 F 统计量" },
  kpLM: { en: "Kleibergen-Paap rk LM", zh: "Kleibergen-Paap rk LM 统计量" },
  kpLMp: { en: "KP rk LM p-value", zh: "KP rk LM p 值" },
  kpF: { en: "Kleibergen-Paap rk Wald F", zh: "Kleibergen-Paap rk Wald F 统计量" },
  cdF: { en: "Cragg-Donald Wald F", zh: "Cragg-Donald Wald F 统计量" },
  anderson: { en: "Anderson canon. corr. LM", zh: "Anderson 典型相关 LM 统计量" },
  sySize: { en: "Stock-Yogo {0} maximal IV size", zh: "Stock-Yogo {0} 最大 IV 偏误临界值" },
  syBias: { en: "Stock-Yogo {0} maximal IV relative bias", zh: "Stock-Yogo {0} 最大相对偏误临界值" },
  sargan: { en: "Sargan statistic", zh: "Sargan 统计量" },
  hansen: { en: "Hansen J statistic", zh: "Hansen J 统计量" },
  overidP: { en: "over-identification p-value", zh: "过度识别检验 p 值" },
  exactly: { en: "0 (exactly identified)", zh: "0（恰好识别）" },
  instrumented: { en: "instrumented", zh: "内生变量" },
  instruments: { en: "excluded instruments", zh: "排除性工具变量" },
  yes: { en: "Yes", zh: "是" },
  controls: { en: "Controls", zh: "控制变量" },
  indicator: { en: "indicator", zh: "指标" },
  dimension: { en: "dimension", zh: "维度" },
  group: { en: "group", zh: "组别" },
  min: { en: "min", zh: "最小值" },
  max: { en: "max", zh: "最大值" },
  entropy: { en: "entropy", zh: "熵值" },
  divergence: { en: "divergence", zh: "差异系数" },
  weight: { en: "weight", zh: "权重" },
  index: { en: "index", zh: "指数" },
  pc1: { en: "pc1", zh: "第一主成分" },
  component: { en: "component", zh: "主成分" },
  eigenvalue: { en: "eigenvalue", zh: "特征值" },
  explained: { en: "explained", zh: "方差贡献率" },
  cumulative: { en: "cumulative", zh: "累计贡献率" },
  retained: { en: "retained components", zh: "保留的主成分数" },
  kmo: { en: "KMO", zh: "KMO" },
  bartlettChi2: { en: "Bartlett χ²", zh: "Bartlett 球形检验 χ²" },
  bartlettDf: { en: "Bartlett df", zh: "Bartlett 自由度" },
  bartlettP: { en: "Bartlett p", zh: "Bartlett p 值" },
  lq: { en: "LQ", zh: "区位熵" },
  ris: { en: "ris", zh: "ris" },
  mean: { en: "mean", zh: "均值" },
  sd: { en: "sd", zh: "标准差" },
  skewness: { en: "skewness", zh: "偏度" },
  kurtosis: { en: "kurtosis", zh: "峰度" },
} satisfies Record<string, Bilingual>;

export type LabelKey = keyof typeof L;

/** A spill label in the user's language; "{0}" is replaced by `arg`. */
export const label = (k: LabelKey, lang: Lang, arg = ""): string => t(L[k], lang).replace("{0}", arg);

/** The label key whose English or Chinese text is `text` (row labels typed or spilled in either language). */
export function labelKeyOf(text: string): LabelKey | undefined {
  const s = text.trim();
  for (const [k, v] of Object.entries(L) as [LabelKey, Bilingual][]) if (v.en === s || v.zh === s) return k;
  return undefined;
}
