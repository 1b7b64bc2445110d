/**
 * The byte reader against the cell rules every face shares (cell.ts) and against the old
 * csv-parse reader (readCsvCells): the same files give the same numbers, the same missing
 * values, the same ids and the same errors; any chunking gives the same result.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readCsv } from "../../../src/cli/readCsvCells";
import { readColumnsFromBytes, readColumnsFromBytesSync } from "../../../src/engine/data/bytes/readColumnsFromBytes";
import { DataTable, tableIds, tableNumeric } from "../../../src/engine/data/table";
import { CityPanelError } from "../../../src/engine/errors";

const enc = (s: string) => new TextEncoder().encode(s);
const read = (s: string, opts = {}) => readColumnsFromBytesSync(enc(s), opts);

function withOld<T>(text: string, f: (t: DataTable) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "citypanel-reader-"));
  try {
    const file = path.join(dir, "t.csv");
    fs.writeFileSync(file, text);
    return f(readCsv(file));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const bothReaders = (text: string): [string, DataTable][] => [["bytes", read(text)], ["csv-parse", withOld(text, (t) => t)]];
const numbers = (t: DataTable, c: string) => Array.from(tableNumeric(t, c).values);
const thrown = (f: () => unknown): CityPanelError => {
  try { f(); } catch (e) { return e as CityPanelError; }
  throw new Error("did not throw");
};

describe("byte reader: missing values and numbers, as the cell rules and the old reader", () => {
  const text = [
    "id,x",
    "a,1.5", "b,", "c,NA", "d,.", "e,#N/A", "f,#DIV/0!", "g, 2.5 ", "h,+.5e-3", "i,-0", "j,N/A", "k,NaN",
    "l,#value!", "n,12345678901234567890", "o,0.1", "p,1.", "q,\"3,5\"", "r,7E+02",
  ].join("\n") + "\n";
  const expected = [1.5, NaN, NaN, NaN, NaN, NaN, 2.5, 0.0005, -0, NaN, NaN, NaN, 12345678901234567890, 0.1, 1, NaN, 700];
  test("same numbers, bit for bit (the quoted \"3,5\" row removed)", () => {
    const clean = text.replace('q,"3,5"\n', "");
    const want = expected.filter((_, i) => i !== 15);
    for (const [, t] of bothReaders(clean)) {
      const got = numbers(t, "x");
      expect(got.length).toBe(want.length);
      got.forEach((v, i) => expect(Object.is(v, want[i])).toBe(true));
    }
  });
  test("text in a numeric column: the same error, naming column, row (header = row 1) and value", () => {
    for (const [, t] of bothReaders(text)) {
      const e = thrown(() => tableNumeric(t, "x"));
      expect(e).toBeInstanceOf(CityPanelError);
      expect(e.message).toBe('column "x", row 17: "3,5" is not a number');
      expect(e.messageZh).toBe("列“x”第 17 行：“3,5”不是数值");
      expect(e.place).toEqual({ column: "x", row: 17 });
    }
  });
  test("a number beyond double precision: the same error from both readers", () => {
    for (const [, t] of bothReaders("x\n1\n1e400\n")) {
      expect(thrown(() => tableNumeric(t, "x")).message).toBe('column "x", row 3: "1e400" is beyond the range of double precision (about ±1.8e308)');
    }
  });
  test("a long value is cut at ~60 characters in the message", () => {
    const e = thrown(() => tableNumeric(read(`x\n${"z".repeat(5000)}\n`), "x"));
    expect(e.message.length).toBeLessThan(120);
    expect(e.message).toContain("…");
  });
  test("ids: trimmed text, missing tokens, numbers as their text; same codes and levels as the old reader", () => {
    const ids = "id,year\n Beijing ,2008\n北京,2009\nNA,2010\n,2011\n\u3000Beijing,2008.0\n#N/A,2008\n北京 ,2009\n";
    const [a, b] = bothReaders(ids).map(([, t]) => tableIds(t, "id"));
    expect(Array.from(a.codes)).toEqual(Array.from(b.codes));
    expect(a.levels).toEqual(b.levels);
    expect(a.levels).toEqual(["Beijing", "北京"]);
    const [ya, yb] = bothReaders(ids).map(([, t]) => tableIds(t, "year"));
    expect(ya.levels).toEqual(yb.levels);
    expect(ya.levels).toEqual(["2008", "2009", "2010", "2011", "2008.0"]);
  });
  test("quotes: delimiters, doubled quotes and line breaks inside quoted fields; CRLF; BOM", () => {
    const t = read('\uFEFFname,"x"\r\n"a, ""b""",1\r\n"two\r\nlines",2\r\n');
    expect(t.names).toEqual(["name", "x"]);
    expect(tableIds(t, "name").levels).toEqual(['a, "b"', "two\r\nlines"]);
    expect(numbers(t, "x")).toEqual([1, 2]);
  });
  test("blank lines are skipped but counted in row numbers", () => {
    const e = thrown(() => tableNumeric(read("x\n1\n\n2\nabc\n"), "x"));
    expect(e.message).toBe('column "x", row 5: "abc" is not a number');
  });
  test("a row with the wrong number of fields names the row", () => {
    const e = thrown(() => read("a,b\n1,2\n3\n"));
    expect(e).toBeInstanceOf(CityPanelError);
    expect(e.message).toMatch(/^row 3 has 1 field but the header has 2/);
  });
  test("a quote left open names the row", () => {
    expect(thrown(() => read('a,b\n1,"2\n')).message).toMatch(/^row 2: a quoted value is not closed/);
  });
  test("only the asked-for columns are stored; an unknown column is named with the list", () => {
    const t = read("a,b,c\n1,x,3\n", { columns: [{ name: "c", use: "number" }] });
    expect([...t.columns.keys()]).toEqual(["c"]);
    expect(thrown(() => read("a,b\n1,2\n", { columns: [{ name: "z", use: "number" }] })).message).toBe('no column named "z" (columns: a, b)');
  });
  test("empty input and header only", () => {
    expect(thrown(() => read("")).message).toBe("the file is empty");
    expect(read("a,b\n").rows).toBe(0);
  });
});

describe("byte reader: chunking never changes the result", () => {
  const text = 'id,y,name\n1,0.25,"x,1"\r\n2,-3e-2,b\n\n3,NA,"q""uote"\n4,7,\u00e9t\u00e9\n';
  const whole = read(text);
  test.each([1, 2, 3, 5, 8, 13])("chunks of %i bytes (async source)", async (size) => {
    const b = enc(text);
    const chunks: Uint8Array[] = [];
    for (let p = 0; p < b.length; p += size) chunks.push(b.slice(p, p + size));
    const t = await readColumnsFromBytes(chunks);
    expect(t.rows).toBe(whole.rows);
    for (const name of whole.names) {
      expect(Array.from(t.columns.get(name)!.values!)).toEqual(Array.from(whole.columns.get(name)!.values!));
      expect(tableIds(t, name)).toEqual(tableIds(whole, name));
    }
  });
});

describe("parseDecimalBytes: the exact fast path (the general path gives the same numbers, so check the fast one directly)", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parseDecimalBytes, NOT_FAST } = require("../../../src/engine/data/bytes/decimal") as typeof import("../../../src/engine/data/bytes/decimal");
  const fast = (s: string) => parseDecimalBytes(enc(s), 0, enc(s).length);
  test.each(["0", "-1.175367267", "0.863802653", "123456789012345", "+.5", "1.", "7E+02", "2.5e-7", "-0.000000001", "999999999999999e-22"])("%s is parsed without a string, equal to Number()", (s) => {
    const v = fast(s);
    expect(v).not.toBe(NOT_FAST);
    expect(Object.is(v, Number(s))).toBe(true);
  });
  test.each(["", ".", "-", "1e", "NA", " 1", "1 ", "1,5", "12345678901234567", "1e23", "1e-23", "0x10", "1e400"])("%j is left to the general rules", (s) => {
    expect(fast(s)).toBe(NOT_FAST);
  });
});
