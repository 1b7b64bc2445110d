import type { Worksheet, Workbook, Border, CellValue, RichText } from "exceljs";
import { JournalTable } from "../../engine/tables/journalTable";
import { layoutTable, Rule } from "../../engine/tables/layout";
import { plainNumber } from "../../engine/tables/plainNumber";

/** Excel limits sheet names to 31 characters without []:*?/\ ; keep them unique. */
export function safeSheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, " ").slice(0, 31).trim() || "Sheet";
  let candidate = base;
  for (let k = 2; taken.has(candidate.toLowerCase()); k++) candidate = `${base.slice(0, 31 - String(k).length - 1)} ${k}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

const border = (r: Rule): Partial<Border> | undefined => (r === "none" ? undefined : { style: r });

/** Latin letters and digits in Times New Roman, Chinese in SimSun (宋体), as Chinese journals require. */
export const LATIN_FONT = "Times New Roman";
export const CJK_FONT = "SimSun";
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f]/;

/**
 * A cell's text with its fonts: one run per stretch of Chinese or Latin characters (rich text)
 * when both occur, else the plain value with its one font.
 */
export function fontedValue(text: string | number, size: number, bold: boolean): { value: CellValue; font: { name: string; size: number; bold: boolean } } {
  const s = String(text);
  if (typeof text === "number" || !CJK.test(s)) return { value: text, font: { name: LATIN_FONT, size, bold } };
  const runs: RichText[] = [];
  for (const m of s.matchAll(/([\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f]+)|([^\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f]+)/g)) {
    runs.push({ text: m[0], font: { name: m[1] ? CJK_FONT : LATIN_FONT, size, bold, ...(m[1] ? { charset: 134 } : {}) } });
  }
  if (runs.every((r) => r.font!.name === CJK_FONT)) return { value: s, font: { name: CJK_FONT, size, bold } };
  return { value: { richText: runs }, font: { name: CJK_FONT, size, bold } };
}

/**
 * Write a journal table onto a new worksheet in the three-line style, with the paper's fonts
 * (plain numbers such as N, R² or a weight stored as numbers showing the same digits: ../../engine/tables/plainNumber),
 * notes wrapped within the table's width, and print settings: A4, one page wide
 * (fitToWidth 1, fitToHeight 0), landscape when the table is wider than portrait, centred.
 */
export function addTableSheet(wb: Workbook, tbl: JournalTable, taken: Set<string>): Worksheet {
  const layout = layoutTable(tbl);
  const ws = wb.addWorksheet(safeSheetName(tbl.sheetName, taken), {
    views: [{ showGridLines: false }],
    pageSetup: {
      paperSize: 9, orientation: layout.landscape ? "landscape" : "portrait",
      fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  for (const c of layout.cells) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    const size = c.wrap ? 9 : c.row === 0 ? 12 : 10.5;
    const num = plainNumber(c.value);
    const { value, font } = num ? fontedValue(num.value, size, c.bold) : fontedValue(c.value, size, c.bold);
    cell.value = value;
    cell.font = { ...font, italic: c.italic };
    cell.numFmt = num ? num.format : "@";
    cell.alignment = { horizontal: c.align, vertical: c.wrap ? "top" : "middle", wrapText: !!c.wrap };
    const top = border(c.top);
    const bottom = border(c.bottom);
    if (top || bottom) cell.border = { ...(top ? { top } : {}), ...(bottom ? { bottom } : {}) };
  }
  for (const m of layout.merges) ws.mergeCells(m.row + 1, m.col + 1, m.row + m.rows, m.col + m.cols);
  layout.widths.forEach((w, j) => { ws.getColumn(j + 1).width = w; });
  for (const [row, h] of layout.heights) ws.getRow(row + 1).height = h;
  ws.pageSetup.printArea = `A1:${columnName(layout.cols)}${layout.rows}`;
  return ws;
}

const columnName = (n: number): string => (n <= 26 ? String.fromCharCode(64 + n) : columnName(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));
