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
