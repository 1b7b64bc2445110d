/**
 * Issue 11, "crashes that are bad input": each file problem is exit 2 with a message in
 * English and in Chinese, never exit 1.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { runCli } from "../cliHarness";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "citypanel-files-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const file = (name: string, bytes: Uint8Array | string) => {
  const f = path.join(dir, name);
  fs.writeFileSync(f, bytes);
  return f;
};

async function expectBoth(argv: string[], en: string, zh: string) {
  const run = await runCli(argv);
  expect(run.stderr).toContain(en);
  expect(run.status).toBe(2);
  process.env.CITYPANEL_LANG = "zh";
  try {
    const runZh = await runCli(argv);
    expect(runZh.status).toBe(2);
    expect(runZh.stderr).toContain(zh);
  } finally {
    process.env.CITYPANEL_LANG = "en";
  }
}

const describeCols = (f: string) => ["describe", f, "--cols", "x"];

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("S");
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function odsBytes(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet", { compression: "STORE" });
  zip.file("content.xml", "<office:document-content/>");
  return zip.generateAsync({ type: "uint8array" });
}

describe("file problems are exit 2 with a clear bilingual message", () => {
  test("a directory as FILE", async () => {
    const d = path.join(dir, "folder.csv");
    fs.mkdirSync(d);
    await expectBoth(describeCols(d), "is a directory, not a data file", "是文件夹，不是数据文件");
  });
  test("a 0-byte .xlsx", async () => {
    await expectBoth(describeCols(file("empty.xlsx", "")), "is empty (0 bytes)", "为空（0 字节）");
  });
  test("a truncated .xlsx", async () => {
    const full = await workbook([["x"], [1], [2], [3]]);
    await expectBoth(describeCols(file("cut.xlsx", full.subarray(0, Math.floor(full.length / 2)))),
      "the .xlsx file is damaged or incomplete and cannot be opened", ".xlsx 文件已损坏或不完整");
  });
  test("a CSV renamed .xlsx", async () => {
    await expectBoth(describeCols(file("csv.xlsx", "x,y\n1,2\n")), "is not an .xlsx workbook (its content is text, perhaps a CSV: rename it .csv)", "不是 .xlsx 工作簿");
  });
  test("an .xls renamed .xlsx", async () => {
    const ole2 = new Uint8Array(512);
    ole2.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expectBoth(describeCols(file("old.xlsx", ole2)), "an old .xls workbook (or a password-protected file) is not supported; save it as .xlsx or .csv", "不支持旧版 .xls 工作簿");
  });
  test("an .ods renamed .xlsx, and a real .ods read as CSV", async () => {
    const ods = await odsBytes();
    await expectBoth(describeCols(file("sheet.xlsx", ods)), ".ods is not supported; save as .xlsx or .csv", "不支持 .ods 格式，请另存为 .xlsx 或 .csv");
    await expectBoth(describeCols(file("sheet.csv", ods)), ".ods is not supported; save as .xlsx or .csv", "不支持 .ods 格式");
    await expectBoth(describeCols(file("sheet.ods", ods)), ".ods is not supported; save as .xlsx or .csv", "不支持 .ods 格式");
  });
  test("xlsx formula cells without saved results, in a column the command uses", async () => {
    const f = file("formulas.xlsx", await workbook([["x", "y"], [{ formula: "B2*2" }, 1], [{ formula: "B3*2" }, 2]]));
    await expectBoth(describeCols(f), 'cells of column "x" are formulas without saved results; open and save the file in Excel first', "列“x”的单元格是没有保存计算结果的公式；请先在 Excel 中打开并保存该文件");
    const other = await runCli(["describe", f, "--cols", "y", "--json"]);
    expect(other.status).toBe(0);
  });
  test("a Parquet name on a file that is not Parquet", async () => {
    await expectBoth(describeCols(file("t.parquet", "x\n1\n")), "is not a Parquet file", "不是 Parquet 文件");
  });
  test("a file that is not found", async () => {
    await expectBoth(describeCols(path.join(dir, "nope.csv")), "file not found", "找不到文件");
  });
});
