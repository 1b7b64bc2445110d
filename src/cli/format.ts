import { displayWidth } from "../engine/tables/journalTable";

/** Plain-text table helpers for the human-readable output of `citypanel`. */

/** Format a number for reading (not for scripts: use --json). */
export function fmt(x: number | null | undefined, digits = 6): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return ".";
  if (x !== 0 && (Math.abs(x) >= 1e7 || Math.abs(x) < 1e-4)) return x.toExponential(digits - 2);
  return x.toFixed(digits);
}

/**
 * Lay out rows as aligned columns; the first row is the header, numbers right-aligned. Widths
 * count terminal columns: CJK and full-width characters take two (城市 is 4 wide).
 *
 * @example
 * textTable([["", "coef"], ["数字", "0.1"]])  // "数字" padded as 4 columns, not 2
 */
export function textTable(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return "";
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => displayWidth(r[j] ?? ""))));
  const pad = (c: string, j: number) => " ".repeat(widths[j] - displayWidth(c));
  const line = (r: readonly string[]) =>
    r.map((c, j) => (j === 0 ? c + pad(c, j) : pad(c, j) + c)).join("  ").trimEnd();
  const rule = "-".repeat(widths.reduce((a, w) => a + w + 2, -2));
  return [rule, line(rows[0]), rule, ...rows.slice(1).map(line), rule].join("\n");
}
