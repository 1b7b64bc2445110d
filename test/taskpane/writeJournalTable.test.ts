/**
 * The task pane's table sheets are results.xlsx's table sheets: writeJournalTable (Office.js,
 * against office-addin-mock) and the CLI's addTableSheet (exceljs) translate the same
 * engine/tables/sheetStyle description, so for the study's Table 1 and Table 4, en and zh,
 * every cell has the same text, font, size, weight, alignment, wrapping and rules, and the
 * sheets the same merges, widths, heights and print setup; plain numbers are numbers with the
 * same format in both. Then exact values for the zh and en
 * Table 4: fonts per cell (Times New Roman for Latin and digits, SimSun where there is Chinese),
 * page layout calls, and a host below ExcelApi 1.9 (no page layout, the table still written).
 */
import ExcelJS from "exceljs";
import * as path from "path";
import { readCsv } from "../../src/cli/readCsvCells";
import { addTableSheet } from "../../src/cli/workbook/xlsxTables";
import { defaultStudy } from "../../src/engine/study/defaultStudy";
import { runStudy } from "../../src/engine/study/runStudy";
import { JournalTable } from "../../src/engine/tables/journalTable";
import { columnWidthPoints, sheetStyle } from "../../src/engine/tables/sheetStyle";
import { writeJournalTable } from "../../src/taskpane/excel/write";
import { installExcel, WorkbookModel } from "./mockExcel";

const panel = readCsv(path.resolve(__dirname, "../../assets/sample/city-panel.csv"));
const tables = {
  en: runStudy(panel, defaultStudy(), { lang: "en", tables: ["table1", "table4"] }).tables,
  zh: runStudy(panel, defaultStudy(), { lang: "zh", tables: ["table1", "table4"] }).tables,
};
const table4 = (lang: "en" | "zh") => tables[lang].find((t) => t.id === "table4")!;

async function paneSheet(tbl: JournalTable, excelApi = 1.9, rejectZoom?: (zoom: unknown) => boolean): Promise<{ model: WorkbookModel; name: string }> {
  const model = new WorkbookModel({ Sheet1: [] });
  model.excelApi = excelApi;
  model.rejectZoom = rejectZoom;
  installExcel(model);
  const name = await Excel.run((ctx) => writeJournalTable(ctx, tbl));
  return { model, name };
}

const cellText = (v: ExcelJS.CellValue): string =>
  v === null || v === undefined ? "" : typeof v === "object" && "richText" in v ? v.richText.map((r) => r.text).join("") : String(v);

describe.each(["en", "zh"] as const)("%s: the pane's table sheets equal results.xlsx's", (lang) => {
  test.each(["table1", "table4"])("%s: cells, merges, widths, heights, print setup", async (id) => {
    const tbl = tables[lang].find((t) => t.id === id)!;
    const { model, name } = await paneSheet(tbl);
    const wb = new ExcelJS.Workbook();
    const ws = addTableSheet(wb, tbl, new Set());
    const style = sheetStyle(tbl);
    const merges = model.merges.get(name)!;
    expect(merges).toEqual(style.merges);
    expect(ws.model.merges.sort()).toEqual(
      style.merges.map((m) => `${ws.getCell(m.row + 1, m.col + 1).address}:${ws.getCell(m.row + m.rows, m.col + m.cols).address}`).sort(),
    );
    const covered = (r: number, c: number) => merges.some((m) => r >= m.row && r < m.row + m.rows && c >= m.col && c < m.col + m.cols && (r !== m.row || c !== m.col));
    let compared = 0;
    for (const { row: r, col: c } of style.cells) {
      {
        if (covered(r, c)) continue;
        const x = model.get(name, r, c)!;
        const e = ws.getCell(r + 1, c + 1);
        const at = `${name}!R${r + 1}C${c + 1}`;
        expect([at, x.v, x.nf]).toEqual([at, typeof e.value === "number" ? e.value : cellText(e.value), e.numFmt]);
        expect([at, x.font, x.size, !!x.bold, !!x.italic]).toEqual([at, e.font.name, e.font.size, !!e.font.bold, !!e.font.italic]);
        expect([at, x.align, x.valign, !!x.wrap]).toEqual([at, e.alignment.horizontal === "left" ? "Left" : "Center", e.alignment.vertical === "top" ? "Top" : "Center", !!e.alignment.wrapText]);
        const rule = (b?: Partial<ExcelJS.Border>) => (b?.style === "thin" ? "Thin" : b?.style === "medium" ? "Medium" : undefined);
        expect([at, x.top, x.bottom]).toEqual([at, rule(e.border?.top), rule(e.border?.bottom)]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(style.rows * 2);
    style.widths.forEach((w, j) => {
      expect(ws.getColumn(j + 1).width).toBe(w);
      expect(model.columnWidths.get(name)!.get(j)).toBe(columnWidthPoints(w));
    });
    for (let r = 0; r < style.rows; r++) expect([r, model.rowHeights.get(name)?.get(r)]).toEqual([r, ws.getRow(r + 1).height]);
    const pl = model.pageLayouts.get(name)!;
    expect(pl.paperSize).toBe("A4");
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(pl.orientation!.toLowerCase()).toBe(ws.pageSetup.orientation);
    expect(pl.zoom).toEqual({ horizontalFitToPages: ws.pageSetup.fitToWidth, verticalFitToPages: ws.pageSetup.fitToHeight });
    expect(ws.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true });
    expect(pl.centerHorizontally).toBe(true);
    expect(pl.margins).toEqual({ unit: "Inches", options: ws.pageSetup.margins });
    expect(pl.printArea).toBe(ws.pageSetup.printArea);
    expect(pl.printTitleRows!.replace(/\$/g, "")).toBe(ws.pageSetup.printTitlesRow);
    expect(model.gridlines.get(name)).toBe(false);
    expect(ws.views[0].showGridLines).toBe(false);
  });
});

describe("digit grouping (tableOptions.digitGrouping) on a pane sheet", () => {
  test("zh Table 4: N a number shown \"2 744\" by its format, as results.xlsx stores it; coefficients grouped text", async () => {
    const def = { ...defaultStudy(), tableOptions: { digitGrouping: true } };
    const tbl = runStudy(panel, def, { lang: "zh", tables: ["table4"] }).tables[0];
    const { model, name } = await paneSheet(tbl);
    const ws = addTableSheet(new ExcelJS.Workbook(), tbl, new Set());
    const cells = [...model.sheets.get(name)!.entries()].map(([k, c]) => ({ at: k.split(",").map(Number), ...c }));
    const n = cells.filter((c) => c.v === 2744);
    expect(n.length).toBe(4);
    for (const c of n) {
      expect(c.nf).toBe("0 000");
      expect([ws.getCell(c.at[0] + 1, c.at[1] + 1).value, ws.getCell(c.at[0] + 1, c.at[1] + 1).numFmt]).toEqual([2744, "0 000"]);
    }
    expect(cells.map((c) => c.v)).toEqual(expect.arrayContaining(["0.849 0***", "(0.060 4)", "-0.000 001 2***", "655.878 3 {16.380 0}"]));
  });
});

describe("Table 4 on a pane sheet, exactly", () => {
  test("zh: SimSun where there is Chinese, Times New Roman for Latin and digits; sizes, wrap, merges, rules", async () => {
    const { model, name } = await paneSheet(table4("zh"));
    expect(name).toBe("表4 工具变量");
    const at = (r: number, c: number) => model.get(name, r, c)!;
    expect(at(0, 0)).toMatchObject({ v: "表4  内生性分析回归结果", font: "SimSun", size: 12, bold: true, align: "Center" });
    expect(at(2, 0)).toMatchObject({ v: "变量", font: "SimSun", size: 10.5, bold: true, top: "Medium", bottom: "Thin" });
    expect(at(2, 1)).toMatchObject({ v: "IV_1", font: "Times New Roman", bold: true, align: "Center", top: "Medium" });
    expect(at(3, 1)).toMatchObject({ v: "第一阶段", font: "SimSun", bold: true, bottom: "Thin" });
    expect(at(4, 0)).toMatchObject({ v: "digit", font: "Times New Roman", size: 10.5, align: "Left", valign: "Center" });
    expect(at(4, 0).bold).toBeFalsy();
    expect(at(4, 2)).toMatchObject({ v: "0.8490***", font: "Times New Roman", nf: "@" });
    expect(at(6, 0)).toMatchObject({ v: "工具变量", font: "SimSun", align: "Left" });
    expect(at(6, 1)).toMatchObject({ v: "-0.0000012***", font: "Times New Roman", nf: "@", align: "Center" });
    expect(at(7, 1)).toMatchObject({ v: "(0.000000049)", font: "Times New Roman", nf: "@" });
    expect(at(8, 1)).toMatchObject({ v: "控制", font: "SimSun" });
    expect(at(11, 0)).toMatchObject({ v: "Kleibergen-Paap rk LM", font: "Times New Roman" });
    expect(at(16, 0)).toMatchObject({ v: "R²（整体）", font: "SimSun", bottom: "Medium" });
    expect(at(15, 1)).toMatchObject({ v: 2744, nf: "0", font: "Times New Roman" });
    expect(at(16, 1)).toMatchObject({ v: 0.999, nf: "0.0000", font: "Times New Roman", bottom: "Medium" });
    expect(at(17, 0)).toMatchObject({ v: "注：*、**、*** 分别表示在 10%、5%、1% 的水平上显著；括号内为稳健标准误。", font: "SimSun", size: 9, wrap: true, valign: "Top", align: "Left" });
    expect(at(17, 0).italic).toBeFalsy();
    expect(at(18, 0)).toMatchObject({ font: "SimSun", size: 9, wrap: true });
    expect(model.merges.get(name)).toEqual([
      { row: 0, col: 0, rows: 1, cols: 5 }, { row: 2, col: 0, rows: 2, cols: 1 }, { row: 2, col: 1, rows: 1, cols: 2 }, { row: 2, col: 3, rows: 1, cols: 2 },
      { row: 17, col: 0, rows: 1, cols: 5 }, { row: 18, col: 0, rows: 1, cols: 5 },
    ]);
    expect([...model.columnWidths.get(name)!.entries()]).toEqual([[0, 145.5], [1, 108.75], [2, 61.5], [3, 114], [4, 61.5]]);
    expect(model.pageLayouts.get(name)).toEqual({
      paperSize: "A4", orientation: "Portrait", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, centerHorizontally: true,
      margins: { unit: "Inches", options: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } },
      printArea: "A1:E19", printTitleRows: "$3:$4",
    });
    // no scientific notation anywhere: neither in a number format nor in a value
    for (const x of model.sheets.get(name)!.values()) {
      expect(x.nf ?? "").not.toMatch(/E[+-]/i);
      expect(String(x.v)).not.toMatch(/\d[eE][+-]?\d/);
    }
  });

  test("en: every cell in Times New Roman; landscape (wider than A4 portrait)", async () => {
    const { model, name } = await paneSheet(table4("en"));
    expect(name).toBe("Table 4 IV 2SLS");
    const fonts = new Set([...model.sheets.get(name)!.values()].map((x) => x.font));
    expect([...fonts]).toEqual(["Times New Roman"]);
    expect(model.get(name, 0, 0)).toMatchObject({ v: "Table 4  Endogeneity: instrumental-variable (2SLS) estimates", size: 12, bold: true });
    expect(model.pageLayouts.get(name)).toMatchObject({ paperSize: "A4", orientation: "Landscape", printArea: "A1:E19", printTitleRows: "$3:$4" });
  });

  test("a note longer than the table's width wraps in its merged row, with the row's height", async () => {
    const long = { ...table4("zh"), notes: ["注：" + "第一阶段回归以数字技术为被解释变量，工具变量与控制变量、城市和年份固定效应一同进入。".repeat(3)] };
    const style = sheetStyle(long);
    const h = style.heights.get(17);
    expect(h).toBe(44);
    const { model, name } = await paneSheet(long);
    expect(model.get(name, 17, 0)).toMatchObject({ wrap: true, valign: "Top", font: "SimSun", size: 9 });
    expect(model.rowHeights.get(name)!.get(17)).toBe(44);
    expect([...model.rowHeights.get(name)!.keys()]).toEqual([17]);
    expect(model.merges.get(name)).toContainEqual({ row: 17, col: 0, rows: 1, cols: 5 });
  });

  test("a host below ExcelApi 1.9: no page layout call, the table is still written", async () => {
    const { model, name } = await paneSheet(table4("zh"), 1.8);
    expect(model.pageLayouts.has(name)).toBe(false);
    expect(model.get(name, 6, 0)).toMatchObject({ v: "工具变量", font: "SimSun" });
  });

  test("a host that refuses a zoom: height 0 refused → one page wide alone; every zoom refused → the table and the rest of the print setup stay", async () => {
    const noZeroHeight = await paneSheet(table4("zh"), 1.9, (z) => (z as { verticalFitToPages?: number }).verticalFitToPages === 0);
    expect(noZeroHeight.model.pageLayouts.get(noZeroHeight.name)).toMatchObject({ paperSize: "A4", printTitleRows: "$3:$4" });
    expect(noZeroHeight.model.pageLayouts.get(noZeroHeight.name)!.zoom).toEqual({ horizontalFitToPages: 1 });
    const none = await paneSheet(table4("zh"), 1.9, () => true);
    expect(none.name).toBe("表4 工具变量");
    const pl = none.model.pageLayouts.get(none.name)!;
    expect(pl).toMatchObject({ paperSize: "A4", orientation: "Portrait", printArea: "A1:E19", printTitleRows: "$3:$4" });
    expect(pl.zoom).toBeUndefined();
    expect(none.model.get(none.name, 6, 0)).toMatchObject({ v: "工具变量", font: "SimSun" });
    expect(none.model.merges.get(none.name)).toHaveLength(6);
  });
});
