import { Lang } from "../engine/i18n/lang";
import { starLegend, stars } from "../engine/tables/stars";
import { fmt, textTable } from "./format";

/**
 * The coefficient block of `fereg` / `iv2sls` text output: term, coef, se, t, p and the
 * paper's significance stars (* p<0.1, ** p<0.05, *** p<0.01) in a last column, headers in
 * the chosen language, columns aligned by display width (Chinese names count two columns).
 *
 * @example
 * coefficientText({ terms: ["digit"], coef, se, t, p }, "zh")  // "变量  系数 … 显著性" and "digit  0.099… ***"
 */
const HEAD: Record<Lang, readonly string[]> = {
  en: ["", "coef", "se", "t", "p", "sig."],
  zh: ["变量", "系数", "标准误", "t 值", "p 值", "显著性"],
};

export function coefficientText(
  r: { terms: readonly string[]; coef: ArrayLike<number>; se: ArrayLike<number>; t: ArrayLike<number>; p: ArrayLike<number> },
  lang: Lang,
): string {
  const rows = r.terms.map((name, j) => [name, fmt(r.coef[j]), fmt(r.se[j]), fmt(r.t[j], 3), fmt(r.p[j], 4), stars(r.p[j])]);
  return textTable([[...HEAD[lang]], ...rows]);
}

/** The line under the coefficient blocks that says what the stars mean. */
export const starsLine = (lang: Lang): string => (lang === "zh" ? `显著性：${starLegend()}` : `Significance: ${starLegend()}`);
