/**
 * The Chinese `--help` of every command: its summary and each option's help, by option name.
 * (The English text lives with each command; an option missing here falls back to English.)
 */
export interface CommandHelpZh {
  readonly summary: string;
  readonly options: Readonly<Record<string, string>>;
}

const SHEET = "xlsx 文件中的工作表（默认第一个）";

export const HELP_ZH: Readonly<Record<string, CommandHelpZh>> = {
  fereg: {
    summary: "吸收固定效应的回归（reghdfe 口径）",
    options: {
      y: "被解释变量列", x: "解释变量列，以逗号分隔", fe: "要吸收的固定效应（如 city,year）；不给则为含 _cons 的混合 OLS",
      vcov: "robust（默认）、iid 或 cluster", cluster: "聚类变量（一个或两个）；隐含 --vcov cluster",
      "keep-singletons": "保留固定效应单例观测（默认：与 reghdfe 一样迭代删除）", sheet: SHEET,
    },
  },
  iv2sls: {
    summary: "吸收固定效应的两阶段最小二乘：第一阶段、KP rk LM / Wald F、Stock–Yogo 临界值",
    options: {
      y: "被解释变量列", endog: "内生解释变量", iv: "排除性工具变量", x: "外生控制变量", fe: "要吸收的固定效应（如 city,year）",
      vcov: "robust（默认）、iid 或 cluster", cluster: "聚类变量；隐含 --vcov cluster", "keep-singletons": "保留固定效应单例观测", sheet: SHEET,
    },
  },
  entropy: {
    summary: "熵权法综合指数：权重、信息熵、逐行指数",
    options: {
      cols: "指标列，以逗号分隔", negative: "--cols 中的负向（成本型）指标", by: "在各组内（如年份）分别计算权重，而非混合计算",
      method: "避免 ln 0 的方式：shift（默认）、compress 或 none（0·ln0 = 0）", shift: "--method shift 时极差标准化后加上的 δ（默认 0.0001）",
      epsilon: "--method compress 的 ε：x″ = (1 − 2ε)x′ + ε（默认 0.002）", dimensions: "指标分组，如 \"resources:ind01,ind02;output:ind03\"；报告各组权重",
      "index-shifted": "用平移后的值计算指数 Σ w·x″（默认 Σ w·x′，平移之前）", sheet: SHEET,
    },
  },
  pca: {
    summary: "主成分综合指数（特征值大于 1 的主成分按特征值加权）、KMO、Bartlett 检验",
    options: { cols: "指标列，以逗号分隔", negative: "负向指标（乘以 −1）", first: "仅用第一主成分作为指数（默认：特征值大于 1 的主成分）", sheet: SHEET },
  },
  winsor: {
    summary: "按 Stata _pctile 分位点缩尾（或截尾），整体或分组",
    options: { cols: "要缩尾的列，以逗号分隔", cuts: "下、上百分位（默认 1,99；0 / 100 即最小 / 最大值）", by: "在各组内（如年份）计算分位点", trim: "将分位点以外的值设为缺失（截尾）", sheet: SHEET },
  },
  locquot: {
    summary: "区位熵 (F_it/K_it)/(F_t/K_t)，按组（如年份）或全部行合计",
    options: { num: "分子列 F（如科技支出）", den: "分母列 K（如财政支出）", by: "在各组内（如年份）合计；默认对全部行合计", sheet: SHEET },
  },
  describe: {
    summary: "描述性统计（N、均值、标准差、最小值、最大值；--detail：分位数、偏度、峰度）",
    options: { cols: "要描述的列（默认：所有数值列）", detail: "增加 1 5 10 25 50 75 90 95 99 分位数（Stata _pctile）、偏度、峰度", percentiles: "要增加的分位数，以逗号分隔（Stata 第 2 类）", sheet: SHEET },
  },
  ris: {
    summary: "产业结构高级化指数 1·s1 + 2·s2 + 3·s3（取值 [1, 3]）",
    options: { shares: "第一、二、三产业占比，按此顺序", percent: "占比为百分数（默认：由各行之和判断）", fraction: "占比为和为 1 的小数", sheet: SHEET },
  },
  coupling: {
    summary: "两个及以上子系统的耦合度 C、综合发展指数 T 与耦合协调度 D",
    options: { cols: "子系统指数 U1、U2……（非负，通常在 [0, 1]）", weights: "各子系统在 T 中的权重，和为 1（默认相等）", sheet: SHEET },
  },
  study: {
    summary: "完整研究（表 1–7）输出为排版好的工作簿；不给 FILE 则使用内置样本面板",
    options: {
      config: "研究设定 JSON（所给键替换论文默认值；见 --print-config）", out: "要写入的工作簿（默认 results.xlsx）",
      tables: "要运行的表，以逗号分隔（默认全部）", sheet: SHEET, "print-config": "打印生效的研究设定（默认值合并 --config）后退出",
    },
  },
  template: {
    summary: "含面板数据与表 1–7 实时 CITYPANEL 公式的工作簿；不给 FILE 则使用内置样本面板",
    options: { config: "研究设定 JSON（所给键替换论文默认值）", out: "要写入的工作簿（默认 CityPanel-template.xlsx）", sheet: SHEET },
  },
};
