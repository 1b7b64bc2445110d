import ExcelJS from "exceljs";
import { Lang } from "../../engine/i18n/lang";
import { StudyResult } from "../../engine/study/runStudy";
import { addTableSheet, safeSheetName } from "./xlsxTables";

const DATA_SHEET = { en: "Data", zh: "数据" };
const PROVENANCE_SHEET = { en: "Provenance", zh: "来源说明" };

/**
 * The study as a workbook: one formatted sheet per table (three-line style, notes), a Data
 * sheet with the panel's ids and every variable the study used or built, and a Provenance
 * sheet (input, row counts, options, version, time).
 */
export async function writeStudyWorkbook(result: StudyResult, file: string, lang: Lang): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "CityPanel";
  wb.created = new Date();
  const taken = new Set<string>();
  const names: string[] = [];
  for (const tbl of result.tables) names.push(addTableSheet(wb, tbl, taken).name);
  names.push(addDataSheet(wb, result, lang, taken));
  names.push(addProvenanceSheet(wb, result, lang, taken));
  await wb.xlsx.writeFile(file);
  return names;
}

function addDataSheet(wb: ExcelJS.Workbook, r: StudyResult, lang: Lang, taken: Set<string>): string {
  const ws = wb.addWorksheet(safeSheetName(DATA_SHEET[lang], taken), { views: [{ state: "frozen", ySplit: 1 }] });
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
  return ws.name;
}

function addProvenanceSheet(wb: ExcelJS.Workbook, r: StudyResult, lang: Lang, taken: Set<string>): string {
  const ws = wb.addWorksheet(safeSheetName(PROVENANCE_SHEET[lang], taken));
  ws.addRow([lang === "zh" ? "项目" : "item", lang === "zh" ? "内容" : "value"]).font = { bold: true };
  for (const { label, value } of r.provenance) ws.addRow([label[lang], value]);
  ws.getColumn(1).width = 28;
  ws.getColumn(2).width = 100;
  return ws.name;
}

const asNumberIfNumeric = (s: string): string | number => (/^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s);
