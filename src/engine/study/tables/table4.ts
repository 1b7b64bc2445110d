import { Lang, t } from "../../i18n/lang";
import { LABELS } from "../../i18n/tableLabels";
import { JournalTable } from "../../tables/journalTable";
import { columnFromFirstStage, columnFromIv, ModelColumn } from "../../tables/modelColumn";
import { regressionTable, seNote, statKpF, statKpLM, statN } from "../../tables/regressionTable";
import { controlName, StudyDefinition } from "../definition";
import { TABLE_NAMES, variableLabel } from "../labels";
import { ivModel } from "../models";
import { StudyPanel } from "../panel";
import { ModelLog } from "./modelLog";

/**
 * Table 4: 2SLS with city and year fixed effects, one instrument at a time — for each, the
 * first stage (digit on the instrument) and the second stage (inn on instrumented digit),
 * with the KP rk LM [p] and KP rk Wald F {Stock–Yogo 10 % size} rows.
 */
export function table4(def: StudyDefinition, p: StudyPanel, lang: Lang, log: ModelLog): JournalTable {
  const y = def.outcome.name;
  const d = def.treatment.column;
  const controls = def.controls.map(controlName);
  const models: ModelColumn[] = [];
  const captions: string[] = [];
  for (const iv of def.instruments) {
    const r = log(`table4.${iv.name}`, ivModel(def, p, y, [d], [iv.name], controls));
    models.push(columnFromFirstStage(r), columnFromIv(r));
    captions.push(`${t(LABELS.firstStage, lang)}: ${variableLabel(def, d, lang)}`, `${t(LABELS.secondStage, lang)}: ${variableLabel(def, y, lang)}`);
  }
  return regressionTable({
    id: "table4",
    sheetName: t(TABLE_NAMES.table4.sheet, lang),
    title: t(TABLE_NAMES.table4.title, lang),
    lang,
    models,
    captions,
    show: [...def.instruments.map((iv) => ({ name: iv.name, label: variableLabel(def, iv.name, lang) })), { name: d, label: variableLabel(def, d, lang) }],
    controls,
    fixedEffects: [{ name: p.city.name, label: t(LABELS.cityFe, lang) }, { name: p.year.name, label: t(LABELS.yearFe, lang) }],
    stats: [statKpLM(lang), statKpF(lang), statN(lang)],
    notes: [seNote(models[1], lang), t(LABELS.kpNote, lang)],
  });
}
