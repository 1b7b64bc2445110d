import { columnLetters } from "../study/template/ranges";
import { JournalTable } from "./journalTable";
import { LaidCell, layoutTable, SheetLayout } from "./layout";
import { PlainNumber, plainNumber } from "./plainNumber";

/**
 * How a journal table sheet looks and prints, for every writer (exceljs for results.xlsx and
 * the template workbook, Office.js for the task pane's sheets), so they cannot drift: the
 * layout's cells with their fonts (Times New Roman for Latin letters and digits, SimSun/宋体
 * for Chinese, as Chinese journals require), font sizes, vertical alignment and wrapping; row
 * heights and column widths; plain numbers ("2744", "0.8490") as numbers with the format that
 * shows the same digits (./plainNumber), everything else as text (number format "@", so
 * "(0.0020)" stays text and nothing shows in scientific notation); the print setup (A4, one page wide, landscape when the table is
 * wider than portrait, the header repeated on every page, centred, the print area).
 * Writers only translate these fields.
 */
export const LATIN_FONT = "Times New Roman";
export const CJK_FONT = "SimSun";

/** Chinese characters, CJK punctuation and full-width forms (（），：); they are set in SimSun. */
const CJK_CLASS = "\\u2e80-\\u9fff\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uffef\\u3000-\\u303f";
const HAS_CJK = new RegExp(`[${CJK_CLASS}]`);
const RUNS = new RegExp(`([${CJK_CLASS}]+)|([^${CJK_CLASS}]+)`, "g");

/** A stretch of a cell's text in one font. */
export interface FontRun {
  readonly text: string;
  readonly font: typeof LATIN_FONT | typeof CJK_FONT;
}

/**
 * A cell's text cut into stretches of Chinese (SimSun) and Latin (Times New Roman) text.
 * @example fontRuns("数字经济（digit）") // [{text:"数字经济（", font:"SimSun"}, {text:"digit", font:"Times New Roman"}, {text:"）", font:"SimSun"}]
 */
export function fontRuns(text: string | number): FontRun[] {
  const s = String(text);
  if (typeof text === "number" || !HAS_CJK.test(s)) return s ? [{ text: s, font: LATIN_FONT }] : [];
  return [...s.matchAll(RUNS)].map((m) => ({ text: m[0], font: m[1] ? CJK_FONT : LATIN_FONT }));
}

/**
 * The one font of a cell, for a writer that cannot set fonts per character (Office.js has no
 * rich text in cells) and for the cell-level font under rich text: SimSun where the text has
 * any Chinese (the Chinese must be 宋体; SimSun has Latin glyphs too), else Times New Roman.
 */
export const cellFont = (text: string | number): FontRun["font"] => (typeof text === "string" && HAS_CJK.test(text) ? CJK_FONT : LATIN_FONT);

/** Font sizes in points: the title, the table, the notes (smaller, as journals print them). */
export const FONT_SIZE = { title: 12, table: 10.5, note: 9 } as const;

export interface StyledCell extends LaidCell {
  /** The cell-level font (cellFont). */
  readonly font: FontRun["font"];
  /** The text in font stretches; more than one only when Chinese and Latin text mix. */
  readonly runs: readonly FontRun[];
  readonly size: number;
  readonly wrap: boolean;
  readonly vertical: "top" | "middle";
  /** The number a sheet stores for a plain-number cell, with its format; undefined: text, format "@". */
  readonly number: PlainNumber | undefined;
}

/** The number format of a styled cell: the plain number's, or text. */
export const numberFormatOf = (c: StyledCell): string => c.number?.format ?? "@";

/** Print settings of a table sheet. */
export interface PrintSetup {
  readonly paper: "A4";
  readonly orientation: "portrait" | "landscape";
  /** Fit to one page wide, as many pages tall as needed (OOXML fitToWidth 1, fitToHeight 0). */
  readonly fitToWidth: 1;
  readonly fitToHeight: 0;
  readonly centerHorizontally: true;
  readonly marginsInches: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number; readonly header: number; readonly footer: number };
  /** Rows repeated at the top of every printed page (0-based, inclusive): the header. */
  readonly titleRows: readonly [number, number];
  /** Rows and columns printed, from A1. */
  readonly area: { readonly rows: number; readonly cols: number };
}

export interface SheetStyle {
  readonly cells: readonly StyledCell[];
  readonly rows: number;
  readonly cols: number;
  readonly merges: SheetLayout["merges"];
  /** Column widths in characters (exceljs's unit); Office.js takes points (columnWidthPoints). */
  readonly widths: readonly number[];
  /** Row heights in points, by 0-based row, where a row needs more than one line (wrapped notes). */
  readonly heights: ReadonlyMap<number, number>;
  readonly showGridlines: false;
  readonly print: PrintSetup;
}

const MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } as const;

/**
 * @example
 * const s = sheetStyle(table4zh);
 * s.cells.find((c) => c.row === 0)!.size   // 12 (the title)
 * s.print.orientation                       // "landscape" when the table is wider than portrait
 */
export function sheetStyle(tbl: JournalTable): SheetStyle {
  const layout = layoutTable(tbl);
  const noteRow0 = layout.rows - tbl.notes.length;
  const cells = layout.cells.map((c): StyledCell => {
    const wrap = !!c.wrap;
    return {
      ...c,
      font: cellFont(c.value),
      runs: fontRuns(c.value),
      size: c.row === 0 ? FONT_SIZE.title : c.row >= noteRow0 ? FONT_SIZE.note : FONT_SIZE.table,
      wrap,
      vertical: wrap ? "top" : "middle",
      number: plainNumber(c.value),
    };
  });
  return {
    cells, rows: layout.rows, cols: layout.cols, merges: layout.merges, widths: layout.widths, heights: layout.heights,
    showGridlines: false,
    print: {
      paper: "A4", orientation: layout.landscape ? "landscape" : "portrait", fitToWidth: 1, fitToHeight: 0, centerHorizontally: true,
      marginsInches: MARGINS, titleRows: layout.headerRows, area: { rows: layout.rows, cols: layout.cols },
    },
  };
}

/**
 * A column width in characters as points (Office.js's unit): Excel's width w holds w digits of
 * the default font, 7 px each, plus 5 px of padding; 1 px = 0.75 pt.
 * @example columnWidthPoints(8) // 45.75
 */
export const columnWidthPoints = (chars: number): number => (chars * 7 + 5) * 0.75;

/** The print area in A1 notation, e.g. "A1:H24". */
export const printAreaA1 = (p: PrintSetup): string => `A1:${columnLetters(p.area.cols - 1)}${p.area.rows}`;

/** The print title rows in A1 notation, e.g. "$3:$4" (1-based). */
export const printTitleRowsA1 = (p: PrintSetup): string => `$${p.titleRows[0] + 1}:$${p.titleRows[1] + 1}`;
