import { Bilingual } from "./lang";

/**
 * Words of the plain-text output of `citypanel fereg` / `iv2sls` that the functions' spill
 * labels (./spillLabels: N, R², within R², Prob > F, Hansen J …, shared with them) do not
 * have: the model line, the test headings, the VCE names. "{0}" … are filled by ./tableLabels' fill.
 */
export const SUMMARY_LABELS = {
  model: { en: "{0} on {1}", zh: "被解释变量：{0}   解释变量：{1}" },
  firstStageOf: { en: "First stage: {0}", zh: "第一阶段：{0}" },
  underidentification: { en: "Underidentification:", zh: "识别不足检验：" },
  weakIdentification: { en: "Weak identification:", zh: "弱识别检验：" },
  chi2p: { en: "Chi-sq({0}) p", zh: "χ²({0}) p 值" },
  exactlyIdentified: { en: "0.000 (equation exactly identified)", zh: "0.000（恰好识别）" },
  instrumentsDropped: { en: "instruments dropped (collinear)", zh: "因共线被剔除的工具变量" },
  robust: { en: "robust", zh: "稳健（robust）" },
  iid: { en: "iid", zh: "普通（iid）" },
  cluster: { en: "cluster", zh: "聚类（cluster）" },
} satisfies Record<string, Bilingual>;
