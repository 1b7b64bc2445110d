import type { Worksheet, Workbook, Border, CellValue, RichText } from "exceljs";
import { JournalTable } from "../../engine/tables/journalTable";
import { Rule } from "../../engine/tables/layout";
import { CJK_FONT, numberFormatOf, printAreaA1, sheetStyle, StyledCell } from "../../engine/tables/sheetStyle";

/** Excel limits sheet names to 31 characters without []:*?/\ ; keep them unique. */
export function safeSheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, " ").slice(0, 31).trim() || "Sheet";
  let candidate = base;
  for (let k = 2; taken.has(candidate.toLowerCase()); k++) candidate = `${base.slice(0, 31 - String(k).length - 1)} ${k}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

const border = (r: Rule): Partial<Border> | undefined => (r === "none" ? undefined : { style: r });

/**
 * A styled cell's text with its fonts: one rich-text run per stretch of Chinese (SimSun) or
 * Latin (Times New Roman) text when both occur, else the plain value with its one font.
 */
function fontedValue(c: StyledCell): CellValue {
  if (c.number) return c.number.value;
  if (c.runs.length <= 1) return c.value;
  return {
    richText: c.runs.map((r): RichText => ({ text: r.text, font: { name: r.font, size: c.size, bold: c.bold, italic: c.italic, ...(r.font === CJK_FONT ? { charset: 134 } : {}) } })),
  };
}

/**
 * Write a journal table onto a new worksheet as engine/tables/sheetStyle describes it (the
 * task pane's writer translates the same description): three-line style, the paper's fonts,
 * plain numbers (N, R², a weight) stored as numbers showing the table's digits,
 * notes wrapped within the table's width, and the print setup (A4, one page wide, landscape
 * when wide, header rows repeated, centred, print area).
 */
export function addTableSheet(wb: Workbook, tbl: JournalTable, taken: Set<string>): Worksheet {
  const style = sheetStyle(tbl);
  const p = style.print;
  const ws = wb.addWorksheet(safeSheetName(tbl.sheetName, taken), {
    views: [{ showGridLines: style.showGridlines }],
    pageSetup: {
      paperSize: 9, orientation: p.orientation,
      fitToPage: true, fitToWidth: p.fitToWidth, fitToHeight: p.fitToHeight, horizontalCentered: p.centerHorizontally,
      margins: { ...p.marginsInches },
      printTitlesRow: `${p.titleRows[0] + 1}:${p.titleRows[1] + 1}`,
    },
  });
  for (const c of style.cells) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    cell.value = fontedValue(c);
    cell.font = { name: c.font, size: c.size, bold: c.bold, italic: c.italic, ...(c.font === CJK_FONT ? { charset: 134 } : {}) };
    cell.numFmt = numberFormatOf(c);
    cell.alignment = { horizontal: c.align, vertical: c.vertical, wrapText: c.wrap };
    const top = border(c.top);
    const bottom = border(c.bottom);
    if (top || bottom) cell.border = { ...(top ? { top } : {}), ...(bottom ? { bottom } : {}) };
  }
  for (const m of style.merges) ws.mergeCells(m.row + 1, m.col + 1, m.row + m.rows, m.col + m.cols);
  style.widths.forEach((w, j) => { ws.getColumn(j + 1).width = w; });
  for (const [row, h] of style.heights) ws.getRow(row + 1).height = h;
  ws.pageSetup.printArea = printAreaA1(p);
  return ws;
}
