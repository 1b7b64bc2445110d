import { Iv2slsResult } from "../../iv/iv2sls";
import { Lang, t } from "../../i18n/lang";
import { LABELS } from "../../i18n/tableLabels";
import { FeregResult } from "../../regression/fereg";
import { JournalTable } from "../../tables/journalTable";
import { columnFromFereg, columnFromFirstStage, columnFromIv, ModelColumn } from "../../tables/modelColumn";
import { regressionTable, seNote, statKpF, statKpLM, statN, statR2 } from "../../tables/regressionTable";
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
  const rd = design.regression!;
  const specs = rd.models(def);
  const done = new Map<string, StudyModel>();
  const columns = specs.map((s) => renamed(columnOf(s, estimateSpec(s, def, p, log, done)), s));
  const shown = rd.rows(def).filter((r) => columns.some((c) => r.name in c.coef));
  const omitted = [...new Set(specs.flatMap((s) => done.get(s.key)!.omitted.filter((o) => rd.rows(def).some((r) => r.name === o))))];
  return regressionTable({
    id: design.id,
    sheetName: t(design.sheet, lang),
    title: t(design.title, lang),
    lang,
    models: columns,
    captions: specs.map((s, j) => (s.header ? t(s.header, lang) : s.group ? t(s.group, lang) : `(${j + 1})`)),
    show: shown.map((r) => ({ name: r.name, label: r.label(def, lang) })),
    controls: rd.controlsRow ? def.controls.map(controlName) : undefined,
    fixedEffects: [{ name: p.city.name, label: t(LABELS.cityFe, lang) }, { name: p.year.name, label: t(LABELS.yearFe, lang) }],
    stats: rd.kp ? [statKpLM(lang), statKpF(lang), statN(lang)] : [statN(lang), statR2(lang)],
    notes: [seNote(columns[columns.length - 1], lang), ...(rd.kp ? [t(LABELS.kpNote, lang)] : []), ...absorbedNote(omitted, lang)],
  });
}

function columnOf(spec: ModelSpec, m: StudyModel): ModelColumn {
  if (spec.estimator === "fereg") return columnFromFereg(m as FeregResult);
  return spec.stage === "first" ? columnFromFirstStage(m as Iv2slsResult) : columnFromIv(m as Iv2slsResult);
}

/** Estimates of regressors shown on another variable's row move to that row. */
function renamed(c: ModelColumn, spec: ModelSpec): ModelColumn {
  if (!spec.rowAs) return c;
  const coef = Object.fromEntries(Object.entries(c.coef).map(([k, v]) => [spec.rowAs![k] ?? k, v]));
  return { ...c, coef };
}

/** Shown regressors that the fixed effects absorb (moderators constant within a city) have no row: say so. */
function absorbedNote(absorbed: readonly string[], lang: Lang): string[] {
  if (absorbed.length === 0) return [];
  const list = absorbed.join(lang === "zh" ? "、" : ", ");
  return [
    lang === "zh"
      ? `${list} 不随时间变化，其主效应被城市固定效应吸收，故未报告。`
      : `The main effects of ${list} do not vary within a city and are absorbed by the city fixed effect, so they are not reported.`,
  ];
}
