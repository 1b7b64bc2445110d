import ExcelJS from "exceljs";
import { DataTable, tableCells } from "../../engine/data/table";
import { Lang } from "../../engine/i18n/lang";
import { StudyDefinition } from "../../engine/study/definition";
import { formulaText } from "../../engine/study/template/formulas";
import { studyTemplate } from "../../engine/study/template/studyTemplate";
import { JournalTable } from "../../engine/tables/journalTable";
import { markDynamicArrays } from "./markDynamicArrays";
import { CJK_FONT } from "../../engine/tables/sheetStyle";
import { addTableSheet } from "./xlsxTables";

const DATA_SHEET = { en: "Data", zh: "数据" };

/**
 * The template workbook: the panel on a Data sheet (header row 1, values as numbers where
 * they are numbers) and the study template's sheets (engine/study/template) with every
 * formula in the form Excel saves add-in functions (`_xldudf_CITYPANEL_FEREG(…)`), marked as
 * dynamic arrays so results spill. Table sheets are written by results.xlsx's own table-sheet
 * writer (./xlsxTables: three-line rules, fonts, merges, widths, print setup) from the table
 * the template lays out (`study`: runStudy's tables on the same data, so that labels and notes
 * are results.xlsx's), then their formulas and the number formats of the cells they fill.
 * Returns the sheet names and the number of formulas.
 */
export async function writeTemplateWorkbook(data: DataTable, def: StudyDefinition, file: string, lang: Lang, synthetic = false, study?: readonly JournalTable[]): Promise<{ sheets: string[]; formulas: number }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "CityPanel";
  wb.created = new Date();
  wb.calcProperties.fullCalcOnLoad = true;
  const dataName = DATA_SHEET[lang];
  const ws = wb.addWorksheet(dataName, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.addRow([...data.names]).font = { bold: true };
  const columns = data.names.map((_, j) => tableCells(data, j));
  for (let i = 0; i < data.rows; i++) ws.addRow(columns.map((c) => cellValue(c[i])));

  const tpl = studyTemplate(def, { sheet: dataName, names: data.names, rows: data.rows, synthetic }, lang, study);
  const taken = new Set([dataName.toLowerCase()]);
  for (const s of tpl.sheets) {
    if (s.journal) {
      const sheet = addTableSheet(wb, { ...s.journal, sheetName: s.name }, taken);
      for (const c of s.cells) {
        const cell = sheet.getCell(c.row, c.col + 1);
        // the cells a formula spills into must be empty (the table writer puts "" there)
        if (c.formula) cell.value = { formula: formulaText(c.formula, "file") } as ExcelJS.CellFormulaValue;
        else if (c.value === undefined) cell.value = null;
        if (c.numFmt) cell.numFmt = c.numFmt;
        if (c.font) cell.font = { ...cell.font, name: c.font, ...(c.font === CJK_FONT ? { charset: 134 } : {}) };
      }
      continue;
    }
    taken.add(s.name.toLowerCase());
    const sheet = wb.addWorksheet(s.name, { views: [{ showGridLines: true }] });
    for (const c of s.cells) {
      const cell = sheet.getCell(c.row, c.col + 1);
      cell.value = c.formula ? { formula: formulaText(c.formula, "file") } as ExcelJS.CellFormulaValue : (c.value ?? null);
      if (c.bold || c.italic) cell.font = { bold: c.bold, italic: c.italic };
    }
    s.widths?.forEach((w, j) => { sheet.getColumn(j + 1).width = w; });
  }
  await wb.xlsx.writeFile(file);
  const formulas = await markDynamicArrays(file);
  return { sheets: wb.worksheets.map((w) => w.name), formulas };
}

/** A data cell as the workbook should hold it: numbers as numbers, the rest as text, missing as empty. */
function cellValue(v: unknown): string | number | null {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  const s = String(v).trim();
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) ? Number(s) : s;
}
