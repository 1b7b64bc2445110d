import { DataTable } from "../data/table";
import { valueError } from "../errors";
import { resolveVcov, STUDY_KEYS } from "../vcov/resolve";
import { StudyDefinition } from "./definition";

/**
 * Check a study definition against a data table before anything is computed or written:
 * every column it names exists, every indicator has a direction and a known dimension, the
 * roles are distinct. Errors name the column (and the role it plays).
 */
export function validateMapping(def: StudyDefinition, table: DataTable): void {
  const have = new Set(table.names);
  const need: [string, string, string][] = [];
  const add = (column: string | undefined, role: string, roleZh: string) => { if (column) need.push([column, role, roleZh]); };
  add(def.columns.city, "city id", "城市标识");
  add(def.columns.year, "year", "年份");
  add(def.columns.agglomeration, "agglomeration", "城市群");
  def.indicators.forEach((i) => add(i.column, "index indicator", "指数指标"));
  add(def.treatment.column, "treatment (digit)", "核心解释变量");
  add(def.treatmentAlt?.column, "alternative treatment", "替代解释变量");
  def.controls.forEach((c) => add(c.column, "control", "控制变量"));
  def.instruments.forEach((i) => add(i.column, `instrument ${i.name}`, `工具变量 ${i.name}`));
  const m = def.mechanisms;
  if (m.cap) { add(m.cap.numerator, "cap numerator", "cap 分子"); add(m.cap.denominator, "cap denominator", "cap 分母"); }
  if (m.ris) m.ris.shares.forEach((s, j) => add(s, `industry share ${j + 1}`, `第${j + 1}产业占比`));
  if (m.ent) { add(m.ent.numerator, "ent numerator", "ent 分子"); add(m.ent.denominator, "ent denominator", "ent 分母"); }
  def.moderators.forEach((mo) => { add(mo.column, `moderator ${mo.name}`, `调节变量 ${mo.name}`); mo.pcaOf?.forEach((c) => add(c, `component of ${mo.name}`, `${mo.name} 的构成指标`)); });
  add(def.robustness.externalIndex?.column, "external index", "外部指数");
  if (def.vcov === "cluster") add(def.cluster ?? def.columns.city, "cluster variable", "聚类变量");
  for (const [column, role, roleZh] of need) {
    if (!have.has(column)) {
      throw valueError(`the data have no column "${column}" (mapped as ${role})`, `数据中没有列“${column}”（映射为${roleZh}）`, { column });
    }
  }
  if (def.indicators.length < 2) throw valueError("the index needs at least two indicators", "综合指数至少需要两个指标");
  const dims = new Set(def.dimensions.map((d) => d.key));
  const seen = new Set<string>();
  for (const ind of def.indicators) {
    if (ind.direction !== "+" && ind.direction !== "-") {
      throw valueError(`indicator "${ind.column}" has no direction: set "+" (benefit) or "-" (cost)`, `指标“${ind.column}”未设定方向：请设为“+”（正向）或“-”（负向）`, { column: ind.column });
    }
    if (dims.size > 0 && !dims.has(ind.dimension)) {
      throw valueError(`indicator "${ind.column}" belongs to an unknown dimension "${ind.dimension}"`, `指标“${ind.column}”所属维度“${ind.dimension}”未定义`, { column: ind.column });
    }
    if (seen.has(ind.column)) throw valueError(`indicator "${ind.column}" is listed twice`, `指标“${ind.column}”重复列出`, { column: ind.column });
    seen.add(ind.column);
  }
  if (def.instruments.length === 0) throw valueError("Table 4 needs at least one instrument", "表4 至少需要一个工具变量");
  if (def.vcov === "cluster" && !def.cluster && !def.columns.city) throw valueError("clustered errors need a cluster column", "聚类标准误需要指定聚类列");
  resolveVcov(def.vcov, def.cluster ? [def.cluster] : [], { names: STUDY_KEYS, defaultCluster: def.columns.city });
}
