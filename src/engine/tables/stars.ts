/**
 * Significance stars as the paper prints them: * p < 0.10, ** p < 0.05, *** p < 0.01.
 * Thresholds can be changed (descending list of cut-offs, one star each).
 *
 * @example
 * stars(0.03)            // "**"
 * stars(0.03, [0.05])    // "*"
 */
export const DEFAULT_STAR_LEVELS: readonly number[] = [0.1, 0.05, 0.01];

export function stars(p: number, levels: readonly number[] = DEFAULT_STAR_LEVELS): string {
  if (!Number.isFinite(p)) return "";
  let s = "";
  for (const cut of levels) if (p < cut) s += "*";
  return s;
}

/** The legend line of a table note, e.g. "* p<0.1, ** p<0.05, *** p<0.01". */
export function starLegend(levels: readonly number[] = DEFAULT_STAR_LEVELS): string {
  return levels.map((cut, i) => `${"*".repeat(i + 1)} p<${cut}`).join(", ");
}
