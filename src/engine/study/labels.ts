import { Lang, t } from "../i18n/lang";
import { controlName, EXTERNAL_OUTCOME, PCA_OUTCOME, StudyDefinition } from "./definition";

/** Display label of a study variable (falls back to its name). */
export function variableLabel(def: StudyDefinition, name: string, lang: Lang): string {
  if (name === def.outcome.name) return t(def.outcome.label, lang);
  if (name === def.treatment.column) return t(def.treatment.label, lang);
  if (name === PCA_OUTCOME) return t({ en: "inn_2 (PCA index)", zh: "inn_2（主成分指数）" }, lang);
  if (name === EXTERNAL_OUTCOME && def.robustness.externalIndex) return t(def.robustness.externalIndex.label, lang);
  if (def.treatmentAlt && name === def.treatmentAlt.column) return t(def.treatmentAlt.label, lang);
  const c = def.controls.find((c) => controlName(c) === name);
  if (c?.label) return t(c.label, lang);
  const iv = def.instruments.find((i) => i.name === name);
  if (iv) return iv.label ? t(iv.label, lang) : iv.name;
  const m = def.moderators.find((m) => m.name === name);
  if (m?.label) return t(m.label, lang);
  return name;
}
