/**
 * The web app's file reading (in the browser; here under Node, whose TextDecoder knows GB18030
 * too): UTF-8 with or without BOM and GBK CSV, and .xlsx, give the cells `citypanel` reads from
 * the same file; .xls and broken files are bilingual errors naming the file.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { readCsv } from "../../src/cli/readCsvCells";
import { decodeText, panelFileRows } from "../../src/webapp/panelFile";
import { isCityPanelError } from "../../src/engine/errors";

const SAMPLE = path.resolve(__dirname, "../../assets/sample/city-panel.csv");

test("the sample CSV gives the command line's cells, row by row", async () => {
  const rows = await panelFileRows("city-panel.csv", new Uint8Array(fs.readFileSync(SAMPLE)));
  const table = readCsv(SAMPLE);
  expect(rows[0]).toEqual(table.names);
  expect(rows.length - 1).toBe(table.rows);
  for (const i of [0, 1, 1000, table.rows - 1]) expect(rows[i + 1]).toEqual(table.columns.map((c) => c[i]));
});

test("GBK (as Chinese Excel saves CSV) and UTF-8 with BOM decode to the same text", async () => {
  const text = "城市,年份,数字技术\n北京,2008,0.5\n";
  // 城市,年份,数字技术 / 北京 in GBK
  const gbk = new Uint8Array([0xb3, 0xc7, 0xca, 0xd0, 0x2c, 0xc4, 0xea, 0xb7, 0xdd, 0x2c, 0xca, 0xfd, 0xd7, 0xd6, 0xbc, 0xbc, 0xca, 0xf5, 0x0a,
    0xb1, 0xb1, 0xbe, 0xa9, 0x2c, 0x32, 0x30, 0x30, 0x38, 0x2c, 0x30, 0x2e, 0x35, 0x0a]);
  expect(decodeText(gbk)).toBe(text);
  const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
  expect(await panelFileRows("p.csv", bom)).toEqual([["城市", "年份", "数字技术"], ["北京", "2008", "0.5"]]);
  expect(await panelFileRows("p.csv", gbk)).toEqual([["城市", "年份", "数字技术"], ["北京", "2008", "0.5"]]);
});

test(".xlsx: the first sheet's cells (numbers stay numbers, formulas give their results)", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Panel");
  ws.addRow(["city", "year", "x"]);
  ws.addRow(["A", 2008, 1.5]);
  ws.addRow(["B", 2008, { formula: "1+1", result: 2 }]);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  expect(await panelFileRows("panel.xlsx", bytes)).toEqual([["city", "year", "x"], ["A", 2008, 1.5], ["B", 2008, 2]]);
});

test("an .xls, an empty file, a broken CSV or .xlsx: a bilingual message naming the file", async () => {
  const fail = async (name: string, bytes: Uint8Array) => {
    try {
      await panelFileRows(name, bytes);
    } catch (e) {
      if (!isCityPanelError(e)) throw e;
      return [e.message, e.messageZh];
    }
    throw new Error("no error");
  };
  expect(await fail("old.xls", new Uint8Array([1]))).toEqual(["old.xls: the old .xls format is not supported; save it as .xlsx or .csv", "old.xls：不支持旧版 .xls 格式，请另存为 .xlsx 或 .csv"]);
  expect(await fail("empty.csv", new Uint8Array())).toEqual(["empty.csv is empty", "empty.csv 为空"]);
  expect((await fail("bad.csv", new TextEncoder().encode("a,b\n1,2,3\n")))[0]).toMatch(/^bad\.csv: not a valid CSV file \(/);
  expect((await fail("bad.xlsx", new TextEncoder().encode("not a zip")))[1]).toMatch(/^bad\.xlsx：无法读取的 \.xlsx 文件（/);
});
