/**
 * Column-name synonyms (English and Chinese) for the study's roles, used to map a user's
 * columns automatically. The first synonym that names a column wins, so the exact names of
 * the bundled sample panel come first.
 */
export type Role =
  | "city" | "year" | "agglomeration" | "treatment" | "treatmentAlt"
  | "gov" | "density" | "hum" | "fin" | "trans" | "protect" | "unemploy"
  | "dist_port" | "phones1984"
  | "rd_spend" | "fiscal_spend" | "share1" | "share2" | "share3" | "new_firms" | "population"
  | "stage" | "size" | "structure" | "inn_ext";

export const SYNONYMS: Record<Role, readonly string[]> = {
  city: ["city", "cityname", "city_name", "城市", "城市名称", "城市名", "地级市", "地区", "city_en", "cityid", "city_id", "城市代码"],
  year: ["year", "年份", "年度", "年", "yr", "time", "t"],
  agglomeration: ["agglomeration", "urban_agglomeration", "城市群", "所属城市群", "agglomeration_en", "ua", "group"],
  treatment: ["digit", "digital", "digital_tech", "digitaltechnology", "数字技术", "数字技术发展", "数字技术水平", "数字化"],
  treatmentAlt: ["digit_alt", "digit_kw", "digit_keywords", "数字技术_关键词", "数字技术关键词", "关键词数字技术"],
  gov: ["gov", "government", "政府干预", "政府支出", "财政支出强度", "财政支出占gdp比重"],
  density: ["density", "pop_density", "popdensity", "人口密度"],
  hum: ["hum", "human_capital", "humancapital", "人力资本", "科研人员", "r&d人员"],
  fin: ["fin", "finance", "financial", "金融发展", "金融发展水平", "存款"],
  trans: ["trans", "transport", "transportation", "交通", "交通基础设施", "公路货运量"],
  protect: ["protect", "env_protect", "environment_protection", "环境保护", "污水处理率"],
  unemploy: ["unemploy", "unemployment", "失业", "失业人数", "登记失业人员", "城镇登记失业人员"],
  dist_port: ["dist_port", "distance_port", "port_distance", "距港口距离", "港口距离", "到港口距离"],
  phones1984: ["phones1984", "phone1984", "telephones1984", "1984年电话数", "1984年固定电话", "1984年每百万人电话数"],
  rd_spend: ["rd_spend", "rd_expenditure", "rd", "r&d", "研发支出", "科技支出", "r&d支出", "财政科技支出"],
  fiscal_spend: ["fiscal_spend", "fiscal", "fiscal_expenditure", "财政支出", "一般公共预算支出", "地方财政支出"],
  share1: ["share1", "primary_share", "第一产业占比", "第一产业比重", "第一产业产值占比"],
  share2: ["share2", "secondary_share", "第二产业占比", "第二产业比重", "第二产业产值占比"],
  share3: ["share3", "tertiary_share", "第三产业占比", "第三产业比重", "第三产业产值占比"],
  new_firms: ["new_firms", "newfirms", "new_firm", "新注册企业数", "新增企业数", "新注册企业"],
  population: ["population", "pop", "人口", "总人口", "年末总人口", "常住人口"],
  stage: ["stage", "发展阶段", "城市群发展阶段"],
  size: ["size", "规模", "城市群规模"],
  structure: ["structure", "spatial_structure", "空间结构", "空间结构类型"],
  inn_ext: ["inn_ext", "external_index", "inn1", "inn_1", "外部指数", "外部创新指数", "创新指数"],
};

/** Lower case without spaces, underscores, hyphens and brackets: "City Name" ≈ "city_name". */
export const normalise = (s: string): string => s.toLowerCase().replace(/[\s_\-()（）[\]【】]/g, "");

const INDEX = new Map<string, Role>();
for (const [role, words] of Object.entries(SYNONYMS) as [Role, readonly string[]][]) {
  for (const w of words) if (!INDEX.has(normalise(w))) INDEX.set(normalise(w), role);
}

/** The role a column name suggests, if any. */
export const matchRole = (name: string): Role | undefined => INDEX.get(normalise(name));

/** The column best matching a role: the first synonym (in order) that names a column. */
export function findColumn(names: readonly string[], role: Role, taken?: ReadonlySet<string>): string | undefined {
  const byNorm = new Map<string, string>();
  for (const n of names) if (!taken?.has(n) && !byNorm.has(normalise(n))) byNorm.set(normalise(n), n);
  for (const w of SYNONYMS[role]) {
    const hit = byNorm.get(normalise(w));
    if (hit) return hit;
  }
  return undefined;
}

/** Index indicators: ind01…, x1…, 指标1…, sorted by their number. */
export function findIndicators(names: readonly string[]): string[] {
  const re = /^(ind|indicator|x|指标)[_\s-]?(\d+)$/i;
  return names
    .map((n) => ({ n, m: re.exec(n.trim()) }))
    .filter((o) => o.m)
    .sort((a, b) => Number(a.m![2]) - Number(b.m![2]))
    .map((o) => o.n);
}

/** Components of the innovation-infrastructure composite: infra_*, 创新基础设施_*. */
export const findInfraColumns = (names: readonly string[]): string[] =>
  names.filter((n) => /^(infra|innovation_infra|创新基础设施)[_\s-]/i.test(n.trim()));
