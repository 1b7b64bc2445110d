import { Iv2slsResult } from "../../iv/iv2sls";
import { Lang, t } from "../../i18n/lang";
import { LABELS } from "../../i18n/tableLabels";
import { FeregResult } from "../../regression/fereg";
import { JournalTable } from "../../tables/journalTable";
import { columnFromFereg, columnFromFirstStage, columnFromIv, ModelColumn } from "../../tables/modelColumn";
import { regressionTable, statKpF, statKpLM, statN, statR2Rows } from "../../tables/regressionTable";
import { controlName, StudyDefinition } from "../definition";
import { ModelSpec } from "../design/modelSpec";
import { TableDesign } from "../design/studyDesign";
import { StudyPanel } from "../panel";
import { estimateSpec } from "./estimateSpec";
import { ModelLog, StudyModel } from "./modelLog";

/**
 * A regression table of the study from its design (../design/studyDesign.ts): estimate each
 * declared model column, put the regressors a column shows under another variable's row
 * where the spec says so (`rowAs`), and lay the columns out as a journal table.
 *
 * @example
 * regressionDesignTable(designOf("table3"), defaultStudy(), panel, "en", log).header
 */
export function regressionDesignTable(design: TableDesign, def: StudyDefinition, p: StudyPanel, lang: Lang, log: ModelLog): JournalTable {
  const specs = design.regression!.models(def);
  const done = new Map<string, StudyModel>();
  const columns = specs.map((s) => renamed(columnOf(s, estimateSpec(s, def, p, log, done)), s));
  const moderators = def.moderators.map((m) => m.name);
  const absorbed = [...new Set(specs.flatMap((s) => done.get(s.key)!.omitted.filter((o) => moderators.includes(o))))];
  return designTable(design, def, lang, columns, absorbed);
}

/**
 * The journal table of a regression design over its model columns (estimated, or stand-ins
 * without numbers for the live-formula template's frame, ../template/tableFrames.ts).
 * `absorbed`: moderators whose main effect the city fixed effect absorbs (unknown, as in a
 * template without data: the note says which main effects are included and that one not
 * varying within a city is absorbed).
 */
export function designTable(design: TableDesign, def: StudyDefinition, lang: Lang, columns: readonly ModelColumn[], absorbed?: readonly string[]): JournalTable {
  const rd = design.regression!;
  const specs = rd.models(def);
  const shown = rd.rows(def).filter((r) => columns.some((c) => r.name in c.coef));
  const moderators = def.moderators.map((m) => m.name);
  const mainEffects = moderators.filter((m) => specs.some((s) => s.regressors.includes(m)) && !(absorbed ?? []).includes(m));
  return regressionTable({
    id: design.id,
    sheetName: t(design.sheet, lang),
    title: t(design.title, lang),
    lang,
    models: columns,
    groups: specs.map((s) => (s.group ? t(s.group, lang) : undefined)),
    captions: specs.map((s) => (s.header ? t(s.header, lang) : undefined)),
    numbered: rd.numbered,
    show: shown.map((r) => ({ name: r.name, label: r.label(def, lang) })),
    controls: rd.controlsRow ? def.controls.map(controlName) : undefined,
    diagnostics: rd.kp ? [statKpLM(lang), statKpF(lang)] : [],
    fixedEffects: [{ name: def.columns.city, label: t(LABELS.cityFe, lang) }, { name: def.columns.year, label: t(LABELS.yearFe, lang) }],
    stats: [statN(lang), ...statR2Rows(lang, def.tableOptions?.r2)],
    clusterLabel: def.vcov === "cluster" ? def.cluster ?? def.columns.city : undefined,
    notes: [...(rd.kp ? [t(LABELS.kpNote, lang)] : []), ...(absorbed ? moderatorNote(mainEffects, absorbed, lang) : moderatorNoteUnknown(mainEffects, lang))],
  });
}

function columnOf(spec: ModelSpec, m: StudyModel): ModelColumn {
  if (spec.estimator === "fereg") return columnFromFereg(m as FeregResult);
  return spec.stage === "first" ? columnFromFirstStage(m as Iv2slsResult) : columnFromIv(m as Iv2slsResult);
}

/** Estimates of regressors shown on another variable's row move to that row. */
export function renamed(c: ModelColumn, spec: ModelSpec): ModelColumn {
  if (!spec.rowAs) return c;
  const coef = Object.fromEntries(Object.entries(c.coef).map(([k, v]) => [spec.rowAs![k] ?? k, v]));
  return { ...c, coef };
}

/** Table 7 shows the interactions; say where the moderators' main effects are (controls, or absorbed by the city fixed effect). */
function moderatorNote(included: readonly string[], absorbed: readonly string[], lang: Lang): string[] {
  const list = (xs: readonly string[]) => xs.join(lang === "zh" ? "、" : ", ");
  const out: string[] = [];
  if (included.length) out.push(lang === "zh" ? `回归同时控制了 ${list(included)} 的主效应（未报告）。` : `The regressions also include the main effects of ${list(included)} (not reported).`);
  if (absorbed.length) {
    out.push(lang === "zh"
      ? `${list(absorbed)} 不随时间变化，其主效应被城市固定效应吸收，故未报告。`
      : `The main effects of ${list(absorbed)} do not vary within a city and are absorbed by the city fixed effect, so they are not reported.`);
  }
  return out;
}

/** The moderator note when the data are not known yet (a template): which main effects the regressions include, and the rule for absorbed ones. */
function moderatorNoteUnknown(included: readonly string[], lang: Lang): string[] {
  if (!included.length) return [];
  const list = included.join(lang === "zh" ? "、" : ", ");
  return [lang === "zh"
    ? `回归同时控制了 ${list} 的主效应（未报告）；不随时间变化的主效应被城市固定效应吸收。`
    : `The regressions also include the main effects of ${list} (not reported); a main effect that does not vary within a city is absorbed by the city fixed effect.`];
}
