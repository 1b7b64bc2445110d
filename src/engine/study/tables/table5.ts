import { valueError } from "../../errors";
import { Bilingual, Lang, t } from "../../i18n/lang";
import { fill, LABELS } from "../../i18n/tableLabels";
import { winsorize } from "../../index/winsor";
import { FeregResult } from "../../regression/fereg";
import { JournalTable } from "../../tables/journalTable";
import { columnFromFereg } from "../../tables/modelColumn";
import { regressionTable, seNote, statN, statR2 } from "../../tables/regressionTable";
import { controlName, EXTERNAL_OUTCOME, PCA_OUTCOME, StudyDefinition } from "../definition";
import { dropSmallGroups } from "../derive";
import { TABLE_NAMES, variableLabel } from "../labels";
import { feModel } from "../models";
import { panelVar, setVar, StudyPanel, subsetPanel } from "../panel";
import { ModelLog } from "./modelLog";

/**
 * Table 5: robustness of the baseline (city + year FE, the study's VCE), one change per column:
 * (1) the external index inn_1 as outcome; (2) the PCA composite inn_2 of the same indicators;
 * (3) the alternative treatment measure; (4) agglomerations with ≤ k cities dropped;
 * (5) outcome, treatment and controls winsorised at the given percentiles (pooled cut points).
 * Columns whose ingredient the definition leaves out are omitted.
 *
 * @example
 * table5(defaultStudy(), panel, "en", log).header[0]
 * // ["", "External index", "PCA index", "Alternative digit", "Drop small agglomerations", "Winsorised"]
 */
const CAPTIONS = {
  external: { en: "External index (inn_1)", zh: "替换被解释变量（inn_1）" },
  pca: { en: "PCA index (inn_2)", zh: "主成分指数（inn_2）" },
  alt: { en: "Alternative digit", zh: "替换核心解释变量" },
  drop: { en: "Drop agglomerations ≤ {0} cities", zh: "剔除城市数≤{0}的城市群" },
  winsor: { en: "Winsorised at {0}% / {1}%", zh: "{0}%/{1}% 缩尾" },
} satisfies Record<string, Bilingual>;

export function table5(def: StudyDefinition, p: StudyPanel, lang: Lang, log: ModelLog): JournalTable {
  const y = def.outcome.name;
  const d = def.treatment.column;
  const controls = def.controls.map(controlName);
  const results: FeregResult[] = [];
  const captions: string[] = [];
  const add = (key: string, caption: string, r: FeregResult) => { results.push(log(`table5.${key}`, r)); captions.push(caption); };
  const rb = def.robustness;

  if (rb.externalIndex) add("external", t(CAPTIONS.external, lang), feModel(def, p, EXTERNAL_OUTCOME, [d, ...controls]));
  add("pca", t(CAPTIONS.pca, lang), feModel(def, p, PCA_OUTCOME, [d, ...controls]));
  if (def.treatmentAlt) add("alt", t(CAPTIONS.alt, lang), feModel(def, p, y, [def.treatmentAlt.column, ...controls]));
  if (rb.dropGroupsWithAtMost !== undefined) {
    if (!p.agglomeration) {
      throw valueError("dropping small agglomerations needs an agglomeration column in the mapping", "剔除小城市群需要在映射中指定城市群列");
    }
    const keep = dropSmallGroups(p.agglomeration.codes, p.city.codes, rb.dropGroupsWithAtMost);
    add("drop", fill(t(CAPTIONS.drop, lang), String(rb.dropGroupsWithAtMost)), feModel(def, subsetPanel(p, keep), y, [d, ...controls]));
  }
  if (rb.winsor) {
    const w = winsorisedPanel(p, [y, d, ...controls], rb.winsor);
    add("winsor", fill(t(CAPTIONS.winsor, lang), String(rb.winsor[0]), String(rb.winsor[1])), feModel(def, w, y, [d, ...controls]));
  }

  const models = results.map(columnFromFereg);
  const shown = [d, ...(def.treatmentAlt ? [def.treatmentAlt.column] : [])];
  return regressionTable({
    id: "table5",
    sheetName: t(TABLE_NAMES.table5.sheet, lang),
    title: t(TABLE_NAMES.table5.title, lang),
    lang,
    models,
    captions,
    show: shown.map((name) => ({ name, label: variableLabel(def, name, lang) })),
    controls,
    fixedEffects: [{ name: p.city.name, label: t(LABELS.cityFe, lang) }, { name: p.year.name, label: t(LABELS.yearFe, lang) }],
    stats: [statN(lang), statR2(lang)],
    notes: [seNote(models[0], lang)],
  });
}

/** A copy of the panel in which the named variables are winsorised (pooled cut points). */
export function winsorisedPanel(p: StudyPanel, names: readonly string[], cuts: readonly [number, number]): StudyPanel {
  const w: StudyPanel = { ...p, vars: new Map(p.vars) };
  for (const name of names) setVar(w, name, winsorize(panelVar(p, name), { cuts }).values);
  return w;
}
