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

/** Table 3: inn on digit and the controls — (1) pooled OLS, (2) city and year fixed effects. */
export function table3(def: StudyDefinition, p: StudyPanel, lang: Lang, log: ModelLog): JournalTable {
  const y = def.outcome.name;
  const controls = def.controls.map(controlName);
  const x = [def.treatment.column, ...controls];
  const pooled = log("table3.pooled", feModel(def, p, y, x, false));
  const twoWay = log("table3.fe", feModel(def, p, y, x, true));
  const models = [columnFromFereg(pooled), columnFromFereg(twoWay)];
  return regressionTable({
    id: "table3",
    sheetName: t(TABLE_NAMES.table3.sheet, lang),
    title: t(TABLE_NAMES.table3.title, lang),
    lang,
    models,
    captions: [variableLabel(def, y, lang), variableLabel(def, y, lang)],
    show: [...x, "_cons"].map((name) => ({ name, label: name === "_cons" ? t(LABELS.constant, lang) : variableLabel(def, name, lang) })),
    fixedEffects: [{ name: p.city.name, label: t(LABELS.cityFe, lang) }, { name: p.year.name, label: t(LABELS.yearFe, lang) }],
    stats: [statN(lang), statR2(lang)],
    notes: [seNote(models[1], lang)],
  });
}
