import { displayWidth, JournalTable } from "./journalTable";

/**
 * Where each cell of a journal table goes on a sheet and how it looks, in the three-line
 * style of Chinese journals: a medium rule above the header, a thin rule below it, a medium
 * rule below the body; title above, notes below (each merged across the table's width and
 * wrapped). Group headers and the "Variable" corner are merged as the table says. Writers
 * (exceljs in the CLI, Office.js in the taskpane) only translate these flags, so both produce
 * the same sheet.
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
  /** Wrap the text within its (merged) cell: the notes. */
  readonly wrap?: boolean;
}

export interface SheetLayout {
  readonly cells: readonly LaidCell[];
  readonly rows: number;
  readonly cols: number;
  /** Title and notes across the table's width; group headers; the header corner. */
  readonly merges: readonly { row: number; col: number; rows: number; cols: number }[];
  /** Suggested column widths in characters. */
  readonly widths: readonly number[];
  /** Suggested heights (points) of rows that need more than one line (wrapped notes), by row. */
  readonly heights: ReadonlyMap<number, number>;
  /** The table is wider than an A4 portrait page holds: print it landscape. */
  readonly landscape: boolean;
  /** Rows of the header (0-based, inclusive) for print titles. */
  readonly headerRows: readonly [number, number];
}

/** Characters of an 11-point font that fit across A4 portrait (≈ 90) and landscape (≈ 135) at 100 %. */
const PORTRAIT_CHARS = 95;

/**
 * @example
 * layoutTable(table3).cells.find((c) => c.row === 2 && c.col === 0)  // first header cell, top rule "medium"
 */
export function layoutTable(tbl: JournalTable): SheetLayout {
  const width = Math.max(...[...tbl.header, ...tbl.body].map((r) => r.length));
  const left = new Set(tbl.leftColumns ?? [0]);
  const cells: LaidCell[] = [];
  const put = (row: number, col: number, value: string | number, o: Partial<LaidCell> = {}) =>
    cells.push({ row, col, value, bold: false, italic: false, align: left.has(col) ? "left" : "center", top: "none", bottom: "none", ...o });
  put(0, 0, tbl.title, { bold: true, align: "center" });
  const h0 = 2;
  const last = tbl.header.length - 1;
  // a merged header cell reaching the last header row carries the thin rule itself (LibreOffice draws the origin's border)
  const reachesLast = (i: number, j: number) => (tbl.headerMerges ?? []).some((m) => m.row === i && m.col === j && m.row + m.rows - 1 === last);
  tbl.header.forEach((r, i) => {
    for (let j = 0; j < width; j++) {
      put(h0 + i, j, r[j] ?? "", {
        bold: true,
        align: "center",
        top: i === 0 ? "medium" : "none",
        bottom: i === last || reachesLast(i, j) ? "thin" : "none",
      });
    }
  });
  const b0 = h0 + tbl.header.length;
  tbl.body.forEach((r, i) => {
    for (let j = 0; j < width; j++) put(b0 + i, j, r[j] ?? "", { bottom: i === tbl.body.length - 1 ? "medium" : "none" });
  });
  const textWidth = (s: string | number) => displayWidth(String(s));
  const widths = Array.from({ length: width }, (_, j) => Math.max(tbl.minWidths?.[j] ?? 0,
    Math.min(left.has(j) ? 56 : 30, Math.max(8, ...cells.filter((c) => c.col === j && c.row >= b0).map((c) => textWidth(c.value) + 2),
      ...cells.filter((c) => c.col === j && c.row >= h0 && c.row < b0 && !tbl.headerMerges?.some((m) => m.cols > 1 && m.row === c.row - h0 && m.col <= j && j < m.col + m.cols)).map((c) => textWidth(c.value) + 2)))),
  );
  const total = widths.reduce((a, w) => a + w, 0);
  const n0 = b0 + tbl.body.length;
  const heights = new Map<number, number>();
  tbl.notes.forEach((note, i) => {
    put(n0 + i, 0, note, { italic: false, align: "left", wrap: true });
    const lines = Math.max(1, Math.ceil((textWidth(note) * 0.8) / total));
    if (lines > 1) heights.set(n0 + i, 14 * lines + 2);
  });
  const merges = [
    { row: 0, col: 0, rows: 1, cols: width },
    ...(tbl.headerMerges ?? []).map((m) => ({ ...m, row: m.row + h0 })),
    ...tbl.notes.map((_, i) => ({ row: n0 + i, col: 0, rows: 1, cols: width })),
  ];
  return {
    cells, rows: n0 + tbl.notes.length, cols: width, merges, widths, heights,
    landscape: total > PORTRAIT_CHARS, headerRows: [h0, b0 - 1],
  };
}
