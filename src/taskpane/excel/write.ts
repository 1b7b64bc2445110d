/**
 * Writing through Office.js: new sheets only, never into a cell that holds something; journal
 * tables in the three-line style (model/tableGrid) and the Provenance sheet.
 */
import { valueError } from "../../engine/errors";
import { Bilingual, Lang } from "../../engine/i18n/lang";
import { JournalTable } from "../../engine/tables/journalTable";
import { Rule } from "../../engine/tables/layout";
import { columnWidthPoints, PrintSetup, printAreaA1, printTitleRowsA1 } from "../../engine/tables/sheetStyle";
import { excelApiSupported } from "./apiSupport";
import { columnLetters } from "../model/detectPanel";
import { uniqueSheetName } from "../model/sheetNames";
import { isOwnFormula, rangeInput } from "../model/cellText";
import { GridCell, tableGrid } from "../model/tableGrid";

export type { GridCell } from "../model/tableGrid";

/** Add a worksheet named `wanted`, or `wanted (2)`, `(3)` … when that name is taken. */
export async function addSheetWithUniqueName(context: Excel.RequestContext, wanted: string): Promise<Excel.Worksheet> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const name = uniqueSheetName(wanted, sheets.items.map((s) => s.name));
  return sheets.add(name);
}

/**
 * Write a grid at (row, col) of a sheet, after checking that every target cell is empty:
 * the task pane never overwrites anything. Text cells are formatted as text so that "(0.0020)"
 * stays text and is not read as −0.002.
 */
export async function writeGrid(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  row: number,
  col: number,
  grid: readonly (readonly GridCell[])[],
  opts: { numberFormats?: readonly (readonly string[])[] } = {},
): Promise<Excel.Range> {
  const rows = grid.length;
  const cols = Math.max(...grid.map((r) => r.length));
  const target = sheet.getRangeByIndexes(row, col, rows, cols);
  target.load("formulas");
  sheet.load("name");
  await context.sync();
  target.formulas.forEach((r, i) =>
    r.forEach((f, j) => {
      if (f !== "" && f !== null && f !== undefined) {
        const at = `${sheet.name}!${columnLetters(col + j)}${row + i + 1}`;
        throw valueError(
          `Cell ${at} is not empty; CityPanel never overwrites cells. Clear it or choose another place.`,
          `单元格 ${at} 不为空；CityPanel 从不覆盖已有内容。请清空该单元格或换一个位置。`,
        );
      }
    }),
  );
  const padded = grid.map((r) => Array.from({ length: cols }, (_, j) => (j < r.length ? r[j] : "")));
  target.numberFormat = padded.map((r, i) => r.map((v, j) => opts.numberFormats?.[i]?.[j] || (typeof v === "string" ? "@" : "General")));
  // only CityPanel's own formulas go in as formulas; every string is written as text (model/cellText)
  const input = padded.map((r) => r.map(rangeInput));
  if (padded.some((r) => r.some(isOwnFormula))) target.formulas = input;
  else target.values = input;
  return target;
}

const BORDER_WEIGHT: Record<Exclude<Rule, "none">, "Thin" | "Medium"> = { thin: "Thin", medium: "Medium" };

/**
 * A journal table on a new sheet named for it (with a suffix when taken), as
 * engine/tables/sheetStyle describes it — the same description the CLI's results.xlsx is
 * written from: three-line rules, bold header, fonts per cell (Times New Roman, SimSun where
 * the text has Chinese: Office.js cannot set fonts per character), sizes, notes wrapped in
 * the merged width with their row heights, column widths, no gridlines, and the print setup
 * (printSetup). Returns the sheet's name.
 */
export async function writeJournalTable(context: Excel.RequestContext, table: JournalTable, opts: { formulas?: readonly (readonly GridCell[])[] } = {}): Promise<string> {
  const sheet = await addSheetWithUniqueName(context, table.sheetName);
  const t = tableGrid(table, opts.formulas);
  await writeGrid(context, sheet, 0, 0, t.grid, { numberFormats: t.numberFormats });
  for (const run of t.runs) {
    const r = sheet.getRangeByIndexes(run.row, run.col, 1, run.cols);
    r.format.font.name = run.font;
    r.format.font.size = run.size;
    if (run.bold) r.format.font.bold = true;
    if (run.italic) r.format.font.italic = true;
    r.format.horizontalAlignment = run.align === "center" ? "Center" : "Left";
    r.format.verticalAlignment = run.vertical === "top" ? "Top" : "Center";
    if (run.wrap) r.format.wrapText = true;
    for (const [edge, rule] of [["EdgeTop", run.top], ["EdgeBottom", run.bottom]] as const) {
      if (rule === "none") continue;
      const b = r.format.borders.getItem(edge);
      b.style = "Continuous";
      b.weight = BORDER_WEIGHT[rule];
    }
  }
  const style = t.style;
  for (const m of style.merges) sheet.getRangeByIndexes(m.row, m.col, m.rows, m.cols).merge(false);
  style.widths.forEach((w, j) => { sheet.getRangeByIndexes(0, j, 1, 1).format.columnWidth = columnWidthPoints(w); });
  for (const [row, h] of style.heights) sheet.getRangeByIndexes(row, 0, 1, 1).format.rowHeight = h;
  sheet.showGridlines = style.showGridlines;
  sheet.load("name");
  await context.sync();
  await printSetup(context, sheet, style.print);
  return sheet.name;
}

/**
 * The sheet's print setup (ExcelApi 1.9, above the manifest's requirement set: skipped where
 * the host lacks it): A4, portrait or landscape, centred, the margins, the print area, the
 * header rows repeated on every page, then one page wide and as many tall as needed. It runs
 * after the table is on the sheet, in batches of its own: a host that rejects a setting loses
 * that setting, never the table. The zoom is the one setting not checked in a real Excel
 * here: { horizontalFitToPages: 1, verticalFitToPages: 0 } (OOXML fitToWidth 1, fitToHeight 0,
 * "automatic" height), and if the host refuses the 0, { horizontalFitToPages: 1 } alone.
 */
async function printSetup(context: Excel.RequestContext, sheet: Excel.Worksheet, p: PrintSetup): Promise<void> {
  if (!excelApiSupported("1.9")) return;
  const attempt = async (set: (pl: Excel.PageLayout) => void): Promise<boolean> => {
    try {
      set(sheet.pageLayout);
      await context.sync();
      return true;
    } catch {
      return false; // the table is written; only this print setting is missing
    }
  };
  await attempt((pl) => {
    pl.paperSize = p.paper;
    pl.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
    pl.centerHorizontally = p.centerHorizontally;
    const m = p.marginsInches;
    pl.setPrintMargins("Inches", { left: m.left, right: m.right, top: m.top, bottom: m.bottom, header: m.header, footer: m.footer });
    pl.setPrintArea(printAreaA1(p));
    pl.setPrintTitleRows(printTitleRowsA1(p));
  });
  if (!(await attempt((pl) => { pl.zoom = { horizontalFitToPages: p.fitToWidth, verticalFitToPages: p.fitToHeight }; }))) {
    await attempt((pl) => { pl.zoom = { horizontalFitToPages: p.fitToWidth }; });
  }
}

const PROVENANCE_SHEET: Bilingual = { en: "Provenance", zh: "来源说明" };

/** The Provenance sheet: what the study ran on and how (label, value rows). */
export async function writeProvenance(context: Excel.RequestContext, rows: readonly { label: Bilingual; value: string }[], lang: Lang): Promise<string> {
  const sheet = await addSheetWithUniqueName(context, PROVENANCE_SHEET[lang]);
  const grid: GridCell[][] = [[lang === "zh" ? "项目" : "item", lang === "zh" ? "内容" : "value"], ...rows.map((r) => [r.label[lang], r.value.slice(0, 32_000)])];
  await writeGrid(context, sheet, 0, 0, grid);
  sheet.getRangeByIndexes(0, 0, 1, 2).format.font.bold = true;
  sheet.getRangeByIndexes(0, 0, 1, 1).format.columnWidth = 170;
  sheet.getRangeByIndexes(0, 1, 1, 1).format.columnWidth = 520;
  sheet.load("name");
  await context.sync();
  return sheet.name;
}

export interface StudyOutput {
  readonly tables: readonly JournalTable[];
  readonly provenance: readonly { label: Bilingual; value: string }[];
}

/** Write every table and the Provenance sheet; returns the sheet names in order. */
export async function writeStudyOutput(
  out: StudyOutput,
  lang: Lang,
  opts: { formulas?: (t: JournalTable) => readonly (readonly GridCell[])[] | undefined; onSheet?: (name: string) => void } = {},
): Promise<string[]> {
  return Excel.run(async (context) => {
    const names: string[] = [];
    for (const t of out.tables) {
      const name = await writeJournalTable(context, t, { formulas: opts.formulas?.(t) });
      names.push(name);
      opts.onSheet?.(name);
    }
    if (out.provenance.length) {
      const name = await writeProvenance(context, out.provenance, lang);
      names.push(name);
      opts.onSheet?.(name);
    }
    if (names.length) {
      context.workbook.worksheets.getItem(names[0]).activate();
      await context.sync();
    }
    return names;
  });
}
