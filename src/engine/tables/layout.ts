import { JournalTable } from "./journalTable";

/**
 * Where each cell of a journal table goes on a sheet and how it looks, in the three-line
 * style of Chinese journals: a medium rule above the header, a thin rule below it, a medium
 * rule below the body; title above, notes below. Writers (exceljs in the CLI, Office.js in
 * the taskpane) only translate these flags, so both produce the same sheet.
 */
export type Rule = "none" | "thin" | "medium";

export interface LaidCell {
  readonly row: number; // 0-based
  readonly col: number; // 0-based
  readonly value: string | number;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly align: "left" | "center";
  readonly top: Rule;
  readonly bottom: Rule;
}

export interface SheetLayout {
  readonly cells: readonly LaidCell[];
  readonly rows: number;
  readonly cols: number;
  /** Title merged across the table's width on row 0. */
  readonly merges: readonly { row: number; col: number; rows: number; cols: number }[];
  /** Suggested column widths in characters. */
  readonly widths: readonly number[];
}

/**
 * @example
 * layoutTable(table3).cells.find((c) => c.row === 2 && c.col === 0)  // first header cell, top rule "medium"
 */
export function layoutTable(tbl: JournalTable): SheetLayout {
  const width = Math.max(...[...tbl.header, ...tbl.body].map((r) => r.length));
  const cells: LaidCell[] = [];
  const put = (row: number, col: number, value: string | number, o: Partial<LaidCell> = {}) =>
    cells.push({ row, col, value, bold: false, italic: false, align: col === 0 ? "left" : "center", top: "none", bottom: "none", ...o });
  put(0, 0, tbl.title, { bold: true, align: "center" });
  const h0 = 2;
  tbl.header.forEach((r, i) => {
    for (let j = 0; j < width; j++) {
      put(h0 + i, j, r[j] ?? "", {
        bold: true,
        top: i === 0 ? "medium" : "none",
        bottom: i === tbl.header.length - 1 ? "thin" : "none",
      });
    }
  });
  const b0 = h0 + tbl.header.length;
  tbl.body.forEach((r, i) => {
    for (let j = 0; j < width; j++) put(b0 + i, j, r[j] ?? "", { bottom: i === tbl.body.length - 1 ? "medium" : "none" });
  });
  const n0 = b0 + tbl.body.length;
  tbl.notes.forEach((note, i) => put(n0 + i, 0, note, { italic: true, align: "left" }));
  const textWidth = (s: string | number) => [...String(s)].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  const widths = Array.from({ length: width }, (_, j) =>
    Math.min(60, Math.max(8, ...cells.filter((c) => c.col === j && c.row >= h0 && c.row < n0).map((c) => textWidth(c.value) + 2))),
  );
  return { cells, rows: n0 + tbl.notes.length, cols: width, merges: [{ row: 0, col: 0, rows: 1, cols: width }], widths };
}
