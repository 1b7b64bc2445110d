import { StudyDefinition } from "./definition";

/**
 * The paper's design (Tang, Cai & Wang 2026) on the bundled sample panel's column names:
 * 25 indicators in 5 dimensions (Table 1), digit on inn with 7 controls (6 in logs) and city
 * + year fixed effects, robust standard errors, instruments distance-to-port × trend and
 * 1984 phones × trend, mechanisms cap / ris / ent, moderators stage / size / inn_infra /
 * structure, robustness by an external index, a PCA index, an alternative digit measure,
 * dropping agglomerations with ≤ 3 cities and winsorising at 1 / 99.
 */
const IND: [string, string][] = [
  ["教育经费支出占地方财政支出的比重", "Education spending / local fiscal spending"],
  ["财政科技支出占地方财政支出的比重", "Science & technology spending / local fiscal spending"],
  ["科学研究、技术服务和地质勘查从业人员数量", "Employees in research and technical services"],
  ["外商投资企业数量", "Foreign-invested enterprises"],
  ["当年实际使用外资金额", "Foreign capital actually used"],
  ["普通高等学校数量", "Universities and colleges"],
  ["普通高等学校专任教师人数", "Full-time university teachers"],
  ["普通高等学校在校生人数", "University students"],
  ["论文发表数量", "Papers published"],
  ["专利申请量", "Patent applications"],
  ["技术市场成交额", "Technology market turnover"],
  ["驰名商标量", "Well-known trademarks"],
  ["专利授权量", "Patents granted"],
  ["每万人拥有的科技成果成交额", "Technology transactions per 10,000 people"],
  ["绿化覆盖率", "Green coverage rate"],
  ["人均国内生产总值(GDP)", "GDP per capita"],
  ["第三产业产值占 GDP 比重", "Tertiary industry share of GDP"],
  ["每百万人公共图书馆藏书量", "Library books per million people"],
  ["万人国际互联网用户", "Internet users per 10,000 people"],
  ["邮政、电信业务收入", "Postal and telecom revenue"],
  ["城市化水平", "Urbanisation rate"],
  ["专利授权量与 GDP 增速的耦合值", "Coupling of patents granted and GDP growth"],
  ["城市人均 GDP/城市群首位城市人均 GDP", "GDP per capita relative to the primate city"],
  ["城市人均教育与科技支出/城市群首位城市人均教育与科技支出", "Education & S&T spending per capita relative to the primate city"],
  ["城市人力资本指数/城市群首位城市人力资本指数", "Human-capital index relative to the primate city"],
];
const DIMS = ["resources", "knowledge", "performance", "environment", "collaboration"];
/** Units of the 25 indicators as the paper's Table 1 prints them. */
const UNIT: Record<string, string> = { "%": "%", 人: "persons", 个: "units", 万美元: "USD 10,000", 所: "institutions", 篇: "papers", 件: "items", 万元: "CNY 10,000", 元: "CNY", 册: "volumes" };
const UNITS = ["%", "%", "人", "个", "万美元", "所", "人", "人", "篇", "件", "万元", "个", "个", "万元", "%", "元", "%", "册", "个", "万元", "%", "%", "%", "%", "%"];
const w = (en: string, zh: string) => ({ en, zh });

export function defaultStudy(): StudyDefinition {
  return {
    version: 1,
    title: { en: "The impact of digital technology on urban innovation capacity", zh: "数字技术对城市群内城市创新能力的影响" },
    columns: { city: "city", year: "year", agglomeration: "agglomeration" },
    dimensions: [
      { key: "resources", label: { en: "Innovation resources", zh: "创新资源" } },
      { key: "knowledge", label: { en: "Knowledge creation", zh: "知识创造" } },
      { key: "performance", label: { en: "Innovation performance", zh: "创新绩效" } },
      { key: "environment", label: { en: "Innovation environment", zh: "创新环境" } },
      { key: "collaboration", label: { en: "Innovation collaboration", zh: "创新协同" } },
    ],
    indicators: IND.map(([zh, en], j) => ({
      column: `ind${String(j + 1).padStart(2, "0")}`,
      dimension: DIMS[Math.floor(j / 5)],
      direction: "+",
      label: { zh, en },
      unit: { zh: UNITS[j], en: UNIT[UNITS[j]] },
    })),
    entropy: { method: "shift", shift: 0.0001 },
    outcome: { name: "inn", label: { en: "inn", zh: "inn" }, title: w("Innovation capacity of cities in agglomerations", "城市群内城市创新能力") },
    treatment: { column: "digit", label: { en: "digit", zh: "digit" }, title: w("Digital technology", "数字技术") },
    treatmentAlt: { column: "digit_alt", label: { en: "digit (keywords)", zh: "digit（关键词）" } },
    controls: [
      { column: "gov", label: { en: "gov", zh: "gov" }, title: w("Government spending intensity", "政府支出强度") },
      { column: "density", log: true, label: { en: "ln density", zh: "ln density" }, title: w("Population density", "人口密度") },
      { column: "hum", log: true, label: { en: "ln hum", zh: "ln hum" }, title: w("Human capital", "人力资本") },
      { column: "fin", log: true, label: { en: "ln fin", zh: "ln fin" }, title: w("Financial development", "金融发展水平") },
      { column: "trans", log: true, label: { en: "ln trans", zh: "ln trans" }, title: w("Transport", "交通运输水平") },
      { column: "protect", log: true, label: { en: "ln protect", zh: "ln protect" }, title: w("Environmental protection", "环境保护水平") },
      { column: "unemploy", log: true, label: { en: "ln unemploy", zh: "ln unemploy" }, title: w("Unemployment", "失业水平") },
    ],
    instruments: [
      { name: "iv1", column: "dist_port", timesTrend: true, label: { en: "IV_1 (distance to port × trend)", zh: "IV_1（距港口距离×时间趋势）" } },
      { name: "iv2", column: "phones1984", timesTrend: true, label: { en: "IV_2 (1984 phones × trend)", zh: "IV_2（1984年电话数×时间趋势）" } },
    ],
    mechanisms: {
      cap: { numerator: "rd_spend", denominator: "fiscal_spend", label: { en: "cap", zh: "cap" }, title: w("Innovation-capital aggregation", "创新资金集聚") },
      ris: { shares: ["share1", "share2", "share3"], label: { en: "ris", zh: "ris" }, title: w("Industrial-structure upgrading", "产业结构升级") },
      ent: { numerator: "new_firms", denominator: "population", scale: 100, label: { en: "ent", zh: "ent" }, title: w("Entrepreneurial activity", "创业活跃度") },
    },
    moderators: [
      { name: "stage", column: "stage", label: { en: "stage", zh: "stage" }, title: w("Development stage", "城市群发展阶段") },
      { name: "size", column: "size", label: { en: "size", zh: "size" }, title: w("Agglomeration size", "城市群规模") },
      { name: "inn_infra", pcaOf: ["infra_edu", "infra_hightech", "infra_transport", "infra_it", "infra_finance"], label: { en: "inn_infra", zh: "inn_infra" }, title: w("Innovation infrastructure", "城市群创新基础设施") },
      { name: "structure", column: "structure", label: { en: "structure", zh: "structure" }, title: w("Spatial structure", "城市群空间结构") },
    ],
    robustness: {
      externalIndex: { column: "inn_ext", label: { en: "inn_1 (external index)", zh: "inn_1（外部指数）" } },
      dropGroupsWithAtMost: 3,
      winsor: [1, 99],
    },
    vcov: "robust",
  };
}
