import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCli } from "./cliHarness";
import { canPrintPdf, printSheetsToPdf } from "../support/printToPdf";

/**
 * The template's table sheets (`citypanel template`, en and zh) are results.xlsx's table sheets
 * (`citypanel study`) with live formulas in place of the values: cell by cell the same header
 * cells, row labels, notes, fonts (upright), bold, three-line rules, merges, column widths and
 * print setup; the template adds only its own notes under the table. Nothing is written or
 * formatted in scientific notation, and (with LibreOffice) each table sheet prints on one page.
 */
jest.setTimeout(180_000);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "citypanel-template-layout-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const text = (v: ExcelJS.CellValue): string =>
  v === null || v === undefined ? "" : typeof v === "object" && "formula" in v ? `=${v.formula}` : typeof v === "object" && "richText" in v ? v.richText.map((r) => r.text).join("") : String(v);
const isFormula = (v: ExcelJS.CellValue) => typeof v === "object" && v !== null && "formula" in v;

const books: Record<string, { results: ExcelJS.Workbook; template: ExcelJS.Workbook; templateFile: string }> = {};
beforeAll(async () => {
  for (const lang of ["en", "zh"]) {
    const results = path.join(tmp, `results-${lang}.xlsx`);
    const template = path.join(tmp, `template-${lang}.xlsx`);
    await runCli(["study", "--lang", lang, "--out", results]);
    await runCli(["template", "--lang", lang, "--out", template]);
    const r = new ExcelJS.Workbook();
    await r.xlsx.readFile(results);
    const t = new ExcelJS.Workbook();
    await t.xlsx.readFile(template);
    books[lang] = { results: r, template: t, templateFile: template };
  }
});

const tableSheets = (wb: ExcelJS.Workbook) => wb.worksheets.filter((w) => /^(Table|表)\s?\d/.test(w.name));

describe.each(["en", "zh"])("template table sheets = results.xlsx's table sheets (%s)", (lang) => {
  test("same sheets, and cell by cell the same text (where no formula), fonts, bold, rules, merges, widths and print setup", () => {
    const { results, template } = books[lang];
    const names = tableSheets(results).map((w) => w.name);
    expect(names).toHaveLength(7);
    expect(tableSheets(template).map((w) => w.name)).toEqual(names);
    for (const name of names) {
      const r = results.getWorksheet(name)!;
      const t = template.getWorksheet(name)!;
      let formulas = 0;
      let compared = 0;
      r.eachRow({ includeEmpty: true }, (row, i) => row.eachCell({ includeEmpty: true }, (rc, j) => {
        const tc = t.getCell(i, j);
        const where = `${name}!${rc.address}`;
        expect({ where, top: tc.border?.top?.style, bottom: tc.border?.bottom?.style }).toEqual({ where, top: rc.border?.top?.style, bottom: rc.border?.bottom?.style });
        expect({ where, bold: !!tc.font?.bold, italic: !!tc.font?.italic, align: tc.alignment?.horizontal }).toEqual({ where, bold: !!rc.font?.bold, italic: false, align: rc.alignment?.horizontal });
        // a cell a formula fills: its value and font follow the value
        const filled = isFormula(tc.value) || (tc.value === null && text(rc.value) !== "");
        if (isFormula(tc.value)) formulas++;
        // the font of a filled cell is the one results.xlsx's text there has (SimSun for 控制)
        expect({ where, font: tc.font?.name }).toEqual({ where, font: rc.font?.name });
        if (filled) return;
        compared++;
        expect({ where, text: text(tc.value), font: tc.font?.name }).toEqual({ where, text: text(rc.value), font: rc.font?.name });
      }));
      expect(formulas).toBeGreaterThan(0);
      expect(compared).toBeGreaterThan(10);
      // the template's own notes come after the table's, each merged across its width
      const extra = t.rowCount - r.rowCount;
      expect(extra).toBeGreaterThanOrEqual(1);
      const merges = (ws: ExcelJS.Worksheet) => [...(ws.model as unknown as { merges: string[] }).merges].sort();
      const tm = merges(t);
      expect(tm.filter((m) => Number(/\d+$/.exec(m)![0]) <= r.rowCount)).toEqual(merges(r));
      expect(tm.length - merges(r).length).toBe(extra);
      for (let k = r.rowCount + 1; k <= t.rowCount; k++) expect(t.getCell(k, 1).font?.italic).toBeFalsy();
      r.columns.forEach((c, j) => expect([name, j, t.getColumn(j + 1).width]).toEqual([name, j, c.width]));
      const { printArea: ra, ...rp } = r.pageSetup;
      const { printArea: ta, ...tp } = t.pageSetup;
      expect(tp).toEqual(rp);
      expect(ta).toBe(ra!.replace(/\d+$/, String(t.rowCount)));
    }
  });

  test("no cell of a table sheet is written or formatted in scientific notation", () => {
    for (const ws of tableSheets(books[lang].template)) {
      ws.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (c) => {
        expect(c.numFmt ?? "").not.toMatch(/E[+-]/i);
        if (!isFormula(c.value)) expect(text(c.value)).not.toMatch(/\d[eE][+-]?\d/);
      }));
    }
  });
});

// LibreOffice shows #NAME? for the custom functions; the layout and print setup are what is checked.
// PNGs of the pages go to test-artifacts/pdf/template-<lang>-N.png (test/support/printToPdf.ts).
const withPdf = canPrintPdf ? test : test.skip;
describe(`the template's table sheets print one A4 page each${canPrintPdf ? "" : " (skipped: needs LibreOffice and poppler-utils)"}`, () => {
  withPdf.each(["en", "zh"])("%s", async (lang) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(books[lang].templateFile);
    const tables = tableSheets(wb);
    const titles = tables.map((ws) => text(ws.getCell(1, 1).value));
    const printed = await printSheetsToPdf(wb, tables.map((ws) => ws.name), { dir: tmp, name: `template-${lang}` });
    expect(printed.pages).toBe(7);
    titles.forEach((title, i) => expect(printed.pageText(i + 1).replace(/\s+/g, "")).toContain(title.replace(/\s+/g, "")));
  });
});
