import { IdColumn } from "../../engine/data/columns";
import { duplicatePanelWarning } from "../../engine/data/duplicatePanelRows";
import { singletonLevelsWarning } from "../../engine/fe/idLikeFixedEffect";
import { Bilingual, Lang } from "../../engine/i18n/lang";

/**
 * What fereg / iv2sls say about their fixed effects. With two or more (e.g. city,year) the
 * first two are read as a panel's id and time: a repeated pair is a warning (FE need not form a
 * panel, so the model still runs), on stderr and in the JSON's `warnings`. So is a fixed effect
 * whose values mostly occur once (a continuous variable given as an FE, `--fe gov`).
 */
export function fixedEffectWarnings(fe: readonly IdColumn[]): Bilingual[] {
  const idLike = fe.map(singletonLevelsWarning).filter((w): w is Bilingual => w !== null);
  const panel = fe.length >= 2 ? duplicatePanelWarning(fe[0], fe[1], 2) : null;
  return panel ? [panel, ...idLike] : idLike;
}

/** The "absorbed" line of the text output; without --fe it says so in words. */
export function absorbedLine(fe: readonly { name: string; levels: number }[], lang: Lang, noFe: { en: string; zh: string }): string {
  if (fe.length === 0) return lang === "zh" ? `吸收：${noFe.zh}` : `absorbed: ${noFe.en}`;
  const list = fe.map((f) => `${f.name} (${f.levels})`).join(", ");
  return lang === "zh" ? `吸收的固定效应：${list}` : `absorbed: ${list}`;
}
