/**
 * Issue 12 (.xlsx at 1M rows): the streaming .xlsx reader (readXlsxStreaming, used by
 * readTable for large workbooks) gives exactly the cells, names, row count and errors of the
 * whole-workbook reader (readXlsx) — on workbooks made here with every kind of cell: numbers,
 * shared and inline strings, rich text, formulas with and without saved results, errors,
 * dates, blank cells, a skipped row, trailing empty rows, a row wider than the header, two sheets.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readXlsx } from "../../../src/cli/readXlsx";
import { readXlsxStreaming } from "../../../src/cli/readXlsxStream";
import { watchMergedCells } from "../../../src/cli/xlsxMergedCells";
import { RawTable } from "../../../src/engine/data/table";
import { ColumnRequest } from "../../../src/engine/data/typedTable";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "citypanel-xlsx-stream-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function workbook(name: string, sheets: Record<string, unknown[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(sheet);
    rows.forEach((r, i) => {
      if (r.length > 0) ws.getRow(i + 1).values = r as ExcelJS.CellValue[];
    });
  }
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** The streaming table equals the whole-workbook table on the columns asked for (all when none). */
async function expectSame(file: string, sheet?: string, columns?: ColumnRequest[]): Promise<RawTable> {
  const whole = await readXlsx(file, sheet, columns);
  const streamed = await readXlsxStreaming(file, sheet, columns);
  expect(streamed.names).toEqual(whole.names);
  expect(streamed.rows).toBe(whole.rows);
  const asked = columns ? columns.map((c) => c.name) : whole.names;
  for (const n of asked) {
    const j = whole.names.indexOf(n);
    if (j >= 0) expect(streamed.columns[j]).toEqual(whole.columns[j]);
  }
  return streamed;
}

const PANEL = [
  ["city", "year", "y", "x", "note"],
  ["安庆", 2008, 1.5, { formula: "C2*2", result: 3 }, { richText: [{ text: "rich " }, { text: "text" }] }],
  ["Anqing", 2009, null, 4, "shared"],
  ["安庆", 2010, { error: "#N/A" }, "NA", "shared"],
  [],
  ["Hefei", new Date(Date.UTC(2011, 0, 2)), -2.25e-7, ".", ""],
  ["Hefei", 2012, 7, 8, "x", "beyond the header"],
  [],
  [],
];

test("every kind of cell, all columns and a subset", async () => {
  const f = await workbook("panel.xlsx", { Data: PANEL, Other: [["a"], [1]] });
  const all = await expectSame(f);
  expect(all.names).toEqual(["city", "year", "y", "x", "note", "column6"]);
  expect(all.rows).toBe(6);
  expect(all.columns[1]).toEqual([2008, 2009, 2010, "", 20110102, 2012]);
  expect(all.columns[3]).toEqual([3, 4, "NA", "", ".", 8]);
  expect(all.columns[4]).toEqual(["rich text", "shared", "shared", "", "", "x"]);
  const some = await expectSame(f, undefined, [{ name: "y", use: "number" }, { name: "city", use: "id" }]);
  expect(some.columns[2]).toEqual([1.5, "", "#N/A", "", -2.25e-7, 7]);
  expect(some.columns[3]).toEqual([]); // not asked for: not kept
});

test("--sheet picks a later sheet; a missing sheet and an empty sheet are the same errors", async () => {
  const f = await workbook("two.xlsx", { First: [["a"], [1]], Second: [["b", "c"], [2, 3], [4, 5]] });
  const t = await expectSame(f, "Second", [{ name: "c", use: "number" }]);
  expect(t.columns[1]).toEqual([3, 5]);
  await expect(readXlsxStreaming(f, "Nope")).rejects.toThrow('no sheet named "Nope" (sheets: First, Second)');
  await expect(readXlsx(f, "Nope")).rejects.toThrow('no sheet named "Nope" (sheets: First, Second)');
  const e = await workbook("empty.xlsx", { Blank: [] });
  await expect(readXlsxStreaming(e)).rejects.toThrow("the sheet is empty");
  await expect(readXlsx(e)).rejects.toThrow("the sheet is empty");
});

test("formulas without saved results: an error in a column asked for, ignored in another", async () => {
  const f = await workbook("formulas.xlsx", { Data: [["x", "y"], [{ formula: "B2*2" }, 1], [{ formula: "B3*2" }, 2]] });
  const msg = 'cells of column "x" are formulas without saved results; open and save the file in Excel first';
  await expect(readXlsxStreaming(f, undefined, [{ name: "x", use: "number" }])).rejects.toThrow(msg);
  await expect(readXlsx(f, undefined, [{ name: "x", use: "number" }])).rejects.toThrow(msg);
  const t = await expectSame(f, undefined, [{ name: "y", use: "number" }]);
  expect(t.columns[1]).toEqual([1, 2]);
});

test("a damaged workbook is the same error", async () => {
  const good = fs.readFileSync(await workbook("whole.xlsx", { Data: PANEL }));
  const cut = path.join(dir, "cut.xlsx");
  fs.writeFileSync(cut, good.subarray(0, Math.floor(good.length * 0.6)));
  await expect(readXlsxStreaming(cut)).rejects.toThrow("the .xlsx file is damaged or incomplete and cannot be opened");
});

test("a header that does not start in row 1 (names only known at the end): the whole-workbook reader's answer", async () => {
  const f = await workbook("late.xlsx", { Data: [[], [], ["a", "b"], [1, 2]] });
  await expectSame(f);
  await expectSame(f, undefined, [{ name: "column1", use: "number" }]);
});

/** A workbook with merged ranges (exceljs writes <mergeCell ref="…"/> after the sheet data). */
async function mergedWorkbook(name: string, rows: unknown[][], merges: string[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Data");
  rows.forEach((r, i) => { if (r.length > 0) ws.getRow(i + 1).values = r as ExcelJS.CellValue[]; });
  for (const m of merges) ws.mergeCells(m);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

// a city name merged down its years, as statistical exports print it
const MERGED_PANEL = [
  ["city", "year", "y", "x"],
  ["安庆", 2010, 1.5, 2], [null, 2011, 1.7, 3], [null, 2012, 1.9, 5],
  ["合肥", 2010, 2.5, 1], [null, 2011, 2.8, 4], [null, 2012, 3.1, 6],
];

describe("merged cells: every cell of a range reads the top-left value, as in the whole-workbook reader", () => {
  test("a city merged down its years: no row loses its city", async () => {
    const f = await mergedWorkbook("merged.xlsx", MERGED_PANEL, ["A2:A4", "A5:A7"]);
    const t = await expectSame(f);
    expect(t.columns[0]).toEqual(["安庆", "安庆", "安庆", "合肥", "合肥", "合肥"]);
    const some = await expectSame(f, undefined, [{ name: "city", use: "id" }, { name: "y", use: "number" }]);
    expect(some.columns[0]).toEqual(["安庆", "安庆", "安庆", "合肥", "合肥", "合肥"]);
    expect(some.columns[2]).toEqual([1.5, 1.7, 1.9, 2.5, 2.8, 3.1]);
  });

  test("a range across columns, one reaching below the last filled row, an empty top-left cell", async () => {
    const rows = [...MERGED_PANEL.map((r) => [...r]), [null, 2013, null, null]];
    rows[2][2] = 9; // C3 …
    const f = await mergedWorkbook("across.xlsx", rows, ["A2:A4", "C3:D3", "A5:A10", "D5:D6"]);
    rows[5][3] = null;
    const t = await expectSame(f);
    expect(t.rows).toBe(9);
    expect(t.columns[3].slice(0, 2)).toEqual([2, 9]);
    await expectSame(f, undefined, [{ name: "x", use: "number" }, { name: "city", use: "id" }]);
  });

  test("ranges the stream cannot settle (the header row; a kept column inside a range whose first column is not kept) read the whole workbook", async () => {
    const f = await mergedWorkbook("header.xlsx", [["city", null, "y"], ["a", "b", 1], ["c", "d", 2]], ["A1:B1"]);
    // a header merged over two columns names both: the same clear error from both readers
    await expect(readXlsx(f)).rejects.toThrow('the header names column "city" twice');
    await expect(readXlsxStreaming(f)).rejects.toThrow('the header names column "city" twice');
    const g = await mergedWorkbook("inside.xlsx", MERGED_PANEL, ["C3:D3"]);
    await expectSame(g, undefined, [{ name: "x", use: "number" }]);
  });
});

describe("watchMergedCells finds the ranges wherever the stream splits the XML", () => {
  const xml = '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>mergeCell text</t></is></c></row></sheetData>' +
    '<mergeCells count="3"><mergeCell ref="A2:A15"/><x:mergeCell ref="AB7:AC9"/><mergeCell ref="C3"/></mergeCells><pageMargins left="0.7"/></worksheet>';
  const expected = [{ top: 2, left: 1, bottom: 15, right: 1 }, { top: 7, left: 28, bottom: 9, right: 29 }, { top: 3, left: 3, bottom: 3, right: 3 }];
  async function watch(chunks: (Uint8Array | string)[]) {
    const ws = { iterator: (async function* () { yield* chunks; })() };
    const found = watchMergedCells(ws);
    const passed: string[] = [];
    for await (const c of ws.iterator) passed.push(typeof c === "string" ? c : Buffer.from(c).toString("utf8"));
    return { found, passed: passed.join("") };
  }
  test("every split into two and three chunks: the same ranges, the bytes passed on unchanged", async () => {
    const bytes = Buffer.from(xml, "utf8");
    for (let a = 1; a < bytes.length; a += 3) {
      for (const b of [a + 1, a + 7, bytes.length - 1]) {
        const cuts = [0, a, Math.min(Math.max(a, b), bytes.length), bytes.length];
        const chunks = cuts.slice(1).map((c, i) => bytes.subarray(cuts[i], c)).filter((c) => c.length > 0);
        const { found, passed } = await watch(chunks);
        expect([a, b, found]).toEqual([a, b, expected]);
        expect(passed).toBe(xml);
      }
    }
  });
  test("no merged ranges: none", async () => {
    expect((await watch([Buffer.from('<worksheet><sheetData><row r="1"/></sheetData></worksheet>')])).found).toEqual([]);
  });
  test("a reader without a byte iterator is an error, not a silent miss", () => {
    expect(() => watchMergedCells({})).toThrow(/^internal: exceljs's worksheet reader has no byte iterator/);
  });
});
