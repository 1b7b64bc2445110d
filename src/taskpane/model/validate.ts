import { isMissingCell, parseNumericCell } from "../../engine/data/cell";
import { ErrorPlace } from "../../engine/errors";
import { controlName, StudyDefinition } from "../../engine/study/definition";
import { Bilingual } from "../../engine/i18n/lang";
import { cellAddress, DetectedPanel } from "./detectPanel";

/**
 * Check the mapping against the data before the study runs, and say what is wrong next to
 * the control that is wrong, in the user's words: which role, which column, which cell.
 */
export type FieldKey =
  | "city" | "year" | "agglomeration" | "treatment" | "treatmentAlt" | "controls" | "indicators"
  | "instruments" | "cap" | "ris" | "ent" | "moderators" | "externalIndex" | "cluster";

export type FieldErrors = Partial<Record<FieldKey, Bilingual>>;

const msg = (en: string, zh: string): Bilingual => ({ en, zh });

export function validateStudyMapping(def: StudyDefinition, data: DetectedPanel): FieldErrors {
  const errors: FieldErrors = {};
  const names = new Set(data.table.names);
  const summary = new Map(data.summary.columns.map((c) => [c.name, c]));
  const set = (k: FieldKey, e: Bilingual | undefined) => { if (e && !errors[k]) errors[k] = e; };

  /** Problems of one numeric column: missing from the data, or a text cell (named by address). */
  const numeric = (column: string, roleEn: string, roleZh: string): Bilingual | undefined => {
    if (!names.has(column)) return msg(`The data have no column "${column}" (chosen as ${roleEn}).`, `数据中没有列“${column}”（选作${roleZh}）。`);
    const c = summary.get(column)!;
    if (c.firstText) {
      return msg(
        `Column "${column}" (${roleEn}) must hold numbers, but cell ${c.firstText.address} contains "${c.firstText.value}"` +
          (c.textCells > 1 ? ` (and ${c.textCells - 1} more text cells).` : "."),
        `列“${column}”（${roleZh}）应为数值，但单元格 ${c.firstText.address} 的内容是“${c.firstText.value}”` +
          (c.textCells > 1 ? `（另有 ${c.textCells - 1} 个文本单元格）。` : "。"),
      );
    }
    if (c.missing === data.table.rows) return msg(`Column "${column}" (${roleEn}) is empty.`, `列“${column}”（${roleZh}）为空。`);
    return undefined;
  };
  const required = (column: string | undefined, roleEn: string, roleZh: string): Bilingual | undefined =>
    column ? undefined : msg(`Choose the column for ${roleEn}.`, `请选择${roleZh}所在的列。`);

  const { city, year } = def.columns;
  set("city", required(city, "the city", "城市"));
  set("year", required(year, "the year", "年份"));
  if (city && !names.has(city)) set("city", msg(`The data have no column "${city}".`, `数据中没有列“${city}”。`));
  if (year && !names.has(year)) set("year", msg(`The data have no column "${year}".`, `数据中没有列“${year}”。`));
  if (city && city === year) set("year", msg("The city and the year must be different columns.", "城市和年份必须是不同的列。"));
  if (year && names.has(year) && !errors.year) set("year", numeric(year, "the year", "年份"));
  if (city && year && names.has(city) && names.has(year) && data.summary.duplicates > 0 && data.summary.city === city && data.summary.year === year) {
    set("year", msg(`${data.summary.duplicates} city-year pairs appear more than once: each city may have one row per year.`, `有 ${data.summary.duplicates} 个“城市-年份”组合重复出现：每个城市每年只能有一行。`));
  }
  if (def.columns.agglomeration && !names.has(def.columns.agglomeration)) {
    set("agglomeration", msg(`The data have no column "${def.columns.agglomeration}".`, `数据中没有列“${def.columns.agglomeration}”。`));
  }

  set("treatment", required(def.treatment.column, "digital technology (digit)", "数字技术（digit）") ?? numeric(def.treatment.column, "digit", "数字技术"));
  if (def.treatmentAlt?.column) set("treatmentAlt", numeric(def.treatmentAlt.column, "the alternative digit", "替代数字技术指标"));

  for (const c of def.controls) {
    const e = numeric(c.column, `control ${controlName(c)}`, `控制变量 ${controlName(c)}`);
    if (e) { set("controls", e); break; }
    if (c.log) {
      const j = data.table.names.indexOf(c.column);
      const cells = data.table.columns[j];
      for (let i = 0; i < cells.length; i++) {
        if (isMissingCell(cells[i])) continue;
        const v = parseNumericCell(cells[i], c.column, i);
        if (!(v > 0)) {
          const at = cellAddress(data.block, data.headerRow + 1 + i, colIndexInBlock(data, c.column));
          set("controls", msg(
            `Control "${c.column}" enters in logs, so it must be positive, but cell ${at} is ${v}. Untick "ln" or fix the cell.`,
            `控制变量“${c.column}”取对数，必须为正，但单元格 ${at} 的值为 ${v}。请取消“ln”或修改该单元格。`,
          ));
          break;
        }
      }
      if (errors.controls) break;
    }
  }
  if (def.controls.some((c) => c.column === def.treatment.column) && def.treatment.column) {
    set("controls", msg(`"${def.treatment.column}" is the treatment; it cannot also be a control.`, `“${def.treatment.column}”已是核心解释变量，不能同时作为控制变量。`));
  }

  if (def.indicators.length < 2) set("indicators", msg("The innovation index needs at least two indicators.", "创新能力指数至少需要两个指标。"));
  const seen = new Set<string>();
  for (const ind of def.indicators) {
    const e = numeric(ind.column, `indicator ${ind.column}`, `指标 ${ind.column}`);
    if (e) { set("indicators", e); break; }
    if (seen.has(ind.column)) { set("indicators", msg(`Indicator "${ind.column}" is listed twice.`, `指标“${ind.column}”重复列出。`)); break; }
    seen.add(ind.column);
    if (ind.direction !== "+" && ind.direction !== "-") {
      set("indicators", msg(`Set the direction of indicator "${ind.column}": + (more is better) or − (less is better).`, `请设定指标“${ind.column}”的方向：+（正向）或 −（负向）。`));
      break;
    }
  }

  if (def.instruments.length === 0) set("instruments", msg("Table 4 needs at least one instrument.", "表4 至少需要一个工具变量。"));
  for (const iv of def.instruments) {
    const e = numeric(iv.column, `instrument ${iv.name}`, `工具变量 ${iv.name}`);
    if (e) { set("instruments", e); break; }
    if (iv.column === def.treatment.column) { set("instruments", msg(`The instrument "${iv.column}" cannot be the treatment itself.`, `工具变量“${iv.column}”不能是核心解释变量本身。`)); break; }
  }

  const m = def.mechanisms;
  if (m.cap) set("cap", numeric(m.cap.numerator, "the cap numerator (R&D spending)", "cap 分子（科技支出）") ?? numeric(m.cap.denominator, "the cap denominator (fiscal spending)", "cap 分母（财政支出）"));
  if (m.ris) for (const [j, s] of m.ris.shares.entries()) set("ris", numeric(s, `industry share ${j + 1}`, `第${j + 1}产业占比`));
  if (m.ent) set("ent", numeric(m.ent.numerator, "the ent numerator (new firms)", "ent 分子（新注册企业数）") ?? numeric(m.ent.denominator, "the ent denominator (population)", "ent 分母（人口）"));
  for (const mo of def.moderators) {
    if (mo.column) set("moderators", numeric(mo.column, `moderator ${mo.name}`, `调节变量 ${mo.name}`));
    for (const c of mo.pcaOf ?? []) set("moderators", numeric(c, `a component of ${mo.name}`, `${mo.name} 的构成指标`));
  }
  if (def.robustness.externalIndex?.column) set("externalIndex", numeric(def.robustness.externalIndex.column, "the external index", "外部指数"));
  if (def.vcov === "cluster") {
    const cl = def.cluster ?? def.columns.city;
    if (!cl) set("cluster", msg("Choose the column to cluster by.", "请选择聚类所依据的列。"));
    else if (!names.has(cl)) set("cluster", msg(`The data have no column "${cl}" to cluster by.`, `数据中没有用于聚类的列“${cl}”。`));
  }
  return errors;
}

function colIndexInBlock(data: DetectedPanel, column: string): number {
  return data.columnsInBlock[data.table.names.indexOf(column)];
}

/**
 * The field whose column an engine error is about (so the message shows beside that control),
 * from the error's structured place (`CityPanelError.place` / the worker's ErrorWire), never
 * from its text.
 */
export function fieldOfError(place: ErrorPlace, def: StudyDefinition): FieldKey | undefined {
  const named = place.column;
  if (!named) return undefined;
  const is = (c?: string) => c !== undefined && c === named;
  if (is(def.columns.city)) return "city";
  if (is(def.columns.year)) return "year";
  if (is(def.columns.agglomeration)) return "agglomeration";
  if (is(def.treatment.column)) return "treatment";
  if (is(def.treatmentAlt?.column)) return "treatmentAlt";
  if (def.controls.some((c) => is(c.column) || is(controlName(c)))) return "controls";
  if (def.indicators.some((i) => is(i.column))) return "indicators";
  if (def.instruments.some((i) => is(i.column) || is(i.name))) return "instruments";
  const m = def.mechanisms;
  if (is(m.cap?.numerator) || is(m.cap?.denominator) || named === "cap") return "cap";
  if (m.ris?.shares.some(is) || named === "ris") return "ris";
  if (is(m.ent?.numerator) || is(m.ent?.denominator) || named === "ent") return "ent";
  if (def.moderators.some((mo) => is(mo.column) || is(mo.name) || mo.pcaOf?.some(is))) return "moderators";
  if (is(def.robustness.externalIndex?.column)) return "externalIndex";
  if (is(def.cluster)) return "cluster";
  return undefined;
}
