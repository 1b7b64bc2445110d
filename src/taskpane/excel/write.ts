/**
 * Writing through Office.js: new sheets only, never into a cell that holds something; journal
 * tables in the three-line style (model/tableGrid) and the Provenance sheet.
 */
import { valueError } from "../../engine/errors";
import { Bilingual, Lang } from "../../engine/i18n/lang";
import { JournalTable } from "../../engine/tables/journalTable";
import { Rule } from "../../engine/tables/layout";
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
 * A journal table on a new sheet named for it (with a suffix when taken), in the three-line
 * style of the CLI's workbooks (medium rule above and below, thin rule under the header,
 * bold header, upright notes, title merged across the table). Returns the sheet's name.
 */
export async function writeJournalTable(context: Excel.RequestContext, table: JournalTable, opts: { formulas?: readonly (readonly GridCell[])[] } = {}): Promise<string> {
  const sheet = await addSheetWithUniqueName(context, table.sheetName);
  const t = tableGrid(table, opts.formulas);
  await writeGrid(context, sheet, 0, 0, t.grid, { numberFormats: t.numberFormats });
  for (const run of t.runs) {
    const r = sheet.getRangeByIndexes(run.row, run.col, 1, run.cols);
    if (run.bold) r.format.font.bold = true;
    if (run.italic) { r.format.font.italic = true; r.format.font.size = 9; }
    r.format.horizontalAlignment = run.align === "center" ? "Center" : "Left";
    for (const [edge, rule] of [["EdgeTop", run.top], ["EdgeBottom", run.bottom]] as const) {
      if (rule === "none") continue;
      const b = r.format.borders.getItem(edge);
      b.style = "Continuous";
      b.weight = BORDER_WEIGHT[rule];
    }
  }
  for (const m of t.merges) sheet.getRangeByIndexes(m.row, m.col, m.rows, m.cols).merge(false);
  t.widths.forEach((w, j) => { sheet.getRangeByIndexes(0, j, 1, 1).format.columnWidth = Math.round(w * 6); });
  sheet.showGridlines = false;
  sheet.load("name");
  await context.sync();
  return sheet.name;
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
