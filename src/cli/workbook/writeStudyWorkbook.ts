import ExcelJS from "exceljs";
import { Lang } from "../../engine/i18n/lang";
import { StudyResult } from "../../engine/study/runStudy";
import { addTableSheet, safeSheetName } from "./xlsxTables";

const DATA_SHEET = { en: "Data", zh: "数据" };
const PROVENANCE_SHEET = { en: "Provenance", zh: "来源说明" };

/** What the study workbook is written from: the tables, the panel's variables and the provenance rows. */
export type StudyWorkbookInput = Pick<StudyResult, "tables" | "panel" | "provenance">;

/**
 * The study as a workbook: one formatted sheet per table (three-line style, notes), a Data
 * sheet with the panel's ids and every variable the study used or built, and a Provenance
 * sheet (input, row counts, options, version, time). No file system: the CLI writes it to a
 * file (writeStudyWorkbook), the web app gets its bytes (studyWorkbookBytes).
 */
export function buildStudyWorkbook(result: StudyWorkbookInput, lang: Lang): { workbook: ExcelJS.Workbook; sheets: string[] } {
  const wb = new ExcelJS.Workbook();
  wb.creator = "CityPanel";
  wb.created = new Date();
  const taken = new Set<string>();
  const names: string[] = [];
  for (const tbl of result.tables) names.push(addTableSheet(wb, tbl, taken).name);
  names.push(addProvenanceSheet(wb, result, lang, taken));
  names.push(addDataSheet(wb, result, lang, taken));
  return { workbook: wb, sheets: names };
}

/** The study workbook written to `file`; resolves to its sheet names. */
export async function writeStudyWorkbook(result: StudyWorkbookInput, file: string, lang: Lang): Promise<string[]> {
  const { workbook, sheets } = buildStudyWorkbook(result, lang);
  await workbook.xlsx.writeFile(file);
  return sheets;
}

/** The study workbook as .xlsx bytes (browser-safe: the web app's "Download results.xlsx"). */
export async function studyWorkbookBytes(result: StudyWorkbookInput, lang: Lang): Promise<{ bytes: Uint8Array; sheets: string[] }> {
  const { workbook, sheets } = buildStudyWorkbook(result, lang);
  const buffer = await workbook.xlsx.writeBuffer();
  return { bytes: new Uint8Array(buffer as ArrayBuffer), sheets };
}

function addDataSheet(wb: ExcelJS.Workbook, r: StudyWorkbookInput, lang: Lang, taken: Set<string>): string {
  const ws = wb.addWorksheet(safeSheetName(DATA_SHEET[lang], taken), {
    views: [{ state: "frozen", ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" },
  });
  const p = r.panel;
  const ids = [p.city, p.year, ...(p.agglomeration ? [p.agglomeration] : [])];
  const vars = [...p.vars.values()];
  ws.addRow([...ids.map((c) => c.name), ...vars.map((v) => v.name)]).font = { bold: true };
  for (let i = 0; i < p.n; i++) {
    ws.addRow([
      ...ids.map((c) => (c.codes[i] >= 0 ? asNumberIfNumeric(c.levels[c.codes[i]]) : "")),
      ...vars.map((v) => (Number.isFinite(v.values[i]) ? v.values[i] : "")),
    ]);
  }
  ws.pageSetup.printArea = `A1:${ws.getColumn(ids.length + vars.length).letter}${p.n + 1}`;
  return ws.name;
}

function addProvenanceSheet(wb: ExcelJS.Workbook, r: StudyWorkbookInput, lang: Lang, taken: Set<string>): string {
  const ws = wb.addWorksheet(safeSheetName(PROVENANCE_SHEET[lang], taken));
  ws.addRow([lang === "zh" ? "项目" : "item", lang === "zh" ? "内容" : "value"]).font = { bold: true };
  for (const { label, value } of r.provenance) ws.addRow([label[lang], value]);
  ws.getColumn(1).width = 28;
  ws.getColumn(2).width = 100;
  return ws.name;
}

const asNumberIfNumeric = (s: string): string | number => (/^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s);
