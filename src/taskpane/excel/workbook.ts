/**
 * Every Office.js call of the task pane lives here (the rest of the pane takes data and
 * callbacks, so it is tested without Excel). Reads come in chunks (Excel on the web limits a
 * request to 5 MB and every platform a read to 5 million cells); writes go to new sheets only
 * and never into a cell that holds something.
 */
import { valueError } from "../../engine/errors";
import { Bilingual, Lang } from "../../engine/i18n/lang";
import { defaultStudy } from "../../engine/study/defaultStudy";
import { StudyDefinition } from "../../engine/study/definition";
import { formulaText } from "../../engine/study/template/formulas";
import { DataSheetLayout, StudyTemplate, studyTemplate } from "../../engine/study/template/studyTemplate";
import { JournalTable } from "../../engine/tables/journalTable";
import { layoutTable, Rule } from "../../engine/tables/layout";
import { cleanDefinition } from "../model/autoMap";
import { columnLetters, SheetBlock } from "../model/detectPanel";
import { uniqueSheetName } from "./sheetNames";

export type DataSource = { readonly kind: "selection" } | { readonly kind: "name"; readonly name: string } | { readonly kind: "table"; readonly name: string };

/** Cells per read request: well under the 5 MB payload limit of Excel on the web. */
export const DEFAULT_MAX_CELLS_PER_READ = 100_000;
/** Excel's hard limit of cells in one read, on every platform. */
export const EXCEL_MAX_CELLS_PER_READ = 5_000_000;

export interface ReadOptions {
  readonly maxCellsPerRead?: number;
  readonly onProgress?: (rowsRead: number, rows: number) => void;
}

/** Named ranges and Excel tables of the workbook, for the source picker. */
export async function listSources(): Promise<{ names: string[]; tables: string[] }> {
  return Excel.run(async (context) => {
    const names = context.workbook.names;
    const tables = context.workbook.tables;
    names.load("items/name,items/type");
    tables.load("items/name");
    await context.sync();
    return {
      names: names.items.filter((n) => String(n.type) === "Range").map((n) => n.name),
      tables: tables.items.map((t) => t.name),
    };
  });
}

/** Read the selection, a named range or an Excel table (with its header row). */
export async function readSource(source: DataSource, opts: ReadOptions = {}): Promise<SheetBlock> {
  return Excel.run(async (context) => {
    let range: Excel.Range;
    let label: string;
    if (source.kind === "selection") {
      range = context.workbook.getSelectedRange();
      label = "";
    } else if (source.kind === "name") {
      const item = context.workbook.names.getItemOrNullObject(source.name);
      await context.sync();
      if (item.isNullObject) throw valueError(`The workbook has no range named "${source.name}".`, `工作簿中没有名为“${source.name}”的区域。`);
      range = item.getRange();
      label = source.name;
    } else {
      const item = context.workbook.tables.getItemOrNullObject(source.name);
      await context.sync();
      if (item.isNullObject) throw valueError(`The workbook has no table named "${source.name}".`, `工作簿中没有名为“${source.name}”的表格。`);
      range = item.getRange();
      label = source.name;
    }
    range.load("address,rowIndex,columnIndex,rowCount,columnCount");
    range.worksheet.load("name");
    const used = range.worksheet.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    await context.sync();
    let { rowIndex, columnIndex, rowCount, columnCount } = range;
    if (source.kind === "selection") {
      if (used.isNullObject) throw valueError("The sheet is empty: select your panel (with its header row) first.", "工作表为空：请先选中面板数据（含表头行）。");
      if (rowCount * columnCount === 1) {
        // one cell selected: take the sheet's used range
        ({ rowIndex, columnIndex, rowCount, columnCount } = used);
      } else {
        // whole columns or rows selected: clip to the used range
        const rowEnd = Math.min(rowIndex + rowCount, used.rowIndex + used.rowCount);
        const colEnd = Math.min(columnIndex + columnCount, used.columnIndex + used.columnCount);
        rowIndex = Math.max(rowIndex, used.rowIndex);
        columnIndex = Math.max(columnIndex, used.columnIndex);
        rowCount = Math.max(1, rowEnd - rowIndex);
        columnCount = Math.max(1, colEnd - columnIndex);
      }
    }
    const sheet = range.worksheet;
    const values = await readChunked(context, sheet, rowIndex, columnIndex, rowCount, columnCount, opts);
    const address = `${sheet.name}!${columnLetters(columnIndex)}${rowIndex + 1}:${columnLetters(columnIndex + columnCount - 1)}${rowIndex + rowCount}`;
    return { values, sheet: sheet.name, rowIndex, columnIndex, source: label ? `${label} (${address})` : address };
  });
}

/**
 * Read a block row-chunk by row-chunk, one sync per chunk, each chunk at most
 * `maxCellsPerRead` cells (a row is never split).
 */
export async function readChunked(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  rowIndex: number,
  columnIndex: number,
  rowCount: number,
  columnCount: number,
  opts: ReadOptions & { property?: "values" | "formulas" } = {},
): Promise<unknown[][]> {
  const prop = opts.property ?? "values";
  const budget = Math.min(opts.maxCellsPerRead ?? DEFAULT_MAX_CELLS_PER_READ, EXCEL_MAX_CELLS_PER_READ);
  const rowsPerChunk = Math.max(1, Math.floor(budget / Math.max(1, columnCount)));
  const out: unknown[][] = [];
  for (let r = 0; r < rowCount; r += rowsPerChunk) {
    const n = Math.min(rowsPerChunk, rowCount - r);
    const chunk = sheet.getRangeByIndexes(rowIndex + r, columnIndex, n, columnCount);
    chunk.load(prop);
    await context.sync();
    for (const row of chunk[prop]) out.push(row);
    opts.onProgress?.(r + n, rowCount);
  }
  return out;
}

/** Add a worksheet named `wanted`, or `wanted (2)`, `(3)` … when that name is taken. */
export async function addSheetWithUniqueName(context: Excel.RequestContext, wanted: string): Promise<Excel.Worksheet> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const name = uniqueSheetName(wanted, sheets.items.map((s) => s.name));
  return sheets.add(name);
}

/** The cell written: a value, or a formula when it starts with "=" and formulas are allowed. */
export type GridCell = string | number;

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
  opts: { formulas?: boolean; numberFormats?: readonly (readonly string[])[] } = {},
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
  const isFormula = (v: GridCell) => !!opts.formulas && typeof v === "string" && v.startsWith("=");
  target.numberFormat = padded.map((r, i) => r.map((v, j) => opts.numberFormats?.[i]?.[j] || (typeof v === "string" && !isFormula(v) ? "@" : "General")));
  if (opts.formulas) target.formulas = padded as unknown[][];
  else target.values = padded as unknown[][];
  return target;
}

const PLAIN_NUMBER = /^-?\d+(?:\.(\d+))?$/;
const BORDER_WEIGHT: Record<Exclude<Rule, "none">, "Thin" | "Medium"> = { thin: "Thin", medium: "Medium" };

/**
 * A journal table on a new sheet named for it (with a suffix when taken), in the three-line
 * style of the CLI's workbooks (medium rule above and below, thin rule under the header,
 * bold header, italic notes, title merged across the table). Returns the sheet's name.
 */
export async function writeJournalTable(context: Excel.RequestContext, table: JournalTable, opts: { formulas?: readonly (readonly GridCell[])[] } = {}): Promise<string> {
  const sheet = await addSheetWithUniqueName(context, table.sheetName);
  const layout = layoutTable(table);
  const grid: GridCell[][] = Array.from({ length: layout.rows }, () => Array<GridCell>(layout.cols).fill(""));
  for (const c of layout.cells) grid[c.row][c.col] = c.value;
  if (opts.formulas) opts.formulas.forEach((r, i) => r.forEach((f, j) => { if (f !== "" && i < grid.length && j < grid[i].length) grid[i][j] = f; }));
  // plain numbers ("2744", "0.8490", "-3.1662") go in as numbers shown with the same decimals; the
  // rest ("0.0999***", "(0.0020)", "[0.0000]", "Yes") stays text
  const formats = grid.map((r) => r.map((v) => {
    const m = typeof v === "string" ? PLAIN_NUMBER.exec(v) : null;
    return m ? (m[1] ? `0.${"0".repeat(m[1].length)}` : "0") : "";
  }));
  grid.forEach((r, i) => r.forEach((v, j) => { if (formats[i][j]) grid[i][j] = Number(v); }));
  await writeGrid(context, sheet, 0, 0, grid, { formulas: !!opts.formulas, numberFormats: formats });
  // formats, one range per run of equally formatted cells in a row
  const key = (c: (typeof layout.cells)[number]) => `${c.bold}|${c.italic}|${c.align}|${c.top}|${c.bottom}`;
  const byRow = new Map<number, (typeof layout.cells)[number][]>();
  for (const c of layout.cells) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
  for (const cells of byRow.values()) {
    cells.sort((a, b) => a.col - b.col);
    for (let s = 0; s < cells.length; ) {
      let e = s + 1;
      while (e < cells.length && key(cells[e]) === key(cells[s]) && cells[e].col === cells[e - 1].col + 1) e++;
      const c = cells[s];
      const r = sheet.getRangeByIndexes(c.row, c.col, 1, e - s);
      if (c.bold) r.format.font.bold = true;
      if (c.italic) { r.format.font.italic = true; r.format.font.size = 9; }
      r.format.horizontalAlignment = c.align === "center" ? "Center" : "Left";
      for (const [edge, rule] of [["EdgeTop", c.top], ["EdgeBottom", c.bottom]] as const) {
        if (rule === "none") continue;
        const b = r.format.borders.getItem(edge);
        b.style = "Continuous";
        b.weight = BORDER_WEIGHT[rule];
      }
      s = e;
    }
  }
  for (const m of layout.merges) sheet.getRangeByIndexes(m.row, m.col, m.rows, m.cols).merge(false);
  layout.widths.forEach((w, j) => { sheet.getRangeByIndexes(0, j, 1, 1).format.columnWidth = Math.round(w * 6); });
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

/** The mapping as the workbook keeps it (document settings), so it survives reopening. */
export const SETTINGS_KEY = "citypanel.study";
export interface SavedMapping {
  readonly version: 1;
  readonly definition: StudyDefinition;
  readonly source?: DataSource;
  readonly savedAt: string;
}

export async function saveMapping(def: StudyDefinition, source?: DataSource): Promise<void> {
  const saved: SavedMapping = { version: 1, definition: cleanDefinition(def), ...(source ? { source } : {}), savedAt: new Date().toISOString() };
  await Excel.run(async (context) => {
    context.workbook.settings.add(SETTINGS_KEY, JSON.stringify(saved));
    await context.sync();
  });
}

export async function loadMapping(): Promise<SavedMapping | null> {
  return Excel.run(async (context) => {
    const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
    item.load("value");
    await context.sync();
    if (item.isNullObject) return null;
    try {
      const v = typeof item.value === "string" ? JSON.parse(item.value) : item.value;
      return v && v.version === 1 && v.definition ? (v as SavedMapping) : null;
    } catch {
      return null;
    }
  });
}

const DATA_SHEET: Bilingual = { en: "Data", zh: "数据" };

/** The columns the default study expects, in a sensible order (ids, indicators, variables). */
export function expectedHeaders(def: StudyDefinition = defaultStudy()): string[] {
  const cols: (string | undefined)[] = [
    def.columns.city, def.columns.year, def.columns.agglomeration,
    ...def.indicators.map((i) => i.column),
    def.treatment.column, def.treatmentAlt?.column,
    ...def.controls.map((c) => c.column),
    ...def.instruments.map((i) => i.column),
    def.mechanisms.cap?.numerator, def.mechanisms.cap?.denominator,
    ...(def.mechanisms.ris?.shares ?? []),
    def.mechanisms.ent?.numerator, def.mechanisms.ent?.denominator,
    ...def.moderators.flatMap((m) => [m.column, ...(m.pcaOf ?? [])]),
    def.robustness.externalIndex?.column,
  ];
  return [...new Set(cols.filter((c): c is string => !!c))];
}

/**
 * "Insert template": a new Data sheet with the expected header row (bold, frozen) and the
 * study's result sheets wired to it with live CITYPANEL.* formulas (engine/study/template),
 * referring to data rows 2 … rows + 1 of that sheet.
 */
export async function insertTemplate(lang: Lang, rows: number, def: StudyDefinition = defaultStudy()): Promise<string[]> {
  return Excel.run(async (context) => {
    const data = await addSheetWithUniqueName(context, DATA_SHEET[lang]);
    const headers = expectedHeaders(def);
    await writeGrid(context, data, 0, 0, [headers]);
    data.getRangeByIndexes(0, 0, 1, headers.length).format.font.bold = true;
    data.freezePanes.freezeRows(1);
    data.load("name");
    await context.sync();
    const tpl = studyTemplate(def, { sheet: data.name, names: headers, rows }, lang);
    const names = [data.name, ...(await writeTemplateSheets(context, tpl))];
    data.activate();
    await context.sync();
    return names;
  });
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
  const taken = sheets.items.map((s) => s.name);
  const chosen = tpl.sheets.filter((s) => keep(s.key));
  const rename = new Map<string, string>();
  for (const s of chosen) {
    const name = uniqueSheetName(s.name, taken);
    taken.push(name);
    rename.set(s.name, name);
  }
  const quoted = (n: string) => `'${n.replace(/'/g, "''")}'!`;
  const retarget = (text: string) => {
    let out = text;
    for (const [from, to] of rename) if (from !== to) out = out.split(quoted(from)).join(quoted(to));
    return out;
  };
  const names: string[] = [];
  for (const s of chosen) {
    const sheet = sheets.add(rename.get(s.name)!);
    if (s.cells.length) {
      const rows = Math.max(...s.cells.map((c) => c.row));
      const cols = Math.max(...s.cells.map((c) => c.col)) + 1;
      const grid: GridCell[][] = Array.from({ length: rows }, () => Array<GridCell>(cols).fill(""));
      for (const c of s.cells) grid[c.row - 1][c.col] = c.formula ? retarget(formulaText(c.formula, "addin")) : (c.value ?? "");
      await writeGrid(context, sheet, 0, 0, grid, { formulas: true });
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
    names.push(rename.get(s.name)!);
  }
  return names;
}

/** Whether live formulas can refer to the data where they are: header in row 1 from column A, no gaps. */
export function liveDataLayout(d: { table: { names: readonly string[]; rows: number }; headerRow: number; block: { sheet: string; rowIndex: number; columnIndex: number }; columnsInBlock: readonly number[] }, synthetic = false): DataSheetLayout | null {
  const atA1 = d.block.rowIndex + d.headerRow === 0 && d.block.columnIndex === 0 && d.columnsInBlock.every((c, j) => c === j);
  return atA1 ? { sheet: d.block.sheet, names: d.table.names, rows: d.table.rows, synthetic } : null;
}

/** Study output as live formulas: the template sheets for the chosen tables, then Provenance. */
export async function writeLiveStudy(
  def: StudyDefinition,
  data: DataSheetLayout,
  tables: readonly string[],
  provenance: readonly { label: Bilingual; value: string }[],
  lang: Lang,
): Promise<string[]> {
  const tpl = studyTemplate(def, data, lang);
  return Excel.run(async (context) => {
    const names = await writeTemplateSheets(context, tpl, (key) => !key.startsWith("table") || tables.includes(key));
    if (provenance.length) names.push(await writeProvenance(context, provenance, lang));
    const firstTable = names.find((_, i) => i >= 3) ?? names[0];
    if (firstTable) { context.workbook.worksheets.getItem(firstTable).activate(); await context.sync(); }
    return names;
  });
}

/**
 * "Repair formulas": re-enter every CITYPANEL.* formula of the workbook, cell by cell, with
 * the formula it already has. Formulas Excel parsed before the add-in was loaded can stay
 * #NAME? until re-entered (office-addin.md §6); a recalculation does not help. Only the cells
 * holding such a formula are touched (spilled neighbours are not). Returns how many.
 */
export async function repairFormulas(): Promise<number> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    let count = 0;
    for (const item of sheets.items) {
      const sheet = sheets.getItem(item.name);
      const used = sheet.getUsedRangeOrNullObject();
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      await context.sync();
      if (used.isNullObject) continue;
      const formulas = await readChunked(context, sheet, used.rowIndex, used.columnIndex, used.rowCount, used.columnCount, { property: "formulas" });
      formulas.forEach((row, i) =>
        row.forEach((f, j) => {
          if (typeof f === "string" && f.startsWith("=") && /CITYPANEL\./i.test(f)) {
            sheet.getRangeByIndexes(used.rowIndex + i, used.columnIndex + j, 1, 1).formulas = [[f]];
            count++;
          }
        }),
      );
      await context.sync();
    }
    return count;
  });
}
