import { valueError } from "../errors";
import { Bilingual } from "../i18n/lang";
import { resolveVcov, STUDY_KEYS } from "../vcov/resolve";
import { defaultStudy } from "./defaultStudy";
import { StudyDefinition } from "./definition";
import { checkAgainstSchema } from "./definitionSchema";

/**
 * Read a study definition from JSON text (the file a user edits): the keys given replace the
 * defaults' keys of the same name (top level), so a file may hold only what differs from the
 * paper's design, e.g. `{ "vcov": "cluster", "cluster": "city" }`. A UTF-8 byte-order mark
 * (Windows Notepad writes one) is ignored. Every key is checked against the definition's
 * schema (./definitionSchema): an error names the key by its path ("treatment.label"); keys
 * the schema does not know come back as warnings. Whether the columns exist is checked later
 * against the data (`validateMapping`). "vcov" and "cluster" are read by the rule every face
 * shares (vcov/resolve.ts): a "cluster" alone implies clustering, a "cluster" with "vcov"
 * "robust" or "iid" is refused.
 *
 * @example
 * studyDefinitionFromJson('{"vcov": "cluster"}').vcov        // "cluster"
 * studyDefinitionFromJson('{"indicators": 3}')               // throws: "indicators" … must be a list …
 * parseStudyDefinition('{"vcovv": "iid"}').warnings[0].en   // warning: unknown key "vcovv" …
 */
export function parseStudyDefinition(text: string, base: StudyDefinition = defaultStudy()): { def: StudyDefinition; warnings: Bilingual[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw valueError(`the study definition is not valid JSON: ${(e as Error).message}`, `研究设定文件不是有效的 JSON：${(e as Error).message}`);
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw valueError("the study definition must be a JSON object { … }", "研究设定必须是 JSON 对象 { … }");
  }
  const given = raw as Record<string, unknown>;
  const merged = { ...base, ...given } as StudyDefinition;
  const warnings = checkAgainstSchema(merged);
  checkRelations(merged);
  const vce = given.vcov === undefined && given.cluster === undefined
    ? { type: merged.vcov }
    : resolveVcov(given.vcov as string | undefined, given.cluster === undefined ? [] : [given.cluster as string], { names: STUDY_KEYS, defaultCluster: merged.columns.city });
  return { def: { ...merged, vcov: vce.type }, warnings };
}

/** The definition only (warnings dropped): for faces that do not show them. */
export const studyDefinitionFromJson = (text: string, base: StudyDefinition = defaultStudy()): StudyDefinition => parseStudyDefinition(text, base).def;

/** What the schema cannot say: relations between keys. */
function checkRelations(d: StudyDefinition): void {
  d.moderators.forEach((m, j) => {
    if (m.column === undefined && m.pcaOf === undefined) {
      throw valueError(
        `"moderators[${j}]" in the study definition needs a "column" or a "pcaOf" list of columns`,
        `研究设定中的“moderators[${j}]”需要 column 或 pcaOf（列的列表）`,
        { argument: `moderators[${j}]` },
      );
    }
  });
  const w = d.robustness.winsor;
  if (w !== undefined && !(w[0] < w[1])) {
    throw valueError(
      `"robustness.winsor" in the study definition must be two percents [lower, upper] with 0 ≤ lower < upper ≤ 100, got ${JSON.stringify(w)}`,
      `研究设定中的“robustness.winsor”必须是两个百分位 [下限, 上限]，0 ≤ 下限 < 上限 ≤ 100，实际为 ${JSON.stringify(w)}`,
      { argument: "robustness.winsor" },
    );
  }
}
