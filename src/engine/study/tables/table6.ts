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

/** The mechanism variables the study builds (cap, ris, ent), in the order they are configured. */
export const MECHANISMS = ["cap", "ris", "ent"] as const;

/** Table 6: each mechanism variable on digit, the controls and city + year fixed effects. */
export function table6(def: StudyDefinition, p: StudyPanel, lang: Lang, log: ModelLog): JournalTable {
  const d = def.treatment.column;
  const controls = def.controls.map(controlName);
  const outcomes = MECHANISMS.filter((m) => def.mechanisms[m] !== undefined);
  const results = outcomes.map((m) => log(`table6.${m}`, feModel(def, p, m, [d, ...controls])));
  const models = results.map(columnFromFereg);
  const label = (m: (typeof MECHANISMS)[number]) => { const l = def.mechanisms[m]?.label; return l ? t(l, lang) : m; };
  return regressionTable({
    id: "table6",
    sheetName: t(TABLE_NAMES.table6.sheet, lang),
    title: t(TABLE_NAMES.table6.title, lang),
    lang,
    models,
    captions: outcomes.map(label),
    show: [{ name: d, label: variableLabel(def, d, lang) }],
    controls,
    fixedEffects: [{ name: p.city.name, label: t(LABELS.cityFe, lang) }, { name: p.year.name, label: t(LABELS.yearFe, lang) }],
    stats: [statN(lang), statR2(lang)],
    notes: [seNote(models[0], lang)],
  });
}
