import { Lang, t } from "../../i18n/lang";
import { LABELS } from "../../i18n/tableLabels";
import { JournalTable } from "../../tables/journalTable";
import { columnFromFereg } from "../../tables/modelColumn";
import { regressionTable, seNote, statN, statR2 } from "../../tables/regressionTable";
import { controlName, StudyDefinition } from "../definition";
import { TABLE_NAMES, variableLabel } from "../labels";
import { feModel } from "../models";
import { StudyPanel } from "../panel";
import { ModelLog } from "./modelLog";

/** Name of the interaction of the treatment with a moderator, e.g. "digit_x_stage". */
export const interactionName = (treatment: string, moderator: string): string => `${treatment}_x_${moderator}`;

/**
 * Table 7: heterogeneity — digit × moderator added one moderator at a time, with the
 * moderator's main effect (absorbed by the city fixed effect for a time-invariant moderator such
 * as stage or structure: then its row is left out and a note says why).
 */
export function table7(def: StudyDefinition, p: StudyPanel, lang: Lang, log: ModelLog): JournalTable {
  const y = def.outcome.name;
  const d = def.treatment.column;
  const controls = def.controls.map(controlName);
  const results = def.moderators.map((m) => log(`table7.${m.name}`, feModel(def, p, y, [d, interactionName(d, m.name), m.name, ...controls])));
  const models = results.map(columnFromFereg);
  const dl = variableLabel(def, d, lang);
  return regressionTable({
    id: "table7",
    sheetName: t(TABLE_NAMES.table7.sheet, lang),
    title: t(TABLE_NAMES.table7.title, lang),
    lang,
    models,
    captions: def.moderators.map((m) => variableLabel(def, m.name, lang)),
    show: [
      { name: d, label: dl },
      ...def.moderators.map((m) => ({ name: interactionName(d, m.name), label: `${dl} × ${variableLabel(def, m.name, lang)}` })),
      ...def.moderators.filter((m) => models.some((c) => m.name in c.coef)).map((m) => ({ name: m.name, label: variableLabel(def, m.name, lang) })),
    ],
    controls,
    fixedEffects: [{ name: p.city.name, label: t(LABELS.cityFe, lang) }, { name: p.year.name, label: t(LABELS.yearFe, lang) }],
    stats: [statN(lang), statR2(lang)],
    notes: [seNote(models[0], lang), ...absorbedNote(def.moderators.map((m) => m.name).filter((m, j) => results[j].omitted.includes(m)), lang)],
  });
}

/** Moderators constant within each city (stage, structure) have no main effect beside the city fixed effect: say so. */
function absorbedNote(absorbed: readonly string[], lang: Lang): string[] {
  if (absorbed.length === 0) return [];
  const list = absorbed.join(lang === "zh" ? "、" : ", ");
  return [
    lang === "zh"
      ? `${list} 不随时间变化，其主效应被城市固定效应吸收，故未报告。`
      : `The main effects of ${list} do not vary within a city and are absorbed by the city fixed effect, so they are not reported.`,
  ];
}
