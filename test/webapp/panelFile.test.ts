/**
 * The web app's file reading (in the browser; here under Node, whose TextDecoder knows GB18030
 * too): UTF-8 with or without BOM, GBK and UTF-16 CSV with any of the delimiters the command line
 * detects, and .xlsx, give the cells `citypanel` reads from the same file; .xls, .ods, a CSV named
 * .xlsx, Parquet and broken files are bilingual errors naming the file.
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
  expect(await fail("bad.xlsx", new TextEncoder().encode("city,year\nA,2008\n"))).toEqual([
    "bad.xlsx is not an .xlsx workbook (its content is text, perhaps a CSV: rename it .csv); save it from Excel as .xlsx or .csv",
    "bad.xlsx 不是 .xlsx 工作簿（其内容是文本，可能是 CSV：请改名为 .csv）；请在 Excel 中另存为 .xlsx 或 .csv",
  ]);
  const zipHead = [0x50, 0x4b, 0x03, 0x04];
  expect((await fail("cut.xlsx", new Uint8Array([...zipHead, 0, 0, 0])))[1]).toMatch(/^cut\.xlsx：无法读取的 \.xlsx 文件（/);
  const ods = new Uint8Array([...zipHead, ...new TextEncoder().encode("\0\0mimetypeapplication/vnd.oasis.opendocument.spreadsheet")]);
  expect(await fail("calc.xlsx", ods)).toEqual(["calc.xlsx: .ods is not supported; save as .xlsx or .csv", "calc.xlsx：不支持 .ods 格式，请另存为 .xlsx 或 .csv"]);
  expect((await fail("p.parquet", new TextEncoder().encode("PAR1\0\0")))[0]).toBe(
    "p.parquet: Parquet files are read by the command line (citypanel study p.parquet); in the web app use .xlsx or .csv",
  );
});

describe("the command line's text rules: UTF-16 with or without BOM, and the delimiter from the header line", () => {
  const text = "城市;年份;数字技术\n北京;2008;0,5\n";
  const utf16 = (t: string, bigEndian: boolean): number[] => [...t].flatMap((ch) => {
    const c = ch.charCodeAt(0);
    return bigEndian ? [c >> 8, c & 255] : [c & 255, c >> 8];
  });
  test.each([
    ["UTF-16 LE with BOM", [0xff, 0xfe, ...utf16(text, false)]],
    ["UTF-16 BE with BOM", [0xfe, 0xff, ...utf16(text, true)]],
    ["UTF-16 LE without BOM", utf16(text, false)],
    ["UTF-16 BE without BOM", utf16(text, true)],
    ["UTF-8", [...new TextEncoder().encode(text)]],
  ])("%s, semicolon-separated", async (_, bytes) => {
    expect(decodeText(Uint8Array.from(bytes))).toBe(text);
    expect(await panelFileRows("p.csv", Uint8Array.from(bytes))).toEqual([["城市", "年份", "数字技术"], ["北京", "2008", "0,5"]]);
  });
  test.each([["tab", "\t"], ["pipe", "|"], ["comma", ","]])("%s-separated, a quoted field holding other delimiters", async (_, d) => {
    const t = ["city", "year", "x"].join(d) + "\n" + ['"A;B,C|D\tE"', "2008", "1.5"].join(d) + "\n";
    expect(await panelFileRows("p.csv", new TextEncoder().encode(t))).toEqual([["city", "year", "x"], ["A;B,C|D\tE", "2008", "1.5"]]);
  });
});
