import { displayWidth } from "../engine/tables/journalTable";

/** A statistic of the text output: `label = value`, or a heading alone (`[label]`). */
export type Stat = readonly [label: string] | readonly [label: string, value: string];

const cellOf = (s: Stat): string => (s.length === 1 ? s[0] : `${s[0]} = ${s[1]}`);

/**
 * Lines of statistics under each other, their k-th items starting in the same terminal column
 * (display width: a Chinese character takes two), three spaces apart.
 *
 * @example
 * statLines([[["R²", "0.9517"], ["组内 R²", "0.7201"]], [["F(2, 169)", "38.336"], ["F 检验 p 值", "1.87e-14"]]])
 * // ["R² = 0.9517          组内 R² = 0.7201",
 * //  "F(2, 169) = 38.336   F 检验 p 值 = 1.87e-14"]
 */
export function statLines(lines: readonly (readonly Stat[])[]): string[] {
  const cells = lines.map((l) => l.map(cellOf));
  const widths: number[] = [];
  for (const l of cells) l.forEach((c, k) => { widths[k] = Math.max(widths[k] ?? 0, displayWidth(c)); });
  return cells.map((l) => l.map((c, k) => c + " ".repeat(widths[k] - displayWidth(c))).join("   ").trimEnd());
}
