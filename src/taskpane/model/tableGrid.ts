import { JournalTable } from "../../engine/tables/journalTable";
import { Rule } from "../../engine/tables/layout";
import { SheetStyle, sheetStyle, StyledCell } from "../../engine/tables/sheetStyle";
import { OwnFormula } from "./cellText";

/** A cell the pane writes: a number, text (always written as text), or one of CityPanel's own formulas (./cellText). */
export type GridCell = string | number | OwnFormula;

/** A run of equally formatted neighbouring cells in one row: one Office.js range, one format call. */
export interface FormatRun {
  readonly row: number;
  readonly col: number;
  readonly cols: number;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly align: "center" | "left";
  readonly top: Rule;
  readonly bottom: Rule;
  /** The cell font (Office.js sets one font per cell: SimSun where the text has Chinese). */
  readonly font: string;
  readonly size: number;
  readonly wrap: boolean;
  readonly vertical: "top" | "middle";
}

/** A journal table ready for a sheet: cells, their number formats, format runs, and the sheet style (merges, widths, heights, print setup). */
export interface TableGrid {
  readonly grid: GridCell[][];
  readonly numberFormats: string[][];
  readonly runs: FormatRun[];
  readonly style: SheetStyle;
}

/**
 * The three-line journal table as a grid, as results.xlsx holds it (engine/tables/sheetStyle):
 * plain numbers ("2744", "0.8490", "-3.1662") become numbers shown with the same decimals; the
 * rest ("0.0999***", "(0.0020)", "[0.0000]", "Yes") stays text. `formulas` (same shape)
 * replace cells where given.
 */
export function tableGrid(table: JournalTable, formulas?: readonly (readonly GridCell[])[]): TableGrid {
  const style = sheetStyle(table);
  const grid: GridCell[][] = Array.from({ length: style.rows }, () => Array<GridCell>(style.cols).fill(""));
  const numberFormats: string[][] = Array.from({ length: style.rows }, () => Array<string>(style.cols).fill(""));
  for (const c of style.cells) {
    grid[c.row][c.col] = c.number ? c.number.value : c.value;
    if (c.number) numberFormats[c.row][c.col] = c.number.format;
  }
  if (formulas) {
    formulas.forEach((r, i) => r.forEach((f, j) => {
      if (f === "" || i >= grid.length || j >= grid[i].length) return;
      grid[i][j] = f;
      numberFormats[i][j] = "";
    }));
  }
  return { grid, numberFormats, runs: formatRuns(style), style };
}

/** The styled cells grouped, row by row, into runs of adjacent cells with the same format. */
function formatRuns(layout: SheetStyle): FormatRun[] {
  const key = (c: StyledCell) => `${c.bold}|${c.italic}|${c.align}|${c.top}|${c.bottom}|${c.font}|${c.size}|${c.wrap}|${c.vertical}`;
  const byRow = new Map<number, StyledCell[]>();
  for (const c of layout.cells) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
  const runs: FormatRun[] = [];
  for (const cells of byRow.values()) {
    cells.sort((a, b) => a.col - b.col);
    for (let s = 0; s < cells.length; ) {
      let e = s + 1;
      while (e < cells.length && key(cells[e]) === key(cells[s]) && cells[e].col === cells[e - 1].col + 1) e++;
      const c = cells[s];
      runs.push({
        row: c.row, col: c.col, cols: e - s, bold: !!c.bold, italic: !!c.italic, align: c.align === "center" ? "center" : "left", top: c.top, bottom: c.bottom,
        font: c.font, size: c.size, wrap: c.wrap, vertical: c.vertical,
      });
      s = e;
    }
  }
  return runs;
}
