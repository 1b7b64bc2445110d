import type { Worksheet, Workbook, Border } from "exceljs";
import { JournalTable } from "../../engine/tables/journalTable";
import { layoutTable, Rule } from "../../engine/tables/layout";

/** Excel limits sheet names to 31 characters without []:*?/\ ; keep them unique. */
export function safeSheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, " ").slice(0, 31).trim() || "Sheet";
  let candidate = base;
  for (let k = 2; taken.has(candidate.toLowerCase()); k++) candidate = `${base.slice(0, 31 - String(k).length - 1)} ${k}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

const border = (r: Rule): Partial<Border> | undefined => (r === "none" ? undefined : { style: r });

/** Write a journal table onto a new worksheet in the three-line style. */
export function addTableSheet(wb: Workbook, tbl: JournalTable, taken: Set<string>): Worksheet {
  const ws = wb.addWorksheet(safeSheetName(tbl.sheetName, taken), { views: [{ showGridLines: false }] });
  const layout = layoutTable(tbl);
  for (const c of layout.cells) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    cell.value = c.value;
    cell.font = { bold: c.bold, italic: c.italic, size: c.italic ? 9 : 11 };
    cell.alignment = { horizontal: c.align, vertical: "middle" };
    const top = border(c.top);
    const bottom = border(c.bottom);
    if (top || bottom) cell.border = { ...(top ? { top } : {}), ...(bottom ? { bottom } : {}) };
  }
  for (const m of layout.merges) ws.mergeCells(m.row + 1, m.col + 1, m.row + m.rows, m.col + m.cols);
  layout.widths.forEach((w, j) => { ws.getColumn(j + 1).width = w; });
  return ws;
}
