import { Bilingual, Lang, t } from "../engine/i18n/lang";
import { SPILL_LABELS } from "../engine/i18n/spillLabels";

const L = SPILL_LABELS;

export type LabelKey = keyof typeof L;

/** A spill label in the user's language; "{0}" is replaced by `arg`. */
export const label = (k: LabelKey, lang: Lang, arg = ""): string => t(L[k], lang).replace("{0}", arg);

/** The label key whose English or Chinese text is `text` (row labels typed or spilled in either language). */
export function labelKeyOf(text: string): LabelKey | undefined {
  const s = text.trim();
  for (const [k, v] of Object.entries(L) as [LabelKey, Bilingual][]) if (v.en === s || v.zh === s) return k;
  return undefined;
}
