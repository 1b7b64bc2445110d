import { Bilingual } from "../../i18n/lang";
import { JournalTable } from "../../tables/journalTable";
import { Arg, Formula } from "./formulas";
import { RangeRef } from "./ranges";

/**
 * What a template is made of: sheets of cells holding literal values or formulas (a cell with
 * neither is a cell a formula spills into, there for its number format).
 */
export interface TemplateCell {
  /** 1-based row, 0-based column. */
  readonly row: number;
  readonly col: number;
  readonly value?: string | number;
  readonly formula?: Formula;
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Number format of the cell (spilled numbers: "0.0000" for R² and weights, "0" for N). */
  readonly numFmt?: string;
  /** Font of a cell a formula spills into, chosen by the text it will show (SimSun for 控制 / 未控制, else Times New Roman). */
  readonly font?: string;
}

export interface TemplateSheet {
  readonly key: string;
  readonly name: string;
  readonly cells: readonly TemplateCell[];
  readonly widths?: readonly number[];
  /**
   * A table sheet: the journal table it is laid out as (title, header rows, row labels, notes;
   * blank where `cells` holds formulas), written by the writers of results.xlsx's table sheets
   * (three-line rules, fonts, merges, widths, print setup); `cells` are its laid-out literal
   * cells, its formulas and the number formats of the cells they spill into.
   */
  readonly journal?: JournalTable;
}

export interface StudyTemplate {
  readonly sheets: readonly TemplateSheet[];
}

export interface DataSheetLayout {
  /** Name of the sheet holding the panel (header in row 1). */
  readonly sheet: string;
  /** Column names of row 1, from column A. */
  readonly names: readonly string[];
  /** Number of data rows (rows 2 … rows + 1). */
  readonly rows: number;
  /** The data are CityPanel's synthetic sample panel: every table sheet says so. */
  readonly synthetic?: boolean;
}

export const TEMPLATE_SHEETS = {
  setup: { en: "Setup", zh: "设定" },
  vars: { en: "Vars", zh: "变量" },
  calc: { en: "Calc", zh: "计算" },
} satisfies Record<string, Bilingual>;

/** Function arguments. */
export const rangeArg = (ref: RangeRef): Arg => ({ kind: "range", ref });
export const textArg = (value: string): Arg => ({ kind: "text", value });
export const numberArg = (value: number): Arg => ({ kind: "number", value });
export const OMITTED: Arg = { kind: "omitted" };
