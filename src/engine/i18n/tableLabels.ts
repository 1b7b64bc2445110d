import { Bilingual } from "./lang";

/** Labels shared by the journal tables, in both languages. */
export const LABELS = {
  variable: { en: "Variable", zh: "变量" },
  controls: { en: "Controls", zh: "控制变量" },
  yes: { en: "Yes", zh: "是" },
  no: { en: "No", zh: "否" },
  cityFe: { en: "City FE", zh: "城市固定效应" },
  yearFe: { en: "Year FE", zh: "年份固定效应" },
  nobs: { en: "N", zh: "样本量" },
  r2: { en: "R²", zh: "R²" },
  r2Within: { en: "Within R²", zh: "组内 R²" },
  firstStage: { en: "First stage", zh: "第一阶段" },
  secondStage: { en: "Second stage", zh: "第二阶段" },
  kpLM: { en: "Kleibergen-Paap rk LM", zh: "Kleibergen-Paap rk LM 统计量" },
  kpF: { en: "Kleibergen-Paap rk Wald F", zh: "Kleibergen-Paap rk Wald F 统计量" },
  constant: { en: "Constant", zh: "常数项" },
  seRobust: { en: "Robust standard errors in parentheses.", zh: "括号内为稳健标准误。" },
  seIid: { en: "Conventional standard errors in parentheses.", zh: "括号内为普通标准误。" },
  seCluster: { en: "Standard errors clustered by {0} in parentheses.", zh: "括号内为聚类到{0}层面的稳健标准误。" },
  starLegend: { en: "{0}.", zh: "{0}。" },
  kpNote: {
    en: "KP rk LM p-value in brackets; Stock-Yogo (2005) 10% maximal IV size critical value in braces.",
    zh: "中括号内为 KP rk LM 统计量的 p 值；大括号内为 Stock-Yogo（2005）10% 最大 IV 偏误下的临界值。",
  },
  synthetic: {
    en: "Data: CityPanel's synthetic sample panel (for demonstration; not the paper's data).",
    zh: "数据：CityPanel 模拟样本面板（仅供演示，并非论文原始数据）。",
  },
} satisfies Record<string, Bilingual>;

/** Fill "{0}", "{1}" … placeholders. */
export const fill = (s: string, ...args: string[]): string => s.replace(/\{(\d)\}/g, (_, i) => args[Number(i)] ?? "");
