import { Lang } from "../engine/i18n/lang";
import { SPILL_LABELS } from "../engine/i18n/spillLabels";
import { SUMMARY_LABELS } from "../engine/i18n/summaryLabels";
import { VcovType } from "../engine/vcov/types";

/**
 * Pieces of the header and footer lines of `fereg` / `iv2sls` text output, in the chosen
 * language (labels from engine/i18n: the functions' spill labels and ../engine/i18n/summaryLabels).
 *
 * @example
 * labelled("omitted (collinear)", "x2", "en")                               // "omitted (collinear): x2"
 * vceText({ vcov: "cluster", clusters: [{ name: "city", count: 196 }] }, "zh") // "标准误类型：聚类（cluster），聚类数 city: 196"
 */
export const labelled = (label: string, value: string, lang: Lang): string => (lang === "zh" ? `${label}：${value}` : `${label}: ${value}`);

export function vceText(r: { vcov: VcovType; clusters: readonly { name: string; count: number }[] }, lang: Lang): string {
  const name = SUMMARY_LABELS[r.vcov][lang];
  if (r.vcov !== "cluster") return labelled(SPILL_LABELS.vce[lang], name, lang);
  const counts = r.clusters.map((c) => `${c.name}: ${c.count}`).join(", ");
  return lang === "zh" ? `${SPILL_LABELS.vce.zh}：${name}，${SPILL_LABELS.clusters.zh} ${counts}` : `${SPILL_LABELS.vce.en}: ${name} (${counts})`;
}
