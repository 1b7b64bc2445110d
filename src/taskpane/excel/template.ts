/**
 * The study's live-formula sheets through Office.js: "Insert template" (a Data sheet skeleton
 * and the template wired to it) and the run's "live formulas" output.
 */
import { Bilingual, Lang } from "../../engine/i18n/lang";
import { defaultStudy } from "../../engine/study/defaultStudy";
import { StudyDefinition } from "../../engine/study/definition";
import { JournalTable } from "../../engine/tables/journalTable";
import { DataSheetLayout, StudyTemplate, studyTemplate, TemplateSheet } from "../../engine/study/template/studyTemplate";
import { expectedHeaders } from "../model/expectedHeaders";
import { templateGrids } from "../model/templateGrid";
import { TemplateOutcome } from "../state/services";
import { addSheetWithUniqueName, GridCell, writeGrid, writeJournalTable, writeProvenance } from "./write";

const DATA_SHEET: Bilingual = { en: "Data", zh: "数据" };

/** The workbook setting that remembers the sheets "Insert template" added. */
export const TEMPLATE_SETTING = "citypanel.template";

/**
 * "Insert template": a new Data sheet with the expected header row (bold, frozen) and the
 * study's result sheets wired to it with live CITYPANEL.* formulas (engine/study/template),
 * referring to data rows 2 … rows + 1 of that sheet. When the template inserted before is
 * still in the workbook, it is reused (its Data sheet activated) rather than added again as
 * "Setup (2)", "Vars (2)" …
 */
export async function insertTemplate(lang: Lang, rows: number, def: StudyDefinition = defaultStudy()): Promise<TemplateOutcome> {
  return Excel.run(async (context) => {
    const existing = await existingTemplate(context);
    if (existing) {
      context.workbook.worksheets.getItem(existing[0]).activate();
      await context.sync();
      return { sheets: existing, reused: true };
    }
    const data = await addSheetWithUniqueName(context, DATA_SHEET[lang]);
    const headers = expectedHeaders(def);
    await writeGrid(context, data, 0, 0, [headers]);
    data.getRangeByIndexes(0, 0, 1, headers.length).format.font.bold = true;
    data.freezePanes.freezeRows(1);
    data.load("name");
    await context.sync();
    const tpl = studyTemplate(def, { sheet: data.name, names: headers, rows }, lang);
    const names = [data.name, ...(await writeTemplateSheets(context, tpl))];
    context.workbook.settings.add(TEMPLATE_SETTING, JSON.stringify({ sheets: names }));
    data.activate();
    await context.sync();
    return { sheets: names, reused: false };
  });
}

/** The sheets of the template inserted before, when every one of them is still in the workbook. */
async function existingTemplate(context: Excel.RequestContext): Promise<string[] | null> {
  const item = context.workbook.settings.getItemOrNullObject(TEMPLATE_SETTING);
  item.load("value");
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  if (item.isNullObject) return null;
  const names = sheetList(item.value);
  const present = new Set(sheets.items.map((x) => x.name.toLowerCase()));
  return names && names.length && names.every((n) => present.has(n.toLowerCase())) ? names : null;
}

function sheetList(value: unknown): string[] | null {
  try {
    const v = typeof value === "string" ? JSON.parse(value) : value;
    return Array.isArray(v?.sheets) && v.sheets.every((n: unknown) => typeof n === "string") ? v.sheets : null;
  } catch {
    return null;
  }
}

/**
 * Write the sheets of a study template (engine/study/template: Setup, Vars, Calc and one
 * sheet per table, cells holding literals or CITYPANEL.* formulas) through Office.js. Sheet
 * names already taken get a suffix, and formulas that refer to a renamed template sheet are
 * rewritten to the new name. `keep` chooses the sheets (e.g. only the selected tables).
 */
export async function writeTemplateSheets(
  context: Excel.RequestContext,
  tpl: StudyTemplate,
  keep: (key: string) => boolean = () => true,
): Promise<string[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const names: string[] = [];
  for (const { sheet: s, name, grid } of templateGrids(tpl, sheets.items.map((x) => x.name), keep)) {
    if (s.journal) {
      names.push(await writeTemplateTable(context, s, name, grid));
      continue;
    }
    const sheet = sheets.add(name);
    if (grid.length) {
      await writeGrid(context, sheet, 0, 0, grid);
      for (const c of s.cells) {
        if (!c.bold && !c.italic) continue;
        const r = sheet.getRangeByIndexes(c.row - 1, c.col, 1, 1);
        if (c.bold) r.format.font.bold = true;
        if (c.italic) r.format.font.italic = true;
      }
    }
    s.widths?.forEach((w, j) => { sheet.getRangeByIndexes(0, j, 1, 1).format.columnWidth = Math.round(w * 6); });
    if (s.key.startsWith("table")) sheet.showGridlines = false;
    await context.sync();
    names.push(name);
  }
  return names;
}

/**
 * A table sheet of the template: its journal table written as the pane writes results tables
 * (./write writeJournalTable: three-line rules, merges, widths, fonts, print setup) with the
 * formulas in place, then the number formats ("0.0000" for R² and weights, "0" for N) and
 * fonts of the cells the formulas spill into, which must stay empty.
 */
async function writeTemplateTable(context: Excel.RequestContext, s: TemplateSheet, name: string, grid: GridCell[][]): Promise<string> {
  const written = await writeJournalTable(context, { ...s.journal!, sheetName: name }, { formulas: grid });
  const sheet = context.workbook.worksheets.getItem(written);
  for (const c of s.cells) {
    if (c.numFmt === undefined) continue;
    const r = sheet.getRangeByIndexes(c.row - 1, c.col, 1, 1);
    r.numberFormat = [[c.numFmt]];
    if (c.font) r.format.font.name = c.font;
  }
  await context.sync();
  return written;
}

/**
 * Study output as live formulas: the template sheets for the chosen tables, then Provenance.
 * `study`: the run's own tables (same data, definition and language), whose data-dependent
 * notes (observations in Table 1, absorbed moderators in Table 7) the table sheets then keep,
 * as `citypanel template` does.
 */
export async function writeLiveStudy(
  def: StudyDefinition,
  data: DataSheetLayout,
  tables: readonly string[],
  provenance: readonly { label: Bilingual; value: string }[],
  lang: Lang,
  study?: readonly JournalTable[],
): Promise<string[]> {
  const tpl = studyTemplate(def, data, lang, study);
  return Excel.run(async (context) => {
    const names = await writeTemplateSheets(context, tpl, (key) => !key.startsWith("table") || tables.includes(key));
    if (provenance.length) names.push(await writeProvenance(context, provenance, lang));
    const firstTable = names.find((_, i) => i >= 3) ?? names[0];
    if (firstTable) { context.workbook.worksheets.getItem(firstTable).activate(); await context.sync(); }
    return names;
  });
}
