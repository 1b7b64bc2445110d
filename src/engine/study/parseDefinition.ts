import { valueError } from "../errors";
import { resolveVcov, STUDY_KEYS } from "../vcov/resolve";
import { defaultStudy } from "./defaultStudy";
import { StudyDefinition } from "./definition";

/**
 * Read a study definition from JSON text (the file a user edits): the keys given replace the
 * defaults' keys of the same name (top level), so a file may hold only what differs from the
 * paper's design, e.g. `{ "vcov": "cluster", "cluster": "city" }`. The shape of every key
 * given is checked and an error names the key; whether the columns exist is checked later
 * against the data (`validateMapping`). "vcov" and "cluster" are read by the rule every face
 * shares (vcov/resolve.ts): a "cluster" alone implies clustering, a "cluster" with "vcov"
 * "robust" or "iid" is refused.
 *
 * @example
 * studyDefinitionFromJson('{"vcov": "cluster"}').vcov        // "cluster"
 * studyDefinitionFromJson('{"indicators": 3}')               // throws: "indicators" must be a list …
 */
export function studyDefinitionFromJson(text: string, base: StudyDefinition = defaultStudy()): StudyDefinition {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw valueError(`the study definition is not valid JSON: ${(e as Error).message}`, `研究设定文件不是有效的 JSON：${(e as Error).message}`);
  }
  if (!isObject(raw)) throw valueError("the study definition must be a JSON object { … }", "研究设定必须是 JSON 对象 { … }");
  const known = new Set(Object.keys(base).concat(["treatmentAlt", "cluster"]));
  for (const k of Object.keys(raw)) {
    if (!known.has(k)) throw valueError(`unknown key "${k}" in the study definition (known: ${[...known].join(", ")})`, `研究设定中有未知的键“${k}”`);
  }
  if (raw.vcov !== undefined && typeof raw.vcov !== "string") throw bad("vcov", '"robust", "iid" or "cluster"', '"robust"、"iid" 或 "cluster"');
  const merged = { ...base, ...raw } as StudyDefinition;
  checkShape(merged);
  const vce = raw.vcov === undefined && raw.cluster === undefined
    ? { type: merged.vcov }
    : resolveVcov(raw.vcov as string | undefined, raw.cluster === undefined ? [] : [raw.cluster as string], { names: STUDY_KEYS, defaultCluster: merged.columns.city });
  return { ...merged, vcov: vce.type };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const bad = (key: string, want: string, wantZh: string) => valueError(`"${key}" in the study definition must be ${want}`, `研究设定中的“${key}”必须是${wantZh}`);
const isText = (v: unknown): v is string => typeof v === "string" && v.trim() !== "";

function checkShape(d: StudyDefinition): void {
  if (d.version !== 1) throw bad("version", "1", "1");
  if (!isObject(d.columns) || !isText(d.columns.city) || !isText(d.columns.year)) {
    throw bad("columns", 'an object with "city" and "year" column names', "含 city 与 year 列名的对象");
  }
  if (!Array.isArray(d.indicators)) throw bad("indicators", "a list of { column, dimension, direction }", "{ column, dimension, direction } 的列表");
  d.indicators.forEach((i, j) => {
    if (!isObject(i) || !isText(i.column)) throw bad(`indicators[${j}]`, "an object with a column name", "含列名的对象");
    if (typeof i.dimension !== "string") throw bad(`indicators[${j}].dimension`, "a dimension key", "维度键");
  });
  if (!Array.isArray(d.dimensions)) throw bad("dimensions", "a list of { key, label }", "{ key, label } 的列表");
  if (!isObject(d.entropy) || !["shift", "compress", "none"].includes(d.entropy.method)) {
    throw bad("entropy", '{ "method": "shift" | "compress" | "none", "shift": δ }', '{ "method": "shift"|"compress"|"none", "shift": δ }');
  }
  if (!isObject(d.outcome) || !isText(d.outcome.name)) throw bad("outcome", 'an object with a "name"', "含 name 的对象");
  if (!isObject(d.treatment) || !isText(d.treatment.column)) throw bad("treatment", 'an object with a "column"', "含 column 的对象");
  if (d.treatmentAlt !== undefined && (!isObject(d.treatmentAlt) || !isText(d.treatmentAlt.column))) throw bad("treatmentAlt", 'an object with a "column"', "含 column 的对象");
  if (!Array.isArray(d.controls) || d.controls.some((c) => !isObject(c) || !isText(c.column))) throw bad("controls", "a list of { column, log? }", "{ column, log? } 的列表");
  if (!Array.isArray(d.instruments) || d.instruments.some((i) => !isObject(i) || !isText(i.name) || !isText(i.column))) {
    throw bad("instruments", "a list of { name, column, timesTrend }", "{ name, column, timesTrend } 的列表");
  }
  if (!isObject(d.mechanisms)) throw bad("mechanisms", "an object { cap?, ris?, ent? }", "对象 { cap?, ris?, ent? }");
  if (d.mechanisms.ris && (!Array.isArray(d.mechanisms.ris.shares) || d.mechanisms.ris.shares.length !== 3)) throw bad("mechanisms.ris.shares", "three column names", "三个列名");
  if (!Array.isArray(d.moderators) || d.moderators.some((m) => !isObject(m) || !isText(m.name) || (m.column === undefined && !Array.isArray(m.pcaOf)))) {
    throw bad("moderators", "a list of { name, column } or { name, pcaOf: [columns] }", "{ name, column } 或 { name, pcaOf: [列] } 的列表");
  }
  if (!isObject(d.robustness)) throw bad("robustness", "an object", "对象");
  const w = d.robustness.winsor;
  if (w !== undefined && (!Array.isArray(w) || w.length !== 2 || !(w[0] >= 0 && w[0] < w[1] && w[1] <= 100))) {
    throw bad("robustness.winsor", "two percents [lower, upper] with 0 ≤ lower < upper ≤ 100", "两个百分位 [下限, 上限]，0 ≤ 下限 < 上限 ≤ 100");
  }
  if (d.cluster !== undefined && !isText(d.cluster)) throw bad("cluster", "a column name", "列名");
}
