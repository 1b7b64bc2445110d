/**
 * A journal table, independent of where it is written (xlsx through exceljs in the CLI,
 * worksheet ranges through Office.js in the taskpane, text in tests): a grid of cells
 * with the kind of each row, so a writer can draw the three-line style of Chinese journals
 * (a thick rule above the header, a thin one below it, a thick one below the body) and
 * put notes under the table.
 */
export type RowKind = "title" | "header" | "coef" | "se" | "stat" | "indicator" | "note" | "section";

export interface JournalTable {
  /** Stable id, e.g. "table3". */
  readonly id: string;
  /** Sheet-friendly name, e.g. "Table 3 Baseline" / "表3 基准回归" (≤ 31 characters). */
  readonly sheetName: string;
  readonly title: string;
  /** Header rows, then body rows; every row has the same number of cells. */
  readonly header: readonly (readonly string[])[];
  readonly body: readonly (readonly string[])[];
  readonly bodyKinds: readonly RowKind[];
  /**
   * The numbers behind the body cells (same shape as body; null where the cell is a label
   * or text), so tests and live formulas can compare exact values, not rounded text.
   */
  readonly values: readonly (readonly (number | null)[])[];
  readonly notes: readonly string[];
  /** Header cells merged across columns or rows (group headers; the "Variable" corner), header-relative. */
  readonly headerMerges?: readonly { row: number; col: number; rows: number; cols: number }[];
  /** Body columns aligned left (labels, indicator names); the others are centred. Default: column 0. */
  readonly leftColumns?: readonly number[];
  /** Least column widths in characters (the live-formula template keeps the widths of the table whose values its formulas spill). */
  readonly minWidths?: readonly number[];
}

/** Display width of text in a monospaced terminal: CJK and full-width characters take two columns. */
export const displayWidth = (s: string): number =>
  [...s].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);

/**
 * Render a table as aligned plain text (CLI output, tests): the table's left columns (labels,
 * indicator names; default column 0) left-aligned, the others right-aligned, widths by display
 * width (a Chinese character takes two columns).
 */
export function tableToText(tbl: JournalTable): string {
  const rows = [...tbl.header, ...tbl.body];
  const width = displayWidth;
  const left = new Set(tbl.leftColumns ?? [0]);
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => width(r[j] ?? ""))));
  const pad = (s: string, w: number, left: boolean) => (left ? s + " ".repeat(w - width(s)) : " ".repeat(w - width(s)) + s);
  const line = (r: readonly string[]) => r.map((c, j) => pad(c ?? "", widths[j], left.has(j))).join("  ").trimEnd();
  const total = widths.reduce((a, w) => a + w + 2, -2);
  const thick = "=".repeat(total);
  const thin = "-".repeat(total);
  return [tbl.title, thick, ...tbl.header.map(line), thin, ...tbl.body.map(line), thick, ...tbl.notes].join("\n");
}
