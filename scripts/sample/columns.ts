/**
 * Column metadata of the synthetic sample panel: the 25 indicators of the paper's Table 1
 * (in Table-1 order, with dimension and direction) and a label and unit for every other
 * column. `variables.json` is written from these tables.
 */
export type DimensionKey = "resources" | "knowledge" | "performance" | "environment" | "collaboration";

export const DIMENSIONS: readonly { key: DimensionKey; zh: string; en: string }[] = [
  { key: "resources", zh: "创新资源", en: "Innovation resources" },
  { key: "knowledge", zh: "知识创造", en: "Knowledge creation" },
  { key: "performance", zh: "创新绩效", en: "Innovation performance" },
  { key: "environment", zh: "创新环境", en: "Innovation environment" },
  { key: "collaboration", zh: "创新协同", en: "Innovation collaboration" },
];

export interface IndicatorMeta {
  readonly column: string;
  readonly name_zh: string;
  readonly name_en: string;
  readonly dimension: DimensionKey;
  readonly unit: string;
  /** Every Table-1 indicator is a "more is better" indicator. */
  readonly direction: "+" | "-";
}

const IND: [string, string, string][] = [
  // 创新资源 Innovation resources
  ["教育经费支出占地方财政支出的比重", "Education spending / local fiscal spending", "%"],
  ["财政科技支出占地方财政支出的比重", "Science & technology spending / local fiscal spending", "%"],
  ["科学研究、技术服务和地质勘查从业人员数量", "Employees in research and technical services", "persons"],
  ["外商投资企业数量", "Foreign-invested enterprises", "firms"],
  ["当年实际使用外资金额", "Foreign capital actually used", "10,000 USD"],
  // 知识创造 Knowledge creation
  ["普通高等学校数量", "Universities and colleges", "institutions"],
  ["普通高等学校专任教师人数", "Full-time university teachers", "persons"],
  ["普通高等学校在校生人数", "University students", "persons"],
  ["论文发表数量", "Papers published", "papers"],
  ["专利申请量", "Patent applications", "applications"],
  // 创新绩效 Innovation performance
  ["技术市场成交额", "Technology market turnover", "10,000 yuan"],
  ["驰名商标量", "Well-known trademarks", "trademarks"],
  ["专利授权量", "Patents granted", "patents"],
  ["每万人拥有的科技成果成交额", "Technology transactions per 10,000 people", "10,000 yuan per 10,000 people"],
  ["绿化覆盖率", "Green coverage rate", "%"],
  // 创新环境 Innovation environment
  ["人均国内生产总值(GDP)", "GDP per capita", "yuan"],
  ["第三产业产值占 GDP 比重", "Tertiary industry share of GDP", "%"],
  ["每百万人公共图书馆藏书量", "Library books per million people", "volumes per million people"],
  ["万人国际互联网用户", "Internet users per 10,000 people", "users per 10,000 people"],
  ["邮政、电信业务收入", "Postal and telecom revenue", "10,000 yuan"],
  // 创新协同 Innovation collaboration
  ["城市化水平", "Urbanisation rate", "%"],
  ["专利授权量与 GDP 增速的耦合值", "Coupling of patents granted and GDP growth", "coupling degree in [0,1]"],
  ["城市人均 GDP/城市群首位城市人均 GDP", "GDP per capita relative to the primate city", "ratio"],
  ["城市人均教育与科技支出/城市群首位城市人均教育与科技支出", "Education & S&T spending per capita relative to the primate city", "ratio"],
  ["城市人力资本指数/城市群首位城市人力资本指数", "Human-capital index relative to the primate city", "ratio"],
];

export const INDICATORS: readonly IndicatorMeta[] = IND.map(([zh, en, unit], j) => ({
  column: `ind${String(j + 1).padStart(2, "0")}`,
  name_zh: zh,
  name_en: en,
  dimension: DIMENSIONS[Math.floor(j / 5)].key,
  unit,
  direction: "+",
}));

export interface ColumnMeta {
  readonly column: string;
  readonly label_zh: string;
  readonly label_en: string;
  readonly unit: string;
}

/** Every column other than ind01…ind25, in CSV order (the indicators follow `size`). */
export const ID_COLUMNS: readonly ColumnMeta[] = [
  { column: "city", label_zh: "城市", label_en: "City (Chinese name)", unit: "" },
  { column: "city_en", label_zh: "城市（英文/拼音）", label_en: "City (English / pinyin)", unit: "" },
  { column: "agglomeration", label_zh: "城市群", label_en: "Urban agglomeration (Chinese name)", unit: "" },
  { column: "agglomeration_en", label_zh: "城市群（英文）", label_en: "Urban agglomeration (English)", unit: "" },
  { column: "year", label_zh: "年份", label_en: "Year", unit: "year" },
  { column: "stage", label_zh: "城市群发展阶段（1 优化提升，2 发展壮大，3 培育发展）", label_en: "Development stage of the agglomeration (1 optimise, 2 expand, 3 cultivate)", unit: "class" },
  { column: "structure", label_zh: "城市群空间结构（1 多中心，0 单中心）", label_en: "Spatial structure of the agglomeration (1 polycentric, 0 monocentric)", unit: "0/1" },
  { column: "size", label_zh: "城市群规模（0.5×标准化人口密度 + 0.5×标准化 GDP）", label_en: "Agglomeration size (0.5 × normalised population density + 0.5 × normalised GDP)", unit: "index in [0,1]" },
];

export const OTHER_COLUMNS: readonly ColumnMeta[] = [
  { column: "digit", label_zh: "数字技术（数字技术领域发明专利申请量）", label_en: "Digital technology (digital-technology invention patent applications)", unit: "10,000 applications" },
  { column: "digit_alt", label_zh: "数字技术替代指标（政府工作报告数字技术关键词词频）", label_en: "Digital technology, alternative (digital-technology keywords in the government work report)", unit: "keyword count" },
  { column: "gov", label_zh: "政府支出强度（财政支出/GDP）", label_en: "Government spending intensity (fiscal spending / GDP)", unit: "fraction" },
  { column: "density", label_zh: "人口密度", label_en: "Population density", unit: "persons per km²" },
  { column: "hum", label_zh: "人力资本（R&D 从业人员数）", label_en: "Human capital (R&D staff)", unit: "10,000 persons" },
  { column: "fin", label_zh: "金融发展水平（金融机构各项存款余额）", label_en: "Financial development (deposits of financial institutions)", unit: "100 billion yuan" },
  { column: "trans", label_zh: "交通运输水平（公路货运量）", label_en: "Transport (road freight volume)", unit: "10 million tonnes" },
  { column: "protect", label_zh: "环境保护水平（污水处理厂集中处理率）", label_en: "Environmental protection (sewage treatment rate)", unit: "%" },
  { column: "unemploy", label_zh: "失业水平（城镇登记失业人员数）", label_en: "Unemployment (registered urban unemployed)", unit: "10,000 persons" },
  { column: "rd_spend", label_zh: "R&D 经费支出", label_en: "R&D spending", unit: "100 million yuan" },
  { column: "fiscal_spend", label_zh: "地方财政支出", label_en: "Local fiscal spending", unit: "100 million yuan" },
  { column: "share1", label_zh: "第一产业产值占比", label_en: "Primary industry share of output", unit: "fraction" },
  { column: "share2", label_zh: "第二产业产值占比", label_en: "Secondary industry share of output", unit: "fraction" },
  { column: "share3", label_zh: "第三产业产值占比", label_en: "Tertiary industry share of output", unit: "fraction" },
  { column: "new_firms", label_zh: "新创企业数", label_en: "Newly registered firms", unit: "firms" },
  { column: "population", label_zh: "年末常住人口", label_en: "Resident population (year end)", unit: "persons" },
  { column: "dist_port", label_zh: "到最近沿海港口的距离（不随时间变化）", label_en: "Distance to the nearest coastal port (time-invariant)", unit: "km" },
  { column: "phones1984", label_zh: "1984 年每百人固定电话数（不随时间变化）", label_en: "Fixed telephones per 100 people in 1984 (time-invariant)", unit: "phones per 100 people" },
  { column: "inn_ext", label_zh: "外部城市创新指数（表 5 inn_1 的替代被解释变量）", label_en: "External city innovation index (Table 5's inn_1)", unit: "index" },
  { column: "infra_edu", label_zh: "教育基础设施（教育业从业人员数）", label_en: "Education infrastructure (employees in education)", unit: "persons" },
  { column: "infra_hightech", label_zh: "科技基础设施（高科技企业数量）", label_en: "S&T infrastructure (high-tech enterprises)", unit: "firms" },
  { column: "infra_transport", label_zh: "交通基础设施（交通仓储邮电业从业人员数）", label_en: "Transport infrastructure (employees in transport, storage and post)", unit: "persons" },
  { column: "infra_it", label_zh: "信息基础设施（信息传输、计算机服务和软件业从业人员数）", label_en: "Information infrastructure (employees in IT, computing and software)", unit: "persons" },
  { column: "infra_finance", label_zh: "金融基础设施（年末金融机构人民币各项贷款余额）", label_en: "Financial infrastructure (year-end RMB loans of financial institutions)", unit: "100 million yuan" },
];
