import { Bilingual } from "./lang";

/** Labels shared by the journal tables, in both languages. */
export const LABELS = {
  variable: { en: "Variable", zh: "变量" },
  controls: { en: "Controls", zh: "控制变量" },
  yes: { en: "Yes", zh: "是" },
  no: { en: "No", zh: "否" },
  /** Controls / fixed effects included: the paper's 控制 / 未控制. */
  controlled: { en: "Yes", zh: "控制" },
  notControlled: { en: "No", zh: "未控制" },
  r2Overall: { en: "R² (overall)", zh: "R²（整体）" },
  cityFe: { en: "City FE", zh: "城市固定效应" },
  yearFe: { en: "Year FE", zh: "年份固定效应" },
  nobs: { en: "N", zh: "样本量" },
  r2: { en: "R²", zh: "R²" },
  r2Within: { en: "R² (within)", zh: "R²（组内）" },
  instrument: { en: "Instrument", zh: "工具变量" },
  firstStage: { en: "First stage", zh: "第一阶段" },
  secondStage: { en: "Second stage", zh: "第二阶段" },
  kpLM: { en: "Kleibergen-Paap rk LM", zh: "Kleibergen-Paap rk LM" },
  kpF: { en: "Kleibergen-Paap rk Wald F", zh: "Kleibergen-Paap Wald rk F" },
  constant: { en: "Constant", zh: "常数项" },
  seRobust: { en: "robust standard errors in parentheses", zh: "括号内为稳健标准误" },
  seIid: { en: "conventional standard errors in parentheses", zh: "括号内为普通标准误" },
  seCluster: { en: "standard errors clustered by {0} in parentheses", zh: "括号内为聚类到{0}层面的稳健标准误" },
  /** The paper's note: star levels, then the standard errors. */
  starNote: {
    en: "Note: *, ** and *** denote significance at the {0}, {1} and {2} levels; {3}.",
    zh: "注：*、**、*** 分别表示在 {0}、{1}、{2} 的水平上显著；{3}。",
  },
  starLegend: { en: "Note: {0}; {1}.", zh: "注：{0}；{1}。" },
  kpNote: {
    en: "p-values of the statistics in [ ]; the Stock-Yogo weak-identification critical value (10% maximal IV size) in { }.",
    zh: "[ ]内数值为统计量对应的 p 值，{ }内数值为 Stock-Yogo 弱识别检验在 10% 最大 IV 规模下的临界值。",
  },
  synthetic: {
    en: "Data: CityPanel's synthetic sample panel (for demonstration; not the paper's data).",
    zh: "数据：CityPanel 模拟样本面板（仅供演示，并非论文原始数据）。",
  },
} satisfies Record<string, Bilingual>;

/** Fill "{0}", "{1}" … placeholders. */
export const fill = (s: string, ...args: string[]): string => s.replace(/\{(\d)\}/g, (_, i) => args[Number(i)] ?? "");
